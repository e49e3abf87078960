"""Docstring examples run as doctests (pytest ``--doctest-modules`` over ``src/lkjip``).

The modules listed in :data:`WITH_EXAMPLES` promise an ``Examples`` section with at least one
example for every public function; the project-wide pass adds the other modules to the list.
"""

from __future__ import annotations

import doctest
import importlib
import inspect
import tomllib

import pytest
from bantuan import ROOT

#: Modules whose every public function carries a running example.
WITH_EXAMPLES = (
    "lkjip.data",
    "lkjip.katalog.kamus",
    "lkjip.katalog.arti",
    "lkjip.report.kamus_data",
    "lkjip.core.bands",
    "lkjip.core.config",
    "lkjip.core.fmt",
    "lkjip.core.frames",
    "lkjip.core.hashing",
    "lkjip.core.na",
    "lkjip.core.paths",
    "lkjip.core.pilihan",
    "lkjip.core.rounding",
    "lkjip.core.teks",
    "lkjip.indicators._ringkas",
    "lkjip.indicators.anggaran",
    "lkjip.indicators.capaian",
    "lkjip.indicators.engine",
    "lkjip.indicators.ikm",
    "lkjip.indicators.kelembagaan",
    "lkjip.indicators.pembanding",
    "lkjip.indicators.sakip",
)


def test_pytest_collects_the_package_docstrings():
    options = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["pytest"][
        "ini_options"
    ]
    assert "src/lkjip" in options["testpaths"]
    assert "--doctest-modules" in options["addopts"].split()


@pytest.mark.parametrize("name", WITH_EXAMPLES)
def test_every_public_function_has_an_example(name):
    module = importlib.import_module(name)
    finder = doctest.DocTestFinder()
    missing = []
    for attr, obj in inspect.getmembers(module, inspect.isfunction):
        if attr.startswith("_") or obj.__module__ != name:
            continue
        doc = inspect.getdoc(obj) or ""
        tests = finder.find(obj, attr, module=module)
        if "Examples" not in doc or not any(t.examples for t in tests):
            missing.append(attr)
    assert not missing, f"{name}: tanpa contoh yang berjalan: {missing}"
