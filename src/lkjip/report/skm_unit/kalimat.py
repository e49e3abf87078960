"""The sentences of a unit's SKM publication, written from its figures (never typed by hand)."""

from __future__ import annotations

from lkjip.core import fmt
from lkjip.core.config import Config
from lkjip.core.na import is_na
from lkjip.report import tanda
from lkjip.report.narasi import join_words
from lkjip.report.skm_unit.isi import IsiUnit, Unsur

#: The regulation the survey and this publication follow.
DASAR = (
    "Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 14 Tahun 2017 "
    "tentang Pedoman Penyusunan Survei Kepuasan Masyarakat Unit Penyelenggara Pelayanan Publik"
)


def periode(isi: IsiUnit) -> str:
    """``"31 Januari–15 Oktober 2025"``, one date when the survey took one day, N/A when unknown."""
    awal, akhir = isi.tanggal_awal, isi.tanggal_akhir
    if awal is None or akhir is None:
        return fmt.NA
    if awal == akhir:
        return fmt.tanggal(awal)
    if awal.year == akhir.year:
        start = fmt.tanggal(awal).rsplit(" ", 1)[0]
        return f"{start} – {fmt.tanggal(akhir)}"
    return f"{fmt.tanggal(awal)} – {fmt.tanggal(akhir)}"


def responden_bertanda(isi: IsiUnit, config: Config) -> str:
    """The number of respondents, with the LKjIP's asterisk when below the minimum sample."""
    f = fmt.Formatter(config)
    return f.bilangan(isi.jumlah_responden) + (tanda.SAMPEL_KURANG if isi.sampel_kurang else "")


def kecukupan(isi: IsiUnit) -> str:
    """``"mencukupi"``, ``"belum mencukupi"`` or ``"tidak dapat dinilai"`` (population unknown)."""
    if isi.sampel_cukup is None:
        return "tidak dapat dinilai"
    return "mencukupi" if isi.sampel_cukup else "belum mencukupi"


def _unsur(u: Unsur, config: Config) -> str:
    return f"{u.kode} {u.nama} (NRR {fmt.Formatter(config).angka(u.nrr, 2)})"


def pendahuluan(isi: IsiUnit) -> str:
    return (
        f"Survei Kepuasan Masyarakat (SKM) pada {isi.unit} tahun {isi.tahun} mengukur kepuasan "
        f"penerima layanan menurut {DASAR}. Laporan ini menyajikan cara survei dilaksanakan, "
        "responden dan kecukupan sampelnya, Indeks Kepuasan Masyarakat (IKM) beserta mutu "
        "pelayanannya, nilai setiap unsur pelayanan, perkembangan IKM dari tahun ke tahun, dan "
        "rencana tindak lanjut atas unsur yang nilainya terendah."
    )


def layanan(isi: IsiUnit, config: Config) -> str:
    if not isi.layanan:
        return f"Tidak ada jenis layanan yang tercatat pada jawaban responden tahun {isi.tahun}."
    f = fmt.Formatter(config)
    parts = [f"{nama} ({f.bilangan(n)} responden)" for nama, n in isi.layanan]
    kata = "Jenis layanan" if len(parts) > 1 else "Layanan"
    return f"{kata} yang dinilai responden: {join_words(parts)}."


def metode(isi: IsiUnit, config: Config) -> str:
    n = len(config.skm.unsur)
    text = (
        f"Responden mengisi kuesioner berisi {n} unsur pelayanan; setiap unsur dijawab dengan "
        "empat pilihan bernilai 1 (tidak baik) sampai 4 (sangat baik). "
    )
    if isi.tanggal_awal is not None:
        text += f"Jawaban yang diolah tercatat pada {periode(isi)}. "
    text += (
        "Nilai rata-rata setiap unsur (NRR) adalah jumlah nilai jawaban dibagi jumlah jawaban yang "
        f"diisi; IKM adalah jumlah NRR tertimbang (bobot {config.skm.bobot} untuk setiap unsur) "
        "dikalikan 25, sehingga berada pada skala 25–100."
    )
    return text


def sampel(isi: IsiUnit, config: Config) -> str:
    f = fmt.Formatter(config)
    if isi.populasi is None:
        return (
            f"Jumlah responden {f.bilangan(isi.jumlah_responden)}. Populasi penerima layanan tidak "
            "tercantum pada ekspor survei, sehingga sampel minimum dan kecukupan sampel tidak dapat dinilai."
        )
    text = (
        f"Populasi penerima layanan (N) tahun {isi.tahun} sebanyak {f.bilangan(isi.populasi)} orang; "
        f"menurut rumus Krejcie–Morgan sampel minimumnya {f.bilangan(isi.sampel_minimum)} responden. "
        f"Jumlah responden {f.bilangan(isi.jumlah_responden)}, sehingga sampel {kecukupan(isi)}."
    )
    if isi.sampel_kurang:
        text += (
            " Hasil survei tetap disajikan, tetapi lebih sedikit responden berarti hasilnya kurang "
            "mewakili seluruh penerima layanan (ditandai " + tanda.SAMPEL_KURANG + " seperti pada LKjIP)."
        )
    return text


def hasil_ikm(isi: IsiUnit, config: Config) -> str:
    f = fmt.Formatter(config)
    if not isi.ada_responden or is_na(isi.ikm):
        return (
            f"IKM {isi.unit} tahun {isi.tahun} tidak dapat dihitung: tidak ada jawaban responden "
            f"untuk setiap unsur (ditulis {fmt.NA}, bukan nol)."
        )
    text = (
        f"IKM {isi.unit} tahun {isi.tahun} adalah {f.angka(isi.ikm, 2)}, mutu pelayanan {isi.mutu} "
        f"(kinerja {isi.kinerja})"
    )
    if not is_na(isi.ikm_pemda):
        own, pemda = fmt.bulat(isi.ikm, 2), fmt.bulat(isi.ikm_pemda, 2)
        arah = "lebih tinggi dari" if own > pemda else "lebih rendah dari" if own < pemda else "sama dengan"
        text += f", {arah} IKM {config.pemerintah_daerah} tahun yang sama ({f.angka(isi.ikm_pemda, 2)})"
    minimal = config.skm.minimal_baik
    text += (
        f". Nilai ini {'memenuhi' if isi.minimal_baik else 'belum memenuhi'} batas minimal mutu "
        f"{minimal} (baik)."
    )
    return text


def analisis(isi: IsiUnit, config: Config) -> str:
    lemah, kuat = isi.terlemah, isi.terkuat
    if not lemah:
        return "Tidak ada unsur yang dapat dibandingkan karena tidak ada jawaban responden."
    text = (
        f"Unsur dengan nilai terendah: {join_words([_unsur(u, config) for u in lemah])}. "
        f"Unsur dengan nilai tertinggi: {join_words([_unsur(u, config) for u in kuat])}."
    )
    for label, tied in (("terendah", isi.seri(lemah)), ("tertinggi", isi.seri(kuat))):
        if tied:
            text += (
                f" Unsur {join_words([u.kode + ' ' + u.nama for u in tied])} bernilai sama dengan unsur "
                f"{label} ketiga ({fmt.Formatter(config).angka(tied[0].nrr, 2)})."
            )
    return text


def tren(isi: IsiUnit, config: Config) -> str:
    f = fmt.Formatter(config)
    known = [t for t in isi.tren if not is_na(t.ikm)]
    if len(known) < 2:
        return (
            f"Data tahun sebelumnya untuk {isi.unit} belum tersedia, sehingga perkembangan IKM "
            "belum dapat dinilai."
        )
    first, last = known[0], known[-1]
    previous = known[-2]
    change = fmt.bulat(last.ikm, 2) - fmt.bulat(previous.ikm, 2)
    arah = "naik" if change > 0 else "turun" if change < 0 else "tetap"
    text = (
        f"IKM {isi.unit} {first.tahun}–{last.tahun}: "
        + "; ".join(f"{t.tahun} {f.angka(t.ikm, 2)}" for t in known)
        + f". Dibandingkan tahun {previous.tahun}, IKM tahun {last.tahun} {arah}"
    )
    text += f" {f.angka(abs(change), 2)} poin." if change else "."
    ketik = [str(t.tahun) for t in known if t.asal == "ketik"]
    if ketik:
        text += (
            f" Angka tahun {join_words(ketik)} adalah rekap IKM unit yang diketik kantor (tanpa data "
            "per responden); angka tahun berjawaban responden dihitung ulang dari jawabannya."
        )
    return text


def kesimpulan(isi: IsiUnit, config: Config) -> list[str]:
    """The closing points, one sentence each."""
    f = fmt.Formatter(config)
    points = [hasil_ikm(isi, config)]
    if isi.terlemah:
        points.append(f"Prioritas perbaikan: {join_words([u.kode + ' ' + u.nama for u in isi.terlemah])}.")
    if isi.sampel_kurang:
        points.append(
            f"Responden ({f.bilangan(isi.jumlah_responden)}) di bawah sampel minimum "
            f"({f.bilangan(isi.sampel_minimum)}); survei berikutnya perlu menjangkau lebih banyak "
            "penerima layanan."
        )
    return points
