"""Tests for lkjip.report.konten and for the office's Markdown text under konten/."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from lkjip.core.config import Config, load_config
from lkjip.report.konten import KontenError, kata_pengantar_ttd, list_sections, load_section

PROJECT = Path(__file__).resolve().parents[1]
KONTEN = PROJECT / "konten"
# The seed report lives next to the checkout: /work/shared/seed here, ../shared/seed in CI.
SEED_DIR = Path(__file__).resolve().parents[2] / "shared" / "seed"

# What a result figure typed by hand looks like: 85,72 / 100 % / 796.858.170 / 85.72 / Rp 5 / 9 persen.
RESULT_FIGURE = re.compile(
    r"\d+,\d+|\d\s*%|\d{1,3}(?:\.\d{3})+\b|\d+\.\d+|\bRp\.?\s*\d|\d\s*persen\b", re.IGNORECASE
)


@pytest.fixture(scope="module")
def config() -> Config:
    return load_config(PROJECT / "laporan.yml")


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / f"{name}.md"
    path.write_text(text, encoding="utf-8")
    return path


# --- placeholders ----------------------------------------------------------------------------


def test_placeholders_are_filled_from_the_project_config(config, tmp_path):
    _write(
        tmp_path,
        "contoh",
        "Laporan {instansi.nama_lengkap} tahun {tahun} ({tahun_sebelumnya}-{tahun_berikutnya}).\n"
        "Wilayah: {kabupaten}, {provinsi}. Periode {periode[0].kode} lalu {periode[1].kode}.\n"
        "Ditandatangani {penandatangan.nama} pada {penandatangan.tanggal}.\n"
        "Misi pertama: {periode[1].misi[0]}\n",
    )
    assert load_section("contoh", config, tmp_path) == (
        "Laporan Bagian Organisasi Sekretariat Daerah Kabupaten Mojokerto tahun 2025 (2024-2026).\n"
        "Wilayah: Kabupaten Mojokerto, Provinsi Jawa Timur. Periode 2021-2025 lalu 2025-2029.\n"
        "Ditandatangani Dra. Hevi Maida Laily, M.Si. pada 30 Januari 2026.\n"
        "Misi pertama: Meningkatkan pelayanan kepada masyarakat dan mewujudkan tata kelola "
        "pemerintahan yang baik."
    )


def test_name_may_carry_the_md_suffix_and_decimals_use_a_comma(config, tmp_path):
    _write(tmp_path, "ambang", "Batas baik: {skm.kategori[1].batas_bawah}")
    assert load_section("ambang.md", config, tmp_path) == "Batas baik: 76,61"


def test_escaped_braces_are_literal(config, tmp_path):
    _write(tmp_path, "kurung", "Tulis {{tahun}} untuk {tahun}; himpunan {{a, b}}; {{{tahun}}}.")
    assert load_section("kurung", config, tmp_path) == ("Tulis {tahun} untuk 2025; himpunan {a, b}; {2025}.")


def test_comments_are_dropped_even_with_braces_inside(config, tmp_path):
    _write(
        tmp_path,
        "catatan",
        "<!-- catatan staf: {bukan_placeholder} {\n baris kedua -->\nIsi tahun {tahun}.\n\n\n\nAkhir.\n",
    )
    assert load_section("catatan", config, tmp_path) == "Isi tahun 2025.\n\nAkhir."


def test_unknown_placeholder_names_the_file_the_line_and_the_placeholder(config, tmp_path):
    path = _write(tmp_path, "salah", "Baris satu.\n\nNama: {instansi.nama_singkat}.\n")
    with pytest.raises(KontenError) as err:
        load_section("salah", config, tmp_path)
    message = str(err.value)
    assert str(path) in message
    assert "baris 3" in message
    assert "{instansi.nama_singkat}" in message
    assert "nama_lengkap" in message  # the keys that do exist are listed


def test_unknown_top_level_placeholder(config, tmp_path):
    _write(tmp_path, "salah", "Tahun {tahun_laporan}")
    with pytest.raises(KontenError, match=r"salah\.md, baris 1: placeholder \{tahun_laporan\}"):
        load_section("salah", config, tmp_path)


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("{periode[2].kode}", "hanya berisi 2 butir"),
        ("{instansi}", "bukan satu nilai tunggal"),
        ("{periode}", "bukan satu nilai tunggal"),
        ("{tahun.nilai}", "tidak mempunyai sub-kunci"),
        ("{instansi[0]}", "bukan daftar"),
        ("{tahun!r}", "tidak sah"),
        ("{instansi.__class__}", "tidak sah"),
        ("{}", "tidak sah"),
        ("Kurung { terbuka", "tanpa pasangan"),
        ("Kurung } tertutup", "tanpa pasangan"),
    ],
)
def test_malformed_or_unfillable_placeholders_are_refused(config, tmp_path, text, fragment):
    _write(tmp_path, "rusak", text)
    with pytest.raises(KontenError, match=re.escape(fragment)) as err:
        load_section("rusak", config, tmp_path)
    assert "rusak.md" in str(err.value)


def test_missing_file_lists_the_available_sections(config, tmp_path):
    _write(tmp_path, "ada", "teks")
    with pytest.raises(KontenError, match="tidak ditemukan") as err:
        load_section("tidak_ada", config, tmp_path, wajib=True)
    assert "ada" in str(err.value).split("tersedia:")[1]


def test_section_names_cannot_leave_the_folder(config, tmp_path):
    with pytest.raises(KontenError, match="tidak sah"):
        load_section("../laporan", config, tmp_path)


def test_default_folder_is_the_project_konten(config, tmp_path, monkeypatch):
    folder = tmp_path / "konten"
    folder.mkdir()
    _write(folder, "x", "{tahun}")
    monkeypatch.setenv("LKJIP_ROOT", str(tmp_path))
    assert list_sections() == ["x"]
    assert load_section("x", config) == "2025"


# --- list_sections ---------------------------------------------------------------------------


def test_list_sections_is_sorted_and_leaves_out_the_readme(tmp_path):
    for name in ("bab2_b", "README", "bab1_a"):
        _write(tmp_path, name, "teks")
    (tmp_path / "catatan.txt").write_text("bukan markdown", encoding="utf-8")
    assert list_sections(tmp_path) == ["bab1_a", "bab2_b"]
    assert list_sections(tmp_path / "tidak-ada") == []


# --- signature block -------------------------------------------------------------------------


def test_kata_pengantar_ttd_from_the_project_config(config):
    assert kata_pengantar_ttd(config) == (
        "Mojokerto, 30 Januari 2026\\\n"
        "Kepala Bagian Organisasi\\\n"
        "\\\n"
        "\\\n"
        "\\\n"
        "**Dra. Hevi Maida Laily, M.Si.**\\\n"
        "Pembina Tingkat I (IV/b)\\\n"
        "NIP 197005281994032003"
    )


@pytest.mark.parametrize(
    ("tanggal", "expected"),
    [
        (dt.date(2026, 8, 17), "Mojokerto, 17 Agustus 2026"),
        (dt.date(2025, 12, 5), "Mojokerto, 5 Desember 2025"),
    ],
)
def test_kata_pengantar_ttd_writes_the_month_in_indonesian(config, tanggal, expected):
    data = config.model_dump()
    data["penandatangan"]["tanggal"] = tanggal
    other = Config.model_validate(data)
    assert kata_pengantar_ttd(other).split("\\\n")[0] == expected


# --- the project's own konten ----------------------------------------------------------------


def test_every_project_section_renders_completely(config):
    sections = list_sections(KONTEN)
    assert "kata_pengantar" in sections
    for name in sections:
        text = load_section(name, config, KONTEN)
        assert text, name
        # No placeholder left unfilled and no staff note leaking into the report.
        assert not re.search(r"[{}]|<!--", text), name


def test_readme_references_exist_and_cover_every_section():
    readme = (KONTEN / "README.md").read_text(encoding="utf-8")
    referenced = set(re.findall(r"`([\w-]+\.md)`", readme))
    assert referenced, "README tidak menyebut satu berkas pun"
    missing = sorted(name for name in referenced if not (KONTEN / name).is_file())
    assert not missing, f"README menyebut berkas yang tidak ada: {missing}"
    unexplained = sorted(f"{s}.md" for s in list_sections(KONTEN) if f"{s}.md" not in referenced)
    assert not unexplained, f"berkas konten tanpa penjelasan di README: {unexplained}"


def test_every_placeholder_shown_in_the_readme_resolves(config, tmp_path):
    readme = (KONTEN / "README.md").read_text(encoding="utf-8")
    shown = re.findall(r"`(\{[^`{}]+\})`", readme)
    assert "{tahun}" in shown and "{periode[0].misi[2]}" in shown
    _write(tmp_path, "semua", "\n".join(shown))
    filled = load_section("semua", config, tmp_path).splitlines()
    assert len(filled) == len(shown)
    assert filled[shown.index("{periode[0].misi[2]}")] == (
        "Mewujudkan tata kelola pemerintahan yang berintegritas, akuntabel, bersih, transparan"
    )


def test_readme_example_runs(capsys):
    readme = (KONTEN / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", readme, re.DOTALL)
    assert blocks
    for code in blocks:
        exec(compile(code, "konten/README.md", "exec"), {})
    out = capsys.readouterr().out
    assert "bab1_latar_belakang" in out
    assert "Bagian Organisasi Sekretariat Daerah Kabupaten Mojokerto" in out


@pytest.mark.parametrize("figure", ["85,72", "100 %", "100%", "Rp. 796", "796.858.170", "85.72", "9 persen"])
def test_the_figure_detector_catches_typed_results(figure):
    assert RESULT_FIGURE.search(f"realisasi sebesar {figure} pada tahun ini")


def test_no_result_figure_is_typed_in_konten():
    found = []
    for path in sorted(KONTEN.glob("*.md")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            found += [f"{path.name}:{number}: {m.group(0)!r}" for m in RESULT_FIGURE.finditer(line)]
    assert not found, "angka hasil terketik di konten (harus dibuat dari data):\n" + "\n".join(found)


# --- konten is written afresh, not copied from the seed report -------------------------------


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def _seed_sentences(text: str) -> set[str]:
    """Sentences of 12+ words, split both with and without paragraph breaks (OCR breaks lines)."""
    sentences = set()
    for chunk in (text, *re.split(r"\n[ \t]*\n", text)):
        for piece in re.split(r"[.!?;:](?=\s|$)", chunk):
            words = _words(piece)
            # Titles of regulations may be cited as they are.
            if len(words) >= 12 and words[0] not in {"peraturan", "keputusan"}:
                sentences.add(" ".join(words))
    return sentences


def _copied(sentences: set[str], text: str) -> list[str]:
    haystack = f" {' '.join(_words(text))} "
    return sorted(s for s in sentences if f" {s} " in haystack)


@pytest.fixture(scope="module")
def seed_sentences(config) -> set[str]:
    files = sorted(SEED_DIR.glob("*.txt")) if SEED_DIR.is_dir() else []
    if not files:
        pytest.skip(f"seed report not available at {SEED_DIR} (expected next to the checkout)")
    sentences: set[str] = set()
    for path in files:
        sentences |= _seed_sentences(path.read_text(encoding="utf-8"))
    # Official wording kept in laporan.yml (visi, misi, documents) may be quoted as it is.
    official = " ".join(_words(str(config.model_dump())))
    return {s for s in sentences if s not in official}


def test_the_copy_detector_catches_a_seed_sentence(seed_sentences):
    # The isu-strategis sentence is broken by a blank line in the OCR text; it must still count.
    candidates = [s for s in seed_sentences if s.startswith("oleh karena itu dirumuskan isu isu")]
    sample = max(candidates, key=len)
    assert sample.endswith("bagian organisasi sekretariat daerah ke depan sebagai berikut")
    copied = f"Pengantar.\n\n{sample.capitalize()}:\n\n1. Isu pertama."
    assert sample in _copied(seed_sentences, copied)
    assert _copied(seed_sentences, "Kalimat yang ditulis sendiri tidak tertangkap.") == []


def test_no_seed_sentence_appears_verbatim_in_konten(config, seed_sentences):
    texts = {p.name: p.read_text(encoding="utf-8") for p in sorted(KONTEN.glob("*.md"))}
    texts |= {f"{s} (terisi)": load_section(s, config, KONTEN) for s in list_sections(KONTEN)}
    copied = {name: hits for name, text in texts.items() if (hits := _copied(seed_sentences, text))}
    assert not copied, f"kalimat laporan contoh tersalin apa adanya: {copied}"


def test_a_placeholder_that_does_not_fit_the_office_suggests_konten_awal(config, tmp_path):
    """The default prose names the second planning period; an office with one has none."""
    _write(tmp_path, "penjenjangan", "Setelah {periode[1].dokumen} ...")
    data = config.model_dump(by_alias=True)
    data["periode"] = data["periode"][1:]
    one = type(config).model_validate(data)
    with pytest.raises(KontenError) as err:
        load_section("penjenjangan", one, tmp_path)
    assert "hanya berisi 1 butir" in str(err.value)
    assert "python -m lkjip konten-awal --ke konten --timpa" in str(err.value)
