"""Deterministic .xlsx saving: same workbook content gives the same bytes on every run."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

from openpyxl.workbook.workbook import Workbook

#: Timestamp stamped into every generated workbook (document properties and zip entries).
FIXED_TIME = dt.datetime(2026, 1, 15, 8, 0, 0)


def save_deterministic(wb: Workbook, path: Path, *, creator: str = "lkjip data sintetis") -> Path:
    """Save ``wb`` to ``path`` with fixed document times and zip entry times.

    openpyxl stamps the current time into ``docProps/core.xml`` and into every zip entry;
    both are pinned here so regenerating the default data gives byte-identical files.
    """
    wb.properties.creator = creator
    wb.properties.lastModifiedBy = creator
    wb.properties.created = FIXED_TIME
    wb.properties.modified = FIXED_TIME
    buffer = io.BytesIO()
    wb.save(buffer)
    buffer.seek(0)
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(buffer) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in sorted(src.infolist(), key=lambda i: i.filename):
            data = src.read(item.filename)
            if item.filename == "docProps/core.xml":
                data = _pin_core_times(data)
            info = zipfile.ZipInfo(item.filename, date_time=FIXED_TIME.timetuple()[:6])
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o600 << 16
            dst.writestr(info, data)
    return path


def _pin_core_times(xml: bytes) -> bytes:
    # openpyxl may overwrite ``modified`` with now() while saving; pin both stamps.
    import re

    stamp = FIXED_TIME.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    for tag in (b"dcterms:created", b"dcterms:modified"):
        xml = re.sub(rb"(<" + tag + rb"[^>]*>)[^<]*(</" + tag + rb">)", rb"\g<1>" + stamp + rb"\g<2>", xml)
    return xml
