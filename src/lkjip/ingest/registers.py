"""Names to codes: the codes of exports that name their service units or perangkat daerah but carry no code.

A Google Forms or e-SKM "Format Permenpan" export names each service unit; the report keys every
unit by the office's code (``UL-01``), so that a unit's IKM of this year meets its IKM of earlier
years. The codes come from a register, matched by name in the one form names are compared in
(:func:`lkjip.core.pilihan.lipat_nama`: case, spacing and punctuation folded, ``&`` read as
``dan``), but never by a part of a name as the analyst's API allows:

1. ``laporan.yml``: ``pemetaan.register.unit`` (``nama: kode``, or ``nama: {kode: ..., populasi: ...}``
   which also gives the unit's population for the Krejcie–Morgan minimum sample), the office's own list;
2. the other sources that carry both a code and a name: the IKM recap (``skm-riwayat``) and the
   ``Unit`` sheet of the e-SKM exports.

A name found once gets its code. A name not in the register, or found under two codes, is never
made a new unit: its respondents go to quarantine with a located message naming the closest
names of the register. Without any register (an office whose only survey source is a form), the
unit's name is its key, and a note says so.

Perangkat daerah named by a SAKIP recap without Kode PD, or by an evaluation worksheet, get their
code the same way (:func:`kode_pd_dari_nama`): ``pemetaan.register.perangkat_daerah``, then the
kelembagaan workbook and the SAKIP recaps with Kode PD.
"""

from __future__ import annotations

import difflib
from collections import defaultdict
from dataclasses import replace

import pandas as pd

from lkjip.core.config import Config
from lkjip.core.pilihan import lipat_nama
from lkjip.ingest.problems import Problem, ReadResult, add_to_quarantine


def _register(
    declared: dict[str, str], key: str, tables: dict[str, pd.DataFrame], names: tuple[str, ...],
    columns: tuple[str, str], dari_nama: set[str],
) -> dict[str, dict[str, str]]:
    """Folded name -> {kode: where it is written}: the ``laporan.yml`` list (``key``), then the
    tables ``names`` of the files that carry both a code and a name (``columns``)."""
    found: dict[str, dict[str, str]] = defaultdict(dict)
    for nama, kode in declared.items():
        found[lipat_nama(nama)].setdefault(str(kode), f"laporan.yml ({key})")
    code_col, name_col = columns
    for table in names:
        frame = tables.get(table)
        if frame is None or frame.empty:
            continue
        own = frame[~frame["berkas"].isin(dari_nama)]
        for kode, nama, berkas in zip(own[code_col], own[name_col], own["berkas"], strict=True):
            if isinstance(kode, str) and isinstance(nama, str):
                found[lipat_nama(nama)].setdefault(kode, str(berkas))
    return dict(found)


def register_unit(tables: dict[str, pd.DataFrame], config: Config, dari_nama: set[str]) -> dict:
    """Folded unit name -> {kode: where it is written}, from laporan.yml and the sources with codes."""
    return _register(
        config.pemetaan.daftar.kode_unit, "pemetaan.register.unit", tables, ("skm_unit_riwayat", "skm_unit"),
        ("kode_unit", "unit"), dari_nama,
    )  # fmt: skip


def kode_unit_dari_nama(result: ReadResult, config: Config) -> ReadResult:
    """``result`` with the unit codes of the name-keyed files taken from the register.

    Rows whose unit is not in the register, or is in it under two codes, move to the quarantine
    (the accounting of their sheet follows); a unit of ``skm_unit`` without a code is dropped
    with them.
    """
    dari_nama = result.kode_dari_nama
    if not dari_nama:
        return result
    tables = dict(result.tables)
    register = register_unit(tables, config, dari_nama)
    if not register:
        listed = ", ".join(sorted(dari_nama))
        note = (
            f"{listed}: tidak ada register unit (laporan.yml pemetaan.register.unit, rekap IKM atau sheet "
            "Unit): nama unit dipakai sebagai kodenya"
        )
        return replace(result, notes=[*result.notes, note])
    shown = _as_written(config.pemetaan.daftar.unit, tables, ("skm_unit_riwayat", "skm_unit"), "unit")

    def code_of(nama: object) -> tuple[str | None, str | None]:
        return _kode_menurut_nama(nama, register, shown, "unit", "pemetaan.register.unit")

    problems: list[Problem] = []
    decided: dict[object, tuple[str | None, str | None]] = {}
    for table in ("skm_responden", "skm_unit_riwayat"):
        frame = tables.get(table)
        if frame is None or frame.empty:
            continue
        mine = frame["berkas"].isin(dari_nama).to_numpy()
        decided.update({n: code_of(n) for n in frame.loc[mine, "unit"].dropna().unique() if n not in decided})
        columns = ("kode_unit", "unit")
        frame, found = _recoded(frame, mine, decided, columns, "Unit Layanan", "nama unit kosong")
        problems += found
        tables[table] = frame.reset_index(drop=True)
    units = tables.get("skm_unit")
    if units is not None and not units.empty:
        units = _coded(units, dari_nama, decided)
        units = units[units["kode_unit"].notna()]
        tables["skm_unit"] = units.drop_duplicates(["tahun", "kode_unit"]).reset_index(drop=True)
    notes = []
    printed = tables.get("skm_nrr_tercetak")
    if printed is not None and not printed.empty:
        printed = _coded(printed, dari_nama, decided)
        lost = printed[printed["kode_unit"].isna()]
        if len(lost):
            notes.append(
                f"angka tercetak {', '.join(sorted(set(lost['berkas'])))} tidak diperiksa reviu: unitnya "
                "tanpa kode"
            )
        tables["skm_nrr_tercetak"] = printed[printed["kode_unit"].notna()].reset_index(drop=True)
    populasi = {lipat_nama(n): p for n, p in config.pemetaan.daftar.populasi_unit.items()}
    units = tables.get("skm_unit")
    if populasi and units is not None and not units.empty:
        filled = [
            populasi.get(lipat_nama(n), p) if o and pd.isna(p) else p
            for n, p, o in zip(units["unit"], units["populasi"], units["berkas"].isin(dari_nama), strict=True)
        ]  # fmt: skip
        tables["skm_unit"] = units.assign(populasi=pd.array(filled, dtype=units["populasi"].dtype))
    done = _finished(result, tables, problems, decided, dari_nama, "unit")
    return replace(done, notes=[*done.notes, *notes])


def _kode_menurut_nama(
    nama: object, register: dict[str, dict[str, str]], shown: dict[str, str], what: str, kunci: str
) -> tuple[str | None, str | None]:
    """The code of ``nama`` in ``register`` (folded name -> {code: where}), or why there is none.

    A name under two codes, or in no entry, gets a message naming the closest names of the register
    and the ``laporan.yml`` key where the office adds it.
    """
    key = lipat_nama(nama)
    codes = sorted(register.get(key, {}))
    if len(codes) == 1:
        return codes[0], None
    if codes:
        where = "; ".join(f"{c} ({register[key][c]})" for c in codes)
        return None, f"{what} '{nama}' tercantum di register dengan lebih dari satu kode: {where}"
    names = {n: sorted(c) for n, c in register.items()}
    close = difflib.get_close_matches(key, list(names), n=3, cutoff=0.6)
    hint = (
        "; yang paling mirip: " + ", ".join(f"'{shown.get(c, c)}' ({', '.join(names[c])})" for c in close)
        if close
        else ""
    )
    return None, (
        f"{what} '{nama}' tidak ada di register {what}{hint}. Tambahkan ke laporan.yml "
        f"({kunci}: nama: kode) atau perbaiki namanya di ekspor"
    )


def _finished(
    result: ReadResult, tables: dict, problems: list[Problem], decided: dict, dari_nama: set[str], what: str
) -> ReadResult:
    """``result`` with the recoded ``tables``, the rows of ``problems`` quarantined (the accounting of
    their sheets follows) and a note on how many names got their code."""
    by_sheet = {(a.berkas, a.sheet): a for a in result.accounting}
    for p in problems:
        by_sheet[(p.berkas, p.sheet)].disimpan -= 1
        by_sheet[(p.berkas, p.sheet)].dikarantina += 1
    matched = sum(1 for code, _ in decided.values() if code is not None)
    note = f"{', '.join(sorted(dari_nama))}: kode {matched} {what} diambil dari register menurut namanya"
    if matched < len(decided):
        note += f"; {len(decided) - matched} nama tidak dikenali (dikarantina)"
    return replace(
        result,
        tables=tables,
        quarantine=add_to_quarantine(result.quarantine, problems),
        notes=[*result.notes, note],
    )


def register_pd(tables: dict[str, pd.DataFrame], config: Config, dari_nama: set[str]) -> dict:
    """Folded perangkat daerah name -> {kode: where it is written}, from laporan.yml and the sources
    that carry both a code and a name (the kelembagaan workbook, SAKIP recaps with Kode PD)."""
    return _register(
        config.pemetaan.daftar.perangkat_daerah, "pemetaan.register.perangkat_daerah", tables,
        ("kelembagaan_pd", "sakip_pd"), ("kode_pd", "perangkat_daerah"), dari_nama,
    )  # fmt: skip


def kode_pd_dari_nama(result: ReadResult, config: Config) -> ReadResult:
    """``result`` with the perangkat daerah codes of the name-keyed SAKIP files taken from the register.

    A SAKIP recap without Kode PD, or an evaluation worksheet of one PD, names the PD only. Its code
    comes from ``laporan.yml`` (``pemetaan.register.perangkat_daerah``) or from the sources that
    carry both (the kelembagaan workbook, a recap with Kode PD), matched by the folded name. A name
    in no register, or under two codes, moves its row to the quarantine with the closest names;
    without any register the name stays the key, with a note.
    """
    dari_nama = result.kode_pd_dari_nama
    if not dari_nama:
        return result
    tables = dict(result.tables)
    register = register_pd(tables, config, dari_nama)
    if not register:
        note = (
            f"{', '.join(sorted(dari_nama))}: tidak ada register perangkat daerah (laporan.yml "
            "pemetaan.register.perangkat_daerah, berkas kelembagaan, rekap SAKIP dengan Kode PD): nama "
            "perangkat daerah dipakai sebagai kodenya"
        )
        return replace(result, notes=[*result.notes, note])
    shown = _as_written(
        config.pemetaan.daftar.perangkat_daerah, tables, ("kelembagaan_pd", "sakip_pd"), "perangkat_daerah"
    )
    frame = tables["sakip_pd"]
    mine = frame["berkas"].isin(dari_nama).to_numpy()
    decided = {
        n: _kode_menurut_nama(n, register, shown, "perangkat daerah", "pemetaan.register.perangkat_daerah")
        for n in frame.loc[mine, "perangkat_daerah"].dropna().unique()
    }
    columns = ("kode_pd", "perangkat_daerah")
    frame, problems = _recoded(
        frame, mine, decided, columns, "Perangkat Daerah", "nama perangkat daerah kosong"
    )
    twice = frame.duplicated(["tahun", "kode_pd"], keep=False).to_numpy()
    for row in frame[twice].itertuples(index=False):
        problems.append(Problem(
            str(row.berkas),
            f"perangkat daerah '{row.perangkat_daerah}' ({row.kode_pd}) tahun {row.tahun} dinilai lebih "
            "dari sekali "
            "(nama lain dengan kode yang sama di register)",
            sheet=str(row.sheet), baris=int(row.baris), kolom="Perangkat Daerah", nilai=row.perangkat_daerah,
        ))  # fmt: skip
    tables["sakip_pd"] = frame[~twice].reset_index(drop=True)
    return _finished(result, tables, problems, decided, dari_nama, "perangkat daerah")


def _as_written(
    declared, tables: dict[str, pd.DataFrame], names: tuple[str, ...], column: str
) -> dict[str, str]:
    """Folded name -> the name as written (laporan.yml first), for the messages."""
    shown = {lipat_nama(n): n for n in declared}
    for table in names:
        frame = tables.get(table)
        if frame is not None and not frame.empty:
            for nama in frame[column].dropna():
                shown.setdefault(lipat_nama(nama), str(nama))
    return shown


def _recoded(
    frame: pd.DataFrame, mine, decided: dict, columns: tuple[str, str], kolom: str, empty: str
) -> tuple[pd.DataFrame, list[Problem]]:
    """``frame`` with the code (``columns[0]``) of its name-keyed rows (``mine``) from ``decided``;
    the rows without a code left out, one located problem each."""
    code_col, name_col = columns
    codes = frame[code_col].copy()
    bad = pd.Series(False, index=frame.index)
    problems: list[Problem] = []
    for i in frame.index[mine]:
        nama = frame.at[i, name_col]
        code, why = decided.get(nama, (None, empty))
        if code is None:
            bad[i] = True
            problems.append(Problem(
                str(frame.at[i, "berkas"]), why, sheet=str(frame.at[i, "sheet"]),
                baris=int(frame.at[i, "baris"]), kolom=kolom, nilai=nama,
            ))  # fmt: skip
        else:
            codes[i] = code
    frame = frame.assign(**{code_col: codes.astype(frame[code_col].dtype)})
    return frame[~bad.to_numpy()], problems


def _coded(frame: pd.DataFrame, dari_nama: set[str], decided: dict) -> pd.DataFrame:
    """``frame`` with the unit code of its name-keyed rows from ``decided`` (NA when none)."""
    own = frame["berkas"].isin(dari_nama).to_numpy()
    rows = zip(frame["kode_unit"], frame["unit"], own, strict=True)
    mapped = [decided.get(n, (None, None))[0] if o else k for k, n, o in rows]
    return frame.assign(kode_unit=pd.array(mapped, dtype=frame["kode_unit"].dtype))
