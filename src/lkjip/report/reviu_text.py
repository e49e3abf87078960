"""Printing the reviu findings as a readable table for ``python -m lkjip reviu``."""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from pathlib import Path

from lkjip.core import fmt
from lkjip.core.na import is_na
from lkjip.ingest.store import read_table


def _shown(value: object) -> str:
    if is_na(value):
        return "-"
    if isinstance(value, float):
        return fmt.angka_ringkas(value, 4)
    return str(value)


def print_reviu(processed_dir: Path, say: Callable[[str], None]) -> int:
    """Print every finding of ``reviu`` in ``processed_dir``; return how many there are."""
    findings = read_table("reviu", processed_dir)
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
