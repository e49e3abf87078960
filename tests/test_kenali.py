"""``python -m lkjip kenali [--tulis]``: what each export is, what is undecided, and the proposals
written into laporan.yml with its comments kept."""

from __future__ import annotations

import io
from contextlib import redirect_stdout
from pathlib import Path

import pytest
from tata_letak import google_forms, sipd_lra

from lkjip.cli import main
from lkjip.core.config import load_config
from lkjip.core.paths import copy_project
from lkjip.ingest.readers import skm

CONFIG = load_config()


def _run(root: Path, *extra: str) -> tuple[int, str]:
    out = io.StringIO()
    with redirect_stdout(out):
        code = main(["kenali", "--raw-dir", str(root / "data" / "raw"), "--config", str(root / "laporan.yml"),
                     *extra])  # fmt: skip
    return code, out.getvalue()


@pytest.fixture
def proyek(tmp_path) -> Path:
    root = copy_project(tmp_path / "proyek")
    raw = root / "data" / "raw"
    default = skm.read(next(raw.glob("skm-responden*.xlsx")), CONFIG).tables["skm_responden"]
    sample = default.groupby("kode_unit").head(3).copy()
    first = sample["unit"].iloc[0]
    sample.loc[sample["unit"] == first, "unit"] = "Kantor Yang Tidak Terdaftar"
    for old in raw.glob("skm-responden*.xlsx"):
        old.unlink()
    google_forms(raw / "skm-responden-2025.xlsx", sample)
    (raw / "realisasi-anggaran.xlsx").unlink()
    sipd_lra(raw / "realisasi-anggaran.xlsx", CONFIG)
    return root


def test_kenali_names_each_layout_and_what_is_undecided(proyek):
    code, text = _run(proyek)
    assert code == 0
    assert "realisasi-anggaran.xlsx: sumber anggaran; sheet 'Sheet1': realisasi anggaran per sub" in text
    assert "skm-responden-2025.xlsx: sumber skm; Google Forms (sheet 'Respons Formulir 1')" in text
    assert "'Cap waktu' -> Tanggal Survei" in text  # the template's header, not a field name
    assert "'8. Bagaimana pendapat Saudara tentang kualitas sarana dan prasarana?' -> U9" in text
    assert "unit 'Kantor Yang Tidak Terdaftar' tanpa kode" in text
    assert "sakip.xlsx: sumber sakip; templat proyek" in text


def test_kenali_tulis_keeps_comments_and_writes_only_what_it_can_justify(proyek):
    config_path = proyek / "laporan.yml"
    before = config_path.read_text(encoding="utf-8")
    code, text = _run(proyek, "--tulis")
    assert code == 0 and "ditulis ke laporan.yml: pemetaan.skm: skm-responden-2025.xlsx" in text
    after = config_path.read_text(encoding="utf-8")
    # Every line of the office's file (comments included) is still there, in its order.
    kept = [line for line in before.splitlines() if line.strip()]
    assert [line for line in after.splitlines() if line in kept] == kept
    assert "pemetaan:" in after and "berkas: skm-responden-2025.xlsx" in after
    assert "# unit 'Kantor Yang Tidak Terdaftar': kodenya?" in after  # a question, never a guessed code
    config = load_config(config_path)
    [entry] = config.pemetaan.skm
    assert entry.sheet == "Respons Formulir 1"
    assert set(entry.kolom.values()) == {f"U{i}" for i in range(1, 10)}
    assert config.pemetaan.daftar.unit == {}
    # Written twice, nothing is declared twice.
    _run(proyek, "--tulis")
    assert len(load_config(config_path).pemetaan.skm) == 1
    assert config_path.read_text(encoding="utf-8").count("Kantor Yang Tidak Terdaftar': kodenya?") == 1


def test_kenali_names_sakip_worksheets_and_asks_for_pd_codes(tmp_path):
    import shutil

    import pandas as pd
    from tata_letak import sakip_kke, sakip_tanpa_kode

    from lkjip.core.paths import paths
    from lkjip.ingest import kenali

    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copy(paths().raw / "kelembagaan.xlsx", raw)  # the register: Kode PD and names
    frame = pd.DataFrame({"tahun": [2024], "perangkat_daerah": ["Dinas Baru Sekali"], "nilai": [70.0],
                          "predikat_tercetak": ["BB"]})  # fmt: skip
    sakip_tanpa_kode(raw / "sakip.xlsx", frame)
    sakip_kke(raw / "sakip-kke-setda.xlsx", "Sekretariat Daerah", 2025, 86.19, "A")
    found = {t.berkas: t for t in kenali.kenali(raw, CONFIG)}
    kke = found["sakip-kke-setda.xlsx"].tata_letak
    assert "lembar kerja evaluasi (KKE) 'Sekretariat Daerah' tahun 2025" in kke
    assert "rekap SAKIP tanpa Kode PD" in found["sakip.xlsx"].tata_letak
    tanpa = kenali.pd_tanpa_kode(list(found.values()), kenali.register_pd_dikenal(raw, CONFIG))
    assert list(tanpa) == ["Dinas Baru Sekali"]  # the Setda is in the kelembagaan workbook
    config_path = tmp_path / "laporan.yml"
    shutil.copy(paths().config, config_path)
    kenali.write_declarations(config_path, list(found.values()), {}, tanpa)
    text = config_path.read_text(encoding="utf-8")
    assert "# perangkat daerah 'Dinas Baru Sekali': kodenya?" in text
    assert load_config(config_path).pemetaan.daftar.perangkat_daerah == {}
