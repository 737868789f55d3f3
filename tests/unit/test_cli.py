"""The `masterplan` command line: init → validate round trip, schema, help, version, exit codes,
and the promise that `validate` and `--help` never import the heavy rendering libraries."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import click
import pytest
from helpers import REPO, compact_text, diagnostic_lines, run_cli, run_module, run_python
from jsonschema import Draft202012Validator

from generator import __version__
from generator.cli import main
from generator.commands import validate as validate_command
from generator.spec.schema import build_schema, schema_json
from generator.spec.starter import SCHEMA_FILE_NAME

SCHEMA_FILE = REPO / "schemas" / "masterplan.schema.json"


# --- init → validate -----------------------------------------------------------------------------

# (needle in the starter's text, offset of the value in it, path, message)
STARTER_WARNINGS = {
    "id": [
        ('code: "{code}"', 6, "region.code", "kode `{code}` masih contoh dari `masterplan init`"
         " (kode {Type} {code_name}, bukan `{name}`); tulis kode wilayah Kemendagri daerah Anda"
         " (PP.KK)"),
        ('name: "{name}"', 6, "region.name", "Nama daerah tanpa 'Kabupaten'/'Kota' masih berisi"
         " contoh dari `masterplan init` (`{name}`); ganti dengan isi daerah Anda"),
        ("background: |", 12, "introduction.background", "Latar belakang masih"
         " berisi contoh dari `masterplan init` (`Uraian latar belakang.`); ganti dengan isi"
         " daerah Anda"),
    ],
    "en": [
        ('code: "{code}"', 6, "region.code", "code `{code}` is still the example of `masterplan"
         " init` (the code of {Type} {code_name}, not `{name}`); write your region's Kemendagri"
         " code (PP.KK)"),
        ('name: "{name}"', 6, "region.name", "Region name without 'Kabupaten'/'Kota' still"
         " holds the example of `masterplan init` (`{name}`); replace it with your region's"
         " own"),
        ("background: |", 12, "introduction.background", "Background still holds"
         " the example of `masterplan init` (`Uraian latar belakang.`); replace it with your"
         " region's own"),
    ],
}
DUPLICATE_NAME = {
    "id": "nama program `Mal Pelayanan Publik Digital` sudah dipakai di {first}; beri setiap"
          " program namanya sendiri",
    "en": "program name `Mal Pelayanan Publik Digital` is already used at {first}; give each"
          " program a name of its own",
}


@pytest.mark.parametrize("region_type", ["kabupaten", "kota"])
@pytest.mark.parametrize("lang", ["id", "en"])
def test_an_untouched_starter_is_valid_with_warnings_and_fails_strict(
        tmp_path: Path, region_type: str, lang: str) -> None:
    """A new user must not take the skeleton for a finished spec: no error, but a positioned
    warning at each placeholder (region name and code, narratives, repeated program names),
    so `validate` passes and `validate --strict` fails, in the language asked for."""
    from helpers import position_of

    from generator.spec.starter import STARTER_REGIONS

    spec = tmp_path / "masterplan.yaml"
    created = run_cli("init", "--type", region_type, "--lang", lang, spec)
    assert created.exit_code == 0, created.output
    assert created.stdout == ""
    schema = tmp_path / SCHEMA_FILE_NAME
    assert created.stderr.startswith(("Spec awal ditulis ke", "Starter spec written to"))
    assert str(spec) in created.stderr and str(schema) in created.stderr
    assert schema.read_text(encoding="utf-8") == schema_json()
    text = spec.read_text(encoding="utf-8")
    assert text.startswith(f"# yaml-language-server: $schema={SCHEMA_FILE_NAME}\n")
    assert f'type: "{region_type}"' in text
    assert f'language: "{lang}"' in text

    checked = run_cli("validate", "--lang", lang, spec)
    assert checked.exit_code == 0, checked.output
    lines = diagnostic_lines(checked.stdout)
    assert lines and all(": warning: " in line for line in lines)
    region = STARTER_REGIONS[region_type]
    values = {"code": region.code, "name": region.placeholder, "code_name": region.code_name,
              "Type": region_type.capitalize()}
    for needle, offset, where, message in STARTER_WARNINGS[lang]:
        line, col = position_of(text, needle.format(**values))
        assert (f"{spec}:{line}:{col + offset}: warning: {where}: {message.format(**values)}"
                in lines)
    first = "dimensions.governance.sub_dimensions.public_service.programs[0].name"
    first_at = position_of(text, 'name: "Mal Pelayanan Publik Digital"')
    repeated = [line for line in lines if "sudah dipakai di" in line or "already used at" in line]
    assert len(repeated) == 17  # 18 programs, one name
    assert repeated[0].endswith(DUPLICATE_NAME[lang].format(
        first=f"{first} ({first_at[0]}:{first_at[1] + 6})"))
    counts = {"id": "(0 galat, {n} peringatan)", "en": "(0 error(s), {n} warning(s))"}[lang]
    assert checked.stderr == f"{spec}: valid {counts.format(n=len(lines))}\n"

    strict = run_cli("validate", "--strict", "--lang", lang, spec)
    assert strict.exit_code == 1
    assert diagnostic_lines(strict.stdout) == lines
    assert strict.stderr.startswith(f"{spec}: {'TIDAK valid' if lang == 'id' else 'NOT valid'}")


@pytest.mark.parametrize("region_type", ["kabupaten", "kota"])
@pytest.mark.parametrize("lang", ["id", "en"])
def test_a_starter_with_its_placeholders_filled_in_passes_strict(
        tmp_path: Path, region_type: str, lang: str) -> None:
    from helpers import filled_spec, to_yaml

    spec = tmp_path / "masterplan.yaml"
    spec.write_text(to_yaml(filled_spec(region_type, lang)).text, encoding="utf-8")
    checked = run_cli("validate", "--strict", "--lang", lang, spec)
    assert (checked.exit_code, checked.stdout) == (0, ""), checked.stdout
    summary = {"id": f"{spec}: valid (0 galat, 0 peringatan)\n",
               "en": f"{spec}: valid (0 error(s), 0 warning(s))\n"}
    assert checked.stderr == summary[lang]


@pytest.mark.parametrize("example", ["kabupaten-banyuwangi", "kabupaten-sleman", "kota-makassar",
                                     "minimal"])
def test_the_bundled_examples_stay_strictly_valid(example: str) -> None:
    checked = run_cli("validate", "--strict", REPO / "examples" / example / "masterplan.yaml")
    assert (checked.exit_code, checked.stdout) == (0, "")


def test_the_starters_readiness_comments_give_the_status_bands() -> None:
    from generator.spec.starter import starter_spec

    for lang, words in (("id", "rentang tiap status: kurang 1-2, cukup 2-3, baik 3-4 (batas"),
                        ("en", "the band of each status: kurang 1-2, cukup 2-3, baik 3-4")):
        comments = " ".join(line.strip().lstrip("# ") for line in
                            starter_spec("kabupaten", lang).splitlines()
                            if line.strip().startswith("#"))
        assert words in comments


def test_init_comments_are_in_the_chosen_language(tmp_path: Path) -> None:
    run_cli("init", "--lang", "en", tmp_path / "en.yaml")
    run_cli("init", tmp_path / "id.yaml")
    english = (tmp_path / "en.yaml").read_text(encoding="utf-8")
    indonesian = (tmp_path / "id.yaml").read_text(encoding="utf-8")
    assert "# Region code" not in indonesian
    assert "Replace every example value" in english
    assert "Isi setiap nilai contoh" in indonesian


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_starters_commented_example_of_grades_is_valid(tmp_path: Path, lang: str) -> None:
    """The commented example above `scales: []` (a scale of one's own, an indicator on a
    built-in scale with a target after the period) passes --strict once uncommented."""
    from helpers import filled_spec, to_yaml
    from ruamel.yaml import YAML

    from generator.spec.starter import starter_spec

    lines = starter_spec("kabupaten", lang).splitlines()
    end = lines.index("scales: []")
    start = next(i for i in range(end, 0, -1) if lines[i] == "#   scales:")
    example = json.loads(json.dumps(  # year keys as text, as the loader gives them
        YAML(typ="safe").load("\n".join(line[4:] for line in lines[start:end]))))
    data = filled_spec("kabupaten", lang)
    data["scales"] = example["scales"]
    data["dimensions"]["governance"]["sub_dimensions"]["public_service"]["programs"][0][
        "indicators"] = example["indicators"]
    spec = tmp_path / "masterplan.yaml"
    spec.write_text(to_yaml(data).text, encoding="utf-8")
    checked = run_cli("validate", "--strict", spec)
    assert (checked.exit_code, checked.stdout) == (0, "")


def test_init_refuses_to_overwrite_without_force(tmp_path: Path) -> None:
    spec = tmp_path / "masterplan.yaml"
    spec.write_text("# mine\n", encoding="utf-8")
    refused = run_cli("init", spec)
    assert refused.exit_code == 2
    assert refused.stderr == f"masterplan: {spec} sudah ada; pakai --force untuk menimpanya\n"
    assert spec.read_text(encoding="utf-8") == "# mine\n"
    assert not (tmp_path / SCHEMA_FILE_NAME).exists()
    english = run_cli("init", "--lang", "en", spec)
    assert english.stderr == f"masterplan: {spec} already exists; use --force to overwrite it\n"

    forced = run_cli("init", "--force", spec)
    assert forced.exit_code == 0
    assert spec.read_text(encoding="utf-8").startswith("# yaml-language-server:")


def test_init_keeps_an_unchanged_schema_file_untouched(tmp_path: Path) -> None:
    schema = tmp_path / SCHEMA_FILE_NAME
    schema.write_text(schema_json(), encoding="utf-8")
    before = schema.stat().st_mtime_ns
    assert run_cli("init", tmp_path / "masterplan.yaml").exit_code == 0
    assert schema.stat().st_mtime_ns == before
    schema.write_text("{}", encoding="utf-8")  # an old or edited copy is brought up to date
    assert run_cli("init", "--force", tmp_path / "masterplan.yaml").exit_code == 0
    assert schema.read_text(encoding="utf-8") == schema_json()


def test_init_into_a_new_folder(tmp_path: Path) -> None:
    spec = tmp_path / "kabupaten" / "banyuwangi" / "masterplan.yaml"
    assert run_cli("init", spec).exit_code == 0
    assert run_cli("validate", spec).exit_code == 0


def test_init_round_trip_in_a_real_process(tmp_path: Path) -> None:
    created = run_module("init", "--type", "kota", "spec.yaml", cwd=tmp_path)
    assert created.returncode == 0, created.stderr
    checked = run_module("validate", "spec.yaml", cwd=tmp_path)
    assert checked.returncode == 0, checked.stderr
    assert checked.stdout.startswith("spec.yaml:23:9: warning: region.code: kode `35.78`")
    assert checked.stderr.startswith("spec.yaml: valid (0 galat, ")


# --- schema --------------------------------------------------------------------------------------

def test_schema_command_prints_the_committed_schema() -> None:
    result = run_cli("schema")
    assert result.exit_code == 0
    assert result.stdout == SCHEMA_FILE.read_text(encoding="utf-8")
    assert json.loads(result.stdout) == json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))


def test_schema_command_writes_a_file(tmp_path: Path) -> None:
    target = tmp_path / "out" / "schema.json"
    result = run_cli("schema", "-o", target)
    assert (result.exit_code, result.stdout) == (0, "")
    assert target.read_text(encoding="utf-8") == schema_json()


def test_committed_schema_has_not_drifted_from_the_code() -> None:
    """Regenerate with `python -m generator.spec.schema > schemas/masterplan.schema.json`."""
    assert SCHEMA_FILE.read_text(encoding="utf-8") == schema_json()


def test_schema_is_a_valid_draft_2020_12_schema() -> None:
    schema = build_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    Draft202012Validator.check_schema(schema)


def _property_nodes(node: Any, path: str = "#") -> Iterator[tuple[str, dict[str, Any]]]:
    if isinstance(node, dict):
        for name, prop in (node.get("properties") or {}).items():
            yield f"{path}/properties/{name}", prop
        for key, value in node.items():
            yield from _property_nodes(value, f"{path}/{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _property_nodes(value, f"{path}/{index}")


def test_every_property_has_a_title_and_descriptions_in_both_languages() -> None:
    nodes = list(_property_nodes(build_schema()))
    assert len(nodes) > 100
    missing = [(path, key) for path, prop in nodes
               for key in ("title", "description", "x-description-en") if not prop.get(key)]
    assert missing == []


def test_every_object_in_the_schema_is_closed() -> None:
    """Unknown keys are errors everywhere (a misspelt key must never be silently ignored)."""
    def objects(node: Any) -> Iterator[dict[str, Any]]:
        if isinstance(node, dict):
            if node.get("type") == "object":
                yield node
            for value in node.values():
                yield from objects(value)
        elif isinstance(node, list):
            for value in node:
                yield from objects(value)

    for node in objects(build_schema()):
        assert node.get("additionalProperties") is not None, node.get("title")


def test_the_starter_is_valid_against_the_plain_json_schema(tmp_path: Path) -> None:
    """An editor using only the JSON file (no cross-field rules) accepts the starter too."""
    from generator.spec.load import load_spec_text
    from generator.spec.starter import starter_spec

    validator = Draft202012Validator(json.loads(SCHEMA_FILE.read_text(encoding="utf-8")))
    for region_type in ("kabupaten", "kota"):
        data = load_spec_text(starter_spec(region_type), tmp_path / "s.yaml", "s.yaml").data
        assert list(validator.iter_errors(data)) == []


# --- version, help, usage errors -----------------------------------------------------------------

def test_version() -> None:
    result = run_cli("--version")
    assert (result.exit_code, result.stdout) == (0, f"masterplan, version {__version__}\n")


def _command_names() -> list[str]:
    assert isinstance(main, click.Group)
    return sorted(main.commands)


def test_the_spec_commands_exist() -> None:
    assert {"init", "validate", "schema"} <= set(_command_names())


@pytest.mark.parametrize("flag", ["--help", "-h"])
def test_help_of_the_group(flag: str) -> None:
    result = run_cli(flag)
    assert result.exit_code == 0
    assert "Usage: " in result.stdout
    for name in _command_names():
        assert name in result.stdout


@pytest.mark.parametrize("name", _command_names())
def test_help_of_every_command(name: str) -> None:
    result = run_cli(name, "--help")
    assert result.exit_code == 0, result.output
    assert f"{name} [OPTIONS]" in result.stdout
    assert result.stderr == ""


@pytest.mark.parametrize("args", [
    ["validate"],  # SPECS is required
    ["validate", "--lang", "fr", "x.yaml"],
    ["validate", "--format", "xml", "x.yaml"],
    ["validate", "--no-such-option", "x.yaml"],
    ["init"],
    ["init", "--type", "provinsi", "x.yaml"],
    ["no-such-command"],
    ["schema", "extra-argument"],
])
def test_usage_errors_exit_2_without_a_traceback(args: list[str]) -> None:
    result = run_cli(*args)
    assert result.exit_code == 2, result.output
    assert "Penggunaan:" in result.stderr or "Kesalahan: Opsi" in result.stderr
    assert "Traceback" not in result.output


def test_usage_error_in_a_real_process() -> None:
    process = run_module("validate", "--lang", "fr", "x.yaml")
    assert process.returncode == 2
    assert "Nilai tidak sah untuk '--lang'" in process.stderr
    assert "Traceback" not in process.stderr


def test_validate_several_specs_fails_when_one_fails(tmp_path: Path) -> None:
    good = tmp_path / "good.yaml"
    good.write_text(compact_text(), encoding="utf-8")
    bad = tmp_path / "bad.yaml"
    bad.write_text(compact_text().replace("head_title: Bupati", "head_titel: Bupati"),
                   encoding="utf-8")
    result = run_cli("validate", good, bad)
    assert result.exit_code == 1
    assert [line.split(":")[0] for line in diagnostic_lines(result.stdout)] == [str(bad)]
    assert result.stderr.splitlines() == [
        f"{good}: valid (0 galat, 0 peringatan)", f"{bad}: TIDAK valid (1 galat, 0 peringatan)"]
    assert run_cli("validate", good, good).exit_code == 0


def test_an_internal_error_is_exit_3_without_traceback_unless_debug(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(_path: Path, _framework: str | None = None, _needs: Any = ()) -> list[Any]:
        raise RuntimeError("boom")

    monkeypatch.setattr(validate_command, "collect", broken)
    spec = tmp_path / "spec.yaml"
    spec.write_text(compact_text(), encoding="utf-8")
    result = run_cli("validate", spec)
    assert result.exit_code == 3
    assert result.stderr.startswith("masterplan: internal error: RuntimeError: boom\n")
    assert "Traceback" not in result.output
    debug = run_cli("--debug", "validate", spec)
    assert debug.exit_code == 3
    assert "Traceback" in debug.stderr and "RuntimeError: boom" in debug.stderr


def test_ctrl_c_is_exit_130(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(_path: Path, _framework: str | None = None, _needs: Any = ()) -> list[Any]:
        raise KeyboardInterrupt

    monkeypatch.setattr(validate_command, "collect", interrupted)
    result = run_cli("validate", tmp_path)
    assert (result.exit_code, result.stderr) == (130, "masterplan: interrupted\n")


# --- no heavy imports ----------------------------------------------------------------------------

_IMPORT_PROBE = """
import sys
from generator.cli import main
try:
    main({args!r}, standalone_mode=False)
except SystemExit as exc:
    code = exc.code
else:
    code = 0
heavy = sorted(name for name in sys.modules
               if name.split(".")[0] in {{"weasyprint", "docx", "matplotlib", "PIL", "pydyf"}})
print("CODE", code)
print("HEAVY", ",".join(heavy))
"""


@pytest.mark.parametrize("args", [
    ["validate", "{compact}"],
    ["validate", "--strict", "--format", "json", "{compact}"],
    ["validate", "{hostile}"],
    ["--help"],
    ["validate", "--help"],
    ["init", "--help"],
    ["schema", "--help"],
    ["render", "--help"],
    ["--version"],
])
def test_validate_and_help_never_import_rendering_libraries(args: list[str]) -> None:
    compact = str(REPO / "tests" / "data" / "valid" / "compact.yaml")
    hostile = str(REPO / "tests" / "data" / "hostile" / "budget_thousands.yaml")
    if "render" in args and "render" not in _command_names():
        pytest.skip("no render command yet")
    filled = [arg.format(compact=compact, hostile=hostile) for arg in args]
    process = run_python(_IMPORT_PROBE.format(args=filled))
    assert process.returncode == 0, process.stderr
    report = dict(line.split(" ", 1) for line in process.stdout.splitlines()
                  if line.startswith(("CODE", "HEAVY")))
    assert report["HEAVY"] == "", f"{filled} imported {report['HEAVY']}"
    assert report["CODE"] in {"0", "1", "None"}
