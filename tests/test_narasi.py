"""Generated sentences: counts, capaian (above, exactly 100 %, below, N/A, negative), budget,
efisiensi and comparisons, with numbers in Indonesian format and data text escaped."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from lkjip.core.config import load_config
from lkjip.report import narasi

PK = "Perjanjian Kinerja"
PKP = "Perjanjian Kinerja Perubahan"


@pytest.fixture(scope="module")
def config():
    return load_config()


def _ringkasan() -> pd.DataFrame:
    """The seed's two summaries: 0/3/0/0 for the PK, 2/1/0/0 for the PK Perubahan."""
    return pd.DataFrame({
        "dokumen": [PK, PKP, PKP], "periode": ["2021-2025", "2025-2029", "2025-2029"],
        "tahun": [2025, 2025, 2024], "jenis": ["utama", "utama", "utama"],
        "jumlah_indikator": [3, 3, 3], "di_atas": [0, 2, 9], "tepat": [3, 1, 9],
        "di_bawah": [0, 0, 9], "tidak_terukur": [0, 0, 9],
        "rata_rata_capaian": [100.0, 100.57, 1.0], "capaian_anggaran": [85.72, 85.72, 1.0],
        "efisiensi": [14.28, 14.85, 0.0],
    })


def test_executive_summary_counts(config):
    text = narasi.kesimpulan_capaian(_ringkasan(), PKP, config)
    # The intro says what is counted: the agreement's main indicators, 3 of them.
    assert text.startswith(
        "Dari hasil pengukuran realisasi 3 indikator sasaran strategis Perjanjian Kinerja Perubahan "
        "Tahun 2025 sesuai Dokumen Perencanaan Periode 2025-2029, dapat disimpulkan sebagai berikut:\n\n"
    )
    assert text.splitlines()[2:] == [
        "1. Capaian realisasi di atas 100% sebanyak 2 indikator;",
        "2. Capaian realisasi tepat 100% sebanyak 1 indikator;",
        "3. Capaian realisasi di bawah 100% sebanyak 0 indikator;",
        "4. Capaian yang tidak dapat diperoleh hasil pengukurannya sebanyak 0 indikator.",
    ]
    assert "tepat 100% sebanyak 3 indikator" in narasi.kesimpulan_capaian(_ringkasan(), PK, config)


def test_executive_summary_says_kinerja_lainnya_are_not_counted(config):
    # The agreement has 3 main indicators and 2 kinerja lainnya (5 in all): the counts are over
    # the 3, and the sentence says that the other 2 are left out, so "0 indikator di bawah 100%"
    # is not read as covering a table where a kinerja lainnya is at 88,92 %.
    semua = _ringkasan().iloc[[1]].assign(jenis="semua", jumlah_indikator=5, di_bawah=2)
    text = narasi.kesimpulan_capaian(pd.concat([_ringkasan(), semua]), PKP, config)
    assert text.startswith(
        "Dari hasil pengukuran realisasi 3 indikator sasaran strategis Perjanjian Kinerja Perubahan "
        "Tahun 2025 sesuai Dokumen Perencanaan Periode 2025-2029 (2 indikator kinerja lainnya tidak "
        "termasuk dalam hitungan ini), dapat disimpulkan sebagai berikut:"
    )
    assert "di bawah 100% sebanyak 0 indikator;" in text


def test_missing_summary_row_is_a_clear_error(config):
    with pytest.raises(ValueError, match="Ringkasan capaian tidak ditemukan"):
        narasi.kesimpulan_capaian(_ringkasan(), PK, config, jenis="semua")


def _baris(**kw) -> dict:
    base = {"indikator": "Nilai Rata-Rata SAKIP Perangkat Daerah", "tahun": 2025, "target": 83.11,
            "realisasi": 83.78, "capaian": 83.78 / 83.11 * 100, "satuan": "Nilai",
            "polaritas": "positif", "status": "di_atas"}
    return {**base, **kw}


def test_indicator_above_target(config):
    assert narasi.kalimat_indikator(_baris(), config) == (
        "Capaian indikator “Nilai Rata-Rata SAKIP Perangkat Daerah” tahun 2025 sebesar 100,81%, "
        "dari realisasi 83,78 terhadap target 83,11. Realisasi melampaui target."
    )


def test_indicator_exactly_100_with_count_unit(config):
    text = narasi.kalimat_indikator(_baris(
        indikator="Jumlah PD/UKPD dengan nilai SKM minimal baik", target=57, realisasi=57,
        capaian=100.0, satuan="PD/UKPD", status=None), config)
    assert "sebesar 100,00%, dari realisasi 57 PD/UKPD terhadap target 57 PD/UKPD." in text
    assert text.endswith("Realisasi tepat sama dengan target.")


def test_indicator_below_target_in_percent(config):
    text = narasi.kalimat_indikator(_baris(
        indikator="Persentase Realisasi Anggaran Bagian Organisasi", target=96.40,
        realisasi=85.72, capaian=88.92, satuan="%", status="di_bawah"), config)
    assert "sebesar 88,92%, dari realisasi 85,72% terhadap target 96,40%." in text
    assert text.endswith("Realisasi belum mencapai target.")


def test_negative_polarity_is_worded_both_ways(config):
    better = narasi.kalimat_indikator(_baris(
        indikator="Persentase temuan berulang", target=10, realisasi=8, capaian=120.0,
        satuan="%", polaritas="negatif", status="di_atas"), config)
    assert "dari realisasi 8,00% terhadap target 10,00%" in better
    assert "berpolaritas negatif (semakin rendah semakin baik)" in better
    assert better.endswith("realisasi yang lebih rendah dari target berarti kinerja melampaui target.")
    worse = narasi.kalimat_indikator(_baris(
        target=10, realisasi=12, capaian=80.0, satuan="%", polaritas="negatif",
        status="di_bawah"), config)
    assert worse.endswith("realisasi yang lebih tinggi dari target berarti target belum tercapai.")


@pytest.mark.parametrize(("target", "realisasi", "alasan"), [
    (3, np.nan, "realisasinya belum tersedia (N/A)"),
    (pd.NA, 3, "targetnya belum tersedia (N/A)"),
    (None, None, "target dan realisasinya belum tersedia (N/A)"),
    (0, 5, "targetnya bernilai nol"),
])
def test_indicator_not_measurable(config, target, realisasi, alasan):
    text = narasi.kalimat_indikator(_baris(
        indikator="Jumlah Inovasi", target=target, realisasi=realisasi, capaian=np.nan,
        satuan="Inovasi", status="tidak_terukur"), config)
    assert text == f"Capaian indikator “Jumlah Inovasi” tahun 2025 tidak dapat diukur karena {alasan}."


def test_status_follows_the_printed_rounding():
    assert narasi.status_capaian(99.996) == "tepat"  # printed as 100,00%
    assert narasi.status_capaian(100.004) == "tepat"
    assert narasi.status_capaian(100.006) == "di_atas"
    assert narasi.status_capaian(pd.NA) == "tidak_terukur"


def test_all_indicator_sentences_as_a_list(config):
    capaian = pd.DataFrame({
        "dokumen": [PKP, PKP, PK], "tahun": [2025, 2025, 2025], "jenis": ["utama"] * 3,
        "no_sasaran": [3, 1, 1], "kode_indikator": ["PKP-3", "PKP-1", "PK-1"],
        "indikator": ["IKM Pemda", "SAKIP", "Jumlah"], "target": [90.05, 83.11, 57],
        "realisasi": [90.87, 83.78, 57], "capaian": [90.87 / 90.05 * 100, 83.78 / 83.11 * 100, 100],
        "satuan": ["Indeks", "Nilai", "PD/UKPD"], "polaritas": "positif",
        "status": ["di_atas", "di_atas", "tepat"],
    })
    lines = narasi.kalimat_indikator_semua(capaian, PKP, config).splitlines()
    assert len(lines) == 2
    assert lines[0].startswith("1. Capaian indikator “SAKIP”")
    assert lines[1].startswith("2. Capaian indikator “IKM Pemda” tahun 2025 sebesar 100,91%")


def test_budget_paragraph_with_the_previous_year(config):
    total = pd.DataFrame({
        "tahun": [2024, 2025], "anggaran": [800_000_000.0, 796_858_170.0],
        "realisasi": [770_800_000.0, 683_074_125.0], "persen": [96.35, 683_074_125 / 796_858_170 * 100],
    })
    assert narasi.paragraf_anggaran(total, config) == (
        "Anggaran Bagian Organisasi tahun 2025 sebesar Rp796.858.170 dengan realisasi per "
        "31 Desember 2025 sebesar Rp683.074.125 atau 85,72% dari pagu anggaran. Persentase "
        "realisasi tersebut turun 10,63 poin persen dibandingkan tahun 2024 (96,35%)."
    )


def test_budget_paragraph_without_realisasi_or_history(config):
    total = pd.DataFrame({"tahun": [2025], "anggaran": [796_858_170.0], "realisasi": [np.nan],
                          "persen": [np.nan]})
    assert narasi.paragraf_anggaran(total, config) == (
        "Anggaran Bagian Organisasi tahun 2025 sebesar Rp796.858.170; realisasinya belum "
        "tersedia (N/A)."
    )


def test_efisiensi_sentence(config):
    assert narasi.kalimat_efisiensi(_ringkasan(), PKP, config) == (
        "Dengan rata-rata capaian kinerja 3 indikator sasaran strategis sebesar 100,57% dan "
        "capaian anggaran sebesar 85,72%, "
        "rata-rata capaian kinerja lebih besar daripada capaian anggaran, sehingga efisiensi "
        "kinerja Bagian Organisasi sebesar 14,85%."
    )


def test_efisiensi_negative_zero_and_missing(config):
    ringkasan = _ringkasan()
    ringkasan.loc[1, ["rata_rata_capaian", "capaian_anggaran", "efisiensi"]] = [80.0, 90.0, -10.0]
    assert "sehingga belum terjadi efisiensi" in narasi.kalimat_efisiensi(ringkasan, PKP, config)
    assert "(selisih -10,00%)" in narasi.kalimat_efisiensi(ringkasan, PKP, config)
    ringkasan.loc[1, ["rata_rata_capaian", "capaian_anggaran", "efisiensi"]] = [90.0, 90.0, 0.0]
    assert "sebanding dengan penyerapan anggarannya" in narasi.kalimat_efisiensi(
        ringkasan, PKP, config)
    ringkasan.loc[1, ["capaian_anggaran", "efisiensi"]] = [np.nan, np.nan]
    assert narasi.kalimat_efisiensi(ringkasan, PKP, config).startswith(
        "Efisiensi tidak dapat dihitung"
    )


def _pembanding(provinsi: list[float]) -> pd.DataFrame:
    return pd.DataFrame({
        "tahun": 2025, "kode_indikator": ["PKP-1", "PKP-2", "PKP-3"],
        "indikator": ["Nilai Rata-Rata SAKIP Perangkat Daerah", "Nilai Efektivitas Kelembagaan",
                      "Indeks Kepuasan Masyarakat (IKM) Pemerintah Daerah"],
        "nilai_organisasi": [83.78, 95.9, 90.87],
        "entitas_pembanding": "Provinsi Jawa Timur",
        "nilai_pembanding": provinsi,
        "verdict": ["tidak dapat dibandingkan" if np.isnan(p) else "lebih tinggi" for p in provinsi],
    })


def test_comparison_verdict_only_one_comparable(config):
    assert narasi.kalimat_perbandingan(_pembanding([np.nan, np.nan, 89.71]), config) == (
        "Dari 3 indikator kinerja, hanya 1 indikator yang dapat dibandingkan, yaitu “Indeks "
        "Kepuasan Masyarakat (IKM) Pemerintah Daerah”: realisasi Kabupaten Mojokerto sebesar "
        "90,87 lebih tinggi dibandingkan Provinsi Jawa Timur (89,71)."
    )


def test_comparison_verdict_none_or_all(config):
    none = narasi.kalimat_perbandingan(_pembanding([np.nan] * 3), config)
    assert none.startswith("Dari 3 indikator kinerja, belum ada yang dapat dibandingkan")
    every = narasi.kalimat_perbandingan(_pembanding([85.0, 95.9, 91.0]), config)
    assert every.startswith("Dari 3 indikator kinerja, seluruhnya dapat dibandingkan:")
    assert "sebesar 95,90 sama dengan Provinsi Jawa Timur (95,90)" in every
    assert "sebesar 90,87 lebih rendah dibandingkan Provinsi Jawa Timur (91,00)" in every


def test_sakip_sentence_above_kabupaten_below_provinsi(config):
    sakip = pd.DataFrame({
        "tahun": [2025, 2025, 2025], "entitas": ["Sekretariat Daerah", "Kabupaten Mojokerto",
                                                 "Provinsi Jawa Timur"],
        "nilai": [86.19, 80.5, 88.0], "predikat": ["A", "A", "A"],
        "keterangan": ["seed", "ilustratif", "ilustratif"],
    })
    assert narasi.kalimat_sakip(sakip, config) == (
        "Nilai SAKIP Sekretariat Daerah tahun 2025 sebesar 86,19 dengan predikat A. Nilai tersebut "
        "lebih tinggi dibandingkan Kabupaten Mojokerto (80,50, ilustratif) namun lebih rendah "
        "dibandingkan Provinsi Jawa Timur (88,00, ilustratif)."
    )
    sakip.loc[2, "nilai"] = np.nan
    text = narasi.kalimat_sakip(sakip, config)
    assert text.endswith(
        "Nilai tersebut lebih tinggi dibandingkan Kabupaten Mojokerto (80,50, ilustratif). "
        "Nilai SAKIP Provinsi Jawa Timur belum tersedia (N/A)."
    )
    sakip.loc[0, "nilai"] = np.nan
    assert "belum tersedia (N/A), sehingga belum dapat dibandingkan" in narasi.kalimat_sakip(
        sakip, config)


def test_text_from_data_is_markdown_escaped(config):
    assert narasi.escape_md("a*b_c [x](y) <script> $5 @ref") == (
        r"a\*b\_c \[x\](y) \<script\> \$5 \@ref"
    )
    assert narasi.escape_md("baris satu\n# dua") == r"baris satu \# dua"
    text = narasi.kalimat_indikator(_baris(indikator="Indeks *IKM* <b>"), config)
    assert "“Indeks \\*IKM\\* \\<b\\>”" in text


def test_templating_helpers():
    assert narasi.join_words(["a", "b", "c"]) == "a, b dan c"
    assert narasi.join_words(["a"]) == "a"
    assert narasi.daftar(["x", "y"]) == "1. x\n2. y"
    assert narasi.daftar(["x"], bernomor=False) == "- x"
