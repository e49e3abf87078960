"""What the notebooks call: one object that loads the processed tables and returns report pieces.

Notebooks stay thin: ``lap = Laporan.load(tahun)`` and then one call per table, chart or
generated paragraph. Every number shown comes from ``data/processed`` through this module, and
every figure carries its trail (:mod:`lkjip.report.jejak`): a table, chart or generated text
is displayed with each figure marked, then the collapsed list of its trails (shown by the site,
left out of the PDF and the DOCX). :data:`TEKS_BAB` lists the generated texts of the chapters, so
that ``jejak-angka.csv`` lists their figures too (:meth:`Laporan.semua_butir`).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import mistune
import pandas as pd
from great_tables import GT
from IPython.display import HTML, Image, Markdown, display, publish_display_data

from lkjip.core.config import Config, load_config
from lkjip.core.fmt import Formatter
from lkjip.core.fmt import bilangan as fmt_bilangan
from lkjip.core.na import is_na
from lkjip.core.paths import ProjectPaths, paths
from lkjip.indicators.anggaran import baris_kinerja_anggaran, dana_sasaran
from lkjip.indicators.ikm import KODE_PEMDA
from lkjip.katalog import dataset as katalog
from lkjip.katalog.store import check_folder
from lkjip.report import bagian, charts, narasi, tables
from lkjip.report.asal import Asal
from lkjip.report.jejak import Butir, Jejak, Kalimat, daftar_html, polos
from lkjip.report.konten import kata_pengantar_ttd, load_section
from lkjip.report.tahun import config_tahun


def _md(text: str) -> Markdown:
    return Markdown(text)


class Teks(Markdown):
    """A generated text whose figures carry their trails.

    ``data`` is the Markdown as it reads (what tests and analysts compare); displayed, each
    figure is marked with its trail (:func:`lkjip.report.jejak.tandai`) and the list of trails
    follows it (site only).
    """

    def __init__(self, berjejak: str, kalimat: Kalimat | None = None):
        super().__init__(polos(berjejak))
        self.berjejak = berjejak
        self.kalimat = kalimat

    def butir_jejak(self, tempat: str = "") -> list[Butir]:
        """Every figure of the text with its trail."""
        if self.kalimat is None:
            return []
        return [Butir(ident, tempat, "", "", teks, jejak) for ident, teks, jejak in self.kalimat.daftar]

    def jejak_html(self) -> str:
        return daftar_html("paragraf ini", self.butir_jejak())

    def _ipython_display_(self) -> None:
        # The Markdown for the book (Quarto reads it); the same text as HTML for what renders HTML
        # first (Jupyter, the preview), whose Markdown converter would drop the marks' content.
        publish_display_data(
            {
                "text/markdown": self.berjejak,
                "text/html": mistune.html(self.berjejak),
                "text/plain": self.data,
            }
        )
        trails = self.jejak_html()
        if trails:
            display(HTML(trails))


class TabelTampil:
    """A report table for display: its great_tables rendering, then the list of its trails."""

    def __init__(self, tabel: tables.TabelLaporan, gt: GT):
        self.tabel, self.gt = tabel, gt

    def __getattr__(self, name: str):  # as_raw_html() and the rest of GT
        if name in {"gt", "tabel"}:  # not set yet (a copy being made): no recursion
            raise AttributeError(name)
        return getattr(self.gt, name)

    def _ipython_display_(self) -> None:
        display(self.gt)
        trails = self.tabel.jejak_html()
        if trails:
            display(HTML(trails))


class GambarTampil:
    """A chart for display: its PNG, then the list of the trails of the values it plots."""

    def __init__(self, gambar: charts.Gambar, image: Image):
        self.gambar, self.image = gambar, image

    def _ipython_display_(self) -> None:
        display(self.image)
        trails = self.gambar.jejak_html()
        if trails:
            display(HTML(trails))


#: The generated texts of the chapters, in report order: the chapter's notebook, the
#: :class:`Laporan` method, and what it is called for (``dokumen``: every agreement in force;
#: ``periode``: every plan period in force). A test checks it against the notebooks.
TEKS_BAB: tuple[tuple[str, str, str | None], ...] = (
    ("00b-ikhtisar-eksekutif", "ringkasan_pk", None),
    ("00b-ikhtisar-eksekutif", "kesimpulan", "dokumen"),
    ("00b-ikhtisar-eksekutif", "paragraf_anggaran", None),
    ("02-perencanaan-kinerja", "visi_misi", "periode"),
    ("03-akuntabilitas-kinerja", "kesimpulan", "dokumen"),
    ("03-akuntabilitas-kinerja", "ringkasan_pk", None),
    ("03-akuntabilitas-kinerja", "formulasi", "dokumen"),
    ("03-akuntabilitas-kinerja", "analisis", "dokumen"),
    ("03-akuntabilitas-kinerja", "kalimat_sakip", None),
    ("03-akuntabilitas-kinerja", "perbandingan", None),
    ("03-akuntabilitas-kinerja", "paragraf_anggaran", None),
    ("03-akuntabilitas-kinerja", "efisiensi", None),
    ("04-penutup", "kesimpulan_penutup", None),
    ("05-lampiran", "publikasi_skm_unit", None),
    ("05-lampiran", "peringatan", None),
    ("05-lampiran", "metodologi", None),
)


@dataclass
class Laporan:
    """The report of one year: configuration, processed tables (read lazily) and builders.

    Use :meth:`load` to create one.
    """

    config: Config
    paths: ProjectPaths
    _tables: dict[str, pd.DataFrame] = field(default_factory=dict, repr=False)

    @classmethod
    def load(cls, tahun: int | None = None, *, root: Path | None = None) -> Laporan:
        """Load the configuration (for ``tahun`` if given, else the configured year).

        Another year than ``laporan.yml``'s must be covered by the processed data; otherwise
        :class:`lkjip.report.tahun.TahunTidakTercakup` names the years that are.
        """
        project = paths(root)
        config = load_config(project.config)
        if tahun is not None:
            config = config_tahun(config, int(tahun), project.root)
        return cls(config, project)

    # ------------------------------------------------------------------ data

    def t(self, name: str) -> pd.DataFrame:
        """A processed table by name (read once, then cached); see :func:`lkjip.katalog.dataset.load`."""
        if name not in self._tables:
            self._tables[name] = katalog.load(name, self.paths.processed)
        return self._tables[name]

    @property
    def _fmt(self) -> Formatter:
        return Formatter(self.config)

    @property
    def sumber(self) -> frozenset[str]:
        """The sources (exports) the data step read (:func:`lkjip.katalog.dataset.sumber_dibaca`)."""
        return katalog.sumber_dibaca(self.paths.processed)

    def ada(self, *sumber: str) -> bool:
        """Whether the office reports every one of ``sumber`` (``"sakip"``, ``"skm"`` ...)."""
        return all(s in self.sumber for s in sumber)

    def ada_bagian(self, kunci: str) -> bool:
        """Whether the report has part ``kunci`` (a table, figure or passage of the registry,
        :func:`lkjip.report.bagian.ada`)."""
        return bagian.ada(kunci, self.sumber)

    def bila(self, sumber: str, teks: str, lainnya: str = "") -> Markdown:
        """``teks`` (Markdown) when the office reports ``sumber``, else ``lainnya`` (nothing by
        default): a heading or sentence about an export the office does not have is left out,
        not printed empty."""
        return _md(teks if self.ada(sumber) else lainnya)

    @property
    def dokumen_aktif(self) -> list[str]:
        """The agreements (Perjanjian Kinerja) in force in the report year, oldest period first."""
        return self.config.dokumen_aktif

    # ------------------------------------------------------------------ text

    def konten(self, *names: str) -> Markdown:
        """Office-owned text from ``konten/`` (placeholders filled from the configuration)."""
        return _md("\n\n".join(load_section(n, self.config, self.paths.konten) for n in names))

    def tanda_tangan(self) -> Markdown:
        return _md(kata_pengantar_ttd(self.config))

    # ------------------------------------------------------------------ trails

    @cached_property
    def asal(self) -> Asal:
        """The trail maker of this report (:func:`lkjip.report.bagian.asal`)."""
        return bagian.asal(self.t, self.config)

    def _teks(self, awalan: str, build: Callable[[Kalimat], str]) -> Teks:
        """A generated text whose figures ``build`` marks through the :class:`Kalimat` it gets;
        ``awalan`` makes the ids of the marks unique on the page."""
        kalimat = Kalimat(_slug(awalan), self.asal)
        return Teks(build(kalimat), kalimat)

    def _hitung(self, k: Kalimat, n: int, uraian: str, rows: pd.DataFrame, rincian: str) -> str:
        """A count of agreement rows, marked with its trail (the rows counted)."""
        return k.angka(fmt_bilangan(n), lambda a: a.hitungan(n, uraian, rows, rincian=rincian))

    # ------------------------------------------------------------------ text

    def visi_misi(self, periode: int) -> Teks:
        """Visi, misi and the misi this unit supports, for plan period number ``periode``."""
        p = self.config.periode[periode]

        def build(k: Kalimat) -> str:
            misi = narasi.daftar([narasi.escape_md(m) for m in p.misi])
            didukung = narasi.escape_md(p.misi[p.misi_didukung - 1])
            jumlah = k.angka(
                fmt_bilangan(len(p.misi)),
                lambda a: a.konfigurasi(
                    len(p.misi), f"Jumlah misi periode {p.kode}", f"periode[{periode}].misi"
                ),
            )
            ke = k.angka(
                fmt_bilangan(p.misi_didukung),
                lambda a: a.konfigurasi(
                    p.misi_didukung,
                    f"Misi yang didukung unit, periode {p.kode}",
                    f"periode[{periode}].misi_didukung",
                ),
            )
            return (
                f"Dokumen: {narasi.escape_md(p.dokumen)}.\n\n"
                f"Visi {narasi.escape_md(self.config.wilayah)} periode {p.kode}:\n\n"
                f"> **“{narasi.escape_md(p.visi)}”**\n\n"
                f"Misi ({jumlah}):\n\n{misi}\n\n"
                f"{narasi.escape_md(self.config.instansi.nama_lengkap)} mendukung misi ke-{ke}:"
                f"\n\n> **“{didukung}”**"
            )

        return self._teks(f"visi-misi-{p.kode}", build)

    def ringkasan_pk(self) -> Teks:
        """How many agreements, sasaran and indicators the unit has this year."""
        tahun = self.config.tahun

        def build(k: Kalimat) -> str:
            pk = self.t("perjanjian_kinerja")
            parts = []
            for dokumen in self.dokumen_aktif:
                rows = pk[(pk["dokumen"] == dokumen) & (pk["tahun"] == tahun)]
                utama = rows[rows["jenis"] == "utama"]
                lainnya = rows[rows["jenis"] == "lainnya"]
                periode = self.config.periode_for_pk(dokumen).kode
                sasaran = sorted({int(v) for v in utama["no_sasaran"].dropna()})
                targets = utama[utama["target"].notna()]
                codes = ", ".join(str(c) for c in utama["kode_indikator"])
                text = (
                    f"{narasi.escape_md(dokumen)} Tahun {tahun} (periode perencanaan {periode}) memuat "
                    + self._hitung(
                        k,
                        len(sasaran),
                        f"Jumlah sasaran strategis {dokumen} {tahun}",
                        utama,
                        "sasaran nomor " + ", ".join(map(str, sasaran)),
                    )
                    + " sasaran strategis dengan "
                    + self._hitung(
                        k, len(utama), f"Jumlah indikator sasaran strategis {dokumen} {tahun}", utama, codes
                    )
                    + " indikator kinerja dan "
                    + self._hitung(
                        k,
                        len(targets),
                        f"Jumlah target indikator sasaran strategis {dokumen} {tahun}",
                        targets,
                        "indikator bertarget: " + ", ".join(str(c) for c in targets["kode_indikator"]),
                    )
                    + " target"
                )
                if len(lainnya):
                    text += (
                        ", ditambah "
                        + self._hitung(
                            k,
                            len(lainnya),
                            f"Jumlah indikator kinerja lainnya {dokumen} {tahun}",
                            lainnya,
                            ", ".join(str(c) for c in lainnya["kode_indikator"]),
                        )
                        + " indikator kinerja lainnya"
                    )
                parts.append(text + ".")
            n = len(self.dokumen_aktif)
            jumlah = k.angka(
                fmt_bilangan(n),
                lambda a: a.konfigurasi(
                    n,
                    f"Jumlah Perjanjian Kinerja yang berlaku tahun {tahun}",
                    "periode[].dokumen_pk (periode yang memuat tahun laporan)",
                ),
            )
            intro = (
                f"Pada tahun {tahun} {narasi.escape_md(self.config.instansi.nama_lengkap)} "
                f"menyusun {jumlah} Perjanjian Kinerja."
            )
            return " ".join([intro, *parts])

        return self._teks("ringkasan-pk", build)

    def kesimpulan(self, dokumen: str) -> Teks:
        """The four counts of an agreement's main indicators (said to be those only)."""
        return self._teks(
            f"kesimpulan-{dokumen}",
            lambda k: narasi.kesimpulan_capaian(
                self.t("ringkasan_capaian"), dokumen, self.config, capaian=self.t("capaian"), tanda=k
            ),
        )

    def paragraf_anggaran(self) -> Teks | Markdown:
        """The budget and its realisation this year against last year; nothing without a budget export."""
        if not self.ada_bagian("paragraf-anggaran"):
            return _md("")
        return self._teks(
            "paragraf-anggaran",
            lambda k: narasi.paragraf_anggaran(self.t("anggaran_total"), self.config, tanda=k),
        )

    def efisiensi(self, dokumen: str | None = None) -> Teks | Markdown:
        """The efisiensi sentence under Tabel III.4.B, from the figures of its summary row.

        The two figures and their trails are the table's own (the same builder), so the sentence
        and the table cannot differ. Nothing without a budget export: efficiency compares
        performance with money spent.
        """
        if not self.ada_bagian("efisiensi"):
            return _md("")
        dokumen = dokumen or self.dokumen_aktif[-1]
        c = self.config
        rows = baris_kinerja_anggaran(self.t("anggaran_sasaran"), self.t("capaian"), dokumen, c.tahun)
        if rows.empty:  # no budget per sasaran: the agreement's summary and the unit's budget
            return self._teks(
                f"efisiensi-{dokumen}",
                lambda k: narasi.kalimat_efisiensi(
                    self.t("ringkasan_capaian"), dokumen, c, capaian=self.t("capaian"), tanda=k
                ),
            )
        table = tables.tabel_kinerja_anggaran(
            self.t("anggaran_sasaran"),
            self.t("capaian"),
            self.t("ringkasan_capaian"),
            c,
            nomor=bagian.nomor_tabel("III.4.B"),
            dokumen=dokumen,
            dana=dana_sasaran(self.t("anggaran_hasil"), self.t("peta_sasaran_anggaran"), c),
            tercetak=self.t("anggaran_sasaran_tercetak"),
            asal=self.asal,
        )
        last = len(table.frame) - 1
        kinerja, anggaran = (
            table.frame.at[last, col] for col in ("Capaian Kinerja (%)", "Capaian Anggaran (%)")
        )
        jumlah = int(pd.to_numeric(rows["capaian"], errors="coerce").notna().sum())
        return self._teks(
            f"efisiensi-{dokumen}",
            lambda k: narasi.kalimat_efisiensi_nilai(
                kinerja,
                anggaran,
                c,
                jumlah=jumlah,
                tanda=k,
                jejak_kinerja=lambda _a: table.jejak.get((last, "Capaian Kinerja (%)")),
                jejak_anggaran=lambda _a: table.jejak.get((last, "Capaian Anggaran (%)")),
            ),
        )

    def perbandingan(self) -> Teks | Markdown:
        if not self.ada_bagian("kalimat-perbandingan"):
            return _md("")
        return self._teks(
            "perbandingan",
            lambda k: narasi.kalimat_perbandingan(self.t("pembanding_hasil"), self.config, tanda=k),
        )

    def kalimat_sakip(self) -> Teks | Markdown:
        if not self.ada_bagian("kalimat-sakip"):
            return _md("")
        return self._teks(
            "sakip", lambda k: narasi.kalimat_sakip(self.t("sakip_pembanding"), self.config, tanda=k)
        )

    def formulasi(self, dokumen: str) -> Teks:
        """Each indicator of an agreement with its sasaran and its formula (from the office's data)."""
        pk = self._indikator(dokumen)
        notes = self.t("narasi_indikator")
        notes = notes[notes["dokumen"] == dokumen].set_index("kode_indikator")

        def build(k: Kalimat) -> str:
            items = []
            for row in pk.itertuples(index=False):
                formula = notes["formulasi"].get(row.kode_indikator) if len(notes) else None
                kind = "Sasaran" if row.jenis == "utama" else "Kinerja lainnya"
                text = (
                    f"{kind} {narasi.quote(row.sasaran)} dengan indikator kinerja "
                    f"{narasi.quote(row.indikator)}"
                )
                if formula is not None and not pd.isna(formula):
                    text += f", dihitung dengan formulasi {narasi.quote(formula)}"
                items.append(text + ";")
            # A lead sentence names the agreement and what the list counts, so that two lists in
            # a row do not read as one list restarting at 1.
            utama, lainnya = pk[pk["jenis"] == "utama"], pk[pk["jenis"] != "utama"]
            tahun = self.config.tahun
            counts = [
                self._hitung(
                    k,
                    len(utama),
                    f"Jumlah indikator sasaran strategis {dokumen} {tahun}",
                    utama,
                    ", ".join(str(c) for c in utama["kode_indikator"]),
                )
                + " indikator sasaran strategis"
            ]
            if len(lainnya):
                counts.append(
                    self._hitung(
                        k,
                        len(lainnya),
                        f"Jumlah indikator kinerja lainnya {dokumen} {tahun}",
                        lainnya,
                        ", ".join(str(c) for c in lainnya["kode_indikator"]),
                    )
                    + " indikator kinerja lainnya"
                )
            lead = (
                f"Indikator {narasi.escape_md(dokumen)} Tahun {tahun} ({narasi.join_words(counts)}) "
                "dan formulasinya:"
            )
            return f"{lead}\n\n{narasi.daftar(items)}"

        return self._teks(f"formulasi-{dokumen}", build)

    def analisis(self, dokumen: str, jenis: str | None = None) -> Teks:
        """Per indicator: the generated capaian sentence, then the office's upaya, or kendala and solusi."""
        capaian = self.t("capaian")
        rows = capaian[(capaian["dokumen"] == dokumen) & (capaian["tahun"] == self.config.tahun)]
        if jenis is not None:
            rows = rows[rows["jenis"] == jenis]
        rows = rows.sort_values(["jenis", "no_sasaran", "kode_indikator"], ascending=[False, True, True])
        notes = self.t("narasi_indikator")
        notes = notes[notes["dokumen"] == dokumen].set_index("kode_indikator")

        def build(k: Kalimat) -> str:
            blocks = []
            for i, row in enumerate(rows.to_dict("records"), start=1):
                block = [f"{i}. {narasi.kalimat_indikator(row, self.config, tanda=k)}"]
                note = notes.loc[row["kode_indikator"]] if row["kode_indikator"] in notes.index else None
                if note is not None:
                    below = row.get("status") == "di_bawah"
                    sections = (
                        [
                            ("Kendala yang dihadapi:", "kendala"),
                            ("Alternatif solusi yang telah dilakukan:", "solusi"),
                        ]
                        if below
                        else [("Upaya yang mendukung capaian tersebut:", "upaya")]
                    )
                    for heading, column in sections:
                        items = _items(note.get(column))
                        if items:
                            block.append(f"\n    {heading}\n")
                            block += [f"    - {narasi.escape_md(x)}" for x in items]
                blocks.append("\n".join(block))
            return "\n\n".join(blocks)

        return self._teks(f"analisis-{dokumen}-{jenis or ''}", build)

    def kesimpulan_penutup(self) -> Teks:
        """The closing chapter's figure sentences: every main indicator of the latest agreement."""
        dokumen = self.dokumen_aktif[-1]
        return self._teks(
            "kesimpulan-penutup",
            lambda k: narasi.kalimat_indikator_semua(
                self.t("capaian"), dokumen, self.config, jenis="utama", tanda=k
            ),
        )

    def _indikator(self, dokumen: str) -> pd.DataFrame:
        pk = self.t("perjanjian_kinerja")
        rows = pk[(pk["dokumen"] == dokumen) & (pk["tahun"] == self.config.tahun)]
        return rows.sort_values(["jenis", "no_sasaran", "kode_indikator"], ascending=[False, True, True])

    # ------------------------------------------------------------------ tables

    def tabel(self, kode: str, dokumen: str | None = None) -> TabelTampil | Markdown:
        """A report table by its number in the seed (``"III.4.A"``) or a lampiran key, for display.

        Tables that exist once per agreement (II.2, II.3, III.1, III.2) take ``dokumen``; see
        :func:`lkjip.report.bagian.tabel`. Displayed: the table, each figure marked with its
        trail, then the list of trails. A table of a source the office does not report is empty
        Markdown (:func:`lkjip.report.bagian.ada`).
        """
        if not bagian.ada(kode, self.sumber):
            return _md("")
        table = bagian.tabel(kode, self.t, self.config, dokumen, jejak=self.asal)
        # A fixed HTML id (great_tables draws a random one) keeps the rendered report
        # deterministic; from the printed number, the site's lists and search link to it.
        return TabelTampil(table, table.gt().with_id(bagian.jangkar(table.nomor)))

    # ------------------------------------------------------------------ figures

    def gambar(self, kunci: str) -> GambarTampil | None:
        """Draw a chart of the report (a key of :data:`lkjip.report.bagian.GAMBAR`) for display.

        The same drawing the build writes to ``figures/`` (:mod:`lkjip.publish.gambar`), as
        the same PNG bytes; nothing is written here. Displayed: the image, then the list of the
        trails of the values it plots. A chart of a source the office does not report is
        ``None``: the cell shows nothing, so it gets no caption either.
        """
        if not bagian.ada(kunci, self.sumber):
            return None
        numbers = bagian.Penomoran.dari_config(self.config, self.sumber)
        gambar = bagian.gambar(kunci, self.t, self.config, numbers, jejak=self.asal)
        image = Image(data=charts.png_bytes(gambar), format="png", alt=gambar.alt, width=720)
        return GambarTampil(gambar, image)

    # ------------------------------------------------------------------ publications, method

    def publikasi_skm_unit(self) -> Teks | Markdown:
        """A link to every SKM unit's own publication, when ``laporan.yml`` asks for them.

        ``publikasi.skm_unit`` makes the build write each unit's Laporan Hasil SKM and
        infographic beside the downloads (:mod:`lkjip.publish.skm_unit`); nothing without it or
        without SKM data.
        """
        from lkjip.report.skm_unit.isi import FOLDER_PUBLIK, tahun_berdata

        if not self.config.publikasi.skm_unit.terbitkan or not self.ada_bagian("publikasi-skm-unit"):
            return _md("")
        tahun = self.config.tahun
        if tahun not in tahun_berdata({"ikm_unit": self.t("ikm_unit")}):
            return _md("")
        unit = self.t("ikm_unit")
        surveyed = unit[(unit["tahun"] == tahun) & (pd.to_numeric(unit["jumlah_responden"]) > 0)]
        jumlah = len(surveyed)
        folder = f"data/processed/{FOLDER_PUBLIK.as_posix()}/{tahun}"

        def build(k: Kalimat) -> str:
            count = k.angka(
                self._fmt.bilangan(jumlah),
                lambda a: Jejak(
                    jumlah,
                    f"Jumlah unit layanan dengan responden SKM tahun {tahun}",
                    "hitung",
                    rumus=f"unit dengan sedikitnya satu responden = {self._fmt.bilangan(jumlah)}",
                    sel=a.rentang_responden(tahun, KODE_PEMDA),
                ),
            )
            return (
                f"Setiap unit layanan yang disurvei ({count} unit) mempunyai Laporan "
                "Hasil SKM dan infografisnya sendiri, dengan angka yang sama dengan tabel di atas: "
                f"[daftar publikasi SKM per unit layanan](../{folder}/index.html) (folder `{folder}/` "
                "pada situs laporan)."
            )

        return self._teks("publikasi-skm-unit", build)

    def log_data(self) -> Markdown:
        """The inputs this report was built from, with checksums and row accounting.

        Displays the two tables (inputs with SHA-256, rows per sheet) and returns the closing
        lines (quarantined rows, reading notes).
        """
        manifest = check_folder(self.paths.processed)
        for kode, table in (
            ("masukan", tables.tabel_masukan(manifest["sidik"]["masukan"], self.config)),
            ("akuntansi", tables.tabel_akuntansi(manifest["akuntansi"], self.config)),
        ):
            display(table.gt().with_id(f"log-{kode}"))
        lines = [f"Baris dikarantina: {self._fmt.bilangan(manifest['jumlah_karantina'])}."]
        # the sources this office reports, never those it does not (they have no part here)
        sebutan = "; ".join(narasi.escape_md(s) for s in bagian.sebutan_sumber(self.sumber))
        lines += ["", f"Sumber data laporan ini: {sebutan}."]
        if manifest.get("catatan"):
            lines += [
                "",
                "Catatan pembacaan:",
                "",
                *[f"- {narasi.escape_md(n)}" for n in manifest["catatan"]],
            ]
        return _md("\n".join(lines))

    def peringatan(self) -> Teks | Markdown:
        """The data step's located plausibility warnings (``peringatan.csv``), for the reviu section."""
        return self._teks("peringatan", lambda k: narasi.peringatan_markdown(self.paths.processed, tanda=k))

    def metodologi(self) -> Teks | Markdown:
        """The conventions used, stated from the configuration (never typed by hand)."""
        return self._teks("metodologi", lambda k: narasi.metodologi(self.config, self.sumber, tanda=k))

    # ------------------------------------------------------------------ every figure

    def semua_teks(self) -> list[tuple[str, Teks]]:
        """Every generated text of the chapters (:data:`TEKS_BAB`), with its chapter's title."""
        out = []
        for stem, method, per in TEKS_BAB:
            if per == "dokumen":
                args: list[tuple] = [(d,) for d in self.dokumen_aktif]
            elif per == "periode":
                args = [(i,) for i, p in enumerate(self.config.periode) if p.covers(self.config.tahun)]
            else:
                args = [()]
            for a in args:
                teks = getattr(self, method)(*a)
                if isinstance(teks, Teks):
                    out.append((judul_bab(self.paths.notebooks / f"{stem}.ipynb"), teks))
        return out

    def semua_butir(self, tabel: list[tables.TabelLaporan] | None = None) -> list[Butir]:
        """Every printed figure of the report with its trail, in report order by kind: the
        tables (``tabel``, when the caller built them already), the charts, then the generated
        texts (the rows of ``jejak-angka.csv``)."""
        out: list[Butir] = []
        if tabel is None:
            tabel = bagian.semua_tabel(self.t, self.config, self.sumber)
        for table in tabel:
            out += table.butir_jejak()
        for gambar in bagian.semua_gambar(self.t, self.config, self.sumber):
            out += gambar.butir_jejak()
        for tempat, teks in self.semua_teks():
            out += teks.butir_jejak(tempat)
        return out


def judul_bab(notebook: Path) -> str:
    """A chapter's title: the first ``#`` heading of its notebook (its file stem without one)."""
    try:
        cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    except (OSError, ValueError, KeyError):
        return notebook.stem
    for cell in cells:
        if cell.get("cell_type") == "markdown":
            for line in "".join(cell.get("source", [])).splitlines():
                if line.startswith("# "):
                    return line[2:].strip()
    return notebook.stem


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _items(value: object) -> list[str]:
    if is_na(value):
        return []
    return [line.strip().lstrip("-•").strip() for line in str(value).splitlines() if line.strip()]
