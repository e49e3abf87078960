"""The shared rule of every reader: a cell that cannot be read as a value is found and located.

Three kinds of cell look blank to a reader that asks only for values, and would silently become
"no answer", a missing score or a skipped total:

- an **error cell** (``#N/A``, ``#DIV/0!``, ...): Excel stored the failure of a formula;
- a **formula without a cached value**: the workbook was written by a program that does not
  calculate (openpyxl and other scripts), so there is no value to read;
- a **covered cell of a merged range**: only the top-left cell of a merged range holds a value.

:func:`scan_workbook` finds all three by reading the worksheet XML directly (one pass over each
sheet's part, with byte searches first so that a clean sheet costs one decompression), without
opening the workbook a second time through openpyxl. The readers turn what it finds into
located problems, by one rule for every reader: :func:`uncached_formula_problems` stops the step
(structural), :func:`damage_problems` quarantines the rows a reader kept that hold an error cell or
a covered merged cell.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from openpyxl.utils import column_index_from_string, get_column_letter

from lkjip.ingest.problems import Problem

#: Excel's error values as they are stored in a cell (``t="e"``) and shown.
ERROR_VALUES = (
    "#N/A",
    "#DIV/0!",
    "#VALUE!",
    "#REF!",
    "#NAME?",
    "#NUM!",
    "#NULL!",
    "#SPILL!",
    "#CALC!",
    "#GETTING_DATA",
)

#: What each error value means, for the message (Bahasa Indonesia).
ERROR_MEANING = {
    "#N/A": "nilai tidak tersedia",
    "#DIV/0!": "pembagian dengan nol",
    "#VALUE!": "jenis nilai salah dalam rumus",
    "#REF!": "rujukan sel tidak sah",
    "#NAME?": "nama fungsi/rentang tidak dikenal",
    "#NUM!": "angka tidak sah",
    "#NULL!": "irisan rentang kosong",
}

#: calamine's (fastexcel's) names of the error values, as in ``"Expected string but got 'Error(NA)'"``.
CALAMINE_ERRORS = {
    "Null": "#NULL!",
    "Div0": "#DIV/0!",
    "Value": "#VALUE!",
    "Ref": "#REF!",
    "Name": "#NAME?",
    "Num": "#NUM!",
    "NA": "#N/A",
    "GettingData": "#GETTING_DATA",
}

_SHEET_TAG = re.compile(rb"<(?:\w+:)?sheet\b[^>]*?\bname=\"([^\"]*)\"[^>]*?\br:id=\"([^\"]*)\"")
_SHEET_TAG_ID_FIRST = re.compile(rb"<(?:\w+:)?sheet\b[^>]*?\br:id=\"([^\"]*)\"[^>]*?\bname=\"([^\"]*)\"")
_REL_TAG = re.compile(rb"<(?:\w+:)?Relationship\b([^>]*)>")
_ATTR = re.compile(rb"(\w+)=\"([^\"]*)\"")
_ERROR_CELL = re.compile(
    rb"<c r=\"([A-Z]{1,3})(\d+)\"[^>]*?\bt=\"e\"[^>]*>(?:<f\b[^>]*?(?:/>|>[^<]*</f>))?<v>([^<]*)</v>"
)
_FORMULA_CELL = re.compile(
    rb"<c r=\"([A-Z]{1,3})(\d+)\"([^>]*)>(<f\b[^>]*?/>|<f\b[^>]*>[^<]*</f>)(<v>[^<]*</v>|<v\s*/>)?"
)
_MERGE = re.compile(rb"<(?:\w+:)?mergeCell\s+ref=\"([A-Z]{1,3})(\d+)(?::([A-Z]{1,3})(\d+))?\"")
_FORMULA_TEXT = re.compile(rb"<f\b[^>]*>([^<]*)</f>")


@dataclass(frozen=True)
class SheetCells:
    """What one sheet holds besides readable values. Rows are Excel rows (1-based), columns 0-based."""

    #: (row, col0) -> the error value, e.g. ``"#N/A"``.
    errors: dict[tuple[int, int], str] = field(default_factory=dict)
    #: (row, col0) -> the formula (``"=SUM(D6:D9)"``; ``"(rumus bersama)"`` for a shared formula).
    uncached: dict[tuple[int, int], str] = field(default_factory=dict)
    #: Merged ranges as (min_row, min_col0, max_row, max_col0).
    merged: tuple[tuple[int, int, int, int], ...] = ()

    def covered(self) -> dict[tuple[int, int], str]:
        """(row, col0) of every merged cell but the top-left one -> the range, e.g. ``"O6:O7"``."""
        out = {}
        for r1, c1, r2, c2 in self.merged:
            ref = f"{get_column_letter(c1 + 1)}{r1}:{get_column_letter(c2 + 1)}{r2}"
            for r in range(r1, r2 + 1):
                for c in range(c1, c2 + 1):
                    if (r, c) != (r1, c1):
                        out[(r, c)] = ref
        return out

    def __bool__(self) -> bool:
        return bool(self.errors or self.uncached or self.merged)


def sheet_parts(zf: zipfile.ZipFile) -> dict[str, str]:
    """Sheet name -> the zip member of its worksheet XML."""
    workbook = zf.read("xl/workbook.xml")
    rels = zf.read("xl/_rels/workbook.xml.rels")
    targets = {}
    for match in _REL_TAG.finditer(rels):
        attrs = dict(_ATTR.findall(match.group(1)))
        if b"Id" in attrs and b"Target" in attrs:
            target = attrs[b"Target"].decode()
            target = target.lstrip("/") if target.startswith("/") else posixpath.normpath(f"xl/{target}")
            targets[attrs[b"Id"].decode()] = target
    parts = {}
    for match in _SHEET_TAG.finditer(workbook):
        name, rid = match.group(1), match.group(2)
        parts[_unescape(name)] = targets.get(rid.decode(), "")
    if not parts:
        for match in _SHEET_TAG_ID_FIRST.finditer(workbook):
            rid, name = match.group(1), match.group(2)
            parts[_unescape(name)] = targets.get(rid.decode(), "")
    return parts


def _unescape(raw: bytes) -> str:
    return (
        raw.decode("utf-8")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", '"')
        .replace("&apos;", "'")
        .replace("&amp;", "&")
    )


def scan_sheet_xml(data: bytes) -> SheetCells:
    """Find error cells, uncached formulas and merged ranges in (a piece of) a worksheet's XML.

    ``data`` must not cut a cell in two (see :func:`scan_sheet_stream`).
    """
    errors: dict[tuple[int, int], str] = {}
    uncached: dict[tuple[int, int], str] = {}
    merged: list[tuple[int, int, int, int]] = []
    if b't="e"' in data:
        for m in _ERROR_CELL.finditer(data):
            errors[(int(m.group(2)), column_index_from_string(m.group(1).decode()) - 1)] = m.group(3).decode()
    if b"<f>" in data or b"<f " in data:
        for m in _FORMULA_CELL.finditer(data):
            attrs, value = m.group(3), m.group(5)
            empty = value is None or value.startswith((b"<v/", b"<v />")) or value == b"<v></v>"
            if not empty or (value == b"<v></v>" and b't="str"' in attrs):
                continue  # a cached value (an empty text result is a value too)
            text = _FORMULA_TEXT.match(m.group(4))
            formula = f"={_unescape(text.group(1))}" if text and text.group(1) else "(rumus bersama)"
            uncached[(int(m.group(2)), column_index_from_string(m.group(1).decode()) - 1)] = formula
    if b"mergeCell " in data:
        for m in _MERGE.finditer(data):
            c1 = column_index_from_string(m.group(1).decode()) - 1
            r1 = int(m.group(2))
            c2 = column_index_from_string(m.group(3).decode()) - 1 if m.group(3) else c1
            r2 = int(m.group(4)) if m.group(4) else r1
            merged.append((r1, c1, r2, c2))
    return SheetCells(errors, uncached, tuple(merged))


#: Bytes of XML decompressed at a time: memory stays small whatever the sheet's size.
CHUNK = 1 << 22


def scan_sheet_stream(stream) -> SheetCells:
    """:func:`scan_sheet_xml` over a worksheet part read piece by piece (a file-like object).

    Each piece ends after the last complete cell or row it holds; the rest is carried over.
    A clean piece costs only its byte searches.
    """
    errors: dict[tuple[int, int], str] = {}
    uncached: dict[tuple[int, int], str] = {}
    merged: list[tuple[int, int, int, int]] = []
    carry = b""
    while True:
        chunk = stream.read(CHUNK)
        data = carry + chunk
        if not chunk:
            cut = len(data)
        else:
            end_cell, end_row = data.rfind(b"</c>"), data.rfind(b"</row>")
            cut = max(end_cell + 4 if end_cell >= 0 else 0, end_row + 6 if end_row >= 0 else 0)
        piece, carry = data[:cut], data[cut:]
        found = scan_sheet_xml(piece)
        errors.update(found.errors)
        uncached.update(found.uncached)
        merged.extend(found.merged)
        if not chunk:
            return SheetCells(errors, uncached, tuple(merged))


def scan_sheet(path: Path, sheet: str) -> SheetCells | None:
    """Scan one sheet of an .xlsx by name (``None`` when the workbook has no such sheet)."""
    with zipfile.ZipFile(path) as zf:
        part = sheet_parts(zf).get(sheet)
        if part is None or part not in zf.namelist():
            return None
        with zf.open(part) as fh:
            return scan_sheet_stream(fh)


def scan_workbook(path: Path, sheets: Iterable[str] | None = None) -> dict[str, SheetCells]:
    """Scan the worksheets of an .xlsx (all, or the named ``sheets``) for unreadable cells.

    Results are cached per file path, size and modification time, so that several readers
    or checks of one workbook scan it once.
    """
    path = Path(path)
    stat = path.stat()
    scanned = _scan_cached(str(path), stat.st_size, stat.st_mtime_ns)
    if sheets is None:
        return dict(scanned)
    wanted = set(sheets)
    return {name: cells for name, cells in scanned if name in wanted}


@lru_cache(maxsize=32)
def _scan_cached(path: str, _size: int, _mtime: int) -> tuple[tuple[str, SheetCells], ...]:
    found = []
    with zipfile.ZipFile(path) as zf:
        names = set(zf.namelist())
        for sheet, part in sheet_parts(zf).items():
            if part in names:
                with zf.open(part) as fh:
                    found.append((sheet, scan_sheet_stream(fh)))
    return tuple(found)


def error_text(value: str) -> str:
    """``"galat Excel '#N/A' (nilai tidak tersedia)"``: an error value as the messages name it."""
    meaning = ERROR_MEANING.get(value)
    return f"galat Excel '{value}'" + (f" ({meaning})" if meaning else "")


def uncached_formula_problems(
    berkas: str, sheet: str, cells: SheetCells | None, labels: dict[int, str] | None = None
) -> list[Problem]:
    """One structural problem per formula without a cached value in a sheet a reader uses.

    The rule of every reader: such a formula means the workbook was saved by a program that does
    not calculate (openpyxl and other scripts), so every formula of the file reads blank, not
    only this row's; the step stops (exit code 2) instead of quarantining rows one by one.

    Parameters
    ----------
    berkas, sheet : str
        Where the cells are.
    cells : SheetCells or None
        What :func:`scan_workbook` found in the sheet (``None``: nothing).
    labels : dict, optional
        0-based column -> its label (``"M (U2)"``); the column letter otherwise.

    Examples
    --------
    >>> found = SheetCells(uncached={(9, 3): "=80+1"})
    >>> [p] = uncached_formula_problems("sakip.xlsx", "SAKIP 2025", found)
    >>> p.baris, p.kolom, p.pesan.split(";")[0]
    (9, 'D', 'rumus tanpa nilai tersimpan (=80+1)')
    """
    if not cells:
        return []
    return [
        Problem(
            berkas,
            f"rumus tanpa nilai tersimpan ({formula}); berkas disimpan oleh program yang tidak "
            "menghitung rumus: buka di Excel lalu simpan ulang",
            sheet,
            row,
            (labels or {}).get(col0) or get_column_letter(col0 + 1),
        )
        for (row, col0), formula in sorted(cells.uncached.items())
    ]


def damage_problems(
    berkas: str,
    sheet: str,
    cells: SheetCells,
    rows: Iterable[int],
    columns: dict[int, str] | None = None,
    *,
    expected: str = "nilai",
    merged_ok: Iterable[int] = (),
) -> list[Problem]:
    """Located row problems (for quarantine) for the error cells and covered merged cells of ``rows``.

    Formulas without a cached value are not row problems: see :func:`uncached_formula_problems`.

    Parameters
    ----------
    berkas, sheet : str
        Where the cells are.
    cells : SheetCells
        What :func:`scan_workbook` found in the sheet.
    rows : iterable of int
        Excel rows the reader keeps as data; cells of other rows are not reported here.
    columns : dict, optional
        0-based column -> its label (``"D (Nilai)"``); only these columns are checked. All
        columns when omitted (the label is then the column letter).
    expected : str
        What the contract expects in such a cell, for the message.
    merged_ok : iterable of int
        Columns where a merged range is a convention of the form (a label written once over
        several rows), not a lost value.

    Returns
    -------
    list of Problem
        One per error cell or covered merged cell: what was found and what was expected.
    """
    wanted = set(rows)
    if not wanted or not cells:
        return []
    ok = set(merged_ok)

    def label(col0: int) -> str | None:
        if columns is None:
            return get_column_letter(col0 + 1)
        return columns.get(col0)

    problems = []
    for (row, col0), value in sorted(cells.errors.items()):
        if row in wanted and (kolom := label(col0)) is not None:
            problems.append(
                Problem(
                    berkas, f"sel berisi {error_text(value)}; diharapkan {expected}", sheet, row, kolom, value
                )
            )
    for (row, col0), ref in sorted(cells.covered().items()):
        if row in wanted and col0 not in ok and (kolom := label(col0)) is not None:
            anchor = ref.split(":")[0]
            problems.append(
                Problem(
                    berkas,
                    f"sel bagian dari sel gabungan {ref}: nilainya hanya tertulis di {anchor}, baris ini "
                    f"terbaca kosong; diharapkan {expected} di setiap baris (pisahkan sel gabungan)",
                    sheet,
                    row,
                    kolom,
                )
            )
    return problems
