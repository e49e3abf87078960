"""What the notebooks call: one object that loads the processed tables and returns report pieces.

Notebooks stay thin: ``lap = Laporan.muat(tahun)`` and then one call per table, chart or
generated paragraph. Every number shown comes from ``data/processed`` through this module.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
from great_tables import GT
from IPython.display import Image, Markdown

from lkjip import data
from lkjip.core.config import Config, load_config
from lkjip.core.fmt import Formatter
from lkjip.core.na import is_na
from lkjip.core.paths import ProjectPaths, paths
from lkjip.report import charts, daftar, narasi
from lkjip.report.konten import kata_pengantar_ttd, load_section


def _md(text: str) -> Markdown:
    return Markdown(text)


@dataclass
class Laporan:
    """The report of one year: configuration, processed tables (read lazily) and builders.

    Use :meth:`muat` to create one.
    """

    config: Config
    paths: ProjectPaths
    _tables: dict[str, pd.DataFrame] = field(default_factory=dict, repr=False)

    @classmethod
    def muat(cls, tahun: int | None = None, *, root: Path | None = None) -> Laporan:
        """Load the configuration (for ``tahun`` if given, else the configured year)."""
        project = paths(root)
        config = load_config(project.config)
        if tahun is not None and tahun != config.tahun:
            config = config.with_year(int(tahun))
        return cls(config, project)

    # ------------------------------------------------------------------ data

    def t(self, name: str) -> pd.DataFrame:
        """A processed table by name (read once, then cached); see :func:`lkjip.data.tabel`."""
        if name not in self._tables:
            self._tables[name] = data.tabel(name, self.paths.root)
        return self._tables[name]

    @property
    def fmt(self) -> Formatter:
        return Formatter(self.config)

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
            f"Visi {narasi.escape_md(self.config.kabupaten)} periode {p.kode}:\n\n"
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
        return _md(narasi.paragraf_anggaran(self.t("anggaran_total"), self.config))

    def efisiensi(self, dokumen: str | None = None) -> Markdown:
        dokumen = dokumen or self.dokumen_aktif[-1]
        return _md(narasi.kalimat_efisiensi(self.t("ringkasan_capaian"), dokumen, self.config))

    def perbandingan(self) -> Markdown:
        return _md(narasi.kalimat_perbandingan(self.t("pembanding_hasil"), self.config))

    def kalimat_sakip(self) -> Markdown:
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
                f"{kind} {narasi.kutip(row.sasaran)} dengan indikator kinerja {narasi.kutip(row.indikator)}"
            )
            if formula is not None and not pd.isna(formula):
                text += f", dihitung dengan formulasi {narasi.kutip(formula)}"
            items.append(text + ";")
        return _md(narasi.daftar(items))

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

    def tabel(self, kode: str, dokumen: str | None = None) -> GT:
        """A report table by its number in the seed (``"III.4.A"``) or a lampiran key, for display.

        Tables that exist once per agreement (II.2, II.3, III.1, III.2) take ``dokumen``; see
        :func:`lkjip.report.daftar.tabel`.
        """
        table = daftar.tabel(kode, self.t, self.config, dokumen).gt()
        # A fixed HTML id (great_tables draws a random one) keeps the rendered report deterministic.
        return table.with_id(_slug(f"tabel-{kode}-{dokumen or ''}"))

    # ------------------------------------------------------------------ figures

    def gambar(self, kunci: str) -> Image:
        """Draw a chart of the report (a key of :data:`lkjip.report.daftar.GAMBAR`) for display.

        The same drawing the build writes to ``figures/`` (:mod:`lkjip.publish.gambar`), as
        the same PNG bytes; nothing is written here.
        """
        gambar = daftar.gambar(kunci, self.t, self.config)
        return Image(data=charts.png_bytes(gambar), format="png", alt=gambar.alt, width=720)

    # ------------------------------------------------------------------ downloads, method

    def unduhan(self) -> Markdown:
        """Links to the published downloads (annex and CSV tables), relative to a chapter page.

        The folder ``data/processed/publik`` is written by the build (and by Quarto's
        pre-render); respondent-level tables are never in it.
        """
        public = self.paths.processed / "publik"
        annex = f"lampiran-tabel-{self.config.tahun}.xlsx"
        lines = [f"- [Lampiran tabel laporan (Excel)](../data/processed/publik/{annex})"]
        for csv in sorted(public.glob("*.csv")):
            lines.append(f"- [{csv.stem}](../data/processed/publik/{csv.name}) (CSV)")
        return _md("\n".join(lines))

    def log_data(self) -> Markdown:
        """The inputs this report was built from, with checksums and row accounting."""
        manifest = json.loads((self.paths.processed / "manifest.json").read_text(encoding="utf-8"))
        inputs = manifest["sidik"]["masukan"]
        lines = [
            "| Berkas | SHA-256 |",
            "|---|---|",
            *[f"| {narasi.escape_md(name)} | `{digest}` |" for name, digest in inputs.items()],
            "",
            "| Berkas | Sheet | Dibaca | Disimpan | Dikarantina | Dilewati |",
            "|---|---|---:|---:|---:|---|",
        ]
        for a in manifest["akuntansi"]:
            skipped = ", ".join(f"{k} {v}" for k, v in a["dilewati"].items()) or "-"
            lines.append(
                f"| {narasi.escape_md(a['berkas'])} | {narasi.escape_md(a['sheet'])} | {a['dibaca']} | "
                f"{a['disimpan']} | {a['dikarantina']} | {narasi.escape_md(skipped)} |"
            )
        lines += ["", f"Baris dikarantina: {manifest['jumlah_karantina']}."]
        if manifest.get("catatan"):
            lines += [
                "",
                "Catatan pembacaan:",
                "",
                *[f"- {narasi.escape_md(n)}" for n in manifest["catatan"]],
            ]
        return _md("\n".join(lines))

    def metodologi(self) -> Markdown:
        """The conventions used, stated from the configuration (never typed by hand)."""
        c = self.config
        bobot = "tepat 1/9" if c.skm.bobot == "1/9" else "0,111 (seperti tercetak di peraturan)"
        skm = "; ".join(
            f"{k.mutu} ({k.kinerja}) mulai {self.fmt.angka(k.batas_bawah)}" for k in c.skm.kategori
        )
        sakip = "; ".join(
            f"{k.predikat} ({k.sebutan}) "
            + (f"di atas {self.fmt.angka(k.di_atas)}" if k.di_atas is not None else "")
            for k in c.sakip.kategori
        )
        matang = "; ".join(
            f"{k.kategori} mulai {self.fmt.angka(k.batas_bawah, 1)}" for k in c.kematangan.kategori
        )
        items = [
            f"IKM unit = Σ(NRR unsur × bobot) × 25 dengan bobot {bobot}; NRR unsur = rata-rata jawaban "
            "yang terisi (jawaban kosong tidak dihitung sebagai nol). Kategori pada nilai yang "
            f"dibulatkan dua desimal: {skm}.",
            "IKM Pemerintah Daerah = rata-rata IKM seluruh unit yang disurvei.",
            f"Predikat SAKIP (batas bawah eksklusif): {sakip}.",
            f"Tingkat kematangan kelembagaan (total 11 variabel): {matang}.",
            "Nilai Efektivitas Kelembagaan = Σ(bobot subdimensi × nilai subdimensi); dimensi struktur "
            "dan proses masing-masing 50%.",
            "Capaian = realisasi ÷ target × 100% untuk indikator positif dan (2 − realisasi ÷ target) × "
            "100% untuk indikator negatif; tanpa batas atas; N/A bila target atau realisasi tidak ada "
            "(tidak dihitung dalam rata-rata).",
            "Efisiensi = rata-rata capaian kinerja − capaian (penyerapan) anggaran, dalam poin persen.",
        ]
        return _md(narasi.daftar(items))


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _items(value: object) -> list[str]:
    if is_na(value):
        return []
    return [line.strip().lstrip("-•").strip() for line in str(value).splitlines() if line.strip()]
