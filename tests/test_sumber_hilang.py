"""No source can vanish with exit 0: a source without a usable figure stops the data step, and a
computed realisation that falls back to the typed value is a located warning."""

from __future__ import annotations

import io
import shutil
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pandas as pd
import pytest
from openpyxl import Workbook, load_workbook

from lkjip.cli import main


def _data(root: Path, *extra: str) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    raw, processed = root / "data" / "raw", root / "data" / "keluar"
    with redirect_stdout(out), redirect_stderr(err):
        code = main(["data", "--raw-dir", str(raw), "--out-dir", str(processed), "--force", *extra])
    return code, out.getvalue() + err.getvalue()


def test_budget_export_whose_only_line_has_dash_amounts_stops_the_step(tmp_path, _project_processed_once):
    root = Path(shutil.copytree(_project_processed_once, tmp_path / "proyek"))
    path = root / "data" / "raw" / "realisasi-anggaran.xlsx"
    wb = Workbook()
    ws = wb.active
    ws.append(["LAPORAN REALISASI ANGGARAN TAHUN ANGGARAN 2025"])
    ws.append(["Kode Rekening", "Uraian", "Anggaran", "Realisasi"])
    ws.append(["4.01.01.2.13.0001", "Pengelolaan Kelembagaan", "-", "-"])
    wb.save(path)
    code, text = _data(root)
    assert code == 2, text[-2000:]
    assert "realisasi-anggaran.xlsx: sumber 'anggaran' (realisasi anggaran) terbaca tetapi" in text
    # The row with "-" amounts is quarantined (an amount is required); the message quotes why.
    assert "1 baris dikarantina, mis. realisasi-anggaran.xlsx sheet 'Sheet' baris 3: wajib diisi" in text


@pytest.mark.slow
def test_every_respondent_quarantined_stops_the_step(tmp_path, _project_processed_once):
    root = Path(shutil.copytree(_project_processed_once, tmp_path / "proyek"))
    path = next((root / "data" / "raw").glob("skm-responden*.xlsx"))
    wb = load_workbook(path)
    ws = wb["Responden"]
    header = next(r for r in range(1, 10) if ws.cell(r, 1).value == "No")
    kolom = [c for c in range(1, ws.max_column + 1) if str(ws.cell(header, c).value).startswith("U")]
    for r in range(header + 1, ws.max_row + 1):
        for c in kolom:
            if ws.cell(r, c).value is not None:
                ws.cell(r, c).value = "Sangat Puas"  # a word the questionnaire does not have
    wb.save(path)
    code, text = _data(root)
    assert code == 2, text[-2000:]
    assert "sumber 'skm' (responden SKM) terbaca tetapi tidak memberi satu baris pun" in text
    assert "baris dikarantina, mis." in text and "Sangat Puas" in text


@pytest.mark.slow
def test_deleted_year_sheet_of_the_ikm_recap_is_a_located_warning(tmp_path, _project_processed_once):
    root = Path(shutil.copytree(_project_processed_once, tmp_path / "proyek"))
    path = root / "data" / "raw" / "skm-riwayat.xlsx"
    wb = load_workbook(path)
    del wb["IKM 2024"]
    wb.save(path)
    code, text = _data(root, "--strict")
    capaian = pd.read_parquet(root / "data" / "keluar" / "capaian.parquet")
    fallen = capaian[(capaian["tahun"] == 2024) & (capaian["sumber_realisasi"] != "manual")]
    typed = fallen[fallen["asal_realisasi"] == "ketik"]
    if typed.empty:  # nothing typed to fall back to: the figure is N/A, said in the table itself
        assert set(fallen.loc[fallen["sumber_realisasi"] == "ikm_pemda", "asal_realisasi"]) == {"tidak_ada"}
    else:
        assert code == 1, text[-2000:]
        assert "memakai angka yang diketik di Perjanjian Kinerja" in text
        warnings = pd.read_csv(root / "data" / "keluar" / "peringatan.csv")
        assert warnings["pesan"].str.contains("tahun 2024 memakai angka yang diketik").any()
