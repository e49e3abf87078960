"""The yearly summary both evaluations print: how many scored, the mean, and how many pass."""

from __future__ import annotations

import pandas as pd

from lkjip.katalog.hasil import empty, shaped


def ringkas_per_tahun(
    frame: pd.DataFrame, nilai: str, lolos: str, kolom_lolos: str, tabel: str
) -> pd.DataFrame:
    """Per year: ``jumlah_pd`` scored, ``rata_rata`` of ``nilai`` (unrounded), and ``kolom_lolos``,
    the count of rows whose boolean ``lolos`` is true.

    A row without a value in ``nilai`` is left out of the count and of the mean; the result is
    shaped to the contract ``tabel`` (an empty frame when nothing was scored).

    Examples
    --------
    >>> import pandas as pd
    >>> pd_skor = pd.DataFrame({"tahun": [2025, 2025, 2025], "total": [44.0, 33.0, None],
    ...                         "minimal_tinggi": [True, False, False]})
    >>> ringkas = ringkas_per_tahun(pd_skor, "total", "minimal_tinggi", "pd_minimal_tinggi",
    ...                             "kematangan_ringkas")
    >>> print(ringkas.to_string(index=False))
     tahun  jumlah_pd  pd_minimal_tinggi  rata_rata
      2025          2                  1       38.5
    """
    scored = frame[frame[nilai].notna()]
    if scored.empty:
        return empty(tabel)
    out = (
        scored.groupby("tahun", sort=True)
        .agg(jumlah_pd=(nilai, "size"), rata_rata=(nilai, "mean"), **{kolom_lolos: (lolos, "sum")})
        .reset_index()
    )
    return shaped(out, tabel)
