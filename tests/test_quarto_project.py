"""Static checks of the Quarto book that need no Quarto, and a real render when Quarto exists."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from lkjip.core.config import load_config
from lkjip.core.paths import paths

ROOT = paths().root
QUARTO = yaml.safe_load((ROOT / "_quarto.yml").read_text(encoding="utf-8"))
LABEL_OPTION = re.compile(r"^#\|\s*label:\s*(\S+)", re.MULTILINE)
REFERENCE = re.compile(r"(?<![\w@])@((?:fig|tbl)-[A-Za-z0-9_-]+)")
ATTRIBUTE_LABEL = re.compile(r"\{#((?:fig|tbl)-[A-Za-z0-9_-]+)")


def _chapters() -> list[Path]:
    book = QUARTO["book"]
    return [ROOT / c for c in [*book["chapters"], *book.get("appendices", [])]]


def _sources() -> dict[Path, list[tuple[str, str]]]:
    """Per chapter: (cell kind, source) pairs; a .qmd is one markdown cell."""
    out = {}
    for chapter in _chapters():
        if chapter.suffix == ".ipynb":
            nb = json.loads(chapter.read_text(encoding="utf-8"))
            out[chapter] = [(c["cell_type"], "".join(c["source"])) for c in nb["cells"]]
        else:
            out[chapter] = [("markdown", chapter.read_text(encoding="utf-8"))]
    return out


def test_quarto_yml_is_a_book_in_indonesian_that_executes_notebooks():
    assert QUARTO["project"]["type"] == "book"
    assert QUARTO["lang"] == "id"
    assert QUARTO["crossref"]["fig-title"] == "Gambar"
    assert QUARTO["crossref"]["tbl-title"] == "Tabel"
    execute = QUARTO["execute"]
    assert execute["enabled"] is True, "Quarto runs .ipynb only with execute.enabled"
    assert execute["freeze"] is False, "freeze would publish stale numbers"
    assert "python -m lkjip data" in QUARTO["project"]["pre-render"]
    assert set(QUARTO["format"]) == {"html", "docx", "typst"}


def test_every_chapter_exists_and_notebooks_come_in_report_order():
    chapters = _chapters()
    assert all(c.exists() for c in chapters), [c for c in chapters if not c.exists()]
    notebooks = sorted((ROOT / "notebooks").glob("*.ipynb"))
    assert [c for c in chapters if c.suffix == ".ipynb"] == notebooks


def test_title_and_date_follow_the_configuration():
    config = load_config()
    book = QUARTO["book"]
    assert str(config.tahun) in book["title"]
    assert book["subtitle"] == config.instansi.nama_lengkap
    assert str(book["date"]) == config.penandatangan.tanggal.isoformat()


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


@pytest.mark.slow
def test_quarto_render_builds_the_book(tmp_path):
    quarto = shutil.which("quarto")
    if quarto is None:
        pytest.skip("Quarto tidak terpasang di mesin ini (lihat README: prasyarat eksternal)")
    work = tmp_path / "proyek"
    shutil.copytree(ROOT, work, ignore=shutil.ignore_patterns(".git", "_book", "_preview"))
    result = subprocess.run(
        [quarto, "render", "--to", "html"],
        cwd=work,
        capture_output=True,
        text=True,
        timeout=1800,
        env={**__import__("os").environ, "LKJIP_ROOT": str(work)},
    )
    assert result.returncode == 0, result.stderr[-3000:]
    html = "\n".join(p.read_text(encoding="utf-8") for p in (work / "_book").rglob("*.html"))
    assert "Gambar" in html and "Grafik Capaian Kinerja" in html
    assert "Perbandingan Nilai SAKIP" in html
