"""Generated sentences of the report, as Markdown: counts, capaian, budget, efisiensi, comparisons.

Every function takes ``tanda``, which marks each figure where it stands with its trail
(:class:`lkjip.report.jejak.Kalimat`, given the report's :class:`~lkjip.report.asal.Asal`); the
default, :data:`POLOS`, writes the plain sentence. A count or an average says what it counts
("dari 3 indikator sasaran strategis"), so that it cannot be read as covering every row of the
table beside it.
"""

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
from lkjip.report.asal import STATUS, aturan
from lkjip.report.jejak import Jejak, Kalimat, Polos, Sel
from lkjip.reviu.teks import lokasi, read_peringatan

#: Writes sentences without marks (tests, plain uses).
POLOS = Polos()
Tanda = Kalimat | Polos

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
    ringkasan_capaian: pd.DataFrame,
    dokumen: str,
    config: Config,
    *,
    jenis: str = "utama",
    capaian: pd.DataFrame | None = None,
    tanda: Tanda = POLOS,
) -> str:
    """The executive summary's four counts for one agreement, as an intro and a numbered list.

    The intro says what is counted: the agreement's main indicators (``jenis="utama"``, as the
    seed does, with the number of kinerja lainnya left out) or every indicator (``"semua"``).

    Parameters
    ----------
    ringkasan_capaian : DataFrame
        The computed ``ringkasan_capaian`` table.
    dokumen : str
        The agreement, e.g. ``"Perjanjian Kinerja Perubahan"``.
    config : Config
    jenis : {"utama", "semua"}
        Count the main indicators only (as the seed does) or every indicator.
    capaian : DataFrame, optional
        The computed ``capaian`` table: the indicators counted, for the trails of the counts.
    tanda : Kalimat, optional
        Marks each figure with its trail.

    Returns
    -------
    str
        Markdown, e.g. ``"Dari hasil pengukuran realisasi 3 indikator sasaran strategis ...
        1. Capaian realisasi di atas 100% sebanyak 2 indikator; ..."``.

    Raises
    ------
    ValueError
        When the summary has no row for this agreement, year and jenis.
    """
    row = _one_row(ringkasan_capaian, "Ringkasan capaian", dokumen=dokumen,
                   tahun=config.tahun, jenis=jenis)
    seratus = fmt.persen(100, 0)
    rows = pd.DataFrame()
    if capaian is not None:
        rows = rows_of_year(capaian[capaian["dokumen"] == dokumen], config.tahun)
        rows = rows if jenis == "semua" else rows[rows["jenis"] == "utama"]
    apa = "indikator sasaran strategis" if jenis == "utama" else "indikator kinerja"
    where = f"{escape_md(dokumen)} Tahun {config.tahun}"

    def n(key: str) -> str:
        value = _value(row, key)
        what = f"Jumlah {apa} {dokumen} {config.tahun} dengan capaian {STATUS[key]}"
        mark = tanda.angka(
            fmt.bilangan(value), lambda a: a.status(rows, key, what, value) if len(rows) else None
        )
        return f"{mark} indikator"

    jumlah = _value(row, "jumlah_indikator")
    jumlah_md = tanda.angka(
        fmt.bilangan(jumlah),
        lambda a: a.hitungan(
            jumlah,
            f"Jumlah {apa} {dokumen} {config.tahun}",
            rows,
            rincian=", ".join(str(k) for k in rows["kode_indikator"]),
        )
        if len(rows)
        else None,
    )
    periode = _value(row, "periode") or config.periode_for_pk(dokumen).kode
    lainnya = ""
    if jenis == "utama":
        semua = ringkasan_capaian[
            (ringkasan_capaian["dokumen"] == dokumen)
            & (pd.to_numeric(ringkasan_capaian["tahun"], errors="coerce") == config.tahun)
            & (ringkasan_capaian["jenis"] == "semua")
        ]
        extra = int(semua["jumlah_indikator"].iloc[0]) - int(jumlah or 0) if len(semua) else 0
        if extra > 0:
            extra_md = tanda.angka(
                fmt.bilangan(extra),
                lambda a: a.hitungan(
                    extra,
                    f"Jumlah indikator kinerja lainnya {dokumen} {config.tahun}",
                    rows_of_year(
                        capaian[(capaian["dokumen"] == dokumen) & (capaian["jenis"] != "utama")], config.tahun
                    )
                    if capaian is not None
                    else pd.DataFrame(),
                    rincian=f"indikator seluruhnya ({int(semua['jumlah_indikator'].iloc[0])}) − indikator "
                    f"sasaran strategis ({int(jumlah or 0)})",
                ),
            )
            lainnya = f" ({extra_md} indikator kinerja lainnya tidak termasuk dalam hitungan ini)"
    intro = (
        f"Dari hasil pengukuran realisasi {jumlah_md} {apa} {where} sesuai Dokumen Perencanaan "
        f"Periode {escape_md(periode)}{lainnya}, dapat disimpulkan sebagai berikut:"
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


def kalimat_indikator(baris: Mapping, config: Config, *, tanda: Tanda = POLOS) -> str:
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
    capaian_md = tanda.angka(f.persen(capaian), lambda a: a.capaian(baris))
    realisasi_md = tanda.angka(
        escape_md(f.nilai(realisasi, satuan), angka=True), lambda a: a.realisasi(baris)
    )
    target_md = tanda.angka(escape_md(f.nilai(target, satuan), angka=True), lambda a: a.target(baris))
    sentence = (
        f"Capaian indikator {indikator} tahun {tahun} sebesar {capaian_md}, dari "
        f"realisasi {realisasi_md} terhadap target {target_md}."
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
    capaian: pd.DataFrame, dokumen: str, config: Config, *, jenis: str | None = None, tanda: Tanda = POLOS
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
    return daftar(kalimat_indikator(row, config, tanda=tanda) for _, row in rows.iterrows())


def paragraf_anggaran(anggaran_total: pd.DataFrame, config: Config, *, tanda: Tanda = POLOS) -> str:
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
    tahun = config.tahun
    pagu_md = tanda.angka(f.rupiah(pagu), lambda a: a.total_anggaran(tahun, "anggaran"))
    if real is None:
        text = f"Anggaran {nama} tahun {tahun} sebesar {pagu_md}; realisasinya belum tersedia (N/A)."
    else:
        real_md = tanda.angka(f.rupiah(real), lambda a: a.total_anggaran(tahun, "realisasi"))
        persen_md = tanda.angka(f.persen(persen), lambda a: a.persen_total(tahun))
        text = (
            f"Anggaran {nama} tahun {tahun} sebesar {pagu_md} dengan realisasi "
            f"per 31 Desember {tahun} sebesar {real_md} atau {persen_md} dari pagu anggaran."
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
            before_md = tanda.angka(f.persen(before), lambda a: a.persen_total(tahun - 1))
            if change == 0:
                text += f" Persentase realisasi tersebut sama dengan tahun {tahun - 1} ({before_md})."
            else:
                arah = "naik" if change > 0 else "turun"

                def selisih(a, change=change) -> Jejak:
                    now, then = a.persen_total(tahun), a.persen_total(tahun - 1)
                    return Jejak(
                        abs(change),
                        f"Perubahan persentase realisasi anggaran {tahun} terhadap {tahun - 1}",
                        "hitung",
                        rumus=f"{f.persen(persen)} − {f.persen(before)} = {f.angka(change, d)} poin persen",
                        masukan=(now, then),
                    )

                change_md = tanda.angka(f.angka(abs(change), d), selisih)
                text += (
                    f" Persentase realisasi tersebut {arah} {change_md} poin persen "
                    f"dibandingkan tahun {tahun - 1} ({before_md})."
                )
    return text


def kalimat_efisiensi(
    ringkasan_capaian: pd.DataFrame,
    dokumen: str,
    config: Config,
    *,
    jenis: str = "utama",
    capaian: pd.DataFrame | None = None,
    tanda: Tanda = POLOS,
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
    rows = pd.DataFrame()
    if capaian is not None:
        rows = rows_of_year(capaian[capaian["dokumen"] == dokumen], config.tahun)
        rows = rows if jenis == "semua" else rows[rows["jenis"] == "utama"]
    rata = _value(row, "rata_rata_capaian")
    apa = "indikator sasaran strategis" if jenis == "utama" else "indikator kinerja"
    return kalimat_efisiensi_nilai(
        rata,
        _value(row, "capaian_anggaran"),
        config,
        jumlah=_value(row, "jumlah_indikator"),
        tanda=tanda,
        jejak_kinerja=lambda a: a.rata(
            f"Rata-rata capaian {apa} {dokumen} {config.tahun}",
            rata,
            (a.capaian(r) for _, r in rows.iterrows()),
        )
        if len(rows)
        else None,
        jejak_anggaran=lambda a: a.persen_total(config.tahun),
    )


def kalimat_efisiensi_nilai(
    kinerja: object,
    anggaran: object,
    config: Config,
    *,
    jumlah: object = None,
    tanda: Tanda = POLOS,
    jejak_kinerja=None,
    jejak_anggaran=None,
) -> str:
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
    jumlah : int, optional
        How many indicators the average covers: the sentence says so ("3 indikator sasaran
        strategis").
    tanda : Kalimat, optional
        Marks each figure; ``jejak_kinerja`` and ``jejak_anggaran`` make the trails of the two
        figures (callables taking the report's :class:`~lkjip.report.asal.Asal`).

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
    kinerja_md = tanda.angka(f.persen(kinerja), jejak_kinerja or (lambda _a: None))
    anggaran_md = tanda.angka(f.persen(anggaran), jejak_anggaran or (lambda _a: None))
    cakupan = ""
    if jumlah is not None:

        def dirata(asal) -> Jejak | None:
            rata = (jejak_kinerja or (lambda _a: None))(asal)
            if rata is None:
                return None
            names = "; ".join(m.uraian for m in rata.masukan)
            return Jejak(
                jumlah,
                "Jumlah indikator yang dirata-ratakan",
                "hitung",
                rumus=f"indikator dengan capaian terukur: {names} = {fmt.bilangan(jumlah)}",
            )

        cakupan = f" {tanda.angka(fmt.bilangan(jumlah), dirata)} indikator sasaran strategis"

    def selisih(asal) -> Jejak:
        makers = [m for m in (jejak_kinerja, jejak_anggaran) if m is not None]
        parts = tuple(j for j in (m(asal) for m in makers) if j is not None)
        return Jejak(
            efisiensi,
            f"Efisiensi {config.instansi.nama} tahun {config.tahun}",
            "hitung",
            rumus=f"{f.persen(kinerja)} − {f.persen(anggaran)} = {f.persen(efisiensi)}",
            masukan=parts,
        )

    efisiensi_md = tanda.angka(f.persen(efisiensi), selisih)
    opening = (
        f"Dengan rata-rata capaian kinerja{cakupan} sebesar {kinerja_md} dan capaian anggaran "
        f"sebesar {anggaran_md}, "
    )
    if k > a:
        return opening + (
            "rata-rata capaian kinerja lebih besar daripada capaian anggaran, sehingga efisiensi "
            f"kinerja {nama} sebesar {efisiensi_md}."
        )
    if k == a:
        return opening + (
            f"rata-rata capaian kinerja sama dengan capaian anggaran: capaian kinerja {nama} "
            "sebanding dengan penyerapan anggarannya."
        )
    return opening + (
        "rata-rata capaian kinerja lebih kecil daripada capaian anggaran (selisih "
        f"{tanda.angka(f.persen(efisiensi), selisih)}), sehingga belum terjadi efisiensi."
    )


def metodologi(config: Config, sumber: Collection[str] | None = None, *, tanda: Tanda = POLOS) -> str:
    """The methodology list: every rule and threshold as ``laporan.yml`` sets it.

    Nothing here is typed by hand: the IKM weight and categories, the SAKIP predikat bands, the
    number of kematangan variables and their categories, and the weights of the efektivitas
    dimensions all come from ``config`` (each marked with its key in ``laporan.yml``); the
    constants of the formulas are marked with the rule that sets them.

    Parameters
    ----------
    config : Config
    sumber : collection of str, optional
        The sources the data step read; the rules of an absent one (SKM, SAKIP, kelembagaan,
        anggaran) are left out. Default: every source.
    tanda : Kalimat, optional
        Marks each figure with its trail.

    Returns
    -------
    str
        A Markdown numbered list, e.g. "... Tingkat kematangan kelembagaan: total 11 variabel
        (skor 1–5, rentang 11–55) ..." and "... dimensi Struktur dan Proses masing-masing 50%".
    """
    f = fmt.Formatter(config)

    def conf(teks: str, uraian: str, kunci: str, hasil: object = None) -> str:
        value = teks if hasil is None else hasil
        return tanda.angka(teks, lambda a: a.konfigurasi(value, uraian, kunci))

    def rule(teks: str, uraian: str, dasar: str) -> str:
        return tanda.angka(teks, lambda _a: aturan(teks, uraian, dasar))

    ada = (lambda _s: True) if sumber is None else (lambda s: s in sumber)
    items: list[str] = []
    if ada("skm"):  # the rules of an absent source are not printed, nor marked
        items += _metodologi_skm(config, conf, rule)
    if ada("sakip"):
        sakip = "; ".join(
            f"{k.predikat} ({k.sebutan})"
            + (
                " di atas "
                + conf(f.angka(k.di_atas), f"Batas predikat SAKIP {k.predikat}", "sakip.kategori", k.di_atas)
                if k.di_atas is not None
                else ""
            )
            for k in config.sakip.kategori
        )
        items.append(f"Predikat SAKIP (batas bawah eksklusif): {sakip}.")
    if ada("kelembagaan"):
        items += _metodologi_kelembagaan(config, conf, rule, tanda)
    capaian_rule = "rumus capaian kinerja LKjIP menurut polaritas indikator"
    items.append(
        "Capaian = "
        + rule("realisasi ÷ target × 100%", "Rumus capaian indikator positif", capaian_rule)
        + " untuk indikator positif dan "
        + rule("(2 − realisasi ÷ target) × 100%", "Rumus capaian indikator negatif", capaian_rule)
        + " untuk indikator negatif; tanpa batas atas; N/A bila target atau realisasi tidak ada "
        "(tidak dihitung dalam rata-rata)."
    )
    if ada("anggaran"):
        items += [
            "Efisiensi = rata-rata capaian kinerja − capaian (penyerapan) anggaran, dalam poin persen.",
            "Anggaran per sasaran = jumlah anggaran sub kegiatan yang mendanainya menurut "
            "pemetaan kantor; sub kegiatan yang mendanai beberapa sasaran dihitung penuh pada "
            "setiap sasaran itu (tidak dibagi dengan kunci perkiraan), dan pada baris total "
            "dihitung sekali.",
        ]
    return daftar(items)


def _metodologi_skm(config: Config, conf, rule) -> list[str]:
    """The SKM rules of :func:`metodologi`: the IKM formula, its weight and the mutu bands."""
    f = fmt.Formatter(config)
    skm_rule = "PermenPANRB 14/2017 tentang Pedoman Penyusunan Survei Kepuasan Masyarakat"
    if config.skm.bobot == "1/9":
        bobot = "tepat " + conf("1/9", "Bobot setiap unsur SKM", "skm.bobot")
    else:
        bobot = conf("0,111", "Bobot setiap unsur SKM", "skm.bobot", 0.111)
        bobot += " (seperti tercetak di peraturan)"
    skm = "; ".join(
        f"{k.mutu} ({k.kinerja}) mulai "
        + conf(f.angka(k.batas_bawah), f"Batas bawah mutu {k.mutu} (IKM)", "skm.kategori", k.batas_bawah)
        for k in config.skm.kategori
    )
    return [
        "IKM unit = Σ(NRR unsur × bobot) × "
        f"{rule('25', 'Faktor konversi IKM (skala 25–100)', skm_rule)} "
        f"dengan bobot {bobot}; NRR unsur = rata-rata jawaban yang terisi (jawaban kosong tidak "
        f"dihitung sebagai nol). Kategori pada nilai yang dibulatkan dua desimal: {skm}.",
        "IKM Pemerintah Daerah = rata-rata IKM seluruh unit yang disurvei.",
    ]


def _metodologi_kelembagaan(config: Config, conf, rule, tanda: Tanda) -> list[str]:
    """The kelembagaan rules of :func:`metodologi`: kematangan bands, efektivitas weights."""
    f = fmt.Formatter(config)
    kematangan = config.kematangan
    n = kematangan.jumlah_variabel
    n_md = conf(fmt.bilangan(n), "Jumlah variabel kematangan kelembagaan", "kematangan.jumlah_variabel", n)
    skala = rule("1–5", "Skala skor setiap variabel kematangan", "Permendagri 99/2018")
    rentang_md = tanda.angka(
        f"{fmt.bilangan(n)}–{fmt.bilangan(5 * n)}",
        lambda a: Jejak(
            f"{n}–{5 * n}",
            "Rentang total skor kematangan",
            "hitung",
            rumus=f"{fmt.bilangan(n)} variabel × skor 1 sampai {fmt.bilangan(n)} × 5 = {fmt.bilangan(5 * n)}",
            masukan=(
                a.konfigurasi(n, "Jumlah variabel kematangan kelembagaan", "kematangan.jumlah_variabel"),
            ),
        ),
    )
    matang = "; ".join(
        f"{k.kategori} mulai "
        + conf(
            f.angka(k.batas_bawah, 1),
            f"Batas bawah kategori kematangan {k.kategori}",
            "kematangan.kategori",
            k.batas_bawah,
        )
        for k in kematangan.kategori
    )
    dimensi = config.efektivitas_kelembagaan.bobot_dimensi
    kunci_dimensi = "efektivitas_kelembagaan.bobot_dimensi"

    def bobot_persen(name: str, b: float) -> str:
        shown = fmt.persen(b, 0 if float(b).is_integer() else 2)
        return conf(shown, f"Bobot dimensi {name}", kunci_dimensi, b)

    if len(dimensi) > 1 and len(set(dimensi.values())) == 1:
        first = next(iter(dimensi))
        each = bobot_persen(first, dimensi[first])
        bobot_dimensi = f"dimensi {join_words(list(dimensi))} masing-masing {each}"
    else:
        named = [f"{d} {bobot_persen(d, b)}" for d, b in dimensi.items()]
        bobot_dimensi = "bobot dimensi " + join_words(named)
    return [
        f"Tingkat kematangan kelembagaan: total {n_md} variabel (skor {skala}, "
        f"rentang {rentang_md}): {matang}.",
        f"Nilai Efektivitas Kelembagaan = Σ(bobot subdimensi × nilai subdimensi); {bobot_dimensi}.",
    ]


def _relasi(a: float, b: float, desimal: int) -> str:
    """Compare two values as printed, so equal-looking numbers are called equal."""
    ra, rb = fmt.bulat(a, desimal), fmt.bulat(b, desimal)
    if ra > rb:
        return "lebih tinggi dibandingkan"
    if ra < rb:
        return "lebih rendah dibandingkan"
    return "sama dengan"


def kalimat_perbandingan(
    pembanding_hasil: pd.DataFrame, config: Config, *, organisasi: str | None = None, tanda: Tanda = POLOS
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
    codes = list(dict.fromkeys(str(k) for k in rows["kode_indikator"]))
    total_md = tanda.angka(
        fmt.bilangan(total),
        lambda a: Jejak(
            total,
            f"Jumlah indikator pada perbandingan tahun {config.tahun}",
            "hitung",
            rumus=f"indikator yang dibandingkan: {', '.join(codes)} = {fmt.bilangan(total)}",
        ),
    )
    opening = f"Dari {total_md} indikator kinerja"
    if total == 0:
        return f"Tidak ada indikator kinerja yang memiliki data pembanding pada tahun {config.tahun}."
    if n == 0:
        return (
            f"{opening}, belum ada yang dapat dibandingkan dengan realisasi pemerintah daerah "
            f"lain karena data pembandingnya belum tersedia."
        )
    comparable_codes = list(dict.fromkeys(str(k) for k in comparable["kode_indikator"]))
    n_md = tanda.angka(
        fmt.bilangan(n),
        lambda a: Jejak(
            n,
            f"Jumlah indikator yang dapat dibandingkan tahun {config.tahun}",
            "hitung",
            rumus=(
                f"indikator dengan realisasi dan angka pembanding: {', '.join(comparable_codes)} "
                f"= {fmt.bilangan(n)}"
            ),
        ),
    )
    if n == total:
        head = f"{opening}, seluruhnya dapat dibandingkan"
    elif n == 1:
        head = f"{opening}, hanya {n_md} indikator yang dapat dibandingkan, yaitu {quote(names[0])}"
    else:
        names_md = join_words([quote(x) for x in names])
        head = f"{opening}, {n_md} indikator dapat dibandingkan, yaitu {names_md}"
    parts = []
    for idx, row in comparable.iterrows():
        a, b = float(org[idx]), float(other[idx])
        prefix = "" if n == 1 else f"untuk {quote(row['indikator'])}, "
        a_md = tanda.angka(f.angka(a), lambda asal, row=row: asal.organisasi(row))
        b_md = tanda.angka(f.angka(b), lambda asal, row=row: asal.pembanding(row))
        parts.append(
            f"{prefix}realisasi {organisasi} sebesar {a_md} {_relasi(a, b, d)} "
            f"{escape_md(row['entitas_pembanding'])} ({b_md})"
        )
    return f"{head}: {'; '.join(parts)}."


def kalimat_sakip(sakip_pembanding: pd.DataFrame, config: Config, *, tanda: Tanda = POLOS) -> str:
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
    nilai_md = tanda.angka(f.angka(nilai), lambda a: a.pembanding(own.iloc[0]))
    text = f"Nilai SAKIP {escape_md(induk)} tahun {config.tahun} sebesar {nilai_md}"
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
        other_md = tanda.angka(f.angka(other), lambda a, row=row: a.pembanding(row))
        groups.setdefault(relasi, []).append(f"{name} ({other_md}{mark})")
    phrases = [f"{relasi} {join_words(names)}" for relasi, names in groups.items()]
    if phrases:
        kata = "namun" if len(phrases) > 1 else "dan"
        text += f" Nilai tersebut {join_words(phrases, kata)}."
    if missing:
        text += f" Nilai SAKIP {join_words(missing)} belum tersedia (N/A)."
    return text


def peringatan_markdown(processed_dir: Path, *, tanda: Tanda = POLOS) -> str:
    """The located warnings as a Markdown list for the book's reviu section.

    Each item names the cell (file, sheet, Excel row, column) and the message; text from the
    data is escaped and formula-safe (:func:`escape_md`).
    """
    rows = read_peringatan(processed_dir)
    if rows.empty:
        return "Langkah data tidak memberi peringatan kewajaran: tidak ada nilai yang tampak salah ketik."
    items = [f"{escape_md(lokasi(row))}: {escape_md(row.pesan)}" for row in rows.itertuples(index=False)]
    count = tanda.angka(
        fmt.bilangan(len(rows)),
        lambda _a: Jejak(
            len(rows),
            "Jumlah peringatan kewajaran langkah data",
            "hitung",
            rumus=f"baris peringatan.csv = {fmt.bilangan(len(rows))}",
            sel=(Sel("data/processed/peringatan.csv", jumlah=len(rows)),),
        ),
    )
    lead = (
        f"Langkah data memberi {count} peringatan kewajaran: nilai yang terbaca dan "
        "dipakai, tetapi tampak salah ketik atau tidak lengkap. Sel yang disebut perlu diperiksa:"
    )
    return f"{lead}\n\n{daftar(items, bernomor=False)}"
