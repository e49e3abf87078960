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
from lkjip.core.config import load_config
from lkjip.publish.notebooks import SelGagal, chapter_notebooks, execute_notebook
from lkjip.report import bagian, eksplorasi
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


def _refused(project: Path, name: str, **parameters) -> SelGagal:
    """Run a notebook with parameters it must refuse; the refusal, from the cell after the parameters."""
    path = project / "notebooks" / "eksplorasi" / name
    with pytest.raises(SelGagal) as err:
        execute_notebook(path, root=project, parameters=parameters)
    cells = _cells(path)
    tagged = next(i for i, c in enumerate(cells) if "parameters" in c.get("metadata", {}).get("tags", []))
    # counted as the notebook shows it: the parameters cell, the injected one, then the check
    assert err.value.sel == tagged + 3, err.value
    return err.value


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


# --------------------------------------------------------------------------- refusals, in every notebook

COVERED = "hanya mencakup tahun 2021, 2022, 2023, 2024, 2025"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("name", "parameters", "ename", "said"),
    [
        # a year outside the data: the book's own refusal (lkjip.report.tahun.TahunTidakTercakup)
        ("01-tren-indikator.ipynb", {"tahun": 2030}, "TahunTidakTercakup", [COVERED]),
        ("02-kabupaten-provinsi.ipynb", {"tahun": 2019}, "TahunTidakTercakup", [COVERED]),
        ("03-ikm-unit-per-unsur.ipynb", {"tahun": 2030, "unit": "UL-01"}, "TahunTidakTercakup", [COVERED]),
        ("04-sampel-skm.ipynb", {"tahun": 2031}, "TahunTidakTercakup", [COVERED]),
        ("05-anggaran-capaian.ipynb", {"tahun": 2020}, "TahunTidakTercakup", [COVERED]),
        # a year the report covers but the notebook's data do not hold
        ("01-tren-indikator.ipynb", {"tahun_mulai": 2019}, "TahunTidakAda",
         ["Tahun 2019, 2020 tidak ada di data.capaian()", "Tahun terdekat: 2021"]),
        ("01-tren-indikator.ipynb", {"tahun_mulai": 2026}, "TahunTidakAda", ["sesudah tahun akhir (2025)"]),
        ("03-ikm-unit-per-unsur.ipynb", {"tahun": 2024, "unit": "UL-01"}, "TahunTidakAda",
         ["Tidak ada nilai unsur unit UL-01 sampai tahun 2024: datanya mencakup tahun 2025"]),
        ("04-sampel-skm.ipynb", {"tahun": 2024}, "TahunTidakAda", ["Tahun 2024 tidak ada", "tahun 2025"]),
        ("05-anggaran-capaian.ipynb", {"tahun": 2024}, "TahunTidakAda",
         ["Tahun 2024 tidak ada di data.anggaran_sasaran(): datanya mencakup tahun 2025"]),
        # an unknown unit: the closest codes (one character off: UL-09, UL-19, UL-29), then all 57
        ("03-ikm-unit-per-unsur.ipynb", {"unit": "UL-99"}, "UnitTidakDikenal",
         ["Mungkin maksudnya: UL-09 (Dinas Perpustakaan dan Kearsipan); UL-19", "Yang ada (57)"]),
        # 'Dinas' begins many unit names
        ("03-ikm-unit-per-unsur.ipynb", {"unit": "Dinas"}, "UnitAmbigu",
         ["UL-01 (Dinas Kependudukan dan Pencatatan Sipil)", "Sebutkan kodenya"]),
        # an ambiguous indicator: listed with its codes, never mixed
        ("01-tren-indikator.ipynb", {"indikator": "SAKIP"}, "IndikatorAmbigu",
         ["PK-3 (Jumlah PD/UKPD dengan nilai SAKIP minimal baik); PKP-1 (Nilai Rata-Rata SAKIP"]),
        ("02-kabupaten-provinsi.ipynb", {"indikator": "SAKIP"}, "IndikatorAmbigu",
         ["PKP-1 (Nilai Rata-Rata SAKIP Perangkat Daerah); sakip_opd (Nilai SAKIP)"]),
        # an unknown indicator: PKP-1, PKP-2, PKP-3 differ from 'PKP-7' by one character
        ("01-tren-indikator.ipynb", {"indikator": "PKP-9"}, "IndikatorTidakDikenal",
         ["Mungkin maksudnya: PKP-1", "Yang ada (9)"]),
        ("02-kabupaten-provinsi.ipynb", {"indikator": "PKP-7"}, "IndikatorTidakDikenal",
         ["Mungkin maksudnya: PKP-1 (Nilai Rata-Rata SAKIP Perangkat Daerah); PKP-2", "Yang ada (4)"]),
    ],
    ids=lambda v: v if isinstance(v, str) and v.endswith("ipynb") else None,
)
def test_every_notebook_refuses_what_its_data_cannot_answer(project, name, parameters, ename, said):
    refusal = _refused(project, name, **parameters)
    assert refusal.ename == ename
    assert all(s in refusal.evalue for s in said), refusal.evalue


@pytest.mark.slow
def test_codes_in_another_case_are_the_same_unit_and_indicator(project):
    shown = _run(project, "03-ikm-unit-per-unsur.ipynb", unit=" ul-01")
    assert "UL-01: Dinas Kependudukan dan Pencatatan Sipil" in shown
    assert "83,08" in shown  # the office's summary of 2023 for this unit
    # PKP-3, IKM Pemda: 89,20 (2023), 89,97, 90,87; Kabupaten − Provinsi in 2025: 90,87 − 89,71 = 1,16
    comparison = _run(project, "02-kabupaten-provinsi.ipynb", indikator="pkp-3")
    assert "89,20" in comparison and "1,16" in comparison
    trend = _run(project, "01-tren-indikator.ipynb", indikator="pkp-3")
    assert "90,87" in trend and "84,37" not in trend  # KL-2's 2021 value is not in PKP-3's trend


@pytest.mark.slow
def test_a_whole_name_chooses_one_of_two_indicators(project):
    # 'Nilai SAKIP' is sakip_opd's whole name: the Sekretariat Daerah's 86,19 (2025), 86,10 (2024)
    shown = _run(project, "02-kabupaten-provinsi.ipynb", indikator="Nilai SAKIP")
    assert "86,19" in shown and "86,10" in shown


# --------------------------------------------------------------------------- charts in the report's style


@pytest.fixture(scope="module")
def config():
    return load_config()


def _legend(figure) -> list[str]:
    legends = [*figure.legends, *(ax.get_legend() for ax in figure.axes if ax.get_legend())]
    return [t.get_text() for legend in legends for t in legend.get_texts()]


def _ticks(axis) -> list[str]:
    return [axis.get_major_formatter()(v, i) for i, v in enumerate(axis.get_majorticklocs())]


def test_trend_panels_are_titled_by_name_with_the_agreements_in_a_legend():
    import pandas as pd

    rows = pd.DataFrame(
        {
            "dokumen": ["PK", "PK", "PKP", "PKP"],
            "kode_indikator": ["KL-1", "KL-1", "PKP-3", "PKP-3"],
            "indikator": ["Persentase Realisasi Anggaran"] * 2 + ["IKM Pemda"] * 2,
            "satuan": ["%", "%", "Indeks", "Indeks"],
            "tahun": [2024, 2025, 2024, 2025],
            "nilai": [96.35, 85.72, 89.97, float("nan")],
        }
    )
    gambar = eksplorasi.gambar_tren(rows, [2024, 2025])
    titles = [ax.get_title() for ax in gambar.figure.axes if ax.get_visible()]
    assert titles == ["Persentase Realisasi Anggaran", "IKM Pemda"]
    assert _legend(gambar.figure) == ["PK", "PKP"]
    labels = [t.get_text() for ax in gambar.figure.axes for t in ax.texts]
    assert labels == ["96,35%", "85,72%", "89,97"]  # 2025 of PKP-3 has no value: no label, no point
    assert all("." not in t for ax in gambar.figure.axes for t in _ticks(ax.yaxis))
    assert "IKM Pemda (PKP): 2024 89,97, 2025 N/A" in gambar.alt


def test_comparison_lines_are_named_and_marked_illustrative(config):
    import pandas as pd

    pilihan = pd.DataFrame(
        {
            "tahun": [2024, 2024, 2025, 2025],
            "indikator": ["IKM Pemda"] * 4,
            "entitas": [config.wilayah, config.provinsi] * 2,
            "nilai": [89.97, 89.34, 90.87, 89.71],
            "asal": ["hitung", "ilustratif", "hitung", "ketik"],
        }
    )
    gambar = eksplorasi.gambar_perbandingan(pilihan, config)
    ax = gambar.figure.axes[0]
    assert ax.get_title() == "IKM Pemda Tahun 2024–2025"
    assert _legend(gambar.figure) == [config.wilayah, config.provinsi]
    assert [t.get_text() for t in ax.texts] == ["89,97", "90,87", "89,34*", "89,71"]
    assert "ilustratif" in ax.get_xlabel()
    assert all("," in t or t.isdigit() for t in _ticks(ax.yaxis))


def test_unit_nrr_bars_per_year_and_the_minimal_line_in_the_legend(config):
    import pandas as pd

    unsur = pd.DataFrame(
        {
            "tahun": [2025, 2025],
            "kode_unit": ["UL-01", "UL-01"],
            "unit": ["Dinas A", "Dinas A"],
            "unsur": ["U2", "U1"],
            "nama_unsur": ["Prosedur", "Persyaratan"],
            "nilai": [3.78, 3.83],
        }
    )
    gambar = eksplorasi.gambar_nrr_unit(unsur, config)
    ax = gambar.figure.axes[0]
    assert ax.get_title() == "NRR per Unsur Pelayanan — Dinas A"
    # mutu B starts at IKM 76,61 (laporan.yml): NRR 76,61 ÷ 25 = 3,0644, shown as 3,06
    assert _legend(gambar.figure) == ["NRR minimal baik (3,06)", "2025"]
    where = {t.get_text(): y for t, y in zip(ax.get_yticklabels(), ax.get_yticks(), strict=True)}
    assert where["U1 Persyaratan"] > where["U2 Prosedur"]  # in the configured order, U1 on top
    assert sorted(t.get_text() for t in ax.texts) == ["3,78", "3,83"]


def test_sample_points_coloured_by_state_with_a_legend(config):
    import pandas as pd

    sampel = pd.DataFrame(
        {
            "jumlah_responden": [400, 60, 35],
            "sampel_minimum": [380, 175, pd.NA],
            "sampel_cukup": [True, False, pd.NA],
        }
    )
    gambar = eksplorasi.gambar_sampel(sampel, config)
    # the unit without a population has no point (no x): the legend counts it all the same
    assert _legend(gambar.figure) == [
        "Cukup (1 unit)", "Kurang (1 unit)", "Tidak dapat dinilai (1 unit, tanpa titik)",
        "Responden = sampel minimum",
    ]  # fmt: skip
    assert "Tidak dapat dinilai 1" in gambar.alt
    assert "2025" in gambar.figure.axes[0].get_title()
