"""Reader of ``sakip.xlsx``: the SAKIP evaluation score of every perangkat daerah, one sheet per year.

Layout (see ``lkjip.synthetic.evaluasi``): sheets ``SAKIP <tahun>`` (or just ``<tahun>``), title
rows, a header row with No, Kode PD, Perangkat Daerah, Nilai, Predikat, one row per PD, a
``Rata-rata`` row (checked against the details, then skipped) and a signature block.

The sheet helpers it shares with the other evaluation readers live in ``lkjip.ingest.readers._grid``.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from lkjip.core.config import Config
from lkjip.ingest.problems import Problem, ReadResult, RowAccounting, StructuralError, quarantine_rows
from lkjip.ingest.readers import _grid
from lkjip.ingest.readers._base import open_workbook
from lkjip.ingest.schemas.evaluasi import SAKIP_PD_COLUMNS, SakipPd

TABLE = "sakip_pd"
_SHEET = re.compile(r"^(?:sakip\s*)?(\d{4})$", re.IGNORECASE)
_HEADERS = {
    "no": "No",
    "kode_pd": "Kode PD",
    "perangkat_daerah": "Perangkat Daerah",
    "nilai": "Nilai",
    "predikat_tercetak": "Predikat",
}


#: Labels of rows that summarise the rows above them (checked, then skipped).
def read(path: Path, config: Config) -> ReadResult:
    """Read ``sakip.xlsx`` into the clean table ``sakip_pd``.

    Parameters
    ----------
    path : Path
        The workbook; one sheet per year, named ``SAKIP <tahun>`` or ``<tahun>``.
    config : Config
        The report configuration; the sheet of ``config.tahun`` must exist.

    Returns
    -------
    ReadResult
        ``tables["sakip_pd"]`` (tahun, kode_pd, perangkat_daerah, nilai, predikat_tercetak,
        berkas, sheet, baris), rows with problems in quarantine, one accounting per sheet.

    Raises
    ------
    StructuralError
        Missing year sheet or column, formula without cached value, no data rows, or a printed
        average that disagrees with the scores; every such problem of every sheet at once.
    """
    berkas = path.name
    wb = open_workbook(path)
    found, notes = _grid.year_sheets(wb.sheetnames, _SHEET, berkas)
    _grid.require_year(found, config.tahun, f"SAKIP {config.tahun}", berkas, wb.sheetnames)
    grids = _grid.load_sheets(path, wb, list(found.values()))
    frames, quarantined, accounting, problems = [], [], [], []
    nilai_labels: dict[str, str] = {}  # sheet -> "D (Nilai)"
    for tahun, name in found.items():
        try:
            frame, rejected, counted, sheet_notes, labels = _read_sheet(grids[name], tahun)
        except StructuralError as exc:
            problems.extend(exc.problems)
            continue
        frames.append(frame)
        quarantined.extend(rejected)
        accounting.append(counted)
        notes.extend(sheet_notes)
        nilai_labels[name] = labels["nilai"]
    if problems:
        raise StructuralError(problems)
    return ReadResult(
        tables={TABLE: _grid.concat_or_empty(frames, SAKIP_PD_COLUMNS)},
        quarantine=quarantine_rows(quarantined),
        accounting=accounting,
        notes=notes,
        kolom={(berkas, name, "nilai", None): label for name, label in nilai_labels.items()},
    )


def _read_sheet(
    grid: _grid.SheetGrid, tahun: int
) -> tuple[pd.DataFrame, list[Problem], RowAccounting, list[str], dict[str, str]]:
    """One year sheet: its rows, quarantine, accounting, notes and column labels (``"D (Nilai)"``)."""
    h, col = _grid.header_columns(grid, _HEADERS)
    labels = {name: _grid.header_label(grid, h, c) for name, c in col.items()}
    values = grid.values
    accounting = RowAccounting(grid.berkas, grid.sheet, dibaca=len(values))
    accounting.skip(_grid.SKIP_TITLE, h)
    accounting.skip(_grid.SKIP_HEADER)
    records: list[dict] = []
    rejected: list[Problem] = []
    ident = [col["no"], col["kode_pd"], col["perangkat_daerah"]]
    rows, totals = _grid.data_rows(values, h + 1, ident, accounting, max(col.values()) + 1)
    for r, row in rows:
        kode = _grid.text_of(row[col["kode_pd"]])
        nama = _grid.text_of(row[col["perangkat_daerah"]])
        numbered = isinstance(row[col["no"]], int | float)
        nilai, problem = _grid.parse_cell(grid, r, col["nilai"], labels["nilai"])
        if not (kode or nama or numbered):
            if nilai is None:
                accounting.skip(_grid.SKIP_FOOTER)  # text only: notes, signature lines
                continue
            problem = Problem(
                grid.berkas, "baris berisi nilai tanpa kode/nama perangkat daerah", grid.sheet, r + 1,
                labels["nilai"], row[col["nilai"]],
            )  # fmt: skip
        if problem is not None:
            rejected.append(problem)
            accounting.dikarantina += 1
            continue
        records.append(
            {
                "tahun": tahun,
                "kode_pd": kode,
                "perangkat_daerah": nama,
                "nilai": nilai,
                "predikat_tercetak": _grid.text_of(row[col["predikat_tercetak"]]),
                "baris": r + 1,
            }
        )
    if not records and not rejected:
        raise StructuralError([_grid.empty_sheet_problem(grid, h)])

    records = _grid.without_duplicate_pd(records, grid, labels, rejected, accounting)

    strings = ["kode_pd", "perangkat_daerah", "predikat_tercetak"]
    frame = _grid.build_frame(records, SAKIP_PD_COLUMNS, strings, grid)
    frame, rejected = _grid.finish_sheet(frame, SakipPd, labels, accounting, rejected)

    notes: list[str] = []
    problems = []
    for r in totals:
        if rejected:
            notes.append(
                f"{grid.berkas} [{grid.sheet}] baris {r + 1}: rata-rata tercetak tidak diperiksa karena ada"
                " baris yang dikarantina"
            )
            continue
        scores = frame["nilai"].dropna()
        if scores.empty:
            continue
        mean = _grid.MEAN_LABEL.match(_grid.row_label(values[r], ident)) is not None
        computed = float(scores.mean() if mean else scores.sum())
        what = "rata-rata nilai" if mean else "jumlah nilai"
        problem = _grid.check_printed(grid, r, col["nilai"], labels["nilai"], computed, what)
        problems += _grid.at_missing_details(grid, problem, frame, "nilai", col["nilai"], labels["nilai"])
    if problems:
        raise StructuralError(problems)
    return frame, rejected, accounting, notes, labels
