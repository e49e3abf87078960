"""The SKM readers on small workbooks built here: quirks, broken inputs, located problems."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest
from openpyxl import Workbook

from lkjip.core.config import load_config
from lkjip.core.paths import paths
from lkjip.ingest.problems import StructuralError
from lkjip.ingest.readers import skm, skm_riwayat

CONFIG = load_config(paths().config)

# Column letters of this layout: A No, B Tanggal Survei, C Kode Unit, D Unit Layanan,
# E Nama Responden, F No. HP, G Jenis Kelamin, H Umur, I Pendidikan, J Pekerjaan,
# K Jenis Layanan, L..T U1..U9, U Saran.
HEADER = [
    "No", "Tanggal Survei", "Kode Unit", "Unit Layanan", "Nama Responden", "No. HP",
    "Jenis Kelamin", "Umur", "Pendidikan", "Pekerjaan", "Jenis Layanan",
    "U1", "U2", "U3", "U4", "U5", "U6", "U7", "U8", "U9", "Saran",
]
TITLES = ["REKAPITULASI DATA RESPONDEN SKM", "PEMERINTAH KABUPATEN MOJOKERTO TAHUN 2025", None]
UNITS = [["No", "Kode Unit", "Unit Layanan", "Populasi"], [1, "A1", "Puskesmas Pacet", 200],
         [2, "B2", "Kecamatan Trawas", 150]]
MAR_12 = dt.datetime(2025, 3, 12)


def responden(
    no, kode="A1", unit="Puskesmas Pacet", *, tanggal=MAR_12, jk="L", umur=30,
    answers=(4, 3, 4, 3, 4, 3, 4, 3, 4), saran=None, nama="Responden 0001", hp="0812-0000-0001",
):
    """One export row in the HEADER layout."""
    return [no, tanggal, kode, unit, nama, hp, jk, umur, "SMA", "Swasta", "Pemeriksaan Umum",
            *answers, saran]


def export(
    path: Path, rows, *, header=HEADER, titles=TITLES, units=UNITS, sheet="Responden",
    blank_rows_after: int = 0,
) -> Path:
    """An e-SKM-like workbook: a notes sheet, the respondent sheet, the unit sheet."""
    wb = Workbook()
    wb.active.title = "Keterangan"
    wb.active.append(["DATA SINTETIS untuk pengujian"])
    ws = wb.create_sheet(sheet)
    for line in titles:
        ws.append([line] if line else [])
    ws.append(header)
    for row in rows:
        ws.append(row)
    for i in range(blank_rows_after):  # formatted but empty rows, as Excel users leave them
        ws.cell(row=ws.max_row + 1 + i, column=2).number_format = "DD/MM/YYYY"
    if units is not None:
        us = wb.create_sheet("Unit")
        us.append(["DAFTAR UNIT LAYANAN"])
        for row in units:
            us.append(row)
    wb.save(path)
    return path


def only_problem(result) -> dict:
    assert len(result.quarantine) == 1, result.quarantine
    return result.quarantine.iloc[0].to_dict()


def test_quirks_are_read_and_personal_data_dropped(tmp_path):
    titles = ["JUDUL", "", "HASIL SKM TAHUN 2025", "Sumber: e-SKM", None, None]  # header on row 7
    rows = [
        responden(1, jk="Laki-laki", answers=(4, "-", 3, 4, None, 4, 4, 3, 4), saran="-"),
        responden(2, tanggal="12/03/2025", jk="Perempuan", umur="45", saran="Ruang tunggu sempit"),
        responden(3, "B2", "Kecamatan Trawas", tanggal=None, jk=" p ", umur=None),
    ]
    header = [*HEADER, "NIK", "Email"]
    rows = [[*r, "3516000000000001", "a@contoh.id"] for r in rows]
    result = skm.read(export(tmp_path / "skm.xlsx", rows, header=header, titles=titles), CONFIG)
    df = result.tables["skm_responden"]

    assert result.quarantine.empty
    assert list(df["baris"]) == [8, 9, 10]
    assert list(df["tahun"]) == [2025, 2025, 2025]
    assert list(df["jenis_kelamin"]) == ["L", "P", "P"]
    assert df["tanggal"].iloc[0] == pd.Timestamp("2025-03-12")
    assert df["tanggal"].iloc[1] == pd.Timestamp("2025-03-12")  # "12/03/2025" is day first
    assert pd.isna(df["tanggal"].iloc[2])
    assert df["umur"].tolist()[:2] == [30, 45] and pd.isna(df["umur"].iloc[2])
    assert pd.isna(df["U2"].iloc[0]) and pd.isna(df["U5"].iloc[0])  # "-" and blank: missing
    assert df["U1"].iloc[0] == 4 and df["U3"].iloc[0] == 3
    assert pd.isna(df["saran"].iloc[0]) and df["saran"].iloc[1] == "Ruang tunggu sempit"
    assert str(df["U1"].dtype) == "Int64" and str(df["kode_unit"].dtype) == "string"

    text = df.astype(str).to_string()
    for personal in ("Responden 0001", "0812-0000-0001", "3516000000000001", "a@contoh.id"):
        assert personal not in text
    assert not any(c.lower() in {"nama responden", "no. hp", "nik", "email"} for c in df.columns)
    note = " ".join(result.notes)
    for dropped in ("E (Nama Responden)", "F (No. HP)", "V (NIK)", "W (Email)"):
        assert dropped in note

    units = result.tables["skm_unit"]
    assert list(units["kode_unit"]) == ["A1", "B2"]
    assert list(units["populasi"]) == [200, 150]
    assert str(result.accounting[0]).endswith("dibaca 3 = disimpan 3 + dikarantina 0 + dilewati (0)")


def test_answer_five_quarantines_the_row_with_its_cell(tmp_path):
    rows = [responden(1), responden(2, answers=(4, 4, 4, 4, 5, 4, 4, 4, 4)), responden(3)]
    result = skm.read(export(tmp_path / "skm.xlsx", rows), CONFIG)
    problem = only_problem(result)
    assert problem["berkas"] == "skm.xlsx"
    assert problem["sheet"] == "Responden"
    assert problem["baris"] == 6  # 3 title rows, header on row 4, second respondent
    assert problem["kolom"] == "P (U5)"
    assert problem["nilai"] == "5"
    assert "di luar rentang 1–4" in problem["alasan"]
    assert list(result.tables["skm_responden"]["responden"]) == [1, 3]
    tally = result.accounting[0]
    assert (tally.dibaca, tally.disimpan, tally.dikarantina) == (3, 2, 1)
    assert tally.balanced


@pytest.mark.parametrize(
    ("row", "kolom", "words"),
    [
        (responden(1, umur="tiga puluh"), "H (Umur)", "umur 'tiga puluh' bukan angka"),
        (responden(1, answers=(4, 4, "tiga puluh", 4, 4, 4, 4, 4, 4)), "N (U3)", "bukan angka"),
        (responden(1, answers=(4, 4, 2.5, 4, 4, 4, 4, 4, 4)), "N (U3)", "bukan bilangan bulat"),
        (responden(1, umur=250), "H (Umur)", "umur 250 di luar rentang 10–110"),
        (responden(1, jk="X"), "G (Jenis Kelamin)", "jenis kelamin 'X' tidak dikenali"),
        (responden(1, tanggal="31/02/2025"), "B (Tanggal Survei)", "'31/02/2025' tidak dikenali"),
        (responden(None), "A (No)", "nomor responden kosong"),
        (responden(1, kode=None), "C (Kode Unit)", "kode unit kosong"),
    ],
)
def test_a_bad_cell_is_never_a_silent_blank(tmp_path, row, kolom, words):
    result = skm.read(export(tmp_path / "skm.xlsx", [responden(7), row]), CONFIG)
    problem = only_problem(result)
    assert problem["baris"] == 6
    assert problem["kolom"] == kolom
    assert words in problem["alasan"]
    assert len(result.tables["skm_responden"]) == 1
    assert result.accounting[0].balanced


def test_two_bad_cells_of_one_row_give_one_quarantine_row(tmp_path):
    row = responden(1, umur="tiga puluh", answers=(4, 4, 4, 4, 4, 4, 0, 4, 4))
    result = skm.read(export(tmp_path / "skm.xlsx", [row]), CONFIG)
    problem = only_problem(result)
    assert problem["kolom"] == "H (Umur); R (U7)"
    assert result.accounting[0].dikarantina == 1


def test_missing_answer_column_is_structural_and_located(tmp_path):
    header = [h for h in HEADER if h != "U7"]
    rows = [[c for h, c in zip(HEADER, responden(1), strict=True) if h != "U7"]]
    with pytest.raises(StructuralError) as caught:
        skm.read(export(tmp_path / "skm.xlsx", rows, header=header), CONFIG)
    (problem,) = caught.value.problems
    assert problem.sheet == "Responden" and problem.baris == 4
    assert "U7" in problem.pesan and "kolom wajib" in problem.pesan


def test_answer_columns_come_from_the_config(tmp_path):
    swapped = CONFIG.model_copy(deep=True)
    data = swapped.model_dump()
    data["skm"]["unsur"] = [{**u, "kolom": f"P{i}"} for i, u in enumerate(data["skm"]["unsur"], 1)]
    config = type(CONFIG).model_validate(data)
    header = [f"P{h[1:]}" if h[:1] == "U" and h[1:].isdigit() else h for h in HEADER]
    result = skm.read(export(tmp_path / "skm.xlsx", [responden(1)], header=header), config)
    assert [f"P{i}" for i in range(1, 10)] == list(result.tables["skm_responden"].columns[13:22])
    with pytest.raises(StructuralError, match="P1"):
        skm.read(export(tmp_path / "lama.xlsx", [responden(1)]), config)


def test_missing_sheet_is_structural(tmp_path):
    path = export(tmp_path / "skm.xlsx", [responden(1)], sheet="Lembar1")
    with pytest.raises(StructuralError, match="sheet 'Responden' tidak ada"):
        skm.read(path, CONFIG)


def test_missing_unit_sheet_leaves_populasi_empty_with_a_note(tmp_path):
    result = skm.read(export(tmp_path / "skm.xlsx", [responden(1)], units=None), CONFIG)
    units = result.tables["skm_unit"]
    assert list(units["kode_unit"]) == ["A1"] and pd.isna(units["populasi"].iloc[0])
    assert list(units["unit"]) == ["Puskesmas Pacet"]
    assert any("sheet 'Unit' tidak ada" in n for n in result.notes)


def test_not_a_workbook_is_structural(tmp_path):
    path = tmp_path / "skm.xlsx"
    path.write_text("No;Kode Unit\n1;A1\n", encoding="utf-8")
    with pytest.raises(StructuralError, match="bukan workbook"):
        skm.read(path, CONFIG)


def test_duplicate_respondent_within_a_unit(tmp_path):
    rows = [responden(1), responden(2), responden(2), responden(2, "B2", "Kecamatan Trawas")]
    result = skm.read(export(tmp_path / "skm.xlsx", rows), CONFIG)
    q = result.quarantine
    assert list(q["baris"]) == [6, 7]
    assert all("nomor responden 2 dipakai lebih dari sekali untuk unit 'A1' (baris 6, 7)" in a
               for a in q["alasan"])
    assert set(q["kolom"]) == {"A (No)"}
    kept = result.tables["skm_responden"]
    assert list(zip(kept["kode_unit"], kept["responden"], strict=True)) == [("A1", 1), ("B2", 2)]
    assert result.accounting[0].dikarantina == 2 and result.accounting[0].balanced


def test_one_code_for_two_unit_names(tmp_path):
    rows = [responden(1), responden(2, unit="PUSKESMAS  pacet"), responden(3, unit="Puskesmas Puri")]
    result = skm.read(export(tmp_path / "skm.xlsx", rows), CONFIG)
    problem = only_problem(result)  # case and spacing do not make another unit
    assert problem["baris"] == 7
    assert problem["kolom"] == "D (Unit Layanan)"
    expected = "kode unit 'A1' dipakai untuk dua unit: 'Puskesmas Pacet' dan 'Puskesmas Puri'"
    assert expected in problem["alasan"]


def test_duplicate_code_in_unit_sheet(tmp_path):
    units = [*UNITS, [3, "A1", "Puskesmas Puri", 90]]
    result = skm.read(export(tmp_path / "skm.xlsx", [responden(1)], units=units), CONFIG)
    q = result.quarantine
    assert list(q["sheet"]) == ["Unit", "Unit"]
    assert list(q["baris"]) == [3, 5]
    assert all("dipakai lebih dari sekali" in a for a in q["alasan"])
    assert pd.isna(result.tables["skm_unit"]["populasi"].iloc[0])  # which populasi is unknown
    unit_tally = result.accounting[1]
    assert unit_tally.sheet == "Unit" and unit_tally.balanced
    assert (unit_tally.dibaca, unit_tally.dikarantina) == (3, 2)
    assert unit_tally.dilewati == {"unit tanpa responden": 1}  # B2


def test_unknown_columns_and_thousands_of_columns_are_dropped(tmp_path):
    extra = [f"Kolom Tambahan {i}" for i in range(2500)]
    header = [*HEADER, "Catatan Petugas", *extra]
    rows = [[*responden(1), "telat", *range(2500)], [*responden(2), None, *([None] * 2500)]]
    result = skm.read(export(tmp_path / "skm.xlsx", rows, header=header), CONFIG)
    df = result.tables["skm_responden"]
    assert len(df) == 2 and result.quarantine.empty
    assert "Catatan Petugas" not in df.columns and len(df.columns) == 23
    (note,) = [n for n in result.notes if "kolom dibuang" in n]
    assert "2503 kolom dibuang" in note
    assert "V (Catatan Petugas)" in note and "dan 2481 kolom lain" in note


def test_trailing_blank_and_prenumbered_rows_are_skipped(tmp_path):
    rows = [responden(1), [None] * len(HEADER), responden(2), [3], [4]]
    result = skm.read(export(tmp_path / "skm.xlsx", rows, blank_rows_after=50), CONFIG)
    assert list(result.tables["skm_responden"]["baris"]) == [5, 7]
    tally = result.accounting[0]
    assert tally.disimpan == 2 and tally.dikarantina == 0
    assert tally.dilewati == {"baris kosong": 3}  # the empty row and two numbered-only rows
    assert tally.balanced


def test_year_from_titles_dates_or_config(tmp_path):
    rows = [responden(1, tanggal=dt.datetime(2024, 11, 5))]
    titled = skm.read(export(tmp_path / "a.xlsx", rows), CONFIG)
    assert titled.tables["skm_responden"]["tahun"].iloc[0] == 2025
    assert any("1 tanggal survei di luar tahun 2025" in n for n in titled.notes)
    dated = skm.read(export(tmp_path / "b.xlsx", rows, titles=["REKAP SKM", None]), CONFIG)
    assert dated.tables["skm_responden"]["tahun"].iloc[0] == 2024
    assert dated.tables["skm_unit"]["tahun"].iloc[0] == 2024
    undated = [responden(1, tanggal=None)]
    fallback = skm.read(export(tmp_path / "c.xlsx", undated, titles=["REKAP SKM", None]), CONFIG)
    assert fallback.tables["skm_responden"]["tahun"].iloc[0] == CONFIG.tahun


@pytest.mark.parametrize("workers", [1, 2])
def test_read_many_concatenates_in_order(tmp_path, workers):
    paths = [
        export(tmp_path / "c.xlsx", [responden(1), responden(2)]),
        export(tmp_path / "a.xlsx", [responden(1, "B2", "Kecamatan Trawas")]),
        export(tmp_path / "b.xlsx", [responden(3), responden(4, umur="tiga puluh")]),
    ]
    combined = skm.read_many(paths, CONFIG, workers=workers)
    df = combined.tables["skm_responden"]
    assert list(df["berkas"]) == ["c.xlsx", "c.xlsx", "a.xlsx", "b.xlsx"]
    assert list(zip(df["kode_unit"], df["responden"], strict=True)) == [
        ("A1", 1), ("A1", 2), ("B2", 1), ("A1", 3)
    ]
    singles = [skm.read(p, CONFIG) for p in paths]
    expected = pd.concat([r.tables["skm_responden"] for r in singles], ignore_index=True)
    pd.testing.assert_frame_equal(df, expected)
    assert list(combined.tables["skm_unit"]["kode_unit"]) == ["A1", "B2"]
    assert list(combined.quarantine["berkas"]) == ["b.xlsx"]
    assert [a.berkas for a in combined.accounting] == ["c.xlsx", "c.xlsx", "a.xlsx", "a.xlsx",
                                                       "b.xlsx", "b.xlsx"]


def test_read_many_reports_progress_per_file(tmp_path):
    paths = [
        export(tmp_path / "a.xlsx", [responden(1), responden(2)]),
        export(tmp_path / "b.xlsx", [responden(3)]),
    ]
    lines: list[str] = []
    skm.read_many(paths, CONFIG, workers=1, progress=lines.append)
    assert [line.split(":")[0].strip() for line in lines] == ["[1/2] a.xlsx", "[2/2] b.xlsx"]
    assert all(line.endswith("baris") for line in lines)


def test_read_many_quarantines_a_respondent_found_in_two_files(tmp_path):
    paths = [
        export(tmp_path / "a.xlsx", [responden(1), responden(2)]),
        export(tmp_path / "b.xlsx", [responden(2)]),
    ]
    combined = skm.read_many(paths, CONFIG, workers=1)
    q = combined.quarantine
    assert list(zip(q["berkas"], q["baris"], strict=True)) == [("a.xlsx", 6), ("b.xlsx", 5)]
    assert "a.xlsx baris 6, b.xlsx baris 5" in q["alasan"].iloc[0]
    assert list(combined.tables["skm_responden"]["responden"]) == [1]
    assert all(a.balanced for a in combined.accounting)
    assert combined.accounting[2].disimpan == 0 and combined.accounting[2].dikarantina == 1


def test_read_many_reports_every_structural_problem(tmp_path):
    good = export(tmp_path / "a.xlsx", [responden(1)])
    no_sheet = export(tmp_path / "b.xlsx", [responden(1)], sheet="Data")
    empty = tmp_path / "c.xlsx"
    empty.write_bytes(b"")
    with pytest.raises(StructuralError) as caught:
        skm.read_many([good, no_sheet, empty], CONFIG, workers=1)
    assert [p.berkas for p in caught.value.problems] == ["b.xlsx", "c.xlsx"]


# --------------------------------------------------------------------------- skm_riwayat


def riwayat(path: Path, years: dict[str, list[list]]) -> Path:
    wb = Workbook()
    wb.active.title = "Keterangan"
    wb.active.append(["DATA SINTETIS"])
    for name, rows in years.items():
        ws = wb.create_sheet(name)
        ws.append([f"REKAP IKM PER UNIT {name.upper()}"])
        ws.append([])
        ws.append(["No", "Kode Unit", "Unit Layanan", "Jumlah Responden", "Nilai IKM", "Mutu Pelayanan"])
        for row in rows:
            ws.append(row)
    wb.save(path)
    return path


def test_riwayat_reads_each_year_sheet(tmp_path):
    path = riwayat(tmp_path / "skm-riwayat.xlsx", {
        "IKM 2023": [
            [1, "A1", "Puskesmas Pacet", 80, 88.5, "A"],
            [2, "B2", "Kecamatan Trawas", 60, "84,10", "B (Baik)"],
        ],
        "IKM 2024": [[None] * 6, [1, "A1", "Puskesmas Pacet", 82, 90.25, "Sangat Baik"]],
    })
    result = skm_riwayat.read(path, CONFIG)
    t = result.tables["skm_unit_riwayat"]
    assert list(t["tahun"]) == [2023, 2023, 2024]
    assert list(t["ikm"]) == [88.5, 84.1, 90.25]
    assert list(t["mutu_tercetak"]) == ["A", "B", "A"]
    assert list(t["jumlah_responden"]) == [80, 60, 82]
    assert list(t["baris"]) == [4, 5, 5]
    assert result.quarantine.empty
    assert [a.dilewati for a in result.accounting] == [{}, {"baris kosong": 1}]
    assert any("'Keterangan' bukan rekap IKM" in n for n in result.notes)


def test_riwayat_bad_values_and_duplicates_are_located(tmp_path):
    path = riwayat(tmp_path / "skm-riwayat.xlsx", {
        "IKM 2024": [
            [1, "A1", "Puskesmas Pacet", 82, "sembilan puluh", "A"],
            [2, "B2", "Kecamatan Trawas", 60, 120, "B"],
            [3, "C3", "Dinas Sosial", 70, 85, "B"],
            [4, "C3", "Dinas Sosial", 70, 86, "B"],
            [5, "D4", "Dinas Perhubungan", 70, 91, "A"],
        ],
    })
    result = skm_riwayat.read(path, CONFIG)
    q = result.quarantine
    assert list(q["baris"]) == [4, 5, 6, 7]
    assert q["kolom"].iloc[0] == "E (Nilai IKM)"
    assert "nilai IKM 'sembilan puluh' bukan angka" in q["alasan"].iloc[0]
    assert "di luar rentang 25–100" in q["alasan"].iloc[1]
    assert "kode unit 'C3' tercantum lebih dari sekali untuk tahun 2024 (baris 6, 7)" in q["alasan"].iloc[2]
    assert q["kolom"].iloc[2] == "B (Kode Unit)"
    assert list(result.tables["skm_unit_riwayat"]["kode_unit"]) == ["D4"]
    (tally,) = result.accounting
    assert (tally.dibaca, tally.disimpan, tally.dikarantina) == (5, 1, 4) and tally.balanced


def test_riwayat_without_year_sheet_is_structural(tmp_path):
    wb = Workbook()
    wb.active.append(["catatan"])
    wb.save(tmp_path / "skm-riwayat.xlsx")
    with pytest.raises(StructuralError, match="tidak ada sheet rekap IKM"):
        skm_riwayat.read(tmp_path / "skm-riwayat.xlsx", CONFIG)
