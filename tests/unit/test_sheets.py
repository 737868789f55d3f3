"""`masterplan sheets` and `masterplan import` with workbooks edited by openpyxl: the round
trip keeps every untouched line, conflicts stop the import, hostile workbooks are refused
at their place. (LibreOffice's re-save: tests/e2e/test_sheets_libreoffice.py.)"""

from __future__ import annotations

import io
import shutil
import zipfile
from pathlib import Path

import openpyxl
import pytest
from helpers import REPO, run_cli
from sheets_edit import EXAMPLES, edit_workbook, find_program, make, round_trip, titles

from generator.spec import check_spec

MINIMAL = REPO / "examples/minimal/masterplan.yaml"
BANYUWANGI = REPO / "examples/kabupaten-banyuwangi/masterplan.yaml"


@pytest.fixture
def spec(tmp_path: Path) -> Path:
    shutil.copytree(BANYUWANGI.parent, tmp_path / "spec")
    return tmp_path / "spec" / "masterplan.yaml"


@pytest.fixture
def diskominfo(spec: Path, tmp_path: Path) -> Path:
    (path,) = make(spec, tmp_path / "out", "--agency", "DISKOMINFO")
    return path


def test_one_workbook_per_agency_with_its_programs(spec: Path, tmp_path: Path) -> None:
    paths = make(spec, tmp_path / "out")
    doc, _ = check_spec(spec)
    assert len(paths) == len(doc.data["agencies"])
    assert all(p.name.startswith("3510-") for p in paths)
    book = openpyxl.load_workbook(tmp_path / "out" / "3510-DISKOMINFO.xlsx")
    assert book.sheetnames == ["Petunjuk", "Program", "Indikator", "Anggaran", "_daftar",
                               "_masterplan"]
    assert book["_masterplan"].sheet_state == "hidden"
    assert book["_daftar"].sheet_state == "hidden"
    programs, indicators, budget = titles(book)
    ids = [row[0] for row in programs.iter_rows(min_row=2, values_only=True) if row[0]]
    led = [p["id"] for d in doc.data["dimensions"].values() for s in d["sub_dimensions"].values()
           for p in s.get("programs", []) if p["lead_opd"] == "DISKOMINFO"
           or "DISKOMINFO" in p.get("supporting_opds", [])]
    assert [i for i in ids if not i.startswith("BARU-")] == led
    assert programs.freeze_panes == "A2" and programs.protection.sheet
    assert programs.protection.password is None
    assert programs["A2"].protection.locked and not programs["D2"].protection.locked
    amount = next(r for r in budget.iter_rows(min_row=2) if isinstance(r[4].value, int))[4]
    assert amount.number_format == "#,##0" and isinstance(amount.value, int)
    assert indicators["G1"].value == "Tahun baseline"
    rules = {str(v.sqref).split(":")[0]: v.formula1 for v in budget.data_validations.dataValidation}
    assert rules["D2"].startswith("_daftar!$E$")  # funding sources, the spec's own among them
    sources = [r[4] for r in book["_daftar"].iter_rows(min_row=2, values_only=True) if r[4]]
    assert "APBD" in sources and "BLUD" in sources


def test_same_spec_same_bytes_and_english(spec: Path, tmp_path: Path) -> None:
    first = make(spec, tmp_path / "a", "--agency", "BAPPEDA")[0].read_bytes()
    second = make(spec, tmp_path / "b", "--agency", "BAPPEDA")[0].read_bytes()
    assert first == second
    (english,) = make(spec, tmp_path / "en", "--agency", "BAPPEDA", "--lang", "en")
    book = openpyxl.load_workbook(english)
    assert book.sheetnames[:4] == ["Instructions", "Programs", "Indicators", "Budget"]
    assert "Budgets are whole rupiah" in "".join(
        str(c.value) for c in book["Instructions"]["A"] if c.value)


def test_unknown_agency_has_a_suggestion(spec: Path, tmp_path: Path) -> None:
    result = run_cli("sheets", spec, "-o", tmp_path, "--agency", "DISKOMIFNO")
    assert result.exit_code == 1
    assert "DISKOMINFO" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize("example", EXAMPLES)
def test_round_trip_with_openpyxl_keeps_every_other_line(example: str, tmp_path: Path) -> None:
    round_trip(REPO / "examples" / example / "masterplan.yaml", tmp_path)


def edited_import(spec: Path, workbook: Path, tmp_path: Path, change: object) -> object:
    book = openpyxl.load_workbook(workbook)
    assert callable(change)
    change(book)
    target = tmp_path / f"hostile-{len(list(tmp_path.glob('hostile-*')))}.xlsx"
    book.save(target)
    return run_cli("import", spec, target)


def _expect_refusal(result: object, where: str, words: str, spec: Path) -> None:
    before = BANYUWANGI.read_bytes()
    assert result.exit_code == 1
    stderr = result.stderr
    assert "Traceback" not in stderr
    assert where in stderr and words in stderr, stderr
    assert spec.read_bytes() == before


def test_thousands_separators_in_a_cell_get_the_validate_hint(
        spec: Path, diskominfo: Path, tmp_path: Path) -> None:
    def change(book: object) -> None:
        _p, _i, budget = titles(book)
        budget["E2"] = "1.250.000.000"
    result = edited_import(spec, diskominfo, tmp_path, change)
    _expect_refusal(result, "hostile-0.xlsx:Anggaran!E2: error:",
                    "tulis 1250000000 tanpa titik pemisah ribuan", spec)


def test_formula_merged_cells_and_extra_sheets_are_refused(
        spec: Path, diskominfo: Path, tmp_path: Path) -> None:
    def formula(book: object) -> None:
        _p, _i, budget = titles(book)
        budget["E2"] = "=1000*1000"

    def merged(book: object) -> None:
        programs, _i, _b = titles(book)
        programs.protection.sheet = False
        programs.merge_cells("D2:E2")

    def extra(book: object) -> None:
        book.create_sheet("Catatan")

    _expect_refusal(edited_import(spec, diskominfo, tmp_path, formula), "Anggaran!E2",
                    "rumus `=1000*1000`", spec)
    _expect_refusal(edited_import(spec, diskominfo, tmp_path, merged), "Program!D2",
                    "sel digabung", spec)
    _expect_refusal(edited_import(spec, diskominfo, tmp_path, extra), ":Catatan:",
                    "lembar `Catatan` tidak dikenal", spec)


def test_an_unknown_value_in_a_closed_list_is_positioned(
        spec: Path, diskominfo: Path, tmp_path: Path) -> None:
    def change(book: object) -> None:
        programs, _i, budget = titles(book)
        programs["G2"] = "Jangka Sedang"
        budget["D2"] = "APDB"
    result = edited_import(spec, diskominfo, tmp_path, change)
    _expect_refusal(result, "Program!G2", "nilai `Jangka Sedang` tidak dikenal", spec)
    assert "Anggaran!D2" in result.stderr
    assert "mungkin maksudnya `APBD`" in result.stderr


def test_not_xlsx_encrypted_macro_and_zip_bomb(spec: Path, diskominfo: Path,
                                               tmp_path: Path) -> None:
    text = tmp_path / "notes.xlsx"
    text.write_text("Program;Anggaran\n", encoding="utf-8")
    _expect_refusal(run_cli("import", spec, text), "notes.xlsx: error:",
                    "bukan buku kerja Excel", spec)
    ole = tmp_path / "locked.xlsx"  # what Excel writes for a workbook with a password
    ole.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(4096))
    _expect_refusal(run_cli("import", spec, ole), "locked.xlsx: error:", "kata sandi", spec)
    xlsm = tmp_path / "makro.xlsm"
    shutil.copy(diskominfo, xlsm)
    _expect_refusal(run_cli("import", spec, xlsm), "makro.xlsm: error:", "bermakro", spec)
    vba = tmp_path / "vba.xlsx"
    with zipfile.ZipFile(diskominfo) as source, zipfile.ZipFile(vba, "w") as target:
        for item in source.infolist():
            target.writestr(item, source.read(item))
        target.writestr("xl/vbaProject.bin", b"VBA")
    _expect_refusal(run_cli("import", spec, vba), "vba.xlsx: error:", "bermakro", spec)
    bomb = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(diskominfo) as source, zipfile.ZipFile(
            bomb, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            target.writestr(item, source.read(item))
        with target.open("xl/media/zeros.bin", "w") as handle:
            chunk = bytes(1024 * 1024)
            for _ in range(120):
                handle.write(chunk)
    _expect_refusal(run_cli("import", spec, bomb), "bomb.xlsx: error:", "terlalu besar", spec)


def test_a_hundred_thousand_rows_are_refused_quickly(spec: Path, diskominfo: Path,
                                                     tmp_path: Path) -> None:
    import time

    book = openpyxl.load_workbook(diskominfo)
    _p, _i, budget = titles(book)
    for row in range(2, 100_002):
        budget.cell(row, 6, "x")
    big = tmp_path / "big.xlsx"
    book.save(big)
    start = time.perf_counter()
    result = run_cli("import", spec, big)
    assert time.perf_counter() - start < 5
    _expect_refusal(result, "big.xlsx:Anggaran!A5002", "lebih dari 5000 baris", spec)


def test_a_workbook_of_another_region_is_refused(spec: Path, tmp_path: Path) -> None:
    (other,) = make(MINIMAL, tmp_path / "min", "--agency", "Dinas Sosial")
    _expect_refusal(run_cli("import", spec, other), "3507-Dinas-Sosial.xlsx: error:",
                    "spec daerah lain (35.07 Contoh)", spec)


def test_the_english_messages(spec: Path, diskominfo: Path, tmp_path: Path) -> None:
    def change(book: object) -> None:
        _p, _i, budget = titles(book)
        budget["E2"] = "1.250.000.000"
    book = openpyxl.load_workbook(diskominfo)
    change(book)
    target = tmp_path / "en.xlsx"
    book.save(target)
    result = run_cli("import", spec, target, "--lang", "en")
    assert result.exit_code == 1
    assert "write 1250000000 without thousands separators" in result.stderr


def two_agencies(spec: Path, tmp_path: Path) -> tuple[Path, Path, str]:
    """The workbooks of the lead and a supporter of one program, and the program."""
    doc, _ = check_spec(spec)
    for d in doc.data["dimensions"].values():
        for s in d["sub_dimensions"].values():
            for p in s.get("programs", []):
                if p.get("supporting_opds"):
                    lead, support = p["lead_opd"], p["supporting_opds"][0]
                    paths = make(spec, tmp_path / "two", "--agency", lead, "--agency", support)
                    return paths[0], paths[1], p["id"]
    raise AssertionError("no supported program")


def set_name(workbook: Path, pid: str, name: str, target: Path) -> Path:
    book = openpyxl.load_workbook(workbook)
    programs, _i, _b = titles(book)
    row = next(r for r in programs.iter_rows(min_row=2) if r[0].value == pid)
    row[3].value = name
    book.save(target)
    return target


def test_two_agencies_disagreeing_is_a_conflict_until_forced(spec: Path,
                                                              tmp_path: Path) -> None:
    lead, support, pid = two_agencies(spec, tmp_path)
    a = set_name(lead, pid, "Nama dari OPD pemimpin", tmp_path / "a.xlsx")
    b = set_name(support, pid, "Nama dari OPD pendukung", tmp_path / "b.xlsx")
    before = spec.read_bytes()
    result = run_cli("import", spec, a, b)
    assert result.exit_code == 1
    assert "a.xlsx:Program!D" in result.stderr and "konflik" in result.stderr
    assert "--force" in result.stderr and spec.read_bytes() == before
    assert run_cli("import", spec, a, b, "--force", "theirs").exit_code == 0
    assert find_program(check_spec(spec)[0].data, pid)["name"] == "Nama dari OPD pendukung"
    spec.write_bytes(before)
    assert run_cli("import", spec, a, b, "--force", "ours").exit_code == 0
    assert spec.read_bytes() == before


def test_the_spec_changed_since_the_workbook_was_made(spec: Path, diskominfo: Path,
                                                      tmp_path: Path) -> None:
    book = openpyxl.load_workbook(diskominfo)
    programs, _i, _b = titles(book)
    pid, old = programs["A2"].value, programs["D2"].value
    programs["D2"] = "Nama dari lembar"
    programs["E2"] = "BAPPEDA"  # another value of the same program: no conflict
    book.save(tmp_path / "filled.xlsx")
    text = spec.read_text(encoding="utf-8")
    spec.write_text(text.replace(f'name: "{old}"', 'name: "Nama dari Bappeda"', 1),
                    encoding="utf-8")
    changed = spec.read_bytes()
    result = run_cli("import", spec, tmp_path / "filled.xlsx")
    assert result.exit_code == 1 and spec.read_bytes() == changed
    assert "filled.xlsx:Program!D2" in result.stderr
    assert "spec sekarang `Nama dari Bappeda`" in result.stderr
    assert run_cli("import", spec, tmp_path / "filled.xlsx", "--force", "ours").exit_code == 0
    program = find_program(check_spec(spec)[0].data, pid)
    assert program["name"] == "Nama dari Bappeda" and program["lead_opd"] == "BAPPEDA"


def test_dry_run_prints_the_changes_and_writes_nothing(spec: Path, diskominfo: Path,
                                                       tmp_path: Path) -> None:
    edited = tmp_path / "edited.xlsx"
    edits = edit_workbook(diskominfo, edited)
    before = spec.read_bytes()
    result = run_cli("import", spec, edited, "--dry-run")
    assert result.exit_code == 0, result.stderr
    assert spec.read_bytes() == before
    # field names in the reader's language, list items counted from 1 as the sheet's rows
    year = edits.target[0]
    assert f"edited.xlsx:Program!D2: {edits.program} nama:" in result.stdout
    assert f": {edits.program} indikator ke-1, target {year}:" in result.stdout
    assert f": {edits.program} baris anggaran ke-1, jumlah:" in result.stdout
    assert "program baru SOC-" in result.stdout
    english = run_cli("import", spec, edited, "--dry-run", "--lang", "en")
    assert f"edited.xlsx:Program!D2: {edits.program} name:" in english.stdout
    assert f": {edits.program} indicator 1, target {year}:" in english.stdout
    assert f": {edits.program} budget line 1, amount:" in english.stdout


def test_an_unknown_agency_code_in_a_new_row_is_an_error_with_a_suggestion(
        spec: Path, diskominfo: Path, tmp_path: Path) -> None:
    def change(book: object) -> None:
        programs, _i, _b = titles(book)
        row = next(r for r in range(2, programs.max_row + 1)
                   if str(programs.cell(r, 1).value) == "BARU-1")
        for column, value in {2: "Smart Society", 3: "Komunitas", 4: "Program X",
                              5: "DISKOMNFO", 7: "Jangka Pendek", 9: 2026, 10: 2027}.items():
            programs.cell(row, column, value)
    result = edited_import(spec, diskominfo, tmp_path, change)
    _expect_refusal(result, "Program!E", "`DISKOMNFO`", spec)
    assert "DISKOMINFO" in result.stderr


def test_unchanged_workbook_changes_nothing(spec: Path, diskominfo: Path) -> None:
    before = spec.read_bytes()
    result = run_cli("import", spec, diskominfo)
    assert result.exit_code == 0, result.stderr
    assert spec.read_bytes() == before


def komdigi_spec(tmp_path: Path) -> Path:
    """The minimal example moved to the komdigi-2026 framework (six aspects, MOB codes)."""
    target = tmp_path / "komdigi" / "masterplan.yaml"
    target.parent.mkdir()
    result = run_cli("migrate", MINIMAL, "--framework", "komdigi-2026", "-o", target)
    assert result.exit_code == 0, result.stderr
    return target


def test_a_komdigi_2026_spec_goes_out_and_back_in_its_own_words(tmp_path: Path) -> None:
    import json

    spec = komdigi_spec(tmp_path)
    (path,) = make(spec, tmp_path / "out", "--agency", "Dinas Perhubungan")
    book = openpyxl.load_workbook(path)
    programs, _indicators, budget = titles(book)
    assert [programs["B1"].value, programs["C1"].value] == ["Aspek", "Sub-aspek"]
    steps = " ".join(str(c.value) for c in book["Petunjuk"]["A"] if c.value)
    assert "Tahun, aspek, sub-aspek, jangka waktu" in steps and "dimensi" not in steps
    aspects = [row[0] for row in book["_daftar"].iter_rows(min_row=2, values_only=True) if row[0]]
    assert aspects == ["Tata Kelola Birokrasi", "Ekonomi", "Kehidupan Berkota", "Masyarakat",
                       "Lingkungan", "Mobilitas"]
    meta = json.loads("".join(str(r[0]) for r in book["_masterplan"].iter_rows(values_only=True)
                              if r[0]))
    assert meta["framework"] == "komdigi-2026"
    # MOB-03 moves to traffic (its sub-aspect's only program); a new program in connectivity
    row = next(r for r in programs.iter_rows(min_row=2) if r[0].value == "MOB-03")
    assert [row[1].value, row[2].value] == ["Mobilitas", "Transportasi Publik"]
    row[2].value = "Manajemen Lalu Lintas"
    new = next(r for r in programs.iter_rows(min_row=2) if r[0].value == "BARU-1")
    for cell, value in zip(new[1:], ("Mobilitas", "Konektivitas dan Mobilitas Aktif",
                                     "Jalur Sepeda Terpadu"), strict=False):
        cell.value = value
    new[6].value, new[8].value, new[9].value = "Jangka Pendek", 2027, 2028
    line = next(r for r in budget.iter_rows(min_row=2) if r[0].value is None)
    for cell, value in zip(line, ("BARU-1", None, 2027, "APBD", 300000000), strict=False):
        cell.value = value
    book.save(tmp_path / "filled.xlsx")
    result = run_cli("import", spec, tmp_path / "filled.xlsx")
    assert result.exit_code == 0, result.stderr
    assert "program baru MOB-04: Jalur Sepeda Terpadu" in result.stdout
    doc, _ = check_spec(spec)
    mobility = doc.data["dimensions"]["mobility"]["sub_dimensions"]
    assert [p["id"] for p in mobility["traffic"]["programs"]] == ["MOB-03"]
    assert mobility["connectivity"]["programs"][0]["budget"][0]["amount"] == 300000000
    assert "programs" not in mobility["public_transport"]  # no `programs: []` left behind
    assert "programs: []" not in spec.read_text(encoding="utf-8")


def test_a_workbook_of_another_framework_is_refused(tmp_path: Path) -> None:
    komdigi = komdigi_spec(tmp_path)
    (path,) = make(komdigi, tmp_path / "out", "--agency", "Dinas Sosial")
    minimal = tmp_path / "minimal.yaml"
    shutil.copy(MINIMAL, minimal)
    before = minimal.read_bytes()
    result = run_cli("import", minimal, path)
    assert result.exit_code == 1 and minimal.read_bytes() == before
    assert "3507-Dinas-Sosial.xlsx: error:" in result.stderr
    assert "kerangka komdigi-2026; spec ini memakai kerangka kominfo-2017" in result.stderr
    # `--framework` on `sheets` checks the spec against that framework, positioned
    result = run_cli("sheets", minimal, "-o", tmp_path / "x", "--framework", "komdigi-2026")
    assert result.exit_code == 1 and "Traceback" not in result.stderr
    assert "minimal.yaml:" in result.stderr and "branding" in result.stderr


def test_import_bytes_io_guard() -> None:
    assert io.BytesIO  # the module's imports stay used by the helpers above
