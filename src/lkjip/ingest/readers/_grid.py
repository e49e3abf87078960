"""Sheet helpers shared by the readers of the evaluation forms (SAKIP, kelembagaan, pembanding).

These workbooks follow the same office conventions: title rows, a header found by its labels,
an optional row of column numbers, one row per perangkat daerah, a printed average or total
that is checked against the details, and a signature block.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import pandas as pd
from openpyxl.cell.cell import Cell, MergedCell
from openpyxl.workbook.workbook import Workbook

from lkjip.core import fmt
from lkjip.core.config import BerkasPemetaan, Config
from lkjip.ingest.cells import error_text
from lkjip.ingest.judul import find_header, normalise_label
from lkjip.ingest.parsing import NumberParseError, is_missing, parse_number
from lkjip.ingest.pemetaan import deklarasi, nilai_kosong, tanpa_nilai_kosong
from lkjip.ingest.problems import Problem, RowAccounting, StructuralError
from lkjip.ingest.readers._base import column_label, uncached_problems
from lkjip.ingest.schemas._common import validate

TOTAL_LABEL = re.compile(r"^(rata[- ]?rata|rerata|jumlah|total|nilai efektivitas)\b")
MEAN_LABEL = re.compile(r"^(rata[- ]?rata|rerata)\b")
#: Sheets an office adds that no reader needs (silently ignored); any other sheet gets a note.
KNOWN_EXTRA_SHEETS = frozenset({"keterangan"})
_NONE: frozenset[str] = frozenset()

# Accounting reasons (Bahasa Indonesia, shown in the data log).
SKIP_TITLE = "judul"
SKIP_HEADER = "judul kolom"
SKIP_COLUMN_NUMBERS = "nomor kolom"
SKIP_BLANK = "baris kosong"
SKIP_TOTAL = "baris rata-rata/jumlah"
SKIP_FOOTER = "tanda tangan/catatan"


# ---------------------------------------------------------------------------------------------
# Shared helpers of the evaluation readers
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SheetGrid:
    """One sheet's cells, row by row (0-based lists; ``baris`` = index + 1).

    ``kosong`` holds the texts the office declared as "no value" for this file (``laporan.yml``,
    ``pemetaan``: ``missingValues``, folded): such a cell reads as empty everywhere.
    """

    berkas: str
    sheet: str
    cells: list[list[Cell]]
    kosong: frozenset[str] = frozenset()

    @cached_property
    def values(self) -> list[list[object]]:
        return tanpa_nilai_kosong([[c.value for c in row] for row in self.cells], self.kosong)


def load_sheets(
    path: Path, wb: Workbook, wanted: Sequence[str], kosong: dict[str, frozenset[str]] | None = None
) -> dict[str, SheetGrid]:
    """Read the ``wanted`` sheets of ``wb``, opened from ``path`` with cached formula values.

    ``kosong`` gives, per sheet, the texts declared as "no value" (:attr:`SheetGrid.kosong`).

    Raises
    ------
    StructuralError
        Naming every formula cell that has no cached value (the workbook was written by a
        program that does not calculate; reading it would silently give blanks).
    """
    problems = uncached_problems(path, wanted)
    if problems:
        raise StructuralError(problems)
    kosong = kosong or {}
    return {
        name: SheetGrid(path.name, name, [list(r) for r in wb[name].iter_rows()], kosong.get(name, _NONE))
        for name in wanted
    }


def declared_missing(
    config: Config, sumber: str, berkas: str, sheets: Sequence[str]
) -> dict[str, frozenset[str]]:
    """Per sheet, the texts the office declared as "no value" for it (``missingValues``)."""
    return {name: nilai_kosong(deklarasi(config, sumber, berkas, name)) for name in sheets}


def year_sheets(
    sheetnames: Sequence[str], pattern: re.Pattern[str], berkas: str
) -> tuple[dict[int, str], list[str]]:
    """Sheets whose name gives a year (``SAKIP 2025``), and notes on the sheets ignored.

    Raises
    ------
    StructuralError
        When two sheets claim the same year.
    """
    found: dict[int, str] = {}
    notes, problems = [], []
    for name in sheetnames:
        match = pattern.match(name.strip())
        if match is None:
            if normalise_label(name) not in KNOWN_EXTRA_SHEETS:
                notes.append(f"{berkas}: sheet '{name}' tidak dikenal dan diabaikan")
            continue
        tahun = int(match.group(1))
        if tahun in found:
            problems.append(
                Problem(berkas, f"dua sheet untuk tahun {tahun}: '{found[tahun]}' dan '{name}'", sheet=name)
            )
        found[tahun] = name
    if problems:
        raise StructuralError(problems)
    return dict(sorted(found.items())), notes


def require_year(found: dict[int, str], tahun: int, example: str, berkas: str, sheetnames: Sequence[str]):
    """Raise :class:`StructuralError` when the report year's sheet is missing."""
    if tahun not in found:
        raise StructuralError(
            [Problem(berkas, f"sheet '{example}' tidak ada; sheet yang ada: {list(sheetnames)}")]
        )


def header_columns(
    grid: SheetGrid,
    required: dict[str, str | Sequence[str]],
    optional: dict[str, Sequence[str]] | None = None,
    declared: BerkasPemetaan | None = None,
) -> tuple[int, dict[str, int]]:
    """Locate the header row by its labels; return its index and clean name -> 0-based column.

    ``required`` and ``optional`` map a clean name to the label (or labels, the first as a
    person types it) it may carry; absent optional columns are left out of the result. The
    search is :func:`lkjip.ingest.judul.find_header`'s; the header rows and label meanings the
    office declared for the file (``declared``) are used as declared.
    """
    fields = {
        name: (labels,) if isinstance(labels, str) else tuple(labels)
        for name, labels in {**required, **(optional or {})}.items()
    }
    judul = find_header(
        grid.values,
        fields,
        list(required),
        berkas=grid.berkas,
        sheet=grid.sheet,
        key=normalise_label,
        twice_ok=True,
        declared_rows=declared.header_rows if declared is not None else None,
        join=declared.header_join if declared is not None else " ",
        aliases=declared.kolom if declared is not None else None,
    )
    return judul.baris, judul.kolom


def header_label(grid: SheetGrid, header_row: int, col0: int) -> str:
    """``"D (Nilai)"``: column letter with the header text as printed."""
    text = grid.cells[header_row][col0].value
    return column_label(col0, " ".join(str(text).split()) if text is not None else None)


def is_blank_row(values: Sequence[object]) -> bool:
    return all(v is None or (isinstance(v, str) and not v.strip()) for v in values)


def is_column_number_row(values: Sequence[object]) -> bool:
    """True for the "(1) (2) (3) ..." row that government tables print under their header."""
    filled = [(i, v) for i, v in enumerate(values) if not is_missing(v)]
    if len(filled) < 3:
        return False
    return all(re.fullmatch(rf"\(?{i + 1}\)?", str(v).strip()) for i, v in filled)


def text_of(value: object) -> str | None:
    """Cell as stripped text (numbers written without ``.0``), ``None`` when missing."""
    if is_missing(value):
        return None
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return " ".join(str(value).split())


def row_label(values: Sequence[object], columns: Iterable[int]) -> str:
    """The first text among ``columns``, folded: where a totals row prints its label."""
    for col in columns:
        if col < len(values) and isinstance(values[col], str) and values[col].strip():
            return normalise_label(values[col])
    return ""


def data_rows(
    values: Sequence[Sequence[object]],
    first: int,
    ident: Sequence[int],
    accounting: RowAccounting,
    width: int = 0,
) -> tuple[list[tuple[int, list]], list[int]]:
    """Split the rows from ``first`` on: data rows, and the rows of a printed total or average.

    Blank rows, column-number rows, the total/average row (its label in the ``ident``
    columns) and everything after it are accounted as skipped. Each data row is padded with
    ``None`` to ``width`` cells.

    Returns
    -------
    rows : list of (int, list)
        0-based row index and the row's cells.
    totals : list of int
        0-based indices of the total/average rows.
    """
    rows: list[tuple[int, list]] = []
    totals: list[int] = []
    footer = False
    for r in range(first, len(values)):
        row = list(values[r]) + [None] * (width - len(values[r]))
        if is_blank_row(row):
            accounting.skip(SKIP_BLANK)
        elif footer:
            accounting.skip(SKIP_FOOTER)
        elif TOTAL_LABEL.match(row_label(row, ident)):
            totals.append(r)
            footer = True
            accounting.skip(SKIP_TOTAL)
        elif is_column_number_row(row):
            accounting.skip(SKIP_COLUMN_NUMBERS)
        else:
            rows.append((r, row))
    return rows, totals


def parse_cell(
    grid: SheetGrid, row0: int, col0: int, label: str, *, percent_format: bool = False
) -> tuple[float | None, Problem | None]:
    """Parse one number cell: ``(value, None)``, ``(None, None)`` when missing, or a located problem.

    With ``percent_format`` a numeric cell shown in Excel as a percentage (stored as 0,25 for
    25 %) is converted back to percent numbers.
    """
    cell = grid.cells[row0][col0] if col0 < len(grid.cells[row0]) else None
    value = None if cell is None else grid.values[row0][col0]
    if isinstance(cell, MergedCell):
        return None, Problem(
            grid.berkas,
            "sel bagian dari sel gabungan: nilainya hanya tertulis di sel kiri-atas rentang itu, sel ini "
            "terbaca kosong; diharapkan angka di setiap baris (pisahkan sel gabungan)",
            grid.sheet,
            row0 + 1,
            label,
        )
    if cell is not None and cell.data_type == "e":
        return None, Problem(
            grid.berkas,
            f"sel berisi {error_text(str(value))}; diharapkan angka",
            grid.sheet,
            row0 + 1,
            label,
            value,
        )
    try:
        number = parse_number(value)
    except NumberParseError as exc:
        return None, Problem(grid.berkas, f"bukan angka: {exc}", grid.sheet, row0 + 1, label, value)
    if (
        number is not None
        and percent_format
        and isinstance(value, int | float)
        and "%" in (cell.number_format or "")
    ):
        number *= 100
    return number, None


def parse_year(value: object) -> int | None:
    """A year cell: 2025, 2025.0, "2025", "Tahun 2025" or a date; ``None`` when missing.

    Raises
    ------
    ValueError
        When the cell holds something else.
    """
    if is_missing(value):
        return None
    if isinstance(value, dt.date | dt.datetime):
        return value.year
    if isinstance(value, int | float) and not isinstance(value, bool) and float(value).is_integer():
        return int(value)
    if isinstance(value, str):
        match = re.fullmatch(r"(?:tahun\s*)?(\d{4})(?:[.,]0+)?", value.strip(), re.IGNORECASE)
        if match:
            return int(match.group(1))
    raise ValueError(f"tahun tidak dikenali: {value!r}")


def printed_tolerance(cell: Cell) -> float:
    """Half a unit of the last decimal printed (text) or shown (number format); at least 0,005."""
    value = cell.value
    decimals = 2
    if isinstance(value, str):
        match = re.search(r"[.,](\d+)\s*%?\s*$", value.strip())
        decimals = len(match.group(1)) if match else 0
    elif "." in (cell.number_format or ""):
        decimals = len(re.sub(r"[^0#]", "", cell.number_format.split(".", 1)[1]))
    return max(0.5 * 10.0**-decimals, 0.005) + 1e-9


def check_printed(
    grid: SheetGrid,
    row0: int,
    col0: int,
    label: str,
    computed: float,
    what: str,
) -> Problem | None:
    """Compare a printed total or average with the value computed from the details.

    Returns a located problem (printed and computed values) when they disagree beyond the
    rounding of the printed figure, ``None`` when they agree or nothing is printed.
    """
    cell = grid.cells[row0][col0]
    try:
        printed = parse_number(grid.values[row0][col0])
    except NumberParseError as exc:
        return Problem(
            grid.berkas, f"{what} tercetak bukan angka: {exc}", grid.sheet, row0 + 1, label, cell.value
        )
    if printed is None or abs(printed - computed) <= printed_tolerance(cell):
        return None
    return Problem(
        grid.berkas,
        f"{what} tercetak {fmt.angka_ringkas(printed)} tidak sama dengan hasil hitung dari rincian "
        f"{fmt.angka_ringkas(computed)}"
        f" (sel {cell.coordinate})",
        grid.sheet,
        row0 + 1,
        label,
        cell.value,
    )


def at_missing_details(
    grid: SheetGrid, problem: Problem | None, frame: pd.DataFrame, column: str, col0: int, label: str
) -> list[Problem]:
    """A printed total or average that disagrees, located at the details it is missing.

    When some details of ``column`` are missing ("-", blank) and the printed figure disagrees
    with the others, the printed figure most likely still counts them: the cell to fix is the
    missing one, not the printed total. One problem per missing detail, naming the printed
    figure; ``[problem]`` when no detail is missing; ``[]`` without a problem.
    """
    if problem is None:
        return []
    missing = [int(b) for b in frame.loc[frame[column].isna(), "baris"]]
    if not missing:
        return [problem]
    return [
        Problem(
            grid.berkas,
            f"nilai kosong, padahal {problem.pesan} di baris {problem.baris}: nilai baris ini "
            "tampaknya ikut dihitung di sana; isi nilainya, atau perbarui angka tercetaknya",
            grid.sheet,
            baris,
            label,
            grid.values[baris - 1][col0] if col0 < len(grid.values[baris - 1]) else None,
        )
        for baris in missing
    ]


def duplicate_problems(
    records: Sequence[dict], key: Sequence[str], grid: SheetGrid, label: str, what: str
) -> list[Problem]:
    """One problem per record whose ``key`` values repeat another record's (all of them)."""
    seen: dict[tuple, list[dict]] = defaultdict(list)
    for record in records:
        values = tuple(record[k] for k in key)
        if all(v is not None for v in values):
            seen[tuple(str(v).casefold() for v in values)].append(record)
    problems = []
    for group in seen.values():
        if len(group) > 1:
            rows = [r["baris"] for r in group]
            for record in group:
                others = [b for b in rows if b != record["baris"]]
                problems.append(
                    Problem(
                        grid.berkas,
                        f"duplikat: {what} '{record[key[-1]]}' juga ada di baris {others}",
                        grid.sheet,
                        record["baris"],
                        label,
                        record[key[-1]],
                    )
                )
    return problems


def without_duplicate_pd(
    records: list[dict],
    grid: SheetGrid,
    labels: dict[str, str],
    rejected: list[Problem],
    accounting: RowAccounting,
) -> list[dict]:
    """``records`` without those whose perangkat daerah (code or name) repeats in the year.

    Every repeated row goes to quarantine (``rejected``, counted in ``accounting``): which of
    two rows is right cannot be known.
    """
    duplicates = duplicate_problems(records, ["tahun", "kode_pd"], grid, labels["kode_pd"], "kode PD")
    duplicates += duplicate_problems(
        records, ["tahun", "perangkat_daerah"], grid, labels["perangkat_daerah"], "perangkat daerah"
    )
    if not duplicates:
        return records
    bad = {p.baris for p in duplicates}
    rejected.extend(duplicates)
    accounting.dikarantina += len(bad)
    return [rec for rec in records if rec["baris"] not in bad]


def build_frame(records: Sequence[dict], columns: Sequence[str], strings: Sequence[str], grid: SheetGrid):
    """The clean frame of ``records`` with contract dtypes and the source columns."""
    frame = pd.DataFrame(list(records), columns=[*columns, "baris"])
    for name in columns:
        if name == "tahun":
            frame[name] = frame[name].astype("Int64")
        elif name in strings:
            frame[name] = frame[name].astype("string")
        else:
            frame[name] = pd.to_numeric(frame[name]).astype("float64")
    frame["berkas"] = pd.Series([grid.berkas] * len(frame), dtype="string")
    frame["sheet"] = pd.Series([grid.sheet] * len(frame), dtype="string")
    frame["baris"] = frame["baris"].astype("int64")
    return frame[[*columns, "berkas", "sheet", "baris"]]


def empty_sheet_problem(grid: SheetGrid, header_row0: int) -> Problem:
    return Problem(
        grid.berkas,
        "tidak ada baris data di bawah baris judul kolom",
        sheet=grid.sheet,
        baris=header_row0 + 1,
    )


def finish_sheet(
    frame: pd.DataFrame,
    schema,
    headers: dict[str, str],
    accounting: RowAccounting,
    row_problems: list[Problem],
) -> tuple[pd.DataFrame, list[Problem]]:
    """Validate one sheet's frame; move failing rows to quarantine and count them.

    Raises
    ------
    StructuralError
        On failures of the table as a whole.
    """
    valid, failed, table_problems = validate(frame, schema, headers=headers)
    if table_problems:
        raise StructuralError(table_problems)
    accounting.dikarantina += len({p.baris for p in failed})
    accounting.disimpan = len(valid)
    return valid.reset_index(drop=True), [*row_problems, *failed]


def concat_or_empty(frames: list[pd.DataFrame], schema_columns: Sequence[str]) -> pd.DataFrame:
    """Stack sheet frames in order (an empty frame with the contract columns when none)."""
    if frames:
        return pd.concat(frames, ignore_index=True)
    return pd.DataFrame({c: pd.Series(dtype="object") for c in [*schema_columns, "berkas", "sheet", "baris"]})


# ---------------------------------------------------------------------------------------------
# sakip.xlsx
# ---------------------------------------------------------------------------------------------
