"""`docs/spec.md`, the field reference, generated from the schema (a test checks the drift).

Regenerate with: `python -m generator.spec.reference > docs/spec.md`.
"""

from __future__ import annotations

import json
from typing import Any

from generator.spec.approval import YEARS_BEFORE
from generator.spec.schema import PLACEHOLDER, Schema, build_schema
from generator.spec.vocabulary import MEDIUM_YEARS, SCALES, SHORT_YEARS, STATUS_SCORE_RANGE

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

Frameworks: the dimensions, their sub-dimensions and the readiness areas below are those of
the default framework, `kominfo-2017` (the 2017 Gerakan Menuju 100 Smart City). A spec that
names another in `framework` (`komdigi-2026`, the six aspects of the 2026 draft regulation, or
a framework file of your own) has that framework's keys under `dimensions` and `readiness`
instead, and `masterplan init --framework NAME` writes its starter and schema. `masterplan
migrate SPEC --framework komdigi-2026 -o NEW.yaml` moves a plan to the new aspects. The file
format of a framework is in docs/frameworks.md.

Conventions:
- Narrative fields marked *Markdown* accept Markdown (lists, emphasis, tables, links to
  http, https and mailto); raw HTML is shown as text. A picture standing alone in its
  paragraph, `![caption](peta.png "alt text")`, becomes a numbered figure (Gambar 2.1) in
  the list of figures; the file must be a PNG, JPEG or SVG inside the spec's folder
  (`masterplan validate` reports a missing, outside or web address as an error at the
  field; inside a block scalar the line is the picture's, the column may be approximate). A
  picture inside a sentence, list, quote or table is an error. Every table is numbered
  (Tabel 2.3) and listed; its caption is a paragraph `Tabel: caption` (or `Table:` or `:`)
  right before or after it, else the title of the section it stands in. A citation
  `[@key]`, `[@key, hlm. 12]` or `[@a; @b]` names an entry of `references` (keys match
  regardless of case) and prints "(BPS Kabupaten Contoh, 2025, hlm. 12)", linked to its
  entry in the DAFTAR PUSTAKA after BAB X (sorted by author, then year; APA-like). An
  unknown key is an error at its place, a reference never cited a warning; `\\[@` writes
  a plain `[@`.
- **Annexes of your own** (`annexes`): each a title and Markdown, printed after the
  built-in annexes and numbered after them (Lampiran D…), with their tables and pictures
  numbered within the annex (Tabel D.1) and listed.
- Money is an integer number of rupiah, without thousands separators: `1500000000`.
- Years are four-digit integers; region codes are quoted strings (`"35.10"`).
- Beyond the schema, `masterplan validate` checks cross-field rules (unique ids, years
  inside the period, quick wins tied to existing programs and starting in the first two
  years, region code agreeing with its type and province, known funding sources and scales,
  a readable logo…) and reports quality warnings (`--strict` makes them fail).

Rules worth knowing:
- **Province.** `region.province` is printed as written and must name the province of the
  code's first two digits (`"34.04"` → DI Yogyakarta). Official names and usual ones are
  accepted, compared without regard to case, punctuation or the word "Provinsi": Daerah
  Istimewa Yogyakarta, DI Yogyakarta, D.I. Yogyakarta, DIY; DKI Jakarta, Daerah Khusus
  Jakarta (UU 2/2024); Kepulauan Bangka Belitung, Bangka Belitung; the four Papua
  provinces of 2022 (93 Papua Selatan, 94 Papua Tengah, 95 Papua Pegunungan, 96 Papua
  Barat Daya); English names (East Java). An unknown name gets a did-you-mean.
- **Horizon.** Judged by how long a program runs, whatever year of the period it starts
  in: `short` lasts at most {short} years, `medium` at most {medium} years (one RPJMD, so
  2027-2031 in a 2026-2035 plan is medium), `long` more than {medium} years or past the
  period's year {medium}; otherwise a warning. The roadmap's stages table runs the short and
  medium stages from the first year to the end of their latest program.
- **Grades.** An indicator or vision target with a `scale` has levels of that scale as its
  baseline and targets (`scale: sakip`, `targets: {{2026: B, 2030: A}}`), written as the
  level's code or meaning in any case (`bb`, `Sangat Baik`); documents print the level (the
  code, or the meaning for spbe and yes_no) and a legend below the table. Built-in scales
  are listed below; a spec declares its own under `scales`.
- **Targets after the period.** A target year after `document.period.end_year` (the
  RPJPD's 2045 target) is accepted as context: it gets its own column marked `2045*` in the
  indicator annex (the vision's targets: `2045*` in the year column) and a note, never a
  column of the plan's years. A year before the period is still an error.
- **Previous masterplan.** A second-generation masterplan evaluates the one before it in
  `previous_masterplan` (printed in BAB II before the strategic issues: the evaluation, a
  table per dimension and a table of each program planned against realised). Its period
  starts before this plan's and ends before this plan's last year; each `continued_as`
  names a program of this plan (an error otherwise, with a did-you-mean), and that
  program's `status` should be `continued`; a `continued` program no previous program
  names is a warning (only in a spec that has `previous_masterplan`).
- **Each program's indicators** are printed under the program in BAB VI as a numbered
  table (Tabel 6.n, in the list of tables): a column per year with a target when at most
  six, else the final target; the annex still lists them all against every year.
- **Readiness status and score.** Each aspect gives a `status`, a `score` (1-4, decimals
  allowed) or both. With both, the score should lie in the band of its status:
  {bands}.
  The ends are included, so 2 agrees with kurang and cukup, 3 with cukup and baik. A score
  outside its status's band is a warning (`rule.status_score`; `--strict` fails). A status
  without a score is drawn at the middle of its band in the charts:
  {middles}.
- **Placeholders.** `masterplan init` writes a starter whose region name (`Nama Kabupaten`,
  `Nama Kota`), region code (`"35.10"` for a kabupaten, `"35.78"` for a kota, accepted only
  when `region.name` is the region the code belongs to: Banyuwangi, Surabaya), narratives
  and the fields whose example is marked *(placeholder)* below are examples to replace.
  While a value is still its example, `validate` warns at it (`quality.placeholder`,
  `quality.placeholder_code`), so an untouched starter passes `validate` but fails
  `--strict`. Two programs of one spec with the same name are a warning too.
- **Deputy head.** `region.deputy_head_name` signs the foreword below the head as Wakil
  Bupati / Wakil Wali Kota. Names are written without their titles (a warning otherwise),
  and the deputy is not the head.
- **Approval page.** With an `approval` section the masterplan opens (after the cover,
  before the foreword) with a *lembar pengesahan*: the document, region and period; "Ditetapkan
  dengan" the adopting regulation (`regulation.kind`, by default Peraturan Bupati/Wali Kota
  and the region's name, `Nomor … Tahun …`, its date, `tentang` its title); then one
  signature block per signatory, two to a row, the last one alone centred, each with its
  label, position, room to sign, name, rank and NIP. The place and date of adoption stand in
  the block with the seal (`seal: true`, else the regional head's: a position starting with
  Bupati/Wali Kota), a dashed circle marking where the cap goes. A number or date not known
  yet prints as dots to fill in by hand. `validate` checks dates (YYYY-MM-DD, real days),
  the regulation's year ({before} years before the period at the earliest, its last year at
  the latest) and that its date falls in that year, NIPs (18 digits), a Peraturan Wali Kota
  for a kabupaten (or the reverse) and a head signing under another name than
  `region.head_name` (warnings).

"""


def _bands() -> str:
    """`kurang` 1-2, `cukup` 2-3, `baik` 3-4: the bands the validator uses."""
    ordered = sorted(STATUS_SCORE_RANGE.items(), key=lambda item: item[1])
    return ", ".join(f"`{status}` {low:g}-{high:g}" for status, (low, high) in ordered)


def _middles() -> str:
    ordered = sorted(STATUS_SCORE_RANGE.items(), key=lambda item: item[1])
    return ", ".join(f"{status} {(low + high) / 2:g}" for status, (low, high) in ordered)


def _builtin_scales() -> list[str]:
    lines = ["## Built-in scales", "",
             "| `scale` | name | levels, lowest first (code: meaning id / en) | printed |",
             "|---|---|---|---|"]
    for key, scale in SCALES.items():
        levels = "; ".join(f"`{code}`: {label.id} / {label.en}" for code, label in scale.levels)
        printed = "the code" if scale.prints == "code" else "the meaning"
        lines.append(f"| `{key}` | {scale.name.id} / {scale.name.en} | {levels} | {printed} |")
    return [*lines, ""]


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
    if isinstance(kind, list):
        return " or ".join(names.get(str(k), str(k)) for k in kind)
    return names.get(str(kind), str(kind))


def _is_placeholder(node: Schema) -> bool:
    items = node.get("items")
    return bool(node.get(PLACEHOLDER) or (isinstance(items, dict) and items.get(PLACEHOLDER)))


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
        if shown and _is_placeholder(prop):
            shown += " *(placeholder)*"
        lines.append(f"| `{key}` | {_type(target)} | {'yes' if key in required else ''} | "
                     f"{_cell(prop.get('description', ''))} | "
                     f"{_cell(prop.get('x-description-en', ''))} | {shown} |")
    if node.get("anyOf"):
        lines.append("")
        lines.append("At least one of `status` and `score` must be given.")
    if node.get("if"):
        graded = " and ".join(f"`{k}`" for k in node["else"]["properties"])
        lines.append("")
        lines.append(f"Without `scale`, the values of {graded} are numbers; with one, levels"
                     " of that scale (see [Built-in scales](#built-in-scales)).")
    return lines


def spec_reference() -> str:
    schema = build_schema()
    intro = _INTRO.format(short=SHORT_YEARS, medium=MEDIUM_YEARS, bands=_bands(),
                          middles=_middles(), before=YEARS_BEFORE)
    out = [intro, "## Top level", "", *_table(schema), ""]
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
    out += _builtin_scales()
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
