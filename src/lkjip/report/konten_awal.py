"""A neutral starting set of office prose (``konten/``) for a new office: ``python -m lkjip konten-awal``.

Every section the report asks for gets a file: a note saying where it sits and what it should
say, then either a neutral starting text built only from placeholders that any office's
``laporan.yml`` fills (``{instansi.nama_lengkap}``, ``{tahun}``, ``{wilayah}``, ...), or, where only
the office knows what to write (its duties, its regulations, its issues), nothing but the note:
such a file builds as the visible marker "teks belum diisi: konten/…" until the office writes it.
Nothing here belongs to one office.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from lkjip.core.config import Config
from lkjip.report.konten import PLACEHOLDER_TURUNAN, README_NAME, daftar_placeholder


@dataclass(frozen=True)
class Bagian:
    """One prose file of the starting set."""

    nama: str  #: file name without ``.md``, as the notebooks ask for it
    letak: str  #: where it sits in the report
    petunjuk: str  #: what the office should write there
    teks: str = ""  #: the neutral starting text (placeholders allowed); empty: the office writes it


BAGIAN: tuple[Bagian, ...] = (
    Bagian(
        "kata_pengantar",
        "Kata Pengantar",
        "Pengantar singkat dari pimpinan unit: untuk apa laporan ini disusun dan harapan atasnya. "
        "Blok tanda tangan dibuat otomatis dari `penandatangan` di laporan.yml; jangan diketik.",
        "Dengan mengucap syukur, {instansi.nama_lengkap} menyampaikan Laporan Kinerja Instansi\n"
        "Pemerintah (LKjIP) Tahun {tahun}. Laporan ini memuat pertanggungjawaban atas pelaksanaan\n"
        "tugas dan fungsi selama tahun {tahun}, diukur terhadap sasaran dan target yang telah\n"
        "diperjanjikan.\n\n"
        "Kami berharap laporan ini menjadi bahan evaluasi dan dasar perbaikan kinerja pada tahun\n"
        "{tahun_berikutnya}. Terima kasih kepada semua pihak yang telah membantu penyusunannya.",
    ),
    Bagian(
        "bab1_latar_belakang",
        "BAB I, I.1 Latar Belakang: paragraf pembuka",
        "Mengapa unit menyusun laporan kinerja: kewajiban akuntabilitas dan peraturan yang menjadi "
        "dasarnya (sebut peraturan kepala daerah yang berlaku di daerah Anda).",
        "Setiap instansi pemerintah wajib mempertanggungjawabkan penggunaan sumber daya yang\n"
        "dipercayakan kepadanya dengan melaporkan kinerja yang dicapai. Untuk itu {instansi.nama_lengkap}\n"
        "menyusun Laporan Kinerja Instansi Pemerintah Tahun {tahun}, yang membandingkan target dalam\n"
        "perjanjian kinerja dengan realisasi yang dicapai.",
    ),
    Bagian(
        "bab1_landasan_hukum",
        "BAB I, I.1: daftar dasar hukum",
        "Daftar bernomor peraturan yang menjadi dasar penyusunan laporan: undang-undang, peraturan "
        "pemerintah, peraturan menteri, dan peraturan daerah/kepala daerah yang berlaku bagi unit.",
    ),
    Bagian(
        "bab1_maksud_tujuan",
        "BAB I, I.1: maksud dan tujuan pelaporan",
        "Maksud laporan (pertanggungjawaban) dan tujuannya (bahan evaluasi, perbaikan perencanaan).",
        "Laporan ini dimaksudkan sebagai pertanggungjawaban kinerja {instansi.nama} kepada\n"
        "{kepala_daerah} dan masyarakat atas pelaksanaan tugas tahun {tahun}. Tujuannya adalah\n"
        "memberikan gambaran capaian kinerja sebagai bahan evaluasi dan perbaikan perencanaan\n"
        "pada tahun-tahun berikutnya.",
    ),
    Bagian(
        "bab1_gambaran_umum",
        "BAB I, I.2 Gambaran Umum: lokasi, sumber daya, tugas dan fungsi",
        "Alamat kantor (boleh memakai {instansi.alamat}), susunan organisasi, jumlah dan "
        "komposisi pegawai, sarana, serta tugas pokok dan fungsi menurut peraturan pembentukannya.",
    ),
    Bagian(
        "bab1_isu_strategis",
        "BAB I, I.3 Isu-Isu Strategis",
        "Permasalahan utama yang dihadapi unit dan memengaruhi kinerjanya tahun ini.",
    ),
    Bagian(
        "bab1_sistematika",
        "BAB I, I.4 Sistematika Penulisan",
        "Susunan bab laporan. Teks awal di bawah ini sudah sesuai dengan susunan laporan.",
        "Laporan Kinerja {instansi.nama_lengkap} Tahun {tahun} terdiri atas empat bab.\n\n"
        "**BAB I PENDAHULUAN**\\\n"
        "Latar belakang, dasar hukum, maksud dan tujuan, gambaran umum unit, dan isu strategis.\n\n"
        "**BAB II PERENCANAAN KINERJA**\\\n"
        "Penjenjangan strategis, indikator kinerja utama, perjanjian kinerja, dan anggarannya.\n\n"
        "**BAB III AKUNTABILITAS KINERJA**\\\n"
        "Pengukuran capaian setiap indikator, analisisnya, perbandingan antartahun, serta\n"
        "realisasi anggaran dan efisiensinya.\n\n"
        "**BAB IV PENUTUP**\\\n"
        "Simpulan atas kinerja tahun {tahun} dan langkah perbaikan ke depan.",
    ),
    Bagian(
        "bab2_penjenjangan",
        "BAB II, II.1 Penjenjangan Strategis: pengantar sebelum visi, misi, dan tabel",
        "Pengantar penjenjangan strategis. Visi, misi, dan tabel penjenjangan dibuat otomatis dari "
        "laporan.yml dan data; jangan diketik ulang. Bila tahun laporan berada pada dua periode "
        "perencanaan, jelaskan peralihannya (placeholder {periode[0].kode}, {periode[1].kode}).",
        "Penjenjangan strategis menunjukkan bagaimana visi dan misi daerah diturunkan menjadi\n"
        "tujuan, sasaran, program, kegiatan, dan sub kegiatan yang menjadi tanggung jawab\n"
        "{instansi.nama}. Arah kinerja tahun {tahun} mengacu pada dokumen perencanaan periode\n"
        "{periode_terkini.kode}.",
    ),
    Bagian(
        "bab2_iku",
        "BAB II, II.2 Indikator Kinerja Utama: pengantar sebelum tabel IKU",
        "Satu atau dua kalimat pengantar tabel indikator kinerja utama.",
        "Indikator kinerja utama (IKU) adalah ukuran keberhasilan sasaran strategis\n"
        "{instansi.nama}. Rincian indikator, formulasi, dan sumber datanya disajikan pada tabel\n"
        "berikut.",
    ),
    Bagian(
        "bab2_perjanjian_kinerja",
        "BAB II, II.3 Perjanjian Kinerja: pengantar tabel",
        "Apa perjanjian kinerja itu dan, bila ada, mengapa perjanjian diubah pada tahun berjalan.",
        "Perjanjian kinerja memuat sasaran, indikator, dan target yang disepakati pimpinan\n"
        "{instansi.nama} untuk tahun {tahun}. Perjanjian tersebut disajikan pada tabel berikut.",
    ),
    Bagian(
        "bab2_anggaran",
        "BAB II, akhir II.3: pengantar tabel anggaran per kegiatan",
        "Satu kalimat pengantar tabel anggaran yang mendukung perjanjian kinerja.",
        "Pencapaian sasaran tersebut didukung anggaran tahun {tahun} yang dirinci per kegiatan\n"
        "dan sub kegiatan pada tabel berikut.",
    ),
    Bagian(
        "bab3_efisiensi",
        "BAB III, III.2 Analisis Kinerja: langkah efisiensi sumber daya",
        "Langkah nyata unit untuk menghemat atau memanfaatkan sumber daya dengan lebih baik.",
    ),
    Bagian(
        "bab3_rencana_aksi",
        "BAB III, III.2 Analisis Kinerja: rencana aksi",
        "Rencana aksi unit untuk tahun berikutnya berdasarkan hasil analisis kinerja.",
    ),
    Bagian(
        "bab3_prestasi_lainnya",
        "BAB III, III.3 Prestasi Kinerja Lainnya",
        "Penghargaan atau prestasi unit di luar indikator perjanjian kinerja; tulis bahwa tidak "
        "ada bila memang tidak ada.",
    ),
    Bagian(
        "bab4_kesimpulan",
        "BAB IV Penutup: paragraf pembuka simpulan (sebelum kalimat capaian yang dibuat otomatis)",
        "Kalimat pembuka simpulan; angka capaian ditulis otomatis sesudahnya.",
        "Secara umum, kinerja {instansi.nama} tahun {tahun} dapat disimpulkan dari capaian\n"
        "indikator kinerja utama berikut.",
    ),
    Bagian(
        "bab4_rencana",
        "BAB IV Penutup: makna capaian, rencana ke depan, dan kalimat penutup",
        "Apa arti capaian tahun ini bagi unit dan langkah yang akan ditempuh tahun depan. Tinjau "
        "setiap tahun.",
        "Hasil pengukuran kinerja tahun {tahun} menjadi dasar perbaikan pada tahun\n"
        "{tahun_berikutnya}. Semoga laporan ini bermanfaat bagi peningkatan pelayanan\n"
        "{pemerintah_daerah} kepada masyarakat.",
    ),
)


def _isi(bagian: Bagian) -> str:
    note = f"<!--\n{bagian.letak}.\nYang ditulis di sini: {bagian.petunjuk}\n"
    if not bagian.teks:
        note += (
            "Selama berkas ini hanya berisi catatan, laporan menampilkan penanda\n"
            f"\"teks belum diisi: konten/{bagian.nama}.md\".\n"
        )
    note += "-->\n"
    return note + (f"{bagian.teks}\n" if bagian.teks else "")


def _readme(config: Config) -> str:
    rows = "\n".join(f"| `{b.nama}.md` | {b.letak} |" for b in BAGIAN)
    placeholders = ", ".join(f"`{p}`" for p in daftar_placeholder(config) if not p.startswith("{skm."))
    return (
        "# Teks uraian kantor\n\n"
        "Setiap berkas `.md` di folder ini mengisi satu bagian laporan. Berkas dibuat oleh\n"
        "`python -m lkjip konten-awal` sebagai titik awal yang netral: sunting setiap berkas agar\n"
        "menjadi teks kantor Anda sendiri. Catatan di antara `<!--` dan `-->` tidak tercetak.\n"
        "Berkas yang hanya berisi catatan tampil di laporan sebagai penanda \"teks belum diisi\".\n\n"
        "Angka hasil (target, realisasi, capaian, anggaran) tidak diketik di sini: laporan\n"
        "menyusunnya dari data. Tahun, nama instansi, dan nama daerah ditulis sebagai placeholder\n"
        "agar tetap benar tahun depan.\n\n"
        "| Berkas | Bagian laporan |\n|---|---|\n"
        f"{rows}\n\n"
        "## Placeholder yang tersedia untuk kantor ini\n\n"
        "Selain kunci `laporan.yml`, tersedia kunci turunan:\n\n"
        + "\n".join(f"- `{k}`: {arti}" for k, arti in PLACEHOLDER_TURUNAN.items())
        + "\n\nSemua placeholder yang dapat diisi:\n\n"
        f"{placeholders}\n\n"
        "Nomor di dalam `[ ]` adalah urutan butir dan dimulai dari 0. Kurung kurawal biasa ditulis\n"
        "ganda: `{{` dan `}}`.\n"
    )


def write_konten_awal(config: Config, folder: Path, *, timpa: bool = False) -> list[Path]:
    """Write the neutral starting set of prose files (and their README) into ``folder``.

    Parameters
    ----------
    config : Config
        The office's configuration: the README lists the placeholders it can fill.
    folder : Path
        Where to write (created when missing), e.g. the project's ``konten/``.
    timpa : bool
        Overwrite files that exist; without it nothing is written when any file exists.

    Returns
    -------
    list of Path
        The files written.

    Raises
    ------
    FileExistsError
        Naming the files that already exist (Indonesian message), unless ``timpa``.
    """
    folder = Path(folder)
    targets = {folder / f"{b.nama}.md": _isi(b) for b in BAGIAN}
    targets[folder / README_NAME] = _readme(config)
    existing = [p for p in targets if p.exists()]
    if existing and not timpa:
        names = ", ".join(p.name for p in existing)
        raise FileExistsError(
            f"Berkas konten sudah ada di {folder}: {names}. Tidak ada yang ditulis; pilih folder lain "
            "dengan --ke DIR atau timpa dengan --timpa."
        )
    folder.mkdir(parents=True, exist_ok=True)
    for path, text in targets.items():
        path.write_text(text, encoding="utf-8")
    return list(targets)
