"""Kelembagaan: tingkat kematangan of each perangkat daerah and the Pemda's Nilai Efektivitas Kelembagaan."""

from __future__ import annotations

import pandas as pd

from lkjip.core.bands import at_or_above
from lkjip.core.config import Config
from lkjip.core.na import is_na
from lkjip.core.rounding import round_half_up
from lkjip.indicators._ringkas import ringkas_per_tahun
from lkjip.ingest.schemas.hasil import empty, shaped


def variabel_kematangan(config: Config) -> list[str]:
    """Column names of the kematangan variables: ``V01`` .. ``V11`` for 11 variables."""
    return [f"V{i:02d}" for i in range(1, config.kematangan.jumlah_variabel + 1)]


def kategori_kematangan(total: object, config: Config) -> str | None:
    """Kategori of a kematangan total; lower bounds inclusive (37,0 is Sedang, 37,1 is Tinggi).

    The total is rounded half up to 2 decimals first: a sum of floats such as 3,1 + … may land
    on 37,099999… and must still count as 37,1.
    """
    if is_na(total):
        return None
    value = round_half_up(total)
    for band in config.kematangan.kategori:  # highest band first (validated in Config)
        if value >= band.batas_bawah:
            return band.kategori
    return None


def kategori_minimal(kategori: object, config: Config) -> bool:
    """True when ``kategori`` is ``config.kematangan.minimal`` (Tinggi) or higher."""
    return at_or_above(kategori, [k.kategori for k in config.kematangan.kategori], config.kematangan.minimal)


def hitung_kematangan(kelembagaan_pd: pd.DataFrame, config: Config) -> pd.DataFrame:
    """Total of V01..V11, kategori and ``minimal_tinggi`` of every perangkat daerah.

    A row with any variable missing has no total (NA) and no kategori: a partial sum would
    understate its level.

    Returns
    -------
    DataFrame
        ``kematangan_pd``: tahun, kode_pd, perangkat_daerah, total, kategori, minimal_tinggi.
    """
    if kelembagaan_pd.empty:
        return empty("kematangan_pd")
    columns = variabel_kematangan(config)
    scores = kelembagaan_pd[columns].apply(pd.to_numeric, errors="coerce").astype("float64")
    total = scores.sum(axis=1, min_count=len(columns)).where(scores.notna().all(axis=1))
    kategori = [kategori_kematangan(t, config) for t in total]
    out = kelembagaan_pd.assign(
        total=total,
        kategori=kategori,
        minimal_tinggi=[kategori_minimal(k, config) for k in kategori],
    )
    return shaped(out.sort_values(["tahun", "kode_pd"], kind="stable"), "kematangan_pd")


def ringkas_kematangan(kematangan_pd: pd.DataFrame) -> pd.DataFrame:
    """Per year: perangkat daerah with a total, how many are minimal tinggi, and the mean total.

    Returns
    -------
    DataFrame
        ``kematangan_ringkas``: tahun, jumlah_pd, pd_minimal_tinggi, rata_rata.
    """
    return ringkas_per_tahun(
        kematangan_pd,
        "total",
        "minimal_tinggi",
        "pd_minimal_tinggi",
        "kematangan_ringkas",
    )


def peringkat_efektivitas(nilai: object, config: Config) -> tuple[str | None, str | None]:
    """Peringkat (P1–P5) and sebutan of a Nilai Efektivitas Kelembagaan.

    Exclusive lower bounds (``di_atas``): 80,00 is P4 and 80,01 is P5; the last band starts at 0.
    The value is rounded half up to 2 decimals first, as published.
    """
    if is_na(nilai):
        return None, None
    value = round_half_up(nilai)
    for band in config.efektivitas_kelembagaan.peringkat:
        if band.di_atas is None or value > band.di_atas:
            return band.peringkat, band.sebutan
    return None, None


def hitung_efektivitas(kelembagaan_pemda: pd.DataFrame, config: Config) -> pd.DataFrame:
    """Nilai Efektivitas Kelembagaan (NEK) per year, PermenPANRB 20/2018.

    NEK = Σ bobot/100 × nilai over the sub-dimensions; ``nilai_struktur`` and ``nilai_proses``
    are the same sum restricted to each dimension, so NEK = nilai_struktur + nilai_proses. A year
    with a sub-dimension lacking its nilai or bobot has NEK NA.

    Returns
    -------
    DataFrame
        ``efektivitas``: tahun, nilai_struktur, nilai_proses, nilai, peringkat, sebutan.
    """
    if kelembagaan_pemda.empty:
        return empty("efektivitas")
    bobot = pd.to_numeric(kelembagaan_pemda["bobot"], errors="coerce").astype("float64")
    nilai = pd.to_numeric(kelembagaan_pemda["nilai"], errors="coerce").astype("float64")
    parts = pd.DataFrame(
        {
            "tahun": kelembagaan_pemda["tahun"],
            "dimensi": kelembagaan_pemda["dimensi"].astype("string").str.strip().str.casefold(),
            "kontribusi": bobot / 100 * nilai,
        }
    )
    rows = []
    for tahun, year in parts.groupby("tahun", sort=True):
        complete = year["kontribusi"].notna().all()

        def dimension(name: str, year: pd.DataFrame = year, complete: bool = complete) -> float:
            part = year.loc[year["dimensi"] == name, "kontribusi"]
            return float(part.sum()) if complete and len(part) else float("nan")

        total = float(year["kontribusi"].sum()) if complete else float("nan")
        peringkat, sebutan = peringkat_efektivitas(total, config)
        rows.append(
            {
                "tahun": tahun,
                "nilai_struktur": dimension("struktur"),
                "nilai_proses": dimension("proses"),
                "nilai": total,
                "peringkat": peringkat,
                "sebutan": sebutan,
            }
        )
    return shaped(pd.DataFrame(rows), "efektivitas")
