"""The data dictionary of the processed tables: every table's contract, written out in Indonesian Markdown.

:func:`kontrak_tabel` gathers the contract (pandera schema) of every table the data step
writes to ``data/processed``; :func:`bagian_tabel` turns them into the dictionary's part on
tables (table, column, type, whether it may be empty, unit, allowed values, meaning). The whole
dictionary, with the analyst's views and the downloads, is :mod:`lkjip.report.kamus_data`.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandera.pandas as pa

from lkjip.core import fmt
from lkjip.core.config import Config, load_config
from lkjip.katalog.arti import Arti, arti_kolom
from lkjip.katalog.dataset import DATASET, JENIS_TABEL

#: The export each clean table is read from, and the exports a computed table is made from (any
#: one suffices), as :data:`lkjip.katalog.dataset.DATASET` declares them.
SUMBER_TABEL_BERSIH = {n: d.sumber[0] for n, d in DATASET.items() if d.jenis == "bersih"}
SUMBER_TABEL_HASIL = {n: d.sumber for n, d in DATASET.items() if d.jenis == "hasil" and d.sumber}


@dataclass(frozen=True)
class Kontrak:
    """The contract of one processed table.

    Attributes
    ----------
    nama : str
        Table name, as the file stem in ``data/processed``.
    jenis : str
        ``bersih`` (read from an export), ``hasil`` (computed) or ``karantina``.
    skema : pandera.DataFrameSchema
        Columns, dtypes, nullability and checks.
    asal : str
        Where the rows come from, in Indonesian.
    """

    nama: str
    jenis: str
    skema: pa.DataFrameSchema
    asal: str

    @property
    def keterangan(self) -> str:
        """The contract's one-line description (Indonesian)."""
        return self.skema.description or ""


def kontrak_tabel(config: Config | None = None) -> dict[str, Kontrak]:
    """Every table the data step writes, with its contract, in dictionary order.

    Clean tables come first, in the order of the exports they are read from, then the
    computed tables in computing order, then the quarantine.

    Parameters
    ----------
    config : Config, optional
        Names the answer columns of ``skm_responden``; defaults to the project's ``laporan.yml``.

    Returns
    -------
    dict of Kontrak
        By table name.

    Examples
    --------
    >>> kontrak = kontrak_tabel()
    >>> kontrak["sakip_pd"].jenis, kontrak["sakip_pd"].keterangan
    ('bersih', 'Nilai evaluasi SAKIP per perangkat daerah dan tahun.')
    >>> kontrak["ikm_pemda"].asal
    'dihitung oleh lkjip'
    >>> list(kontrak)[-1]
    'karantina'
    """
    config = config or load_config()
    return {n: Kontrak(n, d.jenis, d.skema(config), d.asal) for n, d in DATASET.items()}


# --------------------------------------------------------------------------- Markdown

_TIPE = {
    "Int64": "bilangan bulat",
    "int64": "bilangan bulat",
    "float64": "desimal",
    "bool": "ya/tidak",
    "boolean": "ya/tidak",
}


def nama_tipe(dtype: object) -> str:
    """A pandas dtype in the dictionary's words.

    Examples
    --------
    >>> nama_tipe("Int64"), nama_tipe("string"), nama_tipe("float64"), nama_tipe("boolean")
    ('bilangan bulat', 'teks', 'desimal', 'ya/tidak')
    """
    name = str(dtype)
    if name.startswith("string") or name == "str":
        return "teks"
    if name.startswith("datetime64"):
        return "tanggal"
    return _TIPE.get(name, name)


def _angka(value: object) -> str:
    # Bounds such as years read as written (2000, not 2.000); others the Indonesian way.
    if isinstance(value, int | float) and float(value).is_integer() and abs(value) < 10_000:
        return str(int(value))
    return fmt.angka_ringkas(value)


def _syarat(column: pa.Column) -> str:
    """The allowed values of a column, from its checks, in words."""
    parts: list[str] = []
    low = high = None
    for check in column.checks:
        stats = check.statistics or {}
        if check.name == "isin":
            parts.append(", ".join(f"`{v}`" for v in stats["allowed_values"]))
        elif check.name == "in_range":
            low, high = stats["min_value"], stats["max_value"]
        elif check.name == "greater_than_or_equal_to":
            low = stats["min_value"]
        elif check.name == "less_than_or_equal_to":
            high = stats["max_value"]
        elif check.name == "str_matches":
            parts.append(f"pola `{stats['pattern']}`")
        elif check.name == "str_length" and stats.get("min_value") == 1 and stats.get("max_value") is None:
            parts.append("tidak boleh teks kosong")
        else:  # a check this dictionary does not know yet: name it rather than hide it
            parts.append(f"`{check.name}`")
    if low is not None and high is not None:
        parts.insert(0, f"{_angka(low)}–{_angka(high)}")
    elif low is not None:
        parts.insert(0, f"≥ {_angka(low)}")
    elif high is not None:
        parts.insert(0, f"≤ {_angka(high)}")
    if column.unique:
        parts.append("unik")
    return "; ".join(parts) or "–"


def lebar(*percent: int) -> str:
    """A pipe-table separator whose dashes give Pandoc the relative column widths (PDF, DOCX).

    Examples
    --------
    >>> lebar(2, 3)
    '|--|---|'
    """
    return "|" + "|".join("-" * p for p in percent) + "|"


def sel(text: object) -> str:
    r"""``text`` as one cell of a pipe table: a ``|`` escaped, line breaks as spaces.

    Examples
    --------
    >>> print(sel("a|b\nc"))
    a\|b c
    """
    return str(text).replace("|", r"\|").replace("\n", " ")


def _unsur(config: Config) -> dict[str, tuple[str, str]]:
    return {u.kolom: (u.kode, u.nama) for u in config.skm.unsur}


def kolom_tanpa_arti(config: Config | None = None) -> list[str]:
    """``tabel.kolom`` of every contract column that :mod:`lkjip.katalog.arti` does not describe.

    Empty when the dictionary is complete; a test keeps it so.

    Examples
    --------
    >>> kolom_tanpa_arti()
    []
    """
    config = config or load_config()
    unsur = _unsur(config)
    return [
        f"{k.nama}.{c}"
        for k in kontrak_tabel(config).values()
        for c in k.skema.columns
        if arti_kolom(k.nama, c, unsur) is None
    ]


def _tabel_kolom(kontrak: Kontrak, unsur: dict[str, tuple[str, str]]) -> list[str]:
    lines = [
        "| Kolom | Tipe | Boleh kosong | Satuan | Nilai yang diizinkan | Arti |",
        lebar(22, 10, 8, 10, 18, 32),
    ]
    for name, column in kontrak.skema.columns.items():
        arti = arti_kolom(kontrak.nama, name, unsur) or Arti("(belum dijelaskan)")
        lines.append(
            f"| `{name}` | {nama_tipe(column.dtype)} | {'ya' if column.nullable else 'tidak'} | "
            f"{sel(arti.satuan or '–')} | {sel(_syarat(column))} | {sel(arti.arti)} |"
        )
    return lines


def _kunci(schema: pa.DataFrameSchema) -> str | None:
    unique = schema.unique
    if not unique:
        return None
    keys = [unique] if isinstance(unique, str) else list(unique)
    return " × ".join(f"`{k}`" for k in keys)


def bagian_tabel(
    config: Config | None = None, *, tanpa: frozenset[str] | set[str] = frozenset()
) -> list[str]:
    """The dictionary's part on the processed tables, as Markdown lines, generated from the contracts.

    An overview table (name, kind, one line), then one section per table in each kind.

    Parameters
    ----------
    config : Config, optional
        Defaults to the project's ``laporan.yml`` (it names the SKM answer columns).
    tanpa : set of str
        Tables left out (the book's page leaves out the tables of sources the office does not
        report, :func:`lkjip.data.tabel_sumber_absen`); ``docs/`` describes every table.

    Returns
    -------
    list of str
        Lines without line ends; tables are GitHub/Pandoc pipe tables.

    Examples
    --------
    >>> lines = bagian_tabel()
    >>> lines[0]
    '| Tabel | Jenis | Isi |'
    >>> any(line.startswith("| `nrr` | desimal | ya | skala 1–4 | 1–4 |") for line in lines)
    True
    """
    config = config or load_config()
    unsur = _unsur(config)
    kontrak = {nama: k for nama, k in kontrak_tabel(config).items() if nama not in tanpa}
    lines = [
        "| Tabel | Jenis | Isi |",
        lebar(25, 10, 65),
        *[f"| `{k.nama}` | {k.jenis} | {sel(k.keterangan)} |" for k in kontrak.values()],
    ]
    for jenis, heading in JENIS_TABEL.items():
        lines += ["", f"## {heading}"]
        for k in (k for k in kontrak.values() if k.jenis == jenis):
            lines += ["", f"### `{k.nama}`", "", sel(k.keterangan), ""]
            about = f"Asal: {k.asal}."
            key = _kunci(k.skema)
            if key:
                about += f" Kunci unik: {key}."
            lines += [about, "", *_tabel_kolom(k, unsur)]
    return lines
