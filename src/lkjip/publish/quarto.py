"""Finding the Quarto that renders the book, and the Python its pre-render steps run with.

The project is developed beside an offline Quarto kit (``../shared/quarto/setup.sh``, which
installs into ``${XDG_CACHE_HOME:-~/.cache}/quarto-offline``). :func:`find_quarto` looks in
that order: ``quarto`` on the PATH, an already installed kit, then the kit's setup script.

Quarto runs the pre-render commands of ``_quarto.yml`` (``python -m lkjip ...``) with the
``python`` it finds on the PATH. :func:`render_environment` makes that the interpreter running
the build, whatever the PATH says (a virtual environment started as ``.venv/bin/python -m lkjip
build`` without activating it, as on Windows, in cron or in an IDE).
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

#: The kit's setup script, relative to the project root.
KIT_SETUP = Path("..") / "shared" / "quarto" / "setup.sh"


@dataclass(frozen=True)
class Quarto:
    """A Quarto binary and where it came from: ``"render"`` (the one running us), ``"PATH"``,
    ``"kit"``, ``"setup.sh"`` or ``"argumen"``."""

    path: Path
    asal: str

    def describe(self) -> str:
        """One Indonesian line for the build's progress output."""
        sumber = {
            "PATH": "dari PATH",
            "kit": "kit offline terpasang",
            "setup.sh": f"kit offline, dipasang dengan {KIT_SETUP}",
            "argumen": "ditentukan pemanggil",
            "render": "Quarto yang sedang menjalankan render ini",
        }[self.asal]
        return f"Quarto: {self.path} ({sumber})"


def kit_binary() -> Path:
    """Where the offline kit installs ``quarto`` (``setup.sh``'s default prefix)."""
    cache = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(cache) / "quarto-offline" / "bin" / "quarto"


def find_quarto(root: Path | None = None, *, setup: bool = True) -> Quarto | None:
    """Locate Quarto: PATH, then the installed kit, then (if ``setup``) the kit's setup script.

    Inside a render (Quarto's pre-render scripts) the Quarto that runs it comes first.

    Parameters
    ----------
    root : Path, optional
        Project root; the setup script is looked for at ``root/../shared/quarto/setup.sh``.
    setup : bool
        Run the kit's setup script when it exists and nothing else was found (about 20 s the
        first time, then instant).

    Returns
    -------
    Quarto or None
        ``None`` when there is no Quarto and no kit.

    Examples
    --------
    >>> q = find_quarto(setup=False)
    >>> q is None or q.asal in {"render", "PATH", "kit"}
    True
    """
    running = os.environ.get("QUARTO_BIN_PATH")  # set by Quarto for its pre-render scripts
    if running and (Path(running) / "quarto").is_file():
        return Quarto(Path(running) / "quarto", "render")
    on_path = shutil.which("quarto")
    if on_path:
        return Quarto(Path(on_path), "PATH")
    installed = kit_binary()
    if installed.is_file() and os.access(installed, os.X_OK):
        return Quarto(installed, "kit")
    if not setup or root is None:
        return None
    script = (Path(root) / KIT_SETUP).resolve()
    if not script.is_file():
        return None
    result = subprocess.run(["bash", str(script)], capture_output=True, text=True, check=False)
    lines = result.stdout.strip().splitlines()
    if result.returncode != 0 or not lines or not lines[-1].startswith("quarto: "):
        raise RuntimeError(
            f"pemasangan kit Quarto ({script}) gagal: {(result.stderr or result.stdout).strip()[-500:]}"
        )
    # last line: "quarto: PREFIX/bin/quarto (VERSION)"
    return Quarto(Path(lines[-1][len("quarto: ") :].rsplit(" (", 1)[0]), "setup.sh")


#: Where :func:`render_environment` writes its ``python`` launcher when the interpreter's own
#: folder has none that is the same interpreter (relative to the project root, git-ignored).
LAUNCHER = Path("_bab") / "python"


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.samefile(b)
    except OSError:
        return False


def render_environment(
    root: Path, python: str | None = None, environ: dict[str, str] | None = None
) -> dict[str, str]:
    """The environment to run ``quarto render`` in, so that its ``python`` is ``python``.

    ``QUARTO_PYTHON`` names the interpreter (Quarto's own choice of Python), and the PATH
    starts with its folder (a virtual environment's ``bin``/``Scripts``: its ``python``, its
    ``jupyter``). When that folder's ``python`` is another interpreter or none (a system
    ``/usr/bin/python3``), a one-line launcher in ``_bab/python/`` goes first.

    Parameters
    ----------
    root : Path
        Project root (the launcher's folder is made there when needed).
    python : str, optional
        The interpreter (default: the one running this code, ``sys.executable``).
    environ : dict, optional
        The environment to start from (default: this process's).

    Examples
    --------
    >>> import tempfile
    >>> env = render_environment(Path(tempfile.mkdtemp()), environ={"PATH": "/tidak/ada"})
    >>> env["QUARTO_PYTHON"] == sys.executable, env["PATH"].endswith(os.pathsep + "/tidak/ada")
    (True, True)
    """
    interpreter = Path(python or sys.executable)
    env = dict(os.environ if environ is None else environ)
    folders = [str(interpreter.parent)]
    name = "python.exe" if os.name == "nt" else "python"
    if os.name != "nt" and not _same_file(interpreter.parent / name, interpreter):
        launcher = Path(root) / LAUNCHER
        launcher.mkdir(parents=True, exist_ok=True)
        script = launcher / name
        script.write_text(f"#!/bin/sh\nexec {shlex.quote(str(interpreter))} \"$@\"\n", encoding="utf-8")
        script.chmod(0o755)
        folders.insert(0, str(launcher.resolve()))
    env["QUARTO_PYTHON"] = str(interpreter)
    env["PATH"] = os.pathsep.join([*folders, env.get("PATH", "")])
    return env
