"""`masterplan watch`: re-render the HTML preview (and, with `-f html,pdf`, the other formats)
when the spec, a file it names (the logo, a picture) or a template changes.

The open preview reloads itself, also from `file://` (no server). Only the preview `watch`
writes carries the mechanism; `render -f html` output is untouched. Beside the preview,
`watch` keeps a one-line script `.NAME.watch.js` that says which version of the preview is
current (`masterplanWatch("<sha256 of the HTML>")`). A small inline script in the preview
loads that file every second as a fresh `<script src="….watch.js?<time>">`: browsers
(Chromium, Firefox) run a classic script from a neighbouring `file://` file, whereas `fetch`
and XMLHttpRequest of `file://` URLs are refused (Chromium) or confined (Firefox). When the
version differs from the page's own, the page saves its scroll position in
`sessionStorage` and reloads, then scrolls back. So the preview reloads only when a render
changed it (a meta refresh would reload every few seconds, flicker and lose the place), and
a broken spec, which writes nothing, leaves the page as it is. The preview and its version
file are written together (`output.write_files`).

Messages are in Bahasa Indonesia, in English with `--lang en`.

Polls modification times (no extra dependency); a broken spec prints its diagnostics and the
watch goes on, keeping the last good preview on disk. With a `--template-dir`, every render
runs in a worker process kept for the whole watch and stopped (then replaced) when a render
overruns its time or memory limit (`generator.batch.isolated`).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import time
import urllib.parse
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import click

from generator.errors import InternalError, MasterplanError, SpecError
from generator.i18n.messages import message
from generator.i18n.numbers import Formatter
from generator.settings import DEFAULT_MEMORY_MIB, DEFAULT_RENDER_TIMEOUT, RenderSettings

if TYPE_CHECKING:
    from generator.pipeline import RenderResult


#: Polls the version file; `{version}` and `{source}` are JSON strings.
RELOAD_SCRIPT = """<script>/* masterplan watch: reloads this preview after each render */
(function () {{
  var version = {version}, source = {source}, key = "masterplan-watch:" + location.pathname;
  try {{
    var saved = sessionStorage.getItem(key);
    if (saved !== null) {{
      sessionStorage.removeItem(key);
      addEventListener("load", function () {{ scrollTo(0, Number(saved)); }});
    }}
  }} catch (e) {{}}
  window.masterplanWatch = function (latest) {{
    if (latest === version) return;
    try {{ sessionStorage.setItem(key, String(scrollY)); }} catch (e) {{}}
    location.reload();
  }};
  setInterval(function () {{
    var poll = document.createElement("script");
    poll.src = source + "?" + Date.now();
    poll.onload = poll.onerror = function () {{ poll.remove(); }};
    document.head.appendChild(poll);
  }}, 1000);
}})();
</script>
"""


def version_file(preview: Path) -> Path:
    """The file beside the preview that names its current version."""
    return preview.with_name(f".{preview.stem}.watch.js")


def add_reload(preview: Path) -> None:
    """Give the preview just written its reload script, and update its version file."""
    from generator.output import write_files

    html = preview.read_text(encoding="utf-8")
    version = json.dumps(hashlib.sha256(html.encode("utf-8")).hexdigest())
    script = RELOAD_SCRIPT.format(
        version=version, source=json.dumps(urllib.parse.quote(version_file(preview).name)))
    if "</head>" in html:
        html = html.replace("</head>", script + "</head>", 1)
    else:
        html += script
    write_files([(version_file(preview), f"masterplanWatch({version});\n".encode()),
                 (preview, html.encode("utf-8"))])


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
              memory_limit: int = DEFAULT_MEMORY_MIB,
              formats: tuple[str, ...] = ("html",)) -> None:
    """Render on every change until Ctrl-C (or `max_renders`); the HTML preview always,
    plus any other of `formats`."""
    from generator.batch import isolated
    from generator.pipeline import render_spec

    formats = tuple(dict.fromkeys(("html", *formats)))
    settings = RenderSettings(documents=("masterplan",), formats=formats, outdir=outdir,
                              lang=lang, template_dir=template_dir,
                              messages_lang=lang or "id", timeout=timeout,
                              memory_limit=memory_limit)
    watched = _Watched(spec, template_dir)
    click.echo("masterplan: " + message("watch.start", settings.messages_lang, spec=str(spec)),
               err=True)
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
                    for path in result.outputs:
                        if path.suffix == ".html":
                            add_reload(path)
                except SpecError as exc:
                    for diagnostic in exc.diagnostics:
                        click.echo(diagnostic.format(lang), err=True)
                except InternalError as exc:
                    _internal(lang, str(exc))
                except MasterplanError as exc:
                    click.echo(f"masterplan: {exc.describe(lang)}", err=True)
                except Exception as exc:  # a watch outlives one bad render
                    _internal(lang, f"{type(exc).__name__}: {exc}")
                else:
                    seconds = Formatter(lang).seconds(time.perf_counter() - started)
                    for path in result.outputs:
                        click.echo(message("watch.written", lang, file=str(path),
                                           seconds=seconds), err=True)
                continue
            time.sleep(interval)
    except KeyboardInterrupt:
        click.echo("masterplan: " + message("watch.stopped", lang), err=True)


def _internal(lang: str, text: str) -> None:
    click.echo("masterplan: " + message("batch.internal", lang, message=text), err=True)
