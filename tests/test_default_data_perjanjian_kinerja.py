"""The synthetic Perjanjian Kinerja workbook: reproducible, and holding the seed report's figures."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from openpyxl import load_workbook

from lkjip.core.config import load_config
from lkjip.ingest.readers import perjanjian_kinerja as reader
from lkjip.synthetic import perjanjian_kinerja as generator

CONFIG = load_config()
NA = "N/A"
NONE = "-"

# The seed report (Ikhtisar Eksekutif, Tabel II.3.A/B, III.1.A/B, III.2.A/B): per indicator,
# realisasi 2021..2025 ("N/A" where the report prints N/A, "-" where it has no figure), the
# 2025 target and the printed capaian 2025.
SEED = {
    "PK 2021-2025": {
        "PK-1": ([NA, NA, 57, 57, 57], 57, 100),
        "PK-2": ([NA, 48, 48, 48, 48], 48, 100),
        "PK-3": ([48, 48, 48, 48, 48], 48, 100),
        "KL-1": ([90.64, 96.49, 95.54, 96.35, 85.72], 96.40, 88.92),
        "KL-2": ([84.37, 78.13, 91.25, 87.50, 84.44], 86.50, 97.62),
        "KL-3": ([2, 2, 3, 3, 3], 3, 100),
    },
    "PK Perubahan 2025-2029": {
        "PKP-1": ([NONE, NONE, NONE, 83.11, 83.78], 83.11, 100.81),
        "PKP-2": ([NONE, NONE, NONE, 95.9, 95.9], 95.9, 100),
        "PKP-3": ([NONE, NONE, NONE, 89.97, 90.87], 90.05, 100.91),
    },
}
SATUAN = {"PK-1": "PD/UKPD", "PK-2": "PD/UKPD", "PK-3": "PD/UKPD", "KL-1": "%",
          "KL-2": "Indeks", "KL-3": "Inovasi", "PKP-1": "Nilai", "PKP-2": "Nilai",
          "PKP-3": "Nilai"}


def plain(cell) -> object:
    """Independent of lkjip: Excel numbers (x 100 under a % format), '96,40%', '83.11',
    '3 Inovasi' as floats; 'N/A' and '-' as they are."""
    value = cell.value
    if isinstance(value, int | float):
        return round(value * 100, 6) if "%" in cell.number_format else value
    text = value.strip()
    if text in (NA, NONE):
        return text
    text = re.sub(r"\s*(%|Inovasi|PD/UKPD)$", "", text)
    return float(text.replace(",", "."))


def pk_table(ws) -> dict[str, dict]:
    """Read a PK sheet with bare openpyxl: kode -> {(year, 'Target'|'Realisasi'): cell, ...}."""
    [top] = [r for r in range(1, ws.max_row + 1) if ws.cell(r, 3).value == "Kode"]
    years: dict[int, int] = {}
    for c in range(1, ws.max_column + 1):
        sub = ws.cell(top + 1, c).value
        if sub in ("Target", "Realisasi"):
            # a year is merged over its two sub-columns: its value sits above "Target"
            year = ws.cell(top, c if sub == "Target" else c - 1).value
            years[c] = (int(year), sub)
    capaian = next(c for c in range(1, ws.max_column + 1)
                   if str(ws.cell(top, c).value).startswith("Capaian"))
    table = {}
    for r in range(top + 2, ws.max_row + 1):
        kode = ws.cell(r, 3).value
        if kode and re.match(r"^[A-Z]+-\d$", str(kode)):
            row = {key: ws.cell(r, c) for c, key in years.items()}
            row["capaian"] = ws.cell(r, capaian)
            row["satuan"] = ws.cell(r, 5).value
            row["jenis_row"] = r
            table[kode] = row
    return table


@pytest.fixture(scope="module")
def workbook_path(tmp_path_factory) -> Path:
    [path] = generator.write(tmp_path_factory.mktemp("data"), CONFIG)
    return path


@pytest.fixture(scope="module")
def workbook(workbook_path):
    return load_workbook(workbook_path)


def test_generation_is_byte_identical(workbook_path, tmp_path):
    [again] = generator.write(tmp_path, CONFIG)
    assert again.name == "perjanjian-kinerja.xlsx"
    assert again.read_bytes() == workbook_path.read_bytes()


def test_workbook_says_it_is_synthetic_and_explains_sumber_realisasi(workbook):
    assert workbook.sheetnames == [
        "Keterangan", "PK 2021-2025", "PK Perubahan 2025-2029", "Narasi Indikator",
        "Penjenjangan 2021-2025", "Penjenjangan 2025-2029",
    ]
    text = "\n".join(str(c.value) for c in workbook["Keterangan"]["A"] if c.value)
    assert text.startswith("DATA SINTETIS")
    assert "Sumber Realisasi" in text
    for key in ("manual", "skm_unit_minimal_baik", "ikm_pemda", "persen_realisasi_anggaran"):
        assert f"  {key} - " in text


@pytest.mark.parametrize("sheet", list(SEED))
def test_pk_sheets_hold_the_seed_figures(workbook, sheet):
    table = pk_table(workbook[sheet])
    assert list(table) == list(SEED[sheet])
    for kode, (realisasi, target, capaian) in SEED[sheet].items():
        row = table[kode]
        got = [plain(row[(year, "Realisasi")]) for year in range(2021, 2026)]
        assert got == pytest.approx(realisasi), kode
        assert plain(row[(2025, "Target")]) == pytest.approx(target), kode
        assert plain(row["capaian"]) == pytest.approx(capaian), kode
        # targets of earlier years are not in the seed: left as "-", never a made-up number
        assert [row[(year, "Target")].value for year in range(2021, 2025)] == [NONE] * 4
        assert row["satuan"] == SATUAN[kode]


def test_kinerja_lainnya_section_sits_between_main_and_other_indicators(workbook):
    ws = workbook["PK 2021-2025"]
    table = pk_table(ws)
    section = [r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == "KINERJA LAINNYA"]
    assert len(section) == 1
    assert table["PK-3"]["jenis_row"] < section[0] < table["KL-1"]["jenis_row"]


def test_some_numbers_are_typed_as_indonesian_text(workbook):
    table = pk_table(workbook["PK 2021-2025"])
    assert table["KL-1"][(2025, "Target")].value == "96,40%"
    assert table["KL-1"][(2023, "Realisasi")].number_format == "0.00%"
    assert table["PK-1"][(2021, "Realisasi")].value == NA
    perubahan = pk_table(workbook["PK Perubahan 2025-2029"])
    assert perubahan["PKP-1"][(2025, "Target")].value == "83,11"


def test_narasi_has_every_indicator_and_kendala_only_below_target(workbook):
    ws = workbook["Narasi Indikator"]
    [header] = [r for r in range(1, ws.max_row + 1) if ws.cell(r, 3).value == "Kode"]
    labels = {ws.cell(header, c).value: c for c in range(1, ws.max_column + 1)}
    rows = {ws.cell(r, labels["Kode"]).value: r for r in range(header + 1, ws.max_row + 1)}
    assert sorted(rows) == sorted([*SEED["PK 2021-2025"], *SEED["PK Perubahan 2025-2029"]])
    with_kendala = {k for k, r in rows.items() if ws.cell(r, labels["Kendala"]).value}
    with_solusi = {k for k, r in rows.items() if ws.cell(r, labels["Solusi"]).value}
    assert with_kendala == with_solusi == {"KL-1", "KL-2"}  # capaian 88,92 % and 97,62 %
    for kode, r in rows.items():
        assert ws.cell(r, labels["Upaya"]).value, kode
    assert ws.cell(rows["KL-1"], labels["Formulasi"]).value == (
        "Realisasi anggaran / Pagu anggaran x 100%"
    )


def test_penjenjangan_follows_the_cascade_of_tabel_ii_1(workbook):
    ws = workbook["Penjenjangan 2021-2025"]
    rows = [[c.value for c in row] for row in ws.iter_rows(min_row=7)]
    assert rows[0][1:] == ["Tujuan", "Mewujudkan Integritas Sistem Akuntabilitas Kinerja "
                           "Instansi Pemerintah di Kabupaten Mojokerto",
                           "Nilai SAKIP Pemerintah Daerah", "79,05"]
    assert [r[1] for r in rows].count("Sasaran") == 2
    assert ["Kegiatan", "Penataan Organisasi", "Jumlah PD/UKPD dengan nilai SKM minimal baik",
            "57 PD/UKPD"] in [r[1:] for r in rows]
    perubahan = [[c.value for c in row] for row in
                 workbook["Penjenjangan 2025-2029"].iter_rows(min_row=7)]
    assert perubahan[0][1:] == ["Tujuan", "Mewujudkan Tata Kelola Pemerintahan yang "
                                "Berintegritas, Transparan, Akuntabel dan Responsif",
                                "Indeks Reformasi Birokrasi", "86,36"]
    assert [r[4] for r in perubahan if r[2] == "Penataan Organisasi"] == ["83,11", "95,9", "90,05"]


def test_reader_keeps_every_row(workbook_path):
    result = reader.read(workbook_path, CONFIG)
    pk = result.tables["perjanjian_kinerja"]
    assert len(pk) == (6 + 3) * 5
    assert len(result.quarantine) == 0
    assert all(a.balanced and a.dikarantina == 0 for a in result.accounting)
    assert len(result.tables["narasi_indikator"]) == 9
    assert result.tables["penjenjangan"].groupby("periode").size().to_dict() == {
        "2021-2025": 14, "2025-2029": 13,
    }
    lainnya = pk.loc[pk["jenis"] == "lainnya", "kode_indikator"].unique().tolist()
    assert lainnya == ["KL-1", "KL-2", "KL-3"]
    assert result.notes == []
