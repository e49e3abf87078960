"""What kind of file an export really is (by its bytes, not its name), and its sheets as rows of values.

Offices receive exports in several containers: the .xlsx of today's SIPD, an old .xls (BIFF), an
OpenDocument .ods saved by LibreOffice or WPS, and, very often from PHP applications, an HTML table
saved under a ``.xls`` or ``.xlsx`` name. :func:`jenis_berkas` tells them apart by their first bytes;
:func:`sheet_nilai` reads the ones openpyxl cannot open (.xls and .ods through calamine, HTML
tables through Beautiful Soup) into plain rows of cell values, one "sheet" per worksheet or per HTML table,
with the cells a merged range covers (``colspan``/``rowspan`` in HTML) listed apart, as the
readers of .xlsx files see them.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from lkjip.ingest.problems import Problem, StructuralError

#: The containers :func:`jenis_berkas` recognises.
XLSX, XLS, ODS, HTML = "xlsx", "xls", "ods", "html"

_HTML_START = re.compile(
    rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|table|meta|style|div|h\d)\b", re.I | re.S
)


@dataclass(frozen=True)
class SheetNilai:
    """One sheet read from an .xls, .ods or HTML file: its rows of values (``None`` when empty).

    ``covered`` holds the 0-based (row, col) of cells a merged range covers (every cell but its
    top-left one): they carry the range's value as a reader of a merged header expects, but they
    are not values of their own.
    """

    name: str
    rows: list[list[object]]
    covered: frozenset[tuple[int, int]] = frozenset()


def jenis_berkas(path: Path) -> str:
    """The container of ``path`` by its bytes: ``"xlsx"``, ``"xls"``, ``"ods"`` or ``"html"``.

    Raises
    ------
    StructuralError
        For anything else (an empty file, a password-protected workbook, a truncated .xlsx, a
        CSV or other text), naming what the file is in Indonesian.
    """
    name = path.name
    if not path.exists():
        raise StructuralError([Problem(name, f"berkas tidak ditemukan: {path}")])
    if path.stat().st_size == 0:
        raise StructuralError([Problem(name, "berkas kosong (0 byte)")])
    with path.open("rb") as fh:
        head = fh.read(1 << 16)
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        if "EncryptedPackage".encode("utf-16-le") in head or b"EncryptedPackage" in head:
            raise StructuralError(
                [
                    Problem(
                        name,
                        "workbook berkata sandi (terenkripsi); buka di Excel, hapus kata sandi, lalu "
                        "simpan ulang",
                    )
                ]
            )
        return XLS
    if zipfile.is_zipfile(path):
        try:
            with zipfile.ZipFile(path) as zf:
                members = set(zf.namelist())
                mimetype = zf.read("mimetype")[:100] if "mimetype" in members else b""
        except (zipfile.BadZipFile, OSError) as exc:
            raise StructuralError([Problem(name, f"arsip zip rusak: {exc}")]) from None
        if b"opendocument" in mimetype:
            return ODS
        if "xl/workbook.xml" in members:
            return XLSX
        raise StructuralError(
            [Problem(name, "arsip zip tanpa xl/workbook.xml: bukan workbook Excel (.xlsx)")]
        )
    text = head.removeprefix(b"\xef\xbb\xbf").removeprefix(b"\xff\xfe").removeprefix(b"\xfe\xff")
    if _HTML_START.match(text) and re.search(rb"<table\b", head, re.I):
        return HTML
    if head.startswith(b"PK\x03\x04"):
        what = (
            "berkas .xlsx terpotong atau rusak (arsip zip tidak lengkap, mungkin unduhan atau salinan "
            "yang terputus); salin atau unduh ulang berkasnya"
        )
    elif _HTML_START.match(text):
        what = "halaman HTML tanpa tabel; unduh ulang tabelnya dari aplikasi asalnya"
    else:
        what = (
            "bukan workbook Excel (.xlsx, .xls, .ods) atau tabel HTML; mungkin CSV atau teks yang "
            "diganti namanya"
        )
    raise StructuralError([Problem(name, what)])


def sheet_nilai(path: Path) -> list[SheetNilai]:
    """Every sheet of an .xls or .ods workbook, or every table of an HTML file, as rows of values.

    Numbers stay numbers and texts stay texts exactly as stored (calamine; HTML cells are texts),
    so that a code such as ``01`` or an amount printed as ``81.373.500`` is read as written.
    """
    kind = jenis_berkas(path)
    if kind == HTML:
        return _html_tables(path)
    if kind not in (XLS, ODS):
        raise ValueError(f"{path.name}: {kind} dibaca dengan openpyxl, bukan sheet_nilai")
    from python_calamine import CalamineWorkbook

    try:
        # By content, not by name: a real .xls is often saved under a .xlsx name.
        with path.open("rb") as fh:
            workbook = CalamineWorkbook.from_filelike(fh)
        sheets = []
        for name in workbook.sheet_names:
            sheet = workbook.get_sheet_by_name(name)
            rows = [[None if v == "" else v for v in row] for row in sheet.to_python(skip_empty_area=False)]
            covered = set()
            for merged in sheet.merged_cell_ranges or []:
                (r1, c1), (r2, c2) = merged
                for r in range(r1, r2 + 1):
                    for c in range(c1, c2 + 1):
                        if (r, c) != (r1, c1) and r < len(rows):
                            covered.add((r, c))
                            while len(rows[r]) <= c:
                                rows[r].append(None)
                            rows[r][c] = rows[r1][c1] if c1 < len(rows[r1]) else None
            sheets.append(SheetNilai(name, rows, frozenset(covered)))
    except Exception as exc:  # calamine reports a broken file in several ways
        what = "format Excel lama (.xls)" if kind == XLS else "OpenDocument (.ods)"
        raise StructuralError(
            [
                Problem(
                    path.name,
                    f"berkas {what} rusak, tidak dapat dibaca ({type(exc).__name__}: {exc}); buka di Excel "
                    "atau LibreOffice lalu simpan ulang sebagai .xlsx",
                )
            ]
        ) from None
    return sheets


def _html_tables(path: Path) -> list[SheetNilai]:
    """The ``<table>`` elements of an HTML file, ``colspan``/``rowspan`` spread over their cells.

    Parsed with Beautiful Soup (Python's own HTML parser, no compiled dependency) cell by cell
    rather than with ``pandas.read_html``, which turns a column of texts such as ``01`` into the
    number 1 and so breaks the codes the readers depend on (and needs lxml, which would change
    how openpyxl writes and reads every workbook).
    """
    from bs4 import BeautifulSoup

    raw = path.read_bytes()
    document = BeautifulSoup(raw, "html.parser")
    tables = []
    for number, table in enumerate(document.find_all("table"), start=1):
        if table.find_parent("table") is not None:
            continue  # a table nested in a layout table is read as part of its own
        grid: dict[tuple[int, int], object] = {}
        covered: set[tuple[int, int]] = set()
        rows = [tr for tr in table.find_all("tr") if tr.find_parent("table") is table]
        for r, tr in enumerate(rows):
            c = 0
            for cell in tr.find_all(["td", "th"], recursive=False):
                while (r, c) in grid:
                    c += 1
                text = " ".join(cell.get_text(" ").split()) or None
                span_c = _span(cell.get("colspan"))
                span_r = _span(cell.get("rowspan"))
                for dr in range(span_r):
                    for dc in range(span_c):
                        grid[(r + dr, c + dc)] = text
                        if (dr, dc) != (0, 0):
                            covered.add((r + dr, c + dc))
                c += span_c
        if not grid:
            continue
        height = max(r for r, _ in grid) + 1
        width = max(c for _, c in grid) + 1
        values = [[grid.get((r, c)) for c in range(width)] for r in range(height)]
        tables.append(SheetNilai(f"Tabel {number}", values, frozenset(covered)))
    if not tables:
        raise StructuralError([Problem(path.name, "halaman HTML tanpa tabel berisi")])
    return tables


def _span(value: str | None) -> int:
    try:
        return max(1, min(int(value or 1), 1000))
    except ValueError:
        return 1
