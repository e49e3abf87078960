"""The DOCX reference document, made by code: A4, margins, type, heading and table styles, page numbers.

Pandoc takes the styles, the page setup and the footer of a DOCX from its *reference document*.
:func:`write_referensi` starts from pandoc's own default reference (``quarto pandoc
--print-default-data-file reference.docx``) and sets, from ``laporan.yml``
(``publikasi.docx``): the body font and size, black headings for BAB (Heading 1) and sections
(Heading 2, 3) in the same family, a bordered table style with a repeated, bold header row, A4
pages with office margins (left 3 cm, others 2,5 cm) and a centred page number in the footer.
"""

from __future__ import annotations

import io
import re
import subprocess
import zipfile
from pathlib import Path

from lkjip.core.config import Config
from lkjip.report.halaman import A4, MARGIN, SEL, ukuran_tabel, ukuran_tabel_semua

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

#: The relationship id of the page-number footer in the reference document.
KAKI = "rIdLkjipFooter"

_FOOTER = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:ftr xmlns:w="{W}" xmlns:r="{R}"><w:p><w:pPr><w:jc w:val="center"/></w:pPr>
<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>
<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r>
<w:r><w:fldChar w:fldCharType="end"/></w:r>
</w:p></w:ftr>"""

_TABLE_STYLE = """<w:style w:type="table"{default} w:styleId="{id}">
    <w:name w:val="{name}"/><w:basedOn w:val="TableNormal"/><w:qFormat/>
    <w:pPr><w:spacing w:before="0" w:after="0"/><w:jc w:val="left"/></w:pPr>
    <w:rPr><w:sz w:val="{size}"/><w:szCs w:val="{size}"/></w:rPr>
    <w:tblPr><w:tblInd w:w="0" w:type="dxa"/>
      <w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="000000"/>
        <w:left w:val="single" w:sz="4" w:space="0" w:color="000000"/>
        <w:bottom w:val="single" w:sz="4" w:space="0" w:color="000000"/>
        <w:right w:val="single" w:sz="4" w:space="0" w:color="000000"/>
        <w:insideH w:val="single" w:sz="4" w:space="0" w:color="000000"/>
        <w:insideV w:val="single" w:sz="4" w:space="0" w:color="000000"/></w:tblBorders>
      <w:tblCellMar><w:top w:w="28" w:type="dxa"/><w:left w:w="{sel}" w:type="dxa"/>
        <w:bottom w:w="28" w:type="dxa"/><w:right w:w="{sel}" w:type="dxa"/></w:tblCellMar></w:tblPr>
    <w:tblStylePr w:type="firstRow"><w:rPr><w:b/></w:rPr>
      <w:trPr><w:tblHeader/></w:trPr>
      <w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="D9D9D9"/><w:vAlign w:val="center"/></w:tcPr>
    </w:tblStylePr>
  </w:style>"""


#: The Kata Pengantar's signature block (``custom-style="Tanda Tangan"``): right half, centred.
_SIGNATURE_STYLE = """<w:style w:type="paragraph" w:customStyle="1" w:styleId="TandaTangan">
    <w:name w:val="Tanda Tangan"/><w:basedOn w:val="Normal"/><w:qFormat/>
    <w:pPr><w:spacing w:before="0" w:after="0"/><w:ind w:left="4820"/><w:jc w:val="center"/></w:pPr>
  </w:style>"""


#: The paragraph styles of the tables' and figures' captions: the DOCX's Daftar Tabel and
#: Daftar Gambar are Word fields collecting the paragraphs in these styles (``TOC \\t``), and the
#: filter halaman.lua gives every numbered table and figure its caption in them.
GAYA_JUDUL = {"tabel": "Judul Tabel", "gambar": "Judul Gambar"}

#: A table's title above it, a figure's under it: bold, centred, kept with what it names. The
#: figures' captions without a number (Image Caption) look the same and are not listed.
_CAPTION_STYLES = """<w:style w:type="paragraph" w:customStyle="1" w:styleId="JudulTabel">
    <w:name w:val="Judul Tabel"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>
    <w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="240" w:after="120"/><w:jc w:val="center"/></w:pPr>
    <w:rPr><w:b/><w:bCs/></w:rPr>
  </w:style>
  <w:style w:type="paragraph" w:customStyle="1" w:styleId="JudulGambar">
    <w:name w:val="Judul Gambar"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>
    <w:pPr><w:keepLines/><w:spacing w:before="60" w:after="240"/><w:jc w:val="center"/></w:pPr>
    <w:rPr><w:b/><w:bCs/></w:rPr>
  </w:style>"""

#: The entries of the lists Word writes into the fields (TOC 1, TOC 2): the page number at the
#: right margin after leader dots, a wrapped title indented under its start.
_TOC_STYLE = """<w:style w:type="paragraph" w:styleId="TOC{level}">
    <w:name w:val="toc {level}"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="39"/>
    <w:unhideWhenUsed/>
    <w:pPr><w:tabs><w:tab w:val="right" w:leader="dot" w:pos="{width}"/></w:tabs>
      <w:spacing w:before="0" w:after="60"/><w:ind w:left="{left}" w:right="567" w:hanging="{hanging}"/>
      <w:jc w:val="left"/></w:pPr>
  </w:style>"""

#: The DOCX cover's lines under the title block (``custom-style="Sampul"``, filter sampul.lua):
#: centred, bold, a cover's spacing.
_COVER_STYLE = """<w:style w:type="paragraph" w:customStyle="1" w:styleId="Sampul">
    <w:name w:val="Sampul"/><w:basedOn w:val="Normal"/><w:qFormat/>
    <w:pPr><w:spacing w:before="1200" w:after="240"/><w:jc w:val="center"/></w:pPr>
    <w:rPr><w:b/><w:bCs/>{size}</w:rPr>
  </w:style>"""


def nama_gaya_tabel(ukuran: float) -> str:
    """The character style that sets a table's cells at ``ukuran`` pt.

    >>> nama_gaya_tabel(8.5), nama_gaya_tabel(7)
    ('Tabel 8,5 pt', 'Tabel 7 pt')
    """
    return f"Tabel {ukuran:g} pt".replace(".", ",")


def id_gaya_tabel(ukuran: float) -> str:
    """The style id of the table style for ``ukuran`` pt (what ``custom-style`` names).

    >>> id_gaya_tabel(8.5)
    'TabelUkuran17'
    """
    return f"TabelUkuran{round(ukuran * 2)}"


def metadata_docx(config: Config) -> dict[str, object]:
    """What the filter halaman.lua needs of the DOCX page and table setup (``_laporan.yml``: ``docx``).

    The page in twentieths of a point, the footer's relationship id, and the table sizes with
    the table style of each: a table's size and orientation are decided in Python
    (:func:`lkjip.report.halaman.cetak_tabel`, the same rule as the PDF's) and carried on the
    table; the filter only applies them.
    """
    size = config.publikasi.docx.ukuran
    return {
        "halaman": {
            "lebar": A4[0],
            "tinggi": A4[1],
            "atas": MARGIN["top"],
            "kanan": MARGIN["right"],
            "bawah": MARGIN["bottom"],
            "kiri": MARGIN["left"],
        },
        "kaki": KAKI,
        "tabel": {"gaya": [{"ukuran": u, "id": id_gaya_tabel(u)} for u in ukuran_tabel_semua(size)]},
    }


def _pandoc_default(quarto: Path) -> bytes:
    result = subprocess.run(
        [str(quarto), "pandoc", "--print-default-data-file", "reference.docx"],
        capture_output=True,
        check=False,
    )
    if result.returncode != 0 or not result.stdout.startswith(b"PK"):
        raise RuntimeError(
            f"quarto pandoc tidak memberikan reference.docx bawaan: {result.stderr.decode()[-300:]}"
        )
    return result.stdout


def _fonts(font: str) -> str:
    return f'<w:rFonts w:ascii="{font}" w:hAnsi="{font}" w:eastAsia="{font}" w:cs="{font}"/>'


def _size(half_points: int) -> str:
    return f'<w:sz w:val="{half_points}"/><w:szCs w:val="{half_points}"/>'


def _style_body(styles: str, style_id: str) -> tuple[int, int]:
    m = re.search(rf'<w:style [^>]*w:styleId="{style_id}"[^>]*>.*?</w:style>', styles, re.DOTALL)
    if m is None:
        raise ValueError(f"gaya {style_id} tidak ada di reference.docx bawaan pandoc")
    return m.span()


def _set_rpr(styles: str, style_id: str, rpr: str, ppr: str | None = None) -> str:
    start, end = _style_body(styles, style_id)
    style = styles[start:end]
    style = re.sub(r"<w:rPr>.*?</w:rPr>", "", style, flags=re.DOTALL)
    if ppr is not None:
        style = re.sub(r"<w:pPr>.*?</w:pPr>", "", style, flags=re.DOTALL)
        rpr = ppr + rpr
    style = style.replace("</w:style>", f"{rpr}</w:style>")
    return styles[:start] + style + styles[end:]


def styles_xml(styles: str, font: str, size: float, heading_font: str | None = None) -> str:
    """Pandoc's ``styles.xml`` with the office's type, headings and table style.

    Examples
    --------
    >>> base = ('<w:styles><w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val="24"/></w:rPr>'
    ...         '</w:rPrDefault></w:docDefaults>'
    ...         + "".join(f'<w:style w:type="paragraph" w:styleId="{s}"><w:rPr/></w:style>'
    ...                   for s in ["Heading1", "Heading2", "Heading3", "Title", "Subtitle", "ImageCaption"])
    ...         + '<w:style w:type="table" w:styleId="Table"></w:style></w:styles>')
    >>> out = styles_xml(base, "Arial", 11.5)
    >>> '<w:sz w:val="23"/>' in out and 'w:ascii="Arial"' in out and "tblHeader" in out
    True
    >>> 'w:styleId="TandaTangan"' in out and 'w:styleId="Sampul"' in out
    True
    >>> '<w:name w:val="Judul Tabel"/>' in out and '<w:name w:val="Judul Gambar"/>' in out
    True
    """
    half_points = round(size * 2)
    heading = heading_font or font
    default = f'<w:rPr>{_fonts(font)}{_size(half_points)}<w:lang w:val="id-ID"/></w:rPr>'
    styles = re.sub(
        r"(<w:rPrDefault>)\s*<w:rPr>.*?</w:rPr>",
        lambda m: m.group(1) + default,
        styles,
        count=1,
        flags=re.DOTALL,
    )
    for style_id, factor, centre in [
        ("Heading1", 1.3, True),
        ("Heading2", 1.1, False),
        ("Heading3", 1.0, False),
    ]:
        sz = round(half_points * factor)
        ppr = (
            '<w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="240" w:after="120"/>'
            + ('<w:jc w:val="center"/><w:pageBreakBefore/>' if centre else "")
            + f'<w:outlineLvl w:val="{int(style_id[-1]) - 1}"/></w:pPr>'
        )
        rpr = f'<w:rPr>{_fonts(heading)}<w:b/><w:bCs/><w:color w:val="000000"/>{_size(sz)}</w:rPr>'
        styles = _set_rpr(styles, style_id, rpr, ppr)
    for style_id in ["Title", "Subtitle"]:
        sz = round(half_points * (1.6 if style_id == "Title" else 1.2))
        rpr = f'<w:rPr>{_fonts(heading)}<w:b/><w:color w:val="000000"/>{_size(sz)}</w:rPr>'
        styles = _set_rpr(styles, style_id, rpr, '<w:pPr><w:jc w:val="center"/></w:pPr>')
    start, end = _style_body(styles, "Table")
    table = _TABLE_STYLE.format(
        default=' w:default="1"', id="Table", name="Table", sel=SEL, size=round(ukuran_tabel(size) * 2)
    )
    styles = styles[:start] + table + styles[end:]
    cover = _COVER_STYLE.format(size=_size(round(half_points * 1.2)))
    width = A4[0] - MARGIN["left"] - MARGIN["right"]
    toc = "".join(
        _TOC_STYLE.format(level=level, width=width, left=left, hanging=hanging)
        for level, left, hanging in [(1, 0, 0), (2, 440, 0)]
    )
    styles = _drop_style(styles, "TOC1")
    styles = _drop_style(styles, "TOC2")
    # the figures' captions without a number as the numbered ones: bold, centred, not italic
    styles = _set_rpr(
        styles,
        "ImageCaption",
        '<w:rPr><w:b/><w:bCs/><w:i w:val="0"/></w:rPr>',
        '<w:pPr><w:spacing w:before="60" w:after="240"/><w:jc w:val="center"/></w:pPr>',
    )
    # one table style per size (the filter halaman.lua picks one per table: `custom-style` on the
    # table); a size in the table style, not in a character style, since LibreOffice applies
    # a table style's type size over any character style
    sizes = "".join(
        _TABLE_STYLE.format(
            default="", id=id_gaya_tabel(u), name=nama_gaya_tabel(u), sel=SEL, size=round(u * 2)
        )
        for u in ukuran_tabel_semua(size)
    )
    extra = _SIGNATURE_STYLE + cover + _CAPTION_STYLES + toc + sizes
    return styles.replace("</w:styles>", extra + "</w:styles>")


def _drop_style(styles: str, style_id: str) -> str:
    """``styles`` without the style ``style_id`` (when it has one)."""
    return re.sub(rf'<w:style [^>]*w:styleId="{style_id}"[^>]*>.*?</w:style>', "", styles, flags=re.DOTALL)


def settings_xml(settings: str) -> str:
    """Pandoc's ``settings.xml`` asking Word to update every field when the document opens.

    The Daftar Isi, Daftar Tabel and Daftar Gambar are fields: Word fills them with page
    numbers on opening (it asks first). Pandoc copies the setting from the reference document.

    >>> settings_xml("<w:settings><w:zoom/></w:settings>")
    '<w:settings><w:zoom/><w:updateFields w:val="true"/></w:settings>'
    """
    if "<w:updateFields" in settings:
        return settings
    return settings.replace("</w:settings>", '<w:updateFields w:val="true"/></w:settings>')


def _section() -> str:
    # The document's last section. The cover is a section of its own without a footer
    # (_extensions/lkjip/filters/halaman.lua), so this one numbers every page, counting on from the cover.
    w, h = A4
    m = MARGIN
    return (
        f'<w:sectPr><w:footerReference w:type="default" r:id="{KAKI}"/>'
        f'<w:pgSz w:w="{w}" w:h="{h}"/>'
        f'<w:pgMar w:top="{m["top"]}" w:right="{m["right"]}" w:bottom="{m["bottom"]}" w:left="{m["left"]}" '
        'w:header="709" w:footer="709" w:gutter="0"/></w:sectPr>'
    )


def write_referensi(target: Path, config: Config, quarto: Path) -> Path:
    """Write the reference DOCX for ``config`` to ``target`` (Quarto's ``reference-doc``)."""
    setting = config.publikasi.docx
    source = _pandoc_default(quarto)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_suffix(".tmp")
    with zipfile.ZipFile(io.BytesIO(source)) as zin, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "word/styles.xml":
                data = styles_xml(
                    data.decode("utf-8"), setting.font, setting.ukuran, setting.font_judul
                ).encode()
            elif item.filename == "word/settings.xml":
                data = settings_xml(data.decode("utf-8")).encode()
            elif item.filename == "word/document.xml":
                text = re.sub(r"<w:sectPr.*?</w:sectPr>", "", data.decode("utf-8"), flags=re.DOTALL)
                data = text.replace("</w:body>", _section() + "</w:body>").encode()
            elif item.filename == "word/_rels/document.xml.rels":
                rel = (
                    f'<Relationship Id="{KAKI}" Type="http://schemas.openxmlformats.org/'
                    'officeDocument/2006/relationships/footer" Target="footer1.xml"/>'
                )
                data = data.decode("utf-8").replace("</Relationships>", rel + "</Relationships>").encode()
            elif item.filename == "[Content_Types].xml":
                override = (
                    '<Override PartName="/word/footer1.xml" ContentType="application/'
                    'vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>'
                )
                data = data.decode("utf-8").replace("</Types>", override + "</Types>").encode()
            zout.writestr(item, data)
        zout.writestr("word/footer1.xml", _FOOTER)
    tmp.replace(target)
    return target
