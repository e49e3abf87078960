"""SAKIP and Perjanjian Kinerja exports as e-SAKIP and evaluation applications produce them, and the
``pemetaan`` vocabulary every reader understands (headerRows, headerJoin, kolom, missingValues).

Small workbooks written here, with figures worked out by hand; the project-level runs on the
default figures are in ``test_tata_letak_proyek`` (slow).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from openpyxl import Workbook
from tata_letak import pk_dokumen_html, pk_dokumen_xlsx, sakip_kke, sakip_tanpa_kode

from lkjip.core.config import load_config
from lkjip.core.paths import paths
from lkjip.ingest.judul import find_header, header_labels
from lkjip.ingest.problems import ReadResult, StructuralError
from lkjip.ingest.readers import pembanding, perjanjian_kinerja, sakip
from lkjip.ingest.registers import kode_pd_dari_nama

CONFIG = load_config()


def _config(**pemetaan) -> object:
    """The default configuration with a ``pemetaan`` block."""
    data = CONFIG.model_dump(by_alias=True)
    data["pemetaan"] = pemetaan
    return type(CONFIG).model_validate(data)


# --------------------------------------------------------------------------- one header finder


def test_a_header_over_two_rows_is_read_as_joined_labels():
    rows = [
        ["Detail Perjanjian Kinerja"],
        ["Sasaran Strategis", "Indikator Kinerja", "Target", "Realisasi", None, "Capaian Kinerja %"],
        [None, None, None, "TW 1", "TW 2", None],
        ["S", "I", 10, 2, 5, 50],
    ]
    assert header_labels(rows, 1, 2) == [
        "Sasaran Strategis", "Indikator Kinerja", "Target", "Realisasi TW 1", "Realisasi TW 2",
        "Capaian Kinerja %",
    ]  # fmt: skip
    fields = {"target": ("Target",), "tw2": ("Realisasi / TW 2",)}
    judul = find_header(rows, fields, ["target", "tw2"], berkas="b", sheet="s", declared_rows=[2, 3],
                        join=" / ")  # fmt: skip
    assert (judul.pertama, judul.baris, judul.kolom) == (1, 2, {"target": 2, "tw2": 4})


def test_a_missing_column_is_named_as_a_person_types_it():
    rows = [["No", "Unit", "Nilai"]]
    with pytest.raises(StructuralError) as info:
        find_header(rows, {"kode_unit": ("Kode Unit", "kode"), "nilai": ("Nilai",)}, ["kode_unit", "nilai"],
                    berkas="r.xlsx", sheet="IKM 2024")  # fmt: skip
    [problem] = info.value.problems
    assert problem.pesan == "kolom wajib tidak ditemukan pada baris judul: ['Kode Unit']"
    assert problem.baris == 1


# --------------------------------------------------------------------------- SAKIP


ROWS = [  # (perangkat daerah, nilai, predikat): the mean is (86,19 + 81,40 + 78,25) / 3 = 81,95
    ("Sekretariat Daerah", 86.19, "A"),
    ("Sekretariat DPRD", 81.40, "A"),
    ("Inspektorat Daerah", 78.25, "BB"),
]
FRAME = pd.DataFrame(
    [{"tahun": 2025, "perangkat_daerah": n, "nilai": v, "predikat_tercetak": p} for n, v, p in ROWS]
)


def test_sakip_recap_without_kode_pd_is_keyed_by_name_and_coded_by_the_register(tmp_path):
    path = sakip_tanpa_kode(tmp_path / "sakip.xlsx", FRAME)
    result = sakip.read(path, CONFIG)
    table = result.tables["sakip_pd"]
    assert table["nilai"].tolist() == [86.19, 81.40, 78.25]
    assert (table["kode_pd"] == table["perangkat_daerah"]).all() and result.kode_pd_dari_nama == {path.name}
    register = {"SEKRETARIAT  DAERAH": "PD-01", "Sekretariat DPRD.": "PD-02"}  # case, spaces, dots folded
    config = _config(register={"perangkat_daerah": register})
    coded = kode_pd_dari_nama(result, config)
    # The third name is in no register: quarantined with the closest names, never a new PD.
    assert coded.tables["sakip_pd"]["kode_pd"].tolist() == ["PD-01", "PD-02"]
    [row] = coded.quarantine.to_dict("records")
    assert row["nilai"] == "Inspektorat Daerah" and "tidak ada di register perangkat daerah" in row["alasan"]
    assert "pemetaan.register.perangkat_daerah" in row["alasan"]
    [acc] = coded.accounting
    assert acc.balanced and acc.dikarantina == 1


def test_evaluation_worksheet_score_as_a_fraction_of_one(tmp_path):
    path = sakip_kke(tmp_path / "sakip-kke-setda.xlsx", "Sekretariat Daerah", 2025, 86.19, "A")
    result = sakip.read(path, CONFIG)
    [row] = result.tables["sakip_pd"].to_dict("records")
    # 0,8619 shown as 86,19%; the components 30 × 0,8719 + 30 × 0,8519 + 15 × 0,8619 + 25 × 0,8619 = 86,19
    assert (row["tahun"], row["perangkat_daerah"], row["nilai"], row["predikat_tercetak"]) == (
        2025, "Sekretariat Daerah", 86.19, "A"
    )
    [acc] = result.accounting
    assert acc.balanced and acc.disimpan == 1
    assert acc.dilewati["komponen (diperiksa terhadap nilai akhir)"] == 4
    assert result.kode_pd_dari_nama == {path.name}


def test_evaluation_worksheet_whose_final_score_disagrees_with_its_components_is_located(tmp_path):
    from openpyxl import load_workbook

    path = sakip_kke(tmp_path / "sakip-kke-setda.xlsx", "Sekretariat Daerah", 2025, 86.19, "A")
    wb = load_workbook(path)
    ws = wb.active
    row = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 2).value == "NILAI AKHIR")
    ws.cell(row, 5).value = 0.8719  # 87,19 printed, 86,19 from the components
    wb.save(path)
    with pytest.raises(StructuralError) as info:
        sakip.read(path, CONFIG)
    [problem] = info.value.problems
    assert problem.baris == row and "87,19" in problem.pesan and "86,19" in problem.pesan


def test_evaluation_worksheets_of_one_pd_twice_are_both_quarantined(tmp_path):
    a = sakip_kke(tmp_path / "sakip-a.xlsx", "Sekretariat Daerah", 2025, 86.19, "A")
    b = sakip_kke(tmp_path / "sakip-b.xlsx", "SEKRETARIAT DAERAH", 2025, 81.40, "A")
    result = sakip.read_many([a, b], CONFIG)
    assert result.tables["sakip_pd"].empty and len(result.quarantine) == 2


def test_the_report_year_missing_names_the_sheets_there(tmp_path):
    path = sakip_kke(tmp_path / "sakip-kke.xlsx", "Sekretariat Daerah", 2024, 86.19, "A")
    with pytest.raises(StructuralError, match="tidak ada lembar kerja evaluasi \\(KKE\\) tahun 2025"):
        sakip.read(path, CONFIG)


# --------------------------------------------------------------------------- pemetaan for every source


def test_declared_header_rows_and_missing_values_in_a_sakip_recap(tmp_path):
    """Two header rows ("Nilai" over "Akhir"), a label the office names, and "belum dievaluasi"
    declared as no value: read as declared, the PD without a score is NA, not quarantined."""
    wb = Workbook()
    ws = wb.active
    ws.title = "2025"
    for row in [["REKAP SAKIP 2025"], ["No", "Kode PD", "Nama OPD", "Nilai", "Predikat"],
                [None, None, None, "Akhir", None], [1, "PD-01", "Sekretariat Daerah", 86.19, "A"],
                [2, "PD-02", "Sekretariat DPRD", "belum dievaluasi", None]]:  # fmt: skip
        ws.append(row)
    path = tmp_path / "sakip.xlsx"
    wb.save(path)
    config = _config(sakip=[{"berkas": "sakip*.xlsx", "headerRows": [2, 3], "headerJoin": " ",
                             "kolom": {"Nama OPD": "Perangkat Daerah", "Nilai Akhir": "Nilai"},
                             "missingValues": ["Belum dievaluasi"]}])  # fmt: skip
    result = sakip.read(path, config)
    table = result.tables["sakip_pd"]
    assert table["kode_pd"].tolist() == ["PD-01", "PD-02"]
    assert table["nilai"].tolist()[0] == 86.19 and pd.isna(table["nilai"].tolist()[1])
    assert len(result.quarantine) == 0
    undeclared = sakip.read(path, CONFIG)  # "belum dievaluasi" is no number, "Akhir" no row of data
    assert {q["nilai"] for q in undeclared.quarantine.to_dict("records")} >= {"belum dievaluasi"}


def test_missing_values_declared_for_the_comparison_figures(tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.title = "Pembanding"
    for row in [["No", "Tahun", "Kode Indikator", "Indikator", "Entitas", "Nilai", "Keterangan"],
                [1, 2025, "PKP-3", "IKM", "provinsi", "tidak tersedia", None],
                [2, 2025, "PKP-3", "IKM", "kabupaten", 90.87, None]]:  # fmt: skip
        ws.append(row)
    path = tmp_path / "pembanding.xlsx"
    wb.save(path)
    assert len(pembanding.read(path, CONFIG).quarantine) == 1  # "tidak tersedia" is no number
    config = _config(pembanding=[{"berkas": "pembanding.xlsx", "missingValues": ["tidak tersedia"]}])
    result = pembanding.read(path, config)
    assert len(result.quarantine) == 0 and pd.isna(result.tables["pembanding"]["nilai"].iloc[0])


def test_header_rows_must_be_consecutive():
    with pytest.raises(ValueError, match="headerRows harus nomor baris berurutan"):
        _config(sakip=[{"berkas": "sakip.xlsx", "headerRows": [2, 4]}])


# --------------------------------------------------------------------------- Perjanjian Kinerja


KL2 = "Indeks Profesionalitas ASN Bagian Organisasi"
KL3 = "Jumlah Inovasi yang terinternalisasi dan tersosialisasi serta berkelanjutan"


def _pk_rows() -> pd.DataFrame:
    """Two indicators of one sasaran; realisasi 2025 86,50 (an index) and 3 innovations."""
    return pd.DataFrame({
        "sasaran": ["Tata kelola", "Tata kelola"], "indikator": [KL2, KL3],
        "satuan": ["Indeks", "Inovasi"], "target": [86.5, 3.0], "realisasi": [84.44, 3.0],
        "desimal_realisasi": [2, 0], "capaian_tercetak": [97.62, 100.0], "desimal_tercetak": [2, 0],
        "kode_indikator": ["KL-2", "KL-3"],
    })  # fmt: skip


def _kantor(tmp_path: Path) -> Path:
    """The office's workbook without its first agreement: the narrative (with the indicators'
    names and codes), the cascade, and the second agreement (PK Perubahan) as before."""
    from openpyxl import load_workbook

    wb = load_workbook(paths().raw / "perjanjian-kinerja.xlsx")
    del wb["PK 2021-2025"]
    path = tmp_path / "perjanjian-kinerja-kantor.xlsx"
    wb.save(path)
    return path


@pytest.mark.parametrize("html", [False, True], ids=["xlsx", "html-xls"])
def test_pk_document_of_one_year_reads_quarters_and_declared_properties(tmp_path, html):
    write = pk_dokumen_html if html else pk_dokumen_xlsx
    name = "perjanjian-kinerja-2025.xls" if html else "perjanjian-kinerja-2025.xlsx"
    doc = write(tmp_path / name, _pk_rows(), 2025, CONFIG, jumlah={"KL-3"})
    config = _config(
        register={"indikator": {"Perjanjian Kinerja": {
            KL2: {"kode": "KL-2", "jenis": "lainnya"},
            KL3: {"kode": "KL-3", "jenis": "lainnya", "triwulan": "jumlah", "polaritas": "positif"},
        }}},
        perjanjian_kinerja=[{"berkas": "perjanjian-kinerja-2025*", "dokumen": "Perjanjian Kinerja"}],
    )  # fmt: skip
    result = perjanjian_kinerja.read_many([doc, _kantor(tmp_path)], config)
    pk = result.tables["perjanjian_kinerja"]
    mine = pk[pk["berkas"] == doc.name].set_index("kode_indikator")
    # KL-2: the last quarter filled (TW 4 = 84,44); KL-3: the sum of its quarters 1 + 1 + 1 + 0 = 3.
    assert mine.loc["KL-2", "realisasi"] == 84.44 and mine.loc["KL-3", "realisasi"] == 3
    assert mine.loc["KL-2", "target"] == 86.5 and mine.loc["KL-2", "capaian_tercetak"] == 97.62
    assert set(mine["jenis"]) == {"lainnya"} and set(mine["tahun"]) == {2025}
    assert set(mine["dokumen"]) == {"Perjanjian Kinerja"} and set(mine["periode"]) == {"2021-2025"}
    # The narrative of the first agreement's other indicators names codes no document carries now.
    quarantined = result.quarantine
    assert set(quarantined["sheet"]) == {"Narasi Indikator"} and set(quarantined["nilai"]) == {
        "PK-1", "PK-2", "PK-3", "KL-1"
    }


def test_pk_document_without_declarations_takes_codes_from_the_narrative_with_a_note(tmp_path):
    doc = pk_dokumen_xlsx(tmp_path / "perjanjian-kinerja-2025.xlsx", _pk_rows(), 2025, CONFIG)
    result = perjanjian_kinerja.read_many([doc, _kantor(tmp_path)], CONFIG)
    pk = result.tables["perjanjian_kinerja"]
    mine = pk[pk["berkas"] == doc.name]
    # The narrative names both indicators of "Perjanjian Kinerja": the agreement and the codes.
    assert sorted(mine["kode_indikator"]) == ["KL-2", "KL-3"]
    assert set(mine["dokumen"]) == {"Perjanjian Kinerja"}
    assert set(mine["sumber_realisasi"]) == {"manual"} and set(mine["jenis"]) == {"utama"}
    assert any("tanpa polaritas/sumber realisasi di laporan.yml" in n for n in result.notes)


def test_pk_document_whose_agreement_cannot_be_told_is_structural(tmp_path):
    rows = _pk_rows().assign(indikator=["Indikator Baru A", "Indikator Baru B"])  # in no register
    doc = pk_dokumen_xlsx(tmp_path / "perjanjian-kinerja-2025.xlsx", rows, 2025, CONFIG)
    with pytest.raises(StructuralError) as info:
        perjanjian_kinerja.read_many([doc, _kantor(tmp_path)], CONFIG)
    # The year 2025 belongs to both planning periods and the names are in no register.
    [problem] = [p for p in info.value.problems if "tidak dapat ditentukan" in p.pesan]
    assert "perjanjian mana dokumen ini" in problem.pesan
    assert "pemetaan.perjanjian_kinerja" in problem.pesan and problem.sheet == "PK 2025"


def test_the_office_workbook_is_read_exactly_as_before():
    path = paths().raw / "perjanjian-kinerja.xlsx"
    one = perjanjian_kinerja.read(path, CONFIG)
    many = perjanjian_kinerja.read_many([path], CONFIG)
    for name in one.tables:
        pd.testing.assert_frame_equal(one.tables[name], many.tables[name])
    assert isinstance(one, ReadResult) and len(one.tables["perjanjian_kinerja"]) == 45


def test_the_office_workbook_follows_declared_labels_too(tmp_path):
    """Every source understands the declarations: the template's "Kode" column renamed by the
    office reads when laporan.yml names it."""
    from openpyxl import load_workbook

    wb = load_workbook(paths().raw / "perjanjian-kinerja.xlsx")
    for name in ("PK 2021-2025", "PK Perubahan 2025-2029"):
        ws = wb[name]
        cell = next(c for row in ws.iter_rows(max_row=10) for c in row if c.value == "Kode")
        cell.value = "Kode IKU"
    path = tmp_path / "perjanjian-kinerja.xlsx"
    wb.save(path)
    with pytest.raises(StructuralError, match="Kode"):
        perjanjian_kinerja.read(path, CONFIG)
    declared = {"berkas": "perjanjian-kinerja.xlsx", "kolom": {"Kode IKU": "Kode"}}
    config = _config(perjanjian_kinerja=[declared])
    result = perjanjian_kinerja.read(path, config)
    default = perjanjian_kinerja.read(paths().raw / "perjanjian-kinerja.xlsx", CONFIG)
    pd.testing.assert_frame_equal(result.tables["perjanjian_kinerja"], default.tables["perjanjian_kinerja"])
