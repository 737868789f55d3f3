"""What the legal drafts need of a spec (`generator.spec.legal`), said by the validator only
when such a document is asked for (`render --document`, `validate --document`): a legal
basis entry that is no regulation reference, a council or team without a chair, a quick
win without KPIs; positioned, in both languages. And the `--document` words: `all` is the
books, `legal` the four drafts."""

from __future__ import annotations

import re
from pathlib import Path

from helpers import minimal_without_legal_text, run_cli, write_spec

from generator.documents import KINDS, kind_groups, requirements_of
from generator.spec.legal import ordered, reference_kind

MINIMAL = minimal_without_legal_text()  # the example has both: each test adds its own
GOOD_BASIS = ["Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah",
              "Peraturan Presiden Nomor 95 Tahun 2018 tentang Sistem Pemerintahan Berbasis"
              " Elektronik"]
COUNCIL = """
governance:
  council:
    name: "Dewan Smart City Kabupaten Contoh"
    duties: ["Mengarahkan pelaksanaan masterplan"]
    members:
      - {role: "Wakil Ketua", position: "Wakil Bupati Contoh"}
      - {role: "Anggota", position: "Sekretaris Daerah"}
  implementation_team:
    name: "Tim Pelaksana Smart City Kabupaten Contoh"
    duties: ["Mengoordinasikan program"]
    members:
      - {role: "Ketua", position: "Kepala Bappeda"}
"""


def spec(tmp_path: Path, basis: list[str], extra: str = "", *, kpis: bool = True) -> Path:
    text = MINIMAL.replace('  date: "2025-11-20"\n', '  date: "2025-11-20"\n  legal_basis:\n'
                           + "".join(f'    - "{item}"\n' for item in basis), 1)
    if not kpis:
        kpis_line = ',\n     kpis: [{name: "Dataset terbuka", unit: "dataset", target: 100}]}'
        text = text.replace(kpis_line, "}", 1)
    return write_spec(tmp_path, text + extra)


def errors(output: str) -> list[str]:
    return [line for line in output.splitlines() if re.match(r"^.+:\d+:\d+: error: ", line)]


def test_a_bad_reference_is_an_error_only_when_a_legal_draft_is_asked_for(tmp_path: Path
                                                                          ) -> None:
    path = spec(tmp_path, [GOOD_BASIS[0], "Rencana aksi daerah tahun 2025"], COUNCIL)
    assert run_cli("validate", path).exit_code == 0
    result = run_cli("validate", path, "--document", "perkada")
    assert result.exit_code == 1
    found = errors(result.output)
    assert len(found) == 1
    assert re.match(rf"^{re.escape(str(path))}:\d+:7: error: document\.legal_basis\[1\]:"
                    r" `Rencana aksi daerah tahun 2025` bukan rujukan peraturan", found[0])
    english = run_cli("validate", path, "--document", "perkada", "--lang", "en")
    assert "is not a regulation reference" in english.output
    # a book does not need it; the render of a legal draft refuses, writing nothing
    out = tmp_path / "out"
    assert run_cli("render", path, "--document", "summary", "-f", "html", "-o", out
                   ).exit_code == 0
    refused = run_cli("render", path, "--document", "legal", "-f", "html", "-o",
                      tmp_path / "legal")
    assert refused.exit_code == 1 and "Traceback" not in refused.output
    assert not (tmp_path / "legal").exists()


def test_a_reference_without_number_is_a_warning(tmp_path: Path) -> None:
    path = spec(tmp_path, [*GOOD_BASIS, "Peraturan Daerah Kabupaten Contoh tentang RPJMD"
                           " Tahun 2025-2029"])
    result = run_cli("validate", path, "--document", "perkada")
    assert result.exit_code == 0
    assert "warning: document.legal_basis[2]: " in result.output
    assert "Nomor N Tahun YYYY" in result.output
    assert run_cli("validate", path, "--document", "perkada", "--strict").exit_code == 1


def test_a_body_without_chair_fails_its_own_decree_only(tmp_path: Path) -> None:
    path = spec(tmp_path, GOOD_BASIS, COUNCIL)
    assert run_cli("validate", path, "--document", "sk-tim").exit_code == 0
    result = run_cli("validate", path, "--document", "sk-dewan", "--lang", "en")
    assert result.exit_code == 1
    (line,) = errors(result.output)
    assert re.search(r":\d+:\d+: error: governance\.council\.members: `governance\.council`"
                     r" has no chair", line)
    # no governance at all: both decrees say what is missing
    bare = spec(tmp_path / "bare", GOOD_BASIS)
    result = run_cli("validate", bare, "--document", "sk-dewan,sk-tim")
    assert "`governance.council`" in result.output
    assert "`governance.implementation_team`" in result.output


def test_a_quick_win_without_kpis_fails_the_commitment(tmp_path: Path) -> None:
    path = spec(tmp_path, GOOD_BASIS, COUNCIL, kpis=False)
    assert run_cli("validate", path, "--document", "all").exit_code == 0
    result = run_cli("validate", path, "--document", "komitmen")
    (line,) = errors(result.output)
    assert re.search(r"error: quick_wins\[0\]: quick win QW-01 tanpa `kpis`", line)


def test_the_document_words() -> None:
    groups = kind_groups()
    assert groups["legal"] == ("perkada", "sk-dewan", "sk-tim", "komitmen")
    assert not set(groups["legal"]) & set(groups["all"])
    assert "masterplan" in groups["all"]
    assert all(KINDS[name].frame == "legal/document.html.j2" for name in groups["legal"])
    assert requirements_of(("masterplan", "perkada", "sk-dewan")) == ("legal_basis", "council")


def test_references_are_recognised_and_ordered_by_hierarchy() -> None:
    basis = ["Peraturan Daerah Kabupaten Contoh Nomor 3 Tahun 2021 tentang RPJMD",
             "Peraturan Presiden Nomor 95 Tahun 2018 tentang SPBE",
             "Undang-Undang Nomor 27 Tahun 2022 tentang Pelindungan Data Pribadi",
             "Peraturan Menteri Dalam Negeri Nomor 80 Tahun 2015 tentang Pembentukan Produk"
             " Hukum Daerah",
             "Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah",
             "Peraturan Pemerintah Nomor 59 Tahun 2022 tentang Perkotaan"]
    assert [reference_kind(item) for item in basis] == ["perda", "perpres", "uu", "permen",
                                                         "uu", "pp"]
    assert ordered(basis) == [basis[4], basis[2], basis[5], basis[1], basis[3], basis[0]]
    assert reference_kind("Pasal 18 ayat (6) Undang-Undang Dasar Negara Republik Indonesia"
                          " Tahun 1945") == "uud"
    assert reference_kind("Rencana aksi daerah") is None
