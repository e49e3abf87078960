"""A second, small office: a province unit with one Perjanjian Kinerja and a budget export only.

It exists to prove that a report comes from an office's own exports, ``laporan.yml`` and prose
without touching code. The office, its province and every figure are invented (``DATA
SINTETIS``), and nothing in it comes from the default office. What it has and the default
office has not: a province as its own region (no kabupaten), one planning period and one
agreement, a sasaran at kegiatan level funded by both sub-kegiatan with a sasaran under it for
each sub-kegiatan (so every sub-kegiatan funds two sasaran), and no SKM, SAKIP, kelembagaan or
comparison figures at all.

Hand-worked figures (the tests check them): sub-kegiatan 0001 Rp245.500.000 / Rp231.870.250
(94,45%), 0002 Rp154.300.000 / Rp139.998.400 (90,73%), total Rp399.800.000 / Rp371.868.650
(93,01%); capaian IK-1 92,5 / 90 = 102,78%, IK-2 36 / 40 = 90,00%, IK-3 (realisasi anggaran,
from the LRA) 93,01 / 95 = 97,91%; their mean 96,89%; efisiensi 96,89 − 93,01 = 3,88 poin.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from lkjip.synthetic import anggaran, perjanjian_kinerja
from lkjip.synthetic._proyek import write_contoh
from lkjip.synthetic.anggaran import DataAnggaran
from lkjip.synthetic.perjanjian_kinerja import Perjanjian, _Indikator

PERIODE = "2025-2029"
DOKUMEN = "Perjanjian Kinerja"

#: The office's own settings. The national rules (SKM, SAKIP, kematangan, efektivitas) are not
#: written: they are the defaults (:data:`lkjip.core.config.ATURAN_BAWAAN`); the number format is
#: copied from the project the small office starts from (:data:`ATURAN`).
KONFIGURASI: dict = {
    "tahun": 2025,
    "instansi": {
        "nama": "Bagian Kelembagaan",
        "induk": "Biro Organisasi Sekretariat Daerah",
        "nama_lengkap": "Bagian Kelembagaan Biro Organisasi Sekretariat Daerah Provinsi Tanjung Harapan",
        "singkatan": "Bagian Kelembagaan Biro Organisasi Setda Provinsi Tanjung Harapan",
        "alamat": "Jl. Contoh Raya No. 1, Kota Harapan Jaya (alamat sintetis)",
    },
    "provinsi": "Tanjung Harapan",
    "periode": [
        {
            "kode": PERIODE,
            "mulai": 2025,
            "selesai": 2029,
            "dokumen": "Rencana Pembangunan Jangka Menengah Daerah Provinsi Tanjung Harapan Tahun "
            "2025-2029 (dokumen sintetis)",
            "visi": "Tanjung Harapan yang Maju, Melayani dan Berkelanjutan (visi sintetis)",
            "misi": [
                "Mewujudkan tata kelola pemerintahan yang efektif, bersih dan melayani",
                "Meningkatkan kualitas sumber daya manusia dan daya saing daerah",
                "Membangun infrastruktur yang merata dan ramah lingkungan",
            ],
            "misi_didukung": 1,
            "dokumen_pk": DOKUMEN,
        }
    ],
    "tren_mulai": 2021,
    # The organisation chart of BAB I.2 (invented heads, like everything of this office).
    "publikasi": {
        "bagan": {
            "kepala": {"jabatan": "Kepala Bagian Kelembagaan", "nama": "Rina Marlina, S.Sos., M.AP."},
            "unit": [
                {"nama": "Subbagian Penataan Kelembagaan",
                 "kepala": {"jabatan": "Kepala Subbagian", "nama": "Andi Pratama, S.AP."}},
                {"nama": "Subbagian Analisis Jabatan",
                 "kepala": {"jabatan": "Kepala Subbagian", "nama": "Sari Wulandari, S.E."}},
            ],
        }
    },
    "penandatangan": {
        "nama": "Rina Marlina, S.Sos., M.AP.",
        "jabatan": "Kepala Bagian Kelembagaan",
        "pangkat": "Pembina",
        "golongan": "IV/a",
        "nip": "197803122005012004",
        "kota": "Harapan Jaya",
        "tanggal": dt.date(2026, 1, 28),
    },
}

#: Keys of ``laporan.yml`` copied from the project the office starts from.
ATURAN = ("format",)

_KEGIATAN = "4.01.01.2.13"
_SUB_KELEMBAGAAN = "Pengelolaan Kelembagaan dan Analisis Jabatan"
_SUB_FASILITASI = "Fasilitasi Penataan Kelembagaan Perangkat Daerah"
_SASARAN_KEGIATAN = "Meningkatnya kualitas kelembagaan perangkat daerah provinsi"
_SASARAN_ANJAB = "Tersusunnya analisis jabatan dan analisis beban kerja perangkat daerah"
_SASARAN_ANGGARAN = "Terlaksananya fasilitasi penataan kelembagaan secara akuntabel"

#: The budget export of 2025 and the four years before it.
DATA_ANGGARAN = DataAnggaran(
    kode_kegiatan=_KEGIATAN,
    hierarki=(
        ("4", "UNSUR PENDUKUNG URUSAN PEMERINTAHAN"),
        ("4.01", "SEKRETARIAT DAERAH"),
        ("4.01.01", "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH PROVINSI"),
        (_KEGIATAN, "Penataan Organisasi"),
    ),
    sub_kegiatan=(
        ("0001", _SUB_KELEMBAGAAN, 245_500_000, 231_870_250, "94,45"),
        ("0002", _SUB_FASILITASI, 154_300_000, 139_998_400, "90,73"),
    ),
    total=(399_800_000, 371_868_650, "93,01"),
    riwayat=(
        (4, 310_000_000, 285_200_000, "92,00"),
        (3, 335_000_000, 318_250_000, "95,00"),
        (2, 352_000_000, 327_360_000, "93,00"),
        (1, 380_000_000, 359_100_000, "94,50"),
    ),
    # The kegiatan-level sasaran is funded by both sub-kegiatan; each sub-kegiatan also funds
    # the sasaran under it.
    sasaran=(
        (1, _SASARAN_KEGIATAN, ("0001", "0002"), 399_800_000, 371_868_650, "93,01 %"),
        (2, _SASARAN_ANJAB, ("0001",), 245_500_000, 231_870_250, "94,45 %"),
        (3, _SASARAN_ANGGARAN, ("0002",), 154_300_000, 139_998_400, "90,73 %"),
    ),
    dokumen_sasaran=DOKUMEN,
    kode_skpd="4.01.0.00.0.00.01.0000",
    kode_unit="4.01.0.00.0.00.01.0003",
    tabel="tabel realisasi anggaran dan tabel kinerja dengan anggaran",
)

_BELUM = ("-", "-")

#: The one agreement of 2025 (period 2025-2029), three main indicators.
PERJANJIAN = (
    Perjanjian(
        PERIODE,
        f"PK {PERIODE}",
        DOKUMEN,
        (
            _Indikator(1, _SASARAN_KEGIATAN, "IK-1",
                       "Persentase perangkat daerah dengan struktur organisasi tepat fungsi", "%",
                       "manual", (_BELUM, _BELUM, _BELUM, ("-", "85,00"), ("90", "92,5")), "102,78%"),
            _Indikator(2, _SASARAN_ANJAB, "IK-2",
                       "Jumlah dokumen analisis jabatan perangkat daerah yang ditetapkan", "Dokumen",
                       "manual", (_BELUM, _BELUM, _BELUM, ("-", 31), (40, 36)), "90,00%"),
            _Indikator(3, _SASARAN_ANGGARAN, "IK-3",
                       "Persentase realisasi anggaran fasilitasi penataan kelembagaan", "%",
                       "persen_realisasi_anggaran",
                       (_BELUM, _BELUM, _BELUM, ("-", "94,50%"), ("95%", "93,01%")), "97,91%"),
        ),
        (),
        (
            ("IK-1", "Perangkat daerah yang strukturnya dinilai tepat fungsi / seluruh perangkat "
             "daerah provinsi × 100%",
             "Struktur dinilai tepat fungsi bila tugas setiap unit tidak tumpang tindih dan "
             "sesuai urusan yang diampu.", "Hasil penilaian struktur organisasi oleh Bagian "
             "Kelembagaan", "Menilai struktur setiap perangkat daerah bersama biro hukum\n"
             "Menyusun rekomendasi penyederhanaan unit", None, None),
            ("IK-2", "Jumlah dokumen analisis jabatan yang ditetapkan gubernur dalam tahun berjalan",
             "Satu dokumen memuat analisis jabatan dan beban kerja satu perangkat daerah.",
             "Keputusan penetapan analisis jabatan", "Mendampingi perangkat daerah menyusun "
             "peta jabatan", "Empat perangkat daerah terlambat menyerahkan data beban kerja",
             "Menjadwalkan pendampingan lebih awal pada tahun berikutnya"),
            ("IK-3", "Realisasi anggaran / pagu anggaran × 100%",
             "Penyerapan anggaran kedua sub kegiatan yang mendanai penataan kelembagaan.",
             "Laporan Realisasi Anggaran SIPD", "Memantau rencana penarikan dana setiap bulan",
             "Sebagian perjalanan dinas pendampingan tidak terlaksana",
             "Menyusun jadwal pendampingan yang lebih rinci sejak awal tahun"),
        ),
        (
            ("Tujuan", "Mewujudkan birokrasi provinsi yang efektif dan efisien",
             "Indeks Reformasi Birokrasi", "75,00"),
            ("Sasaran", _SASARAN_KEGIATAN,
             "Persentase perangkat daerah dengan struktur organisasi tepat fungsi", "90%"),
            ("Program", "Program Penunjang Urusan Pemerintahan Daerah Provinsi",
             "Persentase perangkat daerah dengan struktur organisasi tepat fungsi", "90%"),
            ("Kegiatan", "Penataan Organisasi",
             "Persentase realisasi anggaran fasilitasi penataan kelembagaan", "95%"),
            ("Sub Kegiatan", _SUB_KELEMBAGAAN,
             "Jumlah dokumen analisis jabatan perangkat daerah yang ditetapkan", "40 Dokumen"),
            ("Sub Kegiatan", _SUB_FASILITASI,
             "Persentase realisasi anggaran fasilitasi penataan kelembagaan", "95%"),
        ),
        "  {sheet} - Perjanjian Kinerja {tahun} (periode {periode}), satu baris per indikator",
    ),
)


def write_proyek(target: Path, *, dari: Path | None = None) -> Path:
    """Write the small office's project at ``target`` and return it.

    The book's files (notebooks, chapters, ``_quarto.yml``) are copied from the project at
    ``dari`` (this checkout by default); ``laporan.yml`` is the office's own (with the number
    format of ``dari``'s), ``data/raw`` holds its two exports only. The prose in ``konten/`` is left as
    copied: the command line replaces it with the neutral starting set (``konten-awal``).
    """
    root, raw, config = write_contoh(
        target,
        dari,
        "# laporan.yml kantor contoh kedua (DATA SINTETIS), ditulis oleh python -m lkjip contoh-kantor",
        lambda rules: KONFIGURASI | {key: rules[key] for key in ATURAN if key in rules},
    )
    anggaran.write(raw, config, DATA_ANGGARAN)
    perjanjian_kinerja.write(raw, config, PERJANJIAN)
    return root
