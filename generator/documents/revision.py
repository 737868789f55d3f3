"""A revision as people read it: the change log's lines and the change matrix's tables.

`generator.spec.diff.compare` finds the changes; here each becomes a row in the language
of the document (kind, aspect, item, before and after as printed text, a narrative's
pieces word by word, the file:line of both sides), grouped per chapter of the book, with
the counts of the summary. `masterplan diff` prints these rows; the `revision` document
kind (the change matrix) renders them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from generator.errors import SourceSpan
from generator.i18n.fields import field_text
from generator.i18n.labels import revision_labels
from generator.i18n.numbers import Formatter
from generator.spec.diff import ASPECTS, CHAPTERS, KINDS, Change, Revision
from generator.spec.frameworks import resolve_framework
from generator.spec.load import Pointer, SpecDocument

_CHAPTER_LABELS = {
    "document": "rv_ch_document", "foreword": "foreword", "introduction": "ch_intro",
    "profile": "ch_profile", "readiness": "ch_readiness", "strategic": "ch_strategic",
    "vision": "ch_vision", "programs": "ch_programs", "roadmap": "ch_roadmap",
    "quick_wins": "ch_quickwins", "governance": "ch_governance", "closing": "ch_closing",
    "annexes": "rv_ch_annexes",
}


@dataclass(frozen=True)
class Row:
    kind: str  # added | removed | moved | changed
    kind_label: str
    aspect_label: str
    item: str
    field: str
    path: str
    before: str
    after: str
    #: a narrative's pieces, ("equal" | "delete" | "insert", text)
    words: tuple[tuple[str, str], ...]
    old_at: str
    new_at: str

    @property
    def where(self) -> str:
        """`old.yaml:12:5 → new.yaml:14:5`, or the one side there is."""
        return " → ".join(at for at in (self.old_at, self.new_at) if at)


class RevisionView:
    """The rows of a revision in one language."""

    def __init__(self, revision: Revision, lang: str) -> None:
        self.revision = revision
        self.lang = lang
        self.t = revision_labels(lang)
        self.fmt = Formatter(lang)
        # a place is named in the framework of its version (a migrated plan changes it)
        self.frameworks = (resolve_framework(revision.new), resolve_framework(revision.old))

    def version(self, doc: SpecDocument) -> str:
        """`versi 1.0 (20 November 2025)`, or `versi 20 November 2025` without a version."""
        document = doc.data.get("document") or {}
        date = self.fmt.date(str(document.get("date", "")))
        if document.get("version"):
            return self.t["rv_version"].format(version=document["version"], date=date)
        return self.t["rv_version_dated"].format(date=date)

    def rows(self, changes: list[Change] | None = None) -> list[Row]:
        return [self.row(c) for c in (self.revision.changes if changes is None else changes)]

    def row(self, change: Change) -> Row:
        t = self.t
        before, after = self.show(change.before), self.show(change.after)
        if change.kind == "moved":
            before, after = self.place(str(change.before)), self.place(str(change.after))
        field = _field(change, self.lang)
        return Row(change.kind, t[f"rv_{change.kind}"], t[f"rv_aspect_{change.aspect}"],
                   change.item, field, change.path, before, after,
                   tuple((str(op), text) for op, text in change.words),
                   _at(change.old_at), _at(change.new_at))

    def place(self, place: str) -> str:
        """`DIM/SUB` → `Dimension – Sub-dimension` in the framework of its version."""
        dim, _, sub = place.partition("/")
        index = 1 if self.lang == "en" else 0
        for fw in self.frameworks:
            dim_label = fw.dimensions.get(dim)
            sub_label = fw.sub_dimensions.get(dim, {}).get(sub)
            if dim_label is not None and sub_label is not None:
                return f"{dim_label[index]} – {sub_label[index]}"
        return place

    def chapters(self) -> list[dict[str, Any]]:
        """Per chapter with changes: its title, its rows and its counts per kind."""
        result = []
        for chapter in CHAPTERS:
            changes = [c for c in self.revision.changes if c.chapter == chapter]
            if not changes:
                continue
            counts = dict.fromkeys(KINDS, 0)
            for change in changes:
                counts[change.kind] += 1
            result.append({"key": chapter, "title": self.t[_CHAPTER_LABELS[chapter]],
                           "rows": self.rows(changes), "counts": counts,
                           "total": len(changes)})
        return result

    def aspects(self) -> list[dict[str, Any]]:
        """Per aspect with changes: its label and counts per kind (the summary table)."""
        result = []
        for aspect in ASPECTS:
            changes = [c for c in self.revision.changes if c.aspect == aspect]
            if changes:
                counts = dict.fromkeys(KINDS, 0)
                for change in changes:
                    counts[change.kind] += 1
                result.append({"label": self.t[f"rv_aspect_{aspect}"], "counts": counts,
                               "total": len(changes)})
        return result

    def count_line(self) -> str:
        counts = self.revision.count()
        return self.t["rv_count"].format(n=len(self.revision.changes), **counts)

    def show(self, value: Any) -> str:
        """A value as printed: money for a budget, `2030: 100` for targets, lists joined."""
        if value is None:
            return ""
        if isinstance(value, bool):
            return self.t["rv_yes"] if value else self.t["rv_no"]
        if isinstance(value, int | float):
            return self.fmt.number(value)
        if isinstance(value, dict):
            if set(value) == {"total", "lines"}:  # a budget (`spec.diff._budget`)
                lines = "; ".join(
                    f"{line.get('year')} {line.get('source', '')}: "
                    f"{self.fmt.money(int(line.get('amount', 0)))}" for line in value["lines"])
                total = self.fmt.money(int(value["total"]))
                return total if len(value["lines"]) <= 1 else f"{total} ({lines})"
            return "; ".join(f"{key}: {self.show(item)}" for key, item in value.items())
        if isinstance(value, list):
            return ", ".join(self.show(item) for item in value)
        return " ".join(str(value).split())

    def context(self) -> dict[str, Any]:
        """What the change matrix's templates see as `rv`."""
        counts = self.revision.count()
        return {
            "old": self.version(self.revision.old), "new": self.version(self.revision.new),
            "old_file": self.revision.old.display_name,
            "new_file": self.revision.new.display_name,
            "count_line": self.count_line(), "counts": counts,
            "total": len(self.revision.changes), "kinds": list(KINDS),
            "chapters": self.chapters(), "aspects": self.aspects(),
        }


def _at(span: SourceSpan | None) -> str:
    return "" if span is None else f"{span.file}:{span.line}:{span.col}"


def _field(change: Change, lang: str) -> str:
    """The changed field inside a program or quick win as a reader names it (`anggaran`,
    `indikator ke-2, target 2027`: `generator.i18n.fields`); empty when the item is
    itself a spec path that names it."""
    if not change.field or change.field in change.item:
        return ""
    pointer = change.new_pointer if change.new_pointer is not None else change.old_pointer
    start = _entity_length(pointer or ())
    if change.field == "years" or not start:
        return field_text((change.field,), lang)
    return field_text(tuple((pointer or ())[start:]), lang)


def _entity_length(pointer: Pointer) -> int:
    """The length of the pointer to the program or quick win `pointer` is in, else 0."""
    if pointer[:1] == ("quick_wins",) and len(pointer) > 2:
        return 2
    if pointer[:1] == ("dimensions",) and len(pointer) > 6 and pointer[4] == "programs":
        return 6
    return 0
