"""What reading produces: located problems, row accounting, quarantine rows, the read result."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import pandas as pd

#: Columns of the quarantine table (``karantina``), one row per rejected input row.
QUARANTINE_COLUMNS = ["berkas", "sheet", "baris", "kolom", "nilai", "alasan"]

#: Columns every clean table carries so that each value can be traced to its cell.
SOURCE_COLUMNS = ["berkas", "sheet", "baris"]


@dataclass(frozen=True)
class Problem:
    """One problem in an input, located to the cell, worded in Bahasa Indonesia.

    ``baris`` is the Excel row number (1-based, as Excel shows it); ``kolom`` is the column
    letter followed by its header when known, e.g. ``"N (U5)"``.
    """

    berkas: str
    pesan: str
    sheet: str | None = None
    baris: int | None = None
    kolom: str | None = None
    nilai: object = None

    def __str__(self) -> str:
        where = [self.berkas]
        if self.sheet is not None:
            where.append(f"sheet '{self.sheet}'")
        if self.baris is not None:
            where.append(f"baris {self.baris}")
        if self.kolom is not None:
            where.append(f"kolom {self.kolom}")
        shown = "" if self.nilai is None else f" [nilai: {self.nilai!r}]"
        return f"{', '.join(where)}: {self.pesan}{shown}"


class StructuralError(Exception):
    """An input cannot be read at all (missing sheet or column, not a workbook, empty file).

    Carries every problem found so that a run reports them all together.
    """

    def __init__(self, problems: Sequence[Problem]):
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


@dataclass
class RowAccounting:
    """Where every row of one sheet went: read = kept + quarantined + skipped."""

    berkas: str
    sheet: str
    dibaca: int = 0
    disimpan: int = 0
    dikarantina: int = 0
    dilewati: Counter = field(default_factory=Counter)  # reason -> count

    @property
    def balanced(self) -> bool:
        return self.dibaca == self.disimpan + self.dikarantina + sum(self.dilewati.values())

    def skip(self, reason: str, count: int = 1) -> None:
        self.dilewati[reason] += count

    def as_dict(self) -> dict:
        return {
            "berkas": self.berkas,
            "sheet": self.sheet,
            "dibaca": self.dibaca,
            "disimpan": self.disimpan,
            "dikarantina": self.dikarantina,
            "dilewati": dict(sorted(self.dilewati.items())),
        }

    def __str__(self) -> str:
        skipped = ", ".join(f"{k} {v}" for k, v in sorted(self.dilewati.items())) or "0"
        return (
            f"{self.berkas} [{self.sheet}]: dibaca {self.dibaca} = disimpan {self.disimpan}"
            f" + dikarantina {self.dikarantina} + dilewati ({skipped})"
        )


#: Where a clean table's column sits in its sheet, so that a warning about a value can name the
#: Excel column as every other message does: (berkas, sheet, column, tahun) -> ``"D (Nilai)"``.
#: ``tahun`` is ``None`` when the column holds every year of the sheet (a sheet per year);
#: a sheet with a column per year (the Perjanjian Kinerja) gives one entry per year.
ColumnPlaces = dict[tuple[str, str, str, int | None], str]


def column_place(
    places: ColumnPlaces, berkas: str, sheet: str | None, kolom: str, tahun: object = None
) -> str:
    """The Excel column of ``kolom`` in ``sheet`` (for ``tahun``), or ``kolom`` itself when unknown.

    Examples
    --------
    >>> places = {("pk.xlsx", "PK", "target", 2025): "P (Target 2025)"}
    >>> places[("s.xlsx", "S", "nilai", None)] = "D (Nilai)"
    >>> column_place(places, "pk.xlsx", "PK", "target", 2025)
    'P (Target 2025)'
    >>> column_place(places, "s.xlsx", "S", "nilai", 2024)  # a sheet per year: any year
    'D (Nilai)'
    >>> column_place(places, "pk.xlsx", "PK", "realisasi", 2025)
    'realisasi'
    """
    year = None if tahun is None or pd.isna(tahun) else int(tahun)
    return places.get((berkas, sheet, kolom, year)) or places.get((berkas, sheet, kolom, None)) or kolom


def check_accounting(accounting: Iterable[RowAccounting]) -> list[Problem]:
    """One structural problem per sheet whose rows do not add up (read ≠ kept + quarantined + skipped)."""
    return [
        Problem(a.berkas, f"akuntansi baris tidak seimbang: {a}", sheet=a.sheet)
        for a in accounting
        if not a.balanced
    ]


@dataclass
class ReadResult:
    """What a reader returns: clean tables by name, quarantined rows, and the accounting."""

    tables: dict[str, pd.DataFrame]
    quarantine: pd.DataFrame = field(default_factory=lambda: empty_quarantine())
    accounting: list[RowAccounting] = field(default_factory=list)
    #: Non-fatal notes for the data log (e.g. personal-data columns dropped).
    notes: list[str] = field(default_factory=list)
    #: Located warnings: the data were kept but may be wrong (``peringatan.csv``; exit 1
    #: under ``--strict``).
    warnings: list[Problem] = field(default_factory=list)
    #: Where the columns that warnings may name sit in their sheets (:data:`ColumnPlaces`).
    kolom: ColumnPlaces = field(default_factory=dict)
    #: Files whose ``kode_unit`` holds the unit's name (an export without codes): the data step
    #: finds the codes in a register (:mod:`lkjip.ingest.registers`).
    kode_dari_nama: set[str] = field(default_factory=set)
    #: Files whose ``kode_pd`` holds the perangkat daerah's name (a SAKIP recap without Kode PD,
    #: an evaluation worksheet): the data step finds the codes in a register.
    kode_pd_dari_nama: set[str] = field(default_factory=set)


#: The located warnings, written by the data step beside the processed tables.
WARNINGS_CSV = "peringatan.csv"
#: Columns of ``peringatan.csv``, one row per located warning.
WARNING_COLUMNS = ["berkas", "sheet", "baris", "kolom", "nilai", "pesan"]


def _rows(problems: Iterable[Problem], message_column: str) -> list[dict]:
    return [
        {
            "berkas": p.berkas,
            "sheet": p.sheet,
            "baris": p.baris,
            "kolom": p.kolom,
            "nilai": None if p.nilai is None else str(p.nilai),
            message_column: p.pesan,
        }
        for p in problems
    ]


def warning_rows(problems: Iterable[Problem]) -> pd.DataFrame:
    """The located warnings as the rows of ``peringatan.csv``."""
    return pd.DataFrame(_rows(problems, "pesan"), columns=WARNING_COLUMNS).astype({"baris": "Int64"})


def empty_quarantine() -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype="object") for c in QUARANTINE_COLUMNS})


def concat_quarantine(frames: Iterable[pd.DataFrame]) -> pd.DataFrame:
    """Quarantine tables (of several files or steps) as one; empty when all are."""
    found = [f for f in frames if len(f)]
    return pd.concat(found, ignore_index=True) if found else empty_quarantine()


def add_to_quarantine(quarantine: pd.DataFrame, problems: Iterable[Problem]) -> pd.DataFrame:
    """``quarantine`` with one more row per row-level problem (the rows a check sent there)."""
    return concat_quarantine([quarantine, quarantine_rows(problems)])


def quarantine_rows(problems: Iterable[Problem]) -> pd.DataFrame:
    """Turn row-level problems into rows of the quarantine table."""
    rows = _rows(problems, "alasan")
    return pd.DataFrame(rows, columns=QUARANTINE_COLUMNS) if rows else empty_quarantine()
