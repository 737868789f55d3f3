"""`masterplan watch`: re-render the HTML preview when the spec, a file it names (the logo, a
picture) or a template changes.

Polls modification times (no extra dependency); a broken spec prints its diagnostics and the
watch goes on, keeping the last good preview on disk. With a `--template-dir`, every render
runs in a worker process kept for the whole watch and stopped (then replaced) when a render
overruns its time or memory limit (`generator.batch.isolated`).
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import click

from generator.errors import InternalError, MasterplanError, SpecError
from generator.settings import DEFAULT_MEMORY_MIB, DEFAULT_RENDER_TIMEOUT, RenderSettings

if TYPE_CHECKING:
    from generator.pipeline import RenderResult


def _named_paths(spec: Path) -> list[Path]:
    from generator.spec import load_spec
    from generator.spec.validate import named_files

    try:
        names = named_files(load_spec(spec).data)
    except SpecError:
        return []
    return [spec.parent / name for name in names if "://" not in name]


def _stamp(paths: list[Path]) -> tuple[tuple[str, float, int], ...]:
    stamps = []
    for path in paths:
        try:
            info = path.stat()
        except OSError:
            stamps.append((str(path), 0.0, -1))
            continue
        stamps.append((str(path), info.st_mtime, info.st_size))
    return tuple(stamps)


class _Watched:
    """The files a render depends on; the spec is parsed again only when it changed."""

    def __init__(self, spec: Path, template_dir: Path | None) -> None:
        self.spec, self.template_dir = spec, template_dir
        self.spec_stamp: tuple[tuple[str, float, int], ...] = ()
        self.named: list[Path] = []

    def stamp(self) -> tuple[tuple[str, float, int], ...]:
        spec_stamp = _stamp([self.spec])
        if spec_stamp != self.spec_stamp:
            self.spec_stamp = spec_stamp
            self.named = _named_paths(self.spec)
        others = list(self.named)
        if self.template_dir is not None and self.template_dir.is_dir():
            others.extend(sorted(p for p in self.template_dir.rglob("*") if p.is_file()))
        return spec_stamp + _stamp(others)


def run_watch(spec: Path, outdir: Path, *, lang: str | None, template_dir: Path | None,
              interval: float, max_renders: int | None = None,
              timeout: float = DEFAULT_RENDER_TIMEOUT,
              memory_limit: int = DEFAULT_MEMORY_MIB) -> None:
    from generator.batch import isolated
    from generator.pipeline import render_spec

    settings = RenderSettings(documents=("masterplan",), formats=("html",), outdir=outdir,
                              lang=lang, template_dir=template_dir,
                              messages_lang=lang or "id", timeout=timeout,
                              memory_limit=memory_limit)
    watched = _Watched(spec, template_dir)
    click.echo(f"masterplan: watching {spec} (Ctrl-C to stop)", err=True)
    with contextlib.ExitStack() as stack:
        render: Callable[[Path, RenderSettings], RenderResult] = render_spec
        if isolated.isolated(settings):
            renderer = stack.enter_context(isolated.IsolatedRenderer(settings, one_shot=False))
            render = renderer.render_spec
        _loop(spec, settings, watched, render, interval, max_renders)


def _loop(spec: Path, settings: RenderSettings, watched: _Watched,
          render: Callable[[Path, RenderSettings], RenderResult], interval: float,
          max_renders: int | None) -> None:
    lang = settings.messages_lang
    last: tuple[tuple[str, float, int], ...] | None = None
    renders = 0
    try:
        while max_renders is None or renders < max_renders:
            stamp = watched.stamp()
            if stamp != last:
                last = stamp
                renders += 1
                started = time.perf_counter()
                try:
                    result = render(spec, settings)
                except SpecError as exc:
                    for diagnostic in exc.diagnostics:
                        click.echo(diagnostic.format(lang), err=True)
                except InternalError as exc:
                    click.echo(f"masterplan: internal error: {exc}", err=True)
                except MasterplanError as exc:
                    click.echo(f"masterplan: {exc.describe(lang)}", err=True)
                except Exception as exc:  # a watch outlives one bad render
                    click.echo(f"masterplan: internal error: {type(exc).__name__}: {exc}",
                               err=True)
                else:
                    seconds = time.perf_counter() - started
                    for path in result.outputs:
                        click.echo(f"{path} ({seconds:.1f} s)", err=True)
                continue
            time.sleep(interval)
    except KeyboardInterrupt:
        click.echo("masterplan: watch stopped", err=True)
