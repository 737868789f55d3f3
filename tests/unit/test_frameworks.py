"""Frameworks are data: the bundled files, a framework file of one's own, the spec naming
its framework, the errors of each, `init --framework` and `migrate`."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from helpers import REPO, position_of, run_cli

from generator.spec.framework import BUNDLED_DIR, bundled_framework, bundled_names
from generator.spec.frameworks import check_framework_file, framework_schema_json
from generator.spec.load import load_spec

EXAMPLES = sorted(p.parent.name for p in (REPO / "examples").glob("*/masterplan.yaml"))
MINIMAL = REPO / "examples" / "minimal" / "masterplan.yaml"


def test_the_committed_framework_schema_is_the_generated_one() -> None:
    assert (REPO / "schemas" / "framework.schema.json").read_text("utf-8") \
        == framework_schema_json()


@pytest.mark.parametrize("name", bundled_names())
def test_every_bundled_framework_passes_its_schema_and_rules(name: str) -> None:
    checked = check_framework_file(BUNDLED_DIR / f"{name}.yaml", f"{name}.yaml")
    bundled = bundled_framework(name)
    assert checked.dimensions == bundled.dimensions
    assert checked.sub_dimensions == bundled.sub_dimensions


def test_the_two_bundled_frameworks() -> None:
    assert bundled_names() == ("komdigi-2026", "kominfo-2017")
    old, new = bundled_framework("kominfo-2017"), bundled_framework("komdigi-2026")
    assert list(old.dimensions) == ["governance", "branding", "economy", "living", "society",
                                    "environment"]
    assert [label.id for label in new.dimensions.values()] == [
        "Tata Kelola Birokrasi", "Ekonomi", "Kehidupan Berkota", "Masyarakat", "Lingkungan",
        "Mobilitas"]
    assert new.draft and new.note is not None and "RANCANGAN" in new.note.id
    assert not old.draft and old.note is None
    assert "DRAFT" in (BUNDLED_DIR / "komdigi-2026.yaml").read_text("utf-8")


def test_the_mapping_table_sends_every_key_to_a_place_that_exists() -> None:
    data = load_spec(BUNDLED_DIR / "kominfo-2017--komdigi-2026.yaml").data
    old, new = bundled_framework("kominfo-2017"), bundled_framework("komdigi-2026")
    assert set(data["dimensions"]) == set(old.dimensions)
    assert set(data["dimensions"].values()) <= set(new.dimensions)
    expected = {f"{d}.{s}" for d, subs in old.sub_dimensions.items() for s in subs}
    assert set(data["sub_dimensions"]) == expected
    for value in data["sub_dimensions"].values():
        target = value if isinstance(value, str) else value["to"]
        dim, sub = target.split(".")
        assert sub in new.sub_dimensions[dim], target


def test_nothing_in_the_code_lists_dimension_names() -> None:
    """The 2017 keys live in the framework files only."""
    offenders = []
    for path in (REPO / "generator").rglob("*.py"):
        text = path.read_text("utf-8")
        for word in ('"branding"', "'branding'", '"living"', "Smart Governance", '"BRD"'):
            if word in text:
                offenders.append(f"{path.relative_to(REPO)}: {word}")
    assert offenders == []


# --- a spec's framework, and what goes wrong ---------------------------------------------------

def _spec_with(tmp_path: Path, old: str, new: str) -> Path:
    text = MINIMAL.read_text("utf-8").replace(old, new, 1)
    assert new in text
    path = tmp_path / "masterplan.yaml"
    path.write_text(text, "utf-8")
    return path


@pytest.mark.parametrize("lang", ["id", "en"])
def test_an_unknown_framework_name_is_a_positioned_error(tmp_path: Path, lang: str) -> None:
    path = _spec_with(tmp_path, "\nregion:\n", "\nframework: komdigi-2062\nregion:\n")
    line, col = position_of(path.read_text("utf-8"), "komdigi-2062")
    result = run_cli("validate", path, "--lang", lang)
    assert result.exit_code == 1
    word = "tidak dikenal" if lang == "id" else "unknown framework"
    assert f"{path}:{line}:{col}: error: framework: " in result.stdout
    assert word in result.stdout and "komdigi-2026" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr


def test_a_dimension_the_framework_lacks_is_a_positioned_error(tmp_path: Path) -> None:
    path = _spec_with(tmp_path, "\nregion:\n", "\nframework: komdigi-2026\nregion:\n")
    text = path.read_text("utf-8")
    line, col = position_of(text, "  branding:")
    result = run_cli("validate", path, "--lang", "en")
    assert result.exit_code == 1
    assert (f"{path}:{line}:{col + 2}: error: dimensions.branding: aspect `branding` is not in"
            " the komdigi-2026 framework") in result.stdout


def test_the_framework_option_overrides_the_spec(tmp_path: Path) -> None:
    result = run_cli("validate", MINIMAL, "--framework", "komdigi-2026")
    assert result.exit_code == 1
    assert "dimensions.branding" in result.stdout
    result = run_cli("validate", MINIMAL, "--framework", "kominfo-2016")
    assert result.exit_code == 1
    assert "--framework: error: kerangka `kominfo-2016` tidak dikenal" in result.stdout
    assert "mungkin maksudnya `kominfo-2017`" in result.stdout


def _framework_file(tmp_path: Path, old: str = "", new: str = "") -> Path:
    text = (BUNDLED_DIR / "kominfo-2017.yaml").read_text("utf-8")
    if old:
        assert old in text
        text = text.replace(old, new, 1)
    path = tmp_path / "kerangka.yaml"
    path.write_text(text, "utf-8")
    return path


def test_the_contrast_message_has_indonesian_decimals_in_indonesian(tmp_path: Path) -> None:
    framework = _framework_file(tmp_path, 'colour: "#1f4e79"', 'colour: "#9fc4e9"')
    result = run_cli("validate", MINIMAL, "--framework", framework)
    assert result.exit_code == 1
    assert "kontras 1,82:1, paling sedikit 4,5:1" in result.stdout, result.stdout


@pytest.mark.parametrize(("old", "new", "needle", "message"), [
    ('colour: "#1f4e79"', 'colour: "#9fc4e9"', '"#9fc4e9"',
     "colour #9fc4e9 is too light for white text: contrast 1.82:1, at least 4.5:1"),
    ("code: BRD", "code: GOV", "GOV\n    aliases: [branding",
     "code `GOV` is already the code of dimension `governance`"),
    ("colour: \"#1f4e79\"", "colour: blue", "blue", "`blue`"),
    ("framework_version: 1\n", "framework_version: 1\nlabels:\n  ch_programs: {id: '{x}',"
     " en: Programs}\n", "'{x}'", "must hold the placeholders"),
    ("framework_version: 1\n", "framework_version: 1\nlabels:\n  ch_program: {id: A, en: B}\n",
     "ch_program", "did you mean `ch_programs`?"),
])
def test_a_framework_file_that_fails_is_a_positioned_error(
        tmp_path: Path, old: str, new: str, needle: str, message: str) -> None:
    framework = _framework_file(tmp_path, old, new)
    line, _col = position_of(framework.read_text("utf-8"), needle)
    result = run_cli("validate", MINIMAL, "--framework", framework, "--lang", "en")
    assert result.exit_code == 1
    lines = [x for x in result.stdout.splitlines() if x.startswith(f"{framework}:")]
    assert lines and lines[0].startswith(f"{framework}:{line}:")
    assert message in result.stdout
    assert "Traceback" not in result.stdout + result.stderr


def test_a_spec_names_a_framework_file_beside_it(tmp_path: Path) -> None:
    _framework_file(tmp_path, "Smart Governance, en: Smart Governance}",
                    "Tata Kelola, en: Governance}")
    path = _spec_with(tmp_path, "\nregion:\n", "\nframework: kerangka.yaml\nregion:\n")
    result = run_cli("validate", path)
    assert result.exit_code == 0, result.stdout
    outside = _spec_with(tmp_path, "\nregion:\n",
                         "\nframework: ../kerangka.yaml\nregion:\n")
    result = run_cli("validate", outside, "--lang", "en")
    assert result.exit_code == 1
    assert "framework: file `../kerangka.yaml` is outside" in result.stdout


# --- init ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("region_type", ["kabupaten", "kota"])
def test_init_writes_a_starter_of_the_framework(tmp_path: Path, region_type: str) -> None:
    path = tmp_path / "masterplan.yaml"
    result = run_cli("init", path, "--framework", "komdigi-2026", "--type", region_type)
    assert result.exit_code == 0, result.output
    text = path.read_text("utf-8")
    assert 'framework: "komdigi-2026"' in text
    assert "\n  mobility:\n" in text and "branding" not in text
    assert "MOB-01" in text
    assert "$schema=masterplan.komdigi-2026.schema.json" in text
    assert (tmp_path / "masterplan.komdigi-2026.schema.json").is_file()
    result = run_cli("validate", path)
    assert result.exit_code == 0, result.stdout


def test_init_with_the_default_framework_names_it(tmp_path: Path) -> None:
    path = tmp_path / "masterplan.yaml"
    assert run_cli("init", path).exit_code == 0
    assert 'framework: "kominfo-2017"' in path.read_text("utf-8")
    assert (tmp_path / "masterplan.schema.json").read_text("utf-8") == (
        REPO / "schemas" / "masterplan.schema.json").read_text("utf-8")


# --- migrate ------------------------------------------------------------------------------------

@pytest.mark.parametrize("example", EXAMPLES)
def test_every_example_migrates_to_a_valid_komdigi_spec(tmp_path: Path, example: str) -> None:
    folder = tmp_path / example
    shutil.copytree(REPO / "examples" / example, folder)
    source = folder / "masterplan.yaml"
    target = folder / "baru.yaml"
    result = run_cli("migrate", source, "--framework", "komdigi-2026", "-o", target,
                     "--lang", "en")
    assert result.exit_code == 0, result.stdout
    assert "decisions await you" in result.stderr
    assert all(line.startswith(f"{target}:") for line in result.stdout.splitlines())
    assert ": warning: " in result.stdout
    result = run_cli("validate", target)
    assert result.exit_code == 0, result.stdout
    text = target.read_text("utf-8")
    assert "framework: komdigi-2026" in text and "\n  branding:" not in text
    # the comments of the original stay
    comments = [line.strip() for line in source.read_text("utf-8").splitlines()
                if line.strip().startswith("#") and "dimensi" not in line.lower()]
    kept = [c for c in comments if c in text]
    assert len(kept) >= 0.9 * len(comments)


def test_migrate_renames_ids_and_their_references(tmp_path: Path) -> None:
    folder = tmp_path / "minimal"
    shutil.copytree(REPO / "examples" / "minimal", folder)
    target = folder / "baru.yaml"
    result = run_cli("migrate", folder / "masterplan.yaml", "--framework", "komdigi-2026",
                     "-o", target, "--lang", "en")
    assert result.exit_code == 0
    data = load_spec(target).data
    mobility = data["dimensions"]["mobility"]["sub_dimensions"]["public_transport"]
    assert [p["id"] for p in mobility["programs"]] == ["MOB-03"]
    assert "id `LIV-03` becomes `MOB-03`" in result.stdout
    assert "branding is no longer an aspect" in result.stdout  # each branding program's
    ids = {p["id"] for d in data["dimensions"].values() for s in d["sub_dimensions"].values()
           for p in s.get("programs", [])}
    assert {q["program"] for q in data["quick_wins"]} <= ids
    assert not any(i.startswith(("BRD-", "LIV-03")) for i in ids)


def test_migrate_refuses_a_spec_already_there(tmp_path: Path) -> None:
    result = run_cli("migrate", MINIMAL, "--framework", "kominfo-2017", "-o",
                     tmp_path / "x.yaml", "--lang", "en")
    assert result.exit_code == 1
    assert "already follows the kominfo-2017 framework" in result.output


def _migrated_minimal(tmp_path: Path, lang: str) -> tuple[Path, str]:
    folder = tmp_path / "minimal"
    shutil.copytree(REPO / "examples" / "minimal", folder)
    target = folder / "baru.yaml"
    result = run_cli("migrate", folder / "masterplan.yaml", "--framework", "komdigi-2026",
                     "-o", target, "--lang", lang)
    assert result.exit_code == 0, result.output
    return target, result.stdout


@pytest.mark.parametrize(("lang", "prefix"), [("id", "# MIGRASI: "), ("en", "# MIGRATION: ")])
def test_migrate_writes_each_decision_as_a_comment_above_its_place(
        tmp_path: Path, lang: str, prefix: str) -> None:
    target, stdout = _migrated_minimal(tmp_path, lang)
    lines = target.read_text("utf-8").splitlines()
    comments = [(number, line.strip()[len(prefix):]) for number, line in enumerate(lines, 1)
                if line.strip().startswith(prefix)]
    assert len(comments) >= 5
    for number, text in comments:
        # the warning printed on the terminal is at the first line under the comment block
        below = next(n for n, line in enumerate(lines[number:], number + 1)
                     if not line.strip().startswith("#"))
        shown = [line for line in stdout.splitlines() if line.endswith(f": {text}")]
        assert shown, text
        # (a dimension's warning points at its mapping, the line under its key)
        at = (f"{target}:{below}:", f"{target}:{below + 1}:") \
            if lines[below - 1].rstrip().endswith(":") else (f"{target}:{below}:",)
        assert any(line.startswith(at) for line in shown), (text, below, shown)
    # a renamed program's note sits above its list item, at the dash's indent
    renamed = next(n for n, text in comments if "MOB-03" in text)
    item = next(line for line in lines[renamed:] if not line.strip().startswith("#"))
    assert item.lstrip().startswith("- id:")
    assert lines[renamed - 1].index("#") == item.index("-")


def test_a_migrated_new_dimension_is_a_placeholder_strict_refuses(tmp_path: Path) -> None:
    target, stdout = _migrated_minimal(tmp_path, "id")
    text = target.read_text("utf-8")
    assert "belum diuraikan" not in text
    result = run_cli("validate", target)
    assert result.exit_code == 0, result.stdout
    strict = run_cli("validate", "--strict", target)
    assert strict.exit_code == 1
    for name, what, example in (
            ("current_condition", "Kondisi saat ini", "Uraian kondisi saat ini."),
            ("target_condition", "Kondisi yang diharapkan", "Uraian kondisi yang diharapkan.")):
        line, col = position_of(text, f"{name}: {example}")
        expected = (f"{target}:{line}:{col + len(name) + 2}: warning:"
                    f" dimensions.mobility.{name}: {what} masih berisi contoh")
        assert any(out.startswith(expected) for out in strict.stdout.splitlines()), \
            (expected, strict.stdout)
        assert any(out.startswith(expected) for out in stdout.splitlines())


def test_a_dimension_without_swot_prints_no_empty_swot_table(tmp_path: Path) -> None:
    folder = tmp_path / "kota-makassar"
    shutil.copytree(REPO / "examples" / "kota-makassar", folder)
    target = folder / "baru.yaml"
    assert run_cli("migrate", folder / "masterplan.yaml", "--framework", "komdigi-2026",
                   "-o", target).exit_code == 0
    result = run_cli("render", target, "-f", "html", "-o", tmp_path / "out")
    assert result.exit_code == 0, result.output
    html = next((tmp_path / "out").glob("*.html")).read_text("utf-8")
    chapter = html[html.index('id="bab-analisis"'):html.index('id="bab-visi"')]
    mobility = chapter[chapter.rindex("Mobilitas</h2>"):]
    assert "Analisis SWOT" not in mobility and "<table" not in mobility
    # the five dimensions that have one print it, each under its heading
    assert chapter.count('<table class="swot') == chapter.count("Analisis SWOT</h3>") == 5
