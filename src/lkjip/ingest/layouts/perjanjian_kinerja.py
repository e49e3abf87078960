"""The Perjanjian Kinerja as e-SAKIP and SIPD-based applications print it: one year per document.

The public page of the SIPD companion plugin (``agusnurwanto/wp-sipd``,
``public/partials/monev/wpsipd-public-pk-publik.php``) prints, under a title "Detail Perjanjian
Kinerja / <perangkat daerah> / Tahun Anggaran <tahun>", a table with a header over two rows::

    Sasaran Strategis | Indikator Kinerja | Satuan | Target | Realisasi (TW 1 .. TW 4) | Capaian Kinerja %

(then columns this reader leaves aside: Capaian Serapan Anggaran, Capaian Kinerja Program, Capaian
Realisasi Fisik). Offices save it as an HTML file named ``.xls``, or copy it into Excel. It says
neither the indicator's code, nor its polarity, nor which computed source its realisation comes
from, nor which agreement (and planning period) it belongs to: the reader takes them from the
office's declarations (``laporan.yml``: ``pemetaan.register.indikator``, ``pemetaan.perjanjian_kinerja``),
from the other sheets of the source that carry them (the office's template, its ``Narasi Indikator``
sheet), or from defaults, and ``python -m lkjip kenali`` says which.

This module recognises the layout and reads what the document itself says (its header, its year,
its agreement when the title names it); the records are made by
:mod:`lkjip.ingest.readers.perjanjian_kinerja`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from lkjip.core.config import BerkasPemetaan, Config
from lkjip.ingest.judul import find_header, header_labels, normalise_label
from lkjip.ingest.problems import StructuralError

#: The columns of the document, by the labels exports print (the first as a person types it).
KOLOM = {
    "sasaran": ("Sasaran Strategis", "Sasaran", "Sasaran Kinerja"),
    "indikator": ("Indikator Kinerja", "Indikator", "Indikator Sasaran", "Indikator Kinerja Utama"),
    "satuan": ("Satuan",),
    "target": ("Target", "Target Kinerja", "Target Tahunan"),
    "realisasi": ("Realisasi", "Realisasi Kinerja"),
    "capaian": ("Capaian Kinerja", "Capaian Kinerja %", "Capaian Kinerja (%)", "Capaian", "Capaian (%)",
                "% Capaian"),
}  # fmt: skip
WAJIB = ("sasaran", "indikator", "target")
#: The header as a person types it, for the messages.
JUDUL = (
    "Sasaran Strategis | Indikator Kinerja | Satuan | Target | Realisasi (TW 1 .. TW 4) | Capaian Kinerja %"
)

_TRIWULAN = re.compile(r"(?:\btw|triwulan|trw|tri wulan)\s*[-.:]?\s*(iv|i{1,3}|[1-4])\b", re.IGNORECASE)
_ROMAWI = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
_TAHUN = re.compile(r"\btahun(?:\s+anggaran)?\s*:?\s*((?:19|20)\d{2})\b", re.IGNORECASE)
_TAHUN_NAMA = re.compile(r"(?<!\d)(20\d{2})(?!\d)")


@dataclass(frozen=True)
class TataLetakPk:
    """Where things are in one Perjanjian Kinerja document."""

    header: int  # 0-based last header row; the indicators start below it
    pertama: int  # 0-based first header row (titles above it)
    kolom: dict[str, int]  # sasaran, indikator, satuan, target, [realisasi], [capaian]
    triwulan: dict[int, int]  # quarter (1..4) -> column
    label: list[str | None]  # every column's header label, header rows joined


def triwulan(label: object) -> int | None:
    """The quarter a header label names: ``"Realisasi TW 2"`` -> 2, ``"Triwulan IV"`` -> 4.

    >>> triwulan("Realisasi TW 1"), triwulan("TRIWULAN III"), triwulan("Target")
    (1, 3, None)
    """
    match = _TRIWULAN.search(normalise_label(label))
    if match is None:
        return None
    word = match.group(1).lower()
    return _ROMAWI.get(word) or int(word)


def kenali(
    rows: Sequence[Sequence[object]], berkas: str, sheet: str, declared: BerkasPemetaan | None
) -> TataLetakPk | None:
    """Recognise a one-year Perjanjian Kinerja document; None when ``rows`` are something else.

    The office's template (a ``Kode`` column and a year over each Target/Realisasi pair) is not
    this layout.
    """
    first_row = declared.header_rows[:1] if declared is not None and declared.header_rows else None
    try:
        top = find_header(
            rows, KOLOM, WAJIB, berkas=berkas, sheet=sheet, twice_ok=True, declared_rows=first_row,
            aliases=declared.kolom if declared is not None else None,
        )  # fmt: skip
    except StructuralError:
        return None
    if any(normalise_label(v) in ("kode", "kode indikator", "polaritas") for v in top.label):
        return None  # the office's template: read by its own rules
    h = top.baris
    if declared is not None and declared.header_rows:
        last = max(declared.header_rows) - 1
    else:
        below = rows[h + 1] if h + 1 < len(rows) else []
        last = h + 1 if any(triwulan(v) for v in below) else h
    join = declared.header_join if declared is not None else " "
    labels = header_labels(rows, h, last, join) if last > h else top.label
    quarters: dict[int, int] = {}
    for pos, label in enumerate(labels):
        q = triwulan(label)
        other = normalise_label(label).startswith(("target", "capaian"))
        if q is not None and q not in quarters and not other:
            quarters[q] = pos
    kolom = dict(top.kolom)
    if quarters:
        kolom.pop("realisasi", None)
    elif "realisasi" not in kolom:
        return None
    capaian = next(
        (p for p, v in enumerate(labels) if normalise_label(v).replace("(%)", "%").rstrip(" %") in
         ("capaian kinerja", "capaian", "% capaian")),
        None,
    )  # fmt: skip
    if capaian is not None:
        kolom["capaian"] = capaian
    else:
        kolom.pop("capaian", None)
    return TataLetakPk(last, h, kolom, quarters, labels)


def tahun(
    rows_above: Sequence[Sequence[object]], berkas: str, declared: BerkasPemetaan | None
) -> int | None:
    """The document's year: declared, else its title ("Tahun Anggaran 2025"), else its file name.

    >>> tahun([["Detail Perjanjian Kinerja"], ["Tahun Anggaran 2024"]], "pk.xls", None)
    2024
    >>> tahun([["PERJANJIAN KINERJA"]], "perjanjian-kinerja-2023.xls", None)
    2023
    """
    if declared is not None and declared.tahun:
        return declared.tahun
    for row in rows_above:
        for value in row:
            if isinstance(value, str) and (m := _TAHUN.search(value)):
                return int(m.group(1))
    m = _TAHUN_NAMA.search(berkas)
    return int(m.group(1)) if m else None


def dokumen_dari_judul(rows_above: Sequence[Sequence[object]], config: Config) -> str | None:
    """The agreement the title names, when it names one without doubt.

    "PERJANJIAN KINERJA PERUBAHAN TAHUN 2025" names "Perjanjian Kinerja Perubahan"; "Detail
    Perjanjian Kinerja" names nothing for sure when another agreement's name contains it.
    """
    title = " ".join(normalise_label(v) for row in rows_above for v in row if isinstance(v, str))
    names = {normalise_label(p.dokumen_pk): p.dokumen_pk for p in config.periode}
    found = [n for n in names if n and n in title]
    if not found:
        return None
    longest = max(found, key=len)
    if any(longest != other and longest in other for other in names):
        return None  # the name of another agreement continues it: the title does not decide
    return names[longest]
