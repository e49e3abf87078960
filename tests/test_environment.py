"""The locked environment: every package pinned with hashes, and the locks agree with their sources."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;\\]+)")


def _norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _pins(path: Path) -> dict[str, str]:
    return {
        _norm(m.group(1)): m.group(2)
        for line in path.read_text(encoding="utf-8").splitlines()
        if (m := PIN.match(line.strip()))
    }


def _entries(path: Path) -> list[str]:
    """Each requirement of a lock with its continuation lines joined."""
    text = path.read_text(encoding="utf-8").replace("\\\n", " ")
    return [line for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]


@pytest.mark.parametrize("lock", ["requirements.txt", "requirements-dev.txt"])
def test_every_locked_package_is_exact_and_hashed(lock):
    entries = _entries(ROOT / lock)
    assert len(entries) > 20, "a lock lists the transitive packages too"
    for entry in entries:
        assert PIN.match(entry.strip()), f"{lock}: not an exact pin: {entry[:60]}"
        assert "--hash=sha256:" in entry, f"{lock}: no hash for {entry.split()[0]}"


@pytest.mark.parametrize(
    ("source", "lock"),
    [("requirements.in", "requirements.txt"), ("requirements-dev.in", "requirements-dev.txt")],
)
def test_lock_holds_the_direct_pins_of_its_source(source, lock):
    wanted, locked = _pins(ROOT / source), _pins(ROOT / lock)
    assert wanted, source
    for name, version in wanted.items():
        assert locked.get(name) == version, f"{lock}: {name} {locked.get(name)} != {version} in {source}"


def test_both_locks_agree_where_they_overlap():
    runtime, dev = _pins(ROOT / "requirements.txt"), _pins(ROOT / "requirements-dev.txt")
    clash = {n: (runtime[n], dev[n]) for n in runtime.keys() & dev.keys() if runtime[n] != dev[n]}
    assert not clash, f"versi berbeda di kedua kunci: {clash}"


def test_the_package_floors_are_met_by_the_lock():
    # pyproject's dependencies are floors (">="); the locked versions must satisfy them.
    import tomllib

    from packaging.requirements import Requirement

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    locked = _pins(ROOT / "requirements.txt")
    for spec in project["dependencies"]:
        req = Requirement(spec)
        assert _norm(req.name) in locked, f"{req.name} tidak ada di requirements.txt"
        assert req.specifier.contains(locked[_norm(req.name)]), (
            f"{req.name} {locked[_norm(req.name)]} vs {spec}"
        )
