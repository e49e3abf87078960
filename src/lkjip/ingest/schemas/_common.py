"""Running a pandera contract and turning its failures into located :class:`Problem` rows."""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa
from pandera.errors import SchemaErrors

from lkjip.ingest.problems import Problem

#: Extra text per pandera check, so that messages say what was expected in Bahasa Indonesia.
_CHECK_WORDS = {
    "in_range": "di luar rentang yang diizinkan",
    "isin": "bukan salah satu nilai yang diizinkan",
    "str_matches": "tidak sesuai format",
    "greater_than_or_equal_to": "terlalu kecil",
    "less_than_or_equal_to": "terlalu besar",
    "not_nullable": "wajib diisi",
    "field_uniqueness": "duplikat",
    "multiple_fields_uniqueness": "duplikat kunci",
    "column_in_dataframe": "kolom tidak ada",
    "dtype": "tipe data salah",
}


def validate(
    df: pd.DataFrame,
    schema: pa.DataFrameSchema | type[pa.DataFrameModel],
    *,
    headers: dict[str, str] | None = None,
) -> tuple[pd.DataFrame, list[Problem], list[Problem]]:
    """Validate ``df`` lazily against ``schema`` and split the failures.

    ``df`` must carry the source columns ``berkas``, ``sheet`` and ``baris`` so that each
    failing row can be located. ``headers`` maps a clean column name to its label in the
    export (e.g. ``{"U5": "N (U5)"}``) for the messages.

    Returns
    -------
    valid : DataFrame
        The rows that passed every check (the input is not modified).
    row_problems : list of Problem
        Failures tied to a row: those rows are removed from ``valid`` and belong in quarantine.
    table_problems : list of Problem
        Failures of the table as a whole (a missing column, a wrong dtype): structural.
    """
    schema_obj = schema.to_schema() if isinstance(schema, type) else schema
    try:
        validated = schema_obj.validate(df, lazy=True)
        return validated, [], []
    except SchemaErrors as exc:
        cases = exc.failure_cases
    headers = headers or {}
    row_problems: list[Problem] = []
    table_problems: list[Problem] = []
    bad_index: set = set()
    first = df.iloc[0] if len(df) else None
    for case in cases.itertuples(index=False):
        column = case.column if isinstance(case.column, str) else None
        check = str(case.check)
        words = next((w for k, w in _CHECK_WORDS.items() if check.startswith(k)), "gagal")
        message = f"{words} ({check})"
        index = case.index
        if index is None or (isinstance(index, float) and pd.isna(index)) or index not in df.index:
            if check.startswith("column_in_dataframe"):
                # pandera names the schema here; the missing column is the failure case.
                column, message = str(case.failure_case), "kolom wajib tidak ada"
            table_problems.append(
                Problem(
                    str(first["berkas"]) if first is not None else "?",
                    f"kolom {column or '?'}: {message}",
                    sheet=str(first["sheet"]) if first is not None else None,
                    nilai=case.failure_case,
                )
            )
            continue
        row = df.loc[index]
        bad_index.add(index)
        row_problems.append(
            Problem(
                str(row["berkas"]),
                message,
                sheet=str(row["sheet"]),
                baris=int(row["baris"]),
                kolom=headers.get(column, column),
                nilai=case.failure_case,
            )
        )
    valid = df.drop(index=list(bad_index))
    if not table_problems:
        valid = schema_obj.validate(valid, lazy=True) if len(valid) else valid
    return valid, row_problems, table_problems
