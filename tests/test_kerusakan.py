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
from conftest import ROOT

from lkjip.cli import main
from lkjip.ingest.store import read_table

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
        1,
        (SKM, "sheet 'Responden'", "baris 8", "M (U2)", "rumus tanpa nilai tersimpan"),
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
        "riwayat-galat-na",
        set_cell("skm-riwayat.xlsx", "IKM 2024", "E9", "#N/A", "e"),
        1,
        ("skm-riwayat.xlsx", "sheet 'IKM 2024'", "baris 9", "#N/A"),
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
    # --- tolerable
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
    code, text = run_data(raw, out)
    assert "Traceback" not in text
    assert code == kasus.kode, text[-3000:]
    lines = [line for line in text.splitlines() if all(f in line for f in kasus.pesan)]
    assert lines, f"no line holds {kasus.pesan}:\n{text[-3000:]}"
    if kasus.kode == 2:
        assert not (out / "manifest.json").exists(), "a rejected input must write nothing"
    if kasus.tetap:
        for name, expected in baseline.items():
            pd.testing.assert_frame_equal(_comparable(read_table(name, out)), _comparable(expected))


def test_the_corpus_has_one_case_per_name():
    names = [k.nama for k in CORPUS]
    assert len(names) == len(set(names))
