"""Validate a loaded spec: JSON Schema, then the cross-field rules and quality warnings.

Every problem is collected (nothing stops at the first one) and returned sorted by position,
at most `generator.errors.MAX_DIAGNOSTICS` of each file plus a note that counts the rest.
What is costly to word (a did-you-mean search) is worked out only for the problems shown:
checking 200,000 unknown keys took 16 s, it now takes 3 s (plus the parsing).

The rules are written defensively: a part of the spec that already failed the schema is
skipped by them rather than crashing them.
"""

from __future__ import annotations

import datetime as dt
import difflib
import functools
import itertools
import re
from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from generator.errors import Diagnostic, Severity, SourceSpan, SpecError, limit_diagnostics
from generator.spec import enabler_rules
from generator.spec.fastcheck import Check, Unsupported, compile_check
from generator.spec.framework import Framework, bundled_framework, bundled_names, default_framework
from generator.spec.load import Pointer, SpecDocument, format_pointer, type_name
from generator.spec.markdown import REFERENCE_KEY, CiteRef, ImageRef
from generator.spec.provinces import closest, province_code
from generator.spec.scales import Scale, builtin_scales, scales_of
from generator.spec.standards import ISO_STANDARDS, SPBE, iso_37122_numbers, iso_known, iso_parts
from generator.spec.vocabulary import (
    FUNDING_SOURCES,
    HEAD_TITLES,
    HORIZONS,
    MAX_PERIOD_YEARS,
    MEDIUM_YEARS,
    PROVINCES,
    SCALES,
    SHORT_YEARS,
    STATUS_SCORE_RANGE,
)

_PATTERN_NAMES = {
    r"^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*$": "pattern.id",
    r"^[0-9]{2}\.[0-9]{2}$": "pattern.region_code",
    r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$": "pattern.date",
    r"^[A-Z][A-Z0-9_]*$": "pattern.code",
    r"^[A-Z][A-Z0-9_-]*$": "pattern.code",
    r"^20[0-9]{2}$": "pattern.year_key",
    r"^[a-z][a-z0-9_]*$": "pattern.scale_id",
    f"^{REFERENCE_KEY}$": "pattern.reference_key",
    r"^https?://[^\s]+$": "pattern.url",
    r"^[A-Z][A-Z0-9]*([.-][A-Z0-9]+)*$": "pattern.rpjmd_id",
    r"^[a-z][a-z_]*$": "pattern.spbe",
    r"^371(20|22):[0-9]{1,2}\.[0-9]{1,2}$": "pattern.iso_indicator",
}
# A head's name written with the title the document prints before it anyway.
_TITLE_IN_NAME = re.compile(r"^\s*((wakil\s+)?(bupati|wali\s*kota))\b", re.IGNORECASE)
_THOUSANDS = re.compile(r"^[0-9]{1,3}(\.[0-9]{3})+$")
# An amount written as text: `Rp 769.000.000`, `Rp1.250.000.000,-`, `1,250,000,000`, `Rp 5000`.
# Commas group thousands only from two groups on (`2,500` is two and a half in Indonesian).
_AMOUNT = re.compile(r"^(?:Rp\.?\s*(?P<plain>[0-9]+)|(?:Rp\.?\s*)?(?:"
                     r"(?P<dotted>[0-9]{1,3}(?:\.[0-9]{3})+)(?:,-|,00)?"
                     r"|(?P<commas>[0-9]{1,3}(?:,[0-9]{3}){2,})))$", re.IGNORECASE)


def strict_validator(schema: dict[str, Any]) -> Any:
    """A Draft 2020-12 validator whose `integer` refuses floats (500.0 is not Rp 500) and whose
    `integer`/`number` refuse booleans: used for specs and for cohort manifests."""
    from jsonschema import Draft202012Validator, validators

    def is_integer(_checker: Any, value: Any) -> bool:
        return isinstance(value, int) and not isinstance(value, bool)

    def is_number(_checker: Any, value: Any) -> bool:
        return isinstance(value, int | float) and not isinstance(value, bool)

    checker = Draft202012Validator.TYPE_CHECKER.redefine_many(
        {"integer": is_integer, "number": is_number})
    return validators.extend(Draft202012Validator, type_checker=checker)(schema)


_SCHEMAS: dict[str, tuple[dict[str, Any], Check | None]] = {}
_VALIDATORS: dict[str, Any] = {}


def _framework_schema(framework: Framework) -> tuple[dict[str, Any], Check | None]:
    """The spec schema for `framework` and its quick check (`fastcheck`; None for a schema it
    cannot compile), built once per framework."""
    if framework.identity not in _SCHEMAS:
        from generator.spec.schema import build_schema

        schema = build_schema(framework)
        try:
            quick: Check | None = compile_check(schema)
        except Unsupported:
            quick = None
        _SCHEMAS[framework.identity] = (schema, quick)
    return _SCHEMAS[framework.identity]


def _validator(framework: Framework) -> Any:
    """jsonschema's validator of the spec schema for `framework`, built once, and only when a
    spec fails the quick check (importing jsonschema alone costs ~50 ms of every start)."""
    if framework.identity not in _VALIDATORS:
        _VALIDATORS[framework.identity] = strict_validator(_framework_schema(framework)[0])
    return _VALIDATORS[framework.identity]


_QUICK: dict[str, tuple[dict[str, Any], Check | None]] = {}


def schema_errors(key: str, build: Callable[[], dict[str, Any]], data: Any) -> Iterator[Any]:
    """jsonschema's errors of `data` against the schema `build` makes (built once under
    `key`: "progress", "weights", ...): none, at once, when the compiled quick check passes
    it, so a file that is right costs a few milliseconds and no jsonschema import."""
    if key not in _QUICK:
        schema = build()
        try:
            quick: Check | None = compile_check(schema)
        except Unsupported:
            quick = None
        _QUICK[key] = (schema, quick)
    schema, quick = _QUICK[key]
    if quick is not None and quick(data):
        return iter(())
    if key not in _VALIDATORS:
        _VALIDATORS[key] = strict_validator(schema)
    return iter(_VALIDATORS[key].iter_errors(data))


def framework_named_in(data: dict[str, Any]) -> Framework:
    """The bundled framework a spec's `framework` names, else the default (for helpers that
    see only the data; `check_spec` resolves a framework file too)."""
    named = data.get("framework")
    if isinstance(named, str) and named in bundled_names():
        return bundled_framework(named)
    return default_framework()


@dataclass(frozen=True)
class _DidYouMean:
    """The `; did you mean ...?` of an unknown name, worded only if its problem is shown."""

    name: str
    known: tuple[str, ...]
    fold: bool = False  # compare without case (the candidates keep theirs)

    def __repr__(self) -> str:  # part of the key that merges equal problems: keep it short
        return f"_DidYouMean({self.name!r})"

    def resolve(self) -> object:
        if self.fold:
            spelled = {name.casefold(): name for name in reversed(self.known)}
            close = [spelled[name] for name in suggest(self.name.casefold(), list(spelled))]
        else:
            close = suggest(self.name, list(self.known))
        return ("@msg", "hint.did_you_mean", {"name": close[0]}) if close else ""


class Collector:
    def __init__(self, doc: SpecDocument) -> None:
        self.doc = doc
        self.items: list[Diagnostic] = []

    # Positional-only, so that message parameters such as `code=` cannot collide with them.
    def add(self, severity: Severity, pointer: Pointer, code: str, /, *, key: bool = False,
            **params: object) -> None:
        self._append(severity, pointer, code, key, params)

    def error(self, pointer: Pointer, code: str, /, **params: object) -> None:
        self._append("error", pointer, code, False, params)

    def warn(self, pointer: Pointer, code: str, /, **params: object) -> None:
        self._append("warning", pointer, code, False, params)

    def at(self, span: SourceSpan, severity: Severity, pointer: Pointer, code: str, /,
           **params: object) -> None:
        """A problem at a place inside `pointer`'s value (a picture in a narrative)."""
        self.items.append(Diagnostic(span, severity, format_pointer(pointer), code, params))

    def _append(self, severity: Severity, pointer: Pointer, code: str, key: bool,
                params: dict[str, object]) -> None:
        self.items.append(Diagnostic(self.doc.span(pointer, key=key), severity,
                                     format_pointer(pointer), code, params))

    def results(self) -> list[Diagnostic]:
        """Equal problems once, sorted, capped (`limit_diagnostics`), every one worded."""
        unique: dict[tuple[object, ...], Diagnostic] = {}
        for item in self.items:
            unique.setdefault((item.span, item.severity, item.path, item.code,
                               tuple(sorted(map(str, item.params.items())))), item)
        shown = limit_diagnostics(unique.values())
        for item in shown:
            for name, value in item.params.items():
                if isinstance(value, _DidYouMean):
                    item.params[name] = value.resolve()
        return shown


def validate(doc: SpecDocument, framework: Framework | None = None,
             requirements: Collection[str] = (), *, draw: bool = False) -> list[Diagnostic]:
    """All diagnostics (errors and warnings) for a loaded spec, sorted by position and
    capped (`generator.errors.limit_diagnostics`), against `framework` (default: the
    bundled one the spec names, else the default framework). `requirements` names what the
    documents asked for need besides (`generator.spec.legal.REQUIREMENTS`, from the kinds'
    `requires`).

    `draw`: draw every SVG picture now (`masterplan validate`: what validates renders).
    Without it an SVG is checked (safe, sized) and drawn when a document first shows it,
    with the same positioned error if librsvg cannot: a render that never shows the
    picture (a deck) never draws it."""
    fw = framework or framework_named_in(doc.data)
    out = Collector(doc)
    _schema_errors(doc, out, fw)
    _Rules(doc, out, fw, draw=draw).run()
    if requirements:
        from generator.spec.legal import REQUIREMENTS

        for name in requirements:
            for severity, pointer, code, params in REQUIREMENTS[name](doc.data):
                report = out.error if severity == "error" else out.warn
                report(pointer, code, **params)
    return out.results()


# --- JSON Schema -------------------------------------------------------------------------------

def _schema_errors(doc: SpecDocument, out: Collector, framework: Framework) -> None:
    quick = _framework_schema(framework)[1]
    if quick is not None and quick(doc.data):
        return  # passes: jsonschema would find nothing (and takes ten times as long)
    for error in _validator(framework).iter_errors(doc.data):
        pointer = tuple(error.absolute_path)
        if error.validator == "additionalProperties" and _is_dimension_map(pointer):
            _not_in_framework(error, pointer, out, framework)
        elif error.validator == "enum" and pointer[:2] == ("previous_masterplan", "programs") \
                and pointer[-1:] == ("dimension",):
            out.error(pointer, "framework.dimension_not_in", name=error.instance,
                      framework=framework.name, term=("@text", framework.term.id.lower(),
                                                      framework.term.en),
                      known=", ".join(framework.dimensions),
                      suggestion=_DidYouMean(str(error.instance), tuple(framework.dimensions)))
        else:
            translate_schema_error(error, doc, out)


def _is_dimension_map(pointer: Pointer) -> bool:
    return pointer == ("dimensions",) or (
        len(pointer) == 3 and pointer[0] == "dimensions" and pointer[2] == "sub_dimensions")


def _not_in_framework(error: Any, pointer: Pointer, out: Collector,
                      framework: Framework) -> None:
    """A dimension (or sub-dimension) key the framework does not have."""
    known = tuple(error.schema.get("properties", {}))
    sub = len(pointer) == 3
    term = framework.sub_term if sub else framework.term
    for name in error.instance:
        if name not in known:
            out.add("error", (*pointer, name), "framework.dimension_not_in", key=True,
                    name=name, framework=framework.name,
                    term=("@text", term.id.lower(), term.en), known=", ".join(known),
                    suggestion=_DidYouMean(name, known))


def translate_schema_error(error: Any, doc: SpecDocument, out: Collector) -> None:
    pointer: Pointer = tuple(error.absolute_path)
    kind = error.validator
    value = error.instance
    if kind == "required":
        for name in error.validator_value:
            if isinstance(value, dict) and name not in value:
                out.error(pointer, "schema.required", name=name)
    elif kind == "additionalProperties":
        known = tuple(error.schema.get("properties", {}))
        for name in value:
            if name not in known:
                out.add("error", (*pointer, name), "schema.additional", key=True, name=name,
                        suggestion=_DidYouMean(name, known))
    elif kind == "pattern" and "propertyNames" in error.relative_schema_path:
        # a key breaking `propertyNames`: jsonschema reports the inner `pattern` at the parent
        out.add("error", (*pointer, str(value)), "schema.pattern", key=True, value=value,
                what=("@msg", _pattern_name(error.validator_value)))
    elif kind == "type":
        _type_error(pointer, error.validator_value, value, doc, out)
    elif kind == "enum":
        out.error(pointer, "schema.enum", value=value,
                  allowed=", ".join(str(v) for v in error.validator_value),
                  suggestion=_other_case(value, error.validator_value))
    elif kind == "const":
        out.error(pointer, "schema.const", expected=error.validator_value)
    elif kind == "pattern":
        out.error(pointer, "schema.pattern", value=value,
                  what=("@msg", _pattern_name(error.validator_value)))
    elif kind in ("minimum", "maximum"):
        out.error(pointer, f"schema.{kind}", value=value, limit=error.validator_value)
    elif kind == "minLength":
        out.error(pointer, "schema.min_length")
    elif kind == "maxLength":
        out.error(pointer, "schema.max_length", length=len(value), limit=error.validator_value)
    elif kind == "minItems":
        out.error(pointer, "schema.min_items", limit=error.validator_value)
    elif kind == "maxItems":
        out.error(pointer, "schema.max_items", limit=error.validator_value)
    elif kind == "minProperties":
        out.error(pointer, "schema.min_properties")
    elif kind == "not":  # text where a number belongs: the object names no `scale`
        _type_error(pointer, "number", value, doc, out, graded=True)
    elif kind == "anyOf" and isinstance(value, dict) and "narrative" in error.schema.get(
            "properties", {}):
        out.error(pointer, "schema.status_or_score")
    else:  # pragma: no cover - every keyword the schema uses is handled above
        out.error(pointer, "schema.other", detail=f"{kind}")


def suggest(value: str, candidates: list[str]) -> list[str]:
    """The most likely intended candidate: a transposition (APDB → APBD) first, then difflib."""
    swapped = [c for c in candidates if sorted(c) == sorted(value) and c != value]
    if swapped:
        return swapped[:1]
    return difflib.get_close_matches(value, candidates, n=1, cutoff=0.6)


def _other_case(value: Any, allowed: list[Any]) -> object:
    """"did you mean `selesai`" for `Selesai`: an allowed text that differs only in case."""
    if isinstance(value, str):
        for name in allowed:
            if isinstance(name, str) and name.casefold() == value.casefold():
                return ("@msg", "hint.did_you_mean", {"name": name})
    return ""


def _pattern_name(pattern: str) -> str:
    return _PATTERN_NAMES.get(pattern, "pattern.id")


def _type_error(pointer: Pointer, expected: Any, value: Any, doc: SpecDocument,
                out: Collector, *, graded: bool = False) -> None:
    expected_names = expected if isinstance(expected, list) else [expected]
    raw = doc.raw_scalars.get(pointer)
    shown = f" `{raw}`" if raw is not None else ""
    hint: object = ""
    # `500.000` loads as a float, `1.500.000` as text: both are Indonesian thousands separators
    written = raw if isinstance(value, float) else value if isinstance(value, str) else None
    if "integer" in expected_names and written and thousands_hint(written):
        shown = f" `{written}`"
        hint = thousands_hint(written)
    elif "integer" in expected_names and isinstance(value, str) and amount_hint(value):
        shown = f" `{value}`"
        hint = amount_hint(value)
    elif "string" in expected_names and raw is not None:
        hint = ("@msg", "hint.quote", {"raw": raw})
    elif graded:
        hint = ("@msg", "hint.scale", {"scale": _scale_with_level(value)})
    out.error(pointer, "schema.type",
              expected=("@either", [("@type", name) for name in expected_names]),
              found=("@type", type_name(value)), shown=shown, hint=hint)


def thousands_hint(written: str) -> object:
    """The "write 1250000000" hint for a number written with Indonesian thousands dots
    (`1.250.000.000`), else None; also for a workbook's cells (`generator.sheets`)."""
    if not _THOUSANDS.match(written):
        return None
    whole = int(written.replace(".", ""))
    return ("@msg", "hint.thousands", {"suggestion": whole, "words": _scale_words(whole)})


def amount_hint(written: str) -> object:
    """The "write 1250000000" hint for an amount written as text with `Rp` or with
    thousands commas (`Rp 769.000.000`, `1,250,000,000`), else None."""
    match = _AMOUNT.match(written.strip())
    if match is None:
        return None
    digits = next(group for group in match.groups() if group is not None)
    whole = int(digits.replace(".", "").replace(",", ""))
    return ("@msg", "hint.amount", {"suggestion": whole, "words": _scale_words(whole)})


def _scale_with_level(value: Any) -> str:
    """The built-in scale a grade written without `scale` belongs to (SAKIP by default)."""
    for key, scale in builtin_scales().items():
        if scale.find(value) is not None:
            return key
    return next(iter(SCALES))


def _scale_words(amount: int) -> str:
    for size, word in ((10**12, "triliun"), (10**9, "miliar"), (10**6, "juta"), (10**3, "ribu")):
        if amount >= size:
            number = amount / size
            text = f"{number:.3f}".rstrip("0").rstrip(".").replace(".", ",")
            return f"{text} {word}"
    return str(amount)


# --- cross-field rules -------------------------------------------------------------------------

def _dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _year(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def iter_programs(data: dict[str, Any], framework: Framework | None = None,
                  ) -> Iterator[tuple[Pointer, str, str, dict[str, Any]]]:
    """(pointer, dimension, sub-dimension, program) for every program, in the framework's
    order (default: the bundled framework the data names, else the default one)."""
    fw = framework or framework_named_in(data)
    dimensions = _dict(data.get("dimensions"))
    for dim, subs_of in fw.sub_dimensions.items():
        subs = _dict(_dict(dimensions.get(dim)).get("sub_dimensions"))
        for sub in subs_of:
            for index, program in enumerate(_list(_dict(subs.get(sub)).get("programs"))):
                if isinstance(program, dict):
                    yield (("dimensions", dim, "sub_dimensions", sub, "programs", index),
                           dim, sub, program)


class _Rules:
    def __init__(self, doc: SpecDocument, out: Collector, framework: Framework, *,
                 draw: bool = False) -> None:
        self.draw = draw
        self.doc, self.out, self.data, self.fw = doc, out, doc.data, framework
        period = _dict(_dict(self.data.get("document")).get("period"))
        self.start = _year(period.get("start_year"))
        self.end = _year(period.get("end_year"))
        self.period_ok = (self.start is not None and self.end is not None
                          and self.start <= self.end)
        # (only texts: a list or a mapping where a code belongs fails the schema, not this)
        self.agency_codes = {a.get("code") for a in _list(self.data.get("agencies"))
                             if isinstance(a, dict) and isinstance(a.get("code"), str)}
        self.agency_names = tuple(sorted(c for c in self.agency_codes if isinstance(c, str)))
        self.sources = set(FUNDING_SOURCES) | {
            s.get("code") for s in _list(self.data.get("funding_sources"))
            if isinstance(s, dict) and isinstance(s.get("code"), str)}
        self.source_names = tuple(sorted(c for c in self.sources if isinstance(c, str)))
        self.scales = scales_of(self.data)
        self.citations: list[tuple[Pointer, CiteRef]] = []

    @functools.cached_property
    def walked(self) -> list[tuple[Pointer, Any, dict[str, Any]]]:
        """`schema_values` of the data, walked once for the narratives, the placeholders and
        the pictures."""
        return list(schema_values(self.data))

    def run(self) -> None:
        self.dates()
        self.region()
        self.province_name()
        self.heads()
        self.period()
        self.approval()
        self.readiness()
        self.dimensions()
        self.programs()
        self.phases()
        self.previous_masterplan()
        self.quick_wins()
        enabler_rules.check(self)
        self.vision()
        self.declared_scales()
        self.uniques()
        self.narratives()
        self.references()
        self.placeholders()
        self.pictures()
        self.alignment()

    def dates(self) -> None:
        value = _dict(self.data.get("document")).get("date")
        if isinstance(value, str) and re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value):
            try:
                dt.date.fromisoformat(value)
            except ValueError:
                self.out.error(("document", "date"), "rule.bad_date", value=value)

    # region ------------------------------------------------------------------------------
    def region(self) -> None:
        region = _dict(self.data.get("region"))
        code, kind = region.get("code"), region.get("type")
        kind = kind if isinstance(kind, str) else None  # else the schema's error alone
        if not (isinstance(code, str) and re.fullmatch(r"[0-9]{2}\.[0-9]{2}", code)):
            return
        province, local = code.split(".")
        number = int(local)
        actual = "kabupaten" if 1 <= number <= 69 else "kota" if 71 <= number <= 99 else None
        if actual is None:
            self.out.error(("region", "code"), "rule.region_code_range", code=code)
        elif kind in HEAD_TITLES and kind != actual:
            self.out.error(("region", "type"), "rule.region_code_type", code=code, actual=actual,
                           declared=kind)
        if province not in PROVINCES:
            self.out.error(("region", "code"), "rule.province_code", code=province)
        else:
            name = region.get("province")
            named = province_code(name) if isinstance(name, str) else None
            if named is not None and named != province:
                self.out.warn(("region", "province"), "rule.province_name", code=province,
                              expected=PROVINCES[province], name=name)
        logo = region.get("logo")
        if isinstance(logo, str) and logo:
            from generator.spec.assets import resolve_image

            try:
                resolve_image(self.doc, ("region", "logo"), logo)
            except SpecError as exc:
                self.out.items.extend(exc.diagnostics)
        title = region.get("head_title")
        if isinstance(title, str) and kind in HEAD_TITLES and (
                _norm(title) != _norm(HEAD_TITLES[kind])):
            self.out.warn(("region", "head_title"), "rule.head_title", type=kind,
                          expected=HEAD_TITLES[kind], found=title)

    def province_name(self) -> None:
        """A name that is no province's (the code's agreement is checked in `region`)."""
        region = _dict(self.data.get("region"))
        name, code = region.get("province"), region.get("code")
        if isinstance(name, str) and province_code(name) is None:
            close = closest(name, code[:2] if isinstance(code, str) else None)
            self.out.warn(("region", "province"), "rule.province_unknown", name=name,
                          suggestion=("@msg", "hint.did_you_mean", {"name": close})
                          if close else "")

    def heads(self) -> None:
        """Names of the head and the deputy: no title inside, not the same person."""
        region = _dict(self.data.get("region"))
        names = {key: region.get(key) for key in ("head_name", "deputy_head_name")}
        for key, name in names.items():
            found = _TITLE_IN_NAME.match(name) if isinstance(name, str) else None
            if found:
                self.out.warn(("region", key), "rule.name_with_title", title=found.group(1))
        head, deputy = names["head_name"], names["deputy_head_name"]
        if isinstance(head, str) and isinstance(deputy, str) and _norm(head) == _norm(deputy):
            self.out.warn(("region", "deputy_head_name"), "rule.deputy_is_head", name=deputy)

    def approval(self) -> None:
        """The approval page: see `generator.spec.approval`."""
        from generator.spec.approval import problems

        start, end = (self.start, self.end) if self.period_ok else (None, None)
        for severity, pointer, code, params in problems(self.data, start, end):
            report = self.out.error if severity == "error" else self.out.warn
            report(pointer, code, **params)

    # period ------------------------------------------------------------------------------
    def period(self) -> None:
        pointer = ("document", "period")
        if self.start is not None and self.end is not None:
            if self.end < self.start:
                self.out.error((*pointer, "end_year"), "rule.period_order", start=self.start,
                               end=self.end)
            elif self.end - self.start + 1 > MAX_PERIOD_YEARS:
                self.out.error((*pointer, "end_year"), "rule.period_too_long",
                               years=self.end - self.start + 1, limit=MAX_PERIOD_YEARS)
        rpjmd = _dict(_dict(self.data.get("profile")).get("rpjmd"))
        low, high = _year(rpjmd.get("start_year")), _year(rpjmd.get("end_year"))
        if low is not None and high is not None:
            if high < low:
                self.out.error(("profile", "rpjmd", "end_year"), "rule.period_order", start=low,
                               end=high)
            elif high - low + 1 not in (5, 6):
                self.out.warn(("profile", "rpjmd"), "rule.rpjmd_years", start=low, end=high)

    def beyond(self, year: int | None) -> bool:
        """A target year after the period: context (an RPJPD target), not part of the plan."""
        return year is not None and self.end is not None and self.period_ok and year > self.end

    def in_period(self, pointer: Pointer, year: Any) -> bool:
        value = _year(year)
        if value is None or self.start is None or self.end is None or not self.period_ok:
            return True
        if not self.start <= value <= self.end:
            self.out.error(pointer, "rule.year_outside_period", year=value, start=self.start,
                           end=self.end)
            return False
        return True

    # roadmap phases ----------------------------------------------------------------------
    def phases(self) -> None:
        """Inside the period, in order, neither overlapping nor leaving a gap, from the
        period's first year to its last; names unique. Each problem is reported once, at the
        phase where it shows."""
        phases: list[tuple[Pointer, str, int, int]] = []
        names: dict[str, Pointer] = {}
        for index, item in enumerate(_list(_dict(self.data.get("roadmap")).get("phases"))):
            pointer: Pointer = ("roadmap", "phases", index)
            phase = _dict(item)
            name = phase.get("name")
            if isinstance(name, str):
                if _norm(name) in names:
                    self.out.error((*pointer, "name"), "rule.duplicate_entry", value=name,
                                   first=self._where(names[_norm(name)]))
                else:
                    names[_norm(name)] = (*pointer, "name")
            start, end = _year(phase.get("start_year")), _year(phase.get("end_year"))
            ok = self.in_period((*pointer, "start_year"), start)
            ok = self.in_period((*pointer, "end_year"), end) and ok
            if start is None or end is None or not isinstance(name, str):
                continue
            if end < start:
                self.out.error((*pointer, "end_year"), "rule.period_order", start=start, end=end)
            elif ok:
                phases.append((pointer, name, start, end))
        if not phases or not self.period_ok or len(phases) != len(
                _list(_dict(self.data.get("roadmap")).get("phases"))):
            return  # order and coverage only make sense among phases that are sound
        first_pointer, _name, first_start, _end = phases[0]
        if self.start is not None and first_start != self.start:
            self.out.error((*first_pointer, "start_year"), "rule.phase_first", start=self.start,
                           year=first_start)
        for (_p, previous, low, high), (pointer, name, start, end) in itertools.pairwise(
                phases):
            params = {"name": name, "previous": previous, "years": f"{start}-{end}",
                      "previous_years": f"{low}-{high}"}
            if start < low:
                self.out.error((*pointer, "start_year"), "rule.phase_order", year=start,
                               **params)
            elif start <= high:
                self.out.error((*pointer, "start_year"), "rule.phase_overlap", **params)
            elif start > high + 1:
                gap = f"{high + 1}" if start == high + 2 else f"{high + 1}-{start - 1}"
                self.out.error((*pointer, "start_year"), "rule.phase_gap", years=gap,
                               name=name, expected=high + 1)
        last_pointer, _name, _start, last_end = phases[-1]
        if self.end is not None and last_end != self.end and last_end == max(
                end for *_rest, end in phases):
            self.out.error((*last_pointer, "end_year"), "rule.phase_last", end=self.end,
                           year=last_end)

    # the previous masterplan ---------------------------------------------------------------
    def previous_masterplan(self) -> None:
        """Its period before this plan's; each `continued_as` names a program of this plan,
        and the programs marked `continued` and the previous programs naming them agree."""
        if "previous_masterplan" not in self.data:
            return
        previous = _dict(self.data.get("previous_masterplan"))
        self.previous_period(_dict(previous.get("period")))
        programs: dict[str, tuple[Pointer, dict[str, Any]]] = {
            p["id"]: (pointer, p) for pointer, _d, _s, p in iter_programs(self.data, self.fw)
            if isinstance(p.get("id"), str)}
        program_ids = tuple(sorted(programs))
        named: set[str] = set()
        ids: dict[str, Pointer] = {}
        for index, item in enumerate(_list(previous.get("programs"))):
            pointer: Pointer = ("previous_masterplan", "programs", index)
            item = _dict(item)
            old_id = item.get("id")
            if isinstance(old_id, str):
                if _norm(old_id) in ids:
                    self.out.error((*pointer, "id"), "rule.duplicate_entry", value=old_id,
                                   first=self._where(ids[_norm(old_id)]))
                else:
                    ids[_norm(old_id)] = (*pointer, "id")
            successor = item.get("continued_as")
            if not isinstance(successor, str):
                continue
            named.add(successor)
            if successor not in programs:
                self.out.error((*pointer, "continued_as"), "rule.continued_as_unknown",
                               program=successor,
                               suggestion=_DidYouMean(successor, program_ids))
            elif programs[successor][1].get("status") != "continued":
                self.out.warn((*pointer, "continued_as"), "rule.continued_as_not_continued",
                              program=successor)
        for program_id, (pointer, program) in programs.items():
            if program.get("status") == "continued" and program_id not in named:
                self.out.warn((*pointer, "status"), "rule.continued_not_named", id=program_id)

    def previous_period(self, period: dict[str, Any]) -> None:
        pointer = ("previous_masterplan", "period")
        low, high = _year(period.get("start_year")), _year(period.get("end_year"))
        if low is None or high is None:
            return
        if high < low:
            self.out.error((*pointer, "end_year"), "rule.period_order", start=low, end=high)
            return
        if high - low + 1 > MAX_PERIOD_YEARS:
            self.out.error((*pointer, "end_year"), "rule.period_too_long",
                           years=high - low + 1, limit=MAX_PERIOD_YEARS)
        if not self.period_ok or self.start is None or self.end is None:
            return
        if low >= self.start:
            self.out.error((*pointer, "start_year"), "rule.previous_starts_late",
                           year=low, start=self.start)
        elif high >= self.end:
            self.out.error((*pointer, "end_year"), "rule.previous_ends_late", year=high,
                           end=self.end)

    # readiness ---------------------------------------------------------------------------
    def readiness(self) -> None:
        readiness = _dict(self.data.get("readiness"))
        for area, aspects in self.fw.readiness_aspects.items():
            for aspect in aspects:
                item = _dict(_dict(readiness.get(area)).get(aspect))
                status, score = item.get("status"), item.get("score")
                if isinstance(status, str) and status in STATUS_SCORE_RANGE and (
                        isinstance(score, int | float) and not isinstance(score, bool)):
                    low, high = STATUS_SCORE_RANGE[status]
                    if not low <= score <= high:
                        self.out.warn(("readiness", area, aspect, "score"), "rule.status_score",
                                      status=status, score=score, low=f"{low:g}",
                                      high=f"{high:g}")

    # dimensions and labels ---------------------------------------------------------------
    def dimensions(self) -> None:
        dimensions = _dict(self.data.get("dimensions"))
        for dim, label in self.fw.dimensions.items():
            body = _dict(dimensions.get(dim))
            self.label(("dimensions", dim, "label"), body.get("label"), dim, [label.id, label.en])
            subs = _dict(body.get("sub_dimensions"))
            count = 0
            for sub, sub_label in self.fw.sub_dimensions[dim].items():
                sub_body = _dict(subs.get(sub))
                self.label(("dimensions", dim, "sub_dimensions", sub, "label"),
                           sub_body.get("label"), f"{dim}.{sub}", [sub_label.id, sub_label.en])
                programs = _list(sub_body.get("programs"))
                count += len(programs)
                if not programs and dim in dimensions and sub in subs:
                    self.out.warn(("dimensions", dim, "sub_dimensions", sub),
                                  "quality.sub_dimension_no_program")
            if count == 0 and dim in dimensions:
                self.out.warn(("dimensions", dim), "quality.dimension_no_program",
                              dimension=label.id)

    def label(self, pointer: Pointer, label: Any, key: str, standard: list[str]) -> None:
        if not isinstance(label, str):
            return
        accepted = {_norm(s) for s in standard} | {_norm(a) for a in self.fw.aliases.get(key, ())}
        if _norm(label) not in accepted:
            self.out.warn(pointer, "rule.label_nonstandard", label=label,
                          standard=" / ".join(dict.fromkeys(standard)))

    # programs ----------------------------------------------------------------------------
    def programs(self) -> None:
        for pointer, _dim, _sub, program in iter_programs(self.data, self.fw):
            start, end = _year(program.get("start_year")), _year(program.get("end_year"))
            ok = self.in_period((*pointer, "start_year"), start)
            ok = self.in_period((*pointer, "end_year"), end) and ok
            if start is not None and end is not None and end < start:
                self.out.error((*pointer, "end_year"), "rule.period_order", start=start, end=end)
                ok = False
            if ok and start is not None and end is not None:
                self.horizon(pointer, program.get("horizon"), start, end)
            self.agency((*pointer, "lead_opd"), program.get("lead_opd"))
            for index, opd in enumerate(_list(program.get("supporting_opds"))):
                self.agency((*pointer, "supporting_opds", index), opd)
            indicators = _list(program.get("indicators"))
            if "indicators" not in program or not indicators:
                self.out.warn(pointer, "quality.program_no_indicator")
            for i, indicator in enumerate(indicators):
                self.indicator((*pointer, "indicators", i), _dict(indicator), start, end)
            budget = _list(program.get("budget"))
            if not budget:
                self.out.warn(pointer, "quality.program_no_budget")
            self.budget_lines((*pointer, "budget"), budget, start, end)

    def indicator(self, pointer: Pointer, indicator: dict[str, Any], start: int | None,
                  end: int | None, what: str = "program") -> None:
        scale = self.scale((*pointer, "scale"), indicator.get("scale"))
        targets = _dict(indicator.get("targets"))
        keys = {int(k): k for k in targets if k.isdigit()}
        years = sorted(keys)
        for year in years:
            year_pointer = (*pointer, "targets", keys[year])
            if not self.beyond(year) and self.in_period(year_pointer, year):
                self.within_program(year_pointer, year, start, end, what)
            self.level(year_pointer, scale, targets[keys[year]])
        if "baseline" in indicator:
            self.level((*pointer, "baseline"), scale, indicator["baseline"])
        planned = [year for year in years if not self.beyond(year)]
        if years and end is not None and start is not None and start <= end and (
                end not in planned and (not planned or max(planned) < end)):
            self.out.warn((*pointer, "targets"), "quality.indicator_no_target_end", year=end)
        baseline_year = _year(indicator.get("baseline_year"))
        if baseline_year is not None and years and baseline_year > years[0]:
            self.out.warn((*pointer, "baseline_year"), "rule.baseline_after_target",
                          year=baseline_year, first=years[0])

    def budget_lines(self, pointer: Pointer, lines: list[Any], start: int | None,
                     end: int | None, what: str = "program") -> None:
        for index, line in enumerate(lines):
            line = _dict(line)
            year_pointer = (*pointer, index, "year")
            if self.in_period(year_pointer, line.get("year")):
                self.within_program(year_pointer, _year(line.get("year")), start, end, what)
            source = line.get("source")
            if isinstance(source, str) and source not in self.sources:
                self.out.error((*pointer, index, "source"), "rule.unknown_source",
                               source=source, known=", ".join(sorted(FUNDING_SOURCES)),
                               suggestion=_DidYouMean(source, self.source_names))

    def within_program(self, pointer: Pointer, year: int | None, start: int | None,
                       end: int | None, what: str = "program") -> None:
        if year is not None and start is not None and end is not None and not (
                start <= year <= end):
            years = str(start) if start == end else f"{start}-{end}"
            self.out.warn(pointer, f"rule.year_outside_{what}", year=year, years=years)

    def horizon(self, pointer: Pointer, horizon: Any, start: int, end: int) -> None:
        """Judged by duration, whatever the start year: short at most SHORT_YEARS, medium at
        most MEDIUM_YEARS (one RPJMD: 2027-2031 in a 2026-2035 plan is medium), long longer
        or running past the period's year MEDIUM_YEARS."""
        if not isinstance(horizon, str) or horizon not in HORIZONS or self.start is None or (
                not self.period_ok):
            return
        years = end - start + 1
        last_medium_year = self.start + MEDIUM_YEARS - 1
        fits = {"short": years <= SHORT_YEARS, "medium": years <= MEDIUM_YEARS,
                "long": years > MEDIUM_YEARS or end > last_medium_year}[horizon]
        if not fits:
            expected = {"short": ("hint.horizon_at_most", {"years": SHORT_YEARS}),
                        "medium": ("hint.horizon_at_most", {"years": MEDIUM_YEARS}),
                        "long": ("hint.horizon_long", {"years": MEDIUM_YEARS,
                                                       "year": last_medium_year})}[horizon]
            self.out.warn((*pointer, "horizon"), "rule.horizon_years",
                          horizon=HORIZONS[horizon].id.lower().replace("jangka ", ""),
                          horizon_en=HORIZONS[horizon].en.lower(),
                          expected=("@msg", *expected), start=start, end=end, years=years)

    def scale(self, pointer: Pointer, name: Any) -> Scale | None:
        """The scale an indicator or target names (None when it names none or an unknown)."""
        if not isinstance(name, str):
            return None
        if name not in self.scales:
            self.out.error(pointer, "rule.unknown_scale", scale=name,
                           known=", ".join(self.scales),
                           suggestion=_DidYouMean(name, tuple(self.scales)))
            return None
        return self.scales[name]

    def level(self, pointer: Pointer, scale: Scale | None, value: Any) -> None:
        if scale is None or isinstance(value, bool) or not isinstance(value, str | int | float):
            return  # no scale, or a value the schema already refused
        if scale.find(value) is None:
            self.out.error(pointer, "rule.not_a_level", value=value, scale=scale.key,
                           levels=", ".join(scale.codes()),
                           suggestion=_DidYouMean(str(value), tuple(scale.codes())))

    def agency(self, pointer: Pointer, name: Any) -> None:
        if (isinstance(name, str) and self.agency_codes and re.fullmatch(r"[A-Z][A-Z0-9_-]*", name)
                and name not in self.agency_codes):
            self.out.warn(pointer, "rule.unknown_agency", agency=name,
                          suggestion=_DidYouMean(name, self.agency_names))

    # quick wins --------------------------------------------------------------------------
    def quick_wins(self) -> None:
        programs = {p.get("id") for _ptr, _d, _s, p in iter_programs(self.data, self.fw)
                    if isinstance(p.get("id"), str)}
        program_ids = tuple(sorted(p for p in programs if isinstance(p, str)))
        quick_wins = _list(self.data.get("quick_wins"))
        if "quick_wins" in self.data and isinstance(self.data["quick_wins"], list) and (
                len(quick_wins) < 3):
            if quick_wins:
                self.out.warn(("quick_wins",), "quality.few_quick_wins", count=len(quick_wins))
            else:
                self.out.warn(("quick_wins",), "quality.no_quick_wins")
        for index, item in enumerate(quick_wins):
            if not isinstance(item, dict):
                continue
            pointer: Pointer = ("quick_wins", index)
            program = item.get("program")
            if isinstance(program, str) and program not in programs:
                self.out.error((*pointer, "program"), "rule.quick_win_program", program=program,
                               suggestion=_DidYouMean(program, program_ids))
            start, end = _year(item.get("start_year")), _year(item.get("end_year"))
            if self.in_period((*pointer, "start_year"), start) and (
                    start is not None and self.start is not None and self.period_ok
                    and start > self.start + 1):
                self.out.error((*pointer, "start_year"), "rule.quick_win_late",
                               start=self.start, latest=self.start + 1, year=start)
            self.in_period((*pointer, "end_year"), end)
            if start is not None and end is not None and end < start:
                self.out.error((*pointer, "end_year"), "rule.period_order", start=start, end=end)
            if not _list(item.get("kpis")):
                self.out.warn(pointer, "quality.quick_win_no_kpi")
            self.agency((*pointer, "owner_opd"), item.get("owner_opd"))
            for i, opd in enumerate(_list(item.get("supporting_opds"))):
                self.agency((*pointer, "supporting_opds", i), opd)
            self.budget_lines((*pointer, "budget"), _list(item.get("budget")), start, end,
                              "quick_win")

    def vision(self) -> None:
        for index, target in enumerate(_list(_dict(self.data.get("vision")).get("targets"))):
            pointer: Pointer = ("vision", "targets", index)
            target = _dict(target)
            if not self.beyond(_year(target.get("year"))):
                self.in_period((*pointer, "year"), target.get("year"))
            scale = self.scale((*pointer, "scale"), target.get("scale"))
            if "value" in target:
                self.level((*pointer, "value"), scale, target["value"])

    def declared_scales(self) -> None:
        """A spec's own scales: not a built-in name, no level twice (ids: `uniques`)."""
        for index, item in enumerate(_list(self.data.get("scales"))):
            item = _dict(item)
            key = item.get("id")
            if isinstance(key, str) and key in SCALES:
                self.out.error(("scales", index, "id"), "rule.scale_builtin", scale=key)
            seen: dict[str, Pointer] = {}
            for number, level in enumerate(_list(item.get("levels"))):
                code = _dict(level).get("code")
                if not isinstance(code, str):
                    continue
                at: Pointer = ("scales", index, "levels", number, "code")
                if _norm(code) in seen:
                    self.out.error(at, "rule.duplicate_entry", value=code,
                                   first=self._where(seen[_norm(code)]))
                else:
                    seen[_norm(code)] = at

    # uniqueness --------------------------------------------------------------------------
    def uniques(self) -> None:
        seen: dict[str, Pointer] = {}
        entries: list[tuple[Pointer, Any]] = [
            ((*pointer, "id"), program.get("id"))
            for pointer, _d, _s, program in iter_programs(self.data, self.fw)]
        entries += [(("quick_wins", i, "id"), _dict(q).get("id"))
                    for i, q in enumerate(_list(self.data.get("quick_wins")))]
        entries += enabler_rules.id_entries(self.data)
        for pointer, value in entries:
            if not isinstance(value, str):
                continue
            if value in seen:
                self.out.error(pointer, "rule.duplicate_id", id=value,
                               first=self._where(seen[value]))
            else:
                seen[value] = pointer
        for list_key, field_key in (("agencies", "code"), ("funding_sources", "code"),
                                    ("glossary", "term"), ("scales", "id"),
                                    ("references", "id")):
            names: dict[str, Pointer] = {}
            for i, item in enumerate(_list(self.data.get(list_key))):
                value = _dict(item).get(field_key)
                if not isinstance(value, str):
                    continue
                pointer = (list_key, i, field_key)
                if _norm(value) in names:
                    self.out.error(pointer, "rule.duplicate_entry", value=value,
                                   first=self._where(names[_norm(value)]))
                else:
                    names[_norm(value)] = pointer
        program_names: dict[str, Pointer] = {}
        for pointer, _d, _s, program in iter_programs(self.data, self.fw):
            name = program.get("name")
            if isinstance(name, str):
                at = (*pointer, "name")
                if _norm(name) in program_names:
                    self.out.warn(at, "rule.duplicate_program_name", name=name,
                                  first=self._where(program_names[_norm(name)]))
                else:
                    program_names[_norm(name)] = at
        for pointer, _d, _s, program in iter_programs(self.data, self.fw):
            names = {}
            for i, indicator in enumerate(_list(program.get("indicators"))):
                value = _dict(indicator).get("name")
                if isinstance(value, str):
                    at = (*pointer, "indicators", i, "name")
                    if _norm(value) in names:
                        self.out.error(at, "rule.duplicate_entry", value=value,
                                       first=self._where(names[_norm(value)]))
                    else:
                        names[_norm(value)] = at

    def _where(self, pointer: Pointer) -> str:
        span = self.doc.span(pointer)
        return f"{format_pointer(pointer)} ({span.line}:{span.col})"

    # what `enabler_rules` borrows ---------------------------------------------------------
    where = _where

    def did_you_mean(self, name: str, known: tuple[str, ...]) -> object:
        return _DidYouMean(name, known)

    def program_ids(self) -> set[str]:
        return {p["id"] for _ptr, _d, _s, p in iter_programs(self.data)
                if isinstance(p.get("id"), str)}

    # narratives and pictures -------------------------------------------------------------
    def narratives(self) -> None:
        """An empty or whitespace-only Markdown field is a quality warning; a picture it
        names must stand alone in its paragraph and be a readable file in the folder."""
        from generator.spec.markdown import MAX_PICTURES, names_nothing, parse, problem

        for pointer, value in _markdown_in(self.walked):
            if not value.strip():
                self.out.warn(pointer, "quality.empty_text")
                continue
            found = problem(value)
            if found:
                self.out.error(pointer, found[0], **found[1])
                continue
            if names_nothing(value):  # most narratives: no need to parse them here
                continue
            parsed = parse(value)
            self.citations += [(pointer, ref) for ref in parsed.citations]
            refs = parsed.images
            if len(refs) > MAX_PICTURES:
                self.out.error(pointer, "markdown.too_many_pictures", count=len(refs),
                               limit=MAX_PICTURES)
                continue
            for ref in refs:
                self.narrative_picture(pointer, ref)

    def references(self) -> None:
        """A citation names a reference (its key, regardless of case); a reference nobody
        cites is a quality warning."""
        keys: dict[str, tuple[int, str]] = {}  # casefolded → (index, as written)
        for index, item in enumerate(_list(self.data.get("references"))):
            key = _dict(item).get("id")
            if isinstance(key, str):
                keys.setdefault(key.casefold(), (index, key))
        known = tuple(sorted(key for _index, key in keys.values()))
        cited: set[str] = set()
        for pointer, ref in self.citations:  # found by `narratives`
            cited.add(ref.key.casefold())
            if ref.key.casefold() not in keys:
                self.unknown_citation(pointer, ref, known)
        for folded, (index, key) in sorted(keys.items(), key=lambda item: item[1][0]):
            if folded not in cited:
                self.out.warn(("references", index, "id"), "quality.uncited_reference", key=key)

    def unknown_citation(self, pointer: Pointer, ref: CiteRef, known: tuple[str, ...]) -> None:
        span = self.doc.span_within(pointer, f"@{ref.key}", back_to="[")
        self.out.at(span, "error", pointer, "rule.unknown_reference", key=ref.key,
                    suggestion=_DidYouMean(ref.key, known, fold=True))

    def narrative_picture(self, pointer: Pointer, ref: ImageRef) -> None:
        span = self.doc.span_within(pointer, f"]({ref.src}", ref.src, back_to="![")
        if not ref.standalone:
            self.out.at(span, "error", pointer, "markdown.image_inline", name=ref.src)
            return
        if self.picture_file(pointer, ref.src, span) and not ref.alt.strip():
            self.out.at(span, "warning", pointer, "quality.figure_no_alt", name=ref.src,
                        hint=("@msg", "hint.alt_markdown"))

    def pictures(self) -> None:
        """The figure fields (a region's map, the organisation chart, mock-ups)."""
        for pointer, item in _pictures_in(self.walked):
            name = item.get("file")
            if not isinstance(name, str) or not name:
                continue
            if self.picture_file((*pointer, "file"), name) and not (
                    isinstance(item.get("alt"), str) and item["alt"].strip()):
                self.out.warn(pointer, "quality.figure_no_alt", name=name,
                              hint=("@msg", "hint.alt_field"))

    def picture_file(self, pointer: Pointer, name: str, span: SourceSpan | None = None) -> bool:
        from generator.spec.assets import resolve_image

        try:
            resolve_image(self.doc, pointer, name, svg=True, span=span, draw=self.draw)
        except SpecError as exc:
            self.out.items.extend(exc.diagnostics)
            return False
        return True


    # placeholders -------------------------------------------------------------------------
    def placeholders(self) -> None:
        """What is still the starter's example (`masterplan init`): a warning at each place,
        so an untouched starter passes `validate` but fails `--strict`."""
        # imported here: `python -m generator.spec.schema` must not find itself imported
        from generator.spec.schema import PLACEHOLDER
        from generator.spec.starter import STARTER_REGIONS

        for pointer, value, node in _strings_in(self.walked):
            examples = node.get("examples")
            if node.get(PLACEHOLDER) and examples and _norm(value) == _norm(str(examples[0])):
                self.out.warn(pointer, "quality.placeholder", value=_shorten(value),
                              what=("@text", _what(node, "description"),
                                    _what(node, "x-description-en")))
        region = _dict(self.data.get("region"))
        name, code = region.get("name"), region.get("code")
        if isinstance(name, str) and _norm(name) in {
                _norm(r.placeholder) for r in STARTER_REGIONS.values()}:
            node = _schema()["properties"]["region"]["properties"]["name"]
            self.out.warn(("region", "name"), "quality.placeholder", value=name,
                          what=("@text", _what(node, "description"),
                                _what(node, "x-description-en")))
        for kind, starter in STARTER_REGIONS.items():
            if code == starter.code and isinstance(name, str) and (
                    _norm(_without_type(name)) != _norm(starter.code_name)):
                self.out.warn(("region", "code"), "quality.placeholder_code", code=code,
                              type=kind.capitalize(),
                              code_name=starter.code_name, name=name)


    # alignment -----------------------------------------------------------------------------
    def alignment(self) -> None:
        """Every RPJMD id once; each goal, target and regional program names a declared parent;
        each program's `aligns.rpjmd` names declared items, its `aligns.spbe` SPBE codes; each
        `iso` (an indicator's, a program's `iso37122`) an indicator the standard has."""
        rpjmd = _dict(_dict(self.data.get("profile")).get("rpjmd"))
        base: Pointer = ("profile", "rpjmd")
        kinds = {"missions": _RPJMD_KINDS["mission"], "goals": _RPJMD_KINDS["goal"],
                 "targets": _RPJMD_KINDS["target"], "programs": _RPJMD_KINDS["program"]}
        ids: dict[str, dict[str, Pointer]] = {key: {} for key in kinds}
        every: dict[str, Pointer] = {}
        for key in kinds:
            for index, item in enumerate(_list(rpjmd.get(key))):
                item_id = _dict(item).get("id")
                if not isinstance(item_id, str):
                    continue
                pointer: Pointer = (*base, key, index, "id")
                if item_id in every:
                    self.out.error(pointer, "rule.duplicate_id", id=item_id,
                                   first=self._where(every[item_id]))
                    continue
                every[item_id] = pointer
                ids[key][item_id] = pointer
        for key, parent_key, field in (("goals", "missions", "mission"),
                                       ("targets", "goals", "goal"),
                                       ("programs", "targets", "target")):
            for index, item in enumerate(_list(rpjmd.get(key))):
                parent = _dict(item).get(field)
                if isinstance(parent, str) and parent not in ids[parent_key]:
                    what = kinds[parent_key]
                    self.out.error((*base, key, index, field), "rule.rpjmd_unknown", id=parent,
                                   what=("@text", what[0], what[1]),
                                   suggestion=_DidYouMean(parent, tuple(ids[parent_key])))
        known = tuple(every)
        spbe = tuple(SPBE)
        iso_numbers = iso_37122_numbers()
        for pointer, _dim, _sub, program in iter_programs(self.data):
            aligns = _dict(program.get("aligns"))
            for index, link in enumerate(_list(aligns.get("rpjmd"))):
                if isinstance(link, str) and link not in every:
                    self.out.error((*pointer, "aligns", "rpjmd", index), "rule.rpjmd_unknown",
                                   id=link, what=("@text", *_RPJMD_KINDS["any"]),
                                   suggestion=_DidYouMean(link, known))
            for index, code in enumerate(_list(aligns.get("spbe"))):
                if isinstance(code, str) and code not in SPBE:
                    self.out.error((*pointer, "aligns", "spbe", index), "rule.spbe_unknown",
                                   code=code, known=", ".join(spbe),
                                   suggestion=_DidYouMean(code, spbe))
            for index, number in enumerate(_list(program.get("iso37122"))):
                if isinstance(number, str) and number not in iso_numbers:
                    self.out.error((*pointer, "iso37122", index), "rule.iso_unknown",
                                   value=number, standard=ISO_STANDARDS["37122"].id,
                                   suggestion=_DidYouMean(number, iso_numbers))
            for index, indicator in enumerate(_list(program.get("indicators"))):
                value = _dict(indicator).get("iso")
                parts = iso_parts(value) if isinstance(value, str) else None
                if parts is not None and isinstance(value, str) and not iso_known(value):
                    standard = parts[0]
                    # a number of the same clause first (10.9 → 10.4, not 19.9)
                    same = tuple(n for n in iso_numbers if n.split(".")[0] == str(parts[1]))
                    choices = tuple(f"37122:{n}" for n in same or iso_numbers) if (
                        standard == "37122") else ()
                    self.out.error((*pointer, "indicators", index, "iso"), "rule.iso_unknown",
                                   value=value, standard=ISO_STANDARDS[standard].id,
                                   suggestion=_DidYouMean(value, choices))


# What an RPJMD id names, as `rule.rpjmd_unknown` says it (Indonesian, English).
_RPJMD_KINDS: dict[str, tuple[str, str]] = {
    "mission": ("misi", "a mission"), "goal": ("tujuan", "a goal"),
    "target": ("sasaran", "a target"), "program": ("program daerah", "a regional program"),
    "any": ("butir RPJMD (misi, tujuan, sasaran atau program daerah)",
            "an RPJMD item (mission, goal, target or regional program)"),
}


def _what(node: dict[str, Any], key: str) -> str:
    """A field's description as the name of what to write: `Latar belakang. (Markdown)` →
    `Latar belakang`."""
    return str(node.get(key, "")).removesuffix(" (Markdown)").rstrip(".")


def _shorten(text: str, limit: int = 60) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[:limit - 1].rstrip() + "…"


def _without_type(name: str) -> str:
    return re.sub(r"^\s*(kabupaten|kota)\s+", "", name, flags=re.IGNORECASE)


_Walked = Iterable[tuple[Pointer, Any, dict[str, Any]]]


def markdown_values(data: dict[str, Any]) -> Iterator[tuple[Pointer, str]]:
    """(pointer, text) of every Markdown field (see `schema_values`)."""
    return _markdown_in(schema_values(data))


def schema_strings(data: dict[str, Any]) -> Iterator[tuple[Pointer, str, dict[str, Any]]]:
    """(pointer, text, schema node) of every text value (see `schema_values`)."""
    return _strings_in(schema_values(data))


def picture_values(data: dict[str, Any]) -> Iterator[tuple[Pointer, dict[str, Any]]]:
    """(pointer, object) of every figure field (`$defs/picture`), in no particular order."""
    return _pictures_in(schema_values(data))


def _markdown_in(walked: _Walked) -> Iterator[tuple[Pointer, str]]:
    for pointer, value, node in walked:
        if isinstance(value, str) and node.get("x-markdown"):
            yield pointer, value


def _strings_in(walked: _Walked) -> Iterator[tuple[Pointer, str, dict[str, Any]]]:
    for pointer, value, node in walked:
        if isinstance(value, str):
            yield pointer, value, node


def _pictures_in(walked: _Walked) -> Iterator[tuple[Pointer, dict[str, Any]]]:
    for pointer, value, node in walked:
        if isinstance(value, dict) and node.get("x-picture"):
            yield pointer, value


def schema_values(data: dict[str, Any]) -> Iterator[tuple[Pointer, Any, dict[str, Any]]]:
    """(pointer, value, schema node) of every value, found by walking the data with the
    schema.

    Walking with the schema, not matching key names, keeps a plain-text field that happens
    to share a name with a Markdown one (a target's `description`) out of the Markdown rules.
    """
    schema = _schema()
    defs = schema["$defs"]
    stack: list[tuple[Pointer, Any, dict[str, Any]]] = [((), data, schema)]
    while stack:
        pointer, value, node = stack.pop()
        while "$ref" in node:
            node = defs[node["$ref"].rsplit("/", 1)[-1]]
        yield pointer, value, node
        if isinstance(value, dict):
            properties = node.get("properties", {})
            for key, item in value.items():
                child = properties.get(key) or _any_framework_key(pointer, defs)
                if child is not None:
                    stack.append(((*pointer, key), item, child))
        elif isinstance(value, list) and isinstance(node.get("items"), dict):
            for index, item in enumerate(value):
                stack.append(((*pointer, index), item, node["items"]))


def named_files(data: dict[str, Any]) -> list[str]:
    """Every file a spec names (the logo, figure fields, pictures in narratives), once
    each, in a fixed order: what a batch's cache fingerprints and `watch` watches besides
    the spec. Safe on a spec that has not passed validation (what is malformed is left out)."""
    from generator.spec.markdown import images, problem
    from generator.spec.schema import MAX_TEXT

    names: list[str] = []
    region = data.get("region")
    logo = region.get("logo") if isinstance(region, dict) else None
    if isinstance(logo, str) and logo:
        names.append(logo)
    names += sorted(item["file"] for _pointer, item in picture_values(data)
                    if isinstance(item.get("file"), str) and item["file"])
    for _pointer, text in sorted(markdown_values(data)):
        if len(text) <= MAX_TEXT and problem(text) is None:
            names += [ref.src for ref in images(text) if ref.src]
    return list(dict.fromkeys(names))


@functools.cache
def _schema() -> dict[str, Any]:
    from generator.spec.schema import build_schema

    return build_schema()


def _any_framework_key(pointer: Pointer, defs: dict[str, dict[str, Any]],
                       ) -> dict[str, Any] | None:
    """The schema of a dimension, sub-dimension, readiness area or aspect whose key the
    default framework does not have (a spec of another framework): they all share a shape,
    so the walk finds another framework's narratives and pictures too."""
    if pointer == ("dimensions",):
        return defs[next(k for k in defs if k.startswith("dimension_"))]
    if len(pointer) == 3 and pointer[0] == "dimensions" and pointer[2] == "sub_dimensions":
        return defs["sub_dimension"]
    if pointer == ("readiness",):
        return defs[next(k for k in defs if k.startswith("readiness_") and k != "readiness_aspect")]
    if len(pointer) == 2 and pointer[0] == "readiness":
        return defs["readiness_aspect"]
    return None


def _norm(text: str) -> str:
    return " ".join(text.lower().split())
