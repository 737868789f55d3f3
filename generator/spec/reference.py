"""`docs/spec.md`, the field reference, generated from the schema (a test checks the drift).

Regenerate with: `python -m generator.spec.reference > docs/spec.md`.
"""

from __future__ import annotations

import json
from typing import Any

from generator.spec.schema import Schema, build_schema

_INTRO = """\
# The masterplan spec: field reference

<!-- Generated from generator/spec/schema.py by `python -m generator.spec.reference`.
     Do not edit by hand: a test fails when this file and the schema drift apart. -->

One YAML file describes one region's smart-city masterplan for one cohort. Keys are English
snake_case (a stable interface for tools); every key's meaning is given below in Bahasa
Indonesia and English, and in the comments of the starter written by `masterplan init`.
The same rules are published as JSON Schema (Draft 2020-12) in
`schemas/masterplan.schema.json` (`masterplan schema`), which editors with the YAML language
server use through the modeline `# yaml-language-server: $schema=masterplan.schema.json`.

Conventions:
- Narrative fields marked *Markdown* accept Markdown (lists, emphasis, links to http, https
  and mailto); raw HTML is shown as text, images are not allowed.
- Money is an integer number of rupiah, without thousands separators: `1500000000`.
- Years are four-digit integers; region codes are quoted strings (`"35.10"`).
- Beyond the schema, `masterplan validate` checks cross-field rules (unique ids, years
  inside the period, quick wins tied to existing programs and starting in the first two
  years, region code agreeing with its type, known funding sources, a readable logo…) and
  reports quality warnings (`--strict` makes them fail).

"""


def _type(node: Schema) -> str:
    if "$ref" in node:
        return f"[{node['$ref'].rsplit('/', 1)[-1]}](#{_anchor(node['$ref'].rsplit('/', 1)[-1])})"
    kind = node.get("type", "")
    if kind == "array":
        return f"list of {_type(node['items'])}"
    if kind == "string" and node.get("x-markdown"):
        return "text (Markdown)"
    if "enum" in node:
        return " \\| ".join(f"`{v}`" for v in node["enum"])
    names = {"string": "text", "integer": "integer", "number": "number", "object": "mapping",
             "boolean": "boolean"}
    return names.get(str(kind), str(kind))


def _anchor(name: str) -> str:
    return "def-" + name.replace("_", "-")


def _cell(text: Any) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def _table(node: Schema) -> list[str]:
    required = set(node.get("required", []))
    lines = ["| key | type | required | Bahasa Indonesia | English | example |",
             "|---|---|---|---|---|---|"]
    for key, prop in node.get("properties", {}).items():
        target = prop
        example = prop.get("examples", [None])[0] if "examples" in prop else None
        shown = "" if example is None else f"`{_cell(json.dumps(example, ensure_ascii=False))}`"
        lines.append(f"| `{key}` | {_type(target)} | {'yes' if key in required else ''} | "
                     f"{_cell(prop.get('description', ''))} | "
                     f"{_cell(prop.get('x-description-en', ''))} | {shown} |")
    if node.get("anyOf"):
        lines.append("")
        lines.append("At least one of `status` and `score` must be given.")
    return lines


def spec_reference() -> str:
    schema = build_schema()
    out = [_INTRO, "## Top level", "", *_table(schema), ""]
    nested: list[tuple[str, Schema]] = []
    for key, prop in schema["properties"].items():
        if prop.get("type") == "object" and "properties" in prop:
            nested.append((key, prop))
        if prop.get("type") == "array" and prop["items"].get("type") == "object":
            nested.append((f"{key}[]", prop["items"]))
    while nested:
        name, node = nested.pop(0)
        out += [f"## `{name}`", "", _cell(node.get("description", "")) + " / " +
                _cell(node.get("x-description-en", "")), "", *_table(node), ""]
        for key, prop in node.get("properties", {}).items():
            if prop.get("type") == "object" and "properties" in prop:
                nested.append((f"{name}.{key}", prop))
    out += ["## Definitions", ""]
    for def_name, node in schema["$defs"].items():
        out += [f"### <a id=\"{_anchor(def_name)}\"></a>`{def_name}`", "",
                _cell(node.get("description", "")) + " / " +
                _cell(node.get("x-description-en", "")), ""]
        if "properties" in node:
            out += [*_table(node), ""]
            for key, prop in node["properties"].items():
                if prop.get("type") == "object" and "properties" in prop:
                    out += [f"#### `{def_name}.{key}`", "", *_table(prop), ""]
        elif node.get("type") == "object":
            out += ["A mapping of four-digit years to numbers.", ""]
    return "\n".join(out).rstrip() + "\n"


if __name__ == "__main__":
    import sys

    sys.stdout.write(spec_reference())
