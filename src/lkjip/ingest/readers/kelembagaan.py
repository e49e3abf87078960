"""Reader of ``kelembagaan.xlsx``: tingkat kematangan per PD and the Pemda's evaluasi kelembagaan.

Layout (see ``lkjip.synthetic.evaluasi``):

- sheets ``Kematangan <tahun>``: header No, Kode PD, Perangkat Daerah, ``V1 <nama variabel>`` ..
  ``V11 ...``, Total, Kategori; an optional "(1) (2) ..." column-number row; one row per PD; a
  ``Rata-rata`` row (checked against the details, then skipped); a signature block.
- sheet ``Evaluasi Kelembagaan``: header No, Tahun, Dimensi, Sub Dimensi, Bobot (%), Nilai and
  optionally Nilai Tertimbang; Tahun and Dimensi may be merged down their rows; after each year
  a ``Nilai Efektivitas Kelembagaan`` (or ``Jumlah``) row, checked against Σ bobot/100 × nilai.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from lkjip.core import fmt
from lkjip.core.config import Config
from lkjip.ingest.parsing import is_missing
from lkjip.ingest.pemetaan import deklarasi
from lkjip.ingest.problems import Problem, ReadResult, RowAccounting, StructuralError, quarantine_rows
from lkjip.ingest.readers import _grid
from lkjip.ingest.readers._base import Lembar, open_workbook, read_sheets
from lkjip.ingest.schemas.evaluasi import (
    DIMENSI_KELEMBAGAAN,
    KELEMBAGAAN_PEMDA_COLUMNS,
    KelembagaanPemda,
    kolom_kelembagaan_pd,
    skema_kelembagaan_pd,
    variabel_kematangan,
)

SUMBER = "kelembagaan"
TABLE_PD = "kelembagaan_pd"
TABLE_PEMDA = "kelembagaan_pemda"
SHEET_PEMDA = "Evaluasi Kelembagaan"
_SHEET = re.compile(r"^kematangan\s*(\d{4})$", re.IGNORECASE)
_VARIABLE = re.compile(r"^v\s*0?(\d{1,2})\b")
_HEADERS_PD = {
    "no": "No",
    "kode_pd": "Kode PD",
    "perangkat_daerah": "Perangkat Daerah",
    "total_tercetak": "Total",
    "kategori_tercetak": "Kategori",
}
_HEADERS_PEMDA = {
    "tahun": "Tahun",
    "dimensi": "Dimensi",
    "sub_dimensi": "Sub Dimensi",
    "bobot": "Bobot (%)",
    "nilai": "Nilai",
}
_OPTIONAL_PEMDA = {"no": ["No"], "tertimbang": ["Nilai Tertimbang"]}


def read(path: Path, config: Config) -> ReadResult:
    """Read ``kelembagaan.xlsx`` into ``kelembagaan_pd`` and ``kelembagaan_pemda``.

    Parameters
    ----------
    path : Path
        The workbook: sheets ``Kematangan <tahun>`` and ``Evaluasi Kelembagaan``.
    config : Config
        The report configuration; ``Kematangan <config.tahun>`` must exist.

    Returns
    -------
    ReadResult
        Both clean tables, rows with problems in quarantine, one accounting per sheet.

    Raises
    ------
    StructuralError
        Missing sheet or column (including any of V1..V11), formula without cached value, no
        data rows, or a printed total/average that disagrees with its details; all at once.
    """
    berkas = path.name
    wb = open_workbook(path)
    found, notes = _grid.year_sheets(wb.sheetnames, _SHEET, berkas)
    notes = [n for n in notes if f"'{SHEET_PEMDA}'" not in n]
    missing = []
    if config.tahun not in found:
        missing.append(f"Kematangan {config.tahun}")
    if SHEET_PEMDA not in wb.sheetnames:
        missing.append(SHEET_PEMDA)
    if missing:
        raise StructuralError(
            [Problem(berkas, f"sheet '{s}' tidak ada; sheet yang ada: {wb.sheetnames}") for s in missing]
        )
    wanted = [*found.values(), SHEET_PEMDA]
    grids = _grid.load_sheets(path, wb, wanted, _grid.declared_missing(config, SUMBER, berkas, wanted))

    def kematangan(item: tuple[int, str]) -> Lembar:
        tahun, name = item
        frame, rejected, counted, sheet_notes, labels = _read_kematangan(
            grids[name], tahun, config.kematangan.jumlah_variabel, deklarasi(config, SUMBER, berkas, name)
        )
        # the printed total too: the report's trail names its cell
        variabel = [*variabel_kematangan(config.kematangan.jumlah_variabel), "total_tercetak"]
        kolom = {(berkas, name, v, None): labels[v] for v in variabel if v in labels}
        return Lembar(frame, rejected, counted, sheet_notes, kolom)

    def pemda(name: str) -> Lembar:
        declared = deklarasi(config, SUMBER, berkas, name)
        frame, rejected, counted, sheet_notes = _read_pemda(grids[name], declared)
        return Lembar(frame, rejected, counted, sheet_notes)

    problems: list[Problem] = []
    try:
        years = read_sheets(found.items(), kematangan)
    except StructuralError as exc:
        problems += exc.problems
    try:
        evaluasi = read_sheets([SHEET_PEMDA], pemda)
    except StructuralError as exc:
        problems += exc.problems
    if problems:
        raise StructuralError(problems)
    return ReadResult(
        tables={
            TABLE_PD: _grid.concat_or_empty(
                years.frames, kolom_kelembagaan_pd(config.kematangan.jumlah_variabel)
            ),
            TABLE_PEMDA: evaluasi.frames[0],
        },
        quarantine=quarantine_rows([*years.rejected, *evaluasi.rejected]),
        accounting=[*years.accounting, *evaluasi.accounting],
        notes=[*notes, *years.notes, *evaluasi.notes],
        kolom=years.kolom,
    )


def _variable_columns(grid: _grid.SheetGrid, h: int, variabel: list[str]) -> dict[str, int]:
    """``{"V01": col0, ...}`` from headers such as ``"V1\\nKesesuaian Tugas dan Fungsi"``."""
    found: dict[str, int] = {}
    for col0, value in enumerate(grid.values[h]):
        if isinstance(value, str):
            match = _VARIABLE.match(" ".join(value.split()).lower())
            if match:
                found.setdefault(f"V{int(match.group(1)):02d}", col0)
    missing = [f"V{int(v[1:])}" for v in variabel if v not in found]
    if missing:
        raise StructuralError(
            [
                Problem(
                    grid.berkas,
                    f"kolom variabel kematangan tidak ditemukan pada baris judul: {missing}",
                    sheet=grid.sheet,
                    baris=h + 1,
                )
            ]
        )
    return {v: found[v] for v in variabel}


def _read_kematangan(grid: _grid.SheetGrid, tahun: int, jumlah_variabel: int, declared=None):
    variabel = variabel_kematangan(jumlah_variabel)
    h, col = _grid.header_columns(grid, _HEADERS_PD, declared=declared)
    col.update(_variable_columns(grid, h, variabel))
    labels = {name: _grid.header_label(grid, h, c) for name, c in col.items()}
    values = grid.values
    accounting = RowAccounting(grid.berkas, grid.sheet, dibaca=len(values))
    accounting.skip(_grid.SKIP_TITLE, h)
    accounting.skip(_grid.SKIP_HEADER)
    numeric = [*variabel, "total_tercetak"]
    ident = [col["no"], col["kode_pd"], col["perangkat_daerah"]]
    records: list[dict] = []
    rejected: list[Problem] = []
    rows, totals = _grid.data_rows(values, h + 1, ident, accounting)
    for r, row in rows:
        record = {
            "tahun": tahun,
            "kode_pd": _grid.text_of(row[col["kode_pd"]]),
            "perangkat_daerah": _grid.text_of(row[col["perangkat_daerah"]]),
            "kategori_tercetak": _grid.text_of(row[col["kategori_tercetak"]]),
            "baris": r + 1,
        }
        problems = []
        for name in numeric:
            record[name], problem = _grid.parse_cell(grid, r, col[name], labels[name])
            if problem is not None:
                problems.append(problem)
        identified = (
            record["kode_pd"] or record["perangkat_daerah"] or isinstance(row[col["no"]], int | float)
        )
        if not identified:
            if all(record[n] is None for n in numeric):
                accounting.skip(_grid.SKIP_FOOTER)  # text only: notes, legend, signature lines
                continue
            problems = [
                Problem(
                    grid.berkas, "baris berisi skor tanpa kode/nama perangkat daerah", grid.sheet, r + 1
                )
            ]
        if problems:
            rejected.extend(problems)
            accounting.dikarantina += 1
            continue
        records.append(record)
    if not records and not rejected:
        raise StructuralError([_grid.empty_sheet_problem(grid, h)])

    records = _grid.without_duplicate_pd(records, grid, labels, rejected, accounting)

    strings = ["kode_pd", "perangkat_daerah", "kategori_tercetak"]
    frame = _grid.build_frame(records, kolom_kelembagaan_pd(jumlah_variabel), strings, grid)
    schema = skema_kelembagaan_pd(jumlah_variabel)
    frame, rejected = _grid.finish_sheet(frame, schema, labels, accounting, rejected)

    notes, problems = [], []
    for r in totals:
        if rejected:
            notes.append(
                f"{grid.berkas} [{grid.sheet}] baris {r + 1}: baris rata-rata tidak diperiksa karena ada"
                " baris yang dikarantina"
            )
            continue
        mean = _grid.MEAN_LABEL.match(_grid.row_label(values[r], ident)) is not None
        # Each printed figure of the summary row against its own column (a printed PD total
        # that disagrees with its variables is the reviu's business, not a layout error).
        for name in numeric:
            details = frame[name].dropna()
            if details.empty:
                continue
            computed = float(details.mean() if mean else details.sum())
            what = ("rata-rata " if mean else "jumlah ") + ("total" if name == "total_tercetak" else name)
            problem = _grid.check_printed(grid, r, col[name], labels[name], computed, what)
            problems += _grid.at_missing_details(grid, problem, frame, name, col[name], labels[name])
    if problems:
        raise StructuralError(problems)
    return frame, rejected, accounting, notes, labels


def _dimensi(value: object) -> str | None:
    """``"Dimensi Struktur"`` -> ``"Struktur"``; unknown texts are kept for the contract to reject."""
    text = _grid.text_of(value)
    if text is None:
        return None
    for dimensi in DIMENSI_KELEMBAGAAN:
        if dimensi.lower() in text.lower():
            return dimensi
    return text


def _read_pemda(grid: _grid.SheetGrid, declared=None):
    h, col = _grid.header_columns(grid, _HEADERS_PEMDA, _OPTIONAL_PEMDA, declared)
    labels = {name: _grid.header_label(grid, h, c) for name, c in col.items()}
    values = grid.values
    accounting = RowAccounting(grid.berkas, grid.sheet, dibaca=len(values))
    accounting.skip(_grid.SKIP_TITLE, h)
    accounting.skip(_grid.SKIP_HEADER)
    label_cols = [
        c for c in (col.get("no"), col["tahun"], col["dimensi"], col["sub_dimensi"]) if c is not None
    ]
    records: list[dict] = []
    rejected: list[Problem] = []
    totals: list[tuple[int, int | None, str | None]] = []  # (row0, tahun, dimensi or None = all)
    weighted_checks: list[Problem] = []
    tahun: int | None = None
    dimensi: str | None = None
    for r in range(h + 1, len(values)):
        row = values[r]
        if _grid.is_blank_row(row):
            accounting.skip(_grid.SKIP_BLANK)
            continue
        label = _grid.row_label(row, label_cols)
        if _grid.TOTAL_LABEL.match(label):
            year = re.search(r"\b(\d{4})\b", label)
            part = next((d for d in DIMENSI_KELEMBAGAAN if d.lower() in label), None)
            totals.append((r, int(year.group(1)) if year else tahun, part))
            accounting.skip(_grid.SKIP_TOTAL)
            continue
        if _grid.is_column_number_row(row):
            accounting.skip(_grid.SKIP_COLUMN_NUMBERS)
            continue
        problems: list[Problem] = []
        # Tahun and Dimensi are merged down their rows: a blank carries the one above.
        raw_year = row[col["tahun"]]
        try:
            year = _grid.parse_year(raw_year)
        except ValueError as exc:
            problems.append(Problem(grid.berkas, str(exc), grid.sheet, r + 1, labels["tahun"], raw_year))
            year = None
        sub = _grid.text_of(row[col["sub_dimensi"]])
        bobot, problem = _grid.parse_cell(grid, r, col["bobot"], labels["bobot"], percent_format=True)
        problems += [problem] if problem else []
        nilai, problem = _grid.parse_cell(grid, r, col["nilai"], labels["nilai"])
        problems += [problem] if problem else []
        tertimbang = None
        if "tertimbang" in col:
            tertimbang, problem = _grid.parse_cell(grid, r, col["tertimbang"], labels["tertimbang"])
            problems += [problem] if problem else []
        numbered = "no" in col and isinstance(row[col["no"]], int | float)
        if sub is None and not numbered:
            if bobot is None and nilai is None and tertimbang is None:
                accounting.skip(_grid.SKIP_FOOTER)  # text only: notes and signature lines
                continue
            problems = [Problem(grid.berkas, "baris berisi angka tanpa sub dimensi", grid.sheet, r + 1)]
        if year is not None:
            tahun = year
        if not is_missing(row[col["dimensi"]]):
            dimensi = _dimensi(row[col["dimensi"]])
        if tahun is None:
            problems.append(Problem(grid.berkas, "tahun kosong", grid.sheet, r + 1, labels["tahun"]))
        if problems:
            rejected.extend(problems)
            accounting.dikarantina += 1
            continue
        if tertimbang is not None and bobot is not None and nilai is not None:
            problem = _grid.check_printed(
                grid, r, col["tertimbang"], labels["tertimbang"], bobot * nilai / 100, "nilai tertimbang"
            )
            if problem is not None:
                weighted_checks.append(problem)
        records.append(
            {
                "tahun": tahun,
                "dimensi": dimensi,
                "sub_dimensi": sub,
                "bobot": bobot,
                "nilai": nilai,
                "baris": r + 1,
            }
        )
    if not records and not rejected:
        raise StructuralError([_grid.empty_sheet_problem(grid, h)])

    duplicates = _grid.duplicate_problems(
        records, ["tahun", "sub_dimensi"], grid, labels["sub_dimensi"], "sub dimensi"
    )
    if duplicates:
        bad = {p.baris for p in duplicates}
        records = [rec for rec in records if rec["baris"] not in bad]
        rejected.extend(duplicates)
        accounting.dikarantina += len(bad)

    frame = _grid.build_frame(records, KELEMBAGAAN_PEMDA_COLUMNS, ["dimensi", "sub_dimensi"], grid)
    frame, rejected = _grid.finish_sheet(frame, KelembagaanPemda, labels, accounting, rejected)
    notes, problems = _check_pemda_totals(grid, col, labels, frame, totals, rejected)
    problems = [*weighted_checks, *problems]
    if problems:
        raise StructuralError(problems)
    return frame, rejected, accounting, notes


def _check_pemda_totals(grid, col, labels, frame: pd.DataFrame, totals, rejected):
    notes, problems = [], []
    for r, tahun, part in totals:
        # A quarantined row's year may be unknown, so no total is checked against partial details.
        if rejected:
            notes.append(
                f"{grid.berkas} [{grid.sheet}] baris {r + 1}: baris jumlah tidak diperiksa karena ada"
                " baris yang dikarantina"
            )
            continue
        rows = frame[frame["tahun"] == tahun] if tahun is not None else frame.iloc[0:0]
        if part is not None:
            rows = rows[rows["dimensi"] == part]
        if rows.empty:
            problems.append(
                Problem(
                    grid.berkas,
                    f"baris jumlah tanpa rincian (tahun {tahun}, dimensi {part or 'semua'})",
                    grid.sheet,
                    r + 1,
                )
            )
            continue
        weighted = float((rows["bobot"] * rows["nilai"] / 100).sum())
        what = "nilai efektivitas kelembagaan" if part is None else f"nilai dimensi {part}"
        checks = [(col["bobot"], float(rows["bobot"].sum()), "jumlah bobot"), (col["nilai"], weighted, what)]
        if "tertimbang" in col:
            checks.append((col["tertimbang"], weighted, what))
        for c, computed, name in checks:
            label = next(labels[k] for k, v in col.items() if v == c)
            problem = _grid.check_printed(grid, r, c, label, computed, name)
            if problem is not None:
                problems.append(problem)
    if not rejected:
        for tahun, rows in frame.groupby("tahun"):
            total = float(rows["bobot"].sum())
            if abs(total - 100) > 0.01:
                problems.append(
                    Problem(
                        grid.berkas,
                        f"jumlah bobot tahun {tahun} = {fmt.angka_ringkas(total)}, seharusnya 100",
                        grid.sheet,
                        int(rows["baris"].min()),
                        labels["bobot"],
                    )
                )
    return notes, problems
