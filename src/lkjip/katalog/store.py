"""Processed tables on disk: Parquet as the typed canonical form, a UTF-8-BOM CSV mirror for Excel."""

from __future__ import annotations

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
    """Read one processed table by name (from the project's ``data/processed`` by default)."""
    folder = processed_dir or paths().processed
    file = folder / f"{name}.parquet"
    if not file.exists():
        raise FileNotFoundError(f"Tabel '{name}' belum ada di {folder}. Jalankan dulu: python -m lkjip data")
    return pq.read_table(file).to_pandas()
