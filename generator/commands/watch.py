"""`masterplan watch`: re-render the HTML preview when the spec, its logo or a template changes.

Polls modification times (no extra dependency); a broken spec prints its diagnostics and the
watch goes on, keeping the last good preview on disk.
"""

from __future__ import annotations

import time
from pathlib import Path

import click

from generator.errors import MasterplanError, SpecError


def _watched(spec: Path, template_dir: Path | None) -> list[Path]:
    paths = [spec]
    logo = _logo_path(spec)
    if logo is not None:
        paths.append(logo)
    if template_dir is not None and template_dir.is_dir():
        paths.extend(sorted(p for p in template_dir.rglob("*") if p.is_file()))
    return paths


def _logo_path(spec: Path) -> Path | None:
    from generator.spec import load_spec

    try:
        logo = load_spec(spec).data.get("region", {}).get("logo")
    except SpecError:
        return None
    return spec.parent / logo if isinstance(logo, str) else None


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


def run_watch(spec: Path, outdir: Path, *, lang: str | None, template_dir: Path | None,
              interval: float, max_renders: int | None = None) -> None:
    from generator.commands.render import RenderRequest, render

    last: tuple[tuple[str, float, int], ...] | None = None
    renders = 0
    click.echo(f"masterplan: watching {spec} (Ctrl-C to stop)", err=True)
    try:
        while max_renders is None or renders < max_renders:
            stamp = _stamp(_watched(spec, template_dir))
            if stamp != last:
                last = stamp
                renders += 1
                started = time.perf_counter()
                try:
                    result = render(RenderRequest(spec=spec, documents=["masterplan"],
                                                  formats=["html"], outdir=outdir, lang=lang,
                                                  template_dir=template_dir))
                except SpecError as exc:
                    for diagnostic in exc.diagnostics:
                        click.echo(diagnostic.format(lang or "id"), err=True)
                except MasterplanError as exc:
                    click.echo(f"masterplan: {exc}", err=True)
                else:
                    seconds = time.perf_counter() - started
                    for path in result.outputs:
                        click.echo(f"{path} ({seconds:.1f} s)", err=True)
                continue
            time.sleep(interval)
    except KeyboardInterrupt:
        click.echo("masterplan: watch stopped", err=True)
