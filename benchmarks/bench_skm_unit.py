"""Benchmark of ``python -m lkjip skm-unit``: every unit's publications against one cold build of the book.

Usage (from anywhere; the copy of the project goes to ``benchmarks/_work/skm-unit/``, which git
ignores)::

    python benchmarks/bench_skm_unit.py

On a fresh copy of the project's inputs (``LKJIP_ROOT`` pointing at it), in this one process:

(a) cold ``python -m lkjip build``: data step, reviu, every notebook, figures, Excel annex and
    ``quarto render`` of the book in three formats (``publikasi.skm_unit`` off, as in the
    default ``laporan.yml``, so the build does not include the units' publications);
(b) ``python -m lkjip skm-unit`` on the same copy: for every unit with respondents (57 in the
    default data) its Laporan Hasil SKM (PDF), two infographics (PDF and PNG each) and site
    page, and the index page.

Printed last, the ratio of issue 23 (target: (b)/(a) <= 1,0), by wall clock and by CPU time
(user + system of the command and every process it waited for). Quarto is located as
``python -m lkjip build`` does (:func:`lkjip.publish.quarto.find_quarto`).
"""

from __future__ import annotations

import os
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
WORK = HERE / "_work" / "skm-unit"


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _run(command: list[str], project: Path, quarto: Path) -> tuple[float, float, str]:
    """Wall-clock and CPU seconds of one run and its standard output; fails loudly."""
    env = {
        **os.environ,
        "LKJIP_ROOT": str(project),
        "PATH": os.pathsep.join([str(quarto.parent), os.environ.get("PATH", "")]),
    }
    start, cpu = time.perf_counter(), _cpu()
    result = subprocess.run(command, cwd=project, env=env, capture_output=True, text=True, check=False)
    seconds, cpu_seconds = time.perf_counter() - start, _cpu() - cpu
    if result.returncode != 0:
        sys.exit(f"{' '.join(command)} gagal di {project}:\n{(result.stdout + result.stderr)[-3000:]}")
    return seconds, cpu_seconds, result.stdout


def _fmt(x: float, digits: int = 1) -> str:
    return f"{x:.{digits}f}".replace(".", ",")


def main() -> int:
    sys.path.insert(0, str(ROOT / "src"))
    from lkjip.core.paths import copy_project
    from lkjip.publish.quarto import find_quarto

    found = find_quarto(ROOT)
    if found is None:
        sys.exit("Quarto tidak ditemukan (PATH, kit offline): benchmark tidak dapat dijalankan")
    print(found.describe())
    if WORK.exists():
        shutil.rmtree(WORK)
    project = copy_project(WORK, ROOT)
    build = _run([sys.executable, "-m", "lkjip", "build"], project, found.path)
    print(f"(a) build dingin (data, notebook, gambar, lampiran, Quarto): {_fmt(build[0])} s "
          f"(CPU {_fmt(build[1])} s)")
    units = _run([sys.executable, "-m", "lkjip", "skm-unit"], project, found.path)
    folder = project / "data" / "processed" / "publik" / "skm-unit"
    n_pdf = len(list(folder.rglob("laporan-skm-*.pdf")))
    n_info = len(list(folder.rglob("infografis-skm-*-a4.pdf")))
    print(
        f"(b) skm-unit, {n_pdf} laporan + {n_info} infografis (PDF/PNG) + halaman situs: "
        f"{_fmt(units[0])} s (CPU {_fmt(units[1])} s); {units[2].strip().splitlines()[-1]}"
    )
    print(
        f"rasio skm-unit / build dingin (target <= 1,0): {_fmt(units[0] / build[0], 2)} "
        f"(CPU {_fmt(units[1] / build[1], 2)})"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
