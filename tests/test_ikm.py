"""SKM/IKM: NRR with blank answers, both weight conventions, category bounds, unsur mapping, Pemda figures."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from lkjip.core.config import Config, load_config
from lkjip.core.rounding import round_half_up
from lkjip.indicators.ikm import (
    KODE_PEMDA,
    compute_demografi,
    compute_ikm_pemda,
    compute_ikm_unit,
    compute_ikm_unsur,
    kategori_ikm,
    krejcie_morgan,
    umur_band,
)

NA = None


@pytest.fixture(scope="module")
def config() -> Config:
    return load_config().with_year(2025)


def _config_with(config: Config, **skm) -> Config:
    data = config.model_dump()
    data["skm"].update(skm)
    return Config.model_validate(data)


def _responden(rows: list[tuple[str, list]], tahun: int = 2025, **extra) -> pd.DataFrame:
    """One row per respondent: (kode_unit, [U1..U9]) with None for a blank answer."""
    records = []
    count: dict[str, int] = {}
    for kode, answers in rows:
        count[kode] = count.get(kode, 0) + 1
        records.append(
            {
                "tahun": tahun,
                "kode_unit": kode,
                "unit": f"Unit {kode}",
                "responden": count[kode],
                **{f"U{i}": a for i, a in enumerate(answers, start=1)},
                **{k: v[len(records)] for k, v in extra.items()},
            }
        )
    frame = pd.DataFrame(records)
    return frame.astype({"tahun": "Int64", "responden": "Int64", **{f"U{i}": "Int64" for i in range(1, 10)}})


def _unit(kodes: list[str], populasi: list | None = None, tahun: int = 2025) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "tahun": pd.array([tahun] * len(kodes), dtype="Int64"),
            "kode_unit": kodes,
            "unit": [f"Unit {k}" for k in kodes],
            "populasi": pd.array(populasi or [None] * len(kodes), dtype="Int64"),
        }
    )


# Two respondents, R2 left U4 blank.
#   U1 (4+3)/2 = 3,5   U2 3   U3 4   U4 3/1 = 3 (blank not a zero)   U5 4   U6 3   U7 4   U8 3
#   U9 (4+3)/2 = 3,5
#   Σ NRR = 31; IKM = 31 / 9 × 25 = 86,111… -> 86,11, mutu B (Baik).
TINY = [
    ("A", [4, 3, 4, 3, 4, 3, 4, 3, 4]),
    ("A", [3, 3, 4, NA, 4, 3, 4, 3, 3]),
]


def test_tiny_unit_on_paper_with_a_blank_answer(config):
    responden, unit = _responden(TINY), _unit(["A"])
    nrr = compute_ikm_unsur(responden, unit, config)
    a = nrr[nrr["kode_unit"] == "A"].set_index("unsur")
    assert a.loc["U1", "nrr"] == pytest.approx(3.5)
    assert a.loc["U4", "nrr"] == pytest.approx(3.0)
    assert a.loc["U4", "jumlah_jawaban"] == 1
    assert a.loc["U1", "jumlah_jawaban"] == 2
    assert a.loc["U9", "nrr"] == pytest.approx(3.5)
    assert a.loc["U1", "ikm_unsur"] == pytest.approx(87.5)  # 3,5 × 25
    assert a.loc["U1", "nrr_tertimbang"] == pytest.approx(3.5 / 9)

    row = compute_ikm_unit(responden, unit, config).iloc[0]
    assert row["ikm"] == pytest.approx(86.1111, abs=1e-4)
    assert row["ikm_bulat"] == 86.11
    assert (row["mutu"], row["kinerja"], row["minimal_baik"]) == ("B", "Baik", True)
    assert row["jumlah_responden"] == 2


def test_weight_0_111_gives_0_999_times_the_exact_value(config):
    rounded_weight = _config_with(config, bobot="0.111")
    responden, unit = _responden(TINY), _unit(["A"])
    exact = compute_ikm_unit(responden, unit, config).iloc[0]
    printed = compute_ikm_unit(responden, unit, rounded_weight).iloc[0]
    # 31 × 0,111 × 25 = 86,025 -> 86,03 when rounded half up as on paper.
    assert printed["ikm"] == pytest.approx(86.025)
    assert printed["ikm"] == pytest.approx(0.999 * exact["ikm"])
    assert printed["ikm_bulat"] == 86.03


@pytest.mark.parametrize(
    ("ikm", "mutu", "kinerja"),
    [
        (100.0, "A", "Sangat Baik"),
        (88.31, "A", "Sangat Baik"),
        (88.30, "B", "Baik"),
        (76.61, "B", "Baik"),
        (76.60, "C", "Kurang Baik"),
        (65.00, "C", "Kurang Baik"),
        (64.99, "D", "Tidak Baik"),
        (25.0, "D", "Tidak Baik"),
    ],
)
def test_category_bounds_are_inclusive_and_gap_free(config, ikm, mutu, kinerja):
    assert kategori_ikm(ikm, config) == (mutu, kinerja)


@pytest.mark.parametrize(
    ("unrounded", "mutu"), [(88.305, "A"), (88.30499, "B"), (76.605, "B"), (64.995, "C")]
)
def test_category_uses_the_ikm_rounded_half_up(config, unrounded, mutu):
    assert kategori_ikm(round_half_up(unrounded), config)[0] == mutu


def test_missing_ikm_has_no_category(config):
    assert kategori_ikm(math.nan, config) == (None, None)


def test_unit_with_one_respondent(config):
    # Eight 3s and one 4: Σ NRR = 28; IKM = 28 / 9 × 25 = 77,78 -> B.
    responden = _responden([("S", [3, 3, 3, 3, 3, 3, 3, 3, 4])])
    row = compute_ikm_unit(responden, _unit(["S"]), config).iloc[0]
    assert row["ikm_bulat"] == 77.78
    assert row["mutu"] == "B"
    assert row["jumlah_responden"] == 1


def test_extreme_answers_give_25_and_100(config):
    responden = _responden([("LO", [1] * 9), ("HI", [4] * 9)])
    out = compute_ikm_unit(responden, _unit(["LO", "HI"]), config).set_index("kode_unit")
    assert out.loc["HI", "ikm"] == 100.0
    assert out.loc["LO", "ikm"] == 25.0
    assert out.loc["LO", "mutu"] == "D"
    assert not out.loc["LO", "minimal_baik"]


def test_swapped_u8_u9_questionnaire_follows_the_mapping(config):
    unsur = [u.model_dump() for u in config.skm.unsur]
    # This questionnaire asks Sarana (U9) in its 8th column and Penanganan Pengaduan (U8) in its 9th.
    unsur[7] = {"kolom": "U9", "kode": "U8", "nama": "Penanganan Pengaduan, Saran dan Masukan"}
    unsur[8] = {"kolom": "U8", "kode": "U9", "nama": "Sarana dan Prasarana"}
    swapped = _config_with(config, unsur=unsur)
    responden = _responden([("A", [4, 4, 4, 4, 4, 4, 4, 2, 3])])  # 8th column 2, 9th column 3
    nrr = compute_ikm_unsur(responden, _unit(["A"]), swapped)
    a = nrr[nrr["kode_unit"] == "A"].set_index("unsur")
    assert a.loc["U9", "nrr"] == 2.0
    assert a.loc["U9", "nama_unsur"] == "Sarana dan Prasarana"
    assert a.loc["U8", "nrr"] == 3.0
    assert a.loc["U8", "nama_unsur"] == "Penanganan Pengaduan, Saran dan Masukan"
    assert list(a.index) == [f"U{i}" for i in range(1, 10)]  # rows in the config's unsur order


def test_unsur_without_any_answer_gives_ikm_na(config):
    responden = _responden([("A", [4, 4, 4, 4, 4, 4, 4, 4, NA]), ("A", [3, 3, 3, 3, 3, 3, 3, 3, NA])])
    row = compute_ikm_unit(responden, _unit(["A"]), config).iloc[0]
    assert math.isnan(row["ikm"])
    assert pd.isna(row["mutu"])
    assert not row["minimal_baik"]


def test_missing_export_column_is_reported_in_bahasa(config):
    responden = _responden(TINY).drop(columns=["U9"])
    with pytest.raises(ValueError, match="kolom unsur"):
        compute_ikm_unit(responden, _unit(["A"]), config)


# Krejcie & Morgan (1970), Table 1: N=10 -> 10, 50 -> 44, 100 -> 80, 1000 -> 278, 10000 -> 370.
@pytest.mark.parametrize(
    ("populasi", "minimum"), [(10, 10), (50, 44), (100, 80), (1000, 278), (10000, 370), (None, None)]
)
def test_krejcie_morgan_minimum(config, populasi, minimum):
    assert krejcie_morgan(populasi, config.skm.krejcie_morgan) == minimum


def test_sample_flag_never_rejects(config):
    # 2 respondents; N = 100 needs 80 -> flagged, kept; unknown N -> NA flag.
    responden = _responden([*TINY, ("B", [4] * 9)])
    out = compute_ikm_unit(responden, _unit(["A", "B"], populasi=[100, None]), config).set_index("kode_unit")
    assert out.loc["A", "sampel_minimum"] == 80
    assert not out.loc["A", "sampel_cukup"]
    assert pd.isna(out.loc["B", "sampel_minimum"])
    assert pd.isna(out.loc["B", "sampel_cukup"])
    assert out.loc["A", "ikm_bulat"] == 86.11  # still computed


def test_pemda_ikm_is_the_mean_of_unrounded_unit_ikm(config):
    # A: 31/9 × 25 = 86,111… (B); B: 100 (A); C: 25 (D, not minimal baik).
    # Mean of the unrounded values: (86,111… + 100 + 25) / 3 = 70,370…
    responden = _responden([*TINY, ("B", [4] * 9), ("C", [1] * 9)])
    units = compute_ikm_unit(responden, _unit(["A", "B", "C"]), config)
    pemda = compute_ikm_pemda(units, pd.DataFrame(columns=["tahun", "kode_unit", "ikm"]), config).iloc[0]
    assert pemda["ikm"] == pytest.approx(70.37037, abs=1e-5)
    assert pemda["jumlah_unit"] == 3
    assert pemda["unit_minimal_baik"] == 2
    assert pemda["sumber"] == "responden"


def test_pemda_nrr_is_the_mean_over_all_answers(config):
    # U1: unit A one answer 4, unit B three answers 1 -> Pemda NRR (4+1+1+1)/4 = 1,75 (not (4+1)/2).
    responden = _responden([("A", [4] * 9), ("B", [1] * 9), ("B", [1] * 9), ("B", [1] * 9)])
    nrr = compute_ikm_unsur(responden, _unit(["A", "B"]), config)
    pemda = nrr[nrr["kode_unit"] == KODE_PEMDA].set_index("unsur")
    assert pemda.loc["U1", "nrr"] == pytest.approx(1.75)
    assert pemda.loc["U1", "jumlah_jawaban"] == 4
    assert pemda.loc["U1", "unit"] == config.kabupaten


def test_pemda_from_riwayat_for_years_without_respondents(config):
    responden = _responden([("A", [4] * 9)])
    units = compute_ikm_unit(responden, _unit(["A"]), config)
    riwayat = pd.DataFrame(
        {
            "tahun": pd.array([2024, 2024, 2024, 2025], dtype="Int64"),
            "kode_unit": ["X", "Y", "Z", "A"],
            "ikm": [76.605, 88.0, 70.0, 50.0],
        }
    )
    pemda = compute_ikm_pemda(units, riwayat, config).set_index("tahun")
    assert list(pemda.index) == [2024, 2025]
    # 2024: mean (76,605 + 88 + 70) / 3 = 78,2017; 76,605 rounds to 76,61 (B) -> 2 units minimal baik.
    assert pemda.loc[2024, "ikm"] == pytest.approx(78.20167, abs=1e-5)
    assert pemda.loc[2024, "unit_minimal_baik"] == 2
    assert pemda.loc[2024, "sumber"] == "riwayat"
    # 2025 has respondents: the riwayat row of 2025 is ignored.
    assert pemda.loc[2025, "ikm"] == 100.0
    assert pemda.loc[2025, "sumber"] == "responden"


@pytest.mark.parametrize(
    ("umur", "band"),
    [
        (17, "<20"),
        (19, "<20"),
        (20, "20–29"),
        (39, "30–39"),
        (59, "50–59"),
        (60, "≥60"),
        (None, "Tidak diisi"),
    ],
)
def test_umur_bands(umur, band):
    assert umur_band(umur) == band


def test_demographic_breakdown_per_unit_and_overall():
    responden = _responden(
        [("A", [4] * 9), ("A", [4] * 9), ("B", [4] * 9)],
        jenis_kelamin=["L", "P", None],
        umur=[19, 45, 60],
        pendidikan=["SMA", "S1", "S1"],
        pekerjaan=["Swasta", "PNS", "Swasta"],
    )
    out = compute_demografi(responden)
    pemda_jk = out[(out["kode_unit"] == KODE_PEMDA) & (out["variabel"] == "jenis_kelamin")]
    assert dict(zip(pemda_jk["kelompok"], pemda_jk["jumlah"], strict=True)) == {
        "Laki-laki": 1,
        "Perempuan": 1,
        "Tidak diisi": 1,
    }
    a_umur = out[(out["kode_unit"] == "A") & (out["variabel"] == "umur")]
    assert list(a_umur["kelompok"]) == ["<20", "40–49"]
    assert a_umur["persen"].tolist() == pytest.approx([50.0, 50.0])
    for _, group in out.groupby(["kode_unit", "variabel"]):
        assert group["persen"].sum() == pytest.approx(100.0)
