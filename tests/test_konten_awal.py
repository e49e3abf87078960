"""Office prose as the office's own (issue 10, item 6).

``python -m lkjip konten-awal`` writes a neutral starting set for a new office; a prose file
that is missing or holds only notes builds as a visible marker; a placeholder that cannot be
filled for this office names the file, the line and the placeholders that exist.
"""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path

import pytest
from test_konten import RESULT_FIGURE, _copied, seed_sentences  # noqa: F401 (fixture)
from test_konten import config as config  # the fixture seed_sentences needs

from lkjip.cli import main
from lkjip.core.config import load_config, parse_config
from lkjip.core.paths import paths
from lkjip.report.konten import KontenError, daftar_placeholder, list_sections, load_section
from lkjip.report.konten_awal import BAGIAN, write_konten_awal

PROJECT = Path(__file__).resolve().parents[1]


def _config(**changes):
    data = copy.deepcopy(load_config().model_dump(mode="json"))
    for key, value in changes.items():
        if value is None:
            data.pop(key, None)
        else:
            data[key] = value
    return parse_config(data, paths().config)


OFFICES = {
    "kabupaten": _config(),
    "kota": _config(kabupaten=None, kota="Kota Batu"),
    "provinsi": _config(kabupaten=None, provinsi="Provinsi Sumatera Utara"),
}


def _sections_the_notebooks_ask_for() -> set[str]:
    names: set[str] = set()
    for path in (PROJECT / "notebooks").glob("*.ipynb"):
        for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
            for call in re.findall(r"konten\(([^)]*)\)", "".join(cell["source"])):
                names |= set(re.findall(r"\"([\w-]+)\"", call))
    return names


def test_the_command_writes_every_section_the_report_asks_for(tmp_path):
    folder = tmp_path / "konten"
    assert main(["konten-awal", "--ke", str(folder)]) == 0
    written = set(list_sections(folder))
    assert _sections_the_notebooks_ask_for() <= written
    assert written == {b.nama for b in BAGIAN}
    assert (folder / "README.md").is_file()


@pytest.mark.parametrize("kind", list(OFFICES))
def test_the_starting_set_builds_for_any_kind_of_office(tmp_path, kind):
    config = OFFICES[kind]
    folder = tmp_path / "konten"
    write_konten_awal(config, folder)
    for name in list_sections(folder):
        text = load_section(name, config, folder)
        assert text and not re.search(r"[{}]|<!--", text), (name, text)
    rencana = load_section("bab4_rencana", config, folder)
    assert f"pelayanan\n{config.pemerintah_daerah} kepada masyarakat" in rencana
    assert "Gubernur" in load_section("bab1_maksud_tujuan", config, folder) or kind != "provinsi"


def test_the_starting_set_is_neutral_and_types_no_result(tmp_path):
    folder = tmp_path / "konten"
    write_konten_awal(load_config(), folder)
    for path in folder.glob("*.md"):
        text = path.read_text(encoding="utf-8")
        assert "mojokerto" not in text.lower() and "jawa timur" not in text.lower(), path.name
        assert not RESULT_FIGURE.search(text), path.name


def test_the_starting_set_is_not_copied_from_the_seed(tmp_path, seed_sentences):  # noqa: F811
    folder = tmp_path / "konten"
    config = load_config()
    write_konten_awal(config, folder)
    texts = {p.name: p.read_text(encoding="utf-8") for p in folder.glob("*.md")}
    texts |= {f"{s} (terisi)": load_section(s, config, folder) for s in list_sections(folder)}
    copied = {name: hits for name, text in texts.items() if (hits := _copied(seed_sentences, text))}
    assert not copied


def test_sections_only_the_office_can_write_show_the_marker(tmp_path):
    folder = tmp_path / "konten"
    write_konten_awal(load_config(), folder)
    assert load_section("bab1_gambaran_umum", load_config(), folder) == (
        "**[teks belum diisi: konten/bab1_gambaran_umum.md]**"
    )


def test_missing_or_empty_prose_builds_as_a_marker(tmp_path):
    folder = tmp_path / "konten"
    folder.mkdir()
    config = load_config()
    assert (
        load_section("bab3_efisiensi", config, folder) == "**[teks belum diisi: konten/bab3_efisiensi.md]**"
    )
    (folder / "bab1_isu_strategis.md").write_text("<!-- isi nanti -->\n\n  \n", encoding="utf-8")
    assert load_section("bab1_isu_strategis", config, folder) == (
        "**[teks belum diisi: konten/bab1_isu_strategis.md]**"
    )
    with pytest.raises(KontenError, match="tidak ditemukan"):
        load_section("bab3_efisiensi", config, folder, wajib=True)


def test_existing_prose_is_never_overwritten_without_timpa(tmp_path, capsys):
    folder = tmp_path / "konten"
    folder.mkdir()
    own = folder / "bab1_latar_belakang.md"
    own.write_text("Teks kantor sendiri.\n", encoding="utf-8")
    assert main(["konten-awal", "--ke", str(folder)]) == 1
    assert "bab1_latar_belakang.md" in capsys.readouterr().err
    assert own.read_text(encoding="utf-8") == "Teks kantor sendiri.\n"
    assert list_sections(folder) == ["bab1_latar_belakang"]  # nothing else written either
    assert main(["konten-awal", "--ke", str(folder), "--timpa"]) == 0
    assert "Teks kantor sendiri." not in own.read_text(encoding="utf-8")


def test_a_placeholder_this_office_lacks_names_file_line_and_what_exists(tmp_path):
    folder = tmp_path / "konten"
    folder.mkdir()
    path = folder / "bab4_rencana.md"
    path.write_text("Baris satu.\nMasyarakat {kabupaten}.\n", encoding="utf-8")
    with pytest.raises(KontenError) as err:
        load_section("bab4_rencana", OFFICES["provinsi"], folder)
    message = str(err.value)
    assert f"{path}, baris 2: placeholder {{kabupaten}} tidak dapat diisi" in message
    assert "pakai {wilayah}" in message and "wilayah" in message.split("Yang tersedia:")[1]
    path.write_text("Kepala daerah: {kepala_daerah_kita}\n", encoding="utf-8")
    with pytest.raises(
        KontenError, match=r"baris 1: placeholder \{kepala_daerah_kita\} tidak dikenal"
    ) as err:
        load_section("bab4_rencana", OFFICES["provinsi"], folder)
    assert "kepala_daerah" in str(err.value).split("Yang tersedia:")[1]


def test_the_readme_lists_the_placeholders_of_this_office(tmp_path):
    folder = tmp_path / "konten"
    config = OFFICES["kota"]
    write_konten_awal(config, folder)
    readme = (folder / "README.md").read_text(encoding="utf-8")
    for name in (
        "{wilayah}",
        "{kepala_daerah}",
        "{instansi.nama_lengkap}",
        "{kota}",
        "{periode_terkini.kode}",
    ):
        assert f"`{name}`" in readme
    assert "`{kabupaten}`" not in readme  # not set for a kota unit
    assert set(daftar_placeholder(config)) >= {"{tahun}", "{periode[0].misi[0]}", "{penandatangan.jabatan}"}


@pytest.mark.slow  # builds the report (executes the notebooks)
def test_a_new_office_builds_from_the_starting_set_with_markers(tmp_path):
    import os
    import subprocess
    import sys

    from bantuan import copy_project

    project = copy_project(tmp_path / "proyek")
    env = {**os.environ, "LKJIP_ROOT": str(project)}

    def run(*args):
        return subprocess.run(
            [sys.executable, "-m", "lkjip", *args],
            cwd=project,
            env=env,
            capture_output=True,
            text=True,
            timeout=1500,
        )

    assert run("konten-awal", "--timpa").returncode == 0
    (project / "konten" / "bab3_rencana_aksi.md").unlink()  # a file the office has not written yet
    result = run("build", "--tanpa-quarto")
    assert result.returncode == 0, result.stdout + result.stderr
    pages = " ".join(p.read_text(encoding="utf-8") for p in (project / "_preview").glob("*.html"))
    for name in ("bab1_gambaran_umum", "bab1_isu_strategis", "bab3_rencana_aksi"):
        assert f"teks belum diisi: konten/{name}.md" in pages
    assert "Perjanjian kinerja memuat sasaran, indikator, dan target" in pages  # the neutral text
