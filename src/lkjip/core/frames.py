"""Selecting rows of processed tables the same way everywhere."""

from __future__ import annotations

import pandas as pd


def rows_of_year(df: pd.DataFrame, tahun: int) -> pd.DataFrame:
    """The rows of ``df`` whose ``tahun`` is ``tahun`` (a missing or textual year never matches).

    Examples
    --------
    >>> df = pd.DataFrame({"tahun": [2024, "2025", None, "dua ribu"], "nilai": [1, 2, 3, 4]})
    >>> rows_of_year(df, 2025)["nilai"].tolist()
    [2]
    """
    return df[pd.to_numeric(df["tahun"], errors="coerce") == tahun]
