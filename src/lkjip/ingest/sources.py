"""The exports the project knows: where each is found in the raw folder, and reading them all."""

from __future__ import annotations

import importlib
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

import pandas as pd

from lkjip.core.config import SUMBER, Config
from lkjip.ingest.cells import SheetCells, damage_problems, error_text, scan_workbook
from lkjip.ingest.problems import (
    Problem,
    ReadResult,
    StructuralError,
    add_to_quarantine,
    concat_quarantine,
)
from lkjip.ingest.readers._base import column_label, uncached_problems


@dataclass(frozen=True)
class Source:
    """One kind of export: where it is found in the raw folder and which reader owns it."""

    name: str
    patterns: tuple[str, ...]
    reader: str  # module under lkjip.ingest.readers
    description: str
    many: bool = False  # several files allowed (read in parallel)
    #: The reader itself locates error cells, uncached formulas and merged ranges cell by
    #: cell (the fast SKM reader); otherwise :func:`check_unreadable` does it for the rows kept.
    own_cell_checks: bool = False


#: Every export the project knows, in reading order. Files are found by pattern so the
#: office can keep its own dated names (``skm-responden-2025.xlsx``).
SOURCES: tuple[Source, ...] = (
    Source(
        "anggaran",
        tuple(f"realisasi-anggaran*.{ext}" for ext in ("xlsx", "xls", "ods", "html", "htm")),
        "anggaran",
        "Laporan Realisasi Anggaran",
        many=True,  # the SIPD export and, optionally, the office's own tables in a file beside it
    ),
    Source(
        "skm",
        ("skm-responden*.xlsx", "skm-responden/**/*.xlsx", "skm-responden*.xls", "skm-responden*.ods"),
        "skm",
        "Hasil Survei Kepuasan Masyarakat per responden",
        many=True,
        own_cell_checks=True,
    ),
    Source("skm_riwayat", ("skm-riwayat*.xlsx",), "skm_riwayat", "IKM per unit tahun sebelumnya"),
    Source(
        "sakip",
        ("sakip*.xlsx",),
        "sakip",
        "Hasil evaluasi SAKIP perangkat daerah",
        many=True,  # the recap and/or one evaluation worksheet per perangkat daerah
    ),
    Source("kelembagaan", ("kelembagaan*.xlsx",), "kelembagaan", "Kematangan dan evaluasi kelembagaan"),
    Source(
        "perjanjian_kinerja",
        tuple(f"perjanjian-kinerja*.{ext}" for ext in ("xlsx", "xls", "ods", "html", "htm")),
        "perjanjian_kinerja",
        "Perjanjian Kinerja dan narasi indikator",
        many=True,  # the office's workbook and, optionally, the documents e-SAKIP prints, one a year
    ),
    Source("pembanding", ("pembanding*.xlsx",), "pembanding", "Angka pembanding Kabupaten/Provinsi"),
)


#: The one export every report needs, declared or not.
REQUIRED = "perjanjian_kinerja"

assert tuple(s.name for s in SOURCES) == SUMBER, "lkjip.core.config.SUMBER must name SOURCES"


def source_files(source: Source, raw_dir: Path) -> list[Path]:
    """The files of ``source`` in ``raw_dir``, sorted; Excel's lock files (``~$``) left out."""
    return sorted(
        {
            p
            for pattern in source.patterns
            for p in raw_dir.glob(pattern)
            if p.is_file() and not p.name.startswith("~$")
        }
    )


def discover(
    raw_dir: Path, declared: list[str] | None = None
) -> tuple[dict[str, list[Path]], list[Problem]]:
    """Find each source's files in ``raw_dir``.

    A source the office declares (``laporan.yml``'s ``sumber``) and the Perjanjian Kinerja
    are required: missing, they are a structural problem naming them. Any other source that
    is missing is absent (not in the result): the office does not report it. With
    ``declared`` given, a source not declared is not read even when its file is there.
    Excel's lock files (``~$name.xlsx``) are ignored.
    """
    found: dict[str, list[Path]] = {}
    problems: list[Problem] = []
    if not raw_dir.is_dir():
        return {}, [Problem(str(raw_dir), "folder data mentah tidak ditemukan")]
    for source in SOURCES:
        if declared is not None and source.name not in declared:
            continue
        files = source_files(source, raw_dir)
        if not files:
            if declared is None and source.name != REQUIRED:
                continue
            why = "dinyatakan di laporan.yml (sumber)" if declared is not None else "wajib ada"
            problems.append(
                Problem(
                    str(raw_dir),
                    f"berkas '{source.description}' (sumber '{source.name}', {why}) tidak "
                    f"ditemukan (pola: {', '.join(source.patterns)})",
                )
            )
        elif len(files) > 1 and not source.many:
            problems.append(
                Problem(
                    str(raw_dir),
                    f"lebih dari satu berkas untuk '{source.description}': {[f.name for f in files]};"
                    " sisakan satu",
                )
            )
        found[source.name] = files
    return found, problems


def read_source(
    source: Source, files: list[Path], config: Config, progress: Callable[[str], None]
) -> ReadResult:
    module = importlib.import_module(f"lkjip.ingest.readers.{source.reader}")
    if source.many:
        result = module.read_many(files, config, progress=progress)
    else:
        result = module.read(files[0], config)
    if not source.own_cell_checks:
        for path in files:
            result = check_unreadable(result, path)
    return result


def check_unreadable(result: ReadResult, path: Path) -> ReadResult:
    """The shared rule over a reader's result: no unreadable cell becomes a silent blank.

    A formula without a cached value in a sheet the reader used is structural (the file was
    saved by a program that does not calculate); an error cell (``#N/A``, ``#DIV/0!``) in a
    row the reader kept sends that row to quarantine, located and explained, whatever the
    reader made of it (``#N/A`` would otherwise read as a missing value); an error cell in a
    row that was not kept (a printed total, a title) is a located warning.

    Parameters
    ----------
    result : ReadResult
        What the reader returned for ``path``.
    path : Path
        The workbook read.

    Returns
    -------
    ReadResult
        ``result`` with the affected rows moved from its tables to its quarantine and the
        row accounting of their sheets updated.

    Raises
    ------
    StructuralError
        Naming every formula without a cached value.
    """
    berkas = path.name
    sheets = [a.sheet for a in result.accounting if a.berkas == berkas]
    if not zipfile.is_zipfile(path):
        return result  # .xls and HTML hold no formulas to scan; calamine read their values
    try:
        scanned = scan_workbook(path, sheets)
    except (OSError, KeyError, ValueError):
        return result  # the reader opened it; a part we cannot scan is not a reason to fail
    uncached = uncached_problems(path, [s for s in sheets if s in scanned])
    if uncached:
        raise StructuralError(uncached)
    if not any(cells.errors for cells in scanned.values()):
        return result
    kept: dict[str, set[int]] = {}
    for frame in result.tables.values():
        if {"berkas", "sheet", "baris"} <= set(frame.columns):
            mine = frame[frame["berkas"] == berkas]
            for sheet, baris in zip(mine["sheet"], mine["baris"], strict=True):
                kept.setdefault(str(sheet), set()).add(int(baris))
    q = result.quarantine
    already = {
        (str(s), int(b))
        for s, b, f in zip(q["sheet"], q["baris"], q["berkas"], strict=True)
        if f == berkas and not pd.isna(b)
    }
    problems: list[Problem] = []
    warnings = list(result.warnings)
    quarantine = _name_errors_in_quarantine(result.quarantine, berkas, scanned)
    for sheet, cells in scanned.items():
        rows = kept.get(sheet, set())
        errors_only = SheetCells(errors=cells.errors)
        problems += damage_problems(
            berkas, sheet, errors_only, rows - {b for s, b in already if s == sheet}, expected="nilai"
        )
        elsewhere = sorted(
            (row, col0, value)
            for (row, col0), value in cells.errors.items()
            if row not in rows and (sheet, row) not in already
        )
        warnings += [
            Problem(
                berkas,
                f"sel berisi {error_text(value)} di luar baris data (judul/jumlah/catatan); angka "
                "tercetak ini tidak dapat diperiksa",
                sheet,
                row,
                column_label(col0),
                value,
            )
            for row, col0, value in elsewhere
        ]
    if not problems:
        return replace(result, quarantine=quarantine, warnings=warnings)
    bad = {(p.sheet, p.baris) for p in problems}
    tables = {}
    for name, frame in result.tables.items():
        if {"berkas", "sheet", "baris"} <= set(frame.columns):
            hit = [
                f == berkas and (str(s), int(b)) in bad
                for f, s, b in zip(frame["berkas"], frame["sheet"], frame["baris"], strict=True)
            ]
            frame = frame[[not h for h in hit]].reset_index(drop=True)
        tables[name] = frame
    for accounting in result.accounting:
        if accounting.berkas == berkas:
            moved = sum(1 for s, _ in bad if s == accounting.sheet)
            accounting.disimpan -= moved
            accounting.dikarantina += moved
    quarantine = add_to_quarantine(quarantine, problems)
    return replace(result, tables=tables, quarantine=quarantine, warnings=warnings)


def _name_errors_in_quarantine(
    quarantine: pd.DataFrame, berkas: str, scanned: dict[str, SheetCells]
) -> pd.DataFrame:
    """Add the error cells of rows the reader quarantined already to their reason.

    A reader that sees an error cell as blank says "kosong"; the reason then also names the
    error value, so that the office knows to fix the formula rather than type a value.
    """
    if quarantine.empty:
        return quarantine
    out = quarantine.copy()
    for i, (f, sheet, baris) in enumerate(zip(out["berkas"], out["sheet"], out["baris"], strict=True)):
        if f != berkas or pd.isna(baris) or str(sheet) not in scanned:
            continue
        found = [
            f"sel {column_label(col0)}{int(baris)} berisi {error_text(value)}"
            for (row, col0), value in sorted(scanned[str(sheet)].errors.items())
            if row == int(baris)
        ]
        if found:
            out.iloc[i, out.columns.get_loc("alasan")] = f"{out.iloc[i]['alasan']}; {'; '.join(found)}"
    return out


def merge(results: list[ReadResult]) -> ReadResult:
    tables: dict[str, list[pd.DataFrame]] = {}
    for result in results:
        for name, frame in result.tables.items():
            tables.setdefault(name, []).append(frame)
    return ReadResult(
        tables={n: pd.concat(f, ignore_index=True) if len(f) > 1 else f[0] for n, f in tables.items()},
        quarantine=concat_quarantine(r.quarantine for r in results),
        accounting=[a for r in results for a in r.accounting],
        notes=[n for r in results for n in r.notes],
        warnings=[w for r in results for w in r.warnings],
        kolom={k: v for r in results for k, v in r.kolom.items()},
        kode_dari_nama={b for r in results for b in r.kode_dari_nama},
        kode_pd_dari_nama={b for r in results for b in r.kode_pd_dari_nama},
    )


def check_years_reported(tables: dict[str, pd.DataFrame]) -> list[Problem]:
    """A respondent file for a year the office's IKM recap (``skm-riwayat``) already reports.

    The IKM of a year with respondents is computed from them, so a stray
    ``skm-responden-2024.xlsx`` left in the folder would replace the IKM 2024 the office
    reported (and printed in earlier reports) without a word. Structural: the office says which
    figure is meant by removing the file, or that year's sheet from the recap.

    Returns
    -------
    list of Problem
        One per respondent file and year, located at its sheet, naming the recap's sheet.
    """
    responden, riwayat = tables.get("skm_responden"), tables.get("skm_unit_riwayat")
    if responden is None or riwayat is None or responden.empty or riwayat.empty:
        return []
    recap = riwayat.groupby("tahun", sort=True)[["berkas", "sheet"]].first()
    both = responden[responden["tahun"].isin(recap.index)]
    problems = []
    for (tahun, berkas, sheet), _ in both.groupby(["tahun", "berkas", "sheet"], sort=True):
        where = recap.loc[tahun]
        problems.append(
            Problem(
                str(berkas),
                f"berkas responden tahun {tahun}, padahal IKM {tahun} sudah dilaporkan di rekap "
                f"{where['berkas']} sheet '{where['sheet']}': IKM yang dihitung dari responden akan "
                f"menggantikan angka rekap itu. Hapus berkas responden ini bila tidak dimaksud, atau "
                f"sheet '{where['sheet']}' dari rekap bila angka responden yang benar",
                sheet=str(sheet),
            )
        )
    return problems

