"""Kelembagaan: tingkat kematangan of each perangkat daerah and the Pemda's Nilai Efektivitas Kelembagaan."""

from __future__ import annotations

import pandas as pd

from lkjip.core.bands import at_or_above
from lkjip.core.config import Config
from lkjip.core.na import is_na
from lkjip.core.rounding import round_half_up
from lkjip.indicators._ringkas import ringkas_per_tahun
from lkjip.katalog.hasil import empty, shaped


def variabel_kematangan(config: Config) -> list[str]:
    """Column names of the kematangan variables: ``V01`` .. ``V11`` for 11 variables.

    Examples
    --------
    >>> from lkjip.core.config import load_config
    >>> kolom = variabel_kematangan(load_config())
    >>> len(kolom), kolom[0], kolom[-1]
    (11, 'V01', 'V11')
    """
    return [f"V{i:02d}" for i in range(1, config.kematangan.jumlah_variabel + 1)]


def kategori_kematangan(total: object, config: Config) -> str | None:
    """Kategori of a kematangan total; lower bounds inclusive (37,0 is Sedang, 37,1 is Tinggi).

    The total is rounded half up to 2 decimals first: a sum of floats such as 3,1 + … may land
    on 37,099999… and must still count as 37,1.

    Examples
    --------
    >>> from lkjip.core.config import load_config
    >>> config = load_config()
    >>> [kategori_kematangan(t, config) for t in (37.0, 37.1, 46.1, 19.0)]
    ['Sedang', 'Tinggi', 'Sangat Tinggi', 'Sangat Rendah']
    >>> kategori_kematangan(37.099999999, config), kategori_kematangan(10, config)
    ('Tinggi', None)
    """
    if is_na(total):
        return None
    value = round_half_up(total)
    for band in config.kematangan.kategori:  # highest band first (validated in Config)
        if value >= band.batas_bawah:
            return band.kategori
    return None


def kategori_minimal(kategori: object, config: Config) -> bool:
    """True when ``kategori`` is ``config.kematangan.minimal`` (Tinggi) or higher.

    Examples
    --------
    >>> from lkjip.core.config import load_config
    >>> config = load_config()
    >>> [kategori_minimal(k, config) for k in ("Sangat Tinggi", "Tinggi", "Sedang", None)]
    [True, True, False, False]
    """
    return at_or_above(kategori, [k.kategori for k in config.kematangan.kategori], config.kematangan.minimal)


def compute_kematangan(kelembagaan_pd: pd.DataFrame, config: Config) -> pd.DataFrame:
    """Total of V01.. (``kematangan.jumlah_variabel`` variables), kategori and ``minimal_tinggi`` per PD.

    A row with any variable missing has no total (NA) and no kategori: a partial sum would
    understate its level.

    Returns
    -------
    DataFrame
        ``kematangan_pd``: tahun, kode_pd, perangkat_daerah, total, kategori, minimal_tinggi.

    Examples
    --------
    >>> import pandas as pd
    >>> from lkjip.core.config import load_config
    >>> skor = {f"V{i:02d}": [4, 3, 5] for i in range(1, 12)} | {"V01": [4, 3, None]}
    >>> pd_skor = pd.DataFrame({"tahun": [2025] * 3, "kode_pd": ["PD-01", "PD-02", "PD-03"], **skor})
    >>> hasil = compute_kematangan(pd_skor, load_config())
    >>> print(hasil[["kode_pd", "total", "kategori", "minimal_tinggi"]].to_string(index=False))
    kode_pd  total kategori  minimal_tinggi
      PD-01   44.0   Tinggi            True
      PD-02   33.0   Sedang           False
      PD-03    NaN     <NA>           False
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

    Examples
    --------
    >>> import pandas as pd
    >>> hasil = pd.DataFrame({"tahun": [2024, 2025, 2025, 2025], "total": [47.0, 44.0, 33.0, None],
    ...                       "minimal_tinggi": [True, True, False, False]})
    >>> print(ringkas_kematangan(hasil).to_string(index=False))
     tahun  jumlah_pd  pd_minimal_tinggi  rata_rata
      2024          1                  1       47.0
      2025          2                  1       38.5
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

    Examples
    --------
    >>> from lkjip.core.config import load_config
    >>> config = load_config()
    >>> peringkat_efektivitas(95.9, config)
    ('P5', 'Sangat Efektif')
    >>> [peringkat_efektivitas(v, config)[0] for v in (80.0, 80.004, 80.01, 20.0, 0)]
    ['P4', 'P4', 'P5', 'P1', 'P1']
    """
    if is_na(nilai):
        return None, None
    value = round_half_up(nilai)
    for band in config.efektivitas_kelembagaan.peringkat:
        if band.di_atas is None or value > band.di_atas:
            return band.peringkat, band.sebutan
    return None, None


def compute_efektivitas(kelembagaan_pemda: pd.DataFrame, config: Config) -> pd.DataFrame:
    """Nilai Efektivitas Kelembagaan (NEK) per year, PermenPANRB 20/2018.

    NEK = Σ bobot/100 × nilai over the sub-dimensions; ``nilai_struktur`` and ``nilai_proses``
    are the same sum restricted to each dimension, so NEK = nilai_struktur + nilai_proses. A year
    with a sub-dimension lacking its nilai or bobot has NEK NA.

    Returns
    -------
    DataFrame
        ``efektivitas``: tahun, nilai_struktur, nilai_proses, nilai, peringkat, sebutan.

    Examples
    --------
    >>> import pandas as pd
    >>> from lkjip.core.config import load_config
    >>> sub = pd.DataFrame({"tahun": [2024, 2024, 2025, 2025], "dimensi": ["Struktur", "Proses"] * 2,
    ...                     "bobot": [50, 50, 50, 50], "nilai": [100, None, 100, 91.8]})
    >>> hasil = compute_efektivitas(sub, load_config())
    >>> print(hasil[["tahun", "nilai_struktur", "nilai_proses", "nilai", "peringkat"]].to_string(index=False))
     tahun  nilai_struktur  nilai_proses  nilai peringkat
      2024             NaN           NaN    NaN      <NA>
      2025            50.0          45.9   95.9        P5
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
