"""The quick schema check (generator/spec/fastcheck.py) says "passes" exactly when jsonschema
finds no error: on every example, and on specs mutated at random places (a wrong type, a
number out of range, a text too long or breaking its pattern, a key too many or missing, a
grade written without its scale...). The validator trusts it to skip jsonschema, so a
mutation it passed and jsonschema refused would be a check dropped."""

from __future__ import annotations

import copy
import random
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from generator.spec.fastcheck import Unsupported, compile_check
from generator.spec.framework import bundled_framework, bundled_names
from generator.spec.load import load_spec, load_spec_text
from generator.spec.schema import build_schema
from generator.spec.starter import starter_spec
from generator.spec.validate import strict_validator

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted(ROOT.glob("examples/*/masterplan.yaml"))
Pointer = tuple[Any, ...]


def _pair(framework: str) -> tuple[Any, Any]:
    schema = build_schema(bundled_framework(framework))
    return compile_check(schema), strict_validator(schema)


def _nodes(value: Any, pointer: Pointer = ()) -> Iterator[Pointer]:
    yield pointer
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _nodes(item, (*pointer, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _nodes(item, (*pointer, index))


def _get(data: Any, pointer: Pointer) -> Any:
    for part in pointer:
        data = data[part]
    return data


# What a mutation puts in a value's place (a function of the value found there).
REPLACEMENTS: list[Callable[[Any], Any]] = [
    lambda v: None, lambda v: True, lambda v: 0, lambda v: -1, lambda v: 2.5, lambda v: 10**15,
    lambda v: "", lambda v: "x" * 5001, lambda v: "2026", lambda v: "abc", lambda v: [],
    lambda v: {}, lambda v: {"unknown_key": 1}, lambda v: [v], lambda v: str(v),
    lambda v: float(v) if isinstance(v, int) and not isinstance(v, bool) else v,
    lambda v: v + 1 if isinstance(v, int) and not isinstance(v, bool) else v,
    lambda v: v[:1] if isinstance(v, str) else v,
    lambda v: v.lower() if isinstance(v, str) else v,
    lambda v: {**v, "zz_extra": "x"} if isinstance(v, dict) else v,
    lambda v: dict(list(v.items())[1:]) if isinstance(v, dict) else v,
    lambda v: v[1:] if isinstance(v, list) else v,
    lambda v: v * 60 if isinstance(v, list) else v,
]


def _mutate(data: dict[str, Any], pointer: Pointer, replace: Callable[[Any], Any],
            ) -> dict[str, Any]:
    mutant = copy.deepcopy(data)
    parent = _get(mutant, pointer[:-1])
    parent[pointer[-1]] = replace(parent[pointer[-1]])
    return mutant


def _mutants(data: dict[str, Any], count: int, seed: int,
             ) -> Iterator[tuple[Pointer, dict[str, Any]]]:
    """`count` copies of `data`, each with one value replaced (`REPLACEMENTS`)."""
    rng = random.Random(seed)  # noqa: S311 - fixed seed: the same mutations on every run
    pointers = [p for p in _nodes(data) if p]
    for _ in range(count):
        pointer = rng.choice(pointers)
        yield pointer, _mutate(data, pointer, rng.choice(REPLACEMENTS))


def _source(name: str) -> tuple[dict[str, Any], str]:
    """A spec's data and framework: an example's folder name, or `starter:TYPE:FRAMEWORK`."""
    if name.startswith("starter:"):
        _, region_type, framework = name.split(":")
        text = starter_spec(region_type, framework=bundled_framework(framework))
        return load_spec_text(text, Path("masterplan.yaml"), "masterplan.yaml").data, framework
    data = load_spec(ROOT / "examples" / name / "masterplan.yaml").data
    return data, str(data.get("framework", "kominfo-2017"))


@pytest.mark.parametrize("framework", bundled_names())
def test_every_bundled_schema_compiles(framework: str) -> None:
    compile_check(build_schema(bundled_framework(framework)))


@pytest.mark.parametrize("spec", EXAMPLES, ids=lambda p: p.parent.name)
def test_the_examples_pass_both(spec: Path) -> None:
    data, framework = _source(spec.parent.name)
    quick, validator = _pair(framework)
    assert quick(data) and validator.is_valid(data)


# (source, mutations): jsonschema takes 5-70 ms a spec, hence samples (seeded: a failure
# repeats); the small example's sample reaches most of the schema's keyword sites
SAMPLES = [("minimal", 250), ("starter:kabupaten:komdigi-2026", 80),
           ("starter:kota:kominfo-2017", 80), ("kabupaten-banyuwangi", 25)]


@pytest.mark.parametrize(("source", "count"), SAMPLES, ids=[name for name, _ in SAMPLES])
def test_mutated_specs_are_judged_alike(source: str, count: int) -> None:
    data, framework = _source(source)
    quick, validator = _pair(framework)
    verdicts = []
    for pointer, mutant in _mutants(data, count, seed=count):
        verdict = validator.is_valid(mutant)
        assert bool(quick(mutant)) == verdict, (pointer, _get(mutant, pointer))
        verdicts.append(verdict)
    assert verdicts.count(False) > count / 4 and verdicts.count(True) > count / 10


def test_grades_without_a_scale_are_judged_alike() -> None:
    """`if`/`then`/`else` and `not`: a grade in words needs the indicator's `scale`."""
    root = build_schema(bundled_framework("kominfo-2017"))
    schema = {"$schema": root["$schema"], "$defs": root["$defs"], "$ref": "#/$defs/indicator"}
    quick, validator = compile_check(schema), strict_validator(schema)
    indicator = {"name": "Indeks", "unit": "indeks", "baseline": 2, "targets": {"2026": 3}}
    judged = []
    for scale in ({}, {"scale": "sakip"}, {"scale": 5}):
        for baseline in ("B", 2, 2.5, True, None, "x" * 501):
            for target in ("A", 3, False, {"2026": 1}):
                item = {**indicator, **scale, "baseline": baseline,
                        "targets": {"2026": target}}
                assert bool(quick(item)) == validator.is_valid(item), item
                judged.append(validator.is_valid(item))
    assert any(judged) and not all(judged)


def test_a_keyword_it_does_not_know_gets_no_quick_check() -> None:
    for schema in ({"const": [1]}, {"format": "date"}, {"patternProperties": {"a": {}}},
                   {"$ref": "https://example.org/other.json"}, {"enum": [[1]]},
                   {"type": "decimal"}):
        with pytest.raises(Unsupported):
            compile_check(schema)


# --- the other files checked against a schema: progress, weights, frameworks, manifests ------

def _other_schemas() -> list[tuple[str, dict[str, Any], list[dict[str, Any]]]]:
    """(name, schema, real documents) of every other file kind `schema_errors` checks."""
    from generator.batch.cohort import build_cohort_schema
    from generator.spec.frameworks import build_framework_schema
    from generator.spec.progress_schema import build_progress_schema
    from generator.spec.weights import BUNDLED, build_weights_schema

    progress = [load_spec(path).data for path in sorted(ROOT.glob("examples/*/progress/*.yaml"))]
    frameworks = [load_spec(path).data
                  for path in sorted((ROOT / "generator/spec/frameworks").glob("*.yaml"))
                  if "--" not in path.name]  # (the mapping tables have a schema of their own)
    manifest = {"cohort": {"year": 2017, "track": "reguler"},
                "specs": ["examples/*/masterplan.yaml"], "exclude": ["examples/minimal/*"],
                "options": {"formats": ["pdf", "docx"]}}
    return [("progress", build_progress_schema(), progress),
            ("weights", build_weights_schema(), [load_spec(BUNDLED).data]),
            ("framework", build_framework_schema(), frameworks),
            ("cohort", build_cohort_schema(), [manifest])]


@pytest.mark.parametrize("kind", ["progress", "weights", "framework", "cohort"])
def test_the_other_schemas_are_judged_alike(kind: str) -> None:
    """`schema_errors` trusts the quick check for these too."""
    name, schema, documents = next(item for item in _other_schemas() if item[0] == kind)
    quick, validator = compile_check(schema), strict_validator(schema)
    assert documents
    verdicts = []
    for number, data in enumerate(documents):
        assert quick(data) and validator.is_valid(data), (name, number)
        for pointer, mutant in _mutants(data, 60, seed=number):
            verdict = validator.is_valid(mutant)
            assert bool(quick(mutant)) == verdict, (name, pointer, _get(mutant, pointer))
            verdicts.append(verdict)
    assert verdicts.count(False) > len(verdicts) / 5
