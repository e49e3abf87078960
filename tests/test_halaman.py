"""One rule sets every table's printed type size and column widths, for the PDF and the DOCX.

Widths are estimated with Liberation Sans (Arial's) advance widths in 1/1000 em; a column needs
its longest unbreakable piece times the size times 1,04, plus 10,5 pt (the cell margins of
2 × 85 twips and 2 pt), out of a text width of 439,35 pt (A4 portrait between the margins).
"""

from __future__ import annotations

import pytest

from lkjip.report.halaman import (
    LEBAR_LANSKAP,
    CetakTabel,
    cetak_tabel,
    em,
    lebar_teks,
    pieces,
    terapkan,
    ukuran_tabel_semua,
)


def _table(widths: list[int], head: list[str], rows: list[list[str]]) -> str:
    cols = "".join(f'<col style="width:{w}%;"/>' for w in widths)
    thead = "".join(f"<th>{h}</th>" for h in head)
    tbody = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    return (
        f'<table class="gt_table"><colgroup>{cols}</colgroup>'
        f"<thead><tr>{thead}</tr></thead><tbody>{tbody}</tbody></table>"
    )


def test_widths_are_arials():
    # R 722, p 556, 2 556 ×9, . 278 ×2: 722 + 556 + 9 × 556 + 2 × 278 = 6.838 em
    assert em("Rp227.760.105") == pytest.approx(6.838)
    # bold C 722, a 556, p 611, a 556, i 278, a 556, n 611 = 3.890 em
    assert em("Capaian", bold=True) == pytest.approx(3.890)
    assert pieces("Pengelolaan Kelembagaan/Analisis Jabatan") == [
        "Pengelolaan", "Kelembagaan/", "Analisis", "Jabatan"
    ]  # fmt: skip


def test_a_table_whose_figures_fit_keeps_the_normal_size_and_its_widths():
    html = _table([50, 50], ["Uraian", "Nilai"], [["Persentase", "85,72"]])
    cetak = cetak_tabel(html, 11)
    assert cetak == CetakTabel(10.0, (0.5, 0.5), False)


def test_a_narrow_money_column_takes_room_from_the_text_column():
    # Rp227.760.105 at 10 pt: 6,838 × 10 × 1,04 + 10,5 = 81,6152 pt = 0,18576 of 439,35 pt
    html = _table([10, 90], ["Alokasi", "Uraian"], [["Rp227.760.105", "kegiatan"]])
    cetak = cetak_tabel(html, 11)
    assert cetak.ukuran == 10.0
    assert cetak.lebar[0] == pytest.approx(81.6152 / 439.35, abs=1e-6)
    assert sum(cetak.lebar) == pytest.approx(1.0)


def test_when_the_figures_do_not_fit_at_10_pt_the_largest_size_that_fits_is_taken():
    # Seven columns of "Rp227.760.105": at s pt each needs 6,838 × s × 1,04 + 10,5 pt.
    # 7 × (7,11152 s + 10,5) ≤ 439,35 gives s ≤ 7,3504: 7 pt is the largest table size that fits.
    html = _table([14] * 7, ["A"] * 7, [["Rp227.760.105"] * 7])
    cetak = cetak_tabel(html, 11)
    assert cetak.ukuran == 7.0 and not cetak.lanskap
    # Six columns: 6 × (7,11152 s + 10,5) ≤ 439,35 gives s ≤ 8,8201: 8,5 pt
    assert cetak_tabel(_table([16] * 6, ["A"] * 6, [["Rp227.760.105"] * 6]), 11).ukuran == 8.5


def test_the_sizes_follow_the_body_size_down_to_7_pt():
    assert ukuran_tabel_semua(12) == [11.0, 10.5, 10.0, 9.5, 9.0, 8.5, 8.0, 7.5, 7.0]
    html = _table([50, 50], ["A", "B"], [["1", "2"]])
    assert cetak_tabel(html, 12).ukuran == 11.0


def test_a_wide_table_gets_a_landscape_page_and_its_width():
    html = _table([8] * LEBAR_LANSKAP, ["U"] * LEBAR_LANSKAP, [["3,83"] * LEBAR_LANSKAP])
    cetak = cetak_tabel(html, 11)
    assert cetak.lanskap and cetak.ukuran == 10.0
    # landscape: the page's height between the top and bottom margins, 16838 − 2 × 1418 twips
    assert lebar_teks(lanskap=True) == pytest.approx(700.1)


def test_the_decision_travels_on_the_table_to_both_formats():
    html = _table([10, 90], ["Alokasi", "Uraian"], [["Rp227.760.105", "kegiatan"]])
    out = terapkan(html, cetak_tabel(html, 11))
    assert out.startswith('<table data-lkjip-ukuran="10" data-lkjip-lanskap="tidak" class="gt_table">')
    assert '<col style="width:18.6%;"/><col style="width:81.4%;"/>' in out
