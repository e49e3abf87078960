"""The budget reader on small hand-made workbooks: each SIPD quirk, each broken input, located."""

from __future__ import annotations

import math
import re
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook

from lkjip.core.config import load_config
from lkjip.ingest.problems import StructuralError
from lkjip.ingest.readers import anggaran

CONFIG = load_config()
NAME = "realisasi-anggaran.xlsx"

TITLES = ["PEMERINTAH KABUPATEN MOJOKERTO", "LAPORAN REALISASI ANGGARAN", "TAHUN ANGGARAN 2025",
          None]
# Rows under the two-row header. With TITLES the header is on rows 5-6, so these are rows
# 7 (kegiatan subtotal), 8-9 (sub-kegiatan), 10 (JUMLAH), 11 (blank), 12-13 (signature).
BODY = [
    ("4.01.01.2.13", "Penataan Organisasi", 4_000_000, 3_200_000, "80,00"),
    ("4.01.01.2.13.0001", "Pengelolaan Kelembagaan", "Rp. 1.500.000,00", 1_200_000, "80,00 %"),
    ("4.01.01.2.13.0002", "Fasilitasi Tata Laksana", 2_500_000, "2.000.000", "80,00"),
    ("JUMLAH", None, 4_000_000, 3_200_000, "80,00"),
    (),
    (None, None, None, "Mojokerto, 31 Desember 2025"),
    (None, None, None, "NIP. 197005281994032003"),
]
REKAP = [
    ("No", "Tahun", "Pagu Anggaran (Rp)", "Realisasi (Rp)", "Persentase (%)"),
    (1, 2023, 1_000_000, 900_000, "90,00%"),
    (2, "2024", "Rp 2.000.000", 1_900_000, "95,00 %"),
    (),
    ("Sumber: arsip kantor",),
]
SASARAN = [
    ("No", "Dokumen", "Sasaran", "Kode Sub Kegiatan", "Alokasi Anggaran (Rp)",
     "Realisasi Anggaran (Rp)", "Capaian Anggaran (%)"),
    (1, "Perjanjian Kinerja Perubahan", "Sasaran A", "4.01.01.2.13.0002", 2_500_000, 2_000_000,
     "80,00 %"),
    (2, None, "Sasaran B", "4.01.01.2.13.0001; 4.01.01.2.13.0003", 1_500_000, 1_200_000, "80"),
    ("Jumlah", None, None, None, 4_000_000, 3_200_000, "80,00 %"),
]


def build(
    tmp_path: Path,
    *,
    titles=TITLES,
    body=BODY,
    rekap=REKAP,
    sasaran=SASARAN,
    edit=None,
    name: str = NAME,
) -> Path:
    """A small workbook shaped like the real export; ``edit(wb)`` adds a quirk before saving."""
    wb = Workbook()
    lra = wb.active
    lra.title = "LRA 2025"
    for r, text in enumerate(titles, start=1):
        lra.cell(r, 1, text)
    top = len(titles) + 1
    for c, label in [(1, "Kode Rekening"), (2, "Uraian"), (3, "Anggaran"), (6, "Sisa Anggaran")]:
        lra.cell(top, c, label)
        lra.merge_cells(start_row=top, start_column=c, end_row=top + 1, end_column=c)
    lra.cell(top, 4, "Realisasi")
    lra.merge_cells(start_row=top, start_column=4, end_row=top, end_column=5)
    lra.cell(top + 1, 4, "Rp")
    lra.cell(top + 1, 5, "%")
    _put(lra, top + 2, body)
    _put(wb.create_sheet("Rekap 2023-2024"), 3, rekap)
    ws = wb.create_sheet("Anggaran per Sasaran")
    _put(ws, 2, sasaran)
    ws.merge_cells("B3:B4")  # the document name, typed once for both sasaran
    if edit:
        edit(wb)
    path = tmp_path / name
    wb.save(path)
    return path


def _put(ws, first_row: int, rows) -> None:
    for r, values in enumerate(rows, start=first_row):
        for c, value in enumerate(values, start=1):
            if value is not None:
                ws.cell(r, c, value)


def error_of(path: Path) -> str:
    with pytest.raises(StructuralError) as info:
        anggaran.read(path, CONFIG)
    return str(info.value)


def accounting(result, sheet: str) -> dict:
    found = next(a for a in result.accounting if a.sheet == sheet)
    assert found.balanced, str(found)
    return found.as_dict()


# --------------------------------------------------------------------------- reading


def test_reads_sub_kegiatan_with_text_numbers_and_merged_header(tmp_path):
    result = anggaran.read(build(tmp_path), CONFIG)
    table = result.tables["anggaran"]
    assert table["kode"].tolist() == ["4.01.01.2.13.0001", "4.01.01.2.13.0002"]
    assert table["kode_kegiatan"].tolist() == ["4.01.01.2.13"] * 2
    assert table["kegiatan"].tolist() == ["Penataan Organisasi"] * 2
    assert table["uraian"].tolist() == ["Pengelolaan Kelembagaan", "Fasilitasi Tata Laksana"]
    assert table["anggaran"].tolist() == [1_500_000.0, 2_500_000.0]
    assert table["realisasi"].tolist() == [1_200_000.0, 2_000_000.0]
    assert table["persen_tercetak"].tolist() == [80.0, 80.0]
    assert table["tahun"].tolist() == [2025, 2025]
    assert table["baris"].tolist() == [8, 9]
    assert set(table["berkas"]) == {NAME} and set(table["sheet"]) == {"LRA 2025"}
    assert str(table["kode"].dtype) == "string" and str(table["tahun"].dtype) == "Int64"
    assert len(result.quarantine) == 0
    assert accounting(result, "LRA 2025") == {
        "berkas": NAME, "sheet": "LRA 2025", "dibaca": 13, "disimpan": 2, "dikarantina": 0,
        "dilewati": {"judul": 3, "judul kolom": 2, "kosong": 2, "subtotal": 1, "tanda tangan": 2,
                     "total": 1},
    }


@pytest.mark.parametrize("n_titles", [0, 2, 9])
def test_header_is_found_whatever_the_number_of_title_rows(tmp_path, n_titles):
    titles = [f"JUDUL {i}" for i in range(n_titles)]
    result = anggaran.read(build(tmp_path, titles=titles), CONFIG)
    table = result.tables["anggaran"]
    # header on rows n+1 and n+2, kegiatan on n+3, sub-kegiatan on n+4 and n+5
    assert table["baris"].tolist() == [n_titles + 4, n_titles + 5]
    assert table["anggaran"].tolist() == [1_500_000.0, 2_500_000.0]
    assert accounting(result, "LRA 2025")["dilewati"].get("judul", 0) == n_titles


def test_year_from_title_rows_else_from_config(tmp_path):
    config_2024 = CONFIG.with_year(2024)
    with_year = anggaran.read(build(tmp_path), config_2024)
    assert with_year.tables["anggaran"]["tahun"].tolist() == [2025, 2025]
    assert any("tahun pada judul (2025)" in note for note in with_year.notes)
    untitled = anggaran.read(build(tmp_path, titles=["LAPORAN REALISASI ANGGARAN"]), config_2024)
    assert untitled.tables["anggaran"]["tahun"].tolist() == [2024, 2024]


def test_dash_and_na_are_missing_never_zero(tmp_path):
    body = [
        ("4.01.01.2.13", "Penataan Organisasi", 4_000_000, 1_200_000, "30,00"),
        ("4.01.01.2.13.0001", "Pengelolaan Kelembagaan", 1_500_000, 1_200_000, "80,00"),
        ("4.01.01.2.13.0002", "Fasilitasi Tata Laksana", 2_500_000, "-", "N/A"),
        ("JUMLAH", None, 4_000_000, 1_200_000, "30,00"),
    ]
    table = anggaran.read(build(tmp_path, body=body), CONFIG).tables["anggaran"]
    assert math.isnan(table["realisasi"].iloc[1])
    assert math.isnan(table["persen_tercetak"].iloc[1])


def test_percentage_stored_as_fraction_with_percent_format(tmp_path):
    def as_fraction(wb):
        cell = wb["LRA 2025"]["E8"]
        cell.value, cell.number_format = 0.8, "0.00%"

    table = anggaran.read(build(tmp_path, edit=as_fraction), CONFIG).tables["anggaran"]
    assert table["persen_tercetak"].tolist() == [80.0, 80.0]


def test_formula_with_cached_value_is_read(tmp_path):
    def formula(wb):
        wb["LRA 2025"]["C10"] = "=SUM(C8:C9)"

    path = build(tmp_path, edit=formula)
    # openpyxl cannot calculate: put the value Excel would have cached into the sheet XML.
    with zipfile.ZipFile(path) as src:
        files = {name: src.read(name) for name in src.namelist()}
    sheet_xml = files["xl/worksheets/sheet1.xml"].decode()
    files["xl/worksheets/sheet1.xml"] = sheet_xml.replace(
        "<f>SUM(C8:C9)</f><v />", "<f>SUM(C8:C9)</f><v>4000000</v>"
    ).encode()
    with zipfile.ZipFile(path, "w") as dst:
        for name, data in files.items():
            dst.writestr(name, data)
    assert len(anggaran.read(path, CONFIG).tables["anggaran"]) == 2


def test_hidden_rows_are_still_data(tmp_path):
    def hide(wb):
        wb["LRA 2025"].row_dimensions[9].hidden = True

    result = anggaran.read(build(tmp_path, edit=hide), CONFIG)
    assert result.tables["anggaran"]["baris"].tolist() == [8, 9]
    assert any("tersembunyi" in note and "[9]" in note for note in result.notes)


def test_trailing_blank_rows_are_counted_as_blank(tmp_path):
    def trailing(wb):
        ws = wb["LRA 2025"]
        ws["A16"] = ""
        ws["B18"] = "   "
        ws["C20"].number_format = "#,##0"  # formatted but empty
        ws["C20"].value = None

    result = anggaran.read(build(tmp_path, edit=trailing), CONFIG)
    assert len(result.tables["anggaran"]) == 2
    counted = accounting(result, "LRA 2025")
    assert counted["dibaca"] == 20
    assert counted["dilewati"]["kosong"] == 2 + 7  # rows 4, 11 and 14-20


def test_merged_cells_in_the_data_area(tmp_path):
    # A long name merged over two rows, and JUMLAH merged over the code and name columns.
    body = [
        ("4.01.01.2.13", "Penataan Organisasi", 4_000_000, 3_200_000, "80,00"),
        ("4.01.01.2.13.0001", "Pengelolaan Kelembagaan dan Analisis Jabatan", 1_500_000,
         1_200_000, "80,00"),
        (),
        ("4.01.01.2.13.0002", "Fasilitasi Tata Laksana", 2_500_000, 2_000_000, "80,00"),
        ("JUMLAH", None, 4_000_000, 3_200_000, "80,00"),
    ]

    def merge(wb):
        wb["LRA 2025"].merge_cells("B8:B9")
        wb["LRA 2025"].merge_cells("A11:B11")

    result = anggaran.read(build(tmp_path, body=body, edit=merge), CONFIG)
    table = result.tables["anggaran"]
    assert table["baris"].tolist() == [8, 10]
    assert table["uraian"].iloc[0] == "Pengelolaan Kelembagaan dan Analisis Jabatan"
    assert accounting(result, "LRA 2025")["dilewati"]["sel gabungan"] == 1


def test_single_row_header_with_a_percent_column(tmp_path):
    def single_row(wb):
        ws = wb["LRA 2025"]
        for rng in list(ws.merged_cells.ranges):
            ws.unmerge_cells(str(rng))
        ws.delete_rows(6)
        ws["D5"], ws["E5"] = "Realisasi", "Persentase"

    result = anggaran.read(build(tmp_path, edit=single_row), CONFIG)
    table = result.tables["anggaran"]
    assert table["baris"].tolist() == [7, 8]
    assert table["persen_tercetak"].tolist() == [80.0, 80.0]


def test_rekap_of_earlier_years(tmp_path):
    result = anggaran.read(build(tmp_path), CONFIG)
    riwayat = result.tables["anggaran_riwayat"]
    assert riwayat["tahun"].tolist() == [2023, 2024]
    assert riwayat["anggaran"].tolist() == [1_000_000.0, 2_000_000.0]
    assert riwayat["realisasi"].tolist() == [900_000.0, 1_900_000.0]
    assert riwayat["persen_tercetak"].tolist() == [90.0, 95.0]
    assert riwayat["baris"].tolist() == [4, 5]
    assert accounting(result, "Rekap 2023-2024")["dilewati"] == {
        "catatan": 1, "judul kolom": 1, "kosong": 3,
    }


def test_sasaran_table_with_merged_document_and_code_lists(tmp_path):
    result = anggaran.read(build(tmp_path), CONFIG)
    sasaran = result.tables["anggaran_sasaran_tercetak"]
    assert sasaran["dokumen"].tolist() == ["Perjanjian Kinerja Perubahan"] * 2
    assert sasaran["no_sasaran"].tolist() == [1, 2]
    assert sasaran["alokasi_tercetak"].tolist() == [2_500_000.0, 1_500_000.0]
    assert sasaran["capaian_tercetak"].tolist() == [80.0, 80.0]
    peta = result.tables["peta_sasaran_anggaran"]
    assert list(zip(peta["no_sasaran"], peta["kode"], peta["baris"], strict=True)) == [
        (1, "4.01.01.2.13.0002", 3),
        (2, "4.01.01.2.13.0001", 4),
        (2, "4.01.01.2.13.0003", 4),
    ]
    # 4.01.01.2.13.0003 is not a sub-kegiatan of the LRA sheet: noted, not fatal.
    assert any("4.01.01.2.13.0003" in note for note in result.notes)
    assert accounting(result, "Anggaran per Sasaran")["dilewati"] == {
        "judul kolom": 1, "kosong": 1, "total": 1,
    }


# --------------------------------------------------------------------------- row-level problems


def test_text_in_a_money_column_is_quarantined_and_located(tmp_path):
    body = [list(row) for row in BODY]
    body[2][2] = "tiga puluh"
    result = anggaran.read(build(tmp_path, body=body), CONFIG)
    assert result.tables["anggaran"]["kode"].tolist() == ["4.01.01.2.13.0001"]
    [row] = result.quarantine.to_dict("records")
    assert row["berkas"] == NAME and row["sheet"] == "LRA 2025" and row["baris"] == 9
    assert row["kolom"] == "C (Anggaran)"
    assert row["nilai"] == "tiga puluh"
    assert "bukan angka" in row["alasan"]
    counted = accounting(result, "LRA 2025")
    assert (counted["disimpan"], counted["dikarantina"]) == (1, 1)
    # The totals cannot be checked with a detail missing: said so, not raised.
    assert any("baris 10" in note and "tidak diperiksa" in note for note in result.notes)


def test_duplicate_kode_quarantines_both_rows(tmp_path):
    body = [list(row) for row in BODY]
    body[2][0] = "4.01.01.2.13.0001"
    result = anggaran.read(build(tmp_path, body=body), CONFIG)
    assert len(result.tables["anggaran"]) == 0
    assert sorted(result.quarantine["baris"]) == [8, 9]
    assert set(result.quarantine["kolom"]) == {"A (Kode Rekening)"}
    assert all("kode rekening ganda (baris 8 dan 9)" in a for a in result.quarantine["alasan"])
    assert accounting(result, "LRA 2025")["dikarantina"] == 2


def test_unknown_code_format_is_quarantined(tmp_path):
    # (The old two-digit style, 4.01.01.2.13.02, is a known format: see test_tata_letak_anggaran.)
    body = [list(row) for row in BODY]
    body[2][0] = "4.01.01.2.13.2"
    result = anggaran.read(build(tmp_path, body=body), CONFIG)
    [row] = result.quarantine.to_dict("records")
    assert (row["baris"], row["kolom"], row["nilai"]) == (9, "A (Kode Rekening)", "4.01.01.2.13.2")
    assert "format kode rekening" in row["alasan"]


def test_bad_code_in_sasaran_table_drops_the_row_from_both_tables(tmp_path):
    sasaran = [list(row) for row in SASARAN]
    sasaran[1][3] = "4.01.01.2.13.2"
    result = anggaran.read(build(tmp_path, sasaran=sasaran), CONFIG)
    assert result.tables["anggaran_sasaran_tercetak"]["no_sasaran"].tolist() == [2]
    assert 3 not in result.tables["peta_sasaran_anggaran"]["baris"].tolist()
    [row] = result.quarantine.to_dict("records")
    assert (row["sheet"], row["baris"], row["kolom"]) == (
        "Anggaran per Sasaran", 3, "D (Kode Sub Kegiatan)")


# --------------------------------------------------------------------------- structural problems


def test_totals_row_disagreeing_with_details_names_both_values(tmp_path):
    body = [list(row) for row in BODY]
    body[3][2] = 4_100_000
    message = error_of(build(tmp_path, body=body))
    assert f"{NAME}, sheet 'LRA 2025', baris 10, kolom C (Anggaran)" in message
    assert "tercetak Rp4.100.000" in message and "dihitung Rp4.000.000" in message


def test_kegiatan_subtotal_disagreeing_with_details(tmp_path):
    body = [list(row) for row in BODY]
    body[0][3] = 3_000_000
    message = error_of(build(tmp_path, body=body))
    assert "baris 7, kolom D (Realisasi Rp): subtotal 4.01.01.2.13" in message
    assert "tercetak Rp3.000.000" in message and "dihitung Rp3.200.000" in message


def test_sasaran_total_disagreeing(tmp_path):
    sasaran = [list(row) for row in SASARAN]
    sasaran[3][5] = 3_000_000
    message = error_of(build(tmp_path, sasaran=sasaran))
    assert "sheet 'Anggaran per Sasaran', baris 5, kolom F (Realisasi Anggaran (Rp))" in message
    assert "dihitung Rp3.200.000" in message


def test_wrong_header_label(tmp_path):
    def typo(wb):
        wb["LRA 2025"]["D5"] = "Realisai"

    message = error_of(build(tmp_path, edit=typo))
    assert f"{NAME}, sheet 'LRA 2025', baris 5:" in message
    assert "kolom wajib tidak ditemukan" in message and "'Realisasi'" in message
    assert "D (Realisai)" in message


def test_office_tables_are_optional_and_their_absence_is_said(tmp_path):
    # Issue 24: the office's own sheets (no system exports them) no longer refuse the export.
    def drop(wb):
        del wb["Rekap 2023-2024"]
        del wb["Anggaran per Sasaran"]

    result = anggaran.read(build(tmp_path, edit=drop), CONFIG)
    assert len(result.tables["anggaran"]) == 2
    assert result.tables["anggaran_riwayat"].empty and result.tables["anggaran_sasaran_tercetak"].empty
    notes = " ".join(result.notes)
    assert "tabel rekap anggaran tahun sebelumnya tidak ada" in notes
    assert "tabel anggaran per sasaran tidak ada" in notes and "Kode Sub Kegiatan" in notes


def test_two_realisation_sheets_of_other_years_choose_the_report_year(tmp_path):
    def second(wb):
        copy = wb.copy_worksheet(wb["LRA 2025"])
        copy.title = "LRA 2024"
        copy["A3"] = "TAHUN ANGGARAN 2024"

    result = anggaran.read(build(tmp_path, edit=second), CONFIG)
    assert set(result.tables["anggaran"]["sheet"]) == {"LRA 2025"}


def test_formula_without_cached_value(tmp_path):
    def formula(wb):
        wb["LRA 2025"]["C10"] = "=SUM(C8:C9)"

    message = error_of(build(tmp_path, edit=formula))
    assert f"{NAME}, sheet 'LRA 2025', baris 10, kolom C:" in message
    assert "=SUM(C8:C9)" in message and "tanpa nilai tersimpan" in message


def test_empty_file(tmp_path):
    path = tmp_path / NAME
    path.write_bytes(b"")
    assert error_of(path) == f"{NAME}: berkas kosong (0 byte)"


def test_csv_renamed_to_xlsx(tmp_path):
    path = tmp_path / NAME
    path.write_text("Kode Rekening,Uraian,Anggaran\n4.01.01.2.13.0001,X,100\n", encoding="utf-8")
    assert re.search(r"bukan workbook Excel", error_of(path))
