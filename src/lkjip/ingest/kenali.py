"""``python -m lkjip kenali``: what each export in ``data/raw`` is, and what the office must decide.

For every file: the source its name belongs to, the layout recognised from its content (the
template, the SIPD report, the RFK table, an HTML page saved as Excel, Google Forms, the e-SKM
"Format Permenpan" sheet), which columns are read as what, and what cannot be decided from the
file alone (a unit name in no register, a one-unit form without its unit). With ``tulis`` the
proposals are written into ``laporan.yml``'s ``pemetaan`` block, keeping the file's comments and
order (ruamel.yaml round trip): only what a recognised layout justifies; every doubt becomes a
commented question, never a guess.
"""

from __future__ import annotations

import difflib
import fnmatch
from dataclasses import dataclass, field
from pathlib import Path

from lkjip.core.config import Config
from lkjip.ingest.problems import StructuralError
from lkjip.ingest.registers import lipat_nama
from lkjip.ingest.sources import SOURCES, Source


@dataclass
class Temuan:
    """What ``kenali`` found in one file."""

    berkas: str
    sumber: str | None
    tata_letak: str
    kolom: dict[str, str] = field(default_factory=dict)  # header as printed -> what it is read as
    pertanyaan: list[str] = field(default_factory=list)  # what cannot be decided
    #: A proposed ``pemetaan.skm`` entry (only for a recognised survey layout).
    usulan_skm: dict | None = None
    #: Unit names of the file without a code in any register.
    nama_unit: list[str] = field(default_factory=list)


def _source_of(path: Path, raw_dir: Path) -> Source | None:
    rel = path.relative_to(raw_dir).as_posix()
    return next((s for s in SOURCES if any(fnmatch.fnmatch(rel, p) for p in s.patterns)), None)


def kenali(raw_dir: Path, config: Config) -> list[Temuan]:
    """Inspect every file of ``raw_dir`` (README and hidden files aside)."""
    found = []
    for path in sorted(p for p in raw_dir.rglob("*") if p.is_file()):
        if path.name.startswith((".", "~$")) or path.suffix.lower() in (".md", ".txt"):
            continue
        source = _source_of(path, raw_dir)
        if source is None:
            found.append(Temuan(path.name, None, "tidak cocok dengan pola nama sumber mana pun; diabaikan"))
            continue
        try:
            if source.name == "anggaran":
                found.append(_anggaran(path, config))
            elif source.name == "skm":
                found.append(_skm(path, config))
            else:
                found.append(_lain(path, source, config))
        except StructuralError as exc:
            found.append(
                Temuan(path.name, source.name, "tidak dikenali", pertanyaan=[str(p) for p in exc.problems])
            )
    return found


def _anggaran(path: Path, config: Config) -> Temuan:
    from lkjip.ingest.readers import anggaran

    temuan = Temuan(path.name, "anggaran", "")
    shapes = []
    for grid in anggaran._grids_of(path, config):
        role = anggaran._role_of(grid)
        if role is None:
            continue
        spec = {
            "lra": anggaran._KOLOM_LRA,
            "rekap": anggaran._KOLOM_REKAP,
            "sasaran": anggaran._KOLOM_SASARAN,
        }
        header = anggaran._header(grid, spec[role], grid.berkas)
        shapes.append(f"sheet '{grid.name}': {anggaran._ROLE_NAME[role]}")
        temuan.kolom.update({f"{grid.name}: {label}": name for name, label in header.labels.items()})
    temuan.tata_letak = "; ".join(shapes) or "tidak ada tabel anggaran yang dikenali"
    if not shapes:
        temuan.pertanyaan.append(f"judul kolom yang diharapkan: {anggaran._HEADER_TEXT['lra']}")
    return temuan


def _skm(path: Path, config: Config) -> Temuan:
    from lkjip.ingest.layouts import skm as layouts
    from lkjip.ingest.readers import skm

    reader = skm.open_reader(path)
    name = skm.find_sheet(reader, skm.SHEET_RESPONDEN, path.name, required=False)
    if name is not None:
        sheet = skm.load_text_sheet(reader, name, path.name)
        kolom = [u.kolom for u in config.skm.unsur]
        try:
            fields = {**skm.FIELDS_RESPONDEN, **{k: (k,) for k in kolom}}
            h, mapping, _ = skm.locate_header(sheet, fields, (*skm.REQUIRED_RESPONDEN, *kolom))
            labels = sheet.table.slice(h, 1).to_pylist()[0]
            names = sheet.table.column_names
            shown = {skm._letter(sheet, pos, labels[names[pos]]): f for f, pos in mapping.items()}
            return Temuan(path.name, "skm", f"ekspor e-SKM (sheet '{name}')", shown)
        except StructuralError:
            pass
    for sheet_name in reader.sheet_names:
        sheet = skm.load_text_sheet(reader, sheet_name, path.name)
        found = layouts.kenali(path.name, sheet_name, sheet.table, sheet.columns, config)
        if found is None:
            continue
        temuan = Temuan(path.name, "skm", f"{found.tata_letak} (sheet '{sheet_name}')", found.dibaca_sebagai)
        questions = {k: v for k, v in found.dibaca_sebagai.items() if v.startswith("U")}
        temuan.usulan_skm = {"berkas": path.name, "sheet": sheet_name, "kolom": questions}
        units = found.table.column(found.mapping["unit"]).to_pylist()[found.header + 1 :]
        temuan.nama_unit = sorted({" ".join(str(u).split()) for u in units if u})
        return temuan
    temuan = Temuan(path.name, "skm", "tidak dikenali")
    temuan.pertanyaan.append(
        "bukan ekspor e-SKM, Google Forms atau 'Format Permenpan'; bila ini ekspor Google Forms satu "
        "unit, nyatakan unitnya: pemetaan.skm: [{berkas: ..., konstan: {unit: ...}}]"
    )
    return temuan


def _lain(path: Path, source: Source, config: Config) -> Temuan:
    import importlib

    module = importlib.import_module(f"lkjip.ingest.readers.{source.reader}")
    result = module.read_many([path], config) if source.many else module.read(path, config)
    sheets = sorted({a.sheet for a in result.accounting})
    kept = sum(a.disimpan for a in result.accounting)
    return Temuan(path.name, source.name, f"templat proyek; sheet dibaca: {', '.join(sheets)} ({kept} baris)")


def unit_tanpa_kode(temuan: list[Temuan], register: dict[str, str]) -> dict[str, list[str]]:
    """Unit name -> closest register names, for the names of name-keyed files not in the register."""
    folded = {lipat_nama(n): n for n in register}
    out = {}
    for t in temuan:
        for nama in t.nama_unit:
            if lipat_nama(nama) not in folded:
                close = difflib.get_close_matches(lipat_nama(nama), list(folded), n=3, cutoff=0.6)
                out[nama] = [folded[c] for c in close]
    return out


def register_dikenal(raw_dir: Path, config: Config) -> dict[str, str]:
    """Unit name -> code from laporan.yml and from the IKM recap and e-SKM Unit sheets in ``raw_dir``."""
    names = dict(config.pemetaan.daftar.kode_unit)
    from lkjip.ingest.readers import skm_riwayat

    for path in sorted(raw_dir.glob("skm-riwayat*.xlsx")):
        try:
            table = skm_riwayat.read(path, config).tables["skm_unit_riwayat"]
        except StructuralError:
            continue
        names.update({str(u): str(k) for k, u in zip(table["kode_unit"], table["unit"], strict=True)})
    return names


def tulis(config_path: Path, temuan: list[Temuan], tanpa_kode: dict[str, list[str]]) -> list[str]:
    """Write the proposals into ``config_path``'s ``pemetaan`` block; return what was written.

    Existing entries are kept; a file already declared is not declared twice. Unit names without
    a code become commented questions under ``register.unit`` (never a guessed code).
    """
    from ruamel.yaml import YAML
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    yaml = YAML()  # round trip: comments, order and quoting of the office's file are kept
    yaml.preserve_quotes = True
    yaml.width = 4096  # never re-wrap the office's long lines
    yaml.indent(mapping=2, sequence=4, offset=2)  # laporan.yml's own style: "  - item" under a key
    data = yaml.load(config_path.read_text(encoding="utf-8"))
    written = []
    pemetaan = data.get("pemetaan")
    if pemetaan is None:
        pemetaan = CommentedMap()
        data["pemetaan"] = pemetaan
        data.yaml_set_comment_before_after_key(
            "pemetaan",
            before="\nPemetaan ekspor yang tata letaknya perlu keputusan kantor (ditulis oleh "
            "`python -m lkjip kenali --tulis`;\nperiksa, lalu ubah bila perlu).",
        )
    entries = pemetaan.setdefault("skm", CommentedSeq())
    declared = {e.get("berkas") for e in entries}
    for t in temuan:
        if t.usulan_skm and t.usulan_skm["berkas"] not in declared:
            entry = CommentedMap(
                [("berkas", t.usulan_skm["berkas"]), ("sheet", t.usulan_skm["sheet"]),
                 ("kolom", CommentedMap(t.usulan_skm["kolom"]))]
            )  # fmt: skip
            entries.append(entry)
            written.append(f"pemetaan.skm: {t.usulan_skm['berkas']} (sheet '{t.usulan_skm['sheet']}')")
    already = config_path.read_text(encoding="utf-8")
    tanpa_kode = {n: c for n, c in tanpa_kode.items() if f"# unit '{n}': kodenya?" not in already}
    if tanpa_kode:
        register = pemetaan.setdefault("register", CommentedMap())
        register.setdefault("unit", CommentedMap())
        questions = [
            f"unit '{nama}': kodenya? "
            + (f"paling mirip: {', '.join(close)}" if close else "tidak ada yang mirip")
            for nama, close in sorted(tanpa_kode.items())
        ]
        register.yaml_set_comment_before_after_key(
            "unit", before="Pertanyaan untuk kantor (tulis 'nama: kode' di bawah):\n" + "\n".join(questions),
            indent=2,
        )  # fmt: skip
        written += [f"pertanyaan (komentar): {q}" for q in questions]
    with config_path.open("w", encoding="utf-8") as fh:
        yaml.dump(data, fh)
    return written
