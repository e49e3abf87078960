"""Comparisons: the organisation's realisasi against the province's, and the SAKIP comparison figure."""

from __future__ import annotations

import pandas as pd

from lkjip.core.config import Config
from lkjip.core.na import is_na
from lkjip.core.rounding import round_half_up
from lkjip.indicators.sakip import predikat_sakip
from lkjip.katalog.hasil import empty, shaped

#: ``kode_indikator`` of the SAKIP scores compared in Gambar 0.2.
KODE_SAKIP_OPD = "sakip_opd"


def verdict(nilai_organisasi: object, nilai_pembanding: object, desimal: int = 2) -> str:
    """``lebih tinggi`` / ``lebih rendah`` / ``sama``, compared at the published ``desimal``.

    The values are compared as the report prints them (``format.desimal_nilai``), so two values
    printed alike are ``sama``; ``tidak dapat dibandingkan`` when either value is missing.

    Examples
    --------
    >>> verdict(91.2, 89.7), verdict(70, 75), verdict(83.784, 83.78)
    ('lebih tinggi', 'lebih rendah', 'sama')
    >>> verdict(None, 80.0)
    'tidak dapat dibandingkan'
    """
    if is_na(nilai_organisasi) or is_na(nilai_pembanding):
        return "tidak dapat dibandingkan"
    ours, theirs = round_half_up(nilai_organisasi, desimal), round_half_up(nilai_pembanding, desimal)
    if ours > theirs:
        return "lebih tinggi"
    if ours < theirs:
        return "lebih rendah"
    return "sama"


def bandingkan(capaian: pd.DataFrame, pembanding: pd.DataFrame, config: Config) -> pd.DataFrame:
    """Each indicator of the year's current agreement against the province's figure, every year.

    Every year of ``capaian`` is compared (so the report of any year, not only ``config.tahun``,
    has its Tabel III.3): the indicators of the agreement of the newest period containing that
    year, and any other agreement's indicator that has a realisasi and a comparison figure for
    that year. The organisation's value is the indicator's realisasi (from
    the ``capaian`` table); the comparison value is the ``pembanding`` row of the same year and
    ``kode_indikator`` whose
    entitas is ``config.wilayah_pembanding`` (the province; a province unit has none and gets an
    empty table). ``selisih`` = organisasi − pembanding (NA when either is missing, and then the
    verdict is ``tidak dapat dibandingkan``).

    Returns
    -------
    DataFrame
        ``pembanding_hasil``, one row per year and indicator of that year's agreement.

    Examples
    --------
    >>> import pandas as pd
    >>> from lkjip.core.config import load_config
    >>> config = load_config()
    >>> capaian = pd.DataFrame({"dokumen": config.dokumen_terkini, "tahun": config.tahun, "indikator": "-",
    ...                         "kode_indikator": ["ikm", "nek"], "realisasi": [91.2, 95.0]})
    >>> pembanding = pd.DataFrame({"tahun": config.tahun, "entitas": [config.provinsi, "Kabupaten lain"],
    ...                            "kode_indikator": ["ikm", "nek"], "nilai": [89.7, 99.0]})
    >>> hasil = bandingkan(capaian, pembanding, config)
    >>> print(hasil[["kode_indikator", "selisih", "verdict"]].round(2).to_string(index=False))
    kode_indikator  selisih                  verdict
               ikm      1.5             lebih tinggi
               nek      NaN tidak dapat dibandingkan
    """
    if config.wilayah_pembanding is None or capaian.empty:  # a province unit: no region above it
        return empty("pembanding_hasil")
    rows = []
    theirs_all = pembanding[pembanding["entitas"] == config.wilayah_pembanding]
    years = sorted({int(y) for y in pd.to_numeric(capaian["tahun"], errors="coerce").dropna()})
    for tahun in years:
        dokumen = config.dokumen_terkini_tahun(tahun)
        year = capaian[capaian["tahun"] == tahun]
        theirs = theirs_all[theirs_all["tahun"] == tahun].drop_duplicates(subset=["kode_indikator"])
        ours = year[year["dokumen"] == dokumen]
        # An indicator of another agreement that has this year's realisasi and a comparison
        # figure for this year is compared too (the IKM of the next RPJMD's agreement, say).
        extra = year[
            (year["dokumen"] != dokumen)
            & year["kode_indikator"].isin(theirs["kode_indikator"])
            & ~year["kode_indikator"].isin(ours["kode_indikator"])
            & year["realisasi"].notna()
        ].drop_duplicates(subset=["kode_indikator"])
        ours = pd.concat([ours, extra], ignore_index=True)
        rows += _bandingkan_tahun(ours, theirs.set_index("kode_indikator"), config)
    if not rows:
        return empty("pembanding_hasil")
    return shaped(pd.DataFrame(rows), "pembanding_hasil")


def _bandingkan_tahun(ours: pd.DataFrame, theirs: pd.DataFrame, config: Config) -> list[dict]:
    """One row per indicator of ``ours``: its realisasi against the comparison row of ``theirs``
    (indexed by ``kode_indikator``), whose cell (berkas, sheet, baris) the row keeps."""
    rows = []
    for row in ours.itertuples(index=False):
        found = theirs.loc[row.kode_indikator] if row.kode_indikator in theirs.index else None
        value = None if found is None else pd.to_numeric(found["nilai"], errors="coerce")
        other = float("nan") if value is None or pd.isna(value) else float(value)
        rows.append(
            {
                "tahun": row.tahun,
                "kode_indikator": row.kode_indikator,
                "indikator": row.indikator,
                "nilai_organisasi": row.realisasi,
                "entitas_pembanding": config.wilayah_pembanding,
                "nilai_pembanding": other,
                "selisih": row.realisasi - other,
                "verdict": verdict(row.realisasi, other, config.format.desimal_nilai),
                "dokumen": row.dokumen,
                **{c: (None if found is None else found.get(c)) for c in ("berkas", "sheet", "baris")},
            }
        )
    return rows


def sakip_pembanding(pembanding: pd.DataFrame, config: Config) -> pd.DataFrame:
    """SAKIP scores of the organisation and the regions compared with it, every year, with predikat.

    Rows of ``pembanding`` with ``kode_indikator`` = ``sakip_opd`` of every year (the report of
    any year finds its own); a score not available gives NA nilai and predikat (the chart shows
    it as missing, never as 0).

    Returns
    -------
    DataFrame
        ``sakip_pembanding``: tahun, entitas, nilai, predikat, keterangan.

    Examples
    --------
    >>> import pandas as pd
    >>> from lkjip.core.config import load_config
    >>> config = load_config()
    >>> pembanding = pd.DataFrame({"tahun": config.tahun, "kode_indikator": ["sakip_opd"] * 3 + ["ikm"],
    ...                            "entitas": ["Setda", "Kabupaten", "Provinsi", "Provinsi"],
    ...                            "nilai": [85.5, None, 90.01, 91.0]})
    >>> print(sakip_pembanding(pembanding, config)[["entitas", "nilai", "predikat"]].to_string(index=False))
      entitas  nilai predikat
        Setda  85.50        A
    Kabupaten    NaN     <NA>
     Provinsi  90.01       AA
    """
    rows = pembanding[pembanding["kode_indikator"] == KODE_SAKIP_OPD].sort_values("tahun", kind="stable")
    if rows.empty:
        return empty("sakip_pembanding")
    nilai = pd.to_numeric(rows["nilai"], errors="coerce").astype("float64")
    out = rows.assign(nilai=nilai, predikat=[predikat_sakip(v, config)[0] for v in nilai])
    return shaped(out, "sakip_pembanding")
