"""generator.spec.load: YAML → plain data plus the 1-based position of every value and key."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from helpers import (
    COMPACT,
    Raw,
    compact_text,
    position_of,
    set_in,
    to_yaml,
    valid_spec,
)

from generator.errors import SourceSpan, SpecError
from generator.spec import load
from generator.spec.load import (
    MAX_SPEC_BYTES,
    format_pointer,
    load_spec,
    load_spec_text,
    read_spec_bytes,
)
from generator.spec.starter import starter_spec


def load_text(text: str) -> load.SpecDocument:
    return load_spec_text(text, Path("spec.yaml"), "spec.yaml")


def load_error(text: str) -> tuple[str, int, int, dict[str, object]]:
    with pytest.raises(SpecError) as info:
        load_text(text)
    [diagnostic] = info.value.diagnostics
    assert diagnostic.severity == "error"
    return diagnostic.code, diagnostic.span.line, diagnostic.span.col, diagnostic.params


# --- data and positions ------------------------------------------------------------------------

def test_every_value_and_key_of_the_starter_is_where_the_writer_put_it() -> None:
    data = valid_spec()
    written = to_yaml(data)
    doc = load_text(written.text)
    assert doc.data == data
    assert doc.spans == written.values
    assert doc.key_spans == written.keys


def test_the_starter_text_loads_to_json_like_data() -> None:
    doc = load_text(starter_spec("kota", "en"))
    assert doc.data["region"]["code"] == "35.78"
    targets = doc.data["dimensions"]["governance"]["sub_dimensions"]["public_service"][
        "programs"][0]["indicators"][0]["targets"]
    assert targets == {"2026": 40, "2030": 100}  # integer keys become strings (JSON's model)


def test_positions_are_one_based_and_point_at_the_first_character() -> None:
    text = "region:\n  code: \"35.10\"\n  name: Banyuwangi\ncohort: {year: 2025}\n"
    doc = load_text(text)
    assert doc.span(("region", "code")) == SourceSpan("spec.yaml", 2, 9)
    assert doc.span(("region", "code"), key=True) == SourceSpan("spec.yaml", 2, 3)
    assert doc.span(("cohort", "year")) == SourceSpan("spec.yaml", *position_of(text, "2025"))
    assert doc.span(("region",)) == SourceSpan("spec.yaml", 2, 3)  # a block mapping: first key
    assert doc.span(("cohort",)) == SourceSpan("spec.yaml", 4, 9)  # a flow mapping: its `{`


def test_an_empty_value_is_placed_at_its_key_not_at_the_next_token() -> None:
    doc = load_text("region:\n  head_name:\n# comment\n\ncohort:\n  year: 2025\n")
    assert doc.data["region"] == {"head_name": None}
    assert doc.span(("region", "head_name")) == SourceSpan("spec.yaml", 2, 3)


def test_span_of_a_missing_pointer_falls_back_to_the_nearest_ancestor() -> None:
    doc = load_text("region:\n  name: Banyuwangi\n")
    assert doc.span(("region", "code")) == SourceSpan("spec.yaml", 2, 3)
    assert doc.span(("nothing", "here")) == SourceSpan("spec.yaml", 1, 1)
    # a key that is missing falls back to the *value* of its parent, not to a key
    assert doc.span(("region", "code"), key=True) == SourceSpan("spec.yaml", 2, 3)


def test_compact_spec_positions_can_be_read_off_the_file() -> None:
    doc = load_spec(COMPACT, "compact.yaml")
    text = compact_text()
    assert doc.span(("quick_wins", 2, "owner_opd")) == SourceSpan(
        "compact.yaml", *position_of(text, "DISKOMINFO, start_year: 2026, end_year: 2027"))
    assert doc.source_bytes == COMPACT.read_bytes()
    assert doc.folder == COMPACT.parent


@pytest.mark.parametrize(("path", "expected"), [
    (("dimensions", "economy", "programs", 2, "id"), "dimensions.economy.programs[2].id"),
    (("quick_wins", 0), "quick_wins[0]"),
    ((), ""),
])
def test_format_pointer(path: tuple[str | int, ...], expected: str) -> None:
    assert format_pointer(path) == expected


# --- scalars -----------------------------------------------------------------------------------

def test_dates_stay_text_and_yaml_1_2_words_stay_text() -> None:
    doc = load_text("date: 2025-11-20\nbad_date: 2025-13-45\ntrack: no\nanswer: yes\nok: on\n")
    assert doc.data == {"date": "2025-11-20", "bad_date": "2025-13-45", "track": "no",
                        "answer": "yes", "ok": "on"}


def test_numbers_keep_their_written_form_for_messages() -> None:
    doc = load_text("a: 500.000\nb: 08123\nc: 0x1F\nd: 1_000\ne: -7\nf: 2.5\n")
    assert doc.data == {"a": 500.0, "b": 8123, "c": 31, "d": 1000, "e": -7, "f": 2.5}
    assert doc.raw_scalars[("a",)] == "500.000"
    assert doc.raw_scalars[("b",)] == "08123"
    assert ("e",) in doc.raw_scalars


def test_quoted_and_explicitly_tagged_scalars_are_text() -> None:
    doc = load_text("a: \"35.10\"\nb: '2026'\nc: !!str 2026\nd: ! 12\ne: !!int \"7\"\n")
    assert doc.data == {"a": "35.10", "b": "2026", "c": "2026", "d": "12", "e": 7}


def test_booleans_and_null() -> None:
    doc = load_text("a: true\nb: False\nc: null\nd: ~\ne:\n")
    assert doc.data == {"a": True, "b": False, "c": None, "d": None, "e": None}


@pytest.mark.parametrize("value", [".nan", ".NaN", ".inf", "-.inf", "+.INF", "!!float 1e400"])
def test_non_finite_numbers_are_refused(value: str) -> None:
    code, line, col, _params = load_error(f"budget:\n  amount: {value}\n")
    assert (code, line, col) == ("yaml.not_finite", 2, 11)


def test_a_bad_explicit_number_is_a_positioned_error() -> None:
    assert load_error("a:\n  b: !!int abc\n")[:3] == ("yaml.bad_number", 2, 6)


def test_a_quoted_merge_key_is_an_ordinary_key() -> None:
    assert load_text("\"<<\": 1\n").data == {"<<": 1}


@pytest.mark.parametrize(("text", "key"), [
    ("true: 1\n", "true"), ("~: 1\n", "~"), ("null: 1\n", "null"), ("1.5: 1\n", "1.5"),
])
def test_keys_must_be_text_or_integers(text: str, key: str) -> None:
    code, line, col, params = load_error(text)
    assert (code, line, col, params) == ("yaml.bad_key", 1, 1, {"key": key})


def test_integer_keys_that_collide_as_text_are_duplicates() -> None:
    code, line, col, params = load_error("targets:\n  2026: 1\n  0x7EA: 2\n")
    assert (code, line, col, params) == ("yaml.duplicate_key", 3, 3,
                                         {"key": "2026", "first": 2})


def test_control_characters_inside_a_value_are_refused_at_the_value() -> None:
    for escape, codepoint in (("\\v", "U+000B"), ("\\f", "U+000C"), ("\\0", "U+0000"),
                              ("\\uFFFE", "U+FFFE"), ("\\e", "U+001B")):
        assert load_error(f"a:\n  b: \"x{escape}y\"\n") == ("yaml.control_char", 2, 6,
                                                            {"char": codepoint})


def test_a_lone_surrogate_escape_is_refused() -> None:
    # libyaml (C parser) refuses the escape itself; the pure-Python parser decodes it and the
    # loader's character check refuses the result. Either way: a positioned error.
    code, line, _col, _params = load_error("a:\n  b: \"x\\ud800y\"\n")
    assert code in {"yaml.control_char", "yaml.bad_escape"}
    assert line == 2


def test_tab_and_newline_escapes_are_fine() -> None:
    assert load_text("a: \"x\\ty\\nz\"\n").data == {"a": "x\ty\nz"}


def test_raw_control_characters_are_positioned_exactly() -> None:
    text = "a: 1\nb: " + "x" * 5000 + "\n" + "c: 1\n" * 10 + "d: abc\x1bdef\n"
    assert load_error(text) == ("yaml.control_char", 13, 7, {"char": "U+001B"})


# --- structure limits --------------------------------------------------------------------------

def test_nesting_up_to_the_limit_loads_and_one_more_level_is_refused() -> None:
    inner = load.MAX_DEPTH - 1  # the root mapping is the first level
    doc = load_text("a: " + "[" * inner + "]" * inner + "\n")
    assert doc.data["a"] is not None
    code, line, col, params = load_error("a: " + "[" * (inner + 1) + "]" * (inner + 1) + "\n")
    assert (code, line, col, params) == ("yaml.too_deep", 1, 4 + inner, {"limit": 32})


def test_block_mapping_nesting_of_1000_levels_is_refused_quickly() -> None:
    text = "".join(" " * level + f"k{level}:\n" for level in range(1000)) + " " * 1000 + "1\n"
    code, line, col, _params = load_error(text)
    assert (code, line, col) == ("yaml.too_deep", 33, 33)


def test_the_node_count_is_capped(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(load, "MAX_NODES", 10)
    load_text("a: [1, 2, 3, 4, 5, 6, 7]\n")  # root, key, list and 7 items: 10 nodes
    assert load_error("a: [1, 2, 3, 4, 5, 6, 7, 8]\n") == (
        "yaml.too_many_nodes", 1, 26, {"limit": 10})


def test_aliases_are_refused_before_anything_walks_them() -> None:
    assert load_error("a: [1]\nb: *a\n") == ("yaml.alias", 2, 4, {"name": "a"})
    assert load_error("a: &x [1]\n") == ("yaml.anchor", 1, 4, {"name": "x"})


# --- reading the file --------------------------------------------------------------------------

def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(SpecError) as info:
        load_spec(tmp_path / "nope.yaml", "nope.yaml")
    [diagnostic] = info.value.diagnostics
    assert (diagnostic.code, str(diagnostic.span)) == ("file.not_found", "nope.yaml:1:1")


def test_a_file_one_byte_over_the_limit_is_refused_unread(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    path.write_bytes(b"#" * (MAX_SPEC_BYTES + 1))
    with pytest.raises(SpecError) as info:
        read_spec_bytes(path, "big.yaml")
    assert info.value.diagnostics[0].code == "file.too_large"
    path.write_bytes(b"#" * MAX_SPEC_BYTES)
    assert len(read_spec_bytes(path, "big.yaml")) == MAX_SPEC_BYTES


def test_a_bom_is_removed_before_positions_are_counted(tmp_path: Path) -> None:
    path = tmp_path / "bom.yaml"
    path.write_bytes("\ufeffcohort: {year: 2025}\n".encode())
    doc = load_spec(path, "bom.yaml")
    assert doc.data == {"cohort": {"year": 2025}}
    assert doc.span(("cohort",), key=True) == SourceSpan("bom.yaml", 1, 1)
    assert doc.span(("cohort", "year")) == SourceSpan("bom.yaml", 1, 16)


@pytest.mark.parametrize(("data", "line", "col", "byte"), [
    (b"a: caf\xe9\n", 1, 7, "0xE9"),
    (b"\xef\xbb\xbfa: 1\nb: caf\xe9\n", 2, 7, "0xE9"),  # offsets after the BOM
    ("a: \u2013\nb: \u201cx\u201d \u2013 ".encode() + b"\x96\n", 2, 10, "0x96"),  # characters
    (b"\xef\xbb", 1, 1, "0xEF"),  # half a BOM
])
def test_not_utf8_points_at_the_first_bad_byte(tmp_path: Path, data: bytes, line: int,
                                               col: int, byte: str) -> None:
    path = tmp_path / "spec.yaml"
    path.write_bytes(data)
    with pytest.raises(SpecError) as info:
        load_spec(path, "spec.yaml")
    [diagnostic] = info.value.diagnostics
    assert (diagnostic.code, diagnostic.span.line, diagnostic.span.col, diagnostic.params) == (
        "yaml.not_utf8", line, col, {"byte": byte})


# --- nothing but SpecError ever leaves the loader ------------------------------------------------

def _mutations() -> list[str]:
    text = compact_text()
    rng = random.Random(20260101)  # noqa: S311 - fixed seed: the same inputs on every run
    cuts = [text[:rng.randrange(len(text))] for _ in range(30)]
    noise = "\t\"'[]{}:,-?&*!|>%@`#\n\x0b\ufeff\u2028\x85\r"
    flips = []
    for _ in range(70):
        index = rng.randrange(len(text))
        flips.append(text[:index] + rng.choice(noise) + text[index + 1:])
    return cuts + flips


def test_any_broken_text_raises_only_spec_errors_with_valid_positions() -> None:
    for text in _mutations():
        try:
            doc = load_text(text)
        except SpecError as exc:
            assert exc.diagnostics
            for diagnostic in exc.diagnostics:
                assert diagnostic.span.line >= 1
                assert diagnostic.span.col >= 1
                diagnostic.format("id")
                diagnostic.format("en")
        else:
            assert isinstance(doc.data, dict)


def test_data_written_with_raw_scalars_round_trips() -> None:
    data = set_in(valid_spec(), "cohort.year", Raw("2025"))
    doc = load_text(to_yaml(data).text)
    assert doc.data["cohort"]["year"] == 2025
