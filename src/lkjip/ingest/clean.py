"""The clean tables' shapes, so that a source the office does not have acts as an empty table."""

from __future__ import annotations

import pandas as pd

from lkjip.core.config import Config

_SOURCE = ["berkas", "sheet", "baris"]

#: Columns of the clean tables the engine reads, so that an absent table acts as an empty one.
CLEAN_COLUMNS: dict[str, list[str]] = {
    "anggaran": [
        "tahun", "kode", "kode_kegiatan", "kegiatan", "uraian", "anggaran", "realisasi", "persen_tercetak",
        *_SOURCE,
    ],
    "anggaran_riwayat": ["tahun", "anggaran", "realisasi", "persen_tercetak", *_SOURCE],
    "anggaran_sasaran_tercetak": [
        "dokumen", "no_sasaran", "sasaran", "alokasi_tercetak", "realisasi_tercetak", "capaian_tercetak",
        *_SOURCE,
    ],
    "peta_sasaran_anggaran": ["dokumen", "no_sasaran", "kode", *_SOURCE],
    "skm_responden": [
        "tahun", "kode_unit", "unit", "responden", "tanggal", "jenis_kelamin", "umur", "pendidikan",
        "pekerjaan", "jenis_layanan", "saran", *_SOURCE,
    ],
    "skm_unit": ["tahun", "kode_unit", "unit", "populasi", *_SOURCE],
    "skm_unit_riwayat": ["tahun", "kode_unit", "unit", "jumlah_responden", "ikm", "mutu_tercetak", *_SOURCE],
    "sakip_pd": ["tahun", "kode_pd", "perangkat_daerah", "nilai", "predikat_tercetak", *_SOURCE],
    "kelembagaan_pd": [
        "tahun", "kode_pd", "perangkat_daerah", "total_tercetak", "kategori_tercetak", *_SOURCE,
    ],
    "kelembagaan_pemda": ["tahun", "dimensi", "sub_dimensi", "bobot", "nilai", *_SOURCE],
    "perjanjian_kinerja": [
        "dokumen", "periode", "jenis", "no_sasaran", "sasaran", "kode_indikator", "indikator", "satuan",
        "polaritas", "tahun", "target", "realisasi", "capaian_tercetak", "sumber_realisasi", *_SOURCE,
    ],
    "pembanding": ["tahun", "kode_indikator", "indikator", "entitas", "nilai", "keterangan", *_SOURCE],
}  # fmt: skip

def clean_table(clean: dict[str, pd.DataFrame], name: str, config: Config) -> pd.DataFrame:
    """The clean table ``name``, or an empty frame with its columns when the input lacks it.

    The empty ``skm_responden`` and ``kelembagaan_pd`` also get the unsur and V01.. columns the
    configuration names, so that the computations see the shape they expect.
    """
    if name in clean and clean[name] is not None:
        return clean[name]
    columns = list(CLEAN_COLUMNS[name])
    if name == "skm_responden":
        columns += [u.kolom for u in config.skm.unsur]
    if name == "kelembagaan_pd":
        columns += [f"V{i:02d}" for i in range(1, config.kematangan.jumlah_variabel + 1)]
    return pd.DataFrame({c: pd.Series(dtype="Int64" if c == "tahun" else "object") for c in columns})
