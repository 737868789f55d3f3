"""Spec → PDF benchmark: our own overhead against WeasyPrint, measured in the same run.

Run:  .venv/bin/python benchmarks/bench_render.py [SPEC] [--runs 5]
Default SPEC: examples/kabupaten-banyuwangi/masterplan.yaml.

It times, in one process and for the same spec, each stage of `masterplan render -f pdf`
(load, validate, model, charts, context, templates → HTML) and then WeasyPrint alone on the
HTML our tool produced; it also times the whole command in a fresh process (imports
included). Medians of --runs runs; CPU ms per PDF page is reported for WeasyPrint.

The cost of a tagged PDF (structure tree, the default) is measured in the same run: the
same HTML rendered untagged and tagged, alternating, so that both see the same machine.
"""

from __future__ import annotations

import argparse
import dataclasses
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench_batch import as_installed

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def median_of(runs: int, fn: object) -> tuple[float, float, object]:
    assert callable(fn)
    walls, cpus, result = [], [], None
    for _ in range(runs):
        wall, cpu = time.perf_counter(), time.process_time()
        result = fn()
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return statistics.median(walls), statistics.median(cpus), result


def main() -> None:
    as_installed()
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("spec", nargs="?", type=Path,
                        default=ROOT / "examples/kabupaten-banyuwangi/masterplan.yaml")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    from pypdf import PdfReader

    from generator.documents import KINDS
    from generator.documents.charts import make_charts
    from generator.documents.context import build_context
    from generator.documents.naming import document_meta
    from generator.i18n.labels import labels
    from generator.pipeline import document_html
    from generator.render.html import make_environment
    from generator.render.pdf import PdfOptions, render_pdf
    from generator.settings import RenderSettings
    from generator.spec.assets import resolve_image
    from generator.spec.load import load_spec
    from generator.spec.model import build_model
    from generator.spec.validate import validate

    spec: Path = args.spec
    lang = "id"
    stages: dict[str, tuple[float, float]] = {}

    wall, cpu, doc = median_of(args.runs, lambda: load_spec(spec))
    stages["load (YAML → data)"] = (wall, cpu)
    wall, cpu, _ = median_of(args.runs, lambda: validate(doc))
    stages["validate (schema + rules)"] = (wall, cpu)
    wall, cpu, plan = median_of(args.runs, lambda: build_model(doc))
    stages["model"] = (wall, cpu)
    wall, cpu, charts = median_of(args.runs, lambda: make_charts(plan, lang, labels(lang)))
    stages["charts (4 SVG)"] = (wall, cpu)

    def context() -> dict[str, object]:
        ctx = build_context(plan, lang, charts)
        logo = plan.region.get("logo")
        if logo:
            ctx["logo"] = resolve_image(doc, ("region", "logo"), str(logo)).data_uri
        return ctx

    wall, cpu, ctx = median_of(args.runs, context)
    stages["context (+ Markdown, logo)"] = (wall, cpu)
    env = make_environment(None)
    kind = KINDS["masterplan"]
    meta = document_meta(kind, ctx)
    wall, cpu, html = median_of(args.runs, lambda: document_html(kind, {**ctx, **meta}, env,
                                                                  RenderSettings()))
    stages["templates → HTML"] = (wall, cpu)
    ours_wall = sum(w for w, _ in stages.values())
    ours_cpu = sum(c for _, c in stages.values())

    options = PdfOptions(title=meta["title"], author=meta["author"], subject=meta["subject"],
                         keywords=meta["keywords"], language=lang)
    wp_wall, wp_cpu, pdf = median_of(args.runs, lambda: render_pdf(html, [], options))
    pages = len(PdfReader(__import__("io").BytesIO(pdf)).pages)
    untagged = dataclasses.replace(options, tagged=False)
    tag_cpu: dict[bool, list[float]] = {False: [], True: []}
    for _ in range(args.runs):
        for tagged in (False, True):
            cpu = time.process_time()
            render_pdf(html, [], options if tagged else untagged)
            tag_cpu[tagged].append(time.process_time() - cpu)
    plain_cpu, tagged_cpu = (statistics.median(tag_cpu[key]) for key in (False, True))

    with tempfile.TemporaryDirectory() as out:
        command = [str(ROOT / ".venv/bin/masterplan"), "render", str(spec), "-f", "pdf",
                   "-o", out]
        cli = []
        for _ in range(args.runs):
            start = time.perf_counter()
            subprocess.run(command, check=True, capture_output=True)
            cli.append(time.perf_counter() - start)
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)

    print(f"machine: {platform.machine()}, {platform.processor() or '?'}, "
          f"python {platform.python_version()}, runs={args.runs} (medians)")
    print(f"spec: {spec} → {pages} PDF pages, {len(html) / 1024:.0f} KiB HTML")
    print(f"{'stage':32} {'wall ms':>9} {'cpu ms':>9}")
    for name, (w, c) in stages.items():
        print(f"{name:32} {w * 1000:9.1f} {c * 1000:9.1f}")
    print(f"{'ours, total':32} {ours_wall * 1000:9.1f} {ours_cpu * 1000:9.1f}")
    print(f"{'WeasyPrint (HTML → PDF)':32} {wp_wall * 1000:9.1f} {wp_cpu * 1000:9.1f}")
    print(f"ours / WeasyPrint: {ours_wall / wp_wall * 100:.1f}% (goal < 10%)")
    print(f"WeasyPrint CPU per page: {wp_cpu * 1000 / pages:.1f} ms")
    print(f"tagged PDF (the default) against untagged, alternating: {tagged_cpu * 1000:.0f} ms"
          f" against {plain_cpu * 1000:.0f} ms CPU, "
          f"{(tagged_cpu / plain_cpu - 1) * 100:+.1f}% (made the default while < +15%)")
    print(f"whole command in a fresh process (`render -f pdf`): "
          f"{statistics.median(cli):.2f} s median; peak RSS of a run "
          f"{usage.ru_maxrss / 1024:.0f} MiB")


if __name__ == "__main__":
    main()
