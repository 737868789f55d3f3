"""Cohort results (`report`/`export --progress`), the examples' progress files, the starter of
`masterplan init-progress`, and DOCX headings that wrap between words."""

from __future__ import annotations

import functools
import io
import json
import shutil
import zipfile
from pathlib import Path
from typing import Any

import pytest
from helpers import REPO, run_cli

from generator.batch.cohort import resolve_target
from generator.batch.gather import gather
from generator.batch.records import Extracted
from generator.commands.export import PROGRAM_YEAR_COLUMNS, program_year_rows, to_xlsx
from generator.documents.report import build_report_context
from generator.documents.results import ranks
from generator.errors import SpecError
from generator.spec import check_spec
from generator.spec.model import Masterplan, build_model
from generator.spec.progress import check_progress, progress_of_spec

EXAMPLES = REPO / "examples"
PATTERN = "progress/*.yaml"
PROGRESS = {"kabupaten-banyuwangi": (2027, 2028), "kabupaten-sleman": (2027, 2028),
            "kota-makassar": (2026, 2027)}


@functools.cache
def _plan(name: str) -> Masterplan:
    doc, _ = check_spec(EXAMPLES / name / "masterplan.yaml")
    return build_model(doc)


@functools.cache
def _items() -> tuple[Extracted, ...]:
    """The example folder as a cohort, with progress (the minimal example has none)."""
    return tuple(gather(resolve_target(EXAMPLES), lang="id", jobs=2, timeout=120,
                        progress=PATTERN))


@pytest.mark.parametrize(("name", "year"), [(n, y) for n, ys in PROGRESS.items() for y in ys])
def test_every_complete_example_has_two_clean_illustrative_years(name: str, year: int) -> None:
    folder = EXAMPLES / name
    path = folder / "progress" / f"{year}.yaml"
    assert "ILUSTRATIF" in path.read_text("utf-8").split("progress_version")[0]
    progress, warnings = check_progress(path, _plan(name), folder / "masterplan.yaml")
    assert warnings == []
    assert progress.programs and progress.evidence


def test_the_cohort_reads_each_specs_progress() -> None:
    by_code = {i.data["region"]["code"]: i.data for i in _items() if i.data}
    assert all(i.data is not None for i in _items())
    years = {code: [r["year"] for r in data.get("progress", [])]
             for code, data in by_code.items()}
    assert years == {"34.04": [2027, 2028], "35.07": [], "35.10": [2027, 2028],
                     "73.71": [2026, 2027]}
    record = by_code["34.04"]["progress"][0]
    assert record["file"] == "progress/2027.yaml"
    assert record["executed"]["society"] == record["planned"]["society"] - 1  # SOC-04 late
    assert 1 <= record["index"] <= 4 and record["received"]["index"] == 3.21
    assert record["missing"] and record["claims"] > len(record["missing"])
    json.dumps(by_code)  # plain data: it crossed a process boundary


def test_progress_files_of_another_spec_or_outside_the_folder_are_not_read(
        tmp_path: Path) -> None:
    folder = tmp_path / "kota-makassar"
    shutil.copytree(EXAMPLES / "kota-makassar", folder)
    other = folder / "progress" / "other.yaml"
    other.write_text((folder / "progress" / "2026.yaml").read_text("utf-8").replace(
        'masterplan: "../masterplan.yaml"', 'masterplan: "../elsewhere.yaml"'), "utf-8")
    (tmp_path / "outside.yaml").write_text("progress_version: 1\n", "utf-8")
    progresses, _ = progress_of_spec(folder / "masterplan.yaml", PATTERN,
                                     _plan("kota-makassar"))
    assert [p.year for p in progresses] == [2026, 2027]
    assert progress_of_spec(folder / "masterplan.yaml", "../*.yaml",
                            _plan("kota-makassar"))[0] == []
    twin = folder / "progress" / "twin.yaml"
    shutil.copy(folder / "progress" / "2027.yaml", twin)
    with pytest.raises(SpecError) as caught:
        progress_of_spec(folder / "masterplan.yaml", PATTERN, _plan("kota-makassar"))
    assert "year 2027 is already reported" in caught.value.diagnostics[0].format("en")


def test_ranks_are_competition_ranks_of_known_values() -> None:
    assert ranks({"a": 3.1, "b": 3.4, "c": None, "d": 3.1}) == {"b": 1, "a": 2, "d": 2}


def _results(lang: str = "en") -> dict[str, Any]:
    class Cohort:
        year, track, title = None, None, None

    context = build_report_context(Cohort(), list(_items()), lang)
    assert context["results"] is not None
    return dict(context["results"])


def test_the_reports_results_rank_within_province_and_cohort() -> None:
    results = _results()
    assert results["year"] == 2028
    rows = {r["region"]["code"]: r for r in results["rows"]}
    assert set(rows) == {"34.04", "35.10"}  # Makassar's latest year is 2027
    assert [s["code"] for s in results["silent"]] == ["35.07", "73.71"]
    # Banyuwangi has no result letter for 2028, Sleman 3.39: ranked from what was received
    assert rows["34.04"]["rank_received"] == {"cohort": "1", "province": "1",
                                              "cohort_sort": 1}
    assert rows["35.10"]["rank_received"]["cohort"] == "-"
    estimates = sorted(rows, key=lambda c: rows[c]["rank_estimated"]["cohort_sort"])
    assert [rows[c]["rank_estimated"]["province"] for c in estimates] == ["1", "1"]
    assert {rows[c]["rank_estimated"]["cohort"] for c in estimates} == {"1", "2"}
    assert all(len(r["aspects"]) == 5 for r in results["rows"])
    total = results["dimensions"]["total"]
    assert int(total["executed"]) < int(total["planned"])
    assert results["evidence"][0]["flag"]


def test_the_report_is_unchanged_without_progress() -> None:
    class Cohort:
        year, track, title = None, None, None

    plain = [Extracted(i.source, {k: v for k, v in i.data.items() if k != "progress"})
             for i in _items() if i.data]
    context = build_report_context(Cohort(), plain, "id")
    assert context["results"] is None and "res_chapter" not in context["t"]


def test_export_rows_per_program_year() -> None:
    columns, rows = program_year_rows(list(_items()), "en")
    assert columns == list(PROGRAM_YEAR_COLUMNS)
    assert {(r["region_code"], r["year"]) for r in rows} == {
        ("34.04", 2027), ("34.04", 2028), ("35.10", 2027), ("35.10", 2028),
        ("73.71", 2026), ("73.71", 2027)}
    late = next(r for r in rows if r["region_code"] == "34.04" and r["year"] == 2027
                and r["program_id"] == "SOC-04")
    assert late["status"] == "belum" and late["status_name"] == "Not started"
    assert late["budget_realised"] == 0 and late["absorption"] == 0.0 and late["planned"]
    done = next(r for r in rows if r["region_code"] == "73.71" and r["year"] == 2026
                and r["program_id"] == "GOV-01")
    assert done["budget_planned"] > done["budget_realised"] > 0
    assert done["progress_file"] == "progress/2026.yaml"


def test_export_xlsx_keeps_codes_as_text_and_text_out_of_formulas() -> None:
    from openpyxl import load_workbook

    columns, rows = program_year_rows(list(_items()), "id")
    rows[0]["program_name"] = '=HYPERLINK("http://example.invalid","x")'
    data = to_xlsx(columns, rows, list(_items()), lang="id")
    assert data == to_xlsx(columns, rows, list(_items()), lang="id")
    sheet = load_workbook(io.BytesIO(data)).active
    assert sheet.title == "program-year" and sheet.freeze_panes == "A2"
    assert [c.value for c in sheet[1]][:2] == ["Kode wilayah", "Nama daerah"]
    first = {columns[n]: cell for n, cell in enumerate(sheet[2])}
    assert first["region_code"].value == "34.04" and first["region_code"].data_type == "s"
    assert first["program_name"].data_type == "s"  # never a formula
    assert isinstance(first["budget_planned"].value, int)
    assert sheet.max_row == len(rows) + 1
    with zipfile.ZipFile(io.BytesIO(data)) as book:
        # dated by the newest date of the specs and progress files
        assert {info.date_time[:3] for info in book.infolist()} == {(2028, 12, 14)}


def test_the_cli_counts_program_years_with_progress(tmp_path: Path) -> None:
    result = run_cli("export", EXAMPLES / "kota-makassar", "--progress", "progress/*.yaml",
                     "-o", tmp_path / "rows.csv")
    assert result.exit_code == 0, result.output
    rows = (tmp_path / "rows.csv").read_text("utf-8-sig").splitlines()
    assert result.stderr == (f"masterplan: {len(rows) - 1} baris program-tahun dari 1 spec"
                             f" → {tmp_path / 'rows.csv'}\n")


def test_the_cli_refuses_a_pattern_outside_the_specs_folder(tmp_path: Path) -> None:
    result = run_cli("export", EXAMPLES / "minimal", "--progress", "../*/progress/*.yaml",
                     "--lang", "en")
    assert result.exit_code == 2 or result.exit_code == 1
    assert "must be relative to each spec's folder" in result.stderr
    result = run_cli("export", EXAMPLES / "minimal", "--format", "xlsx", "--lang", "en")
    assert "needs an output file" in result.stderr


@pytest.mark.parametrize(("name", "year"), [("kabupaten-sleman", 2029),
                                            ("kota-makassar", 2026)])
def test_init_progress_writes_a_valid_starter_of_every_planned_item(
        tmp_path: Path, name: str, year: int) -> None:
    folder = tmp_path / name
    folder.mkdir()
    spec = folder / "masterplan.yaml"
    shutil.copy(EXAMPLES / name / "masterplan.yaml", spec)
    for extra in (EXAMPLES / name).glob("*.*"):
        if extra.suffix in (".png", ".svg"):
            shutil.copy(extra, folder / extra.name)
    result = run_cli("init-progress", spec, str(year))
    assert result.exit_code == 0, result.stderr
    target = folder / "progress" / f"{year}.yaml"
    assert result.stdout.strip() == str(target)
    plan = _plan(name)
    progress, warnings = check_progress(target, plan, spec)
    assert warnings == []
    planned = [p.id for p in plan.programs if p.start_year <= year <= p.end_year]
    assert list(progress.programs) == planned
    assert {p.status for p in progress.programs.values()} == {"belum"}
    text = target.read_text("utf-8")
    names = [i.name for p in plan.programs if p.id in planned for i in p.indicators
             if year in i.targets]
    assert names and all(json.dumps(n, ensure_ascii=False) in text for n in names)
    # uncommenting the lines of one program gives a valid file
    uncommented = text.replace("    # indicators:", "    indicators:", 1)
    first = next(i for p in plan.programs if p.id == planned[0] for i in p.indicators
                 if year in i.targets)
    line = next(x for x in uncommented.splitlines() if first.name in x)
    uncommented = uncommented.replace(line, line.replace("#   - ", "  - ").replace(
        "value: }", "value: 1}"))
    target.write_text(uncommented, "utf-8")
    progress, _ = check_progress(target, plan, spec)
    assert progress.programs[planned[0]].indicators == {first.name: 1}
    again = run_cli("init-progress", spec, str(year), "--lang", "en")
    assert again.exit_code != 0 and "already exists" in again.stderr
    outside = run_cli("init-progress", spec, "2090", "--lang", "en")
    assert outside.exit_code != 0 and "2090" in outside.stderr


def test_a_number_columns_heading_wraps_between_words_before_a_word_breaks() -> None:
    from generator.render.docx.measure import Column, column_widths

    # seven number columns whose headings, kept on one line, do not fit: each heading
    # still has room for its widest word ("Absorption")
    heads = [(7.9, 7.9), (7.6, 4.0), (6.0, 6.0), (6.3, 3.8), (8.8, 3.4), (8.9, 3.5),
             (4.64, 4.64)]
    columns = [Column(line, line, widest_word=word) for line, word in heads]
    widths = column_widths(columns, 9355, 190)
    assert sum(widths) == 9355
    for (_line, word), width in zip(heads, widths, strict=True):
        assert width >= word * 190 * 1.06 + 226 - 1


def test_export_rows_include_the_enablers_and_add_up_to_the_packs_totals() -> None:
    """`export --progress` has a row per enabler and year beside the programs' (`kind`):
    no dimension, its group, its evidence; a region-year's rows add up to the pack's whole
    budget, the enablers' included."""
    from generator.documents.evaluation import year_figures

    columns, rows = program_year_rows(list(_items()), "id")
    assert columns.index("kind") == columns.index("year") + 1
    assert {r["kind"] for r in rows} == {"program", "enabler"}
    enablers = [r for r in rows if r["kind"] == "enabler"]
    assert {r["region_code"] for r in enablers} == {"34.04", "35.10"}  # Makassar has none
    tik = next(r for r in enablers if r["region_code"] == "35.10" and r["year"] == 2028
               and r["program_id"] == "TIK-01")
    assert tik["dimension"] is None and tik["sub_dimension"] is None
    assert tik["enabler_group"] == "infrastructure"
    assert tik["enabler_group_name"] == "Infrastruktur TIK"
    assert tik["program_name"] == "Jaringan Intra Pemerintah dan Internet Desa"
    assert tik["lead_opd"].startswith("Dinas Komunikasi")
    assert tik["status_name"] == "Berjalan" and tik["evidence"] == ["EV-09"]
    assert tik["indicators_planned"] is None
    assert all(r["enabler_group"] is None for r in rows if r["kind"] == "program")
    for name, years in PROGRESS.items():
        folder = EXAMPLES / name
        plan = _plan(name)
        code = str(plan.region["code"])
        for year in years:
            progress, _ = check_progress(folder / "progress" / f"{year}.yaml", plan,
                                         folder / "masterplan.yaml")
            figures = year_figures(plan, progress)
            mine = [r for r in rows if r["region_code"] == code and r["year"] == year]
            assert sum(r["budget_planned"] for r in mine) == figures.total_planned
            assert sum(r["budget_realised"] for r in mine) == figures.total_realised
    result = run_cli("export", EXAMPLES / "kabupaten-sleman", "--progress", PATTERN,
                     "--format", "json")
    data = json.loads(result.stdout)
    count = sum(r["kind"] == "enabler" for r in data)
    assert result.stderr == (f"masterplan: {len(data)} baris program-tahun (termasuk {count}"
                             " baris faktor pendukung) dari 1 spec\n")
    reg = next(r for r in data if r["program_id"] == "REG-01")
    assert (reg["kind"], reg["year"], reg["dimension"], reg["evidence"]) == (
        "enabler", 2027, None, ["EV-01"])
