"""Every processed table declared once: its kind, contract, the exports it comes from, and who may see it.

The catalogue is the one answer to four questions that the data step, the data dictionary, the
downloads and the report ask about a table of ``data/processed``:

- which contract (pandera schema) it keeps (:meth:`Dataset.skema`);
- which exports it is made from (:attr:`Dataset.sumber`), and so whether it belongs in a report
  whose data step read a given set of exports (:meth:`Dataset.ada`, :func:`absen`);
- whether it may be published on the site (:attr:`Dataset.publik`: respondent-level rows and
  rejected raw rows never are);
- in which order the dictionary lists it (the order of :data:`DATASET`).

Examples
--------
>>> DATASET["ikm_pemda"].sumber, DATASET["skm_responden"].publik
(('skm', 'skm_riwayat'), False)
>>> sorted(absen({"perjanjian_kinerja", "anggaran"}))[:3]
['efektivitas', 'ikm_pemda', 'ikm_unit']
"""

from __future__ import annotations

import difflib
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pandera.pandas as pa

from lkjip.core.config import SUMBER, Config
from lkjip.core.pilihan import cocok_kode
from lkjip.ingest.problems import QUARANTINE_COLUMNS
from lkjip.ingest.schemas import anggaran, evaluasi, perjanjian_kinerja, skm
from lkjip.ingest.sources import SOURCES
from lkjip.katalog import hasil
from lkjip.katalog.store import check_folder, read_manifest, read_table

#: Kinds of table, in the order the dictionary lists them.
JENIS_TABEL = {
    "bersih": "Tabel bersih (dibaca dari ekspor)",
    "hasil": "Tabel hasil hitung",
    "karantina": "Baris yang ditolak",
}

#: The quarantine's columns as :func:`lkjip.ingest.problems.quarantine_rows` writes them.
_KARANTINA = pa.DataFrameSchema(
    {
        c: pa.Column("Int64" if c == "baris" else "string", nullable=c not in ("berkas", "alasan"))
        for c in QUARANTINE_COLUMNS
    },
    strict=True,
    ordered=True,
    name="karantina",
    description="Baris masukan yang ditolak, dengan lokasi (berkas, sheet, baris, kolom) dan alasannya.",
)

#: Contracts of the clean tables whose columns do not depend on ``laporan.yml``.
_MODEL_BERSIH = {
    "anggaran": anggaran.Anggaran,
    "anggaran_riwayat": anggaran.AnggaranRiwayat,
    "anggaran_sasaran_tercetak": anggaran.AnggaranSasaranTercetak,
    "peta_sasaran_anggaran": anggaran.PetaSasaranAnggaran,
    "skm_unit": skm.SkmUnit,
    "skm_nrr_tercetak": skm.SkmNrrTercetak,
    "skm_unit_riwayat": skm.SkmUnitRiwayat,
    "sakip_pd": evaluasi.SakipPd,
    "kelembagaan_pd": evaluasi.KelembagaanPd,
    "kelembagaan_pemda": evaluasi.KelembagaanPemda,
    "pembanding": evaluasi.Pembanding,
    **perjanjian_kinerja.SCHEMAS,
}


@dataclass(frozen=True)
class Dataset:
    """One table of ``data/processed``.

    Attributes
    ----------
    nama : str
        The file stem (``<nama>.parquet``, ``<nama>.csv``) and the name analysts load it by.
    jenis : str
        ``bersih`` (read from an export), ``hasil`` (computed by lkjip) or ``karantina``.
    sumber : tuple of str
        The exports (``laporan.yml``'s ``sumber`` names) it is made from: any one of them
        suffices (the IKM of the Pemerintah Daerah comes from the respondents or from the IKM
        recap). Empty: every report has it (the Perjanjian Kinerja is always read; the reviu and
        the quarantine exist whatever was read).
    publik : bool
        Whether the site offers it for download. Respondent-level rows and rejected raw rows
        never leave ``data/processed``.
    """

    nama: str
    jenis: str
    sumber: tuple[str, ...] = ()
    publik: bool = True

    def skema(self, config: Config) -> pa.DataFrameSchema:
        """The table's contract; ``skm_responden``'s answer columns come from ``config``."""
        if self.nama == "skm_responden":
            return skm.responden_schema([u.kolom for u in config.skm.unsur])
        if self.jenis == "bersih":
            return _MODEL_BERSIH[self.nama].to_schema()
        if self.jenis == "hasil":
            return hasil.SCHEMAS[self.nama]
        return _KARANTINA

    @property
    def asal(self) -> str:
        """Where the rows come from, in Indonesian (the dictionary's "Asal")."""
        if self.jenis == "bersih":
            source = next(s for s in SOURCES if s.name == self.sumber[0])
            pattern = ", ".join(f"`{p}`" for p in source.patterns)
            return f"{source.description} ({pattern})"
        if self.jenis == "hasil":
            if self.nama == "letak_kolom":
                return "pembacaan semua ekspor (letak kolom yang dibaca)"
            return "reviu lkjip atas angka tercetak" if self.nama == "reviu" else "dihitung oleh lkjip"
        return "pembacaan semua ekspor"

    def ada(self, dibaca: Collection[str]) -> bool:
        """Whether the table has rows to give in a report whose data step read ``dibaca``.

        Examples
        --------
        >>> DATASET["ikm_pemda"].ada({"skm_riwayat"}), DATASET["sakip_pd"].ada({"skm"})
        (True, False)
        >>> DATASET["capaian"].ada(set())
        True
        """
        return not self.sumber or any(s in dibaca for s in self.sumber)


def _bersih(nama: str, sumber: str, *, publik: bool = True) -> Dataset:
    return Dataset(nama, "bersih", (sumber,), publik)


def _hasil(nama: str, *sumber: str) -> Dataset:
    return Dataset(nama, "hasil", sumber)


_CLEAN = (
    _bersih("anggaran", "anggaran"),
    _bersih("anggaran_riwayat", "anggaran"),
    _bersih("anggaran_sasaran_tercetak", "anggaran"),
    _bersih("peta_sasaran_anggaran", "anggaran"),
    _bersih("skm_responden", "skm", publik=False),
    _bersih("skm_unit", "skm"),
    _bersih("skm_nrr_tercetak", "skm", publik=False),
    _bersih("skm_unit_riwayat", "skm_riwayat"),
    _bersih("sakip_pd", "sakip"),
    _bersih("kelembagaan_pd", "kelembagaan"),
    _bersih("kelembagaan_pemda", "kelembagaan"),
    _bersih("perjanjian_kinerja", "perjanjian_kinerja"),
    _bersih("narasi_indikator", "perjanjian_kinerja"),
    _bersih("penjenjangan", "perjanjian_kinerja"),
    _bersih("pembanding", "pembanding"),
)
_ORDER = {source.name: i for i, source in enumerate(SOURCES)}

#: Every table the data step writes, in the dictionary's order: the clean tables in the order of
#: the exports they are read from, then the computed tables in computing order, then the
#: quarantine.
DATASET: dict[str, Dataset] = {
    d.nama: d
    for d in (
        *sorted(_CLEAN, key=lambda d: _ORDER[d.sumber[0]]),
        _hasil("ikm_unit", "skm"),
        _hasil("ikm_unsur", "skm"),
        _hasil("ikm_pemda", "skm", "skm_riwayat"),
        _hasil("skm_demografi", "skm"),
        _hasil("sakip_pd_hasil", "sakip"),
        _hasil("sakip_ringkas", "sakip"),
        _hasil("kematangan_pd", "kelembagaan"),
        _hasil("kematangan_ringkas", "kelembagaan"),
        _hasil("efektivitas", "kelembagaan"),
        _hasil("anggaran_hasil", "anggaran"),
        _hasil("anggaran_total", "anggaran"),
        _hasil("anggaran_sasaran", "anggaran"),
        _hasil("capaian"),
        _hasil("ringkasan_capaian"),
        _hasil("tren"),
        _hasil("pembanding_hasil", "pembanding"),
        _hasil("sakip_pembanding", "pembanding"),
        _hasil("reviu"),
        _hasil("letak_kolom"),
        Dataset("karantina", "karantina", publik=False),
    )
}

assert [n for n, d in DATASET.items() if d.jenis == "hasil"] == list(hasil.SCHEMAS), (
    "every computed contract of lkjip.katalog.hasil is declared once in DATASET, in computing order"
)
assert {d.sumber[0] for d in _CLEAN} == {s.name for s in SOURCES}, "every export gives a clean table"


def nama_tabel() -> list[str]:
    """The names of every table the data step writes, in the dictionary's order.

    Examples
    --------
    >>> names = nama_tabel()
    >>> names[0], names[-2:]
    ('anggaran', ['letak_kolom', 'karantina'])
    """
    return list(DATASET)


def absen(dibaca: Collection[str]) -> frozenset[str]:
    """The tables with nothing to give when the data step read only the exports ``dibaca``.

    The clean tables of every export not read and the computed tables made only from such
    exports: they are written empty, and the report, the dictionary page and the downloads
    leave them out.

    Examples
    --------
    >>> sorted(absen({"perjanjian_kinerja", "skm_riwayat"}))[:4]
    ['anggaran', 'anggaran_hasil', 'anggaran_riwayat', 'anggaran_sasaran']
    >>> "ikm_pemda" in absen({"perjanjian_kinerja", "skm_riwayat"})
    False
    """
    return frozenset(n for n, d in DATASET.items() if not d.ada(dibaca))


def publik(dibaca: Collection[str]) -> list[str]:
    """The tables the site offers for download when the data step read ``dibaca``, in order.

    Examples
    --------
    >>> names = publik({"perjanjian_kinerja"})
    >>> "capaian" in names, "skm_responden" in names, "karantina" in names, "ikm_unit" in names
    (True, False, False, False)
    """
    return [n for n, d in DATASET.items() if d.publik and d.ada(dibaca)]


def clean_schemas(config: Config) -> dict[str, pa.DataFrameSchema]:
    """The pandera schema of every clean table (what the readers write), by table name.

    Examples
    --------
    >>> from lkjip.core.config import load_config
    >>> schemas = clean_schemas(load_config())
    >>> sorted(schemas["peta_sasaran_anggaran"].columns)
    ['baris', 'berkas', 'dokumen', 'kode', 'no_sasaran', 'sheet']
    """
    return {n: d.skema(config) for n, d in DATASET.items() if d.jenis == "bersih"}


# --------------------------------------------------------------------------- loading

#: The command that builds ``data/processed``.
PERINTAH_DATA = "python -m lkjip data"


class TabelTidakDikenal(LookupError):
    """A table name the catalogue does not declare; the message lists the valid names."""


class TabelBelumDibangun(FileNotFoundError):
    """A declared table whose file is not in ``data/processed`` yet; the message names the command."""


def lookup(nama: str) -> Dataset:
    """The declaration of table ``nama``, its case and spacing normalised (:mod:`lkjip.core.pilihan`).

    Raises
    ------
    TabelTidakDikenal
        For a name no declaration knows: the closest names first, then every valid one.

    Examples
    --------
    >>> lookup("ikm_pemda").jenis, lookup(" IKM_Pemda").nama
    ('hasil', 'ikm_pemda')
    >>> lookup("ikm")
    Traceback (most recent call last):
    ...
    lkjip.katalog.dataset.TabelTidakDikenal: Tabel 'ikm' tidak dikenal. Mungkin maksudnya: ikm_unit, ...
    """
    if nama in DATASET:
        return DATASET[nama]
    names = list(DATASET)
    same = cocok_kode(nama, names)
    if len(same) == 1:
        return DATASET[same[0]]
    close = difflib.get_close_matches(nama, names, n=3, cutoff=0.5)
    close += [n for n in names if nama and nama in n and n not in close]
    hint = f" Mungkin maksudnya: {', '.join(close[:3])}." if close else ""
    raise TabelTidakDikenal(f"Tabel '{nama}' tidak dikenal.{hint} Tabel yang ada: {', '.join(names)}.")


def load(nama: str, processed: Path) -> pd.DataFrame:
    """Table ``nama`` of the processed folder ``processed``, checked against its manifest.

    Raises
    ------
    TabelTidakDikenal
        For an undeclared name (:func:`lookup`).
    TabelBelumDibangun
        When the table has not been built: the message names :data:`PERINTAH_DATA`.
    lkjip.katalog.store.DataTidakUtuh
        When the folder does not match its manifest (:func:`lkjip.katalog.store.check_folder`).

    Examples
    --------
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as kosong:
    ...     load("ikm_pemda", Path(kosong))
    Traceback (most recent call last):
    ...
    lkjip.katalog.dataset.TabelBelumDibangun: Tabel 'ikm_pemda' belum dibangun di ... python -m lkjip data
    """
    nama = lookup(nama).nama
    if not (processed / f"{nama}.parquet").exists():
        raise TabelBelumDibangun(
            f"Tabel '{nama}' belum dibangun di {processed}. Jalankan dulu: {PERINTAH_DATA}"
        )
    check_folder(processed)
    return read_table(nama, processed)


def sumber_dibaca(processed: Path) -> frozenset[str]:
    """The exports the last data step read, from the manifest of ``processed``.

    Without a manifest (no data step yet), or one written before sources were recorded, every
    export: the report then leaves nothing out.

    Examples
    --------
    >>> import tempfile
    >>> sorted(sumber_dibaca(Path(tempfile.mkdtemp())))[:3]
    ['anggaran', 'kelembagaan', 'pembanding']
    """
    manifest = read_manifest(processed) or {}
    dipakai = manifest.get("sumber", {}).get("dipakai")
    return frozenset(SUMBER if dipakai is None else dipakai)
