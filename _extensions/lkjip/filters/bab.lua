-- Inserts the executed chapter (Markdown written by `python -m lkjip.publish.bab` in Quarto's
-- pre-render step, once for all formats) into its page: `::: {.bab sumber="_bab/<nama>.md"}`.
-- Runs before Quarto's own filters (at: pre-ast), so captions, tables and cross-references
-- are processed as if they had been written in the page.

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

function Div(el)
  if not el.classes:includes("bab") then
    return nil
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
  return blocks:walk({ Div = tanda_tangan })
end

-- Headings: a page marked `.hanya-situs` (the site's welcome page) is left out of the PDF and
-- the DOCX; in the PDF the page numbers turn arabic, from 1, at BAB I (roman before it).
function Header(el)
  if el.classes:includes("hanya-situs") and not quarto.doc.is_format("html") then
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
