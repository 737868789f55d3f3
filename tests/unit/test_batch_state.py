"""The incremental state: what the fingerprint covers, and a damaged state file."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
from helpers import build_file_tree

from generator.batch.state import (
    STATE_NAME,
    State,
    asset_hashes,
    outputs_intact,
    spec_fingerprint,
    templates_fingerprint,
    tool_fingerprint,
)
from generator.hashing import sha256_file
from generator.settings import RenderSettings


def fingerprint(spec: Path, *, options: dict[str, Any] | None = None,
                template_dir: Path | None = None) -> str:
    settings = RenderSettings(**(options or {"formats": ("pdf",)}), template_dir=template_dir)
    return spec_fingerprint(
        tool=tool_fingerprint(), templates=templates_fingerprint(),
        options=settings.fingerprint(),
        spec_sha256=sha256_file(spec) or "", assets=asset_hashes(spec, ["logo.png"]))


def test_every_input_changes_the_fingerprint(tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    build_file_tree(tmp_path, {"spec/masterplan.yaml": "a: 1\n", "spec/logo.png": b"PNG1",
                               "tpl/style.css": "body {}\n"})
    spec = tmp_path / "spec" / "masterplan.yaml"
    first = fingerprint(spec)
    assert fingerprint(spec) == first  # deterministic
    seen = {first}

    def changed(value: str) -> None:
        assert value not in seen
        seen.add(value)

    (tmp_path / "spec" / "logo.png").write_bytes(b"PNG2")
    changed(fingerprint(spec))
    spec.write_text("a: 2\n", encoding="utf-8")
    changed(fingerprint(spec))
    changed(fingerprint(spec, options={"formats": ("pdf", "docx")}))
    changed(fingerprint(spec, template_dir=tmp_path / "tpl"))
    (tmp_path / "tpl" / "style.css").write_text("body { color: red }\n", encoding="utf-8")
    changed(fingerprint(spec, template_dir=tmp_path / "tpl"))
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    changed(fingerprint(spec))


def test_every_settings_field_that_changes_a_document_is_in_the_fingerprint(
        tmp_path: Path) -> None:
    """A field counts unless it says otherwise: a forgotten option cannot serve a stale file."""
    import dataclasses

    reference = tmp_path / "ref.docx"
    reference.write_bytes(b"one")
    base = RenderSettings()
    changes: dict[str, Any] = {
        "documents": ("summary",), "formats": ("docx",), "lang": "en",
        "template_dir": tmp_path, "reference_docx": reference, "pdf_variant": "pdf/a-3b",
        "strict": True, "outdir": tmp_path / "elsewhere", "messages_lang": "en",
        "timeout": 5.0, "memory_limit": 1, "template_seconds": 1, "docx_toc": "field",
        "redline": reference, "framework": "komdigi-2026", "reference_pptx": reference,
        "docx_charts": "picture"}
    assert set(changes) == {f.name for f in dataclasses.fields(RenderSettings)}
    for name, value in changes.items():
        counts = dataclasses.fields(RenderSettings)[
            [f.name for f in dataclasses.fields(RenderSettings)].index(name)].metadata.get(
            "output", True)
        changed = base.replace(**{name: value}).fingerprint() != base.fingerprint()
        assert changed == counts, name
    with_reference = base.replace(reference_docx=reference)
    before = with_reference.fingerprint()
    reference.write_bytes(b"two")  # the file's content, not its name
    assert with_reference.fingerprint() != before
    assert RenderSettings.from_plain(with_reference.to_plain()) == with_reference.replace(
        reference_docx=reference.resolve(), outdir=Path("out").resolve())
    with_redline = base.replace(redline=reference)  # the older spec: by content too
    before = with_redline.fingerprint()
    reference.write_bytes(b"three")
    assert with_redline.fingerprint() != before


def test_whether_libreoffice_is_there_counts_for_docx_page_numbers(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A DOCX made without LibreOffice has no page numbers in its contents: installing it
    must render the spec again."""
    (tmp_path / "with").mkdir()
    (tmp_path / "without").mkdir()
    fake = tmp_path / "with" / "soffice"
    fake.write_text("#!/bin/sh\n", encoding="utf-8")
    fake.chmod(0o755)

    def fingerprints(settings: RenderSettings) -> set[str]:
        found = set()
        for folder in ("with", "without"):
            monkeypatch.setenv("PATH", str(tmp_path / folder))
            found.add(settings.fingerprint())
        return found

    docx = RenderSettings(formats=("docx",))
    assert len(fingerprints(docx)) == 2
    assert len(fingerprints(docx.replace(docx_toc="field"))) == 1
    assert len(fingerprints(RenderSettings(formats=("pdf", "html")))) == 1


def test_asset_hashes_never_open_what_is_not_a_plain_relative_file(tmp_path: Path) -> None:
    build_file_tree(tmp_path, {"masterplan.yaml": "", "logo.png": b"x"})
    os.mkfifo(tmp_path / "fifo")  # opening it would block forever
    hashes = asset_hashes(tmp_path / "masterplan.yaml",
                          ["logo.png", "fifo", "../etc/passwd", "/etc/passwd", "http://x/y.png",
                           "missing.png"])
    assert hashes["logo.png"] is not None
    assert {k for k, v in hashes.items() if v is None} == {
        "fifo", "../etc/passwd", "/etc/passwd", "http://x/y.png", "missing.png"}


def entry(name: str = "a.pdf", size: int = 3) -> dict[str, Any]:
    return {"spec_sha256": "s", "fingerprint": "f", "warnings": [],
            "identity": {"code": "35.07", "cohort_year": 2025, "assets": []},
            "outputs": [{"name": name, "size": size}]}


def test_state_round_trip_and_intact_outputs(tmp_path: Path) -> None:
    state = State(tmp_path)
    state.put("a/masterplan.yaml", entry())
    assert State(tmp_path).load().get("a/masterplan.yaml") == entry()
    assert not outputs_intact(tmp_path, entry()["outputs"])  # the file is missing
    (tmp_path / "a.pdf").write_bytes(b"abc")
    assert outputs_intact(tmp_path, entry()["outputs"])
    (tmp_path / "a.pdf").write_bytes(b"abcd")
    assert not outputs_intact(tmp_path, entry()["outputs"])  # size changed
    assert not outputs_intact(tmp_path, entry("../a.pdf")["outputs"])
    state.drop("a/masterplan.yaml")
    assert State(tmp_path).load().specs == {}


@pytest.mark.parametrize("content", [
    b"", b"{not json", b"[]", b'{"format": 99, "specs": {}}', b"\xff\xfe",
    json.dumps({"format": 1, "specs": {"x": {"fingerprint": 3}}}).encode(),
])
def test_a_damaged_state_file_costs_only_a_full_render(tmp_path: Path, content: bytes) -> None:
    (tmp_path / STATE_NAME).write_bytes(content)
    state = State(tmp_path).load()
    assert state.specs == {}
    state.put("k", entry())  # and it is replaced by a good one
    assert State(tmp_path).load().get("k") == entry()
