"""Reader of ``pembanding.xlsx``: comparison figures of the Kabupaten, the Provinsi and the Setda.

Layout (see ``lkjip.synthetic.evaluasi``): sheet ``Pembanding`` with title rows, a header row
No, Tahun, Kode Indikator, Indikator, Entitas, Nilai, Keterangan (``Sumber`` is accepted for the
last), one row per year × indicator × entity, and notes below. ``-`` in Nilai means the figure
is not available (NA, never 0); ``ilustratif`` in Keterangan marks values that were not legible.
"""

from __future__ import annotations

from pathlib import Path

from lkjip.core.config import Config
from lkjip.ingest.pemetaan import deklarasi
from lkjip.ingest.problems import Problem, ReadResult, RowAccounting, StructuralError, quarantine_rows
from lkjip.ingest.readers import _grid
from lkjip.ingest.readers._base import Lembar, open_workbook, read_sheets, require_sheets
from lkjip.ingest.schemas.evaluasi import PEMBANDING_COLUMNS, Pembanding

SUMBER = "pembanding"
TABLE = "pembanding"
SHEET = "Pembanding"
_HEADERS = {"tahun": "Tahun", "kode_indikator": "Kode Indikator", "entitas": "Entitas", "nilai": "Nilai"}
_OPTIONAL = {
    "no": ["No"],
    "indikator": ["Indikator", "Indikator Kinerja"],
    "keterangan": ["Keterangan", "Sumber", "Keterangan/Sumber", "Sumber/Keterangan"],
}


def read(path: Path, config: Config) -> ReadResult:
    """Read ``pembanding.xlsx`` into the clean table ``pembanding``.

    Parameters
    ----------
    path : Path
        The workbook with a sheet ``Pembanding``.
    config : Config
        The report configuration: the office's declarations for the file (``pemetaan``); every
        year in the sheet is kept.

    Returns
    -------
    ReadResult
        ``tables["pembanding"]`` (tahun, kode_indikator, indikator, entitas, nilai, keterangan,
        berkas, sheet, baris), rows with problems in quarantine, the sheet's accounting.

    Raises
    ------
    StructuralError
        Missing sheet or column, formula without cached value, or no data rows.
    """
    berkas = path.name
    wb = open_workbook(path)
    require_sheets(wb.sheetnames, [SHEET], berkas)
    notes = [
        f"{berkas}: sheet '{name}' tidak dikenal dan diabaikan"
        for name in wb.sheetnames
        if name != SHEET and name.strip().lower() not in _grid.KNOWN_EXTRA_SHEETS
    ]
    grids = _grid.load_sheets(path, wb, [SHEET], _grid.declared_missing(config, SUMBER, berkas, [SHEET]))

    def one(name: str) -> Lembar:
        declared = deklarasi(config, SUMBER, berkas, name)
        frame, rejected, accounting, labels = _read_sheet(grids[name], declared)
        # where the figures stand (the report's trail names the cell)
        return Lembar(frame, rejected, accounting, kolom={(berkas, name, "nilai", None): labels["nilai"]})

    got = read_sheets([SHEET], one)
    return ReadResult(
        tables={TABLE: got.frames[0]},
        quarantine=quarantine_rows(got.rejected),
        accounting=got.accounting,
        notes=notes,
        kolom=got.kolom,
    )


def _read_sheet(grid: _grid.SheetGrid, declared=None):
    h, col = _grid.header_columns(grid, _HEADERS, _OPTIONAL, declared)
    labels = {name: _grid.header_label(grid, h, c) for name, c in col.items()}
    values = grid.values
    accounting = RowAccounting(grid.berkas, grid.sheet, dibaca=len(values))
    accounting.skip(_grid.SKIP_TITLE, h)
    accounting.skip(_grid.SKIP_HEADER)
    ident = [c for c in (col.get("no"), col["tahun"], col["kode_indikator"]) if c is not None]
    records: list[dict] = []
    rejected: list[Problem] = []
    for r in range(h + 1, len(values)):
        row = values[r]
        if _grid.is_blank_row(row):
            accounting.skip(_grid.SKIP_BLANK)
            continue
        if _grid.TOTAL_LABEL.match(_grid.row_label(row, ident)):
            accounting.skip(_grid.SKIP_TOTAL)  # nothing to add up in a list of comparison figures
            continue
        if _grid.is_column_number_row(row):
            accounting.skip(_grid.SKIP_COLUMN_NUMBERS)
            continue
        kode = _grid.text_of(row[col["kode_indikator"]])
        entitas = _grid.text_of(row[col["entitas"]])
        raw_year = row[col["tahun"]]
        if kode is None and entitas is None and raw_year is None:
            accounting.skip(_grid.SKIP_FOOTER)  # "Sumber: ...", notes, signature lines
            continue
        problems: list[Problem] = []
        try:
            tahun = _grid.parse_year(raw_year)
        except ValueError as exc:
            problems.append(Problem(grid.berkas, str(exc), grid.sheet, r + 1, labels["tahun"], raw_year))
            tahun = None
        nilai, problem = _grid.parse_cell(grid, r, col["nilai"], labels["nilai"])
        if problem is not None:
            problems.append(problem)
        if problems:
            rejected.extend(problems)
            accounting.dikarantina += 1
            continue
        records.append(
            {
                "tahun": tahun,
                "kode_indikator": kode,
                "indikator": _grid.text_of(row[col["indikator"]]) if "indikator" in col else None,
                "entitas": entitas,
                "nilai": nilai,
                "keterangan": _grid.text_of(row[col["keterangan"]]) if "keterangan" in col else None,
                "baris": r + 1,
            }
        )
    if not records and not rejected:
        raise StructuralError([_grid.empty_sheet_problem(grid, h)])

    duplicates = _grid.duplicate_problems(
        records,
        ["tahun", "kode_indikator", "entitas"],
        grid,
        labels["entitas"],
        "tahun × indikator × entitas",
    )
    if duplicates:
        bad = {p.baris for p in duplicates}
        records = [rec for rec in records if rec["baris"] not in bad]
        rejected.extend(duplicates)
        accounting.dikarantina += len(bad)
    strings = ["kode_indikator", "indikator", "entitas", "keterangan"]
    frame = _grid.build_frame(records, PEMBANDING_COLUMNS, strings, grid)
    frame, rejected = _grid.finish_sheet(frame, Pembanding, labels, accounting, rejected)
    return frame, rejected, accounting, labels
