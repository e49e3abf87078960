"""``python -m lkjip kenali``: what each export in ``data/raw`` is, and what the office must decide.

For every file: the source its name belongs to, the layout recognised from its content (the
template, the SIPD report, the RFK table, an HTML page saved as Excel, Google Forms, the e-SKM
"Format Permenpan" sheet, a SAKIP recap with or without Kode PD, a perangkat daerah's evaluation
worksheet, a Perjanjian Kinerja document of one year), which columns are read as what, and what
cannot be decided from the file alone (a unit or perangkat daerah name in no register, a one-unit
form without its unit, the agreement of a document, an indicator's polarity and computed source).
With ``--tulis`` (:func:`write_declarations`) the proposals are written into ``laporan.yml``'s
``pemetaan`` block, keeping the file's comments and order (ruamel.yaml round trip): only what a
recognised layout justifies (its sheet and header rows, the question texts matched to unsur, an
indicator's code found by its name in the office's own sheets); every doubt becomes a commented
question, never a guess.
"""

from __future__ import annotations

import difflib
import fnmatch
from dataclasses import dataclass, field
from pathlib import Path

from lkjip.core.config import Config
from lkjip.core.pilihan import lipat_nama
from lkjip.ingest.problems import StructuralError
from lkjip.ingest.sources import SOURCES, Source, source_files

#: The choices the office has for an indicator of an exported Perjanjian Kinerja, for the question.
PILIHAN_INDIKATOR = (
    "polaritas (positif/negatif), sumber (manual atau {sumber}), jenis (utama/lainnya), "
    "triwulan (akhir: triwulan terakhir yang terisi; jumlah: jumlah keempat triwulan)"
)


@dataclass
class Temuan:
    """What ``kenali`` found in one file."""

    berkas: str
    sumber: str | None
    tata_letak: str
    kolom: dict[str, str] = field(default_factory=dict)  # header as printed -> what it is read as
    pertanyaan: list[str] = field(default_factory=list)  # what cannot be decided
    #: Proposed ``pemetaan.<sumber>`` entries: (source, entry).
    usulan: list[tuple[str, dict]] = field(default_factory=list)
    #: Unit names of the file without a code in any register.
    nama_unit: list[str] = field(default_factory=list)
    #: Perangkat daerah names of the file (to be matched with the register).
    nama_pd: list[str] = field(default_factory=list)
    #: Per agreement, its indicators by name: the code found for it (or None) and the question.
    indikator: dict[str, dict[str, tuple[str | None, str]]] = field(default_factory=dict)


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
            elif source.name == "sakip":
                found.append(_sakip(path, config))
            elif source.name == "perjanjian_kinerja":
                found.append(_perjanjian_kinerja(path, config, source_files(source, raw_dir)))
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
    from lkjip.ingest.pemetaan import deklarasi
    from lkjip.ingest.readers import skm

    reader = skm.open_reader(path)
    name = skm.find_sheet(reader, skm.SHEET_RESPONDEN, path.name, required=False)
    if name is not None:
        sheet = skm.load_text_sheet(reader, name, path.name)
        kolom = [u.kolom for u in config.skm.unsur]
        try:
            fields = {**skm.FIELDS_RESPONDEN, **{k: (k,) for k in kolom}}
            judul = skm.locate_header(
                sheet, fields, (*skm.REQUIRED_RESPONDEN, *kolom), deklarasi(config, "skm", path.name, name)
            )
            shown = {
                skm._letter(sheet, pos, judul.label[pos]): skm.JUDUL_RESPONDEN.get(f, f)
                for f, pos in judul.kolom.items()
            }
            return Temuan(path.name, "skm", f"ekspor e-SKM (sheet '{name}')", shown)
        except StructuralError:
            pass
    for sheet_name in reader.sheet_names:
        sheet = skm.load_text_sheet(reader, sheet_name, path.name)
        found = layouts.kenali(path.name, sheet_name, sheet.table, sheet.columns, config)
        if found is None:
            continue
        shown = {k: _judul_skm(v) for k, v in found.dibaca_sebagai.items()}
        temuan = Temuan(path.name, "skm", f"{found.tata_letak} (sheet '{sheet_name}')", shown)
        questions = {k: v for k, v in found.dibaca_sebagai.items() if v.startswith("U")}
        entry: dict = {"berkas": path.name, "sheet": sheet_name}
        if found.tata_letak.endswith("Format Permenpan"):
            entry["headerRows"] = [found.header, found.header + 1]  # the labels, then U1 .. U9
        entry["kolom"] = questions
        temuan.usulan.append(("skm", entry))
        units = found.table.column(found.mapping["unit"]).to_pylist()[found.header + 1 :]
        temuan.nama_unit = sorted({" ".join(str(u).split()) for u in units if u})
        return temuan
    temuan = Temuan(path.name, "skm", "tidak dikenali")
    temuan.pertanyaan.append(
        "bukan ekspor e-SKM, Google Forms atau 'Format Permenpan'; bila ini ekspor Google Forms satu "
        "unit, nyatakan unitnya: pemetaan.skm: [{berkas: ..., konstan: {unit: ...}}]"
    )
    return temuan


def _judul_skm(field_name: str) -> str:
    """A survey field as the template's header names it (``tanggal`` -> ``Tanggal Survei``)."""
    from lkjip.ingest.readers import skm

    head, _, rest = field_name.partition(" ")
    shown = skm.JUDUL_RESPONDEN.get(head)
    return field_name if shown is None else f"{shown} {rest}".strip()


def _sakip(path: Path, config: Config) -> Temuan:
    """A SAKIP file: the recap sheets (with or without Kode PD) and the evaluation worksheets."""
    from lkjip.ingest.pemetaan import deklarasi
    from lkjip.ingest.readers import _grid, sakip
    from lkjip.ingest.readers._base import open_workbook

    wb = open_workbook(path)
    grids = _grid.load_sheets(path, wb, wb.sheetnames)
    temuan = Temuan(path.name, "sakip", "")
    shapes = []
    for name in wb.sheetnames:
        grid, declared = grids[name], deklarasi(config, "sakip", path.name, name)
        kke = None if sakip._SHEET.match(name.strip()) else sakip._kke_layout(grid, config, declared)
        if kke is not None:
            shapes.append(
                f"lembar kerja evaluasi (KKE) '{kke.perangkat_daerah}' tahun {kke.tahun} (sheet '{name}')"
            )
            temuan.kolom.update({f"{name}: {label}": f for f, label in kke.label.items()})
            temuan.nama_pd.append(kke.perangkat_daerah)
            continue
        try:
            h, col = _grid.header_columns(grid, sakip._HEADERS, sakip._OPTIONAL, declared)
        except StructuralError:
            continue
        if "kode_pd" in col:
            shapes.append(f"rekap SAKIP (sheet '{name}')")
        else:
            shapes.append(f"rekap SAKIP tanpa Kode PD, kode dari register menurut nama (sheet '{name}')")
            names = [_grid.text_of(r[col["perangkat_daerah"]]) for r in grid.values[h + 1 :]]
            temuan.nama_pd += [n for n in names if n and not _grid.TOTAL_LABEL.match(n.lower())]
        for f, c in col.items():
            temuan.kolom[f"{name}: {_grid.header_label(grid, h, c)}"] = sakip.JUDUL[f]
    recaps = [n for n in wb.sheetnames if f"rekap SAKIP (sheet '{n}')" in shapes]
    if recaps and len(recaps) == len(shapes):
        shapes = [f"templat proyek; sheet dibaca: {', '.join(recaps)}"]
    temuan.tata_letak = "; ".join(shapes) or "tidak ada tabel nilai SAKIP yang dikenali"
    if not shapes:
        temuan.pertanyaan.append(
            "judul kolom yang diharapkan: No | Kode PD | Perangkat Daerah | Nilai | Predikat, atau lembar "
            "kerja "
            "evaluasi satu perangkat daerah (PERANGKAT DAERAH : ...; No | Komponen | Bobot | Nilai)"
        )
    return temuan


def _perjanjian_kinerja(path: Path, config: Config, files: list[Path]) -> Temuan:
    """A Perjanjian Kinerja file: the office's workbook, or documents of one year (e-SAKIP)."""
    from lkjip.ingest.readers import perjanjian_kinerja as reader

    documents = [d for d in reader.dokumen_ekspor(files, config) if d.berkas == path.name]
    if not documents:
        return _lain(path, next(s for s in SOURCES if s.name == "perjanjian_kinerja"), config, files)
    temuan = Temuan(path.name, "perjanjian_kinerja", "")
    shapes = []
    for d in documents:
        layout = d.layout
        what = "realisasi per triwulan" if layout.triwulan else "realisasi tahunan"
        shapes.append(
            f"dokumen Perjanjian Kinerja satu tahun (e-SAKIP; sheet '{d.sheet}'): {d.dokumen or '?'} tahun "
            f"{d.tahun or '?'}, {what}"
        )
        temuan.kolom.update({f"{d.sheet}: {layout.label[c]}": f for f, c in layout.kolom.items()})
        for q, c in layout.triwulan.items():
            temuan.kolom[f"{d.sheet}: {layout.label[c]}"] = f"realisasi triwulan {q}"
        entry: dict = {"berkas": path.name, "headerRows": list(range(layout.pertama + 1, layout.header + 2))}
        if d.tahun is None:
            temuan.pertanyaan.append(
                f"sheet '{d.sheet}': tahun dokumen? (pemetaan.perjanjian_kinerja: tahun)"
            )
        if d.dokumen is None:
            choices = ", ".join(dict.fromkeys(p.dokumen_pk for p in config.periode))
            temuan.pertanyaan.append(f"sheet '{d.sheet}': dokumen perjanjian yang mana? pilihan: {choices}")
        else:
            entry["dokumen"] = d.dokumen
        temuan.usulan.append(("perjanjian_kinerja", entry))
        for nama, sifat in d.indikator.items():
            if sifat.asal.startswith(("laporan.yml", "sheet Perjanjian")):
                continue  # said already, by the office
            kode = sifat.kode if sifat.asal.startswith("sheet Narasi") else None
            ask = "polaritas? sumber? jenis? triwulan?"
            question = f"{nama}: " + ("" if kode else "kode (mis. PK-1)? ") + ask
            temuan.indikator.setdefault(d.dokumen, {})[nama] = (kode, question)
    temuan.tata_letak = "; ".join(shapes)
    return temuan


def _lain(path: Path, source: Source, config: Config, paths: list[Path] | None = None) -> Temuan:
    import importlib

    module = importlib.import_module(f"lkjip.ingest.readers.{source.reader}")
    files = paths or [path]
    result = module.read_many(files, config) if source.many else module.read(path, config)
    sheets = sorted({a.sheet for a in result.accounting if a.berkas == path.name})
    kept = sum(a.disimpan for a in result.accounting if a.berkas == path.name)
    return Temuan(path.name, source.name, f"templat proyek; sheet dibaca: {', '.join(sheets)} ({kept} baris)")


def unit_tanpa_kode(temuan: list[Temuan], register: dict[str, str]) -> dict[str, list[str]]:
    """Unit name -> closest register names, for the names of name-keyed files not in the register."""
    return _tanpa_kode([n for t in temuan for n in t.nama_unit], register)


def pd_tanpa_kode(temuan: list[Temuan], register: dict[str, str]) -> dict[str, list[str]]:
    """Perangkat daerah name -> closest register names, for the names of name-keyed SAKIP files."""
    return _tanpa_kode([n for t in temuan for n in t.nama_pd], register)


def _tanpa_kode(names: list[str], register: dict[str, str]) -> dict[str, list[str]]:
    folded = {lipat_nama(n): n for n in register}
    out = {}
    for nama in names:
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


def register_pd_dikenal(raw_dir: Path, config: Config) -> dict[str, str]:
    """Perangkat daerah name -> code from laporan.yml, the kelembagaan workbook and SAKIP recaps with "
    "codes."""
    names = dict(config.pemetaan.daftar.perangkat_daerah)
    from lkjip.ingest.readers import kelembagaan, sakip

    for reader, pattern, table in ((kelembagaan, "kelembagaan*.xlsx", "kelembagaan_pd"),
                                   (sakip, "sakip*.xlsx", "sakip_pd")):  # fmt: skip
        for path in sorted(raw_dir.glob(pattern)):
            try:
                frame = reader.read(path, config).tables[table]
            except StructuralError:
                continue
            coded = frame[frame["kode_pd"] != frame["perangkat_daerah"]]
            pairs = zip(coded["kode_pd"], coded["perangkat_daerah"], strict=True)
            names.update({str(n): str(k) for k, n in pairs})
    return names


def write_declarations(
    config_path: Path,
    temuan: list[Temuan],
    tanpa_kode: dict[str, list[str]],
    pd_tanpa: dict[str, list[str]] | None = None,
) -> list[str]:
    """Write the proposals into ``config_path``'s ``pemetaan`` block; return what was written.

    Existing entries are kept; a file already declared is not declared twice. Unit and perangkat
    daerah names without a code become commented questions under ``register`` (never a guessed
    code); an exported indicator gets its code when the office's narrative sheet gives it, and its
    polarity, computed source, kind and quarter rule as a commented question.
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
    for t in temuan:
        for sumber, usulan in t.usulan:
            entries = pemetaan.setdefault(sumber, CommentedSeq())
            declared = {e.get("berkas") for e in entries}
            if usulan["berkas"] in declared:
                continue
            entry = CommentedMap()
            for key, value in usulan.items():
                if isinstance(value, dict):
                    value = CommentedMap(value)
                elif isinstance(value, list):
                    value = CommentedSeq(value)
                    value.fa.set_flow_style()
                entry[key] = value
            entries.append(entry)
            sheet = f" (sheet '{usulan['sheet']}')" if "sheet" in usulan else ""
            written.append(f"pemetaan.{sumber}: {usulan['berkas']}{sheet}")
    already = config_path.read_text(encoding="utf-8")
    written += _questions(pemetaan, "unit", tanpa_kode, already, "unit")
    written += _questions(pemetaan, "perangkat_daerah", pd_tanpa or {}, already, "perangkat daerah")
    written += _indicators(pemetaan, temuan, already)
    with config_path.open("w", encoding="utf-8") as fh:
        yaml.dump(data, fh)
    return written


def _questions(pemetaan, key: str, tanpa_kode: dict[str, list[str]], already: str, what: str) -> list[str]:
    """Names without a code as commented questions above ``register.<key>``."""
    from ruamel.yaml.comments import CommentedMap

    tanpa_kode = {n: c for n, c in tanpa_kode.items() if f"# {what} '{n}': kodenya?" not in already}
    if not tanpa_kode:
        return []
    register = pemetaan.setdefault("register", CommentedMap())
    register.setdefault(key, CommentedMap())
    questions = [
        f"{what} '{nama}': kodenya? "
        + (f"paling mirip: {', '.join(close)}" if close else "tidak ada yang mirip")
        for nama, close in sorted(tanpa_kode.items())
    ]
    before = "Pertanyaan untuk kantor (tulis 'nama: kode' di bawah):\n" + "\n".join(questions)
    register.yaml_set_comment_before_after_key(key, before=before, indent=2)
    return [f"pertanyaan (komentar): {q}" for q in questions]


def _indicators(pemetaan, temuan: list[Temuan], already: str) -> list[str]:
    """The exported indicators: their code when the narrative gives it, the rest as questions."""
    from ruamel.yaml.comments import CommentedMap

    written = []
    for t in temuan:
        for dokumen, items in t.indikator.items():
            register = pemetaan.setdefault("register", CommentedMap())
            indikator = register.setdefault("indikator", CommentedMap())
            own = indikator.setdefault(dokumen, CommentedMap())
            open_questions = []
            for nama, (kode, question) in items.items():
                if nama in own or f"# {question}" in already:
                    continue
                if kode is None:
                    open_questions.append(question)
                    written.append(f"pertanyaan (komentar): {dokumen}: {question}")
                    continue
                own[nama] = CommentedMap([("kode", kode)])
                own.yaml_set_comment_before_after_key(nama, before=question, indent=8)
                written.append(f"pemetaan.register.indikator.{dokumen}: {nama} (kode {kode}; pertanyaan)")
            lines = [f"Pertanyaan untuk kantor, per indikator: {_pilihan()}"]
            if open_questions:
                lines += ["Indikator tanpa kode (tulis 'nama: {kode: ...}' di bawah):", *open_questions]
            if f"# {lines[0]}" not in already:
                indikator.yaml_set_comment_before_after_key(dokumen, before="\n".join(lines), indent=6)
    return written


def _pilihan() -> str:
    from lkjip.ingest.schemas.perjanjian_kinerja import SUMBER_REALISASI

    return PILIHAN_INDIKATOR.format(sumber=", ".join(s for s in SUMBER_REALISASI if s != "manual"))


def ringkasan(
    temuan: list[Temuan], tanpa_kode: dict[str, list[str]], pd_tanpa: dict[str, list[str]]
) -> list[str]:
    """What ``kenali`` prints: per file its source and layout, the columns read, what is undecided."""
    lines = []
    for t in temuan:
        lines.append(f"{t.berkas}: sumber {t.sumber or '-'}; {t.tata_letak}")
        lines += [f"    {header!r} -> {what}" for header, what in t.kolom.items()]
        lines += [f"    belum dapat diputuskan: {question}" for question in t.pertanyaan]
        for nama in t.nama_unit:
            if nama in tanpa_kode:
                close = ", ".join(tanpa_kode[nama]) or "tidak ada yang mirip"
                lines.append(f"    belum dapat diputuskan: unit '{nama}' tanpa kode (paling mirip: {close})")
        for nama in dict.fromkeys(t.nama_pd):
            if nama in pd_tanpa:
                close = ", ".join(pd_tanpa[nama]) or "tidak ada yang mirip"
                lines.append(
                    f"    belum dapat diputuskan: perangkat daerah '{nama}' tanpa kode (paling mirip: "
                    f"{close})"
                )
    asked: dict[str, dict[str, str | None]] = {}
    for t in temuan:
        for dokumen, items in t.indikator.items():
            asked.setdefault(dokumen, {}).update({n: k for n, (k, _) in items.items()})
    for dokumen, items in asked.items():
        lines.append(f"{dokumen}: indikator ekspor yang belum dinyatakan di laporan.yml ({_pilihan()}):")
        lines += [f"    {nama}" + (f" (kode {kode} dari Narasi Indikator)" if kode else " (kode?)")
                  for nama, kode in items.items()]  # fmt: skip
    return lines
