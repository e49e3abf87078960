"""The chapter notebooks: thin, stripped, parameterised, and executing top to bottom as Quarto runs them."""

from __future__ import annotations

import json
import re
from pathlib import Path

import openpyxl
import pytest
from bantuan import ROOT, copy_project

from lkjip.core.config import load_config
from lkjip.pipeline.data_step import run_data_step
from lkjip.publish.gambar import write_gambar
from lkjip.publish.notebooks import chapter_notebooks, execute_notebook

NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))


def _code(path: Path) -> list[str]:
    nb = json.loads(path.read_text(encoding="utf-8"))
    return ["".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "code"]


def _text_of(nb) -> str:
    """Everything a reader sees from an executed notebook: Markdown cells and every output."""
    parts = []
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            parts.append(cell.source)
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            rich = [str(data[k]) for k in ("text/markdown", "text/html") if k in data]
            # text/plain of a rich object is its repr (with memory addresses): only as a fallback.
            parts += rich or [str(data.get("text/plain", ""))]
            parts.append(str(output.get("text", "")))
    return "\n".join(parts)


def _build(project: Path) -> None:
    config = load_config(project / "laporan.yml")
    run_data_step(project / "data" / "raw", project / "data" / "processed", config)


@pytest.fixture(scope="module")
def built_project(tmp_path_factory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("nb") / "proyek")
    _build(project)
    return project


def test_one_notebook_per_chapter_in_book_order():
    assert [p.name for p in chapter_notebooks()] == [p.name for p in NOTEBOOKS]
    # Kata Pengantar, Ikhtisar Eksekutif, BAB I-IV, Lampiran and the data dictionary (Lampiran)
    assert len(NOTEBOOKS) == 8


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_is_stripped_thin_and_parameterised(path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    cells = nb["cells"]
    assert cells[0]["cell_type"] == "markdown" and "".join(cells[0]["source"]).startswith("# ")
    assert all(
        not c.get("outputs") and c.get("execution_count") is None for c in cells if c["cell_type"] == "code"
    )
    tagged = [c for c in cells if "parameters" in c.get("metadata", {}).get("tags", [])]
    assert len(tagged) == 1 and "tahun = None" in "".join(tagged[0]["source"])
    code = "\n".join(_code(path))
    assert not re.search(r"^\s*(def|class|lambda)\b", code, re.MULTILINE), "no function definitions"
    assert "read_excel" not in code and "read_parquet" not in code
    assert not re.search(r"['\"][^'\"]*(/|\\\\)[^'\"]*\.(xlsx|csv|parquet|png|svg)['\"]", code), (
        "no raw paths"
    )


@pytest.mark.slow  # executes the notebooks
@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_runs_from_its_folder_and_from_the_root(built_project, path):
    copy = built_project / "notebooks" / path.name
    from_folder = execute_notebook(copy, root=built_project)
    from_root = execute_notebook(copy, root=built_project, cwd=built_project)
    for nb in (from_folder, from_root):
        errors = [o for c in nb.cells for o in c.get("outputs", []) if o.get("output_type") == "error"]
        assert not errors
    assert _text_of(from_folder) == _text_of(from_root)


@pytest.mark.slow  # executes the notebooks
def test_figures_are_written_and_byte_identical_across_runs(built_project):
    stale = built_project / "figures" / "gambar-lama-2019.png"
    stale.parent.mkdir(exist_ok=True)
    stale.write_bytes(b"old")
    first = {p: p.read_bytes() for p in write_gambar(built_project)}
    assert not stale.exists()  # a file of an earlier build never satisfies the report
    names = {p.name for p in first}
    assert "gambar-0-1-capaian-kinerja-2025.png" in names
    assert "gambar-0-2-perbandingan-sakip-2025.png" in names
    assert {p.suffix for p in first} == {".png", ".svg"}
    second = write_gambar(built_project)
    assert all(p.read_bytes() == first[p] for p in second)


@pytest.mark.slow  # executes the notebooks
def test_another_year_with_data_renders(built_project):
    nb = execute_notebook(
        built_project / "notebooks" / "03-akuntabilitas-kinerja.ipynb",
        root=built_project,
        parameters={"tahun": 2024},
    )
    text = _text_of(nb)
    assert "2024" in text
    # 2024's total budget realisation in the office's history is 96,35 %.
    assert "96,35" in text


def _is_amount(value: object, amount: float) -> bool:
    """A cell holding ``amount`` as a number or as Indonesian money text ("Rp. 57.921.700,00")."""
    if isinstance(value, int | float):
        return value == amount
    if isinstance(value, str):
        digits = value.replace("Rp", "").replace(",00", "").replace(".", "").strip(" .")
        return digits == str(int(amount))
    return False


def _replace_in_sheet(ws, old: float, new: float) -> int:
    changed = 0
    for row in ws.iter_rows():
        for cell in row:
            if _is_amount(cell.value, old):
                cell.value = new
                changed += 1
    return changed


@pytest.mark.slow  # executes the notebooks
def test_changing_one_raw_value_changes_every_output(tmp_path):
    """A new realisasi for one sub-kegiatan: the new total appears everywhere, the old one nowhere."""
    project = copy_project(tmp_path / "proyek")
    path = project / "data" / "raw" / "realisasi-anggaran.xlsx"
    wb = openpyxl.load_workbook(path)
    ws = next(wb[s] for s in wb.sheetnames if s.startswith("LRA"))
    # Sub-kegiatan 0001: 57.921.700 -> 60.000.000; every subtotal and the total follow.
    assert _replace_in_sheet(ws, 57_921_700, 60_000_000) == 1
    assert _replace_in_sheet(ws, 683_074_125, 685_152_425) >= 2
    wb.save(path)
    _build(project)
    texts = [
        _text_of(execute_notebook(nb, root=project)) for nb in sorted((project / "notebooks").glob("*.ipynb"))
    ]
    processed = "\n".join(
        p.read_text(encoding="utf-8-sig") for p in (project / "data" / "processed").glob("*.csv")
    )
    everything = "\n".join([*texts, processed])
    assert "685.152.425" in "\n".join(texts) and "685152425" in processed
    assert "683.074.125" not in everything and "683074125" not in processed
    # 685.152.425 / 796.858.170 = 85,98 % (the budget paragraph of the Ikhtisar Eksekutif)
    names = [nb.stem for nb in sorted((project / "notebooks").glob("*.ipynb"))]
    assert "85,98%" in texts[names.index("00b-ikhtisar-eksekutif")]
