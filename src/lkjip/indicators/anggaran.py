"""Budget: realisation percentages per sub-kegiatan, the yearly total series, and the budget per sasaran."""

from __future__ import annotations

import numpy as np
import pandas as pd

from lkjip.core.config import Config
from lkjip.ingest.schemas.hasil import empty, shaped


def persen_realisasi(realisasi: pd.Series, anggaran: pd.Series) -> pd.Series:
    """Realisasi / anggaran × 100, NaN where either is missing or the anggaran (pagu) is 0.

    Examples
    --------
    >>> import pandas as pd
    >>> realisasi = pd.Series([57_921_700, 420_000, None, 10])
    >>> anggaran = pd.Series([81_373_500, 500_000, 1_000, 0])
    >>> persen_realisasi(realisasi, anggaran).round(2).tolist()
    [71.18, 84.0, nan, nan]
    """
    pagu = pd.to_numeric(anggaran, errors="coerce").astype("float64")
    spent = pd.to_numeric(realisasi, errors="coerce").astype("float64")
    return (spent / pagu.where(pagu != 0)) * 100


def jumlah_lengkap(values: pd.Series) -> float:
    """Sum of money amounts, NaN when any is missing or there are none (a partial sum would understate).

    Examples
    --------
    >>> import pandas as pd
    >>> jumlah_lengkap(pd.Series([200_000, 300_000])), jumlah_lengkap(pd.Series([200_000, None]))
    (500000.0, nan)
    >>> jumlah_lengkap(pd.Series([], dtype="float64"))
    nan
    """
    numbers = pd.to_numeric(values, errors="coerce")
    if numbers.empty or numbers.isna().any():
        return np.nan
    return float(numbers.sum())


def hitung_anggaran(anggaran: pd.DataFrame) -> pd.DataFrame:
    """Add the computed ``persen`` to every sub-kegiatan row (the printed one is kept beside it).

    Returns
    -------
    DataFrame
        ``anggaran_hasil``.

    Examples
    --------
    >>> import pandas as pd
    >>> sub = pd.DataFrame({"tahun": [2025, 2025], "kode": ["1.02", "1.01"], "anggaran": [300_000, 200_000],
    ...                     "realisasi": [270_000, 150_000], "persen_tercetak": [90.0, 57.0]})
    >>> hasil = hitung_anggaran(sub)
    >>> print(hasil[["kode", "anggaran", "realisasi", "persen_tercetak", "persen"]].to_string(index=False))
    kode  anggaran  realisasi  persen_tercetak  persen
    1.01  200000.0   150000.0             57.0    75.0
    1.02  300000.0   270000.0             90.0    90.0
    """
    if anggaran.empty:
        return empty("anggaran_hasil")
    out = anggaran.assign(persen=persen_realisasi(anggaran["realisasi"], anggaran["anggaran"]))
    return shaped(out.sort_values(["tahun", "kode"], kind="stable"), "anggaran_hasil")


def total_anggaran(anggaran: pd.DataFrame, anggaran_riwayat: pd.DataFrame) -> pd.DataFrame:
    """The unit's total budget, realisation and percentage per year.

    A year with sub-kegiatan rows (the report year) is summed from them (``sumber = rincian``);
    earlier years come from ``anggaran_riwayat`` (``sumber = riwayat``). A sum with a missing
    amount is NA, not a smaller number.

    Returns
    -------
    DataFrame
        ``anggaran_total``: tahun, anggaran, realisasi, persen, sumber.

    Examples
    --------
    >>> import pandas as pd
    >>> sub = pd.DataFrame({"tahun": [2025, 2025], "anggaran": [200_000, 300_000],
    ...                     "realisasi": [150_000, 270_000]})
    >>> riwayat = pd.DataFrame({"tahun": [2024, 2025], "anggaran": [1_000_000, 9.0],
    ...                         "realisasi": [963_500, 9.0]})
    >>> print(total_anggaran(sub, riwayat).to_string(index=False))
     tahun  anggaran  realisasi  persen  sumber
      2024 1000000.0   963500.0   96.35 riwayat
      2025  500000.0   420000.0   84.00 rincian
    """
    rows = []
    for tahun, year in anggaran.groupby("tahun", sort=True):
        rows.append(
            {
                "tahun": tahun,
                "anggaran": jumlah_lengkap(year["anggaran"]),
                "realisasi": jumlah_lengkap(year["realisasi"]),
                "sumber": "rincian",
            }
        )
    detailed = {int(r["tahun"]) for r in rows}
    for row in anggaran_riwayat.itertuples(index=False):
        if pd.isna(row.tahun) or int(row.tahun) in detailed:
            continue
        rows.append(
            {"tahun": row.tahun, "anggaran": row.anggaran, "realisasi": row.realisasi, "sumber": "riwayat"}
        )
    if not rows:
        return empty("anggaran_total")
    out = pd.DataFrame(rows)
    out = out.assign(persen=persen_realisasi(out["realisasi"], out["anggaran"]))
    return shaped(out.sort_values("tahun", kind="stable"), "anggaran_total")


def anggaran_per_sasaran(
    anggaran_hasil: pd.DataFrame,
    peta_sasaran_anggaran: pd.DataFrame,
    anggaran_sasaran_tercetak: pd.DataFrame,
    capaian: pd.DataFrame,
    config: Config,
) -> pd.DataFrame:
    """Allocation and realisation of each sasaran in the report year (Tabel III.4.B).

    Which sub-kegiatan serve which sasaran is data (``peta_sasaran_anggaran``), not code.
    ``capaian_anggaran`` = realisasi / alokasi × 100 from the mapped sub-kegiatan;
    ``capaian_kinerja`` = mean capaian of that sasaran's indicators in that dokumen for the
    report year (indicators without a capaian left out). A sasaran with no mapped sub-kegiatan
    has NA alokasi and realisasi.

    Parameters
    ----------
    anggaran_hasil : DataFrame
        Sub-kegiatan rows (``hitung_anggaran``); only ``config.tahun`` is used.
    peta_sasaran_anggaran, anggaran_sasaran_tercetak : DataFrame
        Clean tables: the mapping, and the staff's table (for the sasaran listed and their names).
    capaian : DataFrame
        The ``capaian`` table.
    config : Config

    Returns
    -------
    DataFrame
        ``anggaran_sasaran``.

    Examples
    --------
    >>> import pandas as pd
    >>> from lkjip.core.config import load_config
    >>> sub = pd.DataFrame({"tahun": [2025] * 3, "kode": ["a", "b", "c"],
    ...                     "anggaran": [100.0, 300.0, 50.0], "realisasi": [90.0, 210.0, 50.0]})
    >>> peta = pd.DataFrame({"dokumen": ["PK"] * 3, "no_sasaran": [1, 1, 2], "kode": ["a", "b", "c"]})
    >>> tercetak = pd.DataFrame({"dokumen": ["PK"], "no_sasaran": [1], "sasaran": ["Sasaran satu"]})
    >>> pk = pd.concat([tercetak] * 2).assign(tahun=2025, capaian=[100.0, 101.0])
    >>> out = anggaran_per_sasaran(sub, peta, tercetak, pk, load_config())
    >>> print(out.drop(columns=["dokumen", "sasaran"]).to_string(index=False))
     no_sasaran  alokasi  realisasi  capaian_anggaran  capaian_kinerja
              1    400.0      300.0              75.0            100.5
              2     50.0       50.0             100.0              NaN
    """
    keys = ["dokumen", "no_sasaran"]
    sasaran = pd.concat(
        [peta_sasaran_anggaran[keys], anggaran_sasaran_tercetak[keys]], ignore_index=True
    ).drop_duplicates()
    if sasaran.empty:
        return empty("anggaran_sasaran")
    year = anggaran_hasil[anggaran_hasil["tahun"] == config.tahun]
    mapped = peta_sasaran_anggaran[[*keys, "kode"]].merge(
        year[["kode", "anggaran", "realisasi"]], on="kode", how="left"
    )
    sums = (
        mapped.groupby(keys)
        .agg(
            alokasi=("anggaran", jumlah_lengkap),
            realisasi=("realisasi", jumlah_lengkap),
        )
        .reset_index()
    )
    pk = capaian[capaian["tahun"] == config.tahun]
    kinerja = pk.groupby(keys)["capaian"].mean().rename("capaian_kinerja").reset_index()
    names = pd.concat(
        [pk[[*keys, "sasaran"]], anggaran_sasaran_tercetak[[*keys, "sasaran"]]], ignore_index=True
    ).dropna(subset=["sasaran"])
    names = names.drop_duplicates(subset=keys, keep="first")
    out = (
        sasaran.merge(names, on=keys, how="left")
        .merge(sums, on=keys, how="left")
        .merge(kinerja, on=keys, how="left")
    )
    out = out.assign(capaian_anggaran=persen_realisasi(out["realisasi"], out["alokasi"]))
    return shaped(out.sort_values(keys, kind="stable"), "anggaran_sasaran")
