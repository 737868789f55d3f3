"""What a batch TARGET names: a cohort manifest, a folder of specs, or one spec.

A cohort manifest is a small YAML file of its own format (schema: `build_cohort_schema`,
written to `schemas/cohort.schema.json`; a test fails when the two drift, and
`python -m generator.batch.cohort > schemas/cohort.schema.json` regenerates it)::

    cohort: {year: 2025, track: reguler, title: "Gerakan Menuju 100 Smart City 2025"}
    specs: ["kabupaten-*/masterplan.yaml", "kota-makassar/masterplan.yaml"]
    exclude: ["draft-*/masterplan.yaml"]
    options: {formats: [pdf, html], documents: [masterplan, summary], lang: id}

It is read with the spec loader (`generator.spec.load`), so the size cap, the refusal of
aliases, tags and directives, and `file:line:col` positions apply to it too. Paths and globs
are relative to the manifest's folder; an entry that matches no file is an error (a typo
should stop a 500-region run before it starts, not after).

A folder TARGET means every `*.yaml`/`*.yml` below it, except in hidden folders, in the
output folder, and files that are cohort manifests, progress files or weight tables.
"""

from __future__ import annotations

import glob
import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from generator.encoding import printable
from generator.errors import Diagnostic, SourceSpan, SpecError, UsageError
from generator.i18n.messages import message
from generator.spec.load import Pointer, SpecDocument, load_spec

COHORT_SCHEMA_ID = "urn:masterplan:cohort:1"
SPEC_SUFFIXES = (".yaml", ".yml")
# `report` and `export` only read a spec: a shorter default limit
DEFAULT_READ_TIMEOUT = 120.0
# Folders never searched for specs in a folder TARGET (besides hidden ones and OUTDIR).
_SKIPPED_FOLDERS = {"node_modules", "__pycache__", "venv"}
_MANIFEST_KEY = re.compile(rb"^specs[ \t]*:", re.MULTILINE)
# The other files a region's folder holds beside its spec: a year's progress (`evaluate`)
# and a weight table (`--weights`); a folder's cohort is its specs only.
_COMPANION_KEY = re.compile(rb"^(progress_version|weights_version)[ \t]*:", re.MULTILINE)

TargetKind = Literal["manifest", "folder", "spec"]


def _text(title: str, description: str, **extra: Any) -> dict[str, Any]:
    return {"type": "string", "title": title, "description": description, "minLength": 1,
            "maxLength": 500, **extra}


def build_cohort_schema() -> dict[str, Any]:
    """The JSON Schema of a cohort manifest (Draft 2020-12); the choices of formats,
    documents, languages and PDF variants are those of the registries and the settings."""
    from generator.documents import kind_groups, spec_kinds
    from generator.render import format_names
    from generator.settings import DOCX_CHARTS, DOCX_TOCS, LANGUAGES, PDF_VARIANTS

    pattern_list = {"type": "array", "minItems": 1, "maxItems": 2000,
                    "items": _text("Path or glob", "A spec path or glob pattern, relative to "
                                   "the manifest's folder (`*`, `?`, `[…]`, `**`).")}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": COHORT_SCHEMA_ID,
        "title": "Smart-city masterplan cohort manifest",
        "description": "The specs of one cohort rendered together by `masterplan batch`, "
                       "`report` and `export`, and the options they share.",
        "type": "object",
        "additionalProperties": False,
        "required": ["cohort", "specs"],
        "properties": {
            "cohort": {
                "type": "object", "title": "Cohort",
                "description": "The cohort (angkatan) every listed spec belongs to.",
                "additionalProperties": False,
                "required": ["year"],
                "properties": {
                    "year": {"type": "integer", "title": "Cohort year", "minimum": 2017,
                             "maximum": 2100,
                             "description": "Year of selection into the programme; every "
                                            "spec's `cohort.year` must equal it."},
                    "track": _text("Track", "Programme track, e.g. `reguler`, "
                                   "`pariwisata`, `ikn`; a spec naming another track is "
                                   "reported as a warning."),
                    "title": _text("Title", "Title of the cohort report and the index page."),
                },
            },
            "specs": {**pattern_list, "title": "Specs",
                      "description": "Spec files or glob patterns; each must match at "
                                     "least one file."},
            "exclude": {**pattern_list, "title": "Exclude",
                        "description": "Paths or globs left out of `specs`."},
            "options": {
                "type": "object", "title": "Shared options",
                "description": "Defaults for the command-line options; a command-line "
                               "option wins.",
                "additionalProperties": False,
                "properties": {
                    "formats": {"type": "array", "minItems": 1, "uniqueItems": True,
                                "title": "Formats", "description": "Output formats.",
                                "items": {"type": "string", "enum": list(format_names())}},
                    "documents": {"type": "array", "minItems": 1, "uniqueItems": True,
                                  "title": "Documents", "description": "Documents per spec.",
                                  "items": {"type": "string",
                                            "enum": [*spec_kinds(), *kind_groups()]}},
                    "lang": {"type": "string", "enum": list(LANGUAGES), "title": "Language",
                             "description": "Document language (default: each spec's "
                                            "`document.language`)."},
                    "outdir": _text("Output folder", "Relative to the manifest's folder."),
                    "template_dir": _text("Template folder",
                                          "Custom templates, relative to the manifest."),
                    "reference_docx": _text("Reference DOCX",
                                            "Word styles for DOCX, relative to the manifest."),
                    "framework": _text("Framework",
                                       "The framework of dimensions for every spec: a"
                                       " bundled name (kominfo-2017, komdigi-2026) or a"
                                       " framework file relative to the manifest."),
                    "reference_pptx": _text("Reference PPTX",
                                            "Master slides for PPTX decks, relative to the "
                                            "manifest."),
                    "docx_charts": {"type": "string", "enum": list(DOCX_CHARTS),
                                    "title": "DOCX charts",
                                    "description": "Native Word charts with their figures "
                                                   "embedded (editable), or pictures."},
                    "pdf_variant": {"type": "string", "enum": list(PDF_VARIANTS),
                                    "title": "PDF variant",
                                    "description": "Archival or accessible PDF: pdf/a-3a"
                                                   " (archival and accessible) and pdf/a-3b"
                                                   " attach the spec, pdf/a-2b does not;"
                                                   " pdf/ua-1 is accessible, not archival."},
                    "docx_toc": {"type": "string", "enum": list(DOCX_TOCS),
                                 "title": "DOCX contents",
                                 "description": "Page numbers in the DOCX table of contents: "
                                                "pages (as LibreOffice lays the document out, "
                                                "when it is installed) or field (left to "
                                                "Word)."},
                    "strict": {"type": "boolean", "title": "Strict",
                               "description": "Refuse specs with warnings."},
                    "timeout": {"type": "number", "minimum": 1, "maximum": 86400,
                                "title": "Time limit",
                                "description": "Seconds one spec may take before its worker "
                                               "is stopped (batch; report and export: to be "
                                               "read); for the report, also the seconds its "
                                               "render with a template folder may take."},
                    "progress": _text("Progress files",
                                      "`report` and `export`: a glob relative to each "
                                      "spec's folder naming its progress files, e.g. "
                                      "`progress/*.yaml`."),
                    "memory_limit": {"type": "integer", "minimum": 0, "maximum": 1048576,
                                     "title": "Memory limit",
                                     "description": "MiB of address space of each worker "
                                                    "process (and of the report's render with a "
                                                    "template folder); 0 for none."},
                },
            },
        },
    }


def cohort_schema_json() -> str:
    """The schema file's exact text."""
    return json.dumps(build_cohort_schema(), ensure_ascii=False, indent=2) + "\n"


@dataclass
class SpecSource:
    """One spec of a cohort: where it is, how to show it, and its stable key."""

    path: Path
    display: str
    key: str
    #: where the manifest named it (for positioned errors), if it came from a manifest
    origin: SourceSpan | None = None


@dataclass
class Cohort:
    """A resolved TARGET: the specs in order and the manifest's shared settings."""

    target: Path
    kind: TargetKind
    base: Path
    specs: list[SpecSource]
    year: int | None = None
    track: str | None = None
    title: str | None = None
    options: dict[str, Any] = field(default_factory=dict)
    manifest: SpecDocument | None = None

    def option_path(self, name: str) -> Path | None:
        value = self.options.get(name)
        return None if value is None else self.base / str(value)

    def setting(self, name: str, given: Any, default: Any = None) -> Any:
        """A command-line value when given, else the manifest's `options`, else `default`.

        A flag given as False counts as not given (a manifest's ``strict: true`` stands).
        Lists from the manifest come back comma-joined, as the command line writes them."""
        if given is not None and given is not False:
            return given
        value = self.options.get(name)
        if isinstance(value, list):
            value = ",".join(str(item) for item in value)
        return default if value is None else value

    def setting_path(self, name: str, given: Path | None) -> Path | None:
        """A path option: the command line's as given, else the manifest's, relative to it."""
        return given if given is not None else self.option_path(name)

    def shared_paths(self, template_dir: Path | None,
                     reference_docx: Path | None) -> tuple[Path | None, Path | None]:
        """`--template-dir` and `--reference-docx`, else the manifest's; checked to exist."""
        template_dir = self.setting_path("template_dir", template_dir)
        if template_dir is not None and not template_dir.is_dir():
            raise UsageError(f"--template-dir {template_dir}: not a folder")
        reference = self.setting_path("reference_docx", reference_docx)
        if reference is not None and not reference.is_file():
            raise UsageError(f"--reference-docx {reference}: no such file")
        return template_dir, reference

    def year_span(self) -> SourceSpan | None:
        return self.manifest.span(("cohort", "year")) if self.manifest else None


def display_path(path: Path) -> str:
    """The path as the user should see it: relative to the working folder when below it,
    `printable` (bytes that are not UTF-8 as ``\\xNN``)."""
    try:
        relative = os.path.relpath(path)
    except ValueError:  # another drive (Windows)
        return printable(str(path))
    return printable(str(path) if relative.startswith("..") else relative)


def is_manifest_bytes(data: bytes) -> bool:
    """A cohort manifest has a top-level `specs:` key, which no masterplan spec has."""
    return _MANIFEST_KEY.search(data[:65536]) is not None


def resolve_target(target: Path, *, outdir: Path | None = None, lang: str = "id") -> Cohort:
    """Turn TARGET into a Cohort; raise SpecError (positioned) or UsageError (in `lang`)."""
    if target.is_dir():
        return _folder(target, outdir, lang)
    if not target.exists():
        raise UsageError(message("usage.no_target", lang, target=printable(str(target))))
    doc = load_spec(target, display_path(target))
    if "specs" in doc.data and "region" not in doc.data:
        return _manifest(target, doc)
    base = target.parent.resolve()
    return Cohort(target=target, kind="spec", base=base,
                  specs=[SpecSource(target, display_path(target), printable(target.name))])


def _folder(folder: Path, outdir: Path | None, lang: str) -> Cohort:
    base = folder.resolve()
    skip = outdir.resolve() if outdir is not None else None
    found: list[Path] = []
    for root, dirs, files in os.walk(base, followlinks=False):
        here = Path(root)
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in _SKIPPED_FOLDERS
                         and (skip is None or (here / d).resolve() != skip))
        for name in sorted(files):
            if not name.lower().endswith(SPEC_SUFFIXES) or name.startswith("."):
                continue
            path = here / name
            if not path.is_file() or _not_a_spec(path):
                continue
            found.append(path)
    if not found:
        raise UsageError(message("usage.no_specs", lang, folder=printable(str(folder))))
    specs = [SpecSource(_as_given(folder, p, base), display_path(p), _key(p, base))
             for p in found]
    return Cohort(target=folder, kind="folder", base=base, specs=specs)


def _as_given(folder: Path, path: Path, base: Path) -> Path:
    """Keep paths relative when the user gave a relative folder."""
    return folder / path.relative_to(base)


def _not_a_spec(path: Path) -> bool:
    """A cohort manifest, a progress file or a weight table: YAML beside the specs."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(65536)
    except OSError:
        return False
    return is_manifest_bytes(head) or _COMPANION_KEY.search(head) is not None


def _key(path: Path, base: Path) -> str:
    """A stable name for a spec within its cohort (the state file's key; `printable`, so
    the state file can hold it)."""
    return printable(Path(os.path.relpath(path.resolve(), base)).as_posix())


def validate_manifest(doc: SpecDocument) -> list[Diagnostic]:
    """Schema errors of a manifest, positioned, with the spec validator's messages."""
    # The spec validator's translation of jsonschema errors into catalogue messages is
    # reused so both file kinds speak the same language.
    from generator.spec.validate import Collector, schema_errors, translate_schema_error

    out = Collector(doc)
    for error in schema_errors("cohort", build_cohort_schema, doc.data):
        if error.validator == "uniqueItems":
            out.error(tuple(error.absolute_path), "cohort.duplicate_item")
            continue
        translate_schema_error(error, doc, out)
    return out.results()


def _manifest(path: Path, doc: SpecDocument) -> Cohort:
    problems = validate_manifest(doc)
    if any(d.severity == "error" for d in problems):
        raise SpecError(problems)
    data = doc.data
    folder = path.parent
    base = folder.resolve()
    excluded: set[Path] = set()
    for pattern in data.get("exclude", []):
        excluded.update(p.resolve() for p in _expand(folder, pattern))
    specs: list[SpecSource] = []
    seen: set[Path] = set()
    errors: list[Diagnostic] = []
    for index, pattern in enumerate(data["specs"]):
        pointer: Pointer = ("specs", index)
        matches = _expand(folder, pattern)
        if not matches:
            errors.append(Diagnostic(doc.span(pointer), "error", f"specs[{index}]",
                                     "cohort.no_match", {"pattern": pattern}))
            continue
        for match in matches:
            real = match.resolve()
            if real in seen or real in excluded:
                continue
            seen.add(real)
            specs.append(SpecSource(match, display_path(match), _key(match, base),
                                    doc.span(pointer)))
    if errors:
        raise SpecError(errors)
    if not specs:
        raise SpecError([Diagnostic(doc.span(("specs",)), "error", "specs",
                                    "cohort.empty", {})])
    cohort = data["cohort"]
    return Cohort(target=path, kind="manifest", base=base, specs=specs, year=cohort["year"],
                  track=cohort.get("track"), title=cohort.get("title"),
                  options=dict(data.get("options", {})), manifest=doc)


def _expand(folder: Path, pattern: str) -> list[Path]:
    """Files matching a manifest entry, sorted; a plain path matches itself if it exists."""
    joined = folder / pattern
    if not glob.has_magic(pattern):
        return [joined] if joined.is_file() else []
    # the folder part is escaped: a folder called `[draft]` is not a pattern
    found = glob.glob(os.path.join(glob.escape(str(folder)), pattern), recursive=True)
    return [Path(p) for p in sorted(found)
            if Path(p).is_file() and Path(p).suffix.lower() in SPEC_SUFFIXES]


if __name__ == "__main__":
    import sys

    sys.stdout.write(cohort_schema_json())
