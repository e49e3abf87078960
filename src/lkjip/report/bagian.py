"""The one registry of the report's parts: every table and figure declared once, in report order.

Each part (:class:`Bagian`) says where it stands (its BAB), how it is numbered (the printed
number of a table, the counting of a figure), which exports it needs, whether it is printed once
per agreement or per plan period, and which function builds it. Everyone asks this module:
the notebook facade (:mod:`lkjip.report.laporan`) displays one part at a time, the build writes
them all (:mod:`lkjip.publish.gambar`, :mod:`lkjip.publish.annex`), the chapters' captions and
cross-references take their numbers from it (:mod:`lkjip.publish.bab`), and "is this part in the
report" has one answer, :func:`ada`.

Numbers. Tables keep the office's numbers (Tabel II.1.A, III.4.B, L.1 ...): ``{huruf}`` is the
plan period's letter of a table printed once per agreement or period (A for the older period, B
for the newer; no letter when the report prints one). Body figures are numbered as the office's
LKjIP does, Gambar 0.1, 0.2, ... in order of appearance, the Lampiran's Gambar L.1, L.2, ...;
``laporan.yml`` can switch to numbering per BAB (``publikasi.penomoran.gambar: bab`` gives
Gambar 3.1, 3.2, ...) or set single numbers (``publikasi.penomoran.nomor``). A figure of an
export the office does not report takes no number, and the figures after it close up. The
registry computes every number and hands it to the builder; no builder numbers itself.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import pandas as pd

from lkjip.core.config import Config, load_config
from lkjip.core.paths import paths
from lkjip.indicators.anggaran import dana_sasaran
from lkjip.indicators.capaian import kode_menurut_sumber
from lkjip.ingest.sources import SOURCES
from lkjip.katalog import dataset as katalog
from lkjip.report import charts, tables
from lkjip.report.asal import Asal
from lkjip.report.tabel_laporan import TabelLaporan
from lkjip.report.tahun import config_tahun

#: A processed table by name (:meth:`lkjip.report.laporan.Laporan.t`, or the catalogue's loader).
Tabel = Callable[[str], pd.DataFrame]

_ROMAWI = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5}


@dataclass(frozen=True)
class Bagian:
    """One table or figure of the report.

    Attributes
    ----------
    kunci : str
        What notebooks and the build ask for: a table by the office's number (``"III.4.A"``,
        ``"II.1"``) or an annex key (``"lampiran-ikm"``), a figure by name (``"capaian-kinerja"``;
        its label in the chapters is ``fig-<kunci>``).
    jenis : str
        ``"tabel"``, ``"gambar"`` or ``"teks"`` (a generated passage about an export, e.g. the
        budget paragraph: in the report exactly when its export is).
    bab : str or None
        The BAB's roman numeral, ``"L"`` for the Lampiran; ``None``: a figure without a number
        (the organisation chart, as in the office's report).
    nomor : str, optional
        A table's printed number, ``{huruf}`` standing for the plan period's letter.
    butuh : tuple of str
        The exports (``laporan.yml``'s ``sumber`` names) it needs, all of them.
    per : str, optional
        ``"dokumen"``: printed once per agreement in force; ``"periode"``: once per plan period
        in force.
    bangun : callable, optional
        ``bangun(t, config, dokumen, nomor, asal)``: the
        :class:`~lkjip.report.tabel_laporan.TabelLaporan` or :class:`~lkjip.report.charts.Gambar`;
        ``dokumen`` is the agreement or plan period of a part printed per one of them, ``asal``
        the :class:`~lkjip.report.asal.Asal` that makes the trail of every figure. ``None`` for a
        figure drawn in its chapter (the chart).
    """

    kunci: str
    jenis: str
    bab: str | None
    nomor: str | None = None
    butuh: tuple[str, ...] = ()
    per: str | None = None
    bangun: Callable[[Tabel, Config, str | None, str | None, Asal], Any] | None = field(
        default=None, repr=False
    )

    @property
    def label(self) -> str:
        """The chapters' label: ``fig-capaian-kinerja`` for a figure, the key for a table."""
        return f"fig-{self.kunci}" if self.jenis == "gambar" else self.kunci

    def ada(self, sumber: frozenset[str] | set[str]) -> bool:
        """Whether the part belongs in a report whose data step read the exports ``sumber``."""
        return all(s in sumber for s in self.butuh)


def _tabel(kunci: str, bab: str, nomor: str, bangun, *, butuh=(), per=None) -> Bagian:
    return Bagian(kunci, "tabel", bab, nomor, tuple(butuh), per, bangun)


def _gambar(kunci: str, bab: str | None, bangun=None, *, butuh=()) -> Bagian:
    return Bagian(kunci, "gambar", bab, None, tuple(butuh), None, bangun)


def _teks(kunci: str, bab: str, *, butuh: tuple[str, ...]) -> Bagian:
    return Bagian(kunci, "teks", bab, None, butuh)


#: Every part of the report, in the order the report prints it.
BAGIAN: tuple[Bagian, ...] = (
    _gambar("bagan-organisasi", None),
    _tabel(
        "II.1",
        "II",
        "II.1.{huruf}",
        lambda t, c, d, n, a: tables.tabel_penjenjangan(t("penjenjangan"), d, c, nomor=n, asal=a),
        per="periode",
    ),
    _tabel(
        "II.2",
        "II",
        "II.2.{huruf}",
        lambda t, c, d, n, a: tables.tabel_iku(t("perjanjian_kinerja"), t("narasi_indikator"), d, c, nomor=n),
        per="dokumen",
    ),
    _tabel(
        "II.3",
        "II",
        "II.3.{huruf}",
        lambda t, c, d, n, a: tables.tabel_perjanjian_kinerja(t("capaian"), d, c, nomor=n, asal=a),
        per="dokumen",
    ),
    _tabel(
        "II.4",
        "II",
        "II.4",
        lambda t, c, d, n, a: tables.tabel_anggaran_kegiatan(t("anggaran_hasil"), c, nomor=n, asal=a),
        butuh=("anggaran",),
    ),
    _tabel(
        "III.1",
        "III",
        "III.1.{huruf}",
        lambda t, c, d, n, a: tables.tabel_capaian(t("capaian"), d, c, nomor=n, asal=a),
        per="dokumen",
    ),
    _gambar(
        "capaian-kinerja",
        "III",
        lambda t, c, d, n, a: charts.gambar_capaian_kinerja(
            t("capaian"), c, dokumen=c.dokumen_aktif[0], nomor=n, asal=a
        ),
    ),
    _tabel(
        "III.2",
        "III",
        "III.2.{huruf}",
        lambda t, c, d, n, a: tables.tabel_tren(t("tren"), t("capaian"), d, c, nomor=n, asal=a),
        per="dokumen",
    ),
    _tabel(
        "III.3",
        "III",
        "III.3",
        lambda t, c, d, n, a: tables.tabel_pembanding(
            t("pembanding_hasil"), c, t("perjanjian_kinerja"), nomor=n, asal=a
        ),
        butuh=("pembanding",),
    ),
    _gambar(
        "perbandingan-sakip",
        "III",
        lambda t, c, d, n, a: charts.gambar_perbandingan_sakip(t("sakip_pembanding"), c, nomor=n, asal=a),
        butuh=("sakip",),
    ),
    _gambar(
        "ikm-tren",
        "III",
        lambda t, c, d, n, a: charts.gambar_ikm_tren(
            t("ikm_pemda"),
            t("pembanding"),
            c,
            kode_indikator=kode_menurut_sumber(t("perjanjian_kinerja"), "ikm_pemda"),
            nomor=n,
            asal=a,
        ),
        butuh=("pembanding",),
    ),
    _teks("kalimat-sakip", "III", butuh=("sakip",)),
    _teks("kalimat-perbandingan", "III", butuh=("pembanding",)),
    _teks("paragraf-anggaran", "III", butuh=("anggaran",)),
    _teks("efisiensi", "III", butuh=("anggaran",)),
    _tabel(
        "III.4.A",
        "III",
        "III.4.A",
        lambda t, c, d, n, a: tables.tabel_realisasi_anggaran(t("anggaran_hasil"), c, nomor=n, asal=a),
        butuh=("anggaran",),
    ),
    _gambar(
        "anggaran",
        "III",
        lambda t, c, d, n, a: charts.gambar_anggaran(t("anggaran_hasil"), c, nomor=n, asal=a),
        butuh=("anggaran",),
    ),
    _tabel(
        "III.4.B",
        "III",
        "III.4.B",
        lambda t, c, d, n, a: tables.tabel_kinerja_anggaran(
            t("anggaran_sasaran"),
            t("capaian"),
            t("ringkasan_capaian"),
            c,
            nomor=n,
            dokumen=c.dokumen_aktif[-1],
            dana=dana_sasaran(t("anggaran_hasil"), t("peta_sasaran_anggaran"), c),
            tercetak=t("anggaran_sasaran_tercetak"),
            asal=a,
        ),
        butuh=("anggaran",),
    ),
    _gambar(
        "kinerja-anggaran",
        "III",
        lambda t, c, d, n, a: charts.gambar_kinerja_anggaran(
            t("anggaran_sasaran"), c, dokumen=c.dokumen_aktif[-1], nomor=n, asal=a
        ),
        butuh=("anggaran",),
    ),
    _tabel(
        "lampiran-ikm",
        "L",
        "L.1",
        lambda t, c, d, n, a: tables.lampiran_ikm_unit(
            t("ikm_unit"), t("ikm_unsur"), c, ikm_pemda=t("ikm_pemda"), nomor=n, asal=a
        ),
        butuh=("skm",),
    ),
    _gambar(
        "ikm-unit",
        "L",
        lambda t, c, d, n, a: charts.gambar_ikm_unit(t("ikm_unit"), c, t("ikm_pemda"), nomor=n, asal=a),
        butuh=("skm",),
    ),
    _gambar(
        "nrr-unsur",
        "L",
        lambda t, c, d, n, a: charts.gambar_nrr_unsur(t("ikm_unsur"), c, nomor=n, asal=a),
        butuh=("skm",),
    ),
    _tabel(
        "lampiran-demografi",
        "L",
        "L.2",
        lambda t, c, d, n, a: tables.lampiran_demografi(t("skm_demografi"), c, nomor=n, asal=a),
        butuh=("skm",),
    ),
    _tabel(
        "lampiran-sakip",
        "L",
        "L.3",
        lambda t, c, d, n, a: tables.lampiran_sakip(t("sakip_pd_hasil"), c, nomor=n, asal=a),
        butuh=("sakip",),
    ),
    _tabel(
        "lampiran-kematangan",
        "L",
        "L.4",
        lambda t, c, d, n, a: tables.lampiran_kematangan(t("kematangan_pd"), c, nomor=n, asal=a),
        butuh=("kelembagaan",),
    ),
    _teks("publikasi-skm-unit", "L", butuh=("skm",)),
    _tabel(
        "lampiran-reviu",
        "L",
        "L.5",
        lambda t, c, d, n, a: tables.lampiran_reviu(t("reviu"), c, nomor=n, asal=a),
    ),
)

#: The tables by key, and every figure by key, each in report order.
TABEL: dict[str, Bagian] = {b.kunci: b for b in BAGIAN if b.jenis == "tabel"}
SEMUA_GAMBAR: dict[str, Bagian] = {b.kunci: b for b in BAGIAN if b.jenis == "gambar"}
#: The charts the build draws from the processed tables (every figure but one drawn in its chapter).
GAMBAR: dict[str, Bagian] = {k: b for k, b in SEMUA_GAMBAR.items() if b.bangun is not None}
#: The generated passages about an export.
TEKS: dict[str, Bagian] = {b.kunci: b for b in BAGIAN if b.jenis == "teks"}

#: Tables printed once per agreement (Perjanjian Kinerja): they take ``dokumen``.
PER_DOKUMEN = tuple(k for k, b in TABEL.items() if b.per == "dokumen")

assert len({b.kunci for b in BAGIAN}) == len(BAGIAN), "every part is declared once"


def bagian(kunci: str) -> Bagian:
    """The part ``kunci``: a table key, a passage key, a figure key, or a figure's label (``fig-...``).

    Raises
    ------
    TabelTidakTerdaftar, NomorTidakTerdaftar
        For a table or figure the registry does not know.
    """
    if kunci in TABEL:
        return TABEL[kunci]
    if kunci in TEKS:
        return TEKS[kunci]
    name = kunci.removeprefix("fig-")
    if name in SEMUA_GAMBAR:
        return SEMUA_GAMBAR[name]
    if kunci.startswith("fig-"):
        raise NomorTidakTerdaftar(kunci)
    raise TabelTidakTerdaftar(kunci)


def ada(kunci: str, sumber: frozenset[str] | set[str]) -> bool:
    """Whether the table or figure ``kunci`` belongs in a report whose data step read ``sumber``.

    Examples
    --------
    >>> ada("lampiran-sakip", {"anggaran", "perjanjian_kinerja"}), ada("III.4.A", {"anggaran"})
    (False, True)
    >>> ada("III.4.B", {"perjanjian_kinerja"}), ada("III.1", {"perjanjian_kinerja"})
    (False, True)
    >>> ada("fig-perbandingan-sakip", {"sakip"})
    True
    """
    return bagian(kunci).ada(sumber)


# --------------------------------------------------------------------------- numbers


class TabelTidakTerdaftar(KeyError):
    """A table the registry does not know (declare it in :data:`BAGIAN`)."""

    def __str__(self) -> str:
        return (
            f"tabel '{self.args[0]}' tidak terdaftar di lkjip.report.bagian.BAGIAN "
            f"(yang terdaftar: {', '.join(TABEL)}): tambahkan bagiannya beserta nomor cetaknya"
        )


class NomorTidakTerdaftar(KeyError):
    """A figure label the registry does not know (declare it in :data:`BAGIAN`)."""

    def __str__(self) -> str:
        return (
            f"gambar '{self.args[0]}' tidak terdaftar di lkjip.report.bagian.BAGIAN: "
            "tambahkan bagiannya beserta BAB-nya agar nomornya sama di semua format"
        )


def huruf_periode(config: Config, kode_periode: str) -> str:
    """Letter of a plan period in the numbers of the tables printed once per period.

    The periods printed are those in force in the report year (:attr:`Config.periode_aktif`):
    the earliest is A, the next B. With only one printed, its tables carry no letter (``""``:
    "Tabel II.1", not "Tabel II.1.A"). A period outside the report year takes its letter among
    all configured periods.

    Examples
    --------
    >>> from lkjip.core.config import load_config
    >>> config = load_config()
    >>> huruf_periode(config, "2021-2025"), huruf_periode(config, "2025-2029")
    ('A', 'B')
    """
    aktif = sorted(p.kode for p in config.periode_aktif)
    if kode_periode in aktif:
        return "" if len(aktif) == 1 else chr(ord("A") + aktif.index(kode_periode))
    semua = sorted(p.kode for p in config.periode)
    return chr(ord("A") + semua.index(kode_periode))


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
    pattern = TABEL[kode].nomor or kode
    if "{huruf}" in pattern:
        if huruf is None:
            raise ValueError(
                f"tabel {kode} dicetak per periode perencanaan: hurufnya (A, B, atau '' bila hanya "
                "satu) harus disebut"
            )
        return pattern.replace(".{huruf}", "") if huruf == "" else pattern.format(huruf=huruf)
    return pattern


def _nomor_bagian(part: Bagian, config: Config, dokumen: str | None) -> str:
    """The printed number of table ``part`` in this report (``dokumen``: its agreement or period)."""
    if part.per == "dokumen":
        return nomor_tabel(part.kunci, huruf_periode(config, config.periode_for_pk(dokumen).kode))
    if part.per == "periode":
        return nomor_tabel(part.kunci, huruf_periode(config, dokumen))
    return nomor_tabel(part.kunci)


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
    lkjip.report.bagian.TabelTidakTerdaftar: tabel 'III.9' tidak terdaftar ...
    """
    number = judul.removeprefix("Tabel ").split(" ", 1)[0]
    for part in TABEL.values():
        pattern = part.nomor or part.kunci
        if pattern == number or (
            "{huruf}" in pattern
            and re.fullmatch(pattern.replace(".", r"\.").replace(r"\.{huruf}", r"(\.[A-Z])?"), number)
        ):
            return number
    raise TabelTidakTerdaftar(number)


def nomor_gambar(
    mode: str = "laporan",
    nomor: dict[str, str] | None = None,
    tanpa: frozenset[str] | set[str] = frozenset(),
) -> dict[str, str | None]:
    """Every figure's printed number by label, ``None`` for unnumbered figures.

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
    unknown = sorted(set(tanpa) - {part.label for part in SEMUA_GAMBAR.values()})
    if unknown:
        raise NomorTidakTerdaftar(unknown[0])
    for part in SEMUA_GAMBAR.values():
        if part.label in tanpa:
            continue
        if part.bab is None:
            out[part.label] = None
            continue
        prefix = "L" if part.bab == "L" else ("0" if mode == "laporan" else str(_ROMAWI[part.bab]))
        counters[prefix] = counters.get(prefix, 0) + 1
        out[part.label] = f"{prefix}.{counters[prefix]}"
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
        setting = config.publikasi.penomoran
        tanpa = frozenset(
            part.label for part in SEMUA_GAMBAR.values() if sumber is not None and not part.ada(sumber)
        )
        return cls(nomor_gambar(setting.gambar, dict(setting.nomor), tanpa), tanpa)

    @classmethod
    def load(cls, root: Path | None = None) -> Penomoran:
        project = paths(root)
        return cls.dari_config(load_config(project.config), katalog.sumber_dibaca(project.processed))

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


# --------------------------------------------------------------------------- building


def load(
    root: Path | None = None, tahun: int | None = None, *, config: Config | None = None
) -> tuple[Tabel, Config]:
    """The processed tables (each read once) and the configuration of a project's report year.

    Parameters
    ----------
    root : Path, optional
        Project root (default: the project :func:`lkjip.core.paths.find_project` finds).
    tahun : int, optional
        Report year; defaults to the one in the configuration.
    config : Config, optional
        The configuration the build loaded and hands down; read from ``laporan.yml`` otherwise.
    """
    project = paths(root)
    config = config if config is not None else load_config(project.config)
    if tahun is not None:  # another year must be covered by the processed data
        config = config_tahun(config, int(tahun), project.root)
    return cache(lambda nama: katalog.load(nama, project.processed)), config


def asal(t: Tabel, config: Config) -> Asal:
    """The trail maker of a report (:class:`~lkjip.report.asal.Asal`): it names the review
    table by its printed number, so a marked figure points to it."""
    return Asal(t, config, rujukan_reviu=f"Tabel {nomor_tabel('lampiran-reviu')}")


def gambar(
    kunci: str,
    t: Tabel,
    config: Config,
    penomoran: Penomoran | None = None,
    *,
    jejak: Asal | None = None,
) -> charts.Gambar:
    """The chart ``kunci`` (a key of :data:`GAMBAR`) drawn from the processed tables.

    ``penomoran`` gives its number (default: the numbers of ``config`` with every source);
    ``jejak`` the trail maker (default: a new one, :func:`asal`).

    Raises
    ------
    KeyError
        Naming the known keys.
    """
    if kunci not in GAMBAR:
        raise KeyError(f"gambar '{kunci}' tidak dikenal; pilihan: {', '.join(GAMBAR)}")
    part = GAMBAR[kunci]
    numbers = penomoran or Penomoran.dari_config(config)
    return part.bangun(t, config, None, numbers.nomor.get(part.label), jejak or asal(t, config))


def tabel(
    kode: str, t: Tabel, config: Config, dokumen: str | None = None, *, jejak: Asal | None = None
) -> TabelLaporan:
    """A report table by its number in the seed (``"III.4.A"``, ``"II.1.B"``) or a lampiran key.

    Tables that exist once per agreement (:data:`PER_DOKUMEN`) take ``dokumen``; ``II.1``
    takes a plan period code as ``dokumen`` or its letter in ``kode``. ``jejak`` is the trail
    maker (default: a new one, :func:`asal`).

    Raises
    ------
    TabelTidakTerdaftar
        For a table the registry does not know, listing the ones it does.
    ValueError
        When a per-agreement table is asked without ``dokumen``.
    """
    jejak = jejak or asal(t, config)
    if kode.startswith("II.1"):
        periode = dokumen or _periode_kode(config, kode)
        return _bangun(TABEL["II.1"], t, config, periode, jejak)
    if kode not in TABEL:
        raise TabelTidakTerdaftar(kode)
    if kode in PER_DOKUMEN and dokumen is None:
        raise ValueError(f"tabel {kode} ada per Perjanjian Kinerja: sebutkan dokumen")
    return _bangun(TABEL[kode], t, config, dokumen, jejak)


def _bangun(part: Bagian, t: Tabel, config: Config, dokumen: str | None, jejak: Asal) -> TabelLaporan:
    return part.bangun(t, config, dokumen, _nomor_bagian(part, config, dokumen), jejak)


def _periode_kode(config: Config, kode: str) -> str:
    """The plan period of ``"II.1.A"`` (by its letter) or of ``"II.1"`` (the only one printed)."""
    letter = kode.removeprefix("II.1").removeprefix(".")
    found = [p.kode for p in config.periode_aktif if huruf_periode(config, p.kode) == letter]
    if len(found) != 1:
        printed = [nomor_tabel("II.1", huruf_periode(config, p.kode)) for p in config.periode_aktif]
        raise KeyError(
            f"tabel '{kode}' tidak dicetak tahun {config.tahun}; yang dicetak: {', '.join(printed)}"
        )
    return found[0]


def semua_tabel(t: Tabel, config: Config, sumber: frozenset[str] | None = None) -> list[TabelLaporan]:
    """Every table of the report in the order the report prints them (BAB II, BAB III, Lampiran).

    The Excel annex has one sheet per table in this order, and the downloads one CSV each.
    With ``sumber`` (the sources read), a table of an absent source is left out (:func:`ada`).
    """
    return [tabel for _kunci, tabel in semua_tabel_berkunci(t, config, sumber)]


def semua_tabel_berkunci(
    t: Tabel, config: Config, sumber: frozenset[str] | None = None
) -> list[tuple[str, TabelLaporan]]:
    """:func:`semua_tabel`, each table with its key in :data:`TABEL` (``"II.1"`` for II.1.A and II.1.B)."""
    out: list[tuple[str, TabelLaporan]] = []
    jejak = asal(t, config)
    for part in TABEL.values():
        if sumber is not None and not part.ada(sumber):
            continue
        if part.per == "periode":
            each = [p.kode for p in sorted(config.periode_aktif, key=lambda p: p.kode)]
        elif part.per == "dokumen":
            each = list(config.dokumen_aktif)
        else:
            each = [None]
        out += [(part.kunci, _bangun(part, t, config, dokumen, jejak)) for dokumen in each]
    return out


def semua_gambar(t: Tabel, config: Config, sumber: frozenset[str] | None = None) -> list[charts.Gambar]:
    """Every chart the build draws, in report order, numbered; absent sources' charts left out."""
    numbers = Penomoran.dari_config(config, sumber)
    jejak = asal(t, config)
    return [
        gambar(kunci, t, config, numbers, jejak=jejak)
        for kunci, part in GAMBAR.items()
        if sumber is None or part.ada(sumber)
    ]


# --------------------------------------------------------------------------- downloads

_BUKAN_NAMA_BERKAS = re.compile(r"[\[\]:*?/\\]")

#: The download of every printed figure with its trail (:mod:`lkjip.report.jejak`).
JEJAK_CSV = "jejak-angka.csv"


def nama_lampiran(config: Config) -> str:
    """File name of the Excel annex in the downloads: ``lampiran-tabel-<tahun>.xlsx``.

    Examples
    --------
    >>> nama_lampiran(load_config())
    'lampiran-tabel-2025.xlsx'
    """
    return f"lampiran-tabel-{config.tahun}.xlsx"


def nama_unduhan(nomor: str, akhiran: str = "csv") -> str:
    """File name of the download of the report table numbered ``nomor``.

    >>> nama_unduhan("III.4.A"), nama_unduhan("L.1", "xlsx")
    ('tabel-III.4.A.csv', 'tabel-L.1.xlsx')
    """
    return f"tabel-{_BUKAN_NAMA_BERKAS.sub('-', nomor)}.{akhiran}"


def nama_csv(tabel: TabelLaporan) -> str:
    """File name of a report table's CSV download: ``tabel-III.4.A.csv``."""
    return nama_unduhan(tabel.nomor)


def jangkar(nomor: str, jenis: str = "tabel") -> str:
    """The HTML id of a table or figure on the site, from its printed number.

    The lists, the downloads page and the search link to it.

    >>> jangkar("III.4.B"), jangkar("0.1", "gambar")
    ('tabel-iii-4-b', 'gambar-0-1')
    """
    return f"{jenis}-" + re.sub(r"[^a-z0-9]+", "-", nomor.lower()).strip("-")


def sebutan_sumber(sumber: frozenset[str] | set[str]) -> list[str]:
    """What the exports ``sumber`` are, in reading order, as the site and the Log Data name them.

    >>> sebutan_sumber({"perjanjian_kinerja", "anggaran"})
    ['Laporan Realisasi Anggaran', 'Perjanjian Kinerja dan narasi indikator']
    """
    return [s.description for s in SOURCES if s.name in sumber]


def tabel_olahan_publik(root: Path | None = None) -> list[str]:
    """Names of the processed tables the build publishes in ``data/processed/publik``, sorted.

    The catalogue's public tables (:func:`lkjip.katalog.dataset.publik`) of the sources the last
    data step read: respondent-level rows and rejected rows never, an absent source's empty
    tables not. The chapters list their downloads from this and from the report's tables, never
    from what an earlier build left in the folder.
    """
    return sorted(katalog.publik(katalog.sumber_dibaca(paths(root).processed)))
