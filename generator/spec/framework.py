"""A framework: the dimensions (or aspects) a masterplan is organised by, as data.

A framework file (`frameworks/NAME.yaml` bundled beside this module, or a consultant's own
with `--framework FILE`; its format in docs/frameworks.md and schemas/framework.schema.json)
names the dimensions with their sub-dimensions, labels, colours and id prefixes, the
readiness areas, and the printed texts that name them ("Dimensi" or "Aspek"). Everything
that used to list dimension names (the schema, the validator, the model, the templates, the
charts, the DOCX colours, `init`) reads a `Framework` instead.

This module holds the value and reads the bundled files (trusted: a test checks them against
the schema); `generator.spec.frameworks` checks a user's file and resolves a spec's choice.
A framework is data only: labels are plain text (a label that replaces a printed text keeps
exactly its placeholders), never a template.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.spec.vocabulary import Label

BUNDLED_DIR = Path(__file__).with_name("frameworks")
DEFAULT_FRAMEWORK = "kominfo-2017"


@dataclass(frozen=True, eq=False)
class Framework:
    """One framework, in the shapes the code reads (keys in the file's order)."""

    name: str
    #: what tells two frameworks apart in caches: the name of a bundled one, else the
    #: SHA-256 of the file
    identity: str
    title: Label
    draft: bool
    #: printed on the cover of every document (a draft's warning), or None
    note: Label | None
    #: the word for a dimension and a sub-dimension ("Dimensi"/"dimension", "Aspek"/"aspect")
    term: Label
    sub_term: Label
    dimensions: dict[str, Label]
    short: dict[str, Label]
    colours: dict[str, str]
    codes: dict[str, str]
    sub_dimensions: dict[str, dict[str, Label]]
    #: other display labels accepted silently, by `dim` or `dim.sub`
    aliases: dict[str, frozenset[str]]
    readiness_areas: dict[str, Label]
    readiness_aspects: dict[str, dict[str, Label]]
    starter_quick_wins: tuple[str, ...]
    #: printed texts this framework words its own way (keys of `generator.i18n.labels`)
    labels: dict[str, Label] = field(default_factory=dict)
    data: dict[str, Any] = field(default_factory=dict, repr=False)

    def relabel(self, table: dict[str, str], lang: str) -> dict[str, str]:
        """`table` (one language's labels) with this framework's own wording."""
        if not self.labels:
            return table
        index = 1 if lang == "en" else 0
        return {**table, **{k: v[index] for k, v in self.labels.items() if k in table}}

    def code_of(self, dimension: str) -> str:
        return self.codes.get(dimension, "")

    def note_text(self, lang: str) -> str:
        return "" if self.note is None else self.note[1 if lang == "en" else 0]


def _label(value: dict[str, str]) -> Label:
    return Label(str(value["id"]), str(value["en"]))


def framework_from_data(data: dict[str, Any], identity: str) -> Framework:
    """A framework from the data of a file that passed the framework schema."""
    dims: dict[str, Any] = data["dimensions"]
    aliases: dict[str, frozenset[str]] = {}
    for key, body in dims.items():
        if body.get("aliases"):
            aliases[key] = frozenset(a.lower() for a in body["aliases"])
        for sub, sub_body in body["sub_dimensions"].items():
            if sub_body.get("aliases"):
                aliases[f"{key}.{sub}"] = frozenset(a.lower() for a in sub_body["aliases"])
    term = data["term"]
    return Framework(
        name=data["name"], identity=identity, title=_label(data["title"]),
        draft=bool(data.get("draft", False)),
        note=_label(data["note"]) if data.get("note") else None,
        term=_label(term["dimension"]), sub_term=_label(term["sub_dimension"]),
        dimensions={k: _label(v["label"]) for k, v in dims.items()},
        short={k: _label(v.get("short", v["label"])) for k, v in dims.items()},
        colours={k: v["colour"] for k, v in dims.items()},
        codes={k: v["code"] for k, v in dims.items()},
        sub_dimensions={k: {s: _label(b["label"]) for s, b in v["sub_dimensions"].items()}
                        for k, v in dims.items()},
        aliases=aliases,
        readiness_areas={k: _label(v["label"]) for k, v in data["readiness"].items()},
        readiness_aspects={k: {a: _label(b) for a, b in v["aspects"].items()}
                           for k, v in data["readiness"].items()},
        starter_quick_wins=tuple(data.get("starter_quick_wins") or list(dims)[:3]),
        labels={k: _label(v) for k, v in (data.get("labels") or {}).items()},
        data=data)


def bundled_names() -> tuple[str, ...]:
    return tuple(sorted(p.stem for p in BUNDLED_DIR.glob("*.yaml") if "--" not in p.stem))


@functools.cache
def bundled_framework(name: str) -> Framework:
    """A bundled framework by name (KeyError when there is none of that name)."""
    from generator.spec.load import load_spec

    if name not in bundled_names():
        raise KeyError(name)
    doc = load_spec(BUNDLED_DIR / f"{name}.yaml", f"{name}.yaml")
    return framework_from_data(doc.data, name)


def default_framework() -> Framework:
    return bundled_framework(DEFAULT_FRAMEWORK)
