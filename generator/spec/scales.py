"""Scales of grades: the built-in ones (`vocabulary.SCALES`) and those a spec declares.

An indicator (or a vision target) that names a `scale` has levels of that scale as its
baseline and targets instead of numbers: SAKIP "BB", opinion "WTP", SPBE 4, "ya". A value
matches a level when it equals the level's code or its meaning, compared without regard to
case or spaces (`"bb"`, `"Sangat Baik"`); an integer matches a code written with digits.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from generator.spec.vocabulary import SCALES


@dataclass(frozen=True)
class Level:
    code: str
    label_id: str
    label_en: str
    prints_label: bool

    def text(self, lang: str) -> str:
        """What a document prints for this level."""
        if not self.prints_label:
            return self.code
        return (self.label_en if lang == "en" else self.label_id) or self.code

    def meaning(self, lang: str) -> str:
        return (self.label_en if lang == "en" else self.label_id) or ""


@dataclass(frozen=True)
class Scale:
    key: str
    name_id: str
    name_en: str
    levels: tuple[Level, ...]
    builtin: bool

    def name(self, lang: str) -> str:
        return self.name_en if lang == "en" else self.name_id

    def find(self, value: Any) -> Level | None:
        """The level `value` names, or None (a float, a boolean or a list never does)."""
        if isinstance(value, bool) or not isinstance(value, str | int):
            return None
        wanted = _norm(str(value))
        by_code = [level for level in self.levels if _norm(level.code) == wanted]
        by_meaning = [level for level in self.levels
                      if wanted in {_norm(level.label_id), _norm(level.label_en)}]
        found = by_code or by_meaning
        return found[0] if wanted and found else None

    def codes(self) -> list[str]:
        return [level.code for level in self.levels]


def _norm(text: str) -> str:
    return " ".join(text.lower().split())


def builtin_scales() -> dict[str, Scale]:
    return {key: Scale(key, s.name.id, s.name.en, tuple(
        Level(code, label.id, label.en, s.prints == "label") for code, label in s.levels), True)
        for key, s in SCALES.items()}


def declared_scales(data: dict[str, Any]) -> dict[str, Scale]:
    """The scales under the spec's `scales` (first of a repeated id), skipping broken ones."""
    found: dict[str, Scale] = {}
    items = data.get("scales")
    for item in items if isinstance(items, list) else []:
        if not isinstance(item, dict):
            continue
        key, name, levels = item.get("id"), item.get("name"), item.get("levels")
        if not isinstance(key, str) or key in found or key in SCALES or not isinstance(
                levels, list):
            continue
        label = name if isinstance(name, str) else key
        found[key] = Scale(key, label, label, tuple(
            Level(str(level["code"]), str(level.get("label") or ""),
                  str(level.get("label") or ""), False)
            for level in levels if isinstance(level, dict) and isinstance(
                level.get("code"), str)), False)
    return found


def scales_of(data: dict[str, Any]) -> dict[str, Scale]:
    """Every scale a spec may name: the built-in ones, then its own."""
    return builtin_scales() | declared_scales(data)
