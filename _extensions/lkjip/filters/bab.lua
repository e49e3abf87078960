-- Inserts the executed chapter (Markdown written by `python -m lkjip.publish.bab` in Quarto's
-- pre-render step, once for all formats) into its page: `::: {.bab sumber="_bab/<nama>.md"}`.
-- Runs before Quarto's own filters (at: pre-ast), so captions, tables and cross-references
-- are processed as if they had been written in the page.
--
-- What the signed document leaves out, in the PDF and the DOCX (the site shows everything):
-- - `.hanya-situs`: a page or a part for the site only (the welcome page, the downloads page);
-- - `.bahan-analis`: material for analysts (the Kamus Data, the Log Data), printed only when
--   laporan.yml says `publikasi.bahan_analis_dicetak: true` (metadata `bahan-analis-dicetak`,
--   written into _laporan.yml).
-- A heading, a chapter's `.bab` div or any div of the chapter can carry these classes.

local print_analyst = false -- metadata `bahan-analis-dicetak`, read first

--- Whether an element with these classes is left out of this format.
local function left_out(classes)
  if quarto.doc.is_format("html") then
    return false
  end
  if classes:includes("hanya-situs") then
    return true
  end
  return classes:includes("bahan-analis") and not print_analyst
end

-- The signature block of the Kata Pengantar (`#| classes: tanda-tangan` in the notebook): on
-- the right half of the page, centred, in every format.
local function tanda_tangan(el)
  if not el.classes:includes("tanda-tangan") then
    return nil
  end
  if quarto.doc.is_format("typst") then
    local out = pandoc.List({ pandoc.RawBlock("typst", "#align(right, block(width: 50%)[#set align(center)") })
    out:extend(el.content)
    out:insert(pandoc.RawBlock("typst", "])"))
    return out
  elseif quarto.doc.is_format("docx") then
    el.attributes["custom-style"] = "Tanda Tangan"
    return el
  elseif quarto.doc.is_format("html") then
    el.attributes["style"] = "margin-left: 50%; text-align: center;"
    return el
  end
  return el
end

--- A div of a chapter: left out where it does not belong, else the signature block's layout.
local function inner_div(el)
  if left_out(el.classes) then
    return {}
  end
  return tanda_tangan(el)
end

local function chapter(el)
  if not el.classes:includes("bab") then
    return inner_div(el)
  end
  if left_out(el.classes) then
    return {}
  end
  local sumber = el.attributes["sumber"]
  local path = quarto.project.directory .. "/" .. sumber
  local f = io.open(path, "r")
  if f == nil then
    error("Isi bab belum dibuat: " .. sumber .. " tidak ada. Jalankan `quarto render` untuk seluruh buku " ..
      "(langkah pre-render menjalankan notebook) atau `python -m lkjip build`.")
  end
  local text = f:read("a")
  f:close()
  local blocks = pandoc.read(text, "markdown").blocks
  return blocks:walk({ Div = inner_div, Header = function(h) return left_out(h.classes) and {} or nil end })
end

-- Headings: a page or part left out of this format loses its heading too; in the PDF the page
-- numbers turn arabic, from 1, at BAB I (roman before it).
local function heading(el)
  if left_out(el.classes) then
    return {}
  end
  if el.level == 1 and quarto.doc.is_format("typst") then
    local text = pandoc.utils.stringify(el.content)
    if text == "BAB I" or text:sub(1, 6) == "BAB I " then
      return { pandoc.RawBlock("typst", '#set page(numbering: "1")\n#counter(page).update(1)'), el }
    end
  end
  return nil
end

return {
  {
    Meta = function(meta)
      local value = meta["bahan-analis-dicetak"]
      print_analyst = value == true or (value ~= nil and pandoc.utils.stringify(value) == "true")
      return nil
    end,
  },
  { Div = chapter, Header = heading },
}
