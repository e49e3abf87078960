"""The Perjanjian Kinerja reader on small hand-made workbooks: each quirk, each broken input."""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from openpyxl import Workbook

from lkjip.core.config import load_config
from lkjip.ingest.problems import StructuralError
from lkjip.ingest.readers import perjanjian_kinerja as reader

CONFIG = load_config()
NAME = "perjanjian-kinerja.xlsx"
PK = "PK 2021-2025"
PKP = "PK Perubahan 2025-2029"

LABELS = ["No", "Sasaran", "Kode", "Indikator Kinerja", "Satuan", "Polaritas", "Sumber Realisasi"]
YEARS = (2021, 2022, 2023, 2024, 2025)
NO_HISTORY = ("-",) * 8  # Target/Realisasi 2021..2024


def indikator(kode, target, realisasi, capaian=100, *, history=NO_HISTORY, no=1,
              sasaran="Sasaran A", satuan="PD/UKPD", polaritas="Positif", sumber="manual"):
    """One body row: fixed columns A-G, Target/Realisasi pairs per year, then Capaian."""
    return [no, sasaran, kode, f"Indikator {kode}", satuan, polaritas, sumber,
            *history, target, realisasi, capaian]


# The header takes rows 3-4, so these are rows 5 (PK-1), 6 (PK-2), 7 (section title),
# 8 (KL-1) and 9 (KL-2, which continues KL-1's sasaran: No and Sasaran left blank).
PK_BODY = [
    indikator("PK-1", 57, 57, history=("-", "N/A", "-", "N/A", "-", 57, "-", 57),
              sumber="skm_unit_minimal_baik"),
    indikator("PK-2", 48, "48", no=2, sasaran="Sasaran B"),
    ["KINERJA LAINNYA"],
    indikator("KL-1", "96,40%", "85,72 %", "88,92%", no=1, sasaran="Sasaran C", satuan="%",
              sumber="persen_realisasi_anggaran",
              history=("-", "90,64%", "-", 96.49, "-", "95,54", "-", "96,35 %")),
    indikator("KL-2", "86,50", 84.44, "97,62%", no=None, sasaran=None, satuan="Indeks"),
]
PKP_BODY = [indikator("PKP-1", "83,11", "83,78", "100,81%", satuan="Nilai",
                      sumber="sakip_rata_rata")]
NARASI_LABELS = ["No", "Dokumen", "Kode", "Indikator Kinerja", "Formulasi", "Penjelasan",
                 "Sumber Data", "Upaya", "Kendala", "Solusi"]
NARASI_BODY = [  # rows 2 and 3
    [1, "Perjanjian Kinerja", "PK-1", "Indikator PK-1", "Jumlah PD/UKPD", "Penjelasan satu",
     "Laporan SKM", "Upaya pertama\n  Upaya kedua  \n", "-", None],
    [2, "Perjanjian Kinerja Perubahan", "PKP-1", "Indikator PKP-1", "Rata-rata", "Penjelasan",
     "Laporan SAKIP", "Upaya", None, None],
]
JENJANG_LABELS = ["No", "Tingkat", "Tujuan/Sasaran/Program/Kegiatan/Sub Kegiatan", "Indikator",
                  "Target"]
JENJANG_BODY = [  # rows 2 and 3
    [1, "Tujuan", "Tujuan A", "Nilai SAKIP Pemerintah Daerah", 79.05],
    [2, "Sub Kegiatan", "Sub kegiatan B", "Jumlah Dokumen", "4 Dokumen"],
]


def pk_sheet(wb, title, body, *, labels=LABELS, years=YEARS, capaian="Capaian 2025 (%)"):
    """A PK sheet: a title row, the merged two-row header on rows 3-4, the body from row 5."""
    ws = wb.create_sheet(title)
    ws.cell(1, 1, f"PERJANJIAN KINERJA TAHUN 2025 ({title})")
    for c, label in enumerate(labels, start=1):
        ws.cell(3, c, label)
        ws.merge_cells(start_row=3, start_column=c, end_row=4, end_column=c)
    for i, year in enumerate(years):
        c = len(labels) + 1 + 2 * i
        ws.cell(3, c, year)
        ws.merge_cells(start_row=3, start_column=c, end_row=3, end_column=c + 1)
        ws.cell(4, c, "Target")
        ws.cell(4, c + 1, "Realisasi")
    last = len(labels) + 2 * len(years) + 1
    ws.cell(3, last, capaian)
    ws.merge_cells(start_row=3, start_column=last, end_row=4, end_column=last)
    _put(ws, 5, body)
    return ws


def build(tmp_path: Path, *, pk=PK_BODY, pkp=PKP_BODY, narasi=NARASI_BODY, skip=(), edit=None,
          **pk_layout) -> Path:
    """The five sheets the reader needs; ``pk_layout`` changes the PK 2021-2025 header."""
    wb = Workbook()
    wb.active.title = "Keterangan"
    wb.active["A1"] = "DATA SINTETIS untuk uji"
    pk_sheet(wb, PK, pk, **pk_layout)
    pk_sheet(wb, PKP, pkp)
    _put(wb.create_sheet("Narasi Indikator"), 1, [NARASI_LABELS, *narasi])
    for periode in ("2021-2025", "2025-2029"):
        _put(wb.create_sheet(f"Penjenjangan {periode}"), 1, [JENJANG_LABELS, *JENJANG_BODY])
    for name in skip:
        del wb[name]
    if edit:
        edit(wb)
    path = tmp_path / NAME
    wb.save(path)
    return path


def _put(ws, first_row, rows):
    for r, values in enumerate(rows, start=first_row):
        for c, value in enumerate(values, start=1):
            if value is not None:
                ws.cell(r, c, value)


def value(result, kode, tahun, column):
    pk = result.tables["perjanjian_kinerja"]
    [found] = pk.loc[(pk["kode_indikator"] == kode) & (pk["tahun"] == tahun), column]
    return found


def accounting(result, sheet):
    [acc] = [a for a in result.accounting if a.sheet == sheet]
    assert acc.balanced, str(acc)
    return acc


def quarantined(result, sheet):
    q = result.quarantine
    return q[q["sheet"] == sheet].reset_index(drop=True)


def test_reads_one_row_per_indicator_and_year(tmp_path):
    result = reader.read(build(tmp_path), CONFIG)
    pk = result.tables["perjanjian_kinerja"]
    assert len(pk) == (4 + 1) * 5  # four PK indicators and one PKP, five years each
    assert len(result.quarantine) == 0
    assert set(pk["dokumen"]) == {"Perjanjian Kinerja", "Perjanjian Kinerja Perubahan"}
    assert set(pk.loc[pk["kode_indikator"] == "PKP-1", "periode"]) == {"2025-2029"}
    assert value(result, "PK-1", 2025, "target") == 57
    assert value(result, "PK-2", 2025, "realisasi") == 48  # typed as text "48"
    assert value(result, "KL-1", 2025, "target") == pytest.approx(96.40)  # "96,40%"
    assert value(result, "KL-1", 2025, "realisasi") == pytest.approx(85.72)  # "85,72 %"
    assert value(result, "KL-1", 2024, "realisasi") == pytest.approx(96.35)
    assert value(result, "KL-2", 2025, "target") == pytest.approx(86.50)  # "86,50"
    assert value(result, "PKP-1", 2025, "target") == pytest.approx(83.11)
    assert value(result, "PK-1", 2025, "sumber_realisasi") == "skm_unit_minimal_baik"
    assert value(result, "PK-1", 2025, "polaritas") == "positif"
    assert value(result, "PK-1", 2025, "baris") == 5
    assert value(result, "KL-2", 2025, "baris") == 9
    assert str(pk["tahun"].dtype) == "Int64" and str(pk["kode_indikator"].dtype) == "string"


def test_na_and_dash_are_missing_never_zero(tmp_path):
    result = reader.read(build(tmp_path), CONFIG)
    for tahun in (2021, 2022):  # "N/A"
        assert math.isnan(value(result, "PK-1", tahun, "realisasi"))
    for tahun in (2021, 2022, 2023, 2024):  # "-"
        assert math.isnan(value(result, "PK-1", tahun, "target"))
    pk = result.tables["perjanjian_kinerja"]
    assert not (pk[["target", "realisasi", "capaian_tercetak"]] == 0).any().any()


def test_printed_capaian_only_for_the_report_year(tmp_path):
    result = reader.read(build(tmp_path), CONFIG)
    assert value(result, "KL-1", 2025, "capaian_tercetak") == pytest.approx(88.92)
    assert value(result, "PKP-1", 2025, "capaian_tercetak") == pytest.approx(100.81)
    for tahun in (2021, 2022, 2023, 2024):
        assert math.isnan(value(result, "KL-1", tahun, "capaian_tercetak"))


def test_section_row_marks_kinerja_lainnya_and_is_skipped(tmp_path):
    result = reader.read(build(tmp_path), CONFIG)
    assert value(result, "PK-2", 2025, "jenis") == "utama"
    assert value(result, "KL-1", 2025, "jenis") == "lainnya"
    assert value(result, "KL-2", 2025, "jenis") == "lainnya"
    acc = accounting(result, PK)
    # rows 1-4 title and header, row 7 the section title, rows 5, 6, 8, 9 indicators
    assert (acc.dibaca, acc.disimpan, acc.dikarantina) == (9, 4, 0)
    assert acc.dilewati == {"judul dan kepala tabel": 4, "judul bagian": 1}


def test_section_title_with_a_letter_in_the_no_column(tmp_path):
    body = [*PK_BODY[:2], ["B.", "Kinerja Lainnya:"], *PK_BODY[3:]]
    result = reader.read(build(tmp_path, pk=body), CONFIG)
    assert value(result, "KL-1", 2025, "jenis") == "lainnya"
    assert accounting(result, PK).dilewati["judul bagian"] == 1


def test_sasaran_written_once_carries_to_the_next_indicator(tmp_path):
    result = reader.read(build(tmp_path), CONFIG)
    assert value(result, "KL-2", 2025, "sasaran") == "Sasaran C"
    assert value(result, "KL-2", 2025, "no_sasaran") == 1


def test_fraction_with_a_percent_format_is_read_as_percent(tmp_path):
    def edit(wb):
        wb[PK]["M8"] = 0.9554  # KL-1 realisasi 2023, shown by Excel as 95,54%
        wb[PK]["M8"].number_format = "0.00%"

    result = reader.read(build(tmp_path, edit=edit), CONFIG)
    assert value(result, "KL-1", 2023, "realisasi") == pytest.approx(95.54)


def test_years_are_read_from_the_header_not_assumed(tmp_path):
    body = [indikator("PK-1", 57, 57, history=(50, 55)), indikator("PK-2", 48, 48, history=(1, 2))]
    result = reader.read(build(tmp_path, pk=body, years=(2024, 2025)), CONFIG)
    pk = result.tables["perjanjian_kinerja"]
    assert sorted(set(pk.loc[pk["dokumen"] == "Perjanjian Kinerja", "tahun"])) == [2024, 2025]
    assert value(result, "PK-1", 2024, "target") == 50
    assert value(result, "PK-1", 2024, "realisasi") == 55


def test_year_header_typed_with_letter_o_is_structural(tmp_path):
    path = build(tmp_path, years=(2021, 2022, 2023, 2024, "2O25"))
    with pytest.raises(StructuralError) as info:
        reader.read(path, CONFIG)
    [problem] = info.value.problems
    assert (problem.sheet, problem.baris, problem.kolom, problem.nilai) == (PK, 3, "P", "2O25")
    assert "bukan tahun" in problem.pesan


def test_missing_sheets_are_reported_together(tmp_path):
    path = build(tmp_path, skip=("Narasi Indikator", "Penjenjangan 2025-2029"))
    with pytest.raises(StructuralError) as info:
        reader.read(path, CONFIG)
    messages = [p.pesan for p in info.value.problems]
    assert len(messages) == 2
    assert any("'Penjenjangan 2025-2029' tidak ada" in m for m in messages)
    assert any("'Narasi Indikator' tidak ada" in m for m in messages)


def test_missing_pk_sheet_of_a_period_is_structural(tmp_path):
    with pytest.raises(StructuralError) as info:
        reader.read(build(tmp_path, skip=(PKP,)), CONFIG)
    [problem] = info.value.problems
    assert "Perjanjian Kinerja Perubahan periode 2025-2029 tidak ada" in problem.pesan


def test_period_is_taken_from_the_title_when_the_sheet_name_lacks_it(tmp_path):
    def edit(wb):
        wb[PKP].title = "PK Perubahan"  # row 1 still reads "... (PK Perubahan 2025-2029)"

    result = reader.read(build(tmp_path, edit=edit), CONFIG)
    assert value(result, "PKP-1", 2025, "periode") == "2025-2029"
    assert value(result, "PKP-1", 2025, "sheet") == "PK Perubahan"


def test_sheet_of_a_period_not_in_the_configuration_is_left_out_with_a_note(tmp_path):
    def edit(wb):
        pk_sheet(wb, "PK 2016-2021", [indikator("PK-1", 1, 1)], years=(2020, 2021),
                 capaian="Capaian 2021 (%)")

    result = reader.read(build(tmp_path, edit=edit), CONFIG)
    assert "PK 2016-2021" not in set(result.tables["perjanjian_kinerja"]["sheet"])
    assert any("'PK 2016-2021' (periode 2016-2021) diabaikan" in n for n in result.notes)


def test_missing_indikator_kinerja_column_is_structural(tmp_path):
    labels = [lab if lab != "Indikator Kinerja" else "Uraian" for lab in LABELS]
    with pytest.raises(StructuralError) as info:
        reader.read(build(tmp_path, labels=labels), CONFIG)
    [problem] = info.value.problems
    assert (problem.sheet, problem.baris) == (PK, 3)
    assert "Indikator Kinerja" in problem.pesan


def test_words_in_a_target_cell_quarantine_the_row(tmp_path):
    body = [PK_BODY[0], indikator("PK-2", "lima puluh", 48, no=2, sasaran="Sasaran B"),
            *PK_BODY[2:]]
    result = reader.read(build(tmp_path, pk=body), CONFIG)
    [q] = quarantined(result, PK).to_dict("records")
    assert (q["baris"], q["kolom"], q["nilai"]) == (6, "P (Target 2025)", "lima puluh")
    assert "bukan angka" in q["alasan"]
    pk = result.tables["perjanjian_kinerja"]
    assert "PK-2" not in set(pk["kode_indikator"])  # no year of it is kept
    acc = accounting(result, PK)
    assert (acc.disimpan, acc.dikarantina) == (3, 1)


def test_unknown_sumber_realisasi_is_quarantined(tmp_path):
    body = [indikator("PK-1", 57, 57, sumber="SKM minimal"), *PK_BODY[1:]]
    result = reader.read(build(tmp_path, pk=body), CONFIG)
    [q] = quarantined(result, PK).to_dict("records")
    assert (q["baris"], q["kolom"], q["nilai"]) == (5, "G (Sumber Realisasi)", "SKM minimal")
    assert "sumber realisasi tidak dikenal" in q["alasan"]
    assert accounting(result, PK).dikarantina == 1


def test_blank_sumber_realisasi_means_manual(tmp_path):
    body = [indikator("PK-1", 57, 57, sumber=None), *PK_BODY[1:]]
    result = reader.read(build(tmp_path, pk=body), CONFIG)
    assert value(result, "PK-1", 2025, "sumber_realisasi") == "manual"
    assert any("dianggap 'manual'" in note for note in result.notes)


@pytest.mark.parametrize(("typed", "expected"), [
    ("Positif", "positif"), ("(+)", "positif"), ("Maksimal", "positif"),
    ("negatif", "negatif"), ("Minimal", "negatif"), ("(-)", "negatif"),
])
def test_polaritas_words_are_normalised(tmp_path, typed, expected):
    body = [indikator("PK-1", 57, 57, polaritas=typed), *PK_BODY[1:]]
    result = reader.read(build(tmp_path, pk=body), CONFIG)
    assert value(result, "PK-1", 2025, "polaritas") == expected


@pytest.mark.parametrize(("typed", "reason"), [("tinggi", "tidak dikenal"), ("-", "kosong")])
def test_unknown_or_missing_polaritas_is_quarantined(tmp_path, typed, reason):
    body = [indikator("PK-1", 57, 57, polaritas=typed), *PK_BODY[1:]]
    result = reader.read(build(tmp_path, pk=body), CONFIG)
    [q] = quarantined(result, PK).to_dict("records")
    assert (q["baris"], q["kolom"], q["nilai"]) == (5, "F (Polaritas)", typed)
    assert reason in q["alasan"]
    assert accounting(result, PK).dikarantina == 1


def test_duplicate_kode_quarantines_every_copy(tmp_path):
    body = [PK_BODY[0], indikator("pk 1", 48, 48, no=2, sasaran="Sasaran B"), *PK_BODY[2:]]
    result = reader.read(build(tmp_path, pk=body), CONFIG)
    q = quarantined(result, PK)
    assert q["baris"].tolist() == [5, 6]
    assert q["kolom"].tolist() == ["C (Kode)", "C (Kode)"]
    assert "juga di baris 6" in q.loc[0, "alasan"] and "juga di baris 5" in q.loc[1, "alasan"]
    assert "PK-1" not in set(result.tables["perjanjian_kinerja"]["kode_indikator"])
    acc = accounting(result, PK)
    assert (acc.disimpan, acc.dikarantina) == (2, 2)


def test_narasi_keeps_items_per_line_and_dash_as_missing(tmp_path):
    result = reader.read(build(tmp_path), CONFIG)
    narasi = result.tables["narasi_indikator"].set_index("kode_indikator")
    assert narasi.loc["PK-1", "dokumen"] == "Perjanjian Kinerja"
    assert narasi.loc["PK-1", "upaya"] == "Upaya pertama\nUpaya kedua"
    assert narasi["kendala"].isna().all()
    assert narasi.loc["PKP-1", "baris"] == 3
    assert any("belum ada narasi" in note and "PK-2" in note for note in result.notes)


def test_narasi_for_an_unknown_indicator_is_quarantined(tmp_path):
    narasi = [NARASI_BODY[0], [2, "Perjanjian Kinerja", "PK-9", None, "F", "P", "S", "U"]]
    result = reader.read(build(tmp_path, narasi=narasi), CONFIG)
    [q] = quarantined(result, "Narasi Indikator").to_dict("records")
    assert (q["baris"], q["kolom"], q["nilai"]) == (3, "C (Kode)", "PK-9")
    assert "tidak ada di sheet Perjanjian Kinerja" in q["alasan"]
    acc = accounting(result, "Narasi Indikator")
    assert (acc.dibaca, acc.disimpan, acc.dikarantina) == (3, 1, 1)


def test_penjenjangan_keeps_targets_as_printed(tmp_path):
    result = reader.read(build(tmp_path), CONFIG)
    jenjang = result.tables["penjenjangan"]
    first = jenjang[jenjang["periode"] == "2021-2025"].reset_index(drop=True)
    assert first["tingkat"].tolist() == ["Tujuan", "Sub Kegiatan"]
    assert first["urutan"].tolist() == [1, 2]
    assert first["target"].tolist() == ["79,05", "4 Dokumen"]  # 79.05 typed as a number


def test_unknown_tingkat_is_quarantined(tmp_path):
    def edit(wb):
        wb["Penjenjangan 2025-2029"]["B3"] = "Subkeg"

    result = reader.read(build(tmp_path, edit=edit), CONFIG)
    [q] = quarantined(result, "Penjenjangan 2025-2029").to_dict("records")
    assert (q["baris"], q["kolom"], q["nilai"]) == (3, "B (Tingkat)", "Subkeg")
    assert "tingkat tidak dikenal" in q["alasan"]
    assert accounting(result, "Penjenjangan 2025-2029").dikarantina == 1


def test_a_csv_renamed_to_xlsx_is_structural(tmp_path):
    path = tmp_path / NAME
    path.write_text("Kode;Target\nPK-1;57\n", encoding="utf-8")
    with pytest.raises(StructuralError) as info:
        reader.read(path, CONFIG)
    assert "bukan workbook Excel" in str(info.value)
