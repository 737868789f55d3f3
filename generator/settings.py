"""Every option of a render in one frozen value, merged once from the command line, a
cohort manifest's `options` and the defaults.

`RenderSettings.fingerprint()` hashes every field that can change a document, so the batch's
incremental cache can never serve a file made with other options: a field is part of it
unless it says `output=False` in its metadata (a new option is counted by default).
A new option is one field here, its flag in `generator.cli` and its use.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import shutil
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from generator.errors import UsageError

LANGUAGES = ("id", "en")
PDF_VARIANTS = ("pdf/a-3b", "pdf/a-3a", "pdf/a-2b", "pdf/ua-1")
#: The page numbers of a DOCX's table of contents: "pages" as LibreOffice lays the document
#: out (when it is installed; else a warning and none), "field" none (Word fills them when
#: it updates the fields on opening).
DOCX_TOCS = ("pages", "field")
#: The charts of a DOCX: "native" Word charts whose figures are an embedded workbook
#: (editable in Word and LibreOffice), or "picture" their PNG.
DOCX_CHARTS = ("native", "picture")
DEFAULT_TIMEOUT = 300.0
#: Seconds each document of `render`, `report` and `watch` may take when it is made in a
#: process of its own (with a `--template-dir`: `generator.batch.isolated`).
DEFAULT_RENDER_TIMEOUT = 120.0
DEFAULT_MEMORY_MIB = 2048
#: How long the templates of a `--template-dir` may take for one document.
USER_TEMPLATE_SECONDS = 60


def framework_is_file(value: str) -> bool:
    """Whether a `framework` names a file rather than a bundled framework."""
    return value.endswith((".yaml", ".yml")) or "/" in value or "\\" in value


#: The metadata of a field that never changes a document's bytes (not in the fingerprint).
NOT_OUTPUT = {"output": False}


@dataclass(frozen=True)
class RenderSettings:
    #: document kinds (`generator.documents.KINDS`), in order
    documents: tuple[str, ...] = ("masterplan",)
    #: output formats (`generator.render.WRITERS`), in order
    formats: tuple[str, ...] = ("pdf", "html")
    #: document language; None: each spec's `document.language`, else id
    lang: str | None = None
    template_dir: Path | None = None
    reference_docx: Path | None = None
    pdf_variant: str | None = None
    #: page numbers of the DOCX contents (`DOCX_TOCS`)
    docx_toc: str = "pages"
    #: the charts of a DOCX (`DOCX_CHARTS`)
    docx_charts: str = "native"
    #: the master slides and layouts of a PPTX deck
    reference_pptx: Path | None = None
    #: refuse a spec with warnings
    strict: bool = False
    #: the framework of dimensions (a bundled name or a framework file); None: each spec's
    #: `framework`, else the default (`generator.spec.framework`)
    framework: str | None = None
    #: an older version of the spec: the documents show the changes from it (tracked
    #: changes in the DOCX, marked insertions and deletions in the PDF and HTML)
    redline: Path | None = None
    outdir: Path = field(default=Path("out"), metadata=NOT_OUTPUT)
    #: language of messages (warnings and errors), not of documents
    messages_lang: str = field(default="id", metadata=NOT_OUTPUT)
    #: seconds one spec may take in a batch worker before it is stopped; for `render`,
    #: `report` and `watch` with a `template_dir`, each document in its own process
    timeout: float = field(default=DEFAULT_TIMEOUT, metadata=NOT_OUTPUT)
    #: MiB of address space of a worker process (or of a render's own process), 0 for none
    memory_limit: int = field(default=DEFAULT_MEMORY_MIB, metadata=NOT_OUTPUT)
    #: seconds the templates of a `--template-dir` may take for one document
    template_seconds: int = field(default=USER_TEMPLATE_SECONDS, metadata=NOT_OUTPUT)

    def replace(self, **changes: Any) -> RenderSettings:
        return dataclasses.replace(self, **changes)

    @property
    def user_templates(self) -> bool:
        return self.template_dir is not None

    def document_lang(self, spec_language: object) -> str:
        """The language of a spec's documents: the setting, else the spec's, else id."""
        return self.lang or str(spec_language or "id")

    # --- crossing a process boundary (batch workers) ----------------------------------------
    def to_plain(self) -> dict[str, Any]:
        """JSON-able values; paths absolute, so a worker in another folder finds them."""
        plain: dict[str, Any] = {}
        for item in dataclasses.fields(self):
            value = getattr(self, item.name)
            if isinstance(value, Path):
                value = str(value.resolve())
            elif item.name == "framework" and value is not None and framework_is_file(value):
                value = str(Path(value).resolve())
            elif isinstance(value, tuple):
                value = list(value)
            plain[item.name] = value
        return plain

    @classmethod
    def from_plain(cls, plain: Mapping[str, Any]) -> RenderSettings:
        values: dict[str, Any] = {}
        for item in dataclasses.fields(cls):
            if item.name not in plain:
                continue
            value = plain[item.name]
            if item.name in _PATHS and value is not None:
                value = Path(value)
            elif isinstance(value, list):
                value = tuple(value)
            values[item.name] = value
        return cls(**values)

    # --- the cache key ------------------------------------------------------------------------
    def fingerprint(self) -> str:
        """SHA-256 of everything here that changes a document: the fields (files by their
        content) and `SOURCE_DATE_EPOCH`."""
        from generator.hashing import sha256_file, tree_hash

        values: dict[str, Any] = {"SOURCE_DATE_EPOCH": os.environ.get("SOURCE_DATE_EPOCH")}
        for item in dataclasses.fields(self):
            if not item.metadata.get("output", True):
                continue
            value = getattr(self, item.name)
            if item.name == "template_dir" and value is not None:
                value = tree_hash(value) if value.is_dir() else "missing"
            elif item.name in ("reference_docx", "reference_pptx", "redline") and value is not None:
                value = sha256_file(value)
            elif item.name == "framework" and value is not None and framework_is_file(value):
                path = Path(value)
                value = sha256_file(path) if path.is_file() else "missing"
            elif isinstance(value, tuple):
                value = sorted(value)
            values[item.name] = value
        if "docx" in self.formats and self.docx_toc == "pages":
            # the page numbers are there only when LibreOffice is (as
            # generator.render.docx.libreoffice finds it; that package imports python-docx)
            values["libreoffice"] = bool(shutil.which("soffice") or shutil.which("libreoffice"))
        return hashlib.sha256(json.dumps(values, sort_keys=True).encode()).hexdigest()


_PATHS = {item.name for item in dataclasses.fields(RenderSettings)
          if "Path" in str(item.type)}


def parse_list(value: str | Iterable[str], allowed: Iterable[str], what: str,
               everything: str | None = None,
               groups: Mapping[str, tuple[str, ...]] | None = None) -> tuple[str, ...]:
    """`pdf,html` → ("pdf", "html"), each checked against `allowed`; `everything` (`all`)
    stands for all of them, unless `groups` says what it and other words stand for
    (`all`: the books, `legal`: the legal drafts)."""
    allowed = tuple(allowed)
    groups = dict(groups or {})
    items = value.split(",") if isinstance(value, str) else list(value)
    result: list[str] = []
    for item in (str(i).strip().lower() for i in items):
        if not item:
            continue
        if item in groups:
            result.extend(groups[item])
        elif item == everything:
            result.extend(allowed)
        elif item in allowed:
            result.append(item)
        else:
            words = [word for word in (everything, *groups) if word]
            choices = [*allowed, *dict.fromkeys(words)]
            raise UsageError(f"unknown {what} `{item}`; choose from {', '.join(choices)}")
    if not result:
        raise UsageError(f"no {what} given")
    return tuple(dict.fromkeys(result))


class OptionSource(Protocol):
    """A cohort manifest's `options` (`generator.batch.cohort.Cohort`)."""

    options: dict[str, Any]

    def option_path(self, name: str) -> Path | None: ...


def resolve(given: Mapping[str, Any], cohort: OptionSource | None = None,
            **defaults: Any) -> RenderSettings:
    """Settings from the command line (`given`: None or False = not given), else the
    manifest's `options` (paths relative to the manifest), else `defaults`, else the field
    defaults. Lists are checked against the registries; with a cohort, the shared template
    folder and reference DOCX must exist."""
    from generator.documents import kind_groups, spec_kinds
    from generator.render import check_formats, format_names

    def pick(name: str) -> Any:
        value = given.get(name)
        if value is not None and value is not False:
            return value
        if cohort is not None and name in _PATHS:
            path = cohort.option_path(name)
            if path is not None:
                return path
        elif cohort is not None and name == "framework" and framework_is_file(
                str(cohort.options.get(name) or "")):
            return str(cohort.option_path(name))
        elif cohort is not None and cohort.options.get(name) is not None:
            return cohort.options[name]
        return defaults.get(name)

    values: dict[str, Any] = {}
    for item in dataclasses.fields(RenderSettings):
        value = pick(item.name)
        if value is not None:
            values[item.name] = value
    if "documents" in values:
        values["documents"] = parse_list(values["documents"], spec_kinds(), "document", "all",
                                         kind_groups())
    if "formats" in values:
        values["formats"] = parse_list(values["formats"], format_names(), "format")
    if "timeout" in values:
        values["timeout"] = float(values["timeout"])
    if "memory_limit" in values:
        values["memory_limit"] = int(values["memory_limit"])
    if "strict" in values:
        values["strict"] = bool(values["strict"])
    if "docx_toc" in values and values["docx_toc"] not in DOCX_TOCS:
        raise UsageError(f"unknown DOCX contents `{values['docx_toc']}`; choose from "
                         f"{', '.join(DOCX_TOCS)}")
    if "docx_charts" in values and values["docx_charts"] not in DOCX_CHARTS:
        raise UsageError(f"unknown DOCX charts `{values['docx_charts']}`; choose from "
                         f"{', '.join(DOCX_CHARTS)}")
    for name in ("template_dir", "reference_docx", "reference_pptx", "redline"):
        if name in values:
            values[name] = Path(values[name])
    values.setdefault("messages_lang", values.get("lang") or "id")
    settings = RenderSettings(**values)
    check_formats(settings.documents, settings.formats)
    if cohort is None:  # a single render checks its paths where it uses them
        return settings
    if settings.template_dir is not None and not settings.template_dir.is_dir():
        raise UsageError(f"--template-dir {settings.template_dir}: not a folder")
    if settings.reference_docx is not None and not settings.reference_docx.is_file():
        raise UsageError(f"--reference-docx {settings.reference_docx}: no such file")
    if settings.reference_pptx is not None and not settings.reference_pptx.is_file():
        raise UsageError(f"--reference-pptx {settings.reference_pptx}: no such file")
    return settings
