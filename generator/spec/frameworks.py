"""Choosing and checking a framework (`generator.spec.framework`): the framework file's JSON
Schema, the rules a schema cannot say, and which framework a spec uses.

A spec names its framework in `framework:` (a bundled name, or a framework file beside the
spec); `--framework NAME|FILE` overrides it. A user's framework file goes through the same
loader as a spec (positions, no tags, bounded) and is refused with positioned diagnostics
when it breaks the schema, when a colour is too light for white text, when two dimensions
share a code, or when a replaced printed text does not keep the placeholders of the text it
replaces. `python -m generator.spec.frameworks > schemas/framework.schema.json` regenerates
the committed schema (a test compares them).
"""

from __future__ import annotations

import hashlib
import json
import string
from pathlib import Path

from generator.errors import Diagnostic, SourceSpan, SpecError
from generator.spec.framework import (
    BUNDLED_DIR,
    DEFAULT_FRAMEWORK,
    Framework,
    bundled_framework,
    bundled_names,
    framework_from_data,
)
from generator.spec.load import Pointer, SpecDocument, load_spec
from generator.spec.schema import Schema, array, obj, text
from generator.spec.validate import (
    Collector,
    _DidYouMean,
    schema_errors,
    translate_schema_error,
)

FRAMEWORK_SCHEMA_ID = "urn:masterplan:framework:1"
KEY_PATTERN = r"^[a-z][a-z0-9]*(_[a-z0-9]+)*$"
COLOUR_PATTERN = r"^#[0-9a-fA-F]{6}$"
CODE_PATTERN = r"^[A-Z][A-Z0-9]{1,5}$"
NAME_PATTERN = r"^[a-z0-9][a-z0-9.-]*$"
#: WCAG AA for normal text: white on every dimension's colour (the DOCX writes a roadmap's
#: active years in white on these fills)
MIN_CONTRAST = 4.5


def _label(title: str, id_: str, en: str, example: dict[str, str] | None = None,
           max_length: int = 500) -> Schema:
    return obj(title, id_, en, {
        "id": text("Indonesian", "Dalam bahasa Indonesia.", "In Indonesian.",
                   example["id"] if example else None, maxLength=max_length),
        "en": text("English", "Dalam bahasa Inggris.", "In English.",
                   example["en"] if example else None, maxLength=max_length),
    }, ["id", "en"])


def build_framework_schema() -> Schema:
    aliases = array("Aliases", "Nama tampilan lain yang diterima tanpa peringatan.",
                    "Other display labels accepted without a warning.",
                    text("Alias", "Nama lain.", "Another name.", None, maxLength=120),
                    max_items=20)
    sub = obj("Sub-dimension", "Satu sub-dimensi.", "One sub-dimension.", {
        "label": _label("Label", "Nama sub-dimensi.", "Name of the sub-dimension.",
                        {"id": "Pelayanan Publik", "en": "Public Service"}),
        "aliases": aliases,
    }, ["label"])
    dimension = obj("Dimension", "Satu dimensi (atau aspek).", "One dimension (or aspect).", {
        "label": _label("Label", "Nama dimensi, dicetak sebagai judul bab dan di tabel.",
                        "Name of the dimension, printed as a heading and in tables.",
                        {"id": "Tata Kelola", "en": "Governance"}),
        "short": _label("Short label", "Nama pendek untuk kepala kolom (laporan angkatan).",
                        "Short name for column heads (the cohort report).", None, 40),
        "colour": text("Colour", "Warna dimensi (#rrggbb); cukup gelap untuk teks putih"
                       " (kontras minimal 4,5:1).", "Colour of the dimension (#rrggbb); dark"
                       " enough for white text (contrast at least 4.5:1).", "#1f4e79",
                       pattern=COLOUR_PATTERN, maxLength=7),
        "code": text("Code", "Awalan kode program (GOV dari GOV-01), unik.",
                     "Prefix of the program ids (GOV in GOV-01), unique.", "GOV",
                     pattern=CODE_PATTERN, maxLength=6),
        "aliases": aliases,
        "sub_dimensions": obj("Sub-dimensions", "Sub-dimensi, berurutan; kuncinya dipakai di"
                              " spec.", "The sub-dimensions, in order; their keys are the"
                              " spec's.", {}, minProperties=1, maxProperties=12,
                              propertyNames={"pattern": KEY_PATTERN, "maxLength": 40},
                              additionalProperties=sub),
    }, ["label", "colour", "code", "sub_dimensions"])
    aspect_label = _label("Aspect", "Satu aspek kesiapan.", "One readiness aspect.")
    area = obj("Readiness area", "Satu area kesiapan dan aspek-aspeknya.",
               "One readiness area and its aspects.", {
                   "label": _label("Label", "Nama area.", "Name of the area.",
                                   {"id": "Struktur", "en": "Structure"}),
                   "aspects": obj("Aspects", "Aspek area ini, berurutan.",
                                  "The area's aspects, in order.", {}, minProperties=1,
                                  maxProperties=12,
                                  propertyNames={"pattern": KEY_PATTERN, "maxLength": 40},
                                  additionalProperties=aspect_label),
               }, ["label", "aspects"])
    root = obj("Framework", "Kerangka smart city: dimensi, sub-dimensi dan area kesiapan.",
               "A smart-city framework: dimensions, sub-dimensions and readiness areas.", {
                   "framework_version": {"const": 1, "title": "Format version",
                                         "description": "Versi format; selalu 1.",
                                         "x-description-en": "Format version; always 1."},
                   "name": text("Name", "Nama kerangka (huruf kecil, angka, titik, tanda"
                                " hubung).", "Name of the framework (lower case, digits, dots,"
                                " hyphens).", "kominfo-2017", pattern=NAME_PATTERN,
                                maxLength=60),
                   "title": _label("Title", "Judul kerangka (peraturan atau pedomannya).",
                                   "Title of the framework (its regulation or guide)."),
                   "draft": {"type": "boolean", "title": "Draft",
                             "description": "Rancangan yang belum ditetapkan.",
                             "x-description-en": "A draft not yet adopted."},
                   "note": _label("Note", "Catatan yang dicetak di sampul setiap dokumen"
                                  " (mis. bahwa kerangka masih rancangan).", "A note printed"
                                  " on the cover of every document (e.g. that the framework"
                                  " is a draft).", None, 1000),
                   "term": obj("Terms", "Sebutan dimensi dan sub-dimensi.",
                               "What a dimension and a sub-dimension are called.", {
                                   "dimension": _label("Dimension", "Mis. Dimensi / Aspek.",
                                                       "E.g. dimension / aspect.", None, 40),
                                   "sub_dimension": _label("Sub-dimension", "Mis. Sub-dimensi.",
                                                           "E.g. sub-dimension.", None, 40),
                               }, ["dimension", "sub_dimension"]),
                   "dimensions": obj("Dimensions", "Dimensi, berurutan seperti dicetak;"
                                     " kuncinya dipakai di spec.", "The dimensions, in the"
                                     " order printed; their keys are the spec's.", {},
                                     minProperties=1, maxProperties=12,
                                     propertyNames={"pattern": KEY_PATTERN, "maxLength": 40},
                                     additionalProperties=dimension),
                   "readiness": obj("Readiness", "Area kesiapan (BAB III).",
                                    "Readiness areas (Chapter III).", {}, minProperties=1,
                                    maxProperties=6,
                                    propertyNames={"pattern": KEY_PATTERN, "maxLength": 40},
                                    additionalProperties=area),
                   "starter_quick_wins": array(
                       "Starter quick wins", "Dimensi tiga contoh quick win `masterplan init`.",
                       "The dimensions of the three example quick wins of `masterplan init`.",
                       text("Dimension", "Kunci dimensi.", "Dimension key.", None,
                            pattern=KEY_PATTERN, maxLength=40), min_items=1, max_items=3),
                   "labels": obj("Labels", "Teks cetak yang diganti kerangka ini (kunci dari"
                                 " daftar label), dengan tempat isian yang sama.", "Printed"
                                 " texts this framework words its own way (keys of the label"
                                 " tables), with the same placeholders.", {},
                                 maxProperties=200,
                                 propertyNames={"pattern": KEY_PATTERN, "maxLength": 60},
                                 additionalProperties=_label("Label", "Teks pengganti.",
                                                             "The replacement text.", None,
                                                             2000)),
               }, ["framework_version", "name", "title", "term", "dimensions", "readiness"])
    return {"$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": FRAMEWORK_SCHEMA_ID} | root


def contrast_with_white(colour: str) -> float:
    """The WCAG contrast ratio of white text on `colour` (#rrggbb)."""
    def channel(hex_pair: str) -> float:
        value = int(hex_pair, 16) / 255
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    c = colour.lstrip("#")
    red, green, blue = (channel(c[i:i + 2]) for i in (0, 2, 4))
    return 1.05 / (0.2126 * red + 0.7152 * green + 0.0722 * blue + 0.05)


def _placeholders(text_value: str) -> set[str] | None:
    """The `{names}` of a text, None when it has any other replacement field."""
    names = set()
    try:
        for _literal, name, spec, conversion in string.Formatter().parse(text_value):
            if name is None:
                continue
            if not name.isidentifier() or spec or conversion:
                return None
            names.add(name)
    except ValueError:
        return None
    return names


def check_framework_rules(doc: SpecDocument, out: Collector) -> None:
    """What the schema cannot say; `doc.data` passed the schema."""
    from generator.i18n.labels import EVALUATION_LABELS, LABELS, REPORT_LABELS
    from generator.i18n.numbers import message_number

    data = doc.data
    seen: dict[str, str] = {}
    for key, body in data["dimensions"].items():
        ratio = contrast_with_white(body["colour"])
        if ratio < MIN_CONTRAST:
            out.error(("dimensions", key, "colour"), "framework.contrast",
                      colour=body["colour"], ratio=message_number(ratio, 2, fixed=True),
                      limit=message_number(MIN_CONTRAST, 1, fixed=True))
        code = body["code"]
        if code in seen:
            out.error(("dimensions", key, "code"), "framework.duplicate_code", code=code,
                      other=seen[code])
        seen.setdefault(code, key)
    for index, key in enumerate(data.get("starter_quick_wins") or []):
        if key not in data["dimensions"]:
            out.error(("starter_quick_wins", index), "framework.unknown_dimension", name=key,
                      suggestion=_DidYouMean(key, tuple(data["dimensions"])))
    printed = {**LABELS, **REPORT_LABELS, **EVALUATION_LABELS}
    for key, label in (data.get("labels") or {}).items():
        if key not in printed:
            out.add("error", ("labels", key), "framework.unknown_label", key=True, name=key,
                    suggestion=_DidYouMean(key, tuple(printed)))
            continue
        for index, lang in enumerate(("id", "en")):
            wanted = _placeholders(printed[key][index])
            found = _placeholders(label[lang])
            if found != wanted:
                out.error(("labels", key, lang), "framework.placeholders",
                          expected=", ".join(f"{{{n}}}" for n in sorted(wanted or ())) or "-",
                          found=", ".join(f"{{{n}}}" for n in sorted(found or ())) or "-")


def check_framework_file(path: Path, display: str) -> Framework:
    """A user's framework file, checked; SpecError (positioned) when it cannot be used."""
    doc = load_spec(path, display)
    out = Collector(doc)
    for error in schema_errors("framework", build_framework_schema, doc.data):
        translate_schema_error(error, doc, out)
    if not out.items:
        check_framework_rules(doc, out)
    diagnostics = out.results()
    if any(d.severity == "error" for d in diagnostics):
        raise SpecError(diagnostics)
    return _cached_file(hashlib.sha256(doc.source_bytes).hexdigest(), doc)


_FILES: dict[str, Framework] = {}


def _cached_file(digest: str, doc: SpecDocument) -> Framework:
    if digest not in _FILES:
        _FILES[digest] = framework_from_data(doc.data, f"sha256:{digest}")
    return _FILES[digest]


def _is_file_reference(name: str) -> bool:
    return name.endswith((".yaml", ".yml")) or "/" in name or "\\" in name


def framework_by_name(name: str, pointer_span: SourceSpan, path: str = "") -> Framework:
    """A bundled framework; an unknown name is a positioned error with a did-you-mean."""
    try:
        return bundled_framework(name)
    except KeyError:
        raise SpecError([Diagnostic(pointer_span, "error", path, "framework.unknown", {
            "name": name, "known": ", ".join(bundled_names()),
            "suggestion": _DidYouMean(name, bundled_names()).resolve()})]) from None


def framework_option(value: str | Path) -> Framework:
    """The framework `--framework` names: a bundled name, else a file."""
    text_value = str(value)
    if isinstance(value, Path) or _is_file_reference(text_value):
        return check_framework_file(Path(text_value), text_value)
    return framework_by_name(text_value, SourceSpan("--framework", 0, 0))


def resolve_framework(doc: SpecDocument, override: str | Path | None = None) -> Framework:
    """The framework of a spec: `override` (the `--framework` option), else the spec's
    `framework` (a bundled name or a file in the spec's folder), else the default."""
    if override is not None:
        return framework_option(override)
    named = doc.data.get("framework")
    if not isinstance(named, str) or not named:  # absent; a wrong type is the schema's error
        return bundled_framework(DEFAULT_FRAMEWORK)
    pointer: Pointer = ("framework",)
    if _is_file_reference(named):
        from generator.spec.assets import locate_file

        real = locate_file(doc, pointer, named)
        return check_framework_file(real, named)
    return framework_by_name(named, doc.span(pointer), "framework")


def framework_schema_json() -> str:
    return json.dumps(build_framework_schema(), ensure_ascii=False, indent=2) + "\n"


__all__ = ["BUNDLED_DIR", "check_framework_file", "framework_option", "resolve_framework"]


if __name__ == "__main__":
    import sys

    sys.stdout.write(framework_schema_json())
