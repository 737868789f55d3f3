"""The document kinds: what each document is made of, in one registry.

A kind names its templates (a body inside a frame, extra stylesheets), the context it is
made from (`scope`: one spec, or a whole cohort), the label of its name and the suffix of
its files. `--document`, the pipeline, the batch and its index page read `KINDS`; adding a
document is one `register(DocumentKind(...))` plus its templates.

Kinds come in groups: `--document all` is the books (`group` "book"); the legal drafts
(the regulation adopting the masterplan, the two decrees, the commitment sheet) are
`--document legal`, asked for on their own: they go to the legal bureau, not to the
ministry's reviewers with the books, and they ask more of the spec (`requires`: checked
only when they are asked for, `generator.spec.legal`).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any, Literal

Scope = Literal["spec", "cohort", "progress", "revision"]


@dataclass(frozen=True)
class DocumentKind:
    #: the `--document` value, the suffix of the file names and the body's class `doc-NAME`
    name: str
    #: the label (`generator.i18n.labels`) of the document's name: cover kicker, metadata
    title_label: str
    #: the template of the body, rendered inside `frame`
    body: str
    frame: str = "document.html.j2"
    #: templates appended to style.css
    stylesheets: tuple[str, ...] = ()
    #: "spec": made from one spec's context; "cohort": from the figures of many specs;
    #: "progress": from one spec and its progress files (`masterplan evaluate`);
    #: "revision": from two versions of a spec (`masterplan diff`)
    scope: Scope = "spec"
    #: contents and lists of tables and figures before the body
    front_matter: bool = False
    #: the cover title and the file's title are the spec's own `document.title`
    spec_title: bool = False
    #: the `--document` word that stands for this kind with the others of its group
    #: (`all` for the books)
    group: str = "book"
    #: what the kind needs of a spec beyond the schema (`generator.spec.legal.REQUIREMENTS`)
    requires: tuple[str, ...] = ()
    #: the region and title on top of every page (the DOCX header, the PDF's margin box);
    #: a kind without prints its frame's own `header.running`, if any
    running_header: bool = True
    #: the charts its templates show (`generator.documents.charts.make_charts` keys, or the
    #: evaluation's own); None: any (a kind of a user's). A render draws only these.
    charts: tuple[str, ...] | None = None

    def template_values(self) -> dict[str, Any]:
        """What the templates see of the kind, as `doc`."""
        return asdict(self)


KINDS: dict[str, DocumentKind] = {}


def register(kind: DocumentKind) -> DocumentKind:
    """Add (or replace) a document kind."""
    KINDS[kind.name] = kind
    return kind


def spec_kinds() -> tuple[str, ...]:
    """The kinds one spec renders to, in order: the `--document` choices (`all` = these)."""
    return tuple(name for name, kind in KINDS.items() if kind.scope == "spec")


def kind_groups() -> dict[str, tuple[str, ...]]:
    """The `--document` words for several kinds: `all` (the books) and one per other group
    (`legal`)."""
    groups: dict[str, tuple[str, ...]] = {}
    for name in spec_kinds():
        group = KINDS[name].group
        key = "all" if group == "book" else group
        groups[key] = (*groups.get(key, ()), name)
    return groups


def requirements_of(names: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    """What the kinds `names` need of a spec, each once, in order."""
    return tuple(dict.fromkeys(need for name in names if name in KINDS
                               for need in KINDS[name].requires))


#: What the file names of a redline (`render --redline OLD`) end with, so that a redline
#: and the clean render of the same spec can share a folder (`naming.output_stem`).
REDLINE_SUFFIX = "-redline"


def kind_of_file(name: str) -> str | None:
    """The kind whose file this is (`…-2017-summary.pdf` → `summary`, a redline's
    `…-2017-summary-redline.pdf` too), if any."""
    stem = name.rpartition(".")[0] or name
    stem = stem.removesuffix(REDLINE_SUFFIX)
    return next((kind for kind in sorted(KINDS, key=len, reverse=True)
                 if stem == kind or stem.endswith(f"-{kind}")), None)


register(DocumentKind("masterplan", "doc_masterplan", "masterplan/body.html.j2",
                      front_matter=True, spec_title=True,
                      charts=("readiness", "roadmap", "budget", "funding")))
register(DocumentKind("summary", "doc_summary", "summary/body.html.j2", charts=("budget",)))
register(DocumentKind("quickwins", "doc_quickwins", "quickwins/body.html.j2", charts=()))
register(DocumentKind("readiness", "doc_readiness", "readiness/body.html.j2",
                      charts=("readiness",)))
register(DocumentKind("indicator-plan", "doc_indicator_plan", "indicator-plan/body.html.j2",
                      charts=()))
register(DocumentKind("report", "doc_report", "report/body.html.j2",
                      frame="report/document.html.j2", stylesheets=("report/report.css",),
                      scope="cohort", front_matter=True))
register(DocumentKind("evaluation", "doc_evaluation", "evaluation/body.html.j2",
                      scope="progress", front_matter=True, charts=("ev_budget", "ev_outcome")))
register(DocumentKind("revision", "doc_revision", "revision/body.html.j2",
                      scope="revision", charts=()))


def _legal(name: str, label: str, *requires: str) -> DocumentKind:
    """A legal draft: its own frame (no cover, no running header, folio paper) and look."""
    return register(DocumentKind(name, label, f"{name}/body.html.j2",
                                 frame="legal/document.html.j2",
                                 stylesheets=("legal/legal.css",), group="legal",
                                 requires=requires, running_header=False, charts=()))


_legal("perkada", "doc_perkada", "legal_basis")
_legal("sk-dewan", "doc_sk_dewan", "legal_basis", "council")
_legal("sk-tim", "doc_sk_tim", "legal_basis", "implementation_team")
_legal("komitmen", "doc_komitmen", "quickwin_kpis")
