"""The default office one year on: its 2026 report, from 2026 exports, ``laporan.yml`` and prose.

It exists to prove that next year's report needs new exports, a few changed settings and the
office's own prose, and no change of code. Every 2026 figure is invented (``DATA SINTETIS``);
the years up to 2025 are the default data's. What differs from the 2025 report: one planning
period in force (2025-2029, the 2021-2025 one has ended) and so one agreement, whose tables carry
no period letter; the trend runs 2022-2026; the SKM answers are 2026's and ``skm-riwayat.xlsx``
gains 2025; the budget of 2026 has its own sub-kegiatan figures and sasaran.

Hand-worked figures (the tests check them):

- Budget 2026: 0001 Rp85.000.000 / Rp79.475.000 (93,50%), 0002 Rp104.000.000 / Rp96.720.000
  (93,00%), 0003 Rp450.000.000 / Rp425.250.000 (94,50%), 0004 Rp130.000.000 / Rp119.600.000
  (92,00%), 0005 Rp55.000.000 / Rp53.350.000 (97,00%); total Rp824.000.000 / Rp774.395.000
  (93,98%). Per sasaran: akuntabilitas (0003 + 0005) Rp505.000.000 / Rp478.600.000 (94,77%),
  kelembagaan (0001) Rp85.000.000 / Rp79.475.000 (93,50%), pelayanan publik (0002 + 0004)
  Rp234.000.000 / Rp216.320.000 (92,44%).
- Capaian 2026: PKP-1 SAKIP mean 84,35 / 84,00 = 100,42%; PKP-2 Σ bobot × nilai = 96,44 / 96,00
  = 100,46%; PKP-3 IKM 91,24 / 90,50 = 100,82%; KL-1 realisasi anggaran 93,98 / 96,00 = 97,90%.
- Tingkat kematangan 2026: 2.424 points over 48 PD, mean 50,50.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from lkjip.synthetic import anggaran, evaluasi, perjanjian_kinerja, skm
from lkjip.synthetic._proyek import write_contoh
from lkjip.synthetic.anggaran import DataAnggaran
from lkjip.synthetic.evaluasi import ILUSTRATIF, DataEvaluasi
from lkjip.synthetic.perjanjian_kinerja import NARASI, PENJENJANGAN, PK_PERUBAHAN, Perjanjian, _Indikator
from lkjip.synthetic.skm import DataSkm

TAHUN = 2026
PERIODE = "2025-2029"
DOKUMEN = "Perjanjian Kinerja"

_SASARAN_SAKIP, _SASARAN_KELEMBAGAAN, _SASARAN_LAYANAN = (i.sasaran for i in PK_PERUBAHAN)

#: The budget export of 2026; the four years before it are the default data's 2022-2025.
DATA_ANGGARAN = DataAnggaran(
    kode_kegiatan=anggaran.KODE_KEGIATAN,
    hierarki=tuple(anggaran.HIERARKI),
    sub_kegiatan=(
        ("0001", "Pengelolaan Kelembagaan dan Analisis Jabatan", 85_000_000, 79_475_000, "93,50"),
        ("0002", "Fasilitasi Pelayanan Publik dan Tata Laksana", 104_000_000, 96_720_000, "93,00"),
        ("0003", "Peningkatan Kinerja dan Reformasi Birokrasi", 450_000_000, 425_250_000, "94,50"),
        ("0004", "Monitoring, Evaluasi dan Pengendalian Kualitas Pelayanan Publik dan Tata Laksana",
         130_000_000, 119_600_000, "92,00"),
        ("0005", "Koordinasi dan Penyusunan Laporan Kinerja Pemerintah Daerah",
         55_000_000, 53_350_000, "97,00"),
    ),
    total=(824_000_000, 774_395_000, "93,98"),
    riwayat=(
        (4, 688_720_000, 664_545_927, "96,49"),
        (3, 745_315_000, 712_073_953, "95,54"),
        (2, 774_980_500, 746_693_713, "96,35"),
        (1, anggaran.TOTAL_ANGGARAN, anggaran.TOTAL_REALISASI, anggaran.TOTAL_PERSEN),
    ),
    sasaran=(
        (1, _SASARAN_SAKIP, ("0003", "0005"), 505_000_000, 478_600_000, "94,77 %"),
        (2, _SASARAN_KELEMBAGAAN, ("0001",), 85_000_000, 79_475_000, "93,50 %"),
        (3, _SASARAN_LAYANAN, ("0002", "0004"), 234_000_000, 216_320_000, "92,44 %"),
    ),
    dokumen_sasaran=DOKUMEN,
    tabel="tabel realisasi anggaran dan tabel kinerja dengan anggaran LKjIP 2026 (contoh)",
)

#: The 2026 answers average 91,24; the history workbook holds 2023-2025 as printed then.
DATA_SKM = DataSkm(91.24, ((2023, 89.20), (2024, 89.97), (2025, 90.87)), seed=skm.SEED + TAHUN)

_ILUSTRATIF_2026 = f"{ILUSTRATIF} (contoh {TAHUN})"

#: SAKIP 2022-2026, tingkat kematangan 2023-2026, efektivitas 2024-2026 and the comparisons.
DATA_EVALUASI = DataEvaluasi(
    sakip_rata_rata={y: v for y, v in evaluasi.SAKIP_RATA_RATA.items() if y >= 2022} | {TAHUN: 8435},
    sakip_setda={y: v for y, v in evaluasi.SAKIP_SETDA.items() if y >= 2022} | {TAHUN: 8702},
    kematangan_jumlah_total={
        y: v for y, v in evaluasi.KEMATANGAN_JUMLAH_TOTAL.items() if y >= 2023
    } | {TAHUN: 2424},
    nilai_sub_dimensi=dict(evaluasi.NILAI_SUB_DIMENSI)
    | {TAHUN: (96.40, 96.00, 96.80, 96.40, 96.40, 96.80, 96.40, 96.40)},
    pembanding=(
        (TAHUN, "PKP-1", "Nilai Rata-Rata SAKIP Perangkat Daerah", "provinsi", None, "tidak tersedia"),
        (TAHUN, "PKP-2", "Nilai Efektivitas Kelembagaan", "provinsi", None, "tidak tersedia"),
        *(row for row in evaluasi.PEMBANDING_BARIS if row[1] == "PKP-3" and row[0] >= 2024),
        (TAHUN, "PKP-3", "Indeks Kepuasan Masyarakat (IKM) Pemerintah Daerah", "provinsi", 90.12,
         _ILUSTRATIF_2026),
        *(row for row in evaluasi.PEMBANDING_BARIS if row[1] == "sakip_opd" and row[0] == 2025),
        (TAHUN, "sakip_opd", "Nilai SAKIP", "induk", 87.02, _ILUSTRATIF_2026),
        (TAHUN, "sakip_opd", "Nilai SAKIP", "kabupaten", 79.10, _ILUSTRATIF_2026),
        (TAHUN, "sakip_opd", "Nilai SAKIP", "provinsi", 88.90, _ILUSTRATIF_2026),
    ),
    sumber_pembanding=f"Sumber: catatan kantor atas LHE AKIP dan hasil SKM {TAHUN} (angka contoh).",
    acuan=f"contoh laporan tahun {TAHUN} kantor bawaan",
)

_B = ("-", "-")
#: The cascade of 2025-2029 with the 2026 targets of the indicators the agreement measures.
_TARGET_2026 = {
    "Nilai rata-rata SAKIP Perangkat Daerah": "84,00",
    "Nilai Efektivitas Kelembagaan": "96,00",
    "Indeks Kepuasan Masyarakat (IKM) Pemerintah Daerah": "90,50",
}
_KL1_NARASI = next(n for n in NARASI["2021-2025"] if n[0] == "KL-1")

#: The one agreement of 2026 (period 2025-2029): three main indicators and the budget one.
PERJANJIAN = (
    Perjanjian(
        PERIODE,
        f"PK {PERIODE}",
        DOKUMEN,
        (
            _Indikator(1, _SASARAN_SAKIP, "PKP-1", "Nilai Rata-Rata SAKIP Perangkat Daerah", "Nilai",
                       "sakip_rata_rata", (_B, _B, ("-", "83,11"), ("83,11", "83,78"), ("84,00", "84,35")),
                       "100,42%"),
            _Indikator(2, _SASARAN_KELEMBAGAAN, "PKP-2", "Nilai Efektivitas Kelembagaan", "Nilai",
                       "efektivitas_kelembagaan",
                       (_B, _B, ("-", 95.9), (95.9, 95.9), ("96,00", "96,44")), "100,46%"),
            _Indikator(3, _SASARAN_LAYANAN, "PKP-3",
                       "Indeks Kepuasan Masyarakat (IKM) Pemerintah Daerah", "Nilai", "ikm_pemda",
                       (_B, ("-", 89.20), ("-", 89.97), ("90,05", "90,87"), ("90,50", "91,24")),
                       "100,82%"),
        ),
        (
            _Indikator(1, "Meningkatnya Tatakelola Birokrasi Pemerintahan yang Efektif, Efisien dan "
                       "Akuntabel", "KL-1", "Persentase Realisasi Anggaran Bagian Organisasi", "%",
                       "persen_realisasi_anggaran",
                       (("-", "96,49%"), ("-", "95,54%"), ("-", "96,35%"), ("96,40%", "85,72%"),
                        ("96%", "93,98%")), "97,90%"),
        ),
        (
            *NARASI[PERIODE],
            (*_KL1_NARASI[:5],
             "Dua paket pengadaan jasa konsultansi evaluasi kelembagaan selesai di bawah pagu\n"
             "Sebagian rapat koordinasi dilaksanakan secara daring sehingga belanja perjalanan "
             "dinas tidak terpakai",
             "Menyusun pagu kegiatan berdasarkan harga perkiraan sendiri yang lebih cermat\n"
             "Mengalihkan sisa pagu ke kegiatan pendampingan perangkat daerah melalui pergeseran "
             "anggaran"),
        ),
        tuple(
            (tingkat, uraian, indikator, _TARGET_2026.get(indikator, target))
            for tingkat, uraian, indikator, target in PENJENJANGAN[PERIODE]
        ),
        "  {sheet} - Perjanjian Kinerja {tahun} (periode {periode}), satu baris per indikator; "
        "bagian KINERJA LAINNYA di bawahnya",
    ),
)

#: The office's own prose for 2026, where the 2025 text no longer holds (one period, one agreement).
KONTEN: dict[str, str] = {
    "bab2_penjenjangan.md": """\
<!-- BAB II, subbab II.1 Penjenjangan Strategis: pengantar (laporan tahun 2026, satu periode). -->
Penjenjangan strategis (*cascading*) menguraikan visi dan misi kepala daerah menjadi tujuan,
sasaran, program, kegiatan, dan sub kegiatan yang dikerjakan {instansi.nama}, sehingga setiap
indikator dapat ditelusuri sumbangannya sampai ke misi daerah yang didukung.

Tahun {tahun} adalah tahun kedua pelaksanaan dokumen perencanaan periode {periode_terkini.kode}.
Seluruh arah kinerja tahun ini mengacu pada dokumen tersebut, sehingga penjenjangan strategis
berikut hanya disajikan untuk satu periode perencanaan.
""",
    "bab2_perjanjian_kinerja.md": """\
<!-- BAB II, subbab II.3 Perjanjian Kinerja (laporan tahun 2026, satu perjanjian). -->
Perjanjian kinerja memuat janji pimpinan unit kepada atasannya tentang target kinerja yang akan
dicapai dalam satu tahun anggaran beserta sumber daya yang mendukungnya. Perjanjian ini dapat
ditinjau kembali di tengah tahun bila pejabatnya berganti atau rencana dan anggarannya berubah.

Pada tahun {tahun}, {instansi.nama} menandatangani satu perjanjian kinerja pada awal tahun dan
tidak melakukan perubahan sampai akhir tahun. Sasaran, indikator, dan target perjanjian tersebut
disajikan pada tabel berikut.
""",
}


def _konfigurasi(rules: dict) -> dict:
    """The default office's ``laporan.yml`` with what changes for the 2026 report."""
    settings = {**rules, "tahun": TAHUN, "tren_mulai": TAHUN - 4}
    settings["periode"] = [
        {**p, "dokumen_pk": DOKUMEN} if p["kode"] == PERIODE else p for p in rules["periode"]
    ]
    settings["penandatangan"] = {**rules["penandatangan"], "tanggal": dt.date(TAHUN + 1, 1, 29)}
    return settings


def write_proyek(target: Path, *, dari: Path | None = None) -> Path:
    """Write the default office's 2026 project at ``target`` and return it.

    The book, the notebooks and the prose are copied from the project at ``dari`` (this checkout
    by default); ``laporan.yml`` is ``dari``'s with the year, the trend start, the signing date
    and the agreement's name changed; the prose files of :data:`KONTEN` are the office's 2026
    text; ``data/raw`` holds the 2026 exports only.
    """
    root, raw, config = write_contoh(
        target,
        dari,
        f"# laporan.yml kantor bawaan untuk laporan tahun {TAHUN} (DATA SINTETIS), ditulis oleh\n"
        "# python -m lkjip contoh-tahun-berikut: tahun, tren_mulai, tanggal tanda tangan dan nama\n"
        f"# perjanjian periode {PERIODE} diubah dari laporan.yml tahun sebelumnya.",
        _konfigurasi,
    )
    for name, text in KONTEN.items():
        (root / "konten" / name).write_text(text, encoding="utf-8")
    anggaran.write(raw, config, DATA_ANGGARAN)
    skm.write(raw, config, DATA_SKM)
    evaluasi.write(raw, config, DATA_EVALUASI)
    perjanjian_kinerja.write(raw, config, PERJANJIAN)
    return root
