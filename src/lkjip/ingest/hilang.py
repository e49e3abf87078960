"""No source vanishes in silence: a source that gives no figure stops the step; a figure that falls
back to a typed value because its source gave none is a located warning.

Two ways a report could quietly lose a source, both found here:

- a source is declared or present, its files are read, and not one kept row carries a usable
  figure (every respondent quarantined, a budget export whose only line has "-" amounts): the
  report would be built without it, or a later step would fail on the empty table. That is
  structural (exit code 2), with the reasons its rows were rejected;
- an indicator of the Perjanjian Kinerja whose realisation is computed from a source
  (``sumber_realisasi``) gets, for a year, no figure from it (its sheet was deleted, its rows
  were quarantined) and falls back to the value typed in the agreement: a located warning at the
  agreement's row, shown in the data step's summary, by ``python -m lkjip reviu`` and in the
  book's reviu section.
"""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd

from lkjip.ingest.problems import Problem

#: Per source: its clean tables and what makes one of their rows a usable figure.
ISI: dict[str, tuple[tuple[str, Callable[[pd.DataFrame], pd.Series]], ...]] = {
    "anggaran": (("anggaran", lambda f: f["anggaran"].notna()),),
    "skm": (("skm_responden", lambda f: f.filter(regex=r"^U\d$").notna().any(axis=1)),),
    "skm_riwayat": (("skm_unit_riwayat", lambda f: f["ikm"].notna()),),
    "sakip": (("sakip_pd", lambda f: f["nilai"].notna()),),
    "kelembagaan": (
        ("kelembagaan_pd", lambda f: pd.Series(True, index=f.index)),
        ("kelembagaan_pemda", lambda f: f["nilai"].notna()),
    ),
    "perjanjian_kinerja": (("perjanjian_kinerja", lambda f: pd.Series(True, index=f.index)),),
    "pembanding": (("pembanding", lambda f: f["nilai"].notna()),),
}

#: What each source is, in the office's words, for the message.
NAMA = {
    "anggaran": "realisasi anggaran",
    "skm": "responden SKM",
    "skm_riwayat": "rekap IKM per unit",
    "sakip": "nilai SAKIP perangkat daerah",
    "kelembagaan": "evaluasi kelembagaan",
    "perjanjian_kinerja": "Perjanjian Kinerja",
    "pembanding": "angka pembanding",
}


def sumber_tanpa_angka(
    tables: dict[str, pd.DataFrame], files: dict[str, list], quarantine: pd.DataFrame
) -> list[Problem]:
    """One structural problem per source that was read but gave no row with a usable figure.

    Parameters
    ----------
    tables : dict of DataFrame
        The clean tables after reading.
    files : dict
        Source name -> the files read (only the sources read are checked).
    quarantine : DataFrame
        The quarantine, whose reasons for the source's files the message quotes.

    Examples
    --------
    >>> kosong = pd.DataFrame({"anggaran": [float("nan")], "berkas": ["a.xlsx"]})
    >>> [p] = sumber_tanpa_angka({"anggaran": kosong}, {"anggaran": ["a.xlsx"]}, pd.DataFrame())
    >>> p.pesan.split(";")[0]
    "sumber 'anggaran' (realisasi anggaran) terbaca tetapi tidak memberi satu baris pun yang berisi angka"
    """
    problems = []
    for sumber, checks in ISI.items():
        read = files.get(sumber)
        if not read:
            continue
        usable = 0
        for table, check in checks:
            frame = tables.get(table)
            if frame is not None and len(frame):
                usable += int(check(frame).sum())
        if usable:
            continue
        names = [getattr(f, "name", str(f)) for f in read]
        mine = quarantine[quarantine["berkas"].isin(names)] if "berkas" in quarantine else quarantine.iloc[:0]
        reasons = "; ".join(
            f"{r.berkas} sheet '{r.sheet}' baris {r.baris}: {r.alasan}" for r in mine.head(3).itertuples()
        )
        why = (
            f"{len(mine)} baris dikarantina, mis. {reasons}"
            if len(mine)
            else "tidak ada baris data, atau setiap angkanya kosong ('-')"
        )
        problems.append(
            Problem(
                ", ".join(names),
                f"sumber '{sumber}' ({NAMA[sumber]}) terbaca tetapi tidak memberi satu baris pun yang berisi "
                f"angka; {why}. Laporan tidak dibuat tanpa sumber ini: perbaiki ekspornya, atau hapus "
                "berkasnya (dan namanya dari `sumber` di laporan.yml) bila kantor memang tidak melaporkannya",
            )
        )
    return problems


def jatuh_ke_ketikan(rows: pd.DataFrame) -> pd.Series:
    """True where a realisation that should be computed from a source (``sumber_realisasi``) is the
    typed value instead (``asal_realisasi == "ketik"``): its source gave nothing for the year.

    Examples
    --------
    >>> rows = pd.DataFrame({"sumber_realisasi": ["ikm_pemda", "ikm_pemda", "manual"],
    ...                      "asal_realisasi": ["ketik", "hitung", "ketik"]})
    >>> jatuh_ke_ketikan(rows).tolist()
    [True, False, False]
    """
    if not {"sumber_realisasi", "asal_realisasi"} <= set(rows.columns):
        return pd.Series(False, index=rows.index)
    return (rows["sumber_realisasi"] != "manual") & (rows["asal_realisasi"] == "ketik")


def realisasi_jatuh_ke_ketikan(capaian: pd.DataFrame) -> list[Problem]:
    """A located warning per indicator and year computed from a source that gave no figure.

    ``capaian`` is the engine's table: its ``asal_realisasi`` says ``ketik`` where the typed
    value stands in for a figure the source (``sumber_realisasi``) should have given.

    Examples
    --------
    >>> capaian = pd.DataFrame({"kode_indikator": ["PK-1", "PK-2"], "tahun": [2024, 2024],
    ...     "sumber_realisasi": ["ikm_pemda", "manual"], "asal_realisasi": ["ketik", "ketik"],
    ...     "dokumen": ["PK"] * 2, "berkas": ["pk.xlsx"] * 2, "sheet": ["PK"] * 2, "baris": [9, 10]})
    >>> [w] = realisasi_jatuh_ke_ketikan(capaian)
    >>> w.baris, w.pesan.split(":")[0]
    (9, 'realisasi PK-1 tahun 2024 memakai angka yang diketik di Perjanjian Kinerja')
    """
    if capaian.empty or "asal_realisasi" not in capaian:
        return []
    fallen = capaian[jatuh_ke_ketikan(capaian)]
    return [
        Problem(
            str(row.berkas),
            f"realisasi {row.kode_indikator} tahun {int(row.tahun)} memakai angka yang diketik di "
            f"Perjanjian Kinerja: sumbernya ({row.sumber_realisasi}) tidak memberi angka tahun itu (sheet "
            "atau berkasnya hilang, atau barisnya dikarantina); angka laporan ini tidak dihitung dari data",
            sheet=str(row.sheet),
            baris=int(row.baris),
            nilai=row.sumber_realisasi,
        )
        for row in fallen.itertuples(index=False)
    ]
