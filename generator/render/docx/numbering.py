"""Word numbering: the multi-level definitions for headings, annexes, bullets and numbered
lists, and `HeadingNumbers`, which numbers a heading by Word only where Word would show the
number the HTML shows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from lxml import etree

from generator.render.docx.ooxml import W
from generator.render.docx.stylemap import (
    BULLET_STYLES,
    HEADING_STYLES,
    NUMBER_STYLES,
    STYLE_MAP,
)

# `h1 .num { display: block; font-size: 13pt; color: #55779d }`: the chapter label is a
# line of its own above the title, smaller and lighter. The heading text starts with a line
# break (Word's own idiom for "Chapter 1" above a centred title; its TOC field ignores the
# break, so the entry reads "BAB I Pendahuluan"). No letter spacing: a PDF made from the
# document would give "B AB VI I" to a search for "BAB VII".
CHAPTER_LABEL = (26, "55779D")  # half-points, colour
HEADINGS_NAME = "masterplan-headings"
ANNEXES_NAME = "masterplan-annexes"
BULLETS_NAME = STYLE_MAP.rule("ul").target
NUMBERS_NAME = STYLE_MAP.rule("ol").target
_BULLET_CHARS = ("\u2022", "\u2013", "\u25aa")
_NUMBER_FORMATS = (("decimal", "%{n}."), ("lowerLetter", "%{n}."), ("lowerRoman", "%{n}."))


def _lvl(ilvl: int, fmt: str, text: str, *, style_id: str | None = None, start: int = 1,
         legal: bool = False, indent: tuple[int, int] = (0, 0), suffix: str = "tab",
         font: str | None = None, label: tuple[int, str] | None = None,
         ) -> etree._Element:
    lvl = etree.Element(W + "lvl")
    lvl.set(W + "ilvl", str(ilvl))
    etree.SubElement(lvl, W + "start").set(W + "val", str(start))
    etree.SubElement(lvl, W + "numFmt").set(W + "val", fmt)
    if style_id:
        etree.SubElement(lvl, W + "pStyle").set(W + "val", style_id)
    if legal:
        etree.SubElement(lvl, W + "isLgl")
    etree.SubElement(lvl, W + "suff").set(W + "val", suffix)
    etree.SubElement(lvl, W + "lvlText").set(W + "val", text)
    etree.SubElement(lvl, W + "lvlJc").set(W + "val", "left")
    ppr = etree.SubElement(lvl, W + "pPr")
    left, hanging = indent
    ind = etree.SubElement(ppr, W + "ind")
    ind.set(W + "left", str(left))
    ind.set(W + "hanging", str(hanging))
    if font or label:
        rpr = etree.SubElement(lvl, W + "rPr")
        if font:
            fonts = etree.SubElement(rpr, W + "rFonts")
            for attr in ("ascii", "hAnsi", "cs"):
                fonts.set(W + attr, font)
        if label:
            size, colour = label
            etree.SubElement(rpr, W + "color").set(W + "val", colour)
            etree.SubElement(rpr, W + "sz").set(W + "val", str(size))
            etree.SubElement(rpr, W + "szCs").set(W + "val", str(size))
    return lvl


def _abstract(name: str, levels: list[etree._Element]) -> etree._Element:
    abstract = etree.Element(W + "abstractNum")
    etree.SubElement(abstract, W + "multiLevelType").set(W + "val", "multilevel")
    etree.SubElement(abstract, W + "name").set(W + "val", name)
    abstract.extend(levels)
    return abstract


def heading_levels(chapter: str, style_ids: list[str | None], *, chapter_number: int = 0,
                   ) -> list[etree._Element]:
    """`BAB %1`, then `1.1`, `1.1.1`, `1.1.1.1`.

    With ``chapter_number`` the sub-levels name the chapter literally (``3.%2``) instead of
    relying on legal numbering (``w:isLgl``, which LibreOffice before 24.2 ignores and
    would show as ``III.1``); the converter gives every chapter such a level override.
    """
    levels = [_lvl(0, "upperRoman", f"{chapter} %1".strip(), style_id=(style_ids or [None])[0],
                   start=max(chapter_number, 1), suffix="space", label=CHAPTER_LABEL)]
    for ilvl in range(1, 9):  # Word expects all nine levels; 5-9 are not linked to styles
        parts = [f"%{n + 1}" for n in range(1, ilvl + 1)]
        head = str(chapter_number) if chapter_number else "%1"
        levels.append(_lvl(ilvl, "decimal", ".".join([head, *parts]),
                           style_id=style_ids[ilvl] if ilvl < len(style_ids) else None,
                           legal=not chapter_number, suffix="space"))
    return levels


def annex_levels(annex: str) -> list[etree._Element]:
    """`Lampiran %1` (A, B, …), then `A.1`, `A.1.1`, `A.1.1.1` (letters, as the HTML)."""
    levels = [_lvl(0, "upperLetter", f"{annex} %1".strip(), suffix="space",
                   label=CHAPTER_LABEL)]
    for ilvl in range(1, 9):
        levels.append(_lvl(ilvl, "decimal", ".".join(f"%{n + 1}" for n in range(ilvl + 1)),
                           suffix="space"))
    return levels


def bullet_levels() -> list[etree._Element]:
    return [_lvl(i, "bullet", _BULLET_CHARS[i % 3], indent=(360 * (i + 1), 360),
                 font="Calibri") for i in range(9)]


def number_levels() -> list[etree._Element]:
    levels = []
    for i in range(9):
        fmt, text = _NUMBER_FORMATS[i % 3]
        levels.append(_lvl(i, fmt, text.format(n=i + 1), indent=(360 * (i + 1), 360)))
    return levels


@dataclass
class Numbering:
    """The numbering part of the document being written, with our definitions in it."""

    element: Any  # the w:numbering element
    abstract_ids: dict[str, int] = field(default_factory=dict)
    _next_abstract: int = 0
    _next_num: int = 0

    @classmethod
    def of(cls, numbering_element: Any) -> Numbering:
        abstract = [int(a.get(W + "abstractNumId", "0"))
                    for a in numbering_element.iterchildren(W + "abstractNum")]
        nums = [int(n.get(W + "numId", "0")) for n in numbering_element.iterchildren(W + "num")]
        return cls(numbering_element, {}, max(abstract, default=-1) + 1, max(nums, default=0) + 1)

    def define(self, name: str, levels: list[etree._Element]) -> int:
        """(Re)define the abstract numbering called `name`; returns its abstractNumId.

        An existing definition of that name (our reference.docx ships them) is replaced in
        place, so the numbers that point to it keep working.
        """
        abstract = _abstract(name, levels)
        for old in self.element.iterchildren(W + "abstractNum"):
            names = old.findall(W + "name")
            if names and names[0].get(W + "val") == name:
                abstract.set(W + "abstractNumId", old.get(W + "abstractNumId"))
                old.getparent().replace(old, abstract)
                break
        else:
            abstract.set(W + "abstractNumId", str(self._next_abstract))
            self._next_abstract += 1
            first_num = self.element.find(W + "num")
            if first_num is not None:
                first_num.addprevious(abstract)
            else:
                self.element.append(abstract)
        abstract_id = int(abstract.get(W + "abstractNumId"))
        self.abstract_ids[name] = abstract_id
        return abstract_id

    def add_num(self, abstract_name: str, overrides: dict[int, int | etree._Element] | None = None,
                ) -> int:
        """A new list instance; `overrides` maps a level to a start value or a whole w:lvl."""
        num = etree.Element(W + "num")
        cleanup = self.element.find(W + "numIdMacAtCleanup")  # must stay last (Word's files)
        if cleanup is not None:
            cleanup.addprevious(num)
        else:
            self.element.append(num)
        num_id = self._next_num
        self._next_num += 1
        num.set(W + "numId", str(num_id))
        etree.SubElement(num, W + "abstractNumId").set(
            W + "val", str(self.abstract_ids[abstract_name]))
        for ilvl, value in sorted((overrides or {}).items()):
            override = etree.SubElement(num, W + "lvlOverride")
            override.set(W + "ilvl", str(ilvl))
            if isinstance(value, int):
                etree.SubElement(override, W + "startOverride").set(W + "val", str(value))
            else:
                etree.SubElement(override, W + "startOverride").set(
                    W + "val", value.find(W + "start").get(W + "val"))
                override.append(value)
        return num_id


def define_lists(numbering: Numbering, heading_style_ids: list[str | None],
                 ) -> dict[tuple[str, ...], int]:
    """Our four definitions in `numbering`, and one list instance for the headings, the
    bullets and the numbered lists: the styles of each, level by level → its numId."""
    numbering.define(HEADINGS_NAME, heading_levels("BAB", heading_style_ids))
    numbering.define(ANNEXES_NAME, annex_levels("Lampiran"))
    numbering.define(BULLETS_NAME, bullet_levels())
    numbering.define(NUMBERS_NAME, number_levels())
    return {HEADING_STYLES: numbering.add_num(HEADINGS_NAME),
            BULLET_STYLES: numbering.add_num(BULLETS_NAME),
            NUMBER_STYLES: numbering.add_num(NUMBERS_NAME)}


def num_pr(num_id: int, ilvl: int = 0) -> etree._Element:
    pr = etree.Element(W + "numPr")
    etree.SubElement(pr, W + "ilvl").set(W + "val", str(ilvl))
    etree.SubElement(pr, W + "numId").set(W + "val", str(num_id))
    return pr


def set_style_numbering(style: Any, num_id: int, ilvl: int) -> None:
    """Link a paragraph style (a w:style element) to a numbering level."""
    ppr = style.find(W + "pPr")
    if ppr is None:
        ppr = etree.Element(W + "pPr")
        anchor = None
        for tag in ("rPr", "tblPr", "trPr", "tcPr", "tblStylePr"):
            anchor = style.find(W + tag)
            if anchor is not None:
                break
        if anchor is not None:
            anchor.addprevious(ppr)
        else:
            style.append(ppr)
    for old in ppr.findall(W + "numPr"):
        ppr.remove(old)
    # numPr comes after keepNext/keepLines/pageBreakBefore/framePr/widowControl in CT_PPr.
    position = 0
    for index, child in enumerate(ppr):
        if etree.QName(child).localname in ("pStyle", "keepNext", "keepLines",
                                            "pageBreakBefore", "framePr", "widowControl"):
            position = index + 1
    ppr.insert(position, num_pr(num_id, ilvl))


# --- heading numbers -------------------------------------------------------------------

_ROMAN = (("M", 1000), ("CM", 900), ("D", 500), ("CD", 400), ("C", 100), ("XC", 90),
          ("L", 50), ("XL", 40), ("X", 10), ("IX", 9), ("V", 5), ("IV", 4), ("I", 1))


def roman(value: int) -> str:
    out = []
    for letters, amount in _ROMAN:
        while value >= amount:
            out.append(letters)
            value -= amount
    return "".join(out)


def from_roman(token: str) -> int | None:
    value = 0
    rest = token
    for letters, amount in _ROMAN:
        while rest.startswith(letters):
            value += amount
            rest = rest[len(letters):]
    return value if not rest and value and roman(value) == token else None


def alpha(value: int) -> str:
    letters = ""
    while value > 0:
        value, remainder = divmod(value - 1, 26)
        letters = chr(ord("A") + remainder) + letters
    return letters


def from_alpha(token: str) -> int | None:
    if not token.isascii() or not token.isalpha() or not token.isupper():
        return None
    value = 0
    for char in token:
        value = value * 26 + ord(char) - ord("A") + 1
    return value


@dataclass
class _Series:
    kind: str  # "chapters" (BAB I, 1.1) or "annexes" (Lampiran A, A.1)
    prefix: str


@dataclass
class _Track:
    """Where the numbering stands in one version of the text."""

    num_id: int | None = None
    kind: str = ""
    counters: list[int] = field(default_factory=lambda: [0, 0, 0, 0])


Assigned = tuple[int, int] | None


class HeadingNumbers:
    """Word numbering for headings that reproduces the HTML's numbers exactly.

    Every level-1 heading opens a new list instance (w:num) starting at its own number;
    for chapters, its sub-levels name the chapter literally (``4.%2``). A heading is
    numbered by Word only if the simulated Word number equals the HTML text.

    A redline holds two versions: the numbering is simulated for each (`revision`), an
    added heading counting in the new one only, so that Word numbers the text right once
    the changes are accepted and once they are rejected; a heading numbered differently
    in the two (or by Word in one only) keeps its numbers as text, the old one removed
    and the new one added.
    """

    def __init__(self, numbering: Numbering, heading_style_ids: list[str | None]) -> None:
        self.numbering = numbering
        self.style_ids = heading_style_ids
        self.series: dict[str, _Series] = {}
        self.new, self.old = _Track(), _Track()

    def assign(self, level: int, text: str) -> Assigned:
        """(numId, ilvl) for a heading whose HTML number is `text`, or None."""
        return self.revision(level, text, text, None)[0]

    def revision(self, level: int, text: str, old_text: str,
                 revision: str | None) -> tuple[Assigned, Assigned]:
        """(numId, ilvl) or None in the new and in the old version for a heading numbered
        `text` in the new one, `old_text` in the old one, added ("ins"), removed ("del")
        or in both (None); the version a heading is not in gets None."""
        text, old_text = " ".join(text.split()), " ".join(old_text.split())
        if revision == "ins":
            return self._assign(self.new, level, text), None
        if revision == "del":
            # numbered as text, and not counted: accepting the removal of a heading
            # before a table leaves it (LibreOffice cannot join it with the table), and
            # the headings after it count it if Word numbers it
            return None, None
        if level == 1 and text == old_text:  # one list instance for both
            new = self._assign(self.new, 1, text)
            self.old.num_id, self.old.kind = self.new.num_id, self.new.kind
            self.old.counters = list(self.new.counters)
            return new, new
        return self._assign(self.new, level, text), self._assign(self.old, level, old_text)

    def _assign(self, track: _Track, level: int, text: str) -> Assigned:
        if level == 1:
            return self._chapter(track, text)
        if track.num_id is None or not 2 <= level <= 4:
            return None
        counters = track.counters[:level]
        counters[level - 1] += 1
        head = alpha(counters[0]) if track.kind == "annexes" else str(counters[0])
        expected = ".".join([head, *(str(c) for c in counters[1:level])])
        if expected != text:
            return None
        track.counters = counters + [0] * (4 - level)
        return track.num_id, level - 1

    def _chapter(self, track: _Track, text: str) -> Assigned:
        match = re.fullmatch(r"(.*?)\s*([A-Za-z]+|\d+)", text)
        if not match:
            track.num_id = None
            return None
        prefix, token = match.group(1), match.group(2)
        kind = self._kind_of(prefix, token)
        value = (from_roman(token) if kind == "chapters" else from_alpha(token)) \
            if kind else None
        if kind is None or value is None or not prefix:
            track.num_id = None
            return None
        series = self.series.get(kind)
        if series is None:
            series = self.series[kind] = _Series(kind, prefix)
            if kind == "chapters":
                self.numbering.define(HEADINGS_NAME, heading_levels(prefix, self.style_ids))
            else:
                self.numbering.define(ANNEXES_NAME, annex_levels(prefix))
        elif series.prefix != prefix:
            track.num_id = None
            return None
        if kind == "chapters":
            levels = heading_levels(prefix, [], chapter_number=value)[:4]
            overrides: dict[int, int | etree._Element] = dict(enumerate(levels))
            track.num_id = self.numbering.add_num(HEADINGS_NAME, overrides)
        else:
            track.num_id = self.numbering.add_num(ANNEXES_NAME, {0: value})
        track.kind = kind
        track.counters = [value, 0, 0, 0]
        return track.num_id, 0

    def _kind_of(self, prefix: str, token: str) -> str | None:
        for kind, series in self.series.items():
            if series.prefix == prefix:
                return kind
        if token.isdigit():
            return None
        if from_roman(token) is not None and "chapters" not in self.series:
            return "chapters"
        if from_alpha(token) is not None and "annexes" not in self.series:
            return "annexes"
        return None
