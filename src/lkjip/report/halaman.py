"""The printed page and type of the report, one source for the PDF and the DOCX.

The page (A4, the office's margins), the body and table type sizes, and the rule that sets each
table's type size and column widths by its content live here, in Python; the Typst template
(through ``_laporan.yml``), the DOCX reference document (:mod:`lkjip.publish.dokumen`) and the
two formats' filters only apply what this module decides, so the PDF and the DOCX cannot drift.

The table rule. Every cell of a table is split into the pieces a line may not break inside
(words, split after "/" and "-"); their widths are estimated with the advance widths of
Liberation Sans (Arial's metrics; header rows bold). A table takes the largest of the table sizes
(:func:`ukuran_tabel_semua`) at which every piece fits its column, the columns that need more
room taking it from those with room to spare; at worst the smallest size, with widths in
proportion to the need. So a figure such as "Rp227.760.105" or "100,81%" is never broken inside.
A table of :data:`LEBAR_LANSKAP` columns or more gets a landscape page, in both formats.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

#: A4 in twentieths of a point (portrait), and the office's margins (left 3 cm for binding,
#: the others 2,5 cm), in twentieths of a point too.
A4 = (11906, 16838)
MARGIN = {"top": 1418, "right": 1418, "bottom": 1418, "left": 1701}

#: Left (and right) cell margin of a table, in twentieths of a point.
SEL = 85

#: The smallest type size (pt) a table is set in to make its figures fit.
UKURAN_TABEL_TERKECIL = 7.0

#: Tables with at least this many columns get a landscape page (PDF and DOCX).
LEBAR_LANSKAP = 12

#: The estimate's margin (kerning, a face slightly wider than Arial).
SAFETY = 1.04

# Advance widths in 1/1000 em of the characters 33..126 (Liberation Sans Regular and Bold).
_REGULAR = (
    278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556,
    556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667, 611,
    778, 722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667,
    611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222,
    833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
)  # fmt: skip
_BOLD = (
    333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556,
    556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611, 975, 722, 722, 722, 722, 667, 611,
    778, 722, 278, 556, 722, 611, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667,
    611, 333, 278, 333, 584, 556, 333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278,
    889, 611, 611, 611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584,
)  # fmt: skip
#: Width of a character outside ASCII (é, –, ≥ ...), in 1/1000 em.
_OTHER = 600


def ukuran_tabel(size: float) -> float:
    """The tables' type size (pt) for body text of ``size`` pt: 1 pt smaller, at least 8.

    >>> ukuran_tabel(11), ukuran_tabel(11.5), ukuran_tabel(8)
    (10.0, 10.5, 8.0)
    """
    return max(16, round(size * 2) - 2) / 2


def ukuran_tabel_semua(size: float) -> list[float]:
    """The table sizes (pt) for body text of ``size`` pt: the table size, then the smaller ones
    by half points down to :data:`UKURAN_TABEL_TERKECIL`.

    >>> ukuran_tabel_semua(11)
    [10.0, 9.5, 9.0, 8.5, 8.0, 7.5, 7.0]
    >>> ukuran_tabel_semua(9)
    [8.0, 7.5, 7.0]
    """
    top = round(ukuran_tabel(size) * 2)
    return [hp / 2 for hp in range(top, round(UKURAN_TABEL_TERKECIL * 2) - 1, -1)]


def lebar_teks(lanskap: bool = False) -> float:
    """The width (pt) a table may take: the page between its margins.

    >>> lebar_teks(), lebar_teks(lanskap=True)
    (439.35, 700.1)
    """
    if lanskap:
        return (A4[1] - MARGIN["top"] - MARGIN["bottom"]) / 20
    return (A4[0] - MARGIN["left"] - MARGIN["right"]) / 20


def margin_cm() -> dict[str, str]:
    """The margins as Typst lengths, for the PDF's template (``_laporan.yml``: ``halaman``).

    >>> margin_cm()["left"], margin_cm()["top"]
    ('3cm', '2.501cm')
    """
    return {side: f"{twips / 20 / 72 * 2.54:.4g}cm" for side, twips in MARGIN.items()}


def em(word: str, bold: bool = False) -> float:
    """Width of ``word`` in em (Liberation Sans).

    >>> em("Rp227.760.105"), em("No", bold=True)
    (6.838, 1.333)
    """
    widths = _BOLD if bold else _REGULAR
    total = 0
    for char in word:
        code = ord(char) - 33
        total += widths[code] if 0 <= code < len(widths) else _OTHER
    return total / 1000


def pieces(text: str) -> list[str]:
    """The pieces of ``text`` a line may not break inside: split at spaces, and after "/" and "-".

    >>> pieces("Capaian (%) Target/Realisasi 2021-2025")
    ['Capaian', '(%)', 'Target/', 'Realisasi', '2021-', '2025']
    """
    return [piece for word in text.split() for piece in re.findall(r"[^/\-]*[/\-]?", word) if piece]


@dataclass(frozen=True)
class _Sel:
    teks: str
    kolom: int  # colspan
    baris: int  # rowspan


@dataclass
class _Isi:
    """The rows of an HTML table (header rows and body rows) and its column shares."""

    kepala: list[list[_Sel]]
    badan: list[list[_Sel]]
    lebar: list[float]


class _Pembaca(HTMLParser):
    """Reads the first ``<table>`` of great_tables' HTML: its rows, cells and ``<col>`` widths."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.isi = _Isi([], [], [])
        self._dalam: str | None = None  # thead / tbody / tfoot
        self._baris: list[_Sel] | None = None
        self._sel: tuple[int, int] | None = None
        self._teks: list[str] = []
        self._tabel = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "table":
            self._tabel += 1
        elif self._tabel != 1:
            return
        elif tag == "col":
            m = re.search(r"width:\s*([\d.]+)%", a.get("style") or "")
            if m:
                self.isi.lebar.append(float(m.group(1)) / 100)
        elif tag in ("thead", "tbody", "tfoot"):
            self._dalam = tag
        elif tag == "tr":
            self._baris = []
        elif tag in ("td", "th") and self._baris is not None:
            self._sel = (int(a.get("colspan") or 1), int(a.get("rowspan") or 1))
            self._teks = []
        elif tag == "br" and self._sel is not None:
            self._teks.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag == "table":
            self._tabel -= 1
        elif self._tabel != 1:
            return
        elif tag in ("td", "th") and self._sel is not None and self._baris is not None:
            self._baris.append(_Sel(" ".join("".join(self._teks).split()), *self._sel))
            self._sel = None
        elif tag == "tr" and self._baris is not None:
            (self.isi.kepala if self._dalam == "thead" else self.isi.badan).append(self._baris)
            self._baris = None

    def handle_data(self, data: str) -> None:
        if self._sel is not None:
            self._teks.append(data)


def _longest(rows: list[list[_Sel]], bold: bool, need: dict[int, float]) -> None:
    """Longest unbreakable piece (em) per column of ``rows``; cells spanning columns left out.

    A cell spanning rows covers its columns in the rows below it.
    """
    busy: dict[int, int] = {}
    for row in rows:
        below = {c: n - 1 for c, n in busy.items() if n > 1}
        column = 0
        for cell in row:
            while column in busy:
                column += 1
            if cell.kolom == 1:
                for piece in pieces(cell.teks):
                    need[column] = max(need.get(column, 0.0), em(piece, bold))
            if cell.baris > 1:
                for c in range(column, column + cell.kolom):
                    below[c] = cell.baris - 1
            column += cell.kolom
        busy = below


def _widths_at(
    shares: list[float], need: dict[int, float], size: float, width: float, *, anyway: bool = False
) -> list[float] | None:
    """Column shares at which every piece fits at ``size`` pt, or ``None``; with ``anyway``,
    shares in proportion to the need when they cannot all fit."""
    pad = 2 * SEL / 20 + 2  # cell margins, plus 2 pt for the borders and rounding
    required = [(need.get(i, 0.0) * size * SAFETY + pad) / width for i in range(len(shares))]
    total = sum(required)
    if total > 1:
        return [r / total for r in required] if anyway else None
    deficit = sum(r - s for s, r in zip(shares, required, strict=True) if s < r)
    room = sum(s - r for s, r in zip(shares, required, strict=True) if s >= r)
    return [
        r if s < r else s - ((s - r) * deficit / room if room > 0 else 0)
        for s, r in zip(shares, required, strict=True)
    ]


@dataclass(frozen=True)
class CetakTabel:
    """How a table is printed: its type size (pt), column shares and page orientation."""

    ukuran: float
    lebar: tuple[float, ...]
    lanskap: bool


def cetak_tabel(table_html: str, ukuran_isi: float) -> CetakTabel:
    """The type size, column widths and orientation of a table in the PDF and the DOCX.

    Parameters
    ----------
    table_html : str
        The table as great_tables renders it (its ``<col>`` widths are the starting shares).
    ukuran_isi : float
        The body's type size (pt): the table sizes are :func:`ukuran_tabel_semua` of it.

    Examples
    --------
    >>> row = "<tr><td>Rp227.760.105</td><td>Sub kegiatan yang panjang sekali namanya</td></tr>"
    >>> table = f'<table><colgroup><col style="width:10%"/><col style="width:90%"/></colgroup>'
    >>> table += f"<thead><tr><th>Alokasi</th><th>Uraian</th></tr></thead><tbody>{row}</tbody></table>"
    >>> cetak = cetak_tabel(table, 11)
    >>> cetak.ukuran, [round(w, 3) for w in cetak.lebar], cetak.lanskap
    (10.0, [0.186, 0.814], False)
    """
    reader = _Pembaca()
    reader.feed(table_html)
    isi = reader.isi
    ncols = max([len(isi.lebar)] + [sum(c.kolom for c in row) for row in (isi.kepala + isi.badan)[:5]])
    shares = isi.lebar if len(isi.lebar) == ncols and ncols else [1 / max(ncols, 1)] * ncols
    lanskap = ncols >= LEBAR_LANSKAP
    need: dict[int, float] = {}
    _longest(isi.kepala, True, need)
    _longest(isi.badan, False, need)
    width = lebar_teks(lanskap)
    sizes = ukuran_tabel_semua(ukuran_isi)
    for size in sizes:
        widths = _widths_at(shares, need, size, width)
        if widths is not None:
            return CetakTabel(size, tuple(widths), lanskap)
    smallest = sizes[-1]
    widths = _widths_at(shares, need, smallest, width, anyway=True) or shares
    return CetakTabel(smallest, tuple(widths), lanskap)


_TABLE_TAG = re.compile(r"<table\b")
_COLGROUP = re.compile(r"<colgroup>.*?</colgroup>", re.DOTALL)


def terapkan(table_html: str, cetak: CetakTabel) -> str:
    """``table_html`` with the printed size, orientation and column widths of ``cetak``.

    The size and orientation go on the ``<table>`` as ``data-lkjip-ukuran`` and
    ``data-lkjip-lanskap`` (pandoc keeps them as the table's attributes ``lkjip-ukuran`` and
    ``lkjip-lanskap`` for the formats' filters), the widths into its ``<colgroup>``.

    Examples
    --------
    >>> t = '<table class="gt_table"><colgroup><col style="width:50%"/><col/></colgroup></table>'
    >>> out = terapkan(t, CetakTabel(8.5, (0.25, 0.75), False))
    >>> out.startswith('<table data-lkjip-ukuran="8.5" data-lkjip-lanskap="tidak" class="gt_table">')
    True
    >>> out.endswith('<colgroup><col style="width:25.0%;"/><col style="width:75.0%;"/></colgroup></table>')
    True
    """
    lanskap = "ya" if cetak.lanskap else "tidak"
    attrs = f'<table data-lkjip-ukuran="{cetak.ukuran:g}" data-lkjip-lanskap="{lanskap}"'
    out = _TABLE_TAG.sub(attrs, table_html, count=1)
    cols = "<colgroup>" + "".join(f'<col style="width:{round(w * 100, 1)}%;"/>' for w in cetak.lebar)
    cols += "</colgroup>"
    if _COLGROUP.search(out):
        return _COLGROUP.sub(lambda _m: cols, out, count=1)
    start = out.index(">", out.index("<table")) + 1  # no widths given: the first thing in the table
    return out[:start] + cols + out[start:]
