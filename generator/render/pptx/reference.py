"""The presentation a deck is made in: the built-in reference (templates/pptx/reference.pptx,
made by scripts/build_reference_pptx.py) or a region's own (``--reference-pptx``) with its
master slides, layouts and theme.

A region's file is refused, naming it, when it is not a small sane .pptx (the same caps on
the really inflated archive as a reference DOCX, `generator.render.docx.archive`), or
python-pptx cannot open it. Its own slides are dropped (a template often carries samples).
The deck needs three layouts, found by name; a layout the file lacks is replaced by the
nearest one it has, with a warning per layout (`pptx.layout_missing`).
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any

from generator.errors import Diagnostic, SourceSpan, SpecError
from generator.resources import templates_dir

OPTION = "--reference-pptx"
#: what the deck calls a layout → the name PowerPoint gives it
LAYOUTS = {"title": "Title Slide", "content": "Title and Content", "title_only": "Title Only"}
#: the layouts tried, in order, for one a reference lacks
FALLBACKS = {"title": ("title_only", "content"), "content": ("title_only", "title"),
             "title_only": ("content", "title")}


def builtin_reference() -> Path:
    return templates_dir() / "pptx" / "reference.pptx"


def refusal(path: Path, code: str, **params: object) -> SpecError:
    return SpecError([Diagnostic(SourceSpan(str(path), 0, 0), "error", OPTION, code, params)])


def open_reference(path: Path | None) -> tuple[Any, dict[str, Any], list[Diagnostic]]:
    """The python-pptx presentation to add slides to, without slides of its own; the layout
    of each of `LAYOUTS`; and the warnings about missing layouts."""
    from pptx import Presentation

    if path is None:
        presentation = Presentation(str(builtin_reference()))
        return presentation, _layouts(presentation, None)[0], []
    from generator.render.docx.reference import check_reference_file

    try:  # the checks of a reference DOCX (size, the archive really inflated)
        data = check_reference_file(path)
    except SpecError as error:  # they speak of --reference-docx: ours here
        problem = error.diagnostics[0]
        code = problem.code.replace("docx.reference_not_zip", "pptx.reference_not_zip")
        raise refusal(path, code, **problem.params) from None

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        if "ppt/presentation.xml" not in archive.namelist():
            raise refusal(path, "pptx.reference_not_pptx")
    try:
        presentation = Presentation(io.BytesIO(data))
        _drop_slides(presentation)
    except Exception as error:  # python-pptx raises anything from KeyError to XMLSyntaxError
        raise refusal(path, "pptx.reference_unusable",
                      detail=f"{type(error).__name__}: {error}") from None
    if not len(presentation.slide_layouts):
        raise refusal(path, "pptx.reference_no_layouts")
    layouts, warnings = _layouts(presentation, path)
    return presentation, layouts, warnings


def _drop_slides(presentation: Any) -> None:
    slide_ids = presentation.slides._sldIdLst
    for slide_id in list(slide_ids):
        presentation.part.drop_rel(slide_id.rId)
        slide_ids.remove(slide_id)


def _layouts(presentation: Any, path: Path | None) -> tuple[dict[str, Any], list[Diagnostic]]:
    by_name = {layout.name.strip().lower(): layout for layout in presentation.slide_layouts}
    found = {key: by_name.get(name.lower()) for key, name in LAYOUTS.items()}
    warnings = []
    chosen: dict[str, Any] = {}
    for key, layout in found.items():
        if layout is None:
            layout = next((found[other] for other in FALLBACKS[key] if found[other]), None) \
                or next((item for item in presentation.slide_layouts
                         if any(p.placeholder_format.type in (1, 3) for p in item.placeholders)),
                        presentation.slide_layouts[0])
            where = path.name if path is not None else "reference.pptx"
            warnings.append(Diagnostic(SourceSpan(str(path), 0, 0), "warning", OPTION,
                                       "pptx.layout_missing",
                                       {"layout": LAYOUTS[key], "file": where,
                                        "used": layout.name}))
        chosen[key] = layout
    return chosen, warnings
