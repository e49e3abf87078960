"""What every reader shares: safe workbook opening, sheet checks, header search."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar
from xml.parsers import expat

import pandas as pd
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.workbook.workbook import Workbook

from lkjip.ingest.berkas import HTML, ODS, XLS, XLSX, jenis_berkas
from lkjip.ingest.cells import scan_workbook, sheet_parts, uncached_formula_problems
from lkjip.ingest.judul import SEARCH_ROWS, find_header, normalise_label
from lkjip.ingest.problems import ColumnPlaces, Problem, RowAccounting, StructuralError

T = TypeVar("T")


def column_label(index0: int, header: str | None = None) -> str:
    """Column letter for a 0-based index, with its header: ``column_label(13, "U5") == "N (U5)"``."""
    letter = get_column_letter(index0 + 1)
    return f"{letter} ({header})" if header else letter


def check_is_workbook(path: Path) -> None:
    """Raise :class:`StructuralError` unless ``path`` is a non-empty .xlsx (zip) workbook.

    The file's container is told by its bytes (:func:`lkjip.ingest.berkas.jenis_berkas`, which
    already refuses an empty, password-protected or truncated file, a zip that is no workbook,
    or text); the message names what the file is instead, in Indonesian, and how to save it as
    .xlsx: an old .xls, an OpenDocument spreadsheet (.ods) or an HTML page saved as Excel.
    """
    kind = jenis_berkas(path)
    if kind == XLSX:
        return
    what = {
        XLS: "format Excel lama (.xls); buka di Excel lalu simpan ulang sebagai .xlsx",
        ODS: (
            "berkas OpenDocument (.ods, LibreOffice/WPS), bukan .xlsx; simpan ulang sebagai "
            "'Excel 2007-365 (.xlsx)'"
        ),
        HTML: "halaman HTML yang disimpan sebagai Excel, bukan workbook Excel (.xlsx); buka di Excel "
        "lalu simpan ulang sebagai .xlsx",
    }[kind]
    raise StructuralError([Problem(path.name, what)])


def broken_workbook_problem(path: Path, exc: Exception) -> Problem:
    """A workbook that a library could not open, in Indonesian, naming the sheet at fault.

    Every worksheet part is parsed as XML; the first that is not well-formed names its sheet.
    """
    try:
        with zipfile.ZipFile(path) as zf:
            for sheet, part in sheet_parts(zf).items():
                parser = expat.ParserCreate()
                try:
                    with zf.open(part) as fh:
                        parser.ParseFile(fh)
                except KeyError:
                    return Problem(path.name, f"bagian sheet tidak ada di arsip ({part})", sheet=sheet)
                except (expat.ExpatError, zipfile.BadZipFile, OSError, EOFError) as err:
                    return Problem(
                        path.name,
                        f"sheet rusak, isinya tidak dapat dibaca ({type(err).__name__}: {err}); buka di "
                        "Excel, perbaiki atau salin ulang sheet ini, lalu simpan ulang",
                        sheet=sheet,
                    )
    except Exception:
        pass
    return Problem(
        path.name,
        f"workbook rusak, tidak dapat dibuka ({type(exc).__name__}: {exc}); buka di Excel lalu simpan ulang",
    )


#: A worksheet part larger than this is stripped of its value-less cells before openpyxl reads it.
STRIP_ABOVE_BYTES = 1 << 20
_EMPTY_CELL = re.compile(rb'<c r="[A-Z]{1,3}[0-9]+"(?: [a-z]+="[^"]*")*\s*/>')
_EMPTY_ROW = re.compile(rb'<row r="[0-9]+"(?: (?!hidden=)[a-zA-Z:]+="[^"]*")*\s*(?:/>|>\s*</row>)')


def without_blank_cells(path: Path) -> io.BytesIO | None:
    """The workbook with formatted but value-less cells (and then empty rows) removed, or None.

    A sheet formatted far below its data (borders or fills on 100.000 empty rows) makes
    openpyxl build a cell object for each, 25 s instead of 4 s; the cells hold nothing a reader
    uses (hidden rows are kept). Only large worksheet parts are rewritten, in memory; the file
    on disk is never changed.
    """
    with zipfile.ZipFile(path) as zf:
        parts = set(sheet_parts(zf).values())
        big = [i for i in zf.infolist() if i.filename in parts and i.file_size > STRIP_ABOVE_BYTES]
        if not big:
            return None
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as target:
            for info in zf.infolist():
                data = zf.read(info.filename)
                if info in big:
                    data = _EMPTY_ROW.sub(b"", _EMPTY_CELL.sub(b"", data))
                target.writestr(info.filename, data)
    out.seek(0)
    return out


def open_workbook(path: Path) -> Workbook:
    """Open a workbook with cached formula values (``data_only``), as a located error if broken.

    Formatted blank rows below the data are skipped before openpyxl sees them
    (:func:`without_blank_cells`), so they cost about what data rows cost.
    """
    check_is_workbook(path)
    try:
        stripped = without_blank_cells(path)
        return load_workbook(stripped or path, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a broken package
        raise StructuralError([broken_workbook_problem(path, exc)]) from None


def uncached_problems(path: Path, sheets: Sequence[str]) -> list[Problem]:
    """:func:`lkjip.ingest.cells.uncached_formula_problems` for ``sheets`` of ``path``.

    Found in the worksheet XML by :func:`lkjip.ingest.cells.scan_workbook` (one pass, cached,
    no second openpyxl load).
    """
    scanned = scan_workbook(path, sheets)
    return [p for sheet in sheets for p in uncached_formula_problems(path.name, sheet, scanned.get(sheet))]


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


def find_header_row(
    rows: Sequence[Sequence[object]],
    required: Sequence[str],
    *,
    berkas: str,
    sheet: str,
    search_rows: int = SEARCH_ROWS,
) -> int:
    """Find the 0-based index of the first row holding every ``required`` label (folded).

    Readers locate headers by their labels, not by a fixed offset, because title rows above
    the header vary between exports. The search is :func:`lkjip.ingest.judul.find_header`'s,
    the one header finder of every reader.

    Raises
    ------
    StructuralError
        Naming the labels that were not found in the first ``search_rows`` rows.
    """
    fields = {label: (label,) for label in required}
    return find_header(
        rows, fields, list(required), berkas=berkas, sheet=sheet, search_rows=search_rows,
        key=normalise_label, twice_ok=True,
    ).baris  # fmt: skip


@dataclass
class Lembar:
    """What reading one sheet gives: its clean rows, rejected rows, accounting, notes, columns."""

    frame: pd.DataFrame
    rejected: list[Problem] = field(default_factory=list)
    accounting: RowAccounting | None = None
    notes: list[str] = field(default_factory=list)
    #: Where the columns warnings may name sit (:data:`lkjip.ingest.problems.ColumnPlaces`).
    kolom: ColumnPlaces = field(default_factory=dict)


@dataclass
class Terkumpul:
    """The sheets of a workbook read one by one (:func:`read_sheets`), gathered."""

    frames: list[pd.DataFrame] = field(default_factory=list)
    rejected: list[Problem] = field(default_factory=list)
    accounting: list[RowAccounting] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    kolom: ColumnPlaces = field(default_factory=dict)


def read_sheets(sheets: Iterable[T], read_one: Callable[[T], Lembar | None]) -> Terkumpul:
    """Read every sheet with ``read_one`` (one per year, one per perangkat daerah, ...) and gather them.

    The loop every reader of several sheets shares: a sheet with structural problems does not
    stop the others from being read, so that every problem of the workbook is reported at once;
    ``read_one`` returns ``None`` for a sheet it leaves out (it says why in its own notes).

    Raises
    ------
    StructuralError
        With the structural problems of every sheet, after all were read.

    Examples
    --------
    >>> def one(tahun):
    ...     if tahun == 2024:
    ...         raise StructuralError([Problem("s.xlsx", "kolom Nilai tidak ada", sheet=str(tahun))])
    ...     return Lembar(pd.DataFrame({"tahun": [tahun]}))
    >>> len(read_sheets([2023, 2025], one).frames)
    2
    >>> read_sheets([2023, 2024], one)
    Traceback (most recent call last):
    ...
    lkjip.ingest.problems.StructuralError: s.xlsx, sheet '2024': kolom Nilai tidak ada
    """
    got = Terkumpul()
    problems: list[Problem] = []
    for sheet in sheets:
        try:
            lembar = read_one(sheet)
        except StructuralError as exc:
            problems.extend(exc.problems)
            continue
        if lembar is None:
            continue
        got.frames.append(lembar.frame)
        got.rejected.extend(lembar.rejected)
        if lembar.accounting is not None:
            got.accounting.append(lembar.accounting)
        got.notes.extend(lembar.notes)
        got.kolom.update(lembar.kolom)
    if problems:
        raise StructuralError(problems)
    return got
