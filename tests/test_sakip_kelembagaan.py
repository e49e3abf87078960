"""SAKIP predikat bands, kematangan kelembagaan and the Nilai Efektivitas Kelembagaan."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from lkjip.core.config import load_config
from lkjip.indicators.kelembagaan import (
    compute_efektivitas,
    compute_kematangan,
    kategori_kematangan,
    peringkat_efektivitas,
    ringkas_kematangan,
)
from lkjip.indicators.sakip import compute_sakip_pd, predikat_sakip, ringkas_sakip


@pytest.fixture(scope="module")
def config():
    return load_config().with_year(2025)


@pytest.mark.parametrize(
    ("nilai", "predikat", "sebutan"),
    [
        (100.0, "AA", "Sangat Memuaskan"),
        (90.01, "AA", "Sangat Memuaskan"),
        (90.00, "A", "Memuaskan"),
        (80.01, "A", "Memuaskan"),
        (80.00, "BB", "Sangat Baik"),
        (60.01, "B", "Baik"),
        (60.00, "CC", "Cukup (Memadai)"),
        (30.00, "D", "Sangat Kurang"),
        (0.0, "D", "Sangat Kurang"),
    ],
)
def test_sakip_bounds_are_exclusive(config, nilai, predikat, sebutan):
    assert predikat_sakip(nilai, config) == (predikat, sebutan)


def test_sakip_score_is_read_at_two_decimals(config):
    # 90,004 is published as 90,00 -> A, not AA.
    assert predikat_sakip(90.004, config)[0] == "A"
    assert predikat_sakip(math.nan, config) == (None, None)


def test_sakip_summary_per_year(config):
    sakip = pd.DataFrame(
        {
            "tahun": pd.array([2025, 2025, 2025, 2024], dtype="Int64"),
            "kode_pd": ["P1", "P2", "P3", "P1"],
            "perangkat_daerah": ["Satu", "Dua", "Tiga", "Satu"],
            "nilai": [60.01, 60.00, 90.5, 70.0],
            "predikat_tercetak": ["B", "CC", "AA", "B"],
        }
    )
    before = sakip.copy()
    hasil = compute_sakip_pd(sakip, config)
    pd.testing.assert_frame_equal(sakip, before)
    assert hasil[hasil["tahun"] == 2025]["minimal_baik"].tolist() == [True, False, True]
    ringkas = ringkas_sakip(hasil).set_index("tahun")
    # 2025: (60,01 + 60 + 90,5) / 3 = 70,17; 2 of 3 minimal baik (B or better).
    assert ringkas.loc[2025, "rata_rata"] == pytest.approx(70.17)
    assert ringkas.loc[2025, "pd_minimal_baik"] == 2
    assert ringkas.loc[2025, "jumlah_pd"] == 3
    assert ringkas.loc[2024, "pd_minimal_baik"] == 1


@pytest.mark.parametrize(
    ("total", "kategori"),
    [
        (55.0, "Sangat Tinggi"),
        (46.1, "Sangat Tinggi"),
        (46.0, "Tinggi"),
        (37.1, "Tinggi"),
        (37.0, "Sedang"),
        (28.1, "Sedang"),
        (19.1, "Rendah"),
        (11.0, "Sangat Rendah"),
    ],
)
def test_kematangan_bounds_are_inclusive(config, total, kategori):
    assert kategori_kematangan(total, config) == kategori


def _kelembagaan(rows: dict[str, list[float]]) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "tahun": pd.array([2025] * len(rows), dtype="Int64"),
            "kode_pd": list(rows),
            "perangkat_daerah": [f"PD {k}" for k in rows],
            **{f"V{i:02d}": [v[i - 1] for v in rows.values()] for i in range(1, 12)},
        }
    )


def test_kematangan_total_37_0_vs_37_1(config):
    frame = _kelembagaan(
        {
            # nine 3s and two 5s = 37,0 -> Sedang
            "P1": [5, 5, 3, 3, 3, 3, 3, 3, 3, 3, 3],
            # 4,1 + ten 3,3 = 37,1 (a float sum near 37,0999…) -> Tinggi
            "P2": [4.1] + [3.3] * 10,
            # a missing variable: no total, no kategori
            "P3": [3, 3, 3, 3, 3, 3, 3, 3, 3, 3, math.nan],
        }
    )
    out = compute_kematangan(frame, config).set_index("kode_pd")
    assert out.loc["P1", "total"] == pytest.approx(37.0)
    assert (out.loc["P1", "kategori"], out.loc["P1", "minimal_tinggi"]) == ("Sedang", False)
    assert out.loc["P2", "total"] == pytest.approx(37.1)
    assert (out.loc["P2", "kategori"], out.loc["P2", "minimal_tinggi"]) == ("Tinggi", True)
    assert pd.isna(out.loc["P3", "total"])
    assert not out.loc["P3", "minimal_tinggi"]
    ringkas = ringkas_kematangan(compute_kematangan(frame, config)).iloc[0]
    assert (ringkas["jumlah_pd"], ringkas["pd_minimal_tinggi"]) == (2, 1)
    assert ringkas["rata_rata"] == pytest.approx(37.05)


def test_efektivitas_from_hand_made_sub_dimensions(config):
    pemda = pd.DataFrame(
        {
            "tahun": pd.array([2025] * 8, dtype="Int64"),
            "dimensi": ["Struktur"] * 3 + ["Proses"] * 5,
            "sub_dimensi": ["Kompleksitas", "Formalisasi", "Sentralisasi", "P1", "P2", "P3", "P4", "P5"],
            "bobot": [25.0, 12.5, 12.5, 10.0, 10.0, 10.0, 10.0, 10.0],
            "nilai": [80.0, 60.0, 100.0, 90.0, 70.0, 50.0, 100.0, 40.0],
        }
    )
    row = compute_efektivitas(pemda, config).iloc[0]
    # Struktur: 0,25×80 + 0,125×60 + 0,125×100 = 20 + 7,5 + 12,5 = 40
    # Proses:   0,10 × (90 + 70 + 50 + 100 + 40) = 35
    assert row["nilai_struktur"] == pytest.approx(40.0)
    assert row["nilai_proses"] == pytest.approx(35.0)
    assert row["nilai"] == pytest.approx(75.0)
    assert (row["peringkat"], row["sebutan"]) == ("P4", "Efektif")


def test_efektivitas_with_a_missing_value_is_na(config):
    pemda = pd.DataFrame(
        {
            "tahun": pd.array([2025, 2025], dtype="Int64"),
            "dimensi": ["Struktur", "Proses"],
            "sub_dimensi": ["Kompleksitas", "P1"],
            "bobot": [50.0, 50.0],
            "nilai": [80.0, math.nan],
        }
    )
    row = compute_efektivitas(pemda, config).iloc[0]
    assert math.isnan(row["nilai"])
    assert pd.isna(row["peringkat"])


@pytest.mark.parametrize(
    ("nilai", "peringkat"),
    [(95.9, "P5"), (80.01, "P5"), (80.0, "P4"), (60.0, "P3"), (20.0, "P1"), (0.0, "P1")],
)
def test_efektivitas_bounds_are_exclusive(config, nilai, peringkat):
    assert peringkat_efektivitas(nilai, config)[0] == peringkat
