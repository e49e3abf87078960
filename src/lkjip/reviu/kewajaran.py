"""Plausibility checks: values that can be read and computed but are probably typed wrong.

Each check gives a located warning (file, sheet, Excel row, column, the value and why it looks
wrong); the value itself is kept, because the report may still be right (a capaian of 160 % can
be real). The data step writes the warnings to ``data/processed/peringatan.csv``, prints them
in its summary and, under ``--strict``, exits with code 1.

Checks:

- a capaian outside the band ``kewajaran.capaian_min`` .. ``capaian_maks`` of ``laporan.yml``
  (0 and 150 % by default);
- a percent target or realisasi that looks like a fraction (0,964 beside 85,72: "96,4 %" typed
  in a cell formatted as a number);
- a realisasi above its pagu (anggaran) in the budget tables;
- a score the contract allows to be missing ("-", blank) that is missing: the perangkat daerah
  or unit is left out of the averages, which the summary should say;
- a year missing between the first year found and the report year (a deleted sheet).

A respondent file for a year the office's IKM recap already reports is not a warning but a
structural problem (:func:`lkjip.ingest.sources.check_years_reported`): the report could not
be right with it.
"""

from __future__ import annotations

import pandas as pd

from lkjip.core import fmt
from lkjip.core.config import Config
from lkjip.core.na import is_na
from lkjip.ingest.problems import ColumnPlaces, Problem, column_place

#: Score columns that may be missing by contract, per clean table: (column, what it is).
MISSING_SCORES = {
    "sakip_pd": [("nilai", "nilai SAKIP")],
    "skm_unit_riwayat": [("ikm", "nilai IKM")],
}


def _warning(
    row, kolom: str | list[str], places: ColumnPlaces | None, pesan: str, nilai: object = None
) -> Problem:
    """A warning located at ``row``'s cell: its file, sheet, Excel row and the Excel column of
    each contract column in ``kolom`` (``"P (Target 2025)"``), as the readers' messages name it."""
    berkas = str(row.berkas)
    sheet = None if is_na(row.sheet) else str(row.sheet)
    tahun = getattr(row, "tahun", None)
    names = [kolom] if isinstance(kolom, str) else kolom
    return Problem(
        berkas,
        pesan,
        sheet,
        None if is_na(row.baris) else int(row.baris),
        ", ".join(column_place(places or {}, berkas, sheet, k, tahun) for k in names),
        nilai,
    )


def _angka(value: object) -> str:
    return fmt.angka(value, 2)


def capaian_di_luar_rentang(
    capaian: pd.DataFrame, config: Config, places: ColumnPlaces | None = None
) -> list[Problem]:
    """A capaian below ``capaian_min`` or above ``capaian_maks`` (percent), located at the
    target and realisasi cells it is computed from."""
    low, high = config.kewajaran.capaian_min, config.kewajaran.capaian_maks
    out = []
    for row in capaian.itertuples(index=False):
        if is_na(row.capaian) or low <= row.capaian <= high:
            continue
        out.append(
            _warning(
                row,
                ["target", "realisasi"],
                places,
                f"capaian {row.kode_indikator} tahun {row.tahun} = {_angka(row.capaian)} % di luar "
                f"rentang wajar {_angka(low)}–{_angka(high)} % (target {_angka(row.target)}, realisasi "
                f"{_angka(row.realisasi)}); periksa target/realisasi atau ubah kewajaran di laporan.yml",
                round(float(row.capaian), 2),
            )
        )
    return out


def _is_percent(satuan: object) -> bool:
    return not is_na(satuan) and ("%" in str(satuan) or "persen" in str(satuan).lower())


def persen_seperti_pecahan(
    perjanjian_kinerja: pd.DataFrame, places: ColumnPlaces | None = None
) -> list[Problem]:
    """A percent target or realisasi between 0 and 1 while the other is above 1."""
    out = []
    for row in perjanjian_kinerja.itertuples(index=False):
        if not _is_percent(row.satuan):
            continue
        pair = {"target": row.target, "realisasi": row.realisasi}
        for kolom, value in pair.items():
            other = pair["realisasi" if kolom == "target" else "target"]
            if is_na(value) or is_na(other) or not (0 < value <= 1 < other):
                continue
            out.append(
                _warning(
                    row,
                    kolom,
                    places,
                    f"{kolom} {row.kode_indikator} tahun {row.tahun} = {fmt.angka_ringkas(value)} tampak "
                    f"seperti pecahan, padahal satuannya persen ({_angka(other)} di sebelahnya): "
                    f"mungkin {fmt.angka_ringkas(value * 100, 2)} %?",
                    value,
                )
            )
    return out


def realisasi_di_atas_pagu(
    tables: dict[str, pd.DataFrame], places: ColumnPlaces | None = None
) -> list[Problem]:
    """A realisasi larger than its anggaran (pagu), per sub-kegiatan and per year of the rekap."""
    out = []
    for name in ("anggaran", "anggaran_riwayat"):
        frame = tables.get(name)
        if frame is None or frame.empty:
            continue
        for row in frame.itertuples(index=False):
            if is_na(row.anggaran) or is_na(row.realisasi) or row.realisasi <= row.anggaran:
                continue
            what = f"sub kegiatan {row.kode}" if name == "anggaran" else f"tahun {row.tahun}"
            out.append(
                _warning(
                    row,
                    "realisasi",
                    places,
                    f"realisasi {what} ({fmt.bilangan(row.realisasi)}) melebihi pagu anggaran "
                    f"({fmt.bilangan(row.anggaran)}): {_angka(row.realisasi / row.anggaran * 100)} %",
                    row.realisasi,
                )
            )
    return out


def nilai_kosong(tables: dict[str, pd.DataFrame], places: ColumnPlaces | None = None) -> list[Problem]:
    """Scores that are missing ("-", blank): the entity is left out of the averages."""
    out = []
    for name, columns in MISSING_SCORES.items():
        frame = tables.get(name)
        if frame is None or frame.empty:
            continue
        for kolom, what in columns:
            for row in frame[frame[kolom].isna()].itertuples(index=False):
                out.append(
                    _warning(
                        row,
                        kolom,
                        places,
                        f"{what} kosong: tidak ikut dihitung dalam rata-rata dan jumlah {row.tahun}",
                    )
                )
    frame = tables.get("kelembagaan_pd")
    if frame is not None and not frame.empty:
        variables = [c for c in frame.columns if c.startswith("V") and c[1:].isdigit()]
        for row in frame.itertuples(index=False):
            missing = [v for v in variables if is_na(getattr(row, v))]
            if missing:
                out.append(
                    _warning(
                        row,
                        missing,
                        places,
                        f"variabel kematangan {', '.join(missing)} kosong: total kematangan "
                        f"{row.kode_pd} tahun {row.tahun} tidak dapat dihitung",
                    )
                )
    return out


#: Yearly tables and what a year of them is, for the missing-year warning.
YEARLY = {
    "sakip_pd": "nilai SAKIP",
    "kelembagaan_pd": "tingkat kematangan",
    "skm": "IKM",
}


def _years(frame: pd.DataFrame | None) -> set[int]:
    if frame is None or frame.empty or "tahun" not in frame.columns:
        return set()
    return {int(t) for t in frame["tahun"].dropna().unique()}


def tahun_hilang(clean: dict[str, pd.DataFrame], config: Config) -> list[Problem]:
    """A year missing between the first year found and the report year (a sheet deleted).

    The years from ``tren_mulai`` on are printed in the trends; a year whose sheet is gone
    would show N/A (or a typed value) without a word.
    """
    out = []
    for name, what in YEARLY.items():
        names = ["skm_unit_riwayat", "skm_responden"] if name == "skm" else [name]
        frames = [f for f in (clean.get(n) for n in names) if f is not None and not f.empty]
        present = set().union(*(_years(f) for f in frames))
        files = sorted({str(b) for f in frames for b in f["berkas"].unique()})
        if not present:
            continue
        first = max(min(present), config.tren_mulai)
        for tahun in range(first, config.tahun + 1):
            if tahun not in present:
                out.append(
                    Problem(
                        ", ".join(files) or name,
                        f"tidak ada data {what} tahun {tahun} (sheet tahun itu tidak ada), padahal tahun "
                        f"lain ada ({', '.join(str(t) for t in sorted(present))}); angka {tahun} akan tampil "
                        "N/A atau memakai angka ketik",
                    )
                )
    return out


def check_kewajaran(
    clean: dict[str, pd.DataFrame],
    computed: dict[str, pd.DataFrame],
    config: Config,
    places: ColumnPlaces | None = None,
) -> list[Problem]:
    """Every plausibility warning of the clean and computed tables, in a stable order.

    Parameters
    ----------
    clean, computed : dict of DataFrame
        The clean tables of the readers and the tables of the indicator engine.
    config : Config
        Gives the capaian band (``kewajaran``).
    places : dict, optional
        Where the readers found each column (:data:`lkjip.ingest.problems.ColumnPlaces`,
        ``ReadResult.kolom``), so that a warning names the Excel column; the contract column
        name otherwise.

    Returns
    -------
    list of Problem
        Located warnings; empty for the default data.
    """
    found = [
        *persen_seperti_pecahan(clean.get("perjanjian_kinerja", pd.DataFrame()), places),
        *capaian_di_luar_rentang(computed.get("capaian", pd.DataFrame()), config, places),
        *realisasi_di_atas_pagu(clean, places),
        *nilai_kosong(clean, places),
        *tahun_hilang(clean, config),
    ]
    return found
