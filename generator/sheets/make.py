"""`masterplan sheets`: one workbook per agency from a valid spec.

An agency is an entry of the spec's `agencies` (by its code), or, for a spec without that
list, a name that `lead_opd` or `supporting_opds` uses. A program belongs to every agency
that leads or supports it, by code or by full name. Workbooks are named
`<region code without the dot>-<agency>.xlsx` and written all together or not at all.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from typing import Any

from generator.errors import LocalizedError
from generator.sheets.layout import iter_programs, target_years
from generator.sheets.workbook import Agency, SheetSpec, build_workbook
from generator.spec.framework import Framework

_UNSAFE = re.compile(r"[^A-Za-z0-9_-]+")


def agencies_of(data: dict[str, Any], framework: Framework) -> list[Agency]:
    """Every agency with the programs it leads or supports, in the spec's order."""
    listed = [a for a in data.get("agencies") or [] if isinstance(a, dict)]
    by_alias: dict[str, str] = {}
    names: dict[str, str] = {}
    for entry in listed:
        code, name = str(entry.get("code")), str(entry.get("name"))
        names[code] = name
        by_alias[code] = by_alias[name] = code
    programs: dict[str, list[tuple[str, str, dict[str, Any]]]] = {code: [] for code in names}
    for dim, sub, program in iter_programs(data, framework):
        involved = [program.get("lead_opd"), *(program.get("supporting_opds") or [])]
        for who in dict.fromkeys(str(w) for w in involved if isinstance(w, str) and w):
            code = by_alias.get(who, who)
            names.setdefault(code, who)
            programs.setdefault(code, []).append((dim, sub, program))
    return [Agency(code, names[code], tuple(items)) for code, items in programs.items()]


def file_name(region_code: str, agency: str) -> str:
    slug = _UNSAFE.sub("-", agency).strip("-")[:60] or "OPD"
    return f"{region_code.replace('.', '')}-{slug}.xlsx"


def make_sheets(spec_path: Path, output: Path, *, agencies: tuple[str, ...], lang: str,
                display: str | None = None, framework: str | Path | None = None) -> list[Path]:
    """Write the workbooks of `agencies` (all when empty) into `output`; their paths.
    `framework` (the `--framework` option) overrides the spec's."""
    from generator.output import stamp_for, write_files
    from generator.spec import check_spec
    from generator.spec.validate import suggest

    doc, _warnings = check_spec(spec_path, display, framework=framework)
    framework_used: Framework = doc.framework  # check_spec resolved it
    data = doc.data
    everyone = agencies_of(data, framework_used)
    known = {agency.code: agency for agency in everyone}
    chosen = everyone
    if agencies:
        for wanted in agencies:
            if wanted not in known:
                close = suggest(wanted, list(known))
                raise LocalizedError("sheets.unknown_agency", agency=wanted,
                                     known=", ".join(known),
                                     suggestion=("@msg", "hint.did_you_mean", {"name": close[0]})
                                     if close else "")
        chosen = [known[code] for code in dict.fromkeys(agencies)]
    spec = SheetSpec(data=data, framework=framework_used, spec_name=spec_path.name,
                     spec_sha256=hashlib.sha256(doc.source_bytes).hexdigest(), lang=lang,
                     moment=stamp_for(str(data["document"].get("date") or "")))
    region = str(data["region"]["code"])
    files: list[tuple[Path, bytes]] = []
    taken: set[str] = set()
    for agency in chosen:
        name = file_name(region, agency.code)
        if name.lower() in taken:  # two names that differ only in unsafe characters or case
            name = name[:-5] + f"-{hashlib.sha256(agency.code.encode()).hexdigest()[:6]}.xlsx"
        taken.add(name.lower())
        years = target_years(data, [program for _d, _s, program in agency.programs])
        files.append((output / name, build_workbook(spec, agency, years)))
    write_files(files)
    return [path for path, _data in files]
