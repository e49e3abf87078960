"""A unit's SKM figures as Typst input, and the Typst compile of its report and infographics.

Typst (the ``typst`` package: the compiler as a Python extension, no external program) turns
one template and one unit's data into a PDF or a PNG in tens of milliseconds, so all units are
published without a Quarto render or a notebook per unit. The templates in ``templat/`` only
place what they get: every number arrives here already formatted the Indonesian way.
"""

from __future__ import annotations

import json
import math
from functools import lru_cache
from pathlib import Path
from typing import Any

import typst

from lkjip.core import fmt
from lkjip.core.config import Config
from lkjip.core.na import is_na
from lkjip.publish.skm_unit.markdown import ke_blok
from lkjip.report import tanda
from lkjip.report.konten import PENANDA_KOSONG
from lkjip.report.skm_unit import kalimat
from lkjip.report.skm_unit.isi import IsiUnit

TEMPLAT = Path(__file__).with_name("templat")

#: The outputs of one unit: template, format and resolution (PNG only).
#: The square is 120 mm wide: 1.080 px at 228,6 ppi.
KELUARAN = {
    "laporan": ("laporan.typ", "pdf", None),
    "infografis-a4-pdf": ("infografis-a4.typ", "pdf", None),
    "infografis-a4-png": ("infografis-a4.typ", "png", 150),
    "infografis-persegi-pdf": ("infografis-persegi.typ", "pdf", None),
    "infografis-persegi-png": ("infografis-persegi.typ", "png", 1080 / (120 / 25.4)),
}

#: Note of a unit whose IKM cannot be computed (no respondents): N/A, never 0.
CATATAN_NA = f"{fmt.NA}: tidak ada jawaban responden pada tahun ini, sehingga IKM tidak dapat dihitung."


@lru_cache(maxsize=8)
def _sumber_templat(nama: str) -> bytes:
    return (
        (TEMPLAT / "umum.typ").read_text(encoding="utf-8")
        + "\n"
        + (TEMPLAT / nama).read_text(encoding="utf-8")
    ).encode("utf-8")


def _frac(value: float, low: float, high: float) -> float | None:
    if is_na(value):
        return None
    return max(0.0, min(1.0, (float(value) - low) / (high - low)))


def _rentang(config: Config) -> list[tuple[str, str, str]]:
    """Each mutu band as (mutu, kinerja, "88,31–100,00"), best first."""
    f = fmt.Formatter(config)
    bands = list(config.skm.kategori)
    out, top = [], 100.0
    for band in bands:
        out.append((band.mutu, band.kinerja, f"{f.angka(band.batas_bawah, 2)}–{f.angka(top, 2)}"))
        top = fmt.bulat(band.batas_bawah - 0.01, 2)
    return out


def _dasar_tren(isi: IsiUnit) -> float:
    """Where the trend chart's axis starts: 60 or lower, in steps of 5 below the smallest value."""
    values = [v for t in isi.tren for v in (t.ikm, t.pemda) if not is_na(v)]
    return min(60.0, math.floor(min(values) / 5) * 5 - 5) if values else 60.0


def data_unit(isi: IsiUnit, config: Config, *, logo: str | None, dibuat: str) -> dict[str, Any]:
    """What the templates print for ``isi``, every number formatted (``lkjip.core.fmt``).

    Parameters
    ----------
    isi : IsiUnit
    config : Config
    logo : str, optional
        The logo as Typst finds it (a path from the project root, ``/konten/logo.png``).
    dibuat : str
        When the processed data were made, as printed in the footer.
    """
    f = fmt.Formatter(config)
    # Ties at the cut are marked too: a fourth unsur as low as the third is as much a priority.
    weak = {u.kode for u in [*isi.terlemah, *isi.seri(isi.terlemah)]}
    strong = {u.kode for u in [*isi.terkuat, *isi.seri(isi.terkuat)]} - weak
    unsur = [
        {
            "kode": u.kode,
            "nama": u.nama,
            "jawaban": f.bilangan(u.jumlah_jawaban),
            "nrr": f.angka(u.nrr, 2),
            "nrr_t": f.angka(u.nrr_tertimbang, 4),
            "nilai": f.angka(u.nilai, 2),
            "mutu": u.mutu or fmt.NA,
            "ada": not is_na(u.nrr),
            "frac": _frac(u.nrr, 1, 4) if not is_na(u.nrr) else 0,
            "peringkat": "lemah" if u.kode in weak else "kuat" if u.kode in strong else "",
        }
        for u in isi.unsur
    ]
    low = _dasar_tren(isi)
    tren = [
        {
            "tahun": str(t.tahun),
            "tanda": tanda.SAMPEL_KURANG if t.tahun == isi.tahun and isi.sampel_kurang else "",
            "ikm": f.angka(t.ikm, 2),
            "mutu": t.mutu or fmt.NA,
            "pemda": f.angka(t.pemda, 2),
            "frac_unit": _frac(t.ikm, low, 100),
            "frac_pemda": _frac(t.pemda, low, 100),
            "asal": "dihitung dari jawaban responden" if t.asal == "hitung" else "rekap kantor (diketik)",
        }
        for t in isi.tren
    ]
    profil = [
        {
            "judul": judul,
            "kelompok": [
                {
                    "nama": k.kelompok,
                    "jumlah": f.bilangan(k.jumlah),
                    "persen": f.persen(k.persen, 1),
                    "frac": k.persen / 100,
                }
                for k in groups
            ],
        }
        for judul, groups in isi.profil.items()
    ]
    saran = None
    if isi.saran is not None:
        s = isi.saran
        saran = {
            "butir": [{"teks": teks, "jumlah": f.bilangan(n)} for teks, n in s.butir],
            "kalimat": (
                f"{f.bilangan(s.jumlah_diisi)} responden menulis saran. Saran yang sama dihitung sekali "
                f"dengan jumlah penulisnya; {f.bilangan(s.jumlah_disaring)} saran tidak diterbitkan karena "
                "dapat memuat data pribadi (nama, sebutan orang, nomor, alamat, tanggal atau kontak)."
            ),
        }
    mutu_aktif = isi.mutu if isi.ada_responden else None
    return {
        "tahun": str(isi.tahun),
        "kode": isi.kode,
        "unit": isi.unit,
        "wilayah": isi.wilayah,
        "pemda": config.pemerintah_daerah,
        "kaki": (
            f"Diolah dari data SKM {config.pemerintah_daerah} oleh {config.instansi.nama_lengkap}; "
            f"data {dibuat}."
        ),
        "dasar_singkat": "PermenPANRB Nomor 14 Tahun 2017",
        "periode": kalimat.periode(isi),
        "logo": logo,
        "ikm": f.angka(isi.ikm, 2),
        "ikm_ada": not is_na(isi.ikm),
        "mutu": isi.mutu or fmt.NA,
        "kinerja": isi.kinerja or fmt.NA,
        "responden": kalimat.responden_bertanda(isi, config),
        "populasi": f.bilangan(isi.populasi),
        "sampel_minimum": f.bilangan(isi.sampel_minimum),
        "kecukupan": kalimat.kecukupan(isi),
        "sampel_kurang": isi.sampel_kurang,
        "catatan_sampel": tanda.CATATAN_SAMPEL_KURANG,
        "catatan_na": CATATAN_NA,
        "ikm_pemda": f.angka(isi.ikm_pemda, 2),
        "mutu_pemda": isi.mutu_pemda or fmt.NA,
        "kategori": [
            {"mutu": m, "kinerja": k, "rentang": r, "aktif": m == mutu_aktif} for m, k, r in _rentang(config)
        ],
        "layanan": [{"nama": nama, "jumlah": f.bilangan(n)} for nama, n in isi.layanan],
        "unsur": unsur,
        "jumlah_nrr_t": fmt.angka(isi.jumlah_nrr_tertimbang, 4),
        "terlemah": [f"{u.kode} {u.nama} ({f.angka(u.nrr, 2)})" for u in isi.terlemah],
        "profil": profil,
        "tren": tren,
        "tren_dasar": f"Sumbu IKM dimulai dari {f.bilangan(low)}; nilai tercetak di atas setiap batang.",
        "kalimat": {
            "pendahuluan": kalimat.pendahuluan(isi),
            "layanan": kalimat.layanan(isi, config),
            "metode": kalimat.metode(isi, config),
            "sampel": kalimat.sampel(isi, config),
            "hasil_ikm": kalimat.hasil_ikm(isi, config),
            "analisis": kalimat.analisis(isi, config),
            "tren": kalimat.tren(isi, config),
        },
        "kesimpulan": kalimat.kesimpulan(isi, config),
        "rencana": ke_blok(isi.rencana.markdown),
        "rencana_terisi": isi.rencana.terisi,
        "penanda": PENANDA_KOSONG.format(berkas=isi.rencana.berkas)
        + " — teks awal di bawah ini dibuat dari unsur terendah; tulis rencana unit di berkas itu",
        "saran": saran,
        "asal": [{"angka": a.angka, "nilai": a.nilai, "sumber": a.sumber} for a in isi.asal],
        "catatan_asal": (
            "Semua angka dibaca dari tabel olahan yang sama dengan LKjIP (ikm_unit, ikm_unsur, "
            "ikm_pemda, skm_demografi, skm_unit_riwayat); angka unit ini sama dengan Tabel IKM per "
            "unit pelayanan pada Lampiran LKjIP."
        ),
    }


class TypstGagal(RuntimeError):
    """Typst could not compile a publication; the message names the unit and the output."""


def kompilasi(keluaran: str, data: dict[str, Any], root: Path) -> bytes:
    """Compile one output of :data:`KELUARAN` for ``data``; ``root`` is where Typst finds the logo."""
    nama, format_, ppi = KELUARAN[keluaran]
    try:
        hasil = typst.compile(
            _sumber_templat(nama),
            root=str(root),
            format=format_,
            ppi=ppi,
            sys_inputs={"data": json.dumps(data, ensure_ascii=False, allow_nan=False)},
        )
    except Exception as exc:  # typst raises its own error type with the source location
        raise TypstGagal(
            f"{data.get('kode')}: {keluaran} tidak dapat dibuat oleh Typst: "
            f"{getattr(exc, 'diagnostic', None) or exc}"
        ) from exc
    if isinstance(hasil, list):  # a PNG of a document that ran over one page
        raise TypstGagal(f"{data.get('kode')}: {keluaran} lebih dari satu halaman ({len(hasil)})")
    return hasil
