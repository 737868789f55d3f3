"""`masterplan render NEW --redline OLD`: the book with the changes from OLD marked; in the
DOCX as real tracked changes that LibreOffice accepts (giving the new version's text) and
rejects (giving the old one's); and the change matrix of `masterplan diff -f`."""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
from dataclasses import dataclass
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from pypdf import PdfReader

from generator.cli import main
from generator.documents import kind_of_file
from tests.revision_edits import NARRATIVE_TAIL, edited_copy

pytestmark = pytest.mark.e2e
EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "minimal" / "masterplan.yaml"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
LIBREOFFICE_TIMEOUT = 300

# A Basic macro in LibreOffice's own profile: open a DOCX, count its tracked changes, accept
# or reject them all (or neither), save the text, the counts before and after, and each
# paragraph of the body as its style, its list label (a heading's number) and its text.
REVIEW_MACRO = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">
<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Module1"
 script:language="StarBasic">
Sub Review(source As String, target As String, action As String)
  Dim hidden(0) As New com.sun.star.beans.PropertyValue
  hidden(0).Name = &quot;Hidden&quot;
  hidden(0).Value = True
  document = StarDesktop.loadComponentFromURL(ConvertToURL(source), &quot;_blank&quot;, 0, hidden())
  count = document.getRedlines().getCount()
  If action &lt;&gt; &quot;None&quot; Then
    helper = createUnoService(&quot;com.sun.star.frame.DispatchHelper&quot;)
    Dim none() As New com.sun.star.beans.PropertyValue
    helper.executeDispatch(document.getCurrentController().getFrame(), _
      &quot;.uno:&quot; &amp; action &amp; &quot;AllTrackedChanges&quot;, &quot;&quot;, 0, none())
  End If
  Dim text(1) As New com.sun.star.beans.PropertyValue
  text(0).Name = &quot;FilterName&quot;
  text(0).Value = &quot;Text (encoded)&quot;
  text(1).Name = &quot;FilterOptions&quot;
  text(1).Value = &quot;UTF8,LF&quot;
  document.storeToURL(ConvertToURL(target), text())
  number = FreeFile
  Open target &amp; &quot;.count&quot; For Output As #number
  Print #number, count &amp; &quot; &quot; &amp; document.getRedlines().getCount()
  Close #number
  number = FreeFile
  Open target &amp; &quot;.paragraphs&quot; For Output As #number
  items = document.getText().createEnumeration()
  Do While items.hasMoreElements()
    item = items.nextElement()
    If item.supportsService(&quot;com.sun.star.text.Paragraph&quot;) Then
      line = item.ParaStyleName &amp; &quot;|&quot; &amp; item.ListLabelString _
        &amp; &quot;|&quot; &amp; Left(item.getString(), 80)
      Print #number, Replace(Replace(line, Chr(13), &quot; &quot;), Chr(10), &quot; &quot;)
    Else
      Print #number, &quot;(table)&quot;
    End If
  Loop
  Close #number
  document.close(True)
End Sub
</script:module>
"""


@dataclass
class Redline:
    old: Path
    new: Path
    done: dict[str, str]
    out: Path

    def file(self, folder: str, suffix: str) -> Path:
        kind = "masterplan-redline" if folder == "red" else "masterplan"
        (path,) = (self.out / folder).glob(f"*-{kind}.{suffix}")
        return path


def render(*arguments: str) -> None:
    result = CliRunner().invoke(main, ["render", *arguments])
    assert result.exit_code == 0, result.output


@pytest.fixture(scope="module")
def redline(tmp_path_factory: pytest.TempPathFactory) -> Redline:
    folder = tmp_path_factory.mktemp("redline")
    old, new, done = edited_copy(EXAMPLE, folder / "specs")
    out = folder / "out"
    render(str(old), "-f", "docx", "-o", str(out / "old"))
    render(str(new), "-f", "docx", "-o", str(out / "new"))
    render(str(new), "--redline", str(old), "-f", "docx,html,pdf", "-o", str(out / "red"))
    return Redline(old, new, done, out)


def test_a_redline_and_the_clean_render_share_a_folder(tmp_path: Path) -> None:
    """`render NEW --redline OLD` names its files `…-redline`: rendered into the folder of
    the clean render, it overwrites nothing, and the clean files stay clean."""
    old, new, _done = edited_copy(EXAMPLE, tmp_path / "specs")
    out = tmp_path / "out"
    render(str(new), "-f", "html,docx", "-o", str(out))
    clean = {path.name: path.read_bytes() for path in out.iterdir()}
    render(str(new), "--redline", str(old), "-f", "html,docx", "-o", str(out))
    names = sorted(path.name for path in out.iterdir())
    stems = sorted(name.rpartition(".")[0] for name in clean)
    assert stems and all(stem.endswith("-masterplan") for stem in stems)
    assert names == sorted([*clean, *(f"{stem}-redline.{ext}" for stem in set(stems)
                                      for ext in ("docx", "html"))])
    assert {name: (out / name).read_bytes() for name in clean} == clean
    (html,) = out.glob("*-masterplan-redline.html")
    assert '<ins class="rl">' in html.read_text(encoding="utf-8")
    assert '<ins class="rl">' not in next(out.glob("*-masterplan.html")).read_text("utf-8")
    assert kind_of_file(html.name) == "masterplan"  # the batch's index page knows it


def test_the_docx_holds_tracked_changes_with_author_and_date(redline: Redline) -> None:
    body = docx.Document(str(redline.file("red", "docx"))).element.body
    inserted, deleted = body.findall(f".//{W}ins"), body.findall(f".//{W}del")
    assert inserted and deleted
    for change in inserted + deleted:
        assert change.get(f"{W}author") == "Versi 20 November 2025"
        assert change.get(f"{W}date") == "2025-11-20T00:00:00Z"
    ids = [change.get(f"{W}id") for change in inserted + deleted]
    assert len(set(ids)) == len(ids)
    removed = "".join(t.text for t in body.iter(f"{W}delText"))
    added = "".join(t.text for d in body.iter(f"{W}ins") for t in d.iter(f"{W}t"))
    assert redline.done["removed"] in removed and redline.done["added"] in added
    assert NARRATIVE_TAIL.split()[1] in added
    assert not [t for d in deleted for t in d.iter(f"{W}t")], "w:t inside w:del"
    rows = [tr for tr in body.iter(f"{W}tr") if tr.find(f"{W}trPr/{W}del") is not None]
    assert rows, "a removed program's table row is a deleted row"


def test_the_redline_is_reproducible(redline: Redline, tmp_path: Path) -> None:
    render(str(redline.new), "--redline", str(redline.old), "-f", "docx,html",
           "-o", str(tmp_path))
    for suffix in ("docx", "html"):
        again = next(tmp_path.glob(f"*-masterplan-redline.{suffix}")).read_bytes()
        assert again == redline.file("red", suffix).read_bytes(), suffix


def test_pdf_and_html_mark_insertions_and_deletions(redline: Redline) -> None:
    html = redline.file("red", "html").read_text(encoding="utf-8")
    assert '<ins class="rl">' in html and '<del class="rl">' in html
    assert 'class="redline-legend"' in html and "del.rl" in html
    text = " ".join(" ".join(p.extract_text() for p in
                             PdfReader(redline.file("red", "pdf")).pages).split())
    assert "Tanda revisi terhadap versi 20 November 2025" in text
    assert redline.done["removed"] in text and redline.done["added"] in text


def soffice(arguments: list[str], profile: Path) -> None:
    executable = shutil.which("soffice") or shutil.which("libreoffice")
    if executable is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    command = [executable, "--headless", "--norestore", "--nologo", "--nodefault",
               f"-env:UserInstallation={profile.as_uri()}", *arguments]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               start_new_session=True)
    try:
        process.communicate(timeout=LIBREOFFICE_TIMEOUT)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        pytest.fail(f"LibreOffice took more than {LIBREOFFICE_TIMEOUT} s: {command}")


def lines(path: Path) -> list[str]:
    """The text LibreOffice saved, line by line without layout: no page numbers of the
    lists (computed as it lays out), no indentation, no empty lines, no legend; with the
    headings' numbers, as Word or LibreOffice numbers them."""
    out = []
    for line in path.read_text(encoding="utf-8-sig").splitlines():
        line = re.sub(r"\t.*$", "", line).strip()
        if line and not line.startswith("Tanda revisi"):
            out.append(line)
    return out


def paragraphs(path: Path) -> list[str]:
    """Each paragraph of the body as ``style|number and text``, tables as one line: a
    heading numbered by Word and one numbered as text read the same; empty paragraphs
    are left out (LibreOffice 7.4 keeps a removed paragraph right before a removed
    table, emptied: it cannot join it with the table)."""
    out = []
    for line in path.read_text(encoding="utf-8-sig").splitlines():
        if line == "(table)":
            out.append(line)
            continue
        style, label, text = line.split("|", 2)
        text = " ".join(f"{label} {text.split(chr(9))[0]}".split())
        if text and not text.startswith("Tanda revisi"):
            out.append(f"{style}|{text}")
    return out


def changes(path: Path) -> int:
    """The tracked changes written into a DOCX (text, paragraph marks, rows, formats)."""
    body = docx.Document(str(path)).element.body
    return sum(1 for e in body.iter(f"{W}ins", f"{W}del", f"{W}pPrChange"))


@pytest.mark.libreoffice
def test_libreoffice_accepts_and_rejects_every_change(redline: Redline,
                                                      tmp_path: Path) -> None:
    profile, texts = tmp_path / "profile", tmp_path / "text"
    soffice(["--convert-to", "txt:Text (encoded):UTF8", "--outdir", str(tmp_path / "init"),
             str(redline.file("old", "docx"))], profile)  # makes the profile
    module = profile / "user" / "basic" / "Standard" / "Module1.xba"
    module.write_text(REVIEW_MACRO, encoding="utf-8")
    texts.mkdir()
    source = redline.file("red", "docx")
    for name, document, action in (("old", redline.file("old", "docx"), "None"),
                                   ("new", redline.file("new", "docx"), "None"),
                                   ("Accept", source, "Accept"), ("Reject", source, "Reject")):
        soffice([f"macro:///Standard.Module1.Review({document},{texts / name}.txt,{action})"],
                profile)
    before, after = (texts / "Accept.txt.count").read_text().split()
    # LibreOffice saw the changes (it joins neighbouring ones of a kind), and took them
    assert 20 < int(before) <= changes(source) and after == "0"
    assert (texts / "Reject.txt.count").read_text().split() == [before, "0"]
    assert lines(texts / "Accept.txt") == lines(texts / "new.txt")
    assert lines(texts / "Reject.txt") == lines(texts / "old.txt")
    # each paragraph with its style and number: a heading after a rejected insertion is
    # still a heading, numbered as it was
    assert paragraphs(texts / "Accept.txt.paragraphs") == \
        paragraphs(texts / "new.txt.paragraphs")
    assert paragraphs(texts / "Reject.txt.paragraphs") == \
        paragraphs(texts / "old.txt.paragraphs")
    numbered = [p for p in paragraphs(texts / "Reject.txt.paragraphs")
                if re.match(r"Heading \d\|\d+(\.\d+)+ ", p)]
    assert len(numbered) > 20


def test_the_change_matrix_in_three_formats(redline: Redline, tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["diff", str(redline.old), str(redline.new),
                                       "-f", "pdf,html,docx", "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    pdf = next(tmp_path.glob("*-revision.pdf"))
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(pdf).pages).split())
    assert "Matriks Perubahan" in text and redline.done["moved"] in text
    assert "5 Jumlah" in text or "Jumlah" in text
    document = docx.Document(str(next(tmp_path.glob("*-revision.docx"))))
    cells = {c.text for t in document.tables for r in t.rows for c in r.cells}
    assert any(redline.done["removed"] in c for c in cells)
    assert any("Rp" in c for c in cells)
    assert document.element.body.find(f".//{W}ins") is None  # a matrix, not a redline


def test_a_redline_draws_only_the_charts_its_kind_shows(tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """The summary shows the budget chart alone: neither version draws the others (the
    readiness, funding and roadmap charts) for a redline of it."""
    from generator.documents import KINDS
    from generator.documents.charts import Canvas
    from generator.pipeline import render_spec
    from generator.settings import RenderSettings

    drawn: list[str] = []
    chart = Canvas.chart

    def spy(self: Canvas, key: str, *args: object, **kwargs: object) -> object:
        if self.draw:
            drawn.append(key)
        return chart(self, key, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Canvas, "chart", spy)
    old, new, _ = edited_copy(EXAMPLE, tmp_path / "specs")
    render_spec(new, RenderSettings(documents=("summary",), formats=("html", "docx"),
                                    docx_toc="field", redline=old, outdir=tmp_path / "out"))
    assert drawn and set(drawn) <= set(KINDS["summary"].charts or ())
    assert len(drawn) == 2  # the new version's and the old one's
