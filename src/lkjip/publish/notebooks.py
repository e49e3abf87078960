"""Executing the report's notebooks with nbclient, as Quarto's Jupyter engine does."""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import nbformat
import yaml
from nbclient import NotebookClient
from nbformat import NotebookNode
from traitlets.config import Config

from lkjip.core.paths import paths

#: Seconds a single cell may run before the build fails.
CELL_TIMEOUT = 600


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
    says otherwise. A failing cell raises ``nbclient.exceptions.CellExecutionError``.
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
    finally:
        shutil.rmtree(sockets, ignore_errors=True)
    return nb
