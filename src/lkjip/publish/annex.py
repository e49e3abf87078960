"""The Excel annex ``lampiran-tabel-<tahun>.xlsx``: each report table on its own sheet."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from lkjip.core.config import Config
from lkjip.core.na import is_na
from lkjip.report.tabel_laporan import Jenis, TabelLaporan

#: Excel number formats by kind of value. ``[$-421]`` is the Indonesian locale id, so that
#: Excel shows these with a decimal comma and a thousands dot; the cells stay numeric.
NUMBER_FORMATS = {
    "rupiah": "[$Rp-421]#,##0",
    "persen": '[$-421]#,##0.00" %"',
    "nilai": "[$-421]#,##0.00",
    "nilai1": "[$-421]#,##0.0",
    "bilangan": "[$-421]#,##0",
    "tanggal": "[$-421]d mmmm yyyy",
}

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_SHEET_NAME_BAD = re.compile(r"[\[\]:*?/\\]")
_HEADER_FILL = PatternFill("solid", fgColor="DDE7F0")


@dataclass(frozen=True)
class AnnexSheet:
    """One report table for the annex.

    ``formats`` maps a column to a key of :data:`NUMBER_FORMATS`; other columns are text.
    """

    name: str
    title: str
    frame: pd.DataFrame
    formats: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class AnnexCover:
    """What the cover sheet says: title, institution, year, and the inputs with checksums."""

    judul: str
    instansi: str
    tahun: int
    masukan: dict[str, str]  # file -> SHA-256
    dibuat: dt.datetime


def put(ws, row: int, column: int, value: object):
    """Write ``value`` into a cell so that Excel can never run a text as a formula.

    openpyxl turns any string starting with ``=`` into a formula; a text starting with ``=``,
    ``+``, ``-``, ``@`` (or a tab/return) is therefore forced to a string cell with Excel's
    own "quote prefix" style, which is how Excel marks a typed ``'=...``: shown as text, kept
    as text when edited, and the visible value stays exactly the unit's name.
    """
    cell = ws.cell(row, column)
    cell.value = value
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        cell.data_type = "s"
        cell.quotePrefix = True
    return cell


def _sheet_name(name: str, used: set[str]) -> str:
    base = _SHEET_NAME_BAD.sub("-", name)[:31] or "Tabel"
    candidate, n = base, 2
    while candidate.lower() in used:
        suffix = f" ({n})"
        candidate, n = base[: 31 - len(suffix)] + suffix, n + 1
    used.add(candidate.lower())
    return candidate


def _cell_value(value: object) -> object:
    if is_na(value):
        return None
    if isinstance(value, pd.Timestamp):
        return value.to_pydatetime()
    if hasattr(value, "item") and not isinstance(value, str):
        return value.item()  # numpy scalar -> Python
    return value


def _autosize(ws, widths: Sequence[int]) -> None:
    for i, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = max(8, min(60, width + 2))


def write_annex(path: Path, cover: AnnexCover, sheets: Sequence[AnnexSheet]) -> Path:
    """Write the annex workbook.

    Parameters
    ----------
    path : Path
        Target ``.xlsx`` file (its folder is created).
    cover : AnnexCover
        Title, institution, year, input checksums and build time for the cover sheet.
    sheets : sequence of AnnexSheet
        The report tables, in report order.

    Returns
    -------
    Path
        ``path``.
    """
    wb = Workbook()
    ws = wb.active
    ws.title = "Sampul"
    put(ws, 1, 1, cover.judul).font = Font(bold=True, size=14)
    rows = [
        ("Instansi", cover.instansi),
        ("Tahun laporan", cover.tahun),
        ("Dibuat", cover.dibuat.strftime("%Y-%m-%d %H:%M:%S")),
        ("", ""),
        ("Berkas masukan", "SHA-256"),
    ]
    for offset, (key, value) in enumerate(rows, start=3):
        put(ws, offset, 1, key).font = Font(bold=True)
        put(ws, offset, 2, value)
    start = 3 + len(rows)
    for i, (name, digest) in enumerate(sorted(cover.masukan.items())):
        put(ws, start + i, 1, name)
        put(ws, start + i, 2, digest)
    list_start = start + len(cover.masukan) + 1
    ws.cell(list_start, 1, "Daftar tabel").font = Font(bold=True)
    _autosize(ws, [40, 70])

    used = {"sampul"}
    for i, sheet in enumerate(sheets, start=1):
        name = _sheet_name(sheet.name, used)
        put(ws, list_start + i, 1, name)
        put(ws, list_start + i, 2, sheet.title)
        _write_sheet(wb.create_sheet(name), sheet)
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    return path


def _write_sheet(ws, sheet: AnnexSheet) -> None:
    put(ws, 1, 1, sheet.title).font = Font(bold=True, size=12)
    header_row = 3
    columns = list(sheet.frame.columns)
    widths = [len(str(c)) for c in columns]
    for j, column in enumerate(columns, start=1):
        cell = put(ws, header_row, j, str(column))
        cell.font = Font(bold=True)
        cell.fill = _HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for i, row in enumerate(sheet.frame.itertuples(index=False), start=header_row + 1):
        for j, (column, value) in enumerate(zip(columns, row, strict=True), start=1):
            cell = put(ws, i, j, _cell_value(value))
            kind = sheet.formats.get(column)
            if kind and isinstance(cell.value, int | float):
                cell.number_format = NUMBER_FORMATS[kind]
            elif isinstance(cell.value, str):
                cell.alignment = Alignment(wrap_text=len(cell.value) > 60, vertical="top")
            shown = len(str(cell.value)) if cell.value is not None else 0
            widths[j - 1] = max(widths[j - 1], min(shown, 60))
    ws.freeze_panes = ws.cell(header_row + 1, 1)
    _autosize(ws, widths)


# ---------------------------------------------------------------------- from the report

#: Excel number format key (:data:`NUMBER_FORMATS`) of each column kind; other kinds are text.
_FORMAT_JENIS = {
    Jenis.NOMOR: "bilangan",
    Jenis.BILANGAN: "bilangan",
    Jenis.RUPIAH: "rupiah",
    Jenis.PERSEN: "persen",
    Jenis.DESIMAL: "nilai",
    Jenis.NILAI: "nilai",
    Jenis.NILAI_POLOS: "nilai",
}


def annex_sheets(tabel: Sequence[TabelLaporan]) -> list[AnnexSheet]:
    """The report tables, in report order, as annex sheets named by their number."""
    sheets = []
    for t in tabel:
        formats = {c: _FORMAT_JENIS[k] for c in t.frame.columns if (k := t.jenis_kolom(c)) in _FORMAT_JENIS}
        sheets.append(AnnexSheet(name=t.nomor, title=t.judul, frame=t.frame.copy(), formats=formats))
    return sheets


def annex_cover(config: Config, masukan: dict[str, str], when: dt.datetime) -> AnnexCover:
    """The cover sheet of the report's annex: ``masukan`` is the manifest's file -> SHA-256."""
    return AnnexCover(
        judul=f"Lampiran Tabel Laporan Kinerja {config.instansi.nama_lengkap} Tahun {config.tahun}",
        instansi=config.instansi.nama_lengkap,
        tahun=config.tahun,
        masukan=masukan,
        dibuat=when,
    )
