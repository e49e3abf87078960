"""Damage corpus: the default exports, each damaged in ONE way, through the data step.

Every case copies ``data/raw`` into a temporary folder, applies one kind of damage with openpyxl
(or, for the 13.000-row SKM export, by editing its worksheet XML, which is what openpyxl would
write but in a fraction of the time), runs ``python -m lkjip data --strict`` in-process and checks:

- the exit code documented in the README (0 clean, 1 quarantine or warning under ``--strict``,
  2 structural);
- the message locates the damage: file, sheet, Excel row and column where there is one, and
  says what was found;
- no traceback;
- the key computed tables are unchanged when the damage is tolerable, and nothing is written
  when the input is rejected.

The expected outcomes were worked out from the layout of the default exports (row 6 of
``Responden`` is the first respondent, row 6 of ``SAKIP 2025`` the first perangkat daerah, ...),
not copied from the program's output.
"""

from __future__ import annotations

import contextlib
import csv
import html
import io
import re
import shutil
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from bantuan import ROOT

from lkjip.cli import main
from lkjip.katalog.store import read_table

RAW = ROOT / "data" / "raw"
SKM = "skm-responden-2025.xlsx"
#: Tables whose values the report prints; compared with the undamaged run.
KEY_TABLES = ("ikm_pemda", "ikm_unit", "sakip_ringkas", "kematangan_ringkas", "capaian", "anggaran_total")


# --------------------------------------------------------------------------- damaging helpers


def edit(raw: Path, berkas: str, change: Callable[[openpyxl.Workbook], None]) -> None:
    """Open ``raw/berkas`` with openpyxl, apply ``change``, save it back."""
    wb = openpyxl.load_workbook(raw / berkas)
    change(wb)
    wb.save(raw / berkas)


def set_cell(berkas: str, sheet: str, ref: str, value: object, data_type: str | None = None):
    def damage(raw: Path) -> None:
        def change(wb):
            cell = wb[sheet][ref]
            cell.value = value
            if data_type:
                cell.data_type = data_type

        edit(raw, berkas, change)

    return damage


def _sheet_part(zf: zipfile.ZipFile, sheet: str) -> str:
    workbook = zf.read("xl/workbook.xml").decode()
    rels = zf.read("xl/_rels/workbook.xml.rels").decode()
    rid = re.search(rf'<sheet name="{re.escape(sheet)}"[^>]*r:id="([^"]+)"', workbook).group(1)
    target = re.search(rf'Target="([^"]+)" Id="{rid}"', rels) or re.search(
        rf'Id="{rid}"[^>]*Target="([^"]+)"', rels
    )
    return target.group(1).lstrip("/")


def patch_xml(berkas: str, sheet: str, change: Callable[[bytes], bytes]):
    """Damage by rewriting one worksheet's XML (fast for the large SKM export)."""

    def damage(raw: Path) -> None:
        path = raw / berkas
        with zipfile.ZipFile(path) as zf:
            part = _sheet_part(zf, sheet)
            members = [(info, zf.read(info.filename)) for info in zf.infolist()]
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
            for info, data in members:
                out.writestr(info, change(data) if info.filename == part else data)

    return damage


def xml_cell(ref: str, inner: str, attrs: str = "") -> Callable[[bytes], bytes]:
    """Replace cell ``ref`` of a worksheet's XML by ``<c r=ref attrs>inner</c>``."""

    def change(data: bytes) -> bytes:
        pattern = rf'<c r="{ref}"(?: [^>]*)?(?:/>|>.*?</c>)'.encode()
        new = f'<c r="{ref}"{attrs}>{inner}</c>'.encode()
        out, count = re.subn(pattern, new, data, count=1)
        assert count == 1, ref
        return out

    return change


def xml_merge(ref: str) -> Callable[[bytes], bytes]:
    def change(data: bytes) -> bytes:
        if b"<mergeCells" in data:
            return data.replace(b"</mergeCells>", f'<mergeCell ref="{ref}"/></mergeCells>'.encode())
        return data.replace(
            b"</sheetData>",
            f'</sheetData><mergeCells count="1"><mergeCell ref="{ref}"/></mergeCells>'.encode(),
        )

    return change


def merge(berkas: str, sheet: str, ref: str):
    return lambda raw: edit(raw, berkas, lambda wb: wb[sheet].merge_cells(ref))


def replace_bytes(berkas: str, old: bytes, new: bytes):
    """Replace ``old`` by ``new`` in every part of a workbook (e.g. the year in a title)."""

    def damage(raw: Path) -> None:
        path = raw / berkas
        with zipfile.ZipFile(path) as zf:
            members = [(info, zf.read(info.filename)) for info in zf.infolist()]
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
            for info, data in members:
                out.writestr(info, data.replace(old, new))

    return damage


def drop_rows_from(first: int) -> Callable[[bytes], bytes]:
    """Remove every row from Excel row ``first`` on (an export cut after its header)."""

    def change(data: bytes) -> bytes:
        return re.sub(
            rb'<row r="(\d+)"[^>]*>.*?</row>',
            lambda m: b"" if int(m.group(1)) >= first else m.group(0),
            data,
            flags=re.DOTALL,
        )

    return change


def formatted_blank_rows(first: int, count: int, columns: str = "ABCDE") -> Callable[[bytes], bytes]:
    """Append ``count`` rows of styled, value-less cells (a fill drawn far below the data)."""

    def change(data: bytes) -> bytes:
        rows = "".join(
            f'<row r="{r}">' + "".join(f'<c r="{c}{r}" s="1"/>' for c in columns) + "</row>"
            for r in range(first, first + count)
        )
        return data.replace(b"</sheetData>", rows.encode() + b"</sheetData>")

    return change


def copy_as(berkas: str, other: str, then: Callable[[Path], None] | None = None):
    def damage(raw: Path) -> None:
        shutil.copy2(raw / berkas, raw / other)
        if then is not None:
            then(raw)

    return damage


def ods(raw: Path, berkas: str) -> None:
    with zipfile.ZipFile(raw / berkas, "w") as zf:
        zf.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        zf.writestr("content.xml", "<office:document-content/>")


OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504


def csv_holds(name: str, *fragments: str, absent: tuple[str, ...] = ()) -> Callable[[Path], None]:
    def check(out: Path) -> None:
        text = (out / f"{name}.csv").read_text(encoding="utf-8-sig")
        for fragment in fragments:
            assert fragment in text, fragment
        for fragment in absent:
            assert fragment not in text, fragment

    return check


def reviu_shows(*fragments: str) -> Callable[[Path], None]:
    """``python -m lkjip reviu --strict`` on the output: exit 1 and a line holding ``fragments``;
    the book's reviu section (Lampiran) lists the same located warning."""

    def check(out: Path) -> None:
        from lkjip.report.narasi import peringatan_markdown

        buffer = io.StringIO()
        with contextlib.redirect_stdout(buffer):
            code = main(["reviu", "--out-dir", str(out), "--strict"])
        text = buffer.getvalue()
        assert code == 1, text[-2000:]
        assert any(all(f in line for f in fragments) for line in text.splitlines()), text[-2000:]
        book = peringatan_markdown(out).splitlines()
        assert any(line.startswith("- ") and all(f in line for f in fragments) for line in book), book

    return check


# --------------------------------------------------------------------------- the corpus


@dataclass(frozen=True)
class Kasus:
    """One kind of damage and its expected outcome."""

    nama: str
    rusak: Callable[[Path], None]
    kode: int  # exit code of ``data --strict``
    pesan: tuple[str, ...]  # fragments the output must hold (file, sheet, row, column, reason)
    tetap: bool = False  # tolerable: the key tables equal the undamaged run's
    cepat: bool = False  # also in the quick subset (the others are marked slow: ~10 s each)
    sebelumnya: bool = False  # run the undamaged exports first into the same output folder
    cek: Callable[[Path], None] | None = None  # a further check on the output folder


CORPUS: list[Kasus] = [
    # --- SKM answers that calamine reads as blanks
    Kasus(
        "skm-galat-na",
        patch_xml(SKM, "Responden", xml_cell("L6", "<v>#N/A</v>", ' t="e"')),
        1,
        (SKM, "sheet 'Responden'", "baris 6", "L (U1)", "#N/A"),
        cepat=True,
    ),
    Kasus(
        "skm-galat-div0",
        patch_xml(SKM, "Responden", xml_cell("N7", "<v>#DIV/0!</v>", ' t="e"')),
        1,
        (SKM, "sheet 'Responden'", "baris 7", "N (U3)", "#DIV/0!"),
    ),
    Kasus(
        "skm-rumus-tanpa-nilai",
        patch_xml(SKM, "Responden", xml_cell("M8", "<f>SUM(A1:A2)</f><v></v>")),
        2,  # structural, as in every reader: the file was saved by a program that does not calculate
        (SKM, "sheet 'Responden'", "baris 8", "M (U2)", "rumus tanpa nilai tersimpan (=SUM(A1:A2))"),
    ),
    Kasus(
        "skm-unit-rumus-tanpa-nilai",
        patch_xml(SKM, "Unit", xml_cell("D5", "<f>100+1</f><v></v>")),
        2,
        (SKM, "sheet 'Unit'", "baris 5", "kolom D", "rumus tanpa nilai tersimpan (=100+1)"),
    ),
    Kasus(
        "skm-sel-gabungan",
        patch_xml(SKM, "Responden", xml_merge("O9:O10")),
        1,
        (SKM, "sheet 'Responden'", "baris 10", "O (U4)", "sel gabungan O9:O10"),
    ),
    Kasus(
        "skm-galat-di-kode-unit",
        patch_xml(SKM, "Responden", xml_cell("C11", "<v>#REF!</v>", ' t="e"')),
        1,
        (SKM, "baris 11", "C (Kode Unit)", "#REF!"),
    ),
    Kasus(
        "skm-jawaban-5",
        patch_xml(SKM, "Responden", xml_cell("P12", "<v>5</v>", ' t="n"')),
        1,
        (SKM, "baris 12", "P (U5)", "di luar rentang"),
    ),
    Kasus(
        "skm-jawaban-teks",
        patch_xml(SKM, "Responden", xml_cell("Q13", "<is><t>empat</t></is>", ' t="inlineStr"')),
        1,
        (SKM, "baris 13", "Q (U6)", "bukan angka"),
    ),
    Kasus(
        "skm-kode-huruf-kecil",
        patch_xml(SKM, "Responden", xml_cell("C6", "<is><t>ul-01</t></is>", ' t="inlineStr"')),
        1,
        ("peringatan", SKM, "baris 6", "C (Kode Unit)", "'ul-01'", "disatukan"),
        tetap=True,  # merged back into one unit: the report's figures are unchanged
    ),
    Kasus(
        "skm-kode-spasi-lebar-nol",
        patch_xml(SKM, "Responden", xml_cell("C7", "<is><t>UL-\u200b01</t></is>", ' t="inlineStr"')),
        1,
        ("peringatan", SKM, "baris 7", "C (Kode Unit)", "disatukan"),
        tetap=True,  # merged back into one unit: the report's figures are unchanged
    ),
    Kasus(
        "skm-kode-spasi-tak-putus",
        patch_xml(SKM, "Responden", xml_cell("C8", "<is><t>UL-\u00a001</t></is>", ' t="inlineStr"')),
        1,
        ("peringatan", SKM, "baris 8", "disatukan"),
        tetap=True,  # merged back into one unit: the report's figures are unchanged
    ),
    Kasus(
        "skm-kode-spasi-tak-putus-di-ujung",
        patch_xml(SKM, "Responden", xml_cell("C8", "<is><t>UL-01\u00a0</t></is>", ' t="inlineStr"')),
        0,
        (),
        tetap=True,
    ),
    Kasus(
        "skm-responden-tanpa-jawaban",
        patch_xml(
            SKM,
            "Responden",
            lambda data: re.sub(rb'<c r="[L-T]9"[^>]*?(?:/>|>.*?</c>)', b"", data),
        ),
        0,
        (SKM, "1 responden tanpa jawaban", "baris 9"),
    ),
    # --- evaluation workbooks (openpyxl readers)
    Kasus(
        "sakip-galat-na",
        set_cell("sakip.xlsx", "SAKIP 2025", "D8", "#N/A", "e"),
        1,
        ("sakip.xlsx", "sheet 'SAKIP 2025'", "baris 8", "#N/A"),
        cepat=True,
    ),
    Kasus(
        "sakip-rumus-tanpa-nilai",
        set_cell("sakip.xlsx", "SAKIP 2025", "D9", "=80+1"),
        2,
        ("sakip.xlsx", "sheet 'SAKIP 2025'", "baris 9", "kolom D", "rumus tanpa nilai tersimpan"),
    ),
    Kasus(
        "sakip-nilai-sel-gabungan",
        lambda raw: (
            set_cell("sakip.xlsx", "SAKIP 2025", "D54", None)(raw),
            merge("sakip.xlsx", "SAKIP 2025", "D10:D11")(raw),
        ),
        1,
        ("sakip.xlsx", "sheet 'SAKIP 2025'", "baris 11", "D (Nilai)", "sel gabungan"),
    ),
    Kasus(
        "kematangan-variabel-sel-gabungan",
        merge("kelembagaan.xlsx", "Kematangan 2025", "G12:G13"),
        1,
        ("kelembagaan.xlsx", "sheet 'Kematangan 2025'", "baris 13", "sel gabungan"),
    ),
    Kasus(
        "kelembagaan-galat-div0",
        set_cell("kelembagaan.xlsx", "Kematangan 2025", "E9", "#DIV/0!", "e"),
        1,
        ("kelembagaan.xlsx", "sheet 'Kematangan 2025'", "baris 9", "#DIV/0!"),
    ),
    Kasus(
        "pembanding-galat-na",
        set_cell("pembanding.xlsx", "Pembanding", "F9", "#N/A", "e"),
        1,
        ("pembanding.xlsx", "sheet 'Pembanding'", "baris 9", "#N/A"),
    ),
    Kasus(
        "riwayat-ikm-sel-gabungan",
        merge("skm-riwayat.xlsx", "IKM 2024", "E9:E10"),
        1,  # the merged range, as every reader names it, not "nilai IKM kosong"
        ("skm-riwayat.xlsx", "sheet 'IKM 2024'", "baris 10", "E (Nilai IKM)", "sel gabungan E9:E10"),
    ),
    Kasus(
        "riwayat-galat-na",
        set_cell("skm-riwayat.xlsx", "IKM 2024", "E9", "#N/A", "e"),
        1,
        ("skm-riwayat.xlsx", "sheet 'IKM 2024'", "baris 9", "#N/A"),
    ),
    Kasus(
        "skm-umur-galat",
        patch_xml(SKM, "Responden", xml_cell("H14", "<v>#VALUE!</v>", ' t="e"')),
        1,
        (SKM, "baris 14", "H (Umur)", "#VALUE!", "diharapkan umur"),
    ),
    Kasus(
        "skm-populasi-galat",
        patch_xml(SKM, "Unit", xml_cell("D6", "<v>#N/A</v>", ' t="e"')),
        1,
        (SKM, "sheet 'Unit'", "baris 6", "#N/A", "populasi"),
    ),
    Kasus(
        "pk-target-galat",
        set_cell("perjanjian-kinerja.xlsx", "PK 2021-2025", "P13", "#VALUE!", "e"),
        1,
        ("perjanjian-kinerja.xlsx", "sheet 'PK 2021-2025'", "baris 13", "#VALUE!"),
    ),
    Kasus(
        "pk-target-sel-gabungan",
        merge("perjanjian-kinerja.xlsx", "PK 2021-2025", "P12:P13"),
        1,
        ("perjanjian-kinerja.xlsx", "sheet 'PK 2021-2025'", "baris 13", "P (Target 2025)", "sel gabungan"),
    ),
    Kasus(
        "evaluasi-kelembagaan-galat",
        set_cell("kelembagaan.xlsx", "Evaluasi Kelembagaan", "F7", "#DIV/0!", "e"),
        1,
        ("kelembagaan.xlsx", "sheet 'Evaluasi Kelembagaan'", "baris 7", "#DIV/0!"),
    ),
    Kasus(
        "pembanding-rumus-tanpa-nilai",
        set_cell("pembanding.xlsx", "Pembanding", "F10", "=86+0.1"),
        2,
        ("pembanding.xlsx", "sheet 'Pembanding'", "baris 10", "rumus tanpa nilai tersimpan"),
    ),
    Kasus(
        "lra-realisasi-sel-gabungan",
        merge("realisasi-anggaran.xlsx", "LRA 2025", "D19:D20"),
        1,
        ("realisasi-anggaran.xlsx", "sheet 'LRA 2025'", "baris 20", "D (Realisasi Rp)", "sel gabungan"),
    ),
    Kasus(
        "lra-rumus-tanpa-nilai",
        set_cell("realisasi-anggaran.xlsx", "LRA 2025", "C17", "=SUM(C18:C22)"),
        2,
        (
            "realisasi-anggaran.xlsx",
            "sheet 'LRA 2025'",
            "baris 17",
            "rumus tanpa nilai tersimpan (=SUM(C18:C22))",
        ),
    ),
    # --- a missing score ("-"): kept as missing, never a crash, and said
    Kasus(
        "sakip-strip-tanpa-rata-rata",
        lambda raw: (
            set_cell("sakip.xlsx", "SAKIP 2025", "D8", "-")(raw),
            set_cell("sakip.xlsx", "SAKIP 2025", "D54", None)(raw),
        ),
        1,
        (
            "peringatan",
            "sakip.xlsx",
            "sheet 'SAKIP 2025'",
            "baris 8",
            "kolom D (Nilai)",
            "nilai SAKIP kosong",
        ),
    ),
    Kasus(
        "sakip-strip-rata-rata-tercetak",
        set_cell("sakip.xlsx", "SAKIP 2025", "D8", "-"),
        2,  # located at the "-", the cell to fix, naming the printed average that still counts it
        (
            "sakip.xlsx",
            "sheet 'SAKIP 2025'",
            "baris 8",
            "D (Nilai)",
            "nilai kosong",
            "rata-rata nilai tercetak 83,78",
            "(sel D54) di baris 54",
        ),
    ),
    Kasus(
        "kematangan-strip",
        set_cell("kelembagaan.xlsx", "Kematangan 2025", "E9", "-"),
        1,
        ("peringatan", "kelembagaan.xlsx", "sheet 'Kematangan 2025'", "baris 9", "kolom E (V2", "V02"),
    ),
    Kasus(
        "kematangan-galat-na",
        set_cell("kelembagaan.xlsx", "Kematangan 2024", "F10", "#N/A", "e"),
        1,
        ("kelembagaan.xlsx", "sheet 'Kematangan 2024'", "baris 10", "#N/A"),
    ),
    Kasus(
        "sakip-galat-di-rata-rata",
        set_cell("sakip.xlsx", "SAKIP 2023", "D54", "#N/A", "e"),
        1,
        ("peringatan", "sakip.xlsx", "sheet 'SAKIP 2023'", "baris 54", "#N/A", "tidak dapat diperiksa"),
    ),
    # --- implausible values: kept, with a located warning
    Kasus(
        "pk-persen-sebagai-pecahan",
        set_cell("perjanjian-kinerja.xlsx", "PK 2021-2025", "P12", 0.964),
        1,
        (
            "peringatan",
            "perjanjian-kinerja.xlsx",
            "sheet 'PK 2021-2025'",
            "baris 12",
            "kolom P (Target 2025)",
            "pecahan",
            "96,4",
        ),
        # and the reviu shows it, located the same way
        cek=reviu_shows(
            "perjanjian-kinerja.xlsx, sheet 'PK 2021-2025', baris 12, kolom P (Target 2025)", "pecahan"
        ),
    ),
    Kasus(
        "pk-capaian-di-luar-rentang",
        set_cell("perjanjian-kinerja.xlsx", "PK 2021-2025", "Q13", 500),
        1,
        (
            "peringatan",
            "perjanjian-kinerja.xlsx",
            "baris 13",
            "kolom P (Target 2025), Q (Realisasi 2025)",
            "capaian KL-2 tahun 2025",
            "di luar rentang",
        ),
    ),
    Kasus(
        "rekap-realisasi-di-atas-pagu",
        set_cell("realisasi-anggaran.xlsx", "Rekap 2021-2024", "D9", 900_000_000),
        1,
        (
            "peringatan",
            "realisasi-anggaran.xlsx",
            "sheet 'Rekap 2021-2024'",
            "baris 9",
            "kolom D (Realisasi",
            "melebihi pagu",
        ),
    ),
    Kasus(
        "lra-galat-di-rincian-dan-subtotal",
        lambda raw: edit(
            raw,
            "realisasi-anggaran.xlsx",
            lambda wb: [
                setattr(wb["LRA 2025"][ref], "value", "#N/A")
                for ref in ("C19", "C14", "C15", "C16", "C17", "C23")
            ],
        ),
        1,
        ("realisasi-anggaran.xlsx", "sheet 'LRA 2025'", "baris 19", "#N/A"),
    ),
    # --- keys spelled two ways in the evaluation and recap workbooks
    Kasus(
        "sakip-kode-pd-huruf-kecil",
        set_cell("sakip.xlsx", "SAKIP 2024", "B6", "pd-01"),
        1,
        ("peringatan", "sakip.xlsx", "sheet 'SAKIP 2024'", "baris 6", "'pd-01'", "'PD-01'", "disatukan"),
        tetap=True,  # merged back into one unit: the report's figures are unchanged
    ),
    Kasus(
        "sakip-kode-pd-spasi-lebar-nol",
        set_cell("sakip.xlsx", "SAKIP 2025", "B7", "PD-02\u200b"),
        1,
        ("peringatan", "sakip.xlsx", "sheet 'SAKIP 2025'", "baris 7", "'PD-02'", "disatukan"),
        tetap=True,  # merged back into one unit: the report's figures are unchanged
    ),
    Kasus(
        "riwayat-kode-unit-huruf-kecil",
        set_cell("skm-riwayat.xlsx", "IKM 2024", "B9", "ul-05"),
        1,
        ("peringatan", "skm-riwayat.xlsx", "sheet 'IKM 2024'", "baris 9", "'ul-05'", "'UL-05'"),
        tetap=True,  # merged back into one unit: the report's figures are unchanged
    ),
    # --- whole-file damage
    Kasus(
        "berkas-kosong",
        lambda raw: (raw / "sakip.xlsx").write_bytes(b""),
        2,
        ("sakip.xlsx", "kosong"),
        cepat=True,
    ),
    Kasus(
        "csv-berganti-nama",
        lambda raw: (raw / "pembanding.xlsx").write_text("No;Tahun\n1;2025\n", encoding="utf-8"),
        2,
        ("pembanding.xlsx", "bukan workbook"),
    ),
    Kasus(
        "sheet-tahun-laporan-hilang",
        lambda raw: edit(raw, "sakip.xlsx", lambda wb: wb.remove(wb["SAKIP 2025"])),
        2,
        ("sakip.xlsx", "SAKIP 2025", "tidak ada"),
    ),
    Kasus(
        "kolom-wajib-hilang",
        set_cell("sakip.xlsx", "SAKIP 2025", "D5", "Skor Akhir"),
        2,
        ("sakip.xlsx", "sheet 'SAKIP 2025'", "baris 5", "Nilai"),
    ),
    Kasus(
        "berkas-sumber-hilang",
        lambda raw: (raw / "kelembagaan.xlsx").unlink(),
        2,
        ("kelembagaan", "tidak ditemukan"),
    ),
    Kasus(
        "berkas-terpotong",
        lambda raw: (raw / "sakip.xlsx").write_bytes((raw / "sakip.xlsx").read_bytes()[:5000]),
        2,
        ("sakip.xlsx", "terpotong"),
    ),
    Kasus(
        "berkas-ods", lambda raw: ods(raw, "pembanding.xlsx"), 2, ("pembanding.xlsx", "OpenDocument (.ods")
    ),
    Kasus(
        "berkas-xls-lama",
        lambda raw: (raw / "kelembagaan.xlsx").write_bytes(OLE),
        2,
        ("kelembagaan.xlsx", "format Excel lama (.xls)"),
    ),
    Kasus(
        "berkas-berkata-sandi",
        lambda raw: (raw / "realisasi-anggaran.xlsx").write_bytes(
            OLE + "EncryptedPackage".encode("utf-16-le")
        ),
        2,
        ("realisasi-anggaran.xlsx", "berkata sandi"),
    ),
    Kasus(
        "sheet-xml-rusak",
        patch_xml("sakip.xlsx", "SAKIP 2023", lambda data: data[: len(data) // 2]),
        2,
        ("sakip.xlsx", "sheet 'SAKIP 2023'", "sheet rusak"),
    ),
    Kasus(
        "skm-sheet-xml-rusak",
        patch_xml(SKM, "Responden", lambda data: data[: len(data) // 2]),
        2,
        (SKM, "sheet 'Responden'", "rusak"),
    ),
    # --- structural and warning messages of whole sheets and files
    Kasus(
        "skm-sheet-responden-kosong",
        patch_xml(SKM, "Responden", drop_rows_from(6)),
        2,
        (SKM, "sheet 'Responden'", "baris 5", "tidak berisi satu responden pun"),
    ),
    Kasus(
        "skm-berkas-sama-dua-kali",
        copy_as(SKM, "skm-responden-2025-salinan.xlsx"),
        2,
        ("skm-responden-2025", "sheet 'Responden'", "berkas yang sama tersimpan dua kali"),
    ),
    Kasus(
        "skm-berkas-tahun-yang-sudah-direkap",
        copy_as(
            SKM,
            "skm-responden-2024.xlsx",
            replace_bytes("skm-responden-2024.xlsx", b"TAHUN 2025", b"TAHUN 2024"),
        ),
        2,  # the report could not be right: the office's reported IKM 2024 would be replaced
        (
            "skm-responden-2024.xlsx",
            "sheet 'Responden'",
            "IKM 2024 sudah dilaporkan di rekap skm-riwayat.xlsx sheet 'IKM 2024'",
            "menggantikan",
        ),
    ),
    Kasus(
        "sakip-sheet-tahun-lalu-dihapus",
        lambda raw: edit(raw, "sakip.xlsx", lambda wb: wb.remove(wb["SAKIP 2023"])),
        1,
        ("peringatan", "sakip.xlsx", "nilai SAKIP tahun 2023"),
    ),
    Kasus(
        "riwayat-sheet-tahun-pertama-dihapus",
        lambda raw: edit(raw, "skm-riwayat.xlsx", lambda wb: wb.remove(wb["IKM 2023"])),
        1,
        ("peringatan", "skm-riwayat.xlsx", "sheet 'IKM 2023'", "proses sebelumnya"),
        sebelumnya=True,
    ),
    Kasus(
        "sakip-dua-sheet-satu-tahun",
        lambda raw: edit(
            raw, "sakip.xlsx", lambda wb: setattr(wb.copy_worksheet(wb["SAKIP 2024"]), "title", "2024")
        ),
        2,
        ("sakip.xlsx", "sheet '2024'", "dua sheet untuk tahun 2024", "'SAKIP 2024'"),
    ),
    Kasus(
        "riwayat-dua-sheet-satu-tahun",
        lambda raw: edit(
            raw,
            "skm-riwayat.xlsx",
            lambda wb: setattr(wb.copy_worksheet(wb["IKM 2024"]), "title", "Rekap 2024"),
        ),
        2,
        ("skm-riwayat.xlsx", "sheet 'Rekap 2024'", "dua sheet untuk tahun 2024: 'IKM 2024' dan 'Rekap 2024'"),
    ),
    # --- tolerable
    Kasus(
        "nama-unit-berupa-rumus",
        patch_xml(
            SKM,
            "Unit",
            xml_cell("C5", '<is><t>=HYPERLINK("http://contoh.invalid","Dinas")</t></is>', ' t="inlineStr"'),
        ),
        0,
        (),
        cek=csv_holds("ikm_unit", "\"'=HYPERLINK(", absent=(',"=HYPERLINK(',)),
    ),
    Kasus(
        "nama-pd-berupa-perintah-dde",
        set_cell("sakip.xlsx", "SAKIP 2025", "C9", "=cmd|' /C calc'!A1", "s"),
        0,
        (),
        cek=csv_holds("sakip_pd", "'=cmd|", absent=(",=cmd|",)),
    ),
    Kasus(
        "sakip-100-ribu-baris-kosong-berformat",
        patch_xml("sakip.xlsx", "SAKIP 2025", formatted_blank_rows(63, 100_000)),
        0,
        ("sakip.xlsx [SAKIP 2025]: dibaca 62 = disimpan 48",),
        tetap=True,
    ),
    Kasus(
        "sheet-keterangan-dihapus",
        lambda raw: edit(raw, "sakip.xlsx", lambda wb: wb.remove(wb["Keterangan"])),
        0,
        (),
        tetap=True,
        cepat=True,
    ),
    Kasus(
        "na-diketik-sebagai-teks-di-catatan",
        set_cell("pembanding.xlsx", "Pembanding", "G9", "#N/A", "s"),
        0,
        (),
        tetap=True,
    ),
]


# --------------------------------------------------------------------------- running


def run_data(raw: Path, out: Path) -> tuple[int, str]:
    """``python -m lkjip data --strict --force`` in this process: exit code and all output."""
    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer), contextlib.redirect_stderr(buffer):
        code = main(
            [
                "data",
                "--raw-dir",
                str(raw),
                "--out-dir",
                str(out),
                "--config",
                str(ROOT / "laporan.yml"),
                "--strict",
                "--force",
            ]
        )
    return code, buffer.getvalue()


@pytest.fixture(scope="module")
def baseline(tmp_path_factory) -> dict[str, pd.DataFrame]:
    out = tmp_path_factory.mktemp("asli")
    code, text = run_data(RAW, out)
    assert code == 0, text
    return {name: read_table(name, out) for name in KEY_TABLES}


def _comparable(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.reset_index(drop=True)


def _params():
    return [pytest.param(k, id=k.nama, marks=() if k.cepat else pytest.mark.slow) for k in CORPUS]


@pytest.mark.parametrize("kasus", _params())
def test_damage_is_located_with_the_documented_exit_code(kasus: Kasus, tmp_path, baseline):
    raw = tmp_path / "raw"
    shutil.copytree(RAW, raw)
    kasus.rusak(raw)
    out = tmp_path / "olahan"
    if kasus.sebelumnya:
        assert run_data(RAW, out)[0] == 0
    code, text = run_data(raw, out)
    assert "Traceback" not in text
    assert code == kasus.kode, text[-3000:]
    lines = [line for line in text.splitlines() if all(f in line for f in kasus.pesan)]
    assert lines, f"no line holds {kasus.pesan}:\n{text[-3000:]}"
    if kasus.kode == 2 and not kasus.sebelumnya:
        assert not (out / "manifest.json").exists(), "a rejected input must write nothing"
    if kasus.cek is not None:
        kasus.cek(out)
    if kasus.tetap:
        for name, expected in baseline.items():
            pd.testing.assert_frame_equal(_comparable(read_table(name, out)), _comparable(expected))


def test_the_corpus_has_one_case_per_name():
    names = [k.nama for k in CORPUS]
    assert len(names) == len(set(names))


# --------------------------------------------------------------------------- formula-like names, published

LINK = '=HYPERLINK("http://contoh.invalid","Dinas")'
DDE = "=cmd|' /C calc'!A1"
LINK_KAB = '=HYPERLINK("http://contoh.invalid","Kabupaten")'


def _rename_sakip_comparison(raw: Path, tahun: int, induk: str, new: str) -> str:
    """Rename, in every row, the first entity compared with ``induk`` on SAKIP in ``tahun``."""
    wb = openpyxl.load_workbook(raw / "pembanding.xlsx")
    ws = wb["Pembanding"]
    rows = list(ws.iter_rows(min_row=5))
    old = next(
        r[4].value for r in rows if r[2].value == "sakip_opd" and r[1].value == tahun and r[4].value != induk
    )
    for row in rows:
        if row[4].value == old:
            row[4].value = new
            row[4].data_type = "s"
    wb.save(raw / "pembanding.xlsx")
    return old


def _csv_cells(path: Path) -> list[str]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return [cell for row in csv.reader(fh) for cell in row]


def _html_texts(page: str) -> list[str]:
    """The text nodes of an HTML page (styles and scripts left out), unescaped."""
    body = re.sub(r"<(style|script)\b.*?</\1>", "", page, flags=re.S)
    return [html.unescape(t).strip() for t in re.findall(r">([^<]+)<", body) if t.strip()]


@pytest.mark.slow  # the data step and every report table (~15 s)
def test_formula_like_names_are_neutralised_in_every_published_text(tmp_path):
    from lkjip.core.config import load_config
    from lkjip.core.paths import copy_project
    from lkjip.core.teks import is_formula_like
    from lkjip.publish.annex import write_csv_tabel
    from lkjip.report import bagian
    from lkjip.report.laporan import Laporan

    project = copy_project(tmp_path / "proyek")
    raw, out = project / "data" / "raw", project / "data" / "processed"
    config = load_config(project / "laporan.yml")
    link_xml = html.escape(LINK, quote=True)
    patch_xml(SKM, "Unit", xml_cell("C5", f"<is><t>{link_xml}</t></is>", ' t="inlineStr"'))(raw)
    set_cell("sakip.xlsx", "SAKIP 2025", "C9", DDE, "s")(raw)
    _rename_sakip_comparison(raw, config.tahun, config.instansi.induk, LINK_KAB)
    code, text = run_data(raw, out)
    assert code == 0, text[-3000:]

    # CSV: the processed tables and every report table's download; no cell a spreadsheet runs.
    tabel = bagian.semua_tabel(lambda nama: read_table(nama, out), config)
    downloads = write_csv_tabel(tabel, tmp_path / "publik")
    csvs = {p.name: _csv_cells(p) for p in [*out.glob("*.csv"), *downloads]}
    assert not [(name, c) for name, cells in csvs.items() for c in cells if is_formula_like(c)]
    assert f"'{LINK}" in csvs["ikm_unit.csv"] and f"'{DDE}" in csvs["sakip_pd.csv"]
    nomor = {t.nomor: f"tabel-{t.nomor}.csv" for t in tabel}
    assert f"'{LINK}" in csvs[nomor["L.1"]] and f"'{DDE}" in csvs[nomor["L.3"]]

    # HTML: every report table as great_tables renders it for the book.
    texts = [t for tabel_ in tabel for t in _html_texts(tabel_.gt().as_raw_html())]
    assert not [t for t in texts if is_formula_like(t)]
    assert f"'{LINK}" in texts and f"'{DDE}" in texts

    # Markdown: the generated sentence that names the comparison entities.
    kalimat = Laporan.load(root=project).kalimat_sakip().data
    assert f"'{LINK_KAB}" in kalimat
    assert f" {LINK_KAB}" not in kalimat
