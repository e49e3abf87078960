"""Benchmark of ``quarto render``: three formats against HTML alone, and a rebuild against a cold one.

Usage (from anywhere; copies of the project go to ``benchmarks/_work/``, which git ignores)::

    python benchmarks/bench_render.py

Each render runs on a fresh copy of the project's inputs (``laporan.yml``, ``_quarto.yml``,
``_extensions/``, ``index.qmd``, ``bab/``, ``konten/``, ``notebooks/``, ``data/raw/``), with ``LKJIP_ROOT``
pointing at the copy, so nothing is reused from the working tree:

(a) cold ``quarto render --to html``: data step, every notebook executed, HTML only;
(b) cold ``quarto render``: data step, every notebook executed, HTML + DOCX + PDF;
(c) cold ``python -m lkjip build``, the user's main job: data step, reviu, every notebook, figures,
    Excel annex, ``quarto render`` of the three formats;
(d) ``python -m lkjip build`` again on the copy of (c), inputs unchanged: the data step and the
    chapters see unchanged checksums and reuse their results, and the render is skipped because
    its stamp (``_bab/render.kunci``) matches the book's inputs and ``_book/``.

Printed last, the two ratios of issue 11 (targets: (b)/(a) <= 1,5; (d)/(c) <= 0,2), by wall
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


def _run(command: list[str], project: Path, quarto: Path) -> tuple[float, float, str]:
    """Wall-clock and CPU seconds (the command and every process it waited for) of one run, and
    its standard output. ``quarto``'s folder comes first on the PATH, so ``python -m lkjip
    build`` renders with the same Quarto as the direct renders."""
    env = {
        **os.environ,
        "LKJIP_ROOT": str(project),
        "PATH": os.pathsep.join([str(quarto.parent), os.environ.get("PATH", "")]),
    }
    start, cpu = time.perf_counter(), _cpu()
    result = subprocess.run(command, cwd=project, env=env, capture_output=True, text=True, check=False)
    seconds, cpu_seconds = time.perf_counter() - start, _cpu() - cpu
    if result.returncode != 0:
        log = (result.stdout + result.stderr)[-3000:]
        sys.exit(f"{' '.join(command)} gagal di {project}:\n{log}")
    return seconds, cpu_seconds, result.stdout


def _render(quarto: Path, project: Path, *args: str) -> tuple[float, float]:
    seconds, cpu_seconds, _out = _run([str(quarto), "render", *args], project, quarto)
    return seconds, cpu_seconds


def _build(quarto: Path, project: Path) -> tuple[float, float, str]:
    """One ``python -m lkjip build``; also what it said about the render."""
    seconds, cpu_seconds, out = _run([sys.executable, "-m", "lkjip", "build"], project, quarto)
    said = [line.strip() for line in out.splitlines() if "render dilewati" in line]
    return seconds, cpu_seconds, said[0] if said else "render dijalankan"


def _fmt(x: float, digits: int = 1) -> str:
    return f"{x:.{digits}f}".replace(".", ",")


def _quarto() -> Path:
    """The Quarto the benchmarks measure with (PATH, then the offline kit), announced; exits
    when there is none."""
    sys.path.insert(0, str(ROOT / "src"))
    from lkjip.publish.quarto import find_quarto

    found = find_quarto(ROOT)
    if found is None:
        sys.exit("Quarto tidak ditemukan (PATH, kit offline): benchmark tidak dapat dijalankan")
    print(found.describe())
    return found.path


def main() -> int:
    quarto = _quarto()
    html = _render(quarto, _copy(WORK / "html"), "--to", "html")
    print(f"(a) render dingin, HTML saja        : {_fmt(html[0])} s (CPU {_fmt(html[1])} s)")
    full_project = _copy(WORK / "semua")
    full = _render(quarto, full_project)
    print(f"(b) render dingin, HTML + DOCX + PDF: {_fmt(full[0])} s (CPU {_fmt(full[1])} s)")
    build_project = _copy(WORK / "build")
    cold = _build(quarto, build_project)
    print(f"(c) build dingin                     : {_fmt(cold[0])} s (CPU {_fmt(cold[1])} s; {cold[2]})")
    again = _build(quarto, build_project)
    print(f"(d) build ulang, masukan tetap       : {_fmt(again[0])} s (CPU {_fmt(again[1])} s; {again[2]})")
    print(
        f"rasio tiga format / HTML saja (target <= 1,5): {_fmt(full[0] / html[0], 2)} "
        f"(CPU {_fmt(full[1] / html[1], 2)})"
    )
    print(
        f"rasio build ulang / build dingin (target <= 0,2): {_fmt(again[0] / cold[0], 2)} "
        f"(CPU {_fmt(again[1] / cold[1], 2)})"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
