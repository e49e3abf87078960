"""Where the project's folders are, derived from the package location, never from the cwd."""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path

CONFIG_NAME = "laporan.yml"

#: What a copy of the project needs to build and render (its outputs are rebuilt in the copy).
PROJECT_PARTS = (
    "laporan.yml",
    "_quarto.yml",
    "_extensions",
    "index.qmd",
    "bab",
    "konten",
    "notebooks",
    "data/raw",
)


def project_root() -> Path:
    """Return the project root.

    ``LKJIP_ROOT`` wins (tests and copies of the project use it); otherwise the checkout that
    holds this package (``<root>/src/lkjip/core/paths.py``); otherwise the nearest folder above
    the working directory that holds ``laporan.yml``.

    Examples
    --------
    >>> (project_root() / CONFIG_NAME).name
    'laporan.yml'
    """
    env = os.environ.get("LKJIP_ROOT")
    if env:
        return Path(env).resolve()
    here = Path(__file__).resolve().parents[3]
    if (here / CONFIG_NAME).exists():
        return here
    for folder in [Path.cwd(), *Path.cwd().parents]:
        if (folder / CONFIG_NAME).exists():
            return folder
    return here


@dataclass(frozen=True)
class ProjectPaths:
    """The project's folders, all absolute."""

    root: Path

    @property
    def config(self) -> Path:
        return self.root / CONFIG_NAME

    @property
    def raw(self) -> Path:
        return self.root / "data" / "raw"

    @property
    def processed(self) -> Path:
        return self.root / "data" / "processed"

    @property
    def figures(self) -> Path:
        return self.root / "figures"

    @property
    def notebooks(self) -> Path:
        return self.root / "notebooks"

    @property
    def konten(self) -> Path:
        """Office-owned narrative text (Markdown), one file per chapter section."""
        return self.root / "konten"

    @property
    def preview(self) -> Path:
        return self.root / "_preview"


def paths(root: Path | None = None) -> ProjectPaths:
    """Return the project's paths, rooted at ``root`` or at :func:`project_root`.

    Examples
    --------
    >>> p = paths(Path("/data/laporan-2026"))
    >>> p.raw.as_posix(), p.processed.as_posix(), p.config.name
    ('/data/laporan-2026/data/raw', '/data/laporan-2026/data/processed', 'laporan.yml')
    """
    return ProjectPaths(Path(root).resolve() if root else project_root())


def copy_project(target: Path, root: Path | None = None) -> Path:
    """Copy the inputs of the project at ``root`` (not its outputs) to ``target``; return ``target``.

    Tests and benchmarks build and render in such a copy, so they never touch the real folders.

    Examples
    --------
    >>> import tempfile
    >>> copy = copy_project(Path(tempfile.mkdtemp()) / "proyek")
    >>> (copy / CONFIG_NAME).exists(), (copy / "data" / "processed").is_dir()
    (True, True)
    """
    source_root = paths(root).root
    for part in PROJECT_PARTS:
        source = source_root / part
        if source.is_dir():
            shutil.copytree(source, target / part, ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
        else:
            (target / part).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / part)
    (target / "data" / "processed").mkdir(parents=True, exist_ok=True)
    (target / "figures").mkdir(exist_ok=True)
    return target
