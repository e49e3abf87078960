"""Each SKM unit's own publication (python -m lkjip skm-unit): figures, marks, personal data, refusals.

The small office of ``lkjip.synthetic.kantor_kecil`` gets an SKM export written here: two units
surveyed in 2025 and one only in the office's 2024 summary. Figures worked out by hand:

Unit A1 (populasi 10, four respondents; respondent 4 left U9 blank):

    U1 (4+3+4+2)/4 = 3,25   U2 (4+3+3+4)/4 = 3,50   U3 (4+3+4+4)/4 = 3,75
    U4 3,50   U5 3,75   U6 3,50   U7 3,75   U8 3,50   U9 (4+3+2)/3 = 3,00
    sum of NRR 31,5; NRR tertimbang (x 1/9) sums to 3,5; IKM 3,5 x 25 = 87,50: mutu B (Baik)
    Krejcie-Morgan: 3,841 x 10 x 0,25 / (0,0025 x 9 + 3,841 x 0,25) = 9,77 -> 10; 4 < 10: "4*"
    weakest: U9 3,00, U1 3,25, U2 3,50 (U4, U6, U8 tie with it); strongest: U3, U5, U7 (3,75)

Unit B2 (populasi 50, three respondents, all 4 except one 1 on U4):

    U4 (4+4+1)/3 = 3,00, the other eight 4,00; IKM (8 x 4 + 3) / 9 x 25 = 97,22: mutu A
    Krejcie-Morgan for N = 50: 44 (their table); 3 < 44: "3*"

IKM Pemda 2025 = (87,5 + 97,2222) / 2 = 92,36; 2024 (summary) = (80 + 90 + 85) / 3 = 85,00.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
import yaml
from bantuan import html_text, pdf_text, process_project
from openpyxl import Workbook

from lkjip import cli
from lkjip.core import fmt
from lkjip.core.config import load_config
from lkjip.publish.build import write_annex_for
from lkjip.publish.skm_unit import berkas_unit, folder_tahun, write_skm_unit
from lkjip.publish.skm_unit.cetak import data_unit
from lkjip.report import tables, tanda
from lkjip.report.laporan import Laporan
from lkjip.report.skm_unit.isi import (
    DataUsang,
    SkmTidakAda,
    UnitTidakDikenal,
    isi_unit,
    load_tables,
    pilih_unit,
)
from lkjip.report.skm_unit.saran import alasan_pribadi, saring_saran
from lkjip.synthetic.kantor_kecil import write_proyek

HEADER = [
    "No", "Tanggal Survei", "Kode Unit", "Unit Layanan", "Nama Responden", "No. HP", "Jenis Kelamin",
    "Umur", "Pendidikan", "Pekerjaan", "Jenis Layanan", *[f"U{i}" for i in range(1, 10)], "Saran",
]
#: What the export holds about persons: none of it may reach a publication.
PRIBADI = ("Sulastri Wening", "0812-7777-0001", "Bagus Hadi", "0813 5555 0002", "081234567890", "Budi")

A1 = [
    (1, "2025-02-03", "Sulastri Wening", "0812-7777-0001", "P", 34, "S1", "PNS", "Imunisasi",
     [4, 4, 4, 4, 4, 4, 4, 4, 4], "Parkir sempit"),
    (2, "2025-03-10", "Bagus Hadi", "0813 5555 0002", "L", 51, "SMA", "Swasta", "Pemeriksaan Umum",
     [3, 3, 3, 3, 3, 3, 3, 3, 3], "parkir  sempit."),
    (3, "2025-05-21", "Responden Tiga", "-", "P", 19, "SMP", "Lainnya", "Pemeriksaan Umum",
     [4, 3, 4, 3, 4, 3, 4, 3, 2], "Pak Budi di loket dua kurang ramah"),
    (4, "2025-08-30", "Responden Empat", "-", "L", 66, "SD", "Wirausaha", "Pemeriksaan Umum",
     [2, 4, 4, 4, 4, 4, 4, 4, None], "Tolong hubungi saya 081234567890"),
]
B2 = [
    (1, "2025-04-01", "Responden Lima", "-", "L", 40, "S2", "PNS", "Surat Keterangan",
     [4] * 9, None),
    (2, "2025-04-02", "Responden Enam", "-", "P", 28, "D1–D4", "Swasta", "Surat Keterangan",
     [4] * 9, None),
    (3, "2025-04-02", "Responden Tujuh", "-", "P", 45, "SMA", "Swasta", "Surat Keterangan",
     [4, 4, 4, 1, 4, 4, 4, 4, 4], None),
]


def _write_skm(raw: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = "Responden"
    ws.append(["REKAP RESPONDEN SKM TAHUN 2025 (DATA SINTETIS)"])
    ws.append([])
    ws.append(HEADER)
    for kode, unit, rows in (("A1", "Puskesmas Sumber Rejeki", A1), ("B2", "Kecamatan Harapan Baru", B2)):
        for no, tanggal, nama, hp, jk, umur, pend, kerja, layanan, jawaban, saran in rows:
            ws.append([no, dt.datetime.fromisoformat(tanggal), kode, unit, nama, hp, jk, umur, pend, kerja,
                       layanan, *jawaban, saran])
    units = wb.create_sheet("Unit")
    units.append(["DAFTAR UNIT LAYANAN"])
    units.append(["No", "Kode Unit", "Unit Layanan", "Populasi"])
    units.append([1, "A1", "Puskesmas Sumber Rejeki", 10])
    units.append([2, "B2", "Kecamatan Harapan Baru", 50])
    wb.save(raw / "skm-responden-2025.xlsx")

    wb = Workbook()
    wb.active.title = "Keterangan"
    ws = wb.create_sheet("IKM 2024")
    ws.append(["REKAP IKM PER UNIT 2024"])
    ws.append([])
    ws.append(["No", "Kode Unit", "Unit Layanan", "Jumlah Responden", "Nilai IKM", "Mutu Pelayanan"])
    ws.append([1, "A1", "Puskesmas Sumber Rejeki", 6, 80.0, "B"])
    ws.append([2, "B2", "Kecamatan Harapan Baru", 4, 90.0, "A"])
    ws.append([3, "C3", "Kelurahan Tanpa Survei", 8, 85.0, "B"])
    wb.save(raw / "skm-riwayat.xlsx")


def _atur(root: Path, **skm_unit) -> None:
    path = root / "laporan.yml"
    config = yaml.safe_load(path.read_text(encoding="utf-8"))
    config.setdefault("publikasi", {})["skm_unit"] = skm_unit
    path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")


@pytest.fixture(scope="module")
def kecil(tmp_path_factory) -> Path:
    """The small office with its SKM export, data step run, publications written (saran allowed)."""
    root = write_proyek(tmp_path_factory.mktemp("skm_unit") / "proyek")
    _write_skm(root / "data" / "raw")
    _atur(root, saran=True)
    process_project(root)
    write_skm_unit(root)
    return root


def _data(root: Path, kode: str) -> dict:
    config = load_config(root / "laporan.yml")
    isi = isi_unit(load_tables(root), config, config.tahun, kode, konten_dir=root / "konten")
    return data_unit(isi, config, logo=None, dibuat="-")


def _pdf(root: Path, kode: str) -> str:
    return pdf_text(folder_tahun(root, 2025) / berkas_unit(kode, 2025).laporan)


# --------------------------------------------------------------------------- figures by hand


def test_hand_worked_nrr_and_ikm_of_two_units(kecil):
    a1, b2 = _data(kecil, "A1"), _data(kecil, "B2")
    assert [u["nrr"] for u in a1["unsur"]] == [
        "3,25", "3,50", "3,75", "3,50", "3,75", "3,50", "3,75", "3,50", "3,00"
    ]
    assert [u["jawaban"] for u in a1["unsur"]] == ["4"] * 8 + ["3"]
    assert a1["jumlah_nrr_t"] == "3,5000"
    assert (a1["ikm"], a1["mutu"], a1["kinerja"]) == ("87,50", "B", "Baik")
    assert (a1["populasi"], a1["sampel_minimum"], a1["responden"]) == ("10", "10", "4*")
    assert [u["nrr"] for u in b2["unsur"]] == ["4,00"] * 3 + ["3,00"] + ["4,00"] * 5
    assert (b2["ikm"], b2["mutu"], b2["sampel_minimum"], b2["responden"]) == ("97,22", "A", "44", "3*")
    assert a1["ikm_pemda"] == b2["ikm_pemda"] == "92,36"
    assert [(t["tahun"], t["ikm"], t["pemda"]) for t in a1["tren"]] == [
        ("2024", "80,00", "85,00"), ("2025", "87,50", "92,36")
    ]


def test_weakest_and_strongest_unsur_are_named_with_their_ties(kecil):
    a1 = _data(kecil, "A1")
    marks = {u["kode"]: u["peringkat"] for u in a1["unsur"]}
    assert [k for k, m in marks.items() if m == "lemah"] == ["U1", "U2", "U4", "U6", "U8", "U9"]
    assert [k for k, m in marks.items() if m == "kuat"] == ["U3", "U5", "U7"]
    analisis = a1["kalimat"]["analisis"]
    assert "U9 Sarana dan Prasarana (NRR 3,00), U1 Persyaratan (NRR 3,25) dan U2 Sistem" in analisis
    assert "U4 Biaya/Tarif, U6 Kompetensi Pelaksana dan U8" in analisis  # the tie at 3,50
    assert a1["terlemah"][0] == "U9 Sarana dan Prasarana (3,00)"


def test_the_pdf_prints_the_hand_worked_figures_and_the_sections(kecil):
    text = _pdf(kecil, "A1")
    flat = " ".join(text.split())
    for heading in ("Pendahuluan", "Pelaksanaan Survei", "Profil Responden", "Hasil Pengolahan Data",
                    "Analisis", "Rencana Tindak Lanjut", "Kesimpulan", "Sumber dan Cara Hitung"):
        assert heading in flat
    assert "Puskesmas Sumber Rejeki" in flat and "87,50" in flat and "3,5000" in flat
    assert "Imunisasi" in flat and "Pemeriksaan Umum" in flat  # the services
    assert "3 Februari – 30 Agustus 2025" in flat  # the survey period
    assert "4*" in flat and tanda.CATATAN_SAMPEL_KURANG in flat
    assert "Populasi penerima layanan (N) tahun 2025 sebanyak 10 orang" in flat
    asal = {a["angka"]: (a["nilai"], a["sumber"]) for a in _data(kecil, "A1")["asal"]}
    rows = "skm-responden-2025.xlsx, sheet 'Responden', 4 baris (baris 4–7)"
    assert asal["Jumlah responden"][0] == "4" and asal["Jumlah responden"][1].startswith(rows)
    assert asal["Populasi (N)"] == ("10", "skm-responden-2025.xlsx, sheet 'Unit', baris 3")
    assert asal["IKM"] == ("87,50", "jumlah NRR tertimbang × 25 = 3,5 × 25")
    assert asal["IKM 2024"] == (
        "80,00", "skm-riwayat.xlsx, sheet 'IKM 2024', baris 4 (rekap IKM unit dari kantor, angka diketik)"
    )
    assert "Sumber dan cara hitung" in flat and "Krejcie–Morgan" in flat


# --------------------------------------------------------------------------- marks and prose


def test_missing_plan_is_marked_and_an_office_plan_replaces_it(kecil, tmp_path):
    text = " ".join(_pdf(kecil, "A1").split())
    assert "teks belum diisi: konten/skm-unit/A1.md" in text
    assert "Prioritas perbaikan tahun 2026 adalah 3 unsur" in text
    konten = kecil / "konten" / "skm-unit"
    konten.mkdir(exist_ok=True)
    (konten / "A1.md").write_text(
        "<!-- catatan kantor -->\nMenambah loket pada tahun {tahun_berikutnya}: **U9** #prioritas.\n",
        encoding="utf-8",
    )
    try:
        write_skm_unit(kecil, kode=["A1"])
        text = " ".join(_pdf(kecil, "A1").split())
        page = html_text((folder_tahun(kecil, 2025) / "A1.html").read_text(encoding="utf-8"))
    finally:
        (konten / "A1.md").unlink()
        write_skm_unit(kecil)
    assert "Menambah loket pada tahun 2026: U9 #prioritas." in text
    assert "teks belum diisi" not in text and "catatan kantor" not in text
    assert "Menambah loket pada tahun 2026: U9 #prioritas." in " ".join(page.split())


def test_a_unit_named_without_respondents_carries_na_marks(kecil):
    write_skm_unit(kecil, kode=["C3"])
    try:
        d = _data(kecil, "C3")
        text = " ".join(_pdf(kecil, "C3").split())
    finally:
        write_skm_unit(kecil)
    assert (d["ikm"], d["mutu"], d["responden"]) == ("N/A", "N/A", "0")
    assert "IKM Kelurahan Tanpa Survei tahun 2025 tidak dapat dihitung" in text
    assert "0,00" not in d["ikm"] and "N/A" in text
    assert [(t["tahun"], t["ikm"]) for t in d["tren"]] == [("2024", "85,00")]


def test_unknown_unit_and_year_are_refused_with_what_exists(kecil):
    with pytest.raises(UnitTidakDikenal, match=r"'A9' \(mungkin: A1\).*Kode unit tahun 2025: A1, B2"):
        pilih_unit(load_tables(kecil), 2025, ["A9"])
    with pytest.raises(SkmTidakAda, match=r"tahun 2024.*Tahun dengan data responden: 2025"):
        write_skm_unit(kecil, tahun=2024)


def test_changed_exports_are_refused_until_the_data_step_runs(kecil, tmp_path):
    raw = kecil / "data" / "raw" / "skm-responden-2025.xlsx"
    before = raw.read_bytes()
    raw.write_bytes(before + b"\0")
    try:
        with pytest.raises(DataUsang, match=r"skm-responden-2025\.xlsx.*python -m lkjip data"):
            write_skm_unit(kecil)
    finally:
        raw.write_bytes(before)


# --------------------------------------------------------------------------- personal data


@pytest.mark.parametrize(
    ("saran", "alasan"),
    [
        ("Ruang tunggu perlu ditambah kursi", None),
        ("Jam pelayanan agar diperpanjang", None),
        ("Hubungi 0812 3456 7890", "nomor"),
        ("NIK saya 3516010101010001", "kata data pribadi"),
        ("kirim ke warga@contoh.id", "alamat e-mail"),
        ("lihat instagram @dinas_contoh", "akun media sosial atau tautan"),
        ("Bu Sari sangat membantu", "sebutan orang"),
        ("kata saya Wahyuni ramah", "nama diri"),
        ("datang 12/03 tidak dilayani", "tanggal"),
        ("alamat rumah saya jauh", "kata data pribadi"),
    ],
)
def test_saran_filter(saran, alasan):
    assert alasan_pribadi(saran) == alasan


def test_saran_are_grouped_and_counted():
    hasil = saring_saran(["Parkir sempit", "parkir  sempit.", "Pak Budi ramah", None, " ", "Antre lama"])
    assert hasil.butir == (("Parkir sempit", 2), ("Antre lama", 1))
    assert (hasil.jumlah_diisi, hasil.jumlah_disaring) == (4, 1)


def test_no_personal_data_in_any_publication(kecil):
    folder = folder_tahun(kecil, 2025)
    texts = [html_text(p.read_text(encoding="utf-8")) for p in folder.glob("*.html")]
    texts += [pdf_text(p) for p in folder.glob("*.pdf")]
    found = [(word, i) for i, text in enumerate(texts) for word in PRIBADI if word in text]
    assert not found
    laporan = " ".join(_pdf(kecil, "A1").split())
    assert "Parkir sempit" in laporan  # laporan.yml allows saran here
    assert "4 responden menulis saran" in laporan and "2 saran tidak diterbitkan" in laporan


def test_saran_are_left_out_unless_allowed(kecil, tmp_path):
    root = Path(shutil.copytree(kecil, tmp_path / "proyek"))
    _atur(root, saran=False)
    write_skm_unit(root, kode=["A1"])
    text = " ".join(_pdf(root, "A1").split())
    assert "Parkir sempit" not in text and "Saran Responden" not in text


# --------------------------------------------------------------------------- index, build, CLI


def test_index_lists_every_unit_with_marks_and_links(kecil):
    page = (folder_tahun(kecil, 2025) / "index.html").read_text(encoding="utf-8")
    text = " ".join(html_text(page).split())
    assert "A1 Puskesmas Sumber Rejeki 4* 10 belum mencukupi 87,50 B Baik" in text
    assert "B2 Kecamatan Harapan Baru 3* 44 belum mencukupi 97,22 A Sangat Baik" in text
    assert "IKM Pemerintah Provinsi Tanjung Harapan 92,36 A Sangat Baik" in text
    for kode in ("A1", "B2"):
        files = berkas_unit(kode, 2025)
        for name in (files.halaman, files.laporan, files.a4_pdf, files.persegi_png):
            assert f'href="{name}"' in page
            assert (folder_tahun(kecil, 2025) / name).is_file()
    assert tanda.CATATAN_SAMPEL_KURANG in text


def test_infographics_are_one_page_a4_and_a_square(kecil):
    from PIL import Image

    files = berkas_unit("A1", 2025)
    folder = folder_tahun(kecil, 2025)
    with Image.open(folder / files.persegi_png) as square:
        assert square.size == (1080, 1080)
    with Image.open(folder / files.a4_png) as a4:
        assert a4.size == (1240, 1754)
    text = " ".join(pdf_text(folder / files.a4_pdf).split())
    assert "87,50" in text and "Mutu B" in text and "4*" in text and "U9 Sarana dan Prasarana" in text


def test_the_build_writes_them_when_laporan_yml_asks(kecil, tmp_path):
    root = Path(shutil.copytree(kecil, tmp_path / "proyek"))
    folder = folder_tahun(root, 2025)
    _atur(root, terbitkan=False)
    write_annex_for(root)
    assert not folder.exists()  # the downloads folder is written afresh, without them
    assert str(Laporan.load(root=root).publikasi_skm_unit().data) == ""
    config = yaml.safe_load((root / "laporan.yml").read_text(encoding="utf-8"))
    config["publikasi"]["skm_unit"] = True  # the short form
    (root / "laporan.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    said = []
    write_annex_for(root, say=said.append)
    assert sorted(p.name for p in folder.glob("*.html")) == ["A1.html", "B2.html", "index.html"]
    assert said == [f"   publikasi SKM unit: 2 unit di {folder}"]
    link = str(Laporan.load(root=root).publikasi_skm_unit().data)
    assert "(2 unit)" in link and "(../data/processed/publik/skm-unit/2025/index.html)" in link


def test_office_without_skm_gets_a_clear_refusal_and_no_folder(tmp_path, monkeypatch, capsys):
    root = process_project(write_proyek(tmp_path / "proyek"))
    monkeypatch.setenv("LKJIP_ROOT", str(root))
    assert cli.main(["skm-unit"]) == cli.EXIT_STRUCTURAL
    err = capsys.readouterr().err
    assert "tidak melaporkan Survei Kepuasan Masyarakat" in err and "tidak ada publikasi SKM unit" in err
    assert not (root / "data" / "processed" / "publik" / "skm-unit").exists()
    _atur(root, terbitkan=True)
    write_annex_for(root)  # the build: nothing to do, nothing written
    assert not (root / "data" / "processed" / "publik" / "skm-unit").exists()


def test_cli_names_the_unit_asked_for(kecil, monkeypatch, capsys):
    monkeypatch.setenv("LKJIP_ROOT", str(kecil))
    assert cli.main(["skm-unit", "--unit", "B2"]) == cli.EXIT_OK
    out = capsys.readouterr().out
    assert "B2 Kecamatan Harapan Baru: IKM 97,22 (A), 3* responden" in out
    assert "Laporan Hasil SKM dan infografis 1 unit tahun 2025" in out
    assert cli.main(["skm-unit", "--unit", "ZZ"]) == cli.EXIT_STRUCTURAL
    write_skm_unit(kecil)


# --------------------------------------------------------------------------- the default data


def test_every_unit_equals_tabel_l1(processed_project):
    """Every unit's IKM, mutu, respondents and NRR as printed equal Tabel L.1 of the LKjIP."""
    config = load_config(processed_project / "laporan.yml")
    t = load_tables(processed_project)
    l1 = tables.lampiran_ikm_unit(t["ikm_unit"], t["ikm_unsur"], config, nomor="L.1").frame
    codes = pilih_unit(t, config.tahun)
    assert len(codes) == 57 and codes == l1["Kode"].tolist()
    unsur = [u.kode for u in config.skm.unsur]
    for row in l1.to_dict("records"):
        kode = row["Kode"]
        d = data_unit(isi_unit(t, config, config.tahun, kode, konten_dir=processed_project / "konten"),
                      config, logo=None, dibuat="-")
        printed = [fmt.angka(row[u], 2) for u in unsur]
        assert [u["nrr"] for u in d["unsur"]] == printed, kode
        assert d["ikm"] == fmt.angka(row["IKM"], 2) and d["mutu"] == row["Mutu"], kode
        star = tanda.SAMPEL_KURANG if row["Sampel Cukup"] is False else ""
        assert d["responden"] == fmt.bilangan(row["Responden"]) + star, kode


@pytest.mark.slow
def test_default_data_all_57_units_through_the_command(processed_project):
    result = subprocess.run(
        [sys.executable, "-m", "lkjip", "skm-unit"],
        env={**os.environ, "LKJIP_ROOT": str(processed_project)},
        capture_output=True, text=True, check=False,
    )
    assert result.returncode == 0, result.stderr
    folder = folder_tahun(processed_project, 2025)
    assert len(list(folder.glob("laporan-skm-*.pdf"))) == 57
    assert len(list(folder.glob("infografis-skm-*-a4.pdf"))) == 57
    assert len(list(folder.glob("infografis-skm-*-a4.png"))) == 57
    assert len(list(folder.glob("infografis-skm-*-persegi.png"))) == 57
    index = " ".join(html_text((folder / "index.html").read_text(encoding="utf-8")).split())
    assert "57 unit layanan disurvei pada tahun 2025; 57 unit mempunyai Laporan Hasil SKM" in index
    # The default export's 5-respondent library is below its minimum (36), as in Tabel L.1.
    ul09 = " ".join(pdf_text(folder / berkas_unit("UL-09", 2025).laporan).split())
    assert "5*" in ul09 and tanda.CATATAN_SAMPEL_KURANG in ul09
    assert not re.search(r"\b(nan|NaN|None|<NA>)\b", index)
    assert pd.Series([p.stat().st_size for p in folder.glob("*.pdf")]).min() > 10_000


@pytest.mark.slow
def test_next_year_example_publishes_its_units_with_the_longer_trend(tmp_path):
    from lkjip.synthetic.tahun_berikut import TAHUN
    from lkjip.synthetic.tahun_berikut import write_proyek as write_tahun_berikut

    root = process_project(write_tahun_berikut(tmp_path / "proyek"))
    result = write_skm_unit(root)
    assert result.tahun == TAHUN and len(result.unit) == 57
    d = _data(root, "UL-01")
    assert [t["tahun"] for t in d["tren"]] == [str(y) for y in range(2023, TAHUN + 1)]
    assert d["tren"][-1]["asal"] == "dihitung dari jawaban responden"
    assert (folder_tahun(root, TAHUN) / "index.html").is_file()
