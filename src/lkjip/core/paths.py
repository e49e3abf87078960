"""Where the project's folders are: the project is found as git and Quarto find theirs, never a guess."""

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

#: Parts a project may lack: copied when present (``.gitignore`` keeps a rendered copy's
#: ``git status`` clean, as in the project itself).
PROJECT_OPTIONAL = (".gitignore",)

#: The package's own project (the checkout holding ``src/lkjip``), the last resort.
_PACKAGE_PROJECT = Path(__file__).resolve().parents[3]


def find_project(start: Path | None = None) -> tuple[Path, str]:
    """The project to work on and how it was found.

    In this order:

    1. ``LKJIP_ROOT``, when set: an explicit choice (a script, a test, a cron job) is obeyed;
    2. the nearest folder upward from ``start`` (the working directory) that holds
       ``laporan.yml``, as git finds its repository and Quarto its project: an office keeping
       two years or two units side by side builds the one it stands in;
    3. the package's own project (the checkout holding this package), when it has a
       ``laporan.yml``.

    Returns
    -------
    tuple
        The project root and how it was found: ``"LKJIP_ROOT"``, ``"folder kerja"`` or ``"paket"``.

    Examples
    --------
    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> (folder / CONFIG_NAME).write_text("tahun: 2026")
    11
    >>> (folder / "notebooks").mkdir()
    >>> root, how = find_project(folder / "notebooks")
    >>> root == folder.resolve(), how
    (True, 'folder kerja')
    """
    env = os.environ.get("LKJIP_ROOT")
    if env:
        return Path(env).resolve(), "LKJIP_ROOT"
    here = Path(start or Path.cwd()).resolve()
    for folder in [here, *here.parents]:
        if (folder / CONFIG_NAME).is_file():
            return folder, "folder kerja"
    return _PACKAGE_PROJECT, "paket"


def project_root() -> Path:
    """The project root (:func:`find_project` from the working directory).

    Examples
    --------
    >>> (project_root() / CONFIG_NAME).name
    'laporan.yml'
    """
    return find_project()[0]


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
    for part in PROJECT_PARTS + PROJECT_OPTIONAL:
        source = source_root / part
        if part in PROJECT_OPTIONAL and not source.exists():
            continue
        if source.is_dir():
            shutil.copytree(source, target / part, ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
        else:
            (target / part).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / part)
    (target / "data" / "processed").mkdir(parents=True, exist_ok=True)
    (target / "figures").mkdir(exist_ok=True)
    return target
