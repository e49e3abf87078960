"""The data step: read every raw export, validate, quarantine, compute, and write data/processed."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

import pandas as pd

from lkjip import __version__
from lkjip.core.config import Config
from lkjip.core.hashing import sha256
from lkjip.core.teks import neutralise_formula
from lkjip.ingest.hilang import realisasi_jatuh_ke_ketikan, sumber_tanpa_angka
from lkjip.ingest.keys import normalise_key_columns
from lkjip.ingest.problems import (
    WARNINGS_CSV,
    ColumnPlaces,
    Problem,
    ReadResult,
    RowAccounting,
    StructuralError,
    check_accounting,
    empty_quarantine,
    warning_rows,
)
from lkjip.ingest.registers import kode_pd_dari_nama, kode_unit_dari_nama
from lkjip.ingest.sources import (
    SOURCES,
    check_years_reported,
    discover,
    merge,
    read_source,
    source_files,
)
from lkjip.katalog.dataset import DATASET, clean_schemas
from lkjip.katalog.hasil import COLUMNS, shaped
from lkjip.katalog.store import MANIFEST, DataTidakUtuh, check_folder, publish, read_manifest


@dataclass
class DataStepResult:
    """What the data step did: tables written, accounting, quarantine, and whether it was skipped."""

    skipped: bool
    out_dir: Path
    tables: dict[str, pd.DataFrame] = field(default_factory=dict)
    accounting: list[RowAccounting] = field(default_factory=list)
    quarantine: pd.DataFrame = field(default_factory=empty_quarantine)
    notes: list[str] = field(default_factory=list)
    reviu: pd.DataFrame | None = None
    #: Located warnings: data kept but probably wrong (also in ``peringatan.csv``).
    warnings: list[Problem] = field(default_factory=list)
    #: The sources read (``dipakai``), absent (``tidak_ada``) and declared in ``laporan.yml``
    #: (``dinyatakan``, ``None`` when not declared), as the manifest records them.
    sumber: dict = field(default_factory=dict)

    @property
    def n_quarantined(self) -> int:
        return len(self.quarantine)


def _input_fingerprint(raw_dir: Path, files: dict[str, list[Path]], config_path: Path | None) -> dict:
    inputs = {p.relative_to(raw_dir).as_posix(): sha256(p) for paths_ in files.values() for p in paths_}
    return {
        "versi_paket": __version__,
        "konfigurasi": sha256(config_path) if config_path and config_path.exists() else None,
        "masukan": dict(sorted(inputs.items())),
    }


_YEAR = re.compile(r"(?<!\d)(20\d{2})(?!\d)")


def _sheets_gone(
    manifest_path: Path, accounting: list[RowAccounting], files: dict[str, list[Path]]
) -> list[Problem]:
    """Year sheets the last run read that this run did not, though their file is still there.

    A deleted ``SAKIP 2023`` or ``IKM 2023`` turns that year's figures into N/A or typed
    values; compared with the previous run's manifest, it gets a located warning.
    """
    try:
        old = json.loads(manifest_path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError):
        return []
    now = {(a.berkas, a.sheet) for a in accounting}
    present = {p.name for paths_ in files.values() for p in paths_}
    out = []
    for entry in old.get("akuntansi", []):
        key = (entry.get("berkas"), entry.get("sheet"))
        if key in now or key[0] not in present or not _YEAR.search(str(key[1])):
            continue
        out.append(
            Problem(
                key[0],
                f"sheet ini dibaca pada proses sebelumnya ({entry.get('disimpan', 0)} baris) tetapi kini "
                "tidak ada; angka tahun itu akan tampil N/A atau memakai angka ketik",
                sheet=key[1],
            )
        )
    return out


def _intact(out_dir: Path) -> bool:
    """Whether ``out_dir`` holds exactly what its manifest lists (a damaged folder is rebuilt)."""
    try:
        check_folder(out_dir)
    except DataTidakUtuh:
        return False
    return True


def letak_kolom(places: ColumnPlaces) -> pd.DataFrame:
    """The readers' column places as the table ``letak_kolom``, sorted (the report's trails name
    the Excel column of every figure from it: ``P (Target 2025)``).

    Examples
    --------
    >>> places = {("pk.xlsx", "PK", "target", 2025): "P (Target 2025)"}
    >>> places[("s.xlsx", "S", "nilai", None)] = "D (Nilai)"
    >>> letak_kolom(places)[["berkas", "kolom", "tahun", "letak"]].values.tolist()
    [['pk.xlsx', 'target', 2025, 'P (Target 2025)'], ['s.xlsx', 'nilai', <NA>, 'D (Nilai)']]
    """
    rows = [
        {"berkas": b, "sheet": s, "kolom": k, "tahun": t, "letak": letak}
        for (b, s, k, t), letak in sorted(places.items(), key=lambda item: tuple(map(str, item[0])))
    ]
    return shaped(pd.DataFrame(rows, columns=list(COLUMNS["letak_kolom"])), "letak_kolom")


def empty_clean_tables(absent: list[str], config: Config) -> dict[str, pd.DataFrame]:
    """The clean tables of the ``absent`` sources, with no rows and their contract's columns.

    Every later step then sees zero rows of an export the office does not report, never a
    missing table.
    """
    schemas = clean_schemas(config)
    return {
        name: pd.DataFrame({c: pd.Series(dtype=col.dtype.type) for c, col in schemas[name].columns.items()})
        for name, dataset in DATASET.items()
        if dataset.jenis == "bersih" and dataset.sumber[0] in absent
    }


def run_data_step(
    raw_dir: Path,
    out_dir: Path,
    config: Config,
    *,
    config_path: Path | None = None,
    force: bool = False,
    progress: Callable[[str], None] = lambda _msg: None,
) -> DataStepResult:
    """Read, validate and compute every table, and write them to ``out_dir``.

    Parameters
    ----------
    raw_dir, out_dir : Path
        Folder of the raw exports (never modified) and of the processed tables.
    config : Config
        The report configuration.
    config_path : Path, optional
        The configuration file, so that a change in it also triggers a rebuild.
    force : bool
        Rebuild even when the inputs' checksums equal those of the last run.
    progress : callable
        Receives one line per step, for the command line.

    Returns
    -------
    DataStepResult

    Raises
    ------
    StructuralError
        With every structural problem of every source (nothing is written then).
    """
    files, problems = discover(raw_dir, config.sumber)
    if problems and not any(files.values()):
        raise StructuralError(problems)
    fingerprint = _input_fingerprint(raw_dir, files, config_path)
    manifest_path = out_dir / MANIFEST
    if not problems and not force and _intact(out_dir):
        old = read_manifest(out_dir) or {}
        # the same inputs, and every table this version of lkjip writes (an upgrade may add one)
        if old.get("sidik") == fingerprint and set(DATASET) <= set(old.get("tabel", [])):
            progress(
                "Masukan tidak berubah sejak proses terakhir (checksum sama); dilewati. "
                "Gunakan --force untuk membangun ulang."
            )
            return DataStepResult(skipped=True, out_dir=out_dir)

    results: list[ReadResult] = []
    for source in SOURCES:
        if len(files.get(source.name, [])) != 1 and not (source.many and files.get(source.name)):
            continue  # missing or ambiguous: already a problem; read the others to report all at once
        names = [p.name for p in files[source.name]]
        shown = ", ".join(names) if len(names) <= 3 else f"{len(names)} berkas"
        progress(f"Membaca {source.description}: {shown}")
        try:
            results.append(read_source(source, files[source.name], config, progress))
        except StructuralError as exc:
            problems.extend(exc.problems)
    if problems:
        raise StructuralError(problems)
    merged = kode_pd_dari_nama(kode_unit_dari_nama(merge(results), config), config)
    absent = [s.name for s in SOURCES if s.name not in files]
    merged.notes.extend(
        f"berkas {', '.join(p.name for p in source_files(s, raw_dir))} tidak dibaca: sumber "
        f"'{s.name}' tidak dinyatakan di laporan.yml (sumber)"
        for s in SOURCES
        if s.name in absent and source_files(s, raw_dir)
    )
    merged = replace(merged, tables={**empty_clean_tables(absent, config), **merged.tables})
    if absent:
        progress(f"Sumber tidak ada (tabelnya ditulis kosong): {', '.join(absent)}")
    problems = [
        *check_accounting(merged.accounting),
        *check_years_reported(merged.tables),
        *sumber_tanpa_angka(merged.tables, files, merged.quarantine),
    ]
    if problems:
        raise StructuralError(problems)

    progress("Menghitung indikator dan reviu")
    from lkjip.indicators.engine import compute_all
    from lkjip.reviu.kewajaran import check_kewajaran
    from lkjip.reviu.temuan import run_reviu

    clean, key_warnings = normalise_key_columns(merged.tables, skip=("skm_responden",))
    computed = compute_all(clean, config)
    reviu = run_reviu(clean, computed, config)
    warnings = [
        *merged.warnings,
        *key_warnings,
        *check_kewajaran(clean, computed, config, merged.kolom),
        *_sheets_gone(manifest_path, merged.accounting, files),
        *realisasi_jatuh_ke_ketikan(computed.get("capaian", pd.DataFrame())),
    ]
    tables = {
        **clean,
        **computed,
        "reviu": reviu,
        "letak_kolom": letak_kolom(merged.kolom),
        "karantina": merged.quarantine,
    }

    sumber = {
        "dipakai": [s.name for s in SOURCES if s.name in files],
        "tidak_ada": absent,
        "dinyatakan": config.sumber,
    }
    progress(f"Menulis {len(tables)} tabel ke {out_dir}")
    warning_table = warning_rows(warnings).map(neutralise_formula)
    manifest = {
        "sidik": fingerprint,
        "dibuat": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "tahun_laporan": config.tahun,
        "tabel": sorted(tables),
        "akuntansi": [a.as_dict() for a in merged.accounting],
        "jumlah_karantina": len(merged.quarantine),
        "jumlah_peringatan": len(warnings),
        "catatan": merged.notes,
        "sumber": sumber,
    }
    publish(
        tables,
        out_dir,
        manifest,
        {WARNINGS_CSV: warning_table.to_csv(index=False, lineterminator="\n").encode("utf-8-sig")},
    )
    return DataStepResult(
        skipped=False,
        out_dir=out_dir,
        tables=tables,
        accounting=merged.accounting,
        quarantine=merged.quarantine,
        notes=merged.notes,
        reviu=reviu,
        warnings=warnings,
        sumber=sumber,
    )
