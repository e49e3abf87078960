"""Jejak angka: every printed figure carries its lineage, and a corrected figure its mark.

The figures and cells below are worked out by hand from the default (seed) exports: Tabel III.4.B's
capaian anggaran of sasaran 1 is the realisasi of sub kegiatan 4.01.01.2.13.0002 and .0004
(85.012.295 + 92.641.133 = 177.653.428, LRA rows 19 and 21) over their pagu (100.613.435 +
127.146.670 = 227.760.105): 78,00 %, where the office's sheet "Anggaran per Sasaran" prints 78,68.
"""

from __future__ import annotations

import json
import re

import openpyxl
import pandas as pd
import pytest

from lkjip.core.config import load_config
from lkjip.core.fmt import Formatter
from lkjip.report import bagian
from lkjip.report.jejak import (
    KELAS_ANGKA,
    Jejak,
    Letak,
    Reviu,
    Sel,
    Tercetak,
    daftar_html,
    polos,
    sama,
    tanda_di,
)
from lkjip.report.laporan import TEKS_BAB, Laporan, Teks
from lkjip.report.tabel_laporan import Jenis, TabelLaporan

#: A text cell that prints a figure (the targets of Tabel II.1: "95,90", "100%", "48 PD/UKPD").
ANGKA_TEKS = re.compile(r"^\s*-?[\d.,]+\s*(%|[A-Za-z].*)?$")


@pytest.fixture(scope="module")
def config():
    return load_config()


# --------------------------------------------------------------------------- the model


def test_a_cell_is_named_by_file_sheet_excel_row_and_column():
    assert Sel("a.xlsx", "LRA 2025", 19, "D (Realisasi)").teks() == (
        "a.xlsx, sheet 'LRA 2025', baris 19, kolom D (Realisasi)"
    )
    # a run of respondent rows: its first and last Excel row, and how many rows are counted
    assert Sel("r.xlsx", "Responden", 6, "U1", sampai=444, jumlah=439).teks() == (
        "r.xlsx, sheet 'Responden', baris 6–444 (439 baris), kolom U1"
    )


def test_the_excel_column_comes_from_where_the_reader_found_it():
    frame = pd.DataFrame(
        {
            "berkas": ["pk.xlsx", "pk.xlsx"],
            "sheet": ["PK", "PK"],
            "kolom": ["target", "target"],
            "tahun": pd.array([2024, 2025], dtype="Int64"),
            "letak": ["N (Target 2024)", "P (Target 2025)"],
        }
    )
    row = {"berkas": "pk.xlsx", "sheet": "PK", "baris": 8}
    assert Letak(frame).sel(row, "target", 2025) == Sel("pk.xlsx", "PK", 8, "P (Target 2025)")
    # a column no reader located is named in words, never left out
    assert Letak(frame).sel(row, "capaian_tercetak", 2025).kolom == "capaian tercetak"


def test_the_reviu_verdict_is_found_by_the_cell_it_is_about():
    reviu = pd.DataFrame(
        {
            "berkas": ["a.xlsx"],
            "sheet": ["Anggaran per Sasaran"],
            "baris": pd.array([6], dtype="Int64"),
            "kolom": ["capaian_tercetak"],
            "penjelasan": ["tercetak 78,68 %, padahal 78,00 %"],
        }
    )
    row = {"berkas": "a.xlsx", "sheet": "Anggaran per Sasaran", "baris": 6}
    assert Reviu(reviu).temuan(row, "capaian_tercetak") == "tercetak 78,68 %, padahal 78,00 %"
    assert Reviu(reviu).temuan({**row, "baris": 7}, "capaian_tercetak") is None


def _koreksi_tabel(config) -> TabelLaporan:
    cell = Sel("a.xlsx", "Anggaran per Sasaran", 6, "G (Capaian)")
    corrected = Jejak(
        78.00024,
        "Capaian anggaran sasaran 1",
        rumus="177.653.428 / 227.760.105 × 100 = 78,00%",
        tercetak=Tercetak("78,68%", cell, "tercetak 78,68 %", "Tabel L.5"),
    )
    agreed = Jejak(71.18, "Capaian anggaran sasaran 2", tercetak=Tercetak("71,18%", cell, None))
    return TabelLaporan(
        nomor="III.9",
        judul="Tabel III.9 Uji",
        frame=pd.DataFrame({"Sasaran": ["Satu", "Dua"], "Capaian": [78.00024, 71.18]}),
        jenis={"Capaian": Jenis.PERSEN},
        gaya=Formatter(config),
        sumber="uji",
        jejak={(0, "Capaian"): corrected, (1, "Capaian"): agreed},
    )


def test_a_figure_the_export_printed_otherwise_is_marked_where_it_stands(config):
    table = _koreksi_tabel(config)
    note = (
        "a) Capaian anggaran sasaran 1: tercetak di ekspor 78,68% (a.xlsx, sheet 'Anggaran per "
        "Sasaran', baris 6); laporan memuat hasil hitung ulang 78,00% — lihat Tabel L.5."
    )
    # the note is printed above the source line in every format (and in the annex's sheet)
    assert table.catatan_koreksi() == [note]
    assert table.semua_catatan == [note, "Sumber: uji"]
    html = table.gt().as_raw_html()
    # the cell: its trail's span, marked as corrected, and the note's letter as a superscript
    assert (
        f'<span class="{KELAS_ANGKA} lkjip-koreksi" data-jejak="jejak-t-iii-9-0-1">78,00%</span><sup>a</sup>'
    ) in html
    assert f'<span class="{KELAS_ANGKA}" data-jejak="jejak-t-iii-9-1-1">71,18%</span></td>' in html
    assert "<sup>a</sup> Capaian anggaran sasaran 1: tercetak di ekspor 78,68%" in html
    # the site's list: the trail of each figure, the printed figure and the reviu's verdict
    trails = table.jejak_html()
    assert '<li id="jejak-t-iii-9-0-1">' in trails and "(2 angka)" in trails
    assert "Tercetak di ekspor: 78,68%" in trails and "berbeda dari hasil hitung" in trails
    assert "Tercetak di ekspor: 71,18%" in trails and "sesuai dengan hasil hitung" in trails


def test_the_site_list_escapes_text_from_the_data():
    trail = Jejak(1.0, "Unit <script>", "ekspor", sel=(Sel("x.xlsx", "S", 1, "A"),))
    from lkjip.report.jejak import Butir

    html = daftar_html("Tabel X", [Butir("jejak-x", "Tabel X", "<b>", "", "1", trail)])
    assert "<script>" not in html and "&lt;script&gt;" in html and "&lt;b&gt;" in html


# --------------------------------------------------------------------------- the default report


@pytest.fixture(scope="module")
def lap(processed_project):
    return Laporan.load(root=processed_project)


@pytest.fixture(scope="module")
def semua(lap):
    return bagian.semua_tabel(lap.t, lap.config, lap.sumber)


def _angka(table: TabelLaporan, kolom: str) -> bool:
    kind = table.jenis_kolom(kolom)
    return (kind.angka and kind is not Jenis.NOMOR) or kind is Jenis.CAMPURAN


def test_every_printed_figure_of_every_table_has_its_trail(semua):
    missing, differ = [], []
    for table in semua:
        printed = {c: table.teks_tercetak(c) for c in table.frame.columns}
        for column in table.frame.columns:
            if column in table.sembunyi or column == table.kelompok:
                continue
            numeric = _angka(table, column)
            for r, value in enumerate(table.frame[column]):
                if r in table.kosong.get(column, ()):
                    continue  # printed empty
                figure = numeric and not pd.isna(value)
                if not numeric:  # a text cell holding a figure ("95,90", "48 PD/UKPD")
                    figure = table.jenis_kolom(column) is Jenis.TEKS and bool(
                        ANGKA_TEKS.match(printed[column][r])
                    )
                if not figure:
                    continue
                trail = table.jejak.get((r, column))
                if trail is None:
                    missing.append(f"{table.nomor} baris {r} {column} = {printed[column][r]}")
                elif table.jenis_kolom(column).angka and not sama(trail.hasil, value):
                    differ.append(f"{table.nomor} baris {r} {column}: {trail.hasil} != {value}")
    assert missing == [] and differ == []
    # and every trail says where the figure comes from: cells, or a formula, or both
    for table in semua:
        for trail in table.jejak.values():
            assert trail.semua_sel() or trail.rumus or trail.asal == "tidak_ada", trail


def test_every_chart_value_has_its_trail(lap):
    charts = {g.nama_berkas: g for g in bagian.semua_gambar(lap.t, lap.config, lap.sumber)}
    for gambar in charts.values():
        assert gambar.jejak, gambar.keterangan
        assert all(sama(p.nilai, p.jejak.hasil) for p in gambar.jejak), gambar.keterangan
    # Gambar 0.1: the realisasi of the 3 main indicators in each of the 5 trend years
    assert len(charts["gambar-0-1-capaian-kinerja-2025"].jejak) == 3 * 5
    # the budget chart: pagu, realisasi and percentage of each of the 5 sub kegiatan
    assert len(charts["gambar-anggaran-per-sub-kegiatan-2025"].jejak) == 5 * 3


def test_the_capaian_anggaran_trail_is_its_formula_with_its_cells(semua):
    iii4b = next(t for t in semua if t.nomor == "III.4.B")
    trail = iii4b.jejak[(0, "Capaian Anggaran (%)")]
    assert trail.rumus == "177.653.428 / 227.760.105 × 100 = 78,00%"
    realisasi, alokasi = trail.masukan
    assert realisasi.rumus == "85.012.295 + 92.641.133 = 177.653.428"
    assert alokasi.rumus == "100.613.435 + 127.146.670 = 227.760.105"
    cells = [s.teks() for s in realisasi.semua_sel()]
    assert [c.split(", kolom")[0] for c in cells] == [
        "realisasi-anggaran.xlsx, sheet 'LRA 2025', baris 19",
        "realisasi-anggaran.xlsx, sheet 'LRA 2025', baris 21",
    ]
    # what the office printed, located, with the reviu's verdict and where it is listed
    assert trail.berbeda and trail.tercetak.nilai == "78,68%"
    assert trail.tercetak.sel.teks().startswith(
        "realisasi-anggaran.xlsx, sheet 'Anggaran per Sasaran', baris 6, kolom G"
    )
    assert trail.tercetak.rujukan == "Tabel L.5"


def test_the_seeds_corrections_are_marked_in_their_tables_and_chart(semua, lap):
    marks = {t.nomor: [(r, c, h, j.tercetak.nilai) for r, c, h, j in t.koreksi()] for t in semua}
    assert marks["III.4.B"] == [
        (0, "Capaian Anggaran (%)", "a", "78,68%"),
        (2, "Capaian Anggaran (%)", "b", "93,59%"),
    ]
    # sub kegiatan 4.01.01.2.13.0002: 85.012.295 / 100.613.435 = 84,49 %, printed 84,40
    assert marks["III.4.A"] == [(1, "Capaian (%)", "a", "84,40%")]
    assert all(not m for n, m in marks.items() if n not in {"III.4.A", "III.4.B"})
    chart = bagian.gambar("kinerja-anggaran", lap.t, lap.config)
    labels = [p.teks for p in chart.jejak]
    assert "78,00%ᵃ" in labels and "91,75%ᵇ" in labels


def test_every_number_in_the_generated_texts_has_its_trail(lap):
    not_figures = [
        r"“[^”]*”",  # office text quoted (indicator names, formulas)
        r"(?m)^ {4}- .*$",  # the office's upaya, kendala and solusi
        r"\b(19|20)\d{2}(-(19|20)\d{2})?\b",  # years and plan periods
        r"\b\d{1,2} (Januari|Maret|Juni|September|Desember)\b",  # dates ("per 31 Desember")
        r"\b(Tabel|Gambar) [\dLIV]+(\.[\dA-Z]+)*",  # references to tables and figures
        r"(?m)^\s*\d+\.\s",  # list numbering
        r"\bU\d\b|\b[A-Z]+-\d+\b",  # unsur and indicator codes
        r"\[[^\]]*\]\([^)]*\)|`[^`]*`",  # links and paths
        r"\b(di atas|tepat|di bawah) 100%",  # the names of the capaian categories
        r"(?m)^Dokumen: .*$",  # the plan document's name as laporan.yml writes it
    ]
    texts = lap.semua_teks()
    assert {stem for stem, _m, _p in TEKS_BAB} >= {"00b-ikhtisar-eksekutif", "03-akuntabilitas-kinerja"}
    bare = []
    for tempat, teks in texts:
        marked = re.sub(rf'<span class="{KELAS_ANGKA}[^"]*" data-jejak="[^"]*">.*?</span>', "", teks.berjejak)
        for pattern in not_figures:
            marked = re.sub(pattern, "", marked)
        bare += [
            f"{tempat}: …{marked[max(0, m.start() - 40) : m.end() + 20]}…" for m in re.finditer(r"\d", marked)
        ]
        # every mark has its trail, once; the text without marks is the one tests and analysts read
        assert sorted(tanda_di(teks.berjejak)) == sorted(i for i, _t, _j in teks.kalimat.daftar)
        assert polos(teks.berjejak) == teks.data
    assert bare == []


def test_the_generated_texts_are_what_the_notebooks_print(lap):
    calls = {}
    stems = {s for s, _m, _p in TEKS_BAB} | {p.stem for p in lap.paths.notebooks.glob("0*.ipynb")}
    for stem in sorted(stems):
        cells = json.loads((lap.paths.notebooks / f"{stem}.ipynb").read_text(encoding="utf-8"))["cells"]
        code = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "code")
        calls[stem] = set(re.findall(r"\blap\.(\w+)\(", code))
    texts = {name for name in dir(Laporan) if Laporan.__dict__.get(name) and _returns_teks(name)}
    printed = {(stem, m) for stem, names in calls.items() for m in names if m in texts}
    assert printed == {(stem, m) for stem, m, _p in TEKS_BAB}


def _returns_teks(name: str) -> bool:
    """Whether a method of :class:`Laporan` returns a generated text with trails."""
    return "Teks" in str(getattr(Laporan.__dict__[name], "__annotations__", {}).get("return", ""))


def test_the_ikhtisar_counts_say_what_they_count(lap):
    text = lap.kesimpulan(lap.dokumen_aktif[0]).data
    # the agreement has 3 main indicators and 3 kinerja lainnya (two of them below 100 %)
    assert text.startswith(
        "Dari hasil pengukuran realisasi 3 indikator sasaran strategis Perjanjian Kinerja Tahun 2025 "
        "sesuai Dokumen Perencanaan Periode 2021-2025 (3 indikator kinerja lainnya tidak termasuk dalam "
        "hitungan ini), dapat disimpulkan sebagai berikut:"
    )
    assert "3. Capaian realisasi di bawah 100% sebanyak 0 indikator;" in text


def test_the_efisiensi_sentence_cites_the_tables_summary_row(lap, semua):
    teks = lap.efisiensi()
    assert isinstance(teks, Teks)
    assert teks.data.startswith(
        "Dengan rata-rata capaian kinerja 3 indikator sasaran strategis sebesar 100,57% dan capaian "
        "anggaran sebesar 85,72%"
    )
    iii4b = next(t for t in semua if t.nomor == "III.4.B")
    last = len(iii4b.frame) - 1
    trails = {teks_: j for _i, teks_, j in teks.kalimat.daftar}
    assert (
        trails["100,57%"].rumus
        == iii4b.jejak[(last, "Capaian Kinerja (%)")].rumus
        == ("(100,81 + 100,00 + 100,91) / 3 = 100,57%")
    )
    assert trails["85,72%"].rumus == "683.074.125 / 796.858.170 × 100 = 85,72%"
    assert trails["14,85%"].rumus == "100,57% − 85,72% = 14,85%"


def test_jejak_angka_csv_and_the_annex_list_every_printed_figure(processed_project, lap, semua):
    from lkjip.publish.build import write_annex_for

    annex = write_annex_for(processed_project)
    csv = pd.read_csv(annex.parent / "jejak-angka.csv", dtype=str, keep_default_na=False)
    expected = sum(len(t.butir_jejak()) for t in semua)
    tables = csv[csv["tempat"].str.startswith("Tabel ")]
    assert len(tables) == expected and tables["id"].is_unique
    charts = csv[csv["tempat"].str.startswith("Gambar ")]
    assert len(charts) == sum(len(g.jejak) for g in bagian.semua_gambar(lap.t, lap.config, lap.sumber))
    texts = csv[~csv["tempat"].str.startswith(("Tabel ", "Gambar "))]
    assert {"Ikhtisar Eksekutif", "BAB III Akuntabilitas Kinerja"} <= set(texts["tempat"])
    row = csv[csv["id"] == "jejak-t-iii-4-b-0-9"].iloc[0]
    assert (row["tempat"], row["kolom"], row["nilai"]) == ("Tabel III.4.B", "Anggaran › Capaian", "78,00%")
    assert row["rumus"].startswith("177.653.428 / 227.760.105 × 100 = 78,00%")
    assert "realisasi-anggaran.xlsx, sheet 'LRA 2025', baris 19" in row["sumber"]
    assert row["tercetak_di_ekspor"].startswith(
        "78,68% (realisasi-anggaran.xlsx, sheet 'Anggaran per Sasaran'"
    )
    assert row["reviu"].startswith("berbeda: Capaian anggaran sasaran 1")
    sheet = openpyxl.load_workbook(annex, read_only=True)["Jejak Angka"]
    rows = list(sheet.iter_rows(min_row=3, values_only=True))
    assert rows[0][0] == "Tempat" and rows[0][-1] == "ID di Situs"
    assert len([r for r in rows if r[-1] and str(r[-1]).startswith("jejak-")]) == len(csv)


def test_the_reviu_table_names_the_excel_column_of_each_finding(semua):
    l5 = next(t for t in semua if t.nomor == "L.5")
    assert l5.frame["Lokasi"].tolist()[0] == (
        "realisasi-anggaran.xlsx, sheet 'Anggaran per Sasaran', baris 6, kolom G (Capaian Anggaran (%))"
    )
    selisih = l5.jejak[(0, "Selisih")]
    assert selisih.rumus == "78,00 − 78,68 = -0,68"
