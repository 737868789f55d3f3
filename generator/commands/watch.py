"""`masterplan watch`: re-render the HTML preview when the spec, a file it names (the logo, a
picture) or a template changes.

Polls modification times (no extra dependency); a broken spec prints its diagnostics and the
watch goes on, keeping the last good preview on disk.
"""

from __future__ import annotations

import time
from pathlib import Path

import click

from generator.errors import MasterplanError, SpecError


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
              interval: float, max_renders: int | None = None) -> None:
    from generator.pipeline import render_spec
    from generator.settings import RenderSettings

    settings = RenderSettings(documents=("masterplan",), formats=("html",), outdir=outdir,
                              lang=lang, template_dir=template_dir,
                              messages_lang=lang or "id")

    last: tuple[tuple[str, float, int], ...] | None = None
    watched = _Watched(spec, template_dir)
    renders = 0
    click.echo(f"masterplan: watching {spec} (Ctrl-C to stop)", err=True)
    try:
        while max_renders is None or renders < max_renders:
            stamp = watched.stamp()
            if stamp != last:
                last = stamp
                renders += 1
                started = time.perf_counter()
                try:
                    result = render_spec(spec, settings)
                except SpecError as exc:
                    for diagnostic in exc.diagnostics:
                        click.echo(diagnostic.format(lang or "id"), err=True)
                except MasterplanError as exc:
                    click.echo(f"masterplan: {exc}", err=True)
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
