"""The data dictionary: the processed tables, the analyst's views and the downloads, from their declarations.

:func:`kamus_markdown` writes, in Indonesian Markdown,

- every table of ``data/processed`` from its contract (:func:`lkjip.katalog.kamus.bagian_tabel`);
- every view of :mod:`lkjip.data` from :data:`lkjip.data.TAMPILAN` (columns, types, meanings,
  the tables each reads, how it selects, the values of ``asal``);
- every download of ``data/processed/publik/``: the Excel annex, each report table's CSV
  ``tabel-<nomor>.csv`` as printed (its columns, their kind, unit and decimals, built by the
  registry's own builders, :mod:`lkjip.report.bagian`, from empty tables of the contracts, so
  the columns are those the build writes), and the copies of the public processed tables.

The committed ``docs/kamus-data.md`` is this text for the project's ``laporan.yml`` (``python -m
lkjip kamus-data`` rewrites it; a test fails when it differs from a fresh generation), and the
book's Lampiran "Kamus Data" shows the same text without the parts of sources the office does
not report.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from functools import cache
from pathlib import Path

import pandas as pd

from lkjip import data
from lkjip.core.config import SUMBER, Config, load_config
from lkjip.core.paths import paths
from lkjip.core.teks import FORMULA_START
from lkjip.katalog import dataset as katalog
from lkjip.katalog.kamus import bagian_tabel, lebar, nama_tipe, sel
from lkjip.katalog.store import DESIMAL_SALINAN
from lkjip.report import bagian
from lkjip.report.jejak import ARTI_KOLOM_CSV
from lkjip.report.tabel_laporan import Jenis, TabelLaporan

#: Where the dictionary is committed, relative to the project root.
BERKAS_KAMUS = Path("docs") / "kamus-data.md"

#: Meaning of each column heading of the report tables, the same in every table that prints it
#: unless :data:`ARTI_KOLOM_TABEL` says otherwise for one table (by its key in the registry).
ARTI_KOLOM: dict[str, str] = {
    "No": "Nomor urut baris (sasaran, sub-kegiatan, unit) seperti tercetak.",
    "Kelompok": "Kelompok baris: Sasaran Strategis (indikator utama) atau Kinerja Lainnya.",
    "Sasaran": "Uraian sasaran strategis.",
    "Sasaran Strategis": "Uraian sasaran strategis.",
    "Indikator": "Indikator kinerja pada tingkat itu.",
    "Indikator Kinerja": "Nama indikator kinerja.",
    "Satuan": "Satuan indikator seperti tertulis di Perjanjian Kinerja.",
    "Target": "Target indikator tahun laporan, dalam satuannya.",
    "Realisasi": "Realisasi indikator tahun laporan, dalam satuannya.",
    "Capaian (%)": "Capaian = realisasi ÷ target × 100 (indikator negatif: (2 − realisasi ÷ target) × 100).",
    "Penjelasan/Formulasi": "Penjelasan dan rumus indikator menurut kantor.",
    "Sumber Data": "Sumber data indikator menurut kantor.",
    "Kegiatan": "Nama kegiatan.",
    "Anggaran": "Pagu anggaran kegiatan tahun laporan.",
    "Kode": "Kode sub-kegiatan SIPD.",
    "Sub Kegiatan": "Nama sub-kegiatan.",
    "Keterangan": "Catatan atas baris itu.",
    "Selisih": "Selisih antara dua angka baris itu.",
}

#: Column meanings that differ in one report table, by its key in :data:`lkjip.report.bagian.TABEL`.
ARTI_KOLOM_TABEL: dict[str, dict[str, str]] = {
    "II.1": {
        "Tingkat": "Tingkat dalam pohon kinerja (Tujuan, Sasaran, Program, Kegiatan, Sub Kegiatan).",
        "Tujuan/Sasaran/Program/Kegiatan/Sub Kegiatan": "Uraian tujuan, sasaran, program, kegiatan atau "
        "sub-kegiatan.",
        "Target": "Target seperti tercetak di dokumen perencanaan, termasuk satuannya (teks).",
    },
    "II.3": {"Target": "Target indikator tahun laporan dalam Perjanjian Kinerja, dalam satuannya."},
    "III.3": {
        "Realisasi": "Realisasi indikator organisasi tahun laporan (seperti tercetak).",
        "Pembanding": "Entitas pembanding (provinsi atau entitas lain di ekspor pembanding).",
        "Realisasi Pembanding": "Angka entitas pembanding untuk indikator dan tahun yang sama.",
        "Selisih": "Realisasi − realisasi pembanding.",
        "Keterangan": "Hasil perbandingan, atau catatan asal angka pembanding (mis. ilustratif).",
    },
    "III.4.A": {
        "Anggaran": "Pagu anggaran sub-kegiatan tahun laporan.",
        "Realisasi": "Realisasi anggaran sub-kegiatan sampai akhir tahun.",
        "Capaian (%)": "Persentase realisasi = realisasi ÷ anggaran × 100.",
    },
    "III.4.B": {
        "Realisasi Kinerja": "Realisasi indikator tahun laporan, dalam satuannya.",
        "Capaian Kinerja (%)": "Capaian indikator = realisasi ÷ target × 100.",
        "Alokasi Anggaran": "Jumlah pagu sub-kegiatan yang dipetakan ke sasaran itu.",
        "Realisasi Anggaran": "Jumlah realisasi sub-kegiatan yang dipetakan ke sasaran itu.",
        "Capaian Anggaran (%)": "Realisasi anggaran ÷ alokasi anggaran × 100.",
    },
    "lampiran-ikm": {
        "Kode": "Kode unit layanan (`PEMDA`: seluruh Pemerintah Daerah).",
        "Unit Pelayanan": "Nama unit layanan yang disurvei.",
        "Responden": "Jumlah responden unit tahun laporan.",
        "Sampel Minimum": "Sampel minimum Krejcie–Morgan untuk populasi unit.",
        "Sampel Cukup": "Apakah responden mencapai sampel minimum; kosong bila populasi tidak diketahui.",
        "IKM": "Indeks Kepuasan Masyarakat unit = Σ(NRR unsur × bobot) × 25.",
        "Mutu": "Mutu pelayanan (A, B, C, D) dari IKM yang dibulatkan.",
        "Kinerja": "Kinerja unit pelayanan sesuai mutunya.",
    },
    "lampiran-demografi": {
        "Karakteristik": "Karakteristik responden (jenis kelamin, umur, pendidikan, pekerjaan).",
        "Kelompok": "Kelompok dalam karakteristik itu.",
        "Jumlah Responden": "Jumlah responden dalam kelompok itu.",
        "Persentase": (
            "Persentase terhadap seluruh responden unit dan tahun itu (jawaban kosong: `Tidak diisi`)."
        ),
    },
    "lampiran-sakip": {
        "Perangkat Daerah": "Nama perangkat daerah.",
        "Nilai": "Nilai evaluasi SAKIP perangkat daerah tahun laporan.",
        "Predikat": "Predikat SAKIP dari nilainya.",
        "Sebutan": "Sebutan predikat.",
        "Minimal Baik": "Apakah predikat mencapai batas minimal baik di `laporan.yml`.",
    },
    "lampiran-kematangan": {
        "Perangkat Daerah": "Nama perangkat daerah.",
        "Total Skor": "Total skor variabel tingkat kematangan kelembagaan.",
        "Kategori": "Kategori tingkat kematangan dari total skor.",
        "Minimal Tinggi": "Apakah kategori mencapai batas minimal di `laporan.yml`.",
    },
    "lampiran-reviu": {
        "Jenis": "Jenis pemeriksaan reviu (angka apa yang dibandingkan).",
        "Lokasi": "Tempat angka tercetak di ekspor (berkas, sheet, baris, kolom).",
        "Nilai Tercetak": "Angka atau kategori seperti tercetak di ekspor.",
        "Nilai Hitung": "Angka atau kategori hasil hitung ulang lkjip.",
        "Selisih": "Angka tercetak − hasil hitung.",
        "Penjelasan": "Penjelasan temuan.",
    },
}

#: A year column of a trend table (``2021`` ... the report year).
_TAHUN = re.compile(r"^\d{4}$")

#: How each kind of report column is written in a CSV: type, unit.
_JENIS: dict[Jenis, tuple[str, str | None]] = {
    Jenis.TEKS: ("teks", None),
    Jenis.BARIS: ("teks (satu butir per baris)", None),
    Jenis.NOMOR: ("bilangan bulat", None),
    Jenis.BILANGAN: ("bilangan bulat", None),
    Jenis.RUPIAH: ("desimal", "Rp"),
    Jenis.PERSEN: ("desimal", "%"),
    Jenis.DESIMAL: ("desimal", None),
    Jenis.NILAI: ("desimal", "satuan di kolom `Satuan`"),
    Jenis.NILAI_POLOS: ("desimal", "satuan di kolom `Satuan`"),
    Jenis.YA_TIDAK: ("teks: `Ya`, `Tidak`", None),
    Jenis.CAMPURAN: ("angka atau teks", None),
}


def arti_kolom_laporan(kunci: str, kolom: str, config: Config) -> str | None:
    """The meaning of column ``kolom`` of the report table ``kunci``; ``None`` when nothing says it.

    Examples
    --------
    >>> config = load_config()
    >>> arti_kolom_laporan("III.4.A", "Realisasi", config)
    'Realisasi anggaran sub-kegiatan sampai akhir tahun.'
    >>> arti_kolom_laporan("III.2", "2023", config)
    'Realisasi indikator pada tahun 2023, dalam satuannya; kosong bila tidak ada.'
    >>> arti_kolom_laporan("lampiran-ikm", "U1", config)
    'NRR unsur U1 Persyaratan (skala 1–4).'
    """
    if kolom in ARTI_KOLOM_TABEL.get(kunci, {}):
        return ARTI_KOLOM_TABEL[kunci][kolom]
    if _TAHUN.match(kolom):
        return f"Realisasi indikator pada tahun {kolom}, dalam satuannya; kosong bila tidak ada."
    unsur = {u.kode: u.nama for u in config.skm.unsur}
    if kunci == "lampiran-ikm" and kolom in unsur:
        return f"NRR unsur {kolom} {unsur[kolom]} (skala 1–4)."
    return ARTI_KOLOM.get(kolom)


def _kosong(config: Config) -> bagian.Tabel:
    """Every processed table empty, with the columns and dtypes of its contract."""

    @cache
    def table(nama: str) -> pd.DataFrame:
        skema = katalog.lookup(nama).skema(config)
        return pd.DataFrame({c: pd.Series(dtype=str(col.dtype)) for c, col in skema.columns.items()})

    return table


def tabel_unduhan(config: Config, sumber: Collection[str] | None = None) -> list[tuple[str, TabelLaporan]]:
    """Every report table the build writes as ``tabel-<nomor>.csv``, with its registry key, in order.

    Built by the registry's builders from empty tables: the columns, their kinds and the
    numbers are those of the report for ``config``; ``sumber`` leaves out the tables of absent
    exports (``None``: every export).

    Examples
    --------
    >>> unduhan = tabel_unduhan(load_config())
    >>> [(kunci, t.nomor) for kunci, t in unduhan][:3]
    [('II.1', 'II.1.A'), ('II.1', 'II.1.B'), ('II.2', 'II.2.A')]
    >>> [t.nomor for _k, t in tabel_unduhan(load_config(), {"perjanjian_kinerja"})][-2:]
    ['III.2.B', 'L.5']
    """
    return bagian.semua_tabel_berkunci(_kosong(config), config, None if sumber is None else frozenset(sumber))


def kolom_laporan_tanpa_arti(
    config: Config | None = None, tabel: list[tuple[str, TabelLaporan]] | None = None
) -> list[str]:
    """``nomor.kolom`` of every report table column that nothing describes (empty when complete).

    ``tabel`` (key, table) pairs as :func:`lkjip.report.bagian.semua_tabel_berkunci` gives them;
    defaults to :func:`tabel_unduhan`.

    Examples
    --------
    >>> kolom_laporan_tanpa_arti()
    []
    """
    config = config or load_config()
    pairs = tabel_unduhan(config) if tabel is None else tabel
    return [
        f"{t.nomor}.{c}"
        for kunci, t in pairs
        for c in t.frame.columns
        if arti_kolom_laporan(kunci, c, config) is None
    ]


# --------------------------------------------------------------------------- Markdown


def _kode(values: Collection[str]) -> str:
    return ", ".join(f"`{v}`" for v in values) or "–"


def bagian_tampilan(tanpa: Collection[str] = frozenset()) -> list[str]:
    """The dictionary's part on the analyst's views (:data:`lkjip.data.TAMPILAN`), as Markdown lines.

    A view whose tables are all in ``tanpa`` (their sources absent: the view is empty) is left out.

    Examples
    --------
    >>> lines = bagian_tampilan()
    >>> lines[0], "### `data.sakip_pd()`" in lines
    ('## Tampilan analis (`lkjip.data`)', True)
    >>> any("bukan tabel `sakip_pd`" in line and "`sakip_pd_hasil`" in line for line in lines)
    True
    """
    views = [v for v in data.TAMPILAN.values() if not set(v.butuh) <= set(tanpa)]
    tables = set(katalog.nama_tabel())
    lines = [
        "## Tampilan analis (`lkjip.data`)",
        "",
        "Tampilan adalah DataFrame panjang yang dibuat dari tabel-tabel di atas untuk analisis: satu baris "
        "per entitas × indikator (× ukuran) × tahun, untuk setiap tahun yang datanya ada, dengan angkanya di "
        "kolom `nilai` beserta `asal`, `sumber` dan `keterangan`. Tampilan bukan tabel: tampilan yang "
        "namanya sama dengan sebuah tabel berisi angka yang sama dalam bentuk dan kolom lain (disebut di "
        "bagiannya); tabelnya dibuka dengan `data.tabel(nama)`.",
        "",
        "Parameter pemilih (kode unit, kode perangkat daerah, indikator, tahun) menolak nilai yang tidak ada "
        "di data dengan galat bernama (`UnitTidakDikenal`, `PerangkatDaerahTidakDikenal`, "
        "`IndikatorTidakDikenal`, `TahunTidakAda`) yang menyebut nilai yang ada dan yang paling mirip. Kode "
        "dicocokkan tanpa membedakan huruf besar/kecil dan spasi (`ul-01` berarti `UL-01`); teks lain dibaca "
        "sebagai nama (tanpa membedakan huruf besar/kecil, spasi dan tanda baca, `&` dibaca `dan`, seperti "
        "langkah data mencocokkan nama rekap dengan kodenya), atau bagian dari satu nama; teks yang cocok "
        "dengan lebih dari satu ditolak dengan "
        "daftar kodenya (`IndikatorAmbigu` dan sejenisnya), tidak pernah dicampur.",
        "",
        "| Asal | Arti | Tampilan |",
        lebar(15, 55, 30),
    ]
    for asal, arti in data.ARTI_ASAL.items():
        having = [v.nama for v in views if asal in v.kolom["asal"].nilai]
        lines.append(f"| `{asal}` | {sel(arti)} | {_kode(having)} |")
    lines += ["", "| Tampilan | Isi | Tabel yang dibaca |", lebar(34, 42, 24)]
    lines += [f"| `data.{v.nama}()` | {sel(v.isi)} | {_kode(v.tabel)} |" for v in views]
    for v in views:
        row = v.baris[0].upper() + v.baris[1:]
        about = f"{v.isi} {row}. Membaca {_kode(v.tabel)}; memilih dengan {_kode(v.pilihan)}."
        if v.nama in tables:
            about += f' Ini bukan tabel `{v.nama}` (`data.tabel("{v.nama}")`): kolom dan bentuknya lain'
            about += "." if v.nama in v.tabel else f"; nilainya dibaca dari {_kode(v.tabel)}."
        lines += [
            "",
            f"### `data.{v.nama}()`",
            "",
            sel(about),
            "",
            "| Kolom | Tipe | Satuan | Nilai yang mungkin | Dari | Arti |",
            lebar(18, 12, 12, 20, 18, 30),
        ]
        for name, kolom in v.kolom.items():
            lines.append(
                f"| `{name}` | {nama_tipe(kolom.tipe)} | {sel(kolom.satuan or '–')} | {_kode(kolom.nilai)} | "
                f"{sel(kolom.dari or '–')} | {sel(kolom.arti)} |"
            )
    return lines


def _desimal(tabel: TabelLaporan, kolom: str) -> str:
    kind = tabel.jenis_kolom(kolom)
    if not kind.angka and kind is not Jenis.CAMPURAN:
        return "–"
    if kind in {Jenis.NILAI, Jenis.NILAI_POLOS}:
        plain, percent = tabel.desimal_kolom(kolom), tabel.desimal_kolom(kolom, "%")
        return str(plain) if plain == percent else f"{plain} ({percent} bila `Satuan` %)"
    return str(tabel.desimal_kolom(kolom))


def bagian_unduhan(config: Config, sumber: Collection[str] | None = None) -> list[str]:
    """The dictionary's part on the downloads of ``data/processed/publik/``, as Markdown lines.

    ``sumber`` (the exports read; ``None``: every one) leaves out the downloads of absent ones.

    Examples
    --------
    >>> lines = bagian_unduhan(load_config())
    >>> "### `tabel-III.4.A.csv`" in lines and "### `tabel-II.1.A.csv`, `tabel-II.1.B.csv`" in lines
    True
    >>> "| `sakip_pd.csv` | Salinan tabel olahan `sakip_pd`: Nilai evaluasi SAKIP" in " ".join(lines)
    True
    >>> "| `Kode` | teks | – | – | tidak (hanya di unduhan) | Kode sub-kegiatan SIPD. |" in lines
    True
    """
    read = frozenset(SUMBER if sumber is None else sumber)
    unduhan = tabel_unduhan(config, read)
    marks = ", ".join(f"`{c}`" for c in FORMULA_START if c.isprintable())
    lines = [
        "## Unduhan (`data/processed/publik/`)",
        "",
        "Folder yang diterbitkan bersama situs laporan. Setiap CSV ditulis UTF-8 dengan BOM (agar Excel "
        "membaca huruf Indonesia dengan benar), dipisah koma, dengan titik sebagai tanda desimal (bentuk "
        "mesin, bukan bentuk cetak), baris pertama judul kolom, dan sel kosong untuk nilai yang tidak ada "
        f"(N/A, bukan 0); teks yang diawali {marks} diberi tanda petik tunggal di depannya agar spreadsheet "
        "tidak menjalankannya sebagai rumus. Angka tabel laporan dibulatkan seperti tercetak; salinan tabel "
        f"olahan membulatkan desimalnya {DESIMAL_SALINAN} angka di belakang koma untuk membuang derau biner "
        "(ketelitian penuh tetap di `data/processed/`). Data per responden dan baris yang ditolak tidak "
        "pernah diterbitkan.",
        "",
        "| Berkas | Isi | Kolom |",
        lebar(34, 46, 20),
        f"| `{bagian.nama_lampiran(config)}` | Lampiran tabel laporan (Excel): satu sheet per tabel "
        "laporan, dengan "
        "nilai yang sama dengan CSV-nya, dan sampul berisi sidik SHA-256 setiap berkas masukan. | seperti "
        "CSV tabelnya |",
    ]
    lines += [
        f"| `{bagian.nama_csv(t)}` | {sel(_judul(t))}, nilai seperti tercetak. | lihat di bawah |"
        for _k, t in unduhan
    ]
    for nama in katalog.publik(read):
        isi = katalog.lookup(nama).skema(config).description
        lines.append(f"| `{nama}.csv` | Salinan tabel olahan `{nama}`: {sel(isi)} | seperti tabelnya |")
    lines += [
        f"| `{bagian.nama_unduhan('<nomor>', 'xlsx')}` | Satu tabel laporan dalam workbook tersendiri: "
        "sheet lampirannya, siap cetak. | seperti CSV tabelnya |",
        f"| `{bagian.JEJAK_CSV}` | Setiap angka yang dicetak laporan (tabel, gambar, kalimat) dengan "
        "jejaknya: sel ekspor asalnya atau rumus dengan masukannya, dan hasil reviu atas angka yang "
        "dicetak ekspor. | lihat di bawah |",
    ]
    if config.publikasi.skm_unit.terbitkan and "skm" in read:
        lines.append(
            f"| `skm-unit/{config.tahun}/` | Laporan Hasil SKM dan infografik setiap unit layanan "
            "(`python -m lkjip skm-unit`), dengan halaman daftar `index.html`. | – |"
        )
    lines += [
        "",
        f"### `{bagian.JEJAK_CSV}`",
        "",
        "Satu baris per angka yang dicetak laporan, urut laporan; sama dengan sheet *Jejak Angka* "
        "lampiran Excel.",
        "",
        "| Kolom | Tipe | Arti |",
        lebar(22, 10, 68),
        *[f"| `{kolom}` | teks | {sel(arti)} |" for kolom, arti in ARTI_KOLOM_CSV.items()],
    ]
    for kunci, group in _kelompok(unduhan, config):
        lines += [
            "",
            "### " + ", ".join(f"`{bagian.nama_csv(t)}`" for t in group),
            "",
            sel(
                "; ".join(f"{t.nomor}: {_judul(t)}" for t in group)
                + ". Angka dibulatkan seperti tercetak di laporan (kolom Desimal); kolom yang tidak tampil "
                "di tabel cetak hanya ada di unduhan."
            ),
            "",
            "| Kolom | Tipe | Satuan | Desimal | Di tabel cetak | Arti |",
            lebar(20, 14, 14, 10, 12, 30),
            *_kolom_csv(kunci, group[0], config),
        ]
    return lines


def _judul(tabel: TabelLaporan) -> str:
    """The table's caption without "Tabel <nomor>": the file name says the number, and the PDF's
    pages of a table are found by its caption."""
    return tabel.judul.removeprefix(f"Tabel {tabel.nomor} ")


def _kolom_csv(kunci: str, tabel: TabelLaporan, config: Config) -> list[str]:
    """One row per column of a report table's CSV: type, unit, decimals, printed or not, meaning."""
    lines = []
    for kolom in tabel.frame.columns:
        tipe, satuan = _JENIS[tabel.jenis_kolom(kolom)]
        shown = "tidak (hanya di unduhan)" if kolom in tabel.sembunyi else "ya"
        arti = arti_kolom_laporan(kunci, kolom, config) or "(belum dijelaskan)"
        cells = [f"`{sel(kolom)}`", tipe, sel(satuan or "–"), _desimal(tabel, kolom), shown, sel(arti)]
        lines.append("| " + " | ".join(cells) + " |")
    return lines


def _kelompok(
    unduhan: list[tuple[str, TabelLaporan]], config: Config
) -> list[tuple[str, list[TabelLaporan]]]:
    """Consecutive tables of one key whose CSVs have the same columns (II.1.A and II.1.B), together."""
    groups: list[tuple[str, list[TabelLaporan]]] = []
    for kunci, tabel in unduhan:
        if groups and groups[-1][0] == kunci:
            first = groups[-1][1][0]
            if _kolom_csv(kunci, first, config) == _kolom_csv(kunci, tabel, config):
                groups[-1][1].append(tabel)
                continue
        groups.append((kunci, [tabel]))
    return groups


def _dibaca(tanpa: Collection[str]) -> frozenset[str]:
    """The exports of which some clean table is not in ``tanpa`` (the sources the office reports)."""
    return frozenset(
        d.sumber[0] for d in katalog.DATASET.values() if d.jenis == "bersih" and d.nama not in set(tanpa)
    )


def kamus_markdown(
    config: Config | None = None, *, judul: bool = True, tanpa: frozenset[str] | set[str] = frozenset()
) -> str:
    """The data dictionary as Markdown: processed tables, analyst's views, downloads.

    Parameters
    ----------
    config : Config, optional
        Defaults to the project's ``laporan.yml`` (it names the SKM answer columns, the report
        year, the plan periods and so the printed tables).
    judul : bool
        Start with the ``# Kamus Data`` heading (the file in ``docs/``); the book's page has
        its own title and passes ``False``.
    tanpa : set of str
        Tables left out: the book's page leaves out the tables of sources the office does not
        report (:func:`lkjip.data.tabel_sumber_absen`), the views made only from them and their
        downloads; ``docs/`` describes everything.

    Returns
    -------
    str
        Ends with a newline; tables are GitHub/Pandoc pipe tables.

    Examples
    --------
    >>> text = kamus_markdown()
    >>> text.startswith("# Kamus Data")
    True
    >>> "| `nrr` | desimal | ya | skala 1–4 | 1–4 |" in text
    True
    >>> "## Tampilan analis (`lkjip.data`)" in text and "## Unduhan (`data/processed/publik/`)" in text
    True
    """
    config = config or load_config()
    lines = ["# Kamus Data", ""] if judul else []
    lines += [
        "Setiap tabel di `data/processed/` (Parquet, dengan salinan CSV), setiap tampilan analis "
        "(`lkjip.data`) dan setiap unduhan di `data/processed/publik/`: kolomnya, tipe, satuan, nilai yang "
        "diizinkan, dan artinya. Halaman ini dibuat otomatis oleh `python -m lkjip kamus-data` dari kontrak "
        "data (pandera), deklarasi tampilan (`lkjip.data.TAMPILAN`) dan daftar bagian laporan "
        "(`lkjip.report.bagian`); jangan diubah dengan tangan. Nilai kosong berarti tidak ada data (N/A), "
        "tidak pernah 0. Tabel dapat dibuka dengan `lkjip.data.tabel(nama)`.",
        "",
        *(
            [
                f"Tabel dari sumber yang tidak dilaporkan kantor ini ({len(tanpa)} tabel, ditulis "
                "kosong di `data/processed/`) tidak dicantumkan, begitu pula tampilan dan unduhan yang "
                "hanya berasal dari tabel itu.",
                "",
            ]
            if tanpa
            else []
        ),
        *bagian_tabel(config, tanpa=tanpa),
        "",
        *bagian_tampilan(tanpa),
        "",
        *bagian_unduhan(config, _dibaca(tanpa) if tanpa else None),
    ]
    return "\n".join(lines) + "\n"


def berkas_kamus(root: Path | None = None) -> Path:
    """Where the dictionary is committed in the project at ``root``: ``docs/kamus-data.md``.

    Examples
    --------
    >>> berkas_kamus().relative_to(paths().root).as_posix()
    'docs/kamus-data.md'
    """
    return paths(root).root / BERKAS_KAMUS


def write_kamus(target: Path, config: Config | None = None) -> Path:
    """Write the dictionary to ``target`` (UTF-8, ``\\n`` line ends) and return it.

    Examples
    --------
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     written = write_kamus(Path(folder) / "kamus.md")
    ...     written.read_text(encoding="utf-8").splitlines()[0], kamus_sesuai(written)
    ('# Kamus Data', True)
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(kamus_markdown(config), encoding="utf-8", newline="\n")
    return target


def kamus_sesuai(target: Path, config: Config | None = None) -> bool:
    """Whether ``target`` holds exactly the dictionary the declarations give now (the CI check).

    Examples
    --------
    >>> kamus_sesuai(Path("tidak-ada.md"))
    False
    """
    return target.exists() and target.read_text(encoding="utf-8") == kamus_markdown(config)
