"""Writing an example project: the book copied from a checkout, its own ``laporan.yml``, empty exports."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import yaml

from lkjip.core.config import Config, load_config
from lkjip.core.paths import CONFIG_NAME, copy_project, paths


def write_contoh(
    target: Path, dari: Path | None, kepala: str, settings: Callable[[dict], dict]
) -> tuple[Path, Path, Config]:
    """Copy the project at ``dari`` to ``target`` with its own ``laporan.yml`` and an empty ``data/raw``.

    Parameters
    ----------
    target : Path
        The new project's folder.
    dari : Path or None
        The project the book's files come from (this checkout by default).
    kepala : str
        The comment lines on top of the new ``laporan.yml`` (each starting with ``#``).
    settings : callable
        From ``dari``'s settings (``laporan.yml`` as a mapping) to the new project's.

    Returns
    -------
    tuple
        The project root, its (empty) ``data/raw`` folder and its loaded configuration, for the
        generators to write the exports with.
    """
    root = copy_project(Path(target), dari)
    rules = yaml.safe_load(paths(dari).config.read_text(encoding="utf-8"))
    (root / CONFIG_NAME).write_text(
        kepala.rstrip("\n")
        + "\n"
        + yaml.safe_dump(settings(rules), allow_unicode=True, sort_keys=False, width=100),
        encoding="utf-8",
    )
    raw = root / "data" / "raw"
    shutil.rmtree(raw)
    raw.mkdir(parents=True)
    return root, raw, load_config(root / CONFIG_NAME)
