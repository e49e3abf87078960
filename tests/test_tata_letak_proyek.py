"""Issue 24's proof by data: every real export layout, dropped into a copy of the default project in
place of the template file, is read by ``python -m lkjip data`` (directly, or after ``python -m
lkjip kenali --tulis`` and the office's answers to its questions) with exit 0, nothing
quarantined, no warning, and the same key tables as the default run.

Each layout is built by code from the default figures (``tata_letak``); the reader-level tests of
each layout are quick (``test_tata_letak_anggaran``, ``test_tata_letak_skm``,
``test_tata_letak_evaluasi``); these project-level runs are slow.
"""

from __future__ import annotations

import io
import shutil
from contextlib import redirect_stdout
from pathlib import Path

import pandas as pd
import pytest
import yaml
from tata_letak import (
    convert,
    format_permenpan,
    google_forms,
    kantor_anggaran,
    kantor_pk,
    pk_ekspor,
    rekap_ikm_permenpan,
    rfk_html,
    rfk_rows,
    sakip_kke,
    sakip_tanpa_kode,
    sipd_lra,
)

from lkjip.cli import main
from lkjip.core.config import load_config
from lkjip.ingest.readers import perjanjian_kinerja, sakip, skm, skm_riwayat

pytestmark = pytest.mark.slow

#: The key tables and the columns compared (None: every column).
KUNCI: dict[str, list[str] | None] = {
    "anggaran_hasil": ["tahun", "kode", "anggaran", "realisasi", "persen"],
    "anggaran_total": ["tahun", "anggaran", "realisasi", "persen"],
    "anggaran_sasaran": None,
    "ikm_pemda": ["tahun", "jumlah_unit", "ikm", "mutu", "unit_minimal_baik"],
    "ikm_unit": ["tahun", "kode_unit", "jumlah_responden", "populasi", "sampel_minimum", "ikm", "mutu"],
    "ikm_unsur": ["tahun", "kode_unit", "unsur", "jumlah_jawaban", "nrr"],
    "sakip_pd_hasil": ["tahun", "kode_pd", "nilai", "predikat"],
    "sakip_ringkas": None,
    "kematangan_ringkas": None,
    "efektivitas": None,
    "capaian": ["dokumen", "kode_indikator", "tahun", "jenis", "no_sasaran", "polaritas", "sumber_realisasi",
                "target", "realisasi", "asal_realisasi", "capaian", "status"],
    "tren": None,
    "ringkasan_capaian": None,
    "pembanding_hasil": None,
}  # fmt: skip


def _copy(processed: Path, tmp_path: Path) -> Path:
    return Path(shutil.copytree(processed, tmp_path / "proyek"))


def _data(root: Path) -> Path:
    """``python -m lkjip data`` on the copy, with its own laporan.yml; exit 0 and nothing lost."""
    out = root / "data" / "keluar"
    raw = root / "data" / "raw"
    code = main(["data", "--raw-dir", str(raw), "--out-dir", str(out), "--config", str(root / "laporan.yml"),
                 "--force"])  # fmt: skip
    assert code == 0
    quarantine = pd.read_parquet(out / "karantina.parquet")
    assert quarantine.empty, quarantine.head().to_dict("records")
    warnings = pd.read_csv(out / "peringatan.csv")
    assert warnings.empty, warnings.head().to_dict("records")
    return out


def _same_key_tables(out: Path, default: Path, *, without: dict[str, list[str]] | None = None) -> None:
    for name, columns in KUNCI.items():
        ours, theirs = pd.read_parquet(out / f"{name}.parquet"), pd.read_parquet(default / f"{name}.parquet")
        cols = columns or list(theirs.columns)
        cols = [c for c in cols if c not in (without or {}).get(name, [])]
        keys = cols[:3]
        ours = ours[cols].sort_values(keys).reset_index(drop=True)
        theirs = theirs[cols].sort_values(keys).reset_index(drop=True)
        pd.testing.assert_frame_equal(ours, theirs, obj=name)


def _default_processed(processed: Path) -> Path:
    return processed / "data" / "processed"


def _kenali_tulis(root: Path) -> str:
    text = io.StringIO()
    with redirect_stdout(text):
        code = main(["kenali", "--raw-dir", str(root / "data" / "raw"), "--config", str(root / "laporan.yml"),
                     "--tulis"])  # fmt: skip
    assert code == 0
    return text.getvalue()


def _edit_config(root: Path, edit) -> None:
    path = root / "laporan.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    edit(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def _register_units_with_population(root: Path) -> None:
    """The office's unit list with each unit's population (what an export by name cannot say)."""
    export = next((root / "data" / "raw").glob("skm-responden*.xlsx"))
    units = skm.read(export, load_config()).tables["skm_unit"]

    def edit(data):
        register = data.setdefault("pemetaan", {}).setdefault("register", {})
        register["unit"] = {u.unit: {"kode": u.kode_unit, "populasi": int(u.populasi)}
                            for u in units.itertuples(index=False)}  # fmt: skip

    _edit_config(root, edit)


# --------------------------------------------------------------------------- budget


def _office_tables_beside(raw: Path, tmp_path: Path) -> None:
    kantor_anggaran(raw / "realisasi-anggaran.xlsx", tmp_path / "kantor.xlsx")
    (raw / "realisasi-anggaran.xlsx").unlink()
    shutil.move(tmp_path / "kantor.xlsx", raw / "realisasi-anggaran-kantor.xlsx")


@pytest.mark.parametrize(
    "layout", ["sipd-kode-lama", "rfk-xlsx", "rfk-html-xls", "sipd-xls", "sipd-ods"]
)  # the SIPD report on one sheet: test_tata_letak_anggaran
def test_budget_layouts_give_the_default_key_tables(_project_processed_once, tmp_path, layout):
    root = _copy(_project_processed_once, tmp_path)
    raw = root / "data" / "raw"
    config = load_config(root / "laporan.yml")
    _office_tables_beside(raw, tmp_path)
    if layout == "sipd-kode-lama":
        sipd_lra(raw / "realisasi-anggaran-sipd.xlsx", config, kode_lama=True)
    elif layout == "rfk-xlsx":
        from openpyxl import Workbook

        wb = Workbook()
        for row in rfk_rows(config):
            wb.active.append(row)
        wb.save(raw / "realisasi-anggaran-rfk.xlsx")
    elif layout == "rfk-html-xls":
        rfk_html(raw / "realisasi-anggaran-rfk.xls", config)
    else:
        convert(sipd_lra(raw / "realisasi-anggaran-sipd.xlsx", config), layout.split("-")[1])
    _same_key_tables(_data(root), _default_processed(_project_processed_once))


# --------------------------------------------------------------------------- SKM


def _default_responden(raw: Path) -> pd.DataFrame:
    return skm.read(next(raw.glob("skm-responden*.xlsx")), load_config()).tables["skm_responden"]


@pytest.mark.parametrize("as_words", [True, False], ids=["kata", "angka"])
def test_google_forms_with_populations_in_the_register(_project_processed_once, tmp_path, as_words):
    """A form names its units: codes from the IKM recap, populations from laporan.yml's register."""
    root = _copy(_project_processed_once, tmp_path)
    raw = root / "data" / "raw"
    default = _default_responden(raw)
    _register_units_with_population(root)
    (raw / "skm-responden-2025.xlsx").unlink()
    google_forms(raw / "skm-responden-2025.xlsx", default, as_words=as_words)
    _same_key_tables(_data(root), _default_processed(_project_processed_once))


def test_format_permenpan_one_file_per_unit(_project_processed_once, tmp_path):
    """57 e-SKM "Format Permenpan" files: unit from the title, code and population from the
    register, the printed NRR rows checked by the reviu (no finding beyond the default's)."""
    root = _copy(_project_processed_once, tmp_path)
    raw = root / "data" / "raw"
    default = _default_responden(raw)
    _register_units_with_population(root)
    (raw / "skm-responden-2025.xlsx").unlink()
    folder = raw / "skm-responden"
    folder.mkdir()
    for i, (unit, rows) in enumerate(default.groupby("unit", sort=True), start=1):
        format_permenpan(folder / f"skm-2025-{i:02d}.xlsx", unit, rows)
    out = _data(root)
    _same_key_tables(out, _default_processed(_project_processed_once))
    printed = pd.read_parquet(out / "skm_nrr_tercetak.parquet")
    assert len(printed) == 57 * (9 * 3 + 2)
    reviu = pd.read_parquet(out / "reviu.parquet")
    assert "nrr_tercetak" not in set(reviu["jenis"])


def test_skm_export_saved_as_xls(_project_processed_once, tmp_path):
    root = _copy(_project_processed_once, tmp_path)
    raw = root / "data" / "raw"
    convert(raw / "skm-responden-2025.xlsx", "xls")
    _same_key_tables(_data(root), _default_processed(_project_processed_once))


def test_ikm_recap_in_permenpan_wording(_project_processed_once, tmp_path):
    root = _copy(_project_processed_once, tmp_path)
    raw = root / "data" / "raw"
    default = skm_riwayat.read(raw / "skm-riwayat.xlsx", load_config()).tables["skm_unit_riwayat"]
    rekap_ikm_permenpan(raw / "skm-riwayat.xlsx", default)
    _same_key_tables(_data(root), _default_processed(_project_processed_once))


# --------------------------------------------------------------------------- SAKIP


def _default_sakip(raw: Path) -> pd.DataFrame:
    return sakip.read(raw / "sakip.xlsx", load_config()).tables["sakip_pd"]


def test_sakip_recap_without_kode_pd_takes_codes_from_kelembagaan(_project_processed_once, tmp_path):
    root = _copy(_project_processed_once, tmp_path)
    raw = root / "data" / "raw"
    default = _default_sakip(raw)
    sakip_tanpa_kode(raw / "sakip.xlsx", default)
    _same_key_tables(_data(root), _default_processed(_project_processed_once))


def test_sakip_evaluation_worksheets_one_file_per_perangkat_daerah(_project_processed_once, tmp_path):
    """The report year from 48 worksheets (score as a fraction of 1), earlier years from the recap."""
    from openpyxl import load_workbook

    root = _copy(_project_processed_once, tmp_path)
    raw = root / "data" / "raw"
    config = load_config(root / "laporan.yml")
    default = _default_sakip(raw)
    wb = load_workbook(raw / "sakip.xlsx")
    del wb[f"SAKIP {config.tahun}"]
    wb.save(raw / "sakip.xlsx")
    rows = default[default["tahun"] == config.tahun]
    for i, row in enumerate(rows.itertuples(index=False), start=1):
        path = raw / f"sakip-kke-{config.tahun}-{i:02d}.xlsx"
        sakip_kke(path, row.perangkat_daerah, config.tahun, row.nilai, row.predikat_tercetak)
    _same_key_tables(_data(root), _default_processed(_project_processed_once))


# --------------------------------------------------------------------------- Perjanjian Kinerja


#: The office's answers to kenali's questions on the default agreements' indicators.
JAWABAN = {
    "Perjanjian Kinerja": {
        "PK-1": {"sumber": "skm_unit_minimal_baik"},
        "PK-2": {"sumber": "kematangan_minimal_tinggi"},
        "PK-3": {"sumber": "sakip_pd_minimal_baik"},
        "KL-1": {"sumber": "persen_realisasi_anggaran", "jenis": "lainnya"},
        "KL-2": {"sumber": "manual", "jenis": "lainnya"},
        "KL-3": {"sumber": "manual", "jenis": "lainnya", "triwulan": "jumlah"},
    },
    "Perjanjian Kinerja Perubahan": {
        "PKP-1": {"sumber": "sakip_rata_rata"},
        "PKP-2": {"sumber": "efektivitas_kelembagaan"},
        "PKP-3": {"sumber": "ikm_pemda"},
    },
}


@pytest.mark.parametrize("html", [False, True], ids=["xlsx", "html-xls"])
def test_perjanjian_kinerja_documents_of_one_year_after_kenali(_project_processed_once, tmp_path, html):
    """e-SAKIP prints one document per agreement and year; the office keeps its narrative and
    cascade in a file of its own. kenali writes the codes the narrative gives each indicator by
    name and asks the rest; answered, the data step gives the default figures."""
    root = _copy(_project_processed_once, tmp_path)
    raw = root / "data" / "raw"
    config = load_config(root / "laporan.yml")
    default = perjanjian_kinerja.read(raw / "perjanjian-kinerja.xlsx", config).tables["perjanjian_kinerja"]
    kantor_pk(raw / "perjanjian-kinerja.xlsx", raw / "perjanjian-kinerja-kantor.xlsx")
    (raw / "perjanjian-kinerja.xlsx").unlink()
    pk_ekspor(raw, default, config, html=html, jumlah={"KL-3"})
    text = _kenali_tulis(root)
    assert "dokumen Perjanjian Kinerja satu tahun (e-SAKIP" in text
    assert "indikator ekspor yang belum dinyatakan" in text
    written = yaml.safe_load((root / "laporan.yml").read_text(encoding="utf-8"))["pemetaan"]
    register = written["register"]["indikator"]
    codes = {n: v["kode"] for d in register.values() for n, v in d.items()}
    assert sorted(codes.values()) == sorted(default["kode_indikator"].unique())  # found by name

    def answer(data):
        for dokumen, items in data["pemetaan"]["register"]["indikator"].items():
            for entry in items.values():
                entry.update(JAWABAN[dokumen][entry["kode"]])

    _edit_config(root, answer)
    out = _data(root)
    _same_key_tables(out, _default_processed(_project_processed_once))
    pk = pd.read_parquet(out / "perjanjian_kinerja.parquet")
    assert len(pk) == len(default) and set(pk["berkas"]) != {"perjanjian-kinerja.xlsx"}


# --------------------------------------------------------------------------- an office with exports only


def test_an_office_with_only_a_sipd_export_and_a_google_form_gets_its_budget_and_ikm(tmp_path):
    """The small office's budget as SIPD exports it and a Google Forms survey of three units, no
    register, nothing typed: ``python -m lkjip build`` gives its budget and IKM parts."""
    from bantuan import run_cli_build

    from lkjip.core.paths import paths
    from lkjip.synthetic.kantor_kecil import DATA_ANGGARAN

    root = tmp_path / "kantor"
    assert main(["contoh-kantor", str(root)]) == 0  # the small office, with its neutral prose
    raw = root / "data" / "raw"
    config = load_config(root / "laporan.yml")
    (raw / "realisasi-anggaran.xlsx").unlink()
    sipd_lra(raw / "realisasi-anggaran.xlsx", config, DATA_ANGGARAN)
    answers = _default_responden(paths().raw)
    units = sorted(answers["unit"].unique())[:3]
    sample = answers[answers["unit"].isin(units)].groupby("unit").head(40)
    google_forms(raw / "skm-responden-2025.xlsx", sample)
    result = run_cli_build(root, "--tanpa-quarto")
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]

    # Worked out here from the answers: NRR per unsur = the mean of the answers given, IKM of a
    # unit = the sum of its nine NRR / 9 × 25, IKM of the office = the mean of its units'.
    kolom = [u.kolom for u in config.skm.unsur]
    ikm_unit = sample.groupby("unit")[kolom].mean().sum(axis=1) / 9 * 25
    processed = root / "data" / "processed"
    pemda = pd.read_parquet(processed / "ikm_pemda.parquet")
    assert pemda.loc[pemda["tahun"] == 2025, "ikm"].item() == pytest.approx(ikm_unit.mean(), abs=1e-9)
    computed = pd.read_parquet(processed / "ikm_unit.parquet").set_index("unit")["ikm"]
    assert computed.to_dict() == pytest.approx(ikm_unit.to_dict(), abs=1e-9)
    total = pd.read_parquet(processed / "anggaran_total.parquet")
    assert total.loc[total["tahun"] == 2025, ["anggaran", "realisasi"]].values.tolist() == [
        [399_800_000.0, 371_868_650.0]
    ]
    pages = " ".join(p.read_text(encoding="utf-8") for p in (root / "_preview").glob("*.html"))
    assert "Rp399.800.000" in pages and "93,01" in pages
    assert units[0] in pages  # the IKM of each unit, in the annex
    shown = f"{round(ikm_unit.mean(), 2):.2f}".replace(".", ",")
    assert shown in pages
    # The SIPD export has no earlier years: IK-3's 2024 realisation (from the budget) is the value
    # typed in the agreement, said in the reviu and marked beside the figure in Tabel III.2.
    warnings = pd.read_csv(processed / "peringatan.csv")
    assert warnings["pesan"].str.contains("realisasi IK-3 tahun 2024 memakai angka yang diketik").all()
    assert len(warnings) == 1
    assert "realisasi yang diketik di Perjanjian Kinerja: sumber hitungnya tidak memberi angka" in pages
    assert "realisasi IK-3 tahun 2024 memakai angka yang diketik" in pages  # the reviu section
