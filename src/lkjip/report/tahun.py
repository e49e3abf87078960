"""The report year: which years the processed data cover, and a clear refusal for any other."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from lkjip import data
from lkjip.core.config import Config, ConfigError


class TahunTidakTercakup(ValueError):
    """The year asked for is not covered by the processed data; the message names the covered years."""


def tahun_tercakup(capaian: pd.DataFrame, config: Config) -> list[int]:
    """Years a report can be built for: years of the agreements' rows that ``laporan.yml`` allows.

    A year counts when the computed ``capaian`` table has rows for it (the Perjanjian Kinerja
    sets targets or realisasi for it), a configured period contains it and it is not before
    ``tren_mulai``.

    Parameters
    ----------
    capaian : DataFrame
        The computed ``capaian`` table.
    config : Config

    Returns
    -------
    list of int
        Sorted years.

    Examples
    --------
    >>> from lkjip.core.config import load_config
    >>> capaian = pd.DataFrame({"tahun": [2019, 2021, 2025, 2025, 2031]})
    >>> tahun_tercakup(capaian, load_config())
    [2021, 2025]
    """
    years = sorted({int(y) for y in pd.to_numeric(capaian["tahun"], errors="coerce").dropna()})
    return [
        y for y in years if y >= config.tren_mulai and any(p.memuat(y) for p in config.periode)
    ]


def config_tahun(config: Config, tahun: int, root: Path | None = None) -> Config:
    """The configuration for report year ``tahun``, refused when the processed data do not cover it.

    Parameters
    ----------
    config : Config
        The project's configuration.
    tahun : int
        The year asked for (the notebooks' ``tahun`` parameter).
    root : Path, optional
        Project root whose ``data/processed`` is read.

    Returns
    -------
    Config
        ``config`` itself for its own year, else :meth:`Config.with_year`.

    Raises
    ------
    TahunTidakTercakup
        In Indonesian, naming the years the processed data cover.
    """
    tahun = int(tahun)
    if tahun == config.tahun:
        return config
    covered = tahun_tercakup(data.tabel("capaian", root), config)
    if tahun not in covered:
        shown = ", ".join(str(y) for y in covered) or "(tidak ada)"
        raise TahunTidakTercakup(
            f"Laporan tahun {tahun} tidak dapat disusun: data olahan (data/processed) dan periode di "
            f"laporan.yml hanya mencakup tahun {shown}. Ganti parameter tahun, atau tambahkan data "
            "dan periodenya lalu jalankan python -m lkjip data."
        )
    try:
        return config.with_year(tahun)
    except ConfigError as exc:  # covered years are valid; kept for a clear message all the same
        raise TahunTidakTercakup(str(exc)) from None
