"""One Jinja environment factory, and the HTML every output format is made from.

The environment is sandboxed, autoescapes everything, and fails on undefined names. Templates
come from an ordered search path (a consultant's --template-dir first, then the built-in
tree); the user's folder is confined: no absolute names, no `..`, no symlinks leading out.
Spec text only ever arrives as context values, never as template source.
"""

from __future__ import annotations

import os
import re
import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import BaseLoader, ChoiceLoader, StrictUndefined, TemplateNotFound
from jinja2.sandbox import SandboxedEnvironment
from markupsafe import Markup

from generator.errors import RenderError
from generator.render import Document, Written
from generator.render.outline import Outline
from generator.resources import templates_dir

_MAX_TEMPLATE_BYTES = 1024 * 1024


class ConfinedLoader(BaseLoader):
    """Loads `name` only from a regular file that really lies inside `root`."""

    def __init__(self, root: Path) -> None:
        self.root = root.resolve()

    def get_source(self, environment: Any, template: str) -> tuple[str, str, Callable[[], bool]]:
        parts = template.replace("\\", "/").split("/")
        if template.startswith("/") or any(p in ("", ".", "..") for p in parts):
            raise TemplateNotFound(template)
        path = self.root.joinpath(*parts)
        try:
            real = path.resolve(strict=True)
        except (OSError, RuntimeError):
            raise TemplateNotFound(template) from None
        if not real.is_relative_to(self.root) or not real.is_file():
            raise TemplateNotFound(template)
        if real.stat().st_size > _MAX_TEMPLATE_BYTES:
            raise RenderError(f"template {template} is larger than {_MAX_TEMPLATE_BYTES} bytes")
        source = real.read_text(encoding="utf-8")
        mtime = os.path.getmtime(real)

        def uptodate() -> bool:  # a file removed since is out of date, not an error
            try:
                return os.path.getmtime(real) == mtime
            except OSError:
                return False

        return source, str(real), uptodate


def make_environment(template_dir: Path | None = None) -> SandboxedEnvironment:
    """The environment for the built-in tree (`template_dir` None) is made once per process
    and reused, with the templates it has compiled (compiling them is ~60 ms of every render;
    Jinja recompiles a template whose file changed). A consultant's folder gets a fresh
    environment every time, so a template added to it is found at the next render."""
    if template_dir is None:
        return _builtin_environment()
    return _new_environment(template_dir)


@cache
def _builtin_environment() -> SandboxedEnvironment:
    return _new_environment(None)


def _new_environment(template_dir: Path | None) -> SandboxedEnvironment:
    loaders: list[BaseLoader] = []
    if template_dir is not None:
        if not template_dir.is_dir():
            raise RenderError(f"--template-dir {template_dir}: not a folder")
        loaders.append(ConfinedLoader(template_dir))
    loaders.append(ConfinedLoader(templates_dir()))
    return SandboxedEnvironment(loader=ChoiceLoader(loaders), autoescape=True,
                                undefined=StrictUndefined, keep_trailing_newline=True)


_TEXT = re.compile(r"(<style\b.*?</style>|<[^>]*>)|([^<]+)", re.S)
_LONG_WORD = re.compile(r"[^\s&;]{31,}")
SOFT_BREAK = "\u200b"


def soft_breaks(html: str) -> str:
    """Give words over 30 characters (a pasted URL, a name without spaces) a zero-width break
    point every 20 characters, in text only (never in tags, attributes or the stylesheet),
    so they wrap inside narrow table cells in the PDF and DOCX instead of running off the
    page."""
    def text(match: re.Match[str]) -> str:
        if match.group(1) is not None or len(match.group(2)) <= 30:
            return match.group(0)
        return _LONG_WORD.sub(lambda m: SOFT_BREAK.join(
            m.group()[i:i + 20] for i in range(0, len(m.group()), 20)), match.group(2))

    return _TEXT.sub(text, html)


@contextmanager
def _time_limit(seconds: int, enabled: bool) -> Iterator[None]:
    """A wall-clock limit for user templates (an endless loop must not hang a batch)."""
    if not enabled or threading.current_thread() is not threading.main_thread() or not hasattr(
            signal, "SIGALRM"):
        yield
        return

    def expire(_signum: int, _frame: object) -> None:
        raise RenderError(f"templates took longer than {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def stylesheet(env: SandboxedEnvironment) -> str:
    assert env.loader is not None
    source, _name, _uptodate = env.loader.get_source(env, "style.css")
    return source


def _template_frame(exc: BaseException) -> str:
    """`file:line: ` of the innermost template frame of a traceback, if any."""
    import traceback

    frames = [f for f in traceback.extract_tb(exc.__traceback__) if f.filename.endswith(
        (".j2", ".html", ".css"))]
    return f"{frames[-1].filename}:{frames[-1].lineno}: " if frames else ""


def render_html(context: dict[str, Any], env: SandboxedEnvironment, *, body: str,
                frame: str = "document.html.j2", stylesheets: tuple[str, ...] = (),
                user_templates: bool = False, seconds: int = 60) -> str:
    """One whole document (the template `body` inside the `frame` template) as one
    self-contained HTML string; `stylesheets` are template names appended to style.css.
    A consultant's templates (`user_templates`) may take `seconds` at most.
    """
    from jinja2 import TemplateError

    assert env.loader is not None
    css = [stylesheet(env)] + [env.loader.get_source(env, name)[0] for name in stylesheets]
    outline = Outline(context["t"])
    values = dict(context)
    values.update({
        "outline": outline, "body_template": body,
        "stylesheet": Markup("\n".join(css)),  # noqa: S704 - stylesheets are template code
    })
    try:
        with _time_limit(seconds, user_templates):
            return soft_breaks(env.get_template(frame).render(values))
    except RenderError:
        raise
    except TemplateError as exc:
        where = f"{getattr(exc, 'filename', None) or getattr(exc, 'name', None) or ''}"
        line = getattr(exc, "lineno", None)
        place = f"{where}:{line}: " if where and line else (f"{where}: " if where else "")
        raise RenderError(f"template error: {place}{exc}") from None
    except (ArithmeticError, LookupError, TypeError, ValueError, RecursionError,
            MemoryError) as exc:
        if not user_templates:
            raise
        # A consultant's template failed at run time (1/0, 'a' + 1, endless recursion, a
        # sandbox refusal): say where, like any template error, instead of crashing.
        raise RenderError(f"template error: {_template_frame(exc)}{type(exc).__name__}: "
                          f"{exc}") from None


def write_html(document: Document) -> Written:
    """The HTML writer of the registry (`generator.render`): the preview as it is."""
    return Written(document.html.encode("utf-8"))
