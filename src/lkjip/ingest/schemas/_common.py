"""Running a pandera contract and turning its failures into located :class:`Problem` rows."""

from __future__ import annotations

import re

import pandas as pd
import pandera.pandas as pa
from pandera.errors import SchemaErrors

from lkjip.core.teks import daftar_kata
from lkjip.ingest.problems import Problem

_CHECK_CALL = re.compile(r"^(\w+)\((.*)\)$", re.DOTALL)


def _expected(check: str) -> str:
    """What a pandera check expected, in Bahasa Indonesia: the check's own name is never shown.

    Examples
    --------
    >>> _expected("in_range(1, 4)"), _expected("greater_than_or_equal_to(0)")
    ('di luar rentang yang diizinkan (1 sampai 4)', 'terlalu kecil (paling kecil 0)')
    >>> _expected("isin(['utama', 'semua'])"), _expected("not_nullable")
    ('bukan salah satu nilai yang diizinkan (utama, semua)', 'wajib diisi')
    >>> _expected("str_matches('^PK')"), _expected("str_length(1, None)")
    ('tidak sesuai format', 'teks kosong')
    """
    match = _CHECK_CALL.match(check)
    name, args = (match.group(1), match.group(2)) if match else (check, "")
    parts = [a.strip() for a in args.split(",")] if args else []
    if name == "in_range" and len(parts) == 2:
        return f"di luar rentang yang diizinkan ({parts[0]} sampai {parts[1]})"
    bounds = {
        "greater_than_or_equal_to": "terlalu kecil (paling kecil {})",
        "greater_than": "harus lebih dari {}",
        "less_than_or_equal_to": "terlalu besar (paling besar {})",
        "less_than": "harus kurang dari {}",
    }
    if name in bounds:
        return bounds[name].format(args)
    if name == "isin":
        allowed = ", ".join(p.strip("[]'\" ") for p in parts)
        return f"bukan salah satu nilai yang diizinkan ({allowed})"
    if name == "str_length":
        return "teks kosong" if parts[:1] == ["1"] and parts[1:] == ["None"] else "panjang teks tidak sesuai"
    return {
        "str_matches": "tidak sesuai format",
        "not_nullable": "wajib diisi",
        "column_in_dataframe": "kolom tidak ada",
        "dtype": "tipe data salah",
    }.get(name, "tidak lolos pemeriksaan kontrak data")


#: The header a person types for each clean column, for the messages of a reader that does not
#: pass the column's own label (``headers``): never the field's internal name.
JUDUL_KOLOM = {
    "tahun": "Tahun", "kode_unit": "Kode Unit", "unit": "Unit Layanan", "responden": "No",
    "tanggal": "Tanggal Survei", "jenis_kelamin": "Jenis Kelamin", "umur": "Umur",
    "pendidikan": "Pendidikan", "pekerjaan": "Pekerjaan", "jenis_layanan": "Jenis Layanan",
    "saran": "Saran", "populasi": "Populasi", "jumlah_responden": "Jumlah Responden",
    "ikm": "Nilai IKM", "mutu_tercetak": "Mutu Pelayanan", "kode_pd": "Kode PD",
    "perangkat_daerah": "Perangkat Daerah", "nilai": "Nilai", "predikat_tercetak": "Predikat",
    "dokumen": "Dokumen", "periode": "Periode", "jenis": "Kelompok (utama/kinerja lainnya)",
    "no_sasaran": "No", "sasaran": "Sasaran", "kode_indikator": "Kode", "indikator": "Indikator Kinerja",
    "satuan": "Satuan", "polaritas": "Polaritas", "target": "Target", "realisasi": "Realisasi",
    "capaian_tercetak": "Capaian (%)", "sumber_realisasi": "Sumber Realisasi",
    "nilai_tercetak": "angka tercetak", "besaran": "angka tercetak",
}  # fmt: skip

#: pandera's uniqueness checks: reported by :func:`_duplicate_problems`, naming the other rows.
_UNIQUE_CHECKS = ("multiple_fields_uniqueness", "field_uniqueness")
#: An export's column label, "D (Kode Sub Kegiatan)": the header name alone reads better in a sentence.
_HEADER_NAME = re.compile(r"^[A-Z]{1,3} \((.*)\)$")


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
    headers = {**JUDUL_KOLOM, **(headers or {})}
    row_problems: list[Problem] = []
    table_problems: list[Problem] = []
    bad_index: set = set()
    first = df.iloc[0] if len(df) else None
    duplicated: dict[tuple[str, ...], set] = {}
    for case in cases.itertuples(index=False):
        column = case.column if isinstance(case.column, str) else None
        check = str(case.check)
        if check.startswith(_UNIQUE_CHECKS) and case.index in df.index:
            key = tuple(schema_obj.unique) if check.startswith(_UNIQUE_CHECKS[0]) else (column,)
            duplicated.setdefault(key, set()).add(case.index)
            continue
        message = _expected(check)
        index = case.index
        if index is None or (isinstance(index, float) and pd.isna(index)) or index not in df.index:
            if check.startswith("column_in_dataframe"):
                # pandera names the schema here; the missing column is the failure case.
                column, message = str(case.failure_case), "kolom wajib tidak ada"
            table_problems.append(
                Problem(
                    str(first["berkas"]) if first is not None else "?",
                    f"kolom {headers.get(column, column) or '?'}: {message}",
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
    for key, index in duplicated.items():
        row_problems += _duplicate_problems(df.loc[sorted(index)], key, headers)
        bad_index |= index
    valid = df.drop(index=list(bad_index))
    if not table_problems:
        valid = schema_obj.validate(valid, lazy=True) if len(valid) else valid
    return valid, row_problems, table_problems


def _duplicate_problems(rows: pd.DataFrame, key: tuple[str, ...], headers: dict[str, str]) -> list[Problem]:
    """One problem per row of ``rows`` (all sharing a value of ``key`` with another), naming the others.

    Examples
    --------
    >>> rows = pd.DataFrame({"dokumen": ["PK", "PK"], "kode": ["1.01", "1.01"],
    ...                      "berkas": ["a.xlsx"] * 2, "sheet": ["S"] * 2, "baris": [6, 9]})
    >>> print(_duplicate_problems(rows, ("dokumen", "kode"), {"kode": "D (Kode)"})[1].pesan)
    duplikat: dokumen dan Kode yang sama juga ada di baris 6; satu kombinasi dokumen dan Kode
    hanya boleh tercatat sekali, kalau tidak angkanya terhitung dua kali
    """
    labels = [headers.get(column, column) for column in key]
    what = daftar_kata(_HEADER_NAME.sub(r"\1", label) for label in labels)
    kind = f"satu kombinasi {what}" if len(key) > 1 else f"setiap {what}"
    problems = []
    for _, group in rows.groupby(list(key), sort=False, dropna=False):
        lines = [int(b) for b in group["baris"]]
        for line, (_, row) in dict(zip(lines, group.iterrows(), strict=True)).items():
            others = [str(b) for b in dict.fromkeys(lines) if b != line]
            where = (
                f"juga ada di baris {', '.join(others)}"
                if others
                else "tercantum lebih dari sekali di baris ini"
            )
            problems.append(
                Problem(
                    str(row["berkas"]),
                    f"duplikat: {what} yang sama {where}; {kind} hanya boleh tercatat sekali, "
                    "kalau tidak angkanya terhitung dua kali",
                    sheet=str(row["sheet"]),
                    baris=line,
                    kolom=", ".join(labels),
                    nilai=" / ".join(repr(str(row[column])) for column in key),
                )
            )
    return problems
