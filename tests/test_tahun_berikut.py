"""The default office's next report (lkjip.synthetic.tahun_berikut): 2026, one agreement, 2022-2026.

Figures worked out by hand (module docstring of the scenario):

- budget 2026: 85.000.000 + 104.000.000 + 450.000.000 + 130.000.000 + 55.000.000 = 824.000.000,
  realised 79.475.000 + 96.720.000 + 425.250.000 + 119.600.000 + 53.350.000 = 774.395.000, so
  774.395.000 / 824.000.000 = 93,98 %; 2025 was 85,72 %, a rise of 8,26 points;
- sasaran: (450 + 55) = 505 juta / (425,25 + 53,35) = 478,6 juta = 94,77 %; 79,475 / 85 = 93,50 %;
  (104 + 130) = 234 juta / (96,72 + 119,6) = 216,32 juta = 92,44 %;
- capaian: 84,35 / 84 = 100,42 %; 96,44 / 96 = 100,46 % (25 × 96,4 + 12,5 × 96 + 12,5 × 96,8 +
  10 × (96,4 × 4 + 96,8) = 9.644, / 100); 91,24 / 90,5 = 100,82 %; 93,98 / 96 = 97,90 %;
- Tabel III.4.B: mean of the three main indicators (100,4167 + 100,4583 + 100,8177) / 3 = 100,56 %,
  efisiensi 100,56 − 93,98 = 6,58 poin;
- tingkat kematangan 2026: 2.424 / 48 = 50,50.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from bantuan import process_project, run_cli_build

from lkjip.core.config import load_config
from lkjip.synthetic.tahun_berikut import write_proyek


@pytest.fixture(scope="module")
def proyek(tmp_path_factory) -> Path:
    return process_project(write_proyek(tmp_path_factory.mktemp("tahun_berikut") / "proyek"))


def _tahun(frame, tahun=2026):
    return frame[frame["tahun"] == tahun]


def test_next_year_has_one_agreement_in_force_and_a_trend_from_2022(proyek):
    config = load_config(proyek / "laporan.yml")
    assert config.tahun == 2026 and config.trend_years == [2022, 2023, 2024, 2025, 2026]
    # the ended 2021-2025 period stays in laporan.yml; only 2025-2029 is in force
    assert [p.kode for p in config.periode] == ["2021-2025", "2025-2029"]
    assert [p.kode for p in config.periode_aktif] == ["2025-2029"]
    # both periods' agreements are called "Perjanjian Kinerja": the one in force is meant
    assert config.dokumen_aktif == ["Perjanjian Kinerja"]
    assert config.periode_for_pk("Perjanjian Kinerja").kode == "2025-2029"
    raw = sorted(p.name for p in (proyek / "data" / "raw").iterdir())
    assert "skm-responden-2026.xlsx" in raw and "skm-responden-2025.xlsx" not in raw


def test_the_2026_capaian_worked_by_hand(proyek):
    from lkjip.data import tabel

    now = _tahun(tabel("capaian", proyek)).set_index("kode_indikator")
    assert set(now.index) == {"PKP-1", "PKP-2", "PKP-3", "KL-1"}
    assert set(now["periode"]) == {"2025-2029"}
    expected = {  # kode: (target, realisasi, capaian)
        "PKP-1": (84.00, 84.35, 100.42),
        "PKP-2": (96.00, 96.44, 100.46),
        "PKP-3": (90.50, 91.24, 100.82),
        "KL-1": (96.00, 93.98, 97.90),
    }
    for kode, (target, realisasi, capaian) in expected.items():
        row = now.loc[kode]
        assert (row["target"], round(row["realisasi"], 2), round(row["capaian"], 2)) == (
            target,
            realisasi,
            capaian,
        ), kode
    # the realisasi come from the 2026 exports, not from what the PK sheet says
    assert set(now.loc[["PKP-1", "PKP-2", "PKP-3", "KL-1"], "asal_realisasi"]) == {"hitung"}


def test_the_2026_evaluations_and_survey(proyek):
    from lkjip.data import tabel

    assert round(_tahun(tabel("sakip_ringkas", proyek))["rata_rata"].item(), 2) == 84.35
    assert round(_tahun(tabel("kematangan_ringkas", proyek))["rata_rata"].item(), 2) == 50.50
    assert round(_tahun(tabel("efektivitas", proyek))["nilai"].item(), 2) == 96.44
    ikm = tabel("ikm_pemda", proyek).set_index("tahun")
    assert list(ikm.index) == [2023, 2024, 2025, 2026]
    assert list(ikm["ikm_bulat"]) == [89.20, 89.97, 90.87, 91.24]
    assert list(ikm["sumber"]) == ["riwayat", "riwayat", "riwayat", "responden"]


def test_the_2026_budget_and_its_sasaran(proyek):
    from lkjip.data import tabel

    total = tabel("anggaran_total", proyek).set_index("tahun")
    assert list(total.index) == [2022, 2023, 2024, 2025, 2026]
    assert (total.loc[2026, "anggaran"], total.loc[2026, "realisasi"]) == (824_000_000, 774_395_000)
    assert round(total.loc[2026, "persen"], 2) == 93.98
    sasaran = tabel("anggaran_sasaran", proyek).set_index("no_sasaran")
    assert list(sasaran["alokasi"]) == [505_000_000, 85_000_000, 234_000_000]
    assert list(sasaran["realisasi"]) == [478_600_000, 79_475_000, 216_320_000]
    assert [round(v, 2) for v in sasaran["capaian_anggaran"]] == [94.77, 93.50, 92.44]
    # sasaran 1's kinerja is PKP-1 alone: the "kinerja lainnya" KL-1, numbered 1 in its own
    # section, is another sasaran ((100,42 + 97,90) / 2 = 99,16 would mix them)
    assert [round(v, 2) for v in sasaran["capaian_kinerja"]] == [100.42, 100.46, 100.82]


def test_the_reviu_finds_every_typed_figure_right(proyek):
    from lkjip.data import tabel

    # the reviu table lists findings only: every printed or typed figure agrees with the data
    reviu = tabel("reviu", proyek)
    assert reviu.empty, reviu[["berkas", "sheet", "baris", "kolom", "penjelasan"]]


def test_its_tables_carry_no_period_letter_and_name_the_period_in_force(proyek):
    from lkjip import data
    from lkjip.report import bagian

    t, config = bagian.load(proyek)
    tabel = bagian.semua_tabel(t, config, data.sumber_ada(proyek))
    assert [x.nomor for x in tabel] == [
        "II.1", "II.2", "II.3", "II.4", "III.1", "III.2", "III.3", "III.4.A", "III.4.B",
        "L.1", "L.2", "L.3", "L.4", "L.5",
    ]  # fmt: skip
    judul = {x.nomor: x.judul for x in tabel}
    assert "Periode 2025-2029" in judul["II.3"] and "2021-2025" not in " ".join(judul.values())
    assert "Tahun 2022–2026" in judul["III.2"] and "Tahun 2026" in judul["III.4.B"]


def test_the_sentences_follow_the_2026_figures(proyek):
    from lkjip.report.laporan import Laporan

    laporan = Laporan.load(root=proyek)
    ringkas = laporan.ringkasan_pk().data
    assert "menyusun 1 Perjanjian Kinerja" in ringkas
    assert "Perjanjian Kinerja Tahun 2026 (periode perencanaan 2025-2029)" in ringkas
    efisiensi = laporan.efisiensi().data
    assert "100,56%" in efisiensi and "93,98%" in efisiensi and "6,58%" in efisiensi
    assert "lebih besar" in efisiensi
    anggaran = laporan.paragraf_anggaran().data
    assert "Rp824.000.000" in anggaran and "Rp774.395.000" in anggaran
    assert "naik 8,26 poin persen dibandingkan tahun 2025 (85,72%)" in anggaran


def test_the_download_list_is_what_this_build_publishes_not_what_an_old_one_left(proyek):
    from lkjip.katalog.dataset import sumber_dibaca
    from lkjip.publish.buku import Penanda
    from lkjip.publish.situs import unduhan_markdown
    from lkjip.report import bagian

    public = proyek / "data" / "processed" / "publik"
    public.mkdir(parents=True, exist_ok=True)
    (public / "tabel-II.2.A.csv").write_text("dari laporan tahun lalu\n", encoding="utf-8")
    # the page lists the tables the chapters print (here: one agreement, no period letter)
    config = load_config(proyek / "laporan.yml")
    penanda = [Penanda("tabel", "Tabel II.2", "Indikator Kinerja Utama", "02-perencanaan-kinerja")]
    sumber = sumber_dibaca(public.parent)
    links = unduhan_markdown(config, sumber, penanda, bagian.tabel_olahan_publik(proyek), proyek)
    assert "tabel-II.2.A.csv" not in links
    assert "[CSV](../data/processed/publik/tabel-II.2.csv)" in links
    assert "skm_responden" not in links  # respondent rows are never published


@pytest.mark.slow  # executes the notebooks
def test_the_2026_report_builds_from_the_command(tmp_path):
    root = tmp_path / "proyek"
    subprocess.run(
        [sys.executable, "-m", "lkjip", "contoh-tahun-berikut", str(root)], check=True, timeout=300
    )
    result = run_cli_build(root, "--tanpa-quarto")
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-3000:]
    assert "Reviu: tidak ada temuan" in result.stdout
    pages = {
        p.name: re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", p.read_text(encoding="utf-8")))
        for p in (root / "_preview").glob("0[0-5]*.html")
    }
    text = " ".join(pages.values())
    for word in ("nan", "None", "NaT", "2021-2025", "II.3.A", "III.1.A", "teks belum diisi"):
        assert not re.search(rf"\b{re.escape(word)}\b", text), word
    assert "Tahun 2026" in pages["00b-ikhtisar-eksekutif.html"]
    assert "tahun kedua pelaksanaan dokumen perencanaan periode 2025-2029" in text
    assert "Tahun 2022–2026" in pages["03-akuntabilitas-kinerja.html"]
    assert "6,58%" in pages["03-akuntabilitas-kinerja.html"]
    assert (root / "data" / "processed" / "publik" / "lampiran-tabel-2026.xlsx").exists()
    assert not (root / "data" / "processed" / "publik" / "tabel-II.2.A.csv").exists()


def test_the_2025_report_from_next_years_data_prints_the_agreement_the_data_hold(proyek):
    from lkjip import data
    from lkjip.report import bagian
    from lkjip.report.laporan import Laporan

    # 2025 has two periods in force, but the 2026 workbook holds the 2025-2029 agreement only
    t, config = bagian.load(proyek, 2025)
    assert [p.kode for p in config.periode_aktif] == ["2025-2029"]
    nomor = [x.nomor for x in bagian.semua_tabel(t, config, data.sumber_ada(proyek))]
    assert nomor[:5] == ["II.1", "II.2", "II.3", "II.4", "III.1"]  # no empty 2021-2025 tables
    laporan = Laporan.load(2025, root=proyek)
    assert "Perjanjian Kinerja Tahun 2025 (periode perencanaan 2025-2029)" in laporan.ringkasan_pk().data
    # 2025's figures from the trend columns: 83,78 / 83,11 = 100,81 %; 90,87 / 90,05 = 100,91 %
    text = laporan.analisis("Perjanjian Kinerja").data
    assert "100,81%" in text and "100,91%" in text


def test_years_whose_agreement_is_not_in_the_data_are_refused(proyek):
    from lkjip.report.laporan import Laporan
    from lkjip.report.tahun import TahunTidakTercakup

    # 2022-2024 appear only as history columns of the 2025-2029 agreement
    with pytest.raises(TahunTidakTercakup) as err:
        Laporan.load(2024, root=proyek)
    assert "hanya mencakup tahun 2025, 2026" in str(err.value)
