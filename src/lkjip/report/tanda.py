"""The marks the report puts on a value, the same on every table and chart, with their notes."""

from __future__ import annotations

#: Mark of a value that is illustrative (the source could not be read), and its note.
ILUSTRATIF = "*"
CATATAN_ILUSTRATIF = "* nilai ilustratif (tidak terbaca pada sumber)"

#: Mark of a unit whose respondents are fewer than the Krejcie–Morgan minimum, and its note.
SAMPEL_KURANG = "*"
CATATAN_SAMPEL_KURANG = "* jumlah responden di bawah sampel minimum Krejcie–Morgan."

#: Mark of a realisation computed from a source that gave nothing for its year, so that the value
#: typed in the Perjanjian Kinerja stands in (a located warning of the data step), and its note.
REALISASI_KETIK = "*"
CATATAN_REALISASI_KETIK = (
    "* realisasi yang diketik di Perjanjian Kinerja: sumber hitungnya tidak memberi angka tahun itu "
    "(lihat peringatan pada Hasil Reviu Otomatis di Lampiran)."
)
