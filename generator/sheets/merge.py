"""`masterplan import`: filled workbooks back into the spec, value by value.

For every editable cell the workbook's value is compared with the value it was made with
(stored in its hidden sheet): equal, nothing to do. Otherwise the change is a *proposal*;
it conflicts when the spec's current value differs from both (the spec changed since the
workbook was made) or when another workbook proposes another value. Conflicts are listed
and nothing is written unless `force` says who wins (`ours`: the spec; `theirs`: the
workbooks, the last one given between two of them).

The spec is edited with ruamel.yaml's round trip (comments, key order and quoting
survive); the dump is then laid over the original text line by line (`overlay`), so a
line no change touched stays byte-identical even where ruamel would re-flow it. The merged
text is loaded and validated like any spec; a problem in a value that came from a cell is
reported at that cell (`FILE.xlsx:Sheet!C12`), in the words of `validate`.
"""

from __future__ import annotations

import difflib
import functools
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from generator.errors import Diagnostic, SourceSpan, SpecError
from generator.sheets.layout import (
    HORIZONS,
    PROGRAM_STATUS,
    CellKey,
    next_program_id,
    spec_cells,
)
from generator.sheets.read import FilledWorkbook, Row, cell_span, read_workbook
from generator.spec.framework import Framework
from generator.spec.load import Pointer, format_pointer

FORCES = ("ours", "theirs")
_YEARS = {"start_year", "end_year", "year", "baseline_year"}
_TEXTS = {"name", "unit", "note", "lead_opd", "scale", "source"}
_ROW_FIELDS = {"indicators": ("name", "unit", "scale", "baseline", "baseline_year"),
               "budget": ("year", "amount", "source", "note")}
_DELETE = "<delete>"
_MISSING = "<missing>"


@dataclass
class Proposal:
    key: CellKey
    new: Any
    original: Any
    book: FilledWorkbook
    span: SourceSpan


@dataclass
class NewItem:
    """A new indicator or budget line (`kind`) or program (`programs`)."""

    kind: str
    program: str
    values: dict[str, Any]
    span: SourceSpan
    spans: dict[str, SourceSpan]


@dataclass
class Plan:
    framework: Framework
    changes: list[Proposal] = field(default_factory=list)
    new_items: list[NewItem] = field(default_factory=list)
    conflicts: list[Diagnostic] = field(default_factory=list)
    problems: list[Diagnostic] = field(default_factory=list)


@dataclass
class ImportResult:
    text: str
    lines: list[str]
    changed: bool
    warnings: list[Diagnostic]


# --- cell values to spec values -------------------------------------------------------------

def _by_label(table: dict[str, Any]) -> dict[str, str]:
    names: dict[str, str] = {}
    for key, pair in table.items():
        names[key.casefold()] = key
        for text in pair:
            names[str(text).casefold()] = key
    return names


_HORIZON = _by_label(HORIZONS)
_STATUS = _by_label(PROGRAM_STATUS)


@dataclass(frozen=True)
class _Places:
    """A framework's dimensions and sub-dimensions by every name a cell may give them: the
    key, either language's label, an alias of the framework."""

    dimensions: dict[str, str]
    subs: dict[str, tuple[str, str]]
    dimension_labels: list[str]
    sub_labels: list[str]


@functools.cache
def _places(framework: Framework) -> _Places:
    dimensions = _by_label(framework.dimensions)
    subs: dict[str, tuple[str, str]] = {}
    for dim, names in framework.sub_dimensions.items():
        dimensions.update({alias: dim for alias in framework.aliases.get(dim, ())})
        for sub, pair in names.items():
            aliases = framework.aliases.get(f"{dim}.{sub}", frozenset())
            for text in (sub, *pair, *sorted(aliases)):
                subs.setdefault(str(text).casefold(), (dim, sub))
    return _Places(dimensions, subs, list(framework.dimensions),
                   [pair.id for names in framework.sub_dimensions.values()
                    for pair in names.values()])


class _Bad(Exception):
    def __init__(self, code: str, **params: object) -> None:
        super().__init__(code)
        self.code, self.params = code, params


def _type_problem(expected: str, value: Any) -> _Bad:
    from generator.spec.load import type_name
    from generator.spec.validate import thousands_hint

    hint: object = ""
    found = type_name(value)
    if isinstance(value, str):
        hint = thousands_hint(value.replace("Rp", "").replace("rp", "").strip()) or ""
    return _Bad("schema.type", expected=("@either", [("@type", expected)]),
                found=("@type", found), shown=f" `{value}`", hint=hint)


def _number(value: Any) -> Any:
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def to_spec(field_name: str, value: Any, framework: Framework) -> Any:
    """A cell's value as the spec writes it; `_Bad` with a catalogue message when it cannot be.
    Dimensions and sub-dimensions are those of `framework`."""
    value = _number(value)
    if value is None:
        return [] if field_name == "supporting_opds" else None
    if isinstance(value, datetime | date | bool):
        expected = "integer" if field_name in _YEARS or field_name == "amount" else "string"
        raise _type_problem(expected, str(value))
    if field_name in _YEARS or field_name == "amount":
        if isinstance(value, str) and value.isascii() and value.isdigit():
            return int(value)
        if not isinstance(value, int):
            raise _type_problem("integer", value)
        return value
    if field_name == "supporting_opds":
        return [part.strip() for part in re.split(r"[;,\n]", str(value)) if part.strip()]
    if field_name == "dimension":
        places = _places(framework)
        return _lookup(places.dimensions, value, places.dimension_labels)
    if field_name == "sub_dimension":
        places = _places(framework)
        found = places.subs.get(str(value).casefold())
        if found is None:
            raise _Bad("schema.enum", value=value, allowed=places.sub_labels, suggestion="")
        return found
    if field_name == "horizon":
        return _lookup(_HORIZON, value, [pair.id for pair in HORIZONS.values()])
    if field_name == "status":
        return _lookup(_STATUS, value, [pair.id for pair in PROGRAM_STATUS.values()])
    if field_name in _TEXTS:
        return str(value)
    if isinstance(value, str):  # a baseline or target: a number, or a level of its scale
        hint = _type_problem("number", value)
        if hint.params["hint"]:
            raise hint
    return value


def _lookup(table: dict[str, str], value: Any, allowed: list[str]) -> str:
    found = table.get(str(value).casefold())
    if found is None:
        raise _Bad("schema.enum", value=value, allowed=allowed, suggestion="")
    return found


def _field(key: CellKey) -> str:
    return "target" if key.field.startswith("target:") else key.field


def _spec_value(key: CellKey, value: Any, framework: Framework) -> Any:
    try:
        return to_spec(_field(key), value, framework)
    except _Bad:
        return value


# --- from workbooks to proposals ------------------------------------------------------------

def plan(data: dict[str, Any], books: list[FilledWorkbook], framework: Framework) -> Plan:
    result = Plan(framework)
    current_cache: dict[tuple[str, tuple[int, ...]], dict[CellKey, Any]] = {}
    by_key: dict[CellKey, list[Proposal]] = {}
    for book in books:
        lang, years = str(book.meta.get("lang")), tuple(int(y) for y in book.meta["years"])
        cache_key = (lang, years)
        if cache_key not in current_cache:
            current_cache[cache_key] = spec_cells(data, framework, lang, list(years))
        current = current_cache[cache_key]
        for proposal in _proposals(book, result):
            by_key.setdefault(proposal.key, []).append(proposal)
            proposal_current = current.get(proposal.key, _MISSING) if proposal.key.field != "*" \
                else _row_now(current, proposal.key)
            proposal.original = _spec_value(proposal.key, proposal.original, framework) \
                if proposal.key.field != "*" else proposal.original
            _check_spec_conflict(proposal, proposal_current, result)
    for key, proposals in by_key.items():
        values = {repr(p.new) for p in proposals}
        if len(values) > 1:
            last = proposals[-1]
            for earlier in proposals[:-1]:
                if repr(earlier.new) != repr(last.new):
                    result.conflicts.append(Diagnostic(
                        earlier.span, "error", "", "sheets.conflict_sheets",
                        {"what": _what(key), "sheet_value": _shown(earlier.new),
                         "other": str(last.span), "other_value": _shown(last.new)}))
        result.changes.extend(proposals)
    return result


def _row_now(current: dict[CellKey, Any], key: CellKey) -> Any:
    fields = _ROW_FIELDS[key.kind]
    probe = CellKey(key.kind, key.program, key.index, fields[0])
    if probe not in current:
        return _MISSING
    return {name: value for k, value in current.items()
            if k.kind == key.kind and k.program == key.program and k.index == key.index
            for name in (k.field,)}


def _check_spec_conflict(proposal: Proposal, now: Any, result: Plan) -> None:
    key = proposal.key
    if key.field == "*":
        if now == proposal.original:
            return
        shown_now = "-" if now == _MISSING else _shown(now)
        result.conflicts.append(Diagnostic(proposal.span, "error", "", "sheets.conflict_spec", {
            "what": _what(key), "sheet_value": "-", "spec_value": shown_now,
            "original": _shown(proposal.original)}))
        return
    if now == _MISSING:
        result.conflicts.append(Diagnostic(proposal.span, "error", "", "sheets.conflict_spec", {
            "what": _what(key), "sheet_value": _shown(proposal.new), "spec_value": "-",
            "original": _shown(proposal.original)}))
        return
    now_value = _spec_value(key, now, result.framework)
    if now_value != proposal.original and now_value != proposal.new:
        result.conflicts.append(Diagnostic(proposal.span, "error", "", "sheets.conflict_spec", {
            "what": _what(key), "sheet_value": _shown(proposal.new),
            "spec_value": _shown(now_value), "original": _shown(proposal.original)}))


def _shown(value: Any) -> str:
    if value is None or value == []:
        return "-"
    if isinstance(value, tuple):
        return str(value[1])
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    if isinstance(value, dict):
        return ", ".join(f"{v}" for v in value.values() if v is not None)
    return str(value)


def _what(key: CellKey) -> tuple[str, str, str]:
    """`GOV-01 indikator ke-2, target 2027` in both languages (`generator.i18n.fields`: from
    1 in text, as the worksheet's row numbers)."""
    from generator.i18n.fields import field_text

    parts: list[str | int] = [] if key.kind == "programs" else [key.kind, key.index]
    if key.field.startswith("target:"):
        parts += ["targets", key.field.partition(":")[2]]
    elif key.field != "*":
        parts.append(key.field)
    return ("@text", f"{key.program} {field_text(parts, 'id')}",
            f"{key.program} {field_text(parts, 'en')}")


def _proposals(book: FilledWorkbook, result: Plan) -> Iterator[Proposal]:
    originals = book.meta["originals"]
    programs = set(book.meta.get("programs", {}))
    placeholders = set(book.meta.get("placeholders", []))
    known = sorted(programs | placeholders)
    for row in book.rows.get("programs", []):
        pid = str(row.values.get("id") or "")
        if pid in placeholders:
            filled = {k: v for k, v in row.values.items() if k not in ("id", "lead_opd")}
            if any(v is not None for v in filled.values()):
                _check_place(book, row, result)
                result.new_items.append(_new_item(book, "programs", pid, row, result))
            continue
        if pid not in programs:
            result.problems.append(_unknown_program(book, "programs", row, "id", pid, known))
            continue
        _check_place(book, row, result)
        for name, value in row.values.items():
            if name == "id":
                continue
            key = CellKey("programs", pid, -1, name)
            yield from _compare(book, key, value, originals, row, result)
    for kind in ("indicators", "budget"):
        for row in book.rows.get(kind, []):
            pid = str(row.values.get("program") or "")
            number = row.values.get("number")
            if pid not in programs and pid not in placeholders:
                result.problems.append(_unknown_program(book, kind, row, "program", pid, known))
                continue
            if number is None:
                result.new_items.append(_new_item(book, kind, pid, row, result))
                continue
            index = int(number) - 1 if isinstance(number, int | float) else -1
            first = CellKey(kind, pid, index, _ROW_FIELDS[kind][0]).text()
            if first not in originals:
                result.problems.append(Diagnostic(book.span(kind, row, "number"), "error", "",
                                                  "sheets.unknown_row",
                                                  {"program": pid, "number": number}))
                continue
            editable = {k: v for k, v in row.values.items() if k not in ("program", "number")}
            if all(v is None for v in editable.values()):
                original = {k.split("|", 3)[3]: v for k, v in originals.items()
                            if k.startswith(f"{kind}|{pid}|{index}|")}
                yield Proposal(CellKey(kind, pid, index, "*"), _DELETE, original, book,
                               book.span(kind, row, "number"))
                continue
            for name, value in editable.items():
                yield from _compare(book, CellKey(kind, pid, index, name), value, originals,
                                    row, result)


def _check_place(book: FilledWorkbook, row: Row, result: Plan) -> None:
    """The sub-dimension must belong to the dimension written beside it."""
    try:
        dim = to_spec("dimension", row.values.get("dimension"), result.framework)
        sub = to_spec("sub_dimension", row.values.get("sub_dimension"), result.framework)
    except _Bad:
        return  # reported with the cell's own value
    if isinstance(sub, tuple) and dim is not None and sub[0] != dim:
        fw = result.framework
        result.problems.append(Diagnostic(book.span("programs", row, "sub_dimension"), "error",
                                          "", "sheets.sub_dimension",
                                          {"sub": row.values.get("sub_dimension"),
                                           "dimension": row.values.get("dimension"),
                                           "term": ("@text", fw.term.id.lower(), fw.term.en),
                                           "sub_term": ("@text", fw.sub_term.id.lower(),
                                                        fw.sub_term.en)}))


def _compare(book: FilledWorkbook, key: CellKey, value: Any, originals: dict[str, Any],
             row: Row, result: Plan) -> Iterator[Proposal]:
    original = originals.get(key.text())
    if _number(value) == original:
        return
    span = book.span(key.kind, row, key.field)
    try:
        new = to_spec(_field(key), value, result.framework)
    except _Bad as bad:
        result.problems.append(Diagnostic(span, "error", "", bad.code, bad.params))
        return
    if key.field == "name" and key.kind == "programs" and new is None:
        result.problems.append(Diagnostic(span, "error", "", "sheets.program_emptied", {}))
        return
    if new == _spec_value(key, original, result.framework):
        return  # written differently, same value (e.g. a label in the other language)
    yield Proposal(key, new, original, book, span)


def _new_item(book: FilledWorkbook, kind: str, pid: str, row: Row, result: Plan) -> NewItem:
    values: dict[str, Any] = {}
    spans: dict[str, SourceSpan] = {}
    for name, value in row.values.items():
        if name in ("id", "program", "number"):
            continue
        span = book.span(kind, row, name)
        spans[name] = span
        try:
            values[name] = to_spec("target" if name.startswith("target:") else name, value,
                                   result.framework)
        except _Bad as bad:
            result.problems.append(Diagnostic(span, "error", "", bad.code, bad.params))
    return NewItem(kind, f"{book.display}#{pid}", values, book.span(kind, row), spans)


def _unknown_program(book: FilledWorkbook, kind: str, row: Row, column: str, pid: str,
                     known: list[str]) -> Diagnostic:
    from generator.spec.validate import suggest

    close = suggest(pid, known)
    return Diagnostic(book.span(kind, row, column), "error", "", "sheets.unknown_program",
                      {"program": pid or "-", "suggestion": ("@msg", "hint.did_you_mean",
                                                             {"name": close[0]}) if close else ""})


# --- the YAML edit ------------------------------------------------------------------------------

def _yaml() -> Any:
    from ruamel.yaml import YAML

    yaml = YAML(typ="rt", pure=True)
    yaml.preserve_quotes = True
    yaml.width = 4096
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


def _dump(yaml: Any, root: Any) -> str:
    stream = io.StringIO()
    yaml.dump(root, stream)
    return stream.getvalue()


def _scalar(old: Any, new: Any) -> Any:
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString, ScalarString

    if isinstance(new, str):
        if isinstance(old, ScalarString):
            return type(old)(new)
        if isinstance(old, str):
            return new
        return DoubleQuotedScalarString(new)
    return new


def _flow_seq(items: list[str]) -> Any:
    from ruamel.yaml.comments import CommentedSeq
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString

    seq = CommentedSeq(DoubleQuotedScalarString(item) for item in items)
    seq.fa.set_flow_style()
    return seq


def _flow_map(pairs: list[tuple[Any, Any]], flow: bool = True) -> Any:
    from ruamel.yaml.comments import CommentedMap

    mapping = CommentedMap()
    for key, value in pairs:
        mapping[key] = _scalar(None, value)
    if flow:
        mapping.fa.set_flow_style()
    return mapping


class _Editor:
    """Applies the plan to round-trip program maps, remembering which cell each value came
    from. `programs` maps an id to its map and place; `root` is the whole document when the
    plan moves programs (else new programs wait in `appended`, by place)."""

    def __init__(self, framework: Framework, programs: dict[str, tuple[Any, str, str]],
                 taken: set[str], root: Any | None = None) -> None:
        self.framework = framework
        self.programs = programs
        self.root = root
        self.ids = set(taken)
        self.appended: dict[tuple[str, str], list[Any]] = {}
        self.origins: dict[int, dict[str | None, SourceSpan]] = {}

    def find(self, pid: str) -> tuple[Any, str, str] | None:
        return self.programs.get(pid)

    def mark(self, node: Any, key: str | None, span: SourceSpan) -> None:
        self.origins.setdefault(id(node), {})[key] = span

    def set_field(self, node: Any, key: str, value: Any, after: tuple[str, ...] = ()) -> None:
        if value is None or value == []:
            if key in node:
                del node[key]
            return
        if key in node:
            node[key] = _scalar(node[key], value) if not isinstance(value, list) \
                else _flow_seq(value)
            return
        position = len(node)
        keys = list(node)
        for name in reversed(after):
            if name in keys:
                position = keys.index(name) + 1
                break
        node.insert(position, key, _flow_seq(value) if isinstance(value, list)
                    else _scalar(None, value))

    def program_field(self, proposal: Proposal) -> None:
        found = self.find(proposal.key.program)
        if found is None:
            return
        program = found[0]
        name = proposal.key.field
        self.mark(program, name, proposal.span)
        if name == "dimension":
            return  # with the sub-dimension: `move`
        if name == "sub_dimension":
            self.move(proposal.key.program, proposal.new)
            return
        order = ("id", "name", "description", "activities", "lead_opd", "supporting_opds",
                 "partners", "horizon", "status", "start_year", "end_year")
        self.set_field(program, name, proposal.new, order[:order.index(name)])

    def move(self, pid: str, target: tuple[str, str]) -> None:
        found = self.find(pid)
        if found is None or (found[1], found[2]) == target or self.root is None:
            return
        program, dim, sub = found
        old_place = self.root["dimensions"][dim]["sub_dimensions"][sub]
        old_place["programs"].remove(program)
        if not old_place["programs"]:  # `programs` is optional: leave no `programs: []`
            del old_place["programs"]
        self._programs_of(target).append(program)
        self.programs[pid] = (program, *target)

    def _programs_of(self, place: tuple[str, str]) -> Any:
        from ruamel.yaml.comments import CommentedMap, CommentedSeq

        assert self.root is not None
        dim, sub = place
        dimension = self.root.setdefault("dimensions", CommentedMap()).setdefault(
            dim, CommentedMap())
        subs = dimension.setdefault("sub_dimensions", CommentedMap())
        sub_map = subs.get(sub)
        if sub_map is None:
            sub_map = subs[sub] = CommentedMap()
        if sub_map.get("programs") is None:
            sub_map["programs"] = CommentedSeq()
        return sub_map["programs"]

    def item_field(self, proposal: Proposal) -> None:
        key = proposal.key
        found = self.find(key.program)
        if found is None:
            return
        items = found[0].get(key.kind) or []
        if key.index >= len(items) or items[key.index] is None:
            return
        item = items[key.index]
        if key.field.startswith("target:"):
            year = key.field.partition(":")[2]
            targets = item.get("targets")
            if targets is None:
                targets = item["targets"] = _flow_map([])
            existing = next((k for k in targets if str(k) == year), None)
            self.mark(targets, year, proposal.span)
            if proposal.new is None:
                if existing is not None:
                    del targets[existing]
            elif existing is not None:
                targets[existing] = _scalar(targets[existing], proposal.new)
            else:
                later = [i for i, k in enumerate(targets)
                         if str(k).isdigit() and int(k) > int(year)]
                targets.insert(later[0] if later else len(targets), int(year), proposal.new)
            return
        self.mark(item, key.field, proposal.span)
        order = _ROW_FIELDS[key.kind]
        self.set_field(item, key.field, proposal.new, order[:order.index(key.field)])

    def delete(self, proposal: Proposal) -> None:
        key = proposal.key
        found = self.find(key.program)
        if found is None:
            return
        items = found[0].get(key.kind)
        if items is not None and key.index < len(items):
            items[key.index] = None  # removed after every edit, so indices stay valid

    def sweep(self) -> None:
        for program, _dim, _sub in self.programs.values():
            for kind in ("indicators", "budget"):
                items = program.get(kind)
                if items is None:
                    continue
                for index in reversed(range(len(items))):
                    if items[index] is None:
                        del items[index]
                if not items:
                    del program[kind]

    def add(self, item: NewItem, ids: dict[str, str]) -> str | None:
        """Add a new program, indicator or budget line; the new program's id."""
        from ruamel.yaml.comments import CommentedMap, CommentedSeq

        values = item.values
        if item.kind == "programs":
            place = _place_of(values, self.framework)
            new_id = next_program_id(self.framework, place[0], self.ids)
            self.ids.add(new_id)
            program = CommentedMap()
            program["id"] = _scalar(None, new_id)
            for name in ("name", "lead_opd", "supporting_opds", "horizon", "status",
                         "start_year", "end_year"):
                value = values.get(name)
                if value is None or value == []:
                    continue
                program[name] = _flow_seq(value) if isinstance(value, list) \
                    else _scalar(None, value)
                self.mark(program, name, item.spans.get(name, item.span))
            self.mark(program, None, item.span)
            self.mark(program, "dimension", item.spans.get("dimension", item.span))
            self.mark(program, "sub_dimension", item.spans.get("sub_dimension", item.span))
            if self.root is not None:
                self._programs_of(place).append(program)
            else:
                self.appended.setdefault(place, []).append(program)
            self.programs[new_id] = (program, *place)
            return new_id
        pid = ids.get(item.program, item.program.partition("#")[2])
        found = self.find(pid)
        if found is None:
            return None
        program = found[0]
        if item.kind == "indicators":
            targets = [(int(k.partition(":")[2]), v) for k, v in values.items()
                       if k.startswith("target:") and v is not None]
            new = _flow_map([(k, values.get(k)) for k in _ROW_FIELDS["indicators"]
                             if values.get(k) is not None])
            target_map = _flow_map(targets)
            new["targets"] = target_map
            for year, _value in targets:
                self.mark(target_map, str(year), item.spans[f"target:{year}"])
        else:
            new = _flow_map([(k, values.get(k)) for k in _ROW_FIELDS["budget"]
                             if values.get(k) is not None])
        for name, span in item.spans.items():
            self.mark(new, name, span)
        self.mark(new, None, item.span)
        seq = program.get(item.kind)
        if seq is None:
            seq = CommentedSeq()
            order = ("indicators", "budget", "sdg", "iso37122")
            later = [list(program).index(k) for k in order[order.index(item.kind) + 1:]
                     if k in program]
            program.insert(min(later) if later else len(program), item.kind, seq)
        seq.append(new)
        return None

    def pointers(self, merged: dict[str, Any]) -> dict[str, SourceSpan]:
        """`format_pointer` of every value (and item) that came from a cell → its cell."""
        from generator.spec.validate import iter_programs as spec_programs

        found: dict[str, SourceSpan] = {}

        def visit(node: Any, pointer: Pointer) -> None:
            marks = self.origins.get(id(node), {})
            for key, span in marks.items():
                found[format_pointer(pointer if key is None else (*pointer, key))] = span
            if hasattr(node, "items"):
                for key, value in node.items():
                    visit(value, (*pointer, str(key)))
            elif isinstance(node, list):
                for index, value in enumerate(node):
                    visit(value, (*pointer, index))

        where = {p.get("id"): pointer
                 for pointer, _d, _s, p in spec_programs(merged, self.framework)}
        for pid, (program, _dim, _sub) in self.programs.items():
            if pid in where:
                visit(program, where[pid])
        return found


def _place_of(values: dict[str, Any], framework: Framework) -> tuple[str, str]:
    """Where a new program goes: its sub-dimension, else its dimension's first, else the
    framework's first."""
    sub, dim = values.get("sub_dimension"), values.get("dimension")
    if isinstance(sub, tuple):
        return sub
    if not isinstance(dim, str) or dim not in framework.sub_dimensions:
        dim = next(iter(framework.sub_dimensions))
    return dim, next(iter(framework.sub_dimensions[dim]))


def _program_block(lines: list[str], doc: Any, pointer: Pointer) -> tuple[int, int, int] | None:
    """(first line, end line, column of its `-`) of a program item in the original text."""
    if pointer not in doc.spans:
        return None
    line, col = doc.spans[pointer]
    start, dash = line - 1, col - 3
    if dash < 0 or start >= len(lines) or lines[start][dash:dash + 2] != "- ":
        return None
    end = start + 1
    while end < len(lines):
        text = lines[end]
        stripped = text.strip()
        if stripped and not stripped.startswith("#") and len(text) - len(text.lstrip(" ")) <= dash:
            break
        end += 1
    while end > start + 1 and (not lines[end - 1].strip()
                               or lines[end - 1].lstrip().startswith("#")):
        end -= 1
    return start, end, dash


def _dedent(lines: list[str], dash: int) -> str:
    return "".join(line[dash:] if not line[:dash].strip() else line.lstrip(" ")
                   for line in lines)


def _indent(text: str, dash: int) -> str:
    lines = text.splitlines(keepends=True)
    if not lines:
        return text
    shift = dash - (len(lines[0]) - len(lines[0].lstrip(" ")))
    if shift >= 0:
        return "".join((" " * shift + line) if line.strip() else line for line in lines)
    return "".join(line[-shift:] if line[:-shift].strip() == "" else line for line in lines)


def overlay(original: str, base: str, changed: str) -> str:
    """`changed` laid over `original`: the lines where the dump of the edited tree differs
    from the dump of the untouched one (`base`) replace the matching lines of `original`;
    every other line of `original` stays as it is. Where a change falls on lines ruamel
    writes differently from the original, the original's lines of that stretch are taken
    from `changed`."""
    ours, theirs, old = (original.splitlines(keepends=True), changed.splitlines(keepends=True),
                         base.splitlines(keepends=True))
    to_ours: dict[int, int] = {}
    for tag, i1, i2, j1, _j2 in difflib.SequenceMatcher(None, old, ours,
                                                         autojunk=False).get_opcodes():
        if tag == "equal":
            to_ours.update({i1 + k: j1 + k for k in range(i2 - i1)})
    output: list[str] = []
    position = 0
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old, theirs,
                                                       autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        low, high = i1, i2
        while low > 0 and low - 1 not in to_ours:
            low -= 1
        while high < len(old) and high not in to_ours:
            high += 1
        start = to_ours[low - 1] + 1 if low > 0 else 0
        end = to_ours[high] if high < len(old) else len(ours)
        if start < position:
            return changed  # two changes in one stretch: give up the overlay, keep it right
        replacement = old[low:i1] + theirs[j1:j2] + old[i2:high]
        if (low, high) != (i1, i2):  # the stretch ruamel writes its own way: take its lines
            replacement = theirs[j1 - (i1 - low):j2 + (high - i2)]
        output.extend(ours[position:start])
        output.extend(replacement)
        position = end
    output.extend(ours[position:])
    return "".join(output)


# --- the command ----------------------------------------------------------------------------

def import_sheets(spec_path: Path, sheets: list[Path], *, force: str | None,
                  display: str | None = None, framework: str | Path | None = None,
                  ) -> tuple[ImportResult, list[tuple[str, Proposal | NewItem | str]]]:
    """The merged spec text and the list of changes; raises SpecError (cell positions) for
    any problem or conflict. Writes nothing. The spec's framework (`framework`, the
    `--framework` option, overrides it) must be the one the workbooks were made under."""
    from generator.spec.frameworks import resolve_framework
    from generator.spec.load import decode_spec, load_spec, load_spec_text
    from generator.spec.validate import validate

    # validated once, merged: a problem the spec already had stops the import there too
    doc = load_spec(spec_path, display)
    data = doc.data
    used = resolve_framework(doc, framework)
    books: list[FilledWorkbook] = []
    problems: list[Diagnostic] = []
    for sheet in sheets:
        try:
            book = read_workbook(sheet, used)
        except SpecError as error:
            problems.extend(error.diagnostics)
            continue
        region = str(book.meta.get("region_code"))
        if region != str(data["region"]["code"]):
            problems.append(Diagnostic(cell_span(book.display), "error", "",
                                       "sheets.other_region",
                                       {"sheet_region": f"{region} {book.meta.get('region_name')}",
                                        "spec_region": f"{data['region']['code']}"
                                                       f" {data['region'].get('name')}"}))
            continue
        books.append(book)
    if problems:
        raise SpecError(problems)
    result = plan(data, books, used)
    if result.conflicts and force is None:
        raise SpecError([*result.problems, *result.conflicts, Diagnostic(
            SourceSpan(doc.display_name, 0, 0), "error", "", "sheets.conflicts",
            {"count": len(result.conflicts)})])
    winners = _winners(result, force)
    text = decode_spec(doc.source_bytes, doc.display_name)
    blocks = _edit(text, doc, result, winners)
    log: list[tuple[str, Proposal | NewItem | str]] = []
    merged, editor = blocks(log)
    if doc.source_bytes.startswith(b"\xef\xbb\xbf") and not merged.startswith("\ufeff"):
        merged = "\ufeff" + merged
    merged_doc = load_spec_text(merged.lstrip("\ufeff"), spec_path, doc.display_name)
    merged_doc.framework = used
    diagnostics = validate(merged_doc, used)
    at_cells = editor.pointers(merged_doc.data)
    shown = [_at_cell(d, at_cells) for d in diagnostics]
    for item in shown:  # a new agency code from a cell is a typo more often than not
        if item.code == "rule.unknown_agency" and item.span.line == 0:
            item.severity = "error"
    errors = [*result.problems, *(d for d in shown if d.severity == "error")]
    if errors:
        raise SpecError(errors)
    warnings = [d for d in shown if d.span.line == 0]
    return ImportResult(merged, [], merged != text, warnings), log


def _edit(text: str, doc: Any, result: Plan, winners: list[Proposal]) -> Any:
    """The edit, as a function of the change log it fills: (merged text, editor).

    Usually only the programs that change are parsed and dumped again (`_program_block`),
    each laid over its own lines; when programs move between sub-dimensions, or a new one
    goes where there is none yet, the whole document is."""
    from generator.spec.validate import iter_programs as spec_programs

    yaml = _yaml()
    lines = text.splitlines(keepends=True)
    where = {p["id"]: (pointer, dim, sub)
             for pointer, dim, sub, p in spec_programs(doc.data, result.framework)
             if isinstance(p.get("id"), str)}
    places = {(dim, sub) for _p, dim, sub in where.values()}
    last: dict[tuple[str, str], str] = {}
    for pid, (_pointer, dim, sub) in where.items():
        last[(dim, sub)] = pid
    touched = {p.key.program for p in winners} | {
        i.program.partition("#")[2] for i in result.new_items if i.kind != "programs"}
    new_places = [_place_of(i.values, result.framework) for i in result.new_items
                  if i.kind == "programs"]
    moves = any(p.key.field == "sub_dimension" and p.key.program in where and p.new != where[
        p.key.program][1:] for p in winners)
    blocks: dict[str, tuple[int, int, int]] = {}
    whole = moves or any(place not in places for place in new_places)
    for pid in touched | {last[place] for place in new_places if place in last}:
        if pid in where:
            block = _program_block(lines, doc, where[pid][0])
            if block is None:
                whole = True
            else:
                blocks[pid] = block

    def run(log: list[tuple[str, Proposal | NewItem | str]]) -> tuple[str, _Editor]:
        if whole:
            root = yaml.load(text)
            base = _dump(yaml, root)
            programs = {}
            for pid, (_pointer, dim, sub) in where.items():
                programs[pid] = (root["dimensions"][dim]["sub_dimensions"][sub]["programs"][
                    _pointer[-1]], dim, sub)
            editor = _Editor(result.framework, programs, set(where), root)
        else:
            parsed = {pid: yaml.load(_dedent(lines[a:b], dash))
                      for pid, (a, b, dash) in blocks.items()}
            bases = {pid: _dump(yaml, seq) for pid, seq in parsed.items()}
            editor = _Editor(result.framework,
                             {pid: (seq[0], *where[pid][1:]) for pid, seq in parsed.items()},
                             set(where))
        _apply(editor, result, winners, log)
        if whole:
            changed = _dump(yaml, root)
            return (overlay(text, base, changed) if changed != base else text), editor
        edits: list[tuple[int, int, list[str]]] = []
        for pid, (a, b, dash) in blocks.items():
            changed = _dump(yaml, parsed[pid])
            if changed != bases[pid]:
                laid = overlay("".join(lines[a:b]), _indent(bases[pid], dash),
                               _indent(changed, dash))
                edits.append((a, b, laid.splitlines(keepends=True)))
        for place, new_programs in editor.appended.items():
            a, b, dash = blocks[last[place]]
            added = _indent(_dump(yaml, new_programs), dash)
            edits.append((b, b, added.splitlines(keepends=True)))
        output = list(lines)
        for a, b, new_lines in sorted(edits, key=lambda e: (e[0], e[1]), reverse=True):
            if b > a and b <= len(output) and not output[b - 1].endswith("\n") and new_lines:
                new_lines[-1] = new_lines[-1].rstrip("\n")
            output[a:b] = new_lines
        return "".join(output), editor

    return run


def _apply(editor: _Editor, result: Plan, winners: list[Proposal],
           log: list[tuple[str, Proposal | NewItem | str]]) -> None:
    for proposal in winners:
        if proposal.key.field == "*":
            editor.delete(proposal)
            log.append(("deleted", proposal))
        elif proposal.key.kind == "programs":
            editor.program_field(proposal)
            log.append(("change", proposal))
        else:
            editor.item_field(proposal)
            log.append(("change", proposal))
    editor.sweep()
    ids: dict[str, str] = {}
    for item in [i for i in result.new_items if i.kind == "programs"]:
        new_id = editor.add(item, ids)
        if new_id:
            ids[item.program] = new_id
            log.append((new_id, item))
    for item in [i for i in result.new_items if i.kind != "programs"]:
        editor.add(item, ids)
        log.append(("added", item))


def _winners(result: Plan, force: str | None) -> list[Proposal]:
    """The proposals to apply: without conflicts all; `ours` drops the conflicting ones;
    `theirs` keeps them, the last workbook's value where workbooks disagree."""
    conflicting = {(d.span, d.code) for d in result.conflicts}
    chosen: dict[CellKey, Proposal] = {}
    for proposal in result.changes:
        spans = {(proposal.span, "sheets.conflict_spec"), (proposal.span, "sheets.conflict_sheets")}
        in_conflict = bool(spans & conflicting) or any(
            other.key == proposal.key and other is not proposal and repr(other.new) != repr(
                proposal.new) for other in result.changes)
        if in_conflict and force == "ours":
            continue
        chosen[proposal.key] = proposal  # later workbooks win
    return list(chosen.values())


def _at_cell(diagnostic: Diagnostic, cells: dict[str, SourceSpan]) -> Diagnostic:
    path = diagnostic.path
    while path:
        if path in cells:
            return Diagnostic(cells[path], diagnostic.severity, diagnostic.path, diagnostic.code,
                              diagnostic.params, diagnostic.text)
        trimmed = re.sub(r"(\.[^.\[]+|\[[0-9]+\])$", "", path)
        if trimmed == path:
            break
        path = trimmed
    return diagnostic
