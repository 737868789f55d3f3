"""HTML → DOCX: our converter against pandoc, side by side on the complete example.

Run from the repository root (pandoc must be on PATH: `apt-get install pandoc`):

    .venv/bin/python benchmarks/bench_docx.py [--runs 5] [--spec examples/...yaml]

It renders the example's masterplan HTML once (the same HTML the PDF is made from), then
times, each as the median of --runs runs:

- ours, in process: `generator.render.docx.render_docx(html, options)` (warm, no start-up);
- ours, as a process: a fresh Python that imports the converter, reads the HTML and the
  chart PNGs, converts and writes the .docx (start-up included, as for pandoc);
- pandoc: `pandoc in.html -o out.docx` on the same HTML file;
- the whole command: `masterplan render SPEC -f docx` (load, validate, charts, HTML, DOCX).

Peak memory is each child process's maximum resident set size, from GNU time
(`/usr/bin/time -f %M`; apt-get install time).
The goal of issue 4: ours no slower than pandoc on the same input.
"""

from __future__ import annotations

import argparse
import pickle
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench_batch import as_installed

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
DEFAULT_SPEC = REPO / "examples" / "kabupaten-banyuwangi" / "masterplan.yaml"

CHILD = """
import pickle, sys
from pathlib import Path
sys.path.insert(0, {repo!r})
from generator.render.docx import render_docx
html = Path(sys.argv[1]).read_text(encoding="utf-8")
options = pickle.loads(Path(sys.argv[2]).read_bytes())
Path(sys.argv[3]).write_bytes(render_docx(html, options))
"""


def prepare(spec: Path) -> tuple[str, Any]:
    """The masterplan HTML and the DocxOptions that `masterplan render -f docx` hands the
    converter, caught on their way in (the command imports `convert` when it runs)."""
    import generator.render.docx as docx_module
    from generator.pipeline import render_spec
    from generator.settings import RenderSettings

    captured: dict[str, Any] = {}

    def capture(html: str, options: Any) -> Any:
        captured["html"], captured["options"] = html, options
        return docx_module.DocxResult(b"")

    real = docx_module.convert
    docx_module.convert = capture
    try:
        with tempfile.TemporaryDirectory() as folder:
            render_spec(spec, RenderSettings(formats=("docx",), outdir=Path(folder)))
    finally:
        docx_module.convert = real
    return captured["html"], captured["options"]


def run_child(command: list[str]) -> tuple[float, int]:
    """(seconds, peak RSS in KiB) of one child process, which must succeed.

    The peak comes from GNU time (`/usr/bin/time -f %M`): the rusage of a forked child
    would also count the parent's pages it held before exec.
    """
    gnu_time = shutil.which("time", path="/usr/bin:/bin")
    wrapped = [gnu_time, "-f", "%M", *command] if gnu_time else command
    started = time.perf_counter()
    done = subprocess.run(wrapped, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                          text=True, check=False)
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed ({done.returncode}):\n{done.stderr}")
    lines = done.stderr.strip().splitlines()
    peak = int(lines[-1]) if gnu_time and lines and lines[-1].isdigit() else 0
    return seconds, peak


def median_of(runs: int, action: Callable[[], tuple[float, int]]) -> tuple[float, int]:
    results = [action() for _ in range(runs)]
    return statistics.median(r[0] for r in results), max(r[1] for r in results)


def main(argv: list[str] | None = None) -> int:
    as_installed()
    parser = argparse.ArgumentParser(description="HTML → DOCX: ours against pandoc")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--spec", type=Path, default=DEFAULT_SPEC)
    args = parser.parse_args(argv)
    pandoc = shutil.which("pandoc")
    if pandoc is None:
        raise SystemExit("pandoc is not installed (apt-get install pandoc)")
    from generator.render.docx import render_docx

    html, options = prepare(args.spec)
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        html_path = work / "in.html"
        html_path.write_text(html, encoding="utf-8")
        options_path = work / "options.pickle"
        options_path.write_bytes(pickle.dumps(options))

        render_docx(html, options)  # warm-up: imports, reference.docx in the page cache

        def in_process() -> tuple[float, int]:
            started = time.perf_counter()
            render_docx(html, options)
            return time.perf_counter() - started, 0

        ours, _ = median_of(args.runs, in_process)
        child = [sys.executable, "-c", CHILD.format(repo=str(REPO)), str(html_path),
                 str(options_path), str(work / "ours.docx")]
        ours_process, ours_rss = median_of(args.runs, lambda: run_child(child))
        theirs, theirs_rss = median_of(args.runs, lambda: run_child(
            [pandoc, str(html_path), "-o", str(work / "pandoc.docx")]))
        script = Path(sys.executable).with_name("masterplan")
        masterplan = [str(script)] if script.is_file() else [sys.executable, "-m",
                                                             "generator"]
        whole, whole_rss = median_of(args.runs, lambda: run_child(
            [*masterplan, "render", str(args.spec), "-f", "docx", "-o", str(work / "out")]))
        sizes = {name: (work / name).stat().st_size for name in ("ours.docx", "pandoc.docx")}

    name = args.spec.relative_to(REPO) if args.spec.is_relative_to(REPO) else args.spec
    print(f"HTML → DOCX, {name} (masterplan, {len(html) / 1024:.0f} KiB of HTML), "
          f"median of {args.runs} runs")
    print()
    print("| what                                   | median s | peak RSS MiB | output KiB |")
    print("|----------------------------------------|---------:|-------------:|-----------:|")
    print(f"| ours, in process (render_docx)         | {ours:8.3f} |            – |"
          f" {sizes['ours.docx'] / 1024:10.0f} |")
    print(f"| ours, as a process (start-up included) | {ours_process:8.3f} |"
          f" {ours_rss / 1024:12.0f} |            |")
    print(f"| pandoc in.html -o out.docx             | {theirs:8.3f} |"
          f" {theirs_rss / 1024:12.0f} | {sizes['pandoc.docx'] / 1024:10.0f} |")
    print(f"| masterplan render -f docx (whole)      | {whole:8.3f} |"
          f" {whole_rss / 1024:12.0f} |            |")
    print()
    print(f"pandoc / ours: {theirs / ours:.1f}× in process, {theirs / ours_process:.1f}× "
          "process against process")
    return 0 if ours_process <= theirs else 1


if __name__ == "__main__":
    raise SystemExit(main())
