"""Indonesian formatting of numbers, money, percentages and dates for tables, charts and text."""

from __future__ import annotations

import datetime as dt
import math
from decimal import Decimal
from numbers import Real
from typing import Literal

import numpy as np
import pandas as pd
from babel.dates import format_date
from babel.numbers import format_decimal

from lkjip.core.config import Config
from lkjip.core.na import is_na
from lkjip.core.rounding import round_decimal_half_up

#: Locale of every formatted value: decimal comma, thousands dot, Indonesian month names.
LOCALE = "id_ID"

#: Text shown for a missing value (never 0, never an empty cell).
NA = "N/A"

#: Units whose values are scores or percentages (shown with decimals and without the unit word);
#: every other unit (``PD/UKPD``, ``Inovasi``, ``Dokumen``, ...) counts things.
SATUAN_DESIMAL = frozenset({"%", "Nilai", "Indeks", "Persen", "Skor"})

GayaUang = Literal["baku", "laporan"]


def _as_decimal(x: object) -> Decimal:
    if isinstance(x, bool | np.bool_) or not isinstance(x, Real | np.number | Decimal):
        raise TypeError(f"nilai {x!r} ({type(x).__name__}) bukan angka")
    if isinstance(x, Decimal):
        return x
    if isinstance(x, int | np.integer):
        return Decimal(int(x))
    # repr gives the shortest decimal that round-trips (100.805, not 100.80499999...), so
    # rounding half up then matches what the office sees in Excel.
    return Decimal(repr(float(x)))


def _round(x: object, desimal: int) -> Decimal:
    # The engine's rounding (binary noise removed, then half up), so text and categories agree.
    value = round_decimal_half_up(_as_decimal(x), desimal)
    return abs(value) if value == 0 else value  # no "-0,00"


def bulat(x: object, desimal: int = 2) -> float:
    """Round as the formatted text shows it (half up): ``bulat(100.805) == 100.81``.

    For comparisons that must agree with the printed numbers (a capaian shown as "100,00%"
    is "tepat 100%"); missing gives ``nan``.

    Examples
    --------
    >>> bulat(100.805), bulat(99.996), bulat(88.3049, 1)
    (100.81, 100.0, 88.3)
    """
    return math.nan if is_na(x) else float(_round(x, desimal))


def angka(x: object, desimal: int = 2) -> str:
    """Format a number the Indonesian way: ``angka(1234567.891) == "1.234.567,89"``.

    Rounds half up (``100.805`` -> ``"100,81"``), as Excel and the printed report do, not to
    even as :mod:`decimal` would.

    Parameters
    ----------
    x : number or missing
        The value; ``None``/``NaN``/``pd.NA`` give ``"N/A"``.
    desimal : int
        Number of decimals, always shown (``83.1`` -> ``"83,10"``).

    Returns
    -------
    str

    Examples
    --------
    >>> angka(1234567.891)
    '1.234.567,89'
    >>> angka(100.805), angka(83.1), angka(-0.001), angka(None)
    ('100,81', '83,10', '0,00', 'N/A')
    """
    if is_na(x):
        return NA
    pattern = "#,##0" + ("." + "0" * desimal if desimal > 0 else "")
    return format_decimal(_round(x, desimal), format=pattern, locale=LOCALE)


def angka_ringkas(x: object, maks_desimal: int = 4) -> str:
    """A number with at most ``maks_desimal`` decimals and no trailing zeros, for messages.

    ``angka_ringkas(0.0100) == "0,01"``, ``angka_ringkas(1234.5) == "1.234,5"``,
    ``angka_ringkas(57.0) == "57"``; missing gives ``"N/A"``.

    Examples
    --------
    >>> angka_ringkas(0.0100), angka_ringkas(1234.5), angka_ringkas(57.0), angka_ringkas(1 / 3)
    ('0,01', '1.234,5', '57', '0,3333')
    """
    if is_na(x):
        return NA
    pattern = "#,##0" + ("." + "#" * maks_desimal if maks_desimal > 0 else "")
    return format_decimal(_round(x, maks_desimal), format=pattern, locale=LOCALE)


def bilangan(x: object) -> str:
    """Format a whole number: ``bilangan(57) == "57"``, ``bilangan(1234) == "1.234"``.

    Examples
    --------
    >>> bilangan(26092), bilangan(44.5), bilangan(float("nan"))
    ('26.092', '45', 'N/A')
    """
    return angka(x, 0)


def persen(x: object, desimal: int = 2) -> str:
    """Format a percentage already on the 0–100 scale: ``persen(85.72) == "85,72%"``.

    The sign follows the number without a space ("85,72%"), as in the seed report and the
    EYD spelling of percentages; every table, chart and sentence uses this one style.

    Examples
    --------
    >>> persen(85.72), persen(99.6632), persen(100, 0), persen(None)
    ('85,72%', '99,66%', '100%', 'N/A')
    """
    text = angka(x, desimal)
    return text if text == NA else f"{text}%"


def rupiah(x: object, gaya: GayaUang = "baku") -> str:
    """Format an amount of money in rupiah.

    Parameters
    ----------
    x : number or missing
        Whole rupiah.
    gaya : {"baku", "laporan"}
        ``"baku"``: correct Indonesian spelling, ``"Rp796.858.170"``;
        ``"laporan"``: the office's habit, ``"Rp. 796.858.170,00"``.

    Returns
    -------
    str
        ``"N/A"`` when missing; a negative amount is ``"-Rp1.000"``.

    Examples
    --------
    >>> rupiah(796858170)
    'Rp796.858.170'
    >>> rupiah(796858170, "laporan")
    'Rp. 796.858.170,00'
    >>> rupiah(-1000)
    '-Rp1.000'
    """
    if is_na(x):
        return NA
    if gaya == "baku":
        prefix, desimal = "Rp", 0
    elif gaya == "laporan":
        prefix, desimal = "Rp. ", 2
    else:
        raise ValueError(f"gaya uang '{gaya}' tidak dikenal; pilih 'baku' atau 'laporan'")
    text = angka(abs(_as_decimal(x)), desimal)
    sign = "-" if _round(x, desimal) < 0 else ""
    return f"{sign}{prefix}{text}"


def tanggal(x: object) -> str:
    """Format a date in full: ``tanggal(date(2026, 1, 30)) == "30 Januari 2026"``.

    Accepts ``datetime.date``, ``datetime.datetime``, ``pd.Timestamp`` and ISO text
    (``"2026-01-30"``); missing gives ``"N/A"``.

    Examples
    --------
    >>> tanggal(dt.date(2026, 1, 30)), tanggal("2025-08-17T09:00:00")
    ('30 Januari 2026', '17 Agustus 2025')
    """
    if is_na(x):
        return NA
    if isinstance(x, str):
        x = dt.date.fromisoformat(x.strip()[:10])
    if isinstance(x, pd.Timestamp):
        x = x.date()
    if isinstance(x, dt.datetime):
        x = x.date()
    if not isinstance(x, dt.date):
        raise TypeError(f"nilai {x!r} ({type(x).__name__}) bukan tanggal")
    return format_date(x, "d MMMM y", locale=LOCALE)


def nilai(
    x: object,
    satuan: object = None,
    *,
    desimal: int = 2,
    dengan_satuan: bool = True,
) -> str:
    """Format an indicator value according to its unit, as the report prints it.

    ``%`` -> ``"96,40%"``; scores (``Nilai``, ``Indeks``) -> ``"83,11"``; counts
    (``PD/UKPD``, ``Inovasi``, ...) -> ``"57 PD/UKPD"`` (or ``"57"`` without the unit word),
    with decimals only when the count is not whole.

    Parameters
    ----------
    x : number or missing
    satuan : str, optional
        The indicator's unit; missing or empty means a plain score.
    desimal : int
        Decimals for scores and percentages.
    dengan_satuan : bool
        Append the unit word to counts (tables of targets) or not (trend tables).

    Examples
    --------
    >>> nilai(96.4, "%"), nilai(83.113, "Nilai"), nilai(57, "PD/UKPD")
    ('96,40%', '83,11', '57 PD/UKPD')
    >>> nilai(57, "PD/UKPD", dengan_satuan=False), nilai(2.5, "Inovasi"), nilai(None, "%")
    ('57', '2,50 Inovasi', 'N/A')
    """
    if is_na(x):
        return NA
    unit = "" if is_na(satuan) else str(satuan).strip()
    if unit == "%":
        return persen(x, desimal)
    if unit == "" or unit in SATUAN_DESIMAL:
        return angka(x, desimal)
    text = bilangan(x) if float(x).is_integer() else angka(x, desimal)
    return f"{text} {unit}" if dengan_satuan else text


class Formatter:
    """The formatting functions with the report's settings (``config.format``) filled in.

    Parameters
    ----------
    config : Config
        Supplies ``format.uang`` (money style), ``format.desimal_persen`` and
        ``format.desimal_nilai``.

    Examples
    --------
    >>> from lkjip.core.config import load_config
    >>> f = Formatter(load_config())
    >>> f.persen(85.7213)
    '85,72%'
    """

    def __init__(self, config: Config):
        self.gaya_uang: GayaUang = config.format.uang
        self.desimal_persen = config.format.desimal_persen
        self.desimal_nilai = config.format.desimal_nilai

    def angka(self, x: object, desimal: int | None = None) -> str:
        """:func:`angka` with ``format.desimal_nilai`` decimals unless given."""
        return angka(x, self.desimal_nilai if desimal is None else desimal)

    def bilangan(self, x: object) -> str:
        """:func:`bilangan`."""
        return bilangan(x)

    def persen(self, x: object, desimal: int | None = None) -> str:
        """:func:`persen` with ``format.desimal_persen`` decimals unless given."""
        return persen(x, self.desimal_persen if desimal is None else desimal)

    def rupiah(self, x: object) -> str:
        """:func:`rupiah` in the configured style (``format.uang``)."""
        return rupiah(x, self.gaya_uang)

    def tanggal(self, x: object) -> str:
        """:func:`tanggal`."""
        return tanggal(x)

    def nilai(self, x: object, satuan: object = None, *, dengan_satuan: bool = True) -> str:
        """:func:`nilai` with ``format.desimal_nilai`` (scores) or ``desimal_persen`` (%)."""
        unit = "" if is_na(satuan) else str(satuan).strip()
        desimal = self.desimal_persen if unit == "%" else self.desimal_nilai
        return nilai(x, satuan, desimal=desimal, dengan_satuan=dengan_satuan)
