"""Benchmark of ``quarto render``: three formats against HTML alone, and a rebuild against a cold one.

Usage (from anywhere; copies of the project go to ``benchmarks/_work/``, which git ignores)::

    python benchmarks/bench_render.py

Each render runs on a fresh copy of the project's inputs (``laporan.yml``, ``_quarto.yml``,
``_extensions/``, ``index.qmd``, ``bab/``, ``konten/``, ``notebooks/``, ``data/raw/``), with ``LKJIP_ROOT``
pointing at the copy, so nothing is reused from the working tree:

(a) cold ``quarto render --to html``: data step, every notebook executed, HTML only;
(b) cold ``quarto render``: data step, every notebook executed, HTML + DOCX + PDF;
(c) ``quarto render`` again on the copy of (b), inputs unchanged: the data step and the
    chapters see unchanged checksums and reuse their results, Quarto renders the three formats.

Printed last, the two ratios of issue 11 (targets: (b)/(a) <= 1,5; (c)/(b) <= 0,2), by wall
clock and by CPU time (user + system of Quarto and every process it waited for: pandoc, Typst,
the pre-render Python and its kernels), which a machine shared with other work disturbs less.
Quarto is located as ``python -m lkjip build`` does (:func:`lkjip.publish.quarto.find_quarto`).
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
WORK = HERE / "_work" / "render"


def _copy(target: Path) -> Path:
    from lkjip.core.paths import copy_project

    if target.exists():
        shutil.rmtree(target)
    return copy_project(target, ROOT)


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _render(quarto: Path, project: Path, *args: str) -> tuple[float, float]:
    """Wall-clock and CPU seconds (Quarto and every process it waited for) of one render."""
    env = {**os.environ, "LKJIP_ROOT": str(project)}
    start, cpu = time.perf_counter(), _cpu()
    result = subprocess.run(
        [str(quarto), "render", *args], cwd=project, env=env, capture_output=True, text=True, check=False
    )
    seconds, cpu_seconds = time.perf_counter() - start, _cpu() - cpu
    if result.returncode != 0:
        log = (result.stdout + result.stderr)[-3000:]
        sys.exit(f"quarto render {' '.join(args)} gagal di {project}:\n{log}")
    return seconds, cpu_seconds


def _fmt(x: float, digits: int = 1) -> str:
    return f"{x:.{digits}f}".replace(".", ",")


def main() -> int:
    sys.path.insert(0, str(ROOT / "src"))
    from lkjip.publish.quarto import find_quarto

    found = find_quarto(ROOT)
    if found is None:
        sys.exit("Quarto tidak ditemukan (PATH, kit offline): benchmark tidak dapat dijalankan")
    print(found.describe())
    html = _render(found.path, _copy(WORK / "html"), "--to", "html")
    print(f"(a) render dingin, HTML saja        : {_fmt(html[0])} s (CPU {_fmt(html[1])} s)")
    full_project = _copy(WORK / "semua")
    full = _render(found.path, full_project)
    print(f"(b) render dingin, HTML + DOCX + PDF: {_fmt(full[0])} s (CPU {_fmt(full[1])} s)")
    again = _render(found.path, full_project)
    print(f"(c) render ulang, masukan tetap     : {_fmt(again[0])} s (CPU {_fmt(again[1])} s)")
    print(
        f"rasio tiga format / HTML saja (target <= 1,5): {_fmt(full[0] / html[0], 2)} "
        f"(CPU {_fmt(full[1] / html[1], 2)})"
    )
    print(
        f"rasio render ulang / render dingin (target <= 0,2): {_fmt(again[0] / full[0], 2)} "
        f"(CPU {_fmt(again[1] / full[1], 2)})"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
