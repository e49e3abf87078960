"""A browsable preview of the report without Quarto: executed notebooks exported to ``_preview/``."""

from __future__ import annotations

import copy
import html
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import nbformat
import yaml
from nbconvert import HTMLExporter
from nbformat import NotebookNode

from lkjip.report.bagian import Penomoran

_CROSSREF = re.compile(r"@(fig-[A-Za-z0-9_-]+)")

_STYLE = """
body { font-family: "Segoe UI", Arial, sans-serif; max-width: 62rem; margin: 0 auto;
       padding: 1.5rem; color: #1f2933; line-height: 1.55; }
nav.lkjip { display: flex; justify-content: space-between; gap: 1rem; padding: .6rem 0;
            border-bottom: 1px solid #d0d7de; margin-bottom: 1rem; font-size: .95rem; }
nav.lkjip a { color: #0b5cad; text-decoration: none; }
img { max-width: 100%; height: auto; }
table { border-collapse: collapse; }
.jp-OutputArea-output, .output_html { overflow-x: auto; }
.banner { background: #fff4ce; border: 1px solid #e0c36b; padding: .6rem .9rem; border-radius: 4px; }
ol.bab li { margin: .35rem 0; }
"""


@dataclass(frozen=True)
class PreviewChapter:
    """One executed chapter: its title (first heading) and the notebook with outputs."""

    stem: str
    title: str
    notebook: NotebookNode


def chapter_title(nb: NotebookNode, fallback: str) -> str:
    """The first Markdown heading of the notebook (its first cell carries the chapter title)."""
    for cell in nb.cells:
        if cell.cell_type != "markdown":
            continue
        for line in cell.source.splitlines():
            if line.startswith("#"):
                return line.lstrip("#").split("{")[0].strip()
    return fallback


def _cell_options(source: str) -> dict:
    lines = [line[3:] for line in source.splitlines() if line.startswith("#| ")]
    try:
        options = yaml.safe_load("\n".join(lines)) if lines else {}
    except yaml.YAMLError:
        return {}
    return options if isinstance(options, dict) else {}


def _ran_empty(cell: NotebookNode) -> bool:
    """An executed cell that showed nothing (e.g. no organisation chart): no caption for it."""
    return cell.get("execution_count") is not None and not cell.get("outputs")


def resolve_crossrefs(
    chapters: Sequence[PreviewChapter], penomoran: Penomoran | None = None
) -> list[PreviewChapter]:
    """Do for the preview what the book does: number the figures and resolve ``@fig-``.

    With ``penomoran`` (the report's registry, :mod:`lkjip.report.bagian`) the numbers are
    the book's: a caption line "Gambar 0.1 Grafik Capaian Kinerja" under each labelled figure
    and "Gambar 0.1" for every ``@fig-capaian-kinerja``. Without it, figures are numbered in
    reading order ("Gambar 1. ..."). The notebooks passed in are not changed.
    """
    numbers: dict[str, int] = {}
    for chapter in chapters:
        for cell in chapter.notebook.cells:
            label = _cell_options(cell.source).get("label") if cell.cell_type == "code" else None
            if isinstance(label, str) and label.startswith("fig-"):
                numbers.setdefault(label, len(numbers) + 1)

    def name(match: re.Match) -> str:
        if penomoran is not None:
            return penomoran.rujukan(match.group(1))
        number = numbers.get(match.group(1))
        return f"Gambar {number}" if number else match.group(0)

    def caption_of(label: str, cap: str) -> str:
        if penomoran is not None:
            return penomoran.judul_gambar(label, cap)
        return f"Gambar {numbers[label]}. {cap}"

    resolved = []
    for chapter in chapters:
        nb = copy.deepcopy(chapter.notebook)
        cells = []
        for cell in nb.cells:
            if cell.cell_type == "markdown":
                cell.source = _CROSSREF.sub(name, cell.source)
            for output in cell.get("outputs", []):  # generated text cites figures too
                data = output.get("data", {})
                if "text/markdown" in data:
                    data["text/markdown"] = _CROSSREF.sub(name, data["text/markdown"])
            cells.append(cell)
            options = _cell_options(cell.source) if cell.cell_type == "code" else {}
            if options.get("label") in numbers and options.get("fig-cap") and not _ran_empty(cell):
                caption = f"*{html.escape(caption_of(options['label'], str(options['fig-cap'])))}*"
                # A fixed id (nbformat draws a random one) keeps the preview deterministic.
                cells.append(nbformat.v4.new_markdown_cell(caption, id=f"{cell.get('id', 'sel')}-keterangan"))
        nb.cells = cells
        resolved.append(PreviewChapter(chapter.stem, chapter.title, nb))
    return resolved


def _page(title: str, body: str, nav: str, akhir: str = "") -> str:
    return (
        '<!DOCTYPE html>\n<html lang="id">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{html.escape(title)}</title>\n<style>{_STYLE}</style>\n</head>\n<body>\n"
        f"{nav}\n<main>\n{body}\n</main>\n{nav}\n{akhir}</body>\n</html>\n"
    )


def _nav(chapters: Sequence[PreviewChapter], i: int | None) -> str:
    links = ['<a href="index.html">Daftar isi</a>']
    if i is not None and i > 0:
        prev = chapters[i - 1]
        links.insert(0, f'<a href="{prev.stem}.html">&larr; {html.escape(prev.title)}</a>')
    if i is not None and i + 1 < len(chapters):
        nxt = chapters[i + 1]
        links.append(f'<a href="{nxt.stem}.html">{html.escape(nxt.title)} &rarr;</a>')
    return '<nav class="lkjip">' + " ".join(links) + "</nav>"


def write_preview(
    chapters: Sequence[PreviewChapter],
    out_dir: Path,
    report_title: str,
    penomoran: Penomoran | None = None,
    akhir: str = "",
) -> Path:
    """Write one HTML page per chapter and an index linking them in order; return the index.

    The ``basic`` nbconvert template is used so that pages load nothing from the network
    (no MathJax or RequireJS from a CDN); figures are embedded in the notebooks' outputs
    and Markdown images are embedded as data URIs. ``akhir`` is HTML put at the end of every
    chapter page: the site's script that shows each figure's trail where it stands
    (``_extensions/lkjip/jejak.html``), as the book's site has it.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    chapters = resolve_crossrefs(chapters, penomoran)
    exporter = HTMLExporter(
        template_name="basic",
        exclude_input=True,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
        embed_images=True,
        exclude_anchor_links=True,
    )
    for i, chapter in enumerate(chapters):
        body, _ = exporter.from_notebook_node(chapter.notebook)
        page = _page(f"{chapter.title} — {report_title}", body, _nav(chapters, i), akhir)
        (out_dir / f"{chapter.stem}.html").write_text(page, encoding="utf-8")
    items = "\n".join(f'<li><a href="{c.stem}.html">{html.escape(c.title)}</a></li>' for c in chapters)
    body = (
        f"<h1>{html.escape(report_title)}</h1>\n"
        '<p class="banner">Pratinjau tanpa Quarto: isi dan angka sama dengan laporan terbitan; '
        "tata letak cetak (PDF/DOCX) dibuat dengan <code>quarto render</code>.</p>\n"
        f'<ol class="bab">\n{items}\n</ol>\n'
        "<p>Unduhan (lampiran tabel Excel, CSV dan Excel setiap tabel laporan, tabel olahan): folder "
        '<a href="../data/processed/publik/">data/processed/publik/</a>.</p>\n'
    )
    index = out_dir / "index.html"
    index.write_text(_page(report_title, body, ""), encoding="utf-8")
    return index
