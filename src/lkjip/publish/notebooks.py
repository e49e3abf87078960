"""Executing the report's notebooks with nbclient, as Quarto's Jupyter engine does."""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import nbformat
import yaml
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError
from nbformat import NotebookNode
from traitlets.config import Config

from lkjip.core.paths import paths

#: Seconds a single cell may run before the build fails.
CELL_TIMEOUT = 600

_ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")


class SelGagal(RuntimeError):
    """A cell of a notebook raised an error: which cell, its first line, and the error.

    ``traceback`` keeps the kernel's traceback (without terminal colour codes) for whoever
    needs more than the one-line message.
    """

    def __init__(self, notebook: Path, sel: int, baris: str, ename: str, evalue: str, traceback: str):
        self.notebook, self.sel, self.baris = notebook, sel, baris
        self.ename, self.evalue, self.traceback = ename, evalue, traceback
        super().__init__(f"sel {sel} ({baris!r}) gagal: {ename}: {evalue}")


def _sel_gagal(path: Path, nb: NotebookNode, exc: CellExecutionError) -> SelGagal:
    """The failing cell of ``nb`` (the one with an error output, counted as the notebook
    shows it, parameters cell included) as a :class:`SelGagal`."""
    traceback = _ANSI.sub("", str(exc))
    for index, cell in enumerate(nb.cells, start=1):
        outputs = cell.get("outputs", []) if cell.cell_type == "code" else []
        if any(o.get("output_type") == "error" for o in outputs):
            lines = [line for line in cell.source.splitlines() if line.strip() and not line.startswith("#|")]
            first = lines[0].strip() if lines else ""
            return SelGagal(path, index, first, exc.ename, _ANSI.sub("", exc.evalue), traceback)
    return SelGagal(path, 0, "", exc.ename, _ANSI.sub("", exc.evalue), traceback)


def chapter_notebooks(root: Path | None = None) -> list[Path]:
    """The notebooks of the book, in the order ``_quarto.yml`` lists them (appendices last)."""
    project = paths(root)
    quarto = yaml.safe_load((project.root / "_quarto.yml").read_text(encoding="utf-8"))
    book = quarto["book"]
    chapters = [Path(c) for c in [*book["chapters"], *book.get("appendices", [])]]
    # A chapter is a notebook, or a page bab/<name>.qmd that shows notebooks/<name>.ipynb (the
    # page of the Daftar Isi has no notebook).
    return [
        project.root / c if c.suffix == ".ipynb" else project.notebooks / f"{c.stem}.ipynb"
        for c in chapters
        if c.suffix == ".ipynb"
        or (c.parent.name == "bab" and (project.notebooks / f"{c.stem}.ipynb").exists())
    ]


@contextlib.contextmanager
def _project_env(root: Path) -> Iterator[None]:
    # The kernel inherits this process's environment: point it at the project being built
    # (a temporary copy in tests), whatever the kernel's working directory is.
    old = os.environ.get("LKJIP_ROOT")
    os.environ["LKJIP_ROOT"] = str(root)
    try:
        yield
    finally:
        if old is None:
            os.environ.pop("LKJIP_ROOT", None)
        else:
            os.environ["LKJIP_ROOT"] = old


def _inject_parameters(nb: NotebookNode, parameters: dict) -> NotebookNode:
    """Add a cell after the one tagged ``parameters``, as papermill and Quarto do."""
    lines = [f"{key} = {value!r}" for key, value in parameters.items()]
    cell = nbformat.v4.new_code_cell("\n".join(lines))
    cell.metadata["tags"] = ["injected-parameters"]
    for i, existing in enumerate(nb.cells):
        if "parameters" in existing.get("metadata", {}).get("tags", []):
            nb.cells.insert(i + 1, cell)
            return nb
    raise ValueError("notebook tidak memiliki sel bertanda 'parameters'")


def execute_notebook(
    path: Path,
    *,
    root: Path | None = None,
    parameters: dict | None = None,
    cwd: Path | None = None,
) -> NotebookNode:
    """Execute one notebook top to bottom and return it with its outputs.

    The working directory is the notebook's own folder (as Quarto runs it) unless ``cwd``
    says otherwise.

    Raises
    ------
    SelGagal
        When a cell fails: its number, first line and the error (``ename: evalue``).
    """
    nb = nbformat.read(path, as_version=4)
    if parameters:
        nb = _inject_parameters(nb, parameters)
    # The kernel talks over local sockets (IPC), not TCP: no "Kernel is running over TCP
    # without encryption" warning, and no open ports.
    sockets = tempfile.mkdtemp(prefix="lkjip-kernel-")
    config = Config()
    config.KernelManager.transport = "ipc"
    config.KernelManager.ip = os.path.join(sockets, "kernel")
    client = NotebookClient(
        nb,
        timeout=CELL_TIMEOUT,
        kernel_name="python3",
        resources={"metadata": {"path": str(cwd or path.parent)}},
        config=config,
    )
    try:
        with _project_env(paths(root).root):
            client.execute()
    except CellExecutionError as exc:
        raise _sel_gagal(path, nb, exc) from None
    finally:
        shutil.rmtree(sockets, ignore_errors=True)
    return nb
