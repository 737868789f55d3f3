"""`masterplan export`: one row per program, stable columns, CSV for Excel and JSON."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from helpers import REPO, run_cli

from generator.batch.cohort import resolve_target
from generator.batch.gather import gather
from generator.commands.export import HEAD_COLUMNS, TAIL_COLUMNS, program_rows, to_csv

MINIMAL = (REPO / "examples" / "minimal" / "masterplan.yaml").read_text(encoding="utf-8")
COLUMNS = [*HEAD_COLUMNS, "budget_2026", "budget_2027", "budget_source_APBD",
           "budget_source_DANA_DESA", *TAIL_COLUMNS]


def region(folder: Path, code: str, name: str, kind: str = "kota", text: str = MINIMAL) -> Path:
    path = folder / code.replace(".", "") / "masterplan.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text.replace('code: "35.07"', f'code: "{code}"')
                    .replace('name: "Contoh"', f'name: "{name}"')
                    .replace('type: "kabupaten"', f'type: "{kind}"'), encoding="utf-8")
    return path


def read_csv(data: bytes, delimiter: str = ",") -> list[dict[str, str]]:
    assert data.startswith(b"\xef\xbb\xbf")  # the BOM Excel needs
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline=""),
                               delimiter=delimiter))


def test_rows_and_columns_of_one_spec(tmp_path: Path) -> None:
    spec = region(tmp_path, "35.73", "Malang")
    items = gather(resolve_target(spec), lang="id", jobs=1, timeout=60)
    columns, rows = program_rows(items, "id")
    assert columns == COLUMNS
    assert len(rows) == 18 and all(list(row) == columns for row in rows)
    row = next(r for r in rows if r["program_id"] == "GOV-03")
    assert row | {"spec": ""} == row | {
        "region_code": "35.73", "region_name": "Malang", "region_type": "kota",
        "province": "Jawa Timur", "cohort_year": 2025, "cohort_track": None,
        "dimension": "governance", "dimension_name": "Smart Governance",
        "sub_dimension": "public_policy", "sub_dimension_name": "Kebijakan Publik",
        "program_name": "Portal Satu Data", "lead_opd": "Dinas Komunikasi dan Informatika",
        "horizon": "medium", "horizon_name": "Jangka Menengah", "start_year": 2026,
        "end_year": 2028, "budget_2026": 400_000_000, "budget_2027": 0,
        "budget_source_APBD": 400_000_000, "budget_source_DANA_DESA": 0,
        "budget_total": 400_000_000, "indicator_count": 1, "quick_wins": ["QW-01"], "spec": ""}
    parsed = read_csv(to_csv(columns, rows))
    assert list(parsed[0]) == columns and len(parsed) == 18
    line = next(r for r in parsed if r["program_id"] == "GOV-03")
    assert line["indicators"] == "Dataset terbuka (dataset): target 300 (2028)"
    assert line["budget_total"] == "400000000" and line["cohort_track"] == ""
    waste = next(r for r in parsed if r["program_id"] == "ENV-02")
    assert waste["budget_source_DANA_DESA"] == "200000000"


def test_the_cli_writes_csv_and_json_for_a_cohort(tmp_path: Path) -> None:
    folder = tmp_path / "cohort"
    region(folder, "35.73", "Malang")
    region(folder, "35.07", "Malang", "kabupaten")
    broken = MINIMAL.replace("amount: 500000000", "amount: 500.000")
    region(folder, "35.78", "Surabaya", text=broken)

    result = run_cli("export", folder, "--format", "csv", "-o", tmp_path / "p.csv", "-j", "2")
    assert result.exit_code == 1  # one spec left out
    assert "35.78" not in (tmp_path / "p.csv").read_text(encoding="utf-8-sig")
    assert "3578/masterplan.yaml" in result.stderr and ":68:38:" in result.stderr
    rows = read_csv((tmp_path / "p.csv").read_bytes())
    assert [(r["region_code"], r["region_type"]) for r in rows[::18]] == [
        ("35.07", "kabupaten"), ("35.73", "kota")]  # sorted by code
    assert len(rows) == 36

    result = run_cli("export", folder / "3573", "--format", "json", "--lang", "en")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert [list(row) for row in data] == [COLUMNS] * 18
    assert data[0]["sub_dimension_name"] == "Public Service"
    assert data[0]["indicators"] == [{"name": "Layanan perizinan daring", "unit": "%",
                                      "baseline": None, "baseline_year": None,
                                      "targets": {"2030": 100}}]

    result = run_cli("export", folder / "3573", "--no-bom", "--delimiter", ";")
    assert result.stdout.startswith("region_code;region_name;")


def test_two_specs_of_one_region_and_cohort_are_both_left_out(tmp_path: Path) -> None:
    region(tmp_path / "a", "35.73", "Malang")
    region(tmp_path / "b", "35.73", "Kota Malang Baru")
    region(tmp_path / "c", "35.78", "Surabaya")
    items = gather(resolve_target(tmp_path), lang="id", jobs=2, timeout=60)
    left_out = {i.source.key: i.errors[0]["message"] for i in items if i.data is None}
    assert set(left_out) == {"a/3573/masterplan.yaml", "b/3573/masterplan.yaml"}
    assert "b/3573/masterplan.yaml" in left_out["a/3573/masterplan.yaml"]
    assert [i.source.key for i in items if i.data] == ["c/3578/masterplan.yaml"]


GRADED = MINIMAL.replace(
    '{name: "Layanan perizinan daring", unit: "%", targets: {2030: 100}}',
    '{name: "Opini BPK", unit: "opini", scale: "bpk_opinion", baseline: "WDP",'
    ' targets: {2026: "wtp", 2030: "WTP", 2045: "WTP"}}')


def test_grades_and_targets_after_the_period_are_exported(tmp_path: Path) -> None:
    assert GRADED != MINIMAL
    spec = region(tmp_path, "34.04", "Sleman", "kabupaten",
                  GRADED.replace('province: "Jawa Timur"', 'province: "DIY"'))
    items = gather(resolve_target(spec), lang="id", jobs=1, timeout=60)
    columns, rows = program_rows(items, "id")
    row = next(r for r in rows if r["program_id"] == "GOV-01")
    assert row["province"] == "DIY"  # as the spec writes it
    assert row["indicators"] == [{"name": "Opini BPK", "unit": "opini", "baseline": "WDP",
                                  "baseline_year": None, "scale": "bpk_opinion",
                                  "targets": {"2026": "WTP", "2030": "WTP", "2045": "WTP"}}]
    line = next(r for r in read_csv(to_csv(columns, rows)) if r["program_id"] == "GOV-01")
    assert line["indicators"] == "Opini BPK (opini): baseline WDP → target WTP (2045)"


def test_the_report_counts_provinces_by_code_not_by_spelling(tmp_path: Path) -> None:
    from generator.documents.report import build_report_context

    region(tmp_path, "34.04", "Sleman", "kabupaten",
           MINIMAL.replace('province: "Jawa Timur"', 'province: "DIY"'))
    region(tmp_path, "34.71", "Yogyakarta", "kota",
           MINIMAL.replace('province: "Jawa Timur"', 'province: "D.I. Yogyakarta"'))
    cohort = resolve_target(tmp_path)
    items = gather(cohort, lang="id", jobs=1, timeout=60)
    overview = {o["label"]: o["value"] for o in build_report_context(cohort, items, "id")[
        "overview"]}
    assert (overview["Daerah"], overview["Provinsi"]) == ("2", "1")
