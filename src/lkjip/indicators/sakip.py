"""SAKIP evaluation of the perangkat daerah: predikat per score, yearly summary (PermenPANRB 88/2021)."""

from __future__ import annotations

import pandas as pd

from lkjip.core.bands import at_or_above
from lkjip.core.config import Config
from lkjip.core.na import is_na
from lkjip.core.rounding import round_half_up
from lkjip.indicators._ringkas import ringkas_per_tahun
from lkjip.katalog.hasil import empty, shaped


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

    Examples
    --------
    >>> from lkjip.core.config import load_config
    >>> config = load_config()
    >>> predikat_sakip(71.18, config)
    ('BB', 'Sangat Baik')
    >>> [predikat_sakip(v, config)[0] for v in (90.01, 90.004, 60.0, 30.0)]
    ['AA', 'A', 'CC', 'D']
    >>> predikat_sakip(None, config)
    (None, None)
    """
    if is_na(nilai):
        return None, None
    value = round_half_up(nilai)
    for band in config.sakip.kategori:  # best band first (validated in Config)
        if band.di_atas is None or value > band.di_atas:
            return band.predikat, band.sebutan
    return None, None  # unreachable: the last band has no lower bound


def predikat_minimal_baik(predikat: object, config: Config) -> bool:
    """True when ``predikat`` is ``config.sakip.minimal_baik`` or better.

    Examples
    --------
    >>> from lkjip.core.config import load_config
    >>> config = load_config()
    >>> [predikat_minimal_baik(p, config) for p in ("AA", "B", "CC", None)]
    [True, True, False, False]
    """
    return at_or_above(predikat, [k.predikat for k in config.sakip.kategori], config.sakip.minimal_baik)


def compute_sakip_pd(sakip_pd: pd.DataFrame, config: Config) -> pd.DataFrame:
    """Add predikat, sebutan and ``minimal_baik`` to every SAKIP score of ``sakip_pd``.

    Returns
    -------
    DataFrame
        ``sakip_pd_hasil``: the clean rows (with their source columns) plus the computed columns.

    Examples
    --------
    >>> import pandas as pd
    >>> from lkjip.core.config import load_config
    >>> skor = pd.DataFrame({"tahun": [2025, 2025, 2025], "kode_pd": ["PD-02", "PD-01", "PD-03"],
    ...                      "nilai": [55.5, 60.01, None]})
    >>> hasil = compute_sakip_pd(skor, load_config())
    >>> print(hasil[["kode_pd", "nilai", "predikat", "minimal_baik"]].to_string(index=False))
    kode_pd  nilai predikat  minimal_baik
      PD-01  60.01        B          True
      PD-02  55.50       CC         False
      PD-03    NaN     <NA>         False
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

    Examples
    --------
    >>> import pandas as pd
    >>> hasil = pd.DataFrame({"tahun": [2024, 2025, 2025, 2025], "nilai": [70.0, 60.01, 55.5, None],
    ...                       "minimal_baik": [True, True, False, False]})
    >>> print(ringkas_sakip(hasil).to_string(index=False))
     tahun  jumlah_pd  rata_rata  pd_minimal_baik
      2024          1     70.000                1
      2025          2     57.755                1
    """
    return ringkas_per_tahun(
        sakip_pd_hasil,
        "nilai",
        "minimal_baik",
        "pd_minimal_baik",
        "sakip_ringkas",
    )
