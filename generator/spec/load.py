"""Read one spec file into plain JSON-like data plus the source position of every node.

The YAML is parsed into *events* by ruamel.yaml's pure-Python round-trip parser and the data is
built here, iteratively, so that:
- nothing is ever constructed from a tag (no `!!python/...`, no custom constructors);
- anchors and aliases are refused where they appear (no alias bombs);
- nesting depth, file size and document count are bounded before anything walks the data;
- duplicate keys, non-finite floats and XML-illegal characters are positioned errors;
- dates stay strings, mapping keys become strings (JSON's data model), and every exception of
  the parser is turned into a positioned diagnostic at this one boundary.
ruamel's marks are 0-based; they are converted to 1-based exactly once, in `_span`.
"""

from __future__ import annotations

import functools
import math
import os
import re
import stat
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.encoding import printable
from generator.errors import Diagnostic, SourceSpan, SpecError

MAX_SPEC_BYTES = 5 * 1024 * 1024
MAX_DEPTH = 32
MAX_NODES = 500_000
# Tests flip this to run every hostile input through the pure-Python parser as well.
USE_C_PARSER = True

Pointer = tuple[str | int, ...]

_ILLEGAL_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")
_YAML_TAG = "tag:yaml.org,2002:"
_STR = _YAML_TAG + "str"
_DIRECTIVE = re.compile(r"^%", re.MULTILINE)
_DIRECTIVE_PROBLEMS = ("directive", "YAML document", "tag handle")
_ALLOWED_EXPLICIT_TAGS = {
    _STR, "tag:yaml.org,2002:int", "tag:yaml.org,2002:float", "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null", "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq", "!",
}


@dataclass
class SpecDocument:
    """A loaded spec: the data and, for every JSON pointer, where its value and key stand."""

    path: Path
    display_name: str
    data: dict[str, Any]
    spans: dict[Pointer, tuple[int, int]] = field(default_factory=dict)
    key_spans: dict[Pointer, tuple[int, int]] = field(default_factory=dict)
    raw_scalars: dict[Pointer, str] = field(default_factory=dict)
    source_bytes: bytes = b""
    #: the framework the spec was validated against (`generator.spec.check_spec` sets it;
    #: a `generator.spec.framework.Framework`)
    framework: Any = None

    def span(self, pointer: Pointer, *, key: bool = False) -> SourceSpan:
        """The position of `pointer`'s value (or its key), else of its nearest ancestor."""
        table = self.key_spans if key else self.spans
        probe = pointer
        while True:
            if probe in table:
                line, col = table[probe]
                return SourceSpan(self.display_name, line, col)
            if not probe:
                return SourceSpan(self.display_name, 1, 1)
            probe = probe[:-1]
            table = self.spans

    def span_within(self, pointer: Pointer, *needles: str, back_to: str = "") -> SourceSpan:
        """Where the first of `needles` stands in the source of `pointer`'s text value (then
        back to the nearest `back_to` on its line), else the value's own position.

        For a picture named inside a narrative: exact when the source writes the needle as
        the text has it (a plain or quoted line, a literal or folded block); a needle that
        the source writes with escapes or across lines falls back to the field's start."""
        start = self.span(pointer)
        text = self.source_text
        begin = _index_of(text, start.line, start.col)
        later = [span for span in self.spans.values() if span > (start.line, start.col)]
        end = _index_of(text, *min(later)) if later else len(text)
        for needle in needles:
            found = text.find(needle, begin, end) if needle else -1
            if found >= 0:
                if back_to:
                    line_start = text.rfind("\n", begin, found) + 1
                    back = text.rfind(back_to, max(line_start, begin), found + len(back_to))
                    found = back if back >= 0 else found
                line, col = _line_col(text, found)
                return SourceSpan(self.display_name, line, col)
        return start

    @property
    def source_text(self) -> str:
        return self.source_bytes.decode("utf-8-sig", errors="replace")

    @property
    def folder(self) -> Path:
        return self.path.parent


def format_pointer(pointer: Pointer) -> str:
    """`('dimensions', 'economy', 'programs', 2, 'id')` → `dimensions.economy.programs[2].id`."""
    out = ""
    for part in pointer:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + part
    return out


class _Problem(Exception):
    def __init__(self, line: int, col: int, code: str, **params: object) -> None:
        super().__init__(code)
        self.line, self.col, self.code, self.params = line, col, code, params


def _span(mark: Any) -> tuple[int, int]:
    """ruamel's 0-based mark → 1-based (line, column): the only place this happens."""
    return (mark.line + 1, mark.column + 1)


def _line_col(text: str, index: int) -> tuple[int, int]:
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


def _index_of(text: str, line: int, col: int) -> int:
    """The index of 1-based (line, column) in `text` (the inverse of `_line_col`)."""
    index = 0
    for _ in range(line - 1):
        index = text.find("\n", index) + 1
        if index == 0:
            return len(text)
    return min(index + col - 1, len(text))


def read_spec_bytes(path: Path, display_name: str) -> bytes:
    """Read a spec file with its size capped; refuse anything that is not a regular file."""
    def fail(code: str, **params: object) -> SpecError:
        return SpecError([Diagnostic(SourceSpan(display_name), "error", "", code, params)])

    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise fail("file.not_found") from None
    except OSError as exc:
        raise fail("file.unreadable", reason=exc.strerror or str(exc)) from None
    if stat.S_ISDIR(info.st_mode):
        raise fail("file.is_directory")
    if not stat.S_ISREG(info.st_mode):
        raise fail("file.not_regular")
    if info.st_size > MAX_SPEC_BYTES:
        raise fail("file.too_large", size=_mib(info.st_size), limit=_mib(MAX_SPEC_BYTES))
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_SPEC_BYTES + 1)
    except OSError as exc:
        raise fail("file.unreadable", reason=exc.strerror or str(exc)) from None
    if len(data) > MAX_SPEC_BYTES:
        raise fail("file.too_large", size=_mib(len(data)), limit=_mib(MAX_SPEC_BYTES))
    return data


def _mib(size: int) -> tuple[str, str, str]:
    """A size as a message parameter in both languages: `12,5 MiB`, `12.5 MiB`."""
    from generator.i18n.numbers import message_number

    return message_number(size / 1024 / 1024, 1, fixed=True, unit="MiB")


def decode_spec(data: bytes, display_name: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        # utf-8-sig reports offsets relative to the text after the BOM
        body = data[3:] if data.startswith(b"\xef\xbb\xbf") else data
        prefix = body[:exc.start]
        line = prefix.count(b"\n") + 1
        # the prefix is valid UTF-8: count characters, not bytes, like ruamel's columns
        col = len(prefix[prefix.rfind(b"\n") + 1:].decode("utf-8")) + 1
        raise SpecError([Diagnostic(SourceSpan(display_name, line, col), "error", "",
                                    "yaml.not_utf8", {"byte": f"0x{body[exc.start]:02X}"})]) \
            from None


def load_spec(path: Path, display_name: str | None = None) -> SpecDocument:
    """Load a spec file; raise SpecError (positioned) for anything that is not usable data.

    The name shown in diagnostics is `printable`: a file name that is not UTF-8 shows its
    odd bytes as ``\\xNN`` instead of breaking every UTF-8 output it lands in."""
    name = printable(display_name if display_name is not None else str(path))
    data = read_spec_bytes(path, name)
    text = decode_spec(data, name)
    doc = load_spec_text(text, path, name)
    doc.source_bytes = data
    return doc


def load_spec_text(text: str, path: Path, display_name: str) -> SpecDocument:
    doc = SpecDocument(path=path, display_name=display_name, data={})
    try:
        root = _build(text, doc)
    except _Problem as problem:
        raise SpecError([Diagnostic(SourceSpan(display_name, problem.line, problem.col), "error",
                                    "", problem.code, dict(problem.params))]) from None
    except SpecError:
        raise
    except Exception as exc:  # the one boundary where parser errors are mapped
        raise SpecError([_parser_diagnostic(exc, text, display_name)]) from None
    if root is None:
        raise SpecError([Diagnostic(SourceSpan(display_name), "error", "", "yaml.empty")])
    if not isinstance(root, dict):
        raise SpecError([Diagnostic(doc.span(()), "error", "", "yaml.root_not_mapping",
                                    {"found": ("@type", type_name(root))})])
    doc.data = root
    return doc


def type_name(value: object) -> str:
    """A catalogue key naming the JSON type of a value (translated by i18n)."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "float"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    return "object"


def _parser_diagnostic(exc: Exception, text: str, display_name: str) -> Diagnostic:
    from ruamel.yaml.reader import ReaderError

    if isinstance(exc, ReaderError):
        line, col = _line_col(text, exc.position)
        char = exc.character if isinstance(exc.character, str) else chr(exc.character)
        return Diagnostic(SourceSpan(display_name, line, col), "error", "", "yaml.control_char",
                          {"char": f"U+{ord(char):04X}"})
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    line, col = _span(mark) if mark is not None else (1, 1)
    problem = str(getattr(exc, "problem", "") or exc).strip()
    at = SourceSpan(display_name, line, col)
    index = getattr(mark, "index", None)
    char_at = text[index] if isinstance(index, int) and 0 <= index < len(text) else ""
    if "\\t" in problem or "\t" in problem or " tab " in problem or char_at == "\t":
        return Diagnostic(at, "error", "", "yaml.tab")
    if "mapping values are not allowed" in problem:
        return Diagnostic(at, "error", "", "yaml.colon")
    if "escape" in problem:
        return Diagnostic(at, "error", "", "yaml.bad_escape")
    flow_context = str(getattr(exc, "context", "") or "")
    opened = getattr(exc, "context_mark", None)
    if "flow sequence" in flow_context or "flow mapping" in flow_context:
        bracket = "[" if "sequence" in flow_context else "{"
        closing = "]" if bracket == "[" else "}"
        return Diagnostic(at, "error", "", "yaml.unclosed_flow", {
            "open": bracket, "close": closing,
            "line": _span(opened)[0] if opened is not None else line})
    if isinstance(exc, RecursionError):
        return Diagnostic(SourceSpan(display_name, line, col), "error", "", "yaml.too_deep",
                          {"limit": MAX_DEPTH})
    context = str(getattr(exc, "context", "") or "").strip()
    directive = _DIRECTIVE.search(text)
    if directive is not None and (mark is None or any(
            word in f"{context} {problem}" for word in _DIRECTIVE_PROBLEMS)):
        # e.g. `%YAML 1.3` fails inside ruamel with a bare AssertionError and no position
        if mark is None:
            line, col = _line_col(text, directive.start())
        return Diagnostic(SourceSpan(display_name, line, col), "error", "", "yaml.directive")
    detail = f"{context}; {problem}" if context and problem else (problem or context)
    return Diagnostic(SourceSpan(display_name, line, col), "error", "", "yaml.syntax",
                      {"detail": detail or type(exc).__name__})


def _build(text: str, doc: SpecDocument) -> Any:
    from ruamel.yaml.events import (
        AliasEvent,
        DocumentStartEvent,
        MappingEndEvent,
        MappingStartEvent,
        ScalarEvent,
        SequenceEndEvent,
        SequenceStartEvent,
    )

    kinds = (DocumentStartEvent, AliasEvent, MappingEndEvent, SequenceEndEvent, ScalarEvent,
             MappingStartEvent, SequenceStartEvent)
    kind_of = _implicit_kind()
    spans, key_spans, raw_scalars = doc.spans, doc.key_spans, doc.raw_scalars
    # Each frame: [container, pointer, pending_key, pending_key_span]
    stack: list[list[Any]] = []
    root: Any = None
    documents = 0
    nodes = 0

    def attach(value: Any, at: tuple[int, int]) -> Pointer | None:
        """Put `value` in the open container (or make it the root: None)."""
        nonlocal root
        if not stack:
            root = value
            spans[()] = at
            return None
        frame = stack[-1]
        container = frame[0]
        if type(container) is list:
            pointer = (*frame[1], len(container))
            container.append(value)
        else:
            key = frame[2]
            pointer = (*frame[1], key)
            container[key] = value
            key_spans[pointer] = frame[3]
            frame[2] = None
        spans[pointer] = at
        return pointer

    for event in _events(text):
        kind = type(event)
        if kind not in kinds:  # the stream's start and end, a document's end (or a subclass)
            kind = next((known for known in kinds if isinstance(event, known)), kind)
        if kind is MappingEndEvent or kind is SequenceEndEvent:
            stack.pop()
            continue
        if kind is DocumentStartEvent:
            documents += 1
            line, col = _span(event.start_mark)
            if documents > 1:
                raise _Problem(line, col, "yaml.several_documents")
            if event.version or event.tags:
                # the event stands at `---`; point at the directive line itself
                directive = _DIRECTIVE.search(text, 0, event.start_mark.index)
                if directive is not None:
                    line, col = _line_col(text, directive.start())
                raise _Problem(line, col, "yaml.directive")
            continue
        if kind is AliasEvent:
            line, col = _span(event.start_mark)
            raise _Problem(line, col, "yaml.alias", name=event.anchor)
        if kind is not ScalarEvent and kind is not MappingStartEvent and (
                kind is not SequenceStartEvent):
            continue
        nodes += 1
        at = _span(event.start_mark)
        line, col = at
        if nodes > MAX_NODES:
            raise _Problem(line, col, "yaml.too_many_nodes", limit=MAX_NODES)
        if event.anchor:
            raise _Problem(line, col, "yaml.anchor", name=event.anchor)
        tag = event.tag
        if tag is not None and tag not in _ALLOWED_EXPLICIT_TAGS:
            # show `!!python/...` as written, not as `tag:yaml.org,2002:python/...`
            shown = "!!" + tag[len(_YAML_TAG):] if tag.startswith(_YAML_TAG) else tag
            raise _Problem(line, col, "yaml.tag", tag=shown)
        expecting_key = bool(stack) and type(stack[-1][0]) is dict and stack[-1][2] is None

        if kind is ScalarEvent:
            value = _scalar(event, tag, kind_of, line, col)
            if expecting_key:
                if isinstance(value, bool) or value is None or isinstance(value, float):
                    raise _Problem(line, col, "yaml.bad_key", key=event.value)
                key = str(value)
                frame = stack[-1]
                if key in frame[0]:
                    first = key_spans[(*frame[1], key)]
                    raise _Problem(line, col, "yaml.duplicate_key", key=key, first=first[0])
                if key == "<<" and event.implicit[0]:
                    raise _Problem(line, col, "yaml.merge_key")
                frame[2] = key
                frame[3] = at
                continue
            if isinstance(value, float) or (isinstance(value, int) and not isinstance(value, bool)):
                pointer = attach(value, at)
                if pointer is not None:
                    raw_scalars[pointer] = event.value
            elif value is None and event.start_mark.index == event.end_mark.index and (
                    stack and type(stack[-1][0]) is dict):
                # `key:` with nothing after it: ruamel marks the empty value at the *next*
                # token, possibly lines below; point at the key instead
                key_at = stack[-1][3]
                pointer = attach(value, at)
                if pointer is not None:
                    spans[pointer] = key_at
            else:
                attach(value, at)
            continue

        if expecting_key:
            raise _Problem(line, col, "yaml.complex_key")
        if len(stack) >= MAX_DEPTH:
            raise _Problem(line, col, "yaml.too_deep", limit=MAX_DEPTH)
        container: dict[str, Any] | list[Any] = {} if kind is MappingStartEvent else []
        stack.append([container, attach(container, at) or (), None, None])
    return root


@functools.cache
def _implicit_kind() -> Callable[[str], str]:
    """What a plain scalar resolves to in YAML 1.2 (`null`, `bool`, `int`, `float`,
    `timestamp`, `merge`, else `str`): ruamel's resolver, with its table looked up once rather
    than per scalar. The version is always 1.2: a `%YAML` directive is refused."""
    from ruamel.yaml import YAML

    resolver = YAML(typ="rt", pure=True).resolver
    table: dict[str | None, list[tuple[str, Any]]] = resolver.versioned_resolver
    anywhere = list(table.get(None, []))

    def matchers(resolvers: list[tuple[str, Any]]) -> list[tuple[str, Callable[[str], Any]]]:
        # (ruamel's regular expressions are compiled lazily: take the compiled `match`)
        return [(str(tag).rsplit(":", 1)[-1], regexp.match) for tag, regexp in resolvers]

    by_first = {first: matchers([*resolvers, *anywhere])
                for first, resolvers in table.items() if first is not None}
    others = matchers(anywhere)

    def kind_of(value: str) -> str:
        for kind, match in by_first.get(value[:1], others):
            if match(value):
                return kind
        return "str"
    return kind_of


def _events(text: str) -> Iterator[Any]:
    """Parser events: from libyaml's C parser when ruamel.yaml.clibz is installed (about 20x
    faster on a large spec), else from ruamel's pure-Python parser. Only events are taken from
    either: no composer or constructor runs, so the C parser's disregard for custom composers
    does not matter here, and every limit above is enforced on the events themselves.
    """
    try:
        if not USE_C_PARSER:
            raise ImportError("disabled")
        from ruamel.yaml.cyaml import CParser  # type: ignore[attr-defined]
    except ImportError:
        from ruamel.yaml import YAML

        yield from YAML(typ="rt", pure=True).parse(text)
        return
    from ruamel.yaml.events import StreamEndEvent

    parser = CParser(text)
    try:
        while True:
            event = parser.get_event()
            yield event
            if isinstance(event, StreamEndEvent):
                return
    finally:
        parser.dispose()


def _scalar(event: Any, tag: str | None, kind_of: Callable[[str], str],
            line: int, col: int) -> Any:
    value: str = event.value
    bad = _ILLEGAL_CHARS.search(value)
    if bad is not None:
        raise _Problem(line, col, "yaml.control_char", char=f"U+{ord(bad.group()):04X}")
    plain = bool(event.implicit[0]) and not event.style
    if tag in (_STR, "!") or (tag is None and not plain):
        return value
    kind = tag.rsplit(":", 1)[-1] if tag else kind_of(value)
    try:
        if kind == "null":
            return None
        if kind == "bool":
            return value.strip().lower() == "true"
        if kind == "int":
            return _to_int(value)
        if kind == "float":
            number = float(value.replace("_", "").replace(".inf", "inf").replace(".Inf", "inf")
                           .replace(".INF", "inf").replace(".nan", "nan").replace(".NaN", "nan")
                           .replace(".NAN", "nan"))
            if not math.isfinite(number):
                raise _Problem(line, col, "yaml.not_finite", value=value)
            return number
    except ValueError:
        raise _Problem(line, col, "yaml.bad_number", value=value) from None
    # timestamps and anything else implicit stay text
    return value


def _to_int(value: str) -> int:
    text = value.replace("_", "").strip()
    sign = -1 if text.startswith("-") else 1
    digits = text.lstrip("+-")
    lowered = digits.lower()
    if lowered.startswith("0x"):
        return sign * int(digits[2:], 16)
    if lowered.startswith("0o"):
        return sign * int(digits[2:], 8)
    if lowered.startswith("0b"):
        return sign * int(digits[2:], 2)
    return sign * int(digits, 10)
