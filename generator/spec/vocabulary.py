"""Fixed vocabulary of the programme: readiness status, funding sources, horizons, provinces.

Keys are English snake_case (a stable interface for tools); labels are what documents print.
Kept free of imports so the validator and the templates share one list.
"""

from __future__ import annotations

from typing import NamedTuple


class Label(NamedTuple):
    id: str
    en: str


# The dimensions, their sub-dimensions, colours, id prefixes and the readiness areas are a
# framework's (`generator.spec.framework`, files in `frameworks/`), not listed here.

READINESS_STATUS: dict[str, Label] = {
    "baik": Label("Baik", "Good"),
    "cukup": Label("Cukup", "Moderate"),
    "kurang": Label("Kurang", "Poor"),
}
# The 1-4 score band each status corresponds to (used to warn on disagreement).
STATUS_SCORE_RANGE: dict[str, tuple[float, float]] = {
    "baik": (3.0, 4.0), "cukup": (2.0, 3.0), "kurang": (1.0, 2.0),
}

FUNDING_SOURCES: dict[str, Label] = {
    "APBD": Label("APBD", "Regional budget (APBD)"),
    "APBD_PROV": Label("APBD Provinsi", "Provincial budget"),
    "APBN": Label("APBN", "National budget (APBN)"),
    "DAK": Label("Dana Alokasi Khusus (DAK)", "Special Allocation Fund (DAK)"),
    "DANA_DESA": Label("Dana Desa", "Village Funds"),
    "KPBU": Label("KPBU", "Public-Private Partnership (KPBU)"),
    "OBLIGASI": Label("Obligasi Daerah", "Regional Bonds"),
    "CSR": Label("CSR", "CSR"),
    "HIBAH": Label("Hibah", "Grants"),
    "SWASTA": Label("Swasta", "Private Partners"),
    "DONOR": Label("Donor", "Donors"),
    "BLUD": Label("BLUD", "Public Service Agency (BLUD)"),
}

HORIZONS: dict[str, Label] = {
    "short": Label("Jangka Pendek", "Short Term"),
    "medium": Label("Jangka Menengah", "Medium Term"),
    "long": Label("Jangka Panjang", "Long Term"),
}

PROGRAM_STATUS: dict[str, Label] = {
    "new": Label("Baru", "New"),
    "continued": Label("Lanjutan", "Continued"),
}

# What became of a program of the previous masterplan (`previous_masterplan.programs`).
REALISATION_STATUS: dict[str, Label] = {
    "done": Label("Selesai", "Done"),
    "ongoing": Label("Berjalan", "Ongoing"),
    "not_implemented": Label("Tidak dilaksanakan", "Not implemented"),
    "stopped": Label("Dihentikan", "Stopped"),
}

QUICK_WIN_TYPES: dict[str, Label] = {
    "app": Label("Aplikasi", "Application"),
    "policy": Label("Kebijakan", "Policy"),
    "service": Label("Layanan", "Service"),
    "infrastructure": Label("Infrastruktur", "Infrastructure"),
}

QUICK_WIN_STATUS: dict[str, Label] = {
    "planned": Label("Direncanakan", "Planned"),
    "ongoing": Label("Berjalan", "Ongoing"),
    "done": Label("Selesai", "Done"),
}

REGION_TYPES: dict[str, Label] = {
    "kabupaten": Label("Kabupaten", "Regency"),
    "kota": Label("Kota", "City"),
}

HEAD_TITLES: dict[str, str] = {"kabupaten": "Bupati", "kota": "Wali Kota"}

# Kemendagri province codes and names (38 provinces).
PROVINCES: dict[str, str] = {
    "11": "Aceh", "12": "Sumatera Utara", "13": "Sumatera Barat", "14": "Riau",
    "15": "Jambi", "16": "Sumatera Selatan", "17": "Bengkulu", "18": "Lampung",
    "19": "Kepulauan Bangka Belitung", "21": "Kepulauan Riau", "31": "DKI Jakarta",
    "32": "Jawa Barat", "33": "Jawa Tengah", "34": "DI Yogyakarta", "35": "Jawa Timur",
    "36": "Banten", "51": "Bali", "52": "Nusa Tenggara Barat", "53": "Nusa Tenggara Timur",
    "61": "Kalimantan Barat", "62": "Kalimantan Tengah", "63": "Kalimantan Selatan",
    "64": "Kalimantan Timur", "65": "Kalimantan Utara", "71": "Sulawesi Utara",
    "72": "Sulawesi Tengah", "73": "Sulawesi Selatan", "74": "Sulawesi Tenggara",
    "75": "Gorontalo", "76": "Sulawesi Barat", "81": "Maluku", "82": "Maluku Utara",
    "91": "Papua", "92": "Papua Barat", "93": "Papua Selatan", "94": "Papua Tengah",
    "95": "Papua Pegunungan", "96": "Papua Barat Daya",
}

# Other names of each province, as laws, maps and people write them; `generator.spec.provinces`
# compares them (and the names above) without regard to case, punctuation or a "Provinsi"
# prefix, so "D.I. Yogyakarta", "Provinsi DIY" and "di yogyakarta" all name province 34.
PROVINCE_ALIASES: dict[str, tuple[str, ...]] = {
    "11": ("Nanggroe Aceh Darussalam", "NAD"),
    "12": ("North Sumatra", "Sumut"),
    "13": ("West Sumatra", "Sumbar"),
    "16": ("South Sumatra", "Sumsel"),
    "19": ("Bangka Belitung", "Bangka Belitung Islands", "Babel"),
    "21": ("Riau Islands", "Kepri"),
    # UU 2/2024 made DKI Jakarta the "Provinsi Daerah Khusus Jakarta"
    "31": ("Daerah Khusus Jakarta", "DK Jakarta", "DKJ", "Daerah Khusus Ibukota Jakarta",
           "Jakarta", "Special Capital Region of Jakarta"),
    "32": ("West Java", "Jabar"),
    "33": ("Central Java", "Jateng"),
    "34": ("Daerah Istimewa Yogyakarta", "DIY", "Yogyakarta", "Special Region of Yogyakarta"),
    "35": ("East Java", "Jatim"),
    "52": ("West Nusa Tenggara", "NTB"),
    "53": ("East Nusa Tenggara", "NTT"),
    "61": ("West Kalimantan", "Kalbar"),
    "62": ("Central Kalimantan", "Kalteng"),
    "63": ("South Kalimantan", "Kalsel"),
    "64": ("East Kalimantan", "Kaltim"),
    "65": ("North Kalimantan", "Kaltara"),
    "71": ("North Sulawesi", "Sulut"),
    "72": ("Central Sulawesi", "Sulteng"),
    "73": ("South Sulawesi", "Sulsel"),
    "74": ("Southeast Sulawesi", "Sultra"),
    "76": ("West Sulawesi", "Sulbar"),
    "82": ("North Maluku", "Malut"),
    "92": ("West Papua", "Pabar"),
    "93": ("South Papua",),
    "94": ("Central Papua",),
    "95": ("Highland Papua",),
    "96": ("Southwest Papua",),
}


class Scale(NamedTuple):
    """An ordered scale of grades: `levels` are (code, meaning) pairs, lowest first.

    `prints` says what a document prints for a level: its `code` (SAKIP "BB", opinion "WTP")
    or its `label` in the document's language (SPBE "Sangat Baik", yes/no "Ya"/"Yes").
    """

    name: Label
    levels: tuple[tuple[str, Label], ...]
    prints: str = "code"


# Built-in scales for indicators whose baseline and targets are grades, not numbers
# (`scale: sakip`); a spec declares its own under `scales`.
SCALES: dict[str, Scale] = {
    # PermenPANRB 88/2021: the SAKIP evaluation's predicates
    "sakip": Scale(Label("Predikat SAKIP", "SAKIP rating"), (
        ("D", Label("Sangat Kurang", "Very poor")),
        ("C", Label("Kurang", "Poor")),
        ("CC", Label("Cukup", "Fair")),
        ("B", Label("Baik", "Good")),
        ("BB", Label("Sangat Baik", "Very good")),
        ("A", Label("Memuaskan", "Satisfactory")),
        ("AA", Label("Sangat Memuaskan", "Very satisfactory")),
    )),
    # the BPK's opinion on the regional financial statements
    "bpk_opinion": Scale(Label("Opini BPK", "BPK audit opinion"), (
        ("TMP", Label("Tidak Menyatakan Pendapat", "Disclaimer of opinion")),
        ("TW", Label("Tidak Wajar", "Adverse opinion")),
        ("WDP", Label("Wajar Dengan Pengecualian", "Qualified opinion")),
        ("WTP", Label("Wajar Tanpa Pengecualian", "Unqualified opinion")),
    )),
    # PermenPANRB 59/2020: the SPBE index's predicates, level 1 (below 1.8) to 5 (4.2 up)
    "spbe": Scale(Label("Predikat indeks SPBE", "SPBE index rating"), (
        ("1", Label("Kurang", "Poor")),
        ("2", Label("Cukup", "Fair")),
        ("3", Label("Baik", "Good")),
        ("4", Label("Sangat Baik", "Very good")),
        ("5", Label("Memuaskan", "Satisfactory")),
    ), "label"),
    "yes_no": Scale(Label("Ya/Tidak", "Yes/No"), (
        ("tidak", Label("Tidak", "No")),
        ("ya", Label("Ya", "Yes")),
    ), "label"),
}

MAX_PERIOD_YEARS = 10
# The horizons by duration (any start year inside the period): a short program lasts at
# most SHORT_YEARS, a medium one at most MEDIUM_YEARS (one RPJMD); a long one lasts longer
# or runs past the plan's MEDIUM_YEARS-th year.
SHORT_YEARS = 2
MEDIUM_YEARS = 5
