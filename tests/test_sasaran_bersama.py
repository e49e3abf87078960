"""A sub-kegiatan that funds several sasaran (a cascade): accepted, attributed in full to each.

Built from the default budget export: sasaran 3 also lists sub-kegiatan 4.01.01.2.13.0001, which
already funds sasaran 2. Hand-worked figures (the default LRA 2025): sasaran 2 is 0001 alone,
Rp81.373.500 / Rp57.921.700; sasaran 3 becomes 0003 + 0005 + 0001 =
487.724.565 + 81.373.500 = 569.098.065 allocated and 447.498.997 + 57.921.700 = 505.420.697
realised, 88,81 %.
"""

from __future__ import annotations

import pytest
from openpyxl import load_workbook

from lkjip.core.config import load_config
from lkjip.core.paths import copy_project
from lkjip.pipeline.data_step import run_data_step

SHEET = "Anggaran per Sasaran"
BUDGET = "realisasi-anggaran.xlsx"


def _row_of(ws, no: int) -> int:
    return next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == no)


def _run(tmp_path, edit):
    root = copy_project(tmp_path / "proyek")
    book = root / "data" / "raw" / BUDGET
    wb = load_workbook(book)
    edit(wb[SHEET])
    wb.save(book)
    config = load_config(root / "laporan.yml")
    return run_data_step(root / "data" / "raw", root / "data" / "processed", config, force=True)


@pytest.fixture(scope="module")
def shared(tmp_path_factory):
    def edit(ws):
        r = _row_of(ws, 3)
        ws.cell(r, 4, "4.01.01.2.13.0003; 4.01.01.2.13.0005; 4.01.01.2.13.0001")
        ws.cell(r, 5, 569098065)
        ws.cell(r, 6, 505420697)
        ws.cell(r, 7, "88,81 %")

    return _run(tmp_path_factory.mktemp("bersama"), edit)


def test_a_shared_sub_kegiatan_is_accepted_and_counted_in_full_for_each_sasaran(shared):
    assert shared.n_quarantined == 0
    peta = shared.tables["peta_sasaran_anggaran"]
    assert sorted(peta.loc[peta["kode"] == "4.01.01.2.13.0001", "no_sasaran"].tolist()) == [2, 3]
    per = shared.tables["anggaran_sasaran"].set_index("no_sasaran")
    assert per.loc[2, "alokasi"] == 81373500 and per.loc[2, "realisasi"] == 57921700
    assert per.loc[3, "alokasi"] == 569098065 and per.loc[3, "realisasi"] == 505420697
    assert round(per.loc[3, "capaian_anggaran"], 2) == 88.81


def test_the_total_row_is_not_compared_with_the_sum_of_shared_rows_and_says_why(shared):
    note = next(n for n in shared.notes if "baris Jumlah tidak dibandingkan" in n)
    assert SHEET in note and "4.01.01.2.13.0001 (sasaran 2, 3)" in note
    assert "dihitung penuh" in note
    # The unit's own total still counts every sub-kegiatan once.
    total = shared.tables["anggaran_total"].set_index("tahun")
    assert total.loc[2025, "anggaran"] == 796858170


def test_a_code_listed_twice_for_one_sasaran_is_a_located_duplicate_in_indonesian(tmp_path):
    def edit(ws):
        ws.cell(_row_of(ws, 2), 4, "4.01.01.2.13.0001; 4.01.01.2.13.0001")

    result = _run(tmp_path, edit)
    rows = result.quarantine[result.quarantine["sheet"] == SHEET]
    assert rows["baris"].tolist() == [7]  # the second sasaran's row, reported once
    reason = rows["alasan"].item()
    assert reason.startswith("duplikat: Dokumen, No dan Kode Sub Kegiatan yang sama tercantum lebih")
    assert "hanya boleh tercatat sekali" in reason
    assert "uniqueness" not in " ".join(result.quarantine["alasan"])


def test_the_summary_row_of_tabel_iii_4_b_counts_a_shared_sub_kegiatan_once(shared, tmp_path):
    from lkjip.indicators.anggaran import dana_sasaran
    from lkjip.report.tables import tabel_kinerja_anggaran

    t = shared.tables
    config = load_config()
    tabel = tabel_kinerja_anggaran(
        t["anggaran_sasaran"],
        t["capaian"],
        t["ringkasan_capaian"],
        config,
        nomor="III.4.B",
        dokumen=config.dokumen_aktif[-1],
        dana=dana_sasaran(t["anggaran_hasil"], t["peta_sasaran_anggaran"], config),
    )
    total = tabel.frame["Capaian Anggaran (%)"].iloc[-1]
    # Every sub-kegiatan once: 683.074.125 / 796.858.170 = 85,72 % (as in the unit's LRA), not
    # (683.074.125 + 57.921.700) / (796.858.170 + 81.373.500) = 84,38 % with 0001 counted twice.
    assert round(total, 2) == 85.72
