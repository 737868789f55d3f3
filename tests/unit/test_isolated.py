"""generator.batch.isolated: what a render that failed in its own process becomes here.

The outcomes are built by hand (the real processes are in tests/e2e/test_render_limits.py):
every kind of failure must be the error the same render in-process raises, or a limit that
names the consultant's files.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import run_cli

from generator.batch.isolated import _error
from generator.batch.pool import Outcome, Status, Task
from generator.batch.worker import TASK_MARK
from generator.errors import Diagnostic, InternalError, LimitError, SourceSpan, SpecError
from generator.settings import RenderSettings

WEASYPRINT = "/venv/lib/python3.11/site-packages/weasyprint/layout/block.py"


@pytest.fixture
def settings(tmp_path: Path) -> RenderSettings:
    brand = tmp_path / "brand"
    (brand / "partials").mkdir(parents=True)
    (brand / "style.css").write_text("h1 { color: red }\n", encoding="utf-8")
    (brand / "partials" / "cover.html.j2").write_text("<p>\n{{ x }}\n</p>\n",
                                                      encoding="utf-8")
    return RenderSettings(template_dir=brand, memory_limit=600, messages_lang="en")


def outcome(status: Status, **reply: object) -> Outcome:
    return Outcome(Task("render", "render-spec", {}), status, dict(reply), 1.0)


def dump(*files: str) -> str:
    frames = "".join(f'  File "{file}", line 7 in f\n' for file in files)
    return f"old output\n{TASK_MARK} render-spec\nTimeout (0:00:09.5)!\nThread 0x1:\n{frames}"


def test_a_crash_while_weasyprint_lays_out_names_the_stylesheet_and_the_limit(
        settings: RenderSettings) -> None:
    error = _error(outcome("crashed", how="signal SIGSEGV", trace=dump(WEASYPRINT)),
                   settings, 10)
    assert isinstance(error, LimitError) and error.exit_code == 1
    assert settings.template_dir is not None
    sheet = settings.template_dir.resolve() / "style.css"
    assert error.describe("en") == (
        f"the render process died (signal SIGSEGV; --memory-limit 600 MiB) while WeasyPrint "
        f"laid out the pages with the stylesheet {sheet}; it uses your templates in "
        f"{settings.template_dir} (partials/cover.html.j2, style.css): look for endless "
        "loops, huge numbers, and @page or word-breaking rules in the stylesheet")
    assert error.describe("id").startswith("proses render berhenti mendadak (signal SIGSEGV")


def test_only_the_last_dump_counts(settings: RenderSettings) -> None:
    assert settings.template_dir is not None
    cover = str(settings.template_dir.resolve() / "partials" / "cover.html.j2")
    trace = dump(cover) + dump("/usr/lib/python3.11/json/decoder.py")
    error = _error(outcome("timeout", trace=trace), settings, 10)
    assert "while running the template" not in error.describe("en")


def test_a_timeout_in_a_template_names_its_line(settings: RenderSettings) -> None:
    """The dump gives the line of the compiled code; it is mapped back to the template."""
    from generator.render.html import make_environment

    assert settings.template_dir is not None
    cover = settings.template_dir.resolve() / "partials" / "cover.html.j2"
    template = make_environment(settings.template_dir).get_template("partials/cover.html.j2")
    code_line = next(code for line, code in template.debug_info if line == 2)
    trace = dump(cover.as_posix()).replace("line 7", f"line {code_line}")
    error = _error(outcome("timeout", trace=trace), settings, 10)
    assert error.describe("en").startswith(
        f"the render was stopped after 10 s (the --timeout limit) while running the template "
        f"{cover}:2; ")


def test_out_of_memory_without_a_limit(settings: RenderSettings) -> None:
    error = _error(outcome("failed", error={"type": "memory", "frames": []}),
                   settings.replace(memory_limit=0), 10)
    assert error.describe("en").startswith("the render ran out of memory; it uses your")


def test_spec_errors_come_back_as_they_are_shown_in_process(settings: RenderSettings) -> None:
    diagnostic = Diagnostic(SourceSpan("spec.yaml", 4, 3), "error", "region.code", "yaml.tab")
    warning = Diagnostic(SourceSpan("spec.yaml", 2, 1), "warning", "", "yaml.tab")
    error = _error(outcome("failed", errors=[diagnostic.as_dict("en")],
                           warnings=[warning.as_dict("en")], error={"type": "spec"}),
                   settings, 10)
    assert isinstance(error, SpecError)
    assert [d.format("en") for d in error.diagnostics] == [
        warning.format("en"), diagnostic.format("en")]


def test_an_internal_error_keeps_its_traceback_and_exit_code(settings: RenderSettings) -> None:
    error = _error(outcome("failed", error={"type": "internal", "message": "KeyError: 'x'",
                                            "detail": "Traceback ...\nKeyError: 'x'"}),
                   settings, 10)
    assert isinstance(error, InternalError) and error.exit_code == 3
    assert str(error) == "KeyError: 'x'" and error.detail.startswith("Traceback")


def test_other_errors_keep_their_message_and_exit_code(settings: RenderSettings) -> None:
    error = _error(outcome("failed", error={"type": "error", "exit_code": 2,
                                            "message": "SOURCE_DATE_EPOCH must be ..."}),
                   settings, 10)
    assert error.exit_code == 2 and error.describe("id") == "SOURCE_DATE_EPOCH must be ..."


def test_the_command_line_shows_an_internal_error_of_a_child(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import generator.commands.render as render

    def fail(*_args: object) -> None:
        raise InternalError("KeyError: 'x'", "Traceback (most recent call last):\nKeyError")

    monkeypatch.setattr(render, "run_render", fail)
    result = run_cli("render", tmp_path / "spec.yaml")
    assert result.exit_code == 3
    assert result.stderr == ("masterplan: internal error: KeyError: 'x'\nRun again with "
                             "--debug for the traceback, and please report it.\n")
    result = run_cli("--debug", "render", tmp_path / "spec.yaml")
    assert result.stderr.startswith("Traceback (most recent call last):\nKeyError\n")
