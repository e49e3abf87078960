"""The main job, ``python -m lkjip build``: data, reviu, notebooks, figures, annex, publication."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import shutil
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from lkjip.core.config import Config, handed_down, load_config
from lkjip.core.paths import ProjectPaths, paths
from lkjip.katalog.dataset import sumber_dibaca
from lkjip.katalog.store import check_folder
from lkjip.publish.bab import GENERATED

QUARTO_HINT = (
    "Quarto tidak ditemukan (tidak ada di PATH, tidak ada kit offline ../shared/quarto): "
    "pratinjau HTML dibuat di {preview}; untuk PDF, DOCX dan "
    "situs HTML pasang Quarto >= 1.5 dari https://quarto.org (atau `pip install quarto-cli` "
    "pada koneksi internet biasa), lalu jalankan ulang `python -m lkjip build`."
)


TANPA_QUARTO = (
    "Render Quarto dilewati atas permintaan (--tanpa-quarto): pratinjau HTML dibuat di {preview}; "
    "untuk PDF, DOCX dan situs HTML jalankan `python -m lkjip build` tanpa --tanpa-quarto."
)


class StepFailed(Exception):
    """A build step failed; the message names the step."""

    def __init__(self, step: str, cause: BaseException | str):
        self.step = step
        super().__init__(f"Langkah '{step}' gagal: {cause}")


@dataclass
class BuildResult:
    """What the build produced."""

    figures: list[Path]
    annex: Path
    preview: Path | None
    quarto_output: Path | None


def _step(name: str, say: Callable[[str], None]):
    def wrap(func):
        say(f"== {name}")
        try:
            return func()
        except StepFailed:
            raise
        except Exception as exc:  # any failure is reported with the step's name
            raise StepFailed(name, f"{type(exc).__name__}: {exc}") from exc

    return wrap


def write_annex_for(
    root: Path | None = None,
    tahun: int | None = None,
    say: Callable[[str], None] | None = None,
    *,
    config: Config | None = None,
    force: bool = False,
) -> Path:
    """Write the downloads folder ``data/processed/publik/``: the Excel annex and the CSV tables.

    The annex is ``lampiran-tabel-<tahun>.xlsx`` (one sheet per report table, and the sheet
    "Jejak Angka"); beside it each report table as a CSV (``tabel-III.4.A.csv``, values as
    printed) and as a workbook of its own (``tabel-III.4.A.xlsx``, the annex's sheet),
    ``jejak-angka.csv`` (every printed figure with its trail) and the processed tables of
    :func:`lkjip.report.bagian.tabel_olahan_publik` (without float noise; full precision stays
    in ``data/processed/``). ``config`` is the configuration the build loaded and hands down
    (read from ``laporan.yml`` otherwise).
    This folder is what the site publishes; with ``publikasi.skm_unit`` in ``laporan.yml`` it
    also holds every SKM unit's publications (:func:`lkjip.publish.skm_unit.write_if_asked`).

    The folder is written once per set of inputs: when the stamp of the last write
    (:data:`STEMPEL_LAMPIRAN`) has the same inputs (:func:`kunci_lampiran`) and nothing in the
    folder changed since, it is kept as it is (``force`` writes it anyway). A build writes it
    before the render, and Quarto's pre-render, which asks for it again, finds it current.
    """
    from lkjip.publish.annex import (
        annex_cover,
        annex_sheets,
        copy_tabel_publik,
        jejak_sheet,
        write_annex,
        write_csv_tabel,
        write_jejak_csv,
        write_xlsx_tabel,
    )
    from lkjip.report import bagian
    from lkjip.report.laporan import Laporan

    project = paths(root)
    t, config = bagian.load(root, tahun, config=config)
    public = project.processed / "publik"
    target = public / bagian.nama_lampiran(config)
    kunci = kunci_lampiran(project.root, config)
    if not force and target.is_file() and _stempel_cocok(project.root / STEMPEL_LAMPIRAN, kunci, public):
        if say is not None:
            say("   lampiran dilewati: masukan tidak berubah (folder unduhan yang ada dipakai)")
        return target
    (project.root / STEMPEL_LAMPIRAN).unlink(missing_ok=True)
    if public.exists():
        shutil.rmtree(public)
    public.mkdir(parents=True)
    for nama in bagian.tabel_olahan_publik(root):
        copy_tabel_publik(project.processed, nama, public)
    manifest = check_folder(project.processed)
    cover = annex_cover(config, manifest["sidik"]["masukan"], dt.datetime.fromisoformat(manifest["dibuat"]))
    semua = bagian.semua_tabel(t, config, sumber_dibaca(project.processed))
    write_csv_tabel(semua, public)
    sheets = annex_sheets(semua)
    write_xlsx_tabel(sheets, public, cover.dibuat)
    # every printed figure with its trail: the tables', the charts' and the generated texts'
    butir = Laporan(config, project).semua_butir(tabel=semua)
    write_jejak_csv(butir, public)
    annex = write_annex(target, cover, [*sheets, jejak_sheet(butir, config)])
    from lkjip.publish.skm_unit import write_if_asked

    write_if_asked(project.root, say)
    _catat_stempel(project.root / STEMPEL_LAMPIRAN, kunci, public)
    return annex


#: The stamp of the last write of the downloads folder (see :func:`write_annex_for`).
STEMPEL_LAMPIRAN = Path("_bab") / "lampiran.kunci"


def kunci_lampiran(root: Path, config: Config) -> str:
    """SHA-256 of every input of the downloads folder of ``config``'s report year.

    :func:`lkjip.publish.bab.kunci_masukan` (processed tables, configuration, ``konten/``, the
    package's Python code) plus the package's other files (the SKM unit publications' Typst
    templates) and the logos ``publikasi.skm_unit`` names, wherever they are in the project.
    """
    from lkjip.publish.bab import kunci_masukan

    h = hashlib.sha256(f"{config.tahun}\0{kunci_masukan(root, config)}".encode())
    package = Path(__file__).resolve().parents[1]
    _digest_tree(h, package, sorted(
        f.relative_to(package) for f in package.rglob("*")
        if f.is_file() and f.suffix not in {".py", ".pyc"} and "__pycache__" not in f.parts
    ))
    skm_unit = config.publikasi.skm_unit
    logos = [skm_unit.logo, *skm_unit.logo_unit.values()]
    _digest_tree(h, root, sorted({logo for logo in logos if logo}))
    return h.hexdigest()


def _kunci_folder(folder: Path) -> str | None:
    """Digest of every file in ``folder`` (``None`` when it is missing or empty)."""
    if not folder.is_dir() or not any(folder.iterdir()):
        return None
    h = hashlib.sha256()
    _digest_tree(h, folder, ["."])
    return h.hexdigest()


def _stempel_cocok(stamp: Path, kunci: str, folder: Path) -> bool:
    """Whether ``stamp`` records inputs ``kunci`` and ``folder`` exactly as it was written."""
    if not stamp.is_file():
        return False
    try:
        recorded = json.loads(stamp.read_text(encoding="utf-8"))
    except json.JSONDecodeError:
        return False
    return recorded.get("masukan") == kunci and recorded.get("keluaran") == _kunci_folder(folder)


def _catat_stempel(stamp: Path, kunci: str, folder: Path) -> Path:
    """Record in ``stamp`` that ``folder``, as it is now, was written from inputs ``kunci``."""
    stamp.parent.mkdir(parents=True, exist_ok=True)
    stamp.write_text(json.dumps({"masukan": kunci, "keluaran": _kunci_folder(folder)}), encoding="utf-8")
    return stamp


def _quarto_for(quarto: str | None, root: Path, say: Callable[[str], None]) -> Path | None:
    """The Quarto binary to render with (see :func:`run_build`), announced through ``say``."""
    from lkjip.publish.quarto import Quarto, find_quarto

    if quarto is None:
        return None
    found = find_quarto(root) if quarto == "auto" else Quarto(Path(quarto), "argumen")
    if found is not None:
        say(f"   {found.describe()}")
        return found.path
    return None


#: The stamp of the last successful ``quarto render`` (in ``_bab/``, which Quarto never clears):
#: the key of its inputs and the digest of what it wrote to ``_book/``.
STEMPEL_RENDER = Path("_bab") / "render.kunci"

#: The book's sources besides those :func:`lkjip.publish.bab.kunci_masukan` covers.
_SUMBER_BUKU = ("_quarto.yml", "index.qmd", "bab", "_extensions", "notebooks", "data/raw")


def _digest_tree(h, base: Path, names) -> None:
    for name in names:
        target = base / name
        files = sorted(target.rglob("*")) if target.is_dir() else [target]
        for f in files:
            if f.is_file():
                h.update(f.relative_to(base).as_posix().encode())
                h.update(hashlib.sha256(f.read_bytes()).digest())


def kunci_render(root: Path | None, quarto: Path, config: Config | None = None) -> str:
    """SHA-256 of every input of the rendered book, and of the Quarto that renders it.

    :func:`lkjip.publish.bab.kunci_masukan` (processed tables, ``laporan.yml``, ``konten/``, the
    package's code) plus the raw exports, the notebooks, ``bab/``, ``_quarto.yml``,
    ``index.qmd``, ``_extensions/``, the package version and the Quarto binary.
    """
    from lkjip import __version__
    from lkjip.publish.bab import kunci_masukan

    project = paths(root)
    h = hashlib.sha256(kunci_masukan(project.root, config).encode())
    h.update(f"{__version__}\0{Path(quarto).resolve()}".encode())
    _digest_tree(h, project.root, _SUMBER_BUKU)
    return h.hexdigest()


def render_segar(root: Path | None, kunci: str) -> bool:
    """Whether the last successful render used inputs with ``kunci`` and its outputs are intact.

    False when there is no stamp, when any input changed, or when any file of ``_book/`` was
    deleted or changed since: then the book must be rendered again.
    """
    project = paths(root)
    return _stempel_cocok(project.root / STEMPEL_RENDER, kunci, project.root / "_book")


def record_render(root: Path | None, kunci: str) -> Path:
    """Write the stamp of a successful render (see :func:`render_segar`)."""
    project = paths(root)
    return _catat_stempel(project.root / STEMPEL_RENDER, kunci, project.root / "_book")


def run_build(
    root: Path | None = None,
    *,
    force: bool = False,
    quarto: str | None = "auto",
    say: Callable[[str], None] = print,
) -> BuildResult:
    """Run every step of the annual job on the project at ``root``.

    Parameters
    ----------
    root : Path, optional
        Project root (default: this checkout).
    force : bool
        Rebuild the data step even when the inputs did not change.
    quarto : {"auto", None} or str
        ``"auto"`` uses the Quarto :func:`lkjip.publish.quarto.find_quarto` finds (the PATH,
        then the offline kit); ``None`` never runs it; another string is the path of the
        quarto binary. The build says which Quarto it renders with.
    say : callable
        Receives progress lines.

    Raises
    ------
    StepFailed
        Naming the failing step.
    """


    project = paths(root)
    # Loaded once and handed down: every step, the notebooks' kernels and Quarto's pre-render
    # get this configuration (config.handed_down), whatever happens to laporan.yml meanwhile.
    config = _step("konfigurasi", say)(lambda: load_config(project.config))
    with handed_down(config, project.config, project.root / GENERATED / SNAPSHOT):
        return _steps(project, config, force=force, quarto=quarto, say=say)


#: The configuration the build hands down, beside the executed chapters.
SNAPSHOT = "konfigurasi.json"


def _steps(
    project: ProjectPaths, config: Config, *, force: bool, quarto: str | None, say: Callable[[str], None]
) -> BuildResult:
    import nbformat

    from lkjip.pipeline.data_step import run_data_step
    from lkjip.publish.bab import executed_notebook, prepare_bab, write_metadata
    from lkjip.publish.gambar import write_gambar
    from lkjip.publish.notebooks import chapter_notebooks
    from lkjip.publish.preview import PreviewChapter, chapter_title, write_preview
    from lkjip.publish.quarto import render_environment
    from lkjip.report.bagian import Penomoran
    from lkjip.reviu.teks import print_reviu

    _step("data", say)(
        lambda: run_data_step(
            project.raw, project.processed, config, config_path=project.config, force=force, progress=say
        )
    )
    _step("reviu", say)(lambda: print_reviu(project.processed, say))

    def notebooks() -> list[PreviewChapter]:
        # Executed once (again only when an input changed); Quarto's pre-render reuses them.
        write_metadata(project.root, config)
        prepare_bab(project.root, config, say=say, force=force)
        chapters = []
        for path in chapter_notebooks(project.root):
            nb = nbformat.read(executed_notebook(project.root, path), as_version=4)
            chapters.append(PreviewChapter(path.stem, chapter_title(nb, path.stem), nb))
        return chapters

    chapters = _step("notebook", say)(notebooks)
    figures = _step("gambar", say)(lambda: write_gambar(project.root, config=config))
    say(f"   {len(figures)} berkas gambar di {project.figures}")
    annex = _step("lampiran Excel", say)(
        lambda: write_annex_for(project.root, say=say, config=config, force=force)
    )
    say(f"   {annex}")

    binary = _quarto_for(quarto, project.root, say)
    if binary:

        def render() -> Path:
            kunci = kunci_render(project.root, binary, config)
            if not force and render_segar(project.root, kunci):
                say("   render dilewati: masukan tidak berubah (hasil di _book/ dipakai)")
                return project.root / "_book"
            (project.root / STEMPEL_RENDER).unlink(missing_ok=True)
            # Quarto's pre-render runs `python -m lkjip ...`: this interpreter, whatever the PATH
            env = render_environment(project.root)
            say(f"   Python pre-render: {env['QUARTO_PYTHON']}")
            result = subprocess.run([str(binary), "render"], cwd=project.root, env=env, check=False)
            if result.returncode != 0:
                raise StepFailed("quarto render", f"kode keluar {result.returncode}")
            record_render(project.root, kunci)
            return project.root / "_book"

        output = _step("quarto render", say)(render)
        return BuildResult(figures, annex, None, output)

    title = f"Laporan Kinerja {config.instansi.nama_lengkap} Tahun {config.tahun}"
    nomor = Penomoran.dari_config(config, sumber_dibaca(project.processed))
    # the site's script that shows each figure's trail (jejak angka), as the book's site has it
    script = project.root / "_extensions" / "lkjip" / "jejak.html"
    akhir = script.read_text(encoding="utf-8") if script.is_file() else ""
    preview = _step("pratinjau", say)(
        lambda: write_preview(chapters, project.preview, title, nomor, akhir)
    )
    say((TANPA_QUARTO if quarto is None else QUARTO_HINT).format(preview=preview))
    return BuildResult(figures, annex, preview, None)
