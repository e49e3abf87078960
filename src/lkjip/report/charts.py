"""The report's charts: matplotlib figures in one style, each with caption and alt text; saving apart."""

from __future__ import annotations

import io
import math
import textwrap
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import matplotlib as mpl
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.axis import Axis
from matplotlib.figure import Figure
from matplotlib.patches import Patch
from matplotlib.ticker import FuncFormatter, MaxNLocator

from lkjip import data
from lkjip.core import fmt
from lkjip.core.config import Config
from lkjip.core.frames import rows_of_year
from lkjip.indicators.ikm import KODE_PEMDA
from lkjip.report import tanda
from lkjip.report.asal import Asal
from lkjip.report.jejak import HURUF_ATAS, Butir, Jejak, Titik, daftar_html

#: Okabe–Ito palette (colour-blind safe), ordered so that neighbouring series stay distinct;
#: the pale yellow is last because it barely shows on white.
OKABE_ITO = (
    "#0072B2",  # blue
    "#E69F00",  # orange
    "#009E73",  # bluish green
    "#CC79A7",  # reddish purple
    "#56B4E9",  # sky blue
    "#D55E00",  # vermillion
    "#000000",  # black
    "#F0E442",  # yellow
)
BIRU, ORANYE, HIJAU, UNGU, BIRU_MUDA, MERAH, HITAM, KUNING = OKABE_ITO
ABU = "#9E9E9E"

#: Resolution of the PNG files (print quality).
DPI_PNG = 200

#: Fixed salt for the ids matplotlib writes into SVG files, so the bytes do not vary per run.
_SVG_SALT = "lkjip"

_RC = {
    "font.family": "DejaVu Sans",  # shipped with matplotlib: same glyphs on every machine
    "font.size": 9,
    "axes.titlesize": 11,
    "axes.titleweight": "bold",
    "axes.labelsize": 9,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.prop_cycle": mpl.cycler(color=list(OKABE_ITO)),
    "axes.axisbelow": True,
    "axes.grid": False,
    "grid.color": "#DDDDDD",
    "grid.linewidth": 0.6,
    "legend.frameon": False,
    "legend.fontsize": 8,
    "xtick.labelsize": 8,
    "ytick.labelsize": 8,
    "figure.dpi": 100,
    "savefig.dpi": DPI_PNG,
    "savefig.facecolor": "white",
    "svg.fonttype": "path",
    "svg.hashsalt": _SVG_SALT,
    "axes.formatter.use_locale": False,  # decimal commas come from lkjip.core.fmt, not the OS locale
}


@dataclass(frozen=True)
class Gambar:
    """One chart of the report.

    Attributes
    ----------
    figure : Figure
        The matplotlib figure (not attached to pyplot).
    judul : str
        Caption, e.g. ``"Grafik Capaian Kinerja Tahun 2025"``.
    alt : str
        Alternative text for screen readers, stating the values shown.
    nama_berkas : str
        File stem, e.g. ``"gambar-0-1-capaian-kinerja-2025"``; :func:`save` adds the suffixes.
    nomor : str, optional
        Number in the report, e.g. ``"0.1"``, given by the registry (:mod:`lkjip.report.bagian`);
        ``None`` when drawn without one.
    jejak : tuple of Titik
        Every value the chart plots with its trail (:mod:`lkjip.report.jejak`), in drawing order.
    """

    figure: Figure
    judul: str
    alt: str
    nama_berkas: str
    nomor: str | None = None
    jejak: tuple[Titik, ...] = ()

    @property
    def keterangan(self) -> str:
        """Caption with its number: ``"Gambar 0.1 Grafik Capaian Kinerja Tahun 2025"``."""
        return f"Gambar {self.nomor} {self.judul}" if self.nomor else self.judul

    def butir_jejak(self) -> list[Butir]:
        """Every plotted value with its trail, as the site's list and ``jejak-angka.csv`` show it."""
        slug = "-".join(w for w in self.nama_berkas.lower().replace("_", "-").split("-") if w)
        return [
            Butir(f"jejak-g-{slug}-{i}", self.keterangan, p.label, "", p.teks, p.jejak)
            for i, p in enumerate(self.jejak, start=1)
        ]

    def jejak_html(self) -> str:
        """The chart's trails as the collapsed list the site shows under it (``""``: none)."""
        judul = f"Gambar {self.nomor}" if self.nomor else self.judul
        return daftar_html(judul, self.butir_jejak())


@contextmanager
def gaya() -> Iterator[None]:
    """Apply the report's chart style for the duration of a ``with`` block only.

    Every chart function draws inside this context, so the style never leaks into the
    caller's matplotlib settings (notebooks keep their own defaults).
    """
    with mpl.rc_context(_RC):
        yield


def save(gambar: Gambar, figures_dir: Path) -> list[Path]:
    """Write ``gambar`` as PNG (``DPI_PNG`` dpi) and SVG with reproducible bytes.

    Timestamps and software versions are left out of the files' metadata and the SVG ids use a
    fixed salt, so saving the same chart twice gives byte-identical files (clean diffs, and a
    rebuild does not look like a change).

    Parameters
    ----------
    gambar : Gambar
    figures_dir : Path
        Output folder, created when missing.

    Returns
    -------
    list of Path
        ``[<nama_berkas>.png, <nama_berkas>.svg]``.
    """
    figures_dir = Path(figures_dir)
    figures_dir.mkdir(parents=True, exist_ok=True)
    png = figures_dir / f"{gambar.nama_berkas}.png"
    svg = figures_dir / f"{gambar.nama_berkas}.svg"
    png.write_bytes(png_bytes(gambar))
    with gaya():
        gambar.figure.savefig(
            svg, format="svg", metadata={"Date": None, "Creator": "lkjip", "Title": gambar.judul}
        )
    return [png, svg]


def png_bytes(gambar: Gambar) -> bytes:
    """The PNG of ``gambar`` exactly as :func:`save` writes it (for display without a file)."""
    buffer = io.BytesIO()
    with gaya():
        gambar.figure.savefig(buffer, format="png", dpi=DPI_PNG, metadata={"Software": None})
    return buffer.getvalue()


# --------------------------------------------------------------------------- helpers


def _teks(value: object) -> str:
    """Text from the data, safe for matplotlib: a ``$`` would otherwise start mathtext."""
    return "N/A" if fmt.is_na(value) else str(value).replace("$", r"\$")


def _bungkus(value: object, lebar: int) -> str:
    return textwrap.fill(_teks(value), lebar, break_long_words=False)


def _tick(v: float, _pos: object = None) -> str:
    # Ticks show as few decimals as they need: 60 -> "60", 2.5 -> "2,5".
    text = fmt.angka(v, 2)
    if "," in text:
        text = text.rstrip("0").rstrip(",")
    return text


def _nilai(v: object, config: Config) -> str:
    """A value as the report prints it (``format.desimal_nilai`` decimals)."""
    return fmt.Formatter(config).angka(v)


def _pct(v: object, config: Config) -> str:
    """A percentage as the report prints it (``format.desimal_persen`` decimals)."""
    return fmt.Formatter(config).persen(v)


def _sumbu_angka(axis: Axis, *, bagi: float = 1.0) -> None:
    """Decimal comma and thousands dot on an axis (``bagi`` rescales, e.g. to millions)."""
    axis.set_major_formatter(FuncFormatter(lambda v, pos: _tick(v / bagi, pos)))


def _float(values: pd.Series) -> np.ndarray:
    return pd.to_numeric(values, errors="coerce").astype("float64").to_numpy()


def _label_na(ax: Axes, x: float, *, horizontal: bool = False, base: float = 0.0) -> None:
    """Write "N/A" where a missing value's bar would stand, so it is not read as 0."""
    if horizontal:
        ax.text(base, x, " N/A", ha="left", va="center", fontsize=7, color=HITAM)
    else:
        ax.text(x, base, "N/A", ha="center", va="bottom", rotation=90, fontsize=7, color=HITAM)


def _titik(label: str, value: object, text: str, jejak: Jejak | None) -> list[Titik]:
    return [] if jejak is None else [Titik(label, value, text, jejak)]


def _tanda_koreksi(
    labels: list[str], trails: list[Jejak | None], start: int = 0
) -> tuple[list[str], list[str]]:
    """Bar labels with a correction mark (ᵃ, ᵇ ...) where the export printed another figure, and
    the notes that explain the marks (what was printed, where the reviu lists it)."""
    out, notes = [], []
    for text, jejak in zip(labels, trails, strict=True):
        if jejak is not None and jejak.berbeda and jejak.tercetak is not None:
            huruf = chr(ord("a") + start + len(notes))
            mark = HURUF_ATAS.get(huruf, huruf)
            t = jejak.tercetak
            notes.append(
                f"{mark} Tercetak di ekspor {t.nilai}; grafik memuat hasil hitung ulang"
                + (f" (lihat {t.rujukan})." if t.rujukan else ".")
            )
            text += mark
        out.append(text)
    return out, notes


def _new_figure(width: float, height: float) -> tuple[Figure, Axes]:
    # A bare Figure, not pyplot: no global figure registry, nothing to close, Agg on save.
    figure = Figure(figsize=(width, height), layout="constrained")
    return figure, figure.subplots()





# --------------------------------------------------------------------------- charts


def gambar_capaian_kinerja(
    capaian: pd.DataFrame,
    config: Config,
    *,
    dokumen: str | None = None,
    kode_indikator: Sequence[str] | None = None,
    nomor: str | None = None,
    asal: Asal | None = None,
) -> Gambar:
    """Gambar 0.1: realisasi of the agreement's main indicators per year, as grouped bars.

    Parameters
    ----------
    capaian : DataFrame
        The computed ``capaian`` table (or ``tren``): dokumen, kode_indikator, indikator,
        tahun, realisasi, and optionally jenis (only ``utama`` rows are drawn) and satuan.
    config : Config
        Report year and trend years (``tren_mulai`` .. ``tahun``).
    dokumen : str, optional
        The agreement; defaults to the one of the period in which the trend starts.
    kode_indikator : sequence of str, optional
        Indicators to draw, in this order; defaults to every ``utama`` indicator.

    Returns
    -------
    Gambar
        A year without realisasi has no bar; "N/A" is written at the baseline instead.
    """
    dokumen = dokumen or config.dokumen_tren
    years = config.trend_years
    rows = capaian[capaian["dokumen"] == dokumen]
    if "jenis" in rows.columns and kode_indikator is None:
        rows = rows[rows["jenis"] == "utama"]
    if kode_indikator is None:
        sort_cols = [c for c in ("no_sasaran", "kode_indikator") if c in rows.columns]
        kode_indikator = list(dict.fromkeys(rows.sort_values(sort_cols)["kode_indikator"]))
    kode_indikator = list(kode_indikator)
    names = {
        k: rows.loc[rows["kode_indikator"] == k, "indikator"].iloc[0]
        if (rows["kode_indikator"] == k).any()
        else k
        for k in kode_indikator
    }
    satuan = {
        k: rows.loc[rows["kode_indikator"] == k, "satuan"].iloc[0]
        if "satuan" in rows.columns and (rows["kode_indikator"] == k).any()
        else None
        for k in kode_indikator
    }
    table = (
        rows.assign(_tahun=pd.to_numeric(rows["tahun"], errors="coerce"),
                    _realisasi=_float(rows["realisasi"]))
        .pivot_table(index="kode_indikator", columns="_tahun", values="_realisasi", aggfunc="first")
        .reindex(index=kode_indikator, columns=years)
    )

    judul = f"Grafik Capaian Kinerja Tahun {config.tahun}"
    alt_parts = []
    with gaya():
        figure, ax = _new_figure(7.5, 4.4)
        n_years = len(years)
        width = 0.8 / max(n_years, 1)
        centers = np.arange(len(kode_indikator), dtype=float)
        for j, year in enumerate(years):
            xs = centers + (j - (n_years - 1) / 2) * width
            heights = table[year].to_numpy(dtype="float64")
            ok = ~np.isnan(heights)
            container = ax.bar(
                xs[ok], heights[ok], width * 0.92, label=str(year),
                color=OKABE_ITO[j % len(OKABE_ITO)], zorder=2,
            )
            labels = [
                fmt.nilai(h, satuan[k], dengan_satuan=False)
                for h, k, good in zip(heights, kode_indikator, ok, strict=True)
                if good
            ]
            ax.bar_label(container, labels=labels, padding=2, fontsize=7)
            for x in xs[~ok]:
                _label_na(ax, x)
        ax.set_xticks(centers, [_bungkus(names[k], 30) for k in kode_indikator])
        ax.set_xlim(-0.5, max(len(kode_indikator), 1) - 0.5)
        ax.set_ylabel("Realisasi")
        ax.yaxis.set_major_locator(MaxNLocator(nbins=8))
        _sumbu_angka(ax.yaxis)
        top = np.nanmax(table.to_numpy(dtype="float64")) if table.notna().any().any() else 1.0
        ax.set_ylim(0, top * 1.15)
        ax.grid(axis="y")
        ax.legend(ncols=n_years, loc="upper center", bbox_to_anchor=(0.5, -0.2))
        ax.set_title(f"Capaian {dokumen} Tahun {config.tahun}")

    titik: list[Titik] = []
    if asal is not None:
        for k in kode_indikator:
            for y in years:
                value = table.loc[k, y]
                text = fmt.nilai(value, satuan[k], dengan_satuan=False)
                jejak = asal.realisasi_indikator(dokumen, k, y, value)
                titik += _titik(f"{_teks(names[k])} · {y}", value, text, jejak)
    for k in kode_indikator:
        values = ", ".join(
            f"{y} {fmt.nilai(table.loc[k, y], satuan[k])}" for y in years
        )
        alt_parts.append(f"{_teks(names[k])}: {values}")
    alt = (
        f"Diagram batang berkelompok realisasi {len(kode_indikator)} indikator {dokumen} "
        f"tahun {years[0]}–{years[-1]}; tahun tanpa data ditandai N/A (tanpa batang). "
        + "; ".join(alt_parts) + "."
    )
    return Gambar(figure, judul, alt, f"gambar-0-1-capaian-kinerja-{config.tahun}", nomor, tuple(titik))


def gambar_perbandingan_sakip(
    sakip_pembanding: pd.DataFrame, config: Config, *, nomor: str | None = None, asal: Asal | None = None
) -> Gambar:
    """Gambar 0.2: nilai SAKIP of the Sekretariat Daerah, the Kabupaten and the Provinsi.

    Parameters
    ----------
    sakip_pembanding : DataFrame
        The computed ``sakip_pembanding`` table: tahun, entitas, nilai, predikat, keterangan.
    config : Config

    Returns
    -------
    Gambar
        Bars on the full 0–100 scale of the evaluation with value and predikat labels; a
        value marked ``ilustratif`` carries an asterisk and a note.
    """
    rows = rows_of_year(sakip_pembanding, config.tahun)
    first = [config.instansi.induk, config.wilayah, config.wilayah_pembanding]
    order = [e for e in first if (rows["entitas"] == e).any()]
    order += [e for e in dict.fromkeys(rows["entitas"]) if e not in order]
    rows = rows.set_index("entitas").loc[order].reset_index()
    values = _float(rows["nilai"])
    ilustratif = (
        rows["keterangan"].fillna("").astype(str).str.contains("ilustratif", case=False)
        if "keterangan" in rows.columns
        else pd.Series(False, index=rows.index)
    ).to_numpy()

    judul = "Grafik Perbandingan Nilai SAKIP"
    with gaya():
        figure, ax = _new_figure(6.5, 4.0)
        xs = np.arange(len(rows), dtype=float)
        ok = ~np.isnan(values)
        colors = [BIRU if e == config.instansi.induk else ORANYE for e in rows["entitas"]]
        container = ax.bar(
            xs[ok], values[ok], 0.6, color=[c for c, g in zip(colors, ok, strict=True) if g],
            zorder=2,
        )
        labels = []
        for i in np.flatnonzero(ok):
            predikat = rows["predikat"].iloc[i] if "predikat" in rows.columns else None
            text = _nilai(values[i], config)
            if not fmt.is_na(predikat):
                text += f"\n({_teks(predikat)})"
            labels.append(text + (tanda.ILUSTRATIF if ilustratif[i] else ""))
        ax.bar_label(container, labels=labels, padding=2, fontsize=8)
        for x in xs[~ok]:
            _label_na(ax, x)
        ax.set_xticks(xs, [_bungkus(f"Nilai SAKIP {e}", 22) for e in rows["entitas"]])
        ax.set_xlim(-0.5, max(len(rows), 1) - 0.5)
        ax.set_ylim(0, 100)
        ax.set_ylabel("Nilai SAKIP (0–100)")
        _sumbu_angka(ax.yaxis)
        ax.grid(axis="y")
        ax.set_title(f"Nilai SAKIP Tahun {config.tahun}")
        if ilustratif.any():
            ax.set_xlabel(tanda.CATATAN_ILUSTRATIF, fontsize=7, loc="left")

    parts = []
    for i, entitas in enumerate(rows["entitas"]):
        predikat = rows["predikat"].iloc[i] if "predikat" in rows.columns else None
        extra = "" if fmt.is_na(predikat) else f" (predikat {predikat})"
        note = " (ilustratif)" if ilustratif[i] else ""
        parts.append(f"{entitas} {_nilai(values[i], config)}{extra}{note}")
    alt = (
        f"Diagram batang nilai SAKIP tahun {config.tahun} pada skala 0–100: " + "; ".join(parts) + "."
    )
    titik = [
        p
        for i, (_, row) in enumerate(rows.iterrows())
        if asal is not None
        for p in _titik(
            f"Nilai SAKIP {row['entitas']}", values[i], _nilai(values[i], config), asal.pembanding(row)
        )
    ]
    return Gambar(figure, judul, alt, f"gambar-0-2-perbandingan-sakip-{config.tahun}", nomor, tuple(titik))


def _pita_ikm(ax: Axes, config: Config, lo: float, hi: float, *, horizontal: bool) -> None:
    """Shade the IKM quality bands (A, B, C, ...) that fall inside ``lo``–``hi``."""
    bands = sorted(config.skm.kategori, key=lambda k: k.batas_bawah, reverse=True)
    upper = 100.0
    shades = ("#E3F2E1", "#E8F1FA", "#FDF1DC", "#F9E0D9")
    for i, band in enumerate(bands):
        start, stop = max(band.batas_bawah, lo), min(upper, hi)
        if stop > start:
            span = ax.axvspan if horizontal else ax.axhspan
            span(start, stop, color=shades[i % len(shades)], zorder=0, linewidth=0)
            label = f"{band.mutu} ({band.kinerja})"
            if horizontal:
                ax.text((start + stop) / 2, 1.0, label, transform=ax.get_xaxis_transform(),
                        ha="center", va="bottom", fontsize=7)
            else:
                ax.text(1.0, (start + stop) / 2, f" {label}", transform=ax.get_yaxis_transform(),
                        ha="left", va="center", fontsize=7)
        upper = band.batas_bawah


#: Tallest chart (inches at full width) that fits a printed A4 page with its caption.
TINGGI_MAKS = 8.6


def _kinerja(config: Config) -> str:
    return {k.mutu: k.kinerja for k in config.skm.kategori}[config.skm.minimal_baik]


def gambar_ikm_unit(
    ikm_unit: pd.DataFrame,
    config: Config,
    ikm_pemda: pd.DataFrame | None = None,
    *,
    nomor: str | None = None,
    asal: Asal | None = None,
) -> Gambar:
    """IKM of every unit surveyed in the report year, sorted, with the quality bands shaded.

    Parameters
    ----------
    ikm_unit : DataFrame
        The computed ``ikm_unit`` table (tahun, unit, ikm, minimal_baik, ...).
    config : Config
        Report year and the SKM categories.
    ikm_pemda : DataFrame, optional
        The computed ``ikm_pemda`` table; its ``ikm`` for the year is drawn as the Pemda line
        (otherwise the mean of the units drawn).

    Returns
    -------
    Gambar
        Horizontal bars, best unit on top; units below "minimal baik" in vermillion.
    """
    rows = rows_of_year(ikm_unit, config.tahun).assign(_ikm=lambda d: _float(d["ikm"]))
    rows = rows.sort_values(["_ikm", "unit"], ascending=[True, False], na_position="first")
    values = rows["_ikm"].to_numpy()
    ok = ~np.isnan(values)
    if ikm_pemda is not None and len(rows_of_year(ikm_pemda, config.tahun)):
        rata = float(_float(rows_of_year(ikm_pemda, config.tahun)["ikm"])[0])
    else:
        rata = float(np.nanmean(values)) if ok.any() else math.nan
    minimal = {k.mutu: k.batas_bawah for k in config.skm.kategori}[config.skm.minimal_baik]
    # The category is decided on the IKM rounded to 2 decimals (76,605 is "Baik"), as the
    # engine's ``minimal_baik`` does; use that column when present.
    if "minimal_baik" in rows.columns:
        baik = rows["minimal_baik"].astype("boolean").fillna(False).to_numpy(dtype=bool)
    else:
        baik = np.array([fmt.bulat(v, 2) >= minimal for v in values], dtype=bool)
    lo = min(60.0, math.floor(np.nanmin(values) / 5) * 5 - 5) if ok.any() else 60.0

    if "sampel_cukup" in rows.columns:
        kurang = rows["sampel_cukup"].astype("boolean").eq(False).fillna(False).to_numpy(dtype=bool)
    else:
        kurang = np.zeros(len(rows), dtype=bool)

    judul = f"Indeks Kepuasan Masyarakat per Unit Pelayanan Tahun {config.tahun}"
    with gaya():
        # Tall enough for one line per unit, never taller than a printed page holds with its
        # caption (so no page is left nearly empty before it).
        figure, ax = _new_figure(7.5, min(TINGGI_MAKS, max(4.0, 0.13 * len(rows) + 1.9)))
        ys = np.arange(len(rows), dtype=float)
        colors = [BIRU if good else MERAH for good in baik[ok]]
        container = ax.barh(ys[ok], values[ok], 0.7, color=colors, zorder=2)
        for bar, short in zip(container.patches, kurang[ok], strict=True):
            if short:  # a small sample: hatched, and starred in its label
                bar.set_hatch("////")
                bar.set_edgecolor("white")
        ax.bar_label(container, labels=[_nilai(v, config) for v in values[ok]],
                     padding=2, fontsize=6)
        for y in ys[~ok]:
            _label_na(ax, y, horizontal=True, base=lo)
        _pita_ikm(ax, config, lo, 100.0, horizontal=True)
        handles = [Patch(color=BIRU, label=f"Minimal {config.skm.minimal_baik} ({_teks(_kinerja(config))})")]
        if (~baik[ok]).any():
            handles.append(Patch(color=MERAH, label="Di bawah minimal baik"))
        if kurang.any():
            handles.append(Patch(facecolor=ABU, hatch="////", edgecolor="white",
                                 label=f"{tanda.SAMPEL_KURANG} sampel di bawah minimum"))
        if not math.isnan(rata):
            handles.append(ax.axvline(rata, color=HITAM, linestyle="--", linewidth=1, zorder=3,
                                      label=f"IKM Pemerintah Daerah: {_nilai(rata, config)}"))
        # The legend sits under the chart, never over the bars and their values.
        figure.legend(handles=handles, loc="outside lower center", ncols=2, fontsize=7)
        names = [
            _teks(u) + (tanda.SAMPEL_KURANG if k else "") for u, k in zip(rows["unit"], kurang, strict=True)
        ]
        ax.set_yticks(ys, names, fontsize=6)
        ax.set_ylim(-0.6, len(rows) - 0.4)
        ax.set_xlim(lo, 100)
        xlabel = f"Nilai IKM (sumbu dimulai dari {_tick(lo)})"
        if kurang.any():
            xlabel += "\n" + tanda.CATATAN_SAMPEL_KURANG
        ax.set_xlabel(xlabel, fontsize=7)
        _sumbu_angka(ax.xaxis)
        ax.set_title(f"IKM per Unit Pelayanan Tahun {config.tahun}", pad=14)

    below = [u for u, v, good in zip(rows["unit"], values, baik, strict=True)
             if not np.isnan(v) and not good]
    best = rows[ok].iloc[-1] if ok.any() else None
    worst = rows[ok].iloc[0] if ok.any() else None
    alt = (
        f"Diagram batang horizontal IKM {len(rows)} unit pelayanan tahun {config.tahun}, "
        "urut dari tertinggi."
    )
    if best is not None:
        alt += (
            f" Tertinggi {best['unit']} ({_nilai(best['_ikm'], config)}), terendah {worst['unit']} "
            f"({_nilai(worst['_ikm'], config)}); IKM Pemerintah Daerah {_nilai(rata, config)}."
        )
    alt += (
        f" {len(below)} unit di bawah kategori minimal baik"
        + (f": {', '.join(map(str, below))}." if below else ".")
    )
    if (~ok).any():
        alt += f" {int((~ok).sum())} unit tanpa nilai (N/A)."
    if kurang.any():
        small = [str(u) for u, k in zip(rows["unit"], kurang, strict=True) if k]
        alt += f" Responden di bawah sampel minimum Krejcie–Morgan (ditandai *): {', '.join(small)}."
    titik: list[Titik] = []
    if asal is not None:
        for (_, row), value in zip(rows[::-1].iterrows(), values[::-1], strict=True):
            titik += _titik(str(row["unit"]), value, _nilai(value, config), asal.ikm_unit(row, rinci=False))
        if ikm_pemda is not None and len(rows_of_year(ikm_pemda, config.tahun)):
            titik += _titik(
                f"IKM {config.wilayah} (garis)", rata, _nilai(rata, config), asal.ikm_pemda(config.tahun)
            )
    return Gambar(figure, judul, alt, f"gambar-ikm-per-unit-{config.tahun}", nomor, tuple(titik))


def gambar_nrr_unsur(
    ikm_unsur: pd.DataFrame,
    config: Config,
    *,
    kode_unit: str = KODE_PEMDA,
    nomor: str | None = None,
    asal: Asal | None = None,
) -> Gambar:
    """NRR per unsur pelayanan for the Pemda (or one unit), the weakest unsur highlighted.

    Parameters
    ----------
    ikm_unsur : DataFrame
        The computed ``ikm_unsur`` table (tahun, kode_unit, unsur, nama_unsur, nrr, ...).
    config : Config
    kode_unit : str
        ``"PEMDA"`` for the whole Pemda, or a unit's code.

    Returns
    -------
    Gambar
        Horizontal bars on the 0–4 NRR scale, U1 on top.
    """
    rows = rows_of_year(ikm_unsur, config.tahun)
    rows = rows[rows["kode_unit"] == kode_unit]
    order = [u.kode for u in config.skm.unsur]
    rows = rows.assign(_urut=rows["unsur"].map({k: i for i, k in enumerate(order)}))
    rows = rows.sort_values("_urut", ascending=False, na_position="first")
    values = _float(rows["nrr"])
    ok = ~np.isnan(values)
    weakest = float(np.nanmin(values)) if ok.any() else math.nan
    names = [
        f"{u} {_teks(n)}" for u, n in zip(rows["unsur"], rows.get("nama_unsur", rows["unsur"]),
                                           strict=True)
    ]
    unit_name = rows["unit"].iloc[0] if "unit" in rows.columns and len(rows) else kode_unit
    judul = f"Nilai Rata-Rata per Unsur Pelayanan Tahun {config.tahun}"
    with gaya():
        figure, ax = _new_figure(7.0, 4.2)
        ys = np.arange(len(rows), dtype=float)
        colors = [MERAH if v == weakest else BIRU for v in values[ok]]
        container = ax.barh(ys[ok], values[ok], 0.65, color=colors, zorder=2)
        ax.bar_label(container, labels=[_nilai(v, config) for v in values[ok]], padding=2,
                     fontsize=7)
        for y in ys[~ok]:
            _label_na(ax, y, horizontal=True)
        ax.set_yticks(ys, [_bungkus(n, 32) for n in names])
        ax.set_xlim(0, 4)
        ax.set_xlabel("NRR (skala 1–4); merah: unsur terlemah")
        _sumbu_angka(ax.xaxis)
        ax.grid(axis="x")
        ax.set_title(f"NRR per Unsur — {_teks(unit_name)}")

    weak_names = [n for n, v in zip(names, values, strict=True) if v == weakest]
    alt = (
        f"Diagram batang horizontal nilai rata-rata (NRR) sembilan unsur pelayanan {unit_name} "
        f"tahun {config.tahun}: "
        + "; ".join(f"{n} {_nilai(v, config)}" for n, v in zip(names[::-1], values[::-1], strict=True))
        + (f". Unsur terlemah: {', '.join(weak_names)}." if weak_names else ".")
    )
    titik: list[Titik] = []
    if asal is not None:
        for (_, row), name, value in zip(rows[::-1].iterrows(), names[::-1], values[::-1], strict=True):
            titik += _titik(name, value, _nilai(value, config), asal.nrr(row))
    return Gambar(figure, judul, alt, f"gambar-nrr-per-unsur-{config.tahun}", nomor, tuple(titik))


def gambar_anggaran(
    anggaran_hasil: pd.DataFrame, config: Config, *, nomor: str | None = None, asal: Asal | None = None
) -> Gambar:
    """Anggaran versus realisasi per sub-kegiatan in the report year, with the % realised.

    Parameters
    ----------
    anggaran_hasil : DataFrame
        The computed ``anggaran_hasil`` table (tahun, kode, uraian, anggaran, realisasi, persen).
    config : Config

    Returns
    -------
    Gambar
        Pairs of horizontal bars (millions of rupiah), the first sub-kegiatan on top.
    """
    rows = rows_of_year(anggaran_hasil, config.tahun).sort_values("kode", ascending=False)
    pagu = _float(rows["anggaran"])
    real = _float(rows["realisasi"])
    pct = _float(rows["persen"]) if "persen" in rows.columns else real / pagu * 100
    judul = f"Anggaran dan Realisasi per Sub Kegiatan Tahun {config.tahun}"
    persen_jejak = [asal.persen(r) if asal is not None else None for _, r in rows.iterrows()]
    labels, notes = _tanda_koreksi([_pct(p, config) for p in pct], persen_jejak)
    with gaya():
        figure, ax = _new_figure(7.5, max(3.5, 0.75 * len(rows) + 1.4 + 0.15 * len(notes)))
        ys = np.arange(len(rows), dtype=float)
        h = 0.38
        ok_p, ok_r = ~np.isnan(pagu), ~np.isnan(real)
        ax.barh(ys[ok_p] + h / 2, pagu[ok_p], h, color=BIRU_MUDA, label="Anggaran", zorder=2)
        bars = ax.barh(ys[ok_r] - h / 2, real[ok_r], h, color=BIRU, label="Realisasi", zorder=2)
        shown = [t for t, good in zip(labels, ok_r, strict=True) if good]
        ax.bar_label(bars, labels=shown, padding=2, fontsize=7)
        for y in ys[~ok_p]:
            _label_na(ax, y + h / 2, horizontal=True)
        for y in ys[~ok_r]:
            _label_na(ax, y - h / 2, horizontal=True)
        ax.set_yticks(ys, [_bungkus(u, 34) for u in rows["uraian"]])
        top = np.nanmax(pagu) if ok_p.any() else 1.0
        ax.set_xlim(0, top * 1.15)
        ax.set_xlabel("Juta rupiah")
        if notes:  # what the office printed for the marked figures, under the chart
            figure.supxlabel("\n".join(notes), fontsize=7, x=0.01, ha="left")
        _sumbu_angka(ax.xaxis, bagi=1e6)
        ax.grid(axis="x")
        ax.legend(loc="lower right")
        ax.set_title(judul)
    titik: list[Titik] = []
    if asal is not None:  # top to bottom, as read: the first sub-kegiatan first
        for (_, row), a, r, p, text, j in list(
            zip(rows.iterrows(), pagu, real, pct, labels, persen_jejak, strict=True)
        )[::-1]:
            name = f"{row['kode']} {_teks(row['uraian'])}"
            for what, value, kolom in (("anggaran", a, "anggaran"), ("realisasi", r, "realisasi")):
                money = fmt.rupiah(value, config.format.uang)
                titik += _titik(f"{name} · {what}", value, money, asal.anggaran(row, kolom))
            titik += _titik(f"{name} · persentase", p, text, j)
    parts = [
        f"{u}: anggaran {fmt.rupiah(a, config.format.uang)}, realisasi "
        f"{fmt.rupiah(r, config.format.uang)} ({_pct(p, config)})"
        for u, a, r, p in zip(rows["uraian"][::-1], pagu[::-1], real[::-1], pct[::-1], strict=True)
    ]
    alt = (
        f"Diagram batang anggaran dan realisasi {len(rows)} sub kegiatan tahun {config.tahun}. "
        + "; ".join(parts) + "."
    )
    return Gambar(
        figure, judul, alt, f"gambar-anggaran-per-sub-kegiatan-{config.tahun}", nomor, tuple(titik)
    )


def gambar_kinerja_anggaran(
    anggaran_sasaran: pd.DataFrame,
    config: Config,
    *,
    dokumen: str | None = None,
    nomor: str | None = None,
    asal: Asal | None = None,
) -> Gambar:
    """Capaian kinerja next to capaian anggaran for each sasaran, with the 100% line.

    Parameters
    ----------
    anggaran_sasaran : DataFrame
        The computed ``anggaran_sasaran`` table (dokumen, no_sasaran, sasaran,
        capaian_kinerja, capaian_anggaran, ...).
    config : Config
    dokumen : str, optional
        The agreement; defaults to the newest one covering the report year.

    Returns
    -------
    Gambar
    """
    dokumen = dokumen or config.dokumen_terkini
    rows = anggaran_sasaran[anggaran_sasaran["dokumen"] == dokumen].sort_values("no_sasaran")
    series = [("Capaian kinerja", "capaian_kinerja", BIRU), ("Capaian anggaran", "capaian_anggaran", ORANYE)]
    judul = f"Perbandingan Capaian Kinerja dan Capaian Anggaran per Sasaran Tahun {config.tahun}"
    trails: dict[str, list[Jejak | None]] = {
        "capaian_kinerja": [asal.capaian_kinerja_sasaran(r) if asal else None for _, r in rows.iterrows()],
        "capaian_anggaran": [asal.anggaran_sasaran(r)[2] if asal else None for _, r in rows.iterrows()],
    }
    printed: dict[str, list[str]] = {}
    notes: list[str] = []
    for _label, column, _color in series:
        printed[column], more = _tanda_koreksi(
            [_pct(v, config) for v in _float(rows[column])], trails[column], len(notes)
        )
        notes += more
    with gaya():
        figure, ax = _new_figure(7.5, 4.4 + 0.15 * len(notes))
        centers = np.arange(len(rows), dtype=float)
        width = 0.36
        top = 100.0
        for j, (label, column, color) in enumerate(series):
            xs = centers + (j - 0.5) * width
            values = _float(rows[column])
            ok = ~np.isnan(values)
            bars = ax.bar(xs[ok], values[ok], width * 0.92, color=color, label=label, zorder=2)
            shown = [t for t, good in zip(printed[column], ok, strict=True) if good]
            ax.bar_label(bars, labels=shown, padding=2, fontsize=7)
            for x in xs[~ok]:
                _label_na(ax, x)
            if ok.any():
                top = max(top, float(np.nanmax(values)))
        ax.axhline(100, color=HITAM, linewidth=0.8, linestyle="--", zorder=3)
        ax.set_xticks(centers, [_bungkus(s, 28) for s in rows["sasaran"]])
        ax.set_xlim(-0.5, max(len(rows), 1) - 0.5)
        ax.set_ylim(0, top * 1.15)
        ax.set_ylabel("Persen")
        _sumbu_angka(ax.yaxis)
        ax.grid(axis="y")
        ax.set_title(f"Capaian Kinerja dan Anggaran — {dokumen} {config.tahun}")
        if notes:  # what the office printed for the marked figures, under the sasaran's names
            ax.set_xlabel("\n".join(notes), fontsize=7, loc="left", labelpad=10)
        # the legend under everything else (one line per note further down)
        figure.legend(ncols=2, loc="outside lower center")
    parts = [
        f"{s}: kinerja {_pct(k, config)}, anggaran {_pct(a, config)}"
        for s, k, a in zip(rows["sasaran"], _float(rows["capaian_kinerja"]),
                           _float(rows["capaian_anggaran"]), strict=True)
    ]
    alt = (
        f"Diagram batang berkelompok capaian kinerja dan capaian anggaran per sasaran {dokumen} "
        f"tahun {config.tahun}, dengan garis 100%. " + "; ".join(parts) + "."
    )
    titik: list[Titik] = []
    for i, (_, row) in enumerate(rows.iterrows()):
        for label, column, _color in series:
            value = _float(rows[column])[i]
            name = f"{_teks(row['sasaran'])} · {label.lower()}"
            titik += _titik(name, value, printed[column][i], trails[column][i])
    return Gambar(
        figure, judul, alt, f"gambar-capaian-kinerja-dan-anggaran-{config.tahun}", nomor, tuple(titik)
    )


def gambar_ikm_tren(
    ikm_pemda: pd.DataFrame,
    pembanding: pd.DataFrame,
    config: Config,
    *,
    kode_indikator: Sequence[str] = (),
    nomor: str | None = None,
    asal: Asal | None = None,
) -> Gambar:
    """IKM of the Kabupaten against the Provinsi over the trend years, as two lines.

    Parameters
    ----------
    ikm_pemda : DataFrame
        The computed ``ikm_pemda`` table (tahun, ikm).
    pembanding : DataFrame
        The clean ``pembanding`` table; rows of ``kode_indikator`` for ``config.wilayah_pembanding``.
    config : Config
    kode_indikator : sequence of str
        The codes of the IKM indicator in ``pembanding``: the indicators whose Sumber Realisasi
        is ``ikm_pemda`` (:func:`lkjip.indicators.capaian.kode_menurut_sumber`); none gives the
        unit's own line only.

    Returns
    -------
    Gambar
        A year without a value leaves a gap in its line, never a drop to 0.
    """
    years = config.trend_years
    # The analyst's views (lkjip.data), so that the chart and the analyst see the same numbers.
    kab = data.ikm_pemda(tables={"ikm_pemda": ikm_pemda}, config=config)
    kab = kab.groupby("tahun")["nilai"].first().reindex(years).astype("float64")
    prov = data.angka_pembanding(tables={"pembanding": pembanding}, config=config)
    prov = prov[prov["kode_indikator"].isin(kode_indikator) & (prov["entitas"] == config.wilayah_pembanding)]
    ilustratif = (prov.groupby("tahun")["asal"].first() == "ilustratif").reindex(years, fill_value=False)
    prov = prov.groupby("tahun")["nilai"].first().reindex(years).astype("float64")
    # Years before the first survey would only be empty space: keep the years with a value.
    shown = [y for y in years if not (np.isnan(kab[y]) and np.isnan(prov[y]))] or years
    years, kab, prov = shown, kab.reindex(shown), prov.reindex(shown)
    lines = [(config.wilayah, kab, BIRU, "o")]
    if config.wilayah_pembanding is not None:
        lines.append((config.wilayah_pembanding, prov, ORANYE, "s"))
    judul = f"Grafik IKM {config.wilayah_dan_pembanding} Tahun {years[0]}–{years[-1]}"
    with gaya():
        figure, ax = _new_figure(7.0, 4.0)
        values = np.concatenate([kab.to_numpy(), prov.to_numpy()])
        finite = np.isfinite(values).any()
        lo = math.floor(np.nanmin(values) - 3) if finite else 75.0
        hi = min(100.0, math.ceil(np.nanmax(values) + 3)) if finite else 100.0
        for label, series, color, marker in lines:
            ax.plot(years, series.to_numpy(), color=color, marker=marker, label=_teks(label),
                    zorder=3)
            for year, v in zip(years, series.to_numpy(), strict=True):
                if not np.isnan(v):
                    offset = 6 if series is kab else -12
                    star = tanda.ILUSTRATIF if series is prov and bool(ilustratif[year]) else ""
                    ax.annotate(_nilai(v, config) + star, (year, v), textcoords="offset points",
                                xytext=(0, offset), ha="center", fontsize=7, color=color)
        _pita_ikm(ax, config, lo, hi, horizontal=False)
        ax.set_xticks(years, [str(y) for y in years])
        ax.set_xlim(years[0] - 0.4, years[-1] + 0.4)
        ax.set_ylim(lo, hi)
        ax.set_ylabel(f"Nilai IKM (sumbu dimulai dari {_tick(lo)})")
        _sumbu_angka(ax.yaxis)
        ax.legend(loc="lower left")
        ax.set_title(judul)
        if any(bool(ilustratif[y]) for y in years):
            ax.set_xlabel(tanda.CATATAN_ILUSTRATIF, fontsize=7, loc="left")
    parts = [
        f"{label}: " + ", ".join(f"{y} {_nilai(v, config)}" for y, v in zip(years, s, strict=True))
        for label, s, _c, _m in lines
    ]
    alt = f"Diagram garis IKM tahun {years[0]}–{years[-1]}. " + "; ".join(parts) + "."
    marked = [str(y) for y in years if bool(ilustratif[y]) and not np.isnan(prov[y])]
    if marked:
        alt += f" Nilai {config.provinsi} tahun {', '.join(marked)} ilustratif (ditandai *)."
    titik: list[Titik] = []
    if asal is not None:
        theirs = pembanding[
            pembanding["kode_indikator"].isin(kode_indikator)
            & (pembanding["entitas"] == config.wilayah_pembanding)
        ]
        for year in years:
            value = kab[year]
            titik += _titik(f"{config.wilayah} · {year}", value, _nilai(value, config), asal.ikm_pemda(year))
        for year in years:
            hit = theirs[pd.to_numeric(theirs["tahun"], errors="coerce") == year]
            if config.wilayah_pembanding is not None and len(hit):
                text = _nilai(prov[year], config) + (tanda.ILUSTRATIF if bool(ilustratif[year]) else "")
                name = f"{config.wilayah_pembanding} · {year}"
                titik += _titik(name, prov[year], text, asal.pembanding(hit.iloc[0]))
    return Gambar(
        figure, judul, alt, f"gambar-ikm-kabupaten-provinsi-{years[0]}-{years[-1]}", nomor, tuple(titik)
    )
