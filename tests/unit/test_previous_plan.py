"""The previous masterplan (`previous_masterplan`) and each program's own indicator table.

Validation: tests/data/valid/compact.yaml with a previous masterplan added, each test editing
one thing and checking the exact line `masterplan validate` prints (in Indonesian and in
English), at the place of the edit. Context: what the templates get, from the minimal example.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
from helpers import (
    Edit,
    compact_text,
    diagnostic_lines,
    expect,
    position_of,
    run_cli,
    write_spec,
)
from test_context import _minimal, context, program, programs

GOV01 = "dimensions.governance.sub_dimensions.public_service.programs[0]"
GOV01_YEARS = "horizon: medium, start_year: 2026, end_year: 2030,"
PREVIOUS = """\
previous_masterplan:
  title: Masterplan Smart City 2018-2027
  period: {start_year: 2018, end_year: 2027}
  regulation: Peraturan Bupati Nomor 12 Tahun 2018
  evaluation: Sebagian besar program layanan publik selesai.
  programs:
    - {id: A.1, name: Mal Pelayanan Publik, dimension: governance, realisation: done,
       continued_as: GOV-01}
    - {id: A.2, name: Smart Kios, dimension: economy, realisation: not_implemented}
"""


def second_generation() -> str:
    """The compact spec with a previous masterplan whose A.1 GOV-01 continues."""
    text = compact_text().replace("\nreadiness:\n", "\n" + PREVIOUS + "readiness:\n", 1)
    return text.replace(GOV01_YEARS, GOV01_YEARS + " status: continued,", 1)


def validate_edit(tmp_path: Path, old: str, new: str, mark: str, *args: str,
                  ) -> tuple[list[str], int, Edit, Path]:
    edit = Edit.replace(second_generation(), old, new, mark=mark)
    path = write_spec(tmp_path, edit.text)
    result = run_cli("validate", path, *args)
    assert "Traceback" not in result.output
    return diagnostic_lines(result.stdout), result.exit_code, edit, path


def test_a_second_generation_spec_is_valid_even_with_strict(tmp_path: Path) -> None:
    path = write_spec(tmp_path, second_generation())
    result = run_cli("validate", "--strict", path)
    assert (result.exit_code, result.stdout) == (0, "")


@pytest.mark.parametrize(("lang", "message"), [
    ("id", "program sebelumnya ini dilanjutkan sebagai `GOV-10`, tetapi tidak ada program"
           " `GOV-10` di masterplan ini; mungkin maksudnya `GOV-01`?"),
    ("en", "this previous program is continued as `GOV-10`, but this masterplan has no"
           " program `GOV-10`; did you mean `GOV-01`?"),
])
def test_continued_as_must_name_a_program_of_this_plan(tmp_path: Path, lang: str,
                                                       message: str) -> None:
    lines, code, edit, path = validate_edit(tmp_path, "continued_as: GOV-01}",
                                            "continued_as: GOV-10}", "GOV-10", "--lang", lang)
    where = "previous_masterplan.programs[0].continued_as"
    assert expect(path, edit.line, edit.col, "error", where, message) in lines
    assert code == 1


@pytest.mark.parametrize(("lang", "message"), [
    ("id", "program `GOV-01` berstatus lanjutan (`continued`), tetapi tidak ada program di"
           " `previous_masterplan.programs` dengan `continued_as: GOV-01`"),
    ("en", "program `GOV-01` is `continued`, but no program of"
           " `previous_masterplan.programs` has `continued_as: GOV-01`"),
])
def test_a_continued_program_no_previous_program_names_is_a_warning(
        tmp_path: Path, lang: str, message: str) -> None:
    lines, code, _edit, path = validate_edit(
        tmp_path, "realisation: done,\n       continued_as: GOV-01}", "realisation: done}",
        "realisation", "--lang", lang)
    line, col = position_of(path.read_text(encoding="utf-8"), "continued,")
    assert lines == [expect(path, line, col, "warning", f"{GOV01}.status", message)]
    assert code == 0
    assert run_cli("validate", "--strict", path).exit_code == 1


def test_a_continued_program_needs_no_previous_masterplan_section(tmp_path: Path) -> None:
    # a first-generation spec may mark programs `continued` (from older regional plans)
    text = compact_text().replace(GOV01_YEARS, GOV01_YEARS + " status: continued,", 1)
    result = run_cli("validate", "--strict", write_spec(tmp_path, text))
    assert (result.exit_code, result.stdout) == (0, "")


@pytest.mark.parametrize(("status", "lang", "message"), [
    (" status: new,", "id", "program `GOV-01` melanjutkan program sebelumnya ini, tetapi"
     " statusnya bukan `continued`; tulis `status: continued` pada program `GOV-01`"),
    ("", "en", "program `GOV-01` continues this previous program, but its status is not"
     " `continued`; write `status: continued` on program `GOV-01`"),
])
def test_the_program_a_previous_one_continues_as_is_marked_continued(
        tmp_path: Path, status: str, lang: str, message: str) -> None:
    lines, code, _edit, path = validate_edit(
        tmp_path, GOV01_YEARS + " status: continued,", GOV01_YEARS + status, "horizon",
        "--lang", lang)
    line, col = position_of(path.read_text(encoding="utf-8"), "GOV-01}")
    where = "previous_masterplan.programs[0].continued_as"
    assert lines == [expect(path, line, col, "warning", where, message)]
    assert code == 0


@pytest.mark.parametrize(("new", "mark", "field", "lang", "message"), [
    ("{start_year: 2026, end_year: 2027}", "2026", "start_year", "id",
     "masterplan sebelumnya harus dimulai sebelum masterplan ini (2026), ditemukan 2026"),
    ("{start_year: 2027, end_year: 2030}", "2027", "start_year", "en",
     "the previous masterplan must start before this one (2026), found 2027"),
    ("{start_year: 2018, end_year: 2016}", "2016", "end_year", "en",
     "end year 2016 is before start year 2018"),
    ("{start_year: 2010, end_year: 2021}", "2021", "end_year", "id",
     "periode 12 tahun terlalu panjang; paling lama 10 tahun"),
])
def test_the_previous_period_lies_before_this_one(tmp_path: Path, new: str, mark: str,
                                                  field: str, lang: str,
                                                  message: str) -> None:
    lines, code, edit, path = validate_edit(
        tmp_path, "period: {start_year: 2018, end_year: 2027}", f"period: {new}", mark,
        "--lang", lang)
    where = f"previous_masterplan.period.{field}"
    assert lines == [expect(path, edit.line, edit.col, "error", where, message)]
    assert code == 1


def test_the_previous_masterplan_ends_before_this_ones_last_year(tmp_path: Path) -> None:
    # with a ten-year plan, only a previous one too long to be a masterplan ends that late
    lines, code, edit, path = validate_edit(
        tmp_path, "period: {start_year: 2018, end_year: 2027}",
        "period: {start_year: 2025, end_year: 2035}", "2035")
    where = "previous_masterplan.period.end_year"
    assert sorted(lines) == sorted(expect(path, edit.line, edit.col, "error", where, message)
                                   for message in (
        "masterplan sebelumnya harus berakhir sebelum tahun akhir masterplan ini (2035),"
        " ditemukan 2035", "periode 11 tahun terlalu panjang; paling lama 10 tahun"))
    assert code == 1


def test_a_previous_program_id_twice(tmp_path: Path) -> None:
    lines, code, edit, path = validate_edit(tmp_path, "{id: A.2,", "{id: A.1,", "A.1")
    first_at = ":".join(map(str, position_of(path.read_text(encoding="utf-8"), "A.1")))
    assert lines == [expect(path, edit.line, edit.col, "error",
                            "previous_masterplan.programs[1].id",
                            f"`A.1` sudah ada di previous_masterplan.programs[0].id"
                            f" ({first_at})")]
    assert code == 1


def test_an_unknown_realisation_is_refused_with_the_choices(tmp_path: Path) -> None:
    lines, code, edit, path = validate_edit(tmp_path, "realisation: not_implemented}",
                                            "realisation: gagal}", "gagal")
    assert len(lines) == 1 and lines[0].startswith(
        f"{path}:{edit.line}:{edit.col}: error: previous_masterplan.programs[1].realisation:")
    assert "done, ongoing, not_implemented, stopped" in lines[0]
    assert code == 1


# --- the context ---------------------------------------------------------------------------------

def previous_spec() -> dict[str, Any]:
    data = copy.deepcopy(_minimal())
    program(data, "GOV-01")["status"] = "continued"
    program(data, "ECO-01")["status"] = "continued"
    data["previous_masterplan"] = {
        "title": "Masterplan Smart City 2018-2027",
        "period": {"start_year": 2018, "end_year": 2027},
        "regulation": "Peraturan Bupati Nomor 12 Tahun 2018",
        "evaluation": "Sebagian *besar* selesai.",
        "programs": [
            {"id": "A.1", "name": "Mal Pelayanan", "dimension": "governance",
             "planned": "Satu gedung layanan", "realisation": "done",
             "continued_as": "GOV-01"},
            {"name": "Smart Kios", "dimension": "economy", "realisation": "not_implemented"},
            {"id": "C.1", "name": "Pasar Daring", "dimension": "economy",
             "realisation": "ongoing", "note": "Baru 10 pasar", "continued_as": "ECO-01"},
            {"id": "B.1", "name": "Aplikasi Wisata", "dimension": "branding",
             "realisation": "stopped"},
        ]}
    return data


@pytest.mark.parametrize(("lang", "summary", "status"), [
    ("id", "Dari 4 program yang direncanakan, 1 selesai, 1 masih berjalan, 1 tidak"
           " dilaksanakan dan 1 dihentikan; 2 program dilanjutkan dalam masterplan ini.",
     "Lanjutan dari masterplan sebelumnya: A.1 Mal Pelayanan"),
    ("en", "Of 4 programs planned, 1 done, 1 ongoing, 1 not implemented and 1 stopped; 2"
           " continue in this masterplan.",
     "Continued from the previous masterplan: A.1 Mal Pelayanan"),
])
def test_the_previous_masterplan_in_the_context(lang: str, summary: str, status: str) -> None:
    ctx = context(previous_spec(), lang)
    previous = ctx["previous"]
    assert previous["summary"] == summary
    assert previous["period"] == "2018–2027"
    # dimensions in their fixed order, programs in the spec's order within each
    assert [g["title"] for g in previous["groups"]] == ["Smart Governance", "Smart Branding",
                                                        "Smart Economy"]
    economy = previous["groups"][2]["rows"]
    assert [r["program"] for r in economy] == ["Smart Kios", "C.1 Pasar Daring"]
    assert economy[1]["continued_as"].startswith("ECO-01 ")
    assert economy[0]["continued_as"] == economy[0]["note"] == "-"
    rows = {d["title"]: d for d in previous["dimensions"]}
    assert rows["Smart Economy"]["planned"] == "2" and rows["Smart Economy"]["continued"] == "1"
    assert rows["Smart Economy"]["statuses"] == ["0", "1", "1", "0"]
    assert rows["Smart Society"]["planned"] == "0"
    assert previous["total"] == {"planned": "4", "statuses": ["1", "1", "1", "1"],
                                 "continued": "2"}
    assert next(p for p in ctx["programs"] if p["id"] == "GOV-01")["status"] == status


def test_no_previous_masterplan_no_section() -> None:
    assert context(_minimal())["previous"] is None


def test_a_programs_indicator_table_has_a_column_per_target_year() -> None:
    data = previous_spec()
    target = program(data, "GOV-01")
    target["indicators"] = [
        {"name": "Layanan daring", "unit": "%", "baseline": 20, "baseline_year": 2025,
         "targets": {"2026": 40, "2028": 62.5, "2045": 100}},
        {"name": "Predikat SAKIP", "unit": "predikat", "scale": "sakip", "baseline": "B",
         "baseline_year": 2025, "targets": {"2030": "A"}}]
    table = next(p for p in context(data)["programs"] if p["id"] == "GOV-01")[
        "indicator_table"]
    assert table["caption"].startswith("Indikator dan Target GOV-01 ")
    assert table["baseline_head"] == "Baseline 2025"
    assert table["heads"] == ["2026", "2028", "2030", "2045*"]
    # one unit, one format: the % column carries the decimal its most precise value needs
    assert [r["cells"] for r in table["rows"]] == [["40,0", "62,5", "-", "100,0"],
                                                   ["-", "-", "A", "-"]]
    assert table["beyond_note"].startswith("* Di luar periode masterplan 2026–2030")
    assert table["scale_legend"] and table["scale_legend"][0].startswith("Predikat SAKIP")
    assert table["keep"]


def test_a_programs_indicator_table_with_many_years_shows_the_final_target() -> None:
    data = previous_spec()
    data["document"]["period"] = {"start_year": 2026, "end_year": 2035}
    target = program(data, "GOV-01")
    target.update(horizon="long", end_year=2035)
    target["indicators"] = [
        {"name": "Layanan daring", "unit": "%", "baseline": 20, "baseline_year": 2024,
         "targets": {str(y): 10 * (y - 2025) for y in range(2026, 2033)}},
        {"name": "Desa terlayani", "unit": "desa", "baseline": 5, "baseline_year": 2025,
         "targets": {"2026": 10, "2027": 20, "2029": 40}}]
    table = next(p for p in context(data, "en")["programs"] if p["id"] == "GOV-01")[
        "indicator_table"]
    assert table["heads"] == ["Final Target"]
    assert table["baseline_head"] == "Baseline"
    assert [(r["baseline"], r["cells"]) for r in table["rows"]] == [
        ("20 (2024)", ["70 (2032)"]), ("5 (2025)", ["40 (2029)"])]


def test_a_program_without_indicators_has_no_table() -> None:
    data = previous_spec()
    for p in programs(data):
        if p["id"] == "GOV-02":
            p["indicators"] = []
    assert next(p for p in context(data)["programs"] if p["id"] == "GOV-02")[
        "indicator_table"] is None
