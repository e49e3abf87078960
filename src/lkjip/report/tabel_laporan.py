"""A report table as data: the frame, the kind of each column, caption and source; one HTML renderer.

The table builders (:mod:`lkjip.report.tables`) return a :class:`TabelLaporan`; everything
that shows a table renders from it: :meth:`TabelLaporan.gt` (great_tables, for the report),
the Excel annex and the CSV downloads (:mod:`lkjip.publish.annex`). The kind of a column
(:class:`Jenis`) decides how a value is printed (through :mod:`lkjip.core.fmt`), how Excel
stores and shows it, and to how many decimals a download rounds it
(:meth:`TabelLaporan.terbit`), so the three never disagree.
"""

from __future__ import annotations

import dataclasses
import html
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

import numpy as np
import pandas as pd
from great_tables import GT, loc, style
from great_tables import html as gt_html

from lkjip.core import fmt
from lkjip.core.teks import neutralise_formula, neutralise_texts
from lkjip.report.jejak import Butir, Jejak, daftar_html, tandai

#: Text in a missing text cell (numbers show ``fmt.NA``, "N/A").
KOSONG = "-"

_Formatter = Callable[[object], str]


class Jenis(StrEnum):
    """Kind of a table column: how its values are printed, stored in Excel and rounded."""

    TEKS = "teks"  #: text from the data
    BARIS = "baris"  #: office text with one item per line
    NOMOR = "nomor"  #: row number (centred)
    BILANGAN = "bilangan"  #: a count: ``1.234``
    RUPIAH = "rupiah"  #: money in the configured style: ``Rp796.858.170``
    PERSEN = "persen"  #: a percentage on the 0–100 scale: ``85,72%``
    DESIMAL = "desimal"  #: a score: ``83,11`` (``desimal`` decimals, default ``desimal_nilai``)
    NILAI = "nilai"  #: an indicator value in the unit of its row's ``Satuan``: ``57 PD/UKPD``
    NILAI_POLOS = "nilai_polos"  #: as NILAI, without the unit word: ``57``
    YA_TIDAK = "ya_tidak"  #: a yes/no flag: ``Ya``/``Tidak``
    CAMPURAN = "campuran"  #: a printed figure: a number (2 decimals) or a text as typed

    @property
    def angka(self) -> bool:
        """Whether the column holds numbers (right-aligned, numeric cells in Excel)."""
        return self not in {Jenis.TEKS, Jenis.BARIS, Jenis.YA_TIDAK, Jenis.CAMPURAN}


#: Characters up to which a text column widens (longer text wraps), and an itemised one.
LEBAR_TEKS_MAKS = 30
LEBAR_BARIS_MAKS = 45

#: Characters a cell's padding takes, added to every column.
LEBAR_PADDING = 2

#: Text up to this many characters is not wrapped (a unit, a category, "Sangat Baik").
PENDEK = 12

#: Weight of a column that must not wrap against one that wraps (its text takes its width).
FAKTOR_UTUH = 1.6

#: Column holding each row's unit for :attr:`Jenis.NILAI` and :attr:`Jenis.NILAI_POLOS`.
SATUAN = "Satuan"


@dataclass(frozen=True)
class TabelLaporan:
    """One report table, built once; every renderer reads it.

    Attributes
    ----------
    nomor : str
        Its number in the report (``"III.4.A"``, ``"L.1"``); the annex sheet and the CSV
        download are named after it.
    judul : str
        Caption as printed (``"Tabel III.4.A Realisasi Anggaran Tahun 2025"``).
    frame : DataFrame
        The values, numbers kept as numbers (missing stays missing), under the Indonesian
        headings; hidden columns (:attr:`sembunyi`) included.
    jenis : mapping
        Column -> :class:`Jenis`; a column not listed is text.
    gaya : Formatter
        The number style of ``laporan.yml`` (money style, decimals).
    sumber : str, optional
        The source line, without the word "Sumber:".
    catatan : tuple of str
        Notes printed above the source line; :attr:`catatan_akhir` below it.
    kelompok : str, optional
        Column whose values group the rows (a row-group heading in the report).
    sembunyi : tuple of str
        Columns left out of the report's table (kept in the annex and the download).
    label : mapping
        Column -> heading printed in the report when it differs from the column name.
    spanner : tuple of (heading, columns)
        Headings spanning several columns.
    tebal : tuple of int
        Rows printed bold (totals).
    kosong : mapping
        Column -> rows printed empty (a repeated sasaran shown once, as merged cells).
    bintang : mapping
        Column -> rows whose value is marked with an asterisk (explained in a note).
    desimal : mapping
        Column -> decimals for a :attr:`Jenis.DESIMAL` column other than ``desimal_nilai``.
    kompak : bool
        Small font and tight rows (long annex tables).
    jejak : mapping
        (row position, column) -> the :class:`~lkjip.report.jejak.Jejak` of the figure in that
        cell, made by the builder from the row that gives the value. A figure whose export
        printed another value (:attr:`Jejak.berbeda`) is marked with a letter and explained in
        a note (:meth:`koreksi`).
    """

    nomor: str
    judul: str
    frame: pd.DataFrame
    jenis: Mapping[str, Jenis]
    gaya: fmt.Formatter
    sumber: str | None = None
    catatan: tuple[str, ...] = ()
    catatan_akhir: tuple[str, ...] = ()
    kelompok: str | None = None
    sembunyi: tuple[str, ...] = ()
    label: Mapping[str, str] = field(default_factory=dict)
    spanner: tuple[tuple[str, tuple[str, ...]], ...] = ()
    tebal: tuple[int, ...] = ()
    kosong: Mapping[str, tuple[int, ...]] = field(default_factory=dict)
    bintang: Mapping[str, tuple[int, ...]] = field(default_factory=dict)
    desimal: Mapping[str, int] = field(default_factory=dict)
    kompak: bool = False
    jejak: Mapping[tuple[int, str], Jejak] = field(default_factory=dict)

    def __post_init__(self):
        columns = [*self.jenis, *self.label, *self.kosong, *self.bintang, *(c for _r, c in self.jejak)]
        unknown = sorted({c for c in columns if c not in self.frame})
        if unknown:
            raise ValueError(f"tabel {self.nomor}: kolom tidak ada di tabel: {unknown}")
        outside = sorted({r for r, _c in self.jejak if not 0 <= r < len(self.frame)})
        if outside:
            raise ValueError(f"tabel {self.nomor}: jejak untuk baris yang tidak ada: {outside}")

    # ------------------------------------------------------------------ trails

    def jejak_id(self, baris: int, kolom: str) -> str:
        """The id of a cell's trail on its page: ``jejak-t-iii-4-b-2-9`` (row, column position)."""
        slug = re.sub(r"[^a-z0-9]+", "-", self.nomor.lower()).strip("-")
        return f"jejak-t-{slug}-{baris}-{list(self.frame.columns).index(kolom)}"

    def _tercetak_semua(self) -> dict[str, list[str]]:
        return {c: self.teks_tercetak(c) for c in {c for _r, c in self.jejak}}

    def _tampil(self, baris: int, kolom: str) -> bool:
        """Whether the report prints the cell (not hidden, not printed empty)."""
        return kolom not in self.sembunyi and baris not in self.kosong.get(kolom, ())

    def koreksi(self) -> list[tuple[int, str, str, Jejak]]:
        """The printed figures that differ from what their export printed: (row, column,
        letter, trail), in reading order, lettered a, b, c ..."""
        cells = sorted(
            ((r, list(self.frame.columns).index(c), c, j) for (r, c), j in self.jejak.items() if j.berbeda),
        )
        shown = [(r, c, j) for r, _p, c, j in cells if self._tampil(r, c)]
        return [(r, c, _huruf(i), j) for i, (r, c, j) in enumerate(shown)]

    def catatan_koreksi(self) -> list[str]:
        """The notes of :meth:`koreksi`: what the export printed, and where the reviu lists it."""
        printed = self._tercetak_semua()
        notes = []
        for r, c, huruf, j in self.koreksi():
            t = j.tercetak
            assert t is not None
            where = dataclasses.replace(t.sel, kolom=None).teks()  # the mark shows the cell
            text = (
                f"{huruf}) {j.uraian}: tercetak di ekspor {t.nilai} ({where}); laporan memuat "
                f"hasil hitung ulang {printed[c][r]}"
            )
            notes.append(text + (f" — lihat {t.rujukan}." if t.rujukan else "."))
        return notes

    def butir_jejak(self, tempat: str | None = None) -> list[Butir]:
        """Every printed figure of the table with its trail, in reading order."""
        printed = self._tercetak_semua()
        order = list(self.frame.columns)
        out = []
        for (r, c), j in sorted(self.jejak.items(), key=lambda item: (item[0][0], order.index(item[0][1]))):
            if not self._tampil(r, c):
                continue
            star = "*" if r in self.bintang.get(c, ()) else ""
            out.append(
                Butir(
                    self.jejak_id(r, c),
                    tempat or f"Tabel {self.nomor}",
                    self.label_baris(r),
                    self.judul_kolom(c),
                    printed[c][r] + star,
                    j,
                )
            )
        return out

    def jejak_html(self) -> str:
        """The table's trails as the collapsed list the site shows under it (``""``: none)."""
        return daftar_html(f"Tabel {self.nomor}", self.butir_jejak())

    def label_baris(self, baris: int) -> str:
        """What a row is about, in words: the last two text columns before the first figure
        (``"Meningkatnya akuntabilitas ... — Nilai Rata-Rata SAKIP Perangkat Daerah"``)."""
        row = self.frame.iloc[baris]
        texts = []
        for column in self.frame.columns:
            kind = self.jenis_kolom(column)
            if kind.angka or kind is Jenis.CAMPURAN or column in self.jejak_kolom:
                break
            if kind in {Jenis.TEKS, Jenis.BARIS} and column not in self.sembunyi and column != self.kelompok:
                texts.append(column)
        parts = [str(row[c]).strip() for c in texts[-2:] if not fmt.is_na(row[c]) and str(row[c]).strip()]
        return " — ".join(parts)

    @property
    def jejak_kolom(self) -> set[str]:
        return {c for _r, c in self.jejak}

    def judul_kolom(self, kolom: str) -> str:
        """A column's heading as printed, under its spanner: ``"Anggaran › Capaian"``."""
        heading = str(self.label.get(kolom, kolom))
        for span, columns in self.spanner:
            if kolom in columns:
                return f"{span} › {heading}"
        return heading

    # ------------------------------------------------------------------ kinds

    def jenis_kolom(self, kolom: str) -> Jenis:
        """The kind of ``kolom`` (text when not listed)."""
        return self.jenis.get(kolom, Jenis.TEKS)

    def desimal_kolom(self, kolom: str, satuan: object = None) -> int:
        """Decimals the report prints for ``kolom`` (and, for indicator values, ``satuan``)."""
        kind = self.jenis_kolom(kolom)
        if kind in {Jenis.NOMOR, Jenis.BILANGAN}:
            return 0
        if kind is Jenis.RUPIAH:
            return 0 if self.gaya.gaya_uang == "baku" else 2
        if kind is Jenis.PERSEN:
            return self.gaya.desimal_persen
        if kind is Jenis.DESIMAL:
            return self.desimal.get(kolom, self.gaya.desimal_nilai)
        if kind in {Jenis.NILAI, Jenis.NILAI_POLOS}:
            unit = "" if fmt.is_na(satuan) else str(satuan).strip()
            return self.gaya.desimal_persen if unit == "%" else self.gaya.desimal_nilai
        return 2  # CAMPURAN: printed figures show two decimals

    @property
    def sumber_baris(self) -> str | None:
        """The source line as printed: ``"Sumber: ..."``."""
        return None if self.sumber is None else f"Sumber: {self.sumber}"

    @property
    def semua_catatan(self) -> list[str]:
        """Every note under the table, in print order (the source line included)."""
        return [
            *self.catatan,
            *self.catatan_koreksi(),
            *([self.sumber_baris] if self.sumber else []),
            *self.catatan_akhir,
        ]

    # ------------------------------------------------------------------ published values

    def terbit(self) -> pd.DataFrame:
        """The frame with numbers rounded as the report prints them (for downloads and Excel).

        Rounding is half up, as :mod:`lkjip.core.fmt` prints (``100.805`` -> ``100.81``), so a
        download never shows binary noise such as ``1.1600000000000108``; counts become whole
        numbers, yes/no stays boolean, missing stays missing. Full precision stays in
        ``data/processed/``.
        """
        out = self.frame.copy().reset_index(drop=True)
        satuan = out[SATUAN] if SATUAN in out.columns else pd.Series(pd.NA, index=out.index)
        for column in out.columns:
            kind = self.jenis_kolom(column)
            if kind is Jenis.CAMPURAN:
                out[column] = [
                    v if fmt.is_na(v) or isinstance(v, str) else fmt.bulat(v, 2) for v in out[column]
                ]
                continue
            if not kind.angka:
                continue
            values = [
                v if fmt.is_na(v) else fmt.bulat(v, self.desimal_kolom(column, u))
                for v, u in zip(out[column], satuan, strict=True)
            ]
            if self.desimal_kolom(column) == 0 and kind not in {Jenis.NILAI, Jenis.NILAI_POLOS}:
                out[column] = pd.array([None if fmt.is_na(v) else int(v) for v in values], dtype="Int64")
            else:
                out[column] = pd.array(values, dtype="Float64").astype("float64")
        return out

    # ------------------------------------------------------------------ great_tables

    def gt(self) -> GT:
        """The table as great_tables renders it in the report (HTML, and through Quarto)."""
        # Text from the data that great_tables prints as it is (text columns, group labels) gets
        # the formula neutralisation the formatted cells get in _escaped.
        plain = [c for c in self.frame.columns if self.jenis_kolom(c) is Jenis.TEKS or c == self.kelompok]
        data = neutralise_texts(self.frame.reset_index(drop=True), plain)
        if self.kelompok is not None:
            # great_tables cannot group on a missing label.
            data[self.kelompok] = data[self.kelompok].astype("string").fillna(KOSONG)
        table = GT(data, groupname_col=self.kelompok).tab_header(title=self.judul)
        text = [c for c in _text_columns(data) if c != self.kelompok]
        if text:
            table = table.sub_missing(columns=text, missing_text=KOSONG)
        corrections = self.catatan_koreksi()
        for note in self.semua_catatan:
            if note in corrections:  # its letter as in the cell: a superscript
                huruf, text = note.split(") ", 1)
                note = gt_html(f"<sup>{html.escape(huruf)}</sup> {html.escape(text)}")
            table = table.tab_source_note(note)
        hidden = [c for c in self.sembunyi if c in data.columns]
        if hidden:
            table = table.cols_hide(hidden)
        table = table.tab_options(
            heading_align="left",
            heading_title_font_size="14px",
            column_labels_font_weight="bold",
            column_labels_background_color="#EEF3F8",
            row_group_font_weight="bold",
            row_group_background_color="#F7F7F7",
            source_notes_font_size="11px",
            table_font_size="10px" if self.kompak else "13px",
            data_row_padding="1px" if self.kompak else "5px",
        )
        for column in data.columns:
            table = self._format(table, data, column)
        for column, rows in self.bintang.items():
            kind = self.jenis_kolom(column)
            if kind in {Jenis.NILAI, Jenis.NILAI_POLOS}:  # printed with its row's unit
                satuan = data[SATUAN].astype("string").fillna("").reset_index(drop=True)
                for r in rows:
                    table = _fmt(table, column, self._starred_nilai(satuan[r] or None, kind), [r])
                continue
            printer = self._printer(column)
            table = _fmt(table, column, lambda v, p=printer: f"{p(v)}*", rows)
        table = self._gt_jejak(table)
        for column, rows in self.kosong.items():
            table = _fmt(table, column, _blank, rows)
        shown = [c for c in data.columns if c not in hidden and c != self.kelompok]
        # Text left, numbers (and printed figures) right, row numbers centred.
        left = [c for c in shown if self.jenis_kolom(c) in {Jenis.TEKS, Jenis.BARIS, Jenis.YA_TIDAK}]
        right = [c for c in shown if c not in left and self.jenis_kolom(c) is not Jenis.NOMOR]
        if left:
            table = table.cols_align("left", columns=left)
        if right:
            table = table.cols_align("right", columns=right)
        widths = self.lebar_kolom()
        if widths:
            table = table.cols_width({c: f"{w}%" for c, w in widths.items()})
        for heading, columns in self.spanner:
            table = table.tab_spanner(heading, columns=list(columns))
        if self.label:
            table = table.cols_label(dict(self.label))
        if self.tebal:
            table = table.tab_style(style.text(weight="bold"), loc.body(rows=list(self.tebal)))
        return table

    def _gt_jejak(self, table: GT) -> GT:
        """Every figure with a trail printed inside its trail's span (and its correction mark)."""
        printed = self._tercetak_semua()
        marks = {(r, c): huruf for r, c, huruf, _j in self.koreksi()}
        for (r, c), j in self.jejak.items():
            if not self._tampil(r, c):
                continue
            text = printed[c][r] + ("*" if r in self.bintang.get(c, ()) else "")
            cell = tandai(html.escape(neutralise_formula(text)), self.jejak_id(r, c), j.berbeda)
            if (r, c) in marks:
                cell += f"<sup>{marks[(r, c)]}</sup>"
            table = table.fmt(lambda _v, cell=cell: cell, columns=[c], rows=[r])
        return table

    def teks_tercetak(self, kolom: str) -> list[str]:
        """The cells of ``kolom`` as the report prints them (empty cells included)."""
        data = self.frame.reset_index(drop=True)
        kind = self.jenis_kolom(kolom)
        if kind in {Jenis.TEKS, Jenis.BARIS}:
            return ["" if fmt.is_na(v) else str(v) for v in data[kolom]]
        if kind in {Jenis.NILAI, Jenis.NILAI_POLOS}:
            satuan = data[SATUAN] if SATUAN in data.columns else pd.Series(pd.NA, index=data.index)
            return [
                self.gaya.nilai(v, None if fmt.is_na(u) else u, dengan_satuan=kind is Jenis.NILAI)
                for v, u in zip(data[kolom], satuan, strict=True)
            ]
        printer = self._printer(kolom)
        return [printer(v) for v in data[kolom]]

    def lebar_kolom(self) -> dict[str, float]:
        """Width of each printed column in percent of the table, by its content.

        A column that wraps (text longer than :data:`PENDEK` characters) counts its longest
        heading word or value, up to :data:`LEBAR_TEKS_MAKS` characters (office text with one
        item per line up to :data:`LEBAR_BARIS_MAKS`); a column that must not wrap (numbers,
        short text) counts its longest heading word or value times :data:`FAKTOR_UTUH`, since
        it cannot give up width; every column has at least 3 characters plus
        :data:`LEBAR_PADDING`. The widths are shares of the sum, rounded to 0,1%.
        """
        shown = [c for c in self.frame.columns if c not in self.sembunyi and c != self.kelompok]
        weights = {}
        for column in shown:
            heading = str(self.label.get(column, column))
            word = max((len(w) for w in heading.split()), default=0)
            kind = self.jenis_kolom(column)
            cap = LEBAR_BARIS_MAKS if kind is Jenis.BARIS else LEBAR_TEKS_MAKS
            lines = [line for text in self.teks_tercetak(column) for line in text.splitlines()]
            longest = max((len(x) for x in lines), default=0)
            if kind in {Jenis.TEKS, Jenis.BARIS} and longest > PENDEK:
                weights[column] = max(word, min(longest, cap), 3) + LEBAR_PADDING
            else:
                weights[column] = (max(word, longest, 3) + LEBAR_PADDING) * FAKTOR_UTUH
        total = sum(weights.values())
        return {c: round(100 * w / total, 1) for c, w in weights.items()} if total else {}

    def _starred_nilai(self, satuan: str | None, kind: Jenis) -> _Formatter:
        """A value with its unit, marked (:attr:`bintang`)."""
        return lambda v: f"{self.gaya.nilai(v, satuan, dengan_satuan=kind is Jenis.NILAI)}*"

    def _printer(self, column: str) -> _Formatter:
        f, kind = self.gaya, self.jenis_kolom(column)
        printers: dict[Jenis, _Formatter] = {
            Jenis.NOMOR: _nomor,
            Jenis.BILANGAN: f.bilangan,
            Jenis.RUPIAH: f.rupiah,
            Jenis.PERSEN: f.persen,
            Jenis.DESIMAL: lambda v: f.angka(v, self.desimal.get(column)),
            Jenis.YA_TIDAK: _ya_tidak,
            Jenis.CAMPURAN: _campuran,
        }
        return printers[kind]

    def _format(self, table: GT, data: pd.DataFrame, column: str) -> GT:
        kind = self.jenis_kolom(column)
        if kind is Jenis.TEKS:
            return table
        if kind is Jenis.BARIS:
            # _lines escapes each line itself and joins them with <br>, so it is not wrapped again.
            return table.fmt(_lines, columns=[column])
        if kind in {Jenis.NILAI, Jenis.NILAI_POLOS}:
            satuan = data[SATUAN].astype("string").fillna("").reset_index(drop=True)
            for unit in satuan.unique():
                rows = list(satuan.index[satuan == unit])
                table = _fmt(
                    table,
                    column,
                    lambda v, u=unit: self.gaya.nilai(v, u or None, dengan_satuan=kind is Jenis.NILAI),
                    rows,
                )
            return table
        table = _fmt(table, column, self._printer(column))
        if kind is Jenis.NOMOR:
            table = table.cols_align("center", columns=column)
        return table


# --------------------------------------------------------------------------- printers


def _text_columns(frame: pd.DataFrame) -> list[str]:
    return [c for c in frame.columns if pd.api.types.is_string_dtype(frame[c]) or frame[c].dtype == object]


def _escaped(fn: _Formatter) -> _Formatter:
    return lambda value: html.escape(neutralise_formula(fn(value)))


def _fmt(table: GT, columns: str | Sequence[str], fn: _Formatter, rows: Sequence[int] | None = None) -> GT:
    """Format ``columns`` (optionally only ``rows``) with ``fn``; the output is escaped."""
    columns = [columns] if isinstance(columns, str) else list(columns)
    if rows is not None and len(rows) == 0:
        return table
    return table.fmt(_escaped(fn), columns=columns, rows=None if rows is None else list(rows))


def _lines(value: object) -> str:
    """Office text with one item per line: each line escaped, joined by ``<br>``."""
    if fmt.is_na(value) or str(value).strip() == "":
        return KOSONG
    return "<br>".join(
        html.escape(neutralise_formula(line.strip())) for line in str(value).splitlines() if line.strip()
    )


def _nomor(value: object) -> str:
    return "" if fmt.is_na(value) else fmt.bilangan(value)


def _ya_tidak(value: object) -> str:
    return fmt.NA if fmt.is_na(value) else ("Ya" if bool(value) else "Tidak")


def _campuran(value: object) -> str:
    if fmt.is_na(value):
        return fmt.NA
    if isinstance(value, str):
        return value
    try:
        return fmt.angka(value, 2)
    except TypeError:
        return str(value)


def _blank(_value: object) -> str:
    return ""


def _huruf(i: int) -> str:
    """The i-th correction mark: a, b, ... z, aa, ab ..."""
    return _huruf(i // 26 - 1) + chr(ord("a") + i % 26) if i >= 26 else chr(ord("a") + i)


def baris_tebal(rows: Sequence[int] | np.ndarray) -> tuple[int, ...]:
    """Row positions as a tuple of ``int`` (for :attr:`TabelLaporan.tebal` and friends)."""
    return tuple(int(i) for i in rows)
