"""The names in the legal drafts' signature blocks: the person in capitals, titles before
the name and degrees after its comma as written; the head's and the Sekretaris Daerah's
names from `region.head_name` or the approval page's signatories, else dots."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from generator.documents.context import build_context
from generator.documents.legal import signatory_name, signature_name
from generator.spec.load import load_spec_text
from generator.spec.model import build_model


@pytest.mark.parametrize(("name", "printed"), [
    ("Dr. Ahmad Fauzi Rahman, M.Si.", "Dr. AHMAD FAUZI RAHMAN, M.Si."),
    ("Ir. Sri Wahyuni Lestari, M.T.", "Ir. SRI WAHYUNI LESTARI, M.T."),
    ("Drs. H. Budi Santoso, M.M.", "Drs. H. BUDI SANTOSO, M.M."),
    ("Hj. Siti Aminah, S.H.", "Hj. SITI AMINAH, S.H."),
    ("Prof. Dr. Ir. Bambang Wijaya, M.Sc., Ph.D.", "Prof. Dr. Ir. BAMBANG WIJAYA, M.Sc., Ph.D."),
    ("dr. Rina Kusuma, M.Kes.", "dr. RINA KUSUMA, M.Kes."),
    ("K.H. Abdul Hamid", "K.H. ABDUL HAMID"),
    ("Andi Pratama, S.T., M.Sc.", "ANDI PRATAMA, S.T., M.Sc."),
    ("Ipuk Fiestiandani", "IPUK FIESTIANDANI"),
    ("Moh. Hasan Basri", "MOH. HASAN BASRI"),  # a shortened given name, not a title
    ("Drajat  Wibowo", "DRAJAT WIBOWO"),  # a name that begins like a title
    ("Irwan Setiawan, S.H.", "IRWAN SETIAWAN, S.H."),
])
def test_signature_name(name: str, printed: str) -> None:
    assert signature_name(name) == printed


SIGNATORIES = [
    {"label": "Disusun oleh", "role": "Kepala Bappeda Kabupaten Banyuwangi",
     "name": "Ir. Sri Wahyuni Lestari, M.T."},
    {"role": "Sekretaris Daerah Kabupaten Banyuwangi", "name": "Dr. Ahmad Fauzi Rahman, M.Si."},
    {"role": "Wakil Bupati Banyuwangi", "name": "Sugirah"},
    {"role": "BUPATI BANYUWANGI", "name": "Ipuk Fiestiandani"},
]


def test_signatory_by_role() -> None:
    assert signatory_name(SIGNATORIES, "Bupati") == "Ipuk Fiestiandani"
    assert signatory_name(SIGNATORIES, "Sekretaris Daerah") == "Dr. Ahmad Fauzi Rahman, M.Si."
    assert signatory_name(SIGNATORIES, "Wali Kota") is None
    assert signatory_name([{"role": "Bupati Banyuwangi", "name": " "}], "Bupati") is None
    assert signatory_name(None, "Bupati") is None


# --- the drafts of the example ---------------------------------------------------------------

EXAMPLE = (Path(__file__).resolve().parents[2] / "examples" / "kabupaten-banyuwangi"
           / "masterplan.yaml")
HEAD_SIGNATORY = '    - role: "Bupati Banyuwangi"\n      name: "Ipuk Fiestiandani"\n'
SECRETARY_ROLE = 'role: "Sekretaris Daerah Kabupaten Banyuwangi"'


def legal(text: str) -> dict[str, Any]:
    doc = load_spec_text(text, EXAMPLE, str(EXAMPLE))
    return build_context(build_model(doc), "id", charts={})["legal"]


def names(law: dict[str, Any]) -> list[str]:
    return [law["perkada"]["signature"]["name"], law["sk_dewan"]["signature"]["name"],
            law["sk_tim"]["signature"]["name"], law["komitmen"]["signature"]["name"]]


def test_the_head_from_the_approval_page() -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    assert HEAD_SIGNATORY in text and "head_name" not in text
    law = legal(text)
    assert names(law) == ["IPUK FIESTIANDANI"] * 4
    assert law["komitmen"]["identity"][0][1] == "Ipuk Fiestiandani"
    assert law["perkada"]["promulgated"]["name"] == "Dr. AHMAD FAUZI RAHMAN, M.Si."


def test_region_head_name_first_else_dots() -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    named = text.replace('  head_title: "Bupati"\n',
                         '  head_title: "Bupati"\n  head_name: "Hj. Ipuk Fiestiandani, S.Sos."\n')
    assert names(legal(named)) == ["Hj. IPUK FIESTIANDANI, S.Sos."] * 4
    unnamed = text.replace(HEAD_SIGNATORY, "").replace(SECRETARY_ROLE,
                                                       'role: "Asisten Pemerintahan"')
    law = legal(unnamed)
    assert names(law) == ["...................."] * 4
    assert law["komitmen"]["identity"][0][1] == "...................."
    assert law["perkada"]["promulgated"]["name"] == "...................."


def test_definitions_name_the_head_as_a_regulation_does() -> None:
    """`Bupati adalah Bupati Banyuwangi.` (not `Bupati Kabupaten Banyuwangi`), and the council
    and team formed by a `Keputusan Bupati`, not a bare `Keputusan`."""
    law = legal(EXAMPLE.read_text(encoding="utf-8"))
    article = law["perkada"]["chapters"][0]["articles"][0]
    definitions = [str(item.get("text", item)) if isinstance(item, dict) else str(item)
                   for item in article["items"]]
    assert "Bupati adalah Bupati Banyuwangi." in definitions
    assert "Daerah adalah Kabupaten Banyuwangi." in definitions
    formed = [d for d in definitions if "dibentuk dengan" in d]
    assert len(formed) == 2
    assert all("dibentuk dengan Keputusan Bupati untuk" in d for d in formed)


# --- the decrees cite the regulation and say whom the body answers to -----------------------

ADOPTED = ('    kind: "Peraturan Bupati"\n    number: 12\n    year: 2025\n'
           '    date: "2025-12-15"\n')


def test_a_decree_cites_the_regulation_last_with_the_perkadas_title() -> None:
    """Article 1 of the perkada says the council and the team are formed by decree: each
    decree cites it last in its Mengingat, titled word for word as the perkada, numbered
    with dots until `approval.regulation` has its number and date."""
    text = EXAMPLE.read_text(encoding="utf-8")
    for spec, number in ((text, "...."),
                         (text.replace('    kind: "Peraturan Bupati"\n    year: 2025\n',
                                       ADOPTED, 1), "12")):
        law = legal(spec)
        title = law["perkada"]["title"]
        assert law["perkada"]["number"] == f"NOMOR {number} TAHUN 2025"
        for key in ("sk_dewan", "sk_tim"):
            last = law[key]["observing"][-1]["text"]
            assert last == (f"Peraturan Bupati Banyuwangi Nomor {number} Tahun 2025 tentang"
                            " Masterplan Smart City Kabupaten Banyuwangi Tahun 2026-2035;")
            assert title in last.upper()
            assert sum(title in item["text"].upper()
                       for item in law[key]["observing"]) == 1


def thirds(text: str, lang: str = "id") -> tuple[str, str]:
    doc = load_spec_text(text, EXAMPLE, str(EXAMPLE))
    law = build_context(build_model(doc), lang, charts={})["legal"]
    return law["sk_dewan"]["dicta"][2]["text"], law["sk_tim"]["dicta"][2]["text"]


def test_the_council_does_not_answer_to_its_own_chair() -> None:
    """The Bupati chairs the example's council: it reports to him as its chair rather than
    "bertanggung jawab kepada Bupati"; chaired by someone else, it answers to the Bupati.
    The team, chaired by the Kepala Bappeda, answers to the Bupati through the council."""
    text = EXAMPLE.read_text(encoding="utf-8")
    council, team = thirds(text)
    assert "diketuai oleh Bupati" in council and "kepada Bupati selaku Ketua." in council
    assert "bertanggung jawab" not in council
    assert team.endswith("bertanggung jawab kepada Bupati melalui Dewan Smart City"
                         " Kabupaten Banyuwangi.")
    council_en, team_en = thirds(text, "en")
    assert "is chaired by the Bupati" in council_en and "as its Chair." in council_en
    assert "through the Dewan Smart City Kabupaten Banyuwangi." in team_en
    chaired = '{role: "Ketua", position: "Bupati Banyuwangi"}'
    assert chaired in text
    council, _ = thirds(text.replace(chaired,
                                     '{role: "Ketua", position: "Wakil Bupati Banyuwangi"}'))
    assert council == ("Dalam melaksanakan tugasnya, Dewan Smart City Kabupaten Banyuwangi"
                       " bertanggung jawab kepada Bupati.")
