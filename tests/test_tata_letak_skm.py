"""Survey exports as offices produce them (Google Forms, e-SKM "Format Permenpan") give the
default run's IKM: every respondent of the default data laid out by code, read, and compared."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest
from tata_letak import PERTANYAAN, format_permenpan, google_forms

from lkjip.core.config import load_config
from lkjip.core.paths import paths
from lkjip.ingest.layouts.skm import KATA_JAWABAN, konsep, unsur_kolom
from lkjip.ingest.problems import StructuralError
from lkjip.ingest.readers import skm

CONFIG = load_config()
UNSUR = [u.kolom for u in CONFIG.skm.unsur]


@pytest.fixture(scope="module")
def default_responden() -> pd.DataFrame:
    path = next(paths().raw.glob("skm-responden*.xlsx"))
    return skm.read(path, CONFIG).tables["skm_responden"]


def _means(frame: pd.DataFrame) -> pd.DataFrame:
    """Per unit name: respondents and the mean answer of each unsur (what the IKM is made of)."""
    grouped = frame.groupby("unit", sort=True)
    return grouped[UNSUR].mean().assign(n=grouped.size()).round(12)


def test_every_question_is_matched_by_what_it_asks_not_by_its_place():
    targets = unsur_kolom(CONFIG)
    assert [targets[konsep(q)] for _, q, _ in PERTANYAAN] == [k for k, _, _ in PERTANYAAN]
    assert targets["sarana"] == "U9" and targets["pengaduan"] == "U8"  # question 8 -> U9, 9 -> U8
    assert {KATA_JAWABAN[w.lower()] for _, _, words in PERTANYAAN for w in words[:1]} == {1}
    assert {KATA_JAWABAN[w.lower()] for _, _, words in PERTANYAAN for w in words[3:]} == {4}


@pytest.mark.parametrize("as_words", [True, False], ids=["kata", "angka"])
def test_google_forms_export_reads_every_answer(tmp_path, default_responden, as_words):
    sample = default_responden.groupby("kode_unit").head(30)
    path = google_forms(tmp_path / "skm-responden-2025.xlsx", sample, as_words=as_words)
    result = skm.read(path, CONFIG)
    table = result.tables["skm_responden"]
    assert len(result.quarantine) == 0, result.quarantine.head().to_dict("records")
    pd.testing.assert_frame_equal(_means(table), _means(sample))
    assert set(table["tahun"]) == {2025}
    # The unit's name stands in for its code until the data step finds the code in a register.
    assert result.kode_dari_nama == {path.name}
    assert (table["kode_unit"] == table["unit"]).all()
    assert any("tata letak Google Forms dikenali" in n for n in result.notes)
    [acc] = [a for a in result.accounting if a.sheet == "Respons Formulir 1"]
    assert acc.balanced and acc.disimpan == len(sample)


def test_unknown_answer_word_is_quarantined_naming_the_word_and_the_question(tmp_path, default_responden):
    sample = default_responden.groupby("kode_unit").head(2).copy()
    path = google_forms(tmp_path / "skm-responden-2025.xlsx", sample)
    from openpyxl import load_workbook

    wb = load_workbook(path)
    wb.active["J2"] = "Lumayan"
    wb.save(path)
    result = skm.read(path, CONFIG)
    [row] = result.quarantine.to_dict("records")
    assert row["baris"] == 2 and row["nilai"] == "Lumayan"
    assert row["kolom"].startswith("J (U1: 1. Bagaimana pendapat Saudara")


def test_format_permenpan_of_one_unit(tmp_path, default_responden):
    unit = default_responden["unit"].iloc[0]
    rows = default_responden[default_responden["unit"] == unit]
    path = format_permenpan(tmp_path / "skm-responden-2025-unit.xlsx", unit, rows)
    result = skm.read(path, CONFIG)
    table = result.tables["skm_responden"]
    assert len(result.quarantine) == 0
    pd.testing.assert_frame_equal(_means(table), _means(rows))
    [acc] = result.accounting[:1]
    assert acc.balanced and acc.dilewati["baris NRR/IKM tercetak"] == 6
    assert set(table["unit"]) == {unit}


def test_neither_layout_names_what_is_expected(tmp_path):
    from openpyxl import Workbook

    wb = Workbook()
    wb.active.title = "Data"
    wb.active.append(["Tanggal", "Nama", "Nilai"])
    path = tmp_path / "skm-responden-2025.xlsx"
    wb.save(path)
    with pytest.raises(StructuralError) as info:
        skm.read(path, CONFIG)
    message = str(info.value)
    assert "sheet 'Responden' tidak ada" in message and "Google Forms" in message
    assert "python -m lkjip kenali" in message


def _key_tables(out: Path) -> dict[str, pd.DataFrame]:
    keys = {}
    for name, cols in {
        "ikm_pemda": ["tahun", "ikm"],
        "ikm_unit": ["tahun", "kode_unit", "ikm"],
        "ikm_unsur": ["tahun", "kode_unit", "kode_unsur", "nrr"],
        "capaian": ["dokumen", "kode_indikator", "tahun", "realisasi", "capaian", "asal_realisasi"],
    }.items():
        frame = pd.read_parquet(out / f"{name}.parquet")
        cols = [c for c in cols if c in frame.columns]
        keys[name] = frame[cols].sort_values(cols[:3]).reset_index(drop=True)
    return keys


def _same_key_tables_as_the_default(root: Path) -> None:
    """The data step on ``root``'s raw exports writes the default project's key tables, quarantining
    nothing."""
    from lkjip.cli import main

    raw, out = root / "data" / "raw", root / "data" / "keluar"
    assert main(["data", "--raw-dir", str(raw), "--out-dir", str(out), "--force"]) == 0
    ours, theirs = _key_tables(out), _key_tables(root / "data" / "processed")
    for name in ours:
        pd.testing.assert_frame_equal(ours[name], theirs[name], obj=name)
    assert pd.read_parquet(out / "karantina.parquet").empty


@pytest.mark.slow
def test_data_step_on_google_forms_takes_codes_from_the_ikm_recap(tmp_path, _project_processed_once):
    """Only a Google Forms export (and the office's IKM recap as register): the same IKM."""
    root = Path(shutil.copytree(_project_processed_once, tmp_path / "proyek"))
    raw = root / "data" / "raw"
    default = skm.read(next(raw.glob("skm-responden*.xlsx")), CONFIG).tables["skm_responden"]
    for old in raw.glob("skm-responden*.xlsx"):
        old.unlink()
    google_forms(raw / "skm-responden-2025.xlsx", default)
    _same_key_tables_as_the_default(root)


def test_ikm_recap_in_permenpan_wording_is_keyed_by_name(tmp_path):
    from tata_letak import rekap_ikm_permenpan

    from lkjip.ingest.readers import skm_riwayat

    default = skm_riwayat.read(paths().raw / "skm-riwayat.xlsx", CONFIG).tables["skm_unit_riwayat"]
    path = rekap_ikm_permenpan(tmp_path / "skm-riwayat.xlsx", default)
    result = skm_riwayat.read(path, CONFIG)
    table = result.tables["skm_unit_riwayat"]
    assert len(result.quarantine) == 0 and result.kode_dari_nama == {path.name}
    # "Kinerja Unit Pelayanan" is the mutu in words, not a second mutu column.
    cols = ["tahun", "unit", "jumlah_responden", "ikm", "mutu_tercetak"]
    pd.testing.assert_frame_equal(table[cols], default[cols])


@pytest.mark.slow
def test_data_step_on_ikm_recap_by_name_gets_codes_from_the_unit_sheet(tmp_path, _project_processed_once):
    from tata_letak import rekap_ikm_permenpan

    from lkjip.ingest.readers import skm_riwayat

    root = Path(shutil.copytree(_project_processed_once, tmp_path / "proyek"))
    raw = root / "data" / "raw"
    default = skm_riwayat.read(raw / "skm-riwayat.xlsx", CONFIG).tables["skm_unit_riwayat"]
    rekap_ikm_permenpan(raw / "skm-riwayat.xlsx", default)
    _same_key_tables_as_the_default(root)


def test_recap_names_in_another_hand_get_their_codes_by_the_one_name_rule(tmp_path, _project_processed_once):
    """A clerk's recap writes 'DINAS KEPENDUDUKAN & PENCATATAN SIPIL.' for the register's 'Dinas
    Kependudukan dan Pencatatan Sipil': the same unit by the rule the analyst's API also uses
    (lkjip.core.pilihan.lipat_nama), so the key tables are those of the coded recap."""
    from tata_letak import rekap_ikm_permenpan

    from lkjip.core.pilihan import UNIT, lipat_nama, pilih_kode
    from lkjip.ingest.readers import skm_riwayat

    root = Path(shutil.copytree(_project_processed_once, tmp_path / "proyek"))
    raw = root / "data" / "raw"
    default = skm_riwayat.read(raw / "skm-riwayat.xlsx", CONFIG).tables["skm_unit_riwayat"]
    other_hand = {
        "Dinas Kependudukan dan Pencatatan Sipil": "DINAS KEPENDUDUKAN & PENCATATAN SIPIL.",
        "Kecamatan Trowulan": "kecamatan  trowulan",
    }
    assert set(other_hand) <= set(default["unit"])
    rekap_ikm_permenpan(raw / "skm-riwayat.xlsx", default.assign(unit=default["unit"].replace(other_hand)))
    _same_key_tables_as_the_default(root)
    # the analyst's API reads a name the same way
    assert lipat_nama("DINAS KEPENDUDUKAN & PENCATATAN SIPIL.") == "dinas kependudukan dan pencatatan sipil"
    units = {"UL-01": "Dinas Kependudukan dan Pencatatan Sipil", "UL-57": "Kecamatan Trowulan"}
    assert pilih_kode("Dinas Kependudukan & Pencatatan Sipil", units, UNIT, di="x") == "UL-01"
    assert pilih_kode("kecamatan trowulan.", units, UNIT, di="x") == "UL-57"


def test_format_permenpan_year_is_not_the_regulation_year_of_its_title(tmp_path, default_responden):
    """"Berdasarkan Permenpan No.14 Tahun 2017" names the regulation, not the survey year."""
    unit = default_responden["unit"].iloc[0]
    rows = default_responden[default_responden["unit"] == unit].head(5)
    path = format_permenpan(tmp_path / "skm-responden-unit.xlsx", unit, rows)
    result = skm.read(path, CONFIG)
    assert set(result.tables["skm_responden"]["tahun"]) == {CONFIG.tahun}


def test_printed_nrr_rows_are_kept_and_a_wrong_one_is_a_reviu_finding(tmp_path):
    """Four respondents of one unit, answers worked out by hand: U1 answers 4, 3, 3, 2 give a sum of
    12 and an NRR of 3; the sheet prints 3,5 (a typing error) for U1's NRR."""
    from openpyxl import load_workbook

    from lkjip.reviu.temuan import _reviu_nrr_tercetak

    answers = {k: [4, 3, 3, 2] for k in UNSUR}
    rows = pd.DataFrame({"umur": [30, 40, 50, 60], "jenis_kelamin": ["L", "P", "L", "P"],
                         "pekerjaan": ["PNS"] * 4, "pendidikan": ["S1"] * 4, **answers})  # fmt: skip
    path = format_permenpan(tmp_path / "skm-responden-2025.xlsx", "Kecamatan Contoh", rows)
    table = skm.read(path, CONFIG).tables["skm_nrr_tercetak"]
    # Nine sums, nine NRR, nine weighted NRR with their total, and the unit's IKM.
    assert sorted(table["besaran"].value_counts().items()) == [
        ("ikm", 1), ("jumlah", 9), ("nrr", 9), ("nrr_tertimbang", 9), ("nrr_tertimbang_total", 1)
    ]
    nrr_u1 = table[(table["besaran"] == "nrr") & (table["unsur"] == "U1")].iloc[0]
    assert nrr_u1["nilai_tercetak"] == 3.0 and nrr_u1["baris"] == 14
    # IKM = 9 × 3 / 9 × 25 = 75
    assert table.loc[table["besaran"] == "ikm", "nilai_tercetak"].item() == 75.0
    wb = load_workbook(path)
    wb.active["F14"] = 3.5
    wb.save(path)
    tables = skm.read(path, CONFIG).tables
    [finding] = [f for f in _reviu_nrr_tercetak(tables, CONFIG) if f]
    assert (finding["jenis"], finding["baris"], finding["nilai_tercetak"], finding["nilai_hitung"]) == (
        "nrr_tercetak", 14, "3,5", "3,0"
    )
    assert finding["kolom"].startswith("F (U1")


def test_units_known_by_name_take_their_population_from_the_register(tmp_path, default_responden):
    """A form names its units; laporan.yml's register gives their code and population: the
    Krejcie–Morgan minimum of a population of 1.000 is 278."""
    from lkjip.indicators.ikm import krejcie_morgan
    from lkjip.ingest.registers import kode_unit_dari_nama

    units = sorted(default_responden["unit"].unique())[:2]
    sample = default_responden[default_responden["unit"].isin(units)].groupby("unit").head(5)
    path = google_forms(tmp_path / "skm-responden-2025.xlsx", sample)
    data = CONFIG.model_dump(by_alias=True)
    register = {units[0]: {"kode": "UL-A", "populasi": 1000}, units[1]: "UL-B"}
    data["pemetaan"] = {"register": {"unit": register}}
    config = type(CONFIG).model_validate(data)
    result = kode_unit_dari_nama(skm.read(path, config), config)
    table = result.tables["skm_unit"].set_index("kode_unit")
    assert table.loc["UL-A", "populasi"] == 1000 and pd.isna(table.loc["UL-B", "populasi"])
    assert krejcie_morgan(1000, config.skm.krejcie_morgan) == 278


def test_a_declared_no_value_word_in_a_form_is_a_skipped_answer(tmp_path, default_responden):
    from openpyxl import load_workbook

    sample = default_responden.groupby("kode_unit").head(1).head(3)
    path = google_forms(tmp_path / "skm-responden-2025.xlsx", sample)
    wb = load_workbook(path)
    wb.active["J2"] = "Tidak menjawab"
    wb.save(path)
    assert len(skm.read(path, CONFIG).quarantine) == 1  # an unknown answer word
    data = CONFIG.model_dump(by_alias=True)
    data["pemetaan"] = {"skm": [{"berkas": "skm-responden-2025.xlsx", "missingValues": ["tidak menjawab"]}]}
    result = skm.read(path, type(CONFIG).model_validate(data))
    assert len(result.quarantine) == 0 and pd.isna(result.tables["skm_responden"]["U1"].iloc[0])


def test_a_missing_required_column_is_named_as_the_template_header(tmp_path):
    from openpyxl import Workbook

    wb = Workbook()
    wb.active.title = "Responden"
    wb.active.append(["No", "Unit Layanan", "Umur", *UNSUR])
    wb.active.append([1, "Kecamatan A", 30, *[4] * 9])
    path = tmp_path / "skm-responden-2025.xlsx"
    wb.save(path)
    with pytest.raises(StructuralError) as info:
        skm.read(path, CONFIG)
    message = str(info.value)
    assert "['Kode Unit']" in message and "kode_unit" not in message


@pytest.mark.parametrize("to", ["xls", "ods"])
def test_a_form_saved_as_xls_or_ods_is_read_the_same(tmp_path, default_responden, to):
    from tata_letak import convert

    sample = default_responden.groupby("kode_unit").head(2).head(20)
    path = convert(google_forms(tmp_path / "skm-responden-2025.xlsx", sample), to)
    result = skm.read(path, CONFIG)
    assert len(result.quarantine) == 0
    pd.testing.assert_frame_equal(_means(result.tables["skm_responden"]), _means(sample))
