"""The exports the project knows: where each is found in the raw folder, and reading them all."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from lkjip.core.config import Config
from lkjip.ingest.problems import Problem, ReadResult, RowAccounting, empty_quarantine


@dataclass(frozen=True)
class Source:
    """One kind of export: where it is found in the raw folder and which reader owns it."""

    name: str
    patterns: tuple[str, ...]
    reader: str  # module under lkjip.ingest.readers
    description: str
    many: bool = False  # several files allowed (read in parallel)


#: Every export the project knows, in reading order. Files are found by pattern so the
#: office can keep its own dated names (``skm-responden-2025.xlsx``).
SOURCES: tuple[Source, ...] = (
    Source("anggaran", ("realisasi-anggaran*.xlsx",), "anggaran", "Laporan Realisasi Anggaran"),
    Source(
        "skm",
        ("skm-responden*.xlsx", "skm-responden/**/*.xlsx"),
        "skm",
        "Hasil Survei Kepuasan Masyarakat per responden",
        many=True,
    ),
    Source("skm_riwayat", ("skm-riwayat*.xlsx",), "skm_riwayat", "IKM per unit tahun sebelumnya"),
    Source("sakip", ("sakip*.xlsx",), "sakip", "Hasil evaluasi SAKIP perangkat daerah"),
    Source("kelembagaan", ("kelembagaan*.xlsx",), "kelembagaan", "Kematangan dan evaluasi kelembagaan"),
    Source(
        "perjanjian_kinerja",
        ("perjanjian-kinerja*.xlsx",),
        "perjanjian_kinerja",
        "Perjanjian Kinerja dan narasi indikator",
    ),
    Source("pembanding", ("pembanding*.xlsx",), "pembanding", "Angka pembanding Kabupaten/Provinsi"),
)


def discover(raw_dir: Path) -> tuple[dict[str, list[Path]], list[Problem]]:
    """Find each source's files in ``raw_dir``; a missing source is a structural problem.

    Excel's lock files (``~$name.xlsx``) are ignored.
    """
    found: dict[str, list[Path]] = {}
    problems: list[Problem] = []
    if not raw_dir.is_dir():
        return {}, [Problem(str(raw_dir), "folder data mentah tidak ditemukan")]
    for source in SOURCES:
        files = sorted(
            {
                p
                for pattern in source.patterns
                for p in raw_dir.glob(pattern)
                if p.is_file() and not p.name.startswith("~$")
            }
        )
        if not files:
            problems.append(
                Problem(
                    str(raw_dir),
                    f"berkas '{source.description}' tidak ditemukan (pola: {', '.join(source.patterns)})",
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
        return module.read_many(files, config, progress=progress)
    return module.read(files[0], config)


def merge(results: list[ReadResult]) -> ReadResult:
    tables: dict[str, list[pd.DataFrame]] = {}
    for result in results:
        for name, frame in result.tables.items():
            tables.setdefault(name, []).append(frame)
    quarantine = [r.quarantine for r in results if len(r.quarantine)]
    return ReadResult(
        tables={n: pd.concat(f, ignore_index=True) if len(f) > 1 else f[0] for n, f in tables.items()},
        quarantine=pd.concat(quarantine, ignore_index=True) if quarantine else empty_quarantine(),
        accounting=[a for r in results for a in r.accounting],
        notes=[n for r in results for n in r.notes],
    )


def check_accounting(accounting: list[RowAccounting]) -> list[Problem]:
    return [
        Problem(a.berkas, f"akuntansi baris tidak seimbang: {a}", sheet=a.sheet)
        for a in accounting
        if not a.balanced
    ]
