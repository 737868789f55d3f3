"""`masterplan evaluate` against rendering the summary document, in the same run.

Run from the repository root:

    .venv/bin/python benchmarks/bench_evaluate.py [--runs 5] [--spec examples/...yaml]

Each measure is the median of --runs child processes (start-up included, as a user runs
them), the commands taking turns so that both see the same machine load. The ratio is taken
on CPU seconds (user + system of the child, from `wait4`): on a shared machine the wall
clock mostly measures the neighbours; the wall-clock medians are printed beside them.

- the peer: `masterplan render SPEC --document summary -f pdf`;
- `masterplan evaluate SPEC PROGRESS... ` with its default formats (pdf and the xlsx
  workbook), and with `-f pdf` only (the same format as the peer).

PROGRESS is every `progress/*.yaml` beside the spec (two years for the complete example).
Peak memory is each child's maximum resident set size, from GNU time (`/usr/bin/time`).
The goal of issue 18: the evaluation pack within 1.2× the summary (exit code 1 if not).

The floor: WeasyPrint alone (`HTML(string=...).write_pdf(pdf_tags=True)`, in this process,
warm, medians of --runs) on the very HTML each command makes (`-f html`), with none of our
code around it. What WeasyPrint alone needs for the pack beyond the summary, set against
the 0.2 × summary that the goal allows for everything the pack does beyond it, says whether
the goal can be met by our code at all, or only by printing fewer table cells.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench_batch import as_installed, machine

REPO = Path(__file__).resolve().parents[1]
DEFAULT_SPEC = REPO / "examples" / "kabupaten-banyuwangi" / "masterplan.yaml"
GOAL = 1.2


@dataclass(frozen=True)
class Run:
    cpu: float  # user + system seconds of the child
    wall: float
    peak: int  # maximum resident set size, KiB


def run_child(command: list[str]) -> Run:
    """One child process, which must succeed: its CPU seconds, wall seconds and peak RSS
    (from `wait4`'s rusage of that child alone; a fork's peak would also count pages of the
    parent it held before exec, so the peak is GNU time's when /usr/bin/time is there)."""
    gnu_time = shutil.which("time", path="/usr/bin:/bin")
    wrapped = [gnu_time, "-f", "%M", *command] if gnu_time else command
    started = time.perf_counter()
    child = subprocess.Popen(wrapped, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                             text=True)
    assert child.stderr is not None
    stderr = child.stderr.read()
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - started
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed ({child.returncode}):\n{stderr}")
    lines = stderr.strip().splitlines()
    peak = int(lines[-1]) if gnu_time and lines and lines[-1].isdigit() else usage.ru_maxrss
    return Run(usage.ru_utime + usage.ru_stime, wall, peak)


def main(argv: list[str] | None = None) -> int:
    as_installed()
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--spec", type=Path, default=DEFAULT_SPEC)
    args = parser.parse_args(argv)
    progress = sorted((args.spec.parent / "progress").glob("*.yaml"))
    if not progress:
        raise SystemExit(f"no progress/*.yaml beside {args.spec}")
    script = Path(sys.executable).with_name("masterplan")
    masterplan = [str(script)] if script.is_file() else [sys.executable, "-m", "generator"]
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)
        commands = {
            "render --document summary -f pdf": [
                *masterplan, "render", str(args.spec), "--document", "summary", "-f", "pdf",
                "-o", str(out / "summary")],
            "evaluate (pdf,xlsx: the default)": [
                *masterplan, "evaluate", str(args.spec), *map(str, progress), "-o",
                str(out / "evaluate")],
            "evaluate -f pdf": [
                *masterplan, "evaluate", str(args.spec), *map(str, progress), "-f", "pdf",
                "-o", str(out / "evaluate-pdf")],
        }
        for command in commands.values():  # warm-up: the page cache, compiled bytecode
            run_child(command)
        runs: dict[str, list[Run]] = {name: [] for name in commands}
        for _ in range(args.runs):
            for name, command in commands.items():
                runs[name].append(run_child(command))
    cpu = {name: statistics.median(r.cpu for r in values) for name, values in runs.items()}
    wall = {name: statistics.median(r.wall for r in values) for name, values in runs.items()}
    peaks = {name: max(r.peak for r in values) for name, values in runs.items()}
    peer = "render --document summary -f pdf"
    name = args.spec.relative_to(REPO) if args.spec.is_relative_to(REPO) else args.spec
    print(f"`masterplan evaluate` on {name} with {len(progress)} progress files, median of "
          f"{args.runs} runs each (child processes, taking turns)")
    print(f"machine: {machine()}")
    print()
    print("| command                          | CPU s | × summary | wall s | × summary |"
          " peak RSS MiB |")
    print("|----------------------------------|------:|----------:|-------:|----------:|"
          "-------------:|")
    for label in commands:
        print(f"| {label:32} | {cpu[label]:5.2f} | {cpu[label] / cpu[peer]:9.2f} |"
              f" {wall[label]:6.2f} | {wall[label] / wall[peer]:9.2f} |"
              f" {peaks[label] / 1024:12.0f} |")
    ratio = cpu["evaluate (pdf,xlsx: the default)"] / cpu[peer]
    print()
    print(f"evaluate / summary: {ratio:.2f}× in CPU seconds (goal ≤ {GOAL}×); "
          f"{wall['evaluate (pdf,xlsx: the default)'] / wall[peer]:.2f}× wall clock")
    floor(masterplan, args.spec, progress, args.runs, cpu[peer],
          cpu["evaluate -f pdf"] - cpu[peer])
    return 0 if ratio <= GOAL else 1


def bare_table(cells: int, runs: int, weasy: Any) -> float:
    """WeasyPrint on a table of `cells` short texts, six to a row, with no stylesheet of
    ours (what a table cell costs the renderer itself), less an empty page's cost."""
    rows = "".join("<tr>" + "".join(f"<td>GOV-{row:02d} layanan {column} daring</td>"
                                    for column in range(6)) + "</tr>"
                   for row in range(-(-cells // 6)))
    page = ("<html lang='id'><head><style>@page { size: A4; margin: 2cm } body { font: 9pt "
            "sans-serif } table { border-collapse: collapse; width: 100%; table-layout: "
            "fixed } td { border: 0.5pt solid #999; padding: 2pt }</style></head><body>"
            "<table>@ROWS@</table></body></html>")
    empty = statistics.median(weasy(page.replace("@ROWS@", "")) for _ in range(runs))
    return statistics.median(weasy(page.replace("@ROWS@", rows)) for _ in range(runs)) - empty


def floor(masterplan: list[str], spec: Path, progress: list[Path], runs: int,
          summary_cpu: float, pack_extra: float) -> None:
    """WeasyPrint alone on the HTML of the summary and of the pack (see the module doc)."""
    import re

    import weasyprint

    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)
        run_child([*masterplan, "render", str(spec), "--document", "summary", "-f", "html",
                   "-o", str(out / "summary")])
        run_child([*masterplan, "evaluate", str(spec), *map(str, progress), "-f", "html",
                   "-o", str(out / "evaluate")])
        pages = {name: next((out / name).glob("*.html")).read_text(encoding="utf-8")
                 for name in ("summary", "evaluate")}

    def weasy(html: str) -> float:
        started = time.process_time()
        weasyprint.HTML(string=html, base_url=str(REPO)).write_pdf(pdf_tags=True)
        return time.process_time() - started

    weasy(pages["summary"])  # warm-up: imports, fonts
    alone = {name: statistics.median(weasy(html) for _ in range(runs))
             for name, html in pages.items()}
    cells = {name: len(re.findall(r"<t[dh][ >]", html)) for name, html in pages.items()}
    extra = alone["evaluate"] - alone["summary"]
    allowed = (GOAL - 1) * summary_cpu
    print()
    print("| WeasyPrint alone on the HTML (in process) | CPU s | table cells |")
    print("|-------------------------------------------|------:|------------:|")
    for name, label in (("summary", "the summary's"), ("evaluate", "the pack's")):
        print(f"| {label:41} | {alone[name]:5.2f} | {cells[name]:11} |")
    per_cell = extra / max(1, cells["evaluate"] - cells["summary"]) * 1000
    bare = bare_table(cells["evaluate"] - cells["summary"], runs, weasy)
    print(f"| {'a bare 6-column table, as many cells':41} | {bare:5.2f} |"
          f" {cells['evaluate'] - cells['summary']:11} |")
    print()
    print(f"the pack beyond the summary: {pack_extra:.2f} CPU s in all (evaluate -f pdf − "
          f"summary), of which WeasyPrint alone needs {extra:.2f} s "
          f"({per_cell:.2f} ms a table cell); the goal allows {allowed:.2f} s — "
          + ("reachable" if extra <= allowed else
             f"out of reach for any code around WeasyPrint ({extra / allowed:.1f}× the "
             f"allowance) unless the pack prints fewer cells"))


if __name__ == "__main__":
    raise SystemExit(main())
