"""The publication's machinery without a render: Quarto lookup, chapters executed once, numbering,
metadata from laporan.yml, the DOCX reference document."""

from __future__ import annotations

import base64
import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import nbformat
import pytest
import yaml

from lkjip.core.config import ConfigError, load_config
from lkjip.publish import bab as babmod
from lkjip.publish.buku import Penanda
from lkjip.publish.quarto import find_quarto, kit_binary
from lkjip.report.bagian import NomorTidakTerdaftar, Penomoran, nomor_gambar

# 1x1 white PNG
PNG = base64.b64encode(
    bytes.fromhex(
        "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
        "1f15c4890000000d49444154789c63f8ffff3f0005fe02fea7d605d80000000049454e44ae426082"
    )
).decode()


def _executable(path: Path, text: str = "#!/bin/sh\necho 1.9.38\n") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    path.chmod(0o755)
    return path


# ---------------------------------------------------------------------------- Quarto lookup


def test_quarto_on_the_path_wins_over_the_kit(tmp_path, monkeypatch):
    monkeypatch.delenv("QUARTO_BIN_PATH", raising=False)
    on_path = _executable(tmp_path / "bin" / "quarto")
    _executable(tmp_path / "cache" / "quarto-offline" / "bin" / "quarto")
    monkeypatch.setenv("PATH", str(on_path.parent))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    found = find_quarto(tmp_path)
    assert (found.path, found.asal) == (on_path, "PATH")


def test_installed_kit_is_used_without_running_setup(tmp_path, monkeypatch):
    monkeypatch.delenv("QUARTO_BIN_PATH", raising=False)
    monkeypatch.setenv("PATH", str(tmp_path / "kosong"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    kit = _executable(tmp_path / "cache" / "quarto-offline" / "bin" / "quarto")
    assert kit_binary() == kit
    found = find_quarto(tmp_path / "proyek")
    assert (found.path, found.asal) == (kit, "kit")
    assert "kit offline" in found.describe()


def test_setup_script_beside_the_project_installs_the_kit(tmp_path, monkeypatch):
    monkeypatch.delenv("QUARTO_BIN_PATH", raising=False)
    monkeypatch.setenv("PATH", "/usr/bin:/bin")  # bash, no quarto
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    if Path("/usr/bin/quarto").exists() or Path("/bin/quarto").exists():
        pytest.skip("quarto terpasang di /usr/bin")
    project = tmp_path / "kerja" / "proyek"
    project.mkdir(parents=True)
    _executable(
        tmp_path / "kerja" / "shared" / "quarto" / "setup.sh",
        "echo '== unpacking'\necho 'quarto: /opt/kit/bin/quarto (1.9.38)'\n",
    )
    found = find_quarto(project)
    assert (found.path, found.asal) == (Path("/opt/kit/bin/quarto"), "setup.sh")
    assert find_quarto(tmp_path / "lain") is None


def test_a_failing_setup_script_is_reported(tmp_path, monkeypatch):
    monkeypatch.delenv("QUARTO_BIN_PATH", raising=False)
    monkeypatch.setenv("PATH", "/usr/bin:/bin")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    if Path("/usr/bin/quarto").exists():
        pytest.skip("quarto terpasang di /usr/bin")
    project = tmp_path / "kerja" / "proyek"
    project.mkdir(parents=True)
    _executable(
        tmp_path / "kerja" / "shared" / "quarto" / "setup.sh", "echo 'setup.sh: FAILED: npm' >&2\nexit 1\n"
    )
    with pytest.raises(RuntimeError, match="FAILED: npm"):
        find_quarto(project)


# ---------------------------------------------------------------------------- numbering


def test_report_numbering_is_the_offices_and_per_bab_is_an_option():
    default = nomor_gambar()
    # as printed in the office's LKjIP: the capaian chart 0.1, the SAKIP comparison 0.2
    assert (default["fig-capaian-kinerja"], default["fig-perbandingan-sakip"]) == ("0.1", "0.2")
    assert default["fig-bagan-organisasi"] is None
    per_bab = nomor_gambar("bab")
    assert (per_bab["fig-capaian-kinerja"], per_bab["fig-kinerja-anggaran"]) == ("3.1", "3.5")
    assert per_bab["fig-nrr-unsur"] == "L.2"


def test_figures_of_absent_sources_take_no_number_and_the_rest_close_up():
    from lkjip.core.config import load_config
    from lkjip.core.paths import paths

    config = load_config(paths().config)
    # an office with only its agreement and budget: the capaian chart, then the two budget charts
    nomor = Penomoran.dari_config(config, {"perjanjian_kinerja", "anggaran"})
    assert [nomor.rujukan(f"fig-{k}") for k in ("capaian-kinerja", "anggaran", "kinerja-anggaran")] == [
        "Gambar 0.1",
        "Gambar 0.2",
        "Gambar 0.3",
    ]
    with pytest.raises(ValueError, match="fig-perbandingan-sakip' tidak dicetak"):
        nomor.rujukan("fig-perbandingan-sakip")
    # without SKM the Lampiran has no charts; without the comparison figures the IKM trend goes
    nomor = Penomoran.dari_config(config, {"perjanjian_kinerja", "anggaran", "sakip", "skm"})
    assert nomor.rujukan("fig-anggaran") == "Gambar 0.3" and nomor.rujukan("fig-ikm-unit") == "Gambar L.1"
    # every source: the office's own numbers
    assert Penomoran.dari_config(config, None).nomor == nomor_gambar()


def test_unknown_figure_label_is_a_clear_error():
    with pytest.raises(NomorTidakTerdaftar, match=r"fig-baru.*tidak terdaftar"):
        Penomoran().judul_gambar("fig-baru", "Grafik Baru")
    with pytest.raises(NomorTidakTerdaftar, match="fig-salah"):
        nomor_gambar(nomor={"fig-salah": "9.9"})


def test_numbering_follows_laporan_yml(project_copy):
    config = project_copy / "laporan.yml"
    data = yaml.safe_load(config.read_text(encoding="utf-8"))
    data["publikasi"] = {"penomoran": {"gambar": "bab", "nomor": {"fig-ikm-unit": "L.7"}}}
    config.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    nomor = Penomoran.load(project_copy)
    assert nomor.rujukan("fig-perbandingan-sakip") == "Gambar 3.2"
    assert nomor.rujukan("fig-ikm-unit") == "Gambar L.7"


def test_org_chart_without_a_head_names_the_key(project_copy):
    config = project_copy / "laporan.yml"
    data = yaml.safe_load(config.read_text(encoding="utf-8"))
    data["publikasi"] = {
        "bagan": {
            "kepala": {"jabatan": "Kepala Bagian", "nama": "A"},
            "unit": [{"nama": "Subbagian X"}],
        }
    }
    config.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(ConfigError, match=r"publikasi\.bagan\.unit\.0\.kepala: kunci wajib tidak ada"):
        load_config(config)


# ---------------------------------------------------------------------------- chapters


def _executed(cells: list) -> nbformat.NotebookNode:
    nb = nbformat.v4.new_notebook()
    nb.cells = cells
    return nb


def _code(source: str, *outputs) -> nbformat.NotebookNode:
    cell = nbformat.v4.new_code_cell(source)
    cell.outputs = list(outputs)
    return cell


def _display(data: dict) -> nbformat.NotebookNode:
    return nbformat.v4.new_output("display_data", data=data)


def test_notebook_markdown_numbers_figures_and_references(tmp_path):
    nb = _executed(
        [
            nbformat.v4.new_markdown_cell("# BAB III Akuntabilitas Kinerja"),
            nbformat.v4.new_markdown_cell("Lihat @fig-perbandingan-sakip dan @fig-capaian-kinerja."),
            _code(
                '#| label: fig-capaian-kinerja\n#| fig-cap: "Grafik Capaian Kinerja"\n'
                '#| fig-alt: "Batang"\nx',
                _display({"image/png": PNG, "text/plain": "<Image>"}),
            ),
            _code(
                "t",
                _display({"text/html": '<table><tr><td class="gt_heading gt_title">Tabel III.3 A</td></tr>'}),
            ),
            _code("m", _display({"text/markdown": "Teks **hasil**.", "text/plain": "x"})),
            _code("n", nbformat.v4.new_output("execute_result", data={"text/plain": "None"})),
        ]
    )
    nomor = Penomoran()
    md = babmod.notebook_markdown(nb, "03", tmp_path, judul_gambar=nomor.judul_gambar, rujukan=nomor.rujukan)
    assert "# BAB III" not in md  # the page carries the title
    assert "Lihat Gambar 0.2 dan Gambar 0.1." in md
    assert (
        '![Gambar 0.1 Grafik Capaian Kinerja](../figures/bab/fig-capaian-kinerja.png){fig-alt="Batang"}' in md
    )
    assert (tmp_path / "figures" / "bab" / "fig-capaian-kinerja.png").read_bytes().startswith(b"\x89PNG")
    assert "```{=html}\n<table " in md and "Teks **hasil**." in md and "None" not in md
    # every table is printed at the size the one rule gives, in the PDF (a Typst scope) and the
    # DOCX (the attribute halaman.lua reads): a one-cell table keeps the normal 10 pt
    assert '<table data-lkjip-ukuran="10" data-lkjip-lanskap="tidak">' in md
    assert "```{=typst}\n#[#show table: set text(size: 10pt)\n```" in md
    assert babmod.daftar_isi([_write(tmp_path / "x.md", md)]) == {
        "tabel": ["Tabel III.3 A"],
        "gambar": ["Gambar 0.1 Grafik Capaian Kinerja"],
    }


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_cell_errors_name_the_notebook_and_cell(tmp_path):
    nb = _executed([_code("1/0", nbformat.v4.new_output("error", ename="ZeroDivisionError", evalue="x"))])
    with pytest.raises(ValueError, match="03-akuntabilitas: sel 1 gagal: ZeroDivisionError"):
        babmod.notebook_markdown(nb, "03-akuntabilitas", tmp_path)


def test_chapters_run_once_and_again_only_when_an_input_changes(project_copy, monkeypatch):
    runs: list[str] = []

    def fake_execute(bab, root):
        runs.append(bab.notebook.stem)
        return _executed([nbformat.v4.new_markdown_cell(f"# {bab.notebook.stem}\n\nIsi {len(runs)}.")])

    monkeypatch.setattr(babmod, "_execute", fake_execute)
    chapters = [b.notebook.stem for b in babmod.daftar_bab(project_copy)]
    assert "00a-kata-pengantar" in chapters and "06-kamus-data" in chapters
    babmod.prepare_bab(project_copy, say=lambda _: None)
    assert runs == chapters
    babmod.prepare_bab(project_copy, say=lambda _: None)
    assert runs == chapters, "unchanged inputs: nothing executed again"
    # new exports -> the data step rewrites data/processed -> every chapter runs again
    (project_copy / "data" / "processed" / "capaian.csv").write_text("baru\n", encoding="utf-8")
    babmod.prepare_bab(project_copy, say=lambda _: None)
    assert runs == chapters * 2
    # the downloads folder is not an input (its annex records the time it was written)
    (project_copy / "data" / "processed" / "publik").mkdir(exist_ok=True)
    (project_copy / "data" / "processed" / "publik" / "x.xlsx").write_bytes(b"x")
    babmod.prepare_bab(project_copy, say=lambda _: None)
    assert runs == chapters * 2
    # a changed notebook runs again alone
    notebook = project_copy / "notebooks" / "04-penutup.ipynb"
    notebook.write_text(notebook.read_text(encoding="utf-8").replace("Penutup", "Penutup "), encoding="utf-8")
    babmod.prepare_bab(project_copy, say=lambda _: None)
    assert runs == [*chapters * 2, "04-penutup"]
    daftar = (project_copy / "_bab" / "00-daftar.md").read_text(encoding="utf-8")
    assert "# Daftar Tabel" in daftar and "# Daftar Gambar" in daftar and "#outline(" in daftar


def test_metadata_comes_from_laporan_yml_and_a_missing_logo_names_the_key(project_copy):
    meta = yaml.safe_load(babmod.write_metadata(project_copy).read_text(encoding="utf-8"))
    config = load_config(project_copy / "laporan.yml")
    assert meta["sampul"]["pemda"] == config.pemerintah_daerah == "Pemerintah Kabupaten Mojokerto"
    assert meta["sampul"]["tahun"] == config.tahun
    assert "logo" not in meta["sampul"]
    path = project_copy / "laporan.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["publikasi"] = {"logo": "konten/logo-tidak-ada.png"}
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(FileNotFoundError, match=r"publikasi\.logo: berkas 'konten/logo-tidak-ada\.png'"):
        babmod.write_metadata(project_copy)
    (project_copy / "konten" / "logo-tidak-ada.png").write_bytes(base64.b64decode(PNG))
    meta = yaml.safe_load(babmod.write_metadata(project_copy).read_text(encoding="utf-8"))
    assert meta["sampul"]["logo"] == "konten/logo-tidak-ada.png"


# ---------------------------------------------------------------------------- DOCX reference


def test_reference_docx_is_a4_with_page_numbers_and_the_configured_type(tmp_path, project_copy):
    found = find_quarto(setup=False)
    if found is None:
        if os.environ.get("LKJIP_CI"):
            pytest.fail("CI: Quarto tidak ditemukan")
        pytest.skip("Quarto tidak terpasang: reference.docx bawaan pandoc tidak tersedia")
    from lkjip.publish.dokumen import write_referensi

    path = project_copy / "laporan.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["publikasi"] = {"docx": {"font": "Bookman Old Style", "ukuran": 12}}
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    out = write_referensi(tmp_path / "ref.docx", load_config(path), found.path)
    with zipfile.ZipFile(out) as z:
        document = z.read("word/document.xml").decode()
        styles = z.read("word/styles.xml").decode()
        footer = z.read("word/footer1.xml").decode()
        settings = z.read("word/settings.xml").decode()
        assert "word/footer1.xml" in z.read("[Content_Types].xml").decode()
    # Word fills the lists (fields) with page numbers when it opens the document
    assert '<w:updateFields w:val="true"/>' in settings
    # the captions the Daftar Tabel and Daftar Gambar collect: bold, centred; a table's title
    # kept with its table; the lists' entries with dot leaders to the right margin (16 cm)
    judul = re.search(r'w:styleId="JudulTabel".*?</w:style>', styles, re.DOTALL).group(0)
    assert '<w:name w:val="Judul Tabel"/>' in judul and "<w:keepNext/>" in judul and "<w:b/>" in judul
    assert '<w:name w:val="Judul Gambar"/>' in styles
    toc = re.search(r'w:styleId="TOC1".*?</w:style>', styles, re.DOTALL).group(0)
    assert f'w:leader="dot" w:pos="{11906 - 1701 - 1418}"' in toc
    assert '<w:pgSz w:w="11906" w:h="16838"/>' in document  # A4
    assert 'w:left="1701"' in document  # 3 cm
    assert "PAGE" in footer
    defaults = re.search(r"<w:rPrDefault>.*?</w:rPrDefault>", styles, re.DOTALL).group(0)
    assert 'w:ascii="Bookman Old Style"' in defaults and '<w:sz w:val="24"/>' in defaults
    heading = re.search(r'w:styleId="Heading1".*?</w:style>', styles, re.DOTALL).group(0)
    assert "<w:b/>" in heading and "pageBreakBefore" in heading
    table = re.search(r'w:styleId="Table".*?</w:style>', styles, re.DOTALL).group(0)
    assert "<w:tblHeader/>" in table and "insideV" in table
    assert '<w:sz w:val="22"/>' in table  # 12 pt body: tables 11 pt
    # one table style per size from 11 pt down to 7 pt by half points, for the DOCX filter
    # (_extensions/lkjip/filters/halaman.lua)
    sizes = re.findall(
        r'<w:style w:type="table" w:styleId="TabelUkuran(\d+)">\s*<w:name w:val="([^"]+)"', styles
    )
    assert sizes == [(str(hp), f"Tabel {hp / 2:g} pt".replace(".", ",")) for hp in range(22, 13, -1)]
    small = re.search(r'w:styleId="TabelUkuran15".*?</w:style>', styles, re.DOTALL).group(0)
    assert '<w:sz w:val="15"/>' in small and "<w:tblHeader/>" in small and "insideV" in small
    # the last section numbers every page (the cover is a section of its own:
    # _extensions/lkjip/filters/halaman.lua)
    assert "titlePg" not in document and "footerReference" in document


def test_metadata_gives_bab_halaman_the_docx_page_and_table_sizes(project_copy):
    from lkjip.publish.bab import write_metadata

    meta = yaml.safe_load(write_metadata(project_copy).read_text(encoding="utf-8"))
    docx = meta["docx"]
    # A4 and the margins in twentieths of a point: 3 cm left, 2,5 cm elsewhere
    assert docx["halaman"] == {
        "lebar": 11906, "tinggi": 16838, "atas": 1418, "kanan": 1418, "bawah": 1418, "kiri": 1701
    }
    assert docx["kaki"] == "rIdLkjipFooter"
    # the default 11 pt body: tables 10 pt, then 9,5 ... 7 pt
    assert [g["ukuran"] for g in docx["tabel"]["gaya"]] == [10, 9.5, 9, 8.5, 8, 7.5, 7]
    assert docx["tabel"]["gaya"][0]["id"] == "TabelUkuran20"
    # the PDF's page and default table type come from the same rules (lkjip.report.halaman)
    assert meta["halaman"] == {"top": "2.501cm", "right": "2.501cm", "bottom": "2.501cm", "left": "3cm"}
    assert meta["tabel-ukuran"] == "10pt" and meta["tabel-sel"] == "4.25pt"


# ---------------------------------------------------------------------------- organisation chart


def test_org_chart_is_drawn_from_laporan_yml_or_taken_from_konten(project_copy, tmp_path):
    from lkjip.report.bagan import bagan_organisasi, kalimat_bagan

    path = project_copy / "laporan.yml"
    konten = project_copy / "konten"
    assert bagan_organisasi(load_config(path), konten, tmp_path / "f") is None  # nothing: no chart
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["publikasi"] = {
        "bagan": {
            "kepala": {"jabatan": "Kepala Bagian Organisasi", "nama": "Nama Kepala"},
            "unit": [
                {"nama": "Kelembagaan dan Analisis Jabatan", "kepala": {"jabatan": "Analis", "nama": "B"}},
                {"nama": "Pelayanan Publik dan Tata Laksana", "kepala": {"jabatan": "Analis", "nama": "C"}},
                {"nama": "Kinerja dan Reformasi Birokrasi", "kepala": {"jabatan": "Analis", "nama": "D"}},
            ],
        }
    }
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    config = load_config(path)
    drawn = bagan_organisasi(config, konten, tmp_path / "f")
    assert drawn == tmp_path / "f" / "bagan-organisasi.png"
    assert drawn.read_bytes().startswith(b"\x89PNG") and drawn.stat().st_size > 10_000
    sentence = f"Susunan organisasi {config.instansi.nama} digambarkan pada bagan berikut."
    assert kalimat_bagan(config) == sentence
    own = konten / "bagan-organisasi.png"
    own.write_bytes(base64.b64decode(PNG))
    assert bagan_organisasi(config, konten, tmp_path / "f") == own  # the office's image wins


def test_a_failing_notebook_names_itself_its_cell_and_the_error(project_copy, monkeypatch, tmp_path):
    from lkjip.publish.notebooks import execute_notebook

    failing = tmp_path / "gagal.ipynb"
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_markdown_cell("# Bab"),
        nbformat.v4.new_code_cell("x = 1"),
        nbformat.v4.new_code_cell("#| label: tbl-x\nnomor = {}\nnomor['III.9']"),
    ]
    nbformat.write(nb, failing)
    monkeypatch.setattr(babmod, "_execute", lambda bab, root: execute_notebook(failing, root=root))
    with pytest.raises(babmod.BabGagal) as err:
        babmod.prepare_bab(project_copy, say=lambda _: None)
    # the notebook, the cell as the notebook counts it, its first line of code, and the error;
    # not the kernel's coloured traceback
    assert str(err.value) == (
        "notebooks/00a-kata-pengantar.ipynb: sel 3 ('nomor = {}') gagal: KeyError: 'III.9'"
    )
    assert "\x1b" not in str(err.value)
    assert "nomor['III.9']" in err.value.__cause__.traceback


def test_table_numbers_come_from_the_registry():
    from lkjip.report.bagian import TabelTidakTerdaftar, nomor_tabel

    # as printed in the office's report
    assert nomor_tabel("III.4.B") == "III.4.B"
    assert nomor_tabel("III.1", "A") == "III.1.A"
    assert nomor_tabel("III.1", "") == "III.1"  # a report with one agreement: no letter
    assert nomor_tabel("lampiran-reviu") == "L.5"
    with pytest.raises(TabelTidakTerdaftar, match=r"'III\.9' tidak terdaftar"):
        nomor_tabel("III.9")
    with pytest.raises(ValueError, match=r"II\.2 dicetak per periode"):
        nomor_tabel("II.2")


def test_the_build_says_which_quarto_it_renders_with(tmp_path, monkeypatch):
    from lkjip.publish.build import _quarto_for

    monkeypatch.delenv("QUARTO_BIN_PATH", raising=False)
    on_path = _executable(tmp_path / "bin" / "quarto")
    monkeypatch.setenv("PATH", str(on_path.parent))
    said: list[str] = []
    assert _quarto_for("auto", tmp_path, said.append) == on_path
    assert said == [f"   Quarto: {on_path} (dari PATH)"]
    assert _quarto_for(None, tmp_path, said.append) is None


def _python_on(env: dict[str, str]) -> str:
    """What `python` on the environment's PATH is, as Quarto's pre-render would start it."""
    found = shutil.which("python", path=env["PATH"])
    assert found, env["PATH"]
    code = "import sys; print(sys.executable)"
    result = subprocess.run([found, "-c", code], env=env, capture_output=True, text=True, check=True)
    return result.stdout.strip()


def test_the_render_runs_the_interpreter_of_the_build_whatever_the_path_says(tmp_path):
    from lkjip.publish.quarto import render_environment

    # a PATH whose `python` is another program that fails (no pandas there, say)
    stub = _executable(tmp_path / "lain" / "python", "#!/bin/sh\necho python lain >&2\nexit 97\n")
    env = render_environment(tmp_path, environ={**os.environ, "PATH": str(stub.parent)})
    assert env["QUARTO_PYTHON"] == sys.executable
    assert Path(_python_on(env)).samefile(sys.executable)
    assert env["PATH"].split(os.pathsep)[-1] == str(stub.parent)  # the rest of the PATH kept


def test_an_interpreter_whose_folder_has_another_python_gets_a_launcher(tmp_path):
    from lkjip.publish.quarto import LAUNCHER, render_environment

    # an interpreter called python3.11 in a folder whose `python` is some other program
    folder = tmp_path / "usr" / "bin"
    folder.mkdir(parents=True)
    interpreter = folder / "python3.11"
    interpreter.symlink_to(sys.executable)
    _executable(folder / "python", "#!/bin/sh\nexit 97\n")
    env = render_environment(tmp_path, python=str(interpreter), environ={"PATH": "/tidak/ada"})
    assert env["QUARTO_PYTHON"] == str(interpreter)
    assert env["PATH"].split(os.pathsep)[:2] == [str((tmp_path / LAUNCHER).resolve()), str(folder)]
    assert Path(_python_on(env)).samefile(sys.executable)


# ---------------------------------------------------------------------------- the book's lists


def test_word_fields_list_the_entries_until_word_updates_them():
    entries = [(1, "Tabel II.4 Anggaran"), (1, "Tabel III.1 A & B")]
    xml = babmod.word_field('TOC \\h \\z \\t "Judul Tabel,1"', entries)
    paragraphs = re.findall(r"<w:p>.*?</w:p>", xml)
    assert len(paragraphs) == 2
    # one field over both paragraphs: begins (marked dirty) in the first, ends in the last
    assert paragraphs[0].index('w:fldCharType="begin" w:dirty="true"') < paragraphs[0].index(
        'TOC \\h \\z \\t "Judul Tabel,1"'
    ) < paragraphs[0].index('w:fldCharType="separate"') < paragraphs[0].index("Tabel II.4 Anggaran")
    assert 'w:fldCharType="end"' in paragraphs[1] and "Tabel III.1 A &amp; B" in paragraphs[1]
    assert 'w:fldCharType="end"' not in paragraphs[0]
    assert all('<w:pStyle w:val="TOC1"/>' in p for p in paragraphs)  # as Word writes its entries


def test_the_docx_contents_read_as_the_printed_book_until_word_numbers_them(project_copy):
    # a chapter's headings, less those of the site and (by default) of the analysts
    bab = project_copy / "_bab"
    bab.mkdir()
    md = bab / "05-lampiran.md"
    md.write_text(
        "## Hasil Reviu Otomatis\n\n```{=html}\n## bukan judul\n```\n\n"
        '::: {.content-visible when-format="html"}\n\n## Hanya situs\n\n:::\n\n'
        "::: {.bahan-analis}\n\n## Log Data\n\nSidik.\n\n:::\n\n## Metodologi {#metode}\n",
        encoding="utf-8",
    )
    judul = babmod.daftar_judul(project_copy, [md])
    assert judul[:4] == [(1, "Kata Pengantar"), (1, "Daftar Isi"), (1, "Daftar Tabel"), (1, "Daftar Gambar")]
    assert (1, "Selamat datang") not in judul and (1, "Unduhan Data") not in judul
    lampiran = judul[judul.index((1, "Data Pendukung")) :]
    assert lampiran == [(1, "Data Pendukung"), (2, "Hasil Reviu Otomatis"), (2, "Metodologi")]
    printed = babmod.daftar_judul(project_copy, [md], cetak_analis=True)
    assert printed[-3:] == [(2, "Log Data"), (2, "Metodologi"), (1, "Kamus Data")]


def test_the_lists_page_links_the_site_fills_the_docx_and_numbers_the_pdf(project_copy):
    (project_copy / "_bab").mkdir()
    chapter = project_copy / "_bab" / "03-akuntabilitas-kinerja.md"
    chapter.write_text(
        babmod.penanda("tabel", "Tabel III.4.B Perbandingan Capaian")
        + "\n\n"
        + babmod.penanda("gambar", "Gambar 0.1 Grafik Capaian Kinerja"),
        encoding="utf-8",
    )
    text = babmod.write_daftar(project_copy, [chapter]).read_text(encoding="utf-8")
    # the site: each entry a link to its table or figure on its chapter page
    assert "[Tabel III.4.B Perbandingan Capaian](03-akuntabilitas-kinerja.qmd#tabel-iii-4-b)" in text
    assert "[Gambar 0.1 Grafik Capaian Kinerja](03-akuntabilitas-kinerja.qmd#gambar-0-1)" in text
    # the DOCX: Word fields collecting the headings and the two caption styles
    assert 'TOC \\o "1-2" \\h \\z \\u' in text
    assert 'TOC \\h \\z \\t "Judul Tabel,1"' in text and 'TOC \\h \\z \\t "Judul Gambar,1"' in text
    # the PDF: number, title and page in three columns (the page never wraps alone)
    assert "columns: (auto, 1fr, auto)" in text and "lkjip-halaman(loc)" in text


def test_a_chapter_marks_material_for_analysts_and_links_each_tables_downloads(tmp_path):
    analyst = nbformat.v4.new_markdown_cell("## Log Data\n\nSidik berkas.")
    analyst.metadata["tags"] = ["bahan-analis"]
    log = _code("lap.log_data()", _display({"text/markdown": "Baris dikarantina: 0.", "text/plain": "x"}))
    log.metadata["tags"] = ["bahan-analis"]
    nb = _executed(
        [
            nbformat.v4.new_markdown_cell("# Data Pendukung"),
            _code(
                "t",
                _display({"text/html": '<table><tr><td class="gt_heading gt_title">Tabel L.5 Reviu</td>'}),
            ),
            _code(
                '#| label: fig-ikm-unit\n#| fig-cap: "IKM per PD/UKPD"\nx',
                _display({"image/png": PNG, "text/plain": "<Image>"}),
            ),
            analyst,
            log,
        ]
    )
    nomor = Penomoran()
    md = babmod.notebook_markdown(nb, "05", tmp_path, judul_gambar=nomor.judul_gambar, rujukan=nomor.rujukan)
    # the Log Data in a div bab.lua prints only with publikasi.bahan_analis_dicetak
    assert "::: {.bahan-analis}\n\n## Log Data\n\nSidik berkas.\n\n:::" in md
    assert "::: {.bahan-analis}\n\nBaris dikarantina: 0.\n\n:::" in md
    # under the table, on the site only, its CSV and its workbook
    links = (
        "Unduh Tabel L.5: [CSV](../data/processed/publik/tabel-L.5.csv) · "
        "[Excel](../data/processed/publik/tabel-L.5.xlsx)"
    )
    assert links in md and md.index("Tabel L.5 Reviu") < md.index(links)
    site = md[md.rindex('::: {.content-visible when-format="html"}', 0, md.index(links)) :]
    assert site.index(links) < site.index(":::\n\n:::")
    # the figure's anchor on the site, before it
    assert md.index('<div id="gambar-l-1" class="lkjip-jangkar"></div>') < md.index("![Gambar L.1 IKM")


def test_bahan_analis_dicetak_is_an_option_of_laporan_yml(project_copy):
    path = project_copy / "laporan.yml"
    meta = yaml.safe_load(babmod.write_metadata(project_copy).read_text(encoding="utf-8"))
    assert meta["bahan-analis-dicetak"] is False  # the signed document is the report
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data.setdefault("publikasi", {})["bahan_analis_dicetak"] = True
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    meta = yaml.safe_load(babmod.write_metadata(project_copy).read_text(encoding="utf-8"))
    assert meta["bahan-analis-dicetak"] is True
    data["publikasi"]["bahan_analis_dicetak"] = "cetak"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(ConfigError, match="bahan_analis_dicetak"):
        load_config(path)


def test_the_welcome_page_names_the_exports_this_office_reported_and_no_other():
    from lkjip.core.config import SUMBER
    from lkjip.publish.situs import sambutan_markdown

    config = load_config()
    tabel = Penanda("tabel", "Tabel III.1", "Capaian", "03-akuntabilitas-kinerja")
    text = sambutan_markdown(config, frozenset({"anggaran", "perjanjian_kinerja"}), [tabel])
    assert "ekspor Excel kantor berikut:\n\n- Laporan Realisasi Anggaran\n- Perjanjian Kinerja" in text
    for word in ("Survei Kepuasan", "SAKIP", "ematangan", "kelembagaan", "pembanding", "IKM"):
        assert word not in text, word
    assert 'menurut nomornya, misalnya "III.1"' in text  # one of its own tables
    assert "[PDF](LKjIP-2025-Bagian-Organisasi-Sekretariat-Daerah-Kabupaten-Mojokerto.pdf)" in text
    every = sambutan_markdown(config, frozenset(SUMBER), [tabel])
    assert every.count("\n- ") - text.count("\n- ") == 5  # seven exports, not two
    assert "- Hasil evaluasi SAKIP perangkat daerah\n" in every
