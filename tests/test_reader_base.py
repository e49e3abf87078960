"""What every reader shares: workbook checks, header search, located problems, row accounting."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from lkjip.core.config import load_config
from lkjip.ingest.problems import Problem, RowAccounting, StructuralError
from lkjip.ingest.readers import anggaran, pembanding, perjanjian_kinerja, sakip, skm
from lkjip.ingest.readers._base import column_label, find_header_row, open_workbook

CONFIG = load_config()
READERS = [anggaran.read, sakip.read, pembanding.read, perjanjian_kinerja.read, skm.read]


def _valid_workbook(path: Path) -> Path:
    wb = openpyxl.Workbook()
    wb.active.append(["No", "Nilai"])
    wb.save(path)
    return path


def _ole2(path: Path) -> Path:
    # An old .xls is an OLE2 compound file.
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504)
    return path


def _encrypted(path: Path) -> Path:
    # Excel saves a password-protected .xlsx as an OLE2 file whose directory names the
    # stream "EncryptedPackage" (UTF-16).
    path.write_bytes(
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504 + "EncryptedPackage".encode("utf-16-le")
    )
    return path


def _truncated(path: Path) -> Path:
    data = _valid_workbook(path).read_bytes()
    path.write_bytes(data[: len(data) // 2])
    return path


@pytest.mark.parametrize(
    ("make", "expected"),
    [
        (lambda p: (p.write_bytes(b""), p)[1], "berkas kosong (0 byte)"),
        (lambda p: (p.write_text("No;Nilai\n1;80\n", encoding="utf-8"), p)[1], "bukan workbook Excel"),
        (_ole2, "format Excel lama (.xls)"),
        (_encrypted, "workbook berkata sandi"),
        (_truncated, "berkas .xlsx terpotong atau rusak"),
    ],
    ids=["kosong", "csv-diganti-nama", "xls-lama", "berkata-sandi", "terpotong"],
)
@pytest.mark.parametrize("read", READERS, ids=lambda r: r.__module__.rsplit(".", 1)[-1])
def test_every_reader_rejects_a_file_that_is_not_a_usable_workbook(tmp_path, make, expected, read):
    path = make(tmp_path / "ekspor.xlsx")
    with pytest.raises(StructuralError) as err:
        read(path, CONFIG)
    assert err.value.problems[0].berkas == "ekspor.xlsx"
    assert expected in str(err.value)


def test_a_zip_that_is_not_a_workbook_is_reported_as_such(tmp_path):
    import zipfile

    path = tmp_path / "arsip.xlsx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("catatan.txt", "bukan workbook")
    with pytest.raises(StructuralError, match=r"arsip\.xlsx: arsip zip tanpa xl/workbook\.xml"):
        open_workbook(path)


def test_header_is_found_by_labels_whatever_the_title_rows():
    rows = [["LAPORAN"], [None], ["Kode", "Uraian", "Nilai"], [1, "x", 2]]
    assert find_header_row(rows, ["kode", "NILAI"], berkas="b.xlsx", sheet="S") == 2


def test_missing_header_label_names_the_row_and_the_label():
    rows = [["Judul"], ["Kode", "Uraian", "Realisai"]]
    with pytest.raises(StructuralError) as err:
        find_header_row(rows, ["Kode", "Realisasi"], berkas="b.xlsx", sheet="S")
    assert str(err.value) == (
        "b.xlsx, sheet 'S', baris 2: kolom wajib tidak ditemukan pada baris judul: ['Realisasi']"
    )


def test_problem_text_names_file_sheet_row_column_and_value():
    problem = Problem("skm.xlsx", "jawaban harus 1–4", sheet="Responden", baris=12, kolom="N (U5)", nilai=5)
    assert str(problem) == "skm.xlsx, sheet 'Responden', baris 12, kolom N (U5): jawaban harus 1–4 [nilai: 5]"
    assert column_label(13, "U5") == "N (U5)"


def test_row_accounting_balances_only_when_every_row_is_placed():
    accounting = RowAccounting("a.xlsx", "S", dibaca=10, disimpan=6, dikarantina=1)
    accounting.skip("judul", 2)
    assert not accounting.balanced
    accounting.skip("kosong")
    assert accounting.balanced
    assert (
        str(accounting) == "a.xlsx [S]: dibaca 10 = disimpan 6 + dikarantina 1 + dilewati (judul 2, kosong 1)"
    )
