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
    # As the exporter prints them (up to 3 decimals, trailing zeros dropped): the sum of each
    # unsur, its NRR (the mean of the answers given), NRR × 1/9 with their total, and the IKM.
    sums = [float(responden[k].sum()) for k in columns]
    nrr = [float(responden[k].mean()) for k in columns]
    ws.append(["Nilai", "/Unsur", None, None, None, *sums])
    ws.append(["NRR /", "Unsur", None, None, None, *(round(v, 3) for v in nrr)])
    weighted = [round(v / 9, 3) for v in nrr]
    ws.append(["NRR", "tertbg/", "unsur", None, None, *weighted, round(sum(nrr) / 9, 3)])
    ws.append(["IKM Unit pelayanan", None, None, None, None, *[None] * 9, round(sum(nrr) / 9 * 25, 2)])
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


# --------------------------------------------------------------------------- SAKIP


def sakip_tanpa_kode(path: Path, sakip_pd) -> Path:
    """The SAKIP recap keyed by the perangkat daerah's name: no Kode PD, one sheet a year."""
    wb = Workbook()
    wb.remove(wb.active)
    for tahun, rows in sakip_pd.groupby("tahun", sort=True):
        ws = wb.create_sheet(f"Rekap {tahun}")
        ws.append([f"REKAPITULASI NILAI SAKIP PERANGKAT DAERAH TAHUN {tahun}"])
        ws.append([])
        ws.append(["No", "Nama Perangkat Daerah", "Nilai SAKIP", "Predikat"])
        for i, row in enumerate(rows.itertuples(index=False), start=1):
            ws.append([i, row.perangkat_daerah, float(row.nilai), _isi(row.predikat_tercetak)])
        ws.append(["Rata-rata", None, round(float(rows["nilai"].mean()), 2)])
    wb.save(path)
    return path


#: The components of the SAKIP evaluation (PermenPANRB 88/2021) and their weights.
KOMPONEN_SAKIP = (("Perencanaan Kinerja", 30), ("Pengukuran Kinerja", 30), ("Pelaporan Kinerja", 15),
                  ("Evaluasi Akuntabilitas Kinerja Internal", 25))  # fmt: skip
SUB_KOMPONEN = (("Pemenuhan", 0.2), ("Kualitas", 0.3), ("Pemanfaatan", 0.5))


def sakip_kke(path: Path, nama: str, tahun: int, nilai: float, predikat: str | None) -> Path:
    """One perangkat daerah's evaluation worksheet (KKE): the PD and year in the title, the four
    components with their score as a fraction of 1, sub components and criteria below each, the
    final score as a fraction of 1 shown as a percentage, the predikat."""
    x = round(nilai / 100, 4)
    # Two components of equal weight a point apart either way: their weighted sum is the score.
    fractions = [round(x + 0.01, 4), round(x - 0.01, 4), x, x] if x <= 0.99 else [x] * 4
    wb = Workbook()
    ws = wb.active
    ws.title = "KKE"
    ws.append(["KERTAS KERJA EVALUASI AKUNTABILITAS KINERJA INSTANSI PEMERINTAH"])
    ws.append([f"PERANGKAT DAERAH : {nama}"])
    ws.append([f"TAHUN EVALUASI : {tahun}"])
    ws.append([])
    ws.append(["No", "Komponen/Sub Komponen/Kriteria", "Bobot", "Jawaban", "Nilai"])
    for i, ((komponen, bobot), f) in enumerate(zip(KOMPONEN_SAKIP, fractions, strict=True), start=1):
        ws.append([i, komponen, bobot, None, f])
        for j, (sub, share) in enumerate(SUB_KOMPONEN, start=1):
            ws.append([f"{i}.{j}", sub, round(bobot * share, 2), None, f])
            ws.append([f"{i}.{j}.1", "Dokumen telah tersedia dan dimanfaatkan", None, "Y", 1])
    ws.append([None, "NILAI AKHIR", 100, None, x])
    ws.cell(ws.max_row, 5).number_format = "0.00%"
    ws.append([None, "PREDIKAT", None, None, predikat])
    ws.append([])
    ws.append([None, None, None, "Evaluator"])
    wb.save(path)
    return path


# --------------------------------------------------------------------------- Perjanjian Kinerja


def _teks_angka(value, decimals=None) -> str:
    """A number as an Indonesian text, ``-`` when missing: ``83,78``, ``57``."""
    import pandas as pd

    if value is None or pd.isna(value):
        return "-"
    if decimals is None or pd.isna(decimals):
        text = f"{float(value):.10f}".rstrip("0").rstrip(".")
    else:
        text = f"{float(value):.{int(decimals)}f}"
    return text.replace(".", ",")


def _triwulan(row, *, jumlah: bool) -> list[str]:
    """The four quarters of a realisation: cumulative figures rising to the year's (``akhir``), or
    counts that add up to it (``jumlah``)."""
    import pandas as pd

    if pd.isna(row.realisasi):
        return ["-"] * 4
    d = row.desimal_realisasi
    if jumlah:
        n = int(row.realisasi)
        return [str(n // 4 + (1 if i < n % 4 else 0)) for i in range(4)]
    rising = [_teks_angka(row.realisasi * share, d) for share in (0.25, 0.5, 0.75)]
    return [*rising, _teks_angka(row.realisasi, d)]


def pk_dokumen_rows(rows, tahun: int, config: Config, *, jumlah=frozenset()) -> list[list]:
    """One Perjanjian Kinerja document of one year as e-SAKIP prints it: title lines, the header
    over two rows (Realisasi over TW 1 .. TW 4), one row per indicator, no code, polarity or source."""
    out: list[list] = [
        ["Detail Perjanjian Kinerja"],
        [config.instansi.nama_lengkap],
        [f"Tahun Anggaran {tahun}"],
        [],
        ["Sasaran Strategis", "Indikator Kinerja", "Satuan", "Target", "Realisasi", None, None, None,
         "Capaian Kinerja %", "Capaian Serapan Anggaran %"],
        [None, None, None, None, "TW 1", "TW 2", "TW 3", "TW 4", None, None],
    ]  # fmt: skip
    for row in rows.itertuples(index=False):
        out.append([row.sasaran, row.indikator, row.satuan, _teks_angka(row.target),
                    *_triwulan(row, jumlah=row.kode_indikator in jumlah),
                    _teks_angka(row.capaian_tercetak, row.desimal_tercetak), "-"])  # fmt: skip
    return out


def pk_dokumen_xlsx(path: Path, rows, tahun: int, config: Config, *, jumlah=frozenset()) -> Path:
    """The document copied into Excel: the header's merged cells kept."""
    wb = Workbook()
    ws = wb.active
    ws.title = f"PK {tahun}"
    for r in pk_dokumen_rows(rows, tahun, config, jumlah=jumlah):
        ws.append(r)
    ws.merge_cells("E5:H5")
    for col in "ABCDIJ":
        ws.merge_cells(f"{col}5:{col}6")
    wb.save(path)
    return path


def pk_dokumen_html(path: Path, rows, tahun: int, config: Config, *, jumlah=frozenset()) -> Path:
    """The document as the browser saves the plugin's page: an HTML table under an ``<h1>`` title,
    ``Realisasi`` over four quarters (``colspan``), a sasaran over its indicators (``rowspan``)."""
    body = pk_dokumen_rows(rows, tahun, config, jumlah=jumlah)[6:]
    head = (
        '<tr><th rowspan="2">Sasaran Strategis</th><th rowspan="2">Indikator Kinerja</th>'
        '<th rowspan="2">Satuan</th><th rowspan="2">Target</th><th colspan="4">Realisasi</th>'
        '<th rowspan="2">Capaian Kinerja<br><small>%</small></th>'
        '<th rowspan="2">Capaian Serapan Anggaran<br><small>%</small></th></tr>'
        "<tr><th>TW 1</th><th>TW 2</th><th>TW 3</th><th>TW 4</th></tr>"
    )
    lines = []
    for i, r in enumerate(body):
        span = sum(1 for _ in _same_run(body, i))
        first = i == 0 or body[i - 1][0] != r[0]
        cells = [f'<td rowspan="{span}">{r[0]}</td>'] if first else []
        cells += [f"<td>{v if v is not None else ''}</td>" for v in r[1:]]
        lines.append(f"<tr>{''.join(cells)}</tr>")
    html = (
        "<html><head><meta charset='utf-8'></head><body>"
        f"<h1>Detail Perjanjian Kinerja<br>{config.instansi.nama_lengkap}<br> Tahun Anggaran {tahun}</h1>"
        f"<table><thead>{head}</thead><tbody>{''.join(lines)}</tbody></table></body></html>"
    )
    path.write_text(html, encoding="utf-8")
    return path


def _same_run(body, i):
    for r in body[i:]:
        if r[0] != body[i][0]:
            return
        yield r


def pk_ekspor(raw_dir: Path, pk, config: Config, *, html: bool = False, jumlah=frozenset()) -> list[Path]:
    """Every agreement of ``pk`` (the clean ``perjanjian_kinerja`` table) as e-SAKIP exports it: one
    document per agreement and year, named ``perjanjian-kinerja-<agreement>-<year>``."""
    paths = []
    for (dokumen, tahun), rows in pk.groupby(["dokumen", "tahun"], sort=True):
        slug = "-".join(dokumen.lower().split()[2:]) or "pk"
        ordered = rows.assign(_j=rows["jenis"].map({"utama": 0, "lainnya": 1})).sort_values(["_j", "baris"])
        if html:
            path = raw_dir / f"perjanjian-kinerja-{slug}-{tahun}.xls"
            paths.append(pk_dokumen_html(path, ordered, int(tahun), config, jumlah=jumlah))
        else:
            path = raw_dir / f"perjanjian-kinerja-{slug}-{tahun}.xlsx"
            paths.append(pk_dokumen_xlsx(path, ordered, int(tahun), config, jumlah=jumlah))
    return paths


def kantor_pk(default_workbook: Path, path: Path) -> Path:
    """The office's own sheets of the agreement source (narasi, penjenjangan) in a file of their own."""
    wb = load_workbook(default_workbook)
    for name in list(wb.sheetnames):
        if not name.startswith(("Narasi", "Penjenjangan")):
            del wb[name]
    wb.save(path)
    return path
