"""The book's files and the marks its chapters carry: shared by the chapters and the site's pages.

The executed chapters are Markdown in ``_bab/`` (:mod:`lkjip.publish.bab`). Before every
numbered table and figure they carry a mark (:func:`penanda`, a Typst ``metadata`` the PDF's
Daftar Tabel and Daftar Gambar query for page numbers); :func:`penanda_buku` reads the marks
back, with the page each stands on, for the lists of the DOCX and the site, the site's
downloads page and its search (:mod:`lkjip.publish.situs`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from lkjip.report.bagian import jangkar

#: Generated Markdown of the executed chapters (git-ignored).
GENERATED = "_bab"
#: The committed chapter pages Quarto renders.
PAGES = "bab"
#: The page of the Daftar Isi, Daftar Tabel and Daftar Gambar (``bab/00-daftar.qmd``): no
#: notebook, its Markdown is written from the other chapters by :func:`lkjip.publish.bab.write_daftar`.
DAFTAR = "00-daftar"
#: The site's downloads page (``bab/07-unduhan.qmd``): no notebook either, written by
#: :mod:`lkjip.publish.situs`.
UNDUHAN = "07-unduhan"
#: Chapter pages whose Markdown is written by code, not by a notebook.
TANPA_NOTEBOOK = frozenset({DAFTAR, UNDUHAN})
#: The downloads folder as a chapter page links it (``_book/bab/`` -> ``_book/data/...``).
PUBLIK = "../data/processed/publik"

_TEKS = r'"((?:[^"\\]|\\.)*)"'
_MARK = re.compile(
    rf'^#metadata\(\(jenis: "(tabel|gambar)", label: {_TEKS}, judul: {_TEKS}\)\) <lkjip-daftar>$', re.M
)


@dataclass(frozen=True)
class Penanda:
    """A numbered table or figure of the book and the chapter page it stands on.

    ``label`` is its number as printed (``"Tabel III.4.B"``, ``"Gambar 0.1"``), ``judul`` the
    rest of its caption, ``halaman`` the chapter page's name (``"03-akuntabilitas-kinerja"``).
    """

    jenis: str
    label: str
    judul: str
    halaman: str

    @property
    def nomor(self) -> str:
        """The number alone: ``"III.4.B"``."""
        return self.label.split(" ", 1)[1]

    @property
    def lengkap(self) -> str:
        """The whole caption: ``"Tabel III.4.B Perbandingan ..."``."""
        return f"{self.label} {self.judul}".strip()

    @property
    def jangkar(self) -> str:
        """Its HTML id on the site (:func:`lkjip.report.bagian.jangkar`)."""
        return jangkar(self.nomor, self.jenis)


def _typst_string(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"')


def pisah(caption: str) -> tuple[str, str]:
    """A numbered caption's number and the rest: ``("Tabel III.4.B", "Perbandingan ...")``."""
    words = caption.split(" ", 2)
    return " ".join(words[:2]), words[2] if len(words) > 2 else ""


def nomor_judul(caption: str) -> str:
    """The number of a numbered caption: ``"III.4.B"`` of ``"Tabel III.4.B Perbandingan ..."``."""
    return pisah(caption)[0].split(" ", 1)[1]


def _unescape(text: str) -> str:
    return text.replace('\\"', '"').replace("\\\\", "\\")


def penanda(jenis: str, caption: str) -> str:
    """A PDF-only marker before a table or figure: the Daftar Tabel/Gambar finds its page."""
    label, judul = pisah(caption)
    fields = f'jenis: "{jenis}", label: "{_typst_string(label)}", judul: "{_typst_string(judul)}"'
    return f"```{{=typst}}\n#metadata(({fields})) <lkjip-daftar>\n```"


def penanda_buku(markdowns: Iterable[Path]) -> list[Penanda]:
    """The numbered tables and figures of the book, in order, from the chapters' Markdown.

    Examples
    --------
    >>> import tempfile
    >>> f = Path(tempfile.mkdtemp()) / "03-bab.md"
    >>> _ = f.write_text(penanda("tabel", 'Tabel II.4 Anggaran "A"'))
    >>> [(p.label, p.judul, p.halaman, p.jangkar) for p in penanda_buku([f])]
    [('Tabel II.4', 'Anggaran "A"', '03-bab', 'tabel-ii-4')]
    """
    return [
        Penanda(jenis, _unescape(label), _unescape(judul), md.stem)
        for md in markdowns
        for jenis, label, judul in _MARK.findall(md.read_text(encoding="utf-8"))
    ]
