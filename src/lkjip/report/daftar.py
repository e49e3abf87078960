"""Which charts and tables the report has, in report order, built from the processed tables.

One list for everyone who needs them: the notebook facade (:mod:`lkjip.report.laporan`)
displays one at a time, the build (:mod:`lkjip.publish.gambar`, :mod:`lkjip.publish.annex`)
writes them all. ``t`` is a function returning a processed table by name
(:meth:`lkjip.report.laporan.Laporan.t`, or :func:`lkjip.katalog.dataset.load` for a project root).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from pathlib import Path

import pandas as pd

from lkjip.core.config import Config, load_config
from lkjip.core.paths import paths
from lkjip.indicators.anggaran import dana_sasaran
from lkjip.indicators.capaian import kode_menurut_sumber
from lkjip.katalog import dataset as katalog
from lkjip.report import charts, tables
from lkjip.report.penomoran import nomor_tabel
from lkjip.report.tabel_laporan import TabelLaporan
from lkjip.report.tahun import config_tahun

Tabel = Callable[[str], pd.DataFrame]

#: Charts of the report: key -> builder. Keys are what notebooks ask for.
GAMBAR: dict[str, Callable[[Tabel, Config], charts.Gambar]] = {
    "capaian-kinerja": lambda t, c: charts.gambar_capaian_kinerja(
        t("capaian"), c, dokumen=c.dokumen_aktif[0]
    ),
    "perbandingan-sakip": lambda t, c: charts.gambar_perbandingan_sakip(t("sakip_pembanding"), c),
    "ikm-unit": lambda t, c: charts.gambar_ikm_unit(t("ikm_unit"), c, t("ikm_pemda")),
    "nrr-unsur": lambda t, c: charts.gambar_nrr_unsur(t("ikm_unsur"), c),
    "anggaran": lambda t, c: charts.gambar_anggaran(t("anggaran_hasil"), c),
    "kinerja-anggaran": lambda t, c: charts.gambar_kinerja_anggaran(
        t("anggaran_sasaran"), c, dokumen=c.dokumen_aktif[-1]
    ),
    "ikm-tren": lambda t, c: charts.gambar_ikm_tren(
        t("ikm_pemda"),
        t("pembanding"),
        c,
        kode_indikator=kode_menurut_sumber(t("perjanjian_kinerja"), "ikm_pemda"),
    ),
}


#: Charts and tables drawn from an export the office may not have: key -> the sources
#: (``laporan.yml``'s ``sumber`` names) they need. Without one of them they are left out of
#: the report, the figures folder, the annex and the downloads (:func:`ada`).
BUTUH_SUMBER: dict[str, tuple[str, ...]] = {
    "perbandingan-sakip": ("sakip",),
    "ikm-unit": ("skm",),
    "nrr-unsur": ("skm",),
    "ikm-tren": ("pembanding",),
    "III.3": ("pembanding",),
    "lampiran-ikm": ("skm",),
    "lampiran-demografi": ("skm",),
    "lampiran-sakip": ("sakip",),
    "lampiran-kematangan": ("kelembagaan",),
    "III.4.A": ("anggaran",),
    "III.4.B": ("anggaran",),
    "anggaran": ("anggaran",),
    "kinerja-anggaran": ("anggaran",),
}


def ada(kunci: str, sumber: frozenset[str] | set[str]) -> bool:
    """Whether chart or table ``kunci`` belongs in a report whose data step read ``sumber``.

    Examples
    --------
    >>> ada("lampiran-sakip", {"anggaran", "perjanjian_kinerja"}), ada("III.4.A", {"anggaran"})
    (False, True)
    >>> ada("III.4.B", {"perjanjian_kinerja"}), ada("III.1", {"perjanjian_kinerja"})
    (False, True)
    """
    return all(s in sumber for s in BUTUH_SUMBER.get(kunci, ()))


def gambar(kunci: str, t: Tabel, config: Config) -> charts.Gambar:
    """The chart ``kunci`` (a key of :data:`GAMBAR`) drawn from the processed tables.

    Raises
    ------
    KeyError
        Naming the known keys.
    """
    if kunci not in GAMBAR:
        raise KeyError(f"gambar '{kunci}' tidak dikenal; pilihan: {', '.join(GAMBAR)}")
    return GAMBAR[kunci](t, config)


def load(root: Path | None = None, tahun: int | None = None) -> tuple[Tabel, Config]:
    """The processed tables (each read once) and the configuration of a project's report year.

    Parameters
    ----------
    root : Path, optional
        Project root (default: this checkout, or ``LKJIP_ROOT``).
    tahun : int, optional
        Report year; defaults to the one in ``laporan.yml``.
    """
    project = paths(root)
    config = load_config(project.config)
    if tahun is not None:  # another year must be covered by the processed data
        config = config_tahun(config, int(tahun), project.root)
    return cache(lambda nama: katalog.load(nama, project.processed)), config


#: Tables that exist once per agreement (Perjanjian Kinerja): they take ``dokumen``.
PER_DOKUMEN = ("II.2", "II.3", "III.1", "III.2")

#: Report tables by their number in the seed, or a lampiran key -> builder(t, config, dokumen).
TABEL: dict[str, Callable[[Tabel, Config, str | None], TabelLaporan]] = {
    "II.2": lambda t, c, d: tables.tabel_iku(t("perjanjian_kinerja"), t("narasi_indikator"), d, c),
    "II.3": lambda t, c, d: tables.tabel_perjanjian_kinerja(t("capaian"), d, c),
    "II.4": lambda t, c, d: tables.tabel_anggaran_kegiatan(t("anggaran_hasil"), c),
    "III.1": lambda t, c, d: tables.tabel_capaian(t("capaian"), d, c),
    "III.2": lambda t, c, d: tables.tabel_tren(t("tren"), t("perjanjian_kinerja"), d, c),
    "III.3": lambda t, c, d: tables.tabel_pembanding(t("pembanding_hasil"), c, t("perjanjian_kinerja")),
    "III.4.A": lambda t, c, d: tables.tabel_realisasi_anggaran(t("anggaran_hasil"), c),
    "III.4.B": lambda t, c, d: tables.tabel_kinerja_anggaran(
        t("anggaran_sasaran"),
        t("capaian"),
        t("ringkasan_capaian"),
        c,
        dokumen=c.dokumen_aktif[-1],
        dana=dana_sasaran(t("anggaran_hasil"), t("peta_sasaran_anggaran"), c),
    ),
    "lampiran-ikm": lambda t, c, d: tables.lampiran_ikm_unit(
        t("ikm_unit"), t("ikm_unsur"), c, ikm_pemda=t("ikm_pemda"), nomor=nomor_tabel("lampiran-ikm")
    ),
    "lampiran-demografi": lambda t, c, d: tables.lampiran_demografi(
        t("skm_demografi"), c, nomor=nomor_tabel("lampiran-demografi")
    ),
    "lampiran-sakip": lambda t, c, d: tables.lampiran_sakip(
        t("sakip_pd_hasil"), c, nomor=nomor_tabel("lampiran-sakip")
    ),
    "lampiran-kematangan": lambda t, c, d: tables.lampiran_kematangan(
        t("kematangan_pd"), c, nomor=nomor_tabel("lampiran-kematangan")
    ),
    "lampiran-reviu": lambda t, c, d: tables.lampiran_reviu(
        t("reviu"), c, nomor=nomor_tabel("lampiran-reviu")
    ),
}


def tabel(kode: str, t: Tabel, config: Config, dokumen: str | None = None) -> TabelLaporan:
    """A report table by its number in the seed (``"III.4.A"``, ``"II.1.B"``) or a lampiran key.

    Tables that exist once per agreement (:data:`PER_DOKUMEN`) take ``dokumen``; ``II.1``
    takes a plan period code as ``dokumen`` or its letter in ``kode``.

    Raises
    ------
    KeyError
        For an unknown table, listing the known ones.
    ValueError
        When a per-agreement table is asked without ``dokumen``.
    """
    if kode.startswith("II.1"):
        periode = dokumen or _periode_kode(config, kode)
        return tables.tabel_penjenjangan(t("penjenjangan"), periode, config)
    if kode not in TABEL:
        raise KeyError(f"tabel '{kode}' tidak dikenal; pilihan: II.1.A, II.1.B, {', '.join(TABEL)}")
    if kode in PER_DOKUMEN and dokumen is None:
        raise ValueError(f"tabel {kode} ada per Perjanjian Kinerja: sebutkan dokumen")
    return TABEL[kode](t, config, dokumen)


def _periode_kode(config: Config, kode: str) -> str:
    """The plan period of ``"II.1.A"`` (by its letter) or of ``"II.1"`` (the only one printed)."""
    letter = kode.removeprefix("II.1").removeprefix(".")
    found = [p.kode for p in config.periode_aktif if tables.huruf_periode(config, p.kode) == letter]
    if len(found) != 1:
        printed = [nomor_tabel("II.1", tables.huruf_periode(config, p.kode)) for p in config.periode_aktif]
        raise KeyError(
            f"tabel '{kode}' tidak dicetak tahun {config.tahun}; yang dicetak: {', '.join(printed)}"
        )
    return found[0]


def semua_tabel(t: Tabel, config: Config, sumber: frozenset[str] | None = None) -> list[TabelLaporan]:
    """Every table of the report in the order the report prints them (BAB II, BAB III, Lampiran).

    The Excel annex has one sheet per table in this order, and the downloads one CSV each.
    With ``sumber`` (the sources read), a table of an absent source is left out (:func:`ada`).
    """
    out: list[TabelLaporan] = []
    for periode in sorted(config.periode_aktif, key=lambda p: p.kode):
        out.append(tables.tabel_penjenjangan(t("penjenjangan"), periode.kode, config))
    for kode in ("II.2", "II.3"):
        out += [tabel(kode, t, config, dokumen) for dokumen in config.dokumen_aktif]
    out.append(tabel("II.4", t, config))
    for kode in ("III.1", "III.2"):
        out += [tabel(kode, t, config, dokumen) for dokumen in config.dokumen_aktif]
    kodes = ["III.3", "III.4.A", "III.4.B", *(kode for kode in TABEL if kode.startswith("lampiran-"))]
    out += [tabel(kode, t, config) for kode in kodes if sumber is None or ada(kode, sumber)]
    return out


# --------------------------------------------------------------------------- downloads

_BUKAN_NAMA_BERKAS = re.compile(r"[\[\]:*?/\\]")


def nama_csv(tabel: TabelLaporan) -> str:
    """File name of a report table's CSV download: ``tabel-III.4.A.csv``."""
    return f"tabel-{_BUKAN_NAMA_BERKAS.sub('-', tabel.nomor)}.csv"


def tabel_olahan_publik(root: Path | None = None) -> list[str]:
    """Names of the processed tables the build publishes in ``data/processed/publik``, sorted.

    The catalogue's public tables (:func:`lkjip.katalog.dataset.publik`) of the sources the last
    data step read: respondent-level rows and rejected rows never, an absent source's empty
    tables not. The chapters list their downloads from this and from the report's tables, never
    from what an earlier build left in the folder.
    """
    return sorted(katalog.publik(katalog.sumber_dibaca(paths(root).processed)))
