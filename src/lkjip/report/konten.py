"""The office-owned narrative text: Markdown under ``konten/``, placeholders filled from the config."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from pydantic import BaseModel

from lkjip.core import fmt
from lkjip.core.config import Config
from lkjip.core.paths import paths

#: The folder's guide for office staff; it is documentation, not a section of the report.
README_NAME = "README.md"

#: What the report shows in place of a prose file that is missing or holds no text yet.
PENANDA_KOSONG = "teks belum diisi: {berkas}"

#: Placeholders computed from the configuration besides its own keys (name -> meaning).
PLACEHOLDER_TURUNAN = {
    "tahun_sebelumnya": "tahun laporan dikurangi satu",
    "tahun_berikutnya": "tahun laporan ditambah satu",
    "wilayah": "daerah unit dengan jenisnya (Kabupaten …, Kota …, atau Provinsi …)",
    "jenis_wilayah": "kabupaten, kota, atau provinsi",
    "pemerintah_daerah": "Pemerintah Kabupaten/Kota/Provinsi …",
    "kepala_daerah": "Bupati, Wali Kota, atau Gubernur",
    "nama_provinsi": "provinsi, dengan kata Provinsi",
    "periode_terkini": "periode terbaru yang memuat tahun laporan, mis. {periode_terkini.kode}",
}

_SECTION_NAME = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
# "{{" and "}}" are literal braces; "{...}" on one line is a placeholder; any other brace is a typo.
_TOKEN = re.compile(r"\{\{|\}\}|\{([^{}\n]*)\}|[{}]")
_FIELD = re.compile(r"^[A-Za-z][A-Za-z0-9_]*(?:\.[A-Za-z][A-Za-z0-9_]*|\[\d+\])*$")
_STEP = re.compile(r"\.([A-Za-z][A-Za-z0-9_]*)|\[(\d+)\]")
# Office staff leave notes for each other in HTML comments; they never reach the report.
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)


#: Said with a placeholder that does not fit this office's data (the default prose's second planning
#: period for an office with one): the prose was written for another office.
SARAN_KONTEN_AWAL = (
    "Teks ini tampaknya ditulis untuk data kantor lain: tulis teks awal yang cocok dengan data kantor "
    "ini dengan `python -m lkjip konten-awal --ke konten --timpa` (menimpa berkas konten/), atau ubah "
    "placeholder ini"
)


class KontenError(ValueError):
    """A konten file is missing or holds a placeholder that cannot be filled.

    The message (in Bahasa Indonesia) names the file, the line and the placeholder.
    """


def list_sections(konten_dir: Path | str | None = None) -> list[str]:
    """Return the names of the sections available in the konten folder.

    Parameters
    ----------
    konten_dir : path-like, optional
        The folder holding the Markdown files. Defaults to ``paths().konten``.

    Returns
    -------
    list of str
        The file names without ``.md``, sorted alphabetically; ``README.md`` is left out.
    """
    folder = _folder(konten_dir)
    if not folder.is_dir():
        return []
    return sorted(
        p.stem for p in folder.glob("*.md") if p.is_file() and p.name.lower() != README_NAME.lower()
    )


def load_section(
    name: str, config: Config, konten_dir: Path | str | None = None, *, wajib: bool = False
) -> str:
    """Return the Markdown of ``konten/<name>.md`` with its placeholders filled.

    A placeholder is a configuration key in braces: ``{tahun}``, ``{instansi.nama_lengkap}``,
    ``{periode[0].kode}``; besides the keys of ``laporan.yml`` there are the ones of
    :data:`PLACEHOLDER_TURUNAN` (``{tahun_sebelumnya}``, ``{wilayah}``, ``{kepala_daerah}``, ...).
    Dates are written in Indonesian ("30 Januari 2026") and decimals with a decimal comma.
    ``{{`` and ``}}`` give literal braces. HTML comments (``<!-- ... -->``) are notes for the
    office and are removed.

    A file that is missing, or holds nothing but comments and blank lines, gives a visible
    marker instead of text (``**[teks belum diisi: konten/<name>.md]**``), so that a new
    office's report builds while its prose is still being written.

    Parameters
    ----------
    name : str
        The section, i.e. the file name without ``.md`` (``"bab1_latar_belakang"``).
    config : Config
        The report configuration that fills the placeholders.
    konten_dir : path-like, optional
        The folder holding the Markdown files. Defaults to ``paths().konten``.
    wajib : bool
        Refuse a missing file (``KontenError``) instead of returning the marker.

    Returns
    -------
    str
        The filled Markdown, without leading or trailing blank lines.

    Raises
    ------
    KontenError
        When a placeholder is unknown, not a single value, not set for this office, or
        malformed (e.g. a lone ``{``): the message names the file, the line, the placeholder and
        the placeholders that exist; with ``wajib``, also when the file does not exist.
    """
    path = _section_path(name, konten_dir)
    if not path.is_file():
        if not wajib:
            return penanda_kosong(path)
        available = ", ".join(list_sections(path.parent)) or "(tidak ada)"
        raise KontenError(f"Berkas konten tidak ditemukan: {path}\n  Bagian yang tersedia: {available}")
    return load_file(path, config) or penanda_kosong(path)


def load_file(path: Path, config: Config) -> str:
    """The Markdown of the existing konten file ``path``, placeholders filled and comments removed.

    As :func:`load_section` for a file at any path (``konten/skm-unit/UL-01.md``), except that
    a file holding nothing but comments and blank lines gives ``""`` (the caller decides what
    stands in its place).
    """
    text = path.read_text(encoding="utf-8")
    # Keep the comments' line breaks so that line numbers in messages match the file.
    text = _COMMENT.sub(lambda m: "\n" * m.group(0).count("\n"), text)
    if not text.strip():
        return ""
    filled = _fill(text, _placeholder_roots(config), path)
    # Removed comments leave runs of blank lines; one is enough between Markdown blocks.
    return re.sub(r"\n(?:[ \t]*\n){2,}", "\n\n", filled).strip()


def penanda_kosong(path: Path) -> str:
    """The visible marker for a prose file without text: ``**[teks belum diisi: konten/x.md]**``."""
    return f"**[{PENANDA_KOSONG.format(berkas=f'{path.parent.name}/{path.name}')}]**"


def daftar_placeholder(config: Config) -> list[str]:
    """Every placeholder this office's ``laporan.yml`` can fill, as written in a konten file.

    Lists give their first item (``{periode[0].kode}``); keys without a value for this office
    (``kota`` for a kabupaten) are left out.

    Examples
    --------
    >>> from lkjip.core.config import load_config
    >>> names = daftar_placeholder(load_config())
    >>> "{instansi.nama_lengkap}" in names, "{wilayah}" in names, "{periode[0].misi[0]}" in names
    (True, True, True)
    """
    found: list[str] = []

    def walk(value: object, trail: str) -> None:
        if value is None:
            return
        if isinstance(value, BaseModel):
            for key in type(value).model_fields:
                walk(getattr(value, key), f"{trail}.{key}")
        elif isinstance(value, dict):
            for key, item in value.items():
                if re.fullmatch(r"[A-Za-z][A-Za-z0-9_]*", str(key)):
                    walk(item, f"{trail}.{key}")
        elif isinstance(value, list | tuple):
            if value:
                walk(value[0], f"{trail}[0]")
        else:
            found.append(f"{{{trail}}}")

    for head, value in _placeholder_roots(config).items():
        walk(value, head)
    return found


def kata_pengantar_ttd(config: Config) -> str:
    """Return the signature block that closes the Kata Pengantar, as Markdown.

    Lines: place and date ("Kota, 30 Januari 2026"), the signatory's position (``jabatan``),
    room for the signature, the signatory's name in bold, pangkat (golongan), and NIP; every
    field of ``penandatangan`` in ``laporan.yml`` is used. Joined by Markdown hard line
    breaks (a backslash at the end of the line), which Quarto/pandoc and CommonMark honour.

    Parameters
    ----------
    config : Config
        The report configuration; only ``penandatangan`` is used.

    Returns
    -------
    str
        The block, e.g. ``"Kota, 30 Januari 2026\\\\ Kepala Bagian ... NIP 197005281994032003"``.
    """
    ttd = config.penandatangan
    lines = [
        f"{ttd.kota}, {fmt.tanggal(ttd.tanggal)}",
        ttd.jabatan,
        "",
        "",
        "",
        f"**{ttd.nama}**",
        f"{ttd.pangkat} ({ttd.golongan})",
        f"NIP {ttd.nip}",
    ]
    return "\\\n".join(lines)


def _folder(konten_dir: Path | str | None) -> Path:
    return Path(konten_dir) if konten_dir is not None else paths().konten


def _section_path(name: str, konten_dir: Path | str | None) -> Path:
    stem = name.removesuffix(".md")
    if not _SECTION_NAME.match(stem):
        raise KontenError(
            f"Nama bagian konten tidak sah: {name!r} "
            "(gunakan nama berkas tanpa folder: huruf kecil, angka, '_' atau '-')"
        )
    return _folder(konten_dir) / f"{stem}.md"


def _placeholder_roots(config: Config) -> dict[str, object]:
    roots: dict[str, object] = {key: getattr(config, key) for key in type(config).model_fields}
    roots["tahun_sebelumnya"] = config.tahun - 1
    roots["tahun_berikutnya"] = config.tahun + 1
    for key in ("wilayah", "jenis_wilayah", "pemerintah_daerah", "kepala_daerah", "nama_provinsi"):
        roots[key] = getattr(config, key)
    roots["periode_terkini"] = config.periode_aktif[-1]
    return roots


def _fill(text: str, roots: dict[str, object], path: Path) -> str:
    parts: list[str] = []
    position = 0
    for match in _TOKEN.finditer(text):
        parts.append(text[position : match.start()])
        position = match.end()
        token = match.group(0)
        if token in ("{{", "}}"):
            parts.append(token[0])
            continue
        line = text.count("\n", 0, match.start()) + 1
        where = f"{path}, baris {line}"
        if match.group(1) is None:
            raise KontenError(
                f"{where}: kurung kurawal '{token}' tanpa pasangan. Placeholder ditulis "
                "{nama}; untuk kurung kurawal biasa tulis {{ atau }}."
            )
        parts.append(_resolve(match.group(1).strip(), roots, f"{where}: placeholder {token}"))
    parts.append(text[position:])
    return "".join(parts)


def _resolve(field: str, roots: dict[str, object], where: str) -> str:
    if not _FIELD.match(field):
        raise KontenError(
            f"{where} tidak sah: tulis nama kunci konfigurasi, mis. {{tahun}}, "
            "{instansi.nama_lengkap} atau {periode[0].kode} (tanpa ':' atau '!')"
        )
    head = re.match(r"[A-Za-z0-9_]+", field).group(0)
    if head not in roots:
        raise KontenError(
            f"{where} tidak dikenal: '{head}' bukan kunci konfigurasi. "
            f"Yang tersedia: {', '.join(sorted(roots))}"
        )
    if roots[head] is None:
        filled = ", ".join(k for k in sorted(roots) if roots[k] is not None)
        raise KontenError(
            f"{where} tidak dapat diisi: '{head}' tidak diisi di laporan.yml kantor ini "
            f"(mis. kabupaten untuk unit kota atau provinsi; pakai {{wilayah}}). Yang tersedia: {filled}. "
            f"{SARAN_KONTEN_AWAL}"
        )
    value, trail = roots[head], head
    for step in _STEP.finditer(field, len(head)):
        key, index = step.group(1), step.group(2)
        if key is not None:
            value = _attribute(value, key, trail, where)
        else:
            value = _item(value, int(index), trail, where)
        trail += step.group(0)
    return _as_text(value, trail, where)


def _attribute(value: object, key: str, trail: str, where: str) -> object:
    if isinstance(value, BaseModel):
        keys = list(type(value).model_fields)
        if key in keys:
            return getattr(value, key)
    elif isinstance(value, dict):
        keys = [str(k) for k in value]
        if key in value:
            return value[key]
    else:
        raise KontenError(f"{where} tidak dikenal: '{trail}' tidak mempunyai sub-kunci")
    raise KontenError(
        f"{where} tidak dikenal: '{trail}' tidak mempunyai kunci '{key}'. Yang tersedia: {', '.join(keys)}"
    )


def _item(value: object, index: int, trail: str, where: str) -> object:
    if not isinstance(value, list | tuple):
        raise KontenError(f"{where} tidak sah: '{trail}' bukan daftar, tidak dapat diberi [nomor]")
    if index >= len(value):
        raise KontenError(
            f"{where} tidak dikenal: '{trail}' hanya berisi {len(value)} butir (nomor urut dimulai dari 0). "
            f"{SARAN_KONTEN_AWAL}"
        )
    return value[index]


def _as_text(value: object, trail: str, where: str) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "ya" if value else "tidak"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return fmt.angka_ringkas(value, 3)
    if isinstance(value, dt.date):
        return fmt.tanggal(value)
    hint = f"{{{trail}[0]}}" if isinstance(value, list | tuple) else f"{{{trail}.<kunci>}}"
    raise KontenError(
        f"{where} tidak sah: '{trail}' bukan satu nilai tunggal; pilih salah satu isinya, mis. {hint}"
    )
