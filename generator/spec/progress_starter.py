"""A starter progress file for one year, prefilled from the plan (`masterplan init-progress`).

Regency staff should never type an id or an indicator's name by hand: every program planned
that year, and every enabler of the plan's `enablers` planned that year (`enabler_items`), is
listed with its id, status `belum` and a budget line per funding source of the
plan (amount 0, the planned amount beside it as a comment); every indicator with a target
that year and every KPI of the quick wins running that year is written out as a commented
line with the name exactly as the spec has it and the target beside it. Uncomment a line
and give its value. The file is valid as written (`masterplan evaluate` accepts it).
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from generator.i18n.numbers import Formatter
from generator.spec.enablers import enablers_of
from generator.spec.model import BudgetLine, Masterplan
from generator.spec.vocabulary import HEAD_TITLES, REGION_TYPES

_TEXT: dict[str, dict[str, Any]] = {
    "id": {
        "head": ["Berkas kemajuan tahun {year} masterplan smart city {region}.",
                 "Dibuat oleh `masterplan init-progress` dari masterplan; setiap kode dan nama",
                 "indikator di sini sama persis dengan spec. Ubah status (belum, berjalan,",
                 "selesai, dihentikan), isi realisasi anggaran, dan hapus tanda # di depan",
                 "capaian indikator yang sudah diukur. Periksa dengan",
                 "`masterplan evaluate {spec} {file}`."],
        "summary": "Ringkasan capaian tahun {year} (Markdown).",
        "planned": "rencana {year}: {amount}",
        "target": "target {year}: {target}",
        "kpi_target": "target: {target}",
        "enablers": "Faktor pendukung (aspek Output): hapus # dan isi yang sudah ada.",
        "enabler_items": ["Faktor pendukung masterplan (regulasi, infrastruktur TIK, SDM):"
                          " status dan realisasi", "anggarannya; masuk jumlah anggaran"
                          " paket evaluasi bersama program."],
        "evidence": "Bukti dukung: setiap klaim sebaiknya punya bukti (berkas di folder ini"
                    " atau rujukan).",
        "no_program": "Tidak ada program yang direncanakan tahun {year}.",
    },
    "en": {
        "head": ["Progress file of {year} for the {region} smart-city masterplan.",
                 "Made by `masterplan init-progress` from the masterplan; every id and",
                 "indicator name here is exactly the spec's. Change the status (belum,",
                 "berjalan, selesai, dihentikan), fill in the budget realised, and remove the",
                 "# before the indicator values you measured. Check it with",
                 "`masterplan evaluate {spec} {file}`."],
        "summary": "Summary of {year} (Markdown).",
        "planned": "planned {year}: {amount}",
        "target": "target {year}: {target}",
        "kpi_target": "target: {target}",
        "enablers": "Enablers (the Output aspect): remove the # and fill in those in place.",
        "enabler_items": ["The masterplan's enablers (regulation, ICT infrastructure,"
                          " people): status and budget", "realised; counted in the"
                          " evaluation pack's budget totals with the programs."],
        "evidence": "Evidence: every claim should have some (a file in this folder or a"
                    " reference).",
        "no_program": "No program is planned in {year}.",
    },
}


def _q(value: Any) -> str:
    """A YAML scalar: strings as JSON strings (valid YAML double-quoted), numbers as is."""
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _line(text: str) -> str:
    return " ".join(text.split())


def _target(numbers: Formatter, value: Any, unit: str) -> str:
    """A target in a comment: a number in the language's format (a grade as written)."""
    shown = (numbers.number(value) if isinstance(value, int | float)
             and not isinstance(value, bool) else str(value))
    return f"{shown} {unit}".strip()


def _budget(budget: list[BudgetLine], year: int, text: dict[str, Any],
            numbers: Formatter) -> list[str]:
    """The `budget` lines of a program or an enabler: one per source planned in `year`,
    realised 0, the planned amount beside it."""
    sources: dict[str, int] = {}
    for line in budget:
        if line.year == year:
            sources[line.source] = sources.get(line.source, 0) + line.amount
    if not sources:
        return []
    return ["    budget:", *(
        f"      - {{source: {_q(source)}, amount: 0}}  # "
        + text["planned"].format(year=year, amount=numbers.money(amount))
        for source, amount in sources.items())]


def starter_progress(plan: Masterplan, spec: Path, year: int, target: Path,
                     lang: str = "id") -> str:
    """The text of a starter progress file for `year` to be written at `target`."""
    text = _TEXT["en" if lang == "en" else "id"]
    # the comments are for people: numbers as the language writes them (`Rp 1.500.000.000`,
    # `6,3 %`; `IDR 1,500,000,000`, `6.3 %`); the values stay plain YAML numbers
    numbers = Formatter(lang)
    relative = Path(os.path.relpath(spec.resolve(), target.parent.resolve())).as_posix()
    # `Kota Makassar`, as the documents write it (a region's name is a proper name in both
    # languages); its head's instruments: `Peraturan Wali Kota`, `Keputusan Bupati`
    region = f"{REGION_TYPES[plan.region_type].id} {plan.region.get('name', '')}".strip()
    head = HEAD_TITLES[plan.region_type]
    # the check command as typed in the spec's folder: `... masterplan.yaml progress/2028.yaml`
    shown = Path(os.path.relpath(target.resolve(), spec.resolve().parent)).as_posix()
    lines = [f"# {line.format(year=year, region=region, spec=spec.name, file=shown)}"
             for line in text["head"]]
    lines += ["", "progress_version: 1", f"masterplan: {_q(relative)}", f"year: {year}",
              f'date: "{year}-12-31"', f"# {text['summary'].format(year=year)}",
              '# summary: |', "#   ...", ""]
    programs = [p for p in plan.programs if p.start_year <= year <= p.end_year]
    if programs:
        lines.append("programs:")
    else:
        lines += [f"# {text['no_program'].format(year=year)}", "programs: []"]
    for program in programs:
        lines += [f"  # {_line(program.name)}", f"  - id: {_q(program.id)}", '    status: "belum"']
        lines += _budget(program.budget, year, text, numbers)
        targeted = [i for i in program.indicators if year in i.targets]
        if targeted:
            lines.append("    # indicators:")
            for indicator in targeted:
                comment = text["target"].format(
                    year=year, target=_target(numbers, indicator.targets[year], indicator.unit))
                lines.append(f"    #   - {{name: {_q(indicator.name)}, value: }}  # {comment}")
    quick_wins = [q for q in plan.quick_wins if q.start_year <= year <= q.end_year]
    if quick_wins:
        lines += ["", "quick_wins:"]
        for quick_win in quick_wins:
            lines += [f"  # {_line(quick_win.name)}", f"  - id: {_q(quick_win.id)}",
                      '    status: "belum"']
            if quick_win.kpis:
                lines.append("    # kpis:")
            for kpi in quick_win.kpis:
                comment = text["kpi_target"].format(target=_target(numbers, kpi.target, kpi.unit))
                lines.append(f"    #   - {{name: {_q(kpi.name)}, value: }}  # {comment}")
    enablers = enablers_of(plan)
    planned = [e for e in (enablers.items if enablers else [])
               if e.start_year <= year <= e.end_year or any(b.year == year for b in e.budget)]
    if planned:
        lines += ["", *(f"# {line}" for line in text["enabler_items"]), "enabler_items:"]
    for enabler in planned:
        lines += [f"  # {_line(enabler.name)}", f"  - id: {_q(enabler.id)}",
                  '    status: "belum"', *_budget(enabler.budget, year, text, numbers)]
    lines += ["", f"# {text['enablers']}", "# enablers:",
              f'#   regulation: {{kind: "Peraturan {head}", number: "", date: "YYYY-MM-DD",'
              ' title: ""}',
              f'#   council: {{kind: "Keputusan {head}", number: "", date: "YYYY-MM-DD"}}',
              f'#   team: {{kind: "Keputusan {head}", number: "", date: "YYYY-MM-DD"}}',
              '#   forum_meetings:', '#     - {date: "YYYY-MM-DD", topic: ""}',
              "#   smart_city_apbd: 0", "", f"# {text['evidence']}", "evidence: []",
              '#  - {id: "EV-01", title: "", file: "bukti/....pdf", supports: ["'
              + (programs[0].id if programs else "regulation") + '"]}', ""]
    return "\n".join(lines)
