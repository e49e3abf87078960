"""Reader of ``realisasi-anggaran.xlsx``: SIPD budget realisation, earlier years, budget per sasaran."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

import pandas as pd
from openpyxl.worksheet.worksheet import Worksheet

from lkjip.core import fmt
from lkjip.core.config import BerkasPemetaan, Config
from lkjip.core.rounding import cell_decimals
from lkjip.core.teks import daftar_kata
from lkjip.ingest.berkas import XLSX, jenis_berkas, sheet_nilai
from lkjip.ingest.parsing import NumberParseError, parse_number
from lkjip.ingest.pemetaan import deklarasi, nilai_kosong, tanpa_nilai_kosong
from lkjip.ingest.problems import (
    SOURCE_COLUMNS,
    ColumnPlaces,
    Problem,
    ReadResult,
    RowAccounting,
    StructuralError,
    quarantine_rows,
)
from lkjip.ingest.readers._base import (
    column_label,
    find_header_row,
    normalise_label,
    open_workbook,
    uncached_problems,
)
from lkjip.ingest.schemas import anggaran as contracts
from lkjip.ingest.schemas._common import validate

#: A printed subtotal or total may differ from the sum of its details by at most this (rupiah).
TOLERANSI_RUPIAH = 1.0

SHEET_SASARAN = "Anggaran per Sasaran"

#: Clean tables and their columns, in contract order (source columns last).
COLUMNS = {
    "anggaran": [
        "tahun",
        "kode",
        "kode_kegiatan",
        "kegiatan",
        "uraian",
        "anggaran",
        "realisasi",
        "persen_tercetak",
        "desimal_tercetak",
        *SOURCE_COLUMNS,
    ],
    "anggaran_riwayat": [
        "tahun",
        "anggaran",
        "realisasi",
        "persen_tercetak",
        "desimal_tercetak",
        *SOURCE_COLUMNS,
    ],
    "anggaran_sasaran_tercetak": [
        "dokumen",
        "no_sasaran",
        "sasaran",
        "alokasi_tercetak",
        "realisasi_tercetak",
        "capaian_tercetak",
        "desimal_tercetak",
        *SOURCE_COLUMNS,
    ],
    "peta_sasaran_anggaran": ["dokumen", "no_sasaran", "kode", *SOURCE_COLUMNS],
}
#: Clean column -> the export column (``_Kolom.nama``) it comes from, for messages.
_SOURCE_OF = {
    "tahun": "tahun",
    "kode": "kode",
    "uraian": "uraian",
    "anggaran": "anggaran",
    "realisasi": "realisasi",
    "persen_tercetak": "persen",
    "dokumen": "dokumen",
    "no_sasaran": "no",
    "sasaran": "sasaran",
    "alokasi_tercetak": "alokasi",
    "realisasi_tercetak": "realisasi",
    "capaian_tercetak": "capaian",
}
_TEXT = {"kode", "kode_kegiatan", "kegiatan", "uraian", "dokumen", "sasaran", "berkas", "sheet"}
_INTEGER = {"tahun", "no_sasaran", "desimal_tercetak"}

_KODE_SUB_KEGIATAN = re.compile(contracts.KODE_SUB_KEGIATAN)
#: The older style of sub kegiatan code, two digits at the end (``4.01.01.2.13.01``); the
#: e-SAKIP nomenclature carries both. Read as the four-digit form, with a note.
_KODE_SUB_KEGIATAN_LAMA = re.compile(r"^(\d\.\d{2}\.\d{2}\.\d\.\d{2})\.(\d{2})$")
#: A belanja (pendapatan, pembiayaan) account as SIPD prints it under each sub kegiatan:
#: ``5``, ``5.1``, ``5.1.02``, ``5.1.02.01``, ``5.1.02.01.01``, ``5.1.02.01.01.0024``.
_KODE_AKUN = re.compile(r"^[4-6](\.\d(\.\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?)?)?$")
_URAIAN_AKUN = re.compile(r"^(belanja|pendapatan|pembiayaan)\b", re.IGNORECASE)
# Levels above the sub-kegiatan: urusan, bidang, program, kegiatan. Their rows are subtotals.
_KODE_HIERARKI = re.compile(r"^\d(\.\d{2}(\.\d{2}(\.\d\.\d{2})?)?)?$")
_TAHUN_JUDUL = re.compile(r"\b(?:tahun(?:\s+anggaran)?|t\.?a\.?)\s*:?\s*(\d{4})\b", re.IGNORECASE)
_TANDA_TANGAN = re.compile(
    r"^(nip\b|mengetahui|menyetujui|kepala\b|pembina|penata|"
    r"[a-z .]+,\s*\d{1,2}\s+[a-z]+\s+\d{4}$)",
)
_PEMISAH_KODE = re.compile(r"[;,\n]+")


@dataclass(frozen=True)
class _Kolom:
    """One clean column: the header labels (folded) it may carry, and whether it is required."""

    nama: str
    label: str  # shown in messages when the column is missing
    kunci: tuple[tuple[str, str], ...]  # accepted (top label, sub label) pairs
    wajib: bool = True


# Header labels as exports and staff spell them, folded; units in brackets are dropped first.
_ALIAS = {
    "kode": "kode rekening",
    "pagu": "anggaran",
    "pagu anggaran": "anggaran",
    "anggaran setelah perubahan": "anggaran",
    "realisasi anggaran": "realisasi",
    "persen": "persentase",
    "%": "persentase",
    "persentase realisasi": "persentase",
    "alokasi": "alokasi anggaran",
    "capaian": "capaian anggaran",
    "kode sub kegiatan": "kode sub kegiatan",
    "kode rekening sub kegiatan": "kode sub kegiatan",
    "no.": "no",
    "nomor": "no",
    # The RFK table of the SIPD companion tools.
    "dpa": "anggaran",
    "dpa simda": "anggaran",
    "pagu dpa": "anggaran",
    "pagu indikatif": "anggaran",
    "realisasi keuangan": "realisasi",
    "nama sub kegiatan": "uraian",
    "urusan/ bidang urusan pemerintahan daerah dan program/ kegiatan": "uraian",
    "urusan/bidang urusan pemerintahan daerah dan program/kegiatan": "uraian",
}

_KOLOM_LRA = [
    _Kolom("kode", "Kode Rekening", (("kode rekening", ""),)),
    _Kolom("uraian", "Uraian", (("uraian", ""),)),
    _Kolom("anggaran", "Anggaran", (("anggaran", ""), ("anggaran", "rp"))),
    _Kolom("realisasi", "Realisasi (Rp)", (("realisasi", ""), ("realisasi", "rp"))),
    _Kolom(
        "persen",
        "Realisasi (%)",
        (("realisasi", "%"), ("persentase", ""), ("capaian anggaran", "")),
        wajib=False,
    ),
]
_KOLOM_REKAP = [
    _Kolom("tahun", "Tahun", (("tahun", ""),)),
    _Kolom("anggaran", "Pagu Anggaran", (("anggaran", ""), ("anggaran", "rp"))),
    _Kolom("realisasi", "Realisasi", (("realisasi", ""), ("realisasi", "rp"))),
    _Kolom("persen", "Persentase", (("persentase", ""), ("realisasi", "%")), wajib=False),
]
_KOLOM_SASARAN = [
    _Kolom("no", "No", (("no", ""),)),
    _Kolom("dokumen", "Dokumen", (("dokumen", ""),)),
    _Kolom("sasaran", "Sasaran", (("sasaran", ""),)),
    _Kolom("kode", "Kode Sub Kegiatan", (("kode sub kegiatan", ""),)),
    _Kolom("alokasi", "Alokasi Anggaran", (("alokasi anggaran", ""),)),
    _Kolom("realisasi", "Realisasi Anggaran", (("realisasi", ""),)),
    _Kolom("capaian", "Capaian Anggaran", (("capaian anggaran", ""),), wajib=False),
]


def read(path: Path, config: Config) -> ReadResult:
    """Read one budget workbook into the clean tables of the data contract.

    See :func:`read_many`, of which this is the one-file case.
    """
    return read_many([Path(path)], config)


def read_many(
    paths: Sequence[Path], config: Config, progress: Callable[[str], None] | None = None
) -> ReadResult:
    """Read the budget exports of the source ``anggaran`` into the clean tables of the data contract.

    Every sheet of every file (.xlsx, .xls, .ods, or an HTML table saved as .xls/.xlsx) is
    recognised by its content, whatever its name: the realisation per sub kegiatan (the SIPD
    "Laporan Realisasi Anggaran" with its hierarchy and its belanja accounts, or the RFK table
    with the code spread over several columns), and the office's own tables that no system
    exports: the totals of earlier years (``Rekap``) and the sasaran -> sub kegiatan table
    (``Anggaran per Sasaran``). Exactly one realisation sheet is required; the office's tables
    are optional, in the same workbook or in another file of the source: without them their
    clean tables are empty and a note says which parts of the report they would give.

    Parameters
    ----------
    paths : sequence of Path
        The files of the source (``realisasi-anggaran*``).
    config : Config
        Report configuration; ``config.tahun`` is used when the title rows name no year.
    progress : callable, optional
        Unused; the same signature as the other readers of several files.

    Returns
    -------
    ReadResult
        Tables ``anggaran``, ``anggaran_riwayat``, ``anggaran_sasaran_tercetak`` and
        ``peta_sasaran_anggaran``; quarantined rows (text in a money column, duplicate
        code, ...); the row accounting of each sheet read.

    Raises
    ------
    StructuralError
        Listing every structural problem found: not a workbook, no realisation sheet (the
        message names the sheets and the header to type), a missing column, a formula without
        a cached value, or a subtotal/total/account sum that disagrees with its details.
    """
    del progress
    grids: list[_Grid] = []
    problems: list[Problem] = []
    for path in paths:
        try:
            grids += _grids_of(Path(path), config)
        except StructuralError as exc:
            problems += exc.problems
    if problems:
        raise StructuralError(problems)
    roles, problems, notes = _resolve_sheets(grids, config.tahun)
    for grid in roles.values():
        if grid.path is not None:
            problems += uncached_problems(grid.path, [grid.name])
    if problems:
        raise StructuralError(problems)

    parts = [_read_lra(roles["lra"], roles["lra"].berkas, config.tahun)]
    if "rekap" in roles:
        parts.append(_read_rekap(roles["rekap"], roles["rekap"].berkas))
    if "sasaran" in roles:
        parts.append(_read_sasaran(roles["sasaran"], roles["sasaran"].berkas))
    problems = [p for part in parts for p in part.structural]
    if problems:
        raise StructuralError(problems)
    tables = {name: _frame([], name) for name in COLUMNS}
    tables.update({name: frame for part in parts for name, frame in part.tables.items()})
    notes += [n for part in parts for n in part.notes]
    unknown = sorted(set(tables["peta_sasaran_anggaran"]["kode"]) - set(tables["anggaran"]["kode"]))
    if unknown:
        notes.append(
            f"{roles['sasaran'].berkas}, sheet '{roles['sasaran'].name}': kode sub kegiatan {unknown} "
            f"tidak ada di sheet '{roles['lra'].name}'"
        )
    return ReadResult(
        tables=tables,
        quarantine=quarantine_rows(p for part in parts for p in part.quarantine),
        accounting=[part.accounting for part in parts],
        notes=notes,
        kolom={k: v for part in parts for k, v in part.kolom.items()},
    )


# --------------------------------------------------------------------------- workbook level


def _grids_of(path: Path, config: Config | None = None) -> list[_Grid]:
    """Every sheet of ``path`` as a grid: .xlsx through openpyxl, the rest through calamine/Beautiful Soup.

    The office's declarations for the file (``laporan.yml``, ``pemetaan.anggaran``) travel with
    each grid; the texts it declared as "no value" (``missingValues``) are made empty.
    """
    kind = jenis_berkas(path)
    if kind == XLSX:
        wb = open_workbook(path)
        grids = [_grid(wb[name], path) for name in wb.sheetnames]
    else:
        grids = [
            _join_code_columns(_Grid(s.name, list(map(list, s.rows)), s.covered, *_PLAIN, path.name))
            for s in sheet_nilai(path)
        ]
    if config is None:
        return grids
    out = []
    for grid in grids:
        declared = deklarasi(config, "anggaran", grid.berkas, grid.name)
        rows = tanpa_nilai_kosong(grid.rows, nilai_kosong(declared))
        out.append(replace(grid, rows=rows, deklarasi=declared))
    return out


#: What a sheet is, by its header, in the order tried: the most specific header first.
_ROLES = (("sasaran", "_KOLOM_SASARAN"), ("lra", "_KOLOM_LRA"), ("rekap", "_KOLOM_REKAP"))
#: The header a person types for each kind of sheet, for the message when none is found.
_HEADER_TEXT = {
    "lra": "Kode Rekening | Uraian | Anggaran | Realisasi (dan, bila ada, % atau Sisa)",
    "rekap": "Tahun | Pagu Anggaran | Realisasi | Persentase",
    "sasaran": "No | Dokumen | Sasaran | Kode Sub Kegiatan | Alokasi Anggaran | Realisasi Anggaran",
}


def _role_of(grid: _Grid) -> str | None:
    """The kind of sheet ``grid`` is by its header: ``lra``, ``rekap``, ``sasaran``, or None."""
    for role, spec in _ROLES:
        try:
            _header(grid, globals()[spec], grid.berkas)
        except StructuralError:
            continue
        if role == "lra" and not _has_sub_kegiatan_code(grid):
            continue
        return role
    return None


def _has_sub_kegiatan_code(grid: _Grid) -> bool:
    return any(
        _KODE_SUB_KEGIATAN.match(text) or _KODE_SUB_KEGIATAN_LAMA.match(text)
        for row in grid.rows
        for value in row[:6]
        if (text := _as_text(value) if not _blank(value) else "")
    )


def _resolve_sheets(grids: list[_Grid], tahun: int) -> tuple[dict[str, _Grid], list[Problem], list[str]]:
    """Sort the sheets by what they hold; one realisation sheet is required, the others optional."""
    found: dict[str, list[_Grid]] = {"lra": [], "rekap": [], "sasaran": []}
    notes: list[str] = []
    for grid in grids:
        role = _role_of(grid)
        if role is None:
            if normalise_label(grid.name) not in _KNOWN_EXTRA_SHEETS:
                notes.append(
                    f"{grid.berkas}: sheet '{grid.name}' tidak dikenali sebagai tabel anggaran, diabaikan"
                )
            continue
        found[role].append(grid)
    roles: dict[str, _Grid] = {}
    problems: list[Problem] = []
    lra = found["lra"]
    if len(lra) > 1:  # several years' LRA in one workbook: the report year's, by name or title
        of_year = [g for g in lra if str(tahun) in g.name or _title_year(g, len(g.rows)) == tahun]
        lra = of_year if len(of_year) == 1 else lra
    if len(lra) == 1:
        roles["lra"] = lra[0]
        notes += [
            f"{g.berkas}: sheet '{g.name}' (realisasi tahun lain) diabaikan; dibaca sheet '{lra[0].name}'"
            for g in found["lra"]
            if g is not lra[0]
        ]
    elif not lra:
        problems += _no_lra_problems(grids)
    for role in ("lra", "rekap", "sasaran"):
        if len(found[role]) > 1 and role not in roles:
            listed = ", ".join(f"{g.berkas} sheet '{g.name}'" for g in found[role])
            problems.append(
                Problem(
                    found[role][0].berkas,
                    f"lebih dari satu tabel {_ROLE_NAME[role]}: {listed}; sisakan satu",
                )
            )
        elif len(found[role]) == 1:
            roles[role] = found[role][0]
    for role in ("rekap", "sasaran"):
        if not found[role]:
            notes.append(
                f"tabel {_ROLE_NAME[role]} tidak ada di berkas anggaran; {_WITHOUT[role]} "
                f"(judul kolomnya: {_HEADER_TEXT[role]})"
            )
    return roles, problems, notes


_ROLE_NAME = {
    "lra": "realisasi anggaran per sub kegiatan",
    "rekap": "rekap anggaran tahun sebelumnya",
    "sasaran": "anggaran per sasaran",
}
_WITHOUT = {
    "rekap": "tren anggaran tahun-tahun sebelumnya tidak dapat disajikan",
    "sasaran": "anggaran per sasaran (Tabel kinerja dan anggaran per sasaran) tidak dapat disajikan",
}
_KNOWN_EXTRA_SHEETS = frozenset({"keterangan"})
#: What a sheet read by calamine or from HTML does not carry: percent formats, hidden rows, formats.
_PLAIN: tuple = (frozenset(), (), {})


def _no_lra_problems(grids: list[_Grid]) -> list[Problem]:
    """No sheet holds the realisation per sub kegiatan: say what was found and what to type.

    The sheet that looks most like it (named LRA, or with most of the header words) gets the
    header finder's own message (which columns are missing, which are there).
    """
    if not grids:
        return [Problem("realisasi-anggaran", "tidak ada berkas anggaran untuk dibaca")]
    named = [g for g in grids if normalise_label(g.name).startswith("lra")]
    candidates = named or grids
    best = max(candidates, key=_header_hits)
    detail: list[Problem] = []
    if _header_hits(best):
        try:
            _header(best, _KOLOM_LRA, best.berkas)
        except StructuralError as exc:
            detail = [_with_labels(p, best) for p in exc.problems]
    listed = ", ".join(f"'{g.name}'" for g in grids)
    hint = Problem(
        best.berkas,
        "tidak ada sheet realisasi anggaran per sub kegiatan (sheet yang ada: "
        f"{listed}). Diharapkan baris judul kolom {_HEADER_TEXT['lra']}, dengan kode sub kegiatan "
        "seperti 4.01.01.2.13.0001, atau tabel RFK (Kode | ... | DPA | Realisasi Keuangan). "
        "Jalankan `python -m lkjip kenali` untuk melihat apa yang dikenali dari berkas ini",
    )
    return [*detail, hint]


def _header_hits(grid: _Grid) -> int:
    wanted = {k.kunci[0][0] for k in _KOLOM_LRA}
    return max(
        (len(wanted & {_canonical(v) for v in row}) for row in grid.rows[:30]),
        default=0,
    )


@dataclass(frozen=True)
class _Grid:
    """A sheet's values with merged ranges resolved, and what plain values cannot show."""

    name: str
    rows: list[list[object]]
    #: 0-based (row, col) covered by a merged range but not its top-left cell.
    continuation: frozenset[tuple[int, int]]
    #: 0-based (row, col) of numbers shown with a percent format (stored as a fraction).
    percent_cells: frozenset[tuple[int, int]]
    #: Excel row numbers that are hidden.
    hidden: tuple[int, ...]
    #: 0-based (row, col) -> number format of each cell holding a number (what it shows).
    number_formats: dict[tuple[int, int], str] = field(default_factory=dict)
    #: The file the sheet belongs to, as messages name it.
    berkas: str = ""
    #: The .xlsx file, for the check of formulas without a cached value (None for other files).
    path: Path | None = None
    #: The office's declarations for this file and sheet (``pemetaan.anggaran``).
    deklarasi: BerkasPemetaan | None = None

    def text(self, r: int, c: int | None) -> str:
        """The cell as text, merged ranges filled from their top-left cell ('' when blank)."""
        if c is None or c >= len(self.rows[r]) or _blank(self.rows[r][c]):
            return ""
        return _as_text(self.rows[r][c])

    def value(self, r: int, c: int | None) -> object:
        """The cell's own value: a merged range's value belongs to its top-left cell only,
        so that one amount is never counted on several rows."""
        if c is None or c >= len(self.rows[r]) or (r, c) in self.continuation:
            return None
        return self.rows[r][c]

    def own_blank(self, r: int) -> bool:
        return all(_blank(v) or (r, c) in self.continuation for c, v in enumerate(self.rows[r]))

    def blank(self, r: int) -> bool:
        return all(_blank(v) for v in self.rows[r])


def _grid(ws: Worksheet, path: Path) -> _Grid:
    n_rows, n_cols = ws.max_row, ws.max_column
    rows: list[list[object]] = []
    percent: set[tuple[int, int]] = set()
    formats: dict[tuple[int, int], str] = {}
    cells = ws.iter_rows(min_row=1, max_row=n_rows, min_col=1, max_col=n_cols)
    for r, row in enumerate(cells):
        rows.append([cell.value for cell in row])
        for c, cell in enumerate(row):
            if _is_number(cell.value):
                formats[(r, c)] = cell.number_format or ""
                if "%" in formats[(r, c)]:
                    percent.add((r, c))
    continuation: set[tuple[int, int]] = set()
    for rng in ws.merged_cells.ranges:
        anchor = rows[rng.min_row - 1][rng.min_col - 1]
        for r in range(rng.min_row - 1, min(rng.max_row, n_rows)):
            for c in range(rng.min_col - 1, min(rng.max_col, n_cols)):
                if (r, c) != (rng.min_row - 1, rng.min_col - 1):
                    rows[r][c] = anchor
                    continuation.add((r, c))
    hidden = tuple(sorted(r for r, dim in ws.row_dimensions.items() if dim.hidden and 1 <= r <= n_rows))
    return _join_code_columns(
        _Grid(ws.title, rows, frozenset(continuation), frozenset(percent), hidden, formats, path.name, path)
    )


def _join_code_columns(grid: _Grid) -> _Grid:
    """The RFK layout: a code spread over several columns under one merged ``Kode`` header.

    The RFK table of the SIPD companion tools prints urusan, bidang, program, kegiatan and sub
    kegiatan in five columns (``4 | 01 | 01 | 2.13 | 0001``). Each row's parts are joined into
    the first of them (``4.01.01.2.13.0001``), which then reads as the ``Kode Rekening`` of the
    SIPD export; the other code columns are emptied, so every column keeps its Excel letter in
    the messages. A grid without such a header is returned as it is.
    """
    for h, row in enumerate(grid.rows[:30]):
        folded = [normalise_label(v) for v in row]
        cols = [c for c, f in enumerate(folded) if f == "kode"]
        if len(cols) < 2 or cols != list(range(cols[0], cols[0] + len(cols))):
            continue
        if not any(_canonical(v) == "realisasi" for v in row):
            continue
        rows = [list(r) for r in grid.rows]
        rows[h][cols[0]] = "Kode Rekening"
        for c in cols[1:]:
            rows[h][c] = None
        for r in range(h + 1, len(rows)):
            parts = [_as_text(rows[r][c]) for c in cols if c < len(rows[r]) and not _blank(rows[r][c])]
            start = int(parts[0]) if parts and parts[0].isdigit() else None
            numbers = [] if start is None else [str(start + i) for i in range(len(parts))]
            if not parts or (len(parts) > 1 and parts == numbers):
                continue  # a blank code, or the row of column numbers under the header
            code = parts[0]
            for part in parts[1:]:
                code = part if part.startswith(f"{code}.") else f"{code}.{part}"
            rows[r][cols[0]] = code
            for c in cols[1:]:
                if c < len(rows[r]):
                    rows[r][c] = None
        return replace(grid, rows=rows)
    return grid


# --------------------------------------------------------------------------- cells and rows


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _as_text(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return " ".join(str(value).replace("\u00a0", " ").split())


def _first_text(grid: _Grid, r: int) -> str:
    return next((grid.text(r, c) for c in range(len(grid.rows[r])) if grid.text(r, c)), "")


def _is_signature(text: str) -> bool:
    return bool(_TANDA_TANGAN.match(text.lower()))


def _is_column_numbers(grid: _Grid, r: int) -> bool:
    """The "1 2 3 4 ..." row many exports print under the header."""
    own = [grid.text(r, c) for c in range(len(grid.rows[r])) if grid.value(r, c) is not None]
    own = [t for t in own if t]
    return len(own) >= 3 and own[:3] == ["1", "2", "3"]


def _canonical(value: object) -> str:
    label = re.sub(r"\s*\([^)]*\)$", "", normalise_label(value))
    return _ALIAS.get(label, label)


def _rupiah(amount: float) -> str:
    """Money in a message, Indonesian style with its cents when it has any: ``-Rp1.500,5``."""
    return ("-" if amount < 0 else "") + "Rp" + fmt.angka_ringkas(abs(amount), 2)


@dataclass
class _Header:
    """Where the header is and which 0-based column holds each clean column."""

    top: int  # 0-based row of the (first) header row
    data_start: int  # 0-based row where the data area starts
    columns: dict[str, int]
    labels: dict[str, str]  # clean name -> "C (Anggaran)" for messages

    def kolom(self, nama: str) -> str:
        return self.labels[nama]


def _header(grid: _Grid, spec: list[_Kolom], berkas: str) -> _Header:
    """Locate the header by its labels, with an optional second row of units (Rp / %).

    Header rows the office declared for the file (``headerRows``, at most two: the labels and
    their units) are used as declared; a declared label (``kolom``) reads as the column it names.
    """
    declared = grid.deklarasi
    own = {_canonical(k): _canonical(v) for k, v in (declared.kolom if declared else {}).items()}
    canonical = [[own.get(c, c) for c in map(_canonical, row)] for row in grid.rows]
    # find_header_row folds labels itself; title case only makes its message readable.
    required = [k.kunci[0][0].title() for k in spec if k.wajib]
    rows = declared.header_rows if declared is not None else None
    try:
        if rows:
            top = rows[0] - 1
            find_header_row(canonical[top : top + 1], required, berkas=berkas, sheet=grid.name)
        else:
            top = find_header_row(canonical, required, berkas=berkas, sheet=grid.name)
    except StructuralError as exc:
        if rows:
            exc = StructuralError([replace(p, baris=top + 1) for p in exc.problems])
        raise StructuralError([_with_labels(p, grid) for p in exc.problems]) from None
    sub = top + 1 if top + 1 < len(grid.rows) else None
    if rows:
        sub = top + 1 if len(rows) > 1 and sub is not None else None
    elif sub is not None and not any(
        normalise_label(grid.value(sub, c)) in {"rp", "%", "rupiah", "persen"}
        for c in range(len(grid.rows[sub]))
    ):
        sub = None
    keys = {}
    for c in range(len(grid.rows[top])):
        sub_label = normalise_label(grid.value(sub, c)) if sub is not None else ""
        keys[c] = (canonical[top][c], sub_label)
    columns, labels, problems = {}, {}, []
    rows_text = f"{top + 1}-{sub + 1}" if sub is not None else f"{top + 1}"
    for kolom in spec:
        hits = [c for c, key in keys.items() if key in kolom.kunci]
        if len(hits) > 1:
            letters = ", ".join(column_label(c) for c in hits)
            problems.append(
                Problem(
                    berkas,
                    f"kolom '{kolom.label}' muncul lebih dari sekali ({letters})",
                    sheet=grid.name,
                    baris=top + 1,
                )
            )
        elif hits:
            c = hits[0]
            shown = grid.text(top, c)
            if sub is not None and grid.value(sub, c) is not None:
                shown = f"{shown} {grid.text(sub, c)}"
            columns[kolom.nama] = c
            labels[kolom.nama] = column_label(c, shown)
        elif kolom.wajib:
            problems.append(
                Problem(
                    berkas,
                    f"kolom wajib '{kolom.label}' tidak ditemukan pada baris judul {rows_text}",
                    sheet=grid.name,
                    baris=top + 1,
                )
            )
    if problems:
        raise StructuralError(problems)
    return _Header(top, (sub if sub is not None else top) + 1, columns, labels)


def _with_labels(problem: Problem, grid: _Grid) -> Problem:
    """Add the labels actually present, with their columns, so a typo can be spotted."""
    if problem.baris is None:
        return problem
    r = problem.baris - 1
    present = ", ".join(
        column_label(c, grid.text(r, c))
        for c in range(len(grid.rows[r]))
        if grid.value(r, c) is not None and grid.text(r, c)
    )
    return Problem(
        problem.berkas,
        f"{problem.pesan}; judul yang ada: {present}",
        sheet=problem.sheet,
        baris=problem.baris,
        kolom=problem.kolom,
    )


@dataclass
class _Part:
    """What reading one sheet gives."""

    tables: dict[str, pd.DataFrame] = field(default_factory=dict)
    quarantine: list[Problem] = field(default_factory=list)
    structural: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    accounting: RowAccounting | None = None
    kolom: ColumnPlaces = field(default_factory=dict)


class _Rows:
    """Row bookkeeping of one sheet: every Excel row ends kept, quarantined or skipped."""

    def __init__(self, grid: _Grid, berkas: str):
        self.grid, self.berkas = grid, berkas
        self.skipped: Counter = Counter()
        self.problems: list[Problem] = []  # row-level: the row goes to quarantine
        self.structural: list[Problem] = []  # the sheet cannot be trusted

    def skip(self, reason: str) -> None:
        self.skipped[reason] += 1

    def problem(self, r: int, pesan: str, kolom: str | None = None, nilai: object = None) -> None:
        self.problems.append(
            Problem(self.berkas, pesan, sheet=self.grid.name, baris=r + 1, kolom=kolom, nilai=nilai)
        )

    def printed_percent(self, r: int, header: _Header, kolom: str, nama: str) -> dict:
        """The printed percentage ``kolom`` of row ``r`` as ``nama``, the decimals it shows, and
        where the row is (``berkas``, ``sheet``, ``baris``): the end of every record."""
        c = header.columns.get(kolom)
        return {
            nama: self.number(r, c, header.labels.get(kolom, ""), percent=True),
            "desimal_tercetak": self.decimals(r, c),
            "berkas": self.berkas,
            "sheet": self.grid.name,
            "baris": r + 1,
        }

    def number(
        self, r: int, c: int | None, kolom: str, *, percent: bool = False, check: bool = False
    ) -> float | None:
        """Parse one numeric cell; a non-number is recorded as a problem and gives None.

        In a check row (subtotal, totals) the problem is structural: the check cannot be made.
        """
        if c is not None and (r, c) in self.grid.continuation and not check:
            # Only the top-left cell of a merged range holds the amount: this row would read blank.
            self.problem(
                r,
                "sel bagian dari sel gabungan: nilainya hanya tertulis di sel kiri-atas rentang itu, "
                "sel ini terbaca kosong; diharapkan angka di setiap baris (pisahkan sel gabungan)",
                kolom,
            )
            return None
        value = self.grid.value(r, c)
        try:
            number = parse_number(value)
        except NumberParseError as exc:
            problem = Problem(
                self.berkas,
                f"bukan angka: {exc}",
                sheet=self.grid.name,
                baris=r + 1,
                kolom=kolom,
                nilai=value,
            )
            (self.structural if check else self.problems).append(problem)
            return None
        if number is not None and percent and (r, c) in self.grid.percent_cells:
            # Shown as "72,86%" but stored as 0.7286: percentages are kept as percent numbers.
            number = round(number * 100, 10)
        return number

    def decimals(self, r: int, c: int | None) -> int | None:
        """Decimals the cell shows (its text, or its number format), for the reviu."""
        return cell_decimals(self.grid.value(r, c), self.grid.number_formats.get((r, c)))

    def bad_rows(self) -> set[int]:
        return {p.baris for p in self.problems}

    def accounting(self, kept: int) -> RowAccounting:
        acc = RowAccounting(
            self.berkas,
            self.grid.name,
            dibaca=len(self.grid.rows),
            disimpan=kept,
            dikarantina=len(self.bad_rows()),
        )
        for reason, count in self.skipped.items():
            acc.skip(reason, count)
        return acc


def _skip_outside_data(rows: _Rows, header: _Header) -> None:
    for r in range(header.data_start):
        if rows.grid.blank(r):
            rows.skip("kosong")
        else:
            rows.skip("judul kolom" if r >= header.top else "judul")


def _start(grid: _Grid, spec: list[_Kolom], berkas: str) -> tuple[_Part, _Header | None, _Rows]:
    """What every sheet begins with: the header found by its labels, the rows above it counted.

    A header that cannot be found leaves ``header`` None and its problems in ``part.structural``.
    """
    part = _Part()
    rows = _Rows(grid, berkas)
    try:
        header = _header(grid, spec, berkas)
    except StructuralError as exc:
        part.structural += exc.problems
        return part, None, rows
    _skip_outside_data(rows, header)
    part.kolom = {
        (berkas, grid.name, clean, None): header.labels[source]
        for clean, source in _SOURCE_OF.items()
        if source in header.labels
    }
    return part, header, rows


def _common_skip(rows: _Rows, r: int) -> bool:
    """Skip blank and merge-continuation rows; True when the row was skipped."""
    if rows.grid.blank(r):
        rows.skip("kosong")
    elif rows.grid.own_blank(r):
        rows.skip("sel gabungan")
    else:
        return False
    return True


def _frame(records: list[dict], name: str) -> pd.DataFrame:
    """Build a clean table with the contract's column order and dtypes."""
    columns = COLUMNS[name]
    data = {}
    for col in columns:
        values = [rec[col] for rec in records]
        if col in _TEXT:
            data[col] = pd.array(values, dtype=pd.StringDtype())
        elif col in _INTEGER:
            data[col] = pd.array(values, dtype="Int64")
        elif col == "baris":
            data[col] = pd.array(values, dtype="int64")
        else:
            data[col] = pd.array([float("nan") if v is None else v for v in values], dtype="float64")
    return pd.DataFrame(data, columns=columns)


def _shared_codes(peta: pd.DataFrame) -> str:
    """The sub-kegiatan that fund more than one sasaran of a dokumen, in words ('' when none).

    Examples
    --------
    >>> peta = pd.DataFrame({"dokumen": ["PK"] * 4, "no_sasaran": [1, 1, 2, 3],
    ...                      "kode": ["a", "b", "a", "b"]})
    >>> _shared_codes(peta)
    'sub kegiatan a (sasaran 1, 2) dan b (sasaran 1, 3)'
    >>> _shared_codes(peta.iloc[:2])
    ''
    """
    groups = peta.groupby(["dokumen", "kode"], sort=True)["no_sasaran"].unique()
    parts = [
        f"{kode} (sasaran {', '.join(str(n) for n in sorted(nomor))})"
        for (_, kode), nomor in groups.items()
        if len(nomor) > 1
    ]
    if not parts:
        return ""
    return "sub kegiatan " + daftar_kata(parts)


def _validated(frame: pd.DataFrame, schema, header: _Header, rows: _Rows, part: _Part) -> pd.DataFrame:
    """Run the contract; failing rows join the sheet's quarantine, the rest is the table."""
    # Clean columns named after the export's columns, so messages show "C (Anggaran)".
    headers = {
        clean: header.labels[source] for clean, source in _SOURCE_OF.items() if source in header.labels
    }
    _, row_problems, table_problems = validate(frame, schema, headers=headers)
    rows.problems += row_problems
    part.structural += table_problems
    return frame[~frame["baris"].isin(rows.bad_rows())].reset_index(drop=True)


def _sum_problem(
    rows: _Rows, r: int, kolom: str, printed: float | None, details: list[float | None], what: str
) -> None:
    if printed is None:
        return
    computed = sum(v for v in details if v is not None)
    if abs(printed - computed) > TOLERANSI_RUPIAH:
        rows.structural.append(
            Problem(
                rows.berkas,
                f"{what} tidak sama dengan jumlah rinciannya: tercetak {_rupiah(printed)}, "
                f"dihitung {_rupiah(computed)} (selisih {_rupiah(printed - computed)})",
                sheet=rows.grid.name,
                baris=r + 1,
                kolom=kolom,
                nilai=printed,
            )
        )


# --------------------------------------------------------------------------- sheet readers


def _read_lra(grid: _Grid, berkas: str, tahun_config: int) -> _Part:
    part, header, rows = _start(grid, _KOLOM_LRA, berkas)
    if header is None:
        return part
    col = header.columns

    tahun = _title_year(grid, header.top)
    if tahun is None:
        tahun = tahun_config
    elif tahun != tahun_config:
        part.notes.append(
            f"{berkas}, sheet '{grid.name}': tahun pada judul ({tahun}) berbeda "
            f"dari tahun laporan ({tahun_config})"
        )

    details: list[dict] = []
    subtotals: list[tuple[int, str, str, float | None, float | None]] = []
    totals: list[tuple[int, float | None, float | None]] = []
    after_total = False
    column_numbers_seen = False
    current: dict | None = None  # the sub kegiatan whose belanja accounts follow
    accounts: dict[int, list[tuple[int, str, float | None, float | None]]] = {}
    old_style: list[tuple[int, str, str]] = []
    codes = [grid.text(r, col["kode"]) for r in range(len(grid.rows))]
    for r in range(header.data_start, len(grid.rows)):
        if _common_skip(rows, r):
            continue
        kode, uraian = grid.text(r, col["kode"]), grid.text(r, col["uraian"])
        label = normalise_label(kode or uraian)
        if old := _KODE_SUB_KEGIATAN_LAMA.match(kode):
            old_style.append((r, kode, f"{old.group(1)}.{int(old.group(2)):04d}"))
            kode = old_style[-1][2]
        if not column_numbers_seen and _is_column_numbers(grid, r):
            column_numbers_seen = True
            rows.skip("nomor kolom")
        elif label.startswith(("jumlah", "total")):
            after_total = True
            totals.append(
                (
                    r,
                    rows.number(r, col["anggaran"], header.kolom("anggaran"), check=True),
                    rows.number(r, col["realisasi"], header.kolom("realisasi"), check=True),
                )
            )
            rows.skip("total")
            current = None
        elif _KODE_SUB_KEGIATAN.match(kode):
            before = len(rows.problems)
            record = {
                "tahun": tahun,
                "kode": kode,
                "kode_kegiatan": kode.rsplit(".", 1)[0],
                "kegiatan": None,
                "uraian": uraian or None,
                "anggaran": rows.number(r, col["anggaran"], header.kolom("anggaran")),
                "realisasi": rows.number(r, col["realisasi"], header.kolom("realisasi")),
                **rows.printed_percent(r, header, "persen", "persen_tercetak"),
            }
            record["_ok"] = len(rows.problems) == before
            details.append(record)
            current = record
        elif current is not None and _is_account(kode, uraian, codes[r + 1 :]):
            # Detail of the sub kegiatan above: summed and checked against it, never a table row.
            accounts.setdefault(current["baris"], []).append(
                (
                    r,
                    kode,
                    rows.number(r, col["anggaran"], header.kolom("anggaran"), check=True),
                    rows.number(r, col["realisasi"], header.kolom("realisasi"), check=True),
                )
            )
            rows.skip("rekening belanja")
        elif _KODE_HIERARKI.match(kode):
            current = None
            anggaran = rows.number(r, col["anggaran"], header.kolom("anggaran"), check=True)
            realisasi = rows.number(r, col["realisasi"], header.kolom("realisasi"), check=True)
            subtotals.append((r, kode, uraian, anggaran, realisasi))
            rows.skip("subtotal")
        elif (after_total and not kode) or _is_signature(_first_text(grid, r)):
            rows.skip("tanda tangan")
        elif not kode:
            rows.problem(r, "baris data tanpa kode rekening", header.kolom("kode"), uraian or None)
        else:
            rows.problem(
                r,
                "format kode rekening tidak dikenal (contoh sub kegiatan: 4.01.01.2.13.0001)",
                header.kolom("kode"),
                kode,
            )

    if old_style:
        shown = ", ".join(f"{a} -> {b} (baris {r + 1})" for r, a, b in old_style[:5])
        more = f" dan {len(old_style) - 5} lainnya" if len(old_style) > 5 else ""
        part.notes.append(
            f"{berkas}, sheet '{grid.name}': {len(old_style)} kode sub kegiatan bergaya lama (dua angka) "
            f"dibaca dalam bentuk empat angka: {shown}{more}"
        )
    _check_accounts(rows, header, details, accounts, part)
    kegiatan_names = {kode: uraian for _, kode, uraian, _, _ in subtotals if uraian}
    seen: dict[str, int] = {}
    for record in details:
        record["kegiatan"] = kegiatan_names.get(record["kode_kegiatan"])
        first = seen.setdefault(record["kode"], record["baris"])
        if first != record["baris"]:
            for baris in (first, record["baris"]):
                rows.problem(
                    baris - 1,
                    f"kode rekening ganda (baris {first} dan {record['baris']})",
                    header.kolom("kode"),
                    record["kode"],
                )
    parsed = [d for d in details if d.pop("_ok")]
    frame = _frame([d for d in parsed if d["baris"] not in rows.bad_rows()], "anggaran")
    valid = _validated(frame, contracts.Anggaran, header, rows, part)

    # Subtotals and the totals row are checked against their sub-kegiatan, then dropped.
    bad = rows.bad_rows()
    # A quarantined row without a usable code could belong to any group.
    unplaced = bad - {d["baris"] for d in details}
    groups = [(r, f"subtotal {kode}", f"{kode}.", a, b) for r, kode, _, a, b in subtotals]
    groups += [(r, "baris JUMLAH", "", a, b) for r, a, b in totals]
    for r, what, prefix, anggaran, realisasi in groups:
        members = [d for d in details if d["kode"].startswith(prefix)]
        if unplaced or any(d["baris"] in bad for d in members):
            part.notes.append(
                f"{berkas}, sheet '{grid.name}', baris {r + 1}: {what} tidak diperiksa karena "
                "ada sub kegiatan di bawahnya yang dikarantina"
            )
            continue
        _sum_problem(rows, r, header.kolom("anggaran"), anggaran, [d["anggaran"] for d in members], what)
        _sum_problem(rows, r, header.kolom("realisasi"), realisasi, [d["realisasi"] for d in members], what)
    if not totals:
        part.notes.append(
            f"{berkas}, sheet '{grid.name}': baris JUMLAH tidak ditemukan; total tidak dapat diperiksa"
        )
    if grid.hidden:
        part.notes.append(
            f"{berkas}, sheet '{grid.name}': baris tersembunyi tetap dibaca: {list(grid.hidden)}"
        )

    part.structural += rows.structural
    part.tables["anggaran"] = valid
    part.quarantine = rows.problems
    part.accounting = rows.accounting(len(valid))
    return part


def _is_account(kode: str, uraian: str, below: Sequence[str]) -> bool:
    """Whether a row under a sub kegiatan is one of its belanja accounts.

    ``5.1.02`` cannot be a bidang (two digits) or a program, so it is an account; a lone ``5``
    could also open the urusan 5, so it is an account only when it says so (``Belanja ...``)
    or the next coded row is an account of the second level (``5.1``).
    """
    if not _KODE_AKUN.match(kode):
        return False
    if "." in kode or _URAIAN_AKUN.match(uraian):
        return True
    following = next((c for c in below if c), "")
    return bool(re.match(r"^\d\.\d(\.|$)", following))


def _check_accounts(
    rows: _Rows, header: _Header, details: list[dict], accounts: dict, part: _Part
) -> None:
    """Each sub kegiatan against its belanja accounts, and each account against its own.

    The accounts of the highest level under a sub kegiatan (usually ``5``) add up to it; an
    account with accounts one level below (``5.1`` under ``5``) equals their sum. A difference
    is structural, as for the subtotals: the export cannot be trusted.
    """
    by_row = {d["baris"]: d for d in details}
    for baris, found in accounts.items():
        record = by_row[baris]
        if not record["_ok"]:
            part.notes.append(
                f"{rows.berkas}, sheet '{rows.grid.name}', baris {baris}: rekening belanja sub kegiatan "
                f"{record['kode']} tidak diperiksa karena sub kegiatannya dikarantina"
            )
            continue
        depth = {kode: kode.count(".") for _, kode, _, _ in found}
        top = min(depth.values())
        highest = [a for a in found if depth[a[1]] == top]
        groups = [(baris - 1, f"sub kegiatan {record['kode']}", record, highest)]
        for r, kode, anggaran, realisasi in found:
            children = [a for a in found if depth[a[1]] == depth[kode] + 1 and a[1].startswith(f"{kode}.")]
            if children:
                amounts = {"anggaran": anggaran, "realisasi": realisasi}
                groups.append((r, f"rekening {kode}", amounts, children))
        for r, what, parent, children in groups:
            for kolom, i in (("anggaran", 2), ("realisasi", 3)):
                _sum_problem(
                    rows, r, header.kolom(kolom), parent[kolom], [c[i] for c in children], f"{what} ({kolom})"
                )


def _title_year(grid: _Grid, header_top: int) -> int | None:
    for r in range(header_top):
        for c in range(len(grid.rows[r])):
            match = _TAHUN_JUDUL.search(grid.text(r, c))
            if match:
                return int(match.group(1))
    return None


def _skip_note_rows(rows: _Rows, r: int) -> bool:
    """Skip totals, notes and signature rows of the office's own tables."""
    first = normalise_label(_first_text(rows.grid, r))
    if first.startswith(("jumlah", "total", "rata-rata")):
        rows.skip("total")
    elif first.startswith(("sumber", "catatan", "keterangan", "ket.", "ket:")):
        rows.skip("catatan")
    elif _is_signature(first):
        rows.skip("tanda tangan")
    else:
        return False
    return True


def _integer(rows: _Rows, r: int, c: int, kolom: str, check: Callable[[int], bool], pesan: str) -> int | None:
    value = rows.grid.value(r, c)
    text = rows.grid.text(r, c)
    if not text:
        rows.problem(r, f"{pesan} kosong", kolom, None)
        return None
    if _is_number(value) and float(value).is_integer() and check(int(value)):
        return int(value)
    if text.isdigit() and check(int(text)):
        return int(text)
    rows.problem(r, f"{pesan} tidak valid", kolom, value)
    return None


def _read_rekap(grid: _Grid, berkas: str) -> _Part:
    part, header, rows = _start(grid, _KOLOM_REKAP, berkas)
    if header is None:
        return part
    col = header.columns
    records = []
    for r in range(header.data_start, len(grid.rows)):
        if _common_skip(rows, r) or _skip_note_rows(rows, r):
            continue
        before = len(rows.problems)
        record = {
            "tahun": _integer(
                rows, r, col["tahun"], header.kolom("tahun"), lambda y: 2000 <= y <= 2100, "tahun"
            ),
            "anggaran": rows.number(r, col["anggaran"], header.kolom("anggaran")),
            "realisasi": rows.number(r, col["realisasi"], header.kolom("realisasi")),
            **rows.printed_percent(r, header, "persen", "persen_tercetak"),
        }
        if len(rows.problems) == before:
            records.append(record)
    valid = _validated(_frame(records, "anggaran_riwayat"), contracts.AnggaranRiwayat, header, rows, part)
    part.tables["anggaran_riwayat"] = valid
    part.quarantine = rows.problems
    part.accounting = rows.accounting(len(valid))
    return part


def _read_sasaran(grid: _Grid, berkas: str) -> _Part:
    part, header, rows = _start(grid, _KOLOM_SASARAN, berkas)
    if header is None:
        return part
    col = header.columns
    records, mapping, totals = [], [], []
    old_style: list[int] = []
    for r in range(header.data_start, len(grid.rows)):
        if _common_skip(rows, r):
            continue
        if normalise_label(_first_text(grid, r)).startswith(("jumlah", "total")):
            totals.append(
                (
                    r,
                    rows.number(r, col["alokasi"], header.kolom("alokasi"), check=True),
                    rows.number(r, col["realisasi"], header.kolom("realisasi"), check=True),
                )
            )
            rows.skip("total")
            continue
        if _skip_note_rows(rows, r):
            continue
        before = len(rows.problems)
        dokumen = grid.text(r, col["dokumen"])  # often merged down over its sasaran
        no = _integer(rows, r, col["no"], header.kolom("no"), lambda n: n >= 1, "nomor sasaran")
        codes = [k.strip() for k in _PEMISAH_KODE.split(grid.text(r, col["kode"])) if k.strip()]
        for i, kode in enumerate(codes):
            if old := _KODE_SUB_KEGIATAN_LAMA.match(kode):
                codes[i] = f"{old.group(1)}.{int(old.group(2)):04d}"
                old_style.append(r + 1)
        if not codes:
            rows.problem(r, "kode sub kegiatan kosong", header.kolom("kode"))
        for kode in codes:
            if not _KODE_SUB_KEGIATAN.match(kode):
                rows.problem(
                    r,
                    "kode sub kegiatan tidak sesuai format (contoh: 4.01.01.2.13.0001)",
                    header.kolom("kode"),
                    kode,
                )
        record = {
            "dokumen": dokumen or None,
            "no_sasaran": no,
            "sasaran": grid.text(r, col["sasaran"]) or None,
            "alokasi_tercetak": rows.number(r, col["alokasi"], header.kolom("alokasi")),
            "realisasi_tercetak": rows.number(r, col["realisasi"], header.kolom("realisasi")),
            **rows.printed_percent(r, header, "capaian", "capaian_tercetak"),
        }
        if len(rows.problems) == before:
            records.append(record)
            mapping += [
                {
                    "dokumen": record["dokumen"],
                    "no_sasaran": no,
                    "kode": kode,
                    "berkas": berkas,
                    "sheet": grid.name,
                    "baris": r + 1,
                }
                for kode in codes
            ]
    sasaran = _validated(
        _frame(records, "anggaran_sasaran_tercetak"), contracts.AnggaranSasaranTercetak, header, rows, part
    )
    peta = _validated(
        _frame(mapping, "peta_sasaran_anggaran"), contracts.PetaSasaranAnggaran, header, rows, part
    )
    # A row is quarantined as a whole: drop it from both tables whichever check failed.
    bad = rows.bad_rows()
    sasaran = sasaran[~sasaran["baris"].isin(bad)].reset_index(drop=True)
    peta = peta[~peta["baris"].isin(bad)].reset_index(drop=True)

    if old_style:
        part.notes.append(
            f"{berkas}, sheet '{grid.name}': kode sub kegiatan bergaya lama (dua angka) dibaca dalam "
            f"bentuk empat angka di baris {sorted(set(old_style))}"
        )
    shared = _shared_codes(peta)
    for r, alokasi, realisasi in totals:
        if bad:
            part.notes.append(
                f"{berkas}, sheet '{grid.name}', baris {r + 1}: baris Jumlah tidak "
                "diperiksa karena ada baris yang dikarantina"
            )
            continue
        if shared:
            part.notes.append(
                f"{berkas}, sheet '{grid.name}', baris {r + 1}: baris Jumlah tidak dibandingkan "
                f"dengan jumlah baris sasaran karena {shared} mendanai lebih dari satu sasaran "
                "(anggarannya dihitung penuh pada setiap sasaran itu)"
            )
            continue
        _sum_problem(
            rows,
            r,
            header.kolom("alokasi"),
            alokasi,
            [rec["alokasi_tercetak"] for rec in records],
            "baris Jumlah",
        )
        _sum_problem(
            rows,
            r,
            header.kolom("realisasi"),
            realisasi,
            [rec["realisasi_tercetak"] for rec in records],
            "baris Jumlah",
        )
    part.structural += rows.structural
    part.tables["anggaran_sasaran_tercetak"] = sasaran
    part.tables["peta_sasaran_anggaran"] = peta
    part.quarantine = rows.problems
    part.accounting = rows.accounting(len(sasaran))
    return part
