"""The synthetic budget workbook: reproducible, and holding the seed report's figures."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from openpyxl import load_workbook

from lkjip.core.config import load_config
from lkjip.ingest.readers import anggaran as reader
from lkjip.synthetic import anggaran as generator

CONFIG = load_config()

# Tabel III.4.A of the seed: anggaran, realisasi, printed capaian (84,40 is a typo for 84,49).
SEED_SUB_KEGIATAN = {
    "4.01.01.2.13.0001": (81_373_500, 57_921_700, 71.18),
    "4.01.01.2.13.0002": (100_613_435, 85_012_295, 84.40),
    "4.01.01.2.13.0003": (437_724_565, 399_549_077, 91.28),
    "4.01.01.2.13.0004": (127_146_670, 92_641_133, 72.86),
    "4.01.01.2.13.0005": (50_000_000, 47_949_920, 95.90),
}
SEED_PERSEN_RIWAYAT = {2021: 90.64, 2022: 96.49, 2023: 95.54, 2024: 96.35}


def plain_number(cell) -> float:
    """Independent of lkjip.ingest.parsing: Excel numbers, 'Rp. 81.373.500,00', '84,40 %', 0.7286 (0%)."""
    value = cell.value
    if isinstance(value, int | float):
        return value * 100 if "%" in cell.number_format else value
    text = re.sub(r"^Rp\.?\s*|\s*%$", "", value.strip())
    return float(text.replace(".", "").replace(",", "."))


@pytest.fixture(scope="module")
def workbook_path(tmp_path_factory) -> Path:
    [path] = generator.write(tmp_path_factory.mktemp("data"), CONFIG)
    return path


def test_generation_is_byte_identical(workbook_path, tmp_path):
    [again] = generator.write(tmp_path, CONFIG)
    assert again.name == "realisasi-anggaran.xlsx"
    assert again.read_bytes() == workbook_path.read_bytes()


def test_workbook_says_it_is_synthetic(workbook_path):
    wb = load_workbook(workbook_path)
    assert wb.sheetnames[0] == "Keterangan"
    assert wb["Keterangan"]["A1"].value == "DATA SINTETIS"
    titles = [c.value for row in wb["LRA 2025"].iter_rows(max_row=10) for c in row if c.value]
    assert any("DATA SINTETIS" in str(t) for t in titles)


def test_seed_budget_figures_recomputed_with_plain_openpyxl(workbook_path):
    ws = load_workbook(workbook_path)["LRA 2025"]
    found = {}
    for row in ws.iter_rows():
        kode = row[0].value
        if isinstance(kode, str) and re.fullmatch(r"4\.01\.01\.2\.13\.\d{4}", kode):
            found[kode] = tuple(plain_number(c) for c in row[2:5])
    assert found.keys() == SEED_SUB_KEGIATAN.keys()
    for kode, (anggaran, realisasi, persen) in SEED_SUB_KEGIATAN.items():
        assert found[kode] == pytest.approx((anggaran, realisasi, persen)), kode
    total_anggaran = sum(v[0] for v in found.values())
    total_realisasi = sum(v[1] for v in found.values())
    assert total_anggaran == 796_858_170
    assert total_realisasi == 683_074_125
    assert round(total_realisasi / total_anggaran * 100, 2) == 85.72
    jumlah = next(row for row in ws.iter_rows() if row[0].value == "JUMLAH")
    assert [plain_number(c) for c in jumlah[2:5]] == [796_858_170, 683_074_125, 85.72]


def test_earlier_years_round_to_the_seed_percentages(workbook_path):
    ws = load_workbook(workbook_path)["Rekap 2021-2024"]
    found = {}
    for row in ws.iter_rows():
        if isinstance(row[1].value, int) and 2000 < row[1].value < 2100:
            pagu, realisasi, persen = (plain_number(c) for c in row[2:5])
            assert round(realisasi / pagu * 100, 2) == persen
            found[row[1].value] = persen
    assert found == SEED_PERSEN_RIWAYAT


def test_sasaran_allocations_as_printed_in_the_seed(workbook_path):
    ws = load_workbook(workbook_path)["Anggaran per Sasaran"]
    rows = [r for r in ws.iter_rows() if isinstance(r[0].value, int)]
    printed = [(r[0].value, *(plain_number(c) for c in r[4:7])) for r in rows]
    assert printed == [
        (1, 227_760_105, 177_653_428, 78.68),
        (2, 81_373_500, 57_921_700, 71.18),
        (3, 487_724_565, 447_498_997, 93.59),
    ]
    lra = {
        r[0].value: plain_number(r[2]) for r in load_workbook(workbook_path)["LRA 2025"].iter_rows()
        if isinstance(r[0].value, str) and r[0].value.startswith("4.01.01.2.13.")
    }
    for row, (_, alokasi, _, _) in zip(rows, printed, strict=True):
        codes = [k.strip() for k in row[3].value.split(";")]
        assert sum(lra[k] for k in codes) == alokasi


def test_reader_reads_the_default_workbook_cleanly(workbook_path):
    result = reader.read(workbook_path, CONFIG)
    assert len(result.tables["anggaran"]) == 5
    assert len(result.quarantine) == 0
    assert all(a.balanced for a in result.accounting)
    assert len(result.tables["anggaran_riwayat"]) == 4
    assert len(result.tables["anggaran_sasaran_tercetak"]) == 3
    assert len(result.tables["peta_sasaran_anggaran"]) == 5
