"""Every laporan.yml setting reaches every place that uses it (issue 10, item 2).

The kind of region (kabupaten, kota, provinsi), the number of kematangan variables, the
weights of the efektivitas dimensions, and the indicators whose realisasi comes from data,
found by their Sumber Realisasi and never by their code.
"""

from __future__ import annotations

import copy

import pandas as pd
import pytest
from test_reader_evaluasi import KEMATANGAN_ROWS, evaluasi_sheet, kematangan_sheet, write_book

from lkjip.core.config import Config, ConfigError, load_config, parse_config
from lkjip.core.paths import paths
from lkjip.indicators.capaian import kode_menurut_sumber
from lkjip.indicators.kelembagaan import compute_kematangan
from lkjip.indicators.pembanding import bandingkan
from lkjip.ingest.problems import StructuralError
from lkjip.ingest.readers import kelembagaan
from lkjip.pipeline.data_step import run_data_step
from lkjip.report import charts, narasi, tables
from lkjip.report.konten import kata_pengantar_ttd


@pytest.fixture(scope="module")
def raw() -> dict:
    return load_config().model_dump(mode="json")


def _config(raw: dict, **changes) -> Config:
    data = copy.deepcopy(raw)
    for key, value in changes.items():
        target = data
        *parents, last = key.split("__")
        for parent in parents:
            target = target[parent]
        if value is None:
            target.pop(last, None)
        else:
            target[last] = value
    return parse_config(data, paths().config)


# --------------------------------------------------------------------------- region kinds


def test_todays_file_stays_valid_and_reads_as_a_kabupaten():
    config = load_config()
    assert config.jenis_wilayah == "kabupaten"
    assert config.wilayah == "Kabupaten Mojokerto"
    assert config.pemerintah_daerah == "Pemerintah Kabupaten Mojokerto"
    assert config.kepala_daerah == "Bupati"
    assert config.wilayah_pembanding == "Provinsi Jawa Timur"
    assert config.wilayah_dan_pembanding == "Kabupaten Mojokerto dan Provinsi Jawa Timur"


def test_a_kota_unit(raw):
    config = _config(raw, kabupaten=None, kota="Kota Batu")
    assert (config.jenis_wilayah, config.wilayah, config.kepala_daerah) == ("kota", "Kota Batu", "Wali Kota")
    assert config.wilayah_dan_pembanding == "Kota Batu dan Provinsi Jawa Timur"
    # the kind is added when the name lacks it
    assert _config(raw, kabupaten=None, kota="Batu").wilayah == "Kota Batu"
    assert _config(raw, kabupaten="Mojokerto").pemerintah_daerah == "Pemerintah Kabupaten Mojokerto"


def test_a_province_unit_needs_no_kabupaten_and_reads_right(raw):
    config = _config(raw, kabupaten=None, provinsi="Sumatera Utara")
    assert config.jenis_wilayah == "provinsi"
    assert config.wilayah == "Provinsi Sumatera Utara"
    assert config.kepala_daerah == "Gubernur"
    assert config.wilayah_pembanding is None
    assert config.wilayah_dan_pembanding == "Provinsi Sumatera Utara"
    assert config.pemerintah_daerah == "Pemerintah Provinsi Sumatera Utara"


def test_kabupaten_and_kota_together_are_refused(raw):
    with pytest.raises(ConfigError, match="bukan keduanya"):
        _config(raw, kota="Kota Mojokerto")


def _pembanding_input():
    capaian = pd.DataFrame(
        {
            "dokumen": ["Perjanjian Kinerja Perubahan"],
            "tahun": pd.array([2025], dtype="Int64"),
            "kode_indikator": ["X-1"],
            "indikator": ["Indeks"],
            "realisasi": [90.0],
        }
    )
    pembanding = pd.DataFrame(
        {
            "tahun": pd.array([2025], dtype="Int64"),
            "kode_indikator": ["X-1"],
            "indikator": ["Indeks"],
            "entitas": ["Provinsi Sumatera Utara"],
            "nilai": [88.0],
            "keterangan": [pd.NA],
        }
    )
    return capaian, pembanding


def test_province_unit_has_no_comparison_with_itself(raw):
    capaian, pembanding = _pembanding_input()
    provinsi = _config(raw, kabupaten=None, provinsi="Provinsi Sumatera Utara")
    assert bandingkan(capaian, pembanding, provinsi).empty
    kabupaten = _config(raw, kabupaten="Kabupaten Deli Serdang", provinsi="Provinsi Sumatera Utara")
    [row] = bandingkan(capaian, pembanding, kabupaten).itertuples(index=False)
    assert (row.entitas_pembanding, row.selisih, row.verdict) == (
        "Provinsi Sumatera Utara",
        2.0,
        "lebih tinggi",
    )
    sentence = narasi.kalimat_perbandingan(bandingkan(capaian, pembanding, kabupaten), kabupaten)
    assert (
        "realisasi Kabupaten Deli Serdang sebesar 90,00 lebih tinggi dibandingkan Provinsi Sumatera Utara"
        in (sentence)
    )


def test_table_iii_3_title_names_each_region_once(raw):
    capaian, pembanding = _pembanding_input()
    provinsi = _config(raw, kabupaten=None, provinsi="Provinsi Sumatera Utara")
    table = tables.tabel_pembanding(bandingkan(capaian, pembanding, provinsi), provinsi, nomor="III.3")
    html = table.gt().as_raw_html()
    assert "Pemerintah Provinsi Sumatera Utara" in html
    assert "Sumatera Utara dan Provinsi Sumatera Utara" not in html
    kota = _config(raw, kabupaten=None, kota="Kota Medan", provinsi="Provinsi Sumatera Utara")
    table = tables.tabel_pembanding(bandingkan(capaian, pembanding, kota), kota, nomor="III.3")
    html = table.gt().as_raw_html()
    assert "Pemerintah Kota Medan dan Provinsi Sumatera Utara" in html


# --------------------------------------------------------------------------- kematangan variables

V12_HEADER = [
    "No",
    "Kode PD",
    "Perangkat Daerah",
    *[f"V{k}\nVariabel {k}" for k in range(1, 13)],
    "Total",
    "Kategori",
]
# Totals with 12 variables: 5 + 11 × 4 = 49 and 12 × 5 = 60; mean 54,5.
V12_ROWS = [
    [1, "PD-01", "Sekretariat Daerah", 5, *[4] * 11, 49, "Sangat Tinggi"],
    [2, "PD-02", "Dinas Pendidikan", *[5] * 12, 60, "Sangat Tinggi"],
]


def test_twelve_kematangan_variables_are_read_and_summed(tmp_path, raw):
    config = _config(raw, kematangan__jumlah_variabel=12)
    sheet = kematangan_sheet(V12_ROWS, header=V12_HEADER)
    sheet[len(sheet) - 3] = ["Rata-rata", *[None] * 14, 54.5]  # the mean under Total (column R)
    book = write_book(
        tmp_path / "kelembagaan.xlsx",
        {"Kematangan 2025": sheet, "Evaluasi Kelembagaan": evaluasi_sheet()},
        formats={("Evaluasi Kelembagaan", "E3"): "0%"},
    )
    table = kelembagaan.read(book, config).tables["kelembagaan_pd"]
    assert table.loc[0, ["V01", "V02", "V12"]].tolist() == [5.0, 4.0, 4.0]
    assert compute_kematangan(table, config)["total"].tolist() == [49.0, 60.0]


def test_a_missing_variable_column_is_named_not_a_key_error(tmp_path, raw):
    config = _config(raw, kematangan__jumlah_variabel=12)
    book = write_book(
        tmp_path / "kelembagaan.xlsx",
        {"Kematangan 2025": kematangan_sheet(KEMATANGAN_ROWS), "Evaluasi Kelembagaan": evaluasi_sheet()},
    )
    with pytest.raises(StructuralError, match=r"kolom variabel kematangan tidak ditemukan.*V12"):
        kelembagaan.read(book, config)


def test_methodology_states_the_configured_variables_and_weights(raw):
    default = narasi.metodologi(load_config())
    assert "total 11 variabel (skor 1–5, rentang 11–55)" in default
    assert "dimensi Struktur dan Proses masing-masing 50%" in default
    changed = narasi.metodologi(
        _config(
            raw,
            kematangan__jumlah_variabel=12,
            efektivitas_kelembagaan__bobot_dimensi={"Struktur": 40, "Proses": 60},
        )
    )
    assert "total 12 variabel (skor 1–5, rentang 12–60)" in changed
    assert "bobot dimensi Struktur 40% dan Proses 60%" in changed
    assert "11 variabel" not in changed and "50%" not in changed


# --------------------------------------------------------------------------- indicators by source


def test_indicators_are_found_by_their_sumber_realisasi(tmp_path):
    # From the default exports (a clean checkout has no data/processed yet).
    run_data_step(paths().raw, tmp_path, load_config())
    pk = pd.read_parquet(tmp_path / "perjanjian_kinerja.parquet")
    assert kode_menurut_sumber(pk, "ikm_pemda") == ["PKP-3"]
    assert kode_menurut_sumber(pk, "sakip_pd_minimal_baik") == ["PK-3"]
    with pytest.raises(ValueError, match="sumber_realisasi tidak dikenal"):
        kode_menurut_sumber(pk, "ikm")


def test_ikm_trend_uses_the_code_of_the_ikm_indicator_whatever_it_is(raw):
    config = load_config()
    pemda = pd.DataFrame({"tahun": [2024, 2025], "ikm": [89.0, 90.0]})
    pembanding = pd.DataFrame(
        {
            "tahun": [2024, 2025, 2025],
            "kode_indikator": ["IKU-7", "IKU-7", "IKU-1"],
            "indikator": "IKM",
            "entitas": "Provinsi Jawa Timur",
            "nilai": [87.5, 88.25, 10.0],
            "keterangan": "",
        }
    )
    gambar = charts.gambar_ikm_tren(pemda, pembanding, config, kode_indikator=["IKU-7"])
    assert "Provinsi Jawa Timur: 2024 87,50, 2025 88,25" in gambar.alt
    provinsi = _config(raw, kabupaten=None)
    gambar = charts.gambar_ikm_tren(pemda, pembanding, provinsi, kode_indikator=["IKU-7"])
    assert len([line for line in gambar.figure.axes[0].get_legend().get_texts()]) == 1
    assert gambar.judul.startswith("Grafik IKM Provinsi Jawa Timur Tahun")


# --------------------------------------------------------------------------- decimals, signatory


def test_charts_print_values_and_percentages_with_the_configured_decimals(raw):
    config = _config(raw, format__desimal_nilai=1, format__desimal_persen=1)
    pemda = pd.DataFrame({"tahun": [2024, 2025], "ikm": [89.04, 90.87]})
    pembanding = pd.DataFrame({
        "tahun": [2025], "kode_indikator": ["IKU-7"], "indikator": "IKM",
        "entitas": "Provinsi Jawa Timur", "nilai": [89.71], "keterangan": "",
    })
    gambar = charts.gambar_ikm_tren(pemda, pembanding, config, kode_indikator=["IKU-7"])
    assert "Kabupaten Mojokerto: 2024 89,0, 2025 90,9" in gambar.alt  # 89,04 -> 89,0; 90,87 -> 90,9
    assert "Provinsi Jawa Timur: 2024 N/A, 2025 89,7" in gambar.alt
    anggaran = pd.DataFrame({
        "tahun": pd.array([2025], dtype="Int64"), "kode": ["1.01.01.2.01.0001"], "uraian": ["Satu"],
        "anggaran": [300_000.0], "realisasi": [280_890.0], "persen": [93.63],
    })
    gambar = charts.gambar_anggaran(anggaran, config)
    assert "(93,6%)" in gambar.alt


def test_the_signature_block_states_every_signatory_field(raw):
    config = _config(
        raw,
        penandatangan__jabatan="Kepala Biro Organisasi",
        penandatangan__kota="Medan",
        penandatangan__nama="Nama Pejabat",
        penandatangan__pangkat="Pembina",
        penandatangan__golongan="IV/a",
    )
    lines = kata_pengantar_ttd(config).split("\\\n")
    assert lines[:2] == ["Medan, 30 Januari 2026", "Kepala Biro Organisasi"]
    assert lines[-3:] == ["**Nama Pejabat**", "Pembina (IV/a)", "NIP 197005281994032003"]
