"""The report configuration (``laporan.yml``): loaded once into a typed, validated object."""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from lkjip.core.paths import paths


class ConfigError(Exception):
    """The configuration file is missing, unreadable or holds an invalid value.

    The message names the file and every offending key, in Bahasa Indonesia.
    """


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Instansi(_Model):
    nama: str = Field(min_length=1)
    induk: str = Field(min_length=1)
    nama_lengkap: str = Field(min_length=1)
    singkatan: str = Field(min_length=1)
    alamat: str = ""


class Periode(_Model):
    kode: str = Field(pattern=r"^\d{4}-\d{4}$")
    mulai: int = Field(ge=2000, le=2100)
    selesai: int = Field(ge=2000, le=2100)
    dokumen: str
    visi: str
    misi: list[str] = Field(min_length=1)
    misi_didukung: int = Field(ge=1)
    dokumen_pk: str = Field(min_length=1, description="Nama dokumen PK yang mengikuti periode ini")

    @model_validator(mode="after")
    def _check(self) -> Periode:
        if self.selesai < self.mulai:
            raise ValueError(f"selesai ({self.selesai}) lebih awal dari mulai ({self.mulai})")
        if self.kode != f"{self.mulai}-{self.selesai}":
            raise ValueError(f"kode '{self.kode}' tidak sama dengan mulai-selesai")
        if self.misi_didukung > len(self.misi):
            raise ValueError(f"misi_didukung = {self.misi_didukung}, padahal hanya ada {len(self.misi)} misi")
        return self

    def covers(self, tahun: int) -> bool:
        """Whether the period contains ``tahun`` (both ends included)."""
        return self.mulai <= tahun <= self.selesai


class Penandatangan(_Model):
    nama: str
    jabatan: str
    pangkat: str
    golongan: str
    nip: str = Field(pattern=r"^\d{18}$", description="NIP 18 digit, ditulis sebagai teks")
    kota: str
    tanggal: dt.date


class Unsur(_Model):
    kolom: str = Field(min_length=1, description="Judul kolom pada ekspor (U1..U9)")
    kode: str = Field(pattern=r"^U[1-9]$")
    nama: str


class KategoriSkm(_Model):
    mutu: str
    kinerja: str
    batas_bawah: float = Field(ge=25, le=100)


class KrejcieMorgan(_Model):
    chi_kuadrat: float = Field(gt=0)
    proporsi: float = Field(gt=0, lt=1)
    galat: float = Field(gt=0, lt=1)


class Skm(_Model):
    unsur: list[Unsur] = Field(min_length=9, max_length=9)
    bobot: Literal["1/9", "0.111"] = "1/9"
    kategori: list[KategoriSkm]
    minimal_baik: str
    krejcie_morgan: KrejcieMorgan

    @model_validator(mode="after")
    def _check(self) -> Skm:
        for field in ("kolom", "kode"):
            values = [getattr(u, field) for u in self.unsur]
            if len(set(values)) != len(values):
                raise ValueError(f"unsur.{field} harus unik, ditemukan: {values}")
        _check_descending([k.batas_bawah for k in self.kategori], "kategori.batas_bawah")
        _check_member(self.minimal_baik, [k.mutu for k in self.kategori], "minimal_baik")
        return self

    @property
    def weight(self) -> float:
        """The IKM weight per unsur: exactly 1/9, or the 0,111 printed by the regulation."""
        return 1 / 9 if self.bobot == "1/9" else 0.111


class KategoriDiAtas(_Model):
    """A band whose lower bound is exclusive (``di_atas``); ``null`` for the lowest band."""

    di_atas: float | None


class KategoriSakip(KategoriDiAtas):
    predikat: str
    sebutan: str


class Sakip(_Model):
    kategori: list[KategoriSakip]
    minimal_baik: str

    @model_validator(mode="after")
    def _check(self) -> Sakip:
        _check_bands(self.kategori)
        _check_member(self.minimal_baik, [k.predikat for k in self.kategori], "minimal_baik")
        return self


class KategoriKematangan(_Model):
    kategori: str
    batas_bawah: float


class Kematangan(_Model):
    jumlah_variabel: int = Field(ge=1)
    kategori: list[KategoriKematangan]
    minimal: str

    @model_validator(mode="after")
    def _check(self) -> Kematangan:
        _check_descending([k.batas_bawah for k in self.kategori], "kategori.batas_bawah")
        _check_member(self.minimal, [k.kategori for k in self.kategori], "minimal")
        return self


class PeringkatEfektivitas(KategoriDiAtas):
    peringkat: str
    sebutan: str


class EfektivitasKelembagaan(_Model):
    bobot_dimensi: dict[str, float]
    peringkat: list[PeringkatEfektivitas]

    @model_validator(mode="after")
    def _check(self) -> EfektivitasKelembagaan:
        total = sum(self.bobot_dimensi.values())
        if abs(total - 100) > 1e-9:
            raise ValueError(f"bobot_dimensi harus berjumlah 100, bukan {total:g}")
        _check_bands(self.peringkat)
        return self


class Format(_Model):
    uang: Literal["baku", "laporan"] = "baku"
    desimal_persen: int = Field(default=2, ge=0, le=4)
    desimal_nilai: int = Field(default=2, ge=0, le=4)


class PenomoranGambar(_Model):
    """Figure numbering: ``laporan`` (Gambar 0.1, 0.2 ...) or ``bab`` (Gambar 3.1 ...)."""

    gambar: Literal["laporan", "bab"] = "laporan"
    nomor: dict[str, str] = Field(default_factory=dict, description="label gambar -> nomor cetak")


class Jabatan(_Model):
    """A position of the organisation chart and the person who holds it."""

    jabatan: str = Field(min_length=1)
    nama: str = Field(min_length=1)


class UnitBagan(_Model):
    """A sub-unit of the organisation chart with its head."""

    nama: str = Field(min_length=1)
    kepala: Jabatan


class Bagan(_Model):
    """The organisation chart: the head of the unit, and its sub-units with their heads."""

    kepala: Jabatan
    unit: list[UnitBagan] = Field(min_length=1)


class Dokumen(_Model):
    """Page and type of the DOCX (the reference document is made by code from these)."""

    font: str = Field(default="Arial", min_length=1)
    ukuran: float = Field(default=11, ge=8, le=16)
    font_judul: str | None = None


class SkmUnit(_Model):
    """Each SKM service unit's own publication (``python -m lkjip skm-unit``).

    ``publikasi.skm_unit: true`` is short for ``{terbitkan: true}``.
    """

    terbitkan: bool = Field(default=False, description="dibuat juga oleh python -m lkjip build")
    saran: bool = Field(default=False, description="terbitkan saran (setelah saringan data pribadi)")
    logo: str | None = Field(default=None, description="logo setiap unit, relatif ke akar proyek")
    logo_unit: dict[str, str] = Field(default_factory=dict, description="kode unit -> logo unit itu")


class Publikasi(_Model):
    """How the book is published: cover logo, figure numbering, DOCX type, organisation chart.

    ``bahan_analis_dicetak``: the material for analysts (the Kamus Data and the Log Data with
    its checksums and row accounting) is on the site only, unless this is true: then the PDF
    and the DOCX print it too.
    """

    logo: str | None = Field(default=None, description="berkas logo sampul, relatif ke akar proyek")
    penomoran: PenomoranGambar = PenomoranGambar()
    docx: Dokumen = Dokumen()
    bagan: Bagan | None = None
    skm_unit: SkmUnit = SkmUnit()
    bahan_analis_dicetak: bool = Field(
        default=False, description="Kamus Data dan Log Data ikut dicetak di PDF dan DOCX"
    )

    @field_validator("skm_unit", mode="before")
    @classmethod
    def _skm_unit_singkat(cls, value: object) -> object:
        return {"terbitkan": value} if isinstance(value, bool) else value


#: Kinds of region a unit can belong to, with the word its name starts with and its head.
JENIS_WILAYAH = {
    "kabupaten": ("Kabupaten", "Bupati"),
    "kota": ("Kota", "Wali Kota"),
    "provinsi": ("Provinsi", "Gubernur"),
}


def _nama_wilayah(nama: str, jenis: str) -> str:
    """The region's name with its kind in front: ``_nama_wilayah("Contoh", "kabupaten")`` is
    ``"Kabupaten Contoh"``; a name that already starts with the kind is left as written."""
    kata = JENIS_WILAYAH[jenis][0]
    nama = " ".join(nama.split())
    return nama if nama.casefold().startswith(kata.casefold() + " ") else f"{kata} {nama}"
class Kewajaran(_Model):
    """Bands of plausible values: a value outside is published with a located warning."""

    capaian_min: float = Field(default=0, ge=0)
    capaian_maks: float = Field(default=150, gt=0)


class IndikatorPemetaan(_Model):
    """What a Perjanjian Kinerja export cannot say about one indicator (declared by its name)."""

    #: The indicator's code in the report (``PK-1``, ``KL-2``); the narasi and the comparison
    #: figures use the same code. Left out: the code the office's Narasi Indikator sheet gives
    #: the indicator's name.
    kode: str | None = Field(default=None, pattern=r"^[A-Z]+-\d+$")
    polaritas: Literal["positif", "negatif"] = "positif"
    #: Where the realisation is computed from (``ikm_pemda``, ``sakip_rata_rata``, ...);
    #: ``manual``: the realisation typed in the export.
    sumber: str = "manual"
    #: ``utama`` (the agreement's own) or ``lainnya`` (kinerja lainnya).
    jenis: Literal["utama", "lainnya"] = "utama"
    #: How the quarters make the year: ``akhir`` (the last quarter filled in: indices,
    #: percentages, cumulative figures) or ``jumlah`` (the sum of the quarters: counts).
    triwulan: Literal["akhir", "jumlah"] = "akhir"


class BerkasPemetaan(_Model):
    """How one export (by file pattern) is read, where its layout needs the office's word.

    Field names follow the Frictionless table dialect where it has one (``sheet``,
    ``headerRows``, ``headerJoin``, ``missingValues``); the rest are the project's own, in the
    domain's words.
    """

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    berkas: str = Field(min_length=1, description="pola nama berkas, mis. skm-responden-dukcapil*.xlsx")
    sheet: str | None = None
    #: The rows of the header (1-based, as Excel numbers them; consecutive), e.g. ``[7, 8]``.
    header_rows: list[int] | None = Field(default=None, alias="headerRows")
    #: Between the labels of one column's header rows (``"Realisasi TW 1"``).
    header_join: str = Field(default=" ", alias="headerJoin")
    #: Header text as printed -> field or unsur code (``U1``..``U9``, ``unit``, ``tanggal``, ...).
    kolom: dict[str, str] = Field(default_factory=dict)
    #: Answer word as printed -> score 1-4 (added to the PermenPANRB words).
    nilai: dict[str, int] = Field(default_factory=dict)
    #: A field with one value for the whole file, e.g. ``{unit: "Dinas ..."}`` for a one-unit form.
    konstan: dict[str, str] = Field(default_factory=dict)
    #: Cell texts that mean "no value" in this export (besides "-", "N/A", blank).
    missing_values: list[str] = Field(default_factory=list, alias="missingValues")
    #: The agreement (``periode[].dokumen_pk``) of a Perjanjian Kinerja document, and the year of
    #: a document or sheet, when they do not say it themselves.
    dokumen: str | None = None
    tahun: int | None = Field(default=None, ge=2000, le=2100)

    @field_validator("header_rows", mode="before")
    @classmethod
    def _one_row(cls, value: object) -> object:
        return [value] if isinstance(value, int) else value

    @field_validator("header_rows")
    @classmethod
    def _consecutive(cls, value: list[int] | None) -> list[int] | None:
        if value is None:
            return None
        if not value or min(value) < 1 or value != list(range(value[0], value[0] + len(value))):
            raise ValueError(
                f"headerRows harus nomor baris berurutan mulai dari 1, mis. [7, 8]; tertulis {value}"
            )
        return value


class UnitTerdaftar(_Model):
    """A service unit of the register: its code and, when known, its population."""

    kode: str = Field(min_length=1)
    #: Service recipients in a year (for the Krejcie–Morgan minimum sample).
    populasi: int | None = Field(default=None, ge=1)


class Register(_Model):
    """Names to codes: the office's list of service units and perangkat daerah (``nama: kode``),
    and the indicators of each agreement.

    A unit may also be written ``nama: {kode: UL-21, populasi: 1200}`` to give its population.
    """

    unit: dict[str, str | UnitTerdaftar] = Field(default_factory=dict)
    perangkat_daerah: dict[str, str] = Field(default_factory=dict)
    #: Per agreement (``periode[].dokumen_pk``), its indicators by their printed name: what a
    #: Perjanjian Kinerja document exported by e-SAKIP does not say.
    indikator: dict[str, dict[str, IndikatorPemetaan]] = Field(default_factory=dict)

    @property
    def kode_unit(self) -> dict[str, str]:
        """Unit name -> code.

        >>> Register(unit={"Kecamatan A": "UL-1", "Kecamatan B": {"kode": "UL-2", "populasi": 90}}).kode_unit
        {'Kecamatan A': 'UL-1', 'Kecamatan B': 'UL-2'}
        """
        return {n: v if isinstance(v, str) else v.kode for n, v in self.unit.items()}

    @property
    def populasi_unit(self) -> dict[str, int]:
        """Unit name -> population, for the units declared with one."""
        declared = {n: v for n, v in self.unit.items() if isinstance(v, UnitTerdaftar)}
        return {n: v.populasi for n, v in declared.items() if v.populasi is not None}


class Pemetaan(_Model):
    """The office's declarations for exports that do not say everything themselves (optional).

    Per source (the names of ``sumber``), a list of file declarations (:class:`BerkasPemetaan`),
    and the registers of names and codes.
    """

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    # ``register`` in laporan.yml; the attribute is renamed because pydantic's BaseModel has one.
    daftar: Register = Field(default=Register(), alias="register")
    anggaran: list[BerkasPemetaan] = Field(default_factory=list)
    skm: list[BerkasPemetaan] = Field(default_factory=list)
    skm_riwayat: list[BerkasPemetaan] = Field(default_factory=list)
    sakip: list[BerkasPemetaan] = Field(default_factory=list)
    kelembagaan: list[BerkasPemetaan] = Field(default_factory=list)
    perjanjian_kinerja: list[BerkasPemetaan] = Field(default_factory=list)
    pembanding: list[BerkasPemetaan] = Field(default_factory=list)

    def untuk(self, sumber: str) -> list[BerkasPemetaan]:
        """The file declarations of ``sumber``."""
        return getattr(self, sumber)


#: The national rules (SKM, SAKIP, kematangan, efektivitas kelembagaan) used for a block that
#: ``laporan.yml`` leaves out; a block it gives replaces the default block whole.
ATURAN_BAWAAN = Path(__file__).with_name("aturan_bawaan.yml")


@lru_cache(maxsize=1)
def _aturan_bawaan() -> dict:
    return yaml.safe_load(ATURAN_BAWAAN.read_text(encoding="utf-8"))


def aturan_bawaan(blok: str):
    """The default block ``blok`` of :data:`ATURAN_BAWAAN`, validated.

    Examples
    --------
    >>> aturan_bawaan("kematangan").jumlah_variabel, aturan_bawaan("sakip").minimal_baik
    (11, 'B')
    """
    model = {"skm": Skm, "sakip": Sakip, "kematangan": Kematangan}.get(blok, EfektivitasKelembagaan)
    return model.model_validate(_aturan_bawaan()[blok])


#: The exports the project can read, by the name ``laporan.yml``'s ``sumber`` uses (the
#: ``Source.name`` of :data:`lkjip.ingest.sources.SOURCES`, in the same order).
SUMBER = (
    "anggaran",
    "skm",
    "skm_riwayat",
    "sakip",
    "kelembagaan",
    "perjanjian_kinerja",
    "pembanding",
)

assert set(SUMBER) <= set(Pemetaan.model_fields), "every source has its pemetaan list"


class Config(_Model):
    """Everything that changes from one report to the next."""

    tahun: int = Field(ge=2000, le=2100)
    instansi: Instansi
    # The unit's own region: a kabupaten, a kota, or (neither given) the provinsi itself.
    kabupaten: str | None = Field(default=None, min_length=1)
    kota: str | None = Field(default=None, min_length=1)
    provinsi: str = Field(min_length=1)
    periode: list[Periode] = Field(min_length=1)
    tren_mulai: int = Field(ge=2000, le=2100)
    penandatangan: Penandatangan
    # Optional: without them the national rules of aturan_bawaan.yml apply.
    skm: Skm = Field(default_factory=lambda: aturan_bawaan("skm"))
    sakip: Sakip = Field(default_factory=lambda: aturan_bawaan("sakip"))
    kematangan: Kematangan = Field(default_factory=lambda: aturan_bawaan("kematangan"))
    efektivitas_kelembagaan: EfektivitasKelembagaan = Field(
        default_factory=lambda: aturan_bawaan("efektivitas_kelembagaan")
    )
    format: Format = Format()
    publikasi: Publikasi = Publikasi()
    kewajaran: Kewajaran = Kewajaran()
    #: The exports the office reports; ``None`` (not given): those present in ``data/raw``.
    sumber: list[str] | None = None
    #: How exports that need the office's word are read (``python -m lkjip kenali`` proposes it).
    pemetaan: Pemetaan = Pemetaan()

    @model_validator(mode="after")
    def _check(self) -> Config:
        if self.sumber is not None:
            unknown = [s for s in self.sumber if s not in SUMBER]
            if unknown:
                raise ValueError(
                    f"sumber tidak dikenal: {unknown}; sumber yang dikenal: {', '.join(SUMBER)}"
                )
            if "perjanjian_kinerja" not in self.sumber:
                raise ValueError("sumber harus memuat perjanjian_kinerja (Perjanjian Kinerja wajib ada)")
        if self.kabupaten is not None and self.kota is not None:
            raise ValueError(
                "isi salah satu: kabupaten (unit kabupaten) atau kota (unit kota), bukan keduanya; "
                "untuk unit provinsi kosongkan keduanya"
            )
        codes = [p.kode for p in self.periode]
        if len(set(codes)) != len(codes):
            raise ValueError(f"periode.kode harus unik, ditemukan: {codes}")
        if not any(p.covers(self.tahun) for p in self.periode):
            raise ValueError(f"tahun {self.tahun} tidak berada dalam periode mana pun: {codes}")
        if self.tren_mulai > self.tahun:
            raise ValueError(f"tren_mulai ({self.tren_mulai}) setelah tahun ({self.tahun})")
        return self

    @property
    def jenis_wilayah(self) -> str:
        """``"kabupaten"``, ``"kota"`` or ``"provinsi"``: the kind of the unit's own region."""
        if self.kabupaten is not None:
            return "kabupaten"
        return "kota" if self.kota is not None else "provinsi"

    @property
    def wilayah(self) -> str:
        """The unit's own region, named with its kind (``"Kabupaten Contoh"``, ``"Kota Batu"``,
        ``"Provinsi Sumatera Utara"``)."""
        jenis = self.jenis_wilayah
        nama = {"kabupaten": self.kabupaten, "kota": self.kota}.get(jenis) or self.provinsi
        return _nama_wilayah(nama, jenis)

    @property
    def nama_provinsi(self) -> str:
        """The province, named with its kind (``"Provinsi Contoh"``)."""
        return _nama_wilayah(self.provinsi, "provinsi")

    @property
    def pemerintah_daerah(self) -> str:
        """``"Pemerintah Kabupaten Contoh"``: the local government the unit belongs to."""
        return f"Pemerintah {self.wilayah}"

    @property
    def kepala_daerah(self) -> str:
        """The head of the region: Bupati, Wali Kota or Gubernur."""
        return JENIS_WILAYAH[self.jenis_wilayah][1]

    @property
    def wilayah_pembanding(self) -> str | None:
        """The region the unit's figures are compared with: its province; ``None`` for a province unit."""
        return None if self.jenis_wilayah == "provinsi" else self.nama_provinsi

    @property
    def wilayah_dan_pembanding(self) -> str:
        """``"Kabupaten Contoh dan Provinsi Contoh"``; a province unit has no second region."""
        pembanding = self.wilayah_pembanding
        return self.wilayah if pembanding is None else f"{self.wilayah} dan {pembanding}"

    @property
    def trend_years(self) -> list[int]:
        """Years of the trend tables, ``tren_mulai`` .. ``tahun``."""
        return list(range(self.tren_mulai, self.tahun + 1))

    @property
    def periode_aktif(self) -> list[Periode]:
        """The planning periods that contain the report year, oldest first.

        Most years have one; a transition year (the last year of one RPJMD and the first of the
        next) has two, and then the newer period's agreement is the Perjanjian Kinerja Perubahan.
        """
        return sorted((p for p in self.periode if p.covers(self.tahun)), key=lambda p: p.mulai)

    @property
    def dokumen_aktif(self) -> list[str]:
        """The agreements (Perjanjian Kinerja) in force in the report year, oldest period first.

        An agreement is known by its name: two periods in force whose agreements share a name
        give one entry.
        """
        return list(dict.fromkeys(p.dokumen_pk for p in self.periode_aktif))

    @property
    def dokumen_terkini(self) -> str:
        """The agreement of the newest period containing the report year (the one the year ends with)."""
        return self.periode_aktif[-1].dokumen_pk

    @property
    def dokumen_tren(self) -> str:
        """The agreement of the period in which the trend starts (``tren_mulai``).

        Falls back to the first configured period when no period contains ``tren_mulai``.
        """
        for periode in self.periode:
            if periode.covers(self.tren_mulai):
                return periode.dokumen_pk
        return self.periode[0].dokumen_pk

    def dokumen_terkini_tahun(self, tahun: int) -> str | None:
        """:attr:`dokumen_terkini` for another year: the agreement of the newest period containing
        ``tahun``; ``None`` when no configured period contains it."""
        periods = sorted((p for p in self.periode if p.covers(int(tahun))), key=lambda p: p.mulai)
        return periods[-1].dokumen_pk if periods else None

    def periode_for_pk(self, dokumen_pk: str) -> Periode:
        """Return the planning period whose Perjanjian Kinerja is called ``dokumen_pk``.

        Offices often give every period's agreement the same name ("Perjanjian Kinerja"); then
        the newest period containing the report year is meant, else the newest period of that
        name.

        Examples
        --------
        >>> config = load_config()
        >>> config.periode_for_pk("Perjanjian Kinerja Perubahan").kode
        '2025-2029'
        >>> periode = [p.model_dump() | {"dokumen_pk": "Perjanjian Kinerja"} for p in config.periode]
        >>> tahun_depan = Config.model_validate(config.model_dump() | {"tahun": 2026, "periode": periode})
        >>> tahun_depan.periode_for_pk("Perjanjian Kinerja").kode, tahun_depan.dokumen_aktif
        ('2025-2029', ['Perjanjian Kinerja'])
        """
        named = sorted((p for p in self.periode if p.dokumen_pk == dokumen_pk), key=lambda p: p.mulai)
        if not named:
            raise KeyError(dokumen_pk)
        in_force = [p for p in named if p.covers(self.tahun)]
        return (in_force or named)[-1]

    def with_year(self, tahun: int) -> Config:
        """Return a copy for another report year (for the notebooks' ``tahun`` parameter).

        Raises
        ------
        ConfigError
            When ``tahun`` lies in no configured period or before ``tren_mulai`` (Indonesian
            message naming the periods).
        """
        try:
            return self.model_validate({**self.model_dump(), "tahun": tahun})
        except ValidationError as exc:
            periods = ", ".join(p.kode for p in self.periode)
            reasons = "; ".join(str(e["msg"]).removeprefix("Value error, ") for e in exc.errors())
            raise ConfigError(
                f"Tahun {tahun} tidak dapat dipakai dengan laporan.yml ini ({reasons}). "
                f"Periode yang ada: {periods}; tren mulai {self.tren_mulai}."
            ) from None


def _check_descending(bounds: list[float], key: str) -> None:
    if bounds != sorted(bounds, reverse=True) or len(set(bounds)) != len(bounds):
        raise ValueError(f"{key} harus turun tegas dari kategori tertinggi: {bounds}")


def _check_bands(bands: list[KategoriDiAtas]) -> None:
    bounds = [b.di_atas for b in bands]
    if not bounds or bounds[-1] is not None or any(b is None for b in bounds[:-1]):
        raise ValueError("kategori: hanya kategori terakhir (terendah) yang boleh di_atas: null")
    _check_descending(bounds[:-1], "kategori.di_atas")


def _check_member(value: str, allowed: list[str], key: str) -> None:
    if value not in allowed:
        raise ValueError(f"{key} '{value}' tidak ada di antara kategori {allowed}")


def _format_errors(path: Path, exc: ValidationError) -> str:
    lines = [f"Konfigurasi tidak valid: {path}"]
    for err in exc.errors():
        key = ".".join(str(p) for p in err["loc"]) or "(akar)"
        message = err["msg"]
        if err["type"] == "missing":
            message = "kunci wajib tidak ada"
        elif err["type"] == "extra_forbidden":
            message = "kunci tidak dikenal (salah ketik?)"
        given = err.get("input")
        shown = "" if err["type"] == "missing" or isinstance(given, dict) else f" (nilai: {given!r})"
        lines.append(f"  - {key}: {message}{shown}")
    return "\n".join(lines)


def parse_config(data: object, source: Path) -> Config:
    """Validate already-parsed YAML ``data``; ``source`` only names the file in errors.

    Examples
    --------
    >>> import yaml
    >>> data = yaml.safe_load(paths().config.read_text(encoding="utf-8"))
    >>> parse_config(data, Path("laporan.yml")).sakip.minimal_baik
    'B'
    >>> parse_config({**data, "tahunn": 2025}, Path("laporan.yml"))
    Traceback (most recent call last):
    ...
    lkjip.core.config.ConfigError: Konfigurasi tidak valid: laporan.yml
      - tahunn: kunci tidak dikenal (salah ketik?) (nilai: 2025)
    >>> parse_config(["bukan", "pemetaan"], Path("laporan.yml"))
    Traceback (most recent call last):
    ...
    lkjip.core.config.ConfigError: Konfigurasi tidak valid: laporan.yml: isi berkas harus berupa pemetaan YAML
    """
    if not isinstance(data, dict):
        raise ConfigError(f"Konfigurasi tidak valid: {source}: isi berkas harus berupa pemetaan YAML")
    try:
        return Config.model_validate(data)
    except ValidationError as exc:
        raise ConfigError(_format_errors(source, exc)) from None


def load_config(path: Path | str | None = None) -> Config:
    """Load and validate ``laporan.yml`` (default: the project's own).

    Parameters
    ----------
    path : path-like, optional
        The configuration file. Defaults to ``laporan.yml`` at the project root.

    Returns
    -------
    Config
        The validated, immutable configuration.

    Raises
    ------
    ConfigError
        If the file is missing, is not YAML, or any value is invalid; the message names each key.

    Examples
    --------
    >>> config = load_config()
    >>> [k.predikat for k in config.sakip.kategori], config.sakip.minimal_baik
    (['AA', 'A', 'BB', 'B', 'CC', 'C', 'D'], 'B')
    >>> config.skm.bobot, config.skm.weight == 1 / 9, load_config() is config
    ('1/9', True, True)
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as kosong:
    ...     load_config(Path(kosong) / "laporan.yml")
    Traceback (most recent call last):
    ...
    lkjip.core.config.ConfigError: Berkas konfigurasi tidak ditemukan: .../laporan.yml
    """
    path = Path(path) if path else paths().config
    handed = _handed_down(path.resolve())
    if handed is not None:
        return handed
    return _load_cached(path.resolve(), path.stat().st_mtime_ns if path.exists() else 0)


@lru_cache(maxsize=8)
def _load_cached(path: Path, _mtime: int) -> Config:
    if not path.exists():
        raise ConfigError(f"Berkas konfigurasi tidak ditemukan: {path}")
    try:
        data = yaml.safe_load(_read_yaml(path))
    except yaml.YAMLError as exc:
        raise ConfigError(f"Konfigurasi bukan YAML yang sah: {path}\n  {exc}") from None
    return parse_config(data, path)


def _read_yaml(path: Path) -> str:
    return path.read_text(encoding="utf-8")


# --------------------------------------------------------------------------- handed down

#: How a build hands the configuration it loaded to the processes it starts (the notebooks'
#: kernels, Quarto's pre-render steps): the path of a snapshot of it, which
#: :func:`load_config` then returns for that ``laporan.yml`` instead of reading the file again.
ENV_KONFIGURASI = "LKJIP_KONFIGURASI"


@contextmanager
def handed_down(config: Config, source: Path, snapshot: Path) -> Iterator[Path]:
    """Hand ``config`` (loaded from ``source``) down to every step run inside the block.

    The snapshot is written to ``snapshot`` and named in :data:`ENV_KONFIGURASI`, which this
    process and every process it starts inherit: whoever loads ``source`` in the meantime gets
    the same configuration, whatever happens to the file during the build. The variable is
    restored when the block ends.

    Examples
    --------
    >>> import tempfile
    >>> config = load_config()
    >>> folder = Path(tempfile.mkdtemp())
    >>> with handed_down(config, paths().config, folder / "konfigurasi.json"):
    ...     load_config() == config
    True
    """
    snapshot.parent.mkdir(parents=True, exist_ok=True)
    data = {
        "sumber": str(Path(source).resolve()),
        "konfigurasi": config.model_dump(mode="json", by_alias=True),
    }
    snapshot.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    old = os.environ.get(ENV_KONFIGURASI)
    os.environ[ENV_KONFIGURASI] = str(snapshot.resolve())
    try:
        yield snapshot
    finally:
        if old is None:
            os.environ.pop(ENV_KONFIGURASI, None)
        else:
            os.environ[ENV_KONFIGURASI] = old


def _handed_down(path: Path) -> Config | None:
    """The configuration a build handed down for ``laporan.yml`` at ``path``, if any."""
    named = os.environ.get(ENV_KONFIGURASI)
    if not named:
        return None
    snapshot = Path(named)
    try:
        stamp = snapshot.stat().st_mtime_ns
    except OSError:
        return None
    return _snapshot_cached(snapshot.resolve(), stamp, path)


@lru_cache(maxsize=8)
def _snapshot_cached(snapshot: Path, _mtime: int, path: Path) -> Config | None:
    try:
        data = json.loads(snapshot.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if data.get("sumber") != str(path):
        return None
    return parse_config(data["konfigurasi"], path)
