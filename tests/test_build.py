"""The main job on a copy of the project: preview, annex, escaping, personal data, and a real browser."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest
from bantuan import copy_project, run_cli_build

from lkjip.publish.annex import AnnexCover, AnnexSheet, write_annex

SCRIPT_NAME = '<script>alert("lkjip")</script> Unit Uji'
FORMULA_NAME = '=HYPERLINK("http://contoh.invalid","klik") Dinas Uji'
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def _rename_everywhere(path: Path, old: str, new: str) -> int:
    wb = openpyxl.load_workbook(path)
    changed = 0
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if cell.value == old:
                    cell.value = new
                    cell.data_type = "s"
                    changed += 1
    wb.save(path)
    return changed


def _first_value_under(path: Path, sheet: str, header: str):
    ws = openpyxl.load_workbook(path, read_only=True)[sheet]
    rows = list(ws.iter_rows(values_only=True, max_row=60))
    for i, row in enumerate(rows):
        labels = [str(v).strip() if v is not None else "" for v in row]
        if header in labels:
            return rows[i + 1][labels.index(header)]
    raise AssertionError(f"{header} not in {path.name}:{sheet}")


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> dict:
    project = copy_project(tmp_path_factory.mktemp("build") / "proyek")
    raw = project / "data" / "raw"
    skm = next(raw.glob("skm-responden*.xlsx"))
    unit = _first_value_under(skm, "Unit", "Unit Layanan") or _first_value_under(skm, "Unit", "Unit")
    assert _rename_everywhere(skm, unit, SCRIPT_NAME) > 1
    pd_name = _first_value_under(raw / "sakip.xlsx", "SAKIP 2025", "Perangkat Daerah")
    assert _rename_everywhere(raw / "sakip.xlsx", pd_name, FORMULA_NAME) >= 1
    personal = {
        str(_first_value_under(skm, "Responden", "Nama Responden")),
        str(_first_value_under(skm, "Responden", "No. HP")),
    }
    # Quarto is never run here: the test is about what works without it.
    result = run_cli_build(project, "--tanpa-quarto")
    return {"project": project, "result": result, "personal": personal}


@pytest.mark.slow  # executes the notebooks
def test_build_succeeds_and_says_the_render_was_skipped_on_request(built):
    result = built["result"]
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-3000:]
    # --tanpa-quarto: skipped because asked, not "Quarto not found" (Quarto may well be there)
    skipped = [line for line in result.stdout.splitlines() if line.startswith("Render Quarto dilewati")]
    assert len(skipped) == 1 and "--tanpa-quarto" in skipped[0] and "_preview" in skipped[0]
    assert "Quarto tidak ditemukan" not in result.stdout
    project = built["project"]
    assert (project / "_preview" / "index.html").exists()
    # Kata Pengantar, Ikhtisar Eksekutif, BAB I-IV, Lampiran, data dictionary
    assert len(list((project / "_preview").glob("0*.html"))) == 8
    assert (project / "figures" / "gambar-0-1-capaian-kinerja-2025.png").exists()
    public = project / "data" / "processed" / "publik"
    assert (public / "lampiran-tabel-2025.xlsx").exists()
    assert (public / "capaian.csv").exists()
    assert not (public / "skm_responden.csv").exists() and not (public / "karantina.csv").exists()


def test_build_names_the_failing_step(tmp_path):
    project = copy_project(tmp_path / "proyek")
    (project / "data" / "raw" / "sakip.xlsx").write_bytes(b"")
    result = subprocess.run(
        [sys.executable, "-m", "lkjip", "build", "--tanpa-quarto"],
        cwd=project,
        env={**os.environ, "LKJIP_ROOT": str(project)},
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 2
    assert "Langkah 'data' gagal" in result.stderr and "sakip.xlsx" in result.stderr
    assert "Traceback" not in result.stderr


def _produced_text(project: Path) -> dict[Path, str]:
    texts: dict[Path, str] = {}
    for folder, patterns in (
        (project / "data" / "processed", ("*.csv", "*.json")),
        (project / "_preview", ("*.html",)),
        (project / "figures", ("*.svg",)),
    ):
        for pattern in patterns:
            for path in folder.glob(pattern):
                texts[path] = path.read_text(encoding="utf-8-sig")
    for path in (project / "data" / "processed").rglob("*.xlsx"):
        wb = openpyxl.load_workbook(path)
        texts[path] = "\n".join(
            str(c.value) for ws in wb.worksheets for row in ws.iter_rows() for c in row if c.value is not None
        )
    return texts


@pytest.mark.slow  # executes the notebooks
def test_unit_names_are_escaped_in_every_html_page(built):
    pages = (built["project"] / "_preview").glob("*.html")
    joined = "\n".join(p.read_text(encoding="utf-8") for p in pages)
    assert "<script>alert" not in joined
    assert "&lt;script&gt;alert" in joined


@pytest.mark.slow  # executes the notebooks
def test_no_personal_data_in_any_output(built):
    for path, text in _produced_text(built["project"]).items():
        for value in built["personal"]:
            assert value not in text, f"{value!r} in {path.name}"


@pytest.mark.slow  # executes the notebooks
def test_annex_numbers_formats_cover_and_formula_like_text(built):
    project = built["project"]
    wb = openpyxl.load_workbook(project / "data" / "processed" / "publik" / "lampiran-tabel-2025.xlsx")
    assert wb.sheetnames[0] == "Sampul"
    cover = "\n".join(str(c.value) for row in wb["Sampul"].iter_rows() for c in row if c.value)
    manifest = json.loads((project / "data" / "processed" / "manifest.json").read_text(encoding="utf-8"))
    for name, digest in manifest["sidik"]["masukan"].items():
        assert name in cover and digest in cover
    assert "III.4.A" in wb.sheetnames
    ws = wb["III.4.A"]
    money = [c for row in ws.iter_rows() for c in row if c.value == 796_858_170]
    assert money and money[0].data_type == "n" and "#,##0" in money[0].number_format
    assert ws.freeze_panes is not None
    sakip = next(ws for ws in wb.worksheets if "Nilai SAKIP Perangkat Daerah" in str(ws["A1"].value))
    cells = [c for row in sakip.iter_rows() for c in row if c.value == FORMULA_NAME]
    assert cells and all(c.data_type == "s" and c.quotePrefix for c in cells)


def test_annex_writer_keeps_formula_like_text_as_text(tmp_path):
    import datetime as dt

    import pandas as pd

    frame = pd.DataFrame(
        {"Unit": ["=1+1", "+62 812", "-Unit", "@SUM(A1)", "Biasa"], "Nilai": [1.5, 2, 3, 4, 5]}
    )
    path = write_annex(
        tmp_path / "a.xlsx",
        AnnexCover("Judul", "Instansi", 2025, {"a.xlsx": "0" * 64}, dt.datetime(2026, 1, 30)),
        [AnnexSheet("T", "Tabel T", frame, {"Nilai": "nilai"})],
    )
    ws = openpyxl.load_workbook(path)["T"]
    values = [ws.cell(r, 1) for r in range(4, 9)]
    assert [c.value for c in values] == ["=1+1", "+62 812", "-Unit", "@SUM(A1)", "Biasa"]
    assert all(c.data_type == "s" for c in values)
    assert all(c.quotePrefix for c in values[:4]) and not values[4].quotePrefix
    assert ws.cell(4, 2).value == 1.5 and ws.cell(4, 2).number_format == "[$-421]#,##0.00"


@pytest.mark.slow  # executes the notebooks
@pytest.mark.browser
def test_preview_in_a_real_browser(built, tmp_path):
    if CHROMIUM is None:
        pytest.skip("Chromium tidak terpasang (apt-get install chromium); .ci/run memasangnya")
    from playwright.sync_api import sync_playwright

    preview = built["project"] / "_preview"
    pages = ["index.html", *sorted(p.name for p in preview.glob("0*.html"))]
    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        problems: list[str] = []
        page.on("console", lambda m: problems.append(f"{m.type}: {m.text}") if m.type == "error" else None)
        page.on("pageerror", lambda e: problems.append(f"pageerror: {e}"))
        page.on("dialog", lambda d: (problems.append(f"dialog: {d.message}"), d.dismiss()))
        for name in pages:
            page.goto((preview / name).as_uri())
            page.wait_for_load_state("load")
            broken = page.evaluate(
                "Array.from(document.images).filter(i => !i.complete || i.naturalWidth === 0).length"
            )
            assert broken == 0, f"{name}: {broken} gambar gagal dimuat"
        page.goto((preview / "03-akuntabilitas-kinerja.html").as_uri())
        for table in ("tabel-iii-4-a", "tabel-iii-4-b", "tabel-iii-3"):
            assert page.locator(f"#{table}").is_visible(), table
        # the figure as printed (the collapsed lists of trails after the tables cite it too)
        assert page.locator("text=796.858.170 >> visible=true").count() >= 1
        page.goto((preview / "00b-ikhtisar-eksekutif.html").as_uri())
        heading = page.locator("h1", has_text="Ikhtisar Eksekutif")
        assert heading.is_visible()
        shot = tmp_path / "ikhtisar-eksekutif.png"
        heading.scroll_into_view_if_needed()
        page.screenshot(path=str(shot), full_page=True)
        browser.close()
    assert not problems, problems
    assert shot.stat().st_size > 10_000
    print(f"tangkapan layar: {shot}")


@pytest.mark.slow  # executes the notebooks
def test_preview_numbers_figures_and_resolves_cross_references(built):
    page = (built["project"] / "_preview" / "03-akuntabilitas-kinerja.html").read_text(encoding="utf-8")
    assert "@fig-" not in page
    # the book's numbers (lkjip.report.bagian): the capaian chart is Gambar 0.1
    assert "Gambar 0.1 Grafik Capaian Kinerja" in page
    assert "ditunjukkan pada Gambar 0.1" in page


def test_resolve_crossrefs_leaves_the_notebooks_untouched():
    import nbformat

    from lkjip.publish.preview import PreviewChapter, resolve_crossrefs

    first = nbformat.v4.new_notebook(
        cells=[
            nbformat.v4.new_markdown_cell("Lihat @fig-b dan @fig-a; @fig-tidak-ada tetap."),
            nbformat.v4.new_code_cell('#| label: fig-a\n#| fig-cap: "A"\n1'),
        ]
    )
    second = nbformat.v4.new_notebook(
        cells=[nbformat.v4.new_code_cell('#| label: fig-b\n#| fig-cap: "B"\n2')]
    )
    chapters = [PreviewChapter("x", "X", first), PreviewChapter("y", "Y", second)]
    out = resolve_crossrefs(chapters)
    assert out[0].notebook.cells[0].source == "Lihat Gambar 2 dan Gambar 1; @fig-tidak-ada tetap."
    assert out[0].notebook.cells[2].source == "*Gambar 1. A*"
    assert out[1].notebook.cells[1].source == "*Gambar 2. B*"
    assert first.cells[0].source.startswith("Lihat @fig-b") and len(first.cells) == 2


def _rendered_book(project: Path) -> None:
    book = project / "_book"
    book.mkdir(exist_ok=True)
    (book / "index.html").write_text("<html>buku</html>", encoding="utf-8")
    (book / "laporan.pdf").write_bytes(b"%PDF-1.7")


def test_render_skip_decision_follows_every_input_and_output(tmp_path):
    from lkjip.publish.build import kunci_render, record_render, render_segar

    project = copy_project(tmp_path / "proyek")
    quarto = Path("/opt/quarto/bin/quarto")
    _rendered_book(project)
    key = kunci_render(project, quarto)
    assert not render_segar(project, key)  # never rendered: no stamp
    record_render(project, key)
    assert render_segar(project, kunci_render(project, quarto))  # nothing changed: skipped

    # A changed konten file changes the key: rendered again.
    konten = sorted(p for p in (project / "konten").rglob("*") if p.is_file())[0]
    konten.write_text(konten.read_text(encoding="utf-8") + "\nKalimat baru.\n", encoding="utf-8")
    changed = kunci_render(project, quarto)
    assert changed != key and not render_segar(project, changed)

    # A changed raw export, notebook or _quarto.yml as well.
    record_render(project, changed)
    for name in ("_quarto.yml", sorted((project / "notebooks").glob("*.ipynb"))[0]):
        f = project / name
        before = kunci_render(project, quarto)
        f.write_bytes(f.read_bytes() + b"\n")
        assert kunci_render(project, quarto) != before
    assert kunci_render(project, Path("/lain/quarto")) != kunci_render(project, quarto)

    # A deleted output: rendered again even with unchanged inputs.
    now = kunci_render(project, quarto)
    record_render(project, now)
    assert render_segar(project, now)
    (project / "_book" / "laporan.pdf").unlink()
    assert not render_segar(project, now)
    shutil.rmtree(project / "_book")
    assert not render_segar(project, now)


@pytest.mark.slow
def test_the_build_reads_laporan_yml_once_and_hands_it_to_every_step(project_copy, monkeypatch):
    """Changed during the build, laporan.yml reaches no step: they all got the configuration the
    build read at its start (figures, annex, chapters in their kernels, numbering, preview)."""
    from lkjip.core import config as config_module
    from lkjip.publish.build import run_build

    source = project_copy / "laporan.yml"
    original = source.read_text(encoding="utf-8")
    reads: list[Path] = []
    real = config_module._read_yaml

    def read_then_change(path: Path) -> str:
        text = real(path)
        if path == source.resolve():
            reads.append(path)
            changed = original.replace("nama_lengkap: Bagian Organisasi", "nama_lengkap: KANTOR LAIN")
            source.write_text(changed, encoding="utf-8")
        return text

    monkeypatch.setattr(config_module, "_read_yaml", read_then_change)
    run_build(project_copy, quarto=None, say=lambda _line: None)
    assert len(reads) == 1
    published = [
        *(project_copy / "_bab").glob("*.md"),
        project_copy / "_laporan.yml",
        *(project_copy / "_preview").glob("*.html"),
    ]
    assert published and not [p.name for p in published if "KANTOR LAIN" in p.read_text(encoding="utf-8")]
    metadata = (project_copy / "_laporan.yml").read_text(encoding="utf-8")
    assert "Bagian Organisasi Sekretariat Daerah" in metadata
    assert config_module.ENV_KONFIGURASI not in os.environ  # handed down for the build only
