"""The DOCX writer of the registry (`generator.render`): our converter, from the same HTML."""

from __future__ import annotations

from generator.render import Document, Written, docx


def write_docx(document: Document) -> Written:
    options = docx.DocxOptions(title=document.title, author=document.author,
                               subject=document.subject, keywords=document.keywords,
                               language=document.language, created=document.created,
                               header=document.header,
                               reference_docx=document.reference_docx,
                               charts=document.chart_images)
    # `docx.convert` is looked up at call time, so a benchmark can catch what it is given
    converted = docx.convert(document.html, options)
    return Written(converted.data, converted.diagnostics(document.reference_docx))
