"""The report year: which years the processed data cover, and a clear refusal for any other."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from lkjip.core.config import Config, ConfigError
from lkjip.core.paths import paths
from lkjip.core.pilihan import TahunTidakAda
from lkjip.katalog import dataset as katalog


class TahunTidakTercakup(TahunTidakAda):
    """The year asked for is not covered by the processed data; the message names the covered years.

    A :class:`lkjip.core.pilihan.TahunTidakAda` (and so a ``ValueError``): the report, its chapters
    and the exploration notebooks refuse a year this way, the analyst's views the same way.
    """


def tahun_tercakup(capaian: pd.DataFrame, config: Config) -> list[int]:
    """Years a report can be built for: years of the agreements' rows that ``laporan.yml`` allows.

    A year counts when the computed ``capaian`` table has rows for it of an agreement whose
    planning period contains it (the agreement in force that year sets its targets or
    realisasi), and it is not before ``tren_mulai``. The history columns of a newer agreement
    (the 2025-2029 one's realisasi of 2022) do not make a report of 2022: the agreement in
    force then is not in the data.

    Parameters
    ----------
    capaian : DataFrame
        The computed ``capaian`` table (``tahun``, and ``periode`` when known).
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
    >>> baru = pd.DataFrame({"tahun": [2022, 2024, 2025, 2025], "periode": ["2025-2029"] * 4})
    >>> tahun_tercakup(baru, load_config())
    [2025]
    """
    periods = {p.kode: p for p in config.periode}
    years: set[int] = set()
    for row in capaian.itertuples(index=False):
        year = pd.to_numeric(row.tahun, errors="coerce")
        if pd.isna(year):
            continue
        year = int(year)
        kode = getattr(row, "periode", None)
        period = periods.get(kode) if isinstance(kode, str) else None
        in_force = period.covers(year) if period is not None else any(
            p.covers(year) for p in config.periode
        )
        if in_force and year >= config.tren_mulai:
            years.add(year)
    return sorted(years)


def _periode_berdata(config: Config, capaian: pd.DataFrame) -> Config:
    """``config`` without the periods in force in its year of which ``capaian`` holds no row.

    A back year of next year's data (2025 from the 2026 exports) has the 2021-2025 period in
    force too, but only the 2025-2029 agreement in the data: the report prints that one alone.
    """
    if "periode" not in capaian.columns:
        return config
    rows = capaian[pd.to_numeric(capaian["tahun"], errors="coerce") == config.tahun]
    with_data = set(rows["periode"].dropna())
    in_force = [p.kode for p in config.periode_aktif]
    keep = [p for p in config.periode if p.kode not in in_force or p.kode in with_data]
    if len(keep) == len(config.periode) or not any(p.covers(config.tahun) for p in keep):
        return config
    return config.model_validate({**config.model_dump(), "periode": [p.model_dump() for p in keep]})


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
        ``config`` itself for its own year, else :meth:`Config.with_year`, without the periods
        in force that year whose agreement the data do not hold.

    Raises
    ------
    TahunTidakTercakup
        In Indonesian, naming the years the processed data cover.
    """
    tahun = int(tahun)
    if tahun == config.tahun:
        return config
    capaian = katalog.load("capaian", paths(root).processed)
    covered = tahun_tercakup(capaian, config)
    if tahun not in covered:
        shown = ", ".join(str(y) for y in covered) or "(tidak ada)"
        raise TahunTidakTercakup(
            f"Laporan tahun {tahun} tidak dapat disusun: data olahan (data/processed) dan periode di "
            f"laporan.yml hanya mencakup tahun {shown} (tahun yang Perjanjian Kinerja periode "
            "berlakunya ada di data). Ganti parameter tahun, atau tambahkan data dan periodenya "
            "lalu jalankan python -m lkjip data.",
            diminta=tahun,
            pilihan=[str(y) for y in covered],
        )
    try:
        return _periode_berdata(config.with_year(tahun), capaian)
    except ConfigError as exc:  # covered years are valid; kept for a clear message all the same
        raise TahunTidakTercakup(str(exc)) from None
