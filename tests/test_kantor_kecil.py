"""The second, small office (lkjip.synthetic.kantor_kecil): its own project, nothing of the default office.

Figures worked out by hand (see the module docstring): 0001 Rp245.500.000 / Rp231.870.250,
0002 Rp154.300.000 / Rp139.998.400, total Rp399.800.000 / Rp371.868.650 = 93,01 %.
"""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from lkjip.core.config import load_config
from lkjip.ingest.readers import anggaran, perjanjian_kinerja
from lkjip.synthetic.kantor_kecil import write_proyek

BUKAN_KANTOR_INI = ("mojokerto", "jawa timur", "hevi maida")


@pytest.fixture(scope="module")
def proyek(tmp_path_factory) -> Path:
    return write_proyek(tmp_path_factory.mktemp("kantor_kecil") / "proyek")


def _texts(root: Path):
    for path in sorted(root.rglob("*")):
        if path.suffix in {".yml", ".md", ".qmd", ".ipynb", ".lua", ".typ"}:
            yield path, path.read_text(encoding="utf-8")
        elif path.suffix == ".xlsx":
            with zipfile.ZipFile(path) as book:
                parts = [n for n in book.namelist() if n.endswith(".xml")]
                yield path, " ".join(book.read(n).decode("utf-8") for n in parts)


def test_a_province_unit_with_one_period_and_only_two_exports(proyek):
    config = load_config(proyek / "laporan.yml")
    assert config.jenis_wilayah == "provinsi"
    assert config.pemerintah_daerah == "Pemerintah Provinsi Tanjung Harapan"
    assert [p.kode for p in config.periode] == ["2025-2029"]
    assert sorted(p.name for p in (proyek / "data" / "raw").iterdir()) == [
        "perjanjian-kinerja.xlsx",
        "realisasi-anggaran.xlsx",
    ]


def test_its_exports_read_cleanly_with_the_hand_worked_budget(proyek):
    config = load_config(proyek / "laporan.yml")
    raw = proyek / "data" / "raw"
    budget = anggaran.read(raw / "realisasi-anggaran.xlsx", config)
    assert len(budget.quarantine) == 0
    rows = budget.tables["anggaran"].set_index("kode")
    assert rows.loc["4.01.01.2.13.0001", ["anggaran", "realisasi"]].tolist() == [245_500_000, 231_870_250]
    assert rows.loc["4.01.01.2.13.0002", ["anggaran", "realisasi"]].tolist() == [154_300_000, 139_998_400]
    # The kegiatan-level sasaran 1 is funded by both sub-kegiatan, each also funding one below it.
    peta = budget.tables["peta_sasaran_anggaran"]
    assert sorted(zip(peta["no_sasaran"], peta["kode"].str[-4:], strict=True)) == [
        (1, "0001"),
        (1, "0002"),
        (2, "0001"),
        (3, "0002"),
    ]
    pk = perjanjian_kinerja.read(raw / "perjanjian-kinerja.xlsx", config)
    assert len(pk.quarantine) == 0
    tahun = pk.tables["perjanjian_kinerja"].query("tahun == 2025").set_index("kode_indikator")
    assert tahun["target"].tolist() == [90, 40, 95]
    assert tahun.loc["IK-1", "realisasi"] == 92.5 and tahun.loc["IK-2", "realisasi"] == 36
    assert tahun.loc["IK-3", "sumber_realisasi"] == "persen_realisasi_anggaran"


def test_nothing_of_the_default_office_is_in_its_project(proyek):
    found = [
        (path.relative_to(proyek).as_posix(), word)
        for path, text in _texts(proyek)
        for word in BUKAN_KANTOR_INI
        if word in text.casefold() and "konten" not in path.parts
    ]
    assert not found


def test_the_command_writes_the_project_with_neutral_prose_and_refuses_a_full_folder(tmp_path):
    target = tmp_path / "baru"
    done = subprocess.run(
        [sys.executable, "-m", "lkjip", "contoh-kantor", str(target)], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    assert f"LKJIP_ROOT={target}" in done.stdout
    prose = {p.name: p.read_text(encoding="utf-8") for p in (target / "konten").glob("*.md")}
    assert "README.md" in prose and len(prose) > 5
    assert not [name for name, text in prose.items() if "mojokerto" in text.casefold()]
    again = subprocess.run(
        [sys.executable, "-m", "lkjip", "contoh-kantor", str(target)], capture_output=True, text=True
    )
    assert again.returncode == 2 and "sudah berisi berkas" in again.stderr
