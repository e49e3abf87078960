"""The project is the folder you stand in: every command finds it upward from the working directory.

An office that keeps two years or two units side by side builds the one it stands in, and every
command says in its first line which project it works on and how it found it.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from bantuan import ROOT

from lkjip.core.paths import find_project


def _run(cwd: Path, *args: str, env_root: Path | None = None) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "LKJIP_ROOT"}
    if env_root is not None:
        env["LKJIP_ROOT"] = str(env_root)
    return subprocess.run(
        [sys.executable, "-m", "lkjip", *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=900
    )


@pytest.fixture(scope="module")
def kantor(tmp_path_factory) -> Path:
    """The small office, written as a user writes it (``python -m lkjip contoh-kantor``)."""
    target = tmp_path_factory.mktemp("kantor") / "kantor"
    assert _run(target.parent, "contoh-kantor", str(target)).returncode == 0
    return target


def test_the_nearest_folder_upward_with_laporan_yml_is_the_project(kantor, monkeypatch):
    monkeypatch.delenv("LKJIP_ROOT", raising=False)
    assert find_project(kantor / "data" / "raw") == (kantor.resolve(), "folder kerja")
    monkeypatch.setenv("LKJIP_ROOT", str(ROOT))  # an explicit choice is obeyed
    assert find_project(kantor) == (ROOT.resolve(), "LKJIP_ROOT")


def test_a_command_run_in_another_project_works_on_that_project_and_says_so(kantor):
    default_processed = sorted(p.name for p in (ROOT / "data" / "processed").iterdir())
    done = _run(kantor / "data", "data")
    assert done.returncode == 0, done.stderr
    first = done.stdout.splitlines()[0]
    assert first == f"Proyek: {kantor.resolve()} (folder terdekat dari folder kerja yang memuat laporan.yml)"
    manifest = kantor / "data" / "processed" / "manifest.json"
    assert manifest.exists()
    # the checkout's own project was not touched
    assert sorted(p.name for p in (ROOT / "data" / "processed").iterdir()) == default_processed


def test_lkjip_root_names_the_project_from_anywhere(kantor, tmp_path):
    done = _run(tmp_path, "reviu", env_root=kantor)
    assert done.stdout.splitlines()[0] == f"Proyek: {kantor.resolve()} (dari LKJIP_ROOT)"


def test_the_example_commands_say_how_to_build_the_new_project(tmp_path):
    target = tmp_path / "kantor-2026"
    done = _run(tmp_path, "contoh-kantor", str(target))
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == f"Proyek baru: {target.resolve()}"
    assert f"cd {target} && python -m lkjip build" in done.stdout


@pytest.mark.slow
def test_the_build_started_inside_a_project_subfolder_builds_that_project(kantor):
    done = _run(kantor / "notebooks", "build", "--tanpa-quarto")
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    assert done.stdout.splitlines()[0].startswith(f"Proyek: {kantor.resolve()} ")
    assert (kantor / "_preview" / "index.html").exists()
    assert (kantor / "data" / "processed" / "publik").is_dir()
