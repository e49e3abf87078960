"""The data step end to end on the default data: tables, accounting, determinism, exit codes."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from bantuan import ROOT

from lkjip.core.config import load_config
from lkjip.ingest.problems import StructuralError
from lkjip.katalog.store import read_table
from lkjip.pipeline.data_step import run_data_step

REQUIRED_TABLES = {
    "skm_responden",
    "skm_unit_riwayat",
    "anggaran",
    "sakip_pd",
    "kelembagaan_pd",
    "kelembagaan_pemda",
    "perjanjian_kinerja",
    "pembanding",
    "karantina",
    "ikm_unit",
    "ikm_unsur",
    "ikm_pemda",
    "capaian",
    "ringkasan_capaian",
    "anggaran_sasaran",
    "pembanding_hasil",
    "reviu",
}


def _run(raw: Path, out: Path, **kwargs):
    return run_data_step(raw, out, load_config(ROOT / "laporan.yml"), **kwargs)


def _cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "lkjip", *args], capture_output=True, text=True, cwd=cwd, timeout=600
    )


@pytest.fixture(scope="module")
def processed(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("olahan")
    _run(ROOT / "data" / "raw", out)
    return out


def test_default_data_gives_every_table_with_nothing_quarantined(processed):
    for name in REQUIRED_TABLES:
        assert (processed / f"{name}.parquet").exists(), name
        assert (processed / f"{name}.csv").read_bytes().startswith(b"\xef\xbb\xbf"), f"{name}.csv BOM"
    assert len(read_table("karantina", processed)) == 0
    manifest = json.loads((processed / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["jumlah_karantina"] == 0
    for entry in manifest["akuntansi"]:
        assert entry["dibaca"] == entry["disimpan"] + entry["dikarantina"] + sum(entry["dilewati"].values())
    assert set(manifest["sidik"]["masukan"]) >= {"realisasi-anggaran.xlsx", "sakip.xlsx"}


def test_seed_raw_figures_are_in_the_processed_tables(processed):
    anggaran = read_table("anggaran", processed)
    assert anggaran["anggaran"].sum() == 796_858_170
    assert anggaran["realisasi"].sum() == 683_074_125
    assert anggaran.loc[anggaran["kode"] == "4.01.01.2.13.0002", "persen_tercetak"].item() == 84.40
    assert read_table("skm_responden", processed)["kode_unit"].nunique() == 57
    sakip = read_table("sakip_pd", processed)
    assert round(sakip.loc[sakip["tahun"] == 2025, "nilai"].mean(), 2) == 83.78


def test_reviu_lists_exactly_the_seeds_three_inconsistencies(processed):
    reviu = read_table("reviu", processed)
    printed = sorted(reviu["nilai_tercetak"].astype(str))
    assert printed == ["78,68", "84,40", "93,59"]


def test_no_personal_data_reaches_any_processed_file(processed):
    raw = openpyxl.load_workbook(next((ROOT / "data" / "raw").glob("skm-responden*.xlsx")), read_only=True)
    sheet = raw["Responden"]
    rows = list(sheet.iter_rows(values_only=True, max_row=40))
    header_index = next(i for i, r in enumerate(rows) if r and "Nama Responden" in [str(v) for v in r])
    header = [str(v) for v in rows[header_index]]
    first = rows[header_index + 1]
    name, phone = first[header.index("Nama Responden")], first[header.index("No. HP")]
    responden = read_table("skm_responden", processed)
    assert not {c for c in responden.columns if "nama" in c.lower() or "hp" in c.lower()}
    for file in processed.iterdir():
        if file.suffix in {".csv", ".json"}:
            text = file.read_text(encoding="utf-8-sig")
            assert str(name) not in text and str(phone) not in text, file.name


def test_two_runs_give_byte_identical_tables(processed, tmp_path):
    second = tmp_path / "kedua"
    _run(ROOT / "data" / "raw", second)
    files = sorted(p.name for p in processed.iterdir() if p.suffix in {".parquet", ".csv"})
    assert files == sorted(p.name for p in second.iterdir() if p.suffix in {".parquet", ".csv"})
    for name in files:
        assert (processed / name).read_bytes() == (second / name).read_bytes(), name


def test_unchanged_inputs_are_skipped_and_force_rebuilds(tmp_path):
    out = tmp_path / "olahan"
    assert not _run(ROOT / "data" / "raw", out).skipped
    messages: list[str] = []
    assert _run(ROOT / "data" / "raw", out, progress=messages.append).skipped
    assert "checksum sama" in messages[0]
    assert not _run(ROOT / "data" / "raw", out, force=True).skipped


def test_raw_files_are_never_modified(tmp_path):
    before = {p.name: p.read_bytes() for p in (ROOT / "data" / "raw").iterdir() if p.is_file()}
    _run(ROOT / "data" / "raw", tmp_path / "olahan")
    after = {p.name: p.read_bytes() for p in (ROOT / "data" / "raw").iterdir() if p.is_file()}
    assert before == after


def _raw_copy(tmp_path: Path) -> Path:
    raw = tmp_path / "raw"
    shutil.copytree(ROOT / "data" / "raw", raw)
    return raw


def _set_first_answer(raw: Path, value: object) -> int:
    """Set U5 of the first respondent; return the Excel row."""
    path = next(raw.glob("skm-responden*.xlsx"))
    wb = openpyxl.load_workbook(path)
    ws = wb["Responden"]
    for row in ws.iter_rows(min_row=1, max_row=40):
        labels = [c.value for c in row]
        if "U5" in labels:
            column = labels.index("U5") + 1
            target = row[0].row + 1
            ws.cell(target, column).value = value
            wb.save(path)
            return target
    raise AssertionError("U5 header not found")


def test_out_of_range_answer_is_quarantined_and_strict_fails(tmp_path):
    raw = _raw_copy(tmp_path)
    row = _set_first_answer(raw, 5)
    out = tmp_path / "olahan"
    result = _cli("data", "--raw-dir", str(raw), "--out-dir", str(out))
    assert result.returncode == 0, result.stderr
    assert "Baris dikarantina: 1" in result.stdout
    karantina = pd.read_csv(out / "karantina.csv", encoding="utf-8-sig")
    assert karantina["baris"].tolist() == [row]
    assert "U5" in karantina["kolom"].item()
    strict = _cli("data", "--raw-dir", str(raw), "--out-dir", str(out), "--strict", "--force")
    assert strict.returncode == 1


def test_structural_problems_exit_2_with_every_problem_and_no_traceback(tmp_path):
    raw = _raw_copy(tmp_path)
    (raw / "sakip.xlsx").write_text("No;Perangkat Daerah;Nilai\n1;Dinas;80\n", encoding="utf-8")
    (raw / "perjanjian-kinerja.xlsx").unlink()  # the one export required without a declaration
    result = _cli("data", "--raw-dir", str(raw), "--out-dir", str(tmp_path / "olahan"))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "sakip.xlsx" in result.stderr and "bukan workbook Excel" in result.stderr
    assert "perjanjian_kinerja" in result.stderr and "tidak ditemukan" in result.stderr
    assert not (tmp_path / "olahan" / "manifest.json").exists()


def test_structural_error_object_lists_all_problems(tmp_path):
    raw = _raw_copy(tmp_path)
    (raw / "kelembagaan.xlsx").write_bytes(b"")
    with pytest.raises(StructuralError) as err:
        _run(raw, tmp_path / "olahan")
    assert any("kosong" in str(p) and p.berkas == "kelembagaan.xlsx" for p in err.value.problems)


def test_cli_help_lists_the_steps():
    result = _cli("--help")
    assert result.returncode == 0
    for step in ("data", "reviu", "build", "contoh-data"):
        assert step in result.stdout


def test_reviu_command_prints_findings_and_strict_exits_1(processed):
    result = _cli("reviu", "--out-dir", str(processed))
    assert result.returncode == 0
    assert "84,40" in result.stdout and "84,49" in result.stdout
    assert _cli("reviu", "--out-dir", str(processed), "--strict").returncode == 1
