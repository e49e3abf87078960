"""One test for a missing value, used after reading: None, NaN, pd.NA, NaT (and infinities)."""

from __future__ import annotations

import math
from numbers import Real

import numpy as np
import pandas as pd


def is_na(x: object) -> bool:
    """True for ``None``, ``NaN``, ``pd.NA``, ``NaT`` and infinities: values shown as "N/A".

    An infinite value can only come from a division by zero (a target of 0), which has no
    meaningful capaian, so it counts as missing rather than as "∞". Never raises, so code
    after reading can test any scalar without evaluating ``pd.NA`` as a boolean.

    Examples
    --------
    >>> is_na(pd.NA), is_na(float("nan")), is_na(None), is_na(0), is_na("-")
    (True, True, True, False, False)
    >>> is_na(float("inf")), is_na(pd.NaT), is_na([1, 2])
    (True, True, False)
    """
    if x is None or x is pd.NA or x is pd.NaT:
        return True
    if isinstance(x, Real | np.number) and not isinstance(x, bool | np.bool_):
        return not math.isfinite(float(x))
    try:
        return bool(pd.isna(x))
    except (TypeError, ValueError):  # lists and other containers are not scalars
        return False


def or_dash(value: object, dash: str = "-") -> object:
    """``value``, or ``dash`` when it is missing (see :func:`is_na`) or empty text.

    The NA-safe form of ``value or "-"``: ``pd.NA or "-"`` raises ``TypeError: boolean value
    of NA is ambiguous``, which is how one "-" in an export used to stop the data step.

    Examples
    --------
    >>> or_dash(pd.NA), or_dash(None), or_dash(""), or_dash("B"), or_dash(0)
    ('-', '-', '-', 'B', 0)
    """
    if is_na(value) or (isinstance(value, str) and not value):
        return dash
    return value
