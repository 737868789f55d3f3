"""`masterplan sheets` and `masterplan import` timing on the complete example, with
`masterplan validate` of the same spec in the same run for scale.

Run:  .venv/bin/python benchmarks/bench_sheets.py [--runs 5]

Each measurement is a fresh process (imports included, as a user sees it): `sheets` writes
the workbooks of every agency of the example (26), `import` merges the biggest one after
an edit (a name, a budget line, a target and a new program, as tests/sheets_edit.py
makes them). Medians of --runs runs, wall time and the child's CPU time (user + system:
what the machine's other load does not inflate); peak memory is the child's maximum
resident set size. The target is under 1 s for each.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench_batch import as_installed

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "examples/kabupaten-banyuwangi/masterplan.yaml"
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))


def timed(command: list[str]) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds and peak RSS (MiB) of one child process."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               env=env)
    _pid, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"failed: {' '.join(command)}")
    return elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def line(label: str, runs: list[tuple[float, float, float]]) -> str:
    wall = statistics.median(r[0] for r in runs)
    cpu = statistics.median(r[1] for r in runs)
    return (f"{label:<34}{wall:8.2f} s wall {cpu:8.2f} s CPU   peak RSS "
            f"{max(r[2] for r in runs):.0f} MiB")


def main() -> None:
    as_installed()
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    exe = [sys.executable, "-m", "generator"]

    from sheets_edit import edit_workbook

    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "sheets"
        made = [timed([*exe, "sheets", str(SPEC), "-o", str(out)]) for _ in range(args.runs)]
        one = [timed([*exe, "sheets", str(SPEC), "-o", str(out), "--agency", "DISKOMINFO"])
               for _ in range(args.runs)]
        workbook = max(out.glob("*.xlsx"), key=lambda p: p.stat().st_size)
        edited = Path(folder) / "edited.xlsx"
        edit_workbook(workbook, edited)
        merged = Path(folder) / "merged.yaml"
        imported = [timed([*exe, "import", str(SPEC), str(edited), "-o", str(merged)])
                    for _ in range(args.runs)]
        checked = [timed([*exe, "validate", str(SPEC)]) for _ in range(args.runs)]
        bare = [timed([sys.executable, "-c", "pass"]) for _ in range(args.runs)]
        count = len(list(out.glob("*.xlsx")))

    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, python "
          f"{platform.python_version()}, load {os.getloadavg()[0]:.1f}; runs={args.runs}"
          " (medians)")
    print(f"spec: {SPEC.relative_to(ROOT)} ({SPEC.stat().st_size / 1024:.0f} KiB)")
    print(line(f"`masterplan sheets` ({count} books):", made))
    print(line("`masterplan sheets` (one agency):", one))
    print(line("`masterplan import` (one book):", imported))
    print(line("`masterplan validate`:", checked))
    print(line("peer: bare `python -c pass`:", bare))


if __name__ == "__main__":
    main()
