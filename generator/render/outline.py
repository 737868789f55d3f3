"""Numbering of headings, tables and figures while the templates render."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Outline:
    """Numbers headings, tables and figures in document order while templates render.

    Templates call it through macros; the front matter (table of contents, lists of tables
    and figures) is rendered afterwards from what it collected.
    """

    labels: dict[str, str]
    headings: list[dict[str, Any]] = field(default_factory=list)
    tables: list[dict[str, Any]] = field(default_factory=list)
    figures: list[dict[str, Any]] = field(default_factory=list)
    _counts: list[int] = field(default_factory=lambda: [0, 0, 0, 0])
    _table_count: int = 0
    _figure_count: int = 0
    _annex_count: int = 0
    _in_annex: bool = False

    def heading(self, level: int, title: str, anchor: str = "", numbered: bool = True) -> dict[
            str, Any]:
        number = ""
        if numbered and level == 1 and self._in_annex:
            self._annex_count += 1
            self._counts = [self._annex_count, 0, 0, 0]
            self._table_count = self._figure_count = 0
            number = f"{self.labels['annex']} {_alpha(self._annex_count)}"
        elif numbered:
            self._counts[level - 1] += 1
            for deeper in range(level, 4):
                self._counts[deeper] = 0
            if level == 1:
                self._table_count = self._figure_count = 0
                number = f"{self.labels['chapter'].upper()} {_roman(self._counts[0])}"
            else:
                head = (_alpha(self._counts[0]) if self._in_annex else str(self._counts[0]))
                number = ".".join([head, *map(str, self._counts[1:level])])
        entry = {"level": level, "title": title, "number": number,
                 "id": anchor or f"h-{len(self.headings) + 1}"}
        self.headings.append(entry)
        return entry

    def annexes(self) -> str:
        self._in_annex = True
        return ""

    def _chapter_key(self) -> str:
        return _alpha(self._counts[0]) if self._in_annex else str(self._counts[0])

    def table(self, caption: str) -> dict[str, Any]:
        self._table_count += 1
        return self._caption(self.tables, "table", "tabel", self._table_count, caption)

    def figure(self, caption: str) -> dict[str, Any]:
        self._figure_count += 1
        return self._caption(self.figures, "figure", "gambar", self._figure_count, caption)

    def _caption(self, entries: list[dict[str, Any]], label: str, anchor: str, count: int,
                 caption: str) -> dict[str, Any]:
        number = f"{self._chapter_key()}.{count}"
        if not caption:  # a Markdown table without a caption: its section's title
            caption = self.headings[-1]["title"] if self.headings else ""
        entry = {"number": f"{self.labels[label]} {number}", "title": caption,
                 "id": f"{anchor}-{number.replace('.', '-')}"}
        entries.append(entry)
        return entry


def _roman(number: int) -> str:
    values = ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
    out = ""
    for value, letters in values:
        while number >= value:
            out += letters
            number -= value
    return out


def _alpha(number: int) -> str:
    return chr(ord("A") + number - 1) if 1 <= number <= 26 else str(number)
