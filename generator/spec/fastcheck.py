"""A quick yes/no answer to "does this data pass the JSON Schema?", compiled from the schema.

jsonschema checks the complete example in about 70 ms, most of it the bookkeeping that makes
its errors (paths, schema paths, a resolver and a validator object per step): a spec that
passes needs none of it. `compile_check` turns a schema into plain Python closures that say
only whether the data passes, in a few milliseconds; the validator asks jsonschema for the
errors only when this says no, so every message and position still comes from jsonschema.

The check must never pass what jsonschema refuses. It implements exactly the Draft 2020-12
keywords the spec schemas use, with `strict_validator`'s types (no booleans among the
numbers, no floats among the integers); a schema with any other keyword (or a `$ref` outside
its own `$defs`) gets no quick check (`Unsupported`), and jsonschema does all the work as
before. tests/unit/test_fastcheck.py compares both on the examples and on mutated specs.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from typing import Any

Check = Callable[[Any], bool]

# Keywords that only annotate (jsonschema ignores them when validating).
_ANNOTATIONS = frozenset({
    "$schema", "$id", "$defs", "$comment", "title", "description", "examples", "default",
    "deprecated", "readOnly", "writeOnly"})


class Unsupported(Exception):
    """The schema uses something `compile_check` does not implement."""


def _is_integer(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


_TYPES: dict[str, Check] = {
    "object": lambda value: isinstance(value, dict),
    "array": lambda value: isinstance(value, list),
    "string": lambda value: isinstance(value, str),
    "integer": _is_integer,
    "number": _is_number,
    "boolean": lambda value: isinstance(value, bool),
    "null": lambda value: value is None,
}


def _yes(_value: Any) -> bool:
    return True


def _no(_value: Any) -> bool:
    return False


def compile_check(schema: dict[str, Any]) -> Check:
    """A function telling whether a value passes `schema` (raises `Unsupported`)."""
    defs = schema.get("$defs", {})
    compiled: dict[str, Check] = {}

    def ref(target: str) -> Check:
        name = target.removeprefix("#/$defs/")
        if name == target or "/" in name or name not in defs:
            raise Unsupported(f"$ref {target}")
        if name not in compiled:
            compiled[name] = _yes  # a cycle ends in a lookup at run time (below)
            compiled[name] = build(defs[name])
        return lambda value: compiled[name](value)

    def build(node: Any) -> Check:
        if node is True:
            return _yes
        if node is False:
            return _no
        if not isinstance(node, dict):
            raise Unsupported(repr(node))
        checks: list[Check] = []
        for key, value in node.items():
            if key in _ANNOTATIONS or key.startswith("x-") or key in _OBJECT or (
                    key in ("then", "else")):
                continue
            if key == "$ref":
                checks.append(ref(value))
            elif key == "type":
                checks.append(_type(value))
            elif key in _SIMPLE:
                checks.append(_SIMPLE[key](value))
            elif key == "items":
                checks.append(_items(build(value)))
            elif key == "not":
                checks.append(_not(build(value)))
            elif key == "anyOf":
                checks.append(_any([build(item) for item in value]))
            elif key == "if":
                checks.append(_if(build(value), build(node.get("then", True)),
                                  build(node.get("else", True))))
            else:
                raise Unsupported(key)
        if any(key in node for key in _OBJECT):
            checks.append(_object(node, build))
        return _all(checks)

    return build(schema)


def _all(checks: list[Check]) -> Check:
    if not checks:
        return _yes
    if len(checks) == 1:
        return checks[0]
    if len(checks) == 2:
        first, second = checks
        return lambda value: first(value) and second(value)

    def every(value: Any) -> bool:
        for check in checks:  # noqa: SIM110 - a loop: twice as fast as all() of a generator
            if not check(value):
                return False
        return True
    return every


def _not(inner: Check) -> Check:
    return lambda value: not inner(value)


def _any(checks: list[Check]) -> Check:
    return lambda value: any(check(value) for check in checks)


def _if(condition: Check, then: Check, otherwise: Check) -> Check:
    return lambda value: then(value) if condition(value) else otherwise(value)


def _type(names: str | list[str]) -> Check:
    if isinstance(names, str):
        names = [names]
    try:
        tests = [_TYPES[name] for name in names]
    except KeyError as exc:
        raise Unsupported(f"type {exc}") from None
    if len(tests) == 1:
        return tests[0]
    return lambda value: any(test(value) for test in tests)


def _items(item: Check) -> Check:
    def check(value: Any) -> bool:
        if isinstance(value, list):
            for element in value:
                if not item(element):
                    return False
        return True
    return check


def _enum(allowed: list[Any]) -> Check:
    # jsonschema's equality (`_utils.equal`) is Python's for texts and numbers, except that
    # a boolean equals no number; other members would need its rules for containers
    if not all(isinstance(item, str | int | float) and not isinstance(item, bool)
               for item in allowed):
        raise Unsupported("enum of other than texts and numbers")
    members = frozenset(allowed)
    return lambda value: not isinstance(value, bool | list | dict) and value in members


def _const(allowed: Any) -> Check:
    """`const` is an `enum` of one member (jsonschema compares both alike)."""
    return _enum([allowed])


def _frozen(value: Any) -> Any:
    """`value` as a hashable key equal exactly where jsonschema's `equal` finds two values
    equal: a boolean equals no number, `1` equals `1.0`, lists item by item, objects key
    by key."""
    if isinstance(value, bool):
        return ("bool", value)
    if isinstance(value, list):
        return ("list", tuple(_frozen(item) for item in value))
    if isinstance(value, dict):
        return ("dict", frozenset((key, _frozen(item)) for key, item in value.items()))
    return value


def _unique_items(unique: bool) -> Check:
    def check(value: Any) -> bool:
        if not isinstance(value, list):
            return True
        keys = [_frozen(item) for item in value]
        return len(set(keys)) == len(keys)

    return check if unique else _yes


def _pattern(pattern: str) -> Check:
    search = re.compile(pattern).search  # jsonschema searches too (no implicit anchors)
    return lambda value: not isinstance(value, str) or search(value) is not None


def _min_length(limit: int) -> Check:
    return lambda value: not isinstance(value, str) or len(value) >= limit


def _max_length(limit: int) -> Check:
    return lambda value: not isinstance(value, str) or len(value) <= limit


def _min_items(limit: int) -> Check:
    return lambda value: not isinstance(value, list) or len(value) >= limit


def _max_items(limit: int) -> Check:
    return lambda value: not isinstance(value, list) or len(value) <= limit


def _minimum(limit: float) -> Check:
    return lambda value: not _is_number(value) or value >= limit


def _maximum(limit: float) -> Check:
    return lambda value: not _is_number(value) or value <= limit


_SIMPLE: dict[str, Callable[[Any], Check]] = {
    "enum": _enum, "const": _const, "uniqueItems": _unique_items, "pattern": _pattern,
    "minLength": _min_length, "maxLength": _max_length, "minItems": _min_items,
    "maxItems": _max_items, "minimum": _minimum, "maximum": _maximum,
}
_OBJECT = frozenset({"properties", "additionalProperties", "required", "minProperties",
                     "maxProperties", "propertyNames"})


def _object(node: dict[str, Any], build: Callable[[Any], Check]) -> Check:
    """`properties`, `additionalProperties`, `required`, `minProperties`, `maxProperties`,
    `propertyNames` of one schema object, in one pass over the keys."""
    properties = {key: build(value) for key, value in node.get("properties", {}).items()}
    extra = node.get("additionalProperties", True)
    closed = extra is False
    other = None if extra is True or closed else build(extra)
    required = tuple(node.get("required", ()))
    least = node.get("minProperties", 0)
    most = node.get("maxProperties", math.inf)
    names = build(node["propertyNames"]) if "propertyNames" in node else None

    def check(value: Any) -> bool:
        if not isinstance(value, dict):
            return True
        if not least <= len(value) <= most:
            return False
        for name in required:
            if name not in value:
                return False
        for key, item in value.items():
            known = properties.get(key)
            if known is not None:
                if not known(item):
                    return False
            elif closed or (other is not None and not other(item)):
                return False
            if names is not None and not names(key):
                return False
        return True
    return check
