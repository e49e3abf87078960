"""Survey exports that are not the e-SKM template: Google Forms and the e-SKM "Format Permenpan".

Both are recognised by their content and turned into the shape the fast SKM reader
(:mod:`lkjip.ingest.readers.skm`) reads, column by column, without copying a cell by hand:

- **Google Forms** (sheet ``Respons Formulir 1`` / ``Form Responses 1``): a ``Cap waktu`` /
  ``Timestamp`` column, the unit by name (or one unit per form, declared in ``laporan.yml``'s
  ``pemetaan``), the nine PermenPANRB 14/2017 questions as numbered full texts in questionnaire
  order (question 8 is sarana, 9 is pengaduan) and the answers as the regulation's words
  ("Sangat sesuai" ... "Tidak sesuai", "Sangat cepat" ..., "Gratis" ...) or as 1-4.
- **e-SKM "Format Permenpan"**: one unit per file, named in a title line ``UNIT PELAYANAN : ...``;
  a header ``No | Usia | Jenis Kelamin | Pekerjaan | Pendidikan | NILAI UNSUR PELAYANAN`` over a
  second row ``U1 .. U9`` (questionnaire order: U8 sarana, U9 pengaduan); the printed
  ``Nilai/Unsur``, ``NRR``, ``IKM`` rows below the respondents.

Each question is matched to the configured unsur by what it asks about (persyaratan, prosedur,
waktu, biaya, produk, kompetensi, perilaku, pengaduan, sarana), never by its position, so a form
that swaps questions 8 and 9 is read right. Respondents get numbers in the order of their rows
within each unit (a form has none); the unit's name stands in for its code until the data step
finds the code in a register (:mod:`lkjip.ingest.registers`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from lkjip.core.config import BerkasPemetaan, Config
from lkjip.ingest.judul import SEARCH_ROWS, find_header, header_labels
from lkjip.ingest.pemetaan import deklarasi
from lkjip.ingest.problems import StructuralError

#: What each unsur of PermenPANRB 14/2017 asks about, as words in a question or an unsur name.
KONSEP: dict[str, str] = {
    "persyaratan": r"persyaratan",
    "prosedur": r"prosedur|mekanisme",
    "waktu": r"waktu|kecepatan",
    "biaya": r"biaya|tarif",
    "produk": r"produk|spesifikasi",
    "kompetensi": r"kompeten|kemampuan",
    "perilaku": r"perilaku|kesopanan|keramahan",
    "pengaduan": r"pengaduan",
    "sarana": r"sarana|prasarana",
}

#: The questionnaire's answer words (PermenPANRB 14/2017, lampiran), folded -> score.
KATA_JAWABAN: dict[str, int] = {
    **{f"{a} {w}".strip(): s for w in ("sesuai", "mudah", "cepat", "kompeten", "sopan dan ramah")
       for a, s in (("tidak", 1), ("kurang", 2), ("", 3), ("sangat", 4))},
    "sangat mahal": 1, "cukup mahal": 2, "murah": 3, "gratis": 4,
    "buruk": 1, "cukup": 2, "baik": 3, "sangat baik": 4,
    "tidak ada": 1, "ada tetapi tidak berfungsi": 2, "berfungsi kurang maksimal": 3,
    "dikelola dengan baik": 4,
}  # fmt: skip

#: Order of the questionnaire of the regulation's annex: question 8 is sarana, 9 pengaduan.
URUTAN_KUESIONER = (
    "persyaratan", "prosedur", "waktu", "biaya", "produk", "kompetensi", "perilaku", "sarana", "pengaduan",
)  # fmt: skip

_TIMESTAMP = {"cap waktu", "timestamp", "tanda waktu", "stempel waktu", "waktu pengisian"}
_UNIT = ("unit layanan", "unit pelayanan", "nama unit", "nama unit layanan", "unit kerja", "perangkat daerah",
         "opd", "pd/ukpd", "instansi", "unit")  # fmt: skip
_FIELDS = {
    "jenis_kelamin": ("jenis kelamin", "jk", "kelamin"),
    "umur": ("umur", "usia"),
    "pendidikan": ("pendidikan", "pendidikan terakhir"),
    "pekerjaan": ("pekerjaan", "pekerjaan utama"),
    "jenis_layanan": ("jenis layanan", "layanan", "jenis pelayanan", "layanan yang diterima"),
    "saran": ("saran", "saran dan masukan", "kritik dan saran", "saran/masukan", "masukan"),
}
_ENUMERATOR = re.compile(r"^\(?(?:[a-d]|[1-4])[.)]\s+|\s*\([1-4]\)$")
_DMY_TIME = r"^(\d{1,2}[/.-]\d{1,2}[/.-]\d{4})[ T]\d{1,2}[:.]\d{2}(?:[:.]\d{2})?$"
_FOOTER = re.compile(r"^(nilai|nrr|ikm|jumlah|rata|total|keterangan)\b")


def fold(value: object) -> str:
    """A header or answer as compared: lower case, single spaces, no enumerator or end dot.

    >>> fold("  4. Sangat  Sesuai "), fold("Sesuai (3)"), fold("Cap waktu")
    ('sangat sesuai', 'sesuai', 'cap waktu')
    """
    if value is None:
        return ""
    text = " ".join(str(value).split()).lower().rstrip(" .:")
    return _ENUMERATOR.sub("", text).strip()


def konsep(text: str) -> str | None:
    """The unsur a question or an unsur name is about, or None.

    >>> konsep("8. Bagaimana pendapat Saudara tentang kualitas sarana dan prasarana?")
    'sarana'
    >>> konsep("Penanganan Pengaduan, Saran dan Masukan"), konsep("Jenis Kelamin")
    ('pengaduan', None)
    """
    folded = fold(text)
    for name, pattern in KONSEP.items():
        if re.search(pattern, folded):
            return name
    return None


def unsur_kolom(config: Config) -> dict[str, str]:
    """Concept -> the configured answer column (``config.skm.unsur[].kolom``) for that unsur."""
    out = {}
    for unsur in config.skm.unsur:
        found = konsep(unsur.nama)
        if found is not None:
            out.setdefault(found, unsur.kolom)
    return out


@dataclass
class Susunan:
    """A recognised survey sheet, made into the template's shape for the fast reader."""

    tata_letak: str  # "Google Forms", "e-SKM Format Permenpan"
    table: pa.Table  # the sheet's columns (answers as digits), then the columns made here
    columns: list[int]  # absolute 0-based column of each table column
    header: int  # 0-based row of the (last) header row; data below it
    mapping: dict[str, int]  # field -> position in ``table``
    others: list[tuple[int, str]]  # header cells not read
    notes: list[str] = field(default_factory=list)
    #: Rows below the respondents (printed NRR/IKM) cut off the table: reason -> count.
    dilewati: dict[str, int] = field(default_factory=dict)
    #: What each read column is, for ``kenali``: header text as printed -> field.
    dibaca_sebagai: dict[str, str] = field(default_factory=dict)
    #: The figures printed below the respondents ("Format Permenpan"), for the reviu: dicts of
    #: besaran, kolom (the answer column, None for the totals), teks, baris (Excel row), col (0-based).
    tercetak: list[dict] = field(default_factory=list)


def kenali(
    berkas: str, name: str, table: pa.Table, columns: list[int], config: Config
) -> Susunan | None:
    """Recognise a Google Forms or e-SKM "Format Permenpan" sheet; None when it is neither."""
    declared = deklarasi(config, "skm", berkas, name)
    if declared is not None and declared.sheet is not None and fold(declared.sheet) != fold(name):
        return None
    needed = max([SEARCH_ROWS, *(declared.header_rows or [] if declared is not None else [])]) + 1
    rows = table.slice(0, needed).to_pylist()
    names = table.column_names
    grid = [[row[n] for n in names] for row in rows]
    return _google_forms(berkas, name, table, columns, grid, config, declared) or _format_permenpan(
        berkas, name, table, columns, grid, config, declared
    )


def _header(grid, fields, required, berkas, name, declared, *, top_only=False, **options):
    """The header of a survey sheet by :func:`lkjip.ingest.judul.find_header`, or None.

    ``top_only``: of the declared header rows, the first (the labels above the U1 .. U9 row).
    """
    rows = declared.header_rows if declared is not None else None
    try:
        return find_header(
            grid, fields, required, berkas=berkas, sheet=name, key=fold,
            declared_rows=rows[:1] if rows and top_only else rows,
            join=declared.header_join if declared is not None else " ",
            aliases=declared.kolom if declared is not None else None, twice_ok=True, **options,
        )  # fmt: skip
    except StructuralError:
        return None


def _questions(
    header: list, config: Config, declared: BerkasPemetaan | None
) -> tuple[dict[int, str], list[str]]:
    """Answer column per position, by what each question asks about (or by the declaration)."""
    targets = unsur_kolom(config)
    own = {fold(k): v for k, v in (declared.kolom if declared else {}).items()}
    kolom = {u.kolom for u in config.skm.unsur}
    found: dict[int, str] = {}
    problems = []
    for pos, label in enumerate(header):
        text = fold(label)
        if not text:
            continue
        if text in own and own[text] in kolom:
            found[pos] = own[text]
            continue
        what = konsep(text)
        if what is None or not (re.match(r"^\d+[.)]?\s", str(label).strip()) or len(text) > 25):
            continue
        if what in targets:
            found[pos] = targets[what]
    seen: dict[str, int] = {}
    for pos, kol in found.items():
        if kol in seen:
            problems.append(f"kolom {kol} dikenali dua kali (kolom ke-{seen[kol] + 1} dan ke-{pos + 1})")
        seen[kol] = pos
    return found, problems


def _answers(column: pa.ChunkedArray, words: dict[str, int]) -> pa.ChunkedArray:
    """Answer words to digits ("Sangat sesuai" -> "4"); digits and unknown words stay as written.

    An unknown word stays as it is, so that the reader quarantines its row naming the word.
    """
    values = column.to_pylist()
    distinct = {v for v in values if v is not None}
    table = {v: str(words[fold(v)]) for v in distinct if fold(v) in words}
    if not table:
        return column
    out = [table.get(v, v) if v is not None else None for v in values]
    return pa.chunked_array([pa.array(out, pa.string())])


def _numbered(units: list[object]) -> list[str]:
    """Respondent numbers 1, 2, ... in the order of the rows, within each unit."""
    frame = pd.Series([u if u is not None else "" for u in units])
    return [str(n) for n in (frame.groupby(frame, sort=False).cumcount() + 1).tolist()]


def _fields(header: list, taken: set[int]) -> dict[str, int]:
    out: dict[str, int] = {}
    for pos, label in enumerate(header):
        text = re.sub(r"\s*\(.*\)$", "", fold(label))
        for name, aliases in _FIELDS.items():
            if pos not in taken and name not in out and text in aliases:
                out[name] = pos
    return out


#: The columns of a Google Forms export the reader finds by their labels (the questions are
#: found by what they ask, :func:`_questions`).
_FORM_FIELDS = {"tanggal": tuple(sorted(_TIMESTAMP)), "unit": _UNIT, **_FIELDS}
#: The columns of the e-SKM "Format Permenpan" sheet above its second header row (U1 .. U9).
_PERMENPAN_FIELDS = {"no": ("No",), "nilai_unsur": ("NILAI UNSUR PELAYANAN", "nilai unsur"), **_FIELDS}


def _google_forms(berkas, name, table, columns, grid, config, declared) -> Susunan | None:
    judul = _header(grid, _FORM_FIELDS, ["tanggal"], berkas, name, declared)
    if judul is None:
        return None
    h, header = judul.baris, judul.label
    questions, problems = _questions(header, config, declared)
    if len(questions) < len(config.skm.unsur) or problems:
        return None
    unit_pos = judul.kolom.get("unit")
    constant = (declared.konstan.get("unit") if declared else None) or None
    if unit_pos is None and constant is None:
        return None  # a form of one unit: the unit must be declared (kenali says so)
    return _build(
        "Google Forms", berkas, name, table, columns, h, header, questions, config, declared,
        tanggal=judul.kolom["tanggal"], unit_pos=unit_pos, unit_constant=constant, cut=None,
    )  # fmt: skip


def _format_permenpan(berkas, name, table, columns, grid, config, declared) -> Susunan | None:
    top = _header(grid, _PERMENPAN_FIELDS, ["no", "nilai_unsur"], berkas, name, declared, top_only=True)
    if top is None or top.baris + 1 >= len(grid):
        return None
    h = top.baris
    unit_name = _unit_in_title(grid[:h])
    # The second header row names the answer columns U1 .. U9 under NILAI UNSUR PELAYANAN.
    merged = header_labels(grid, h, h + 1)
    sub = grid[h + 1]
    codes = {
        p: str(v).strip().upper() for p, v in enumerate(sub) if v and re.fullmatch(r"U\d", str(v).strip())
    }
    if len(codes) < len(config.skm.unsur):
        return None
    # The columns U1..U9 follow the questionnaire: question 8 is sarana, 9 pengaduan.
    targets = unsur_kolom(config)
    own = {fold(k): v for k, v in (declared.kolom if declared else {}).items()}
    questions = {}
    for p, code in codes.items():
        if fold(code) in own:
            questions[p] = own[fold(code)]
        elif (i := int(code[1]) - 1) < len(URUTAN_KUESIONER) and URUTAN_KUESIONER[i] in targets:
            questions[p] = targets[URUTAN_KUESIONER[i]]
    constant = (declared.konstan.get("unit") if declared else None) or unit_name
    if constant is None:
        return None
    labels = [codes.get(p, label) for p, label in enumerate(merged)]
    no = top.kolom["no"]
    data = table.slice(h + 2).column(no).to_pylist()
    cut = next((i for i, v in enumerate(data) if v is not None and _FOOTER.match(fold(v))), None)
    found = _build(
        "e-SKM Format Permenpan", berkas, name, table, columns, h + 1, labels, questions, config,
        declared, tanggal=None, unit_pos=None, unit_constant=constant, cut=cut, no=no,
    )  # fmt: skip
    if cut is not None:
        found.tercetak = _printed(table, h + 2 + cut, questions, max(codes))
    return found


def _printed(table: pa.Table, first: int, questions: dict[int, str], last_u: int) -> list[dict]:
    """The figures printed below the respondents: Nilai/Unsur, NRR/Unsur, NRR tertimbang/unsur (with
    their total after the last unsur) and the unit's IKM.

    ``first`` is the 0-based table row of the first printed row (its Excel row is ``first + 1``).
    """
    out = []
    for i, row in enumerate(table.slice(first).to_pylist()):
        cells = list(row.values())
        label = " ".join(fold(v) for v in cells[: min(questions)] if v is not None)
        if label.startswith("ikm"):
            kind = "ikm"
        elif "tert" in label:
            kind = "nrr_tertimbang"
        elif label.startswith("nrr"):
            kind = "nrr"
        elif label.startswith("nilai"):
            kind = "jumlah"
        else:
            continue
        baris = first + i + 1
        if kind != "ikm":
            out += [
                {"besaran": kind, "kolom": kolom, "teks": cells[p], "baris": baris, "col": p}
                for p, kolom in sorted(questions.items())
                if p < len(cells) and cells[p] is not None
            ]
        after = next((p for p in range(last_u + 1, len(cells)) if cells[p] is not None), None)
        if kind in ("ikm", "nrr_tertimbang") and after is not None:
            total = "ikm" if kind == "ikm" else "nrr_tertimbang_total"
            out.append({"besaran": total, "kolom": None, "teks": cells[after], "baris": baris, "col": after})
    return out


def _unit_in_title(rows: list[list]) -> str | None:
    """The unit named in a title line ``UNIT PELAYANAN : ...`` (in one cell or two)."""
    for row in rows:
        for p, v in enumerate(row):
            if not fold(v).startswith("unit pelayanan"):
                continue
            rest = str(v).split(":", 1)[1] if ":" in str(v) else ""
            if not rest.strip():
                rest = next((str(x) for x in row[p + 1 :] if x is not None and str(x).strip()), "")
            return " ".join(rest.lstrip(" :").split()) or None
    return None


def _build(
    tata_letak, berkas, name, table, columns, h, header, questions, config, declared, *,
    tanggal, unit_pos, unit_constant, cut, no=None,
) -> Susunan:  # fmt: skip
    words = {**KATA_JAWABAN, **{fold(k): v for k, v in (declared.nilai if declared else {}).items()}}
    n = table.num_rows
    dilewati = {}
    if cut is not None:
        first = h + 1 + cut
        dilewati["baris NRR/IKM tercetak"] = n - first
        table = table.slice(0, first)
        n = first
    arrays = list(table.columns)
    names = list(table.column_names)
    labels = list(header) + [None] * (len(arrays) - len(header))
    dibaca: dict[str, str] = {}
    for pos, kolom in questions.items():
        arrays[pos] = _answers(arrays[pos], words)
        shown = " ".join(str(labels[pos]).split())
        short = f"{shown[:45]}…" if len(shown) > 45 else shown
        labels[pos] = kolom if fold(shown) == fold(kolom) else f"{kolom}: {short}"
        dibaca[shown] = kolom
    if tanggal is not None:
        text = pc.replace_substring_regex(arrays[tanggal], _DMY_TIME, r"\1")
        arrays[tanggal] = text
        dibaca[str(header[tanggal])] = "tanggal"
    mapping = dict(_fields(header, set(questions) | {tanggal, unit_pos, no} - {None}))
    for field_name, pos in mapping.items():
        dibaca[str(header[pos])] = field_name
    if tanggal is not None:
        mapping["tanggal"] = tanggal
    for pos, kolom in questions.items():
        mapping[kolom] = pos
    body = slice(h + 1, n)
    if unit_pos is not None:
        units = arrays[unit_pos].to_pylist()
        mapping["unit"] = unit_pos
        dibaca[str(header[unit_pos])] = "unit (nama; kode dari register)"
        unit_abs = columns[unit_pos]
    else:
        units = [None] * (h + 1) + [unit_constant] * (n - h - 1)
        arrays.append(pa.chunked_array([pa.array(units, pa.string())]))
        names.append("__unit__")
        labels.append("Unit Layanan (judul/pemetaan)")
        columns = [*columns, columns[0]]
        mapping["unit"] = len(arrays) - 1
        unit_abs = columns[0]
    codes = [" ".join(str(u).split()) if u is not None else None for u in units]
    codes[: h + 1] = [None] * (h + 1)
    arrays.append(pa.chunked_array([pa.array(codes, pa.string())]))
    names.append("__kode_unit__")
    labels.append("Kode Unit (dari nama unit)")
    columns = [*columns, unit_abs]
    mapping["kode_unit"] = len(arrays) - 1
    if no is not None and tata_letak.startswith("e-SKM"):
        mapping["responden"] = no
    else:
        numbers = [None] * (h + 1) + _numbered(units[body])
        arrays.append(pa.chunked_array([pa.array(numbers, pa.string())]))
        names.append("__responden__")
        labels.append("No (urutan baris per unit)")
        columns = [*columns, columns[tanggal if tanggal is not None else 0]]
        mapping["responden"] = len(arrays) - 1
    # The header row carries the labels the messages show.
    for pos, label in enumerate(labels):
        column = arrays[pos].to_pylist()
        if column[h] != label:
            column[h] = None if label is None else str(label)
            arrays[pos] = pa.chunked_array([pa.array(column, pa.string())])
    table = pa.table(arrays, names=[f"c{i}" for i in range(len(arrays))])
    taken = set(mapping.values())
    others = [(p, str(labels[p])) for p in range(len(header)) if p not in taken and labels[p] is not None]
    numbered = "dari kolom No" if mapping.get("responden") == no else "menurut urutan baris per unit"
    notes = [
        f"{berkas} [{name}]: tata letak {tata_letak} dikenali; {len(questions)} pertanyaan dibaca sebagai "
        f"unsur ({', '.join(sorted(questions.values()))}); nomor responden {numbered}"
    ]
    return Susunan(tata_letak, table, columns, h, mapping, others, notes, dilewati, dibaca)
