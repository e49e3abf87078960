"""Write the whole synthetic default data set and its data log (``data/raw/README.md``)."""

from __future__ import annotations

from pathlib import Path

from lkjip.core.config import Config
from lkjip.core.hashing import sha256
from lkjip.synthetic import anggaran, evaluasi, perjanjian_kinerja, skm

#: The generator modules, each writing its own workbooks.
GENERATORS = (anggaran, skm, evaluasi, perjanjian_kinerja)


def data_log_entries() -> dict[str, tuple[str, str, str]]:
    """Per file: (source system, what it holds and how it is laid out, who supplies it).

    Each generator module describes its own files, in ``DATA_LOG`` (a mapping) or in
    ``FILE_NAME`` with ``DATA_LOG_ENTRY`` (one file).
    """
    entries: dict[str, tuple[str, str, str]] = {}
    for module in GENERATORS:
        entries.update(getattr(module, "DATA_LOG", {}))
        if hasattr(module, "DATA_LOG_ENTRY"):
            entries[module.FILE_NAME] = module.DATA_LOG_ENTRY
    return entries

_HEADER = """# Data log: `data/raw/`

> **DATA SINTETIS.** Semua berkas di folder ini dibuat oleh program
> (`python -m lkjip contoh-data`, kode di `src/lkjip/synthetic/`, benih acak tetap) agar
> laporan dapat dibangun dan diuji tanpa berkas pribadi kantor. Angka-angkanya dibuat supaya
> menghasilkan kembali angka LKjIP 2025 Bagian Organisasi Setda Kabupaten Mojokerto; nama
> responden dan nomor telepon adalah palsu. Menjalankan ulang pembuat data menghasilkan berkas
> yang identik byte demi byte.

Folder ini **tidak pernah diubah** oleh pipeline: ekspor baru dari kantor cukup diletakkan di
sini (mengganti berkas contoh) lalu `python -m lkjip build` dijalankan. Berkas dikenali dari
namanya (pola di `lkjip.ingest.SOURCES`).

Data pribadi: kolom nama, nomor HP/telepon, NIK, email, dan setiap kolom lain yang tidak ada
dalam kontrak data dibuang saat pembacaan dan tidak pernah ditulis ke `data/processed/`
(lihat `manifest.json`, bagian `catatan`).
"""


def write_data_log(out_dir: Path, files: list[Path]) -> Path:
    """Write ``README.md`` in ``out_dir`` describing each file, with its SHA-256."""
    lines = [_HEADER, "## Berkas\n"]
    entries = data_log_entries()
    for path in sorted(files, key=lambda p: p.name):
        system, content, supplier = entries[path.name]
        lines += [
            f"### `{path.name}`\n",
            f"- Sistem sumber: {system}",
            f"- Pemasok: {supplier}",
            f"- SHA-256: `{sha256(path)}`",
            f"- Isi dan tata letak: {content}",
            "",
        ]
    log = out_dir / "README.md"
    log.write_text("\n".join(lines), encoding="utf-8")
    return log


def generate_all(out_dir: Path, config: Config) -> list[Path]:
    """Generate every default workbook into ``out_dir`` and the data log; return the paths."""
    out_dir.mkdir(parents=True, exist_ok=True)
    files: list[Path] = []
    for module in GENERATORS:
        files += module.write(out_dir, config)
    return [*files, write_data_log(out_dir, files)]
