"""Cohort manifests and folder targets: schema, globs, positions, what a folder scan skips."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from helpers import REPO, build_file_tree, position_of
from jsonschema import Draft202012Validator

from generator.batch.cohort import (
    Cohort,
    build_cohort_schema,
    cohort_schema_json,
    is_manifest_bytes,
    resolve_target,
)
from generator.commands.export import export_lang
from generator.commands.report import report_settings
from generator.errors import SpecError, UsageError
from generator.spec.load import load_spec

SCHEMA_FILE = REPO / "schemas" / "cohort.schema.json"
EXAMPLE = REPO / "tests" / "data" / "cohort" / "cohort.yaml"
INVALID = REPO / "tests" / "data" / "cohort" / "invalid.yaml"
SPEC = "region:\n  code: \"35.07\"\n"  # content is irrelevant to target resolution


def test_the_schema_file_is_generated_from_the_code() -> None:
    # regenerate with: python -m generator.batch.cohort > schemas/cohort.schema.json
    assert SCHEMA_FILE.read_text(encoding="utf-8") == cohort_schema_json()
    Draft202012Validator.check_schema(build_cohort_schema())


def test_the_example_manifest_is_valid_against_the_schema_file() -> None:
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    data = load_spec(EXAMPLE).data
    assert list(Draft202012Validator(schema).iter_errors(data)) == []


def test_manifest_globs_excludes_and_options(tmp_path: Path) -> None:
    build_file_tree(tmp_path, {
        "regions/3507/masterplan.yaml": SPEC, "regions/3573/masterplan.yaml": SPEC,
        "regions/draft-1/masterplan.yaml": SPEC, "regions/notes.txt": "x",
        "extra/kota-batu.yaml": SPEC, "cohort.yaml": EXAMPLE.read_text(encoding="utf-8")})
    cohort = resolve_target(tmp_path / "cohort.yaml")
    assert cohort.kind == "manifest" and cohort.year == 2025 and cohort.track == "reguler"
    assert [s.key for s in cohort.specs] == [
        "regions/3507/masterplan.yaml", "regions/3573/masterplan.yaml", "extra/kota-batu.yaml"]
    assert cohort.options["formats"] == ["pdf", "html"]
    assert cohort.option_path("outdir") == (tmp_path / "out").resolve()
    assert cohort.year_span() is not None and cohort.year_span().line == 6


SHARED_OPTIONS = """cohort: {year: 2025}
specs: ["regions/*/masterplan.yaml"]
options:
  formats: [html, docx]
  documents: [summary]
  lang: en
  outdir: laporan
  timeout: 60
  strict: true
  pdf_variant: pdf/a-3b
  template_dir: gaya
  reference_docx: gaya/kop.docx
"""


def _shared(tmp_path: Path) -> Cohort:
    build_file_tree(tmp_path, {"regions/3507/masterplan.yaml": SPEC, "gaya/kop.docx": b"x",
                               "cohort.yaml": SHARED_OPTIONS})
    return resolve_target(tmp_path / "cohort.yaml")


def test_report_takes_the_manifests_options_when_not_given(tmp_path: Path) -> None:
    cohort = _shared(tmp_path)
    settings = report_settings(cohort, {})
    base = tmp_path.resolve()
    assert settings.formats == ("html", "docx") and settings.lang == "en"
    assert settings.outdir == base / "laporan" and settings.timeout == 60.0
    assert settings.strict and settings.pdf_variant == "pdf/a-3b"
    assert settings.template_dir == base / "gaya"
    assert settings.reference_docx == base / "gaya" / "kop.docx"


def test_the_command_line_wins_over_the_manifest(tmp_path: Path) -> None:
    cohort = _shared(tmp_path)
    (tmp_path / "mine").mkdir()
    settings = report_settings(cohort, {
        "formats": "pdf", "outdir": Path("elsewhere"), "lang": "id", "timeout": 5,
        "template_dir": tmp_path / "mine"})
    assert settings.formats == ("pdf",) and settings.lang == "id"
    assert settings.outdir == Path("elsewhere") and settings.timeout == 5.0
    assert settings.template_dir == tmp_path / "mine"
    assert export_lang(cohort, None) == "en" and export_lang(cohort, "id") == "id"


def test_without_a_manifest_the_defaults_apply(tmp_path: Path) -> None:
    build_file_tree(tmp_path, {"a/masterplan.yaml": SPEC})
    settings = report_settings(resolve_target(tmp_path), {})
    assert settings.formats == ("pdf", "html") and settings.lang == "id"
    assert settings.outdir == Path("out") and settings.timeout == 120.0
    assert not settings.strict and settings.pdf_variant is None
    assert settings.template_dir is None and settings.reference_docx is None


def test_a_missing_shared_folder_is_a_usage_error(tmp_path: Path) -> None:
    build_file_tree(tmp_path, {"regions/3507/masterplan.yaml": SPEC,
                               "cohort.yaml": SHARED_OPTIONS})
    with pytest.raises(UsageError, match=r"--template-dir .*gaya: not a folder"):
        report_settings(resolve_target(tmp_path / "cohort.yaml"), {})


def test_a_spec_named_twice_is_taken_once(tmp_path: Path) -> None:
    build_file_tree(tmp_path, {"a/masterplan.yaml": SPEC, "cohort.yaml":
                               'cohort: {year: 2025}\nspecs: ["a/*.yaml", "a/masterplan.yaml",'
                               ' "./a/masterplan.yaml"]\n'})
    assert [s.key for s in resolve_target(tmp_path / "cohort.yaml").specs] == [
        "a/masterplan.yaml"]


def test_an_entry_matching_nothing_is_a_positioned_error(tmp_path: Path) -> None:
    text = 'cohort:\n  year: 2025\nspecs:\n  - "a/*.yaml"\n  - "typo/*.yaml"\n'
    build_file_tree(tmp_path, {"a/masterplan.yaml": SPEC, "cohort.yaml": text})
    with pytest.raises(SpecError) as caught:
        resolve_target(tmp_path / "cohort.yaml")
    [diagnostic] = caught.value.diagnostics
    assert (diagnostic.span.line, diagnostic.span.col) == position_of(text, '"typo/*.yaml"')
    assert diagnostic.code == "cohort.no_match"
    assert "typo/*.yaml" in diagnostic.message("en")


def test_schema_errors_of_a_manifest_are_all_reported_with_positions() -> None:
    text = INVALID.read_text(encoding="utf-8")
    with pytest.raises(SpecError) as caught:
        resolve_target(INVALID)
    found = {(d.code, d.span.line, d.span.col) for d in caught.value.diagnostics}
    assert ("schema.type", *position_of(text, '"2025"')) in found
    assert ("schema.min_items", *position_of(text, "[]")) in found
    assert ("schema.enum", *position_of(text, "odt")) in found
    assert ("schema.additional", *position_of(text, "jobs")) in found


def test_manifests_get_the_loaders_protections(tmp_path: Path) -> None:
    build_file_tree(tmp_path, {"cohort.yaml": "cohort: &c {year: 2025}\nspecs: [*c]\n"})
    with pytest.raises(SpecError) as caught:
        resolve_target(tmp_path / "cohort.yaml")
    assert caught.value.diagnostics[0].code in ("yaml.anchor", "yaml.alias")


def test_a_folder_scan_skips_outdir_hidden_manifests_and_companions(tmp_path: Path) -> None:
    build_file_tree(tmp_path, {
        "b/masterplan.yaml": SPEC, "a/masterplan.yml": SPEC, "top.yaml": SPEC,
        "out/stale.yaml": SPEC, ".git/x.yaml": SPEC, "a/.hidden.yaml": SPEC,
        "cohort.yaml": "cohort: {year: 2025}\nspecs: [a/*.yml]\n",
        "b/progress/2027.yaml": "# a year's progress\nprogress_version: 1\nyear: 2027\n",
        "weights.yaml": "weights_version: 1\nyears: {}\n",
        "masterplan.schema.json": "{}", "README.md": "x"})
    cohort = resolve_target(tmp_path, outdir=tmp_path / "out")
    assert cohort.kind == "folder"
    assert [s.key for s in cohort.specs] == ["top.yaml", "a/masterplan.yml",
                                            "b/masterplan.yaml"]


def test_targets_that_are_not_usable(tmp_path: Path) -> None:
    with pytest.raises(UsageError):
        resolve_target(tmp_path / "missing.yaml")
    (tmp_path / "empty").mkdir()
    with pytest.raises(UsageError):
        resolve_target(tmp_path / "empty")


def test_a_single_spec_is_a_cohort_of_one(tmp_path: Path) -> None:
    build_file_tree(tmp_path, {"masterplan.yaml": SPEC})
    cohort = resolve_target(tmp_path / "masterplan.yaml")
    assert cohort.kind == "spec" and [s.key for s in cohort.specs] == ["masterplan.yaml"]


def test_manifest_detection() -> None:
    assert is_manifest_bytes(b"cohort: {year: 2025}\nspecs:\n  - a.yaml\n")
    assert not is_manifest_bytes(b"region:\n  specs: 1\n")
