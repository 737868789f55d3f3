"""The approval page (lembar pengesahan): the spec's `approval` section, its rules with their
positions in both languages, the starter's placeholders, and what the context prints (blanks
for what is not known yet, the seal at the head, two blocks to a row).

Specs are tests/data/valid/compact.yaml with an `approval` section put before `profile:`;
the expected line and column are read off the edited text.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from helpers import compact_text, diagnostic_lines, expect, position_of, run_cli, write_spec

from generator.documents.context import build_context
from generator.spec.load import load_spec_text
from generator.spec.model import build_model
from generator.spec.starter import starter_spec
from generator.spec.validate import validate

APPROVAL = """\
approval:
  place: Banyuwangi
  date: "2025-12-15"
  regulation:
    kind: Peraturan Bupati
    number: 12
    year: 2025
    date: "2025-12-15"
  signatories:
    - label: Disusun oleh
      role: Kepala Bappeda Kabupaten Banyuwangi
      name: "Ir. Sri Wahyuni Lestari, M.T."
      rank: Pembina Utama Muda (IV/c)
      nip: "19740821 199912 2 003"
    - label: Mengetahui
      role: Sekretaris Daerah Kabupaten Banyuwangi
      name: "Dr. Ahmad Fauzi Rahman, M.Si."
      nip: "19700412 199503 1 007"
    - role: Bupati Banyuwangi
      name: Ipuk Fiestiandani
"""
# the regulation's number and date and the date of adoption not known yet
UNKNOWN = APPROVAL.replace("    number: 12\n", "").replace(
    'place: Banyuwangi\n  date: "2025-12-15"\n', "place: Banyuwangi\n").replace(
    '    year: 2025\n    date: "2025-12-15"\n', "    year: 2025\n")


def with_approval(approval: str = APPROVAL, old: str = "", new: str = "") -> str:
    text = compact_text().replace("profile:\n", approval + "profile:\n", 1)
    if old:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    return text


def validate_text(tmp_path: Path, text: str, *args: str) -> tuple[int, list[str], Path]:
    path = write_spec(tmp_path, text)
    result = run_cli("validate", *args, path)
    assert "Traceback" not in result.output
    return result.exit_code, diagnostic_lines(result.stdout), path


# --- validation ------------------------------------------------------------------------------

def test_a_complete_approval_section_is_valid_with_strict(tmp_path: Path) -> None:
    code, lines, _ = validate_text(tmp_path, with_approval(), "--strict")
    assert (code, lines) == (0, [])


def test_a_regulation_without_number_or_date_is_valid(tmp_path: Path) -> None:
    text = with_approval(UNKNOWN)
    code, lines, _ = validate_text(tmp_path, text, "--strict")
    assert (code, lines) == (0, [])


MESSAGES: list[tuple[str, str, str, str, str, str]] = [
    # (old, new, mark, where, Indonesian, English)
    ('  date: "2025-12-15"\n  regulation', '  date: "2025-02-30"\n  regulation', "2025-02-30",
     "approval.date", "`2025-02-30` bukan tanggal yang ada di kalender",
     "`2025-02-30` is not a calendar date"),
    ('  date: "2025-12-15"\n  regulation', '  date: "15-12-2025"\n  regulation', "15-12-2025",
     "approval.date", "`15-12-2025` bukan tanggal berformat YYYY-MM-DD (mis. 2025-11-20)",
     "`15-12-2025` is not a date as YYYY-MM-DD (e.g. 2025-11-20)"),
    ('    year: 2025\n    date: "2025-12-15"\n', "    year: 2021\n", "2021",
     "approval.regulation.year",
     "tahun 2021 tidak cocok untuk menetapkan masterplan 2026-2035: diharapkan 2024-2035",
     "year 2021 does not fit the adoption of a 2026-2035 masterplan: expected 2024-2035"),
    ('    year: 2025\n    date: "2025-12-15"', '    year: 2025\n    date: "2026-01-15"',
     "2026-01-15", "approval.regulation.date",
     "tanggal 2026-01-15 tidak jatuh pada tahun peraturan 2025",
     "date 2026-01-15 is not in the regulation's year 2025"),
    ('    date: "2025-12-15"\n  signatories', '    date: "2025-12-15"\n    gazette_number: 7\n'
     '    gazette_year: 2024\n  signatories', "2024", "approval.regulation.gazette_year",
     "Berita Daerah tahun 2024 lebih awal dari tahun peraturan 2025",
     "the gazette's year 2024 is before the regulation's year 2025"),
    ('nip: "19700412 199503 1 007"', 'nip: "19700412 199503 1"', "19700412 199503 1",
     "approval.signatories[1].nip",
     "NIP `19700412 199503 1` harus 18 angka (boleh berspasi, mis. 19700101 199003 1 001),"
     " ditemukan 15 angka",
     "NIP `19700412 199503 1` must have 18 digits (spaces allowed, e.g. 19700101 199003 1"
     " 001), found 15 digits"),
]


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize(("old", "new", "mark", "where", "message_id", "message_en"), MESSAGES)
def test_errors_are_positioned_and_translated(tmp_path: Path, lang: str, old: str, new: str,
                                              mark: str, where: str, message_id: str,
                                              message_en: str) -> None:
    text = with_approval(old=old, new=new)
    code, lines, path = validate_text(tmp_path, text, "--lang", lang)
    line, col = position_of(text, mark)
    if text[text.index(mark) - 1] == '"':  # a quoted value starts at its quote
        col -= 1
    message = message_en if lang == "en" else message_id
    assert lines == [expect(path, line, col, "error", where, message)]
    assert code == 1


@pytest.mark.parametrize(("old", "new", "mark", "where", "message"), [
    ("    kind: Peraturan Bupati\n", "    kind: Peraturan Wali Kota\n", "Peraturan Wali Kota",
     "approval.regulation.kind",
     "`Peraturan Wali Kota` tidak cocok untuk kabupaten: kepala daerahnya Bupati"),
    ("    number: 12\n", "    gazette_number: 7\n", "7\n", "approval.regulation.gazette_number",
     "nomor Berita Daerah diisi, tetapi nomor peraturan (`number`) belum: peraturan"
     " diundangkan setelah ditetapkan"),
    ("  head_title: Bupati\n", "  head_title: Bupati\n  head_name: Ipuk Fiestiandani\n",
     "Ipuk Fiestiandani\n", "", ""),  # the same head: no warning (checked below)
])
def test_warnings_fail_only_with_strict(tmp_path: Path, old: str, new: str, mark: str,
                                        where: str, message: str) -> None:
    text = with_approval(old=old, new=new)
    code, lines, path = validate_text(tmp_path, text)
    if not message:
        assert (code, lines) == (0, [])
        return
    line, col = position_of(text, mark)
    assert lines == [expect(path, line, col, "warning", where, message)]
    assert code == 0
    assert validate_text(tmp_path, text, "--strict")[0] == 1


def test_the_head_signing_under_another_name_is_a_warning(tmp_path: Path) -> None:
    text = with_approval(old="  head_title: Bupati\n",
                         new="  head_title: Bupati\n  head_name: Abdullah Azwar Anas\n")
    code, lines, path = validate_text(tmp_path, text, "--lang", "en")
    line, col = position_of(text, "Ipuk Fiestiandani")
    assert lines == [expect(path, line, col, "warning", "approval.signatories[2].name",
                            "the head signing as `Ipuk Fiestiandani` is not `region.head_name`"
                            " `Abdullah Azwar Anas`")]
    assert code == 0


def test_signatories_are_required(tmp_path: Path) -> None:
    text = with_approval("approval:\n  place: Banyuwangi\n")
    code, lines, path = validate_text(tmp_path, text)
    line, col = position_of(text, "place: Banyuwangi")
    assert lines == [expect(path, line, col, "error", "approval",
                            "kunci wajib `signatories` belum diisi")]
    assert code == 1


def test_the_starter_has_an_approval_page_that_fails_strict_until_filled(
        tmp_path: Path) -> None:
    text = starter_spec("kota", "id")
    assert "approval:\n" in text and text.index("approval:\n") < text.index("foreword:\n")
    code, lines, _ = validate_text(tmp_path, text)
    assert code == 0
    approval = [line for line in lines if ": approval." in line]
    assert [line.split(": ")[2] for line in approval] == [
        "approval.place", "approval.signatories[0].name"]
    assert all(": warning: " in line for line in approval)
    assert 'role: "Wali Kota Nama Kota"' in text


# --- the context -----------------------------------------------------------------------------

def approval_context(text: str, lang: str = "id") -> Any:
    doc = load_spec_text(text, Path("spec.yaml"), "spec.yaml")
    assert [d for d in validate(doc) if d.severity == "error"] == []
    return build_context(build_model(doc), lang, charts={})["approval"]


def test_no_section_no_page() -> None:
    assert approval_context(compact_text()) is None


def test_the_page_names_document_regulation_and_blocks_two_to_a_row() -> None:
    page = approval_context(with_approval())
    assert page["document"] == "MASTERPLAN SMART CITY KABUPATEN BANYUWANGI"
    assert page["period"] == "TAHUN 2026–2035"
    assert page["regulation"] == {
        "kind": "Peraturan Bupati Banyuwangi", "number": "Nomor 12 Tahun 2025",
        "date": "tanggal 15 Desember 2025",
        "title": "Masterplan Smart City Kabupaten Banyuwangi Tahun 2026–2035"}
    rows = page["rows"]
    assert [[block["name"] for block in row] for row in rows] == [
        ["Ir. Sri Wahyuni Lestari, M.T.", "Dr. Ahmad Fauzi Rahman, M.Si."],
        ["Ipuk Fiestiandani"]]
    head = rows[1][0]
    assert head["seal"] and not any(block["seal"] for block in rows[0])
    assert head["where"] == ["Ditetapkan di Banyuwangi", "pada tanggal 15 Desember 2025"]
    assert head["role"] == "Bupati Banyuwangi,"
    assert rows[0][0]["label"] == "Disusun oleh,"
    assert rows[0][0]["nip"] == "NIP. 19740821 199912 2 003"


def test_what_is_not_known_yet_prints_as_dots_to_fill_in() -> None:
    text = with_approval(UNKNOWN)
    page = approval_context(text)
    dots = "...................."
    assert page["regulation"]["number"] == f"Nomor {dots} Tahun 2025"
    assert page["regulation"]["date"] == f"tanggal {dots}"
    assert page["rows"][1][0]["where"][1] == f"pada tanggal {dots} 2025"
    english = approval_context(text, "en")
    assert english["regulation"]["number"] == f"Number {dots} of 2025"
    assert english["rows"][1][0]["where"] == ["Adopted in Banyuwangi", f"on {dots} 2025"]


def test_a_seal_given_in_the_spec_wins_over_the_head() -> None:
    text = with_approval(old="      nip: \"19700412 199503 1 007\"\n",
                         new="      nip: \"19700412 199503 1 007\"\n      seal: true\n")
    rows = approval_context(text)["rows"]
    assert [block["seal"] for row in rows for block in row] == [False, True, False]
    assert rows[0][1]["where"] and not rows[1][0]["where"]


# --- the regional gazette (Berita Daerah) in the regulation's draft ---------------------------

def gazette(text: str, lang: str = "id") -> str:
    doc = load_spec_text(text, Path("spec.yaml"), "spec.yaml")
    assert [d for d in validate(doc) if d.severity == "error"] == []
    return str(build_context(build_model(doc), lang, charts={})["legal"]["perkada"]["gazette"])


def test_the_gazette_prints_its_number_and_year_when_given() -> None:
    given = with_approval(old='    date: "2025-12-15"\n  signatories',
                          new='    date: "2025-12-15"\n    gazette_number: 7\n  signatories')
    assert gazette(given).endswith("TAHUN 2025 NOMOR 7")
    later = given.replace("    gazette_number: 7\n", '    gazette_number: "7/E"\n'
                          "    gazette_year: 2026\n")
    assert gazette(later).endswith("TAHUN 2026 NOMOR 7/E")


def test_the_gazette_prints_dots_only_for_what_is_not_known() -> None:
    assert gazette(with_approval()).endswith("TAHUN 2025 NOMOR ....")
    no_year = with_approval(UNKNOWN.replace("    year: 2025\n", ""))
    assert gazette(no_year).endswith("TAHUN .... NOMOR ....")
