"""The configuration loader: the project's own file, invalid values, missing keys."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from lkjip.core.config import ConfigError, load_config
from lkjip.core.paths import paths

PROJECT_CONFIG = paths().config


def _write(tmp_path: Path, data: dict) -> Path:
    path = tmp_path / "laporan.yml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


@pytest.fixture
def raw() -> dict:
    return yaml.safe_load(PROJECT_CONFIG.read_text(encoding="utf-8"))


def test_project_config_loads_with_the_seed_values():
    config = load_config(PROJECT_CONFIG)
    assert config.tahun == 2025
    assert config.instansi.nama_lengkap == "Bagian Organisasi Sekretariat Daerah Kabupaten Mojokerto"
    assert [p.kode for p in config.periode] == ["2021-2025", "2025-2029"]
    assert config.penandatangan.nip == "197005281994032003"
    assert config.penandatangan.tanggal == dt.date(2026, 1, 30)
    assert config.skm.weight == pytest.approx(1 / 9)
    assert [u.kode for u in config.skm.unsur] == [f"U{i}" for i in range(1, 10)]
    assert config.trend_years == [2021, 2022, 2023, 2024, 2025]
    assert config.periode_for_pk("Perjanjian Kinerja Perubahan").kode == "2025-2029"


def test_rounded_weight_is_an_option(tmp_path, raw):
    raw["skm"]["bobot"] = "0.111"
    assert load_config(_write(tmp_path, raw)).skm.weight == 0.111


def test_invalid_value_names_the_key(tmp_path, raw):
    raw["skm"]["bobot"] = "0,5"
    raw["penandatangan"]["nip"] = "1970"
    with pytest.raises(ConfigError) as err:
        load_config(_write(tmp_path, raw))
    message = str(err.value)
    assert "skm.bobot" in message and "'0,5'" in message
    assert "penandatangan.nip" in message


def test_missing_key_is_named(tmp_path, raw):
    del raw["instansi"]["nama_lengkap"]
    del raw["tahun"]
    with pytest.raises(ConfigError) as err:
        load_config(_write(tmp_path, raw))
    assert "instansi.nama_lengkap: kunci wajib tidak ada" in str(err.value)
    assert "tahun: kunci wajib tidak ada" in str(err.value)


def test_the_rule_blocks_default_to_the_national_rules(tmp_path, raw):
    for block in ("skm", "sakip", "kematangan", "efektivitas_kelembagaan"):
        del raw[block]
    config = load_config(_write(tmp_path, raw))
    # PermenPANRB 14/2017: nine unsur, weight 1/9, B from 76,61; SAKIP predikat B above 60;
    # kematangan over 11 variables; efektivitas from the struktur and proses dimensions, 50 each
    assert [u.nama for u in config.skm.unsur][:2] == ["Persyaratan", "Sistem, Mekanisme, dan Prosedur"]
    assert config.skm.weight == pytest.approx(1 / 9)
    assert [(k.mutu, k.batas_bawah) for k in config.skm.kategori][1] == ("B", 76.61)
    assert [(k.predikat, k.di_atas) for k in config.sakip.kategori][3] == ("B", 60)
    assert config.kematangan.jumlah_variabel == 11 and config.kematangan.minimal == "Tinggi"
    assert config.efektivitas_kelembagaan.bobot_dimensi == {"Struktur": 50, "Proses": 50}


def test_a_rule_block_given_replaces_the_default_whole(tmp_path, raw):
    raw["kematangan"] = {
        "jumlah_variabel": 12,
        "kategori": [{"kategori": "Tinggi", "batas_bawah": 40}, {"kategori": "Rendah", "batas_bawah": 12}],
        "minimal": "Tinggi",
    }
    del raw["sakip"]
    config = load_config(_write(tmp_path, raw))
    assert config.kematangan.jumlah_variabel == 12
    assert [k.kategori for k in config.kematangan.kategori] == ["Tinggi", "Rendah"]
    assert config.sakip.minimal_baik == "B"
    # a block given is checked as before: its own keys stay required
    del raw["kematangan"]["minimal"]
    with pytest.raises(ConfigError, match=r"kematangan\.minimal: kunci wajib tidak ada"):
        load_config(_write(tmp_path, raw))


def test_unknown_key_is_reported_as_typo(tmp_path, raw):
    raw["tahunn"] = 2025
    with pytest.raises(ConfigError, match="tahunn: kunci tidak dikenal"):
        load_config(_write(tmp_path, raw))


def test_year_outside_every_period_is_rejected(tmp_path, raw):
    raw["tahun"] = 2031
    with pytest.raises(ConfigError, match="tahun 2031 tidak berada dalam periode"):
        load_config(_write(tmp_path, raw))


def test_categories_must_descend(tmp_path, raw):
    raw["skm"]["kategori"][0]["batas_bawah"] = 70
    with pytest.raises(ConfigError, match="skm"):
        load_config(_write(tmp_path, raw))


def test_duplicate_unsur_column_rejected(tmp_path, raw):
    raw["skm"]["unsur"][8]["kolom"] = "U8"
    with pytest.raises(ConfigError, match=r"unsur\.kolom harus unik"):
        load_config(_write(tmp_path, raw))


def test_minimal_label_must_exist(tmp_path, raw):
    raw["sakip"]["minimal_baik"] = "Z"
    with pytest.raises(ConfigError, match="minimal_baik 'Z'"):
        load_config(_write(tmp_path, raw))


def test_missing_file_and_bad_yaml(tmp_path):
    with pytest.raises(ConfigError, match="tidak ditemukan"):
        load_config(tmp_path / "tidak-ada.yml")
    bad = tmp_path / "laporan.yml"
    bad.write_text("tahun: [2025\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="bukan YAML"):
        load_config(bad)
    bad.write_text("- 1\n- 2\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="pemetaan"):
        load_config(bad)


def test_swapped_unsur_order_is_accepted(tmp_path, raw):
    unsur = raw["skm"]["unsur"]
    unsur[7]["kolom"], unsur[8]["kolom"] = "U9", "U8"
    config = load_config(_write(tmp_path, raw))
    assert {u.kolom: u.kode for u in config.skm.unsur}["U9"] == "U8"


def test_with_year_keeps_everything_else():
    config = load_config(PROJECT_CONFIG).with_year(2024)
    assert config.tahun == 2024
    assert config.instansi.nama == "Bagian Organisasi"
