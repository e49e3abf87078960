"""The office's Markdown (``konten/skm-unit/<kode>.md``) as HTML for the site and as data for Typst.

Typst gets no markup from the office's text: the Markdown is parsed (mistune) into paragraphs,
lists, headings and tables of plain text runs, which the Typst template places as text, so a
``#`` or ``$`` typed by the office is printed, never run. HTML is escaped the same way.
"""

from __future__ import annotations

from typing import Any

import mistune

_PARSE = mistune.create_markdown(renderer=None, plugins=["table"])
_HTML = mistune.create_markdown(escape=True, plugins=["table"])


def ke_html(teks: str) -> str:
    """The Markdown as HTML, raw HTML in it escaped.

    Examples
    --------
    >>> ke_html("**Rencana** <b>x</b>")
    '<p><strong>Rencana</strong> &lt;b&gt;x&lt;/b&gt;</p>\\n'
    """
    return _HTML(teks)


def _runs(nodes: list[dict], tebal: bool = False, miring: bool = False) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for node in nodes:
        kind = node["type"]
        if kind in ("text", "codespan", "inline_html", "block_html"):
            out.append({"t": node.get("raw", ""), "b": tebal, "i": miring})
        elif kind in ("softbreak",):
            out.append({"t": " ", "b": tebal, "i": miring})
        elif kind == "linebreak":
            out.append({"t": "\n", "b": tebal, "i": miring})
        elif kind == "strong":
            out += _runs(node.get("children", []), True, miring)
        elif kind == "emphasis":
            out += _runs(node.get("children", []), tebal, True)
        elif kind == "link":
            runs = _runs(node.get("children", []), tebal, miring)
            url = node.get("attrs", {}).get("url", "")
            out += runs + ([{"t": f" ({url})", "b": False, "i": False}] if url else [])
        elif "children" in node:
            out += _runs(node["children"], tebal, miring)
        elif "raw" in node:
            out.append({"t": node["raw"], "b": tebal, "i": miring})
    return out


def _blocks(nodes: list[dict]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for node in nodes:
        kind = node["type"]
        if kind in ("paragraph", "block_text", "block_code", "block_html"):
            runs = (
                _runs(node.get("children", []))
                if "children" in node
                else [{"t": node.get("raw", ""), "b": False, "i": False}]
            )
            out.append({"jenis": "paragraf", "isi": runs})
        elif kind == "heading":
            out.append({"jenis": "judul", "isi": _runs(node.get("children", []))})
        elif kind == "list":
            items = [_blocks(item.get("children", [])) for item in node.get("children", [])]
            out.append(
                {"jenis": "daftar", "urut": bool(node.get("attrs", {}).get("ordered")), "butir": items}
            )
        elif kind == "block_quote":
            out += _blocks(node.get("children", []))
        elif kind == "table":
            head, body = (
                node["children"][0],
                node["children"][1] if len(node["children"]) > 1 else {"children": []},
            )
            kolom = [c.get("attrs", {}).get("align") or "left" for c in head["children"]]
            out.append(
                {
                    "jenis": "tabel",
                    "rata": kolom,
                    "kepala": [_runs(c.get("children", [])) for c in head["children"]],
                    "baris": [
                        [_runs(c.get("children", [])) for c in row["children"]] for row in body["children"]
                    ],
                }
            )
        elif kind == "thematic_break":
            continue
    return out


def ke_blok(teks: str) -> list[dict[str, Any]]:
    """The Markdown as blocks of plain text runs for the Typst template.

    Examples
    --------
    >>> [(r["t"], r["b"]) for r in ke_blok("Perbaikan **U9** #1")[0]["isi"]]
    [('Perbaikan ', False), ('U9', True), (' #1', False)]
    >>> [b["jenis"] for b in ke_blok("- a\\n- b\\n\\n| A |\\n|---|\\n| 1 |")]
    ['daftar', 'tabel']
    """
    return _blocks(_PARSE(teks))
