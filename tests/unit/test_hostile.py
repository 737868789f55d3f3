"""Hostile and broken specs (real files under tests/data/hostile/): each one is refused with a
single positioned message, exit code 1, quickly, and without a traceback."""

from __future__ import annotations

import signal
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers import (
    HOSTILE,
    compact_text,
    diagnostic_lines,
    expect,
    filled_spec,
    position_of,
    run_cli,
    run_module,
    set_in,
    write_spec,
)

from generator.spec.load import MAX_SPEC_BYTES

TAB = "karakter tab tidak boleh dipakai untuk indentasi YAML; gunakan spasi"
NOT_UTF8 = "berkas bukan teks UTF-8 (bita {}); simpan ulang sebagai UTF-8"
TOO_DEEP = "struktur bersarang terlalu dalam (lebih dari 32 tingkat)"
CONTROL = ("karakter kendali {} tidak diperbolehkan (sering terbawa saat menyalin dari Word);"
           " hapus karakter tersebut")
DIRECTIVE = "direktif YAML (%YAML, %TAG) tidak didukung; hapus baris tersebut"
TAG = "tag YAML {} tidak diperbolehkan; hapus tag tersebut"
COMPLEX_KEY = "kunci harus berupa teks sederhana, bukan daftar atau pemetaan"
ROOT = "tingkat teratas harus berupa pemetaan (kunci: nilai), ditemukan {}"

# file → (line, col, key path, message): the one diagnostic `masterplan validate` prints.
CASES: dict[str, tuple[int, int, str, str]] = {
    "syntax_unclosed_flow.yaml": (5, 7, "", "`[` yang dibuka di baris 4 belum ditutup dengan `]`"),
    "syntax_value_after_value.yaml": (
        3, 24, "", "titik dua (`: `) tidak boleh di sini; mungkin baris baru terlewat, atau teks"
        " yang memuat `: ` perlu diberi tanda kutip"),
    "tab_indent.yaml": (4, 1, "", TAB),
    "duplicate_key.yaml": (5, 3, "", "kunci `code` muncul dua kali (pertama di baris 3)"),
    "windows1252.yaml": (6, 24, "", NOT_UTF8.format("0x96")),
    "utf8_then_cp1252.yaml": (3, 28, "", NOT_UTF8.format("0x96")),
    "bom_not_utf8.yaml": (3, 12, "", NOT_UTF8.format("0xE9")),
    "empty.yaml": (
        1, 1, "", "berkas kosong; diharapkan spec masterplan (pemetaan kunci: nilai)"),
    "comments_only.yaml": (
        1, 1, "", "berkas kosong; diharapkan spec masterplan (pemetaan kunci: nilai)"),
    "root_list.yaml": (2, 1, "", ROOT.format("daftar (list)")),
    "root_scalar.yaml": (2, 1, "", ROOT.format("teks")),
    "several_documents.yaml": (
        4, 1, "", "berkas berisi lebih dari satu dokumen YAML (`---`); satu berkas hanya untuk"
        " satu daerah"),
    "tag_python_apply.yaml": (3, 9, "", TAG.format("!!python/object/apply:os.system")),
    "tag_python_name.yaml": (3, 9, "", TAG.format("!!python/name:os.system")),
    "tag_include.yaml": (2, 10, "", TAG.format("!include")),
    "tag_binary.yaml": (3, 9, "", TAG.format("!!binary")),
    "tag_set.yaml": (2, 11, "", TAG.format("!!set")),
    "alias_bomb.yaml": (
        2, 4, "", "anchor YAML (&a) tidak didukung; tuliskan nilainya secara lengkap"),
    "anchor_alias.yaml": (
        3, 5, "", "anchor YAML (&kominfo) tidak didukung; tuliskan nilainya secara lengkap"),
    "alias_undefined.yaml": (
        3, 5, "", "alias YAML (*kominfo) tidak didukung; tuliskan nilainya secara lengkap"),
    "deep_flow.yaml": (2, 41, "", TOO_DEEP),
    "deep_block.yaml": (3, 65, "", TOO_DEEP),
    "control_vt_raw.yaml": (3, 20, "", CONTROL.format("U+000B")),
    "control_ff_raw.yaml": (5, 5, "", CONTROL.format("U+000C")),
    "control_vt_escape.yaml": (3, 15, "", CONTROL.format("U+000B")),
    "budget_nan.yaml": (
        5, 30, "", "angka .nan tidak diperbolehkan; diharapkan angka terhingga"),
    "budget_inf.yaml": (
        6, 17, "", "angka -.inf tidak diperbolehkan; diharapkan angka terhingga"),
    "budget_thousands.yaml": (
        54, 44, "dimensions.governance.sub_dimensions.bureaucracy.programs[0].budget[0].amount",
        "diharapkan bilangan bulat, ditemukan bilangan desimal `500.000`; jika maksudnya"
        " 500 ribu, tulis 500000 tanpa titik pemisah ribuan"),
    "region_code_unquoted.yaml": (
        5, 9, "region.code",
        "diharapkan teks, ditemukan bilangan desimal `35.10`; tulis dalam tanda kutip: \"35.10\""),
    "directive_yaml11.yaml": (2, 1, "", DIRECTIVE),
    "directive_yaml13.yaml": (3, 1, "", DIRECTIVE),
    "directive_tag.yaml": (2, 1, "", DIRECTIVE),
    "merge_key.yaml": (3, 3, "", "kunci gabungan YAML (`<<`) tidak didukung"),
    "mapping_as_key.yaml": (3, 5, "", COMPLEX_KEY),
    "list_as_key.yaml": (3, 5, "", COMPLEX_KEY),
    "bool_key.yaml": (3, 3, "", "kunci `true` harus berupa teks"),
}

def expected_line(name: str) -> str:
    line, col, where, message = CASES[name]
    return expect(HOSTILE / name, line, col, "error", where, message)


@pytest.fixture
def deadline() -> Iterator[None]:
    """Fail (instead of hanging) when the test body runs longer than 10 seconds."""
    def expired(_signum: int, _frame: object) -> None:
        raise TimeoutError("a hostile spec took more than 10 seconds")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, 10)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def test_every_hostile_file_has_a_case_and_every_case_a_file() -> None:
    on_disk = {path.name for path in HOSTILE.glob("*.yaml")} - {"bom_valid.yaml"}
    assert on_disk == set(CASES)


@pytest.mark.parametrize(("name", "written"), [("budget_thousands.yaml", "500.000,"),
                                               ("region_code_unquoted.yaml", "35.10\n")])
def test_the_defect_stands_where_the_case_says(name: str, written: str) -> None:
    line, col = CASES[name][:2]
    text = (HOSTILE / name).read_text(encoding="utf-8")
    assert text.splitlines(keepends=True)[line - 1][col - 1:].startswith(written)
    # and the rest of the file is the valid compact spec
    assert text.split("spec_version: 1\n", 1)[1].count("\n") == compact_text().split(
        "spec_version: 1\n", 1)[1].count("\n")


def test_hostile_files_start_with_a_comment_saying_what_they_are() -> None:
    for name in CASES:
        data = (HOSTILE / name).read_bytes()
        if name != "empty.yaml":
            assert data.removeprefix(b"\xef\xbb\xbf").startswith(b"# Hostile"), name


@pytest.fixture(params=["c-parser", "pure-python-parser"])
def parser(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Every hostile file goes through both parsers the loader can use."""
    import generator.spec.load

    if request.param == "c-parser":
        pytest.importorskip("ruamel.yaml.cyaml")
    monkeypatch.setattr(generator.spec.load, "USE_C_PARSER", request.param == "c-parser")
    return str(request.param)


@pytest.mark.usefixtures("deadline", "parser")
@pytest.mark.parametrize("name", sorted(CASES))
def test_hostile_file_gives_one_positioned_error(name: str) -> None:
    started = time.monotonic()
    result = run_cli("validate", HOSTILE / name)
    assert time.monotonic() - started < 10
    assert result.exit_code == 1, result.output
    assert diagnostic_lines(result.stdout) == [expected_line(name)]
    assert result.stdout.splitlines() == [expected_line(name)]
    assert result.stderr == f"{HOSTILE / name}: TIDAK valid (1 galat, 0 peringatan)\n"
    assert "Traceback" not in result.output


def test_hostile_files_in_a_real_process_never_hang_nor_show_a_traceback() -> None:
    names = sorted(CASES)
    started = time.monotonic()
    process = run_module("validate", *(HOSTILE / name for name in names), timeout=20)
    assert time.monotonic() - started < 20
    assert process.returncode == 1
    assert "Traceback" not in process.stderr + process.stdout
    assert process.stdout.splitlines() == [expected_line(name) for name in names]
    assert len(process.stderr.splitlines()) == len(names)  # one summary per file, nothing else


@pytest.mark.parametrize("name", ["alias_bomb.yaml", "deep_flow.yaml", "deep_block.yaml",
                                  "tag_python_apply.yaml", "windows1252.yaml",
                                  "directive_yaml13.yaml"])
def test_worst_cases_one_process_each(name: str) -> None:
    process = run_module("validate", "--lang", "id", HOSTILE / name, timeout=20)
    assert process.returncode == 1
    assert process.stdout == expected_line(name) + "\n"
    assert "Traceback" not in process.stderr


def test_python_tags_are_never_executed() -> None:
    marker = Path("/tmp/masterplan-pwned")  # the path the hostile file's command would write
    existed = marker.exists()
    run_cli("validate", HOSTILE / "tag_python_apply.yaml")
    assert marker.exists() == existed


def test_alias_bomb_is_not_expanded_in_the_json_report() -> None:
    result = run_cli("validate", "--format", "json", HOSTILE / "alias_bomb.yaml")
    assert result.exit_code == 1
    assert len(result.stdout) < 2000
    assert '"code": "yaml.anchor"' in result.stdout


def test_a_bom_file_loads_and_only_reports_what_is_really_missing() -> None:
    path = HOSTILE / "bom_valid.yaml"
    result = run_cli("validate", "--lang", "en", path)
    lines = diagnostic_lines(result.stdout)
    assert lines[0] == expect(path, 1, 1, "error", "", "required key `document` is missing")
    assert not any("UTF" in line or "yaml" in line.lower().split(": ", 2)[-1] for line in lines)
    assert expect(path, 3, 3, "error", "region", "required key `code` is missing") in lines


def test_a_bom_in_front_of_a_valid_spec_is_fine(tmp_path: Path) -> None:
    path = tmp_path / "bom.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + compact_text().encode("utf-8"))
    result = run_cli("validate", "--strict", path)
    assert (result.exit_code, result.stdout) == (0, "")


def test_crlf_line_endings_keep_positions(tmp_path: Path) -> None:
    path = tmp_path / "crlf.yaml"
    text = compact_text().replace("amount: 250000000", "amount: 250.000")
    path.write_bytes(text.replace("\n", "\r\n").encode("utf-8"))
    result = run_cli("validate", path)
    line, col = position_of(text, "250.000")
    assert diagnostic_lines(result.stdout)[0].startswith(f"{path}:{line}:{col}: error: ")


@pytest.mark.usefixtures("deadline")
def test_a_huge_file_is_refused_before_it_is_read(tmp_path: Path) -> None:
    path = tmp_path / "huge.yaml"
    line = b"- {code: DISKOMINFO, name: Dinas Komunikasi, Informatika dan Persandian}\n"
    with path.open("wb") as stream:
        stream.write(b"# Hostile: a 6 MB spec.\nagencies:\n")
        while stream.tell() < 6 * 1024 * 1024:
            stream.write(line * 1000)
    size = path.stat().st_size
    result = run_cli("validate", path)
    assert result.exit_code == 1
    assert result.stdout == expect(
        path, 1, 1, "error", "",
        # Indonesian decimals in an Indonesian message: `6,0 MiB`, never `6.0 MiB`
        f"berkas terlalu besar: {size / 1024 / 1024:.1f} MiB, batasnya ".replace(".", ",")
        + f"{MAX_SPEC_BYTES / 1024 / 1024:.1f} MiB".replace(".", ",")) + "\n"


@pytest.mark.usefixtures("deadline")
def test_a_deep_block_mapping_generated_in_place(tmp_path: Path) -> None:
    path = tmp_path / "deep.yaml"
    path.write_text("".join(" " * level + "k:\n" for level in range(1000)) + " " * 1000 + "1\n")
    result = run_cli("validate", path)
    assert result.exit_code == 1
    assert result.stdout == expect(path, 33, 33, "error", "", TOO_DEEP) + "\n"


def test_a_directory_as_the_spec(tmp_path: Path) -> None:
    result = run_cli("validate", tmp_path)
    assert result.exit_code == 1
    assert result.stdout == expect(tmp_path, 1, 1, "error", "",
                                   "ini folder, bukan berkas spec") + "\n"


@pytest.mark.usefixtures("deadline")
def test_dev_zero_as_the_spec() -> None:
    result = run_cli("validate", "--lang", "en", "/dev/zero")
    assert result.exit_code == 1
    assert result.stdout == expect(Path("/dev/zero"), 1, 1, "error", "",
                                   "not a regular file (a device, pipe or socket)") + "\n"


def test_a_missing_spec(tmp_path: Path) -> None:
    result = run_cli("validate", tmp_path / "nope.yaml")
    assert result.exit_code == 1
    assert result.stdout == expect(tmp_path / "nope.yaml", 1, 1, "error", "",
                                   "berkas tidak ditemukan") + "\n"


def test_a_directory_and_dev_zero_in_a_real_process() -> None:
    process = run_module("validate", HOSTILE, "/dev/zero", timeout=20)
    assert process.returncode == 1
    assert process.stdout.splitlines() == [
        f"{HOSTILE}:1:1: error: ini folder, bukan berkas spec",
        "/dev/zero:1:1: error: bukan berkas biasa (perangkat, pipa, atau soket)"]
    assert "Traceback" not in process.stderr


_PROGRAM = "dimensions.governance.sub_dimensions.public_service.programs[0]"


@pytest.mark.parametrize("path", [
    "region.type", "readiness.structure.human_resources.status", f"{_PROGRAM}.id",
    f"{_PROGRAM}.horizon", "agencies[0].code", "funding_sources"])
@pytest.mark.parametrize("value", [["x"], {"x": 1}], ids=["list", "mapping"])
def test_a_list_or_mapping_where_a_word_belongs_is_an_error_not_a_crash(
        tmp_path: Path, path: str, value: object) -> None:
    """The rules looked such values up in tables of words (unhashable: a traceback)."""
    spec = filled_spec()
    if path == "funding_sources":
        spec["funding_sources"] = [{"code": value, "name": "Dana"}]
    else:
        set_in(spec, path, value)
    result = run_cli("validate", write_spec(tmp_path, spec))
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output and diagnostic_lines(result.stdout)

