"""Data contracts of the evaluation tables: SAKIP, kelembagaan and comparison figures."""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

#: Clean column order of each table (source columns last), as in ``docs/kontrak-data.md``.
SAKIP_PD_COLUMNS = ["tahun", "kode_pd", "perangkat_daerah", "nilai", "predikat_tercetak"]
VARIABEL_KEMATANGAN = [f"V{i:02d}" for i in range(1, 12)]
KELEMBAGAAN_PD_COLUMNS = [
    "tahun",
    "kode_pd",
    "perangkat_daerah",
    *VARIABEL_KEMATANGAN,
    "total_tercetak",
    "kategori_tercetak",
]
KELEMBAGAAN_PEMDA_COLUMNS = ["tahun", "dimensi", "sub_dimensi", "bobot", "nilai"]
PEMBANDING_COLUMNS = ["tahun", "kode_indikator", "indikator", "entitas", "nilai", "keterangan"]

#: The two dimensions of the evaluasi kelembagaan (PermenPANRB 20/2018).
DIMENSI_KELEMBAGAAN = ("Struktur", "Proses")


class _Sumber(pa.DataFrameModel):
    """Source columns every clean table carries."""

    berkas: Series[pd.StringDtype] = pa.Field(nullable=False)
    sheet: Series[pd.StringDtype] = pa.Field(nullable=False)
    baris: Series[int] = pa.Field(ge=1)


class _PerangkatDaerah(_Sumber):
    """The key of a score per perangkat daerah and year."""

    tahun: Series[pd.Int64Dtype] = pa.Field(ge=2000, le=2100, nullable=False)
    kode_pd: Series[pd.StringDtype] = pa.Field(nullable=False, str_length={"min_value": 1})
    perangkat_daerah: Series[pd.StringDtype] = pa.Field(nullable=False, str_length={"min_value": 1})


class SakipPd(_PerangkatDaerah):
    """``sakip_pd``: one SAKIP evaluation score per perangkat daerah and year."""

    # A PD that was not evaluated carries NA, never 0.
    nilai: Series[float] = pa.Field(in_range={"min_value": 0, "max_value": 100}, nullable=True)
    predikat_tercetak: Series[pd.StringDtype] = pa.Field(nullable=True)

    class Config:
        description = "Nilai evaluasi SAKIP per perangkat daerah dan tahun."
        strict = True
        ordered = False
        unique = ("tahun", "kode_pd")


class KelembagaanPd(_PerangkatDaerah):
    """``kelembagaan_pd``: tingkat kematangan, 11 variables scored 1–5, per PD and year."""

    V01: Series[float] = pa.Field(in_range={"min_value": 1, "max_value": 5}, nullable=True)
    V02: Series[float] = pa.Field(in_range={"min_value": 1, "max_value": 5}, nullable=True)
    V03: Series[float] = pa.Field(in_range={"min_value": 1, "max_value": 5}, nullable=True)
    V04: Series[float] = pa.Field(in_range={"min_value": 1, "max_value": 5}, nullable=True)
    V05: Series[float] = pa.Field(in_range={"min_value": 1, "max_value": 5}, nullable=True)
    V06: Series[float] = pa.Field(in_range={"min_value": 1, "max_value": 5}, nullable=True)
    V07: Series[float] = pa.Field(in_range={"min_value": 1, "max_value": 5}, nullable=True)
    V08: Series[float] = pa.Field(in_range={"min_value": 1, "max_value": 5}, nullable=True)
    V09: Series[float] = pa.Field(in_range={"min_value": 1, "max_value": 5}, nullable=True)
    V10: Series[float] = pa.Field(in_range={"min_value": 1, "max_value": 5}, nullable=True)
    V11: Series[float] = pa.Field(in_range={"min_value": 1, "max_value": 5}, nullable=True)
    total_tercetak: Series[float] = pa.Field(in_range={"min_value": 0, "max_value": 55}, nullable=True)
    kategori_tercetak: Series[pd.StringDtype] = pa.Field(nullable=True)

    class Config:
        description = "Skor variabel tingkat kematangan kelembagaan per perangkat daerah dan tahun."
        strict = True
        ordered = False
        unique = ("tahun", "kode_pd")


def variabel_kematangan(jumlah: int = len(VARIABEL_KEMATANGAN)) -> list[str]:
    """Column names of ``jumlah`` kematangan variables (``kematangan.jumlah_variabel``): V01, V02, ..."""
    return [f"V{i:02d}" for i in range(1, jumlah + 1)]


def kolom_kelembagaan_pd(jumlah: int = len(VARIABEL_KEMATANGAN)) -> list[str]:
    """:data:`KELEMBAGAAN_PD_COLUMNS` for ``jumlah`` variables."""
    variabel = variabel_kematangan(jumlah)
    return ["tahun", "kode_pd", "perangkat_daerah", *variabel, "total_tercetak", "kategori_tercetak"]


def skema_kelembagaan_pd(jumlah: int = len(VARIABEL_KEMATANGAN)) -> pa.DataFrameSchema:
    """The ``kelembagaan_pd`` contract for ``jumlah`` variables (the model has the usual 11).

    Every variable is a score 1–5 like V01, and the printed total lies between 0 and 5 × ``jumlah``.
    """
    schema = KelembagaanPd.to_schema()
    template = schema.columns["V01"]
    schema = schema.remove_columns([c for c in VARIABEL_KEMATANGAN if c not in variabel_kematangan(jumlah)])
    extra = {c: template.set_name(c) for c in variabel_kematangan(jumlah) if c not in schema.columns}
    total = schema.columns["total_tercetak"]
    total = total.set_checks([pa.Check.in_range(0, 5 * jumlah)])
    return schema.add_columns(extra).update_column("total_tercetak", checks=total.checks)


class KelembagaanPemda(_Sumber):
    """``kelembagaan_pemda``: evaluasi kelembagaan of the Pemda, one row per sub-dimensi and year."""

    tahun: Series[pd.Int64Dtype] = pa.Field(ge=2000, le=2100, nullable=False)
    dimensi: Series[pd.StringDtype] = pa.Field(isin=list(DIMENSI_KELEMBAGAAN), nullable=False)
    sub_dimensi: Series[pd.StringDtype] = pa.Field(nullable=False, str_length={"min_value": 1})
    bobot: Series[float] = pa.Field(in_range={"min_value": 0, "max_value": 100}, nullable=False)
    nilai: Series[float] = pa.Field(in_range={"min_value": 0, "max_value": 100}, nullable=True)

    class Config:
        description = "Evaluasi kelembagaan Pemda per subdimensi dan tahun (PermenPANRB 20/2018)."
        strict = True
        ordered = False
        unique = ("tahun", "sub_dimensi")


class Pembanding(_Sumber):
    """``pembanding``: comparison figures of other entities (Kabupaten, Provinsi, Setda)."""

    tahun: Series[pd.Int64Dtype] = pa.Field(ge=2000, le=2100, nullable=False)
    kode_indikator: Series[pd.StringDtype] = pa.Field(nullable=False, str_length={"min_value": 1})
    indikator: Series[pd.StringDtype] = pa.Field(nullable=True)
    entitas: Series[pd.StringDtype] = pa.Field(nullable=False, str_length={"min_value": 1})
    # Not available ("-" in Tabel III.3) is NA, never 0.
    nilai: Series[float] = pa.Field(in_range={"min_value": 0, "max_value": 100}, nullable=True)
    keterangan: Series[pd.StringDtype] = pa.Field(nullable=True)

    class Config:
        description = "Angka pembanding entitas lain (mis. Setda, Pemda, Provinsi) per indikator dan tahun."
        strict = True
        ordered = False
        unique = ("tahun", "kode_indikator", "entitas")
