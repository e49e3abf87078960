"""The real ``quarto render`` of the whole book (HTML, DOCX, PDF), read as a reader would.

The book is rendered once per session on a copy of the project (the working tree stays clean:
no outputs are written back into ``notebooks/*.ipynb``). Without Quarto and without the offline
kit these tests skip with the reason; in CI (``LKJIP_CI=1``, set by ``.ci/run``) they fail.
"""

from __future__ import annotations

import functools
import html as htmllib
import http.server
import json
import os
import re
import shutil
import subprocess
import threading
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml
from bantuan import MISSING, copy_project, docx_text, html_pages, html_text, one_file, quarto_or_skip
from bantuan import docx_xml as read_docx_xml
from bantuan import pdf_text as read_pdf

from lkjip.core.config import load_config
from lkjip.core.paths import paths

pytestmark = pytest.mark.render

ROOT = paths().root
CONFIG = load_config(ROOT / "laporan.yml")
#: English-style thousands/decimals, e.g. 1,234.56 or 81,373,500 (Indonesian is 1.234,56; a
#: lone "0,111" or "57,000" is an Indonesian decimal).
ENGLISH_NUMBER = re.compile(r"(?<![\d.,])[1-9]\d{0,2}(?:(?:,\d{3}){2,}(?:\.\d+)?|,\d{3}\.\d+)(?![\d,])")
INDONESIAN_NUMBER = re.compile(r"(?<![\d.,])\d{1,3}(?:\.\d{3})+(?:,\d+)?(?![\d.])")


@dataclass
class Rendered:
    project: Path
    book: Path
    log: str
    seconds: float

    def pages(self) -> dict[str, str]:
        return html_pages(self.book)

    def one(self, pattern: str) -> Path:
        return one_file(self.book, pattern)


@pytest.fixture(scope="session")
def rendered(tmp_path_factory) -> Rendered:
    quarto = quarto_or_skip()
    project = copy_project(tmp_path_factory.mktemp("render") / "proyek")
    env = {**os.environ, "LKJIP_ROOT": str(project)}
    start = time.perf_counter()
    result = subprocess.run(
        [str(quarto), "render"], cwd=project, capture_output=True, text=True, timeout=3600, env=env
    )
    seconds = time.perf_counter() - start
    log = result.stdout + result.stderr
    assert result.returncode == 0, log[-4000:]
    return Rendered(project, project / "_book", log, seconds)


@pytest.fixture(scope="session")
def pdf_text(rendered) -> str:
    return read_pdf(rendered.one("*.pdf"))


@pytest.fixture(scope="session")
def docx_xml(rendered) -> str:
    return read_docx_xml(rendered.one("*.docx"))


def _chapter_titles() -> list[str]:
    quarto = yaml.safe_load((ROOT / "_quarto.yml").read_text(encoding="utf-8"))
    return ["BAB I", "BAB II", "BAB III", "BAB IV"] if quarto else []


# ---------------------------------------------------------------------------- the render


def test_render_reports_no_error_and_no_kernel_warning(rendered):
    assert "ERROR" not in rendered.log, rendered.log[-3000:]
    assert "Traceback" not in rendered.log
    assert "Kernel is running over TCP" not in rendered.log
    assert not list(rendered.project.glob("notebooks/*.quarto_ipynb*"))
    # the copy carries the project's .gitignore (copy_project): Quarto found its entries there
    assert (rendered.project / ".gitignore").read_bytes() == (ROOT / ".gitignore").read_bytes()


def test_the_three_formats_are_written(rendered):
    assert rendered.one("*.pdf").stat().st_size > 50_000
    assert rendered.one("*.docx").stat().st_size > 50_000
    assert (rendered.book / "index.html").exists()


# ---------------------------------------------------------------------------- HTML


def test_every_chapter_has_its_page(rendered):
    text = "\n".join(html_text(p) for p in rendered.pages().values())
    for title in ["Kata Pengantar", "Ikhtisar Eksekutif", *_chapter_titles(), "Lampiran"]:
        assert title in text, title


def test_html_shows_every_table_and_figure_caption(rendered):
    text = "\n".join(html_text(p) for p in rendered.pages().values())
    for number in ["II.1.A", "II.2.A", "II.3.A", "II.4", "III.1.A", "III.2.A", "III.3", "III.4.A", "III.4.B"]:
        assert f"Tabel {number} " in text, number
    for caption in ["Grafik Capaian Kinerja", "Grafik Perbandingan Nilai SAKIP"]:
        assert caption in text, caption


def test_html_links_the_downloads(rendered):
    pages = rendered.pages()
    links = set()
    for page in pages.values():
        links |= set(re.findall(r'href="([^"]+)"', page))
    assert any(link.endswith(".pdf") for link in links)
    assert any(link.endswith(".docx") for link in links)
    annex = f"lampiran-tabel-{CONFIG.tahun}.xlsx"
    assert any(link.endswith(annex) for link in links), "annex link"
    assert (rendered.book / "data" / "processed" / "publik" / annex).exists()


def test_html_has_no_missing_values_or_english_numbers(rendered):
    for name, page in rendered.pages().items():
        if name == "search.json":
            continue
        text = html_text(page)
        assert not MISSING.search(text), (name, MISSING.search(text))
        assert not ENGLISH_NUMBER.search(text), (name, ENGLISH_NUMBER.search(text))


# ---------------------------------------------------------------------------- PDF


def test_pdf_has_the_chapters_and_captions(pdf_text):
    for title in ["Kata Pengantar", "Ikhtisar Eksekutif", "Pendahuluan", "Perencanaan Kinerja"]:
        assert title in pdf_text, title
    for title in ["Akuntabilitas Kinerja", "Penutup", "Lampiran"]:
        assert title in pdf_text, title
    assert "Grafik Capaian Kinerja" in pdf_text
    assert "Tabel III.4.B" in pdf_text


def test_pdf_text_has_no_missing_values_and_indonesian_numbers(pdf_text):
    assert not MISSING.search(pdf_text), MISSING.search(pdf_text)
    assert not ENGLISH_NUMBER.search(pdf_text), ENGLISH_NUMBER.search(pdf_text)
    assert len(INDONESIAN_NUMBER.findall(pdf_text)) >= 30
    # the 2025 budget of the seed report (Tabel III.4.A), in the configured style "baku"
    assert "Rp796.858.170" in pdf_text


# ---------------------------------------------------------------------------- DOCX


def test_docx_has_headings_tables_and_images(docx_xml):
    text = docx_text(docx_xml)
    headings = re.findall(r'<w:pStyle w:val="Heading1"\s*/>', docx_xml)
    assert len(headings) >= 6, len(headings)
    assert docx_xml.count("<w:tbl>") >= 15
    assert len(re.findall(r"<a:blip ", docx_xml)) >= 7, "one image per chart"
    for title in ["Kata Pengantar", "Pendahuluan", "Penutup", "Grafik Capaian Kinerja", "Tabel III.4.B"]:
        assert title in text, title
    assert not MISSING.search(text), MISSING.search(text)
    assert not ENGLISH_NUMBER.search(text), ENGLISH_NUMBER.search(text)


# ---------------------------------------------------------------------------- an official LKjIP


def test_pdf_reads_as_an_official_lkjip(pdf_text):
    pages = pdf_text.split("\f")
    cover = pages[0]
    assert f"Tahun {CONFIG.tahun}".upper() in cover.upper()
    assert CONFIG.pemerintah_daerah.upper() in cover
    assert CONFIG.instansi.nama.upper() in cover
    for heading in ["KATA PENGANTAR", "DAFTAR ISI", "DAFTAR TABEL", "DAFTAR GAMBAR", "IKHTISAR EKSEKUTIF"]:
        assert heading in pdf_text, heading
    for bab, name in [("BAB I", "PENDAHULUAN"), ("BAB II", "PERENCANAAN KINERJA"), ("BAB IV", "PENUTUP")]:
        assert re.search(rf"^\s*{bab}\s*\n\s*{name}\s*$", pdf_text, re.MULTILINE), bab
    # never a second number in front of BAB or of a section, no English fixed words
    assert not re.search(r"^[ \t]*\d+(\.\d+)*[ \t]+(BAB [IV]|I{1,3}V?\.\d)", pdf_text, re.MULTILINE)
    for english in ["Chapter", "Figure", "Table of contents", "Appendix", "Download"]:
        assert english not in pdf_text, english
    assert "Selamat datang" not in pdf_text  # the site's welcome page is not part of the report
    # front matter numbered i, ii, ...; BAB I on page 1
    footers = [p.strip().splitlines()[-1].strip() for p in pages if p.strip()]
    assert "ii" in footers and "iii" in footers
    bab1 = next(p for p in pages if re.search(r"^\s*BAB I\s*$", p, re.MULTILINE))
    assert bab1.strip().splitlines()[-1].strip() == "1"


def test_figures_carry_the_reports_numbers_in_every_format(rendered, pdf_text, docx_xml):
    html = "\n".join(html_text(p) for p in rendered.pages().values())
    docx = docx_text(docx_xml)
    for text in (html, pdf_text, docx):
        assert "Gambar 0.1 Grafik Capaian Kinerja" in text
        assert "Gambar 0.2 Grafik Perbandingan Nilai SAKIP" in text
        assert "ditunjukkan pada Gambar 0.2" in re.sub(r"\s+", " ", text)
        assert not re.search(r"Gambar \d+\.\d+: ", text), "a second, Quarto-made number"
        assert "@fig-" not in text
    # the Daftar Gambar lists them with their page in the PDF
    assert re.search(r"Gambar 0\.1 Grafik Capaian Kinerja[ .]+\d+", pdf_text)


def test_each_table_number_is_printed_once(rendered):
    # Counted as table captions: the downloads list may name a table again ("Tabel II.1.A (CSV)").
    titles = [
        html_text(t).strip()
        for n, p in rendered.pages().items()
        if not n.endswith("00-daftar.html")
        for t in re.findall(r'class="gt_heading gt_title[^"]*"[^>]*>(.*?)</t[dh]>', p, re.DOTALL)
    ]
    for number in ["II.1.A", "III.1.A", "III.1.B", "III.4.B"]:
        assert len([t for t in titles if t.startswith(f"Tabel {number} ")]) == 1, (number, titles)


def test_no_numbered_list_follows_another_without_a_sentence(rendered):
    for name, page in rendered.pages().items():
        assert not re.search(r"</ol>(\s|</?div[^>]*>)*<ol", page), name


def test_org_chart_sentence_only_with_a_chart(rendered, pdf_text, docx_xml):
    # laporan.yml of the project has no publikasi.bagan and konten/ no chart image
    html = "\n".join(html_text(p) for p in rendered.pages().values())
    for text in (html, pdf_text, docx_text(docx_xml)):
        assert "bagan berikut" not in text


def test_site_words_are_indonesian(rendered):
    index = html_text((rendered.book / "index.html").read_text(encoding="utf-8"))
    assert "Unduh" in index
    assert "Download" not in index


def test_docx_is_a4_with_page_numbers_and_a_table_of_contents(rendered, docx_xml):
    page = re.findall(r"<w:pgSz [^>]*/>", docx_xml)[-1]  # A4
    assert 'w:w="11906"' in page and 'w:h="16838"' in page
    assert "TOC \\o" in docx_xml
    with zipfile.ZipFile(rendered.one("*.docx")) as z:
        footers = [n for n in z.namelist() if n.startswith("word/footer")]
        assert footers and "PAGE" in z.read(footers[0]).decode()
        assert 'w:styleId="TandaTangan"' in z.read("word/styles.xml").decode()
    assert re.search(r'<w:pStyle w:val="TandaTangan"\s*/>', docx_xml)  # the signature block
    assert "Selamat datang" not in docx_text(docx_xml)
    # the cover is page 1 without a number: a section of its own, without a footer, ending
    # before the Kata Pengantar; the sections after it all have the page-number footer
    sections = re.findall(r"<w:sectPr>.*?</w:sectPr>", docx_xml, re.DOTALL)
    cover = docx_xml.index(sections[0])
    assert docx_xml.index(">Kata Pengantar<") > cover
    assert "footerReference" not in sections[0]
    assert all("footerReference" in s and "titlePg" not in s for s in sections[1:])


def test_the_wide_ikm_table_gets_landscape_pages(rendered, pdf_text):
    pdf = rendered.one("*.pdf")
    info = subprocess.run(
        ["pdfinfo", "-f", "1", "-l", "9999", str(pdf)], capture_output=True, text=True, check=True
    ).stdout
    sizes = re.findall(r"Page\s+(\d+) size:\s+([\d.]+) x ([\d.]+)", info)
    landscape = [int(n) for n, w, h in sizes if float(w) > float(h)]
    assert landscape, "no landscape page"
    pages = pdf_text.split("\f")
    assert any("Tabel L.1 " in pages[n - 1] for n in landscape)


def test_the_wide_ikm_table_gets_a_landscape_section_in_the_docx(docx_xml):
    # Tabel L.1 (16 columns) with its title sits between two section ends: portrait before,
    # landscape after (the title, not its line in the Daftar Tabel)
    title = re.search(r'<w:pStyle w:val="JudulTabel"\s*/>(?:(?!</w:p>).)*Tabel L\.1 Indeks', docx_xml, re.S)
    start = docx_xml.index("<w:tbl>", title.start())
    before = docx_xml[: title.start()].rindex("<w:sectPr")
    after = docx_xml.index("<w:sectPr", start)
    assert "landscape" not in docx_xml[before : title.start()]
    assert "<w:sectPr" not in docx_xml[title.start() : start]
    assert docx_xml.index("</w:tbl>", start) < after
    landscape = docx_xml[after : docx_xml.index("</w:sectPr>", after)]
    assert 'w:orient="landscape"' in landscape and 'w:w="16838" w:h="11906"' in landscape


def _docx_table(docx_xml: str, number: str) -> str:
    """The DOCX table numbered ``number``: the one under its title ("Judul Tabel" paragraph)."""
    title = re.search(
        rf'<w:pStyle w:val="JudulTabel"\s*/>(?:(?!</w:p>).)*Tabel {re.escape(number)} ', docx_xml, re.S
    )
    start = docx_xml.index("<w:tbl>", title.start())
    return docx_xml[start : docx_xml.index("</w:tbl>", start)]


def test_docx_tables_set_figures_whole_in_their_columns(rendered, docx_xml):
    # Tabel III.4.B (9 columns): at the normal 10 pt, "Rp227.760.105" (6,838 em in Arial:
    # R 0,722 + p 0,556 + 9 digits x 0,556 + 2 points x 0,278) and "100,81%" (3,947 em) cannot
    # all fit next to the text columns in 439 pt (A4 less 3 + 2,5 cm): the table gets a smaller
    # table style, and the budget column is at least wide enough for the figure at that size
    # plus the cell margins (2 x 85 twips = 8,5 pt)
    table = _docx_table(docx_xml, "III.4.B")
    assert "Rp227.760.105" in table
    style = re.search(r'<w:tblStyle w:val="TabelUkuran(\d+)"', table)
    assert style and int(style.group(1)) < 20, style
    size = int(style.group(1)) / 2
    grid = [int(w) for w in re.findall(r'<w:gridCol w:w="(\d+)"', table)]
    assert len(grid) == 9
    budget = grid[6] / sum(grid) * 439.35  # the Alokasi column, in points
    assert budget >= 6.838 * size + 8.5, (budget, size)
    capaian = grid[5] / sum(grid) * 439.35
    assert capaian >= 3.947 * size + 8.5, (capaian, size)
    # the size is a table style of the reference document, with its type size
    with zipfile.ZipFile(rendered.one("*.docx")) as z:
        styles = z.read("word/styles.xml").decode()
    defined = re.search(rf'w:styleId="TabelUkuran{style.group(1)}".*?</w:style>', styles, re.DOTALL)
    assert defined and f'w:val="{style.group(1)}"' in defined.group(0)
    # a narrow table keeps the normal size
    narrow = _docx_table(docx_xml, "III.4.A")
    assert '<w:tblStyle w:val="TabelUkuran20"' in narrow


def test_pdf_prints_characters_not_html_references(pdf_text):
    # great_tables writes "<20" as "&lt;20"; Quarto's Typst tables kept the reference
    # (_extensions/lkjip/filters/entitas.lua decodes it)
    assert not re.search(r"&(?:lt|gt|amp|quot|#\d+);", pdf_text), re.search(r".{40}&\w+;.{20}", pdf_text)
    assert "<20" in pdf_text  # the youngest age group of Tabel L.2


def test_docx_tables_right_align_numbers_and_left_align_text(docx_xml):
    # Tabel III.4.A: the sub-kegiatan name left, its budget right, as on the site and in the PDF
    tables = re.findall(r"<w:tbl>.*?</w:tbl>", docx_xml, flags=re.DOTALL)
    table = next(t for t in tables if "Rp81.373.500" in t)
    cells = {
        docx_text(cell).strip(): re.findall(r'<w:jc w:val="(\w+)"', cell)
        for cell in re.findall(r"<w:tc>.*?</w:tc>", table, flags=re.DOTALL)
    }
    assert cells["Rp81.373.500"] == ["right"] and cells["71,18%"] == ["right"]
    assert cells["Pengelolaan Kelembagaan dan Analisis Jabatan"] == ["left"]
    assert cells["Anggaran"] == ["right"]  # a number column's heading too


def test_long_tables_repeat_their_header_rows_on_every_page(pdf_text, docx_xml):
    # DOCX: the header row of every table is marked for Word to repeat on each page
    tables = re.findall(r"<w:tbl>.*?</w:tbl>", docx_xml, flags=re.DOTALL)
    assert len(tables) >= 15 and all("<w:tblHeader" in t for t in tables)
    # PDF: the 57 units, the 48 SAKIP and the 48 kematangan rows run over two pages or more;
    # each page they are on starts with the caption and the header row again
    pages = pdf_text.split("\f")
    headers = {
        "Tabel L.1 ": ("Unit Pelayanan", "Responden", "Mutu"),
        "Tabel L.3 ": ("Perangkat Daerah", "Predikat", "Minimal Baik"),
        "Tabel L.4 ": ("Perangkat Daerah", "Total Skor", "Minimal Tinggi"),
    }
    for caption, words in headers.items():
        # (the list of tables names them too, with dot leaders)
        on = [page for page in pages if caption in page and ". . . ." not in page]
        assert len(on) >= 2, (caption, len(on))
        for page in on:
            # a heading may wrap inside its cell ("Minimal" above "Baik"): word by word
            assert all(w in page for word in words for w in word.split()), (caption, page[:300])


# ---------------------------------------------------------------------------- the signed document


def test_the_pdf_and_the_docx_are_the_report_without_the_material_for_analysts(rendered, pdf_text, docx_xml):
    docx = docx_text(docx_xml)
    for text in (pdf_text, docx):
        # the Kamus Data and the Log Data (checksums, row accounting): on the site only
        for word in ("Kamus Data", "Tabel bersih (dibaca", "SHA-256", "Log Data", "Akuntansi Baris"):
            assert word not in text, word
        # the site's own pages neither
        assert "Unduhan Data" not in text and "Selamat datang" not in text
        # the rest of the Lampiran stays
        assert "Hasil Reviu Otomatis" in text and "Metodologi" in text and "Tabel L.5 " in text
    pages = rendered.pages()
    assert "Tabel bersih (dibaca dari ekspor)" in html_text(pages["bab/06-kamus-data.html"])
    assert "SHA-256" in html_text(pages["bab/05-lampiran.html"])


def test_the_welcome_page_names_the_exports_the_data_step_read(rendered):
    from lkjip.ingest.sources import SOURCES

    welcome = re.sub(r"\s+", " ", html_text(rendered.pages()["index.html"]))
    for source in SOURCES:  # the default office reports all seven
        assert source.description in welcome, source.name
    assert "Unduhan Data" in welcome and "III.1.A" in welcome


# ---------------------------------------------------------------------------- the lists


def test_pdf_lists_never_leave_a_page_number_alone_on_its_line(pdf_text):
    pages = pdf_text.split("\f")
    for heading, entries in (("DAFTAR TABEL", 19), ("DAFTAR GAMBAR", 7)):
        page = next(p for p in pages if heading in p)
        lines = [line.strip() for line in page.splitlines() if line.strip()]
        body = lines[lines.index(heading) + 1 : -1]  # the last line is the footer's page number
        assert not [line for line in body if re.fullmatch(r"\d+", line)], body
        # each entry's last line ends in leader dots and its page number
        assert len([line for line in body if re.search(r"\.\s*\d+$", line)]) == entries, body


def test_docx_lists_are_word_fields_that_word_fills_on_opening(rendered, docx_xml):
    fields = [i.strip() for i in re.findall(r"<w:instrText[^>]*>([^<]*)</w:instrText>", docx_xml)]
    assert [f for f in fields if f.startswith("TOC")] == [
        'TOC \\o "1-2" \\h \\z \\u',
        'TOC \\h \\z \\t "Judul Tabel,1"',
        'TOC \\h \\z \\t "Judul Gambar,1"',
    ]
    with zipfile.ZipFile(rendered.one("*.docx")) as z:
        assert '<w:updateFields w:val="true"' in z.read("word/settings.xml").decode()
        styles = z.read("word/styles.xml").decode()
    assert re.search(r'<w:name w:val="Judul Tabel"\s*/>', styles)
    assert re.search(r'<w:name w:val="Judul Gambar"\s*/>', styles)

    def styled(style: str) -> list[str]:
        pattern = rf'<w:p>(?:(?!</w:p>).)*?<w:pStyle w:val="{style}"\s*/>.*?</w:p>'
        return [docx_text(p) for p in re.findall(pattern, docx_xml, re.S)]

    # every table's title a paragraph of its own, in the style the Daftar Tabel collects, right
    # above its table; the numbered figures' captions likewise
    tables = [
        html_text(t).strip()
        for p in rendered.pages().values()
        for t in re.findall(r'class="gt_heading gt_title[^"]*"[^>]*>(.*?)</t[dh]>', p, re.DOTALL)
        if html_text(t).strip().startswith("Tabel ")
    ]
    assert sorted(styled("JudulTabel")) == sorted(set(tables)) and len(styled("JudulTabel")) == 19
    for title in re.findall(r'<w:pStyle w:val="JudulTabel"\s*/>.*?</w:p>\s*(<w:\w+)', docx_xml, re.S):
        assert title == "<w:tbl", title
    figures = styled("JudulGambar")
    assert len(figures) == 7 and figures[0] == "Gambar 0.1 Grafik Capaian Kinerja"
    # until Word updates them, the lists read as the book: headings, titles (no page numbers)
    contents = docx_xml[docx_xml.index('TOC \\o "1-2"') : docx_xml.index('TOC \\h \\z \\t "Judul Tabel,1"')]
    listed = docx_text(contents)
    assert "BAB III Akuntabilitas Kinerja" in listed and "III.4 Akuntabilitas Anggaran" in listed
    assert "Hasil Reviu Otomatis" in listed and "Kamus Data" not in listed and "Log Data" not in listed


# ---------------------------------------------------------------------------- the site


def test_the_site_links_every_list_entry_to_its_table_or_figure(rendered):
    pages = rendered.pages()
    daftar = pages["bab/00-daftar.html"]
    links = re.findall(r'href="(?:\.\./bab/|\./)?([\w-]+\.html)#((?:tabel|gambar)-[\w-]+)"', daftar)
    assert len([a for _, a in links if a.startswith("tabel-")]) == 19
    assert len([a for _, a in links if a.startswith("gambar-")]) == 7
    for page, anchor in links:
        assert f'id="{anchor}"' in pages[f"bab/{page}"], (page, anchor)
    assert ("03-akuntabilitas-kinerja.html", "tabel-iii-4-b") in links


def test_each_table_has_its_downloads_beside_it_and_a_page_describes_every_file(rendered):
    pages = rendered.pages()
    for name, page in pages.items():
        for title in re.findall(r'class="gt_heading gt_title[^"]*"[^>]*>(.*?)</t[dh]>', page, re.DOTALL):
            number = html_text(title).split()[1] if html_text(title).startswith("Tabel ") else None
            if number is None:
                continue
            for suffix in ("csv", "xlsx"):  # right after the table, and the file is there
                link = f'href="../data/processed/publik/tabel-{number}.{suffix}"'
                assert link in page[page.index(title) :], (name, number, suffix)
                public = rendered.book / "data" / "processed" / "publik"
                assert (public / f"tabel-{number}.{suffix}").is_file(), link
    downloads = pages["bab/07-unduhan.html"]
    targets = re.findall(r'href="\.\./([^"#]+)"', downloads)
    assert len(targets) >= 19 * 2 + 3
    for target in targets:
        assert (rendered.book / target).is_file(), target
    assert any(t.endswith(".pdf") for t in targets) and any(t.endswith(".docx") for t in targets)
    text = html_text(downloads)
    assert "Perbandingan Capaian Kinerja dengan Anggaran Tahun 2025" in text and "anggaran_hasil" in text


def test_the_search_finds_a_table_by_its_number_and_leads_to_it(rendered):
    entries = json.loads((rendered.book / "search.json").read_text(encoding="utf-8"))
    found = [e for e in entries if e["section"].startswith("Tabel III.4.B ")]
    assert len(found) == 1 and found[0]["href"] == "bab/03-akuntabilitas-kinerja.html#tabel-iii-4-b"
    assert found[0]["title"] == "BAB III Akuntabilitas Kinerja"
    figures = [e for e in entries if e["href"].endswith("#gambar-0-1")]
    assert len(figures) == 1 and figures[0]["section"] == "Gambar 0.1 Grafik Capaian Kinerja"


@pytest.mark.browser
def test_the_sites_search_box_opens_a_table_by_its_number(rendered):
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        pytest.skip("Chromium tidak terpasang (apt-get install chromium); .ci/run memasangnya")
    from playwright.sync_api import sync_playwright

    # the search reads search.json: served over HTTP, as a reviewer's browser gets the site
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(rendered.book))
    with http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler) as server:
        threading.Thread(target=server.serve_forever, daemon=True).start()
        url = f"http://127.0.0.1:{server.server_address[1]}"
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=chromium, args=["--no-sandbox", "--disable-gpu"])
            page = browser.new_page(viewport={"width": 1300, "height": 1000})
            page.goto(f"{url}/index.html")
            page.locator("#quarto-search").click()
            page.locator("input.aa-Input").first.fill("III.4.B")
            first = page.locator(".aa-Item").first
            first.wait_for(timeout=10_000)
            assert "Tabel III.4.B" in first.inner_text()
            first.click()
            page.wait_for_url("**/03-akuntabilitas-kinerja.html#tabel-iii-4-b", timeout=10_000)
            assert page.locator("#tabel-iii-4-b").is_visible()
            browser.close()
        server.shutdown()


# ---------------------------------------------------------------------------- jejak angka

#: A figure marked with its trail on the site, and the trail it points to.
JEJAK = re.compile(r'<span class="lkjip-angka[^"]*" data-jejak="([^"]+)"')
BUTIR = re.compile(r'<li id="(jejak-[^"]+)">')
#: A cell that prints a figure: money, a percentage, a score or a count with its unit word, and a
#: correction mark or an asterisk after it.
ANGKA_SEL = re.compile(r"^(Rp)?-?\d[\d.,]*%?( [A-Za-z/]+)?\*?[a-z]?$")


def _bab(rendered, stem: str) -> str:
    return rendered.pages()[f"bab/{stem}.html"]


@pytest.mark.parametrize("stem", ["00b-ikhtisar-eksekutif", "03-akuntabilitas-kinerja"])
def test_every_figure_of_bab_iii_and_the_ikhtisar_shows_its_trail(rendered, stem):
    page = _bab(rendered, stem)
    marked = JEJAK.findall(page)
    assert marked, stem
    # each figure's trail is on its page (the list the site's script shows it from)
    assert set(marked) <= set(BUTIR.findall(page))
    # every figure in a table cell stands in its trail's span (row numbers are not figures)
    bare = []
    for attrs, cell in re.findall(r"<td([^>]*)>(.*?)</td>", page, flags=re.DOTALL):
        text = htmllib.unescape(re.sub(r"<[^>]+>", "", cell)).strip()
        if (
            ANGKA_SEL.match(text)
            and "lkjip-angka" not in cell
            and not re.search(r'headers="[^"]*-No"', attrs)
        ):
            bare.append(text)
    assert bare == [], stem
    # every count of the summary stands in its span: "sebanyak <span ...>2</span> indikator"
    for item in re.findall(r"<li>(Capaian[^<]*sebanyak .*?)</li>", page, flags=re.DOTALL):
        assert re.search(r'sebanyak <span class="lkjip-angka"[^>]*>\d+</span> indikator', item), item
    # the script that shows a trail where its figure stands is on the page
    assert "lkjip-jejak-pop" in page and "aria-haspopup" in page


def test_jejak_angka_csv_lists_every_figure_of_the_site(rendered):
    import pandas as pd

    csv = pd.read_csv(rendered.book / "data" / "processed" / "publik" / "jejak-angka.csv", dtype=str)
    assert list(csv.columns) == [
        "id", "tempat", "baris", "kolom", "nilai", "uraian", "asal", "rumus", "sumber",
        "tercetak_di_ekspor", "reviu",
    ]  # fmt: skip
    ids = set(csv["id"])
    on_pages = {i for page in rendered.pages().values() for i in JEJAK.findall(page)}
    assert on_pages and on_pages <= ids, sorted(on_pages - ids)[:5]
    links = "".join(rendered.pages().values())
    assert 'href="../data/processed/publik/jejak-angka.csv"' in links


def test_corrected_figures_are_marked_in_pdf_docx_and_site(rendered, pdf_text, docx_xml):
    note = "tercetak di ekspor 78,68% (realisasi-anggaran.xlsx, sheet 'Anggaran per Sasaran', baris 6)"
    # PDF: the figure with its letter, and the note naming what the export printed
    flat = " ".join(pdf_text.split())
    assert "78,00%a" in flat and "91,75%b" in flat and "84,49%a" in flat
    assert note in flat and "laporan memuat hasil hitung ulang 78,00% — lihat Tabel L.5." in flat
    # DOCX: the letter is a superscript run right after the figure
    assert re.search(
        r"78,00%</w:t></w:r><w:r><w:rPr><w:vertAlign w:val=\"superscript\" /></w:rPr>"
        r"<w:t xml:space=\"preserve\">a</w:t>",
        docx_xml,
    )
    assert note in " ".join(docx_text(docx_xml).split())
    # the site: the figure marked as corrected, and its trail with the printed figure
    page = _bab(rendered, "03-akuntabilitas-kinerja")
    found = re.search(
        r'<span class="lkjip-angka lkjip-koreksi" data-jejak="([^"]+)">78,00%</span><sup>a</sup>', page
    )
    assert found
    trail = re.search(rf'<li id="{found.group(1)}">(.*?)</li>\s*(<li id="jejak|</ol>)', page, flags=re.DOTALL)
    text = htmllib.unescape(re.sub(r"<[^>]+>", " ", trail.group(1)))
    assert "177.653.428 / 227.760.105 × 100 = 78,00%" in text
    assert "Tercetak di ekspor: 78,68%" in text and "berbeda dari hasil hitung" in text


@pytest.mark.browser
def test_a_figures_trail_shows_on_hover_click_and_keyboard(rendered):
    import shutil

    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        pytest.skip("Chromium tidak terpasang (apt-get install chromium); .ci/run memasangnya")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium, args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto((rendered.book / "bab" / "03-akuntabilitas-kinerja.html").as_uri())
        page.wait_for_load_state("load")
        popup = page.locator("#lkjip-jejak-pop")
        figure = page.locator("#tabel-iii-4-b .lkjip-koreksi").first
        figure.scroll_into_view_if_needed()
        # hover: the trail shows beside the figure, and goes when the pointer leaves
        figure.hover()
        popup.wait_for(state="visible", timeout=3000)
        assert "78,68%" in popup.inner_text() and "177.653.428 / 227.760.105" in popup.inner_text()
        page.mouse.move(2, 2)
        popup.wait_for(state="hidden", timeout=3000)
        # click pins it open; a second click closes it
        figure.click()
        popup.wait_for(state="visible", timeout=3000)
        page.mouse.move(2, 2)
        page.wait_for_timeout(500)
        assert popup.is_visible()
        figure.click()
        popup.wait_for(state="hidden", timeout=3000)
        # keyboard: a focusable button, Enter opens, Escape closes and gives the focus back
        assert figure.get_attribute("role") == "button" and figure.get_attribute("tabindex") == "0"
        figure.focus()
        page.keyboard.press("Enter")
        popup.wait_for(state="visible", timeout=3000)
        assert figure.get_attribute("aria-expanded") == "true"
        page.keyboard.press("Escape")
        popup.wait_for(state="hidden", timeout=3000)
        assert page.evaluate("document.activeElement.dataset.jejak") == figure.get_attribute("data-jejak")
        browser.close()
    assert errors == []
