"""What one service unit's SKM publication says, taken from the same processed tables as the LKjIP.

Every figure of a unit's Laporan Hasil SKM and infographic is read here from ``ikm_unit``,
``ikm_unsur``, ``ikm_pemda``, ``skm_demografi``, ``skm_unit``, ``skm_unit_riwayat`` and
``skm_responden`` (through the catalogue, :func:`lkjip.katalog.dataset.load`), never computed a
second time: the IKM and NRR printed for a unit are those of Tabel L.1 of the LKjIP. This module
only selects, orders and explains them; :mod:`lkjip.publish.skm_unit` lays them out.
"""

from __future__ import annotations

import datetime as dt
import difflib
import hashlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from lkjip import data
from lkjip.core import fmt
from lkjip.core.config import Config
from lkjip.core.hashing import sha256
from lkjip.core.na import is_na
from lkjip.core.paths import paths
from lkjip.core.pilihan import UnitTidakDikenal, cocok_kode
from lkjip.core.rounding import round_half_up
from lkjip.indicators.ikm import KODE_PEMDA, kategori_ikm
from lkjip.katalog import dataset as katalog
from lkjip.report.tables import URUTAN_PENDIDIKAN

#: The processed tables a unit's publication is made from.
TABEL = (
    "ikm_unit",
    "ikm_unsur",
    "ikm_pemda",
    "skm_demografi",
    "skm_unit",
    "skm_unit_riwayat",
    "skm_responden",
)

#: Headings of the respondent characteristics, in the order of the SKM questionnaire.
VARIABEL_PROFIL = {
    "jenis_kelamin": "Jenis Kelamin",
    "umur": "Umur",
    "pendidikan": "Pendidikan",
    "pekerjaan": "Pekerjaan",
}

#: Where the units' publications go, under ``data/processed``: ``publik/skm-unit/<tahun>/``.
FOLDER_PUBLIK = Path("publik") / "skm-unit"

#: How many of the weakest and of the strongest unsur are named.
JUMLAH_UNSUR_DISEBUT = 3


class SkmTidakAda(LookupError):
    """Nothing to publish: the office reports no SKM, or no unit has respondents in the year."""


class DataUsang(RuntimeError):
    """The exports in ``data/raw`` changed after the data step: the processed tables are stale."""


@dataclass(frozen=True)
class Unsur:
    """One unsur pelayanan of one unit: NRR and what follows from it."""

    kode: str
    nama: str
    jumlah_jawaban: int
    nrr: float  # NaN when nobody answered it
    nrr_tertimbang: float
    nilai: float  # NRR x 25 (nilai interval konversi)
    mutu: str | None
    kinerja: str | None


@dataclass(frozen=True)
class Kelompok:
    """One group of a respondent characteristic (``Perempuan``, ``30–39``, ``S1`` ...)."""

    kelompok: str
    jumlah: int
    persen: float


@dataclass(frozen=True)
class TitikTren:
    """The unit's IKM in one year, with the Pemda's the same year."""

    tahun: int
    ikm: float  # NaN when the unit has no value that year
    mutu: str | None
    jumlah_responden: int | None
    asal: str  # "hitung" (from respondents) or "ketik" (the office's summary of earlier years)
    pemda: float  # NaN when unknown
    sumber: str  # where the value was read


@dataclass(frozen=True)
class Rencana:
    """The follow-up plan: the office's text, or a neutral starting text and its marker."""

    markdown: str
    berkas: str  # "konten/skm-unit/<kode>.md"
    terisi: bool  # False: the starting text generated from the weakest unsur


@dataclass(frozen=True)
class Asal:
    """Where one printed figure comes from and how it is computed."""

    angka: str
    nilai: str
    sumber: str


@dataclass
class IsiUnit:
    """Everything one unit's Laporan Hasil SKM and infographic print, for one year."""

    tahun: int
    kode: str
    unit: str
    wilayah: str
    layanan: list[tuple[str, int]]
    tanggal_awal: dt.date | None
    tanggal_akhir: dt.date | None
    populasi: int | None
    sampel_minimum: int | None
    jumlah_responden: int
    sampel_cukup: bool | None
    ikm: float  # NaN when it cannot be computed
    mutu: str | None
    kinerja: str | None
    minimal_baik: bool
    unsur: list[Unsur]
    profil: dict[str, list[Kelompok]]
    tren: list[TitikTren]
    ikm_pemda: float
    mutu_pemda: str | None
    rencana: Rencana
    saran: object | None  # lkjip.report.skm_unit.saran.SaranTerbit when laporan.yml allows it
    asal: list[Asal] = field(default_factory=list)

    @property
    def ada_responden(self) -> bool:
        return self.jumlah_responden > 0

    @property
    def sampel_kurang(self) -> bool:
        """Fewer respondents than the Krejcie–Morgan minimum (the LKjIP's asterisk)."""
        return self.sampel_cukup is False

    @property
    def berperingkat(self) -> list[Unsur]:
        """The unsur with an NRR, from the weakest up (ties in questionnaire order)."""
        order = {u.kode: i for i, u in enumerate(self.unsur)}
        return sorted((u for u in self.unsur if not is_na(u.nrr)), key=lambda u: (u.nrr, order[u.kode]))

    @property
    def terlemah(self) -> list[Unsur]:
        return self.berperingkat[:JUMLAH_UNSUR_DISEBUT]

    @property
    def terkuat(self) -> list[Unsur]:
        order = {u.kode: i for i, u in enumerate(self.unsur)}
        strongest = sorted(self.berperingkat, key=lambda u: (-u.nrr, order[u.kode]))
        return strongest[:JUMLAH_UNSUR_DISEBUT]

    def seri(self, disebut: list[Unsur]) -> list[Unsur]:
        """Unsur not in ``disebut`` whose printed NRR equals that of its last one (a tie at the cut).

        "The three weakest" must not hide a fourth unsur with the same printed value.
        """
        if not disebut:
            return []
        cut = fmt.bulat(disebut[-1].nrr, 2)
        named = {u.kode for u in disebut}
        return [u for u in self.berperingkat if u.kode not in named and fmt.bulat(u.nrr, 2) == cut]

    @property
    def jumlah_nrr_tertimbang(self) -> float:
        return float(sum(u.nrr_tertimbang for u in self.unsur)) if not is_na(self.ikm) else float("nan")


# --------------------------------------------------------------------------- loading


def load_tables(root: Path | None = None) -> dict[str, pd.DataFrame]:
    """The processed tables of :data:`TABEL`, read once through the catalogue (checked)."""
    processed = paths(root).processed
    return {nama: katalog.load(nama, processed) for nama in TABEL}


def check_fresh(root: Path | None = None) -> None:
    """Refuse processed tables older than the exports in ``data/raw``.

    The data step records the SHA-256 of every export it read in ``manifest.json``; an export
    added, removed or changed since means the tables (and so the publications) would be stale.

    Raises
    ------
    DataUsang
        Naming the files that differ and the command that brings the tables up to date.
    """
    project = paths(root)
    try:
        manifest = json.loads((project.processed / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        raise DataUsang(
            f"{project.processed}: tabel olahan belum dibangun; jalankan dulu: python -m lkjip data"
        ) from None
    recorded: dict[str, str] = manifest.get("sidik", {}).get("masukan", {})
    present = {
        p.name: p
        for p in sorted(project.raw.glob("*"))
        if p.is_file()
        and p.suffix.lower() in {".xlsx", ".xlsm", ".xls", ".ods"}
        and not p.name.startswith("~$")
    }
    changed = sorted(
        {n for n in recorded if n not in present}
        | {n for n in present if n not in recorded and n.lower().startswith("skm")}
        | {n for n in recorded if n in present and sha256(present[n]) != recorded[n]}
    )
    if changed:
        raise DataUsang(
            f"ekspor di {project.raw} berubah sejak langkah data terakhir ({', '.join(changed)}); "
            "angka publikasi harus sama dengan LKjIP, jalankan dulu: python -m lkjip data"
        )


def tahun_berdata(tables: Mapping[str, pd.DataFrame]) -> list[int]:
    """Years in which some unit has respondents (the years a publication can be made for).

    Examples
    --------
    >>> unit = pd.DataFrame({"tahun": [2025, 2025, 2026], "jumlah_responden": [4, 0, 0]})
    >>> tahun_berdata({"ikm_unit": unit})
    [2025]
    """
    unit = tables["ikm_unit"]
    years = pd.to_numeric(unit.loc[pd.to_numeric(unit["jumlah_responden"]) > 0, "tahun"], errors="coerce")
    return sorted({int(y) for y in years.dropna()})


def unit_tahun(tables: Mapping[str, pd.DataFrame], tahun: int) -> pd.DataFrame:
    """The rows of ``ikm_unit`` of ``tahun`` in code order: every unit of Tabel L.1."""
    unit = tables["ikm_unit"]
    rows = unit[pd.to_numeric(unit["tahun"], errors="coerce") == tahun]
    return rows.sort_values("kode_unit", kind="stable").reset_index(drop=True)


def pilih_unit(
    tables: Mapping[str, pd.DataFrame], tahun: int, kode: Sequence[str] | None = None
) -> list[str]:
    """The unit codes to publish: those named, or every unit with respondents in ``tahun``.

    A code is matched as everywhere (:func:`lkjip.core.pilihan.cocok_kode`): ``"ul-01"`` is ``UL-01``.

    Raises
    ------
    UnitTidakDikenal
        (:class:`lkjip.core.pilihan.UnitTidakDikenal`) For a code that no SKM table holds; the
        message lists the codes of the year.
    """
    rows = unit_tahun(tables, tahun)
    if not kode:
        return rows.loc[pd.to_numeric(rows["jumlah_responden"]) > 0, "kode_unit"].astype(str).tolist()
    known = set(rows["kode_unit"].astype(str)) | set(tables["skm_unit_riwayat"]["kode_unit"].astype(str))
    matched = {k: cocok_kode(k, sorted(known)) for k in kode}
    unknown = [k for k, same in matched.items() if len(same) != 1]
    if unknown:
        hints = {k: difflib.get_close_matches(k, sorted(known), n=3, cutoff=0.5) for k in unknown}
        said = "; ".join(f"'{k}'" + (f" (mungkin: {', '.join(h)})" if h else "") for k, h in hints.items())
        raise UnitTidakDikenal(
            f"kode unit tidak dikenal di data SKM: {said}. Kode unit tahun {tahun}: "
            f"{', '.join(rows['kode_unit'].astype(str))}"
        )
    return list(dict.fromkeys(matched[k][0] for k in kode))


# --------------------------------------------------------------------------- one unit


def _int(value: object) -> int | None:
    return None if is_na(value) else int(value)


def _float(value: object) -> float:
    return float("nan") if is_na(value) else float(value)


def _bool(value: object) -> bool | None:
    return None if is_na(value) else bool(value)


def _of(table: pd.DataFrame, tahun: int | None, kode: str) -> pd.DataFrame:
    rows = table[table["kode_unit"].astype(str) == kode]
    if tahun is not None:
        rows = rows[pd.to_numeric(rows["tahun"], errors="coerce") == tahun]
    return rows


def _unsur(tables: Mapping[str, pd.DataFrame], config: Config, tahun: int, kode: str) -> list[Unsur]:
    rows = _of(tables["ikm_unsur"], tahun, kode).set_index("unsur")
    out = []
    for u in config.skm.unsur:
        row = rows.loc[u.kode] if u.kode in rows.index else None
        nrr = _float(None if row is None else row["nrr"])
        nilai = _float(None if row is None else row["ikm_unsur"])
        mutu, kinerja = kategori_ikm(round_half_up(nilai) if not is_na(nilai) else None, config)
        out.append(
            Unsur(
                kode=u.kode,
                nama=u.nama,
                jumlah_jawaban=0 if row is None else int(row["jumlah_jawaban"]),
                nrr=nrr,
                nrr_tertimbang=_float(None if row is None else row["nrr_tertimbang"]),
                nilai=nilai,
                mutu=mutu,
                kinerja=kinerja,
            )
        )
    return out


def _profil(tables: Mapping[str, pd.DataFrame], tahun: int, kode: str) -> dict[str, list[Kelompok]]:
    rows = _of(tables["skm_demografi"], tahun, kode)
    rank = {k.casefold(): i for i, k in enumerate(URUTAN_PENDIDIKAN)}
    out: dict[str, list[Kelompok]] = {}
    for variabel, judul in VARIABEL_PROFIL.items():
        part = rows[rows["variabel"] == variabel]
        groups = [Kelompok(str(r.kelompok), int(r.jumlah), float(r.persen)) for r in part.itertuples()]
        if variabel == "pendidikan":  # the questionnaire's order, not the alphabet
            groups.sort(key=lambda g: rank.get(g.kelompok.casefold(), len(rank)))
        out[judul] = groups
    return out


def _tren(tables: Mapping[str, pd.DataFrame], config: Config, tahun: int, kode: str) -> list[TitikTren]:
    units = data.ikm_unit(tables=tables, config=config)
    pemda = data.ikm_pemda(tables=tables, config=config).set_index("tahun")["nilai"]
    riwayat = _of(tables["skm_unit_riwayat"], None, kode)
    rows = _of(units, None, kode)
    rows = rows[pd.to_numeric(rows["tahun"], errors="coerce") <= tahun].sort_values("tahun")
    out = []
    for r in rows.itertuples(index=False):
        year = int(r.tahun)
        if r.asal == "ketik":
            kept = riwayat[pd.to_numeric(riwayat["tahun"], errors="coerce") == year]
            where = (
                f"{kept['berkas'].iloc[0]}, sheet '{kept['sheet'].iloc[0]}', "
                f"baris {int(kept['baris'].iloc[0])} "
                "(rekap IKM unit dari kantor, angka diketik)"
                if len(kept)
                else str(r.keterangan)
            )
        else:
            where = "dihitung dari jawaban responden (tabel ikm_unit)"
        out.append(
            TitikTren(
                tahun=year,
                ikm=_float(r.nilai),
                mutu=None if is_na(r.mutu) else str(r.mutu),
                jumlah_responden=_int(r.jumlah_responden),
                asal=str(r.asal),
                pemda=_float(pemda.get(year)),
                sumber=where,
            )
        )
    return out


def _rentang_baris(rows: pd.DataFrame) -> str:
    """``"skm-responden-2025.xlsx, sheet 'Responden', 400 baris (baris 6–405)"``, per file and sheet."""
    parts = []
    for (berkas, sheet), group in rows.groupby(["berkas", "sheet"], sort=True):
        baris = pd.to_numeric(group["baris"])
        parts.append(
            f"{berkas}, sheet '{sheet}', {fmt.bilangan(len(group))} baris "
            f"(baris {fmt.bilangan(baris.min())}–{fmt.bilangan(baris.max())})"
        )
    return "; ".join(parts)


def _rencana_awal(isi: IsiUnit, config: Config) -> str:
    """A neutral starting text for the follow-up plan, from the weakest unsur (Markdown)."""
    f = fmt.Formatter(config)
    lemah = isi.terlemah
    if not lemah:
        return (
            f"Unit ini tidak mempunyai responden pada tahun {isi.tahun}, sehingga belum ada unsur "
            "yang dapat dijadikan prioritas perbaikan. Rencana tindak lanjut pertama adalah "
            "melaksanakan survei sesuai jumlah sampel minimum."
        )
    lines = [
        f"Prioritas perbaikan tahun {isi.tahun + 1} adalah {len(lemah)} unsur dengan nilai rata-rata "
        "terendah hasil survei ini. Untuk setiap unsur, unit menetapkan kegiatan perbaikan, waktu "
        "pelaksanaan dan penanggung jawabnya, lalu melaporkan pelaksanaannya pada survei berikutnya.",
        "",
        "| No | Unsur | NRR | Kegiatan perbaikan | Waktu | Penanggung jawab |",
        "|---:|---|---:|---|---|---|",
    ]
    for i, u in enumerate(lemah, start=1):
        lines.append(
            f"| {i} | {u.kode} {u.nama} | {f.angka(u.nrr, 2)} | (diisi unit) | (diisi unit) | (diisi unit) |"
        )
    if isi.sampel_kurang:
        lines += [
            "",
            f"Jumlah responden ({f.bilangan(isi.jumlah_responden)}) di bawah sampel minimum "
            f"({f.bilangan(isi.sampel_minimum)}): survei berikutnya perlu menjangkau lebih banyak "
            "penerima layanan.",
        ]
    return "\n".join(lines)


def _asal(isi: IsiUnit, tables: Mapping[str, pd.DataFrame], config: Config) -> list[Asal]:
    f = fmt.Formatter(config)
    km = config.skm.krejcie_morgan
    responden = _of(tables["skm_responden"], isi.tahun, isi.kode)
    unit_row = _of(tables["skm_unit"], isi.tahun, isi.kode)
    out = [
        Asal(
            "Jumlah responden",
            f.bilangan(isi.jumlah_responden),
            (_rentang_baris(responden) if len(responden) else "tidak ada baris responden")
            + " dengan kode unit "
            + isi.kode
            + "; data pribadi (nama, nomor telepon, NIK, e-mail) "
            "dibuang saat dibaca",
        ),
        Asal(
            "Populasi (N)",
            f.bilangan(isi.populasi),
            (
                f"{unit_row['berkas'].iloc[0]}, sheet '{unit_row['sheet'].iloc[0]}', baris "
                f"{int(unit_row['baris'].iloc[0])}"
                if len(unit_row)
                else "tidak tercantum pada ekspor"
            ),
        ),
        Asal(
            "Sampel minimum",
            f.bilangan(isi.sampel_minimum),
            "Krejcie–Morgan: s = χ²·N·P(1−P) / (d²·(N−1) + χ²·P(1−P)) dengan "
            f"χ² = {fmt.angka_ringkas(km.chi_kuadrat)}, N = {f.bilangan(isi.populasi)}, "
            f"P = {fmt.angka_ringkas(km.proporsi)}, d = {fmt.angka_ringkas(km.galat)}, "
            "dibulatkan setengah ke atas seperti tabel Krejcie–Morgan",
        ),
        Asal(
            "NRR per unsur",
            "Tabel NRR",
            "jumlah nilai jawaban unsur itu dibagi jumlah jawaban yang diisi (jawaban kosong tidak "
            "dihitung sebagai nol); skala jawaban 1–4",
        ),
        Asal(
            "NRR tertimbang",
            "Tabel NRR",
            f"NRR × bobot {config.skm.bobot} (setiap unsur berbobot sama)",
        ),
        Asal(
            "IKM",
            f.angka(isi.ikm, 2),
            f"jumlah NRR tertimbang × 25 = {fmt.angka_ringkas(isi.jumlah_nrr_tertimbang, 4)} × 25"
            if isi.ada_responden and not is_na(isi.ikm)
            else "tidak dapat dihitung (tidak ada jawaban)",
        ),
        Asal(
            "Mutu dan kinerja",
            f"{isi.mutu or fmt.NA} ({isi.kinerja or fmt.NA})",
            "IKM dibulatkan dua desimal, dibandingkan dengan batas bawah kategori: "
            + "; ".join(f"{k.mutu} ({k.kinerja}) ≥ {f.angka(k.batas_bawah, 2)}" for k in config.skm.kategori),
        ),
        Asal(
            f"IKM {config.pemerintah_daerah}",
            f.angka(isi.ikm_pemda, 2),
            "rata-rata IKM semua unit layanan tahun yang sama (tabel ikm_pemda), sama dengan LKjIP",
        ),
    ]
    for titik in isi.tren:
        if titik.tahun != isi.tahun:
            out.append(Asal(f"IKM {titik.tahun}", f.angka(titik.ikm, 2), titik.sumber))
    return out


def _tanggal(values: pd.Series) -> tuple[dt.date | None, dt.date | None]:
    dates = pd.to_datetime(values, errors="coerce").dropna()
    if dates.empty:
        return None, None
    return dates.min().date(), dates.max().date()


def nama_berkas(kode: str) -> str:
    """The unit code as a file name: letters, digits, ``-`` and ``_`` kept, anything else ``-``.

    A code already safe is kept as it is (``UL-01``); any other gets a short digest so that two
    codes never share a name.

    Examples
    --------
    >>> nama_berkas("UL-01"), nama_berkas("UL 01/A")[:8]
    ('UL-01', 'UL-01-A-')
    """
    safe = "".join(c if c.isascii() and (c.isalnum() or c in "-_") else "-" for c in kode).strip("-")
    if safe == kode:
        return kode
    return f"{safe}-{hashlib.sha256(kode.encode()).hexdigest()[:6]}"


def isi_unit(
    tables: Mapping[str, pd.DataFrame],
    config: Config,
    tahun: int,
    kode: str,
    *,
    konten_dir: Path,
) -> IsiUnit:
    """Everything unit ``kode``'s publication of ``tahun`` prints, from the processed tables.

    Parameters
    ----------
    tables : mapping
        The tables of :data:`TABEL` (see :func:`load_tables`).
    config : Config
        ``laporan.yml`` (unsur names, categories, Krejcie–Morgan parameters, ``publikasi.skm_unit``).
    tahun : int
        A year with respondent data.
    kode : str
        The unit's code.
    konten_dir : Path
        The office's prose folder; the plan is read from ``<konten_dir>/skm-unit/<kode>.md``.
    """
    from lkjip.report.konten import load_file
    from lkjip.report.skm_unit.saran import saring_saran

    row = _of(tables["ikm_unit"], tahun, kode)
    r = row.iloc[0] if len(row) else None
    riwayat = _of(tables["skm_unit_riwayat"], None, kode)
    name = (
        str(r["unit"])
        if r is not None and not is_na(r["unit"])
        else str(riwayat.sort_values("tahun")["unit"].iloc[-1])
        if len(riwayat)
        else kode
    )
    responden = _of(tables["skm_responden"], tahun, kode)
    layanan = responden["jenis_layanan"].dropna().astype(str).str.strip()
    layanan = layanan[layanan != ""].value_counts()
    awal, akhir = _tanggal(responden["tanggal"])
    ikm_pemda, mutu_pemda = pemda_tahun(tables, tahun)
    isi = IsiUnit(
        tahun=tahun,
        kode=kode,
        unit=name,
        wilayah=config.wilayah,
        layanan=sorted(((str(k), int(v)) for k, v in layanan.items()), key=lambda kv: (-kv[1], kv[0])),
        tanggal_awal=awal,
        tanggal_akhir=akhir,
        populasi=None if r is None else _int(r["populasi"]),
        sampel_minimum=None if r is None else _int(r["sampel_minimum"]),
        jumlah_responden=0 if r is None else int(r["jumlah_responden"]),
        sampel_cukup=None if r is None else _bool(r["sampel_cukup"]),
        ikm=float("nan") if r is None else _float(r["ikm"]),
        mutu=None if r is None or is_na(r["mutu"]) else str(r["mutu"]),
        kinerja=None if r is None or is_na(r["kinerja"]) else str(r["kinerja"]),
        minimal_baik=False if r is None else bool(r["minimal_baik"]),
        unsur=_unsur(tables, config, tahun, kode),
        profil=_profil(tables, tahun, kode),
        tren=_tren(tables, config, tahun, kode),
        ikm_pemda=ikm_pemda,
        mutu_pemda=mutu_pemda,
        rencana=Rencana("", "", False),
        saran=saring_saran(responden["saran"]) if config.publikasi.skm_unit.saran else None,
    )
    berkas = konten_dir / "skm-unit" / f"{kode}.md"
    shown = f"{konten_dir.name}/skm-unit/{kode}.md"
    text = load_file(berkas, config) if berkas.is_file() else ""
    isi.rencana = (
        Rencana(text, shown, True) if text.strip() else Rencana(_rencana_awal(isi, config), shown, False)
    )
    isi.asal = _asal(isi, tables, config)
    return isi


def pemda_tahun(tables: Mapping[str, pd.DataFrame], tahun: int) -> tuple[float, str | None]:
    """IKM and mutu of the Pemerintah Daerah in ``tahun`` (``ikm_pemda``; NaN when missing)."""
    pemda = tables["ikm_pemda"]
    row = pemda[pd.to_numeric(pemda["tahun"], errors="coerce") == tahun]
    if row.empty:
        return float("nan"), None
    mutu = row["mutu"].iloc[0]
    return _float(row["ikm"].iloc[0]), None if is_na(mutu) else str(mutu)


__all__ = [
    "KODE_PEMDA",
    "DataUsang",
    "IsiUnit",
    "SkmTidakAda",
    "UnitTidakDikenal",
    "check_fresh",
    "isi_unit",
    "load_tables",
    "nama_berkas",
    "pemda_tahun",
    "pilih_unit",
    "tahun_berdata",
    "unit_tahun",
]
