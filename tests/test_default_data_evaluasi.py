"""The synthetic SAKIP, kelembagaan and comparison workbooks reproduce the seed report's figures.

The figures are recomputed with plain openpyxl (no lkjip reader code), so a reader bug cannot
hide a generator bug; then the readers must keep every row.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from lkjip.core.config import load_config
from lkjip.ingest.readers import kelembagaan, pembanding, sakip
from lkjip.synthetic import evaluasi

FILES = ["sakip.xlsx", "kelembagaan.xlsx", "pembanding.xlsx"]


@pytest.fixture(scope="module")
def config():
    return load_config()


@pytest.fixture(scope="module")
def raw(tmp_path_factory, config) -> Path:
    out = tmp_path_factory.mktemp("raw")
    written = evaluasi.write(out, config)
    assert sorted(p.name for p in written) == sorted(FILES)
    return out


def _number(value) -> float:
    # Staff type some scores as Indonesian text ("83,45"); read them back by hand here.
    return float(value.replace(",", ".")) if isinstance(value, str) else float(value)


def _rows_below(ws, header: str):
    """Rows under the header row whose first cell is ``header``, until the first non-numbered row."""
    rows = list(ws.iter_rows(values_only=True))
    start = next(i for i, r in enumerate(rows) if r[0] == header) + 1
    out = []
    for row in rows[start:]:
        if isinstance(row[0], str) and row[0].startswith("("):
            continue  # the "(1) (2) ..." column-number row
        if not isinstance(row[0], int):
            break
        out.append(row)
    return out


def test_regeneration_is_byte_identical(raw, tmp_path, config):
    again = evaluasi.write(tmp_path, config)
    for path in again:
        assert path.read_bytes() == (raw / path.name).read_bytes(), path.name


def test_every_workbook_says_it_is_synthetic(raw):
    for name in FILES:
        wb = load_workbook(raw / name)
        assert wb.sheetnames[0] == "Keterangan"
        assert "DATA SINTETIS" in str(wb["Keterangan"]["A1"].value)


def test_sakip_48_pd_all_minimal_baik_and_seed_means(raw):
    wb = load_workbook(raw / "sakip.xlsx")
    means = {}
    for tahun in range(2021, 2026):
        rows = _rows_below(wb[f"SAKIP {tahun}"], "No")
        scores = [_number(r[3]) for r in rows]
        assert len(scores) == 48
        assert len({r[1] for r in rows}) == 48  # distinct Kode PD
        assert min(scores) > 60  # predikat B or better: all 48 "minimal baik"
        means[tahun] = round(sum(scores) / len(scores), 2)
        setda = next(r for r in rows if r[2] == "Sekretariat Daerah")
        if tahun == 2025:
            assert _number(setda[3]) == 86.19
            assert setda[4] == "A"
        if tahun == 2024:
            assert _number(setda[3]) == 86.10
        assert not any("Kecamatan" in r[2] for r in rows)
    assert means[2025] == 83.78
    assert means[2024] == 83.11
    # Some scores are stored as Indonesian text, as typed by staff.
    texts = [r[3] for r in _rows_below(wb["SAKIP 2025"], "No") if isinstance(r[3], str)]
    assert texts and all("," in t for t in texts)


def test_kematangan_48_pd_minimal_tinggi_each_year(raw):
    wb = load_workbook(raw / "kelembagaan.xlsx")
    for tahun in range(2022, 2026):
        rows = _rows_below(wb[f"Kematangan {tahun}"], "No")
        assert len(rows) == 48
        for row in rows:
            variables = row[3:14]
            assert all(1 <= v <= 5 for v in variables)
            assert sum(variables) == row[14]  # the printed Total
            assert sum(variables) >= 37.1
            assert row[15] in {"Tinggi", "Sangat Tinggi"}


def test_nilai_efektivitas_kelembagaan_is_95_9_in_2024_and_2025(raw):
    ws = load_workbook(raw / "kelembagaan.xlsx")["Evaluasi Kelembagaan"]
    nek: dict[int, float] = {}
    bobot: dict[int, float] = {}
    tahun = None
    for row in ws.iter_rows(min_row=6, values_only=True):
        if isinstance(row[1], int):
            tahun = row[1]
        if isinstance(row[0], int):
            nek[tahun] = nek.get(tahun, 0) + row[4] / 100 * row[5]
            bobot[tahun] = bobot.get(tahun, 0) + row[4]
    assert {t: round(v, 2) for t, v in nek.items()} == {2024: 95.90, 2025: 95.90}
    assert bobot == {2024: 100, 2025: 100}


def test_pembanding_figures(raw):
    ws = load_workbook(raw / "pembanding.xlsx")["Pembanding"]
    rows = [r for r in ws.iter_rows(min_row=5, values_only=True) if isinstance(r[0], int)]
    by_key = {(r[1], r[2], r[4]): r for r in rows}
    ikm = by_key[(2025, "PKP-3", "Provinsi Jawa Timur")]
    assert ikm[5] == 89.71
    assert "ilustratif" not in ikm[6]
    assert by_key[(2025, "PKP-1", "Provinsi Jawa Timur")][5] == "-"
    assert by_key[(2025, "PKP-2", "Provinsi Jawa Timur")][5] == "-"
    for tahun in (2024, 2025):
        setda = by_key[(tahun, "sakip_opd", "Sekretariat Daerah")][5]
        kabupaten = by_key[(tahun, "sakip_opd", "Kabupaten Mojokerto")]
        provinsi = by_key[(tahun, "sakip_opd", "Provinsi Jawa Timur")]
        assert kabupaten[5] < setda < provinsi[5]
        assert kabupaten[6] == provinsi[6] == "ilustratif"
    assert by_key[(2025, "sakip_opd", "Sekretariat Daerah")][5] == 86.19
    assert by_key[(2024, "sakip_opd", "Sekretariat Daerah")][5] == 86.10
    for tahun in (2023, 2024):
        assert by_key[(tahun, "PKP-3", "Provinsi Jawa Timur")][6] == "ilustratif"


def test_readers_keep_every_row(raw, config):
    result = sakip.read(raw / "sakip.xlsx", config)
    assert len(result.quarantine) == 0
    table = result.tables["sakip_pd"]
    assert table.groupby("tahun").size().to_dict() == {t: 48 for t in range(2021, 2026)}
    assert round(table.loc[table["tahun"] == 2025, "nilai"].mean(), 2) == 83.78
    assert all(a.balanced and a.dikarantina == 0 for a in result.accounting)

    result = kelembagaan.read(raw / "kelembagaan.xlsx", config)
    assert len(result.quarantine) == 0
    pd_table = result.tables["kelembagaan_pd"]
    assert pd_table.groupby("tahun").size().to_dict() == {t: 48 for t in range(2022, 2026)}
    pemda = result.tables["kelembagaan_pemda"]
    assert pemda.groupby("tahun").size().to_dict() == {2024: 8, 2025: 8}
    assert all(a.balanced and a.dikarantina == 0 for a in result.accounting)

    result = pembanding.read(raw / "pembanding.xlsx", config)
    assert len(result.quarantine) == 0
    assert len(result.tables["pembanding"]) == 11
    assert result.accounting[0].balanced
    assert not result.notes
