"""The decks and the native DOCX charts, timed on the complete example.

    .venv/bin/python benchmarks/bench_decks.py [--runs 5] [--spec examples/...yaml]

Each figure is the median of --runs runs in one process (warm: imports and fonts loaded):

- the quick-win deck: the PPTX writer (`generator.render.pptx.write_pptx`) on the
  quick-win document, as `render --document quickwins -f pptx` hands it over (goal of
  issue 20: under 1 s), and that whole render (load, validate, charts, context, deck);
- the masterplan DOCX (`render -f docx --docx-toc field`, the whole render) with
  `--docx-charts native` and with `--docx-charts picture`, run alternately so both see the
  same machine (goal: native no slower than picture; native draws no chart PNGs).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
DEFAULT_SPEC = REPO / "examples" / "kabupaten-banyuwangi" / "masterplan.yaml"


def seconds(action: Callable[[], Any]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--spec", type=Path, default=DEFAULT_SPEC)
    args = parser.parse_args(argv)

    import generator.render.pptx as pptx_module
    from generator.pipeline import render_spec
    from generator.settings import RenderSettings

    captured: dict[str, Any] = {}
    write_pptx = pptx_module.write_pptx

    def capture(document: Any) -> Any:
        captured["document"] = document
        return write_pptx(document)

    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)
        deck = RenderSettings(documents=("quickwins",), formats=("pptx",), outdir=out)
        pptx_module.write_pptx = capture  # type: ignore[assignment]
        render_spec(args.spec, deck, write=False)
        pptx_module.write_pptx = write_pptx
        document = captured["document"]
        writer = [seconds(lambda: write_pptx(document)) for _ in range(args.runs)]
        whole = [seconds(lambda: render_spec(args.spec, deck, write=False))
                 for _ in range(args.runs)]
        docx = RenderSettings(documents=("masterplan",), formats=("docx",), docx_toc="field",
                              outdir=out)
        native, picture = [], []
        render_spec(args.spec, docx, write=False)  # warm
        for _ in range(args.runs):
            native.append(seconds(lambda: render_spec(
                args.spec, docx.replace(docx_charts="native"), write=False)))
            picture.append(seconds(lambda: render_spec(
                args.spec, docx.replace(docx_charts="picture"), write=False)))
    rows = [("quick-win deck, PPTX writer", writer), ("quick-win deck, whole render", whole),
            ("masterplan DOCX, native charts", native),
            ("masterplan DOCX, picture charts", picture)]
    for name, values in rows:
        print(f"{name:34} median {statistics.median(values):6.3f} s  "
              f"(min {min(values):.3f}, max {max(values):.3f}, {len(values)} runs)")
    ok_deck = statistics.median(writer) < 1.0
    ok_docx = statistics.median(native) <= statistics.median(picture)
    print(f"deck under 1 s: {'yes' if ok_deck else 'NO'}; "
          f"native no slower than picture: {'yes' if ok_docx else 'NO'}")
    return 0 if ok_deck and ok_docx else 1


if __name__ == "__main__":
    raise SystemExit(main())
