"""The committed default data is exactly what the generator makes, and its data log is true."""

from __future__ import annotations

import re

from bantuan import ROOT

from lkjip.core.config import load_config
from lkjip.core.hashing import sha256
from lkjip.ingest.sources import SOURCES, discover
from lkjip.synthetic.generate import generate_all

RAW = ROOT / "data" / "raw"


def test_committed_workbooks_equal_a_fresh_generation(tmp_path):
    written = generate_all(tmp_path, load_config(ROOT / "laporan.yml"))
    fresh = {p.name: p.read_bytes() for p in written}
    committed = {p.name: p.read_bytes() for p in RAW.iterdir() if p.is_file()}
    assert set(fresh) == set(committed)
    for name, content in fresh.items():
        assert committed[name] == content, f"{name}: run `python -m lkjip contoh-data` and commit"


def test_data_log_lists_every_file_with_its_checksum_and_says_synthetic():
    log = (RAW / "README.md").read_text(encoding="utf-8")
    assert "DATA SINTETIS" in log
    for workbook in RAW.glob("*.xlsx"):
        section = log[log.index(f"### `{workbook.name}`") :]
        assert re.search(rf"SHA-256: `{sha256(workbook)}`", section.split("### ")[1]), workbook.name
        assert "Sistem sumber:" in section and "Pemasok:" in section


def test_every_source_is_found_once_in_the_default_data():
    files, problems = discover(RAW)
    assert problems == []
    assert {s.name for s in SOURCES} == set(files)
