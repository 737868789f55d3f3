"""Province names as people write them: "DI Yogyakarta", "D.I. Yogyakarta", "DIY", "Provinsi
Daerah Istimewa Yogyakarta" all name province 34.

A spec's `region.province` is printed as written; only the comparison with the region code's
province goes through `normalise`: lower case, punctuation and a "Provinsi"/"Province" word
dropped, initials joined ("d i" → "di"), "Kep." read as "Kepulauan". The names compared are
`vocabulary.PROVINCES` and `vocabulary.PROVINCE_ALIASES`.
"""

from __future__ import annotations

import difflib
import functools
import re

from generator.spec.vocabulary import PROVINCE_ALIASES, PROVINCES

_PUNCTUATION = re.compile(r"[.,;:'’()\-/]+")
_DROPPED = {"provinsi", "prov", "province"}
_ABBREVIATIONS = {"kep": "kepulauan", "sumatra": "sumatera"}


def normalise(name: str) -> str:
    """The form two names are compared in: `"Prov. D.I. Yogyakarta"` → `"di yogyakarta"`."""
    words = [w for w in _PUNCTUATION.sub(" ", name.lower()).split() if w not in _DROPPED]
    joined: list[str] = []
    for word in words:  # initials written apart ("D. I.", "D I") become one word
        if len(word) == 1 and joined and len(joined[-1]) <= 3 and joined[-1].isalpha():
            joined[-1] += word
        else:
            joined.append(word)
    text = " ".join(_ABBREVIATIONS.get(w, w) for w in joined)
    return text.replace("ibu kota", "ibukota")



@functools.cache
def _forms() -> dict[str, tuple[str, str]]:
    """normalised form → (province code, the name as written in the vocabulary)."""
    forms: dict[str, tuple[str, str]] = {}
    for code, name in PROVINCES.items():
        for written in (name, *PROVINCE_ALIASES.get(code, ())):
            forms.setdefault(normalise(written), (code, written))
    return forms


def province_code(name: str) -> str | None:
    """The Kemendagri code of the province `name` names, or None."""
    found = _forms().get(normalise(name))
    return found[0] if found else None


def closest(name: str, code: str | None = None) -> str | None:
    """The known name closest to a misspelt one, among `code`'s names first."""
    forms = _forms()
    wanted = normalise(name)
    own = [f for f, (c, _w) in forms.items() if c == code]
    for candidates in (own, list(forms)):
        close = difflib.get_close_matches(wanted, candidates, n=1, cutoff=0.75)
        if close:
            return forms[close[0]][1]
    return None
