"""The report's figures in ``figures/``, written by the build: every chart, nothing stale."""

from __future__ import annotations

from pathlib import Path

from lkjip.core.config import Config
from lkjip.core.paths import paths
from lkjip.katalog.dataset import sumber_dibaca
from lkjip.report import bagian, charts


def write_gambar(
    root: Path | None = None, tahun: int | None = None, *, config: Config | None = None
) -> list[Path]:
    """Empty ``figures/`` and write every chart of the report there (PNG and SVG).

    Files left from an earlier build (a chart renamed, another year) are removed first, so
    the folder holds exactly the charts of this report (``.gitkeep`` stays).

    Parameters
    ----------
    root : Path, optional
        Project root (default: this checkout, or ``LKJIP_ROOT``).
    tahun : int, optional
        Report year; defaults to the one in ``laporan.yml``.
    config : Config, optional
        The configuration the build loaded and hands down.

    Returns
    -------
    list of Path
        The files written, chart by chart in report order (:func:`lkjip.report.bagian.semua_gambar`).
    """
    folder = paths(root).figures
    t, config = bagian.load(root, tahun, config=config)
    if folder.exists():
        for old in folder.iterdir():
            if old.is_file() and old.name != ".gitkeep":
                old.unlink()
    written: list[Path] = []
    for gambar in bagian.semua_gambar(t, config, sumber_dibaca(paths(root).processed)):
        written += charts.save(gambar, folder)
    return written
