"""Synthetic SKM exports: e-SKM answers per respondent 2025, per-unit IKM history, bulk files."""

from __future__ import annotations

import datetime as dt
import random
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from xml.sax.saxutils import escape

import numpy as np
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.worksheet.worksheet import Worksheet

from lkjip.core.config import Config, load_config
from lkjip.synthetic._xlsx import FIXED_TIME, save_deterministic

FILE_RESPONDEN = "skm-responden-2025.xlsx"
FILE_RIWAYAT = "skm-riwayat.xlsx"

#: For the data log (``data/raw/README.md``): source system, content and layout, supplier.
DATA_LOG: dict[str, tuple[str, str, str]] = {
    FILE_RESPONDEN: (
        "Aplikasi e-SKM Pemerintah Kabupaten Mojokerto, menu Unduh Data Responden",
        "sheet 'Keterangan'; 'Responden': 3 baris judul, baris kosong, judul kolom (No, Tanggal "
        "Survei, Kode Unit, Unit Layanan, Nama Responden, No. HP, Jenis Kelamin, Umur, "
        "Pendidikan, Pekerjaan, Jenis Layanan, U1..U9, Saran), satu baris per responden, nomor "
        "responden mulai dari 1 di tiap unit; sebagian jawaban kosong atau '-', sebagian tanggal "
        "berupa teks '12/03/2025', jenis kelamin sebagian ditulis 'Laki-laki'/'Perempuan'; "
        "'Unit': kode unit, nama unit dan populasi (jumlah penerima layanan setahun) 57 PD/UKPD",
        "Bagian Organisasi (admin e-SKM), rekap dari 57 PD/UKPD",
    ),
    FILE_RIWAYAT: (
        "Rekap IKM per unit yang disimpan Bagian Organisasi (lembar kerja Excel)",
        "sheet 'Keterangan'; 'IKM 2023' dan 'IKM 2024': 2 baris judul, baris kosong, judul kolom "
        "(No, Kode Unit, Unit Layanan, Jumlah Responden, Nilai IKM, Mutu Pelayanan); 57 unit "
        "per tahun, nilai IKM dua desimal seperti dicetak saat itu",
        "Subbagian Pelayanan Publik dan Tata Laksana, Bagian Organisasi",
    ),
}

#: Fixed seed of the default data: changing it changes every answer (and the SHA-256 in the log).
SEED = 14_2017

#: The IKM Pemerintah Daerah the default data reproduce: 2025 from the answers, earlier years
#: from the history workbook (mean of the printed unit IKMs).
IKM_PEMDA_2025 = 90.87
IKM_PEMDA_RIWAYAT = {2023: 89.20, 2024: 89.97}


@dataclass(frozen=True)
class DataSkm:
    """The figures one office's SKM exports hold; :data:`BAWAAN` is the default office's 2025.

    The answers of the report year are drawn from ``seed`` and tuned until the mean of the
    unit IKMs is ``ikm_pemda``; each history year's printed unit IKMs average exactly its value.
    """

    #: IKM Pemerintah Daerah of the report year (mean of the 57 unit IKMs from the answers).
    ikm_pemda: float
    #: (tahun, IKM Pemerintah Daerah) of the earlier years kept in ``skm-riwayat.xlsx``.
    riwayat: tuple[tuple[int, float], ...]
    seed: int = SEED


BAWAAN = DataSkm(IKM_PEMDA_2025, tuple(sorted(IKM_PEMDA_RIWAYAT.items())))


def nama_berkas_responden(tahun: int) -> str:
    """File name of the e-SKM answers of ``tahun`` (``skm-responden-2025.xlsx``)."""
    return f"skm-responden-{tahun}.xlsx"

# Where the mean of the unit IKMs must land so that it rounds to the target whether the unit
# IKMs are rounded first or not; kept well inside the rounding interval on purpose.
_TOLERANCE = 0.001

#: Every unit of the default data is at least "Baik" (mutu B), as the seed reports 57 of 57.
MINIMAL_BAIK = 76.61

SYNTHETIC_NOTE = "DATA SINTETIS – dibuat oleh program untuk contoh, bukan hasil survei sebenarnya"


@dataclass(frozen=True)
class UnitLayanan:
    """One PD/UKPD surveyed: name, people served per year and respondents in the default data."""

    nama: str
    populasi: int
    responden: int
    layanan: tuple[str, ...]


_ADMINDUK = ("Perekaman KTP-el", "Kartu Keluarga", "Akta Kelahiran", "Akta Kematian")
_PERIZINAN = ("Perizinan Berusaha (OSS)", "Persetujuan Bangunan Gedung", "Izin Praktik Tenaga Kesehatan")
_RUMAH_SAKIT = ("Rawat Jalan", "Rawat Inap", "Instalasi Gawat Darurat", "Laboratorium")
_PUSKESMAS = ("Pemeriksaan Umum", "KIA/KB", "Imunisasi", "Kesehatan Gigi dan Mulut")
_KECAMATAN = ("Legalisasi Dokumen", "Surat Keterangan", "Rekomendasi Perizinan", "Pelayanan Adminduk")

_PUSKESMAS_NAMA = (
    "Bangsal", "Dawarblandong", "Dlanggu", "Gayaman", "Gedeg", "Gondang", "Jatirejo", "Jetis",
    "Kemlagi", "Kupang", "Kutorejo", "Lespadangan", "Manduro", "Modopuro", "Mojoanyar",
    "Mojosari", "Ngoro", "Pacet", "Pandanarum", "Pesanggrahan", "Pungging", "Puri", "Sooko",
    "Tawangsari", "Trawas", "Trowulan", "Watukenongo",
)
_KECAMATAN_NAMA = (
    "Bangsal", "Dawarblandong", "Dlanggu", "Gedeg", "Gondang", "Jatirejo", "Jetis", "Kemlagi",
    "Kutorejo", "Mojoanyar", "Mojosari", "Ngoro", "Pacet", "Pungging", "Puri", "Sooko",
    "Trawas", "Trowulan",
)
# Respondents per puskesmas / kecamatan, in the order of the names above: most at or above the
# Krejcie–Morgan minimum of their populasi, some below it (as in real SKM rounds).
_PUSKESMAS_ISI = (
    (1200, 295), (900, 160), (1500, 310), (700, 250), (1400, 305), (800, 262), (650, 244),
    (1700, 315), (1000, 280), (600, 120), (950, 275), (500, 220), (450, 210), (550, 230),
    (1100, 285), (2600, 340), (1800, 320), (1300, 300), (400, 200), (520, 100), (1250, 297),
    (1600, 312), (2000, 325), (480, 214), (750, 256), (2200, 330), (420, 90),
)
_KECAMATAN_ISI = (
    (300, 170), (250, 152), (320, 60), (280, 165), (260, 158), (240, 150), (350, 185),
    (270, 161), (230, 146), (220, 142), (400, 200), (380, 192), (210, 140), (290, 70),
    (330, 180), (360, 188), (200, 132), (310, 175),
)

#: The 57 PD/UKPD of the 2025 SKM round, in export order; ``UL-01`` .. ``UL-57`` follow it.
UNITS: tuple[UnitLayanan, ...] = (
    UnitLayanan("Dinas Kependudukan dan Pencatatan Sipil", 85_000, 400, _ADMINDUK),
    UnitLayanan("Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", 12_000, 380, _PERIZINAN),
    UnitLayanan("RSUD Prof. Dr. Soekandar", 60_000, 390, _RUMAH_SAKIT),
    UnitLayanan("RSUD R.A. Basoeni", 30_000, 385, _RUMAH_SAKIT),
    UnitLayanan("Dinas Sosial", 4_000, 360, ("Rekomendasi PBI-JK", "Surat Keterangan Tidak Mampu")),
    UnitLayanan("Dinas Perhubungan", 2_500, 340, ("Uji Berkala Kendaraan (KIR)", "Izin Trayek")),
    UnitLayanan("Dinas Tenaga Kerja", 1_500, 150, ("Kartu Pencari Kerja (AK/1)", "Pelatihan Kerja")),
    UnitLayanan("Badan Pendapatan Daerah", 20_000, 390, ("Pelayanan PBB-P2", "Pelayanan BPHTB")),
    UnitLayanan("Dinas Perpustakaan dan Kearsipan", 40, 5, ("Layanan Kearsipan",)),
    UnitLayanan("Dinas Lingkungan Hidup", 600, 240, ("Persetujuan Lingkungan", "Uji Laboratorium")),
    UnitLayanan("Dinas Kesehatan", 900, 275, ("Izin Praktik Tenaga Kesehatan", "Sertifikat PIRT")),
    UnitLayanan("Dinas Pendidikan", 3_000, 120, ("Legalisasi Ijazah", "Mutasi Peserta Didik")),
    *(
        UnitLayanan(f"Puskesmas {n}", p, r, _PUSKESMAS)
        for n, (p, r) in zip(_PUSKESMAS_NAMA, _PUSKESMAS_ISI, strict=True)
    ),
    *(
        UnitLayanan(f"Kecamatan {n}", p, r, _KECAMATAN)
        for n, (p, r) in zip(_KECAMATAN_NAMA, _KECAMATAN_ISI, strict=True)
    ),
)

PENDIDIKAN = ("SD", "SMP", "SMA", "D1–D4", "S1", "S2", "S3")
_PENDIDIKAN_BOBOT = (8, 14, 40, 10, 23, 4, 1)
PEKERJAAN = ("PNS", "TNI", "POLRI", "Swasta", "Wirausaha", "Lainnya")
_PEKERJAAN_BOBOT = (10, 2, 2, 34, 27, 25)
SARAN = (
    "Pelayanan sudah baik, pertahankan",
    "Ruang tunggu perlu ditambah kursi",
    "Antrean daring agar dipermudah",
    "Petugas ramah dan cepat",
    "Persyaratan agar dipasang di papan informasi",
    "Tempat parkir kurang luas",
    "Jam pelayanan agar diperpanjang",
)
#: Export headers before and after the nine answer columns (which come from the configuration).
HEADER_AWAL = (
    "No", "Tanggal Survei", "Kode Unit", "Unit Layanan", "Nama Responden", "No. HP",
    "Jenis Kelamin", "Umur", "Pendidikan", "Pekerjaan", "Jenis Layanan",
)
HEADER_AKHIR = ("Saran",)
HEADER_UNIT = ("No", "Kode Unit", "Unit Layanan", "Populasi (Jumlah Penerima Layanan per Tahun)")
HEADER_RIWAYAT = ("No", "Kode Unit", "Unit Layanan", "Jumlah Responden", "Nilai IKM", "Mutu Pelayanan")

# Mean score offset of each unsur (in questionnaire order) around the unit's mean: fees are
# often free (high), complaint handling and facilities score lowest, as in real rounds.
_OFFSET_UNSUR = (0.03, 0.0, -0.08, 0.22, 0.0, 0.04, 0.09, -0.18, -0.12)


def kode_unit(index0: int) -> str:
    """Code of the unit at 0-based position ``index0`` in :data:`UNITS` (``UL-01`` ..)."""
    return f"UL-{index0 + 1:02d}"


def write(out_dir: Path, config: Config, data: DataSkm = BAWAAN) -> list[Path]:
    """Write the SKM exports of ``data`` into ``out_dir``.

    Parameters
    ----------
    out_dir : Path
        Destination folder (created if needed).
    config : Config
        Gives the report year and the answer column headers (``config.skm.unsur[i].kolom``).
    data : DataSkm
        The office's figures; the default office's 2025 unless another's are given.

    Returns
    -------
    list of Path
        ``skm-responden-<tahun>.xlsx`` and ``skm-riwayat.xlsx``; byte-identical on every run.
    """
    out_dir = Path(out_dir)
    kolom = [u.kolom for u in config.skm.unsur]
    rows = responden_rows(config.tahun, len(kolom), data)
    responden = _responden_workbook(rows, kolom, config.tahun, config.pemerintah_daerah.upper())
    riwayat = _riwayat_workbook(config, data)
    return [
        save_deterministic(responden, out_dir / nama_berkas_responden(config.tahun)),
        save_deterministic(riwayat, out_dir / FILE_RIWAYAT),
    ]


# --------------------------------------------------------------------------- default 2025 answers


def _probabilities(mean: float) -> tuple[float, float, float, float]:
    """P(1..4) of one answer with expected value ``mean`` (3,2–3,97), a few low answers kept."""
    p1 = 0.004
    p2 = min(0.05, max(0.006, (4 - mean) / 6))
    p4 = mean - 3 + 2 * p1 + p2
    return p1, p2, 1 - p1 - p2 - p4, p4


def _target_ikm(rng: random.Random, target: float) -> list[float]:
    """A plausible IKM per unit (80–97), shifted so that their mean is the Pemda target."""
    raw = [rng.uniform(80.5, 97.0) for _ in UNITS]
    shift = target - sum(raw) / len(raw)
    return [min(97.5, max(80.0, v + shift)) for v in raw]


def _answers(rng: random.Random, n_unsur: int, ikm_pemda: float) -> list[list[list[int | str | None]]]:
    """Answers per unit × respondent × unsur: 1–4, a few blanks (None) and "-"."""
    units = []
    for unit, target in zip(UNITS, _target_ikm(rng, ikm_pemda), strict=True):
        mean = target / 25
        probs = [
            _probabilities(min(3.97, max(3.2, mean + _OFFSET_UNSUR[i % len(_OFFSET_UNSUR)])))
            for i in range(n_unsur)
        ]
        respondents = []
        for _ in range(unit.responden):
            answers: list[int | str | None] = []
            for p in probs:
                blank = rng.random()
                if blank < 0.008:
                    answers.append(None)
                elif blank < 0.012:
                    answers.append("-")
                else:
                    answers.append(rng.choices((1, 2, 3, 4), weights=p)[0])
            respondents.append(answers)
        units.append(respondents)
    return units


def _unit_ikm(respondents: list[list[int | str | None]], n_unsur: int) -> float:
    """IKM per PermenPANRB 14/2017: mean of the answered values per unsur, × 1/9 × 25."""
    nrr = []
    for i in range(n_unsur):
        given = [r[i] for r in respondents if isinstance(r[i], int)]
        nrr.append(sum(given) / len(given))
    return sum(nrr) / n_unsur * 25


def _half_up(value: float) -> float:
    """Rounded to 2 decimals as printed (half up on the decimal value, not Python's round)."""
    return float(Decimal(repr(value)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


def _means(ikm: Sequence[float]) -> tuple[float, float]:
    """Mean of the unit IKMs, unrounded and from the printed (2-decimal) unit IKMs."""
    exact = sum(ikm) / len(ikm)
    printed = sum(_half_up(v) for v in ikm) / len(ikm)
    return exact, printed


def _tune(
    units: list[list[list[int | str | None]]], rng: random.Random, n_unsur: int, target: float
) -> None:
    """Move single answers up or down by one until the mean of the unit IKMs is ``target``.

    Only units with at least 100 respondents are touched, so that one step moves the mean by
    less than 0,0005 and every unit keeps the IKM its sampled answers gave it, give or take.
    """
    ikm = [_unit_ikm(r, n_unsur) for r in units]
    large = [i for i, r in enumerate(units) if len(r) >= 100]
    for turn in range(200_000):
        exact, printed = _means(ikm)
        gap = target - (exact + printed) / 2
        if abs(exact - target) < _TOLERANCE and abs(printed - target) < _TOLERANCE:
            if min(ikm) < MINIMAL_BAIK:
                raise RuntimeError(f"IKM unit sintetis di bawah {MINIMAL_BAIK}: {min(ikm):.2f}")
            return
        step = 1 if gap > 0 else -1
        u = large[turn % len(large)]
        respondents = units[u]
        for _attempt in range(50):
            r, i = rng.randrange(len(respondents)), rng.randrange(n_unsur)
            value = respondents[r][i]
            if isinstance(value, int) and 2 <= value + step <= 4:
                respondents[r][i] = value + step
                ikm[u] = _unit_ikm(respondents, n_unsur)
                break
    raise RuntimeError("penyesuaian jawaban SKM sintetis tidak mencapai target IKM")


@dataclass(frozen=True)
class _Responden:
    no: int
    tanggal: dt.datetime | str
    kode_unit: str
    unit: str
    nama: str
    hp: str
    jenis_kelamin: str
    umur: int
    pendidikan: str
    pekerjaan: str
    layanan: str
    jawaban: tuple[int | str | None, ...]
    saran: str | None


def responden_rows(tahun: int, n_unsur: int = 9, data: DataSkm = BAWAAN) -> list[_Responden]:
    """Every respondent row of the export of ``tahun``, answers tuned to ``data.ikm_pemda``.

    Deterministic: the same ``tahun``, ``n_unsur`` and ``data`` give the same rows on every run.
    """
    rng = random.Random(data.seed)
    units = _answers(rng, n_unsur, data.ikm_pemda)
    _tune(units, rng, n_unsur, data.ikm_pemda)
    start = dt.date(tahun, 1, 6)
    rows = []
    running = 0
    for index, (unit, respondents) in enumerate(zip(UNITS, units, strict=True)):
        for no, answers in enumerate(respondents, start=1):
            running += 1
            day = start + dt.timedelta(days=rng.randrange(320))
            tanggal: dt.datetime | str = dt.datetime(day.year, day.month, day.day)
            if rng.random() < 0.03:  # typed by hand in the export's text cell
                tanggal = day.strftime("%d/%m/%Y")
            kelamin = rng.choice("LP")
            if rng.random() < 0.02:
                kelamin = {"L": "Laki-laki", "P": "Perempuan"}[kelamin]
            rows.append(_Responden(
                no=no,
                tanggal=tanggal,
                kode_unit=kode_unit(index),
                unit=unit.nama,
                nama=f"Responden {running:05d}",
                hp=f"0812-{running // 10_000:04d}-{running % 10_000:04d}",
                jenis_kelamin=kelamin,
                umur=rng.randint(17, 75),
                pendidikan=rng.choices(PENDIDIKAN, weights=_PENDIDIKAN_BOBOT)[0],
                pekerjaan=rng.choices(PEKERJAAN, weights=_PEKERJAAN_BOBOT)[0],
                layanan=rng.choice(unit.layanan),
                jawaban=tuple(answers),
                saran=rng.choice(SARAN) if rng.random() < 0.25 else rng.choice((None, "-")),
            ))
    return rows


def _title(ws: Worksheet, lines: Sequence[str]) -> None:
    for line in lines:
        ws.append([line] if line else [])
    ws["A1"].font = Font(bold=True, size=12)


def _keterangan(wb: Workbook, isi: str) -> None:
    ws = wb.active
    ws.title = "Keterangan"
    for line in (
        "DATA SINTETIS",
        SYNTHETIC_NOTE,
        isi,
        "Nama responden dan nomor HP adalah palsu (Responden 00001, 0812-0000-0001, ...).",
        "Dibuat ulang dengan: python -m lkjip contoh-data",
    ):
        ws.append([line])
    ws["A1"].font = Font(bold=True, size=14)


def _responden_workbook(
    rows: list[_Responden], kolom: Sequence[str], tahun: int, pemerintah: str
) -> Workbook:
    wb = Workbook()
    _keterangan(wb, f"Ekspor data responden aplikasi e-SKM tahun {tahun}, 57 PD/UKPD.")
    ws = wb.create_sheet("Responden")
    _title(ws, (
        "REKAPITULASI DATA RESPONDEN SURVEI KEPUASAN MASYARAKAT (SKM)",
        f"{pemerintah} TAHUN {tahun}",
        SYNTHETIC_NOTE,
        "",
    ))
    ws.append([*HEADER_AWAL, *kolom, *HEADER_AKHIR])
    for cell in ws[ws.max_row]:
        cell.font = Font(bold=True)
    header_row = ws.max_row  # max_row scans every cell: read it once, not per row
    for offset, r in enumerate(rows, start=1):
        ws.append([
            r.no, r.tanggal, r.kode_unit, r.unit, r.nama, r.hp, r.jenis_kelamin, r.umur,
            r.pendidikan, r.pekerjaan, r.layanan, *r.jawaban, r.saran,
        ])
        if isinstance(r.tanggal, dt.datetime):
            ws.cell(row=header_row + offset, column=2).number_format = "DD/MM/YYYY"
    units = wb.create_sheet("Unit")
    _title(units, (f"DAFTAR UNIT LAYANAN DAN POPULASI PENERIMA LAYANAN TAHUN {tahun}", ""))
    units.append(HEADER_UNIT)
    for index, unit in enumerate(UNITS):
        units.append([index + 1, kode_unit(index), unit.nama, unit.populasi])
    return wb


# --------------------------------------------------------------------------- history 2023-2024


def riwayat_ikm(target: float, rng: random.Random) -> list[float]:
    """Printed (2-decimal) IKM per unit for a history year, their mean exactly ``target``."""
    hundredths = [round(rng.uniform(82.0, 96.5) * 100) for _ in UNITS]
    wanted = round(target * 100) * len(UNITS)
    shift, rest = divmod(wanted - sum(hundredths), len(UNITS))
    hundredths = [h + shift + (1 if i < rest else 0) for i, h in enumerate(hundredths)]
    return [h / 100 for h in hundredths]


def _mutu(ikm: float, config: Config) -> str:
    return next(k.mutu for k in config.skm.kategori if ikm >= k.batas_bawah)


def _riwayat_workbook(config: Config, data: DataSkm) -> Workbook:
    rng = random.Random(data.seed + 1)
    wb = Workbook()
    _keterangan(wb, "Rekap IKM per unit layanan tahun-tahun sebelumnya, seperti disimpan kantor.")
    for tahun, target in sorted(data.riwayat):
        ws = wb.create_sheet(f"IKM {tahun}")
        _title(ws, (
            f"REKAPITULASI INDEKS KEPUASAN MASYARAKAT PER UNIT LAYANAN TAHUN {tahun}",
            f"{config.pemerintah_daerah.upper()} – {SYNTHETIC_NOTE}",
            "",
        ))
        ws.append(HEADER_RIWAYAT)
        for cell in ws[ws.max_row]:
            cell.font = Font(bold=True)
        header_row = ws.max_row
        for index, (unit, ikm) in enumerate(zip(UNITS, riwayat_ikm(target, rng), strict=True)):
            jumlah = max(5, round(unit.responden * rng.uniform(0.85, 1.1)))
            ws.append([index + 1, kode_unit(index), unit.nama, jumlah, ikm, _mutu(ikm, config)])
            ws.cell(row=header_row + index + 1, column=5).number_format = "0.00"
    return wb


# --------------------------------------------------------------------------- bulk (benchmark)


def write_bulk(
    path: Path,
    n_rows: int,
    seed: int,
    n_units: int = 57,
    *,
    tahun: int = 2025,
    rusak: int = 0,
    first_unit: int = 0,
    pemerintah: str | None = None,
) -> Path:
    """Write a large e-SKM export (same layout as the default one) for benchmarks.

    Writes the SpreadsheetML parts directly with a shared-string table, row by row from
    vectorised columns, because openpyxl needs minutes for a million rows. Deterministic:
    the same arguments give the same bytes.

    Parameters
    ----------
    path : Path
        The .xlsx to write.
    n_rows : int
        Respondent rows (spread over the units in proportion to the default counts).
    seed : int
        Seed of the random answers.
    n_units : int
        Units surveyed; beyond the 57 default units, ``Unit Layanan 058`` and so on.
    tahun : int
        Survey year (title row and dates).
    rusak : int
        Rows given a wrong cell ("tiga puluh" as umur), to exercise the quarantine path.
    first_unit : int
        0-based position of this file's first unit; files of one survey round written with
        disjoint unit ranges hold disjoint respondents (as per-unit exports do).
    pemerintah : str, optional
        The local government in the title row; defaults to ``laporan.yml``'s
        (:attr:`lkjip.core.config.Config.pemerintah_daerah`).

    Returns
    -------
    Path
        ``path``.
    """
    rng = np.random.default_rng(seed)
    units = range(first_unit, first_unit + n_units)
    names = [UNITS[i].nama if i < len(UNITS) else f"Unit Layanan {i + 1:03d}" for i in units]
    weights = np.array([UNITS[i % len(UNITS)].responden for i in units], dtype=float)
    unit_of_row = np.sort(rng.choice(n_units, size=n_rows, p=weights / weights.sum()))
    first_of_unit = np.searchsorted(unit_of_row, np.arange(n_units))
    no = np.arange(n_rows) - first_of_unit[unit_of_row] + 1

    strings = _SharedStrings()
    header = [*HEADER_AWAL, *(f"U{i}" for i in range(1, 10)), *HEADER_AKHIR]
    unit_idx = [strings.add(n) for n in names]
    code_idx = [strings.add(kode_unit(i)) for i in units]
    sex_idx = [strings.add(s) for s in ("L", "P")]
    edu_idx = [strings.add(s) for s in PENDIDIKAN]
    job_idx = [strings.add(s) for s in PEKERJAAN]
    service_idx = [strings.add(s) for s in (*_PUSKESMAS, *_KECAMATAN, *_ADMINDUK)]
    saran_idx = [strings.add(s) for s in SARAN]
    dash = strings.add("-")
    bad_age = strings.add("tiga puluh")
    name_base = strings.reserve_range("Responden {:07d}", n_rows)
    phone_base = strings.reserve_range("0812-{:07d}", n_rows)

    epoch = (dt.date(tahun, 1, 6) - dt.date(1899, 12, 30)).days
    day = epoch + rng.integers(0, 320, n_rows)
    text_date = rng.random(n_rows) < 0.01
    date_cells = [
        f'<c t="s"><v>{strings.add(_serial_to_text(d))}</v></c>' if t else f'<c s="1"><v>{d}</v></c>'
        for d, t in zip(day.tolist(), text_date.tolist(), strict=True)
    ]
    age = rng.integers(17, 76, n_rows)
    age_cells = [f"<c><v>{a}</v></c>" for a in range(0, 120)]
    broken = set(rng.choice(n_rows, size=min(rusak, n_rows), replace=False).tolist())

    unit_mean = rng.uniform(3.3, 3.85, n_units)[unit_of_row]
    answer_cells = ["<c/>", *(f"<c><v>{v}</v></c>" for v in range(1, 5)), f'<c t="s"><v>{dash}</v></c>']
    answers = []
    for offset in _OFFSET_UNSUR:
        mean = np.clip(unit_mean + offset, 3.05, 3.97)
        u = rng.random(n_rows)
        # 4 with probability mean-3, else 3, with a few 2s: mean - 3 = P(4) - P(2).
        value = np.where(u < mean - 3 + 0.03, 4, np.where(u > 0.97, 2, 3))
        blank = rng.random(n_rows)
        value = np.where(blank < 0.005, 0, np.where(blank < 0.008, 5, value))
        answers.append(value.tolist())

    sex = rng.integers(0, 2, n_rows).tolist()
    edu = rng.choice(len(PENDIDIKAN), size=n_rows, p=np.array(_PENDIDIKAN_BOBOT) / sum(_PENDIDIKAN_BOBOT))
    job = rng.choice(len(PEKERJAAN), size=n_rows, p=np.array(_PEKERJAAN_BOBOT) / sum(_PEKERJAAN_BOBOT))
    service = rng.integers(0, len(service_idx), n_rows).tolist()
    saran = rng.integers(-3 * len(SARAN), len(SARAN), n_rows).tolist()

    first_row = 6  # 3 title rows, a blank row, the header on row 5
    template = (
        '<row r="%d"><c><v>%d</v></c>%s<c t="s"><v>%d</v></c><c t="s"><v>%d</v></c>'
        '<c t="s"><v>%d</v></c><c t="s"><v>%d</v></c><c t="s"><v>%d</v></c>%s'
        '<c t="s"><v>%d</v></c><c t="s"><v>%d</v></c><c t="s"><v>%d</v></c>'
        "%s%s%s%s%s%s%s%s%s%s</row>"
    )
    saran_cells = ["<c/>", *(f'<c t="s"><v>{i}</v></c>' for i in saran_idx)]

    def body() -> Iterator[str]:
        units_l, no_l, age_l = unit_of_row.tolist(), no.tolist(), age.tolist()
        edu_l, job_l = edu.tolist(), job.tolist()
        chunk = []
        for k in range(n_rows):
            u = units_l[k]
            a = answers
            chunk.append(template % (
                first_row + k, no_l[k], date_cells[k], code_idx[u], unit_idx[u],
                name_base + k, phone_base + k, sex_idx[sex[k]],
                f'<c t="s"><v>{bad_age}</v></c>' if k in broken else age_cells[age_l[k]],
                edu_idx[edu_l[k]], job_idx[job_l[k]], service_idx[service[k]],
                answer_cells[a[0][k]], answer_cells[a[1][k]], answer_cells[a[2][k]],
                answer_cells[a[3][k]], answer_cells[a[4][k]], answer_cells[a[5][k]],
                answer_cells[a[6][k]], answer_cells[a[7][k]], answer_cells[a[8][k]],
                saran_cells[max(0, saran[k] + 1)],
            ))
            if len(chunk) == 20_000:
                yield "".join(chunk)
                chunk = []
        yield "".join(chunk)

    title = [
        "REKAPITULASI DATA RESPONDEN SURVEI KEPUASAN MASYARAKAT (SKM)",
        f"{(pemerintah or load_config().pemerintah_daerah).upper()} TAHUN {tahun}",
        f"{SYNTHETIC_NOTE} (data uji kinerja, {n_rows} baris)",
    ]
    head = "".join(
        f'<row r="{r}"><c t="s"><v>{strings.add(t)}</v></c></row>' for r, t in enumerate(title, 1)
    ) + '<row r="5">' + "".join(f'<c t="s"><v>{strings.add(h)}</v></c>' for h in header) + "</row>"
    responden_sheet = (head, body())

    unit_rows = "".join(
        f'<row r="{i + 4}"><c><v>{i + 1}</v></c><c t="s"><v>{code_idx[i]}</v></c>'
        f'<c t="s"><v>{unit_idx[i]}</v></c><c><v>{UNITS[g % len(UNITS)].populasi}</v></c></row>'
        for i, g in enumerate(units)
    )
    unit_head = (
        f'<row r="1"><c t="s"><v>{strings.add("DAFTAR UNIT LAYANAN DAN POPULASI")}</v></c></row>'
        '<row r="3">' + "".join(f'<c t="s"><v>{strings.add(h)}</v></c>' for h in HEADER_UNIT)
        + "</row>"
    )
    note = "".join(
        f'<row r="{r}"><c t="s"><v>{strings.add(t)}</v></c></row>'
        for r, t in enumerate(("DATA SINTETIS", SYNTHETIC_NOTE), 1)
    )
    sheets = [
        ("Keterangan", (note, iter(()))),
        ("Responden", responden_sheet),
        ("Unit", (unit_head + unit_rows, iter(()))),
    ]
    # Strings added while the body is written (text dates) are known before it is written:
    # the date cells were rendered above, so the table is complete here.
    return _write_raw_xlsx(Path(path), sheets, strings)


def _serial_to_text(serial: int) -> str:
    return (dt.date(1899, 12, 30) + dt.timedelta(days=serial)).strftime("%d/%m/%Y")


class _SharedStrings:
    """The workbook's shared-string table: explicit strings plus reserved numbered ranges."""

    def __init__(self) -> None:
        self._index: dict[str, int] = {}
        self._parts: list[tuple[str, int] | str] = []  # a string, or (pattern, count)
        self.count = 0

    def add(self, text: str) -> int:
        if text not in self._index:
            self._index[text] = self.count
            self._parts.append(text)
            self.count += 1
        return self._index[text]

    def reserve_range(self, pattern: str, n: int) -> int:
        """Reserve ``n`` consecutive entries ``pattern.format(1..n)``; return the first index."""
        first = self.count
        self._parts.append((pattern, n))
        self.count += n
        return first

    def xml(self) -> Iterator[str]:
        yield (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
            f'count="{self.count}" uniqueCount="{self.count}">'
        )
        for part in self._parts:
            if isinstance(part, str):
                yield f"<si><t>{escape(part)}</t></si>"
                continue
            pattern, n = part
            for start in range(0, n, 50_000):
                yield "".join(
                    f"<si><t>{pattern.format(k + 1)}</t></si>"
                    for k in range(start, min(n, start + 50_000))
                )
        yield "</sst>"


_NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_STYLES = (
    f"{_XML}<styleSheet {_NS}>"
    '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>'
    '<fills count="2"><fill><patternFill patternType="none"/></fill>'
    '<fill><patternFill patternType="gray125"/></fill></fills>'
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>'
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
    "</styleSheet>"
)


def _write_raw_xlsx(
    path: Path, sheets: list[tuple[str, tuple[str, Iterator[str]]]], strings: _SharedStrings
) -> Path:
    """Write a minimal valid .xlsx: sheets given as (name, (leading XML, iterator of row XML))."""
    n = len(sheets)
    content_types = (
        f'{_XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
        'officedocument.spreadsheetml.sheet.main+xml"/>'
        + "".join(
            f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
            for i in range(1, n + 1)
        )
        + '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-'
        'officedocument.spreadsheetml.styles+xml"/>'
        '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-'
        'officedocument.spreadsheetml.sharedStrings+xml"/></Types>'
    )
    root_rels = (
        f'{_XML}<Relationships xmlns="{_PKG_REL}"><Relationship Id="rId1" '
        f'Type="{_REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>'
    )
    workbook = (
        f'{_XML}<workbook {_NS} xmlns:r="{_REL}"><sheets>'
        + "".join(
            f'<sheet name="{escape(name)}" sheetId="{i}" r:id="rId{i}"/>'
            for i, (name, _) in enumerate(sheets, 1)
        )
        + "</sheets></workbook>"
    )
    workbook_rels = (
        f'{_XML}<Relationships xmlns="{_PKG_REL}">'
        + "".join(
            f'<Relationship Id="rId{i}" Type="{_REL}/worksheet" Target="worksheets/sheet{i}.xml"/>'
            for i in range(1, n + 1)
        )
        + f'<Relationship Id="rId{n + 1}" Type="{_REL}/styles" Target="styles.xml"/>'
        f'<Relationship Id="rId{n + 2}" Type="{_REL}/sharedStrings" Target="sharedStrings.xml"/>'
        "</Relationships>"
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    stamp = FIXED_TIME.timetuple()[:6]

    def entry(name: str) -> zipfile.ZipInfo:
        info = zipfile.ZipInfo(name, date_time=stamp)
        info.compress_type = zipfile.ZIP_DEFLATED
        info.external_attr = 0o600 << 16
        return info

    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
        for name, text in (
            ("[Content_Types].xml", content_types),
            ("_rels/.rels", root_rels),
            ("xl/workbook.xml", workbook),
            ("xl/_rels/workbook.xml.rels", workbook_rels),
            ("xl/styles.xml", _STYLES),
        ):
            zf.writestr(entry(name), text)
        for i, (_, (head, rows)) in enumerate(sheets, 1):
            with zf.open(entry(f"xl/worksheets/sheet{i}.xml"), "w", force_zip64=True) as fh:
                fh.write(f"{_XML}<worksheet {_NS}><sheetData>{head}".encode())
                for chunk in rows:
                    fh.write(chunk.encode())
                fh.write(b"</sheetData></worksheet>")
        with zf.open(entry("xl/sharedStrings.xml"), "w", force_zip64=True) as fh:
            for chunk in strings.xml():
                fh.write(chunk.encode())
    return path

