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
| Nilai /Unsur, NRR /Unsur, NRR tertbg/unsur, IKM Unit pelayanan (dilewati) | | | | | | | |

### Rekap IKM (`skm-riwayat*`)

Templat (`No | Kode Unit | Unit Layanan | Jumlah Responden | Nilai IKM | Mutu Pelayanan`), atau
rekap dengan kata-kata PermenPANRB tanpa kode unit; kodenya dari register menurut nama (sheet
`Unit` ekspor e-SKM atau `pemetaan.register.unit`):

| No | Unit Pelayanan | Jumlah Responden | Nilai IKM | Mutu Pelayanan | Kinerja Unit Pelayanan |
|---|---|---|---|---|---|
| 1 | Kecamatan Trowulan | 120 | 89,75 | A | Sangat Baik |

Bila sebuah ekspor perlu keputusan kantor (formulir satu unit tanpa kolom unit, kata jawaban lain,
pertanyaan yang tidak dikenali), nyatakan di `laporan.yml`:

```yaml
pemetaan:
  register:
    unit: {"Kecamatan Trowulan": UL-21}
  skm:
    - berkas: skm-responden-trowulan*.xlsx
      sheet: Respons Formulir 1
      konstan: {unit: Kecamatan Trowulan}
      kolom: {"Pertanyaan 8": U9}
      nilai: {"Lumayan": 3}
```

`python -m lkjip kenali --tulis` menulis usulan blok ini (hanya yang dapat dipertanggungjawabkan;
nama unit tanpa kode ditulis sebagai pertanyaan dalam komentar).
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
