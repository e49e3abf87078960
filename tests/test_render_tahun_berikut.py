"""The default office's 2026 report (:mod:`lkjip.synthetic.tahun_berikut`) rendered with Quarto.

One planning period in force, one agreement (tables without a period letter), trend 2022-2026.
Its figures are worked out by hand in ``tests/test_tahun_berikut.py``: capaian 100,42 / 100,46 /
100,82 / 97,90 %, budget Rp824.000.000 / Rp774.395.000 = 93,98 %, efisiensi 100,56 − 93,98 =
6,58 poin.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from bantuan import MISSING, docx_xml, one_file, quarto_or_skip, run_cli_build
from bantuan import docx_text as read_docx
from bantuan import pdf_text as read_pdf

pytestmark = [pytest.mark.render, pytest.mark.slow]


@pytest.fixture(scope="module")
def buku(tmp_path_factory) -> Path:
    quarto = quarto_or_skip()
    root = tmp_path_factory.mktemp("tahun_berikut") / "proyek"
    subprocess.run(
        [sys.executable, "-m", "lkjip", "contoh-tahun-berikut", str(root)], check=True, timeout=300
    )
    result = run_cli_build(root, quarto=quarto, timeout=3600)
    assert result.returncode == 0, (result.stdout + result.stderr)[-4000:]
    return root / "_book"


@pytest.fixture(scope="module")
def pdf_text(buku) -> str:
    return read_pdf(one_file(buku, "*.pdf"))


def test_the_cover_and_the_tables_are_2026s(buku, pdf_text):
    cover = subprocess.run(
        ["pdftotext", "-f", "1", "-l", "1", str(one_file(buku, "*.pdf")), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "2026" in cover and "2025" not in cover
    assert re.search(r"Tabel III\.1 Capaian Perjanjian Kinerja Tahun 2026", pdf_text)
    assert "Tabel III.1.A" not in pdf_text and "Tabel II.3.A" not in pdf_text
    # the ended period is not printed (the data dictionary's example "mis. 2021-2025" aside)
    assert "2021-2025" not in re.sub(r"mis\.\s+2021-2025", "", pdf_text)
    assert "Tahun 2022–2026" in pdf_text


def test_the_pdf_prints_the_hand_worked_figures(pdf_text):
    for value in ("100,42%", "100,46%", "100,82%", "97,90%", "Rp824.000.000", "Rp774.395.000",
                  "93,98%", "100,56%", "6,58%"):  # fmt: skip
        assert value in pdf_text, value
    assert not MISSING.search(pdf_text), MISSING.search(pdf_text)


def test_the_docx_has_the_same_report(buku):
    text = read_docx(docx_xml(one_file(buku, "*.docx")))
    assert "Tahun 2026" in text and "6,58%" in text and "Tabel III.4.B" in text
    assert "Tabel III.1.A" not in text
    assert not MISSING.search(text), MISSING.search(text)


def test_every_download_link_of_the_site_points_at_a_published_file(buku):
    # the downloads page, and the links under each table of the chapters
    links = [
        link
        for page in sorted((buku / "bab").glob("*.html"))
        for link in re.findall(r'href="([^"]+)"', page.read_text(encoding="utf-8"))
        if "/publik/" in link
    ]
    assert any(link.endswith("lampiran-tabel-2026.xlsx") for link in links)
    assert any(link.endswith("tabel-III.1.csv") for link in links)  # one agreement: no letter
    assert any(link.endswith("tabel-III.1.xlsx") for link in links)
    missing = [link for link in links if not (buku / "bab" / link).resolve().is_file()]
    assert not missing, missing
    # the report itself, as the downloads page names it
    page = (buku / "bab" / "07-unduhan.html").read_text(encoding="utf-8")
    reports = set(re.findall(r'href="\.\./([^"]+\.(?:pdf|docx))"', page))  # (and the site's menu)
    assert len(reports) == 2 and all((buku / link).is_file() for link in reports), reports
