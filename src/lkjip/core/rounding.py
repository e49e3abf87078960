"""Rounding as a person does it (half up on the printed decimal value) and printed precision."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal

import numpy as np
import pandas as pd

from lkjip.core.na import is_na

#: Significant digits kept before rounding, to drop the noise of binary floating point.
_SIGNIFICANT = 12


def round_half_up(value: object, decimals: int = 2) -> float:
    """Round ``value`` half up to ``decimals`` places, on its decimal (shortest) representation.

    Python's ``round`` rounds half to even and works on the binary value, so ``round(2.675, 2)``
    is 2.67; a person rounding the printed 2,675 writes 2,68, and so does this function.

    Parameters
    ----------
    value : float or None
        The number; ``None``/NA/NaN give NaN.
    decimals : int
        Decimal places to keep.

    Returns
    -------
    float
        The rounded value, or NaN when ``value`` is missing.

    Examples
    --------
    >>> round_half_up(2.675)
    2.68
    >>> round_half_up(88.305)
    88.31
    >>> round_half_up(31 * 0.111 * 25)
    86.03
    """
    if is_na(value):
        return float("nan")
    exact = Decimal(repr(float(value)))
    if not exact.is_finite():
        return float(value)
    return float(round_decimal_half_up(exact, decimals))


def round_decimal_half_up(exact: Decimal, decimals: int = 2) -> Decimal:
    """:func:`round_half_up` on a finite ``Decimal``, returning a ``Decimal``.

    Shared with :mod:`lkjip.core.fmt` so that a printed number and the value a category was chosen
    from are always rounded the same way.

    Examples
    --------
    >>> round_decimal_half_up(Decimal("2.675"))
    Decimal('2.68')
    >>> round_decimal_half_up(Decimal("86.02499999999999"))
    Decimal('86.03')
    """
    if exact:
        # Binary noise first: 31 × 0,111 × 25 is 86,02499999999999 as a float and 86,025 on
        # paper; keeping 12 significant digits restores the paper value before rounding half up.
        exact = exact.quantize(
            Decimal(1).scaleb(exact.adjusted() - _SIGNIFICANT + 1), rounding=ROUND_HALF_EVEN
        )
    return exact.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


def round_half_up_series(values: pd.Series, decimals: int = 2) -> pd.Series:
    """Apply :func:`round_half_up` to every value of a series; returns float64 with NaN for NA.

    Examples
    --------
    >>> round_half_up_series(pd.Series([2.675, None, "88.305"])).tolist()
    [2.68, nan, 88.31]
    """
    numbers = pd.to_numeric(values, errors="coerce").astype("float64")
    return pd.Series(
        [round_half_up(v, decimals) for v in numbers.to_numpy()],
        index=values.index,
        dtype="float64",
        name=values.name,
    )


def printed_decimals(value: float) -> int:
    """Number of decimals in the shortest representation of ``value``.

    Examples
    --------
    >>> printed_decimals(84.4), printed_decimals(85.72), printed_decimals(48.0)
    (1, 2, 0)
    """
    if is_na(value) or not np.isfinite(value):
        return 0
    exponent = Decimal(repr(float(value))).normalize().as_tuple().exponent
    return max(0, -int(exponent))


def printed_tolerance(value: float, min_decimals: int = 0) -> float:
    """Half a unit of the last printed decimal of ``value``.

    A figure stored as a float has lost its trailing zeros (84,40 arrives as 84.4), so
    ``min_decimals`` gives the precision the source is known to print with (2 for percentages);
    the tolerance uses the larger of the two.

    Examples
    --------
    >>> printed_tolerance(84.4, min_decimals=2)
    0.005
    >>> printed_tolerance(95.9)
    0.05
    """
    decimals = max(printed_decimals(value), min_decimals)
    return 0.5 * 10.0**-decimals


# A number format's first section, without quoted literals, escapes and [colour]/[condition] parts.
_FORMAT_NOISE = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]|_.|\*.')
# Decimals written in a text cell, read as lkjip.ingest.parsing reads the number: Indonesian
# "93,6 %", "Rp. 81.373.500,00" (comma decimals; "1.234" is grouped), English "93.6", "1,234.5".
_TEXT_NOISE = re.compile(r"^\s*rp\.?|%|\s", re.IGNORECASE)
_TEXT_COMMA_DECIMALS = re.compile(r",(\d+)$")
_TEXT_GROUPED = re.compile(r"^[+-]?\d{1,3}(\.\d{3})+$")
_TEXT_POINT_DECIMALS = re.compile(r"\.(\d+)$")


def cell_decimals(value: object, number_format: str | None = None) -> int | None:
    """Decimals a spreadsheet cell shows: from its text, or for a number from its number format.

    The reviu compares a printed figure at the precision it was printed with; a float has lost
    that (93,60 arrives as 93.6), so the readers record it from the cell as read.

    Parameters
    ----------
    value : object
        The cell's value (text or number); missing values give ``None``.
    number_format : str, optional
        The cell's Excel number format (``"0.00"``, ``"0.0%"``, ``"#,##0"``, ``"General"``). A number
        in ``General`` (or without a format) shows its shortest representation.

    Returns
    -------
    int or None
        The number of decimals shown; ``None`` when the cell holds no number.

    Examples
    --------
    >>> cell_decimals("93,6 %"), cell_decimals("84,40"), cell_decimals("Rp. 81.373.500,00")
    (1, 2, 2)
    >>> cell_decimals("1.234.567"), cell_decimals("1.234"), cell_decimals("93.6"), cell_decimals("48")
    (0, 0, 1, 0)
    >>> cell_decimals(0.9363, "0.00%"), cell_decimals(93.63, "0.0"), cell_decimals(93.63, "#,##0")
    (2, 1, 0)
    >>> cell_decimals(93.6, "General"), cell_decimals(48.0, None), cell_decimals(None, "0.00")
    (1, 0, None)
    """
    if isinstance(value, bool) or is_na(value):
        return None
    if isinstance(value, str):
        text = _TEXT_NOISE.sub("", value.replace("\u00a0", " "))
        if not any(ch.isdigit() for ch in text):
            return None
        match = _TEXT_COMMA_DECIMALS.search(text)
        if match is None and not _TEXT_GROUPED.match(text):
            match = _TEXT_POINT_DECIMALS.search(text)
        return len(match.group(1)) if match else 0
    if not isinstance(value, int | float | np.integer | np.floating):
        return None
    section = _FORMAT_NOISE.sub("", (number_format or "General").split(";", 1)[0]).strip()
    if not section or section.casefold() in {"general", "@"} or not re.search(r"[0#?]", section):
        return printed_decimals(float(value))
    if "." not in section:
        return 0
    return len(re.findall(r"[0#?]", section.split(".", 1)[1].split("E", 1)[0].split("e", 1)[0]))
