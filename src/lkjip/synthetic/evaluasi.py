"""Synthetic SAKIP, kelembagaan and comparison workbooks that reproduce the seed report's figures."""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from lkjip.core.config import Config
from lkjip.synthetic._xlsx import save_deterministic

SEED = 20250
SAKIP_FILE = "sakip.xlsx"
KELEMBAGAAN_FILE = "kelembagaan.xlsx"
PEMBANDING_FILE = "pembanding.xlsx"

#: The 48 perangkat daerah / unit kerja evaluated each year (kecamatan are evaluated separately).
#: Synthetic list: real-sounding names of a kabupaten's dinas, badan and UPT.
PERANGKAT_DAERAH: tuple[str, ...] = (
    "Sekretariat Daerah",
    "Sekretariat DPRD",
    "Inspektorat Daerah",
    "Badan Perencanaan Pembangunan Daerah",
    "Badan Pengelolaan Keuangan dan Aset Daerah",
    "Badan Pendapatan Daerah",
    "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia",
    "Badan Penanggulangan Bencana Daerah",
    "Badan Kesatuan Bangsa dan Politik",
    "Badan Riset dan Inovasi Daerah",
    "Satuan Polisi Pamong Praja",
    "Dinas Pendidikan",
    "Dinas Kesehatan",
    "RSUD Prof. Dr. Soekandar",
    "RSUD R.A. Basoeni",
    "Dinas Pekerjaan Umum dan Penataan Ruang",
    "Dinas Perumahan Rakyat, Kawasan Permukiman dan Pertanahan",
    "Dinas Sosial",
    "Dinas Tenaga Kerja",
    "Dinas Pengendalian Penduduk, Keluarga Berencana, Pemberdayaan Perempuan dan Perlindungan Anak",
    "Dinas Ketahanan Pangan dan Perikanan",
    "Dinas Lingkungan Hidup",
    "Dinas Kependudukan dan Pencatatan Sipil",
    "Dinas Pemberdayaan Masyarakat dan Desa",
    "Dinas Perhubungan",
    "Dinas Komunikasi dan Informatika",
    "Dinas Koperasi dan Usaha Mikro",
    "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu",
    "Dinas Kepemudaan, Olahraga, Kebudayaan dan Pariwisata",
    "Dinas Perpustakaan dan Kearsipan",
    "Dinas Pertanian",
    "Dinas Peternakan dan Kesehatan Hewan",
    "Dinas Perindustrian dan Perdagangan",
    "Dinas Pemadam Kebakaran dan Penyelamatan",
    "UPT Laboratorium Kesehatan Daerah",
    "UPT Instalasi Farmasi Kabupaten",
    "UPT Pengujian Kendaraan Bermotor",
    "UPT Terminal Penumpang",
    "UPT Pengelolaan Air Limbah Domestik",
    "UPT Pengelolaan Sampah",
    "UPT Balai Latihan Kerja",
    "UPT Pengelolaan Pasar Daerah",
    "UPT Pengujian Mutu dan Sertifikasi Benih",
    "UPT Pelayanan Perizinan Terpadu Wilayah Barat",
    "UPT Museum dan Cagar Budaya",
    "UPT Pengelolaan Aset Daerah",
    "UPT Pemakaman Umum",
    "UPT Perlindungan Perempuan dan Anak",
)
SETDA = "Sekretariat Daerah"

#: Per year: the mean SAKIP score of the 48 PD (exact, in hundredths) and the Setda's score.
#: 2024 and 2025 are the seed's (83,11 and 83,78; Setda 86,10 and 86,19); 2021-2023 illustrative.
SAKIP_RATA_RATA = {2021: 8042, 2022: 8137, 2023: 8225, 2024: 8311, 2025: 8378}
SAKIP_SETDA = {2021: 8412, 2022: 8495, 2023: 8554, 2024: 8610, 2025: 8619}

#: Variables of the tingkat kematangan (scored 1-5), as labelled on the office's form.
VARIABEL_KEMATANGAN: tuple[str, ...] = (
    "Kesesuaian Tugas dan Fungsi",
    "Kejelasan Struktur Organisasi",
    "Rentang Kendali",
    "Ketepatan Jumlah dan Ukuran Unit",
    "Kejelasan Uraian Tugas dan Tata Kerja",
    "Standar Operasional Prosedur",
    "Koordinasi dan Hubungan Kerja",
    "Pendelegasian Wewenang",
    "Sistem Informasi dan Teknologi",
    "Manajemen Kinerja",
    "Inovasi dan Pengembangan Organisasi",
)
#: Sum of the 48 PD totals per year; 2025 gives the mean 49,5 (the RPJMD's Indeks Kematangan target).
KEMATANGAN_JUMLAH_TOTAL = {2022: 2170, 2023: 2230, 2024: 2300, 2025: 2376}
KEMATANGAN_MINIMUM = 38  # integer totals: 38 is the lowest that is at least 37,1 (Tinggi)

#: Evaluasi kelembagaan (PermenPANRB 20/2018): (dimensi, sub-dimensi, bobot %), then the nilai per
#: year, chosen so that Σ bobot/100 × nilai = 95,90 in both years (the seed's 95,9).
SUB_DIMENSI: tuple[tuple[str, str, float], ...] = (
    ("Struktur", "Kompleksitas", 25.0),
    ("Struktur", "Formalisasi", 12.5),
    ("Struktur", "Sentralisasi", 12.5),
    ("Proses", "Keselarasan (Alignment)", 10.0),
    ("Proses", "Tata Kelola (Governance)", 10.0),
    ("Proses", "Kepatuhan (Compliance)", 10.0),
    ("Proses", "Manajemen Kinerja (Performance Management)", 10.0),
    ("Proses", "Manajemen Risiko (Risk Management)", 10.0),
)
NILAI_SUB_DIMENSI = {
    2024: (95.60, 96.00, 96.80, 96.00, 96.00, 96.00, 95.00, 96.00),
    2025: (96.00, 95.20, 96.00, 97.00, 96.00, 95.00, 96.00, 96.00),
}

ILUSTRATIF = "ilustratif"
#: Comparison figures: (tahun, kode_indikator, indikator, entitas key, nilai or None, keterangan).
#: Entitas keys are resolved from the configuration (induk, kabupaten, provinsi).
_IKM = "Indeks Kepuasan Masyarakat (IKM) Pemerintah Daerah"
PEMBANDING_BARIS: tuple[tuple[int, str, str, str, float | None, str], ...] = (
    (2025, "PKP-1", "Nilai Rata-Rata SAKIP Perangkat Daerah", "provinsi", None,
     "tidak tersedia (Tabel III.3 LKjIP 2025)"),
    (2025, "PKP-2", "Nilai Efektivitas Kelembagaan", "provinsi", None,
     "tidak tersedia (Tabel III.3 LKjIP 2025)"),
    (2023, "PKP-3", _IKM, "provinsi", 88.95, ILUSTRATIF),
    (2024, "PKP-3", _IKM, "provinsi", 89.34, ILUSTRATIF),
    (2025, "PKP-3", _IKM, "provinsi", 89.71, "Hasil SKM Provinsi Jawa Timur 2025 (Tabel III.3 LKjIP 2025)"),
    (2024, "sakip_opd", "Nilai SAKIP", "induk", 86.10, "LHE AKIP Sekretariat Daerah 2024 (LKjIP 2025)"),
    (2024, "sakip_opd", "Nilai SAKIP", "kabupaten", 77.86, ILUSTRATIF),
    (2024, "sakip_opd", "Nilai SAKIP", "provinsi", 88.21, ILUSTRATIF),
    (2025, "sakip_opd", "Nilai SAKIP", "induk", 86.19, "LHE AKIP Sekretariat Daerah 2025 (LKjIP 2025)"),
    (2025, "sakip_opd", "Nilai SAKIP", "kabupaten", 78.42, ILUSTRATIF),
    (2025, "sakip_opd", "Nilai SAKIP", "provinsi", 88.53, ILUSTRATIF),
)  # fmt: skip
_SUMBER_PEMBANDING = "Sumber: LKjIP Bagian Organisasi 2025 (Tabel III.3, Gambar 0.2); hasil SKM Provinsi."


@dataclass(frozen=True)
class DataEvaluasi:
    """The figures of one office's evaluation workbooks; :data:`BAWAAN` is the default office's.

    Every mapping is keyed by year; the sheets are written for the years present, oldest first.
    """

    #: Mean SAKIP score of the PD (exact, in hundredths) and the Setda's own score.
    sakip_rata_rata: Mapping[int, int]
    sakip_setda: Mapping[int, int]
    #: Sum of the PD totals of the tingkat kematangan.
    kematangan_jumlah_total: Mapping[int, int]
    #: Nilai per sub-dimensi (in :data:`SUB_DIMENSI` order) of the evaluasi kelembagaan.
    nilai_sub_dimensi: Mapping[int, tuple[float, ...]]
    #: (tahun, kode_indikator, indikator, entitas key, nilai or None, keterangan).
    pembanding: tuple[tuple[int, str, str, str, float | None, str], ...]
    #: The source line under the comparison table.
    sumber_pembanding: str = _SUMBER_PEMBANDING
    #: What the figures reproduce, for the "Keterangan" sheets.
    acuan: str = "angka LKjIP 2025"


BAWAAN = DataEvaluasi(
    SAKIP_RATA_RATA, SAKIP_SETDA, KEMATANGAN_JUMLAH_TOTAL, NILAI_SUB_DIMENSI, PEMBANDING_BARIS
)

#: Data-log entries for ``data/raw/README.md``: file -> (source system, content/layout, supplier).
DATA_LOG: dict[str, tuple[str, str, str]] = {
    SAKIP_FILE: (
        "Rekap Laporan Hasil Evaluasi (LHE) AKIP Perangkat Daerah oleh Inspektorat/Bagian Organisasi",
        "sheet 'Keterangan', lalu satu sheet per tahun 'SAKIP 2021'..'SAKIP 2025': judul, kolom "
        "No, Kode PD, Perangkat Daerah, Nilai, Predikat (48 PD), baris 'Rata-rata', tanda tangan. "
        "Sebagian nilai diketik sebagai teks ('83,45').",
        "Bagian Organisasi Setda",
    ),
    KELEMBAGAAN_FILE: (
        "Rekap evaluasi kelembagaan Bagian Organisasi (Permendagri 99/2018; PermenPANRB 20/2018)",
        "sheet 'Keterangan'; 'Kematangan 2022'..'Kematangan 2025': No, Kode PD, Perangkat Daerah, "
        "V1..V11 (skor 1-5), Total, Kategori, baris nomor kolom, baris 'Rata-rata'; 'Evaluasi "
        "Kelembagaan': No, Tahun, Dimensi, Sub Dimensi, Bobot (%), Nilai, Nilai Tertimbang, satu "
        "baris 'Nilai Efektivitas Kelembagaan' per tahun (2024, 2025).",
        "Bagian Organisasi Setda",
    ),
    PEMBANDING_FILE: (
        "Catatan kantor atas angka pembanding (LKjIP/LHE Kabupaten dan Provinsi)",
        "sheet 'Keterangan'; 'Pembanding': No, Tahun, Kode Indikator, Indikator, Entitas, Nilai, "
        "Keterangan. Nilai yang tidak terbaca pada laporan acuan ditandai 'ilustratif'.",
        "Bagian Organisasi Setda",
    ),
}

_BULAN = (
    "Januari", "Februari", "Maret", "April", "Mei", "Juni",
    "Juli", "Agustus", "September", "Oktober", "November", "Desember",
)  # fmt: skip
_BOLD = Font(bold=True)
_WRAP = Alignment(wrap_text=True, vertical="center", horizontal="center")


def kode_pd(index0: int) -> str:
    """The office's code of the PD at position ``index0`` of :data:`PERANGKAT_DAERAH`."""
    return f"PD-{index0 + 1:02d}"


def predikat_sakip(nilai: float, config: Config) -> str:
    """Predikat of a SAKIP score by the configured bands (lower bounds exclusive)."""
    for band in config.sakip.kategori:
        if band.di_atas is None or nilai > band.di_atas:
            return band.predikat
    raise ValueError(nilai)  # unreachable: the lowest band has no lower bound


def kategori_kematangan(total: float, config: Config) -> str:
    """Kategori of a tingkat kematangan total by the configured bands (lower bounds inclusive)."""
    for band in config.kematangan.kategori:
        if total >= band.batas_bawah:
            return band.kategori
    return config.kematangan.kategori[-1].kategori


def sakip_scores(tahun: int, data: DataEvaluasi = BAWAAN) -> list[int]:
    """The 48 SAKIP scores of ``tahun`` in hundredths, in :data:`PERANGKAT_DAERAH` order.

    Each PD keeps a stable level across years plus yearly noise; the scores are then nudged
    one hundredth at a time until their sum gives exactly the year's mean, so that the mean
    of the scores as stored (2 decimals) is the seed's 83,78 (2025) and 83,11 (2024).
    """
    level = random.Random(SEED)
    noise = random.Random(SEED + tahun)
    setda = PERANGKAT_DAERAH.index(SETDA)
    scores = []
    for i in range(len(PERANGKAT_DAERAH)):
        base = level.gauss(0, 350)
        if i == setda:
            scores.append(data.sakip_setda[tahun])
            continue
        value = data.sakip_rata_rata[tahun] + round(base + noise.gauss(0, 120))
        scores.append(min(max(value, 6450), 9350))
    target = data.sakip_rata_rata[tahun] * len(scores)
    others = [i for i in range(len(scores)) if i != setda]
    step = 0
    while sum(scores) != target:
        i = others[step % len(others)]
        delta = 1 if sum(scores) < target else -1
        candidate = scores[i] + delta
        # Never land exactly on a band edge (80,00 etc.): the predikat would hinge on "> 80".
        if 6450 <= candidate <= 9350 and candidate % 1000 != 0:
            scores[i] = candidate
        step += 1
    return scores


def kematangan_scores(tahun: int, data: DataEvaluasi = BAWAAN) -> list[list[int]]:
    """Per PD the 11 variable scores (1-5) of ``tahun``; totals at least 38 and summing to target."""
    rng = random.Random(SEED * 7 + tahun)
    n = len(PERANGKAT_DAERAH)
    wanted = data.kematangan_jumlah_total[tahun]
    mean = wanted / n
    totals = [min(max(round(rng.gauss(mean, 3.2)), KEMATANGAN_MINIMUM), 55) for _ in range(n)]
    step = 0
    while sum(totals) != wanted:
        i = step % n
        delta = 1 if sum(totals) < wanted else -1
        if KEMATANGAN_MINIMUM <= totals[i] + delta <= 55:
            totals[i] += delta
        step += 1
    rows = []
    for total in totals:
        # Spread (total - 11) points over 11 variables of 1..5 as evenly as chance allows.
        scores = [3] * len(VARIABEL_KEMATANGAN)
        extra = total - sum(scores)
        order = list(range(len(scores)))
        rng.shuffle(order)
        j = 0
        while extra != 0:
            v = order[j % len(order)]
            if extra > 0 and scores[v] < 5:
                scores[v] += 1
                extra -= 1
            elif extra < 0 and scores[v] > 1:
                scores[v] -= 1
                extra += 1
            j += 1
        rows.append(scores)
    return rows


def write(out_dir: Path, config: Config, data: DataEvaluasi = BAWAAN) -> list[Path]:
    """Write ``sakip.xlsx``, ``kelembagaan.xlsx`` and ``pembanding.xlsx`` into ``out_dir``.

    Parameters
    ----------
    out_dir : Path
        Folder of the raw exports (created if needed).
    config : Config
        The report configuration (predikat and kategori bands, names of the entities, signatory).
    data : DataEvaluasi
        The office's figures; the default office's unless another's are given.

    Returns
    -------
    list of Path
        The three workbooks, byte-identical on every run.
    """
    return [
        save_deterministic(_sakip_workbook(config, data), out_dir / SAKIP_FILE),
        save_deterministic(_kelembagaan_workbook(config, data), out_dir / KELEMBAGAAN_FILE),
        save_deterministic(_pembanding_workbook(config, data), out_dir / PEMBANDING_FILE),
    ]


def _sakip_workbook(config: Config, data: DataEvaluasi) -> Workbook:
    wb = Workbook()
    years = sorted(data.sakip_rata_rata)
    _keterangan(
        wb.active,
        "Rekapitulasi Hasil Evaluasi SAKIP Perangkat Daerah",
        [
            f"Satu sheet per tahun evaluasi: 'SAKIP {years[0]}' sampai 'SAKIP {years[-1]}' "
            f"({len(PERANGKAT_DAERAH)} perangkat daerah).",
            "Kolom: No, Kode PD, Perangkat Daerah, Nilai (0-100), Predikat (PermenPANRB 88/2021).",
            "Baris 'Rata-rata' di bawah tabel adalah rata-rata nilai seluruh perangkat daerah.",
            "Beberapa nilai diketik sebagai teks berformat Indonesia (mis. '83,45'), seperti pada "
            "rekap kantor.",
        ],
        data.acuan,
    )
    for tahun in years:
        ws = wb.create_sheet(f"SAKIP {tahun}")
        scores = sakip_scores(tahun, data)
        as_text = set(random.Random(SEED * 3 + tahun).sample(range(1, len(scores)), 4))
        _title(
            ws,
            [
                "REKAPITULASI HASIL EVALUASI SAKIP PERANGKAT DAERAH",
                config.pemerintah_daerah.upper(),
                f"TAHUN {tahun}",
            ],
            5,
        )
        _header(ws, 5, ["No", "Kode PD", "Perangkat Daerah", "Nilai", "Predikat"])
        row = 6
        for i, (nama, hundredths) in enumerate(zip(PERANGKAT_DAERAH, scores, strict=True)):
            nilai = hundredths / 100
            ws.cell(row, 1, i + 1)
            ws.cell(row, 2, kode_pd(i))
            ws.cell(row, 3, nama)
            if i in as_text:
                ws.cell(row, 4, f"{hundredths // 100},{hundredths % 100:02d}")
            else:
                ws.cell(row, 4, nilai).number_format = "0.00"
            ws.cell(row, 5, predikat_sakip(nilai, config))
            row += 1
        ws.cell(row, 1, "Rata-rata").font = _BOLD
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=3)
        mean = data.sakip_rata_rata[tahun] / 100
        ws.cell(row, 4, mean).number_format = "0.00"
        ws.cell(row, 5, predikat_sakip(mean, config))
        _signature(ws, row + 2, 4, config, f"{config.penandatangan.kota}, 15 Desember {tahun}")
        _widths(ws, [5, 9, 48, 9, 10])
    return wb


def _kelembagaan_workbook(config: Config, data: DataEvaluasi) -> Workbook:
    wb = Workbook()
    years = sorted(data.kematangan_jumlah_total)
    efektivitas = sorted(data.nilai_sub_dimensi)
    _keterangan(
        wb.active,
        "Rekapitulasi Evaluasi Kelembagaan",
        [
            f"Sheet 'Kematangan {years[0]}' sampai 'Kematangan {years[-1]}': tingkat kematangan "
            f"{len(PERANGKAT_DAERAH)} perangkat daerah "
            "(Permendagri 99/2018), 11 variabel (V1..V11) berskor 1-5, Total (11-55) dan Kategori.",
            "Kategori: Sangat Tinggi 46,1-55; Tinggi 37,1-46; Sedang 28,1-37; Rendah 19,1-28; "
            "Sangat Rendah 11-19.",
            "Sheet 'Evaluasi Kelembagaan': evaluasi kelembagaan Pemerintah Daerah (PermenPANRB "
            f"20/2018) tahun {' dan '.join(map(str, efektivitas))}; Nilai Tertimbang = Bobot/100 x "
            "Nilai; baris 'Nilai Efektivitas Kelembagaan' adalah jumlahnya.",
        ],
        data.acuan,
    )
    n_var = len(VARIABEL_KEMATANGAN)
    for tahun in years:
        ws = wb.create_sheet(f"Kematangan {tahun}")
        last_col = 3 + n_var + 2
        _title(
            ws,
            [
                "REKAPITULASI TINGKAT KEMATANGAN PERANGKAT DAERAH",
                config.pemerintah_daerah.upper(),
                f"TAHUN {tahun}",
            ],
            last_col,
        )
        labels = [f"V{k + 1}\n{name}" for k, name in enumerate(VARIABEL_KEMATANGAN)]
        _header(ws, 5, ["No", "Kode PD", "Perangkat Daerah", *labels, "Total", "Kategori"])
        ws.row_dimensions[5].height = 75
        for col in range(1, last_col + 1):
            ws.cell(6, col, f"({col})").alignment = _WRAP
        row = 7
        totals = []
        skor = kematangan_scores(tahun, data)
        for i, (nama, scores) in enumerate(zip(PERANGKAT_DAERAH, skor, strict=True)):
            ws.cell(row, 1, i + 1)
            ws.cell(row, 2, kode_pd(i))
            ws.cell(row, 3, nama)
            for k, score in enumerate(scores):
                ws.cell(row, 4 + k, score)
            total = sum(scores)
            totals.append(total)
            ws.cell(row, 4 + n_var, total)
            ws.cell(row, 5 + n_var, kategori_kematangan(total, config))
            row += 1
        ws.cell(row, 1, "Rata-rata").font = _BOLD
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=3)
        ws.cell(row, 4 + n_var, round(sum(totals) / len(totals), 2)).number_format = "0.00"
        _signature(ws, row + 2, 4 + n_var, config, f"{config.penandatangan.kota}, 20 Desember {tahun}")
        _widths(ws, [5, 9, 48, *([11] * n_var), 8, 14])

    ws = wb.create_sheet("Evaluasi Kelembagaan")
    _title(
        ws,
        [
            "HASIL EVALUASI KELEMBAGAAN PEMERINTAH DAERAH",
            config.pemerintah_daerah.upper(),
            "(Peraturan Menteri PANRB Nomor 20 Tahun 2018)",
        ],
        7,
    )
    _header(ws, 5, ["No", "Tahun", "Dimensi", "Sub Dimensi", "Bobot (%)", "Nilai", "Nilai Tertimbang"])
    row = 6
    for tahun, nilai_tahun in sorted(data.nilai_sub_dimensi.items()):
        first = row
        total = 0.0
        for k, ((dimensi, sub, bobot), nilai) in enumerate(zip(SUB_DIMENSI, nilai_tahun, strict=True)):
            ws.cell(row, 1, k + 1)
            if row == first:
                ws.cell(row, 2, tahun)
            if k == 0 or SUB_DIMENSI[k - 1][0] != dimensi:
                ws.cell(row, 3, f"Dimensi {dimensi}")
            ws.cell(row, 4, sub)
            ws.cell(row, 5, bobot).number_format = "0.0"
            ws.cell(row, 6, nilai).number_format = "0.00"
            tertimbang = round(bobot * nilai / 100, 2)
            total += bobot * nilai / 100
            ws.cell(row, 7, tertimbang).number_format = "0.00"
            row += 1
        # An office merges the year and each dimension down their rows.
        ws.merge_cells(start_row=first, start_column=2, end_row=row - 1, end_column=2)
        ws.merge_cells(start_row=first, start_column=3, end_row=first + 2, end_column=3)
        ws.merge_cells(start_row=first + 3, start_column=3, end_row=row - 1, end_column=3)
        ws.cell(row, 1, f"Nilai Efektivitas Kelembagaan Tahun {tahun}").font = _BOLD
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=4)
        ws.cell(row, 5, 100.0).number_format = "0.0"
        ws.cell(row, 7, round(total, 2)).number_format = "0.00"
        row += 2
    _signature(ws, row, 6, config, _tanggal(config))
    _widths(ws, [5, 8, 20, 44, 10, 9, 16])
    return wb


def _pembanding_workbook(config: Config, data: DataEvaluasi) -> Workbook:
    wb = Workbook()
    _keterangan(
        wb.active,
        "Angka Pembanding Kinerja",
        [
            "Sheet 'Pembanding': angka pembanding dari laporan pihak lain (Kabupaten, Provinsi), satu "
            "baris per tahun x indikator x entitas.",
            "Kode Indikator mengikuti kode indikator Perjanjian Kinerja (PKP-1..PKP-3); 'sakip_opd' "
            "untuk perbandingan nilai SAKIP (Gambar 0.2).",
            "'-' berarti angka tidak tersedia. Keterangan 'ilustratif': angka tidak terbaca pada "
            "laporan acuan, diisi nilai yang masuk akal (Setda di atas Kabupaten, di bawah Provinsi).",
        ],
        data.acuan,
    )
    ws = wb.create_sheet("Pembanding")
    _title(ws, ["ANGKA PEMBANDING KINERJA", config.instansi.nama_lengkap.upper()], 7)
    _header(ws, 4, ["No", "Tahun", "Kode Indikator", "Indikator", "Entitas", "Nilai", "Keterangan"])
    # "kabupaten" is the unit's own region (a kota or the province itself for other units).
    entitas = {"induk": config.instansi.induk, "kabupaten": config.wilayah, "provinsi": config.provinsi}
    for k, (tahun, kode, indikator, key, nilai, keterangan) in enumerate(data.pembanding):
        row = 5 + k
        ws.cell(row, 1, k + 1)
        ws.cell(row, 2, tahun)
        ws.cell(row, 3, kode)
        ws.cell(row, 4, indikator)
        ws.cell(row, 5, entitas[key])
        if nilai is None:
            ws.cell(row, 6, "-").alignment = Alignment(horizontal="center")
        else:
            ws.cell(row, 6, nilai).number_format = "0.00"
        ws.cell(row, 7, keterangan)
    row = 6 + len(data.pembanding)
    ws.cell(row, 1, data.sumber_pembanding)
    _widths(ws, [5, 8, 14, 48, 24, 9, 52])
    return wb


def _keterangan(ws: Worksheet, judul: str, lines: Sequence[str], acuan: str) -> None:
    ws.title = "Keterangan"
    ws.cell(1, 1, "DATA SINTETIS - BUKAN DATA RESMI").font = Font(bold=True, color="C00000", size=14)
    ws.cell(2, 1, judul).font = _BOLD
    ws.cell(
        3,
        1,
        "Dibuat oleh program (lkjip.synthetic.evaluasi, benih acak tetap) agar laporan dapat dibangun "
        f"dan diuji; angka disusun untuk menghasilkan kembali {acuan}.",
    )
    for k, line in enumerate(lines):
        ws.cell(5 + k, 1, line)
    ws.column_dimensions["A"].width = 110


def _title(ws: Worksheet, lines: Sequence[str], last_col: int) -> None:
    for k, line in enumerate(lines):
        cell = ws.cell(1 + k, 1, line)
        cell.font = _BOLD
        cell.alignment = Alignment(horizontal="center")
        ws.merge_cells(start_row=1 + k, start_column=1, end_row=1 + k, end_column=last_col)


def _header(ws: Worksheet, row: int, labels: Sequence[str]) -> None:
    for col, label in enumerate(labels, start=1):
        cell = ws.cell(row, col, label)
        cell.font = _BOLD
        cell.alignment = _WRAP


def _signature(ws: Worksheet, row: int, col: int, config: Config, tempat_tanggal: str) -> None:
    signer = config.penandatangan
    lines = [
        tempat_tanggal,
        signer.jabatan,
        None,
        None,
        signer.nama,
        f"{signer.pangkat} ({signer.golongan})",
        f"NIP. {signer.nip}",
    ]
    for k, line in enumerate(lines):
        if line is not None:
            ws.cell(row + k, col, line)


def _tanggal(config: Config) -> str:
    date = config.penandatangan.tanggal
    return f"{config.penandatangan.kota}, {date.day} {_BULAN[date.month - 1]} {date.year}"


def _widths(ws: Worksheet, widths: Sequence[float]) -> None:
    for col, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(col)].width = width
