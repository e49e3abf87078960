"""The site's own pages, written from ``laporan.yml`` and the data step's manifest.

- The welcome page (``index.qmd`` shows ``_bab/index.md``): what the report is, built from which
  of the office's exports (the sources the data step read, never a list of every source the
  project knows), and how to read the site.
- The downloads page (``bab/07-unduhan.qmd`` shows ``_bab/07-unduhan.md``): every file the site
  publishes with what it holds: the PDF and the DOCX, the Excel annex, each report table's CSV
  and workbook beside a link to the table, the processed tables with their description.
- The search entries of the numbered tables and figures (:func:`write_pencarian`, Quarto's
  post-render step): the site's search finds "III.4.B" and leads to the table itself.

Both pages are for the site only (``.hanya-situs``: the filter ``bab.lua`` leaves them out of
the PDF and the DOCX). They are written by :func:`lkjip.publish.bab.prepare_bab` after the
chapters, from the same registry (:mod:`lkjip.report.bagian`) as the downloads folder the build
writes, never from what an earlier build left there.
"""

from __future__ import annotations

import json
import os
import re
import sys
from collections.abc import Sequence
from pathlib import Path

from lkjip.core.config import Config
from lkjip.core.paths import paths
from lkjip.katalog.dataset import sumber_dibaca
from lkjip.katalog.kamus import kontrak_tabel
from lkjip.publish.buku import DAFTAR, GENERATED, PUBLIK, UNDUHAN, Penanda, penanda_buku
from lkjip.report import bagian
from lkjip.report.narasi import escape_md

#: The welcome page's Markdown (``_bab/index.md``, shown by ``index.qmd``).
SAMBUTAN = "index"
#: The data dictionary's page (its sections are the processed tables, by name).
KAMUS = "06-kamus-data"


def nama_berkas_buku(config: Config) -> str:
    """The stem of the book's PDF and DOCX (``book.output-file`` in ``_laporan.yml``).

    >>> from lkjip.core.config import load_config
    >>> nama_berkas_buku(load_config())
    'LKjIP-2025-Bagian-Organisasi-Sekretariat-Daerah-Kabupaten-Mojokerto'
    """
    nama = re.sub(r"[^A-Za-z0-9]+", "-", config.instansi.nama_lengkap).strip("-")
    return f"LKjIP-{config.tahun}-{nama}"


def _contoh_nomor(penanda: Sequence[Penanda]) -> str | None:
    """A table number to show the search with: the first of BAB III, else the first there is."""
    tabel = [p.nomor for p in penanda if p.jenis == "tabel"]
    return next((n for n in tabel if n.startswith("III.")), tabel[0] if tabel else None)


def sambutan_markdown(config: Config, sumber: frozenset[str], penanda: Sequence[Penanda]) -> str:
    """The welcome page: the report, the exports it is built from, and how to read the site.

    Links are relative to ``index.qmd`` at the project root.
    """
    ekspor = bagian.sebutan_sumber(sumber)
    berkas = nama_berkas_buku(config)
    lines = [
        f"Situs ini memuat **Laporan Kinerja Instansi Pemerintah (LKjIP) Tahun {config.tahun}** "
        f"{escape_md(config.instansi.nama_lengkap)}. Laporan disusun dari "
        + ("ekspor Excel kantor berikut:" if len(ekspor) > 1 else "ekspor Excel kantor:"),
        "",
        *[f"- {escape_md(e)}" for e in ekspor],
        "",
        "Setiap angka dalam laporan dihitung ulang dari ekspor tersebut oleh paket `lkjip`, sehingga "
        "dapat ditelusuri sampai ke berkas, sheet, dan baris asalnya.",
        "",
        "Cara membaca situs ini:",
        "",
        "- Bab-bab laporan ada di menu samping, berurutan seperti dokumen cetaknya; "
        f"[Daftar Isi](bab/{DAFTAR}.qmd) memuat Daftar Tabel dan Daftar Gambar yang menautkan setiap "
        "tabel dan gambar.",
        f"- Laporan untuk ditandatangani: [PDF]({berkas}.pdf) dan [DOCX]({berkas}.docx) yang dapat "
        "disunting (juga lewat ikon unduh di atas menu samping).",
        "- Setiap tabel dapat diunduh tepat di bawahnya (CSV dan Excel); semua berkas unduhan dan "
        f"isinya dijelaskan di halaman [Unduhan Data](bab/{UNDUHAN}.qmd).",
    ]
    contoh = _contoh_nomor(penanda)
    if contoh:
        lines.append(f'- Kotak pencarian menemukan tabel menurut nomornya, misalnya "{contoh}".')
    lines.append(
        "- Lampiran *Data Pendukung* memuat hasil reviu otomatis: angka yang tercetak atau diketik di "
        "ekspor tetapi berbeda dari hasil hitung ulang."
    )
    kamus = f"- [Kamus Data](bab/{KAMUS}.qmd) menjelaskan setiap tabel data dan kolomnya"
    if config.publikasi.bahan_analis_dicetak:
        lines.append(kamus + ".")
    else:
        lines.append(kamus + " (bahan untuk analis: ada di situs, tidak dicetak di PDF dan DOCX).")
    return "\n".join(lines) + "\n"


#: A report table's downloads: its CSV and its workbook.
_JENIS_UNDUHAN = (("csv", "CSV"), ("xlsx", "Excel"))


def _unduh(teks: str, berkas: str) -> str:
    return f"[{teks}]({PUBLIK}/{berkas})"


def unduhan_markdown(
    config: Config, sumber: frozenset[str], penanda: Sequence[Penanda], olahan: Sequence[str], root: Path
) -> str:
    """The downloads page: each file the site publishes and what it holds.

    ``penanda`` are the book's numbered tables (where each stands), ``olahan`` the processed
    tables published (:func:`lkjip.report.bagian.tabel_olahan_publik`). Links are relative to
    the page ``bab/07-unduhan.qmd``.
    """
    berkas = nama_berkas_buku(config)
    annex = bagian.nama_lampiran(config)
    lines = [
        "Berkas di halaman ini dibuat bersama laporan oleh `python -m lkjip build` dari ekspor Excel "
        "kantor; angka tabelnya sama dengan yang tercetak di laporan.",
        "",
        "## Laporan",
        "",
        "::: {.lkjip-unduhan}",
        "",
        "| Berkas | Isi |",
        "|---|---|",
        f"| [Laporan (PDF)](../{berkas}.pdf) | Laporan lengkap untuk ditandatangani, A4 "
        f"(`{berkas}.pdf`). |",
        f"| [Laporan (DOCX)](../{berkas}.docx) | Laporan yang sama dalam format Word, untuk disunting "
        "sebelum ditandatangani; Daftar Isi, Daftar Tabel dan Daftar Gambar diisi nomor halamannya "
        f"oleh Word saat dokumen dibuka (`{berkas}.docx`). |",
        f"| {_unduh('Lampiran tabel (Excel)', annex)} | Setiap tabel laporan dalam satu sheet yang "
        "dinamai dengan nomornya, angka sebagai angka (dibulatkan seperti tercetak), siap cetak A4 "
        "lanskap; sheet *Jejak Angka* memuat asal setiap angka; sheet *Sampul* memuat berkas masukan "
        f"dan sidik SHA-256-nya (`{annex}`). |",
        f"| {_unduh('Jejak angka (CSV)', bagian.JEJAK_CSV)} | Setiap angka yang dicetak laporan "
        "(tabel, grafik dan kalimat), satu baris per angka: di mana tercetak, apa artinya, asalnya "
        "(sel ekspor yang dibaca: berkas, sheet, baris dan kolom Excel; atau rumus dengan "
        "masukannya) dan angka yang "
        f"dicetak ekspor kantor untuk hal yang sama beserta hasil reviunya (`{bagian.JEJAK_CSV}`). |",
        "",
        ":::",
        "",
        "## Tabel laporan",
        "",
        "Setiap tabel laporan, angkanya dibulatkan seperti tercetak: CSV (UTF-8, untuk diolah) dan "
        "Excel (satu sheet, siap cetak). Nomor tabel menautkan tabel itu di laporan.",
        "",
        "::: {.lkjip-unduhan}",
        "",
        "| Tabel | Judul | Unduh |",
        "|---|---|---|",
    ]
    for p in (p for p in penanda if p.jenis == "tabel"):
        links = " · ".join(_unduh(teks, bagian.nama_unduhan(p.nomor, a)) for a, teks in _JENIS_UNDUHAN)
        lines.append(f"| [{p.nomor}]({p.halaman}.qmd#{p.jangkar}) | {escape_md(p.judul)} | {links} |")
    kontrak = kontrak_tabel(config)
    lines += [
        "",
        ":::",
        "",
        "## Tabel olahan",
        "",
        "Tabel data yang menjadi dasar setiap angka laporan, seperti ditulis langkah data (presisi "
        "penuh, tanpa derau pecahan biner); data per responden dan baris yang ditolak tidak "
        f"diterbitkan. Arti setiap kolom: [Kamus Data]({KAMUS}.qmd).",
        "",
        "::: {.lkjip-unduhan}",
        "",
        "| Tabel | Isi | Unduh |",
        "|---|---|---|",
    ]
    for nama in olahan:
        isi = escape_md(kontrak[nama].keterangan) if nama in kontrak else ""
        lines.append(f"| [`{nama}`]({KAMUS}.qmd#{nama}) | {isi} | {_unduh('CSV', f'{nama}.csv')} |")
    lines += ["", ":::"]
    skm = _publikasi_skm_unit(config, sumber, root)
    if skm:
        lines += ["", "## Publikasi SKM per unit layanan", "", skm]
    return "\n".join(lines) + "\n"


def _publikasi_skm_unit(config: Config, sumber: frozenset[str], root: Path) -> str:
    """The line on every SKM unit's own publication, when ``laporan.yml`` asks for them."""
    from lkjip.katalog.dataset import load
    from lkjip.report.skm_unit.isi import FOLDER_PUBLIK, tahun_berdata

    if not config.publikasi.skm_unit.terbitkan or "skm" not in sumber:
        return ""
    if config.tahun not in tahun_berdata({"ikm_unit": load("ikm_unit", paths(root).processed)}):
        return ""
    folder = f"../data/processed/{FOLDER_PUBLIK.as_posix()}/{config.tahun}"
    return (
        "Setiap unit layanan yang disurvei mempunyai Laporan Hasil SKM (PDF) dan infografisnya (PDF "
        f"dan PNG, A4 dan persegi): [daftar publikasi SKM per unit layanan]({folder}/index.html)."
    )


def write_situs(root: Path | None, config: Config, markdowns: Sequence[Path]) -> list[Path]:
    """Write the welcome page and the downloads page (``_bab/index.md``, ``_bab/07-unduhan.md``)."""
    project = paths(root)
    sumber = sumber_dibaca(project.processed)
    penanda = penanda_buku(markdowns)
    olahan = bagian.tabel_olahan_publik(project.root)
    pages = {
        SAMBUTAN: sambutan_markdown(config, sumber, penanda),
        UNDUHAN: unduhan_markdown(config, sumber, penanda, olahan, project.root),
    }
    written = []
    for name, text in pages.items():
        target = project.root / GENERATED / f"{name}.md"
        target.write_text(text, encoding="utf-8")
        written.append(target)
    return written


# ---------------------------------------------------------------------- search


def entri_pencarian(entries: Sequence[dict], penanda: Sequence[Penanda]) -> list[dict]:
    """The site's search entries with one more per numbered table and figure, leading to it.

    Quarto's search indexes a page by its sections (``III.4 Akuntabilitas Anggaran``): a search
    for "III.4.B" found the section, not the table. Each added entry carries the number and
    the caption as its section title and links the table's or figure's anchor; its page title
    and breadcrumbs are those of its page. Entries added by an earlier run are replaced.

    Examples
    --------
    >>> page = {"objectID": "bab/03.html", "href": "bab/03.html", "title": "BAB III",
    ...         "section": "", "text": "...", "crumbs": ["BAB III"]}
    >>> tabel = Penanda("tabel", "Tabel III.4.B", "Perbandingan", "03")
    >>> added = entri_pencarian([page], [tabel])[-1]
    >>> added["href"], added["section"], added["crumbs"]
    ('bab/03.html#tabel-iii-4-b', 'Tabel III.4.B Perbandingan', ['BAB III'])
    """
    import html as htmllib

    kept = [e for e in entries if not re.search(r"#(tabel|gambar)-", e.get("href", ""))]
    pages = {e["href"]: e for e in kept if "#" not in e.get("href", "")}
    out = list(kept)
    for p in penanda:
        page = pages.get(f"bab/{p.halaman}.html")
        if page is None:  # a page the render did not write
            continue
        href = f"bab/{p.halaman}.html#{p.jangkar}"
        out.append(
            {
                "objectID": href,
                "href": href,
                "title": page.get("title", ""),
                "section": p.lengkap,
                "text": htmllib.escape(f"{p.label} pada {page.get('title', '')}", quote=False),
                "crumbs": page.get("crumbs", []),
            }
        )
    return out


def write_pencarian(root: Path | None = None, book: Path | None = None) -> Path | None:
    """Add the tables' and figures' entries to the site's ``search.json``.

    Run by Quarto after a render (``post-render`` in ``_quarto.yml``); nothing to do when the
    render wrote no site (a PDF-only render).
    """
    project = paths(root)
    book = book or project.root / "_book"
    index = book / "search.json"
    if not index.is_file():
        return None
    markdowns = sorted((project.root / GENERATED).glob("*.md"))
    entries = entri_pencarian(json.loads(index.read_text(encoding="utf-8")), penanda_buku(markdowns))
    index.write_text(json.dumps(entries, indent=2, ensure_ascii=False), encoding="utf-8")
    return index


def main(argv: list[str] | None = None) -> int:
    """Quarto's post-render step: the search entries of the tables and figures."""
    del argv
    try:
        output_dir = os.environ.get("QUARTO_PROJECT_OUTPUT_DIR")
        write_pencarian(book=Path(output_dir) if output_dir else None)
    except Exception as exc:  # the message names what failed
        print(f"GAGAL menulis indeks pencarian: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":  # pragma: no cover - exercised through Quarto's post-render
    raise SystemExit(main())
