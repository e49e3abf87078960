"""Command line: ``python -m lkjip <langkah>``.

Exit codes: 0 success; 1 a ``--strict`` check failed (quarantined rows, reviu findings) or a
step failed; 2 an input or the configuration cannot be used (structural problem).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from lkjip.core.config import ConfigError, load_config
from lkjip.core.paths import find_project, paths
from lkjip.ingest.problems import StructuralError

EXIT_OK, EXIT_STRICT, EXIT_STRUCTURAL = 0, 1, 2


def _say(message: str) -> None:
    print(message, flush=True)


def _add_data_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--raw-dir", type=Path, help="folder ekspor mentah (bawaan: data/raw)")
    parser.add_argument("--out-dir", type=Path, help="folder tabel olahan (bawaan: data/processed)")
    parser.add_argument("--config", type=Path, help="berkas konfigurasi (bawaan: laporan.yml)")


def _run_data(args: argparse.Namespace) -> int:
    from lkjip.pipeline.data_step import run_data_step

    project = paths()
    config_path = args.config or project.config
    config = load_config(config_path)
    result = run_data_step(
        args.raw_dir or project.raw,
        args.out_dir or project.processed,
        config,
        config_path=config_path,
        force=args.force,
        progress=_say,
    )
    if args.lampiran:
        from lkjip.publish.build import write_annex_for

        # Also when the data step was skipped: Quarto's pre-render needs the downloads folder.
        _say(f"Lampiran Excel: {write_annex_for(config=config, force=args.force, say=_say)}")
    if result.skipped:
        return EXIT_OK
    _say(
        f"\nSumber dipakai: {', '.join(result.sumber['dipakai'])}; tidak ada: "
        f"{', '.join(result.sumber['tidak_ada']) or '-'}"
    )
    _say("\nAkuntansi baris (dibaca = disimpan + dikarantina + dilewati):")
    for accounting in result.accounting:
        _say(f"  {accounting}")
    for note in result.notes:
        _say(f"  catatan: {note}")
    _say(f"\nBaris dikarantina: {result.n_quarantined}")
    if result.n_quarantined:
        for row in result.quarantine.head(50).itertuples(index=False):
            _say(
                f"  {row.berkas}, sheet '{row.sheet}', baris {row.baris}, kolom {row.kolom}: "
                f"{row.alasan} [nilai: {row.nilai!r}]"
            )
        if result.n_quarantined > 50:
            _say(f"  ... dan {result.n_quarantined - 50} lainnya (lihat karantina.csv)")
    _say(f"Peringatan: {len(result.warnings)}" + (" (lihat peringatan.csv)" if result.warnings else ""))
    for warning in result.warnings[:50]:
        _say(f"  peringatan: {warning}")
    if len(result.warnings) > 50:
        _say(f"  ... dan {len(result.warnings) - 50} lainnya (lihat peringatan.csv)")
    findings = 0 if result.reviu is None else len(result.reviu)
    _say(f"Temuan reviu: {findings} (lihat: python -m lkjip reviu)")
    _say(f"Selesai: {len(result.tables)} tabel ditulis ke {result.out_dir}")
    if args.strict and (result.n_quarantined or result.warnings):
        what = [
            "ada baris yang dikarantina" if result.n_quarantined else None,
            "ada peringatan" if result.warnings else None,
        ]
        _say(f"--strict: {' dan '.join(w for w in what if w)}.")
        return EXIT_STRICT
    return EXIT_OK


def _run_build(args: argparse.Namespace) -> int:
    from lkjip.publish.build import StepFailed, run_build

    try:
        run_build(force=args.force, quarto=None if args.tanpa_quarto else "auto", say=_say)
    except StepFailed as exc:
        print(exc, file=sys.stderr)
        cause = exc.__cause__
        if isinstance(cause, StructuralError):
            for problem in cause.problems:
                print(f"  - {problem}", file=sys.stderr)
            return EXIT_STRUCTURAL
        return EXIT_STRICT
    _say("Selesai.")
    return EXIT_OK


def _run_reviu(args: argparse.Namespace) -> int:
    from lkjip.reviu.teks import print_reviu

    out_dir = args.out_dir or paths().processed
    shown = print_reviu(out_dir, _say)
    return EXIT_STRICT if args.strict and shown else EXIT_OK


def _run_contoh_data(args: argparse.Namespace) -> int:
    from lkjip.synthetic.generate import generate_all

    config = load_config(args.config or paths().config)
    written = generate_all(args.out_dir or paths().raw, config)
    for path in written:
        _say(f"ditulis: {path}")
    return EXIT_OK


def _folder_baru(target: Path) -> bool:
    """Whether ``target`` can take a new project (absent or empty); says why not on stderr."""
    if target.exists() and any(target.iterdir()):
        print(f"{target} sudah berisi berkas; pilih folder baru atau kosongkan dulu", file=sys.stderr)
        return False
    return True


def _run_contoh_kantor(args: argparse.Namespace) -> int:
    import shutil

    from lkjip.report.konten_awal import write_konten_awal
    from lkjip.synthetic.kantor_kecil import write_proyek

    if not _folder_baru(Path(args.folder)):
        return EXIT_STRUCTURAL
    root = write_proyek(Path(args.folder))
    shutil.rmtree(root / "konten")
    write_konten_awal(load_config(root / "laporan.yml"), root / "konten")
    _say(f"proyek contoh kantor kecil ditulis di {root}: laporan.yml, data/raw (2 ekspor), konten/ netral")
    _say(_bangun_dengan(root))
    return EXIT_OK


def _bangun_dengan(root: Path) -> str:
    return (
        f"bangun laporannya dengan: cd {root} && python -m lkjip build "
        f"(atau dari folder mana pun: LKJIP_ROOT={root} python -m lkjip build)"
    )


def _run_contoh_tahun_berikut(args: argparse.Namespace) -> int:
    from lkjip.synthetic.tahun_berikut import TAHUN, write_proyek

    if not _folder_baru(Path(args.folder)):
        return EXIT_STRUCTURAL
    root = write_proyek(Path(args.folder))
    _say(f"proyek contoh laporan tahun {TAHUN} ditulis di {root}: laporan.yml, data/raw, konten/")
    _say(_bangun_dengan(root))
    return EXIT_OK


def _run_skm_unit(args: argparse.Namespace) -> int:
    from lkjip.pipeline.data_step import run_data_step
    from lkjip.publish.skm_unit import write_skm_unit
    from lkjip.report.skm_unit.isi import DataUsang, SkmTidakAda, UnitTidakDikenal

    # The publications take the LKjIP's numbers: the data step first (it skips itself when the
    # exports did not change), as the build does.
    project = paths()
    config = load_config(project.config)
    run_data_step(project.raw, project.processed, config, config_path=project.config, progress=_say)
    try:
        result = write_skm_unit(tahun=args.tahun, kode=args.unit, say=_say)
    except (SkmTidakAda, UnitTidakDikenal, DataUsang) as exc:
        print(exc, file=sys.stderr)
        return EXIT_STRUCTURAL
    _say(
        f"Selesai: Laporan Hasil SKM dan infografis {len(result.unit)} unit tahun {result.tahun} "
        f"di {result.folder}; daftar semua unit: {result.indeks}"
    )
    return EXIT_OK


def _run_kamus_data(args: argparse.Namespace) -> int:
    from lkjip.report.kamus_data import berkas_kamus, kamus_sesuai, write_kamus

    config = load_config(args.config or paths().config)
    target = args.keluar or berkas_kamus()
    if args.periksa:
        if kamus_sesuai(target, config):
            _say(f"{target} sesuai dengan kontrak data.")
            return EXIT_OK
        _say(f"{target} tidak sesuai dengan kontrak data; tulis ulang dengan: python -m lkjip kamus-data")
        return EXIT_STRICT
    _say(f"ditulis: {write_kamus(target, config)}")
    return EXIT_OK


def _run_konten_awal(args: argparse.Namespace) -> int:
    from lkjip.report.konten_awal import write_konten_awal

    config = load_config(args.config or paths().config)
    try:
        written = write_konten_awal(config, args.ke or paths().konten, timpa=args.timpa)
    except FileExistsError as exc:
        print(exc, file=sys.stderr)
        return EXIT_STRICT
    for path in written:
        _say(f"ditulis: {path}")
    return EXIT_OK


def _run_kenali(args: argparse.Namespace) -> int:
    from lkjip.ingest import kenali

    project = paths()
    config_path = args.config or project.config
    config = load_config(config_path)
    raw = args.raw_dir or project.raw
    found = kenali.kenali(raw, config)
    tanpa_kode = kenali.unit_tanpa_kode(found, kenali.register_dikenal(raw, config))
    pd_tanpa = kenali.pd_tanpa_kode(found, kenali.register_pd_dikenal(raw, config))
    for line in kenali.ringkasan(found, tanpa_kode, pd_tanpa):
        _say(line)
    if args.tulis:
        for line in kenali.write_declarations(config_path, found, tanpa_kode, pd_tanpa):
            _say(f"ditulis ke {config_path.name}: {line}")
    return EXIT_OK


#: Commands that write a new project into a folder rather than work on the current one.
_PROYEK_BARU = {"contoh-kantor", "contoh-tahun-berikut"}


def _proyek_line(args: argparse.Namespace) -> str:
    """The first line of every command: which project it works on, and how it was found."""
    if args.langkah in _PROYEK_BARU:
        return f"Proyek baru: {Path(args.folder).resolve()}"
    root, how = find_project()
    why = {
        "LKJIP_ROOT": "dari LKJIP_ROOT",
        "folder kerja": "folder terdekat dari folder kerja yang memuat laporan.yml",
        "paket": "proyek paket lkjip; tidak ada laporan.yml di folder kerja atau di atasnya",
    }[how]
    return f"Proyek: {root} ({why})"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m lkjip",
        description="Menyusun LKjIP dari ekspor Excel mentah secara dapat direproduksi.",
    )
    steps = parser.add_subparsers(dest="langkah", metavar="LANGKAH")

    data = steps.add_parser("data", help="baca, validasi dan olah data/raw menjadi tabel di data/processed")
    _add_data_args(data)
    data.add_argument("--force", action="store_true", help="bangun ulang walau masukan tidak berubah")
    data.add_argument(
        "--strict", action="store_true", help="keluar dengan kode 1 bila ada baris dikarantina/peringatan"
    )
    data.add_argument(
        "--lampiran", action="store_true", help="tulis juga lampiran Excel (dipakai pre-render Quarto)"
    )
    data.set_defaults(func=_run_data)

    build = steps.add_parser(
        "build",
        help="pekerjaan utama: data, reviu, notebook, gambar, lampiran Excel, lalu Quarto atau pratinjau",
    )
    build.add_argument(
        "--force",
        action="store_true",
        help="bangun ulang data, notebook dan render walau masukan tidak berubah",
    )
    build.add_argument("--tanpa-quarto", action="store_true", help="jangan jalankan Quarto walau terpasang")
    build.set_defaults(func=_run_build)

    reviu = steps.add_parser("reviu", help="tampilkan temuan reviu atas angka tercetak/diketik")
    reviu.add_argument("--out-dir", type=Path, help="folder tabel olahan (bawaan: data/processed)")
    reviu.add_argument(
        "--strict", action="store_true", help="keluar dengan kode 1 bila ada temuan atau peringatan"
    )
    reviu.set_defaults(func=_run_reviu)

    contoh = steps.add_parser(
        "contoh-data", help="buat ulang data contoh (sintetis) di data/raw secara deterministik"
    )
    contoh.add_argument("--out-dir", type=Path, help="folder tujuan (bawaan: data/raw)")
    contoh.add_argument("--config", type=Path, help="berkas konfigurasi (bawaan: laporan.yml)")
    contoh.set_defaults(func=_run_contoh_data)

    kantor = steps.add_parser(
        "contoh-kantor",
        help="tulis proyek contoh kantor kedua (unit provinsi, hanya Perjanjian Kinerja dan anggaran)",
    )
    kantor.add_argument("folder", type=Path, help="folder baru untuk proyek contoh")
    kantor.set_defaults(func=_run_contoh_kantor)

    berikut = steps.add_parser(
        "contoh-tahun-berikut",
        help="tulis proyek contoh kantor bawaan untuk laporan tahun berikutnya (2026, satu perjanjian)",
    )
    berikut.add_argument("folder", type=Path, help="folder baru untuk proyek contoh")
    berikut.set_defaults(func=_run_contoh_tahun_berikut)

    skm_unit = steps.add_parser(
        "skm-unit",
        help="tulis Laporan Hasil SKM dan infografis setiap unit layanan (PDF, PNG, halaman situs)",
    )
    skm_unit.add_argument(
        "--unit", nargs="+", metavar="KODE", help="hanya unit ini (bawaan: setiap unit yang punya responden)"
    )
    skm_unit.add_argument("--tahun", type=int, help="tahun survei (bawaan: tahun di laporan.yml)")
    skm_unit.set_defaults(func=_run_skm_unit)

    kamus = steps.add_parser(
        "kamus-data", help="tulis kamus data (docs/kamus-data.md) dari kontrak data, atau periksa isinya"
    )
    kamus.add_argument("--keluar", type=Path, help="berkas tujuan (bawaan: docs/kamus-data.md)")
    kamus.add_argument("--config", type=Path, help="berkas konfigurasi (bawaan: laporan.yml)")
    kamus.add_argument(
        "--periksa", action="store_true", help="jangan menulis; keluar dengan kode 1 bila berkas berbeda"
    )
    kamus.set_defaults(func=_run_kamus_data)

    kenal = steps.add_parser(
        "kenali",
        help="kenali setiap ekspor di data/raw: sumber, tata letak, kolom yang dibaca, apa yang belum pasti",
    )
    kenal.add_argument("--raw-dir", type=Path, help="folder ekspor mentah (bawaan: data/raw)")
    kenal.add_argument("--config", type=Path, help="berkas konfigurasi (bawaan: laporan.yml)")
    kenal.add_argument(
        "--tulis", action="store_true", help="tulis usulan pemetaan ke laporan.yml (komentar, urutan tetap)"
    )
    kenal.set_defaults(func=_run_kenali)

    awal = steps.add_parser(
        "konten-awal",
        help="tulis teks uraian awal yang netral untuk kantor baru (konten/*.md) dari laporan.yml",
    )
    awal.add_argument("--ke", type=Path, help="folder tujuan (bawaan: konten)")
    awal.add_argument("--config", type=Path, help="berkas konfigurasi (bawaan: laporan.yml)")
    awal.add_argument("--timpa", action="store_true", help="timpa berkas yang sudah ada")
    awal.set_defaults(func=_run_konten_awal)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.langkah is None:
        parser.print_help()
        return EXIT_OK
    _say(_proyek_line(args))
    try:
        return args.func(args)
    except ConfigError as exc:
        print(exc, file=sys.stderr)
        return EXIT_STRUCTURAL
    except StructuralError as exc:
        print("Masukan tidak dapat diproses:", file=sys.stderr)
        for problem in exc.problems:
            print(f"  - {problem}", file=sys.stderr)
        return EXIT_STRUCTURAL
    except FileNotFoundError as exc:
        print(exc, file=sys.stderr)
        return EXIT_STRUCTURAL


if __name__ == "__main__":
    sys.exit(main())
