"""Budget exports as the office's systems produce them give the default run's budget figures.

Each layout of ``tata_letak`` (the SIPD report on one sheet with its belanja accounts, the old
two-digit codes, the RFK table as .xlsx and as an HTML page saved as .xls, a real .xls and .ods)
is read in place of the template; the budget tables must equal those of the default data.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest
from tata_letak import convert, kantor_anggaran, rfk_html, rfk_rows, sipd_lra, sipd_lra_rows

from lkjip.core.config import load_config
from lkjip.core.paths import paths
from lkjip.ingest.problems import StructuralError
from lkjip.ingest.readers import anggaran

CONFIG = load_config()
DEFAULT = paths().raw / "realisasi-anggaran.xlsx"
SOURCE = ["berkas", "sheet", "baris"]
#: The sub kegiatan of the default data as printed in Tabel III.4.A (kode, anggaran, realisasi).
EXPECTED = [
    ("4.01.01.2.13.0001", 81_373_500.0, 57_921_700.0),
    ("4.01.01.2.13.0002", 100_613_435.0, 85_012_295.0),
    ("4.01.01.2.13.0003", 437_724_565.0, 399_549_077.0),
    ("4.01.01.2.13.0004", 127_146_670.0, 92_641_133.0),
    ("4.01.01.2.13.0005", 50_000_000.0, 47_949_920.0),
]


def _default() -> dict[str, pd.DataFrame]:
    return anggaran.read(DEFAULT, CONFIG).tables


def _same(tables: dict[str, pd.DataFrame], name: str, *, without: tuple[str, ...] = ()) -> None:
    ours = tables[name].drop(columns=[*SOURCE, *without]).reset_index(drop=True)
    theirs = _default()[name].drop(columns=[*SOURCE, *without]).reset_index(drop=True)
    pd.testing.assert_frame_equal(ours, theirs)


def _figures(tables) -> list[tuple]:
    frame = tables["anggaran"]
    return list(zip(frame["kode"], frame["anggaran"], frame["realisasi"], strict=True))


def test_sipd_report_on_one_sheet_with_belanja_accounts(tmp_path):
    result = anggaran.read(sipd_lra(tmp_path / "realisasi-anggaran.xlsx", CONFIG), CONFIG)
    assert _figures(result.tables) == EXPECTED
    _same(result.tables, "anggaran")
    assert len(result.quarantine) == 0
    [acc] = result.accounting
    assert acc.sheet == "Sheet1" and acc.balanced
    assert acc.disimpan == 5 and acc.dilewati["rekening belanja"] == 5 * 9
    assert acc.dilewati["subtotal"] == 4 and acc.dilewati["nomor kolom"] == 1
    # Without the office's own tables their parts are empty, and a note says what is missing.
    assert result.tables["anggaran_riwayat"].empty and result.tables["peta_sasaran_anggaran"].empty
    assert any("rekap anggaran tahun sebelumnya tidak ada" in n for n in result.notes)
    assert any("anggaran per sasaran tidak ada" in n for n in result.notes)


def test_sipd_report_with_the_office_tables_in_a_file_beside_it(tmp_path):
    files = [
        sipd_lra(tmp_path / "realisasi-anggaran.xlsx", CONFIG),
        kantor_anggaran(DEFAULT, tmp_path / "realisasi-anggaran-kantor.xlsx"),
    ]
    result = anggaran.read_many(files, CONFIG)
    for name in ("anggaran", "anggaran_riwayat", "anggaran_sasaran_tercetak", "peta_sasaran_anggaran"):
        _same(result.tables, name)
    assert len(result.quarantine) == 0


def test_old_two_digit_codes_are_read_as_four_digits_with_a_note(tmp_path):
    path = sipd_lra(tmp_path / "realisasi-anggaran.xlsx", CONFIG, kode_lama=True)
    result = anggaran.read(path, CONFIG)
    assert _figures(result.tables) == EXPECTED
    [note] = [n for n in result.notes if "bergaya lama" in n]
    assert "5 kode sub kegiatan" in note and "4.01.01.2.13.01 -> 4.01.01.2.13.0001" in note


def test_account_sum_disagreeing_with_its_sub_kegiatan_is_located(tmp_path):
    path = sipd_lra(tmp_path / "realisasi-anggaran.xlsx", CONFIG)
    from openpyxl import load_workbook

    wb = load_workbook(path)
    ws = wb["Sheet1"]
    row = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == "5.1.02.01.01.0024")
    ws.cell(row, 3, 1)  # the first detail account of the first sub kegiatan
    wb.save(path)
    with pytest.raises(StructuralError) as info:
        anggaran.read(path, CONFIG)
    message = str(info.value)
    assert "rekening 5.1.02.01.01 (anggaran) tidak sama dengan jumlah rinciannya" in message
    assert "kolom C (ANGGARAN)" in message


def test_rfk_table_with_the_code_over_five_columns(tmp_path):
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append([f"RFK {CONFIG.instansi.induk} Tahun {CONFIG.tahun}"])
    for row in rfk_rows(CONFIG):
        ws.append(row)
    ws.merge_cells("A2:E2")
    path = tmp_path / "realisasi-anggaran.xlsx"
    wb.save(path)
    result = anggaran.read(path, CONFIG)
    assert _figures(result.tables) == EXPECTED
    _same(result.tables, "anggaran", without=("desimal_tercetak",))
    assert result.tables["anggaran"]["kode_kegiatan"].unique().tolist() == ["4.01.01.2.13"]


@pytest.mark.parametrize("name", ["realisasi-anggaran.xls", "realisasi-anggaran.xlsx"])
def test_rfk_page_saved_as_excel_is_an_html_table(tmp_path, name):
    result = anggaran.read(rfk_html(tmp_path / name, CONFIG), CONFIG)
    assert _figures(result.tables) == EXPECTED
    assert set(result.tables["anggaran"]["sheet"]) == {"Tabel 1"}
    assert len(result.quarantine) == 0


def test_no_realisation_sheet_names_what_to_type_and_suggests_kenali(tmp_path):
    from openpyxl import Workbook

    wb = Workbook()
    wb.active.title = "Data"
    wb.active.append(["Nomor", "Nama Kegiatan", "Jumlah"])
    path = tmp_path / "realisasi-anggaran.xlsx"
    wb.save(path)
    with pytest.raises(StructuralError) as info:
        anggaran.read(path, CONFIG)
    message = str(info.value)
    assert "tidak ada sheet realisasi anggaran per sub kegiatan (sheet yang ada: 'Data')" in message
    assert "Kode Rekening | Uraian | Anggaran | Realisasi" in message
    assert "python -m lkjip kenali" in message


@pytest.mark.slow
@pytest.mark.parametrize("to", ["xls", "ods"])
def test_sipd_report_saved_as_xls_or_ods(tmp_path, to):
    path = convert(sipd_lra(tmp_path / "realisasi-anggaran.xlsx", CONFIG), to)
    result = anggaran.read(path, CONFIG)
    assert _figures(result.tables) == EXPECTED
    assert len(result.quarantine) == 0


@pytest.mark.slow
def test_data_step_reads_the_sipd_report_with_the_same_key_figures(tmp_path, _project_processed_once):
    """``python -m lkjip data --strict`` on the SIPD export and the office's tables: exit 0."""
    from lkjip.cli import main

    root = shutil.copytree(_project_processed_once, tmp_path / "proyek")
    raw = Path(root) / "data" / "raw"
    kantor_anggaran(raw / "realisasi-anggaran.xlsx", tmp_path / "kantor.xlsx")
    (raw / "realisasi-anggaran.xlsx").unlink()
    sipd_lra(raw / "realisasi-anggaran-sipd.xlsx", CONFIG)
    shutil.move(tmp_path / "kantor.xlsx", raw / "realisasi-anggaran-kantor.xlsx")
    out = Path(root) / "data" / "keluar"
    code = main(["data", "--raw-dir", str(raw), "--out-dir", str(out), "--force"])
    assert code == 0
    default = Path(_project_processed_once) / "data" / "processed"
    for name in ("anggaran_hasil", "anggaran_total", "anggaran_sasaran", "capaian"):
        ours, theirs = pd.read_parquet(out / f"{name}.parquet"), pd.read_parquet(default / f"{name}.parquet")
        keep = [c for c in theirs.columns if c not in (*SOURCE, "sumber_baris")]
        pd.testing.assert_frame_equal(ours[keep], theirs[keep], obj=name)
    assert pd.read_parquet(out / "karantina.parquet").empty


def test_sipd_rows_are_what_the_issue_describes():
    rows = sipd_lra_rows(CONFIG)
    assert rows[5] == ["KODE REKENING", "URAIAN", "ANGGARAN", "REALISASI", "SISA", "%"]
    assert sum(1 for r in rows if r and r[0] == "5.1.02.01.01.0024") == 5  # one per sub kegiatan
