"""`masterplan export`: one row per program, stable columns, CSV for Excel and JSON."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from helpers import REPO, position_of, run_cli

from generator.batch.cohort import resolve_target
from generator.batch.gather import gather
from generator.commands.export import HEAD_COLUMNS, TAIL_COLUMNS, program_rows, to_csv

MINIMAL = (REPO / "examples" / "minimal" / "masterplan.yaml").read_text(encoding="utf-8")
_LINE, _COL = position_of(MINIMAL, "amount: 500000000")
BROKEN_AT = f":{_LINE}:{_COL + len('amount: ')}:"  # where `500.000` is in a broken copy
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
    parsed = read_csv(to_csv(columns, rows, lang="en", headers="keys"))
    assert list(parsed[0]) == columns and len(parsed) == 18
    line = next(r for r in parsed if r["program_id"] == "GOV-03")
    assert line["indicators"] == "Dataset terbuka (dataset): target 300 (2028)"
    assert line["budget_total"] == "400000000" and line["cohort_track"] == ""
    assert line["region_code"] == "3573" and line["spec"] == "masterplan.yaml"
    waste = next(r for r in parsed if r["program_id"] == "ENV-02")
    assert waste["budget_source_DANA_DESA"] == "200000000"


def test_the_cli_writes_csv_and_json_for_a_cohort(tmp_path: Path) -> None:
    folder = tmp_path / "cohort"
    region(folder, "35.73", "Malang")
    region(folder, "35.07", "Malang", "kabupaten")
    broken = MINIMAL.replace("amount: 500000000", "amount: 500.000")
    region(folder, "35.78", "Surabaya", text=broken)

    result = run_cli("export", folder, "--format", "csv", "-o", tmp_path / "p.csv", "-j", "2",
                     "--headers", "keys")
    assert result.exit_code == 1  # one spec left out
    assert "3578" not in (tmp_path / "p.csv").read_text(encoding="utf-8-sig")
    assert "3578/masterplan.yaml" in result.stderr and BROKEN_AT in result.stderr
    rows = read_csv((tmp_path / "p.csv").read_bytes(), ";")
    assert [(r["region_code"], r["region_type"]) for r in rows[::18]] == [
        ("3507", "kabupaten"), ("3573", "kota")]  # sorted by code
    assert {r["spec"] for r in rows} == {"3507/masterplan.yaml", "3573/masterplan.yaml"}
    assert len(rows) == 36

    result = run_cli("export", folder / "3573", "--format", "json", "--lang", "en")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert [list(row) for row in data] == [COLUMNS] * 18
    assert data[0]["sub_dimension_name"] == "Public Service"
    assert (data[0]["region_code"], data[0]["spec"]) == ("35.73", "masterplan.yaml")
    assert data[0]["indicators"] == [{"name": "Layanan perizinan daring", "unit": "%",
                                      "baseline": None, "baseline_year": None,
                                      "targets": {"2030": 100}}]

    result = run_cli("export", folder / "3573", "--no-bom", "--delimiter", ",", "--headers",
                     "keys")
    assert result.stdout.startswith("region_code,region_name,")


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
    line = next(r for r in read_csv(to_csv(columns, rows, lang="en", headers="keys"))
                if r["program_id"] == "GOV-01")
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


# --- for the spreadsheet of a reader in Indonesia, or in English -------------------------------

ID_HEADS = ["Kode wilayah", "Nama daerah", "Jenis daerah", "Provinsi", "Tahun angkatan",
            "Jalur angkatan", "Kode dimensi", "Dimensi", "Kode sub-dimensi", "Sub-dimensi",
            "Kode program", "Nama program", "OPD penanggung jawab", "OPD pendukung", "Mitra",
            "Kode jangka waktu", "Jangka waktu", "Tahun mulai", "Tahun selesai",
            "Anggaran 2026 (Rp)", "Anggaran 2027 (Rp)", "Anggaran sumber APBD (Rp)",
            "Anggaran sumber DANA_DESA (Rp)", "Total anggaran (Rp)", "Jumlah indikator",
            "Indikator", "Quick win", "Berkas spec"]
EN_HEADS = ["Region code", "Region name", "Region type", "Province", "Cohort year",
            "Cohort track", "Dimension key", "Dimension", "Sub-dimension key", "Sub-dimension",
            "Program id", "Program name", "Lead agency", "Supporting agencies", "Partners",
            "Horizon key", "Horizon", "Start year", "End year", "Budget 2026 (Rp)",
            "Budget 2027 (Rp)", "Budget from APBD (Rp)", "Budget from DANA_DESA (Rp)",
            "Total budget (Rp)", "Number of indicators", "Indicators", "Quick wins",
            "Spec file"]


def read_rows(data: bytes, delimiter: str) -> list[list[str]]:
    assert data.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""),
                           delimiter=delimiter))


def test_the_csv_is_indonesian_by_default(tmp_path: Path) -> None:
    """`;` between fields, headings in Indonesian, the region code as digits Excel keeps, and
    what is printed on stderr in Indonesian."""
    spec = region(tmp_path, "35.10", "Banyuwangi", "kabupaten")
    result = run_cli("export", spec, "-o", tmp_path / "p.csv")
    assert result.exit_code == 0, result.output
    assert result.stderr == f"masterplan: 18 program dari 1 spec → {tmp_path / 'p.csv'}\n"
    heads, *rows = read_rows((tmp_path / "p.csv").read_bytes(), ";")
    assert heads == ID_HEADS
    assert {row[0] for row in rows} == {"3510"} and len(rows) == 18
    assert {row[-1] for row in rows} == {"masterplan.yaml"}  # relative to the target
    portal = next(row for row in rows if row[10] == "GOV-03")
    assert portal[7:10] == ["Smart Governance", "public_policy", "Kebijakan Publik"]
    assert portal[16] == "Jangka Menengah"


def test_the_csv_is_english_with_lang_en(tmp_path: Path) -> None:
    spec = region(tmp_path, "35.73", "Malang")
    result = run_cli("export", spec, "--lang", "en")
    assert result.exit_code == 0
    assert result.stderr == "masterplan: 18 program(s) from 1 spec(s)\n"
    heads, *rows = read_rows(result.stdout_bytes, ",")
    assert heads == EN_HEADS
    assert {row[0] for row in rows} == {"3573"}
    assert next(row for row in rows if row[10] == "GOV-03")[16] == "Medium Term"


def test_the_separator_follows_the_manifests_language_unless_given(tmp_path: Path) -> None:
    region(tmp_path / "regions", "35.73", "Malang")
    manifest = tmp_path / "cohort.yaml"
    manifest.write_text("cohort: {year: 2025}\nspecs: ['regions/*/masterplan.yaml']\n"
                        "options: {lang: en}\n", encoding="utf-8")
    english = run_cli("export", manifest)
    assert read_rows(english.stdout_bytes, ",")[0] == EN_HEADS
    assert english.stderr == "masterplan: 18 program(s) from 1 spec(s)\n"
    semicolons = run_cli("export", manifest, "--delimiter", ";")
    assert read_rows(semicolons.stdout_bytes, ";")[0] == EN_HEADS
    tabs = run_cli("export", manifest, "--delimiter", "tab", "--lang", "id")
    assert read_rows(tabs.stdout_bytes, "\t")[0] == ID_HEADS


def test_headers_keys_gives_the_machine_readable_names(tmp_path: Path) -> None:
    spec = region(tmp_path, "35.73", "Malang")
    result = run_cli("export", spec, "--headers", "keys")
    heads, *_rows = read_rows(result.stdout_bytes, ";")
    assert heads == COLUMNS
    as_json = json.loads(run_cli("export", spec, "--format", "json", "--headers",
                                 "labels").stdout)
    assert list(as_json[0]) == COLUMNS  # JSON always uses the keys
    assert as_json[0]["region_code"] == "35.73"


def test_spec_paths_are_relative_to_the_target_and_messages_to_the_user(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The `spec` column names the spec from the manifest's folder (the same wherever the
    export is run); stderr names it from where the user is, so it can be opened."""
    cohort = tmp_path / "cohort"
    region(cohort / "regions", "35.73", "Malang")
    region(cohort / "regions", "35.78", "Surabaya",
           text=MINIMAL.replace("amount: 500000000", "amount: 500.000"))
    (cohort / "cohort.yaml").write_text("cohort: {year: 2025}\n"
                                        "specs: ['regions/*/masterplan.yaml']\n",
                                        encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = run_cli("export", "cohort/cohort.yaml", "--format", "json", "-j", "2")
    assert result.exit_code == 1
    assert {row["spec"] for row in json.loads(result.stdout)} == {
        "regions/3573/masterplan.yaml"}
    bad = "cohort/regions/3578/masterplan.yaml"
    lines = result.stderr.splitlines()
    assert lines[0].startswith(f"masterplan: {bad} tidak disertakan (gagal): {bad}{BROKEN_AT} ")
    assert lines[1] == "masterplan: 18 program dari 1 spec; 1 spec tidak disertakan"
    english = run_cli("export", "cohort/cohort.yaml", "--lang", "en", "-j", "2", "-o", "p.csv")
    lines = english.stderr.splitlines()
    assert lines[0].startswith(f"masterplan: {bad} left out (failed): {bad}{BROKEN_AT} ")
    assert "expected an integer" in lines[0]
    assert lines[1] == "masterplan: 18 program(s) from 1 spec(s); 1 spec(s) left out → p.csv"
    assert {row[-1] for row in read_rows(Path("p.csv").read_bytes(), ",")[1:]} == {
        "regions/3573/masterplan.yaml"}


@pytest.mark.parametrize("code", ["11.01", "35.10", "35.78", "73.71", "96.01"])
def test_region_codes_are_digits_that_every_reader_keeps(code: str) -> None:
    """`35.10` would become 35.1 in Excel (and pandas); its digits read back exactly."""
    from generator.encoding import region_code_cell

    cell = region_code_cell(code)
    assert cell == code.replace(".", "") and cell.isdigit() and cell[0] != "0"
    assert f"{int(cell) // 100:02d}.{int(cell) % 100:02d}" == code  # read as a number: no loss
    assert region_code_cell("35.1") == "35.1" and region_code_cell(None) is None


def test_decimals_follow_the_language_of_the_csv() -> None:
    from generator.encoding import csv_bytes, csv_dialect, spreadsheet_cell

    assert csv_dialect("id") == (";", ",") and csv_dialect("en") == (",", ".")
    assert spreadsheet_cell(12.5, ",") == "12,5" and spreadsheet_cell(12.5) == "12.5"
    assert spreadsheet_cell(3, ",") == 3 and spreadsheet_cell("1.5", ",") == "1.5"  # text as is
    data = csv_bytes(["a", "b"], [{"a": 1.25, "b": "x;y"}], delimiter=";", decimal=",",
                     header=["Satu", "Dua"])
    assert data.decode("utf-8-sig") == 'Satu;Dua\r\n1,25;"x;y"\r\n'
