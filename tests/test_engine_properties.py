"""Property tests (hypothesis): IKM range and order-independence, monotone categories and capaian."""

from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Decimal

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lkjip.core.config import load_config
from lkjip.core.rounding import round_half_up
from lkjip.indicators.capaian import compute_capaian_nilai, status_capaian
from lkjip.indicators.ikm import compute_ikm_unit, compute_ikm_unsur, kategori_ikm
from lkjip.indicators.sakip import predikat_sakip

CONFIG = load_config().with_year(2025)
FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
# Each IKM example builds and aggregates DataFrames (~50 ms): fewer examples keep the file fast.
FRAMES = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])

answer = st.one_of(st.none(), st.integers(min_value=1, max_value=4))
respondent = st.lists(answer, min_size=9, max_size=9)


@st.composite
def survey(draw):
    """Respondents of up to three units; answers 1–4 or blank."""
    units = draw(st.lists(st.sampled_from(["A", "B", "C"]), min_size=1, max_size=12))
    return [(unit, draw(respondent)) for unit in units]


def _frames(rows):
    records, seen = [], {}
    for unit, answers in rows:
        seen[unit] = seen.get(unit, 0) + 1
        records.append(
            {
                "tahun": 2025,
                "kode_unit": unit,
                "unit": f"Unit {unit}",
                "responden": seen[unit],
                **{f"U{i}": a for i, a in enumerate(answers, start=1)},
            }
        )
    responden = pd.DataFrame(records).astype(
        {"tahun": "Int64", "responden": "Int64", **{f"U{i}": "Int64" for i in range(1, 10)}}
    )
    unit = responden[["tahun", "kode_unit", "unit"]].drop_duplicates().reset_index(drop=True)
    return responden, unit.assign(populasi=pd.array([None] * len(unit), dtype="Int64"))


@FRAMES
@given(survey())
def test_ikm_is_within_25_and_100_or_na(rows):
    responden, unit = _frames(rows)
    out = compute_ikm_unit(responden, unit, CONFIG)
    nrr = compute_ikm_unsur(responden, unit, CONFIG)
    for row in out.itertuples(index=False):
        unit_nrr = nrr[nrr["kode_unit"] == row.kode_unit]
        if unit_nrr["jumlah_jawaban"].eq(0).any():
            assert math.isnan(row.ikm)  # an unsur nobody answered: no index
        else:
            assert 25 <= row.ikm <= 100
            assert row.mutu is not pd.NA


@FRAMES
@given(survey(), st.randoms(use_true_random=False))
def test_permuting_respondents_changes_nothing(rows, random):
    shuffled = list(rows)
    random.shuffle(shuffled)
    first = compute_ikm_unit(*_frames(rows), CONFIG)
    second = compute_ikm_unit(*_frames(shuffled), CONFIG)
    pd.testing.assert_frame_equal(first, second)
    nrr_first = compute_ikm_unsur(*_frames(rows), CONFIG)
    nrr_second = compute_ikm_unsur(*_frames(shuffled), CONFIG)
    pd.testing.assert_frame_equal(nrr_first, nrr_second)


scores = st.floats(min_value=25, max_value=100, allow_nan=False)
MUTU_RANK = {k.mutu: i for i, k in enumerate(CONFIG.skm.kategori)}  # 0 = best
PREDIKAT_RANK = {k.predikat: i for i, k in enumerate(CONFIG.sakip.kategori)}


@FAST
@given(scores, scores)
def test_ikm_category_is_monotone(a, b):
    low, high = sorted((a, b))
    rank_low = MUTU_RANK[kategori_ikm(round_half_up(low), CONFIG)[0]]
    rank_high = MUTU_RANK[kategori_ikm(round_half_up(high), CONFIG)[0]]
    assert rank_high <= rank_low  # a higher IKM never has a worse mutu


@FAST
@given(st.floats(0, 100, allow_nan=False), st.floats(0, 100, allow_nan=False))
def test_sakip_predikat_is_monotone(a, b):
    low, high = sorted((a, b))
    assert PREDIKAT_RANK[predikat_sakip(high, CONFIG)[0]] <= PREDIKAT_RANK[predikat_sakip(low, CONFIG)[0]]


positive = st.floats(min_value=0.01, max_value=1e6, allow_nan=False, allow_infinity=False)


@FAST
@given(positive, positive, positive)
def test_capaian_positive_rises_and_negative_falls_with_realisasi(target, r1, r2):
    low, high = sorted((r1, r2))
    assert compute_capaian_nilai(target, low, "positif") <= compute_capaian_nilai(target, high, "positif")
    assert compute_capaian_nilai(target, low, "negatif") >= compute_capaian_nilai(target, high, "negatif")
    # Realisasi equal to the target is exactly 100 % either way.
    assert status_capaian(compute_capaian_nilai(target, target, "positif")) == "tepat"
    assert status_capaian(compute_capaian_nilai(target, target, "negatif")) == "tepat"


@FAST
@given(st.integers(min_value=-(10**9), max_value=10**9))
def test_round_half_up_matches_paper_rounding_of_three_decimals(thousandths):
    # A value printed with 3 decimals (e.g. 88,305) rounds the way a person rounds it.
    text = f"{thousandths / 1000:.3f}"
    expected = float(Decimal(text).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))
    assert round_half_up(float(text)) == pytest.approx(expected, abs=0)
