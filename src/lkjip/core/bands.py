"""Ordered categories (best first) shared by the SKM, SAKIP and kelembagaan rules."""

from __future__ import annotations

from collections.abc import Sequence


def at_or_above(label: object, ordered: Sequence[str], minimum: str) -> bool:
    """True when ``label`` is ``minimum`` or a better category of ``ordered`` (best first).

    A missing or unknown label is never "at or above": it counts as not reaching the minimum.

    Examples
    --------
    >>> urutan = ["AA", "A", "BB", "B", "CC", "C", "D"]
    >>> at_or_above("A", urutan, "BB"), at_or_above("B", urutan, "BB"), at_or_above(None, urutan, "BB")
    (True, False, False)
    """
    if not isinstance(label, str) or label not in ordered:
        return False
    return ordered.index(label) <= ordered.index(minimum)
