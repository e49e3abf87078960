"""The reviu compares each printed figure at the precision it was printed with (issue 10, item 4).

The readers record, for every printed percentage, how many decimals its cell showed
(``desimal_tercetak``: from the text as typed, or from the number format of a number cell);
the reviu then checks 93,6 at one decimal and 94 at none, instead of assuming two decimals.
"""

from __future__ import annotations

import pandas as pd
import pytest
import test_reader_anggaran as lra
import test_reader_perjanjian_kinerja as pkr
from test_reviu import _base, _reviu

from lkjip.core.config import load_config
from lkjip.core.rounding import cell_decimals
from lkjip.ingest.readers import anggaran, perjanjian_kinerja


@pytest.fixture(scope="module")
def config():
    return load_config().with_year(2025)


@pytest.mark.parametrize(
    ("value", "number_format", "expected"),
    [
        ("93,6 %", None, 1),
        ("93,6%", None, 1),
        ("84,40", None, 2),
        ("100", None, 0),
        ("Rp. 81.373.500,00", None, 2),
        ("1.234.567", None, 0),  # Indonesian grouping, no decimals
        ("93.63", None, 2),  # English decimal point
        ("1,234.5", None, 1),
        (0.936, "0.0%", 1),  # Excel shows 93,6%
        (0.9363, "0.00%", 2),
        (93.63, "0", 0),  # shows 94
        (93.63, "#,##0.000", 3),
        (93.63, '0.0" %";[Red]-0.0" %"', 1),
        (93.6, "General", 1),
        (100, "General", 0),
        (None, "0.00", None),
        ("-", None, None),
    ],
)
def test_cell_decimals_reads_the_text_or_the_number_format(value, number_format, expected):
    assert cell_decimals(value, number_format) == expected


def test_budget_reader_records_the_printed_decimals(tmp_path):
    def edit(wb):
        ws = wb["LRA 2025"]
        ws["E8"] = "80,0 %"  # typed with one decimal
        ws["E9"].value, ws["E9"].number_format = 0.8, "0%"  # shown as 80%
        rekap = wb["Rekap 2023-2024"]
        rekap["E5"].value, rekap["E5"].number_format = 95.0, "0.0"  # shown as 95,0

    result = anggaran.read(lra.build(tmp_path, edit=edit), lra.CONFIG)
    assert result.tables["anggaran"]["desimal_tercetak"].tolist() == [1, 0]
    # "90,00%" typed; 95 with format 0.0
    assert result.tables["anggaran_riwayat"]["desimal_tercetak"].tolist() == [2, 1]
    # "80,00 %" and "80" typed
    assert result.tables["anggaran_sasaran_tercetak"]["desimal_tercetak"].tolist() == [2, 0]


def test_agreement_reader_records_the_printed_decimals_of_the_capaian(tmp_path):
    def edit(wb):
        ws = wb[pkr.PK]
        ws["R6"] = "93,6 %"  # PK-2, typed with one decimal
        ws["R9"].value, ws["R9"].number_format = 0.9762, "0.0%"  # KL-2, shown as 97,6%

    result = perjanjian_kinerja.read(pkr.build(tmp_path, edit=edit), pkr.CONFIG)
    kodes = ("PK-1", "PK-2", "KL-1", "KL-2")
    shown = {kode: pkr.value(result, kode, 2025, "desimal_tercetak") for kode in kodes}
    assert shown == {"PK-1": 0, "PK-2": 1, "KL-1": 2, "KL-2": 1}  # 100, 93,6 %, 88,92%, 97,6%
    assert pkr.value(result, "KL-2", 2025, "capaian_tercetak") == pytest.approx(97.62)
    # earlier years print no capaian: no precision either
    assert pd.isna(pkr.value(result, "PK-2", 2024, "desimal_tercetak"))


def _persen_anggaran(printed: float, desimal: int | None) -> dict[str, pd.DataFrame]:
    """The tiny consistent input with sub-kegiatan K.2 at 93,63 % (280.890 / 300.000)."""
    clean = _base()
    clean["anggaran"] = clean["anggaran"].assign(
        realisasi=[150_000.0, 280_890.0],
        persen_tercetak=[75.0, printed],
        desimal_tercetak=pd.array([2, desimal], dtype="Int64"),
    )
    # keep the sasaran table consistent: 430.890 / 500.000 = 86,178 %
    clean["anggaran_sasaran_tercetak"] = clean["anggaran_sasaran_tercetak"].assign(
        realisasi_tercetak=[430_890.0], capaian_tercetak=[86.18]
    )
    return clean


@pytest.mark.parametrize(
    ("printed", "desimal", "findings"),
    [
        (93.6, 1, 0),  # "93,6": 93,63 rounds to 93,6 at one decimal
        (93.6, 2, 1),  # "93,60": differs from 93,63 at two decimals
        (93.7, 1, 1),  # "93,7" is wrong at one decimal too
        (94.0, 0, 0),  # "94": 93,63 rounds to 94
        (93.0, 0, 1),  # "93" is wrong at zero decimals
        (93.63, 2, 0),
        (93.6, None, 1),  # precision unknown (older tables): two decimals assumed, as before
    ],
)
def test_reviu_compares_at_the_printed_precision(config, printed, desimal, findings):
    found = _reviu(_persen_anggaran(printed, desimal), config)
    assert len(found) == findings, found[["jenis", "nilai_tercetak", "nilai_hitung"]].to_string()


def test_finding_shows_the_figure_as_printed_and_its_tolerance(config):
    found = _reviu(_persen_anggaran(93.7, 1), config)
    [finding] = found.itertuples(index=False)
    assert (finding.nilai_tercetak, finding.nilai_hitung) == ("93,7", "93,6")
    assert finding.toleransi == pytest.approx(0.05)
    assert "tercetak 93,7 %" in finding.penjelasan
    assert "= 93,63 %" in finding.penjelasan


def test_reviu_of_an_agreement_capaian_printed_with_one_decimal(config):
    # PKP-9 of the tiny input: target 10, realisasi 9,5 -> capaian 95 %; printed 95,0 vs 95,04
    clean = _base()
    pk = clean["perjanjian_kinerja"]
    pk = pk.assign(desimal_tercetak=pd.array([pd.NA] * len(pk), dtype="Int64"))
    row = pk.index[pk["kode_indikator"] == "PKP-9"][0]
    pk.loc[row, ["realisasi", "capaian_tercetak"]] = [9.504, 95.0]
    pk.loc[row, "desimal_tercetak"] = 1
    clean["perjanjian_kinerja"] = pk
    assert _reviu(clean, config).empty  # 95,04 is 95,0 at one decimal
    pk.loc[row, "desimal_tercetak"] = 2
    found = _reviu(clean, config)
    assert found["jenis"].tolist() == ["capaian_indikator"]  # 95,00 vs 95,04
