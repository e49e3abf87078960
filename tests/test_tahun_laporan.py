"""The year parameter (issue 10, item 7): every year the processed data cover gives its own report.

``Laporan.load(tahun)`` (the notebooks' ``tahun``) for 2024 takes the 2024 figures: the SAKIP
sentence from pembanding.xlsx's 2024 rows, a Tabel III.3 with the 2024 comparison; a year the
data do not cover is refused in Indonesian, naming the covered years.
"""

from __future__ import annotations

import pandas as pd
import pytest

from lkjip.core.config import ConfigError, load_config
from lkjip.indicators.pembanding import bandingkan, sakip_pembanding
from lkjip.report import bagian
from lkjip.report.laporan import Laporan
from lkjip.report.tahun import TahunTidakTercakup, tahun_tercakup


@pytest.fixture(scope="module")
def project(processed_project):
    return processed_project


def test_2024_sakip_sentence_uses_the_2024_figures(project):
    text = Laporan.load(2024, root=project).kalimat_sakip().data
    # pembanding.xlsx, 2024: Sekretariat Daerah 86,10 (A: above 80), Kabupaten 77,86, Provinsi 88,21.
    assert text == (
        "Nilai SAKIP Sekretariat Daerah tahun 2024 sebesar 86,10 dengan predikat A. Nilai tersebut "
        "lebih tinggi dibandingkan Kabupaten Mojokerto (77,86, ilustratif) namun lebih rendah "
        "dibandingkan Provinsi Jawa Timur (88,21, ilustratif)."
    )
    assert "belum tersedia" not in text


def test_2024_comparison_table_and_sentence_are_not_empty(project):
    lap = Laporan.load(2024, root=project)
    rows = lap.t("pembanding_hasil").query("tahun == 2024")
    # The 2024 agreement (PK 2021-2025) has six indicators; the IKM of the PK Perubahan has a
    # 2024 realisasi (89,97) and a 2024 province figure (89,34): 89,97 − 89,34 = 0,63.
    assert sorted(rows["kode_indikator"]) == ["KL-1", "KL-2", "KL-3", "PK-1", "PK-2", "PK-3", "PKP-3"]
    ikm = rows.set_index("kode_indikator").loc["PKP-3"]
    assert (ikm["nilai_organisasi"], ikm["nilai_pembanding"]) == (89.97, 89.34)
    assert ikm["selisih"] == pytest.approx(0.63)
    assert ikm["verdict"] == "lebih tinggi"
    html = lap.tabel("III.3").as_raw_html()
    assert "89,97" in html and "89,34" in html and "0,63" in html
    assert lap.perbandingan().data == (
        "Dari 7 indikator kinerja, hanya 1 indikator yang dapat dibandingkan, yaitu “Indeks Kepuasan "
        "Masyarakat (IKM) Pemerintah Daerah”: realisasi Kabupaten Mojokerto sebesar 89,97 lebih tinggi "
        "dibandingkan Provinsi Jawa Timur (89,34)."
    )


def test_2025_is_unchanged_by_the_other_years(project):
    lap = Laporan.load(2025, root=project)
    assert lap.perbandingan().data.endswith(
        "realisasi Kabupaten Mojokerto sebesar 90,87 lebih tinggi dibandingkan Provinsi Jawa Timur (89,71)."
    )
    assert "tahun 2025 sebesar 86,19 dengan predikat A" in lap.kalimat_sakip().data


@pytest.mark.parametrize("tahun", [2021, 2022, 2023, 2024, 2025])
def test_every_covered_year_builds_every_piece(project, tahun):
    lap = Laporan.load(tahun, root=project)
    assert lap.config.tahun == tahun
    assert bagian.semua_tabel(lap.t, lap.config)
    for kunci in bagian.GAMBAR:
        assert bagian.gambar(kunci, lap.t, lap.config).judul
    for piece in (
        lap.ringkasan_pk,
        lap.paragraf_anggaran,
        lap.efisiensi,
        lap.perbandingan,
        lap.kalimat_sakip,
    ):
        assert piece().data
    for dokumen in lap.dokumen_aktif:
        assert str(tahun) in lap.kesimpulan(dokumen).data


def test_a_year_outside_the_data_is_refused_naming_the_covered_years(project):
    for tahun in (2020, 2030):
        with pytest.raises(TahunTidakTercakup) as err:
            Laporan.load(tahun, root=project)
        message = str(err.value)
        assert f"Laporan tahun {tahun} tidak dapat disusun" in message
        assert "2021, 2022, 2023, 2024, 2025" in message


def test_covered_years_need_rows_a_period_and_the_trend_start():
    config = load_config()
    capaian = pd.DataFrame({"tahun": pd.array([2020, 2021, 2024, 2030, None], dtype="Int64")})
    assert tahun_tercakup(capaian, config) == [2021, 2024]


def test_with_year_refuses_in_indonesian():
    with pytest.raises(
        ConfigError, match=r"Tahun 2031 tidak dapat dipakai .* Periode yang ada: 2021-2025, 2025-2029"
    ):
        load_config().with_year(2031)


def test_every_year_is_compared_not_only_the_report_year():
    config = load_config()  # report year 2025
    capaian = pd.DataFrame(
        {
            "dokumen": ["Perjanjian Kinerja", "Perjanjian Kinerja Perubahan", "Perjanjian Kinerja Perubahan"],
            "tahun": pd.array([2023, 2023, 2025], dtype="Int64"),
            "kode_indikator": ["PK-1", "PKP-3", "PKP-3"],
            "indikator": ["A", "IKM", "IKM"],
            "realisasi": [10.0, 89.2, 90.87],
        }
    )
    pembanding = pd.DataFrame(
        {
            "tahun": pd.array([2023, 2025, 2024, 2024], dtype="Int64"),
            "kode_indikator": ["PKP-3", "PKP-3", "sakip_opd", "sakip_opd"],
            "indikator": ["IKM", "IKM", "SAKIP", "SAKIP"],
            "entitas": [
                "Provinsi Jawa Timur",
                "Provinsi Jawa Timur",
                "Sekretariat Daerah",
                "Provinsi Jawa Timur",
            ],
            "nilai": [88.95, 89.71, 86.10, 88.21],
            "keterangan": [pd.NA] * 4,
        }
    )
    out = bandingkan(capaian, pembanding, config)
    assert out[["tahun", "kode_indikator", "verdict"]].values.tolist() == [
        [2023, "PK-1", "tidak dapat dibandingkan"],
        [2023, "PKP-3", "lebih tinggi"],  # 89,20 − 88,95 = 0,25
        [2025, "PKP-3", "lebih tinggi"],  # 90,87 − 89,71 = 1,16
    ]
    assert out["selisih"].round(2).tolist()[1:] == [0.25, 1.16]
    sakip = sakip_pembanding(pembanding, config)
    assert sakip[["tahun", "entitas", "predikat"]].values.tolist() == [
        [2024, "Sekretariat Daerah", "A"],
        [2024, "Provinsi Jawa Timur", "A"],
    ]
