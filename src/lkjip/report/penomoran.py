"""The one registry of the report's figure and table numbers, and what the text calls each figure.

The report numbers its body charts as the office's LKjIP does: Gambar 0.1, 0.2, ... in order of
appearance (the capaian chart is 0.1, the SAKIP comparison 0.2); the Lampiran's charts are
Gambar L.1, L.2, ... ``laporan.yml`` can switch to numbering per BAB (``publikasi.penomoran.
gambar: bab`` gives Gambar 3.1, 3.2, ...) or set single numbers (``publikasi.penomoran.nomor``).
The numbers are written into the captions and into every reference in the text when the
chapters are prepared (:mod:`lkjip.publish.bab`), so the three formats print the same numbers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from lkjip.core.config import Config, load_config
from lkjip.core.paths import paths

#: Every figure of the report in order of appearance: (label, chapter). The chapter is the BAB's
#: roman numeral, ``"L"`` for the Lampiran; ``None`` as chapter means the figure is not numbered
#: (the organisation chart, as in the office's report).
GAMBAR: tuple[tuple[str, str | None], ...] = (
    ("fig-bagan-organisasi", None),
    ("fig-capaian-kinerja", "III"),
    ("fig-perbandingan-sakip", "III"),
    ("fig-ikm-tren", "III"),
    ("fig-anggaran", "III"),
    ("fig-kinerja-anggaran", "III"),
    ("fig-ikm-unit", "L"),
    ("fig-nrr-unsur", "L"),
)

_ROMAWI = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5}

#: Every table of the report and its printed number, as in the office's report. ``{huruf}`` is
#: the plan period's letter (A for the older period, B for the newer one) of tables printed once
#: per agreement; a report with one agreement prints them without a letter. Keys are what
#: :meth:`lkjip.report.laporan.Laporan.tabel` takes.
TABEL: dict[str, str] = {
    "II.1": "II.1.{huruf}",
    "II.2": "II.2.{huruf}",
    "II.3": "II.3.{huruf}",
    "II.4": "II.4",
    "III.1": "III.1.{huruf}",
    "III.2": "III.2.{huruf}",
    "III.3": "III.3",
    "III.4.A": "III.4.A",
    "III.4.B": "III.4.B",
    "lampiran-ikm": "L.1",
    "lampiran-demografi": "L.2",
    "lampiran-sakip": "L.3",
    "lampiran-kematangan": "L.4",
    "lampiran-reviu": "L.5",
}


class TabelTidakTerdaftar(KeyError):
    """A table key the registry does not know (add it to :data:`TABEL`)."""

    def __str__(self) -> str:
        return (
            f"tabel '{self.args[0]}' tidak terdaftar di lkjip.report.penomoran.TABEL: "
            "tambahkan kunci dan nomor cetaknya"
        )


def nomor_tabel(kode: str, huruf: str | None = None) -> str:
    """The printed number of a table: ``"III.4.B"``, ``"II.1.A"``, ``"L.1"``.

    ``huruf`` is the plan period's letter of a table printed once per agreement, ``""`` when the
    report prints only one agreement (the table then has no letter).

    Examples
    --------
    >>> nomor_tabel("III.4.B"), nomor_tabel("II.1", "B"), nomor_tabel("lampiran-ikm")
    ('III.4.B', 'II.1.B', 'L.1')
    >>> nomor_tabel("III.1", "")
    'III.1'
    """
    if kode not in TABEL:
        raise TabelTidakTerdaftar(kode)
    pattern = TABEL[kode]
    if "{huruf}" in pattern:
        if huruf is None:
            raise ValueError(
                f"tabel {kode} dicetak per periode perencanaan: hurufnya (A, B, atau '' bila hanya "
                "satu) harus disebut"
            )
        return pattern.replace(".{huruf}", "") if huruf == "" else pattern.format(huruf=huruf)
    return pattern


class NomorTidakTerdaftar(KeyError):
    """A figure label the registry does not know (add it to :data:`GAMBAR`)."""

    def __str__(self) -> str:
        return (
            f"gambar '{self.args[0]}' tidak terdaftar di lkjip.report.penomoran.GAMBAR: "
            "tambahkan labelnya beserta BAB-nya agar nomornya sama di semua format"
        )


def nomor_gambar(
    mode: str = "laporan",
    nomor: dict[str, str] | None = None,
    tanpa: frozenset[str] | set[str] = frozenset(),
) -> dict[str, str | None]:
    """Every figure's printed number, ``None`` for unnumbered figures.

    ``tanpa`` are the labels of figures this report does not print (their source is absent):
    they get no number, and the figures after them close up, so the printed numbers always run
    0.1, 0.2, ... without a gap.

    Examples
    --------
    >>> n = nomor_gambar()
    >>> n["fig-capaian-kinerja"], n["fig-perbandingan-sakip"], n["fig-ikm-unit"]
    ('0.1', '0.2', 'L.1')
    >>> nomor_gambar("bab")["fig-perbandingan-sakip"]
    '3.2'
    >>> nomor_gambar(nomor={"fig-ikm-unit": "L.9"})["fig-ikm-unit"]
    'L.9'
    >>> n = nomor_gambar(tanpa={"fig-perbandingan-sakip", "fig-ikm-tren"})
    >>> n["fig-capaian-kinerja"], n["fig-anggaran"], "fig-ikm-tren" in n
    ('0.1', '0.2', False)
    """
    if mode not in {"laporan", "bab"}:
        raise ValueError(f"publikasi.penomoran.gambar: '{mode}' bukan 'laporan' atau 'bab'")
    counters: dict[str, int] = {}
    out: dict[str, str | None] = {}
    unknown = sorted(set(tanpa) - {label for label, _bab in GAMBAR})
    if unknown:
        raise NomorTidakTerdaftar(unknown[0])
    for label, bab in GAMBAR:
        if label in tanpa:
            continue
        if bab is None:
            out[label] = None
            continue
        prefix = "L" if bab == "L" else ("0" if mode == "laporan" else str(_ROMAWI[bab]))
        counters[prefix] = counters.get(prefix, 0) + 1
        out[label] = f"{prefix}.{counters[prefix]}"
    for label, value in (nomor or {}).items():
        if label not in out:
            raise NomorTidakTerdaftar(label)
        out[label] = str(value)
    return out


@dataclass
class Penomoran:
    """Figure numbers of one report, as ``laporan.yml`` configures them."""

    nomor: dict[str, str | None] = field(default_factory=lambda: nomor_gambar())
    #: Registered figures this report leaves out (their source is absent).
    tanpa: frozenset[str] = frozenset()

    @classmethod
    def dari_config(cls, config: Config, sumber: frozenset[str] | set[str] | None = None) -> Penomoran:
        """The numbers ``laporan.yml`` asks for, counting only the figures of the sources the
        office reports (``sumber``, as the data step recorded them; ``None``: every source)."""
        from lkjip.report import daftar

        setting = config.publikasi.penomoran
        tanpa = frozenset(
            label
            for label, _bab in GAMBAR
            if sumber is not None and not daftar.ada(label.removeprefix("fig-"), sumber)
        )
        return cls(nomor_gambar(setting.gambar, dict(setting.nomor), tanpa), tanpa)

    @classmethod
    def load(cls, root: Path | None = None) -> Penomoran:
        from lkjip.katalog.dataset import sumber_dibaca

        project = paths(root)
        return cls.dari_config(load_config(project.config), sumber_dibaca(project.processed))

    def _nomor(self, label: str) -> str | None:
        if label in self.tanpa:
            raise ValueError(
                f"gambar '{label}' tidak dicetak dalam laporan ini (sumber datanya tidak ada), "
                "jadi tidak dapat diberi nomor atau dirujuk"
            )
        if label not in self.nomor:
            raise NomorTidakTerdaftar(label)
        return self.nomor[label]

    def judul_gambar(self, label: str, judul: str) -> str:
        """The printed caption: ``Gambar 0.1 Grafik Capaian Kinerja``.

        Examples
        --------
        >>> Penomoran().judul_gambar("fig-capaian-kinerja", "Grafik Capaian Kinerja")
        'Gambar 0.1 Grafik Capaian Kinerja'
        >>> Penomoran().judul_gambar("fig-bagan-organisasi", "Struktur Organisasi")
        'Struktur Organisasi'
        """
        number = self._nomor(label)
        return f"Gambar {number} {judul}" if number else judul

    def rujukan(self, label: str) -> str:
        """What ``@label`` in the text becomes: ``Gambar 0.2``.

        Examples
        --------
        >>> Penomoran().rujukan("fig-perbandingan-sakip")
        'Gambar 0.2'
        """
        number = self._nomor(label)
        if number is None:
            raise ValueError(f"gambar '{label}' tidak bernomor, jadi tidak dapat dirujuk dengan @{label}")
        return f"Gambar {number}"


def check_nomor_tabel(judul: str) -> str:
    """Check that a printed table title carries a registered number; return the number.

    Examples
    --------
    >>> check_nomor_tabel("Tabel III.1.B Capaian Perjanjian Kinerja Perubahan Tahun 2025")
    'III.1.B'
    >>> check_nomor_tabel("Tabel III.1 Capaian Perjanjian Kinerja Tahun 2026")
    'III.1'
    >>> check_nomor_tabel("Tabel III.9 Baru")
    Traceback (most recent call last):
    ...
    lkjip.report.penomoran.TabelTidakTerdaftar: tabel 'III.9' tidak terdaftar ...
    """
    number = judul.removeprefix("Tabel ").split(" ", 1)[0]
    for pattern in TABEL.values():
        if pattern == number or (
            "{huruf}" in pattern
            and re.fullmatch(pattern.replace(".", r"\.").replace(r"\.{huruf}", r"(\.[A-Z])?"), number)
        ):
            return number
    raise TabelTidakTerdaftar(number)
