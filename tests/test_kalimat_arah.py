"""Sentences and summaries that follow the numbers (issue 10, item 5).

Every generated sentence states its direction (naik/turun, lebih besar/lebih kecil, di atas/di
bawah, lebih tinggi/lebih rendah) from the numbers it cites, compared as printed; swapping the
inputs flips the sentence. Summary rows are computed over exactly the rows they sit under.
"""

from __future__ import annotations

import math
import re

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lkjip.core import fmt
from lkjip.core.config import load_config
from lkjip.core.rounding import round_half_up
from lkjip.indicators.anggaran import baris_kinerja_anggaran, ringkas_kinerja_anggaran
from lkjip.indicators.capaian import compute_capaian_nilai, status_capaian
from lkjip.indicators.pembanding import verdict
from lkjip.report import narasi

CONFIG = load_config().with_year(2025)
FAST = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
FRAMES = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Figures as offices type them: two decimals.
persen = st.integers(min_value=0, max_value=20_000).map(lambda n: n / 100)
nilai = st.integers(min_value=1, max_value=100_000).map(lambda n: n / 100)


def _printed(x: float) -> float:
    return round_half_up(x, CONFIG.format.desimal_persen)


# --------------------------------------------------------------------------- efisiensi


def test_efisiensi_at_99_66_percent_absorption_never_says_the_absorption_is_small():
    text = narasi.kalimat_efisiensi_nilai(100.57, 99.66, CONFIG)
    assert "rata-rata capaian kinerja lebih besar daripada capaian anggaran" in text
    assert "efisiensi kinerja Bagian Organisasi sebesar 0,91%" in text  # 100,57 − 99,66
    assert "penyerapan anggaran yang lebih kecil" not in text
    assert "target kinerja dicapai" not in text


@FAST
@given(kinerja=persen, anggaran=persen)
def test_efisiensi_sentence_follows_and_flips_with_its_two_figures(kinerja, anggaran):
    text = narasi.kalimat_efisiensi_nilai(kinerja, anggaran, CONFIG)
    flipped = narasi.kalimat_efisiensi_nilai(anggaran, kinerja, CONFIG)
    k, a = _printed(kinerja), _printed(anggaran)
    assert (
        f"capaian kinerja sebesar {fmt.persen(kinerja)} dan capaian anggaran sebesar {fmt.persen(anggaran)}"
        in (text)
    )
    if k > a:
        assert "lebih besar daripada capaian anggaran" in text
        assert f"sebesar {fmt.persen(k - a)}." in text
        assert "lebih kecil daripada capaian anggaran" in flipped
        assert f"(selisih {fmt.persen(a - k)})" in flipped
    elif k < a:
        assert "lebih kecil daripada capaian anggaran" in text and "belum terjadi efisiensi" in text
        assert "lebih besar daripada capaian anggaran" in flipped
    else:
        assert "sama dengan capaian anggaran" in text and "sama dengan capaian anggaran" in flipped


# --------------------------------------------------------------------------- budget paragraph


def _anggaran_total(sebelum: float, sekarang: float) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "tahun": pd.array([2024, 2025], dtype="Int64"),
            "anggaran": [1_000_000.0, 1_000_000.0],
            "realisasi": [sebelum * 10_000, sekarang * 10_000],
            "persen": [sebelum, sekarang],
            "sumber": ["riwayat", "rincian"],
        }
    )


@FAST
@given(sebelum=persen, sekarang=persen)
def test_budget_paragraph_says_naik_or_turun_from_the_two_years_it_cites(sebelum, sekarang):
    text = narasi.paragraf_anggaran(_anggaran_total(sebelum, sekarang), CONFIG)
    flipped = narasi.paragraf_anggaran(_anggaran_total(sekarang, sebelum), CONFIG)
    change = round(_printed(sekarang) - _printed(sebelum), 2)
    assert f"atau {fmt.persen(sekarang)} dari pagu anggaran" in text
    assert f"({fmt.persen(sebelum)})" in text
    if change > 0:
        assert f"naik {fmt.angka(change)} poin persen" in text
        assert f"turun {fmt.angka(change)} poin persen" in flipped
    elif change < 0:
        assert f"turun {fmt.angka(-change)} poin persen" in text
        assert f"naik {fmt.angka(-change)} poin persen" in flipped
    else:
        assert "sama dengan tahun 2024" in text and "sama dengan tahun 2024" in flipped


# --------------------------------------------------------------------------- comparisons


def _pembanding_hasil(ours: float, theirs: float) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "tahun": pd.array([2025], dtype="Int64"),
            "kode_indikator": ["X-1"],
            "indikator": ["Indeks X"],
            "nilai_organisasi": [ours],
            "entitas_pembanding": ["Provinsi Jawa Timur"],
            "nilai_pembanding": [theirs],
            "selisih": [ours - theirs],
            "verdict": [verdict(ours, theirs, CONFIG.format.desimal_nilai)],
        }
    )


@FAST
@given(ours=nilai, theirs=nilai)
def test_comparison_sentence_and_verdict_agree_and_flip(ours, theirs):
    text = narasi.kalimat_perbandingan(_pembanding_hasil(ours, theirs), CONFIG)
    flipped = narasi.kalimat_perbandingan(_pembanding_hasil(theirs, ours), CONFIG)
    shown = f"sebesar {fmt.angka(ours)} "
    assert shown in text and f"Provinsi Jawa Timur ({fmt.angka(theirs)})" in text
    v, w = verdict(ours, theirs), verdict(theirs, ours)
    if round_half_up(ours) > round_half_up(theirs):
        assert (v, w) == ("lebih tinggi", "lebih rendah")
        assert "lebih tinggi dibandingkan" in text and "lebih rendah dibandingkan" in flipped
    elif round_half_up(ours) < round_half_up(theirs):
        assert (v, w) == ("lebih rendah", "lebih tinggi")
        assert "lebih rendah dibandingkan" in text and "lebih tinggi dibandingkan" in flipped
    else:
        assert v == w == "sama"
        assert "sama dengan" in text and "sama dengan" in flipped


def test_verdict_compares_at_the_printed_decimals():
    assert verdict(90.04, 90.01) == "lebih tinggi"
    assert verdict(90.04, 90.01, desimal=1) == "sama"  # both print 90,0
    assert verdict(90.06, 90.01, desimal=1) == "lebih tinggi"  # 90,1 against 90,0
    assert verdict(float("nan"), 90.0) == "tidak dapat dibandingkan"


def _sakip(own: float, kabupaten: float, provinsi: float) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "tahun": pd.array([2025] * 3, dtype="Int64"),
            "entitas": ["Sekretariat Daerah", "Kabupaten Mojokerto", "Provinsi Jawa Timur"],
            "nilai": [own, kabupaten, provinsi],
            "predikat": ["A", "A", "A"],
            "keterangan": [pd.NA] * 3,
        }
    )


@FAST
@given(own=nilai, other=nilai)
def test_sakip_sentence_says_higher_or_lower_from_the_values_it_cites(own, other):
    text = narasi.kalimat_sakip(_sakip(own, other, other), CONFIG)
    flipped = narasi.kalimat_sakip(_sakip(other, own, own), CONFIG)
    a, b = round_half_up(own), round_half_up(other)
    if a > b:
        assert "lebih tinggi dibandingkan Kabupaten Mojokerto" in text
        assert "lebih rendah dibandingkan Kabupaten Mojokerto" in flipped
    elif a < b:
        assert "lebih rendah dibandingkan Kabupaten Mojokerto" in text
        assert "lebih tinggi dibandingkan Kabupaten Mojokerto" in flipped
    else:
        assert "sama dengan Kabupaten Mojokerto" in text


# --------------------------------------------------------------------------- one indicator


def _baris(target: float, realisasi: float, polaritas: str = "positif") -> dict:
    capaian = compute_capaian_nilai(target, realisasi, polaritas)
    return {
        "indikator": "Indeks X",
        "tahun": 2025,
        "satuan": "Indeks",
        "target": target,
        "realisasi": realisasi,
        "capaian": capaian,
        "polaritas": polaritas,
        "status": status_capaian(capaian, CONFIG.format.desimal_persen),
    }


@FAST
@given(target=nilai, realisasi=nilai)
def test_indicator_sentence_says_above_or_below_from_the_capaian_it_cites(target, realisasi):
    text = narasi.kalimat_indikator(_baris(target, realisasi), CONFIG)
    flipped = narasi.kalimat_indikator(_baris(realisasi, target), CONFIG)
    printed = float(re.search(r"sebesar ([\d.]+,\d+)%", text).group(1).replace(".", "").replace(",", "."))
    if printed > 100:
        assert realisasi > target
        assert text.endswith("Realisasi melampaui target.")
        assert flipped.endswith("Realisasi belum mencapai target.")
    elif printed < 100:
        assert realisasi < target
        assert text.endswith("Realisasi belum mencapai target.")
        assert flipped.endswith("Realisasi melampaui target.")
    else:
        assert text.endswith("Realisasi tepat sama dengan target.")


@FAST
@given(target=nilai, realisasi=nilai)
def test_negative_indicator_sentence_follows_lower_is_better(target, realisasi):
    text = narasi.kalimat_indikator(_baris(target, realisasi, "negatif"), CONFIG)
    shown_r, shown_t = round_half_up(realisasi), round_half_up(target)
    if "melampaui target" in text:
        assert shown_r < shown_t and "realisasi yang lebih rendah dari target" in text
    elif "belum tercapai" in text:
        assert shown_r > shown_t and "realisasi yang lebih tinggi dari target" in text
    else:
        assert "tepat sama dengan target" in text


# --------------------------------------------------------------------------- summary rows

PKP = "Perjanjian Kinerja Perubahan"


@st.composite
def sasaran_dengan_indikator(draw):
    """Sasaran with a budget and 0–3 main indicators each, plus rows the table must not show."""
    n = draw(st.integers(min_value=1, max_value=4))
    budget, capaian = [], []
    for no in range(1, n + 1):
        alokasi = float(draw(st.integers(min_value=1, max_value=10**9)))
        realisasi = float(draw(st.integers(min_value=0, max_value=int(alokasi))))
        budget.append(
            {
                "dokumen": PKP,
                "no_sasaran": no,
                "sasaran": f"S{no}",
                "alokasi": alokasi,
                "realisasi": realisasi,
                "capaian_anggaran": realisasi / alokasi * 100,
                "capaian_kinerja": math.nan,
            }
        )
        for k in range(draw(st.integers(min_value=0, max_value=3))):
            value = draw(st.one_of(st.none(), persen))
            capaian.append(
                {
                    "dokumen": PKP,
                    "jenis": "utama",
                    "no_sasaran": no,
                    "tahun": 2025,
                    "kode_indikator": f"P-{no}{k}",
                    "indikator": "I",
                    "satuan": "%",
                    "target": 100.0,
                    "realisasi": value,
                    "capaian": math.nan if value is None else value,
                }
            )
    # Not under the table: another agreement, another year, kinerja lainnya, a sasaran without budget.
    capaian += [
        {
            "dokumen": "Perjanjian Kinerja",
            "jenis": "utama",
            "no_sasaran": 1,
            "tahun": 2025,
            "kode_indikator": "PK-1",
            "indikator": "I",
            "satuan": "%",
            "target": 1.0,
            "realisasi": 500.0,
            "capaian": 50_000.0,
        },
        {
            "dokumen": PKP,
            "jenis": "utama",
            "no_sasaran": 1,
            "tahun": 2024,
            "kode_indikator": "P-10",
            "indikator": "I",
            "satuan": "%",
            "target": 1.0,
            "realisasi": 0.0,
            "capaian": 0.0,
        },
        {
            "dokumen": PKP,
            "jenis": "lainnya",
            "no_sasaran": 1,
            "tahun": 2025,
            "kode_indikator": "KL-1",
            "indikator": "I",
            "satuan": "%",
            "target": 1.0,
            "realisasi": 9.0,
            "capaian": 900.0,
        },
        {
            "dokumen": PKP,
            "jenis": "utama",
            "no_sasaran": 99,
            "tahun": 2025,
            "kode_indikator": "P-99",
            "indikator": "I",
            "satuan": "%",
            "target": 1.0,
            "realisasi": 7.0,
            "capaian": 700.0,
        },
    ]
    return pd.DataFrame(budget), pd.DataFrame(capaian)


@FRAMES
@given(data=sasaran_dengan_indikator())
def test_summary_row_is_over_exactly_the_rows_shown(data):
    budget, capaian = data
    rows = baris_kinerja_anggaran(budget, capaian, PKP, 2025)
    summary = ringkas_kinerja_anggaran(rows)
    shown = capaian[
        (capaian["dokumen"] == PKP)
        & (capaian["jenis"] == "utama")
        & (capaian["tahun"] == 2025)
        & capaian["no_sasaran"].isin(budget["no_sasaran"])
    ]
    assert sorted(rows["kode_indikator"].dropna()) == sorted(shown["kode_indikator"])
    values = shown["capaian"].dropna()
    if len(values):
        assert summary["rata_rata_capaian"] == pytest.approx(values.mean())
    else:
        assert math.isnan(summary["rata_rata_capaian"])
    assert summary["alokasi"] == budget["alokasi"].sum()
    assert summary["realisasi"] == budget["realisasi"].sum()
    assert summary["capaian_anggaran"] == pytest.approx(
        budget["realisasi"].sum() / budget["alokasi"].sum() * 100
    )
    if not math.isnan(summary["rata_rata_capaian"]):
        expected = round_half_up(round_half_up(values.mean()) - round_half_up(summary["capaian_anggaran"]))
        assert summary["efisiensi"] == pytest.approx(expected)
