"""`masterplan init`: a commented starter spec, generated from the schema so it never drifts.

Every field of the schema appears, with its description as a comment (Indonesian, or English
with `--lang en`) and its example as the value; optional fields without an example are left as
commented-out lines. The starter has no error, but it is not finished: its region name and
code, every narrative and the other fields the schema marks as placeholders
(`generator.spec.schema.PLACEHOLDER`) are examples to replace, and its programs share one name.
`validate` warns at each of them (`--strict` fails) until they are filled in; tests check both.
"""

from __future__ import annotations

import json
from typing import Any, NamedTuple

from generator.spec.framework import DEFAULT_FRAMEWORK, Framework, default_framework
from generator.spec.schema import COMMENTED, Schema, build_schema
from generator.spec.vocabulary import HEAD_TITLES, PROVINCES

SCHEMA_FILE_NAME = "masterplan.schema.json"


def schema_file_name(framework: Framework | None = None) -> str:
    """The schema file `init` writes beside a starter of `framework` (its modeline's)."""
    if framework is None or framework.identity == DEFAULT_FRAMEWORK:
        return SCHEMA_FILE_NAME
    return f"masterplan.{framework.name}.schema.json"



class StarterRegion(NamedTuple):
    """The region the starter writes: a real code (so the type and province rules hold), the
    name of the region that code really is, and a name that is plainly a placeholder."""

    code: str
    code_name: str
    placeholder: str


#: `validate` warns on the placeholder name, and on the code unless the name is its region's.
STARTER_REGIONS = {
    "kabupaten": StarterRegion("35.10", "Banyuwangi", "Nama Kabupaten"),
    "kota": StarterRegion("35.78", "Surabaya", "Nama Kota"),
}
_AGENCIES = (
    ("DISKOMINFO", "Dinas Komunikasi, Informatika dan Persandian"),
    ("BAPPEDA", "Badan Perencanaan Pembangunan Daerah"),
    ("DPMPTSP", "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu"),
)

_HEADER = {
    "id": """\
# yaml-language-server: $schema={schema}
#
# Spesifikasi masterplan smart city: satu berkas untuk satu daerah dan satu angkatan.
# Isi setiap nilai contoh dengan data daerah Anda, lalu periksa dengan:
#     masterplan validate {name}
# Kunci (di kiri tanda titik dua) berbahasa Inggris dan tidak boleh diubah; artinya dijelaskan
# pada komentar di atas setiap kunci. Uraian panjang memakai Markdown setelah tanda `|`.
# Uang ditulis dalam rupiah penuh tanpa titik pemisah ribuan (1500000000, bukan 1.500.000.000).
# Kode wilayah ditulis dalam tanda kutip ("35.10"). Baris yang diawali `#` tidak dibaca.
# Selama masih ada nilai contoh (nama dan kode daerah, uraian, nama program yang sama),
# `masterplan validate` memberi peringatan di setiap tempatnya dan `--strict` gagal.
""",
    "en": """\
# yaml-language-server: $schema={schema}
#
# Smart-city masterplan spec: one file for one region and one cohort.
# Replace every example value with your region's data, then check it with:
#     masterplan validate {name}
# Keys (left of the colon) are English and must not be changed; each is explained in the
# comment above it. Long narratives use Markdown after a `|`.
# Money is whole rupiah without thousands separators (1500000000, not 1.500.000.000).
# Region codes are quoted ("35.10"). Lines starting with `#` are ignored.
# While example values remain (the region's name and code, narratives, programs sharing one
# name), `masterplan validate` warns at each of them and `--strict` fails.
""",
}

# Commented examples of lists the starter leaves empty, shown under their description.
_COMMENTED_EXAMPLES: dict[tuple[str | int, ...], dict[str, str]] = {
    ("governance", "risks"): {
        "id": """\
Contoh:
  risks:
    - {id: "RSK-01", risk: "Anggaran APBD untuk smart city tidak tersedia", likelihood: 3,
       impact: 4, mitigation: "Program masuk RKPD dan Renja sejak tahun pertama",
       owner_opd: "BAPPEDA", links: ["GOV-01"]}""",
        "en": """\
An example:
  risks:
    - {id: "RSK-01", risk: "No regional budget for the smart-city programs", likelihood: 3,
       impact: 4, mitigation: "The programs enter the RKPD and the agencies' Renja from
       the first year", owner_opd: "BAPPEDA", links: ["GOV-01"]}""",
    },
    ("scales",): {
        "id": """\
Contoh skala sendiri, dan indikator yang memakai skala bawaan (target 2045 di luar periode
dicetak terpisah sebagai konteks):
  scales:
    - id: "ikm"
      name: "Mutu pelayanan (IKM)"
      levels:
        - {code: "D", label: "Tidak baik"}
        - {code: "C", label: "Kurang baik"}
        - {code: "B", label: "Baik"}
        - {code: "A", label: "Sangat baik"}
  indicators:
    - {name: "Opini BPK atas LKPD", unit: "opini", scale: "bpk_opinion", baseline: "WDP",
       targets: {2027: "WTP", 2030: "WTP", 2045: "WTP"}}""",
        "en": """\
An example of your own scale, and of an indicator on a built-in scale (the 2045 target,
after the period, is printed apart as context):
  scales:
    - id: "ikm"
      name: "Service quality (IKM)"
      levels:
        - {code: "D", label: "Not good"}
        - {code: "C", label: "Fair"}
        - {code: "B", label: "Good"}
        - {code: "A", label: "Very good"}
  indicators:
    - {name: "BPK opinion on the financial statements", unit: "opinion",
       scale: "bpk_opinion", baseline: "WDP",
       targets: {2027: "WTP", 2030: "WTP", 2045: "WTP"}}""",
    },
}

_REFERENCE_EXAMPLE = """
  references:
    - id: "bps-2025"
      authors: ["Badan Pusat Statistik Kabupaten Contoh"]
      cite_as: "BPS Kabupaten Contoh"
      title: "Kabupaten Contoh dalam Angka 2025"
      url: "https://contohkab.bps.go.id/"
      accessed: "2025-10-06"
      year: 2025"""
_COMMENTED_EXAMPLES[("references",)] = {
    "id": "Contoh; rujuk dari uraian mana pun dengan [@bps-2025] atau [@bps-2025, hlm. 12]:"
          + _REFERENCE_EXAMPLE,
    "en": "An example; cite it from any narrative with [@bps-2025] or [@bps-2025, p. 12]:"
          + _REFERENCE_EXAMPLE,
}
_COMMENTED_EXAMPLES[("annexes",)] = {
    "id": """\
Contoh lampiran dengan tabel bernomor:
  annexes:
    - title: "Hasil Survei Kepuasan Layanan"
      content: |
        Tabel: Indeks kepuasan per layanan

        | Layanan | Indeks |
        |---|--:|
        | Perizinan daring | 3,4 |""",
    "en": """\
An example annex with a numbered table:
  annexes:
    - title: "Service Satisfaction Survey"
      content: |
        Table: Satisfaction index per service

        | Service | Index |
        |---|--:|
        | Online permits | 3.4 |""",
}


# The example enabler of each group (the regulation group's is the schema's own example).
_ENABLERS: dict[str, dict[str, Any]] = {
    "infrastructure": {
        "id": "TIK-01", "name": "Pusat Data Daerah", "lead_opd": "DISKOMINFO",
        "description": "Konsolidasi server perangkat daerah ke pusat data daerah.",
        "output": "Pusat data daerah terhubung dengan Pusat Data Nasional",
        "activities": "Migrasi aplikasi perangkat daerah", "supporting_opds": None,
        "meeting_months": None},
    "people": {
        "id": "SDM-01", "name": "Literasi Digital Warga dan ASN", "lead_opd": "DISKOMINFO",
        "description": "Pelatihan literasi digital bagi warga dan ASN.",
        "output": "Rencana aksi pengembangan SDM ditetapkan",
        "activities": "Pemetaan kompetensi digital ASN", "supporting_opds": None,
        "meeting_months": None},
}


class _Writer:
    def __init__(self, schema: Schema, lang: str, region_type: str, framework: Framework,
                 framework_ref: str) -> None:
        self.schema = schema
        self.fw = framework
        self.framework_ref = framework_ref
        self.quick_win_dims = framework.starter_quick_wins
        self.lang = lang
        self.region_type = region_type
        self.lines: list[str] = []
        self.commented_defs: set[str] = set()

    def describe(self, node: Schema) -> str:
        text = node.get("x-description-en") if self.lang == "en" else node.get("description")
        return str(text or node.get("title", ""))

    def resolve(self, node: Schema) -> tuple[Schema, str | None]:
        ref = node.get("$ref")
        if isinstance(ref, str):
            name = ref.rsplit("/", 1)[-1]
            target: Schema = self.schema["$defs"][name]
            return target, name
        return node, None

    def comment(self, indent: str, text: str) -> None:
        for line in _wrap(text, 96 - len(indent)):
            self.lines.append(f"{indent}# {line}")

    def mapping(self, node: Schema, indent: str, pointer: tuple[str | int, ...],
                verbose: bool) -> None:
        for key, prop in node.get("properties", {}).items():
            self.field(key, prop, indent, (*pointer, key), verbose,
                       key in node.get("required", []))

    def field(self, key: str, prop: Schema, indent: str, pointer: tuple[str | int, ...],
              verbose: bool, required: bool) -> None:
        target, def_name = self.resolve(prop)
        if verbose:
            label = self.describe(prop) if "$ref" in prop else self.describe(target)
            if not required:
                label += " (opsional)" if self.lang == "id" else " (optional)"
            self.comment(indent, label)
        example = self.example(target, pointer)
        kind = target.get("type")
        if kind == "object" and "properties" in target:
            start = len(self.lines)
            self.lines.append(f"{indent}{key}:")
            child_verbose = verbose and (def_name is None or def_name not in self.commented_defs)
            if def_name:
                self.commented_defs.add(def_name)
            self.mapping(target, indent + "  ", pointer, child_verbose)
            # a picture names a file the starter's folder does not have; a COMMENTED section
            # is one most regions leave out
            if target.get("x-picture") or target.get(COMMENTED) or prop.get(COMMENTED):
                for index in range(start, len(self.lines)):
                    line = self.lines[index]
                    body = line.lstrip()
                    if not body.startswith("#"):
                        self.lines[index] = f"{line[:len(line) - len(body)]}# {body}"
        elif kind == "array":
            self.array(key, target, indent, pointer, verbose)
        elif example is None:
            self.lines.append(f"{indent}# {key}: ")
        elif target.get("x-markdown"):
            self.lines.append(f"{indent}{key}: |")
            self.lines.append(f"{indent}  {example}")
        else:
            self.lines.append(f"{indent}{key}: {_scalar(example)}")

    def array(self, key: str, node: Schema, indent: str, pointer: tuple[str | int, ...],
              verbose: bool) -> None:
        items, def_name = self.resolve(node["items"])
        if items.get("type") == "object":
            entries = self.object_entries(pointer, def_name)
            if not entries:
                example_text = _COMMENTED_EXAMPLES.get(pointer, {}).get(self.lang)
                if verbose and example_text:
                    self.lines += [f"{indent}# {line}".rstrip()
                                   for line in example_text.splitlines()]
                self.lines.append(f"{indent}{key}: []")
                return
            self.lines.append(f"{indent}{key}:")
            for number, entry_pointer in enumerate(entries):
                child_verbose = verbose and number == 0 and (
                    def_name is None or def_name not in self.commented_defs)
                start = len(self.lines)
                self.mapping(items, indent + "    ", entry_pointer, child_verbose)
                # turn the first written key line into a list item
                for index in range(start, len(self.lines)):
                    line = self.lines[index]
                    if not line.strip().startswith("#"):
                        self.lines[index] = f"{indent}  - " + line[len(indent) + 4:]
                        break
            if def_name:
                self.commented_defs.add(def_name)
            return
        example = self.example(items, pointer) or self.example(node, pointer)
        if example is None:
            self.lines.append(f"{indent}{key}: []")
            return
        self.lines.append(f"{indent}{key}:")
        values = example if isinstance(example, list) else [example]
        for value in values:
            self.lines.append(f"{indent}  - {_scalar(value)}")

    def object_entries(self, pointer: tuple[str | int, ...],
                       def_name: str | None) -> list[tuple[str | int, ...]]:
        """How many example items a list of objects gets in the starter."""
        if def_name == "program":
            return [(*pointer, 0)]
        if def_name == "quick_win":
            return [(*pointer, i) for i in range(len(self.quick_win_dims))]
        if def_name in {"figure", "indicator", "budget_line", "member", "kpi", "milestone",
                        "target", "previous_program", "enabler"}:
            return [(*pointer, 0)]
        if pointer == ("agencies",):
            return [(*pointer, i) for i in range(len(_AGENCIES))]
        if pointer in (("glossary",), ("approval", "signatories")):
            return [(*pointer, 0)]
        return []

    def example(self, node: Schema, pointer: tuple[str | int, ...]) -> Any:
        """The example value, specialised where one value cannot fit every place."""
        last = [p for p in pointer if isinstance(p, str)]
        name = last[-1] if last else ""
        if pointer[:1] == ("region",):
            region = STARTER_REGIONS[self.region_type]
            if name == "code":
                return region.code
            if name == "name":
                return region.placeholder
            if name == "type":
                return self.region_type
            if name == "province":
                return PROVINCES[region.code[:2]]
            if name == "head_title":
                return HEAD_TITLES[self.region_type]
        if pointer[:1] == ("document",) and name == "language":
            return self.lang
        if pointer == ("framework",):
            return self.framework_ref
        if pointer[:1] == ("dimensions",) and name == "id" and "programs" in pointer:
            dim, sub = str(pointer[1]), str(pointer[3])
            number = list(self.fw.sub_dimensions[dim]).index(sub) + 1
            return f"{self.fw.codes[dim]}-{number:02d}"
        if pointer[:1] == ("quick_wins",) and len(pointer) > 1:
            index = int(pointer[1])
            dim = self.quick_win_dims[index]
            if name == "id":
                return f"QW-{index + 1:02d}"
            if name == "program":
                return f"{self.fw.codes[dim]}-01"
            if name == "name":
                return ["Portal Satu Data", "Pasar Digital UMKM", "Layanan Darurat 112"][index]
        if pointer[:1] == ("enablers",) and len(pointer) == 4 and pointer[1] in _ENABLERS:
            group = _ENABLERS[str(pointer[1])]
            if name in group:
                return group[name]
        if pointer[-2:-1] == ("organisation_chart",):
            chart = {"file": "bagan-organisasi.png",
                     "caption": "Struktur Dewan Smart City dan Tim Pelaksana",
                     "alt": "Bagan: Dewan Smart City membawahi Tim Pelaksana"}
            if name in chart:
                return chart[name]
        if pointer[:2] == ("approval", "signatories"):  # one: the head, who needs no label
            if name == "role":
                region = STARTER_REGIONS[self.region_type]
                return f"{HEAD_TITLES[self.region_type]} {region.placeholder}"
            if name == "label":
                return None
        if pointer[:1] == ("agencies",) and len(pointer) == 3:
            return _AGENCIES[int(pointer[1])][0 if name == "code" else 1]
        examples = node.get("examples")
        return examples[0] if isinstance(examples, list) and examples else None


def _scalar(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return json.dumps(value)
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {_scalar(v)}" for k, v in value.items()) + "}"
    return json.dumps(str(value), ensure_ascii=False)


def _wrap(text: str, width: int) -> list[str]:
    words, lines, line = text.split(), [], ""
    for word in words:
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    if line:
        lines.append(line)
    return lines or [""]


def starter_spec(region_type: str = "kabupaten", lang: str = "id",
                 file_name: str = "masterplan.yaml", framework: Framework | None = None,
                 framework_ref: str | None = None) -> str:
    """The starter spec's text, for `framework` (named in the spec as `framework_ref`: its
    bundled name, or the file's path relative to the spec)."""
    fw = framework or default_framework()
    schema = build_schema(fw)
    writer = _Writer(schema, lang, region_type, fw, framework_ref or fw.name)
    writer.lines.append(_HEADER[lang].format(schema=schema_file_name(fw),
                                             name=file_name).rstrip())
    writer.lines.append("")
    for key, prop in schema["properties"].items():
        if key == "dimensions":
            writer.comment("", writer.describe(prop))
            writer.lines.append("dimensions:")
            for dim in fw.dimensions:
                dim_schema = schema["$defs"][f"dimension_{dim}"]
                writer.comment("  ", writer.describe(dim_schema))
                writer.lines.append(f"  {dim}:")
                verbose = dim == next(iter(fw.dimensions))
                for field_key, field_prop in dim_schema["properties"].items():
                    if field_key == "sub_dimensions":
                        if verbose:
                            writer.comment("    ", writer.describe(field_prop))
                        writer.lines.append("    sub_dimensions:")
                        for sub, sub_prop in field_prop["properties"].items():
                            writer.comment("      ", writer.describe(sub_prop))
                            writer.lines.append(f"      {sub}:")
                            sub_schema = schema["$defs"]["sub_dimension"]
                            writer.mapping(sub_schema, "        ",
                                           ("dimensions", dim, "sub_dimensions", sub),
                                           verbose and sub == next(iter(fw.sub_dimensions[dim])))
                        continue
                    writer.field(field_key, field_prop, "    ", ("dimensions", dim, field_key),
                                 verbose, field_key in dim_schema.get("required", []))
            writer.lines.append("")
            continue
        writer.field(key, prop, "", (key,), True, key in schema.get("required", []))
        writer.lines.append("")
    return "\n".join(writer.lines).rstrip() + "\n"
