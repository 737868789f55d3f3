"""The legal drafts as the templates print them: the regulation of the regional head
adopting the masterplan (`perkada`), the decrees forming the Smart City council and the
implementation team (`sk-dewan`, `sk-tim`) and the head's commitment sheet (`komitmen`).

The structure is that of Indonesian regional legislation (Permendagri 80/2015 as amended by
120/2018, its annex): heading, title, *menimbang*, *mengingat*, *memutuskan*, articles or
dicta, closing, signature, *lampiran*. Every sentence is a label (`generator.i18n.labels`,
`LEGAL_LABELS`); the spec gives the names, the legal basis, the bodies and the dates.

A document is a draft (RANCANGAN in its title and on every page) until the spec gives the
number and the date of its adoption: `approval.regulation` for the regulation,
`governance.<body>.decree` for a decree, `commitment.date` for the commitment sheet. What is
not known yet prints as dots, to fill in by hand.
"""

from __future__ import annotations

import re
from typing import Any

from generator.i18n.numbers import Formatter
from generator.spec.approval import adoption_year, calendar_date, is_head
from generator.spec.approval import gazette_year as gazette_year_of
from generator.spec.legal import is_chair, ordered
from generator.spec.model import Masterplan

#: Titles written before a name (academic, professional, religious: Prof., Dr., dr., drg.,
#: Drs., Dra., Ir., H., Hj., K.H.), one or several, each closed by its full stop.
_PREFIX_TITLES = re.compile(r"(?:(?:Prof|Drs|Dra|Drg|Dr|Ir|Hj|H|K\.\s?H|Ns|Apt)\.\s*)+",
                            re.IGNORECASE)
#: A role that is the regional secretary's (Sekretaris Daerah Kabupaten Banyuwangi).
SECRETARY_ROLE = "Sekretaris Daerah"

ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")


def _words(t: dict[str, str], number: int) -> str:
    """`10 (sepuluh)`, as legal text writes a number."""
    words = t["lg_words"].split("|")
    return f"{number} ({words[number]})" if 0 <= number < len(words) else str(number)


def _date(f: Formatter, value: Any) -> str:
    found = calendar_date(value)
    return f.date(found.isoformat()) if found else ""


def signature_name(name: str) -> str:
    """A name as a signature block of regional legislation prints it: the name in capitals,
    the titles before it and the degrees after its comma as written
    (`Dr. AHMAD FAUZI RAHMAN, M.Si.`, `Ir. H. SRI WAHYUNI, S.T., M.Sc.`)."""
    person, comma, degrees = " ".join(name.split()).partition(",")
    prefix = _PREFIX_TITLES.match(person)
    cut = prefix.end() if prefix else 0
    return person[:cut] + person[cut:].upper() + comma + degrees


def signatory_name(signatories: Any, role: str) -> str | None:
    """The name of the first of the approval page's signatories whose position starts with
    `role` (the head's title, as for the seal, or Sekretaris Daerah), if there is one."""
    for item in signatories if isinstance(signatories, list) else []:
        if not isinstance(item, dict):
            continue
        position, name = item.get("role"), item.get("name")
        if isinstance(position, str) and isinstance(name, str) and name.strip() \
                and is_head(position, role):
            return name
    return None


def _end(text: str, mark: str) -> str:
    """`text` ending in `mark` (`;` of an item, `.` of the last), whatever it ended in."""
    return text.rstrip().rstrip(".;,") + mark


class LegalBuilder:
    """The contexts of the four legal drafts of one spec."""

    def __init__(self, plan: Masterplan, t: dict[str, str], f: Formatter,
                 region: dict[str, Any], lang: str) -> None:
        self.plan, self.t, self.f, self.region, self.lang = plan, t, f, region, lang
        self.blank = t["lg_blank"]
        self.english = lang == "en"
        head = plan.head_title
        self.head = head  # Bupati, Wali Kota
        self.head_upper = head.upper()
        self.name_upper = region["name"].upper()
        self.region_upper = region["full_name"].upper()  # KABUPATEN BANYUWANGI
        approval = plan.data.get("approval") or {}
        self.approval = approval
        self.place = approval.get("place") or ""
        self.governance = plan.data.get("governance") or {}

    # --- shared pieces ---------------------------------------------------------------------
    def heading(self) -> dict[str, Any]:
        """BUPATI BANYUWANGI / PROVINSI JAWA TIMUR under the coat of arms."""
        t = self.t
        province = str(self.region["province"])
        if province.startswith("DI "):  # DI Yogyakarta, written out as in its heading
            province = "Daerah Istimewa " + province[3:]
        return {"head": t["lg_head"].format(head=self.head_upper, name=self.name_upper),
                "province": t["lg_province"].format(province=province.upper())}

    def title(self) -> str:
        """Masterplan Smart City Kabupaten Banyuwangi Tahun 2026-2035."""
        regulation = self.approval.get("regulation") or {}
        if regulation.get("title"):
            return str(regulation["title"])
        title = str(self.plan.document["title"])
        if self.region["full_name"].lower() not in title.lower():
            title = f"{title} {self.region['full_name']}"
        return self.t["lg_title"].format(title=title, start=self.plan.start_year,
                                         end=self.plan.end_year)

    def observing(self) -> list[str]:
        """The *mengingat*: the spec's legal basis in the order of the hierarchy."""
        basis = [" ".join(str(item).split()) for item in
                 self.plan.document.get("legal_basis", [])]
        # every item of a mengingat (and of a menimbang) ends in a semicolon, the last too
        return [_end(item, ";") for item in ordered(basis)]

    def place_or_blank(self) -> str:
        return self.place or self.t["lg_blank_long"]

    def head_block(self, date: str) -> dict[str, Any]:
        """Ditetapkan di … pada tanggal … / BUPATI X, / (seal) / NAME."""
        t = self.t
        return {
            "lines": [t["lg_adopted_at"].format(place=self.place_or_blank()),
                      t["lg_adopted_on"].format(date=date or t["lg_blank_long"])],
            "role": t["lg_head"].format(head=self.head_upper, name=self.name_upper) + ",",
            "name": self.head_signature_name(),
        }

    def head_name(self) -> str | None:
        """The head's name: `region.head_name`, else the approval page's signatory that is
        the head (the one whose block carries the seal by default)."""
        name = self.region.get("head_name")
        if isinstance(name, str) and name.strip():
            return name
        return signatory_name(self.approval.get("signatories"), self.head)

    def head_signature_name(self) -> str:
        name = self.head_name()
        return signature_name(name) if name else self.t["lg_blank_long"]

    def secretary(self) -> dict[str, str]:
        """The Sekretaris Daerah of the approval page's signatories, if there."""
        for item in self.approval.get("signatories") or []:
            if not isinstance(item, dict):
                continue
            name = signatory_name([item], SECRETARY_ROLE)
            if name:
                return {"name": signature_name(name),
                        "nip": " ".join(str(item.get("nip") or "").split())}
        return {"name": self.t["lg_blank_long"], "nip": ""}

    # --- the regulation ----------------------------------------------------------------------
    def perkada(self) -> dict[str, Any]:
        t, plan = self.t, self.plan
        regulation = self.approval.get("regulation") or {}
        date = _date(self.f, regulation.get("date"))
        draft, number_text, year_text = self.regulation_number()
        title = self.title()
        head_kind = self.head_upper
        region_words = {"region": self.region["full_name"], "name": self.region["name"],
                        "head": self.head,
                        "title": title, "cohort": plan.cohort["year"],
                        "start": plan.start_year, "end": plan.end_year,
                        "years": _words(t, plan.end_year - plan.start_year + 1)}
        council = (self.governance.get("council") or {}).get("name") or ""
        team = (self.governance.get("implementation_team") or {}).get("name") or ""
        definitions = [t[key].format(**region_words, council=council, team=team)
                       for key in ("lg_def_region", "lg_def_government", "lg_def_head",
                                   "lg_def_agency", "lg_def_smart_city", "lg_def_masterplan")]
        if council:
            definitions.append(t["lg_def_council"].format(council=council, head=self.head,
                                                          region=self.region["full_name"]))
        if team:
            definitions.append(t["lg_def_team"].format(team=team, head=self.head,
                                                       region=self.region["full_name"]))
        if plan.quick_wins:
            definitions.append(t["lg_def_quickwin"])
        # each definition of the general provisions is a sentence of its own
        definitions = [_end(d, ".") for d in definitions]
        contents = [_end(t[key], ";") for key in (
            "lg_content_readiness", "lg_content_vision", "lg_content_strategy",
            "lg_content_roadmap", "lg_content_quickwins", "lg_content_governance")]
        contents[-1] = _end(contents[-1], ".")
        contents[-2] = f"{contents[-2]} {t['lg_and']}"
        implementers = t["lg_impl_bodies"].format(council=council, team=team) \
            if council and team else t["lg_impl_agencies"]

        def clauses(*texts: str, items: tuple[int, list[str]] | None = None
                    ) -> list[dict[str, Any]]:
            return [{"mark": f"({i})", "text": text,
                     "items": _lettered(items[1]) if items and items[0] == i else []}
                    for i, text in enumerate(texts, 1)]

        chapters: list[dict[str, Any]] = [
            {"title": t["lg_ch_general"], "articles": [
                {"text": t["lg_art_definitions"].format(head=self.head),
                 "items": _numbered(definitions)}]},
            {"title": t["lg_ch_masterplan"], "articles": [
                {"clauses": clauses(t["lg_art_guidance_1"].format(**region_words),
                                    t["lg_art_guidance_2"])},
                {"clauses": clauses(t["lg_art_period"].format(**region_words),
                                    t["lg_art_contents"],
                                    t["lg_art_annex"].format(head=self.head),
                                    items=(2, contents))}]},
            {"title": t["lg_ch_implementation"], "articles": [
                {"clauses": clauses(t["lg_art_implement"].format(implementers=implementers),
                                    t["lg_art_monitor"], t["lg_art_review"])}]},
            {"title": t["lg_ch_funding"], "articles": [
                {"text": t["lg_art_funding"].format(**region_words)}]},
            {"title": t["lg_ch_closing"], "articles": [
                {"text": t["lg_art_force"].format(head=self.head)}]},
        ]
        article_number = 0
        for index, chapter in enumerate(chapters):
            chapter["heading"] = t["lg_chapter"].format(number=ROMAN[index])
            for article in chapter["articles"]:
                article_number += 1
                article["heading"] = t["lg_article"].format(number=article_number)
                article.setdefault("text", "")
                article.setdefault("items", [])
                article.setdefault("clauses", [])
        considering = [_end(t[f"lg_cons_perkada_{letter}"].format(**region_words), ";")
                       for letter in "abc"]
        secretary = self.secretary()
        gazette = regulation.get("gazette_number")
        gazette_year = gazette_year_of(regulation)
        return {
            "draft": draft,
            "heading": self.heading(),
            "kind": t["lg_regulation"].format(head=head_kind, name=self.name_upper),
            "number": t["lg_number"].format(number=number_text, year=year_text),
            "title": title.upper(),
            "head": t["lg_head"].format(head=head_kind, name=self.name_upper) + ",",
            "considering": _lettered(considering),
            "observing": _numbered(self.observing()),
            "enact": t["lg_enact_regulation"].format(head=head_kind, title=title.upper()),
            "chapters": chapters,
            "promulgation_order": t["lg_promulgation"].format(
                head=self.head, region=self.region["full_name"]),
            "signature": self.head_block(date),
            "promulgated": {
                "lines": [t["lg_promulgated_at"].format(place=self.place_or_blank()),
                          t["lg_promulgated_on"].format(date=date or t["lg_blank_long"])],
                "role": t["lg_secretary"].format(region=self.region_upper),
                "name": secretary["name"],
                "nip": f"{t['lg_nip']} {secretary['nip']}" if secretary["nip"] else "",
            },
            "gazette": t["lg_gazette"].format(
                region=self.region_upper, year=gazette_year or self.blank,
                number=self.blank if gazette in (None, "") else str(gazette).strip()),
            "annex": {
                "of": [t["lg_annex"], t["lg_annex_of_regulation"].format(
                    head=head_kind, name=self.name_upper),
                    t["lg_annex_number"].format(number=number_text, year=year_text),
                    t["lg_annex_about"], title.upper()],
                "title": title.upper(),
                "text": t["lg_annex_body"].format(
                    title=title, document=plan.document["title"],
                    version=plan.document.get("version") or "1.0",
                    date=self.f.date(plan.document["date"]), head=self.head),
            },
        }

    # --- the decrees -------------------------------------------------------------------------
    def decree(self, key: str) -> dict[str, Any]:
        """The decree forming `governance.<key>` (council or implementation_team)."""
        t = self.t
        body = self.governance.get(key) or {}
        name = str(body.get("name") or t[f"lg_body_{key}"].format(
            region=self.region["full_name"]))
        decree = body.get("decree") or {}
        number = decree.get("number")
        date = _date(self.f, decree.get("date"))
        draft = number in (None, "") or not date
        head_kind = self.head_upper
        short = t[f"lg_short_{key}"]  # Dewan Smart City, Tim Pelaksana
        words = {"body": name, "short": short, "region": self.region["full_name"],
                 "head": self.head, "title": self.title()}
        members = [m for m in body.get("members") or [] if isinstance(m, dict)]
        duties = [str(d) for d in body.get("duties") or []]
        # a body does not answer to its own chair: chaired by the head, it reports to him
        # as its chair; otherwise it answers to the head (the team through the council)
        reports_key = "lg_reports_chaired" if self.chaired_by_head(members) \
            else f"lg_reports_{key}"
        reports_to = t[reports_key].format(
            council=(self.governance.get("council") or {}).get("name")
            or t["lg_body_council"].format(region=self.region["full_name"]), **words)
        dicta_texts = [
            t["lg_dictum_form"].format(**words),
            t["lg_dictum_duties"].format(**words),
            reports_to,
            t["lg_dictum_cost"].format(**words),
            t["lg_dictum_force"].format(**words),
        ]
        ordinals = t["lg_dictum"].split("|")
        dicta = [{"label": ordinals[i], "text": text} for i, text in enumerate(dicta_texts)]
        considering = [_end(t[f"lg_cons_{key}_a"].format(**words), ";"),
                       _end(t["lg_cons_decree_b"].format(**words), ";")]
        observing = self.observing()
        title = words["title"]
        if not any(title.lower() in item.lower() for item in observing):
            # the regulation adopting the masterplan (its article 1 says the body is formed
            # by decree) is cited last, numbered as the perkada draft is: dots until adopted
            _, adopted_number, adopted_year = self.regulation_number()
            observing.append(_end(t["lg_observing_perkada"].format(
                head=self.head, name=self.region["name"], number=adopted_number,
                year=adopted_year, title=title), ";"))
        number_text = number if not draft else self.blank_number()
        return {
            "draft": draft,
            "heading": self.heading(),
            "kind": t["lg_decree"].format(head=head_kind, name=self.name_upper),
            "number": t["lg_decree_number"].format(number=number_text),
            "title": name.upper(),
            "head": t["lg_head"].format(head=head_kind, name=self.name_upper) + ",",
            "considering": _lettered(considering),
            "observing": _numbered(observing),
            "enact": t["lg_enact_decree"].format(head=head_kind, title=name.upper()),
            "dicta": dicta,
            "signature": self.head_block(date),
            "annex": {
                "of": [t["lg_annex"], t["lg_annex_of_decree"].format(head=head_kind,
                                                                    name=self.name_upper),
                       t["lg_annex_decree_number"].format(number=number_text),
                       t["lg_annex_date"].format(date=date or t["lg_blank_long"]),
                       t["lg_annex_about"], name.upper()],
                "membership": f"{t['lg_membership']} {name.upper()}",
                "role": t["lg_role"].format(body=short),
                "members": [{"number": index, "role": str(m.get("role", "")),
                             "position": str(m.get("position", "")),
                             "chair": is_chair(m.get("role"))}
                            for index, m in enumerate(members, 1)],
                "duties_title": f"{t['lg_duties']} {name.upper()}",
                "duties": _lettered([_end(d, ";") for d in duties[:-1]]
                                    + [_end(d, ".") for d in duties[-1:]]),
            },
        }

    def regulation_number(self) -> tuple[bool, str, str]:
        """(draft, number, year) of the regulation adopting the masterplan as printed: the
        number once `approval.regulation` has its number and date, else dots; the year as
        written or of its date, else dots."""
        regulation = self.approval.get("regulation") or {}
        number = regulation.get("number")
        draft = number in (None, "") or not _date(self.f, regulation.get("date"))
        year = adoption_year(regulation)
        return draft, self.blank if draft else str(number), str(year) if year else self.blank

    def chaired_by_head(self, members: list[dict[str, Any]]) -> bool:
        """Whether the body's chair (its first Ketua) is the regional head."""
        chair = next((m for m in members if is_chair(m.get("role"))), None)
        return chair is not None and is_head(str(chair.get("position") or ""), self.head)

    def blank_number(self) -> str:
        return self.t["lg_blank_long"]

    # --- the commitment sheet ----------------------------------------------------------------
    def commitment(self) -> dict[str, Any]:
        t, plan = self.t, self.plan
        commitment = self.plan.data.get("commitment") or {}
        date = _date(self.f, commitment.get("date"))
        place = commitment.get("place") or self.place or t["lg_blank_long"]
        regulation = self.approval.get("regulation") or {}
        words = {"title": self.title(), "head": self.head, "region": self.region["full_name"],
                 "quickwins": _words(t, len(plan.quick_wins)),
                 "programs": len(plan.programs)}
        if regulation.get("number") not in (None, "") and regulation.get("date"):
            adopt = t["lg_commit_adopted"].format(
                number=regulation["number"], year=adoption_year(regulation), **words)
        else:
            adopt = t["lg_commit_adopt"].format(**words)
        keys = ["lg_commit_integrate", "lg_commit_quickwins", "lg_commit_budget",
                "lg_commit_bodies", "lg_commit_monitor"]
        items = [adopt] + [t[key].format(**words) for key in keys]
        items = [_end(item, ";" if i < len(items) - 1 else ".") for i, item in enumerate(items)]
        quick_wins = []
        for index, win in enumerate(plan.quick_wins, 1):
            targets = [t["lg_target_item"].format(
                name=kpi.name, target=self.f.number(kpi.target), unit=kpi.unit,
                year=win.end_year).replace("  ", " ") for kpi in win.kpis]
            quick_wins.append({"number": index, "name": win.name,
                               "agency": plan.agencies.get(win.owner_opd, win.owner_opd),
                               "targets": targets})
        witnesses = [{"role": _end(str(w.get("role", "")), ","),
                      "name": signature_name(str(w.get("name", ""))),
                      "nip": f"{t['lg_nip']} {' '.join(str(w['nip']).split())}"
                      if w.get("nip") else ""}
                     for w in commitment.get("witnesses") or [] if isinstance(w, dict)]
        head_name = self.head_name() or t["lg_blank_long"]
        return {
            "draft": not date,
            "heading": self.heading(),
            "title": t["lg_commitment"],
            "subtitle": t["lg_commitment_of"].format(title=self.title().upper()),
            "identity": [(t["lg_name"], head_name),
                         (t["lg_office"], f"{self.head} {self.region['name']}")],
            "commits": t["lg_commits"].format(government=self.region["government"]),
            "items": _numbered(items),
            "quick_wins": quick_wins,
            "quick_win_after": 2,  # the table follows the third commitment
            "close": t["lg_commitment_close"],
            "signature": {
                "lines": [t["lg_place_date"].format(place=place,
                                                    date=date or t["lg_blank_long"])],
                "role": t["lg_head"].format(head=self.head_upper, name=self.name_upper) + ",",
                "name": self.head_signature_name(),
            },
            "witnesses": witnesses,
        }

    def build(self) -> dict[str, Any]:
        head_signs = any(is_head(str(s.get("role", "")), self.head)
                         for s in self.approval.get("signatories") or [])
        return {"perkada": self.perkada(), "sk_dewan": self.decree("council"),
                "sk_tim": self.decree("implementation_team"),
                "komitmen": self.commitment(), "head_signs": head_signs}


def _lettered(items: list[str]) -> list[dict[str, str]]:
    letters = "abcdefghijklmnopqrstuvwxyz"
    return [{"mark": f"{letters[i % 26]}{'' if i < 26 else i // 26}.", "text": text}
            for i, text in enumerate(items)]


def _numbered(items: list[str]) -> list[dict[str, str]]:
    return [{"mark": f"{i}.", "text": text} for i, text in enumerate(items, 1)]


def legal_context(plan: Masterplan, t: dict[str, str], f: Formatter, region: dict[str, Any],
                  lang: str) -> dict[str, Any]:
    """What templates/{perkada,sk-dewan,sk-tim,komitmen} print, as `legal`."""
    return LegalBuilder(plan, t, f, region, lang).build()
