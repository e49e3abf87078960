"""The SKM unit publications through ``python -m lkjip build`` with Quarto (``publikasi.skm_unit``).

The small office of :mod:`lkjip.synthetic.kantor_kecil` with the two-unit SKM export of
``test_skm_unit`` (figures worked out by hand there), a unit logo, and the option on: the build
writes the publications, Quarto copies their folder into the site, and the Lampiran links to it.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from bantuan import html_text, quarto_or_skip, run_cli_build
from test_skm_unit import _atur, _write_skm

from lkjip.core.config import load_config
from lkjip.publish.skm_unit import berkas_unit
from lkjip.report.konten_awal import write_konten_awal
from lkjip.synthetic.kantor_kecil import write_proyek

pytestmark = [pytest.mark.render, pytest.mark.slow]


@pytest.fixture(scope="module")
def situs(tmp_path_factory) -> Path:
    from PIL import Image, ImageDraw

    quarto = quarto_or_skip()
    root = write_proyek(tmp_path_factory.mktemp("render_skm_unit") / "proyek")
    shutil.rmtree(root / "konten")  # its own neutral prose, as python -m lkjip contoh-kantor writes it
    write_konten_awal(load_config(root / "laporan.yml"), root / "konten")
    _write_skm(root / "data" / "raw")
    logo = Image.new("RGB", (200, 240), "white")
    ImageDraw.Draw(logo).polygon([(10, 10), (190, 10), (190, 150), (100, 230), (10, 150)], fill=(0, 90, 160))
    (root / "konten" / "skm-unit").mkdir(parents=True)
    logo.save(root / "konten" / "skm-unit" / "A1.png")
    _atur(root, terbitkan=True, logo_unit={"A1": "konten/skm-unit/A1.png"})
    result = run_cli_build(root, quarto=quarto, timeout=3600)
    assert result.returncode == 0, (result.stdout + result.stderr)[-4000:]
    assert "publikasi SKM unit: 2 unit di" in result.stdout
    return root


def test_the_site_carries_every_unit_publication(situs):
    folder = situs / "_book" / "data" / "processed" / "publik" / "skm-unit" / "2025"
    for kode in ("A1", "B2"):
        files = berkas_unit(kode, 2025)
        for name in (files.halaman, files.laporan, files.a4_pdf, files.a4_png, files.persegi_pdf,
                     files.persegi_png):
            assert (folder / name).is_file(), name
    index = " ".join(html_text((folder / "index.html").read_text(encoding="utf-8")).split())
    assert "A1 Puskesmas Sumber Rejeki 4* 10 belum mencukupi 87,50 B Baik" in index


def test_the_lampiran_links_to_the_index(situs):
    page = next((situs / "_book" / "bab").glob("05-lampiran.html")).read_text(encoding="utf-8")
    assert 'href="../data/processed/publik/skm-unit/2025/index.html"' in page
    assert "(2 unit) mempunyai Laporan Hasil SKM" in " ".join(html_text(page).split())


@pytest.mark.skipif(shutil.which("pdfimages") is None, reason="pdfimages (poppler-utils) tidak terpasang")
def test_the_unit_logo_is_on_its_report_and_not_on_the_other(situs):
    folder = situs / "data" / "processed" / "publik" / "skm-unit" / "2025"

    def images(kode: str) -> int:
        listed = subprocess.run(
            ["pdfimages", "-list", str(folder / berkas_unit(kode, 2025).laporan)],
            capture_output=True, text=True, check=True,
        ).stdout.splitlines()
        return len(listed) - 2  # two header lines

    assert images("A1") >= 1 and images("B2") == 0
