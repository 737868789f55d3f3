"""Edits of an agency's workbook as a person makes them in a spreadsheet (openpyxl), for the
tests of `masterplan sheets` / `masterplan import`."""

from __future__ import annotations

import difflib
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import openpyxl
from helpers import REPO, run_cli

from generator.spec import check_spec

EXAMPLES = sorted(p.parent.name for p in REPO.glob("examples/*/masterplan.yaml"))


@dataclass
class Edits:
    """What `edit_workbook` changed: (program id, field) → new value, and the new program."""

    program: str = ""
    name: str = ""
    amount: int = 0
    target: tuple[int, int | float] | None = None
    new_name: str = ""
    expected: dict[str, Any] = field(default_factory=dict)


def titles(book: Any) -> tuple[Any, Any, Any]:
    names = book.sheetnames
    return book[names[1]], book[names[2]], book[names[3]]


def first_empty(sheet: Any, column: int = 1) -> int:
    for row in sheet.iter_rows(min_row=2):
        if all(cell.value is None for cell in row):
            return int(row[0].row)
    raise AssertionError("no empty row")


def edit_workbook(source: Path, target: Path, *, new_program: bool = True) -> Edits:
    """Rename the first program, raise its first budget line by 1000, change its first
    numeric target by one; add a program with an indicator and a budget line."""
    book = openpyxl.load_workbook(source)
    programs, indicators, budget = titles(book)
    edits = Edits()
    edits.program = str(programs["A2"].value)
    edits.name = f"{programs['D2'].value} (revisi)"
    programs["D2"] = edits.name
    for row in budget.iter_rows(min_row=2):
        if row[0].value == edits.program and isinstance(row[4].value, int):
            edits.amount = row[4].value + 1000
            row[4].value = edits.amount
            break
    heads = [cell.value for cell in indicators[1]]
    for row in indicators.iter_rows(min_row=2):
        if row[0].value != edits.program:
            continue
        for cell in row[7:]:
            if isinstance(cell.value, int | float) and not isinstance(cell.value, bool):
                cell.value = cell.value + 1
                year = int(str(heads[cell.column - 1]).rsplit(" ", 1)[1])
                edits.target = (year, cell.value)
                break
        if edits.target:
            break
    if new_program:
        row = next(r for r in range(2, programs.max_row + 1)
                   if str(programs.cell(r, 1).value).startswith(("BARU-", "NEW-")))
        edits.new_name = "Program Uji Lembar Isian"
        values = {2: "Smart Society", 3: "Komunitas", 4: edits.new_name, 7: "Jangka Pendek",
                  9: 2027, 10: 2028}
        for column, value in values.items():
            programs.cell(row, column, value)
        placeholder = programs.cell(row, 1).value
        line = first_empty(budget)
        for column, value in {1: placeholder, 3: 2027, 4: "APBD", 5: 125000000}.items():
            budget.cell(line, column, value)
        line = first_empty(indicators)
        year_column = next(i for i, h in enumerate(heads, start=1) if str(h).endswith("2028"))
        for column, value in {1: placeholder, 3: "Komunitas digital aktif", 4: "komunitas",
                              year_column: 12}.items():
            indicators.cell(line, column, value)
    book.save(target)
    return edits


def find_program(data: dict[str, Any], pid: str) -> dict[str, Any]:
    for dimension in data["dimensions"].values():
        for sub in dimension["sub_dimensions"].values():
            for program in sub.get("programs", []):
                if program["id"] == pid:
                    return program
    raise AssertionError(pid)


def find_by_name(data: dict[str, Any], name: str) -> dict[str, Any]:
    for dimension in data["dimensions"].values():
        for sub in dimension["sub_dimensions"].values():
            for program in sub.get("programs", []):
                if program["name"] == name:
                    return program
    raise AssertionError(name)


def make(spec: Path, folder: Path, *args: str) -> list[Path]:
    result = run_cli("sheets", spec, "-o", folder, *args)
    assert result.exit_code == 0, result.stderr
    return [Path(line) for line in result.stdout.splitlines()]


def check_round_trip(source: Path, merged: Path, edits: object) -> None:
    assert isinstance(edits, Edits)
    doc, _warnings = check_spec(merged)
    program = find_program(doc.data, edits.program)
    assert program["name"] == edits.name
    if edits.amount:
        assert edits.amount in [line["amount"] for line in program["budget"]]
    if edits.target:
        year, value = edits.target
        assert any(i["targets"].get(str(year)) == value for i in program["indicators"])
    new = find_by_name(doc.data, edits.new_name)
    assert new["id"].startswith("SOC-") and new["budget"][0]["amount"] == 125000000
    old_lines = source.read_text(encoding="utf-8").splitlines()
    new_lines = merged.read_text(encoding="utf-8").splitlines()
    for line in old_lines:  # every comment is still there
        if "#" in line and line.lstrip().startswith("#"):
            assert line in new_lines
    removed = [line for line in difflib.ndiff(old_lines, new_lines) if line.startswith("- ")]
    # the name, the budget line and the target line; nothing else of the original changed
    assert 1 <= len(removed) <= 3, removed


def round_trip(source: Path, tmp_path: Path,
               resave: Callable[[Path], Path] | None = None) -> tuple[Path, Path]:
    """`sheets` for a copy of the example `source`, the biggest workbook edited (and
    re-saved by `resave`), `import`ed; checks the result; the copy and the workbook."""
    shutil.copytree(source.parent, tmp_path / "spec")
    spec = tmp_path / "spec" / "masterplan.yaml"
    paths = make(spec, tmp_path / "out")
    workbook = max(paths, key=lambda p: p.stat().st_size)  # the agency with the most rows
    edited = tmp_path / "edited.xlsx"
    edits = edit_workbook(workbook, edited)
    if resave is not None:
        edited = resave(edited)
    result = run_cli("import", spec, edited, "-o", spec.parent / "new.yaml")
    assert result.exit_code == 0, result.stderr + result.stdout
    assert spec.read_bytes() == source.read_bytes()
    check_round_trip(source, spec.parent / "new.yaml", edits)
    return spec, workbook
