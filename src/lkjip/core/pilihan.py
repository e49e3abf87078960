"""Choosing a unit, a PD, an indicator, a column or a year by what a user typed: one rule, named refusals.

The rule, the same for unit codes, PD codes and indicator codes (and used by the analyst's API
:mod:`lkjip.data`, the exploration notebooks and ``python -m lkjip skm-unit``):

1. a code is compared with case and spacing normalised (:func:`kunci`): ``'ul-01'`` and
   ``' UL-01 '`` mean ``UL-01``; ``'UL 01'`` does not (the hyphen is part of the code);
2. otherwise the text is read as a name: a name equal to it in the form names are compared in
   (:func:`lipat_nama`: case, spacing and punctuation folded, ``&`` read as ``dan``; the form
   the data step matches a recap's names to codes in), else the one name that contains it
   (``'Inspektorat'``, ``'IKM'``);
3. a text that fits two or more codes or names is refused, listing what it could mean with
   their codes (:class:`PilihanAmbigu`), never mixed; a text that fits nothing is refused
   with the closest candidates (:mod:`difflib`) and every valid value
   (:class:`PilihanTidakDikenal`).

Years are whole numbers the data hold (:func:`pilih_tahun`, :class:`TahunTidakAda`); columns are
matched exactly, as pandas does (:func:`pilih_kolom`, :class:`KolomTidakAda`).

Examples
--------
>>> unit = {"UL-01": "Dinas Kependudukan dan Pencatatan Sipil", "UL-02": "Dinas Sosial"}
>>> pilih_kode("ul-01", unit, UNIT, di="data.ikm_unsur()"), pilih_kode("sosial", unit, UNIT, di="x")
('UL-01', 'UL-02')
>>> pilih_kode("UL-99", unit, UNIT, di="data.ikm_unsur()")
Traceback (most recent call last):
...
lkjip.core.pilihan.UnitTidakDikenal: Unit layanan 'UL-99' tidak ada di data.ikm_unsur(). Mungkin ...
"""

from __future__ import annotations

import difflib
import math
import operator
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

#: Up to this many valid values are listed with their names; more are listed by code only.
DAFTAR_BERNAMA = 15

#: How many closest candidates a refusal suggests.
JUMLAH_MIRIP = 3


class PilihanTidakDikenal(LookupError):
    """A value asked for that the data do not hold, or that fits more than one of them.

    Attributes
    ----------
    diminta : object
        What was asked for, as given.
    pilihan : tuple of str
        Every valid value (codes, years as text, column names).
    mirip : tuple of str
        The closest valid values, closest first (may be empty).
    """

    def __init__(
        self, pesan: str, *, diminta: object = None, pilihan: Sequence[str] = (), mirip: Sequence[str] = ()
    ):
        super().__init__(pesan)
        self.diminta, self.pilihan, self.mirip = diminta, tuple(pilihan), tuple(mirip)

    def __str__(self) -> str:  # the message as written (KeyError would quote it)
        return str(self.args[0]) if self.args else ""


class PilihanAmbigu(PilihanTidakDikenal):
    """A text that fits two or more codes or names; ``mirip`` holds the codes it could mean."""


class UnitTidakDikenal(PilihanTidakDikenal):
    """A service unit (unit layanan) the data do not hold."""


class UnitAmbigu(PilihanAmbigu, UnitTidakDikenal):
    """A text that names two or more service units."""


class PerangkatDaerahTidakDikenal(PilihanTidakDikenal):
    """A perangkat daerah the data do not hold."""


class PerangkatDaerahAmbigu(PilihanAmbigu, PerangkatDaerahTidakDikenal):
    """A text that names two or more perangkat daerah."""


class IndikatorTidakDikenal(PilihanTidakDikenal):
    """An indicator the data do not hold."""


class IndikatorAmbigu(PilihanAmbigu, IndikatorTidakDikenal):
    """A text that names two or more indicators (``'SAKIP'``: the PD average and the Setda's score)."""


class TahunTidakAda(PilihanTidakDikenal, ValueError):
    """A year the data do not hold; ``pilihan`` lists the years they do, ``mirip`` the nearest."""


class KolomTidakAda(PilihanTidakDikenal, KeyError):
    """A column a frame does not have; ``pilihan`` lists those it has."""


@dataclass(frozen=True)
class Ragam:
    """A kind of thing chosen by code or name: its word in messages and its two refusals."""

    kata: str
    tidak_dikenal: type[PilihanTidakDikenal]
    ambigu: type[PilihanAmbigu]


UNIT = Ragam("Unit layanan", UnitTidakDikenal, UnitAmbigu)
PERANGKAT_DAERAH = Ragam("Perangkat daerah", PerangkatDaerahTidakDikenal, PerangkatDaerahAmbigu)
INDIKATOR = Ragam("Indikator", IndikatorTidakDikenal, IndikatorAmbigu)


def kunci(kode: object) -> str:
    """The form in which codes are compared: every space removed, case folded.

    Examples
    --------
    >>> kunci("ul-01") == kunci(" UL-01 ") == kunci("UL - 01") == kunci("UL-01")
    True
    >>> kunci("UL 01") == kunci("UL-01")
    False
    """
    return re.sub(r"\s+", "", str(kode)).casefold()


_BUKAN_HURUF = re.compile(r"[^\w]+")


def lipat_nama(nama: object) -> str:
    """A name in the form names are compared in: NFKC, case folded, ``&`` read as ``dan``,
    punctuation and repeated spaces as one space (empty for a missing value).

    The one form for names: the analyst's API (:func:`pilih_kode`) and the data step, which
    matches the names of recaps without codes to the codes of its registers
    (:mod:`lkjip.ingest.registers`), compare names in it.

    Examples
    --------
    >>> lipat_nama("Dinas  Kependudukan & Pencatatan Sipil."), lipat_nama("KECAMATAN TROWULAN")
    ('dinas kependudukan dan pencatatan sipil', 'kecamatan trowulan')
    >>> lipat_nama("Kec. Trowulan") == lipat_nama("KEC  TROWULAN") == lipat_nama("Kec.Trowulan")
    True
    >>> lipat_nama(None), lipat_nama(float("nan"))
    ('', '')
    """
    if nama is None or (isinstance(nama, float) and math.isnan(nama)):
        return ""
    folded = unicodedata.normalize("NFKC", str(nama)).casefold().replace("&", " dan ")
    return " ".join(_BUKAN_HURUF.sub(" ", folded).split())


def cocok_kode(diminta: object, kode: Iterable[str]) -> list[str]:
    """The codes of ``kode`` that ``diminta`` stands for by step 1 of the rule (case and spacing).

    Examples
    --------
    >>> cocok_kode("pkp-3", ["PKP-1", "PKP-3", "sakip_opd"]), cocok_kode("PKP 3", ["PKP-3"])
    (['PKP-3'], [])
    """
    wanted = kunci(diminta)
    return [k for k in dict.fromkeys(kode) if kunci(k) == wanted]


def mirip(
    diminta: object, calon: Mapping[str, str | None] | Iterable[str], n: int = JUMLAH_MIRIP
) -> list[str]:
    """The codes closest to ``diminta`` by their code or their name (difflib), closest first.

    Examples
    --------
    >>> mirip("UL-99", ["UL-01", "UL-09", "PD-09"])
    ['UL-09', 'UL-01']
    >>> mirip("kepuasan", {"PKP-3": "Indeks Kepuasan Masyarakat", "PKP-1": "Nilai SAKIP"})
    ['PKP-3']
    """
    names = dict(calon) if isinstance(calon, Mapping) else dict.fromkeys(calon)
    wanted = kunci(diminta)
    score: dict[str, float] = {}
    for code, name in names.items():
        candidates = [kunci(code)]
        if name is not None:
            candidates.append(lipat_nama(name).replace(" ", ""))
            candidates += [kunci(word) for word in str(name).split()]
        score[code] = max(difflib.SequenceMatcher(None, wanted, c).ratio() for c in candidates)
    ranked = sorted((c for c in score if score[c] >= 0.6), key=lambda c: -score[c])
    return ranked[:n]


def daftar(
    kode: Iterable[str], nama: Mapping[str, str | None] | None = None, batas: int | None = DAFTAR_BERNAMA
) -> str:
    """Codes as a message lists them: ``PKP-1 (Nilai SAKIP); PKP-3 (IKM)``, or codes only when
    there are more than ``batas`` (``None``: always with their names).

    Examples
    --------
    >>> daftar(["PKP-1", "PKP-3"], {"PKP-1": "Nilai SAKIP", "PKP-3": "IKM"})
    'PKP-1 (Nilai SAKIP); PKP-3 (IKM)'
    >>> daftar([2024, 2025])
    '2024, 2025'
    >>> daftar([])
    '(tidak ada)'
    """
    codes = [str(k) for k in kode]
    if not codes:
        return "(tidak ada)"
    if nama is None or (batas is not None and len(codes) > batas):
        return ", ".join(codes)
    return "; ".join(f"{k} ({nama[k]})" if nama.get(k) else k for k in codes)


def pilih_kode(diminta: object, calon: Mapping[str, str | None], ragam: Ragam, *, di: str) -> str:
    """The code that ``diminta`` (a code or a name) stands for among ``calon``, by the one rule.

    Parameters
    ----------
    diminta : str
        What the user typed: a code in any case and spacing, a full name, or a part of one name.
    calon : mapping
        Every valid code -> its name (``None`` when it has none), in the order to list them.
    ragam : Ragam
        :data:`UNIT`, :data:`PERANGKAT_DAERAH` or :data:`INDIKATOR`: the word and the errors.
    di : str
        Where the values were looked for, for the message (``"data.ikm_unsur()"``).

    Returns
    -------
    str
        The code as the data write it.

    Raises
    ------
    PilihanAmbigu
        ``ragam.ambigu``, when the text fits two or more codes or names: the message lists them.
    PilihanTidakDikenal
        ``ragam.tidak_dikenal``, when it fits none: the closest candidates, then every valid one.

    Examples
    --------
    >>> indikator = {"PKP-1": "Nilai Rata-Rata SAKIP Perangkat Daerah", "sakip_opd": "Nilai SAKIP",
    ...              "PKP-3": "Indeks Kepuasan Masyarakat (IKM) Pemerintah Daerah"}
    >>> pilih_kode("pkp-3", indikator, INDIKATOR, di="x"), pilih_kode("IKM", indikator, INDIKATOR, di="x")
    ('PKP-3', 'PKP-3')
    >>> pilih_kode("nilai sakip", indikator, INDIKATOR, di="x")  # a whole name beats a part of one
    'sakip_opd'
    >>> pilih_kode("SAKIP", indikator, INDIKATOR, di="data.perbandingan()")
    Traceback (most recent call last):
    ...
    lkjip.core.pilihan.IndikatorAmbigu: Indikator 'SAKIP' di data.perbandingan() tidak jelas: cocok
    dengan 2, PKP-1 (Nilai Rata-Rata SAKIP Perangkat Daerah); sakip_opd (Nilai SAKIP). ...
    """
    codes = list(dict.fromkeys(calon))
    if not isinstance(diminta, str) or not diminta.strip():
        raise ragam.tidak_dikenal(
            f"{ragam.kata} harus disebut dengan kode atau nama (teks), bukan {diminta!r}. "
            f"Yang ada di {di}: {daftar(codes, calon)}.",
            diminta=diminta,
            pilihan=codes,
        )
    wanted = lipat_nama(diminta)
    for found in (
        cocok_kode(diminta, codes),
        [k for k in codes if calon[k] is not None and lipat_nama(calon[k]) == wanted],
        [k for k in codes if calon[k] is not None and wanted in lipat_nama(calon[k])],
    ):
        if len(found) == 1:
            return found[0]
        if found:
            raise ragam.ambigu(
                f"{ragam.kata} '{diminta}' di {di} tidak jelas: cocok dengan {len(found)}, "
                f"{daftar(found, calon, None)}. Sebutkan kodenya, mis. '{found[0]}'.",
                diminta=diminta,
                pilihan=codes,
                mirip=found,
            )
    close = mirip(diminta, calon)
    hint = f" Mungkin maksudnya: {daftar(close, calon)}." if close else ""
    raise ragam.tidak_dikenal(
        f"{ragam.kata} '{diminta}' tidak ada di {di}.{hint} Yang ada ({len(codes)}): {daftar(codes, calon)}.",
        diminta=diminta,
        pilihan=codes,
        mirip=close,
    )


def _tahun(value: object) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, str):
        return int(value.strip()) if value.strip().isdigit() else None
    try:
        return operator.index(value)
    except TypeError:
        return int(value) if isinstance(value, float) and value.is_integer() else None


def tahun_bulat(diminta: object, ada: Iterable[int] = (), *, di: str = "data") -> list[int]:
    """``diminta`` (a year or several) as whole years, each once, in the order given.

    Raises
    ------
    TahunTidakAda
        For anything that is not a year (``2025``, ``"2025"``), naming the years ``ada``.

    Examples
    --------
    >>> tahun_bulat(2025), tahun_bulat(["2024", 2025, 2025.0]), tahun_bulat(range(2021, 2023))
    ([2025], [2024, 2025], [2021, 2022])
    >>> tahun_bulat("dua ribu", [2025], di="data.capaian()")
    Traceback (most recent call last):
    ...
    lkjip.core.pilihan.TahunTidakAda: Tahun harus bilangan bulat (mis. 2025) atau daftar tahun, bukan
    'dua ribu'. Tahun yang ada di data.capaian(): 2025.
    """
    many = not isinstance(diminta, str | bytes) and isinstance(diminta, Iterable)
    asked = list(diminta) if many else [diminta]
    years = [_tahun(y) for y in asked]
    if not asked or any(y is None for y in years):
        have = sorted({int(y) for y in ada})
        raise TahunTidakAda(
            f"Tahun harus bilangan bulat (mis. 2025) atau daftar tahun, bukan {diminta!r}. "
            f"Tahun yang ada di {di}: {daftar(have)}.",
            diminta=diminta,
            pilihan=[str(y) for y in have],
        )
    return list(dict.fromkeys(y for y in years if y is not None))


def pilih_tahun(diminta: object, ada: Iterable[int], *, di: str, semua: bool = True) -> list[int]:
    """The year or years ``diminta`` (one year, or several) when the data hold every one of them.

    Parameters
    ----------
    diminta : int or iterable of int
        ``2025``, ``[2024, 2025]`` or ``range(2021, 2026)``; a year written as text (``"2025"``)
        counts as that year.
    ada : iterable of int
        The years the data hold.
    di : str
        Where they were looked for, for the message.
    semua : bool
        ``False``: refuse only when the data hold none of them (a trend span may reach beyond the
        data: its empty years are reported, not refused).

    Returns
    -------
    list of int
        The years asked for, in the order asked, each once.

    Raises
    ------
    TahunTidakAda
        Naming the years asked for that the data do not hold, the years they do and the nearest.

    Examples
    --------
    >>> pilih_tahun(2025, [2023, 2024, 2025], di="x"), pilih_tahun(range(2024, 2026), {2024, 2025}, di="x")
    ([2025], [2024, 2025])
    >>> pilih_tahun(range(2021, 2026), [2023, 2024, 2025], di="x", semua=False)
    [2021, 2022, 2023, 2024, 2025]
    >>> pilih_tahun(2030, [2023, 2024, 2025], di="data.ikm_unit()")
    Traceback (most recent call last):
    ...
    lkjip.core.pilihan.TahunTidakAda: Tahun 2030 tidak ada di data.ikm_unit(): datanya mencakup
    tahun 2023, 2024, 2025. Tahun terdekat: 2025.
    """
    have = sorted({int(y) for y in ada})
    wanted = tahun_bulat(diminta, have, di=di)
    missing = [y for y in wanted if y not in have]
    if missing and (semua or len(missing) == len(wanted)):
        nearest = sorted({min(have, key=lambda h: (abs(h - y), -h)) for y in missing}) if have else []
        hint = f" Tahun terdekat: {daftar(nearest)}." if nearest else ""
        raise TahunTidakAda(
            f"Tahun {daftar(missing)} tidak ada di {di}: datanya mencakup tahun {daftar(have)}.{hint}",
            diminta=diminta,
            pilihan=[str(y) for y in have],
            mirip=[str(y) for y in nearest],
        )
    return wanted


def pilih_kolom(diminta: Iterable[str], ada: Sequence[str], *, di: str) -> list[str]:
    """The columns ``diminta`` when ``ada`` has every one (exact names, as pandas reads them).

    Raises
    ------
    KolomTidakAda
        Naming the missing columns, the closest names and every column there is.

    Examples
    --------
    >>> pilih_kolom(["kode_indikator"], ["tahun", "kode_indikator", "nilai"], di="x")
    ['kode_indikator']
    >>> pilih_kolom(["kode_indikatr"], ["tahun", "kode_indikator", "nilai"], di="ringkas_tren")
    Traceback (most recent call last):
    ...
    lkjip.core.pilihan.KolomTidakAda: Kolom kode_indikatr tidak ada di ringkas_tren. Mungkin
    maksudnya: kode_indikator. Kolom yang ada: tahun, kode_indikator, nilai.
    """
    asked = [diminta] if isinstance(diminta, str) else list(diminta)
    missing = [c for c in asked if c not in ada]
    if missing:
        close = list(
            dict.fromkeys(m for c in missing for m in difflib.get_close_matches(str(c), list(ada), n=2))
        )
        hint = f" Mungkin maksudnya: {daftar(close)}." if close else ""
        raise KolomTidakAda(
            f"Kolom {daftar(missing)} tidak ada di {di}.{hint} Kolom yang ada: {daftar(ada)}.",
            diminta=diminta,
            pilihan=list(ada),
            mirip=close,
        )
    return asked
