"""Publication tables: seed figures in Indonesian format, N/A, groups, escaping, plain frames."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pytest

from lkjip.core.config import Format, load_config
from lkjip.report import tables

PK = "Perjanjian Kinerja"
PKP = "Perjanjian Kinerja Perubahan"
SCRIPT = "<script>alert(1)</script>"


@pytest.fixture(scope="module")
def config():
    return load_config()


def _cells(table) -> list[str]:
    """Text of the body cells, tags removed (to compare with what a reader sees)."""
    html = table.gt().as_raw_html()
    found = re.findall(r'<td[^>]*class="gt_row[^"]*"[^>]*>(.*?)</td>', html, re.S)
    return [re.sub(r"<[^>]+>", "", c) for c in found]


def _capaian() -> pd.DataFrame:
    """Capaian rows with the seed's figures, plus one indicator without realisasi."""
    spec = [
        # dokumen, jenis, no, sasaran, kode, indikator, satuan, {tahun: (target, realisasi, capaian)}
        (PK, "utama", 1, "Terwujudnya penataan organisasi dalam peningkatan pelayanan publik",
         "PK-1", "Jumlah PD/UKPD dengan nilai SKM minimal baik", "PD/UKPD",
         {2022: (57, np.nan, np.nan), 2023: (57, 57, 100), 2025: (57, 57, 100)}),
        (PK, "lainnya", 1, "Meningkatnya Tatakelola Birokrasi Pemerintahan", "KL-1",
         "Persentase Realisasi Anggaran Bagian Organisasi", "%",
         {2021: (96, 90.64, 94.42), 2025: (96.40, 85.72, 88.92)}),
        (PK, "lainnya", 1, "Meningkatnya Tatakelola Birokrasi Pemerintahan", "KL-2",
         "Indeks Profesionalitas ASN Bagian Organisasi", "Indeks", {2025: (86.50, 84.44, 97.62)}),
        (PK, "lainnya", 2, "Optimalisasi Kualitas Pelayanan melalui Pembangunan Inovasi", "KL-3",
         "Jumlah Inovasi yang terinternalisasi", "Inovasi", {2025: (3, np.nan, np.nan)}),
        (PKP, "utama", 1, "Meningkatnya akuntabilitas kinerja Perangkat Daerah", "PKP-1",
         "Nilai Rata-Rata SAKIP Perangkat Daerah", "Nilai",
         {2024: (np.nan, 83.11, np.nan), 2025: (83.11, 83.78, 100.81)}),
        (PKP, "utama", 3, "Meningkatnya Persepsi Masyarakat Terhadap Layanan Publik", "PKP-3",
         "Indeks Kepuasan Masyarakat (IKM) Pemerintah Daerah", "Indeks",
         {2024: (np.nan, 89.97, np.nan), 2025: (90.05, 90.87, 100.91)}),
    ]
    rows = [
        {"dokumen": d, "periode": "x", "jenis": j, "no_sasaran": n, "sasaran": s,
         "kode_indikator": k, "indikator": i, "satuan": u, "polaritas": "positif", "tahun": y,
         "target": t, "realisasi": r, "capaian": c}
        for d, j, n, s, k, i, u, years in spec for y, (t, r, c) in years.items()
    ]
    frame = pd.DataFrame(rows)
    for column in ("dokumen", "jenis", "sasaran", "kode_indikator", "indikator", "satuan"):
        frame[column] = frame[column].astype("string")
    return frame.astype({"no_sasaran": "Int64", "tahun": "Int64"})


def _anggaran() -> pd.DataFrame:
    """Tabel III.4.A of the seed (the computed %, not the printed 84,40 typo)."""
    pagu = [81_373_500, 100_613_435, 437_724_565, 127_146_670, 50_000_000]
    real = [57_921_700, 85_012_295, 399_549_077, 92_641_133, 47_949_920]
    frame = pd.DataFrame({
        "tahun": 2025,
        "kode": [f"4.01.01.2.13.000{i}" for i in range(1, 6)],
        "kode_kegiatan": "4.01.01.2.13",
        "kegiatan": "Penataan Organisasi",
        "uraian": ["Pengelolaan Kelembagaan dan Analisis Jabatan",
                   "Fasilitasi Pelayanan Publik dan Tata Laksana",
                   "Peningkatan Kinerja dan Reformasi Birokrasi",
                   "Monitoring, Evaluasi dan Pengendalian Kualitas Pelayanan Publik",
                   "Koordinasi dan Penyusunan Laporan Kinerja Pemerintah Daerah"],
        "anggaran": np.array(pagu, dtype=float),
        "realisasi": np.array(real, dtype=float),
    })
    return frame.assign(persen=frame["realisasi"] / frame["anggaran"] * 100)


def test_realisasi_anggaran_shows_the_seed_figures(config):
    anggaran = _anggaran()
    before = anggaran.copy()
    table = tables.tabel_realisasi_anggaran(anggaran, config, nomor="III.4.A")
    html = table.gt().as_raw_html()
    assert "Tabel III.4.A Realisasi Anggaran Tahun 2025" in html
    cells = _cells(table)
    assert cells[:5] == ["1", "Pengelolaan Kelembagaan dan Analisis Jabatan", "Rp81.373.500",
                         "Rp57.921.700", "71,18%"]
    assert cells[-5:] == ["", "Jumlah", "Rp796.858.170", "Rp683.074.125", "85,72%"]
    assert "4.01.01.2.13.0001" not in cells  # the code column is kept for the annex only
    pd.testing.assert_frame_equal(anggaran, before)


def test_money_style_follows_the_config(config):
    laporan = config.model_copy(update={"format": Format(uang="laporan")})
    cells = _cells(tables.tabel_realisasi_anggaran(_anggaran(), laporan, nomor="III.4.A"))
    assert "Rp. 796.858.170,00" in cells


def test_as_frame_keeps_numbers_for_the_annex(config):
    frame = tables.as_frame(tables.tabel_realisasi_anggaran(_anggaran(), config, nomor="III.4.A"))
    assert list(frame.columns) == ["No", "Kode", "Sub Kegiatan", "Anggaran", "Realisasi",
                                   "Capaian (%)"]
    total = frame.iloc[-1]
    assert total["Sub Kegiatan"] == "Jumlah"
    assert total["Anggaran"] == 796_858_170
    assert total["Realisasi"] == 683_074_125
    assert total["Capaian (%)"] == pytest.approx(683_074_125 / 796_858_170 * 100)
    assert frame["Kode"].iloc[0] == "4.01.01.2.13.0001"


def test_anggaran_per_kegiatan(config):
    cells = _cells(tables.tabel_anggaran_kegiatan(_anggaran(), config, nomor="II.4"))
    assert cells == ["1", "Penataan Organisasi", "Rp796.858.170"]


def test_perjanjian_kinerja_with_units_groups_and_na(config):
    table = tables.tabel_perjanjian_kinerja(_capaian(), PK, config, nomor="II.3.A")
    html = table.gt().as_raw_html()
    assert ("Tabel II.3.A Perjanjian Kinerja Tahun 2025 (sesuai Dokumen Perencanaan Periode "
            "2021-2025)") in html
    assert "Sasaran Strategis" in html and "Kinerja Lainnya" in html
    # The agreement (issue 11): sasaran, indikator, target; its results are Tabel III.1.
    assert list(tables.as_frame(table).columns) == [
        "Kelompok", "No", "Sasaran", "Indikator Kinerja", "Satuan", "Target"
    ]
    cells = _cells(table)
    assert cells == [
        "1", "Terwujudnya penataan organisasi dalam peningkatan pelayanan publik",
        "Jumlah PD/UKPD dengan nilai SKM minimal baik", "57 PD/UKPD",
        "1", "Meningkatnya Tatakelola Birokrasi Pemerintahan",
        "Persentase Realisasi Anggaran Bagian Organisasi", "96,40%",
        # The second indicator of the same sasaran: number and sasaran printed once (merged).
        "", "", "Indeks Profesionalitas ASN Bagian Organisasi", "86,50",
        "2", "Optimalisasi Kualitas Pelayanan melalui Pembangunan Inovasi",
        "Jumlah Inovasi yang terinternalisasi", "3 Inovasi",
    ]  # fmt: skip


def test_capaian_shows_results_and_na(config):
    cells = _cells(tables.tabel_capaian(_capaian(), PK, config, nomor="III.1.A"))
    assert cells[:6] == ["1", "Terwujudnya penataan organisasi dalam peningkatan pelayanan publik",
                         "Jumlah PD/UKPD dengan nilai SKM minimal baik", "57 PD/UKPD",
                         "57 PD/UKPD", "100,00%"]
    assert cells[9:12] == ["96,40%", "85,72%", "88,92%"]
    # The second indicator of the same sasaran: number and sasaran printed once (merged).
    assert cells[12:17] == ["", "", "Indeks Profesionalitas ASN Bagian Organisasi", "86,50", "84,44"]
    # An indicator without realisasi: "N/A" for realisasi and capaian, never 0.
    assert cells[-3:] == ["3 Inovasi", "N/A", "N/A"]


def test_capaian_perubahan(config):
    table = tables.tabel_capaian(_capaian(), PKP, config, nomor="III.1.B")
    assert "Tabel III.1.B Capaian Perjanjian Kinerja Perubahan Tahun 2025" in table.gt().as_raw_html()
    cells = _cells(table)
    assert cells[3:6] == ["83,11", "83,78", "100,81%"]
    assert cells[9:12] == ["90,05", "90,87", "100,91%"]
    assert "Kinerja Lainnya" not in table.gt().as_raw_html()


def test_unknown_agreement_is_a_clear_error(config):
    with pytest.raises(ValueError, match=r"tidak ada di laporan\.yml"):
        tables.tabel_capaian(_capaian(), "Perjanjian Lain", config, nomor="III.1")


def test_trend_has_one_column_per_year_and_na(config):
    capaian = _capaian()
    table = tables.tabel_tren(capaian, capaian, PK, config, nomor="III.2.A")
    html = table.gt().as_raw_html()
    assert "Tabel III.2.A" in html and "Realisasi" in html
    frame = tables.as_frame(table)
    assert [c for c in frame.columns if c.isdigit()] == ["2021", "2022", "2023", "2025"]
    cells = _cells(table)
    # PK-1: 2021 no row, 2022 realisasi missing -> N/A, then 57, 57 (count without unit word).
    assert cells[:7] == ["1", "Terwujudnya penataan organisasi dalam peningkatan pelayanan publik",
                         "Jumlah PD/UKPD dengan nilai SKM minimal baik", "N/A", "N/A", "57", "57"]
    assert "90,64%" in cells and "84,44" in cells

    perubahan = tables.tabel_tren(capaian, capaian, PKP, config, nomor="III.2.B")
    assert [c for c in tables.as_frame(perubahan).columns if c.isdigit()] == ["2024", "2025"]
    assert {"83,11", "83,78", "89,97", "90,87"} <= set(_cells(perubahan))


def test_iku_joins_office_text_line_by_line(config):
    narasi = pd.DataFrame({
        "dokumen": [PK], "kode_indikator": ["PK-1"],
        "formulasi": ["Jumlah PD/UKPD dengan nilai SKM minimal baik"],
        "penjelasan": ["Kategori Baik : 76,61 – 88,30\nKategori Sangat Baik : 88,31 – 100,00"],
        "sumber_data": ["Laporan Hasil Survei Kepuasan Masyarakat"],
        "upaya": [""], "kendala": [""], "solusi": [""],
    })
    table = tables.tabel_iku(_capaian(), narasi, PK, config, nomor="II.2.A")
    html = table.gt().as_raw_html()
    assert "Tabel II.2.A Indikator Kinerja Utama" in html
    assert "Kategori Baik : 76,61 – 88,30<br>Kategori Sangat Baik" in html
    assert "PD/UKPD" in _cells(table)


def test_penjenjangan(config):
    penjenjangan = pd.DataFrame({
        "periode": ["2025-2029", "2025-2029", "2021-2025"], "urutan": [2, 1, 1],
        "tingkat": ["Kegiatan", "Tujuan", "Tujuan"],
        "uraian": ["Penataan Organisasi", "Mewujudkan Tata Kelola", "Lama"],
        "indikator": ["Nilai rata-rata SAKIP Perangkat Daerah", "Indeks Reformasi Birokrasi", "x"],
        "target": ["83,11", "86,36", "1"],
    })
    table = tables.tabel_penjenjangan(penjenjangan, "2025-2029", config, nomor="II.1.B")
    assert "Tabel II.1.B Matriks Penjenjangan Strategis" in table.gt().as_raw_html()
    assert _cells(table) == ["Tujuan", "Mewujudkan Tata Kelola", "Indeks Reformasi Birokrasi",
                             "86,36", "Kegiatan", "Penataan Organisasi",
                             "Nilai rata-rata SAKIP Perangkat Daerah", "83,11"]


def test_pembanding_with_and_without_comparison(config):
    hasil = pd.DataFrame({
        "tahun": 2025, "kode_indikator": ["PKP-1", "PKP-3"],
        "indikator": ["Nilai Rata-Rata SAKIP Perangkat Daerah",
                      "Indeks Kepuasan Masyarakat (IKM) Pemerintah Daerah"],
        "nilai_organisasi": [83.78, 90.87], "entitas_pembanding": [pd.NA, "Provinsi Jawa Timur"],
        "nilai_pembanding": [np.nan, 89.71], "selisih": [np.nan, 1.16],
        "verdict": ["tidak dapat dibandingkan", "lebih tinggi"],
    })
    table = tables.tabel_pembanding(hasil, config, _capaian(), nomor="III.3")
    assert "Pemerintah Kabupaten Mojokerto dan Provinsi Jawa Timur" in table.gt().as_raw_html()
    cells = _cells(table)
    assert cells[3:8] == ["83,78", "-", "N/A", "N/A", "tidak dapat dibandingkan"]
    assert cells[-5:] == ["90,87", "Provinsi Jawa Timur", "89,71", "1,16", "lebih tinggi"]


def test_kinerja_vs_anggaran_with_summary_and_efisiensi(config):
    sasaran = pd.DataFrame({
        "dokumen": PKP, "no_sasaran": [1, 3],
        "sasaran": ["Meningkatnya akuntabilitas kinerja Perangkat Daerah",
                    "Meningkatnya Persepsi Masyarakat Terhadap Layanan Publik"],
        "alokasi": [227_760_105.0, 487_724_565.0], "realisasi": [177_653_428.0, 447_498_997.0],
        "capaian_anggaran": [78.68, 93.59], "capaian_kinerja": [100.81, 100.91],
    })
    ringkasan = pd.DataFrame({
        "dokumen": [PKP, PK], "periode": ["2025-2029", "2021-2025"], "tahun": [2025, 2025],
        "jenis": ["utama", "utama"], "rata_rata_capaian": [100.57, 100.0],
        "capaian_anggaran": [85.72, 85.72], "efisiensi": [14.85, 14.28],
    })
    table = tables.tabel_kinerja_anggaran(sasaran, _capaian(), ringkasan, config, nomor="III.4.B")
    html = table.gt().as_raw_html()
    assert "Tabel III.4.B Perbandingan Capaian Kinerja dengan Anggaran Tahun 2025" in html
    assert "Kinerja" in html and "Anggaran" in html
    cells = _cells(table)
    assert cells[3:9] == ["83,11", "83,78", "100,81%", "Rp227.760.105", "Rp177.653.428",
                          "78,68%"]
    # The summary row is over the two sasaran shown, not over the whole agreement (issue 10):
    # (100,81 + 100,91) / 2 = 100,86; (177.653.428 + 447.498.997) / (227.760.105 + 487.724.565)
    # = 625.152.425 / 715.484.670 = 87,37 %; efisiensi 100,86 − 87,37 = 13,49.
    assert cells[-9:] == ["", "Rata-rata capaian kinerja / total capaian anggaran", "", "", "",
                          "100,86%", "", "", "87,37%"]
    assert "= 100,86% − 87,37% = 13,49%" in html


def test_lampiran_ikm_is_compact_escaped_and_marks_small_samples(config):
    units = pd.DataFrame({
        "tahun": 2025, "kode_unit": ["A01", "A02"], "unit": [SCRIPT, "Dinas Kesehatan"],
        "jumlah_responden": [100, 310], "populasi": [1000, 1500], "sampel_minimum": [278, 306],
        "sampel_cukup": [False, True], "ikm": [90.123, 76.605], "ikm_bulat": [90.12, 76.61],
        "mutu": ["A", "B"], "kinerja": ["Sangat Baik", "Baik"], "minimal_baik": [True, True],
    })
    unsur = pd.DataFrame([
        {"tahun": 2025, "kode_unit": k, "unit": "u", "unsur": f"U{i}", "nrr": 3 + i / 100}
        for k in ("A01", "A02", "PEMDA") for i in range(1, 10)
    ])
    pemda = pd.DataFrame({"tahun": [2025], "ikm": [83.36], "mutu": ["B"], "kinerja": ["Baik"]})
    table = tables.lampiran_ikm_unit(units, unsur, config, ikm_pemda=pemda, nomor="L.1")
    html = table.gt().as_raw_html()
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "font-size: 10px" in html
    assert "NRR per Unsur" in html and "U1 Persyaratan" in html
    cells = _cells(table)
    assert cells[:4] == ["1", "&lt;script&gt;alert(1)&lt;/script&gt;", "100*", "278"]
    assert cells[16:20] == ["2", "Dinas Kesehatan", "310", "306"]  # sample flag only when short
    assert "3,01" in cells and "90,12" in cells and "76,61" in cells
    # The Pemda row closes the table: no respondent counts, its NRR and IKM.
    assert cells[-16:-12] == ["", "Pemerintah Kabupaten Mojokerto", "", ""]
    assert cells[-3:] == ["83,36", "B", "Baik"]


def test_escaping_of_text_from_the_exports_in_every_kind_of_cell(config):
    capaian = _capaian()
    capaian["sasaran"] = capaian["sasaran"].where(capaian["kode_indikator"] != "PK-1", SCRIPT)
    capaian["satuan"] = capaian["satuan"].where(capaian["kode_indikator"] != "PK-1", "<b>PD</b>")
    html = tables.tabel_perjanjian_kinerja(capaian, PK, config, nomor="II.3.A").gt().as_raw_html()
    assert "<script>" not in html and "<b>PD</b>" not in html
    assert "&lt;script&gt;" in html and "57 &lt;b&gt;PD&lt;/b&gt;" in html

    narasi = pd.DataFrame({"dokumen": [PK], "kode_indikator": ["PK-1"], "formulasi": [SCRIPT],
                           "penjelasan": [pd.NA], "sumber_data": ["a & b"], "upaya": [""],
                           "kendala": [""], "solusi": [""]})
    html = tables.tabel_iku(capaian, narasi, PK, config, nomor="II.2.A").gt().as_raw_html()
    assert "<script>" not in html and "&lt;script&gt;" in html and "a &amp; b" in html


def test_lampiran_sakip_kematangan_and_reviu(config):
    sakip = pd.DataFrame({
        "tahun": 2025, "kode_pd": ["1.01", "1.02"], "perangkat_daerah": ["Dinas A", "Dinas B"],
        "nilai": [80.1, np.nan], "predikat_tercetak": ["A", pd.NA], "predikat": ["A", pd.NA],
        "sebutan": ["Memuaskan", pd.NA], "minimal_baik": [True, pd.NA],
    })
    cells = _cells(tables.lampiran_sakip(sakip, config, nomor="L.3"))
    assert cells == ["1", "Dinas A", "80,10", "A", "Memuaskan", "Ya",
                     "2", "Dinas B", "N/A", "-", "-", "N/A"]

    kematangan = pd.DataFrame({
        "tahun": 2025, "kode_pd": ["1.01"], "perangkat_daerah": ["Dinas A"], "total": [37.1],
        "kategori": ["Tinggi"], "minimal_tinggi": [True],
    })
    assert _cells(tables.lampiran_kematangan(kematangan, config, nomor="L.4")) == [
        "1", "Dinas A", "37,10", "Tinggi", "Ya"
    ]

    reviu = pd.DataFrame({
        "jenis": ["persen_anggaran"], "berkas": ["realisasi-anggaran.xlsx"], "sheet": ["LRA"],
        "baris": [1012], "kolom": ["H"], "nilai_tercetak": [84.40], "nilai_hitung": [84.4940],
        "selisih": [0.094], "toleransi": [0.01], "penjelasan": ["persen tercetak berbeda"],
    })
    table = tables.lampiran_reviu(reviu, config, nomor="L.5")
    assert _cells(table) == ["1", "realisasi-anggaran.xlsx, sheet &#x27;LRA&#x27;, baris 1012, "
                             "kolom H", "84,40", "84,49", "0,09", "persen tercetak berbeda"]
    html = table.gt().as_raw_html()
    # Internal names are not printed (issue 11): the kind in words, the column in words.
    assert "persen_anggaran" not in html and "persen_tercetak" not in html
    assert "Persentase realisasi sub-kegiatan tercetak vs realisasi / anggaran" in html
    empty = tables.lampiran_reviu(reviu.iloc[:0], config, nomor="L.5")
    assert "Tidak ada temuan reviu." in empty.gt().as_raw_html()


def test_lampiran_demografi_groups_the_pemda_respondents():
    from lkjip.core.config import load_config
    from lkjip.report.tables import as_frame, lampiran_demografi

    config = load_config()
    demografi = pd.DataFrame(
        {
            "tahun": [2025, 2025, 2025, 2025],
            "kode_unit": ["PEMDA", "PEMDA", "PEMDA", "UL-01"],
            "variabel": ["umur", "jenis_kelamin", "jenis_kelamin", "jenis_kelamin"],
            "kelompok": ["20–29", "Laki-laki", "Perempuan", "Laki-laki"],
            "jumlah": [5, 12, 8, 3],
            "persen": [100.0, 60.0, 40.0, 100.0],
        }
    )
    table = lampiran_demografi(demografi, config, nomor="L.2")
    frame = as_frame(table)
    # Only the Pemda rows, sex before age as in the questionnaire; 12 of 20 = 60 %.
    assert frame["Kelompok"].tolist() == ["Laki-laki", "Perempuan", "20–29"]
    html = table.gt().as_raw_html()
    assert "Jenis Kelamin" in html and "60,00%" in html and "Karakteristik Responden SKM Tahun 2025" in html


def test_education_levels_in_their_natural_order(config):
    # The indicator writes them alphabetically (D1–D4, S1, S2, S3, SD, SMA, SMP); the report
    # lists them from the lowest level, "Tidak diisi" last.
    levels = ["D1–D4", "S1", "S2", "S3", "SD", "SMA", "SMP", "Tidak diisi"]
    demografi = pd.DataFrame({
        "tahun": 2025, "kode_unit": "PEMDA", "variabel": ["pekerjaan"] + ["pendidikan"] * len(levels),
        "kelompok": ["PNS", *levels], "jumlah": range(1, len(levels) + 2),
        "persen": [100.0] + [12.5] * len(levels),
    })
    frame = tables.as_frame(tables.lampiran_demografi(demografi, config, nomor="L.2"))
    assert frame["Kelompok"].tolist() == [
        "SD", "SMP", "SMA", "D1–D4", "S1", "S2", "S3", "Tidak diisi", "PNS"
    ]


def test_typed_targets_print_with_the_agreement_tables_precision(config):
    penjenjangan = pd.DataFrame({
        "periode": "2025-2029", "urutan": [1, 2, 3, 4, 5],
        "tingkat": ["Tujuan", "Sasaran", "Program", "Kegiatan", "Sub Kegiatan"],
        "uraian": ["a", "b", "c", "d", "e"],
        "indikator": ["Nilai Efektivitas Kelembagaan", "Persentase PD/UKPD", "Indeks", "Jumlah PD",
                      "Opini"],
        "target": ["95,9", "100%", "49,5", "48 PD/UKPD", "WTP"],
    })
    frame = tables.as_frame(tables.tabel_penjenjangan(penjenjangan, "2025-2029", config, nomor="II.1.B"))
    # Tabel II.3 prints the target 95,9 as "95,90": the same here; a text stays as typed.
    assert frame["Target"].tolist() == ["95,90", "100,00%", "49,50", "48 PD/UKPD", "WTP"]


def test_review_location_names_no_internal_column(config):
    reviu = pd.DataFrame({
        "jenis": ["capaian_anggaran_sasaran"], "berkas": ["realisasi-anggaran.xlsx"],
        "sheet": ["Anggaran per Sasaran"], "baris": [6], "kolom": ["capaian_tercetak"],
        "nilai_tercetak": ["78,68"], "nilai_hitung": ["78,00"], "selisih": [-0.68],
        "toleransi": [0.005], "penjelasan": ["x"],
    })
    frame = tables.as_frame(tables.lampiran_reviu(reviu, config, nomor="L.5"))
    assert frame["Jenis"].tolist() == ["Capaian anggaran per sasaran tercetak vs hasil hitung"]
    assert frame["Lokasi"].tolist() == [
        "realisasi-anggaran.xlsx, sheet 'Anggaran per Sasaran', baris 6, kolom capaian tercetak"
    ]


def test_column_widths_by_content_text_left_numbers_right(config):
    from lkjip.core.fmt import Formatter
    from lkjip.report.tabel_laporan import Jenis, TabelLaporan

    frame = pd.DataFrame({
        "No": pd.array([1, 2], dtype="Int64"),
        "Uraian": pd.array(["Unit A", "Dinas Kesehatan Kabupaten"], dtype="string"),  # 25 chars
        "Anggaran": [81_373_500.0, 5_000.0],  # printed "Rp81.373.500", 12 chars
    })
    tabel = TabelLaporan(nomor="X", judul="Tabel X", frame=frame, gaya=Formatter(config),
                         jenis={"No": Jenis.NOMOR, "Anggaran": Jenis.RUPIAH})
    # Longest heading word or value, at least 3, plus 2 for padding; the columns that must not
    # wrap (numbers) count 1,6 times: No (3 + 2) x 1,6 = 8, Uraian (wraps) 25 + 2 = 27,
    # Anggaran (12 + 2) x 1,6 = 22,4 (the value is longer than the heading's 8); of 57,4.
    assert tabel.lebar_kolom() == {"No": 13.9, "Uraian": 47.0, "Anggaran": 39.0}
    html = tabel.gt().as_raw_html()
    assert '<col style="width:47.0%;"/>' in html
    assert re.search(r'class="gt_row gt_left"[^>]*>Unit A<', html)
    assert re.search(r'class="gt_row gt_right"[^>]*>Rp81\.373\.500<', html)
    assert re.search(r'class="gt_row gt_center"[^>]*>1<', html)

    # A long text wraps instead of widening its column past 30 characters.
    long = frame.assign(Uraian=pd.array(["x " * 60, "y"], dtype="string"))
    wide = TabelLaporan(nomor="X", judul="Tabel X", frame=long, gaya=Formatter(config),
                        jenis={"No": Jenis.NOMOR, "Anggaran": Jenis.RUPIAH})
    assert wide.lebar_kolom()["Uraian"] == round(100 * 32 / (8 + 32 + 22.4), 1)


def test_log_data_tables_count_with_separators_and_keep_columns_apart(config):
    akuntansi = [
        {"berkas": "skm-responden-2025.xlsx", "sheet": "Responden", "dibaca": 13046,
         "disimpan": 13046, "dikarantina": 0, "dilewati": {}},
        {"berkas": "realisasi-anggaran.xlsx", "sheet": "LRA 2025", "dibaca": 32, "disimpan": 5,
         "dikarantina": 0, "dilewati": {"judul": 8, "kosong": 6}},
    ]
    table = tables.tabel_akuntansi(akuntansi, config)
    cells = _cells(table)
    assert cells[:6] == ["skm-responden-2025.xlsx", "Responden", "13.046", "13.046", "0", "-"]
    assert cells[6:] == ["realisasi-anggaran.xlsx", "LRA 2025", "32", "5", "0", "judul: 8; kosong: 6"]
    assert "Akuntansi Baris per Sheet" in table.gt().as_raw_html()
    masukan = tables.tabel_masukan({"sakip.xlsx": "ab" * 32}, config)
    assert _cells(masukan) == ["sakip.xlsx", "ab" * 32]


def test_table_numbers_come_from_the_registry(config, monkeypatch):
    from dataclasses import replace

    from lkjip.report import bagian

    t = {"anggaran_hasil": _anggaran()}.__getitem__
    # The registry prints III.4.A; a number changed there is the number in the caption.
    # (the registry is replaced whole, so its order is the same after the test)
    changed = {k: replace(b, nomor="III.9") if k == "III.4.A" else b for k, b in bagian.TABEL.items()}
    monkeypatch.setattr(bagian, "TABEL", changed)
    table = bagian.tabel("III.4.A", t, config)
    assert (table.nomor, table.judul) == ("III.9", "Tabel III.9 Realisasi Anggaran Tahun 2025")
    # A table missing from the registry is a clear error naming the key, not a made-up number.
    monkeypatch.setattr(bagian, "TABEL", {k: b for k, b in changed.items() if k != "II.4"})
    with pytest.raises(bagian.TabelTidakTerdaftar, match=r"tabel 'II\.4' tidak terdaftar"):
        bagian.tabel("II.4", t, config)


def test_a_realisation_that_fell_back_to_the_typed_value_is_marked_beside_it(config):
    """PKP-3's 2024 and 2025 realisations should come from the IKM but are typed (the survey's
    export was lost): Tabel III.1 and III.2 mark them, the note says why."""
    from lkjip.report.narasi import kalimat_indikator

    capaian = _capaian().assign(sumber_realisasi="manual", asal_realisasi="ketik")
    fallen = capaian["kode_indikator"] == "PKP-3"
    capaian.loc[fallen, "sumber_realisasi"] = "ikm_pemda"
    table = tables.tabel_capaian(capaian, PKP, config, nomor="III.1.B")
    cells = _cells(table)
    assert cells[9:12] == ["90,05", "90,87*", "100,91%"] and "83,78" in cells  # PKP-1 unmarked
    assert "sumber hitungnya tidak memberi angka tahun itu" in table.gt().as_raw_html()
    tren = _cells(tables.tabel_tren(capaian, capaian, PKP, config, nomor="III.2.B"))
    assert {"89,97*", "90,87*", "83,11", "83,78"} <= set(tren)
    row = capaian[fallen & (capaian["tahun"] == 2025)].iloc[0].to_dict()
    sentence = kalimat_indikator({**row, "status": "di_atas"}, config)
    assert "angka yang diketik di Perjanjian Kinerja, bukan hasil hitung: tidak ada data SKM" in sentence
    # Without a fallen realisation nothing is marked and no note is added.
    plain = tables.tabel_capaian(_capaian(), PKP, config, nomor="III.1.B")
    assert "*" not in "".join(_cells(plain)) and not plain.catatan
