"""What the notebooks call: one object that loads the processed tables and returns report pieces.

Notebooks stay thin: ``lap = Laporan.load(tahun)`` and then one call per table, chart or
generated paragraph. Every number shown comes from ``data/processed`` through this module.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
from great_tables import GT
from IPython.display import Image, Markdown, display

from lkjip.core.config import Config, load_config
from lkjip.core.fmt import Formatter
from lkjip.core.na import is_na
from lkjip.core.paths import ProjectPaths, paths
from lkjip.indicators.anggaran import baris_kinerja_anggaran, dana_sasaran, ringkas_kinerja_anggaran
from lkjip.katalog import dataset as katalog
from lkjip.katalog.store import check_folder
from lkjip.report import bagian, charts, narasi, tables
from lkjip.report.konten import kata_pengantar_ttd, load_section
from lkjip.report.tahun import config_tahun


def _md(text: str) -> Markdown:
    return Markdown(text)


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

    def visi_misi(self, periode: int) -> Markdown:
        """Visi, misi and the misi this unit supports, for plan period number ``periode``."""
        p = self.config.periode[periode]
        misi = narasi.daftar([narasi.escape_md(m) for m in p.misi])
        didukung = narasi.escape_md(p.misi[p.misi_didukung - 1])
        return _md(
            f"Dokumen: {narasi.escape_md(p.dokumen)}.\n\n"
            f"Visi {narasi.escape_md(self.config.wilayah)} periode {p.kode}:\n\n"
            f"> **“{narasi.escape_md(p.visi)}”**\n\n"
            f"Misi ({len(p.misi)}):\n\n{misi}\n\n"
            f"{narasi.escape_md(self.config.instansi.nama_lengkap)} mendukung misi ke-{p.misi_didukung}:"
            f"\n\n> **“{didukung}”**"
        )

    def ringkasan_pk(self) -> Markdown:
        """How many agreements, sasaran and indicators the unit has this year."""
        pk = self.t("perjanjian_kinerja")
        parts = []
        for dokumen in self.dokumen_aktif:
            rows = pk[(pk["dokumen"] == dokumen) & (pk["tahun"] == self.config.tahun)]
            utama = rows[rows["jenis"] == "utama"]
            lainnya = rows[rows["jenis"] == "lainnya"]
            periode = self.config.periode_for_pk(dokumen).kode
            text = (
                f"{narasi.escape_md(dokumen)} Tahun {self.config.tahun} (periode perencanaan {periode}) "
                f"memuat {utama['no_sasaran'].nunique()} sasaran strategis dengan {len(utama)} "
                f"indikator kinerja dan {utama['target'].notna().sum()} target"
            )
            if len(lainnya):
                text += f", ditambah {len(lainnya)} indikator kinerja lainnya"
            parts.append(text + ".")
        intro = (
            f"Pada tahun {self.config.tahun} {narasi.escape_md(self.config.instansi.nama_lengkap)} "
            f"menyusun {len(self.dokumen_aktif)} Perjanjian Kinerja."
        )
        return _md(" ".join([intro, *parts]))

    def kesimpulan(self, dokumen: str) -> Markdown:
        return _md(narasi.kesimpulan_capaian(self.t("ringkasan_capaian"), dokumen, self.config))

    def paragraf_anggaran(self) -> Markdown:
        """The budget and its realisation this year against last year; nothing without a budget export."""
        if not self.ada_bagian("paragraf-anggaran"):
            return _md("")
        return _md(narasi.paragraf_anggaran(self.t("anggaran_total"), self.config))

    def efisiensi(self, dokumen: str | None = None) -> Markdown:
        """The efisiensi sentence under Tabel III.4.B, from the same summary as its bold row.

        Nothing without a budget export: efficiency compares performance with money spent.
        """
        if not self.ada_bagian("efisiensi"):
            return _md("")
        dokumen = dokumen or self.dokumen_aktif[-1]
        c = self.config
        rows = baris_kinerja_anggaran(self.t("anggaran_sasaran"), self.t("capaian"), dokumen, c.tahun)
        if rows.empty:  # no budget per sasaran: the agreement's summary and the unit's budget
            return _md(narasi.kalimat_efisiensi(self.t("ringkasan_capaian"), dokumen, c))
        dana = dana_sasaran(self.t("anggaran_hasil"), self.t("peta_sasaran_anggaran"), c)
        s = ringkas_kinerja_anggaran(rows, c.format.desimal_persen, dana)
        return _md(narasi.kalimat_efisiensi_nilai(s["rata_rata_capaian"], s["capaian_anggaran"], c))

    def perbandingan(self) -> Markdown:
        if not self.ada_bagian("kalimat-perbandingan"):
            return _md("")
        return _md(narasi.kalimat_perbandingan(self.t("pembanding_hasil"), self.config))

    def kalimat_sakip(self) -> Markdown:
        if not self.ada_bagian("kalimat-sakip"):
            return _md("")
        return _md(narasi.kalimat_sakip(self.t("sakip_pembanding"), self.config))

    def formulasi(self, dokumen: str) -> Markdown:
        """Each indicator of an agreement with its sasaran and its formula (from the office's data)."""
        pk = self._indikator(dokumen)
        notes = self.t("narasi_indikator")
        notes = notes[notes["dokumen"] == dokumen].set_index("kode_indikator")
        items = []
        for row in pk.itertuples(index=False):
            formula = notes["formulasi"].get(row.kode_indikator) if len(notes) else None
            kind = "Sasaran" if row.jenis == "utama" else "Kinerja lainnya"
            text = (
                f"{kind} {narasi.quote(row.sasaran)} dengan indikator kinerja {narasi.quote(row.indikator)}"
            )
            if formula is not None and not pd.isna(formula):
                text += f", dihitung dengan formulasi {narasi.quote(formula)}"
            items.append(text + ";")
        # A lead sentence names the agreement, so that two lists in a row do not read as one
        # list restarting at 1.
        lead = (
            f"Indikator {narasi.escape_md(dokumen)} Tahun {self.config.tahun} "
            f"({len(items)} indikator) dan formulasinya:"
        )
        return _md(f"{lead}\n\n{narasi.daftar(items)}")

    def analisis(self, dokumen: str, jenis: str | None = None) -> Markdown:
        """Per indicator: the generated capaian sentence, then the office's upaya, or kendala and solusi."""
        capaian = self.t("capaian")
        rows = capaian[(capaian["dokumen"] == dokumen) & (capaian["tahun"] == self.config.tahun)]
        if jenis is not None:
            rows = rows[rows["jenis"] == jenis]
        rows = rows.sort_values(["jenis", "no_sasaran", "kode_indikator"], ascending=[False, True, True])
        notes = self.t("narasi_indikator")
        notes = notes[notes["dokumen"] == dokumen].set_index("kode_indikator")
        blocks = []
        for i, row in enumerate(rows.to_dict("records"), start=1):
            block = [f"{i}. {narasi.kalimat_indikator(row, self.config)}"]
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
        return _md("\n\n".join(blocks))

    def kesimpulan_penutup(self) -> Markdown:
        """The closing chapter's figure sentences: every main indicator of the latest agreement."""
        dokumen = self.dokumen_aktif[-1]
        return _md(narasi.kalimat_indikator_semua(self.t("capaian"), dokumen, self.config, jenis="utama"))

    def _indikator(self, dokumen: str) -> pd.DataFrame:
        pk = self.t("perjanjian_kinerja")
        rows = pk[(pk["dokumen"] == dokumen) & (pk["tahun"] == self.config.tahun)]
        return rows.sort_values(["jenis", "no_sasaran", "kode_indikator"], ascending=[False, True, True])

    # ------------------------------------------------------------------ tables

    def tabel(self, kode: str, dokumen: str | None = None) -> GT | Markdown:
        """A report table by its number in the seed (``"III.4.A"``) or a lampiran key, for display.

        Tables that exist once per agreement (II.2, II.3, III.1, III.2) take ``dokumen``; see
        :func:`lkjip.report.bagian.tabel`. A table of a source the office does not report is
        empty Markdown (:func:`lkjip.report.bagian.ada`).
        """
        if not bagian.ada(kode, self.sumber):
            return _md("")
        tabel = bagian.tabel(kode, self.t, self.config, dokumen)
        # A fixed HTML id (great_tables draws a random one) keeps the rendered report
        # deterministic; from the printed number, the site's lists and search link to it.
        return tabel.gt().with_id(bagian.jangkar(tabel.nomor))

    # ------------------------------------------------------------------ figures

    def gambar(self, kunci: str) -> Image | None:
        """Draw a chart of the report (a key of :data:`lkjip.report.bagian.GAMBAR`) for display.

        The same drawing the build writes to ``figures/`` (:mod:`lkjip.publish.gambar`), as
        the same PNG bytes; nothing is written here. A chart of a source the office does not
        report is ``None``: the cell shows nothing, so it gets no caption either.
        """
        if not bagian.ada(kunci, self.sumber):
            return None
        gambar = bagian.gambar(kunci, self.t, self.config)
        return Image(data=charts.png_bytes(gambar), format="png", alt=gambar.alt, width=720)

    # ------------------------------------------------------------------ publications, method

    def publikasi_skm_unit(self) -> Markdown:
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
        jumlah = int((pd.to_numeric(unit.loc[unit["tahun"] == tahun, "jumlah_responden"]) > 0).sum())
        folder = f"data/processed/{FOLDER_PUBLIK.as_posix()}/{tahun}"
        return _md(
            f"Setiap unit layanan yang disurvei ({self._fmt.bilangan(jumlah)} unit) mempunyai Laporan "
            "Hasil SKM dan infografisnya sendiri, dengan angka yang sama dengan tabel di atas: "
            f"[daftar publikasi SKM per unit layanan](../{folder}/index.html) (folder `{folder}/` "
            "pada situs laporan)."
        )

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

    def peringatan(self) -> Markdown:
        """The data step's located plausibility warnings (``peringatan.csv``), for the reviu section."""
        from lkjip.report.narasi import peringatan_markdown

        return _md(peringatan_markdown(self.paths.processed))

    def metodologi(self) -> Markdown:
        """The conventions used, stated from the configuration (never typed by hand)."""
        return _md(narasi.metodologi(self.config, self.sumber))


def _items(value: object) -> list[str]:
    if is_na(value):
        return []
    return [line.strip().lstrip("-•").strip() for line in str(value).splitlines() if line.strip()]
