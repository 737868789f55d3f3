"""`masterplan sheets` and `masterplan import`: the agencies' worksheets out and back.

`sheets` writes one workbook per agency (`generator.sheets.make`). `import` merges filled
workbooks into the spec (`generator.sheets.merge`), prints every change (`FILE.xlsx:Sheet!C12:
what: old → new`) and writes the merged spec to `-o` (default: the spec itself) in one
atomic step, or nothing at all: after a refusal, a conflict without `--force`, a problem in
the merged spec, or with `--dry-run`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from generator.encoding import printable
from generator.i18n.messages import message


def run_sheets(spec: Path, output: Path, *, agencies: tuple[str, ...], lang: str,
               framework: str | None = None) -> int:
    from generator.sheets.make import make_sheets

    written = make_sheets(spec, output, agencies=agencies, lang=lang, framework=framework)
    for path in written:
        click.echo(printable(str(path)))
    click.echo("masterplan: " + message("sheets.made", lang, count=len(written),
                                        folder=printable(str(output))), err=True)
    return 0


def run_import(spec: Path, sheets: list[Path], *, output: Path | None, force: str | None,
               dry_run: bool, lang: str, framework: str | None = None) -> int:
    from generator.output import atomic_write
    from generator.sheets.merge import import_sheets

    result, log = import_sheets(spec, sheets, force=force, framework=framework)
    for line in _change_lines(log, lang):
        click.echo(line)
    for warning in result.warnings:
        click.echo(warning.format(lang), err=True)
    target = output or spec
    if dry_run:
        click.echo("masterplan: " + message("sheets.dry_run", lang, count=len(log)), err=True)
        return 0
    if not result.changed and target == spec:
        click.echo("masterplan: " + message("sheets.nothing", lang,
                                            file=printable(str(target))), err=True)
        return 0
    atomic_write(target, result.text.encode("utf-8"))
    click.echo("masterplan: " + message("sheets.imported", lang, count=len(log),
                                        file=printable(str(target))), err=True)
    return 0


def _change_lines(log: list[tuple[str, Any]], lang: str) -> list[str]:
    from generator.sheets.merge import NewItem, Proposal, _shown, _what

    lines = []
    for tag, item in log:
        if isinstance(item, Proposal):
            if tag == "deleted":
                text = message("sheets.deleted", lang, what=_what(item.key))
            else:
                text = message("sheets.change", lang, what=_what(item.key),
                               old=_shown(item.original), new=_shown(item.new))
            lines.append(f"{item.span}: {text}")
        elif isinstance(item, NewItem) and item.kind == "programs":
            lines.append(f"{item.span}: " + message("sheets.added", lang, program=tag,
                                                    name=item.values.get("name") or "-"))
        elif isinstance(item, NewItem):
            shown = ", ".join(str(v) for v in item.values.values() if v is not None)
            lines.append(f"{item.span}: + {shown}")
    return lines
