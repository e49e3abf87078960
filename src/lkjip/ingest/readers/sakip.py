"""Reader of the SAKIP source (``sakip*.xlsx``): the SAKIP evaluation score of every perangkat daerah.

Three layouts are read, recognised by their content, in any number of files of the source:

- **the recap**, one sheet per year (``SAKIP <tahun>``, ``<tahun>``, or a title "... TAHUN 2025"):
  title rows, a header with No, Kode PD, Perangkat Daerah, Nilai, Predikat (see
  ``lkjip.synthetic.evaluasi``), one row per PD, a ``Rata-rata`` row (checked against the details,
  then skipped) and a signature block;
- **the recap without Kode PD**, keyed by the perangkat daerah's name: the PD's name stands in for
  its code until the data step finds the code in a register (``laporan.yml``
  ``pemetaan.register.perangkat_daerah``, or the sources that carry both, such as the kelembagaan
  workbook; :func:`lkjip.ingest.registers.kode_pd_dari_nama`);
- **the evaluation worksheet** (Kertas Kerja Evaluasi, KKE) of one perangkat daerah, one sheet or
  one file per PD, as evaluation applications produce it: title lines naming the PD
  (``PERANGKAT DAERAH : ...``, ``OPD : ...``) and the year, a header ``No | Komponen ... | Bobot |
  Nilai``, the components (Perencanaan 30, Pengukuran 30, Pelaporan 15, Evaluasi Internal 25) with
  their score as a fraction of 1 of their weight, and the final score (``Nilai Akhir``) as a
  fraction of 1 (``0,8345`` is 83,45), checked against the components; the printed predikat.

The sheet helpers it shares with the other evaluation readers live in ``lkjip.ingest.readers._grid``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from lkjip.core.config import Config
from lkjip.ingest.judul import find_header, normalise_label
from lkjip.ingest.parsing import NumberParseError, is_missing, parse_number
from lkjip.ingest.pemetaan import deklarasi
from lkjip.ingest.problems import Problem, ReadResult, RowAccounting, StructuralError, quarantine_rows
from lkjip.ingest.readers import _grid
from lkjip.ingest.readers._base import Lembar, column_label, open_workbook, read_sheets
from lkjip.ingest.schemas.evaluasi import SAKIP_PD_COLUMNS, SakipPd

TABLE = "sakip_pd"
SUMBER = "sakip"
_SHEET = re.compile(r"^(?:sakip\s*)?(\d{4})$", re.IGNORECASE)
_HEADERS = {
    "perangkat_daerah": ("Perangkat Daerah", "Nama Perangkat Daerah", "OPD", "Nama OPD", "SKPD", "Nama SKPD",
                         "Unit Kerja", "Nama PD", "PD"),
    "nilai": ("Nilai", "Nilai SAKIP", "Nilai Akhir", "Nilai Evaluasi", "Nilai AKIP"),
}  # fmt: skip
_OPTIONAL = {
    "no": ("No", "Nomor"),
    "kode_pd": ("Kode PD", "Kode OPD", "Kode SKPD", "Kode Perangkat Daerah", "Kode"),
    "predikat_tercetak": ("Predikat", "Kategori", "Predikat SAKIP"),
}
#: The header a person types in the template, for the messages.
JUDUL = {"no": "No", "kode_pd": "Kode PD", "perangkat_daerah": "Perangkat Daerah", "nilai": "Nilai",
         "predikat_tercetak": "Predikat"}  # fmt: skip
_YEAR_TITLE = re.compile(
    r"\btahun(?:\s+(?:evaluasi|anggaran|penilaian))?\s*:?\s*((?:19|20)\d{2})\b", re.IGNORECASE
)
_YEAR_IN_NAME = re.compile(r"(?<!\d)(20\d{2})(?!\d)")

# --- the evaluation worksheet (KKE) of one perangkat daerah
_PD_LINE = re.compile(
    r"^(?:nama\s+)?(perangkat daerah|opd|skpd|unit kerja|instansi|pd)\s*:\s*(.*)$", re.IGNORECASE
)
_KKE_FIELDS = {
    "no": ("No", "Nomor", "Kode"),
    "komponen": ("Komponen/Sub Komponen/Kriteria", "Komponen / Sub Komponen / Kriteria", "Komponen",
                 "Komponen/Sub Komponen", "Uraian", "Komponen Penilaian"),
    "bobot": ("Bobot", "Bobot (%)"),
    "nilai": ("Nilai", "Nilai (0-1)"),
}  # fmt: skip
_KKE_TOTAL = re.compile(
    r"^(nilai akhir|total nilai|nilai total|total|jumlah|nilai evaluasi|nilai sakip|nilai akip)\b"
)
_KKE_PREDIKAT = re.compile(r"^predikat\b")
SKIP_KOMPONEN = "komponen (diperiksa terhadap nilai akhir)"
SKIP_RINCIAN = "sub komponen dan kriteria"


def read(path: Path, config: Config) -> ReadResult:
    """Read one SAKIP workbook; see :func:`read_many`."""
    return read_many([Path(path)], config)


def read_many(
    paths: Sequence[Path], config: Config, progress: Callable[[str], None] | None = None
) -> ReadResult:
    """Read the SAKIP source into the clean table ``sakip_pd``.

    Parameters
    ----------
    paths : sequence of Path
        The files of the source (``sakip*.xlsx``): recaps with a sheet per year, evaluation
        worksheets of one perangkat daerah each, or both.
    config : Config
        The report configuration; the report year (``config.tahun``) must have a score sheet,
        in a recap or in the worksheets.
    progress : callable, optional
        Unused; the same signature as the other readers of several files.

    Returns
    -------
    ReadResult
        ``tables["sakip_pd"]`` (tahun, kode_pd, perangkat_daerah, nilai, predikat_tercetak,
        berkas, sheet, baris), rows with problems in quarantine, one accounting per sheet; the
        files keyed by PD name in ``kode_pd_dari_nama``.

    Raises
    ------
    StructuralError
        Missing year, missing column, formula without cached value, no data rows, a printed
        average or final score that disagrees with its details, two sheets for one year;
        every such problem of every sheet at once.
    """
    del progress
    recaps: dict[int, tuple[_grid.SheetGrid, object]] = {}  # tahun -> (grid, declaration)
    worksheets: list[tuple[_grid.SheetGrid, _Kke]] = []
    notes: list[str] = []
    problems: list[Problem] = []
    sheetnames: list[tuple[str, str]] = []
    for path in map(Path, paths):
        try:
            sheetnames += _sort_sheets(path, config, recaps, worksheets, notes, problems)
        except StructuralError as exc:
            problems += exc.problems
    if problems:
        raise StructuralError(problems)
    years = set(recaps) | {k.tahun for _, k in worksheets}
    if config.tahun not in years:
        listed = [f"{b}: {n}" if len(paths) > 1 else n for b, n in sheetnames]
        raise StructuralError([Problem(
            ", ".join(Path(p).name for p in paths),
            f"sheet 'SAKIP {config.tahun}' tidak ada, dan tidak ada lembar kerja evaluasi (KKE) tahun "
            f"{config.tahun}; sheet yang ada: {listed}",
        )])  # fmt: skip
    both = sorted({k.tahun for _, k in worksheets} & set(recaps))
    if both:
        raise StructuralError([
            Problem(recaps[t][0].berkas,
                    f"nilai SAKIP tahun {t} ada di rekap (sheet ini) dan di lembar kerja evaluasi per "
                    "perangkat daerah; sisakan satu sumber untuk satu tahun", sheet=recaps[t][0].sheet)
            for t in both
        ])  # fmt: skip

    got = read_sheets(sorted(recaps.items()), lambda item: _read_recap(item[1][0], item[0], item[1][1]))
    kke = read_sheets(worksheets, lambda item: _read_kke(*item))
    frames = got.frames + kke.frames
    rejected = got.rejected + kke.rejected
    accounting = got.accounting + kke.accounting
    table = _grid.concat_or_empty(frames, SAKIP_PD_COLUMNS)
    table, rejected = _without_duplicate_worksheets(table, rejected, accounting)
    names = zip(table["berkas"], table["kode_pd"], table["perangkat_daerah"], strict=True)
    return ReadResult(
        tables={TABLE: table},
        quarantine=quarantine_rows(rejected),
        accounting=accounting,
        notes=notes + got.notes + kke.notes,
        kolom={**got.kolom, **kke.kolom},
        kode_pd_dari_nama={str(b) for b, kode, nama in names if kode == nama},
    )


def _sort_sheets(path: Path, config: Config, recaps, worksheets, notes, problems) -> list[tuple[str, str]]:
    """Sort the sheets of one file: recap sheets by year, evaluation worksheets, the others noted.

    Returns the file's sheets as (file, sheet) pairs.
    """
    berkas = path.name
    wb = open_workbook(path)
    grids = _grid.load_sheets(
        path, wb, wb.sheetnames, _grid.declared_missing(config, SUMBER, berkas, wb.sheetnames)
    )
    for name in wb.sheetnames:
        grid = grids[name]
        declared = deklarasi(config, SUMBER, berkas, name)
        match = _SHEET.match(name.strip())
        tahun = int(match.group(1)) if match else None
        kke = None if tahun is not None else _kke_layout(grid, config, declared)
        if kke is not None:
            worksheets.append((grid, kke))
            continue
        if tahun is None and _is_recap(grid, declared):
            tahun = declared.tahun if declared is not None and declared.tahun else _title_year(grid)
        if tahun is None:
            if normalise_label(name) not in _grid.KNOWN_EXTRA_SHEETS:
                notes.append(f"{berkas}: sheet '{name}' tidak dikenal dan diabaikan")
            continue
        if tahun in recaps:
            other = recaps[tahun][0]
            problems.append(Problem(
                berkas, f"dua sheet untuk tahun {tahun}: {other.berkas} '{other.sheet}' dan '{name}'",
                sheet=name,
            ))  # fmt: skip
            continue
        recaps[tahun] = (grid, declared)
    return [(berkas, name) for name in wb.sheetnames]


def _is_recap(grid: _grid.SheetGrid, declared) -> bool:
    try:
        _grid.header_columns(grid, _HEADERS, _OPTIONAL, declared)
    except StructuralError:
        return False
    return True


def _title_year(grid: _grid.SheetGrid, rows: int = 10) -> int | None:
    """The year written in the title lines ("... TAHUN 2025", "Tahun Evaluasi: 2025")."""
    for row in grid.values[:rows]:
        for value in row:
            if isinstance(value, str) and (m := _YEAR_TITLE.search(value)):
                return int(m.group(1))
    return None


# --------------------------------------------------------------------------- recap sheets


def _read_recap(grid: _grid.SheetGrid, tahun: int, declared) -> Lembar:
    """One year sheet of a recap: its rows, quarantine, accounting, notes and the Nilai column."""
    h, col = _grid.header_columns(grid, _HEADERS, _OPTIONAL, declared)
    labels = {name: _grid.header_label(grid, h, c) for name, c in col.items()}
    values = grid.values
    accounting = RowAccounting(grid.berkas, grid.sheet, dibaca=len(values))
    accounting.skip(_grid.SKIP_TITLE, h)
    accounting.skip(_grid.SKIP_HEADER)
    records: list[dict] = []
    rejected: list[Problem] = []
    ident = [c for c in (col.get("no"), col.get("kode_pd"), col["perangkat_daerah"]) if c is not None]
    rows, totals = _grid.data_rows(values, h + 1, ident, accounting, max(col.values()) + 1)
    by_name = "kode_pd" not in col
    for r, row in rows:
        nama = _grid.text_of(row[col["perangkat_daerah"]])
        kode = nama if by_name else _grid.text_of(row[col["kode_pd"]])
        numbered = "no" in col and isinstance(row[col["no"]], int | float)
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
                "predikat_tercetak": _grid.text_of(row[col["predikat_tercetak"]])
                if "predikat_tercetak" in col
                else None,
                "baris": r + 1,
            }
        )
    if not records and not rejected:
        raise StructuralError([_grid.empty_sheet_problem(grid, h)])

    shown = {**labels, "kode_pd": labels.get("kode_pd", labels["perangkat_daerah"])}
    records = _grid.without_duplicate_pd(records, grid, shown, rejected, accounting)

    strings = ["kode_pd", "perangkat_daerah", "predikat_tercetak"]
    frame = _grid.build_frame(records, SAKIP_PD_COLUMNS, strings, grid)
    frame, rejected = _grid.finish_sheet(frame, SakipPd, shown, accounting, rejected)

    notes: list[str] = []
    if by_name:
        notes.append(
            f"{grid.berkas} [{grid.sheet}]: tanpa kolom {JUDUL['kode_pd']}; kode perangkat daerah diambil "
            "dari register menurut namanya"
        )
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
    return Lembar(
        frame, rejected, accounting, notes, {(grid.berkas, grid.sheet, "nilai", None): labels["nilai"]}
    )


# --------------------------------------------------------------------------- evaluation worksheets


@dataclass(frozen=True)
class _Kke:
    """Where things are in one perangkat daerah's evaluation worksheet."""

    perangkat_daerah: str
    tahun: int
    header: int  # 0-based header row
    kolom: dict[str, int]
    label: dict[str, str]  # field -> "D (Nilai)"


def _kke_layout(grid: _grid.SheetGrid, config: Config, declared) -> _Kke | None:
    """Recognise an evaluation worksheet: a PD named above a Komponen | Bobot | Nilai header."""
    values = grid.values
    try:
        judul = find_header(
            values, _KKE_FIELDS, ["komponen", "bobot", "nilai"], berkas=grid.berkas, sheet=grid.sheet,
            declared_rows=declared.header_rows if declared is not None else None,
            join=declared.header_join if declared is not None else " ",
            aliases=declared.kolom if declared is not None else None,
        )  # fmt: skip
    except StructuralError:
        return None
    nama = (declared.konstan.get("perangkat_daerah") if declared is not None else None) or _pd_named(
        values[: judul.pertama]
    )
    if nama is None:
        return None
    tahun = (declared.tahun if declared is not None else None) or _title_year(grid, judul.pertama)
    if tahun is None and (m := _YEAR_IN_NAME.search(grid.berkas)):
        tahun = int(m.group(1))
    if tahun is None:
        raise StructuralError([Problem(
            grid.berkas,
            f"lembar kerja evaluasi SAKIP '{nama}' tanpa tahun: tulis tahunnya pada judul (mis. 'TAHUN "
            f"{config.tahun}') atau nama berkas, atau nyatakan di laporan.yml (pemetaan.sakip: tahun)",
            sheet=grid.sheet,
        )])  # fmt: skip
    labels = {f: column_label(c, judul.label[c]) for f, c in judul.kolom.items()}
    return _Kke(nama, tahun, judul.baris, judul.kolom, labels)


def _pd_named(rows: Sequence[Sequence[object]]) -> str | None:
    """The perangkat daerah named in the title lines: ``OPD : Dinas ...`` in one cell or two."""
    for row in rows:
        cells = [v for v in row if not is_missing(v)]
        for i, value in enumerate(cells):
            if not isinstance(value, str):
                continue
            match = _PD_LINE.match(" ".join(value.split()))
            if match is None:
                continue
            rest = match.group(2).strip(" :")
            if not rest and i + 1 < len(cells):
                rest = " ".join(str(cells[i + 1]).split()).lstrip(": ").strip()
            if rest:
                return rest
    return None


def _read_kke(grid: _grid.SheetGrid, kke: _Kke) -> Lembar:
    """The final score of one perangkat daerah, checked against its components."""
    values = grid.values
    col = kke.kolom
    accounting = RowAccounting(grid.berkas, grid.sheet, dibaca=len(values))
    accounting.skip(_grid.SKIP_TITLE, kke.header)
    accounting.skip(_grid.SKIP_HEADER)
    total_row = predikat = None
    komponen: list[tuple[int, float, float]] = []  # (row0, bobot, nilai)
    problems: list[Problem] = []
    label_cols = [c for c in (col.get("no"), col["komponen"]) if c is not None]
    for r in range(kke.header + 1, len(values)):
        row = values[r]
        if _grid.is_blank_row(row):
            accounting.skip(_grid.SKIP_BLANK)
            continue
        if total_row is not None and predikat is not None:
            accounting.skip(_grid.SKIP_FOOTER)
            continue
        label = _grid.row_label(row, label_cols)
        if _KKE_PREDIKAT.match(label):
            predikat = next((_grid.text_of(v) for v in row[max(label_cols) + 1 :] if not is_missing(v)), None)
            accounting.skip("predikat tercetak")
            continue
        no = row[col["no"]] if "no" in col and col["no"] < len(row) else None
        if total_row is None and is_missing(no) and _KKE_TOTAL.match(label):
            total_row = r
            continue
        if total_row is not None or _grid.is_column_number_row(row):
            accounting.skip(_grid.SKIP_FOOTER if total_row is not None else _grid.SKIP_COLUMN_NUMBERS)
            continue
        if _whole(no):
            bobot, p1 = _grid.parse_cell(grid, r, col["bobot"], kke.label["bobot"], percent_format=True)
            nilai, p2 = _grid.parse_cell(grid, r, col["nilai"], kke.label["nilai"])
            problems += [p for p in (p1, p2) if p is not None]
            if bobot is not None and nilai is not None:
                komponen.append((r, bobot, nilai))
            accounting.skip(SKIP_KOMPONEN)
        else:
            accounting.skip(SKIP_RINCIAN)
    if total_row is None:
        problems.append(Problem(
            grid.berkas,
            f"lembar kerja evaluasi '{kke.perangkat_daerah}' tanpa baris nilai akhir (Nilai Akhir / Total "
            "Nilai di bawah komponen)",
            sheet=grid.sheet, baris=kke.header + 1,
        ))  # fmt: skip
        raise StructuralError(problems)
    nilai, problem = _grid.parse_cell(grid, total_row, col["nilai"], kke.label["nilai"], percent_format=True)
    notes: list[str] = []
    if problem is not None:
        problems.append(problem)
    elif nilai is None:
        problems.append(
            Problem(grid.berkas, "nilai akhir kosong", grid.sheet, total_row + 1, kke.label["nilai"])
        )
    else:
        cell = grid.cells[total_row][col["nilai"]]
        fraction = "%" not in (cell.number_format or "") and nilai <= 1
        if fraction:
            nilai = round(nilai * 100, 10)
        nilai = round(nilai, 10)
        if komponen:
            scale = 100 if sum(b for _, b, _ in komponen) <= 1 + 1e-9 else 1  # weights as fractions of 1
            computed = sum(b * scale * (v if v <= 1 else v / b) for _, b, v in komponen)
            tolerance = _grid.printed_tolerance(cell) * (100 if fraction else 1)
            if abs(computed - nilai) > max(tolerance, 0.005 + 1e-9):
                problems.append(Problem(
                    grid.berkas,
                    f"nilai akhir tercetak {_id(nilai)} tidak sama dengan jumlah nilai komponen "
                    f"(bobot × nilai) {_id(computed)}",
                    grid.sheet, total_row + 1, kke.label["nilai"], grid.values[total_row][col["nilai"]],
                ))  # fmt: skip
    if problems:
        raise StructuralError(problems)
    accounting.disimpan = 1
    frame = _grid.build_frame(
        [{"tahun": kke.tahun, "kode_pd": kke.perangkat_daerah, "perangkat_daerah": kke.perangkat_daerah,
          "nilai": nilai, "predikat_tercetak": predikat, "baris": total_row + 1}],
        SAKIP_PD_COLUMNS, ["kode_pd", "perangkat_daerah", "predikat_tercetak"], grid,
    )  # fmt: skip
    frame, rejected = _grid.finish_sheet(frame, SakipPd, {"nilai": kke.label["nilai"]}, accounting, [])
    kolom = {(grid.berkas, grid.sheet, "nilai", None): kke.label["nilai"]}
    return Lembar(frame, rejected, accounting, notes, kolom)


def _whole(value: object) -> bool:
    """A component's number (1, 2.0, "3", "3."), not a sub component's ("1.a", "1.1")."""
    if isinstance(value, bool) or is_missing(value):
        return False
    try:
        number = parse_number(str(value).strip().rstrip(".")) if isinstance(value, str) else value
    except NumberParseError:
        return False
    return isinstance(number, int | float) and float(number).is_integer() and not (
        isinstance(value, str) and re.search(r"\d[.,]\d", value)
    )


def _id(value: float) -> str:
    return f"{value:.2f}".replace(".", ",")


def _without_duplicate_worksheets(
    table: pd.DataFrame, rejected: list[Problem], accounting: list[RowAccounting]
) -> tuple[pd.DataFrame, list[Problem]]:
    """A perangkat daerah with two worksheets (or rows) for one year: both are quarantined."""
    if table.empty:
        return table, rejected
    key = table["perangkat_daerah"].map(normalise_label)
    twice = pd.DataFrame({"tahun": table["tahun"], "k": key}).duplicated(keep=False).to_numpy()
    if not twice.any():
        return table, rejected
    extra = []
    by_sheet = {(a.berkas, a.sheet): a for a in accounting}
    for row in table[twice].itertuples(index=False):
        mine = normalise_label(row.perangkat_daerah)
        places = zip(table["berkas"], table["sheet"], key, table["tahun"], strict=True)
        others = [
            f"{b} sheet '{s}'" for b, s, k, t in places
            if k == mine and t == row.tahun and (b, s) != (row.berkas, row.sheet)
        ]  # fmt: skip
        extra.append(Problem(
            str(row.berkas),
            f"perangkat daerah '{row.perangkat_daerah}' tahun {row.tahun} juga dinilai di "
            f"{'; '.join(others)}",
            sheet=str(row.sheet), baris=int(row.baris), kolom=JUDUL["perangkat_daerah"],
            nilai=row.perangkat_daerah,
        ))  # fmt: skip
        tally = by_sheet[(str(row.berkas), str(row.sheet))]
        tally.disimpan -= 1
        tally.dikarantina += 1
    return table[~twice].reset_index(drop=True), [*rejected, *extra]
