"""Comparisons: the organisation's realisasi against the province's, and the SAKIP comparison figure."""

from __future__ import annotations

import pandas as pd

from lkjip.core.config import Config
from lkjip.core.rounding import round_half_up
from lkjip.indicators.sakip import predikat_sakip
from lkjip.ingest.schemas.hasil import empty, shaped

#: ``kode_indikator`` of the SAKIP scores compared in Gambar 0.2.
KODE_SAKIP_OPD = "sakip_opd"


def verdict(nilai_organisasi: object, nilai_pembanding: object) -> str:
    """``lebih tinggi`` / ``lebih rendah`` / ``sama``, compared at the published 2 decimals.

    ``tidak dapat dibandingkan`` when either value is missing.

    Examples
    --------
    >>> verdict(91.2, 89.7), verdict(70, 75), verdict(83.784, 83.78)
    ('lebih tinggi', 'lebih rendah', 'sama')
    >>> verdict(None, 80.0)
    'tidak dapat dibandingkan'
    """
    if pd.isna(nilai_organisasi) or pd.isna(nilai_pembanding):
        return "tidak dapat dibandingkan"
    ours, theirs = round_half_up(nilai_organisasi), round_half_up(nilai_pembanding)
    if ours > theirs:
        return "lebih tinggi"
    if ours < theirs:
        return "lebih rendah"
    return "sama"


def bandingkan(capaian: pd.DataFrame, pembanding: pd.DataFrame, config: Config) -> pd.DataFrame:
    """Each indicator of the current agreement against the province's figure in the report year.

    The organisation's value is the indicator's realisasi (from the ``capaian`` table); the
    comparison value is the ``pembanding`` row of the same year and ``kode_indikator`` whose
    entitas is ``config.provinsi``. ``selisih`` = organisasi − pembanding (NA when either is
    missing, and then the verdict is ``tidak dapat dibandingkan``).

    Returns
    -------
    DataFrame
        ``pembanding_hasil``, one row per indicator of the agreement.

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
    dokumen = config.dokumen_terkini
    ours = capaian[(capaian["dokumen"] == dokumen) & (capaian["tahun"] == config.tahun)]
    if ours.empty:
        return empty("pembanding_hasil")
    theirs = pembanding[(pembanding["tahun"] == config.tahun) & (pembanding["entitas"] == config.provinsi)]
    theirs = theirs.drop_duplicates(subset=["kode_indikator"], keep="first")
    nilai = dict(zip(theirs["kode_indikator"], pd.to_numeric(theirs["nilai"], errors="coerce"), strict=True))
    rows = []
    for row in ours.itertuples(index=False):
        other = nilai.get(row.kode_indikator, float("nan"))
        rows.append(
            {
                "tahun": row.tahun,
                "kode_indikator": row.kode_indikator,
                "indikator": row.indikator,
                "nilai_organisasi": row.realisasi,
                "entitas_pembanding": config.provinsi,
                "nilai_pembanding": other,
                "selisih": row.realisasi - other,
                "verdict": verdict(row.realisasi, other),
            }
        )
    return shaped(pd.DataFrame(rows), "pembanding_hasil")


def sakip_pembanding(pembanding: pd.DataFrame, config: Config) -> pd.DataFrame:
    """SAKIP scores of the Sekretariat Daerah, Kabupaten and Provinsi in the report year, with predikat.

    Rows of ``pembanding`` with ``kode_indikator`` = ``sakip_opd``; a score not available gives
    NA nilai and predikat (the chart shows it as missing, never as 0).

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
    rows = pembanding[
        (pembanding["kode_indikator"] == KODE_SAKIP_OPD) & (pembanding["tahun"] == config.tahun)
    ]
    if rows.empty:
        return empty("sakip_pembanding")
    nilai = pd.to_numeric(rows["nilai"], errors="coerce").astype("float64")
    out = rows.assign(nilai=nilai, predikat=[predikat_sakip(v, config)[0] for v in nilai])
    return shaped(out, "sakip_pembanding")
