"""Indonesian number conventions: "1.234.567,89", "Rp. 81.373.500,00", "85,72 %", "-" as missing."""

from __future__ import annotations

import math
import re

import numpy as np
import pandas as pd

#: Cell texts that mean "no value" (never 0).
MISSING_TOKENS = frozenset({"", "-", "–", "—", "n/a", "na", "#n/a", "null", "none", "nan"})

_CURRENCY = re.compile(r"^\s*rp\.?\s*", re.IGNORECASE)
_PERCENT = re.compile(r"\s*%\s*$")
# "1.234.567,89" (Indonesian), "1234567,89", "1234567.89", "85,72", "-12,5"
_ID_GROUPED = re.compile(r"^[+-]?\d{1,3}(\.\d{3})+(,\d+)?$")
_ID_PLAIN = re.compile(r"^[+-]?\d+(,\d+)?$")
_EN_PLAIN = re.compile(r"^[+-]?\d*\.\d+$|^[+-]?\d+$")
_EN_GROUPED = re.compile(r"^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$")


class NumberParseError(ValueError):
    """A cell that should hold a number holds something else."""


def is_missing(value: object) -> bool:
    """True for blank cells and the texts that mean missing ("-", "N/A", ...)."""
    if value is None:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    if value is pd.NA or value is pd.NaT:
        return True
    return isinstance(value, str) and value.strip().lower() in MISSING_TOKENS


def parse_number(value: object) -> float | None:
    """Parse one cell into a float, or ``None`` when it means missing.

    Accepts numbers as stored by Excel and texts in Indonesian style ("1.234.567,89",
    "Rp. 81.373.500,00", "85,72%", "85,72 %"), plain "1234.5" and, unambiguously grouped,
    "1,234,567.89". A percent sign is dropped, not divided: "85,72 %" is 85.72.

    Raises
    ------
    NumberParseError
        When the text is not a number ("tiga puluh"), so that the caller can locate it.
    """
    if is_missing(value):
        return None
    if isinstance(value, bool):
        raise NumberParseError(f"nilai logika {value!r}, bukan angka")
    if isinstance(value, int | float | np.integer | np.floating):
        return float(value)
    if not isinstance(value, str):
        raise NumberParseError(f"{type(value).__name__} {value!r}, bukan angka")
    text = value.replace("\u00a0", " ").strip()
    text = _PERCENT.sub("", _CURRENCY.sub("", text)).replace(" ", "")
    if _ID_GROUPED.match(text) or _ID_PLAIN.match(text):
        return float(text.replace(".", "").replace(",", "."))
    if _EN_PLAIN.match(text):
        return float(text)
    if _EN_GROUPED.match(text):
        return float(text.replace(",", ""))
    raise NumberParseError(f"teks '{value}' bukan angka")


def parse_number_series(values: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Vectorised :func:`parse_number` over a column read as text or objects.

    Returns
    -------
    numbers : Series of float64
        Parsed values, NaN where missing or unparseable.
    bad : Series of bool
        True where the cell held something that is neither a number nor a missing token;
        the caller quarantines or reports those rows, they never become silent blanks.
    """
    as_text = values.astype("string").str.replace("\u00a0", " ", regex=False).str.strip()
    missing = as_text.isna() | as_text.str.lower().isin(MISSING_TOKENS)
    cleaned = (
        as_text.str.replace(_CURRENCY.pattern, "", regex=True, case=False)
        .str.replace(_PERCENT.pattern, "", regex=True)
        .str.replace(" ", "", regex=False)
    )
    indonesian = cleaned.str.match(_ID_GROUPED.pattern) | cleaned.str.match(_ID_PLAIN.pattern)
    english = cleaned.str.match(_EN_PLAIN.pattern) & ~indonesian
    english_grouped = cleaned.str.match(_EN_GROUPED.pattern) & ~indonesian & ~english
    normalised = cleaned.where(~indonesian, cleaned.str.replace(".", "", regex=False))
    normalised = normalised.where(~indonesian, normalised.str.replace(",", ".", regex=False))
    normalised = normalised.where(~english_grouped, cleaned.str.replace(",", "", regex=False))
    ok = (indonesian | english | english_grouped).fillna(False) & ~missing
    numbers = pd.to_numeric(normalised.where(ok), errors="coerce").astype("float64")
    bad = ~missing & ~ok
    return numbers, bad.astype(bool)
