"""Write the whole synthetic default data set and its data log (``data/raw/README.md``)."""

from __future__ import annotations

from pathlib import Path

from lkjip.core.config import Config
from lkjip.core.hashing import sha256
from lkjip.synthetic import anggaran, evaluasi, perjanjian_kinerja, skm

#: The generator modules, each writing its own workbooks.
GENERATORS = (anggaran, skm, evaluasi, perjanjian_kinerja)


def data_log_entries() -> dict[str, tuple[str, str, str]]:
    """Per file: (source system, what it holds and how it is laid out, who supplies it).

    Each generator module describes its own files, in ``DATA_LOG`` (a mapping) or in
    ``FILE_NAME`` with ``DATA_LOG_ENTRY`` (one file).
    """
    entries: dict[str, tuple[str, str, str]] = {}
    for module in GENERATORS:
        entries.update(getattr(module, "DATA_LOG", {}))
        if hasattr(module, "DATA_LOG_ENTRY"):
            entries[module.FILE_NAME] = module.DATA_LOG_ENTRY
    return entries

_HEADER = """# Data log: `data/raw/`

> **DATA SINTETIS.** Semua berkas di folder ini dibuat oleh program
> (`python -m lkjip contoh-data`, kode di `src/lkjip/synthetic/`, benih acak tetap) agar
> laporan dapat dibangun dan diuji tanpa berkas pribadi kantor. Angka-angkanya dibuat supaya
> menghasilkan kembali angka LKjIP 2025 Bagian Organisasi Setda Kabupaten Mojokerto; nama
> responden dan nomor telepon adalah palsu. Menjalankan ulang pembuat data menghasilkan berkas
> yang identik byte demi byte.

Folder ini **tidak pernah diubah** oleh pipeline: ekspor baru dari kantor cukup diletakkan di
sini (mengganti berkas contoh) lalu `python -m lkjip build` dijalankan. Berkas dikenali dari
namanya (pola di `lkjip.ingest.SOURCES`); tata letaknya dikenali dari isinya (judul, kata pada
judul kolom, pola kode), pada sheet mana pun. Selain templat di bawah, dibaca juga ekspor seperti
yang dihasilkan sistem kantor (bagian "Tata letak yang dibaca"). `python -m lkjip kenali`
menyebut, per berkas, tata letak yang dikenali, kolom yang dibaca sebagai apa, dan apa yang belum
dapat diputuskan.

Data pribadi: kolom nama, nomor HP/telepon, NIK, email, dan setiap kolom lain yang tidak ada
dalam kontrak data dibuang saat pembacaan dan tidak pernah ditulis ke `data/processed/`
(lihat `manifest.json`, bagian `catatan`).
"""


_TATA_LETAK = """## Tata letak yang dibaca

Contoh di bawah diringkas; uji `tests/test_tata_letak_*.py` membuat setiap tata letak dari angka
data bawaan dan memeriksa bahwa tabel kuncinya sama dengan hasil data bawaan.

### Anggaran (`realisasi-anggaran*`: .xlsx, .xls, .ods, halaman HTML yang disimpan .xls/.xlsx)

Satu tabel realisasi per sub kegiatan wajib ada, di sheet mana pun; dua tabel kantor opsional,
di workbook yang sama atau di berkas lain bernama `realisasi-anggaran*` (mis.
`realisasi-anggaran-kantor.xlsx`). Tanpa rekap tahun sebelumnya laporan tidak memuat tren
anggaran; tanpa tabel anggaran per sasaran tidak memuat tabel kinerja dan anggaran per sasaran;
catatan langkah data menyebut yang tidak ada.

SIPD "Laporan Realisasi Anggaran per Sub Kegiatan" (`Sheet1`): rekening belanja di bawah setiap
sub kegiatan adalah rinciannya (dijumlah dan dicocokkan, tidak pernah dikarantina).

| KODE REKENING | URAIAN | ANGGARAN | REALISASI | SISA | % |
|---|---|---|---|---|---|
| 1 | 2 | 3 | 4 | 5 | 6 |
| 4.01.01.2.13 | Penataan Organisasi | 796.858.170 | 683.074.125 | ... | 85,72 |
| 4.01.01.2.13.0001 | Pengelolaan Kelembagaan dan Analisis Jabatan | 81.373.500 | 57.921.700 | ... | 71,18 |
| 5 / 5.1 / 5.1.02 / ... / 5.1.02.01.01.0024 | Belanja ... | ... | ... | ... | ... |
| JUMLAH | | 796.858.170 | 683.074.125 | ... | 85,72 |

Kode sub kegiatan gaya lama dua angka (`4.01.01.2.13.01`) dibaca sebagai `4.01.01.2.13.0001`,
dengan catatan. Tabel RFK (aplikasi pendamping SIPD), juga sebagai HTML yang disimpan `.xls`:

| Kode (5 kolom) | Uraian | RKA SIPD (Rp.) | DPA (Rp.) | Realisasi Keuangan (Rp.) | Capaian ( % ) |
|---|---|---|---|---|---|
| 4 · 01 · 01 · 2.13 · 0001 | Pengelolaan ... | 81.373.500 | 81.373.500 | 57.921.700 | 71,18 |

Tabel kantor: `Tahun | Pagu Anggaran | Realisasi | Persentase` (tahun sebelumnya) dan
`No | Dokumen | Sasaran | Kode Sub Kegiatan | Alokasi Anggaran | Realisasi Anggaran | Capaian Anggaran`.

### SKM (`skm-responden*`: .xlsx, .xls, .ods)

Ekspor e-SKM (templat di bawah); ekspor Google Forms; sheet "Format Permenpan" e-SKM. Pertanyaan
dicocokkan dengan unsur menurut isinya (persyaratan, prosedur, waktu, biaya, produk, kompetensi,
perilaku, pengaduan, sarana), bukan urutannya: pertanyaan 8 kuesioner PermenPANRB 14/2017
(sarana) menjadi unsur Sarana dan Prasarana, pertanyaan 9 (pengaduan) unsur Penanganan Pengaduan.
Jawaban berupa kata kuesioner ("Sangat sesuai" ... "Tidak sesuai", "Sangat cepat", "Gratis",
"Dikelola dengan baik" ...) atau 1-4. Ekspor tanpa kode unit: kodenya dari register, dicocokkan
menurut nama (huruf besar/kecil, spasi dan tanda baca diabaikan): `pemetaan.register.unit` di
`laporan.yml`, rekap IKM `skm-riwayat`, sheet `Unit` ekspor e-SKM. Nama yang tidak ada di
register dikarantina dengan nama-nama yang paling mirip; tanpa register sama sekali nama unit
menjadi kuncinya.

| Cap waktu | Unit Layanan | Usia | 1. ... kesesuaian persyaratan ...? | ... | 9. ... pengaduan ...? |
|---|---|---|---|---|---|
| 12/03/2025 09:30:00 | Kecamatan Trowulan | 34 | Sangat sesuai | ... | Dikelola dengan baik |

"Format Permenpan" (satu unit per berkas, urutan kuesioner: U8 sarana, U9 pengaduan):

| UNIT PELAYANAN | : Kecamatan Trowulan | | | | | | |
|---|---|---|---|---|---|---|---|
| No | Usia | Jenis Kelamin | Pekerjaan | Pendidikan | NILAI UNSUR PELAYANAN | | |
| | | | | | U1 | ... | U9 |
| 1 | 34 | Perempuan | Swasta | SMA | 4 | ... | 3 |
| Nilai /Unsur, NRR /Unsur, NRR tertbg/unsur, IKM Unit pelayanan | | | | | | | |

Baris tercetak di bawah responden (jumlah nilai, NRR, NRR tertimbang per unsur dan jumlahnya, IKM
unit) disimpan di `skm_nrr_tercetak` dan diperiksa reviu terhadap hasil hitung dari responden sheet
itu, pada ketelitian yang tercetak. Tahun survei dari judul ("... TAHUN 2025"; tahun peraturan
seperti "Permenpan No.14 Tahun 2017" bukan tahun survei), tanggal survei, nama berkas, lalu
tahun laporan.

### Rekap IKM (`skm-riwayat*`)

Templat (`No | Kode Unit | Unit Layanan | Jumlah Responden | Nilai IKM | Mutu Pelayanan`), atau
rekap dengan kata-kata PermenPANRB tanpa kode unit; kodenya dari register menurut nama (sheet
`Unit` ekspor e-SKM atau `pemetaan.register.unit`):

| No | Unit Pelayanan | Jumlah Responden | Nilai IKM | Mutu Pelayanan | Kinerja Unit Pelayanan |
|---|---|---|---|---|---|
| 1 | Kecamatan Trowulan | 120 | 89,75 | A | Sangat Baik |

### SAKIP (`sakip*.xlsx`, beberapa berkas)

Rekap per tahun (templat `No | Kode PD | Perangkat Daerah | Nilai | Predikat`, sheet `SAKIP 2025`
atau judul "... TAHUN 2025"), rekap tanpa `Kode PD` (kodenya dari register menurut nama:
`pemetaan.register.perangkat_daerah`, berkas kelembagaan, rekap lain yang memuat kode), dan lembar
kerja evaluasi (KKE) satu perangkat daerah per sheet atau per berkas, seperti aplikasi evaluasi
mencetaknya: komponen dengan nilai sebagai pecahan 1 dari bobotnya, nilai akhir sebagai pecahan 1
(0,8345 = 83,45) yang diperiksa terhadap jumlah komponennya. Satu tahun hanya dari satu jenis
sumber (rekap atau lembar kerja).

| PERANGKAT DAERAH : Sekretariat Daerah | | | |
|---|---|---|---|
| TAHUN EVALUASI : 2025 | | | |
| No | Komponen/Sub Komponen/Kriteria | Bobot | Nilai |
| 1 | Perencanaan Kinerja | 30 | 0,8719 |
| 1.1 / 1.1.1 | Pemenuhan / kriteria ... | 6 | ... |
| 2 ... 4 | Pengukuran (30), Pelaporan (15), Evaluasi Internal (25) | ... | ... |
| | NILAI AKHIR | 100 | 86,19% |
| | PREDIKAT | | A |

### Perjanjian Kinerja (`perjanjian-kinerja*`: .xlsx, .xls, .ods, halaman HTML)

Workbook kantor (templat di atas) dan/atau dokumen satu tahun seperti dicetak e-SAKIP dan aplikasi
berbasis SIPD (halaman "Detail Perjanjian Kinerja ... Tahun Anggaran 2025", sering disimpan sebagai
HTML bernama `.xls`), satu berkas per perjanjian dan tahun:

| Sasaran Strategis | Indikator Kinerja | Satuan | Target | Realisasi | | | | Capaian Kinerja % |
|---|---|---|---|---|---|---|---|---|
| | | | | TW 1 | TW 2 | TW 3 | TW 4 | |
| Meningkatnya ... | Nilai Rata-Rata SAKIP ... | Nilai | 83,11 | 20,78 | 41,55 | 62,33 | 83,78 | 100,81 |

Realisasi tahunan: triwulan terakhir yang terisi (`triwulan: akhir`, bawaan: indeks, persentase,
angka kumulatif) atau jumlah keempat triwulan (`triwulan: jumlah`: cacah). Yang tidak dikatakan
dokumen diambil berurutan dari `laporan.yml` (`pemetaan.register.indikator`), sheet Perjanjian
Kinerja kantor, sheet `Narasi Indikator` (kode menurut nama indikator), atau bawaan (kode
`IK-1` ..., positif, realisasi diketik, indikator utama) dengan catatan. Perjanjiannya: dari
`pemetaan.perjanjian_kinerja[].dokumen`, judul yang menyebut namanya tanpa ragu, nama-nama
indikatornya, atau satu-satunya periode yang memuat tahunnya. Narasi dan penjenjangan tetap
tabel kantor (tidak diekspor sistem): di berkas mana pun sumber ini, mis.
`perjanjian-kinerja-kantor.xlsx`.

### Pemetaan (`laporan.yml`, blok `pemetaan`, opsional)

Bila sebuah ekspor perlu keputusan kantor, nyatakan per sumber (`anggaran`, `skm`, `skm_riwayat`,
`sakip`, `kelembagaan`, `perjanjian_kinerja`, `pembanding`) dan per pola nama berkas. Kosakata
*table dialect* Frictionless: `sheet`, `headerRows` (baris judul, nomor Excel, berurutan; judul
kolom beberapa baris digabung per kolom dengan `headerJoin`, bawaan spasi; judul yang ditulis
sekali di atas beberapa kolom berlaku untuk setiap kolom di bawahnya), `missingValues` (teks yang
berarti "tidak ada nilai" di berkas itu, selain "-", "N/A" dan sel kosong); dan kosakata proyek:
`kolom` (judul tercetak -> kolom templat atau unsur), `nilai` (kata jawaban -> skor), `konstan`
(mis. unit formulir satu unit, perangkat daerah satu lembar kerja), `dokumen` dan `tahun` (dokumen
yang tidak menyebutnya). Register: `unit` (nama -> kode, atau `{kode, populasi}` untuk sampel
Krejcie-Morgan), `perangkat_daerah` (nama -> kode), `indikator` (per perjanjian, nama ->
`{kode, polaritas, sumber, jenis, triwulan}`).

```yaml
pemetaan:
  register:
    unit: {"Kecamatan Trowulan": {kode: UL-21, populasi: 1200}}
    perangkat_daerah: {"Dinas Kesehatan": PD-12}
    indikator:
      Perjanjian Kinerja Perubahan:
        Indeks Kepuasan Masyarakat (IKM) Pemerintah Daerah: {kode: PKP-3, sumber: ikm_pemda}
  skm:
    - berkas: skm-responden-trowulan*.xlsx
      sheet: Respons Formulir 1
      konstan: {unit: Kecamatan Trowulan}
      kolom: {"Pertanyaan 8": U9}
      nilai: {"Lumayan": 3}
      missingValues: ["Tidak menjawab"]
  sakip:
    - berkas: sakip-rekap*.xlsx
      headerRows: [4, 5]
      kolom: {"Nama OPD": Perangkat Daerah, "Nilai Akhir": Nilai}
  perjanjian_kinerja:
    - berkas: perjanjian-kinerja-2025.xls
      dokumen: Perjanjian Kinerja Perubahan
```

`python -m lkjip kenali --tulis` menulis usulan blok ini, hanya yang dapat dipertanggungjawabkan
(sheet dan baris judul tata letak yang dikenali, pertanyaan yang dicocokkan dengan unsur, kode
indikator yang diberikan sheet Narasi Indikator menurut namanya); nama unit atau perangkat daerah
tanpa kode, serta polaritas, sumber realisasi, jenis dan aturan triwulan indikator, ditulis sebagai
pertanyaan dalam komentar.
"""


def write_data_log(out_dir: Path, files: list[Path]) -> Path:
    """Write ``README.md`` in ``out_dir`` describing each file, with its SHA-256."""
    lines = [_HEADER, "## Berkas\n"]
    entries = data_log_entries()
    for path in sorted(files, key=lambda p: p.name):
        system, content, supplier = entries[path.name]
        lines += [
            f"### `{path.name}`\n",
            f"- Sistem sumber: {system}",
            f"- Pemasok: {supplier}",
            f"- SHA-256: `{sha256(path)}`",
            f"- Isi dan tata letak: {content}",
            "",
        ]
    lines.append(_TATA_LETAK)
    log = out_dir / "README.md"
    log.write_text("\n".join(lines), encoding="utf-8")
    return log


def generate_all(out_dir: Path, config: Config) -> list[Path]:
    """Generate every default workbook into ``out_dir`` and the data log; return the paths."""
    out_dir.mkdir(parents=True, exist_ok=True)
    files: list[Path] = []
    for module in GENERATORS:
        files += module.write(out_dir, config)
    return [*files, write_data_log(out_dir, files)]
