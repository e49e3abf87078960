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

import sys
from pathlib import Path

# The measuring helpers of the render benchmark (same folder): the same timing, the same failure.
from bench_render import _copy, _fmt, _quarto, _run

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
WORK = HERE / "_work" / "skm-unit"


def main() -> int:
    quarto = _quarto()
    project = _copy(WORK)
    build = _run([sys.executable, "-m", "lkjip", "build"], project, quarto)
    print(f"(a) build dingin (data, notebook, gambar, lampiran, Quarto): {_fmt(build[0])} s "
          f"(CPU {_fmt(build[1])} s)")
    units = _run([sys.executable, "-m", "lkjip", "skm-unit"], project, quarto)
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
