"""Data contracts of the budget tables read from ``realisasi-anggaran.xlsx``."""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

#: Sub-kegiatan code, e.g. ``4.01.01.2.13.0001``.
KODE_SUB_KEGIATAN = r"^\d\.\d{2}\.\d{2}\.\d\.\d{2}\.\d{4}$"
#: Kegiatan code, e.g. ``4.01.01.2.13``.
KODE_KEGIATAN = r"^\d\.\d{2}\.\d{2}\.\d\.\d{2}$"


class _Sumber(pa.DataFrameModel):
    """Source columns: each row traces back to its Excel row."""

    berkas: Series[pd.StringDtype] = pa.Field(nullable=False)
    sheet: Series[pd.StringDtype] = pa.Field(nullable=False)
    baris: Series[int] = pa.Field(ge=1)

    class Config:
        strict = True
        coerce = False


class Anggaran(_Sumber):
    """``anggaran``: one row per sub-kegiatan of the report year."""

    tahun: Series[pd.Int64Dtype] = pa.Field(ge=2000, le=2100, nullable=False)
    kode: Series[pd.StringDtype] = pa.Field(str_matches=KODE_SUB_KEGIATAN, nullable=False)
    kode_kegiatan: Series[pd.StringDtype] = pa.Field(str_matches=KODE_KEGIATAN, nullable=False)
    kegiatan: Series[pd.StringDtype] = pa.Field(nullable=True)
    uraian: Series[pd.StringDtype] = pa.Field(nullable=False, str_length={"min_value": 1})
    anggaran: Series[float] = pa.Field(ge=0, nullable=False)
    realisasi: Series[float] = pa.Field(ge=0, nullable=True)
    persen_tercetak: Series[float] = pa.Field(ge=0, nullable=True)
    desimal_tercetak: Series[pd.Int64Dtype] = pa.Field(ge=0, le=10, nullable=True)

    class Config:
        description = "Anggaran dan realisasi per sub-kegiatan tahun laporan (Laporan Realisasi Anggaran)."
        unique = ("tahun", "kode")


class AnggaranRiwayat(_Sumber):
    """``anggaran_riwayat``: the unit's total budget of an earlier year."""

    tahun: Series[pd.Int64Dtype] = pa.Field(ge=2000, le=2100, nullable=False, unique=True)
    anggaran: Series[float] = pa.Field(ge=0, nullable=False)
    realisasi: Series[float] = pa.Field(ge=0, nullable=True)
    persen_tercetak: Series[float] = pa.Field(ge=0, nullable=True)
    desimal_tercetak: Series[pd.Int64Dtype] = pa.Field(ge=0, le=10, nullable=True)

    class Config:
        description = "Total anggaran dan realisasi unit pada tahun-tahun sebelumnya, seperti direkap kantor."


class AnggaranSasaranTercetak(_Sumber):
    """``anggaran_sasaran_tercetak``: the staff's sasaran/budget table, figures as printed."""

    dokumen: Series[pd.StringDtype] = pa.Field(nullable=False, str_length={"min_value": 1})
    no_sasaran: Series[pd.Int64Dtype] = pa.Field(ge=1, nullable=False)
    sasaran: Series[pd.StringDtype] = pa.Field(nullable=False, str_length={"min_value": 1})
    alokasi_tercetak: Series[float] = pa.Field(ge=0, nullable=True)
    realisasi_tercetak: Series[float] = pa.Field(ge=0, nullable=True)
    capaian_tercetak: Series[float] = pa.Field(ge=0, nullable=True)
    desimal_tercetak: Series[pd.Int64Dtype] = pa.Field(ge=0, le=10, nullable=True)

    class Config:
        description = "Tabel sasaran dan anggaran buatan staf (Tabel III.4.B), angkanya seperti tercetak."
        unique = ("dokumen", "no_sasaran")


class PetaSasaranAnggaran(_Sumber):
    """``peta_sasaran_anggaran``: which sub-kegiatan fund which sasaran."""

    dokumen: Series[pd.StringDtype] = pa.Field(nullable=False)
    no_sasaran: Series[pd.Int64Dtype] = pa.Field(ge=1, nullable=False)
    kode: Series[pd.StringDtype] = pa.Field(str_matches=KODE_SUB_KEGIATAN, nullable=False)

    class Config:
        description = (
            "Pemetaan sub-kegiatan ke sasaran yang didanainya; satu sub-kegiatan boleh mendanai "
            "beberapa sasaran (dihitung penuh pada setiap sasaran)."
        )
        unique = ("dokumen", "no_sasaran", "kode")
