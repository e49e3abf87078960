--[[
Typst only: decode the HTML character references that Quarto's conversion of HTML tables
(great_tables output) leaves in the cells' text, so that a label such as "<20" or "A & B"
prints as written and not as "&lt;20" or "A &amp; B". HTML and DOCX decode them themselves.
Runs after Quarto's own filters (_quarto.yml: at post-quarto).
]]
if not quarto.doc.is_format("typst") then
  return {}
end

local NAMED = { lt = "<", gt = ">", amp = "&", quot = '"', apos = "'", nbsp = "\u{a0}" }

local function decode(text)
  local out = text:gsub("&#(%d+);", function(n) return utf8.char(tonumber(n)) end)
  out = out:gsub("&#[xX](%x+);", function(n) return utf8.char(tonumber(n, 16)) end)
  out = out:gsub("&(%a+);", function(name) return NAMED[name] end)
  return out
end

return {
  {
    Str = function(el)
      if el.text:find("&", 1, true) then
        local text = decode(el.text)
        if text ~= el.text then
          return pandoc.Str(text)
        end
      end
    end,
  },
}
