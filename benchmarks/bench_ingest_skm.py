"""Benchmark of the SKM ingestion against a bare fastexcel read and pandas' default read_excel.

Usage (from anywhere; files go to ``benchmarks/_work/``, which git ignores)::

    python benchmarks/bench_ingest_skm.py            # everything, pandas read_excel on 1M too
    python benchmarks/bench_ingest_skm.py --quick    # pandas read_excel on the 100k file only

Generates deterministic e-SKM exports (100.000 and 1.000.000 respondent rows, and 40 files of
25.000 rows) with :func:`lkjip.synthetic.skm.write_bulk`, then measures, one script run:

(a) a bare fastexcel read of the respondent sheet into a pandas DataFrame;
(b) ``pandas.read_excel`` with its default engine (openpyxl);
(c) the full ingestion: ``lkjip.ingest.readers.skm.read`` / ``read_many`` (parse, check, quarantine,
    validate) plus writing the tables with ``lkjip.katalog.store.write_table``.

Each measurement runs in a fresh child process of this script (files are generated in one
too), so that its peak resident memory is its own: the kernel's high-water mark ``VmHWM``
(which, unlike tracemalloc, sees the Rust and Arrow allocations; ``ru_maxrss`` is not used
because Linux carries it over from the parent across ``exec``), plus, for ``read_many``, the
peak of the summed RSS of the process and its worker processes, sampled every 0,1 s. The time
is taken inside the child around the operation only (imports excluded), the same way for
every measurement. The last line printed is the ingest / bare-read time ratio of the 1M-row
file (ingest = read, checks, quarantine, validation and ``write_table``).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
WORK = HERE / "_work"
SHEET = "Responden"
HEADER_ROW = 4  # 0-based: three title rows and a blank row above the header in write_bulk


def _status_kb(pid: int | str, field: str) -> int:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith(field + ":"):
                    return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


def _descendants(root: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as fh:
                ppid = int(fh.read().rsplit(")", 1)[1].split()[1])
        except (OSError, ValueError, IndexError):
            continue
        children.setdefault(ppid, []).append(int(entry))
    found, stack = [], [root]
    while stack:
        pid = stack.pop()
        found.append(pid)
        stack.extend(children.get(pid, []))
    return found


class TreeMemory(threading.Thread):
    """Peak of the summed RSS of this process and all its descendants, sampled in a thread."""

    def __init__(self, interval: float = 0.1):
        super().__init__(daemon=True)
        self.interval = interval
        self.peak_kb = 0
        self._stop_event = threading.Event()

    def run(self) -> None:
        while not self._stop_event.is_set():
            total = sum(_status_kb(pid, "VmRSS") for pid in _descendants(os.getpid()))
            self.peak_kb = max(self.peak_kb, total)
            self._stop_event.wait(self.interval)

    def stop(self) -> int:
        self._stop_event.set()
        self.join()
        return self.peak_kb


def measure(kind: str, files: list[Path]) -> dict:
    """Run one measurement in this (child) process; return seconds, rows and peak memory."""
    import fastexcel
    import pandas as pd

    from lkjip.core.config import load_config
    from lkjip.ingest.readers import skm
    from lkjip.katalog.store import write_table

    config = load_config()
    rows = 0
    # Only read_many has worker processes; scanning /proc costs CPU, so it samples only then.
    tree = TreeMemory() if kind == "ingest" and len(files) > 1 else None
    if tree:
        tree.start()
    start = time.perf_counter()
    timings: dict[str, float] = {}
    if kind == "bare":
        for path in files:
            rows += len(fastexcel.read_excel(path).load_sheet(SHEET, header_row=HEADER_ROW).to_pandas())
    elif kind == "pandas":
        for path in files:
            rows += len(pd.read_excel(path, sheet_name=SHEET, header=HEADER_ROW))
    elif kind == "ingest":
        result = skm.read(files[0], config) if len(files) == 1 else skm.read_many(files, config)
        timings["baca_detik"] = time.perf_counter() - start
        out = WORK / "out" / files[0].stem
        for name, frame in result.tables.items():
            write_table(frame, name, out)
        write_table(result.quarantine, "karantina", out)
        rows = len(result.tables["skm_responden"]) + len(result.quarantine)
        timings["karantina"] = len(result.quarantine)
        timings["seimbang"] = all(a.balanced for a in result.accounting)
    else:
        raise ValueError(kind)
    seconds = time.perf_counter() - start
    tree_peak = tree.stop() if tree else 0
    return {
        "kind": kind, "seconds": seconds, "rows": rows, **timings,
        "rss_mb": _status_kb("self", "VmHWM") / 1024, "rss_tree_mb": tree_peak / 1024,
    }


def run_child(kind: str, files: list[Path]) -> dict:
    """Run :func:`measure` in a fresh interpreter and return its JSON report."""
    command = [sys.executable, str(Path(__file__).resolve()), "--measure", kind, *map(str, files)]
    done = subprocess.run(command, check=True, capture_output=True, text=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def generate(name: str, n_rows: int, seed: int, n_units: int = 57, first_unit: int = 0) -> Path:
    """Write one bulk export in a child process, unless it is already there (deterministic)."""
    path = WORK / name
    if not path.exists():
        start = time.perf_counter()
        # A few wrong cells per file, so that the located-quarantine path is part of the timing.
        code = (
            "import sys; from pathlib import Path; from lkjip.synthetic.skm import write_bulk; "
            f"write_bulk(Path(sys.argv[1]), {n_rows}, {seed}, {n_units}, "
            f"rusak={max(1, n_rows // 200_000)}, first_unit={first_unit})"
        )
        subprocess.run([sys.executable, "-c", code, str(path)], check=True)
        print(f"  dibuat {name}: {n_rows:,} baris, {path.stat().st_size / 1e6:.1f} MB, "
              f"{time.perf_counter() - start:.1f} s", flush=True)
    return path


def report(label: str, result: dict) -> None:
    rate = result["rows"] / result["seconds"] if result["seconds"] else float("nan")
    extra = ""
    if result["kind"] == "ingest":
        extra = (f"  (baca+periksa {result['baca_detik']:.2f} s, karantina {result['karantina']},"
                 f" akuntansi seimbang: {result['seimbang']})")
    tree = ""
    if result["rss_tree_mb"] > result["rss_mb"] * 1.05:  # worker processes were running
        tree = f", dengan proses pekerja {result['rss_tree_mb']:.0f} MB"
    print(f"{label:<44} {result['seconds']:8.2f} s {rate:>12,.0f} baris/s  "
          f"puncak RSS {result['rss_mb']:.0f} MB{tree}{extra}", flush=True)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true",
                        help="pandas read_excel only on the 100k file (about 85 s saved at 1M)")
    parser.add_argument("--measure", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.measure:
        kind, *files = args.measure
        print(json.dumps(measure(kind, [Path(f) for f in files])))
        return

    WORK.mkdir(parents=True, exist_ok=True)
    print(f"Mesin: {os.cpu_count()} inti (nproc), Python {sys.version.split()[0]}", flush=True)
    print("Menyiapkan berkas uji di", WORK, flush=True)
    small = generate("skm-responden-100k.xlsx", 100_000, 100)
    large = generate("skm-responden-1m.xlsx", 1_000_000, 1_000)
    # 40 exports of two units each (as per-unit exports are): no respondent is in two files.
    many = [
        generate(f"skm-responden-40x25k-{i:02d}.xlsx", 25_000, 2_000 + i, n_units=2, first_unit=2 * i)
        for i in range(40)
    ]

    print("\n100.000 baris, 1 berkas", flush=True)
    report("(a) fastexcel -> pandas (bare)", run_child("bare", [small]))
    report("(b) pandas.read_excel (openpyxl)", run_child("pandas", [small]))
    report("(c) lkjip read + write_table", run_child("ingest", [small]))

    print("\n40 berkas × 25.000 baris", flush=True)
    bare_many = run_child("bare", many)
    report("(a) fastexcel -> pandas, berurutan", bare_many)
    ingest_many = run_child("ingest", many)
    report("(c) lkjip read_many (paralel) + write_table", ingest_many)
    print(f"read_many / bare berurutan: {ingest_many['baca_detik'] / bare_many['seconds']:.2f}; "
          f"read_many+write_table / bare berurutan: {ingest_many['seconds'] / bare_many['seconds']:.2f}")

    print("\n1.000.000 baris, 1 berkas", flush=True)
    bare = run_child("bare", [large])
    report("(a) fastexcel -> pandas (bare)", bare)
    if not args.quick:
        report("(b) pandas.read_excel (openpyxl)", run_child("pandas", [large]))
    ingest = run_child("ingest", [large])
    report("(c) lkjip read + write_table", ingest)
    print(f"read tanpa write_table / bare: {ingest['baca_detik'] / bare['seconds']:.2f}")
    print(f"ingest/bare-read time ratio: {ingest['seconds'] / bare['seconds']:.2f}")


if __name__ == "__main__":
    main()
