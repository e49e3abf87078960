--[[
DOCX only: the cover. Pandoc's title block gives the title and the subtitle (the institution);
this filter drops the author and date lines of that block (the author repeats the institution)
and adds, in the "Sampul" paragraph style of the reference document made by
lkjip.publish.dokumen, the optional logo (`sampul.logo`, from laporan.yml's publikasi.logo), the
regional government and the year, as the PDF cover has them. The Kata Pengantar's heading
starts the next page. Metadata `sampul` is written by `python -m lkjip.publish.bab`
(_laporan.yml). Runs after Quarto's own filters (_quarto.yml: at post-quarto).
]]
if not quarto.doc.is_format("docx") then
  return {}
end

local function text(value)
  return value and pandoc.utils.stringify(value) or nil
end

function Pandoc(doc)
  local sampul = doc.meta.sampul
  if sampul == nil then
    return nil
  end
  doc.meta.author = nil
  doc.meta.date = nil
  local blocks = pandoc.List()
  local logo = text(sampul.logo)
  if logo ~= nil and logo ~= "" then
    local image = pandoc.Image({}, quarto.project.directory .. "/" .. logo, "", { height = "4.5cm" })
    blocks:insert(pandoc.Para({ image }))
  end
  local lines = pandoc.List()
  local pemda = text(sampul.pemda)
  if pemda ~= nil then
    lines:insert(pandoc.Str(pemda:upper()))
  end
  local tahun = text(sampul.tahun)
  if tahun ~= nil then
    if #lines > 0 then
      lines:insert(pandoc.LineBreak())
    end
    lines:insert(pandoc.Str(tahun))
  end
  if #lines > 0 then
    blocks:insert(pandoc.Para(lines))
  end
  local cover = pandoc.Div(blocks, { ["custom-style"] = "Sampul" })
  doc.blocks:insert(1, cover)
  return doc
end
