"""Every SKM service unit's own publication, from the processed data: ``python -m lkjip skm-unit``.

For each unit with respondents in the year (or the units named): its Laporan Hasil SKM (PDF and
a site page) and its infographic (A4 portrait and a social-media square, PDF and PNG), in
``data/processed/publik/skm-unit/<tahun>/`` with an index page of every unit. Made from the
processed tables the LKjIP is made from (:mod:`lkjip.report.skm_unit.isi`), laid out by Typst
(:mod:`.cetak`) and plain HTML (:mod:`.situs`): no notebook and no Quarto render per unit.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from lkjip.core import fmt
from lkjip.core.config import Config, load_config
from lkjip.core.na import is_na
from lkjip.core.paths import paths
from lkjip.katalog import dataset as katalog
from lkjip.publish.skm_unit.cetak import data_unit, kompilasi
from lkjip.publish.skm_unit.markdown import ke_html
from lkjip.publish.skm_unit.situs import BarisIndeks, Berkas, halaman_indeks, halaman_unit
from lkjip.report import tanda
from lkjip.report.skm_unit.isi import (
    FOLDER_PUBLIK,
    SkmTidakAda,
    check_fresh,
    isi_unit,
    load_tables,
    nama_berkas,
    pemda_tahun,
    pilih_unit,
    tahun_berdata,
    unit_tahun,
)

#: Logo files Typst can place.
LOGO_SUFFIX = (".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp")


def folder_tahun(root: Path | None, tahun: int) -> Path:
    """``data/processed/publik/skm-unit/<tahun>``."""
    return paths(root).processed / FOLDER_PUBLIK / str(tahun)


def berkas_unit(kode: str, tahun: int) -> Berkas:
    """The file names of unit ``kode``'s publications of ``tahun`` (inside :func:`folder_tahun`)."""
    stem = nama_berkas(kode)
    return Berkas(
        halaman=f"{stem}.html",
        laporan=f"laporan-skm-{stem}-{tahun}.pdf",
        a4_pdf=f"infografis-skm-{stem}-{tahun}-a4.pdf",
        a4_png=f"infografis-skm-{stem}-{tahun}-a4.png",
        persegi_pdf=f"infografis-skm-{stem}-{tahun}-persegi.pdf",
        persegi_png=f"infografis-skm-{stem}-{tahun}-persegi.png",
    )


@dataclass
class HasilSkmUnit:
    """What :func:`write_skm_unit` wrote."""

    tahun: int
    folder: Path
    unit: list[str] = field(default_factory=list)
    berkas: list[Path] = field(default_factory=list)

    @property
    def indeks(self) -> Path:
        return self.folder / "index.html"


def _logo(config: Config, root: Path, kode: str) -> str | None:
    """The unit's logo as Typst finds it (``/konten/logo.png``, from the project root), or None.

    Raises
    ------
    FileNotFoundError
        For a configured logo that is missing, outside the project or not an image; the message
        names the key of ``laporan.yml``.
    """
    pengaturan = config.publikasi.skm_unit
    key, value = (
        (f"publikasi.skm_unit.logo_unit.{kode}", pengaturan.logo_unit[kode])
        if kode in pengaturan.logo_unit
        else ("publikasi.skm_unit.logo", pengaturan.logo)
    )
    if not value:
        return None
    path = (root / value).resolve()
    inside = path.is_relative_to(root.resolve())
    if not path.is_file() or not inside or path.suffix.lower() not in LOGO_SUFFIX:
        raise FileNotFoundError(
            f"{paths(root).config}: {key}: berkas '{value}' tidak ditemukan di dalam proyek atau bukan "
            f"gambar ({', '.join(LOGO_SUFFIX)}); perbaiki jalurnya (relatif ke akar proyek) atau hapus "
            "kuncinya"
        )
    return "/" + path.relative_to(root.resolve()).as_posix()


def _dibuat(root: Path) -> str:
    """When the processed data were made (``manifest.json``), in Indonesian."""
    try:
        manifest = json.loads((paths(root).processed / "manifest.json").read_text(encoding="utf-8"))
        return fmt.tanggal(dt.datetime.fromisoformat(manifest["dibuat"]))
    except (OSError, ValueError, KeyError):
        return fmt.NA


def tahun_skm(root: Path | None, config: Config, tahun: int | None) -> int:
    """The year to publish, checked: the office reports SKM and that year has respondents.

    Raises
    ------
    SkmTidakAda
        The office has no SKM export, or no unit has respondents in the year (the message
        names the years that have).
    """
    if "skm" not in katalog.sumber_dibaca(paths(root).processed):
        raise SkmTidakAda(
            f"{config.instansi.nama_lengkap} tidak melaporkan Survei Kepuasan Masyarakat (tidak ada "
            "ekspor responden SKM di data/raw, atau 'skm' tidak ada di sumber laporan.yml): tidak ada "
            "publikasi SKM unit yang dibuat."
        )
    tahun = config.tahun if tahun is None else int(tahun)
    years = tahun_berdata(load_tables(root))
    if tahun not in years:
        raise SkmTidakAda(
            f"tidak ada unit layanan dengan responden SKM pada tahun {tahun}: tidak ada publikasi SKM "
            f"unit yang dibuat. Tahun dengan data responden: {', '.join(map(str, years)) or '-'}."
        )
    return tahun


def write_skm_unit(
    root: Path | None = None,
    *,
    tahun: int | None = None,
    kode: Sequence[str] | None = None,
    say: Callable[[str], None] | None = None,
) -> HasilSkmUnit:
    """Write the SKM publications of every unit with respondents (or of the units ``kode``).

    Without ``kode`` the year's folder is emptied first, so no publication of a unit or a name
    that is no longer in the data stays behind; with ``kode`` only those units are written
    again. The index page always lists every unit of the year (those of Tabel L.1), linking
    the publications present in the folder.

    Parameters
    ----------
    root : Path, optional
        Project root.
    tahun : int, optional
        Default: ``tahun`` of ``laporan.yml``.
    kode : sequence of str, optional
        Unit codes (``UL-01``); a unit named without respondents that year is published with
        the LKjIP's N/A marks.
    say : callable, optional
        Receives one progress line per unit.

    Raises
    ------
    SkmTidakAda, UnitTidakDikenal, DataUsang
        Nothing to publish, an unknown unit code, or processed tables older than the exports.
    """
    project = paths(root)
    config = load_config(project.config)
    tahun = tahun_skm(project.root, config, tahun)
    check_fresh(project.root)
    tables = load_tables(project.root)
    codes = pilih_unit(tables, tahun, kode)
    folder = folder_tahun(project.root, tahun)
    if not kode and folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True, exist_ok=True)
    dibuat = _dibuat(project.root)
    result = HasilSkmUnit(tahun, folder)
    names = [nama_berkas(k) for k in codes]
    if len(set(names)) != len(names):
        raise ValueError(f"dua kode unit menjadi nama berkas yang sama: {codes}")
    for code in codes:
        isi = isi_unit(tables, config, tahun, code, konten_dir=project.konten)
        d = data_unit(isi, config, logo=_logo(config, project.root, code), dibuat=dibuat)
        files = berkas_unit(code, tahun)
        outputs = {
            files.laporan: "laporan",
            files.a4_pdf: "infografis-a4-pdf",
            files.a4_png: "infografis-a4-png",
            files.persegi_pdf: "infografis-persegi-pdf",
            files.persegi_png: "infografis-persegi-png",
        }
        for name, keluaran in outputs.items():
            target = folder / name
            target.write_bytes(kompilasi(keluaran, d, project.root))
            result.berkas.append(target)
        page = folder / files.halaman
        page.write_text(halaman_unit(d, files, ke_html(isi.rencana.markdown)), encoding="utf-8")
        result.berkas.append(page)
        result.unit.append(code)
        if say is not None:
            say(f"   {code} {isi.unit}: IKM {d['ikm']} ({d['mutu']}), {d['responden']} responden")
    result.berkas.append(write_indeks(project.root, config, tables, tahun))
    return result


def write_indeks(root: Path, config: Config, tables, tahun: int) -> Path:
    """The index page of the year's folder: every unit of Tabel L.1, its figures, its links."""
    f = fmt.Formatter(config)
    folder = folder_tahun(root, tahun)
    rows = []
    for i, r in enumerate(unit_tahun(tables, tahun).itertuples(index=False), start=1):
        files = berkas_unit(str(r.kode_unit), tahun)
        short = not is_na(r.sampel_cukup) and not bool(r.sampel_cukup)
        rows.append(
            BarisIndeks(
                no=i,
                kode=str(r.kode_unit),
                unit=str(r.unit),
                responden=f.bilangan(r.jumlah_responden) + (tanda.SAMPEL_KURANG if short else ""),
                sampel_minimum=f.bilangan(r.sampel_minimum),
                kecukupan=(
                    "tidak dapat dinilai"
                    if is_na(r.sampel_cukup)
                    else "mencukupi"
                    if bool(r.sampel_cukup)
                    else "belum mencukupi"
                ),
                ikm=f.angka(r.ikm, 2),
                mutu=fmt.NA if is_na(r.mutu) else str(r.mutu),
                kinerja=fmt.NA if is_na(r.kinerja) else str(r.kinerja),
                berkas=files if (folder / files.halaman).is_file() else None,
            )
        )
    ikm, mutu = pemda_tahun(tables, tahun)
    kinerja = next((k.kinerja for k in config.skm.kategori if k.mutu == mutu), fmt.NA)
    published = sum(b.berkas is not None for b in rows)
    page = folder / "index.html"
    page.write_text(
        halaman_indeks(
            f"Hasil Survei Kepuasan Masyarakat per Unit Layanan Tahun {tahun}",
            (
                f"{config.pemerintah_daerah}: {f.bilangan(len(rows))} unit layanan disurvei pada tahun "
                f"{tahun}; {f.bilangan(published)} unit mempunyai Laporan Hasil SKM dan infografis "
                "sendiri. Angka setiap unit sama dengan Tabel IKM dan NRR per unit pelayanan pada "
                f"Lampiran LKjIP {config.instansi.nama_lengkap} tahun {tahun}."
            ),
            rows,
            (f"IKM {config.pemerintah_daerah}", f.angka(ikm, 2), mutu or fmt.NA, kinerja),
            [
                tanda.CATATAN_SAMPEL_KURANG,
                f"{fmt.NA}: IKM tidak dapat dihitung (tidak ada jawaban responden).",
                "IKM dan mutu menurut PermenPANRB Nomor 14 Tahun 2017; sampel minimum menurut rumus "
                "Krejcie–Morgan dari populasi penerima layanan.",
            ],
        ),
        encoding="utf-8",
    )
    return page


def write_if_asked(root: Path | None, say: Callable[[str], None] | None = None) -> HasilSkmUnit | None:
    """The publications of every unit when ``laporan.yml`` asks for them (``publikasi.skm_unit``).

    Called by the build with the downloads folder: nothing when the option is off or the office
    reports no SKM (its book has no SKM section either).
    """
    config = load_config(paths(root).config)
    if not config.publikasi.skm_unit.terbitkan or "skm" not in katalog.sumber_dibaca(paths(root).processed):
        return None
    try:
        result = write_skm_unit(root)
    except SkmTidakAda as exc:
        if say is not None:
            say(f"   publikasi SKM unit: {exc}")
        return None
    if say is not None:
        say(f"   publikasi SKM unit: {len(result.unit)} unit di {result.folder}")
    return result
