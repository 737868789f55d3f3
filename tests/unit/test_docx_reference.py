"""A consultant's `--reference-docx` as an attacker would write it, with real files built
here (the hostile packages by tests/docx_hostile.py).

A small file never costs much memory: zip headers that lie, damaged or exotic entries, and
more styles, numbering definitions, relationships, XML or entries than `LIMITS` allow are
refused, naming the file, before python-docx reads them.
"""

from __future__ import annotations

import dataclasses
import os
import subprocess
import sys
from pathlib import Path

import pytest
from docx_hostile import (
    PR_NS,
    RT,
    W_NS,
    MiB,
    deflated,
    with_stream,
    word_template,
)
from helpers import REPO

from generator.errors import Diagnostic, SourceSpan, SpecError
from generator.i18n.messages import message
from generator.render.docx import DocxOptions, convert
from generator.render.docx import reference as rf

OUR_LINKS = ("https://example.org/rencana", "mailto:tim@example.org")
HTML = ('<!DOCTYPE html><html lang="id"><head><title>t</title></head><body>'
        f'<p>Lihat <a href="{OUR_LINKS[0]}">rencana</a> atau <a href="{OUR_LINKS[1]}">tim</a>.'
        '</p></body></html>')


def options(reference: Path | None) -> DocxOptions:
    return DocxOptions(title="Masterplan", author="Tim", reference_docx=reference)


# --- a small file never costs much -----------------------------------------------------------


def refusal_of(reference: Path) -> Diagnostic:
    with pytest.raises(SpecError) as caught:
        convert(HTML, options(reference))
    [diagnostic] = caught.value.diagnostics
    assert (diagnostic.span.file, diagnostic.path) == (str(reference), "--reference-docx")
    return diagnostic


STYLES = word_template().parts["word/styles.xml"]


@pytest.mark.parametrize(("name", "data", "code"), [
    # the header claims the real styles (size and CRC), the stream inflates 64 MiB further:
    # zipfile would inflate all of it before cutting it to the declared size
    ("inflates beyond its size", with_stream(STYLES, deflated(STYLES, b" " * MiB, repeat=64)),
     "docx.reference_part_inflates"),
    ("declares less than it has", with_stream(STYLES, deflated(STYLES), declared=1000),
     "docx.reference_part_inflates"),
    ("declares more than it has", with_stream(STYLES, deflated(STYLES),
                                              declared=len(STYLES) + 1),
     "docx.reference_part_damaged"),
    ("wrong CRC", with_stream(STYLES, deflated(STYLES), crc=1), "docx.reference_part_damaged"),
    ("cut short", with_stream(STYLES, deflated(STYLES)[:-500]), "docx.reference_part_damaged"),
    ("not deflate", with_stream(STYLES, b"\xff" + deflated(STYLES)[1:]),
     "docx.reference_part_damaged"),
    ("stored, longer than declared", with_stream(STYLES, STYLES, method=0, declared=10),
     "docx.reference_part_inflates"),
    ("bzip2", with_stream(STYLES, deflated(STYLES), method=12), "docx.reference_part_method"),
    ("encrypted", with_stream(STYLES, deflated(STYLES), flags=1), "docx.reference_part_method"),
])
def test_an_entry_whose_header_lies_is_refused(tmp_path: Path, name: str, data: bytes,
                                               code: str) -> None:
    path = tmp_path / "bohong.docx"
    path.write_bytes(data)
    diagnostic = refusal_of(path)
    assert (diagnostic.code, diagnostic.params["part"]) == (code, "word/styles.xml"), name
    assert "word/styles.xml" in diagnostic.message("en")
    assert "word/styles.xml" in diagnostic.message("id")


def test_the_honest_version_of_the_lying_file_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "jujur.docx"
    path.write_bytes(with_stream(STYLES, deflated(STYLES)))
    assert convert(HTML, options(path)).data


def xml_part(root: str, child: str, count: int) -> bytes:
    return (f'<w:{root} xmlns:w="{W_NS}">'.encode() + child.encode() * count
            + f"</w:{root}>".encode())


def test_more_styles_than_the_limit_is_refused_the_limit_itself_is_not(tmp_path: Path) -> None:
    style = '<w:style w:type="paragraph" w:styleId="S"><w:name w:val="s"/></w:style>'
    package = word_template()
    package.parts["word/styles.xml"] = xml_part("styles", style, rf.LIMITS.styles)
    assert convert(HTML, options(package.save(tmp_path / "penuh.docx"))).data
    package.parts["word/styles.xml"] = xml_part("styles", style, rf.LIMITS.styles + 1)
    diagnostic = refusal_of(package.save(tmp_path / "terlalu.docx"))
    assert diagnostic.code == "docx.reference_too_many_styles"
    assert diagnostic.message("en") == (f"`word/styles.xml` holds more than {rf.LIMITS.styles}"
                                        " styles; use a template with fewer styles")


@pytest.mark.parametrize("element", [
    '<w:abstractNum w:abstractNumId="1"/>', '<w:num w:numId="1"><w:abstractNumId w:val="1"/>'
    "</w:num>"])
def test_more_numbering_definitions_than_the_limit_is_refused(tmp_path: Path,
                                                              element: str) -> None:
    package = word_template()
    package.parts["word/numbering.xml"] = xml_part("numbering", element, rf.LIMITS.lists + 1)
    assert refusal_of(package.save(tmp_path / "daftar.docx")).code == (
        "docx.reference_too_many_lists")


def test_more_relationships_than_the_limit_is_refused(tmp_path: Path) -> None:
    package = word_template()
    package.parts["word/_rels/settings.xml.rels"] = (
        f'<Relationships xmlns="{PR_NS}">'.encode() + b"".join(
            f'<Relationship Id="r{i}" Type="{RT}image" Target="x.png"/>'.encode()
            for i in range(rf.LIMITS.relationships + 1)) + b"</Relationships>")
    diagnostic = refusal_of(package.save(tmp_path / "relasi.docx"))
    assert (diagnostic.code, diagnostic.params["part"]) == (
        "docx.reference_too_many_relationships", "word/_rels/settings.xml.rels")


@pytest.mark.parametrize(("limit", "code"), [
    ({"nodes": 50_000}, "docx.reference_too_many_nodes"),
    ({"xml_bytes": 1_000_000}, "docx.reference_xml_too_large"),
    ({"unpacked": 1_000_000}, "docx.reference_unpacks_too_large"),
])
def test_more_xml_or_bytes_than_the_limits_is_refused(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch,
                                                      limit: dict[str, int], code: str) -> None:
    # elements nothing of ours loops over (latent style exceptions), in a part of 1.4 MB
    monkeypatch.setattr(rf, "LIMITS", dataclasses.replace(rf.LIMITS, **limit))
    exception = '<w:lsdException w:name="x" w:uiPriority="9"/>'
    package = word_template()
    package.parts["word/styles.xml"] = xml_part("styles", exception, 30_000)
    assert refusal_of(package.save(tmp_path / "besar.docx")).code == code


def test_more_entries_than_the_limit_is_refused_before_zipfile_reads_them(
        tmp_path: Path) -> None:
    package = word_template()
    for number in range(rf.LIMITS.entries):
        package.parts[f"word/media/e{number}.bin"] = b""
    assert refusal_of(package.save(tmp_path / "entri.docx")).code == (
        "docx.reference_too_many_parts")


def test_refusals_are_translated_and_name_the_option() -> None:
    for code, params in [("docx.reference_part_inflates", {"part": "p", "declared": 5}),
                         ("docx.reference_too_many_nodes", {"limit": 9})]:
        assert message(code, "id", **params) != message(code, "en", **params)
        diagnostic = Diagnostic(SourceSpan("/x/k.docx", 0, 0), "error", "--reference-docx",
                                code, params)
        assert diagnostic.format("en").startswith("/x/k.docx: error: --reference-docx: ")


LYING_CHILD = """
import resource, sys
from pathlib import Path
from generator.errors import SpecError
from generator.render.docx import DocxOptions, convert
html = '<html><body><p>x</p></body></html>'
convert(html, DocxOptions())  # python-docx and the converter loaded, the built-in reference read
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
try:
    convert(html, DocxOptions(reference_docx=Path(sys.argv[1])))
except SpecError as error:
    print(error.diagnostics[0].code)
print((resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) // 1024)
"""


def test_a_lying_header_costs_no_memory(tmp_path: Path) -> None:
    """512 MiB of padding behind a header that declares the real styles: zipfile alone
    would hold all of it at once (2.1 GiB peak for 3 GiB of padding, before this check)."""
    path = tmp_path / "bom.docx"
    path.write_bytes(with_stream(STYLES, deflated(STYLES, b" " * MiB, repeat=512)))
    done = subprocess.run([sys.executable, "-c", LYING_CHILD, str(path)], capture_output=True,
                          text=True, timeout=120, check=True, cwd=REPO,
                          env={**os.environ, "PYTHONPATH": str(REPO)})
    code, grown = done.stdout.split()
    assert code == "docx.reference_part_inflates"
    assert int(grown) < 32, f"the peak grew by {grown} MiB"

