"""Contracts of the computed tables (engine and reviu): column order, dtypes and pandera checks."""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa

_SOURCE = {"berkas": "string", "sheet": "string", "baris": "Int64"}

#: Every computed table: its columns in order and their pandas dtypes.
COLUMNS: dict[str, dict[str, str]] = {
    "ikm_unit": {
        "tahun": "Int64",
        "kode_unit": "string",
        "unit": "string",
        "jumlah_responden": "Int64",
        "populasi": "Int64",
        "sampel_minimum": "Int64",
        "sampel_cukup": "boolean",  # NA when the population is unknown
        "ikm": "float64",
        "ikm_bulat": "float64",
        "mutu": "string",
        "kinerja": "string",
        "minimal_baik": "bool",
    },
    "ikm_unsur": {
        "tahun": "Int64",
        "kode_unit": "string",
        "unit": "string",
        "unsur": "string",
        "nama_unsur": "string",
        "jumlah_jawaban": "Int64",
        "nrr": "float64",
        "nrr_tertimbang": "float64",
        "ikm_unsur": "float64",
    },
    "ikm_pemda": {
        "tahun": "Int64",
        "jumlah_unit": "Int64",
        "ikm": "float64",
        "ikm_bulat": "float64",
        "mutu": "string",
        "kinerja": "string",
        "unit_minimal_baik": "Int64",
        "sumber": "string",
    },
    "skm_demografi": {
        "tahun": "Int64",
        "kode_unit": "string",
        "variabel": "string",
        "kelompok": "string",
        "jumlah": "Int64",
        "persen": "float64",
    },
    "sakip_pd_hasil": {
        "tahun": "Int64",
        "kode_pd": "string",
        "perangkat_daerah": "string",
        "nilai": "float64",
        "predikat_tercetak": "string",
        "predikat": "string",
        "sebutan": "string",
        "minimal_baik": "bool",
        **_SOURCE,
    },
    "sakip_ringkas": {
        "tahun": "Int64",
        "jumlah_pd": "Int64",
        "rata_rata": "float64",
        "pd_minimal_baik": "Int64",
    },
    "kematangan_pd": {
        "tahun": "Int64",
        "kode_pd": "string",
        "perangkat_daerah": "string",
        "total": "float64",
        "kategori": "string",
        "minimal_tinggi": "bool",
    },
    "kematangan_ringkas": {
        "tahun": "Int64",
        "jumlah_pd": "Int64",
        "pd_minimal_tinggi": "Int64",
        "rata_rata": "float64",
    },
    "efektivitas": {
        "tahun": "Int64",
        "nilai_struktur": "float64",
        "nilai_proses": "float64",
        "nilai": "float64",
        "peringkat": "string",
        "sebutan": "string",
    },
    "anggaran_hasil": {
        "tahun": "Int64",
        "kode": "string",
        "kode_kegiatan": "string",
        "kegiatan": "string",
        "uraian": "string",
        "anggaran": "float64",
        "realisasi": "float64",
        "persen_tercetak": "float64",
        "desimal_tercetak": "Int64",
        "persen": "float64",
        **_SOURCE,
    },
    "anggaran_total": {
        "tahun": "Int64",
        "anggaran": "float64",
        "realisasi": "float64",
        "persen": "float64",
        "sumber": "string",  # rincian (sub-kegiatan rows) or riwayat
    },
    "anggaran_sasaran": {
        "dokumen": "string",
        "no_sasaran": "Int64",
        "sasaran": "string",
        "alokasi": "float64",
        "realisasi": "float64",
        "capaian_anggaran": "float64",
        "capaian_kinerja": "float64",
    },
    "capaian": {
        "dokumen": "string",
        "periode": "string",
        "jenis": "string",
        "no_sasaran": "Int64",
        "sasaran": "string",
        "kode_indikator": "string",
        "indikator": "string",
        "satuan": "string",
        "polaritas": "string",
        "tahun": "Int64",
        "target": "float64",
        "realisasi_tercetak": "float64",
        "desimal_realisasi": "Int64",
        "realisasi": "float64",
        "asal_realisasi": "string",  # hitung / ketik / tidak_ada
        "capaian_tercetak": "float64",
        "desimal_tercetak": "Int64",
        "sumber_realisasi": "string",
        "capaian": "float64",
        "status": "string",
        **_SOURCE,
    },
    "ringkasan_capaian": {
        "dokumen": "string",
        "periode": "string",
        "tahun": "Int64",
        "jenis": "string",
        "jumlah_indikator": "Int64",
        "di_atas": "Int64",
        "tepat": "Int64",
        "di_bawah": "Int64",
        "tidak_terukur": "Int64",
        "rata_rata_capaian": "float64",
        "capaian_anggaran": "float64",
        "efisiensi": "float64",
    },
    "tren": {
        "dokumen": "string",
        "kode_indikator": "string",
        "indikator": "string",
        "tahun": "Int64",
        "target": "float64",
        "realisasi": "float64",
        "capaian": "float64",
        "perubahan": "float64",
    },
    "pembanding_hasil": {
        "tahun": "Int64",
        "kode_indikator": "string",
        "indikator": "string",
        "nilai_organisasi": "float64",
        "entitas_pembanding": "string",
        "nilai_pembanding": "float64",
        "selisih": "float64",
        "verdict": "string",
        "dokumen": "string",  # the agreement whose realisasi is compared (its row in ``capaian``)
        **_SOURCE,  # the cell of the comparison figure in the comparison export
    },
    "sakip_pembanding": {
        "tahun": "Int64",
        "entitas": "string",
        "nilai": "float64",
        "predikat": "string",
        "keterangan": "string",
        **_SOURCE,  # the cell of the comparison export the score was read from
    },
    "reviu": {
        "jenis": "string",
        "berkas": "string",
        "sheet": "string",
        "baris": "Int64",
        "kolom": "string",
        # Text, because a finding may be about a number (84,40) or a category (B); numbers are
        # written the Indonesian way with the precision they were printed/computed with.
        "nilai_tercetak": "string",
        "nilai_hitung": "string",
        "selisih": "float64",
        "toleransi": "float64",
        "penjelasan": "string",
    },
    "letak_kolom": {
        "berkas": "string",
        "sheet": "string",
        "kolom": "string",
        "tahun": "Int64",  # the year of a column that holds one year (Target 2025), else NA
        "letak": "string",
    },
}

#: One line per computed table saying what it holds (Indonesian: it is shown to analysts).
DESKRIPSI: dict[str, str] = {
    "ikm_unit": "IKM per unit layanan dan tahun dari jawaban responden, dengan mutu dan kecukupan sampel.",
    "ikm_unsur": "Nilai rata-rata (NRR) per unsur pelayanan, per unit dan untuk seluruh Pemda (PEMDA).",
    "ikm_pemda": "IKM Pemerintah Daerah per tahun: rata-rata IKM unit (dari responden atau rekap riwayat).",
    "skm_demografi": "Karakteristik responden SKM (jenis kelamin, umur, pendidikan, pekerjaan) per unit.",
    "sakip_pd_hasil": "Nilai SAKIP per perangkat daerah dan tahun, dengan predikat dan status minimal baik.",
    "sakip_ringkas": "Ringkasan SAKIP per tahun: jumlah PD, rata-rata nilai, jumlah PD minimal baik.",
    "kematangan_pd": "Total skor dan kategori tingkat kematangan kelembagaan per perangkat daerah dan tahun.",
    "kematangan_ringkas": "Ringkasan kematangan per tahun: jumlah PD, PD minimal tinggi, rata-rata total.",
    "efektivitas": "Nilai Efektivitas Kelembagaan Pemda per tahun, dengan peringkat komposit.",
    "anggaran_hasil": "Anggaran dan realisasi per sub-kegiatan, dengan persentase realisasi yang dihitung.",
    "anggaran_total": "Total anggaran dan realisasi unit per tahun (rincian atau rekap riwayat).",
    "anggaran_sasaran": "Alokasi dan realisasi anggaran per sasaran tahun laporan, dengan capaian kinerja.",
    "capaian": "Realisasi, capaian dan status setiap indikator Perjanjian Kinerja per tahun.",
    "ringkasan_capaian": "Ringkasan capaian per dokumen dan tahun: jumlah per status, rata-rata, efisiensi.",
    "tren": "Realisasi setiap indikator sepanjang tahun tren, dengan perubahan dari tahun sebelumnya.",
    "pembanding_hasil": "Realisasi indikator setiap tahun dibandingkan dengan angka Provinsi.",
    "sakip_pembanding": "Nilai dan predikat SAKIP organisasi dan entitas pembanding setiap tahun.",
    "reviu": "Temuan reviu: angka tercetak atau diketik yang berbeda dari hasil hitung.",
    "letak_kolom": "Letak kolom ekspor (huruf Excel dan judulnya) tempat setiap kolom tabel bersih dibaca.",
}

#: Values allowed in the coded columns.
STATUS_CAPAIAN = ("di_atas", "tepat", "di_bawah", "tidak_terukur")
ASAL_REALISASI = ("hitung", "ketik", "tidak_ada")
VERDICT = ("lebih tinggi", "lebih rendah", "sama", "tidak dapat dibandingkan")

_CHECKS: dict[str, dict[str, list[pa.Check]]] = {
    "ikm_unit": {
        "ikm": [pa.Check.in_range(24.9, 100)],  # 24,975 is the floor with the 0,111 weight
        "jumlah_responden": [pa.Check.ge(0)],
    },
    "ikm_unsur": {"nrr": [pa.Check.in_range(1, 4)], "jumlah_jawaban": [pa.Check.ge(0)]},
    "ikm_pemda": {"ikm": [pa.Check.in_range(0, 100)], "sumber": [pa.Check.isin(["responden", "riwayat"])]},
    "skm_demografi": {"persen": [pa.Check.in_range(0, 100)], "jumlah": [pa.Check.ge(0)]},
    "anggaran_total": {"sumber": [pa.Check.isin(["rincian", "riwayat"])]},
    "capaian": {
        "status": [pa.Check.isin(list(STATUS_CAPAIAN))],
        "asal_realisasi": [pa.Check.isin(list(ASAL_REALISASI))],
    },
    "ringkasan_capaian": {"jenis": [pa.Check.isin(["utama", "semua"])]},
    "pembanding_hasil": {"verdict": [pa.Check.isin(list(VERDICT))]},
}

_NOT_NULL = {
    "tahun",
    "jenis",
    "dokumen",
    "kode_indikator",
    "status",
    "asal_realisasi",
    "verdict",
    "minimal_baik",
    "minimal_tinggi",
    "penjelasan",
}

_UNIQUE = {
    "ikm_unit": ["tahun", "kode_unit"],
    "ikm_unsur": ["tahun", "kode_unit", "unsur"],
    "ikm_pemda": ["tahun"],
    "sakip_ringkas": ["tahun"],
    "kematangan_ringkas": ["tahun"],
    "efektivitas": ["tahun"],
    "anggaran_total": ["tahun"],
    "capaian": ["dokumen", "kode_indikator", "tahun"],
    "ringkasan_capaian": ["dokumen", "tahun", "jenis"],
    "tren": ["dokumen", "kode_indikator", "tahun"],
}


#: Columns of :data:`_NOT_NULL` that may be empty in one table: (table, column).
_NULLABLE = {("letak_kolom", "tahun")}  # a column that holds no single year


def _schema(name: str) -> pa.DataFrameSchema:
    checks = _CHECKS.get(name, {})
    columns = {
        column: pa.Column(
            dtype,
            checks=checks.get(column, []),
            nullable=column not in _NOT_NULL or (name, column) in _NULLABLE,
        )
        for column, dtype in COLUMNS[name].items()
    }
    return pa.DataFrameSchema(
        columns,
        strict=True,
        ordered=True,
        unique=_UNIQUE.get(name),
        name=name,
        description=DESKRIPSI[name],
    )


#: pandera contract of every computed table, by table name.
SCHEMAS: dict[str, pa.DataFrameSchema] = {name: _schema(name) for name in COLUMNS}


def empty(name: str) -> pd.DataFrame:
    """An empty computed table ``name`` with its columns and dtypes."""
    return pd.DataFrame({c: pd.Series(dtype=d) for c, d in COLUMNS[name].items()})


def shaped(frame: pd.DataFrame, name: str) -> pd.DataFrame:
    """Return ``frame`` with exactly the columns of table ``name``, in order, cast to its dtypes.

    Columns the frame lacks (e.g. the source columns of a hand-made test table) are added as NA
    (``NaN`` in the plain ``float64`` columns, which cannot hold ``pd.NA``).

    Examples
    --------
    >>> t = shaped(pd.DataFrame({"tahun": [2025]}), "sakip_ringkas")
    >>> int(t["tahun"].iloc[0]), bool(t.drop(columns="tahun").isna().all(axis=None))
    (2025, True)
    """
    columns = COLUMNS[name]
    out = frame.reset_index(drop=True)
    flags = [c for c, d in columns.items() if c not in out and d == "bool"]
    if flags:  # a plain bool column has no missing value, and inventing False would be silent
        raise ValueError(f"tabel {name}: kolom {flags} (ya/tidak) wajib ada; tidak dapat diisi NA")
    missing = {
        c: pd.Series(float("nan") if d == "float64" else pd.NA, index=out.index, dtype=d)
        for c, d in columns.items()
        if c not in out
    }
    if missing:
        out = out.assign(**missing)
    return out[list(columns)].astype(columns)


def validate_hasil(frame: pd.DataFrame, name: str) -> pd.DataFrame:
    """Validate a computed table against its contract (lazily: every failure reported at once).

    Raises
    ------
    pandera.errors.SchemaErrors
        When the engine produced a table that breaks the contract (a bug, not a data problem).
    """
    return SCHEMAS[name].validate(frame, lazy=True)
