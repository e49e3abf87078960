"""Readers of sakip.xlsx, kelembagaan.xlsx and pembanding.xlsx on small hand-made workbooks.

Each broken input must come back located (sheet, row, column), with its reason, and with the
rows accounted for; expected values are worked out by hand in the comments.
"""

from __future__ import annotations

import math
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook

from lkjip.core.config import load_config
from lkjip.ingest.problems import StructuralError
from lkjip.ingest.readers import kelembagaan, pembanding, sakip


@pytest.fixture(scope="module")
def config():
    return load_config()  # report year 2025


def write_book(path: Path, sheets: dict[str, list[list]], formats: dict | None = None) -> Path:
    """A workbook with a 'Keterangan' sheet and then ``sheets`` written row by row from A1."""
    wb = Workbook()
    wb.active.title = "Keterangan"
    wb.active["A1"] = "DATA SINTETIS (uji)"
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for r, row in enumerate(rows, start=1):
            for c, value in enumerate(row, start=1):
                if value is not None:
                    ws.cell(r, c, value)
    for (name, coordinate), number_format in (formats or {}).items():
        wb[name][coordinate].number_format = number_format
    wb.save(path)
    return path


def set_cached_value(path: Path, sheet_index: int, formula: str, value: str) -> None:
    """Store a cached result for ``formula`` as Excel would (openpyxl writes none)."""
    member = f"xl/worksheets/sheet{sheet_index}.xml"
    with zipfile.ZipFile(path) as src:
        items = {i.filename: src.read(i.filename) for i in src.infolist()}
    items[member] = items[member].replace(
        f"<f>{formula}</f><v />".encode(), f"<f>{formula}</f><v>{value}</v>".encode()
    )
    with zipfile.ZipFile(path, "w") as dst:
        for name, data in items.items():
            dst.writestr(name, data)


def one_problem(exc: pytest.ExceptionInfo) -> object:
    assert len(exc.value.problems) == 1, exc.value.problems
    return exc.value.problems[0]


# ---------------------------------------------------------------------------------------------
# sakip.xlsx
# ---------------------------------------------------------------------------------------------

SAKIP_HEADER = ["No", "Kode PD", "Perangkat Daerah", "Nilai", "Predikat"]
# Three PDs; the mean (86,19 + 81,40 + 78,25) / 3 = 245,84 / 3 = 81,9467 prints as 81,95.
SAKIP_ROWS = [
    [1, "PD-01", "Sekretariat Daerah", 86.19, "A"],
    [2, "PD-02", "Dinas Pendidikan", "81,40", "A"],  # typed as Indonesian text
    [3, "PD-03", "Dinas Kesehatan", 78.25, "BB"],
]


def sakip_sheet(rows=SAKIP_ROWS, *, rata="81,95", header=SAKIP_HEADER) -> list[list]:
    """Rows 1-3 title, row 4 header, data from row 5, then Rata-rata, a blank and a signature."""
    footer = [["Rata-rata", None, None, rata]] if rata is not None else []
    return [
        ["REKAPITULASI HASIL EVALUASI SAKIP PERANGKAT DAERAH"],
        ["TAHUN 2025"],
        [],
        header,
        *rows,
        *footer,
        [],
        [None, None, None, "Kepala Bagian Organisasi"],
        [None, None, None, "NIP. 197005281994032003"],
    ]


def test_sakip_reads_scores_text_numbers_and_accounts_for_every_row(tmp_path, config):
    path = write_book(tmp_path / "sakip.xlsx", {"SAKIP 2025": sakip_sheet()})
    result = sakip.read(path, config)
    table = result.tables["sakip_pd"]
    assert table["nilai"].tolist() == [86.19, 81.40, 78.25]
    assert table["tahun"].tolist() == [2025] * 3
    assert table["kode_pd"].tolist() == ["PD-01", "PD-02", "PD-03"]
    assert table["predikat_tercetak"].tolist() == ["A", "A", "BB"]
    assert table["baris"].tolist() == [5, 6, 7]
    assert set(table["sheet"]) == {"SAKIP 2025"} and set(table["berkas"]) == {"sakip.xlsx"}
    assert str(table["kode_pd"].dtype) == "string" and str(table["tahun"].dtype) == "Int64"
    (counted,) = result.accounting
    # 11 rows: 3 above the header (2 titles, 1 blank), header, 3 PD, Rata-rata, blank, 2 signature.
    assert counted.dibaca == 11
    assert counted.disimpan == 3 and counted.dikarantina == 0
    assert dict(counted.dilewati) == {
        "judul": 3,
        "judul kolom": 1,
        "baris rata-rata/jumlah": 1,
        "baris kosong": 1,
        "tanda tangan/catatan": 2,
    }
    assert counted.balanced
    assert len(result.quarantine) == 0


def test_sakip_dash_is_missing_never_zero(tmp_path, config):
    rows = [*SAKIP_ROWS[:2], [3, "PD-03", "Dinas Kesehatan", "-", "-"]]
    # Mean of the two scored PDs: (86,19 + 81,40) / 2 = 83,795 -> printed 83,80 (within rounding).
    path = write_book(tmp_path / "sakip.xlsx", {"SAKIP 2025": sakip_sheet(rows, rata=83.80)})
    table = sakip.read(path, config).tables["sakip_pd"]
    assert len(table) == 3
    assert math.isnan(table["nilai"].iloc[2])
    assert table["predikat_tercetak"].isna().iloc[2]


def test_sakip_missing_year_sheet_is_structural(tmp_path, config):
    path = write_book(tmp_path / "sakip.xlsx", {"SAKIP 2024": sakip_sheet()})
    with pytest.raises(StructuralError) as exc:
        sakip.read(path, config)
    problem = one_problem(exc)
    assert problem.berkas == "sakip.xlsx"
    assert "'SAKIP 2025' tidak ada" in problem.pesan
    assert "SAKIP 2024" in problem.pesan  # lists the sheets that are there


def test_sakip_wrong_header_names_the_missing_column(tmp_path, config):
    header = ["No", "Kode PD", "Perangkat Daerah", "Skor", "Predikat"]
    path = write_book(tmp_path / "sakip.xlsx", {"SAKIP 2025": sakip_sheet(header=header)})
    with pytest.raises(StructuralError) as exc:
        sakip.read(path, config)
    problem = one_problem(exc)
    assert (problem.sheet, problem.baris) == ("SAKIP 2025", 4)
    assert "kolom wajib tidak ditemukan" in problem.pesan and "'Nilai'" in problem.pesan


def test_sakip_score_out_of_range_is_quarantined(tmp_path, config):
    rows = [SAKIP_ROWS[0], [2, "PD-02", "Dinas Pendidikan", 105, "AA"], SAKIP_ROWS[2]]
    path = write_book(tmp_path / "sakip.xlsx", {"SAKIP 2025": sakip_sheet(rows)})
    result = sakip.read(path, config)
    assert result.tables["sakip_pd"]["kode_pd"].tolist() == ["PD-01", "PD-03"]
    (row,) = result.quarantine.to_dict("records")
    assert (row["sheet"], row["baris"], row["kolom"], row["nilai"]) == ("SAKIP 2025", 6, "D (Nilai)", "105.0")
    assert "rentang" in row["alasan"]
    (counted,) = result.accounting
    assert (counted.disimpan, counted.dikarantina) == (2, 1) and counted.balanced
    # The printed average included the quarantined score, so it cannot be checked: said so.
    assert any("rata-rata tercetak tidak diperiksa" in n for n in result.notes)


def test_sakip_text_in_number_column_is_quarantined(tmp_path, config):
    rows = [SAKIP_ROWS[0], [2, "PD-02", "Dinas Pendidikan", "delapan puluh", "A"], SAKIP_ROWS[2]]
    path = write_book(tmp_path / "sakip.xlsx", {"SAKIP 2025": sakip_sheet(rows)})
    result = sakip.read(path, config)
    (row,) = result.quarantine.to_dict("records")
    assert (row["baris"], row["kolom"], row["nilai"]) == (6, "D (Nilai)", "delapan puluh")
    assert "bukan angka" in row["alasan"]
    assert result.accounting[0].dikarantina == 1 and result.accounting[0].balanced
    assert len(result.tables["sakip_pd"]) == 2


def test_sakip_duplicate_pd_quarantines_both_rows(tmp_path, config):
    rows = [SAKIP_ROWS[0], [2, "PD-01", "Sekretariat Daerah", 86.19, "A"], SAKIP_ROWS[2]]
    path = write_book(tmp_path / "sakip.xlsx", {"SAKIP 2025": sakip_sheet(rows)})
    result = sakip.read(path, config)
    assert result.tables["sakip_pd"]["kode_pd"].tolist() == ["PD-03"]
    quarantined = result.quarantine.sort_values(["baris", "kolom"]).to_dict("records")
    assert sorted({q["baris"] for q in quarantined}) == [5, 6]
    assert all("duplikat" in q["alasan"] for q in quarantined)
    first = next(q for q in quarantined if q["baris"] == 5 and q["kolom"] == "B (Kode PD)")
    assert "baris [6]" in first["alasan"]
    (counted,) = result.accounting
    assert (counted.disimpan, counted.dikarantina) == (1, 2) and counted.balanced


def test_sakip_printed_average_disagreeing_is_structural(tmp_path, config):
    path = write_book(tmp_path / "sakip.xlsx", {"SAKIP 2025": sakip_sheet(rata="82,50")})
    with pytest.raises(StructuralError) as exc:
        sakip.read(path, config)
    problem = one_problem(exc)
    assert (problem.sheet, problem.baris, problem.kolom) == ("SAKIP 2025", 8, "D (Nilai)")
    assert "tercetak 82,5 " in problem.pesan and "rincian 81,9467" in problem.pesan and "D8" in problem.pesan


def test_sakip_sheet_without_rows_is_structural(tmp_path, config):
    path = write_book(tmp_path / "sakip.xlsx", {"SAKIP 2025": sakip_sheet(rows=[], rata=None)})
    with pytest.raises(StructuralError) as exc:
        sakip.read(path, config)
    problem = one_problem(exc)
    assert (problem.sheet, problem.baris) == ("SAKIP 2025", 4)
    assert "tidak ada baris data" in problem.pesan


def test_sakip_extra_sheet_ignored_and_plain_year_sheet_read(tmp_path, config):
    sheets = {"2024": sakip_sheet(), "SAKIP 2025": sakip_sheet(), "Grafik": [["bagan", 1, 2, 3]]}
    result = sakip.read(write_book(tmp_path / "sakip.xlsx", sheets), config)
    table = result.tables["sakip_pd"]
    assert table.groupby("tahun").size().to_dict() == {2024: 3, 2025: 3}
    assert [a.sheet for a in result.accounting] == ["2024", "SAKIP 2025"]
    assert result.notes == ["sakip.xlsx: sheet 'Grafik' tidak dikenal dan diabaikan"]


def test_sakip_formula_without_cached_value_is_located(tmp_path, config):
    path = write_book(tmp_path / "sakip.xlsx", {"SAKIP 2025": sakip_sheet(rata="=AVERAGE(D5:D7)")})
    with pytest.raises(StructuralError) as exc:
        sakip.read(path, config)
    problem = one_problem(exc)
    assert (problem.sheet, problem.baris, problem.kolom) == ("SAKIP 2025", 8, "D")
    assert "rumus tanpa nilai tersimpan" in problem.pesan


def test_sakip_formula_is_read_as_its_cached_value(tmp_path, config):
    path = write_book(tmp_path / "sakip.xlsx", {"SAKIP 2025": sakip_sheet(rata="=AVERAGE(D5:D7)")})
    set_cached_value(path, 2, "AVERAGE(D5:D7)", "81.946666666666673")
    result = sakip.read(path, config)  # the cached average is checked and agrees
    assert len(result.tables["sakip_pd"]) == 3


def test_not_a_workbook_is_structural(tmp_path, config):
    path = tmp_path / "sakip.xlsx"
    path.write_text("No;Kode PD;Nilai\n", encoding="utf-8")
    with pytest.raises(StructuralError, match="bukan workbook Excel"):
        sakip.read(path, config)


# ---------------------------------------------------------------------------------------------
# kelembagaan.xlsx
# ---------------------------------------------------------------------------------------------

V_HEADERS = [f"V{k}\nVariabel {k}" for k in range(1, 12)]
KEMATANGAN_HEADER = ["No", "Kode PD", "Perangkat Daerah", *V_HEADERS, "Total", "Kategori"]
# Totals: 4 × 11 + 1 = 45 (Tinggi) and 5 × 11 = 55 (Sangat Tinggi); mean 50,00.
KEMATANGAN_ROWS = [
    [1, "PD-01", "Sekretariat Daerah", 5, *[4] * 10, 45, "Tinggi"],
    [2, "PD-02", "Dinas Pendidikan", *[5] * 11, 55, "Sangat Tinggi"],
]


def kematangan_sheet(rows=KEMATANGAN_ROWS, *, rata=50, header=KEMATANGAN_HEADER) -> list[list]:
    """Rows 1-2 title, 3 header, 4 column numbers, data from row 5, then Rata-rata in Total (Q)."""
    numbers = [f"({k})" for k in range(1, len(header) + 1)]
    return [
        ["REKAPITULASI TINGKAT KEMATANGAN PERANGKAT DAERAH"],
        [],
        header,
        numbers,
        *rows,
        ["Rata-rata", *[None] * 13, rata],
        [],
        ["Keterangan: Tinggi 37,1-46; Sangat Tinggi 46,1-55"],
    ]


# Evaluasi kelembagaan 2025: Σ bobot/100 × nilai = 24 + 11,9 + 12 + 9,7 + 9,6 + 9,5 + 9,6 + 9,6 = 95,9.
EVALUASI_HEADER = ["No", "Tahun", "Dimensi", "Sub Dimensi", "Bobot (%)", "Nilai", "Nilai Tertimbang"]
EVALUASI_ROWS = [
    [1, "2025", "Dimensi Struktur", "Kompleksitas", 0.25, 96, 24],  # bobot as an Excel percentage
    [2, None, None, "Formalisasi", "12,5", "95,20", "11,90"],  # Tahun, Dimensi merged from above
    [3, None, None, "Sentralisasi", 12.5, 96, 12],
    [4, None, "Dimensi Proses", "Keselarasan (Alignment)", 10, 97, 9.7],
    [5, None, None, "Tata Kelola (Governance)", 10, 96, 9.6],
    [6, None, None, "Kepatuhan (Compliance)", 10, 95, 9.5],
    [7, None, None, "Manajemen Kinerja (Performance Management)", 10, 96, 9.6],
    [8, None, None, "Manajemen Risiko (Risk Management)", 10, 96, 9.6],
]


def evaluasi_sheet(rows=EVALUASI_ROWS, *, nek="95,90") -> list[list]:
    """Row 1 title, 2 header, data from row 3 (rows 3-10), total on row 11, a signature below."""
    return [
        ["HASIL EVALUASI KELEMBAGAAN"],
        EVALUASI_HEADER,
        *rows,
        ["Nilai Efektivitas Kelembagaan Tahun 2025", None, None, None, 100, None, nek],
        [],
        [None, None, None, None, None, "Kepala Bagian Organisasi"],
    ]


def kelembagaan_book(tmp_path, *, kematangan=None, evaluasi=None, extra=None) -> Path:
    sheets = {
        "Kematangan 2025": kematangan or kematangan_sheet(),
        "Evaluasi Kelembagaan": evaluasi or evaluasi_sheet(),
    }
    sheets.update(extra or {})
    return write_book(tmp_path / "kelembagaan.xlsx", sheets, formats={("Evaluasi Kelembagaan", "E3"): "0%"})


def test_kelembagaan_reads_both_tables(tmp_path, config):
    result = kelembagaan.read(kelembagaan_book(tmp_path), config)
    pd_table = result.tables["kelembagaan_pd"]
    assert pd_table["kode_pd"].tolist() == ["PD-01", "PD-02"]
    assert pd_table.loc[0, ["V01", "V02", "V11"]].tolist() == [5.0, 4.0, 4.0]
    assert pd_table["total_tercetak"].tolist() == [45.0, 55.0]
    assert pd_table["baris"].tolist() == [5, 6]
    pemda = result.tables["kelembagaan_pemda"]
    assert pemda["tahun"].tolist() == [2025] * 8  # "2025" typed as text, merged down
    assert pemda["dimensi"].tolist() == ["Struktur"] * 3 + ["Proses"] * 5
    assert pemda["bobot"].tolist() == [25.0, 12.5, 12.5, 10, 10, 10, 10, 10]
    assert pemda["nilai"].tolist()[:2] == [96.0, 95.2]
    assert len(result.quarantine) == 0
    kematangan_count, evaluasi_count = result.accounting
    assert dict(kematangan_count.dilewati) == {
        "judul": 2,
        "judul kolom": 1,
        "nomor kolom": 1,
        "baris rata-rata/jumlah": 1,
        "baris kosong": 1,
        "tanda tangan/catatan": 1,
    }
    assert kematangan_count.disimpan == 2 and kematangan_count.balanced
    assert evaluasi_count.dibaca == 13 and evaluasi_count.disimpan == 8 and evaluasi_count.balanced
    assert evaluasi_count.dilewati["baris rata-rata/jumlah"] == 1


def test_kelembagaan_variable_scored_6_is_quarantined(tmp_path, config):
    rows = [KEMATANGAN_ROWS[0], [2, "PD-02", "Dinas Pendidikan", 5, 5, 6, *[5] * 8, 56, "Sangat Tinggi"]]
    book = kelembagaan_book(tmp_path, kematangan=kematangan_sheet(rows))
    result = kelembagaan.read(book, config)
    assert result.tables["kelembagaan_pd"]["kode_pd"].tolist() == ["PD-01"]
    reasons = result.quarantine.to_dict("records")
    v3 = next(q for q in reasons if q["kolom"].startswith("F (V3"))
    assert (v3["sheet"], v3["baris"], v3["nilai"]) == ("Kematangan 2025", 6, "6.0")
    assert "rentang" in v3["alasan"]
    # The printed total 56 is also beyond 55; the row counts once in the accounting.
    assert result.accounting[0].dikarantina == 1 and result.accounting[0].balanced


def test_kelembagaan_missing_variable_column_is_structural(tmp_path, config):
    header = [*KEMATANGAN_HEADER[:13], "Catatan", "Total", "Kategori"]  # V11 replaced
    book = kelembagaan_book(tmp_path, kematangan=kematangan_sheet(header=header))
    with pytest.raises(StructuralError) as exc:
        kelembagaan.read(book, config)
    problem = one_problem(exc)
    assert (problem.sheet, problem.baris) == ("Kematangan 2025", 3)
    assert "['V11']" in problem.pesan


def test_kelembagaan_missing_evaluasi_sheet_is_structural(tmp_path, config):
    book = write_book(tmp_path / "kelembagaan.xlsx", {"Kematangan 2025": kematangan_sheet()})
    with pytest.raises(StructuralError) as exc:
        kelembagaan.read(book, config)
    assert "'Evaluasi Kelembagaan' tidak ada" in one_problem(exc).pesan


def test_kelembagaan_printed_nek_disagreeing_is_structural(tmp_path, config):
    book = kelembagaan_book(tmp_path, evaluasi=evaluasi_sheet(nek="96,10"))
    with pytest.raises(StructuralError) as exc:
        kelembagaan.read(book, config)
    problem = one_problem(exc)
    assert (problem.sheet, problem.baris, problem.kolom) == (
        "Evaluasi Kelembagaan",
        11,
        "G (Nilai Tertimbang)",
    )
    assert "tercetak 96,1 " in problem.pesan and "rincian 95,9 " in problem.pesan


def test_kelembagaan_rata_rata_disagreeing_is_structural(tmp_path, config):
    book = kelembagaan_book(tmp_path, kematangan=kematangan_sheet(rata="49,00"))
    with pytest.raises(StructuralError) as exc:
        kelembagaan.read(book, config)
    problem = one_problem(exc)
    assert (problem.baris, problem.kolom) == (7, "O (Total)")
    assert "tercetak 49 " in problem.pesan and "rincian 50 " in problem.pesan


def test_kelembagaan_year_not_a_year_is_quarantined(tmp_path, config):
    rows = [[1, "dua ribu", *EVALUASI_ROWS[0][2:]], *EVALUASI_ROWS[1:]]
    result = kelembagaan.read(kelembagaan_book(tmp_path, evaluasi=evaluasi_sheet(rows)), config)
    first = result.quarantine.to_dict("records")[0]
    assert (first["sheet"], first["baris"], first["kolom"]) == ("Evaluasi Kelembagaan", 3, "B (Tahun)")
    assert "tahun tidak dikenali" in first["alasan"]
    # The rows below have no year to inherit: each is quarantined, none is silently kept.
    assert result.accounting[-1].dikarantina == 8 and result.accounting[-1].balanced
    assert any("tidak diperiksa" in n for n in result.notes)


def test_kelembagaan_extra_sheet_ignored(tmp_path, config):
    book = kelembagaan_book(tmp_path, extra={"Sheet1": [["catatan rapat"]]})
    result = kelembagaan.read(book, config)
    assert result.notes == ["kelembagaan.xlsx: sheet 'Sheet1' tidak dikenal dan diabaikan"]


# ---------------------------------------------------------------------------------------------
# pembanding.xlsx
# ---------------------------------------------------------------------------------------------

PEMBANDING_HEADER = ["No", "Tahun", "Kode Indikator", "Indikator", "Entitas", "Nilai", "Keterangan"]
PEMBANDING_ROWS = [
    [
        1,
        2025,
        "PKP-1",
        "Nilai Rata-Rata SAKIP Perangkat Daerah",
        "Provinsi Jawa Timur",
        "-",
        "tidak tersedia",
    ],
    [2, "2025", "PKP-3", "IKM Pemerintah Daerah", "Provinsi Jawa Timur", 89.71, "Hasil SKM Provinsi"],
    [3, 2025, "sakip_opd", "Nilai SAKIP", "Kabupaten Mojokerto", "78,42", "ilustratif"],
]


def pembanding_sheet(rows=PEMBANDING_ROWS, header=PEMBANDING_HEADER) -> list[list]:
    """Row 1 title, 2 blank, 3 header, data from row 4, a source note below."""
    return [["ANGKA PEMBANDING"], [], header, *rows, [], ["Sumber: LKjIP 2025"]]


def test_pembanding_reads_dash_as_missing_and_text_year(tmp_path, config):
    path = write_book(tmp_path / "pembanding.xlsx", {"Pembanding": pembanding_sheet()})
    result = pembanding.read(path, config)
    table = result.tables["pembanding"]
    assert table["tahun"].tolist() == [2025, 2025, 2025]
    assert math.isnan(table["nilai"].iloc[0])  # "-": not available, never 0
    assert table["nilai"].tolist()[1:] == [89.71, 78.42]
    assert table["keterangan"].tolist()[2] == "ilustratif"
    assert table["baris"].tolist() == [4, 5, 6]
    (counted,) = result.accounting
    assert counted.dibaca == 8 and counted.disimpan == 3 and counted.balanced
    assert counted.dilewati["tanda tangan/catatan"] == 1


@pytest.mark.parametrize(
    ("nilai", "reason"),
    [("tinggi", "bukan angka"), (105, "rentang")],
)
def test_pembanding_bad_value_is_quarantined(tmp_path, config, nilai, reason):
    rows = [*PEMBANDING_ROWS[:2], [3, 2025, "sakip_opd", "Nilai SAKIP", "Kabupaten Mojokerto", nilai, "x"]]
    path = write_book(tmp_path / "pembanding.xlsx", {"Pembanding": pembanding_sheet(rows)})
    result = pembanding.read(path, config)
    (row,) = result.quarantine.to_dict("records")
    assert (row["sheet"], row["baris"], row["kolom"]) == ("Pembanding", 6, "F (Nilai)")
    assert reason in row["alasan"]
    assert result.accounting[0].dikarantina == 1 and result.accounting[0].balanced
    assert len(result.tables["pembanding"]) == 2


def test_pembanding_duplicate_is_quarantined(tmp_path, config):
    rows = [*PEMBANDING_ROWS, [4, 2025, "PKP-3", "IKM", "Provinsi Jawa Timur", 89.70, "salinan"]]
    path = write_book(tmp_path / "pembanding.xlsx", {"Pembanding": pembanding_sheet(rows)})
    result = pembanding.read(path, config)
    assert sorted(set(result.quarantine["baris"])) == [5, 7]
    assert all("duplikat" in a for a in result.quarantine["alasan"])
    assert result.accounting[0].dikarantina == 2 and result.accounting[0].balanced


def test_pembanding_missing_sheet_and_wrong_header(tmp_path, config):
    path = write_book(tmp_path / "pembanding.xlsx", {"Sheet1": pembanding_sheet()})
    with pytest.raises(StructuralError, match="sheet 'Pembanding' tidak ada"):
        pembanding.read(path, config)
    header = ["No", "Tahun", "Kode Indikator", "Indikator", "Pemerintah", "Nilai", "Keterangan"]
    path = write_book(tmp_path / "pembanding2.xlsx", {"Pembanding": pembanding_sheet(header=header)})
    with pytest.raises(StructuralError) as exc:
        pembanding.read(path, config)
    problem = one_problem(exc)
    assert problem.baris == 3 and "'Entitas'" in problem.pesan


def test_pembanding_without_rows_is_structural(tmp_path, config):
    path = write_book(tmp_path / "pembanding.xlsx", {"Pembanding": pembanding_sheet(rows=[])})
    with pytest.raises(StructuralError) as exc:
        pembanding.read(path, config)
    problem = one_problem(exc)
    assert (problem.sheet, problem.baris) == ("Pembanding", 3)
    assert "tidak ada baris data" in problem.pesan
