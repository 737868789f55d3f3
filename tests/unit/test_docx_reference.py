"""A consultant's `--reference-docx` as an attacker would write it.

Two classes of failure, each tested as a class, with real files built here (the hostile
packages by tests/docx_hostile.py):

- whatever the reference points to outside itself (a remote attachedTemplate, links and
  pictures in its headers, OLE objects, sub-documents, frames, customXml, glossary, fonts,
  mail-merge sources, ...) never reaches the output: every relationship of every DOCX made is
  read back, and no external one is left but the hyperlinks of the document's own text;
- a small file never costs much memory: zip headers that lie, damaged or exotic entries,
  and more styles, numbering definitions, relationships, XML or entries than `LIMITS` allow
  are refused, naming the file, before python-docx reads them.
"""

from __future__ import annotations

import dataclasses
import io
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import docx
import pytest
from docx_hostile import (
    EVIL,
    PLANTS,
    PR_NS,
    RT,
    W_NS,
    MiB,
    Package,
    W,
    deflated,
    external_targets,
    hostile,
    inflated,
    with_stream,
    word_template,
)
from helpers import REPO
from lxml import etree

from generator.errors import Diagnostic, SourceSpan, SpecError
from generator.i18n.messages import message
from generator.render.docx import DocxOptions, convert
from generator.render.docx import reference as rf
from generator.render.docx import sanitize as sz

OUR_LINKS = ("https://example.org/rencana", "mailto:tim@example.org")
HTML = ('<!DOCTYPE html><html lang="id"><head><title>t</title></head><body>'
        f'<p>Lihat <a href="{OUR_LINKS[0]}">rencana</a> atau <a href="{OUR_LINKS[1]}">tim</a>.'
        '</p></body></html>')


def options(reference: Path | None) -> DocxOptions:
    return DocxOptions(title="Masterplan", author="Tim", reference_docx=reference)


# --- reading the output back, independently of the converter --------------------------------


def assert_nothing_leaves(data: bytes) -> None:
    """Only the links of our own text point outside; nothing of the attacker is left."""
    assert sorted(external_targets(data)) == sorted(
        ("word/_rels/document.xml.rels", "hyperlink", link) for link in OUR_LINKS)
    for name, content in inflated(data).items():
        assert EVIL.encode() not in content, name
    settings = etree.fromstring(inflated(data)["word/settings.xml"])
    for forbidden in ("attachedTemplate", "linkStyles", "mailMerge"):
        assert settings.find(W + forbidden) is None
    assert settings.find(W + "updateFields").get(W + "val") == "true"  # ours, for the TOC
    document = docx.Document(io.BytesIO(data))  # still a Word document python-docx reads
    assert "rencana" in document.paragraphs[0].text


# --- class 4: nothing external reaches an output --------------------------------------------


def test_our_own_links_are_the_only_external_relationships_with_the_built_in_reference(
        ) -> None:
    result = convert(HTML, options(None))
    assert_nothing_leaves(result.data)
    assert result.warnings == ()


@pytest.mark.parametrize("kind", sorted(PLANTS))
def test_nothing_the_reference_points_to_outside_reaches_the_output(tmp_path: Path,
                                                                   kind: str) -> None:
    reference = hostile(tmp_path, kind)
    assert EVIL.encode() in b"".join(Package(reference.read_bytes()).parts.values())
    result = convert(HTML, options(reference))
    assert_nothing_leaves(result.data)


def test_every_kind_at_once_and_one_warning_names_what_was_dropped(tmp_path: Path) -> None:
    reference = hostile(tmp_path, *PLANTS)
    result = convert(HTML, options(reference))
    assert_nothing_leaves(result.data)
    assert convert(HTML, options(reference)).data == result.data  # reproducible still
    [warning] = [w for w in result.warnings if w.code == "docx.reference_stripped"]
    items = warning.params["items"]
    assert f"attachedTemplate https://{EVIL}/t.dotm" in items
    assert len(items.split(", ")) == 12 and items.endswith(")")  # the first few, and a count
    [diagnostic] = [d for d in result.diagnostics(reference)
                    if d.code == "docx.reference_stripped"]
    assert (diagnostic.span.file, diagnostic.severity) == (str(reference), "warning")
    assert diagnostic.message("en").startswith("removed from konsultan.docx what would make")
    assert diagnostic.message("id").startswith("dibuang dari konsultan.docx karena membuat")


def test_what_is_dropped_is_listed_whatever_it_was(tmp_path: Path) -> None:
    result = convert(HTML, options(hostile(tmp_path, "attachedTemplate", "mail merge",
                                           "frame")))
    [warning] = [w for w in result.warnings if w.code == "docx.reference_stripped"]
    assert warning.params["items"] == (
        f"attachedTemplate https://{EVIL}/t.dotm, mailMergeSource https://{EVIL}/people.csv, "
        f"frame https://{EVIL}/frame.html, w:linkStyles, w:mailMerge")


def test_a_clean_reference_gives_no_such_warning_and_keeps_its_styles(tmp_path: Path) -> None:
    document = docx.Document()
    document.styles["Heading 1"].font.color.rgb = docx.shared.RGBColor(0x80, 0, 0)
    document.save(str(tmp_path / "bersih.docx"))
    result = convert(HTML, options(tmp_path / "bersih.docx"))
    assert [w for w in result.warnings if w.code == "docx.reference_stripped"] == []
    out = docx.Document(io.BytesIO(result.data))
    assert out.styles["Heading 1"].font.color.rgb == docx.shared.RGBColor(0x80, 0, 0)
    assert set(inflated(result.data)) <= {
        "[Content_Types].xml", "_rels/.rels", "docProps/core.xml", "word/document.xml",
        "word/_rels/document.xml.rels", "word/styles.xml", "word/settings.xml",
        "word/webSettings.xml", "word/fontTable.xml", "word/theme/theme1.xml",
        "word/numbering.xml", "word/header1.xml", "word/footer1.xml"}


def test_the_last_check_refuses_what_the_stripping_would_miss(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(rf, "strip_reference", lambda document: [])
    reference = hostile(tmp_path, "attachedTemplate")
    with pytest.raises(SpecError) as caught:
        convert(HTML, options(reference))
    [diagnostic] = caught.value.diagnostics
    assert (diagnostic.span.file, diagnostic.code) == (str(reference),
                                                       "docx.reference_external_left")
    assert f"attachedTemplate https://{EVIL}/t.dotm" in diagnostic.message("en")
    assert "w:attachedTemplate" in diagnostic.message("en")


def test_the_last_check_allows_only_web_and_mail_links_of_the_document() -> None:
    data = convert(HTML, options(None)).data
    assert sz.external_relationships(data) == []
    parts = inflated(data)
    rels = "word/_rels/document.xml.rels"
    for target, kind, where in [("file:///etc/passwd", "hyperlink", rels),
                                ("javascript:alert(1)", "hyperlink", rels),
                                ("https://example.org/x.png", "image", rels),
                                ("https://example.org/", "hyperlink", "_rels/.rels")]:
        changed = dict(parts)
        root = etree.fromstring(changed[where])
        etree.SubElement(root, f"{{{PR_NS}}}Relationship", Id="rIdX", Type=RT + kind,
                         Target=target, TargetMode="External")
        changed[where] = etree.tostring(root)
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            for name, content in changed.items():
                archive.writestr(name, content)
        assert sz.external_relationships(buffer.getvalue()) == [f"{where}: {kind} {target}"]


# --- class 7: a small file never costs much ---------------------------------------------------


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


def test_a_part_that_should_be_xml_and_is_not_is_dropped_not_copied(tmp_path: Path) -> None:
    package = word_template()
    package.parts["word/theme/theme1.xml"] = b"\x89PNG not a theme " + EVIL.encode()
    result = convert(HTML, options(package.save(tmp_path / "tema.docx")))
    assert_nothing_leaves(result.data)
    assert "word/theme/theme1.xml" not in inflated(result.data)
