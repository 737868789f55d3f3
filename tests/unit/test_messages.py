"""The diagnostic format `FILE:LINE:COL: error|warning: key.path: message`, in Bahasa Indonesia
(default) and English, the JSON report, and the message catalogue itself."""

from __future__ import annotations

import ast
import importlib
import json
import re
import string
from pathlib import Path

import pytest
from helpers import DATA, REPO, compact_text, diagnostic_lines, position_of, run_cli

from generator.errors import Diagnostic, SourceSpan, SpecError
from generator.i18n.messages import CATALOGUE, LANGUAGES, TYPE_NAMES, message

validate_module = importlib.import_module("generator.spec.validate")  # `generator.spec.validate`
# is also the name of the function that package exports

MESSAGES = DATA / "messages"
FIVE = "five_problems.yaml"
LINE = re.compile(r"^(?P<file>[^:]+):(?P<line>\d+):(?P<col>\d+): (?P<severity>error|warning):"
                  r" (?:(?P<path>[A-Za-z0-9_.\[\]]+): )?(?P<message>.+)$")


@pytest.fixture
def in_messages(monkeypatch: pytest.MonkeyPatch) -> None:
    """Run from tests/data/messages so that file names print as in the golden files."""
    monkeypatch.chdir(MESSAGES)


# --- golden output -------------------------------------------------------------------------------

@pytest.mark.usefixtures("in_messages")
@pytest.mark.parametrize(("args", "golden"), [
    ((), "five_problems.id.txt"),
    (("--lang", "id"), "five_problems.id.txt"),
    (("--lang", "en"), "five_problems.en.txt"),
])
def test_five_problems_are_reported_at_once_sorted_by_position(args: tuple[str, ...],
                                                               golden: str) -> None:
    result = run_cli("validate", *args, FIVE)
    assert result.exit_code == 1
    assert result.stdout == (MESSAGES / golden).read_text(encoding="utf-8")
    lines = result.stdout.splitlines()
    assert len(lines) == 5
    positions = [(int(m["line"]), int(m["col"])) for m in map(LINE.match, lines) if m]
    assert positions == sorted(positions) and len(positions) == 5


@pytest.mark.usefixtures("in_messages")
def test_the_golden_positions_are_where_the_problems_are() -> None:
    text = (MESSAGES / FIVE).read_text(encoding="utf-8")
    expected = [
        (position_of(text, "\n  type: kabupaten")[0] + 1, 9),  # disagrees with the code
        position_of(text, "Jawa Tengah"),
        position_of(text, "head_titel"),
        position_of(text, "500.000,"),
        position_of(text, "EC0-01"),
    ]
    golden = (MESSAGES / "five_problems.id.txt").read_text(encoding="utf-8").splitlines()
    assert [(int(m["line"]), int(m["col"])) for m in map(LINE.match, golden) if m] == expected


@pytest.mark.usefixtures("in_messages")
def test_summary_goes_to_stderr_in_both_languages() -> None:
    assert run_cli("validate", FIVE).stderr == f"{FIVE}: TIDAK valid (4 galat, 1 peringatan)\n"
    assert run_cli("validate", "--lang", "en", FIVE).stderr == (
        f"{FIVE}: NOT valid (4 error(s), 1 warning(s))\n")


@pytest.mark.usefixtures("in_messages")
def test_json_report_golden() -> None:
    result = run_cli("validate", "--lang", "en", "--format", "json", FIVE)
    assert result.exit_code == 1
    assert json.loads(result.stdout) == json.loads(
        (MESSAGES / "five_problems.json").read_text(encoding="utf-8"))


@pytest.mark.usefixtures("in_messages")
def test_json_report_structure_with_several_specs(tmp_path: Path) -> None:
    good = tmp_path / "good.yaml"
    good.write_text(compact_text(), encoding="utf-8")
    result = run_cli("validate", "--format", "json", FIVE, good, "/dev/zero")
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert set(report) == {"valid", "strict", "specs"}
    assert (report["valid"], report["strict"]) == (False, False)
    assert [spec["file"] for spec in report["specs"]] == [FIVE, str(good), "/dev/zero"]
    assert [(s["valid"], s["errors"], s["warnings"]) for s in report["specs"]] == [
        (False, 4, 1), (True, 0, 0), (False, 1, 0)]
    for spec in report["specs"]:
        assert set(spec) == {"file", "valid", "errors", "warnings", "diagnostics"}
        for item in spec["diagnostics"]:
            assert set(item) == {"file", "line", "col", "severity", "path", "code", "message"}
            assert item["code"] in CATALOGUE
            assert isinstance(item["line"], int) and isinstance(item["col"], int)
    text_lines = run_cli("validate", FIVE).stdout.splitlines()
    as_text = [f"{d['file']}:{d['line']}:{d['col']}: {d['severity']}: "
               + (f"{d['path']}: " if d["path"] else "") + d["message"]
               for d in report["specs"][0]["diagnostics"]]
    assert as_text == text_lines  # the JSON carries exactly what the text shows


def test_json_with_strict_marks_warnings_as_failing(tmp_path: Path) -> None:
    path = tmp_path / "spec.yaml"
    path.write_text(compact_text().replace("head_title: Bupati", "head_title: Wali Kota"),
                    encoding="utf-8")
    loose = json.loads(run_cli("validate", "--format", "json", path).stdout)
    strict_run = run_cli("validate", "--format", "json", "--strict", path)
    strict = json.loads(strict_run.stdout)
    assert (loose["valid"], loose["specs"][0]["valid"]) == (True, True)
    assert (strict["valid"], strict["strict"], strict["specs"][0]["valid"]) == (False, True,
                                                                                 False)
    assert strict_run.exit_code == 1


# --- representative messages in both languages ---------------------------------------------------

@pytest.mark.parametrize(("text", "id_line", "en_line"), [
    ("a: 1\na: 2\n", "2:1: error: kunci `a` muncul dua kali (pertama di baris 1)",
     "2:1: error: key `a` appears twice (first on line 1)"),
    ("a: !!python/object/apply:os.system [ls]\n",
     "1:4: error: tag YAML !!python/object/apply:os.system tidak diperbolehkan; hapus tag"
     " tersebut", "1:4: error: YAML tag !!python/object/apply:os.system is not allowed;"
     " remove it"),
    ("a:\n\tb: 1\n", "2:1: error: karakter tab tidak boleh dipakai untuk indentasi YAML; gunakan"
     " spasi", "2:1: error: tab characters cannot be used for YAML indentation; use spaces"),
    ("- 1\n", "1:1: error: tingkat teratas harus berupa pemetaan (kunci: nilai), ditemukan"
     " daftar (list)", "1:1: error: the top level must be a mapping (key: value), found a list"),
    ("a: \"\\v\"\n", "1:4: error: karakter kendali U+000B tidak diperbolehkan (sering terbawa"
     " saat menyalin dari Word); hapus karakter tersebut", "1:4: error: control character"
     " U+000B is not allowed (often pasted from Word); remove it"),
])
def test_loader_messages_in_both_languages(tmp_path: Path, text: str, id_line: str,
                                           en_line: str) -> None:
    path = tmp_path / "spec.yaml"
    path.write_text(text, encoding="utf-8")
    assert run_cli("validate", path).stdout == f"{path}:{id_line}\n"
    assert run_cli("validate", "--lang", "en", path).stdout == f"{path}:{en_line}\n"


def test_not_utf8_in_both_languages(tmp_path: Path) -> None:
    path = tmp_path / "spec.yaml"
    path.write_bytes(b"a: caf\xe9\n")
    assert run_cli("validate", path).stdout == (
        f"{path}:1:7: error: berkas bukan teks UTF-8 (bita 0xE9); simpan ulang sebagai UTF-8\n")
    assert run_cli("validate", "--lang", "en", path).stdout == (
        f"{path}:1:7: error: file is not UTF-8 text (byte 0xE9); save it again as UTF-8\n")


@pytest.mark.parametrize(("old", "new", "id_message", "en_message"), [
    ("amount: 750000000", "amount: 2.500.000.000",
     "diharapkan bilangan bulat, ditemukan teks `2.500.000.000`; jika maksudnya 2,5 miliar,"
     " tulis 2500000000 tanpa titik pemisah ribuan",
     "expected an integer, found text `2.500.000.000`; if you meant 2.5 billion, write"
     " 2500000000 without thousands separators"),
    ("amount: 750000000", "amount: Rp 2.500.000.000",
     "diharapkan bilangan bulat, ditemukan teks `Rp 2.500.000.000`; jika maksudnya 2,5 miliar,"
     " tulis 2500000000 (angka saja, tanpa Rp dan pemisah ribuan)",
     "expected an integer, found text `Rp 2.500.000.000`; if you meant 2.5 billion, write"
     " 2500000000 (digits only, no Rp or thousands separators)"),
    ("end_year: 2030,\n             indicators: [{name: Layanan daring, unit: \"%\", targets:"
     " {2026: 40, 2030: 100}}]", "end_year: 2032,\n             indicators: [{name: Layanan"
     " daring, unit: \"%\", targets: {2026: 40, 2032: 100}}]",
     "program jangka menengah biasanya berlangsung paling lama 5 tahun, ditemukan 2026-2032"
     " (7 tahun)", "a medium term program usually lasts at most 5 years, found 2026-2032"
     " (7 years)"),
    ("end_year: 2035,\n             indicators: [{name: Dataset terbuka, unit: dataset,"
     " targets: {2035: 500}}]", "end_year: 2030,\n             indicators: [{name: Dataset"
     " terbuka, unit: dataset, targets: {2030: 500}}]",
     "program jangka panjang biasanya berlangsung lebih dari 5 tahun atau berlanjut setelah 2030"
     " (tahun ke-5 periode), ditemukan 2026-2030 (5 tahun)", "a long term program usually"
     " lasts more than 5 years or runs past 2030 (year 5 of the period), found 2026-2030"
     " (5 years)"),
    ("province: Jawa Timur", "province: Jawa Timr",
     "provinsi `Jawa Timr` tidak dikenal; mungkin maksudnya `Jawa Timur`?",
     "unknown province `Jawa Timr`; did you mean `Jawa Timur`?"),
    ("province: Jawa Timur", "province: DIY",
     "kode 35 milik provinsi Jawa Timur, bukan `DIY`",
     "code 35 belongs to the province Jawa Timur, not `DIY`"),
    ("head_title: Bupati", "head_title: Bupati\n  deputy_head_name: Wakil Bupati Sugirah",
     "tulis nama saja, tanpa `Wakil Bupati`: sebutannya sudah dicetak",
     "write the name only, without `Wakil Bupati`: the title is printed anyway"),
    ("head_title: Bupati", "head_title: Bupati\n  head_name: Ipuk\n  deputy_head_name: ipuk",
     "wakil kepala daerah `ipuk` sama dengan kepala daerah",
     "the deputy head `ipuk` is the same as the head"),
    ("targets: {2026: 40, 2030: 100}", "scale: sakip, targets: {2026: B, 2030: BBB}",
     "`BBB` bukan tingkat skala sakip (D, C, CC, B, BB, A, AA); mungkin maksudnya `BB`?",
     "`BBB` is not a level of the scale sakip (D, C, CC, B, BB, A, AA); did you mean `BB`?"),
    ("targets: {2026: 40, 2030: 100}", "scale: sakp, targets: {2026: B, 2030: BB}",
     "skala `sakp` tidak dikenal; mungkin maksudnya `sakip`?; pilihan: sakip, bpk_opinion,"
     " spbe, yes_no, atau nyatakan di `scales`", "unknown scale `sakp`; did you mean `sakip`?;"
     " use one of sakip, bpk_opinion, spbe, yes_no, or declare it in `scales`"),
    ("targets: {2026: 40, 2030: 100}", "targets: {2026: 40, 2030: WTP}",
     "diharapkan angka, ditemukan teks; untuk predikat, nyatakan skalanya (mis. `scale:"
     " bpk_opinion`)", "expected a number, found text; for a grade, name its scale (e.g."
     " `scale: bpk_opinion`)"),
    ("start_year: 2027, end_year: 2027,", "start_year: 2029, end_year: 2029,",
     "quick win harus dimulai pada dua tahun pertama (2026-2027), ditemukan 2029",
     "a quick win must start in the first two years (2026-2027), found 2029"),
    ("{status: cukup, score: 2.5,", "{status: baik, score: 1.5,",
     "status `baik` tidak sesuai dengan skor 1.5 (diharapkan 3-4)",
     "status `baik` does not agree with score 1.5 (expected 3-4)"),
    ('code: "35.10"', 'code: "35.70"',
     "kode daerah 35.70 tidak sah: KK harus 01-69 (kabupaten) atau 71-99 (kota)",
     "region code 35.70 is not valid: KK must be 01-69 (kabupaten) or 71-99 (kota)"),
    ("cohort: {year: 2025,", "cohort: {year: true,",
     "diharapkan bilangan bulat, ditemukan nilai ya/tidak (boolean)",
     "expected an integer, found a boolean"),
])
def test_validator_messages_in_both_languages(tmp_path: Path, old: str, new: str,
                                              id_message: str, en_message: str) -> None:
    assert compact_text().count(old) == 1
    path = tmp_path / "spec.yaml"
    path.write_text(compact_text().replace(old, new), encoding="utf-8")
    id_lines = diagnostic_lines(run_cli("validate", path).stdout)
    en_lines = diagnostic_lines(run_cli("validate", "--lang", "en", path).stdout)
    assert [LINE.match(line)["message"] for line in id_lines] == [id_message]  # type: ignore[index]
    assert [LINE.match(line)["message"] for line in en_lines] == [en_message]  # type: ignore[index]
    # the place and the key path do not depend on the language
    assert [line.split(": ", 3)[:3] for line in id_lines] == [
        line.split(": ", 3)[:3] for line in en_lines]


def test_every_printed_line_matches_the_format() -> None:
    for name in [*sorted((DATA / "hostile").glob("*.yaml")), MESSAGES / FIVE]:
        for lang in LANGUAGES:
            for line in run_cli("validate", "--lang", lang, name).stdout.splitlines():
                match = LINE.match(line)
                assert match, line
                assert match["file"] == str(name)


# --- the Diagnostic object -----------------------------------------------------------------------

def test_diagnostic_format_without_a_key_path() -> None:
    item = Diagnostic(SourceSpan("a.yaml", 3, 7), "warning", "", "quality.empty_text")
    assert item.format() == "a.yaml:3:7: warning: uraian kosong"
    assert item.format("en") == "a.yaml:3:7: warning: the narrative is empty"


def test_spec_error_sorts_errors_before_warnings_at_the_same_place() -> None:
    span = SourceSpan("a.yaml", 2, 1)
    error = SpecError([
        Diagnostic(SourceSpan("a.yaml", 9, 1), "error", "b", "quality.empty_text"),
        Diagnostic(span, "warning", "a", "quality.empty_text"),
        Diagnostic(span, "error", "a", "schema.min_length"),
        Diagnostic(SourceSpan("a.yaml", 2, 0), "error", "z", "schema.min_length"),
    ])
    assert [(d.span.line, d.span.col, d.severity) for d in error.diagnostics] == [
        (2, 0, "error"), (2, 1, "error"), (2, 1, "warning"), (9, 1, "error")]
    assert str(error).splitlines()[1] == "a.yaml:2:1: error: a: teks tidak boleh kosong"


# --- the catalogue -------------------------------------------------------------------------------

def fields(template: str) -> set[str]:
    return {name for _text, name, _spec, _conv in string.Formatter().parse(template) if name}


# Parameters `message()` derives itself from others.
DERIVED = {"words_en"}


def dummy(name: str) -> object:
    return {"words": "1,5 miliar", "expected": [("@type", "integer")],
            "found": ("@type", "float")}.get(name, f"<{name}>")


@pytest.mark.parametrize("code", sorted(CATALOGUE))
def test_every_catalogue_entry_has_both_languages_and_formats(code: str) -> None:
    entry = CATALOGUE[code]
    assert isinstance(entry, tuple) and len(entry) == len(LANGUAGES)
    indonesian, english = entry
    assert indonesian.strip() and english.strip()
    assert indonesian == indonesian.strip() or code.startswith("hint.")
    names = (fields(indonesian) | fields(english)) - DERIVED
    params = {name: dummy(name) for name in names}
    for lang, template in zip(LANGUAGES, entry, strict=True):
        text = message(code, lang, **params)
        for name in fields(template) - DERIVED - {"words", "expected", "found"}:
            assert f"<{name}>" in text  # every placeholder is filled, none is left as {name}
        assert not re.search(r"\{[a-z_]+\}", text), text


def test_message_parameters_may_be_named_code_and_lang() -> None:
    assert message("rule.province_code", "id", code="99") == "kode provinsi 99 tidak dikenal"
    assert message("rule.province_code", "en", code="99") == "unknown province code 99"


def test_unknown_codes_fall_back_to_the_code() -> None:
    assert message("no.such_code", "en") == "no.such_code"


def test_type_names_exist_in_both_languages() -> None:
    for name, (indonesian, english) in TYPE_NAMES.items():
        assert indonesian and english, name


def test_pattern_names_used_by_the_validator_are_in_the_catalogue() -> None:
    for code in validate_module._PATTERN_NAMES.values():
        assert code in CATALOGUE


# The functions that take a catalogue code as a literal argument in generator/, and the files
# whose call sites give all parameters explicitly (elsewhere a local helper may add some).
_PARAMS_CHECKED = {"spec/load.py", "spec/validate.py", "commands/validate.py",
                   "commands/init.py", "errors.py", "cli.py", "i18n.py"}
_CODE_TAKERS = {"message", "error", "warn", "add", "_Problem", "fail", "Diagnostic"}
_CODE = re.compile(r"^[a-z_]+\.[a-z_0-9]+$")


def _call_sites() -> list[tuple[str, int, str, set[str] | None]]:
    """(file, line, code, parameter names given or None when unknowable) for every literal
    catalogue code passed in generator/: calls, and ("@msg", code, {...}) references."""
    found: list[tuple[str, int, str, set[str] | None]] = []
    root = REPO / "generator"
    for path in sorted(root.rglob("*.py")):
        relative = path.relative_to(root).as_posix()
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                func = node.func
                name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
                codes = [arg.value for arg in node.args if isinstance(arg, ast.Constant)
                         and isinstance(arg.value, str) and _CODE.match(arg.value)]
                if not codes or (name not in _CODE_TAKERS and codes[0] not in CATALOGUE):
                    continue
                given: set[str] | None = set()
                for keyword in node.keywords:
                    if keyword.arg is None:
                        given = None
                        break
                    assert given is not None
                    given.add(keyword.arg)
                for arg in node.args:
                    if isinstance(arg, ast.Dict) and given is not None:
                        if any(not isinstance(k, ast.Constant) for k in arg.keys):
                            given = None
                        else:
                            given |= {k.value for k in arg.keys if isinstance(k, ast.Constant)}
                    elif isinstance(arg, ast.Call | ast.Name | ast.Attribute) and (
                            name == "Diagnostic" and arg is node.args[-1]
                            and not isinstance(arg, ast.Constant)):
                        given = None  # parameters passed on as a variable
                found.append((relative, node.lineno, codes[0],
                              given if relative in _PARAMS_CHECKED else None))
            elif isinstance(node, ast.Tuple) and len(node.elts) >= 2:
                first, second = node.elts[0], node.elts[1]
                if (isinstance(first, ast.Constant) and first.value == "@msg"
                        and isinstance(second, ast.Constant) and isinstance(second.value, str)):
                    params: set[str] | None = set()
                    if len(node.elts) > 2:
                        third = node.elts[2]
                        params = ({k.value for k in third.keys if isinstance(k, ast.Constant)}
                                  if isinstance(third, ast.Dict) else None)
                    found.append((relative, node.lineno, second.value,
                                  params if relative in _PARAMS_CHECKED else None))
    return found


def test_call_sites_name_real_codes_and_give_every_parameter() -> None:
    sites = _call_sites()
    assert len(sites) > 50  # the scan really sees the validator, the loader and the commands
    problems = []
    for file, line, code, given in sites:
        if code not in CATALOGUE:
            problems.append(f"{file}:{line}: unknown message code {code}")
            continue
        if given is None:
            continue
        # `rule.horizon_years` words its two languages differently; each gets what it needs
        needed = (fields(CATALOGUE[code][0]) | fields(CATALOGUE[code][1])) - DERIVED
        if code == "hint.thousands":
            needed -= {"words_en"}
        missing = needed - given
        if missing:
            problems.append(f"{file}:{line}: {code} lacks {sorted(missing)}")
    assert problems == []


def test_dynamic_codes_exist() -> None:
    # built with f-strings in generator/spec/validate.py
    for code in ("schema.minimum", "schema.maximum", "rule.year_outside_program",
                 "rule.year_outside_quick_win"):
        assert code in CATALOGUE


def test_a_diagnostic_comes_back_from_plain_data_as_it_was_shown() -> None:
    from generator.errors import Diagnostic, SourceSpan

    original = Diagnostic(SourceSpan("kab/masterplan.yaml", 12, 7), "warning",
                          "region.name", "yaml.tab")
    for lang in LANGUAGES:
        again = Diagnostic.from_plain(original.as_dict(lang))
        assert again.format(lang) == original.format(lang)
        assert again.format("en" if lang == "id" else "id") == original.format(lang)  # as made
        assert again.sort_key() == original.sort_key()
    whole_file = Diagnostic.from_plain({"file": "ref.docx", "line": None, "message": "x"})
    assert whole_file.format() == "ref.docx: error: x"
