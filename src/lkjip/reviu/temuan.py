"""Automatic reviu: every printed or typed figure recomputed, differences beyond its precision reported."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from lkjip.core import fmt
from lkjip.core.config import Config
from lkjip.core.na import is_na, or_dash
from lkjip.core.rounding import printed_decimals, printed_tolerance, round_half_up
from lkjip.indicators.ikm import kategori_ikm
from lkjip.indicators.kelembagaan import compute_kematangan
from lkjip.ingest.clean import clean_table
from lkjip.katalog.hasil import COLUMNS, empty, shaped

#: The kinds of finding (``jenis``) and what each checks.
JENIS = {
    "persen_anggaran": "persentase realisasi sub-kegiatan tercetak vs realisasi / anggaran",
    "persen_anggaran_riwayat": "persentase realisasi tahun sebelumnya tercetak vs realisasi / anggaran",
    "alokasi_sasaran": "alokasi anggaran per sasaran tercetak vs jumlah sub-kegiatan yang dipetakan",
    "realisasi_sasaran": "realisasi anggaran per sasaran tercetak vs jumlah sub-kegiatan yang dipetakan",
    "capaian_anggaran_sasaran": "capaian anggaran per sasaran tercetak vs hasil hitung",
    "capaian_indikator": "capaian indikator tercetak vs hasil hitung",
    "realisasi_indikator": "realisasi indikator yang diketik vs hasil hitung dari data",
    "mutu_ikm": "mutu pelayanan IKM tercetak vs kategori dari nilai IKM",
    "nrr_tercetak": (
        "jumlah nilai, NRR, NRR tertimbang per unsur dan IKM unit tercetak di sheet 'Format Permenpan' e-SKM "
        "vs hasil hitung dari respondennya"
    ),
    "predikat_sakip": "predikat SAKIP tercetak vs predikat dari nilai",
    "total_kematangan": "total kematangan tercetak vs jumlah skor variabelnya (V01, V02, ...)",
    "kategori_kematangan": "kategori kematangan tercetak vs kategori dari total",
    "bobot_efektivitas": "jumlah bobot sub-dimensi vs bobot dimensi di laporan.yml",
    "konsistensi": "konsistensi antartabel hasil hitung",
}

#: ``berkas`` of findings about the engine's own tables (internal consistency).
BERKAS_HASIL = "(hasil hitung)"

# When the cell's printed precision is unknown (tables written before ``desimal_tercetak``), a
# percentage is taken as printed with 2 decimals: a stored 84.4 was printed 84,40.
_DESIMAL_PERSEN = 2
_EPS = 1e-9


@dataclass(frozen=True)
class _Lokasi:
    berkas: object
    sheet: object
    baris: object


def _lokasi(row: object) -> _Lokasi:
    return _Lokasi(getattr(row, "berkas", None), getattr(row, "sheet", None), getattr(row, "baris", None))


def format_angka(value: object, decimals: int) -> str | None:
    """A number the Indonesian way, half up: ``format_angka(84.493, 2) == "84,49"``; NA gives None."""
    return None if is_na(value) else fmt.angka(value, decimals)


def _temuan(
    jenis: str,
    where: _Lokasi,
    kolom: str,
    tercetak: str | None,
    hitung: str | None,
    selisih: float,
    toleransi: float,
    penjelasan: str,
) -> dict:
    """One row of ``reviu``: the finding located at its input cell."""
    return {
        "jenis": jenis,
        "berkas": where.berkas,
        "sheet": where.sheet,
        "baris": where.baris,
        "kolom": kolom,
        "nilai_tercetak": tercetak,
        "nilai_hitung": hitung,
        "selisih": selisih,
        "toleransi": toleransi,
        "penjelasan": penjelasan,
    }


def _selisih_angka(
    jenis: str,
    where: _Lokasi,
    kolom: str,
    tercetak: object,
    hitung: object,
    *,
    min_decimals: int,
    penjelasan: str,
    desimal: object = None,
) -> dict | None:
    """A finding when a printed number differs from the computed one by more than its precision.

    ``desimal`` is the number of decimals the cell showed (``desimal_tercetak``, read from its
    text or number format): the comparison is made at exactly that precision, so 93,6 is checked
    at one decimal and 94 at none. Without it the precision is the larger of the float's own
    decimals and ``min_decimals``.
    """
    if is_na(tercetak):
        return None
    tercetak = float(tercetak)
    if is_na(desimal):
        toleransi = printed_tolerance(tercetak, min_decimals)
        decimals = max(printed_decimals(tercetak), min_decimals)
    else:
        decimals = int(desimal)
        toleransi = 0.5 * 10.0**-decimals
    if is_na(hitung):
        selisih = float("nan")
        penjelasan = f"{penjelasan} Nilai tidak dapat dihitung dari data."
    else:
        selisih = float(hitung) - tercetak
        if abs(selisih) <= toleransi + _EPS:
            return None
    return _temuan(
        jenis,
        where,
        kolom,
        format_angka(tercetak, decimals),
        format_angka(hitung, decimals),
        selisih,
        toleransi,
        penjelasan,
    )


def _selisih_persen(jenis: str, row: object, kolom: str, hitung: object, *, penjelasan: str) -> dict | None:
    """:func:`_selisih_angka` for the printed percentage ``kolom`` of an input ``row``, at the
    decimals its cell showed (``desimal_tercetak``), at least :data:`_DESIMAL_PERSEN`."""
    return _selisih_angka(
        jenis,
        _lokasi(row),
        kolom,
        getattr(row, kolom),
        hitung,
        min_decimals=_DESIMAL_PERSEN,
        desimal=getattr(row, "desimal_tercetak", None),
        penjelasan=penjelasan,
    )


def _selisih_teks(
    jenis: str, where: _Lokasi, kolom: str, tercetak: object, hitung: object, *, penjelasan: str
) -> dict | None:
    """A finding when a printed category differs from the computed one (case and spaces ignored)."""
    if is_na(tercetak) or str(tercetak).strip() == "":
        return None
    if not is_na(hitung) and str(tercetak).strip().casefold() == str(hitung).strip().casefold():
        return None
    nan = float("nan")
    hitung = None if is_na(hitung) else str(hitung)
    return _temuan(jenis, where, kolom, str(tercetak).strip(), hitung, nan, nan, penjelasan)


def _rp(value: object) -> str:
    shown = format_angka(value, 0)
    return "-" if shown is None else f"Rp{shown}"


def _persen(value: object, desimal: object = None) -> str:
    """A percentage as printed: with the decimals its cell showed, else 2."""
    shown = format_angka(value, 2 if is_na(desimal) else int(desimal))
    return "-" if shown is None else f"{shown} %"


def _persen_tercetak(row: object, kolom: str) -> str:
    """The printed percentage ``kolom`` of ``row`` with the decimals its cell showed."""
    return _persen(getattr(row, kolom), getattr(row, "desimal_tercetak", None))


def _reviu_anggaran(clean: dict[str, pd.DataFrame], computed: dict[str, pd.DataFrame]) -> list[dict]:
    """Printed budget percentages (sub-kegiatan, earlier years) and the budget-per-sasaran table."""
    found = []
    for row in computed["anggaran_hasil"].itertuples(index=False):
        found.append(
            _selisih_persen(
                "persen_anggaran",
                row,
                "persen_tercetak",
                row.persen,
                penjelasan=(
                    f"Persentase realisasi sub-kegiatan {row.kode} ({row.uraian}) tercetak "
                    f"{_persen_tercetak(row, 'persen_tercetak')}, padahal "
                    f"{_rp(row.realisasi)} / {_rp(row.anggaran)}"
                    f" × 100 = {_persen(row.persen)}."
                ),
            )
        )
    for row in clean["anggaran_riwayat"].itertuples(index=False):
        pagu = float("nan") if is_na(row.anggaran) else float(row.anggaran)
        hitung = float("nan") if is_na(row.realisasi) or not pagu else float(row.realisasi) / pagu * 100
        found.append(
            _selisih_persen(
                "persen_anggaran_riwayat",
                row,
                "persen_tercetak",
                hitung,
                penjelasan=(
                    f"Persentase realisasi anggaran tahun {row.tahun} tercetak "
                    f"{_persen_tercetak(row, 'persen_tercetak')}, padahal "
                    f"{_rp(row.realisasi)} / {_rp(row.anggaran)}"
                    f" × 100 = {_persen(hitung)}."
                ),
            )
        )
    per_sasaran = computed["anggaran_sasaran"].set_index(["dokumen", "no_sasaran"])
    for row in clean["anggaran_sasaran_tercetak"].itertuples(index=False):
        key = (row.dokumen, row.no_sasaran)
        hasil = per_sasaran.loc[key] if key in per_sasaran.index else None
        alokasi = None if hasil is None else hasil["alokasi"]
        realisasi = None if hasil is None else hasil["realisasi"]
        capaian = None if hasil is None else hasil["capaian_anggaran"]
        sasaran = f"sasaran {row.no_sasaran} ({row.dokumen})"
        found.append(
            _selisih_angka(
                "alokasi_sasaran",
                _lokasi(row),
                "alokasi_tercetak",
                row.alokasi_tercetak,
                alokasi,
                min_decimals=0,
                penjelasan=(
                    f"Alokasi anggaran {sasaran} tercetak {_rp(row.alokasi_tercetak)}, padahal jumlah "
                    f"anggaran sub-kegiatan yang dipetakan ke sasaran ini {_rp(alokasi)}."
                ),
            )
        )
        found.append(
            _selisih_angka(
                "realisasi_sasaran",
                _lokasi(row),
                "realisasi_tercetak",
                row.realisasi_tercetak,
                realisasi,
                min_decimals=0,
                penjelasan=(
                    f"Realisasi anggaran {sasaran} tercetak {_rp(row.realisasi_tercetak)}, padahal jumlah "
                    f"realisasi sub-kegiatan yang dipetakan ke sasaran ini {_rp(realisasi)}."
                ),
            )
        )
        found.append(
            _selisih_persen(
                "capaian_anggaran_sasaran",
                row,
                "capaian_tercetak",
                capaian,
                penjelasan=(
                    f"Capaian anggaran {sasaran} tercetak "
                    f"{_persen_tercetak(row, 'capaian_tercetak')}, padahal "
                    f"{_rp(realisasi)} / {_rp(alokasi)} × 100 = {_persen(capaian)}."
                ),
            )
        )
    return found


def _reviu_capaian(computed: dict[str, pd.DataFrame]) -> list[dict]:
    """Printed capaian of each agreement row, and typed realisasi of indicators the engine computes."""
    found = []
    for row in computed["capaian"].itertuples(index=False):
        indikator = f"{row.kode_indikator} tahun {row.tahun} ({row.dokumen})"
        found.append(
            _selisih_persen(
                "capaian_indikator",
                row,
                "capaian_tercetak",
                row.capaian,
                penjelasan=(
                    f"Capaian {indikator} tercetak {_persen_tercetak(row, 'capaian_tercetak')}, "
                    f"padahal dari target "
                    f"{format_angka(row.target, 2) or '-'} dan realisasi "
                    f"{format_angka(row.realisasi, 2) or '-'} ({row.polaritas}) capaiannya "
                    f"{_persen(row.capaian)}."
                ),
            )
        )
        if row.asal_realisasi == "hitung":
            found.append(
                _selisih_angka(
                    "realisasi_indikator",
                    _lokasi(row),
                    "realisasi",
                    row.realisasi_tercetak,
                    row.realisasi,
                    min_decimals=0,
                    # at the precision the cell showed: "95,90" at two decimals, "96" at none
                    desimal=getattr(row, "desimal_realisasi", None),
                    penjelasan=(
                        f"Realisasi {indikator} diketik {format_angka(row.realisasi_tercetak, 2)}, padahal "
                        f"hasil hitung dari data ({row.sumber_realisasi}) {format_angka(row.realisasi, 2)}."
                    ),
                )
            )
    return found


def _reviu_kategori(
    clean: dict[str, pd.DataFrame], computed: dict[str, pd.DataFrame], config: Config
) -> list[dict]:
    """Printed categories: IKM mutu of earlier years, SAKIP predikat, kematangan total and kategori."""
    found = []
    for row in clean["skm_unit_riwayat"].itertuples(index=False):
        bulat = round_half_up(row.ikm)
        mutu, _ = kategori_ikm(bulat, config)
        found.append(
            _selisih_teks(
                "mutu_ikm",
                _lokasi(row),
                "mutu_tercetak",
                row.mutu_tercetak,
                mutu,
                penjelasan=(
                    f"Mutu IKM {row.unit} tahun {row.tahun} tercetak '{row.mutu_tercetak}', padahal IKM "
                    f"{format_angka(bulat, 2) or '-'} termasuk mutu {or_dash(mutu)}."
                ),
            )
        )
    for row in computed["sakip_pd_hasil"].itertuples(index=False):
        found.append(
            _selisih_teks(
                "predikat_sakip",
                _lokasi(row),
                "predikat_tercetak",
                row.predikat_tercetak,
                row.predikat,
                penjelasan=(
                    f"Predikat SAKIP {row.perangkat_daerah} tahun {row.tahun} tercetak "
                    f"'{row.predikat_tercetak}', padahal nilai {format_angka(row.nilai, 2) or '-'} "
                    f"berpredikat {or_dash(row.predikat)}."
                ),
            )
        )
    kelembagaan = clean["kelembagaan_pd"]
    if not kelembagaan.empty:
        keys = ["tahun", "kode_pd"]
        hasil = compute_kematangan(kelembagaan, config)[[*keys, "total", "kategori"]]
        merged = kelembagaan.merge(hasil, on=keys, how="left", suffixes=("_masukan", ""))
        for row in merged.itertuples(index=False):
            where = _lokasi(row)
            pd_tahun = f"{row.perangkat_daerah} tahun {row.tahun}"
            found.append(
                _selisih_angka(
                    "total_kematangan",
                    where,
                    "total_tercetak",
                    row.total_tercetak,
                    row.total,
                    # The bands are drawn in tenths (37,0 Sedang, 37,1 Tinggi): a total is read
                    # to at least one decimal, so a printed 37 against 37,1 is a finding.
                    min_decimals=1,
                    penjelasan=(
                        f"Total kematangan {pd_tahun} tercetak {format_angka(row.total_tercetak, 2)}, "
                        f"padahal jumlah V01..V{config.kematangan.jumlah_variabel:02d} = "
                        f"{format_angka(row.total, 2) or '-'}."
                    ),
                )
            )
            found.append(
                _selisih_teks(
                    "kategori_kematangan",
                    where,
                    "kategori_tercetak",
                    row.kategori_tercetak,
                    row.kategori,
                    penjelasan=(
                        f"Kategori kematangan {pd_tahun} tercetak '{row.kategori_tercetak}', padahal total "
                        f"{format_angka(row.total, 2) or '-'} termasuk kategori {or_dash(row.kategori)}."
                    ),
                )
            )
    return found


#: What each printed figure of the "Format Permenpan" sheet is, for the finding's explanation.
_BESARAN = {
    "jumlah": "Jumlah nilai unsur {unsur}",
    "nrr": "NRR unsur {unsur}",
    "nrr_tertimbang": "NRR tertimbang unsur {unsur}",
    "nrr_tertimbang_total": "Jumlah NRR tertimbang",
    "ikm": "IKM unit",
}


def _reviu_nrr_tercetak(clean: dict[str, pd.DataFrame], config: Config) -> list[dict]:
    """The figures printed below the respondents of an e-SKM "Format Permenpan" sheet, recomputed
    from the respondents read from the same sheet (NRR: the mean of the answers given)."""
    printed = clean.get("skm_nrr_tercetak")
    responden = clean.get("skm_responden")
    if printed is None or printed.empty or responden is None or responden.empty:
        return []
    kolom = {u.kode: u.kolom for u in config.skm.unsur}
    weight = config.skm.weight
    found = []
    for (berkas, sheet), rows in printed.groupby(["berkas", "sheet"], sort=False):
        answers = responden[(responden["berkas"] == berkas) & (responden["sheet"] == sheet)]
        values = answers[list(kolom.values())].apply(pd.to_numeric, errors="coerce").astype("float64")
        nrr = values.mean()
        # The exact weight kept exact, as the IKM itself is computed (lkjip.indicators.ikm).
        total = float(nrr.sum()) / len(kolom) if config.skm.bobot == "1/9" else float(nrr.sum()) * weight
        for row in rows.itertuples(index=False):
            column = kolom.get(row.unsur) if isinstance(row.unsur, str) else None
            hitung = {
                "jumlah": float(values[column].sum()) if column else None,
                "nrr": float(nrr[column]) if column else None,
                "nrr_tertimbang": float(nrr[column]) * weight if column else None,
                "nrr_tertimbang_total": total,
                "ikm": total * 25,
            }[row.besaran]
            what = _BESARAN[row.besaran].format(unsur=row.unsur)
            found.append(_selisih_angka(
                "nrr_tercetak", _lokasi(row), str(row.kolom), row.nilai_tercetak, hitung,
                min_decimals=0, desimal=row.desimal_tercetak,
                penjelasan=f"{what} tercetak di bawah respondennya berbeda dengan hasil hitung dari "
                f"{fmt.bilangan(len(answers))} responden yang terbaca di sheet ini.",
            ))  # fmt: skip
    return found


def _reviu_bobot_efektivitas(clean: dict[str, pd.DataFrame], config: Config) -> list[dict]:
    """The sub-dimension weights of each dimension must add up to that dimension's weight."""
    found = []
    pemda = clean["kelembagaan_pemda"]
    if pemda.empty:
        return found
    expected = {k.casefold(): (k, v) for k, v in config.efektivitas_kelembagaan.bobot_dimensi.items()}
    dimensi = pemda["dimensi"].astype("string").str.strip().str.casefold()
    bobot = pd.to_numeric(pemda["bobot"], errors="coerce")
    for (tahun, key), part in bobot.groupby([pemda["tahun"], dimensi], sort=True):
        nama, target = expected.get(key, (key, float("nan")))
        first = pemda.loc[part.index[0]]
        where = _Lokasi(first.get("berkas"), first.get("sheet"), None)
        found.append(
            _selisih_angka(
                "bobot_efektivitas",
                where,
                "bobot",
                target,
                part.sum(min_count=1),
                min_decimals=2,
                penjelasan=(
                    f"Bobot sub-dimensi dimensi {nama} tahun {tahun} berjumlah "
                    f"{format_angka(part.sum(), 2)}, padahal bobot dimensi itu di laporan.yml "
                    f"{format_angka(target, 2) or '(tidak ada)'}."
                ),
            )
        )
    return found


def _konsistensi(sheet: str, kolom: str, tercetak: object, hitung: object, penjelasan: str) -> dict | None:
    return _selisih_angka(
        "konsistensi",
        _Lokasi(BERKAS_HASIL, sheet, None),
        kolom,
        tercetak,
        hitung,
        min_decimals=2,
        penjelasan=penjelasan,
    )


def _per_tahun(summary: pd.DataFrame, parts: pd.DataFrame, sumber: str):
    """Each row of a yearly ``summary`` computed from ``sumber``, with the ``parts`` of its year."""
    for row in summary.itertuples(index=False):
        if row.sumber == sumber:
            yield row, parts[parts["tahun"] == row.tahun]


def _reviu_konsistensi(computed: dict[str, pd.DataFrame], desimal: int = 2) -> list[dict]:
    """The engine's summaries against their parts: counts, averages, totals, efisiensi."""
    found = []
    capaian = computed["capaian"]
    for row in computed["ringkasan_capaian"].itertuples(index=False):
        part = capaian[(capaian["dokumen"] == row.dokumen) & (capaian["tahun"] == row.tahun)]
        if row.jenis == "utama":
            part = part[part["jenis"] == "utama"]
        label = f"{row.dokumen} {row.tahun} ({row.jenis})"
        for status in ("di_atas", "tepat", "di_bawah", "tidak_terukur"):
            found.append(
                _konsistensi(
                    "ringkasan_capaian",
                    status,
                    getattr(row, status),
                    int((part["status"] == status).sum()),
                    f"Jumlah indikator berstatus {status} pada ringkasan {label} tidak sama dengan "
                    "tabel capaian.",
                )
            )
        found.append(
            _konsistensi(
                "ringkasan_capaian",
                "rata_rata_capaian",
                row.rata_rata_capaian,
                part["capaian"].mean(),
                f"Rata-rata capaian pada ringkasan {label} tidak sama dengan rata-rata tabel capaian.",
            )
        )
        found.append(
            _konsistensi(
                "ringkasan_capaian",
                "efisiensi",
                row.efisiensi,
                round_half_up(row.rata_rata_capaian, desimal) - round_half_up(row.capaian_anggaran, desimal),
                f"Efisiensi pada ringkasan {label} tidak sama dengan rata-rata capaian − capaian anggaran.",
            )
        )
    for row, year in _per_tahun(computed["anggaran_total"], computed["anggaran_hasil"], "rincian"):
        for kolom in ("anggaran", "realisasi"):
            found.append(
                _konsistensi(
                    "anggaran_total",
                    kolom,
                    getattr(row, kolom),
                    year[kolom].sum(min_count=1),
                    f"Total {kolom} tahun {row.tahun} tidak sama dengan jumlah sub-kegiatannya.",
                )
            )
    for row, year in _per_tahun(computed["ikm_pemda"], computed["ikm_unit"], "responden"):
        found.append(
            _konsistensi(
                "ikm_pemda",
                "ikm",
                row.ikm,
                year["ikm"].mean(),
                f"IKM Pemerintah Daerah tahun {row.tahun} tidak sama dengan rata-rata IKM unit.",
            )
        )
    return found


def run_reviu(
    clean: dict[str, pd.DataFrame], computed: dict[str, pd.DataFrame], config: Config
) -> pd.DataFrame:
    """Recompute every figure the inputs carry as printed or typed and list the differences.

    A printed number is a finding when it differs from the computed one by more than half a unit
    of its last printed decimal (84,40 vs 84,49 is; 85,72 vs 85,7208 is not; 95,9 vs 95,90 is
    not). Percentages arrive as floats that lost their trailing zeros, so their precision is at
    least 2 decimals; money is whole rupiah. A printed category (mutu, predikat, kategori) is a
    finding when it differs from the one its number falls in. The engine's own summaries are
    also checked against their parts (``jenis = konsistensi``). See :data:`JENIS`.

    Parameters
    ----------
    clean : dict of DataFrame
        The clean tables (an absent one counts as empty).
    computed : dict of DataFrame
        The result of :func:`lkjip.indicators.engine.compute_all` on ``clean``.
    config : Config

    Returns
    -------
    DataFrame
        ``reviu``: jenis, berkas, sheet, baris, kolom, nilai_tercetak, nilai_hitung (as printed,
        Indonesian style), selisih (hitung − tercetak), toleransi, penjelasan. Empty when every
        figure agrees.
    """
    tables = {
        name: clean_table(clean, name, config)
        for name in (
            "anggaran_riwayat",
            "anggaran_sasaran_tercetak",
            "skm_unit_riwayat",
            "kelembagaan_pd",
            "kelembagaan_pemda",
        )
    }
    found = [
        *_reviu_anggaran(tables, computed),
        *_reviu_capaian(computed),
        *_reviu_kategori(tables, computed, config),
        *_reviu_bobot_efektivitas(tables, config),
        *_reviu_konsistensi(computed, config.format.desimal_persen),
        *_reviu_nrr_tercetak(clean, config),
    ]
    rows = [f for f in found if f is not None]
    if not rows:
        return empty("reviu")
    return shaped(pd.DataFrame(rows, columns=list(COLUMNS["reviu"])), "reviu")
