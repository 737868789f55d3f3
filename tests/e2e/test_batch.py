"""`masterplan batch`, `report` and `export` on a real cohort, through the command line.

The cohort: twelve specs made from examples/minimal with real, distinct region codes. Seven
are good; one crashes on its first attempt only (recovered by the retry); one is invalid;
three misbehave in the worker through the test hook `MASTERPLAN_TEST_FAULTS` (a segfault,
an endless loop, an exception that cannot be pickled). Documents are executive summaries as
PDF (the quickest real render) with two workers.

The first batch runs once per module; tests that change files work on a copy of the cohort
and its output folder (the state file keys specs by their path inside the cohort, so a copy
is still up to date).
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import re
import shutil
import signal
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

pytestmark = [pytest.mark.e2e, pytest.mark.slow]

REPO = Path(__file__).resolve().parents[2]
LOGO = REPO / "examples" / "kabupaten-banyuwangi" / "logo.png"
PROVINCES = {"32": "Jawa Barat", "33": "Jawa Tengah", "34": "DI Yogyakarta",
             "35": "Jawa Timur", "36": "Banten", "73": "Sulawesi Selatan"}
GOOD = [("35.07", "kabupaten", "Malang"), ("35.73", "kota", "Malang"),
        ("35.78", "kota", "Surabaya"), ("35.10", "kabupaten", "Banyuwangi"),
        ("32.04", "kabupaten", "Bandung"), ("32.73", "kota", "Bandung"),
        ("73.71", "kota", "Makassar")]
FLAKY = ("34.71", "kota", "Yogyakarta")  # crashes once, then renders
INVALID = ("36.03", "kabupaten", "Tangerang")
FAULTY = {"segv": ("33.74", "kota", "Semarang"), "hang": ("33.22", "kabupaten", "Semarang"),
          "unpicklable": ("36.71", "kota", "Tangerang")}
TIMEOUT = "12"
BATCH = ("--document", "summary", "-f", "pdf", "-j", "2", "--timeout", TIMEOUT)


def folder(code: str) -> str:
    return code.replace(".", "")


def stem(code: str, kind: str, name: str) -> str:
    return f"{folder(code)}-{kind}-{name.lower()}-2025-summary.pdf"


def faults() -> str:
    pairs = [f"{fault}:{folder(code)}/masterplan.yaml"
             for fault, (code, _kind, _name) in FAULTY.items()]
    return ",".join([*pairs, f"exit-once:{folder(FLAKY[0])}/masterplan.yaml"])


def write_region(e2e: Any, root: Path, code: str, kind: str, name: str, *,
                 text: str | None = None) -> Path:
    text = text or e2e.minimal_text()
    for old, new in (('code: "35.07"', f'code: "{code}"'), ('name: "Contoh"', f'name: "{name}"'),
                     ('type: "kabupaten"', f'type: "{kind}"'),
                     ('province: "Jawa Timur"', f'province: "{PROVINCES[code[:2]]}"')):
        text = e2e.replace_once(text, old, new)
    path = root / folder(code) / "masterplan.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@dataclass
class Run:
    process: subprocess.CompletedProcess[str]
    outdir: Path
    seconds: float

    @property
    def summary(self) -> dict[str, Any]:
        data: dict[str, Any] = json.loads((self.outdir / "summary.json").read_text("utf-8"))
        return data

    def specs(self) -> dict[str, dict[str, Any]]:
        return {Path(s["spec"]).parent.name: s for s in self.summary["specs"]}

    def statuses(self) -> dict[str, str]:
        return {name: s["status"] for name, s in self.specs().items()}


def batch(e2e: Any, *args: str | Path, cwd: Path, fault_hook: bool = False,
          timeout: float = 240) -> Run:
    env = e2e.child_env(**({"MASTERPLAN_TEST_FAULTS": faults()} if fault_hook else {}))
    started = time.perf_counter()
    process = e2e.run_masterplan("batch", *args, cwd=cwd, env=env, timeout=timeout)
    outdir = Path(cwd, str(args[args.index("-o") + 1]))
    return Run(process, outdir, time.perf_counter() - started)


def mtimes(outdir: Path) -> dict[str, int]:
    return {p.name: p.stat().st_mtime_ns for p in outdir.glob("*.pdf")}


def temporaries(outdir: Path) -> list[str]:
    return [p.name for p in outdir.iterdir() if p.name.startswith(".masterplan-tmp-")]


@pytest.fixture(scope="module")
def cohort(e2e: Any, tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("batch")
    specs = root / "cohort"
    for code, kind, name in [*GOOD, FLAKY, *FAULTY.values()]:
        write_region(e2e, specs, code, kind, name)
    invalid = e2e.replace_once(e2e.minimal_text(), "amount: 500000000", "amount: 500.000")
    write_region(e2e, specs, *INVALID, text=invalid)
    banyuwangi = specs / "3510" / "masterplan.yaml"
    banyuwangi.write_text(e2e.replace_once(
        banyuwangi.read_text("utf-8"), '  province: "Jawa Timur"\n',
        '  province: "Jawa Timur"\n  logo: "logo.png"\n'), encoding="utf-8")
    shutil.copyfile(LOGO, specs / "3510" / "logo.png")
    return root


@pytest.fixture(scope="module")
def first(e2e: Any, cohort: Path) -> Run:
    return batch(e2e, "cohort", "-o", "out", *BATCH, cwd=cohort, fault_hook=True)


def copy_of(cohort: Path, tmp_path: Path, *, drop_faulty: bool = True) -> Path:
    shutil.copytree(cohort, tmp_path, dirs_exist_ok=True, symlinks=True)
    if drop_faulty:
        for code, _kind, _name in FAULTY.values():
            shutil.rmtree(tmp_path / "cohort" / folder(code))
    return tmp_path


# --- the first run -------------------------------------------------------------------------

def test_every_good_spec_is_rendered_whatever_the_others_do(first: Run) -> None:
    assert first.process.returncode == 1, first.process.stderr
    statuses = first.statuses()
    expected = {folder(code): "ok" for code, _k, _n in [*GOOD, FLAKY]}
    expected |= {folder(INVALID[0]): "failed", folder(FAULTY["unpicklable"][0]): "failed",
                 folder(FAULTY["segv"][0]): "crashed", folder(FAULTY["hang"][0]): "timeout"}
    assert statuses == expected
    assert first.summary["counts"] == {"ok": 8, "skipped": 0, "failed": 2, "timeout": 1,
                                       "crashed": 1, "cancelled": 0}
    for code, kind, name in [*GOOD, FLAKY]:
        spec = first.specs()[folder(code)]
        assert spec["outputs"] == [stem(code, kind, name)]
        assert spec["region"] == {"code": code, "name": name, "type": kind,
                                  "province": PROVINCES[code[:2]]}
        reader = PdfReader(first.outdir / stem(code, kind, name))
        text = "\n".join(page.extract_text() for page in reader.pages)
        assert f"{kind.capitalize()} {name}" in text
    produced = sorted(p.name for p in first.outdir.glob("*.pdf"))
    assert produced == sorted(stem(*region) for region in [*GOOD, FLAKY])
    assert temporaries(first.outdir) == []


def invalid_position(e2e: Any) -> tuple[int, int]:
    """Where the invalid spec's `500.000` is (its text is the minimal example's)."""
    line, col = e2e.position(e2e.minimal_text(), "amount: 500000000")
    return line, col + len("amount: ")


def test_each_failure_says_what_and_where(e2e: Any, first: Run) -> None:
    specs = first.specs()
    [invalid] = specs[folder(INVALID[0])]["errors"]
    assert (invalid["file"], invalid["line"], invalid["col"]) == (
        f"cohort/{folder(INVALID[0])}/masterplan.yaml", *invalid_position(e2e))
    assert "500.000" in invalid["message"]
    segv = specs[folder(FAULTY["segv"][0])]
    assert segv["attempts"] == 2 and "SIGSEGV" in segv["errors"][0]["message"]
    hang = specs[folder(FAULTY["hang"][0])]
    assert hang["errors"][0]["code"] == "batch.timeout"
    assert float(TIMEOUT) <= hang["seconds"] < float(TIMEOUT) + 10
    assert "_Unpicklable" in specs[folder(FAULTY["unpicklable"][0])]["errors"][0]["message"]
    assert specs[folder(FLAKY[0])]["attempts"] == 2


def test_progress_is_plain_lines_when_stderr_is_not_a_terminal(first: Run) -> None:
    lines = [line for line in first.process.stderr.splitlines() if re.match(r"\[\s*\d+/12\]",
                                                                              line)]
    assert len(lines) == 12
    assert all(" berlalu · sisa " in line for line in lines)  # Indonesian by default
    assert "\r" not in first.process.stderr
    assert ("masterplan: 12 spec: 8 berhasil, 2 gagal, 1 melewati batas waktu, 1 proses mati"
            in first.process.stderr)


def test_summary_csv_has_one_row_per_spec(e2e: Any, first: Run) -> None:
    from helpers import read_summary_csv

    rows = read_summary_csv((first.outdir / "summary.csv").read_bytes())  # `;`, Indonesian
    assert len(rows) == 12
    by_code = {row["region_code"]: row for row in rows}
    assert by_code["3578"]["status"] == "berhasil"
    assert by_code["3578"]["outputs"] == stem(*GOOD[2])
    bad = next(row for row in rows if row["spec"] == "3603/masterplan.yaml")
    line, col = invalid_position(e2e)
    assert bad["status"] == "gagal" and f":{line}:{col}: " in bad["errors"]
    assert float(by_code["3578"]["seconds"].replace(",", ".")) > 0


def test_index_page_links_every_document_and_lists_the_failures(first: Run) -> None:
    page = (first.outdir / "index.html").read_text("utf-8")
    links = re.findall(r'href="([^"]+)"', page)
    documents = [link for link in links if link.endswith(".pdf")]
    assert sorted(documents) == sorted(stem(*region) for region in [*GOOD, FLAKY])
    assert all((first.outdir / link).is_file() for link in links)
    failures = page[page.index('id="failures"'):page.index('id="documents"')]
    for code in (INVALID[0], *(code for code, _k, _n in FAULTY.values())):
        assert f"cohort/{folder(code)}/masterplan.yaml" in failures
    # self-contained: nothing is loaded from elsewhere
    assert "<script" not in page and "http://" not in page and "https://" not in page


# --- incremental runs ------------------------------------------------------------------------

def test_an_unchanged_cohort_renders_nothing(e2e: Any, cohort: Path, first: Run,
                                            tmp_path: Path) -> None:
    root = copy_of(cohort, tmp_path)
    before = mtimes(root / "out")
    run = batch(e2e, "cohort", "-o", "out", *BATCH, cwd=root)
    assert run.process.returncode == 1  # the invalid spec is still invalid
    assert set(run.statuses().values()) == {"skipped", "failed"}
    assert run.summary["counts"]["skipped"] == 8
    assert mtimes(root / "out") == before
    assert run.process.stdout == ""  # nothing new
    assert run.seconds < 10, run.seconds


def test_force_renders_again(e2e: Any, cohort: Path, first: Run, tmp_path: Path) -> None:
    root = copy_of(cohort, tmp_path)
    manifest = root / "cohort" / "cohort.yaml"
    manifest.write_text("cohort: {year: 2025}\nspecs: [3507/masterplan.yaml, "
                        "3573/masterplan.yaml]\noptions: {documents: [summary], formats: [pdf]}\n",
                        encoding="utf-8")
    before = mtimes(root / "out")
    run = batch(e2e, manifest.relative_to(root), "-o", "out", "--force", "-j", "2", cwd=root)
    assert run.process.returncode == 0, run.process.stderr
    assert run.statuses() == {"3507": "ok", "3573": "ok"}
    after = mtimes(root / "out")
    changed = {name for name in after if after[name] != before[name]}
    assert changed == {stem(*GOOD[0]), stem(*GOOD[1])}


def test_a_changed_spec_or_logo_renders_only_that_spec(e2e: Any, cohort: Path, first: Run,
                                                        tmp_path: Path) -> None:
    from PIL import Image

    root = copy_of(cohort, tmp_path)
    surabaya = root / "cohort" / "3578" / "masterplan.yaml"
    surabaya.write_text(e2e.replace_once(surabaya.read_text("utf-8"), "Sampah belum terpilah",
                                         "Sampah masih belum terpilah"), encoding="utf-8")
    Image.new("RGB", (40, 40), (200, 30, 30)).save(root / "cohort" / "3510" / "logo.png")
    run = batch(e2e, "cohort", "-o", "out", *BATCH, cwd=root)
    statuses = run.statuses()
    assert {k for k, v in statuses.items() if v == "ok"} == {"3578", "3510"}
    assert {k for k, v in statuses.items() if v == "skipped"} == {
        folder(code) for code, _k, _n in [*GOOD, FLAKY]} - {"3578", "3510"}
    assert sorted(run.process.stdout.split()) == sorted(
        f"out/{stem(*GOOD[i])}" for i in (2, 3))


def test_a_killed_batch_leaves_no_partial_file_and_resumes(e2e: Any, cohort: Path,
                                                           first: Run, tmp_path: Path) -> None:
    root = copy_of(cohort, tmp_path)
    shutil.rmtree(root / "out")
    shutil.rmtree(root / "cohort" / folder(INVALID[0]))
    state = root / "out" / ".masterplan-state.json"
    command = [*e2e.masterplan_command(), "batch", "cohort", "-o", "out", *BATCH]
    process = subprocess.Popen(command, cwd=root, env=e2e.child_env(),
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    done_at_kill = 0
    workers: set[int] = set()
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and process.poll() is None:
            workers |= children(process.pid)
            if state.is_file():
                with contextlib.suppress(ValueError, OSError):
                    done_at_kill = len(json.loads(state.read_text("utf-8"))["specs"])
            if done_at_kill >= 2:
                break
            time.sleep(0.05)
        assert process.poll() is None, "the batch ended before it could be killed"
        process.send_signal(signal.SIGKILL)
    finally:
        process.wait(timeout=30)
    assert 2 <= done_at_kill < 8
    # the workers die with the batch (no orphan keeps rendering)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(alive(pid) for pid in workers):
        time.sleep(0.1)
    assert workers and not any(alive(pid) for pid in workers)
    # a temporary like the one a killed writer leaves: removed by the next run
    (root / "out" / ".masterplan-tmp-killed.tmp").write_bytes(b"%PDF-1.7 half")
    run = batch(e2e, "cohort", "-o", "out", *BATCH, cwd=root)
    assert run.process.returncode == 0, run.process.stderr
    counts = run.summary["counts"]
    assert counts["ok"] + counts["skipped"] == 8 and counts["skipped"] >= done_at_kill
    assert temporaries(root / "out") == []
    for code, kind, name in [*GOOD, FLAKY]:
        assert len(PdfReader(root / "out" / stem(code, kind, name)).pages) >= 1


def children(pid: int) -> set[int]:
    found: set[int] = set()
    for task in Path(f"/proc/{pid}/task").glob("*/children"):
        with contextlib.suppress(OSError):
            found |= {int(p) for p in task.read_text().split()}
    return found


def alive(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"  # a zombie is dead


# --- collisions ------------------------------------------------------------------------------

def test_collisions_are_reported_with_both_files_before_rendering(e2e: Any,
                                                                   tmp_path: Path) -> None:
    write_region(e2e, tmp_path / "cohort" / "a", "35.73", "kota", "Malang")
    write_region(e2e, tmp_path / "cohort" / "b", "35.73", "kota", "Malang Raya")
    write_region(e2e, tmp_path / "cohort", "35.78", "kota", "Surabaya")
    run = batch(e2e, "cohort", "-o", "out", "-f", "html", "-j", "2", cwd=tmp_path)
    assert run.process.returncode == 1
    specs = {s["spec"]: s for s in run.summary["specs"]}
    first_file, second_file = "cohort/a/3573/masterplan.yaml", "cohort/b/3573/masterplan.yaml"
    line, col = e2e.position((tmp_path / first_file).read_text("utf-8"), '"35.73"')
    for this, other in ((first_file, second_file), (second_file, first_file)):
        [error] = specs[this]["errors"]
        assert specs[this]["status"] == "failed" and error["code"] == "batch.collision"
        assert (error["line"], error["col"]) == (line, col)  # region.code
        assert f"{other}:{line}:{col}" in error["message"]
    assert specs["cohort/3578/masterplan.yaml"]["status"] == "ok"
    assert sorted(p.name for p in (tmp_path / "out").glob("*.html")) == [
        "3578-kota-surabaya-2025-masterplan.html", "index.html"]


# --- report and export over the same cohort -------------------------------------------------

def test_export_gives_one_row_per_program(e2e: Any, cohort: Path) -> None:
    result = e2e.run_masterplan("export", "cohort", "--format", "csv", "-j", "2", "--lang",
                                "en", "--headers", "keys", cwd=cohort)
    assert result.returncode == 1  # the invalid spec is left out, and said so
    assert "3603/masterplan.yaml left out (failed)" in result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout.lstrip("\ufeff"), newline="")))
    assert len(rows) == 11 * 18
    assert list(rows[0])[:12] == [
        "region_code", "region_name", "region_type", "province", "cohort_year", "cohort_track",
        "dimension", "dimension_name", "sub_dimension", "sub_dimension_name", "program_id",
        "program_name"]
    assert list(rows[0])[-5:] == ["budget_total", "indicator_count", "indicators",
                                  "quick_wins", "spec"]
    codes = [row["region_code"] for row in rows]
    assert codes == sorted(codes)


def test_the_cohort_report(e2e: Any, cohort: Path, tmp_path: Path) -> None:
    from docx import Document

    result = e2e.run_masterplan("report", "cohort", "-f", "pdf,html,docx", "-o", tmp_path,
                                "-j", "2", cwd=cohort)
    assert result.returncode == 1 and "3603/masterplan.yaml" in result.stderr
    pdf = tmp_path / "cohort-report.pdf"
    text = "\n".join(page.extract_text() for page in PdfReader(pdf).pages)
    for heading in ("PROGRAM PER DIMENSI DAN DAERAH", "ANGGARAN PER DIMENSI",
                    "PROGRAM QUICK WIN", "PETA KESIAPAN DAERAH", "SPEC YANG TIDAK DISERTAKAN"):
        assert heading in text
    for code, _kind, _name in [*GOOD, FLAKY]:
        assert code in text
    html = (tmp_path / "cohort-report.html").read_text("utf-8")
    assert html.count('class="num heat heat-') >= 11 * 13
    assert "cohort/3603/masterplan.yaml" in html
    assert os.path.getsize(pdf) > 10_000
    word = Document(str(tmp_path / "cohort-report.docx"))
    cells = [cell.text for table in word.tables for row in table.rows for cell in row.cells]
    assert "33.74" in cells and "Kota Semarang" in cells


def test_report_and_export_follow_the_manifests_options(e2e: Any, cohort: Path,
                                                        tmp_path: Path) -> None:
    """No -f, -o or --lang: the manifest's options decide, as they do for `batch`."""
    root = tmp_path / "angkatan"
    for code, _kind, _name in GOOD[:2]:
        shutil.copytree(cohort / "cohort" / folder(code), root / folder(code))
    (root / "cohort.yaml").write_text(
        'cohort: {year: 2025, track: reguler}\nspecs: ["*/masterplan.yaml"]\n'
        "options: {formats: [html], lang: en, outdir: laporan}\n", encoding="utf-8")
    result = e2e.run_masterplan("report", "cohort.yaml", "-j", "1", cwd=root)
    assert result.returncode == 0, result.stderr
    written = list((root / "laporan").iterdir())
    assert [p.suffix for p in written] == [".html"] and not (root / "out").exists()
    html = written[0].read_text("utf-8")
    assert "Programs per Dimension and Region" in html
    assert "Program per Dimensi dan Daerah" not in html

    result = e2e.run_masterplan("export", "cohort.yaml", "--format", "json", cwd=root)
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    assert len(rows) == 2 * 18
    assert {row["horizon_name"] for row in rows} <= {"Short Term", "Medium Term", "Long Term"}
    result = e2e.run_masterplan("export", "cohort.yaml", "--format", "json", "--lang", "id",
                                cwd=root)
    assert {row["horizon_name"] for row in json.loads(result.stdout)} <= {
        "Jangka Pendek", "Jangka Menengah", "Jangka Panjang"}
