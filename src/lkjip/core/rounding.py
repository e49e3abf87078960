"""Rounding as a person does it (half up on the printed decimal value) and printed precision."""

from __future__ import annotations

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
