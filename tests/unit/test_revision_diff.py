"""`masterplan diff`: the changes between an example and an edited copy are exactly the
edits made, each positioned in both files; the change log in text and JSON."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.documents.revision import RevisionView
from generator.pipeline import check_revision
from generator.words import tokens, word_diff
from tests.revision_edits import NARRATIVE_TAIL, edited_copy

EXAMPLES = sorted(Path(__file__).resolve().parents[2].glob("examples/*/masterplan.yaml"))


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.parent.name)
def test_diff_lists_exactly_the_edits(example: Path, tmp_path: Path) -> None:
    old, new, done = edited_copy(example, tmp_path)
    revision = check_revision(old, new)
    found = {(c.kind, c.aspect, c.item.split()[0] if c.aspect != "narrative" else c.item)
             for c in revision.changes}
    assert found == {
        ("changed", "budget", done["budget"]), ("removed", "program", done["removed"]),
        ("moved", "program", done["moved"]), ("added", "program", done["added"]),
        ("changed", "narrative", done["narrative"])}
    assert len(revision.changes) == 5
    moved = next(c for c in revision.changes if c.kind == "moved")
    assert moved.after == done["moved_to"]
    assert moved.old_at is not None and moved.old_at.file == str(old)
    assert moved.new_at is not None and moved.new_at.file == str(new)
    narrative = next(c for c in revision.changes if c.aspect == "narrative")
    assert ("insert", NARRATIVE_TAIL.strip()) in [(op, t.strip()) for op, t in narrative.words]
    removed = next(c for c in revision.changes if c.kind == "removed")
    line = old.read_text(encoding="utf-8").splitlines()[removed.old_at.line - 1]
    assert done["removed"] in line and removed.new_at is None


def test_the_same_spec_has_no_change() -> None:
    revision = check_revision(EXAMPLES[0], EXAMPLES[0])
    assert revision.changes == []
    assert RevisionView(revision, "en").count_line().startswith("0 changes")


def test_text_and_json_change_log(tmp_path: Path) -> None:
    example = next(p for p in EXAMPLES if p.parent.name == "minimal")
    old, new, _ = edited_copy(example, tmp_path)
    runner = CliRunner()
    text = runner.invoke(main, ["diff", str(old), str(new)])
    assert text.exit_code == 0, text.output
    assert "5 perubahan: 1 ditambah, 1 dihapus, 1 dipindah, 2 diubah" in text.output
    assert f"{{+{NARRATIVE_TAIL.strip()}+}}" in text.output
    assert f"{old}:" in text.output and f"{new}:" in text.output
    english = runner.invoke(main, ["diff", str(old), str(new), "--lang", "en"])
    assert "5 changes: 1 added, 1 removed, 1 moved, 2 changed" in english.output
    result = runner.invoke(main, ["diff", str(old), str(new), "--format", "json"])
    log = json.loads(result.output)
    assert log["counts"] == {"added": 1, "removed": 1, "moved": 1, "changed": 2}
    budget = next(c for c in log["changes"] if c["aspect"] == "budget")
    assert budget["after"]["total"] - budget["before"]["total"] == 125_000_000
    assert budget["old_at"]["line"] > 0 and budget["new_at"]["line"] > 0


def test_an_invalid_spec_is_refused_with_positions(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("region: [\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["diff", str(EXAMPLES[0]), str(bad)])
    assert result.exit_code == 1
    assert f"{bad}:" in result.output and "Traceback" not in result.output


def test_word_diff_gives_both_texts_back() -> None:
    old, new = "Sampah belum terpilah dari sumbernya.", "Sampah sudah terpilah  di desa."
    pieces = word_diff(old, new)
    assert "".join(t for op, t in pieces if op != "insert").split() == old.split()
    assert "".join(t for op, t in pieces if op != "delete") == "Sampah sudah terpilah  di desa."
    assert "".join(tokens("  a b  c ")) == "  a b  c "


@pytest.mark.parametrize(("lang", "name", "target", "budget"), [
    ("id", "nama", "indikator ke-2, target 2030", "anggaran"),
    ("en", "name", "indicator 2, target 2030", "budget"),
])
def test_the_change_log_names_fields_in_the_readers_language(
        tmp_path: Path, lang: str, name: str, target: str, budget: str) -> None:
    """Field names in the language of the log, list items counted from 1 (the second
    indicator is `indikator ke-2`), the 0-based spec path beside them as `validate`'s."""
    example = next(p for p in EXAMPLES if p.parent.name == "minimal")
    second = (" " * 14 + '- {name: "Layanan perizinan daring", unit: "%",'
              " targets: {2030: 100}}\n")
    old_text = example.read_text("utf-8").replace(
        second, second + second.replace("Layanan perizinan daring", "Izin terbit")
        .replace("100}", "50}"), 1)
    new_text = old_text.replace("{2030: 50}", "{2030: 80}", 1).replace(
        "amount: 500000000", "amount: 600000000", 1)
    pid_line = old_text[:old_text.index(second)].rsplit("- id: ", 1)[1].splitlines()[0]
    new_text = new_text.replace(f'name: "{_name_after(old_text, pid_line)}"',
                                'name: "Perizinan Terpadu Daring"', 1)
    (tmp_path / "old.yaml").write_text(old_text, "utf-8")
    (tmp_path / "new.yaml").write_text(new_text, "utf-8")
    result = CliRunner().invoke(main, ["diff", str(tmp_path / "old.yaml"),
                                       str(tmp_path / "new.yaml"), "--lang", lang])
    assert result.exit_code == 0, result.output
    for field in (name, target, budget):
        assert f" · {field}\n" in result.output, (field, result.output)
    for english in ("· name\n", "· budget\n", "· indicator") if lang == "id" else ():
        assert english not in result.output
    assert "indicators[1].targets.2030" in result.output or \
        ".indicators[1]" in result.output


def _name_after(text: str, pid: str) -> str:
    after = text[text.index(f"- id: {pid}"):]
    return after.split('name: "', 1)[1].split('"', 1)[0]
