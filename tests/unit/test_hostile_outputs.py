"""Hostile input that does its harm on the way *out* (issue 15, round two), one class each:

- text that a spreadsheet would run as a formula, in every CSV the tool writes;
- file names that are not UTF-8, in every JSON (and CSV) the tool writes from paths;
- symbolic links planted in a batch's output folder under the lock's or an output's name;
- a spec with so many problems that their report is the attack (200,000 unknown keys).

HTML output only (no WeasyPrint); batch workers are real processes.
"""

from __future__ import annotations

import csv
import importlib
import io
import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from helpers import REPO, diagnostic_lines, position_of, read_summary_csv, run_cli

from generator.batch.run import LOCK_NAME, _locked
from generator.encoding import FORMULA_STARTS, csv_bytes, json_text, printable, spreadsheet_cell
from generator.errors import (
    MAX_DIAGNOSTICS,
    NOT_SHOWN,
    Diagnostic,
    MasterplanError,
    Severity,
    SourceSpan,
    SpecError,
    UsageError,
    count_diagnostics,
    limit_diagnostics,
)
from generator.output import atomic_write

MINIMAL = (REPO / "examples" / "minimal" / "masterplan.yaml").read_text(encoding="utf-8")
LINUX_ONLY = pytest.mark.skipif(sys.platform != "linux",
                                reason="file names that are not UTF-8 need a POSIX file system")


def spec_text(code: str = "35.07", name: str = "Contoh", kind: str = "kabupaten",
              text: str = MINIMAL) -> str:
    """The minimal example for another region; `name` is written as given (quote it)."""
    return (text.replace('code: "35.07"', f'code: "{code}"')
            .replace('name: "Contoh"', f"name: {name}")
            .replace('type: "kabupaten"', f'type: "{kind}"'))


def read_csv(data: bytes, delimiter: str = ",") -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline=""),
                               delimiter=delimiter))


def runs_as_formula(cell: str) -> bool:
    """What Excel and LibreOffice would evaluate: a formula start, perhaps after whitespace."""
    return cell[:1] in ("\t", "\r") or cell.lstrip(" \t\r\n")[:1] in FORMULA_STARTS


# --- 5. CSV formula injection ----------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "=1+1", "+1", "-1", "@SUM(A1)", "=cmd|' /C calc'!A0", "\t=1+1", "\r=1+1", "\t", "\r",
    "  =1+1", "\n-1", "\uff1d1+1", "-", "-5", "-1.5"])
def test_a_text_cell_that_could_start_a_formula_gets_a_quote(text: str) -> None:
    assert spreadsheet_cell(text) == "'" + text


@pytest.mark.parametrize(("value", "written"), [
    (-5, -5), (0, 0), (2025, 2025), (-1.5, "-1.5"), (0.1234, "0.123"), (True, True),
    (None, ""), ("Kota Bandung", "Kota Bandung"), ("", ""), ("a=b", "a=b"), ("'=1", "'=1"),
    ("5-3", "5-3")])
def test_numbers_stay_numbers_and_plain_text_stays_as_it_is(value: Any, written: Any) -> None:
    assert spreadsheet_cell(value) == written


def test_csv_bytes_neutralises_every_text_cell_and_no_number() -> None:
    rows = [{"name": "=HYPERLINK(\"http://x\",\"y\")", "amount": -400, "share": -0.25,
             "note": "@x"}]
    [row] = read_csv(csv_bytes(["name", "amount", "share", "note"], rows))
    assert row == {"name": "'=HYPERLINK(\"http://x\",\"y\")", "amount": "-400",
                   "share": "-0.25", "note": "'@x"}


HOSTILE_NAMES = {
    "region_name": "=HYPERLINK(\"http://evil.example/\",\"Klik\")",
    "program_name": "+cmd|' /C calc'!A0",
    "lead_opd": "\t=1+2",
    "partners": "-2+3",
}


def hostile_spec(folder: Path) -> Path:
    text = spec_text("35.73", "'=HYPERLINK(\"http://evil.example/\",\"Klik\")'", "kota")
    text = text.replace(
        'name: "Portal Satu Data"\n            lead_opd: "Dinas Komunikasi dan Informatika"',
        "name: '+cmd|'' /C calc''!A0'\n            lead_opd: \"\\t=1+2\"\n"
        '            partners: ["-2+3"]', 1)
    text = text.replace('{name: "Dataset terbuka", unit: "dataset", targets: {2028: 300}}',
                        '{name: "@SUM(1+1)", unit: "dataset", targets: {2028: 300}}', 1)
    path = folder / "3573" / "masterplan.yaml"
    path.parent.mkdir(parents=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_export_csv_holds_no_formula_and_keeps_its_numbers(tmp_path: Path) -> None:
    hostile_spec(tmp_path / "specs")
    out = tmp_path / "programs.csv"
    result = run_cli("export", tmp_path / "specs", "-o", out, "-j", "1", "--headers", "keys")
    assert result.exit_code == 0, result.output
    rows = read_csv(out.read_bytes(), ";")
    assert len(rows) == 18
    for row in rows:
        for column, cell in row.items():
            assert not runs_as_formula(cell) or cell.startswith("'"), (column, cell)
        assert row["region_name"] == "'" + HOSTILE_NAMES["region_name"]
        assert row["cohort_year"] == "2025" and row["budget_total"].isdigit()
    portal = next(row for row in rows if row["program_id"] == "GOV-03")
    for column, text in HOSTILE_NAMES.items():
        assert portal[column] == "'" + text
    assert portal["indicators"] == "'@SUM(1+1) (dataset): target 300 (2028)"
    assert portal["budget_total"] == "400000000" and portal["start_year"] == "2026"
    # JSON is data for programs, not a spreadsheet: the text stays exactly as written
    result = run_cli("export", tmp_path / "specs", "--format", "json", "-j", "1")
    portal_json = next(r for r in json.loads(result.stdout) if r["program_id"] == "GOV-03")
    assert portal_json["region_name"] == HOSTILE_NAMES["region_name"]
    assert portal_json["program_name"] == HOSTILE_NAMES["program_name"]


def test_summary_csv_holds_no_formula_and_keeps_its_numbers(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    specs = tmp_path / "specs"
    specs.mkdir()
    (specs / "=1+2.yaml").write_text(spec_text("35.73", "'@SUM(1)'", "kota"), encoding="utf-8")
    (specs / "-bad.yaml").write_text(spec_text("35.78").replace("region:", "regio:"),
                                     encoding="utf-8")
    monkeypatch.chdir(specs)  # the summary shows spec paths relative to here: `=1+2.yaml`
    result = run_cli("batch", ".", "-o", tmp_path / "out", "-f", "html", "--document",
                     "summary", "-j", "1", "--no-progress")
    assert result.exit_code == 1
    rows = {row["status"]: row for row in read_summary_csv((tmp_path / "out" / "summary.csv")
                                                            .read_bytes())}
    for row in rows.values():
        for column, cell in row.items():
            assert not runs_as_formula(cell) or cell.startswith("'"), (column, cell)
    good, bad = rows["berhasil"], rows["gagal"]
    assert good["spec"] == "'=1+2.yaml" and good["region_name"] == "'@SUM(1)"
    assert good["cohort_year"] == "2025" and good["error_count"] == "0"
    assert good["region_code"] == "3573"
    assert good["attempts"] == "1" and float(good["seconds"].replace(",", ".")) >= 0
    assert bad["spec"] == "'-bad.yaml" and bad["errors"].startswith("'-bad.yaml:")
    assert bad["error_count"].isdigit() and bad["error_count"] != "0"


# --- 10. file names that are not UTF-8 --------------------------------------------------------

def test_printable_spells_each_undecodable_byte_as_backslash_x() -> None:
    name = os.fsdecode(b"bad\xff\xfe.yaml")
    assert printable(name) == "bad\\xff\\xfe.yaml"
    assert printable("Kota Bandung – ü") == "Kota Bandung – ü"
    assert printable("\ud800") == "\\ud800"  # a surrogate that is no byte: its code point
    text = json_text({name: [name, 1]})
    text.encode("utf-8")  # no surrogate left
    assert "\\ud" not in text.lower()
    assert json.loads(text) == {"bad\\xff\\xfe.yaml": ["bad\\xff\\xfe.yaml", 1]}


def utf8_without_surrogates(data: bytes) -> str:
    text = data.decode("utf-8")  # strict: raises on a raw 0xff
    assert "\\ud" not in text.lower()  # and no escaped lone surrogate either
    return text


@LINUX_ONLY
def test_validate_json_is_utf8_for_a_file_name_that_is_not(tmp_path: Path) -> None:
    good = tmp_path / os.fsdecode(b"good\xff.yaml")
    good.write_text(MINIMAL, encoding="utf-8")
    bad = tmp_path / os.fsdecode(b"bad\xfe.yaml")
    bad.write_text(MINIMAL.replace("region:", "regio:"), encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(REPO), "PYTHONDONTWRITEBYTECODE": "1"}
    for lang in ("id", "en"):
        done = subprocess.run(
            [sys.executable, "-m", "generator", "validate", "--format", "json", "--lang", lang,
             os.fsencode(good), os.fsencode(bad)], env=env, capture_output=True, timeout=60,
            check=False)
        assert done.returncode == 1 and b"Traceback" not in done.stderr
        report = json.loads(utf8_without_surrogates(done.stdout))
        files = [spec["file"] for spec in report["specs"]]
        assert files == [f"{tmp_path}/good\\xff.yaml", f"{tmp_path}/bad\\xfe.yaml"]
        diagnostics = report["specs"][1]["diagnostics"]
        assert diagnostics and {d["file"] for d in diagnostics} == {files[1]}
    done = subprocess.run([sys.executable, "-m", "generator", "validate", os.fsencode(bad)],
                          env=env, capture_output=True, timeout=60, check=False)
    assert done.returncode == 1 and b"Traceback" not in done.stderr
    assert diagnostic_lines(utf8_without_surrogates(done.stdout))[0].startswith(
        f"{tmp_path}/bad\\xfe.yaml:")


@LINUX_ONLY
def test_batch_and_export_files_are_utf8_for_a_file_name_that_is_not(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    specs = tmp_path / "specs"
    specs.mkdir()
    (specs / os.fsdecode(b"kota-\xff.yaml")).write_text(spec_text("35.73", "Malang", "kota"),
                                                        encoding="utf-8")
    (specs / os.fsdecode(b"rusak-\xfe.yaml")).write_text(MINIMAL.replace("region:", "regio:"),
                                                         encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    out = tmp_path / "out"
    args = ("batch", "specs", "-o", out, "-f", "html", "--document", "summary", "-j", "1",
            "--no-progress")
    result = run_cli(*args)
    assert result.exit_code == 1, result.output
    summary = json.loads(utf8_without_surrogates((out / "summary.json").read_bytes()))
    shown = {spec["spec"]: spec for spec in summary["specs"]}
    assert set(shown) == {"specs/kota-\\xff.yaml", "specs/rusak-\\xfe.yaml"}
    assert shown["specs/kota-\\xff.yaml"]["status"] == "ok"
    assert {e["file"] for e in shown["specs/rusak-\\xfe.yaml"]["errors"]} == {
        "specs/rusak-\\xfe.yaml"}
    csv_text = utf8_without_surrogates((out / "summary.csv").read_bytes())
    assert "kota-\\xff.yaml" in csv_text  # relative to the batch's folder, like its key
    utf8_without_surrogates((out / "index.html").read_bytes())
    utf8_without_surrogates((out / ".masterplan-state.json").read_bytes())
    again = run_cli(*args)  # the state file's key is the same name: the good spec is skipped
    assert again.exit_code == 1
    assert json.loads((out / "summary.json").read_text(encoding="utf-8"))["counts"][
        "skipped"] == 1
    exported = tmp_path / "programs.json"
    assert run_cli("export", "specs", "--format", "json", "-o", exported, "-j", "1"
                   ).exit_code == 1
    rows = json.loads(utf8_without_surrogates(exported.read_bytes()))
    assert {row["spec"] for row in rows} == {"kota-\\xff.yaml"}  # relative to the target
    exported_csv = tmp_path / "programs.csv"
    run_cli("export", "specs", "-o", exported_csv, "-j", "1")
    assert "kota-\\xff.yaml" in utf8_without_surrogates(exported_csv.read_bytes())


# --- 13. links planted in the output folder -----------------------------------------------------

def test_a_lock_that_is_a_link_is_refused_and_nothing_is_created_outside(tmp_path: Path) -> None:
    outdir, outside = tmp_path / "out", tmp_path / "outside"
    outdir.mkdir()
    outside.mkdir()
    lock = outdir / LOCK_NAME
    lock.symlink_to(outside / "created.lock")  # dangling: O_CREAT would create the target
    with pytest.raises(UsageError, match="symbolic link") as refused, _locked(outdir, "en"):
        pass
    assert str(lock) in str(refused.value)
    assert list(outside.iterdir()) == []
    lock.unlink()
    (outside / "existing").write_text("keep", encoding="utf-8")
    lock.symlink_to(outside / "existing")
    with pytest.raises(UsageError, match="tautan simbolik"), _locked(outdir):
        pass
    assert (outside / "existing").read_text(encoding="utf-8") == "keep"


@pytest.mark.parametrize("kind", ["fifo", "folder"])
def test_a_lock_that_is_not_a_regular_file_is_refused(tmp_path: Path, kind: str) -> None:
    lock = tmp_path / LOCK_NAME
    if kind == "fifo":
        os.mkfifo(lock)
    else:
        lock.mkdir()
    with pytest.raises(MasterplanError) as refused, _locked(tmp_path):
        pass
    assert str(lock) in str(refused.value) and refused.value.exit_code in (1, 2)
    assert "hapus" in str(refused.value) or "remove" in str(refused.value)  # what to do


def test_a_batch_with_a_planted_lock_link_fails_cleanly(tmp_path: Path) -> None:
    (tmp_path / "specs").mkdir()
    (tmp_path / "specs" / "masterplan.yaml").write_text(MINIMAL, encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    (out / LOCK_NAME).symlink_to(tmp_path / "elsewhere.lock")
    result = run_cli("batch", tmp_path / "specs", "-o", out, "-f", "html", "--no-progress")
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert f"{out / LOCK_NAME}: " in result.stderr
    assert not (tmp_path / "elsewhere.lock").exists() and list(out.iterdir()) == [
        out / LOCK_NAME]


def test_atomic_write_replaces_a_link_instead_of_writing_through_it(tmp_path: Path) -> None:
    outside = tmp_path / "outside.txt"
    outside.write_text("keep", encoding="utf-8")
    target = tmp_path / "out" / "summary.json"
    target.parent.mkdir()
    target.symlink_to(outside)
    atomic_write(target, b"{}")
    assert not target.is_symlink() and target.read_bytes() == b"{}"
    assert outside.read_text(encoding="utf-8") == "keep"


def test_links_planted_under_every_output_name_are_replaced_not_followed(
        tmp_path: Path) -> None:
    (tmp_path / "specs").mkdir()
    (tmp_path / "specs" / "masterplan.yaml").write_text(MINIMAL, encoding="utf-8")
    out, outside = tmp_path / "out", tmp_path / "outside"
    out.mkdir()
    outside.mkdir()
    document = "3507-kabupaten-contoh-2025-summary.html"
    names = ["summary.json", "summary.csv", "index.html", ".masterplan-state.json", document]
    for number, name in enumerate(names):
        if number % 2:
            (outside / name).write_text("keep", encoding="utf-8")
        (out / name).symlink_to(outside / name)  # half of them dangling
    before = {p.name: p.read_text(encoding="utf-8") for p in outside.iterdir()}
    args = ("batch", tmp_path / "specs", "-o", out, "-f", "html", "--document", "summary",
            "--no-progress")
    result = run_cli(*args)
    assert result.exit_code == 0, result.output
    assert {p.name: p.read_text(encoding="utf-8") for p in outside.iterdir()} == before
    for name in names:
        assert not (out / name).is_symlink() and (out / name).is_file(), name
    # an output swapped for a link to a copy of the same size is not "intact": rendered again
    copy = outside / "copy.html"
    copy.write_text("x" * (out / document).stat().st_size, encoding="ascii")
    (out / document).unlink()
    (out / document).symlink_to(copy)
    result = run_cli(*args)
    assert result.exit_code == 0
    [spec] = json.loads((out / "summary.json").read_text(encoding="utf-8"))["specs"]
    assert spec["status"] == "ok" and not (out / document).is_symlink()
    assert set(copy.read_text(encoding="ascii")) == {"x"}


# --- 14. a flood of diagnostics ------------------------------------------------------------------

UNKNOWN_KEYS = 10_000


def flooded(folder: Path, count: int = UNKNOWN_KEYS) -> Path:
    """The minimal example plus `count` unknown top-level keys (errors, one line each)."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "masterplan.yaml"
    path.write_text(MINIMAL + "".join(f"zz_unknown_{i}: 1\n" for i in range(count)),
                    encoding="utf-8")
    return path


def test_validate_shows_the_first_problems_and_counts_the_rest_in_both_languages(
        tmp_path: Path) -> None:
    spec = flooded(tmp_path)
    hidden = UNKNOWN_KEYS - MAX_DIAGNOSTICS
    line, col = position_of(spec.read_text(encoding="utf-8"), f"zz_unknown_{MAX_DIAGNOSTICS}:")
    started = time.perf_counter()
    result = run_cli("validate", spec)
    assert time.perf_counter() - started < 20  # ~1 s here; 200,000 keys took 26 s before
    assert result.exit_code == 1
    lines = diagnostic_lines(result.stdout)
    assert len(lines) == MAX_DIAGNOSTICS + 1
    assert lines[0].startswith(f"{spec}:") and "zz_unknown_0: " in lines[0]
    assert f"zz_unknown_{MAX_DIAGNOSTICS - 1}: " in lines[-2]
    assert lines[-1] == (f"{spec}:{line}:{col}: error: {hidden} masalah lagi, mulai dari sini,"
                         f" tidak ditampilkan ({hidden} galat, 0 peringatan); paling banyak"
                         f" {MAX_DIAGNOSTICS} ditampilkan per berkas")
    assert f"TIDAK valid ({UNKNOWN_KEYS} galat, 0 peringatan)" in result.stderr
    english = run_cli("validate", "--lang", "en", spec)
    assert diagnostic_lines(english.stdout)[-1] == (
        f"{spec}:{line}:{col}: error: {hidden} more problem(s), from here on, not shown"
        f" ({hidden} error(s), 0 warning(s)); at most {MAX_DIAGNOSTICS} are shown per file")
    assert f"NOT valid ({UNKNOWN_KEYS} error(s), 0 warning(s))" in english.stderr
    report = run_cli("validate", "--format", "json", spec)
    assert len(report.stdout) < 100_000
    [entry] = json.loads(report.stdout)["specs"]
    assert (entry["errors"], entry["warnings"]) == (UNKNOWN_KEYS, 0)
    note = entry["diagnostics"][-1]
    assert len(entry["diagnostics"]) == MAX_DIAGNOSTICS + 1 and note["code"] == NOT_SHOWN
    assert (note["line"], note["col"], note["severity"]) == (line, col, "error")
    assert note["not_shown"] == {"errors": hidden, "warnings": 0}


def test_only_shown_problems_are_worded(tmp_path: Path,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """The costly part of a message (a did-you-mean search) is paid for shown problems only."""
    from generator.spec import load_spec

    validation = importlib.import_module("generator.spec.validate")  # `spec.validate` is
    # also the name of the function the package exports

    calls = []
    real = validation.suggest

    def counting(value: str, candidates: list[str]) -> list[str]:
        calls.append(value)
        return real(value, candidates)

    monkeypatch.setattr(validation, "suggest", counting)
    diagnostics = validation.validate(load_spec(flooded(tmp_path, 2_000)))
    assert len(diagnostics) == MAX_DIAGNOSTICS + 1
    assert len(calls) == MAX_DIAGNOSTICS


def test_render_and_batch_report_the_capped_problems(tmp_path: Path) -> None:
    spec = flooded(tmp_path / "specs" / "a")
    hidden = UNKNOWN_KEYS - MAX_DIAGNOSTICS
    result = run_cli("render", spec, "-f", "html", "-o", tmp_path / "rendered")
    assert result.exit_code == 1 and "Traceback" not in result.output
    lines = diagnostic_lines(result.stderr)
    assert len(lines) == MAX_DIAGNOSTICS + 1 and f" {hidden} masalah lagi" in lines[-1]
    out = tmp_path / "out"
    result = run_cli("batch", tmp_path / "specs", "-o", out, "-f", "html", "-j", "1",
                     "--no-progress", "--lang", "en")
    assert result.exit_code == 1
    assert (out / "summary.json").stat().st_size < 200_000
    [entry] = json.loads((out / "summary.json").read_text(encoding="utf-8"))["specs"]
    assert len(entry["errors"]) == MAX_DIAGNOSTICS + 1 and entry["warnings"] == []
    note = entry["errors"][-1]
    assert note["code"] == NOT_SHOWN and note["not_shown"] == {"errors": hidden, "warnings": 0}
    assert note["message"].startswith(f"{hidden} more problem(s)")
    [row] = read_summary_csv((out / "summary.csv").read_bytes(), "en")
    assert (row["error_count"], row["warning_count"]) == (str(UNKNOWN_KEYS), "0")
    assert row["errors"].endswith(f"at most {MAX_DIAGNOSTICS} are shown per file")


def diagnostic(file: str, line: int, severity: Severity = "error") -> Diagnostic:
    return Diagnostic(SourceSpan(file, line, 1), severity, "x", "schema.min_length")


def test_limit_diagnostics_is_per_file_idempotent_and_fails_when_the_whole_would() -> None:
    many = [diagnostic("b.yaml", n, "warning") for n in range(300, 0, -1)]
    many += [diagnostic("b.yaml", 400, "error"), diagnostic("a.yaml", 7)]
    limited = limit_diagnostics(many)
    assert [d.span.file for d in limited].count("a.yaml") == 1
    b = [d for d in limited if d.span.file == "b.yaml"]
    assert len(b) == MAX_DIAGNOSTICS + 1 and [d.span.line for d in b[:3]] == [1, 2, 3]
    note = b[-1]
    assert note.code == NOT_SHOWN and note.span.line == MAX_DIAGNOSTICS + 1
    # 100 warnings and the one error are hidden: the note is an error, the totals are whole
    assert note.severity == "error" and note.params["errors"] == 1
    assert note.params["warnings"] == 100
    assert count_diagnostics(limited) == (2, 300)
    assert count_diagnostics(d.as_dict() for d in limited) == (2, 300)
    assert limit_diagnostics(limited) == limited
    assert SpecError(list(many)).diagnostics == limited
    assert limit_diagnostics(many[:5]) == sorted(many[:5], key=Diagnostic.sort_key)
