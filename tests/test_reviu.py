"""The automatic reviu: planted errors are found one by one, and the seed gives exactly its 3 findings."""

from __future__ import annotations

import pandas as pd
import pytest
from test_anggaran_capaian import seed_clean

from lkjip.core.config import load_config
from lkjip.core.rounding import printed_tolerance
from lkjip.indicators.engine import compute_all
from lkjip.katalog.hasil import COLUMNS
from lkjip.reviu.temuan import format_angka, run_reviu

PKP = "Perjanjian Kinerja Perubahan"


@pytest.fixture(scope="module")
def config():
    return load_config().with_year(2025)


def _src(frame: pd.DataFrame, berkas: str, sheet: str) -> pd.DataFrame:
    n = len(frame)
    return frame.assign(
        berkas=pd.array([berkas] * n, dtype="string"),
        sheet=pd.array([sheet] * n, dtype="string"),
        baris=pd.array(range(2, 2 + n), dtype="Int64"),
    )


def _base() -> dict[str, pd.DataFrame]:
    """A tiny consistent input: every printed figure below agrees with its recomputation."""
    i64 = "Int64"
    anggaran = pd.DataFrame(
        {
            "tahun": pd.array([2025, 2025], dtype=i64),
            "kode": ["K.1", "K.2"],
            "kode_kegiatan": ["K"] * 2,
            "kegiatan": ["Kegiatan"] * 2,
            "uraian": ["Satu", "Dua"],
            "anggaran": [200_000.0, 300_000.0],
            "realisasi": [150_000.0, 100_000.0],
            "persen_tercetak": [75.0, 33.33],  # 75 %; 100.000 / 300.000 = 33,333… -> 33,33
        }
    )
    riwayat = pd.DataFrame(
        {
            "tahun": pd.array([2024], dtype=i64),
            "anggaran": [1_000_000.0],
            "realisasi": [900_000.0],
            "persen_tercetak": [90.0],
        }
    )
    peta = pd.DataFrame(
        {"dokumen": [PKP] * 2, "no_sasaran": pd.array([1, 1], dtype=i64), "kode": ["K.1", "K.2"]}
    )
    tercetak = pd.DataFrame(
        {
            "dokumen": [PKP],
            "no_sasaran": pd.array([1], dtype=i64),
            "sasaran": ["Sasaran"],
            "alokasi_tercetak": [500_000.0],
            "realisasi_tercetak": [250_000.0],
            "capaian_tercetak": [50.0],
        }
    )
    pk = pd.DataFrame(
        {
            "dokumen": [PKP] * 2,
            "periode": ["2025-2029"] * 2,
            "jenis": ["utama", "utama"],
            "no_sasaran": pd.array([1, 1], dtype=i64),
            "sasaran": ["Sasaran"] * 2,
            "kode_indikator": ["PKP-1", "PKP-9"],
            "indikator": ["Nilai Rata-Rata SAKIP", "Indeks manual"],
            "satuan": ["Nilai", "Indeks"],
            "polaritas": ["positif", "positif"],
            "tahun": pd.array([2025, 2025], dtype=i64),
            "target": [80.0, 10.0],
            "realisasi": [85.0, 9.0],  # SAKIP mean (90 + 80) / 2 = 85
            "capaian_tercetak": [106.25, 90.0],  # 85 / 80 and 9 / 10
            "sumber_realisasi": ["sakip_rata_rata", "manual"],
        }
    )
    sakip = pd.DataFrame(
        {
            "tahun": pd.array([2025, 2025], dtype=i64),
            "kode_pd": ["PD1", "PD2"],
            "perangkat_daerah": ["Dinas Satu", "Dinas Dua"],
            "nilai": [90.0, 80.0],
            "predikat_tercetak": ["A", "BB"],  # bounds exclusive: 90,00 is A, 80,00 is BB
        }
    )
    # PD1: nine 3s and two 5s = 37 (Sedang); PD2: 4,1 + ten 3,3 = 37,1 (Tinggi).
    kelembagaan = pd.DataFrame(
        {
            "tahun": pd.array([2025, 2025], dtype=i64),
            "kode_pd": ["PD1", "PD2"],
            "perangkat_daerah": ["Dinas Satu", "Dinas Dua"],
            "V01": [5.0, 4.1],
            "V02": [5.0, 3.3],
            **{f"V{i:02d}": [3.0, 3.3] for i in range(3, 12)},
            "total_tercetak": [37.0, 37.1],
            "kategori_tercetak": ["Sedang", "Tinggi"],
        }
    )
    pemda = pd.DataFrame(
        {
            "tahun": pd.array([2025] * 8, dtype=i64),
            "dimensi": ["Struktur"] * 3 + ["Proses"] * 5,
            "sub_dimensi": [f"S{i}" for i in range(8)],
            "bobot": [25.0, 12.5, 12.5, 10.0, 10.0, 10.0, 10.0, 10.0],
            "nilai": [80.0] * 3 + [70.0] * 5,
        }
    )
    skm_riwayat = pd.DataFrame(
        {
            "tahun": pd.array([2024, 2024], dtype=i64),
            "kode_unit": ["X", "Y"],
            "unit": ["Unit X", "Unit Y"],
            "jumlah_responden": pd.array([50, 60], dtype=i64),
            "ikm": [76.60, 88.31],
            "mutu_tercetak": ["C", "A"],  # 76,60 is C; 88,31 is A
        }
    )
    tables = {
        "anggaran": (anggaran, "realisasi-anggaran.xlsx", "LRA"),
        "anggaran_riwayat": (riwayat, "realisasi-anggaran.xlsx", "Riwayat"),
        "peta_sasaran_anggaran": (peta, "realisasi-anggaran.xlsx", "Sasaran"),
        "anggaran_sasaran_tercetak": (tercetak, "realisasi-anggaran.xlsx", "Sasaran"),
        "perjanjian_kinerja": (pk, "perjanjian-kinerja.xlsx", "PK"),
        "sakip_pd": (sakip, "sakip.xlsx", "SAKIP"),
        "kelembagaan_pd": (kelembagaan, "kelembagaan.xlsx", "Kematangan"),
        "kelembagaan_pemda": (pemda, "kelembagaan.xlsx", "Evaluasi"),
        "skm_unit_riwayat": (skm_riwayat, "skm-riwayat.xlsx", "IKM"),
    }
    return {name: _src(frame, berkas, sheet) for name, (frame, berkas, sheet) in tables.items()}


def _planted(table: str, row: int, column: str, value: object) -> dict[str, pd.DataFrame]:
    clean = _base()
    frame = clean[table].copy()
    frame.loc[row, column] = value
    clean[table] = frame
    return clean


def _reviu(clean, config) -> pd.DataFrame:
    return run_reviu(clean, compute_all(clean, config), config)


def test_consistent_input_has_no_finding(config):
    found = _reviu(_base(), config)
    assert found.empty
    assert list(found.columns) == list(COLUMNS["reviu"])


@pytest.mark.parametrize(
    ("table", "row", "column", "value", "jenis", "kolom"),
    [
        ("anggaran", 1, "persen_tercetak", 33.43, "persen_anggaran", "persen_tercetak"),
        ("anggaran_riwayat", 0, "persen_tercetak", 90.1, "persen_anggaran_riwayat", "persen_tercetak"),
        (
            "anggaran_sasaran_tercetak",
            0,
            "alokasi_tercetak",
            500_001.0,
            "alokasi_sasaran",
            "alokasi_tercetak",
        ),
        (
            "anggaran_sasaran_tercetak",
            0,
            "realisasi_tercetak",
            205_000.0,
            "realisasi_sasaran",
            "realisasi_tercetak",
        ),
        (
            "anggaran_sasaran_tercetak",
            0,
            "capaian_tercetak",
            50.5,
            "capaian_anggaran_sasaran",
            "capaian_tercetak",
        ),
        ("perjanjian_kinerja", 0, "capaian_tercetak", 106.52, "capaian_indikator", "capaian_tercetak"),
        ("perjanjian_kinerja", 1, "capaian_tercetak", 95.0, "capaian_indikator", "capaian_tercetak"),
        ("perjanjian_kinerja", 0, "realisasi", 85.5, "realisasi_indikator", "realisasi"),
        ("sakip_pd", 0, "predikat_tercetak", "AA", "predikat_sakip", "predikat_tercetak"),
        ("kelembagaan_pd", 0, "kategori_tercetak", "Tinggi", "kategori_kematangan", "kategori_tercetak"),
        ("kelembagaan_pd", 1, "total_tercetak", 37.0, "total_kematangan", "total_tercetak"),
        ("skm_unit_riwayat", 0, "mutu_tercetak", "B", "mutu_ikm", "mutu_tercetak"),
        ("kelembagaan_pemda", 0, "bobot", 20.0, "bobot_efektivitas", "bobot"),
    ],
)
def test_one_planted_error_gives_exactly_that_finding(config, table, row, column, value, jenis, kolom):
    clean = _planted(table, row, column, value)
    found = _reviu(clean, config)
    assert len(found) == 1, found[["jenis", "kolom", "penjelasan"]].to_string()
    finding = found.iloc[0]
    assert finding["jenis"] == jenis
    assert finding["kolom"] == kolom
    assert finding["berkas"] == clean[table]["berkas"].iloc[row]
    if jenis != "bobot_efektivitas":  # a sum over rows has no single row
        assert finding["baris"] == clean[table]["baris"].iloc[row]
    assert finding["penjelasan"]


def test_planted_percentage_finding_reads_well(config):
    found = _reviu(_planted("anggaran", 1, "persen_tercetak", 33.43), config)
    finding = found.iloc[0]
    assert finding["nilai_tercetak"] == "33,43"
    assert finding["nilai_hitung"] == "33,33"
    assert finding["toleransi"] == pytest.approx(0.005)
    assert finding["selisih"] == pytest.approx(100 / 3 - 33.43)
    assert "Rp100.000 / Rp300.000" in finding["penjelasan"]


def test_category_finding_names_both_categories(config):
    found = _reviu(_planted("skm_unit_riwayat", 0, "mutu_tercetak", "B"), config)
    finding = found.iloc[0]
    assert (finding["nilai_tercetak"], finding["nilai_hitung"]) == ("B", "C")
    assert pd.isna(finding["selisih"])


@pytest.mark.parametrize(
    ("printed", "anggaran", "realisasi", "is_finding"),
    [
        (84.40, 100_613_435.0, 85_012_295.0, True),  # 84,40 vs 84,49
        (85.72, 796_858_170.0, 683_074_125.0, False),  # 85,72 vs 85,7208
        (95.9, 1_000.0, 959.0, False),  # 95,9 vs 95,90
        (95.9, 1_000.0, 959.1, True),  # 95,90 vs 95,91 (a stored 95.9 was printed 95,90)
    ],
)
def test_tolerance_is_half_a_unit_of_the_printed_decimal(config, printed, anggaran, realisasi, is_finding):
    clean = _base()
    clean["anggaran"] = clean["anggaran"].assign(
        anggaran=[200_000.0, anggaran], realisasi=[150_000.0, realisasi], persen_tercetak=[75.0, printed]
    )
    # keep the sasaran table consistent with the new amounts
    clean["anggaran_sasaran_tercetak"] = clean["anggaran_sasaran_tercetak"].assign(
        alokasi_tercetak=[200_000.0 + anggaran],
        realisasi_tercetak=[150_000.0 + realisasi],
        capaian_tercetak=[round((150_000.0 + realisasi) / (200_000.0 + anggaran) * 100, 2)],
    )
    found = _reviu(clean, config)
    assert len(found) == (1 if is_finding else 0), found.to_string()


@pytest.mark.parametrize(
    ("typed", "desimal", "is_finding"),
    [
        (85.0, 0, False),  # "85" against the SAKIP mean 85,00
        (85.04, 2, True),  # "85,04": at two decimals it is not 85,00
        (85.0, 1, False),  # "85,0"
        (84.9, 1, True),  # "84,9" against 85,0
        (85.04, None, True),  # precision unknown: read from the float (two decimals)
    ],
)
def test_a_typed_realisasi_is_checked_at_the_precision_its_cell_showed(config, typed, desimal, is_finding):
    # PKP-1 takes its realisasi from the SAKIP data: (90 + 80) / 2 = 85; the typed one is checked
    clean = _planted("perjanjian_kinerja", 0, "realisasi", typed)
    clean["perjanjian_kinerja"] = clean["perjanjian_kinerja"].assign(
        desimal_realisasi=pd.array([desimal, None], dtype="Int64")
    )
    found = _reviu(clean, config)
    assert list(found["jenis"]) == (["realisasi_indikator"] if is_finding else []), found.to_string()


def test_printed_tolerance():
    assert printed_tolerance(84.4, min_decimals=2) == pytest.approx(0.005)
    assert printed_tolerance(95.9) == pytest.approx(0.05)
    assert printed_tolerance(227_760_105.0) == pytest.approx(0.5)
    assert printed_tolerance(37.125) == pytest.approx(0.0005)


def test_format_angka_is_indonesian():
    assert format_angka(1234567.891, 2) == "1.234.567,89"
    assert format_angka(84.405, 2) == "84,41"  # half up, not to even
    assert format_angka(None, 2) is None


def test_internal_inconsistency_is_reported(config):
    clean = _base()
    computed = compute_all(clean, config)
    ringkasan = computed["ringkasan_capaian"].copy()
    ringkasan.loc[0, "tepat"] = 5  # a summary count that no longer matches the capaian table
    found = run_reviu(clean, {**computed, "ringkasan_capaian": ringkasan}, config)
    assert list(found["jenis"]) == ["konsistensi"]
    assert found["kolom"].iloc[0] == "tepat"


def test_seed_shaped_data_gives_exactly_the_seed_inconsistencies(config):
    clean = seed_clean()
    found = _reviu(clean, config)
    summary = sorted(zip(found["jenis"], found["nilai_tercetak"], found["nilai_hitung"], strict=True))
    assert summary == [
        # sasaran 1: 177.653.428 / 227.760.105 = 78,00 %; sasaran 3: 447.498.997 / 487.724.565 = 91,75 %
        ("capaian_anggaran_sasaran", "78,68", "78,00"),
        ("capaian_anggaran_sasaran", "93,59", "91,75"),
        # sub-kegiatan 4.01.01.2.13.0002: 85.012.295 / 100.613.435 = 84,49 %
        ("persen_anggaran", "84,40", "84,49"),
    ]
    sub = found[found["jenis"] == "persen_anggaran"].iloc[0]
    assert "4.01.01.2.13.0002" in sub["penjelasan"]
    assert sub["sheet"] == "LRA"
    assert sub["baris"] == 6  # second detail row of the hand-made sheet (rows start at 5)


def test_reviu_does_not_modify_inputs(config):
    clean = _base()
    computed = compute_all(clean, config)
    before_clean = {k: v.copy() for k, v in clean.items()}
    before_computed = {k: v.copy() for k, v in computed.items()}
    run_reviu(clean, computed, config)
    for name, frame in clean.items():
        pd.testing.assert_frame_equal(frame, before_clean[name])
    for name, frame in computed.items():
        pd.testing.assert_frame_equal(frame, before_computed[name])


def test_empty_input_gives_empty_tables_and_no_finding(config):
    computed = compute_all({}, config)
    assert all(frame.empty for frame in computed.values())
    assert run_reviu({}, computed, config).empty


def test_findings_of_numbers_and_categories_store_as_one_table(config, tmp_path):
    from lkjip.katalog.store import write_table

    clean = _planted("anggaran", 1, "persen_tercetak", 33.43)
    clean["sakip_pd"] = clean["sakip_pd"].assign(predikat_tercetak=["AA", "BB"])
    found = _reviu(clean, config)
    assert sorted(found["jenis"]) == ["persen_anggaran", "predikat_sakip"]
    parquet, _ = write_table(found, "reviu", tmp_path)
    assert parquet.stat().st_size > 0


def _two_warnings(config, folder) -> None:
    from lkjip.ingest.problems import WARNINGS_CSV, Problem, warning_rows
    from lkjip.katalog.store import publish

    warnings = [
        Problem(
            "pk.xlsx",
            "target PK-1 tahun 2025 = 0,964 tampak seperti pecahan",
            "PK 2021-2025",
            12,
            "P (Target 2025)",
            0.964,
        ),
        Problem("sakip.xlsx", "tidak ada data nilai SAKIP tahun 2024"),
    ]
    publish(
        {"reviu": run_reviu({}, compute_all({}, config), config)},
        folder,
        {},
        {WARNINGS_CSV: warning_rows(warnings).to_csv(index=False).encode("utf-8-sig")},
    )


def test_the_reviu_printout_shows_the_located_warnings(config, tmp_path):
    from lkjip.reviu.teks import print_reviu

    _two_warnings(config, tmp_path)
    lines: list[str] = []
    assert print_reviu(tmp_path, lines.append) == 2  # no finding, two warnings
    assert lines[0].startswith("Reviu: tidak ada temuan")
    assert (
        "  pk.xlsx, sheet 'PK 2021-2025', baris 12, kolom P (Target 2025): target PK-1 tahun 2025 = 0,964 "
        "tampak seperti pecahan [nilai: 0.964]"
    ) in lines
    assert "  sakip.xlsx: tidak ada data nilai SAKIP tahun 2024" in lines


def test_the_reviu_printout_without_warnings_says_so(config, tmp_path):
    from lkjip.katalog.store import publish
    from lkjip.reviu.teks import print_reviu

    publish({"reviu": run_reviu({}, compute_all({}, config), config)}, tmp_path, {})
    lines: list[str] = []
    assert print_reviu(tmp_path, lines.append) == 0
    assert lines[-1] == "Peringatan langkah data: tidak ada."


def test_the_books_reviu_section_lists_the_located_warnings(config, tmp_path):
    from lkjip.report.narasi import peringatan_markdown

    _two_warnings(config, tmp_path)
    lead, items = peringatan_markdown(tmp_path).split("\n\n")
    assert lead.startswith("Langkah data memberi 2 peringatan kewajaran")
    assert items.splitlines() == [
        "- pk.xlsx, sheet 'PK 2021-2025', baris 12, kolom P (Target 2025): target PK-1 tahun 2025 = 0,964 "
        "tampak seperti pecahan",
        "- sakip.xlsx: tidak ada data nilai SAKIP tahun 2024",
    ]
    (tmp_path / "peringatan.csv").unlink()
    assert peringatan_markdown(tmp_path).startswith("Langkah data tidak memberi peringatan kewajaran")
