"""Indonesian number conventions, cell by cell and vectorised."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from lkjip.ingest.parsing import NumberParseError, is_missing, parse_number, parse_number_series

CASES = [
    ("1.234.567,89", 1234567.89),
    ("Rp. 81.373.500,00", 81373500.0),
    ("Rp81.373.500", 81373500.0),
    ("Rp 796.858.170", 796858170.0),
    ("85,72%", 85.72),
    ("85,72 %", 85.72),
    ("96,40 %", 96.40),
    ("83.11", 83.11),  # a plain decimal point, as typed by some staff
    ("95,9", 95.9),
    ("57", 57.0),
    ("1,234,567.89", 1234567.89),
    ("-12,5", -12.5),
    (42, 42.0),
    (3.5, 3.5),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_parse_number(text, expected):
    assert parse_number(text) == pytest.approx(expected)


@pytest.mark.parametrize("text", ["-", "N/A", "n/a", "", "  ", None, "—", "#N/A"])
def test_missing_tokens_are_missing_never_zero(text):
    assert is_missing(text)
    assert parse_number(text) is None


@pytest.mark.parametrize("text", ["tiga puluh", "12a", "1.2.3,4,5", True])
def test_non_numbers_raise(text):
    with pytest.raises(NumberParseError):
        parse_number(text)


def test_series_matches_scalar_and_flags_bad_cells():
    texts = [c[0] for c in CASES] + ["-", "N/A", None, "tiga puluh"]
    numbers, bad = parse_number_series(pd.Series(texts, dtype="object"))
    for (_, expected), got in zip(CASES, numbers, strict=False):
        assert got == pytest.approx(expected)
    assert all(math.isnan(x) for x in numbers[-4:])
    assert bad.tolist() == [False] * (len(CASES) + 3) + [True]


def test_store_writes_typed_parquet_and_an_excel_friendly_csv(tmp_path):
    from lkjip.katalog.store import read_table, write_table

    frame = pd.DataFrame(
        {
            "kode": pd.array(["4.01", None], dtype="string"),
            "nilai": [84.4, None],
            "tanggal": pd.to_datetime(["2025-03-12", None]),
            "waktu": pd.to_datetime(["2025-03-12 08:30:00", "2025-03-13 00:00:00"]),
        }
    )
    write_table(frame, "contoh", tmp_path)
    assert (tmp_path / "contoh.csv").read_bytes().decode("utf-8") == (
        "\ufeff" + '"kode","nilai","tanggal","waktu"\n'
        '"4.01",84.4,"2025-03-12","2025-03-12 08:30:00"\n'
        ',,,"2025-03-13 00:00:00"\n'
    )
    back = read_table("contoh", tmp_path)
    assert back["nilai"].iloc[0] == 84.4 and pd.isna(back["nilai"].iloc[1])
    assert back["tanggal"].iloc[0] == pd.Timestamp("2025-03-12")
