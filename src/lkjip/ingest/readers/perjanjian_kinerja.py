"""Reader of the Perjanjian Kinerja workbook: agreements per period, indicator narratives, cascade."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
from openpyxl.cell.cell import Cell, MergedCell
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from lkjip.core.config import Config, Periode
from lkjip.core.rounding import cell_decimals
from lkjip.ingest.parsing import NumberParseError, is_missing, parse_number
from lkjip.ingest.problems import Problem, ReadResult, RowAccounting, StructuralError, quarantine_rows
from lkjip.ingest.readers._base import column_label, find_header_row, normalise_label, open_workbook
from lkjip.ingest.schemas._common import validate
from lkjip.ingest.schemas.perjanjian_kinerja import (
    COLUMNS,
    KODE_INDIKATOR_PATTERN,
    SCHEMAS,
    SUMBER_REALISASI,
    TINGKAT,
)

#: Labels of the fixed columns of a PK sheet (clean name -> header label).
PK_LABELS = {
    "no": "No",
    "sasaran": "Sasaran",
    "kode": "Kode",
    "indikator": "Indikator Kinerja",
    "satuan": "Satuan",
    "polaritas": "Polaritas",
    "sumber": "Sumber Realisasi",
}

#: Labels of the narrative sheet (clean name -> header label); "Indikator Kinerja" is optional.
NARASI_LABELS = {
    "dokumen": "Dokumen",
    "kode": "Kode",
    "formulasi": "Formulasi",
    "penjelasan": "Penjelasan",
    "sumber_data": "Sumber Data",
    "upaya": "Upaya",
    "kendala": "Kendala",
    "solusi": "Solusi",
}

PENJENJANGAN_LABELS = {"tingkat": "Tingkat", "indikator": "Indikator", "target": "Target"}
#: The cascade's text column goes by either name.
URAIAN_LABELS = ("uraian", "tujuan/sasaran/program/kegiatan/sub kegiatan")

#: Section-title rows inside a PK sheet and the kind of indicator below them.
SECTIONS = {
    "kinerja lainnya": "lainnya",
    "kinerja utama": "utama",
    "sasaran strategis": "utama",
    "indikator kinerja utama": "utama",
}

#: Words accepted for polarity; a lone "-" is a missing value, never "negatif".
POLARITAS_WORDS = {
    "positif": "positif",
    "+": "positif",
    "(+)": "positif",
    "maksimal": "positif",
    "maksimalkan": "positif",
    "maximize": "positif",
    "negatif": "negatif",
    "(-)": "negatif",
    "minimal": "negatif",
    "minimalkan": "negatif",
    "minimize": "negatif",
}

TINGKAT_WORDS = {
    "tujuan": "Tujuan",
    "sasaran": "Sasaran",
    "program": "Program",
    "kegiatan": "Kegiatan",
    "sub kegiatan": "Sub Kegiatan",
    "subkegiatan": "Sub Kegiatan",
}

_PERIOD = re.compile(r"((?:19|20)\d{2})\s*[-–—/]\s*((?:19|20)\d{2})")
_YEAR = re.compile(r"^(?:tahun\s+)?(\d{4})$", re.IGNORECASE)
_YEAR_ANYWHERE = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")
_ENUMERATOR = re.compile(r"^(?:[a-z]|[ivx]+|\d+)[.)]\s+")

#: Records a problem at a column of the current row: (col, header, pesan, nilai).
_Locate = Callable[[int, str, str, object], None]

_SKIP_HEADER = "judul dan kepala tabel"
_SKIP_EMPTY = "baris kosong"
_SKIP_SECTION = "judul bagian"
_SKIP_NOTE = "catatan"
_SKIP_UNUSED = "dokumen tidak dipakai tahun ini"
_VALUE_KINDS = ("target", "realisasi")
_INT_COLUMNS = {"no_sasaran", "tahun", "baris", "urutan", "desimal_tercetak", "desimal_realisasi"}
#: Numeric columns per table (the cascade's target stays text, as printed).
_FLOAT_COLUMNS = {"perjanjian_kinerja": {"target", "realisasi", "capaian_tercetak"}}


@dataclass
class _Sheet:
    """One sheet's cells (merged ranges filled) and where each of its rows went."""

    name: str
    rows: list[list[object]]
    #: Decimals each cell shows (text or number format; ``None`` without a number), for the reviu.
    decimals: list[list[int | None]] = field(default_factory=list)
    #: 0-based (row, col) of the cells a merged range covers (filled from its top-left cell).
    covered: frozenset[tuple[int, int]] = frozenset()
    kept: set[int] = field(default_factory=set)  # Excel rows that gave clean records
    rejected: set[int] = field(default_factory=set)  # Excel rows sent to quarantine
    skipped: Counter = field(default_factory=Counter)  # reason -> number of rows

    def accounting(self, berkas: str) -> RowAccounting:
        acc = RowAccounting(berkas, self.name, dibaca=len(self.rows))
        acc.disimpan = len(self.kept - self.rejected)
        acc.dikarantina = len(self.rejected)
        for reason, count in sorted(self.skipped.items()):
            acc.skip(reason, count)
        return acc


@dataclass
class _Collected:
    """What reading the sheets gathers before the tables are validated and assembled."""

    berkas: str
    records: dict[str, list[dict]] = field(default_factory=lambda: defaultdict(list))
    sheets: dict[str, _Sheet] = field(default_factory=dict)
    row_problems: list[Problem] = field(default_factory=list)
    structural: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    #: Where target and realisasi of each year sit (:data:`lkjip.ingest.problems.ColumnPlaces`).
    kolom: dict[tuple, str] = field(default_factory=dict)


def read(path: Path, config: Config) -> ReadResult:
    """Read ``perjanjian-kinerja.xlsx`` into the clean tables of the agreements.

    Expected sheets: one per Perjanjian Kinerja, with its planning period's code in the sheet
    name or title (e.g. "PK 2021-2025", "PK Perubahan 2025-2029"); "Narasi Indikator"; and
    one "Penjenjangan <periode>" per period. Headers are found by their labels, the years are
    read from the merged two-row year header, "N/A" and "-" are missing values (never 0),
    and a "KINERJA LAINNYA" title row marks the agreement's other indicators.

    Parameters
    ----------
    path : Path
        The workbook.
    config : Config
        Report configuration: report year and the agreement's name per period
        (``periode[i].dokumen_pk``).

    Returns
    -------
    ReadResult
        Tables ``perjanjian_kinerja`` (one row per agreement × indicator × year),
        ``narasi_indikator`` and ``penjenjangan``; rejected rows in the quarantine (one row
        per problem), and the row accounting of every sheet read.

    Raises
    ------
    StructuralError
        With every structural problem found (not a workbook, a missing sheet or column, a
        year header that is not a year), so that all of them can be fixed at once.
    """
    path = Path(path)
    got = _Collected(berkas=path.name)
    wb = open_workbook(path)
    pk_sheets, jenjang_sheets, narasi_sheet = _classify(wb, config, got)

    periods = {p.kode: p for p in config.periode}
    known_codes: dict[str, set[str]] = {}
    for kode, name in pk_sheets.items():
        periode = periods[kode]
        known_codes[periode.dokumen_pk] = _read_pk(_load(wb[name], got), periode, config, got)
    if narasi_sheet is not None:
        _read_narasi(_load(wb[narasi_sheet], got), config, known_codes, got)
    for kode, name in jenjang_sheets.items():
        _read_penjenjangan(_load(wb[name], got), kode, got)
    if got.structural:
        raise StructuralError(got.structural)

    tables = {}
    for table, schema in SCHEMAS.items():
        frame = _frame(got.records[table], table)
        valid, row_problems, table_problems = validate(frame, schema)
        if table_problems:
            raise StructuralError(table_problems)
        if row_problems:
            # A failing cell takes its whole input row to quarantine: half an indicator
            # (some years only) would silently change the trend and the averages.
            bad = {(p.sheet, p.baris) for p in row_problems}
            for sheet, baris in bad:
                got.sheets[sheet].rejected.add(baris)
            got.row_problems += row_problems
            keep = [(s, b) not in bad for s, b in zip(valid["sheet"], valid["baris"], strict=True)]
            valid = valid[keep]
        tables[table] = valid.reset_index(drop=True)

    return ReadResult(
        tables=tables,
        quarantine=quarantine_rows(got.row_problems),
        accounting=[s.accounting(got.berkas) for s in got.sheets.values()],
        notes=got.notes,
        kolom=got.kolom,
    )


# --- sheets ------------------------------------------------------------------------------


def _classify(
    wb: Workbook, config: Config, got: _Collected
) -> tuple[dict[str, str], dict[str, str], str | None]:
    """Sort the sheets: PK per period code, cascade per period code, the narrative sheet."""
    pk: dict[str, str] = {}
    jenjang: dict[str, str] = {}
    narasi: str | None = None
    configured = {p.kode for p in config.periode}
    for name in wb.sheetnames:
        key = normalise_label(name)
        if key.startswith("keterangan"):
            continue
        if key.startswith("narasi"):
            if narasi is not None:
                got.structural.append(Problem(
                    got.berkas, f"dua sheet narasi: '{narasi}' dan '{name}'; sisakan satu"
                ))
            narasi = name
            continue
        if key.startswith(("pk", "perjanjian kinerja")):
            found = pk
        elif key.startswith("penjenjangan"):
            found = jenjang
        else:
            got.notes.append(f"{got.berkas}: sheet '{name}' tidak dikenal, diabaikan")
            continue
        kode = _period_code(name) or _period_code(
            " ".join(str(v) for row in wb[name].iter_rows(max_row=8, values_only=True)
                     for v in row if v is not None)
        )
        if kode is None:
            got.structural.append(Problem(
                got.berkas,
                "periode perencanaan tidak dapat ditentukan; tulis kodenya (mis. 2021-2025) "
                "pada nama sheet atau judulnya",
                sheet=name,
            ))
        elif kode not in configured:
            got.notes.append(
                f"{got.berkas}: sheet '{name}' (periode {kode}) diabaikan: periode itu tidak "
                "ada di laporan.yml"
            )
        elif kode in found:
            got.structural.append(Problem(
                got.berkas,
                f"dua sheet untuk periode {kode}: '{found[kode]}' dan '{name}'; sisakan satu",
                sheet=name,
            ))
        else:
            found[kode] = name

    have = list(wb.sheetnames)
    for periode in config.periode:
        if not periode.covers(config.tahun):
            continue  # a period outside the report year may be absent
        if periode.kode not in pk:
            got.structural.append(Problem(
                got.berkas,
                f"sheet {periode.dokumen_pk} periode {periode.kode} tidak ada (nama sheet "
                f"diawali 'PK' dan memuat '{periode.kode}'); sheet yang ada: {have}",
            ))
        if periode.kode not in jenjang:
            got.structural.append(Problem(
                got.berkas,
                f"sheet 'Penjenjangan {periode.kode}' tidak ada; sheet yang ada: {have}",
            ))
    if narasi is None:
        got.structural.append(Problem(
            got.berkas, f"sheet 'Narasi Indikator' tidak ada; sheet yang ada: {have}"
        ))
    return pk, jenjang, narasi


def _period_code(text: str) -> str | None:
    match = _PERIOD.search(text)
    return f"{match.group(1)}-{match.group(2)}" if match else None


def _load(ws: Worksheet, got: _Collected) -> _Sheet:
    """Read every cell, copying a merged range's value into each of its cells.

    Staff merge a sasaran over its indicators and a year over its Target/Realisasi pair;
    filling the ranges lets each row and column be read on its own.
    """
    rows, decimals = [], []
    for row in ws.iter_rows():
        rows.append([_cell_value(cell) for cell in row])
        decimals.append([cell_decimals(c.value, getattr(c, "number_format", None)) for c in row])
    covered = set()
    for merged in ws.merged_cells.ranges:
        value = rows[merged.min_row - 1][merged.min_col - 1]
        shown = decimals[merged.min_row - 1][merged.min_col - 1]
        for r in range(merged.min_row - 1, merged.max_row):
            for c in range(merged.min_col - 1, merged.max_col):
                rows[r][c], decimals[r][c] = value, shown
                if (r, c) != (merged.min_row - 1, merged.min_col - 1):
                    covered.add((r, c))
    sheet = _Sheet(ws.title, rows, decimals, frozenset(covered))
    got.sheets[ws.title] = sheet
    return sheet


def _cell_value(cell: Cell | MergedCell) -> object:
    """A cell's value; a fraction shown as a percentage becomes the text Excel shows."""
    value = cell.value
    number_format = getattr(cell, "number_format", None) or ""
    if isinstance(value, int | float) and not isinstance(value, bool) and "%" in number_format:
        return f"{_id_number(value * 100)}%"
    return value


# --- PK sheets ---------------------------------------------------------------------------


@dataclass(frozen=True)
class _PkLayout:
    """Where things are in a PK sheet, read from its two header rows."""

    header: int  # 0-based index of the first header row; the sub-header row follows
    cols: dict[str, int]
    years: dict[int, dict[str, int]]  # year -> {"target": col, "realisasi": col}
    capaian_col: int | None
    capaian_year: int

    @property
    def value_cols(self) -> list[int]:
        cols = [c for kinds in self.years.values() for c in kinds.values()]
        return cols if self.capaian_col is None else [*cols, self.capaian_col]


def _read_pk(sheet: _Sheet, periode: Periode, config: Config, got: _Collected) -> set[str]:
    """Read one agreement's sheet; return every well-formed indicator code met in it."""
    layout = _pk_layout(sheet, periode, config, got)
    if layout is None:
        return set()
    sheet.skipped[_SKIP_HEADER] += layout.header + 2
    for year, kinds in layout.years.items():
        for kind, col in kinds.items():
            got.kolom[(got.berkas, sheet.name, kind, year)] = column_label(col, f"{kind.capitalize()} {year}")
    if layout.capaian_col is not None:  # where the printed capaian stands (the report's trail)
        got.kolom[(got.berkas, sheet.name, "capaian_tercetak", layout.capaian_year)] = column_label(
            layout.capaian_col, f"Capaian {layout.capaian_year}"
        )
    jenis = "utama"
    previous: tuple[int | None, str | None] | None = None
    parsed: dict[int, tuple[dict, dict[int, dict]]] = {}
    problems_by_row: dict[int, list[Problem]] = defaultdict(list)
    rows_by_kode: dict[str, list[int]] = defaultdict(list)
    manual_by_default = 0
    key_cols = [layout.cols["kode"], layout.cols["indikator"]]
    for i in range(layout.header + 2, len(sheet.rows)):
        row, baris = sheet.rows[i], i + 1
        kind = _row_kind(row, key_cols, layout.value_cols)
        if kind == "empty":
            sheet.skipped[_SKIP_EMPTY] += 1
        elif kind == "note":
            sheet.skipped[_SKIP_NOTE] += 1
        elif kind.startswith("section:"):
            # Indicators below a section title belong to it; sasaran do not carry over.
            jenis, previous = kind.removeprefix("section:"), None
            sheet.skipped[_SKIP_SECTION] += 1
        else:
            locate = _locator(got.berkas, sheet.name, baris, problems_by_row[baris])
            merged_here = frozenset(c for r, c in sheet.covered if r == i)
            base, per_year = _pk_row(row, layout, previous, locate, merged_here)
            if layout.capaian_col is not None and layout.capaian_col < len(sheet.decimals[i]):
                per_year[layout.capaian_year]["desimal_tercetak"] = sheet.decimals[i][layout.capaian_col]
            for year, kinds in layout.years.items():  # the reviu checks a realisasi as typed
                if kinds["realisasi"] < len(sheet.decimals[i]):
                    per_year[year]["desimal_realisasi"] = sheet.decimals[i][kinds["realisasi"]]
            base |= {"dokumen": periode.dokumen_pk, "periode": periode.kode, "jenis": jenis}
            if base["sasaran"] is not None:
                previous = (base["no_sasaran"], base["sasaran"])
            if base["kode_indikator"] is not None:
                rows_by_kode[base["kode_indikator"]].append(baris)
            manual_by_default += is_missing(row[layout.cols["sumber"]])
            parsed[baris] = (base, per_year)

    for kode, found in rows_by_kode.items():
        for baris in found if len(found) > 1 else ():
            others = ", ".join(str(b) for b in found if b != baris)
            _locator(got.berkas, sheet.name, baris, problems_by_row[baris])(
                layout.cols["kode"], "Kode",
                f"kode indikator '{kode}' ganda dalam {periode.dokumen_pk} (juga di baris "
                f"{others}); satu kode hanya untuk satu indikator",
                kode,
            )
    records = {
        baris: [
            {**base, "tahun": year, **values,
             "berkas": got.berkas, "sheet": sheet.name, "baris": baris}
            for year, values in per_year.items()
        ]
        for baris, (base, per_year) in parsed.items()
    }
    _settle(sheet, records, problems_by_row, "perjanjian_kinerja", got)
    if manual_by_default:
        got.notes.append(
            f"{got.berkas} [{sheet.name}]: {manual_by_default} indikator tanpa Sumber Realisasi "
            "dianggap 'manual' (realisasi yang diketik dipakai)"
        )
    return set(rows_by_kode)


def _header_row(sheet: _Sheet, labels: dict[str, str], got: _Collected) -> int | None:
    """The 0-based header row of ``sheet``, found by ``labels``; None (problem recorded) if absent."""
    try:
        return find_header_row(sheet.rows, list(labels.values()), berkas=got.berkas, sheet=sheet.name)
    except StructuralError as exc:
        got.structural += exc.problems
        return None


def _pk_layout(
    sheet: _Sheet, periode: Periode, config: Config, got: _Collected
) -> _PkLayout | None:
    """Find the header by its labels and the years above Target/Realisasi; report problems."""
    rows = sheet.rows
    h = _header_row(sheet, PK_LABELS, got)
    if h is None:
        return None
    header = rows[h]
    sub = rows[h + 1] if h + 1 < len(rows) else []
    years, problems = _year_columns(header, sub, h, got.berkas, sheet.name)
    if not problems and periode.covers(config.tahun) and config.tahun not in years:
        problems.append(Problem(
            got.berkas,
            f"tidak ada kolom Target/Realisasi untuk tahun laporan {config.tahun}; "
            f"tahun yang ada: {sorted(years)}",
            sheet=sheet.name, baris=h + 1,
        ))
    if problems:
        got.structural += problems
        return None
    capaian_col, capaian_year = _capaian_column(header, years, config)
    if capaian_col is None:
        got.notes.append(f"{got.berkas} [{sheet.name}]: kolom Capaian tidak ada; "
                         "capaian tercetak dibiarkan kosong")
    elif capaian_year not in years:
        got.notes.append(f"{got.berkas} [{sheet.name}]: kolom '{header[capaian_col]}' "
                         f"diabaikan: tidak ada kolom Target/Realisasi tahun {capaian_year}")
        capaian_col = None
    return _PkLayout(h, _columns(header, PK_LABELS), years, capaian_col, capaian_year)


def _locator(berkas: str, sheet: str, baris: int, sink: list[Problem]) -> _Locate:
    """A function that records a problem located at a column of this row into ``sink``."""

    def locate(col: int, label: str, pesan: str, nilai: object) -> None:
        sink.append(Problem(
            berkas, pesan, sheet=sheet, baris=baris, kolom=column_label(col, label), nilai=nilai,
        ))

    return locate


def _pk_row(
    row: Sequence[object],
    layout: _PkLayout,
    previous: tuple[int | None, str | None] | None,
    locate: _Locate,
    merged: frozenset[int] = frozenset(),
) -> tuple[dict, dict[int, dict]]:
    """Parse one indicator row: its fixed fields and, per year, target/realisasi/capaian.

    ``previous`` is the sasaran of the row above: a row with neither No nor Sasaran
    continues it (staff often write a sasaran once above its indicators). ``merged`` holds the
    columns of this row that a merged range covers: a value there belongs to another row.
    """
    cols = layout.cols
    raw = {key: row[c] if c < len(row) else None for key, c in cols.items()}
    kode = _kode(raw["kode"])
    if kode is None:
        locate(cols["kode"], "Kode", "kode indikator kosong", raw["kode"])
    elif not re.match(KODE_INDIKATOR_PATTERN, kode):
        locate(cols["kode"], "Kode", "kode indikator tidak sesuai format (mis. PK-1, KL-2)",
               raw["kode"])
        kode = None
    indikator = _line(raw["indikator"])
    if indikator is None:
        locate(cols["indikator"], "Indikator Kinerja", "nama indikator kosong", None)

    sasaran = _line(raw["sasaran"])
    no_sasaran: int | None = None
    if is_missing(raw["no"]) and sasaran is None and previous is not None:
        no_sasaran, sasaran = previous
    else:
        try:
            no_sasaran = _whole_number(raw["no"])
        except ValueError:
            locate(cols["no"], "No", "nomor sasaran bukan bilangan bulat", raw["no"])
    if sasaran is None:
        locate(cols["sasaran"], "Sasaran", "sasaran kosong", None)

    satuan = _line(raw["satuan"])
    polaritas, pesan = _polaritas(raw["polaritas"])
    if pesan:
        locate(cols["polaritas"], "Polaritas", pesan, raw["polaritas"])
    sumber = "manual"  # a blank means the typed realisasi is the one to use
    if not is_missing(raw["sumber"]):
        sumber = re.sub(r"[\s\-]+", "_", str(raw["sumber"]).strip().lower())
        if sumber not in SUMBER_REALISASI:
            locate(cols["sumber"], "Sumber Realisasi",
                   f"sumber realisasi tidak dikenal; pilihan: {', '.join(SUMBER_REALISASI)}",
                   raw["sumber"])

    def number(col: int, label: str, unit: str | None) -> float | None:
        value = row[col] if col < len(row) else None
        if col in merged and not is_missing(value):
            # A number copied from the row above would count one target twice.
            locate(col, label, f"{label}: sel bagian dari sel gabungan, nilainya milik baris lain; "
                   "isi angka di setiap baris (pisahkan sel gabungan)", value)
            return None
        try:
            return _number(value, unit)
        except NumberParseError as exc:
            locate(col, label, f"{label} bukan angka: {exc}", value)
            return None

    per_year = {
        year: {
            kind: number(kinds[kind], f"{kind.capitalize()} {year}", satuan)
            for kind in _VALUE_KINDS
        } | {"capaian_tercetak": None, "desimal_tercetak": None, "desimal_realisasi": None}
        for year, kinds in sorted(layout.years.items())
    }
    if layout.capaian_col is not None:
        per_year[layout.capaian_year]["capaian_tercetak"] = number(
            layout.capaian_col, f"Capaian {layout.capaian_year} (%)", "%"
        )
    base = {
        "no_sasaran": no_sasaran, "sasaran": sasaran, "kode_indikator": kode,
        "indikator": indikator, "satuan": satuan, "polaritas": polaritas,
        "sumber_realisasi": sumber,
    }
    return base, per_year


def _columns(header: Sequence[object], labels: dict[str, str]) -> dict[str, int]:
    """0-based column of each label (the first match); the caller has checked they exist."""
    folded = [normalise_label(v) for v in header]
    return {key: folded.index(normalise_label(label)) for key, label in labels.items()}


def _year_columns(
    header: Sequence[object], sub: Sequence[object], h: int, berkas: str, sheet: str
) -> tuple[dict[int, dict[str, int]], list[Problem]]:
    """Find each year's Target and Realisasi columns from the two-row header.

    The sub-header row names "Target"/"Realisasi"; the year above them is read, never
    assumed, so a mistyped year ("2O25") is reported instead of shifting the data.
    """
    years: dict[int, dict[str, int]] = {}
    problems: list[Problem] = []
    reported: set[str] = set()
    for c, value in enumerate(sub):
        kind = normalise_label(value)
        if kind not in _VALUE_KINDS:
            continue
        label = header[c] if c < len(header) else None
        if _blank(label) and c > 0 and normalise_label(sub[c - 1]) in _VALUE_KINDS:
            label = header[c - 1]  # year typed above the first sub-column only, not merged
        year = _year(label)
        if year is None:
            if str(label) not in reported:
                reported.add(str(label))
                problems.append(Problem(
                    berkas,
                    "judul kolom tahun bukan tahun empat angka (mis. 2025); periksa huruf O "
                    "atau l yang terketik sebagai angka",
                    sheet=sheet, baris=h + 1, kolom=column_label(c), nilai=label,
                ))
            continue
        if kind in years.setdefault(year, {}):
            problems.append(Problem(
                berkas, f"kolom {value} tahun {year} muncul dua kali",
                sheet=sheet, baris=h + 2, kolom=column_label(c), nilai=value,
            ))
            continue
        years[year][kind] = c
    for year, kinds in years.items():
        for kind in _VALUE_KINDS:
            if kind not in kinds:
                problems.append(Problem(
                    berkas, f"kolom {kind.capitalize()} untuk tahun {year} tidak ada",
                    sheet=sheet, baris=h + 2,
                ))
    if not years and not problems:
        problems.append(Problem(
            berkas,
            "tidak ada kolom Target/Realisasi per tahun: baris di bawah judul kolom harus "
            "berisi 'Target' dan 'Realisasi' di bawah setiap tahun",
            sheet=sheet, baris=h + 2,
        ))
    return years, problems


def _capaian_column(
    header: Sequence[object], years: dict[int, dict[str, int]], config: Config
) -> tuple[int | None, int]:
    """The printed capaian column and its year (from its label, else the report year)."""
    taken = {c for kinds in years.values() for c in kinds.values()}
    for c, value in enumerate(header):
        if c not in taken and normalise_label(value).startswith("capaian"):
            match = _YEAR_ANYWHERE.search(str(value))
            return c, int(match.group(1)) if match else config.tahun
    return None, config.tahun


def _row_kind(row: Sequence[object], key_cols: list[int], value_cols: list[int]) -> str:
    """Classify a body row: ``empty``, ``section:<jenis>``, ``note`` or ``data``."""
    filled = [v for v in row if not _blank(v)]
    if not filled:
        return "empty"
    section = next((SECTIONS[f] for f in map(_fold_section, filled) if f in SECTIONS), None)
    single_text = len({str(v).strip() for v in filled}) == 1 and isinstance(filled[0], str)

    def present(cols: list[int]) -> bool:
        return any(c < len(row) and not is_missing(row[c]) for c in cols)

    if single_text:  # a title or note merged across the table
        return f"section:{section}" if section else "note"
    if section and not present(value_cols):
        return f"section:{section}"
    if present(key_cols) or present(value_cols):
        return "data"
    return "note"


def _is_data_row(sheet: _Sheet, row: Sequence[object], key_cols: list[int], value_cols: list[int]) -> bool:
    """Whether ``row`` holds data; an empty row or a note row is counted as skipped."""
    kind = _row_kind(row, key_cols, value_cols)
    if kind != "data":
        sheet.skipped[_SKIP_EMPTY if kind == "empty" else _SKIP_NOTE] += 1
    return kind == "data"


def _fold_section(value: object) -> str:
    return _ENUMERATOR.sub("", normalise_label(value))


def _year(value: object) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float) and float(value).is_integer() and 1900 <= value <= 2100:
        return int(value)
    if isinstance(value, str):
        match = _YEAR.match(value.strip())
        return int(match.group(1)) if match else None
    return None


def _kode(value: object) -> str | None:
    text = _line(value)
    if text is None:
        return None
    return re.sub(r"\s*[-–—_]\s*|\s+", "-", text.upper())


def _polaritas(value: object) -> tuple[str | None, str | None]:
    """Polarity as ``positif``/``negatif``, or an error message."""
    if is_missing(value):
        return None, "polaritas kosong (\"-\" dibaca kosong); isi Positif atau Negatif"
    text = normalise_label(value)
    if text in POLARITAS_WORDS:
        return POLARITAS_WORDS[text], None
    words = {POLARITAS_WORDS[w] for w in re.findall(r"\(\+\)|\(-\)|[a-z]+", text)
             if w in POLARITAS_WORDS}
    if len(words) == 1:
        return words.pop(), None
    return None, "polaritas tidak dikenal; isi Positif (makin tinggi makin baik) atau Negatif"


def _number(value: object, satuan: str | None) -> float | None:
    """Parse a target/realisasi cell; a trailing unit ("3 Inovasi", "57 PD/UKPD") is dropped."""
    if isinstance(value, str) and satuan:
        text = value.strip()
        if len(text) > len(satuan) and text.lower().endswith(satuan.lower()):
            value = text[: -len(satuan)]
    return parse_number(value)


def _whole_number(value: object) -> int | None:
    """A sasaran number ("1", 1, 1.0, "1."), ``None`` when blank.

    Raises
    ------
    ValueError
        When the cell holds something other than a positive whole number.
    """
    if is_missing(value):
        return None
    text = str(value).strip().rstrip(".") if isinstance(value, str) else value
    try:
        number = parse_number(text)
    except NumberParseError as exc:
        raise ValueError(str(exc)) from None
    if number is None or not float(number).is_integer() or number < 1:
        raise ValueError(f"{value!r} bukan bilangan bulat positif")
    return int(number)


# --- narrative ---------------------------------------------------------------------------


def _read_narasi(
    sheet: _Sheet, config: Config, known_codes: dict[str, set[str]], got: _Collected
) -> None:
    """Read the office's text per indicator; each must name an indicator of its agreement."""
    rows = sheet.rows
    h = _header_row(sheet, NARASI_LABELS, got)
    if h is None:
        return
    cols = _columns(rows[h], NARASI_LABELS)
    documents = {normalise_label(p.dokumen_pk): p.dokumen_pk for p in config.periode}
    documents |= {p.kode: p.dokumen_pk for p in config.periode}
    sheet.skipped[_SKIP_HEADER] += h + 1
    parsed: dict[int, dict] = {}
    problems_by_row: dict[int, list[Problem]] = defaultdict(list)
    rows_by_key: dict[tuple[str, str], list[int]] = defaultdict(list)
    previous_dokumen: object = None
    for i in range(h + 1, len(rows)):
        row, baris = rows[i], i + 1
        values = [c for k, c in cols.items() if k not in ("dokumen", "kode")]
        if not _is_data_row(sheet, row, [cols["dokumen"], cols["kode"]], values):
            continue
        locate = _locator(got.berkas, sheet.name, baris, problems_by_row[baris])

        def problem(key: str, pesan: str, nilai: object, locate: _Locate = locate) -> None:
            locate(cols[key], NARASI_LABELS[key], pesan, nilai)

        raw_dokumen = row[cols["dokumen"]]
        if is_missing(raw_dokumen):
            raw_dokumen = previous_dokumen  # written once above a document's indicators
        previous_dokumen = raw_dokumen
        dokumen = documents.get(normalise_label(raw_dokumen)) if raw_dokumen else None
        if dokumen is None:
            problem("dokumen", "dokumen tidak dikenal; pilihan: "
                    + ", ".join(p.dokumen_pk for p in config.periode), raw_dokumen)
        kode = _kode(row[cols["kode"]])
        if kode is None:
            problem("kode", "kode indikator kosong; tulis semua butir satu indikator dalam "
                    "satu sel (Alt+Enter)", None)
        elif not re.match(KODE_INDIKATOR_PATTERN, kode):
            problem("kode", "kode indikator tidak sesuai format (mis. PK-1, KL-2)",
                    row[cols["kode"]])
        elif dokumen is not None and dokumen not in known_codes:
            sheet.skipped[_SKIP_UNUSED] += 1
            continue
        elif dokumen is not None and kode not in known_codes[dokumen]:
            problem("kode", f"kode indikator tidak ada di sheet {dokumen}", row[cols["kode"]])
        if dokumen is not None and kode is not None:
            rows_by_key[(dokumen, kode)].append(baris)
        parsed[baris] = {
            "dokumen": dokumen, "kode_indikator": kode,
            **{key: _paragraph(row[c]) for key, c in cols.items()
               if key not in ("dokumen", "kode")},
            "berkas": got.berkas, "sheet": sheet.name, "baris": baris,
        }

    for (dokumen, kode), found in rows_by_key.items():
        for baris in found if len(found) > 1 else ():
            others = ", ".join(str(b) for b in found if b != baris)
            _locator(got.berkas, sheet.name, baris, problems_by_row[baris])(
                cols["kode"], "Kode", f"narasi {dokumen} '{kode}' ganda (juga di baris {others})",
                kode,
            )
    _settle(sheet, {b: [r] for b, r in parsed.items()}, problems_by_row,
            "narasi_indikator", got)
    for dokumen, codes in known_codes.items():
        missing = sorted(codes - {k for d, k in rows_by_key if d == dokumen})
        if missing:
            got.notes.append(f"{got.berkas} [{sheet.name}]: belum ada narasi untuk {dokumen}: "
                             f"{', '.join(missing)}")


# --- strategic cascade -------------------------------------------------------------------


def _read_penjenjangan(sheet: _Sheet, periode: str, got: _Collected) -> None:
    """Read one period's strategic cascade in its printed order, targets kept as text."""
    rows = sheet.rows
    h = _header_row(sheet, PENJENJANGAN_LABELS, got)
    if h is None:
        return
    header = rows[h]
    cols = _columns(header, PENJENJANGAN_LABELS)
    got.kolom[(got.berkas, sheet.name, "target", None)] = column_label(cols["target"], "Target")
    folded = [re.sub(r"\s*/\s*", "/", normalise_label(v)) for v in header]
    uraian_col = next((c for c, f in enumerate(folded) if f in URAIAN_LABELS), None)
    if uraian_col is None:
        got.structural.append(Problem(
            got.berkas,
            "kolom wajib tidak ditemukan pada baris judul: "
            "['Tujuan/Sasaran/Program/Kegiatan/Sub Kegiatan' atau 'Uraian']",
            sheet=sheet.name, baris=h + 1,
        ))
        return
    sheet.skipped[_SKIP_HEADER] += h + 1
    parsed: dict[int, dict] = {}
    problems_by_row: dict[int, list[Problem]] = defaultdict(list)
    urutan = 0
    for i in range(h + 1, len(rows)):
        row, baris = rows[i], i + 1
        if not _is_data_row(sheet, row, [cols["tingkat"], uraian_col], [cols["indikator"], cols["target"]]):
            continue
        urutan += 1  # counts rejected rows too, so a fix does not renumber the others
        locate = _locator(got.berkas, sheet.name, baris, problems_by_row[baris])
        raw_tingkat = row[cols["tingkat"]]
        folded_tingkat = " ".join(normalise_label(raw_tingkat).replace("-", " ").split())
        tingkat = TINGKAT_WORDS.get(folded_tingkat)
        if tingkat is None:
            pesan = "tingkat kosong" if is_missing(raw_tingkat) else "tingkat tidak dikenal"
            locate(cols["tingkat"], "Tingkat",
                   f"{pesan}; pilihan: {', '.join(TINGKAT)}", raw_tingkat)
        uraian = _line(row[uraian_col])
        if uraian is None:
            locate(uraian_col, "Uraian", "uraian kosong", None)
        parsed[baris] = {
            "periode": periode, "urutan": urutan, "tingkat": tingkat, "uraian": uraian,
            "indikator": _line(row[cols["indikator"]]), "target": _printed(row[cols["target"]]),
            "berkas": got.berkas, "sheet": sheet.name, "baris": baris,
        }
    _settle(sheet, {b: [r] for b, r in parsed.items()}, problems_by_row, "penjenjangan",
            got)


# --- shared ------------------------------------------------------------------------------


def _settle(
    sheet: _Sheet,
    records: dict[int, list[dict]],
    problems_by_row: dict[int, list[Problem]],
    table: str,
    got: _Collected,
) -> None:
    """Keep the rows without problems; send the others, with every problem, to quarantine."""
    for baris, row_records in records.items():
        if problems_by_row.get(baris):
            sheet.rejected.add(baris)
            got.row_problems += problems_by_row[baris]
        else:
            sheet.kept.add(baris)
            got.records[table] += row_records


def _frame(records: list[dict], table: str) -> pd.DataFrame:
    """Records as a frame with the contract's column order and dtypes."""
    columns = COLUMNS[table]
    floats = _FLOAT_COLUMNS.get(table, set())
    frame = pd.DataFrame(records, columns=columns)
    dtypes = {
        c: "Int64" if c in _INT_COLUMNS else "float64" if c in floats else "string"
        for c in columns
    }
    return frame.astype(dtypes)


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _line(value: object) -> str | None:
    """One-line text with single spaces, ``None`` when missing."""
    if is_missing(value):
        return None
    return " ".join(str(value).split()) or None


def _paragraph(value: object) -> str | None:
    """Multi-line text: one item per line, blank lines and stray spaces removed."""
    if is_missing(value):
        return None
    lines = (" ".join(line.split()) for line in str(value).replace("\r", "\n").split("\n"))
    return "\n".join(line for line in lines if line) or None


def _printed(value: object) -> str | None:
    """A target kept as printed; numbers written the Indonesian way (79.05 -> "79,05")."""
    if is_missing(value):
        return None
    if isinstance(value, int | float) and not isinstance(value, bool):
        return _id_number(value)
    return " ".join(str(value).split())


def _id_number(value: float) -> str:
    number = round(float(value), 10)
    if number.is_integer():
        return str(int(number))
    return f"{number:.10f}".rstrip("0").rstrip(".").replace(".", ",")
