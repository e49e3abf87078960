"""The analyst's data API: every processed table by name, and tidy views of every figure for every year.

Three lines give the IKM of the Kabupaten against the Provinsi and the SAKIP of every perangkat
daerah over the years::

    from lkjip import data
    data.perbandingan("IKM").pivot(index="tahun", columns="entitas", values="nilai")
    data.sakip_pd().pivot(index="perangkat_daerah", columns="tahun", values="nilai")

:func:`daftar_tabel` lists the tables of ``data/processed`` with a one-line description each (from
the data contracts), :func:`tabel` loads one by name. The views (:func:`ikm_unit`,
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

Every view reads ``data/processed`` of the project (``root``) unless the tables are handed over
in ``tables`` (a mapping of table name to DataFrame); the report's charts do the latter, so that
the analyst and the report see the same numbers. Nothing here writes files or shows anything.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq

from lkjip.core.config import Config, load_config
from lkjip.core.na import is_na
from lkjip.core.paths import paths
from lkjip.core.rounding import round_half_up
from lkjip.indicators.ikm import KODE_PEMDA, mutu_ikm
from lkjip.katalog import dataset as katalog
from lkjip.katalog import kamus
from lkjip.katalog.dataset import PERINTAH_DATA, TabelBelumDibangun, TabelTidakDikenal
from lkjip.katalog.hasil import COLUMNS
from lkjip.katalog.store import DataTidakUtuh

__all__ = [
    "ASAL",
    "KOLOM",
    "PERINTAH_DATA",
    "DataTidakUtuh",
    "TabelBelumDibangun",
    "TabelTidakDikenal",
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

#: Where a value of a view comes from (column ``asal``).
ASAL = ("hitung", "ketik", "ilustratif", "tidak_ada")

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

_TAIL = {"nilai": "float64", "asal": "string", "sumber": "string", "keterangan": "string"}


def _projection(table: str, *columns: str) -> dict[str, str]:
    """``columns`` of the computed table ``table`` with their contract dtypes, then the tail."""
    contract = COLUMNS[table]
    return {column: contract[column] for column in columns} | _TAIL


#: Columns and dtypes of every view, in order.
KOLOM: dict[str, dict[str, str]] = {
    "ikm_unit": _projection(
        "ikm_unit", "tahun", "kode_unit", "unit", "jumlah_responden", "sampel_minimum", "sampel_cukup", "mutu"
    ),
    "ikm_unsur": _projection(
        "ikm_unsur", "tahun", "kode_unit", "unit", "unsur", "nama_unsur", "jumlah_jawaban"
    ),
    "ikm_pemda": {
        "tahun": "Int64",
        "entitas": "string",
        "jumlah_unit": "Int64",
        "unit_minimal_baik": "Int64",
        "mutu": "string",
        **_TAIL,
    },
    "sakip_pd": _projection("sakip_pd_hasil", "tahun", "kode_pd", "perangkat_daerah", "predikat"),
    "kematangan_pd": _projection("kematangan_pd", "tahun", "kode_pd", "perangkat_daerah", "kategori"),
    "anggaran_sub_kegiatan": {
        "tahun": "Int64",
        "kode": "string",
        "uraian": "string",
        "kode_kegiatan": "string",
        "kegiatan": "string",
        "ukuran": "string",
        "satuan": "string",
        **_TAIL,
    },
    "anggaran_total": {"tahun": "Int64", "ukuran": "string", "satuan": "string", **_TAIL},
    "anggaran_sasaran": {
        "tahun": "Int64",
        "dokumen": "string",
        "no_sasaran": "Int64",
        "sasaran": "string",
        "ukuran": "string",
        "satuan": "string",
        **_TAIL,
    },
    "capaian": {
        "tahun": "Int64",
        "dokumen": "string",
        "jenis": "string",
        "no_sasaran": "Int64",
        "sasaran": "string",
        "kode_indikator": "string",
        "indikator": "string",
        "ukuran": "string",
        "satuan": "string",
        **_TAIL,
    },
    "angka_pembanding": {
        "tahun": "Int64",
        "kode_indikator": "string",
        "indikator": "string",
        "entitas": "string",
        **_TAIL,
    },
}
KOLOM["perbandingan"] = KOLOM["angka_pembanding"]


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
    *, tables: Tables | None = None, config: Config | None = None, root: Path | None = None
) -> pd.DataFrame:
    """IKM of every unit surveyed, for every year: computed where respondents exist, else as summarised.

    A year with respondent data (table ``ikm_unit``) gives computed values (``asal = hitung``);
    a year found only in the office's summary of earlier years (``skm_unit_riwayat``) gives the
    typed IKM (``ketik``), with the mutu worked out from it as for the computed ones. The sample
    columns are NA for summarised years (their population is not known).

    Parameters
    ----------
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
    return _shaped(both, "ikm_unit", ["tahun", "kode_unit"])


def ikm_unsur(
    kode_unit: str | None = None,
    *,
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
        Keep one unit (``"PEMDA"`` for the whole Pemda).
    tables : mapping, optional
        ``ikm_unsur``; read from ``data/processed`` when omitted.
    config, root
        As in :func:`ikm_unit`; the configuration gives the unsur order.

    Returns
    -------
    DataFrame
        tahun, kode_unit, unit, unsur, nama_unsur, jumlah_jawaban, nilai (NRR, 1–4), asal,
        sumber, keterangan; units in code order, the Pemda last, unsur in the configured order.

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
    """
    read, config = _source(tables, root), _config(config, root)
    rows = read("ikm_unsur")
    if kode_unit is not None:
        rows = rows[rows["kode_unit"] == kode_unit]
    order = {u.kode: i for i, u in enumerate(config.skm.unsur)}
    rows = _valued(rows, "nrr", "hitung", "ikm_unsur", "dihitung dari jawaban responden").assign(
        _pemda=rows["kode_unit"].eq(KODE_PEMDA), _urut=rows["unsur"].map(order)
    )
    out = rows.sort_values(["tahun", "_pemda", "kode_unit", "_urut"], kind="stable")
    return _shaped(out, "ikm_unsur", [])


def ikm_pemda(
    *, tables: Tables | None = None, config: Config | None = None, root: Path | None = None
) -> pd.DataFrame:
    """IKM of the Pemerintah Daerah per year: the mean of its units' IKM, as the report uses it.

    The value is unrounded (the report prints it with 2 decimals); ``keterangan`` says whether
    the units' IKM came from respondent data or from the office's summary.

    Parameters
    ----------
    tables : mapping, optional
        ``ikm_pemda``; read from ``data/processed`` when omitted.
    config, root
        As in :func:`ikm_unit`; ``entitas`` is ``config.wilayah``.

    Returns
    -------
    DataFrame
        tahun, entitas, jumlah_unit, unit_minimal_baik, mutu, nilai, asal, sumber, keterangan.

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
    return _shaped(out, "ikm_pemda", ["tahun"])


# --------------------------------------------------------------------------- SAKIP, kelembagaan


def sakip_pd(
    *, tables: Tables | None = None, config: Config | None = None, root: Path | None = None
) -> pd.DataFrame:
    """Nilai SAKIP of every perangkat daerah for every year evaluated, with its predikat.

    The scores are the evaluation's results as typed in the export (``asal = ketik``); a PD
    not evaluated has NaN (``tidak_ada``), never 0. The predikat is worked out from the score.

    Parameters
    ----------
    tables : mapping, optional
        ``sakip_pd_hasil``; read from ``data/processed`` when omitted.
    config, root
        Project configuration and root (used only to read the tables).

    Returns
    -------
    DataFrame
        tahun, kode_pd, perangkat_daerah, predikat, nilai, asal, sumber, keterangan.

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
    return _shaped(out, "sakip_pd", ["tahun", "kode_pd"])


def kematangan_pd(
    *, tables: Tables | None = None, config: Config | None = None, root: Path | None = None
) -> pd.DataFrame:
    """Total tingkat kematangan kelembagaan of every perangkat daerah and year, with its kategori.

    The total is computed from the variables' scores (``hitung``); a PD with a missing variable
    has no total (``tidak_ada``): a partial sum would understate its level.

    Parameters
    ----------
    tables : mapping, optional
        ``kematangan_pd``; read from ``data/processed`` when omitted.
    config, root
        Project configuration and root (used only to read the tables).

    Returns
    -------
    DataFrame
        tahun, kode_pd, perangkat_daerah, kategori, nilai (total), asal, sumber, keterangan.

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
    return _shaped(out, "kematangan_pd", ["tahun", "kode_pd"])


# --------------------------------------------------------------------------- budget


def anggaran_sub_kegiatan(
    *, tables: Tables | None = None, config: Config | None = None, root: Path | None = None
) -> pd.DataFrame:
    """Anggaran, realisasi and % realised of every sub-kegiatan, one row per measure and year.

    Amounts are as typed in the budget export (``ketik``); the percentage is computed. Only the
    years with sub-kegiatan detail appear (earlier years hold totals only: :func:`anggaran_total`).

    Parameters
    ----------
    tables : mapping, optional
        ``anggaran_hasil``; read from ``data/processed`` when omitted.
    config, root
        Project configuration and root (used only to read the tables).

    Returns
    -------
    DataFrame
        tahun, kode, uraian, kode_kegiatan, kegiatan, ukuran (``anggaran``, ``realisasi``,
        ``persen``), satuan (``Rp`` or ``%``), nilai, asal, sumber, keterangan.

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
    return _shaped(long, "anggaran_sub_kegiatan", [])


def anggaran_total(
    *, tables: Tables | None = None, config: Config | None = None, root: Path | None = None
) -> pd.DataFrame:
    """The unit's total anggaran, realisasi and % realised per year (the budget trend).

    The report year's totals are summed from its sub-kegiatan (``hitung``); earlier years are the
    office's summary (``ketik``). The percentage is always computed from the two amounts.

    Parameters
    ----------
    tables : mapping, optional
        ``anggaran_total``; read from ``data/processed`` when omitted.
    config, root
        Project configuration and root (used only to read the tables).

    Returns
    -------
    DataFrame
        tahun, ukuran (``anggaran``, ``realisasi``, ``persen``), satuan, nilai, asal, sumber,
        keterangan.

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
    return _shaped(long.sort_values(["tahun", "_urut"], kind="stable"), "anggaran_total", [])


def anggaran_sasaran(
    *, tables: Tables | None = None, config: Config | None = None, root: Path | None = None
) -> pd.DataFrame:
    """Budget of each sasaran in the report year next to its capaian kinerja (Tabel III.4.B).

    The mapping of sub-kegiatan to sasaran exists for the report year only, so this view has
    one year: ``config.tahun``.

    Parameters
    ----------
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
    return _shaped(long, "anggaran_sasaran", [])


# --------------------------------------------------------------------------- capaian, comparisons


def _why_missing(sumber_realisasi: object, tahun: object) -> str:
    reason = DATA_REALISASI.get(str(sumber_realisasi), "tidak ada data")
    return f"{reason} untuk tahun {tahun}"


def capaian(
    *, tables: Tables | None = None, config: Config | None = None, root: Path | None = None
) -> pd.DataFrame:
    """Target, realisasi and capaian of every indicator of every agreement, for every year.

    The realisasi carries the engine's ``asal_realisasi``: ``hitung`` (computed from the data
    named by ``sumber_realisasi``), ``ketik`` (typed in the agreement) or ``tidak_ada``; then
    ``keterangan`` says which input lacks the year. Targets are typed; capaian is computed.

    Parameters
    ----------
    tables : mapping, optional
        ``capaian``; read from ``data/processed`` when omitted.
    config, root
        Project configuration and root (used only to read the tables).

    Returns
    -------
    DataFrame
        tahun, dokumen, jenis, no_sasaran, sasaran, kode_indikator, indikator, ukuran
        (``target``, ``realisasi``, ``capaian``), satuan, nilai, asal, sumber, keterangan.

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
    return _shaped(long, "capaian", [])


def _ilustratif(keterangan: object) -> bool:
    return not is_na(keterangan) and "ilustratif" in str(keterangan).lower()


def _pilih_indikator(frame: pd.DataFrame, indikator: str | None) -> pd.DataFrame:
    """Rows of one indicator: by exact code, else by a case-insensitive part of its name."""
    if indikator is None:
        return frame
    by_code = frame[frame["kode_indikator"] == indikator]
    if len(by_code):
        return by_code
    by_name = frame[
        frame["indikator"].astype("string").str.contains(re.escape(indikator), case=False, na=False)
    ]
    if len(by_name):
        return by_name
    known = frame[["kode_indikator", "indikator"]].drop_duplicates()
    listed = "; ".join(f"{k} ({n})" for k, n in zip(known["kode_indikator"], known["indikator"], strict=True))
    raise LookupError(f"indikator '{indikator}' tidak ada di data pembanding; yang ada: {listed}")


def angka_pembanding(
    indikator: str | None = None,
    *,
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
        An indicator code (``"PKP-3"``) or part of its name (``"IKM"``, any case).
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
    LookupError
        When no indicator matches ``indikator``; the message lists the indicators there are.

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
    """
    read = _source(tables, root)
    rows = read("pembanding")
    rows = rows.assign(indikator=_col(rows, "indikator"), keterangan=_col(rows, "keterangan"))
    rows = _pilih_indikator(rows, indikator)
    nilai = _num(rows["nilai"])
    asal = [
        "tidak_ada" if is_na(v) else ("ilustratif" if _ilustratif(k) else "ketik")
        for v, k in zip(nilai, rows["keterangan"], strict=True)
    ]
    out = rows.assign(nilai=nilai, asal=asal, sumber="pembanding")
    return _shaped(out, "angka_pembanding", ["kode_indikator", "tahun", "entitas"])


def perbandingan(
    indikator: str | None = None,
    *,
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
        An indicator code (``"PKP-3"``) or part of its name (``"IKM"``, any case).
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
    others = angka_pembanding(indikator, tables={"pembanding": read("pembanding")})
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
    return _shaped(
        both.sort_values(["kode_indikator", "tahun", "_ours", "entitas"], kind="stable"), "perbandingan", []
    )


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
    keys = list(kunci)
    years_in = _num(frame["tahun"]).dropna().astype(int)
    span = (
        list(tahun)
        if tahun is not None
        else (list(range(years_in.min(), years_in.max() + 1)) if len(years_in) else [])
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
