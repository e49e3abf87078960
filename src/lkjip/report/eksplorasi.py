"""The exploration notebooks' logic: parameters checked as the book's chapters check theirs, and charts.

The notebooks of ``notebooks/eksplorasi/`` stay thin: each validates its ``parameters`` cell with
:func:`konfigurasi` (a year outside the data is refused with
:class:`lkjip.report.tahun.TahunTidakTercakup`, as the book's chapters refuse it) and the views of
:mod:`lkjip.data` (an unknown unit or indicator is refused by name, with the closest candidates),
then shows tables made here and one chart drawn in the report's style (:func:`lkjip.report.charts.gaya`,
Okabe–Ito colours, decimal commas, names in titles, a legend on every chart with several series).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from lkjip import data
from lkjip.core import fmt
from lkjip.core.config import Config, load_config
from lkjip.core.paths import paths
from lkjip.core.pilihan import TahunTidakAda, daftar, pilih_tahun, tahun_bulat
from lkjip.indicators.ikm import krejcie_morgan
from lkjip.report import charts, tanda
from lkjip.report.charts import ABU, BIRU, HITAM, MERAH, OKABE_ITO, Gambar, gaya
from lkjip.report.tahun import config_tahun

#: Populations for which the sample rule is shown worked out.
CONTOH_POPULASI = (50, 100, 1_000, 100_000)

#: Colour and legend label of each sample state (``sampel_cukup``).
_SAMPEL = {True: (BIRU, "Cukup"), False: (MERAH, "Kurang"), None: (ABU, "Tidak dapat dinilai")}


def _satu_tahun(tahun: object, nama: str) -> int:
    years = tahun_bulat(tahun, di=f"parameter {nama}")
    if len(years) != 1:
        raise TahunTidakAda(
            f"Parameter {nama} adalah satu tahun (mis. 2025), bukan {tahun!r}.", diminta=tahun
        )
    return years[0]


def konfigurasi(tahun: object = None, *, root: Path | None = None) -> Config:
    """The configuration of the notebook's year: ``laporan.yml``'s, or that of ``tahun``.

    The same check as the book's chapters (:meth:`lkjip.report.laporan.Laporan.load`): another
    year must be covered by the processed data.

    Raises
    ------
    lkjip.report.tahun.TahunTidakTercakup
        For a year the processed data do not cover, naming the years they do.
    lkjip.core.pilihan.TahunTidakAda
        For a value that is not one year.
    """
    project = paths(root)
    config = load_config(project.config)
    if tahun is None:
        return config
    return config_tahun(config, _satu_tahun(tahun, "tahun"), project.root)


def rentang_tahun(config: Config, tahun_mulai: object = None) -> list[int]:
    """The years from ``tahun_mulai`` (``None``: ``tren_mulai`` of ``laporan.yml``) to the year of ``config``.

    Raises
    ------
    lkjip.core.pilihan.TahunTidakAda
        When ``tahun_mulai`` is not a year or comes after the end year.

    Examples
    --------
    >>> rentang_tahun(load_config(), 2023)
    [2023, 2024, 2025]
    """
    mulai = config.tren_mulai if tahun_mulai is None else _satu_tahun(tahun_mulai, "tahun_mulai")
    if mulai > config.tahun:
        raise TahunTidakAda(
            f"Parameter tahun_mulai ({mulai}) sesudah tahun akhir ({config.tahun}).", diminta=tahun_mulai
        )
    return list(range(mulai, config.tahun + 1))


def sampai(view: pd.DataFrame, tahun: int, apa: str) -> pd.DataFrame:
    """The rows of a view up to and including ``tahun``, refused when it holds none of them.

    Parameters
    ----------
    view : DataFrame
        A view of :mod:`lkjip.data` (column ``tahun``).
    tahun : int
        The notebook's end year.
    apa : str
        What the view holds, for the message (``"nilai unsur UL-01"``).

    Raises
    ------
    lkjip.core.pilihan.TahunTidakAda
        Naming the years the view holds.

    Examples
    --------
    >>> view = pd.DataFrame({"tahun": [2024, 2025], "nilai": [1.0, 2.0]})
    >>> sampai(view, 2024, "contoh")["nilai"].tolist()
    [1.0]
    >>> sampai(view, 2023, "contoh")
    Traceback (most recent call last):
    ...
    lkjip.core.pilihan.TahunTidakAda: Tidak ada contoh sampai tahun 2023: datanya mencakup tahun 2024, 2025.
    """
    years = pd.to_numeric(view["tahun"], errors="coerce")
    rows = view[(years <= tahun).fillna(False).to_numpy()].reset_index(drop=True)
    if rows.empty:
        have = sorted(int(y) for y in years.dropna().unique())
        raise TahunTidakAda(
            f"Tidak ada {apa} sampai tahun {tahun}: datanya mencakup tahun {daftar(have)}.",
            diminta=tahun,
            pilihan=[str(y) for y in have],
        )
    return rows


# --------------------------------------------------------------------------- 01 trends


def gambar_tren(realisasi: pd.DataFrame, tahun: Sequence[int]) -> Gambar:
    """One small panel per indicator: its realisasi over ``tahun``, titled by its name.

    Parameters
    ----------
    realisasi : DataFrame
        Rows ``ukuran == "realisasi"`` of :func:`lkjip.data.capaian` (dokumen, kode_indikator,
        indikator, satuan, tahun, nilai).
    tahun : sequence of int
        The years of the x axis.

    Returns
    -------
    Gambar
        A year without realisasi has no point and breaks the line (never a drop to 0); each
        agreement has its colour, named in the legend.
    """
    years = list(tahun)
    series = list(realisasi[["dokumen", "kode_indikator"]].drop_duplicates().itertuples(index=False))
    dokumen = list(dict.fromkeys(realisasi["dokumen"]))
    colour = {d: OKABE_ITO[i % len(OKABE_ITO)] for i, d in enumerate(dokumen)}
    ncols = max(1, min(3, len(series)))
    nrows = max(1, math.ceil(len(series) / ncols))
    span = f"{years[0]}–{years[-1]}" if years else ""
    judul = f"Realisasi Indikator Kinerja Tahun {span}"
    alt = []
    with gaya():
        figure = Figure(figsize=(7.5, 2.2 * nrows + 0.9), layout="constrained")
        axes = figure.subplots(nrows, ncols, squeeze=False)
        for ax in axes.flat[len(series) :]:
            ax.set_visible(False)
        for ax, (doc, kode) in zip(axes.flat, series, strict=False):
            rows = realisasi[(realisasi["dokumen"] == doc) & (realisasi["kode_indikator"] == kode)]
            values = rows.groupby("tahun")["nilai"].first().reindex(years).astype("float64")
            satuan = rows["satuan"].dropna().iloc[0] if rows["satuan"].notna().any() else None
            name = rows["indikator"].dropna().iloc[0] if rows["indikator"].notna().any() else kode
            ax.plot(years, values.to_numpy(), color=colour[doc], marker="o", markersize=4, zorder=3)
            for year, v in values.items():
                if not np.isnan(v):
                    ax.annotate(
                        fmt.nilai(v, satuan, dengan_satuan=False),
                        (year, v),
                        fontsize=6,
                        textcoords="offset points",
                        xytext=(0, 5),
                        ha="center",
                        color=HITAM,
                    )
            finite = values.dropna()
            if len(finite):
                lo, hi = float(finite.min()), float(finite.max())
                pad = (hi - lo) * 0.25 or max(abs(hi) * 0.05, 1.0)
                ax.set_ylim(lo - pad, hi + pad * 1.6)
            ax.set_xticks(years, [str(y) for y in years], fontsize=7)
            ax.set_xlim(years[0] - 0.5, years[-1] + 0.5)
            charts._sumbu_angka(ax.yaxis)
            ax.tick_params(axis="y", labelsize=7)
            ax.grid(axis="y")
            ax.set_title(charts._bungkus(name, 34), fontsize=8)
            alt.append(
                f"{charts._teks(name)} ({doc}): "
                + ", ".join(f"{y} {fmt.nilai(v, satuan)}" for y, v in values.items())
            )
        handles = [Line2D([], [], color=colour[d], marker="o", label=charts._teks(d)) for d in dokumen]
        figure.legend(handles=handles, loc="outside lower center", ncols=max(1, len(dokumen)))
        figure.suptitle(judul, fontsize=11, fontweight="bold")
    text = (
        f"Diagram garis realisasi {len(series)} indikator tahun {span}, satu panel per indikator; "
        "tahun tanpa realisasi tanpa titik (N/A). " + "; ".join(alt) + "."
    )
    return Gambar(figure, judul, text, f"eksplorasi-tren-indikator-{span}")


# --------------------------------------------------------------------------- 02 comparisons


def selisih_wilayah(pilihan: pd.DataFrame, config: Config) -> pd.DataFrame:
    """One indicator of :func:`lkjip.data.perbandingan`: one row per year, one column per entity,
    and ``selisih``, the unit's region minus its province (NaN for a province unit, or a year
    without one of the two).

    Examples
    --------
    >>> config = load_config()
    >>> view = pd.DataFrame({"tahun": [2025, 2025], "entitas": [config.wilayah, config.provinsi],
    ...                      "nilai": [90.87, 89.71]})
    >>> round(float(selisih_wilayah(view, config).loc[2025, "selisih"]), 2)
    1.16
    """
    lebar = pilihan.pivot(index="tahun", columns="entitas", values="nilai")
    lebar.columns.name = None
    pembanding = config.wilayah_pembanding
    return lebar.assign(selisih=lebar.get(config.wilayah, np.nan) - lebar.get(pembanding, np.nan))


def gambar_perbandingan(pilihan: pd.DataFrame, config: Config) -> Gambar:
    """One indicator of :func:`lkjip.data.perbandingan` over the years: one line per entity.

    The unit's region is drawn first, in blue; an illustrative comparison figure is marked with
    an asterisk (explained under the axis). A year without a figure breaks the line.
    """
    years = sorted(int(y) for y in pilihan["tahun"].dropna().unique())
    name = pilihan["indikator"].dropna().iloc[0] if pilihan["indikator"].notna().any() else ""
    entities = list(dict.fromkeys(pilihan["entitas"]))
    judul = f"{charts._teks(name)} Tahun {years[0]}–{years[-1]}" if years else charts._teks(name)
    illustrated = False
    parts = []
    with gaya():
        figure, ax = charts._new_figure(7.0, 4.0)
        for i, entity in enumerate(entities):
            rows = pilihan[pilihan["entitas"] == entity].set_index("tahun").reindex(years)
            values = rows["nilai"].astype("float64")
            colour = OKABE_ITO[i % len(OKABE_ITO)]
            ax.plot(
                years,
                values.to_numpy(),
                color=colour,
                marker="os^Dv"[i % 5],
                label=charts._teks(entity),
                zorder=3,
            )
            for year, v, asal in zip(years, values, rows["asal"], strict=True):
                if not np.isnan(v):
                    star = tanda.ILUSTRATIF if asal == "ilustratif" else ""
                    illustrated |= bool(star)
                    ax.annotate(
                        charts._nilai(v, config) + star,
                        (year, v),
                        textcoords="offset points",
                        xytext=(0, 6 if i % 2 == 0 else -12),
                        ha="center",
                        fontsize=7,
                        color=colour,
                    )
            shown = ", ".join(f"{y} {charts._nilai(v, config)}" for y, v in values.items())
            parts.append(f"{entity}: {shown}")
        ax.set_xticks(years, [str(y) for y in years])
        if years:
            ax.set_xlim(years[0] - 0.4, years[-1] + 0.4)
        finite = pilihan["nilai"].astype("float64").dropna()
        if len(finite):
            pad = max((finite.max() - finite.min()) * 0.2, 1.0)
            ax.set_ylim(finite.min() - pad, finite.max() + pad)
        charts._sumbu_angka(ax.yaxis)
        ax.grid(axis="y")
        ax.legend(loc="best")
        ax.set_title(charts._bungkus(judul, 60))
        if illustrated:
            ax.set_xlabel(tanda.CATATAN_ILUSTRATIF, fontsize=7, loc="left")
    alt = f"Diagram garis {charts._teks(name)} per entitas. " + "; ".join(parts) + "."
    return Gambar(figure, judul, alt, "eksplorasi-perbandingan")


# --------------------------------------------------------------------------- 03 one unit


def unit_atau_terendah(unit: str | None, config: Config, *, root: Path | None = None) -> str:
    """``unit`` as given (the views check it), or when ``None`` the code of the unit with the lowest
    IKM in the year of ``config``.

    Raises
    ------
    lkjip.core.pilihan.TahunTidakAda
        When ``unit`` is ``None`` and no unit has an IKM that year.
    """
    if unit is not None:
        return unit
    ikm = data.ikm_unit(tahun=config.tahun, root=root)
    return str(ikm.sort_values(["nilai", "kode_unit"], kind="stable")["kode_unit"].iloc[0])


def nrr_minimal_baik(config: Config) -> float:
    """The lowest NRR of mutu minimal baik: the IKM bound of ``laporan.yml`` ÷ 25.

    Examples
    --------
    >>> nrr_minimal_baik(load_config())  # mutu B from IKM 76,61 (PermenPANRB 14/2017)
    3.0644
    """
    batas = {k.mutu: k.batas_bawah for k in config.skm.kategori}[config.skm.minimal_baik]
    return batas / 25


def gambar_nrr_unit(unsur: pd.DataFrame, config: Config) -> Gambar:
    """NRR of every unsur of one unit (:func:`lkjip.data.ikm_unsur`), one bar per year, U1 on top.

    The dashed line is the lowest NRR of mutu minimal baik (:func:`nrr_minimal_baik`).
    """
    order = [u.kode for u in config.skm.unsur]
    names = dict(zip(unsur["unsur"], unsur["nama_unsur"], strict=True))
    codes = [u for u in order if u in names] + [u for u in names if u not in order]
    years = sorted(int(y) for y in unsur["tahun"].dropna().unique())
    unit = unsur["unit"].dropna().iloc[-1] if unsur["unit"].notna().any() else unsur["kode_unit"].iloc[0]
    minimal = nrr_minimal_baik(config)
    judul = f"NRR per Unsur Pelayanan — {charts._teks(unit)}"
    parts = []
    with gaya():
        figure, ax = charts._new_figure(7.0, max(3.8, 0.42 * len(codes) * max(1, len(years)) + 1.4))
        ys = np.arange(len(codes), dtype=float)[::-1]
        height = 0.8 / max(1, len(years))
        for j, year in enumerate(years):
            rows = unsur[unsur["tahun"] == year].set_index("unsur").reindex(codes)
            values = rows["nilai"].astype("float64").to_numpy()
            offset = (len(years) - 1) / 2 * height - j * height
            ok = ~np.isnan(values)
            bars = ax.barh(
                ys[ok] + offset,
                values[ok],
                height * 0.9,
                color=OKABE_ITO[j % len(OKABE_ITO)],
                label=str(year),
                zorder=2,
            )
            ax.bar_label(bars, labels=[charts._nilai(v, config) for v in values[ok]], padding=2, fontsize=7)
            for y in ys[~ok] + offset:
                charts._label_na(ax, y, horizontal=True, base=1.0)
            parts.append(
                f"{year}: "
                + ", ".join(f"{c} {charts._nilai(v, config)}" for c, v in zip(codes, values, strict=True))
            )
        ax.axvline(
            minimal,
            color=HITAM,
            linestyle="--",
            linewidth=1,
            label=f"NRR minimal baik ({charts._tick(minimal)})",
        )
        ax.set_yticks(ys, [charts._bungkus(f"{c} {names[c]}", 34) for c in codes])
        ax.set_xlim(1, 4.3)
        ax.set_xlabel("NRR (skala 1–4)")
        charts._sumbu_angka(ax.xaxis)
        ax.grid(axis="x")
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.1), ncols=len(years) + 1)
        ax.set_title(charts._bungkus(judul, 60))
    alt = f"Diagram batang NRR per unsur {charts._teks(unit)}. " + "; ".join(parts) + "."
    return Gambar(figure, judul, alt, "eksplorasi-nrr-unit")


# --------------------------------------------------------------------------- 04 samples


def contoh_sampel(config: Config) -> pd.DataFrame:
    """The Krejcie–Morgan sample minimum of a few populations (:data:`CONTOH_POPULASI`).

    Examples
    --------
    >>> contoh_sampel(load_config())["sampel_minimum"].tolist()  # χ² 3,841, P 0,5, d 0,05
    [44, 80, 278, 383]
    """
    contoh = {n: krejcie_morgan(n, config.skm.krejcie_morgan) for n in CONTOH_POPULASI}
    return pd.Series(contoh, name="sampel_minimum").rename_axis("populasi").to_frame()


def kecukupan_sampel(ikm_unit: pd.DataFrame, tahun: int) -> pd.DataFrame:
    """Units of :func:`lkjip.data.ikm_unit` in ``tahun`` with their sample and ``kekurangan``
    (respondents short of the minimum).

    Raises
    ------
    lkjip.core.pilihan.TahunTidakAda
        For a year of which no unit has a sample minimum (a year known only from the office's IKM
        summary has no population): the message names the years that can be judged.

    Examples
    --------
    >>> view = pd.DataFrame({"tahun": [2024, 2025, 2025], "kode_unit": ["A", "A", "B"],
    ...                      "unit": ["a", "a", "b"], "jumlah_responden": [75, 70, 90],
    ...                      "sampel_minimum": [None, 80, 80],
    ...                      "sampel_cukup": [None, False, True]})
    >>> kecukupan_sampel(view, 2025)["kekurangan"].tolist()
    [10.0, 0.0]
    >>> kecukupan_sampel(view, 2024)
    Traceback (most recent call last):
    ...
    lkjip.core.pilihan.TahunTidakAda: Tahun 2024 tidak ada di kecukupan sampel SKM (tahun yang punya
    populasi dan responden per unit): datanya mencakup tahun 2025. Tahun terdekat: 2025.
    """
    years = pd.to_numeric(ikm_unit["tahun"], errors="coerce")
    judged = years[pd.to_numeric(ikm_unit["sampel_minimum"], errors="coerce").notna()].dropna().astype(int)
    where = "kecukupan sampel SKM (tahun yang punya populasi dan responden per unit)"
    pilih_tahun(tahun, judged.unique(), di=where)
    columns = ["kode_unit", "unit", "jumlah_responden", "sampel_minimum", "sampel_cukup"]
    sampel = ikm_unit.loc[(years == tahun).to_numpy(), columns].reset_index(drop=True)
    short = (sampel["sampel_minimum"] - sampel["jumlah_responden"]).clip(lower=0)
    return sampel.assign(kekurangan=short)


def gambar_sampel(sampel: pd.DataFrame, config: Config) -> Gambar:
    """Respondents against the sample minimum, one point per unit (:func:`kecukupan_sampel`).

    A point under the diagonal (respondents = minimum) lacks respondents; the colours and the
    legend say which units are short, adequate, or cannot be judged (population unknown).
    """
    judul = f"Responden dan Sampel Minimum SKM per Unit Tahun {config.tahun}"
    state = [None if fmt.is_na(v) else bool(v) for v in sampel["sampel_cukup"]]
    x = pd.to_numeric(sampel["sampel_minimum"], errors="coerce").astype("float64")
    y = pd.to_numeric(sampel["jumlah_responden"], errors="coerce").astype("float64")
    counts = {}
    with gaya():
        figure, ax = charts._new_figure(6.5, 5.0)
        for key, (colour, label) in _SAMPEL.items():
            mask = np.array([s is key for s in state])
            counts[label] = int(mask.sum())
            if mask.any():
                # a unit without a population has no sample minimum, so no point: the legend says so
                drawn = "" if x[mask].notna().all() else ", tanpa titik"
                shown = f"{label} ({mask.sum()} unit{drawn})"
                ax.scatter(x[mask], y[mask], s=22, color=colour, label=shown, zorder=3)
        ax.axline((0, 0), slope=1, color=HITAM, linewidth=0.8, label="Responden = sampel minimum")
        finite = pd.concat([x, y]).dropna()
        top = float(finite.max()) * 1.08 if len(finite) else 1.0
        ax.set_xlim(0, top)
        ax.set_ylim(0, top)
        ax.set_xlabel("Sampel minimum Krejcie–Morgan (responden)")
        ax.set_ylabel("Jumlah responden")
        charts._sumbu_angka(ax.xaxis)
        charts._sumbu_angka(ax.yaxis)
        ax.grid(True)
        ax.legend(loc="upper left")
        ax.set_title(judul)
    alt = (
        f"Diagram sebar responden terhadap sampel minimum {len(sampel)} unit: "
        + ", ".join(f"{label} {n}" for label, n in counts.items())
        + "."
    )
    return Gambar(figure, judul, alt, f"eksplorasi-sampel-skm-{config.tahun}")


# --------------------------------------------------------------------------- 05 budget


def kinerja_anggaran(sasaran: pd.DataFrame) -> pd.DataFrame:
    """:func:`lkjip.data.anggaran_sasaran` one row per sasaran, one column per measure, and
    ``selisih`` = capaian kinerja − capaian anggaran (percentage points).

    Examples
    --------
    >>> view = pd.DataFrame({"dokumen": ["PK"] * 2, "no_sasaran": [1, 1], "sasaran": ["S"] * 2,
    ...                      "ukuran": ["capaian_kinerja", "capaian_anggaran"], "nilai": [100.0, 71.18]})
    >>> round(float(kinerja_anggaran(view)["selisih"].iloc[0]), 2)
    28.82
    """
    lebar = sasaran.pivot(index=["dokumen", "no_sasaran", "sasaran"], columns="ukuran", values="nilai")
    lebar.columns.name = None
    return lebar.assign(selisih=lebar["capaian_kinerja"] - lebar["capaian_anggaran"])


def sub_kegiatan_sasaran(tahun: int, *, root: Path | None = None) -> pd.DataFrame:
    """Every sub-kegiatan mapped to a sasaran (``peta_sasaran_anggaran``) with its budget of ``tahun``.

    Raises
    ------
    lkjip.core.pilihan.TahunTidakAda
        When the budget has no sub-kegiatan detail for ``tahun``.
    """
    peta = data.tabel("peta_sasaran_anggaran", root)[["dokumen", "no_sasaran", "kode"]]
    sub = data.anggaran_sub_kegiatan(tahun=tahun, root=root)
    sub = sub.pivot(index=["kode", "uraian"], columns="ukuran", values="nilai").reset_index()
    sub.columns.name = None
    return peta.merge(sub, on="kode", how="left")
