"""The `masterplan` command: parses options and calls one function per subcommand.

Command modules are imported lazily inside each command, so `--help` and `validate` never
import WeasyPrint or python-docx.
"""

from __future__ import annotations

import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from generator import __version__
from generator.documents import spec_kinds
from generator.errors import (
    ENVIRONMENT_ERRNOS,
    InternalError,
    MasterplanError,
    OutputError,
    SpecError,
)
from generator.render import format_names
from generator.settings import DOCX_CHARTS, DOCX_TOCS, LANGUAGES, PDF_VARIANTS

F = TypeVar("F", bound=Callable[..., Any])


class _RegistryOption(click.Option):
    """An option whose help names the choices of a registry as they are when the help is
    shown (a kind or format registered after this module was imported is listed too).
    `{documents}` and `{formats}` in the help text stand for them."""

    def get_help_record(self, ctx: click.Context) -> tuple[str, str] | None:
        template = self.__dict__.setdefault("_template", self.help or "")
        self.help = template.format(documents=", ".join(spec_kinds()),
                                    formats=", ".join(format_names()))
        return super().get_help_record(ctx)


PDF_VARIANT = click.option(
    "--pdf-variant", type=click.Choice(PDF_VARIANTS), default=None,
    help="Archival or accessible PDF (every PDF is tagged): pdf/a-3a archival and accessible"
         " (recommended for publication), pdf/a-3b archival; both with the source spec"
         " attached; pdf/a-2b archival without it (PDF/A-2 allows no YAML attachment);"
         " pdf/ua-1 accessible, not archival.")
REFERENCE_DOCX = click.option("--reference-docx", type=click.Path(dir_okay=False, path_type=Path),
                              help="A .docx whose Word styles the DOCX output uses.")
DOCX_TOC = click.option(
    "--docx-toc", type=click.Choice(DOCX_TOCS), default=None,
    help="Page numbers in the DOCX table of contents: pages, as LibreOffice lays the"
         " document out (when LibreOffice is installed; the default), or field, left to"
         " Word, which fills them when it updates the fields on opening.")
FRAMEWORK = click.option(
    "--framework", default=None, metavar="NAME|FILE",
    help="The framework of dimensions: a bundled one (kominfo-2017, the default; komdigi-2026,"
         " a draft) or a framework file (default: the spec's `framework`).")
REFERENCE_PPTX = click.option(
    "--reference-pptx", type=click.Path(dir_okay=False, path_type=Path),
    help="A .pptx whose master slides and layouts the PPTX decks use.")
DOCX_CHARTS_OPTION = click.option(
    "--docx-charts", type=click.Choice(DOCX_CHARTS), default=None,
    help="Charts in the DOCX: native Word charts with their figures embedded, editable in"
         " Word and LibreOffice (the default), or picture.")
LANG = click.option("--lang", type=click.Choice(LANGUAGES), default="id", show_default=True,
                    help="Language of messages and documents (Bahasa Indonesia or English).")
COHORT_FORMATS = click.option(
    "-f", "--format", "formats", default=None, cls=_RegistryOption,
    help="Output formats: {formats} (comma-separated; default: the manifest's, else pdf,html).")
COHORT_LANG = click.option("--lang", type=click.Choice(LANGUAGES), default=None,
                           help="Language of messages and documents (default: the manifest's,"
                                " else id).")
PROGRESS = click.option(
    "--progress", "progress", default=None, metavar="GLOB",
    help="Also read each spec's progress files: a glob relative to the spec's folder, e.g."
         " 'progress/*.yaml' (default: the manifest's options.progress, else none). Files"
         " naming another spec are skipped.")
RENDER_TIMEOUT = click.option(
    "--timeout", type=click.FloatRange(min=1), default=None,
    help="Seconds each document may take when it uses --template-dir; the render is then"
         " stopped (default 120).")
RENDER_MEMORY = click.option(
    "--memory-limit", type=click.IntRange(min=0), default=None,
    help="MiB of address space of a render that uses --template-dir, 0 for none (default"
         " 2048; POSIX).")


class _LocalizedUsageError(click.UsageError):
    """One of Click's usage errors in the user's language (`generator.i18n.click_messages`):
    the usage line, the hint and the message as Click shows them, in Bahasa Indonesia unless
    the messages are English. Exit code 2, as Click's."""

    def __init__(self, message: str, ctx: click.Context | None, lang: str) -> None:
        super().__init__(message, ctx)
        self.lang = lang

    def show(self, file: Any = None) -> None:
        from generator.i18n.click_messages import frame

        ctx = self.ctx
        if ctx is not None:
            formatter = ctx.make_formatter()
            formatter.write_usage(ctx.command_path,
                                  " ".join(ctx.command.collect_usage_pieces(ctx)),
                                  prefix=frame("usage", self.lang))
            hint = ""
            if ctx.command.get_help_option(ctx) is not None:
                option = max(ctx.command.get_help_option_names(ctx), key=len)
                hint = frame("try", self.lang, command=ctx.command_path, option=option) + "\n"
            hint += "\n"  # a blank line before the message, as Click writes it
            click.echo(f"{formatter.getvalue()}{hint}", file=file, err=True, color=ctx.color,
                       nl=False)
        click.echo(frame("error", self.lang, message=self.format_message()), file=file,
                   err=True, color=ctx.color if ctx is not None else None)


def _usage_lang(ctx: click.Context) -> str:
    """The messages language when Click refuses the command line: the command's own once it
    is known, else `--lang en` (or `--lang=en`) anywhere on the command line, else id."""
    known = ctx.meta.get("masterplan.lang")
    if known:
        return str(known)
    argv = [str(arg) for arg in ctx.meta.get("masterplan.argv", ())]
    for index, arg in enumerate(argv):
        if arg == "--":
            break
        value = (arg.partition("=")[2] if arg.startswith("--lang=")
                 else argv[index + 1] if arg == "--lang" and index + 1 < len(argv) else None)
        if value in LANGUAGES:
            return value
    return "id"


def _localized(exc: click.UsageError, ctx: click.Context) -> click.UsageError:
    """`exc` with its message in the user's language."""
    from generator.i18n.click_messages import frame, translate

    if isinstance(exc, click.exceptions.NoArgsIsHelpError | _LocalizedUsageError):
        return exc  # the help itself, or already done
    lang = _usage_lang(ctx)
    if lang == "en":
        return exc
    text = translate(exc.message, lang)
    if isinstance(exc, click.exceptions.NoSuchOption | click.exceptions.NoSuchCommand):
        if exc.possibilities:
            quoted = ", ".join(repr(p) for p in sorted(exc.possibilities))
            text += " " + (frame("did_you_mean", lang, possibility=quoted)
                           if len(exc.possibilities) == 1
                           else frame("did_you_mean_many", lang, possibilities=quoted))
    elif isinstance(exc, click.BadParameter):
        hint: Any = exc.param_hint
        if hint is None and exc.param is not None:
            hint = exc.param.get_error_hint(exc.ctx)
        if hint is not None and not isinstance(hint, str):
            hint = " / ".join(repr(x) for x in hint)
        if isinstance(exc, click.MissingParameter):
            kind = exc.param_type or (exc.param.param_type_name if exc.param else "parameter")
            key = f"missing_{kind}" if kind in ("argument", "option") else "missing_parameter"
            extra = (exc.param.type.get_missing_message(param=exc.param, ctx=exc.ctx)
                     if exc.param is not None else None)
            text = frame(key, lang, param=f" {hint}" if hint else "") + "".join(
                f" {translate(part, lang)}" for part in (exc.message, extra) if part)
        else:
            text = (frame("invalid", lang, param=hint, message=text) if hint
                    else frame("invalid_bare", lang, message=text))
    return _LocalizedUsageError(text, exc.ctx, lang)


class _Group(click.Group):
    """Maps every MasterplanError to a message and an exit code; hides tracebacks; shows
    Click's own usage errors in the user's language (`_localized`)."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        ctx.meta["masterplan.argv"] = list(args)  # the language of a usage error
        try:
            return super().parse_args(ctx, args)
        except click.UsageError as exc:
            raise _localized(exc, ctx) from None

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except click.UsageError as exc:
            raise _localized(exc, ctx) from None
        except SpecError as exc:
            lang = ctx.meta.get("masterplan.lang") or "id"
            for diagnostic in exc.diagnostics:
                click.echo(diagnostic.format(lang), err=True)
            ctx.exit(exc.exit_code)
        except InternalError as exc:  # from a child process, its traceback as text
            if ctx.meta.get("masterplan.debug") and exc.detail:
                click.echo(exc.detail.rstrip(), err=True)
            _internal_error(str(exc))
            ctx.exit(exc.exit_code)
        except MasterplanError as exc:
            lang = ctx.meta.get("masterplan.lang") or "id"
            click.echo(f"masterplan: {exc.describe(lang)}", err=True)
            ctx.exit(exc.exit_code)
        except (click.ClickException, click.exceptions.Exit, click.Abort, SystemExit):
            raise
        except KeyboardInterrupt:
            click.echo("masterplan: interrupted", err=True)
            ctx.exit(130)
        except Exception as exc:
            if isinstance(exc, OSError) and exc.errno in ENVIRONMENT_ERRNOS:
                # the machine's to fix (a full disk, a folder it may not write), not ours
                error = OutputError(exc.filename or "?", exc, action="use")
                lang = ctx.meta.get("masterplan.lang") or "id"
                click.echo(f"masterplan: {error.describe(lang)}", err=True)
                ctx.exit(error.exit_code)
            if ctx.meta.get("masterplan.debug"):
                traceback.print_exc()
            else:
                _internal_error(f"{type(exc).__name__}: {exc}")
            ctx.exit(3)


def _internal_error(text: str) -> None:
    click.echo(f"masterplan: internal error: {text}\n"
               "Run again with --debug for the traceback, and please report it.", err=True)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="masterplan")
@click.option("--debug", is_flag=True, help="Show a traceback for internal errors.")
@click.pass_context
def main(ctx: click.Context, debug: bool) -> None:
    """Turn a smart-city masterplan spec (YAML) into PDF, DOCX and HTML documents.

    Start with `masterplan init masterplan.yaml`, check it with `masterplan validate`.
    """
    ctx.meta["masterplan.debug"] = debug


@main.command()
@click.argument("specs", nargs=-1, required=True,
                type=click.Path(dir_okay=True, path_type=Path))
@click.option("--strict", is_flag=True, help="Treat warnings as errors.")
@LANG
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="Output format of the diagnostics.")
@FRAMEWORK
@click.option("--document", "documents", default=None, cls=_RegistryOption,
              help="Check also what these documents need ({documents}, all or legal;"
                   " comma-separated), as `render --document` does.")
def validate(specs: tuple[Path, ...], strict: bool, lang: str, output_format: str,
             framework: str | None, documents: str | None) -> None:
    """Check one or more specs; report every problem as FILE:LINE:COL."""
    from generator.commands.validate import run_validate
    from generator.documents import kind_groups, requirements_of
    from generator.settings import parse_list

    needs = requirements_of(parse_list(documents, spec_kinds(), "document", "all",
                                       kind_groups())) if documents else ()
    code = run_validate(list(specs), strict=strict, lang=lang, output_format=output_format,
                        framework=framework, requirements=needs)
    sys.exit(code)


@main.command()
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--type", "region_type", type=click.Choice(["kabupaten", "kota"]),
              default="kabupaten", show_default=True, help="Kabupaten (regency) or kota (city).")
@LANG
@click.option("--force", is_flag=True, help="Overwrite an existing file.")
@FRAMEWORK
def init(path: Path, region_type: str, lang: str, force: bool, framework: str | None) -> None:
    """Write a commented starter spec (and the JSON Schema beside it)."""
    from generator.commands.init import run_init

    run_init(path, region_type=region_type, lang=lang, force=force, framework=framework)


@main.command()
@click.argument("spec", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--framework", required=True, metavar="NAME|FILE",
              help="The framework to move the spec to (komdigi-2026, kominfo-2017, or a file).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="The new spec file (the original is left as it is).")
@LANG
@click.option("--force", is_flag=True, help="Overwrite an existing output file.")
@click.pass_context
def migrate(ctx: click.Context, spec: Path, framework: str, output: Path, lang: str,
            force: bool) -> None:
    """Move a spec to another framework with the bundled mapping table: every program to
    its new place, ids renamed to the new prefixes (and every reference to them), comments
    and order kept. The decisions left to you are printed as warnings positioned in the new
    file, and written in it as comments (`# MIGRASI: ...`, `# MIGRATION:` with --lang en)
    above the places they concern. A new dimension's narratives are placeholders that
    `validate --strict` refuses until you write them."""
    from generator.commands.migrate import run_migrate

    ctx.meta["masterplan.lang"] = lang
    sys.exit(run_migrate(spec, framework=framework, output=output, lang=lang, force=force))


@main.command()
@click.argument("spec", type=click.Path(dir_okay=False, path_type=Path))
@click.option("-o", "--outdir", type=click.Path(file_okay=False, path_type=Path),
              default=Path("sheets"), show_default=True, help="Folder for the workbooks.")
@click.option("--agency", "agencies", multiple=True,
              help="Only this agency's workbook (its code in `agencies`); repeatable.")
@LANG
@FRAMEWORK
@click.pass_context
def sheets(ctx: click.Context, spec: Path, outdir: Path, agencies: tuple[str, ...],
           lang: str, framework: str | None) -> None:
    """One XLSX worksheet per agency (OPD) with its programs, indicators and budget, to fill
    in and bring back with `masterplan import`."""
    from generator.commands.sheets import run_sheets

    ctx.meta["masterplan.lang"] = lang
    sys.exit(run_sheets(spec, outdir, agencies=agencies, lang=lang, framework=framework))


@main.command(name="import")
@click.argument("spec", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("workbooks", nargs=-1, required=True,
                type=click.Path(dir_okay=False, path_type=Path))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Write the merged spec here (default: over SPEC).")
@click.option("--force", type=click.Choice(["ours", "theirs"]), default=None,
              help="Who wins a conflict: ours (the spec) or theirs (the workbooks).")
@click.option("--dry-run", is_flag=True, help="Print the changes only; write nothing.")
@LANG
@FRAMEWORK
@click.pass_context
def import_(ctx: click.Context, spec: Path, workbooks: tuple[Path, ...], output: Path | None,
            force: str | None, dry_run: bool, lang: str, framework: str | None) -> None:
    """Merge filled worksheets back into SPEC; every problem as FILE.xlsx:Sheet!C12."""
    from generator.commands.sheets import run_import

    ctx.meta["masterplan.lang"] = lang
    sys.exit(run_import(spec, list(workbooks), output=output, force=force, dry_run=dry_run,
                        lang=lang, framework=framework))


@main.command()
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Write to a file instead of standard output.")
def schema(output: Path | None) -> None:
    """Print the JSON Schema of the spec format."""
    from generator.spec.schema import schema_json

    text = schema_json()
    if output is None:
        click.echo(text, nl=False)
    else:
        from generator.output import atomic_write

        atomic_write(output, text.encode("utf-8"))


@main.command()
@click.argument("spec", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--document", "documents", default="masterplan", show_default=True,
              cls=_RegistryOption, help="{documents}, all (the books) or legal (the legal drafts);"
                   " comma-separated.")
@click.option("-f", "--format", "formats", default="pdf,html", show_default=True,
              cls=_RegistryOption, help="Output formats: {formats} (comma-separated).")
@click.option("-o", "--outdir", type=click.Path(file_okay=False, path_type=Path),
              default=Path("out"), show_default=True, help="Folder for the documents.")
@click.option("--lang", type=click.Choice(LANGUAGES), default=None,
              help="Document language (default: the spec's document.language, else id).")
@click.option("--template-dir", type=click.Path(file_okay=False, path_type=Path),
              help="Your own templates/stylesheet; missing files fall back to the built-in ones.")
@RENDER_TIMEOUT
@RENDER_MEMORY
@PDF_VARIANT
@REFERENCE_DOCX
@DOCX_TOC
@DOCX_CHARTS_OPTION
@REFERENCE_PPTX
@click.option("--strict", is_flag=True, help="Refuse to render a spec with warnings.")
@FRAMEWORK
@click.option("--redline", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="An older version of the spec: show the changes from it (tracked changes"
                   " in DOCX, marked insertions and deletions in PDF and HTML).")
@click.pass_context
def render(ctx: click.Context, spec: Path, documents: str, formats: str, outdir: Path,
           lang: str | None, template_dir: Path | None, timeout: float | None,
           memory_limit: int | None, pdf_variant: str | None, reference_docx: Path | None,
           docx_toc: str | None, docx_charts: str | None, reference_pptx: Path | None,
           strict: bool, framework: str | None, redline: Path | None) -> None:
    """Render a spec to PDF, HTML and DOCX documents.

    With --template-dir, the render runs in a process of its own, stopped after --timeout
    seconds per document or at --memory-limit MiB.
    """
    from generator.commands.render import run_render
    from generator.settings import DEFAULT_RENDER_TIMEOUT, resolve

    ctx.meta["masterplan.lang"] = lang or "id"
    run_render(spec, resolve(ctx.params, timeout=DEFAULT_RENDER_TIMEOUT))


@main.command()
@click.argument("spec", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("progress", nargs=-1, required=True,
                type=click.Path(dir_okay=False, path_type=Path))
@click.option("-f", "--format", "formats", default="pdf,xlsx", show_default=True,
              cls=_RegistryOption, help="Output formats: {formats} (comma-separated).")
@click.option("-o", "--outdir", type=click.Path(file_okay=False, path_type=Path),
              default=Path("out"), show_default=True, help="Folder for the documents.")
@click.option("--weights", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Your own weight table of the five aspects (default: the bundled one).")
@click.option("--lang", type=click.Choice(LANGUAGES), default=None,
              help="Document language (default: the spec's document.language, else id).")
@PDF_VARIANT
@REFERENCE_DOCX
@DOCX_CHARTS_OPTION
@REFERENCE_PPTX
@click.option("--strict", is_flag=True, help="Refuse a spec or progress file with warnings.")
@FRAMEWORK
@click.pass_context
def evaluate(ctx: click.Context, spec: Path, progress: tuple[Path, ...], formats: str,
             outdir: Path, weights: Path | None, lang: str | None, pdf_variant: str | None,
             reference_docx: Path | None, docx_charts: str | None,
             reference_pptx: Path | None, strict: bool, framework: str | None) -> None:
    """The yearly evaluation pack of SPEC from one or more PROGRESS files (one per year):
    realisation against the plan, an estimated index, the evidence index, the impact-survey
    plan and the follow-up of recommendations; with xlsx, the self-assessment workbook.
    """
    from generator.commands.evaluate import run_evaluate
    from generator.render import check_formats
    from generator.settings import parse_list, resolve

    ctx.meta["masterplan.lang"] = lang or "id"
    chosen = parse_list(formats, format_names(), "format")
    check_formats(("evaluation",), chosen)
    settings = resolve({**ctx.params, "formats": None}).replace(
        documents=("evaluation",), formats=chosen)
    run_evaluate(spec, progress, settings, weights)


@main.command("init-progress")
@click.argument("spec", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("year", type=click.IntRange(min=2000, max=2100))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="The file to write (default: progress/YEAR.yaml beside SPEC).")
@click.option("--force", is_flag=True, help="Overwrite an existing file.")
@LANG
@click.pass_context
def init_progress(ctx: click.Context, spec: Path, year: int, output: Path | None,
                  force: bool, lang: str) -> None:
    """Write a starter progress file for YEAR, prefilled from SPEC: every program and every
    enabler planned that year, their funding sources, and (commented) every indicator with a
    target that year and every KPI of the quick wins running, with their names exactly as
    the spec has them.
    """
    from generator.commands.init_progress import run_init_progress

    ctx.meta["masterplan.lang"] = lang
    run_init_progress(spec, year, output, lang=lang, force=force)


@main.command()
@click.argument("old", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("new", type=click.Path(dir_okay=False, path_type=Path))
@click.option("-f", "--format", "formats", default="text", show_default=True,
              cls=_RegistryOption,
              help="text or json: the change log on standard output; and/or {formats}: the"
                   " change matrix document in --outdir (comma-separated).")
@click.option("-o", "--outdir", type=click.Path(file_okay=False, path_type=Path),
              default=Path("out"), show_default=True, help="Folder for the change matrix.")
@click.option("--lang", type=click.Choice(LANGUAGES), default=None,
              help="Language of the change log, the matrix and messages (default: id; the"
                   " matrix: the new spec's document.language).")
@PDF_VARIANT
@REFERENCE_DOCX
@click.option("--strict", is_flag=True, help="Refuse specs with warnings.")
@click.pass_context
def diff(ctx: click.Context, old: Path, new: Path, formats: str, outdir: Path,
         lang: str | None, pdf_variant: str | None, reference_docx: Path | None,
         strict: bool) -> None:
    """What changed from OLD to NEW (two versions of one spec), by meaning: programs
    added, removed or moved, budgets, years, targets, agencies and indicators changed,
    narratives word by word; each change with its spec path and FILE:LINE in OLD and NEW.

    -f text (default) or json prints the change log; -f pdf,html,docx writes the change
    matrix for the review round into --outdir.
    """
    from generator.commands.diff import run_diff, split_formats
    from generator.render import check_formats
    from generator.settings import resolve

    ctx.meta["masterplan.lang"] = lang or "id"
    log_format, chosen = split_formats(formats, format_names())
    if chosen:
        check_formats(("revision",), chosen)
    settings = resolve({**ctx.params, "formats": None}).replace(
        documents=("revision",), formats=chosen)
    run_diff(old, new, log_format, settings)


@main.command()
@click.argument("spec", type=click.Path(dir_okay=False, path_type=Path))
@click.option("-o", "--outdir", type=click.Path(file_okay=False, path_type=Path),
              default=Path("out"), show_default=True, help="Folder for the preview.")
@click.option("--lang", type=click.Choice(LANGUAGES), default=None, help="Document language.")
@click.option("--template-dir", type=click.Path(file_okay=False, path_type=Path),
              help="Your own templates/stylesheet.")
@click.option("--interval", type=float, default=0.5, show_default=True,
              help="Seconds between checks for changes.")
@click.option("-f", "--format", "formats", default="html", show_default=True,
              cls=_RegistryOption, help="Formats rebuilt on each change: {formats}"
                                        " (comma-separated); the HTML preview always.")
@RENDER_TIMEOUT
@RENDER_MEMORY
@click.pass_context
def watch(ctx: click.Context, spec: Path, outdir: Path, lang: str | None,
          template_dir: Path | None, interval: float, formats: str, timeout: float | None,
          memory_limit: int | None) -> None:
    """Re-render the HTML preview whenever the spec (or its logo, or a template) changes;
    the open preview reloads itself. Messages in Bahasa Indonesia (--lang en: English)."""
    from generator.commands.watch import run_watch
    from generator.render import check_formats
    from generator.settings import DEFAULT_MEMORY_MIB, DEFAULT_RENDER_TIMEOUT, parse_list

    ctx.meta["masterplan.lang"] = lang or "id"
    check_formats(("masterplan",), parse_list(formats, format_names(), "format"))
    run_watch(spec, outdir, lang=lang, template_dir=template_dir, interval=interval,
              formats=parse_list(formats, format_names(), "format"),
              timeout=DEFAULT_RENDER_TIMEOUT if timeout is None else timeout,
              memory_limit=DEFAULT_MEMORY_MIB if memory_limit is None else memory_limit)


@main.command()
@click.argument("target", type=click.Path(path_type=Path))
@COHORT_FORMATS
@click.option("--document", "documents", default=None,
              cls=_RegistryOption, help="{documents}, all (the books) or legal (the"
                   " legal drafts) (default: the manifest's, else masterplan).")
@click.option("-o", "--outdir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Folder for the documents and summaries (default: the manifest's, else out).")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
              help="Worker processes (default: one per CPU).")
@click.option("--force", is_flag=True, help="Render every spec, even unchanged ones.")
@click.option("--fail-fast", is_flag=True, help="Stop scheduling after the first failure.")
@click.option("--timeout", type=click.FloatRange(min=1), default=None,
              help="Seconds one spec may take before its worker is stopped (default 300).")
@click.option("--memory-limit", type=click.IntRange(min=0), default=None,
              help="MiB of address space per worker, 0 for none (default 2048; POSIX).")
@click.option("--lang", type=click.Choice(LANGUAGES), default=None,
              help="Document language (default: each spec's document.language); also the"
                   " language of messages.")
@click.option("--template-dir", type=click.Path(file_okay=False, path_type=Path),
              help="Your own templates/stylesheet.")
@PDF_VARIANT
@REFERENCE_DOCX
@DOCX_TOC
@DOCX_CHARTS_OPTION
@REFERENCE_PPTX
@click.option("--strict", is_flag=True, help="Refuse specs with warnings.")
@click.option("--progress/--no-progress", default=True, show_default=True,
              help="Show progress on stderr (a bar on a terminal, lines otherwise).")
@FRAMEWORK
@click.pass_context
def batch(ctx: click.Context, target: Path, formats: str | None, documents: str | None,
          outdir: Path | None, jobs: int | None, force: bool, fail_fast: bool,
          timeout: float | None, memory_limit: int | None, lang: str | None,
          template_dir: Path | None, pdf_variant: str | None, reference_docx: Path | None,
          docx_toc: str | None, docx_charts: str | None, reference_pptx: Path | None,
          strict: bool, progress: bool, framework: str | None) -> None:
    """Render a cohort: TARGET is a cohort manifest, a folder of specs, or one spec.

    Specs run in parallel worker processes; an invalid, crashing or hanging spec never
    stops the others. Unchanged specs are skipped (--force renders them again). Writes
    OUTDIR/summary.json, summary.csv and index.html. Exit code 1 if any spec failed.
    """
    from generator.commands.batch import run_batch_command

    ctx.meta["masterplan.lang"] = lang or "id"
    sys.exit(run_batch_command(target, ctx.params))


@main.command()
@click.argument("target", type=click.Path(path_type=Path))
@COHORT_FORMATS
@click.option("-o", "--outdir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Folder for the report (default: the manifest's, else out).")
@COHORT_LANG
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
              help="Worker processes reading the specs (default: one per CPU).")
@click.option("--timeout", type=click.FloatRange(min=1), default=None,
              help="Seconds one spec may take to be read, and the report to be made with"
                   " --template-dir (default: the manifest's, else 120).")
@click.option("--memory-limit", type=click.IntRange(min=0), default=None,
              help="MiB of address space of each process reading specs, and of the report's"
                   " render with --template-dir; 0 for none (default: the manifest's, else"
                   " 2048; POSIX).")
@click.option("--template-dir", type=click.Path(file_okay=False, path_type=Path),
              help="Your own templates (report/*.j2) and stylesheet.")
@PDF_VARIANT
@REFERENCE_DOCX
@DOCX_TOC
@DOCX_CHARTS_OPTION
@click.option("--strict", is_flag=True, help="Leave out specs with warnings.")
@FRAMEWORK
@PROGRESS
@click.pass_context
def report(ctx: click.Context, target: Path, formats: str | None, outdir: Path | None,
           lang: str | None, jobs: int | None, timeout: float | None,
           memory_limit: int | None, template_dir: Path | None, pdf_variant: str | None,
           reference_docx: Path | None, docx_toc: str | None, docx_charts: str | None,
           strict: bool, framework: str | None, progress: str | None) -> None:
    """A comparative document across a cohort (manifest, folder or spec): programs and
    budget per dimension and region, funding sources, quick wins, a readiness heat map;
    with --progress, the evaluation results (index and aspect heat map, ranks, realisation
    per dimension, claims without evidence).

    Options not given here come from the manifest's `options`. Invalid specs are listed as
    left out with their first error (exit code 1).
    """
    from generator.batch.cohort import resolve_target
    from generator.batch.run import default_jobs
    from generator.commands.report import report_settings, run_report

    ctx.meta["masterplan.lang"] = lang or "id"
    cohort = resolve_target(target)
    notes: list[str] = []
    settings = report_settings(cohort, {k: v for k, v in ctx.params.items()
                                        if k != "progress"}, notes)
    ctx.meta["masterplan.lang"] = settings.messages_lang
    for note in notes:
        click.echo(note, err=True)
    result = run_report(cohort, settings, jobs or default_jobs(), progress=progress)
    for warning in result.warnings:
        click.echo(warning.format(settings.messages_lang), err=True)
    excluded = [item for item in result.items if item.data is None]
    for item in excluded:
        click.echo(f"masterplan: left out {item.source.display} ({item.status}): "
                   f"{item.first_error}", err=True)
    for path in result.paths:
        click.echo(str(path))
    sys.exit(1 if excluded else 0)


@main.command()
@click.argument("target", type=click.Path(path_type=Path))
@click.option("--format", "output_format", type=click.Choice(["csv", "json", "xlsx"]),
              default="csv", show_default=True,
              help="CSV (one row per program), JSON (an array of rows) or XLSX (one sheet;"
                   " needs -o).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Write to a file instead of standard output.")
@COHORT_LANG
@click.option("--bom/--no-bom", default=True, show_default=True,
              help="Start the CSV with a UTF-8 byte-order mark (Excel needs it to read UTF-8).")
@click.option("--delimiter", type=click.Choice([",", ";", "tab"]), default=None,
              help="CSV field separator (default: ';' in Indonesian, as Excel with Indonesian"
                   " regional settings expects; ',' in English).")
@click.option("--headers", type=click.Choice(["labels", "keys"]), default="labels",
              show_default=True, help="CSV column heads: labels in the language, or the"
                                      " machine-readable keys (JSON always uses the keys).")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
              help="Worker processes reading the specs (default: one per CPU).")
@click.option("--timeout", type=click.FloatRange(min=1), default=None,
              help="Seconds one spec may take to be read (default: the manifest's, else 120).")
@click.option("--strict", is_flag=True, help="Leave out specs with warnings.")
@PROGRESS
@click.pass_context
def export(ctx: click.Context, target: Path, output_format: str, output: Path | None,
           lang: str | None, bom: bool, delimiter: str | None, headers: str, jobs: int | None,
           timeout: float | None, strict: bool, progress: str | None) -> None:
    """One row per program of a spec or a cohort (manifest or folder), as CSV, JSON or
    XLSX; with --progress, one row per program and year of progress (plan against
    realisation: status, budget planned and realised, indicators, evidence).

    Columns: region, cohort, dimension, sub-dimension, program id and name, OPDs, horizon,
    years, budget per year and per funding source, total, indicators, quick wins, the spec
    (relative to TARGET). In CSV the region code is written as its digits (3510 for 35.10),
    which spreadsheets keep as written. Options not given here (lang, timeout, strict) come
    from the manifest's `options`. Invalid specs are left out and listed on stderr (exit
    code 1).
    """
    from generator.batch.cohort import resolve_target
    from generator.batch.run import default_jobs
    from generator.commands.export import export_lang, run_export

    ctx.meta["masterplan.lang"] = lang or "id"
    cohort = resolve_target(target, lang=lang or "id")
    ctx.meta["masterplan.lang"] = export_lang(cohort, lang)
    sys.exit(run_export(cohort, output_format=output_format, output=output, lang=lang,
                        jobs=jobs or default_jobs(), timeout=timeout, bom=bom,
                        delimiter=delimiter, strict=strict, headers=headers,
                        progress=progress))
