"""`masterplan init`: write a starter spec and the schema its modeline points to."""

from __future__ import annotations

from pathlib import Path

import click

from generator.errors import UsageError
from generator.i18n.messages import message
from generator.output import atomic_write
from generator.spec.schema import schema_json
from generator.spec.starter import SCHEMA_FILE_NAME, starter_spec


def run_init(path: Path, *, region_type: str, lang: str, force: bool) -> None:
    if path.exists() and not force:
        raise UsageError(message("init.exists", lang, file=str(path)))
    atomic_write(path, starter_spec(region_type, lang, path.name).encode("utf-8"))
    schema_path = path.parent / SCHEMA_FILE_NAME
    text = schema_json().encode("utf-8")
    if not schema_path.exists() or schema_path.read_bytes() != text:
        atomic_write(schema_path, text)
    click.echo(message("init.done", lang, file=str(path), schema=str(schema_path)), err=True)
