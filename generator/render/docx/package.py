"""The finished package: fixed core properties and a zip whose bytes depend only on the
input (python-docx stamps every entry and `modified` with the current time), checked once
more for anything that points outside it (`sanitize.external_relationships`).

A core property holds at most 255 characters (python-docx refuses more, as Word's property
dialog does), while the spec allows a 500-character title and region name and any number
of authors: longer values are shortened at a word boundary with an ellipsis
(`core_text`). The document itself keeps the whole text.
"""

from __future__ import annotations

import io
from datetime import UTC, datetime
from typing import Any

from generator.errors import RenderError
from generator.render.docx.options import DocxOptions
from generator.render.docx.reference import refusal
from generator.render.docx.sanitize import external_relationships, summary
from generator.render.office import CORE_PROPERTY_LIMIT as CORE_PROPERTY_LIMIT
from generator.render.office import core_text as core_text
from generator.zips import normalise_zip as normalise_zip
from generator.zips import zip_timestamp as zip_timestamp

DEFAULT_DATE = datetime(2000, 1, 1, tzinfo=UTC)


APP_PROPERTIES = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
    b'extended-properties"><Application>masterplan</Application><DocSecurity>0'
    b"</DocSecurity></Properties>")


def finish(document: Any, options: DocxOptions) -> bytes:
    """`document` with the core properties of `options`, as reproducible bytes."""
    # python-docx writes the dates as given, with a "Z": hand it UTC without a zone.
    created = (options.created or DEFAULT_DATE).astimezone(UTC).replace(tzinfo=None)
    props = document.core_properties
    props.title = core_text(options.title)
    props.author = core_text(options.author)
    props.subject = core_text(options.subject)
    props.keywords = core_text(", ".join(options.keywords))
    props.language = core_text(options.language_tag)
    props.last_modified_by = core_text(options.author)
    for name in ("comments", "category", "content_status", "identifier", "version"):
        setattr(props, name, "")
    props.revision = 1
    props.created = created
    props.modified = created
    props.last_printed = created
    for part in document.part.package.iter_parts():
        if str(part.partname) == "/docProps/app.xml":
            # the reference's own (python-docx's template says "Microsoft Macintosh Word",
            # with page and word counts of an empty document): name the tool that made it
            part._blob = APP_PROPERTIES
    buffer = io.BytesIO()
    document.save(buffer)
    data = normalise_zip(buffer.getvalue(), created)
    problems = external_relationships(data)
    if problems and options.reference_docx is not None:
        raise refusal(options.reference_docx, "docx.reference_external_left",
                      items=summary(problems))
    if problems:  # the built-in reference and our own writing: a bug, never the user's
        raise RenderError(f"DOCX: the package refers outside itself: {summary(problems)}")
    return data


