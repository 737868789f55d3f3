"""Settle the heap of a rendering process: import what a render needs, then take every live
object out of the cyclic garbage collector's sight (`gc.freeze`).

WeasyPrint makes millions of short-lived objects, which set off full collections; each one
used to scan the tens of thousands of long-lived objects of the imported modules, fonts and
caches as well. Frozen, they are skipped: `masterplan render` of the complete example takes
~15 % less CPU, a batch worker ~10 % less, with no more memory (`benchmarks/`).

Only for processes that render once (the `render` command) or a bounded number
of times (batch workers, recycled after 100 specs): an object frozen while alive that later
becomes part of a reference cycle is never collected, so a long-lived process that renders
again and again (`watch`, a test session) does not call this.

`collector_paused` goes one step further for one bounded piece of work (one document of a
render): the collector does not run at all while it lasts, and collects once at the end. A
render of a generated spec made ~350 young-generation and two full collections, ~0.2 of its
~2.7 CPU-s; paused, it took ~13 % less CPU in-process (fewer collections, and fewer cache
misses from their traversals), with ~8 MiB more peak memory, since almost every object of a
render is freed by reference counting anyway. What does pile up is bounded by one document:
`render` pauses per document, not for all of `--document all`.
"""

from __future__ import annotations

import contextlib
import gc
import importlib
from collections.abc import Iterable, Iterator


def freeze() -> None:
    """Collect what is garbage now, then freeze everything still alive."""
    gc.collect()
    gc.freeze()


def settle(modules: Iterable[str], *, charts: bool = True) -> None:
    """Import `modules` (what a render needs: `generator.pipeline.preload_modules`) and,
    when the render draws `charts`, matplotlib; then `freeze`."""
    for name in modules:
        importlib.import_module(name)
    if charts:
        from generator.documents.charts import pyplot

        pyplot()
    freeze()


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Run the body with the cyclic garbage collector off, then collect once.

    For bounded work only (one document): garbage in reference cycles piles up until the
    body ends. The collector's previous state is restored, also when the body raises.
    """
    enabled = gc.isenabled()
    try:
        gc.disable()
        yield
    finally:
        if enabled:
            gc.enable()
        gc.collect()
