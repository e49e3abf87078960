"""Jejak angka: the lineage of every figure the report prints, and how a reader sees it.

A figure's trail (:class:`Jejak`) says where the number comes from: the export cells it was read
from (:class:`Sel`: file, sheet, Excel row and column), or the formula that computed it with its
inputs, each an own trail (``177.653.428 / 227.760.105 × 100 = 78,00%``), and, where the export
printed or typed a figure of its own, that figure with the reviu's verdict (:class:`Tercetak`).

Trails are made where the value is: the builder of a table, chart or sentence makes the trail of
each figure from the same row and the same inputs that gave the printed value
(:mod:`lkjip.report.asal`), and the trail carries that very value (:attr:`Jejak.hasil`), so a
test can check that the two never differ. Nothing here recomputes a figure.

How a reader sees them:

- on the site, every figure is a ``<span class="lkjip-angka" data-jejak="...">`` (in a table
  cell, or in a generated sentence: :class:`Kalimat`), and the trails of a table, chart or text
  follow it in a collapsed ``<details>`` list (:func:`daftar_html`); the site's script
  (``_extensions/lkjip/jejak.html``) shows a figure's trail where it stands, on hover, click or
  Enter, and the list works without it. The PDF and the DOCX print the figure alone;
- a figure that differs from what the office's export printed (:attr:`Jejak.berbeda`) carries a
  mark and a note in every format (:meth:`lkjip.report.tabel_laporan.TabelLaporan.koreksi`);
- every trail is a row of ``jejak-angka.csv`` and of the annex's sheet (:func:`baris_jejak`).
"""

from __future__ import annotations

import html
import math
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

import pandas as pd

from lkjip.core.na import is_na
from lkjip.ingest.problems import column_place

#: What :attr:`Jejak.asal` may be, and how the report says it.
ASAL = {
    "ekspor": "dibaca dari ekspor",
    "hitung": "dihitung",
    "konfigurasi": "ditetapkan di laporan.yml",
    "aturan": "ketentuan baku rumus",
    "tidak_ada": "tidak tersedia",
}

#: Class of a figure that has a trail (site script and style: ``_extensions/lkjip/jejak.html``).
KELAS_ANGKA = "lkjip-angka"
#: Extra class of a figure that differs from what its export printed.
KELAS_KOREKSI = "lkjip-koreksi"
#: Class of the list of trails after a table, chart or text.
KELAS_DAFTAR = "lkjip-jejak-daftar"

#: Column headings of ``jejak-angka.csv`` and of the annex's sheet, with their meaning (the data
#: dictionary's description of the download).
ARTI_KOLOM_CSV = {
    "id": "Pengenal angka, sama dengan tanda jejaknya di situs.",
    "tempat": "Tempat angka tercetak: tabel (nomornya), gambar, atau bab dan kalimatnya.",
    "baris": "Baris tabel atau gambar (nomor atau nama baris), kosong untuk kalimat.",
    "kolom": "Kolom tabel atau seri gambar, kosong untuk kalimat.",
    "nilai": "Angka seperti tercetak (format Indonesia, dengan satuannya).",
    "uraian": "Apa angka itu, dalam bahasa laporan.",
    "asal": (
        "Dibaca dari ekspor, dihitung, ditetapkan di laporan.yml, ketentuan baku rumus, atau tidak "
        "tersedia."
    ),
    "rumus": "Untuk angka hitungan: rumusnya dengan setiap masukan dan nilainya.",
    "sumber": "Setiap sel ekspor asal angka: berkas, sheet, baris dan kolom Excel.",
    "tercetak_di_ekspor": "Angka yang dicetak ekspor kantor untuk hal yang sama, dengan selnya (bila ada).",
    "reviu": "Hasil reviu atas angka ekspor itu: sesuai, atau berbeda dengan penjelasannya.",
}
KOLOM_CSV = tuple(ARTI_KOLOM_CSV)

_SPAN = re.compile(rf'<span class="{KELAS_ANGKA}[^"]*" data-jejak="[^"]*">(.*?)</span>', re.DOTALL)


# --------------------------------------------------------------------------- the model


@dataclass(frozen=True)
class Sel:
    """A place in an export: a cell, or a run of rows of one column.

    Attributes
    ----------
    berkas : str
        The export file (in ``data/raw/``), or ``laporan.yml``.
    sheet : str, optional
    baris : int, optional
        The Excel row (the first of a run).
    kolom : str, optional
        The Excel column with its heading as printed (``F (Realisasi)``), else the column's
        name in the clean table.
    sampai : int, optional
        The last Excel row of a run of rows.
    jumlah : int, optional
        How many rows of the run are counted (fewer than the run when rows in between belong
        to something else).
    """

    berkas: str
    sheet: str | None = None
    baris: int | None = None
    kolom: str | None = None
    sampai: int | None = None
    jumlah: int | None = None

    def teks(self) -> str:
        """The place in words: ``realisasi-anggaran.xlsx, sheet 'LRA 2025', baris 19, kolom D (Realisasi)``.

        Examples
        --------
        >>> Sel("a.xlsx", "LRA", 19, "D (Realisasi)").teks()
        "a.xlsx, sheet 'LRA', baris 19, kolom D (Realisasi)"
        >>> Sel("r.xlsx", "UL-01", 5, "U1", sampai=443, jumlah=439).teks()
        "r.xlsx, sheet 'UL-01', baris 5–443 (439 baris), kolom U1"
        """
        parts = [self.berkas]
        if self.sheet:
            parts.append(f"sheet '{self.sheet}'")
        if self.baris is not None:
            rows = f"baris {self.baris}"
            if self.sampai is not None and self.sampai != self.baris:
                rows = f"baris {self.baris}–{self.sampai}"
                if self.jumlah is not None:
                    rows += f" ({self.jumlah:,} baris)".replace(",", ".")
            parts.append(rows)
        elif self.jumlah is not None:
            parts.append(f"{self.jumlah:,} baris".replace(",", "."))
        if self.kolom:
            parts.append(f"kolom {self.kolom}")
        return ", ".join(parts)


@dataclass(frozen=True)
class Tercetak:
    """A figure the export printed or typed itself, and the reviu's verdict on it.

    ``temuan`` is the reviu's explanation when the printed figure differs from the computed one
    beyond its printed precision (a row of the ``reviu`` table); ``None``: they agree.
    """

    nilai: str
    sel: Sel
    temuan: str | None = None
    #: Where the report lists the finding (``"Tabel L.5"``).
    rujukan: str = ""

    @property
    def berbeda(self) -> bool:
        return self.temuan is not None

    def teks(self) -> str:
        """The verdict in words, e.g. ``tercetak di ekspor 78,68% (...): sesuai``."""
        verdict = "berbeda dari hasil hitung" if self.berbeda else "sesuai dengan hasil hitung"
        return f"tercetak di ekspor {self.nilai} ({self.sel.teks()}): {verdict}"


@dataclass(frozen=True)
class Jejak:
    """The trail of one printed figure.

    Attributes
    ----------
    hasil : object
        The value the report prints (a number; ``NaN`` for N/A), the very object the builder
        holds, so that the trail and the figure cannot differ.
    uraian : str
        What the figure is: ``Capaian anggaran sasaran 1, Perjanjian Kinerja Perubahan 2025``.
    asal : str
        A key of :data:`ASAL`: ``ekspor`` (read as it stands in an export cell), ``hitung``
        (computed by lkjip from data), ``konfigurasi`` (set in ``laporan.yml``), ``tidak_ada``.
    rumus : str, optional
        The computation with its inputs as printed: ``177.653.428 / 227.760.105 × 100 = 78,00%``.
    sel : tuple of Sel
        The export cells read (for ``ekspor``), or the rows a computation runs over.
    masukan : tuple of Jejak
        The inputs of the formula, each with its own trail.
    tercetak : Tercetak, optional
        The figure the export printed or typed for the same thing, with the reviu's verdict.
    catatan : str, optional
        What else a reviewer should know (rounding, an illustrative figure, a shared budget).
    """

    hasil: object
    uraian: str
    asal: str = "hitung"
    rumus: str | None = None
    sel: tuple[Sel, ...] = ()
    masukan: tuple[Jejak, ...] = ()
    tercetak: Tercetak | None = None
    catatan: str | None = None

    def __post_init__(self) -> None:
        if self.asal not in ASAL:
            raise ValueError(f"asal jejak '{self.asal}' tidak dikenal; pilihan: {', '.join(ASAL)}")

    @property
    def berbeda(self) -> bool:
        """Whether the export printed another figure for this one (the reviu's finding)."""
        return self.tercetak is not None and self.tercetak.berbeda

    def semua_sel(self) -> list[Sel]:
        """Every place this figure comes from: its own cells, then its inputs', each once."""
        out: list[Sel] = []
        for sel in [*self.sel, *(s for m in self.masukan for s in m.semua_sel())]:
            if sel not in out:
                out.append(sel)
        return out


def sama(a: object, b: object) -> bool:
    """Whether a trail's value and a printed value are the same value (both N/A counts).

    Examples
    --------
    >>> sama(78.00024, 78.00024), sama(float("nan"), None), sama(1.0, 1.0000001)
    (True, True, False)
    """
    if is_na(a) or is_na(b):
        return is_na(a) and is_na(b)
    try:
        return float(a) == float(b)
    except (TypeError, ValueError):
        return str(a) == str(b)


# --------------------------------------------------------------------------- column places


class Letak:
    """Where each clean-table column stands in its export (the table ``letak_kolom``).

    Examples
    --------
    >>> frame = pd.DataFrame({"berkas": ["pk.xlsx"], "sheet": ["PK"], "kolom": ["target"],
    ...                       "tahun": pd.array([2025], dtype="Int64"), "letak": ["P (Target 2025)"]})
    >>> letak = Letak(frame)
    >>> letak.kolom("pk.xlsx", "PK", "target", 2025), letak.kolom("pk.xlsx", "PK", "capaian_tercetak")
    ('P (Target 2025)', 'capaian tercetak')
    """

    def __init__(self, frame: pd.DataFrame | None = None):
        self._places: dict[tuple[str, str, str, int | None], str] = {}
        if frame is not None:
            for row in frame.itertuples(index=False):
                year = None if is_na(row.tahun) else int(row.tahun)
                self._places[(str(row.berkas), str(row.sheet), str(row.kolom), year)] = str(row.letak)

    def kolom(self, berkas: object, sheet: object, kolom: str, tahun: object = None) -> str:
        """The Excel column of ``kolom`` (``"P (Target 2025)"``), else the column's name in words."""
        found = column_place(self._places, str(berkas), None if is_na(sheet) else str(sheet), kolom, tahun)
        return found.replace("_", " ") if found == kolom else found

    def sel(self, row: object, kolom: str, tahun: object = None) -> Sel | None:
        """The cell of ``kolom`` in the export row ``row`` (a row with berkas, sheet, baris)."""
        berkas = _get(row, "berkas")
        if is_na(berkas):
            return None
        sheet, baris = _get(row, "sheet"), _get(row, "baris")
        return Sel(
            str(berkas),
            None if is_na(sheet) else str(sheet),
            None if is_na(baris) else int(baris),
            self.kolom(berkas, sheet, kolom, tahun),
        )


def _get(row: object, name: str) -> object:
    if isinstance(row, dict | pd.Series):
        return row.get(name)
    return getattr(row, name, None)


def rentang(rows: pd.DataFrame, kolom: str | None = None, *, letak: Letak | None = None) -> tuple[Sel, ...]:
    """The export rows of ``rows`` (with berkas, sheet, baris) as runs, one per file and sheet.

    Examples
    --------
    >>> rows = pd.DataFrame({"berkas": ["r.xlsx"] * 3, "sheet": ["S"] * 3, "baris": [5, 6, 9]})
    >>> [s.teks() for s in rentang(rows, "ikm")]
    ["r.xlsx, sheet 'S', baris 5–9 (3 baris), kolom ikm"]
    """
    if rows.empty or "berkas" not in rows.columns:
        return ()
    runs: dict[tuple[str, str], list[int]] = {}
    berkas = rows["berkas"].astype("string").fillna("").tolist()
    sheet = rows["sheet"].astype("string").fillna("").tolist()
    baris = pd.to_numeric(rows["baris"], errors="coerce").tolist()
    for b, s, r in zip(berkas, sheet, baris, strict=True):
        runs.setdefault((b, s), []).append(r)
    out = []
    for (b, s), lines in runs.items():
        known = [int(r) for r in lines if not math.isnan(r)]
        name = None if not kolom else (letak.kolom(b, s or None, kolom) if letak else kolom)
        out.append(
            Sel(
                b,
                s or None,
                min(known) if known else None,
                name,
                max(known) if known else None,
                len(lines),
            )
        )
    return tuple(out)


# --------------------------------------------------------------------------- reviu verdicts


class Reviu:
    """The reviu's findings (the table ``reviu``) by the export cell they are about."""

    def __init__(self, reviu: pd.DataFrame | None = None):
        self._temuan: dict[tuple[str, str, int, str], str] = {}
        if reviu is not None:
            for row in reviu.itertuples(index=False):
                if is_na(row.berkas) or is_na(row.baris):
                    continue
                key = (
                    str(row.berkas),
                    "" if is_na(row.sheet) else str(row.sheet),
                    int(row.baris),
                    str(row.kolom),
                )
                self._temuan[key] = str(row.penjelasan)

    def temuan(self, row: object, kolom: str) -> str | None:
        """The finding about column ``kolom`` of the export row ``row``; ``None`` when it agrees."""
        berkas, sheet, baris = _get(row, "berkas"), _get(row, "sheet"), _get(row, "baris")
        if is_na(berkas) or is_na(baris):
            return None
        return self._temuan.get((str(berkas), "" if is_na(sheet) else str(sheet), int(baris), kolom))


# --------------------------------------------------------------------------- formulas


def jumlah_rumus(suku: Sequence[str], hasil: str, maks: int = 12) -> str:
    """A sum as printed: ``a + b + c = total``; more than ``maks`` terms are shortened.

    Examples
    --------
    >>> jumlah_rumus(["1", "2"], "3")
    '1 + 2 = 3'
    >>> jumlah_rumus([str(i) for i in range(20)], "190", maks=3)
    '0 + 1 + 2 + … (20 suku) = 190'
    """
    if not suku:
        return hasil
    if len(suku) > maks:
        return f"{' + '.join(suku[:maks])} + … ({len(suku)} suku) = {hasil}"
    return f"{' + '.join(suku)} = {hasil}"


def rata_rumus(suku: Sequence[str], hasil: str, maks: int = 12) -> str:
    """A mean as printed: ``(a + b + c) / 3 = mean``.

    Examples
    --------
    >>> rata_rumus(["100,81", "100,00", "100,91"], "100,57%")
    '(100,81 + 100,00 + 100,91) / 3 = 100,57%'
    """
    shown = " + ".join(suku[:maks]) + (f" + … ({len(suku)} suku)" if len(suku) > maks else "")
    return f"({shown}) / {len(suku)} = {hasil}"


# --------------------------------------------------------------------------- sentences


class Kalimat:
    """The figures of one generated text: each marked where it stands, its trail kept.

    ``awalan`` makes the ids unique on their page (``jejak-k-<awalan>-<n>``); ``buat`` turns a
    trail maker (a callable taking the report's :class:`~lkjip.report.asal.Asal`) into a trail.
    """

    def __init__(self, awalan: str, asal: object):
        self.awalan, self.asal = awalan, asal
        self.daftar: list[tuple[str, str, Jejak]] = []

    def angka(self, teks: str, buat: Callable[[object], Jejak | None]) -> str:
        """``teks`` (a formatted figure) marked with its trail; unmarked when it has none."""
        jejak = buat(self.asal)
        if jejak is None:
            return teks
        ident = f"jejak-k-{self.awalan}-{len(self.daftar) + 1}"
        self.daftar.append((ident, teks, jejak))
        return tandai(teks, ident, jejak.berbeda)


class Polos:
    """A :class:`Kalimat` that marks nothing: generated text for tests and plain uses."""

    asal = None
    daftar: tuple[tuple[str, str, Jejak], ...] = ()

    def angka(self, teks: str, buat: Callable[[object], Jejak | None]) -> str:
        del buat
        return teks


def tandai(teks: str, ident: str, berbeda: bool = False) -> str:
    """An HTML-escaped figure wrapped in its trail's span (``teks`` is escaped by the caller)."""
    kelas = f"{KELAS_ANGKA} {KELAS_KOREKSI}" if berbeda else KELAS_ANGKA
    return f'<span class="{kelas}" data-jejak="{ident}">{teks}</span>'


def polos(teks: str) -> str:
    """Generated text without its trail marks.

    Examples
    --------
    >>> polos('sebesar <span class="lkjip-angka" data-jejak="jejak-k-x-1">85,72%</span>.')
    'sebesar 85,72%.'
    """
    return _SPAN.sub(r"\1", teks)


def tanda_di(teks: str) -> list[str]:
    """The trail ids marked in ``teks`` (HTML or Markdown), in order."""
    return re.findall(rf'class="{KELAS_ANGKA}[^"]*" data-jejak="([^"]+)"', teks)


# --------------------------------------------------------------------------- rendering


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def jejak_html(jejak: Jejak, *, dalam: int = 0) -> str:
    """The body of one trail as HTML: how the figure came about, its inputs, the printed figure."""
    parts = [f'<span class="lkjip-jejak-uraian">{_e(jejak.uraian)}</span>']
    how = _e(ASAL[jejak.asal].capitalize())
    cells = "; ".join(_e(s.teks()) for s in jejak.sel)
    if jejak.rumus:
        parts.append(f'<span class="lkjip-jejak-rumus">{how}: {_e(jejak.rumus)}</span>')
        if cells:
            parts.append(f'<span class="lkjip-jejak-sel">Dari: {cells}</span>')
    elif cells:
        parts.append(f'<span class="lkjip-jejak-sel">{how}: {cells}</span>')
    else:
        parts.append(f'<span class="lkjip-jejak-asal">{how}</span>')
    if jejak.catatan:
        parts.append(f'<span class="lkjip-jejak-catatan">{_e(jejak.catatan)}</span>')
    if jejak.tercetak is not None:
        parts.append(_tercetak_html(jejak.tercetak))
    body = "".join(parts)
    if jejak.masukan and dalam < 3:
        shown = jejak.masukan[:MASUKAN_MAKS]
        inputs = "".join(f"<li>{jejak_html(m, dalam=dalam + 1)}</li>" for m in shown)
        rest = len(jejak.masukan) - len(shown)
        if rest:
            inputs += f"<li>… dan {rest:,} masukan lain (sumbernya di jejak-angka.csv)</li>".replace(",", ".")
        body += f'<ul class="lkjip-jejak-masukan">{inputs}</ul>'
    return body


#: Inputs of one formula shown on the site (all of them are in ``jejak-angka.csv``).
MASUKAN_MAKS = 12


def _tercetak_html(tercetak: Tercetak) -> str:
    kelas = "lkjip-jejak-tercetak" + (f" {KELAS_KOREKSI}" if tercetak.berbeda else "")
    text = f"Tercetak di ekspor: {_e(tercetak.nilai)} ({_e(tercetak.sel.teks())}) — "
    if not tercetak.berbeda:
        return f'<span class="{kelas}">{text}sesuai dengan hasil hitung.</span>'
    text += "berbeda dari hasil hitung; laporan memuat hasil hitung ulang."
    if tercetak.rujukan:
        text += f" Lihat {_e(tercetak.rujukan)}."
    return f'<span class="{kelas}">{text}</span>'


@dataclass(frozen=True)
class Titik:
    """One value a chart plots: what it is, the number, the text it is labelled with, its trail."""

    label: str
    nilai: object
    teks: str
    jejak: Jejak


#: Modifier letters that mark a corrected figure inside a chart (matplotlib prints no superscript).
HURUF_ATAS = dict(zip("abcdefghijklmnoprstuvwxyz", "ᵃᵇᶜᵈᵉᶠᵍʰⁱʲᵏˡᵐⁿᵒᵖʳˢᵗᵘᵛʷˣʸᶻ", strict=True))


@dataclass(frozen=True)
class Butir:
    """One figure of a table, chart or text with its trail, as the lists and the CSV show it."""

    ident: str
    tempat: str
    baris: str
    kolom: str
    nilai: str
    jejak: Jejak


def daftar_html(judul: str, butir: Iterable[Butir]) -> str:
    """The collapsed list of trails after a table, chart or text (site only; ``""`` when empty)."""
    items = list(butir)
    if not items:
        return ""
    lines = []
    for b in items:
        where = " · ".join(_e(p) for p in (b.baris, b.kolom) if p)
        head = f'<span class="lkjip-jejak-nilai">{_e(b.nilai)}</span>' + (
            f' <span class="lkjip-jejak-tempat">{where}</span>' if where else ""
        )
        lines.append(f'<li id="{_e(b.ident)}">{head}{jejak_html(b.jejak)}</li>')
    count = f"{len(items):,}".replace(",", ".")
    return (
        f'<details class="{KELAS_DAFTAR}"><summary>Jejak angka {_e(judul)} ({count} angka)</summary>'
        f"<ol>{''.join(lines)}</ol></details>"
    )


def _rumus_datar(jejak: Jejak, dalam: int = 0) -> str:
    text = jejak.rumus or ""
    if dalam < 2:
        inputs = [f"{m.uraian}: {m.rumus}" if m.rumus else "" for m in jejak.masukan]
        inputs = [i for i in inputs if i]
        if inputs:
            text += (" [" if text else "[") + "; ".join(inputs) + "]"
    return text


def baris_jejak(butir: Iterable[Butir]) -> list[dict[str, str]]:
    """The rows of ``jejak-angka.csv``: one per printed figure, its trail flattened to text."""
    rows = []
    for b in butir:
        j = b.jejak
        rows.append(
            {
                "id": b.ident,
                "tempat": b.tempat,
                "baris": b.baris,
                "kolom": b.kolom,
                "nilai": b.nilai,
                "uraian": j.uraian,
                "asal": ASAL[j.asal],
                "rumus": _rumus_datar(j),
                "sumber": "; ".join(s.teks() for s in j.semua_sel()),
                "tercetak_di_ekspor": ""
                if j.tercetak is None
                else f"{j.tercetak.nilai} ({j.tercetak.sel.teks()})",
                "reviu": ""
                if j.tercetak is None
                else ("berbeda: " + (j.tercetak.temuan or "")).strip()
                if j.tercetak.berbeda
                else "sesuai",
            }
        )
    return rows
