"""Reader of the Perjanjian Kinerja workbook: agreements per period, indicator narratives, cascade."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

import pandas as pd
from openpyxl.cell.cell import Cell, MergedCell
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from lkjip.core.config import Config, Periode
from lkjip.core.rounding import cell_decimals
from lkjip.ingest.berkas import XLSX, SheetNilai, jenis_berkas, sheet_nilai
from lkjip.ingest.judul import normalise_label
from lkjip.ingest.layouts.perjanjian_kinerja import JUDUL as JUDUL_EKSPOR
from lkjip.ingest.layouts.perjanjian_kinerja import TataLetakPk, dokumen_dari_judul
from lkjip.ingest.layouts.perjanjian_kinerja import kenali as kenali_pk
from lkjip.ingest.layouts.perjanjian_kinerja import tahun as tahun_dokumen
from lkjip.ingest.parsing import NumberParseError, is_missing, parse_number
from lkjip.ingest.pemetaan import deklarasi, nilai_kosong, tanpa_nilai_kosong
from lkjip.ingest.problems import Problem, ReadResult, RowAccounting, StructuralError, quarantine_rows
from lkjip.ingest.readers._base import column_label, find_header_row, open_workbook
from lkjip.ingest.schemas._common import validate
from lkjip.ingest.schemas.perjanjian_kinerja import (
    COLUMNS,
    KODE_INDIKATOR_PATTERN,
    SCHEMAS,
    SUMBER_REALISASI,
    TINGKAT,
)

SUMBER = "perjanjian_kinerja"

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
    #: 0-based first header row the office declared (``pemetaan``: ``headerRows``), or None.
    header: int | None = None

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
    """Read one Perjanjian Kinerja workbook; see :func:`read_many`."""
    return read_many([Path(path)], config)


def read_many(
    paths: Sequence[Path], config: Config, progress: Callable[[str], None] | None = None
) -> ReadResult:
    """Read the Perjanjian Kinerja source into the clean tables of the agreements.

    Two layouts, recognised by their content, in any number of files of the source
    (``perjanjian-kinerja*``: .xlsx, and .xls/.ods or an HTML page saved as .xls for the exports):

    - the office's workbook: one sheet per Perjanjian Kinerja, with its planning period's code in
      the sheet name or title (e.g. "PK 2021-2025", "PK Perubahan 2025-2029"); "Narasi Indikator";
      and one "Penjenjangan <periode>" per period. Headers are found by their labels, the years
      are read from the merged two-row year header, "N/A" and "-" are missing values (never 0),
      and a "KINERJA LAINNYA" title row marks the agreement's other indicators;
    - the documents e-SAKIP and SIPD-based applications print, one year per document
      (:mod:`lkjip.ingest.layouts.perjanjian_kinerja`): what they do not say (the indicator's
      code, polarity, computed source, kind; the agreement) comes from ``laporan.yml``
      (``pemetaan``), from the office's sheets that carry it, or from defaults, with a note.

    The agreement of every planning period that contains the report year must be there (a sheet,
    or a document of the report year), and so must the narrative and the cascade (in any file).

    Parameters
    ----------
    paths : sequence of Path
        The files of the source.
    config : Config
        Report configuration: report year and the agreement's name per period
        (``periode[i].dokumen_pk``), the office's declarations (``pemetaan``).
    progress : callable, optional
        Unused; the same signature as the other readers of several files.

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
        year header that is not a year, a document whose agreement or year cannot be told),
        so that all of them can be fixed at once.
    """
    del progress
    files: list[_Berkas] = []
    structural: list[Problem] = []
    for path in map(Path, paths):
        try:
            files.append(_Berkas.open(path, config))
        except StructuralError as exc:
            structural += exc.problems
    if structural:
        raise StructuralError(structural)
    structural += _unique_across_files(files)
    periods = {p.kode: p for p in config.periode}
    known_codes: dict[str, set[str]] = {}
    daftar = _Register(config)
    for f in files:
        for kode, name in f.pk.items():
            periode = periods[kode]
            codes = _read_pk(f.sheet(name), periode, config, f.got)
            known_codes.setdefault(periode.dokumen_pk, set()).update(codes)
        daftar.learn_from_template(f.got.records["perjanjian_kinerja"])
    for f in files:
        if f.narasi is not None:
            daftar.learn_from_narasi(f.sheet(f.narasi), config)
    exported: set[tuple[str, int]] = set()
    for f in files:
        for name, layout in f.exports.items():
            found = _read_export(f.sheet(name), layout, config, daftar, f.got)
            if found is not None:
                dokumen, tahun, codes = found
                known_codes.setdefault(dokumen, set()).update(codes)
                exported.add((dokumen, tahun))
    structural += _missing_parts(files, config, exported)
    for f in files:
        if f.narasi is not None:
            _read_narasi(f.sheet(f.narasi), config, known_codes, f.got)
        for kode, name in f.jenjang.items():
            _read_penjenjangan(f.sheet(name), kode, f.got)
        structural += f.got.structural
    if structural:
        raise StructuralError(structural)
    return _assemble(files, daftar)


def _assemble(files: list[_Berkas], daftar: _Register) -> ReadResult:
    """Validate the records of every file against the contracts; failing rows to quarantine."""
    by_file = {f.got.berkas: f.got for f in files}
    tables = {}
    for table, schema in SCHEMAS.items():
        records = [r for f in files for r in f.got.records[table]]
        if table == "perjanjian_kinerja":
            records = _without_repeats(records, by_file)
        frame = _frame(records, table)
        valid, row_problems, table_problems = validate(frame, schema)
        if table_problems:
            raise StructuralError(table_problems)
        if row_problems:
            # A failing cell takes its whole input row to quarantine: half an indicator
            # (some years only) would silently change the trend and the averages.
            bad = {(p.berkas, p.sheet, p.baris) for p in row_problems}
            for berkas, sheet, baris in bad:
                by_file[berkas].sheets[sheet].rejected.add(baris)
            by_file[next(iter(by_file))].row_problems += row_problems
            places = zip(valid["berkas"], valid["sheet"], valid["baris"], strict=True)
            keep = [(b, s, r) not in bad for b, s, r in places]
            valid = valid[keep]
        tables[table] = valid.reset_index(drop=True)

    return ReadResult(
        tables=tables,
        quarantine=quarantine_rows(p for f in files for p in f.got.row_problems),
        accounting=[s.accounting(f.got.berkas) for f in files for s in f.got.sheets.values()],
        notes=[n for f in files for n in f.got.notes] + daftar.notes(),
        kolom={k: v for f in files for k, v in f.got.kolom.items()},
    )


# --- files and sheets --------------------------------------------------------------------


@dataclass
class _Berkas:
    """One file of the source: its sheets sorted by what they hold."""

    got: _Collected
    workbook: Workbook | None  # .xlsx
    plain: dict[str, SheetNilai]  # .xls, .ods, HTML: rows of values per sheet
    pk: dict[str, str] = field(default_factory=dict)  # period code -> sheet
    jenjang: dict[str, str] = field(default_factory=dict)  # period code -> sheet
    narasi: str | None = None
    exports: dict[str, TataLetakPk] = field(default_factory=dict)  # sheet -> layout
    names: list[str] = field(default_factory=list)  # every sheet, in order
    config: Config | None = None

    @classmethod
    def open(cls, path: Path, config: Config) -> _Berkas:
        got = _Collected(berkas=path.name)
        if jenis_berkas(path) == XLSX:
            wb = open_workbook(path)
            f = cls(got, wb, {})
            names = wb.sheetnames
        else:
            plain = {s.name: s for s in sheet_nilai(path)}
            f = cls(got, None, plain)
            names = list(plain)
        f._sort(names, config)
        return f

    def sheet(self, name: str) -> _Sheet:
        """The sheet's cells (merged ranges filled), loaded once, with the declared "no values" made empty."""
        if name in self.got.sheets:
            return self.got.sheets[name]
        if self.workbook is not None:
            sheet = _load(self.workbook[name], self.got)
        else:
            plain = self.plain[name]
            rows = [list(r) for r in plain.rows]
            decimals = [[cell_decimals(v, None) for v in r] for r in rows]
            sheet = _Sheet(name, rows, decimals, plain.covered)
            self.got.sheets[name] = sheet
        declared = deklarasi(self.config, SUMBER, self.got.berkas, name) if self.config else None
        if declared is None:
            return sheet
        sheet.rows = tanpa_nilai_kosong(sheet.rows, nilai_kosong(declared))
        if declared.header_rows:
            sheet.header = declared.header_rows[0] - 1
        if declared.kolom:  # a label the office names reads as the template's label it names
            own = {normalise_label(k): v for k, v in declared.kolom.items()}
            rows = declared.header_rows or range(1, min(len(sheet.rows), 30) + 1)
            for r in (r - 1 for r in rows if r - 1 < len(sheet.rows)):
                cells = sheet.rows[r]
                sheet.rows[r] = [own.get(normalise_label(v), v) if isinstance(v, str) else v for v in cells]
        return sheet

    def _rows(self, name: str, limit: int = 40) -> list[list[object]]:
        if self.workbook is not None:
            ws = self.workbook[name]  # only existing rows: asking openpyxl for more would create them
            return [list(r) for r in ws.iter_rows(max_row=min(limit, ws.max_row), values_only=True)]
        return [list(r) for r in self.plain[name].rows[:limit]]

    def _sort(self, names: list[str], config: Config) -> None:
        """Sort the sheets: PK per period code, cascade per period code, narrative, exports."""
        self.config, self.names = config, list(names)
        got = self.got
        configured = {p.kode for p in config.periode}
        for name in names:
            key = normalise_label(name)
            if key.startswith("keterangan"):
                continue
            head = self._rows(name)
            layout = kenali_pk(head, got.berkas, name, deklarasi(config, SUMBER, got.berkas, name))
            if layout is not None:
                self.exports[name] = layout
                continue
            if key.startswith("narasi"):
                if self.narasi is not None:
                    got.structural.append(Problem(
                        got.berkas, f"dua sheet narasi: '{self.narasi}' dan '{name}'; sisakan satu"
                    ))
                self.narasi = name
                continue
            if key.startswith(("pk", "perjanjian kinerja")):
                found = self.pk
            elif key.startswith("penjenjangan"):
                found = self.jenjang
            else:
                got.notes.append(f"{got.berkas}: sheet '{name}' tidak dikenal, diabaikan")
                continue
            kode = _period_code(name) or _period_code(
                " ".join(str(v) for row in head[:8] for v in row if v is not None)
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


def _unique_across_files(files: list[_Berkas]) -> list[Problem]:
    """The office's sheets of one period (or the narrative) in two files: say which to keep."""
    problems = []
    for what, part in (("Perjanjian Kinerja", "pk"), ("Penjenjangan", "jenjang")):
        seen: dict[str, str] = {}
        for f in files:
            for kode, name in getattr(f, part).items():
                if kode in seen:
                    problems.append(Problem(
                        f.got.berkas,
                        f"sheet {what} periode {kode} ada di dua berkas: {seen[kode]} dan sheet ini; "
                        "sisakan satu",
                        sheet=name,
                    ))
                seen[kode] = f"{f.got.berkas} sheet '{name}'"
    narasi = [(f.got.berkas, f.narasi) for f in files if f.narasi is not None]
    if len(narasi) > 1:
        listed = ", ".join(f"{b} sheet '{n}'" for b, n in narasi)
        problems.append(
            Problem(narasi[1][0], f"sheet narasi ada di lebih dari satu berkas ({listed}); sisakan satu")
        )
    return problems


def _missing_parts(files: list[_Berkas], config: Config, exported: set[tuple[str, int]]) -> list[Problem]:
    """The agreement of each planning period of the report year, its cascade and the narrative."""
    problems = []
    have = [f"{f.got.berkas}: {n}" if len(files) > 1 else n for f in files for n in f.names]
    berkas = ", ".join(f.got.berkas for f in files)
    pk = {k for f in files for k in f.pk}
    jenjang = {k for f in files for k in f.jenjang}
    for periode in config.periode:
        if not periode.covers(config.tahun):
            continue  # a period outside the report year may be absent
        if periode.kode not in pk and (periode.dokumen_pk, config.tahun) not in exported:
            problems.append(Problem(
                berkas,
                f"sheet {periode.dokumen_pk} periode {periode.kode} tidak ada (nama sheet "
                f"diawali 'PK' dan memuat '{periode.kode}'), dan tidak ada dokumen {periode.dokumen_pk} "
                f"tahun {config.tahun} ({JUDUL_EKSPOR}); sheet yang ada: {have}",
            ))
        if periode.kode not in jenjang:
            problems.append(Problem(
                berkas,
                f"sheet 'Penjenjangan {periode.kode}' tidak ada; sheet yang ada: {have}",
            ))
    if not any(f.narasi is not None for f in files):
        problems.append(Problem(
            berkas,
            f"sheet 'Narasi Indikator' tidak ada; sheet yang ada: {have}. Ekspor e-SAKIP tidak memuat narasi "
            "dan penjenjangan: simpan keduanya di berkas kantor (mis. perjanjian-kinerja-kantor.xlsx)",
        ))
    return problems


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


# --- documents exported one year at a time ------------------------------------------------


@dataclass(frozen=True)
class _Sifat:
    """What the report needs to know of an indicator that an export does not say."""

    kode: str | None
    polaritas: str
    sumber: str
    jenis: str
    triwulan: str
    asal: str  # where it was found, for the notes and kenali


class _Register:
    """The indicators of each agreement by name: declared, from the office's sheets, or default.

    In this order: ``laporan.yml`` (``pemetaan.register.indikator``), the office's own
    Perjanjian Kinerja sheets (code, polarity, computed source, kind), its ``Narasi Indikator``
    sheet (code). An indicator found nowhere gets a generated code (``IK-1``, ``IK-2``, ...), a
    positive polarity and its typed realisation, with a note naming it: ``python -m lkjip kenali``
    asks the office for them.
    """

    def __init__(self, config: Config):
        self.declared = {
            (normalise_label(d), normalise_label(n)): v
            for d, items in config.pemetaan.daftar.indikator.items()
            for n, v in items.items()
        }
        self.template: dict[tuple[str, str], _Sifat] = {}
        self.narasi: dict[tuple[str, str], str] = {}
        self.generated: dict[tuple[str, str], str] = {}
        self.defaults: dict[str, list[str]] = defaultdict(list)

    def learn_from_template(self, records: list[dict]) -> None:
        for r in records:
            if r.get("kode_indikator") and r.get("indikator"):
                key = (normalise_label(r["dokumen"]), normalise_label(r["indikator"]))
                self.template.setdefault(key, _Sifat(
                    r["kode_indikator"], r["polaritas"] or "positif", r["sumber_realisasi"], r["jenis"],
                    "akhir", "sheet Perjanjian Kinerja kantor",
                ))

    def learn_from_narasi(self, sheet: _Sheet, config: Config) -> None:
        """Indicator names and codes from the narrative sheet (when it has an Indikator Kinerja column)."""
        labels = {**NARASI_LABELS, "indikator": "Indikator Kinerja"}
        try:
            h = find_header_row(sheet.rows, [labels["dokumen"], labels["kode"], labels["indikator"]],
                                berkas="", sheet=sheet.name)
        except StructuralError:
            return
        cols = _columns(sheet.rows[h], {k: labels[k] for k in ("dokumen", "kode", "indikator")})
        documents = {normalise_label(p.dokumen_pk): p.dokumen_pk for p in config.periode}
        previous = None
        for row in sheet.rows[h + 1 :]:
            dokumen = row[cols["dokumen"]] if cols["dokumen"] < len(row) else None
            dokumen = previous if is_missing(dokumen) else dokumen
            previous = dokumen
            kode = _kode(row[cols["kode"]]) if cols["kode"] < len(row) else None
            nama = _line(row[cols["indikator"]]) if cols["indikator"] < len(row) else None
            name = documents.get(normalise_label(dokumen)) if dokumen else None
            if name and kode and nama and re.match(KODE_INDIKATOR_PATTERN, kode):
                self.narasi.setdefault((normalise_label(name), normalise_label(nama)), kode)

    def names_of(self, dokumen: str) -> set[str]:
        key = normalise_label(dokumen)
        return {n for d, n in [*self.declared, *self.template, *self.narasi] if d == key}

    def sifat(self, dokumen: str, nama: str) -> _Sifat:
        key = (normalise_label(dokumen), normalise_label(nama))
        base = self.template.get(key)
        narasi = self.narasi.get(key)
        declared = self.declared.get(key)
        fields = declared.model_fields_set if declared is not None else set()
        kode = (declared.kode if declared is not None else None) or (base.kode if base else None) or narasi
        if kode is None:
            if key not in self.generated:
                used = {k for (d, _), k in self.generated.items() if d == key[0]}
                self.generated[key] = f"IK-{len(used) + 1}"
            kode = self.generated[key]

        def pick(name: str, default: str) -> str:
            if name in fields:
                return getattr(declared, name)
            return getattr(base, name) if base is not None else default

        if base is None and "sumber" not in fields:
            self.defaults[dokumen].append(nama)
        asal = (
            "laporan.yml (pemetaan.register.indikator)" if declared is not None
            else "sheet Perjanjian Kinerja kantor" if base is not None
            else "sheet Narasi Indikator (kode)" if narasi is not None
            else "bawaan"
        )  # fmt: skip
        return _Sifat(kode, pick("polaritas", "positif"), pick("sumber", "manual"), pick("jenis", "utama"),
                      pick("triwulan", "akhir"), asal)  # fmt: skip

    def notes(self) -> list[str]:
        out = []
        for dokumen, names in self.defaults.items():
            unique = list(dict.fromkeys(names))
            out.append(
                f"{dokumen}: {len(unique)} indikator dokumen ekspor tanpa polaritas/sumber realisasi di "
                f"laporan.yml ({'; '.join(unique)}): dianggap positif, realisasi diketik, indikator utama, "
                "realisasi triwulan terakhir; nyatakan di pemetaan.register.indikator (python -m lkjip "
                "kenali "
                "menuliskannya)"
            )
        return out


@dataclass
class DokumenEkspor:
    """What ``python -m lkjip kenali`` says of one exported document (:func:`dokumen_ekspor`)."""

    berkas: str
    sheet: str
    layout: TataLetakPk
    tahun: int | None
    dokumen: str | None
    #: Indicator name as printed -> what the report will take it as.
    indikator: dict[str, _Sifat]


def dokumen_ekspor(paths: Sequence[Path], config: Config) -> list[DokumenEkspor]:
    """The exported documents among ``paths`` (the files of the source), each with its year, its
    agreement and its indicators as the reader would take them (declared, from the office's sheets
    of the other files, or default). Files that cannot be opened are left out."""
    files = []
    for path in map(Path, paths):
        try:
            files.append(_Berkas.open(path, config))
        except StructuralError:
            continue
    periods = {p.kode: p for p in config.periode}
    daftar = _Register(config)
    for f in files:
        for kode, name in f.pk.items():
            _read_pk(f.sheet(name), periods[kode], config, f.got)
        daftar.learn_from_template(f.got.records["perjanjian_kinerja"])
        if f.narasi is not None:
            daftar.learn_from_narasi(f.sheet(f.narasi), config)
    out = []
    for f in files:
        for name, layout in f.exports.items():
            sheet = f.sheet(name)
            declared = deklarasi(config, SUMBER, f.got.berkas, name)
            above = sheet.rows[: layout.pertama]
            tahun = tahun_dokumen(above, f.got.berkas, declared)
            column = layout.kolom["indikator"]
            names = [n for r in sheet.rows[layout.header + 1 :] if (n := _line(_at(r, column)))]
            dokumen = _dokumen_of(declared, above, {normalise_label(n) for n in names}, tahun, config, daftar)
            sifat = {n: daftar.sifat(dokumen, n) for n in names} if dokumen is not None else {}
            out.append(DokumenEkspor(f.got.berkas, name, layout, tahun, dokumen, sifat))
    return out


def _read_export(
    sheet: _Sheet, layout: TataLetakPk, config: Config, daftar: _Register, got: _Collected
) -> tuple[str, int, set[str]] | None:
    """Read one document of one year; return its agreement, year and indicator codes.

    None, with a structural problem, when the agreement or the year cannot be told.
    """
    declared = deklarasi(config, SUMBER, got.berkas, sheet.name)
    above = sheet.rows[: layout.pertama]
    tahun = tahun_dokumen(above, got.berkas, declared)
    col = layout.kolom
    indicators = [_line(_at(r, col["indikator"])) for r in sheet.rows[layout.header + 1 :]]
    names = {normalise_label(n) for n in indicators if n}
    dokumen = _dokumen_of(declared, above, names, tahun, config, daftar)
    problems = []
    if tahun is None:
        problems.append(
            f"tahun dokumen tidak diketahui: tulis 'Tahun Anggaran {config.tahun}' pada judul atau tahun "
            "pada nama "
            "berkas, atau nyatakan di laporan.yml (pemetaan.perjanjian_kinerja: tahun)"
        )
    if dokumen is None:
        choices = ", ".join(dict.fromkeys(p.dokumen_pk for p in config.periode))
        problems.append(
            "perjanjian mana dokumen ini tidak dapat ditentukan (judulnya tidak menyebut namanya, dan nama "
            "indikatornya tidak dikenal): nyatakan di laporan.yml (pemetaan.perjanjian_kinerja: dokumen: "
            "salah "
            f"satu dari {choices}), atau jalankan python -m lkjip kenali"
        )
    if problems:
        got.structural += [Problem(got.berkas, p, sheet=sheet.name) for p in problems]
        return None
    periode = config.periode_for_pk(dokumen)
    sheet.skipped[_SKIP_HEADER] += layout.header + 1
    for kind, c in (("target", col["target"]), ("realisasi", _realisasi_col(layout))):
        got.kolom[(got.berkas, sheet.name, kind, tahun)] = column_label(c, layout.label[c])
    codes: set[str] = set()
    records: dict[int, list[dict]] = {}
    problems_by_row: dict[int, list[Problem]] = defaultdict(list)
    previous: str | None = None
    numbers: dict[tuple[str, str], int] = {}
    value_cols = [col["target"], *layout.triwulan.values()]
    value_cols += [col["realisasi"]] if "realisasi" in col else []
    for i in range(layout.header + 1, len(sheet.rows)):
        row, baris = sheet.rows[i], i + 1
        kind = _row_kind(row, [col["sasaran"], col["indikator"]], value_cols)
        if kind == "empty":
            sheet.skipped[_SKIP_EMPTY] += 1
            continue
        if kind != "data" or _is_column_numbers(row):
            sheet.skipped[_SKIP_NOTE] += 1
            continue
        locate = _locator(got.berkas, sheet.name, baris, problems_by_row[baris])
        sasaran = _line(_at(row, col["sasaran"])) or previous
        previous = sasaran
        nama = _line(_at(row, col["indikator"]))
        if sasaran is None:
            locate(col["sasaran"], "Sasaran Strategis", "sasaran kosong", None)
        if nama is None:
            locate(col["indikator"], "Indikator Kinerja", "nama indikator kosong", None)
            sifat = _Sifat(None, "positif", "manual", "utama", "akhir", "")
        else:
            sifat = daftar.sifat(dokumen, nama)
        if sifat.sumber not in SUMBER_REALISASI:
            locate(col["indikator"], "Indikator Kinerja",
                   f"sumber realisasi '{sifat.sumber}' di laporan.yml (pemetaan.register.indikator) tidak "
                   "dikenal; "
                   f"pilihan: {', '.join(SUMBER_REALISASI)}", nama)  # fmt: skip
        satuan = _line(_at(row, col["satuan"])) if "satuan" in col else None
        target = _export_number(row, col["target"], layout, satuan, locate)
        realisasi, desimal = _annual(sheet, i, layout, satuan, sifat.triwulan, locate)
        capaian = desimal_capaian = None
        if "capaian" in col:
            capaian = _export_number(row, col["capaian"], layout, "%", locate)
            desimal_capaian = _decimals_at(sheet, i, col["capaian"])
        group = (sifat.jenis, sasaran or "")
        numbers.setdefault(group, 1 + sum(1 for j, _ in numbers if j == sifat.jenis))
        if sifat.kode is not None:
            codes.add(sifat.kode)
        records[baris] = [{
            "dokumen": dokumen, "periode": periode.kode, "jenis": sifat.jenis, "no_sasaran": numbers[group],
            "sasaran": sasaran, "kode_indikator": sifat.kode, "indikator": nama, "satuan": satuan,
            "polaritas": sifat.polaritas, "tahun": tahun, "target": target, "realisasi": realisasi,
            "desimal_realisasi": desimal, "capaian_tercetak": capaian, "desimal_tercetak": desimal_capaian,
            "sumber_realisasi": sifat.sumber, "berkas": got.berkas, "sheet": sheet.name, "baris": baris,
        }]  # fmt: skip
    if not records:
        got.structural.append(Problem(
            got.berkas, "tidak ada baris indikator di bawah baris judul kolom", sheet=sheet.name,
            baris=layout.header + 1,
        ))
        return None
    _settle(sheet, records, problems_by_row, "perjanjian_kinerja", got)
    got.notes.append(
        f"{got.berkas} [{sheet.name}]: dokumen {dokumen} tahun {tahun} ({len(records)} indikator; realisasi "
        + ("per triwulan" if layout.triwulan else "tahunan") + ")"
    )
    return dokumen, tahun, codes


def _dokumen_of(declared, above, names: set[str], tahun: int | None, config: Config, daftar: _Register):
    """The agreement of a document: declared, named by its title, known by its indicators, or the only one."""
    if declared is not None and declared.dokumen:
        return declared.dokumen
    titled = dokumen_dari_judul(above, config)
    if titled is not None:
        return titled
    candidates = list(dict.fromkeys(p.dokumen_pk for p in config.periode))
    by_names = [d for d in candidates if names and names <= daftar.names_of(d)]
    if len(by_names) == 1:
        return by_names[0]
    if tahun is not None:
        covering = list(dict.fromkeys(p.dokumen_pk for p in config.periode if p.covers(tahun)))
        if len(covering) == 1:
            return covering[0]
    return None


def _at(row: Sequence[object], col: int) -> object:
    return row[col] if col < len(row) else None


def _is_column_numbers(row: Sequence[object]) -> bool:
    """The "1 2 3 ..." row printed under a header."""
    filled = [v for v in row if not _blank(v)]
    numbered = all(re.fullmatch(rf"\(?{n}\)?", str(v).strip()) for n, v in enumerate(filled, 1))
    return len(filled) >= 3 and numbered


def _realisasi_col(layout: TataLetakPk) -> int:
    if layout.triwulan:
        return layout.triwulan[max(layout.triwulan)]
    return layout.kolom["realisasi"]


def _export_number(row, col: int, layout: TataLetakPk, satuan, locate: _Locate) -> float | None:
    label = layout.label[col] or ""
    try:
        return _number(_at(row, col), satuan)
    except NumberParseError as exc:
        locate(col, label, f"{label} bukan angka: {exc}", _at(row, col))
        return None


def _annual(sheet: _Sheet, i: int, layout: TataLetakPk, satuan, how: str, locate: _Locate):
    """The year's realisation: the last quarter filled in (``akhir``) or their sum (``jumlah``)."""
    row = sheet.rows[i]
    if not layout.triwulan:
        col = layout.kolom["realisasi"]
        return _export_number(row, col, layout, satuan, locate), _decimals_at(sheet, i, col)
    values = []
    for q in sorted(layout.triwulan):
        col = layout.triwulan[q]
        value = _export_number(row, col, layout, satuan, locate)
        if value is not None:
            values.append((value, _decimals_at(sheet, i, col)))
    if not values:
        return None, None
    if how == "jumlah":
        decimals = [d for _, d in values if d is not None]
        return round(sum(v for v, _ in values), 10), max(decimals) if decimals else None
    return values[-1]


def _decimals_at(sheet: _Sheet, i: int, col: int) -> int | None:
    return sheet.decimals[i][col] if col < len(sheet.decimals[i]) else None


def _without_repeats(records: list[dict], by_file: dict[str, _Collected]) -> list[dict]:
    """One agreement's indicator of one year in two places (two documents, a sheet and a document)."""
    seen: dict[tuple, dict] = {}
    problems = []
    for r in records:
        key = (r["dokumen"], r["kode_indikator"], r["tahun"])
        first = seen.get(key)
        if first is None or r["kode_indikator"] is None:
            seen.setdefault(key, r)
            continue
        if (first["berkas"], first["sheet"]) != (r["berkas"], r["sheet"]):
            problems.append(Problem(
                r["berkas"],
                f"indikator {r['kode_indikator']} {r['dokumen']} tahun {r['tahun']} juga ada di "
                f"{first['berkas']} "
                f"sheet '{first['sheet']}' baris {first['baris']}: satu tahun satu perjanjian hanya di satu "
                "tempat; "
                "hapus salah satu",
                sheet=r["sheet"], baris=r["baris"],
            ))  # fmt: skip
    if problems:
        raise StructuralError(problems)
    return records


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
    rows = sheet.rows if sheet.header is None else sheet.rows[sheet.header : sheet.header + 1]
    try:
        found = find_header_row(rows, list(labels.values()), berkas=got.berkas, sheet=sheet.name)
    except StructuralError as exc:
        if sheet.header is not None:  # the declared row (laporan.yml headerRows) lacks the labels
            exc = StructuralError([replace(p, baris=sheet.header + 1) for p in exc.problems])
        got.structural += exc.problems
        return None
    return found if sheet.header is None else sheet.header


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
