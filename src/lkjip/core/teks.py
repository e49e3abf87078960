"""Text that leaves the project: a cell text must never be run as a formula by a spreadsheet.

Excel, LibreOffice and Google Sheets treat a CSV cell (or a pasted table cell) that starts with
``=``, ``+``, ``-`` or ``@`` (or a tab or carriage return) as a formula: a unit name
``=HYPERLINK(...)`` or ``=cmd|' /C calc'!A1`` typed into an export would then run when a
reader opens the published CSV. The Excel annex marks such cells as text (quote prefix); a text
file cannot carry a style, so the text gets the same leading apostrophe a person types in Excel
to say "this is text". Plain signed numbers ("-12,5", "+3 %") and a lone "-" (the usual mark for
"no value") are left as they are: no spreadsheet runs them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import pandas as pd

#: First characters that make a spreadsheet read a cell as a formula.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
#: A signed number as text ("-12,5", "+3 %", "-1.234,5"): harmless, never neutralised.
SIGNED_NUMBER = r"^[+-]\s*[0-9][0-9.,]*\s*%?\s*$"
_SIGNED_NUMBER = re.compile(SIGNED_NUMBER)
#: Texts that start like a formula but are plain marks.
PLAIN_MARKS = frozenset({"-", "+", "--", "-/-"})


def is_formula_like(text: object) -> bool:
    """True for a text a spreadsheet would run as a formula.

    Examples
    --------
    >>> is_formula_like("=HYPERLINK(\\"http://x\\")"), is_formula_like("@SUM(A1)"), is_formula_like("-")
    (True, True, False)
    >>> is_formula_like("-12,5"), is_formula_like("- catatan"), is_formula_like("Dinas Sosial")
    (False, True, False)
    """
    return (
        isinstance(text, str)
        and text.startswith(FORMULA_START)
        and text not in PLAIN_MARKS
        and not _SIGNED_NUMBER.match(text)
    )


def neutralise_formula(text: object) -> object:
    """``text`` with a leading apostrophe when a spreadsheet would run it as a formula.

    The one rule of every published text file (CSV, Markdown, HTML), as the Excel annex does
    with its quote prefix. Anything that is not such a text is returned unchanged.

    Examples
    --------
    >>> neutralise_formula("=cmd|' /C calc'!A1")
    "'=cmd|' /C calc'!A1"
    >>> neutralise_formula("UL-01"), neutralise_formula("-"), neutralise_formula(85.72)
    ('UL-01', '-', 85.72)
    """
    return f"'{text}" if is_formula_like(text) else text


def daftar_kata(items: Iterable[str]) -> str:
    """Join ``items`` as an Indonesian list: ``a``, ``a dan b``, ``a, b dan c``.

    Examples
    --------
    >>> daftar_kata(["dokumen"]), daftar_kata(["dokumen", "kode"]), daftar_kata("abc")
    ('dokumen', 'dokumen dan kode', 'a, b dan c')
    """
    words = list(items)
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " dan " + words[-1]


def neutralise_texts(frame: pd.DataFrame, columns: Iterable[str] | None = None) -> pd.DataFrame:
    """A copy of ``frame`` with :func:`neutralise_formula` applied to the text cells of ``columns``.

    All text columns when ``columns`` is omitted; numbers, dates and missing values are kept,
    and so is each column's dtype.

    Examples
    --------
    >>> frame = pd.DataFrame({"Unit": ["=1+1", "Dinas"], "IKM": [85.7, 90.1]})
    >>> neutralise_texts(frame)["Unit"].tolist()
    ["'=1+1", 'Dinas']
    """
    out = frame.copy()
    names = list(out.columns) if columns is None else [c for c in columns if c in out.columns]
    for name in names:
        column = out[name]
        if pd.api.types.is_string_dtype(column) or column.dtype == object:
            out[name] = column.map(neutralise_formula, na_action="ignore").astype(column.dtype)
    return out
