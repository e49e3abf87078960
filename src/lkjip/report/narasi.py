"""Generated sentences of the report, as Markdown: counts, capaian, budget, efisiensi, comparisons."""

# Every number goes through lkjip.core.fmt; every text taken from the data is Markdown-escaped.

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Mapping, Sequence
from pathlib import Path

import pandas as pd

from lkjip.core import fmt
from lkjip.core.config import Config
from lkjip.core.frames import rows_of_year
from lkjip.core.teks import neutralise_formula
from lkjip.data import DATA_REALISASI
from lkjip.ingest.hilang import jatuh_ke_ketikan
from lkjip.reviu.teks import lokasi, read_peringatan

#: Characters that would start Markdown (or Quarto/pandoc) syntax inside running text:
#: emphasis, links, raw HTML, entities, headings, tables, math (``$``) and citations (``@``).
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~$@&{}])")

#: Verdict words of ``pembanding_hasil`` and the comparison they stand for.
_TIDAK_DAPAT = "tidak dapat dibandingkan"


# --------------------------------------------------------------------------- helpers


def escape_md(text: object, *, angka: bool = False) -> str:
    """Escape text from the data for Markdown: ``"a*b"`` -> ``"a\\*b"``; missing -> ``"N/A"``.

    Line breaks become spaces so that a value cannot start a list or a heading. A text that a
    spreadsheet would run as a formula (``=HYPERLINK(...)``) gets a leading apostrophe, as in
    every published file (:func:`lkjip.core.teks.neutralise_formula`); ``angka=True`` for a
    number formatted with its unit (``"-3 orang"``), which is never a formula.

    Examples
    --------
    >>> print(escape_md('=HYPERLINK("http://x")'), escape_md("-3 orang", angka=True))
    '=HYPERLINK("http://x") -3 orang
    """
    if fmt.is_na(text):
        return fmt.NA
    flat = " ".join(str(text).split())
    if not angka:
        flat = neutralise_formula(flat)
    return _MD_SPECIAL.sub(r"\\\1", flat)


def quote(text: object) -> str:
    """Quote an indicator or sasaran name the way the report does: “…”, escaped."""
    return f"“{escape_md(text)}”"


def daftar(items: Iterable[str], *, bernomor: bool = True) -> str:
    """A Markdown list, numbered (``1.``) or bulleted (``-``), one item per line."""
    items = list(items)
    return "\n".join(
        f"{i}. {item}" if bernomor else f"- {item}" for i, item in enumerate(items, start=1)
    )


def join_words(parts: Sequence[str], kata: str = "dan") -> str:
    """Join phrases in Indonesian: ``["a", "b", "c"]`` -> ``"a, b dan c"``."""
    parts = [p for p in parts if p]
    if len(parts) <= 1:
        return "".join(parts)
    return f"{', '.join(parts[:-1])} {kata} {parts[-1]}"


def _value(row: Mapping, key: str) -> object:
    value = row.get(key) if hasattr(row, "get") else None
    return None if fmt.is_na(value) else value


def _one_row(df: pd.DataFrame, what: str, **where: object) -> pd.Series:
    mask = pd.Series(True, index=df.index)
    for column, wanted in where.items():
        if column == "tahun":
            mask &= pd.to_numeric(df["tahun"], errors="coerce") == wanted
        else:
            mask &= df[column] == wanted
    rows = df[mask.fillna(False)]
    if rows.empty:
        shown = ", ".join(f"{k} = {v}" for k, v in where.items())
        raise ValueError(f"{what} tidak ditemukan ({shown})")
    return rows.iloc[0]



def status_capaian(capaian: object, desimal: int = 2) -> str:
    """Status of a capaian as the report counts it: ``di_atas``, ``tepat``, ``di_bawah``,
    ``tidak_terukur``.

    Compared after rounding to the printed decimals, so a capaian shown as "100,00%" is never
    called "above 100%".
    """
    if fmt.is_na(capaian):
        return "tidak_terukur"
    shown = fmt.bulat(capaian, desimal)
    if shown > 100:
        return "di_atas"
    return "tepat" if shown == 100 else "di_bawah"


# --------------------------------------------------------------------------- sentences


def kesimpulan_capaian(
    ringkasan_capaian: pd.DataFrame, dokumen: str, config: Config, *, jenis: str = "utama"
) -> str:
    """The executive summary's four counts for one agreement, as an intro and a numbered list.

    Parameters
    ----------
    ringkasan_capaian : DataFrame
        The computed ``ringkasan_capaian`` table.
    dokumen : str
        The agreement, e.g. ``"Perjanjian Kinerja Perubahan"``.
    config : Config
    jenis : {"utama", "semua"}
        Count the main indicators only (as the seed does) or every indicator.

    Returns
    -------
    str
        Markdown, e.g. ``"... 1. Capaian realisasi di atas 100% sebanyak 2 indikator; ..."``.

    Raises
    ------
    ValueError
        When the summary has no row for this agreement, year and jenis.
    """
    row = _one_row(ringkasan_capaian, "Ringkasan capaian", dokumen=dokumen,
                   tahun=config.tahun, jenis=jenis)
    seratus = fmt.persen(100, 0)

    def n(key: str) -> str:
        return f"{fmt.bilangan(_value(row, key))} indikator"

    periode = _value(row, "periode") or config.periode_for_pk(dokumen).kode
    intro = (
        f"Dari hasil pengukuran realisasi {escape_md(dokumen)} Tahun {config.tahun} sesuai "
        f"Dokumen Perencanaan Periode {escape_md(periode)}, dapat disimpulkan sebagai berikut:"
    )
    items = [
        f"Capaian realisasi di atas {seratus} sebanyak {n('di_atas')};",
        f"Capaian realisasi tepat {seratus} sebanyak {n('tepat')};",
        f"Capaian realisasi di bawah {seratus} sebanyak {n('di_bawah')};",
        f"Capaian yang tidak dapat diperoleh hasil pengukurannya sebanyak {n('tidak_terukur')}.",
    ]
    return f"{intro}\n\n{daftar(items)}"


def _alasan_tidak_terukur(target: object, realisasi: object) -> str:
    if target is None and realisasi is None:
        return "target dan realisasinya belum tersedia (N/A)"
    if target is None:
        return "targetnya belum tersedia (N/A)"
    if realisasi is None:
        return "realisasinya belum tersedia (N/A)"
    if float(target) == 0:
        return "targetnya bernilai nol"
    return "datanya belum lengkap"


def kalimat_indikator(baris: Mapping, config: Config) -> str:
    """One sentence (or two) on an indicator's capaian in the report year.

    Parameters
    ----------
    baris : mapping
        A row of the computed ``capaian`` table: indikator, tahun, target, realisasi, capaian,
        satuan, polaritas and, when known, status.
    config : Config

    Returns
    -------
    str
        Markdown. Examples: "Capaian indikator “Nilai Rata-Rata SAKIP Perangkat Daerah” tahun
        2025 sebesar 100,81%, dari realisasi 83,78 terhadap target 83,11. Realisasi melampaui
        target."; an indicator without data "... tidak dapat diukur karena realisasinya belum
        tersedia (N/A)."; negative polarity is explained in words.
    """
    f = fmt.Formatter(config)
    indikator = quote(_value(baris, "indikator"))
    tahun = _value(baris, "tahun") or config.tahun
    # A year is a name, not a quantity: no thousands dot ("2025", not "2.025").
    tahun = escape_md(tahun) if isinstance(tahun, str) else str(int(tahun))
    satuan = _value(baris, "satuan")
    target, realisasi = _value(baris, "target"), _value(baris, "realisasi")
    capaian = _value(baris, "capaian")
    status = _value(baris, "status") or status_capaian(capaian, config.format.desimal_persen)
    if status == "tidak_terukur" or capaian is None:
        return (
            f"Capaian indikator {indikator} tahun {tahun} tidak dapat diukur karena "
            f"{_alasan_tidak_terukur(target, realisasi)}."
        )
    negatif = str(_value(baris, "polaritas") or "positif").lower() == "negatif"
    sentence = (
        f"Capaian indikator {indikator} tahun {tahun} sebesar {f.persen(capaian)}, dari "
        f"realisasi {escape_md(f.nilai(realisasi, satuan), angka=True)} terhadap target "
        f"{escape_md(f.nilai(target, satuan), angka=True)}."
    )
    if status == "tepat":
        verdict = "Realisasi tepat sama dengan target."
    elif negatif and status == "di_atas":
        verdict = (
            "Indikator ini berpolaritas negatif (semakin rendah semakin baik), sehingga realisasi "
            "yang lebih rendah dari target berarti kinerja melampaui target."
        )
    elif negatif:
        verdict = (
            "Indikator ini berpolaritas negatif (semakin rendah semakin baik), sehingga realisasi "
            "yang lebih tinggi dari target berarti target belum tercapai."
        )
    elif status == "di_atas":
        verdict = "Realisasi melampaui target."
    else:
        verdict = "Realisasi belum mencapai target."
    return f"{sentence} {verdict}{_ketik(baris)}"


def _ketik(baris: Mapping) -> str:
    """The warning beside a realisation that should be computed but is the typed value."""
    sumber = _value(baris, "sumber_realisasi")
    if sumber is None or not jatuh_ke_ketikan(pd.DataFrame([dict(baris)])).iloc[0]:
        return ""
    sebab = DATA_REALISASI.get(str(sumber), "sumbernya tidak memberi angka")
    return (
        f" Realisasi ini adalah angka yang diketik di Perjanjian Kinerja, bukan hasil hitung: {sebab} untuk "
        "tahun itu (lihat peringatan pada Hasil Reviu Otomatis di Lampiran)."
    )


def kalimat_indikator_semua(
    capaian: pd.DataFrame, dokumen: str, config: Config, *, jenis: str | None = None
) -> str:
    """:func:`kalimat_indikator` for every indicator of an agreement, as a numbered list.

    Parameters
    ----------
    capaian : DataFrame
        The computed ``capaian`` table.
    dokumen : str
    config : Config
    jenis : {"utama", "lainnya"}, optional
        Only these indicators; all when omitted.

    Returns
    -------
    str
        Markdown numbered list, in the order of sasaran and indicator code.
    """
    rows = rows_of_year(capaian[capaian["dokumen"] == dokumen], config.tahun)
    if jenis is not None:
        rows = rows[rows["jenis"] == jenis]
    rows = rows.sort_values([c for c in ("no_sasaran", "kode_indikator") if c in rows.columns])
    return daftar(kalimat_indikator(row, config) for _, row in rows.iterrows())


def paragraf_anggaran(anggaran_total: pd.DataFrame, config: Config) -> str:
    """The budget paragraph: pagu, realisasi and percentage, against the previous year.

    Parameters
    ----------
    anggaran_total : DataFrame
        The computed ``anggaran_total`` table (tahun, anggaran, realisasi, persen).
    config : Config
        Report year, money style and the unit's name.

    Returns
    -------
    str
        Markdown, e.g. "Anggaran Bagian Organisasi tahun 2025 sebesar Rp796.858.170 dengan
        realisasi per 31 Desember 2025 sebesar Rp683.074.125 atau 85,72% dari pagu anggaran."
    """
    f = fmt.Formatter(config)
    row = _one_row(anggaran_total, "Total anggaran", tahun=config.tahun)
    pagu, real = _value(row, "anggaran"), _value(row, "realisasi")
    persen = _value(row, "persen")
    if persen is None and pagu and real is not None:
        persen = float(real) / float(pagu) * 100
    nama = escape_md(config.instansi.nama)
    if real is None:
        text = (
            f"Anggaran {nama} tahun {config.tahun} sebesar {f.rupiah(pagu)}; realisasinya "
            f"belum tersedia (N/A)."
        )
    else:
        text = (
            f"Anggaran {nama} tahun {config.tahun} sebesar {f.rupiah(pagu)} dengan realisasi "
            f"per 31 Desember {config.tahun} sebesar {f.rupiah(real)} atau {f.persen(persen)} "
            f"dari pagu anggaran."
        )
    previous = rows_of_year(anggaran_total, config.tahun - 1)
    if persen is not None and len(previous):
        before = _value(previous.iloc[0], "persen")
        if before is None:
            p, r = _value(previous.iloc[0], "anggaran"), _value(previous.iloc[0], "realisasi")
            before = float(r) / float(p) * 100 if p and r is not None else None
        if before is not None:
            d = config.format.desimal_persen
            change = round(fmt.bulat(persen, d) - fmt.bulat(before, d), d)
            if change == 0:
                text += (
                    f" Persentase realisasi tersebut sama dengan tahun {config.tahun - 1} "
                    f"({f.persen(before)})."
                )
            else:
                arah = "naik" if change > 0 else "turun"
                text += (
                    f" Persentase realisasi tersebut {arah} {f.angka(abs(change), d)} poin persen "
                    f"dibandingkan tahun {config.tahun - 1} ({f.persen(before)})."
                )
    return text


def kalimat_efisiensi(
    ringkasan_capaian: pd.DataFrame,
    dokumen: str,
    config: Config,
    *,
    jenis: str = "utama",
) -> str:
    """The efisiensi sentence: average capaian kinerja against capaian anggaran.

    Efisiensi is the difference in percentage points (the seed's method): 100,57% − 85,72%
    = 14,85%.

    Parameters
    ----------
    ringkasan_capaian : DataFrame
        The computed ``ringkasan_capaian`` table (rata_rata_capaian, capaian_anggaran,
        efisiensi).
    dokumen : str
        The agreement whose sasaran carry the budget (the PK Perubahan in 2025).
    config : Config
    jenis : str

    Returns
    -------
    str
        Markdown; a missing figure gives a sentence saying it cannot be computed.
    """
    row = _one_row(ringkasan_capaian, "Ringkasan capaian", dokumen=dokumen,
                   tahun=config.tahun, jenis=jenis)
    return kalimat_efisiensi_nilai(_value(row, "rata_rata_capaian"), _value(row, "capaian_anggaran"), config)


def kalimat_efisiensi_nilai(kinerja: object, anggaran: object, config: Config) -> str:
    """The efisiensi sentence from the two figures it cites; the direction follows them.

    Both figures are compared as printed (``format.desimal_persen``): the average capaian
    kinerja is said to be larger, equal or smaller than the capaian (absorption) of the
    budget, and the efisiensi cited is their printed difference, so the words can never
    contradict the numbers (99,66 % absorbed against 100,57 % kinerja is "lebih kecil" only
    because 99,66 < 100,57; nothing is said about the absorption being low).

    Parameters
    ----------
    kinerja, anggaran : float or None
        Average capaian kinerja and capaian anggaran, in percent; missing gives an N/A sentence.
    config : Config

    Returns
    -------
    str
        Markdown, e.g. "Dengan rata-rata capaian kinerja sebesar 100,57% dan capaian anggaran
        sebesar 85,72%, rata-rata capaian kinerja lebih besar daripada capaian anggaran, sehingga
        efisiensi kinerja Bagian Organisasi sebesar 14,85%."
    """
    if fmt.is_na(kinerja) or fmt.is_na(anggaran):
        return (
            "Efisiensi tidak dapat dihitung karena rata-rata capaian kinerja atau capaian "
            "anggaran belum tersedia (N/A)."
        )
    f = fmt.Formatter(config)
    d = config.format.desimal_persen
    k, a = fmt.bulat(kinerja, d), fmt.bulat(anggaran, d)
    efisiensi = round(k - a, d)
    nama = escape_md(config.instansi.nama)
    opening = (
        f"Dengan rata-rata capaian kinerja sebesar {f.persen(kinerja)} dan capaian anggaran "
        f"sebesar {f.persen(anggaran)}, "
    )
    if k > a:
        return opening + (
            "rata-rata capaian kinerja lebih besar daripada capaian anggaran, sehingga efisiensi "
            f"kinerja {nama} sebesar {f.persen(efisiensi)}."
        )
    if k == a:
        return opening + (
            f"rata-rata capaian kinerja sama dengan capaian anggaran: capaian kinerja {nama} "
            "sebanding dengan penyerapan anggarannya."
        )
    return opening + (
        "rata-rata capaian kinerja lebih kecil daripada capaian anggaran (selisih "
        f"{f.persen(efisiensi)}), sehingga belum terjadi efisiensi."
    )


def metodologi(config: Config, sumber: Collection[str] | None = None) -> str:
    """The methodology list: every rule and threshold as ``laporan.yml`` sets it.

    Nothing here is typed by hand: the IKM weight and categories, the SAKIP predikat bands, the
    number of kematangan variables and their categories, and the weights of the efektivitas
    dimensions all come from ``config``.

    Parameters
    ----------
    config : Config
    sumber : collection of str, optional
        The sources the data step read; the rules of an absent one (SKM, SAKIP, kelembagaan,
        anggaran) are left out. Default: every source.

    Returns
    -------
    str
        A Markdown numbered list, e.g. "... Tingkat kematangan kelembagaan: total 11 variabel
        (skor 1–5, rentang 11–55) ..." and "... dimensi Struktur dan Proses masing-masing 50%".
    """
    f = fmt.Formatter(config)
    bobot = "tepat 1/9" if config.skm.bobot == "1/9" else "0,111 (seperti tercetak di peraturan)"
    skm = "; ".join(f"{k.mutu} ({k.kinerja}) mulai {f.angka(k.batas_bawah)}" for k in config.skm.kategori)
    sakip = "; ".join(
        f"{k.predikat} ({k.sebutan})" + (f" di atas {f.angka(k.di_atas)}" if k.di_atas is not None else "")
        for k in config.sakip.kategori
    )
    kematangan = config.kematangan
    n = kematangan.jumlah_variabel
    matang = "; ".join(f"{k.kategori} mulai {f.angka(k.batas_bawah, 1)}" for k in kematangan.kategori)
    dimensi = config.efektivitas_kelembagaan.bobot_dimensi

    def bobot_persen(b: float) -> str:
        return fmt.persen(b, 0 if float(b).is_integer() else 2)

    if len(dimensi) > 1 and len(set(dimensi.values())) == 1:
        sama = bobot_persen(next(iter(dimensi.values())))
        bobot_dimensi = f"dimensi {join_words(list(dimensi))} masing-masing {sama}"
    else:
        bobot_dimensi = "bobot dimensi " + join_words([f"{d} {bobot_persen(b)}" for d, b in dimensi.items()])
    ada = (lambda _s: True) if sumber is None else (lambda s: s in sumber)
    items = [
        *(
            [
                f"IKM unit = Σ(NRR unsur × bobot) × 25 dengan bobot {bobot}; NRR unsur = rata-rata "
                "jawaban yang terisi (jawaban kosong tidak dihitung sebagai nol). Kategori pada nilai "
                f"yang dibulatkan dua desimal: {skm}.",
                "IKM Pemerintah Daerah = rata-rata IKM seluruh unit yang disurvei.",
            ]
            if ada("skm")
            else []
        ),
        *([f"Predikat SAKIP (batas bawah eksklusif): {sakip}."] if ada("sakip") else []),
        *(
            [
                f"Tingkat kematangan kelembagaan: total {fmt.bilangan(n)} variabel (skor 1–5, "
                f"rentang {fmt.bilangan(n)}–{fmt.bilangan(5 * n)}): {matang}.",
                f"Nilai Efektivitas Kelembagaan = Σ(bobot subdimensi × nilai subdimensi); {bobot_dimensi}.",
            ]
            if ada("kelembagaan")
            else []
        ),
        "Capaian = realisasi ÷ target × 100% untuk indikator positif dan (2 − realisasi ÷ target) × "
        "100% untuk indikator negatif; tanpa batas atas; N/A bila target atau realisasi tidak ada "
        "(tidak dihitung dalam rata-rata).",
        *(
            [
                "Efisiensi = rata-rata capaian kinerja − capaian (penyerapan) anggaran, dalam poin "
                "persen.",
                "Anggaran per sasaran = jumlah anggaran sub kegiatan yang mendanainya menurut "
                "pemetaan kantor; sub kegiatan yang mendanai beberapa sasaran dihitung penuh pada "
                "setiap sasaran itu (tidak dibagi dengan kunci perkiraan), dan pada baris total "
                "dihitung sekali.",
            ]
            if ada("anggaran")
            else []
        ),
    ]
    return daftar(items)


def _relasi(a: float, b: float, desimal: int) -> str:
    """Compare two values as printed, so equal-looking numbers are called equal."""
    ra, rb = fmt.bulat(a, desimal), fmt.bulat(b, desimal)
    if ra > rb:
        return "lebih tinggi dibandingkan"
    if ra < rb:
        return "lebih rendah dibandingkan"
    return "sama dengan"


def kalimat_perbandingan(
    pembanding_hasil: pd.DataFrame, config: Config, *, organisasi: str | None = None
) -> str:
    """The verdict of Tabel III.3: how many indicators can be compared, and how they compare.

    Parameters
    ----------
    pembanding_hasil : DataFrame
        The computed ``pembanding_hasil`` table.
    config : Config
    organisasi : str, optional
        Whose realisasi is compared; defaults to ``config.wilayah`` (the Pemda-level
        indicators the comparison figures exist for).

    Returns
    -------
    str
        Markdown, e.g. "Dari 3 indikator kinerja, hanya 1 indikator yang dapat dibandingkan,
        yaitu “Indeks Kepuasan Masyarakat (IKM) Pemerintah Daerah”: realisasi Kabupaten
        Contoh sebesar 90,87 lebih tinggi dibandingkan Provinsi Contoh (89,71)."
    """
    f = fmt.Formatter(config)
    d = config.format.desimal_nilai
    organisasi = escape_md(organisasi or config.wilayah)
    rows = rows_of_year(pembanding_hasil, config.tahun)
    total = rows["kode_indikator"].nunique()
    org = pd.to_numeric(rows["nilai_organisasi"], errors="coerce")
    other = pd.to_numeric(rows["nilai_pembanding"], errors="coerce")
    ok = (rows["verdict"].fillna(_TIDAK_DAPAT) != _TIDAK_DAPAT) & org.notna() & other.notna()
    comparable = rows[ok.fillna(False)]
    names = list(dict.fromkeys(comparable["indikator"]))
    n = len(names)
    opening = f"Dari {fmt.bilangan(total)} indikator kinerja"
    if total == 0:
        return f"Tidak ada indikator kinerja yang memiliki data pembanding pada tahun {config.tahun}."
    if n == 0:
        return (
            f"{opening}, belum ada yang dapat dibandingkan dengan realisasi pemerintah daerah "
            f"lain karena data pembandingnya belum tersedia."
        )
    if n == total:
        head = f"{opening}, seluruhnya dapat dibandingkan"
    elif n == 1:
        head = f"{opening}, hanya 1 indikator yang dapat dibandingkan, yaitu {quote(names[0])}"
    else:
        head = (
            f"{opening}, {fmt.bilangan(n)} indikator dapat dibandingkan, yaitu "
            + join_words([quote(x) for x in names])
        )
    parts = []
    for idx, row in comparable.iterrows():
        a, b = float(org[idx]), float(other[idx])
        prefix = "" if n == 1 else f"untuk {quote(row['indikator'])}, "
        parts.append(
            f"{prefix}realisasi {organisasi} sebesar {f.angka(a)} {_relasi(a, b, d)} "
            f"{escape_md(row['entitas_pembanding'])} ({f.angka(b)})"
        )
    return f"{head}: {'; '.join(parts)}."


def kalimat_sakip(sakip_pembanding: pd.DataFrame, config: Config) -> str:
    """The SAKIP comparison sentence: the Sekretariat Daerah against the Kabupaten and Provinsi.

    Parameters
    ----------
    sakip_pembanding : DataFrame
        The computed ``sakip_pembanding`` table (tahun, entitas, nilai, predikat, keterangan).
    config : Config
        ``instansi.induk`` names the organisation whose value is compared.

    Returns
    -------
    str
        Markdown, e.g. "Nilai SAKIP Sekretariat Daerah tahun 2025 sebesar 86,19 dengan predikat
        A. Nilai tersebut lebih tinggi dibandingkan Kabupaten Contoh (80,50) namun lebih
        rendah dibandingkan Provinsi Contoh (88,00)."
    """
    f = fmt.Formatter(config)
    d = config.format.desimal_nilai
    rows = rows_of_year(sakip_pembanding, config.tahun)
    induk = config.instansi.induk
    own = rows[rows["entitas"] == induk]
    nilai = _value(own.iloc[0], "nilai") if len(own) else None
    if nilai is None:
        return (
            f"Nilai SAKIP {escape_md(induk)} tahun {config.tahun} belum tersedia (N/A), sehingga "
            f"belum dapat dibandingkan."
        )
    predikat = _value(own.iloc[0], "predikat")
    text = f"Nilai SAKIP {escape_md(induk)} tahun {config.tahun} sebesar {f.angka(nilai)}"
    text += f" dengan predikat {escape_md(predikat)}." if predikat else "."

    groups: dict[str, list[str]] = {}
    missing: list[str] = []
    for _, row in rows[rows["entitas"] != induk].iterrows():
        name = escape_md(row["entitas"])
        other = _value(row, "nilai")
        if other is None:
            missing.append(name)
            continue
        note = _value(row, "keterangan")
        mark = ", ilustratif" if note and "ilustratif" in str(note).lower() else ""
        relasi = _relasi(float(nilai), float(other), d)
        groups.setdefault(relasi, []).append(f"{name} ({f.angka(other)}{mark})")
    phrases = [f"{relasi} {join_words(names)}" for relasi, names in groups.items()]
    if phrases:
        kata = "namun" if len(phrases) > 1 else "dan"
        text += f" Nilai tersebut {join_words(phrases, kata)}."
    if missing:
        text += f" Nilai SAKIP {join_words(missing)} belum tersedia (N/A)."
    return text


def peringatan_markdown(processed_dir: Path) -> str:
    """The located warnings as a Markdown list for the book's reviu section.

    Each item names the cell (file, sheet, Excel row, column) and the message; text from the
    data is escaped and formula-safe (:func:`escape_md`).
    """
    rows = read_peringatan(processed_dir)
    if rows.empty:
        return "Langkah data tidak memberi peringatan kewajaran: tidak ada nilai yang tampak salah ketik."
    items = [f"{escape_md(lokasi(row))}: {escape_md(row.pesan)}" for row in rows.itertuples(index=False)]
    lead = (
        f"Langkah data memberi {fmt.bilangan(len(rows))} peringatan kewajaran: nilai yang terbaca dan "
        "dipakai, tetapi tampak salah ketik atau tidak lengkap. Sel yang disebut perlu diperiksa:"
    )
    return f"{lead}\n\n{daftar(items, bernomor=False)}"
