"""What every reader shares: located problems, row accounting, safe workbook opening, header search."""

from __future__ import annotations

import zipfile
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.workbook.workbook import Workbook

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


@dataclass
class ReadResult:
    """What a reader returns: clean tables by name, quarantined rows, and the accounting."""

    tables: dict[str, pd.DataFrame]
    quarantine: pd.DataFrame = field(default_factory=lambda: empty_quarantine())
    accounting: list[RowAccounting] = field(default_factory=list)
    #: Non-fatal notes for the data log (e.g. personal-data columns dropped).
    notes: list[str] = field(default_factory=list)


def empty_quarantine() -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype="object") for c in QUARANTINE_COLUMNS})


def quarantine_rows(problems: Iterable[Problem]) -> pd.DataFrame:
    """Turn row-level problems into rows of the quarantine table."""
    rows = [
        {
            "berkas": p.berkas,
            "sheet": p.sheet,
            "baris": p.baris,
            "kolom": p.kolom,
            "nilai": None if p.nilai is None else str(p.nilai),
            "alasan": p.pesan,
        }
        for p in problems
    ]
    return pd.DataFrame(rows, columns=QUARANTINE_COLUMNS) if rows else empty_quarantine()


def column_label(index0: int, header: str | None = None) -> str:
    """Column letter for a 0-based index, with its header: ``column_label(13, "U5") == "N (U5)"``."""
    letter = get_column_letter(index0 + 1)
    return f"{letter} ({header})" if header else letter


def check_is_workbook(path: Path) -> None:
    """Raise :class:`StructuralError` unless ``path`` is a non-empty .xlsx (zip) workbook."""
    name = path.name
    if not path.exists():
        raise StructuralError([Problem(name, f"berkas tidak ditemukan: {path}")])
    if path.stat().st_size == 0:
        raise StructuralError([Problem(name, "berkas kosong (0 byte)")])
    with path.open("rb") as fh:
        head = fh.read(8)
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise StructuralError(
            [
                Problem(
                    name,
                    "berkas terenkripsi/berkata sandi atau format .xls lama; simpan ulang sebagai "
                    ".xlsx tanpa kata sandi",
                )
            ]
        )
    if not zipfile.is_zipfile(path):
        raise StructuralError(
            [Problem(name, "bukan workbook Excel (.xlsx); mungkin CSV atau teks yang diganti namanya")]
        )


def open_workbook(path: Path) -> Workbook:
    """Open a workbook with cached formula values (``data_only``), as a located error if broken."""
    check_is_workbook(path)
    try:
        return load_workbook(path, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a broken package
        raise StructuralError([Problem(path.name, f"workbook rusak, tidak dapat dibuka: {exc}")]) from None


def formulas_without_cache(path: Path, sheet: str) -> list[tuple[int, int, str]]:
    """Cells holding a formula whose cached value is missing: (row, col0, formula).

    A workbook written by a program that does not calculate (not by Excel) has formulas
    but no values; reading it would silently give blanks.
    """
    formulas = load_workbook(path, data_only=False, read_only=True)[sheet]
    values = load_workbook(path, data_only=True, read_only=True)[sheet]
    found = []
    for frow, vrow in zip(formulas.iter_rows(), values.iter_rows(), strict=False):
        for fcell, vcell in zip(frow, vrow, strict=False):
            if isinstance(fcell.value, str) and fcell.value.startswith("=") and vcell.value is None:
                found.append((fcell.row, fcell.column - 1, fcell.value))
    return found


def require_sheets(wb_sheetnames: Sequence[str], required: Sequence[str], berkas: str) -> None:
    """Raise one :class:`StructuralError` naming every required sheet that is missing."""
    missing = [s for s in required if s not in wb_sheetnames]
    if missing:
        raise StructuralError(
            [
                Problem(berkas, f"sheet '{s}' tidak ada; sheet yang ada: {list(wb_sheetnames)}")
                for s in missing
            ]
        )


def normalise_label(value: object) -> str:
    """Header text folded for matching: lower case, single spaces, no trailing dots or colons."""
    if value is None:
        return ""
    text = " ".join(str(value).replace("\n", " ").split()).lower()
    return text.rstrip(" .:")


def find_header_row(
    rows: Sequence[Sequence[object]],
    required: Sequence[str],
    *,
    berkas: str,
    sheet: str,
    search_rows: int = 30,
) -> int:
    """Find the 0-based index of the row holding every ``required`` label (folded).

    Readers locate headers by their labels, not by a fixed offset, because title rows above
    the header vary between exports.

    Raises
    ------
    StructuralError
        Naming the labels that were not found in the first ``search_rows`` rows.
    """
    wanted = [normalise_label(r) for r in required]
    best, best_hits = None, -1
    for i, row in enumerate(rows[:search_rows]):
        labels = {normalise_label(v) for v in row}
        hits = sum(w in labels for w in wanted)
        if hits == len(wanted):
            return i
        if hits > best_hits:
            best, best_hits = i, hits
    if best is not None and best_hits > 0:
        labels = {normalise_label(v) for v in rows[best]}
        missing = [r for r, w in zip(required, wanted, strict=True) if w not in labels]
        raise StructuralError(
            [
                Problem(
                    berkas,
                    f"kolom wajib tidak ditemukan pada baris judul: {missing}",
                    sheet=sheet,
                    baris=best + 1,
                )
            ]
        )
    raise StructuralError(
        [
            Problem(
                berkas,
                f"baris judul kolom tidak ditemukan (dicari: {list(required)})"
                f" di {search_rows} baris pertama",
                sheet=sheet,
            )
        ]
    )
