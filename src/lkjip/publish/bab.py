"""The book's chapters, executed once per render and shared by the three formats.

Quarto executes an ``.ipynb`` chapter once per output format (HTML, DOCX, PDF: three times) and
writes the outputs back into the notebook. Instead, Quarto's pre-render step runs
``python -m lkjip.publish.bab``: every notebook of ``notebooks/`` is executed once (nbclient,
as :mod:`lkjip.publish.notebooks` does) and its outputs are written as Markdown to ``_bab/``.
The book's chapters are the small committed pages in ``bab/``: a title and a ``.bab`` div that
the Lua filter ``_extensions/lkjip/filters/bab.lua`` replaces with that Markdown in every format.

A chapter is executed again only when something it depends on changed: the notebook, the
processed tables (the data step rewrites them when the exports change), ``laporan.yml``,
``konten/`` or the package's code. The key of each chapter is stored beside its Markdown, so
new exports never publish stale numbers.
"""

from __future__ import annotations

import base64
import hashlib
import html
import re
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import nbformat
import yaml

from lkjip.core.config import Config, load_config
from lkjip.core.paths import paths
from lkjip.publish.buku import (
    DAFTAR,
    GENERATED,
    PAGES,
    PUBLIK,
    TANPA_NOTEBOOK,
    nomor_judul,
    penanda,
    penanda_buku,
)
from lkjip.report.bagian import jangkar, nama_unduhan
from lkjip.report.halaman import SEL, cetak_tabel, margin_cm, terapkan, ukuran_tabel

#: Metadata Quarto merges into ``_quarto.yml`` (``metadata-files``), written from laporan.yml.
METADATA = "_laporan.yml"
#: The DOCX reference document (styles, A4, page numbers), made by :mod:`lkjip.publish.dokumen`.
REFERENSI = "referensi.docx"
#: Images of the executed chapters, relative to the project root.
IMAGES = Path("figures") / "bab"

_OPTION = re.compile(r"^#\|\s*([\w-]+):\s*(.*)$")
_HEADING = re.compile(r"^# (.+?)\s*(\{[^}]*\})?\s*$")


class BabGagal(RuntimeError):
    """A chapter's notebook failed; the message names the notebook, the failing cell (its number
    and first line) and the error, e.g. ``notebooks/03-akuntabilitas-kinerja.ipynb: sel 7
    ('lap.tabel("III.9")') gagal: KeyError: ...``."""


@dataclass(frozen=True)
class Bab:
    """One chapter: the notebook that computes it and the page Quarto renders."""

    notebook: Path
    halaman: Path
    markdown: Path

    @property
    def kunci_path(self) -> Path:
        return self.markdown.with_suffix(".kunci")


def daftar_bab(root: Path | None = None) -> list[Bab]:
    """The chapters in ``_quarto.yml`` order: each page ``bab/<nama>.qmd`` and its notebook.

    Raises
    ------
    FileNotFoundError
        When a chapter page has no notebook ``notebooks/<nama>.ipynb``.
    """
    project = paths(root)
    quarto = yaml.safe_load((project.root / "_quarto.yml").read_text(encoding="utf-8"))
    book = quarto["book"]
    out = []
    for chapter in [*book["chapters"], *book.get("appendices", [])]:
        page = project.root / chapter
        if page.parent.name != PAGES or page.suffix != ".qmd" or page.stem in TANPA_NOTEBOOK:
            continue
        notebook = project.notebooks / f"{page.stem}.ipynb"
        if not notebook.exists():
            raise FileNotFoundError(f"_quarto.yml: bab {chapter} tidak punya notebook {notebook}")
        out.append(Bab(notebook, page, project.root / GENERATED / f"{page.stem}.md"))
    return out


def _images_exist(markdown: Path, root: Path) -> bool:
    """Whether every image the chapter's Markdown shows is still in ``figures/bab/``."""
    names = re.findall(
        rf"\]\(\.\./{re.escape(IMAGES.as_posix())}/([^)]+)\)", markdown.read_text(encoding="utf-8")
    )
    return all((root / IMAGES / name).is_file() for name in names)


def executed_notebook(root: Path, notebook: Path) -> Path:
    """Where the executed copy of ``notebook`` is kept (``_bab/<nama>.ipynb``)."""
    return paths(root).root / GENERATED / notebook.name


def _digest_files(h: hashlib._Hash, files: Iterable[Path], base: Path) -> None:
    for f in sorted(files):
        if f.is_file():
            h.update(str(f.relative_to(base)).encode())
            h.update(hashlib.sha256(f.read_bytes()).digest())


def kunci_masukan(root: Path | None = None, config: Config | None = None) -> str:
    """SHA-256 of everything a chapter's output depends on, besides its notebook.

    The processed tables (not the downloads folder ``publik/`` made from them), the
    configuration (``config``, the one the build hands down, or ``laporan.yml``'s), ``konten/``
    and the source of the ``lkjip`` package.
    """
    project = paths(root)
    config = config if config is not None else load_config(project.config)
    h = hashlib.sha256(config.model_dump_json().encode())
    _digest_files(h, project.konten.rglob("*"), project.root)
    # publik/ is the downloads folder written from these tables (its annex carries a time).
    tables = [
        f for f in project.processed.rglob("*") if "publik" not in f.relative_to(project.processed).parts
    ]
    _digest_files(h, tables, project.root)
    package = Path(__file__).resolve().parents[1]
    _digest_files(h, package.rglob("*.py"), package)
    return h.hexdigest()


def _options(source: str) -> dict[str, str]:
    out = {}
    for line in source.splitlines():
        m = _OPTION.match(line)
        if not m:
            break
        value = m.group(2).strip()
        out[m.group(1)] = yaml.safe_load(value) if value else ""
    return out


def _attr(value: str) -> str:
    return value.replace("\\", "\\\\").replace('"', '\\"')


Penomor = Callable[[str, str], str]

#: Cell tag: the cell (text or output) belongs to the site only, not to the PDF and DOCX
#: (e.g. the links to the downloadable CSV tables).
SITUS = "hanya-situs"
#: Cell tag: material for analysts (the Log Data): on the site, and in the PDF and DOCX only
#: with ``publikasi.bahan_analis_dicetak`` (the filter bab.lua leaves the div out otherwise).
ANALIS = "bahan-analis"


def _only_site(text: str) -> str:
    return f'::: {{.content-visible when-format="html"}}\n\n{text}\n\n:::'


def _for_analysts(text: str) -> str:
    return f"::: {{.{ANALIS}}}\n\n{text}\n\n:::"


def _jangkar_situs(html_id: str) -> str:
    """An anchor on the site (the lists, the downloads page and the search link to it)."""
    return f'```{{=html}}\n<div id="{html_id}" class="lkjip-jangkar"></div>\n```'


def _unduh_tabel(nomor: str) -> str:
    """The site's download links under a report table: its CSV and its Excel workbook."""
    csv, xlsx = (f"{PUBLIK}/{nama_unduhan(nomor, akhiran)}" for akhiran in ("csv", "xlsx"))
    links = f"Unduh Tabel {nomor}: [CSV]({csv}) · [Excel]({xlsx})"
    return _only_site(f"::: {{.lkjip-unduh}}\n{links}\n:::")


_GT_TITLE = re.compile(r'class="gt_heading gt_title[^"]*"[^>]*>(.*?)</t[dh]>', re.DOTALL)
def _typst(code: str) -> str:
    return f"```{{=typst}}\n{code}\n```"


def _tabel_cetak(table_html: str, ukuran_isi: float) -> str:
    """An HTML output in the chapter's Markdown; a table with its printed size, widths, page.

    The PDF's part is done here: the table's type size in a Typst scope around it, and a table
    too wide for a portrait page on a landscape page of its own with the binding margin at the
    top, as in the DOCX.
    """
    if "<table" not in table_html:
        return "```{=html}\n" + table_html + "\n```"
    cetak = cetak_tabel(table_html, ukuran_isi)
    block = "```{=html}\n" + terapkan(table_html, cetak) + "\n```"
    block = f"{_typst(f'#[#show table: set text(size: {cetak.ukuran:g}pt)')}\n\n{block}\n\n{_typst(']')}"
    if cetak.lanskap:
        m = margin_cm()
        page = (
            f"#page(flipped: true, margin: (top: {m['left']}, right: {m['top']}, "
            f"bottom: {m['right']}, left: {m['bottom']}))["
        )
        block = f"{_typst(page)}\n\n{block}\n\n{_typst(']')}"
    return block


def daftar_isi(markdowns: Iterable[Path]) -> dict[str, list[str]]:
    """The captions of the book's tables and figures, in order, from the chapters' Markdown.

    Examples
    --------
    >>> import tempfile
    >>> f = Path(tempfile.mkdtemp()) / "x.md"
    >>> text = penanda("tabel", 'Tabel II.4 Anggaran "A"') + "\\n\\n" + penanda("gambar", "Gambar 0.1 G")
    >>> _ = f.write_text(text)
    >>> daftar_isi([f])
    {'tabel': ['Tabel II.4 Anggaran "A"'], 'gambar': ['Gambar 0.1 G']}
    """
    out: dict[str, list[str]] = {"tabel": [], "gambar": []}
    for mark in penanda_buku(markdowns):
        out[mark.jenis].append(mark.lengkap)
    return out


def _polos(label: str, caption: str) -> str:
    return caption


def notebook_markdown(
    nb: nbformat.NotebookNode,
    nama: str,
    root: Path,
    *,
    judul_gambar: Penomor = _polos,
    rujukan: Callable[[str], str] | None = None,
    ukuran_isi: float = 11.0,
) -> str:
    """The Markdown of an executed notebook: its text cells and the outputs of its code cells.

    The first ``#`` heading is left out (the chapter page carries it). Cells tagged
    ``hanya-situs`` are shown on the site only. Images are written to
    ``figures/bab/`` and linked relative to the chapter page. ``judul_gambar(label, caption)``
    gives a figure's printed caption; ``rujukan(label)`` what ``@label`` in the text becomes.
    Every table gets its printed type size, column widths and orientation from
    :func:`lkjip.report.halaman.cetak_tabel` for body text of ``ukuran_isi`` pt: one rule for
    the PDF (applied here, in Typst) and the DOCX (applied by the filter halaman.lua).

    Raises
    ------
    ValueError
        When a cell produced an error or an output no format can show.
    """
    images = root / IMAGES
    images.mkdir(parents=True, exist_ok=True)
    parts: list[str] = []
    seen_title = False

    def _rujuk(text: str) -> str:
        if rujukan is None:
            return text
        return re.sub(r"(?<![\w@])@((?:fig|tbl)-[\w-]+)", lambda m: rujukan(m.group(1)), text)

    for index, cell in enumerate(nb.cells):
        tags = cell.get("metadata", {}).get("tags", [])
        if cell.cell_type == "markdown":
            text = cell.source
            if not seen_title and _HEADING.match(text.splitlines()[0] if text else ""):
                seen_title = True
                text = "\n".join(text.splitlines()[1:]).strip()
            text = _rujuk(text)
            if text and SITUS in tags:
                text = _only_site(text)
            if text and ANALIS in tags:
                text = _for_analysts(text)
            if text:
                parts.append(text)
            continue
        if cell.cell_type != "code":
            continue
        options = _options(cell.source)
        before = len(parts)
        site_only = SITUS in cell.get("metadata", {}).get("tags", [])
        for n, output in enumerate(cell.get("outputs", [])):
            kind = output.get("output_type")
            if kind == "error":
                raise ValueError(
                    f"{nama}: sel {index + 1} gagal: {output.get('ename')}: {output.get('evalue')}"
                )
            if kind == "stream":
                if output.get("name") == "stderr" and output.get("text", "").strip():
                    print(f"{nama}: sel {index + 1}: {output['text'].strip()}", file=sys.stderr)
                continue
            data = output.get("data", {})
            if "text/markdown" in data:  # generated text may cite figures too (Laporan.bila)
                parts.append(_rujuk(data["text/markdown"].strip()))
            elif "image/png" in data:
                label = str(options.get("label") or f"{nama}-{index + 1}-{n + 1}")
                target = images / f"{label}.png"
                target.write_bytes(base64.b64decode(data["image/png"]))
                caption = judul_gambar(label, str(options.get("fig-cap", "")))
                alt = str(options.get("fig-alt") or caption)
                if caption.startswith("Gambar "):
                    parts.append(penanda("gambar", caption))
                    parts.append(_jangkar_situs(jangkar(nomor_judul(caption), "gambar")))
                parts.append(f'![{caption}](../{IMAGES.as_posix()}/{target.name}){{fig-alt="{_attr(alt)}"}}')
            elif "text/html" in data:
                title = _GT_TITLE.search(data["text/html"])
                judul = html.unescape(title.group(1)).strip() if title else ""
                numbered = judul.startswith("Tabel ")  # numbered tables only (not the Log Data's)
                if numbered:
                    parts.append(penanda("tabel", judul))
                parts.append(_tabel_cetak(data["text/html"].strip(), ukuran_isi))
                if numbered:
                    parts.append(_unduh_tabel(nomor_judul(judul)))
            elif set(data) <= {"text/plain"}:
                continue  # a bare repr (e.g. of None): nothing to publish
            else:
                raise ValueError(
                    f"{nama}: sel {index + 1}: keluaran tidak dapat ditampilkan ({sorted(data)})"
                )
        if site_only and len(parts) > before:
            parts[before:] = [_only_site("\n\n".join(parts[before:]))]
        if ANALIS in tags and len(parts) > before:
            parts[before:] = [_for_analysts("\n\n".join(parts[before:]))]
        if options.get("classes") and len(parts) > before:
            # `#| classes: tanda-tangan` puts the cell's output in a div of that class
            classes = " ".join(f".{c}" for c in str(options["classes"]).split())
            parts[before:] = [f"::: {{{classes}}}\n\n" + "\n\n".join(parts[before:]) + "\n\n:::"]
    return "\n\n".join(parts) + "\n"


def _execute(bab: Bab, root: Path):
    from lkjip.publish.notebooks import execute_notebook

    return execute_notebook(bab.notebook, root=root)


def prepare_bab(
    root: Path | None = None,
    config: Config | None = None,
    *,
    say: Callable[[str], None] = print,
    force: bool = False,
) -> list[Path]:
    """Execute the chapters whose inputs changed and write their Markdown to ``_bab/``.

    ``config`` is the configuration the build hands down (its kernels get it through
    :func:`lkjip.core.config.handed_down`); read from ``laporan.yml`` otherwise. Returns the
    Markdown files, in book order.

    Raises
    ------
    BabGagal
        When a notebook fails: names the notebook, and shows the failing cell with its error.
    """
    from lkjip.katalog.dataset import sumber_dibaca
    from lkjip.report.bagian import Penomoran

    project = paths(root)
    config = config if config is not None else load_config(project.config)
    (project.root / GENERATED).mkdir(exist_ok=True)
    common = kunci_masukan(project.root, config)
    chapters = daftar_bab(project.root)
    nomor = Penomoran.dari_config(config, sumber_dibaca(project.processed))
    written = []
    for bab in chapters:
        key = hashlib.sha256(
            (common + hashlib.sha256(bab.notebook.read_bytes()).hexdigest()).encode()
        ).hexdigest()
        fresh = (
            bab.markdown.exists()
            and executed_notebook(project.root, bab.notebook).exists()
            and bab.kunci_path.exists()
            and bab.kunci_path.read_text() == key
            and _images_exist(bab.markdown, project.root)
        )
        if fresh and not force:
            say(f"   {bab.notebook.name}: masukan tidak berubah, hasil sebelumnya dipakai")
        else:
            say(f"   menjalankan {bab.notebook.name}")
            try:
                nb = _execute(bab, project.root)
            except Exception as exc:  # SelGagal names the cell, its first line and the error
                raise BabGagal(f"{bab.notebook.relative_to(project.root)}: {exc}") from exc
            text = notebook_markdown(
                nb,
                bab.notebook.stem,
                project.root,
                judul_gambar=nomor.judul_gambar,
                rujukan=nomor.rujukan,
                ukuran_isi=config.publikasi.docx.ukuran,
            )
            bab.markdown.write_text(text, encoding="utf-8")
            nbformat.write(nb, executed_notebook(project.root, bab.notebook))
            bab.kunci_path.write_text(key)
        written.append(bab.markdown)
    write_daftar(project.root, written, config)
    from lkjip.publish.situs import write_situs

    write_situs(project.root, config, written)
    return written


def _xml_text(text: str) -> str:
    return html.escape(text, quote=False)


def word_field(instruction: str, hasil: Sequence[tuple[int, str]]) -> str:
    """A Word field (a list: ``TOC ...``) as raw OpenXML paragraphs, marked to be updated.

    ``hasil`` is what the field shows until it is updated, one paragraph per ``(level, text)``
    in the style of a list entry of that level (TOC 1, TOC 2): the list without its page
    numbers. Word updates every field, page numbers and all, when the document opens (the
    reference document's settings ask for it, ``w:updateFields``); a program that does not
    (LibreOffice) shows the list as it is.

    Examples
    --------
    >>> xml = word_field('TOC', [(1, "Tabel II.4 A & B"), (2, "Tabel III.1 C")])
    >>> xml.count("<w:p>"), 'w:fldCharType="begin" w:dirty="true"' in xml, "A &amp; B" in xml
    (2, True, True)
    >>> '<w:pStyle w:val="TOC2"/>' in xml
    True
    """
    lines = list(hasil) or [(1, "")]
    paragraphs = []
    for i, (level, line) in enumerate(lines):
        runs = [f'<w:pPr><w:pStyle w:val="TOC{level}"/></w:pPr>']
        if i == 0:
            runs += [
                '<w:r><w:fldChar w:fldCharType="begin" w:dirty="true"/></w:r>',
                f'<w:r><w:instrText xml:space="preserve"> {_xml_text(instruction)} </w:instrText></w:r>',
                '<w:r><w:fldChar w:fldCharType="separate"/></w:r>',
            ]
        runs.append(f'<w:r><w:t xml:space="preserve">{_xml_text(line)}</w:t></w:r>')
        if i == len(lines) - 1:
            runs.append('<w:r><w:fldChar w:fldCharType="end"/></w:r>')
        paragraphs.append("<w:p>" + "".join(runs) + "</w:p>")
    return "```{=openxml}\n" + "\n".join(paragraphs) + "\n```"


_ATTRIBUTES = re.compile(r"\s*\{[^}]*\}\s*$")


def _classes(line: str) -> set[str]:
    """The classes of a heading's or a div's attributes; a div for HTML only is ``hanya-situs``."""
    found = re.search(r"\{([^}]*)\}\s*$", line)
    if not found:
        return set()
    classes = {w[1:] for w in found.group(1).split() if w.startswith(".")}
    return classes | ({SITUS} if 'when-format="html"' in found.group(1) else set())


def _headings(markdown: str, cetak_analis: bool) -> list[str]:
    """The ``##`` headings of a chapter's Markdown the printed book shows.

    Headings inside a div for the site only or for analysts (unless printed) are left out, and
    so is anything inside a code block (raw HTML, Typst, OpenXML).
    """
    out: list[str] = []
    stack: list[set[str]] = []
    fence = False
    for line in markdown.splitlines():
        if line.startswith("```"):
            fence = not fence
            continue
        if fence:
            continue
        if line.startswith(":::"):
            if line.strip(": ") == "":
                if stack:
                    stack.pop()
            else:
                stack.append(_classes(line))
            continue
        hidden = any(SITUS in c or (ANALIS in c and not cetak_analis) for c in stack)
        if line.startswith("## ") and not hidden:
            out.append(_ATTRIBUTES.sub("", line[3:]).strip())
    return out


def daftar_judul(root: Path, markdowns: Iterable[Path], cetak_analis: bool = False) -> list[tuple[int, str]]:
    """The printed book's headings, levels 1 and 2, in book order: the DOCX's Daftar Isi as it
    reads until Word numbers its pages.

    Each chapter page's title (``bab/*.qmd``) unless the page is for the site only, or for
    analysts and ``cetak_analis`` is false; then the ``##`` headings of its Markdown.
    """
    project = paths(root)
    quarto = yaml.safe_load((project.root / "_quarto.yml").read_text(encoding="utf-8"))
    book = quarto["book"]
    texts = {md.stem: md.read_text(encoding="utf-8") for md in markdowns}
    out: list[tuple[int, str]] = []
    for chapter in [*book["chapters"], *book.get("appendices", [])]:
        page = project.root / chapter
        first = page.read_text(encoding="utf-8").splitlines()[0] if page.is_file() else ""
        classes = _classes(first)
        if not first.startswith("# ") or SITUS in classes or (ANALIS in classes and not cetak_analis):
            continue
        out.append((1, _ATTRIBUTES.sub("", first[2:]).strip()))
        if page.stem == DAFTAR:
            out += [(1, "Daftar Tabel"), (1, "Daftar Gambar")]
        out += [(2, h) for h in _headings(texts.get(page.stem, ""), cetak_analis)]
    return out


def _typst_list(jenis: str) -> str:
    """The PDF's Daftar Tabel or Daftar Gambar: number, title with leader dots, page.

    One grid for the whole list: the numbers in a column of their own, a long title wrapping
    inside its column, and the page number in a third column level with the title's last line,
    so that it never wraps onto a line of its own.
    """
    return (
        "```{=typst}\n#context {\n"
        f'  let entries = query(<lkjip-daftar>).filter(m => m.value.jenis == "{jenis}")\n'
        "  set par(justify: false)\n"
        "  show link: set text(fill: black)\n"
        "  if entries.len() == 0 [(tidak ada)] else {\n"
        "    grid(\n"
        "      columns: (auto, 1fr, auto),\n"
        "      column-gutter: 0.6em,\n"
        "      row-gutter: 0.75em,\n"
        "      align: (left + top, left + top, right + bottom),\n"
        "      ..entries.map(m => {\n"
        "        let loc = m.location()\n"
        "        (\n"
        "          link(loc, m.value.label),\n"
        "          link(loc)[#m.value.judul #box(width: 1fr, repeat(gap: 0.15em)[.])],\n"
        "          link(loc, lkjip-halaman(loc)),\n"
        "        )\n"
        "      }).flatten(),\n"
        "    )\n"
        "  }\n}\n```"
    )


def write_daftar(root: Path | None, markdowns: list[Path], config: Config | None = None) -> Path:
    """Write the Markdown of the Daftar Isi, Daftar Tabel and Daftar Gambar page.

    The PDF gets Typst lists with page numbers; the DOCX Word fields that collect the headings
    (``TOC \\o``), the tables' and the figures' captions (their paragraph styles "Judul Tabel"
    and "Judul Gambar", :mod:`lkjip.publish.dokumen`) and that Word fills with page numbers
    when the document opens; the site links every entry to its table or figure (its menu is
    the table of contents).
    """
    from lkjip.publish.dokumen import GAYA_JUDUL
    from lkjip.report.bagian import check_nomor_tabel
    from lkjip.report.narasi import escape_md

    project = paths(root)
    found = penanda_buku(markdowns)
    for mark in found:
        if mark.jenis == "tabel":
            check_nomor_tabel(mark.lengkap)
    cetak_analis = config is not None and config.publikasi.bahan_analis_dicetak
    lines = [
        "```{=typst}\n#outline(title: none, depth: 2)\n```",
        word_field('TOC \\o "1-2" \\h \\z \\u', daftar_judul(project.root, markdowns, cetak_analis)),
        '::: {.content-visible when-format="html"}\nBab-bab laporan ada di menu samping.\n:::',
    ]
    for jenis, judul in [("tabel", "Daftar Tabel"), ("gambar", "Daftar Gambar")]:
        entries = [p for p in found if p.jenis == jenis]
        lines.append(f"# {judul} {{.unnumbered}}")
        lines.append(_typst_list(jenis))
        field = f'TOC \\h \\z \\t "{GAYA_JUDUL[jenis]},1"'
        lines.append(word_field(field, [(1, p.lengkap) for p in entries] or [(1, "(tidak ada)")]))
        links = "\n\n".join(
            f"[{escape_md(p.lengkap)}]({p.halaman}.qmd#{p.jangkar})" for p in entries
        )
        lines.append(f'::: {{.content-visible when-format="html"}}\n{links or "(tidak ada)"}\n:::')
    target = project.root / GENERATED / f"{DAFTAR}.md"
    target.write_text("\n\n".join(lines) + "\n", encoding="utf-8")
    return target


def write_metadata(root: Path | None = None, config: Config | None = None) -> Path:
    """Write ``_laporan.yml``: the book's title, author, date and cover from the configuration.

    Raises
    ------
    FileNotFoundError
        When ``publikasi.logo`` names a file that does not exist (the message names the key).
    """
    from lkjip.publish.dokumen import metadata_docx
    from lkjip.publish.situs import nama_berkas_buku

    project = paths(root)
    config = config if config is not None else load_config(project.config)
    sampul: dict[str, object] = {
        "instansi": f"{config.instansi.nama} {config.instansi.induk}",
        "pemda": config.pemerintah_daerah,
        "tahun": config.tahun,
    }
    if config.publikasi.logo:
        logo = project.root / config.publikasi.logo
        if not logo.is_file():
            raise FileNotFoundError(
                f"{project.config}: publikasi.logo: berkas '{config.publikasi.logo}' tidak ditemukan "
                f"(dicari di {logo}); perbaiki jalurnya (relatif ke akar proyek) atau hapus kuncinya"
            )
        sampul["logo"] = logo.relative_to(project.root).as_posix()
    meta = {
        "book": {
            # the PDF's and the DOCX's name, which the site's pages link (lkjip.publish.situs)
            "output-file": nama_berkas_buku(config),
            "title": f"Laporan Kinerja Instansi Pemerintah (LKjIP) Tahun {config.tahun}",
            "subtitle": config.instansi.nama_lengkap,
            "author": config.instansi.nama_lengkap,
            "date": config.penandatangan.tanggal.isoformat(),
        },
        # the cover of the PDF (_extensions/lkjip/typst-template.typ)
        "sampul": sampul,
        "fontsize": f"{config.publikasi.docx.ukuran:g}pt",
        # the DOCX's sections and table type (_extensions/lkjip/filters/halaman.lua)
        "docx": metadata_docx(config),
        # the PDF's page and default table type (_extensions/lkjip/page.typ, typst-template.typ),
        # from the same rules as the DOCX's (lkjip.report.halaman)
        "halaman": margin_cm(),
        "tabel-ukuran": f"{ukuran_tabel(config.publikasi.docx.ukuran):g}pt",
        "tabel-sel": f"{SEL / 20:g}pt",
        # the Kamus Data and the Log Data in the PDF and the DOCX too (filters/bab.lua)
        "bahan-analis-dicetak": config.publikasi.bahan_analis_dicetak,
    }
    target = project.root / METADATA
    target.write_text(
        "# Dibuat oleh `python -m lkjip.publish.bab` dari laporan.yml; jangan diubah.\n"
        + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False),
        encoding="utf-8",
    )
    return target


def write_dokumen_referensi(root: Path | None = None, config: Config | None = None) -> Path:
    """Write ``_bab/referensi.docx``, the DOCX format's reference document (see _quarto.yml)."""
    from lkjip.publish.dokumen import write_referensi
    from lkjip.publish.quarto import find_quarto

    project = paths(root)
    quarto = find_quarto(project.root)
    if quarto is None:
        raise RuntimeError("Quarto tidak ditemukan: dokumen referensi DOCX tidak dapat dibuat")
    config = config if config is not None else load_config(project.config)
    return write_referensi(project.root / GENERATED / REFERENSI, config, quarto.path)


def main(argv: list[str] | None = None) -> int:
    """Quarto's pre-render step: metadata, then the chapters (executed once for all formats)."""
    args = sys.argv[1:] if argv is None else argv
    force = "--force" in args
    try:
        # One configuration for the three steps: the build's, when it started this render
        # (config.handed_down), else laporan.yml read once here.
        config = load_config()
        write_metadata(config=config)
        write_dokumen_referensi(config=config)
        prepare_bab(config=config, force=force)
    except Exception as exc:  # the message names the notebook and its cell
        print(f"GAGAL menyiapkan bab: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":  # pragma: no cover - exercised through Quarto's pre-render
    raise SystemExit(main())


__all__ = [
    "Bab",
    "BabGagal",
    "daftar_bab",
    "executed_notebook",
    "kunci_masukan",
    "main",
    "notebook_markdown",
    "prepare_bab",
    "write_metadata",
]
