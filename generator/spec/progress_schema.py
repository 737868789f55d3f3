"""The progress file's JSON Schema (one file per year of a masterplan), defined once here.

`schemas/progress.schema.json` is generated from `build_progress_schema()` (a test fails when
the two drift; `python -m generator.spec.progress_schema > schemas/progress.schema.json`
regenerates it). Same conventions as `generator.spec.schema`: an English `title`, an
Indonesian `description`, `x-description-en`, and `examples`.
"""

from __future__ import annotations

import json

from generator.spec.framework import default_framework
from generator.spec.schema import (
    ID_PATTERN,
    MAX_SHORT,
    Schema,
    array,
    enum,
    markdown,
    money,
    number,
    obj,
    text,
    year,
)

PROGRESS_SCHEMA_ID = "urn:masterplan:progress:1"
#: How a program stands in a year (the evaluation's own words).
PROGRESS_STATUS = ("belum", "berjalan", "selesai", "dihentikan")
#: The five aspects of the yearly evaluation, in the order the result letters print them.
ASPECTS = ("baseline", "output", "outcome", "impact", "quick_win")
#: What an evidence item may support besides a program or a quick win.
ENABLERS = ("regulation", "council", "team", "forum", "apbd")
DATE_PATTERN = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"


def _date(title: str, id_: str, en: str, example: str) -> Schema:
    return text(title, id_ + " Format YYYY-MM-DD.", en + " As YYYY-MM-DD.", example,
                pattern=DATE_PATTERN, maxLength=10)


def _score(title: str, id_: str, en: str, example: float) -> Schema:
    node = number(title, id_ + " Skala 1-4.", en + " On the 1-4 scale.", example)
    node.update(minimum=0, maximum=4)
    return node


def _per_dimension(title: str, id_: str, en: str, item: Schema) -> Schema:
    """Keyed by dimension: the default framework's named (editor completions), another
    framework's accepted too (the evaluation reads the plan's framework's keys)."""
    return obj(title, id_, en, {key: item for key in default_framework().dimensions},
               additionalProperties=item,
               propertyNames={"pattern": r"^[a-z][a-z0-9]*(_[a-z0-9]+)*$", "maxLength": 40})


def _status(example: str) -> Schema:
    return enum("Status", "Keadaan tahun ini.", "How it stands this year.",
                list(PROGRESS_STATUS), example)


def build_progress_schema() -> Schema:
    value = number("Value", "Nilai yang dicapai tahun ini.", "The value achieved this year.", 63)
    indicator = obj("Indicator value", "Capaian satu indikator program.",
                    "What one indicator of the program achieved.", {
                        "name": text("Name", "Nama indikator persis seperti di masterplan.",
                                     "The indicator's name exactly as the masterplan has it.",
                                     "Layanan MPP yang dapat diajukan daring"),
                        "value": {**value, "type": ["number", "string"]},
                        "note": text("Note", "Keterangan.", "A remark.", maxLength=MAX_SHORT),
                    }, ["name", "value"])
    realised = obj("Realised budget", "Anggaran yang terealisasi dari satu sumber dana.",
                   "Budget realised from one funding source.", {
                       "source": text("Source", "Kode sumber dana (APBD, APBN, DAK, ...).",
                                      "Funding source code (APBD, APBN, DAK, ...).", "APBD",
                                      maxLength=40),
                       "amount": money("Amount", "Realisasi.", "Amount realised.", 950000000),
                   }, ["source", "amount"])
    program = obj("Program progress", "Kemajuan satu program masterplan pada tahun ini.",
                  "One masterplan program's progress in the year.", {
                      "id": text("Id", "Kode program di masterplan.",
                                 "The program's id in the masterplan.", "GOV-01",
                                 pattern=ID_PATTERN, maxLength=40),
                      "status": _status("berjalan"),
                      "budget": array("Budget realised", "Realisasi anggaran per sumber dana.",
                                      "Budget realised per funding source.", realised,
                                      max_items=50),
                      "indicators": array("Indicators", "Capaian indikator.",
                                          "Indicator values achieved.", indicator,
                                          max_items=100),
                      "note": text("Note", "Keterangan.", "A remark.", maxLength=2000),
                  }, ["id", "status"])
    enabler_item = obj(
        "Enabler progress", "Kemajuan satu faktor pendukung yang direncanakan di masterplan"
        " (bagian `enablers` spec: regulasi, infrastruktur TIK, SDM) pada tahun ini.",
        "One of the masterplan's planned enablers (the spec's `enablers` section: regulation,"
        " ICT infrastructure, people) in the year.", {
            "id": text("Id", "Kode faktor pendukung di masterplan.",
                       "The enabler's id in the masterplan.", "REG-02", pattern=ID_PATTERN,
                       maxLength=40),
            "status": _status("berjalan"),
            "budget": array("Budget realised", "Realisasi anggaran per sumber dana.",
                            "Budget realised per funding source.", realised, max_items=50),
            "note": text("Note", "Keterangan.", "A remark.", maxLength=2000),
        }, ["id", "status"])
    kpi = obj("KPI value", "Capaian satu KPI quick win.", "What one quick-win KPI achieved.", {
        "name": text("Name", "Nama KPI persis seperti di masterplan.",
                     "The KPI's name exactly as the masterplan has it.",
                     "Desa yang menerbitkan surat bertanda tangan elektronik"),
        "value": value,
    }, ["name", "value"])
    quick_win = obj("Quick-win progress", "Kemajuan satu quick win.",
                    "One quick win's progress.", {
                        "id": text("Id", "Kode quick win di masterplan.",
                                   "The quick win's id in the masterplan.", "QW-01",
                                   pattern=ID_PATTERN, maxLength=40),
                        "status": _status("selesai"),
                        "kpis": array("KPIs", "Capaian KPI.", "KPI values achieved.", kpi,
                                      max_items=50),
                        "note": text("Note", "Keterangan.", "A remark.", maxLength=2000),
                    }, ["id", "status"])
    decree = obj("Decree", "Dasar hukum yang sudah ditetapkan.", "A legal act in force.", {
        "kind": text("Kind", "Jenis (Peraturan Bupati, Keputusan Bupati, ...).",
                     "Kind (Peraturan Bupati, Keputusan Bupati, ...).", "Peraturan Bupati"),
        "number": text("Number", "Nomor.", "Number.", "12 Tahun 2026", maxLength=100),
        "date": _date("Date", "Tanggal penetapan.", "Date enacted.", "2026-03-10"),
        "title": text("Title", "Judul.", "Title.", "Masterplan Smart City"),
    }, ["number", "date"])
    meeting = obj("Meeting", "Satu pertemuan Forum Smart City.", "One Smart City Forum meeting.",
                  {"date": _date("Date", "Tanggal.", "Date.", "2027-03-12"),
                   "topic": text("Topic", "Pokok bahasan.", "Topic.", "Evaluasi triwulan I")},
                  ["date"])
    enablers = obj("Enablers", "Faktor pendukung yang sudah ada (aspek Output).",
                   "The foundations in place (the Output aspect).", {
                       "regulation": {**decree, "description": "Peraturan yang menetapkan"
                                      " masterplan (Perbup/Perwal/Perda)."},
                       "council": {**decree, "description": "SK Dewan Smart City."},
                       "team": {**decree, "description": "SK Tim Pelaksana Smart City."},
                       "forum_meetings": array("Forum meetings", "Pertemuan Forum Smart City"
                                               " tahun ini.", "Smart City Forum meetings this"
                                               " year.", meeting, max_items=100),
                       "smart_city_apbd": money("Smart-city APBD", "APBD untuk program smart"
                                                " city tahun ini.", "Regional budget for"
                                                " smart-city programs this year.",
                                                8500000000),
                   })
    evidence = obj("Evidence", "Satu bukti dukung.", "One piece of supporting evidence.", {
        "id": text("Id", "Kode bukti.", "The evidence's id.", "EV-01", pattern=ID_PATTERN,
                   maxLength=40),
        "title": text("Title", "Judul bukti.", "Title of the evidence.",
                      "Laporan realisasi MPP Digital 2027"),
        "file": text("File", "Berkas di folder berkas kemajuan ini (jalur relatif).",
                     "A file in this progress file's folder (relative path).",
                     "bukti/laporan-mpp-2027.pdf"),
        "reference": text("Reference", "Rujukan bila tidak berupa berkas (alamat JDIH,"
                          " nomor arsip).", "A reference when it is not a file (a legal"
                          " database address, an archive number).",
                          "JDIH Kab. Banyuwangi, Perbup 12/2026"),
        "supports": array("Supports", "Yang didukung: kode program (`GOV-01`), indikatornya"
                          " (`GOV-01: nama indikator`), kode quick win, kode faktor pendukung"
                          " masterplan (`REG-01`, `TIK-01`, ...), atau faktor pendukung yang"
                          f" sudah ada ({', '.join(ENABLERS)}).", "What it supports: a program"
                          " id (`GOV-01`), one of its indicators (`GOV-01: indicator name`), a"
                          " quick win id, an enabler id of the masterplan (`REG-01`,"
                          " `TIK-01`, ...), or a foundation in place"
                          f" ({', '.join(ENABLERS)}).",
                          text("Claim", "Klaim.", "Claim.", "GOV-01"), min_items=1,
                          max_items=200),
    }, ["id", "title", "supports"])
    aspects = obj("Aspects", "Nilai per aspek.", "Score per aspect.",
                  {key: _score(key, f"Nilai aspek {key}.", f"The {key} aspect's score.", 3.2)
                   for key in ASPECTS})
    survey_dim = obj("Survey of a dimension", "Tabulasi survei dampak satu dimensi.",
                     "One dimension's impact-survey tabulation.", {
                         "respondents": {**number("Respondents", "Jumlah responden.",
                                                  "Number of respondents.", 50),
                                         "type": "integer", "minimum": 0},
                         "score": _score("Score", "Rata-rata nilai manfaat.",
                                         "Mean benefit score.", 3.1),
                     }, ["respondents", "score"])
    recommendation = obj("Recommendation", "Rekomendasi penilai dan tindak lanjutnya.",
                         "An assessor's recommendation and its follow-up.", {
                             "text": text("Recommendation", "Rekomendasi.", "Recommendation.",
                                          "Tetapkan jadwal Forum Smart City triwulanan",
                                          maxLength=2000),
                             "follow_up": text("Follow-up", "Tindak lanjut.", "Follow-up.",
                                               "Jadwal forum ditetapkan", maxLength=2000),
                             "owner": text("Owner", "OPD penanggung jawab.", "Owning agency.",
                                           "DISKOMINFO", maxLength=100),
                             "due": text("Due", "Tenggat.", "Due.", "2028-06", maxLength=40),
                             "status": _status("berjalan"),
                         }, ["text"])
    root = obj("Progress", "Kemajuan satu tahun pelaksanaan masterplan smart city.",
               "One year of a smart-city masterplan's execution.", {
                   "progress_version": {"const": 1, "title": "Format version",
                                        "description": "Versi format berkas; selalu 1.",
                                        "x-description-en": "Format version; always 1.",
                                        "examples": [1]},
                   "masterplan": text("Masterplan", "Berkas spec masterplan (jalur relatif"
                                      " terhadap berkas ini).", "The masterplan spec (a path"
                                      " relative to this file).", "../masterplan.yaml"),
                   "year": year("Year", "Tahun yang dilaporkan.", "The year reported.", 2027),
                   "date": _date("Date", "Tanggal laporan.", "Date of the report.",
                                 "2027-12-15"),
                   "summary": markdown("Summary", "Ringkasan capaian tahun ini.",
                                       "Summary of the year."),
                   "programs": array("Programs", "Kemajuan program.", "Program progress.",
                                     program, max_items=2000),
                   "quick_wins": array("Quick wins", "Kemajuan quick win.",
                                       "Quick-win progress.", quick_win, max_items=200),
                   "enablers": enablers,
                   "enabler_items": array(
                       "Enabler items", "Kemajuan faktor pendukung masterplan (REG-01,"
                       " TIK-01, ...): status dan realisasi anggaran; anggarannya masuk total"
                       " realisasi.", "Progress of the masterplan's enablers (REG-01,"
                       " TIK-01, ...): status and budget realised; their budget counts in the"
                       " total realised.", enabler_item, max_items=500),
                   "evidence": array("Evidence", "Bukti dukung.", "Supporting evidence.",
                                     evidence, max_items=5000),
                   "survey": _per_dimension("Impact survey", "Tabulasi survei dampak per"
                                            " dimensi.", "Impact-survey tabulation per"
                                            " dimension.", survey_dim),
                   "received": obj("Received scores", "Nilai seperti tertulis di surat hasil"
                                   " evaluasi.", "The scores as the result letter gives"
                                   " them.", {
                                       "index": _score("Index", "Indeks.", "Index.", 3.31),
                                       "aspects": aspects,
                                       "dimensions": _per_dimension(
                                           "Dimensions", "Nilai per dimensi.",
                                           "Score per dimension.",
                                           _score("Score", "Nilai.", "Score.", 3.2)),
                                   }),
                   "recommendations": array("Recommendations", "Rekomendasi penilai.",
                                            "Assessors' recommendations.", recommendation,
                                            max_items=200),
               }, ["progress_version", "masterplan", "year", "date"])
    return {"$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": PROGRESS_SCHEMA_ID} | root


def progress_schema_json() -> str:
    """The schema file's exact text."""
    return json.dumps(build_progress_schema(), ensure_ascii=False, indent=2) + "\n"


if __name__ == "__main__":
    import sys

    sys.stdout.write(progress_schema_json())
