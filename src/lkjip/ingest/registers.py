"""Names to codes: the unit codes of exports that name their units but carry no code.

A Google Forms or e-SKM "Format Permenpan" export names each service unit; the report keys every
unit by the office's code (``UL-01``), so that a unit's IKM of this year meets its IKM of earlier
years. The codes come from a register, matched after folding case, spacing and punctuation:

1. ``laporan.yml``: ``pemetaan.register.unit`` (``nama: kode``), the office's own list;
2. the other sources that carry both a code and a name: the IKM recap (``skm-riwayat``) and the
   ``Unit`` sheet of the e-SKM exports.

A name found once gets its code. A name not in the register, or found under two codes, is never
made a new unit: its respondents go to quarantine with a located message naming the closest
names of the register. Without any register (an office whose only survey source is a form), the
unit's name is its key, and a note says so.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections import defaultdict
from dataclasses import replace

import pandas as pd

from lkjip.core.config import Config
from lkjip.ingest.problems import Problem, ReadResult, add_to_quarantine

_NOT_WORD = re.compile(r"[^\w]+")


def lipat_nama(text: object) -> str:
    """A name as compared: NFKC, case folded, punctuation and repeated spaces as one space.

    >>> lipat_nama("Dinas  Kependudukan & Pencatatan Sipil."), lipat_nama("KECAMATAN TROWULAN")
    ('dinas kependudukan pencatatan sipil', 'kecamatan trowulan')
    """
    if text is None or (isinstance(text, float) and pd.isna(text)):
        return ""
    folded = unicodedata.normalize("NFKC", str(text)).casefold()
    return " ".join(_NOT_WORD.sub(" ", folded).split())


def register_unit(tables: dict[str, pd.DataFrame], config: Config, dari_nama: set[str]) -> dict:
    """Folded unit name -> {kode: where it is written}, from laporan.yml and the sources with codes."""
    found: dict[str, dict[str, str]] = defaultdict(dict)
    for nama, kode in config.pemetaan.daftar.unit.items():
        found[lipat_nama(nama)].setdefault(str(kode), "laporan.yml (pemetaan.register.unit)")
    for table in ("skm_unit_riwayat", "skm_unit"):
        frame = tables.get(table)
        if frame is None or frame.empty:
            continue
        own = frame[~frame["berkas"].isin(dari_nama)]
        for kode, nama, berkas in zip(own["kode_unit"], own["unit"], own["berkas"], strict=True):
            if isinstance(kode, str) and isinstance(nama, str):
                found[lipat_nama(nama)].setdefault(kode, str(berkas))
    return dict(found)


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
    names = {n: sorted(codes) for n, codes in register.items()}
    shown = {lipat_nama(n): n for n in config.pemetaan.daftar.unit}
    for table in ("skm_unit_riwayat", "skm_unit"):
        frame = tables.get(table)
        if frame is not None and not frame.empty:
            for nama in frame["unit"].dropna():
                shown.setdefault(lipat_nama(nama), str(nama))

    def code_of(nama: object) -> tuple[str | None, str | None]:
        key = lipat_nama(nama)
        codes = names.get(key, [])
        if len(codes) == 1:
            return codes[0], None
        if codes:
            where = "; ".join(f"{c} ({register[key][c]})" for c in codes)
            return None, f"unit '{nama}' tercantum di register dengan lebih dari satu kode: {where}"
        close = difflib.get_close_matches(key, list(names), n=3, cutoff=0.6)
        hint = (
            "; yang paling mirip: " + ", ".join(f"'{shown.get(c, c)}' ({', '.join(names[c])})" for c in close)
            if close
            else ""
        )
        return None, (
            f"unit '{nama}' tidak ada di register unit{hint}. Tambahkan ke laporan.yml "
            "(pemetaan.register.unit: nama: kode) atau perbaiki namanya di ekspor"
        )

    problems: list[Problem] = []
    decided: dict[object, tuple[str | None, str | None]] = {}
    for table in ("skm_responden", "skm_unit_riwayat"):
        frame = tables.get(table)
        if frame is None or frame.empty:
            continue
        mine = frame["berkas"].isin(dari_nama).to_numpy()
        decided.update({n: code_of(n) for n in frame.loc[mine, "unit"].dropna().unique() if n not in decided})
        codes = frame["kode_unit"].copy()
        bad = pd.Series(False, index=frame.index)
        for i in frame.index[mine]:
            nama = frame.at[i, "unit"]
            code, why = decided.get(nama, (None, "nama unit kosong"))
            if code is None:
                bad[i] = True
                problems.append(
                    Problem(
                        str(frame.at[i, "berkas"]),
                        why,
                        sheet=str(frame.at[i, "sheet"]),
                        baris=int(frame.at[i, "baris"]),
                        kolom="Unit Layanan",
                        nilai=nama,
                    )
                )
            else:
                codes[i] = code
        frame = frame.assign(kode_unit=codes.astype(frame["kode_unit"].dtype))
        tables[table] = frame[~bad.to_numpy()].reset_index(drop=True)
    units = tables.get("skm_unit")
    if units is not None and not units.empty:
        own = units["berkas"].isin(dari_nama).to_numpy()
        mapped = [decided.get(n, (None, None))[0] if o else k for k, n, o in zip(
            units["kode_unit"], units["unit"], own, strict=True)]  # fmt: skip
        units = units.assign(kode_unit=pd.array(mapped, dtype=units["kode_unit"].dtype))
        units = units[units["kode_unit"].notna()]
        tables["skm_unit"] = units.drop_duplicates(["tahun", "kode_unit"]).reset_index(drop=True)
    by_sheet = {(a.berkas, a.sheet): a for a in result.accounting}
    for p in problems:
        by_sheet[(p.berkas, p.sheet)].disimpan -= 1
        by_sheet[(p.berkas, p.sheet)].dikarantina += 1
    matched = sum(1 for code, _ in decided.values() if code is not None)
    note = (
        f"{', '.join(sorted(dari_nama))}: kode {matched} unit diambil dari register menurut namanya"
        + (f"; {len(decided) - matched} nama tidak dikenali (dikarantina)" if matched < len(decided) else "")
    )
    return replace(
        result,
        tables=tables,
        quarantine=add_to_quarantine(result.quarantine, problems),
        notes=[*result.notes, note],
    )
