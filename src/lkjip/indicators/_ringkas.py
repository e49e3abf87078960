"""The yearly summary both evaluations print: how many scored, the mean, and how many pass."""

from __future__ import annotations

import pandas as pd

from lkjip.ingest.schemas.hasil import empty, shaped


def ringkas_per_tahun(
    frame: pd.DataFrame, nilai: str, lolos: str, kolom_lolos: str, tabel: str
) -> pd.DataFrame:
    """Per year: ``jumlah_pd`` scored, ``rata_rata`` of ``nilai`` (unrounded), and ``kolom_lolos``,
    the count of rows whose boolean ``lolos`` is true.

    A row without a value in ``nilai`` is left out of the count and of the mean; the result is
    shaped to the contract ``tabel`` (an empty frame when nothing was scored).
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
