"""The office's real export layouts, written by code from the default figures.

Each builder lays the figures of the default data (``lkjip.synthetic``'s constants, the same
numbers the template workbooks hold) out the way a real system exports them: the SIPD "Laporan
Realisasi Anggaran per Sub Kegiatan" on one sheet with its belanja accounts, the RFK table of the
SIPD companion tools (also as an HTML table saved as ``.xls``), a Google Forms survey export and
the e-SKM "Format Permenpan" sheet. A correct reading of any of them gives the default run's
key tables.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from openpyxl import Workbook, load_workbook

from lkjip.core.config import Config
from lkjip.synthetic.anggaran import BAWAAN, DataAnggaran

SIPD_HEADER = ["KODE REKENING", "URAIAN", "ANGGARAN", "REALISASI", "SISA", "%"]


def _akun(anggaran: int, realisasi: int) -> list[tuple[str, str, int, int]]:
    """The belanja accounts under one sub kegiatan: two detail accounts whose sums build up."""
    a1, r1 = anggaran * 3 // 5, realisasi * 3 // 5
    a2, r2 = anggaran - a1, realisasi - r1
    return [
        ("5", "BELANJA DAERAH", anggaran, realisasi),
        ("5.1", "BELANJA OPERASI", anggaran, realisasi),
        ("5.1.02", "Belanja Barang dan Jasa", anggaran, realisasi),
        ("5.1.02.01", "Belanja Barang", a1, r1),
        ("5.1.02.01.01", "Belanja Barang Pakai Habis", a1, r1),
        ("5.1.02.01.01.0024", "Belanja Alat/Bahan untuk Kegiatan Kantor-Alat Tulis Kantor", a1, r1),
        ("5.1.02.02", "Belanja Jasa", a2, r2),
        ("5.1.02.02.01", "Belanja Jasa Kantor", a2, r2),
        ("5.1.02.02.01.0026", "Belanja Jasa Tenaga Administrasi", a2, r2),
    ]


def sipd_lra_rows(config: Config, data: DataAnggaran = BAWAAN, *, kode_lama: bool = False) -> list[list]:
    """The rows of the SIPD report: titles, header, column numbers, hierarchy, accounts, JUMLAH."""
    anggaran, realisasi, persen = data.total
    rows: list[list] = [
        [config.pemerintah_daerah.upper()],
        ["LAPORAN REALISASI ANGGARAN PER SUB KEGIATAN"],
        [f"TAHUN ANGGARAN {config.tahun}"],
        [f"SKPD : {data.kode_skpd} {config.instansi.induk.upper()}"],
        [],
        list(SIPD_HEADER),
        [1, 2, 3, 4, 5, 6],
    ]
    for kode, uraian in data.hierarki:
        rows.append([kode, uraian, anggaran, realisasi, anggaran - realisasi, persen])
    for nomor, uraian, pagu, real, printed in data.sub_kegiatan:
        suffix = f"{int(nomor):02d}" if kode_lama else nomor
        rows.append([f"{data.kode_kegiatan}.{suffix}", uraian, pagu, real, pagu - real, printed])
        for kode, nama, a, r in _akun(pagu, real):
            rows.append([kode, nama, a, r, a - r, f"{100 * r / a:.2f}".replace(".", ",")])
    rows.append(["JUMLAH", None, anggaran, realisasi, anggaran - realisasi, persen])
    rows += [[], [None, None, None, f"{config.penandatangan.kota}, 31 Desember {config.tahun}"],
             [None, None, None, config.penandatangan.jabatan], [],
             [None, None, None, config.penandatangan.nama],
             [None, None, None, f"NIP. {config.penandatangan.nip}"]]  # fmt: skip
    return rows


def sipd_lra(path: Path, config: Config, data: DataAnggaran = BAWAAN, *, kode_lama: bool = False) -> Path:
    """The SIPD export as SIPD saves it: one sheet ``Sheet1``, nothing else."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    for row in sipd_lra_rows(config, data, kode_lama=kode_lama):
        ws.append(row)
    wb.save(path)
    return path


def rfk_rows(config: Config, data: DataAnggaran = BAWAAN) -> list[list]:
    """The RFK table of the SIPD companion plugin: the code over five columns, amounts as text."""
    anggaran, realisasi, _ = data.total
    urusan, bidang, program, kegiatan = (k for k, _ in data.hierarki)
    rows: list[list] = [
        ["Kode"] * 5
        + ["Urusan/ Bidang Urusan Pemerintahan Daerah Dan Program/ Kegiatan", "RKA SIPD (Rp.)", "DPA (Rp.)",
           "Realisasi Keuangan (Rp.)", "Capaian ( % )", "RAK ( % )", "Realisasi Fisik ( % )"],
        [str(i) for i in range(1, 13)],
    ]  # fmt: skip
    parts = [urusan, bidang.split(".")[-1], program.split(".")[-1], ".".join(kegiatan.split(".")[-2:])]

    def money(value: int) -> str:
        return f"{value:,}".replace(",", ".")

    for level, (_, uraian) in enumerate(data.hierarki, start=1):
        code = parts[:level] + [""] * (5 - level)
        rows.append([*code, uraian, money(anggaran), money(anggaran), money(realisasi),
                     f"{100 * realisasi / anggaran:.2f}".replace(".", ","), "100", "100"])  # fmt: skip
    for nomor, uraian, pagu, real, printed in data.sub_kegiatan:
        rows.append([*parts, nomor, uraian, money(pagu), money(pagu), money(real), printed, "100", "100"])
    total = ["TOTAL", money(anggaran), money(anggaran), money(realisasi), data.total[2], "", ""]
    rows.append([""] * 5 + total)
    return rows


def rfk_html(path: Path, config: Config, data: DataAnggaran = BAWAAN) -> Path:
    """The RFK table as the browser saves the page: an HTML table, the code header ``colspan=5``."""
    rows = rfk_rows(config, data)
    cells = ['<td colspan="5">Kode</td>', *(f"<td>{v}</td>" for v in rows[0][5:])]
    body = [f"<tr>{''.join(cells)}</tr>"]
    body += ["<tr>" + "".join(f"<td>{v}</td>" for v in row) + "</tr>" for row in rows[1:]]
    html = (
        "<html><head><meta charset='utf-8'><title>RFK</title></head><body>"
        f"<h3>Realisasi Fisik dan Keuangan (RFK) {config.instansi.induk} Tahun {config.tahun}</h3>"
        f"<table><thead>{body[0]}{body[1]}</thead><tbody>{''.join(body[2:])}</tbody></table></body></html>"
    )
    path.write_text(html, encoding="utf-8")
    return path


def kantor_anggaran(default_workbook: Path, path: Path) -> Path:
    """The office's own budget tables (earlier years, budget per sasaran) in a file of their own."""
    wb = load_workbook(default_workbook)
    for name in list(wb.sheetnames):
        if name.startswith(("LRA", "Keterangan")):
            del wb[name]
    wb.save(path)
    return path


def convert(path: Path, to: str) -> Path:
    """``path`` saved as ``to`` (``xls``, ``ods``) by LibreOffice, beside it; the original removed."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        import pytest

        pytest.skip("LibreOffice tidak terpasang: konversi ke .xls/.ods tidak dapat dibuat")
    subprocess.run(
        [soffice, "--headless", "--convert-to", to, "--outdir", str(path.parent), str(path)],
        check=True,
        capture_output=True,
        timeout=180,
    )
    out = path.with_suffix(f".{to}")
    path.unlink()
    return out


# --------------------------------------------------------------------------- survey exports

#: The questions of the PermenPANRB 14/2017 questionnaire, in its order (8 sarana, 9 pengaduan),
#: with the four answers from worst to best; ``kolom`` is the default laporan.yml's answer column.
PERTANYAAN = [
    ("U1", "1. Bagaimana pendapat Saudara tentang kesesuaian persyaratan pelayanan dengan jenis "
           "pelayanannya?",
     ("Tidak sesuai", "Kurang sesuai", "Sesuai", "Sangat sesuai")),
    ("U2", "2. Bagaimana pemahaman Saudara tentang kemudahan prosedur pelayanan di unit ini?",
     ("Tidak mudah", "Kurang mudah", "Mudah", "Sangat mudah")),
    ("U3", "3. Bagaimana pendapat Saudara tentang kecepatan waktu dalam memberikan pelayanan?",
     ("Tidak cepat", "Kurang cepat", "Cepat", "Sangat cepat")),
    ("U4", "4. Bagaimana pendapat Saudara tentang kewajaran biaya/tarif dalam pelayanan?",
     ("Sangat mahal", "Cukup mahal", "Murah", "Gratis")),
    ("U5", "5. Bagaimana pendapat Saudara tentang kesesuaian produk pelayanan antara yang tercantum dalam "
           "standar pelayanan dengan hasil yang diberikan?",
     ("Tidak sesuai", "Kurang sesuai", "Sesuai", "Sangat sesuai")),
    ("U6", "6. Bagaimana pendapat Saudara tentang kompetensi/kemampuan petugas dalam pelayanan?",
     ("Tidak kompeten", "Kurang kompeten", "Kompeten", "Sangat kompeten")),
    ("U7", "7. Bagaimana pendapat Saudara tentang perilaku petugas dalam pelayanan terkait kesopanan dan "
           "keramahan?",
     ("Tidak sopan dan ramah", "Kurang sopan dan ramah", "Sopan dan ramah", "Sangat sopan dan ramah")),
    ("U9", "8. Bagaimana pendapat Saudara tentang kualitas sarana dan prasarana?",
     ("Buruk", "Cukup", "Baik", "Sangat Baik")),
    ("U8", "9. Bagaimana pendapat Saudara tentang penanganan pengaduan pengguna layanan?",
     ("Tidak ada", "Ada tetapi tidak berfungsi", "Berfungsi kurang maksimal", "Dikelola dengan baik")),
]  # fmt: skip


def _isi(value):
    """A cell value for openpyxl: missing values (NaN, pd.NA) as empty cells."""
    import pandas as pd

    return None if value is None or pd.isna(value) else value


def _jawaban(value, words, *, as_words: bool):
    if value is None or value != value:  # NaN: the respondent skipped the question
        return None
    return words[int(value) - 1] if as_words else int(value)


def google_forms(path: Path, responden, *, as_words: bool = True) -> Path:
    """A Google Forms export of ``responden`` (the clean ``skm_responden`` table): sheet
    ``Respons Formulir 1``, ``Cap waktu``, the unit by name, the nine questions as their text."""
    import pandas as pd

    wb = Workbook()
    ws = wb.active
    ws.title = "Respons Formulir 1"
    ws.append(["Cap waktu", "Alamat email", "Nama Lengkap", "Unit Layanan", "Jenis Kelamin", "Usia",
               "Pendidikan Terakhir", "Pekerjaan", "Jenis Layanan", *(q for _, q, _ in PERTANYAAN),
               "Saran dan Masukan"])  # fmt: skip
    for row in responden.itertuples(index=False):
        stamp = None if pd.isna(row.tanggal) else row.tanggal.to_pydatetime().replace(hour=9, minute=30)
        sex = {"L": "Laki-laki", "P": "Perempuan"}.get(_isi(row.jenis_kelamin))
        ws.append([
            stamp, "responden@example.org", "Responden", row.unit, sex, _isi(row.umur),
            _isi(row.pendidikan), _isi(row.pekerjaan), _isi(row.jenis_layanan),
            *(_jawaban(_isi(getattr(row, k)), w, as_words=as_words) for k, _, w in PERTANYAAN),
            _isi(row.saran),
        ])  # fmt: skip
    wb.save(path)
    return path


def format_permenpan(path: Path, unit: str, responden) -> Path:
    """The e-SKM "Format Permenpan" sheet of one unit: title lines, a two-row header, U1..U9 in
    questionnaire order (U8 sarana, U9 pengaduan), the printed NRR rows below."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Format Permenpan"
    ws.append(["PENGOLAHAN SURVEY KEPUASAN MASYARAKAT PER RESPONDEN"])
    ws.append(["DAN PER UNSUR PELAYANAN Berdasarkan Permenpan No.14 Tahun 2017"])
    ws.append([])
    ws.append(["UNIT PELAYANAN", f": {unit}"])
    ws.append(["ALAMAT", ": Jl. Contoh No. 1"])
    ws.append([])
    ws.append(["No", "Usia", "Jenis Kelamin", "Pekerjaan", "Pendidikan", "NILAI UNSUR PELAYANAN"])
    ws.merge_cells(start_row=7, start_column=6, end_row=7, end_column=14)
    ws.append([None] * 5 + [f"U{i}" for i in range(1, 10)])
    columns = [k for k, _, _ in PERTANYAAN]  # the export's U1..U9 are the questionnaire's order
    for i, row in enumerate(responden.itertuples(index=False), start=1):
        sex = {"L": "Laki-laki", "P": "Perempuan"}.get(_isi(row.jenis_kelamin))
        answers = [_isi(getattr(row, k)) for k in columns]
        ws.append([i, _isi(row.umur), sex, _isi(row.pekerjaan), _isi(row.pendidikan),
                   *(None if a is None else int(a) for a in answers)])
    n = len(responden)
    sums = [float(responden[k].sum()) for k in columns]
    ws.append(["Nilai", "/Unsur", None, None, None, *sums])
    ws.append(["NRR /", "Unsur", None, None, None, *(round(s / n, 3) for s in sums)])
    ws.append(["NRR", "tertbg/", "unsur", None, None, *(round(s / n / 9, 3) for s in sums)])
    ws.append(["IKM Unit pelayanan"])
    ws.append([])
    ws.append(["KETERANGAN PERHITUNGAN (PERMENPAN RB NO. 14 TAHUN 2017)"])
    wb.save(path)
    return path


def rekap_ikm_permenpan(path: Path, riwayat) -> Path:
    """The IKM recap in the regulation's wording: no unit code, the unit by name, one sheet a year."""
    wb = Workbook()
    wb.remove(wb.active)
    kinerja = {"A": "Sangat Baik", "B": "Baik", "C": "Kurang Baik", "D": "Tidak Baik"}
    for tahun, rows in riwayat.groupby("tahun", sort=True):
        ws = wb.create_sheet(f"IKM {tahun}")
        ws.append([f"INDEKS KEPUASAN MASYARAKAT PER UNIT PELAYANAN TAHUN {tahun}"])
        ws.append([])
        ws.append(["No", "Unit Pelayanan", "Jumlah Responden", "Nilai IKM", "Mutu Pelayanan",
                   "Kinerja Unit Pelayanan"])  # fmt: skip
        for i, row in enumerate(rows.itertuples(index=False), start=1):
            ws.append([i, row.unit, _isi(row.jumlah_responden), float(row.ikm), _isi(row.mutu_tercetak),
                       kinerja.get(_isi(row.mutu_tercetak))])  # fmt: skip
    wb.save(path)
    return path
