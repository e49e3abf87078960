"""Budget and capaian: formulas, N/A rules, and a seed-shaped fixture reproducing the seed's figures."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from lkjip.core.config import load_config
from lkjip.indicators.anggaran import compute_anggaran, persen_realisasi, total_anggaran
from lkjip.indicators.capaian import (
    compute_capaian,
    compute_capaian_nilai,
    realisasi_terhitung,
    ringkas_capaian,
    status_capaian,
)
from lkjip.indicators.engine import compute_all

PK = "Perjanjian Kinerja"
PKP = "Perjanjian Kinerja Perubahan"


@pytest.fixture(scope="module")
def config():
    return load_config().with_year(2025)


# --------------------------------------------------------------------------------------------
# A fixture shaped like the seed report (domain.md §6). Every number below is the seed's, or
# chosen so that a hand calculation gives the seed's figure (explained next to it).
# --------------------------------------------------------------------------------------------


def _source(n: int, berkas: str, sheet: str, first: int = 5) -> dict:
    return {
        "berkas": [berkas] * n,
        "sheet": [sheet] * n,
        "baris": pd.array(range(first, first + n), dtype="Int64"),
    }


def _frame(data: dict, strings: tuple[str, ...] = ()) -> pd.DataFrame:
    frame = pd.DataFrame(data)
    typed = {c: "string" for c in strings if c in frame}
    typed.update({c: "Int64" for c in ("tahun", "no_sasaran", "baris") if c in frame})
    return frame.astype(typed)


SUB_KEGIATAN = [
    # kode, uraian, anggaran, realisasi, printed %
    ("4.01.01.2.13.0001", "Pengelolaan Kelembagaan dan Analisis Jabatan", 81_373_500, 57_921_700, 71.18),
    ("4.01.01.2.13.0002", "Fasilitasi Pelayanan Publik dan Tata Laksana", 100_613_435, 85_012_295, 84.40),
    ("4.01.01.2.13.0003", "Peningkatan Kinerja dan Reformasi Birokrasi", 437_724_565, 399_549_077, 91.28),
    (
        "4.01.01.2.13.0004",
        "Monitoring, Evaluasi dan Pengendalian Kualitas Pelayanan Publik dan Tata Laksana",
        127_146_670,
        92_641_133,
        72.86,
    ),
    (
        "4.01.01.2.13.0005",
        "Koordinasi dan Penyusunan Laporan Kinerja Pemerintah Daerah",
        50_000_000,
        47_949_920,
        95.90,
    ),
]

# Seed Tabel III.2.A/B: (dokumen, jenis, no_sasaran, kode, satuan, sumber,
#                        {tahun: (target, realisasi, capaian)})
PK_ROWS = [
    (PK, "utama", 1, "PK-1", "PD/UKPD", "skm_unit_minimal_baik",
     {2021: (None, None, None), 2022: (None, None, None), 2023: (None, 57, None), 2024: (None, 57, None),
      2025: (57, 57, 100)}),
    (PK, "utama", 2, "PK-2", "PD/UKPD", "kematangan_minimal_tinggi",
     {2021: (None, None, None), 2022: (None, 48, None), 2023: (None, 48, None), 2024: (None, 48, None),
      2025: (48, 48, 100)}),
    (PK, "utama", 3, "PK-3", "PD/UKPD", "sakip_pd_minimal_baik",
     {2021: (None, 48, None), 2022: (None, 48, None), 2023: (None, 48, None), 2024: (None, 48, None),
      2025: (48, 48, 100)}),
    (PK, "lainnya", 1, "KL-1", "%", "persen_realisasi_anggaran",
     {2021: (None, 90.64, None), 2022: (None, 96.49, None), 2023: (None, 95.54, None),
      2024: (None, 96.35, None), 2025: (96.40, 85.72, 88.92)}),
    (PK, "lainnya", 1, "KL-2", "Indeks", "manual",
     {2021: (None, 84.37, None), 2022: (None, 78.13, None), 2023: (None, 91.25, None),
      2024: (None, 87.50, None), 2025: (86.50, 84.44, 97.62)}),
    (PK, "lainnya", 2, "KL-3", "Inovasi", "manual",
     {2021: (None, 2, None), 2022: (None, 2, None), 2023: (None, 3, None), 2024: (None, 3, None),
      2025: (3, 3, 100)}),
    (PKP, "utama", 1, "PKP-1", "Nilai", "sakip_rata_rata",
     {2024: (None, 83.11, None), 2025: (83.11, 83.78, 100.81)}),
    (PKP, "utama", 2, "PKP-2", "Nilai", "efektivitas_kelembagaan",
     {2024: (None, 95.9, None), 2025: (95.9, 95.9, 100)}),
    (PKP, "utama", 3, "PKP-3", "Indeks", "ikm_pemda",
     {2024: (None, 89.97, None), 2025: (90.05, 90.87, 100.91)}),
]  # fmt: skip


def _perjanjian_kinerja() -> pd.DataFrame:
    rows = []
    for dokumen, jenis, no, kode, satuan, sumber, years in PK_ROWS:
        for tahun, (target, realisasi, capaian) in years.items():
            rows.append(
                {
                    "dokumen": dokumen,
                    "periode": "2021-2025" if dokumen == PK else "2025-2029",
                    "jenis": jenis,
                    "no_sasaran": no,
                    "sasaran": f"Sasaran {no}",
                    "kode_indikator": kode,
                    "indikator": f"Indikator {kode}",
                    "satuan": satuan,
                    "polaritas": "positif",
                    "tahun": tahun,
                    "target": math.nan if target is None else float(target),
                    "realisasi": math.nan if realisasi is None else float(realisasi),
                    "capaian_tercetak": math.nan if capaian is None else float(capaian),
                    "sumber_realisasi": sumber,
                }
            )
    frame = pd.DataFrame(rows)
    frame = frame.assign(**_source(len(frame), "perjanjian-kinerja.xlsx", "PK"))
    return _frame(
        frame,
        ("dokumen", "periode", "jenis", "sasaran", "kode_indikator", "indikator", "satuan", "polaritas",
         "sumber_realisasi", "berkas", "sheet"),
    )  # fmt: skip


def _skm() -> tuple[pd.DataFrame, pd.DataFrame]:
    # 57 units with 3 respondents each. A respondent answering six 4s and three 3s gives 33;
    # one answering five 4s and four 3s gives 32. 8 units: 33+33+33 = 99 -> IKM 25×99/27 = 91,67;
    # 49 units: 33+33+32 = 98 -> IKM 25×98/27 = 90,74. Mean = 25/27 × (8×99 + 49×98)/57
    # = 25/27 × 5594/57 = 90,8707 -> 90,87 (the seed's IKM Pemda), all 57 units mutu A.
    high = [4, 4, 4, 4, 4, 4, 3, 3, 3]
    low = [4, 4, 4, 4, 4, 3, 3, 3, 3]
    rows = []
    for u in range(57):
        answers = [high, high, high] if u < 8 else [high, high, low]
        for r, values in enumerate(answers, start=1):
            rows.append(
                {
                    "tahun": 2025,
                    "kode_unit": f"U{u:02d}",
                    "unit": f"Unit {u:02d}",
                    "responden": r,
                    "jenis_kelamin": "L" if r == 1 else "P",
                    "umur": 30 + r,
                    "pendidikan": "S1",
                    "pekerjaan": "Swasta",
                    **{f"U{i}": v for i, v in enumerate(values, start=1)},
                }
            )
    responden = pd.DataFrame(rows).astype(
        {"tahun": "Int64", "responden": "Int64", "umur": "Int64", **{f"U{i}": "Int64" for i in range(1, 10)}}
    )
    unit = (
        responden[["tahun", "kode_unit", "unit"]]
        .drop_duplicates()
        .assign(populasi=pd.array([None] * 57, dtype="Int64"))
    )
    return responden.reset_index(drop=True), unit.reset_index(drop=True)


def _skm_riwayat() -> pd.DataFrame:
    # 2024: 57 units at 89,97 (seed's realisasi 2024 of the IKM Pemda); 2023: 57 units at 90,00.
    n = 57
    frame = pd.DataFrame(
        {
            "tahun": [2023] * n + [2024] * n,
            "kode_unit": [f"U{u:02d}" for u in range(n)] * 2,
            "unit": [f"Unit {u:02d}" for u in range(n)] * 2,
            "jumlah_responden": [100] * (2 * n),
            "ikm": [90.0] * n + [89.97] * n,
            "mutu_tercetak": ["A"] * (2 * n),
        }
    )
    frame = frame.assign(**_source(len(frame), "skm-riwayat.xlsx", "IKM"))
    return _frame(frame, ("kode_unit", "unit", "mutu_tercetak", "berkas", "sheet")).astype(
        {"jumlah_responden": "Int64"}
    )


def _sakip() -> pd.DataFrame:
    # 2025: 24 PD at 80,00 (BB: 80 is not above 80) and 24 at 87,56 (A); mean 83,78, all minimal baik.
    # 2024: 24 at 80,11 (A: above 80) and 24 at 86,11; mean 83,11 (the seed's realisasi 2024).
    nilai = [80.0] * 24 + [87.56] * 24 + [80.11] * 24 + [86.11] * 24
    frame = pd.DataFrame(
        {
            "tahun": [2025] * 48 + [2024] * 48,
            "kode_pd": [f"PD{i:02d}" for i in range(48)] * 2,
            "perangkat_daerah": [f"Perangkat Daerah {i:02d}" for i in range(48)] * 2,
            "nilai": nilai,
            "predikat_tercetak": ["BB"] * 24 + ["A"] * 72,
        }
    )
    frame = frame.assign(**_source(len(frame), "sakip.xlsx", "SAKIP"))
    return _frame(frame, ("kode_pd", "perangkat_daerah", "predikat_tercetak", "berkas", "sheet"))


def _kelembagaan() -> tuple[pd.DataFrame, pd.DataFrame]:
    # 48 PD, every variable 4 (total 44, Tinggi) except V01 = 4,5 for half of them (44,5).
    v01 = [4.5] * 24 + [4.0] * 24
    frame = pd.DataFrame(
        {
            "tahun": [2025] * 48,
            "kode_pd": [f"PD{i:02d}" for i in range(48)],
            "perangkat_daerah": [f"Perangkat Daerah {i:02d}" for i in range(48)],
            "V01": v01,
            **{f"V{i:02d}": [4.0] * 48 for i in range(2, 12)},
            "total_tercetak": [44.5] * 24 + [44.0] * 24,
            "kategori_tercetak": ["Tinggi"] * 48,
        }
    )
    frame = frame.assign(**_source(len(frame), "kelembagaan.xlsx", "Kematangan"))
    pd_table = _frame(frame, ("kode_pd", "perangkat_daerah", "kategori_tercetak", "berkas", "sheet"))
    # NEK: Struktur 25%×100 + 12,5%×100 + 12,5%×100 = 50; Proses 10% × (100+100+100+80+79) = 45,9;
    # total 95,9 (the seed's realisasi).
    sub = [
        ("Struktur", "Kompleksitas", 25.0, 100.0),
        ("Struktur", "Formalisasi", 12.5, 100.0),
        ("Struktur", "Sentralisasi", 12.5, 100.0),
        ("Proses", "Keselarasan", 10.0, 100.0),
        ("Proses", "Tata Kelola", 10.0, 100.0),
        ("Proses", "Kepemimpinan", 10.0, 100.0),
        ("Proses", "Perencanaan", 10.0, 80.0),
        ("Proses", "Pengendalian", 10.0, 79.0),
    ]
    pemda = pd.DataFrame(
        [
            {"tahun": t, "dimensi": d, "sub_dimensi": s, "bobot": b, "nilai": v}
            for t in (2024, 2025)
            for d, s, b, v in sub
        ]
    )
    pemda = pemda.assign(**_source(len(pemda), "kelembagaan.xlsx", "Evaluasi"))
    return pd_table, _frame(pemda, ("dimensi", "sub_dimensi", "berkas", "sheet"))


def _anggaran() -> dict[str, pd.DataFrame]:
    n = len(SUB_KEGIATAN)
    anggaran = pd.DataFrame(
        {
            "tahun": [2025] * n,
            "kode": [s[0] for s in SUB_KEGIATAN],
            "kode_kegiatan": ["4.01.01.2.13"] * n,
            "kegiatan": ["Penataan Organisasi"] * n,
            "uraian": [s[1] for s in SUB_KEGIATAN],
            "anggaran": [float(s[2]) for s in SUB_KEGIATAN],
            "realisasi": [float(s[3]) for s in SUB_KEGIATAN],
            "persen_tercetak": [s[4] for s in SUB_KEGIATAN],
        }
    )
    anggaran = anggaran.assign(**_source(n, "realisasi-anggaran.xlsx", "LRA"))
    # Earlier years: a pagu of Rp1.000.000.000 makes realisasi / pagu exactly the seed's %.
    persen = {2021: 90.64, 2022: 96.49, 2023: 95.54, 2024: 96.35}
    riwayat = pd.DataFrame(
        {
            "tahun": list(persen),
            "anggaran": [1e9] * 4,
            "realisasi": [p * 1e7 for p in persen.values()],
            "persen_tercetak": list(persen.values()),
        }
    )
    riwayat = riwayat.assign(**_source(4, "realisasi-anggaran.xlsx", "Riwayat"))
    # Tabel III.4.B: sasaran 1 = 0002 + 0004, sasaran 2 = 0001, sasaran 3 = 0003 + 0005.
    peta = pd.DataFrame(
        {
            "dokumen": [PKP] * 5,
            "no_sasaran": [1, 1, 2, 3, 3],
            "kode": [f"4.01.01.2.13.000{i}" for i in (2, 4, 1, 3, 5)],
        }
    )
    peta = peta.assign(**_source(5, "realisasi-anggaran.xlsx", "Sasaran"))
    tercetak = pd.DataFrame(
        {
            "dokumen": [PKP] * 3,
            "no_sasaran": [1, 2, 3],
            "sasaran": ["Sasaran 1", "Sasaran 2", "Sasaran 3"],
            "alokasi_tercetak": [227_760_105.0, 81_373_500.0, 487_724_565.0],
            "realisasi_tercetak": [177_653_428.0, 57_921_700.0, 447_498_997.0],
            "capaian_tercetak": [78.68, 71.18, 93.59],
        }
    )
    tercetak = tercetak.assign(**_source(3, "realisasi-anggaran.xlsx", "Sasaran", first=20))
    text = ("kode", "kode_kegiatan", "kegiatan", "uraian", "dokumen", "sasaran", "berkas", "sheet")
    return {
        "anggaran": _frame(anggaran, text),
        "anggaran_riwayat": _frame(riwayat, text),
        "peta_sasaran_anggaran": _frame(peta, text),
        "anggaran_sasaran_tercetak": _frame(tercetak, text),
    }


def _pembanding() -> pd.DataFrame:
    frame = pd.DataFrame(
        {
            "tahun": [2025] * 5,
            "kode_indikator": ["PKP-3", "PKP-1", "sakip_opd", "sakip_opd", "sakip_opd"],
            "indikator": ["IKM", "Nilai Rata-Rata SAKIP", "Nilai SAKIP", "Nilai SAKIP", "Nilai SAKIP"],
            "entitas": [
                "Provinsi Jawa Timur",
                "Provinsi Jawa Timur",
                "Sekretariat Daerah",
                "Kabupaten Mojokerto",
                "Provinsi Jawa Timur",
            ],
            "nilai": [89.71, math.nan, 86.19, math.nan, math.nan],
            "keterangan": ["LKjIP 2025", "tidak tersedia", "LKjIP 2025", "ilustratif", "ilustratif"],
        }
    )
    frame = frame.assign(**_source(5, "pembanding.xlsx", "Pembanding"))
    return _frame(frame, ("kode_indikator", "indikator", "entitas", "keterangan", "berkas", "sheet"))


def seed_clean() -> dict[str, pd.DataFrame]:
    """Clean tables shaped like the seed's 2025 data (small, hand-made)."""
    responden, unit = _skm()
    kelembagaan_pd, kelembagaan_pemda = _kelembagaan()
    return {
        **_anggaran(),
        "skm_responden": responden,
        "skm_unit": unit,
        "skm_unit_riwayat": _skm_riwayat(),
        "sakip_pd": _sakip(),
        "kelembagaan_pd": kelembagaan_pd,
        "kelembagaan_pemda": kelembagaan_pemda,
        "perjanjian_kinerja": _perjanjian_kinerja(),
        "pembanding": _pembanding(),
    }


@pytest.fixture(scope="module")
def seed(config):
    clean = seed_clean()
    return clean, compute_all(clean, config)


def _row(frame: pd.DataFrame, **where) -> pd.Series:
    mask = pd.Series(True, index=frame.index)
    for column, value in where.items():
        mask &= frame[column] == value
    assert mask.sum() == 1, where
    return frame[mask].iloc[0]


# --------------------------------------------------------------------------------------------
# Capaian formula
# --------------------------------------------------------------------------------------------


def test_capaian_positive_is_realisasi_over_target():
    # 83,78 / 83,11 × 100 = 100,806…
    assert compute_capaian_nilai(83.11, 83.78, "positif") == pytest.approx(100.80616, abs=1e-4)


def test_capaian_negative_is_two_minus_ratio():
    # Lower is better: target 10, realisasi 8 -> (2 − 0,8) × 100 = 120; realisasi 12 -> 80.
    assert compute_capaian_nilai(10, 8, "negatif") == pytest.approx(120)
    assert compute_capaian_nilai(10, 12, "negatif") == pytest.approx(80)


def test_capaian_is_uncapped():
    assert compute_capaian_nilai(50, 150, "positif") == pytest.approx(300)


@pytest.mark.parametrize(("target", "realisasi"), [(None, 5.0), (5.0, None), (math.nan, 5.0), (5.0, pd.NA)])
def test_capaian_missing_value_is_na_not_zero(target, realisasi):
    assert math.isnan(compute_capaian_nilai(target, realisasi, "positif"))
    assert status_capaian(compute_capaian_nilai(target, realisasi, "positif")) == "tidak_terukur"


def test_capaian_zero_target_is_not_measurable():
    assert math.isnan(compute_capaian_nilai(0, 3, "positif"))
    assert math.isnan(compute_capaian_nilai(0.0, 0.0, "negatif"))
    assert status_capaian(compute_capaian_nilai(0, 3, "positif")) == "tidak_terukur"


def test_capaian_unknown_polarity_is_rejected():
    with pytest.raises(ValueError, match="polaritas"):
        compute_capaian_nilai(1, 1, "naik")


@pytest.mark.parametrize(
    ("capaian", "status"),
    [(100.004, "tepat"), (99.995, "tepat"), (100.005, "di_atas"), (99.994, "di_bawah"), (100.0, "tepat")],
)
def test_status_uses_capaian_rounded_half_up(capaian, status):
    assert status_capaian(capaian) == status


def test_capaian_table_takes_engine_value_then_typed_then_none():
    pk = pd.DataFrame(
        {
            "dokumen": ["D"] * 3,
            "periode": ["2025-2029"] * 3,
            "jenis": ["utama"] * 3,
            "no_sasaran": pd.array([1, 1, 1], dtype="Int64"),
            "sasaran": ["S"] * 3,
            "kode_indikator": ["A", "A", "B"],
            "indikator": ["ikm", "ikm", "manual"],
            "satuan": ["Indeks"] * 3,
            "polaritas": ["positif"] * 3,
            "tahun": pd.array([2025, 2024, 2025], dtype="Int64"),
            "target": [90.0, 90.0, 0.0],
            "realisasi": [80.0, 88.0, math.nan],
            "capaian_tercetak": [math.nan] * 3,
            "sumber_realisasi": ["ikm_pemda", "ikm_pemda", "manual"],
        }
    )
    before = pk.copy()
    terhitung = pd.DataFrame(
        {"sumber_realisasi": ["ikm_pemda"], "tahun": pd.array([2025], dtype="Int64"), "nilai": [99.0]}
    )
    out = compute_capaian(pk, terhitung)
    pd.testing.assert_frame_equal(pk, before)  # inputs are never modified
    assert list(out["asal_realisasi"]) == ["hitung", "ketik", "tidak_ada"]
    assert list(out["realisasi_tercetak"].fillna(-1)) == [80.0, 88.0, -1]
    assert out["realisasi"].iloc[0] == 99.0  # engine's 2025 value wins over the typed 80
    assert out["realisasi"].iloc[1] == 88.0  # no engine data for 2024: typed value
    assert out["capaian"].iloc[0] == pytest.approx(110.0)  # 99 / 90
    assert out["status"].iloc[2] == "tidak_terukur"  # target 0 and no realisasi


def test_realisasi_terhitung_rounds_scores_half_up():
    computed = {
        "sakip_ringkas": pd.DataFrame(
            {
                "tahun": pd.array([2025], dtype="Int64"),
                "jumlah_pd": [2],
                "rata_rata": [83.775],
                "pd_minimal_baik": [2],
            }
        )
    }
    out = realisasi_terhitung(computed)
    values = dict(zip(out["sumber_realisasi"], out["nilai"], strict=True))
    assert values == {"sakip_pd_minimal_baik": 2.0, "sakip_rata_rata": 83.78}


def test_ringkasan_excludes_na_from_mean_and_counts_statuses():
    capaian = pd.DataFrame(
        {
            "dokumen": ["D"] * 4,
            "periode": ["2025-2029"] * 4,
            "jenis": ["utama", "utama", "lainnya", "utama"],
            "tahun": pd.array([2025] * 4, dtype="Int64"),
            "target": [10.0, 10.0, 10.0, 0.0],
            "capaian": [110.0, 90.0, 100.0, math.nan],
            "status": ["di_atas", "di_bawah", "tepat", "tidak_terukur"],
        }
    )
    total = pd.DataFrame({"tahun": pd.array([2025], dtype="Int64"), "persen": [80.0]})
    out = ringkas_capaian(capaian, total)
    utama = _row(out, jenis="utama")
    semua = _row(out, jenis="semua")
    # utama: 110 and 90 (the N/A one left out, not counted as 0) -> 100; efisiensi 100 − 80 = 20.
    assert (utama["di_atas"], utama["tepat"], utama["di_bawah"], utama["tidak_terukur"]) == (1, 0, 1, 1)
    assert utama["rata_rata_capaian"] == pytest.approx(100.0)
    assert utama["efisiensi"] == pytest.approx(20.0)
    assert semua["jumlah_indikator"] == 4
    assert semua["rata_rata_capaian"] == pytest.approx(100.0)


# --------------------------------------------------------------------------------------------
# Budget
# --------------------------------------------------------------------------------------------


def test_persen_realisasi_zero_or_missing_pagu_is_na():
    out = persen_realisasi(pd.Series([50.0, 5.0, 5.0]), pd.Series([200.0, 0.0, math.nan]))
    assert out.iloc[0] == pytest.approx(25.0)
    assert out.iloc[1:].isna().all()


def test_total_anggaran_sums_details_and_takes_earlier_years_from_riwayat():
    anggaran = pd.DataFrame(
        {
            "tahun": pd.array([2025, 2025], dtype="Int64"),
            "anggaran": [100.0, 300.0],
            "realisasi": [50.0, 250.0],
        }
    )
    riwayat = pd.DataFrame(
        {
            "tahun": pd.array([2024, 2025], dtype="Int64"),
            "anggaran": [1000.0, 1.0],
            "realisasi": [900.0, 1.0],
            "persen_tercetak": [90.0, 100.0],
        }
    )
    out = total_anggaran(anggaran, riwayat)
    assert list(out["tahun"]) == [2024, 2025]
    assert list(out["sumber"]) == ["riwayat", "rincian"]  # 2025 details win over a riwayat row
    assert out["persen"].tolist() == pytest.approx([90.0, 75.0])  # 300 / 400


def test_seed_budget_table(seed):
    _, computed = seed
    hasil = computed["anggaran_hasil"]
    # 85.012.295 / 100.613.435 = 84,49 % (the seed printed 84,40 %).
    assert _row(hasil, kode="4.01.01.2.13.0002")["persen"] == pytest.approx(84.493, abs=1e-3)
    total = _row(computed["anggaran_total"], tahun=2025)
    assert total["anggaran"] == 796_858_170
    assert total["realisasi"] == 683_074_125
    assert round(total["persen"], 2) == 85.72
    assert computed["anggaran_total"]["persen"].round(2).tolist() == [90.64, 96.49, 95.54, 96.35, 85.72]


def test_seed_budget_per_sasaran(seed):
    _, computed = seed
    per = computed["anggaran_sasaran"]
    satu = _row(per, no_sasaran=1)
    assert (satu["alokasi"], satu["realisasi"]) == (227_760_105, 177_653_428)
    assert round(satu["capaian_anggaran"], 2) == 78.00  # 177.653.428 / 227.760.105
    assert round(_row(per, no_sasaran=2)["capaian_anggaran"], 2) == 71.18
    assert round(_row(per, no_sasaran=3)["capaian_anggaran"], 2) == 91.75  # 447.498.997 / 487.724.565
    assert round(satu["capaian_kinerja"], 2) == 100.81
    assert round(_row(per, no_sasaran=3)["capaian_kinerja"], 2) == 100.91


# --------------------------------------------------------------------------------------------
# The seed's capaian and summary
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("dokumen", "kode", "realisasi", "capaian"),
    [
        (PKP, "PKP-1", 83.78, 100.81),
        (PKP, "PKP-2", 95.9, 100.0),
        (PKP, "PKP-3", 90.87, 100.91),
        (PK, "KL-1", 85.72, 88.92),
        (PK, "KL-2", 84.44, 97.62),
        (PK, "PK-1", 57, 100.0),
        (PK, "PK-2", 48, 100.0),
        (PK, "PK-3", 48, 100.0),
    ],
)
def test_seed_capaian(seed, dokumen, kode, realisasi, capaian):
    _, computed = seed
    row = _row(computed["capaian"], dokumen=dokumen, kode_indikator=kode, tahun=2025)
    assert row["realisasi"] == pytest.approx(realisasi)
    assert round(row["capaian"], 2) == capaian


def test_seed_realisasi_comes_from_data_where_computable(seed):
    _, computed = seed
    capaian = computed["capaian"]
    asal = {(r.kode_indikator, r.tahun): r.asal_realisasi for r in capaian.itertuples(index=False)}
    assert asal[("PKP-3", 2025)] == "hitung"  # respondents
    assert asal[("PKP-3", 2024)] == "hitung"  # skm_unit_riwayat
    assert asal[("PK-1", 2024)] == "hitung"  # units minimal baik from skm_unit_riwayat
    assert asal[("PK-1", 2021)] == "tidak_ada"
    assert asal[("PK-2", 2023)] == "ketik"  # no kematangan data for 2023
    assert asal[("KL-2", 2025)] == "ketik"  # manual
    assert asal[("KL-1", 2021)] == "hitung"  # anggaran_riwayat


def test_seed_summary(seed):
    _, computed = seed
    ringkasan = computed["ringkasan_capaian"]
    # Every year is summarised; only 2025 carries targets, so earlier years are not measurable.
    earlier = ringkasan[(ringkasan["tahun"] < 2025) & (ringkasan["jenis"] == "utama")]
    assert len(earlier) and (earlier["tidak_terukur"] == earlier["jumlah_indikator"]).all()
    assert earlier["rata_rata_capaian"].isna().all()
    pkp = _row(ringkasan, dokumen=PKP, jenis="utama", tahun=2025)
    assert (pkp["di_atas"], pkp["tepat"], pkp["di_bawah"], pkp["tidak_terukur"]) == (2, 1, 0, 0)
    # (100,806 + 100 + 100,911) / 3 = 100,57; 100,57 − 85,72 = 14,85.
    assert round(pkp["rata_rata_capaian"], 2) == 100.57
    assert round(pkp["capaian_anggaran"], 2) == 85.72
    assert pkp["efisiensi"] == pytest.approx(14.85)
    pk = _row(ringkasan, dokumen=PK, jenis="utama", tahun=2025)
    assert (pk["di_atas"], pk["tepat"], pk["di_bawah"], pk["tidak_terukur"]) == (0, 3, 0, 0)
    semua = _row(ringkasan, dokumen=PK, jenis="semua", tahun=2025)
    # KL-1 88,92 and KL-2 97,62 below; PK-1..3 and KL-3 exactly 100.
    assert (semua["di_atas"], semua["tepat"], semua["di_bawah"], semua["tidak_terukur"]) == (0, 4, 2, 0)


def test_seed_trend_and_comparisons(seed):
    _, computed = seed
    tren = computed["tren"]
    kl1 = tren[tren["kode_indikator"] == "KL-1"].sort_values("tahun")
    assert kl1["tahun"].tolist() == [2021, 2022, 2023, 2024, 2025]
    assert kl1["realisasi"].tolist() == pytest.approx([90.64, 96.49, 95.54, 96.35, 85.72])
    # 96,35 -> 85,72: −10,63 points.
    assert kl1["perubahan"].iloc[-1] == pytest.approx(-10.63)
    assert pd.isna(kl1["perubahan"].iloc[0])
    pkp3 = tren[tren["kode_indikator"] == "PKP-3"].set_index("tahun")
    assert pd.isna(pkp3.loc[2021, "realisasi"])  # no row for 2021 in the 2025–2029 agreement
    assert pkp3.loc[2025, "perubahan"] == pytest.approx(0.90)  # 90,87 − 89,97

    banding = computed["pembanding_hasil"].set_index("kode_indikator")
    assert banding.loc["PKP-3", "verdict"] == "lebih tinggi"  # 90,87 vs Jawa Timur 89,71
    assert banding.loc["PKP-3", "selisih"] == pytest.approx(1.16)
    assert banding.loc["PKP-1", "verdict"] == "tidak dapat dibandingkan"
    assert banding.loc["PKP-2", "verdict"] == "tidak dapat dibandingkan"

    sakip = computed["sakip_pembanding"].set_index("entitas")
    assert sakip.loc["Sekretariat Daerah", "predikat"] == "A"  # 86,19
    assert pd.isna(sakip.loc["Provinsi Jawa Timur", "predikat"])


def test_seed_anggaran_hasil_keeps_inputs_untouched(seed, config):
    clean, _ = seed
    copy = {k: v.copy() for k, v in clean.items()}
    compute_anggaran(clean["anggaran"])
    compute_all(clean, config)
    for name, frame in clean.items():
        pd.testing.assert_frame_equal(frame, copy[name])
