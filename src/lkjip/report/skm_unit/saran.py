"""Respondents' free-text suggestions that may be published: nothing that could identify a person.

The SKM reader drops every personal-data column by its header (name, phone, NIK, e-mail,
address: :data:`lkjip.ingest.readers.skm.PERSONAL_DATA`), but a suggestion is free text and can
still carry such data ("hubungi saya di 0812...", "Pak Budi di loket 2 kurang ramah"). A
suggestion is published only when none of the patterns below is in it; the filter errs on the
side of leaving a harmless text out, and the publication says how many it left out.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from lkjip.ingest.readers.skm import PERSONAL_DATA

#: What marks a text as possibly identifying a person, with the reason shown in tests and notes.
POLA_PRIBADI: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("kata data pribadi", PERSONAL_DATA),
    ("alamat e-mail", re.compile(r"\S+@\S+")),
    (
        "akun media sosial atau tautan",
        re.compile(r"(?:^|\s)@\w|https?://|www\.|\.(?:com|id|net|org)\b", re.I),
    ),
    # Phone numbers, NIK, vehicle or case numbers: five digits or more, separators allowed.
    ("nomor", re.compile(r"\d(?:[\s.\-/()]*\d){4,}")),
    (
        "tanggal",
        re.compile(
            r"\b\d{1,2}\s*(?:[/.-]\s*\d{1,2}|(?:jan|feb|mar|apr|mei|jun|jul|agu|ags|sep|okt|nov|des)[a-z]*)\b",
            re.I,
        ),
    ),
    # A person named or addressed: "Pak Budi", "bu dokter", "mbak Sari", "Sdr. X", "dr. Y".
    (
        "sebutan orang",
        re.compile(
            r"\b(?:pak|bapak|bu|ibu|mas|mbak|mba|kak|dik|adik|sdr|sdri|saudara|saudari|tuan|nyonya|"
            r"bpk|mbah|om|tante|dr|drg|drs|dra|ir|h|hj|ns|bidan)\b\.?\s*[A-Za-z]",
            re.I,
        ),
    ),
    ("nama diri", re.compile(r"\b(?:saya|aku|anak saya|istri saya|suami saya)\s+(?:adalah\s+)?[A-Z][a-z]+")),
)


def alasan_pribadi(teks: str) -> str | None:
    """Why ``teks`` may identify a person (the first pattern found), or ``None`` when it may not.

    Examples
    --------
    >>> alasan_pribadi("Ruang tunggu perlu ditambah kursi") is None
    True
    >>> alasan_pribadi("Hubungi saya di 0812-3456-7890"), alasan_pribadi("Pak Budi kurang ramah")
    ('nomor', 'sebutan orang')
    >>> alasan_pribadi("email: warga@contoh.id"), alasan_pribadi("nama saya Sari")
    ('kata data pribadi', 'kata data pribadi')
    """
    for alasan, pola in POLA_PRIBADI:
        if pola.search(teks):
            return alasan
    return None


def _bentuk(teks: str) -> str:
    """One spacing and no trailing full stop, so that the same suggestion is counted once."""
    return " ".join(teks.split()).rstrip(" .")


@dataclass(frozen=True)
class SaranTerbit:
    """The suggestions that may be published, most frequent first, and what was left out."""

    butir: tuple[tuple[str, int], ...]  # (text, number of respondents who wrote it)
    jumlah_diisi: int  # respondents who wrote a suggestion
    jumlah_disaring: int  # of those, left out because they may identify a person


def saring_saran(semua: Iterable[object], *, maks: int = 10) -> SaranTerbit:
    """Group the suggestions, leave out those that may identify a person, keep the ``maks`` most frequent.

    Examples
    --------
    >>> hasil = saring_saran(["Parkir sempit", "parkir  sempit.", None, "Pak Budi ramah", "Antre lama"])
    >>> hasil.butir, hasil.jumlah_diisi, hasil.jumlah_disaring
    ((('Parkir sempit', 2), ('Antre lama', 1)), 4, 1)
    """
    counts: dict[str, int] = {}
    shown: dict[str, str] = {}
    diisi = disaring = 0
    for value in semua:
        if not isinstance(value, str) or not _bentuk(value):
            continue
        diisi += 1
        teks = _bentuk(value)
        if alasan_pribadi(teks) is not None:
            disaring += 1
            continue
        key = teks.casefold()
        counts[key] = counts.get(key, 0) + 1
        shown.setdefault(key, teks[0].upper() + teks[1:])
    ranked = sorted(counts, key=lambda k: (-counts[k], shown[k]))
    return SaranTerbit(tuple((shown[k], counts[k]) for k in ranked[:maks]), diisi, disaring)
