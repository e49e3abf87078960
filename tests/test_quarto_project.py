"""Static checks of the Quarto book that need no Quarto, and a real render when Quarto exists."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest
import yaml
from bantuan import docx_text, docx_xml, html_text, quarto_or_skip

from lkjip.core.config import load_config
from lkjip.core.paths import paths
from lkjip.publish.bab import TANPA_NOTEBOOK

ROOT = paths().root
QUARTO = yaml.safe_load((ROOT / "_quarto.yml").read_text(encoding="utf-8"))
LABEL_OPTION = re.compile(r"^#\|\s*label:\s*(\S+)", re.MULTILINE)
REFERENCE = re.compile(r"(?<![\w@])@((?:fig|tbl)-[A-Za-z0-9_-]+)")
ATTRIBUTE_LABEL = re.compile(r"\{#((?:fig|tbl)-[A-Za-z0-9_-]+)")


def _chapters() -> list[Path]:
    book = QUARTO["book"]
    return [ROOT / c for c in [*book["chapters"], *book.get("appendices", [])]]


def _sources() -> dict[Path, list[tuple[str, str]]]:
    """Per chapter: (cell kind, source) pairs of the notebook a page shows; a .qmd is one cell."""
    out = {}
    for chapter in _chapters():
        notebook = ROOT / "notebooks" / f"{chapter.stem}.ipynb"
        if chapter.parent.name == "bab" and notebook.exists():
            nb = json.loads(notebook.read_text(encoding="utf-8"))
            out[chapter] = [(c["cell_type"], "".join(c["source"])) for c in nb["cells"]]
        else:
            out[chapter] = [("markdown", chapter.read_text(encoding="utf-8"))]
    return out


def test_quarto_yml_is_a_book_in_indonesian_that_executes_each_notebook_once():
    assert QUARTO["project"]["type"] == "book"
    assert QUARTO["lang"] == "id"
    assert QUARTO["crossref"]["fig-title"] == "Gambar"
    assert QUARTO["crossref"]["tbl-title"] == "Tabel"
    # No chapter is an .ipynb Quarto would execute once per format (and write outputs into):
    # the pre-render step executes every notebook once, the pages in bab/ show the result.
    assert "execute" not in QUARTO
    assert not [c for c in _chapters() if c.suffix == ".ipynb"]
    assert QUARTO["project"]["pre-render"] == [
        "python -m lkjip data --lampiran",
        "python -m lkjip.publish.bab",
    ]
    # after the render: the search entries of every table and figure (lkjip.publish.situs)
    assert QUARTO["project"]["post-render"] == ["python -m lkjip.publish.situs"]
    # the chapters go in before Quarto's filters; the Typst table text, the DOCX cover and the
    # DOCX cell alignment after
    assert QUARTO["filters"] == [
        {"at": "pre-ast", "path": "_extensions/lkjip/filters/bab.lua"},
        {"at": "post-quarto", "path": "_extensions/lkjip/filters/entitas.lua"},
        {"at": "post-quarto", "path": "_extensions/lkjip/filters/sampul.lua"},
        {"at": "post-quarto", "path": "_extensions/lkjip/filters/halaman.lua"},
        {"at": "post-quarto", "path": "_extensions/lkjip/filters/rata.lua"},
    ]
    assert all((ROOT / f["path"]).is_file() for f in QUARTO["filters"])
    assert QUARTO["metadata-files"] == ["_laporan.yml"]
    assert set(QUARTO["format"]) == {"html", "docx", "lkjip-typst"}


def test_every_chapter_exists_and_notebooks_come_in_report_order():
    chapters = _chapters()
    assert all(c.exists() for c in chapters), [c for c in chapters if not c.exists()]
    notebooks = sorted((ROOT / "notebooks").glob("*.ipynb"))
    # Daftar Isi/Tabel/Gambar and the site's downloads page are written by code, not notebooks
    shown = [
        ROOT / "notebooks" / f"{c.stem}.ipynb"
        for c in chapters
        if c.parent.name == "bab" and c.stem not in TANPA_NOTEBOOK
    ]
    assert shown == notebooks
    assert {c.stem for c in chapters if c.parent.name == "bab"} >= TANPA_NOTEBOOK


def test_each_page_carries_its_notebooks_title_and_shows_its_notebook():
    for chapter, cells in _sources().items():
        if chapter.parent.name != "bab" or chapter.stem in TANPA_NOTEBOOK:
            continue
        page = chapter.read_text(encoding="utf-8")
        title = re.sub(r"\s*\{[^}]*\}$", "", page.splitlines()[0])
        assert title == cells[0][1].splitlines()[0], chapter.name
        assert re.search(rf'^::: \{{\.bab[ .\w-]* sumber="_bab/{chapter.stem}\.md"\}}$', page, re.M), chapter


def test_site_pages_and_material_for_analysts_stay_out_of_the_signed_document():
    # the welcome page and the downloads page: the site only (bab.lua drops .hanya-situs in
    # the PDF and the DOCX); the Kamus Data: for analysts (.bahan-analis, printed on request)
    for page, kelas in [
        (ROOT / "index.qmd", "hanya-situs"),
        (ROOT / "bab" / "07-unduhan.qmd", "hanya-situs"),
        (ROOT / "bab" / "06-kamus-data.qmd", "bahan-analis"),
    ]:
        text = page.read_text(encoding="utf-8")
        assert re.search(rf"^# .*\{{.*\.{kelas}.*\}}$", text.splitlines()[0]), page
        assert re.search(rf"^::: \{{\.bab \.{kelas} sumber=", text, re.M), page
    lua = (ROOT / "_extensions" / "lkjip" / "filters" / "bab.lua").read_text(encoding="utf-8")
    assert '"hanya-situs"' in lua and '"bahan-analis"' in lua and "bahan-analis-dicetak" in lua


def test_title_and_date_follow_the_configuration(project_copy):
    from lkjip.publish.bab import write_metadata

    config = load_config(project_copy / "laporan.yml")
    meta = yaml.safe_load(write_metadata(project_copy).read_text(encoding="utf-8"))
    book = meta["book"]
    assert book["title"] == f"Laporan Kinerja Instansi Pemerintah (LKjIP) Tahun {config.tahun}"
    assert book["subtitle"] == config.instansi.nama_lengkap
    assert str(book["date"]) == config.penandatangan.tanggal.isoformat()
    # nothing of the office is written in _quarto.yml itself
    assert config.kabupaten not in (ROOT / "_quarto.yml").read_text(encoding="utf-8")


def test_cross_references_resolve_to_exactly_one_label():
    labels: list[str] = []
    references: set[str] = set()
    for cells in _sources().values():
        for kind, source in cells:
            if kind == "code":
                labels += LABEL_OPTION.findall(source)
            else:
                labels += ATTRIBUTE_LABEL.findall(source)
                references |= set(REFERENCE.findall(source))
    figure_or_table = [x for x in labels if x.startswith(("fig-", "tbl-"))]
    assert len(figure_or_table) == len(set(figure_or_table)), "duplicate labels"
    for ref in references:
        assert figure_or_table.count(ref) == 1, f"@{ref} has no single matching label"
    assert references, "the report should cross-reference its figures"


def test_cell_options_parse_as_yaml_and_labels_have_quarto_prefixes():
    for chapter, cells in _sources().items():
        for kind, source in cells:
            if kind != "code":
                continue
            options = "\n".join(line[3:] for line in source.splitlines() if line.startswith("#| "))
            parsed = yaml.safe_load(options) if options else {}
            assert parsed is None or isinstance(parsed, dict), chapter
            label = (parsed or {}).get("label")
            if label is not None and ("fig-cap" in parsed or "tbl-cap" in parsed):
                assert label.startswith(("fig-", "tbl-")), f"{chapter}: {label}"


@pytest.mark.render
def test_a_render_leaves_the_tracked_gitignore_as_it_is(tmp_path):
    # Quarto appends to .gitignore each entry of its own it does not find there verbatim
    # (`/.quarto/`, `**/*.quarto_ipynb`): the project's file must hold them in Quarto's form, or
    # every build dirties the checkout. A one-page project with the project's .gitignore.
    quarto = quarto_or_skip()
    ours = (ROOT / ".gitignore").read_bytes()
    (tmp_path / ".gitignore").write_bytes(ours)
    (tmp_path / "_quarto.yml").write_text("project:\n  type: default\n", encoding="utf-8")
    (tmp_path / "halaman.md").write_text("# Uji\n\nIsi.\n", encoding="utf-8")
    result = subprocess.run(
        [str(quarto), "render", "--to", "html"], cwd=tmp_path, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, (result.stdout + result.stderr)[-2000:]
    assert (tmp_path / "halaman.html").exists()
    assert (tmp_path / ".gitignore").read_bytes() == ours


@pytest.mark.render
@pytest.mark.parametrize("cetak", [False, True])
def test_the_signed_document_leaves_out_what_is_for_the_site_and_for_analysts(tmp_path, cetak):
    # filters/bab.lua on a one-page book of its own: a site-only heading, a chapter for
    # analysts and a div for analysts inside a chapter, in the DOCX and on the site
    quarto = quarto_or_skip()
    filters = tmp_path / "_extensions" / "lkjip" / "filters"
    filters.mkdir(parents=True)
    (filters / "bab.lua").write_bytes((ROOT / "_extensions" / "lkjip" / "filters" / "bab.lua").read_bytes())
    (tmp_path / "_bab").mkdir()
    (tmp_path / "_bab" / "isi.md").write_text(
        "Isi laporan.\n\n::: {.bahan-analis}\n\n## Log Data\n\nSidik berkas.\n\n:::\n", encoding="utf-8"
    )
    (tmp_path / "_bab" / "kamus.md").write_text("Arti setiap kolom.\n", encoding="utf-8")
    (tmp_path / "_quarto.yml").write_text(
        "project:\n  type: default\n"
        "filters:\n  - at: pre-ast\n    path: _extensions/lkjip/filters/bab.lua\n"
        f"bahan-analis-dicetak: {str(cetak).lower()}\n",
        encoding="utf-8",
    )
    (tmp_path / "buku.qmd").write_text(
        "# Selamat datang {.hanya-situs}\n\n::: {.hanya-situs}\nSambutan situs.\n:::\n\n"
        '# Laporan\n\n::: {.bab sumber="_bab/isi.md"}\n:::\n\n'
        '# Kamus Data {.bahan-analis}\n\n::: {.bab .bahan-analis sumber="_bab/kamus.md"}\n:::\n',
        encoding="utf-8",
    )
    for fmt in ("docx", "html"):
        command = [str(quarto), "render", "buku.qmd", "--to", fmt]
        result = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, timeout=300)
        assert result.returncode == 0, (result.stdout + result.stderr)[-2000:]
    docx = docx_text(docx_xml(tmp_path / "buku.docx"))
    assert "Isi laporan." in docx and "Selamat datang" not in docx and "Sambutan situs." not in docx
    for text in ("Log Data", "Sidik berkas.", "Kamus Data", "Arti setiap kolom."):
        assert (text in docx) is cetak, text
    site = html_text((tmp_path / "buku.html").read_text(encoding="utf-8"))
    for text in ("Sambutan situs.", "Isi laporan.", "Sidik berkas.", "Arti setiap kolom."):
        assert text in site, text
