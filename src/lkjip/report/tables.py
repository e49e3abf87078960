"""The report's tables, built as data (:class:`~lkjip.report.tabel_laporan.TabelLaporan`).

Each builder assembles a plain DataFrame whose columns carry the Indonesian headings and whose
values stay numbers, states the kind of each column (rupiah, percent, count, ...), the caption
and the source line, and returns that; :meth:`TabelLaporan.gt` renders it for the report
through :mod:`lkjip.core.fmt`, the annex and the downloads render the same data. Text from the
exports is never marked up: great_tables escapes plain cells, and every formatter's output is
escaped, so a unit named "<script>" shows as text.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from lkjip.core import fmt
from lkjip.core.config import Config
from lkjip.core.frames import rows_of_year
from lkjip.indicators.anggaran import baris_kinerja_anggaran, ringkas_kinerja_anggaran
from lkjip.indicators.ikm import KODE_PEMDA
from lkjip.ingest.hilang import jatuh_ke_ketikan
from lkjip.ingest.parsing import NumberParseError, parse_number
from lkjip.report import tanda
from lkjip.report.asal import Asal
from lkjip.report.jejak import Jejak
from lkjip.report.tabel_laporan import KOSONG, Jenis, TabelLaporan, baris_tebal
from lkjip.reviu.temuan import JENIS as JENIS_REVIU

__all__ = ["KINERJA_LAINNYA", "KOSONG", "SASARAN_STRATEGIS", "Jenis", "TabelLaporan", "as_frame"]

#: Group label of the additional indicators outside the agreement's main ones.
KINERJA_LAINNYA = "Kinerja Lainnya"
SASARAN_STRATEGIS = "Sasaran Strategis"


# --------------------------------------------------------------------------- helpers


def as_frame(table: TabelLaporan) -> pd.DataFrame:
    """The data behind a report table as a plain DataFrame (a copy).

    Values are the numbers before formatting (missing stays ``NaN``/``NA``), under the
    table's Indonesian headings, with the row-group column and hidden columns (such as
    ``Satuan``) kept.
    """
    return table.frame.copy().reset_index(drop=True)


def _periode(config: Config, dokumen: str):
    try:
        return config.periode_for_pk(dokumen)
    except KeyError:
        raise ValueError(
            f"dokumen '{dokumen}' tidak ada di laporan.yml (periode.dokumen_pk): "
            f"{[p.dokumen_pk for p in config.periode]}"
        ) from None


def _num(values: pd.Series) -> pd.Series:
    return pd.to_numeric(values, errors="coerce").astype("float64")


def _first_in_group(*keys: pd.Series) -> np.ndarray:
    """True on the first row of each run of equal keys (rows merged as in the seed)."""
    joined = ["|".join("" if fmt.is_na(v) else str(v) for v in values) for values in zip(*keys, strict=True)]
    return np.array([i == 0 or joined[i] != joined[i - 1] for i in range(len(joined))], dtype=bool)


def _dense_number(keys: pd.Series) -> pd.Series:
    return pd.Series(pd.factorize(keys)[0] + 1, index=keys.index).astype("Int64")


_TARGET = re.compile(r"^\s*(-?[\d.,]+)\s*(%|[^\d\s].*?)?\s*$")


def _target_tercetak(value: object, config: Config) -> object:
    """A target typed as text ("95,9", "100%", "48 PD/UKPD") printed as the agreement tables print it.

    The same target then reads the same everywhere ("95,90" here and in Tabel II.3); a text
    that is not a number with an optional unit stays as typed.
    """
    if fmt.is_na(value):
        return pd.NA
    match = _TARGET.match(str(value))
    if not match:
        return str(value)
    try:
        number = parse_number(match.group(1))
    except NumberParseError:
        return str(value)
    return fmt.Formatter(config).nilai(number, match.group(2))


#: Trails of a table: (row position, column) -> trail.
Jejaki = dict[tuple[int, str], Jejak]


def _jejak_baris(
    rows: pd.DataFrame, asal: Asal | None, kolom: dict[str, object]
) -> Jejaki:
    """The trail of every cell of ``kolom`` (column -> trail maker of a row) for each of ``rows``
    (the processed rows, in the order of the table's rows)."""
    if asal is None:
        return {}
    out: Jejaki = {}
    for i, (_, row) in enumerate(rows.iterrows()):
        for column, maker in kolom.items():
            jejak = maker(row)
            if jejak is not None:
                out[(i, column)] = jejak
    return out


def _repeats(*keys: pd.Series) -> tuple[int, ...]:
    """Rows repeating the previous row's keys (printed empty, as the seed's merged cells)."""
    return baris_tebal(np.flatnonzero(~_first_in_group(*keys)))


# --------------------------------------------------------------------------- BAB II


def tabel_penjenjangan(
    penjenjangan: pd.DataFrame, periode: str, config: Config, *, nomor: str, asal: Asal | None = None
) -> TabelLaporan:
    """Tabel II.1.A/B, Matriks Penjenjangan Strategis of one plan period.

    Parameters
    ----------
    penjenjangan : DataFrame
        The clean ``penjenjangan`` table.
    periode : str
        Plan period code, e.g. ``"2021-2025"``.
    config : Config
    nomor : str
        The table's printed number, given by the registry (:mod:`lkjip.report.bagian`).
    asal : Asal, optional
        Makes the trail of each printed figure (:mod:`lkjip.report.asal`); none without it.

    Returns
    -------
    TabelLaporan
    """
    rows = penjenjangan[penjenjangan["periode"] == periode].sort_values("urutan")

    def target(row: pd.Series) -> Jejak | None:
        if fmt.is_na(row["target"]) or asal is None:
            return None
        what = f"Target {row['tingkat']} “{row['uraian']}” — {row['indikator']} (periode {periode})"
        cell = asal.letak.sel(row, "target")
        return Jejak(str(row["target"]), what, "ekspor", sel=() if cell is None else (cell,))

    frame = pd.DataFrame(
        {
            "Tingkat": rows["tingkat"].astype("string"),
            "Tujuan/Sasaran/Program/Kegiatan/Sub Kegiatan": rows["uraian"].astype("string"),
            "Indikator": rows["indikator"].astype("string"),
            "Target": pd.array([_target_tercetak(v, config) for v in rows["target"]], dtype="string"),
        }
    )
    judul = (
        f"Tabel {nomor} Matriks Penjenjangan Strategis "
        f"(sesuai Dokumen Perencanaan Periode {periode})"
    )
    tingkat = frame["Tingkat"].reset_index(drop=True)
    return TabelLaporan(
        nomor=nomor,
        judul=judul,
        frame=frame,
        jenis={},
        gaya=fmt.Formatter(config),
        sumber="dokumen perencanaan (perjanjian-kinerja.xlsx)",
        tebal=baris_tebal(tingkat.index[tingkat.isin(["Tujuan", "Sasaran"])]),
        jejak=_jejak_baris(rows, asal, {"Target": target}),
    )


def tabel_iku(
    perjanjian_kinerja: pd.DataFrame,
    narasi_indikator: pd.DataFrame,
    dokumen: str,
    config: Config,
    *,
    nomor: str,
) -> TabelLaporan:
    """Tabel II.2.A/B, Indikator Kinerja Utama of one agreement.

    Parameters
    ----------
    perjanjian_kinerja : DataFrame
        The clean ``perjanjian_kinerja`` table (or ``capaian``); main (``utama``) indicators.
    narasi_indikator : DataFrame
        Office text per indicator: formulasi, penjelasan, sumber_data.
    dokumen : str
        ``"Perjanjian Kinerja"`` or ``"Perjanjian Kinerja Perubahan"``.
    config : Config
    nomor : str
        The table's printed number, given by the registry (:mod:`lkjip.report.bagian`).

    Returns
    -------
    TabelLaporan
    """
    periode = _periode(config, dokumen)
    rows = perjanjian_kinerja[
        (perjanjian_kinerja["dokumen"] == dokumen) & (perjanjian_kinerja["jenis"] == "utama")
    ]
    # One row per indicator: the report year's, else the latest year the agreement has.
    rows = (
        rows.assign(_jarak=(pd.to_numeric(rows["tahun"], errors="coerce") - config.tahun).abs())
        .sort_values(["_jarak", "tahun"], ascending=[True, False])
        .drop_duplicates("kode_indikator")
        .sort_values(["no_sasaran", "kode_indikator"])
    )
    narasi = narasi_indikator[narasi_indikator["dokumen"] == dokumen].drop_duplicates("kode_indikator")
    rows = rows.merge(
        narasi[["kode_indikator", "formulasi", "penjelasan", "sumber_data"]],
        on="kode_indikator",
        how="left",
    )

    def joined(formulasi: object, penjelasan: object) -> object:
        parts = [str(p).strip() for p in (formulasi, penjelasan) if not fmt.is_na(p) and str(p).strip()]
        return "\n".join(parts) if parts else pd.NA

    frame = pd.DataFrame(
        {
            "No": _dense_number(rows["no_sasaran"]),
            "Sasaran": rows["sasaran"].astype("string"),
            "Indikator Kinerja": rows["indikator"].astype("string"),
            "Satuan": rows["satuan"].astype("string"),
            "Penjelasan/Formulasi": pd.array(
                [joined(f, p) for f, p in zip(rows["formulasi"], rows["penjelasan"], strict=True)],
                dtype="string",
            ),
            "Sumber Data": rows["sumber_data"].astype("string"),
        }
    )
    judul = (
        f"Tabel {nomor} Indikator Kinerja Utama "
        f"(sesuai Dokumen Perencanaan Periode {periode.kode})"
    )
    return TabelLaporan(
        nomor=nomor,
        judul=judul,
        frame=frame,
        jenis={"No": Jenis.NOMOR, "Penjelasan/Formulasi": Jenis.BARIS, "Sumber Data": Jenis.BARIS},
        gaya=fmt.Formatter(config),
        sumber=f"{dokumen} dan narasi indikator",
    )


def _baris_pk(capaian: pd.DataFrame, dokumen: str, config: Config) -> pd.DataFrame:
    """Rows of one agreement in the report year: main indicators first, then kinerja lainnya."""
    rows = rows_of_year(capaian[capaian["dokumen"] == dokumen], config.tahun)
    return rows.assign(
        _kelompok=rows["jenis"].map({"utama": 0, "lainnya": 1}).fillna(2),
    ).sort_values(["_kelompok", "no_sasaran", "kode_indikator"])


def _jejak_pk(rows: pd.DataFrame, asal: Asal | None, columns: list[str]) -> Jejaki:
    """The trails of target, realisasi and capaian of the agreement rows ``rows``."""
    if asal is None:
        return {}
    makers = {"Target": asal.target, "Realisasi": asal.realisasi, "Capaian (%)": asal.capaian}
    return _jejak_baris(rows, asal, {c: m for c, m in makers.items() if c in columns})


def _frame_pk(rows: pd.DataFrame) -> pd.DataFrame:
    """The table of the agreement rows ``rows`` (:func:`_baris_pk`)."""
    kelompok = rows["jenis"].map({"utama": SASARAN_STRATEGIS, "lainnya": KINERJA_LAINNYA})
    key = kelompok.fillna("") + "|" + rows["sasaran"].astype("string").fillna("")
    number = pd.Series(pd.NA, index=rows.index, dtype="Int64")
    for name in kelompok.dropna().unique():
        mask = kelompok == name
        number[mask] = _dense_number(key[mask])
    return pd.DataFrame(
        {
            "Kelompok": kelompok.astype("string"),
            "No": number,
            "Sasaran": rows["sasaran"].astype("string"),
            "Indikator Kinerja": rows["indikator"].astype("string"),
            "Satuan": rows["satuan"].astype("string"),
            "Target": _num(rows["target"]),
            "Realisasi": _num(rows["realisasi"]),
            "Capaian (%)": _num(rows["capaian"]),
            "_ketik": jatuh_ke_ketikan(rows).to_numpy(dtype=bool),
        }
    ).reset_index(drop=True)


def _tabel_pk(
    frame: pd.DataFrame,
    nomor: str,
    judul: str,
    sumber: str,
    config: Config,
    jejak: Jejaki,
    ketik: tuple[int, ...] = (),
) -> TabelLaporan:
    # A sasaran with several indicators is printed once, as the merged cells of the seed.
    repeat = _repeats(frame["Kelompok"], frame["Sasaran"])
    jenis = {"No": Jenis.NOMOR, "Target": Jenis.NILAI, "Realisasi": Jenis.NILAI, "Capaian (%)": Jenis.PERSEN}
    return TabelLaporan(
        nomor=nomor,
        judul=judul,
        frame=frame,
        jenis={c: k for c, k in jenis.items() if c in frame.columns},
        gaya=fmt.Formatter(config),
        sumber=sumber,
        kelompok="Kelompok",
        sembunyi=("Satuan",),
        label={"Capaian (%)": "% Capaian"} if "Capaian (%)" in frame.columns else {},
        kosong={"No": repeat, "Sasaran": repeat},
        catatan=(tanda.CATATAN_REALISASI_KETIK,) if ketik else (),
        bintang={"Realisasi": ketik} if ketik else {},
        jejak=jejak,
    )


def tabel_perjanjian_kinerja(
    capaian: pd.DataFrame, dokumen: str, config: Config, *, nomor: str, asal: Asal | None = None
) -> TabelLaporan:
    """Tabel II.3.A/B, the agreement of the report year with its kinerja lainnya.

    Parameters
    ----------
    capaian : DataFrame
        The computed ``capaian`` table (every agreement row with realisasi and capaian).
    dokumen : str
        The agreement (``config.periode[].dokumen_pk``).
    config : Config
    nomor : str
        The table's printed number, given by the registry (:mod:`lkjip.report.bagian`).

    Returns
    -------
    TabelLaporan
        Sasaran, indikator and target (no realisasi: that is Tabel III.1); row groups
        "Sasaran Strategis" and, when present, "Kinerja Lainnya"; targets with their unit
        ("57 PD/UKPD", "96,40%"), missing "N/A".
    """
    periode = _periode(config, dokumen)
    judul = (
        f"Tabel {nomor} {dokumen} Tahun {config.tahun} "
        f"(sesuai Dokumen Perencanaan Periode {periode.kode})"
    )
    # The agreement itself: what was promised. Its results are Tabel III.1 (not printed twice).
    rows = _baris_pk(capaian, dokumen, config)
    return _tabel_pk(
        _frame_pk(rows).drop(columns=["Realisasi", "Capaian (%)", "_ketik"]),
        nomor,
        judul,
        f"{dokumen} Tahun {config.tahun}",
        config,
        _jejak_pk(rows, asal, ["Target"]),
    )


def tabel_anggaran_kegiatan(
    anggaran_hasil: pd.DataFrame, config: Config, *, nomor: str, asal: Asal | None = None
) -> TabelLaporan:
    """Tabel II.4, Anggaran per Kegiatan in the report year.

    Parameters
    ----------
    anggaran_hasil : DataFrame
        The computed ``anggaran_hasil`` table (sub-kegiatan rows).
    config : Config
    nomor : str
        The table's printed number, given by the registry (:mod:`lkjip.report.bagian`).

    Returns
    -------
    TabelLaporan
        One row per kegiatan (pagu summed over its sub-kegiatan), a total row when there is
        more than one kegiatan.
    """
    rows = rows_of_year(anggaran_hasil, config.tahun)
    per = (
        rows.assign(_anggaran=_num(rows["anggaran"]))
        .groupby(["kode_kegiatan", "kegiatan"], sort=True, dropna=False)["_anggaran"]
        .sum(min_count=1)
        .reset_index()
    )
    frame = pd.DataFrame(
        {
            "No": pd.array(range(1, len(per) + 1), dtype="Int64"),
            "Kegiatan": per["kegiatan"].astype("string"),
            "Anggaran": per["_anggaran"].astype("float64"),
        }
    )
    jejak: Jejaki = {}
    if asal is not None:
        groups = rows.groupby(["kode_kegiatan", "kegiatan"], sort=True, dropna=False)
        for i, ((kode, nama), subs) in enumerate(groups):
            jejak[(i, "Anggaran")] = asal.jumlah(
                f"Anggaran kegiatan {kode} {nama} tahun {config.tahun} (jumlah {len(subs)} sub kegiatan)",
                per["_anggaran"].iloc[i],
                (asal.anggaran(r, "anggaran") for _, r in subs.iterrows()),
            )
    total_rows: list[int] = []
    if len(frame) > 1:
        jumlah = frame["Anggaran"].sum(min_count=1)
        if asal is not None:
            jejak[(len(frame), "Anggaran")] = asal.jumlah(
                f"Jumlah anggaran {len(frame)} kegiatan tahun {config.tahun}",
                jumlah,
                (jejak[(i, "Anggaran")] for i in range(len(frame))),
            )
        total = pd.DataFrame(
            {
                "No": pd.array([pd.NA], dtype="Int64"),
                "Kegiatan": pd.array(["Jumlah"], dtype="string"),
                "Anggaran": [jumlah],
            }
        )
        frame = pd.concat([frame, total], ignore_index=True)
        total_rows = [len(frame) - 1]
    return TabelLaporan(
        nomor=nomor,
        judul=f"Tabel {nomor} Anggaran per Kegiatan Tahun {config.tahun}",
        frame=frame,
        jenis={"No": Jenis.NOMOR, "Anggaran": Jenis.RUPIAH},
        gaya=fmt.Formatter(config),
        sumber=f"DPA/realisasi anggaran Tahun {config.tahun}",
        tebal=baris_tebal(total_rows),
        jejak=jejak,
    )


# --------------------------------------------------------------------------- BAB III


def tabel_capaian(
    capaian: pd.DataFrame, dokumen: str, config: Config, *, nomor: str, asal: Asal | None = None
) -> TabelLaporan:
    """Tabel III.1.A/B, Capaian of one agreement in the report year.

    Same rows as :func:`tabel_perjanjian_kinerja` (target, realisasi, capaian, kinerja
    lainnya as its own group), titled as the measurement of the agreement.

    Parameters
    ----------
    capaian : DataFrame
        The computed ``capaian`` table.
    dokumen : str
    config : Config
    nomor : str
        The table's printed number, given by the registry (:mod:`lkjip.report.bagian`).

    Returns
    -------
    TabelLaporan
    """
    periode = _periode(config, dokumen)
    judul = (
        f"Tabel {nomor} Capaian {dokumen} Tahun {config.tahun} "
        f"(sesuai Dokumen Perencanaan Periode {periode.kode})"
    )
    rows = _baris_pk(capaian, dokumen, config)
    frame = _frame_pk(rows)
    ketik = tuple(int(i) for i in np.flatnonzero(frame.pop("_ketik").to_numpy()))
    return _tabel_pk(
        frame,
        nomor,
        judul,
        f"hasil pengukuran kinerja Tahun {config.tahun} (diolah)",
        config,
        _jejak_pk(rows, asal, ["Target", "Realisasi", "Capaian (%)"]),
        ketik,
    )


def tabel_tren(
    tren: pd.DataFrame,
    perjanjian_kinerja: pd.DataFrame,
    dokumen: str,
    config: Config,
    *,
    nomor: str,
    asal: Asal | None = None,
) -> TabelLaporan:
    """Tabel III.2.A/B, realisasi of each indicator over the years, kinerja lainnya included.

    Parameters
    ----------
    tren : DataFrame
        The computed ``tren`` table (dokumen, kode_indikator, tahun, realisasi, ...).
    perjanjian_kinerja : DataFrame
        The clean ``perjanjian_kinerja`` (or ``capaian``), for sasaran, jenis and satuan; given
        ``capaian``, a realisation that fell back to the typed value is marked in its cell.
    dokumen : str
    config : Config
    nomor : str
        The table's printed number, given by the registry (:mod:`lkjip.report.bagian`).

    Returns
    -------
    TabelLaporan
        One column per year from ``tren_mulai`` to the report year that ``tren`` holds for
        this agreement (every one of them when it holds no row), under the spanner "Realisasi";
        a year without realisasi is "N/A".
    """
    periode = _periode(config, dokumen)
    rows = tren[tren["dokumen"] == dokumen]
    tahun = pd.to_numeric(rows["tahun"], errors="coerce")
    years = sorted(int(y) for y in tahun.dropna().unique() if config.tren_mulai <= y <= config.tahun)
    if rows.empty:  # no indicator yet: the columns the report prints, as the data dictionary shows them
        years = config.trend_years
    info = (
        perjanjian_kinerja[perjanjian_kinerja["dokumen"] == dokumen]
        .sort_values("tahun", ascending=False)
        .drop_duplicates("kode_indikator")[["kode_indikator", "jenis", "no_sasaran", "sasaran", "satuan"]]
    )
    wide = (
        rows.assign(_tahun=tahun, _realisasi=_num(rows["realisasi"]))
        .pivot_table(
            index="kode_indikator", columns="_tahun", values="_realisasi", aggfunc="first", dropna=False
        )
        .reindex(columns=years)
    )
    names = rows.drop_duplicates("kode_indikator").set_index("kode_indikator")["indikator"]
    # Every indicator of the trend stays, even one the agreement table does not describe.
    base = (
        pd.DataFrame({"kode_indikator": names.index})
        .merge(info, on="kode_indikator", how="left")
        .assign(
            _kelompok=lambda d: d["jenis"].map({"utama": 0, "lainnya": 1}).fillna(2),
            indikator=lambda d: d["kode_indikator"].map(names),
        )
        .sort_values(["_kelompok", "no_sasaran", "kode_indikator"])
    )
    kelompok = base["jenis"].map({"utama": SASARAN_STRATEGIS, "lainnya": KINERJA_LAINNYA})
    key = kelompok.fillna("") + "|" + base["sasaran"].astype("string").fillna("")
    number = pd.Series(pd.NA, index=base.index, dtype="Int64")
    for name in kelompok.dropna().unique():
        number[kelompok == name] = _dense_number(key[kelompok == name])
    frame = pd.DataFrame(
        {
            "Kelompok": kelompok.astype("string"),
            "No": number,
            "Sasaran": base["sasaran"].astype("string"),
            "Indikator Kinerja": base["indikator"].astype("string"),
            "Satuan": base["satuan"].astype("string"),
        }
    ).reset_index(drop=True)
    for y in years:
        frame[str(y)] = wide[y].reindex(base["kode_indikator"]).to_numpy(dtype="float64")
    # A year whose realisation fell back to the typed value: marked in its cell (the source is the
    # ``capaian`` table, passed as ``perjanjian_kinerja``, which says where each realisation came from).
    fallen = perjanjian_kinerja[
        (perjanjian_kinerja["dokumen"] == dokumen) & jatuh_ke_ketikan(perjanjian_kinerja)
    ]
    order = list(base["kode_indikator"])
    ketik: dict[str, tuple[int, ...]] = {}
    for y in years:
        codes = set(fallen.loc[pd.to_numeric(fallen["tahun"], errors="coerce") == y, "kode_indikator"])
        if codes:
            ketik[str(y)] = tuple(i for i, k in enumerate(order) if k in codes)
    jejak: Jejaki = {}
    if asal is not None:  # each year's realisasi is the agreement row's of that year (capaian)
        for i, kode in enumerate(base["kode_indikator"]):
            for y in years:
                value = frame.at[i, str(y)]
                jejak[(i, str(y))] = asal.realisasi_indikator(dokumen, kode, y, value)

    span = f"{years[0]}–{years[-1]}" if years else str(config.tahun)
    judul = (
        f"Tabel {nomor} Perbandingan Realisasi {dokumen} "
        f"Tahun {span} (sesuai Dokumen Perencanaan Periode {periode.kode})"
    )
    year_cols = tuple(str(y) for y in years)
    repeat = _repeats(frame["Kelompok"], frame["Sasaran"])
    return TabelLaporan(
        nomor=nomor,
        judul=judul,
        frame=frame,
        jenis={"No": Jenis.NOMOR, **{y: Jenis.NILAI_POLOS for y in year_cols}},
        gaya=fmt.Formatter(config),
        sumber="hasil pengukuran kinerja tahun berjalan dan tahun-tahun sebelumnya",
        kelompok="Kelompok",
        sembunyi=("Satuan",),
        spanner=(("Realisasi", year_cols),) if year_cols else (),
        kosong={"No": repeat, "Sasaran": repeat},
        catatan=(tanda.CATATAN_REALISASI_KETIK,) if ketik else (),
        bintang=ketik,
        jejak=jejak,
    )


def tabel_pembanding(
    pembanding_hasil: pd.DataFrame,
    config: Config,
    perjanjian_kinerja: pd.DataFrame | None = None,
    *,
    nomor: str,
    asal: Asal | None = None,
) -> TabelLaporan:
    """Tabel III.3, realisasi of the organisation against the Kabupaten and the Provinsi.

    Parameters
    ----------
    pembanding_hasil : DataFrame
        The computed ``pembanding_hasil`` table.
    config : Config
    perjanjian_kinerja : DataFrame, optional
        Adds the sasaran of each indicator (clean ``perjanjian_kinerja`` or ``capaian``).
    nomor : str
        The table's printed number, given by the registry (:mod:`lkjip.report.bagian`).

    Returns
    -------
    TabelLaporan
        One row per indicator and comparison entity, with the difference and the verdict;
        an indicator without a comparison figure shows "N/A" and "tidak dapat dibandingkan".
    """
    rows = rows_of_year(pembanding_hasil, config.tahun)
    sasaran = pd.Series(pd.NA, index=rows.index, dtype="string")
    if perjanjian_kinerja is not None:
        lookup = perjanjian_kinerja.drop_duplicates("kode_indikator").set_index("kode_indikator")
        sasaran = rows["kode_indikator"].map(lookup["sasaran"]).astype("string")
    frame = pd.DataFrame(
        {
            "No": _dense_number(rows["kode_indikator"]),
            "Sasaran Strategis": sasaran,
            "Indikator Kinerja": rows["indikator"].astype("string"),
            "Realisasi": _num(rows["nilai_organisasi"]),
            "Pembanding": rows["entitas_pembanding"].astype("string"),
            "Realisasi Pembanding": _num(rows["nilai_pembanding"]),
            "Selisih": _num(rows["selisih"]),
            "Keterangan": rows["verdict"].astype("string"),
        }
    ).reset_index(drop=True)
    if perjanjian_kinerja is None:
        frame = frame.drop(columns="Sasaran Strategis")
    jejak = (
        _jejak_baris(
            rows,
            asal,
            {"Realisasi": asal.organisasi, "Realisasi Pembanding": asal.pembanding, "Selisih": asal.selisih},
        )
        if asal is not None
        else {}
    )
    judul = (
        f"Tabel {nomor} Perbandingan Realisasi Kinerja Organisasi dengan Realisasi Kinerja "
        f"Pemerintah {config.wilayah_dan_pembanding}"
    )
    repeat = _repeats(frame["No"])
    merged = ["No", "Indikator Kinerja", "Realisasi"] + (
        ["Sasaran Strategis"] if "Sasaran Strategis" in frame.columns else []
    )
    return TabelLaporan(
        nomor=nomor,
        judul=judul,
        frame=frame,
        jenis={
            "No": Jenis.NOMOR,
            "Realisasi": Jenis.DESIMAL,
            "Realisasi Pembanding": Jenis.DESIMAL,
            "Selisih": Jenis.DESIMAL,
        },
        gaya=fmt.Formatter(config),
        sumber="data pembanding (pembanding.xlsx)",
        kosong={c: repeat for c in merged},
        jejak=jejak,
    )


def tabel_realisasi_anggaran(
    anggaran_hasil: pd.DataFrame, config: Config, *, nomor: str, asal: Asal | None = None
) -> TabelLaporan:
    """Tabel III.4.A, Realisasi Anggaran per sub-kegiatan with the computed percentage.

    Parameters
    ----------
    anggaran_hasil : DataFrame
        The computed ``anggaran_hasil`` table (anggaran, realisasi, persen).
    config : Config
    nomor : str
        The table's printed number, given by the registry (:mod:`lkjip.report.bagian`).

    Returns
    -------
    TabelLaporan
        Sub-kegiatan in code order and a bold "Jumlah" row (totals and overall %).
    """
    rows = rows_of_year(anggaran_hasil, config.tahun).sort_values("kode")
    pagu, real = _num(rows["anggaran"]), _num(rows["realisasi"])
    persen = _num(rows["persen"]) if "persen" in rows.columns else real / pagu * 100
    frame = pd.DataFrame(
        {
            "No": pd.array(range(1, len(rows) + 1), dtype="Int64"),
            "Kode": rows["kode"].astype("string"),
            "Sub Kegiatan": rows["uraian"].astype("string"),
            "Anggaran": pagu,
            "Realisasi": real,
            "Capaian (%)": persen,
        }
    ).reset_index(drop=True)
    total_pagu, total_real = pagu.sum(min_count=1), real.sum(min_count=1)
    total_persen = total_real / total_pagu * 100 if total_pagu else float("nan")
    total = pd.DataFrame(
        {
            "No": pd.array([pd.NA], dtype="Int64"),
            "Kode": pd.array([pd.NA], dtype="string"),
            "Sub Kegiatan": pd.array(["Jumlah"], dtype="string"),
            "Anggaran": [total_pagu],
            "Realisasi": [total_real],
            "Capaian (%)": [total_persen],
        }
    )
    jejak: Jejaki = {}
    if asal is not None:
        jejak = _jejak_baris(
            rows,
            asal,
            {
                "Anggaran": lambda r: asal.anggaran(r, "anggaran"),
                "Realisasi": lambda r: asal.anggaran(r, "realisasi"),
                "Capaian (%)": asal.persen,
            },
        )
        n, tahun = len(frame), config.tahun
        sum_pagu = asal.jumlah(
            f"Jumlah anggaran {n} sub kegiatan tahun {tahun}",
            total_pagu,
            (jejak[(i, "Anggaran")] for i in range(n)),
        )
        sum_real = asal.jumlah(
            f"Jumlah realisasi {n} sub kegiatan tahun {tahun}",
            total_real,
            (jejak[(i, "Realisasi")] for i in range(n)),
        )
        jejak[(n, "Anggaran")], jejak[(n, "Realisasi")] = sum_pagu, sum_real
        jejak[(n, "Capaian (%)")] = asal.bagi(
            f"Persentase realisasi {n} sub kegiatan tahun {tahun}", total_persen, sum_real, sum_pagu
        )
    frame = pd.concat([frame, total], ignore_index=True)
    return TabelLaporan(
        nomor=nomor,
        judul=f"Tabel {nomor} Realisasi Anggaran Tahun {config.tahun}",
        frame=frame,
        jenis={
            "No": Jenis.NOMOR,
            "Anggaran": Jenis.RUPIAH,
            "Realisasi": Jenis.RUPIAH,
            "Capaian (%)": Jenis.PERSEN,
        },
        gaya=fmt.Formatter(config),
        sumber=f"laporan realisasi anggaran per 31 Desember {config.tahun} (diolah)",
        sembunyi=("Kode",),
        label={"Capaian (%)": "Capaian"},
        tebal=(len(frame) - 1,),
        jejak=jejak,
    )



def tabel_kinerja_anggaran(
    anggaran_sasaran: pd.DataFrame,
    capaian: pd.DataFrame,
    ringkasan_capaian: pd.DataFrame,
    config: Config,
    *,
    nomor: str,
    dokumen: str | None = None,
    dana: pd.DataFrame | None = None,
    tercetak: pd.DataFrame | None = None,
    asal: Asal | None = None,
) -> TabelLaporan:
    """Tabel III.4.B, capaian kinerja next to the budget of each sasaran, with efisiensi.

    Parameters
    ----------
    anggaran_sasaran : DataFrame
        The computed ``anggaran_sasaran`` table (alokasi, realisasi, capaian_anggaran).
    capaian : DataFrame
        The computed ``capaian`` table (target, realisasi, capaian of each indicator).
    ringkasan_capaian : DataFrame
        Not used any more: the summary row is computed over the rows shown
        (:func:`lkjip.indicators.anggaran.ringkas_kinerja_anggaran`); kept for the callers.
    config : Config
    dokumen : str, optional
        Defaults to the newest agreement covering the report year (the PK Perubahan).
    dana : DataFrame, optional
        :func:`lkjip.indicators.anggaran.dana_sasaran`, so that a sub-kegiatan funding several
        sasaran is counted once in the total row.
    nomor : str
        The table's printed number, given by the registry (:mod:`lkjip.report.bagian`).
    tercetak : DataFrame, optional
        The clean ``anggaran_sasaran_tercetak``: the budget figures the office printed per
        sasaran, for the trails (a figure that differs is marked).
    asal : Asal, optional
        Makes the trail of each printed figure (:mod:`lkjip.report.asal`).

    Returns
    -------
    TabelLaporan
        Spanners "Kinerja" and "Anggaran"; a bold summary row (rata-rata capaian kinerja,
        total capaian anggaran) and the efisiensi in a note.
    """
    dokumen = dokumen or config.dokumen_terkini
    rows = baris_kinerja_anggaran(anggaran_sasaran, capaian, dokumen, config.tahun)
    first = _first_in_group(rows["no_sasaran"])
    frame = pd.DataFrame(
        {
            "No": _dense_number(rows["no_sasaran"]),
            "Sasaran Strategis": rows["sasaran"].astype("string"),
            "Indikator Kinerja": rows["indikator"].astype("string"),
            "Satuan": rows["satuan"].astype("string"),
            "Target": _num(rows["target"]),
            "Realisasi Kinerja": _num(rows["realisasi"]),
            "Capaian Kinerja (%)": _num(rows["capaian"]),
            # A sasaran's budget belongs to its first indicator row only, so sums stay right.
            "Alokasi Anggaran": _num(rows["alokasi"]).where(first),
            "Realisasi Anggaran": _num(rows["realisasi_anggaran"]).where(first),
            "Capaian Anggaran (%)": _num(rows["capaian_anggaran"]).where(first),
        }
    )
    # The summary row is computed over exactly the rows above it (not the whole agreement).
    summary = ringkas_kinerja_anggaran(rows, config.format.desimal_persen, dana)
    rata, total, efisiensi = summary["rata_rata_capaian"], summary["capaian_anggaran"], summary["efisiensi"]
    footer = pd.DataFrame(
        {
            "No": pd.array([pd.NA], dtype="Int64"),
            "Sasaran Strategis": pd.array(
                ["Rata-rata capaian kinerja / total capaian anggaran"], dtype="string"
            ),
            "Indikator Kinerja": pd.array([""], dtype="string"),  # empty, not missing ("-")
            "Capaian Kinerja (%)": [float(rata) if not fmt.is_na(rata) else float("nan")],
            "Capaian Anggaran (%)": [float(total) if not fmt.is_na(total) else float("nan")],
        }
    )
    frame = pd.concat([frame, footer], ignore_index=True)
    last = len(frame) - 1
    jejak = _jejak_kinerja_anggaran(rows, first, summary, asal, dokumen, config, dana, tercetak)
    f = fmt.Formatter(config)
    judul = (
        f"Tabel {nomor} Perbandingan Capaian Kinerja dengan Anggaran Tahun {config.tahun}"
    )
    note = (
        f"Efisiensi = rata-rata capaian kinerja − total capaian anggaran = {f.persen(rata)} − "
        f"{f.persen(total)} = {f.persen(efisiensi)}."
    )
    repeat = tuple(i for i in range(last) if not first[i])
    kinerja = ("Target", "Realisasi Kinerja", "Capaian Kinerja (%)")
    anggaran = ("Alokasi Anggaran", "Realisasi Anggaran", "Capaian Anggaran (%)")
    return TabelLaporan(
        nomor=nomor,
        judul=judul,
        frame=frame,
        jenis={
            "No": Jenis.NOMOR,
            "Target": Jenis.NILAI,
            "Realisasi Kinerja": Jenis.NILAI,
            "Capaian Kinerja (%)": Jenis.PERSEN,
            "Alokasi Anggaran": Jenis.RUPIAH,
            "Realisasi Anggaran": Jenis.RUPIAH,
            "Capaian Anggaran (%)": Jenis.PERSEN,
        },
        gaya=f,
        sumber=f"{dokumen} Tahun {config.tahun} dan realisasi anggaran (diolah)",
        catatan_akhir=(note,),
        sembunyi=("Satuan",),
        label={
            "Realisasi Kinerja": "Realisasi",
            "Capaian Kinerja (%)": "Capaian",
            "Alokasi Anggaran": "Alokasi",
            "Realisasi Anggaran": "Realisasi",
            "Capaian Anggaran (%)": "Capaian",
        },
        spanner=(("Kinerja", kinerja), ("Anggaran", anggaran)),
        tebal=(last,),
        kosong={
            "No": repeat,
            "Sasaran Strategis": repeat,
            "Target": (last,),
            "Realisasi Kinerja": (last,),
            "Alokasi Anggaran": (*repeat, last),
            "Realisasi Anggaran": (*repeat, last),
            "Capaian Anggaran (%)": repeat,
        },
        jejak=jejak,
    )


def _jejak_kinerja_anggaran(
    rows: pd.DataFrame,
    first: np.ndarray,
    summary: dict[str, object],
    asal: Asal | None,
    dokumen: str,
    config: Config,
    dana: pd.DataFrame | None,
    tercetak: pd.DataFrame | None,
) -> Jejaki:
    """The trails of Tabel III.4.B: each indicator's figures (its ``capaian`` row), each
    sasaran's budget (the sub-kegiatan mapped to it, and the figures the office printed), and
    the summary row (the rows above it, as :func:`ringkas_kinerja_anggaran` added them)."""
    if asal is None:
        return {}
    out: Jejaki = {}
    capaian_rows, alokasi, realisasi = [], {}, {}
    for i, (_, row) in enumerate(rows.iterrows()):
        indikator = asal.baris_capaian(dokumen, row["kode_indikator"], config.tahun)
        if indikator is not None:
            out[(i, "Target")] = asal.target(indikator)
            out[(i, "Realisasi Kinerja")] = asal.realisasi(indikator)
            out[(i, "Capaian Kinerja (%)")] = asal.capaian(indikator)
            capaian_rows.append(out[(i, "Capaian Kinerja (%)")])
        if not first[i]:
            continue
        a, r, c = asal.anggaran_sasaran(row, dana, tercetak)
        out[(i, "Alokasi Anggaran")], out[(i, "Realisasi Anggaran")] = a, r
        out[(i, "Capaian Anggaran (%)")] = c
        alokasi[row["no_sasaran"]], realisasi[row["no_sasaran"]] = a, r
    last = len(rows)
    n = len(capaian_rows)
    out[(last, "Capaian Kinerja (%)")] = asal.rata(
        f"Rata-rata capaian kinerja {n} indikator sasaran strategis ({dokumen} {config.tahun})",
        summary["rata_rata_capaian"],
        capaian_rows,
    )
    once = summary.get("dijumlah")
    if isinstance(once, pd.DataFrame):  # a shared sub-kegiatan: each counted once
        parts_a = [asal.anggaran(r, "anggaran") for _, r in once.iterrows()]
        parts_r = [asal.anggaran(r, "realisasi") for _, r in once.iterrows()]
        what = f"{len(once)} sub kegiatan (yang mendanai beberapa sasaran dihitung sekali)"
    else:
        parts_a, parts_r = list(alokasi.values()), list(realisasi.values())
        what = f"{len(parts_a)} sasaran"
    total_a = asal.jumlah(f"Total alokasi anggaran {what}", summary["alokasi"], parts_a)
    total_r = asal.jumlah(f"Total realisasi anggaran {what}", summary["realisasi"], parts_r)
    out[(last, "Capaian Anggaran (%)")] = asal.bagi(
        f"Total capaian anggaran {what}", summary["capaian_anggaran"], total_r, total_a
    )
    return out


# --------------------------------------------------------------------------- lampiran


def _judul_lampiran(judul: str, nomor: str) -> str:
    return f"Tabel {nomor} {judul}"


def lampiran_ikm_unit(
    ikm_unit: pd.DataFrame,
    ikm_unsur: pd.DataFrame,
    config: Config,
    *,
    ikm_pemda: pd.DataFrame | None = None,
    nomor: str,
    asal: Asal | None = None,
) -> TabelLaporan:
    """Annex table: IKM of every unit with its NRR per unsur (compact, one row per unit).

    Parameters
    ----------
    ikm_unit : DataFrame
        The computed ``ikm_unit`` table.
    ikm_unsur : DataFrame
        The computed ``ikm_unsur`` table (NRR per unit and unsur; ``PEMDA`` for the whole).
    config : Config
        Report year and unsur names.
    ikm_pemda : DataFrame, optional
        Adds a bold last row for the Pemda (its NRR per unsur and IKM).
    nomor : str
        Number in the report, e.g. ``"L.1"``, given by the registry (:mod:`lkjip.report.bagian`).

    Returns
    -------
    TabelLaporan
        Units in code order; a respondent count below the Krejcie–Morgan minimum is marked
        with an asterisk.
    """
    units = rows_of_year(ikm_unit, config.tahun).sort_values("kode_unit").reset_index(drop=True)
    unsur = rows_of_year(ikm_unsur, config.tahun)
    codes = [u.kode for u in config.skm.unsur]
    nrr = (
        unsur.assign(_nrr=_num(unsur["nrr"]))
        .pivot_table(index="kode_unit", columns="unsur", values="_nrr", aggfunc="first")
        .reindex(columns=codes)
    )
    frame = pd.DataFrame(
        {
            "No": pd.array(range(1, len(units) + 1), dtype="Int64"),
            "Kode": units["kode_unit"].astype("string"),
            "Unit Pelayanan": units["unit"].astype("string"),
            "Responden": pd.array(pd.to_numeric(units["jumlah_responden"], errors="coerce"), dtype="Int64"),
            "Sampel Minimum": pd.array(
                pd.to_numeric(units["sampel_minimum"], errors="coerce"), dtype="Int64"
            ),
            "Sampel Cukup": units["sampel_cukup"].astype("boolean"),
        }
    )
    for code in codes:
        frame[code] = nrr[code].reindex(units["kode_unit"]).to_numpy(dtype="float64")
    frame["IKM"] = _num(units["ikm"])
    frame["Mutu"] = units["mutu"].astype("string")
    frame["Kinerja"] = units["kinerja"].astype("string")
    per_unsur = {(r["kode_unit"], r["unsur"]): r for _, r in unsur.iterrows()}

    def nrr_of(kode: str) -> dict[str, object]:
        return {
            c: (lambda _u, c=c: asal.nrr(per_unsur[(kode, c)]) if (kode, c) in per_unsur else None)
            for c in codes
        }

    jejak: Jejaki = {}
    if asal is not None:
        for i, (_, unit) in enumerate(units.iterrows()):
            makers = {
                "Responden": asal.responden,
                "Sampel Minimum": asal.sampel_minimum,
                **nrr_of(unit["kode_unit"]),
                "IKM": lambda u: asal.ikm_unit(u, rinci=False),
            }
            for column, maker in makers.items():
                if column == "Sampel Minimum" and fmt.is_na(unit["sampel_minimum"]):
                    continue
                found = maker(unit)
                if found is not None:
                    jejak[(i, column)] = found
    bold: list[int] = []
    if ikm_pemda is not None and len(rows_of_year(ikm_pemda, config.tahun)):
        pemda = rows_of_year(ikm_pemda, config.tahun).iloc[0]
        if asal is not None:
            at = len(frame)
            for column, maker in nrr_of(KODE_PEMDA).items():
                found = maker(None)
                if found is not None:
                    jejak[(at, column)] = found
            jejak[(at, "IKM")] = asal.ikm_pemda(config.tahun)
        row = {
            "No": pd.NA,
            "Kode": KODE_PEMDA,
            "Unit Pelayanan": config.pemerintah_daerah,
            "Responden": pd.NA,
            "Sampel Minimum": pd.NA,
            "Sampel Cukup": pd.NA,
            **{c: (nrr.loc[KODE_PEMDA, c] if KODE_PEMDA in nrr.index else float("nan")) for c in codes},
            "IKM": pemda["ikm"],
            "Mutu": pemda["mutu"],
            "Kinerja": pemda["kinerja"],
        }
        frame = pd.concat([frame, pd.DataFrame([row]).astype(frame.dtypes.to_dict())], ignore_index=True)
        bold = [len(frame) - 1]
    names = "; ".join(f"{u.kode} {u.nama}" for u in config.skm.unsur)
    judul = _judul_lampiran(
        f"Indeks Kepuasan Masyarakat dan NRR per Unsur per Unit Pelayanan Tahun {config.tahun}",
        nomor,
    )
    short = baris_tebal(frame.index[frame["Sampel Cukup"].fillna(True).eq(False)])
    return TabelLaporan(
        nomor=nomor,
        judul=judul,
        frame=frame,
        jenis={
            "No": Jenis.NOMOR,
            "Responden": Jenis.BILANGAN,
            "Sampel Minimum": Jenis.BILANGAN,
            "Sampel Cukup": Jenis.YA_TIDAK,
            **{c: Jenis.DESIMAL for c in [*codes, "IKM"]},
        },
        gaya=fmt.Formatter(config),
        sumber=f"hasil Survei Kepuasan Masyarakat Tahun {config.tahun} (diolah)",
        catatan=(f"Unsur: {names}.", tanda.CATATAN_SAMPEL_KURANG),
        sembunyi=("Kode", "Sampel Cukup"),
        spanner=(("NRR per Unsur", tuple(codes)),),
        tebal=baris_tebal(bold),
        kosong={"Responden": baris_tebal(bold), "Sampel Minimum": baris_tebal(bold)},
        bintang={"Responden": short},
        # The IKM and its NRR are decided and published on two decimals (PermenPANRB 14/2017).
        desimal={c: 2 for c in [*codes, "IKM"]},
        kompak=True,
        jejak=jejak,
    )


def _per_pd(table: pd.DataFrame, tahun: int) -> pd.DataFrame:
    """The rows of ``tahun``, in perangkat daerah code order, numbered from 0."""
    return rows_of_year(table, tahun).sort_values("kode_pd").reset_index(drop=True)


def _lampiran_per_pd(
    rows: pd.DataFrame,
    config: Config,
    nomor: str,
    *,
    judul: str,
    kolom: dict[str, tuple[pd.Series, Jenis | None]],
    sumber: str,
    catatan: str,
    jejak: Jejaki,
) -> TabelLaporan:
    """An annex table with one numbered row per perangkat daerah of ``rows``.

    ``rows`` are the report year's, in code order (:func:`_per_pd`); ``kolom`` maps each heading
    after "Perangkat Daerah" to its column of ``rows`` (in the table's dtype) and its kind
    (``None`` for text).
    """
    frame = pd.DataFrame(
        {
            "No": pd.array(range(1, len(rows) + 1), dtype="Int64"),
            "Perangkat Daerah": rows["perangkat_daerah"].astype("string"),
            **{name: column for name, (column, _) in kolom.items()},
        }
    )
    return TabelLaporan(
        nomor=nomor,
        judul=_judul_lampiran(judul, nomor),
        frame=frame,
        jenis={"No": Jenis.NOMOR, **{name: jenis for name, (_, jenis) in kolom.items() if jenis}},
        gaya=fmt.Formatter(config),
        sumber=sumber,
        catatan=(catatan,),
        kompak=True,
        jejak=jejak,
    )


def lampiran_sakip(
    sakip_pd_hasil: pd.DataFrame, config: Config, *, nomor: str, asal: Asal | None = None
) -> TabelLaporan:
    """Annex table: nilai and predikat SAKIP of every perangkat daerah in the report year.

    Parameters
    ----------
    sakip_pd_hasil : DataFrame
        The computed ``sakip_pd_hasil`` table.
    config : Config
    nomor : str
        The printed number (``"L.3"``), given by the registry (:mod:`lkjip.report.bagian`).

    Returns
    -------
    TabelLaporan
    """
    rows = _per_pd(sakip_pd_hasil, config.tahun)
    return _lampiran_per_pd(
        rows,
        config,
        nomor,
        judul=f"Nilai SAKIP Perangkat Daerah Tahun {config.tahun}",
        kolom={
            "Nilai": (_num(rows["nilai"]), Jenis.DESIMAL),
            "Predikat": (rows["predikat"].astype("string"), None),
            "Sebutan": (rows["sebutan"].astype("string"), None),
            "Minimal Baik": (rows["minimal_baik"].astype("boolean"), Jenis.YA_TIDAK),
        },
        sumber=f"hasil evaluasi SAKIP Tahun {config.tahun}",
        catatan=f"Minimal baik: predikat {config.sakip.minimal_baik} atau lebih tinggi.",
        jejak=_jejak_baris(rows, asal, {"Nilai": asal.sakip_nilai} if asal else {}),
    )


#: Headings of the respondent characteristics, in the order of the SKM questionnaire.
_VARIABEL_DEMOGRAFI = {
    "jenis_kelamin": "Jenis Kelamin",
    "umur": "Umur",
    "pendidikan": "Pendidikan",
    "pekerjaan": "Pekerjaan",
}


#: Education levels from the lowest, as the SKM questionnaire lists them (not alphabetical).
URUTAN_PENDIDIKAN = (
    "Tidak Sekolah",
    "SD",
    "SMP",
    "SMA",
    "D1",
    "D2",
    "D3",
    "D1–D4",
    "D4",
    "S1",
    "S2",
    "S3",
)


def _urutan_kelompok(variabel: pd.Series, kelompok: pd.Series) -> pd.Series:
    """Rank of each group within its characteristic: education levels in their natural order."""
    rank = {k.lower(): i for i, k in enumerate(URUTAN_PENDIDIKAN)}
    known = [
        rank.get(str(k).strip().lower(), len(rank)) if v == "pendidikan" else 0
        for v, k in zip(variabel, kelompok, strict=True)
    ]
    return pd.Series(known, index=variabel.index)


def lampiran_demografi(
    skm_demografi: pd.DataFrame, config: Config, *, nomor: str, asal: Asal | None = None
) -> TabelLaporan:
    """Annex table: the respondents of the whole Pemda by sex, age band, education and occupation.

    Parameters
    ----------
    skm_demografi : DataFrame
        The computed ``skm_demografi`` table (the rows of ``kode_unit == "PEMDA"`` are used).
    config : Config
    nomor : str
        The printed number (``"L.3"``), given by the registry (:mod:`lkjip.report.bagian`).

    Returns
    -------
    TabelLaporan
    """
    rows = rows_of_year(skm_demografi, config.tahun)
    rows = rows[rows["kode_unit"] == KODE_PEMDA]
    order = {v: i for i, v in enumerate(_VARIABEL_DEMOGRAFI)}
    rows = rows.assign(
        _urut=rows["variabel"].map(order), _kelompok=_urutan_kelompok(rows["variabel"], rows["kelompok"])
    ).sort_values(["_urut", "_kelompok"], kind="stable")
    frame = pd.DataFrame(
        {
            "Karakteristik": rows["variabel"]
            .map(_VARIABEL_DEMOGRAFI)
            .fillna(rows["variabel"])
            .astype("string"),
            "Kelompok": rows["kelompok"].astype("string"),
            "Jumlah Responden": pd.array(rows["jumlah"], dtype="Int64"),
            "Persentase": _num(rows["persen"]),
        }
    ).reset_index(drop=True)
    judul = _judul_lampiran(f"Karakteristik Responden SKM Tahun {config.tahun}", nomor)
    jejak: Jejaki = {}
    if asal is not None:
        for i, (_, row) in enumerate(rows.iterrows()):
            same = rows[rows["variabel"] == row["variabel"]]
            jejak[(i, "Jumlah Responden")] = asal.demografi(row, same, "jumlah")
            jejak[(i, "Persentase")] = asal.demografi(row, same, "persen")
    return TabelLaporan(
        nomor=nomor,
        judul=judul,
        frame=frame,
        jenis={"Jumlah Responden": Jenis.BILANGAN, "Persentase": Jenis.PERSEN},
        gaya=fmt.Formatter(config),
        sumber=f"hasil Survei Kepuasan Masyarakat Tahun {config.tahun} (diolah)",
        catatan=("Persentase terhadap seluruh responden; jawaban kosong menjadi kelompok \"Tidak diisi\".",),
        kelompok="Karakteristik",
        kompak=True,
        jejak=jejak,
    )


def lampiran_kematangan(
    kematangan_pd: pd.DataFrame, config: Config, *, nomor: str, asal: Asal | None = None
) -> TabelLaporan:
    """Annex table: tingkat kematangan kelembagaan of every perangkat daerah.

    Parameters
    ----------
    kematangan_pd : DataFrame
        The computed ``kematangan_pd`` table.
    config : Config
    nomor : str
        The printed number (``"L.3"``), given by the registry (:mod:`lkjip.report.bagian`).

    Returns
    -------
    TabelLaporan
    """
    rows = _per_pd(kematangan_pd, config.tahun)
    return _lampiran_per_pd(
        rows,
        config,
        nomor,
        judul=f"Tingkat Kematangan Kelembagaan Perangkat Daerah Tahun {config.tahun}",
        kolom={
            "Total Skor": (_num(rows["total"]), Jenis.DESIMAL),
            "Kategori": (rows["kategori"].astype("string"), None),
            "Minimal Tinggi": (rows["minimal_tinggi"].astype("boolean"), Jenis.YA_TIDAK),
        },
        sumber=f"hasil evaluasi tingkat kematangan kelembagaan Tahun {config.tahun}",
        catatan=(
            f"Total skor {config.kematangan.jumlah_variabel} variabel (skala 1–5); minimal "
            f"{config.kematangan.minimal.lower()}."
        ),
        jejak=_jejak_baris(rows, asal, {"Total Skor": asal.kematangan_total} if asal else {}),
    )


def _jenis_reviu(jenis: object) -> object:
    """The kind of a review finding in words (``persen_anggaran`` is an internal name)."""
    if fmt.is_na(jenis):
        return pd.NA
    text = JENIS_REVIU.get(str(jenis), str(jenis).replace("_", " "))
    return text[:1].upper() + text[1:]


def _nama_kolom(kolom: object) -> str:
    """A column as a reader finds it: the Excel letter ("H"), else the column's name in words."""
    text = str(kolom).strip()
    return text if re.fullmatch(r"[A-Z]{1,3}", text) else text.replace("_", " ")


def lampiran_reviu(
    reviu: pd.DataFrame, config: Config, *, nomor: str, asal: Asal | None = None
) -> TabelLaporan:
    """Annex table: the review's findings (printed figure versus recomputed), by kind.

    Parameters
    ----------
    reviu : DataFrame
        The computed ``reviu`` table.
    config : Config
    nomor : str
        The printed number (``"L.3"``), given by the registry (:mod:`lkjip.report.bagian`).

    Returns
    -------
    TabelLaporan
        Grouped by ``jenis``; each finding located to the file, sheet, row and column.
    """
    rows = reviu.sort_values("jenis", kind="stable").reset_index(drop=True)

    def lokasi(r: pd.Series) -> str:
        parts = [str(r["berkas"])] if not fmt.is_na(r["berkas"]) else []
        if not fmt.is_na(r["sheet"]):
            parts.append(f"sheet '{r['sheet']}'")
        if not fmt.is_na(r["baris"]):
            parts.append(f"baris {int(r['baris'])}")  # as Excel shows it, no thousands dot
        if not fmt.is_na(r["kolom"]):
            # the Excel column with its heading where the reader located it ("G (Capaian ...)")
            kolom = _nama_kolom(r["kolom"])
            if asal is not None and not fmt.is_na(r["berkas"]) and kolom != str(r["kolom"]).strip():
                kolom = asal.letak.kolom(r["berkas"], r["sheet"], str(r["kolom"]))
            parts.append(f"kolom {kolom}")
        return ", ".join(parts) if parts else KOSONG

    frame = pd.DataFrame(
        {
            # No first: the findings are numbered across the kinds (the report prints the kind
            # as a group row; the annex and the CSV, flat, read No, Jenis, Lokasi ...)
            "No": pd.array(range(1, len(rows) + 1), dtype="Int64"),
            "Jenis": pd.array([_jenis_reviu(j) for j in rows["jenis"]], dtype="string"),
            "Lokasi": pd.array([lokasi(r) for _, r in rows.iterrows()], dtype="string"),
            "Nilai Tercetak": rows["nilai_tercetak"].astype(object),
            "Nilai Hitung": rows["nilai_hitung"].astype(object),
            "Selisih": _num(rows["selisih"]),
            "Penjelasan": rows["penjelasan"].astype("string"),
        }
    )
    judul = _judul_lampiran(f"Hasil Reviu Angka Laporan Tahun {config.tahun}", nomor)
    return TabelLaporan(
        nomor=nomor,
        judul=judul,
        frame=frame,
        jenis={
            "No": Jenis.NOMOR,
            "Nilai Tercetak": Jenis.CAMPURAN,
            "Nilai Hitung": Jenis.CAMPURAN,
            "Selisih": Jenis.DESIMAL,
        },
        gaya=fmt.Formatter(config),
        sumber="pemeriksaan ulang angka tercetak terhadap data (lkjip)",
        catatan=("Tidak ada temuan reviu.",) if frame.empty else (),
        kelompok="Jenis",
        desimal={"Selisih": 2},
        kompak=True,
        jejak=_jejak_baris(
            rows,
            asal,
            {
                "Nilai Tercetak": asal.reviu_tercetak,
                "Nilai Hitung": asal.reviu_hitung,
                "Selisih": asal.reviu_selisih,
            }
            if asal
            else {},
        ),
    )


# --------------------------------------------------------------------------- log data


def tabel_masukan(masukan: dict[str, str], config: Config) -> TabelLaporan:
    """The input files of the report with their SHA-256 (from ``manifest.json``).

    Parameters
    ----------
    masukan : dict
        File name -> SHA-256, as ``manifest["sidik"]["masukan"]``.
    config : Config

    Returns
    -------
    TabelLaporan
    """
    frame = pd.DataFrame(
        {
            "Berkas": pd.array(list(masukan), dtype="string"),
            "SHA-256": pd.array(list(masukan.values()), dtype="string"),
        }
    )
    return TabelLaporan(
        nomor="log-masukan",
        judul="Berkas Masukan dan Sidik SHA-256",
        frame=frame,
        jenis={},
        gaya=fmt.Formatter(config),
        sumber="manifest.json langkah data (lkjip)",
        kompak=True,
    )


def _dilewati(dilewati: dict[str, int], f: fmt.Formatter) -> object:
    return "; ".join(f"{k}: {f.bilangan(v)}" for k, v in dilewati.items()) or pd.NA


def tabel_akuntansi(akuntansi: list[dict], config: Config) -> TabelLaporan:
    """Rows read, kept, quarantined and skipped per sheet of every input (from ``manifest.json``).

    Parameters
    ----------
    akuntansi : list of dict
        ``manifest["akuntansi"]``: berkas, sheet, dibaca, disimpan, dikarantina and
        dilewati (reason -> rows).
    config : Config

    Returns
    -------
    TabelLaporan
        Counts as counts ("13.046"); the skipped rows by reason ("judul: 8; kosong: 6").
    """
    f = fmt.Formatter(config)
    frame = pd.DataFrame(
        {
            "Berkas": pd.array([a["berkas"] for a in akuntansi], dtype="string"),
            "Sheet": pd.array([a["sheet"] for a in akuntansi], dtype="string"),
            "Dibaca": pd.array([a["dibaca"] for a in akuntansi], dtype="Int64"),
            "Disimpan": pd.array([a["disimpan"] for a in akuntansi], dtype="Int64"),
            "Dikarantina": pd.array([a["dikarantina"] for a in akuntansi], dtype="Int64"),
            "Dilewati": pd.array([_dilewati(a["dilewati"], f) for a in akuntansi], dtype="string"),
        }
    )
    return TabelLaporan(
        nomor="log-akuntansi",
        judul="Akuntansi Baris per Sheet",
        frame=frame,
        jenis={"Dibaca": Jenis.BILANGAN, "Disimpan": Jenis.BILANGAN, "Dikarantina": Jenis.BILANGAN},
        gaya=f,
        sumber="manifest.json langkah data (lkjip)",
        catatan=("Dilewati: baris yang bukan data (judul, kosong, subtotal, tanda tangan ...), per alasan.",),
        kompak=True,
    )
