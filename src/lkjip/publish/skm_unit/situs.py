"""The site pages of the SKM unit publications: one page per unit and the index of all units.

Plain HTML written here (no Quarto render per unit), self-contained (styles inline), from the
same formatted data as the PDF (:func:`lkjip.publish.skm_unit.cetak.data_unit`); Quarto copies
the folder with the book's other downloads (``resources`` in ``_quarto.yml``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape
from typing import Any

GAYA = """
body{font-family:"Liberation Sans",Arial,"DejaVu Sans",sans-serif;color:#1a1a1a;max-width:60rem;
margin:0 auto;padding:1rem 1.25rem 3rem;line-height:1.5}
h1{color:#14365a;font-size:1.6rem;margin:.2rem 0}h2{color:#14365a;font-size:1.2rem;margin-top:2rem;
border-bottom:2px solid #14365a;padding-bottom:.2rem}h3{color:#14365a;font-size:1rem}
.kecil{font-size:.85rem;color:#444}.atas{font-size:.8rem;color:#444;text-transform:uppercase}
table{border-collapse:collapse;margin:.6rem 0;font-size:.9rem}th,td{border:1px solid #8a8a8a;
padding:.25rem .5rem;vertical-align:top}th{background:#c9dbef;text-align:left}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}tr.jumlah td{font-weight:bold}
.angka{display:flex;flex-wrap:wrap;gap:.75rem;margin:1rem 0}.angka div{background:#f2f5f9;
padding:.6rem 1rem;border-radius:4px;min-width:9rem}.angka b{display:block;font-size:1.8rem;color:#14365a}
.batang{display:inline-block;height:.9rem;border:1px solid #14365a;vertical-align:middle;background:#c9dbef}
.batang.lemah{background:repeating-linear-gradient(45deg,#fff 0 3px,#14365a 3px 5px)}
.batang.kuat{background:#14365a}.penanda{border-left:4px solid #14365a;background:#f2f5f9;
padding:.4rem .8rem;font-weight:bold}.unduh a{margin-right:1rem}img.infografis{max-width:100%;
border:1px solid #ccc}a{color:#1d4f86}
table.indeks td:nth-child(2),table.indeks td:nth-child(9){white-space:nowrap}
.profil{display:flex;flex-wrap:wrap;gap:1rem;align-items:flex-start}
"""


def _halaman(judul: str, isi: str) -> str:
    return (
        '<!DOCTYPE html>\n<html lang="id">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(judul)}</title>\n<style>{GAYA}</style>\n</head>\n<body>\n{isi}\n</body>\n</html>\n"
    )


def _sel(tag: str, html: str, kanan: bool = False) -> str:
    """One cell of already escaped ``html``; ``kanan`` right-aligns it (numbers)."""
    return f'<{tag} class="n">{html}</{tag}>' if kanan else f"<{tag}>{html}</{tag}>"


def _tabel(kepala: Sequence[str], baris: Sequence[Sequence[str]], kanan: Sequence[int] = ()) -> str:
    """A table of already formatted (unescaped) texts; columns in ``kanan`` are right-aligned."""

    head = "".join(_sel("th", escape(h), i in kanan) for i, h in enumerate(kepala))
    body = "".join(
        "<tr>" + "".join(_sel("td", escape(str(v)), i in kanan) for i, v in enumerate(row)) + "</tr>"
        for row in baris
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _p(text: str) -> str:
    return f"<p>{escape(text)}</p>"


@dataclass(frozen=True)
class Berkas:
    """The files of one unit, by role, as names in the unit's folder."""

    halaman: str
    laporan: str
    a4_pdf: str
    a4_png: str
    persegi_pdf: str
    persegi_png: str


def _nrr(d: dict[str, Any]) -> str:
    rows = []
    for u in d["unsur"]:
        width = f"{max(u['frac'], 0.01) * 14:.2f}rem" if u["ada"] else "0"
        mark = {"lemah": " ▼ terendah", "kuat": " ▲ tertinggi"}.get(u["peringkat"], "")
        bar = f'<span class="batang {u["peringkat"]}" style="width:{width}"></span>' if u["ada"] else "N/A"
        cells = [
            _sel("td", escape(u["kode"])),
            _sel("td", escape(u["nama"])),
            *(_sel("td", u[k], True) for k in ("jawaban", "nrr", "nrr_t", "nilai")),
            _sel("td", escape(u["mutu"])),
            _sel("td", f"{bar} {u['nrr']}{mark}"),
        ]
        rows.append("<tr>" + "".join(cells) + "</tr>")
    rows.append(
        f'<tr class="jumlah"><td colspan="4">Jumlah NRR tertimbang</td><td class="n">{d["jumlah_nrr_t"]}</td>'
        '<td colspan="3"></td></tr>'
    )
    rows.append(
        '<tr class="jumlah"><td colspan="4">IKM = jumlah NRR tertimbang × 25</td>'
        f'<td class="n">{d["ikm"]}</td><td></td><td>{escape(d["mutu"])}</td><td></td></tr>'
    )
    head = "".join(
        _sel("th", h, i in (2, 3, 4, 5))
        for i, h in enumerate(
            [
                "Kode",
                "Unsur pelayanan",
                "Jawaban",
                "NRR",
                "NRR tertimbang",
                "Nilai (NRR × 25)",
                "Mutu",
                "NRR (batang dari 1 sampai 4)",
            ]
        )
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"


def halaman_unit(d: dict[str, Any], berkas: Berkas, rencana_html: str) -> str:
    """The site page of one unit: the report's content, its figures and its downloads."""
    parts = [
        '<p class="kecil"><a href="index.html">← Semua unit layanan</a></p>',
        f'<p class="atas">{escape(d["pemda"])}</p>',
        f"<h1>Hasil Survei Kepuasan Masyarakat: {escape(d['unit'])}</h1>",
        f'<p class="kecil">Tahun {escape(d["tahun"])} · periode survei {escape(d["periode"])}</p>',
        '<div class="angka">'
        f"<div>IKM<b>{d['ikm']}</b></div>"
        f"<div>Mutu pelayanan<b>{escape(d['mutu'])}</b>{escape(d['kinerja'])}</div>"
        f"<div>Responden<b>{escape(d['responden'])}</b>sampel minimum {d['sampel_minimum']}</div>"
        f"<div>IKM {escape(d['wilayah'])}<b>{d['ikm_pemda']}</b>mutu {escape(d['mutu_pemda'])}</div>"
        "</div>",
    ]
    if d["sampel_kurang"]:
        parts.append(f'<p class="kecil">{escape(d["catatan_sampel"])}</p>')
    if not d["ikm_ada"]:
        parts.append(f'<p class="kecil">{escape(d["catatan_na"])}</p>')
    parts.append(
        '<p class="unduh">Unduh: '
        f'<a href="{berkas.laporan}">Laporan Hasil SKM (PDF)</a>'
        f'<a href="{berkas.a4_pdf}">Infografis A4 (PDF)</a>'
        f'<a href="{berkas.a4_png}">Infografis A4 (PNG)</a>'
        f'<a href="{berkas.persegi_png}">Infografis media sosial (PNG)</a>'
        f'<a href="{berkas.persegi_pdf}">(PDF)</a></p>'
    )
    k = d["kalimat"]
    parts += [
        "<h2>1. Pendahuluan</h2>",
        _p(k["pendahuluan"]),
        "<h3>Unit dan jenis layanan</h3>",
        _p(k["layanan"]),
        _tabel(
            ["No", "Jenis layanan", "Responden"],
            [(str(i), x["nama"], x["jumlah"]) for i, x in enumerate(d["layanan"], 1)],
            kanan=(0, 2),
        )
        if d["layanan"]
        else "",
        "<h2>2. Pelaksanaan survei</h2>",
        _p(k["metode"]),
        _p(k["sampel"]),
        _tabel(
            ["Uraian", "Jumlah"],
            [
                ("Populasi penerima layanan (N)", d["populasi"]),
                ("Sampel minimum (Krejcie–Morgan)", d["sampel_minimum"]),
                ("Responden", d["responden"]),
                ("Kecukupan sampel", d["kecukupan"]),
            ],
            kanan=(1,),
        ),
        "<h2>3. Profil responden</h2>",
    ]
    parts.append('<div class="profil">')
    for p in d["profil"]:
        parts.append(
            _tabel(
                [p["judul"], "Jumlah", "%"],
                [(x["nama"], x["jumlah"], x["persen"]) for x in p["kelompok"]],
                kanan=(1, 2),
            )
        )
    parts.append("</div>")
    parts += [
        "<h2>4. Hasil pengolahan data</h2>",
        "<h3>Nilai per unsur pelayanan</h3>",
        _nrr(d),
        '<p class="kecil">Batang bergaris: tiga unsur terendah (▼); batang gelap: tiga unsur tertinggi (▲); '
        "unsur yang nilainya sama dengan unsur ketiga ikut ditandai. NRR: nilai rata-rata jawaban (1–4).</p>",
        "<h3>Indeks Kepuasan Masyarakat</h3>",
        _p(k["hasil_ikm"]),
        _tabel(
            ["Mutu", "Kinerja", "Rentang IKM", ""],
            [
                (x["mutu"], x["kinerja"], x["rentang"], "▲ unit ini" if x["aktif"] else "")
                for x in d["kategori"]
            ],
        ),
        "<h2>5. Analisis</h2>",
        _p(k["analisis"]),
        "<h3>Perkembangan IKM</h3>",
        _p(k["tren"]),
        _tabel(
            ["Tahun", "IKM unit", "Mutu", f"IKM {d['wilayah']}", "Asal angka unit"],
            [(t["tahun"] + t["tanda"], t["ikm"], t["mutu"], t["pemda"], t["asal"]) for t in d["tren"]],
            kanan=(1, 3),
        ),
        "<h2>6. Rencana tindak lanjut</h2>",
        "" if d["rencana_terisi"] else f'<p class="penanda">[{escape(d["penanda"])}]</p>',
        rencana_html,
    ]
    if d["saran"] is not None:
        parts += [
            "<h2>7. Saran responden</h2>",
            _p(d["saran"]["kalimat"]),
            _tabel(
                ["No", "Saran", "Responden"],
                [(str(i), s["teks"], s["jumlah"]) for i, s in enumerate(d["saran"]["butir"], 1)],
                kanan=(0, 2),
            ),
        ]
    parts += [
        "<h2>Kesimpulan</h2>",
        "<ul>" + "".join(f"<li>{escape(x)}</li>" for x in d["kesimpulan"]) + "</ul>",
        "<h2>Infografis</h2>",
        f'<img class="infografis" src="{berkas.a4_png}" alt="Infografis SKM {escape(d["unit"])} '
        f"tahun {escape(d['tahun'])}: IKM {d['ikm']}, mutu {escape(d['mutu'])}, "
        f'{escape(d["responden"])} responden">',
        "<h2>Sumber dan cara hitung setiap angka</h2>",
        _tabel(
            ["Angka", "Nilai", "Sumber dan cara hitung"],
            [(a["angka"], a["nilai"], a["sumber"]) for a in d["asal"]],
            kanan=(1,),
        ),
        f'<p class="kecil">{escape(d["catatan_asal"])} {escape(d["kaki"])}</p>',
    ]
    return _halaman(f"Hasil SKM {d['unit']} Tahun {d['tahun']}", "\n".join(p for p in parts if p))


@dataclass(frozen=True)
class BarisIndeks:
    """One unit on the index page (texts formatted; ``berkas`` None when not published)."""

    no: int
    kode: str
    unit: str
    responden: str
    sampel_minimum: str
    kecukupan: str
    ikm: str
    mutu: str
    kinerja: str
    berkas: Berkas | None


def halaman_indeks(
    judul: str,
    pengantar: str,
    baris: Sequence[BarisIndeks],
    pemda: tuple[str, str, str, str],
    catatan: Sequence[str],
) -> str:
    """The index page: every unit of the year with its figures and links to its publications."""
    rows = []
    for b in baris:
        name = escape(b.unit)
        if b.berkas is not None:
            name = f'<a href="{b.berkas.halaman}">{name}</a>'
            links = (
                f'<a href="{b.berkas.laporan}">Laporan</a> · <a href="{b.berkas.a4_pdf}">Infografis A4</a> · '
                f'<a href="{b.berkas.persegi_png}">Media sosial</a>'
            )
        else:
            links = "belum diterbitkan"
        rows.append(
            f'<tr><td class="n">{b.no}</td><td>{escape(b.kode)}</td><td>{name}</td>'
            f'<td class="n">{escape(b.responden)}</td><td class="n">{escape(b.sampel_minimum)}</td>'
            f'<td>{escape(b.kecukupan)}</td><td class="n">{escape(b.ikm)}</td><td>{escape(b.mutu)}</td>'
            f"<td>{escape(b.kinerja)}</td><td>{links}</td></tr>"
        )
    nama, ikm, mutu, kinerja = pemda
    rows.append(
        f'<tr class="jumlah"><td></td><td></td><td>{escape(nama)}</td><td></td><td></td><td></td>'
        f'<td class="n">{escape(ikm)}</td><td>{escape(mutu)}</td><td>{escape(kinerja)}</td><td></td></tr>'
    )
    head = "".join(
        _sel("th", h, h in ("No", "Responden", "Sampel minimum", "IKM"))
        for h in [
            "No",
            "Kode",
            "Unit layanan",
            "Responden",
            "Sampel minimum",
            "Kecukupan",
            "IKM",
            "Mutu",
            "Kinerja",
            "Unduhan",
        ]
    )
    body = [
        f"<h1>{escape(judul)}</h1>",
        _p(pengantar),
        f'<table class="indeks"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>',
        *(f'<p class="kecil">{escape(c)}</p>' for c in catatan),
    ]
    return _halaman(judul, "\n".join(body))
