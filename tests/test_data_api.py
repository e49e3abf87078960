"""The analyst's data API (lkjip.data): tables by name, tidy views of every year, the report's numbers.

Expected figures are the seed report's (``/work/shared/domain.md`` section 6), which the default
(synthetic) data reproduce, or worked out by hand from the small frames written here.
"""

from __future__ import annotations

import ast
import json
import re
import subprocess
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from bantuan import ROOT

from lkjip import data
from lkjip.core.config import load_config
from lkjip.ingest.schemas.perjanjian_kinerja import SUMBER_REALISASI
from lkjip.report import bagian, charts
from lkjip.report.laporan import Laporan
from lkjip.report.tables import as_frame

PK = "Perjanjian Kinerja"
PKP = "Perjanjian Kinerja Perubahan"
KAB, PROV = "Kabupaten Mojokerto", "Provinsi Jawa Timur"


@pytest.fixture(scope="module")
def config():
    return load_config()


@pytest.fixture(scope="module")
def project(processed_project):
    return processed_project


def _value(frame: pd.DataFrame, **where) -> float:
    rows = frame
    for column, value in where.items():
        rows = rows[rows[column] == value]
    assert len(rows) == 1, f"{where}: {len(rows)} baris"
    return float(rows["nilai"].iloc[0])


# --------------------------------------------------------------------------- tables by name


def test_every_table_the_data_step_writes_is_listed_described_and_built(project):
    daftar = data.daftar_tabel(project)
    written = json.loads((project / "data" / "processed" / "manifest.json").read_text())["tabel"]
    assert sorted(daftar["tabel"]) == sorted(written)
    assert daftar["tersedia"].all()
    assert daftar["keterangan"].str.len().gt(10).all()
    rows = daftar.set_index("tabel")["jumlah_baris"]
    # 57 units surveyed in 2025 and 48 perangkat daerah evaluated in each of 2021–2025.
    assert rows["ikm_unit"] == 57 and rows["sakip_pd"] == 5 * 48


def test_a_fresh_clone_lists_the_tables_as_not_built(project_copy):
    daftar = data.daftar_tabel(project_copy)
    assert not daftar["tersedia"].any() and daftar["jumlah_baris"].isna().all()


def test_load_by_name(project):
    pemda = data.tabel("ikm_pemda", project)
    assert list(pemda["tahun"]) == [2023, 2024, 2025]
    assert round(float(pemda["ikm"].iloc[-1]), 2) == 90.87


def test_an_unknown_name_lists_the_valid_ones_even_after_the_data_step(project):
    # The complaint: "ikm" used to answer "belum ada ... Jalankan dulu" after the data step.
    with pytest.raises(data.TabelTidakDikenal) as err:
        data.tabel("ikm", project)
    message = str(err.value)
    assert "tidak dikenal" in message and "Jalankan" not in message
    assert "Mungkin maksudnya: ikm_unit" in message
    assert all(name in message for name in data.nama_tabel())
    with pytest.raises(data.TabelTidakDikenal):
        Laporan.load(root=project).t("ikm")


def test_a_table_not_built_names_the_command(project_copy):
    with pytest.raises(data.TabelBelumDibangun, match=r"Jalankan dulu: python -m lkjip data"):
        data.tabel("sakip_pd", project_copy)
    with pytest.raises(FileNotFoundError):  # the command line reports FileNotFoundError already
        data.tabel("sakip_pd", project_copy)


def test_the_api_imports_no_display_library():
    tree = ast.parse(Path(data.__file__).read_text(encoding="utf-8"))
    imported = {a.name.split(".")[0] for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
    imported |= {n.module.split(".")[0] for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.module}
    assert not imported & {"IPython", "great_tables", "matplotlib"}
    code = "import sys, lkjip.data; print(sorted(m for m in ('IPython', 'great_tables') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


# --------------------------------------------------------------------------- the three lines


def test_ikm_kabupaten_against_provinsi_and_sakip_per_pd_in_three_lines(project):
    ikm = data.perbandingan("IKM", root=project).pivot(index="tahun", columns="entitas", values="nilai")
    sakip = data.sakip_pd(root=project).pivot(index="perangkat_daerah", columns="tahun", values="nilai")
    # Tabel III.3 of the seed: IKM Kabupaten 90,87 vs Provinsi Jawa Timur 89,71 in 2025.
    assert ikm.loc[2025, KAB] == pytest.approx(90.87) and ikm.loc[2025, PROV] == pytest.approx(89.71)
    # PK Perubahan: IKM Pemda realisasi 2024 = 89,97; no SKM in 2021–2022 (N/A, not 0).
    assert ikm.loc[2024, KAB] == pytest.approx(89.97)
    assert ikm.loc[[2021, 2022], KAB].isna().all()
    # SAKIP Sekretariat Daerah 2025: 86,19 (and 86,10 the year before, cited in the seed's text).
    assert sakip.loc["Sekretariat Daerah", 2025] == pytest.approx(86.19)
    assert sakip.loc["Sekretariat Daerah", 2024] == pytest.approx(86.10)
    assert list(sakip.columns) == [2021, 2022, 2023, 2024, 2025] and len(sakip) == 48


def test_the_readme_lines_for_analysts_run(project, monkeypatch):
    section = (ROOT / "README.md").read_text(encoding="utf-8").split("## Untuk analis", 1)[1]
    code = re.search(r"```python\n(.*?)```", section, re.S).group(1)
    assert len(code.strip().splitlines()) == 4  # the import, then three lines
    monkeypatch.setenv("LKJIP_ROOT", str(project))  # the project as a fresh clone after the data step
    namespace: dict = {}
    exec(code, namespace)
    assert namespace["ikm"].loc[2025, [KAB, PROV]].tolist() == [90.87, 89.71]
    assert namespace["sakip"].loc["Sekretariat Daerah", 2025] == 86.19


# --------------------------------------------------------------------------- every year, with its source


def test_ikm_unit_joins_computed_and_summarised_years(project):
    view = data.ikm_unit(root=project)
    by_year = view.groupby("tahun")["asal"].agg(lambda a: sorted(set(a)))
    assert by_year.to_dict() == {2023: ["ketik"], 2024: ["ketik"], 2025: ["hitung"]}
    assert view.groupby("tahun").size().tolist() == [57, 57, 57]
    assert set(view.loc[view["tahun"] < 2025, "sumber"]) == {"skm_unit_riwayat"}
    assert view.loc[view["tahun"] < 2025, "sampel_minimum"].isna().all()


def test_ikm_pemda_is_the_report_figure_unrounded(project):
    view = data.ikm_pemda(root=project)
    assert [round(v, 2) for v in view["nilai"]] == [89.20, 89.97, 90.87]
    assert set(view["entitas"]) == {KAB} and set(view["asal"]) == {"hitung"}
    assert view["keterangan"].iloc[-1] == "rata-rata IKM unit dari jawaban responden"


def test_unsur_values_exist_only_where_respondents_do(project, config):
    view = data.ikm_unsur(root=project)
    assert set(view["tahun"]) == {2025}
    pemda = data.ikm_unsur("PEMDA", root=project)
    assert list(pemda["unsur"]) == [u.kode for u in config.skm.unsur]
    assert pemda["nilai"].between(1, 4).all()


def test_budget_views_carry_the_seed_amounts(project):
    sub = data.anggaran_sub_kegiatan(root=project)
    kelembagaan = sub[sub["kode"] == "4.01.01.2.13.0001"]
    assert _value(kelembagaan, ukuran="anggaran") == 81_373_500
    assert _value(kelembagaan, ukuran="realisasi") == 57_921_700
    assert round(_value(kelembagaan, ukuran="persen"), 2) == 71.18
    assert set(sub.loc[sub["ukuran"] == "persen", "asal"]) == {"hitung"}
    total = data.anggaran_total(root=project)
    persen = total[total["ukuran"] == "persen"].set_index("tahun")["nilai"].round(2)
    # Kinerja lainnya of the seed: 90,64 / 96,49 / 95,54 / 96,35 / 85,72 %.
    assert persen.to_dict() == {2021: 90.64, 2022: 96.49, 2023: 95.54, 2024: 96.35, 2025: 85.72}
    amounts = total[total["ukuran"] != "persen"]
    assert set(amounts.loc[amounts["tahun"] < 2025, "asal"]) == {"ketik"}
    assert set(amounts.loc[amounts["tahun"] == 2025, "asal"]) == {"hitung"}
    assert _value(total, tahun=2025, ukuran="anggaran") == 796_858_170
    assert _value(total, tahun=2025, ukuran="realisasi") == 683_074_125


def test_sasaran_budget_is_the_report_year(project):
    view = data.anggaran_sasaran(root=project)
    assert set(view["tahun"]) == {2025}
    # Tabel III.4.B: sasaran 2 (kelembagaan) gets 81.373.500, realised 57.921.700 = 71,18 %.
    two = view[view["no_sasaran"] == 2]
    assert _value(two, ukuran="alokasi") == 81_373_500
    assert round(_value(two, ukuran="capaian_anggaran"), 2) == 71.18


def test_capaian_every_year_with_typed_computed_and_missing_values(project):
    view = data.capaian(root=project)
    real = view[view["ukuran"] == "realisasi"]
    # Indeks Profesionalitas ASN is typed by the office: 84,37 / 78,13 / 91,25 / 87,50 / 84,44.
    ip_asn = real[real["kode_indikator"] == "KL-2"].set_index("tahun")
    assert ip_asn["nilai"].tolist() == [84.37, 78.13, 91.25, 87.50, 84.44]
    assert set(ip_asn["asal"]) == {"ketik"}
    # SKM minimal baik: N/A in 2021–2022 because there is no SKM data; 57 from 2023.
    skm = real[real["kode_indikator"] == "PK-1"].set_index("tahun")
    assert skm.loc[[2021, 2022], "asal"].tolist() == ["tidak_ada", "tidak_ada"]
    assert "tidak ada data SKM" in skm.loc[2021, "keterangan"] and "2021" in skm.loc[2021, "keterangan"]
    assert skm.loc[[2023, 2024, 2025], "nilai"].tolist() == [57, 57, 57]
    assert set(skm.loc[[2023, 2024, 2025], "asal"]) == {"hitung"}
    pkp1 = view[(view["kode_indikator"] == "PKP-1") & (view["tahun"] == 2025)].set_index("ukuran")
    assert pkp1.loc["target", "nilai"] == 83.11 and pkp1.loc["realisasi", "nilai"] == 83.78
    assert round(pkp1.loc["capaian", "nilai"], 2) == 100.81 and pkp1.loc["capaian", "satuan"] == "%"


def test_comparison_entities_and_illustrative_values(project):
    view = data.perbandingan(root=project)
    ikm = view[view["kode_indikator"] == "PKP-3"]
    prov = ikm[ikm["entitas"] == PROV].set_index("tahun")["asal"]
    assert prov.to_dict() == {2023: "ilustratif", 2024: "ilustratif", 2025: "ketik"}
    sakip = view[(view["kode_indikator"] == "sakip_opd") & (view["tahun"] == 2025)].set_index("entitas")
    assert sakip.loc["Sekretariat Daerah", ["nilai", "asal"]].tolist() == [86.19, "ketik"]
    assert sakip.loc[KAB, "asal"] == "ilustratif"
    assert not view.duplicated(["kode_indikator", "entitas", "tahun"]).any()


# --------------------------------------------------------------------------- the report's own numbers


def test_views_equal_the_report_tables(project):
    lap = Laporan.load(root=project)
    real = data.capaian(root=project)
    real = real[real["ukuran"] == "realisasi"]
    for dokumen in lap.dokumen_aktif:
        tren = as_frame(bagian.tabel("III.2", lap.t, lap.config, dokumen))
        for _, row in tren.iterrows():
            ours = real[(real["dokumen"] == dokumen) & (real["indikator"] == row["Indikator Kinerja"])]
            for year in range(2021, 2026):
                expected = row[str(year)]
                got = ours.loc[ours["tahun"] == year, "nilai"]
                assert (np.isnan(expected) and got.isna().all()) or got.item() == pytest.approx(expected)
    iii3 = as_frame(bagian.tabel("III.3", lap.t, lap.config))
    ikm_row = iii3[iii3["Indikator Kinerja"].str.contains("IKM")].iloc[0]
    comparison = data.perbandingan("IKM", root=project)
    assert _value(comparison, tahun=2025, entitas=KAB) == ikm_row["Realisasi"]
    assert _value(comparison, tahun=2025, entitas=PROV) == ikm_row["Realisasi Pembanding"]
    sakip = as_frame(bagian.tabel("lampiran-sakip", lap.t, lap.config))
    sakip = sakip.set_index("Perangkat Daerah")["Nilai"]
    ours = data.sakip_pd(root=project).query("tahun == 2025").set_index("perangkat_daerah")["nilai"]
    assert ours.sort_index().tolist() == sakip.sort_index().tolist()
    lampiran = as_frame(bagian.tabel("lampiran-ikm", lap.t, lap.config))
    units = lampiran[lampiran["Kode"] != "PEMDA"].set_index("Kode")["IKM"].sort_index()
    ours = data.ikm_unit(root=project).query("tahun == 2025").set_index("kode_unit")["nilai"].sort_index()
    assert ours.tolist() == units.tolist()
    iii4a = as_frame(bagian.tabel("III.4.A", lap.t, lap.config))
    iii4a = iii4a[iii4a["Kode"].notna()].set_index("Kode")
    sub = data.anggaran_sub_kegiatan(root=project)
    for kode, row in iii4a.iterrows():
        assert _value(sub, kode=kode, ukuran="realisasi") == row["Realisasi"]
        assert _value(sub, kode=kode, ukuran="persen") == row["Capaian (%)"]


def test_the_ikm_trend_chart_draws_the_api_values(project, config):
    lap = Laporan.load(root=project)
    gambar = charts.gambar_ikm_tren(
        lap.t("ikm_pemda"), lap.t("pembanding"), config, kode_indikator=["PKP-3"]
    )
    kab_line, prov_line = gambar.figure.axes[0].lines[:2]
    kab = data.ikm_pemda(root=project).set_index("tahun")["nilai"]
    prov = data.angka_pembanding("PKP-3", root=project).query("entitas == @PROV").set_index("tahun")["nilai"]
    assert list(kab_line.get_xdata()) == [2023, 2024, 2025]
    assert np.asarray(kab_line.get_ydata(), dtype=float).tolist() == kab.loc[[2023, 2024, 2025]].tolist()
    assert np.asarray(prov_line.get_ydata(), dtype=float).tolist() == prov.loc[[2023, 2024, 2025]].tolist()


# --------------------------------------------------------------------------- rules on small frames


def _pembanding(**columns) -> pd.DataFrame:
    base = {"tahun": [2025], "kode_indikator": ["PKP-3"], "indikator": ["IKM Pemda"], "entitas": [PROV]}
    return pd.DataFrame({**base, **columns})


@pytest.mark.parametrize(
    ("nilai", "keterangan", "asal"),
    [
        (89.71, "Tabel III.3 LKjIP 2025", "ketik"),
        (88.95, "Ilustratif (tidak terbaca pada sumber)", "ilustratif"),
        (None, "tidak tersedia", "tidak_ada"),
        (None, "ilustratif", "tidak_ada"),  # no value is no value, whatever the note says
    ],
)
def test_where_a_comparison_figure_comes_from(config, nilai, keterangan, asal):
    frame = _pembanding(nilai=[nilai], keterangan=[keterangan])
    view = data.angka_pembanding(tables={"pembanding": frame}, config=config)
    assert view["asal"].tolist() == [asal]


def test_an_unknown_indicator_lists_those_there_are(config):
    frame = _pembanding(nilai=[89.71], keterangan=["x"])
    with pytest.raises(LookupError, match=r"PKP-3 \(IKM Pemda\)"):
        data.angka_pembanding("SAKIP", tables={"pembanding": frame}, config=config)


def test_the_realisasi_wins_over_a_typed_duplicate_of_the_kabupaten(config):
    frame = pd.DataFrame(
        {
            "tahun": [2025, 2025],
            "kode_indikator": ["PKP-3", "PKP-3"],
            "indikator": ["IKM Pemda", "IKM Pemda"],
            "entitas": [KAB, PROV],
            "nilai": [99.0, 89.71],
            "keterangan": ["diketik ulang", "x"],
        }
    )
    capaian = pd.DataFrame(
        {
            "dokumen": [PKP],
            "kode_indikator": ["PKP-3"],
            "indikator": ["IKM Pemda"],
            "tahun": [2025],
            "realisasi": [90.87],
            "asal_realisasi": ["hitung"],
            "sumber_realisasi": ["ikm_pemda"],
        }
    )
    view = data.perbandingan(tables={"pembanding": frame, "capaian": capaian}, config=config)
    assert view[["entitas", "nilai", "sumber"]].values.tolist() == [
        [KAB, 90.87, "capaian"],
        [PROV, 89.71, "pembanding"],
    ]


def test_a_unit_year_from_respondents_replaces_the_summary(config):
    computed = pd.DataFrame({"tahun": [2025], "kode_unit": ["UL-01"], "unit": ["A"], "ikm": [91.0]})
    summary = pd.DataFrame(
        {"tahun": [2024, 2024, 2025], "kode_unit": ["UL-01", "UL-02", "UL-01"], "unit": ["A", "B", "A"],
         "ikm": [88.30, 88.31, 70.0]}
    )  # fmt: skip
    view = data.ikm_unit(tables={"ikm_unit": computed, "skm_unit_riwayat": summary}, config=config)
    assert view[["tahun", "kode_unit", "nilai", "asal"]].values.tolist() == [
        [2024, "UL-01", 88.30, "ketik"],
        [2024, "UL-02", 88.31, "ketik"],
        [2025, "UL-01", 91.0, "hitung"],
    ]
    # Mutu of a typed IKM from the configured bands: 88,30 is B, 88,31 is A (PermenPANRB 14/2017).
    assert view["mutu"].tolist()[:2] == ["B", "A"]


def test_every_sumber_realisasi_has_a_reason_for_a_missing_year(config):
    assert set(data.DATA_REALISASI) == set(SUMBER_REALISASI)
    frame = pd.DataFrame(
        {
            "dokumen": PK,
            "kode_indikator": [f"X-{i}" for i in range(len(SUMBER_REALISASI))],
            "tahun": 2021,
            "realisasi": np.nan,
            "asal_realisasi": "tidak_ada",
            "sumber_realisasi": list(SUMBER_REALISASI),
        }
    )
    view = data.capaian(tables={"capaian": frame}, config=config)
    notes = view.loc[view["ukuran"] == "realisasi", "keterangan"]
    assert notes.str.endswith("untuk tahun 2021").all() and notes.nunique() >= 6
    assert "kelembagaan_pemda" in " ".join(notes) and "perjanjian_kinerja" in " ".join(notes)


def test_tables_given_are_the_only_source(config):
    with pytest.raises(KeyError, match="skm_unit_riwayat"):
        data.ikm_unit(tables={"ikm_unit": pd.DataFrame({"tahun": [], "ikm": []})}, config=config)


def test_an_office_without_comparison_figures_gets_empty_views(config):
    def empty(*columns: str) -> pd.DataFrame:
        return pd.DataFrame({c: pd.Series(dtype="object") for c in columns})

    empty_pembanding = empty("tahun", "kode_indikator", "entitas", "nilai")
    empty_capaian = empty("dokumen", "kode_indikator", "tahun")
    for view in (
        data.angka_pembanding(tables={"pembanding": empty_pembanding}, config=config),
        data.perbandingan(tables={"pembanding": empty_pembanding, "capaian": empty_capaian}, config=config),
    ):
        assert view.empty and list(view.columns) == list(data.KOLOM["perbandingan"])


def test_views_do_not_change_their_inputs(config):
    frame = _pembanding(nilai=["89,71"], keterangan=["x"])
    before = frame.copy()
    data.angka_pembanding(tables={"pembanding": frame}, config=config)
    pd.testing.assert_frame_equal(frame, before)


def test_trend_summary_direction_at_two_decimals_and_missing_years():
    seri = pd.DataFrame(
        {
            "kode": ["A", "A", "B", "B", "C"],
            "tahun": [2021, 2025, 2021, 2025, 2023],
            "nilai": [83.111, 83.114, 90.64, 85.72, 57.0],
        }
    )
    out = data.ringkas_tren(seri, ["kode"], tahun=range(2021, 2026)).set_index("kode")
    assert out.loc["A", "arah"] == "tetap"  # 83,11 both years as printed
    assert out.loc["B", "arah"] == "turun" and out.loc["B", "perubahan"] == pytest.approx(-4.92)
    assert out.loc["B", "tahun_kosong"] == "2022, 2023, 2024"
    assert pd.isna(out.loc["C", "arah"]) and np.isnan(out.loc["C", "perubahan"])
    assert out.loc["C", "tahun_kosong"] == "2021, 2022, 2024, 2025"


# --------------------------------------------------------------------------- refusals: named, with candidates


def test_an_unknown_unit_is_refused_with_the_closest_codes(project):
    with pytest.raises(data.UnitTidakDikenal) as err:
        data.ikm_unsur("UL-99", root=project)
    # 'ul-99' shares 'ul-' and the last '9' with UL-09, UL-19, UL-29 ... (ratio 0,8): the first three.
    assert err.value.mirip == ("UL-09", "UL-19", "UL-29")
    # 57 units surveyed in 2025 and the Pemda as a whole
    assert len(err.value.pilihan) == 58 and err.value.pilihan[-1] == "PEMDA"
    assert "Unit layanan 'UL-99' tidak ada di data.ikm_unsur(). Mungkin maksudnya: UL-09" in str(err.value)
    with pytest.raises(data.UnitTidakDikenal):
        data.ikm_unit("UL-99", root=project)


@pytest.mark.parametrize("typed", ["ul-01", " UL-01", "Ul - 01"])
def test_a_unit_code_in_another_case_or_spacing_is_that_unit(project, typed):
    expected = data.ikm_unsur("UL-01", root=project)
    got = data.ikm_unsur(typed, root=project)
    # the nine unsur of 2025, the only year with respondents
    assert len(got) == 9 and set(got["kode_unit"]) == {"UL-01"}
    pd.testing.assert_frame_equal(got, expected)
    assert data.ikm_unit(typed, root=project)["tahun"].tolist() == [2023, 2024, 2025]


def test_a_unit_by_its_name_and_a_name_that_fits_many(project):
    assert set(data.ikm_unit("Dinas Kependudukan", root=project)["kode_unit"]) == {"UL-01"}
    with pytest.raises(data.UnitAmbigu) as err:
        data.ikm_unit("Dinas", root=project)
    assert "UL-01 (Dinas Kependudukan dan Pencatatan Sipil)" in str(err.value)


def test_pd_codes_by_the_same_rule(project):
    row = data.sakip_pd("pd-01", tahun=2025, root=project)
    assert row[["perangkat_daerah", "nilai"]].values.tolist() == [["Sekretariat Daerah", 86.19]]
    with pytest.raises(data.PerangkatDaerahAmbigu) as err:
        data.kematangan_pd("Sekretariat", root=project)
    assert err.value.mirip == ("PD-01", "PD-02")
    assert "PD-01 (Sekretariat Daerah); PD-02 (Sekretariat DPRD)" in str(err.value)
    with pytest.raises(data.PerangkatDaerahTidakDikenal, match="Yang ada \\(48\\)"):
        data.sakip_pd("PD-99", root=project)


def test_indicator_codes_in_any_case_and_names_alike(project):
    by_code = data.perbandingan("pkp-3", root=project)
    by_name = data.perbandingan("IKM", root=project)
    pd.testing.assert_frame_equal(by_code, by_name)
    assert set(by_code["kode_indikator"]) == {"PKP-3"}
    assert set(data.capaian("kl-2", root=project)["kode_indikator"]) == {"KL-2"}
    assert set(data.angka_pembanding(" SAKIP_OPD ", root=project)["kode_indikator"]) == {"sakip_opd"}


def test_an_ambiguous_indicator_is_refused_listing_both_never_mixed(project):
    # 'SAKIP' is in 'Nilai Rata-Rata SAKIP Perangkat Daerah' (PKP-1) and in 'Nilai SAKIP' (sakip_opd).
    with pytest.raises(data.IndikatorAmbigu) as err:
        data.perbandingan("SAKIP", root=project)
    assert err.value.mirip == ("PKP-1", "sakip_opd")
    assert "PKP-1 (Nilai Rata-Rata SAKIP Perangkat Daerah); sakip_opd (Nilai SAKIP)" in str(err.value)
    with pytest.raises(data.IndikatorAmbigu):
        data.capaian("SAKIP", root=project)  # PK-3 and PKP-1
    # The whole name picks one; the README's pivot then has one value per year and entity.
    setda = data.perbandingan("Nilai SAKIP", root=project)
    sakip = setda.pivot(index="tahun", columns="entitas", values="nilai")
    assert sakip.loc[2025, "Sekretariat Daerah"] == 86.19 and sakip.loc[2024, "Sekretariat Daerah"] == 86.10


def test_an_unknown_indicator_names_the_closest_and_every_one(project):
    with pytest.raises(data.IndikatorTidakDikenal) as err:
        data.capaian("PKP-9", root=project)
    # 'pkp-9' against 'pkp-1', 'pkp-2', 'pkp-3': four of five characters (0,8); 'pk-1' only 0,67.
    assert err.value.mirip == ("PKP-1", "PKP-2", "PKP-3")
    assert len(err.value.pilihan) == 9  # six indicators of the PK, three of the PK Perubahan
    assert "KL-3 (Jumlah Inovasi" in str(err.value)


def test_a_year_outside_the_data_is_refused_with_the_years_there_are(project):
    with pytest.raises(data.TahunTidakAda) as err:
        data.ikm_unit(tahun=2022, root=project)
    assert err.value.pilihan == ("2023", "2024", "2025") and err.value.mirip == ("2023",)
    with pytest.raises(data.TahunTidakAda, match=r"Tahun 2024 tidak ada di data.ikm_unsur\('UL-01'\)"):
        data.ikm_unsur("UL-01", tahun=2024, root=project)
    with pytest.raises(data.TahunTidakAda, match="Tahun 2020 tidak ada"):
        data.capaian(tahun=range(2020, 2026), root=project)
    with pytest.raises(data.TahunTidakAda) as err:
        data.anggaran_sasaran(tahun=2024, root=project)  # the mapping exists for the report year only
    assert err.value.pilihan == ("2025",)
    for view in (data.ikm_pemda, data.sakip_pd, data.kematangan_pd, data.anggaran_total,
                 data.anggaran_sub_kegiatan, data.angka_pembanding, data.perbandingan):  # fmt: skip
        with pytest.raises(data.TahunTidakAda):
            view(tahun=2030, root=project)
    assert data.anggaran_total(tahun=[2024, 2025], root=project)["tahun"].unique().tolist() == [2024, 2025]
    assert data.perbandingan("IKM", tahun=2025, root=project)["nilai"].tolist() == [90.87, 89.71]


def test_the_trend_summary_refuses_unknown_columns_and_a_span_outside_the_data():
    seri = pd.DataFrame({"kode": ["A", "A"], "tahun": [2024, 2025], "nilai": [1.0, 2.0]})
    with pytest.raises(data.KolomTidakAda) as err:
        data.ringkas_tren(seri, ["kode_indikator"])
    assert err.value.pilihan == ("kode", "tahun", "nilai")
    with pytest.raises(data.TahunTidakAda, match="Tahun 2030, 2031 tidak ada"):
        data.ringkas_tren(seri, ["kode"], tahun=[2030, 2031])
    # an empty view summarises to nothing, whatever the span
    assert data.ringkas_tren(seri.iloc[:0], ["kode"], tahun=range(2021, 2026)).empty


def test_a_table_name_in_another_case_is_that_table(project):
    pd.testing.assert_frame_equal(data.tabel(" IKM_Pemda", project), data.tabel("ikm_pemda", project))


def test_views_declare_their_columns_in_indonesian_as_the_tables_do():
    from lkjip.katalog.dataset import DATASET
    from lkjip.katalog.hasil import COLUMNS

    table_words = {c for d in DATASET.values() for c in d.skema(load_config()).columns} | {
        c for columns in COLUMNS.values() for c in columns
    }
    own = {"entitas", "ukuran", "nilai", "asal", "sumber", "keterangan"}  # the views' own words
    for name, tampilan in data.TAMPILAN.items():
        assert callable(getattr(data, name)) and name in data.__all__
        assert set(tampilan.kolom) <= table_words | own, name
        assert all(k.arti for k in tampilan.kolom.values()), name
        assert set(tampilan.kolom["asal"].nilai) <= set(data.ASAL)
        assert set(tampilan.kolom["sumber"].nilai) <= set(tampilan.tabel)
    # The view and the table of the same name differ; the declaration says which table it reads.
    assert data.TAMPILAN["sakip_pd"].tabel == ("sakip_pd_hasil",)


def test_every_closed_list_of_values_the_views_declare_holds_on_the_default_data(project):
    for name, tampilan in data.TAMPILAN.items():
        view = getattr(data, name)(root=project)
        assert list(view.columns) == list(tampilan.kolom), name
        for column, kolom in tampilan.kolom.items():
            if kolom.nilai:
                assert set(view[column].dropna()) <= set(kolom.nilai), (name, column)
