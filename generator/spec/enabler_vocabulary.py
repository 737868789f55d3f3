"""Fixed vocabulary of the enablers and the risk register (free of imports, like
`generator.spec.vocabulary`: the schema, the rules and the templates share these lists).

The enablers are what the evaluation's Output aspect and the assessors' reports look at
beside the programs: the regulation and the bodies that carry the plan, the ICT
infrastructure under every program, and the people who run it.
"""

from __future__ import annotations

from typing import NamedTuple


class Label(NamedTuple):
    id: str
    en: str


#: The three groups of `enablers` (fixed keys), in the order the book prints them.
ENABLER_GROUPS: dict[str, Label] = {
    "regulation": Label("Regulasi dan Kelembagaan", "Regulation and Institutions"),
    "infrastructure": Label("Infrastruktur TIK", "ICT Infrastructure"),
    "people": Label("Sumber Daya Manusia", "People and Skills"),
}

#: Each group's roadmap colour: greys, apart from the dimensions' colours, dark enough for
#: white text on them (WCAG AA, as `DIMENSION_COLOURS`; tests/unit/test_palette.py).
ENABLER_COLOURS: dict[str, str] = {
    "regulation": "#3b3b3b", "infrastructure": "#555555", "people": "#707070",
}

#: The state of an enabler when the plan is written (what assessors ask first).
ENABLER_STATUS: dict[str, Label] = {
    "missing": Label("Belum ada", "Missing"),
    "partial": Label("Sebagian ada", "Partly in place"),
    "in_place": Label("Sudah ada", "In place"),
}

#: The 1-5 scales of a risk's likelihood and impact (the usual 5 × 5 risk matrix).
LIKELIHOOD: dict[int, Label] = {
    1: Label("Sangat jarang", "Rare"),
    2: Label("Jarang", "Unlikely"),
    3: Label("Mungkin", "Possible"),
    4: Label("Sering", "Likely"),
    5: Label("Hampir pasti", "Almost certain"),
}
IMPACT: dict[int, Label] = {
    1: Label("Sangat kecil", "Insignificant"),
    2: Label("Kecil", "Minor"),
    3: Label("Sedang", "Moderate"),
    4: Label("Besar", "Major"),
    5: Label("Sangat besar", "Severe"),
}

#: A risk's level from likelihood × impact: the highest score of each band, lowest first.
RISK_LEVELS: dict[str, tuple[int, Label]] = {
    "low": (4, Label("Rendah", "Low")),
    "medium": (9, Label("Sedang", "Medium")),
    "high": (16, Label("Tinggi", "High")),
    "very_high": (25, Label("Sangat tinggi", "Very high")),
}


def risk_level(likelihood: int, impact: int) -> str:
    """The band (`low` … `very_high`) of likelihood × impact."""
    score = likelihood * impact
    return next(key for key, (highest, _label) in RISK_LEVELS.items() if score <= highest)


def risk_bands(lang: str, dash: str = "-") -> str:
    """`Rendah 1-4, Sedang 5-9, Tinggi 10-16, Sangat tinggi 20-25` (the book prints an en
    dash)."""
    index = 1 if lang == "en" else 0
    parts, low = [], 1
    for highest, label in RISK_LEVELS.values():
        possible = [a * b for a in range(1, 6) for b in range(1, 6) if low <= a * b <= highest]
        parts.append(f"{label[index]} {min(possible)}{dash}{max(possible)}")
        low = highest + 1
    return ", ".join(parts)
