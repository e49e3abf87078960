"""The analyst's data API: every processed table by name, and tidy views of every figure for every year.

Three lines give the IKM of the Kabupaten against the Provinsi and the SAKIP of every perangkat
daerah over the years::

    from lkjip import data
    data.perbandingan("IKM").pivot(index="tahun", columns="entitas", values="nilai")
    data.sakip_pd().pivot(index="perangkat_daerah", columns="tahun", values="nilai")

:func:`daftar_tabel` lists the tables of ``data/processed`` with a one-line description each (from
the data contracts), :func:`tabel` loads one by name. The views (:data:`TAMPILAN`: :func:`ikm_unit`,
:func:`ikm_unsur`, :func:`ikm_pemda`, :func:`sakip_pd`, :func:`kematangan_pd`,
:func:`anggaran_sub_kegiatan`, :func:`anggaran_total`, :func:`anggaran_sasaran`,
:func:`capaian`, :func:`angka_pembanding`, :func:`perbandingan`) are long frames, one row per
entity × indicator (× measure) × year, for every year the data cover, each value with

- ``nilai``: the number, NaN where there is none (never 0);
- ``asal``: ``hitung`` (computed by lkjip from lower-level data), ``ketik`` (a figure typed in an
  export: a score, an amount, an office's summary of an earlier year, another entity's figure),
  ``ilustratif`` (a stand-in value marked so in the export) or ``tidak_ada`` (no value);
- ``sumber``: the processed table the value was read from (open it with :func:`tabel`);
- ``keterangan``: what the value rests on, or why it is missing.

A view is not the table of the same name: ``data.sakip_pd()`` is one row per PD and year with
``nilai``, ``asal``, ``sumber`` and ``keterangan``, read from the computed table
``sakip_pd_hasil``, while ``data.tabel("sakip_pd")`` is the clean table read from the export, with
its source cells. The data dictionary (``docs/kamus-data.md``) describes both, the views from
:data:`TAMPILAN`.

Views select with parameters that refuse what the data cannot answer, by one rule
(:mod:`lkjip.core.pilihan`): a unit, PD or indicator code in any case and spacing (``'ul-01'`` is
``UL-01``), or a name or a part of one name; a text that fits two indicators is refused with both
(:class:`IndikatorAmbigu`), an unknown one with the closest candidates and the valid values
(:class:`UnitTidakDikenal`, :class:`PerangkatDaerahTidakDikenal`, :class:`IndikatorTidakDikenal`),
a year the view does not hold with the years it does (:class:`TahunTidakAda`).

Every view reads ``data/processed`` of the project (``root``) unless the tables are handed over
in ``tables`` (a mapping of table name to DataFrame); the report's charts do the latter, so that
the analyst and the report see the same numbers. Nothing here writes files or shows anything.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq

from lkjip.core import pilihan
from lkjip.core.config import Config, load_config
from lkjip.core.na import is_na
from lkjip.core.paths import paths
from lkjip.core.pilihan import (
    IndikatorAmbigu,
    IndikatorTidakDikenal,
    KolomTidakAda,
    PerangkatDaerahAmbigu,
    PerangkatDaerahTidakDikenal,
    PilihanAmbigu,
    PilihanTidakDikenal,
    TahunTidakAda,
    UnitAmbigu,
    UnitTidakDikenal,
)
from lkjip.core.rounding import round_half_up
from lkjip.indicators.ikm import KODE_PEMDA, mutu_ikm
from lkjip.katalog import dataset as katalog
from lkjip.katalog import kamus
from lkjip.katalog.arti import arti_kolom
from lkjip.katalog.dataset import PERINTAH_DATA, TabelBelumDibangun, TabelTidakDikenal
from lkjip.katalog.hasil import COLUMNS
from lkjip.katalog.store import DataTidakUtuh

__all__ = [
    "ARTI_ASAL",
    "ASAL",
    "KOLOM",
    "PERINTAH_DATA",
    "TAMPILAN",
    "DataTidakUtuh",
    "IndikatorAmbigu",
    "IndikatorTidakDikenal",
    "Kolom",
    "KolomTidakAda",
    "PerangkatDaerahAmbigu",
    "PerangkatDaerahTidakDikenal",
    "PilihanAmbigu",
    "PilihanTidakDikenal",
    "TabelBelumDibangun",
    "TabelTidakDikenal",
    "TahunTidakAda",
    "Tampilan",
    "UnitAmbigu",
    "UnitTidakDikenal",
    "anggaran_sasaran",
    "anggaran_sub_kegiatan",
    "anggaran_total",
    "angka_pembanding",
    "capaian",
    "daftar_tabel",
    "ikm_pemda",
    "ikm_unit",
    "ikm_unsur",
    "kematangan_pd",
    "nama_tabel",
    "perbandingan",
    "ringkas_tren",
    "sakip_pd",
    "sumber_ada",
    "tabel",
    "tabel_sumber_absen",
]

#: Where a value of a view comes from (column ``asal``), and what each word means.
ARTI_ASAL = {
    "hitung": "dihitung lkjip dari data rinci (mis. indeks dari jawaban responden, persen dari anggaran)",
    "ketik": (
        "angka yang diketik di ekspor: nilai evaluasi, jumlah uang, rekap kantor untuk tahun sebelumnya, "
        "angka entitas lain"
    ),
    "ilustratif": "angka contoh yang ditandai ilustratif di sumbernya: jangan dipakai untuk kesimpulan",
    "tidak_ada": "tidak ada nilai (`nilai` kosong, tidak pernah 0); `keterangan` menyebut sebabnya",
}
ASAL = tuple(ARTI_ASAL)

#: Why an indicator's realisasi can be missing, by ``sumber_realisasi``: the input that lacks the
#: year (clean tables in brackets, see ``docs/kamus-data.md``).
DATA_REALISASI = {
    "manual": "realisasi tidak diisi di Perjanjian Kinerja (perjanjian_kinerja)",
    "skm_unit_minimal_baik": "tidak ada data SKM (skm_responden, skm_unit_riwayat)",
    "ikm_pemda": "tidak ada data SKM (skm_responden, skm_unit_riwayat)",
    "kematangan_minimal_tinggi": "tidak ada penilaian kematangan kelembagaan (kelembagaan_pd)",
    "sakip_pd_minimal_baik": "tidak ada nilai SAKIP perangkat daerah (sakip_pd)",
    "sakip_rata_rata": "tidak ada nilai SAKIP perangkat daerah (sakip_pd)",
    "efektivitas_kelembagaan": "tidak ada evaluasi kelembagaan Pemda (kelembagaan_pemda)",
    "persen_realisasi_anggaran": "tidak ada realisasi anggaran (anggaran, anggaran_riwayat)",
}

Tables = Mapping[str, pd.DataFrame]
Tahun = int | Iterable[int] | None


# --------------------------------------------------------------------------- declarations


@dataclass(frozen=True)
class Kolom:
    """One column of a view, as the data dictionary describes it.

    Attributes
    ----------
    tipe : str
        pandas dtype.
    arti : str
        Meaning, in Indonesian.
    satuan : str, optional
        Unit (``"Rp"``, ``"%"``, ``"indeks 25–100"``).
    nilai : tuple of str
        The values it takes, when they are a closed list (``asal``, ``ukuran``).
    dari : str, optional
        The processed table's column it is read from (``"sakip_pd_hasil.nilai"``).
    """

    tipe: str
    arti: str
    satuan: str | None = None
    nilai: tuple[str, ...] = ()
    dari: str | None = None


@dataclass(frozen=True)
class Tampilan:
    """One view of this module: what a row is, the tables it reads, how it selects, its columns.

    Attributes
    ----------
    nama : str
        The function's name (``data.<nama>()``).
    isi : str
        What it holds, one line (Indonesian).
    baris : str
        What one row is.
    tabel : tuple of str
        The processed tables it reads (the values of its ``sumber`` column among them).
    butuh : tuple of str
        The tables it shows values of: every one of them empty (their source absent), the view
        is empty, and a report page about the office's data leaves it out.
    pilihan : tuple of str
        Its parameters that select rows (each refused when the data do not hold the value).
    kolom : dict of Kolom
        Its columns, in order.
    """

    nama: str
    isi: str
    baris: str
    tabel: tuple[str, ...]
    butuh: tuple[str, ...]
    pilihan: tuple[str, ...]
    kolom: dict[str, Kolom] = field(repr=False)


def _dari(table: str, *columns: str) -> dict[str, Kolom]:
    """``columns`` of the computed table ``table``: its contract dtypes, its dictionary meaning."""
    out = {}
    for column in columns:
        arti = arti_kolom(table, column)
        out[column] = Kolom(
            COLUMNS[table][column],
            arti.arti if arti else "",
            arti.satuan if arti else None,
            dari=f"`{table}.{column}`",
        )
    return out


def _ekor(
    nilai: str, satuan: str | None, asal: Sequence[str], sumber: Sequence[str], dari: str
) -> dict[str, Kolom]:
    """The four columns every view ends with; ``dari`` says where ``nilai`` is read from."""
    arti = f"{nilai} Kosong bila tidak ada nilai, tidak pernah 0."
    return {
        "nilai": Kolom("float64", arti, satuan, dari=dari),
        "asal": Kolom("string", "Dari mana nilai itu (lihat daftar nilai `asal`).", nilai=tuple(asal)),
        "sumber": Kolom(
            "string", "Tabel olahan asal nilai itu; buka dengan `data.tabel(sumber)`.", nilai=tuple(sumber)
        ),
        "keterangan": Kolom("string", "Dasar nilai itu, atau mengapa tidak ada."),
    }


def _teks(arti: str, nilai: Sequence[str] = (), satuan: str | None = None) -> Kolom:
    return Kolom("string", arti, satuan, tuple(nilai))


_TAHUN = Kolom("Int64", "Tahun yang diukur.", "tahun")
_SATUAN = _teks("Satuan `nilai` pada baris itu.", ("Rp", "%"))
_LIHAT_SATUAN = "lihat `satuan`"
_ENTITAS = _teks("Wilayah unit dari `laporan.yml` (`kabupaten`, `kota` atau `provinsi`).")
_HITUNG_TIDAK_ADA = ("hitung", "tidak_ada")

_SASARAN = {
    "tahun": _TAHUN,
    "dokumen": _teks(arti_kolom("capaian", "dokumen").arti),
    "no_sasaran": Kolom("Int64", arti_kolom("capaian", "no_sasaran").arti),
    "sasaran": _teks(arti_kolom("capaian", "sasaran").arti),
}

#: Every view of this module, in the order the dictionary lists them.
TAMPILAN: dict[str, Tampilan] = {
    t.nama: t
    for t in (
        Tampilan(
            "ikm_unit",
            "IKM setiap unit layanan: dihitung dari jawaban responden, atau dari rekap kantor untuk tahun "
            "sebelumnya.",
            "satu baris per unit layanan × tahun",
            ("ikm_unit", "skm_unit_riwayat"),
            ("ikm_unit", "skm_unit_riwayat"),
            ("kode_unit", "tahun"),
            {
                **_dari("ikm_unit", "tahun", "kode_unit", "unit", "jumlah_responden"),
                "sampel_minimum": Kolom(
                    "Int64",
                    "Sampel minimum Krejcie–Morgan; kosong untuk tahun dari rekap kantor.",
                    "responden",
                ),
                "sampel_cukup": Kolom(
                    "boolean",
                    "Apakah responden mencapai sampel minimum; kosong bila populasi tidak diketahui atau "
                    "tahunnya dari rekap kantor.",
                ),
                **_dari("ikm_unit", "mutu"),
                **_ekor(
                    "IKM unit, tanpa pembulatan.",
                    "indeks 25–100",
                    ("hitung", "ketik", "tidak_ada"),
                    ("ikm_unit", "skm_unit_riwayat"),
                    "`ikm_unit.ikm`, `skm_unit_riwayat.ikm`",
                ),
            },
        ),
        Tampilan(
            "ikm_unsur",
            "Nilai rata-rata (NRR) setiap unsur pelayanan per unit dan untuk seluruh Pemda (`PEMDA`).",
            "satu baris per unit × unsur × tahun yang punya data responden",
            ("ikm_unsur",),
            ("ikm_unsur",),
            ("kode_unit", "tahun"),
            {
                **_dari("ikm_unsur", "tahun", "kode_unit", "unit", "unsur", "nama_unsur", "jumlah_jawaban"),
                **_ekor(
                    "NRR unsur = jumlah skor ÷ jumlah jawaban terisi.",
                    "skala 1–4",
                    _HITUNG_TIDAK_ADA,
                    ("ikm_unsur",),
                    "`ikm_unsur.nrr`",
                ),
            },
        ),
        Tampilan(
            "ikm_pemda",
            "IKM Pemerintah Daerah per tahun: rata-rata IKM unitnya, tanpa pembulatan.",
            "satu baris per tahun",
            ("ikm_pemda",),
            ("ikm_pemda",),
            ("tahun",),
            {
                "tahun": _TAHUN,
                "entitas": _ENTITAS,
                **_dari("ikm_pemda", "jumlah_unit", "unit_minimal_baik", "mutu"),
                **_ekor(
                    "IKM Pemerintah Daerah, tanpa pembulatan (laporan mencetaknya 2 desimal).",
                    "indeks 25–100",
                    _HITUNG_TIDAK_ADA,
                    ("ikm_pemda",),
                    "`ikm_pemda.ikm`",
                ),
            },
        ),
        Tampilan(
            "sakip_pd",
            "Nilai dan predikat SAKIP setiap perangkat daerah per tahun evaluasi.",
            "satu baris per perangkat daerah × tahun",
            ("sakip_pd_hasil",),
            ("sakip_pd_hasil",),
            ("kode_pd", "tahun"),
            {
                **_dari("sakip_pd_hasil", "tahun", "kode_pd", "perangkat_daerah", "predikat"),
                **_ekor(
                    "Nilai evaluasi SAKIP.",
                    "skor 0–100",
                    ("ketik", "tidak_ada"),
                    ("sakip_pd_hasil",),
                    "`sakip_pd_hasil.nilai`",
                ),
            },
        ),
        Tampilan(
            "kematangan_pd",
            "Total skor dan kategori tingkat kematangan kelembagaan setiap perangkat daerah per tahun.",
            "satu baris per perangkat daerah × tahun",
            ("kematangan_pd",),
            ("kematangan_pd",),
            ("kode_pd", "tahun"),
            {
                **_dari("kematangan_pd", "tahun", "kode_pd", "perangkat_daerah", "kategori"),
                **_ekor(
                    "Total skor variabel kematangan; kosong bila ada variabel yang kosong.",
                    "skor",
                    _HITUNG_TIDAK_ADA,
                    ("kematangan_pd",),
                    "`kematangan_pd.total`",
                ),
            },
        ),
        Tampilan(
            "anggaran_sub_kegiatan",
            "Anggaran, realisasi dan persen realisasi setiap sub-kegiatan.",
            "satu baris per sub-kegiatan × ukuran × tahun yang punya rincian sub-kegiatan",
            ("anggaran_hasil",),
            ("anggaran_hasil",),
            ("tahun",),
            {
                **_dari("anggaran_hasil", "tahun", "kode", "uraian", "kode_kegiatan", "kegiatan"),
                "ukuran": _teks(
                    "Apa yang diukur: pagu, realisasi, atau persen realisasi.",
                    ("anggaran", "realisasi", "persen"),
                ),
                "satuan": _SATUAN,
                **_ekor(
                    "Jumlah rupiah penuh, atau persen (realisasi ÷ anggaran × 100).",
                    _LIHAT_SATUAN,
                    ("ketik", "hitung", "tidak_ada"),
                    ("anggaran_hasil",),
                    "`anggaran_hasil` (kolom = `ukuran`)",
                ),
            },
        ),
        Tampilan(
            "anggaran_total",
            "Total anggaran, realisasi dan persen realisasi unit per tahun (tren penyerapan).",
            "satu baris per ukuran × tahun",
            ("anggaran_total",),
            ("anggaran_total",),
            ("tahun",),
            {
                "tahun": _TAHUN,
                "ukuran": _teks("Apa yang diukur.", ("anggaran", "realisasi", "persen")),
                "satuan": _SATUAN,
                **_ekor(
                    "Jumlah rupiah penuh, atau persen (realisasi ÷ anggaran × 100).",
                    _LIHAT_SATUAN,
                    ("ketik", "hitung", "tidak_ada"),
                    ("anggaran_total",),
                    "`anggaran_total` (kolom = `ukuran`)",
                ),
            },
        ),
        Tampilan(
            "anggaran_sasaran",
            "Alokasi dan realisasi anggaran setiap sasaran beserta capaian kinerjanya (tahun laporan).",
            "satu baris per sasaran × ukuran, hanya tahun laporan",
            ("anggaran_sasaran",),
            ("anggaran_sasaran",),
            ("tahun",),
            {
                **_SASARAN,
                "ukuran": _teks(
                    "Apa yang diukur.", ("alokasi", "realisasi", "capaian_anggaran", "capaian_kinerja")
                ),
                "satuan": _SATUAN,
                **_ekor(
                    "Jumlah rupiah penuh, atau persen capaian.",
                    _LIHAT_SATUAN,
                    _HITUNG_TIDAK_ADA,
                    ("anggaran_sasaran",),
                    "`anggaran_sasaran` (kolom = `ukuran`)",
                ),
            },
        ),
        Tampilan(
            "capaian",
            "Target, realisasi dan capaian setiap indikator setiap Perjanjian Kinerja.",
            "satu baris per dokumen × indikator × ukuran × tahun",
            ("capaian",),
            ("capaian",),
            ("indikator", "tahun"),
            {
                **_SASARAN,
                "jenis": _teks(arti_kolom("capaian", "jenis").arti, ("utama", "lainnya")),
                "kode_indikator": _teks(arti_kolom("capaian", "kode_indikator").arti),
                "indikator": _teks(arti_kolom("capaian", "indikator").arti),
                "ukuran": _teks("Apa yang diukur.", ("target", "realisasi", "capaian")),
                "satuan": _teks("Satuan indikator seperti tertulis di perjanjian; `%` untuk capaian."),
                **_ekor(
                    "Target, realisasi (satuan indikator) atau capaian (%).",
                    _LIHAT_SATUAN,
                    ("ketik", "hitung", "tidak_ada"),
                    ("capaian",),
                    "`capaian` (kolom = `ukuran`)",
                ),
            },
        ),
        Tampilan(
            "angka_pembanding",
            "Angka entitas pembanding (Provinsi, Sekretariat Daerah, ...) per indikator dan tahun.",
            "satu baris per indikator × entitas × tahun",
            ("pembanding",),
            ("pembanding",),
            ("indikator", "tahun"),
            {
                "tahun": _TAHUN,
                "kode_indikator": _teks(arti_kolom("pembanding", "kode_indikator").arti),
                "indikator": _teks(arti_kolom("pembanding", "indikator").arti),
                "entitas": _teks(arti_kolom("pembanding", "entitas").arti),
                **_ekor(
                    "Angka entitas itu.",
                    "satuan indikator",
                    ("ketik", "ilustratif", "tidak_ada"),
                    ("pembanding",),
                    "`pembanding.nilai`",
                ),
            },
        ),
        Tampilan(
            "perbandingan",
            "Realisasi wilayah unit (seperti tercetak, Tabel III.3) bersama angka entitas pembanding.",
            "satu baris per indikator × entitas × tahun",
            ("pembanding", "capaian"),
            ("pembanding",),
            ("indikator", "tahun"),
            {
                "tahun": _TAHUN,
                "kode_indikator": _teks(arti_kolom("pembanding", "kode_indikator").arti),
                "indikator": _teks(arti_kolom("pembanding", "indikator").arti),
                "entitas": _teks(
                    "Wilayah unit dari `laporan.yml` (realisasinya dari `capaian`) atau entitas pembanding."
                ),
                **_ekor(
                    "Realisasi wilayah unit dibulatkan 2 desimal, atau angka entitas pembanding.",
                    "satuan indikator",
                    ASAL,
                    ("capaian", "pembanding"),
                    "`capaian.realisasi`, `pembanding.nilai`",
                ),
            },
        ),
    )
}

#: Columns and dtypes of every view, in order (from :data:`TAMPILAN`).
KOLOM: dict[str, dict[str, str]] = {n: {c: k.tipe for c, k in t.kolom.items()} for n, t in TAMPILAN.items()}


# --------------------------------------------------------------------------- tables


def _config(config: Config | None, root: Path | None) -> Config:
    return config if config is not None else load_config(paths(root).config)


def sumber_ada(root: Path | None = None) -> frozenset[str]:
    """The sources (exports) the last data step read, from ``data/processed/manifest.json``.

    A manifest written before sources were recorded, or none at all, means every source: the
    report then leaves nothing out.

    Examples
    --------
    >>> import tempfile
    >>> sorted(sumber_ada(Path(tempfile.mkdtemp())))[:3]  # no data step yet: every source
    ['anggaran', 'kelembagaan', 'pembanding']
    """
    return katalog.sumber_dibaca(paths(root).processed)


def daftar_tabel(root: Path | None = None) -> pd.DataFrame:
    """Every table of ``data/processed`` with what it holds and whether it has been built.

    Parameters
    ----------
    root : Path, optional
        Project root; defaults to this checkout (or ``LKJIP_ROOT``).

    Returns
    -------
    DataFrame
        Columns ``tabel``, ``jenis`` (``bersih``, ``hasil``, ``karantina``), ``keterangan``
        (one line, Indonesian, from the table's contract), ``tersedia`` (the file exists) and
        ``jumlah_baris`` (NA when not built).

    Examples
    --------
    >>> daftar = daftar_tabel()
    >>> daftar.set_index("tabel").loc["ikm_pemda", "keterangan"]
    'IKM Pemerintah Daerah per tahun: rata-rata IKM unit (dari responden atau rekap riwayat).'
    >>> list(daftar.columns)
    ['tabel', 'jenis', 'keterangan', 'tersedia', 'jumlah_baris']
    """
    folder = paths(root).processed
    rows = []
    for kontrak in kamus.kontrak_tabel(_config(None, root)).values():
        file = folder / f"{kontrak.nama}.parquet"
        built = file.exists()
        rows.append(
            {
                "tabel": kontrak.nama,
                "jenis": kontrak.jenis,
                "keterangan": kontrak.keterangan,
                "tersedia": built,
                "jumlah_baris": pq.read_metadata(file).num_rows if built else pd.NA,
            }
        )
    return pd.DataFrame(rows).astype(
        {
            "tabel": "string",
            "jenis": "string",
            "keterangan": "string",
            "tersedia": "bool",
            "jumlah_baris": "Int64",
        }
    )


def tabel_sumber_absen(root: Path | None = None) -> frozenset[str]:
    """The processed tables that are empty because the sources they come from are absent.

    The clean tables of every source the last data step did not read and the computed tables
    made only from such sources, as the catalogue declares them (:func:`lkjip.katalog.dataset.absen`).

    Examples
    --------
    >>> import tempfile
    >>> tabel_sumber_absen(Path(tempfile.mkdtemp()))  # no data step yet: every source
    frozenset()
    """
    return katalog.absen(sumber_ada(root))


def nama_tabel() -> list[str]:
    """The names :func:`tabel` accepts, in the data dictionary's order.

    Examples
    --------
    >>> names = nama_tabel()
    >>> names[0], "ikm_pemda" in names, names[-1]
    ('anggaran', True, 'karantina')
    """
    return katalog.nama_tabel()


def tabel(nama: str, root: Path | None = None) -> pd.DataFrame:
    """One table of ``data/processed`` by name, as written by the data step.

    Parameters
    ----------
    nama : str
        A name from :func:`daftar_tabel` (e.g. ``"ikm_pemda"``, ``"capaian"``).
    root : Path, optional
        Project root; defaults to this checkout (or ``LKJIP_ROOT``).

    Returns
    -------
    DataFrame

    Raises
    ------
    TabelTidakDikenal
        For a name no contract knows; the message lists the valid names (closest first).
    TabelBelumDibangun
        When the table has not been built; the message says to run ``python -m lkjip data``.

    Examples
    --------
    >>> tabel("ikm")
    Traceback (most recent call last):
    ...
    lkjip.katalog.dataset.TabelTidakDikenal: Tabel 'ikm' tidak dikenal. Mungkin maksudnya: ikm_unit, ...
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as kosong:
    ...     tabel("ikm_pemda", root=kosong)
    Traceback (most recent call last):
    ...
    lkjip.katalog.dataset.TabelBelumDibangun: Tabel 'ikm_pemda' belum dibangun di ... python -m lkjip data
    """
    return katalog.load(nama, paths(root).processed)


# --------------------------------------------------------------------------- helpers


def _source(tables: Tables | None, root: Path | None) -> Callable[[str], pd.DataFrame]:
    """Where a view reads its tables: the mapping given, strictly, or ``data/processed``."""
    if tables is None:
        return lambda name: tabel(name, root)

    def given(name: str) -> pd.DataFrame:
        if name not in tables:
            raise KeyError(f"tabel '{name}' diperlukan tetapi tidak ada di argumen tables: {sorted(tables)}")
        return tables[name]

    return given


def _col(frame: pd.DataFrame, name: str) -> pd.Series:
    """A column of ``frame``, or NA when a hand-made frame lacks it."""
    return frame[name] if name in frame.columns else pd.Series(pd.NA, index=frame.index, dtype="object")


def _num(values: pd.Series) -> pd.Series:
    return pd.to_numeric(values, errors="coerce").astype("float64")


def _shaped(rows: pd.DataFrame | list[dict], view: str, sort: Sequence[str]) -> pd.DataFrame:
    """``rows`` with exactly the columns of ``view``, in order, in its dtypes, sorted."""
    columns = KOLOM[view]
    frame = pd.DataFrame(rows) if isinstance(rows, list) else rows.reset_index(drop=True)
    for name, dtype in columns.items():
        if name not in frame.columns:
            frame[name] = pd.Series(pd.NA, index=frame.index, dtype=dtype)
    frame = frame[list(columns)]
    # Text columns may arrive as object with None; numbers as object from a hand-made frame.
    frame = frame.astype({c: ("float64" if d == "float64" else d) for c, d in columns.items()})
    if sort:
        frame = frame.sort_values(list(sort), kind="stable")
    return frame.reset_index(drop=True)


def _calon(frame: pd.DataFrame, kode: str, nama: str) -> dict[str, str | None]:
    """Every code of column ``kode`` with its first name in column ``nama``, in the frame's order."""
    out: dict[str, str | None] = {}
    for code, name in zip(frame[kode], _col(frame, nama), strict=True):
        if is_na(code):
            continue
        code = str(code)
        if out.get(code) is None:
            out[code] = None if is_na(name) else str(name)
    return out


def _pilih(
    frame: pd.DataFrame, diminta: str | None, kode: str, nama: str, ragam: pilihan.Ragam, di: str
) -> pd.DataFrame:
    """The rows of the one code ``diminta`` stands for (:func:`lkjip.core.pilihan.pilih_kode`)."""
    if diminta is None:
        return frame
    chosen = pilihan.pilih_kode(diminta, _calon(frame, kode, nama), ragam, di=di)
    return frame[frame[kode].astype("string").eq(chosen).fillna(False).to_numpy()].reset_index(drop=True)


def _pilih_tahun(frame: pd.DataFrame, tahun: Tahun, di: str) -> pd.DataFrame:
    """The rows of the year or years ``tahun`` (:func:`lkjip.core.pilihan.pilih_tahun`)."""
    if tahun is None:
        return frame
    years = _num(frame["tahun"])
    chosen = pilihan.pilih_tahun(tahun, years.dropna().astype(int).unique(), di=di)
    return frame[years.isin(chosen).to_numpy()].reset_index(drop=True)


def _saring(
    view: pd.DataFrame,
    nama: str,
    tahun: Tahun,
    diminta: str | None = None,
    kolom: tuple[str, str] = ("", ""),
    ragam: pilihan.Ragam = pilihan.UNIT,
) -> pd.DataFrame:
    """The rows of view ``nama`` that its selecting parameters ask for: the code, then the years."""
    di = f"data.{nama}()"
    if diminta is not None:
        view = _pilih(view, diminta, *kolom, ragam, di)
        di = f"data.{nama}({diminta!r})"
    return _pilih_tahun(view, tahun, di)


def _asal(values: pd.Series, present: str) -> pd.Series:
    """``present`` where there is a value, ``tidak_ada`` where there is none."""
    return pd.Series([("tidak_ada" if is_na(v) else present) for v in values], index=values.index)


def _valued(
    rows: pd.DataFrame, column: str, present: str, sumber: str, ada: object, kosong: str | None = None
) -> pd.DataFrame:
    """``rows`` with ``nilai`` from ``column``, its ``asal`` (``present`` or ``tidak_ada``), ``sumber``
    and ``keterangan`` (``ada`` for a value, ``kosong`` for none when given)."""
    nilai = _num(_col(rows, column))
    notes = ada if kosong is None else [kosong if is_na(v) else ada for v in nilai]
    return rows.assign(nilai=nilai, asal=_asal(nilai, present).to_numpy(), sumber=sumber, keterangan=notes)


def _long(frame: pd.DataFrame, keys: Sequence[str], measures: Mapping[str, tuple[str, str]]) -> pd.DataFrame:
    """Stack ``measures`` (column -> (satuan, asal when present)) of ``frame`` into rows."""
    parts = []
    for column, (satuan, present) in measures.items():
        values = _num(_col(frame, column))
        part = frame[list(keys)].assign(
            ukuran=column, satuan=satuan, nilai=values, asal=_asal(values, present)
        )
        parts.append(part.reset_index(drop=True))
    return pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=[*keys, "ukuran"])


# --------------------------------------------------------------------------- SKM


def ikm_unit(
    kode_unit: str | None = None,
    *,
    tahun: Tahun = None,
    tables: Tables | None = None,
    config: Config | None = None,
    root: Path | None = None,
) -> pd.DataFrame:
    """IKM of every unit surveyed, for every year: computed where respondents exist, else as summarised.

    A year with respondent data (table ``ikm_unit``) gives computed values (``asal = hitung``);
    a year found only in the office's summary of earlier years (``skm_unit_riwayat``) gives the
    typed IKM (``ketik``), with the mutu worked out from it as for the computed ones. The sample
    columns are NA for summarised years (their population is not known).

    Parameters
    ----------
    kode_unit : str, optional
        Keep one unit: its code in any case and spacing (``"ul-01"`` is ``UL-01``), its name or
        the one name that contains the text (``"PEMDA"`` for the whole Pemda in ``ikm_unsur``).
    tahun : int or iterable of int, optional
        Keep these years (``2025``, ``[2024, 2025]``, ``range(2023, 2026)``); each must be in the view.
    tables : mapping, optional
        ``ikm_unit`` and ``skm_unit_riwayat``; read from ``data/processed`` when omitted.
    config : Config, optional
        For the mutu bands; defaults to the project's ``laporan.yml``.
    root : Path, optional
        Project root.

    Returns
    -------
    DataFrame
        tahun, kode_unit, unit, jumlah_responden, sampel_minimum, sampel_cukup, mutu, nilai
        (the IKM, unrounded), asal, sumber, keterangan; by year and unit code.

    Raises
    ------
    UnitTidakDikenal, UnitAmbigu
        For a unit the view does not hold, or a text that fits two or more units.
    TahunTidakAda
        For a year the view does not hold; the message names the years it does.

    Examples
    --------
    >>> import pandas as pd
    >>> dihitung = pd.DataFrame({"tahun": [2025], "kode_unit": ["UL-01"], "unit": ["Dinas A"],
    ...                          "jumlah_responden": [400], "ikm": [94.142], "mutu": ["A"]})
    >>> riwayat = pd.DataFrame({"tahun": [2024, 2025], "kode_unit": ["UL-01", "UL-01"],
    ...                         "unit": ["Dinas A", "Dinas A"], "ikm": [83.08, 99.0]})
    >>> view = ikm_unit(tables={"ikm_unit": dihitung, "skm_unit_riwayat": riwayat})
    >>> print(view[["tahun", "nilai", "mutu", "asal", "sumber"]].to_string(index=False))
     tahun  nilai mutu  asal           sumber
      2024 83.080    B ketik skm_unit_riwayat
      2025 94.142    A hitung         ikm_unit
    """
    read, config = _source(tables, root), _config(config, root)
    computed, summary = read("ikm_unit"), read("skm_unit_riwayat")
    years = set(_num(computed["tahun"]).dropna().astype(int))
    summary = summary[~_num(summary["tahun"]).isin(years)]
    riwayat = _valued(
        summary, "ikm", "ketik", "skm_unit_riwayat", "rekap IKM unit dari kantor (angka diketik)"
    )
    riwayat = riwayat.assign(mutu=mutu_ikm(riwayat["nilai"], config))
    hitung = _valued(computed, "ikm", "hitung", "ikm_unit", "dihitung dari jawaban responden")
    both = pd.concat([riwayat, hitung], ignore_index=True)
    view = _shaped(both, "ikm_unit", ["tahun", "kode_unit"])
    return _saring(view, "ikm_unit", tahun, kode_unit, ("kode_unit", "unit"), pilihan.UNIT)


def ikm_unsur(
    kode_unit: str | None = None,
    *,
    tahun: Tahun = None,
    tables: Tables | None = None,
    config: Config | None = None,
    root: Path | None = None,
) -> pd.DataFrame:
    """NRR of every unsur pelayanan per unit (and for the whole Pemda, ``PEMDA``) and year.

    Only years with respondent data have unsur values: the office's summary of earlier years
    holds one IKM per unit, not its unsur.

    Parameters
    ----------
    kode_unit : str, optional
        Keep one unit: its code in any case and spacing (``"ul-01"`` is ``UL-01``), its name or
        the one name that contains the text (``"PEMDA"`` for the whole Pemda in ``ikm_unsur``).
    tahun : int or iterable of int, optional
        Keep these years (``2025``, ``[2024, 2025]``, ``range(2023, 2026)``); each must be in the view.
    tables : mapping, optional
        ``ikm_unsur``; read from ``data/processed`` when omitted.
    config, root
        As in :func:`ikm_unit`; the configuration gives the unsur order.

    Returns
    -------
    DataFrame
        tahun, kode_unit, unit, unsur, nama_unsur, jumlah_jawaban, nilai (NRR, 1–4), asal,
        sumber, keterangan; units in code order, the Pemda last, unsur in the configured order.

    Raises
    ------
    UnitTidakDikenal, UnitAmbigu
        For a unit the view does not hold, or a text that fits two or more units.
    TahunTidakAda
        For a year the view does not hold; the message names the years it does.

    Examples
    --------
    >>> import pandas as pd
    >>> nrr = pd.DataFrame({"tahun": [2025, 2025], "kode_unit": ["UL-01", "UL-01"], "unsur": ["U2", "U1"],
    ...                     "nama_unsur": ["Prosedur", "Persyaratan"], "nrr": [3.78, 3.83]})
    >>> view = ikm_unsur("UL-01", tables={"ikm_unsur": nrr})
    >>> print(view[["unsur", "nilai", "asal"]].to_string(index=False))
    unsur  nilai   asal
       U1   3.83 hitung
       U2   3.78 hitung
    >>> ikm_unsur(" ul-01", tables={"ikm_unsur": nrr})["kode_unit"].unique().tolist()
    ['UL-01']
    >>> ikm_unsur("UL-99", tables={"ikm_unsur": nrr})
    Traceback (most recent call last):
    ...
    lkjip.core.pilihan.UnitTidakDikenal: Unit layanan 'UL-99' tidak ada di data.ikm_unsur(). Mungkin
    maksudnya: UL-01. Yang ada (1): UL-01.
    >>> ikm_unsur("UL-01", tahun=2024, tables={"ikm_unsur": nrr})
    Traceback (most recent call last):
    ...
    lkjip.core.pilihan.TahunTidakAda: Tahun 2024 tidak ada di data.ikm_unsur('UL-01'): datanya
    mencakup tahun 2025. Tahun terdekat: 2025.
    """
    read, config = _source(tables, root), _config(config, root)
    rows = read("ikm_unsur")
    order = {u.kode: i for i, u in enumerate(config.skm.unsur)}
    rows = _valued(rows, "nrr", "hitung", "ikm_unsur", "dihitung dari jawaban responden").assign(
        _pemda=rows["kode_unit"].eq(KODE_PEMDA), _urut=rows["unsur"].map(order)
    )
    out = rows.sort_values(["tahun", "_pemda", "kode_unit", "_urut"], kind="stable")
    view = _shaped(out, "ikm_unsur", [])
    return _saring(view, "ikm_unsur", tahun, kode_unit, ("kode_unit", "unit"), pilihan.UNIT)


def ikm_pemda(
    *,
    tahun: Tahun = None,
    tables: Tables | None = None,
    config: Config | None = None,
    root: Path | None = None,
) -> pd.DataFrame:
    """IKM of the Pemerintah Daerah per year: the mean of its units' IKM, as the report uses it.

    The value is unrounded (the report prints it with 2 decimals); ``keterangan`` says whether
    the units' IKM came from respondent data or from the office's summary.

    Parameters
    ----------
    tahun : int or iterable of int, optional
        Keep these years (``2025``, ``[2024, 2025]``, ``range(2023, 2026)``); each must be in the view.
    tables : mapping, optional
        ``ikm_pemda``; read from ``data/processed`` when omitted.
    config, root
        As in :func:`ikm_unit`; ``entitas`` is ``config.wilayah``.

    Returns
    -------
    DataFrame
        tahun, entitas, jumlah_unit, unit_minimal_baik, mutu, nilai, asal, sumber, keterangan.

    Raises
    ------
    TahunTidakAda
        For a year the view does not hold; the message names the years it does.

    Examples
    --------
    >>> import pandas as pd
    >>> pemda = pd.DataFrame({"tahun": [2024, 2025], "ikm": [89.97, 90.869155],
    ...                       "sumber": ["riwayat", "responden"]})
    >>> contoh = load_config().model_copy(update={"kabupaten": "Kabupaten Contoh"})
    >>> view = ikm_pemda(tables={"ikm_pemda": pemda}, config=contoh)
    >>> print(view[["tahun", "entitas", "nilai", "asal"]].to_string(index=False))
     tahun          entitas     nilai   asal
      2024 Kabupaten Contoh 89.970000 hitung
      2025 Kabupaten Contoh 90.869155 hitung
    >>> view["keterangan"].tolist()
    ['rata-rata IKM unit dari rekap kantor (skm_unit_riwayat)', 'rata-rata IKM unit dari jawaban responden']
    """
    read, config = _source(tables, root), _config(config, root)
    rows = read("ikm_pemda")
    basis = {
        "responden": "rata-rata IKM unit dari jawaban responden",
        "riwayat": "rata-rata IKM unit dari rekap kantor (skm_unit_riwayat)",
    }
    notes = _col(rows, "sumber").map(basis).to_numpy()
    out = _valued(rows, "ikm", "hitung", "ikm_pemda", notes).assign(entitas=config.wilayah)
    return _saring(_shaped(out, "ikm_pemda", ["tahun"]), "ikm_pemda", tahun)


# --------------------------------------------------------------------------- SAKIP, kelembagaan


def sakip_pd(
    kode_pd: str | None = None,
    *,
    tahun: Tahun = None,
    tables: Tables | None = None,
    config: Config | None = None,
    root: Path | None = None,
) -> pd.DataFrame:
    """Nilai SAKIP of every perangkat daerah for every year evaluated, with its predikat.

    The scores are the evaluation's results as typed in the export (``asal = ketik``); a PD
    not evaluated has NaN (``tidak_ada``), never 0. The predikat is worked out from the score.
    This view is not the clean table ``sakip_pd`` (``tabel("sakip_pd")``, the export's rows with
    their source cells and printed predikat): it reads the computed table ``sakip_pd_hasil``.

    Parameters
    ----------
    kode_pd : str, optional
        Keep one perangkat daerah: its code in any case and spacing (``"pd-01"``), its name or the
        one name that contains the text (``"Inspektorat"``).
    tahun : int or iterable of int, optional
        Keep these years (``2025``, ``[2024, 2025]``, ``range(2023, 2026)``); each must be in the view.
    tables : mapping, optional
        ``sakip_pd_hasil``; read from ``data/processed`` when omitted.
    config, root
        Project configuration and root (used only to read the tables).

    Returns
    -------
    DataFrame
        tahun, kode_pd, perangkat_daerah, predikat, nilai, asal, sumber, keterangan.

    Raises
    ------
    PerangkatDaerahTidakDikenal, PerangkatDaerahAmbigu
        For a PD the view does not hold, or a text that fits two or more PD.
    TahunTidakAda
        For a year the view does not hold; the message names the years it does.

    Examples
    --------
    >>> import pandas as pd
    >>> hasil = pd.DataFrame({"tahun": [2025, 2024], "kode_pd": ["PD-01", "PD-01"],
    ...                       "perangkat_daerah": ["Sekretariat Daerah"] * 2,
    ...                       "nilai": [86.19, None], "predikat": ["A", None]})
    >>> print(sakip_pd(tables={"sakip_pd_hasil": hasil})[["tahun", "nilai", "predikat", "asal"]]
    ...       .to_string(index=False))
     tahun  nilai predikat      asal
      2024    NaN     <NA> tidak_ada
      2025  86.19        A     ketik
    """
    read = _source(tables, root)
    rows = read("sakip_pd_hasil")
    kosong = "tidak dievaluasi atau nilainya kosong di ekspor"
    out = _valued(rows, "nilai", "ketik", "sakip_pd_hasil", "hasil evaluasi SAKIP", kosong)
    view = _shaped(out, "sakip_pd", ["tahun", "kode_pd"])
    kolom = ("kode_pd", "perangkat_daerah")
    return _saring(view, "sakip_pd", tahun, kode_pd, kolom, pilihan.PERANGKAT_DAERAH)


def kematangan_pd(
    kode_pd: str | None = None,
    *,
    tahun: Tahun = None,
    tables: Tables | None = None,
    config: Config | None = None,
    root: Path | None = None,
) -> pd.DataFrame:
    """Total tingkat kematangan kelembagaan of every perangkat daerah and year, with its kategori.

    The total is computed from the variables' scores (``hitung``); a PD with a missing variable
    has no total (``tidak_ada``): a partial sum would understate its level.

    Parameters
    ----------
    kode_pd : str, optional
        Keep one perangkat daerah: its code in any case and spacing (``"pd-01"``), its name or the
        one name that contains the text (``"Inspektorat"``).
    tahun : int or iterable of int, optional
        Keep these years (``2025``, ``[2024, 2025]``, ``range(2023, 2026)``); each must be in the view.
    tables : mapping, optional
        ``kematangan_pd``; read from ``data/processed`` when omitted.
    config, root
        Project configuration and root (used only to read the tables).

    Returns
    -------
    DataFrame
        tahun, kode_pd, perangkat_daerah, kategori, nilai (total), asal, sumber, keterangan.

    Raises
    ------
    PerangkatDaerahTidakDikenal, PerangkatDaerahAmbigu
        For a PD the view does not hold, or a text that fits two or more PD.
    TahunTidakAda
        For a year the view does not hold; the message names the years it does.

    Examples
    --------
    >>> import pandas as pd
    >>> pd_ = pd.DataFrame({"tahun": [2025, 2025], "kode_pd": ["PD-02", "PD-01"],
    ...                     "perangkat_daerah": ["B", "A"], "total": [None, 45.0],
    ...                     "kategori": [None, "Tinggi"]})
    >>> print(kematangan_pd(tables={"kematangan_pd": pd_})[["kode_pd", "nilai", "kategori", "asal"]]
    ...       .to_string(index=False))
    kode_pd  nilai kategori      asal
      PD-01   45.0   Tinggi    hitung
      PD-02    NaN     <NA> tidak_ada
    """
    read = _source(tables, root)
    rows = read("kematangan_pd")
    ada, kosong = "jumlah skor variabel kematangan", "ada skor variabel yang kosong"
    out = _valued(rows, "total", "hitung", "kematangan_pd", ada, kosong)
    view = _shaped(out, "kematangan_pd", ["tahun", "kode_pd"])
    kolom = ("kode_pd", "perangkat_daerah")
    return _saring(view, "kematangan_pd", tahun, kode_pd, kolom, pilihan.PERANGKAT_DAERAH)


# --------------------------------------------------------------------------- budget


def anggaran_sub_kegiatan(
    *,
    tahun: Tahun = None,
    tables: Tables | None = None,
    config: Config | None = None,
    root: Path | None = None,
) -> pd.DataFrame:
    """Anggaran, realisasi and % realised of every sub-kegiatan, one row per measure and year.

    Amounts are as typed in the budget export (``ketik``); the percentage is computed. Only the
    years with sub-kegiatan detail appear (earlier years hold totals only: :func:`anggaran_total`).

    Parameters
    ----------
    tahun : int or iterable of int, optional
        Keep these years (``2025``, ``[2024, 2025]``, ``range(2023, 2026)``); each must be in the view.
    tables : mapping, optional
        ``anggaran_hasil``; read from ``data/processed`` when omitted.
    config, root
        Project configuration and root (used only to read the tables).

    Returns
    -------
    DataFrame
        tahun, kode, uraian, kode_kegiatan, kegiatan, ukuran (``anggaran``, ``realisasi``,
        ``persen``), satuan (``Rp`` or ``%``), nilai, asal, sumber, keterangan.

    Raises
    ------
    TahunTidakAda
        For a year the view does not hold; the message names the years it does.

    Examples
    --------
    >>> import pandas as pd
    >>> lra = pd.DataFrame({"tahun": [2025], "kode": ["4.01.01.2.13.0001"], "uraian": ["Kelembagaan"],
    ...                     "anggaran": [81_373_500.0], "realisasi": [57_921_700.0], "persen": [71.180052]})
    >>> view = anggaran_sub_kegiatan(tables={"anggaran_hasil": lra})
    >>> print(view[["ukuran", "satuan", "nilai", "asal"]].to_string(index=False))
       ukuran satuan        nilai   asal
     anggaran     Rp 8.137350e+07  ketik
    realisasi     Rp 5.792170e+07  ketik
       persen      % 7.118005e+01 hitung
    """
    read = _source(tables, root)
    rows = read("anggaran_hasil")
    keys = ["tahun", "kode", "uraian", "kode_kegiatan", "kegiatan"]
    rows = rows.assign(**{k: _col(rows, k) for k in keys})
    long = _long(
        rows, keys, {"anggaran": ("Rp", "ketik"), "realisasi": ("Rp", "ketik"), "persen": ("%", "hitung")}
    )
    long = long.assign(
        sumber="anggaran_hasil",
        keterangan=long["ukuran"].map(
            {
                "anggaran": "pagu dari ekspor realisasi anggaran",
                "realisasi": "realisasi dari ekspor realisasi anggaran",
                "persen": "realisasi ÷ anggaran × 100",
            }
        ),
    )
    order = {"anggaran": 0, "realisasi": 1, "persen": 2}
    long = long.assign(_urut=long["ukuran"].map(order)).sort_values(["tahun", "kode", "_urut"], kind="stable")
    return _saring(_shaped(long, "anggaran_sub_kegiatan", []), "anggaran_sub_kegiatan", tahun)


def anggaran_total(
    *,
    tahun: Tahun = None,
    tables: Tables | None = None,
    config: Config | None = None,
    root: Path | None = None,
) -> pd.DataFrame:
    """The unit's total anggaran, realisasi and % realised per year (the budget trend).

    The report year's totals are summed from its sub-kegiatan (``hitung``); earlier years are the
    office's summary (``ketik``). The percentage is always computed from the two amounts.

    Parameters
    ----------
    tahun : int or iterable of int, optional
        Keep these years (``2025``, ``[2024, 2025]``, ``range(2023, 2026)``); each must be in the view.
    tables : mapping, optional
        ``anggaran_total``; read from ``data/processed`` when omitted.
    config, root
        Project configuration and root (used only to read the tables).

    Returns
    -------
    DataFrame
        tahun, ukuran (``anggaran``, ``realisasi``, ``persen``), satuan, nilai, asal, sumber,
        keterangan.

    Raises
    ------
    TahunTidakAda
        For a year the view does not hold; the message names the years it does.

    Examples
    --------
    >>> import pandas as pd
    >>> total = pd.DataFrame({"tahun": [2024, 2025], "anggaran": [774_980_500.0, 796_858_170.0],
    ...                       "realisasi": [746_693_713.0, 683_074_125.0], "persen": [96.35, 85.720916],
    ...                       "sumber": ["riwayat", "rincian"]})
    >>> view = anggaran_total(tables={"anggaran_total": total})
    >>> print(view[view["ukuran"] != "persen"][["tahun", "ukuran", "asal"]].to_string(index=False))
     tahun    ukuran   asal
      2024  anggaran  ketik
      2024 realisasi  ketik
      2025  anggaran hitung
      2025 realisasi hitung
    """
    read = _source(tables, root)
    rows = read("anggaran_total")
    keys = ["tahun", "_basis"]
    rows = rows.assign(_basis=_col(rows, "sumber"))
    long = _long(
        rows, keys, {"anggaran": ("Rp", "ketik"), "realisasi": ("Rp", "ketik"), "persen": ("%", "hitung")}
    )
    summed = long["_basis"].eq("rincian") & long["ukuran"].ne("persen")
    long.loc[summed & long["asal"].eq("ketik"), "asal"] = "hitung"
    basis = {
        "rincian": "jumlah baris sub-kegiatan (anggaran_hasil)",
        "riwayat": "rekap kantor (anggaran_riwayat)",
    }
    long = long.assign(
        sumber="anggaran_total",
        keterangan=[
            "realisasi ÷ anggaran × 100" if u == "persen" else basis.get(b)
            for u, b in zip(long["ukuran"], long["_basis"], strict=True)
        ],
        _urut=long["ukuran"].map({"anggaran": 0, "realisasi": 1, "persen": 2}),
    )
    view = _shaped(long.sort_values(["tahun", "_urut"], kind="stable"), "anggaran_total", [])
    return _saring(view, "anggaran_total", tahun)


def anggaran_sasaran(
    *,
    tahun: Tahun = None,
    tables: Tables | None = None,
    config: Config | None = None,
    root: Path | None = None,
) -> pd.DataFrame:
    """Budget of each sasaran in the report year next to its capaian kinerja (Tabel III.4.B).

    The mapping of sub-kegiatan to sasaran exists for the report year only, so this view has
    one year: ``config.tahun``.

    Parameters
    ----------
    tahun : int or iterable of int, optional
        Keep these years (``2025``, ``[2024, 2025]``, ``range(2023, 2026)``); each must be in the view.
    tables : mapping, optional
        ``anggaran_sasaran``; read from ``data/processed`` when omitted.
    config : Config, optional
        Gives the year; defaults to the project's ``laporan.yml``.
    root : Path, optional

    Returns
    -------
    DataFrame
        tahun, dokumen, no_sasaran, sasaran, ukuran (``alokasi``, ``realisasi``,
        ``capaian_anggaran``, ``capaian_kinerja``), satuan, nilai, asal, sumber, keterangan.

    Raises
    ------
    TahunTidakAda
        For a year the view does not hold; the message names the years it does.

    Examples
    --------
    >>> import pandas as pd
    >>> sasaran = pd.DataFrame({"dokumen": ["PK Perubahan"], "no_sasaran": [2], "sasaran": ["Kelembagaan"],
    ...                         "alokasi": [81_373_500.0], "realisasi": [57_921_700.0],
    ...                         "capaian_anggaran": [71.18], "capaian_kinerja": [100.0]})
    >>> view = anggaran_sasaran(tables={"anggaran_sasaran": sasaran})
    >>> print(view[["tahun", "ukuran", "satuan", "asal"]].to_string(index=False))
     tahun           ukuran satuan   asal
      2025          alokasi     Rp hitung
      2025        realisasi     Rp hitung
      2025 capaian_anggaran      % hitung
      2025  capaian_kinerja      % hitung
    """
    read, config = _source(tables, root), _config(config, root)
    rows = read("anggaran_sasaran")
    keys = ["tahun", "dokumen", "no_sasaran", "sasaran"]
    rows = rows.assign(tahun=config.tahun)
    measures = {
        "alokasi": ("Rp", "hitung"),
        "realisasi": ("Rp", "hitung"),
        "capaian_anggaran": ("%", "hitung"),
        "capaian_kinerja": ("%", "hitung"),
    }
    long = _long(rows, keys, measures)
    notes = {
        "alokasi": "jumlah pagu sub-kegiatan yang dipetakan ke sasaran (peta_sasaran_anggaran)",
        "realisasi": "jumlah realisasi sub-kegiatan yang dipetakan ke sasaran",
        "capaian_anggaran": "realisasi ÷ alokasi × 100",
        "capaian_kinerja": "rata-rata capaian indikator sasaran itu",
    }
    order = {m: i for i, m in enumerate(measures)}
    long = long.assign(
        sumber="anggaran_sasaran",
        keterangan=long["ukuran"].map(notes),
        _urut=long["ukuran"].map(order),
    ).sort_values(["dokumen", "no_sasaran", "_urut"], kind="stable")
    return _saring(_shaped(long, "anggaran_sasaran", []), "anggaran_sasaran", tahun)


# --------------------------------------------------------------------------- capaian, comparisons


def _why_missing(sumber_realisasi: object, tahun: object) -> str:
    reason = DATA_REALISASI.get(str(sumber_realisasi), "tidak ada data")
    return f"{reason} untuk tahun {tahun}"


def capaian(
    indikator: str | None = None,
    *,
    tahun: Tahun = None,
    tables: Tables | None = None,
    config: Config | None = None,
    root: Path | None = None,
) -> pd.DataFrame:
    """Target, realisasi and capaian of every indicator of every agreement, for every year.

    The realisasi carries the engine's ``asal_realisasi``: ``hitung`` (computed from the data
    named by ``sumber_realisasi``), ``ketik`` (typed in the agreement) or ``tidak_ada``; then
    ``keterangan`` says which input lacks the year. Targets are typed; capaian is computed.

    Parameters
    ----------
    indikator : str, optional
        Keep one indicator: its code in any case and spacing (``"pkp-3"``), its name, or the one
        name that contains the text (``"IKM"``); a text that fits two indicators is refused.
    tahun : int or iterable of int, optional
        Keep these years (``2025``, ``[2024, 2025]``, ``range(2023, 2026)``); each must be in the view.
    tables : mapping, optional
        ``capaian``; read from ``data/processed`` when omitted.
    config, root
        Project configuration and root (used only to read the tables).

    Returns
    -------
    DataFrame
        tahun, dokumen, jenis, no_sasaran, sasaran, kode_indikator, indikator, ukuran
        (``target``, ``realisasi``, ``capaian``), satuan, nilai, asal, sumber, keterangan.

    Raises
    ------
    IndikatorTidakDikenal, IndikatorAmbigu
        For an indicator the view does not hold (the message lists those there are, closest
        first), or a text that fits two or more indicators (the message lists them with their codes).
    TahunTidakAda
        For a year the view does not hold; the message names the years it does.

    Examples
    --------
    >>> import pandas as pd
    >>> pk = pd.DataFrame({"dokumen": ["PK"] * 2, "kode_indikator": ["PK-1"] * 2, "tahun": [2021, 2025],
    ...                    "satuan": ["PD/UKPD"] * 2, "target": [None, 57.0], "realisasi": [None, 57.0],
    ...                    "asal_realisasi": ["tidak_ada", "hitung"], "capaian": [None, 100.0],
    ...                    "sumber_realisasi": ["skm_unit_minimal_baik"] * 2})
    >>> view = capaian(tables={"capaian": pk})
    >>> realisasi = view[view["ukuran"] == "realisasi"]
    >>> print(realisasi[["tahun", "nilai", "asal"]].to_string(index=False))
     tahun  nilai      asal
      2021    NaN tidak_ada
      2025   57.0    hitung
    >>> realisasi["keterangan"].iloc[0]
    'tidak ada data SKM (skm_responden, skm_unit_riwayat) untuk tahun 2021'
    """
    read = _source(tables, root)
    rows = read("capaian")
    keys = ["tahun", "dokumen", "jenis", "no_sasaran", "sasaran", "kode_indikator", "indikator"]
    rows = rows.assign(**{k: _col(rows, k) for k in keys}).reset_index(drop=True)
    parts = []
    for ukuran in ("target", "realisasi", "capaian"):
        values = _num(_col(rows, ukuran))
        if ukuran == "realisasi":
            asal = _col(rows, "asal_realisasi").astype("object").where(values.notna(), "tidak_ada")
            notes = [
                _why_missing(s, t)
                if a == "tidak_ada"
                else (f"dihitung dari data ({s})" if a == "hitung" else "diketik di Perjanjian Kinerja")
                for s, t, a in zip(_col(rows, "sumber_realisasi"), rows["tahun"], asal, strict=True)
            ]
        elif ukuran == "target":
            asal = _asal(values, "ketik")
            notes = [
                "tidak ada target untuk tahun ini" if is_na(v) else "target di Perjanjian Kinerja"
                for v in values
            ]
        else:
            asal = _asal(values, "hitung")
            notes = [
                "tidak terukur: target atau realisasi tidak ada" if is_na(v) else "realisasi ÷ target × 100"
                for v in values
            ]
        parts.append(
            rows[keys].assign(
                ukuran=ukuran,
                satuan="%" if ukuran == "capaian" else _col(rows, "satuan").to_numpy(),
                nilai=values,
                asal=asal.to_numpy(),
                keterangan=notes,
                _urut=len(parts),
            )
        )
    long = pd.concat(parts, ignore_index=True).assign(sumber="capaian")
    long = long.assign(_jenis=long["jenis"].map({"utama": 0, "lainnya": 1}).fillna(2))
    long = long.sort_values(
        ["dokumen", "_jenis", "no_sasaran", "kode_indikator", "tahun", "_urut"], kind="stable"
    )
    view = _shaped(long, "capaian", [])
    return _saring(view, "capaian", tahun, indikator, ("kode_indikator", "indikator"), pilihan.INDIKATOR)


def _ilustratif(keterangan: object) -> bool:
    return not is_na(keterangan) and "ilustratif" in str(keterangan).lower()


def angka_pembanding(
    indikator: str | None = None,
    *,
    tahun: Tahun = None,
    tables: Tables | None = None,
    config: Config | None = None,
    root: Path | None = None,
) -> pd.DataFrame:
    """The comparison entities' figures (other levels of government, the Setda) per indicator and year.

    A value whose source note says ``ilustratif`` is marked ``asal = ilustratif``; other figures
    are typed (``ketik``); a figure not available is NaN (``tidak_ada``).

    Parameters
    ----------
    indikator : str, optional
        Keep one indicator: its code in any case and spacing (``"pkp-3"``), its name, or the one
        name that contains the text (``"IKM"``); a text that fits two indicators is refused.
    tahun : int or iterable of int, optional
        Keep these years (``2025``, ``[2024, 2025]``, ``range(2023, 2026)``); each must be in the view.
    tables : mapping, optional
        ``pembanding``; read from ``data/processed`` when omitted.
    config, root
        Project configuration and root (used only to read the tables).

    Returns
    -------
    DataFrame
        tahun, kode_indikator, indikator, entitas, nilai, asal, sumber, keterangan.

    Raises
    ------
    IndikatorTidakDikenal, IndikatorAmbigu
        For an indicator the view does not hold (the message lists those there are, closest
        first), or a text that fits two or more indicators (the message lists them with their codes).
    TahunTidakAda
        For a year the view does not hold; the message names the years it does.

    Examples
    --------
    >>> import pandas as pd
    >>> prov = pd.DataFrame({"tahun": [2024, 2025], "kode_indikator": ["PKP-3"] * 2, "indikator": ["IKM"] * 2,
    ...                      "entitas": ["Provinsi Jawa Timur"] * 2, "nilai": [89.34, 89.71],
    ...                      "keterangan": ["ilustratif", "Tabel III.3 LKjIP 2025"]})
    >>> view = angka_pembanding("ikm", tables={"pembanding": prov})
    >>> print(view[["tahun", "entitas", "nilai", "asal"]].to_string(index=False))
     tahun             entitas  nilai       asal
      2024 Provinsi Jawa Timur  89.34 ilustratif
      2025 Provinsi Jawa Timur  89.71      ketik
    >>> dua = pd.DataFrame({"tahun": [2025, 2025], "kode_indikator": ["PKP-1", "sakip_opd"],
    ...                     "indikator": ["Nilai Rata-Rata SAKIP Perangkat Daerah", "Nilai SAKIP"],
    ...                     "entitas": ["Provinsi Jawa Timur", "Sekretariat Daerah"], "nilai": [70.1, 86.19]})
    >>> angka_pembanding("SAKIP", tables={"pembanding": dua})
    Traceback (most recent call last):
    ...
    lkjip.core.pilihan.IndikatorAmbigu: Indikator 'SAKIP' di data.angka_pembanding() tidak jelas: cocok
    dengan 2, PKP-1 (Nilai Rata-Rata SAKIP Perangkat Daerah); sakip_opd (Nilai SAKIP). Sebutkan
    kodenya, mis. 'PKP-1'.
    """
    read = _source(tables, root)
    rows = read("pembanding")
    rows = rows.assign(indikator=_col(rows, "indikator"), keterangan=_col(rows, "keterangan"))
    nilai = _num(rows["nilai"])
    asal = [
        "tidak_ada" if is_na(v) else ("ilustratif" if _ilustratif(k) else "ketik")
        for v, k in zip(nilai, rows["keterangan"], strict=True)
    ]
    out = rows.assign(nilai=nilai, asal=asal, sumber="pembanding")
    view = _shaped(out, "angka_pembanding", ["kode_indikator", "tahun", "entitas"])
    kolom = ("kode_indikator", "indikator")
    return _saring(view, "angka_pembanding", tahun, indikator, kolom, pilihan.INDIKATOR)


def perbandingan(
    indikator: str | None = None,
    *,
    tahun: Tahun = None,
    tables: Tables | None = None,
    config: Config | None = None,
    root: Path | None = None,
) -> pd.DataFrame:
    """The Kabupaten against the Provinsi (and every other comparison entity), per indicator and year.

    For each indicator in the comparison figures that is also an indicator of an agreement, the
    organisation's realisasi of every year comes first, under ``entitas = config.wilayah``,
    with its own ``asal`` (as printed: rounded to 2 decimals, the value Tabel III.3 compares);
    then the comparison entities' figures (:func:`angka_pembanding`). Where the comparison
    figures also hold the Kabupaten's own value for such an indicator and year, the realisasi
    is kept and the typed duplicate left out (it stays in ``tabel("pembanding")``).

    Parameters
    ----------
    indikator : str, optional
        Keep one indicator: its code in any case and spacing (``"pkp-3"``), its name, or the one
        name that contains the text (``"IKM"``); a text that fits two indicators is refused.
    tahun : int or iterable of int, optional
        Keep these years (``2025``, ``[2024, 2025]``, ``range(2023, 2026)``); each must be in the view.
    tables : mapping, optional
        ``pembanding`` and ``capaian``; read from ``data/processed`` when omitted.
    config : Config, optional
        Names the Kabupaten and the newest agreement (preferred when a code is in two).
    root : Path, optional

    Returns
    -------
    DataFrame
        tahun, kode_indikator, indikator, entitas, nilai, asal, sumber, keterangan; one row
        per indicator × entity × year.

    Raises
    ------
    IndikatorTidakDikenal, IndikatorAmbigu
        For an indicator the view does not hold (the message lists those there are, closest
        first), or a text that fits two or more indicators (the message lists them with their codes).
    TahunTidakAda
        For a year the view does not hold; the message names the years it does.

    Examples
    --------
    >>> import pandas as pd
    >>> prov = pd.DataFrame({"tahun": [2025], "kode_indikator": ["PKP-3"], "indikator": ["IKM Pemda"],
    ...                      "entitas": ["Provinsi Jawa Timur"], "nilai": [89.71],
    ...                      "keterangan": ["Tabel III.3"]})
    >>> pk = pd.DataFrame({"dokumen": ["Perjanjian Kinerja Perubahan"] * 2, "kode_indikator": ["PKP-3"] * 2,
    ...                    "indikator": ["IKM Pemda"] * 2, "tahun": [2024, 2025], "realisasi": [89.97, 90.87],
    ...                    "asal_realisasi": ["hitung", "hitung"], "sumber_realisasi": ["ikm_pemda"] * 2})
    >>> contoh = load_config().model_copy(update={"kabupaten": "Kabupaten Contoh"})
    >>> view = perbandingan("IKM", tables={"pembanding": prov, "capaian": pk}, config=contoh)
    >>> print(view.pivot(index="tahun", columns="entitas", values="nilai").to_string())
    entitas  Kabupaten Contoh  Provinsi Jawa Timur
    tahun
    2024                89.97                  NaN
    2025                90.87                89.71
    """
    read, config = _source(tables, root), _config(config, root)
    di = "data.perbandingan()"
    others = angka_pembanding(tables={"pembanding": read("pembanding")})
    if indikator is not None:  # chosen among the comparison figures' indicators, by their names there
        calon = _calon(others, "kode_indikator", "indikator")
        chosen = pilihan.pilih_kode(indikator, calon, pilihan.INDIKATOR, di=di)
        others, di = others[others["kode_indikator"] == chosen], f"data.perbandingan({indikator!r})"
    codes = set(others["kode_indikator"].dropna())
    realisasi = capaian(tables={"capaian": read("capaian")})
    realisasi = realisasi[(realisasi["ukuran"] == "realisasi") & realisasi["kode_indikator"].isin(codes)]
    preferred = [config.dokumen_terkini, *reversed([p.dokumen_pk for p in config.periode])]
    rank = {d: i for i, d in enumerate(dict.fromkeys(preferred))}
    realisasi = (
        realisasi.assign(_rank=realisasi["dokumen"].map(rank).fillna(len(rank)))
        .sort_values(["_rank"], kind="stable")
        .drop_duplicates(["kode_indikator", "tahun"], keep="first")
    )
    names = others.drop_duplicates("kode_indikator").set_index("kode_indikator")["indikator"]
    ours = realisasi.assign(
        entitas=config.wilayah,
        indikator=realisasi["indikator"].fillna(realisasi["kode_indikator"].map(names)),
        keterangan="realisasi " + realisasi["dokumen"].astype("string") + ": " + realisasi["keterangan"],
    )
    key = ["kode_indikator", "tahun", "entitas"]
    ours_keys = set(map(tuple, ours[key].astype(object).itertuples(index=False, name=None)))
    others = others[
        [tuple(r) not in ours_keys for r in others[key].astype(object).itertuples(index=False, name=None)]
    ]
    both = pd.concat([ours, others], ignore_index=True)
    both = both.assign(_ours=both["entitas"].ne(config.wilayah))
    view = _shaped(
        both.sort_values(["kode_indikator", "tahun", "_ours", "entitas"], kind="stable"), "perbandingan", []
    )
    return _pilih_tahun(view, tahun, di)


# --------------------------------------------------------------------------- trends


def ringkas_tren(
    frame: pd.DataFrame, kunci: Sequence[str], tahun: Iterable[int] | None = None
) -> pd.DataFrame:
    """Per group of a view: first and last value, the change, its direction and the years without a value.

    Parameters
    ----------
    frame : DataFrame
        A view of this module (columns ``tahun`` and ``nilai``).
    kunci : sequence of str
        The columns that identify a series (e.g. ``["kode_indikator", "ukuran"]``).
    tahun : iterable of int, optional
        The years the series should cover; defaults to every year from the frame's first to
        its last. A year of it without a value is listed in ``tahun_kosong``.

    Returns
    -------
    DataFrame
        *kunci, tahun_awal, nilai_awal, tahun_akhir, nilai_akhir, perubahan (last − first, in the
        series' unit), arah (``naik``, ``turun``, ``tetap``, or NA with fewer than two values;
        compared at 2 decimals), tahun_kosong (e.g. ``"2021, 2022"``, ``""`` when none).

    Raises
    ------
    KolomTidakAda
        For a column of ``kunci`` (or ``tahun``, ``nilai``) the frame does not have.
    TahunTidakAda
        For a span of which the frame holds no year at all.

    Examples
    --------
    >>> import pandas as pd
    >>> seri = pd.DataFrame({"kode": ["A", "A", "A", "B"], "tahun": [2022, 2024, 2025, 2025],
    ...                      "nilai": [80.0, 82.5, 83.78, None]})
    >>> out = ringkas_tren(seri, ["kode"], tahun=range(2021, 2026))
    >>> columns = ["kode", "nilai_awal", "nilai_akhir", "perubahan", "arah", "tahun_kosong"]
    >>> print(out[columns].to_string(index=False))
    kode  nilai_awal  nilai_akhir  perubahan arah             tahun_kosong
       A        80.0        83.78       3.78 naik               2021, 2023
       B         NaN          NaN        NaN <NA> 2021, 2022, 2023, 2024, 2025
    """
    keys = pilihan.pilih_kolom(kunci, list(frame.columns), di="ringkas_tren: frame")
    pilihan.pilih_kolom(["tahun", "nilai"], list(frame.columns), di="ringkas_tren: frame")
    years_in = _num(frame["tahun"]).dropna().astype(int)
    if tahun is None:
        span = list(range(years_in.min(), years_in.max() + 1)) if len(years_in) else []
    else:
        # a span may reach beyond the values (those years are listed empty), not miss them all
        held, where = years_in.unique(), "ringkas_tren: frame"
        span = (
            pilihan.pilih_tahun(tahun, held, di=where, semua=False)
            if len(held)
            else pilihan.tahun_bulat(tahun, di=where)
        )
    rows = []
    for group, part in frame.groupby(keys, sort=True, dropna=False):
        values = part.assign(_t=_num(part["tahun"]), _v=_num(part["nilai"])).dropna(subset=["_t", "_v"])
        values = values.sort_values("_t")
        have = set(values["_t"].astype(int))
        row = dict(zip(keys, group if isinstance(group, tuple) else (group,), strict=True))
        if len(values):
            first, last = values.iloc[0], values.iloc[-1]
            change = float(last["_v"] - first["_v"])
            arah = None
            if len(values) > 1:
                step = round_half_up(last["_v"]) - round_half_up(first["_v"])
                arah = "naik" if step > 0 else ("turun" if step < 0 else "tetap")
            row |= {
                "tahun_awal": int(first["_t"]),
                "nilai_awal": float(first["_v"]),
                "tahun_akhir": int(last["_t"]),
                "nilai_akhir": float(last["_v"]),
                "perubahan": change if len(values) > 1 else float("nan"),
                "arah": arah,
            }
        row["tahun_kosong"] = ", ".join(str(y) for y in span if y not in have)
        rows.append(row)
    columns = {
        **{k: frame[k].dtype for k in keys},
        "tahun_awal": "Int64",
        "nilai_awal": "float64",
        "tahun_akhir": "Int64",
        "nilai_akhir": "float64",
        "perubahan": "float64",
        "arah": "string",
        "tahun_kosong": "string",
    }
    out = pd.DataFrame(rows)
    for name in columns:
        if name not in out.columns:
            out[name] = pd.Series(pd.NA, index=out.index, dtype="object")
    return out[list(columns)].astype(columns).reset_index(drop=True)
