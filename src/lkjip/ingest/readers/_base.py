"""What every reader shares: safe workbook opening, sheet checks, header search."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Sequence
from pathlib import Path
from xml.parsers import expat

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.workbook.workbook import Workbook

from lkjip.ingest.cells import scan_workbook, sheet_parts, uncached_formula_problems
from lkjip.ingest.problems import Problem, StructuralError


def column_label(index0: int, header: str | None = None) -> str:
    """Column letter for a 0-based index, with its header: ``column_label(13, "U5") == "N (U5)"``."""
    letter = get_column_letter(index0 + 1)
    return f"{letter} ({header})" if header else letter


def check_is_workbook(path: Path) -> None:
    """Raise :class:`StructuralError` unless ``path`` is a non-empty .xlsx (zip) workbook.

    The message names what the file is instead, in Indonesian: an old .xls or a password-protected
    workbook (both OLE containers), an OpenDocument spreadsheet (.ods), a truncated .xlsx, a zip
    that is no workbook, or text (a CSV renamed).
    """
    name = path.name
    if not path.exists():
        raise StructuralError([Problem(name, f"berkas tidak ditemukan: {path}")])
    if path.stat().st_size == 0:
        raise StructuralError([Problem(name, "berkas kosong (0 byte)")])
    with path.open("rb") as fh:
        head = fh.read(1 << 16)
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        if "EncryptedPackage".encode("utf-16-le") in head or b"EncryptedPackage" in head:
            what = "workbook berkata sandi (terenkripsi); buka di Excel, hapus kata sandi, lalu simpan ulang"
        else:
            what = "format Excel lama (.xls); buka di Excel lalu simpan ulang sebagai .xlsx"
        raise StructuralError([Problem(name, what)])
    if not zipfile.is_zipfile(path):
        if head.startswith(b"PK\x03\x04"):
            what = (
                "berkas .xlsx terpotong atau rusak (arsip zip tidak lengkap, mungkin unduhan atau salinan "
                "yang terputus); salin atau unduh ulang berkasnya"
            )
        else:
            what = "bukan workbook Excel (.xlsx); mungkin CSV atau teks yang diganti namanya"
        raise StructuralError([Problem(name, what)])
    try:
        with zipfile.ZipFile(path) as zf:
            members = set(zf.namelist())
            mimetype = zf.read("mimetype")[:100] if "mimetype" in members else b""
    except (zipfile.BadZipFile, OSError) as exc:
        raise StructuralError([Problem(name, f"arsip zip rusak: {exc}")]) from None
    if b"opendocument" in mimetype:
        raise StructuralError(
            [
                Problem(
                    name,
                    "berkas OpenDocument (.ods, LibreOffice/WPS), bukan .xlsx; simpan ulang sebagai "
                    "'Excel 2007-365 (.xlsx)'",
                )
            ]
        )
    if "xl/workbook.xml" not in members:
        raise StructuralError(
            [Problem(name, "arsip zip tanpa xl/workbook.xml: bukan workbook Excel (.xlsx)")]
        )


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
