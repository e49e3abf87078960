"""The trails of the report's figures, made from the processed rows that give them.

Each method of :class:`Asal` takes the row (or rows) a builder printed a value from and returns
that value's :class:`~lkjip.report.jejak.Jejak`: the value itself, the export cells it was read
from, or the formula with its inputs (each with its own trail), and the reviu's verdict on the
figure the export printed for the same thing. The methods describe the computation of
:mod:`lkjip.indicators` with the inputs it used, read from the same processed tables (the rows
of a sum, the NRR of an IKM, the cells of a total); they never compute a figure of their own,
and every trail carries the value of the row it was given (:attr:`Jejak.hasil`).

The Excel column of a cell comes from ``letak_kolom`` (written by the data step from the
readers); the verdict on a printed figure from ``reviu``.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping
from functools import cached_property

import pandas as pd

from lkjip.core.config import Config
from lkjip.core.fmt import Formatter
from lkjip.core.fmt import angka_ringkas as fmt_angka_ringkas
from lkjip.core.na import is_na
from lkjip.indicators.anggaran import dana_sasaran
from lkjip.indicators.capaian import TERHITUNG
from lkjip.indicators.ikm import KODE_PEMDA
from lkjip.report.jejak import Jejak, Letak, Reviu, Sel, Tercetak, jumlah_rumus, rata_rumus, rentang
from lkjip.reviu.temuan import JENIS as JENIS_REVIU

#: A processed table by name (the report's loader).
Tabel = Callable[[str], pd.DataFrame]

#: The capaian statuses in words, as the report's counts name them.
STATUS = {
    "di_atas": "di atas 100%",
    "tepat": "tepat 100%",
    "di_bawah": "di bawah 100%",
    "tidak_terukur": "tidak dapat diukur",
}


def _v(row: object, name: str) -> object:
    """A field of a row (Series, dict or namedtuple); ``None`` when missing or NA."""
    value = row.get(name) if isinstance(row, Mapping | pd.Series) else getattr(row, name, None)
    return None if is_na(value) else value


def _nan(value: object) -> float:
    return float("nan") if is_na(value) else float(value)


def _int(value: object) -> int | None:
    return None if is_na(value) else int(value)


class Asal:
    """Makes the trail of every figure of one report from its processed tables.

    Parameters
    ----------
    t : callable
        A processed table by name (tables are read once, when a trail first needs them).
    config : Config
    rujukan_reviu : str
        How the report names its table of review findings (``"Tabel L.5"``).
    """

    def __init__(self, t: Tabel, config: Config, *, rujukan_reviu: str = ""):
        self.t, self.config, self.f = t, config, Formatter(config)
        self.rujukan_reviu = rujukan_reviu
        self._ingat: dict[tuple, object] = {}

    def _sekali(self, key: tuple, make: Callable[[], object]):
        """``make()`` once per ``key`` (trails are immutable; a figure cited twice shares one)."""
        if key not in self._ingat:
            self._ingat[key] = make()
        return self._ingat[key]

    # ------------------------------------------------------------------ tables

    def tabel(self, nama: str) -> pd.DataFrame:
        """A processed table; an empty one when it was not built (an older data step)."""
        try:
            return self.t(nama)
        except (LookupError, FileNotFoundError):
            return pd.DataFrame()

    @cached_property
    def letak(self) -> Letak:
        frame = self.tabel("letak_kolom")
        return Letak(frame if not frame.empty else None)

    @cached_property
    def reviu(self) -> Reviu:
        frame = self.tabel("reviu")
        return Reviu(frame if not frame.empty else None)

    def _year(self, nama: str, tahun: int) -> pd.DataFrame:
        frame = self.tabel(nama)
        if frame.empty or "tahun" not in frame.columns:
            return frame
        return frame[pd.to_numeric(frame["tahun"], errors="coerce") == tahun]

    @cached_property
    def _capaian(self) -> dict[tuple[str, str, int], pd.Series]:
        frame = self.tabel("capaian")
        return {
            (str(r["dokumen"]), str(r["kode_indikator"]), int(r["tahun"])): r
            for _, r in frame.iterrows()
            if not is_na(r["tahun"])
        }

    def baris_capaian(self, dokumen: object, kode: object, tahun: object) -> pd.Series | None:
        """The ``capaian`` row of an indicator of an agreement in a year."""
        if is_na(tahun):
            return None
        return self._capaian.get((str(dokumen), str(kode), int(tahun)))

    @cached_property
    def _responden(self) -> dict[tuple[int, str], pd.DataFrame]:
        frame = self.tabel("skm_responden")
        if frame.empty:
            return {}
        keys = [pd.to_numeric(frame["tahun"], errors="coerce"), frame["kode_unit"].astype("string")]
        return {(int(y), str(k)): part for (y, k), part in frame.groupby(keys, sort=False)}

    def rentang_responden(self, tahun: int, kode_unit: str, kolom: str | None = None) -> tuple[Sel, ...]:
        """The respondent rows of a unit (or ``PEMDA``) in a year, as runs of export rows."""
        return self._sekali(
            ("responden", tahun, kode_unit, kolom),
            lambda: rentang(self.responden_unit(tahun, kode_unit), kolom),
        )

    def responden_unit(self, tahun: int, kode_unit: str) -> pd.DataFrame:
        """The respondent rows of a unit (or of every unit, ``PEMDA``) in a year."""
        if kode_unit == KODE_PEMDA:
            parts = [p for (y, _k), p in self._responden.items() if y == tahun]
            return pd.concat(parts) if parts else pd.DataFrame()
        return self._responden.get((int(tahun), str(kode_unit)), pd.DataFrame())

    # ------------------------------------------------------------------ printing

    def _nilai(self, value: object, satuan: object) -> str:
        return self.f.nilai(value, satuan, dengan_satuan=False)

    def _rp(self, value: object) -> str:
        return self.f.angka(value, 0)

    def _tercetak(self, row: object, kolom: str, teks: str, tahun: object = None) -> Tercetak | None:
        cell = self.letak.sel(row, kolom, tahun)
        if cell is None:
            return None
        temuan = self.reviu.temuan(row, kolom)
        return Tercetak(teks, cell, temuan, self.rujukan_reviu if temuan else "")

    def _cells(self, row: object, kolom: str, tahun: object = None) -> tuple[Sel, ...]:
        cell = self.letak.sel(row, kolom, tahun)
        return () if cell is None else (cell,)

    def _persen_tercetak(self, value: object, desimal: object) -> str:
        return self.f.persen(value, None if is_na(desimal) else int(desimal))

    # ------------------------------------------------------------------ Perjanjian Kinerja

    def _indikator(self, row: object) -> str:
        kode, nama, dokumen = _v(row, "kode_indikator"), _v(row, "indikator"), _v(row, "dokumen")
        return f"{kode} “{nama}” tahun {_int(_v(row, 'tahun'))} ({dokumen})"

    def target(self, row: object) -> Jejak:
        """The target of a ``capaian`` (or ``perjanjian_kinerja``) row, as typed in the agreement."""
        tahun = _v(row, "tahun")
        what = f"Target {self._indikator(row)}"
        value = _v(row, "target")
        cells = self._cells(row, "target", tahun)
        if value is None:
            return Jejak(
                float("nan"), what, "tidak_ada", sel=cells, catatan="Target tidak diisi di perjanjian."
            )
        return Jejak(float(value), what, "ekspor", sel=cells)

    def realisasi(self, row: object) -> Jejak:
        """The realisasi of a ``capaian`` row: computed from its source, or as typed."""
        tahun, satuan = _v(row, "tahun"), _v(row, "satuan")
        what = f"Realisasi {self._indikator(row)}"
        value = _nan(_v(row, "realisasi"))
        typed_cells = self._cells(row, "realisasi", tahun)
        asal, sumber = _v(row, "asal_realisasi"), _v(row, "sumber_realisasi")
        if asal == "ketik":
            note = "Diketik di Perjanjian Kinerja."
            if sumber and sumber != "manual":
                note = (
                    f"Diketik di Perjanjian Kinerja: data rinci sumbernya ({sumber}) tidak ada untuk "
                    f"tahun {_int(tahun)}."
                )
            return Jejak(value, what, "ekspor", sel=typed_cells, catatan=note)
        if asal != "hitung":
            return Jejak(
                value,
                what,
                "tidak_ada",
                sel=typed_cells,
                catatan="Realisasi tidak diketik dan tidak dapat dihitung dari data.",
            )
        inner = self.terhitung(str(sumber), int(tahun))
        typed = _v(row, "realisasi_tercetak")
        tercetak = None
        if typed is not None:
            desimal = _v(row, "desimal_realisasi")
            shown = self._nilai(typed, satuan) if desimal is None else self.f.angka(typed, int(desimal))
            tercetak = self._tercetak(row, "realisasi", shown, tahun)
        rounded = TERHITUNG.get(str(sumber), ("", "", False))[2]
        note = "Dibulatkan dua desimal (angka yang dipakai untuk capaian)." if rounded else None
        return Jejak(
            value,
            what,
            "hitung",
            rumus=inner.rumus,
            sel=inner.sel,
            masukan=inner.masukan,
            tercetak=tercetak,
            catatan=" ".join(n for n in (inner.catatan, note) if n) or None,
        )

    def capaian(self, row: object) -> Jejak:
        """The capaian of a ``capaian`` row: realisasi ÷ target × 100 (or 2 − ratio), with the
        capaian the agreement printed and the reviu's verdict on it."""
        tahun, satuan = _v(row, "tahun"), _v(row, "satuan")
        what = f"Capaian {self._indikator(row)}"
        value = _nan(_v(row, "capaian"))
        target, realisasi = self.target(row), self.realisasi(row)
        printed = _v(row, "capaian_tercetak")
        tercetak = None
        if printed is not None:
            shown = self._persen_tercetak(printed, _v(row, "desimal_tercetak"))
            tercetak = self._tercetak(row, "capaian_tercetak", shown, tahun)
        if math.isnan(value):
            return Jejak(
                value,
                what,
                "tidak_ada",
                masukan=(target, realisasi),
                tercetak=tercetak,
                catatan="Tidak dapat diukur: target atau realisasi tidak ada, atau target nol.",
            )
        r, t = self._nilai(_v(row, "realisasi"), satuan), self._nilai(_v(row, "target"), satuan)
        if _v(row, "polaritas") == "negatif":
            rumus = f"(2 − {r} / {t}) × 100 = {self.f.persen(value)}"
            note = "Indikator berpolaritas negatif (makin rendah makin baik)."
        else:
            rumus, note = f"{r} / {t} × 100 = {self.f.persen(value)}", None
        return Jejak(
            value, what, "hitung", rumus=rumus, masukan=(realisasi, target), tercetak=tercetak, catatan=note
        )

    def realisasi_indikator(self, dokumen: object, kode: object, tahun: object, value: object) -> Jejak:
        """The realisasi of an indicator in a year, from its ``capaian`` row (trend tables, charts)."""
        row = self.baris_capaian(dokumen, kode, tahun)
        if row is None:
            return Jejak(
                _nan(value),
                f"Realisasi {kode} tahun {_int(tahun)} ({dokumen})",
                "tidak_ada",
                catatan="Perjanjian ini tidak memuat indikator tersebut pada tahun itu.",
            )
        return self.realisasi(row)

    def status(self, rows: pd.DataFrame, status: str, uraian: str, hasil: object) -> Jejak:
        """How many of the ``capaian`` rows ``rows`` have ``status`` (a count of a summary)."""
        hit = rows[rows["status"] == status]
        names = [f"{r['kode_indikator']} ({self.f.persen(r['capaian'])})" for _, r in hit.iterrows()]
        listed = "; ".join(names) if names else "tidak ada"
        rumus = (
            f"indikator dengan capaian {STATUS[status]} dari {len(rows)} indikator: {listed} "
            f"= {self.f.bilangan(hasil)}"
        )
        return Jejak(
            hasil, uraian, "hitung", rumus=rumus, masukan=tuple(self.capaian(r) for _, r in hit.iterrows())
        )

    def hitungan(
        self, hasil: object, uraian: str, rows: pd.DataFrame, kolom: str | None = None, *, rincian: str = ""
    ) -> Jejak:
        """A count of export rows (sasaran, indicators, units), located at those rows."""
        rumus = f"{rincian} = {self.f.bilangan(hasil)}" if rincian else None
        return Jejak(hasil, uraian, "hitung", rumus=rumus, sel=rentang(rows, kolom, letak=self.letak))

    # ------------------------------------------------------------------ computed realisasi

    def terhitung(self, sumber: str, tahun: int) -> Jejak:
        """What the engine computed for a ``sumber_realisasi`` key in a year (the plan
        :data:`lkjip.indicators.capaian.TERHITUNG`)."""
        return self._sekali(("terhitung", sumber, tahun), lambda: self._terhitung(sumber, tahun))

    def _terhitung(self, sumber: str, tahun: int) -> Jejak:
        table, column, _rounded = TERHITUNG[sumber]
        rows = self._year(table, tahun)
        value = _nan(rows[column].iloc[0]) if len(rows) else float("nan")
        maker = {
            "ikm_pemda": lambda: self.ikm_pemda(tahun),
            "skm_unit_minimal_baik": lambda: self.unit_minimal_baik(tahun, value),
            "kematangan_minimal_tinggi": lambda: self._lolos("kematangan_pd", "minimal_tinggi", tahun, value),
            "sakip_pd_minimal_baik": lambda: self._lolos("sakip_pd_hasil", "minimal_baik", tahun, value),
            "sakip_rata_rata": lambda: self.sakip_rata_rata(tahun, value),
            "efektivitas_kelembagaan": lambda: self.efektivitas(tahun, value),
            "persen_realisasi_anggaran": lambda: self.persen_total(tahun),
        }
        return maker[sumber]()

    def ikm_pemda(self, tahun: int) -> Jejak:
        """IKM Pemerintah Daerah: the mean of the units' IKM (from respondents or the recap)."""
        return self._sekali(("ikm_pemda", tahun), lambda: self._ikm_pemda(tahun))

    def _ikm_pemda(self, tahun: int) -> Jejak:
        rows = self._year("ikm_pemda", tahun)
        what = f"IKM {self.config.wilayah} tahun {tahun}"
        if rows.empty:
            return Jejak(float("nan"), what, "tidak_ada", catatan="Tidak ada data SKM tahun itu.")
        row = rows.iloc[0]
        value = _nan(row["ikm"])
        if row["sumber"] == "responden":
            units = self._year("ikm_unit", tahun)
            units = units[units["ikm"].notna()]
            terms = [self.f.angka(v) for v in units["ikm"]]
            # The units' IKM, each with its own trail, are the lampiran's table and chart; here
            # the respondent rows they come from (a trail cited many times stays short).
            return Jejak(
                value,
                what,
                "hitung",
                rumus=f"rata-rata IKM {len(units)} unit layanan: {rata_rumus(terms, self.f.angka(value))}",
                sel=self.rentang_responden(tahun, KODE_PEMDA),
                catatan="IKM setiap unit dengan rinciannya: tabel IKM per unit pelayanan di Lampiran.",
            )
        recap = self._year("skm_unit_riwayat", tahun)
        recap = recap[pd.to_numeric(recap["ikm"], errors="coerce").notna()]
        terms = [self.f.angka(v) for v in recap["ikm"]]
        return Jejak(
            value,
            what,
            "hitung",
            rumus=f"rata-rata IKM {len(recap)} unit pada rekap kantor: "
            + rata_rumus(terms, self.f.angka(value)),
            sel=rentang(recap, "ikm", letak=self.letak),
        )

    def unit_minimal_baik(self, tahun: int, value: object) -> Jejak:
        """How many units reach the minimal mutu (``skm.minimal_baik``) in a year."""
        minimal = self.config.skm.minimal_baik
        what = f"Jumlah unit layanan dengan mutu pelayanan minimal {minimal} tahun {tahun}"
        rows = self._year("ikm_pemda", tahun)
        if rows.empty:
            return Jejak(_nan(value), what, "tidak_ada")
        row = rows.iloc[0]
        if row["sumber"] == "responden":
            units = self._year("ikm_unit", tahun)
            scored = units[units["ikm"].notna()]
            sel = self.rentang_responden(tahun, KODE_PEMDA)
        else:
            scored = self._year("skm_unit_riwayat", tahun)
            sel = rentang(scored, "ikm", letak=self.letak)
        rumus = (
            f"unit dengan IKM (dibulatkan dua desimal) bermutu {minimal} atau lebih baik, dari "
            f"{len(scored)} unit yang dinilai = {self.f.bilangan(value)}"
        )
        return Jejak(_nan(value), what, "hitung", rumus=rumus, sel=sel)

    def _lolos(self, table: str, flag: str, tahun: int, value: object) -> Jejak:
        """How many perangkat daerah pass (SAKIP minimal baik, kematangan minimal tinggi)."""
        rows = self._year(table, tahun)
        if table == "sakip_pd_hasil":
            scored = rows[rows["nilai"].notna()] if len(rows) else rows
            minimal = self.config.sakip.minimal_baik
            what = f"Jumlah perangkat daerah dengan predikat SAKIP minimal {minimal} tahun {tahun}"
            source = scored
            kolom = "nilai"
        else:
            scored = rows[rows["total"].notna()] if len(rows) else rows
            what = (
                f"Jumlah perangkat daerah dengan kematangan kelembagaan minimal "
                f"{self.config.kematangan.minimal.lower()} tahun {tahun}"
            )
            source = self._year("kelembagaan_pd", tahun)
            kolom = None
        rumus = f"perangkat daerah yang memenuhi, dari {len(scored)} yang dinilai = {self.f.bilangan(value)}"
        return Jejak(_nan(value), what, "hitung", rumus=rumus, sel=rentang(source, kolom, letak=self.letak))

    def sakip_rata_rata(self, tahun: int, value: object) -> Jejak:
        rows = self._year("sakip_pd_hasil", tahun)
        rows = rows[rows["nilai"].notna()] if len(rows) else rows
        terms = [self.f.angka(v) for v in rows["nilai"]] if len(rows) else []
        return Jejak(
            _nan(value),
            f"Rata-rata nilai SAKIP perangkat daerah tahun {tahun}",
            "hitung",
            rumus=f"rata-rata nilai SAKIP {len(rows)} perangkat daerah: "
            + rata_rumus(terms, self.f.angka(value)),
            sel=rentang(rows, "nilai", letak=self.letak),
        )

    def efektivitas(self, tahun: int, value: object) -> Jejak:
        rows = self._year("kelembagaan_pemda", tahun)
        terms = (
            [
                f"{self.f.angka(b, 1)}% × {self.f.angka(n)}"
                for b, n in zip(rows["bobot"], rows["nilai"], strict=True)
            ]
            if len(rows)
            else []
        )
        return Jejak(
            _nan(value),
            f"Nilai Efektivitas Kelembagaan tahun {tahun}",
            "hitung",
            rumus=f"Σ bobot × nilai {len(rows)} subdimensi: {jumlah_rumus(terms, self.f.angka(value))}",
            sel=rentang(rows, "nilai", letak=self.letak),
        )

    # ------------------------------------------------------------------ budget

    def anggaran(self, row: object, kolom: str) -> Jejak:
        """The pagu (``anggaran``) or ``realisasi`` of a sub-kegiatan row, as read."""
        kind = "Anggaran" if kolom == "anggaran" else "Realisasi anggaran"
        tahun = _int(_v(row, "tahun")) or self.config.tahun
        nama = " ".join(str(p) for p in (_v(row, "kode"), _v(row, "uraian")) if p is not None)
        what = f"{kind} sub kegiatan {nama} tahun {tahun}"
        value = _v(row, kolom)
        if value is None:
            return Jejak(float("nan"), what, "tidak_ada", sel=self._cells(row, kolom))
        return Jejak(float(value), what, "ekspor", sel=self._cells(row, kolom))

    def persen(self, row: object) -> Jejak:
        """The realisation percentage of a sub-kegiatan, with the one its export printed."""
        what = f"Persentase realisasi sub kegiatan {_v(row, 'kode')} {_v(row, 'uraian') or ''}".strip()
        value = _nan(_v(row, "persen"))
        printed = _v(row, "persen_tercetak")
        tercetak = None
        if printed is not None:
            tercetak = self._tercetak(
                row, "persen_tercetak", self._persen_tercetak(printed, _v(row, "desimal_tercetak"))
            )
        real, pagu = self._rp(_v(row, "realisasi")), self._rp(_v(row, "anggaran"))
        rumus = f"{real} / {pagu} × 100 = {self.f.persen(value)}"
        return Jejak(
            value,
            what,
            "hitung" if not math.isnan(value) else "tidak_ada",
            rumus=rumus,
            masukan=(self.anggaran(row, "realisasi"), self.anggaran(row, "anggaran")),
            tercetak=tercetak,
        )

    def jumlah(self, uraian: str, hasil: object, parts: Iterable[Jejak], *, uang: bool = True) -> Jejak:
        """A sum of figures, each with its trail (money totals, counts)."""
        parts = tuple(parts)
        show = self._rp if uang else self.f.angka
        rumus = jumlah_rumus([show(p.hasil) for p in parts], show(hasil))
        return Jejak(_nan(hasil), uraian, "hitung", rumus=rumus, masukan=parts)

    def rata(self, uraian: str, hasil: object, parts: Iterable[Jejak]) -> Jejak:
        """A mean of percentages, each with its trail (a summary row), N/A ones left out."""
        parts = tuple(p for p in parts if not is_na(p.hasil))
        rumus = rata_rumus([self.f.angka(p.hasil) for p in parts], self.f.persen(hasil))
        return Jejak(_nan(hasil), uraian, "hitung", rumus=rumus, masukan=parts)

    def bagi(
        self, uraian: str, hasil: object, pembilang: Jejak, penyebut: Jejak, tercetak: Tercetak | None = None
    ) -> Jejak:
        """A percentage ``pembilang / penyebut × 100`` of two money figures."""
        rumus = f"{self._rp(pembilang.hasil)} / {self._rp(penyebut.hasil)} × 100 = {self.f.persen(hasil)}"
        return Jejak(
            _nan(hasil), uraian, "hitung", rumus=rumus, masukan=(pembilang, penyebut), tercetak=tercetak
        )

    def total_anggaran(self, tahun: int, kolom: str) -> Jejak:
        """The unit's total pagu or realisasi of a year (``anggaran_total``)."""
        rows = self._year("anggaran_total", tahun)
        kind = "Pagu anggaran" if kolom == "anggaran" else "Realisasi anggaran"
        what = f"{kind} {self.config.instansi.nama} tahun {tahun}"
        if rows.empty:
            return Jejak(float("nan"), what, "tidak_ada")
        row = rows.iloc[0]
        value = _nan(row[kolom])
        if row["sumber"] == "rincian":
            subs = self._year("anggaran_hasil", tahun)
            return self.jumlah(
                f"{what} (jumlah {len(subs)} sub kegiatan)",
                value,
                (self.anggaran(r, kolom) for _, r in subs.iterrows()),
            )
        recap = self._year("anggaran_riwayat", tahun)
        cells = self._cells(recap.iloc[0], kolom) if len(recap) else ()
        return Jejak(value, what, "ekspor", sel=cells, catatan="Dari rekap anggaran tahun sebelumnya.")

    def persen_total(self, tahun: int) -> Jejak:
        """The unit's budget realisation percentage of a year, with the recap's printed one."""
        rows = self._year("anggaran_total", tahun)
        what = f"Persentase realisasi anggaran {self.config.instansi.nama} tahun {tahun}"
        if rows.empty:
            return Jejak(float("nan"), what, "tidak_ada")
        row = rows.iloc[0]
        tercetak = None
        recap = self._year("anggaran_riwayat", tahun)
        if row["sumber"] == "riwayat" and len(recap) and not is_na(recap.iloc[0]["persen_tercetak"]):
            r = recap.iloc[0]
            tercetak = self._tercetak(
                r, "persen_tercetak", self._persen_tercetak(r["persen_tercetak"], r["desimal_tercetak"])
            )
        return self.bagi(
            what,
            row["persen"],
            self.total_anggaran(tahun, "realisasi"),
            self.total_anggaran(tahun, "anggaran"),
            tercetak,
        )

    def jumlah_dana(
        self, sasaran: object, dana: pd.DataFrame, kolom: str, hasil: object, tercetak_row: object = None
    ) -> Jejak:
        """A sasaran's allocation (``anggaran``) or realisation: the sum of its mapped sub-kegiatan."""
        kind = "Alokasi anggaran" if kolom == "anggaran" else "Realisasi anggaran"
        what = f"{kind} sasaran {_v(sasaran, 'no_sasaran')} ({_v(sasaran, 'dokumen')})"
        parts = [self.anggaran(r, kolom) for _, r in dana.iterrows()]
        jejak = self.jumlah(f"{what}: jumlah {len(parts)} sub kegiatan yang dipetakan", hasil, parts)
        tercetak = None
        printed_col = "alokasi_tercetak" if kolom == "anggaran" else "realisasi_tercetak"
        if tercetak_row is not None and _v(tercetak_row, printed_col) is not None:
            tercetak = self._tercetak(tercetak_row, printed_col, self._rp(_v(tercetak_row, printed_col)))
        return Jejak(
            jejak.hasil, jejak.uraian, "hitung", rumus=jejak.rumus, masukan=jejak.masukan, tercetak=tercetak
        )

    def capaian_anggaran_sasaran(
        self, sasaran: object, alokasi: Jejak, realisasi: Jejak, tercetak_row: object = None
    ) -> Jejak:
        """A sasaran's budget capaian: realisasi ÷ alokasi × 100, with the staff table's printed one."""
        tercetak = None
        if tercetak_row is not None and _v(tercetak_row, "capaian_tercetak") is not None:
            shown = self._persen_tercetak(
                _v(tercetak_row, "capaian_tercetak"), _v(tercetak_row, "desimal_tercetak")
            )
            tercetak = self._tercetak(tercetak_row, "capaian_tercetak", shown)
        what = f"Capaian anggaran sasaran {_v(sasaran, 'no_sasaran')} ({_v(sasaran, 'dokumen')})"
        return self.bagi(what, _v(sasaran, "capaian_anggaran"), realisasi, alokasi, tercetak)

    @cached_property
    def _dana(self) -> pd.DataFrame:
        hasil, peta = self.tabel("anggaran_hasil"), self.tabel("peta_sasaran_anggaran")
        if hasil.empty or peta.empty:
            return pd.DataFrame(columns=["dokumen", "no_sasaran", "kode", "anggaran", "realisasi"])
        return dana_sasaran(hasil, peta, self.config)

    def anggaran_sasaran(
        self, sasaran: object, dana: pd.DataFrame | None = None, tercetak: pd.DataFrame | None = None
    ) -> tuple[Jejak, Jejak, Jejak]:
        """The trails of a sasaran's allocation, realisation and budget capaian (an
        ``anggaran_sasaran`` row, or one with ``realisasi_anggaran``): the sub-kegiatan mapped to
        it (``dana``, :func:`lkjip.indicators.anggaran.dana_sasaran`) and the figures the office
        printed for it (``tercetak``, the clean ``anggaran_sasaran_tercetak``)."""
        dana = self._dana if dana is None else dana
        printed = self.tabel("anggaran_sasaran_tercetak") if tercetak is None else tercetak
        dokumen, no = _v(sasaran, "dokumen"), _v(sasaran, "no_sasaran")
        mapped = dana[(dana["dokumen"] == dokumen) & (dana["no_sasaran"] == no)]
        hit = (
            printed[(printed["dokumen"] == dokumen) & (printed["no_sasaran"] == no)]
            if len(printed)
            else printed
        )
        office = hit.iloc[0] if len(hit) else None
        real = _v(sasaran, "realisasi_anggaran")
        real = (
            _v(sasaran, "realisasi") if real is None and "realisasi_anggaran" not in _keys(sasaran) else real
        )
        a = self.jumlah_dana(sasaran, mapped, "anggaran", _v(sasaran, "alokasi"), office)
        r = self.jumlah_dana(sasaran, mapped, "realisasi", real, office)
        return a, r, self.capaian_anggaran_sasaran(sasaran, a, r, office)

    def capaian_kinerja_sasaran(self, sasaran: object) -> Jejak:
        """A sasaran's capaian kinerja: the mean capaian of its main indicators in the report year."""
        rows = self._year("capaian", self.config.tahun)
        rows = rows[
            (rows["dokumen"] == _v(sasaran, "dokumen"))
            & (rows["no_sasaran"] == _v(sasaran, "no_sasaran"))
            & (rows["jenis"] == "utama")
        ]
        what = f"Capaian kinerja sasaran {_v(sasaran, 'no_sasaran')} ({_v(sasaran, 'dokumen')})"
        return self.rata(what, _v(sasaran, "capaian_kinerja"), (self.capaian(r) for _, r in rows.iterrows()))

    # ------------------------------------------------------------------ SKM

    def responden(self, unit: object) -> Jejak:
        tahun, kode = _int(_v(unit, "tahun")), str(_v(unit, "kode_unit"))
        value = _v(unit, "jumlah_responden")
        return Jejak(
            value,
            f"Jumlah responden {kode} {_v(unit, 'unit') or ''} tahun {tahun}".replace("  ", " "),
            "hitung",
            rumus=f"jumlah baris responden unit ini = {self.f.bilangan(value)}",
            sel=self.rentang_responden(tahun, kode),
        )

    def _skm_unit(self, tahun: int, kode: str) -> pd.Series | None:
        rows = self._year("skm_unit", tahun)
        rows = rows[rows["kode_unit"] == kode] if len(rows) else rows
        return rows.iloc[0] if len(rows) else None

    def sampel_minimum(self, unit: object) -> Jejak:
        tahun, kode = _int(_v(unit, "tahun")), str(_v(unit, "kode_unit"))
        value = _v(unit, "sampel_minimum")
        what = f"Sampel minimum Krejcie–Morgan {kode} tahun {tahun}"
        row = self._skm_unit(tahun, kode)
        populasi = None if row is None else _v(row, "populasi")
        if value is None or populasi is None:
            return Jejak(
                float("nan") if value is None else value,
                what,
                "tidak_ada",
                catatan="Populasi (jumlah penerima layanan) tidak diisi di daftar unit.",
            )
        km = self.config.skm.krejcie_morgan
        rumus = (
            f"χ²·N·P(1−P) / (d²·(N−1) + χ²·P(1−P)) dengan χ² = {self.f.angka(km.chi_kuadrat, 3)}, "
            f"N = {self.f.bilangan(populasi)}, P = {self.f.angka(km.proporsi, 1)}, "
            f"d = {self.f.angka(km.galat)}, "
            f"dibulatkan = {self.f.bilangan(value)}"
        )
        pop = Jejak(
            float(populasi), f"Populasi {kode} tahun {tahun}", "ekspor", sel=self._cells(row, "populasi")
        )
        return Jejak(value, what, "hitung", rumus=rumus, masukan=(pop,))

    def nrr(self, unsur: object) -> Jejak:
        """NRR of one unsur of a unit (or the Pemda): the mean of the answers given."""
        tahun, kode, code = _int(_v(unsur, "tahun")), str(_v(unsur, "kode_unit")), _v(unsur, "unsur")
        value = _nan(_v(unsur, "nrr"))
        column = next((u.kolom for u in self.config.skm.unsur if u.kode == code), code)
        who = "seluruh unit" if kode == KODE_PEMDA else kode
        n = _v(unsur, "jumlah_jawaban")
        return Jejak(
            value,
            f"NRR unsur {code} {_v(unsur, 'nama_unsur') or ''} {who} tahun {tahun}".replace("  ", " "),
            "hitung",
            rumus=f"rata-rata {self.f.bilangan(n or 0)} jawaban (skala 1–4) = {self.f.angka(value)}",
            sel=self.rentang_responden(tahun, kode, column),
        )

    def _unsur(self, tahun: int, kode: str) -> pd.DataFrame:
        rows = self._year("ikm_unsur", tahun)
        return rows[rows["kode_unit"] == kode] if len(rows) else rows

    def ikm_unit(self, unit: object, *, rinci: bool = True) -> Jejak:
        """IKM of a unit: Σ NRR × bobot × 25 over the nine unsur."""
        tahun, kode = _int(_v(unit, "tahun")), str(_v(unit, "kode_unit"))
        value = _nan(_v(unit, "ikm"))
        unsur = self._unsur(tahun, kode)
        terms = [self.f.angka(v) for v in unsur["nrr"]] if len(unsur) else []
        shown = " + ".join(terms)
        if self.config.skm.bobot == "1/9":
            rumus = f"({shown}) / {len(terms)} × 25 = {self.f.angka(value)}"
        else:
            rumus = f"({shown}) × 0,111 × 25 = {self.f.angka(value)}"
        what = f"IKM {kode} {_v(unit, 'unit') or ''} tahun {tahun}".replace("  ", " ")
        if rinci:
            return Jejak(
                value, what, "hitung", rumus=rumus, masukan=tuple(self.nrr(r) for _, r in unsur.iterrows())
            )
        return Jejak(value, what, "hitung", rumus=rumus, sel=self.rentang_responden(tahun, kode))

    def demografi(self, row: object, rows: pd.DataFrame, kolom: str) -> Jejak:
        """A count (``jumlah``) or share (``persen``) of respondents of one group (``rows``: the
        rows of the same characteristic, whose counts add up to the respondents)."""
        tahun = _int(_v(row, "tahun"))
        what = f"Responden {_v(row, 'variabel')} = {_v(row, 'kelompok')} tahun {tahun}"
        sel = self.rentang_responden(tahun, str(_v(row, "kode_unit")))
        if kolom == "jumlah":
            return Jejak(
                _v(row, "jumlah"),
                what,
                "hitung",
                rumus=f"jumlah responden kelompok ini = {self.f.bilangan(_v(row, 'jumlah'))}",
                sel=sel,
            )
        total = int(pd.to_numeric(rows["jumlah"], errors="coerce").sum())
        jumlah, persen = self.f.bilangan(_v(row, "jumlah")), self.f.persen(_v(row, "persen"))
        rumus = f"{jumlah} / {self.f.bilangan(total)} × 100 = {persen}"
        return Jejak(
            _nan(_v(row, "persen")), f"Persentase {what[0].lower()}{what[1:]}", "hitung", rumus=rumus, sel=sel
        )

    # ------------------------------------------------------------------ evaluations

    def sakip_nilai(self, row: object) -> Jejak:
        value = _v(row, "nilai")
        what = f"Nilai SAKIP {_v(row, 'perangkat_daerah')} tahun {_int(_v(row, 'tahun'))}"
        if value is None:
            return Jejak(float("nan"), what, "tidak_ada", sel=self._cells(row, "nilai"))
        return Jejak(float(value), what, "ekspor", sel=self._cells(row, "nilai"))

    def kematangan_total(self, row: object) -> Jejak:
        tahun, kode = _int(_v(row, "tahun")), _v(row, "kode_pd")
        what = f"Total skor kematangan {_v(row, 'perangkat_daerah')} tahun {tahun}"
        source = self._year("kelembagaan_pd", tahun)
        source = source[source["kode_pd"] == kode] if len(source) else source
        if source.empty:
            return Jejak(_nan(_v(row, "total")), what, "tidak_ada")
        src = source.iloc[0]
        names = [f"V{i:02d}" for i in range(1, self.config.kematangan.jumlah_variabel + 1)]
        names = [n for n in names if n in src.index]
        scores = [fmt_angka_ringkas(src.get(n)) for n in names if not is_na(src.get(n))]
        total = _v(row, "total")
        # one row, one run of columns: the cells of the variables V01 .. as one place
        first = self.letak.kolom(src["berkas"], src["sheet"], names[0]) if names else ""
        last = self.letak.kolom(src["berkas"], src["sheet"], names[-1]) if names else ""
        kolom = f"{first.split(' ')[0]}–{last.split(' ')[0]} ({names[0]}–{names[-1]})" if names else None
        cell = Sel(str(src["berkas"]), str(src["sheet"]), _int(src["baris"]), kolom)
        jejak = Jejak(
            _nan(total), what, "hitung", rumus=jumlah_rumus(scores, self.f.angka(total)), sel=(cell,)
        )
        tercetak = None
        if _v(src, "total_tercetak") is not None:
            tercetak = self._tercetak(src, "total_tercetak", self.f.angka(_v(src, "total_tercetak")))
        return Jejak(jejak.hasil, what, "hitung", rumus=jejak.rumus, sel=jejak.sel, tercetak=tercetak)

    # ------------------------------------------------------------------ comparisons

    def pembanding(self, row: object) -> Jejak:
        """A comparison figure of ``pembanding_hasil`` (or ``sakip_pembanding``), as read."""
        entitas = _v(row, "entitas_pembanding") or _v(row, "entitas")
        what = f"{_v(row, 'indikator') or 'Nilai SAKIP'} {entitas} tahun {_int(_v(row, 'tahun'))}"
        value = _v(row, "nilai_pembanding") if "nilai_pembanding" in _keys(row) else _v(row, "nilai")
        note = self._keterangan(row)
        if value is None:
            return Jejak(float("nan"), what, "tidak_ada", sel=self._cells(row, "nilai"), catatan=note)
        return Jejak(float(value), what, "ekspor", sel=self._cells(row, "nilai"), catatan=note)

    def _keterangan(self, row: object) -> str | None:
        note = _v(row, "keterangan")
        if note is None and _v(row, "berkas") is not None:
            source = self.tabel("pembanding")
            if len(source):
                hit = source[(source["berkas"] == _v(row, "berkas")) & (source["baris"] == _v(row, "baris"))]
                note = _v(hit.iloc[0], "keterangan") if len(hit) else None
        if note is None:
            return None
        if "ilustratif" in str(note).lower():
            return f"Keterangan di ekspor: {note} (angka contoh, bukan angka resmi)."
        return f"Keterangan di ekspor: {note}."

    def organisasi(self, row: object) -> Jejak:
        """The organisation's realisasi compared in ``pembanding_hasil``: its ``capaian`` row."""
        return self.realisasi_indikator(
            _v(row, "dokumen"), _v(row, "kode_indikator"), _v(row, "tahun"), _v(row, "nilai_organisasi")
        )

    def selisih(self, row: object) -> Jejak:
        a, b = self.organisasi(row), self.pembanding(row)
        value = _nan(_v(row, "selisih"))
        if math.isnan(value):
            kode, tahun = _v(row, "kode_indikator"), _int(_v(row, "tahun"))
            return Jejak(
                value,
                f"Selisih {kode} tahun {tahun} terhadap {_v(row, 'entitas_pembanding')}",
                "tidak_ada",
                masukan=(a, b),
                catatan="Tidak dapat dihitung: realisasi atau angka pembandingnya tidak tersedia.",
            )
        kode, entitas = _v(row, "kode_indikator"), _v(row, "entitas_pembanding")
        what = f"Selisih {kode} tahun {_int(_v(row, 'tahun'))} terhadap {entitas}"
        rumus = f"{self.f.angka(a.hasil)} − {self.f.angka(b.hasil)} = {self.f.angka(value)}"
        return Jejak(
            value, what, "hitung" if not math.isnan(value) else "tidak_ada", rumus=rumus, masukan=(a, b)
        )

    # ------------------------------------------------------------------ the reviu

    def _jenis_reviu(self, row: object) -> str:
        jenis = str(_v(row, "jenis") or "")
        return JENIS_REVIU.get(jenis, jenis.replace("_", " "))

    def reviu_tercetak(self, row: object) -> Jejak:
        kolom = str(_v(row, "kolom") or "")
        cell = self.letak.sel(row, kolom) if kolom else None
        return Jejak(
            _v(row, "nilai_tercetak"),
            f"Angka tercetak di ekspor (pemeriksaan: {self._jenis_reviu(row)})",
            "ekspor",
            sel=() if cell is None else (cell,),
        )

    def reviu_hitung(self, row: object) -> Jejak:
        return Jejak(
            _v(row, "nilai_hitung"),
            f"Hasil hitung ulang (pemeriksaan: {self._jenis_reviu(row)})",
            "hitung",
            rumus=str(_v(row, "penjelasan")),
        )

    def reviu_selisih(self, row: object) -> Jejak:
        value = _nan(_v(row, "selisih"))
        what = f"Selisih hasil hitung − angka tercetak (pemeriksaan: {self._jenis_reviu(row)})"
        parts = (self.reviu_hitung(row), self.reviu_tercetak(row))
        if math.isnan(value):  # a category (mutu, predikat) has no difference in figures
            return Jejak(value, what, "tidak_ada", masukan=parts, catatan="Temuan kategori, bukan angka.")
        rumus = f"{_v(row, 'nilai_hitung')} − {_v(row, 'nilai_tercetak')} = {self.f.angka(value)}"
        return Jejak(value, what, "hitung", rumus=rumus, masukan=parts)

    # ------------------------------------------------------------------ configuration

    def konfigurasi(self, hasil: object, uraian: str, kunci: str) -> Jejak:
        """A figure set in ``laporan.yml`` (or, for an omitted rule block, lkjip's national default)."""
        return Jejak(
            hasil,
            uraian,
            "konfigurasi",
            sel=(Sel("laporan.yml", kolom=kunci),),
            catatan="Bila blok aturannya tidak diisi di laporan.yml, berlaku aturan nasional bawaan lkjip.",
        )


def aturan(teks: str, uraian: str, dasar: str) -> Jejak:
    """A constant of a rule's formula as the rule sets it (``× 25`` of the IKM), with its basis."""
    return Jejak(teks, uraian, "aturan", catatan=f"Dasar: {dasar}.")


def _keys(row: object) -> set[str]:
    if isinstance(row, Mapping | pd.Series):
        return set(row.keys())
    return set(getattr(row, "_fields", ()))
