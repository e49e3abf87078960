"""Data contracts of the SKM tables: respondents, units surveyed, and per-unit IKM history.

The answer columns of ``skm_responden`` keep the export's headers (``U1`` .. ``U9`` by
default) and the configuration maps them to unsur, so that contract is built from the
configured column names by :func:`responden_schema`.

The reader checks the row-level rules itself, vectorised, so that it can locate and explain
each bad cell; it then validates the clean table against the full contract here as a safety
net. ``row_checks=False`` gives the cheap variant (columns, dtypes, nullability) for callers
that have already checked the values.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

#: Answer scale of every unsur (PermenPANRB 14/2017).
SKALA_MIN, SKALA_MAX = 1, 4
#: Plausible respondent ages; outside it the cell is a typing error.
UMUR_MIN, UMUR_MAX = 10, 110
JENIS_KELAMIN = ("L", "P")
MUTU = ("A", "B", "C", "D")
KEY_RESPONDEN = ["tahun", "kode_unit", "responden"]
KEY_UNIT = ["tahun", "kode_unit"]

#: Column order of ``skm_responden`` before and after the answer columns.
RESPONDEN_AWAL = [
    "berkas", "sheet", "baris", "tahun", "kode_unit", "unit", "responden", "tanggal",
    "jenis_kelamin", "umur", "pendidikan", "pekerjaan", "jenis_layanan",
]
RESPONDEN_AKHIR = ["saran"]
UNIT_COLUMNS = ["berkas", "sheet", "baris", "tahun", "kode_unit", "unit", "populasi"]
NRR_TERCETAK_COLUMNS = [
    "berkas", "sheet", "baris", "tahun", "kode_unit", "unit", "besaran", "unsur", "nilai_tercetak",
    "desimal_tercetak", "kolom",
]
#: The printed figures of the e-SKM "Format Permenpan" sheet below its respondents.
BESARAN_TERCETAK = ("jumlah", "nrr", "nrr_tertimbang", "nrr_tertimbang_total", "ikm")
RIWAYAT_COLUMNS = [
    "berkas", "sheet", "baris", "tahun", "kode_unit", "unit", "jumlah_responden", "ikm",
    "mutu_tercetak",
]


def responden_columns(kolom: Sequence[str]) -> list[str]:
    """Every column of ``skm_responden``, in order, for the answer columns ``kolom``."""
    return [*RESPONDEN_AWAL, *kolom, *RESPONDEN_AKHIR]


def _source_columns() -> dict[str, pa.Column]:
    return {
        "berkas": pa.Column(pd.StringDtype(), nullable=False),
        "sheet": pa.Column(pd.StringDtype(), nullable=False),
        "baris": pa.Column(pd.Int64Dtype(), pa.Check.ge(1), nullable=False),
    }


def responden_schema(kolom: Sequence[str], *, row_checks: bool = True) -> pa.DataFrameSchema:
    """The contract of ``skm_responden`` with answer columns named ``kolom``.

    Built once per set of answer columns (a reader validates one table per file).

    Parameters
    ----------
    kolom : sequence of str
        Export headers of the nine answer columns (``config.skm.unsur[i].kolom``).
    row_checks : bool
        With ``False`` only columns, dtypes and nullability are checked: the element-wise
        checks are then the caller's (see the module docstring).

    Returns
    -------
    pandera.DataFrameSchema
    """
    return _responden_schema(tuple(kolom), row_checks)


@lru_cache(maxsize=8)
def _responden_schema(kolom: tuple[str, ...], row_checks: bool) -> pa.DataFrameSchema:
    def checks(*items: pa.Check) -> list[pa.Check]:
        return list(items) if row_checks else []

    answers = {
        k: pa.Column(
            pd.Int64Dtype(), checks(pa.Check.in_range(SKALA_MIN, SKALA_MAX)), nullable=True
        )
        for k in kolom
    }
    columns = {
        **_source_columns(),
        "tahun": pa.Column(pd.Int64Dtype(), checks(pa.Check.in_range(2000, 2100)), nullable=False),
        "kode_unit": pa.Column(pd.StringDtype(), checks(pa.Check.str_length(min_value=1)), nullable=False),
        "unit": pa.Column(pd.StringDtype(), nullable=True),
        "responden": pa.Column(pd.Int64Dtype(), checks(pa.Check.ge(1)), nullable=False),
        "tanggal": pa.Column("datetime64[ns]", nullable=True),
        "jenis_kelamin": pa.Column(pd.StringDtype(), checks(pa.Check.isin(JENIS_KELAMIN)), nullable=True),
        "umur": pa.Column(pd.Int64Dtype(), checks(pa.Check.in_range(UMUR_MIN, UMUR_MAX)), nullable=True),
        "pendidikan": pa.Column(pd.StringDtype(), nullable=True),
        "pekerjaan": pa.Column(pd.StringDtype(), nullable=True),
        "jenis_layanan": pa.Column(pd.StringDtype(), nullable=True),
        **answers,
        "saran": pa.Column(pd.StringDtype(), nullable=True),
    }
    return pa.DataFrameSchema(
        columns,
        strict=True,
        ordered=True,
        unique=KEY_RESPONDEN if row_checks else None,
        name="skm_responden",
        description="Jawaban Survei Kepuasan Masyarakat per responden, tanpa data pribadi.",
    )


class _Sumber(pa.DataFrameModel):
    """The source columns every clean table carries."""

    berkas: Series[pd.StringDtype] = pa.Field(nullable=False)
    sheet: Series[pd.StringDtype] = pa.Field(nullable=False)
    baris: Series[pd.Int64Dtype] = pa.Field(nullable=False, ge=1)


class SkmUnit(_Sumber):
    """``skm_unit``: units surveyed in the year, with the population for Krejcie–Morgan."""

    tahun: Series[pd.Int64Dtype] = pa.Field(nullable=False, ge=2000, le=2100)
    kode_unit: Series[pd.StringDtype] = pa.Field(nullable=False, str_length={"min_value": 1})
    unit: Series[pd.StringDtype] = pa.Field(nullable=True)
    populasi: Series[pd.Int64Dtype] = pa.Field(nullable=True, ge=1)

    class Config:
        description = "Unit layanan yang disurvei per tahun, dengan populasi untuk sampel Krejcie–Morgan."
        strict = True
        ordered = True
        unique = KEY_UNIT


class SkmNrrTercetak(_Sumber):
    """``skm_nrr_tercetak``: the figures an e-SKM "Format Permenpan" sheet prints below its respondents."""

    tahun: Series[pd.Int64Dtype] = pa.Field(nullable=False, ge=2000, le=2100)
    kode_unit: Series[pd.StringDtype] = pa.Field(nullable=False, str_length={"min_value": 1})
    unit: Series[pd.StringDtype] = pa.Field(nullable=True)
    besaran: Series[pd.StringDtype] = pa.Field(nullable=False, isin=BESARAN_TERCETAK)
    unsur: Series[pd.StringDtype] = pa.Field(nullable=True)
    nilai_tercetak: Series[float] = pa.Field(nullable=False)
    desimal_tercetak: Series[pd.Int64Dtype] = pa.Field(nullable=True, ge=0, le=10)
    kolom: Series[pd.StringDtype] = pa.Field(nullable=True)

    class Config:
        description = (
            "Angka tercetak sheet 'Format Permenpan' e-SKM di bawah respondennya (jumlah nilai, NRR, NRR "
            "tertimbang per unsur, IKM unit), diperiksa reviu terhadap hasil hitung."
        )
        strict = True
        ordered = True


class SkmUnitRiwayat(_Sumber):
    """``skm_unit_riwayat``: per-unit IKM of earlier years as the office summarised them."""

    tahun: Series[pd.Int64Dtype] = pa.Field(nullable=False, ge=2000, le=2100)
    kode_unit: Series[pd.StringDtype] = pa.Field(nullable=False, str_length={"min_value": 1})
    unit: Series[pd.StringDtype] = pa.Field(nullable=False)
    jumlah_responden: Series[pd.Int64Dtype] = pa.Field(nullable=True, ge=0)
    ikm: Series[float] = pa.Field(nullable=False, ge=25, le=100)
    mutu_tercetak: Series[pd.StringDtype] = pa.Field(nullable=True, isin=MUTU)

    class Config:
        description = "IKM per unit pada tahun-tahun sebelumnya seperti direkap kantor (angka diketik)."
        strict = True
        ordered = True
        unique = KEY_UNIT


def units_not_listed(skm_responden: pd.DataFrame, skm_unit: pd.DataFrame) -> pd.DataFrame:
    """Year × unit pairs that have respondents but no row in ``skm_unit`` (should be none).

    Returns
    -------
    DataFrame
        Columns ``tahun`` and ``kode_unit``; empty when every unit is listed.
    """
    surveyed = skm_responden[KEY_UNIT].drop_duplicates()
    listed = skm_unit[KEY_UNIT].drop_duplicates().assign(_listed=True)
    merged = surveyed.merge(listed, on=KEY_UNIT, how="left")
    return merged.loc[merged["_listed"].isna(), KEY_UNIT].reset_index(drop=True)
