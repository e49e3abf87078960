"""SAKIP evaluation of the perangkat daerah: predikat per score, yearly summary (PermenPANRB 88/2021)."""

from __future__ import annotations

import pandas as pd

from lkjip.core.bands import at_or_above
from lkjip.core.config import Config
from lkjip.core.na import is_na
from lkjip.core.rounding import round_half_up
from lkjip.indicators._ringkas import ringkas_per_tahun
from lkjip.ingest.schemas.hasil import empty, shaped


def predikat_sakip(nilai: object, config: Config) -> tuple[str | None, str | None]:
    """Predikat and sebutan of a SAKIP score.

    The bands of ``config.sakip.kategori`` have exclusive lower bounds (``di_atas``): 90,00 is A
    and 90,01 is AA; 60,00 is CC and 60,01 is B; the last band (``di_atas`` null) starts at 0.
    The score is first rounded half up to 2 decimals, the precision it is published with, so
    that the predikat always agrees with the printed score.

    Parameters
    ----------
    nilai : float or None
        The score, 0–100.
    config : Config

    Returns
    -------
    tuple
        ``(predikat, sebutan)``, or ``(None, None)`` for a missing score.
    """
    if is_na(nilai):
        return None, None
    value = round_half_up(nilai)
    for band in config.sakip.kategori:  # best band first (validated in Config)
        if band.di_atas is None or value > band.di_atas:
            return band.predikat, band.sebutan
    return None, None  # unreachable: the last band has no lower bound


def predikat_minimal_baik(predikat: object, config: Config) -> bool:
    """True when ``predikat`` is ``config.sakip.minimal_baik`` or better."""
    return at_or_above(predikat, [k.predikat for k in config.sakip.kategori], config.sakip.minimal_baik)


def hitung_sakip_pd(sakip_pd: pd.DataFrame, config: Config) -> pd.DataFrame:
    """Add predikat, sebutan and ``minimal_baik`` to every SAKIP score of ``sakip_pd``.

    Returns
    -------
    DataFrame
        ``sakip_pd_hasil``: the clean rows (with their source columns) plus the computed columns.
    """
    if sakip_pd.empty:
        return empty("sakip_pd_hasil")
    kategori = [predikat_sakip(v, config) for v in pd.to_numeric(sakip_pd["nilai"], errors="coerce")]
    out = sakip_pd.assign(
        predikat=[p for p, _ in kategori],
        sebutan=[s for _, s in kategori],
        minimal_baik=[predikat_minimal_baik(p, config) for p, _ in kategori],
    )
    return shaped(out.sort_values(["tahun", "kode_pd"], kind="stable"), "sakip_pd_hasil")


def ringkas_sakip(sakip_pd_hasil: pd.DataFrame) -> pd.DataFrame:
    """Per year: number of perangkat daerah scored, their mean score, and how many are minimal baik.

    A perangkat daerah without a score is left out of ``jumlah_pd`` and of the mean.

    Returns
    -------
    DataFrame
        ``sakip_ringkas``: tahun, jumlah_pd, rata_rata (unrounded), pd_minimal_baik.
    """
    return ringkas_per_tahun(
        sakip_pd_hasil,
        "nilai",
        "minimal_baik",
        "pd_minimal_baik",
        "sakip_ringkas",
    )
