"""The default SKM data: byte-identical on regeneration, and the seed's IKM recomputed by hand.

The IKM checks read the generated workbooks with plain openpyxl and apply PermenPANRB 14/2017
directly (NRR = mean of the answers given per unsur, blanks and "-" left out; IKM = Σ NRR/9 × 25),
so they do not depend on the project's reader or engine.
"""

from __future__ import annotations

import math
from collections import defaultdict
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from lkjip.core.config import load_config
from lkjip.core.paths import paths
from lkjip.ingest.readers import skm as skm_reader
from lkjip.ingest.readers import skm_riwayat
from lkjip.synthetic import skm

CONFIG = load_config(paths().config)
UNSUR = [f"U{i}" for i in range(1, 10)]
MINIMAL_BAIK = 76.61


def half_up(value: float) -> Decimal:
    return Decimal(repr(value)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


@pytest.fixture(scope="module")
def generated(tmp_path_factory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("skm")
    return {p.name: p for p in skm.write(out, CONFIG)}


@pytest.fixture(scope="module")
def by_unit(generated) -> dict[str, dict]:
    """Per unit code: answers per unsur (given values only), respondents, unit name."""
    ws = load_workbook(generated["skm-responden-2025.xlsx"], read_only=True)["Responden"]
    rows = ws.iter_rows(values_only=True)
    for header in rows:
        if header and "Kode Unit" in header and "U9" in header:
            break
    col = {name: i for i, name in enumerate(header)}
    units: dict[str, dict] = defaultdict(lambda: {"answers": defaultdict(list), "n": 0})
    for row in rows:
        if row[col["Kode Unit"]] is None:
            continue
        unit = units[row[col["Kode Unit"]]]
        unit["n"] += 1
        for u in UNSUR:
            value = row[col[u]]
            if isinstance(value, int):  # blank cells and "-" are not answers
                assert 1 <= value <= 4
                unit["answers"][u].append(value)
    return dict(units)


def ikm(unit: dict) -> float:
    nrr = [sum(unit["answers"][u]) / len(unit["answers"][u]) for u in UNSUR]
    return sum(nrr) / 9 * 25


def test_regeneration_is_byte_identical(generated, tmp_path):
    again = {p.name: p for p in skm.write(tmp_path, CONFIG)}
    assert sorted(again) == ["skm-responden-2025.xlsx", "skm-riwayat.xlsx"]
    for name, path in again.items():
        assert path.read_bytes() == generated[name].read_bytes(), name


def test_workbooks_say_they_are_synthetic(generated):
    for path in generated.values():
        wb = load_workbook(path, read_only=True)
        assert wb.sheetnames[0] == "Keterangan"
        assert "DATA SINTETIS" in str(next(wb["Keterangan"].iter_rows(values_only=True))[0])


def test_57_units_all_at_least_baik(by_unit):
    assert len(by_unit) == 57
    values = {kode: ikm(unit) for kode, unit in by_unit.items()}
    assert min(values.values()) >= MINIMAL_BAIK


def test_ikm_pemda_2025_is_90_87_rounded_before_or_after(by_unit):
    values = [ikm(unit) for unit in by_unit.values()]
    assert half_up(sum(values) / 57) == Decimal("90.87")
    rounded = [float(half_up(v)) for v in values]
    assert half_up(sum(rounded) / 57) == Decimal("90.87")


def test_respondent_counts_vary_and_some_are_below_krejcie_morgan(generated, by_unit):
    ws = load_workbook(generated["skm-responden-2025.xlsx"], read_only=True)["Unit"]
    populasi = {row[1]: row[3] for row in ws.iter_rows(min_row=4, values_only=True) if row[1]}
    assert set(populasi) == set(by_unit)

    def minimum(n: int) -> int:  # Krejcie–Morgan, χ² 3,841, P 0,5, d 0,05
        return math.ceil(3.841 * n * 0.25 / (0.05**2 * (n - 1) + 3.841 * 0.25))

    counts = [unit["n"] for unit in by_unit.values()]
    assert min(counts) <= 10 and max(counts) <= 400
    below = [k for k, unit in by_unit.items() if unit["n"] < minimum(populasi[k])]
    assert 0 < len(below) < 57 // 2


def test_riwayat_2023_and_2024(generated):
    wb = load_workbook(generated["skm-riwayat.xlsx"], read_only=True)
    means = {}
    for tahun in (2023, 2024):
        rows = list(wb[f"IKM {tahun}"].iter_rows(values_only=True))
        start = next(i for i, r in enumerate(rows) if r and r[0] == "No") + 1
        values = [r[4] for r in rows[start:] if r and r[1]]
        assert len(values) == 57 and min(values) >= MINIMAL_BAIK
        means[tahun] = sum(values) / 57
    assert half_up(means[2024]) == Decimal("89.97")
    assert 88 < means[2023] < means[2024]


def test_reader_keeps_every_row_and_no_personal_data(generated, by_unit):
    result = skm_reader.read(generated["skm-responden-2025.xlsx"], CONFIG)
    df = result.tables["skm_responden"]
    assert result.quarantine.empty
    assert len(df) == sum(unit["n"] for unit in by_unit.values())
    assert all(a.balanced and a.dikarantina == 0 for a in result.accounting)
    assert len(result.tables["skm_unit"]) == 57
    assert not [c for c in df.columns if "nama" in c.lower() or "hp" in c.lower()]
    text_columns = df.select_dtypes("string")
    assert not text_columns.apply(lambda c: c.str.startswith("Responden 0").any()).any()
    assert not text_columns.apply(lambda c: c.str.contains(r"^0812-", regex=True).any()).any()
    assert any("Nama Responden" in n and "No. HP" in n for n in result.notes)

    riwayat = skm_riwayat.read(generated["skm-riwayat.xlsx"], CONFIG)
    assert riwayat.quarantine.empty
    assert riwayat.tables["skm_unit_riwayat"].groupby("tahun").size().to_dict() == {2023: 57, 2024: 57}


def test_bulk_export_is_deterministic_and_readable(tmp_path):
    first = skm.write_bulk(tmp_path / "a.xlsx", 3_000, seed=5, rusak=3)
    again = skm.write_bulk(tmp_path / "b.xlsx", 3_000, seed=5, rusak=3)
    assert first.read_bytes() == again.read_bytes()
    result = skm_reader.read(first, CONFIG)
    (tally, _) = result.accounting
    assert (tally.dibaca, tally.disimpan, tally.dikarantina) == (3_000, 2_997, 3)
    assert set(result.quarantine["alasan"]) == {"umur 'tiga puluh' bukan angka"}
    assert set(result.quarantine["kolom"]) == {"H (Umur)"}


def test_bulk_exports_of_disjoint_units_share_no_respondent(tmp_path):
    paths = [
        skm.write_bulk(tmp_path / f"{i}.xlsx", 500, seed=i, n_units=2, first_unit=2 * i)
        for i in range(3)
    ]
    combined = skm_reader.read_many(paths, CONFIG, workers=1)
    assert combined.quarantine.empty
    assert list(combined.tables["skm_unit"]["kode_unit"]) == [f"UL-0{i}" for i in range(1, 7)]
