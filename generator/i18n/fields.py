"""A spec field's place inside its item as a reader names it: `nama`, `anggaran`,
`indikator ke-2, target 2027`, `baris anggaran ke-3, jumlah` (English with `en`:
`name`, `budget`, `indicator 2, target 2027`, `budget line 3, amount`).

Indices: human text counts from 1 (`indikator ke-2` is the second, the row number the
agencies' worksheets show); the spec paths printed beside it (`programs[1].indicators[1]`,
in `validate`'s positions, `diff`'s path column and `--format json`) stay the 0-based JSON
pointer indices. `diff` and `import` both print this text, so they agree.
"""

from __future__ import annotations

from collections.abc import Sequence

#: a field's name, lower case as it reads inside a sentence: (Indonesian, English)
FIELD_LABELS: dict[str, tuple[str, str]] = {
    "id": ("kode", "id"),
    "name": ("nama", "name"),
    "description": ("deskripsi", "description"),
    "activities": ("kegiatan", "activities"),
    "lead_opd": ("OPD penanggung jawab", "lead agency"),
    "owner_opd": ("OPD pemilik", "owner agency"),
    "supporting_opds": ("OPD pendukung", "supporting agencies"),
    "partners": ("mitra", "partners"),
    "horizon": ("horizon", "horizon"),
    "status": ("status", "status"),
    "start_year": ("tahun mulai", "start year"),
    "end_year": ("tahun selesai", "end year"),
    "years": ("tahun pelaksanaan", "years"),
    "indicators": ("indikator", "indicators"),
    "budget": ("anggaran", "budget"),
    "sdg": ("SDG", "SDGs"),
    "iso37122": ("ISO 37122", "ISO 37122"),
    "aligns": ("keselarasan", "alignment"),
    "sub_dimension": ("sub-dimensi", "sub-dimension"),
    "unit": ("satuan", "unit"),
    "scale": ("skala", "scale"),
    "baseline": ("nilai awal", "baseline"),
    "baseline_year": ("tahun nilai awal", "baseline year"),
    "targets": ("target", "targets"),
    "target": ("target", "target"),
    "iso": ("ISO", "ISO"),
    "source": ("sumber", "source"),
    "year": ("tahun", "year"),
    "amount": ("jumlah", "amount"),
    "note": ("catatan", "note"),
    "program": ("program", "program"),
    "type": ("jenis", "type"),
    "problem": ("masalah", "problem"),
    "location": ("lokasi", "location"),
    "beneficiaries": ("penerima manfaat", "beneficiaries"),
    "milestones": ("tonggak", "milestones"),
    "kpis": ("KPI", "KPIs"),
    "mockups": ("maket", "mock-ups"),
    "label": ("nama tampilan", "display name"),
    "current_condition": ("kondisi saat ini", "current condition"),
    "target_condition": ("kondisi yang diharapkan", "target condition"),
    "gap": ("kesenjangan", "gap"),
    "strategies": ("strategi", "strategies"),
    "swot": ("SWOT", "SWOT"),
}

#: one item of a list field: (Indonesian, English), numbered from 1
ITEM_LABELS: dict[str, tuple[str, str]] = {
    "indicators": ("indikator", "indicator"),
    "budget": ("baris anggaran", "budget line"),
    "milestones": ("tonggak", "milestone"),
    "kpis": ("KPI", "KPI"),
    "activities": ("kegiatan", "activity"),
    "strategies": ("strategi", "strategy"),
    "supporting_opds": ("OPD pendukung", "supporting agency"),
    "partners": ("mitra", "partner"),
}

#: a mapping keyed by year: its entry reads `target 2027`
_BY_YEAR = {"targets": ("target", "target")}


def _name(key: str, index: int) -> str:
    label = FIELD_LABELS.get(key)
    return label[index] if label else key.replace("_", " ")


def field_text(parts: Sequence[str | int], lang: str) -> str:
    """`("indicators", 1, "targets", 2027)` → `indikator ke-2, target 2027` (see module)."""
    index = 1 if lang == "en" else 0
    words: list[str] = []
    parent: str | None = None
    for part in parts:
        if parent is not None and parent in _BY_YEAR and (
                isinstance(part, int) or str(part).isdigit()):
            words[-1] = f"{_BY_YEAR[parent][index]} {part}"
        elif isinstance(part, int) and parent is not None:
            item = ITEM_LABELS.get(parent, FIELD_LABELS.get(parent, (parent, parent)))[index]
            number = part + 1
            words[-1] = f"{item} {number}" if index else f"{item} ke-{number}"
        else:
            words.append(_name(str(part), index))
        parent = str(part) if isinstance(part, str) else None
    return ", ".join(words)


__all__ = ["FIELD_LABELS", "ITEM_LABELS", "field_text"]
