"""One Jinja environment factory, and the HTML every output format is made from.

The environment is sandboxed, autoescapes everything, and fails on undefined names. Templates
come from an ordered search path (a consultant's --template-dir first, then the built-in
tree); the user's folder is confined: no absolute names, no `..`, no symlinks leading out.
Spec text only ever arrives as context values, never as template source.

Every error of a template names its file and line, the consultant's file first: Jinja's
own errors, exceptions raised while a template runs (1/0, a sandbox refusal, a missing
include, an undefined name, running out of memory) and the time limit. A consultant's
folder gets an environment that computes nothing while it compiles (`_UserEnvironment`), so
``{{ 10 ** (10 ** 8) }}`` runs when the template runs, in its own frame, rather than while
Jinja compiles it from inside the built-in template that includes it.
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
from types import FrameType
from typing import Any

from jinja2 import BaseLoader, ChoiceLoader, StrictUndefined, TemplateNotFound, pass_eval_context
from jinja2.nodes import EvalContext
from jinja2.sandbox import SandboxedEnvironment
from markupsafe import Markup

from generator.errors import LocalizedError, RenderError, SourceSpan
from generator.render import Document, Written
from generator.render.outline import Outline
from generator.render.urls import refuse_external_references
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
        source = _decode(real.read_bytes(), real)
        mtime = os.path.getmtime(real)

        def uptodate() -> bool:  # a file removed since is out of date, not an error
            try:
                return os.path.getmtime(real) == mtime
            except OSError:
                return False

        return source, str(real), uptodate


def _decode(data: bytes, path: Path) -> str:
    """UTF-8 text (a leading BOM dropped); else an error at the first bad byte."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        start = error.start + (3 if data.startswith(b"\xef\xbb\xbf") else 0)
        line = data.count(b"\n", 0, start) + 1
        col = len(data[data.rfind(b"\n", 0, start) + 1:start].decode("utf-8", "replace")) + 1
        raise LocalizedError("template.not_utf8", span=SourceSpan(str(path), line, col),
                             byte=f"0x{data[start]:02X}") from None


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
    kind = SandboxedEnvironment if template_dir is None else _UserEnvironment
    return kind(loader=ChoiceLoader(loaders), autoescape=True, undefined=StrictUndefined,
                keep_trailing_newline=True)


@pass_eval_context
def _at_run_time(_eval_ctx: EvalContext, value: Any) -> Any:
    return value


class _UserEnvironment(SandboxedEnvironment):
    """The environment of a consultant's folder: Jinja evaluates nothing while it compiles.

    Jinja folds constant expressions at compile time in three places: its optimizer (off
    here), the output of ``{{ … }}`` (off when `finalize` needs the evaluation context, as
    `_at_run_time` does; it returns the value unchanged) and the operators a sandbox does not
    intercept (``*`` and ``**``, the two that make huge values out of short literals, are
    intercepted: `call_binop` runs them when the template runs). The output is the same.
    """

    intercepted_binops = frozenset({"*", "**"})

    def __init__(self, **options: Any) -> None:
        super().__init__(optimized=False, finalize=_at_run_time, **options)


def template_roots(env: SandboxedEnvironment) -> tuple[Path, ...]:
    """The folders `env` loads templates from, the consultant's first."""
    loader = env.loader
    loaders = loader.loaders if isinstance(loader, ChoiceLoader) else [loader]
    return tuple(item.root for item in loaders if isinstance(item, ConfinedLoader))


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


_CITE_LINK = re.compile(r'<a (?=[^>]*\bclass="cite")[^>]*\bhref="#([^"]+)"[^>]*>(.*?)</a>', re.S)
_ID = re.compile(r'\bid="([^"]+)"')


def unlink_stray_citations(html: str) -> str:
    """A citation links to its entry in the bibliography; in a document without one (the
    summary, the quick-win and readiness booklets) it stays as text, not a link to nowhere."""
    if 'class="cite"' not in html:
        return html
    ids = set(_ID.findall(html))
    return _CITE_LINK.sub(lambda m: m.group(0) if m.group(1) in ids else m.group(2), html)


@contextmanager
def _time_limit(seconds: int, enabled: bool, roots: tuple[Path, ...]) -> Iterator[None]:
    """A wall-clock limit for user templates: an endless loop becomes an error that names
    the line the template was at. It interrupts Python code between two bytecodes only:
    one long operation (a huge integer) is stopped by the process limit of the render
    (`generator.batch.isolated`)."""
    if not enabled or threading.current_thread() is not threading.main_thread() or not hasattr(
            signal, "SIGALRM"):
        yield
        return

    def expire(_signum: int, frame: FrameType | None) -> None:
        raise RenderError(f"template error: {_place(_running_templates(frame), roots)}"
                          f"templates took longer than {seconds} s")

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


#: Where style.css takes the framework's colours: one `td.on.dim-KEY` rule per dimension.
DIMENSION_COLOURS_MARK = "/* @dimension-colours */"


#: The cover's note of a draft framework (only a book that has one carries the rule).
COVER_NOTE_RULE = (".cover-note { font-size: 9pt; color: #ffffff; border: 0.75pt solid #cfe0f1;"
                   " padding: 2mm 3mm; margin-top: 6mm; }")


def dimension_rules(css: str, colours: dict[str, str], note: bool = False) -> str:
    """`css` with a roadmap cell's colour for each dimension of the framework (and the
    cover note's rule when the framework has a note), where the stylesheet marks the place
    (at the end of a consultant's stylesheet without the mark). Keys and colours passed the
    framework schema (`[a-z0-9_]`, `#rrggbb`)."""
    rules = "\n".join([f"table.roadmap td.on.dim-{key} {{ background: {colour}; }}"
                       for key, colour in colours.items()] + ([COVER_NOTE_RULE] if note else []))
    if DIMENSION_COLOURS_MARK in css:
        return css.replace(DIMENSION_COLOURS_MARK, rules, 1)
    return f"{css}\n{rules}" if rules else css


Place = tuple[str, int]


def _running_templates(frame: FrameType | None) -> list[Place]:
    """(file, template line) of every template frame on the stack, innermost first."""
    places = []
    while frame is not None:
        template = frame.f_globals.get("__jinja_template__")
        if template is not None and template.filename:
            places.append((template.filename, template.get_corresponding_lineno(
                frame.f_lineno)))
        frame = frame.f_back
    return places


def _traceback_templates(exc: BaseException) -> list[Place]:
    """(file, line) of every template frame of a traceback Jinja rewrote, innermost first
    (Jinja gives template frames their template's file name and line)."""
    import traceback

    return [(str(f.filename), f.lineno or 0)
            for f in reversed(traceback.extract_tb(exc.__traceback__))]


def _place(places: list[Place], roots: tuple[Path, ...]) -> str:
    """`file:line: ` of the innermost frame in a consultant's folder, else of the innermost
    template frame; empty when no template is on the stack."""
    for root in roots:  # the consultant's folder first
        for file, line in places:
            if Path(file).is_relative_to(root):
                return f"{file}:{line}: " if line else f"{file}: "
    return ""


def _user_frames(places: list[Place], roots: tuple[Path, ...]) -> bool:
    return len(roots) > 1 and any(Path(file).is_relative_to(roots[0]) for file, _ in places)


def render_html(context: dict[str, Any], env: SandboxedEnvironment, *, body: str,
                frame: str = "document.html.j2", stylesheets: tuple[str, ...] = (),
                user_templates: bool = False, seconds: int = 60) -> str:
    """One whole document (the template `body` inside the `frame` template) as one
    self-contained HTML string; `stylesheets` are template names appended to style.css.
    A consultant's templates (`user_templates`) may take `seconds` at most.
    """
    from jinja2 import TemplateError, TemplateSyntaxError

    assert env.loader is not None
    roots = template_roots(env)
    framework = context.get("framework")
    note = isinstance(framework, dict) and bool(framework.get("note"))
    css = [dimension_rules(stylesheet(env), context.get("dimension_colours") or {}, note)] + [
        env.loader.get_source(env, name)[0] for name in stylesheets]
    outline = Outline(context["t"])
    values = dict(context)
    values.update({
        "outline": outline, "body_template": body,
        "stylesheet": Markup("\n".join(css)),  # noqa: S704 - stylesheets are template code
    })
    try:
        with _time_limit(seconds, user_templates, roots):
            return unlink_stray_citations(soft_breaks(env.get_template(frame).render(values)))
    except RenderError:
        raise
    except TemplateError as exc:
        places = _traceback_templates(exc)
        if isinstance(exc, TemplateSyntaxError) and exc.filename and exc.lineno:
            places.insert(0, (exc.filename, exc.lineno))  # the file that does not compile
        text = (f"no template {exc.name!r} in the template folder or the built-in ones"
                if isinstance(exc, TemplateNotFound) else str(exc))
        raise RenderError(f"template error: {_place(places, roots)}{text}") from None
    except Exception as exc:  # a consultant's template, or our bug: sorted out below
        places = _traceback_templates(exc)
        if not user_templates or not _user_frames(places, roots):
            raise
        # A consultant's template failed while it ran (1/0, 'a' + 1, endless recursion, a
        # huge number, out of memory): say where, like any template error, not crash.
        raise RenderError(f"template error: {_place(places, roots)}{type(exc).__name__}"
                          f"{': ' if str(exc) else ''}{exc}") from None


def write_html(document: Document) -> Written:
    """The HTML writer of the registry (`generator.render`): the preview as it is, refused
    when it refers to anything the PDF writer would refuse to fetch."""
    refuse_external_references(document.html)
    return Written(document.html.encode("utf-8"))
