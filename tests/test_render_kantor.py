"""The second office (:mod:`lkjip.synthetic.kantor_kecil`) through ``python -m lkjip build`` with Quarto.

A small province unit with one agreement and only its Perjanjian Kinerja and budget exports, its
neutral prose, and figures numbered per BAB (``publikasi.penomoran.gambar: bab`` in its
``laporan.yml``). Its figures are worked out by hand in the module docstring of ``kantor_kecil``:
capaian IK-1 92,5 / 90 = 102,78 %, IK-2 36 / 40 = 90,00 %, IK-3 93,01 / 95 = 97,91 %;
efisiensi 96,89 - 93,01 = 3,88 poin. Its three charts are the capaian chart and the two budget
charts, all in BAB III: Gambar 3.1, 3.2, 3.3.

The build runs twice: the second time nothing changed, so the render is skipped.
"""

from __future__ import annotations

import re
import subprocess
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml
from bantuan import MISSING, PYTHON_LAIN, docx_xml, html_pages, one_file, quarto_or_skip, run_cli_build
from bantuan import docx_text as read_docx
from bantuan import html_text as read_html
from bantuan import pdf_text as read_pdf

pytestmark = [pytest.mark.render, pytest.mark.slow]

@dataclass
class Kantor:
    root: Path
    pertama: str
    kedua: str

    def one(self, pattern: str) -> Path:
        return one_file(self.root / "_book", pattern)


def _build(root: Path, quarto: Path) -> str:
    result = run_cli_build(root, quarto=quarto, timeout=3600)
    log = result.stdout + result.stderr
    assert result.returncode == 0, log[-4000:]
    return log


def _logo(target: Path) -> None:
    """A small emblem (a blue shield), as an office's logo file."""
    from PIL import Image, ImageDraw

    image = Image.new("RGBA", (300, 360), (255, 255, 255, 0))
    ImageDraw.Draw(image).polygon(
        [(20, 20), (280, 20), (280, 220), (150, 340), (20, 220)], fill=(0, 90, 160, 255)
    )
    image.save(target)


@pytest.fixture(scope="module")
def kantor(tmp_path_factory) -> Kantor:
    quarto = quarto_or_skip()
    root = tmp_path_factory.mktemp("kantor") / "proyek"
    subprocess.run([sys.executable, "-m", "lkjip", "contoh-kantor", str(root)], check=True, timeout=300)
    config = root / "laporan.yml"
    data = yaml.safe_load(config.read_text(encoding="utf-8"))
    data.setdefault("publikasi", {})["penomoran"] = {"gambar": "bab"}
    # the office's logo on the cover of the PDF and the DOCX
    _logo(root / "konten" / "logo-provinsi.png")
    data["publikasi"]["logo"] = "konten/logo-provinsi.png"
    config.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return Kantor(root, _build(root, quarto), _build(root, quarto))


@pytest.fixture(scope="module")
def pdf_text(kantor) -> str:
    return read_pdf(kantor.one("*.pdf"))


@pytest.fixture(scope="module")
def docx_text(kantor) -> str:
    return read_docx(docx_xml(kantor.one("*.docx")))


@pytest.fixture(scope="module")
def html_text(kantor) -> str:
    return " ".join(read_html(page) for page in html_pages(kantor.root / "_book").values())


def test_the_build_renders_once_and_skips_the_render_when_nothing_changed(kantor):
    assert "== quarto render" in kantor.pertama and "render dilewati" not in kantor.pertama
    assert "render dilewati: masukan tidak berubah" in kantor.kedua
    assert "masukan tidak berubah, hasil sebelumnya dipakai" in kantor.kedua  # no notebook re-run


def test_the_render_runs_with_the_builds_interpreter_not_the_paths_python(kantor):
    # run_cli_build starts `sys.executable -m lkjip build` with a failing `python` first on
    # the PATH: Quarto's pre-render (`python -m lkjip ...`) must still run this interpreter
    assert f"Python pre-render: {sys.executable}" in kantor.pertama
    assert PYTHON_LAIN not in kantor.pertama and (kantor.root / "_book" / "index.html").exists()


def test_the_pdf_has_its_own_office_and_none_of_the_default_one(kantor, pdf_text):
    config = yaml.safe_load((kantor.root / "laporan.yml").read_text(encoding="utf-8"))
    assert config["instansi"]["nama"].upper() in pdf_text.upper()
    assert "PEMERINTAH PROVINSI TANJUNG HARAPAN" in pdf_text.upper()
    for word in ("Mojokerto", "SAKIP", "IKM", "Kematangan", "Provinsi Jawa Timur"):
        assert word not in pdf_text, word
    assert not MISSING.search(pdf_text), MISSING.search(pdf_text)


def test_the_cover_names_the_province_government(kantor):
    pdf = kantor.one("*.pdf")
    cover = subprocess.run(
        ["pdftotext", "-f", "1", "-l", "1", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    # a province unit belongs to the Pemerintah Provinsi itself (no kabupaten, no "None")
    assert "PEMERINTAH PROVINSI TANJUNG HARAPAN" in cover.upper()
    assert "NONE" not in cover.upper() and "2025" in cover


def test_the_pdf_prints_the_hand_worked_figures(pdf_text):
    for value in ("102,78", "90,00", "97,91", "3,88"):
        assert value in pdf_text, value
    # one agreement: tables without a period letter
    assert re.search(r"Tabel III\.1 ", pdf_text) and "Tabel III.1.A" not in pdf_text
    assert "Tabel III.4.B" in pdf_text


def test_figures_are_numbered_per_bab_in_every_format(pdf_text, docx_text, html_text):
    for text in (pdf_text, docx_text, html_text):
        numbers = set(re.findall(r"Gambar (\d+\.\d+)", text))
        assert numbers == {"3.1", "3.2", "3.3"}, numbers


def test_the_covers_carry_the_logo_and_the_government(kantor):
    pdf = kantor.one("*.pdf")
    images = subprocess.run(
        ["pdfimages", "-list", "-f", "1", "-l", "1", str(pdf)], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    # the logo on page 1 (its transparency is listed apart as an "smask")
    assert [line.split()[2] for line in images].count("image") == 1, images
    xml = docx_xml(kantor.one("*.docx"))
    cover = xml[: xml.index('<w:pStyle w:val="Heading1"')]  # before the Kata Pengantar
    assert '<w:pStyle w:val="Title"' in cover and '<w:pStyle w:val="Sampul"' in cover
    assert "<w:drawing>" in cover
    text = read_docx(cover)
    assert "PEMERINTAH PROVINSI TANJUNG HARAPAN" in text and "2025" in text
    # the title block's author line repeated the institution: it is gone
    assert '<w:pStyle w:val="Author"' not in cover
    assert text.count("Bagian Kelembagaan Biro Organisasi") == 1


def test_the_docx_has_the_logo_the_three_charts_and_no_default_office(kantor, docx_text):
    with zipfile.ZipFile(kantor.one("*.docx")) as z:
        images = [n for n in z.namelist() if n.startswith("word/media/")]
    assert len(images) == 5, images  # the logo, the organisation chart and the three charts
    assert "Mojokerto" not in docx_text and "SAKIP" not in docx_text
    assert not MISSING.search(docx_text), MISSING.search(docx_text)


def test_the_org_chart_is_drawn_from_its_laporan_yml(kantor, pdf_text, docx_text, html_text):
    # publikasi.bagan of the office's laporan.yml: drawn by code, introduced by one sentence
    assert (kantor.root / "figures" / "bab" / "fig-bagan-organisasi.png").exists()
    sentence = "Susunan organisasi Bagian Kelembagaan digambarkan pada bagan berikut."
    for text in (pdf_text, docx_text, html_text):
        flat = re.sub(r"\s+", " ", text)
        assert sentence in flat
        assert "Struktur Organisasi" in flat  # its caption, without a number


def test_the_site_names_only_the_sources_this_office_reported(kantor):
    pages = html_pages(kantor.root / "_book")
    welcome = re.sub(r"\s+", " ", read_html(pages["index.html"]))
    assert "Laporan Realisasi Anggaran" in welcome and "Perjanjian Kinerja dan narasi indikator" in welcome
    # its two exports, nothing of the five it does not have, on any page of the site (the data
    # dictionary's identifiers such as `kematangan_minimal_tinggi` are column values, not prose)
    for name, page in pages.items():
        text = read_html(page)
        for word in ("Survei Kepuasan", "SAKIP", "IKM", "[Kk]ematangan", "pembanding", "Jawa Timur"):
            assert not re.search(rf"\b{word}\b", text), (name, word)


def test_the_build_leaves_the_projects_gitignore_as_it_was(kantor):
    from lkjip.core.paths import paths

    # contoh-kantor copied the project's .gitignore; two renders appended nothing to it
    assert (kantor.root / ".gitignore").read_bytes() == (paths().root / ".gitignore").read_bytes()
