"""Shared test helpers: valid specs as text and as data, YAML text with known positions,
file trees from a dict of path → text (as in Copier's tests), and ways to run the CLI.

Positions in expectations never come from the loader under test: they are computed from the
text the test wrote (`position_of`, `Edit`) or by the emitter below while it writes.
"""

from __future__ import annotations

import copy
import functools
import json
import math
import os
import re
import subprocess
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from click.testing import CliRunner, Result

from generator.spec.load import Pointer, format_pointer, load_spec_text
from generator.spec.starter import starter_spec

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "tests" / "data"
HOSTILE = DATA / "hostile"
COMPACT = DATA / "valid" / "compact.yaml"


# --- valid specs ---------------------------------------------------------------------------

@functools.cache
def compact_text() -> str:
    """A complete spec that passes `validate --strict` with no warning (hand-written)."""
    return COMPACT.read_text(encoding="utf-8")


MINIMAL = REPO / "examples" / "minimal" / "masterplan.yaml"


@functools.cache
def minimal_without_legal_text() -> str:
    """The minimal example without what only the legal drafts need: no `document.legal_basis`
    and no top-level `governance` (so a test can add its own, or check what a spec lacking
    them is told). The rest is the example's text, line for line."""
    text = MINIMAL.read_text(encoding="utf-8")
    stripped = re.sub(r"\n  legal_basis:\n(?:    - .*\n)+", "\n", text, count=1)
    stripped = re.sub(r"\n\ngovernance:\n(?:(?:  .*)?\n)*?(?=\S|\Z)", "\n\n", stripped,
                      count=1)
    assert "legal_basis" not in stripped and "\ngovernance:" not in stripped, "not stripped"
    return stripped.rstrip("\n") + "\n"


@functools.cache
def _starter_data(region_type: str, lang: str) -> dict[str, Any]:
    text = starter_spec(region_type, lang)
    return load_spec_text(text, Path("starter.yaml"), "starter.yaml").data


def valid_spec(region_type: str = "kabupaten", lang: str = "id") -> dict[str, Any]:
    """The starter spec (`masterplan init`) as plain data, a fresh copy each call: no error,
    but its placeholders are warnings (see `filled_spec`)."""
    return copy.deepcopy(_starter_data(region_type, lang))


def _max_text(length: int, seed: int) -> str:
    """Words (some with accents and a dash) up to exactly `length` characters."""
    words = ["Pembangunan", "Kota-Cerdas", "Daerah", "Layanan", "Publik", "Digital", "Café",
             "Terpadu", "Berkelanjutan", "Ekonomi"]
    text, number = "", seed
    while len(text) < length:
        text += f"{words[number % len(words)]}{number} "
        number += 1
    return text[:length - 1].rstrip() + "x" * (length - len(text[:length - 1].rstrip()))


def _free_text(node: Mapping[str, Any], markdown: bool) -> bool:
    """A string the spec's author writes freely: a `maxLength`, no pattern, no enum."""
    return (node.get("type") == "string" and "maxLength" in node
            and not {"pattern", "enum"} & node.keys()
            and (markdown or not node.get("x-markdown")))


# Fields whose text names something (a file, a bundled framework, an SNI ISO 37122
# indicator number) rather than holding free text.
FILE_FIELDS = frozenset({"logo", "framework", "iso37122"})


def at_maximum_length(data: Any, *, markdown: bool = False,
                      items: int = 3) -> list[str]:
    """Set every free-text field of the spec `data` to the longest text the schema allows
    (`maxLength`, read from `generator.spec.schema`), in place; optional ones are added
    where their object is present, and lists of such text get `items` items. Markdown
    fields (20,000 characters each) only with `markdown`. Returns the paths set."""
    from generator.spec.schema import build_schema

    schema = build_schema()
    done: list[str] = []

    def resolve(node: Mapping[str, Any]) -> Mapping[str, Any]:
        while "$ref" in node:
            node = schema["$defs"][node["$ref"].rpartition("/")[2]]
        return node

    def text(path: str, node: Mapping[str, Any]) -> str:
        done.append(path)
        return _max_text(int(node["maxLength"]), len(done))

    def fill(value: Any, node: Mapping[str, Any], path: str) -> None:
        node = resolve(node)
        if isinstance(value, Mapping):
            for key, sub in node.get("properties", {}).items():
                sub = resolve(sub)
                item = resolve(sub.get("items", {}))
                here = f"{path}.{key}" if path else key
                if key in FILE_FIELDS:
                    continue
                if _free_text(sub, markdown):
                    value[key] = text(here, sub)
                elif sub.get("type") == "array" and _free_text(item, markdown):
                    value[key] = [text(f"{here}[{i}]", item) for i in range(items)]
                elif key in value:
                    fill(value[key], sub, here)
        elif isinstance(value, list):
            for index, element in enumerate(value):
                fill(element, node.get("items", {}), f"{path}[{index}]")

    fill(data, schema, "")
    return done


def filled_spec(region_type: str = "kabupaten", lang: str = "id") -> dict[str, Any]:
    """The starter as data with every placeholder filled in, as a user following the
    warnings of `validate` would: the region its code belongs to, a narrative of its own in
    every place, one name per program. Passes `validate --strict`."""
    from generator.spec.schema import PLACEHOLDER
    from generator.spec.starter import STARTER_REGIONS
    from generator.spec.validate import iter_programs, schema_strings

    data = valid_spec(region_type, lang)
    for at, value, node in list(schema_strings(data)):
        if node.get(PLACEHOLDER) and value.strip() == str(node["examples"][0]).strip():
            set_in(data, format_pointer(at), f"Teks daerah sendiri di {format_pointer(at)}.")
    data["region"]["name"] = STARTER_REGIONS[region_type].code_name
    for number, (_at, _dim, _sub, program) in enumerate(iter_programs(data)):
        program["name"] = f"{program['name']} {number + 1}"
    return data


# --- paths into data -----------------------------------------------------------------------

_PART = re.compile(r"([^.\[\]]+)|\[(\d+)\]")


def pointer(path: str) -> Pointer:
    """`dimensions.governance.programs[0].id` → `('dimensions', 'governance', 'programs', 0,
    'id')`; the inverse of `generator.spec.load.format_pointer`."""
    return tuple(int(index) if index else name for name, index in _PART.findall(path))


def get_in(data: Any, path: str) -> Any:
    for part in pointer(path):
        data = data[part]
    return data


def set_in(data: Any, path: str, value: Any) -> Any:
    """Set (or add) the value at `path`; returns `data` for chaining."""
    *parents, last = pointer(path)
    target = data
    for part in parents:
        target = target[part]
    target[last] = value
    return data


def delete_in(data: Any, path: str) -> Any:
    *parents, last = pointer(path)
    target = data
    for part in parents:
        target = target[part]
    del target[last]
    return data


# --- YAML text with known positions ----------------------------------------------------------

@dataclass(frozen=True)
class Raw:
    """A scalar written into the YAML exactly as given (e.g. `500.000`, `35.10`, `.nan`)."""

    text: str


@dataclass
class YamlText:
    """YAML written by `to_yaml`, with the 1-based (line, col) of every value and key."""

    text: str
    values: dict[Pointer, tuple[int, int]] = field(default_factory=dict)
    keys: dict[Pointer, tuple[int, int]] = field(default_factory=dict)

    def at(self, path: str, *, key: bool = False) -> tuple[int, int]:
        return (self.keys if key else self.values)[pointer(path)]


_PLAIN_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*|[0-9]+")


def _scalar(value: Any) -> str:
    if isinstance(value, Raw):
        return value.text
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value):
            return ".nan"
        if math.isinf(value):
            return ".inf" if value > 0 else "-.inf"
        return repr(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, Mapping) and not value:
        return "{}"
    if isinstance(value, list) and not value:
        return "[]"
    raise TypeError(f"not a scalar: {value!r}")


def _key(name: str) -> str:
    return name if _PLAIN_KEY.fullmatch(name) else json.dumps(name, ensure_ascii=False)


def _is_collection(value: Any) -> bool:
    return isinstance(value, Mapping | list) and bool(value)


def to_yaml(data: Mapping[str, Any]) -> YamlText:
    """Block-style YAML for `data`, recording where every key and value is written.

    ruamel.yaml places a block mapping at its first key and a block sequence at its first
    `-`; the positions recorded here follow that rule.
    """
    out = YamlText("")
    lines: list[str] = []

    def mapping(node: Mapping[str, Any], indent: int, at: Pointer, first_prefix: str) -> None:
        for number, (name, value) in enumerate(node.items()):
            prefix = first_prefix if number == 0 else " " * indent
            here = (*at, name)
            key_col = len(prefix) + 1
            if number == 0:
                out.values.setdefault(at, (len(lines) + 1, key_col))
            out.keys[here] = (len(lines) + 1, key_col)
            head = f"{prefix}{_key(name)}:"
            if _is_collection(value):
                lines.append(head)
                nested(value, indent + 2, here)
            else:
                out.values[here] = (len(lines) + 1, len(head) + 2)
                lines.append(f"{head} {_scalar(value)}")

    def sequence(items: list[Any], indent: int, at: Pointer) -> None:
        out.values.setdefault(at, (len(lines) + 1, indent + 1))
        for index, item in enumerate(items):
            here = (*at, index)
            prefix = " " * indent + "- "
            if isinstance(item, Mapping) and item:
                mapping(item, indent + 2, here, prefix)
            elif _is_collection(item):
                raise TypeError("lists of lists are not part of the spec format")
            else:
                out.values[here] = (len(lines) + 1, len(prefix) + 1)
                lines.append(prefix + _scalar(item))

    def nested(value: Any, indent: int, at: Pointer) -> None:
        if isinstance(value, Mapping):
            mapping(value, indent, at, " " * indent)
        else:
            sequence(value, indent, at)

    mapping(data, 0, (), "")
    out.text = "\n".join(lines) + "\n"
    return out


# --- literal text edits ----------------------------------------------------------------------

def position_of(text: str, needle: str, *, occurrence: int = 0) -> tuple[int, int]:
    """1-based (line, col) of the start of `needle` (its `occurrence`-th appearance)."""
    index = -1
    for _ in range(occurrence + 1):
        index = text.index(needle, index + 1)
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


@dataclass(frozen=True)
class Edit:
    """`old` replaced by `new` exactly once; `line`/`col` is where `new` starts (or, with
    `mark`, where `mark` starts inside `new`)."""

    text: str
    line: int
    col: int

    @classmethod
    def replace(cls, text: str, old: str, new: str, *, mark: str | None = None) -> Edit:
        count = text.count(old)
        if count != 1:
            raise AssertionError(f"{old!r} occurs {count} times, expected once")
        index = text.index(old) + (new.index(mark) if mark else 0)
        edited = text.replace(old, new)
        line = edited.count("\n", 0, index) + 1
        return cls(edited, line, index - (edited.rfind("\n", 0, index) + 1) + 1)


def edit_compact(old: str, new: str, *, mark: str | None = None) -> Edit:
    return Edit.replace(compact_text(), old, new, mark=mark)


# --- files -----------------------------------------------------------------------------------

def build_file_tree(root: Path, spec: Mapping[str, str | bytes]) -> None:
    """Create files from a dict of relative path → content (text is written as UTF-8)."""
    for relative, content in spec.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8", newline="")


def write_spec(folder: Path, spec: str | Mapping[str, Any],
               name: str = "masterplan.yaml") -> Path:
    """Write a spec (YAML text, or data turned into text by `to_yaml`); return its path."""
    text = spec if isinstance(spec, str) else to_yaml(spec).text
    build_file_tree(folder, {name: text})
    return folder / name


# --- reading what the tool writes ------------------------------------------------------------

def read_summary_csv(data: bytes, lang: str = "id") -> list[dict[str, str]]:
    """A batch's summary.csv as rows keyed by its column keys, after checking that it is
    written for a spreadsheet in `lang` (BOM, separator, headings in the language)."""
    import csv
    import io

    from generator.batch.summary import CSV_COLUMNS
    from generator.encoding import csv_dialect
    from generator.i18n.labels import csv_headers

    assert data.startswith(b"\xef\xbb\xbf")
    delimiter, _decimal = csv_dialect(lang)
    heads, *rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""),
                                   delimiter=delimiter))
    assert heads == csv_headers(CSV_COLUMNS, lang)
    return [dict(zip(CSV_COLUMNS, row, strict=True)) for row in rows]


# --- running the command ---------------------------------------------------------------------

def run_cli(*args: str | os.PathLike[str]) -> Result:
    """`masterplan ARGS` in-process; `result.stdout` and `result.stderr` are separate."""
    from generator.cli import main

    return CliRunner().invoke(main, [str(arg) for arg in args], catch_exceptions=False)


def run_module(*args: str | os.PathLike[str], timeout: float = 20,
               cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """`python -m generator ARGS` in a real subprocess, killed after `timeout` seconds."""
    # this checkout first; what the caller's PYTHONPATH adds (extra packages) after it
    path = os.pathsep.join([str(REPO), *filter(None, [os.environ.get("PYTHONPATH")])])
    env = {**os.environ, "PYTHONPATH": path, "PYTHONDONTWRITEBYTECODE": "1"}
    return subprocess.run([sys.executable, "-m", "generator", *map(str, args)], env=env,
                          cwd=cwd or REPO, capture_output=True, text=True, timeout=timeout,
                          check=False)


def run_python(code: str, *, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO), "PYTHONDONTWRITEBYTECODE": "1"}
    return subprocess.run([sys.executable, "-c", code], env=env, cwd=REPO,
                          capture_output=True, text=True, timeout=timeout, check=False)


def diagnostic_lines(output: str) -> list[str]:
    """The `FILE:LINE:COL: severity: ...` lines of an output, in order."""
    return [line for line in output.splitlines()
            if re.match(r"^.+:\d+:\d+: (error|warning): ", line)]


def validate_text(tmp_path: Path, text: str, *extra: str,
                  name: str = "masterplan.yaml") -> tuple[Result, Path]:
    """Write `text` and run `masterplan validate` on it; returns the result and the path."""
    path = write_spec(tmp_path, text, name)
    return run_cli("validate", path, *extra), path


def expect(path: Path, line: int, col: int, severity: str, where: str, message: str) -> str:
    """One diagnostic line exactly as `masterplan validate` prints it."""
    prefix = f"{where}: " if where else ""
    return f"{path}:{line}:{col}: {severity}: {prefix}{message}"

