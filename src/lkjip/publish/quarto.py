"""Finding the Quarto that renders the book: the PATH first, then the offline kit.

The project is developed beside an offline Quarto kit (``../shared/quarto/setup.sh``, which
installs into ``${XDG_CACHE_HOME:-~/.cache}/quarto-offline``). :func:`find_quarto` looks in
that order: ``quarto`` on the PATH, an already installed kit, then the kit's setup script.
"""

from __future__ import annotations

import os
import shutil
import subprocess
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
