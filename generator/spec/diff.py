"""What changed between two versions of a spec, by meaning rather than by line.

`compare(old, new)` walks two validated specs and lists `Change`s: programs and quick wins
are matched by their id wherever they stand (a program whose dimension or sub-dimension
differs is *moved*, not removed and added), indicators by their name, the entries of other
lists by their `id`, `code`, `key` or `name`; a program's budget, years, targets and
agencies are named as such, and a text of more than a few words is a *narrative*, whose
change is given word by word (`generator.words`). Every change carries the path in the
spec and the position of its value in the old and/or the new file.

The change log of `masterplan diff`, its JSON and the change matrix document
(`generator.documents.revision`) are all made from this one list.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, Literal

from generator.errors import SourceSpan
from generator.spec.load import Pointer, SpecDocument, format_pointer
from generator.words import Op, word_diff

Kind = Literal["added", "removed", "moved", "changed"]
KINDS: tuple[Kind, ...] = ("added", "removed", "moved", "changed")
#: what a change is about, in the order the change log counts them
ASPECTS = ("program", "quick_win", "budget", "years", "targets", "agencies", "indicators",
           "narrative", "value")
#: the chapters of the masterplan a change belongs to, in the book's order
CHAPTERS = ("document", "foreword", "introduction", "profile", "readiness", "strategic",
            "vision", "programs", "roadmap", "quick_wins", "governance", "closing",
            "annexes")
_CHAPTER_OF_KEY = {
    "spec_version": "document", "region": "document", "cohort": "document",
    "document": "document", "approval": "document", "foreword": "foreword",
    "introduction": "introduction", "profile": "profile", "previous_masterplan": "profile",
    "readiness": "readiness", "vision": "vision", "roadmap": "roadmap",
    "quick_wins": "quick_wins", "governance": "governance", "closing": "closing",
}
_ASPECT_OF_FIELD = {
    "budget": "budget", "start_year": "years", "end_year": "years", "period": "years",
    "targets": "targets", "target": "targets", "baseline": "targets",
    "lead_opd": "agencies", "supporting_opds": "agencies", "owner_opd": "agencies",
    "indicators": "indicators", "kpis": "indicators",
}
_IDENTITY_KEYS = ("id", "code", "key", "name")
#: a text of more words than this is a narrative: its change is shown word by word
NARRATIVE_WORDS = 6


@dataclass(frozen=True)
class Change:
    kind: Kind
    #: what it is about (`ASPECTS`)
    aspect: str
    #: the chapter of the book (`CHAPTERS`)
    chapter: str
    #: the thing changed, as a reader names it: `GOV-01 Layanan Perizinan Daring`, or the path
    item: str
    old_pointer: Pointer | None
    new_pointer: Pointer | None
    before: Any = None
    after: Any = None
    #: a narrative's pieces: ("equal" | "delete" | "insert", text)
    words: tuple[tuple[Op, str], ...] = ()
    old_at: SourceSpan | None = None
    new_at: SourceSpan | None = None
    #: the field within the item (`budget`, `description`), empty for the item itself
    field: str = ""

    @property
    def path(self) -> str:
        """The spec path: the new one, else the old one."""
        pointer = self.new_pointer if self.new_pointer is not None else self.old_pointer
        return format_pointer(pointer or ())

    def as_dict(self) -> dict[str, Any]:
        """Plain data for `--format json`."""
        def at(span: SourceSpan | None) -> dict[str, Any] | None:
            return None if span is None else {"file": span.file, "line": span.line,
                                              "column": span.col}

        return {
            "kind": self.kind, "aspect": self.aspect, "chapter": self.chapter,
            "item": self.item, "field": self.field, "path": self.path,
            "old_path": None if self.old_pointer is None else format_pointer(self.old_pointer),
            "new_path": None if self.new_pointer is None else format_pointer(self.new_pointer),
            "before": self.before, "after": self.after,
            "words": [{"op": op, "text": text} for op, text in self.words] or None,
            "old_at": at(self.old_at), "new_at": at(self.new_at),
        }


@dataclass
class Revision:
    """Two versions of a spec and the changes from the first to the second."""

    old: SpecDocument
    new: SpecDocument
    changes: list[Change] = field(default_factory=list)

    def count(self) -> dict[str, int]:
        """Changes per kind (`KINDS`), every kind present."""
        counts: dict[str, int] = dict.fromkeys(KINDS, 0)
        for change in self.changes:
            counts[change.kind] += 1
        return counts


def compare(old: SpecDocument, new: SpecDocument) -> Revision:
    """Every change from `old` to `new` (both validated), in the book's order."""
    differ = _Differ(old, new)
    differ.run()
    order = {name: index for index, name in enumerate(CHAPTERS)}
    changes = sorted(differ.changes, key=lambda c: order[c.chapter])  # stable within one
    return Revision(old, new, changes)


# --- the walk -------------------------------------------------------------------------------


class _Differ:
    def __init__(self, old: SpecDocument, new: SpecDocument) -> None:
        self.old, self.new = old, new
        self.changes: list[Change] = []

    def add(self, kind: Kind, aspect: str, chapter: str, item: str,
            old_pointer: Pointer | None, new_pointer: Pointer | None, before: Any = None,
            after: Any = None, *, words: tuple[tuple[Op, str], ...] = (),
            name: str = "") -> None:
        self.changes.append(Change(
            kind, aspect, chapter, item, old_pointer, new_pointer, before, after, words,
            None if old_pointer is None else self.old.span(old_pointer),
            None if new_pointer is None else self.new.span(new_pointer), name))

    def run(self) -> None:
        old, new = self.old.data, self.new.data
        keys = list(dict.fromkeys([*old, *new]))
        for key in keys:
            if key == "dimensions":
                self.dimensions(old.get(key, {}), new.get(key, {}))
            elif key == "quick_wins":
                self.entities("quick_wins", "quick_win", "quick_wins",
                              _quick_wins(old), _quick_wins(new))
            else:
                chapter = _CHAPTER_OF_KEY.get(key, "annexes")
                self.tree(chapter, "", (key,), (key,), old.get(key), new.get(key))

    # programs and quick wins: matched by id wherever they stand ------------------------------
    def dimensions(self, old: dict[str, Any], new: dict[str, Any]) -> None:
        for dim in dict.fromkeys([*old, *new]):
            before, after = old.get(dim) or {}, new.get(dim) or {}
            base = ("dimensions", dim)
            for key in dict.fromkeys([*before, *after]):
                if key != "sub_dimensions":
                    self.tree("strategic", "", (*base, key), (*base, key), before.get(key),
                              after.get(key))
                    continue
                subs_old, subs_new = before.get(key) or {}, after.get(key) or {}
                for sub in dict.fromkeys([*subs_old, *subs_new]):
                    s_old, s_new = subs_old.get(sub) or {}, subs_new.get(sub) or {}
                    for name in dict.fromkeys([*s_old, *s_new]):
                        if name != "programs":
                            pointer = (*base, key, sub, name)
                            self.tree("programs", "", pointer, pointer, s_old.get(name),
                                      s_new.get(name))
        self.entities("programs", "program", "programs", _programs(self.old.data),
                      _programs(self.new.data))

    def entities(self, chapter: str, aspect: str, what: str,
                 old: dict[str, tuple[Pointer, dict[str, Any]]],
                 new: dict[str, tuple[Pointer, dict[str, Any]]]) -> None:
        for ident in dict.fromkeys([*old, *new]):
            if ident not in new:
                pointer, data = old[ident]
                self.add("removed", aspect, chapter, _title(data), pointer, None, _summary(data))
            elif ident not in old:
                pointer, data = new[ident]
                self.add("added", aspect, chapter, _title(data), None, pointer, None,
                         _summary(data))
        for ident, (new_pointer, after) in new.items():
            if ident not in old:
                continue
            old_pointer, before = old[ident]
            item = _title(after)
            if what == "programs" and old_pointer[:4] != new_pointer[:4]:
                self.add("moved", aspect, chapter, item, old_pointer, new_pointer,
                         _place(old_pointer), _place(new_pointer))
            self.fields(chapter, item, old_pointer, new_pointer, before, after)

    def fields(self, chapter: str, item: str, old_pointer: Pointer, new_pointer: Pointer,
               before: dict[str, Any], after: dict[str, Any]) -> None:
        """A program's or quick win's fields: the years as one change, the budget as one."""
        keys = list(dict.fromkeys([*before, *after]))
        years = ("start_year", "end_year")
        if any(before.get(k) != after.get(k) for k in years):
            self.add("changed", "years", chapter, item, (*old_pointer, "start_year"),
                     (*new_pointer, "start_year"), _years(before), _years(after), name="years")
        for key in keys:
            if key in years or before.get(key) == after.get(key):
                continue
            old_at, new_at = (*old_pointer, key), (*new_pointer, key)
            if key == "budget":
                self.add(_kind(before.get(key), after.get(key)), "budget", chapter, item,
                         old_at if key in before else None, new_at if key in after else None,
                         _budget(before.get(key)), _budget(after.get(key)), name=key)
            else:
                self.tree(chapter, item, old_at, new_at, before.get(key), after.get(key))

    # anything else: a tree walk ----------------------------------------------------------
    def tree(self, chapter: str, item: str, old_pointer: Pointer, new_pointer: Pointer,
             before: Any, after: Any) -> None:
        if before == after:
            return
        name = next((str(p) for p in reversed(new_pointer) if isinstance(p, str)), "")
        aspect = _ASPECT_OF_FIELD.get(name, "value")
        label = item or format_pointer(new_pointer if after is not None else old_pointer)
        if before is None or after is None:
            self.add(_kind(before, after), aspect, chapter, label,
                     old_pointer if before is not None else None,
                     new_pointer if after is not None else None,
                     before, after, name=name)
        elif isinstance(before, dict) and isinstance(after, dict):
            for key in dict.fromkeys([*before, *after]):
                self.tree(chapter, item, (*old_pointer, key), (*new_pointer, key),
                          before.get(key), after.get(key))
        elif isinstance(before, list) and isinstance(after, list) and _keyed(before, after):
            self.keyed_list(chapter, item, old_pointer, new_pointer, before, after, aspect)
        elif isinstance(before, str) and isinstance(after, str) and _narrative(before, after):
            self.add("changed", "narrative", chapter, label, old_pointer, new_pointer, before,
                     after, words=tuple(word_diff(before, after)), name=name)
        else:
            self.add("changed", aspect, chapter, label, old_pointer, new_pointer,
                     before, after, name=name)

    def keyed_list(self, chapter: str, item: str, old_pointer: Pointer, new_pointer: Pointer,
                   before: list[Any], after: list[Any], aspect: str) -> None:
        """Lists of mappings: matched by their identity (`_IDENTITY_KEYS`), else by place."""
        key = _identity(before, after)
        olds = {(e.get(key) if key else i): (i, e) for i, e in enumerate(before)}
        news = {(e.get(key) if key else i): (i, e) for i, e in enumerate(after)}
        for ident, (index, entry) in olds.items():
            if ident not in news:
                self.add("removed", aspect, chapter,
                         item or format_pointer((*old_pointer, index)),
                         (*old_pointer, index), None, _summary(entry),
                         name=str(old_pointer[-1]))
        for ident, (index, entry) in news.items():
            if ident not in olds:
                self.add("added", aspect, chapter, item or format_pointer((*new_pointer, index)),
                         None, (*new_pointer, index), None, _summary(entry),
                         name=str(new_pointer[-1]))
                continue
            old_index, old_entry = olds[ident]
            self.tree(chapter, item, (*old_pointer, old_index), (*new_pointer, index),
                      old_entry, entry)


# --- helpers -------------------------------------------------------------------------------


def _programs(data: dict[str, Any]) -> dict[str, tuple[Pointer, dict[str, Any]]]:
    found: dict[str, tuple[Pointer, dict[str, Any]]] = {}
    for dim, body in (data.get("dimensions") or {}).items():
        for sub, sub_body in ((body or {}).get("sub_dimensions") or {}).items():
            for index, program in enumerate((sub_body or {}).get("programs") or []):
                found[str(program["id"])] = (
                    ("dimensions", dim, "sub_dimensions", sub, "programs", index), program)
    return found


def _quick_wins(data: dict[str, Any]) -> dict[str, tuple[Pointer, dict[str, Any]]]:
    return {str(q["id"]): (("quick_wins", index), q)
            for index, q in enumerate(data.get("quick_wins") or [])}


def _title(entry: dict[str, Any]) -> str:
    return " ".join(str(entry[k]) for k in ("id", "name") if entry.get(k) is not None)


def _place(pointer: Pointer) -> str:
    """`dimensions.governance.sub_dimensions.bureaucracy…` → `governance/bureaucracy`."""
    return f"{pointer[1]}/{pointer[3]}"


def _years(entry: dict[str, Any]) -> str:
    return f"{entry.get('start_year')}–{entry.get('end_year')}"


def _budget(lines: Any) -> dict[str, Any] | None:
    if not isinstance(lines, list):
        return None
    return {"total": sum(int(line.get("amount", 0)) for line in lines),
            "lines": [{k: line[k] for k in ("year", "amount", "source") if k in line}
                      for line in lines]}


def _summary(entry: Any) -> Any:
    """What an added or removed entry is shown as: its id and name, else the value."""
    if isinstance(entry, dict) and any(k in entry for k in _IDENTITY_KEYS):
        return " ".join(str(entry[k]) for k in ("id", "code", "key", "name") if k in entry)
    return entry


def _kind(before: Any, after: Any) -> Kind:
    if before is None:
        return "added"
    if after is None:
        return "removed"
    return "changed"


def _identity(before: list[Any], after: list[Any]) -> str | None:
    """The key that names every entry of both lists once, if any."""
    for key in _IDENTITY_KEYS:
        for entries in (before, after):
            values = [e.get(key) for e in entries]
            if None in values or len(set(map(str, values))) != len(values):
                break
        else:
            return key
    return None


def _keyed(before: list[Any], after: list[Any]) -> bool:
    return bool(before or after) and all(isinstance(e, dict) for e in [*before, *after])


def _narrative(before: str, after: str) -> bool:
    return max(len(before.split()), len(after.split())) > NARRATIVE_WORDS or \
        "\n" in before or "\n" in after


def walk_changes(revision: Revision, chapter: str) -> Iterator[Change]:
    """The changes of one chapter, in order."""
    return (change for change in revision.changes if change.chapter == chapter)
