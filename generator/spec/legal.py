"""What the legal drafts need of a spec (the Peraturan Bupati/Wali Kota adopting the
masterplan, the decrees forming the council and the team, the commitment sheet), checked
only when such a document is asked for: a document kind names its requirements
(`generator.documents.DocumentKind.requires`), `validate` runs them.

A *mengingat* entry must be a regulation a legal bureau can cite: its kind, its number and
year, and what it is about (``Peraturan Presiden Nomor 95 Tahun 2018 tentang …``). The
drafts list them in the order of the hierarchy of legislation (UU 12/2011 art. 7), the
same level by year, as the drafting guideline asks.

Pure functions of the loaded data: each yields (severity, pointer, message code, params).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

from generator.spec.approval import Problem

#: The kinds of regulation, highest first (UU 12/2011 art. 7 and 8, as cited in regional
#: legislation); a reference is recognised by its opening words.
HIERARCHY: tuple[tuple[str, str], ...] = (
    ("uud", r"Undang-Undang Dasar"),
    ("tap", r"Ketetapan Majelis Permusyawaratan Rakyat"),
    ("uu", r"Undang-Undang|Peraturan Pemerintah Pengganti Undang-Undang"),
    ("pp", r"Peraturan Pemerintah"),
    ("perpres", r"Peraturan Presiden"),
    ("inpres", r"Instruksi Presiden"),
    ("permen", r"Peraturan (?:Menteri|Menko|Badan|Lembaga|Kepala)\b[^,;]*?"),
    ("perda_prov", r"Peraturan Daerah Provinsi"),
    ("pergub", r"Peraturan Gubernur"),
    ("perda", r"Peraturan Daerah(?: Kabupaten| Kota)?"),
    ("perkada", r"Peraturan (?:Bupati|Wali ?[Kk]ota|Walikota)"),
    ("kepkada", r"Keputusan (?:Bupati|Wali ?[Kk]ota|Walikota|Gubernur|Menteri)"),
)
_KIND = re.compile("|".join(f"(?P<{key}>{pattern})" for key, pattern in HIERARCHY))
_NUMBERED = re.compile(r"\bNomor\s+[0-9A-Za-z./-]+\s+Tahun\s+(?P<year>[0-9]{4})\b")
_ABOUT = re.compile(r"\btentang\s+\S")
_CONSTITUTION = re.compile(r"Undang-Undang Dasar Negara Republik Indonesia Tahun 1945")


def reference_kind(text: str) -> str | None:
    """The level of a regulation reference (`uu`, `perpres`, …), or None when it does not
    open with a kind of regulation (a ``Pasal 18 ayat (6)`` before the constitution is
    allowed)."""
    found = _KIND.match(re.sub(r"^Pasal\s+[0-9A-Z]+(?:\s+ayat\s+\([0-9]+\))?\s+", "",
                               text.strip()))
    return found.lastgroup if found else None


def reference_year(text: str) -> int | None:
    found = _NUMBERED.search(text)
    return int(found.group("year")) if found else None


def ordered(references: list[str]) -> list[str]:
    """The references by level of the hierarchy, then year (stable otherwise): the order
    of a *mengingat*."""
    levels = [key for key, _ in HIERARCHY]

    def key(item: tuple[int, str]) -> tuple[int, int, int]:
        index, text = item
        kind = reference_kind(text)
        return (levels.index(kind) if kind else len(levels),
                reference_year(text) or 9999, index)

    return [text for _, text in sorted(enumerate(references), key=key)]


def _legal_basis(data: dict[str, Any]) -> Iterator[Problem]:
    document = data.get("document")
    document = document if isinstance(document, dict) else {}
    basis = document.get("legal_basis")
    if not isinstance(basis, list) or not basis:
        yield "error", ("document",), "legal.no_basis", {}
        return
    for index, text in enumerate(basis):
        if not isinstance(text, str):
            continue
        pointer = ("document", "legal_basis", index)
        if reference_kind(text) is None:
            yield "error", pointer, "legal.not_regulation", {"text": _short(text)}
        elif not _ABOUT.search(text) and not _CONSTITUTION.search(text):
            yield "error", pointer, "legal.no_subject", {"text": _short(text)}
        elif not _NUMBERED.search(text) and not _CONSTITUTION.search(text):
            yield "warning", pointer, "legal.no_number", {"text": _short(text)}


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= 70 else text[:67].rstrip() + "…"


def _body(name: str) -> Callable[[dict[str, Any]], Iterator[Problem]]:
    def check(data: dict[str, Any]) -> Iterator[Problem]:
        governance = data.get("governance")
        governance = governance if isinstance(governance, dict) else {}
        body = governance.get(name)
        if not isinstance(body, dict):
            yield "error", ("governance",) if governance else (), "legal.no_body", {
                "body": f"governance.{name}"}
            return
        members = body.get("members")
        if not isinstance(members, list) or not members:
            yield "error", ("governance", name), "legal.no_members", {
                "body": f"governance.{name}"}
            return
        if not any(isinstance(m, dict) and is_chair(m.get("role")) for m in members):
            yield "error", ("governance", name, "members"), "legal.no_chair", {
                "body": f"governance.{name}"}
        if not body.get("duties"):
            yield "warning", ("governance", name), "legal.no_duties", {
                "body": f"governance.{name}"}
    return check


def is_chair(role: Any) -> bool:
    """Ketua (not Wakil Ketua), or Chair/Chairperson (not Vice Chair)."""
    if not isinstance(role, str):
        return False
    words = role.strip().lower().split()
    return bool(words) and words[0] in ("ketua", "chair", "chairperson", "chairman")


def _quickwin_kpis(data: dict[str, Any]) -> Iterator[Problem]:
    wins = data.get("quick_wins")
    for index, item in enumerate(wins if isinstance(wins, list) else []):
        if isinstance(item, dict) and not item.get("kpis"):
            yield "error", ("quick_wins", index), "legal.quickwin_no_kpis", {
                "id": str(item.get("id", index + 1))}


#: requirement name → its check; a kind's `requires` names some of these
REQUIREMENTS: dict[str, Callable[[dict[str, Any]], Iterator[Problem]]] = {
    "legal_basis": _legal_basis,
    "council": _body("council"),
    "implementation_team": _body("implementation_team"),
    "quickwin_kpis": _quickwin_kpis,
}
