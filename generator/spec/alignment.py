"""The plan's alignment, typed: the RPJMD's items (missions, goals, targets, regional programs)
as a tree, and each program's links to them, to the agency's Renstra, to SPBE and to the
spatial plan (RTRW).

Built from a validated spec (every link resolves, every id is unique), like `model`; kept
apart from it so the alignment can grow without touching the core model.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from generator.spec.model import Masterplan, Program

#: The RPJMD's lists, each item's kind and the field naming its parent.
LEVELS: tuple[tuple[str, str, str | None], ...] = (
    ("missions", "mission", None), ("goals", "goal", "mission"),
    ("targets", "target", "goal"), ("programs", "program", "target"))


@dataclass(frozen=True)
class RpjmdItem:
    kind: str  # mission, goal, target, program
    id: str
    text: str
    parent: str | None
    indicator: str = ""
    depth: int = 0


@dataclass(frozen=True)
class Links:
    rpjmd: list[str]
    renstra: str
    spbe: list[str]
    spatial: str

    def __bool__(self) -> bool:
        return bool(self.rpjmd or self.renstra or self.spbe or self.spatial)


@dataclass
class Alignment:
    #: the RPJMD items with an id, each after its parent (depth-first, in the spec's order)
    items: list[RpjmdItem] = field(default_factory=list)
    #: program id → its links (only programs that have some)
    links: dict[str, Links] = field(default_factory=dict)
    #: item id → the ids of its children
    children: dict[str, list[str]] = field(default_factory=dict)

    @property
    def declared(self) -> bool:
        """Whether the spec uses any of it (else nothing of it is printed)."""
        return bool(self.items or self.links)

    def by_id(self) -> dict[str, RpjmdItem]:
        return {item.id: item for item in self.items}

    def descendants(self, item_id: str) -> list[str]:
        out: list[str] = []
        stack = [item_id]
        while stack:
            current = stack.pop()
            out.append(current)
            stack.extend(reversed(self.children.get(current, [])))
        return out

    def direct(self, programs: list[Program]) -> dict[str, list[Program]]:
        """item id → the programs linking to it, in the plan's order."""
        out: dict[str, list[Program]] = defaultdict(list)
        for program in programs:
            links = self.links.get(program.id)
            for item_id in dict.fromkeys(links.rpjmd if links else []):
                out[item_id].append(program)
        return out

    def serving(self, item_id: str, programs: list[Program]) -> list[Program]:
        """The programs linking to the item or to an item under it."""
        under = set(self.descendants(item_id))
        return [p for p in programs
                if (links := self.links.get(p.id)) and under.intersection(links.rpjmd)]


def _at(data: Any, pointer: tuple[str | int, ...]) -> Any:
    for step in pointer:
        data = data[step]
    return data


def build_alignment(plan: Masterplan) -> Alignment:
    rpjmd = plan.data["profile"].get("rpjmd") or {}
    found: dict[str, list[RpjmdItem]] = {}
    for key, kind, parent_field in LEVELS:
        found[kind] = [
            RpjmdItem(kind, item["id"], item["text"],
                      item.get(parent_field) if parent_field else None,
                      item.get("indicator", ""))
            for item in rpjmd.get(key, []) if isinstance(item, dict)]
    children: dict[str, list[str]] = defaultdict(list)
    every = {item.id: item for items in found.values() for item in items}
    for item in every.values():
        if item.parent in every:
            children[item.parent].append(item.id)
    ordered: list[RpjmdItem] = []
    seen: set[str] = set()

    def visit(item_id: str, depth: int) -> None:
        if item_id in seen:
            return
        seen.add(item_id)
        item = every[item_id]
        ordered.append(RpjmdItem(item.kind, item.id, item.text, item.parent, item.indicator,
                                 depth))
        for child in children.get(item_id, []):
            visit(child, depth + 1)

    for _key, kind, _parent in LEVELS:  # roots first: missions, then items without a parent
        for item in found[kind]:
            if item.parent not in every:
                visit(item.id, 0)
    links: dict[str, Links] = {}
    for program in plan.programs:
        raw = _at(plan.data, program.pointer).get("aligns") or {}
        link = Links(list(raw.get("rpjmd", [])), raw.get("renstra", ""),
                     list(raw.get("spbe", [])), raw.get("spatial", ""))
        if link:
            links[program.id] = link
    return Alignment(ordered, links, dict(children))
