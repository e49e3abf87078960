"""Helpers the tests share: a project built or rendered as a user runs it, and the text of its outputs.

Fixtures stay in ``conftest.py``; everything a test imports by name lives here.
"""

from __future__ import annotations

import html as htmllib
import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from lkjip.core.config import load_config
from lkjip.core.paths import copy_project, paths
from lkjip.pipeline.data_step import run_data_step
from lkjip.publish.quarto import find_quarto

__all__ = [
    "MISSING",
    "PYTHON_LAIN",
    "ROOT",
    "copy_project",
    "docx_text",
    "docx_xml",
    "html_pages",
    "html_text",
    "libreoffice_pdf",
    "one_file",
    "pdf_text",
    "process_project",
    "quarto_or_skip",
    "run_cli_build",
]

#: Words that mean a missing value leaked into the published text.
MISSING = re.compile(r"\b(nan|NaN|None|NaT|<NA>)\b")


def pdf_text(pdf: Path) -> str:
    """The PDF's text as poppler's ``pdftotext -layout`` reads it."""
    return subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout


def docx_text(xml: str) -> str:
    """The text of a DOCX's ``word/document.xml``, one line per paragraph."""
    paragraphs = re.findall(r"<w:p[ >].*?</w:p>", xml, re.DOTALL)
    return "\n".join(
        htmllib.unescape("".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", p))) for p in paragraphs
    )


def one_file(book: Path, pattern: str) -> Path:
    """The one file of a rendered book (``_book/``) that matches ``pattern`` (``"*.pdf"``)."""
    found = sorted(book.glob(pattern))
    assert len(found) == 1, f"{pattern}: {found}"
    return found[0]


def docx_xml(docx: Path) -> str:
    """The ``word/document.xml`` of a DOCX file."""
    with zipfile.ZipFile(docx) as z:
        return z.read("word/document.xml").decode("utf-8")


def html_pages(book: Path) -> dict[str, str]:
    """Every page of a rendered site (``_book/``, without Quarto's ``site_libs``), by its path."""
    return {
        str(p.relative_to(book)): p.read_text(encoding="utf-8")
        for p in sorted(book.rglob("*.html"))
        if "site_libs" not in p.parts
    }


#: Tags inside a line of text: a reader sees their content joined to its neighbours ("(2 unit)"
#: where the 2 is a figure marked with its trail, "78,00%a" with a correction mark).
_INLINE = re.compile(r"</?(span|a|sup|sub|b|i|em|strong|code|small)\b[^>]*>")


def html_text(page: str) -> str:
    """The visible text of an HTML page (scripts and styles removed)."""
    page = re.sub(r"<(script|style)\b.*?</\1>", " ", page, flags=re.DOTALL)
    page = _INLINE.sub("", page)
    return htmllib.unescape(re.sub(r"<[^>]+>", " ", page))


def quarto_or_skip() -> Path:
    """Quarto (PATH, then the offline kit) and poppler's ``pdftotext`` for the render tests.

    Without them the test skips with the reason, except in CI (``LKJIP_CI=1``, set by
    ``.ci/run``), where a missing tool fails it.
    """
    found = find_quarto(paths().root)
    missing = []
    if found is None:
        missing.append(
            "Quarto tidak ada di PATH dan kit offline (../shared/quarto/setup.sh) tidak ditemukan"
        )
    if shutil.which("pdftotext") is None:
        missing.append("pdftotext (paket Debian poppler-utils) tidak terpasang")
    if missing:
        reason = "; ".join(missing) + ": uji render dilewati"
        if os.environ.get("LKJIP_CI"):
            pytest.fail(f"CI (LKJIP_CI=1): {reason}")
        pytest.skip(reason)
    return found.path

def _tool_or_skip(name: str, package: str) -> str:
    """The path of the program ``name``; without it the test skips (fails in CI, ``LKJIP_CI=1``)."""
    found = shutil.which(name)
    if found is None:
        reason = f"{name} (paket Debian {package}) tidak terpasang: uji dilewati"
        if os.environ.get("LKJIP_CI"):
            pytest.fail(f"CI (LKJIP_CI=1): {reason}")
        pytest.skip(reason)
    return found


def libreoffice_pdf(document: Path, folder: Path) -> Path:
    """``document`` (XLSX, DOCX) printed to PDF by LibreOffice, as an office prints it.

    Each call has a profile of its own in ``folder``, so that conversions running at the same
    time (other tests, another engineer's) never share LibreOffice's lock.
    """
    office = _tool_or_skip("libreoffice", "libreoffice-calc")
    folder.mkdir(parents=True, exist_ok=True)
    profile = (folder / "profil-libreoffice").resolve().as_uri()
    command = [office, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf"]
    result = subprocess.run(
        [*command, "--outdir", str(folder), str(document)], capture_output=True, text=True, timeout=300
    )
    pdf = folder / f"{document.stem}.pdf"
    assert result.returncode == 0 and pdf.exists(), result.stdout + result.stderr
    return pdf


#: What the PATH's ``python`` of :func:`run_cli_build` says before it fails.
PYTHON_LAIN = "python dari PATH dipanggil"


def _python_lain(folder: Path) -> Path:
    """A folder whose ``python`` and ``python3`` fail loudly (exit 97), to go first on a PATH."""
    folder.mkdir(parents=True, exist_ok=True)
    for name in ("python", "python3"):
        stub = folder / name
        stub.write_text(f"#!/bin/sh\necho '{PYTHON_LAIN}: $0 $*' >&2\nexit 97\n", encoding="utf-8")
        stub.chmod(0o755)
    return folder


def run_cli_build(
    root: Path, *args: str, quarto: Path | None = None, timeout: int = 1500
) -> subprocess.CompletedProcess:
    """``python -m lkjip build *args`` on the project at ``root``, as a user runs it.

    The interpreter is this one, started by its path, and the PATH's ``python`` is another
    program that fails (``.venv/bin/python -m lkjip build`` without activating the environment,
    as on Windows, in cron or in an IDE): the build must never need the PATH's ``python``. With
    ``quarto``, its folder goes on the PATH too (the render tests). Returns the finished
    process; the caller asserts on its exit code.
    """
    env = {**os.environ, "LKJIP_ROOT": str(root)}
    folders = [str(_python_lain(root.parent / "path-lain"))]
    if quarto is not None:
        folders.append(str(quarto.parent))
    env["PATH"] = os.pathsep.join([*folders, os.environ.get("PATH", "")])
    return subprocess.run(
        [sys.executable, "-m", "lkjip", "build", *args],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def process_project(root: Path) -> Path:
    """Run the data step of the project at ``root`` (its ``laporan.yml``) and return ``root``."""
    config = load_config(root / "laporan.yml")
    run_data_step(root / "data" / "raw", root / "data" / "processed", config, force=True)
    return root


ROOT = paths().root
