"""The office's declarations for one export (``laporan.yml``, ``pemetaan``), as the readers use them.

Each source has a list of file declarations (:class:`lkjip.core.config.BerkasPemetaan`): a file
name pattern and, for that file, what its layout cannot say itself: the sheet, the header rows
(``headerRows``, ``headerJoin``), what a printed header means (``kolom``), the texts that mean "no
value" (``missingValues``), and the fields with one value for the whole file (``konstan``). Every
reader asks :func:`deklarasi` for its file and sheet, so one vocabulary works for every source.
"""

from __future__ import annotations

import fnmatch
from collections.abc import Sequence

from lkjip.core.config import BerkasPemetaan, Config
from lkjip.ingest.judul import normalise_label


def deklarasi(config: Config, sumber: str, berkas: str, sheet: str | None = None) -> BerkasPemetaan | None:
    """The first declaration of ``sumber`` whose pattern matches ``berkas`` (and its sheet, if named).

    Examples
    --------
    >>> from lkjip.core.config import load_config
    >>> deklarasi(load_config(), "sakip", "sakip.xlsx") is None
    True
    """
    for entry in config.pemetaan.untuk(sumber):
        if not fnmatch.fnmatch(berkas, entry.berkas):
            continue
        other_sheet = entry.sheet is not None and normalise_label(entry.sheet) != normalise_label(sheet)
        if sheet is not None and other_sheet:
            continue
        return entry
    return None


def nilai_kosong(declared: BerkasPemetaan | None) -> frozenset[str]:
    """The texts the office declared as "no value" for this file, folded (``missingValues``).

    >>> sorted(nilai_kosong(BerkasPemetaan(berkas="x", missingValues=["Belum Ada", " n.a "])))
    ['belum ada', 'n.a']
    """
    if declared is None:
        return frozenset()
    return frozenset(normalise_label(v) for v in declared.missing_values if normalise_label(v))


def tanpa_nilai_kosong(rows: Sequence[list], kosong: frozenset[str]) -> list[list]:
    """``rows`` with every cell whose text is a declared "no value" made empty (``None``).

    >>> tanpa_nilai_kosong([["a", "Belum ada", 3]], frozenset({"belum ada"}))
    [['a', None, 3]]
    """
    if not kosong:
        return [list(r) for r in rows]
    return [[None if isinstance(v, str) and normalise_label(v) in kosong else v for v in row] for row in rows]
