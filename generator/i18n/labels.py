"""Every fixed text the documents and pages print, in Bahasa Indonesia and English.

Each table maps a key to an (Indonesian, English) pair; `pick` is the one lookup of a pair,
`labels` and the `*_labels` functions turn a table into the strings of one language.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

LABELS: dict[str, tuple[str, str]] = {
    # document names
    "doc_masterplan": ("Masterplan Smart City", "Smart City Masterplan"),
    "doc_summary": ("Ringkasan Eksekutif", "Executive Summary"),
    "doc_quickwins": ("Profil Program Quick Win", "Quick-Win Program Profiles"),
    "doc_readiness": ("Buku Saku Analisis Kesiapan Daerah", "Regional Readiness Analysis"),
    "government": ("Pemerintah", "Government of"),
    # the cover's kicker: the national programme every document belongs to
    "programme": ("Gerakan Menuju 100 Smart City", "Movement Towards 100 Smart Cities"),
    "period": ("Periode", "Period"),
    "version": ("Versi", "Version"),
    "cohort": ("Angkatan", "Cohort"),
    "page": ("Halaman", "Page"),
    # front matter
    "foreword": ("Kata Pengantar", "Foreword"),
    "toc": ("Daftar Isi", "Contents"),
    "list_of_tables": ("Daftar Tabel", "List of Tables"),
    "list_of_figures": ("Daftar Gambar", "List of Figures"),
    # the approval page (lembar pengesahan)
    "approval_page": ("Lembar Pengesahan", "Approval Page"),
    "approval_period": ("Tahun {period}", "Period {period}"),
    "approval_adopted_by": ("Ditetapkan dengan", "Adopted by"),
    "approval_regulation_kind": ("Peraturan {head}", "Peraturan {head}"),
    "approval_number": ("Nomor {number} Tahun {year}", "Number {number} of {year}"),
    "approval_dated": ("tanggal {date}", "dated {date}"),
    "approval_about": ("tentang", "on"),
    "approval_title": ("{title} Tahun {period}", "{title} {period}"),
    "approval_adopted_at": ("Ditetapkan di {place}", "Adopted in {place}"),
    "approval_adopted_on": ("pada tanggal {date}", "on {date}"),
    "approval_blank": ("....................", "...................."),
    "approval_nip": ("NIP.", "NIP"),
    "approval_seal": ("tempat cap", "official seal"),
    "chapter": ("Bab", "Chapter"),
    "table": ("Tabel", "Table"),
    "figure": ("Gambar", "Figure"),
    "figure_source": ("Sumber: {source}", "Source: {source}"),
    "annex": ("Lampiran", "Annex"),
    # chapters
    "ch_intro": ("Pendahuluan", "Introduction"),
    "ch_profile": ("Gambaran Umum Daerah", "Regional Profile"),
    "ch_readiness": ("Analisis Kesiapan Daerah", "Regional Readiness Analysis"),
    "ch_strategic": ("Analisis Strategis per Dimensi", "Strategic Analysis per Dimension"),
    "ch_vision": ("Visi, Misi dan Arah Pengembangan Smart City",
                  "Smart City Vision, Mission and Direction"),
    "ch_programs": ("Strategi dan Program per Dimensi", "Strategies and Programs per Dimension"),
    "ch_roadmap": ("Rencana Aksi dan Peta Jalan", "Action Plan and Roadmap"),
    "ch_quickwins": ("Program Quick Win", "Quick-Win Programs"),
    "ch_governance": ("Tata Kelola", "Governance"),
    "ch_closing": ("Penutup", "Closing"),
    "annex_matrix": ("Matriks Program", "Program Matrix"),
    "annex_indicators": ("Indikator dan Target Program", "Program Indicators and Targets"),
    "glossary": ("Daftar Istilah", "Glossary"),
    # the bibliography: its title, "A dkk." in a citation, a source read on line
    "bibliography": ("Daftar Pustaka", "References"),
    "et_al": ("dkk.", "et al."),
    "retrieved": ("Diakses {date}, dari", "Retrieved {date}, from"),
    # sections
    "background": ("Latar Belakang", "Background"),
    "purpose": ("Maksud dan Tujuan", "Purpose and Objectives"),
    "scope": ("Ruang Lingkup", "Scope"),
    "legal_basis": ("Dasar Hukum", "Legal Basis"),
    "outline": ("Sistematika Penulisan", "Structure of this Document"),
    "geography": ("Kondisi Geografis", "Geography"),
    "demography": ("Kondisi Demografi", "Demography"),
    "economy": ("Kondisi Ekonomi", "Economy"),
    "strategic_issues": ("Isu Strategis", "Strategic Issues"),
    "rpjmd": ("Visi dan Misi RPJMD", "RPJMD Vision and Missions"),
    "rpjmd_vision": ("Visi RPJMD", "RPJMD Vision"),
    "rpjmd_missions": ("Misi RPJMD", "RPJMD Missions"),
    "readiness_overview": ("Ringkasan Kesiapan", "Readiness Overview"),
    "readiness_conclusion": ("Kesimpulan", "Conclusion"),
    "current_condition": ("Kondisi Saat Ini", "Current Condition"),
    "target_condition": ("Kondisi yang Diharapkan", "Desired Condition"),
    "gap": ("Kesenjangan", "Gap"),
    "swot": ("Analisis SWOT", "SWOT Analysis"),
    "strengths": ("Kekuatan", "Strengths"),
    "weaknesses": ("Kelemahan", "Weaknesses"),
    "opportunities": ("Peluang", "Opportunities"),
    "threats": ("Ancaman", "Threats"),
    "strategies": ("Strategi", "Strategies"),
    "programs": ("Program", "Programs"),
    "vision": ("Visi Smart City", "Smart City Vision"),
    "missions": ("Misi", "Missions"),
    "goals": ("Tujuan", "Goals"),
    "targets": ("Sasaran", "Targets"),
    "roadmap": ("Peta Jalan {years} Tahun", "{years}-Year Roadmap"),
    "funding": ("Pendanaan", "Funding"),
    "budget_by_dimension": ("Anggaran per Dimensi dan Tahun", "Budget per Dimension and Year"),
    "budget_by_source": ("Anggaran per Sumber Dana", "Budget per Funding Source"),
    "horizons": ("Tahapan Pelaksanaan", "Implementation Stages"),
    "council": ("Dewan Smart City", "Smart City Council"),
    "implementation_team": ("Tim Pelaksana Smart City", "Smart City Implementation Team"),
    "monitoring": ("Pemantauan", "Monitoring"),
    "evaluation": ("Evaluasi", "Evaluation"),
    "duties": ("Tugas", "Duties"),
    "members": ("Susunan Keanggotaan", "Members"),
    # table headers
    "no": ("No", "No"),
    "id": ("Kode", "Code"),
    "name": ("Nama", "Name"),
    "program": ("Program", "Program"),
    "description": ("Uraian", "Description"),
    "activities": ("Kegiatan", "Activities"),
    "lead_opd": ("OPD Penanggung Jawab", "Lead Agency"),
    "supporting_opds": ("OPD Pendukung", "Supporting Agencies"),
    "partners": ("Mitra", "Partners"),
    "horizon": ("Jangka Waktu", "Horizon"),
    "phase": ("Tahap", "Phase"),
    "program_status": ("Status Program", "Program Status"),
    "program_status_new": ("Program baru", "New program"),
    "program_status_continued": ("Lanjutan dari masterplan sebelumnya",
                                 "Continued from the previous masterplan"),
    "program_status_continued_from": ("Lanjutan dari masterplan sebelumnya: {programs}",
                                      "Continued from the previous masterplan: {programs}"),
    "years": ("Tahun", "Years"),
    "year": ("Tahun", "Year"),
    "indicator": ("Indikator", "Indicator"),
    "indicators": ("Indikator", "Indicators"),
    "unit": ("Satuan", "Unit"),
    "baseline": ("Baseline", "Baseline"),
    "target": ("Target", "Target"),
    "budget": ("Anggaran", "Budget"),
    "budget_million": ("Anggaran (Rp juta)", "Budget (IDR million)"),
    "source": ("Sumber Dana", "Funding Source"),
    "total": ("Jumlah", "Total"),
    "share": ("Porsi", "Share"),
    "dimension": ("Dimensi", "Dimension"),
    "sub_dimension": ("Sub-dimensi", "Sub-dimension"),
    "aspect": ("Aspek", "Aspect"),
    "area": ("Area", "Area"),
    "status": ("Status", "Status"),
    "score": ("Skor", "Score"),
    "average": ("Rata-rata", "Average"),
    "program_count": ("Jumlah Program", "Programs"),
    "figure_name": ("Data", "Figure"),
    "value": ("Nilai", "Value"),
    "data_source": ("Sumber", "Source"),
    "role": ("Kedudukan", "Role"),
    "position": ("Jabatan", "Position"),
    "term": ("Istilah", "Term"),
    "definition": ("Arti", "Definition"),
    "sdg": ("SDGs", "SDGs"),
    "iso37122": ("ISO 37122", "ISO 37122"),
    "mappings": ("Keterkaitan Standar", "Standards Mapping"),
    "beyond_note": ("* Di luar periode masterplan {period}: target jangka panjang (mis. sasaran"
                    " RPJPD) yang dicantumkan sebagai konteks.", "* Beyond the masterplan period"
                    " {period}: a long-term target (e.g. the RPJPD's) given as context."),
    "beyond_year": ("{year}*", "{year}*"),
    "scale_legend": ("{name}, dari yang terendah: {levels}.", "{name}, lowest first: {levels}."),
    # quick wins
    "qw_type": ("Jenis", "Type"),
    "qw_problem": ("Permasalahan", "Problem"),
    "qw_owner": ("OPD Pemilik", "Owner Agency"),
    "qw_location": ("Lokasi", "Location"),
    "qw_beneficiaries": ("Penerima Manfaat", "Beneficiaries"),
    "qw_milestones": ("Tonggak Capaian", "Milestones"),
    "qw_kpis": ("Indikator Keberhasilan (KPI)", "Key Performance Indicators"),
    "qw_program": ("Program Induk", "Parent Program"),
    "qw_when": ("Waktu", "When"),
    "qw_count": ("Jumlah Quick Win", "Quick Wins"),
    # summary
    "key_figures": ("Angka Kunci", "Key Figures"),
    "total_budget": ("Total Anggaran", "Total Budget"),
    "total_programs": ("Jumlah Program", "Programs"),
    "summary_intro": ("Ringkasan ini merangkum masterplan smart city {region} periode {period}.",
                      "This summary outlines the smart city masterplan of {region} for"
                      " {period}."),
    # charts
    "chart_readiness": ("Skor kesiapan per aspek", "Readiness score per aspect"),
    "chart_budget": ("Anggaran per dimensi dan tahun", "Budget per dimension and year"),
    "chart_funding": ("Komposisi sumber dana", "Funding mix"),
    "chart_roadmap": ("Linimasa program per dimensi", "Program timeline per dimension"),
    "chart_alt_readiness": ("Diagram batang skor kesiapan 1-4 untuk sembilan aspek: {items}.",
                            "Bar chart of readiness scores 1-4 for nine aspects: {items}."),
    "chart_alt_budget": ("Diagram batang bertumpuk anggaran per tahun {start}-{end} menurut"
                         " dimensi; total {total}.", "Stacked bar chart of the budget per year"
                         " {start}-{end} by dimension; total {total}."),
    "chart_alt_funding": ("Diagram batang komposisi sumber dana: {items}.",
                          "Bar chart of the funding mix: {items}."),
    "chart_alt_roadmap": ("Linimasa {count} program tahun {start}-{end}, dikelompokkan per"
                          " dimensi.", "Timeline of {count} programs {start}-{end}, grouped by"
                          " dimension."),
    "background_default": ("Masterplan ini disusun sebagai arah pengembangan smart city {region}"
                           " periode {period} dalam kerangka Gerakan Menuju 100 Smart City.",
                           "This masterplan sets the direction of smart city development in"
                           " {region} for {period}, within the Movement Towards 100 Smart"
                           " Cities."),
    "governance_default": ("Tata kelola smart city {region} dijalankan oleh Dewan Smart City dan"
                           " Tim Pelaksana Smart City yang ditetapkan dengan keputusan {head}.",
                           "Smart city governance in {region} rests with a Smart City Council"
                           " and a Smart City Implementation Team appointed by decree of the"
                           " {head}."),
    "closing_default": ("Masterplan ini menjadi acuan bersama seluruh perangkat daerah dan"
                        " pemangku kepentingan dalam mewujudkan {region} yang cerdas.",
                        "This masterplan is the shared reference for all agencies and"
                        " stakeholders in building a smart {region}."),
    # the previous masterplan (BAB II) and each program's indicators (BAB VI)
    "previous_heading": ("Evaluasi Masterplan Sebelumnya", "Evaluation of the Previous"
                         " Masterplan"),
    "previous_title": ("Masterplan Sebelumnya", "Previous Masterplan"),
    "previous_regulation": ("Ditetapkan dengan", "Adopted by"),
    "previous_by_dimension": ("Realisasi Program Masterplan {period} per Dimensi",
                              "Programs of the {period} Masterplan by Dimension"),
    "previous_by_program": ("Rencana dan Realisasi Program Masterplan {period}",
                            "Planned and Realised Programs of the {period} Masterplan"),
    "previous_planned_count": ("Direncanakan", "Planned"),
    "previous_planned": ("Rencana", "Planned"),
    "previous_realisation": ("Realisasi", "Realisation"),
    "previous_note": ("Keterangan", "Note"),
    "previous_continued": ("Dilanjutkan", "Continued"),
    "previous_continued_as": ("Dilanjutkan sebagai", "Continued as"),
    "previous_count_done": ("{n} selesai", "{n} done"),
    "previous_count_ongoing": ("{n} masih berjalan", "{n} ongoing"),
    "previous_count_not_implemented": ("{n} tidak dilaksanakan", "{n} not implemented"),
    "previous_count_stopped": ("{n} dihentikan", "{n} stopped"),
    "previous_summary": ("Dari {planned} program yang direncanakan, {parts}; {continued}"
                         " program dilanjutkan dalam masterplan ini.", "Of {planned} programs"
                         " planned, {parts}; {continued} continue in this masterplan."),
    "and": ("dan", "and"),
    "program_indicators": ("Indikator dan Target {program}", "Indicators and Targets of"
                           " {program}"),
    "baseline_year": ("Baseline {year}", "Baseline {year}"),
    "target_year": ("Target {year}", "Target {year}"),
    "final_target": ("Target Akhir", "Final Target"),
    "none": ("-", "-"),
    "rp": ("Rp", "IDR"),
    "million": ("juta", "million"),
    # alignment with the RPJMD, the Renstra, SPBE and the spatial plan (generator/documents/
    # alignment.py) and the indicator plan
    "annex_alignment": ("Matriks Keselarasan dengan RPJMD", "Alignment with the RPJMD"),
    "alignment_matrix": ("Butir RPJMD dan Program Smart City per Dimensi",
                         "RPJMD Items and Smart-City Programs per Dimension"),
    "alignment_programs": ("Keselarasan Program dengan Renstra OPD, SPBE dan RTRW",
                           "Programs and the Agencies' Renstra, SPBE and the Spatial Plan"),
    "alignment_intro": ("Lampiran ini memetakan program smart city pada butir RPJMD {period}."
                        " Sel memuat program yang merujuk butir itu secara langsung; kolom"
                        " terakhir menghitung program yang mendukung butir itu atau butir di"
                        " bawahnya.", "This annex maps the smart-city programs onto the items"
                        " of the RPJMD {period}. A cell lists the programs that refer to the"
                        " item directly; the last column counts the programs serving the item"
                        " or an item under it."),
    "alignment_coverage": ("{covered} dari {total} sasaran RPJMD didukung sekurang-kurangnya"
                           " satu program smart city ({share}).", "{covered} of {total} RPJMD"
                           " targets are served by at least one smart-city program ({share})."),
    "alignment_missions_uncovered": ("Misi RPJMD tanpa program smart city: {missions}.",
                                     "RPJMD missions without a smart-city program:"
                                     " {missions}."),
    "alignment_missions_all": ("Setiap misi RPJMD didukung sekurang-kurangnya satu program"
                               " smart city.", "Every RPJMD mission is served by at least one"
                               " smart-city program."),
    "alignment_unlinked": ("Program tanpa rujukan RPJMD: {programs}.",
                           "Programs without an RPJMD link: {programs}."),
    "alignment_none": ("belum ada", "none yet"),
    "alignment_count": ("Jumlah Program", "Programs"),
    "rpjmd_item": ("Butir RPJMD", "RPJMD Item"),
    "rpjmd_kind_mission": ("Misi", "Mission"),
    "rpjmd_kind_goal": ("Tujuan", "Goal"),
    "rpjmd_kind_target": ("Sasaran", "Target"),
    "rpjmd_kind_program": ("Program Daerah", "Regional Program"),
    "align_rpjmd": ("Keselarasan RPJMD", "RPJMD alignment"),
    "align_renstra": ("Renstra OPD", "Agency Renstra"),
    "align_spbe": ("SPBE", "SPBE"),
    "align_spatial": ("RTRW", "Spatial plan (RTRW)"),
    "doc_indicator_plan": ("Rencana Indikator SNI ISO 37122/37120",
                           "SNI ISO 37122/37120 Indicator Plan"),
    "ip_intro": ("Dokumen ini memuat {indicators} indikator kinerja masterplan smart city {region}"
                 " {period} yang mengukur {isos} indikator SNI ISO 37122:2019 (kota cerdas) dan"
                 " SNI ISO 37120:2018 (layanan kota dan kualitas hidup), dengan nilai awal,"
                 " target tahunan, OPD penanggung jawab dan sumber datanya.",
                 "This document lists the {indicators} performance indicators of the smart-city"
                 " masterplan of {region} {period} that measure {isos} indicators of SNI ISO"
                 " 37122:2019 (smart cities) and SNI ISO 37120:2018 (city services and quality"
                 " of life), with their baselines, yearly targets, responsible agencies and data"
                 " sources."),
    "ip_table": ("Indikator SNI ISO, Target Tahunan dan Sumber Data",
                 "SNI ISO Indicators, Yearly Targets and Data Sources"),
    "ip_none": ("Belum ada indikator program yang menyebut nomor indikator SNI ISO.",
                "No program indicator names an SNI ISO indicator yet."),
    "ip_unmeasured": ("Indikator SNI ISO yang Dirujuk Program tetapi Belum Diukur",
                      "SNI ISO Indicators Programs Refer to but Do Not Measure Yet"),
    "ip_unmeasured_intro": ("Program berikut merujuk indikator SNI ISO 37122 yang"
                            " belum memiliki indikator kinerja dengan nilai awal dan target.",
                            "These programs refer to SNI ISO 37122 indicators that"
                            " have no performance indicator with a baseline and targets yet."),
    "iso_group": ("{standard} · {number} · {theme}", "{standard} · {number} · {theme}"),
    "iso_indicator": ("Indikator SNI ISO", "SNI ISO Indicator"),
    "iso_theme": ("Tema", "Theme"),
    "ip_data_source": ("Sumber Data", "Data Source"),
    "responsible_opd": ("OPD Penanggung Jawab", "Responsible Agency"),
}


def index_of(lang: str) -> int:
    """The position of `lang` in an (Indonesian, English) pair."""
    return 1 if lang == "en" else 0


def pick(table: Mapping[str, Sequence[str]], key: str, lang: str) -> str:
    """`table[key]` in `lang`."""
    return str(table[key][index_of(lang)])


def localised(table: Mapping[str, Sequence[str]], lang: str) -> dict[str, str]:
    """Every entry of `table` in `lang`."""
    index = index_of(lang)
    return {key: str(value[index]) for key, value in table.items()}


def labels(lang: str) -> dict[str, str]:
    """The document labels, the enablers' and the legal drafts' among them."""
    return {**localised(LABELS | ENABLER_LABELS, lang), **localised(LEGAL_LABELS, lang)}


def report_labels(lang: str) -> dict[str, str]:
    """The document labels plus those of the cohort report."""
    return {**labels(lang), **localised(REPORT_LABELS, lang)}


# --- the cohort report -----------------------------------------------------------------
REPORT_LABELS: dict[str, tuple[str, str]] = {
    "doc_report": ("Laporan Perbandingan Masterplan Smart City",
                   "Smart City Masterplan Comparative Report"),
    "report_dimension_totals": ("Program, Quick Win dan Anggaran per Dimensi (Rp juta)",
                                "Programs, Quick Wins and Budget per Dimension (IDR million)"),
    "report_subtitle": ("Gerakan Menuju 100 Smart City", "Towards 100 Smart Cities Movement"),
    "report_overview": ("Gambaran Umum Angkatan", "Cohort Overview"),
    "report_intro": ("Laporan ini membandingkan {count} masterplan smart city daerah {cohort}"
                     " yang lolos validasi.", "This report compares the {count} regional smart"
                     " city masterplans of {cohort} that passed validation."),
    "report_programs": ("Program per Dimensi dan Daerah", "Programs per Dimension and Region"),
    "report_budget": ("Anggaran per Dimensi", "Budget per Dimension"),
    "report_sources": ("Anggaran per Sumber Dana", "Budget per Funding Source"),
    "report_quickwins": ("Program Quick Win", "Quick-Win Programs"),
    "report_readiness": ("Peta Kesiapan Daerah", "Readiness Heat Map"),
    "report_readiness_note": ("Skor 1-4 per aspek; warna: merah kurang (di bawah 2), kuning"
                              " cukup (2 sampai di bawah 2,75), hijau muda (2,75 sampai di"
                              " bawah 3,5), hijau baik (3,5 ke atas). Status tanpa skor dihitung"
                              " sebagai titik tengah rentangnya.",
                              "Score 1-4 per aspect; colours: red poor (below 2), amber moderate"
                              " (2 to below 2.75), light green (2.75 to below 3.5), green good"
                              " (3.5 and above). A status without a score counts as the middle"
                              " of its band."),
    "report_excluded": ("Spec yang Tidak Disertakan", "Specs Left Out"),
    "report_excluded_intro": ("Spec berikut tidak disertakan dalam angka laporan ini; perbaiki"
                              " galat pertamanya lalu buat ulang laporan.",
                              "The following specs are not part of this report's figures; fix"
                              " their first error and make the report again."),
    "report_none_excluded": ("Semua spec disertakan.", "Every spec is included."),
    "regions": ("Daerah", "Regions"),
    "region": ("Daerah", "Region"),
    "region_code": ("Kode", "Code"),
    "kabupaten_count": ("Kabupaten", "Regencies (kabupaten)"),
    "kota_count": ("Kota", "Cities (kota)"),
    "provinces": ("Provinsi", "Provinces"),
    "overall": ("Keseluruhan", "Overall"),
    "cohort_average": ("Rata-rata angkatan", "Cohort average"),
    "spec_file": ("Berkas spec", "Spec file"),
    "first_error": ("Galat pertama", "First error"),
    "excluded_count": ("Tidak disertakan", "Left out"),
    "generated_on": ("Disusun", "Compiled"),
    "qw_per_dimension": ("Quick win per dimensi", "Quick wins per dimension"),
    "report_other_framework": ("mengikuti kerangka {framework}, laporan ini kerangka {used}",
                               "follows the {framework} framework, this report {used}"),
    "key_totals": ("Angka kunci angkatan", "Cohort key figures"),
    "item": ("Uraian", "Item"),
}
# The enablers chapter, their roadmap lanes and funding lines, and the risk register.
ENABLER_LABELS: dict[str, tuple[str, str]] = {
    "ch_enablers": ("Faktor Pendukung Smart City", "Smart-City Enablers"),
    "enablers_default": (
        "Program smart city hanya berjalan bila ada yang menopangnya: regulasi dan kelembagaan"
        " yang menetapkan dan menjalankan masterplan, infrastruktur TIK yang dipakai bersama,"
        " dan sumber daya manusia yang mengelolanya. Bab ini merencanakan {count} faktor"
        " pendukung itu seperti program: keluaran, penanggung jawab, tahun, indikator dan"
        " anggarannya. Peta jalan dan pendanaan memuatnya sebagai jalur tersendiri.",
        "Smart-city programs only run on what carries them: the regulation and the bodies"
        " that adopt and run the masterplan, the shared ICT infrastructure, and the people"
        " who manage it. This chapter plans these {count} enablers as programs are planned:"
        " their output, owner, years, indicators and budget. The roadmap and the funding"
        " show them as lanes of their own."),
    "enablers_overview": ("Daftar Faktor Pendukung", "Enablers at a Glance"),
    "enabler": ("Faktor pendukung", "Enabler"),
    "enabler_status": ("Keadaan saat ini", "Current state"),
    "enabler_output": ("Keluaran", "Output"),
    "enabler_meetings": ("{months} ({count} kali setahun)", "{months} ({count} times a year)"),
    "meeting_schedule": ("Jadwal pertemuan", "Meetings"),
    "enablers_calendar": ("Kalender Pertemuan Rutin", "Calendar of Regular Meetings"),
    "enablers_lane": ("Pendukung", "Enabler"),
    "chart_alt_roadmap_enablers": ("Di bawahnya, dalam warna abu-abu, {count} faktor"
                                   " pendukung.", "Below them, in grey, {count} enablers."),
    "risk_register": ("Register Risiko", "Risk Register"),
    "risk": ("Risiko", "Risk"),
    "likelihood_short": ("K", "L"),
    "impact_short": ("D", "I"),
    "likelihood": ("Kemungkinan", "Likelihood"),
    "impact": ("Dampak", "Impact"),
    "risk_level": ("Tingkat", "Level"),
    "mitigation": ("Mitigasi", "Mitigation"),
    "risk_owner": ("Pemilik risiko", "Risk owner"),
    "risk_links": ("Terkait", "Affects"),
    "risk_legend": ("Kemungkinan (K): {likelihood}. Dampak (D): {impact}. Tingkat risiko ="
                    " K × D: {bands}.", "Likelihood (L): {likelihood}. Impact (I): {impact}."
                    " Risk level = L × I: {bands}."),
    "risk_counts": ("Register ini memuat {count} risiko: {levels}.",
                    "The register lists {count} risks: {levels}."),
    # the enablers' budget beside the dimensions' in every total (report, pack, decks)
    "enablers_total": ("Faktor pendukung (enabler)", "Enablers"),
    "enablers_short": ("Pendukung", "Enablers"),
    "ev_enabler_budget": ("Anggaran Faktor Pendukung {year}", "Enablers' Budget {year}"),
    "wb_enabler_group": ("Kelompok", "Group"),
    "wb_enablers_planned": ("Faktor pendukung direncanakan", "Enablers planned"),
    "ev_enabler_budget_intro": ("Faktor pendukung masterplan (regulasi, infrastruktur TIK,"
                                " SDM) punya anggarannya sendiri; rencana dan realisasinya"
                                " masuk jumlah anggaran di atas.", "The masterplan's enablers"
                                " (regulation, ICT infrastructure, people) have budgets of"
                                " their own; their planned and realised amounts count in the"
                                " budget totals above."),
}
# Column heads of the heat map: the aspects' full names do not fit 15 columns on A4.
SHORT_ASPECTS: dict[str, tuple[str, str]] = {
    "human_resources": ("SDM", "People"), "budget": ("Anggaran", "Budget"),
    "governance": ("Tata Kelola", "Governance"), "physical": ("Fisik", "Physical"),
    "digital": ("Digital", "Digital"), "social": ("Sosial", "Social"),
    "policy": ("Kebijakan", "Policy"), "institutions": ("Kelembagaan", "Institutions"),
    "procedures": ("Tata Laksana", "Procedures"),
}

# --- the batch's index page --------------------------------------------------------------
INDEX_LABELS: dict[str, tuple[str, str]] = {
    "title": ("Hasil batch masterplan", "Masterplan batch results"),
    "cohort": ("Angkatan", "Cohort"),
    "track": ("Jalur", "Track"),
    "generated": ("Dibuat", "Generated"),
    "duration": ("Lama proses", "Duration"),
    "documents": ("Dokumen", "Documents"),
    "failures": ("Gagal", "Failures"),
    "no_failures": ("Tidak ada spec yang gagal.", "No spec failed."),
    "code": ("Kode", "Code"),
    "region": ("Daerah", "Region"),
    "province": ("Provinsi", "Province"),
    "status": ("Status", "Status"),
    "spec": ("Spec", "Spec"),
    "problems": ("Masalah", "Problems"),
    "warnings": ("Peringatan", "Warnings"),
    "seconds": ("Detik", "Seconds"),
    "interrupted": ("Batch dihentikan ({signal}); jalankan lagi untuk melanjutkan.",
                    "The batch was interrupted ({signal}); run it again to continue."),
    "machine_readable": ("Ringkasan untuk diolah", "Machine-readable summary"),
    "ok": ("berhasil", "ok"), "skipped": ("tidak berubah", "unchanged"),
    "failed": ("gagal", "failed"), "timeout": ("melewati batas waktu", "timed out"),
    "crashed": ("proses mati", "crashed"), "cancelled": ("tidak dijalankan", "not run"),
    "kabupaten": ("Kabupaten", "Kabupaten"), "kota": ("Kota", "Kota"),
}

# --- column heads of the CSV files (`export`, a batch's summary.csv) ---------------------
# The keys are the machine-readable column names (`export --headers keys`, the JSON keys).
CSV_LABELS: dict[str, tuple[str, str]] = {
    "region_code": ("Kode wilayah", "Region code"),
    "region_name": ("Nama daerah", "Region name"),
    "region_type": ("Jenis daerah", "Region type"),
    "province": ("Provinsi", "Province"),
    "cohort_year": ("Tahun angkatan", "Cohort year"),
    "cohort_track": ("Jalur angkatan", "Cohort track"),
    "dimension": ("Kode dimensi", "Dimension key"),
    "dimension_name": ("Dimensi", "Dimension"),
    "sub_dimension": ("Kode sub-dimensi", "Sub-dimension key"),
    "sub_dimension_name": ("Sub-dimensi", "Sub-dimension"),
    "program_id": ("Kode program", "Program id"),
    "program_name": ("Nama program", "Program name"),
    "lead_opd": ("OPD penanggung jawab", "Lead agency"),
    "supporting_opds": ("OPD pendukung", "Supporting agencies"),
    "partners": ("Mitra", "Partners"),
    "horizon": ("Kode jangka waktu", "Horizon key"),
    "horizon_name": ("Jangka waktu", "Horizon"),
    "start_year": ("Tahun mulai", "Start year"),
    "end_year": ("Tahun selesai", "End year"),
    "budget_year": ("Anggaran {year} (Rp)", "Budget {year} (Rp)"),
    "budget_source": ("Anggaran sumber {source} (Rp)", "Budget from {source} (Rp)"),
    "budget_total": ("Total anggaran (Rp)", "Total budget (Rp)"),
    "indicator_count": ("Jumlah indikator", "Number of indicators"),
    "indicators": ("Indikator", "Indicators"),
    "quick_wins": ("Quick win", "Quick wins"),
    "spec": ("Berkas spec", "Spec file"),
    "status": ("Status", "Status"),
    "outputs": ("Dokumen", "Documents"),
    "warning_count": ("Jumlah peringatan", "Number of warnings"),
    "warnings": ("Peringatan", "Warnings"),
    "error_count": ("Jumlah galat", "Number of errors"),
    "errors": ("Galat", "Errors"),
    "seconds": ("Detik", "Seconds"),
    "attempts": ("Percobaan", "Attempts"),
}


def csv_headers(columns: Sequence[str], lang: str) -> list[str]:
    """The column heads of `columns` in `lang`: `budget_2026` → `Anggaran 2026 (Rp)`,
    `budget_source_APBD` → `Anggaran sumber APBD (Rp)`, any other key from `CSV_LABELS`."""
    table = localised(CSV_LABELS, lang)
    heads = []
    for key in columns:
        if key.startswith("budget_source_"):
            heads.append(table["budget_source"].format(source=key.removeprefix("budget_source_")))
        elif key.startswith("budget_") and key.removeprefix("budget_").isdigit():
            heads.append(table["budget_year"].format(year=key.removeprefix("budget_")))
        else:
            heads.append(table.get(key, key))
    return heads


# --- the evaluation pack (`masterplan evaluate`) and its workbook ------------------------
EVALUATION_LABELS: dict[str, tuple[str, str]] = {
    "doc_evaluation": ("Evaluasi Pelaksanaan Masterplan Smart City",
                       "Smart City Masterplan Evaluation"),
    "ev_years": ("Tahun dievaluasi: {years}", "Years evaluated: {years}"),
    "ev_intro": ("Dokumen ini membandingkan pelaksanaan tahun {years} dengan rencana dalam"
                 " masterplan {region} {period}, menyusun indeks perkiraan, dan memetakan"
                 " setiap klaim ke bukti dukungnya.",
                 "This document compares the execution in {years} with the plan of the"
                 " {region} masterplan {period}, estimates the index, and maps every claim"
                 " to its supporting evidence."),
    "ev_summary": ("Ringkasan Capaian", "Summary of the Year"),
    "ev_realisation": ("Realisasi terhadap Rencana", "Realisation against the Plan"),
    "ev_per_dimension": ("Realisasi per Dimensi {year}", "Realisation per Dimension {year}"),
    "ev_planned_programs": ("Program direncanakan", "Programs planned"),
    "ev_executed_programs": ("Berjalan/selesai", "Running/done"),
    "ev_executed_share": ("Porsi terlaksana", "Executed share"),
    "ev_budget_planned": ("Rencana (Rp juta)", "Planned (IDR million)"),
    "ev_budget_realised": ("Realisasi (Rp juta)", "Realised (IDR million)"),
    "ev_budget_share": ("Serapan", "Absorption"),
    "ev_programs_year": ("Program {year}", "Programs {year}"),
    "ev_indicators_year": ("Capaian Indikator {year}", "Indicator Values {year}"),
    "ev_achieved": ("Capaian", "Achieved"),
    "ev_attainment": ("Ketercapaian", "Attainment"),
    "ev_met": ("tercapai", "met"),
    "ev_not_met": ("belum tercapai", "not met"),
    "ev_quick_wins": ("Quick Win {year}", "Quick Wins {year}"),
    "ev_enablers": ("Faktor Pendukung (Aspek Output)", "Enablers (the Output Aspect)"),
    "ev_enabler": ("Faktor pendukung", "Enabler"),
    "ev_in_place": ("Keadaan", "State"),
    "ev_regulation": ("Peraturan penetapan masterplan", "Regulation adopting the masterplan"),
    "ev_council": ("SK Dewan Smart City", "Decree of the Smart City Council"),
    "ev_team": ("SK Tim Pelaksana", "Decree of the Implementation Team"),
    "ev_forum": ("Pertemuan Forum Smart City", "Smart City Forum meetings"),
    "ev_apbd": ("APBD smart city", "Smart-city regional budget"),
    "ev_missing": ("belum ada", "missing"),
    "ev_meetings": ("{count} kali", "{count} meeting(s)"),
    "ev_index": ("Indeks Perkiraan", "Estimated Index"),
    "ev_index_note": ("PERKIRAAN, bukan nilai resmi. Nilai aspek diturunkan dari berkas"
                      " kemajuan dengan aturan di bawah, lalu dibobot dengan tabel bobot {year}"
                      " ({weights}; sumber: {file}). Nilai resmi hanya dari surat hasil"
                      " evaluasi.",
                      "ESTIMATE, not an official score. Aspect scores are derived from the"
                      " progress file by the rules below, then weighted with the {year} weight"
                      " table ({weights}; source: {file}). Official scores come only from the"
                      " result letter."),
    "ev_index_partial": ("Aspek tanpa data ({aspects}) tidak dihitung; bobot lainnya"
                         " dinormalkan.", "Aspects without data ({aspects}) are left out; the"
                         " other weights are scaled up."),
    "ev_aspect": ("Aspek", "Aspect"),
    "item": ("Uraian", "Item"),
    "ev_weight": ("Bobot", "Weight"),
    "ev_estimated": ("Perkiraan", "Estimate"),
    "ev_received": ("Diterima", "Received"),
    "ev_rule": ("Cara perkiraan", "How it is estimated"),
    "ev_rule_baseline": ("1 + 3 × porsi indikator yang membaik dari baseline",
                         "1 + 3 × share of indicators improved on their baseline"),
    "ev_rule_output": ("1 + 3 × porsi faktor pendukung yang ada",
                       "1 + 3 × share of enablers in place"),
    "ev_rule_outcome": ("1 + 3 × rata-rata porsi terlaksana per dimensi",
                        "1 + 3 × mean executed share per dimension"),
    "ev_rule_impact": ("rata-rata nilai survei dampak", "mean impact-survey score"),
    "ev_rule_quick_win": ("1 + 3 × rata-rata ketercapaian KPI quick win yang berjalan",
                          "1 + 3 × mean KPI attainment of running quick wins"),
    "aspect_baseline": ("Baseline", "Baseline"),
    "aspect_output": ("Output", "Output"),
    "aspect_outcome": ("Outcome", "Outcome"),
    "aspect_impact": ("Impact", "Impact"),
    "aspect_quick_win": ("Quick Win", "Quick Win"),
    "ev_index_total": ("Indeks", "Index"),
    "ev_dimension_scores": ("Nilai Dimensi Diterima", "Dimension Scores Received"),
    "ev_trend": ("Perubahan Antartahun", "Year-on-Year Change"),
    "ev_change": ("Perubahan", "Change"),
    "ev_evidence": ("Indeks Bukti Dukung", "Evidence Index"),
    "ev_evidence_intro": ("Setiap klaim dalam berkas kemajuan {year} dan bukti yang"
                          " mendukungnya. Klaim tanpa bukti ditandai: penilai mengurangi nilai"
                          " jawaban tanpa bukti dukung yang sah dan lengkap.",
                          "Every claim of the {year} progress file and the evidence that"
                          " supports it. Claims without evidence are flagged: assessors mark"
                          " down answers without valid and complete supporting evidence."),
    "ev_evidence_count": ("{with_evidence} dari {claims} klaim didukung bukti",
                          "{with_evidence} of {claims} claims have evidence"),
    "ev_claim": ("Klaim", "Claim"),
    "ev_evidence_items": ("Bukti", "Evidence"),
    "ev_no_evidence": ("TANPA BUKTI", "NO EVIDENCE"),
    "ev_evidence_list": ("Daftar Bukti Dukung {year}", "Evidence Items {year}"),
    "ev_file_or_reference": ("Berkas atau rujukan", "File or reference"),
    "ev_supports": ("Mendukung", "Supports"),
    "ev_survey_plan": ("Rencana Survei Dampak", "Impact Survey Plan"),
    "ev_survey_intro": ("Per dimensi tiga program atau layanan per sub-dimensi, sampel"
                        " purposif, {respondents} responden per dimensi (atau per sub-dimensi"
                        " bila responden sulit dijangkau); dilaksanakan Diskominfo dan Bappeda"
                        " bersama OPD pemilik program.",
                        "Per dimension three programs or services per sub-dimension, purposive"
                        " sampling, {respondents} respondents per dimension (or per"
                        " sub-dimension where respondents are scarce); run by Diskominfo and"
                        " Bappeda with the owning agencies."),
    "ev_respondents": ("Responden rencana (diterima)", "Respondents planned (received)"),
    "ev_survey_score": ("Nilai survei", "Survey score"),
    "ev_follow_up": ("Tindak Lanjut Rekomendasi Penilai", "Follow-up of the Assessors'"
                     " Recommendations"),
    "ev_recommendation": ("Rekomendasi", "Recommendation"),
    "ev_follow_up_action": ("Tindak lanjut", "Follow-up"),
    "ev_owner": ("Penanggung jawab", "Owner"),
    "ev_due": ("Tenggat", "Due"),
    "ev_no_recommendations": ("Belum ada rekomendasi yang dicatat.",
                              "No recommendation recorded yet."),
    "ev_chart_budget": ("Rencana dan Realisasi Anggaran per Dimensi {year}",
                        "Planned and Realised Budget per Dimension {year}"),
    "ev_chart_budget_enablers": (
        "Rencana dan Realisasi Anggaran per Dimensi dan Faktor Pendukung {year}",
        "Planned and Realised Budget per Dimension and Enabler {year}"),
    "ev_chart_budget_alt": ("Diagram batang anggaran rencana dan realisasi per dimensi tahun"
                            " {year}: {items}.", "Bar chart of planned and realised budget per"
                            " dimension in {year}: {items}."),
    "ev_chart_outcome": ("Porsi Program Terlaksana per Dimensi", "Executed Share of Programs"
                         " per Dimension"),
    "ev_chart_outcome_alt": ("Diagram batang porsi program berjalan atau selesai per dimensi"
                             " dan tahun: {items}.", "Bar chart of the share of programs running"
                             " or done per dimension and year: {items}."),
    "ev_planned": ("Rencana", "Planned"),
    "ev_realised": ("Realisasi", "Realised"),
    "progress_belum": ("Belum", "Not started"),
    "progress_berjalan": ("Berjalan", "Running"),
    "progress_selesai": ("Selesai", "Done"),
    "progress_dihentikan": ("Dihentikan", "Stopped"),
    "ev_not_reported": ("Tidak dilaporkan", "Not reported"),
    # the self-assessment workbook
    "wb_output": ("Output", "Output"),
    "wb_status": ("Status", "Status"),
    "wb_executed": ("Terlaksana (1/0)", "Executed (1/0)"),
    "wb_target_year": ("Target {year}", "Target {year}"),
    "wb_value_year": ("Capaian {year}", "Achieved {year}"),
    "wb_planned_year": ("Rencana {year} (Rp)", "Planned {year} (Rp)"),
    "wb_realised_year": ("Realisasi {year} (Rp)", "Realised {year} (Rp)"),
    "wb_evidence": ("Bukti dukung", "Evidence"),
    "wb_item": ("Butir", "Item"),
    "wb_value": ("Isian", "Entry"),
    "wb_in_place": ("Ada (1/0)", "In place (1/0)"),
    "wb_total": ("Jumlah", "Total"),
    "wb_share": ("Porsi", "Share"),
    "wb_pick_status": ("Pilih salah satu status", "Pick one status"),
}


def evaluation_labels(lang: str) -> dict[str, str]:
    """The document labels plus those of the evaluation pack and its workbook."""
    return {**labels(lang), **localised(EVALUATION_LABELS, lang)}


# --- cohort results: `report` and `export` with `--progress` -----------------------------
RESULTS_LABELS: dict[str, tuple[str, str]] = {
    "res_chapter": ("Hasil Evaluasi {year}", "Evaluation Results {year}"),
    "res_intro": ("{count} dari {total} daerah melaporkan kemajuan tahun {year}. Indeks dan"
                  " aspek PERKIRAAN dihitung alat ini dari berkas kemajuan dengan aturan dan"
                  " bobot paket evaluasi (bukan nilai resmi); nilai DITERIMA berasal dari surat"
                  " hasil evaluasi yang dicatat daerah.",
                  "{count} of {total} regions report progress for {year}. The ESTIMATED index"
                  " and aspects are computed by this tool from the progress files with the"
                  " evaluation pack's rules and weights (not official scores); RECEIVED scores"
                  " come from the result letters the regions recorded."),
    "res_heatmap": ("Indeks dan Aspek {year}", "Index and Aspects {year}"),
    "res_heat_note": ("Nilai 1-4; warna: merah di bawah 2, kuning 2 sampai di bawah 2,75, hijau"
                      " muda 2,75 sampai di bawah 3,5, hijau 3,5 ke atas.",
                      "Scores 1-4; colours: red below 2, amber 2 to below 2.75, light green"
                      " 2.75 to below 3.5, green 3.5 and above."),
    "res_aspects_estimated": ("Aspek (perkiraan)", "Aspects (estimate)"),
    "res_index_estimated": ("Indeks perkiraan", "Estimated index"),
    "res_index_received": ("Indeks diterima", "Index received"),
    "res_change": ("Perubahan perkiraan dari {year}", "Change of the estimate from {year}"),
    "res_ranks": ("Peringkat {year}", "Ranks {year}"),
    "res_ranks_note": ("Peringkat dihitung di antara daerah dalam laporan ini: \u201cnasional\u201d"
                       " berarti seluruh daerah laporan, \u201cprovinsi\u201d daerah laporan di"
                       " provinsi yang sama. Peringkat resmi hanya dari hasil evaluasi"
                       " kementerian.",
                       "Ranks are computed among the regions of this report: \u201cnational\u201d"
                       " means all its regions, \u201cprovince\u201d its regions in the same"
                       " province. Official ranks come only from the ministry's results."),
    "res_rank_national": ("Peringkat nasional", "National rank"),
    "res_rank_province": ("Peringkat provinsi", "Provincial rank"),
    "res_by_received": ("dari nilai diterima", "from scores received"),
    "res_by_estimate": ("dari perkiraan", "from the estimate"),
    "res_realisation": ("Realisasi per Dimensi {year}", "Realisation per Dimension {year}"),
    "res_per_region": ("Porsi Program Terlaksana per Daerah {year}",
                       "Executed Share of Programs per Region {year}"),
    "res_evidence": ("Klaim tanpa Bukti Dukung {year}", "Claims without Evidence {year}"),
    "res_evidence_intro": ("Daerah dengan klaim tanpa bukti dukung lebih dulu: penilai"
                           " mengurangi nilai jawaban tanpa bukti yang sah dan lengkap.",
                           "Regions with claims lacking evidence first: assessors mark down"
                           " answers without valid and complete supporting evidence."),
    "res_claims": ("Klaim", "Claims"),
    "res_with": ("Dengan bukti", "With evidence"),
    "res_without": ("Tanpa bukti", "Without"),
    "res_coverage": ("Cakupan", "Coverage"),
    "res_missing": ("Klaim tanpa bukti", "Claims without evidence"),
    "res_more": ("dan {count} lainnya", "and {count} more"),
    "res_silent": ("Tanpa berkas kemajuan {year}: {regions}.",
                   "No progress file for {year}: {regions}."),
}
# Column heads of `export --progress`: one row per program and year of progress.
PROGRAM_YEAR_LABELS: dict[str, tuple[str, str]] = {
    "year": ("Tahun", "Year"),
    "kind": ("Jenis baris (program/enabler)", "Row kind (program/enabler)"),
    "enabler_group": ("Kode kelompok faktor pendukung", "Enabler group key"),
    "enabler_group_name": ("Kelompok faktor pendukung", "Enabler group"),
    "planned": ("Direncanakan tahun ini", "Planned that year"),
    "status": ("Kode status", "Status key"),
    "status_name": ("Status", "Status"),
    "budget_planned": ("Anggaran rencana (Rp)", "Budget planned (Rp)"),
    "budget_realised": ("Anggaran realisasi (Rp)", "Budget realised (Rp)"),
    "absorption": ("Serapan", "Absorption"),
    "indicators_planned": ("Indikator bertarget", "Indicators with a target"),
    "indicators_reported": ("Indikator dilaporkan", "Indicators reported"),
    "indicators_met": ("Indikator tercapai", "Indicators met"),
    "evidence": ("Bukti dukung", "Evidence"),
    "progress_file": ("Berkas kemajuan", "Progress file"),
}


def results_labels(lang: str) -> dict[str, str]:
    """The cohort report's labels plus those of its results chapter."""
    return {**localised(EVALUATION_LABELS, lang), **report_labels(lang),
            **localised(RESULTS_LABELS, lang)}


# ... where its rows are programs and enablers (a `kind` column).
ITEM_YEAR_LABELS: dict[str, tuple[str, str]] = {
    "program_id": ("Kode program/faktor pendukung", "Program or enabler id"),
    "program_name": ("Nama program/faktor pendukung", "Program or enabler name"),
}


def program_year_headers(columns: Sequence[str], lang: str) -> list[str]:
    """The column heads of `export --progress` in `lang` (of the plain `export` too)."""
    table = localised(PROGRAM_YEAR_LABELS | (ITEM_YEAR_LABELS if "kind" in columns else {}),
                      lang)
    heads = csv_headers(columns, lang)
    return [table.get(key, head) for key, head in zip(columns, heads, strict=True)]


# --- revisions: the change log of `masterplan diff`, the change matrix, the redline ---------
REVISION_LABELS: dict[str, tuple[str, str]] = {
    "doc_revision": ("Matriks Perubahan Masterplan Smart City",
                     "Smart City Masterplan Change Matrix"),
    "rv_added": ("ditambah", "added"),
    "rv_removed": ("dihapus", "removed"),
    "rv_moved": ("dipindah", "moved"),
    "rv_changed": ("diubah", "changed"),
    "rv_aspect_program": ("Program", "Program"),
    "rv_aspect_quick_win": ("Quick win", "Quick win"),
    "rv_aspect_budget": ("Anggaran", "Budget"),
    "rv_aspect_years": ("Tahun pelaksanaan", "Years"),
    "rv_aspect_targets": ("Target", "Targets"),
    "rv_aspect_agencies": ("OPD", "Agencies"),
    "rv_aspect_indicators": ("Indikator", "Indicators"),
    "rv_aspect_narrative": ("Narasi", "Narrative"),
    "rv_aspect_value": ("Isian", "Entry"),
    "rv_ch_document": ("Identitas Dokumen", "Document Details"),
    "rv_ch_annexes": ("Lampiran dan Daftar", "Annexes and Lists"),
    "rv_item": ("Butir", "Item"),
    "rv_before": ("Sebelum", "Before"),
    "rv_after": ("Sesudah", "After"),
    "rv_kind": ("Jenis Perubahan", "Kind of Change"),
    "rv_summary": ("Ringkasan Perubahan", "Summary of Changes"),
    "rv_per_chapter": ("Perubahan per Bab", "Changes per Chapter"),
    "rv_matrix": ("Matriks Perubahan", "Change Matrix"),
    "rv_chapter": ("Bab", "Chapter"),
    "rv_total": ("Jumlah", "Total"),
    "rv_version": ("versi {version} ({date})", "version {version} ({date})"),
    "rv_version_dated": ("versi {date}", "version of {date}"),
    "rv_intro": ("Matriks ini mencatat setiap perubahan isi {title} dari {old} ke {new}, per"
                 " bab: butir yang berubah, isi sebelum dan sesudah, dan jenis perubahannya."
                 " Letak setiap butir dalam berkas spec ditunjukkan sebagai berkas:baris.",
                 "This matrix records every change of the content of the {title} from the"
                 " {old} to the {new}, chapter by chapter: the item changed, its content"
                 " before and after, and the kind of change. Each item's place in the spec"
                 " file is given as file:line."),
    "rv_none": ("Tidak ada perubahan isi.", "No change of content."),
    "rv_count": ("{n} perubahan: {added} ditambah, {removed} dihapus, {moved} dipindah,"
                 " {changed} diubah",
                 "{n} changes: {added} added, {removed} removed, {moved} moved,"
                 " {changed} changed"),
    "rv_moved_from": ("dari {place}", "from {place}"),
    "rv_words_removed": ("kata dihapus", "words removed"),
    "rv_words_added": ("kata ditambahkan", "words added"),
    "rv_legend": ("Tanda revisi terhadap {old}:", "Revision marks against the {old}:"),
    "rv_inserted": ("teks yang ditambahkan", "text added"),
    "rv_deleted": ("teks yang dihapus", "text removed"),
    "rv_empty": ("–", "–"),
    "rv_yes": ("ya", "yes"),
    "rv_no": ("tidak", "no"),
}


def revision_labels(lang: str) -> dict[str, str]:
    """The document labels plus those of revisions (change log, matrix, redline)."""
    return {**labels(lang), **localised(REVISION_LABELS, lang)}


# --- the agencies' worksheets (`masterplan sheets`, read back by `masterplan import`) -----
SHEET_LABELS: dict[str, tuple[str, str]] = {
    "sheet_instructions": ("Petunjuk", "Instructions"),
    "sheet_programs": ("Program", "Programs"),
    "sheet_indicators": ("Indikator", "Indicators"),
    "sheet_budget": ("Anggaran", "Budget"),
    "col_id": ("Kode program", "Program id"),
    "col_dimension": ("Dimensi", "Dimension"),
    "col_sub_dimension": ("Sub-dimensi", "Sub-dimension"),
    "col_name": ("Nama program", "Program name"),
    "col_lead_opd": ("OPD penanggung jawab", "Lead agency"),
    "col_supporting_opds": ("OPD pendukung (pisahkan dengan ;)",
                            "Supporting agencies (separate with ;)"),
    "col_horizon": ("Jangka waktu", "Horizon"),
    "col_status": ("Status", "Status"),
    "col_start_year": ("Tahun mulai", "Start year"),
    "col_end_year": ("Tahun selesai", "End year"),
    "col_program": ("Kode program", "Program id"),
    "col_number": ("No.", "No."),
    "col_indicator": ("Nama indikator", "Indicator"),
    "col_unit": ("Satuan", "Unit"),
    "col_scale": ("Skala predikat", "Grade scale"),
    "col_baseline": ("Baseline", "Baseline"),
    "col_baseline_year": ("Tahun baseline", "Baseline year"),
    "col_target": ("Target {year}", "Target {year}"),
    "col_year": ("Tahun anggaran", "Budget year"),
    "col_source": ("Sumber dana", "Funding source"),
    "col_amount": ("Jumlah (Rp)", "Amount (IDR)"),
    "col_note": ("Keterangan", "Note"),
    "new_program": ("BARU-{n}", "NEW-{n}"),
    "pick_list": ("Pilih dari daftar", "Pick from the list"),
    "pick_year": ("Tahun periode {start}-{end}", "A year of the period {start}-{end}"),
    "title": ("Lembar Isian Program Smart City: {agency}",
              "Smart City Program Worksheet: {agency}"),
    "made_from": ("Dibuat dari {spec} ({region}), periode {start}-{end}.",
                  "Made from {spec} ({region}), period {start}-{end}."),
    "steps": (
        "1. Periksa program yang Anda pimpin atau dukung pada lembar Program, Indikator dan"
        " Anggaran; ubah nilai yang perlu diubah langsung di selnya.\n"
        "2. Kolom kode (abu-abu) terkunci: kode program dan nomor baris tidak boleh diubah."
        " Lembar dikunci tanpa kata sandi; jangan membuka kunci dan jangan menambah, mengganti nama"
        " atau menghapus lembar.\n"
        "3. Program baru: isi baris berkode BARU-1, BARU-2, ... pada lembar Program. Indikator"
        " dan anggarannya ditulis pada baris kosong lembar Indikator dan Anggaran dengan kode"
        " BARU-n yang sama. Kode tetap diberikan saat impor.\n"
        "4. Menghapus indikator atau baris anggaran: kosongkan seluruh isi barisnya (kecuali"
        " kode dan nomor). Program tidak dihapus lewat lembar ini; sampaikan ke Bappeda.\n"
        "5. Anggaran ditulis dalam rupiah penuh sebagai angka, tanpa titik, koma atau \"Rp\":"
        " 1250000000, bukan 1.250.000.000. Tampilan titik pemisah ribuan dibuat oleh Excel.\n"
        "6. Tahun, {dimensions}, {sub_dimensions}, jangka waktu, status dan sumber dana"
        " dipilih dari daftar pada selnya.\n"
        "7. Jangan memakai rumus, menggabungkan sel (merge) atau menyimpan sebagai .xlsm;"
        " simpan sebagai Buku Kerja Excel (.xlsx) dan kirim kembali kepada Bappeda/Diskominfo.",
        "1. Check the programs your agency leads or supports on the Programs, Indicators and"
        " Budget sheets; change values directly in their cells.\n"
        "2. The id columns (grey) are locked: program ids and row numbers cannot be changed."
        " The sheets have no password; do not unprotect them, and do not add, rename or"
        " delete sheets.\n"
        "3. New programs: fill the rows NEW-1, NEW-2, ... on the Programs sheet. Their"
        " indicators and budget go on the empty rows of the Indicators and Budget sheets with"
        " the same NEW-n id. Permanent ids are given on import.\n"
        "4. To remove an indicator or a budget line, clear its whole row (except the id and"
        " number). Programs are not removed through this workbook; tell Bappeda.\n"
        "5. Budgets are whole rupiah written as numbers, without dots, commas or \"Rp\":"
        " 1250000000, not 1.250.000.000. Excel shows the thousands separators itself.\n"
        "6. Years, {dimensions}, {sub_dimensions}, horizon, status and funding source are"
        " picked from the list in their cells.\n"
        "7. Do not use formulas, merged cells or .xlsm; save as an Excel Workbook (.xlsx) and"
        " send it back to Bappeda/Diskominfo."),
}


def sheet_labels(lang: str) -> dict[str, str]:
    """The texts of an agency's worksheet in `lang`."""
    return localised(SHEET_LABELS, lang)


#: What the decks (`generator.documents.decks`, `-f pptx`) print besides the documents' labels.
DECK_LABELS: dict[str, tuple[str, str]] = {
    "deck_agenda": ("Agenda", "Agenda"),
    "deck_overview": ("Ikhtisar", "Overview"),
    "deck_solution": ("Solusi", "Solution"),
    "deck_facts": ("Pelaksanaan", "Delivery"),
    "deck_strategy": ("Strategi per Dimensi", "Strategy per Dimension"),
    "deck_part": ("{title} ({number}/{count})", "{title} ({number}/{count})"),
    "deck_thanks": ("Terima kasih", "Thank you"),
    "deck_more": ("… dan {count} lainnya", "… and {count} more"),
    "deck_more_claims": ("… dan {count} klaim lainnya", "… and {count} more claims"),
    "deck_evidence_missing": ("{count} klaim tanpa bukti dukung yang sah: penilai mengurangi"
                              " nilainya.",
                              "{count} claims without valid evidence: assessors mark them"
                              " down."),
    "deck_without_evidence": ("Klaim tanpa bukti", "Claims without evidence"),
}


def deck_labels(lang: str) -> dict[str, str]:
    """The document labels plus those of the decks."""
    return {**labels(lang), **localised(DECK_LABELS, lang)}


# --- the legal drafts (generator.documents.legal) ---------------------------------------
# Indonesian as Permendagri 80/2015 (amended by 120/2018) lays out regional legislation;
# English as the customary unofficial translations of Indonesian regulations word it.
LEGAL_LABELS: dict[str, tuple[str, str]] = {
    "doc_perkada": ("Rancangan Peraturan Kepala Daerah tentang Masterplan Smart City",
                    "Draft Regulation of the Regional Head on the Smart City Masterplan"),
    "doc_sk_dewan": ("Keputusan Pembentukan Dewan Smart City",
                     "Decree Forming the Smart City Council"),
    "doc_sk_tim": ("Keputusan Pembentukan Tim Pelaksana Smart City",
                   "Decree Forming the Smart City Implementation Team"),
    "doc_komitmen": ("Lembar Komitmen Kepala Daerah", "Commitment Sheet of the Regional Head"),
    "lg_draft": ("RANCANGAN", "DRAFT"),
    "lg_province": ("PROVINSI {province}", "{province} PROVINCE"),
    "lg_head": ("{head} {name}", "{head} OF {name}"),
    "lg_regulation": ("PERATURAN {head} {name}", "REGULATION OF THE {head} OF {name}"),
    "lg_decree": ("KEPUTUSAN {head} {name}", "DECREE OF THE {head} OF {name}"),
    "lg_number": ("NOMOR {number} TAHUN {year}", "NUMBER {number} OF {year}"),
    "lg_decree_number": ("NOMOR {number}", "NUMBER {number}"),
    "lg_about": ("TENTANG", "ON"),
    "lg_blessing": ("DENGAN RAHMAT TUHAN YANG MAHA ESA", "BY THE GRACE OF GOD ALMIGHTY"),
    "lg_considering": ("Menimbang", "Considering"),
    "lg_observing": ("Mengingat", "Observing"),
    "lg_decides": ("MEMUTUSKAN:", "HAS DECIDED:"),
    "lg_enacts": ("Menetapkan", "To enact"),
    "lg_enact_regulation": ("PERATURAN {head} TENTANG {title}.",
                            "REGULATION OF THE {head} ON {title}."),
    "lg_enact_decree": ("KEPUTUSAN {head} TENTANG {title}.", "DECREE OF THE {head} ON {title}."),
    "lg_title": ("{title} Tahun {start}-{end}", "{title} {start}-{end}"),
    "lg_chapter": ("BAB {number}", "CHAPTER {number}"),
    "lg_article": ("Pasal {number}", "Article {number}"),
    "lg_adopted_at": ("Ditetapkan di {place}", "Enacted in {place}"),
    "lg_adopted_on": ("pada tanggal {date}", "on {date}"),
    "lg_promulgated_at": ("Diundangkan di {place}", "Promulgated in {place}"),
    "lg_promulgated_on": ("pada tanggal {date}", "on {date}"),
    "lg_secretary": ("SEKRETARIS DAERAH {region},", "REGIONAL SECRETARY OF {region},"),
    "lg_gazette": ("BERITA DAERAH {region} TAHUN {year} NOMOR {number}",
                   "REGIONAL GAZETTE OF {region} OF {year} NUMBER {number}"),
    "lg_blank": ("....", "...."),
    "lg_blank_long": ("....................", "...................."),
    "lg_seal": ("cap", "seal"),
    "lg_nip": ("NIP.", "NIP"),
    "lg_annex": ("LAMPIRAN", "ANNEX"),
    "lg_annex_of_regulation": ("PERATURAN {head} {name}", "REGULATION OF THE {head} OF {name}"),
    "lg_annex_of_decree": ("KEPUTUSAN {head} {name}", "DECREE OF THE {head} OF {name}"),
    "lg_annex_number": ("NOMOR {number} TAHUN {year}", "NUMBER {number} OF {year}"),
    "lg_annex_decree_number": ("NOMOR : {number}", "NUMBER : {number}"),
    "lg_annex_date": ("TANGGAL : {date}", "DATE : {date}"),
    "lg_annex_about": ("TENTANG", "ON"),
    "lg_annex_body": ("{title} sebagaimana dimaksud dalam Pasal 3 ayat (3) adalah dokumen"
                      " {document} versi {version} tanggal {date}, yang dijilid tersendiri"
                      " dan merupakan bagian tidak terpisahkan dari Peraturan {head} ini.",
                      "The {title} referred to in Article 3(3) is the document {document},"
                      " version {version} of {date}, bound separately, which forms an integral"
                      " part of this Regulation of the {head}."),
    "lg_annex_contents": ("Sistematika Masterplan:", "Outline of the Masterplan:"),
    "lg_membership": ("SUSUNAN KEANGGOTAAN", "MEMBERSHIP"),
    "lg_duties": ("URAIAN TUGAS", "DUTIES"),
    "lg_no": ("No.", "No."),
    "lg_role": ("Kedudukan dalam {body}", "Role in the {body}"),
    "lg_position": ("Jabatan", "Position"),
    # dicta of a decree
    "lg_dictum": ("KESATU|KEDUA|KETIGA|KEEMPAT|KELIMA|KEENAM|KETUJUH|KEDELAPAN|KESEMBILAN",
                  "FIRST|SECOND|THIRD|FOURTH|FIFTH|SIXTH|SEVENTH|EIGHTH|NINTH"),
    # words for numbers, as legal text writes them: 10 (sepuluh)
    "lg_words": ("nol|satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh|sebelas|"
                 "dua belas|tiga belas|empat belas|lima belas|enam belas|tujuh belas|"
                 "delapan belas|sembilan belas|dua puluh",
                 "zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                 "thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty"),
    # the regulation: menimbang
    "lg_cons_perkada_a": ("bahwa dalam rangka mewujudkan penyelenggaraan pemerintahan,"
                          " pelayanan publik dan pembangunan daerah yang efektif, efisien dan"
                          " berbasis teknologi informasi dan komunikasi di {region}, perlu"
                          " disusun rencana induk pengembangan smart city sebagai pedoman bagi"
                          " perangkat daerah dan pemangku kepentingan",
                          "that, in order to realise effective and efficient government, public"
                          " services and regional development based on information and"
                          " communication technology in {region}, a master plan for smart-city"
                          " development is needed to guide the regional agencies and"
                          " stakeholders"),
    "lg_cons_perkada_b": ("bahwa {region} sebagai peserta Gerakan Menuju 100 Smart City"
                          " angkatan {cohort} telah menyusun {title}",
                          "that {region}, selected into the Movement Towards 100 Smart Cities"
                          " in {cohort}, has prepared the {title}"),
    "lg_cons_perkada_c": ("bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a"
                          " dan huruf b, perlu menetapkan Peraturan {head} tentang {title}",
                          "that, based on the considerations in letters a and b, it is"
                          " necessary to enact a Regulation of the {head} on the {title}"),
    # the regulation: chapters and articles
    "lg_ch_general": ("KETENTUAN UMUM", "GENERAL PROVISIONS"),
    "lg_ch_masterplan": ("MASTERPLAN SMART CITY", "SMART CITY MASTERPLAN"),
    "lg_ch_implementation": ("PELAKSANAAN, PEMANTAUAN DAN EVALUASI",
                             "IMPLEMENTATION, MONITORING AND EVALUATION"),
    "lg_ch_funding": ("PENDANAAN", "FUNDING"),
    "lg_ch_closing": ("KETENTUAN PENUTUP", "CLOSING PROVISIONS"),
    "lg_art_definitions": ("Dalam Peraturan {head} ini yang dimaksud dengan:",
                           "In this Regulation of the {head}:"),
    "lg_def_region": ("Daerah adalah {region}.", "Region means {region}."),
    "lg_def_government": ("Pemerintah Daerah adalah {head} sebagai unsur penyelenggara"
                          " Pemerintahan Daerah yang memimpin pelaksanaan urusan pemerintahan"
                          " yang menjadi kewenangan daerah otonom.",
                          "Regional Government means the {head} as the organ of regional"
                          " government leading the affairs within the authority of the"
                          " autonomous region."),
    "lg_def_head": ("{head} adalah {head} {name}.", "{head} means the {head} of {region}."),
    "lg_def_agency": ("Perangkat Daerah adalah unsur pembantu {head} dan Dewan Perwakilan"
                      " Rakyat Daerah dalam penyelenggaraan urusan pemerintahan yang menjadi"
                      " kewenangan Daerah.", "Regional Agency means an organ assisting the"
                      " {head} and the Regional House of Representatives in the affairs within"
                      " the Region's authority."),
    "lg_def_smart_city": ("Smart City adalah pengelolaan Daerah yang memanfaatkan teknologi"
                          " informasi dan komunikasi untuk meningkatkan efektivitas dan"
                          " efisiensi pemerintahan, pelayanan publik dan kesejahteraan"
                          " masyarakat.", "Smart City means the management of the Region"
                          " using information and communication technology to make"
                          " government, public services and citizens' welfare more effective"
                          " and efficient."),
    "lg_def_masterplan": ("Masterplan Smart City yang selanjutnya disebut Masterplan adalah"
                          " dokumen perencanaan pengembangan Smart City Daerah untuk jangka"
                          " waktu {years} tahun.", "Smart City Masterplan, hereinafter the"
                          " Masterplan, means the planning document for the Region's"
                          " smart-city development over {years} years."),
    "lg_def_council": ("Dewan Smart City adalah {council} yang dibentuk dengan Keputusan"
                       " {head} untuk mengarahkan pelaksanaan Masterplan.", "Smart City Council"
                       " means the {council}, formed by decree to direct the implementation"
                       " of the Masterplan."),
    "lg_def_team": ("Tim Pelaksana adalah {team} yang dibentuk dengan Keputusan {head}"
                    " untuk mengoordinasikan pelaksanaan Masterplan.",
                    "Implementation Team means the {team}, formed by decree to coordinate the"
                    " implementation of the"
                    " Masterplan."),
    "lg_def_quickwin": ("Program Quick Win adalah program percepatan Smart City yang"
                        " manfaatnya dapat dirasakan langsung oleh masyarakat dalam waktu"
                        " singkat.", "Quick-Win Program means an accelerated smart-city"
                        " program whose benefits citizens feel directly within a short time."),
    "lg_art_guidance_1": ("Masterplan merupakan pedoman bagi Pemerintah Daerah, Perangkat"
                          " Daerah dan pemangku kepentingan dalam perencanaan, pelaksanaan,"
                          " pemantauan dan evaluasi pembangunan Smart City di Daerah.",
                          "The Masterplan guides the Regional Government, the Regional"
                          " Agencies and stakeholders in planning, implementing, monitoring"
                          " and evaluating smart-city development in the Region."),
    "lg_art_guidance_2": ("Masterplan sebagaimana dimaksud pada ayat (1) menjadi acuan"
                          " Perangkat Daerah dalam menyusun rencana strategis dan rencana"
                          " kerja Perangkat Daerah.", "The Masterplan referred to in paragraph"
                          " (1) is the reference of the Regional Agencies for their strategic"
                          " and work plans."),
    "lg_art_period": ("Masterplan berlaku untuk jangka waktu {years} tahun, yaitu Tahun {start}"
                      " sampai dengan Tahun {end}.", "The Masterplan covers {years} years, from"
                      " {start} to {end}."),
    "lg_art_contents": ("Masterplan sebagaimana dimaksud pada ayat (1) memuat:",
                        "The Masterplan referred to in paragraph (1) contains:"),
    "lg_content_readiness": ("analisis kesiapan Daerah", "the analysis of the Region's"
                             " readiness"),
    "lg_content_vision": ("visi, misi dan arah pengembangan Smart City",
                          "the vision, missions and direction of smart-city development"),
    "lg_content_strategy": ("strategi dan program pada 6 (enam) dimensi Smart City",
                            "the strategies and programs in the 6 (six) smart-city"
                            " dimensions"),
    "lg_content_roadmap": ("rencana aksi, peta jalan dan pendanaan",
                           "the action plan, roadmap and funding"),
    "lg_content_quickwins": ("Program Quick Win", "the Quick-Win Programs"),
    "lg_content_governance": ("tata kelola, pemantauan dan evaluasi",
                              "governance, monitoring and evaluation"),
    "lg_and": ("dan", "and"),
    "lg_art_annex": ("Masterplan sebagaimana dimaksud pada ayat (1) tercantum dalam Lampiran"
                     " yang merupakan bagian tidak terpisahkan dari Peraturan {head} ini.",
                     "The Masterplan referred to in paragraph (1) is set out in the Annex,"
                     " which forms an integral part of this Regulation of the {head}."),
    "lg_impl_bodies": ("Pelaksanaan Masterplan diarahkan oleh {council}, dikoordinasikan oleh"
                       " {team} dan dilaksanakan oleh Perangkat Daerah sesuai dengan tugas dan"
                       " fungsinya.", "The implementation of the Masterplan is directed by the"
                       " {council}, coordinated by the {team} and carried out by the Regional"
                       " Agencies within their duties and functions."),
    "lg_impl_agencies": ("Pelaksanaan Masterplan dilaksanakan oleh Perangkat Daerah sesuai"
                         " dengan tugas dan fungsinya.", "The Masterplan is carried out by the"
                         " Regional Agencies within their duties and functions."),
    "lg_art_implement": ("{implementers}", "{implementers}"),
    "lg_art_monitor": ("Pemantauan pelaksanaan Masterplan dilakukan setiap triwulan dan"
                       " evaluasi paling sedikit 1 (satu) kali dalam 1 (satu) tahun.",
                       "The implementation of the Masterplan is monitored every quarter and"
                       " evaluated at least once a year."),
    "lg_art_review": ("Masterplan dapat ditinjau kembali paling sedikit 1 (satu) kali dalam 5"
                      " (lima) tahun atau sewaktu-waktu sesuai dengan perubahan rencana"
                      " pembangunan Daerah.", "The Masterplan may be reviewed at least once"
                      " every 5 (five) years, or whenever the Region's development plan"
                      " changes."),
    "lg_art_funding": ("Pendanaan pelaksanaan Masterplan bersumber dari Anggaran Pendapatan dan"
                       " Belanja Daerah dan sumber lain yang sah dan tidak mengikat sesuai"
                       " dengan ketentuan peraturan perundang-undangan.",
                       "The implementation of the Masterplan is funded by the Regional Budget"
                       " and other lawful, non-binding sources in accordance with the laws and"
                       " regulations."),
    "lg_art_force": ("Peraturan {head} ini mulai berlaku pada tanggal diundangkan.",
                     "This Regulation of the {head} comes into force on the date of its"
                     " promulgation."),
    "lg_promulgation": ("Agar setiap orang mengetahuinya, memerintahkan pengundangan Peraturan"
                        " {head} ini dengan penempatannya dalam Berita Daerah {region}.",
                        "So that everyone may know of it, the promulgation of this Regulation"
                        " of the {head} is ordered by its placement in the Regional Gazette of"
                        " {region}."),
    # the decrees
    "lg_body_council": ("Dewan Smart City {region}", "Smart City Council of {region}"),
    "lg_body_implementation_team": ("Tim Pelaksana Smart City {region}",
                                    "Smart City Implementation Team of {region}"),
    "lg_short_council": ("Dewan", "Council"),
    "lg_short_implementation_team": ("Tim", "Team"),
    "lg_cons_council_a": ("bahwa untuk mengarahkan pelaksanaan {title} dan memastikan"
                          " keterpaduannya dengan rencana pembangunan Daerah, perlu dibentuk"
                          " {body}", "that, to direct the implementation of the {title} and"
                          " ensure it is integrated with the Region's development plans, the"
                          " {body} needs to be formed"),
    "lg_cons_implementation_team_a": ("bahwa untuk mengoordinasikan pelaksanaan program dan"
                                      " Program Quick Win {title} lintas perangkat daerah, perlu"
                                      " dibentuk {body}", "that, to coordinate the programs and"
                                      " quick wins of the {title} across the regional agencies,"
                                      " the {body} needs to be formed"),
    "lg_cons_decree_b": ("bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a,"
                         " perlu menetapkan Keputusan {head} tentang {body}",
                         "that, based on the consideration in letter a, it is necessary to"
                         " issue a Decree of the {head} on the {body}"),
    "lg_observing_perkada": ("Peraturan {head} {name} Nomor {number} Tahun {year} tentang"
                             " {title}", "Regulation of the {head} of {name} Number {number}"
                             " of {year} on the {title}"),
    "lg_dictum_form": ("Membentuk {body} dengan susunan keanggotaan sebagaimana tercantum dalam"
                       " Lampiran yang merupakan bagian tidak terpisahkan dari Keputusan {head}"
                       " ini.", "To form the {body} with the membership set out in the Annex,"
                       " which forms an integral part of this Decree of the {head}."),
    "lg_dictum_duties": ("{body} sebagaimana dimaksud dalam Diktum KESATU mempunyai tugas"
                         " sebagaimana tercantum dalam Lampiran Keputusan {head} ini.",
                         "The {body} referred to in the FIRST dictum has the duties set out in"
                         " the Annex to this Decree of the {head}."),
    "lg_reports_council": ("Dalam melaksanakan tugasnya, {body} bertanggung jawab kepada {head}.",
                           "In carrying out its duties, the {body} reports to the {head}."),
    "lg_reports_implementation_team": ("Dalam melaksanakan tugasnya, {body} bertanggung jawab"
                                       " kepada {head} melalui {council}.", "In carrying out"
                                       " its duties, the {body} reports to the {head} through"
                                       " the {council}."),
    "lg_reports_chaired": ("Dalam melaksanakan tugasnya, {body} diketuai oleh {head} dan"
                           " menyampaikan laporan pelaksanaan tugasnya secara berkala kepada"
                           " {head} selaku Ketua.", "In carrying out its duties, the {body} is"
                           " chaired by the {head} and reports on its work periodically to the"
                           " {head} as its Chair."),
    "lg_dictum_cost": ("Segala biaya yang timbul akibat ditetapkannya Keputusan {head} ini"
                       " dibebankan pada Anggaran Pendapatan dan Belanja Daerah {region}.",
                       "All costs arising from this Decree of the {head} are charged to the"
                       " Regional Budget of {region}."),
    "lg_dictum_force": ("Keputusan {head} ini mulai berlaku pada tanggal ditetapkan.",
                        "This Decree of the {head} comes into force on the date of its"
                        " issue."),
    # the commitment sheet: what the head commits to
    "lg_commit_adopt": ("menetapkan {title} dengan Peraturan {head} sebagai pedoman pembangunan"
                        " Smart City Daerah", "adopt the {title} by a Regulation of the {head}"
                        " as the guide of the Region's smart-city development"),
    "lg_commit_adopted": ("melaksanakan {title} yang telah ditetapkan dengan Peraturan {head}"
                          " Nomor {number} Tahun {year}", "implement the {title} adopted by"
                          " Regulation of the {head} Number {number} of {year}"),
    "lg_commit_integrate": ("mengintegrasikan {programs} program Masterplan ke dalam RPJMD,"
                            " Renstra Perangkat Daerah dan RKPD", "integrate the {programs}"
                            " programs of the Masterplan into the RPJMD, the agencies' Renstra"
                            " and the RKPD"),
    "lg_commit_quickwins": ("melaksanakan {quickwins} Program Quick Win dengan target sebagai"
                            " berikut", "carry out the {quickwins} quick-win programs with the"
                            " following targets"),
    "lg_commit_budget": ("mengalokasikan anggaran pelaksanaan Masterplan dalam Anggaran"
                         " Pendapatan dan Belanja Daerah sesuai dengan kemampuan keuangan"
                         " Daerah", "allocate funds for the Masterplan in the Regional Budget"
                         " within the Region's financial capacity"),
    "lg_commit_bodies": ("membentuk dan mengaktifkan Dewan Smart City dan Tim Pelaksana Smart"
                         " City serta menyelenggarakan Forum Smart City secara berkala",
                         "form and activate the Smart City Council and the Implementation Team"
                         " and hold a Smart City Forum regularly"),
    "lg_commit_monitor": ("melaksanakan pemantauan dan evaluasi pelaksanaan Masterplan dan"
                          " melaporkannya kepada kementerian yang menyelenggarakan urusan"
                          " pemerintahan di bidang komunikasi dan digital", "monitor and"
                          " evaluate the implementation of the Masterplan and report to the"
                          " ministry in charge of communication and digital affairs"),
    # the commitment sheet
    "lg_commitment": ("LEMBAR KOMITMEN", "COMMITMENT SHEET"),
    "lg_commitment_of": ("PELAKSANAAN {title}", "IMPLEMENTATION OF THE {title}"),
    "lg_undersigned": ("Yang bertanda tangan di bawah ini:", "The undersigned:"),
    "lg_name": ("Nama", "Name"),
    "lg_office": ("Jabatan", "Position"),
    "lg_commits": ("dengan ini menyatakan komitmen {government} untuk:",
                   "hereby states the commitment of the {government} to:"),
    "lg_quickwin": ("Program Quick Win", "Quick-win program"),
    "lg_agency": ("Perangkat Daerah", "Agency"),
    "lg_target": ("Indikator dan Target", "Indicator and target"),
    "lg_target_item": ("{name}: {target} {unit} ({year})", "{name}: {target} {unit} ({year})"),
    "lg_witnesses": ("Saksi-saksi:", "Witnesses:"),
    "lg_place_date": ("{place}, {date}", "{place}, {date}"),
    "lg_commitment_close": ("Demikian lembar komitmen ini dibuat dengan sebenar-benarnya untuk"
                            " dilaksanakan dengan penuh tanggung jawab.",
                            "This commitment sheet is made truthfully, to be carried out with"
                            " full responsibility."),
}


def legal_labels(lang: str) -> dict[str, str]:
    return localised(LEGAL_LABELS, lang)
