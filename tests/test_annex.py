"""The Excel annex and the CSV downloads render the report tables: print-ready, numbers as numbers."""

from __future__ import annotations

import datetime as dt
import re
import subprocess

import openpyxl
import pandas as pd
import pytest
from bantuan import libreoffice_pdf
from PIL import Image

from lkjip.core.config import Format, load_config
from lkjip.core.fmt import Formatter
from lkjip.publish.annex import (
    AnnexCover,
    annex_sheets,
    copy_tabel_publik,
    data_terbit,
    write_annex,
    write_csv_tabel,
)
from lkjip.report import bagian
from lkjip.report.tabel_laporan import Jenis, TabelLaporan

PERSEN = '[$-421]#,##0.00"%"'
DESIMAL = "[$-421]#,##0.00"
BILANGAN = "[$-421]#,##0"


@pytest.fixture(scope="module")
def config():
    return load_config()


def _tabel(config, **extra) -> TabelLaporan:
    """A small table with one column of each kind, values worked out by hand below."""
    frame = pd.DataFrame(
        {
            "No": pd.array([1, 2, pd.NA], dtype="Int64"),
            "Uraian": pd.array(["Unit A " + "panjang " * 12, "Unit B", "Jumlah"], dtype="string"),
            "Satuan": pd.array(["%", "PD/UKPD", pd.NA], dtype="string"),
            "Target": [96.4, 57.0, float("nan")],
            "Anggaran": [81_373_500.0, 57_921_700.0, 139_295_200.0],
            # 57.921.700 / 81.373.500 x 100 = 71,1795... -> printed 71,18
            "Capaian (%)": [57_921_700 / 81_373_500 * 100, 1.1600000000000108, float("nan")],
            "Nilai": [83.105, 90.0, float("nan")],
            "Responden": pd.array([310, 5, pd.NA], dtype="Int64"),
            "Cukup": pd.array([True, False, pd.NA], dtype="boolean"),
        }
    )
    jenis = {
        "No": Jenis.NOMOR,
        "Target": Jenis.NILAI,
        "Anggaran": Jenis.RUPIAH,
        "Capaian (%)": Jenis.PERSEN,
        "Nilai": Jenis.DESIMAL,
        "Responden": Jenis.BILANGAN,
        "Cukup": Jenis.YA_TIDAK,
    }
    return TabelLaporan(
        nomor="III.9",
        judul="Tabel III.9 Uji",
        frame=frame,
        jenis=jenis,
        gaya=Formatter(config),
        sumber="data uji",
        catatan=("Catatan pertama.",),
        **extra,
    )


def _write(tmp_path, tabel) -> openpyxl.Workbook:
    cover = AnnexCover("Lampiran Uji", "Instansi", 2025, {"a.xlsx": "0" * 64}, dt.datetime(2026, 1, 30))
    path = write_annex(tmp_path / "a.xlsx", cover, annex_sheets(tabel))
    return openpyxl.load_workbook(path)


def test_published_values_are_rounded_as_printed(config):
    frame, formats = data_terbit(_tabel(config))
    assert frame["Capaian (%)"].tolist()[:2] == [71.18, 1.16]  # no float noise
    assert frame["Nilai"].tolist()[:2] == [83.11, 90.0]  # half up, as fmt prints 83,11
    assert frame["Cukup"].tolist() == ["Ya", "Tidak", pd.NA]
    assert frame["Responden"].tolist()[:2] == [310, 5]
    assert formats["Capaian (%)"] == PERSEN
    assert formats["Nilai"] == DESIMAL
    assert formats["Responden"] == "bilangan"
    assert formats["Anggaran"] == "rupiah"
    # Indicator values take the format of their row's unit: percent, a whole count, missing.
    assert formats["Target"] == [PERSEN, "bilangan", None]


def test_money_style_follows_laporan_yml(config):
    laporan = config.model_copy(update={"format": Format(uang="laporan")})
    _frame, formats = data_terbit(_tabel(laporan))
    assert formats["Anggaran"] == "rupiah_laporan"


def test_sheet_prints_landscape_fit_to_width_with_repeated_header(tmp_path, config):
    wb = _write(tmp_path, [_tabel(config)])
    assert wb.sheetnames == ["Sampul", "III.9"]
    for ws in wb.worksheets:
        assert ws.page_setup.orientation == "landscape"
        assert ws.page_setup.fitToWidth == 1 and ws.page_setup.fitToHeight == 0
        assert ws.sheet_properties.pageSetUpPr.fitToPage
    ws = wb["III.9"]
    assert ws.print_title_rows == "$3:$3"
    assert ws["A1"].value == "Tabel III.9 Uji"


def test_cells_are_numbers_with_one_style_per_kind(tmp_path, config):
    ws = _write(tmp_path, [_tabel(config)])["III.9"]
    header = [c.value for c in ws[3]]
    row = {h: ws.cell(4, j + 1) for j, h in enumerate(header)}
    assert row["Anggaran"].value == 81_373_500 and row["Anggaran"].data_type == "n"
    assert row["Anggaran"].number_format == '[$-421]"Rp"#,##0'
    assert row["Capaian (%)"].value == 71.18 and row["Capaian (%)"].number_format == PERSEN
    assert row["Responden"].value == 310 and row["Responden"].number_format == BILANGAN
    assert row["Cukup"].value == "Ya"
    assert row["Uraian"].alignment.horizontal == "left" and row["Uraian"].alignment.wrap_text
    assert row["Anggaran"].alignment.horizontal == "right"
    second = {h: ws.cell(5, j + 1) for j, h in enumerate(header)}
    assert second["Target"].value == 57 and second["Target"].number_format == BILANGAN
    assert second["Cukup"].value == "Tidak"


def test_wrapped_text_gets_room_and_the_source_line_sits_under_the_table(tmp_path, config):
    ws = _write(tmp_path, [_tabel(config)])["III.9"]
    # "Unit A" + 12 x "panjang " is 103 characters; the text column is capped at 48, so the
    # cell wraps to 3 lines: its row is 3 x 15 points high, the short rows keep the default.
    assert ws.column_dimensions["B"].width <= 50
    assert ws.row_dimensions[4].height == pytest.approx(45)
    assert ws.row_dimensions[5].height is None
    # Three data rows (4-6), one empty row, then the notes in print order.
    assert ws["A8"].value == "Catatan pertama."
    assert ws["A9"].value == "Sumber: data uji"


def test_review_figures_typed_as_text_are_stored_as_numbers(tmp_path, config):
    frame = pd.DataFrame(
        {
            "Nilai Tercetak": pd.array(["84,40", "B", "57"], dtype="object"),
            "Nilai Hitung": pd.array(["84,49", "A", "57"], dtype="object"),
        }
    )
    tabel = TabelLaporan(
        nomor="L.5",
        judul="Tabel L.5 Uji",
        frame=frame,
        jenis={"Nilai Tercetak": Jenis.CAMPURAN, "Nilai Hitung": Jenis.CAMPURAN},
        gaya=Formatter(config),
    )
    ws = _write(tmp_path, [tabel])["L.5"]
    assert ws["A4"].value == 84.4 and ws["A4"].data_type == "n"
    assert ws["A4"].number_format == DESIMAL  # printed with two decimals
    assert ws["A5"].value == "B" and ws["A5"].data_type == "s"
    assert ws["A6"].value == 57 and ws["A6"].number_format == BILANGAN


def test_csv_download_of_a_table(tmp_path, config):
    (path,) = write_csv_tabel([_tabel(config)], tmp_path)
    assert path.name == "tabel-III.9.csv"
    text = path.read_text(encoding="utf-8-sig")
    lines = text.splitlines()
    assert lines[0] == "No,Uraian,Satuan,Target,Anggaran,Capaian (%),Nilai,Responden,Cukup"
    assert lines[2] == "2,Unit B,PD/UKPD,57.0,57921700,1.16,90.0,5,Tidak"
    assert "1.1600000000000108" not in text


@pytest.fixture(scope="module")
def processed(processed_project):
    return processed_project


def test_report_tables_in_report_order_named_by_number(processed):
    t, config = bagian.load(processed)
    names = [tabel.nomor for tabel in bagian.semua_tabel(t, config)]
    assert names == [
        "II.1.A", "II.1.B", "II.2.A", "II.2.B", "II.3.A", "II.3.B", "II.4",
        "III.1.A", "III.1.B", "III.2.A", "III.2.B", "III.3", "III.4.A", "III.4.B",
        "L.1", "L.2", "L.3", "L.4", "L.5",
    ]  # fmt: skip


def test_published_processed_tables_lose_float_noise_only(processed, tmp_path):
    source = processed / "data" / "processed"
    original = (source / "pembanding_hasil.csv").read_text(encoding="utf-8-sig")
    assert "1.1600000000000108" in original  # 90,87 - 89,71 in binary floating point
    published = copy_tabel_publik(source, "pembanding_hasil", tmp_path).read_text(encoding="utf-8-sig")
    assert "1.1600000000000108" not in published and ",1.16," in published
    # Everything else reads the same: header and row count.
    assert published.splitlines()[0] == original.splitlines()[0]
    assert len(published.splitlines()) == len(original.splitlines())


def test_each_list_of_indicators_is_introduced_by_its_agreement(processed):
    # Two numbered lists in a row (6 then 3 indicators) read as one list restarting at 1
    # unless a sentence names the agreement before each (issue 11); it says what it counts
    # (issue 22): the agreement's main indicators, and its kinerja lainnya when it has some.
    from lkjip.report.laporan import Laporan

    lap = Laporan.load(root=processed)
    text = lap.formulasi(lap.dokumen_aktif[-1]).data
    lead, items = text.split("\n\n", 1)
    assert lead == (
        "Indikator Perjanjian Kinerja Perubahan Tahun 2025 (3 indikator sasaran strategis) dan formulasinya:"
    )
    first = lap.formulasi(lap.dokumen_aktif[0]).data.split("\n\n", 1)[0]
    assert first == (
        "Indikator Perjanjian Kinerja Tahun 2025 (3 indikator sasaran strategis dan 3 indikator kinerja "
        "lainnya) dan formulasinya:"
    )
    assert items.startswith("1. Sasaran ") and "\n3. " in items and "\n4. " not in items


def test_downloads_folder_of_the_default_data(processed):
    from lkjip.publish.build import write_annex_for

    annex = write_annex_for(processed)
    wb = openpyxl.load_workbook(annex)
    assert wb.sheetnames[0] == "Sampul"
    assert wb.sheetnames[-6:] == ["L.1", "L.2", "L.3", "L.4", "L.5", "Jejak Angka"]
    # The review sheet: the seed's printed 78,68 (capaian anggaran of sasaran 1) is a number now.
    ws = wb["L.5"]
    # read in order: the findings' number first, then their kind (a group row in the report)
    assert [c.value for c in ws[3]][:3] == ["No", "Jenis", "Lokasi"]
    printed = [c for row in ws.iter_rows(min_row=4) for c in row if c.value == 78.68]
    assert printed and printed[0].data_type == "n" and printed[0].number_format == DESIMAL
    public = annex.parent
    assert (public / "tabel-III.4.A.csv").exists() and not (public / "skm_responden.csv").exists()
    # each report table's workbook: the annex's sheet alone
    single = openpyxl.load_workbook(public / "tabel-L.5.xlsx")
    assert single.sheetnames == ["L.5"] and single["L.5"]["A1"].value == ws["A1"].value
    # the site's downloads page links every file of the folder, and nothing else
    page = _downloads_page(processed)
    linked = set(re.findall(r"\(\.\./data/processed/publik/([^)]+)\)", page))
    assert linked == {p.name for p in public.iterdir()}
    assert "| [III.4.A](bab.qmd#tabel-iii-4-a) | Realisasi Anggaran Tahun 2025 |" in page
    folder = "../data/processed/publik"
    assert f"[CSV]({folder}/tabel-III.4.A.csv) · [Excel]({folder}/tabel-III.4.A.xlsx)" in page
    assert "[`capaian`](06-kamus-data.qmd#capaian)" in page and "skm_responden" not in page
    # every printed figure with its trail, described on the page
    assert (public / "jejak-angka.csv").exists()
    assert f"[Jejak angka (CSV)]({folder}/jejak-angka.csv)" in page


def _downloads_page(root) -> str:
    """The site's downloads page of the project at ``root``, its tables all on page ``bab``."""
    from lkjip.katalog.dataset import sumber_dibaca
    from lkjip.publish.buku import Penanda
    from lkjip.publish.situs import unduhan_markdown

    t, config = bagian.load(root)
    sumber = sumber_dibaca(root / "data" / "processed")
    penanda = [
        Penanda("tabel", f"Tabel {x.nomor}", x.judul.split(" ", 2)[2], "bab")
        for x in bagian.semua_tabel(t, config, sumber)
    ]
    return unduhan_markdown(config, sumber, penanda, bagian.tabel_olahan_publik(root), root)


def test_cover_list_of_tables_is_top_aligned_and_wrapped(tmp_path, config):
    ws = _write(tmp_path, [_tabel(config)])["Sampul"]
    heading = next(c.row for c in ws["A"] if c.value == "Daftar tabel")
    name, title = ws.cell(heading + 1, 1), ws.cell(heading + 1, 2)
    assert title.value == "Tabel III.9 Uji"
    for cell in (name, title):
        assert (cell.alignment.vertical, cell.alignment.wrap_text) == ("top", True)
        assert cell.alignment.horizontal == "left"


def _ink(image: Image.Image, box: tuple[float, float, float, float]) -> int:
    """Dark pixels of ``image`` inside ``box`` (left, top, right, bottom in pixels)."""
    crop = image.convert("L").crop(tuple(round(v) for v in box))
    return sum(1 for v in crop.tobytes() if v < 128)


@pytest.mark.slow  # LibreOffice prints the workbook
def test_every_page_prints_whole_with_its_footer_and_titles_on_one_line(tmp_path, config):
    # A narrow table whose title is longer than its columns (as II.4 and L.2), and a wide one.
    narrow = TabelLaporan(
        nomor="II.9",
        judul="Tabel II.9 Anggaran per Kegiatan Perangkat Daerah Tahun 2025",
        frame=pd.DataFrame({"No": pd.array([1], dtype="Int64"), "Kegiatan": ["Penataan"], "Anggaran": [5.0]}),
        jenis={"No": Jenis.NOMOR, "Anggaran": Jenis.RUPIAH},
        gaya=Formatter(config),
        sumber="data uji",
    )
    cover = AnnexCover("Lampiran Uji", "Instansi", 2025, {"a.xlsx": "0" * 64}, dt.datetime(2026, 1, 30))
    workbook = write_annex(tmp_path / "lampiran.xlsx", cover, annex_sheets([narrow, _tabel(config)]))
    pdf = libreoffice_pdf(workbook, tmp_path / "cetak")
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True).stdout
    pages = [p for p in text.split("\f") if p.strip()]
    assert len(pages) == 3, text
    # the narrow sheet's title on one line of its page, not "... Tahun" / "2025"
    assert "Tabel II.9 Anggaran per Kegiatan Perangkat Daerah Tahun 2025" in pages[1], pages[1]
    boxes = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True).stdout
    dpi = 150
    for number, page in enumerate(re.findall(r"<page .*?</page>", boxes, re.DOTALL), start=1):
        height = float(re.search(r'height="([\d.]+)"', page).group(1))
        footer = re.search(
            r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">Halaman</word>', page
        )
        assert footer, f"halaman {number}: tanpa kaki halaman"
        assert f"Halaman {number} dari 3" in re.sub(r"\s+", " ", pages[number - 1])
        x0, y0, x1, y1 = (float(v) * dpi / 72 for v in footer.groups())
        assert y1 < height * dpi / 72, f"halaman {number}: kaki halaman di luar kertas"
        image_path = tmp_path / f"hal-{number}"
        subprocess.run(
            ["pdftoppm", "-png", "-r", str(dpi), "-f", str(number), "-l", str(number), "-singlefile",
             str(pdf), str(image_path)],
            check=True,
        )
        image = Image.open(f"{image_path}.png")
        # "Halaman" printed whole: its letters reach down to their baseline. A footer clipped at
        # the bottom of its area loses the lower half of the x-height (about a third of the ink).
        upper = _ink(image, (x0, y0 + (y1 - y0) * 0.25, x1, y0 + (y1 - y0) * 0.5))
        lower = _ink(image, (x0, y0 + (y1 - y0) * 0.5, x1, y0 + (y1 - y0) * 0.75))
        assert upper > 0 and lower >= 0.6 * upper, f"halaman {number}: kaki halaman terpotong"


def test_downloads_folder_is_written_once_per_set_of_inputs(processed):
    """The build writes publik/ and Quarto's pre-render asks again: the second write is skipped,
    unless something in the folder or an input changed, or the write is forced."""
    from lkjip.publish.build import write_annex_for

    said: list[str] = []
    annex = write_annex_for(processed, force=True)
    public = annex.parent
    written = {f: f.stat().st_mtime_ns for f in public.rglob("*")}
    assert write_annex_for(processed, say=said.append) == annex
    assert said == ["   lampiran dilewati: masukan tidak berubah (folder unduhan yang ada dipakai)"]
    assert {f: f.stat().st_mtime_ns for f in public.rglob("*")} == written

    # a download removed by hand is written again, and so is the whole folder
    (public / "tabel-III.4.A.csv").unlink()
    said.clear()
    write_annex_for(processed, say=said.append)
    assert (public / "tabel-III.4.A.csv").is_file() and not any("dilewati" in s for s in said)

    # an input changed: the office's prose in konten/ (the trails' texts may read it)
    write_annex_for(processed)  # current again
    said.clear()
    extra = processed / "konten" / "catatan-uji.md"
    extra.write_text("Catatan.\n", encoding="utf-8")
    try:
        write_annex_for(processed, say=said.append)
        assert not any("dilewati" in s for s in said)
    finally:
        extra.unlink()

    # forced: written even though nothing changed
    write_annex_for(processed)
    said.clear()
    before = (public / "tabel-III.4.A.csv").stat().st_mtime_ns
    write_annex_for(processed, say=said.append, force=True)
    assert not said and (public / "tabel-III.4.A.csv").stat().st_mtime_ns > before
