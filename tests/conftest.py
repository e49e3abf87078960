"""Shared fixtures: a throw-away copy of the project, so tests never touch the real data folders."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from lkjip.core.paths import paths

ROOT = paths().root

#: What a project copy needs (outputs are rebuilt in the copy).
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


def copy_project(target: Path) -> Path:
    """Copy the inputs of the project (not its outputs) to ``target`` and return it."""
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, target / part, ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
        else:
            (target / part).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / part)
    (target / "data" / "processed").mkdir(parents=True, exist_ok=True)
    (target / "figures").mkdir(exist_ok=True)
    return target


@pytest.fixture
def project_copy(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "proyek")
