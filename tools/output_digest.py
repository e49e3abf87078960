"""Digest of everything the main job writes, to prove a refactoring changed no output.

Usage::

    python tools/output_digest.py > before.txt      # on the old tree
    python tools/output_digest.py > after.txt       # on the new tree
    diff before.txt after.txt                        # empty: byte-identical outputs

It copies the project (without outputs) into a temporary folder, runs the build there without
Quarto (data step, reviu, notebooks, figures, annex, preview) and prints one line per output
file (of the executed chapters in ``_bab/``, their Markdown: what the book prints): its path and
SHA-256. Run-time stamps are the only parts left out: ``dibuat`` in ``manifest.json``, the
annex's "Dibuat" cell and the workbook's own creation stamps (openpyxl writes the time of saving
into ``docProps/core.xml``); the annex is digested member by member.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUTPUTS = ("data/processed", "figures", "_preview", "_bab")
#: Of the executed chapters only their text counts (the .ipynb copies carry run times).
CHAPTER_TEXT = ("*.md", "*.yml")
#: The book's metadata written from laporan.yml.
METADATA = "_laporan.yml"
SKIP = shutil.ignore_patterns(".git", "_book", "_preview", ".quarto", "__pycache__", "*.egg-info", "_work")


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _xlsx_digest(path: Path) -> str:
    parts = []
    with zipfile.ZipFile(path) as zf:
        for name in sorted(zf.namelist()):
            if name == "docProps/core.xml":
                continue
            data = zf.read(name)
            # The cover's "Dibuat" cell holds the time of writing (shared string or inline).
            data = re.sub(rb"\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}", b"<waktu>", data)
            parts.append(f"{name}:{_digest(data)}")
    return _digest("\n".join(parts).encode())


def _file_digest(path: Path) -> str:
    if path.suffix == ".xlsx":
        return _xlsx_digest(path)
    if path.name == "manifest.json":
        manifest = json.loads(path.read_text(encoding="utf-8"))
        manifest.pop("dibuat", None)
        return _digest(json.dumps(manifest, sort_keys=True).encode())
    return _digest(path.read_bytes())


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "proyek"
        shutil.copytree(ROOT, copy, ignore=SKIP)
        for folder in OUTPUTS:
            target = copy / folder
            if target.is_dir():
                for child in target.iterdir():
                    if child.name != ".gitkeep":
                        shutil.rmtree(child) if child.is_dir() else child.unlink()
        (copy / METADATA).unlink(missing_ok=True)
        env = {**os.environ, "LKJIP_ROOT": str(copy), "PYTHONPATH": str(copy / "src")}
        result = subprocess.run(
            [sys.executable, "-m", "lkjip", "build", "--tanpa-quarto", "--force"],
            cwd=copy,
            env=env,
            capture_output=True,
            text=True,
        )
        if result.returncode != 0:
            print(result.stdout, result.stderr, sep="\n", file=sys.stderr)
            return result.returncode
        for folder in OUTPUTS:
            for path in sorted((copy / folder).rglob("*")):
                if path.is_file() and path.name != ".gitkeep":
                    if folder == "_bab" and not any(path.match(p) for p in CHAPTER_TEXT):
                        continue
                    print(f"{path.relative_to(copy).as_posix()}  {_file_digest(path)}")
        print(f"{METADATA}  {_file_digest(copy / METADATA)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
