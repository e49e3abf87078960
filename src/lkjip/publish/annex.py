"""The Excel annex ``lampiran-tabel-<tahun>.xlsx`` and the CSV downloads of the report tables.

Both render :class:`~lkjip.report.tabel_laporan.TabelLaporan`: one sheet (and one CSV) per
report table, named by its number, in report order. Numbers stay numbers, rounded to the
precision the report prints them; the kind of a column decides its Excel number style, one
per kind (rupiah, percent, count, decimal) in the style of ``laporan.yml``. Each sheet prints
as it is: landscape A4, fit to the page width, the header row repeated on every page, wrapped
text with room for its lines, the table's notes and source line under it.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from lkjip.core.config import Config
from lkjip.core.na import is_na
from lkjip.core.teks import neutralise_texts
from lkjip.ingest.parsing import NumberParseError, parse_number
from lkjip.katalog.store import DESIMAL_SALINAN, read_table, write_table
from lkjip.report.bagian import JEJAK_CSV, nama_csv, nama_unduhan
from lkjip.report.jejak import KOLOM_CSV, Butir, baris_jejak
from lkjip.report.tabel_laporan import SATUAN, Jenis, TabelLaporan

#: Headings of the annex's trail sheet for the columns of :data:`JEJAK_CSV`, in its order (the
#: id, which finds the figure on the site, last), and the widest each may print.
JUDUL_JEJAK = {
    "tempat": ("Tempat", 14),
    "baris": ("Baris", 26),
    "kolom": ("Kolom", 14),
    "nilai": ("Nilai Tercetak", 13),
    "uraian": ("Uraian", 28),
    "asal": ("Asal", 11),
    "rumus": ("Rumus", 30),
    "sumber": ("Sumber (berkas, sheet, baris, kolom)", 34),
    "tercetak_di_ekspor": ("Tercetak di Ekspor", 22),
    "reviu": ("Reviu", 18),
    "id": ("ID di Situs", 16),
}

#: Excel number formats by kind of value. ``[$-421]`` is the Indonesian locale id, so that
#: Excel and LibreOffice show these with a decimal comma and a thousands dot; the cells stay
#: numeric. The percent sign follows the number without a space, as ``lkjip.core.fmt`` prints.
NUMBER_FORMATS = {
    "rupiah": '[$-421]"Rp"#,##0',
    "rupiah_laporan": '[$-421]"Rp. "#,##0.00',
    "persen": '[$-421]#,##0.00"%"',
    "nilai": "[$-421]#,##0.00",
    "nilai1": "[$-421]#,##0.0",
    "bilangan": "[$-421]#,##0",
    "tanggal": "[$-421]d mmmm yyyy",
}

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_SHEET_NAME_BAD = re.compile(r"[\[\]:*?/\\]")
_HEADER_FILL = PatternFill("solid", fgColor="DDE7F0")
_THIN = Side(style="thin", color="9E9E9E")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_HEADER_ROW = 3

#: Widths (in characters) of a column: never narrower, never wider.
_MIN_WIDTH, _MAX_TEXT, _MAX_NUMBER = 6, 48, 20

#: Points per printed line of the default 11-point font (Excel's default row height).
_LINE_HEIGHT = 15.0

#: Width of a character of a sheet's title (bold, 12 pt) in column-width units (the width of a
#: digit of the default 11-point font), measured generously: a title estimated too wide only
#: gets an empty column of room beside the table, one estimated too narrow wraps.
_TITLE_CHAR = 1.25

#: Column-width units across the printable width of a landscape A4 page at 100 % (29,7 cm less
#: the 0,5 inch margins, about 0,19 cm per unit): a title longer than this wraps.
_PAGE_UNITS = 140

#: Page margins in inches. The footer ("Halaman n dari N") is printed between ``footer`` and
#: ``bottom`` from the bottom edge; LibreOffice makes that gap the footer's height and clips
#: what does not fit in it, so it holds a line of the footer's type with room to spare.
_MARGINS = {"left": 0.5, "right": 0.5, "top": 0.6, "bottom": 0.9, "header": 0.3, "footer": 0.35}


@dataclass(frozen=True)
class AnnexSheet:
    """One report table for the annex.

    ``formats`` maps a column to a key of :data:`NUMBER_FORMATS` (or an Excel format code),
    or to one such per row (indicator values whose unit changes from row to row); other
    columns are text. ``notes`` are printed under the table (the source line among them).
    """

    name: str
    title: str
    frame: pd.DataFrame
    formats: Mapping[str, str | Sequence[str | None]] = field(default_factory=dict)
    notes: tuple[str, ...] = ()
    #: Column -> the widest it may be (characters), for a sheet of long texts (the trails).
    lebar: Mapping[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class AnnexCover:
    """What the cover sheet says: title, institution, year, and the inputs with checksums."""

    judul: str
    instansi: str
    tahun: int
    masukan: dict[str, str]  # file -> SHA-256
    #: When the data step processed these inputs (the manifest's ``dibuat``): the annex is a
    #: function of them, so a rebuild from the same data writes the same annex.
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


def _lines(text: str, width: float) -> int:
    """Printed lines of ``text`` wrapped at ``width`` characters (Excel wraps at word breaks)."""
    width = max(int(width), 1)
    count = 0
    for line in text.splitlines() or [""]:
        n, used = 1, 0
        for word in line.split():
            if used and used + 1 + len(word) > width:
                n, used = n + 1, 0
            used += (1 if used else 0) + len(word)
            while used > width:  # a word longer than the column breaks inside
                n, used = n + 1, used - width
        count += n
    return max(count, 1)


def _page_setup(ws, title_rows: str | None) -> None:
    """Landscape A4, fit to the page width (as many pages down as needed), numbered pages."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    for side, inches in _MARGINS.items():
        setattr(ws.page_margins, side, inches)
    ws.print_options.horizontalCentered = False
    ws.oddFooter.center.text = "Halaman &P dari &N"
    ws.oddFooter.right.text = "&A"
    if title_rows:
        ws.print_title_rows = title_rows


def write_annex(path: Path, cover: AnnexCover, sheets: Sequence[AnnexSheet]) -> Path:
    """Write the annex workbook.

    Parameters
    ----------
    path : Path
        Target ``.xlsx`` file (its folder is created).
    cover : AnnexCover
        Title, institution, year, input checksums and the time the data were processed.
    sheets : sequence of AnnexSheet
        The report tables, in report order.

    Returns
    -------
    Path
        ``path``.
    """
    wb = Workbook()
    # The document's own dates follow the data, not the moment of writing.
    wb.properties.created = wb.properties.modified = cover.dibuat.replace(tzinfo=None)
    ws = wb.active
    ws.title = "Sampul"
    widths = (34, 80)
    title = put(ws, 1, 1, cover.judul)
    title.font = Font(bold=True, size=14)
    title.alignment = Alignment(wrap_text=True, vertical="top")
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=2)
    ws.row_dimensions[1].height = _LINE_HEIGHT * 1.3 * _lines(cover.judul, sum(widths) * 0.8)
    rows = [
        ("Instansi", cover.instansi),
        ("Tahun laporan", cover.tahun),
        ("Data diolah", cover.dibuat.strftime("%Y-%m-%d %H:%M:%S %Z").strip()),
        ("", ""),
        ("Berkas masukan", "SHA-256"),
    ]
    for offset, (key, value) in enumerate(rows, start=3):
        put(ws, offset, 1, key).font = Font(bold=True)
        put(ws, offset, 2, value).alignment = Alignment(horizontal="left")
    start = 3 + len(rows)
    for i, (name, digest) in enumerate(sorted(cover.masukan.items())):
        put(ws, start + i, 1, name)
        put(ws, start + i, 2, digest)
    list_start = start + len(cover.masukan) + 1
    ws.cell(list_start, 1, "Daftar tabel").font = Font(bold=True)
    for i, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = width
    _page_setup(ws, None)

    used = {"sampul"}
    for i, sheet in enumerate(sheets, start=1):
        name = _sheet_name(sheet.name, used)
        # Both cells of a list row top-aligned and wrapped: a long title grows the row downwards
        # and the sheet name stays beside its first line.
        for column, value in ((1, name), (2, sheet.title)):
            put(ws, list_start + i, column, value).alignment = Alignment(
                wrap_text=True, vertical="top", horizontal="left"
            )
        ws.row_dimensions[list_start + i].height = _LINE_HEIGHT * _lines(sheet.title, widths[1])
        _write_sheet(wb.create_sheet(name), sheet)
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    return path


def write_xlsx_tabel(sheets: Sequence[AnnexSheet], folder: Path, dibuat: dt.datetime) -> list[Path]:
    """Write each report table as a workbook of its own, ``tabel-<nomor>.xlsx``: the site's
    Excel download beside the table.

    One sheet, the annex's (:func:`write_annex`): the same numbers, styles and print setup.
    ``dibuat`` (when the data were processed) dates the workbook, so a rebuild from the same
    data writes the same file.
    """
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for sheet in sheets:
        wb = Workbook()
        wb.properties.created = wb.properties.modified = dibuat.replace(tzinfo=None)
        ws = wb.active
        ws.title = _sheet_name(sheet.name, set())
        _write_sheet(ws, sheet)
        target = folder / nama_unduhan(sheet.name, "xlsx")
        wb.save(target)
        written.append(target)
    return written


def _format_of(sheet: AnnexSheet, column: str, row: int) -> str | None:
    spec = sheet.formats.get(column)
    key = spec if spec is None or isinstance(spec, str) else spec[row]
    return None if key is None else NUMBER_FORMATS.get(key, key)


def _shown(value: object, number_format: str | None) -> str:
    """Roughly what Excel shows in a cell, to size its column."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int | float) and number_format:
        decimals = len(number_format.split(".")[1].split('"')[0]) if "." in number_format else 0
        literal = "".join(re.findall(r'"([^"]*)"', number_format))
        return f"{value:,.{decimals}f}{literal}"
    return str(value)


def _write_sheet(ws, sheet: AnnexSheet) -> None:
    columns = list(sheet.frame.columns)
    values = [[_cell_value(v) for v in row] for row in sheet.frame.itertuples(index=False)]
    numeric = [
        bool(sheet.formats.get(c)) or all(isinstance(r[j], int | float) or r[j] is None for r in values)
        for j, c in enumerate(columns)
    ]
    numeric = [n and any(isinstance(r[j], int | float) for r in values) for j, n in enumerate(numeric)]
    # Width by content: the longest word of the heading, the longest value (text capped, wraps).
    widths = []
    for j, column in enumerate(columns):
        longest_word = max((len(w) for w in str(column).split()), default=0)
        shown = [len(_shown(r[j], _format_of(sheet, column, i))) for i, r in enumerate(values)]
        cap = _MAX_NUMBER if numeric[j] else _MAX_TEXT
        cap = min(cap, sheet.lebar.get(column, cap))
        widths.append(max(_MIN_WIDTH, min(cap, max([longest_word, *shown]) + 1)))
    for j, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(j)].width = width + 1
    total_width = sum(widths)
    # A title wider than a narrow table gets an empty column of room beside it, so that it
    # prints on one line (it wrapped "... Tahun / 2025" on II.4 and L.2); the notes use it too.
    span = len(columns)
    room = min(_PAGE_UNITS, len(sheet.title) * _TITLE_CHAR) - (total_width + len(columns))
    if room > 0:
        span += 1
        ws.column_dimensions[get_column_letter(span)].width = room
    span_width = max(total_width, total_width + room)

    title = put(ws, 1, 1, sheet.title)
    title.font = Font(bold=True, size=12)
    title.alignment = Alignment(wrap_text=True, vertical="top")
    if span > 1:
        ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=span)
    ws.row_dimensions[1].height = _LINE_HEIGHT * 1.2 * _lines(sheet.title, span_width * 0.9)

    header_lines = 1
    for j, column in enumerate(columns, start=1):
        cell = put(ws, _HEADER_ROW, j, str(column))
        cell.font = Font(bold=True)
        cell.fill = _HEADER_FILL
        cell.border = _BORDER
        cell.alignment = Alignment(
            wrap_text=True, vertical="center", horizontal="right" if numeric[j - 1] else "left"
        )
        header_lines = max(header_lines, _lines(str(column), widths[j - 1]))
    ws.row_dimensions[_HEADER_ROW].height = _LINE_HEIGHT * header_lines

    for i, row in enumerate(values):
        excel_row = _HEADER_ROW + 1 + i
        lines = 1
        for j, (column, value) in enumerate(zip(columns, row, strict=True), start=1):
            cell = put(ws, excel_row, j, value)
            cell.border = _BORDER
            number_format = _format_of(sheet, column, i)
            if isinstance(value, int | float) and not isinstance(value, bool):
                if number_format:
                    cell.number_format = number_format
                cell.alignment = Alignment(horizontal="right", vertical="top")
            else:
                text = "" if value is None else str(value)
                cell.alignment = Alignment(wrap_text=True, horizontal="left", vertical="top")
                lines = max(lines, _lines(text, widths[j - 1]))
        if lines > 1:
            ws.row_dimensions[excel_row].height = _LINE_HEIGHT * lines

    note_row = _HEADER_ROW + len(values) + 2
    for note in sheet.notes:
        cell = put(ws, note_row, 1, note)
        cell.font = Font(italic=True, size=9)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        if span > 1:
            ws.merge_cells(start_row=note_row, start_column=1, end_row=note_row, end_column=span)
        ws.row_dimensions[note_row].height = _LINE_HEIGHT * _lines(note, span_width * 1.1)
        note_row += 1
    ws.freeze_panes = ws.cell(_HEADER_ROW + 1, 1)
    _page_setup(ws, f"{_HEADER_ROW}:{_HEADER_ROW}")


# ---------------------------------------------------------------------- from the report


def _printed_number(value: object) -> tuple[object, int | None]:
    """A printed figure of the review (``"84,40"``) as a number and its printed decimals."""
    if not isinstance(value, str):
        return value, None if is_na(value) else 2
    try:
        number = parse_number(value)
    except NumberParseError:
        return value, None
    if number is None:
        return None, None
    digits = value.strip().rstrip("%").strip()
    decimals = len(digits.rsplit(",", 1)[1]) if "," in digits else 0
    return number, decimals


def _decimal_format(decimals: int) -> str:
    return "[$-421]#,##0" + ("." + "0" * decimals if decimals > 0 else "")


def data_terbit(tabel: TabelLaporan) -> tuple[pd.DataFrame, dict[str, str | list[str | None]]]:
    """The table's published values and the Excel number format of each numeric cell.

    Numbers are rounded as the report prints them (:meth:`TabelLaporan.terbit`), yes/no
    flags read ``Ya``/``Tidak``, a review's printed figures (typed text such as ``"84,40"``)
    become numbers with their printed decimals; text stays text.
    """
    frame = tabel.terbit()
    formats: dict[str, str | list[str | None]] = {}
    satuan = frame[SATUAN] if SATUAN in frame.columns else pd.Series(pd.NA, index=frame.index)
    for column in frame.columns:
        kind = tabel.jenis_kolom(column)
        if kind is Jenis.YA_TIDAK:
            frame[column] = pd.array(
                [None if is_na(v) else ("Ya" if bool(v) else "Tidak") for v in frame[column]], dtype="string"
            )
        elif kind is Jenis.CAMPURAN:
            parsed = [_printed_number(v) for v in frame[column]]
            frame[column] = pd.array([v for v, _d in parsed], dtype="object")
            formats[column] = [None if d is None else _decimal_format(d) for _v, d in parsed]
        elif kind in {Jenis.NOMOR, Jenis.BILANGAN}:
            formats[column] = "bilangan"
        elif kind is Jenis.RUPIAH:
            formats[column] = "rupiah" if tabel.gaya.gaya_uang == "baku" else "rupiah_laporan"
        elif kind is Jenis.PERSEN:
            formats[column] = _decimal_format(tabel.gaya.desimal_persen) + '"%"'
        elif kind is Jenis.DESIMAL:
            formats[column] = _decimal_format(tabel.desimal_kolom(column))
        elif kind in {Jenis.NILAI, Jenis.NILAI_POLOS}:
            formats[column] = [
                _format_nilai(tabel, column, v, u) for v, u in zip(frame[column], satuan, strict=True)
            ]
    return frame, formats


def _format_nilai(tabel: TabelLaporan, column: str, value: object, satuan: object) -> str | None:
    """Excel format of an indicator value by its unit, as ``fmt.nilai`` prints it."""
    if is_na(value):
        return None
    unit = "" if is_na(satuan) else str(satuan).strip()
    decimals = tabel.desimal_kolom(column, satuan)
    if unit == "%":
        return _decimal_format(decimals) + '"%"'
    if unit == "" or unit in {"Nilai", "Indeks", "Persen", "Skor"} or not float(value).is_integer():
        return _decimal_format(decimals)
    return "bilangan"


def annex_sheets(tabel: Sequence[TabelLaporan]) -> list[AnnexSheet]:
    """The report tables, in report order, as annex sheets named by their number."""
    sheets = []
    for t in tabel:
        frame, formats = data_terbit(t)
        notes = tuple(t.semua_catatan)
        sheets.append(AnnexSheet(name=t.nomor, title=t.judul, frame=frame, formats=formats, notes=notes))
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


def write_csv_tabel(tabel: Sequence[TabelLaporan], folder: Path) -> list[Path]:
    """Write each report table as a CSV download (UTF-8 with BOM, for Excel), values as published.

    The same values as the annex: rounded as printed, ``Ya``/``Tidak``, missing left empty;
    a text a spreadsheet would run as a formula gets a leading apostrophe
    (:func:`lkjip.core.teks.neutralise_texts`; the annex marks it as text instead).
    """
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for t in tabel:
        frame, _formats = data_terbit(t)
        target = folder / nama_csv(t)
        neutralise_texts(frame).to_csv(target, index=False, encoding="utf-8-sig", lineterminator="\n")
        written.append(target)
    return written


def jejak_frame(butir: Sequence[Butir]) -> pd.DataFrame:
    """Every printed figure with its trail, one row each (:func:`lkjip.report.jejak.baris_jejak`)."""
    return pd.DataFrame(baris_jejak(butir), columns=list(KOLOM_CSV)).astype("string")


def write_jejak_csv(butir: Sequence[Butir], folder: Path) -> Path:
    """Write ``jejak-angka.csv``: every printed figure of the report with its trail.

    One row per figure of every table, chart and generated text, in report order: where it is
    printed, the figure as printed, what it is, how it came about (read from an export cell or
    computed, with the formula and its inputs), every export cell it comes from, and the
    figure the export printed for it with the reviu's verdict. UTF-8 with BOM (for Excel); a
    text a spreadsheet would run as a formula gets a leading apostrophe.
    """
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / JEJAK_CSV
    neutralise_texts(jejak_frame(butir)).to_csv(
        target, index=False, encoding="utf-8-sig", lineterminator="\n"
    )
    return target


def jejak_sheet(butir: Sequence[Butir], config: Config) -> AnnexSheet:
    """The annex's sheet of every printed figure with its trail (the rows of ``jejak-angka.csv``)."""
    frame = jejak_frame(butir)[list(JUDUL_JEJAK)].rename(columns={k: v for k, (v, _w) in JUDUL_JEJAK.items()})
    return AnnexSheet(
        name="Jejak Angka",
        title=f"Jejak Angka Laporan Kinerja Tahun {config.tahun}: Asal Setiap Angka yang Dicetak",
        frame=frame,
        notes=(
            "Asal: dibaca dari ekspor (sel yang disebut), dihitung (rumus dengan masukannya), "
            "ditetapkan di laporan.yml, atau ketentuan baku rumus.",
            "Tercetak di Ekspor dan Reviu: angka yang dicetak ekspor kantor untuk hal yang sama dan "
            "hasil pemeriksaannya; angka yang berbeda diberi tanda pada tabel laporan.",
            f"Sama dengan unduhan {JEJAK_CSV}.",
        ),
        lebar={v: w for v, w in JUDUL_JEJAK.values()},
    )


def tanpa_derau(frame: pd.DataFrame, desimal: int = DESIMAL_SALINAN) -> pd.DataFrame:
    """``frame`` with binary noise taken off its float columns (``1.1600000000000108`` -> ``1.16``).

    Rounds to ``desimal`` decimals, far beyond any printed precision, so that only the
    artefacts of binary arithmetic go; used for the published copies of the processed tables
    (full precision stays in ``data/processed/``).
    """
    out = frame.copy()
    for column in out.columns:
        if pd.api.types.is_float_dtype(out[column]):
            out[column] = out[column].round(desimal)
    return out


def copy_tabel_publik(processed: Path, nama: str, folder: Path) -> Path:
    """Publish the processed table ``nama`` as ``folder/<nama>.csv``, without float noise.

    Written by the data step's own CSV writer (:func:`lkjip.katalog.store.write_table`), so the
    file reads exactly like ``data/processed/<nama>.csv`` apart from the noise.
    """
    frame = tanpa_derau(read_table(nama, processed))
    with tempfile.TemporaryDirectory() as tmp:
        written = write_table(frame, nama, Path(tmp))
        csv = next(p for p in written if p.suffix == ".csv")
        target = folder / csv.name
        shutil.move(csv, target)
    return target
