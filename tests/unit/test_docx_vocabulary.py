"""The HTML vocabulary and the Word styles: every element and class the templates use maps
to something in the style map (`generator.render.docx.stylemap.VOCABULARY`), rendering the
examples warns about no class, every style the map names exists, with its kind, in
templates/docx/reference.docx, every rule names a handler the converter has, the colours
agree with the stylesheets, docs/templates.md's table is the map's, and the committed
reference.docx is what its build script makes."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import docx
import lxml.html
import pytest
from helpers import REPO, run_cli

from generator.documents import kind_groups
from generator.render.docx import numbering, page, writer
from generator.render.docx import stylemap as sm
from generator.render.docx.ooxml import W
from generator.render.docx.reference import builtin_reference, style_ids, style_index

TEMPLATES = REPO / "templates"
EXAMPLES = sorted((REPO / "examples").glob("*/masterplan.yaml"))
COMPACT = REPO / "tests" / "data" / "valid" / "compact.yaml"
# The batch index page is a screen page, never a document; the cohort report is one.
NOT_DOCUMENTS = {"report/index.html.j2"}


def covered(tag: str, css: str | None) -> bool:
    """Whether the style map says what `tag` (with class `css`; `prefix-*` stands for a
    class the template computes: any mapped class with that prefix will do) becomes."""
    subjects = [selector.subject for rule in sm.VOCABULARY for selector in rule.selectors]
    if css is None:
        return any(subject.tag == tag for subject in subjects)
    if css.endswith("*"):
        return any(subject.tag in (None, tag) and any(
            name.startswith(css[:-1]) for name in subject.classes) for subject in subjects)
    return sm.STYLE_MAP.maps(tag, css)


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
def rendered(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """The HTML of every document of the three examples, of a compact spec that leaves out
    what it may (a readiness score without a status…), and of the examples' cohort report."""
    outdir = tmp_path_factory.mktemp("html")
    for spec in [*EXAMPLES, COMPACT]:
        result = run_cli("render", spec, "--document", "all", "-f", "html", "-o",
                         outdir / (spec.parent.name if spec != COMPACT else "compact"))
        assert result.exit_code == 0, result.output
    # the legal drafts of the complete example (they ask what the compact spec has not)
    result = run_cli("render", EXAMPLES[0], "--document", "legal", "-f", "html", "-o",
                     outdir / "legal")
    assert result.exit_code == 0, result.output
    result = run_cli("report", REPO / "examples", "-f", "html", "-o", outdir / "report",
                     "-j", "1")
    assert result.exit_code == 0, result.output
    paths = sorted(outdir.glob("*/*.html"))
    groups = kind_groups()
    assert len(paths) == len(groups["all"]) * (len(EXAMPLES) + 1) + len(groups["legal"]) + 1
    return paths


@pytest.fixture(scope="module")
def rendered_vocabulary(rendered: list[Path]) -> set[tuple[str, str | None]]:
    """(tag, class) pairs of the rendered documents."""
    pairs: set[tuple[str, str | None]] = set()
    for path in rendered:
        for element in lxml.html.parse(str(path)).getroot().iter():
            if not isinstance(element.tag, str):
                continue
            pairs.add((element.tag, None))
            for css_class in element.get("class", "").split():
                pairs.add((element.tag, css_class))
    return pairs


def test_every_element_and_class_of_the_templates_is_mapped() -> None:
    missing = sorted((tag, css or "") for tag, css in template_vocabulary()
                     if not covered(tag, css))
    assert missing == []


def test_every_element_and_class_of_the_rendered_examples_is_mapped(
        rendered_vocabulary: set[tuple[str, str | None]]) -> None:
    missing = sorted((tag, css or "") for tag, css in rendered_vocabulary
                     if not covered(tag, css))
    assert missing == []
    # The examples really use the interesting parts of the vocabulary.
    for pair in [("td", "on"), ("tr", "group"), ("dl", "facts"), ("figure", "chart"),
                 ("section", "landscape"), ("blockquote", "vision"), ("td", "swot-threats"),
                 ("div", "keyfigures"), ("div", "cover-logo"), ("nav", "toc-tables"),
                 ("td", "heat-4"), ("p", "legend")]:
        assert pair in rendered_vocabulary


def test_the_examples_warn_about_no_class(rendered: list[Path]) -> None:
    """What `convert` would report for each document: no class left unmapped."""
    for path in rendered:
        root = writer.parse(path.read_text(encoding="utf-8"))
        assert writer.unmapped_classes(root, path.name) == [], path.name


def test_every_rule_names_a_handler_of_the_converter() -> None:
    known = set(writer.BLOCK_HANDLERS) | set(writer.INLINE_HANDLERS) \
        | set(writer.IMPLICIT_HANDLERS)
    assert {rule.handler for rule in sm.VOCABULARY} == known
    for rule in sm.VOCABULARY:
        assert sm.STYLE_MAP.rule(rule.selector) is rule, f"{rule.selector} twice"


def test_every_block_tag_has_a_rule_without_classes() -> None:
    """The walk tells blocks from inline elements by tag; each block tag goes somewhere."""
    blocks = sm.STYLE_MAP.tags(writer.BLOCK_HANDLERS)
    assert {"p", "div", "section", "table", "ul", "ol", "li", "td", "h1", "h6", "dl", "dt",
            "figure", "figcaption", "caption", "nav", "pre", "hr", "blockquote"} <= blocks
    assert not blocks & sm.STYLE_MAP.tags(writer.INLINE_HANDLERS)
    assert not blocks & sm.STYLE_MAP.tags({writer.IGNORE})
    handlers = frozenset(writer.BLOCK_HANDLERS)
    for tag in blocks:
        assert sm.STYLE_MAP.find(tag, (), handlers=handlers) is not None, tag


def test_the_most_specific_rule_wins_then_the_first_listed() -> None:
    def handler(tag: str, *classes: str) -> str | None:
        rule = sm.STYLE_MAP.find(tag, classes, handlers=frozenset(writer.BLOCK_HANDLERS))
        return None if rule is None else rule.handler

    assert handler("section", "chapter", "landscape") == "landscape"
    assert handler("section", "chapter", "annex") == "page_break"
    assert handler("table", "data", "swot") == "even_table"
    assert handler("nav", "toc", "toc-figures") == "entries"
    assert handler("nav", "toc-figures") == "container"  # needs .toc too
    assert handler("h2", "front-title") == "front_title"
    assert handler("p", "status", "status-baik") == "paragraph"
    sized = [rule.size for rule in sm.VOCABULARY
             if rule.size and rule.matches("table", {"data", "wide", "matrix"})]
    assert sized[0] == 14  # table.matrix wins over table.wide


def test_classes_of_a_wildcard_rule_are_its_values() -> None:
    assert sm.STYLE_MAP.maps("td", "swot-strengths")
    assert not sm.STYLE_MAP.maps("td", "swot-unknown")  # would get no colour: a warning
    # a dimension's key is its framework's: td.dim-* takes any, its colour comes with the
    # document (DocxOptions.dimension_fills)
    assert sm.STYLE_MAP.maps("td", "dim-mobility")
    assert not sm.STYLE_MAP.maps("th", "dim-economy")  # td.dim-*, not th
    assert sm.STYLE_MAP.maps("span", "status-baik")  # .status-baik: any element
    assert sm.STYLE_MAP.maps("body", "doc-anything")  # body.doc-*: no values, any suffix


def test_every_style_the_vocabulary_names_is_in_the_reference_with_its_kind() -> None:
    document = docx.Document(str(builtin_reference()))
    index = style_index(document.styles.element)
    named: set[str] = set()
    for rule in sm.VOCABULARY:
        if rule.kind in ("paragraph", "character", "table"):
            for name in rule.styles:
                assert sm.STYLES.get(name) == rule.kind, rule
                named.add(name)
    assert set(sm.STYLES) - named == {"Normal"}  # every other style is some rule's
    for name, kind in sm.STYLES.items():
        style = index.get(name.lower())
        assert style is not None, f"{name} is missing from reference.docx"
        assert style.get(W + "type") == kind, name
    assert set(style_ids(document.styles.element)) == set(sm.STYLES)


def test_reference_document_page_numbering_and_fonts() -> None:
    document = docx.Document(str(builtin_reference()))
    section = document.sections[0]
    assert (section.page_width, section.page_height) == (page.A4_WIDTH * 635,
                                                         page.A4_HEIGHT * 635)
    fonts = document.styles.element.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}rFonts")
    assert fonts.get(W + "ascii") == "Calibri"  # LibreOffice substitutes Carlito
    names = {a.find(W + "name").get(W + "val") for a in
             document.part.numbering_part.element.iterfind(W + "abstractNum")}
    assert names == {numbering.HEADINGS_NAME, numbering.ANNEXES_NAME, numbering.BULLETS_NAME,
                     numbering.NUMBERS_NAME}
    assert {numbering.BULLETS_NAME, numbering.NUMBERS_NAME} == {
        sm.STYLE_MAP.rule("ul").target, sm.STYLE_MAP.rule("ol").target}
    for level, name in enumerate(sm.HEADING_STYLES):
        pr = document.styles[name].element.find(f"{W}pPr/{W}numPr")
        assert pr.find(W + "ilvl").get(W + "val") == str(level)
        outline = document.styles[name].element.find(f"{W}pPr/{W}outlineLvl")
        assert outline.get(W + "val") == str(level)
    toc_heading = document.styles["TOC Heading"].element
    assert toc_heading.find(f"{W}pPr/{W}numPr/{W}numId").get(W + "val") == "0"
    assert toc_heading.find(f"{W}pPr/{W}outlineLvl").get(W + "val") == "9"


def test_cell_colours_agree_with_the_stylesheets() -> None:
    css = (TEMPLATES / "style.css").read_text(encoding="utf-8") \
        + (TEMPLATES / "report" / "report.css").read_text(encoding="utf-8")

    def background(selector: str) -> str:
        match = re.search(re.escape(selector) + r"\s*{[^}]*?background:\s*#([0-9a-fA-F]{6})",
                          css)
        assert match, selector
        return match.group(1).upper()

    rule = sm.STYLE_MAP.rule
    assert rule("tr.group").shading == background("tr.group td")
    assert rule("tfoot").shading == background("tfoot td")
    assert rule("td.on").shading == background("table.roadmap td.on")
    for name, colour in rule("td.dim-*").values.items():
        assert colour == background(f"table.roadmap td.on.{name}"), name
    for name, colour in rule("td.swot-*").values.items():
        assert colour == background(f"table.swot .{name}"), name
    for name, colour in rule("td.heat-*").values.items():
        assert colour == background(f"table.heatmap td.{name}"), name
    # The header row's colour is the table style's, in reference.docx.
    document = docx.Document(str(builtin_reference()))
    table_style = document.styles[rule("table, table.data").target].element
    header = table_style.find(f"{W}tblStylePr[@{W}type='firstRow']/{W}tcPr/{W}shd")
    assert header.get(W + "fill") == background("th")


def test_the_docs_table_is_the_style_map() -> None:
    script = REPO / "scripts" / "gen_template_docs.py"
    done = subprocess.run([sys.executable, str(script), "--check"], capture_output=True,
                          text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    text = (REPO / "docs" / "templates.md").read_text(encoding="utf-8")
    for name in sm.STYLES:
        assert name in text, name


def test_a_stale_docs_table_fails_the_check(tmp_path: Path) -> None:
    stale = tmp_path / "templates.md"
    text = (REPO / "docs" / "templates.md").read_text(encoding="utf-8")
    stale.write_text(text.replace("| `p` | **Body Text** |", "| `p` | **Normal** |"),
                     encoding="utf-8")
    script = REPO / "scripts" / "gen_template_docs.py"
    done = subprocess.run([sys.executable, str(script), "--check", str(stale)],
                          capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 1
    assert "stale" in done.stderr


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


# From the bottom up: each module of the converter imports only modules before it.
LAYERS = ("ooxml", "charts", "stylemap", "options", "measure", "pictures", "numbering", "archive",
          "sanitize", "reference", "package", "page", "revisions", "translator", "sections",
          "blocks", "inline", "tables", "writer", "libreoffice", "__init__")


def test_the_converter_package_imports_only_downward() -> None:
    folder = REPO / "generator" / "render" / "docx"
    assert sorted(f"{name}.py" for name in LAYERS) == sorted(p.name for p in folder.glob("*.py"))
    pattern = re.compile(r"^from generator\.render\.docx(?:\.(\w+))? import \(?([\w, ]*)", re.M)
    for position, name in enumerate(LAYERS):
        text = (folder / f"{name}.py").read_text(encoding="utf-8")
        for module, names in pattern.findall(text):
            imported = [module] if module else [n.split(" as ")[0].strip()
                                                for n in names.split(",")]
            for other in imported:
                assert LAYERS.index(other) < position, f"{name} imports {other}"
