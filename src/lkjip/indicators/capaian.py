"""Capaian kinerja: realisasi from the engine or as typed, capaian and status, summaries and trends."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from lkjip.core.config import Config
from lkjip.core.na import is_na
from lkjip.core.rounding import round_half_up
from lkjip.ingest.schemas.perjanjian_kinerja import SUMBER_REALISASI
from lkjip.katalog.hasil import empty, shaped


def compute_capaian_nilai(target: object, realisasi: object, polaritas: str) -> float:
    """Capaian of one indicator in percent, uncapped.

    Positive polarity (higher is better): realisasi / target × 100. Negative polarity (lower is
    better): (2 − realisasi / target) × 100. The result is NaN ("N/A", not measurable) when the
    target or the realisasi is missing, and also when the target is 0: a ratio to zero has no
    meaning, and a made-up 0 % or 100 % would mislead the averages.

    Parameters
    ----------
    target, realisasi : float or None
    polaritas : {"positif", "negatif"}

    Returns
    -------
    float
        The capaian, NaN when not measurable.

    Raises
    ------
    ValueError
        For a polaritas other than ``positif``/``negatif``.

    Examples
    --------
    >>> round(compute_capaian_nilai(83.11, 83.78, "positif"), 2)
    100.81
    >>> round(compute_capaian_nilai(10, 8, "negatif"), 2)
    120.0
    >>> round(compute_capaian_nilai(95, 96.4, "positif"), 2)
    101.47
    >>> compute_capaian_nilai(None, 57, "positif"), compute_capaian_nilai(0, 5, "positif")
    (nan, nan)
    """
    if polaritas not in ("positif", "negatif"):
        raise ValueError(f"polaritas '{polaritas}' tidak dikenal; gunakan 'positif' atau 'negatif'")
    if is_na(target) or is_na(realisasi) or float(target) == 0:
        return float("nan")
    ratio = float(realisasi) / float(target)
    return ratio * 100 if polaritas == "positif" else (2 - ratio) * 100


def status_capaian(capaian: object, desimal: int = 2) -> str:
    """``di_atas`` / ``tepat`` / ``di_bawah`` 100 %, from the capaian rounded half up to ``desimal``.

    Rounding first to the decimals the report prints (``format.desimal_persen``) makes the
    status agree with the printed figure (99,996 % prints as 100,00 % and is ``tepat``); a
    missing capaian is ``tidak_terukur``.

    Examples
    --------
    >>> [status_capaian(c) for c in (100.81, 99.996, 99.994, float("nan"))]
    ['di_atas', 'tepat', 'di_bawah', 'tidak_terukur']
    """
    if is_na(capaian):
        return "tidak_terukur"
    value = round_half_up(capaian, desimal)
    if value > 100:
        return "di_atas"
    if value == 100:
        return "tepat"
    return "di_bawah"


#: Where the engine's figure of each ``sumber_realisasi`` key comes from: (computed table, its
#: column, whether it is rounded half up to 2 decimals). The report's trails read the same plan.
TERHITUNG: dict[str, tuple[str, str, bool]] = {
    "skm_unit_minimal_baik": ("ikm_pemda", "unit_minimal_baik", False),
    "ikm_pemda": ("ikm_pemda", "ikm", True),
    "kematangan_minimal_tinggi": ("kematangan_ringkas", "pd_minimal_tinggi", False),
    "sakip_pd_minimal_baik": ("sakip_ringkas", "pd_minimal_baik", False),
    "sakip_rata_rata": ("sakip_ringkas", "rata_rata", True),
    "efektivitas_kelembagaan": ("efektivitas", "nilai", True),
    "persen_realisasi_anggaran": ("anggaran_total", "persen", True),
}


def realisasi_terhitung(computed: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """The engine's figure for every ``sumber_realisasi`` key and year.

    Scores and percentages are rounded half up to 2 decimals: the published figure is the
    realisasi the capaian is computed from (83,78, not 83,7812…). ``skm_unit_minimal_baik``
    counts units minimal baik from respondent data, or from ``skm_unit_riwayat`` for a year
    without it.

    Parameters
    ----------
    computed : dict of DataFrame
        Needs ``ikm_pemda``, ``kematangan_ringkas``, ``sakip_ringkas``, ``efektivitas`` and
        ``anggaran_total`` (a missing one contributes nothing).

    Returns
    -------
    DataFrame
        Columns sumber_realisasi, tahun, nilai; only years with a value.

    Examples
    --------
    >>> import pandas as pd
    >>> sakip = pd.DataFrame({"tahun": [2025], "pd_minimal_baik": [40], "rata_rata": [81.23456]})
    >>> anggaran = pd.DataFrame({"tahun": [2024, 2025], "persen": [96.345, None]})
    >>> computed = {"sakip_ringkas": sakip, "anggaran_total": anggaran}
    >>> print(realisasi_terhitung(computed).to_string(index=False))
             sumber_realisasi  tahun  nilai
        sakip_pd_minimal_baik   2025  40.00
              sakip_rata_rata   2025  81.23
    persen_realisasi_anggaran   2024  96.35
    """
    frames = []
    for key, (table, column, rounded) in TERHITUNG.items():
        source = computed.get(table)
        if source is None or source.empty:
            continue
        values = pd.to_numeric(source[column], errors="coerce").astype("float64")
        if rounded:
            values = values.map(round_half_up).astype("float64")
        frames.append(
            pd.DataFrame({"sumber_realisasi": key, "tahun": source["tahun"].astype("Int64"), "nilai": values})
        )
    if not frames:
        return pd.DataFrame(
            {
                "sumber_realisasi": pd.Series(dtype="string"),
                "tahun": pd.Series(dtype="Int64"),
                "nilai": pd.Series(dtype="float64"),
            }
        )
    out = pd.concat(frames, ignore_index=True)
    return out[out["nilai"].notna()].astype({"sumber_realisasi": "string"}).reset_index(drop=True)


def kode_menurut_sumber(perjanjian_kinerja: pd.DataFrame, sumber: str) -> list[str]:
    """Codes of the indicators whose realisasi comes from ``sumber`` (the PK's Sumber Realisasi).

    An indicator is found by where its figure comes from, never by its code, which differs
    from one office and one agreement to the next.

    Parameters
    ----------
    perjanjian_kinerja : DataFrame
        The clean ``perjanjian_kinerja`` table (kode_indikator, sumber_realisasi).
    sumber : str
        A key of :data:`~lkjip.ingest.schemas.perjanjian_kinerja.SUMBER_REALISASI`, e.g. ``"ikm_pemda"``.

    Returns
    -------
    list of str
        The codes, each once, in table order; empty when no indicator uses that source.

    Raises
    ------
    ValueError
        For a ``sumber`` that is not a known source.

    Examples
    --------
    >>> pk = pd.DataFrame({"kode_indikator": ["A-1", "A-2", "B-7", "A-2"],
    ...                    "sumber_realisasi": ["manual", "ikm_pemda", "ikm_pemda", "ikm_pemda"]})
    >>> kode_menurut_sumber(pk, "ikm_pemda")
    ['A-2', 'B-7']
    """
    if sumber not in SUMBER_REALISASI:
        raise ValueError(f"sumber_realisasi tidak dikenal: {sumber!r}; pilihan: {list(SUMBER_REALISASI)}")
    if perjanjian_kinerja.empty:
        return []
    rows = perjanjian_kinerja[perjanjian_kinerja["sumber_realisasi"] == sumber]
    return list(dict.fromkeys(str(k) for k in rows["kode_indikator"].dropna()))


def compute_capaian(
    perjanjian_kinerja: pd.DataFrame, terhitung: pd.DataFrame, desimal: int = 2
) -> pd.DataFrame:
    """Realisasi, capaian and status of every Perjanjian Kinerja row.

    For an indicator whose ``sumber_realisasi`` is not ``manual`` the realisasi is the engine's
    figure for that year (``asal_realisasi = hitung``); when the engine has no data for the year
    the typed value is used (``ketik``); with neither it is ``tidak_ada`` and the capaian is N/A.
    The typed value is always kept in ``realisasi_tercetak``. The capaian is uncapped and NaN
    when not measurable (missing target or realisasi, or target 0): status ``tidak_terukur``.

    Parameters
    ----------
    perjanjian_kinerja : DataFrame
        The clean table; its ``realisasi`` column is the typed one.
    terhitung : DataFrame
        From :func:`realisasi_terhitung`.
    desimal : int
        Decimals the capaian is printed with (``format.desimal_persen``), for the status.

    Returns
    -------
    DataFrame
        ``capaian``.

    Raises
    ------
    ValueError
        For an unknown ``sumber_realisasi`` or ``polaritas``.

    Examples
    --------
    >>> import pandas as pd
    >>> pk = pd.DataFrame({"tahun": 2025, "sumber_realisasi": ["ikm_pemda", "manual", "sakip_rata_rata"],
    ...                    "polaritas": ["positif", "negatif", "positif"], "target": [90.0, 10.0, 80.0],
    ...                    "realisasi": [93.0, 8.0, None], "capaian_tercetak": [103.33, 120.0, None]})
    >>> terhitung = pd.DataFrame({"sumber_realisasi": ["ikm_pemda"], "tahun": [2025], "nilai": [94.5]})
    >>> hasil = compute_capaian(pk, terhitung)
    >>> kolom = ["realisasi_tercetak", "realisasi", "asal_realisasi", "capaian", "status"]
    >>> print(hasil[kolom].to_string(index=False))
     realisasi_tercetak  realisasi asal_realisasi  capaian        status
                   93.0       94.5         hitung    105.0       di_atas
                    8.0        8.0          ketik    120.0       di_atas
                    NaN        NaN      tidak_ada      NaN tidak_terukur
    """
    if perjanjian_kinerja.empty:
        return empty("capaian")
    unknown = sorted(set(perjanjian_kinerja["sumber_realisasi"].dropna()) - set(SUMBER_REALISASI))
    if unknown:
        raise ValueError(f"sumber_realisasi tidak dikenal: {unknown}; pilihan: {list(SUMBER_REALISASI)}")
    lookup = {
        (str(r.sumber_realisasi), int(r.tahun)): float(r.nilai) for r in terhitung.itertuples(index=False)
    }
    typed = pd.to_numeric(perjanjian_kinerja["realisasi"], errors="coerce").astype("float64")
    realisasi, asal = [], []
    for sumber, tahun, ketik in zip(
        perjanjian_kinerja["sumber_realisasi"], perjanjian_kinerja["tahun"], typed, strict=True
    ):
        hitung = None if sumber == "manual" or pd.isna(tahun) else lookup.get((str(sumber), int(tahun)))
        if hitung is not None:
            realisasi.append(hitung)
            asal.append("hitung")
        elif not math.isnan(ketik):
            realisasi.append(ketik)
            asal.append("ketik")
        else:
            realisasi.append(np.nan)
            asal.append("tidak_ada")
    target = pd.to_numeric(perjanjian_kinerja["target"], errors="coerce").astype("float64")
    capaian = [
        compute_capaian_nilai(t, r, p)
        for t, r, p in zip(target, realisasi, perjanjian_kinerja["polaritas"], strict=True)
    ]
    out = perjanjian_kinerja.assign(
        realisasi_tercetak=typed,
        realisasi=pd.Series(realisasi, index=perjanjian_kinerja.index, dtype="float64"),
        asal_realisasi=asal,
        capaian=pd.Series(capaian, index=perjanjian_kinerja.index, dtype="float64"),
        status=[status_capaian(c, desimal) for c in capaian],
    )
    return shaped(out, "capaian")


def ringkas_capaian(capaian: pd.DataFrame, anggaran_total: pd.DataFrame, desimal: int = 2) -> pd.DataFrame:
    """Per dokumen and year: status counts, mean capaian, budget % and efisiensi.

    Every year the agreement has rows for is summarised, also a year without targets (its
    indicators then count as ``tidak_terukur``), so the report can be rendered for any year.

    Two rows per dokumen × year: jenis ``utama`` (main indicators only, as the executive summary
    counts them) and ``semua`` (every indicator of the agreement). The mean leaves out
    indicators without a capaian (never counted as 0). ``capaian_anggaran`` is the total budget
    percentage of that year; ``efisiensi`` = rata-rata capaian − capaian anggaran in percentage
    points, taken between the two figures as published (rounded half up to ``desimal``, the
    ``format.desimal_persen``), so that the printed subtraction checks out (100,57 − 85,72 = 14,85).

    Returns
    -------
    DataFrame
        ``ringkasan_capaian``.

    Examples
    --------
    >>> import pandas as pd
    >>> capaian = pd.DataFrame({"dokumen": ["PK"] * 3, "periode": ["2025-2029"] * 3, "tahun": [2025] * 3,
    ...                         "jenis": ["utama", "utama", "lainnya"], "capaian": [100.81, None, 88.93],
    ...                         "status": ["di_atas", "tidak_terukur", "di_bawah"]})
    >>> hasil = ringkas_capaian(capaian, pd.DataFrame({"tahun": [2025], "persen": [85.72]}))
    >>> hasil = hasil.drop(columns=["dokumen", "periode", "tahun", "tepat", "capaian_anggaran"])
    >>> print(hasil.to_string(index=False))
    jenis  jumlah_indikator  di_atas  di_bawah  tidak_terukur  rata_rata_capaian  efisiensi
    utama                 2        1         0              1             100.81      15.09
    semua                 3        1         1              1              94.87       9.15
    """
    if capaian.empty:
        return empty("ringkasan_capaian")
    persen = {int(r.tahun): r.persen for r in anggaran_total.itertuples(index=False) if pd.notna(r.tahun)}
    rows = []
    for (dokumen, tahun), _ in capaian.groupby(["dokumen", "tahun"], sort=True):
        rows_year = capaian[(capaian["dokumen"] == dokumen) & (capaian["tahun"] == tahun)]
        periode = rows_year["periode"].dropna()
        for jenis in ("utama", "semua"):
            part = rows_year if jenis == "semua" else rows_year[rows_year["jenis"] == "utama"]
            counts = part["status"].value_counts()
            rata = part["capaian"].mean() if part["capaian"].notna().any() else np.nan
            anggaran = persen.get(int(tahun), np.nan)
            efisiensi = round_half_up(
                round_half_up(rata, desimal) - round_half_up(anggaran, desimal), desimal
            )
            rows.append(
                {
                    "dokumen": dokumen,
                    "periode": periode.iloc[0] if len(periode) else pd.NA,
                    "tahun": tahun,
                    "jenis": jenis,
                    "jumlah_indikator": len(part),
                    **{s: int(counts.get(s, 0)) for s in ("di_atas", "tepat", "di_bawah", "tidak_terukur")},
                    "rata_rata_capaian": rata,
                    "capaian_anggaran": anggaran,
                    "efisiensi": efisiensi,
                }
            )
    return shaped(pd.DataFrame(rows), "ringkasan_capaian")


def compute_tren(capaian: pd.DataFrame, config: Config) -> pd.DataFrame:
    """Each indicator over ``config.trend_years`` (2021–2025): target, realisasi, capaian, perubahan.

    Every indicator gets a row for every trend year (NA where the agreement has no row for that
    year). ``perubahan`` is the change of the realisasi from the previous trend year, in the
    indicator's own unit (NA when either year lacks a realisasi).

    Returns
    -------
    DataFrame
        ``tren``.

    Examples
    --------
    >>> import pandas as pd
    >>> from lkjip.core.config import load_config
    >>> capaian = pd.DataFrame({"dokumen": "PK", "kode_indikator": "IKM", "indikator": "IKM",
    ...                         "tahun": [2024, 2025], "target": [88.0, 90.0], "realisasi": [89.5, 91.25],
    ...                         "capaian": [101.70, 101.39]})
    >>> tren = compute_tren(capaian, load_config())
    >>> print(tren[["tahun", "realisasi", "perubahan"]].to_string(index=False))
     tahun  realisasi  perubahan
      2021        NaN        NaN
      2022        NaN        NaN
      2023        NaN        NaN
      2024      89.50        NaN
      2025      91.25       1.75
    """
    if capaian.empty:
        return empty("tren")
    years = pd.Series(config.trend_years, dtype="Int64", name="tahun")
    rows = []
    for (dokumen, kode), indicator in capaian.groupby(["dokumen", "kode_indikator"], sort=False):
        latest = indicator.sort_values("tahun").iloc[-1]
        grid = (
            years.to_frame()
            .merge(indicator[["tahun", "target", "realisasi", "capaian"]], on="tahun", how="left")
            .sort_values("tahun")
        )
        rows.append(
            grid.assign(
                dokumen=dokumen,
                kode_indikator=kode,
                indikator=latest["indikator"],
                perubahan=grid["realisasi"] - grid["realisasi"].shift(1),
            )
        )
    return shaped(pd.concat(rows, ignore_index=True), "tren")
