"""The package's layers follow the flow, and imports only run downward.

input (ingest) -> the catalogue of datasets -> indicators -> reviu -> the data step (pipeline) ->
the analyst's API (data) -> report -> publication -> command line; ``core`` is under everything,
and the synthetic data generator stands apart (it may use only ``core``), so that the default
data never depend on the code that reads them.
"""

from __future__ import annotations

import ast
from pathlib import Path

import lkjip

PACKAGE = Path(lkjip.__file__).parent

#: Rank of each layer; a module may import only from layers of lower or equal rank.
LAYERS = {
    "lkjip": 0,  # the package's own __init__ (version only)
    "core": 0,
    "ingest": 1,
    "katalog": 1.5,  # every processed table declared once: contracts, sources, storage
    "indicators": 2,
    "reviu": 3,  # the reviu, the plausibility warnings and their text
    "pipeline": 4,  # the data step
    "data": 4.5,  # the analyst's views (lkjip.data); the report's builders use them too
    "report": 5,
    "publish": 6,
    "cli": 7,
    "__main__": 7,
    "synthetic": 7,  # apart: only the command line calls it
}
SYNTHETIC_MAY_USE = {"lkjip", "core", "synthetic"}


def _layer(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "lkjip"


def _module_name(path: Path) -> str:
    rel = path.relative_to(PACKAGE.parent).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def _imports(path: Path) -> list[tuple[int, str]]:
    """Every ``lkjip`` module imported anywhere in the file (function-level imports included)."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module == "lkjip":
                found += [(node.lineno, f"lkjip.{a.name}") for a in node.names if a.name != "__version__"]
            elif node.module.startswith("lkjip."):
                found.append((node.lineno, node.module))
        elif isinstance(node, ast.Import):
            found += [(node.lineno, a.name) for a in node.names if a.name.startswith("lkjip.")]
    return found


def _modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def test_every_module_belongs_to_a_layer():
    unknown = {_layer(_module_name(p)) for p in _modules()} - set(LAYERS)
    assert not unknown, f"modul di luar lapisan yang dikenal: {sorted(unknown)}"


def test_imports_run_downward_only():
    upward = []
    for path in _modules():
        here = _module_name(path)
        layer = _layer(here)
        for line, target in _imports(path):
            there = _layer(target)
            if layer == "synthetic":
                ok = there in SYNTHETIC_MAY_USE
            else:
                ok = LAYERS.get(there, 99) <= LAYERS[layer]
            if not ok:
                upward.append(f"{path.relative_to(PACKAGE)}:{line}: {here} -> {target}")
    assert not upward, "impor ke lapisan di atasnya:\n" + "\n".join(upward)


def test_the_rule_catches_an_upward_import(tmp_path):
    # The checker itself: a reader importing the report facade is reported.
    module = tmp_path / "bad.py"
    module.write_text("from lkjip.report.laporan import Laporan\n")
    assert _imports(module) == [(1, "lkjip.report.laporan")]
    assert LAYERS[_layer("lkjip.report.laporan")] > LAYERS[_layer("lkjip.ingest.readers.skm")]


def test_each_subpackage_says_its_job():
    for init in sorted(PACKAGE.glob("*/__init__.py")):
        doc = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8")))
        assert doc and len(doc.splitlines()) == 1, f"{init.parent.name}: satu baris docstring"


def test_project_root_is_the_checkout_whatever_the_working_directory(tmp_path, monkeypatch):
    from lkjip.core.paths import project_root

    monkeypatch.delenv("LKJIP_ROOT", raising=False)
    monkeypatch.chdir(tmp_path)  # a folder without laporan.yml anywhere above it
    assert project_root() == PACKAGE.parents[1]
    assert (project_root() / "laporan.yml").exists()


def _edges() -> dict[str, set[str]]:
    """Module -> the ``lkjip`` modules it imports (``from pkg import mod`` counts as ``pkg.mod``)."""
    modules = {_module_name(p) for p in _modules()}
    edges: dict[str, set[str]] = {m: set() for m in modules}
    for path in _modules():
        here = _module_name(path)
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            targets: list[str] = []
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                if node.module.startswith("lkjip"):
                    subs = [f"{node.module}.{a.name}" for a in node.names]
                    found = [s for s in subs if s in modules]
                    targets = found or [node.module]
            elif isinstance(node, ast.Import):
                targets = [a.name for a in node.names if a.name.startswith("lkjip")]
            edges[here] |= {t for t in targets if t in modules and t != here and t != "lkjip"}
    return edges


def _cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(edges.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(edges):
        if v not in index:
            visit(v)
    return found


def test_no_module_imports_itself_through_others():
    # Function-level imports count too: a circle hidden in a function is still a circle.
    assert _cycles(_edges()) == []


def test_the_circle_check_finds_a_circle():
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
