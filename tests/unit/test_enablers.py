"""The enablers (`enablers`) and the risk register (`governance.risks`).

Validation: tests/data/valid/compact.yaml with enablers and a risk register added, each test
editing one thing and checking the exact line `masterplan validate` prints (in Indonesian and
in English) at the place of the edit. Context: what the templates get, from the minimal
example. The starter's commented section, once uncommented and filled in, passes --strict.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from helpers import Edit, compact_text, diagnostic_lines, expect, filled_spec, run_cli, to_yaml
from helpers import write_spec as write
from test_context import _minimal, context, line
from test_palette import WHITE, contrast, value

from generator.render.docx import stylemap as sm
from generator.spec.enabler_vocabulary import (
    ENABLER_COLOURS,
    ENABLER_GROUPS,
    RISK_LEVELS,
    risk_bands,
    risk_level,
)

AA = 4.5
SHEET = "partials/enablers.css"  # appended to style.css when a document has the sections
ENABLERS = """\
enablers:
  introduction: Tiga kelompok faktor pendukung menopang semua program.
  regulation:
    - {id: REG-01, name: Peraturan Bupati tentang Masterplan Smart City, lead_opd: BAPPEDA,
       status: missing, start_year: 2026, end_year: 2026, output: Perbup ditetapkan,
       indicators: [{name: Perbup masterplan, unit: dokumen, targets: {2026: 1}}],
       budget: [{year: 2026, amount: 150000000, source: APBD}]}
    - {id: REG-02, name: Forum Smart City, lead_opd: DISKOMINFO, status: partial,
       start_year: 2026, end_year: 2035, meeting_months: [3, 9]}
  infrastructure:
    - {id: TIK-01, name: Pusat Data Daerah, lead_opd: DISKOMINFO, status: partial,
       start_year: 2026, end_year: 2028, supporting_opds: [BAPPEDA],
       budget: [{year: 2027, amount: 2000000000, source: APBD}]}
  people:
    - {id: SDM-01, name: Rencana Aksi Pengembangan SDM, lead_opd: DISKOMINFO,
       start_year: 2026, end_year: 2030,
       budget: [{year: 2026, amount: 300000000, source: APBD}]}
"""
RISKS = """\
governance:
  risks:
    - {id: RSK-01, risk: Anggaran APBD tidak tersedia, likelihood: 3, impact: 4,
       mitigation: Program masuk RKPD sejak tahun pertama, owner_opd: BAPPEDA,
       links: [GOV-01, TIK-01]}
"""


def with_enablers() -> str:
    text = compact_text().replace("\nquick_wins:", "\n" + ENABLERS + "quick_wins:", 1)
    return text.replace("\nagencies:", "\n" + RISKS + "agencies:", 1)


def validate_edit(tmp_path: Path, old: str, new: str, mark: str, *args: str,
                  ) -> tuple[list[str], int, Edit, Path]:
    edit = Edit.replace(with_enablers(), old, new, mark=mark)
    path = write(tmp_path, edit.text)
    result = run_cli("validate", path, *args)
    assert "Traceback" not in result.output
    return diagnostic_lines(result.stdout), result.exit_code, edit, path


@pytest.mark.parametrize("lang", ["id", "en"])
def test_a_spec_with_enablers_and_risks_is_valid_even_with_strict(tmp_path: Path,
                                                                  lang: str) -> None:
    path = write(tmp_path, with_enablers())
    result = run_cli("validate", "--strict", "--lang", lang, path)
    assert (result.exit_code, result.stdout) == (0, "")


# Each case: the text replaced, its replacement, where the problem is reported (the mark
# inside the replacement), the path printed, severity, and the message in both languages.
CASES = {
    "unknown agency": (
        "lead_opd: BAPPEDA,\n       status: missing", "lead_opd: BAPEDA,\n       status: missing",
        "BAPEDA", "enablers.regulation[0].lead_opd", "warning",
        "OPD `BAPEDA` tidak ada di daftar `agencies`; mungkin maksudnya `BAPPEDA`?",
        "agency `BAPEDA` is not in the `agencies` list; did you mean `BAPPEDA`?"),
    "a month twice": (
        "meeting_months: [3, 9]", "meeting_months: [3, 9, 3]", "3]",
        "enablers.regulation[1].meeting_months[2]", "error",
        "bulan 3 sudah disebut di enablers.regulation[1].meeting_months[0] ({where})",
        "month 3 is already named at enablers.regulation[1].meeting_months[0] ({where})"),
    "a budget year outside the enabler's years": (
        "{year: 2027, amount: 2000000000", "{year: 2029, amount: 2000000000", "2029",
        "enablers.infrastructure[0].budget[0].year", "warning",
        "tahun 2029 di luar masa faktor pendukung (2026-2028)",
        "year 2029 is outside the enabler's years (2026-2028)"),
    "a target year outside the enabler's years": (
        "targets: {2026: 1}", "targets: {2026: 1, 2027: 1}", "1}",
        "enablers.regulation[0].indicators[0].targets.2027", "warning",
        "tahun 2027 di luar masa faktor pendukung (2026)",
        "year 2027 is outside the enabler's years (2026)"),
    "a year outside the period": (
        "start_year: 2026, end_year: 2030,\n       budget", "start_year: 2025, end_year: 2030,"
        "\n       budget", "2025", "enablers.people[0].start_year", "error",
        "tahun 2025 di luar periode masterplan 2026-2035",
        "year 2025 is outside the masterplan period 2026-2035"),
    "an enabler with a program's id": (
        "{id: TIK-01,", "{id: GOV-02,", "GOV-02", "enablers.infrastructure[0].id", "error",
        "kode `GOV-02` sudah dipakai di {first}", "id `GOV-02` is already used at {first}"),
    "a risk linked to nothing": (
        "links: [GOV-01, TIK-01]", "links: [GOV-01, TIK-10]", "TIK-10",
        "governance.risks[0].links[1]", "error",
        "risiko ini merujuk `TIK-10`, yang bukan kode program atau faktor pendukung; mungkin"
        " maksudnya `TIK-01`?",
        "the risk refers to `TIK-10`, which is no program's or enabler's id; did you mean"
        " `TIK-01`?"),
    "a likelihood off the scale": (
        "likelihood: 3,", "likelihood: 6,", "6", "governance.risks[0].likelihood", "error",
        "nilai 6 terlalu besar; paling besar 5", "6 is too large; the maximum is 5"),
    "an unknown status": (
        "status: partial,\n       start_year: 2026, end_year: 2035",
        "status: done,\n       start_year: 2026, end_year: 2035", "done",
        "enablers.regulation[1].status", "error",
        "nilai `done` tidak dikenal; pilihan yang sah: missing, partial, in_place",
        "unknown value `done`; allowed: missing, partial, in_place"),
}


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("case", sorted(CASES))
def test_each_problem_is_reported_at_its_place(tmp_path: Path, case: str, lang: str) -> None:
    old, new, mark, where, severity, message_id, message_en = CASES[case]
    lines, code, edit, path = validate_edit(tmp_path, old, new, mark, "--lang", lang)
    message = message_id if lang == "id" else message_en
    if "{where}" in message:  # the first mention: `meeting_months: [3` of the same line
        message = message.format(where=f"{edit.line}:{edit.col - 6}")
    if "{first}" in message:
        first = with_enablers().index("{id: GOV-02,")
        text = with_enablers()
        row = text.count("\n", 0, first) + 1
        col = first - text.rfind("\n", 0, first) + len("{id: ")
        message = message.format(first=f"dimensions.governance.sub_dimensions.bureaucracy"
                                       f".programs[0].id ({row}:{col})")
    assert expect(path, edit.line, edit.col, severity, where, message) in lines, lines
    assert code == (1 if severity == "error" else 0)


@pytest.mark.parametrize(("lang", "message"), [
    ("id", "faktor pendukung `people` (Sumber Daya Manusia) belum direncanakan; penilai"
           " menanyakan ketiga kelompoknya"),
    ("en", "no enabler is planned under `people` (People and Skills); assessors ask about"
           " all three groups"),
])
def test_an_empty_group_is_a_warning(tmp_path: Path, lang: str, message: str) -> None:
    people = ENABLERS[ENABLERS.index("  people:"):]
    lines, code, edit, path = validate_edit(tmp_path, people, "  people: []\n", "people",
                                            "--lang", lang)
    assert lines == [expect(path, edit.line, edit.col + len("people: "), "warning",
                            "enablers.people", message)]
    strict = run_cli("validate", "--strict", path)
    assert (code, strict.exit_code) == (0, 1)


def test_the_risk_levels_are_the_bands_of_likelihood_times_impact() -> None:
    bands = {key: [] for key in RISK_LEVELS}
    for likelihood in range(1, 6):
        for impact in range(1, 6):
            bands[risk_level(likelihood, impact)].append(likelihood * impact)
    assert {key: (min(v), max(v)) for key, v in bands.items()} == {
        "low": (1, 4), "medium": (5, 9), "high": (10, 16), "very_high": (20, 25)}
    assert risk_bands("id") == "Rendah 1-4, Sedang 5-9, Tinggi 10-16, Sangat tinggi 20-25"
    assert risk_bands("en", "–") == "Low 1–4, Medium 5–9, High 10–16, Very high 20–25"


# --- the context -------------------------------------------------------------------------------

def enabler_spec() -> dict[str, Any]:
    """The minimal example (2026-2030) with two enablers and two risks."""
    data = copy.deepcopy(_minimal())
    data["agencies"] = [*data.get("agencies", []),
                        {"code": "BKPSDM", "name": "Badan Kepegawaian dan Pengembangan SDM"}]
    data["enablers"] = {
        "regulation": [{"id": "REG-01", "name": "Forum Smart City", "lead_opd": "BKPSDM",
                        "start_year": 2026, "end_year": 2030, "status": "missing",
                        "meeting_months": [9, 3],
                        "budget": [line(2026, 100_000_000, "APBD")]}],
        "infrastructure": [{"id": "TIK-01", "name": "Pusat Data", "lead_opd": "BKPSDM",
                            "start_year": 2027, "end_year": 2028,
                            "indicators": [{"name": "Indeks SPBE", "unit": "indeks",
                                            "baseline": 2.5, "targets": {"2028": 3.25}}],
                            "budget": [line(2027, 1_500_000_000, "HIBAH")]}],
    }
    first = data["dimensions"]["governance"]["sub_dimensions"]["public_service"]["programs"][0]
    data.setdefault("governance", {})["risks"] = [
        {"id": "RSK-01", "risk": "Anggaran kurang", "likelihood": 4, "impact": 4,
         "mitigation": "Masuk RKPD", "owner_opd": "BKPSDM", "links": [first["id"], "TIK-01"]},
        {"id": "RSK-02", "risk": "Vendor tunggal", "likelihood": 1, "impact": 3,
         "mitigation": "Standar terbuka", "owner_opd": "BKPSDM"}]
    return data


def test_the_enablers_chapter_context() -> None:
    ctx = context(enabler_spec())
    e = ctx["enablers"]
    assert [g["key"] for g in e["groups"]] == ["regulation", "infrastructure"]
    assert [g["title"] for g in e["groups"]] == ["Regulasi dan Kelembagaan", "Infrastruktur TIK"]
    forum = e["groups"][0]["items"][0]
    assert forum["status"] == "Belum ada"
    assert forum["meetings"] == "Maret dan September (2 kali setahun)"
    assert forum["lead_opd"] == "Badan Kepegawaian dan Pengembangan SDM"
    assert e["calendar"] == [{"id": "REG-01", "name": "Forum Smart City", "group": "regulation",
                              "marks": [m in (3, 9) for m in range(1, 13)],
                              "text": "Maret dan September (2 kali setahun)"}]
    data_centre = e["groups"][1]["items"][0]
    # an enabler's indicator values are printed with the decimals of its unit's column
    assert data_centre["indicator_table"]["rows"][0]["baseline"] == "2,50"
    assert data_centre["indicators"][0]["targets"] == ["", "", "3,25", "", ""]
    english = context(enabler_spec(), "en")["enablers"]["groups"][0]["items"][0]
    assert english["meetings"] == "March and September (2 times a year)"


def test_no_section_no_chapter_and_nothing_else_changes() -> None:
    plain = context(_minimal())
    assert plain["enablers"] is None and plain["risks"] is None
    assert plain["budget"]["enabler_rows"] == []
    assert all(g["cell_class"].startswith("dim-") for g in plain["roadmap"]["groups"])


def test_the_enablers_are_lanes_of_the_roadmap_and_lines_of_the_funding() -> None:
    plain, ctx = context(_minimal()), context(enabler_spec())
    lanes = ctx["roadmap"]["groups"][6:]
    assert [(g["title"], g["cell_class"]) for g in lanes] == [
        ("Pendukung: Regulasi dan Kelembagaan", "enb-regulation"),
        ("Pendukung: Infrastruktur TIK", "enb-infrastructure")]
    assert lanes[1]["rows"] == [{"id": "TIK-01", "name": "Pusat Data",
                                 "cells": [False, True, True, False, False]}]
    budget = ctx["budget"]
    assert [(r["title"], r["total"]) for r in budget["enabler_rows"]] == [
        ("Pendukung: Regulasi dan Kelembagaan", "100"),
        ("Pendukung: Infrastruktur TIK", "1.500")]
    assert budget["grand_total_raw"] == plain["budget"]["grand_total_raw"] + 1_600_000_000
    assert "Hibah" in [s["name"] for s in budget["sources"]]
    shares = [r["share"] for r in budget["rows"] + budget["enabler_rows"]]
    assert sum(float(s.rstrip("%").replace(",", ".")) for s in shares) == pytest.approx(
        100, abs=0.1 * len(shares))


def test_the_risk_register_context() -> None:
    risks = context(enabler_spec())["risks"]
    first, second = risks["rows"]
    assert (first["level"], first["score"], first["level_key"]) == ("Tinggi", "16", "high")
    assert (second["level"], second["score"], second["level_key"]) == ("Rendah", "3", "low")
    assert first["links"].endswith(", TIK-01")
    assert risks["counts"] == "Register ini memuat 2 risiko: 1 tinggi, 1 rendah."
    assert "Tingkat risiko = K × D: Rendah 1–4, Sedang 5–9" in risks["legend"]
    english = context(enabler_spec(), "en")["risks"]
    assert english["rows"][0]["level"] == "High"
    assert english["counts"] == "The register lists 2 risks: 1 high, 1 low."


# --- the starter ---------------------------------------------------------------------------------

@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_starters_commented_enablers_pass_strict_once_filled_in(tmp_path: Path,
                                                                    lang: str) -> None:
    """`init` writes the section commented out; uncommented (here: written without its
    descriptions, then with the `# ` taken off) and its example texts replaced, it is valid."""
    from ruamel.yaml import YAML

    from generator.spec.framework import default_framework
    from generator.spec.schema import build_schema
    from generator.spec.starter import _Writer, starter_spec

    assert "\n# enablers:\n" in starter_spec("kabupaten", lang)
    schema = build_schema()
    fw = default_framework()
    writer = _Writer(schema, lang, "kabupaten", fw, fw.name)
    writer.field("enablers", schema["properties"]["enablers"], "", ("enablers",), False, False)
    text = "\n".join(line.replace("# ", "", 1) for line in writer.lines
                     if not line.endswith(": "))  # a field without an example
    section = json.loads(json.dumps(YAML(typ="safe").load(text)))["enablers"]
    assert [item["id"] for group in ENABLER_GROUPS for item in section[group]] == [
        "REG-01", "TIK-01", "SDM-01"]
    data = filled_spec("kabupaten", lang)
    assert "introduction" not in section  # no example: the book prints its own
    for group in ENABLER_GROUPS:
        section[group][0]["description"] = f"Uraian {group} daerah sendiri."
    data["enablers"] = section
    spec = write(tmp_path, to_yaml(data).text)
    checked = run_cli("validate", "--strict", spec)
    assert (checked.exit_code, checked.stdout) == (0, "")


# --- colours -------------------------------------------------------------------------------------

@pytest.mark.parametrize("group", sorted(ENABLER_COLOURS))
def test_an_enabler_lane_is_one_grey_in_css_and_docx_and_white_reads_on_it(group: str) -> None:
    colour = ENABLER_COLOURS[group]
    assert contrast(WHITE, colour) >= AA
    assert value(f"table.roadmap td.on.enb-{group}", "background", SHEET) == colour
    assert sm.STYLE_MAP.rule("td.enb-*").values[f"enb-{group}"] == colour.lstrip("#").upper()


@pytest.mark.parametrize("level", ["low", "medium", "high", "very-high"])
def test_a_risk_level_is_one_fill_in_css_and_docx(level: str) -> None:
    fill = value(f"table.risks td.risk-{level}", "background", SHEET)
    assert sm.STYLE_MAP.rule("td.risk-*").values[f"risk-{level}"] == fill.lstrip("#").upper()
    assert contrast("#1b1b1b", fill) >= AA
