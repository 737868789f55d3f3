"""The HTML vocabulary and the Word styles: every element and class the templates use maps
to something (`docx_styles.VOCABULARY`), every style that mapping names exists, with its
kind, in templates/docx/reference.docx, the colours agree with style.css, the docs list
the mapping, and the committed reference.docx is what its build script makes."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import docx
import lxml.html
import pytest
from helpers import REPO, run_cli

from generator.render import docx_styles as ds

TEMPLATES = REPO / "templates"
EXAMPLE = REPO / "examples" / "kabupaten-banyuwangi" / "masterplan.yaml"
DOCS = REPO / "docs" / "templates.md"
# The batch index page is a screen page, never a document; the cohort report is one.
NOT_DOCUMENTS = {"report/index.html.j2"}
W = ds.W


def simple_selectors() -> set[str]:
    """`td.num`, `.status-baik`, `td.dim-*` … from every selector of the vocabulary."""
    found: set[str] = set()
    for rule in ds.VOCABULARY:
        selector = re.sub(r"\[.*?\]|\(.*?\)", "", rule.selector)  # [href…], (notes)
        found.update(part for part in re.split(r"[\s,>]+", selector) if part)
    return found


def covered(tag: str, css: str | None, selectors: set[str]) -> bool:
    """Whether some selector maps `tag` (with class `css`; `prefix-*` stands for a class
    the template computes) to something."""
    if css is None:
        return tag in selectors or any(s.startswith((f"{tag}.", f"{tag}[")) for s in selectors)
    if css.endswith("*"):  # any mapped class with that prefix will do
        return any(s.startswith((f"{tag}.{css[:-1]}", f".{css[:-1]}")) for s in selectors)
    for selector in selectors:
        if selector in (f"{tag}.{css}", f".{css}"):
            return True
        if selector.endswith("*") and (f"{tag}.{css}".startswith(selector[:-1])
                                       or f".{css}".startswith(selector[:-1])):
            return True
    return False


def template_vocabulary() -> set[tuple[str, str | None]]:
    """(tag, class) pairs written literally in the templates; an expression inside a class
    attribute (`status-{{ a.status }}`) counts as its literal prefix plus `*`."""
    pairs: set[tuple[str, str | None]] = set()
    tag_re = re.compile(r"<([a-z][a-z0-9]*(?:{{[^}]*}})?)([^>]*)>")
    for path in TEMPLATES.rglob("*.j2"):
        if path.relative_to(TEMPLATES).as_posix() in NOT_DOCUMENTS:
            continue
        text = re.sub(r"{#.*?#}", "", path.read_text(encoding="utf-8"), flags=re.S)
        for match in tag_re.finditer(text):
            tag, attributes = match.group(1), match.group(2)
            if tag.startswith("h{{"):  # the heading macro: <h{{ level }}>
                pairs.update((f"h{level}", None) for level in range(1, 5))
                continue
            pairs.add((tag, None))
            css = re.search(r'class="([^"]*)"', attributes)
            if not css:
                continue
            value = css.group(1)
            for literal in re.findall(r"'([^']*)'", value):  # {{ 'on dim-' ~ g.key ... }}
                for token in literal.split():
                    pairs.add((tag, token + ("*" if token.endswith("-") else "")))
            value = re.sub(r"{%.*?%}", " ", value)  # {% if … %} avg{% endif %}: `avg` counts
            value = re.sub(r"{{.*?}}", "*", value)
            pairs.update((tag, name.replace("**", "*")) for name in value.split()
                         if name != "*")
    return pairs


@pytest.fixture(scope="module")
def rendered_vocabulary(tmp_path_factory: pytest.TempPathFactory) -> set[
        tuple[str, str | None]]:
    """(tag, class) pairs of the complete example's four HTML documents."""
    outdir = tmp_path_factory.mktemp("html")
    result = run_cli("render", EXAMPLE, "--document", "all", "-f", "html", "-o", outdir)
    assert result.exit_code == 0, result.output
    pairs: set[tuple[str, str | None]] = set()
    for path in outdir.glob("*.html"):
        for element in lxml.html.parse(str(path)).getroot().iter():
            if not isinstance(element.tag, str):
                continue
            pairs.add((element.tag, None))
            for css_class in element.get("class", "").split():
                pairs.add((element.tag, css_class))
    return pairs


def test_every_element_and_class_of_the_templates_is_mapped() -> None:
    selectors = simple_selectors()
    missing = sorted((tag, css or "") for tag, css in template_vocabulary()
                     if not covered(tag, css, selectors))
    assert missing == []


def test_every_element_and_class_of_the_rendered_example_is_mapped(
        rendered_vocabulary: set[tuple[str, str | None]]) -> None:
    selectors = simple_selectors()
    missing = sorted((tag, css or "") for tag, css in rendered_vocabulary
                     if not covered(tag, css, selectors))
    assert missing == []
    # The example really uses the interesting parts of the vocabulary.
    for pair in [("td", "on"), ("tr", "group"), ("dl", "facts"), ("figure", "chart"),
                 ("section", "landscape"), ("blockquote", "vision"), ("td", "swot-threats"),
                 ("div", "keyfigures"), ("div", "cover-logo"), ("nav", "toc-tables")]:
        assert pair in rendered_vocabulary


def test_every_style_the_vocabulary_names_is_in_the_reference_with_its_kind() -> None:
    document = docx.Document(str(ds.builtin_reference()))
    index = ds.style_index(document.styles.element)
    for rule in ds.VOCABULARY:
        if rule.kind in ("paragraph", "character", "table"):
            assert ds.STYLES.get(rule.target) == rule.kind, rule
    for name, kind in ds.STYLES.items():
        style = index.get(name.lower())
        assert style is not None, f"{name} is missing from reference.docx"
        assert style.get(W + "type") == kind, name
    assert set(ds.style_ids(document.styles.element)) == set(ds.STYLES)


def test_reference_document_page_numbering_and_fonts() -> None:
    document = docx.Document(str(ds.builtin_reference()))
    section = document.sections[0]
    assert (section.page_width, section.page_height) == (ds.A4_WIDTH * 635,
                                                         ds.A4_HEIGHT * 635)
    fonts = document.styles.element.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}rFonts")
    assert fonts.get(W + "ascii") == "Calibri"  # LibreOffice substitutes Carlito
    names = {a.find(W + "name").get(W + "val") for a in
             document.part.numbering_part.element.iterfind(W + "abstractNum")}
    assert names == {ds.HEADINGS_NAME, ds.ANNEXES_NAME, ds.BULLETS_NAME, ds.NUMBERS_NAME}
    for level, name in enumerate(ds.HEADING_STYLES):
        pr = document.styles[name].element.find(f"{W}pPr/{W}numPr")
        assert pr.find(W + "ilvl").get(W + "val") == str(level)
        outline = document.styles[name].element.find(f"{W}pPr/{W}outlineLvl")
        assert outline.get(W + "val") == str(level)
    toc_heading = document.styles["TOC Heading"].element
    assert toc_heading.find(f"{W}pPr/{W}numPr/{W}numId").get(W + "val") == "0"
    assert toc_heading.find(f"{W}pPr/{W}outlineLvl").get(W + "val") == "9"


def test_cell_colours_agree_with_the_stylesheet() -> None:
    css = (TEMPLATES / "style.css").read_text(encoding="utf-8")

    def background(selector: str) -> str:
        match = re.search(re.escape(selector) + r"\s*{[^}]*?background:\s*#([0-9a-fA-F]{6})",
                          css)
        assert match, selector
        return match.group(1).upper()

    assert ds.CELL_SHADING["th"] == background("th")
    assert ds.CELL_SHADING["tr.group"] == background("tr.group td")
    assert ds.CELL_SHADING["tfoot"] == background("tfoot td")
    assert ds.CELL_SHADING["on"] == background("table.roadmap td.on")
    for key, colour in ds.CELL_SHADING.items():
        if key.startswith("dim-"):
            assert colour == background(f"table.roadmap td.on.{key}"), key
        elif key.startswith("swot-"):
            assert colour == background(f"table.swot td.{key}"), key


def test_the_docs_describe_every_rule() -> None:
    text = DOCS.read_text(encoding="utf-8")
    for rule in ds.VOCABULARY:
        assert f"`{rule.selector}`" in text, rule.selector
    for name in ds.STYLES:
        assert name in text, name


def test_the_committed_reference_docx_is_what_the_script_builds() -> None:
    script = REPO / "scripts" / "build_reference_docx.py"
    done = subprocess.run([sys.executable, str(script), "--check"], capture_output=True,
                          text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr


def test_the_script_is_byte_reproducible(tmp_path: Path) -> None:
    script = REPO / "scripts" / "build_reference_docx.py"
    for name in ("a.docx", "b.docx"):
        subprocess.run([sys.executable, str(script), str(tmp_path / name)], check=True,
                       capture_output=True, timeout=120)
    assert (tmp_path / "a.docx").read_bytes() == (tmp_path / "b.docx").read_bytes()
