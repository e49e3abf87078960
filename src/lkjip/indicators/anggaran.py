"""Budget: realisation percentages per sub-kegiatan, the yearly total series, and the budget per sasaran."""

from __future__ import annotations

import numpy as np
import pandas as pd

from lkjip.core.config import Config
from lkjip.core.rounding import round_half_up
from lkjip.katalog.hasil import empty, shaped


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


def compute_anggaran(anggaran: pd.DataFrame) -> pd.DataFrame:
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
    >>> hasil = compute_anggaran(sub)
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


def dana_sasaran(
    anggaran_hasil: pd.DataFrame, peta_sasaran_anggaran: pd.DataFrame, config: Config
) -> pd.DataFrame:
    """Each (dokumen, sasaran, sub-kegiatan) of the mapping with the sub-kegiatan's report-year budget.

    A sub-kegiatan that funds several sasaran appears once per sasaran, with its whole budget:
    the money is attributed in full to every sasaran it serves, never split by a guessed key.

    Returns
    -------
    DataFrame
        dokumen, no_sasaran, kode, anggaran, realisasi (NaN for a code not in the LRA), and the
        sub-kegiatan's uraian, berkas, sheet and baris when ``anggaran_hasil`` has them.

    Examples
    --------
    >>> from lkjip.core.config import load_config
    >>> sub = pd.DataFrame({"tahun": [2025, 2025], "kode": ["a", "b"],
    ...                     "anggaran": [100.0, 300.0], "realisasi": [90.0, 210.0]})
    >>> peta = pd.DataFrame({"dokumen": ["PK"] * 3, "no_sasaran": [1, 1, 2], "kode": ["a", "b", "a"]})
    >>> dana_sasaran(sub, peta, load_config()).values.tolist()
    [['PK', 1, 'a', 100.0, 90.0], ['PK', 1, 'b', 300.0, 210.0], ['PK', 2, 'a', 100.0, 90.0]]
    """
    year = anggaran_hasil[anggaran_hasil["tahun"] == config.tahun]
    # The sub-kegiatan's name and cell travel with its money (the trail of each sasaran's sum).
    carried = [c for c in ("uraian", "berkas", "sheet", "baris") if c in year.columns]
    return peta_sasaran_anggaran[["dokumen", "no_sasaran", "kode"]].merge(
        year[["kode", "anggaran", "realisasi", *carried]], on="kode", how="left"
    )


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
    report year (indicators without a capaian left out). The staff's table numbers the
    agreement's own sasaran, so only its main indicators count (``jenis`` "utama"): the "kinerja
    lainnya" section numbers its sasaran from 1 again. A sasaran with no mapped sub-kegiatan
    has NA alokasi and realisasi.

    Parameters
    ----------
    anggaran_hasil : DataFrame
        Sub-kegiatan rows (``compute_anggaran``); only ``config.tahun`` is used.
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
    >>> pk = pd.concat([tercetak] * 3).assign(
    ...     tahun=2025, capaian=[100.0, 101.0, 80.0], jenis=["utama", "utama", "lainnya"])
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
    mapped = dana_sasaran(anggaran_hasil, peta_sasaran_anggaran, config)
    sums = (
        mapped.groupby(keys)
        .agg(
            alokasi=("anggaran", jumlah_lengkap),
            realisasi=("realisasi", jumlah_lengkap),
        )
        .reset_index()
    )
    pk = capaian[(capaian["tahun"] == config.tahun) & (capaian["jenis"] == "utama")]
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


def baris_kinerja_anggaran(
    anggaran_sasaran: pd.DataFrame, capaian: pd.DataFrame, dokumen: str, tahun: int
) -> pd.DataFrame:
    """The rows of Tabel III.4.B: each sasaran of ``dokumen`` with a budget, and its main indicators.

    One row per (sasaran, main indicator) of the year, in sasaran and code order; a sasaran
    without a main indicator keeps one row with NA indicator columns. The budget columns
    (``alokasi``, ``realisasi_anggaran``, ``capaian_anggaran``) repeat on every row of their
    sasaran; :func:`ringkas_kinerja_anggaran` counts them once.

    Parameters
    ----------
    anggaran_sasaran : DataFrame
        The computed ``anggaran_sasaran`` table.
    capaian : DataFrame
        The computed ``capaian`` table.
    dokumen : str
        The agreement whose sasaran carry the budget.
    tahun : int
        The report year.

    Returns
    -------
    DataFrame
        Columns of ``anggaran_sasaran`` (``realisasi`` renamed ``realisasi_anggaran``) and
        kode_indikator, indikator, satuan, target, realisasi, capaian.

    Examples
    --------
    >>> budget = pd.DataFrame({"dokumen": "PK", "no_sasaran": [1, 2], "alokasi": [200.0, 300.0],
    ...                        "realisasi": [100.0, 270.0]})
    >>> capaian = pd.DataFrame({"dokumen": "PK", "jenis": ["utama", "utama", "lainnya"],
    ...                         "no_sasaran": [1, 1, 1], "tahun": 2025, "target": 100.0,
    ...                         "kode_indikator": ["A-2", "A-1", "L-1"], "indikator": "-", "satuan": "%",
    ...                         "realisasi": [90.0, 100.0, 80.0], "capaian": [90.0, 100.0, 80.0]})
    >>> rows = baris_kinerja_anggaran(budget, capaian, "PK", 2025)
    >>> rows[["no_sasaran", "kode_indikator", "capaian", "realisasi_anggaran"]].values.tolist()
    [[1, 'A-1', 100.0, 100.0], [1, 'A-2', 90.0, 100.0], [2, nan, nan, 270.0]]
    """
    budget = anggaran_sasaran[anggaran_sasaran["dokumen"] == dokumen].drop_duplicates("no_sasaran")
    indikator = capaian[(capaian["dokumen"] == dokumen) & (capaian["jenis"] == "utama")]
    indikator = indikator[pd.to_numeric(indikator["tahun"], errors="coerce") == tahun]
    columns = ["no_sasaran", "kode_indikator", "indikator", "satuan", "target", "realisasi", "capaian"]
    return (
        budget.merge(indikator[columns], on="no_sasaran", how="left", suffixes=("_anggaran", ""))
        .sort_values(["no_sasaran", "kode_indikator"], kind="stable")
        .reset_index(drop=True)
    )


def ringkas_kinerja_anggaran(
    rows: pd.DataFrame, desimal: int = 2, dana: pd.DataFrame | None = None
) -> dict[str, object]:
    """The summary row under Tabel III.4.B, computed over exactly the rows shown.

    ``rata_rata_capaian`` is the mean capaian of the indicator rows (a row without a capaian is
    left out, never counted as 0); ``alokasi`` and ``realisasi`` add each sasaran's budget once
    (NaN when one is missing, as :func:`jumlah_lengkap`); ``capaian_anggaran`` = realisasi /
    alokasi × 100; ``efisiensi`` = rata-rata capaian − capaian anggaran in percentage points,
    between the two figures as printed (rounded half up to ``desimal``).

    A sub-kegiatan that funds several of the sasaran shown is counted once in the total (each
    sasaran's own row shows it in full): that needs ``dana``; without it, or when no sub-kegiatan
    is shared, the total is the sum of the sasaran's budgets.

    Parameters
    ----------
    rows : DataFrame
        From :func:`baris_kinerja_anggaran` (or those rows filtered).
    desimal : int
        Decimals the percentages are printed with (``format.desimal_persen``).
    dana : DataFrame, optional
        :func:`dana_sasaran`: which sub-kegiatan fund which sasaran, with their budgets.

    Returns
    -------
    dict
        rata_rata_capaian, alokasi, realisasi, capaian_anggaran, efisiensi (NaN when unknown), and
        ``dijumlah``: the sub-kegiatan rows of ``dana`` the totals add up, each once, when one of
        them funds several sasaran shown; ``None`` when the totals add up the sasaran's budgets.

    Examples
    --------
    >>> rows = pd.DataFrame({"no_sasaran": [1, 1, 2], "capaian": [100.0, 90.0, 110.0],
    ...                      "alokasi": [200.0, 200.0, 300.0], "realisasi_anggaran": [100.0, 100.0, 270.0]})
    >>> s = ringkas_kinerja_anggaran(rows)
    >>> s["rata_rata_capaian"], s["alokasi"], s["realisasi"], s["capaian_anggaran"], s["efisiensi"]
    (100.0, 500.0, 370.0, 74.0, 26.0)

    Sub-kegiatan ``a`` (200 / 100) funds both sasaran; sasaran 2 also has ``b`` (100 / 170):
    the total is 300 / 270, not 500 / 370.

    >>> dana = pd.DataFrame({"dokumen": "PK", "no_sasaran": [1, 2, 2], "kode": ["a", "a", "b"],
    ...                      "anggaran": [200.0, 200.0, 100.0], "realisasi": [100.0, 100.0, 170.0]})
    >>> s = ringkas_kinerja_anggaran(rows.assign(dokumen="PK"), dana=dana)
    >>> s["alokasi"], s["realisasi"], s["capaian_anggaran"]
    (300.0, 270.0, 90.0)
    """
    capaian = pd.to_numeric(rows["capaian"], errors="coerce") if len(rows) else pd.Series(dtype="float64")
    rata = float(capaian.mean()) if capaian.notna().any() else np.nan
    per_sasaran = rows.drop_duplicates("no_sasaran")
    alokasi = jumlah_lengkap(per_sasaran["alokasi"])
    realisasi = jumlah_lengkap(per_sasaran["realisasi_anggaran"])
    once = None
    if dana is not None and len(per_sasaran):
        shown = per_sasaran[["dokumen", "no_sasaran"]].merge(dana, on=["dokumen", "no_sasaran"])
        if shown["kode"].duplicated().any():  # a shared sub-kegiatan: count its money once
            once = shown.drop_duplicates("kode")
            alokasi, realisasi = jumlah_lengkap(once["anggaran"]), jumlah_lengkap(once["realisasi"])
    persen = float(persen_realisasi(pd.Series([realisasi]), pd.Series([alokasi])).iloc[0])
    efisiensi = round_half_up(round_half_up(rata, desimal) - round_half_up(persen, desimal), desimal)
    return {
        "rata_rata_capaian": rata,
        "alokasi": alokasi,
        "realisasi": realisasi,
        "capaian_anggaran": persen,
        "efisiensi": efisiensi,
        # what the totals add up: each sub-kegiatan once (a shared one), else None (the sasaran)
        "dijumlah": once,
    }
