"""The one rule by which units, PD and indicators are chosen, and its named refusals (lkjip.core.pilihan).

Small registers written here; the expected codes and candidates are worked out by hand.
"""

from __future__ import annotations

import pytest

from lkjip.core import pilihan
from lkjip.core.pilihan import (
    INDIKATOR,
    PERANGKAT_DAERAH,
    UNIT,
    IndikatorAmbigu,
    IndikatorTidakDikenal,
    KolomTidakAda,
    PerangkatDaerahAmbigu,
    PilihanAmbigu,
    PilihanTidakDikenal,
    TahunTidakAda,
    UnitTidakDikenal,
    pilih_kode,
    pilih_kolom,
    pilih_tahun,
)

UNITS = {"UL-01": "Dinas Kependudukan dan Pencatatan Sipil", "UL-02": "Dinas Sosial", "UL-12": "RSUD Prof."}
INDICATORS = {
    "PKP-1": "Nilai Rata-Rata SAKIP Perangkat Daerah",
    "PKP-3": "Indeks Kepuasan Masyarakat (IKM) Pemerintah Daerah",
    "sakip_opd": "Nilai SAKIP",
}
PDS = {"PD-01": "Sekretariat Daerah", "PD-02": "Sekretariat DPRD", "PD-03": "Inspektorat Daerah"}


@pytest.mark.parametrize("typed", ["UL-01", "ul-01", " UL-01 ", "Ul-01", "UL - 01", "ul -01\t"])
def test_a_code_in_any_case_and_spacing_is_that_code(typed):
    assert pilih_kode(typed, UNITS, UNIT, di="x") == "UL-01"


def test_the_same_rule_for_pd_and_indicator_codes():
    assert pilih_kode("pd-03", PDS, PERANGKAT_DAERAH, di="x") == "PD-03"
    assert pilih_kode("pkp-3", INDICATORS, INDIKATOR, di="x") == "PKP-3"
    assert pilih_kode("SAKIP_OPD", INDICATORS, INDIKATOR, di="x") == "sakip_opd"


def test_a_hyphen_is_part_of_the_code():
    # 'UL 01' is not 'UL-01' with other spacing: it lacks a character; refused, UL-01 proposed.
    with pytest.raises(UnitTidakDikenal) as err:
        pilih_kode("UL 01", UNITS, UNIT, di="x")
    assert err.value.mirip[0] == "UL-01"


def test_names_whole_then_a_part_of_one():
    assert pilih_kode("dinas sosial", UNITS, UNIT, di="x") == "UL-02"
    assert pilih_kode("Kependudukan", UNITS, UNIT, di="x") == "UL-01"
    assert pilih_kode("inspektorat", PDS, PERANGKAT_DAERAH, di="x") == "PD-03"
    # 'Nilai SAKIP' is a whole name (sakip_opd) and a part of another (PKP-1): the whole name wins.
    assert pilih_kode("Nilai  SAKIP", INDICATORS, INDIKATOR, di="x") == "sakip_opd"
    assert pilih_kode("IKM", INDICATORS, INDIKATOR, di="x") == "PKP-3"


def test_a_text_that_fits_two_is_refused_with_both_and_their_codes():
    with pytest.raises(IndikatorAmbigu) as err:
        pilih_kode("SAKIP", INDICATORS, INDIKATOR, di="data.perbandingan()")
    assert err.value.mirip == ("PKP-1", "sakip_opd")
    message = str(err.value)
    assert "PKP-1 (Nilai Rata-Rata SAKIP Perangkat Daerah); sakip_opd (Nilai SAKIP)" in message
    assert "data.perbandingan()" in message and "Sebutkan kodenya" in message
    both = r"PD-01 \(Sekretariat Daerah\); PD-02 \(Sekretariat DPRD\)"
    with pytest.raises(PerangkatDaerahAmbigu, match=both):
        pilih_kode("sekretariat", PDS, PERANGKAT_DAERAH, di="x")
    # 'Dinas' is in two unit names
    with pytest.raises(pilihan.UnitAmbigu):
        pilih_kode("Dinas", UNITS, UNIT, di="x")


def test_an_unknown_code_names_the_closest_and_every_valid_one():
    with pytest.raises(UnitTidakDikenal) as err:
        pilih_kode("UL-21", UNITS, UNIT, di="data.ikm_unsur()")
    # 'ul-21' against 'ul-01' and 'ul-12': four of five characters in order (ratio 0,8) for both;
    # 'ul-02' shares 'ul-' and '2' too (0,8). Ties keep the register's order.
    assert err.value.mirip == ("UL-01", "UL-02", "UL-12")
    assert err.value.pilihan == ("UL-01", "UL-02", "UL-12")
    message = str(err.value)
    assert message.startswith("Unit layanan 'UL-21' tidak ada di data.ikm_unsur(). Mungkin maksudnya: UL-01")
    assert "Yang ada (3): UL-01 (Dinas Kependudukan dan Pencatatan Sipil); UL-02 (Dinas Sosial)" in message


def test_nothing_close_lists_the_valid_values_only():
    with pytest.raises(IndikatorTidakDikenal) as err:
        pilih_kode("Jumlah Inovasi", INDICATORS, INDIKATOR, di="x")
    assert err.value.mirip == () and "Mungkin" not in str(err.value)
    assert "Yang ada (3): PKP-1" in str(err.value)


@pytest.mark.parametrize("typed", [None, "", "   ", 1])
def test_not_a_text_or_blank_is_refused(typed):
    with pytest.raises(UnitTidakDikenal, match="harus disebut dengan kode atau nama"):
        pilih_kode(typed, UNITS, UNIT, di="x")


def test_long_lists_by_code_only_but_ambiguities_always_named():
    many = {f"UL-{i:02d}": f"Puskesmas {i}" for i in range(1, 21)}
    with pytest.raises(UnitTidakDikenal) as err:
        pilih_kode("RSUD", many, UNIT, di="x")
    assert "Yang ada (20): UL-01, UL-02," in str(err.value)
    with pytest.raises(PilihanAmbigu) as err:
        pilih_kode("Puskesmas", many, UNIT, di="x")
    assert "UL-20 (Puskesmas 20)" in str(err.value)


def test_years_the_data_hold_or_refused_with_the_nearest():
    assert pilih_tahun(2024, [2023, 2024, 2025], di="x") == [2024]
    assert pilih_tahun(["2025", 2024, 2024], [2024, 2025], di="x") == [2025, 2024]
    with pytest.raises(TahunTidakAda) as err:
        pilih_tahun(2020, [2021, 2022, 2023, 2024, 2025], di="data.sakip_pd()")
    assert err.value.mirip == ("2021",) and err.value.pilihan == ("2021", "2022", "2023", "2024", "2025")
    assert str(err.value) == (
        "Tahun 2020 tidak ada di data.sakip_pd(): datanya mencakup tahun 2021, 2022, 2023, 2024, 2025. "
        "Tahun terdekat: 2021."
    )
    # 2019 and 2027 against 2023–2025: nearest 2023 and 2025.
    with pytest.raises(TahunTidakAda) as err:
        pilih_tahun([2019, 2024, 2027], [2023, 2024, 2025], di="x")
    assert err.value.mirip == ("2023", "2025") and "Tahun 2019, 2027 tidak ada" in str(err.value)
    with pytest.raises(TahunTidakAda, match="datanya mencakup tahun \\(tidak ada\\)"):
        pilih_tahun(2025, [], di="x")
    for wrong in ("2025a", True, 2025.5, []):
        with pytest.raises(TahunTidakAda, match="harus bilangan bulat"):
            pilih_tahun(wrong, [2025], di="x")


def test_a_span_may_reach_beyond_the_data_but_not_miss_it():
    assert pilih_tahun(range(2019, 2022), [2021, 2022], di="x", semua=False) == [2019, 2020, 2021]
    with pytest.raises(TahunTidakAda, match="Tahun 2030, 2031 tidak ada"):
        pilih_tahun(range(2030, 2032), [2021, 2022], di="x", semua=False)


def test_columns_exactly_as_pandas_reads_them():
    with pytest.raises(KolomTidakAda) as err:
        pilih_kolom(["kode_indikator", "Tahun"], ["tahun", "kode_indikator"], di="x")
    assert err.value.mirip == ("tahun",) and isinstance(err.value, KeyError)
    assert str(err.value).startswith("Kolom Tahun tidak ada di x.")  # not quoted as a KeyError is


def test_every_refusal_is_a_lookup_error_and_a_year_also_a_value_error():
    for cls in (UnitTidakDikenal, IndikatorAmbigu, PerangkatDaerahAmbigu, TahunTidakAda, KolomTidakAda):
        assert issubclass(cls, PilihanTidakDikenal) and issubclass(cls, LookupError)
    assert issubclass(TahunTidakAda, ValueError)
    assert issubclass(IndikatorAmbigu, IndikatorTidakDikenal)
