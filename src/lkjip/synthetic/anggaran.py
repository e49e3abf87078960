"""Synthetic SIPD "Laporan Realisasi Anggaran" export of the unit, reproducing the 2025 LKjIP figures."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from babel.dates import format_date
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.worksheet.worksheet import Worksheet

from lkjip.core.config import Config
from lkjip.synthetic._xlsx import save_deterministic

FILE_NAME = "realisasi-anggaran.xlsx"

#: For the data log (``data/raw/README.md``): source system, content and layout, supplier.
DATA_LOG_ENTRY = (
    "SIPD (Sistem Informasi Pemerintahan Daerah), menu Laporan Realisasi Anggaran",
    "sheet 'Keterangan'; 'LRA <tahun>': judul di atas, judul kolom dua baris bergabung "
    "(Realisasi: Rp / %), baris nomor kolom, hierarki urusan/bidang/program/kegiatan dengan "
    "subtotal, 5 sub kegiatan, baris JUMLAH dan blok tanda tangan; angka sebagian berupa teks "
    "('Rp. 81.373.500,00', '84,40 %'); 'Rekap <tahun-4>-<tahun-1>': pagu dan realisasi tahun "
    "sebelumnya; 'Anggaran per Sasaran': tabel staf sasaran PK Perubahan -> kode sub kegiatan",
    "Subbagian Tata Usaha / PPK Sekretariat Daerah",
)

KODE_KEGIATAN = "4.01.01.2.13"

#: Hierarchy above the kegiatan: (kode, uraian). Every level carries the same totals because
#: the unit's export shows only its own kegiatan.
HIERARKI = [
    ("4", "UNSUR PENDUKUNG URUSAN PEMERINTAHAN"),
    ("4.01", "SEKRETARIAT DAERAH"),
    ("4.01.01", "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA"),
    (KODE_KEGIATAN, "Penataan Organisasi"),
]

#: Sub-kegiatan 2025 as in Tabel III.4.A of the seed: (kode, uraian, anggaran, realisasi, printed %).
#: 84,40 is kept as printed although 85.012.295 / 100.613.435 = 84,49 %.
SUB_KEGIATAN = [
    ("0001", "Pengelolaan Kelembagaan dan Analisis Jabatan", 81_373_500, 57_921_700, "71,18"),
    ("0002", "Fasilitasi Pelayanan Publik dan Tata Laksana", 100_613_435, 85_012_295, "84,40"),
    ("0003", "Peningkatan Kinerja dan Reformasi Birokrasi", 437_724_565, 399_549_077, "91,28"),
    (
        "0004",
        "Monitoring, Evaluasi dan Pengendalian Kualitas Pelayanan Publik dan Tata Laksana",
        127_146_670,
        92_641_133,
        "72,86",
    ),
    (
        "0005",
        "Koordinasi dan Penyusunan Laporan Kinerja Pemerintah Daerah",
        50_000_000,
        47_949_920,
        "95,90",
    ),
]

TOTAL_ANGGARAN = 796_858_170
TOTAL_REALISASI = 683_074_125
TOTAL_PERSEN = "85,72"

#: The unit's total budget in the four years before the report year, chosen so that
#: realisasi / pagu rounds to the seed's printed percentages.
RIWAYAT = [  # (years before the report year, pagu, realisasi, printed %)
    (4, 612_450_000, 555_124_678, "90,64"),
    (3, 688_720_000, 664_545_927, "96,49"),
    (2, 745_315_000, 712_073_953, "95,54"),
    (1, 774_980_500, 746_693_713, "96,35"),
]

#: Tabel III.4.B as typed by staff: sasaran of the PK Perubahan -> sub-kegiatan, with the
#: printed allocation, realisation and capaian (78,68 and 93,59 are wrong in the seed: the
#: true values are 78,00 and 91,75; they stay as printed for the reviu step to flag).
SASARAN = [
    (1, "Meningkatnya akuntabilitas kinerja Perangkat Daerah", ("0002", "0004"),
     227_760_105, 177_653_428, "78,68 %"),
    (2, "Terwujudnya kelembagaan tepat struktur dan tepat proses", ("0001",),
     81_373_500, 57_921_700, "71,18 %"),
    (3, "Meningkatnya Persepsi Masyarakat Terhadap Layanan Publik Pemerintah Daerah",
     ("0003", "0005"), 487_724_565, 447_498_997, "93,59 %"),
]
DOKUMEN_SASARAN = "Perjanjian Kinerja Perubahan"



@dataclass(frozen=True)
class DataAnggaran:
    """The figures one budget export holds; :data:`BAWAAN` is the default office's 2025 export."""

    kode_kegiatan: str
    hierarki: tuple[tuple[str, str], ...]
    sub_kegiatan: tuple[tuple[str, str, int, int, str], ...]
    total: tuple[int, int, str]
    riwayat: tuple[tuple[int, int, int, str], ...]
    sasaran: tuple[tuple[int, str, tuple[str, ...], int, int, str], ...]
    dokumen_sasaran: str
    #: SIPD codes of the SKPD and of the unit in the heading rows.
    kode_skpd: str = "4.01.0.00.0.00.01.0000"
    kode_unit: str = "4.01.0.00.0.00.01.0005"
    #: Which report tables the figures reproduce (the "Keterangan" sheet says so).
    tabel: str = "Tabel III.4.A dan III.4.B"


BAWAAN = DataAnggaran(
    kode_kegiatan=KODE_KEGIATAN,
    hierarki=tuple(HIERARKI),
    sub_kegiatan=tuple(SUB_KEGIATAN),
    total=(TOTAL_ANGGARAN, TOTAL_REALISASI, TOTAL_PERSEN),
    riwayat=tuple(RIWAYAT),
    sasaran=tuple(SASARAN),
    dokumen_sasaran=DOKUMEN_SASARAN,
)

_RUPIAH = "#,##0"
_BOLD = Font(bold=True)
_TITLE = Font(bold=True, size=12)
_NOTE = Font(italic=True, color="C00000")
_THIN = Side(style="thin")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
_WRAP = Alignment(vertical="top", wrap_text=True)


def write(out_dir: Path, config: Config, data: DataAnggaran = BAWAAN) -> list[Path]:
    """Write ``realisasi-anggaran.xlsx`` into ``out_dir``.

    The workbook imitates a SIPD "Laporan Realisasi Anggaran" export of Bagian Organisasi
    with its usual quirks (title rows, a merged two-row header, money and percentages partly
    stored as Indonesian text, subtotal and totals rows, a signature block) and two sheets
    kept by the office: the totals of earlier years and the staff's sasaran/budget table.

    Parameters
    ----------
    out_dir : Path
        Folder to write into (created if needed).
    config : Config
        Report configuration: year, institution and signatory.
    data : DataAnggaran
        The figures; the default office's unless another office's are given.

    Returns
    -------
    list of Path
        The single workbook written; re-running gives a byte-identical file.
    """
    wb = Workbook()
    _keterangan(wb.active, config, data)
    _lra(wb.create_sheet(f"LRA {config.tahun}"), config, data)
    _rekap(wb.create_sheet(f"Rekap {config.tahun - 4}-{config.tahun - 1}"), config, data)
    _per_sasaran(wb.create_sheet("Anggaran per Sasaran"), config, data)
    return [save_deterministic(wb, Path(out_dir) / FILE_NAME)]


def _tanggal(config: Config) -> str:
    return format_date(config.penandatangan.tanggal, "d MMMM y", locale="id")


def _keterangan(ws: Worksheet, config: Config, data: DataAnggaran) -> None:
    ws.title = "Keterangan"
    lines = [
        "DATA SINTETIS",
        "Berkas ini dibuat oleh program (modul lkjip.synthetic, perintah "
        "`python -m lkjip contoh-data`), bukan diunduh dari SIPD.",
        f"Angka-angkanya disusun agar menghasilkan kembali angka LKjIP {config.tahun} "
        f"{config.instansi.nama_lengkap} ({data.tabel}).",
        "Tata letak meniru ekspor 'Laporan Realisasi Anggaran' SIPD, termasuk kebiasaannya: "
        "baris judul, judul kolom bergabung dua baris, angka tersimpan sebagai teks, "
        "baris subtotal dan JUMLAH, blok tanda tangan.",
        "Ganti berkas ini dengan ekspor asli kantor dengan nama yang sama; jangan ubah tata letaknya.",
        "",
        "Sheet:",
        f"  LRA {config.tahun} - realisasi anggaran per sub kegiatan s.d. 31 Desember {config.tahun}",
        f"  Rekap {config.tahun - 4}-{config.tahun - 1} - pagu dan realisasi tahun-tahun sebelumnya",
        f"  Anggaran per Sasaran - alokasi anggaran tiap sasaran {data.dokumen_sasaran} "
        "(diketik staf, angka sesuai cetakan laporan)",
    ]
    for i, line in enumerate(lines, start=1):
        ws.cell(i, 1, line)
    ws["A1"].font = Font(bold=True, size=14, color="C00000")
    ws.column_dimensions["A"].width = 120


def _lra(ws: Worksheet, config: Config, data: DataAnggaran) -> None:
    tahun = config.tahun
    titles = [
        config.pemerintah_daerah.upper(),
        "LAPORAN REALISASI ANGGARAN PENDAPATAN DAN BELANJA DAERAH",
        f"TAHUN ANGGARAN {tahun}",
    ]
    for i, text in enumerate(titles, start=1):
        ws.cell(i, 1, text).font = _TITLE
        ws.merge_cells(start_row=i, start_column=1, end_row=i, end_column=6)
        ws.cell(i, 1).alignment = Alignment(horizontal="center")
    ws["A5"], ws["C5"] = "Urusan Pemerintahan", ": 4 UNSUR PENDUKUNG URUSAN PEMERINTAHAN"
    ws["A6"], ws["C6"] = "SKPD", f": {data.kode_skpd} {config.instansi.induk.upper()}"
    ws["A7"], ws["C7"] = "Unit SKPD", f": {data.kode_unit} {config.instansi.nama.upper()}"
    ws["A8"], ws["C8"] = "Periode", f": 1 Januari {tahun} s.d. 31 Desember {tahun}"
    ws["A9"] = "DATA SINTETIS - dibuat oleh lkjip.synthetic, bukan ekspor SIPD yang sebenarnya"
    ws["A9"].font = _NOTE

    # Two-row header: "Realisasi" spans the "Rp" and "%" sub-headers, the rest span both rows.
    top, sub = 11, 12
    for col, label in [(1, "Kode Rekening"), (2, "Uraian"), (3, "Anggaran"), (6, "Sisa Anggaran")]:
        ws.cell(top, col, label)
        ws.merge_cells(start_row=top, start_column=col, end_row=sub, end_column=col)
    ws.cell(top, 4, "Realisasi")
    ws.merge_cells(start_row=top, start_column=4, end_row=top, end_column=5)
    ws.cell(sub, 4, "Rp")
    ws.cell(sub, 5, "%")
    for row in (top, sub):
        for col in range(1, 7):
            cell = ws.cell(row, col)
            cell.font, cell.alignment, cell.border = _BOLD, _CENTER, _BOX
    for col, number in enumerate([1, 2, 3, 4, 5, "6 = 3 - 4"], start=1):
        ws.cell(sub + 1, col, number).alignment = _CENTER

    row = sub + 2
    for kode, uraian in data.hierarki:
        _money_row(ws, row, kode, uraian, *data.total, bold=True)
        row += 1
    # Quirks as in real exports: some money typed as text, percentages as text or as a
    # fraction with a percent format.
    for i, (nomor, uraian, anggaran, realisasi, persen) in enumerate(data.sub_kegiatan):
        kode = f"{data.kode_kegiatan}.{nomor}"
        anggaran_cell = f"Rp. {_id(anggaran)},00" if i in (0, 4) else anggaran
        realisasi_cell = f"Rp. {_id(realisasi)},00" if i == 2 else realisasi
        persen_cell: object = f"{persen} %" if i == 1 else persen
        if i == 3:
            persen_cell = round(float(persen.replace(",", ".")) / 100, 4)
        _money_row(ws, row, kode, uraian, anggaran_cell, realisasi_cell, persen_cell,
                   sisa=anggaran - realisasi)
        if i == 3:
            ws.cell(row, 5).number_format = "0.00%"
        row += 1
    ws.cell(row, 1, "JUMLAH")
    ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=2)
    _money_row(ws, row, None, None, *data.total, bold=True)
    ws.cell(row, 1).alignment = Alignment(horizontal="center")

    p = config.penandatangan
    sign = [
        f"{p.kota}, {_tanggal(config)}",
        p.jabatan,
        None,
        None,
        p.nama,
        f"{p.pangkat} ({p.golongan})",
        f"NIP. {p.nip}",
    ]
    for offset, text in enumerate(sign, start=3):
        if text is not None:
            ws.cell(row + offset, 4, text).alignment = Alignment(horizontal="center")
    ws.cell(row + 7, 4).font = Font(bold=True, underline="single")

    for col, width in zip("ABCDEF", [22, 60, 18, 18, 9, 18], strict=True):
        ws.column_dimensions[col].width = width
    ws.freeze_panes = f"C{sub + 2}"
    ws.print_title_rows = f"{top}:{sub}"


def _money_row(ws, row, kode, uraian, anggaran, realisasi, persen, *, sisa=None, bold=False):
    if kode is not None:
        ws.cell(row, 1, kode)
    if uraian is not None:
        ws.cell(row, 2, uraian).alignment = _WRAP
    for col, value in [(3, anggaran), (4, realisasi), (5, persen)]:
        cell = ws.cell(row, col, value)
        if isinstance(value, int):
            cell.number_format = _RUPIAH
        if isinstance(value, str):
            cell.alignment = Alignment(horizontal="right")
    if sisa is None and isinstance(anggaran, int) and isinstance(realisasi, int):
        sisa = anggaran - realisasi
    ws.cell(row, 6, sisa).number_format = _RUPIAH
    for col in range(1, 7):
        ws.cell(row, col).border = _BOX
        if bold:
            ws.cell(row, col).font = _BOLD


def _rekap(ws: Worksheet, config: Config, data: DataAnggaran) -> None:
    tahun = config.tahun
    ws["A1"] = f"REKAPITULASI REALISASI ANGGARAN {config.instansi.nama.upper()}"
    ws["A2"] = f"{config.instansi.induk.upper()} {config.wilayah.upper()}"
    ws["A3"] = f"TAHUN {tahun - 4} - {tahun - 1}"
    ws["A4"] = "DATA SINTETIS - dibuat oleh lkjip.synthetic"
    for ref in ("A1", "A2", "A3"):
        ws[ref].font = _TITLE
    ws["A4"].font = _NOTE
    header = 6
    for col, label in enumerate(
        ["No", "Tahun", "Pagu Anggaran (Rp)", "Realisasi (Rp)", "Persentase (%)"], start=1
    ):
        cell = ws.cell(header, col, label)
        cell.font, cell.alignment, cell.border = _BOLD, _CENTER, _BOX
    for i, (before, pagu, realisasi, persen) in enumerate(data.riwayat, start=1):
        row = header + i
        # The office typed one year's realisasi as text copied from the old report.
        realisasi_cell = f"Rp {_id(realisasi)}" if before == 3 else realisasi
        values = [i, tahun - before, pagu, realisasi_cell, f"{persen}%"]
        for col, value in enumerate(values, start=1):
            cell = ws.cell(row, col, value)
            cell.border = _BOX
            if col in (3, 4) and isinstance(value, int):
                cell.number_format = _RUPIAH
    note = header + len(data.riwayat) + 2
    ws.cell(note, 1, f"Sumber: Laporan Realisasi Anggaran {config.instansi.nama} tahun berkenaan "
                     "(arsip kantor)").font = Font(italic=True)
    for col, width in zip("ABCDE", [6, 10, 20, 20, 16], strict=True):
        ws.column_dimensions[col].width = width


def _per_sasaran(ws: Worksheet, config: Config, data: DataAnggaran) -> None:
    ws["A1"] = "PERBANDINGAN CAPAIAN KINERJA DENGAN ANGGARAN PER SASARAN"
    ws["A2"] = f"{config.instansi.singkatan.upper()} TAHUN {config.tahun}"
    ws["A3"] = "DATA SINTETIS - diketik ulang sesuai cetakan Tabel III.4.B LKjIP"
    ws["A1"].font = ws["A2"].font = _TITLE
    ws["A3"].font = _NOTE
    header = 5
    labels = [
        "No", "Dokumen", "Sasaran", "Kode Sub Kegiatan",
        "Alokasi Anggaran (Rp)", "Realisasi Anggaran (Rp)", "Capaian Anggaran (%)",
    ]
    for col, label in enumerate(labels, start=1):
        cell = ws.cell(header, col, label)
        cell.font, cell.alignment, cell.border = _BOLD, _CENTER, _BOX
    first = header + 1
    for i, (no, sasaran, kode, alokasi, realisasi, capaian) in enumerate(data.sasaran):
        row = first + i
        codes = "; ".join(f"{data.kode_kegiatan}.{k}" for k in kode)
        values = [no, data.dokumen_sasaran if i == 0 else None, sasaran, codes,
                  alokasi, realisasi, capaian]
        for col, value in enumerate(values, start=1):
            cell = ws.cell(row, col, value)
            cell.border, cell.alignment = _BOX, _WRAP
            if isinstance(value, int) and col >= 5:
                cell.number_format = _RUPIAH
    # Staff merge the document name down over its sasaran.
    last = first + len(data.sasaran) - 1
    ws.merge_cells(start_row=first, start_column=2, end_row=last, end_column=2)
    total = last + 1
    ws.cell(total, 1, "Jumlah").font = _BOLD
    ws.merge_cells(start_row=total, start_column=1, end_row=total, end_column=4)
    anggaran, realisasi, persen = data.total
    for col, value in [(5, anggaran), (6, realisasi), (7, f"{persen} %")]:
        cell = ws.cell(total, col, value)
        cell.font, cell.border = _BOLD, _BOX
        if isinstance(value, int):
            cell.number_format = _RUPIAH
    ws.cell(total + 2, 1, "Catatan: kode sub kegiatan dipisah titik koma; angka sesuai cetakan "
                          "laporan, dihitung ulang oleh pipeline.").font = Font(italic=True)
    for col, width in zip("ABCDEFG", [5, 28, 48, 40, 20, 20, 14], strict=True):
        ws.column_dimensions[col].width = width


def _id(amount: int) -> str:
    """Whole rupiah with Indonesian thousands dots: 81373500 -> '81.373.500'."""
    return f"{amount:,}".replace(",", ".")
