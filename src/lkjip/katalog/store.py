"""Processed tables on disk: Parquet as the typed canonical form, a UTF-8-BOM CSV mirror for Excel.

A data step publishes its tables all at once (:func:`publish`): everything is written to a
staging folder beside ``data/processed``, the manifest last with the SHA-256 of every file, and
the staging folder then takes the place of the old one in one rename. A step killed at any moment
leaves either the old tables or the new ones. Whoever reads the tables checks them against the
manifest first (:func:`check_folder`), so a folder changed or damaged by hand is refused with the
command that rebuilds it, never read as a mix.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import hashlib
import json
import os
import shutil
import sys
from collections.abc import Mapping
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

from lkjip.core.paths import paths
from lkjip.core.teks import FORMULA_START, PLAIN_MARKS, SIGNED_NUMBER

_STARTS = pa.array(list(FORMULA_START), pa.string())
_PLAIN = pa.array(sorted(PLAIN_MARKS), pa.string())


#: The data step's record of a run, written last into the processed folder.
MANIFEST = "manifest.json"

#: Version of the manifest's layout; a folder written by another layout is rebuilt, not read.
FORMAT_MANIFEST = 2

#: The command that rebuilds the processed folder.
PERINTAH_BANGUN_ULANG = "python -m lkjip data --force"

#: Decimals to which the published copies of the processed tables round their floats: far
#: beyond any printed precision, only binary noise (``1.1600000000000108``) goes.
DESIMAL_SALINAN = 10


class DataTidakUtuh(RuntimeError):
    """The processed folder does not match its manifest (changed, damaged or half written)."""


def write_table(df: pd.DataFrame, name: str, out_dir: Path) -> list[Path]:
    """Write ``df`` as ``<name>.parquet`` and ``<name>.csv``; byte-identical for equal input.

    The Parquet file carries no pandas index and no creation metadata, so two runs on the same
    inputs give the same bytes. The CSV uses a UTF-8 BOM so Excel shows Indonesian text right.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    frame = df.reset_index(drop=True)
    table = pa.Table.from_pandas(frame, preserve_index=False)
    # pandas metadata embeds library versions only; drop it for stable bytes, keep the schema.
    table = table.replace_schema_metadata(None)
    parquet = out_dir / f"{name}.parquet"
    pq.write_table(table, parquet, compression="zstd", write_statistics=False)
    csv = out_dir / f"{name}.csv"
    # Arrow's CSV writer is several times faster than DataFrame.to_csv on a million rows.
    with csv.open("wb") as fh:
        fh.write("\ufeff".encode())
        pacsv.write_csv(_csv_friendly(table), fh, pacsv.WriteOptions(quoting_style="needed"))
    return [parquet, csv]


def _csv_friendly(table: pa.Table) -> pa.Table:
    """Dates without a time part as ``2025-03-12``, other timestamps to the second; texts
    that a spreadsheet would run as a formula neutralised (:func:`lkjip.core.teks.neutralise_formula`)."""
    columns = []
    for column in table.columns:
        if pa.types.is_timestamp(column.type):
            midnight = pc.all(pc.equal(pc.cast(pc.cast(column, pa.date32()), column.type), column))
            fmt = "%Y-%m-%d" if midnight.as_py() in (True, None) else "%Y-%m-%d %H:%M:%S"
            column = pc.strftime(pc.cast(column, pa.timestamp("s")), format=fmt)
        elif pa.types.is_string(column.type) or pa.types.is_large_string(column.type):
            column = neutralise_formulas(column)
        columns.append(column)
    return pa.Table.from_arrays(columns, names=table.column_names)


def neutralise_formulas(column: pa.ChunkedArray | pa.Array) -> pa.ChunkedArray | pa.Array:
    """:func:`lkjip.core.teks.neutralise_formula` over a text column, vectorised.

    Every formula start is one ASCII byte, so only the first byte of each cell is read, from
    Arrow's buffers (a few milliseconds for a million cells); the rare cells that start like a
    formula are then checked against the plain marks and signed numbers.
    """
    risky = _first_byte_risky(column)
    if not risky.any():
        return column
    mask = pa.array(risky)
    harmless = pc.or_(
        pc.fill_null(pc.is_in(column, value_set=_PLAIN), False),
        pc.fill_null(pc.match_substring_regex(column, SIGNED_NUMBER), False),
    )
    neutral = pc.and_(mask, pc.invert(harmless))
    quoted = pc.binary_join_element_wise(pa.scalar("'", column.type), column, pa.scalar("", column.type))
    return pc.if_else(neutral, quoted, column)


_RISKY_BYTE = np.zeros(256, dtype=bool)
_RISKY_BYTE[[ord(c) for c in FORMULA_START]] = True


def _first_byte_risky(column: pa.ChunkedArray | pa.Array) -> np.ndarray:
    """True where a (non-null) text cell starts with one of :data:`FORMULA_START`."""
    chunks = column.chunks if isinstance(column, pa.ChunkedArray) else [column]
    parts = []
    for chunk in chunks:
        n = len(chunk)
        if n == 0:
            parts.append(np.zeros(0, dtype=bool))
            continue
        _, offsets_buf, data_buf = chunk.buffers()[:3]
        wide = pa.types.is_large_string(chunk.type)
        offsets = np.frombuffer(offsets_buf, dtype=np.int64 if wide else np.int32)
        offsets = offsets[chunk.offset : chunk.offset + n + 1]
        starts, ends = offsets[:-1], offsets[1:]
        found = np.zeros(n, dtype=bool)
        if data_buf is not None and data_buf.size:
            data = np.frombuffer(data_buf, dtype=np.uint8)
            filled = ends > starts
            found[filled] = _RISKY_BYTE[data[starts[filled]]]
        if chunk.null_count:
            found &= np.asarray(chunk.is_valid().to_numpy(zero_copy_only=False), dtype=bool)
        parts.append(found)
    return np.concatenate(parts) if parts else np.zeros(0, dtype=bool)


def read_table(name: str, processed_dir: Path | None = None) -> pd.DataFrame:
    """Read one table file by name (from the project's ``data/processed`` by default), as it is.

    The storage primitive: the layers load through the catalogue
    (:func:`lkjip.katalog.dataset.load`), which checks the folder against its manifest first.
    """
    folder = processed_dir or paths().processed
    file = folder / f"{name}.parquet"
    if not file.exists():
        raise FileNotFoundError(f"Tabel '{name}' belum ada di {folder}. Jalankan dulu: python -m lkjip data")
    return pq.read_table(file).to_pandas()


# --------------------------------------------------------------------------- publishing


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _staging(out_dir: Path, kind: str) -> Path:
    return out_dir.parent / f".{out_dir.name}.{kind}-{os.getpid()}"


def _leftovers(out_dir: Path, kind: str) -> list[Path]:
    return sorted(out_dir.parent.glob(f".{out_dir.name}.{kind}-*"))


def recover(out_dir: Path) -> None:
    """Put the processed folder back in order after a data step that was killed while publishing.

    A staging folder left behind is removed (the run that wrote it did not finish). Where the
    swap itself was cut between its two renames (only on systems without an atomic exchange),
    the folder is missing and the old one waits beside it: it is put back.
    """
    old = _leftovers(out_dir, "lama")
    if not out_dir.exists() and old:
        old[-1].rename(out_dir)
    for folder in [*_leftovers(out_dir, "baru"), *_leftovers(out_dir, "lama")]:
        shutil.rmtree(folder, ignore_errors=True)


def _exchange(a: Path, b: Path) -> bool:
    """Swap two folders in one atomic step (Linux ``renameat2(RENAME_EXCHANGE)``); False if unsupported."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    done = renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange)
    return done == 0


def publish(
    tables: Mapping[str, pd.DataFrame],
    out_dir: Path,
    manifest: Mapping[str, object],
    files: Mapping[str, bytes] | None = None,
) -> dict[str, object]:
    """Publish a data step's tables to ``out_dir`` all at once; return the manifest written.

    Every table (Parquet and CSV) and every extra file (``files``: name -> bytes, e.g. the
    warnings) is written to a staging folder beside ``out_dir``, then the manifest, with
    ``format`` and the SHA-256 of every file (``berkas``), last. The staging folder then
    replaces ``out_dir`` in one step; what else ``out_dir`` held (``publik/``, ``.gitkeep``; not
    the tables, warnings and manifest of the earlier run) is moved into the new folder. Killed
    at any moment, ``out_dir`` holds either the old tables or the new ones (:func:`recover`
    tidies what a kill left beside it).
    """
    recover(out_dir)
    staging = _staging(out_dir, "baru")
    staging.mkdir(parents=True)
    for name in sorted(tables):
        write_table(tables[name], name, staging)
    for name, data in sorted((files or {}).items()):
        (staging / name).write_bytes(data)
    written = {
        **manifest,
        "format": FORMAT_MANIFEST,
        "berkas": {p.name: _sha256(p) for p in sorted(staging.iterdir())},
    }
    text = json.dumps(written, indent=2, ensure_ascii=False) + "\n"
    (staging / MANIFEST).write_text(text, encoding="utf-8")
    if not out_dir.exists():
        staging.rename(out_dir)
        return written
    if _exchange(staging, out_dir):
        old = staging
    else:  # two renames: recover() puts the old folder back if a kill falls between them
        old = _staging(out_dir, "lama")
        out_dir.rename(old)
        staging.rename(out_dir)
    for entry in sorted(old.iterdir()):
        if not _written_by_a_data_step(entry):
            entry.rename(out_dir / entry.name)
    shutil.rmtree(old, ignore_errors=True)
    return written


def _written_by_a_data_step(entry: Path) -> bool:
    """A table file, the warnings or the manifest of an earlier run (replaced, not carried over)."""
    return entry.is_file() and (entry.suffix in {".parquet", ".csv"} or entry.name == MANIFEST)


def read_manifest(out_dir: Path) -> dict | None:
    """The manifest of the processed folder ``out_dir``; ``None`` when there is none or it is unreadable."""
    try:
        return json.loads((out_dir / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


_CHECKED: dict[Path, tuple] = {}


def _stamp(out_dir: Path, names: list[str]) -> tuple:
    stats = []
    for name in [MANIFEST, *names]:
        try:
            st = (out_dir / name).stat()
        except OSError:
            return ()
        stats.append((name, st.st_size, st.st_mtime_ns))
    return tuple(stats)


def check_folder(out_dir: Path) -> dict:
    """Check that ``out_dir`` holds exactly the files its manifest lists; return the manifest.

    Raises
    ------
    DataTidakUtuh
        When the manifest is missing, of another layout, or a listed file is missing or differs
        from it: the message names the files and the command that rebuilds the folder.
    """
    recover(out_dir)
    manifest = read_manifest(out_dir)
    rebuild = f"Bangun ulang dengan: {PERINTAH_BANGUN_ULANG}"
    if manifest is None:
        raise DataTidakUtuh(f"{out_dir} tidak memiliki {MANIFEST} yang terbaca. {rebuild}")
    listed = manifest.get("berkas")
    if manifest.get("format") != FORMAT_MANIFEST or not isinstance(listed, dict):
        raise DataTidakUtuh(f"{out_dir} ditulis oleh versi lkjip lain (format manifest berbeda). {rebuild}")
    stamp = _stamp(out_dir, sorted(listed))
    key = out_dir.resolve()
    if stamp and _CHECKED.get(key) == stamp:
        return manifest
    missing = [name for name in sorted(listed) if not (out_dir / name).is_file()]
    changed = [
        name for name in sorted(listed) if name not in missing and _sha256(out_dir / name) != listed[name]
    ]
    if missing or changed:
        parts = [
            f"hilang: {', '.join(missing)}" if missing else "",
            f"berbeda dari yang ditulis langkah data: {', '.join(changed)}" if changed else "",
        ]
        raise DataTidakUtuh(
            f"Tabel olahan di {out_dir} tidak sesuai dengan {MANIFEST} "
            f"({'; '.join(p for p in parts if p)}). {rebuild}"
        )
    _CHECKED[key] = stamp
    return manifest
