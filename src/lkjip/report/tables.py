"""The report's tables as great_tables ``GT`` objects, formatted the Indonesian way, plus plain frames."""

from __future__ import annotations

import html
from collections.abc import Callable, Iterable, Sequence

import numpy as np
import pandas as pd
from great_tables import GT, loc, style

from lkjip.core import fmt
from lkjip.core.config import Config
from lkjip.core.frames import rows_of_year
from lkjip.core.teks import neutralise_formula

# Each builder assembles a plain DataFrame whose columns carry the Indonesian headings and whose
# values stay numbers (so as_frame gives the Excel annex real numbers), then renders it with
# lkjip.core.fmt through GT.fmt. Text from the exports is never marked up: great_tables escapes plain
# cells, and every formatter's output is escaped here (GT.fmt output is inserted as HTML), so a
# unit named "<script>" shows as text.

#: Text in a missing text cell (numbers show ``fmt.NA``, "N/A").
KOSONG = "-"

#: Group label of the additional indicators outside the agreement's main ones.
KINERJA_LAINNYA = "Kinerja Lainnya"
SASARAN_STRATEGIS = "Sasaran Strategis"

_Formatter = Callable[[object], str]


# --------------------------------------------------------------------------- helpers


def as_frame(table: GT) -> pd.DataFrame:
    """The data behind a table built here, as a plain DataFrame for the Excel annex.

    Values are the numbers before formatting (missing stays ``NaN``/``NA``), under the
    table's Indonesian headings, with the row-group column and hidden columns (such as
    ``Satuan``) kept.

    Parameters
    ----------
    table : GT
        A table returned by one of this module's builders.

    Returns
    -------
    DataFrame
        A copy; changing it does not change the table.
    """
    # great_tables keeps the input frame as ``_tbl_data``; formatting happens only at render.
    data = table._tbl_data
    if not isinstance(data, pd.DataFrame):  # pragma: no cover - builders always pass pandas
        raise TypeError("tabel ini tidak dibangun dari DataFrame pandas")
    return data.copy().reset_index(drop=True)


def _escaped(fn: _Formatter) -> _Formatter:
    return lambda value: html.escape(neutralise_formula(fn(value)))


def _fmt(table: GT, columns: str | Sequence[str], fn: _Formatter, rows: Sequence[int] | None = None) -> GT:
    """Format ``columns`` (optionally only ``rows``) with ``fn``; the output is escaped."""
    columns = [columns] if isinstance(columns, str) else list(columns)
    if rows is not None and len(rows) == 0:
        return table
    return table.fmt(_escaped(fn), columns=columns, rows=None if rows is None else list(rows))


def _lines(value: object) -> str:
    """Office text with one item per line: each line escaped, joined by ``<br>``."""
    if fmt.is_na(value) or str(value).strip() == "":
        return KOSONG
    return "<br>".join(
        html.escape(neutralise_formula(line.strip())) for line in str(value).splitlines() if line.strip()
    )


def _nomor(value: object) -> str:
    return "" if fmt.is_na(value) else fmt.bilangan(value)


def _ya_tidak(value: object) -> str:
    return fmt.NA if fmt.is_na(value) else ("Ya" if bool(value) else "Tidak")


def _blank(_value: object) -> str:
    return ""


def _text_columns(frame: pd.DataFrame) -> list[str]:
    return [c for c in frame.columns if pd.api.types.is_string_dtype(frame[c]) or frame[c].dtype == object]


def _base(
    frame: pd.DataFrame,
    judul: str,
    *,
    kelompok: str | None = None,
    catatan: Iterable[str] = (),
    kompak: bool = False,
    sembunyi: Sequence[str] = (),
) -> GT:
    """A GT with the report's look: title, groups, source notes, "-" for missing text."""
    data = frame.reset_index(drop=True)
    if kelompok is not None:
        # great_tables cannot group on a missing label.
        data[kelompok] = data[kelompok].astype("string").fillna(KOSONG)
    table = GT(data, groupname_col=kelompok).tab_header(title=judul)
    text = [c for c in _text_columns(data) if c != kelompok]
    if text:
        table = table.sub_missing(columns=text, missing_text=KOSONG)
    for note in catatan:
        table = table.tab_source_note(note)
    if "No" in data.columns:
        table = _fmt(table, "No", _nomor).cols_align("center", columns="No")
    visible_sembunyi = [c for c in sembunyi if c in data.columns]
    if visible_sembunyi:
        table = table.cols_hide(visible_sembunyi)
    table = table.tab_options(
        heading_align="left",
        heading_title_font_size="14px",
        column_labels_font_weight="bold",
        column_labels_background_color="#EEF3F8",
        row_group_font_weight="bold",
        row_group_background_color="#F7F7F7",
        source_notes_font_size="11px",
        table_font_size="10px" if kompak else "13px",
        data_row_padding="1px" if kompak else "5px",
    )
    return table


def _bold_rows(table: GT, rows: Sequence[int]) -> GT:
    return table.tab_style(style.text(weight="bold"), loc.body(rows=list(rows))) if rows else table


def _periode(config: Config, dokumen: str):
    try:
        return config.periode_for_pk(dokumen)
    except KeyError:
        raise ValueError(
            f"dokumen '{dokumen}' tidak ada di laporan.yml (periode.dokumen_pk): "
            f"{[p.dokumen_pk for p in config.periode]}"
        ) from None


def huruf_periode(config: Config, kode_periode: str) -> str:
    """Letter of a plan period in the table numbers: the earliest period is A."""
    kode = sorted(p.kode for p in config.periode)
    return chr(ord("A") + kode.index(kode_periode))



def _num(values: pd.Series) -> pd.Series:
    return pd.to_numeric(values, errors="coerce").astype("float64")


def _first_in_group(*keys: pd.Series) -> np.ndarray:
    """True on the first row of each run of equal keys (rows merged as in the seed)."""
    joined = ["|".join("" if fmt.is_na(v) else str(v) for v in values) for values in zip(*keys, strict=True)]
    return np.array([i == 0 or joined[i] != joined[i - 1] for i in range(len(joined))], dtype=bool)


def _dense_number(keys: pd.Series) -> pd.Series:
    return pd.Series(pd.factorize(keys)[0] + 1, index=keys.index).astype("Int64")


def _format_by_satuan(
    table: GT,
    frame: pd.DataFrame,
    columns: Sequence[str],
    config: Config,
    *,
    dengan_satuan: bool,
) -> GT:
    """Format indicator values row by row according to each row's ``Satuan``."""
    f = fmt.Formatter(config)
    satuan = frame["Satuan"].astype("string").fillna("").reset_index(drop=True)
    for unit in satuan.unique():
        rows = list(satuan.index[satuan == unit])
        table = _fmt(
            table,
            columns,
            lambda v, u=unit: f.nilai(v, u or None, dengan_satuan=dengan_satuan),
            rows,
        )
    return table


def _sumber(text: str) -> str:
    return f"Sumber: {text}"


# --------------------------------------------------------------------------- BAB II


def tabel_penjenjangan(penjenjangan: pd.DataFrame, periode: str, config: Config) -> GT:
    """Tabel II.1.A/B, Matriks Penjenjangan Strategis of one plan period.

    Parameters
    ----------
    penjenjangan : DataFrame
        The clean ``penjenjangan`` table.
    periode : str
        Plan period code, e.g. ``"2021-2025"`` (its position in ``laporan.yml`` gives A/B).
    config : Config

    Returns
    -------
    GT
    """
    rows = penjenjangan[penjenjangan["periode"] == periode].sort_values("urutan")
    frame = pd.DataFrame(
        {
            "Tingkat": rows["tingkat"].astype("string"),
            "Tujuan/Sasaran/Program/Kegiatan/Sub Kegiatan": rows["uraian"].astype("string"),
            "Indikator": rows["indikator"].astype("string"),
            "Target": rows["target"].astype("string"),
        }
    )
    judul = (
        f"Tabel II.1.{huruf_periode(config, periode)} Matriks Penjenjangan Strategis "
        f"(sesuai Dokumen Perencanaan Periode {periode})"
    )
    table = _base(frame, judul, catatan=[_sumber("dokumen perencanaan (perjanjian-kinerja.xlsx)")])
    tingkat = frame["Tingkat"].reset_index(drop=True)
    bold = list(tingkat.index[tingkat.isin(["Tujuan", "Sasaran"])])
    return _bold_rows(table, bold)


def tabel_iku(
    perjanjian_kinerja: pd.DataFrame,
    narasi_indikator: pd.DataFrame,
    dokumen: str,
    config: Config,
) -> GT:
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

    Returns
    -------
    GT
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
        f"Tabel II.2.{huruf_periode(config, periode.kode)} Indikator Kinerja Utama "
        f"(sesuai Dokumen Perencanaan Periode {periode.kode})"
    )
    table = _base(frame, judul, catatan=[_sumber(f"{dokumen} dan narasi indikator")])
    # _lines escapes each line itself and joins them with <br>, so it is not wrapped again.
    return table.fmt(_lines, columns=["Penjelasan/Formulasi", "Sumber Data"])


def _frame_pk(capaian: pd.DataFrame, dokumen: str, config: Config) -> pd.DataFrame:
    """Rows of one agreement in the report year: main indicators first, then kinerja lainnya."""
    rows = rows_of_year(capaian[capaian["dokumen"] == dokumen], config.tahun)
    rows = rows.assign(
        _kelompok=rows["jenis"].map({"utama": 0, "lainnya": 1}).fillna(2),
    ).sort_values(["_kelompok", "no_sasaran", "kode_indikator"])
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
        }
    ).reset_index(drop=True)


def _tabel_pk(frame: pd.DataFrame, judul: str, catatan: str, config: Config) -> GT:
    f = fmt.Formatter(config)
    table = _base(frame, judul, kelompok="Kelompok", catatan=[catatan], sembunyi=["Satuan"])
    table = _format_by_satuan(table, frame, ["Target", "Realisasi"], config, dengan_satuan=True)
    table = _fmt(table, "Capaian (%)", f.persen).cols_label({"Capaian (%)": "% Capaian"})
    # A sasaran with several indicators is printed once, as the merged cells of the seed.
    repeat = list(frame.index[~_first_in_group(frame["Kelompok"], frame["Sasaran"])])
    return _fmt(table, ["No", "Sasaran"], _blank, repeat)


def tabel_perjanjian_kinerja(capaian: pd.DataFrame, dokumen: str, config: Config) -> GT:
    """Tabel II.3.A/B, the agreement of the report year with its kinerja lainnya.

    Parameters
    ----------
    capaian : DataFrame
        The computed ``capaian`` table (every agreement row with realisasi and capaian).
    dokumen : str
        The agreement (``config.periode[].dokumen_pk``).
    config : Config

    Returns
    -------
    GT
        Row groups "Sasaran Strategis" and, when present, "Kinerja Lainnya"; values with
        their unit ("57 PD/UKPD", "96,40%"), capaian "100,81%", missing "N/A".
    """
    periode = _periode(config, dokumen)
    judul = (
        f"Tabel II.3.{huruf_periode(config, periode.kode)} {dokumen} Tahun {config.tahun} "
        f"(sesuai Dokumen Perencanaan Periode {periode.kode})"
    )
    return _tabel_pk(
        _frame_pk(capaian, dokumen, config),
        judul,
        _sumber(f"{dokumen} Tahun {config.tahun}"),
        config,
    )


def tabel_anggaran_kegiatan(anggaran_hasil: pd.DataFrame, config: Config) -> GT:
    """Tabel II.4, Anggaran per Kegiatan in the report year.

    Parameters
    ----------
    anggaran_hasil : DataFrame
        The computed ``anggaran_hasil`` table (sub-kegiatan rows).
    config : Config

    Returns
    -------
    GT
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
    total_rows: list[int] = []
    if len(frame) > 1:
        total = pd.DataFrame(
            {
                "No": pd.array([pd.NA], dtype="Int64"),
                "Kegiatan": pd.array(["Jumlah"], dtype="string"),
                "Anggaran": [frame["Anggaran"].sum(min_count=1)],
            }
        )
        frame = pd.concat([frame, total], ignore_index=True)
        total_rows = [len(frame) - 1]
    table = _base(
        frame,
        f"Tabel II.4 Anggaran per Kegiatan Tahun {config.tahun}",
        catatan=[_sumber(f"DPA/realisasi anggaran Tahun {config.tahun}")],
    )
    table = _fmt(table, "Anggaran", fmt.Formatter(config).rupiah)
    return _bold_rows(table, total_rows)


# --------------------------------------------------------------------------- BAB III


def tabel_capaian(capaian: pd.DataFrame, dokumen: str, config: Config) -> GT:
    """Tabel III.1.A/B, Capaian of one agreement in the report year.

    Same rows as :func:`tabel_perjanjian_kinerja` (target, realisasi, capaian, kinerja
    lainnya as its own group), titled as the measurement of the agreement.

    Parameters
    ----------
    capaian : DataFrame
        The computed ``capaian`` table.
    dokumen : str
    config : Config

    Returns
    -------
    GT
    """
    periode = _periode(config, dokumen)
    judul = (
        f"Tabel III.1.{huruf_periode(config, periode.kode)} Capaian {dokumen} Tahun {config.tahun} "
        f"(sesuai Dokumen Perencanaan Periode {periode.kode})"
    )
    return _tabel_pk(
        _frame_pk(capaian, dokumen, config),
        judul,
        _sumber(f"hasil pengukuran kinerja Tahun {config.tahun} (diolah)"),
        config,
    )


def tabel_tren(tren: pd.DataFrame, perjanjian_kinerja: pd.DataFrame, dokumen: str, config: Config) -> GT:
    """Tabel III.2.A/B, realisasi of each indicator over the years, kinerja lainnya included.

    Parameters
    ----------
    tren : DataFrame
        The computed ``tren`` table (dokumen, kode_indikator, tahun, realisasi, ...).
    perjanjian_kinerja : DataFrame
        The clean ``perjanjian_kinerja`` (or ``capaian``), for sasaran, jenis and satuan.
    dokumen : str
    config : Config

    Returns
    -------
    GT
        One column per year from ``tren_mulai`` to the report year that ``tren`` holds for
        this agreement, under the spanner "Realisasi"; a year without realisasi is "N/A".
    """
    periode = _periode(config, dokumen)
    rows = tren[tren["dokumen"] == dokumen]
    tahun = pd.to_numeric(rows["tahun"], errors="coerce")
    years = sorted(int(y) for y in tahun.dropna().unique() if config.tren_mulai <= y <= config.tahun)
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

    span = f"{years[0]}–{years[-1]}" if years else str(config.tahun)
    judul = (
        f"Tabel III.2.{huruf_periode(config, periode.kode)} Perbandingan Realisasi {dokumen} "
        f"Tahun {span} (sesuai Dokumen Perencanaan Periode {periode.kode})"
    )
    table = _base(
        frame,
        judul,
        kelompok="Kelompok",
        sembunyi=["Satuan"],
        catatan=[_sumber("hasil pengukuran kinerja tahun berjalan dan tahun-tahun sebelumnya")],
    )
    year_cols = [str(y) for y in years]
    if year_cols:
        table = _format_by_satuan(table, frame, year_cols, config, dengan_satuan=False)
        table = table.tab_spanner("Realisasi", columns=year_cols)
    repeat = list(frame.index[~_first_in_group(frame["Kelompok"], frame["Sasaran"])])
    return _fmt(table, ["No", "Sasaran"], _blank, repeat)


def tabel_pembanding(
    pembanding_hasil: pd.DataFrame,
    config: Config,
    perjanjian_kinerja: pd.DataFrame | None = None,
) -> GT:
    """Tabel III.3, realisasi of the organisation against the Kabupaten and the Provinsi.

    Parameters
    ----------
    pembanding_hasil : DataFrame
        The computed ``pembanding_hasil`` table.
    config : Config
    perjanjian_kinerja : DataFrame, optional
        Adds the sasaran of each indicator (clean ``perjanjian_kinerja`` or ``capaian``).

    Returns
    -------
    GT
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
    judul = (
        f"Tabel III.3 Perbandingan Realisasi Kinerja Organisasi dengan Realisasi Kinerja "
        f"Pemerintah {config.kabupaten} dan {config.provinsi}"
    )
    f = fmt.Formatter(config)
    table = _base(frame, judul, catatan=[_sumber("data pembanding (pembanding.xlsx)")])
    table = _fmt(table, ["Realisasi", "Realisasi Pembanding", "Selisih"], f.angka)
    repeat = list(frame.index[~_first_in_group(frame["No"])])
    merged = ["No", "Indikator Kinerja", "Realisasi"] + (
        ["Sasaran Strategis"] if "Sasaran Strategis" in frame.columns else []
    )
    return _fmt(table, merged, _blank, repeat)


def tabel_realisasi_anggaran(anggaran_hasil: pd.DataFrame, config: Config) -> GT:
    """Tabel III.4.A, Realisasi Anggaran per sub-kegiatan with the computed percentage.

    Parameters
    ----------
    anggaran_hasil : DataFrame
        The computed ``anggaran_hasil`` table (anggaran, realisasi, persen).
    config : Config

    Returns
    -------
    GT
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
    total = pd.DataFrame(
        {
            "No": pd.array([pd.NA], dtype="Int64"),
            "Kode": pd.array([pd.NA], dtype="string"),
            "Sub Kegiatan": pd.array(["Jumlah"], dtype="string"),
            "Anggaran": [total_pagu],
            "Realisasi": [total_real],
            "Capaian (%)": [total_real / total_pagu * 100 if total_pagu else float("nan")],
        }
    )
    frame = pd.concat([frame, total], ignore_index=True)
    f = fmt.Formatter(config)
    table = _base(
        frame,
        f"Tabel III.4.A Realisasi Anggaran Tahun {config.tahun}",
        sembunyi=["Kode"],
        catatan=[_sumber(f"laporan realisasi anggaran per 31 Desember {config.tahun} (diolah)")],
    )
    table = _fmt(table, ["Anggaran", "Realisasi"], f.rupiah)
    table = _fmt(table, "Capaian (%)", f.persen).cols_label({"Capaian (%)": "Capaian"})
    return _bold_rows(table, [len(frame) - 1])



def tabel_kinerja_anggaran(
    anggaran_sasaran: pd.DataFrame,
    capaian: pd.DataFrame,
    ringkasan_capaian: pd.DataFrame,
    config: Config,
    *,
    dokumen: str | None = None,
) -> GT:
    """Tabel III.4.B, capaian kinerja next to the budget of each sasaran, with efisiensi.

    Parameters
    ----------
    anggaran_sasaran : DataFrame
        The computed ``anggaran_sasaran`` table (alokasi, realisasi, capaian_anggaran).
    capaian : DataFrame
        The computed ``capaian`` table (target, realisasi, capaian of each indicator).
    ringkasan_capaian : DataFrame
        The computed ``ringkasan_capaian`` (rata_rata_capaian, capaian_anggaran, efisiensi).
    config : Config
    dokumen : str, optional
        Defaults to the newest agreement covering the report year (the PK Perubahan).

    Returns
    -------
    GT
        Spanners "Kinerja" and "Anggaran"; a bold summary row (rata-rata capaian kinerja,
        total capaian anggaran) and the efisiensi in a note.
    """
    dokumen = dokumen or config.dokumen_terkini
    budget = anggaran_sasaran[anggaran_sasaran["dokumen"] == dokumen].drop_duplicates("no_sasaran")
    indikator = rows_of_year(capaian[capaian["dokumen"] == dokumen], config.tahun)
    indikator = indikator[indikator["jenis"] == "utama"]
    rows = (
        budget.merge(
            indikator[
                ["no_sasaran", "kode_indikator", "indikator", "satuan", "target", "realisasi", "capaian"]
            ],
            on="no_sasaran",
            how="left",
            suffixes=("_anggaran", ""),
        )
        .sort_values(["no_sasaran", "kode_indikator"])
        .reset_index(drop=True)
    )
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
    ringkas = rows_of_year(ringkasan_capaian, config.tahun)
    ringkas = ringkas[(ringkas["dokumen"] == dokumen) & (ringkas["jenis"] == "utama")]
    summary = ringkas.iloc[0] if len(ringkas) else pd.Series(dtype="object")
    rata = summary.get("rata_rata_capaian", float("nan"))
    total = summary.get("capaian_anggaran", float("nan"))
    efisiensi = summary.get("efisiensi", float("nan"))
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
    f = fmt.Formatter(config)
    judul = f"Tabel III.4.B Perbandingan Capaian Kinerja dengan Anggaran Tahun {config.tahun}"
    note = (
        f"Efisiensi = rata-rata capaian kinerja − total capaian anggaran = {f.persen(rata)} − "
        f"{f.persen(total)} = {f.persen(efisiensi)}."
    )
    table = _base(
        frame,
        judul,
        sembunyi=["Satuan"],
        catatan=[
            _sumber(f"{dokumen} Tahun {config.tahun} dan realisasi anggaran (diolah)"),
            note,
        ],
    )
    body = list(range(last))
    table = _format_by_satuan(
        table, frame.iloc[:last], ["Target", "Realisasi Kinerja"], config, dengan_satuan=True
    )
    table = _fmt(table, ["Target", "Realisasi Kinerja"], _blank, [last])
    table = _fmt(table, ["Capaian Kinerja (%)", "Capaian Anggaran (%)"], f.persen)
    table = _fmt(table, ["Alokasi Anggaran", "Realisasi Anggaran"], f.rupiah, body)
    table = _fmt(table, ["Alokasi Anggaran", "Realisasi Anggaran"], _blank, [last])
    repeat = [i for i in body if not first[i]]
    table = _fmt(
        table,
        ["No", "Sasaran Strategis", "Alokasi Anggaran", "Realisasi Anggaran", "Capaian Anggaran (%)"],
        _blank,
        repeat,
    )
    table = (
        table.tab_spanner("Kinerja", columns=["Target", "Realisasi Kinerja", "Capaian Kinerja (%)"])
        .tab_spanner("Anggaran", columns=["Alokasi Anggaran", "Realisasi Anggaran", "Capaian Anggaran (%)"])
        .cols_label(
            {
                "Realisasi Kinerja": "Realisasi",
                "Capaian Kinerja (%)": "Capaian",
                "Alokasi Anggaran": "Alokasi",
                "Realisasi Anggaran": "Realisasi",
                "Capaian Anggaran (%)": "Capaian",
            }
        )
    )
    return _bold_rows(table, [last])


# --------------------------------------------------------------------------- lampiran


def _judul_lampiran(judul: str, nomor: str | None) -> str:
    return f"Tabel {nomor} {judul}" if nomor else judul


def lampiran_ikm_unit(
    ikm_unit: pd.DataFrame,
    ikm_unsur: pd.DataFrame,
    config: Config,
    *,
    ikm_pemda: pd.DataFrame | None = None,
    nomor: str | None = None,
) -> GT:
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
    nomor : str, optional
        Number in the report, e.g. ``"L.1"``.

    Returns
    -------
    GT
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
    bold: list[int] = []
    if ikm_pemda is not None and len(rows_of_year(ikm_pemda, config.tahun)):
        pemda = rows_of_year(ikm_pemda, config.tahun).iloc[0]
        row = {
            "No": pd.NA,
            "Kode": "PEMDA",
            "Unit Pelayanan": f"Pemerintah {config.kabupaten}",
            "Responden": pd.NA,
            "Sampel Minimum": pd.NA,
            "Sampel Cukup": pd.NA,
            **{c: (nrr.loc["PEMDA", c] if "PEMDA" in nrr.index else float("nan")) for c in codes},
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
    table = _base(
        frame,
        judul,
        kompak=True,
        sembunyi=["Kode", "Sampel Cukup"],
        catatan=[
            f"Unsur: {names}.",
            "* jumlah responden di bawah sampel minimum Krejcie–Morgan.",
            _sumber(f"hasil Survei Kepuasan Masyarakat Tahun {config.tahun} (diolah)"),
        ],
    )
    f = fmt.Formatter(config)
    cukup = frame["Sampel Cukup"]
    short = list(frame.index[cukup.fillna(True).eq(False)])
    table = _fmt(table, "Responden", fmt.bilangan)
    table = _fmt(table, "Responden", lambda v: f"{fmt.bilangan(v)}*", short)
    table = _fmt(table, "Sampel Minimum", fmt.bilangan)
    table = _fmt(table, [*codes, "IKM"], lambda v: f.angka(v, 2))
    table = _fmt(table, ["Responden", "Sampel Minimum"], _blank, bold)
    table = table.tab_spanner("NRR per Unsur", columns=codes)
    return _bold_rows(table, bold)


def lampiran_sakip(sakip_pd_hasil: pd.DataFrame, config: Config, *, nomor: str | None = None) -> GT:
    """Annex table: nilai and predikat SAKIP of every perangkat daerah in the report year.

    Parameters
    ----------
    sakip_pd_hasil : DataFrame
        The computed ``sakip_pd_hasil`` table.
    config : Config
    nomor : str, optional

    Returns
    -------
    GT
    """
    rows = rows_of_year(sakip_pd_hasil, config.tahun).sort_values("kode_pd").reset_index(drop=True)
    frame = pd.DataFrame(
        {
            "No": pd.array(range(1, len(rows) + 1), dtype="Int64"),
            "Perangkat Daerah": rows["perangkat_daerah"].astype("string"),
            "Nilai": _num(rows["nilai"]),
            "Predikat": rows["predikat"].astype("string"),
            "Sebutan": rows["sebutan"].astype("string"),
            "Minimal Baik": rows["minimal_baik"].astype("boolean"),
        }
    )
    judul = _judul_lampiran(f"Nilai SAKIP Perangkat Daerah Tahun {config.tahun}", nomor)
    table = _base(
        frame,
        judul,
        kompak=True,
        catatan=[
            f"Minimal baik: predikat {config.sakip.minimal_baik} atau lebih tinggi.",
            _sumber(f"hasil evaluasi SAKIP Tahun {config.tahun}"),
        ],
    )
    table = _fmt(table, "Nilai", fmt.Formatter(config).angka)
    return _fmt(table, "Minimal Baik", _ya_tidak)


#: Headings of the respondent characteristics, in the order of the SKM questionnaire.
_VARIABEL_DEMOGRAFI = {
    "jenis_kelamin": "Jenis Kelamin",
    "umur": "Umur",
    "pendidikan": "Pendidikan",
    "pekerjaan": "Pekerjaan",
}


def lampiran_demografi(skm_demografi: pd.DataFrame, config: Config, *, nomor: str | None = None) -> GT:
    """Annex table: the respondents of the whole Pemda by sex, age band, education and occupation.

    Parameters
    ----------
    skm_demografi : DataFrame
        The computed ``skm_demografi`` table (the rows of ``kode_unit == "PEMDA"`` are used).
    config : Config
    nomor : str, optional

    Returns
    -------
    GT
    """
    rows = rows_of_year(skm_demografi, config.tahun)
    rows = rows[rows["kode_unit"] == "PEMDA"]
    order = {v: i for i, v in enumerate(_VARIABEL_DEMOGRAFI)}
    rows = rows.assign(_urut=rows["variabel"].map(order)).sort_values(["_urut"], kind="stable")
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
    table = _base(
        frame,
        judul,
        kelompok="Karakteristik",
        kompak=True,
        catatan=[
            "Persentase terhadap responden yang mengisi karakteristik tersebut.",
            _sumber(f"hasil Survei Kepuasan Masyarakat Tahun {config.tahun} (diolah)"),
        ],
    )
    f = fmt.Formatter(config)
    table = _fmt(table, "Jumlah Responden", f.bilangan)
    return _fmt(table, "Persentase", f.persen)


def lampiran_kematangan(kematangan_pd: pd.DataFrame, config: Config, *, nomor: str | None = None) -> GT:
    """Annex table: tingkat kematangan kelembagaan of every perangkat daerah.

    Parameters
    ----------
    kematangan_pd : DataFrame
        The computed ``kematangan_pd`` table.
    config : Config
    nomor : str, optional

    Returns
    -------
    GT
    """
    rows = rows_of_year(kematangan_pd, config.tahun).sort_values("kode_pd").reset_index(drop=True)
    frame = pd.DataFrame(
        {
            "No": pd.array(range(1, len(rows) + 1), dtype="Int64"),
            "Perangkat Daerah": rows["perangkat_daerah"].astype("string"),
            "Total Skor": _num(rows["total"]),
            "Kategori": rows["kategori"].astype("string"),
            "Minimal Tinggi": rows["minimal_tinggi"].astype("boolean"),
        }
    )
    judul = _judul_lampiran(f"Tingkat Kematangan Kelembagaan Perangkat Daerah Tahun {config.tahun}", nomor)
    table = _base(
        frame,
        judul,
        kompak=True,
        catatan=[
            f"Total skor {config.kematangan.jumlah_variabel} variabel (skala 1–5); minimal "
            f"{config.kematangan.minimal.lower()}.",
            _sumber(f"hasil evaluasi tingkat kematangan kelembagaan Tahun {config.tahun}"),
        ],
    )
    table = _fmt(table, "Total Skor", fmt.Formatter(config).angka)
    return _fmt(table, "Minimal Tinggi", _ya_tidak)


def _nilai_reviu(value: object) -> str:
    if fmt.is_na(value):
        return fmt.NA
    if isinstance(value, str):
        return value
    try:
        return fmt.angka(value, 2)
    except TypeError:
        return str(value)


def lampiran_reviu(reviu: pd.DataFrame, config: Config, *, nomor: str | None = None) -> GT:
    """Annex table: the review's findings (printed figure versus recomputed), by kind.

    Parameters
    ----------
    reviu : DataFrame
        The computed ``reviu`` table.
    config : Config
    nomor : str, optional

    Returns
    -------
    GT
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
            parts.append(f"kolom {r['kolom']}")
        return ", ".join(parts) if parts else KOSONG

    frame = pd.DataFrame(
        {
            "Jenis": rows["jenis"].astype("string"),
            "No": pd.array(range(1, len(rows) + 1), dtype="Int64"),
            "Lokasi": pd.array([lokasi(r) for _, r in rows.iterrows()], dtype="string"),
            "Nilai Tercetak": rows["nilai_tercetak"].astype(object),
            "Nilai Hitung": rows["nilai_hitung"].astype(object),
            "Selisih": _num(rows["selisih"]),
            "Penjelasan": rows["penjelasan"].astype("string"),
        }
    )
    judul = _judul_lampiran(f"Hasil Reviu Angka Laporan Tahun {config.tahun}", nomor)
    notes = [_sumber("pemeriksaan ulang angka tercetak terhadap data (lkjip)")]
    if frame.empty:
        notes.insert(0, "Tidak ada temuan reviu.")
    table = _base(frame, judul, kelompok="Jenis", kompak=True, catatan=notes)
    table = _fmt(table, ["Nilai Tercetak", "Nilai Hitung"], _nilai_reviu)
    return _fmt(table, "Selisih", lambda v: fmt.angka(v, 2))
