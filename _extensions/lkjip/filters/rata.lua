--[[
DOCX only: the alignment of table cells. great_tables marks each cell with a class (gt_right
for numbers, gt_left for text, gt_center); the site aligns by its CSS and the PDF's Typst
tables follow it, but the DOCX writer reads no CSS, so every cell came out left-aligned. This
filter turns the class into the cell's alignment. Runs after Quarto's own filters (_quarto.yml:
at post-quarto), which have made the HTML tables into tables by then.
]]
if not quarto.doc.is_format("docx") then
  return {}
end

local ALIGN = { gt_right = "AlignRight", gt_left = "AlignLeft", gt_center = "AlignCenter" }

local function align_rows(rows)
  for _, row in ipairs(rows) do
    for _, cell in ipairs(row.cells) do
      for _, class in ipairs(cell.attr.classes) do
        if ALIGN[class] then
          cell.alignment = ALIGN[class]
          break
        end
      end
    end
  end
end

return {
  {
    Table = function(tbl)
      align_rows(tbl.head.rows)
      for _, body in ipairs(tbl.bodies) do
        align_rows(body.head)
        align_rows(body.body)
      end
      align_rows(tbl.foot.rows)
      return tbl
    end,
  },
}
