"""The masterplan spec's JSON Schema, defined once here.

`schemas/masterplan.schema.json` is generated from `build_schema()` (a test fails when the two
drift; `python -m generator.spec.schema > schemas/masterplan.schema.json` regenerates it).
Every property carries a `title` (English), a `description` (Bahasa Indonesia, what regency
staff read in their editor), `x-description-en` (English) and `examples`, which `masterplan
init` and `docs/spec.md` are generated from.
"""

from __future__ import annotations

import json
from typing import Any

from generator.spec.enabler_vocabulary import (
    ENABLER_GROUPS,
    ENABLER_STATUS,
    IMPACT,
    LIKELIHOOD,
    risk_bands,
)
from generator.spec.framework import Framework, default_framework
from generator.spec.markdown import REFERENCE_KEY
from generator.spec.standards import ISO_PATTERN, SPBE
from generator.spec.vocabulary import (
    HORIZONS,
    MEDIUM_YEARS,
    PROGRAM_STATUS,
    QUICK_WIN_STATUS,
    QUICK_WIN_TYPES,
    READINESS_STATUS,
    REALISATION_STATUS,
    REGION_TYPES,
    SCALES,
    SHORT_YEARS,
    STATUS_SCORE_RANGE,
)

Schema = dict[str, Any]

SCHEMA_ID = "urn:masterplan:spec:1"
ID_PATTERN = r"^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*$"
MAX_TEXT = 20_000  # characters in one narrative field
MAX_SHORT = 500
SCALE_PATTERN = r"^[a-z][a-z0-9_]*$"
REFERENCE_KEY_PATTERN = f"^{REFERENCE_KEY}$"
#: Marks a field whose example `masterplan init` writes as a placeholder: while the value is
#: still that example, `validate` warns (so `--strict` fails on an untouched starter).
PLACEHOLDER = "x-placeholder"
#: Marks an optional section `masterplan init` writes commented out: most regions have none
#: (a previous masterplan), and an uncommented example would print in their book.
COMMENTED = "x-commented"
_BUILTIN_SCALES = ", ".join(
    f"{key} ({', '.join(code for code, _label in scale.levels)})"
    for key, scale in SCALES.items())


def _field(type_: str | list[str], title: str, id_: str, en: str, example: Any = None,
           **extra: Any) -> Schema:
    node: Schema = {"type": type_, "title": title, "description": id_, "x-description-en": en}
    if example is not None:
        node["examples"] = [example]
    node.update(extra)
    return node


def text(title: str, id_: str, en: str, example: str | None = None, **extra: Any) -> Schema:
    extra.setdefault("maxLength", MAX_SHORT)
    return _field("string", title, id_, en, example, minLength=1, **extra)


def markdown(title: str, id_: str, en: str, example: str | None = None) -> Schema:
    """A narrative: its example, if any, is a placeholder (no region's text is the starter's)."""
    node = _field("string", title, id_ + " (Markdown)", en + " (Markdown)", example,
                  maxLength=MAX_TEXT, **{"x-markdown": True})
    if example is not None:
        node[PLACEHOLDER] = True
    return node


def year(title: str, id_: str, en: str, example: int | None = None) -> Schema:
    return _field("integer", title, id_, en, example, minimum=2000, maximum=2100)


def money(title: str, id_: str, en: str, example: int | None = None) -> Schema:
    return _field("integer", title, id_ + " Dalam rupiah penuh, bilangan bulat tanpa titik.",
                  en + " In whole rupiah, an integer without separators.", example,
                  minimum=0, maximum=10**16)


def number(title: str, id_: str, en: str, example: float | None = None) -> Schema:
    return _field("number", title, id_, en, example)


def enum(title: str, id_: str, en: str, values: list[str], example: str | None = None) -> Schema:
    return _field("string", title, id_ + " Pilihan: " + ", ".join(values) + ".",
                  en + " One of: " + ", ".join(values) + ".", example or values[0], enum=values)


def array(title: str, id_: str, en: str, items: Schema, min_items: int = 0,
          max_items: int = 1000) -> Schema:
    node = _field("array", title, id_, en, None, items=items, maxItems=max_items)
    if min_items:
        node["minItems"] = min_items
    return node


def text_list(title: str, id_: str, en: str, example: str, min_items: int = 0, *,
              placeholder: bool = False) -> Schema:
    item = text(title, id_, en, example, **({PLACEHOLDER: True} if placeholder else {}))
    return array(title, id_, en, item, min_items)


def obj(title: str, id_: str, en: str, props: dict[str, Schema],
        required: list[str] | None = None, **extra: Any) -> Schema:
    node: Schema = {"type": "object", "title": title, "description": id_,
                    "x-description-en": en, "properties": props, "additionalProperties": False}
    if required:
        node["required"] = required
    node.update(extra)
    return node


def ref(name: str, title: str, id_: str, en: str) -> Schema:
    return {"$ref": f"#/$defs/{name}", "title": title, "description": id_, "x-description-en": en}


def number_or_level(title: str, id_: str, en: str, example: float | None = None) -> Schema:
    """A number, or a level of the scale its object names in `scale` (see `graded`)."""
    return _field(["number", "string"], title, id_ + " Angka; tingkat skala bila `scale` diisi.",
                  en + " A number; a level of the scale when `scale` is given.", example,
                  maxLength=MAX_SHORT)


def scale_field(when_id: str, when_en: str) -> Schema:
    return text("Scale", f"Skala bila {when_id}, bukan angka: {_BUILTIN_SCALES}; atau `id` skala"
                " di `scales`.", f"The scale when {when_en}, not numbers: {_BUILTIN_SCALES}; or"
                " the `id` of a scale in `scales`.", None, pattern=SCALE_PATTERN, maxLength=40)


def graded(*paths: tuple[str, ...]) -> Schema:
    """`if`/`else` of an object with a `scale`: without one, the values at `paths` (a property,
    or a property's `additionalProperties`) must not be text; with one the rules check them."""
    properties: Schema = {}
    for path in paths:
        node: Schema = {"not": {"type": "string"}}
        for step in reversed(path[1:]):
            node = {step: node}
        properties[path[0]] = node | {
            "title": "Without a scale", "description": "Tanpa `scale`: angka, bukan teks.",
            "x-description-en": "Without `scale`: numbers, not text."}
    return {"if": {"required": ["scale"]}, "else": {"properties": properties}}


def status_bands(lang: str) -> str:
    """`kurang 1-2, cukup 2-3, baik 3-4 (batas termasuk)`: the bands `validate` checks a
    readiness score against (`STATUS_SCORE_RANGE`), lowest first."""
    bands = sorted(STATUS_SCORE_RANGE.items(), key=lambda item: item[1])
    text = ", ".join(f"{status} {_plain(low)}-{_plain(high)}" for status, (low, high) in bands)
    return text + (" (ends included)" if lang == "en" else " (batas termasuk)")


def _plain(value: float) -> str:
    return f"{value:g}"


def _defs(fw: Framework) -> dict[str, Schema]:
    bands_id, bands_en = status_bands("id"), status_bands("en")
    figure = obj("Figure", "Satu angka statistik beserta tahun dan sumbernya.",
                 "One statistic with its year and source.", {
                     "name": text("Name", "Nama data.", "What is measured.", "Jumlah penduduk"),
                     "value": number("Value", "Nilai (angka, tanpa pemisah ribuan).",
                                     "The value (a number, no thousands separators).", 1749773),
                     "unit": text("Unit", "Satuan.", "Unit.", "jiwa"),
                     "year": year("Year", "Tahun data.", "Year of the figure.", 2024),
                     "source": text("Source", "Sumber data.", "Source of the figure.",
                                    "BPS, Kabupaten Dalam Angka 2025", **{PLACEHOLDER: True}),
                 }, ["name", "value", "year", "source"])
    profile_section = obj("Profile section", "Satu bagian gambaran umum daerah.",
                          "One part of the regional profile.", {
                              "narrative": markdown("Narrative", "Uraian.", "Narrative.",
                                                    "Uraian singkat bagian ini."),
                              "figures": array("Figures", "Data pendukung.", "Supporting figures.",
                                               {"$ref": "#/$defs/figure"}),
                          }, ["narrative"])
    aspect = obj("Readiness aspect", "Penilaian satu aspek kesiapan.",
                 "Assessment of one readiness aspect.", {
                     "status": enum("Status", f"Status kesiapan. Bila `score` juga diisi,"
                                    f" skor di luar rentang statusnya diberi peringatan:"
                                    f" {bands_id}.", f"Readiness status. When `score` is given"
                                    f" too, a score outside the status's band is a warning:"
                                    f" {bands_en}.", list(READINESS_STATUS), "cukup"),
                     "score": number("Score", f"Skor kesiapan 1-4 (boleh desimal); rentang"
                                     f" tiap status: {bands_id}.", f"Readiness score from 1"
                                     f" to 4 (decimals allowed); the band of each status:"
                                     f" {bands_en}.", 2.5)
                     | {"minimum": 1, "maximum": 4},
                     "narrative": markdown("Narrative", "Uraian kondisi aspek ini.",
                                           "Narrative of this aspect.",
                                           "Uraian kondisi dan bukti pendukung."),
                 }, ["narrative"], anyOf=[{"required": ["status"]}, {"required": ["score"]}])
    indicator = obj("Indicator", "Indikator kinerja program dengan baseline dan target tahunan.",
                    "Program performance indicator with baseline and yearly targets.", {
                        "name": text("Name", "Nama indikator.", "Indicator name.",
                                     "Persentase layanan perizinan daring"),
                        "unit": text("Unit", "Satuan indikator.", "Unit.", "%"),
                        "scale": scale_field("baseline dan target berupa predikat",
                                             "the baseline and targets are grades"),
                        "baseline": number_or_level("Baseline", "Nilai awal (baseline).",
                                                    "Baseline value.", 20),
                        "baseline_year": year("Baseline year", "Tahun baseline.",
                                              "Year of the baseline.", 2025),
                        "targets": _field(
                            "object", "Targets", "Target per tahun: `tahun: nilai` (angka, atau"
                            " tingkat skala bila `scale` diisi). Tahun di dalam periode; tahun"
                            " setelah periode (mis. target RPJPD 2045) boleh, dicetak terpisah"
                            " sebagai konteks.", "Target per year: `year: value` (a number, or a"
                            " level of the scale when `scale` is given). Years inside the"
                            " period; a year after it (e.g. the RPJPD's 2045 target) is allowed"
                            " and printed apart, as context.", {2026: 40, 2030: 100},
                            propertyNames={"pattern": r"^20[0-9]{2}$"},
                            additionalProperties={"type": ["number", "string"],
                                                  "maxLength": MAX_SHORT},
                            minProperties=1),
                    } | _indicator_references(), ["name", "unit", "targets"],
                    **graded(("baseline",), ("targets", "additionalProperties")))
    budget = obj("Budget line", "Anggaran satu tahun dari satu sumber dana.",
                 "The budget of one year from one funding source.", {
                     "year": year("Year", "Tahun anggaran.", "Budget year.", 2026),
                     "amount": money("Amount", "Besar anggaran.", "Amount.", 750000000),
                     "source": text("Funding source",
                                    "Kode sumber dana: APBD, APBD_PROV, APBN, DAK, DANA_DESA, KPBU,"
                                    " OBLIGASI, CSR, HIBAH, SWASTA, DONOR, BLUD, atau kode di"
                                    " `funding_sources`.",
                                    "Funding source code: APBD, APBD_PROV, APBN, DAK, DANA_DESA,"
                                    " KPBU, OBLIGASI, CSR, HIBAH, SWASTA, DONOR, BLUD, or a code"
                                    " declared in `funding_sources`.", "APBD",
                                    pattern=r"^[A-Z][A-Z0-9_]*$"),
                     "note": text("Note", "Keterangan.", "Remark.", None),
                 }, ["year", "amount", "source"])
    program = obj("Program", "Satu program smart city.", "One smart-city program.", {
        "id": text("Id", "Kode unik program, huruf besar, angka dan tanda hubung.",
                   "Unique program code: capitals, digits and hyphens.", "GOV-01",
                   pattern=ID_PATTERN, maxLength=40),
        "name": text("Name", "Nama program.", "Program name.", "Mal Pelayanan Publik Digital"),
        "description": markdown("Description", "Uraian program.", "Program description.",
                                "Integrasi layanan perizinan dan kependudukan dalam satu portal."),
        "activities": text_list("Activities", "Kegiatan utama program.", "Main activities.",
                                "Pengembangan portal layanan terpadu"),
        "lead_opd": text("Lead agency", "OPD penanggung jawab (nama atau kode di `agencies`).",
                         "Responsible agency (name, or a code from `agencies`).",
                         "DISKOMINFO"),
        "supporting_opds": text_list("Supporting agencies", "OPD pendukung.",
                                     "Supporting agencies.", "DPMPTSP"),
        "partners": text_list("Partners", "Mitra (perguruan tinggi, swasta, komunitas).",
                              "Partners (universities, companies, communities).",
                              "Perguruan tinggi setempat"),
        "horizon": enum("Horizon", f"Jangka waktu menurut lamanya, mulai tahun berapa pun di"
                        f" dalam periode: short paling lama {SHORT_YEARS} tahun, medium paling"
                        f" lama {MEDIUM_YEARS} tahun (satu RPJMD, mis. 2027-2031), long lebih"
                        f" dari {MEDIUM_YEARS} tahun atau berlanjut setelah tahun ke-"
                        f"{MEDIUM_YEARS} periode.", f"Horizon by duration, starting in any year"
                        f" of the period: short lasts at most {SHORT_YEARS} years, medium at"
                        f" most {MEDIUM_YEARS} years (one RPJMD, e.g. 2027-2031), long more"
                        f" than {MEDIUM_YEARS} years or runs past the period's year"
                        f" {MEDIUM_YEARS}.", list(HORIZONS), "medium"),
        "status": enum("Status", "Program baru, atau lanjutan dari masterplan sebelumnya"
                       " (continued); dicetak pada keterangan program dan dihitung pada tabel"
                       " tahapan pelaksanaan.", "A new program, or one continued from the"
                       " previous masterplan (continued); printed in the program's facts and"
                       " counted in the implementation stages table.", list(PROGRAM_STATUS),
                       "new"),
        "start_year": year("Start year", "Tahun mulai, tahun berapa pun di dalam periode.",
                           "First year, any year of the period.", 2026),
        "end_year": year("End year", "Tahun selesai.", "Last year.", 2030),
        "indicators": array("Indicators", "Indikator kinerja.", "Performance indicators.",
                            {"$ref": "#/$defs/indicator"}),
        "budget": array("Budget", "Anggaran per tahun dan sumber dana.",
                        "Budget per year and funding source.", {"$ref": "#/$defs/budget_line"}),
        "sdg": array("SDGs", "Nomor tujuan SDGs terkait (1-17).", "Related SDG goals (1-17).",
                     {"type": "integer", "minimum": 1, "maximum": 17}),
        "iso37122": text_list("ISO 37122", "Nomor indikator SNI ISO 37122 terkait.",
                              "Related SNI ISO 37122 indicator numbers.", "6.1"),
        "aligns": ref("aligns", "Alignment", "Keselarasan program dengan RPJMD, Renstra OPD,"
                      " SPBE dan RTRW.", "The program's alignment with the RPJMD, the agency's"
                      " Renstra, SPBE and the spatial plan (RTRW)."),
    }, ["id", "name", "lead_opd", "horizon", "start_year", "end_year"])
    sub_dimension = obj("Sub-dimension", "Satu sub-dimensi (elemen) dengan programnya.",
                        "One sub-dimension (element) with its programs.", {
                            "label": text("Label", "Nama tampilan, bila berbeda dari nama baku.",
                                          "Display name, when it differs from the standard one.",
                                          None),
                            "strategies": text_list("Strategies", "Strategi sub-dimensi.",
                                                    "Strategies of this sub-dimension.",
                                                    "Digitalisasi layanan dasar"),
                            "programs": array("Programs", "Program pada sub-dimensi ini.",
                                              "Programs of this sub-dimension.",
                                              {"$ref": "#/$defs/program"}),
                        })
    swot = obj("SWOT", "Analisis SWOT.", "SWOT analysis.", {
        "strengths": text_list("Strengths", "Kekuatan.", "Strengths.", "Komitmen kepala daerah"),
        "weaknesses": text_list("Weaknesses", "Kelemahan.", "Weaknesses.",
                                "Keterbatasan SDM TIK"),
        "opportunities": text_list("Opportunities", "Peluang.", "Opportunities.",
                                   "Program nasional SPBE"),
        "threats": text_list("Threats", "Ancaman.", "Threats.", "Ancaman keamanan siber"),
    })
    member = obj("Member", "Anggota.", "Member.", {
        "role": text("Role", "Kedudukan dalam tim.", "Role in the body.", "Ketua"),
        "position": text("Position", "Jabatan.", "Position.", "Sekretaris Daerah"),
    }, ["role", "position"])
    body = obj("Body", "Lembaga pelaksana.", "Governing body.", {
        "name": text("Name", "Nama lembaga.", "Name.", None),
        "legal_basis": text("Legal basis", "Dasar hukum pembentukan (SK).",
                            "Legal basis (decree).", None),
        "duties": text_list("Duties", "Tugas.", "Duties.", "Mengarahkan pelaksanaan masterplan"),
        "members": array("Members", "Susunan keanggotaan.", "Members.",
                         {"$ref": "#/$defs/member"}),
        "decree": _decree(),
    })
    picture = obj("Picture", "Gambar: berkas PNG, JPEG atau SVG di folder spec, dicetak dengan"
                  " nomor (Gambar 2.1) dan masuk Daftar Gambar.", "A picture: a PNG, JPEG or"
                  " SVG file in the spec's folder, printed with a number (Gambar 2.1) and"
                  " listed in the list of figures.", {
                      "file": text("File", "Berkas gambar (PNG, JPEG atau SVG tanpa rujukan ke"
                                   " berkas lain), relatif terhadap berkas spec.", "Picture"
                                   " file (PNG, JPEG, or SVG referring to no other file),"
                                   " relative to the spec file.", "peta-wilayah.png"),
                      "caption": text("Caption", "Keterangan di bawah gambar, juga di Daftar"
                                      " Gambar.", "Caption under the picture, also in the list"
                                      " of figures.", "Peta administrasi"),
                      "alt": text("Alt text", "Teks alternatif bagi pembaca layar: apa yang"
                                  " tampak pada gambar (tanpa itu: peringatan).", "Alternative"
                                  " text for screen readers: what the picture shows (a warning"
                                  " without it).", "Peta wilayah dengan batas kecamatan"),
                      "source": text("Source", "Sumber gambar, dicetak di bawah keterangan.",
                                     "Source of the picture, printed under the caption.",
                                     "Bappeda, 2025"),
                  }, ["file", "caption"], **{"x-picture": True})
    kpi = obj("KPI", "Indikator keberhasilan quick win.", "Quick-win KPI.", {
        "name": text("Name", "Nama indikator.", "Indicator name.", "Jumlah pengguna aktif"),
        "unit": text("Unit", "Satuan.", "Unit.", "orang"),
        "baseline": number("Baseline", "Nilai awal.", "Baseline.", 0),
        "target": number("Target", "Target.", "Target.", 10000),
    }, ["name", "unit", "target"])
    milestone = obj("Milestone", "Tonggak capaian.", "Milestone.", {
        "when": text("When", "Waktu (mis. 2026-06 atau Triwulan II 2026).",
                     "When (e.g. 2026-06 or Q2 2026).", "2026-06"),
        "description": text("Description", "Capaian.", "What is achieved.",
                             "Aplikasi diluncurkan"),
    }, ["when", "description"])
    quick_win = obj("Quick win", "Program percepatan (quick win).", "Quick-win program.", {
        "id": text("Id", "Kode unik quick win.", "Unique quick-win code.", "QW-01",
                   pattern=ID_PATTERN, maxLength=40),
        "name": text("Name", "Nama quick win.", "Quick-win name.", "Portal Satu Data"),
        "program": text("Program", "Kode program induk di masterplan.",
                        "Id of the masterplan program it belongs to.", "GOV-01",
                        pattern=ID_PATTERN, maxLength=40),
        "type": enum("Type", "Jenis quick win.", "Quick-win type.", list(QUICK_WIN_TYPES), "app"),
        "problem": markdown("Problem", "Masalah yang diselesaikan.", "Problem addressed.",
                            "Data sektoral tersebar dan sulit diakses."),
        "description": markdown("Description", "Uraian quick win.", "Description.",
                                "Portal data terpadu untuk semua OPD."),
        "owner_opd": text("Owner agency", "OPD pemilik.", "Owning agency.", "DISKOMINFO"),
        "supporting_opds": text_list("Supporting agencies", "OPD pendukung.",
                                     "Supporting agencies.", "BAPPEDA"),
        "partners": text_list("Partners", "Mitra.", "Partners.", "BPS"),
        "location": text("Location", "Lokasi.", "Location.", "Seluruh kecamatan"),
        "beneficiaries": text("Beneficiaries", "Penerima manfaat.", "Beneficiaries.",
                              "Masyarakat dan OPD"),
        "start_year": year("Start year", "Tahun mulai (tahun pertama atau kedua periode).",
                           "First year (first or second year of the period).", 2026),
        "end_year": year("End year", "Tahun selesai.", "Last year.", 2026),
        "milestones": array("Milestones", "Tonggak capaian.", "Milestones.",
                            {"$ref": "#/$defs/milestone"}),
        "budget": array("Budget", "Anggaran.", "Budget.", {"$ref": "#/$defs/budget_line"}),
        "kpis": array("KPIs", "Indikator keberhasilan.", "Key performance indicators.",
                      {"$ref": "#/$defs/kpi"}),
        "status": enum("Status", "Status pelaksanaan.", "Status.", list(QUICK_WIN_STATUS),
                       "planned"),
        "mockups": array("Mock-ups", "Rancangan tampilan (mock-up) quick win, dicetak pada"
                         " profilnya.", "Mock-ups of the quick win, printed in its profile.",
                         {"$ref": "#/$defs/picture"}, max_items=20),
    }, ["id", "name", "program", "type", "owner_opd", "start_year", "end_year"])
    previous_program = obj(
        "Previous program", "Satu program masterplan sebelumnya dan realisasinya.",
        "One program of the previous masterplan and what became of it.", {
            "id": text("Id", "Kode program seperti tertulis di masterplan sebelumnya (bebas).",
                       "The program's code as the previous masterplan wrote it (any text).",
                       "A.1", maxLength=40),
            "name": text("Name", "Nama program seperti tertulis di masterplan sebelumnya.",
                         "The program's name as the previous masterplan wrote it.",
                         "Smart Kampung"),
            "dimension": enum("Dimension", f"{fw.term.id} program.",
                              f"The program's {fw.term.en}.", list(fw.dimensions),
                              next(iter(fw.dimensions))),
            "planned": text("Planned", "Yang direncanakan (keluaran atau target).",
                            "What was planned (output or target).",
                            "Layanan administrasi daring di seluruh desa", maxLength=1000),
            "realisation": enum("Realisation", "Realisasi program: done (selesai), ongoing"
                                " (berjalan), not_implemented (tidak dilaksanakan), stopped"
                                " (dihentikan).", "What became of the program: done, ongoing,"
                                " not_implemented or stopped.", list(REALISATION_STATUS),
                                "done"),
            "note": text("Note", "Catatan singkat (capaian, kendala).",
                         "A short note (what was achieved, what stood in the way).", None,
                         maxLength=1000),
            "continued_as": text("Continued as", "Kode program masterplan ini yang"
                                 " melanjutkannya (program itu berstatus `continued`).",
                                 "The id of the program of this masterplan that continues it"
                                 " (that program's status is `continued`).", "GOV-01",
                                 pattern=ID_PATTERN, maxLength=40),
        }, ["name", "dimension", "realisation"])
    defs: dict[str, Schema] = _enabler_defs() | {
        "previous_program": previous_program,
        "figure": figure, "profile_section": profile_section, "readiness_aspect": aspect,
        "indicator": indicator, "budget_line": budget, "program": program,
        "sub_dimension": sub_dimension, "swot": swot, "member": member, "body": body,
        "kpi": kpi, "milestone": milestone, "quick_win": quick_win, "picture": picture,
    } | _alignment_defs()
    term, sub_term = fw.term, fw.sub_term
    for key, label in fw.dimensions.items():
        subs = fw.sub_dimensions[key]
        count_id, count_en = _count(len(subs))
        defs[f"dimension_{key}"] = obj(
            label.en, f"{term.id} {label.id}.", f"The {label.en} {term.en}.", {
                "label": text("Label", "Nama tampilan, bila berbeda dari nama baku.",
                              "Display name, when it differs from the standard one.", None),
                "current_condition": markdown("Current condition", "Kondisi saat ini.",
                                              "Current condition.", "Uraian kondisi saat ini."),
                "target_condition": markdown("Target condition", "Kondisi yang diharapkan.",
                                             "Desired condition.",
                                             "Uraian kondisi yang diharapkan."),
                "gap": markdown("Gap", "Kesenjangan (gap) antara kondisi saat ini dan harapan.",
                                "Gap between current and desired condition.",
                                "Uraian kesenjangan."),
                "swot": ref("swot", "SWOT", f"Analisis SWOT {term.id.lower()} ini.",
                            f"SWOT analysis of this {term.en}."),
                "strategies": text_list("Strategies", f"Strategi {term.id.lower()}.",
                                        f"Strategies of the {term.en}.",
                                        "Penguatan tata kelola data"),
                "sub_dimensions": obj(
                    "Sub-dimensions", f"{count_id} {sub_term.id.lower()} baku: " + ", ".join(
                        f"`{k}` ({v.id})" for k, v in subs.items()) + ".",
                    f"The {count_en} standard {sub_term.en}s: " + ", ".join(
                        f"`{k}` ({v.en})" for k, v in subs.items()) + ".",
                    {k: {"$ref": "#/$defs/sub_dimension", "title": v.en,
                         "description": f"{sub_term.id} {v.id}.",
                         "x-description-en": f"{sub_term.en.capitalize()} {v.en}."}
                     for k, v in subs.items()}, list(subs)),
            }, ["current_condition", "target_condition", "sub_dimensions"])
    for area, aspects in fw.readiness_aspects.items():
        label = fw.readiness_areas[area]
        defs[f"readiness_{area}"] = obj(
            label.en, f"Kesiapan {label.id}: " + ", ".join(a.id for a in aspects.values()) + ".",
            f"{label.en} readiness: " + ", ".join(a.en for a in aspects.values()) + ".",
            {k: {"$ref": "#/$defs/readiness_aspect", "title": v.en,
                 "description": v.id + ".", "x-description-en": v.en + "."}
             for k, v in aspects.items()} | {
                "summary": markdown("Summary", "Ringkasan area ini.", "Summary of this area.",
                                    None)} | _readiness_swot(), list(aspects))
    return defs


# --- alignment (RPJMD, Renstra, SPBE, RTRW), readiness SWOT, indicator references ----------

#: The id of an RPJMD item: capitals and digits, parts joined by dots or hyphens (M2, T2.1).
RPJMD_ID_PATTERN = r"^[A-Z][A-Z0-9]*([.-][A-Z0-9]+)*$"
SPBE_PATTERN = r"^[a-z][a-z_]*$"


def _rpjmd_id(example: str) -> Schema:
    return text("Id", "Kode unik butir RPJMD, dirujuk program di `aligns.rpjmd` (mis. M1,"
                " T1.1, S1.1.2).", "Unique id of the RPJMD item, referred to by programs in"
                " `aligns.rpjmd` (e.g. M1, T1.1, S1.1.2).", example, pattern=RPJMD_ID_PATTERN,
                maxLength=40)


def _rpjmd_mission() -> Schema:
    """A mission: text (as before), or an object with an id that programs can link to."""
    return {"type": ["string", "object"], "title": "Mission",
            "description": "Satu misi RPJMD: teks, atau `{id, text}`.",
            "x-description-en": "One RPJMD mission: text, or `{id, text}`.",
            "examples": ["Misi pertama"], PLACEHOLDER: True, "minLength": 1,
            "maxLength": MAX_SHORT,
            "properties": {
                "id": _rpjmd_id("M1"),
                "text": text("Text", "Rumusan misi.", "The mission.", "Misi pertama",
                             maxLength=2000),
            }, "required": ["id", "text"], "additionalProperties": False}


def _rpjmd_structure() -> Schema:
    """Goals (tujuan), targets (sasaran) and regional programs of the RPJMD, each with an id
    and the id of the item it belongs to."""
    return {
        "goals": array("Goals", "Tujuan RPJMD; `mission` ialah `id` misinya.", "RPJMD goals"
                       " (tujuan); `mission` is the `id` of its mission.",
                       {"$ref": "#/$defs/rpjmd_goal"}),
        "targets": array("Targets", "Sasaran RPJMD; `goal` ialah `id` tujuannya.",
                         "RPJMD targets (sasaran); `goal` is the `id` of its goal.",
                         {"$ref": "#/$defs/rpjmd_target"}),
        "programs": array("Regional programs", "Program pembangunan daerah RPJMD; `target`"
                          " ialah `id` sasarannya.", "The RPJMD's regional programs; `target`"
                          " is the `id` of its target.", {"$ref": "#/$defs/rpjmd_program"}),
    }


def _readiness_swot() -> Schema:
    return {"swot": ref("swot", "SWOT", "Analisis SWOT area kesiapan ini, dicetak"
                        " setelah aspek-aspeknya.", "SWOT analysis of this readiness area,"
                        " printed after its aspects.") | {COMMENTED: True}}


def _indicator_references() -> Schema:
    return {
        "iso": text("ISO indicator", "Nomor indikator SNI ISO yang diukur: `37122:10.2` (SNI"
                    " ISO 37122:2019) atau `37120:10.1` (SNI ISO 37120:2018); dicetak di"
                    " dokumen rencana indikator.", "The SNI ISO indicator measured:"
                    " `37122:10.2` (SNI ISO 37122:2019) or `37120:10.1` (SNI ISO 37120:2018);"
                    " printed in the indicator plan.", "37122:10.2", pattern=ISO_PATTERN,
                    maxLength=12),
        "source": text("Data source", "Sumber data indikator (instansi, sistem atau survei).",
                       "Where the indicator's data comes from (agency, system or survey).",
                       "Diskominfo, dasbor layanan daring"),
    }


def _alignment_defs() -> dict[str, Schema]:
    def item(title: str, id_: str, en: str, example_id: str, parent: str | None,
             parent_id: str, parent_en: str, parent_example: str, example: str) -> Schema:
        props: dict[str, Schema] = {
            "id": _rpjmd_id(example_id),
            "text": text("Text", "Rumusan.", "The statement.", example, maxLength=2000),
        }
        if parent:
            props[parent] = text(parent.capitalize(), parent_id, parent_en, parent_example,
                                 pattern=RPJMD_ID_PATTERN, maxLength=40)
        return obj(title, id_, en, props, ["id", "text"])

    goal = item("RPJMD goal", "Satu tujuan RPJMD.", "One RPJMD goal (tujuan).", "T1.1",
                "mission", "`id` misi tempat tujuan ini.", "The `id` of its mission.", "M1",
                "Meningkatnya kualitas tata kelola pemerintahan")
    target = item("RPJMD target", "Satu sasaran RPJMD.", "One RPJMD target (sasaran).",
                  "S1.1.1", "goal", "`id` tujuan tempat sasaran ini.", "The `id` of its goal.",
                  "T1.1", "Meningkatnya indeks SPBE")
    target["properties"]["indicator"] = text(
        "Indicator", "Indikator sasaran (seperti tertulis di RPJMD).",
        "The target's indicator (as the RPJMD writes it).", "Indeks SPBE")
    program = item("RPJMD program", "Satu program pembangunan daerah RPJMD.",
                   "One regional program of the RPJMD.", "P1.1.1.1", "target",
                   "`id` sasaran tempat program ini.", "The `id` of its target.", "S1.1.1",
                   "Program Penyelenggaraan Statistik Sektoral dan Persandian")
    aligns = obj("Alignment", "Keselarasan program dengan dokumen perencanaan lain.",
                 "The program's alignment with other plans.", {
                     "rpjmd": array("RPJMD", "`id` butir RPJMD (misi, tujuan, sasaran atau"
                                    " program daerah) yang didukung program ini.", "The ids of"
                                    " the RPJMD items (mission, goal, target or regional"
                                    " program) this program serves.",
                                    text("RPJMD item", "`id` butir RPJMD.",
                                         "Id of an RPJMD item.", None,
                                         pattern=RPJMD_ID_PATTERN, maxLength=40), max_items=50),
                     "renstra": text("Renstra", "Program Renstra OPD penanggung jawab yang"
                                     " memuat program ini.", "The program of the lead agency's"
                                     " Renstra (strategic plan) that carries this one.",
                                     "Program Aplikasi Informatika", maxLength=1000),
                     "spbe": array("SPBE", "Domain arsitektur atau layanan SPBE (Perpres"
                                   " 95/2018): " + ", ".join(SPBE) + ".", "SPBE architecture"
                                   " domain or service (Perpres 95/2018): " + ", ".join(SPBE)
                                   + ".", text("SPBE item", "Kode domain/layanan SPBE.",
                                               "SPBE domain or service code.", None,
                                               pattern=SPBE_PATTERN, maxLength=60),
                                   max_items=len(SPBE)),
                     "spatial": text("Spatial plan", "Butir Rencana Tata Ruang Wilayah (RTRW)"
                                     " yang terkait (kawasan, rencana struktur atau pola"
                                     " ruang).", "The item of the spatial plan (RTRW) it"
                                     " relates to (area, structure or land-use plan).",
                                     "Kawasan perkotaan Banyuwangi", maxLength=1000),
                 }, None, **{COMMENTED: True})
    return {"rpjmd_goal": goal, "rpjmd_target": target, "rpjmd_program": program,
            "aligns": aligns}


def _enabler_defs() -> dict[str, Schema]:
    """An enabler (planned like a program) and a risk of the register."""
    enabler = obj("Enabler", "Satu faktor pendukung, direncanakan seperti program.",
                  "One enabler, planned like a program.", {
        "id": text("Id", "Kode unik, huruf besar, angka dan tanda hubung (mis. REG-01,"
                   " TIK-01, SDM-01); tidak boleh sama dengan kode program.", "Unique code:"
                   " capitals, digits and hyphens (e.g. REG-01, ICT-01, HR-01); not a"
                   " program's code.", "REG-01", pattern=ID_PATTERN, maxLength=40),
        "name": text("Name", "Nama faktor pendukung.", "Name of the enabler.",
                     "Forum Smart City"),
        "description": markdown("Description", "Uraian.", "Description.",
                                "Forum berkala perangkat daerah, perguruan tinggi, dunia usaha"
                                " dan komunitas."),
        "output": text("Output", "Keluaran yang dapat dibuktikan (mis. Perbup ditetapkan, SK"
                       " diterbitkan, pusat data bersertifikat).", "The output that can be"
                       " shown (e.g. the regulation signed, the decree issued, a certified"
                       " data centre).", "Empat pertemuan setahun dengan notulen", maxLength=1000),
        "activities": text_list("Activities", "Kegiatan utama.", "Main activities.",
                                "Penyusunan jadwal dan agenda forum"),
        "lead_opd": text("Lead agency", "OPD penanggung jawab (nama atau kode di `agencies`).",
                         "Responsible agency (name, or a code from `agencies`).", "BAPPEDA"),
        "supporting_opds": text_list("Supporting agencies", "OPD pendukung.",
                                     "Supporting agencies.", "DISKOMINFO"),
        "status": enum("Status", "Keadaan saat masterplan disusun: missing (belum ada),"
                       " partial (sebagian ada atau belum berfungsi penuh), in_place (sudah ada).",
                       "The state when the plan is written: missing, partial (in place but"
                       " not fully working), in_place.", list(ENABLER_STATUS), "missing"),
        "start_year": year("Start year", "Tahun mulai, di dalam periode.",
                           "First year, inside the period.", 2026),
        "end_year": year("End year", "Tahun selesai.", "Last year.", 2030),
        "meeting_months": array("Meeting months", "Bulan pertemuan rutin setiap tahun (1-12),"
                                " mis. Forum Kota Cerdas atau rapat Dewan; dicetak sebagai"
                                " kalender pertemuan.", "The months of the regular meetings"
                                " each year (1-12), e.g. of the Smart City Forum or the"
                                " council; printed as the meeting calendar.",
                                {"type": "integer", "minimum": 1, "maximum": 12},
                                max_items=12) | {"examples": [[3, 6, 9, 12]]},
        "indicators": array("Indicators", "Indikator kinerja, seperti pada program.",
                            "Performance indicators, as a program's.",
                            {"$ref": "#/$defs/indicator"}),
        "budget": array("Budget", "Anggaran per tahun dan sumber dana; dihitung pada"
                        " pendanaan sebagai baris tersendiri.", "Budget per year and funding"
                        " source; counted in the funding tables as a line of its own.",
                        {"$ref": "#/$defs/budget_line"}),
    }, ["id", "name", "lead_opd", "start_year", "end_year"])
    scale_id = "; ".join(f"{k} {v.id.lower()}" for k, v in LIKELIHOOD.items())
    scale_en = "; ".join(f"{k} {v.en.lower()}" for k, v in LIKELIHOOD.items())
    impact_id = "; ".join(f"{k} {v.id.lower()}" for k, v in IMPACT.items())
    impact_en = "; ".join(f"{k} {v.en.lower()}" for k, v in IMPACT.items())
    risk = obj("Risk", "Satu risiko pelaksanaan masterplan.",
               "One risk to carrying out the masterplan.", {
        "id": text("Id", "Kode unik risiko.", "Unique code of the risk.", "RSK-01",
                   pattern=ID_PATTERN, maxLength=40),
        "risk": text("Risk", "Uraian risiko (peristiwa dan akibatnya).",
                     "The risk (the event and what follows from it).",
                     "Anggaran APBD untuk smart city tidak tersedia", maxLength=1000),
        "likelihood": _field("integer", "Likelihood", f"Kemungkinan terjadi, 1-5: {scale_id}.",
                             f"Likelihood, 1-5: {scale_en}.", 3, minimum=1, maximum=5),
        "impact": _field("integer", "Impact", f"Dampak, 1-5: {impact_id}.",
                         f"Impact, 1-5: {impact_en}.", 4, minimum=1, maximum=5),
        "mitigation": text("Mitigation", "Langkah mitigasi.", "Mitigation.",
                           "Program masuk RKPD dan Renja OPD sejak tahun pertama",
                           maxLength=2000),
        "owner_opd": text("Owner agency", "OPD pemilik risiko (nama atau kode di `agencies`).",
                          "The agency owning the risk (name, or a code from `agencies`).",
                          "BAPPEDA"),
        "links": array("Linked programs", "Kode program atau faktor pendukung yang terkena.",
                       "Ids of the programs or enablers it affects.",
                       text("Id", "Kode program atau faktor pendukung.",
                            "A program's or an enabler's id.", "GOV-01", pattern=ID_PATTERN,
                            maxLength=40), max_items=100),
    }, ["id", "risk", "likelihood", "impact", "mitigation", "owner_opd"])
    return {"enabler": enabler, "risk": risk}


def _enablers_section() -> Schema:
    groups = {key: array(label.en, f"Faktor pendukung {label.id}.",
                         f"Enablers: {label.en}.", {"$ref": "#/$defs/enabler"})
              for key, label in ENABLER_GROUPS.items()}
    return obj(
        "Enablers", "Faktor pendukung smart city (regulasi dan kelembagaan, infrastruktur TIK,"
        " sumber daya manusia), direncanakan seperti program dalam bab tersendiri setelah"
        " strategi dan program; tampil pada peta jalan dan pendanaan.", "The smart-city"
        " enablers (regulation and institutions, ICT infrastructure, people), planned like"
        " programs in a chapter of their own after the strategies and programs; shown on the"
        " roadmap and in the funding.",
        {"introduction": markdown("Introduction", "Pengantar bab faktor pendukung.",
                                  "Introduction of the enablers chapter.", None)} | groups,
        None, **{COMMENTED: True})


def risks_field() -> Schema:
    return array("Risk register", "Register risiko, dicetak di bab tata kelola: tingkat risiko ="
                 f" kemungkinan × dampak ({risk_bands('id')}).", "The risk register, printed"
                 " in the governance chapter: the level is likelihood × impact"
                 f" ({risk_bands('en')}).", {"$ref": "#/$defs/risk"}, max_items=200)


_COUNTS = {1: ("Satu", "one"), 2: ("Dua", "two"), 3: ("Tiga", "three"), 4: ("Empat", "four"),
           5: ("Lima", "five"), 6: ("Enam", "six"), 7: ("Tujuh", "seven"),
           8: ("Delapan", "eight"), 9: ("Sembilan", "nine"), 10: ("Sepuluh", "ten")}


def _count(number: int) -> tuple[str, str]:
    return _COUNTS.get(number, (str(number), str(number)))


def build_schema(framework: Framework | None = None) -> Schema:
    """The whole schema as a JSON-compatible dict (deterministic key order), for `framework`
    (default: `generator.spec.framework.DEFAULT_FRAMEWORK`)."""
    fw = framework or default_framework()
    region = obj("Region", "Daerah (kabupaten/kota).", "The region (regency or city).", {
        "code": text("Code", "Kode wilayah Kemendagri `PP.KK` dalam tanda kutip; KK 01-69"
                     " kabupaten, 71-99 kota.", "Kemendagri region code `PP.KK` in quotes;"
                     " KK 01-69 is a kabupaten, 71-99 a kota.", "35.10",
                     pattern=r"^[0-9]{2}\.[0-9]{2}$", maxLength=5),
        "name": text("Name", "Nama daerah tanpa 'Kabupaten'/'Kota'.",
                     "Region name without 'Kabupaten'/'Kota'.", "Banyuwangi"),
        "type": enum("Type", "Jenis daerah.", "Region type.", list(REGION_TYPES), "kabupaten"),
        "province": text("Province", "Nama provinsi, dicetak seperti ditulis; harus provinsi"
                         " dari dua angka pertama `code`. Nama resmi atau yang lazim diterima,"
                         " tanpa membedakan huruf besar, tanda baca dan kata 'Provinsi' (mis."
                         " Daerah Istimewa Yogyakarta, DI Yogyakarta, DIY; DKI Jakarta, Daerah"
                         " Khusus Jakarta; Bangka Belitung; Papua Barat Daya).",
                         "Province name, printed as written; it must be the province of the"
                         " first two digits of `code`. The official name or a usual one is"
                         " accepted, regardless of case, punctuation and the word 'Provinsi'"
                         " (e.g. Daerah Istimewa Yogyakarta, DI Yogyakarta, DIY; DKI Jakarta,"
                         " Daerah Khusus Jakarta; Bangka Belitung; Papua Barat Daya).",
                         "Jawa Timur"),
        "head_title": text("Head's title", "Sebutan kepala daerah (Bupati/Wali Kota).",
                           "Title of the regional head (Bupati/Wali Kota).", "Bupati"),
        "head_name": text("Head's name", "Nama kepala daerah, tanpa sebutan Bupati/Wali Kota.",
                          "Name of the regional head, without the title Bupati/Wali Kota.",
                          None),
        "deputy_head_name": text("Deputy head's name", "Nama wakil kepala daerah (Wakil Bupati"
                                 "/Wakil Wali Kota), tanpa sebutannya; dicetak di bawah tanda"
                                 " tangan kata pengantar.", "Name of the deputy head (Wakil"
                                 " Bupati/Wakil Wali Kota), without the title; printed under"
                                 " the foreword's signature.", None),
        "logo": text("Logo", "Berkas logo (PNG atau JPEG), relatif terhadap berkas spec.",
                     "Logo file (PNG or JPEG), relative to the spec file.", None),
    }, ["code", "name", "type", "province"])
    cohort = obj("Cohort", "Angkatan Gerakan Menuju Smart City.",
                 "The Smart City Movement cohort.", {
                     "year": year("Year", "Tahun angkatan.", "Cohort year.", 2025),
                     "track": text("Track", "Jalur/kategori angkatan (mis. reguler, pariwisata).",
                                   "Cohort track (e.g. regular, tourism).", "reguler"),
                 }, ["year"])
    period = obj("Period", "Periode perencanaan, paling lama 10 tahun.",
                 "Planning period, at most 10 years.", {
                     "start_year": year("Start year", "Tahun awal.", "First year.", 2026),
                     "end_year": year("End year", "Tahun akhir.", "Last year.", 2035),
                 }, ["start_year", "end_year"])
    document = obj("Document", "Metadata dokumen.", "Document metadata.", {
        "title": text("Title", "Judul dokumen.", "Document title.", "Masterplan Smart City"),
        "subtitle": text("Subtitle", "Subjudul.", "Subtitle.", None),
        "period": period,
        "version": text("Version", "Versi dokumen.", "Document version.", "1.0"),
        "date": text("Date", "Tanggal dokumen (YYYY-MM-DD).", "Document date (YYYY-MM-DD).",
                     "2025-11-20", pattern=r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$", maxLength=10),
        "language": enum("Language", "Bahasa dokumen: id (Indonesia) atau en (Inggris).",
                         "Document language: id (Indonesian) or en (English).", ["id", "en"]),
        "authors": text_list("Authors", "Penyusun.", "Authors.", "Tim Penyusun Masterplan"),
        "consultant": text("Consultant", "Konsultan pendamping.", "Consultant.", None),
        "legal_basis": text_list("Legal basis", "Dasar hukum.", "Legal basis.",
                                 "Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah"),
    }, ["title", "period", "date"])
    intro = obj("Introduction", "BAB I Pendahuluan.", "Chapter I Introduction.", {
        "background": markdown("Background", "Latar belakang.", "Background.",
                               "Uraian latar belakang."),
        "purpose": markdown("Purpose", "Maksud dan tujuan.", "Purpose and objectives.",
                            "Uraian maksud dan tujuan."),
        "scope": markdown("Scope", "Ruang lingkup.", "Scope.", "Uraian ruang lingkup."),
    }, ["background"])
    foreword = obj("Foreword", "Kata pengantar kepala daerah.", "Foreword by the regional head.", {
        "text": markdown("Text", "Isi kata pengantar.", "Foreword text.",
                         "Puji syukur kami panjatkan ..."),
        "signatory": text("Signatory", "Nama penanda tangan.", "Who signs.", None),
        "place": text("Place", "Tempat penandatanganan.", "Place of signing.", None),
    }, ["text"])
    rpjmd = obj("RPJMD", "Visi dan misi RPJMD.", "RPJMD (5-year plan) vision and missions.", {
        "start_year": year("Start year", "Tahun awal RPJMD.", "First RPJMD year.", 2025),
        "end_year": year("End year", "Tahun akhir RPJMD.", "Last RPJMD year.", 2029),
        "vision": text("Vision", "Visi RPJMD.", "RPJMD vision.", "Visi RPJMD daerah",
                       maxLength=2000, **{PLACEHOLDER: True}),
        "missions": array("Missions", "Misi RPJMD: teks, atau `{id, text}` bila program"
                          " merujuknya di `aligns.rpjmd`.", "RPJMD missions: text, or `{id,"
                          " text}` when programs refer to it in `aligns.rpjmd`.",
                          _rpjmd_mission()),
    } | _rpjmd_structure(), ["start_year", "end_year", "vision"])
    profile = obj("Profile", "BAB II Gambaran Umum Daerah.", "Chapter II Regional Profile.", {
        "geography": ref("profile_section", "Geography", "Kondisi geografis.", "Geography."),
        "demography": ref("profile_section", "Demography", "Kondisi demografi.", "Demography."),
        "economy": ref("profile_section", "Economy", "Kondisi ekonomi.", "Economy."),
        "strategic_issues": text_list("Strategic issues", "Isu strategis daerah.",
                                      "Strategic issues.", "Pemerataan akses layanan digital"),
        "rpjmd": rpjmd,
        "map": ref("picture", "Map", "Peta wilayah, dicetak di awal BAB II.",
                   "Map of the region, printed at the start of Chapter II."),
    }, ["geography", "demography", "economy"])
    readiness = obj("Readiness", "BAB III Analisis Kesiapan Daerah.",
                    "Chapter III Readiness Analysis.",
                    {a: ref(f"readiness_{a}", label.en, f"Kesiapan {label.id}.",
                            f"{label.en} readiness.") for a, label in fw.readiness_areas.items()}
                    | {"summary": markdown("Summary", "Kesimpulan analisis kesiapan.",
                                           "Conclusion of the readiness analysis.", None)},
                    list(fw.readiness_areas))
    target = obj("Target", "Sasaran terukur.", "Measurable target.", {
        "description": text("Description", "Sasaran.", "Target.",
                            "Indeks SPBE mencapai kategori sangat baik"),
        "indicator": text("Indicator", "Indikator.", "Indicator.", "Indeks SPBE"),
        "unit": text("Unit", "Satuan.", "Unit.", "indeks"),
        "scale": scale_field("nilai target berupa predikat", "the value is a grade"),
        "value": number_or_level("Value", "Nilai target.", "Target value.", 4),
        "year": year("Year", "Tahun target: di dalam periode, atau setelahnya (mis. target RPJPD"
                     " 2045) yang dicetak sebagai konteks di luar periode.", "Target year: inside"
                     " the period, or after it (e.g. the RPJPD's 2045 target), printed as"
                     " context beyond the period.", 2030),
    }, ["description", "year"], **graded(("value",)))
    vision = obj("Vision", "BAB V Visi, misi dan arah pengembangan smart city.",
                 "Chapter V Smart-city vision, mission and direction.", {
                     "statement": text("Statement", "Rumusan visi smart city.",
                                       "Smart-city vision statement.",
                                       "Terwujudnya daerah cerdas yang sejahtera",
                                       maxLength=2000, **{PLACEHOLDER: True}),
                     "description": markdown("Description", "Penjelasan visi.",
                                             "Explanation of the vision.", None),
                     "missions": text_list("Missions", "Misi smart city.", "Smart-city missions.",
                                           "Mewujudkan pelayanan publik digital"),
                     "goals": text_list("Goals", "Tujuan.", "Goals.",
                                        "Meningkatkan kualitas pelayanan publik"),
                     "targets": array("Targets", "Sasaran.", "Targets.",
                                      {"$ref": "#/$defs/target"}),
                 }, ["statement"])
    count_id, count_en = _count(len(fw.dimensions))
    dimensions = obj("Dimensions", f"BAB IV & VI: {count_id.lower()} {fw.term.id.lower()} smart"
                     " city (kunci tetap).", f"Chapters IV & VI: the {count_en} smart-city"
                     f" {fw.term.en}s (fixed keys).",
                     {k: ref(f"dimension_{k}", v.en, f"{fw.term.id} {v.id}.",
                             f"{v.en} {fw.term.en}.")
                      for k, v in fw.dimensions.items()}, list(fw.dimensions))
    governance = obj("Governance", "BAB IX Tata kelola.", "Chapter IX Governance.", {
        "council": ref("body", "Council", "Dewan Smart City.", "Smart City Council."),
        "implementation_team": ref("body", "Implementation team", "Tim Pelaksana Smart City.",
                                   "Smart City Implementation Team."),
        "monitoring": markdown("Monitoring", "Pemantauan.", "Monitoring.",
                               "Pemantauan dilakukan setiap triwulan."),
        "evaluation": markdown("Evaluation", "Evaluasi.", "Evaluation.",
                               "Evaluasi dilakukan setiap tahun."),
        "organisation_chart": ref("picture", "Organisation chart", "Bagan organisasi Dewan"
                                  " dan Tim Pelaksana, dicetak setelah keduanya.",
                                  "Organisation chart of the council and the team, printed"
                                  " after them."),
        "risks": risks_field(),
    })
    previous = obj(
        "Previous masterplan", "Evaluasi masterplan sebelumnya (bagi masterplan generasi"
        " kedua), dicetak di BAB II sebelum isu strategis.", "Evaluation of the previous"
        " masterplan (for a second-generation masterplan), printed in Chapter II before the"
        " strategic issues.", {
            "title": text("Title", "Judul masterplan sebelumnya.",
                          "Title of the previous masterplan.",
                          "Masterplan Smart City 2018-2027"),
            "period": obj("Period", "Periode masterplan sebelumnya.",
                          "Period of the previous masterplan.", {
                              "start_year": year("Start year", "Tahun awal.", "First year.",
                                                 2018),
                              "end_year": year("End year", "Tahun akhir.", "Last year.",
                                               2027),
                          }, ["start_year", "end_year"]),
            "regulation": text("Regulation", "Peraturan yang menetapkannya (mis. Perbup/Perwal"
                               " beserta nomor dan tahunnya).", "The regulation that adopted"
                               " it (e.g. the Perbup/Perwal with its number and year).",
                               "Peraturan Bupati Nomor 12 Tahun 2018", maxLength=1000),
            "evaluation": markdown("Evaluation", "Uraian evaluasi: apa yang tercapai, apa yang"
                                   " tidak, dan pelajarannya.", "The evaluation: what was"
                                   " achieved, what was not, and the lessons.",
                                   "Uraian evaluasi masterplan sebelumnya."),
            "programs": array("Programs", "Program masterplan sebelumnya beserta realisasinya;"
                              " dicetak sebagai tabel rencana dan realisasi.", "The previous"
                              " masterplan's programs and what became of them; printed as a"
                              " table of planned against realised.",
                              {"$ref": "#/$defs/previous_program"}),
        }, ["title", "period"], **{COMMENTED: True})
    phase = obj("Phase", "Satu tahap peta jalan.", "One phase of the roadmap.", {
        "name": text("Name", "Nama tahap, dicetak di atas kolom tahunnya pada peta jalan.",
                     "Name of the phase, printed above its years on the roadmap.",
                     "Tahap I: Fondasi", maxLength=120),
        "start_year": year("Start year", "Tahun pertama tahap.", "First year of the phase.",
                           2026),
        "end_year": year("End year", "Tahun terakhir tahap.", "Last year of the phase.", 2027),
    }, ["name", "start_year", "end_year"])
    roadmap = obj("Roadmap", "BAB VII Peta jalan.", "Chapter VII Roadmap.", {
        "phases": array("Phases", "Tahap peta jalan (Tahap I, II, III...), berurutan, tidak"
                        " tumpang tindih dan tanpa celah, dari tahun awal sampai tahun akhir"
                        " periode. Setiap program menyebut tahap yang dilaluinya.",
                        "Roadmap phases (Phase I, II, III...), in order, neither overlapping"
                        " nor leaving a gap, from the period's first year to its last. Each"
                        " program names the phases it runs in.", phase, max_items=10),
    })
    agency = obj("Agency", "Perangkat daerah (OPD).", "Regional agency (OPD).", {
        "code": text("Code", "Singkatan OPD.", "Short code.", "DISKOMINFO",
                     pattern=r"^[A-Z][A-Z0-9_-]*$", maxLength=40),
        "name": text("Name", "Nama lengkap OPD.", "Full name.",
                     "Dinas Komunikasi, Informatika dan Persandian"),
    }, ["code", "name"])
    source = obj("Funding source", "Sumber dana tambahan.", "Additional funding source.", {
        "code": text("Code", "Kode sumber dana.", "Code.", "BUMD", pattern=r"^[A-Z][A-Z0-9_]*$",
                     maxLength=40),
        "name": text("Name", "Nama sumber dana.", "Name.", "Badan Usaha Milik Daerah"),
    }, ["code", "name"])
    term = obj("Glossary term", "Istilah.", "Term.", {
        "term": text("Term", "Istilah.", "Term.", "OPD"),
        "definition": text("Definition", "Arti.", "Definition.", "Organisasi Perangkat Daerah",
                           maxLength=2000),
    }, ["term", "definition"])
    reference = obj("Reference", "Satu sumber pustaka, dirujuk dari uraian dengan `[@id]`.",
                    "One source, cited from the narratives with `[@id]`.", {
        "id": text("Id", "Kunci rujukan: huruf, angka dan `_`, boleh `:.-` di tengah; dirujuk"
                   " dari uraian Markdown sebagai `[@id]` atau `[@id, hlm. 12]`, beberapa"
                   " sekaligus `[@a; @b]` (huruf besar/kecil tidak dibedakan). Tulis `\\[@`"
                   " untuk teks `[@` biasa.", "Citation key: letters, digits and `_`, with"
                   " `:.-` inside; cited from Markdown narratives as `[@id]` or `[@id, p. 12]`,"
                   " several at once `[@a; @b]` (case does not matter). Write `\\[@` for a"
                   " plain `[@`.", "bps-dalam-angka-2024", pattern=REFERENCE_KEY_PATTERN,
                   maxLength=60),
        "authors": array("Authors", "Penulis: nama lembaga, atau orang sebagai `Nama"
                         " Belakang, Inisial.` (mis. `Nugroho, R.`).", "Authors: an"
                         " organisation's name, or a person as `Surname, Initials.` (e.g."
                         " `Nugroho, R.`).",
                         text("Author", "Satu penulis.", "One author.",
                              "Badan Pusat Statistik Kabupaten Banyuwangi"),
                         min_items=1, max_items=50),
        "cite_as": text("Cited as", "Nama singkat yang dicetak di rujukan, mis. `BPS"
                        " Banyuwangi` (bawaan: nama penulis; tiga penulis atau lebih:"
                        " `Penulis pertama dkk.`).", "Short name printed in citations, e.g."
                        " `BPS Banyuwangi` (default: the authors' names; three or more:"
                        " `First author et al.`).", maxLength=120),
        "year": _field("integer", "Year", "Tahun terbit.", "Year of publication.", 2024,
                       minimum=1900, maximum=2100),
        "title": text("Title", "Judul (dicetak miring).", "Title (printed in italics).",
                      "Kabupaten Banyuwangi dalam Angka 2024", maxLength=1000),
        "edition": text("Edition", "Edisi atau nomor, mis. `Edisi revisi`.",
                        "Edition or number, e.g. `2nd ed.`.", maxLength=120),
        "publisher": text("Publisher", "Penerbit atau lembaga penerbit (dihilangkan bila sama"
                          " dengan penulis).", "Publisher or issuing body (left out when it is"
                          " the author).", maxLength=300),
        "place": text("Place", "Kota terbit.", "Place of publication.", maxLength=120),
        "url": text("URL", "Alamat daring (http/https), dicetak sebagai teks dan tautan; tidak"
                    " pernah diunduh.", "Address on line (http/https), printed as text and a"
                    " link; never fetched.", pattern=r"^https?://[^\s]+$", maxLength=1000),
        "accessed": text("Accessed", "Tanggal diakses, `YYYY-MM-DD` (dicetak bersama URL).",
                         "Date accessed, `YYYY-MM-DD` (printed with the URL).",
                         pattern=r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$", maxLength=10),
    }, ["id", "authors", "year", "title"])
    annex = obj("Annex", "Lampiran tambahan, dicetak sesudah lampiran bawaan dengan nomor"
                " lanjutannya.", "An annex of your own, printed after the built-in annexes,"
                " numbered after them.", {
                    "title": text("Title", "Judul lampiran.", "Title of the annex.",
                                  "Surat Keputusan Dewan Smart City", maxLength=300),
                    "content": markdown("Content", "Isi lampiran: teks, tabel (dengan"
                                        " `Tabel: judul`) dan gambar, bernomor dalam"
                                        " lampirannya.", "Content of the annex: text, tables"
                                        " (with `Table: caption`) and pictures, numbered within"
                                        " the annex."),
                }, ["title", "content"])
    root = obj("Smart-city masterplan", "Spesifikasi masterplan smart city satu daerah.",
               "Smart-city masterplan specification of one region.", {
                   "spec_version": _field("integer", "Spec version", "Versi format spec.",
                                          "Version of the spec format.", 1, enum=[1]),
                   "framework": text("Framework", "Kerangka dimensi smart city: nama kerangka"
                                     " bawaan (kominfo-2017, baku; komdigi-2026, rancangan)"
                                     " atau berkas kerangka (.yaml) di folder spec. Lihat"
                                     " docs/frameworks.md.", "The smart-city framework of"
                                     " dimensions: a bundled framework's name (kominfo-2017,"
                                     " the default; komdigi-2026, a draft) or a framework file"
                                     " (.yaml) in the spec's folder. See docs/frameworks.md.",
                                     fw.name, maxLength=200),
                   "region": region,
                   "cohort": cohort,
                   "document": document,
                   "approval": _approval(),
                   "foreword": foreword,
                   "introduction": intro,
                   "profile": profile,
                   "previous_masterplan": previous,
                   "readiness": readiness,
                   "vision": vision,
                   "dimensions": dimensions,
                   "enablers": _enablers_section(),
                   "quick_wins": array("Quick wins", "BAB VIII Program quick win.",
                                       "Chapter VIII Quick-win programs.",
                                       {"$ref": "#/$defs/quick_win"}),
                   "roadmap": roadmap,
                   "governance": governance,
                   "commitment": _commitment(),
                   "closing": markdown("Closing", "BAB X Penutup.", "Chapter X Closing.",
                                       "Uraian penutup."),
                   "references": array("References", "Daftar pustaka, dicetak sesudah BAB X"
                                       " dan diurutkan menurut penulis lalu tahun; setiap"
                                       " sumber harus dirujuk dari uraian.", "Bibliography,"
                                       " printed after chapter X, sorted by author then year;"
                                       " every source must be cited from a narrative.",
                                       reference, max_items=500),
                   "annexes": array("Annexes", "Lampiran tambahan (mis. SK Dewan Smart City,"
                                    " hasil survei).", "Annexes of your own (e.g. the decree of"
                                    " the Smart City Council, survey results).", annex,
                                    max_items=50),
                   "agencies": array("Agencies", "Daftar OPD dan singkatannya.",
                                     "Agencies and their short codes.", agency),
                   "funding_sources": array("Funding sources", "Sumber dana di luar daftar baku.",
                                            "Funding sources beyond the standard list.", source),
                   "scales": array("Scales", "Skala predikat buatan sendiri, di luar skala bawaan"
                                   f" {_BUILTIN_SCALES}.", "Grade scales of your own, beyond"
                                   f" the built-in {_BUILTIN_SCALES}.",
                                   {"$ref": "#/$defs/scale"}, max_items=50),
                   "glossary": array("Glossary", "Daftar istilah.", "Glossary.", term),
               }, ["region", "cohort", "document", "profile", "readiness", "vision",
                   "dimensions", "quick_wins"])
    level = obj("Level", "Satu tingkat skala.", "One level of a scale.", {
        "code": text("Code", "Tingkat seperti ditulis pada target dan dicetak di dokumen.",
                     "The level as targets write it and documents print it.", "B", maxLength=40),
        "label": text("Label", "Arti tingkat ini (dicetak pada keterangan skala).",
                      "What the level means (printed in the scale's legend).", "Baik"),
    }, ["code"])
    scale = obj("Scale", "Skala predikat: tingkat-tingkat berurutan dari yang terendah.",
                "A grade scale: its levels in order, lowest first.", {
                    "id": text("Id", "Nama skala, huruf kecil, angka dan garis bawah; dipakai di"
                               " `scale` indikator.", "Name of the scale (lower case, digits,"
                               " underscores), used in an indicator's `scale`.", "ikm",
                               pattern=SCALE_PATTERN, maxLength=40),
                    "name": text("Name", "Nama skala yang dicetak.", "Printed name of the scale.",
                                 "Mutu pelayanan (IKM)"),
                    "levels": array("Levels", "Tingkat, dari yang terendah ke tertinggi.",
                                    "Levels, lowest first.", {"$ref": "#/$defs/level"},
                                    min_items=2, max_items=50),
                }, ["id", "name", "levels"])
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": SCHEMA_ID} | root | {
        "$defs": _defs(fw) | {"target": target, "scale": scale, "level": level,
                            "signatory": _signatory()}}


DATE_PATTERN = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"


def _signatory() -> Schema:
    return obj("Signatory", "Satu penanda tangan: blok tanda tangan dengan jabatan, ruang"
               " tanda tangan, nama, pangkat dan NIP.", "One signatory: a signature block"
               " with the position, room for the signature, the name, rank and NIP.", {
                   "label": text("Label", "Keterangan di atas jabatan, mis. Mengetahui,"
                                 " Disetujui oleh, Ditetapkan oleh.", "Words above the"
                                 " position, e.g. Mengetahui (acknowledged), Disetujui oleh"
                                 " (approved by), Ditetapkan oleh (adopted by).",
                                 "Mengetahui", maxLength=120),
                   "role": text("Position", "Jabatan seperti dicetak, mis. Bupati"
                                " Banyuwangi, Sekretaris Daerah, Kepala Bappeda.",
                                "The position as printed, e.g. Bupati Banyuwangi,"
                                " Sekretaris Daerah, Kepala Bappeda.", "Bupati Banyuwangi",
                                maxLength=200),
                   "name": text("Name", "Nama penanda tangan dengan gelarnya.",
                                "The signatory's name with degrees.",
                                "Nama Kepala Daerah", maxLength=200, **{PLACEHOLDER: True}),
                   "rank": text("Rank", "Pangkat/golongan ASN, mis. Pembina Utama Madya"
                                " (IV/d); kosong untuk pejabat politik.", "Civil-service"
                                " rank, e.g. Pembina Utama Madya (IV/d); none for an elected"
                                " official.", None, maxLength=120),
                   "nip": text("NIP", "Nomor Induk Pegawai: 18 angka, boleh berspasi (mis."
                               " 19700101 199003 1 001); kosong untuk pejabat politik.",
                               "Civil-servant number (NIP): 18 digits, spaces allowed (e.g."
                               " 19700101 199003 1 001); none for an elected official.",
                               None, maxLength=40),
                   "seal": _field("boolean", "Seal", "Tempat cap dinas (stempel) di blok ini."
                                  " Bawaan: pada kepala daerah (jabatan diawali Bupati/Wali"
                                  " Kota), kecuali ada penanda tangan lain yang diberi"
                                  " `seal: true`.", "Room for the official seal (cap) in"
                                  " this block. By default: at the regional head (the"
                                  " position starts with Bupati/Wali Kota), unless another"
                                  " signatory has `seal: true`.", None),
               }, ["role", "name"])


def _decree() -> Schema:
    """The decree (Keputusan Bupati/Wali Kota) that forms a council or team: until its
    number and date are known, `--document sk-dewan|sk-tim` prints a draft (RANCANGAN)."""
    return obj("Decree", "Keputusan kepala daerah yang membentuk lembaga ini. Selama nomor"
               " dan tanggalnya belum ada, `--document sk-dewan`/`sk-tim` mencetak"
               " RANCANGAN.", "The decree of the regional head forming this body. While its"
               " number and date are not given, `--document sk-dewan`/`sk-tim` prints a"
               " draft (RANCANGAN).", {
                   "number": text("Number", "Nomor keputusan, mis. 188/123/KEP/429.011/2026.",
                                  "Number of the decree, e.g. 188/123/KEP/429.011/2026.", None,
                                  maxLength=80),
                   "date": text("Date", "Tanggal penetapan (YYYY-MM-DD).",
                                "Date of adoption (YYYY-MM-DD).", None, pattern=DATE_PATTERN,
                                maxLength=10),
               }, None, **{COMMENTED: True})


def _commitment() -> Schema:
    """The commitment sheet (lembar komitmen) of the regional head."""
    return obj("Commitment sheet", "Lembar komitmen kepala daerah untuk melaksanakan"
               " masterplan (`--document komitmen`); RANCANGAN selama tanggalnya belum ada.",
               "The regional head's commitment sheet to implement the masterplan"
               " (`--document komitmen`); a draft (RANCANGAN) while it has no date.", {
                   "place": text("Place", "Tempat penandatanganan, mis. Jakarta.",
                                 "Place of signing, e.g. Jakarta.", None, maxLength=120),
                   "date": text("Date", "Tanggal penandatanganan (YYYY-MM-DD).",
                                "Date of signing (YYYY-MM-DD).", None, pattern=DATE_PATTERN,
                                maxLength=10),
                   "witnesses": array("Witnesses", "Saksi (boleh tidak ada), mis. Ketua DPRD"
                                      " dan mentor nasional.", "Witnesses (optional), e.g. the"
                                      " chair of the regional parliament and the national"
                                      " mentor.", {"$ref": "#/$defs/signatory"}, max_items=4),
               }, None, **{COMMENTED: True})


def _approval() -> Schema:
    """The approval page (lembar pengesahan): who signs, where and when, and the regulation
    that adopts the masterplan; what is not known yet prints as dots to fill in by hand."""
    def date(title: str, id_: str, en: str) -> Schema:
        return text(title, id_ + " (YYYY-MM-DD); kosongkan bila belum diketahui: dicetak titik-"
                    "titik untuk diisi tangan.", en + " (YYYY-MM-DD); leave it out while not"
                    " known: dots are printed, to fill in by hand.", None, pattern=DATE_PATTERN,
                    maxLength=10)

    regulation = obj("Adopting regulation", "Peraturan yang menetapkan masterplan (Peraturan"
                     " Bupati/Wali Kota). Nomor dan tanggal yang belum diketahui dicetak"
                     " titik-titik (Nomor .... Tahun 2026).", "The regulation adopting the"
                     " masterplan (Peraturan Bupati/Wali Kota). A number or date not known yet"
                     " prints as dots (Nomor .... Tahun 2026).", {
                         "kind": text("Kind", "Jenis peraturan, mis. Peraturan Bupati, Peraturan"
                                      " Wali Kota, Peraturan Daerah; nama daerah ditambahkan bila"
                                      " belum tertulis. Bawaan: Peraturan Bupati/Wali Kota sesuai"
                                      " jenis daerah.", "Kind of regulation, e.g. Peraturan"
                                      " Bupati, Peraturan Wali Kota, Peraturan Daerah; the"
                                      " region's name is added when not written. Default:"
                                      " Peraturan Bupati/Wali Kota by the region's type.", None,
                                      maxLength=120),
                         "number": _field(["string", "integer"], "Number", "Nomor peraturan"
                                          " (mis. 12, atau 12/2026).", "Number of the"
                                          " regulation (e.g. 12, or 12/2026).", None,
                                          maxLength=60, minLength=1, minimum=1),
                         "year": year("Year", "Tahun peraturan; paling awal dua tahun sebelum"
                                      " periode masterplan, paling akhir tahun akhirnya. Bawaan:"
                                      " tahun `date`.", "Year of the regulation; at the earliest"
                                      " two years before the masterplan's period, at the latest"
                                      " its last year. Default: the year of `date`.", 2026),
                         "date": date("Date", "Tanggal penetapan peraturan",
                                      "Date the regulation was adopted"),
                         "gazette_number": _field(
                             ["string", "integer"], "Gazette number", "Nomor Berita Daerah"
                             " tempat peraturan diundangkan (BERITA DAERAH ... TAHUN ... NOMOR"
                             " ...); kosongkan bila belum diketahui: dicetak titik-titik.",
                             "Number of the regional gazette (Berita Daerah) the regulation"
                             " is promulgated in (BERITA DAERAH ... TAHUN ... NOMOR ...); leave"
                             " it out while not known: dots are printed.", None, maxLength=60,
                             minLength=1, minimum=1),
                         "gazette_year": year("Gazette year", "Tahun Berita Daerah; tidak"
                                              " sebelum tahun peraturan. Bawaan: tahun"
                                              " peraturan.", "Year of the regional gazette;"
                                              " not before the regulation's year. Default:"
                                              " the regulation's year."),
                         "title": text("Title", "Judul peraturan setelah kata 'tentang'. Bawaan:"
                                       " judul dokumen dan periodenya.", "Title of the"
                                       " regulation after 'tentang' (on). Default: the document's"
                                       " title and its period.", None, maxLength=500),
                     })
    return obj("Approval page", "Lembar pengesahan, dicetak setelah sampul dan sebelum kata"
               " pengantar (hanya bila bagian ini ada): nama dokumen, daerah dan periode,"
               " peraturan penetapannya, lalu blok tanda tangan para penanda tangan, dua per"
               " baris sesuai urutan; penanda tangan terakhir yang sendirian dicetak di tengah"
               " (tulis kepala daerah paling akhir).", "The approval page (lembar pengesahan),"
               " printed after the cover and before the foreword (only when this section is"
               " there): the document, region and period, the regulation adopting it, then a"
               " signature block per signatory, two to a row in the order written; a last one"
               " alone is centred (write the regional head last).", {
                   "place": text("Place", "Tempat penetapan, mis. Banyuwangi.",
                                 "Place of adoption, e.g. Banyuwangi.", "Nama Daerah",
                                 maxLength=120, **{PLACEHOLDER: True}),
                   "date": date("Date", "Tanggal penetapan, dicetak di blok tanda tangan yang"
                                " bercap", "Date of adoption, printed in the sealed signature"
                                " block"),
                   "regulation": regulation,
                   "signatories": array("Signatories", "Penanda tangan, mis. Sekretaris Daerah"
                                        " dan Kepala Bappeda lalu kepala daerah.", "Signatories,"
                                        " e.g. the Sekretaris Daerah and the head of Bappeda,"
                                        " then the regional head.",
                                        {"$ref": "#/$defs/signatory"}, min_items=1,
                                        max_items=8),
               }, ["signatories"])


def schema_json() -> str:
    """The schema file's exact text."""
    return json.dumps(build_schema(), ensure_ascii=False, indent=2) + "\n"


if __name__ == "__main__":
    import sys

    sys.stdout.write(schema_json())
