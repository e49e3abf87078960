"""Reader of the office's per-unit IKM history (``skm-riwayat.xlsx``): one sheet per year.

Each year sheet ("IKM 2024") has title rows, then a header row found by its labels (No, Kode
Unit, Unit Layanan, Jumlah Responden, Nilai IKM, Mutu Pelayanan). The year comes from the sheet
name, else from a title row ("... TAHUN 2024"); sheets with neither (such as "Keterangan") are
not year sheets and are named in the notes. The IKM values are kept as the office printed them.
"""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pandas as pd

from lkjip.core.config import Config
from lkjip.ingest.cells import SheetCells, damage_problems, scan_workbook
from lkjip.ingest.judul import Judul, header_key
from lkjip.ingest.parsing import parse_number_series
from lkjip.ingest.pemetaan import deklarasi
from lkjip.ingest.problems import Problem, ReadResult, RowAccounting, StructuralError, quarantine_rows
from lkjip.ingest.readers._base import Lembar, column_label, read_sheets
from lkjip.ingest.readers.skm import (
    FIELDS_RESPONDEN,
    CellProblems,
    TextSheet,
    load_text_sheet,
    locate_header,
    open_reader,
    without_declared_missing,
    year_from_titles,
)
from lkjip.ingest.schemas import skm as contract
from lkjip.ingest.schemas._common import validate

FIELDS: dict[str, tuple[str, ...]] = {
    "kode_unit": FIELDS_RESPONDEN["kode_unit"],
    "unit": (*FIELDS_RESPONDEN["unit"], "unit pelayanan", "nama unit pelayanan"),
    "jumlah_responden": ("Jumlah Responden", "responden", "jml responden", "jumlah sampel"),
    "ikm": ("Nilai IKM", "ikm", "nilai", "indeks kepuasan masyarakat"),
    # "Kinerja Unit Pelayanan" (Sangat Baik ...) is the words of the mutu, not a second mutu column.
    "mutu_tercetak": ("Mutu Pelayanan", "mutu", "kategori"),
}
#: Without a ``Kode Unit`` column (the recap in PermenPANRB wording) the unit's name stands in for
#: its code until the data step finds the code in a register (:mod:`lkjip.ingest.registers`).
REQUIRED = ("unit", "ikm")
_YEAR_IN_NAME = re.compile(r"(20\d{2})")
_MUTU_WORDS = {"sangat baik": "A", "baik": "B", "kurang baik": "C", "tidak baik": "D"}
_EMPTY = "baris kosong"


def read(path: Path, config: Config) -> ReadResult:
    """Read ``skm-riwayat.xlsx`` into ``skm_unit_riwayat``.

    Parameters
    ----------
    path : Path
        The workbook.
    config : Config
        The office's declarations for the file (``pemetaan.skm_riwayat``: header rows, column
        meanings, "no value" texts, the year of a sheet that does not say it).

    Returns
    -------
    ReadResult
        ``skm_unit_riwayat`` (tahun × kode_unit unique), the quarantined rows (IKM not a
        number or outside 25–100, unit code missing or used twice in a year, unknown mutu),
        the accounting of every year sheet and notes (sheets that are not year sheets).

    Raises
    ------
    StructuralError
        Not a workbook, no year sheet, or a year sheet without the required columns.
    """
    path = Path(path)
    berkas = path.name
    reader = open_reader(path)
    scanned = scan_workbook(path)
    notes: list[str] = []
    kode_labels: dict[str, str] = {}
    year_sheet: dict[int, str] = {}
    by_name = False

    def one(name: str) -> Lembar | None:
        nonlocal by_name
        declared = deklarasi(config, "skm_riwayat", berkas, name)
        sheet = without_declared_missing(load_text_sheet(reader, name, berkas), declared)
        in_name = _YEAR_IN_NAME.search(name)
        try:
            judul = locate_header(sheet, FIELDS, REQUIRED, declared)
        except StructuralError:
            if in_name:  # a year sheet without its columns is an error; any other is just skipped
                raise
            notes.append(f"{berkas}: sheet '{name}' bukan rekap IKM tahunan, dilewati")
            return None
        header, mapping = judul.baris, judul.kolom
        tahun = (declared.tahun if declared is not None and declared.tahun else None) or (
            int(in_name.group(1)) if in_name else year_from_titles(sheet, header)
        )
        if tahun is None:
            raise StructuralError([Problem(
                berkas, "tahun tidak diketahui: tulis tahun pada nama sheet atau judul", sheet=name
            )])
        if tahun in year_sheet:
            raise StructuralError([Problem(
                berkas,
                f"dua sheet untuk tahun {tahun}: '{year_sheet[tahun]}' dan '{name}'; sisakan satu",
                sheet=name,
            )])
        year_sheet[tahun] = name
        frame, sheet_problems, tally = _read_year(sheet, judul, tahun, scanned.get(name))
        kode_labels[name] = _column(sheet, judul, mapping.get("kode_unit", mapping["unit"]))
        if "kode_unit" not in mapping:
            by_name = True
        ikm = {(berkas, name, "ikm", None): _column(sheet, judul, mapping["ikm"])}
        return Lembar(frame, sheet_problems, tally, kolom=ikm)

    got = read_sheets(reader.sheet_names, one)
    frames, problems, accounting = got.frames, got.rejected, got.accounting
    if not frames:
        raise StructuralError([Problem(
            berkas, f"tidak ada sheet rekap IKM per tahun; sheet yang ada: {list(reader.sheet_names)}"
        )])
    table = pd.concat(frames, ignore_index=True)
    table, problems = _drop_duplicates(table, problems, accounting, kode_labels)
    valid, row_problems, table_problems = validate(table, contract.SkmUnitRiwayat)
    if table_problems:
        raise StructuralError(table_problems)
    for p in row_problems:
        tally = next(a for a in accounting if a.sheet == p.sheet)
        tally.disimpan -= 1
        tally.dikarantina += 1
    return ReadResult(
        tables={"skm_unit_riwayat": valid.reset_index(drop=True)},
        quarantine=quarantine_rows([*problems, *row_problems]),
        accounting=accounting,
        notes=notes,
        kolom=got.kolom,
        kode_dari_nama={berkas} if by_name else set(),
    )


def _read_year(
    sheet: TextSheet, judul: Judul, tahun: int, cells: SheetCells | None = None
) -> tuple[pd.DataFrame, list[Problem], RowAccounting]:
    """One year sheet: parse its rows, locate every bad cell, keep the good rows.

    ``cells`` (what :func:`lkjip.ingest.cells.scan_workbook` found in the sheet) gives the
    covered cells of merged ranges: read blank by calamine, each is reported as the merged
    range it belongs to (:func:`lkjip.ingest.cells.damage_problems`), not as an empty value.
    """
    header, mapping = judul.baris, judul.kolom
    data = sheet.table.slice(header + 1)
    n = data.num_rows
    first_row = header + 2

    def kolom(field_name: str) -> str:
        return _column(sheet, judul, mapping[field_name])

    def text(field_name: str) -> pd.Series:
        if field_name not in mapping:
            return pd.Series([pd.NA] * n, dtype=pd.StringDtype())
        values = pd.Series(pd.array(data.column(mapping[field_name]), dtype=pd.StringDtype()))
        return values.str.strip().replace("", pd.NA)

    blank = np.ones(n, dtype=bool)
    for column in data.columns:
        blank &= np.asarray(column.is_null().to_numpy(zero_copy_only=False), dtype=bool)
    found = CellProblems()
    merged = damage_problems(
        sheet.berkas,
        sheet.name,
        SheetCells(merged=cells.merged) if cells else SheetCells(),
        (first_row + int(pos) for pos in np.flatnonzero(~blank)),
        {sheet.columns[pos]: kolom(f) for f, pos in mapping.items()},
    )
    for problem in merged:
        found.add(problem.baris - first_row, problem.kolom, None, problem.pesan)
    covered = {(p.baris - first_row, p.kolom) for p in merged}

    def bad(pos: int, field_name: str, value: object, reason: str) -> None:
        if (pos, kolom(field_name)) not in covered:  # said already: part of a merged range
            found.add(pos, kolom(field_name), value, reason)

    unit = text("unit")
    kode = text("kode_unit") if "kode_unit" in mapping else unit.str.split().str.join(" ")
    for pos in np.flatnonzero(kode.isna().to_numpy() & ~blank):
        bad(int(pos), "kode_unit", None, "kode unit kosong")
    for pos in np.flatnonzero(unit.isna().to_numpy() & ~blank):
        bad(int(pos), "unit", None, "nama unit kosong")

    ikm_text = text("ikm")
    ikm, ikm_bad = parse_number_series(ikm_text)
    for pos in np.flatnonzero(ikm_bad.to_numpy() & ~blank):
        bad(int(pos), "ikm", ikm_text.iloc[pos], f"nilai IKM '{ikm_text.iloc[pos]}' bukan angka")
    for pos in np.flatnonzero(ikm.isna().to_numpy() & ~ikm_bad.to_numpy() & ~blank):
        bad(int(pos), "ikm", None, "nilai IKM kosong")
    outside = ((ikm < 25) | (ikm > 100)).to_numpy() & ~blank
    for pos in np.flatnonzero(outside):
        bad(int(pos), "ikm", ikm_text.iloc[pos], f"nilai IKM {ikm_text.iloc[pos]} di luar rentang 25–100")

    jumlah_text = text("jumlah_responden")
    jumlah, jumlah_bad = parse_number_series(jumlah_text)
    whole = jumlah.isna() | ((jumlah >= 0) & (jumlah == jumlah.round()))
    for pos in np.flatnonzero((jumlah_bad | ~whole).to_numpy() & ~blank):
        value = jumlah_text.iloc[pos]
        bad(int(pos), "jumlah_responden", value, f"jumlah responden '{value}' bukan bilangan bulat ≥ 0")

    mutu_text = text("mutu_tercetak")
    mutu = mutu_text.map(_mutu, na_action="ignore").astype(pd.StringDtype())
    for pos in np.flatnonzero((mutu.isna() & mutu_text.notna()).to_numpy() & ~blank):
        value = mutu_text.iloc[pos]
        bad(int(pos), "mutu_tercetak", value, f"mutu pelayanan '{value}' tidak dikenali (A–D)")

    rejected = found.mask(n)
    keep = ~blank & ~rejected
    frame = pd.DataFrame({
        "berkas": pd.array([sheet.berkas] * n, dtype=pd.StringDtype()),
        "sheet": pd.array([sheet.name] * n, dtype=pd.StringDtype()),
        "baris": pd.array(np.arange(n) + first_row, dtype=pd.Int64Dtype()),
        "tahun": pd.array([tahun] * n, dtype=pd.Int64Dtype()),
        "kode_unit": kode,
        "unit": unit,
        "jumlah_responden": jumlah.where(whole).round().astype(pd.Int64Dtype()),
        "ikm": ikm.astype("float64"),
        "mutu_tercetak": mutu,
    })[keep].reset_index(drop=True)
    problems = found.problems(sheet, first_row)
    tally = RowAccounting(sheet.berkas, sheet.name, dibaca=n)
    tally.disimpan = int(keep.sum())
    tally.dikarantina = int((rejected & ~blank).sum())
    if blank.any():
        tally.skip(_EMPTY, int(blank.sum()))
    return frame, problems, tally


def _mutu(value: str) -> str | None:
    """Printed mutu to A–D: "A", "A (Sangat Baik)", "Sangat Baik"; else None."""
    text = value.strip()
    if m := re.match(r"^([A-Da-d])\b", text):
        return m.group(1).upper()
    return _MUTU_WORDS.get(header_key(text))


def _column(sheet: TextSheet, judul: Judul, pos: int) -> str:
    """The column at ``pos`` as messages name it: ``"E (Nilai IKM)"``."""
    return column_label(sheet.columns[pos], judul.label[pos])


def _drop_duplicates(
    table: pd.DataFrame,
    problems: list[Problem],
    accounting: list[RowAccounting],
    kode_labels: dict[str, str],
) -> tuple[pd.DataFrame, list[Problem]]:
    """A unit listed twice in one year: every row of it is quarantined (which is right is unknown)."""
    twice = table.duplicated(contract.KEY_UNIT, keep=False)
    if not twice.any():
        return table, problems
    extra = []
    for (tahun, kode), group in table[twice].groupby(contract.KEY_UNIT, sort=False):
        rows = ", ".join(str(b) for b in group["baris"])
        for row in group.itertuples(index=False):
            extra.append(Problem(
                row.berkas,
                f"kode unit '{kode}' tercantum lebih dari sekali untuk tahun {tahun} (baris {rows})",
                sheet=row.sheet,
                baris=int(row.baris),
                kolom=kode_labels[row.sheet],
                nilai=kode,
            ))
            tally = next(a for a in accounting if a.sheet == row.sheet)
            tally.disimpan -= 1
            tally.dikarantina += 1
    return table[~twice].reset_index(drop=True), [*problems, *extra]

