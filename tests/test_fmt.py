"""Indonesian formatting: numbers, percentages, rupiah in both styles, dates, N/A."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from lkjip.core import fmt
from lkjip.core.config import Format, load_config
from lkjip.ingest.parsing import parse_number

MISSING = [None, float("nan"), np.nan, pd.NA, pd.NaT, float("inf"), np.float64("nan")]


def test_angka_uses_decimal_comma_and_thousands_dot():
    assert fmt.angka(83.78) == "83,78"
    assert fmt.angka(1234567.891) == "1.234.567,89"
    assert fmt.angka(83.1) == "83,10"
    assert fmt.angka(-12.5) == "-12,50"
    assert fmt.angka(95.9, 1) == "95,9"
    assert fmt.angka(np.int64(57), 0) == "57"


def test_angka_rounds_half_up_as_the_printed_report():
    # Banker's rounding would give 100,80 and 0,12.
    assert fmt.angka(100.805) == "100,81"
    assert fmt.angka(0.125) == "0,13"
    assert fmt.angka(-0.001) == "0,00"  # never "-0,00"


def test_bilangan_and_persen():
    assert fmt.bilangan(57) == "57"
    assert fmt.bilangan(1234) == "1.234"
    assert fmt.persen(85.7213) == "85,72%"
    assert fmt.persen(100.81) == "100,81%"
    assert fmt.persen(100, 0) == "100%"


def test_rupiah_in_both_styles():
    assert fmt.rupiah(796858170) == "Rp796.858.170"
    assert fmt.rupiah(796858170.0, "laporan") == "Rp. 796.858.170,00"
    assert fmt.rupiah(81373500, "baku") == "Rp81.373.500"
    assert fmt.rupiah(-1000) == "-Rp1.000"
    with pytest.raises(ValueError, match="gaya uang"):
        fmt.rupiah(1, "dolar")


def test_tanggal_in_full_indonesian():
    assert fmt.tanggal(dt.date(2026, 1, 30)) == "30 Januari 2026"
    assert fmt.tanggal(pd.Timestamp("2025-12-31 10:00")) == "31 Desember 2025"
    assert fmt.tanggal("2025-08-17") == "17 Agustus 2025"


@pytest.mark.parametrize("missing", MISSING)
def test_missing_is_na_everywhere_and_never_crashes(missing):
    assert fmt.angka(missing) == "N/A"
    assert fmt.bilangan(missing) == "N/A"
    assert fmt.persen(missing) == "N/A"
    assert fmt.rupiah(missing) == "N/A"
    assert fmt.rupiah(missing, "laporan") == "N/A"
    assert fmt.tanggal(missing) == "N/A"
    assert fmt.nilai(missing, "PD/UKPD") == "N/A"


def test_text_is_not_a_number():
    with pytest.raises(TypeError, match="bukan angka"):
        fmt.angka("83,78")
    with pytest.raises(TypeError, match="bukan angka"):
        fmt.angka(True)


def test_nilai_follows_the_indicator_unit():
    assert fmt.nilai(57, "PD/UKPD") == "57 PD/UKPD"
    assert fmt.nilai(57.0, "PD/UKPD", dengan_satuan=False) == "57"
    assert fmt.nilai(3, "Inovasi") == "3 Inovasi"
    assert fmt.nilai(96.4, "%") == "96,40%"
    assert fmt.nilai(83.11, "Nilai") == "83,11"
    assert fmt.nilai(86.5, "Indeks") == "86,50"
    assert fmt.nilai(2.5, "Dokumen") == "2,50 Dokumen"
    assert fmt.nilai(90.87, None) == "90,87"


def test_bulat_agrees_with_the_text():
    assert fmt.bulat(100.805) == 100.81
    assert fmt.bulat(99.996) == 100.0
    assert np.isnan(fmt.bulat(None))


def test_formatter_takes_its_settings_from_the_config():
    config = load_config()
    laporan = config.model_copy(update={"format": Format(uang="laporan", desimal_persen=1)})
    assert fmt.Formatter(config).rupiah(683074125) == "Rp683.074.125"
    assert fmt.Formatter(laporan).rupiah(683074125) == "Rp. 683.074.125,00"
    assert fmt.Formatter(laporan).persen(85.7213) == "85,7%"
    assert fmt.Formatter(config).nilai(96.4, "%") == "96,40%"
    assert fmt.Formatter(config).tanggal(config.penandatangan.tanggal) == "30 Januari 2026"


@given(st.floats(min_value=-1e9, max_value=1e9, allow_nan=False))
def test_formatted_numbers_read_back_with_the_parser(x):
    text = fmt.angka(x)
    assert parse_number(text) == pytest.approx(fmt.bulat(x), abs=1e-9)
    assert text.count(",") == 1


def test_printed_value_is_rounded_like_the_engine_chooses_categories():
    from lkjip.core.rounding import round_half_up

    # 31 × 0,111 × 25 is 86,025 on paper but 86,02499999999999 as a float: the text must show
    # the same 86,03 from which the engine picks the category.
    value = 31 * 0.111 * 25
    assert fmt.angka(value) == "86,03"
    assert round_half_up(value) == 86.03


def test_angka_ringkas_drops_trailing_zeros_and_groups_thousands():
    # Worked by hand: 0,0100 -> 0,01; 1234,5 -> 1.234,5; 57,0 -> 57; 2,00005 at 4 places -> 2,0001
    assert fmt.angka_ringkas(0.0100) == "0,01"
    assert fmt.angka_ringkas(1234.5) == "1.234,5"
    assert fmt.angka_ringkas(57.0) == "57"
    assert fmt.angka_ringkas(2.00005) == "2,0001"
    assert fmt.angka_ringkas(float("nan")) == "N/A"
