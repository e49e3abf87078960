"""Synthetic Perjanjian Kinerja workbook of the unit, reproducing the 2025 LKjIP agreements."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from lkjip.core.config import Config
from lkjip.synthetic._xlsx import save_deterministic

FILE_NAME = "perjanjian-kinerja.xlsx"

#: For the data log (``data/raw/README.md``): source system, content and layout, supplier.
DATA_LOG_ENTRY = (
    "Berkas kerja Subbagian Kinerja dan Reformasi Birokrasi (Excel, diketik staf dari dokumen "
    "Perjanjian Kinerja yang ditandatangani)",
    "sheet 'Keterangan'; 'PK 2021-2025' dan 'PK Perubahan 2025-2029': baris judul, judul kolom "
    "dua baris bergabung (tahun -> Target / Realisasi), satu baris per indikator, bagian "
    "'KINERJA LAINNYA' pada PK 2021-2025, sel 'N/A' dan '-', angka sebagian berupa teks "
    "('96,40%', '83,11') atau pecahan berformat persen; 'Narasi Indikator': formulasi, "
    "penjelasan, sumber data, upaya, kendala, solusi per indikator (butir dipisah baris baru); "
    "'Penjenjangan 2021-2025' dan 'Penjenjangan 2025-2029': matriks penjenjangan strategis",
    "Subbagian Kinerja dan Reformasi Birokrasi, Bagian Organisasi",
)

#: What each "Sumber Realisasi" key means; explained to the office on the "Keterangan" sheet.
ARTI_SUMBER_REALISASI = {
    "manual": "realisasi diketik kantor di sheet PK dan dipakai apa adanya",
    "skm_unit_minimal_baik": "dihitung dari data responden SKM: jumlah PD/UKPD dengan IKM "
    "minimal kategori Baik (B)",
    "kematangan_minimal_tinggi": "dihitung dari berkas kelembagaan: jumlah PD/UKPD dengan "
    "tingkat kematangan minimal Tinggi",
    "sakip_pd_minimal_baik": "dihitung dari berkas SAKIP: jumlah PD/UKPD dengan nilai SAKIP "
    "minimal Baik (predikat B)",
    "sakip_rata_rata": "dihitung dari berkas SAKIP: rata-rata nilai SAKIP perangkat daerah",
    "efektivitas_kelembagaan": "dihitung dari berkas kelembagaan: Nilai Efektivitas "
    "Kelembagaan (dimensi struktur + dimensi proses)",
    "ikm_pemda": "dihitung dari data responden SKM: rata-rata IKM seluruh unit yang disurvei",
    "persen_realisasi_anggaran": "dihitung dari Laporan Realisasi Anggaran: realisasi / pagu "
    "x 100%",
}


@dataclass(frozen=True)
class _Indikator:
    """One row of a PK sheet, with the cells exactly as the office typed them."""

    no: int
    sasaran: str
    kode: str
    indikator: str
    satuan: str
    sumber: str
    #: Per year, oldest first (report year - 4 .. report year): (target, realisasi) as typed.
    tahunan: tuple[tuple[object, object], ...]
    capaian: object
    #: Cells stored as a fraction with a percent number format:
    #: {(years before the report year, "target" | "realisasi")}.
    pecahan_persen: frozenset = frozenset()


_SASARAN_SKM = "Terwujudnya penataan organisasi dalam peningkatan pelayanan publik"
_SASARAN_KEMATANGAN = "Terwujudnya penataan organisasi dalam peningkatan kematangan kelembagaan"
_SASARAN_SAKIP = "Terwujudnya penataan organisasi dalam penerapan SAKIP"
_KL_TATA_KELOLA = (
    "Meningkatnya Tatakelola Birokrasi Pemerintahan yang Efektif, Efisien dan Akuntabel"
)
_KL_INOVASI = "Optimalisasi Kualitas Pelayanan melalui Pembangunan Inovasi yang mempunyai Nilai Tambah"

#: Perjanjian Kinerja 2025 (period 2021-2025): Tabel II.3.A, III.1.A and III.2.A of the seed.
#: Targets of earlier years are not in the seed: "-" as the office leaves them.
PK_UTAMA = (
    _Indikator(1, _SASARAN_SKM, "PK-1", "Jumlah PD/UKPD dengan nilai SKM minimal baik",
               "PD/UKPD", "skm_unit_minimal_baik",
               (("-", "N/A"), ("-", "N/A"), ("-", 57), ("-", 57), (57, 57)), 100),
    _Indikator(2, _SASARAN_KEMATANGAN, "PK-2",
               "Jumlah PD/UKPD dengan tingkat kematangan kelembagaan minimal tinggi",
               "PD/UKPD", "kematangan_minimal_tinggi",
               (("-", "N/A"), ("-", 48), ("-", 48), ("-", 48), (48, 48)), 100),
    _Indikator(3, _SASARAN_SAKIP, "PK-3", "Jumlah PD/UKPD dengan nilai SAKIP minimal baik",
               "PD/UKPD", "sakip_pd_minimal_baik",
               (("-", 48), ("-", 48), ("-", 48), ("-", 48), (48, 48)), 100),
)

#: "Kinerja lainnya" of the same agreement (Tabel III.2.A, second part). The realisasi
#: anggaran of the year before last is stored as a fraction formatted as a percentage.
PK_LAINNYA = (
    _Indikator(1, _KL_TATA_KELOLA, "KL-1", "Persentase Realisasi Anggaran Bagian Organisasi",
               "%", "persen_realisasi_anggaran",
               (("-", "90,64%"), ("-", "96,49 %"), ("-", 0.9554), ("-", 96.35),
                ("96,40%", "85,72%")),
               "88,92%", frozenset({(2, "realisasi")})),
    _Indikator(1, _KL_TATA_KELOLA, "KL-2", "Indeks Profesionalitas ASN Bagian Organisasi",
               "Indeks", "manual",
               (("-", 84.37), ("-", 78.13), ("-", "91,25"), ("-", "87,50"), ("86,50", 84.44)),
               "97,62%"),
    _Indikator(2, _KL_INOVASI, "KL-3",
               "Jumlah Inovasi yang terinternalisasi dan tersosialisasi serta berkelanjutan",
               "Inovasi", "manual",
               (("-", 2), ("-", 2), ("-", 3), ("-", 3), ("3 Inovasi", 3)), 100),
)

#: Perjanjian Kinerja Perubahan 2025 (period 2025-2029): Tabel II.3.B, III.1.B and III.2.B.
#: Only 2024 and 2025 realisasi are in the seed; "83.11" keeps the decimal point a staff
#: member typed.
PK_PERUBAHAN = (
    _Indikator(1, "Meningkatnya akuntabilitas kinerja Perangkat Daerah", "PKP-1",
               "Nilai Rata-Rata SAKIP Perangkat Daerah", "Nilai", "sakip_rata_rata",
               (("-", "-"), ("-", "-"), ("-", "-"), ("-", "83.11"), ("83,11", "83,78")),
               "100,81%"),
    _Indikator(2, "Terwujudnya kelembagaan tepat struktur dan tepat proses", "PKP-2",
               "Nilai Efektivitas Kelembagaan", "Nilai", "efektivitas_kelembagaan",
               (("-", "-"), ("-", "-"), ("-", "-"), ("-", 95.9), (95.9, 95.9)), 100),
    _Indikator(3, "Meningkatnya Persepsi Masyarakat Terhadap Layanan Publik Pemerintah Daerah",
               "PKP-3", "Indeks Kepuasan Masyarakat (IKM) Pemerintah Daerah", "Nilai",
               "ikm_pemda",
               (("-", "-"), ("-", "-"), ("-", "-"), ("-", 89.97), ("90,05", "90,87")),
               "100,91%"),
)

_PERIODE_PK = "2021-2025"
_PERIODE_PERUBAHAN = "2025-2029"

#: Office-owned text per indicator: (kode, formulasi, penjelasan, sumber data, upaya, kendala,
#: solusi). Items are separated by newlines; kendala and solusi only where capaian < 100 %.
NARASI = {
    _PERIODE_PK: (
        ("PK-1",
         "Jumlah PD/UKPD yang nilai Survei Kepuasan Masyarakat-nya berkategori Baik "
         "(76,61 – 88,30) atau Sangat Baik (88,31 – 100,00)",
         "Yang dihitung adalah PD/UKPD yang melaksanakan SKM menurut PermenPANRB Nomor 14 "
         "Tahun 2017 dan memperoleh IKM paling rendah berkategori Baik.\n"
         "Kategori mutu pelayanan: Tidak Baik 25,00 – 64,99; Kurang Baik 65,00 – 76,60; "
         "Baik 76,61 – 88,30; Sangat Baik 88,31 – 100,00.",
         "Rekap Laporan Hasil Survei Kepuasan Masyarakat PD/UKPD",
         "Menyebarkan panduan teknis SKM bagi PD/UKPD, lengkap dengan contoh kuesioner "
         "sembilan unsur dan cara menghitung sampel minimum\n"
         "Membuka layanan konsultasi SKM bagi petugas PD/UKPD sebelum dan selama masa survei\n"
         "Memeriksa laporan hasil SKM yang masuk dan meminta perbaikan bila jumlah responden "
         "belum mencapai sampel minimum\n"
         "Meminta PD/UKPD menuangkan tindak lanjut unsur bernilai terendah dalam rencana "
         "perbaikan layanan",
         None, None),
        ("PK-2",
         "Jumlah PD/UKPD dengan total skor 11 variabel kematangan kelembagaan berkategori "
         "Tinggi (37,1 – 46) atau Sangat Tinggi (46,1 – 55)",
         "Pengukuran tingkat kematangan menilai kesiapan perangkat daerah dari sisi tata "
         "laksana (proses bisnis), budaya organisasi dan inovasi, mengacu pada Permendagri "
         "Nomor 99 Tahun 2018.\n"
         "Setiap variabel diberi skor 1 sampai 5; jumlah skor menentukan kategori Sangat "
         "Rendah, Rendah, Sedang, Tinggi atau Sangat Tinggi.",
         "Laporan Hasil Evaluasi Tingkat Kematangan Kelembagaan Perangkat Daerah",
         "Menyampaikan jadwal evaluasi kematangan kelembagaan kepada seluruh PD/UKPD sejak "
         "awal tahun\n"
         "Mendampingi tim PD/UKPD mengisi lembar kerja dan menyiapkan bukti dukung setiap "
         "variabel\n"
         "Memverifikasi bukti dukung bersama tim penilai sebelum skor akhir ditetapkan\n"
         "Memberikan catatan perbaikan per variabel kepada PD/UKPD yang skornya dekat batas "
         "kategori",
         None, None),
        ("PK-3",
         "Jumlah PD/UKPD dengan nilai evaluasi SAKIP di atas 60 (predikat B atau lebih baik)",
         "Evaluasi SAKIP menilai cara perangkat daerah merencanakan, mengukur, melaporkan dan "
         "mengevaluasi kinerjanya (bobot Perencanaan 30, Pengukuran 30, Pelaporan 15, "
         "Evaluasi Internal 25).\n"
         "Predikat: D 0 – 30; C > 30 – 50; CC > 50 – 60; B > 60 – 70; BB > 70 – 80; "
         "A > 80 – 90; AA > 90 – 100.",
         "Laporan Hasil Evaluasi SAKIP Perangkat Daerah",
         "Memberikan asistensi penyusunan Renstra, Renja, Perjanjian Kinerja, IKU dan LKjIP "
         "kepada PD/UKPD\n"
         "Memeriksa keselarasan indikator kinerja antardokumen sebelum dokumen ditetapkan\n"
         "Melaksanakan evaluasi internal SAKIP secara berjenjang dan menyampaikan rekomendasi "
         "tertulis\n"
         "Memantau tindak lanjut rekomendasi evaluasi tahun sebelumnya di setiap PD/UKPD",
         None, None),
        ("KL-1",
         "Realisasi anggaran / Pagu anggaran x 100%",
         "Menggambarkan penyerapan anggaran Bagian Organisasi terhadap pagu dalam DPA tahun "
         "berjalan, dihitung dari laporan realisasi anggaran per sub kegiatan.",
         "Laporan Realisasi Anggaran Bagian Organisasi (SIPD)",
         "Menyusun rencana penarikan dana per triwulan dan membahasnya dalam rapat internal "
         "bulanan\n"
         "Mempercepat penyelesaian pertanggungjawaban kegiatan yang sudah terlaksana",
         "Refocusing dan penyesuaian anggaran di tengah tahun membuat sebagian rencana "
         "kegiatan harus disusun ulang\n"
         "Jadwal beberapa kegiatan bergeser karena menunggu kebijakan atau petunjuk teknis "
         "dari Kementerian/Lembaga dan Pemerintah Provinsi\n"
         "Kebutuhan belanja operasional berubah sehingga sisa pagu pada beberapa sub kegiatan "
         "tidak terserap",
         "Menyusun ulang jadwal kegiatan setelah refocusing agar sasaran Perjanjian Kinerja "
         "tetap terjaga\n"
         "Melaksanakan kegiatan yang tertunda pada triwulan berikutnya dengan pemantauan "
         "mingguan\n"
         "Mengusulkan pergeseran anggaran antarsub kegiatan sesuai kebutuhan nyata dan "
         "memperketat pengendalian belanja"),
        ("KL-2",
         "Indeks Profesionalitas ASN Bagian Organisasi",
         "Indeks Profesionalitas ASN mengukur kesesuaian kualifikasi, kompetensi, kinerja dan "
         "disiplin pegawai; nilainya diolah BKN/BKPSDM dari data kepegawaian.\n"
         "Kategori: Sangat Tinggi 91 – 100; Tinggi 81 – 90; Sedang 71 – 80; Rendah 61 – 70; "
         "Sangat Rendah ≤ 60.",
         "Rekapitulasi Indeks Profesionalitas ASN dari BKPSDM Kabupaten Mojokerto",
         "Mengikutsertakan pegawai dalam pelatihan teknis dan pengembangan kompetensi sesuai "
         "jabatannya\n"
         "Mengingatkan pegawai memperbarui riwayat pendidikan dan diklat di aplikasi "
         "kepegawaian",
         "Sebagian pegawai yang menduduki jabatan baru belum memenuhi kualifikasi pendidikan "
         "yang disyaratkan, sehingga nilai dimensi kualifikasi tertahan\n"
         "Sertifikat pelatihan dan seminar yang sudah diunggah ke aplikasi Segaran belum "
         "seluruhnya terbaca di MyASN, sehingga jam pengembangan kompetensi belum terhitung",
         "Memberikan informasi tugas belajar dan izin belajar kepada pegawai yang "
         "kualifikasinya belum sesuai syarat jabatan\n"
         "Berkoordinasi dengan BKPSDM agar data pengembangan kompetensi di Segaran dan MyASN "
         "tersinkron, disertai pengecekan data secara berkala\n"
         "Memeriksa kelengkapan data Indeks Profesionalitas ASN setiap triwulan agar kekurangan "
         "segera diperbaiki"),
        ("KL-3",
         "Jumlah inovasi Bagian Organisasi yang sudah diterapkan, dikenalkan kepada pengguna "
         "dan tetap berjalan pada tahun berjalan",
         "Sebuah inovasi dihitung bila sudah menjadi bagian dari cara kerja sehari-hari "
         "(terinternalisasi), sudah dikenalkan kepada pengguna (tersosialisasi) dan tetap "
         "dijalankan setelah tahun pertama (berkelanjutan).",
         "Daftar inovasi Bagian Organisasi dan laporan pemantauan inovasi",
         "Menunjuk penanggung jawab untuk setiap inovasi dan memasukkannya ke dalam SOP\n"
         "Mengenalkan inovasi kepada PD/UKPD melalui rapat koordinasi dan kanal informasi "
         "resmi\n"
         "Menilai manfaat setiap inovasi per semester dan menyempurnakan fitur yang jarang "
         "dipakai",
         None, None),
    ),
    _PERIODE_PERUBAHAN: (
        ("PKP-1",
         "(Σ Nilai SAKIP seluruh Perangkat Daerah) / (Jumlah Perangkat Daerah yang dinilai)",
         "Rata-rata nilai evaluasi SAKIP semua perangkat daerah yang dievaluasi pada tahun "
         "berjalan; menunjukkan akuntabilitas kinerja perangkat daerah secara keseluruhan.\n"
         "Komponen evaluasi: perencanaan kinerja, pengukuran kinerja, pelaporan kinerja dan "
         "evaluasi akuntabilitas kinerja internal.",
         "Laporan Hasil Evaluasi SAKIP Perangkat Daerah",
         "Menyelenggarakan bimbingan teknis SAKIP bagi perencana dan pengelola kinerja "
         "PD/UKPD\n"
         "Menyelaraskan indikator kinerja dalam dokumen perencanaan, penganggaran dan "
         "pelaporan melalui rapat koordinasi\n"
         "Menyerahkan hasil evaluasi SAKIP beserta rekomendasinya kepada pimpinan PD/UKPD "
         "sebagai bahan perbaikan",
         None, None),
        ("PKP-2",
         "Nilai Dimensi Struktur Organisasi (bobot 50%) + Nilai Dimensi Proses (bobot 50%)",
         "Evaluasi kelembagaan menurut PermenPANRB Nomor 20 Tahun 2018 memotret ketepatan "
         "struktur dan proses organisasi pemerintah daerah; hasilnya berupa peringkat "
         "komposit.\n"
         "Peringkat komposit: P1 0 – 20; P2 21 – 40; P3 41 – 60; P4 61 – 80; P5 81 – 100.",
         "Laporan Hasil Evaluasi Kelembagaan Pemerintah Daerah",
         "Mengoordinasikan pengisian instrumen evaluasi kelembagaan dan bukti dukungnya "
         "bersama perangkat daerah\n"
         "Menelaah usulan perubahan struktur organisasi agar sesuai beban kerja dan urusan\n"
         "Menyusun rekomendasi penyempurnaan proses bisnis dari hasil evaluasi kelembagaan",
         None, None),
        ("PKP-3",
         "(Σ Nilai IKM seluruh Perangkat Daerah/Unit Pelayanan) / (Jumlah Perangkat "
         "Daerah/Unit Pelayanan yang disurvei)",
         "Rata-rata IKM semua unit pelayanan yang melaksanakan Survei Kepuasan Masyarakat pada "
         "tahun berjalan; IKM tiap unit dihitung dari nilai rata-rata sembilan unsur "
         "pelayanan.\n"
         "Kategori mutu: Tidak Baik 25,00 – 64,99; Kurang Baik 65,00 – 76,60; Baik 76,61 – "
         "88,30; Sangat Baik 88,31 – 100,00.",
         "Laporan Hasil Survei Kepuasan Masyarakat Perangkat Daerah/Unit Pelayanan",
         "Menyediakan format baku kuesioner dan lembar olah data SKM bagi semua unit "
         "pelayanan\n"
         "Mengumpulkan dan memeriksa data mentah SKM dari unit pelayanan sebelum IKM "
         "pemerintah daerah dihitung\n"
         "Meminta unit pelayanan menindaklanjuti saran responden dan melaporkan hasilnya",
         None, None),
    ),
}

_PROGRAM = "Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota"
_KEGIATAN = "Penataan Organisasi"
_SUB_RB = "Peningkatan Kinerja dan Reformasi Birokrasi"
_SUB_LKJ = "Koordinasi dan Penyusunan Laporan Kinerja Pemerintah Daerah"
_SUB_KELEMBAGAAN = "Pengelolaan Kelembagaan dan Analisis Jabatan"
_SUB_FASILITASI = "Fasilitasi Pelayanan Publik dan Tata Laksana"
_SUB_MONEV = "Monitoring, Evaluasi dan Pengendalian Kualitas Pelayanan Publik dan Tata Laksana"

#: Tabel II.1.A/B: (tingkat, uraian, indikator, target as printed). The OCR of II.1.A mixes
#: up its rows; this is the order a cascade is written in (each sasaran, then its program,
#: kegiatan and sub kegiatan).
PENJENJANGAN = {
    _PERIODE_PK: (
        ("Tujuan", "Mewujudkan Integritas Sistem Akuntabilitas Kinerja Instansi Pemerintah di "
         "Kabupaten Mojokerto", "Nilai SAKIP Pemerintah Daerah", "79,05"),
        ("Sasaran", "Meningkatnya Tata kelola Pemerintahan yang Akuntabel",
         "Persentase PD/UKPD dengan Struktur Kelembagaan Tepat Fungsi dan Tepat Ukuran serta "
         "Akuntabel dengan Kategori minimal Baik", "100%"),
        ("Program", _PROGRAM, "Persentase PD/UKPD dengan nilai SAKIP minimal Baik", "100%"),
        ("Kegiatan", _KEGIATAN, "Jumlah PD/UKPD dengan nilai SAKIP minimal Baik", "48 PD/UKPD"),
        ("Sub Kegiatan", _SUB_RB, "Jumlah Dokumen Peningkatan Kinerja dan Reformasi Birokrasi",
         "5 Dokumen"),
        ("Sub Kegiatan", _SUB_LKJ,
         "Jumlah Dokumen Koordinasi dan Penyusunan Laporan Kinerja Pemerintah Daerah",
         "3 Dokumen"),
        ("Program", _PROGRAM,
         "Persentase PD/UKPD dengan Tingkat Kematangan Kelembagaan Minimal Tinggi", "100%"),
        ("Kegiatan", _KEGIATAN,
         "Jumlah PD/UKPD dengan Tingkat Kematangan Kelembagaan Minimal Tinggi", "48 PD/UKPD"),
        ("Sub Kegiatan", _SUB_KELEMBAGAAN,
         "Jumlah Dokumen Pengelolaan Kelembagaan dan Analisis Jabatan", "4 Dokumen"),
        ("Sasaran", "Meningkatnya Kualitas Pelayanan Publik", "Indeks Pelayanan Publik", "4,35"),
        ("Program", _PROGRAM, "Tingkat Kepatuhan Standar Pelayanan Publik", "93,85"),
        ("Kegiatan", _KEGIATAN, "Jumlah PD/UKPD dengan nilai SKM minimal baik", "57 PD/UKPD"),
        ("Sub Kegiatan", _SUB_FASILITASI,
         "Jumlah Laporan Hasil Fasilitasi Pelayanan Publik dan Tata Laksana", "3 Laporan"),
        ("Sub Kegiatan", _SUB_MONEV,
         "Jumlah Dokumen Monitoring, Evaluasi dan Pengendalian Kualitas Pelayanan Publik dan "
         "Tata Laksana", "4 Dokumen"),
    ),
    _PERIODE_PERUBAHAN: (
        ("Tujuan", "Mewujudkan Tata Kelola Pemerintahan yang Berintegritas, Transparan, "
         "Akuntabel dan Responsif", "Indeks Reformasi Birokrasi", "86,36"),
        ("Sasaran", "Meningkatnya kinerja birokrasi", "Nilai RB General", "76,25"),
        ("Program", _PROGRAM, "Nilai Aspek Pelaporan Kinerja (SAKIP)", "12,47"),
        ("Kegiatan", _KEGIATAN, "Nilai rata-rata SAKIP Perangkat Daerah", "83,11"),
        ("Sub Kegiatan", _SUB_RB, "Jumlah Dokumen Peningkatan Kinerja dan Reformasi Birokrasi",
         "6 Dokumen"),
        ("Sub Kegiatan", _SUB_LKJ,
         "Jumlah Dokumen Koordinasi dan Penyusunan Laporan Kinerja Pemerintah Daerah",
         "4 Dokumen"),
        ("Program", _PROGRAM, "Indeks Kematangan Organisasi", "49,5"),
        ("Kegiatan", _KEGIATAN, "Nilai Efektivitas Kelembagaan", "95,9"),
        ("Sub Kegiatan", _SUB_KELEMBAGAAN,
         "Jumlah Dokumen Pengelolaan Kelembagaan dan Analisis Jabatan", "4 Dokumen"),
        ("Program", _PROGRAM, "Opini Pengawasan Penyelenggaraan Pelayanan Publik", "93,85"),
        ("Kegiatan", _KEGIATAN, "Indeks Kepuasan Masyarakat (IKM) Pemerintah Daerah", "90,05"),
        ("Sub Kegiatan", _SUB_FASILITASI,
         "Jumlah Laporan Hasil Fasilitasi Pelayanan Publik dan Tata Laksana", "3 Laporan"),
        ("Sub Kegiatan", _SUB_MONEV,
         "Jumlah Dokumen Monitoring, Evaluasi dan Pengendalian Kualitas Pelayanan Publik dan "
         "Tata Laksana", "4 Dokumen"),
    ),
}

#: Fixed columns of a PK sheet, before the per-year Target/Realisasi pairs.
PK_COLUMNS = ("No", "Sasaran", "Kode", "Indikator Kinerja", "Satuan", "Polaritas",
              "Sumber Realisasi")


@dataclass(frozen=True)
class Perjanjian:
    """One agreement of the workbook: its sheet, indicators, narrative and cascade."""

    periode: str
    sheet: str
    #: The agreement's name when ``laporan.yml`` names none for the period.
    dokumen: str
    utama: tuple[_Indikator, ...]
    lainnya: tuple[_Indikator, ...]
    #: (kode, formulasi, penjelasan, sumber data, upaya, kendala, solusi) per indicator.
    narasi: tuple[tuple, ...]
    #: (tingkat, uraian, indikator, target as printed) in cascade order.
    penjenjangan: tuple[tuple[str, str, str, str], ...]
    #: The line describing the sheet on "Keterangan" (``{sheet}``, ``{tahun}``, ``{periode}``).
    keterangan: str


#: The default office's two agreements of 2025.
BAWAAN = (
    Perjanjian(
        _PERIODE_PK,
        f"PK {_PERIODE_PK}",
        "Perjanjian Kinerja",
        PK_UTAMA,
        PK_LAINNYA,
        NARASI[_PERIODE_PK],
        PENJENJANGAN[_PERIODE_PK],
        "  {sheet} - Perjanjian Kinerja {tahun} (dokumen perencanaan periode {periode}), satu "
        "baris per indikator; bagian KINERJA LAINNYA di bawahnya",
    ),
    Perjanjian(
        _PERIODE_PERUBAHAN,
        f"PK Perubahan {_PERIODE_PERUBAHAN}",
        "Perjanjian Kinerja Perubahan",
        PK_PERUBAHAN,
        (),
        NARASI[_PERIODE_PERUBAHAN],
        PENJENJANGAN[_PERIODE_PERUBAHAN],
        "  {sheet} - Perjanjian Kinerja Perubahan {tahun} (periode {periode})",
    ),
)

_BOLD = Font(bold=True)
_TITLE = Font(bold=True, size=12)
_NOTE = Font(italic=True, color="C00000")
_HEADER_FILL = PatternFill("solid", fgColor="D9E1F2")
_SECTION_FILL = PatternFill("solid", fgColor="F2F2F2")
_THIN = Side(style="thin")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
_WRAP = Alignment(vertical="top", wrap_text=True)


def write(out_dir: Path, config: Config, perjanjian: tuple[Perjanjian, ...] = BAWAAN) -> list[Path]:
    """Write ``perjanjian-kinerja.xlsx`` into ``out_dir``.

    The workbook imitates the office's own Perjanjian Kinerja file: one sheet per agreement
    (title rows, a merged two-row header with Target/Realisasi per year, a "KINERJA LAINNYA"
    section, "N/A" and "-" cells, numbers partly typed as Indonesian text), the office's
    narrative per indicator, and the strategic cascade of each planning period.

    Parameters
    ----------
    out_dir : Path
        Folder to write into (created if needed).
    config : Config
        Report configuration: year, institution and the agreements' names per period.
    perjanjian : tuple of Perjanjian
        The agreements; the default office's unless another office's are given.

    Returns
    -------
    list of Path
        The single workbook written; re-running gives a byte-identical file.
    """
    wb = Workbook()
    _keterangan(wb.active, config, perjanjian)
    names = {pk.periode: _dokumen(config, pk.periode, pk.dokumen) for pk in perjanjian}
    for pk in perjanjian:
        _pk_sheet(wb.create_sheet(pk.sheet), config, names[pk.periode], pk.periode, pk.utama, pk.lainnya)
    _narasi_sheet(
        wb.create_sheet("Narasi Indikator"),
        config,
        {names[pk.periode]: pk.narasi for pk in perjanjian},
        {item.kode: item.indikator for pk in perjanjian for item in (*pk.utama, *pk.lainnya)},
    )
    for pk in perjanjian:
        _penjenjangan_sheet(wb.create_sheet(f"Penjenjangan {pk.periode}"), config, pk)
    return [save_deterministic(wb, Path(out_dir) / FILE_NAME)]


def _dokumen(config: Config, kode: str, default: str) -> str:
    """The agreement's name for a period as configured (the reader matches on it)."""
    return next((p.dokumen_pk for p in config.periode if p.kode == kode), default)


def _keterangan(ws: Worksheet, config: Config, perjanjian: tuple[Perjanjian, ...]) -> None:
    ws.title = "Keterangan"
    tahun = config.tahun
    lines = [
        "DATA SINTETIS",
        "Berkas ini dibuat oleh program (modul lkjip.synthetic, perintah "
        "`python -m lkjip contoh-data`), bukan berkas kerja asli kantor.",
        f"Angka-angkanya disalin dari LKjIP {tahun} {config.instansi.nama_lengkap} (Tabel II.1, "
        "II.3, III.1 dan III.2); teks narasi ditulis ulang sebagai contoh.",
        "Ganti berkas ini dengan berkas kerja kantor yang bernama sama dan bertata letak sama.",
        "",
        "Sheet:",
        *(pk.keterangan.format(sheet=pk.sheet, tahun=tahun, periode=pk.periode) for pk in perjanjian),
        "    Kolom per tahun: Target dan Realisasi; 'N/A' = data tidak tersedia, '-' = tidak "
        "tercantum. Kolom Capaian = capaian tahun laporan seperti tercetak.",
        "    Polaritas: Positif (makin tinggi makin baik) atau Negatif (makin rendah makin baik).",
        "  Narasi Indikator - formulasi, penjelasan, sumber data, upaya, kendala dan solusi per "
        "indikator; satu butir per baris di dalam sel (Alt+Enter)",
        "  Penjenjangan <periode> - matriks penjenjangan strategis: tujuan, sasaran, program, "
        "kegiatan, sub kegiatan dengan indikator dan targetnya (ditulis seperti tercetak)",
        "",
        "Arti kolom 'Sumber Realisasi' (dari mana angka realisasi yang dipakai laporan berasal):",
        *(f"  {kunci} - {arti}" for kunci, arti in ARTI_SUMBER_REALISASI.items()),
        "  (kosong) - sama dengan manual",
        "Bila sumbernya bukan manual, realisasi yang diketik di sheet PK tetap disimpan sebagai "
        "angka tercetak dan dibandingkan dengan hasil hitungan pada tahap reviu.",
    ]
    for i, line in enumerate(lines, start=1):
        ws.cell(i, 1, line)
    ws["A1"].font = Font(bold=True, size=14, color="C00000")
    ws.column_dimensions["A"].width = 120


def _titles(ws: Worksheet, lines: list[str], width: int) -> None:
    for i, text in enumerate(lines, start=1):
        ws.cell(i, 1, text).font = _TITLE
        ws.cell(i, 1).alignment = Alignment(horizontal="center")
        ws.merge_cells(start_row=i, start_column=1, end_row=i, end_column=width)


def _pk_sheet(
    ws: Worksheet,
    config: Config,
    dokumen: str,
    periode: str,
    utama: tuple[_Indikator, ...],
    lainnya: tuple[_Indikator, ...],
) -> None:
    tahun = config.tahun
    years = list(range(tahun - 4, tahun + 1))
    width = len(PK_COLUMNS) + 2 * len(years) + 1
    _titles(ws, [
        f"{dokumen.upper()} TAHUN {tahun}",
        f"{config.instansi.nama.upper()} {config.instansi.induk.upper()} "
        f"{config.wilayah.upper()}",
        f"Sesuai Dokumen Perencanaan Periode {periode}",
    ], width)
    ws.cell(4, 1, "DATA SINTETIS - dibuat oleh lkjip.synthetic").font = _NOTE

    top, sub = 6, 7
    for col, label in enumerate(PK_COLUMNS, start=1):
        ws.cell(top, col, label)
        ws.merge_cells(start_row=top, start_column=col, end_row=sub, end_column=col)
    for i, year in enumerate(years):
        col = len(PK_COLUMNS) + 1 + 2 * i
        ws.cell(top, col, year)
        ws.merge_cells(start_row=top, start_column=col, end_row=top, end_column=col + 1)
        ws.cell(sub, col, "Target")
        ws.cell(sub, col + 1, "Realisasi")
    ws.cell(top, width, f"Capaian {tahun} (%)")
    ws.merge_cells(start_row=top, start_column=width, end_row=sub, end_column=width)
    for row in (top, sub):
        for col in range(1, width + 1):
            cell = ws.cell(row, col)
            cell.font, cell.alignment, cell.border, cell.fill = _BOLD, _CENTER, _BOX, _HEADER_FILL

    row = sub + 1
    row = _indikator_rows(ws, row, utama, width)
    if lainnya:
        ws.cell(row, 1, "KINERJA LAINNYA")
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=width)
        ws.cell(row, 1).font, ws.cell(row, 1).fill = _BOLD, _SECTION_FILL
        row = _indikator_rows(ws, row + 1, lainnya, width)
    ws.cell(row + 1, 1, "Catatan: N/A = data tidak tersedia; \"-\" = tidak tercantum dalam "
                        "dokumen. Arti kolom Sumber Realisasi: lihat sheet Keterangan.")
    ws.cell(row + 1, 1).font = Font(italic=True)
    ws.merge_cells(start_row=row + 1, start_column=1, end_row=row + 1, end_column=width)

    widths = [5, 34, 8, 40, 10, 10, 26] + [9] * (2 * len(years)) + [12]
    for col, w in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(col)].width = w
    ws.freeze_panes = ws.cell(sub + 1, len(PK_COLUMNS) + 1)


def _indikator_rows(ws: Worksheet, first: int, items: tuple[_Indikator, ...], width: int) -> int:
    """Write one row per indicator; staff merge No and Sasaran over a sasaran's indicators."""
    row = first
    for i, item in enumerate(items):
        continues = i > 0 and items[i - 1].no == item.no and items[i - 1].sasaran == item.sasaran
        values: list[object] = [
            None if continues else item.no,
            None if continues else item.sasaran,
            item.kode, item.indikator, item.satuan, "Positif", item.sumber,
        ]
        for target, realisasi in item.tahunan:
            values += [target, realisasi]
        values.append(item.capaian)
        for col, value in enumerate(values, start=1):
            cell = ws.cell(row, col, value)
            cell.border = _BOX
            cell.alignment = _WRAP if col in (2, 4) else _CENTER
        for offset, kind in item.pecahan_persen:
            col = len(PK_COLUMNS) + 1 + 2 * (4 - offset) + (kind == "realisasi")
            ws.cell(row, col).number_format = "0.00%"
        if continues:
            for col in (1, 2):
                ws.merge_cells(start_row=row - 1, start_column=col, end_row=row, end_column=col)
        row += 1
    return row


def _narasi_sheet(
    ws: Worksheet, config: Config, narasi: dict[str, tuple[tuple, ...]], names: dict[str, str]
) -> None:
    labels = ["No", "Dokumen", "Kode", "Indikator Kinerja", "Formulasi", "Penjelasan",
              "Sumber Data", "Upaya", "Kendala", "Solusi"]
    _titles(ws, [
        f"NARASI INDIKATOR KINERJA TAHUN {config.tahun}",
        f"{config.instansi.nama.upper()} {config.instansi.induk.upper()} "
        f"{config.wilayah.upper()}",
    ], len(labels))
    ws.cell(3, 1, "DATA SINTETIS - teks contoh, ditulis ulang; ganti dengan narasi kantor").font = (
        _NOTE
    )
    header = 5
    for col, label in enumerate(labels, start=1):
        cell = ws.cell(header, col, label)
        cell.font, cell.alignment, cell.border, cell.fill = _BOLD, _CENTER, _BOX, _HEADER_FILL
    row, no = header + 1, 1
    for dokumen, items in narasi.items():
        for kode, *texts in items:
            values = [no, dokumen, kode, names[kode], *texts]
            for col, value in enumerate(values, start=1):
                cell = ws.cell(row, col, value)
                cell.border, cell.alignment = _BOX, _WRAP
            row, no = row + 1, no + 1
    for col, w in enumerate([5, 26, 8, 34, 40, 60, 30, 60, 60, 60], start=1):
        ws.column_dimensions[get_column_letter(col)].width = w
    ws.freeze_panes = ws.cell(header + 1, 4)


def _penjenjangan_sheet(ws: Worksheet, config: Config, pk: Perjanjian) -> None:
    labels = ["No", "Tingkat", "Tujuan/Sasaran/Program/Kegiatan/Sub Kegiatan", "Indikator",
              "Target"]
    _titles(ws, [
        "MATRIKS PENJENJANGAN STRATEGIS",
        f"{config.instansi.nama.upper()} {config.instansi.induk.upper()} "
        f"{config.wilayah.upper()}",
        f"Sesuai Dokumen Perencanaan Periode {pk.periode}",
    ], len(labels))
    ws.cell(4, 1, "DATA SINTETIS - disalin dari LKjIP, urutan disusun ulang").font = _NOTE
    header = 6
    for col, label in enumerate(labels, start=1):
        cell = ws.cell(header, col, label)
        cell.font, cell.alignment, cell.border, cell.fill = _BOLD, _CENTER, _BOX, _HEADER_FILL
    for i, (tingkat, uraian, indikator, target) in enumerate(pk.penjenjangan, start=1):
        row = header + i
        for col, value in enumerate([i, tingkat, uraian, indikator, target], start=1):
            cell = ws.cell(row, col, value)
            cell.border, cell.alignment = _BOX, _WRAP
        if tingkat in ("Tujuan", "Sasaran"):
            for col in range(1, len(labels) + 1):
                ws.cell(row, col).font = _BOLD
    for col, w in enumerate([5, 14, 50, 50, 14], start=1):
        ws.column_dimensions[get_column_letter(col)].width = w
