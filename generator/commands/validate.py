"""`masterplan validate`: every problem of every spec, positioned and sorted.

Of each file at most `generator.errors.MAX_DIAGNOSTICS` problems are listed, then one note
counts the rest; the totals (the summary line, `errors`/`warnings` in JSON) count them all.
File names are `printable`, so the JSON is UTF-8 even for a name that is not.
"""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path

import click

from generator.encoding import json_text, printable
from generator.errors import Diagnostic, SpecError, count_diagnostics
from generator.i18n.messages import message
from generator.spec import load_spec, validate


def collect(path: Path, framework: str | None = None,
            requirements: Collection[str] = ()) -> list[Diagnostic]:
    """All diagnostics of one spec file, loading problems (and its framework's) included,
    and what the documents of `requirements` need (`generator.spec.legal`)."""
    from generator.spec.frameworks import resolve_framework

    try:
        doc = load_spec(path, str(path))
        fw = resolve_framework(doc, framework)
    except SpecError as exc:
        return exc.diagnostics
    return validate(doc, fw, requirements, draw=True)


def run_validate(paths: list[Path], *, strict: bool, lang: str, output_format: str,
                 framework: str | None = None, requirements: Collection[str] = ()) -> int:
    results = []
    failed = False
    for path in paths:
        diagnostics = collect(path, framework, requirements)
        errors, warnings = count_diagnostics(diagnostics)
        ok = errors == 0 and not (strict and warnings)
        failed = failed or not ok
        results.append((path, diagnostics, errors, warnings, ok))
    if output_format == "json":
        payload = {"valid": not failed, "strict": strict, "specs": [
            {"file": printable(str(path)), "valid": ok, "errors": errors, "warnings": warnings,
             "diagnostics": [d.as_dict(lang) for d in diagnostics]}
            for path, diagnostics, errors, warnings, ok in results]}
        click.echo(json_text(payload))
    else:
        for path, diagnostics, errors, warnings, ok in results:
            for diagnostic in diagnostics:
                click.echo(diagnostic.format(lang))
            key = "summary.ok" if ok else "summary.failed"
            click.echo(message(key, lang, file=printable(str(path)), errors=errors,
                               warnings=warnings),
                       err=True)
    return 1 if failed else 0
