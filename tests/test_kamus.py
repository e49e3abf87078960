"""The data dictionary: generated from the contracts, complete, committed, and shown in the book."""

from __future__ import annotations

import re

import pytest
from bantuan import MISSING, ROOT

from lkjip.cli import main
from lkjip.core.config import load_config
from lkjip.indicators.engine import COMPUTED_TABLES
from lkjip.ingest.sources import SOURCES
from lkjip.katalog import hasil
from lkjip.katalog.dataset import nama_tabel
from lkjip.katalog.kamus import SUMBER_TABEL_BERSIH, kolom_tanpa_arti, kontrak_tabel
from lkjip.publish.notebooks import chapter_notebooks, execute_notebook
from lkjip.report.kamus_data import BERKAS_KAMUS, kamus_markdown, kamus_sesuai, write_kamus


@pytest.fixture(scope="module")
def config():
    return load_config()


@pytest.fixture(scope="module")
def text(config):
    return kamus_markdown(config)


def _section(text: str, table: str) -> str:
    start = text.index(f"### `{table}`")
    end = text.find("\n### ", start + 1)
    return text[start : end if end > 0 else None]


def test_the_committed_dictionary_is_the_contracts_today(text):
    committed = (ROOT / BERKAS_KAMUS).read_text(encoding="utf-8")
    assert committed == text, (
        "docs/kamus-data.md tertinggal dari kontrak data: jalankan python -m lkjip kamus-data"
    )


def test_every_table_and_column_is_described(config):
    assert kolom_tanpa_arti(config) == []
    kontrak = kontrak_tabel(config)
    assert all(k.keterangan and not k.keterangan.startswith("``") for k in kontrak.values())
    assert list(kontrak) == nama_tabel()


def test_every_table_the_engine_computes_and_every_export_is_covered():
    names = nama_tabel()
    # besides the engine's: the reviu, and where the readers found each column (the trails)
    assert set(COMPUTED_TABLES) | {"reviu", "letak_kolom"} == set(hasil.SCHEMAS)
    assert set(COMPUTED_TABLES) <= set(names) and {"reviu", "karantina"} <= set(names)
    assert {s.name for s in SOURCES} == set(SUMBER_TABEL_BERSIH.values())
    assert len(names) == len(set(names))


def test_types_units_and_allowed_values_come_from_the_contracts(text):
    sakip = _section(text, "sakip_pd")
    assert (
        "Asal: Hasil evaluasi SAKIP perangkat daerah (`sakip*.xlsx`). Kunci unik: `tahun` × `kode_pd`."
        in sakip
    )
    assert "| `tahun` | bilangan bulat | tidak | tahun | 2000–2100 |" in sakip
    assert "| `nilai` | desimal | ya | skor 0–100 | 0–100 | Nilai evaluasi SAKIP; kosong bila" in sakip
    ikm = _section(text, "ikm_unit")
    # 24,975 is the lowest IKM with the 0,111 weight: the check's floor is written the Indonesian way.
    assert "| `ikm` | desimal | ya | indeks 25–100 | 24,9–100 |" in ikm
    assert "| `sampel_cukup` | ya/tidak | ya |" in ikm and "| `minimal_baik` | ya/tidak | tidak |" in ikm
    status = "`di_atas`, `tepat`, `di_bawah`, `tidak_terukur`"
    assert f"| `status` | teks | tidak | – | {status} |" in _section(text, "capaian")
    assert r"pola `^\d\.\d{2}\.\d{2}\.\d\.\d{2}\.\d{4}$`" in _section(text, "anggaran")
    assert "| `anggaran` | desimal | tidak | Rp | ≥ 0 |" in _section(text, "anggaran")
    assert "| `alasan` | teks | tidak |" in _section(text, "karantina")


def test_answer_columns_follow_the_configured_unsur(config):
    # A questionnaire that swaps U8 and U9 maps them in laporan.yml; the dictionary follows.
    unsur = [u.model_dump() for u in config.skm.unsur]
    unsur[7]["kolom"], unsur[8]["kolom"] = "P9", "P8"
    swapped = config.model_validate(
        {**config.model_dump(), "skm": {**config.skm.model_dump(), "unsur": unsur}}
    )
    section = _section(kamus_markdown(swapped), "skm_responden")
    assert "| `P9` | bilangan bulat | ya | skala 1–4 | 1–4 | Jawaban unsur U8 Penanganan Pengaduan" in section
    assert "| `P8` | bilangan bulat | ya | skala 1–4 | 1–4 | Jawaban unsur U9 Sarana dan Prasarana" in section
    assert "| `U8` |" not in section


def test_every_table_row_has_six_cells(text):
    for line in text.splitlines():
        if line.startswith("| `") and "| Kolom |" not in line:
            cells = re.split(r"(?<!\\)\|", line)[1:-1]
            assert len(cells) in (3, 6), line


def test_the_check_fails_on_a_stale_file_and_passes_after_writing(tmp_path, config, capsys):
    target = tmp_path / "kamus.md"
    target.write_text("# Kamus Data\n\nlama\n", encoding="utf-8")
    assert not kamus_sesuai(target, config)
    assert main(["kamus-data", "--periksa", "--keluar", str(target)]) == 1
    assert "tidak sesuai" in capsys.readouterr().out
    assert main(["kamus-data", "--keluar", str(target)]) == 0
    assert main(["kamus-data", "--periksa", "--keluar", str(target)]) == 0
    assert target.read_bytes() == write_kamus(tmp_path / "lagi.md", config).read_bytes()
    assert b"\r\n" not in target.read_bytes()


def test_the_dictionary_is_a_lampiran_page_of_the_book():
    chapters = chapter_notebooks()
    assert chapters[-1].name == "06-kamus-data.ipynb"


@pytest.mark.slow
def test_the_book_page_shows_the_dictionary(project_copy, text):
    nb = execute_notebook(project_copy / "notebooks" / "06-kamus-data.ipynb", root=project_copy)
    shown = [
        o["data"]["text/markdown"]
        for c in nb.cells
        for o in c.get("outputs", [])
        if "text/markdown" in o.get("data", {})
    ]
    assert len(shown) == 1
    assert not shown[0].startswith("# Kamus Data")  # the page has its own title
    assert shown[0] == text.split("\n", 2)[2]


# --------------------------------------------------------------------------- views and downloads


def _part(text: str, heading: str) -> str:
    """The section whose ``###`` heading names ``heading``, up to the next heading of any level."""
    start = re.search(rf"^### (.*, )?`{re.escape(heading)}`", text, re.MULTILINE).start()
    end = re.search(r"\n#{2,3} ", text[start + 1 :])
    return text[start : start + 1 + end.start() if end else None]


def _rows(section: str) -> list[list[str]]:
    """The cells of every row of the section's first column table (after its header and rule)."""
    rows = []
    for line in section.splitlines():
        if line.startswith("| `"):
            rows.append([c.strip() for c in re.split(r"(?<!\\)\|", line)[1:-1]])
    return rows


def test_the_dictionary_prints_no_missing_value_word(text):
    assert not MISSING.search(text), MISSING.search(text)  # the book's page must not show 'NaN'


def test_every_view_is_described_with_every_column(text):
    from lkjip import data

    for name, tampilan in data.TAMPILAN.items():
        section = _part(text, f"data.{name}()")
        assert [r[0] for r in _rows(section)] == [f"`{c}`" for c in tampilan.kolom], name


def test_a_view_named_as_a_table_says_it_is_not_that_table(text):
    sakip = _part(text, "data.sakip_pd()")
    # the view sakip_pd reads the computed table sakip_pd_hasil, not the clean table sakip_pd
    assert (
        'Ini bukan tabel `sakip_pd` (`data.tabel("sakip_pd")`): kolom dan bentuknya lain; nilainya dibaca '
        "dari `sakip_pd_hasil`." in sakip
    )
    assert (
        "| `nilai` | desimal | skor 0–100 | – | `sakip_pd_hasil.nilai` | Nilai evaluasi SAKIP. Kosong bila "
        "tidak ada nilai, tidak pernah 0. |" in sakip
    )
    assert "| `asal` | teks | – | `ketik`, `tidak_ada` | – |" in sakip
    assert 'Ini bukan tabel `capaian` (`data.tabel("capaian")`): kolom dan bentuknya lain.' in _part(
        text, "data.capaian()"
    )
    assert "Ini bukan tabel" not in _part(text, "data.perbandingan()")  # no table of that name
    assert "| `ilustratif` | angka contoh" in text and "| `angka_pembanding`, `perbandingan` |" in text


def test_the_report_csvs_are_described_from_the_builders(text):
    iii4a = _part(text, "tabel-III.4.A.csv")
    assert iii4a.splitlines()[2].startswith("III.4.A: Realisasi Anggaran Tahun 2025.")
    assert [r[0] for r in _rows(iii4a)] == [
        "`No`", "`Kode`", "`Sub Kegiatan`", "`Anggaran`", "`Realisasi`", "`Capaian (%)`"
    ]  # fmt: skip
    # laporan.yml prints money the standard way (no decimals) and percentages with 2
    assert "| `Anggaran` | desimal | Rp | 0 | ya | Pagu anggaran sub-kegiatan tahun laporan. |" in iii4a
    assert "| `Kode` | teks | – | – | tidak (hanya di unduhan) | Kode sub-kegiatan SIPD. |" in iii4a
    assert "| `Capaian (%)` | desimal | % | 2 | ya |" in iii4a
    # the trend table has one column per year from tren_mulai (2021) to the report year
    years = [r[0] for r in _rows(_part(text, "tabel-III.2.A.csv"))][-5:]
    assert years == ["`2021`", "`2022`", "`2023`", "`2024`", "`2025`"]
    assert "| `lampiran-tabel-2025.xlsx` |" in text and "| `ikm_unit.csv` | Salinan tabel olahan" in text
    # the two plan periods' tables of the same columns are described once
    assert "### `tabel-III.2.A.csv`, `tabel-III.2.B.csv`" in text
    assert "skm_responden.csv" not in text and "karantina.csv" not in text  # never published


@pytest.mark.slow  # builds the report's tables from the default data
def test_the_dictionary_lists_every_csv_the_build_writes_with_its_header(processed_project, text, tmp_path):
    import pandas as pd

    from lkjip.publish.annex import write_csv_tabel
    from lkjip.report import bagian
    from lkjip.report.kamus_data import kolom_laporan_tanpa_arti

    t, config = bagian.load(processed_project)
    printed = bagian.semua_tabel_berkunci(t, config)
    assert kolom_laporan_tanpa_arti(config, printed) == []
    for path in write_csv_tabel([tabel for _k, tabel in printed], tmp_path):
        header = list(pd.read_csv(path, encoding="utf-8-sig", nrows=0).columns)
        assert [r[0] for r in _rows(_part(text, path.name))] == [f"`{c}`" for c in header], path.name
    for nama in bagian.tabel_olahan_publik(processed_project):
        assert f"| `{nama}.csv` | Salinan tabel olahan `{nama}`: " in text
