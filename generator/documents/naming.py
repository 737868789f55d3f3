"""What a document is called: its file names and its title, author and keywords."""

from __future__ import annotations

import re
import unicodedata
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from generator.documents import DocumentKind
    from generator.documents.report import CohortInfo

#: The longest slug in a file name: with the code, type, year and document a name stays far
#: below the 255 bytes most file systems allow, however long the region's name is.
SLUG_LIMIT = 60


def slug(text: str) -> str:
    """ASCII, lower case, words joined by `-`, cut at a word boundary after `SLUG_LIMIT`."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    result = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "daerah"
    if len(result) > SLUG_LIMIT:
        cut = result[:SLUG_LIMIT + 1].rpartition("-")[0]  # "" when there is no boundary
        result = cut if len(cut) >= SLUG_LIMIT // 2 else result[:SLUG_LIMIT].rstrip("-")
    return result


def output_stem(region: dict[str, Any], cohort_year: int, document: str, *,
                redline: bool = False) -> str:
    """`3510-kabupaten-banyuwangi-2017-masterplan`: keyed on the code, never the name alone;
    a redline's `…-masterplan-redline`."""
    from generator.documents import REDLINE_SUFFIX

    code = str(region["code"]).replace(".", "")
    stem = f"{code}-{region['type']}-{slug(str(region['name']))}-{cohort_year}-{document}"
    return stem + REDLINE_SUFFIX if redline else stem


def document_meta(kind: DocumentKind, context: dict[str, Any]) -> dict[str, Any]:
    """Title, author, subject and keywords of one spec's document."""
    t, region, document = context["t"], context["region"], context["document"]
    base = document["title"] if kind.spec_title else t[kind.title_label]
    name = region["full_name"]
    title = base if name.lower() in base.lower() else f"{base} {name}"
    if document["period"] not in title:
        title = f"{title} {document['period']}"
    authors = list(document["authors"]) or [region["government"]]
    if document["consultant"]:
        authors.append(document["consultant"])
    return {"title": title, "author": "; ".join(authors),
            "subject": f"{t[kind.title_label]} – {region['full_name']}",
            "keywords": ["smart city", "masterplan", region["full_name"], region["province"],
                         f"{t['cohort']} {context['cohort']['year']}"]}


def report_stem(cohort: CohortInfo) -> str:
    """`cohort-2017-report`: the file names of a cohort report."""
    parts = ["cohort"]
    if cohort.year is not None:
        parts.append(str(cohort.year))
    if cohort.track:
        parts.append(slug(cohort.track))
    return "-".join([*parts, "report"])
