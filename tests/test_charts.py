"""Charts: bars drawn (and not drawn for N/A), labels in Indonesian format, reproducible files."""

from __future__ import annotations

import matplotlib as mpl
import numpy as np
import pandas as pd
import pytest
from matplotlib.colors import to_hex
from matplotlib.container import BarContainer
from PIL import Image

from lkjip.core.config import load_config
from lkjip.report import charts

PK = "Perjanjian Kinerja"
PKP = "Perjanjian Kinerja Perubahan"


@pytest.fixture(scope="module")
def config():
    return load_config()


def _bars(figure) -> list:
    ax = figure.axes[0]
    return [p for c in ax.containers if isinstance(c, BarContainer) for p in c.patches]


def _texts(figure) -> list[str]:
    return [t.get_text() for t in figure.axes[0].texts]


def _capaian_seed() -> pd.DataFrame:
    """Gambar 0.1 of the seed: SKM 2021-2022 and kematangan 2021 are N/A."""
    realisasi = {
        "PK-1": [None, None, 57, 57, 57],
        "PK-2": [None, 48, 48, 48, 48],
        "PK-3": [48, 48, 48, 48, 48],
    }
    rows = [
        {"dokumen": PK, "jenis": "utama", "no_sasaran": i, "kode_indikator": kode,
         "indikator": f"Jumlah PD/UKPD indikator {i}", "satuan": "PD/UKPD", "tahun": tahun,
         "realisasi": np.nan if r is None else float(r)}
        for i, (kode, values) in enumerate(realisasi.items(), start=1)
        for tahun, r in zip(range(2021, 2026), values, strict=True)
    ]
    # Kinerja lainnya and the other agreement must not appear in Gambar 0.1.
    rows.append({"dokumen": PK, "jenis": "lainnya", "no_sasaran": 4, "kode_indikator": "KL-1",
                 "indikator": "Persentase Realisasi Anggaran", "satuan": "%", "tahun": 2025,
                 "realisasi": 85.72})
    rows.append({"dokumen": PKP, "jenis": "utama", "no_sasaran": 1, "kode_indikator": "PKP-1",
                 "indikator": "Nilai Rata-Rata SAKIP", "satuan": "Nilai", "tahun": 2025,
                 "realisasi": 83.78})
    return pd.DataFrame(rows)


def test_capaian_kinerja_draws_bars_only_where_there_is_realisasi(config):
    capaian = _capaian_seed()
    before = capaian.copy()
    gambar = charts.gambar_capaian_kinerja(capaian, config, nomor="0.1")  # the registry's number
    bars = _bars(gambar.figure)
    assert len(bars) == 15 - 3  # 3 indicators x 5 years, minus the 3 N/A years
    assert sorted({round(b.get_height()) for b in bars}) == [48, 57]  # never a bar of 0
    assert _texts(gambar.figure).count("N/A") == 3
    ax = gambar.figure.axes[0]
    assert [t.get_text() for t in ax.get_legend().get_texts()] == [str(y) for y in range(2021, 2026)]
    assert len(ax.get_xticklabels()) == 3
    assert gambar.judul == "Grafik Capaian Kinerja Tahun 2025"
    assert gambar.keterangan == "Gambar 0.1 Grafik Capaian Kinerja Tahun 2025"
    assert gambar.nama_berkas == "gambar-0-1-capaian-kinerja-2025"
    assert "2021 N/A" in gambar.alt and "2023 57 PD/UKPD" in gambar.alt
    pd.testing.assert_frame_equal(capaian, before)


def test_na_label_sits_in_the_missing_bar_slot(config):
    gambar = charts.gambar_capaian_kinerja(_capaian_seed(), config)
    ax = gambar.figure.axes[0]
    na_x = sorted(t.get_position()[0] for t in ax.texts if t.get_text() == "N/A")
    width = 0.8 / 5
    # PK-1 (centre 0): 2021 and 2022 are the first two slots; PK-2 (centre 1): 2021.
    assert na_x == pytest.approx([-2 * width, -1 * width, 1 - 2 * width])
    assert all(t.get_position()[1] == 0 for t in ax.texts if t.get_text() == "N/A")


def test_sakip_comparison_fits_the_values_and_labels_them(config):
    sakip = pd.DataFrame({
        "tahun": [2025, 2025, 2025, 2024],
        "entitas": ["Provinsi Jawa Timur", "Sekretariat Daerah", "Kabupaten Mojokerto",
                    "Sekretariat Daerah"],
        "nilai": [np.nan, 86.19, 80.5, 86.10],
        "predikat": [pd.NA, "A", "A", "A"],
        "keterangan": ["ilustratif", "seed", "ilustratif", "seed"],
    })
    gambar = charts.gambar_perbandingan_sakip(sakip, config)
    ax = gambar.figure.axes[0]
    bars = _bars(gambar.figure)
    assert [round(b.get_height(), 2) for b in bars] == [86.19, 80.5]  # Setda first, then Kab.
    low, high = ax.get_ylim()
    assert low == 0 and high >= 86.19  # the seed's 42-60 axis could not hold these
    labels = _texts(gambar.figure)
    assert "86,19\n(A)" in labels and "80,50\n(A)*" in labels and "N/A" in labels
    ticks = [t.get_text() for t in ax.get_xticklabels()]
    assert ticks[0] == "Nilai SAKIP\nSekretariat Daerah"
    assert "ilustratif" in ax.get_xlabel()
    assert gambar.nama_berkas == "gambar-0-2-perbandingan-sakip-2025"


def test_ikm_per_unit_sorted_with_bands_and_pemda_line(config):
    units = pd.DataFrame({
        "tahun": 2025,
        "kode_unit": [f"U{i:02d}" for i in range(57)],
        "unit": [f"Unit Pelayanan {i}" for i in range(57)],
        "ikm": np.linspace(75.0, 95.0, 57)[::-1],
    })
    pemda = pd.DataFrame({"tahun": [2025], "ikm": [90.87]})
    gambar = charts.gambar_ikm_unit(units, config, pemda)
    ax = gambar.figure.axes[0]
    bars = _bars(gambar.figure)
    assert len(bars) == 57
    widths = [b.get_width() for b in bars]
    assert widths == sorted(widths)  # lowest at the bottom, best on top
    assert ax.get_yticklabels()[-1].get_text() == "Unit Pelayanan 0"
    below = [to_hex(b.get_facecolor()) for b in bars if b.get_width() < 76.61]
    assert below and set(below) == {charts.MERAH.lower()}
    assert any(np.allclose(line.get_xdata(), 90.87) for line in ax.lines)
    band_labels = [t.get_text() for t in ax.texts]
    assert "A (Sangat Baik)" in band_labels and "B (Baik)" in band_labels
    assert "IKM Pemerintah Daerah 90,87" in gambar.alt


def test_ikm_category_is_decided_on_the_rounded_value(config):
    units = pd.DataFrame({"tahun": 2025, "kode_unit": ["A", "B"], "unit": ["A", "B"],
                          "ikm": [76.605, 76.6049]})
    bars = _bars(charts.gambar_ikm_unit(units, config).figure)
    colors = {round(b.get_width(), 4): to_hex(b.get_facecolor()) for b in bars}
    assert colors[76.605] == charts.BIRU.lower()  # 76,61: Baik
    assert colors[76.6049] == charts.MERAH.lower()  # 76,60: Kurang Baik


def test_nrr_per_unsur_highlights_the_weakest(config):
    nrr = [3.6, 3.5, 3.4, 3.9, 3.1, 3.7, 3.8, 3.3, 3.2]
    unsur = pd.DataFrame({
        "tahun": 2025, "kode_unit": "PEMDA", "unit": "Pemerintah Kabupaten Mojokerto",
        "unsur": [f"U{i}" for i in range(1, 10)],
        "nama_unsur": [u.nama for u in config.skm.unsur], "nrr": nrr,
    })
    gambar = charts.gambar_nrr_unsur(unsur, config)
    bars = _bars(gambar.figure)
    assert len(bars) == 9
    colors = {round(b.get_width(), 2): to_hex(b.get_facecolor()) for b in bars}
    assert colors[3.1] == charts.MERAH.lower()
    assert {c for w, c in colors.items() if w != 3.1} == {charts.BIRU.lower()}
    assert "Unsur terlemah: U5 Produk Spesifikasi Jenis Pelayanan" in gambar.alt
    assert "3,10" in _texts(gambar.figure)


def test_budget_chart_pairs_anggaran_and_realisasi_with_percentages(config):
    anggaran = pd.DataFrame({
        "tahun": 2025,
        "kode": ["4.01.01.2.13.0001", "4.01.01.2.13.0005"],
        "uraian": ["Pengelolaan Kelembagaan dan Analisis Jabatan",
                   "Koordinasi dan Penyusunan Laporan Kinerja Pemerintah Daerah"],
        "anggaran": [81_373_500.0, 50_000_000.0],
        "realisasi": [57_921_700.0, 47_949_920.0],
        "persen": [57_921_700 / 81_373_500 * 100, 47_949_920 / 50_000_000 * 100],
    })
    gambar = charts.gambar_anggaran(anggaran, config)
    assert len(_bars(gambar.figure)) == 4
    assert {"71,18%", "95,90%"} <= set(_texts(gambar.figure))
    ax = gambar.figure.axes[0]
    assert ax.xaxis.get_major_formatter()(100_000_000) == "100"  # millions of rupiah
    assert "Rp81.373.500" in gambar.alt


def test_kinerja_vs_anggaran_per_sasaran(config):
    sasaran = pd.DataFrame({
        "dokumen": PKP, "no_sasaran": [1, 2, 3],
        "sasaran": ["Akuntabilitas", "Kelembagaan", "Persepsi masyarakat"],
        "capaian_kinerja": [100.81, 100.0, np.nan], "capaian_anggaran": [78.68, 71.18, 93.59],
    })
    gambar = charts.gambar_kinerja_anggaran(sasaran, config)
    assert len(_bars(gambar.figure)) == 5
    texts = _texts(gambar.figure)
    assert {"100,81%", "78,68%", "100,00%", "N/A"} <= set(texts)
    assert any(np.allclose(line.get_ydata(), 100) for line in gambar.figure.axes[0].lines)


def test_ikm_trend_leaves_gaps_for_missing_years(config):
    pemda = pd.DataFrame({"tahun": [2023, 2024, 2025], "ikm": [88.5, 89.97, 90.87]})
    pembanding = pd.DataFrame({
        "tahun": [2023, 2025], "kode_indikator": "PKP-3", "indikator": "IKM",
        "entitas": "Provinsi Jawa Timur", "nilai": [88.0, 89.71], "keterangan": "seed",
    })
    gambar = charts.gambar_ikm_tren(pemda, pembanding, config, kode_indikator=["PKP-3"])
    kab, prov = gambar.figure.axes[0].lines[:2]
    assert list(kab.get_xdata()) == [2023, 2024, 2025]
    ydata = np.asarray(prov.get_ydata(), dtype=float)
    assert np.isnan(ydata[1]) and ydata[2] == pytest.approx(89.71)  # a gap, not a 0
    assert "2024 N/A" in gambar.alt
    assert gambar.nama_berkas == "gambar-ikm-kabupaten-provinsi-2023-2025"


def test_axis_ticks_use_decimal_comma():
    assert charts._tick(2.5) == "2,5"
    assert charts._tick(60.0) == "60"
    assert charts._tick(1500.0) == "1.500"


def test_style_does_not_leak_into_global_settings(config):
    before = {k: mpl.rcParams[k] for k in ("font.size", "svg.hashsalt", "axes.prop_cycle")}
    charts.gambar_capaian_kinerja(_capaian_seed(), config)
    assert {k: mpl.rcParams[k] for k in before} == before


def test_saving_twice_gives_identical_bytes_and_print_resolution(tmp_path, config):
    first = charts.save(charts.gambar_capaian_kinerja(_capaian_seed(), config), tmp_path / "a")
    again = charts.save(charts.gambar_capaian_kinerja(_capaian_seed(), config), tmp_path / "b")
    assert [p.name for p in first] == [
        "gambar-0-1-capaian-kinerja-2025.png", "gambar-0-1-capaian-kinerja-2025.svg"
    ]
    for a, b in zip(first, again, strict=True):
        assert a.read_bytes() == b.read_bytes(), a.name
    svg = first[1].read_text(encoding="utf-8")
    assert "<dc:date>" not in svg
    with Image.open(first[0]) as image:
        # PNG stores pixels per metre, so 200 dpi reads back as 199.9996.
        assert round(image.info["dpi"][0]) >= 200
        assert image.size[0] == 7.5 * 200  # figure width in inches x dpi
        assert "Software" not in image.info


def test_png_for_display_is_the_saved_file(tmp_path, config):
    png, _svg = charts.save(charts.gambar_capaian_kinerja(_capaian_seed(), config), tmp_path)
    fresh = charts.gambar_capaian_kinerja(_capaian_seed(), config)  # as a notebook draws it
    assert charts.png_bytes(fresh) == png.read_bytes()


def test_ikm_per_unit_fits_a_page_marks_small_samples_and_keeps_names(config):
    long_name = "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu"  # 54 characters
    units = pd.DataFrame({
        "tahun": 2025,
        "kode_unit": [f"U{i:02d}" for i in range(57)],
        "unit": [long_name] + [f"Unit Pelayanan {i}" for i in range(1, 57)],
        "ikm": np.linspace(80.0, 97.0, 57),
        # The seed's Dinas Perpustakaan: 5 respondents against a minimum of 37.
        "sampel_cukup": [True] * 56 + [False],
        "minimal_baik": True,
    })
    gambar = charts.gambar_ikm_unit(units, config, pd.DataFrame({"tahun": [2025], "ikm": [90.87]}))
    figure = gambar.figure
    # 0,13 x 57 + 1,9 = 9,31 inches would not fit a page with its caption (a page left empty).
    assert figure.get_size_inches()[1] <= charts.TINGGI_MAKS
    ax = figure.axes[0]
    ticks = [t.get_text() for t in ax.get_yticklabels()]
    assert long_name in ticks and not any("…" in t for t in ticks)  # no unit name cut
    assert ticks[-1] == "Unit Pelayanan 56*"  # the best unit, with a short sample
    assert "Krejcie–Morgan" in ax.get_xlabel()
    hatched = [b for b in _bars(figure) if b.get_hatch()]
    assert len(hatched) == 1 and hatched[0].get_width() == pytest.approx(97.0)
    assert ax.get_title() == "IKM per Unit Pelayanan Tahun 2025"
    # The Pemda average is in a legend under the chart, not over the bars.
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    renderer = FigureCanvasAgg(figure).get_renderer()
    figure.draw(renderer)
    (legend,) = figure.legends
    assert "IKM Pemerintah Daerah: 90,87" in [t.get_text() for t in legend.get_texts()]
    assert legend.get_window_extent(renderer).y1 < ax.get_window_extent(renderer).y0
    assert "Unit Pelayanan 56" in gambar.alt.split("sampel minimum Krejcie–Morgan")[1]


def test_illustrative_values_are_starred_on_the_ikm_trend_as_on_the_sakip_chart(config):
    pemda = pd.DataFrame({"tahun": [2023, 2024, 2025], "ikm": [89.2, 89.97, 90.87]})
    pembanding = pd.DataFrame({
        "tahun": [2023, 2024, 2025], "kode_indikator": "PKP-3", "indikator": "IKM",
        "entitas": "Provinsi Jawa Timur", "nilai": [88.95, 89.34, 89.71],
        "keterangan": ["ilustratif", "ilustratif", "Hasil SKM Provinsi 2025"],
    })
    gambar = charts.gambar_ikm_tren(pemda, pembanding, config, kode_indikator=["PKP-3"])
    ax = gambar.figure.axes[0]
    labels = [t.get_text() for t in ax.texts]
    assert {"88,95*", "89,34*", "89,71", "90,87"} <= set(labels)
    assert ax.get_xlabel() == "* nilai ilustratif (tidak terbaca pada sumber)"
    sakip = pd.DataFrame({"tahun": [2025], "entitas": ["Provinsi Jawa Timur"], "nilai": [88.53],
                          "predikat": ["A"], "keterangan": ["ilustratif"]})
    sakip_ax = charts.gambar_perbandingan_sakip(sakip, config).figure.axes[0]
    assert sakip_ax.get_xlabel() == ax.get_xlabel()
    assert "tahun 2023, 2024 ilustratif" in gambar.alt
