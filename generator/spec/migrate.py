"""`masterplan migrate`: move a spec from its framework to another with a mapping table.

The table (`frameworks/SOURCE--TARGET.yaml`, data like the frameworks) sends every
dimension's narrative and every sub-dimension's programs to a place of the target
framework. The spec is edited as a ruamel.yaml round trip, so its comments, quoting and
order stay; what moves keeps its own comments. A program whose new dimension has another
id prefix is renamed (GOV-, LIV- … MOB-) and every reference to it follows (quick wins,
the previous masterplan's `continued_as`). What a human must decide (a branding program
with no home of its own, two dimensions' narratives in one) comes back as warnings
positioned in the new file and is written in it as comments (`# MIGRASI: …`) at those
places; a new dimension's narratives are the schema's placeholders, which `validate` warns
at (so `--strict` refuses them until written); the new file is validated against the
target framework.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.errors import Diagnostic, SourceSpan, SpecError
from generator.i18n.messages import message
from generator.spec.framework import BUNDLED_DIR, Framework
from generator.spec.load import Pointer, SpecDocument, load_spec, load_spec_text
from generator.spec.validate import validate
from generator.spec.vocabulary import Label

_NARRATIVES = ("current_condition", "target_condition", "gap")
_SWOT = ("strengths", "weaknesses", "opportunities", "threats")


@dataclass(frozen=True)
class Move:
    target: str  # "dimension.sub_dimension" of the target framework
    decision: Label | None = None


@dataclass(frozen=True)
class MappingTable:
    source: str
    target: str
    dimensions: dict[str, str]
    sub_dimensions: dict[str, Move]


def mapping_names() -> list[str]:
    return sorted(p.stem for p in BUNDLED_DIR.glob("*--*.yaml"))


def load_mapping(source: Framework, target: Framework, span: SourceSpan) -> MappingTable:
    """The bundled table from `source` to `target` (trusted data; a test checks that every
    key of both frameworks is covered), else a positioned error."""
    path = BUNDLED_DIR / f"{source.name}--{target.name}.yaml"
    if not path.is_file():
        raise SpecError([Diagnostic(span, "error", "", "migrate.no_mapping", {
            "source": source.name, "target": target.name,
            "known": ", ".join(n.replace("--", " → ") for n in mapping_names()) or "-"})])
    data = load_spec(path, path.name).data
    moves = {}
    for key, value in data["sub_dimensions"].items():
        if isinstance(value, str):
            moves[key] = Move(value)
        else:
            decision = value.get("decision")
            moves[key] = Move(value["to"], Label(decision["id"], decision["en"])
                              if decision else None)
    return MappingTable(data["from"], data["to"], dict(data["dimensions"]), moves)


@dataclass
class Migration:
    text: str
    #: the decisions a human must take, and any problem of the new spec, positioned in it
    diagnostics: list[Diagnostic] = field(default_factory=list)
    programs: int = 0
    decisions: int = 0


def _yaml() -> Any:
    from ruamel.yaml import YAML

    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 4096
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


def _norm(text: str) -> str:
    return " ".join(str(text).lower().split())


def _accepted(label: Any, standard: Label, aliases: frozenset[str]) -> bool:
    return isinstance(label, str) and _norm(label) in {
        _norm(standard.id), _norm(standard.en), *map(_norm, aliases)}


class _Mover:
    def __init__(self, doc: SpecDocument, source: Framework, target: Framework,
                 table: MappingTable) -> None:
        self.doc, self.source, self.target, self.table = doc, source, target, table
        self.root = _yaml().load(doc.source_text)
        self.notes: list[tuple[Pointer, str, dict[str, object]]] = []
        self.renames: dict[str, str] = {}
        self.ids = {p["id"] for d in doc.data["dimensions"].values()
                    for s in d["sub_dimensions"].values() for p in s.get("programs", [])}
        self.programs = 0

    def note(self, pointer: Pointer, code: str, **params: object) -> None:
        self.notes.append((pointer, code, params))

    def run(self) -> None:
        from ruamel.yaml.comments import CommentedMap

        old = self.root["dimensions"]
        new = CommentedMap()
        first: dict[str, str] = {}
        for key in self.target.dimensions:  # the target's order
            new[key] = None
        # a dimension that keeps its key leads (its narrative first, its programs first)
        order = sorted(old, key=lambda k: self.table.dimensions.get(k) != k)
        for skey in order:
            body = old[skey]
            tkey = self.table.dimensions.get(skey) or next(iter(self.target.dimensions))
            if new[tkey] is None:
                first[tkey] = skey
                new[tkey] = body
                if skey in old.ca.items and tkey == skey:
                    new.ca.items[tkey] = old.ca.items[skey]
                subs = body["sub_dimensions"]
                body["sub_dimensions"] = CommentedMap()
                body["_old_subs"] = subs
                if "label" in body and not _accepted(body["label"], self.target.dimensions[tkey],
                                                     self.target.aliases.get(tkey, frozenset())):
                    del body["label"]
            else:
                self.merge(new[tkey], body, tkey, skey, first[tkey])
                new[tkey]["_more_subs"] = [*new[tkey].get("_more_subs", []),
                                           (skey, body["sub_dimensions"])]
        for tkey, body in list(new.items()):
            if body is None:
                new[tkey] = self.skeleton(tkey)
        # the programs, by sub-dimension
        for tkey in list(new):
            body = new[tkey]
            pending = []
            if "_old_subs" in body:
                pending.append((first[tkey], body.pop("_old_subs")))
            pending += body.pop("_more_subs", [])
            for skey, subs in pending:
                for sub, sub_body in subs.items():
                    self.move_sub(new, skey, sub, sub_body)
                    placed = self.table.sub_dimensions.get(f"{skey}.{sub}")
                    if placed and placed.target == f"{tkey}.{sub}" and sub in subs.ca.items:
                        new[tkey]["sub_dimensions"].ca.items[sub] = subs.ca.items[sub]
        for tkey, body in new.items():  # every sub-dimension present, in the target's order
            subs = body["sub_dimensions"]
            ordered = CommentedMap()
            for sub in self.target.sub_dimensions[tkey]:
                ordered[sub] = subs[sub] if sub in subs else CommentedMap()
            ordered.ca.items.update(subs.ca.items)
            body["sub_dimensions"] = ordered
        self.root["dimensions"] = new
        self.references()
        self.previous()
        self.name_framework()

    def skeleton(self, tkey: str) -> Any:
        from ruamel.yaml.comments import CommentedMap

        body = CommentedMap()
        # the schema's placeholders (the starter's): `validate` warns at each until replaced,
        # so `--strict` refuses a migrated spec whose new dimension is still undescribed
        for name in ("current_condition", "target_condition"):
            body[name] = _placeholder(self.target, tkey, name)
        body["sub_dimensions"] = CommentedMap()
        self.note(("dimensions", tkey), "migrate.decision", what=("@text", "Dimensi", "Dimension"),
                  target=tkey, decision=("@text", "dimensi baru: uraikan kondisinya.",
                                         "a new dimension: describe its condition."))
        return body

    def merge(self, into: Any, body: Any, tkey: str, skey: str, first: str) -> None:
        from ruamel.yaml.scalarstring import LiteralScalarString

        for name in _NARRATIVES:
            if name in body:
                into[name] = LiteralScalarString(
                    f"{str(into.get(name, '')).rstrip()}\n\n{str(body[name]).strip()}\n")
                self.note(("dimensions", tkey, name), "migrate.merged", field=name,
                          source=skey, target=tkey, first=first)
        if "strategies" in body:
            into.setdefault("strategies", []).extend(body["strategies"])
        if "swot" in body:
            swot = into.setdefault("swot", {})
            for name in _SWOT:
                if name in body["swot"]:
                    swot.setdefault(name, []).extend(body["swot"][name])

    def move_sub(self, new: Any, skey: str, sub: str, sub_body: Any) -> None:
        from ruamel.yaml.comments import CommentedMap

        move = self.table.sub_dimensions.get(f"{skey}.{sub}")
        if move is None:
            tkey = self.table.dimensions.get(skey) or next(iter(self.target.dimensions))
            move = Move(f"{tkey}.{next(iter(self.target.sub_dimensions[tkey]))}")
            self.note(("dimensions", tkey), "migrate.unmapped",
                      what=("@text", "Sub-dimensi", "Sub-dimension"), name=f"{skey}.{sub}")
        tkey, tsub = move.target.split(".", 1)
        subs = new[tkey]["sub_dimensions"]
        if tsub not in subs:
            subs[tsub] = sub_body if sub_body is not None else CommentedMap()
            target_body = subs[tsub]
            programs = list(target_body.get("programs") or [])
            if "programs" in target_body:
                target_body["programs"].clear()
            else:
                target_body["programs"] = []
            if "label" in target_body and not _accepted(
                    target_body["label"], self.target.sub_dimensions[tkey][tsub],
                    self.target.aliases.get(f"{tkey}.{tsub}", frozenset())):
                del target_body["label"]
        else:
            target_body = subs[tsub]
            programs = list((sub_body or {}).get("programs") or [])
            if sub_body and "strategies" in sub_body:
                target_body.setdefault("strategies", []).extend(sub_body["strategies"])
            target_body.setdefault("programs", [])
        for program in programs:
            index = len(target_body["programs"])
            target_body["programs"].append(program)
            pointer = ("dimensions", tkey, "sub_dimensions", tsub, "programs", index)
            self.programs += 1
            self.rename(program, skey, tkey, pointer)
            if move.decision is not None:
                self.note((*pointer, "id"), "migrate.decision",
                          what=("@text", f"Program {program['id']}",
                                f"Program {program['id']}"),
                          target=f"{tkey}.{tsub}",
                          decision=("@text", move.decision.id, move.decision.en))
        if not target_body["programs"] and "programs" in target_body:
            del target_body["programs"]

    def rename(self, program: Any, skey: str, tkey: str, pointer: Pointer) -> None:
        old_code, new_code = self.source.codes.get(skey, ""), self.target.codes[tkey]
        old_id = str(program["id"])
        if old_code == new_code or not old_id.startswith(f"{old_code}-"):
            return
        wanted = f"{new_code}{old_id[len(old_code):]}"
        if wanted in self.ids:
            number = 1
            while f"{new_code}-{number:02d}" in self.ids:
                number += 1
            wanted = f"{new_code}-{number:02d}"
        self.ids.add(wanted)
        self.renames[old_id] = wanted
        program["id"] = _like(program["id"], wanted)
        self.note((*pointer, "id"), "migrate.renamed", old=old_id, new=wanted)

    def references(self) -> None:
        for quick_win in self.root.get("quick_wins") or []:
            if quick_win.get("program") in self.renames:
                quick_win["program"] = _like(quick_win["program"],
                                             self.renames[quick_win["program"]])
        previous = self.root.get("previous_masterplan") or {}
        for item in previous.get("programs") or []:
            if item.get("continued_as") in self.renames:
                item["continued_as"] = _like(item["continued_as"],
                                             self.renames[item["continued_as"]])

    def previous(self) -> None:
        previous = self.root.get("previous_masterplan") or {}
        for item in previous.get("programs") or []:
            dim = item.get("dimension")
            if dim in self.table.dimensions:
                item["dimension"] = _like(dim, self.table.dimensions[dim])

    def name_framework(self) -> None:
        name = self.target.name
        if "framework" in self.root:
            self.root["framework"] = _like(self.root["framework"], name)
        else:
            keys = list(self.root)
            at = keys.index("spec_version") + 1 if "spec_version" in keys else 0
            self.root.insert(at, "framework", name)

    def comment(self, lang: str) -> None:
        """Each note also as a comment (`# MIGRASI: …`) above its place in the new file,
        where the consultant finishing it reads it; a program's above its list item."""
        grouped: dict[Pointer, list[str]] = {}
        for pointer, code, params in self.notes:
            text = Diagnostic(SourceSpan("", 0, 0), "warning", "", code, params).message(lang)
            line = " ".join(message("migrate.comment", lang, text=text).split())
            grouped.setdefault(_commented(pointer), []).append(line)
        for pointer, lines in grouped.items():
            node = self.root
            for step in pointer[:-1]:
                node = node[step]
            # every level indents by 2 (mappings 2; a sequence's dashes 2 in, offset 2)
            node.yaml_set_comment_before_after_key(pointer[-1], before="\n".join(lines),
                                                   indent=2 * (len(pointer) - 1))

    def dump(self) -> str:
        out = io.StringIO()
        _yaml().dump(self.root, out)
        return out.getvalue()


def _placeholder(framework: Framework, dimension: str, name: str) -> str:
    """The schema's example of a dimension's narrative `name` (marked `PLACEHOLDER`)."""
    from generator.spec.schema import PLACEHOLDER, build_schema

    node = build_schema(framework)["$defs"][f"dimension_{dimension}"]["properties"][name]
    assert node.get(PLACEHOLDER), name
    return str(node["examples"][0])


def _commented(pointer: Pointer) -> Pointer:
    """Where a note's comment goes: a program's id note above the program's list item."""
    if len(pointer) > 1 and pointer[-1] == "id" and isinstance(pointer[-2], int):
        return pointer[:-1]
    return pointer


def _like(old: Any, new: str) -> Any:
    """`new` quoted as `old` was (a round trip keeps the spec's quoting)."""
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString, SingleQuotedScalarString

    if isinstance(old, DoubleQuotedScalarString):
        return DoubleQuotedScalarString(new)
    if isinstance(old, SingleQuotedScalarString):
        return SingleQuotedScalarString(new)
    return new


def migrate_spec(path: Path, target: Framework, output_name: str, *,
                 source: Framework | None = None, lang: str = "id") -> Migration:
    """The text of `path` moved to `target`, with the decisions and the new spec's problems
    positioned in `output_name` (and written in it as comments, in `lang`); SpecError
    when the spec itself is not valid or no table leads from its framework to `target`."""
    from generator.spec import check_spec

    doc, _warnings = check_spec(path, str(path), framework=None)
    source = source or doc.framework
    if source.identity == target.identity:
        raise SpecError([Diagnostic(doc.span(("framework",)), "error", "framework",
                                    "migrate.same", {"framework": target.name})])
    table = load_mapping(source, target, doc.span(("framework",)))
    mover = _Mover(doc, source, target, table)
    mover.run()
    mover.comment(lang)
    text = mover.dump()
    new_doc = load_spec_text(text, Path(output_name), output_name)
    new_doc.source_bytes = text.encode("utf-8")
    found = validate(new_doc, target)
    notes = [Diagnostic(new_doc.span(pointer), "warning", _dotted(pointer), code, params)
             for pointer, code, params in mover.notes]
    return Migration(text, sorted(notes + found, key=lambda d: (d.span.line, d.span.col)),
                     mover.programs, sum(n[1] == "migrate.decision" for n in mover.notes))


def _dotted(pointer: Pointer) -> str:
    from generator.spec.load import format_pointer

    return format_pointer(pointer)


__all__ = ["Migration", "load_mapping", "migrate_spec"]
