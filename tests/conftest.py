"""Shared fixtures: a throw-away copy of the project, so tests never touch the real data folders.

Helpers that tests import by name are in ``bantuan.py``.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from lkjip.core.config import load_config
from lkjip.core.paths import copy_project
from lkjip.pipeline.data_step import run_data_step


@pytest.fixture
def project_copy(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "proyek")


@pytest.fixture(scope="session")
def _project_processed_once(tmp_path_factory) -> Path:
    """The default project with its data step run: built once per session, never handed out."""
    root = copy_project(tmp_path_factory.mktemp("diolah") / "proyek")
    run_data_step(root / "data" / "raw", root / "data" / "processed", load_config(root / "laporan.yml"))
    return root


@pytest.fixture(scope="module")
def processed_project(_project_processed_once, tmp_path_factory) -> Path:
    """A module's own copy of the default project with ``data/processed`` built (free to write in)."""
    target = tmp_path_factory.mktemp("proyek") / "proyek"
    return Path(shutil.copytree(_project_processed_once, target))
