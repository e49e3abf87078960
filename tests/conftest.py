"""Shared fixtures: a throw-away copy of the project, so tests never touch the real data folders."""

from __future__ import annotations

from pathlib import Path

import pytest

from lkjip.core.paths import copy_project, paths

ROOT = paths().root


@pytest.fixture
def project_copy(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "proyek")
