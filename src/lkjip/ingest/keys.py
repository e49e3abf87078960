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

from lkjip.ingest.problems import Problem

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


#: Key columns of the clean tables, compared across tables and years.
KEY_COLUMNS = ("kode_unit", "kode_pd", "kode_indikator")
#: Where the reference spelling of a key lives (its list), when there is one.
REFERENCE = {"kode_unit": "skm_unit"}


def normalise_key_columns(tables: dict, *, skip: Iterable[str] = ()) -> tuple[dict, list[Problem]]:
    """Write every key of every clean table with one spelling; a warning per spelling merged.

    Parameters
    ----------
    tables : dict of DataFrame
        The clean tables (with ``berkas``, ``sheet``, ``baris``).
    skip : iterable of str
        Tables whose reader normalised its keys already (its spellings still count).

    Returns
    -------
    tables : dict of DataFrame
        The same tables, keys rewritten where a spelling was merged.
    warnings : list of Problem
        One located warning (first row of the spelling) per table and spelling merged.
    """
    skipped = set(skip)
    out = dict(tables)
    warnings = []
    for column in KEY_COLUMNS:
        holders = [n for n, f in tables.items() if column in f.columns and len(f)]
        counts: Counter = Counter()
        for name in holders:
            counts.update(tables[name][column].dropna().astype(str).value_counts().to_dict())
        reference = tables.get(REFERENCE.get(column, ""))
        listed = reference is not None and column in reference
        preferred = reference[column].dropna().astype(str).tolist() if listed else []
        mapping = canonical_spellings(counts, preferred=preferred)
        if not mapping:
            continue
        for name in holders:
            frame = out[name]
            hit = frame[column].isin(list(mapping)).fillna(False).to_numpy(dtype=bool)
            if not hit.any() or name in skipped:
                continue
            for spelling in frame.loc[hit, column].unique():
                first = frame[frame[column] == spelling].iloc[0]
                n = int((frame[column] == spelling).sum())
                warnings.append(
                    Problem(
                        str(first["berkas"]) if "berkas" in frame else name,
                        f"{column} {str(spelling)!r} dibaca sama dengan '{mapping[spelling]}' (beda huruf "
                        f"besar/kecil, spasi atau karakter tak terlihat) dan disatukan: {n} baris; perbaiki "
                        "ejaannya di ekspor",
                        sheet=None if "sheet" not in frame else str(first["sheet"]),
                        baris=None if "baris" not in frame else int(first["baris"]),
                        kolom=column,
                        nilai=spelling,
                    )
                )
            frame = frame.copy()
            frame.loc[hit, column] = frame.loc[hit, column].map(mapping)
            out[name] = frame
    return out, warnings
