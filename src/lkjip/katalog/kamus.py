"""The data dictionary: every processed table's contract, written out in Indonesian Markdown.

:func:`kontrak_tabel` gathers the contract (pandera schema) of every table the data step
writes to ``data/processed``; :func:`kamus_markdown` turns them into the dictionary (table,
column, type, whether it may be empty, unit, allowed values, meaning). The committed
``docs/kamus-data.md`` is this text for the project's ``laporan.yml``: ``python -m lkjip
kamus-data`` rewrites it, and a test fails when it differs from a fresh generation.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandera.pandas as pa

from lkjip.core import fmt
from lkjip.core.config import Config, load_config
from lkjip.core.paths import paths
from lkjip.katalog.arti import Arti, arti_kolom
from lkjip.katalog.dataset import DATASET, JENIS_TABEL

#: Where the dictionary is committed, relative to the project root.
BERKAS_KAMUS = Path("docs") / "kamus-data.md"

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


def _tipe(dtype: object) -> str:
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


def _lebar(*percent: int) -> str:
    """A pipe-table separator whose dashes give Pandoc the relative column widths (PDF, DOCX)."""
    return "|" + "|".join("-" * p for p in percent) + "|"


def _cell(text: object) -> str:
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
        _lebar(22, 10, 8, 10, 18, 32),
    ]
    for name, column in kontrak.skema.columns.items():
        arti = arti_kolom(kontrak.nama, name, unsur) or Arti("(belum dijelaskan)")
        lines.append(
            f"| `{name}` | {_tipe(column.dtype)} | {'ya' if column.nullable else 'tidak'} | "
            f"{_cell(arti.satuan or '–')} | {_cell(_syarat(column))} | {_cell(arti.arti)} |"
        )
    return lines


def _kunci(schema: pa.DataFrameSchema) -> str | None:
    unique = schema.unique
    if not unique:
        return None
    keys = [unique] if isinstance(unique, str) else list(unique)
    return " × ".join(f"`{k}`" for k in keys)


def kamus_markdown(
    config: Config | None = None, *, judul: bool = True, tanpa: frozenset[str] | set[str] = frozenset()
) -> str:
    """The data dictionary as Markdown, generated from the contracts.

    Parameters
    ----------
    config : Config, optional
        Defaults to the project's ``laporan.yml`` (it names the SKM answer columns).
    judul : bool
        Start with the ``# Kamus Data`` heading (the file in ``docs/``); the book's page has
        its own title and passes ``False``.
    tanpa : set of str
        Tables left out: the book's page leaves out the tables of sources the office does not
        report (:func:`lkjip.data.tabel_sumber_absen`); ``docs/`` describes every table.

    Returns
    -------
    str
        Ends with a newline; tables are GitHub/Pandoc pipe tables.

    Examples
    --------
    >>> text = kamus_markdown()
    >>> text.startswith("# Kamus Data")
    True
    >>> "| `nrr` | desimal | ya | skala 1–4 | 1–4 |" in text
    True
    """
    config = config or load_config()
    unsur = _unsur(config)
    kontrak = {nama: k for nama, k in kontrak_tabel(config).items() if nama not in tanpa}
    lines = ["# Kamus Data", ""] if judul else []
    lines += [
        "Setiap tabel di `data/processed/` (Parquet, dengan salinan CSV), kolomnya, tipe, satuan, "
        "nilai yang diizinkan, dan artinya. Halaman ini dibuat otomatis dari kontrak data (pandera) "
        "oleh `python -m lkjip kamus-data`; jangan diubah dengan tangan. Nilai kosong berarti tidak "
        "ada data (N/A), tidak pernah 0. Tabel dapat dibuka dengan `lkjip.data.tabel(nama)`.",
        "",
        *(
            [
                f"Tabel dari sumber yang tidak dilaporkan kantor ini ({len(tanpa)} tabel, ditulis "
                "kosong di `data/processed/`) tidak dicantumkan.",
                "",
            ]
            if tanpa
            else []
        ),
        "| Tabel | Jenis | Isi |",
        _lebar(25, 10, 65),
        *[f"| `{k.nama}` | {k.jenis} | {_cell(k.keterangan)} |" for k in kontrak.values()],
    ]
    for jenis, heading in JENIS_TABEL.items():
        lines += ["", f"## {heading}"]
        for k in (k for k in kontrak.values() if k.jenis == jenis):
            lines += ["", f"### `{k.nama}`", "", _cell(k.keterangan), ""]
            about = f"Asal: {k.asal}."
            key = _kunci(k.skema)
            if key:
                about += f" Kunci unik: {key}."
            lines += [about, "", *_tabel_kolom(k, unsur)]
    return "\n".join(lines) + "\n"


def berkas_kamus(root: Path | None = None) -> Path:
    """Where the dictionary is committed in the project at ``root``: ``docs/kamus-data.md``.

    Examples
    --------
    >>> berkas_kamus().relative_to(paths().root).as_posix()
    'docs/kamus-data.md'
    """
    return paths(root).root / BERKAS_KAMUS


def write_kamus(target: Path, config: Config | None = None) -> Path:
    """Write the dictionary to ``target`` (UTF-8, ``\\n`` line ends) and return it.

    Examples
    --------
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     written = write_kamus(Path(folder) / "kamus.md")
    ...     written.read_text(encoding="utf-8").splitlines()[0], kamus_sesuai(written)
    ('# Kamus Data', True)
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(kamus_markdown(config), encoding="utf-8", newline="\n")
    return target


def kamus_sesuai(target: Path, config: Config | None = None) -> bool:
    """Whether ``target`` holds exactly the dictionary the contracts give now (the CI check).

    Examples
    --------
    >>> kamus_sesuai(Path("tidak-ada.md"))
    False
    """
    return target.exists() and target.read_text(encoding="utf-8") == kamus_markdown(config)
