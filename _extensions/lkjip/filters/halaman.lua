--[[
DOCX only: pages and table type.

1. The cover gets a section of its own, without a footer: no page number on it, while every
   page after it is numbered on (the cover counts as page 1, as before).
2. Every report table carries how it is printed, decided in Python by the same rule as the
   PDF's (lkjip.report.halaman.cetak_tabel, applied in lkjip.publish.bab): its type size
   (attribute `lkjip-ukuran`, pt), its column widths (its colspecs) and whether it needs a
   landscape page (`lkjip-lanskap`: "ya"). This filter gives the table the table style of its
   size ("Tabel 10 pt", "Tabel 9,5 pt" ... of the reference document, ids TabelUkuran20,
   TabelUkuran19 ...) and a landscape section of its own when asked. A table without the
   attributes keeps the reference document's "Table" style.

3. Captions the Daftar Tabel and Daftar Gambar collect: a numbered table's title, the first
   row of the table as great_tables draws it ("Tabel III.4.B ..."), becomes a paragraph above
   the table in the style "Judul Tabel"; a numbered figure's caption ("Gambar 0.1 ...") a
   paragraph under it in the style "Judul Gambar" (styles of the reference document,
   lkjip.publish.dokumen). The lists are Word fields collecting those two styles
   (lkjip.publish.bab.write_daftar), filled with page numbers when Word opens the document.

Everything the filter needs about the page comes from metadata `docx` (written by
`python -m lkjip.publish.bab` into _laporan.yml from lkjip.publish.dokumen and
lkjip.report.halaman). Runs after Quarto's own filters and after the filter sampul.lua.
]]
if not quarto.doc.is_format("docx") then
  return {}
end

local setting = nil -- metadata `docx`, read by Meta

local function number(value)
  return value and tonumber(pandoc.utils.stringify(value)) or nil
end

--- A paragraph that ends a section: portrait or landscape, with or without the page number.
local function section_break(landscape, footer)
  local m = setting.halaman
  local w, h = m.lebar, m.tinggi
  local orient = ""
  if landscape then
    w, h = h, w
    orient = ' w:orient="landscape"'
  end
  local foot = footer and ('<w:footerReference w:type="default" r:id="' .. setting.kaki .. '"/>') or ""
  -- landscape: the binding margin (left on portrait pages) goes to the top
  local top, right, bottom, left = m.atas, m.kanan, m.bawah, m.kiri
  if landscape then
    top, right, bottom, left = m.kiri, m.atas, m.kanan, m.bawah
  end
  return pandoc.RawBlock("openxml", string.format(
    '<w:p><w:pPr><w:sectPr>%s<w:pgSz w:w="%d" w:h="%d"%s/>'
      .. '<w:pgMar w:top="%d" w:right="%d" w:bottom="%d" w:left="%d" w:header="709" w:footer="709" w:gutter="0"/>'
      .. "</w:sectPr></w:pPr></w:p>",
    foot, w, h, orient, top, right, bottom, left
  ))
end

--- The table style of a table printed at `size` pt (the reference document has one per size).
local function style_of(size)
  for _, style in ipairs(setting.tabel.gaya) do
    if style.ukuran == size then
      return style.id
    end
  end
  return nil
end

--- The title row of a great_tables table ("Tabel III.4.B ..." across all columns) as
--- inlines, taken out of the table; nil for a table without a numbered title.
local function take_title(tbl)
  local rows = tbl.head.rows
  if #rows == 0 or #rows[1].cells ~= 1 then
    return nil
  end
  local cell = rows[1].cells[1]
  if cell.col_span ~= #tbl.colspecs or not pandoc.utils.stringify(cell.contents):match("^Tabel ") then
    return nil
  end
  rows:remove(1)
  return pandoc.utils.blocks_to_inlines(cell.contents)
end

--- A caption paragraph in one of the reference document's paragraph styles.
local function caption(inlines, style)
  return pandoc.Div({ pandoc.Para(inlines) }, { ["custom-style"] = style })
end

local function is_cover(block)
  return block.t == "Div" and block.attributes["custom-style"] == "Sampul"
end

return {
  {
    Meta = function(meta)
      local docx = meta.docx
      if docx == nil then
        return nil
      end
      local page = {}
      for _, key in ipairs({ "lebar", "tinggi", "atas", "kanan", "bawah", "kiri" }) do
        page[key] = number(docx.halaman[key])
      end
      local styles = {}
      for _, style in ipairs(docx.tabel.gaya) do
        table.insert(styles, { ukuran = number(style.ukuran), id = pandoc.utils.stringify(style.id) })
      end
      setting = {
        halaman = page,
        kaki = pandoc.utils.stringify(docx.kaki),
        tabel = { gaya = styles },
      }
      meta.docx = nil
      return meta
    end,
  },
  {
    Table = function(tbl)
      if setting == nil then
        return nil
      end
      local size = number(tbl.attr.attributes["lkjip-ukuran"])
      local style = size and style_of(size)
      if style then
        tbl.attr.attributes["custom-style"] = style
      end
      tbl.attr.attributes["lkjip-ukuran"] = nil
      local landscape = tbl.attr.attributes["lkjip-lanskap"] == "ya"
      tbl.attr.attributes["lkjip-lanskap"] = nil
      local out = pandoc.List({ tbl })
      local title = take_title(tbl)
      if title then
        out:insert(1, caption(title, "Judul Tabel"))
      end
      if landscape then
        out:insert(1, section_break(false, true))
        out:insert(section_break(true, true))
      end
      return out
    end,
    Figure = function(fig)
      local text = pandoc.utils.stringify(fig.caption.long)
      if not text:match("^Gambar ") then
        return nil
      end
      local image = pandoc.Div(fig.content, { ["custom-style"] = "Captioned Figure" })
      return { image, caption(pandoc.utils.blocks_to_inlines(fig.caption.long), "Judul Gambar") }
    end,
    Pandoc = function(doc)
      if setting == nil then
        return nil
      end
      for i, block in ipairs(doc.blocks) do
        if is_cover(block) then
          doc.blocks:insert(i + 1, section_break(false, false))
          return doc
        end
      end
      return nil
    end,
  },
}
