"""Survei Kepuasan Masyarakat: NRR per unsur, IKM per unit and per Pemda (PermenPANRB 14/2017)."""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pandas as pd

from lkjip.core.bands import at_or_above
from lkjip.core.config import Config, KrejcieMorgan
from lkjip.core.na import is_na
from lkjip.core.rounding import round_half_up
from lkjip.katalog.hasil import empty, shaped

#: ``kode_unit`` of the rows that describe the whole Pemerintah Daerah.
KODE_PEMDA = "PEMDA"

#: Age bands of the respondent breakdown, lower bound inclusive.
UMUR_BANDS: tuple[tuple[str, int | None, int | None], ...] = (
    ("<20", None, 19),
    ("20–29", 20, 29),
    ("30–39", 30, 39),
    ("40–49", 40, 49),
    ("50–59", 50, 59),
    ("≥60", 60, None),
)

#: Label of a demographic answer left blank.
TIDAK_DIISI = "Tidak diisi"

_JENIS_KELAMIN = {"L": "Laki-laki", "P": "Perempuan"}
_KEYS = ["tahun", "kode_unit"]


def krejcie_morgan(populasi: object, parameter: KrejcieMorgan) -> int | None:
    """Minimum sample of a population by Krejcie–Morgan, rounded half up as in their table.

    s = χ²·N·P(1−P) / (d²·(N−1) + χ²·P(1−P)).

    Parameters
    ----------
    populasi : int or None
        N, the number of people served in the period; missing gives ``None``.
    parameter : KrejcieMorgan
        χ², P and d from the configuration (3,841; 0,5; 0,05).

    Returns
    -------
    int or None
        The minimum number of respondents, as Krejcie and Morgan's (1970) table prints it:
        N=50 -> 44 (44,34), N=100 -> 80 (79,51), N=1.000 -> 278, N=10.000 -> 370 (369,93).
        Rounding up would give 45 and 371 and disagree with the table.

    Examples
    --------
    >>> from lkjip.core.config import load_config
    >>> parameter = load_config().skm.krejcie_morgan
    >>> [krejcie_morgan(n, parameter) for n in (50, 100, 1000, 10000)]
    [44, 80, 278, 370]
    >>> krejcie_morgan(None, parameter) is None
    True
    """
    if is_na(populasi):
        return None
    n = float(populasi)
    if n <= 0:
        return 0
    chi, p, d = parameter.chi_kuadrat, parameter.proporsi, parameter.galat
    s = chi * n * p * (1 - p) / (d**2 * (n - 1) + chi * p * (1 - p))
    return int(round_half_up(s, 0))


def kategori_ikm(ikm_bulat: float, config: Config) -> tuple[str | None, str | None]:
    """Mutu (A–D) and kinerja label of an IKM already rounded to 2 decimals.

    The lower bounds of ``config.skm.kategori`` are inclusive and leave no gap: 88,31 is A,
    88,30 is B, 76,61 is B, 76,60 is C, 65,00 is C, 64,99 is D.

    Returns
    -------
    tuple
        ``(mutu, kinerja)``, or ``(None, None)`` when the value is missing or below every band.

    Examples
    --------
    >>> from lkjip.core.config import load_config
    >>> config = load_config()
    >>> kategori_ikm(88.31, config), kategori_ikm(88.30, config)
    (('A', 'Sangat Baik'), ('B', 'Baik'))
    >>> [kategori_ikm(v, config)[0] for v in (76.61, 76.60, 65.00, 64.99, 20.0)]
    ['B', 'C', 'C', 'D', None]
    """
    if is_na(ikm_bulat):
        return None, None
    for band in config.skm.kategori:  # ordered from the best band down (validated in Config)
        if ikm_bulat >= band.batas_bawah:
            return band.mutu, band.kinerja
    return None, None


def mutu_ikm(ikm: Iterable[object], config: Config) -> list[str | None]:
    """Mutu (A–D) of unrounded IKM values: each rounded half up to 2 decimals, then banded.

    How a typed IKM of an earlier year (the office's recap) gets its mutu, as the computed ones
    do (:func:`kategori_ikm` after :func:`lkjip.core.rounding.round_half_up`).

    Examples
    --------
    >>> from lkjip.core.config import load_config
    >>> mutu_ikm([88.305, 88.3049, float("nan")], load_config())
    ['A', 'B', None]
    """
    return [None if is_na(v) else kategori_ikm(round_half_up(v), config)[0] for v in ikm]


def mutu_minimal_baik(mutu: object, config: Config) -> bool:
    """True when ``mutu`` is ``config.skm.minimal_baik`` or a better category.

    Examples
    --------
    >>> from lkjip.core.config import load_config
    >>> config = load_config()
    >>> [mutu_minimal_baik(m, config) for m in ("A", "B", "C", None)]
    [True, True, False, False]
    """
    return at_or_above(mutu, [k.mutu for k in config.skm.kategori], config.skm.minimal_baik)


def _unsur_map(responden: pd.DataFrame, config: Config) -> list[tuple[str, str, str]]:
    unsur = [(u.kolom, u.kode, u.nama) for u in config.skm.unsur]
    missing = [kolom for kolom, _, _ in unsur if kolom not in responden.columns]
    if missing:
        raise ValueError(
            f"kolom unsur {missing} tidak ada pada skm_responden; periksa skm.unsur di laporan.yml"
        )
    return unsur


def _ikm_per_group(nrr: pd.DataFrame, keys: list[str], config: Config) -> pd.DataFrame:
    """IKM = Σ NRR_i × w × 25 per group of ``keys``; NaN when any unsur has no answer at all."""
    per_group = (
        nrr.assign(_kosong=nrr["nrr"].isna())
        .groupby(keys, sort=True)
        .agg(_total=("nrr", "sum"), _kosong=("_kosong", "any"), _n=("nrr", "size"))
    )
    if config.skm.bobot == "1/9":
        # Dividing by the count keeps the exact weight exact: nine NRR of 4 give 100, not 100.00000000000001.
        ikm = per_group["_total"] / per_group["_n"] * 25
    else:
        ikm = per_group["_total"] * config.skm.weight * 25
    return ikm.where(~per_group["_kosong"]).astype("float64").rename("ikm").reset_index()


def _unit_names(responden: pd.DataFrame, skm_unit: pd.DataFrame) -> pd.DataFrame:
    names = pd.concat([skm_unit[[*_KEYS, "unit"]], responden[[*_KEYS, "unit"]]], ignore_index=True).dropna(
        subset=["unit"]
    )
    return names.drop_duplicates(subset=_KEYS, keep="first")


def _nrr_long(responden: pd.DataFrame, keys: list[str], config: Config) -> pd.DataFrame:
    """Count and mean of the answers per ``keys`` × unsur, with every unsur present (0 answers -> NaN)."""
    unsur = _unsur_map(responden, config)
    kolom = [k for k, _, _ in unsur]
    answers = responden[kolom].apply(pd.to_numeric, errors="coerce").astype("float64")
    grouped = pd.concat([responden[keys], answers], axis=1).groupby(keys, sort=True, dropna=False)[kolom]
    counts = grouped.count().reset_index().melt(id_vars=keys, var_name="kolom", value_name="jumlah_jawaban")
    means = grouped.mean().reset_index().melt(id_vars=keys, var_name="kolom", value_name="nrr")
    long = counts.merge(means, on=[*keys, "kolom"], how="left")
    kode = {k: c for k, c, _ in unsur}
    nama = {k: n for k, _, n in unsur}
    long = long.assign(unsur=long["kolom"].map(kode), nama_unsur=long["kolom"].map(nama))
    return long.drop(columns="kolom")


def compute_ikm_unsur(skm_responden: pd.DataFrame, skm_unit: pd.DataFrame, config: Config) -> pd.DataFrame:
    """NRR per unsur per unit, and for the whole Pemda (``kode_unit`` = ``PEMDA``).

    NRR = mean of the answers given for that unsur; a blank answer is left out of that unsur's
    denominator (it is not a zero). The Pemda NRR is the mean over every answer of the year, so
    that the weakest unsur of the whole Pemda can be shown. The export column of each unsur
    comes from ``config.skm.unsur`` (a questionnaire that swaps U8 and U9 is mapped there).

    Parameters
    ----------
    skm_responden, skm_unit : DataFrame
        Clean tables (see ``docs/kontrak-data.md``).
    config : Config

    Returns
    -------
    DataFrame
        ``ikm_unsur``: tahun, kode_unit, unit, unsur, nama_unsur, jumlah_jawaban, nrr,
        nrr_tertimbang (nrr × bobot), ikm_unsur (nrr × 25).

    Examples
    --------
    >>> import pandas as pd
    >>> from lkjip.core.config import load_config
    >>> jawaban = {f"U{i}": [4, 3, 2] for i in range(1, 10)} | {"U1": [4, None, 2]}
    >>> responden = pd.DataFrame({"tahun": [2025] * 3, "kode_unit": ["UL-01", "UL-01", "UL-02"],
    ...                           "unit": ["Dinas A", "Dinas A", "Dinas B"], **jawaban})
    >>> unsur = compute_ikm_unsur(responden, responden[["tahun", "kode_unit", "unit"]], load_config())
    >>> dua = unsur[unsur["unsur"].isin(["U1", "U2"])]
    >>> print(dua[["kode_unit", "unsur", "jumlah_jawaban", "nrr", "ikm_unsur"]].to_string(index=False))
    kode_unit unsur  jumlah_jawaban  nrr  ikm_unsur
        UL-01    U1               1  4.0      100.0
        UL-01    U2               2  3.5       87.5
        UL-02    U1               1  2.0       50.0
        UL-02    U2               1  2.0       50.0
        PEMDA    U1               2  3.0       75.0
        PEMDA    U2               3  3.0       75.0
    """
    if skm_responden.empty:
        return empty("ikm_unsur")
    per_unit = _nrr_long(skm_responden, _KEYS, config)
    per_unit = per_unit.merge(_unit_names(skm_responden, skm_unit), on=_KEYS, how="left")
    pemda = _nrr_long(skm_responden, ["tahun"], config).assign(kode_unit=KODE_PEMDA, unit=config.wilayah)
    unsur_order = {u.kode: i for i, u in enumerate(config.skm.unsur)}
    out = pd.concat([per_unit, pemda], ignore_index=True)
    out = out.assign(
        nrr_tertimbang=out["nrr"] * config.skm.weight,
        ikm_unsur=out["nrr"] * 25,
        _pemda=out["kode_unit"].eq(KODE_PEMDA),
        _urut=out["unsur"].map(unsur_order),
    )
    out = out.sort_values(["tahun", "_pemda", "kode_unit", "_urut"], kind="stable")
    return shaped(out, "ikm_unsur")


def compute_ikm_unit(skm_responden: pd.DataFrame, skm_unit: pd.DataFrame, config: Config) -> pd.DataFrame:
    """IKM, mutu and sample check of every unit surveyed.

    IKM = Σ NRR_i × w × 25 with w = ``config.skm.weight`` (exactly 1/9 by default; with the
    printed 0,111 the value is 0,999 × the exact one). Mutu and kinerja come from the IKM rounded
    half up to 2 decimals. A unit for which some unsur has no answer at all gets IKM NA (and no
    mutu): its index cannot be computed, and a zero would be false. A unit listed in
    ``skm_unit`` without respondents appears with 0 respondents and IKM NA.

    The Krejcie–Morgan minimum comes from ``skm_unit.populasi``; ``sampel_cukup`` only flags
    (NA when the population is unknown), it never rejects a unit.

    Returns
    -------
    DataFrame
        ``ikm_unit``, one row per tahun × kode_unit.

    Examples
    --------
    >>> import pandas as pd
    >>> from lkjip.core.config import load_config
    >>> jawaban = {f"U{i}": [4, 3, 2] for i in range(1, 10)} | {"U1": [4, None, 2]}
    >>> responden = pd.DataFrame({"tahun": [2025] * 3, "kode_unit": ["UL-01", "UL-01", "UL-02"],
    ...                           "unit": ["Dinas A", "Dinas A", "Dinas B"], **jawaban})
    >>> unit = responden[["tahun", "kode_unit", "unit"]].drop_duplicates().assign(populasi=[50, None])
    >>> hasil = compute_ikm_unit(responden, unit, load_config())
    >>> print(hasil[["kode_unit", "jumlah_responden", "ikm_bulat", "mutu", "sampel_minimum", "sampel_cukup"]]
    ...       .to_string(index=False))
    kode_unit  jumlah_responden  ikm_bulat mutu  sampel_minimum  sampel_cukup
        UL-01                 2      88.89    A              44         False
        UL-02                 1      50.00    D            <NA>          <NA>
    """
    if skm_responden.empty and skm_unit.empty:
        return empty("ikm_unit")
    ikm = _ikm_per_group(_nrr_long(skm_responden, _KEYS, config), _KEYS, config)
    counts = skm_responden.groupby(_KEYS).size().rename("jumlah_responden").reset_index()
    units = pd.concat([skm_unit[_KEYS], skm_responden[_KEYS]], ignore_index=True).drop_duplicates()
    out = (
        units.merge(_unit_names(skm_responden, skm_unit), on=_KEYS, how="left")
        .merge(skm_unit[[*_KEYS, "populasi"]], on=_KEYS, how="left")
        .merge(counts, on=_KEYS, how="left")
        .merge(ikm, on=_KEYS, how="left")
    )
    jumlah = out["jumlah_responden"].fillna(0).astype("int64")
    minimum = pd.array([krejcie_morgan(n, config.skm.krejcie_morgan) for n in out["populasi"]], dtype="Int64")
    cukup = pd.array(
        [pd.NA if pd.isna(m) else bool(j >= m) for j, m in zip(jumlah, minimum, strict=True)],
        dtype="boolean",
    )
    bulat = out["ikm"].map(round_half_up).astype("float64")
    kategori = [kategori_ikm(v, config) for v in bulat]
    out = out.assign(
        jumlah_responden=jumlah,
        sampel_minimum=minimum,
        sampel_cukup=cukup,
        ikm_bulat=bulat,
        mutu=[m for m, _ in kategori],
        kinerja=[k for _, k in kategori],
        minimal_baik=[mutu_minimal_baik(m, config) for m, _ in kategori],
    )
    out = out.sort_values(_KEYS, kind="stable")
    return shaped(out, "ikm_unit")


def compute_ikm_pemda(ikm_unit: pd.DataFrame, skm_unit_riwayat: pd.DataFrame, config: Config) -> pd.DataFrame:
    """IKM Pemerintah Daerah per year: the mean of the unit IKMs.

    For a year with respondent data the mean is over the unrounded IKM of the units that have
    one (a unit with IKM NA is not counted in ``jumlah_unit``), and ``unit_minimal_baik`` counts
    the units of mutu ``config.skm.minimal_baik`` or better (``sumber = responden``). For a year
    found only in ``skm_unit_riwayat`` (2023, 2024 in the seed) the mean is over the IKM kept
    then, and a unit is minimal baik when its IKM rounded to 2 decimals reaches the lower bound
    of the minimal category (``sumber = riwayat``).

    Returns
    -------
    DataFrame
        ``ikm_pemda``: tahun, jumlah_unit, ikm, ikm_bulat, mutu, kinerja, unit_minimal_baik, sumber.

    Examples
    --------
    >>> import pandas as pd
    >>> from lkjip.core.config import load_config
    >>> unit = pd.DataFrame({"tahun": [2025] * 3, "ikm": [94.142, 87.6, None],
    ...                      "minimal_baik": [True, True, False]})
    >>> riwayat = pd.DataFrame({"tahun": [2024, 2024], "kode_unit": ["UL-01", "UL-02"],
    ...                         "ikm": [83.08, 76.60]})
    >>> pemda = compute_ikm_pemda(unit, riwayat, load_config())
    >>> kolom = ["tahun", "jumlah_unit", "ikm_bulat", "mutu", "unit_minimal_baik", "sumber"]
    >>> print(pemda[kolom].to_string(index=False))
     tahun  jumlah_unit  ikm_bulat mutu  unit_minimal_baik    sumber
      2024            2      79.84    B                  1   riwayat
      2025            2      90.87    A                  2 responden
    """
    rows = []
    for tahun, units in ikm_unit.groupby("tahun", sort=True):
        scored = units[units["ikm"].notna()]
        rows.append(
            {
                "tahun": tahun,
                "jumlah_unit": len(scored),
                "ikm": scored["ikm"].mean() if len(scored) else np.nan,
                "unit_minimal_baik": int(scored["minimal_baik"].sum()),
                "sumber": "responden",
            }
        )
    done = set(ikm_unit["tahun"].dropna().astype(int))
    batas = next(k.batas_bawah for k in config.skm.kategori if k.mutu == config.skm.minimal_baik)
    for tahun, units in skm_unit_riwayat.groupby("tahun", sort=True):
        if int(tahun) in done:
            continue
        values = pd.to_numeric(units["ikm"], errors="coerce").dropna()
        rows.append(
            {
                "tahun": tahun,
                "jumlah_unit": len(values),
                "ikm": values.mean() if len(values) else np.nan,
                "unit_minimal_baik": int(sum(round_half_up(v) >= batas for v in values)),
                "sumber": "riwayat",
            }
        )
    if not rows:
        return empty("ikm_pemda")
    out = pd.DataFrame(rows)
    bulat = out["ikm"].map(round_half_up).astype("float64")
    kategori = [kategori_ikm(v, config) for v in bulat]
    out = out.assign(ikm_bulat=bulat, mutu=[m for m, _ in kategori], kinerja=[k for _, k in kategori])
    out = out.sort_values("tahun", kind="stable")
    return shaped(out, "ikm_pemda")


def umur_band(umur: object) -> str:
    """Age band of a respondent (``<20``, ``20–29``, …, ``≥60``); blank gives ``Tidak diisi``.

    Examples
    --------
    >>> [umur_band(u) for u in (19, 20, 59, 60, None)]
    ['<20', '20–29', '50–59', '≥60', 'Tidak diisi']
    """
    if is_na(umur):
        return TIDAK_DIISI
    age = int(umur)
    for label, low, high in UMUR_BANDS:
        if (low is None or age >= low) and (high is None or age <= high):
            return label
    return TIDAK_DIISI  # unreachable: the bands cover every integer


def _kelompok(responden: pd.DataFrame, variabel: str) -> pd.Series:
    if variabel == "umur":
        return responden["umur"].map(umur_band)
    values = responden[variabel].astype("string").str.strip()
    if variabel == "jenis_kelamin":
        values = values.str.upper().map(lambda v: _JENIS_KELAMIN.get(v, v) if isinstance(v, str) else v)
    return values.where(values.notna() & values.ne(""), TIDAK_DIISI).astype("string")


def compute_demografi(skm_responden: pd.DataFrame) -> pd.DataFrame:
    """Respondents by jenis kelamin, umur band, pendidikan and pekerjaan, per unit and overall.

    ``persen`` is the share of the unit's (or the Pemda's, ``kode_unit`` = ``PEMDA``) respondents
    of that year; blanks are a group of their own (``Tidak diisi``) so the shares add to 100.

    Returns
    -------
    DataFrame
        ``skm_demografi``: tahun, kode_unit, variabel, kelompok, jumlah, persen.

    Examples
    --------
    >>> import pandas as pd
    >>> responden = pd.DataFrame({"tahun": [2025] * 4, "kode_unit": ["UL-01"] * 4,
    ...                           "jenis_kelamin": ["L", "l", "P", None], "umur": [25, 31, 47, None],
    ...                           "pendidikan": ["S1"] * 4, "pekerjaan": ["PNS"] * 4})
    >>> demografi = compute_demografi(responden)
    >>> unit = demografi[(demografi["kode_unit"] == "UL-01") & (demografi["variabel"] == "jenis_kelamin")]
    >>> print(unit[["kelompok", "jumlah", "persen"]].to_string(index=False))
       kelompok  jumlah  persen
      Laki-laki       2    50.0
      Perempuan       1    25.0
    Tidak diisi       1    25.0
    """
    if skm_responden.empty:
        return empty("skm_demografi")
    frames = []
    band_order = {label: i for i, (label, _, _) in enumerate(UMUR_BANDS)}
    for variabel in ("jenis_kelamin", "umur", "pendidikan", "pekerjaan"):
        base = pd.DataFrame(
            {
                "tahun": skm_responden["tahun"],
                "kode_unit": skm_responden["kode_unit"].astype("string"),
                "kelompok": _kelompok(skm_responden, variabel),
            }
        )
        for overall in (False, True):
            data = base.assign(kode_unit=KODE_PEMDA) if overall else base
            counts = data.groupby(["tahun", "kode_unit", "kelompok"]).size().rename("jumlah").reset_index()
            totals = counts.groupby(["tahun", "kode_unit"])["jumlah"].transform("sum")
            counts = counts.assign(
                variabel=variabel,
                persen=counts["jumlah"] / totals * 100,
                _pemda=overall,
                _urut=[
                    (2 if k == TIDAK_DIISI else 0, band_order.get(k, 0) if variabel == "umur" else 0, k)
                    for k in counts["kelompok"]
                ],
            )
            frames.append(counts)
    out = pd.concat(frames, ignore_index=True)
    variabel_order = {"jenis_kelamin": 0, "umur": 1, "pendidikan": 2, "pekerjaan": 3}
    out = out.assign(_var=out["variabel"].map(variabel_order))
    out = out.sort_values(["tahun", "_pemda", "kode_unit", "_var", "_urut"], kind="stable")
    return shaped(out, "skm_demografi")
