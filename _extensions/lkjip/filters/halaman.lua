--[[
DOCX only: pages and table type.

1. The cover gets a section of its own, without a footer: no page number on it, while every
   page after it is numbered on (the cover counts as page 1, as before).
2. A table with at least `docx.tabel.lanskap-kolom` columns (the rule the PDF uses for its
   landscape pages, lkjip.publish.bab.LEBAR_LANSKAP) gets a landscape section of its own.
3. The type size of every table: one of the table styles "Tabel 10 pt", "Tabel 9,5 pt" ... of
   the reference document (ids TabelUkuran20, TabelUkuran19 ...) (the first is the normal table size, the same as the style "Table"),
   the largest at which each word of every cell fits its column, widening the columns that need
   it at the expense of those with room to spare; at worst the smallest. So a figure such as
   "Rp227.760.105" or "100,81%" is not broken inside.

Word widths are estimated with the metrics of Liberation Sans (Arial's widths): exact for the
default font, on the safe side for narrower faces. Everything the filter needs about the page
comes from metadata `docx` (written by `python -m lkjip.publish.bab` into _laporan.yml from
lkjip.publish.dokumen). Runs after Quarto's own filters and after _extensions/lkjip/filters/sampul.lua.
]]
if not quarto.doc.is_format("docx") then
  return {}
end

-- advance widths in 1/1000 em of the characters 33..126 (Liberation Sans Regular and Bold)
local REGULAR = {
  278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556,
  556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667, 611,
  778, 722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667,
  611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222,
  833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
}
local BOLD = {
  333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556,
  556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611, 975, 722, 722, 722, 722, 667, 611,
  778, 722, 278, 556, 722, 611, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667,
  611, 333, 278, 333, 584, 556, 333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278,
  889, 611, 611, 611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584,
}
local OTHER = 600 -- characters outside ASCII (é, –, ≥ ...)
local SAFETY = 1.04 -- the estimate's margin (kerning, a face slightly wider than Arial)

local setting = nil -- metadata `docx`, read by Meta

local function number(value)
  return value and tonumber(pandoc.utils.stringify(value)) or nil
end

--- Width of `word` in em.
local function em(word, bold)
  local widths = bold and BOLD or REGULAR
  local total = 0
  for _, code in utf8.codes(word) do
    total = total + (widths[code - 32] or OTHER)
  end
  return total / 1000
end

--- The pieces of `text` a line may not break inside: split at spaces, and after "/" and "-".
local function pieces(text)
  local out = {}
  for word in text:gmatch("%S+") do
    for piece in word:gmatch("[^/%-]*[/%-]?") do
      if piece ~= "" then
        table.insert(out, piece)
      end
    end
  end
  return out
end

--- Longest unbreakable piece (em) per column of `rows`, cells spanning columns left out. A cell
--- spanning rows covers its columns in the rows below it.
local function longest(rows, bold, need)
  local busy = {} -- column -> rows below still covered by a cell above
  for _, row in ipairs(rows) do
    local below = {}
    for column, n in pairs(busy) do
      if n > 1 then
        below[column] = n - 1
      end
    end
    local column = 1
    for _, cell in ipairs(row.cells) do
      while busy[column] do
        column = column + 1
      end
      if cell.col_span == 1 then
        for _, piece in ipairs(pieces(pandoc.utils.stringify(cell.contents))) do
          need[column] = math.max(need[column] or 0, em(piece, bold))
        end
      end
      if cell.row_span > 1 then
        for c = column, column + cell.col_span - 1 do
          below[c] = cell.row_span - 1
        end
      end
      column = column + cell.col_span
    end
    busy = below
  end
end

--- Column widths (shares of the table) at which pieces of `need` em fit at `size` pt, or nil;
--- with `anyway`, shares in proportion to the need when they cannot all fit.
local function widths_at(shares, need, size, width, anyway)
  -- cell margins, plus 2 pt for the borders and the word processor's rounding
  local pad = setting.sel / 20 + 2
  local required, total_required = {}, 0
  for i = 1, #shares do
    required[i] = ((need[i] or 0) * size * SAFETY + pad) / width
    total_required = total_required + required[i]
  end
  if total_required > 1 then
    if not anyway then
      return nil
    end
    local out = {}
    for i = 1, #shares do
      out[i] = required[i] / total_required
    end
    return out
  end
  -- columns short of their need get it; the others give up their room in proportion
  local deficit, room = 0, 0
  for i, share in ipairs(shares) do
    if share < required[i] then
      deficit = deficit + required[i] - share
    else
      room = room + share - required[i]
    end
  end
  local out = {}
  for i, share in ipairs(shares) do
    if share < required[i] then
      out[i] = required[i]
    else
      out[i] = share - (room > 0 and (share - required[i]) * deficit / room or 0)
    end
  end
  return out
end

local function all_rows(tbl, fn)
  fn(tbl.head.rows, true)
  for _, body in ipairs(tbl.bodies) do
    fn(body.head, true)
    fn(body.body, false)
  end
  fn(tbl.foot.rows, false)
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

local function text_width(landscape)
  local page = setting.halaman
  if landscape then
    return (page.tinggi - page.atas - page.bawah) / 20
  end
  return (page.lebar - page.kiri - page.kanan) / 20
end

local function fit(tbl, landscape)
  local ncols = #tbl.colspecs
  local shares = {}
  for i, spec in ipairs(tbl.colspecs) do
    local share = spec[2]
    if type(share) ~= "number" then -- no widths given: equal shares
      share = 1 / ncols
    end
    shares[i] = share
  end
  local need = {}
  all_rows(tbl, function(rows, bold)
    longest(rows, bold, need)
  end)
  local width = text_width(landscape)
  local sizes = setting.tabel.gaya
  local chosen, new = sizes[#sizes], nil
  for _, size in ipairs(sizes) do
    new = widths_at(shares, need, size.ukuran, width)
    if new ~= nil then
      chosen = size
      break
    end
  end
  if new == nil then -- not even the smallest size fits: shares in proportion to the need
    new = widths_at(shares, need, chosen.ukuran, width, true)
  end
  for i, spec in ipairs(tbl.colspecs) do
    tbl.colspecs[i] = { spec[1], new[i] }
  end
  tbl.attr.attributes["custom-style"] = chosen.id
  return tbl
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
        tabel = {
          gaya = styles,
          lanskap = number(docx.tabel["lanskap-kolom"]),
        },
        sel = number(docx.tabel.sel),
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
      local landscape = #tbl.colspecs >= setting.tabel.lanskap
      fit(tbl, landscape)
      if landscape then
        return { section_break(false, true), tbl, section_break(true, true) }
      end
      return tbl
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
