"""What each column of the data contracts means, and its unit, in Indonesian (for the data dictionary).

The contracts (pandera) say a column's type, nullability and allowed values; this module adds
what a reader needs besides: the meaning and the unit. A column name means the same in every
table unless :data:`ARTI_TABEL` says otherwise for one table. The answer columns of
``skm_responden`` and the kematangan variables ``V01`` .. are described by
:func:`arti_kolom` from their pattern, because their names come from the configuration.
"""

from __future__ import annotations

import re
from typing import NamedTuple


class Arti(NamedTuple):
    """The meaning of one column and, where it has one, its unit."""

    arti: str
    satuan: str | None = None


_RP, _PERSEN = "Rp", "%"

#: Meaning and unit of each column name, the same in every table that has it.
ARTI: dict[str, Arti] = {
    # source columns of every clean table
    "berkas": Arti("Nama berkas ekspor asal baris ini (di `data/raw/`)."),
    "sheet": Arti("Nama sheet asal baris ini."),
    "baris": Arti("Nomor baris Excel asal (mulai 1), agar setiap angka dapat ditelusuri ke selnya."),
    # time and plan
    "tahun": Arti("Tahun yang diukur (tahun anggaran atau tahun evaluasi).", "tahun"),
    "periode": Arti("Periode perencanaan (RPJMD/Renstra), mis. `2021-2025`."),
    "dokumen": Arti("Nama Perjanjian Kinerja, sama dengan `periode.dokumen_pk` di `laporan.yml`."),
    "jenis": Arti("Jenis indikator dalam perjanjian: indikator utama atau kinerja lainnya."),
    "no_sasaran": Arti("Nomor sasaran dalam dokumennya (kinerja lainnya mulai lagi dari 1)."),
    "sasaran": Arti("Uraian sasaran strategis."),
    "kode_indikator": Arti("Kode indikator, unik dalam satu dokumen (mis. `PK-1`, `KL-1`, `PKP-3`)."),
    "indikator": Arti("Nama indikator kinerja."),
    "satuan": Arti("Satuan indikator seperti tertulis di perjanjian (mis. `PD/UKPD`, `%`, `Nilai`)."),
    "polaritas": Arti("Arah indikator: `positif` (makin tinggi makin baik) atau `negatif`."),
    "target": Arti("Target indikator pada tahun itu; kosong bila tidak ditetapkan.", "satuan indikator"),
    "realisasi": Arti("Realisasi yang diketik di Perjanjian Kinerja.", "satuan indikator"),
    "realisasi_tercetak": Arti(
        "Realisasi seperti diketik kantor (disimpan untuk reviu).", "satuan indikator"
    ),
    "capaian": Arti(
        "Capaian = realisasi ÷ target × 100 (negatif: (2 − realisasi ÷ target) × 100), tanpa batas "
        "atas; kosong bila tidak terukur.",
        _PERSEN,
    ),
    "capaian_tercetak": Arti("Capaian seperti tercetak/diketik kantor (disimpan untuk reviu).", _PERSEN),
    "desimal_realisasi": Arti(
        "Banyak desimal yang tampil pada sel realisasi yang diketik (dari teks atau format "
        "angkanya); reviu membandingkan realisasi terhitung pada ketelitian ini. Kosong bila "
        "selnya kosong atau ketelitiannya tidak terbaca.",
        "desimal",
    ),
    "desimal_tercetak": Arti(
        "Banyak desimal yang tampil pada sel persentase/capaian tercetak (dari teks atau format "
        "angkanya); reviu membandingkan pada ketelitian ini. Kosong bila selnya kosong.",
        "desimal",
    ),
    "sumber_realisasi": Arti(
        "Dari mana realisasi diambil: `manual` (diketik) atau kunci hasil hitung (mis. `ikm_pemda`)."
    ),
    "asal_realisasi": Arti(
        "Asal realisasi yang dipakai: `hitung` (dihitung dari data), `ketik` (diketik di perjanjian) "
        "atau `tidak_ada`."
    ),
    "status": Arti(
        "Capaian dibanding 100% setelah dibulatkan 2 desimal: di atas, tepat, di bawah, tidak terukur."
    ),
    "formulasi": Arti("Rumus indikator menurut kantor."),
    "penjelasan": Arti("Penjelasan indikator menurut kantor."),
    "sumber_data": Arti("Sumber data indikator menurut kantor."),
    "upaya": Arti("Upaya yang mendukung capaian, satu butir per baris."),
    "kendala": Arti("Kendala yang dihadapi, satu butir per baris."),
    "solusi": Arti("Alternatif solusi yang dilakukan, satu butir per baris."),
    "urutan": Arti("Urutan baris dalam matriks penjenjangan."),
    "tingkat": Arti("Tingkat dalam pohon kinerja (Tujuan, Sasaran, Program, Kegiatan, Sub Kegiatan)."),
    "uraian": Arti("Nama sub-kegiatan."),
    # budget
    "kode": Arti("Kode sub-kegiatan SIPD, mis. `4.01.01.2.13.0001`."),
    "kode_kegiatan": Arti("Kode kegiatan induknya, mis. `4.01.01.2.13`."),
    "kegiatan": Arti("Nama kegiatan induk sub-kegiatan."),
    "anggaran": Arti("Pagu anggaran (rupiah penuh).", _RP),
    "persen_tercetak": Arti(
        "Persentase realisasi seperti tercetak di ekspor (disimpan untuk reviu).", _PERSEN
    ),
    "persen": Arti("Persentase realisasi = realisasi ÷ anggaran × 100, dihitung.", _PERSEN),
    "alokasi": Arti("Alokasi anggaran sasaran: jumlah pagu sub-kegiatan yang dipetakan ke sasaran itu.", _RP),
    "alokasi_tercetak": Arti("Alokasi anggaran sasaran seperti tercetak di tabel staf.", _RP),
    "capaian_anggaran": Arti("Capaian (penyerapan) anggaran = realisasi ÷ alokasi × 100.", _PERSEN),
    "capaian_kinerja": Arti("Rata-rata capaian indikator sasaran itu pada tahun laporan.", _PERSEN),
    # SKM
    "kode_unit": Arti("Kode unit layanan yang disurvei (`PEMDA` untuk seluruh Pemerintah Daerah)."),
    "unit": Arti("Nama unit layanan (PD/UKPD)."),
    "responden": Arti("Nomor urut responden dalam ekspor unitnya (bukan identitas)."),
    "tanggal": Arti("Tanggal survei."),
    "jenis_kelamin": Arti("Jenis kelamin responden: `L` atau `P`."),
    "umur": Arti("Umur responden.", "tahun"),
    "pendidikan": Arti("Pendidikan terakhir responden (SD, SMP, SMA, D1–D4, S1, S2, S3)."),
    "pekerjaan": Arti("Pekerjaan responden (PNS, TNI, POLRI, Swasta, Wirausaha, Lainnya)."),
    "jenis_layanan": Arti("Jenis layanan yang diterima responden."),
    "saran": Arti("Saran tertulis responden (teks bebas; tidak dipublikasikan)."),
    "populasi": Arti("Jumlah penerima layanan dalam periode survei (N untuk Krejcie–Morgan).", "orang"),
    "jumlah_responden": Arti("Jumlah responden unit pada tahun itu.", "responden"),
    "sampel_minimum": Arti("Sampel minimum Krejcie–Morgan untuk populasinya.", "responden"),
    "sampel_cukup": Arti(
        "Apakah jumlah responden mencapai sampel minimum; kosong bila populasi tidak diketahui."
    ),
    "ikm": Arti("Indeks Kepuasan Masyarakat = Σ(NRR unsur × bobot) × 25, tanpa pembulatan.", "indeks 25–100"),
    "ikm_bulat": Arti("IKM dibulatkan 2 desimal; dasar kategori mutu.", "indeks 25–100"),
    "mutu": Arti("Mutu pelayanan (A, B, C, D) dari IKM yang dibulatkan."),
    "mutu_tercetak": Arti("Mutu seperti tercetak di rekap (disimpan untuk reviu)."),
    "kinerja": Arti("Kinerja unit pelayanan sesuai mutu (Sangat Baik, Baik, Kurang Baik, Tidak Baik)."),
    "minimal_baik": Arti("Apakah kategori mencapai batas minimal baik di `laporan.yml`."),
    "unsur": Arti("Kode unsur pelayanan (U1..U9) menurut urutan di `laporan.yml`."),
    "nama_unsur": Arti("Nama unsur pelayanan."),
    "jumlah_jawaban": Arti(
        "Jumlah jawaban yang terisi untuk unsur itu (jawaban kosong tidak dihitung).", "jawaban"
    ),
    "nrr": Arti("Nilai rata-rata unsur = jumlah skor ÷ jumlah jawaban terisi.", "skala 1–4"),
    "nrr_tertimbang": Arti("NRR × bobot unsur (1/9 atau 0,111)."),
    "ikm_unsur": Arti("NRR unsur dikonversi ke skala IKM (NRR × 25).", "indeks 25–100"),
    "jumlah_unit": Arti("Jumlah unit yang dirata-ratakan.", "unit"),
    "unit_minimal_baik": Arti("Jumlah unit dengan mutu minimal baik.", "unit"),
    "variabel": Arti("Karakteristik responden: `jenis_kelamin`, `umur`, `pendidikan` atau `pekerjaan`."),
    "kelompok": Arti("Kelompok dalam karakteristik itu (mis. `Perempuan`, `30–39`, `Tidak diisi`)."),
    "jumlah": Arti("Jumlah responden dalam kelompok itu.", "responden"),
    # SAKIP, kelembagaan
    "kode_pd": Arti("Kode perangkat daerah."),
    "perangkat_daerah": Arti("Nama perangkat daerah."),
    "nilai": Arti("Nilai evaluasi SAKIP; kosong bila tidak dievaluasi (bukan 0).", "skor 0–100"),
    "predikat_tercetak": Arti("Predikat seperti tercetak di ekspor (disimpan untuk reviu)."),
    "predikat": Arti("Predikat SAKIP (AA, A, BB, B, CC, C, D) dari nilai, batas bawah eksklusif."),
    "sebutan": Arti("Sebutan predikat (mis. `Memuaskan`)."),
    "total_tercetak": Arti("Total skor kematangan seperti tercetak (disimpan untuk reviu).", "skor"),
    "kategori_tercetak": Arti("Kategori kematangan seperti tercetak (disimpan untuk reviu)."),
    "total": Arti("Total skor semua variabel kematangan; kosong bila ada variabel yang kosong.", "skor"),
    "kategori": Arti("Kategori tingkat kematangan (Sangat Rendah .. Sangat Tinggi) dari total."),
    "minimal_tinggi": Arti("Apakah kategori kematangan mencapai batas minimal di `laporan.yml`."),
    "dimensi": Arti("Dimensi evaluasi kelembagaan: `Struktur` atau `Proses`."),
    "sub_dimensi": Arti("Subdimensi evaluasi kelembagaan (mis. kompleksitas, formalisasi)."),
    "bobot": Arti("Bobot subdimensi terhadap nilai total.", _PERSEN),
    "nilai_struktur": Arti("Sumbangan dimensi Struktur = Σ bobot/100 × nilai subdimensinya.", "skor"),
    "nilai_proses": Arti("Sumbangan dimensi Proses = Σ bobot/100 × nilai subdimensinya.", "skor"),
    "peringkat": Arti("Peringkat komposit efektivitas kelembagaan (P1..P5)."),
    "jumlah_pd": Arti("Jumlah perangkat daerah yang bernilai pada tahun itu.", "PD"),
    "pd_minimal_baik": Arti("Jumlah perangkat daerah dengan predikat SAKIP minimal baik.", "PD"),
    "pd_minimal_tinggi": Arti("Jumlah perangkat daerah dengan kematangan minimal tinggi.", "PD"),
    "rata_rata": Arti("Rata-rata nilai SAKIP perangkat daerah yang dievaluasi.", "skor 0–100"),
    # comparisons
    "entitas": Arti("Entitas yang angkanya dibandingkan (mis. Sekretariat Daerah, Kabupaten, Provinsi)."),
    "keterangan": Arti("Sumber angka; `ilustratif` menandai angka contoh yang tidak terbaca di sumber."),
    "nilai_organisasi": Arti("Realisasi indikator organisasi pada tahun laporan.", "satuan indikator"),
    "entitas_pembanding": Arti("Entitas pembanding (Provinsi dari `laporan.yml`)."),
    "nilai_pembanding": Arti(
        "Angka entitas pembanding untuk indikator dan tahun yang sama.", "satuan indikator"
    ),
    "selisih": Arti("Realisasi organisasi − angka pembanding.", "satuan indikator"),
    "verdict": Arti(
        "Hasil perbandingan pada 2 desimal: lebih tinggi, lebih rendah, sama, tidak dapat dibandingkan."
    ),
    # summaries
    "jumlah_indikator": Arti("Jumlah indikator yang diringkas.", "indikator"),
    "di_atas": Arti("Jumlah indikator dengan capaian di atas 100%.", "indikator"),
    "tepat": Arti("Jumlah indikator dengan capaian tepat 100%.", "indikator"),
    "di_bawah": Arti("Jumlah indikator dengan capaian di bawah 100%.", "indikator"),
    "tidak_terukur": Arti("Jumlah indikator yang capaiannya tidak terukur (N/A).", "indikator"),
    "rata_rata_capaian": Arti("Rata-rata capaian indikator yang terukur (N/A tidak dihitung).", _PERSEN),
    "efisiensi": Arti(
        "Rata-rata capaian kinerja − capaian anggaran, keduanya dibulatkan 2 desimal.", "poin persen"
    ),
    "perubahan": Arti("Realisasi dikurangi realisasi tahun tren sebelumnya.", "satuan indikator"),
    # review
    "kolom": Arti("Kolom ekspor tempat angka yang diperiksa."),
    "nilai_tercetak": Arti("Angka atau kategori seperti tercetak, ditulis gaya Indonesia."),
    "nilai_hitung": Arti("Angka atau kategori hasil hitung ulang, ditulis gaya Indonesia."),
    "toleransi": Arti("Selisih terbesar yang masih dianggap sama (ketelitian cetak)."),
    "sumber": Arti("Dasar hitung baris ini."),
    "letak": Arti("Kolom Excel dengan judulnya seperti tercetak, mis. `P (Target 2025)`."),
    # quarantine
    "alasan": Arti("Mengapa baris ditolak, dalam bahasa Indonesia."),
}

#: Columns whose meaning (or unit) differs in one table, by table and column.
ARTI_TABEL: dict[str, dict[str, Arti]] = {
    "skm_nrr_tercetak": {
        "besaran": Arti(
            "Angka tercetak: `jumlah` (jumlah nilai per unsur), `nrr` (nilai rata-rata per unsur), "
            "`nrr_tertimbang` (NRR × bobot), `nrr_tertimbang_total` (jumlahnya), `ikm` (IKM unit)."
        ),
        "unsur": Arti(
            "Kode unsur pelayanan angka itu (U1..U9 menurut `laporan.yml`); kosong untuk jumlah dan IKM."
        ),
        "nilai_tercetak": Arti("Angka seperti tercetak di ekspor."),
        "kolom": Arti("Kolom ekspor tempat angka itu tercetak."),
    },
    "anggaran": {"realisasi": Arti("Realisasi anggaran sampai akhir tahun (rupiah penuh).", _RP)},
    "anggaran_riwayat": {
        "tahun": Arti("Tahun anggaran sebelum tahun laporan.", "tahun"),
        "anggaran": Arti("Total pagu anggaran unit pada tahun itu.", _RP),
        "realisasi": Arti("Total realisasi anggaran unit pada tahun itu.", _RP),
    },
    "anggaran_hasil": {"realisasi": Arti("Realisasi anggaran sampai akhir tahun (rupiah penuh).", _RP)},
    "anggaran_total": {
        "anggaran": Arti("Total pagu anggaran unit pada tahun itu.", _RP),
        "realisasi": Arti("Total realisasi anggaran unit pada tahun itu.", _RP),
        "sumber": Arti("`rincian` (jumlah baris sub-kegiatan) atau `riwayat` (rekap kantor)."),
    },
    "anggaran_sasaran": {"realisasi": Arti("Jumlah realisasi sub-kegiatan yang dipetakan ke sasaran.", _RP)},
    "anggaran_sasaran_tercetak": {
        "realisasi_tercetak": Arti("Realisasi anggaran sasaran seperti tercetak di tabel staf.", _RP),
        "capaian_tercetak": Arti("Capaian anggaran sasaran seperti tercetak di tabel staf.", _PERSEN),
    },
    "capaian": {
        "realisasi": Arti(
            "Realisasi yang dipakai: hasil hitung bila `sumber_realisasi` bukan `manual` dan datanya ada, "
            "selain itu yang diketik.",
            "satuan indikator",
        ),
    },
    "tren": {"realisasi": Arti("Realisasi yang dipakai (sama dengan tabel `capaian`).", "satuan indikator")},
    "ringkasan_capaian": {
        "jenis": Arti("`utama` (hanya indikator utama) atau `semua` (termasuk kinerja lainnya)."),
        "capaian_anggaran": Arti("Persentase realisasi anggaran total unit pada tahun itu.", _PERSEN),
    },
    "penjenjangan": {
        "uraian": Arti("Uraian tujuan, sasaran, program, kegiatan atau sub-kegiatan."),
        "indikator": Arti("Indikator pada tingkat itu."),
        "target": Arti("Target seperti tercetak, termasuk satuannya (mis. `48 PD/UKPD`)."),
    },
    "skm_unit_riwayat": {
        "ikm": Arti("IKM unit seperti direkap kantor pada tahun itu (diketik).", "indeks 25–100"),
    },
    "ikm_pemda": {
        "ikm": Arti("IKM Pemerintah Daerah = rata-rata IKM unit, tanpa pembulatan.", "indeks 25–100"),
        "mutu": Arti("Mutu pelayanan (A, B, C, D) dari IKM Pemda yang dibulatkan."),
        "sumber": Arti("`responden` (dihitung dari jawaban) atau `riwayat` (dari rekap IKM unit)."),
    },
    "skm_demografi": {
        "persen": Arti(
            "Persentase terhadap seluruh responden unit dan tahun itu (jawaban kosong: `Tidak diisi`).",
            _PERSEN,
        )
    },
    "kelembagaan_pemda": {"nilai": Arti("Nilai subdimensi.", "skor 0–100")},
    "efektivitas": {
        "nilai": Arti("Nilai Efektivitas Kelembagaan = nilai struktur + nilai proses.", "skor 0–100")
    },
    "kematangan_ringkas": {"rata_rata": Arti("Rata-rata total skor kematangan perangkat daerah.", "skor")},
    "pembanding": {
        "kode_indikator": Arti(
            "Kode indikator: sama dengan kode di Perjanjian Kinerja bila indikatornya ada di sana, selain "
            "itu kode sendiri (mis. `sakip_opd`)."
        ),
        "nilai": Arti("Angka entitas itu; kosong bila tidak tersedia (bukan 0).", "satuan indikator"),
    },
    "sakip_pembanding": {
        "nilai": Arti("Nilai SAKIP entitas itu pada tahun laporan.", "skor 0–100"),
        "berkas": Arti("Berkas ekspor pembanding tempat nilai ini dibaca."),
        "baris": Arti("Baris Excel tempat nilai ini dibaca."),
    },
    "pembanding_hasil": {
        "dokumen": Arti("Perjanjian Kinerja yang realisasinya dibandingkan (barisnya di tabel `capaian`)."),
        "berkas": Arti("Berkas ekspor pembanding tempat angka pembanding dibaca (kosong bila tidak ada)."),
        "sheet": Arti("Sheet tempat angka pembanding dibaca."),
        "baris": Arti("Baris Excel tempat angka pembanding dibaca."),
    },
    "letak_kolom": {
        "berkas": Arti("Berkas ekspor yang dibaca."),
        "sheet": Arti("Sheet yang dibaca."),
        "kolom": Arti("Kolom tabel bersih (kontrak) yang dibaca dari kolom Excel itu, mis. `target`."),
        "tahun": Arti(
            "Tahun kolom itu bila satu kolom memuat satu tahun (mis. Target 2025); selain itu kosong."
        ),
    },
    "reviu": {
        "jenis": Arti("Jenis pemeriksaan (angka apa yang dibandingkan)."),
        "berkas": Arti("Berkas tempat angka tercetak."),
        "sheet": Arti("Sheet tempat angka tercetak."),
        "baris": Arti("Baris Excel tempat angka tercetak."),
        "selisih": Arti("Angka tercetak − hasil hitung."),
        "penjelasan": Arti("Penjelasan temuan dalam bahasa Indonesia."),
    },
    "karantina": {
        "kolom": Arti("Kolom ekspor tempat masalah ditemukan."),
        "nilai": Arti("Isi sel yang ditolak, sebagai teks."),
    },
}

_VARIABEL = re.compile(r"^V(\d{2})$")


def arti_kolom(tabel: str, kolom: str, unsur: dict[str, tuple[str, str]] | None = None) -> Arti | None:
    """The meaning of column ``kolom`` of table ``tabel``; ``None`` when nothing describes it.

    Parameters
    ----------
    tabel, kolom : str
        Table and column names as in ``data/processed``.
    unsur : dict, optional
        Answer column header -> (unsur code, unsur name), from ``config.skm.unsur``, for the
        answer columns of ``skm_responden``.

    Returns
    -------
    Arti or None

    Examples
    --------
    >>> arti_kolom("anggaran", "realisasi").satuan
    'Rp'
    >>> arti_kolom("kelembagaan_pd", "V03").arti
    'Skor variabel kematangan ke-3.'
    >>> arti_kolom("skm_responden", "U5", {"U5": ("U5", "Produk Spesifikasi Jenis Pelayanan")}).satuan
    'skala 1–4'
    >>> arti_kolom("anggaran", "tidak_ada") is None
    True
    """
    if kolom in ARTI_TABEL.get(tabel, {}):
        return ARTI_TABEL[tabel][kolom]
    if tabel == "skm_responden" and unsur and kolom in unsur:
        kode, nama = unsur[kolom]
        return Arti(f"Jawaban unsur {kode} {nama}; kosong bila tidak dijawab (bukan 0).", "skala 1–4")
    match = _VARIABEL.match(kolom)
    if tabel == "kelembagaan_pd" and match:
        return Arti(f"Skor variabel kematangan ke-{int(match.group(1))}.", "skor 1–5")
    return ARTI.get(kolom)
