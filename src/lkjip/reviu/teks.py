"""The reviu as text: printed for ``python -m lkjip reviu`` and the build's reviu step (the
findings, printed figures that differ from the computed ones, and the data step's located
warnings); the book's reviu section writes the same warnings as Markdown
(:func:`lkjip.report.narasi.peringatan_markdown`)."""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from pathlib import Path

import pandas as pd

from lkjip.core import fmt
from lkjip.core.na import is_na
from lkjip.ingest.problems import WARNING_COLUMNS, WARNINGS_CSV
from lkjip.katalog.dataset import load


def _shown(value: object) -> str:
    if is_na(value):
        return "-"
    if isinstance(value, float):
        return fmt.angka_ringkas(value, 4)
    return str(value)


def print_reviu(processed_dir: Path, say: Callable[[str], None]) -> int:
    """Print every finding of ``reviu`` in ``processed_dir``, then every located warning of the
    data step (:func:`print_peringatan`); return how many findings and warnings there are."""
    return _print_findings(processed_dir, say) + print_peringatan(processed_dir, say)


def read_peringatan(processed_dir: Path) -> pd.DataFrame:
    """The data step's located warnings (``peringatan.csv``) as text; empty when there are none."""
    path = processed_dir / WARNINGS_CSV
    if not path.exists():
        return pd.DataFrame(columns=WARNING_COLUMNS, dtype=str)
    return pd.read_csv(path, encoding="utf-8-sig", dtype=str, keep_default_na=False)


def lokasi(row) -> str:
    """``"sakip.xlsx, sheet 'SAKIP 2025', baris 8, kolom D (Nilai)"``: where a warning points."""
    return ", ".join(
        part
        for part in (
            row.berkas,
            f"sheet '{row.sheet}'" if row.sheet else "",
            f"baris {row.baris}" if row.baris else "",
            f"kolom {row.kolom}" if row.kolom else "",
        )
        if part
    )


def print_peringatan(processed_dir: Path, say: Callable[[str], None]) -> int:
    """Print each located warning (file, sheet, Excel row, column: message); return how many."""
    rows = read_peringatan(processed_dir)
    if rows.empty:
        say("Peringatan langkah data: tidak ada.")
        return 0
    say(f"\nPeringatan langkah data ({len(rows)}; nilai dipakai, tetapi perlu diperiksa):")
    for row in rows.itertuples(index=False):
        shown = f" [nilai: {row.nilai}]" if row.nilai else ""
        say(f"  {lokasi(row)}: {row.pesan}{shown}")
    return len(rows)


def _print_findings(processed_dir: Path, say: Callable[[str], None]) -> int:
    findings = load("reviu", processed_dir)
    if findings.empty:
        say("Reviu: tidak ada temuan. Semua angka tercetak/diketik sesuai dengan hasil hitung.")
        return 0
    say(f"Reviu: {len(findings)} temuan (angka tercetak/diketik berbeda dari hasil hitung)\n")
    for i, row in enumerate(findings.itertuples(index=False), start=1):
        where = f"{row.berkas}, sheet '{row.sheet}', baris {_shown(row.baris)}, kolom {row.kolom}"
        say(f"{i}. [{row.jenis}] {where}")
        say(
            f"   tercetak: {_shown(row.nilai_tercetak)}   hitung: {_shown(row.nilai_hitung)}"
            f"   selisih: {_shown(row.selisih)}   toleransi: {_shown(row.toleransi)}"
        )
        for line in textwrap.wrap(str(row.penjelasan), width=96):
            say(f"   {line}")
    return len(findings)
