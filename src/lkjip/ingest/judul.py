"""One header finder for every reader: the header row found by its labels, one row or several.

Every export puts title lines above its header, and many print a header over two rows (a year
over ``Target | Realisasi``, ``Realisasi`` over ``TW 1 .. TW 4``, ``NILAI UNSUR PELAYANAN`` over
``U1 .. U9``). :func:`find_header` finds the header by the labels it must carry, among the first
rows of a sheet, and maps each field a reader needs to its column. A header of several rows is
read the way the Frictionless table dialect describes it (``headerRows``, ``headerJoin``): the
labels of the header rows of one column are joined, and a label written once over several
columns (a merged cell, or one read blank to its right) stands over each of them.

The office may say where the header is and what a printed label means
(``laporan.yml``, ``pemetaan``): then the declared rows are used as they are, and a declared
label counts as the field it names (:func:`lkjip.ingest.pemetaan.aliases`).

Messages name the header a person would type (``"Kode Unit"``, ``"Jumlah Responden"``): the
first label of each field, never the field's own name.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from openpyxl.utils import get_column_letter

from lkjip.ingest.problems import Problem, StructuralError

#: Rows searched for the header, below the title lines.
SEARCH_ROWS = 30


def normalise_label(value: object) -> str:
    """Header text folded for matching: lower case, single spaces, no trailing dots or colons.

    >>> normalise_label("  Kode\\nUnit. "), normalise_label(None)
    ('kode unit', '')
    """
    if value is None:
        return ""
    text = " ".join(str(value).replace("\n", " ").split()).lower()
    return text.rstrip(" .:")


def header_key(label: object) -> str:
    """A header label folded for matching, without its trailing remark in parentheses.

    >>> header_key("Jenis Kelamin (L/P)"), header_key("(1)")
    ('jenis kelamin', '(1)')
    """
    text = normalise_label(label)
    without = re.sub(r"\s*\(.*\)$", "", text)
    return without or text


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def header_labels(
    rows: Sequence[Sequence[object]], first: int, last: int, join: str = " "
) -> list[str | None]:
    """The labels of the header rows ``first`` .. ``last`` (0-based, both included), joined per column.

    A label of an upper row written once over several columns stands over each column to its
    right whose lower label is filled in, as long as the lower row goes on without a gap (the
    merged ``Realisasi`` over ``TW 1 .. TW 4``). The same text twice in a column (a label merged
    down two rows) is written once.

    >>> header_labels([["No", "Realisasi", None, "Capaian"], [None, "TW 1", "TW 2", None]], 0, 1)
    ['No', 'Realisasi TW 1', 'Realisasi TW 2', 'Capaian']
    >>> header_labels([["Tahun", "2025", "2025"], ["Tahun", "Target", "Realisasi"]], 0, 1, " / ")
    ['Tahun', '2025 / Target', '2025 / Realisasi']
    """
    width = max((len(rows[r]) for r in range(first, last + 1) if r < len(rows)), default=0)
    grid = [
        [rows[r][c] if r < len(rows) and c < len(rows[r]) else None for c in range(width)]
        for r in range(first, last + 1)
    ]
    for level in range(len(grid) - 1):
        upper, lower = grid[level], grid[level + 1]
        for c in range(1, width):
            spans = not _blank(upper[c - 1]) and not _blank(lower[c]) and not _blank(lower[c - 1])
            if _blank(upper[c]) and spans:
                upper[c] = upper[c - 1]
    labels: list[str | None] = []
    for c in range(width):
        parts: list[str] = []
        for level in grid:
            value = level[c]
            if _blank(value):
                continue
            text = " ".join(str(value).split())
            if not parts or parts[-1] != text:
                parts.append(text)
        labels.append(join.join(parts) if parts else None)
    return labels


@dataclass(frozen=True)
class Judul:
    """A header found: where it is and which column holds each field.

    Attributes
    ----------
    baris : int
        0-based row of the (last) header row; the data start below it.
    pertama : int
        0-based row of the first header row (``baris`` for a one-row header).
    kolom : dict
        Field -> 0-based position of its column.
    label : list
        The header's label of every column, header rows joined (``None`` when blank).
    lain : list of (int, str)
        Columns with a label that is no field (a reader drops them, and may say so).
    """

    baris: int
    pertama: int
    kolom: dict[str, int]
    label: list[str | None]
    lain: list[tuple[int, str]] = field(default_factory=list)


def display_labels(fields: Mapping[str, Sequence[str]]) -> dict[str, str]:
    """The header a person would type for each field: its first label."""
    return {name: (labels[0] if labels else name) for name, labels in fields.items()}


def find_header(
    rows: Sequence[Sequence[object]],
    fields: Mapping[str, Sequence[str]],
    required: Sequence[str] = (),
    *,
    berkas: str,
    sheet: str,
    search_rows: int = SEARCH_ROWS,
    min_hits: int = 1,
    depth: int = 1,
    declared_rows: Sequence[int] | None = None,
    join: str = " ",
    aliases: Mapping[str, str] | None = None,
    key: Callable[[object], str] = header_key,
    column_name: Callable[[int, str | None], str] | None = None,
    twice_ok: bool = False,
) -> Judul:
    """Find the header among the first rows of a sheet and map each field to its column.

    Parameters
    ----------
    rows : sequence of sequences
        The sheet's cell values, row by row (0-based).
    fields : mapping
        Field -> the labels it may carry, the first as a person would type it (``"Kode Unit"``);
        labels are compared folded (:func:`header_key`).
    required : sequence of str
        Fields that must be found.
    berkas, sheet : str
        Where the rows come from, for the messages.
    search_rows : int
        How many rows are searched.
    min_hits : int
        Fewer fields found on the best row: no header at all.
    depth : int
        Rows the header spans when it is searched (a two-row header: 2).
    declared_rows : sequence of int, optional
        The header's rows as the office declared them (1-based, Excel's numbers): no search.
    join : str
        Between the labels of a column's header rows (Frictionless ``headerJoin``).
    aliases : mapping, optional
        Printed label -> field (or one of its labels), declared by the office.
    key : callable
        How a label is folded for matching.
    column_name : callable, optional
        ``(position, label) -> "D (Nilai)"`` for messages; the column letter by default.
    twice_ok : bool
        A field's label in two columns is the first of them (a merged label read into each of
        its cells) instead of a problem.

    Returns
    -------
    Judul

    Raises
    ------
    StructuralError
        No row with enough of the labels (naming what was looked for), a required field missing
        (located at the header row, naming the header to type), or a field found in two columns.

    Examples
    --------
    >>> rows = [["REKAP"], [], ["No", "Kode PD", "Perangkat Daerah", "Nilai", "Catatan"], [1, "A", "X", 8]]
    >>> judul = find_header(rows, {"kode": ["Kode PD"], "nilai": ["Nilai", "Skor"]}, ["kode", "nilai"],
    ...                     berkas="b.xlsx", sheet="S")
    >>> judul.baris, judul.kolom
    (2, {'kode': 1, 'nilai': 3})
    """
    shown = display_labels(fields)
    lookup: dict[str, str] = {}
    for name, labels in fields.items():
        for label in labels:
            lookup.setdefault(key(label), name)
    for label, target in (aliases or {}).items():
        folded = key(target)
        resolved = target if target in fields else lookup.get(folded)
        if resolved is not None:
            lookup[key(label)] = resolved

    def letter(pos: int, label: str | None) -> str:
        if column_name is not None:
            return column_name(pos, label)
        return f"{get_column_letter(pos + 1)} ({label})" if label else get_column_letter(pos + 1)

    def hits_of(labels: list[str | None]) -> tuple[int, int]:
        found = {lookup.get(key(v)) for v in labels if v is not None} - {None}
        return sum(1 for r in required if r in found), len(found)

    if declared_rows:
        first, last = min(declared_rows) - 1, max(declared_rows) - 1
        if last >= len(rows):
            raise StructuralError([Problem(
                berkas, f"baris judul kolom yang dinyatakan ({', '.join(map(str, declared_rows))}, "
                "pemetaan.headerRows di laporan.yml) tidak ada: sheet hanya berisi "
                f"{len(rows)} baris", sheet=sheet,
            )])  # fmt: skip
        best, labels = last, header_labels(rows, first, last, join)
    else:
        first = best = None
        labels = []
        score = (-1, -1)
        for i in range(min(search_rows, len(rows))):
            top = max(0, i - depth + 1)
            here = header_labels(rows, top, i, join) if depth > 1 else [
                None if _blank(v) else " ".join(str(v).split()) for v in rows[i]
            ]
            hits = hits_of(here)
            if hits > score:
                first, best, labels, score = top, i, here, hits
        if best is None or score[1] < min_hits:
            wanted = [shown[r] for r in required] or list(shown.values())
            raise StructuralError([Problem(
                berkas,
                f"baris judul kolom tidak ditemukan di {search_rows} baris pertama (dicari: "
                f"{', '.join(wanted)})",
                sheet=sheet,
            )])  # fmt: skip
    mapping: dict[str, int] = {}
    others: list[tuple[int, str]] = []
    problems: list[Problem] = []
    for pos, label in enumerate(labels):
        name = lookup.get(key(label)) if label is not None else None
        if name is None:
            if label is not None:
                others.append((pos, label))
        elif name in mapping:
            if twice_ok:
                continue
            first_pos = mapping[name]
            problems.append(Problem(
                berkas,
                f"kolom '{shown.get(name, name)}' muncul dua kali: {letter(first_pos, labels[first_pos])} "
                f"dan {letter(pos, label)}",
                sheet=sheet, baris=best + 1,
            ))  # fmt: skip
        else:
            mapping[name] = pos
    missing = [shown.get(r, r) for r in required if r not in mapping]
    if missing:
        problems.append(Problem(
            berkas, f"kolom wajib tidak ditemukan pada baris judul: {missing}", sheet=sheet, baris=best + 1
        ))  # fmt: skip
    if problems:
        raise StructuralError(problems)
    return Judul(best, first, mapping, labels, others)
