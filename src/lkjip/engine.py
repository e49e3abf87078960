"""The indicator engine: every computed table of the report from the clean tables, in one pure call."""

from __future__ import annotations

import pandas as pd

from lkjip.anggaran import anggaran_per_sasaran, hitung_anggaran, total_anggaran
from lkjip.capaian import hitung_capaian, hitung_tren, realisasi_terhitung, ringkas_capaian
from lkjip.config import Config
from lkjip.ikm import hitung_demografi, hitung_ikm_pemda, hitung_ikm_unit, hitung_ikm_unsur
from lkjip.kelembagaan import hitung_efektivitas, hitung_kematangan, ringkas_kematangan
from lkjip.pembanding import bandingkan, sakip_pembanding
from lkjip.sakip import hitung_sakip_pd, ringkas_sakip
from lkjip.schemas.hasil import validate_hasil

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

#: Names of the tables :func:`compute_all` returns, in computing order.
COMPUTED_TABLES = (
    "ikm_unit",
    "ikm_unsur",
    "ikm_pemda",
    "skm_demografi",
    "sakip_pd_hasil",
    "sakip_ringkas",
    "kematangan_pd",
    "kematangan_ringkas",
    "efektivitas",
    "anggaran_hasil",
    "anggaran_total",
    "capaian",
    "anggaran_sasaran",
    "ringkasan_capaian",
    "tren",
    "pembanding_hasil",
    "sakip_pembanding",
)


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


def compute_all(clean: dict[str, pd.DataFrame], config: Config) -> dict[str, pd.DataFrame]:
    """Compute every table of the report from the clean tables.

    Pure: the inputs are never modified. Each result is checked against its contract in
    :mod:`lkjip.schemas.hasil` (a failure there is a bug in the engine, not in the data).

    Parameters
    ----------
    clean : dict of DataFrame
        Clean tables by name (``docs/kontrak-data.md``); an absent table counts as empty.
    config : Config
        The report configuration (year, thresholds, unsur order, weights).

    Returns
    -------
    dict of DataFrame
        The tables named in :data:`COMPUTED_TABLES`.
    """

    def table(name: str) -> pd.DataFrame:
        return clean_table(clean, name, config)

    out: dict[str, pd.DataFrame] = {}
    responden, unit = table("skm_responden"), table("skm_unit")
    out["ikm_unit"] = hitung_ikm_unit(responden, unit, config)
    out["ikm_unsur"] = hitung_ikm_unsur(responden, unit, config)
    out["ikm_pemda"] = hitung_ikm_pemda(out["ikm_unit"], table("skm_unit_riwayat"), config)
    out["skm_demografi"] = hitung_demografi(responden)

    out["sakip_pd_hasil"] = hitung_sakip_pd(table("sakip_pd"), config)
    out["sakip_ringkas"] = ringkas_sakip(out["sakip_pd_hasil"])
    out["kematangan_pd"] = hitung_kematangan(table("kelembagaan_pd"), config)
    out["kematangan_ringkas"] = ringkas_kematangan(out["kematangan_pd"])
    out["efektivitas"] = hitung_efektivitas(table("kelembagaan_pemda"), config)

    out["anggaran_hasil"] = hitung_anggaran(table("anggaran"))
    out["anggaran_total"] = total_anggaran(table("anggaran"), table("anggaran_riwayat"))

    out["capaian"] = hitung_capaian(table("perjanjian_kinerja"), realisasi_terhitung(out))
    out["anggaran_sasaran"] = anggaran_per_sasaran(
        out["anggaran_hasil"],
        table("peta_sasaran_anggaran"),
        table("anggaran_sasaran_tercetak"),
        out["capaian"],
        config,
    )
    out["ringkasan_capaian"] = ringkas_capaian(out["capaian"], out["anggaran_total"])
    out["tren"] = hitung_tren(out["capaian"], config)
    out["pembanding_hasil"] = bandingkan(out["capaian"], table("pembanding"), config)
    out["sakip_pembanding"] = sakip_pembanding(table("pembanding"), config)
    return {name: validate_hasil(out[name], name) for name in COMPUTED_TABLES}
