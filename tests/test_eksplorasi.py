"""The exploration notebooks: out of the book, stripped, thin, parameterised, showing the report's numbers.

Each notebook is executed as an analyst would run it (from its own folder); the figures it shows
are compared with the report's tables (``Laporan.tabel``) and with the seed's hand-checked values.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from bantuan import ROOT
from test_notebooks import _text_of  # what a reader sees of an executed notebook

from lkjip.core import fmt
from lkjip.publish.notebooks import chapter_notebooks, execute_notebook
from lkjip.report import bagian
from lkjip.report.laporan import Laporan
from lkjip.report.tables import as_frame

FOLDER = ROOT / "notebooks" / "eksplorasi"
NOTEBOOKS = sorted(FOLDER.glob("*.ipynb"))


def _cells(path: Path) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))["cells"]


def _figures(nb) -> int:
    return sum("image/png" in o.get("data", {}) for c in nb.cells for o in c.get("outputs", []))


@pytest.fixture(scope="module")
def project(processed_project):
    return processed_project


@pytest.fixture(scope="module")
def laporan(project) -> Laporan:
    return Laporan.load(root=project)


def _run(project: Path, name: str, **parameters) -> str:
    nb = execute_notebook(project / "notebooks" / "eksplorasi" / name, root=project, parameters=parameters)
    errors = [o for c in nb.cells for o in c.get("outputs", []) if o.get("output_type") == "error"]
    assert not errors
    assert _figures(nb) == 1, "satu grafik per notebook"
    return _text_of(nb)


def test_the_five_explorations_exist_and_stay_out_of_the_book():
    assert [p.name for p in NOTEBOOKS] == [
        "01-tren-indikator.ipynb",
        "02-kabupaten-provinsi.ipynb",
        "03-ikm-unit-per-unsur.ipynb",
        "04-sampel-skm.ipynb",
        "05-anggaran-capaian.ipynb",
    ]
    assert not {p.resolve() for p in NOTEBOOKS} & {p.resolve() for p in chapter_notebooks()}
    assert "eksplorasi" not in (ROOT / "_quarto.yml").read_text(encoding="utf-8")


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_stripped_thin_parameterised_and_in_indonesian(path):
    cells = _cells(path)
    assert cells[0]["cell_type"] == "markdown" and "".join(cells[0]["source"]).startswith("# ")
    assert all(
        not c.get("outputs") and c.get("execution_count") is None for c in cells if c["cell_type"] == "code"
    )
    tagged = [c for c in cells if "parameters" in c.get("metadata", {}).get("tags", [])]
    assert len(tagged) == 1 and "tahun = None" in "".join(tagged[0]["source"])
    code = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "code")
    assert not re.search(r"^\s*(def|class|lambda)\b", code, re.MULTILINE), "no function definitions"
    assert "read_excel" not in code and "read_parquet" not in code and "read_csv" not in code
    assert not re.search(r"['\"][^'\"]*(/|\\\\)[^'\"]*\.(xlsx|csv|parquet|png|svg)['\"]", code), (
        "no raw paths"
    )
    assert "from lkjip import data" in code
    assert len([c for c in cells if c["cell_type"] == "code"]) <= 12, "thin: a few calls"
    narrative = " ".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")
    assert re.search(r"\b(yang|dan|tahun|setiap)\b", narrative), "narasi berbahasa Indonesia"


@pytest.mark.slow
def test_trends_show_direction_missing_years_and_their_reason(project, laporan):
    shown = _run(project, "01-tren-indikator.ipynb")
    # PKP-3, IKM Pemda: 89,20 (2023) to 90,87 (2025), up; no SKM data in 2021–2022.
    assert "89,20" in shown and "90,87" in shown and "naik" in shown
    assert "tidak ada data SKM (skm_responden, skm_unit_riwayat) untuk tahun 2021" in shown
    # Every realisasi of the report's Tabel III.2 of the last year appears as the last value.
    for dokumen in laporan.dokumen_aktif:
        tren = as_frame(bagian.tabel("III.2", laporan.t, laporan.config, dokumen))
        for value in tren["2025"].dropna():
            assert fmt.angka(value) in shown


@pytest.mark.slow
def test_trends_for_an_earlier_end_year(project):
    shown = _run(project, "01-tren-indikator.ipynb", tahun=2024)
    assert "89,97" in shown  # PKP-3 in 2024 is the last value now
    assert "90,87" not in shown


@pytest.mark.slow
def test_kabupaten_and_provinsi_side_by_side_match_tabel_iii_3(project, laporan):
    shown = _run(project, "02-kabupaten-provinsi.ipynb")
    iii3 = as_frame(bagian.tabel("III.3", laporan.t, laporan.config))
    ikm = iii3[iii3["Indikator Kinerja"].str.contains("IKM")].iloc[0]
    for value in (ikm["Realisasi"], ikm["Realisasi Pembanding"], ikm["Selisih"]):
        assert fmt.angka(value) in shown
    # Seed: IKM Kabupaten 90,87, Provinsi 89,71; SAKIP Sekretariat Daerah 86,19 (86,10 in 2024).
    assert all(v in shown for v in ("90,87", "89,71", "1,16", "86,19", "86,10"))
    assert "ilustratif" in shown


@pytest.mark.slow
def test_one_unit_by_unsur_across_years(project, laporan):
    shown = _run(project, "03-ikm-unit-per-unsur.ipynb", unit="UL-01")
    assert "UL-01: Dinas Kependudukan dan Pencatatan Sipil" in shown
    lampiran = as_frame(bagian.tabel("lampiran-ikm", laporan.t, laporan.config)).set_index("Kode")
    row = lampiran.loc["UL-01"]
    assert fmt.angka(row["IKM"]) in shown
    assert all(fmt.angka(row[u.kode]) in shown for u in laporan.config.skm.unsur)
    assert "83,08" in shown  # the office's summary of 2023 for this unit (typed)


@pytest.mark.slow
def test_the_default_unit_is_the_lowest_ikm_of_the_year(project, laporan):
    shown = _run(project, "03-ikm-unit-per-unsur.ipynb")
    lampiran = as_frame(bagian.tabel("lampiran-ikm", laporan.t, laporan.config))
    lowest = lampiran[lampiran["Kode"] != "PEMDA"].sort_values("IKM").iloc[0]
    assert f"{lowest['Kode']}: {lowest['Unit Pelayanan']}" in shown


@pytest.mark.slow
def test_sample_adequacy_lists_the_units_the_report_marks(project, laporan):
    shown = _run(project, "04-sampel-skm.ipynb")
    lampiran = as_frame(bagian.tabel("lampiran-ikm", laporan.t, laporan.config))
    short = lampiran[lampiran["Sampel Cukup"].eq(False)]
    assert len(short) > 0
    assert all(unit in shown for unit in short["Unit Pelayanan"])
    # Krejcie–Morgan with chi-square 3,841, P 0,5, d 0,05: N=100 -> 80, N=1.000 -> 278.
    assert re.search(r"<th>100</th>\s*<td>80</td>", shown) and re.search(
        r"<th>1000</th>\s*<td>278</td>", shown
    )


@pytest.mark.slow
def test_budget_against_capaian_matches_tabel_iii_4_b(project, laporan):
    shown = _run(project, "05-anggaran-capaian.ipynb")
    iii4b = as_frame(bagian.tabel("III.4.B", laporan.t, laporan.config))
    for value in iii4b["Capaian Anggaran (%)"].dropna():
        assert fmt.angka(value) in shown
    for value in iii4b["Alokasi Anggaran"].dropna():
        assert fmt.angka(value) in shown
    # Seed: total capaian anggaran 85,72 %; sub-kegiatan 0001 is 81.373.500 / 57.921.700 = 71,18 %.
    assert all(v in shown for v in ("85,72", "81.373.500,00", "57.921.700,00", "71,18"))
