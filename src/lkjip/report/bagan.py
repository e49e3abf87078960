"""The organisation chart of BAB I.2: drawn from ``publikasi.bagan`` in laporan.yml, or the office's image.

An image the office supplies in ``konten/`` (:data:`GAMBAR_KANTOR`, PNG or JPG) is shown as it
is; otherwise, when ``laporan.yml`` holds the structure (``publikasi.bagan``: the head of the unit
and its sub-units with their heads), the chart is drawn by :func:`gambar_bagan`. With neither,
the report shows no chart and no sentence announcing one.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

from matplotlib.figure import Figure
from matplotlib.patches import FancyBboxPatch

from lkjip.core.config import Bagan, Config

#: Names of the office's own chart in konten/, in order of preference.
GAMBAR_KANTOR = ("bagan-organisasi.png", "bagan-organisasi.jpg", "bagan-organisasi.jpeg")
#: The file the drawn chart is written to, in figures/.
NAMA_BERKAS = "bagan-organisasi.png"


def gambar_kantor(konten: Path) -> Path | None:
    """The office-supplied chart image in ``konten/``, if there is one."""
    for name in GAMBAR_KANTOR:
        if (konten / name).is_file():
            return konten / name
    return None


def _box(ax, x: float, y: float, w: float, h: float, title: str, name: str, *, bold: bool) -> None:
    ax.add_patch(
        FancyBboxPatch(
            (x - w / 2, y - h / 2),
            w,
            h,
            boxstyle="round,pad=0.01,rounding_size=0.02",
            linewidth=1.2,
            edgecolor="#1f3b5a",
            facecolor="#dce6f1" if bold else "white",
        )
    )
    wrapped = "\n".join(textwrap.wrap(title.upper() if bold else title, 24))
    ax.text(x, y + 0.12 * h, wrapped, ha="center", va="center", fontsize=8.5, weight="bold")
    ax.text(x, y - 0.3 * h, "\n".join(textwrap.wrap(name, 30)), ha="center", va="center", fontsize=8)


def gambar_bagan(bagan: Bagan) -> Figure:
    """Draw the chart: the head's box on top, the sub-units' boxes in a row below, joined by lines.

    Examples
    --------
    >>> from lkjip.core.config import Bagan
    >>> b = Bagan.model_validate({
    ...     "kepala": {"jabatan": "Kepala Bagian Organisasi", "nama": "A"},
    ...     "unit": [{"nama": "Kelembagaan", "kepala": {"jabatan": "Analis", "nama": "B"}},
    ...              {"nama": "Tata Laksana", "kepala": {"jabatan": "Analis", "nama": "C"}}]})
    >>> fig = gambar_bagan(b)
    >>> texts = [t.get_text() for t in fig.axes[0].texts]
    >>> "A" in texts and "Analis: B" in texts and "Tata Laksana" in texts
    True
    """
    n = len(bagan.unit)
    width = max(6.0, 2.3 * n)
    fig = Figure(figsize=(width, 3.6))
    ax = fig.subplots()
    ax.set_xlim(0, width)
    ax.set_ylim(0, 3.6)
    ax.axis("off")
    w, h = min(2.1, width / n - 0.2), 0.9
    top = (width / 2, 2.9)
    _box(ax, *top, 2.6, h, bagan.kepala.jabatan, bagan.kepala.nama, bold=True)
    xs = [width * (i + 0.5) / n for i in range(n)]
    y_units, y_bus = 0.9, 1.9
    ax.plot([top[0], top[0]], [top[1] - h / 2, y_bus], color="#1f3b5a", linewidth=1.2)
    if n > 1:
        ax.plot([xs[0], xs[-1]], [y_bus, y_bus], color="#1f3b5a", linewidth=1.2)
    for x, unit in zip(xs, bagan.unit, strict=True):
        ax.plot([x, x], [y_bus, y_units + h / 2], color="#1f3b5a", linewidth=1.2)
        _box(ax, x, y_units, w, h, unit.nama, f"{unit.kepala.jabatan}: {unit.kepala.nama}", bold=False)
    fig.tight_layout()
    return fig


def kalimat_bagan(config: Config) -> str:
    """The sentence that introduces the chart.

    Examples
    --------
    >>> from lkjip.core.config import load_config
    >>> kalimat_bagan(load_config()).endswith("digambarkan pada bagan berikut.")
    True
    """
    return f"Susunan organisasi {config.instansi.nama} digambarkan pada bagan berikut."


def bagan_organisasi(config: Config, konten: Path, figures: Path) -> Path | None:
    """The chart's image: the office's own from ``konten/``, else drawn from laporan.yml, else None."""
    own = gambar_kantor(konten)
    if own is not None:
        return own
    if config.publikasi.bagan is None:
        return None
    figures.mkdir(parents=True, exist_ok=True)
    fig = gambar_bagan(config.publikasi.bagan)
    target = figures / NAMA_BERKAS
    fig.savefig(target, dpi=200, facecolor="white", metadata={"Software": None})
    return target


def tampilkan_bagan(lap) -> None:
    """For the notebook: show the sentence and the chart, or nothing when there is no chart.

    ``lap`` is the chapter's :class:`lkjip.report.laporan.Laporan`.
    """
    from IPython.display import Image, Markdown, display

    from lkjip.report.narasi import escape_md

    image = bagan_organisasi(lap.config, lap.paths.konten, lap.paths.figures)
    if image is None:
        return
    display(Markdown(escape_md(kalimat_bagan(lap.config))))
    display(Image(data=image.read_bytes(), format="jpeg" if image.suffix != ".png" else "png", width=720))
