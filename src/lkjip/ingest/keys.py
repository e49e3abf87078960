"""Keys (unit, perangkat daerah, indicator codes) compared the way a reader of the sheet sees them.

Two spellings that a person reads as the same code, ``'UL-01'`` and ``'ul-01'``, or ``'UL-01'``
with a zero-width space or a non-breaking space pasted in, must not become two units. Keys are
folded (Unicode NFKC, invisible characters removed, spaces of any kind removed, case folded) to
find such spellings; each group is written with its canonical spelling (the one the reference
list uses, else the most frequent), and every merge is reported as a located warning so that
the office can correct the export.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable

#: Characters that are invisible in Excel: zero-width space/joiners, word joiner, BOM, soft hyphen.
INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_SPACES = re.compile(r"\s+")


def clean_key(text: str) -> str:
    """A key as a person reads it: NFKC, no invisible characters, single ordinary spaces.

    >>> clean_key("UL\u200b-01"), clean_key("PD-01\u00a0"), clean_key("ＵＬ－01")
    ('UL-01', 'PD-01', 'UL-01')
    """
    text = unicodedata.normalize("NFKC", text)
    text = INVISIBLE.sub("", text)
    return _SPACES.sub(" ", text.replace("\u00a0", " ")).strip()


def fold_key(text: str) -> str:
    """:func:`clean_key`, case folded and without spaces: the form two codes are compared in.

    >>> fold_key("ul-01") == fold_key("UL\u200b-01") == fold_key("UL-\u00a001")
    True
    """
    return clean_key(text).casefold().replace(" ", "")


def canonical_spellings(counts: Counter, preferred: Iterable[str] = ()) -> dict[str, str]:
    """Map every spelling that differs from its group's canonical spelling to that spelling.

    Parameters
    ----------
    counts : Counter
        Spelling as written -> how many rows use it.
    preferred : iterable of str
        Spellings of a reference list (e.g. the ``Unit`` sheet), chosen first.

    Returns
    -------
    dict
        Only the spellings that change: written -> canonical.

    >>> canonical_spellings(Counter({"UL-01": 40, "ul-01": 2, "UL-02": 5}))
    {'ul-01': 'UL-01'}
    """
    preferred_by_fold = {}
    for spelling in preferred:
        preferred_by_fold.setdefault(fold_key(spelling), clean_key(spelling))
    groups: dict[str, list[str]] = {}
    for spelling in counts:
        groups.setdefault(fold_key(spelling), []).append(spelling)
    out = {}
    for folded, spellings in groups.items():
        canonical = preferred_by_fold.get(folded)
        if canonical is None:
            cleaned = Counter()
            for s in spellings:
                cleaned[clean_key(s)] += counts[s]
            canonical = max(cleaned, key=lambda s: (cleaned[s], s == s.upper()))
        for spelling in spellings:
            if spelling != canonical:
                out[spelling] = canonical
    return out


def describe(spelling: str) -> str:
    """The spelling with its invisible characters shown: ``'UL\\u200b-01'``."""
    return repr(spelling)
