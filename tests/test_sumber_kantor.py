"""The sources an office has (``laporan.yml``'s ``sumber``): declared, absent, and what follows.

Figures of the small office (lkjip.synthetic.kantor_kecil) worked out by hand in its docstring:
capaian IK-1 92,5 / 90 = 102,78 %, IK-2 36 / 40 = 90,00 %, IK-3 93,01 / 95 = 97,91 % (its
realisasi is the budget's 371.868.650 / 399.800.000 = 93,01 %); Tabel III.4.B: total capaian
anggaran 93,01 %, mean capaian kinerja (102,78 + 90 + 97,91) / 3 = 96,89 %, efisiensi 3,88 poin.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml
from bantuan import process_project

from lkjip.core.config import SUMBER, ConfigError, load_config
from lkjip.ingest.problems import StructuralError
from lkjip.pipeline.data_step import run_data_step
from lkjip.report.konten_awal import write_konten_awal
from lkjip.synthetic.kantor_kecil import write_proyek


@pytest.fixture(scope="module")
def proyek(tmp_path_factory) -> Path:
    return process_project(write_proyek(tmp_path_factory.mktemp("sumber") / "proyek"))


def _with_sumber(proyek: Path, tmp_path: Path, sumber: list[str]) -> Path:
    data = yaml.safe_load((proyek / "laporan.yml").read_text(encoding="utf-8"))
    target = tmp_path / "laporan.yml"
    target.write_text(yaml.safe_dump({**data, "sumber": sumber}, allow_unicode=True), encoding="utf-8")
    return target


def test_an_unknown_source_name_is_a_config_error_listing_the_known_ones(proyek, tmp_path):
    with pytest.raises(ConfigError) as err:
        load_config(_with_sumber(proyek, tmp_path, ["anggaran", "perjanjian_kinerja", "skm_2025"]))
    message = str(err.value)
    assert "sumber tidak dikenal: ['skm_2025']" in message
    assert "anggaran, skm, skm_riwayat, sakip, kelembagaan, perjanjian_kinerja, pembanding" in message


def test_a_declared_source_missing_from_the_raw_folder_is_structural_and_named(proyek, tmp_path):
    config = load_config(_with_sumber(proyek, tmp_path, ["anggaran", "perjanjian_kinerja", "sakip"]))
    with pytest.raises(StructuralError) as err:
        run_data_step(proyek / "data" / "raw", tmp_path / "out", config, force=True)
    text = " ".join(p.pesan for p in err.value.problems)
    assert len(err.value.problems) == 1
    assert "sumber 'sakip', dinyatakan di laporan.yml" in text
    assert not (tmp_path / "out").exists()


def test_the_perjanjian_kinerja_stays_required_when_nothing_is_declared(proyek, tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copy(proyek / "data" / "raw" / "realisasi-anggaran.xlsx", raw)
    with pytest.raises(StructuralError) as err:
        run_data_step(raw, tmp_path / "out", load_config(proyek / "laporan.yml"), force=True)
    assert ["sumber 'perjanjian_kinerja', wajib ada" in p.pesan for p in err.value.problems] == [True]


def test_the_exit_code_of_a_declared_missing_source_is_2(proyek, tmp_path):
    from lkjip.cli import main

    project = tmp_path / "p"
    shutil.copytree(proyek, project)
    _with_sumber(proyek, tmp_path, ["anggaran", "perjanjian_kinerja", "pembanding"]).replace(
        project / "laporan.yml"
    )
    assert (
        main(
            [
                "data",
                "--raw-dir",
                str(project / "data" / "raw"),
                "--out-dir",
                str(tmp_path / "o"),
                "--config",
                str(project / "laporan.yml"),
            ]
        )
        == 2
    )


def test_the_manifest_records_the_sources_used_and_absent(proyek):
    manifest = json.loads((proyek / "data" / "processed" / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["sumber"] == {
        "dipakai": ["anggaran", "perjanjian_kinerja"],
        "tidak_ada": ["skm", "skm_riwayat", "sakip", "kelembagaan", "pembanding"],
        "dinyatakan": None,
    }


def test_absent_sources_have_empty_tables_with_their_contract_columns(proyek):
    from lkjip.data import tabel

    sakip = tabel("sakip_pd", proyek)
    assert len(sakip) == 0
    assert {"tahun", "kode_pd", "nilai", "predikat_tercetak"} <= set(sakip.columns)
    assert len(tabel("skm_unit", proyek)) == 0 and len(tabel("pembanding", proyek)) == 0
    assert len(tabel("ikm_unit", proyek)) == 0


def test_the_small_office_has_its_hand_worked_capaian(proyek):
    from lkjip.data import tabel

    capaian = tabel("capaian", proyek)
    now = capaian[capaian["tahun"] == 2025].set_index("kode_indikator")
    assert round(now.loc["IK-1", "capaian"], 2) == 102.78
    assert round(now.loc["IK-2", "capaian"], 2) == 90.00
    assert round(now.loc["IK-3", "realisasi"], 2) == 93.01
    assert round(now.loc["IK-3", "capaian"], 2) == 97.91


def test_its_tabel_iii_4_b_total_and_efisiensi(proyek):
    from lkjip.report.laporan import Laporan

    laporan = Laporan.load(root=proyek)
    text = laporan.efisiensi().data
    assert "93,01" in text and "3,88" in text and "96,89" in text


def test_the_registry_leaves_out_the_tables_and_charts_of_absent_sources(proyek):
    from lkjip import data
    from lkjip.report import bagian

    sumber = data.sumber_ada(proyek)
    assert sumber == {"anggaran", "perjanjian_kinerja"}
    t, config = bagian.load(proyek)
    judul = [tabel.judul for tabel in bagian.semua_tabel(t, config, sumber)]
    assert not any("SAKIP" in j or "IKM" in j or "Kematangan" in j or "Pembanding" in j for j in judul)
    # one agreement: its tables carry no period letter (Tabel II.2, not Tabel II.2.A)
    assert [j.split(" ", 2)[1] for j in judul] == [
        "II.1",
        "II.2",
        "II.3",
        "II.4",
        "III.1",
        "III.2",
        "III.4.A",
        "III.4.B",
        "L.5",
    ]
    assert [k for k in bagian.GAMBAR if bagian.ada(k, sumber)] == [
        "capaian-kinerja",
        "anggaran",
        "kinerja-anggaran",
    ]
    # with every source read (the default office), nothing is left out
    every = bagian.semua_tabel(t, config, frozenset(SUMBER))
    assert len(every) == len(bagian.semua_tabel(t, config)) == len(judul) + 5


def test_the_data_dictionary_page_leaves_out_the_tables_of_absent_sources(proyek):
    from lkjip import data
    from lkjip.katalog import hasil
    from lkjip.katalog.kamus import SUMBER_TABEL_HASIL
    from lkjip.report.kamus_data import kamus_markdown

    absent = data.tabel_sumber_absen(proyek)
    # the clean tables of the five absent exports, and what is computed from them alone
    assert absent == {
        "skm_responden", "skm_unit", "skm_nrr_tercetak", "skm_unit_riwayat", "sakip_pd", "kelembagaan_pd",
        "kelembagaan_pemda", "pembanding", "ikm_unit", "ikm_unsur", "ikm_pemda", "skm_demografi",
        "sakip_pd_hasil", "sakip_ringkas", "kematangan_pd", "kematangan_ringkas", "efektivitas",
        "pembanding_hasil", "sakip_pembanding",
    }  # fmt: skip
    # every computed table is either listed with its sources or made from the PK or the budget
    from_pk_or_budget = {
        "anggaran_hasil", "anggaran_total", "anggaran_sasaran", "capaian", "ringkasan_capaian",
        "tren", "reviu", "letak_kolom",
    }  # fmt: skip
    assert set(hasil.SCHEMAS) == set(SUMBER_TABEL_HASIL) | from_pk_or_budget
    page = kamus_markdown(judul=False, tanpa=absent)
    assert "### `sakip_pd`" not in page and "### `capaian`" in page and "### `reviu`" in page
    assert "SAKIP" not in page and "IKM" not in page
    assert "(19 tabel, ditulis kosong di `data/processed/`) tidak dicantumkan" in page


def test_the_facade_prints_nothing_of_an_absent_source(proyek):
    from lkjip.report.laporan import Laporan

    laporan = Laporan.load(root=proyek)
    assert laporan.tabel("lampiran-sakip").data == "" and laporan.gambar("nrr-unsur") is None
    assert laporan.kalimat_sakip().data == "" and laporan.perbandingan().data == ""
    assert laporan.bila("skm", "## Hasil Survei").data == ""
    metode = laporan.metodologi().data
    assert "IKM" not in metode and "SAKIP" not in metode and "kematangan" not in metode
    assert "Efisiensi = rata-rata capaian kinerja" in metode


@pytest.mark.slow  # executes the notebooks
def test_the_small_office_builds_without_any_part_of_its_absent_sources(tmp_path):
    import re
    import subprocess
    import sys

    from bantuan import run_cli_build

    root = tmp_path / "proyek"
    # the command writes the project with its neutral prose (the default office's is not its own)
    subprocess.run([sys.executable, "-m", "lkjip", "contoh-kantor", str(root)], check=True, timeout=300)
    result = run_cli_build(root, "--tanpa-quarto")
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-3000:]
    assert (
        "Sumber tidak ada (tabelnya ditulis kosong): skm, skm_riwayat, sakip, kelembagaan, pembanding"
        in result.stdout
    )
    pages = {
        p.name: re.sub(r"<[^>]+>", " ", p.read_text(encoding="utf-8"))
        for p in (root / "_preview").glob("0*.html")
        if p.name != "06-kamus-data.html"  # the data dictionary describes every table there is
    }
    # No page names the sources the office did not report, not even the Log Data.
    text = " ".join(pages.values())
    for word in ("SKM", "IKM", "SAKIP", "Kematangan", "pembanding", "Mojokerto", "nan", "None"):
        assert not re.search(rf"\b{word}\b", text), word
    assert "Tabel III.4.B" in text and "3,88%" in text
    assert "Tabel II.2 " in text and "Tabel III.1 " in text and "III.1.A" not in text
    # its three charts are numbered as printed, without gaps for the absent ones
    assert re.findall(r"Gambar \d\.\d", text).count("Gambar 0.3") >= 1 and "Gambar 0.4" not in text
    sources = "Sumber data laporan ini: Laporan Realisasi Anggaran; Perjanjian Kinerja dan narasi indikator."
    assert sources in re.sub(r"\s+", " ", pages["05-lampiran.html"])
    figures = sorted(p.name for p in (root / "figures").glob("*.png"))
    assert len(figures) == 3 and not any("sakip" in f or "ikm" in f for f in figures)
    public = {p.name for p in (root / "data" / "processed" / "publik").iterdir()}
    assert "sakip_pd.csv" not in public and "tabel-III.3.csv" not in public and "capaian.csv" in public


@pytest.fixture(scope="module")
def tanpa_anggaran(proyek, tmp_path_factory) -> Path:
    """The small office without its budget export: the Perjanjian Kinerja alone."""
    root = Path(shutil.copytree(proyek, tmp_path_factory.mktemp("tanpa_anggaran") / "proyek"))
    (root / "data" / "raw" / "realisasi-anggaran.xlsx").unlink()
    # its own (neutral) prose, as ``python -m lkjip contoh-kantor`` writes it
    shutil.rmtree(root / "konten")
    write_konten_awal(load_config(root / "laporan.yml"), root / "konten")
    return process_project(root)


def test_without_a_budget_export_the_budget_part_is_left_out(tanpa_anggaran):
    from lkjip import data
    from lkjip.report import bagian
    from lkjip.report.laporan import Laporan

    sumber = data.sumber_ada(tanpa_anggaran)
    assert sumber == {"perjanjian_kinerja"}
    t, config = bagian.load(tanpa_anggaran)
    nomor = [tabel.nomor for tabel in bagian.semua_tabel(t, config, sumber)]
    assert "III.4.A" not in nomor and "III.4.B" not in nomor and "III.1" in nomor
    assert [k for k in bagian.GAMBAR if bagian.ada(k, sumber)] == ["capaian-kinerja"]
    laporan = Laporan.load(root=tanpa_anggaran)
    assert laporan.paragraf_anggaran().data == "" and laporan.efisiensi().data == ""
    assert laporan.tabel("III.4.B").data == "" and laporan.gambar("anggaran") is None
    assert laporan.bila("anggaran", "## III.4 Akuntabilitas Anggaran").data == ""
    assert "Efisiensi" not in laporan.metodologi().data
    assert "Capaian = realisasi ÷ target" in laporan.metodologi().data


def test_without_a_budget_export_a_budget_indicator_keeps_its_typed_realisasi(tanpa_anggaran):
    from lkjip.data import tabel

    capaian = tabel("capaian", tanpa_anggaran)
    ik3 = capaian[(capaian["tahun"] == 2025) & (capaian["kode_indikator"] == "IK-3")].iloc[0]
    # 93,01 typed in the PK sheet; 93,01 / 95 = 97,91 %
    assert ik3["asal_realisasi"] == "ketik" and round(ik3["capaian"], 2) == 97.91


@pytest.mark.slow  # executes the notebooks
def test_without_a_budget_export_the_book_has_no_budget_section(tanpa_anggaran):
    import re

    from bantuan import run_cli_build

    result = run_cli_build(tanpa_anggaran, "--tanpa-quarto")
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-3000:]
    pages = {
        p.name: re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", p.read_text(encoding="utf-8")))
        for p in (tanpa_anggaran / "_preview").glob("0[0-5]*.html")
    }
    bab3 = pages["03-akuntabilitas-kinerja.html"]
    assert "III.4" not in bab3 and "Akuntabilitas Anggaran" not in bab3 and "Gambar 0.2" not in bab3
    assert "Tabel III.1 " in bab3 and "Gambar 0.1" in bab3
    ikhtisar = pages["00b-ikhtisar-eksekutif.html"]
    assert "kinerja keuangan" not in ikhtisar and "Rp" not in ikhtisar
    assert "hasil pengukuran setiap Perjanjian Kinerja." in ikhtisar
    assert sorted(p.name for p in (tanpa_anggaran / "figures").glob("*.png")) == [
        "gambar-0-1-capaian-kinerja-2025.png"
    ]


def test_the_data_dictionary_page_leaves_out_the_views_and_downloads_of_absent_sources(proyek):
    from lkjip import data
    from lkjip.report.kamus_data import kamus_markdown

    page = kamus_markdown(judul=False, tanpa=data.tabel_sumber_absen(proyek))
    # the budget and the agreements are reported: their views and downloads stay
    for kept in ("### `data.capaian()`", "### `data.anggaran_total()`", "### `tabel-III.4.A.csv`",
                 "| `capaian.csv` |", "### `tabel-L.5.csv`"):  # fmt: skip
        assert kept in page, kept
    # the five absent exports: no view made only from them, no table or copy of them to download
    for left in ("data.ikm_unit()", "data.sakip_pd()", "data.perbandingan()", "tabel-L.1.csv",
                 "tabel-III.3.csv", "| `sakip_pd.csv` |", "| `pembanding.csv` |"):  # fmt: skip
        assert left not in page, left
    assert "| `angka_pembanding`" not in page  # nor in the list of where each asal occurs
