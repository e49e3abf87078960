"""Data contracts of the Perjanjian Kinerja workbook: agreements, indicator narratives, cascade."""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

#: Where an indicator's realisasi comes from: typed by the office (``manual``) or computed by
#: the engine from another source. The keys are fixed by the data contract.
SUMBER_REALISASI = (
    "manual",
    "skm_unit_minimal_baik",
    "kematangan_minimal_tinggi",
    "sakip_pd_minimal_baik",
    "sakip_rata_rata",
    "efektivitas_kelembagaan",
    "ikm_pemda",
    "persen_realisasi_anggaran",
)

#: Kinds of indicator in an agreement: the agreement's own, or "kinerja lainnya".
JENIS = ("utama", "lainnya")

POLARITAS = ("positif", "negatif")

#: Levels of the strategic cascade (Tabel II.1), from the top.
TINGKAT = ("Tujuan", "Sasaran", "Program", "Kegiatan", "Sub Kegiatan")

#: Indicator codes such as ``PK-1``, ``KL-3``, ``PKP-2``.
KODE_INDIKATOR_PATTERN = r"^[A-Z]+-\d+$"
PERIODE_PATTERN = r"^\d{4}-\d{4}$"


class _Sumber(pa.DataFrameModel):
    """The source columns every clean table carries."""

    berkas: Series[pd.StringDtype] = pa.Field(nullable=False)
    sheet: Series[pd.StringDtype] = pa.Field(nullable=False)
    baris: Series[pd.Int64Dtype] = pa.Field(nullable=False, ge=1)


class PerjanjianKinerja(_Sumber):
    """``perjanjian_kinerja``: one row per agreement × indicator × year."""

    dokumen: Series[pd.StringDtype] = pa.Field(nullable=False)
    periode: Series[pd.StringDtype] = pa.Field(nullable=False, str_matches=PERIODE_PATTERN)
    jenis: Series[pd.StringDtype] = pa.Field(nullable=False, isin=JENIS)
    no_sasaran: Series[pd.Int64Dtype] = pa.Field(nullable=True, ge=1)
    sasaran: Series[pd.StringDtype] = pa.Field(nullable=False)
    kode_indikator: Series[pd.StringDtype] = pa.Field(
        nullable=False, str_matches=KODE_INDIKATOR_PATTERN
    )
    indikator: Series[pd.StringDtype] = pa.Field(nullable=False)
    satuan: Series[pd.StringDtype] = pa.Field(nullable=True)
    polaritas: Series[pd.StringDtype] = pa.Field(nullable=False, isin=POLARITAS)
    tahun: Series[pd.Int64Dtype] = pa.Field(nullable=False, ge=2000, le=2100)
    target: Series[float] = pa.Field(nullable=True)
    realisasi: Series[float] = pa.Field(nullable=True)
    desimal_realisasi: Series[pd.Int64Dtype] = pa.Field(ge=0, le=10, nullable=True)
    capaian_tercetak: Series[float] = pa.Field(nullable=True)
    desimal_tercetak: Series[pd.Int64Dtype] = pa.Field(ge=0, le=10, nullable=True)
    sumber_realisasi: Series[pd.StringDtype] = pa.Field(nullable=False, isin=SUMBER_REALISASI)

    class Config:
        description = "Indikator Perjanjian Kinerja per dokumen dan tahun, dengan target dan realisasinya."
        strict = True
        unique = ("dokumen", "kode_indikator", "tahun")


class NarasiIndikator(_Sumber):
    """``narasi_indikator``: the office's own text per indicator, items separated by newlines."""

    dokumen: Series[pd.StringDtype] = pa.Field(nullable=False)
    kode_indikator: Series[pd.StringDtype] = pa.Field(
        nullable=False, str_matches=KODE_INDIKATOR_PATTERN
    )
    formulasi: Series[pd.StringDtype] = pa.Field(nullable=True)
    penjelasan: Series[pd.StringDtype] = pa.Field(nullable=True)
    sumber_data: Series[pd.StringDtype] = pa.Field(nullable=True)
    upaya: Series[pd.StringDtype] = pa.Field(nullable=True)
    kendala: Series[pd.StringDtype] = pa.Field(nullable=True)
    solusi: Series[pd.StringDtype] = pa.Field(nullable=True)

    class Config:
        description = "Teks kantor per indikator: formulasi, penjelasan, sumber data, upaya, kendala, solusi."
        strict = True
        unique = ("dokumen", "kode_indikator")


class Penjenjangan(_Sumber):
    """``penjenjangan``: the strategic cascade (Tabel II.1.A/B), targets kept as printed."""

    periode: Series[pd.StringDtype] = pa.Field(nullable=False, str_matches=PERIODE_PATTERN)
    urutan: Series[pd.Int64Dtype] = pa.Field(nullable=False, ge=1)
    tingkat: Series[pd.StringDtype] = pa.Field(nullable=False, isin=TINGKAT)
    uraian: Series[pd.StringDtype] = pa.Field(nullable=False)
    indikator: Series[pd.StringDtype] = pa.Field(nullable=True)
    target: Series[pd.StringDtype] = pa.Field(nullable=True)

    class Config:
        description = "Matriks penjenjangan strategis (Tabel II.1) per periode, target seperti tercetak."
        strict = True
        unique = ("periode", "urutan")


#: Column order of each clean table (source columns last, as in the other readers' output).
COLUMNS = {
    "perjanjian_kinerja": [
        "dokumen", "periode", "jenis", "no_sasaran", "sasaran", "kode_indikator", "indikator",
        "satuan", "polaritas", "tahun", "target", "realisasi", "desimal_realisasi",
        "capaian_tercetak", "desimal_tercetak", "sumber_realisasi", "berkas", "sheet", "baris",
    ],
    "narasi_indikator": [
        "dokumen", "kode_indikator", "formulasi", "penjelasan", "sumber_data", "upaya",
        "kendala", "solusi", "berkas", "sheet", "baris",
    ],
    "penjenjangan": [
        "periode", "urutan", "tingkat", "uraian", "indikator", "target", "berkas", "sheet", "baris",
    ],
}

SCHEMAS = {
    "perjanjian_kinerja": PerjanjianKinerja,
    "narasi_indikator": NarasiIndikator,
    "penjenjangan": Penjenjangan,
}
