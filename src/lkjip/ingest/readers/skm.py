"""Reader of the e-SKM respondent exports: fast (fastexcel + Arrow), located, no personal data.

Each workbook has a sheet ``Responden`` (title rows, a header row found by its labels, one
row per respondent) and optionally a sheet ``Unit`` (unit code, name and populasi). The sheet
is read once by fastexcel (calamine, Rust) with every cell as text, and every column is then
parsed vectorised with Arrow compute: a cell that is neither a valid value nor a missing token
("-", blank) is never a silent blank, its row goes to quarantine with the file, sheet, Excel
row, column letter and header, the value and the reason. Only the columns of the data
contract are kept: name, phone, NIK, email and every other column are dropped and named in
``ReadResult.notes``.

Row-level rules (answers 1–4 or missing, jenis kelamin L/P, umur 10–110, dates, a respondent
number used twice in a unit, one unit code used for two unit names) are checked here,
vectorised, because each failure must be located and explained cell by cell. The full pandera
contract of :mod:`lkjip.ingest.schemas.skm` then runs on the clean table as a safety net: with the
failures already removed it is cheap (about 0,4 s at a million rows, against about 9 s for
calamine to parse the sheet), so it runs whatever the size; :func:`read_many` runs it once on
the combined tables. Speed against a bare fastexcel read: ``benchmarks/README.md``.
"""

from __future__ import annotations

import multiprocessing
import os
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from itertools import repeat
from pathlib import Path

import fastexcel
import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from lkjip.core import fmt
from lkjip.core.config import BerkasPemetaan, Config
from lkjip.core.rounding import cell_decimals
from lkjip.ingest.berkas import ODS, XLS, XLSX, jenis_berkas
from lkjip.ingest.cells import SheetCells, error_text, scan_workbook, uncached_formula_problems
from lkjip.ingest.judul import Judul, display_labels, find_header
from lkjip.ingest.keys import canonical_spellings, clean_key
from lkjip.ingest.parsing import MISSING_TOKENS, NumberParseError, is_missing, parse_number
from lkjip.ingest.pemetaan import deklarasi, nilai_kosong
from lkjip.ingest.problems import (
    Problem,
    ReadResult,
    RowAccounting,
    StructuralError,
    add_to_quarantine,
    concat_quarantine,
    quarantine_rows,
)
from lkjip.ingest.readers._base import (
    broken_workbook_problem,
    check_is_workbook,
    column_label,
    normalise_label,
)
from lkjip.ingest.schemas import skm as contract
from lkjip.ingest.schemas._common import validate

SHEET_RESPONDEN = ("Responden", "Data Responden")
SHEET_UNIT = ("Unit", "Unit Layanan")

#: Below this total size (about 100.000 respondent rows) files are read one after the other:
#: starting worker processes would cost more than it saves.
PARALLEL_MIN_BYTES = 3_000_000

#: Rows searched for the header row.
HEADER_SEARCH_ROWS = 30

#: Header labels (folded, without a trailing remark in parentheses) accepted per column.
FIELDS_RESPONDEN: dict[str, tuple[str, ...]] = {
    "responden": ("No", "nomor", "no responden", "no. responden", "no urut", "no. urut"),
    "tanggal": ("Tanggal Survei", "tanggal", "tgl survei", "tgl", "tanggal pengisian"),
    "kode_unit": ("Kode Unit", "kode", "kode pd", "kode ukpd", "kode unit layanan"),
    "unit": ("Unit Layanan", "unit", "nama unit", "pd/ukpd", "perangkat daerah", "unit kerja"),
    "jenis_kelamin": ("Jenis Kelamin", "jk", "l/p", "kelamin"),
    "umur": ("Umur", "usia"),
    "pendidikan": ("Pendidikan", "pendidikan terakhir"),
    "pekerjaan": ("Pekerjaan", "pekerjaan utama"),
    "jenis_layanan": ("Jenis Layanan", "layanan", "jenis pelayanan", "layanan yang diterima"),
    "saran": ("Saran", "saran dan masukan", "saran/masukan", "kritik dan saran", "masukan"),
}
REQUIRED_RESPONDEN = ("responden", "kode_unit")
FIELDS_UNIT: dict[str, tuple[str, ...]] = {
    "kode_unit": FIELDS_RESPONDEN["kode_unit"],
    "unit": FIELDS_RESPONDEN["unit"],
    "populasi": ("Populasi", "jumlah penerima layanan", "jumlah penerima layanan per tahun", "n"),
}

#: The header a person types for each column of the respondents' sheet, for the messages.
JUDUL_RESPONDEN = display_labels(FIELDS_RESPONDEN)

#: Header words that mark personal data; named separately in the note about dropped columns.
PERSONAL_DATA = re.compile(
    r"\b(nama|hp|telepon|telp|telpon|ponsel|whatsapp|wa|nik|ktp|e-?mail|alamat)\b", re.IGNORECASE
)

_JENIS_KELAMIN = {
    "l": "L",
    "lk": "L",
    "laki-laki": "L",
    "laki laki": "L",
    "laki": "L",
    "pria": "L",
    "p": "P",
    "pr": "P",
    "perempuan": "P",
    "wanita": "P",
}
_YEAR_IN_TITLE = re.compile(r"tahun\s*(20\d{2})", re.IGNORECASE)
#: The year of a regulation named in a title ("Berdasarkan Permenpan No.14 Tahun 2017") is not the
#: survey's year.
_REGULATION_YEAR = re.compile(
    r"\b(?:no|nomor)\.?\s*\d+[\w/.-]*\s+tahun\s*20\d{2}|\b(?:permen\w*|peraturan|perda|perbup)\b",
    re.IGNORECASE,
)
_ISO_DATE = r"^(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?:[ T]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$"
_DMY_DATE = r"^(?P<d>\d{1,2})[/.-](?P<m>\d{1,2})[/.-](?P<y>\d{4})$"
# Excel serial day numbers of 2000-01-01 and 2099-12-31: a date cell that lost its format.
_SERIAL_MIN, _SERIAL_MAX = 36_526, 73_050
# Matched as written (lowering a million strings costs more than a few spellings more).
_MISSING = pa.array(sorted({v for t in MISSING_TOKENS for v in (t, t.upper(), t.title())}))
_EMPTY = "baris kosong"
_NO_ANSWER = "responden tanpa jawaban"


# --------------------------------------------------------------------------- shared helpers


@dataclass
class TextSheet:
    """One sheet loaded by fastexcel with every cell as text (``None`` for empty cells).

    ``table`` holds the sheet from Excel row 1 (row ``i`` of the table is Excel row ``i + 1``);
    ``columns`` gives the absolute 0-based column index of each table column.
    """

    berkas: str
    name: str
    table: pa.Table
    columns: list[int]


def open_reader(path: Path) -> fastexcel.ExcelReader:
    """Open a workbook (.xlsx, .xls, .ods) with fastexcel, as a located :class:`StructuralError`
    if it is broken."""
    kind = jenis_berkas(path)
    if kind not in (XLSX, XLS, ODS):
        check_is_workbook(path)  # names what the file is instead (an HTML page, a CSV)
    try:
        return fastexcel.read_excel(path.read_bytes() if kind != XLSX else path)
    except Exception as exc:  # calamine reports a broken package in several ways
        if kind != XLSX:
            what = "format Excel lama (.xls)" if kind == XLS else "OpenDocument (.ods)"
            problem = Problem(
                path.name,
                f"berkas {what} rusak, tidak dapat dibaca ({exc}); buka di Excel atau LibreOffice lalu "
                "simpan ulang sebagai .xlsx",
            )
            raise StructuralError([problem]) from None
        raise StructuralError([broken_workbook_problem(path, exc)]) from None


def find_sheet(
    reader: fastexcel.ExcelReader, names: Sequence[str], berkas: str, *, required: bool = True
) -> str | None:
    """The workbook's sheet whose folded name is one of ``names``; missing -> error or None."""
    wanted = {normalise_label(n) for n in names}
    for sheet in reader.sheet_names:
        if normalise_label(sheet) in wanted:
            return sheet
    if not required:
        return None
    raise StructuralError(
        [Problem(berkas, f"sheet '{names[0]}' tidak ada; sheet yang ada: {list(reader.sheet_names)}")]
    )


def load_text_sheet(reader: fastexcel.ExcelReader, sheet: str, berkas: str) -> TextSheet:
    """Load a whole sheet in one pass as text; blank cells (or only spaces) are ``None``.

    One pass matters: calamine parses the whole sheet on every load, so the header row is
    found in this same table instead of in a first, partial load.
    """
    try:
        loaded = reader.load_sheet(
            sheet,
            header_row=None,
            skip_rows=0,
            dtypes="string",
            whitespace_as_null=True,
            skip_whitespace_tail_rows=True,
        )
        batch = loaded.to_arrow()
    except Exception as exc:
        raise StructuralError(
            [
                Problem(
                    berkas,
                    f"sheet rusak, isinya tidak dapat dibaca ({type(exc).__name__}: {exc}); buka di Excel, "
                    "perbaiki atau salin ulang sheet ini, lalu simpan ulang",
                    sheet=sheet,
                )
            ]
        ) from None
    columns = [c.absolute_index for c in loaded.available_columns()]
    return TextSheet(berkas, sheet, pa.Table.from_batches([batch]), columns)


def locate_header(
    sheet: TextSheet,
    fields: dict[str, tuple[str, ...]],
    required: Sequence[str],
    declared: BerkasPemetaan | None = None,
) -> Judul:
    """Find the header row by its labels and map each field to a table column.

    The search is :func:`lkjip.ingest.judul.find_header`'s, the one header finder of every
    reader, over the first rows of the sheet; rows, joined labels and label meanings the office
    declared in ``laporan.yml`` (``pemetaan``: ``headerRows``, ``headerJoin``, ``kolom``) are
    used as declared. A field also answers to its own name (``U1``, ``responden``).

    Returns
    -------
    Judul
        ``baris``: the 0-based table row of the (last) header row (its Excel row is
        ``baris + 1``); ``kolom``: field -> position of its column in ``sheet.table``; ``label``:
        the header's label of every column; ``lain``: the labelled columns that are no field.

    Raises
    ------
    StructuralError
        When no row holds enough labels, a required field is missing (located at the header
        row, naming the header to type), or a field's label appears in two columns.
    """
    declared_rows = declared.header_rows if declared is not None else None
    needed = max([HEADER_SEARCH_ROWS, *(declared_rows or [])])
    rows = [list(r.values()) for r in sheet.table.slice(0, needed).to_pylist()]
    return find_header(
        rows,
        {name: (*labels, name) for name, labels in fields.items()},
        required,
        berkas=sheet.berkas,
        sheet=sheet.name,
        search_rows=HEADER_SEARCH_ROWS,
        min_hits=min(3, len(fields)),
        declared_rows=declared_rows,
        join=declared.header_join if declared is not None else " ",
        aliases=declared.kolom if declared is not None else None,
        column_name=lambda pos, label: _letter(sheet, pos, label),
    )


def without_declared_missing(sheet: TextSheet, declared: BerkasPemetaan | None) -> TextSheet:
    """``sheet`` with the cells the office declared as "no value" (``missingValues``) made empty."""
    kosong = nilai_kosong(declared)
    if not kosong:
        return sheet
    tokens = pa.array(sorted(kosong), pa.string())
    columns = []
    for column in sheet.table.columns:
        folded = pc.utf8_lower(pc.utf8_trim_whitespace(column))
        hit = pc.fill_null(pc.is_in(folded, value_set=tokens), False)
        columns.append(pc.if_else(hit, pa.scalar(None, pa.string()), column))
    return replace(sheet, table=pa.table(columns, names=sheet.table.column_names))


def _letter(sheet: TextSheet, pos: int, label: object) -> str:
    return column_label(sheet.columns[pos], None if label is None else str(label))


def year_from_titles(sheet: TextSheet, header: int) -> int | None:
    """The year written in the title rows above the header ("... TAHUN 2025"), if any."""
    for row in sheet.table.slice(0, header).to_pylist():
        for value in row.values():
            text = str(value) if value is not None else ""
            if _REGULATION_YEAR.search(text):
                continue
            if m := _YEAR_IN_TITLE.search(text):
                return int(m.group(1))
    return None


def _trimmed(column: pa.ChunkedArray) -> pa.ChunkedArray:
    return pc.utf8_trim_whitespace(column)


def _is_null(values: pa.ChunkedArray) -> np.ndarray:
    return np.asarray(values.is_null().to_numpy(zero_copy_only=False), dtype=bool)


def _missing(text: pa.ChunkedArray) -> np.ndarray:
    """True where a (trimmed) cell is blank or a missing token such as "-", "N/A"."""
    token = np.asarray(pc.is_in(text, value_set=_MISSING).to_numpy(zero_copy_only=False), dtype=bool)
    return token | _is_null(text)


def _without_missing(text: pa.ChunkedArray) -> pa.ChunkedArray:
    """The text column with missing tokens ("-", "N/A", ...) as nulls."""
    token = pc.is_in(text, value_set=_MISSING)
    if not pc.any(token).as_py():
        return text
    return pc.if_else(token, pa.scalar(None, pa.string()), text)


@dataclass
class CellProblems:
    """Problems found in one sheet, by 0-based data-row position: (column label, value, reason)."""

    found: dict[int, list[tuple[str, object, str]]] = field(default_factory=dict)

    def add(self, pos: int, kolom: str, nilai: object, alasan: str) -> None:
        self.found.setdefault(pos, []).append((kolom, nilai, alasan))

    def forget(self, rows: np.ndarray) -> None:
        """Drop what was found in the rows where ``rows`` is True."""
        for pos in np.flatnonzero(rows).tolist():
            self.found.pop(pos, None)

    def mask(self, n: int) -> np.ndarray:
        out = np.zeros(n, dtype=bool)
        if self.found:
            out[list(self.found)] = True
        return out

    def problems(self, sheet: TextSheet, first_row: int) -> list[Problem]:
        """One :class:`Problem` per rejected row; several bad cells of a row are joined."""
        out = []
        for pos in sorted(self.found):
            cells = self.found[pos]
            out.append(
                Problem(
                    sheet.berkas,
                    "; ".join(c[2] for c in cells),
                    sheet=sheet.name,
                    baris=first_row + pos,
                    kolom="; ".join(c[0] for c in cells),
                    nilai=cells[0][1] if len(cells) == 1 else "; ".join(str(c[1]) for c in cells),
                )
            )
        return out


def parse_integers(
    text: pa.ChunkedArray,
    *,
    low: int,
    high: int,
    kolom: str,
    cells: CellProblems,
    what: str,
    required: bool = False,
) -> pd.arrays.IntegerArray:
    """Parse a text column of whole numbers in ``low``..``high``; record every bad cell.

    Plain digits are parsed vectorised (for a small range such as the answers 1–4 by a
    lookup); every other non-empty cell ("-", "3.0", "tiga puluh", "2,5") goes through
    :func:`lkjip.ingest.parsing.parse_number` cell by cell, so that a missing token stays missing and
    the reason names what is wrong. Bad cells are NA in the result and recorded in ``cells``;
    with ``required`` a missing cell is bad too.
    """
    if high - low < 10:
        index = pc.index_in(text, value_set=pa.array([str(v) for v in range(low, high + 1)]))
        valid = ~_is_null(index)
        values = np.asarray(pc.fill_null(index, 0).to_numpy(zero_copy_only=False), dtype=np.int64) + low
        out_of_range = np.zeros(len(valid), dtype=bool)
    else:
        digits = pc.fill_null(pc.match_substring_regex(text, r"^\d{1,9}$"), False)
        valid = np.asarray(digits.to_numpy(zero_copy_only=False), dtype=bool)
        numbers = pc.cast(pc.if_else(digits, text, pa.scalar(None, pa.string())), pa.int64())
        values = np.array(pc.fill_null(numbers, 0).to_numpy(zero_copy_only=False), dtype=np.int64)
        out_of_range = valid & ((values < low) | (values > high))
        valid &= ~out_of_range
    range_text = f"{low}–{high}"
    for pos in np.flatnonzero(out_of_range).tolist():
        cells.add(pos, kolom, int(values[pos]), f"{what} {values[pos]} di luar rentang {range_text}")
    others = ~valid & ~out_of_range & (required | ~_is_null(text))
    positions = np.flatnonzero(others)
    raw = text.take(pa.array(positions)).to_pylist() if len(positions) else []
    for pos, value in zip(positions.tolist(), raw, strict=True):
        try:
            number = parse_number(value)
        except NumberParseError:
            cells.add(pos, kolom, value, f"{what} '{value}' bukan angka")
            continue
        if number is None:
            if required:
                cells.add(pos, kolom, value, f"{what} kosong")
        elif not float(number).is_integer():
            cells.add(pos, kolom, value, f"{what} '{value}' bukan bilangan bulat")
        elif not low <= number <= high:
            cells.add(pos, kolom, value, f"{what} {value} di luar rentang {range_text}")
        else:  # e.g. "3.0" typed as text: a whole number after all
            values[pos] = int(number)
            valid[pos] = True
    return pd.arrays.IntegerArray(values, ~valid)


def parse_dates(text: pa.ChunkedArray, *, kolom: str, cells: CellProblems) -> np.ndarray:
    """Parse survey dates: Excel dates (read as ISO text), "12/03/2025", "12-03-2025", serials.

    Text dates are day first, as written in Indonesia; times of day are dropped. A day that
    does not exist ("31/02/2025") is a bad cell: Arrow's ``strptime`` would roll it over to
    3 March, so the parsed day is compared with the written one.

    Returns
    -------
    numpy.ndarray
        ``datetime64[ns]``, NaT where missing or bad.
    """
    # Fast path: what calamine makes of a date cell, "2025-03-12 00:00:00".
    stamp = pc.strptime(text, format="%Y-%m-%d %H:%M:%S", unit="ms", error_is_null=True)
    parsed = ~_is_null(stamp)
    written_day = pc.cast(
        pc.utf8_slice_codeunits(pc.if_else(pa.array(parsed), text, pa.scalar(None, pa.string())), 8, 10),
        pa.int64(),
    )
    same_day = pc.fill_null(pc.equal(pc.day(stamp), written_day), False)
    result = pc.if_else(same_day, stamp, pa.scalar(None, pa.timestamp("ms")))
    values = np.asarray(result.to_numpy(zero_copy_only=False), dtype="datetime64[ms]").copy()
    rest = np.flatnonzero(np.isnat(values) & ~_is_null(text))
    if len(rest):
        subset = pc.utf8_trim_whitespace(text.take(pa.array(rest)))
        values[rest] = _parse_other_dates(subset)
        unread = rest[np.isnat(values[rest])]
        raw = text.take(pa.array(unread)).to_pylist() if len(unread) else []
        for pos, value in zip(unread.tolist(), raw, strict=True):
            if not is_missing(value):
                cells.add(pos, kolom, value, f"tanggal '{value}' tidak dikenali (tulis seperti 12/03/2025)")
    return values.astype("datetime64[ns]")


def _parse_other_dates(text: pa.ChunkedArray) -> np.ndarray:
    """The rarer spellings: ISO without time, day-first text, Excel serial day numbers."""
    iso = pc.extract_regex(text, _ISO_DATE)
    dmy = pc.extract_regex(text, _DMY_DATE)

    def part(name: str) -> pa.ChunkedArray:
        return pc.coalesce(pc.struct_field(iso, name), pc.struct_field(dmy, name))

    year, month, day = part("y"), part("m"), part("d")
    written = pc.binary_join_element_wise(year, pc.utf8_lpad(month, 2, "0"), pc.utf8_lpad(day, 2, "0"), "-")
    parsed = pc.strptime(written, format="%Y-%m-%d", unit="ms", error_is_null=True)
    same_day = pc.and_(
        pc.equal(pc.month(parsed), pc.cast(month, pa.int64())),
        pc.equal(pc.day(parsed), pc.cast(day, pa.int64())),
    )
    candidates = [pc.if_else(pc.fill_null(same_day, False), parsed, pa.scalar(None, pa.timestamp("ms")))]
    serial = pc.fill_null(pc.match_substring_regex(text, r"^\d{5}(\.0+)?$"), False)
    if pc.any(serial).as_py():  # a date cell that lost its date format shows its day number
        days = pc.cast(
            pc.cast(pc.if_else(serial, text, pa.scalar(None, pa.string())), pa.float64()), pa.int64()
        )
        in_range = pc.and_(pc.greater_equal(days, _SERIAL_MIN), pc.less_equal(days, _SERIAL_MAX))
        days = pc.if_else(in_range, days, pa.scalar(None, pa.int64()))
        epoch_ms = int(np.datetime64("1899-12-30", "ms").astype(np.int64))
        candidates.append(pc.cast(pc.add(pc.multiply(days, 86_400_000), epoch_ms), pa.timestamp("ms")))
    result = pc.coalesce(*candidates)
    return np.asarray(result.to_numpy(zero_copy_only=False), dtype="datetime64[ms]")


# --------------------------------------------------------------------------- unreadable cells


def start_scan(path: Path) -> Future:
    """Scan the workbook's XML for unreadable cells in a thread, while calamine parses it.

    The scan (:func:`lkjip.ingest.cells.scan_workbook`) decompresses every sheet once more;
    run beside the parse (both release the GIL) it costs little wall time.
    """
    pool = ThreadPoolExecutor(max_workers=1)
    # .xls and .ods hold no worksheet XML to scan (calamine reports their error cells as blanks).
    future = pool.submit(_scan_if_xlsx, path)
    pool.shutdown(wait=False)
    return future


def _is_xlsx(path: Path) -> bool:
    try:
        return jenis_berkas(path) == XLSX
    except StructuralError:
        return False


def _scan_if_xlsx(path: Path) -> dict[str, SheetCells]:
    return scan_workbook(path) if _is_xlsx(path) else {}


def add_damage(
    cells: CellProblems,
    found: SheetCells | None,
    first_row: int,
    n: int,
    columns: dict[int, str],
    expected: dict[int, str],
) -> np.ndarray:
    """Record every unreadable cell of the data rows in ``columns`` (absolute col -> label).

    Error cells are read by calamine as blanks, and so are the covered cells of a merged
    range; each is a bad cell of its row here, with what was found and what the contract
    expects. Returns the rows that hold one, so that a row of nothing but such cells is
    quarantined rather than skipped as blank. Formulas without a cached value are structural,
    as in every reader (:func:`lkjip.ingest.cells.uncached_formula_problems`), raised by
    :func:`_read` before.
    """
    damaged = np.zeros(n, dtype=bool)
    if not found:
        return damaged

    def where(row: int, col: int) -> int | None:
        pos = row - first_row
        return pos if 0 <= pos < n and col in columns else None

    for (row, col), value in found.errors.items():
        if (pos := where(row, col)) is not None:
            cells.add(pos, columns[col], value, f"sel berisi {error_text(value)}; diharapkan {expected[col]}")
            damaged[pos] = True
    for (row, col), ref in found.covered().items():
        if (pos := where(row, col)) is not None:
            cells.add(
                pos,
                columns[col],
                None,
                f"sel bagian dari sel gabungan {ref}: nilainya hanya tertulis di {ref.split(':')[0]}, "
                f"sel ini terbaca kosong; diharapkan {expected[col]} (pisahkan sel gabungan)",
            )
            damaged[pos] = True
    return damaged


def _expected(field_name: str) -> str:
    """What the contract expects in a column, for the messages about unreadable cells."""
    return {
        "responden": "nomor responden",
        "tanggal": "tanggal survei atau kosong",
        "kode_unit": "kode unit",
        "unit": "nama unit",
        "jenis_kelamin": "L/P atau kosong",
        "umur": f"umur {contract.UMUR_MIN}–{contract.UMUR_MAX} atau kosong",
        "populasi": "populasi (bilangan bulat) atau kosong",
    }.get(field_name, f"jawaban {contract.SKALA_MIN}–{contract.SKALA_MAX} atau kosong")


# --------------------------------------------------------------------------- the Unit sheet


@dataclass
class _UnitSheet:
    frame: pd.DataFrame  # kode_unit, unit, populasi, baris, _nama (folded name)
    problems: list[Problem]
    accounting: RowAccounting | None
    notes: list[str]
    sheet: str | None


def _read_unit_sheet(
    reader: fastexcel.ExcelReader,
    berkas: str,
    scanned: dict[str, SheetCells] | None = None,
    config: Config | None = None,
) -> _UnitSheet:
    empty = pd.DataFrame(
        {
            "kode_unit": pd.Series(dtype=pd.StringDtype()),
            "unit": pd.Series(dtype=pd.StringDtype()),
            "populasi": pd.Series(dtype=pd.Int64Dtype()),
            "baris": pd.Series(dtype=pd.Int64Dtype()),
            "_nama": pd.Series(dtype=pd.StringDtype()),
        }
    )
    name = find_sheet(reader, SHEET_UNIT, berkas, required=False)
    if name is None:
        return _UnitSheet(
            empty,
            [],
            None,
            [
                f"{berkas}: sheet 'Unit' tidak ada; populasi unit diisi kosong (sampel minimum "
                "Krejcie–Morgan tidak dapat dihitung)"
            ],
            None,
        )
    declared = deklarasi(config, "skm", berkas, name) if config is not None else None
    sheet = without_declared_missing(load_text_sheet(reader, name, berkas), declared)
    judul = locate_header(sheet, FIELDS_UNIT, ("kode_unit", "unit"), declared)
    header, mapping = judul.baris, judul.kolom
    data = sheet.table.slice(header + 1)
    n = data.num_rows
    first_row = header + 2
    accounting = RowAccounting(berkas, name, dibaca=n)
    cells = CellProblems()

    def label(field_name: str) -> str:
        return _letter(sheet, mapping[field_name], judul.label[mapping[field_name]])

    blank = np.ones(n, dtype=bool)
    for column in data.columns:
        blank &= _is_null(column)
    absolute = {sheet.columns[pos]: f for f, pos in mapping.items()}
    blank &= ~add_damage(
        cells,
        (scanned or {}).get(name),
        first_row,
        n,
        {col: label(f) for col, f in absolute.items()},
        {col: _expected(f) for col, f in absolute.items()},
    )
    kode = _trimmed(data.column(mapping["kode_unit"]))
    kode_missing = _missing(kode)
    unit = _without_missing(_trimmed(data.column(mapping["unit"])))
    for pos in np.flatnonzero(kode_missing & ~blank).tolist():
        cells.add(pos, label("kode_unit"), None, "kode unit kosong")
    if "populasi" in mapping:
        populasi = parse_integers(
            _trimmed(data.column(mapping["populasi"])),
            low=1,
            high=10**9,
            kolom=label("populasi"),
            cells=cells,
            what="populasi",
        )
        notes = []
    else:
        populasi = pd.array([pd.NA] * n, dtype=pd.Int64Dtype())
        notes = [f"{berkas} [{name}]: kolom populasi tidak ada; populasi diisi kosong"]
    frame = pd.DataFrame(
        {
            "kode_unit": pd.array(kode.to_pylist(), dtype=pd.StringDtype()),
            "unit": pd.array(unit.to_pylist(), dtype=pd.StringDtype()),
            "populasi": populasi,
            "baris": pd.array(np.arange(n) + first_row, dtype=pd.Int64Dtype()),
        }
    )
    frame["_nama"] = _fold(frame["unit"])
    skipped = np.zeros(n, dtype=bool)
    candidates = frame[~blank & ~kode_missing]
    for kode_value, group in candidates.groupby("kode_unit", sort=False):
        if len(group) == 1:
            continue
        same = group["_nama"].nunique(dropna=False) == 1 and group["populasi"].nunique(dropna=False) == 1
        if same:
            skipped[group.index[1:]] = True  # an identical row typed twice: keep the first
            continue
        rows = ", ".join(str(b) for b in group["baris"])
        for pos in group.index:
            cells.add(
                int(pos),
                label("kode_unit"),
                kode_value,
                f"kode unit '{kode_value}' dipakai lebih dari sekali dengan nama atau "
                f"populasi berbeda (baris {rows})",
            )
    bad = cells.mask(n) & ~blank
    keep = ~blank & ~bad & ~skipped
    accounting.dikarantina = int(bad.sum())
    if blank.any():
        accounting.skip(_EMPTY, int(blank.sum()))
    if skipped.any():
        accounting.skip("baris ganda identik", int(skipped.sum()))
    accounting.disimpan = int(keep.sum())  # units without respondents are moved to skipped later
    return _UnitSheet(
        frame[keep].reset_index(drop=True), cells.problems(sheet, first_row), accounting, notes, name
    )


def _fold(names: pd.Series) -> pd.Series:
    """Unit names compared without case and repeated spaces."""
    return names.str.casefold().str.replace(r"\s+", " ", regex=True).str.strip()


# --------------------------------------------------------------------------- one workbook


def read(path: Path, config: Config) -> ReadResult:
    """Read one e-SKM export into ``skm_responden`` and ``skm_unit``.

    Parameters
    ----------
    path : Path
        The workbook (``skm-responden*.xlsx``).
    config : Config
        Gives the answer columns (``config.skm.unsur[i].kolom``) and the fallback year.

    Returns
    -------
    ReadResult
        Clean tables ``skm_responden`` and ``skm_unit`` (see ``docs/kontrak-data.md``), the
        quarantined rows, the row accounting of the sheets ``Responden`` and ``Unit``, and
        notes (columns dropped, year source, units without respondents).

    Raises
    ------
    StructuralError
        Not a workbook, no ``Responden`` sheet, no header row, a required column missing
        (``No``, ``Kode Unit``, an answer column) or a column twice.
    """
    return _read(Path(path), config, contract_check=True)


def _read(path: Path, config: Config, *, contract_check: bool) -> ReadResult:
    """:func:`read`; without ``contract_check`` the pandera contract is left to the caller
    (:func:`read_many` runs it once on the combined tables instead of once per file)."""
    berkas = path.name
    reader = open_reader(path)
    kolom = [u.kolom for u in config.skm.unsur]
    fields = {**FIELDS_RESPONDEN, **{k: (k,) for k in kolom}}
    name = find_sheet(reader, SHEET_RESPONDEN, berkas, required=False)
    scan = start_scan(path)
    layout = None
    try:
        if name is None:
            raise StructuralError(
                [
                    Problem(
                        berkas,
                        f"sheet '{SHEET_RESPONDEN[0]}' tidak ada; sheet yang ada: {list(reader.sheet_names)}",
                    )
                ]
            )
        declared = deklarasi(config, "skm", berkas, name)
        sheet = without_declared_missing(load_text_sheet(reader, name, berkas), declared)
        judul = locate_header(sheet, fields, (*REQUIRED_RESPONDEN, *kolom), declared)
        header, mapping, others, header_labels = judul.baris, judul.kolom, judul.lain, judul.label
    except StructuralError as exc:
        # Not the e-SKM template: a Google Forms export or an e-SKM "Format Permenpan" sheet?
        layout = _other_layout(reader, berkas, config)
        if layout is None:
            last = exc.problems[-1]
            hinted = replace(last, pesan=f"{last.pesan}. {_UNRECOGNISED}")
            raise StructuralError([*exc.problems[:-1], hinted]) from None
        name, found = layout
        sheet = without_declared_missing(
            TextSheet(berkas, name, found.table, found.columns), deklarasi(config, "skm", berkas, name)
        )
        header, mapping, others = found.header, found.mapping, found.others
        header_labels = list(sheet.table.slice(header, 1).to_pylist()[0].values())
    scanned = scan.result()
    units = _read_unit_sheet(reader, berkas, scanned, config)
    del reader

    def label(field_name: str) -> str:
        pos = mapping[field_name]
        return _letter(sheet, pos, header_labels[pos])

    notes = _dropped_note(sheet, others)
    if layout is not None:
        notes += layout[1].notes
    absent = [JUDUL_RESPONDEN[f] for f in FIELDS_RESPONDEN if f not in mapping]
    if absent:
        notes.append(f"{berkas} [{name}]: kolom tidak ada, diisi kosong: {', '.join(absent)}")

    data = sheet.table.slice(header + 1)
    n = data.num_rows
    first_row = header + 2  # Excel row of the first data row
    accounting = RowAccounting(berkas, name, dibaca=n)
    for reason, count in (layout[1].dilewati if layout is not None else {}).items():
        accounting.dibaca += count  # the printed NRR/IKM rows cut off below the respondents
        accounting.skip(reason, count)
    cells = CellProblems()

    # A row is blank when nothing but (perhaps) its pre-printed number is filled in.
    blank = np.ones(n, dtype=bool)
    for pos, column in enumerate(data.columns):
        if pos != mapping["responden"]:
            blank &= _is_null(column)
    absolute = {sheet.columns[pos]: f for f, pos in mapping.items()}
    labels = {col: label(f) for col, f in absolute.items()}
    uncached = [
        *uncached_formula_problems(berkas, name, scanned.get(name), labels),
        *(uncached_formula_problems(berkas, units.sheet, scanned.get(units.sheet)) if units.sheet else []),
    ]
    if uncached:
        raise StructuralError(uncached)
    damaged = add_damage(
        cells,
        scanned.get(name),
        first_row,
        n,
        labels,
        {col: _expected(f) for col, f in absolute.items()},
    )
    blank &= ~damaged

    def text(field_name: str, *, trim: bool = True) -> pa.ChunkedArray:
        # Number and date columns are not trimmed: the rare cell with spaces takes the slow,
        # cell-by-cell path, which strips it.
        if field_name not in mapping:
            return pa.chunked_array([pa.nulls(n, pa.string())])
        column = data.column(mapping[field_name])
        return _trimmed(column) if trim else column

    def kolom_of(field_name: str) -> str:
        return label(field_name) if field_name in mapping else JUDUL_RESPONDEN[field_name]

    out: dict[str, object] = {}
    kode = text("kode_unit")
    kode_missing = _missing(kode)
    for pos in np.flatnonzero(kode_missing & ~blank).tolist():
        cells.add(pos, label("kode_unit"), None, "kode unit kosong")
    kode, warnings = _canonical_codes(kode, units, sheet, first_row, label("kode_unit"))
    out["kode_unit"] = kode
    out["unit"] = _without_missing(text("unit"))
    out["responden"] = parse_integers(
        text("responden", trim=False),
        low=1,
        high=10**9,
        kolom=label("responden"),
        cells=cells,
        what="nomor responden",
        required=True,
    )
    out["tanggal"] = parse_dates(text("tanggal", trim=False), kolom=kolom_of("tanggal"), cells=cells)
    out["jenis_kelamin"] = _jenis_kelamin(text("jenis_kelamin"), kolom_of("jenis_kelamin"), cells)
    out["umur"] = parse_integers(
        text("umur", trim=False),
        low=contract.UMUR_MIN,
        high=contract.UMUR_MAX,
        kolom=kolom_of("umur"),
        cells=cells,
        what="umur",
    )
    for field_name in ("pendidikan", "pekerjaan", "jenis_layanan"):
        out[field_name] = _without_missing(text(field_name))
    for k in kolom:
        out[k] = parse_integers(
            text(k, trim=False),
            low=contract.SKALA_MIN,
            high=contract.SKALA_MAX,
            kolom=label(k),
            cells=cells,
            what="jawaban",
        )
    out["saran"] = _without_missing(text("saran"))
    cells.forget(blank)  # a blank row is skipped, not quarantined, whatever its number says

    # Whole-row rules over the rows whose key cells are readable.
    keyed = ~blank & ~kode_missing
    _check_unit_names(kode, out["unit"], keyed, units, label, cells)
    _check_duplicates(kode, out["responden"], keyed, first_row, label("responden"), cells)

    if not (~blank).any():
        raise StructuralError(
            [
                Problem(
                    berkas,
                    "sheet tidak berisi satu responden pun di bawah baris judul kolom; IKM tahun ini "
                    "tidak dapat dihitung (ekspor kosong atau terpotong?)",
                    sheet=name,
                    baris=header + 1,
                )
            ]
        )
    bad = cells.mask(n) & ~blank
    keep = ~blank & ~bad
    unanswered = keep & _no_answer(out, kolom)
    if unanswered.any():
        keep &= ~unanswered
        accounting.skip(_NO_ANSWER, int(unanswered.sum()))
        rows = (np.flatnonzero(unanswered) + first_row).tolist()
        shown = ", ".join(str(r) for r in rows[:20])
        shown += f" dan {len(rows) - 20} lainnya" if len(rows) > 20 else ""
        notes.append(
            f"{berkas} [{name}]: {len(rows)} responden tanpa jawaban satu unsur pun tidak dihitung "
            f"sebagai sampel (baris {shown})"
        )
    tahun, year_note = _year(sheet, header, out["tanggal"], keep, config)
    if year_note:
        notes.append(year_note)

    frame = _frame(out, keep, first_row, berkas, name, tahun, kolom)
    problems = cells.problems(sheet, first_row)
    accounting.dikarantina = int(bad.sum())
    accounting.disimpan = int(keep.sum())
    if blank.any():
        accounting.skip(_EMPTY, int(blank.sum()))

    unit_table, unit_notes = _unit_table(frame, units, tahun, berkas, name)
    printed = _printed_table(
        layout[1].tercetak if layout is not None else [], sheet, header_labels, tahun, frame, config
    )
    result = ReadResult(
        tables={"skm_responden": frame, "skm_unit": unit_table, "skm_nrr_tercetak": printed},
        quarantine=quarantine_rows([*problems, *units.problems]),
        accounting=[accounting] + ([units.accounting] if units.accounting else []),
        notes=notes + units.notes + unit_notes,
        warnings=warnings,
        kode_dari_nama={berkas} if layout is not None else set(),
    )
    return apply_contract(result, kolom) if contract_check else result


_DECIMAL_POINT = re.compile(r"-?\d+\.\d+")


def _printed_number(text: str) -> tuple[float, int | None]:
    """A printed figure and its decimals: a number cell reads as ``"3.456"`` (a decimal point), a
    typed text the Indonesian way (``"3,456"``, ``"89,75"``)."""
    text = text.strip()
    if _DECIMAL_POINT.fullmatch(text):
        return float(text), len(text.split(".")[1])
    value = parse_number(text)
    if value is None:
        raise NumberParseError(f"teks '{text}' kosong")
    return value, cell_decimals(text, None)


def _printed_table(
    printed: list[dict], sheet: TextSheet, labels: list, tahun: int, responden: pd.DataFrame, config: Config
) -> pd.DataFrame:
    """``skm_nrr_tercetak``: the figures a "Format Permenpan" sheet prints below its respondents.

    A figure that is not a number is left out with a note (the reviu cannot check it); the
    respondents themselves are read whatever their printed figures say.
    """
    unsur = {u.kolom: u.kode for u in config.skm.unsur}
    unit = responden["unit"].dropna().iloc[0] if len(responden) else None
    kode = responden["kode_unit"].dropna().iloc[0] if len(responden) else None
    rows = []
    for p in printed if kode is not None else []:
        try:
            value, decimals = _printed_number(str(p["teks"]))
        except NumberParseError:
            continue
        rows.append({
            "berkas": sheet.berkas, "sheet": sheet.name, "baris": p["baris"], "tahun": tahun,
            "kode_unit": kode, "unit": unit, "besaran": p["besaran"], "unsur": unsur.get(p["kolom"]),
            "nilai_tercetak": value, "desimal_tercetak": decimals,
            "kolom": _letter(sheet, p["col"], labels[p["col"]] if p["col"] < len(labels) else None),
        })  # fmt: skip
    frame = pd.DataFrame(rows, columns=contract.NRR_TERCETAK_COLUMNS)
    texts = ("berkas", "sheet", "kode_unit", "unit", "besaran", "unsur", "kolom")
    return frame.astype({
        **dict.fromkeys(texts, pd.StringDtype()), "baris": pd.Int64Dtype(), "tahun": pd.Int64Dtype(),
        "nilai_tercetak": "float64", "desimal_tercetak": pd.Int64Dtype(),
    })  # fmt: skip


def _other_layout(reader: fastexcel.ExcelReader, berkas: str, config: Config):
    """The first sheet that is a Google Forms or e-SKM "Format Permenpan" export, or None.

    Returns ``(sheet name, Susunan)``; see :mod:`lkjip.ingest.layouts.skm`.
    """
    from lkjip.ingest.layouts import skm as layouts

    for name in reader.sheet_names:
        sheet = load_text_sheet(reader, name, berkas)
        found = layouts.kenali(berkas, name, sheet.table, sheet.columns, config)
        if found is not None:
            return name, found
    return None


#: Said with the problem of a survey file that is none of the layouts the reader knows.
_UNRECOGNISED = (
    "Berkas ini juga bukan ekspor Google Forms (Cap waktu/Timestamp, nama unit, sembilan pertanyaan) "
    "atau sheet 'Format Permenpan' e-SKM (UNIT PELAYANAN : ..., No | Usia | ... | NILAI UNSUR PELAYANAN "
    "di atas U1 .. U9); judul kolom ekspor e-SKM: No | Kode Unit | Unit Layanan | U1 .. U9. Jalankan "
    "`python -m lkjip kenali` untuk melihat apa yang dikenali dari berkas ini"
)


def _no_answer(out: dict[str, object], kolom: Sequence[str]) -> np.ndarray:
    """Rows whose every answer column is missing (a respondent who answered nothing)."""
    none = np.ones(len(next(iter(out[k] for k in kolom))), dtype=bool) if kolom else np.zeros(0, bool)
    for k in kolom:
        none &= np.asarray(pd.isna(out[k]), dtype=bool)
    return none


def _canonical_codes(
    kode: pa.ChunkedArray, units: _UnitSheet, sheet: TextSheet, first_row: int, kolom: str
) -> tuple[pa.ChunkedArray, list[Problem]]:
    """Write every unit code with its canonical spelling; one warning per spelling merged.

    Codes that differ only by case, Unicode form, zero-width or non-breaking characters are one
    unit (``lkjip.ingest.keys``); the ``Unit`` sheet's spelling is canonical, else the most
    frequent. Only the distinct codes are compared, so the cost does not grow with the rows.
    The ``Unit`` sheet's own codes lose their invisible characters the same way.
    """
    warnings = []
    listed = units.frame["kode_unit"]
    cleaned = listed.map(lambda v: clean_key(v) if isinstance(v, str) else v)
    for pos in np.flatnonzero((cleaned != listed).fillna(False).to_numpy()).tolist():
        warnings.append(
            Problem(
                sheet.berkas,
                f"kode unit {listed.iloc[pos]!r} memuat spasi tak biasa atau karakter tak terlihat; "
                f"dibaca sebagai '{cleaned.iloc[pos]}'",
                sheet=units.sheet,
                baris=int(units.frame["baris"].iloc[pos]),
                nilai=listed.iloc[pos],
            )
        )
    units.frame["kode_unit"] = cleaned.astype(pd.StringDtype())
    counted = pc.value_counts(pc.drop_null(kode)).to_pylist()
    counts = Counter({c["values"]: c["counts"] for c in counted})
    mapping = canonical_spellings(counts, preferred=cleaned.dropna().tolist())
    if not mapping:
        return kode, warnings
    index = pc.index_in(kode, value_set=pa.array(list(mapping), pa.string()))
    at = np.asarray(pc.fill_null(index, -1).to_numpy(zero_copy_only=False))
    for i, (spelling, canonical) in enumerate(mapping.items()):
        rows = np.flatnonzero(at == i)
        warnings.append(
            Problem(
                sheet.berkas,
                f"kode unit {spelling!r} dibaca sama dengan '{canonical}' (beda huruf besar/kecil, spasi "
                f"atau karakter tak terlihat) dan disatukan: {len(rows)} baris; perbaiki ejaannya di ekspor",
                sheet=sheet.name,
                baris=int(rows[0]) + first_row,
                kolom=kolom,
                nilai=spelling,
            )
        )
    replaced = pc.take(pa.array(list(mapping.values()), pa.string()), index)
    return pc.if_else(pc.is_null(index), kode, replaced), warnings


def apply_contract(result: ReadResult, kolom: Sequence[str]) -> ReadResult:
    """Validate ``skm_responden`` and ``skm_unit`` against their pandera contracts.

    A row that fails (none should: the reader has checked every rule already) moves from the
    table to the quarantine, and the accounting of its sheet follows; a failure of the table as
    a whole is structural.
    """
    responden, row_problems, table_problems = validate(
        result.tables["skm_responden"], contract.responden_schema(kolom)
    )
    units, unit_rows, unit_table = validate(result.tables["skm_unit"], contract.SkmUnit)
    printed, printed_rows, printed_table = validate(
        result.tables["skm_nrr_tercetak"], contract.SkmNrrTercetak
    )
    if table_problems or unit_table or unit_rows or printed_table or printed_rows:
        raise StructuralError([*table_problems, *unit_table, *unit_rows, *printed_table, *printed_rows])
    quarantine = result.quarantine
    if row_problems:
        by_sheet = {(a.berkas, a.sheet): a for a in result.accounting}
        for (berkas, sheet), rows in Counter(
            (p.berkas, p.sheet) for p in {(p.berkas, p.sheet, p.baris): p for p in row_problems}.values()
        ).items():
            by_sheet[(berkas, sheet)].disimpan -= rows
            by_sheet[(berkas, sheet)].dikarantina += rows
        quarantine = add_to_quarantine(quarantine, row_problems)
    return ReadResult(
        tables={
            "skm_responden": responden.reset_index(drop=True),
            "skm_unit": units.reset_index(drop=True),
            "skm_nrr_tercetak": printed.reset_index(drop=True),
        },
        quarantine=quarantine,
        accounting=result.accounting,
        notes=result.notes,
        warnings=result.warnings,
        kode_dari_nama=result.kode_dari_nama,
    )


def _dropped_note(sheet: TextSheet, others: list[tuple[int, str]]) -> list[str]:
    if not others:
        return []
    personal = [f"{_letter(sheet, p, lbl)}" for p, lbl in others if PERSONAL_DATA.search(lbl)]
    rest = [f"{_letter(sheet, p, lbl)}" for p, lbl in others if not PERSONAL_DATA.search(lbl)]
    parts = []
    if personal:
        parts.append(f"data pribadi: {', '.join(personal)}")
    if rest:
        shown = ", ".join(rest[:20])
        more = f" dan {len(rest) - 20} kolom lain" if len(rest) > 20 else ""
        parts.append(f"di luar kontrak data: {shown}{more}")
    return [
        f"{sheet.berkas} [{sheet.name}]: {len(others)} kolom dibuang dan tidak disimpan ({'; '.join(parts)})"
    ]


def _jenis_kelamin(text: pa.ChunkedArray, kolom: str, cells: CellProblems) -> pa.ChunkedArray:
    """Jenis kelamin as L/P: "L", "Laki-laki", "pria", "P", "Perempuan", "wanita", any case."""
    keys = pa.array(list(_JENIS_KELAMIN))
    index = pc.index_in(pc.utf8_lower(text), value_set=keys)
    normalised = pc.take(pa.array(list(_JENIS_KELAMIN.values())), index)
    unknown = np.flatnonzero(_is_null(index) & ~_is_null(text))
    raw = text.take(pa.array(unknown)).to_pylist() if len(unknown) else []
    for pos, value in zip(unknown.tolist(), raw, strict=True):
        if not is_missing(value):
            cells.add(pos, kolom, value, f"jenis kelamin '{value}' tidak dikenali (isi L atau P)")
    return normalised


def _check_unit_names(kode, unit, keyed, units: _UnitSheet, label, cells: CellProblems) -> None:
    """One code, one unit: rows naming another unit under a code are quarantined.

    The reference name is the ``Unit`` sheet's when the rows use it, else the name most rows
    use. A code whose rows all agree on a name that differs from the ``Unit`` sheet is not a
    row problem (it is reported in the notes by :func:`_unit_table`). Names are compared
    without case and repeated spaces, on the distinct (code, name) pairs only.
    """
    named = keyed & ~np.asarray(pc.is_null(unit).to_numpy(zero_copy_only=False), dtype=bool)
    if not named.any():
        return
    pairs = (
        pa.table({"kode": kode, "unit": unit})
        .filter(pa.array(named))
        .group_by(["kode", "unit"], use_threads=False)
        .aggregate([("unit", "count")])
        .to_pandas(types_mapper={pa.string(): pd.StringDtype()}.get)
    )
    pairs["_nama"] = _fold(pairs["unit"])
    counts = pairs.groupby(["kode", "_nama"], sort=False)["unit_count"].sum()
    per_code = counts.groupby(level=0, sort=False).size()
    conflicted = per_code[per_code > 1].index
    if len(conflicted) == 0:
        return
    listed = dict(zip(units.frame["kode_unit"], units.frame["_nama"], strict=True))
    for code in conflicted:
        names_here = counts.loc[code]
        reference = listed.get(code)
        if reference not in names_here.index:
            reference = names_here.idxmax()  # the most used name; ties go to the first seen
        here = pairs[pairs["kode"] == code]
        shown = here.loc[here["_nama"] == reference, "unit"].iloc[0]
        others = pa.array(here.loc[here["_nama"] != reference, "unit"].tolist(), pa.string())
        rows = named & np.asarray(pc.fill_null(pc.equal(kode, code), False), dtype=bool)
        rows &= np.asarray(pc.fill_null(pc.is_in(unit, value_set=others), False), dtype=bool)
        positions = np.flatnonzero(rows)
        for pos, value in zip(positions.tolist(), unit.take(pa.array(positions)).to_pylist(), strict=True):
            cells.add(
                pos,
                label("unit"),
                value,
                f"kode unit '{code}' dipakai untuk dua unit: '{shown}' dan '{value}'",
            )


def _check_duplicates(kode, nomor, keyed, first_row: int, kolom: str, cells: CellProblems) -> None:
    """A respondent number used twice within a unit: every row of the pair is quarantined."""
    frame = pd.DataFrame({"kode": pd.array(kode, dtype=pd.StringDtype()), "nomor": nomor})
    frame = frame[keyed & frame["nomor"].notna().to_numpy()]
    twice = frame.duplicated(["kode", "nomor"], keep=False)
    if not twice.any():
        return
    dup = frame[twice]
    rows = pd.Series(dup.index + first_row, index=dup.index).astype(str)
    listed = rows.groupby([dup["kode"], dup["nomor"]], sort=False).transform(", ".join)
    for pos, code, no, where in zip(dup.index, dup["kode"], dup["nomor"], listed, strict=True):
        cells.add(
            int(pos),
            kolom,
            int(no),
            f"nomor responden {no} dipakai lebih dari sekali untuk unit '{code}' (baris {where})",
        )


def _year(sheet: TextSheet, header: int, tanggal: np.ndarray, keep: np.ndarray, config: Config):
    """Survey year: the title rows ("... TAHUN 2025"), else the most common date year, else the year
    in the file's name, else the report year (with a note)."""
    titled = year_from_titles(sheet, header)
    years = pc.year(pa.array(tanggal[keep]))
    counted = pc.value_counts(pc.drop_null(years)).to_pylist()
    if titled is not None:
        other = sum(c["counts"] for c in counted if c["values"] != titled)
        note = (
            f"{sheet.berkas} [{sheet.name}]: {other} tanggal survei di luar tahun {titled}" if other else None
        )
        return titled, note
    if counted:
        top = max(counted, key=lambda c: (c["counts"], -c["values"]))["values"]
        return top, f"{sheet.berkas} [{sheet.name}]: tahun {top} diambil dari tanggal survei"
    if named := re.search(r"(?<!\d)(20\d{2})(?!\d)", sheet.berkas):
        year = int(named.group(1))
        return year, f"{sheet.berkas} [{sheet.name}]: tahun {year} diambil dari nama berkas"
    return config.tahun, (
        f"{sheet.berkas} [{sheet.name}]: tahun tidak tertulis; dipakai tahun laporan {config.tahun}"
    )


def _frame(out, keep, first_row, berkas, sheet, tahun, kolom) -> pd.DataFrame:
    """The clean table of the kept rows, with the contract's dtypes and column order."""
    index = np.flatnonzero(keep)
    every = len(index) == len(keep)  # the usual case: nothing to filter, nothing to copy
    mask = pa.array(keep)
    columns: dict[str, object] = {
        "berkas": _constant(berkas, len(index)),
        "sheet": _constant(sheet, len(index)),
        "baris": pd.array(index + first_row, dtype=pd.Int64Dtype()),
        "tahun": pd.array(np.full(len(index), tahun), dtype=pd.Int64Dtype()),
    }
    for name in contract.responden_columns(kolom)[4:]:
        value = out[name]
        if isinstance(value, pd.arrays.IntegerArray | np.ndarray):
            columns[name] = value if every else value[index]
        else:
            columns[name] = pd.array(value if every else value.filter(mask), dtype=pd.StringDtype())
    return pd.DataFrame(columns, copy=False)  # the arrays are new already: no second copy


def _constant(text: str, n: int) -> pd.arrays.ArrowStringArray:
    """``n`` times the same text as a string column, without ``n`` Python strings."""
    repeated = pa.DictionaryArray.from_arrays(pa.array(np.zeros(n, dtype=np.int32)), pa.array([text]))
    return pd.array(repeated.cast(pa.string()), dtype=pd.StringDtype())


def _unit_table(
    responden: pd.DataFrame, units: _UnitSheet, tahun: int, berkas: str, sheet: str
) -> tuple[pd.DataFrame, list[str]]:
    """``skm_unit``: every unit with kept respondents, populasi from the ``Unit`` sheet.

    A unit missing from the ``Unit`` sheet is kept with populasi NA and traced to its first
    respondent row; the name in the ``Unit`` sheet wins over the respondents' spelling.
    """
    notes = []
    surveyed = (
        responden.groupby("kode_unit", sort=False)
        .agg(unit_r=("unit", "first"), baris_r=("baris", "first"))
        .reset_index()
    )
    merged = surveyed.merge(units.frame, on="kode_unit", how="left", indicator=True)
    listed = (merged.pop("_merge") == "both").to_numpy()
    table = pd.DataFrame(
        {
            "berkas": pd.array([berkas] * len(merged), dtype=pd.StringDtype()),
            "sheet": pd.array(np.where(listed, units.sheet or sheet, sheet), dtype=pd.StringDtype()),
            "baris": merged["baris"].where(listed, merged["baris_r"]).astype(pd.Int64Dtype()),
            "tahun": pd.array([tahun] * len(merged), dtype=pd.Int64Dtype()),
            "kode_unit": merged["kode_unit"].astype(pd.StringDtype()),
            "unit": merged["unit"].fillna(merged["unit_r"]).astype(pd.StringDtype()),
            "populasi": merged["populasi"].astype(pd.Int64Dtype()),
        }
    )
    if units.sheet is not None and not listed.all():
        missing = ", ".join(merged.loc[~listed, "kode_unit"])
        notes.append(
            f"{berkas} [{units.sheet}]: {int((~listed).sum())} unit punya responden tetapi tidak "
            f"tercantum, populasi kosong: {missing}"
        )
    renamed = listed & merged["unit_r"].notna().to_numpy()
    renamed &= (_fold(merged["unit_r"].astype(pd.StringDtype())) != merged["_nama"]).fillna(False).to_numpy()
    if renamed.any():
        pairs = ", ".join(
            f"{r.kode_unit} ('{r.unit_r}' / '{r.unit}')" for r in merged[renamed].itertuples(index=False)
        )
        notes.append(
            f"{berkas}: nama unit di sheet '{sheet}' berbeda dengan sheet '{units.sheet}' "
            f"(dipakai nama sheet '{units.sheet}'): {pairs}"
        )
    if units.accounting is not None:
        idle = sorted(set(units.frame["kode_unit"]) - set(surveyed["kode_unit"]))
        if idle:
            units.accounting.disimpan -= len(idle)
            units.accounting.skip("unit tanpa responden", len(idle))
            notes.append(
                f"{berkas} [{units.sheet}]: {len(idle)} unit tanpa responden yang diterima, "
                f"tidak masuk skm_unit: {', '.join(idle)}"
            )
    return table, notes


# --------------------------------------------------------------------------- many workbooks


def _read_or_problems(path: Path, config: Config) -> ReadResult | list[Problem]:
    try:
        return _read(path, config, contract_check=False)
    except StructuralError as exc:
        return exc.problems


def read_many(
    paths: Sequence[Path],
    config: Config,
    workers: int | None = None,
    progress: Callable[[str], None] | None = None,
) -> ReadResult:
    """Read several e-SKM exports, in parallel processes when there are many.

    Parameters
    ----------
    paths : sequence of Path
        The workbooks; the result follows this order whatever order the workers finish in.
    config : Config
    workers : int, optional
        Processes to use (at most one per file). By default one per core when the files
        together exceed :data:`PARALLEL_MIN_BYTES` (starting workers costs about a second),
        else the files are read in this process. ``1`` always reads in this process.
    progress : callable, optional
        Receives one line per file read (``"[3/40] skm-....xlsx: 25.000 baris"``) when there
        is more than one file, for the command line.

    Returns
    -------
    ReadResult
        The tables of every file concatenated in ``paths`` order. A respondent key (tahun ×
        kode_unit × responden) found in two files is quarantined in both; a unit listed by
        several files is kept once (the first), with a note when the files disagree.

    Raises
    ------
    StructuralError
        Carrying the structural problems of every file together.

    Notes
    -----
    Workers are started with the ``forkserver`` method, so a *script* that calls this with
    several workers must keep its top-level code under ``if __name__ == "__main__":``
    (notebooks and ``python -m lkjip`` need nothing).
    """
    paths = [Path(p) for p in paths]
    if not paths:
        raise StructuralError([Problem("skm-responden*.xlsx", "tidak ada berkas SKM untuk dibaca")])
    if workers is None:
        size = sum(p.stat().st_size for p in paths if p.exists())
        workers = (os.cpu_count() or 1) if size >= PARALLEL_MIN_BYTES else 1
    n = min(len(paths), max(1, workers))
    if n > 1:
        # forkserver: workers start from a clean process, not a fork of one holding Arrow or
        # Rust threads; the server imports this module once, so each worker starts warm.
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload([__name__])
        with ProcessPoolExecutor(max_workers=n, mp_context=context) as pool:
            outcomes = _reported(paths, pool.map(_read_or_problems, paths, repeat(config)), progress)
    else:
        outcomes = _reported(paths, (_read_or_problems(p, config) for p in paths), progress)
    problems = [p for o in outcomes if isinstance(o, list) for p in o]
    if problems:
        raise StructuralError(problems)
    results = [o for o in outcomes if isinstance(o, ReadResult)]
    return apply_contract(combine(results), [u.kolom for u in config.skm.unsur])


def _reported(
    paths: Sequence[Path], outcomes: Iterable[ReadResult | list[Problem]], progress
) -> list[ReadResult | list[Problem]]:
    """Collect the per-file outcomes in order, reporting each one as it arrives."""
    collected = []
    for i, (path, outcome) in enumerate(zip(paths, outcomes, strict=True), start=1):
        collected.append(outcome)
        if progress is not None and len(paths) > 1:
            if isinstance(outcome, ReadResult):
                rows = sum(a.dibaca for a in outcome.accounting)
                state = f"{rows:,} baris".replace(",", ".")
            else:
                state = f"{len(outcome)} masalah struktural"
            progress(f"   [{i}/{len(paths)}] {path.name}: {state}")
    return collected


def combine(results: Sequence[ReadResult]) -> ReadResult:
    """Concatenate the results of several files in order, checking keys across files."""
    if len(results) == 1:
        return results[0]
    responden = pd.concat([r.tables["skm_responden"] for r in results], ignore_index=True)
    units = pd.concat([r.tables["skm_unit"] for r in results], ignore_index=True)
    printed = pd.concat([r.tables["skm_nrr_tercetak"] for r in results], ignore_index=True)
    accounting = [a for r in results for a in r.accounting]
    notes = [n for r in results for n in r.notes]
    quarantine = [r.quarantine for r in results]

    twice = responden.duplicated(contract.KEY_RESPONDEN, keep=False)
    if twice.any():
        _same_file_twice(responden, twice)
        quarantine.append(_across_files(responden[twice], accounting))
        responden = responden[~twice].reset_index(drop=True)
        surveyed = responden[contract.KEY_UNIT].drop_duplicates().assign(_ada=True)
        units = units.merge(surveyed, on=contract.KEY_UNIT, how="left")
        units = units[units["_ada"].notna()].drop(columns="_ada")

    repeated = units.duplicated(contract.KEY_UNIT, keep="first")
    if repeated.any():
        first = units[~repeated].set_index(contract.KEY_UNIT)
        disagree = []
        for row in units[repeated].itertuples(index=False):
            kept = first.loc[(row.tahun, row.kode_unit)]
            if kept["unit"] != row.unit or not _same(kept["populasi"], row.populasi):
                disagree.append(f"{row.kode_unit} ({kept['berkas']} / {row.berkas})")
        if disagree:
            notes.append(
                "unit tercantum di beberapa berkas dengan nama/populasi berbeda, dipakai yang "
                f"pertama: {', '.join(disagree)}"
            )
        units = units[~repeated].reset_index(drop=True)
    return ReadResult(
        tables={
            "skm_responden": responden,
            "skm_unit": units.reset_index(drop=True),
            "skm_nrr_tercetak": printed,
        },
        quarantine=concat_quarantine(quarantine),
        accounting=accounting,
        notes=notes,
        warnings=[w for r in results for w in r.warnings],
        kode_dari_nama={b for r in results for b in r.kode_dari_nama},
    )


def _same_file_twice(responden: pd.DataFrame, twice: pd.Series) -> None:
    """Raise :class:`StructuralError` when two files hold exactly the same respondents.

    That is one export saved twice (under two names): quarantining both copies would drop the
    whole survey, so the step stops and names the files. Files that share only some
    respondents are left to the quarantine (:func:`_across_files`).
    """
    keys = contract.KEY_RESPONDEN
    sets = {
        berkas: frozenset(map(tuple, group[keys].astype(str).itertuples(index=False)))
        for berkas, group in responden[twice].groupby("berkas", sort=False)
    }
    sizes = responden.groupby("berkas", sort=False).size()
    whole = [b for b, found in sets.items() if len(found) == sizes[b]]
    problems = []
    for i, first in enumerate(whole):
        for second in whole[i + 1 :]:
            if sets[first] == sets[second]:
                problems.append(
                    Problem(
                        str(second),
                        f"semua {fmt.bilangan(sizes[second])} responden berkas ini sama dengan berkas "
                        f"{first}: berkas yang sama tersimpan dua kali? hapus salah satu",
                        sheet=str(responden.loc[responden["berkas"] == second, "sheet"].iloc[0]),
                    )
                )
    if problems:
        raise StructuralError(problems)


def _across_files(dup: pd.DataFrame, accounting: list[RowAccounting]) -> pd.DataFrame:
    """Quarantine rows (vectorised) for respondent keys found in more than one file.

    Every occurrence is quarantined, since which file is right is unknown; the accounting of
    each file's sheet is moved from kept to quarantined.
    """
    keys = [dup[k] for k in contract.KEY_RESPONDEN]
    where = (dup["berkas"] + " baris " + dup["baris"].astype("string")).astype(object)
    listed = where.groupby(keys, sort=False).transform(", ".join).astype("string")
    nomor = dup["responden"].astype("string")
    alasan = (
        "responden "
        + nomor
        + " unit '"
        + dup["kode_unit"]
        + "' tahun "
        + dup["tahun"].astype("string")
        + " ada di lebih dari satu berkas ("
        + listed
        + ")"
    )
    by_sheet = {(a.berkas, a.sheet): a for a in accounting}
    for (berkas, sheet), count in dup.groupby(["berkas", "sheet"], sort=False).size().items():
        by_sheet[(berkas, sheet)].disimpan -= int(count)
        by_sheet[(berkas, sheet)].dikarantina += int(count)
    frame = pd.DataFrame(
        {
            "berkas": dup["berkas"].astype(object),
            "sheet": dup["sheet"].astype(object),
            "baris": dup["baris"].astype(object),
            "kolom": JUDUL_RESPONDEN["responden"],
            "nilai": nomor.astype(object),
            "alasan": alasan.astype(object),
        }
    )
    return frame.reset_index(drop=True)


def _same(a: object, b: object) -> bool:
    return (pd.isna(a) and pd.isna(b)) or a == b
