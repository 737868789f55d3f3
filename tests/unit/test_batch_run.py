"""`masterplan batch` decisions that need no PDF: cohort checks, fail-fast, the folder lock,
options from the manifest, and an unchanged re-run that starts no worker at all.

HTML output only (no WeasyPrint); the workers are real processes.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from helpers import REPO, position_of, run_cli

from generator.batch.run import LOCK_NAME, _locked
from generator.errors import UsageError

MINIMAL = (REPO / "examples" / "minimal" / "masterplan.yaml").read_text(encoding="utf-8")


def region(root: Path, code: str, name: str, kind: str = "kota", *, year: int = 2025,
           text: str = MINIMAL, track: str | None = None) -> Path:
    text = (text.replace('code: "35.07"', f'code: "{code}"')
            .replace('name: "Contoh"', f'name: "{name}"')
            .replace('type: "kabupaten"', f'type: "{kind}"')
            .replace("cohort:\n  year: 2025", f"cohort:\n  year: {year}"
                     + (f"\n  track: {track}" if track else "")))
    path = root / code.replace(".", "") / "masterplan.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def summary(outdir: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((outdir / "summary.json").read_text(encoding="utf-8"))
    return data


def statuses(outdir: Path) -> dict[str, str]:
    return {Path(s["spec"]).parent.name: s["status"] for s in summary(outdir)["specs"]}


def test_a_manifest_checks_cohort_year_and_track_and_gives_options(tmp_path: Path) -> None:
    region(tmp_path, "35.73", "Malang", track="reguler")
    region(tmp_path, "35.78", "Surabaya", track="pariwisata")
    region(tmp_path, "35.79", "Batu", year=2024)
    manifest = tmp_path / "cohort.yaml"
    manifest.write_text("cohort:\n  year: 2025\n  track: reguler\nspecs: ['*/masterplan.yaml']"
                        "\noptions: {formats: [html], documents: [summary], outdir: site}\n",
                        encoding="utf-8")
    result = run_cli("batch", manifest, "-j", "2", "--no-progress")
    assert result.exit_code == 1
    outdir = tmp_path / "site"
    assert statuses(outdir) == {"3573": "ok", "3578": "ok", "3579": "failed"}
    specs = {Path(s["spec"]).parent.name: s for s in summary(outdir)["specs"]}
    [error] = specs["3579"]["errors"]
    at = position_of(MINIMAL, "cohort:\n  year: 2025")
    at = (at[0] + 1, len("  year: ") + 1)  # the cohort year
    assert error["code"] == "batch.cohort_year" and (error["line"], error["col"]) == at
    assert f"{manifest}:2:9" in error["message"]
    [warning] = specs["3578"]["warnings"]
    assert warning["code"] == "batch.cohort_track" and warning["severity"] == "warning"
    assert sorted(p.name for p in outdir.glob("*.html")) == [
        "3573-kota-malang-2025-summary.html", "3578-kota-surabaya-2025-summary.html",
        "index.html"]
    index = (outdir / "index.html").read_text(encoding="utf-8")
    assert 'href="3578-kota-surabaya-2025-summary.html"' in index  # exactly the file name
    assert f"3579/masterplan.yaml:{at[0]}:{at[1]}: " in index  # the failure, where it is


def test_fail_fast_cancels_what_was_not_started(tmp_path: Path) -> None:
    region(tmp_path / "specs", "35.01", "Pacitan", "kabupaten", text=MINIMAL.replace(
        "region:", "regio:"))
    for code, name in (("35.73", "Malang"), ("35.78", "Surabaya"), ("35.79", "Batu")):
        region(tmp_path / "specs", code, name)
    result = run_cli("batch", tmp_path / "specs", "-o", tmp_path / "out", "-f", "html",
                     "-j", "1", "--fail-fast", "--no-progress")
    assert result.exit_code == 1
    found = statuses(tmp_path / "out")
    assert found["3501"] == "failed"
    assert set(found.values()) <= {"failed", "cancelled"}
    assert "cancelled" in found.values()
    assert list((tmp_path / "out").glob("35*.html")) == []


def test_an_unchanged_rerun_starts_no_worker(tmp_path: Path) -> None:
    region(tmp_path / "specs", "35.73", "Malang")
    args = ("batch", tmp_path / "specs", "-o", tmp_path / "out", "-f", "html", "--no-progress")
    assert run_cli(*args).exit_code == 0
    assert summary(tmp_path / "out")["workers_started"] >= 1
    again = run_cli(*args)
    assert again.exit_code == 0 and again.stdout == ""
    data = summary(tmp_path / "out")
    assert data["workers_started"] == 0 and data["counts"]["skipped"] == 1
    # another format is another input: rendered again
    assert run_cli(*args[:-1], "--document", "summary", "--no-progress").stdout.strip()


def test_one_batch_per_output_folder(tmp_path: Path) -> None:
    with _locked(tmp_path), pytest.raises(UsageError, match="another batch"), _locked(
            tmp_path, "en"):
        pass
    with _locked(tmp_path), pytest.raises(UsageError, match="batch lain sedang menulis"), (
            _locked(tmp_path)):
        pass
    assert (tmp_path / LOCK_NAME).exists()


def test_usage_errors(tmp_path: Path) -> None:
    region(tmp_path / "specs", "35.73", "Malang")
    result = run_cli("batch", tmp_path / "specs", "-f", "odt")
    assert result.exit_code == 2 and "unknown format `odt`" in result.stderr
    result = run_cli("batch", tmp_path / "nothing-here")
    assert result.exit_code == 2


# --- what a batch says and writes for people: Indonesian by default, English with --lang en ---

BROKEN = MINIMAL.replace("amount: 500000000", "amount: 500.000")


def batch_of_two(tmp_path: Path) -> Path:
    region(tmp_path / "cohort" / "regions", "35.73", "Malang")
    region(tmp_path / "cohort" / "regions", "35.78", "Surabaya", text=BROKEN)
    manifest = tmp_path / "cohort" / "cohort.yaml"
    manifest.write_text("cohort: {year: 2025}\nspecs: ['regions/*/masterplan.yaml']\n"
                        "options: {formats: [html], documents: [summary]}\n", encoding="utf-8")
    return manifest


@pytest.mark.parametrize("lang", ["id", "en"])
def test_a_batch_speaks_the_language_of_messages(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str) -> None:
    from helpers import read_summary_csv

    batch_of_two(tmp_path)
    monkeypatch.chdir(tmp_path)
    result = run_cli("batch", "cohort/cohort.yaml", "-o", "out", "-j", "1",
                     *(["--lang", "en"] if lang == "en" else []))
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    bad = "cohort/regions/3578/masterplan.yaml"
    if lang == "id":
        assert lines[0] == "masterplan: batch 2 spec, angkatan 2025 → out (html; 1 proses pekerja)"
        assert any(line.startswith(f"[1/2] GAGAL       {bad} (") and " dtk): " in line
                   and line.endswith(" · sisa --:--") for line in lines)
        assert lines[-1].startswith("masterplan: 2 spec: 1 berhasil, 1 gagal dalam 00:")
        assert lines[-1].endswith("; lihat out/index.html dan out/summary.json")
    else:
        assert lines[0] == "masterplan: batch of 2 spec(s), cohort 2025 → out (html; 1 worker(s))"
        assert any(line.startswith(f"[1/2] FAILED    {bad} (") and " s): " in line
                   and line.endswith(" · ETA --:--") for line in lines)
        assert lines[-1].startswith("masterplan: 2 spec(s): 1 ok, 1 failed in 00:")
        assert lines[-1].endswith("; see out/index.html and out/summary.json")
    rows = read_summary_csv((tmp_path / "out" / "summary.csv").read_bytes(), lang)
    good, failed = rows
    # the spec relative to the manifest, the code as digits, words in the language
    assert (good["spec"], good["region_code"], good["status"]) == (
        "regions/3573/masterplan.yaml", "3573", "berhasil" if lang == "id" else "ok")
    assert (failed["spec"], failed["status"]) == (
        "regions/3578/masterplan.yaml", "gagal" if lang == "id" else "failed")
    decimal = "," if lang == "id" else "."
    assert decimal in good["seconds"] or good["seconds"].isdigit()
    # summary.json keeps the keys
    assert {s["status"] for s in summary(tmp_path / "out")["specs"]} == {"ok", "failed"}


def test_a_missing_target_and_an_empty_folder_are_told_in_the_language(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    missing = run_cli("batch", tmp_path / "nothing-here")
    assert missing.stderr == (f"masterplan: {tmp_path / 'nothing-here'}: tidak ada berkas atau"
                              " folder dengan nama ini\n")
    empty = run_cli("export", tmp_path / "empty", "--lang", "en")
    assert empty.exit_code == 2
    assert empty.stderr == (f"masterplan: {tmp_path / 'empty'}: no spec files (*.yaml, *.yml)"
                            " found\n")
