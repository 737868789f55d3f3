"""The message catalogue: every user-facing diagnostic, in Bahasa Indonesia and English.

Messages say what was expected and what was found, in plain words. Codes are stable (they are
part of `validate --format json`); texts may be improved freely.
"""

from __future__ import annotations

from typing import Any

LANGUAGES = ("id", "en")

TYPE_NAMES: dict[str, tuple[str, str]] = {
    "null": ("kosong (null)", "empty (null)"),
    "boolean": ("nilai ya/tidak (boolean)", "a boolean"),
    "integer": ("bilangan bulat", "an integer"),
    "float": ("bilangan desimal", "a decimal number"),
    "number": ("angka", "a number"),
    "string": ("teks", "text"),
    "array": ("daftar (list)", "a list"),
    "object": ("pemetaan (kunci: nilai)", "a mapping (key: value)"),
}

CATALOGUE: dict[str, tuple[str, str]] = {
    # reading the file
    "file.not_found": ("berkas tidak ditemukan", "file not found"),
    "file.unreadable": ("berkas tidak dapat dibaca: {reason}", "file cannot be read: {reason}"),
    "file.is_directory": ("ini folder, bukan berkas spec", "this is a folder, not a spec file"),
    "file.not_regular": ("bukan berkas biasa (perangkat, pipa, atau soket)",
                         "not a regular file (a device, pipe or socket)"),
    "file.too_large": ("berkas terlalu besar: {size}, batasnya {limit}",
                       "file too large: {size}, the limit is {limit}"),
    # parsing YAML
    "yaml.not_utf8": ("berkas bukan teks UTF-8 (bita {byte}); simpan ulang sebagai UTF-8",
                      "file is not UTF-8 text (byte {byte}); save it again as UTF-8"),
    "yaml.empty": ("berkas kosong; diharapkan spec masterplan (pemetaan kunci: nilai)",
                   "file is empty; expected a masterplan spec (a key: value mapping)"),
    "yaml.root_not_mapping": ("tingkat teratas harus berupa pemetaan (kunci: nilai), ditemukan"
                              " {found}", "the top level must be a mapping (key: value), found"
                              " {found}"),
    "yaml.control_char": ("karakter kendali {char} tidak diperbolehkan (sering terbawa saat"
                          " menyalin dari Word); hapus karakter tersebut",
                          "control character {char} is not allowed (often pasted from Word);"
                          " remove it"),
    "yaml.tab": ("karakter tab tidak boleh dipakai untuk indentasi YAML; gunakan spasi",
                 "tab characters cannot be used for YAML indentation; use spaces"),
    "yaml.colon": ("titik dua (`: `) tidak boleh di sini; mungkin baris baru terlewat, atau teks"
                   " yang memuat `: ` perlu diberi tanda kutip", "a colon (`: `) is not allowed"
                   " here; a line break may be missing, or text containing `: ` needs quotes"),
    "yaml.bad_escape": ("kode escape tidak valid dalam teks bertanda kutip ganda; gunakan tanda"
                        " kutip tunggal atau hapus `\\`", "invalid escape code in a double-quoted"
                        " text; use single quotes or remove the `\\`"),
    "yaml.unclosed_flow": ("`{open}` yang dibuka di baris {line} belum ditutup dengan `{close}`",
                           "the `{open}` opened on line {line} is not closed with `{close}`"),
    "yaml.too_deep": ("struktur bersarang terlalu dalam (lebih dari {limit} tingkat)",
                      "nesting is too deep (more than {limit} levels)"),
    "yaml.syntax": ("YAML tidak valid: {detail}", "invalid YAML: {detail}"),
    "yaml.several_documents": ("berkas berisi lebih dari satu dokumen YAML (`---`); satu berkas"
                               " hanya untuk satu daerah", "the file holds more than one YAML"
                               " document (`---`); one file is for one region"),
    "yaml.directive": ("direktif YAML (%YAML, %TAG) tidak didukung; hapus baris tersebut",
                       "YAML directives (%YAML, %TAG) are not supported; remove the line"),
    "yaml.alias": ("alias YAML (*{name}) tidak didukung; tuliskan nilainya secara lengkap",
                   "YAML aliases (*{name}) are not supported; write the value out in full"),
    "yaml.anchor": ("anchor YAML (&{name}) tidak didukung; tuliskan nilainya secara lengkap",
                    "YAML anchors (&{name}) are not supported; write the value out in full"),
    "yaml.too_many_nodes": ("berkas memiliki terlalu banyak elemen (lebih dari {limit})",
                            "the file has too many elements (more than {limit})"),
    "yaml.tag": ("tag YAML {tag} tidak diperbolehkan; hapus tag tersebut",
                 "YAML tag {tag} is not allowed; remove it"),
    "yaml.bad_key": ("kunci `{key}` harus berupa teks", "key `{key}` must be text"),
    "yaml.complex_key": ("kunci harus berupa teks sederhana, bukan daftar atau pemetaan",
                         "keys must be plain text, not a list or mapping"),
    "yaml.duplicate_key": ("kunci `{key}` muncul dua kali (pertama di baris {first})",
                           "key `{key}` appears twice (first on line {first})"),
    "yaml.merge_key": ("kunci gabungan YAML (`<<`) tidak didukung",
                       "YAML merge keys (`<<`) are not supported"),
    "yaml.not_finite": ("angka {value} tidak diperbolehkan; diharapkan angka terhingga",
                        "{value} is not allowed; expected a finite number"),
    "yaml.bad_number": ("angka tidak valid: {value}", "invalid number: {value}"),
    # schema
    "schema.type": ("diharapkan {expected}, ditemukan {found}{shown}{hint}",
                    "expected {expected}, found {found}{shown}{hint}"),
    "schema.required": ("kunci wajib `{name}` belum diisi", "required key `{name}` is missing"),
    "schema.additional": ("kunci `{name}` tidak dikenal{suggestion}",
                          "unknown key `{name}`{suggestion}"),
    "schema.enum": ("nilai `{value}` tidak dikenal; pilihan yang sah: {allowed}{suggestion}",
                    "unknown value `{value}`; allowed: {allowed}{suggestion}"),
    "schema.const": ("diharapkan nilai {expected}", "expected the value {expected}"),
    "schema.pattern": ("`{value}` bukan {what}", "`{value}` is not {what}"),
    "schema.minimum": ("nilai {value} terlalu kecil; paling kecil {limit}",
                       "{value} is too small; the minimum is {limit}"),
    "schema.maximum": ("nilai {value} terlalu besar; paling besar {limit}",
                       "{value} is too large; the maximum is {limit}"),
    "schema.min_length": ("teks tidak boleh kosong", "text must not be empty"),
    "schema.max_length": ("teks terlalu panjang: {length} karakter, paling banyak {limit}",
                          "text too long: {length} characters, at most {limit}"),
    "schema.min_items": ("daftar harus berisi paling sedikit {limit} butir",
                         "the list needs at least {limit} item(s)"),
    "schema.max_items": ("daftar terlalu panjang: paling banyak {limit} butir",
                         "the list is too long: at most {limit} items"),
    "schema.min_properties": ("isi paling sedikit satu `tahun: nilai`",
                              "give at least one `year: value`"),
    "schema.status_or_score": ("isi `status` (baik/cukup/kurang) atau `score` (1-4)",
                               "give a `status` (baik/cukup/kurang) or a `score` (1-4)"),
    "schema.other": ("tidak sesuai skema: {detail}", "does not match the schema: {detail}"),
    "hint.thousands": ("; jika maksudnya {words}, tulis {suggestion} tanpa titik pemisah ribuan",
                       "; if you meant {words_en}, write {suggestion} without thousands"
                       " separators"),
    "hint.amount": ("; jika maksudnya {words}, tulis {suggestion} (angka saja, tanpa Rp dan"
                    " pemisah ribuan)",
                    "; if you meant {words_en}, write {suggestion} (digits only, no Rp or"
                    " thousands separators)"),
    "hint.quote": ("; tulis dalam tanda kutip: \"{raw}\"", "; put it in quotes: \"{raw}\""),
    "hint.did_you_mean": ("; mungkin maksudnya `{name}`?", "; did you mean `{name}`?"),
    "hint.scale": ("; untuk predikat, nyatakan skalanya (mis. `scale: {scale}`)",
                   "; for a grade, name its scale (e.g. `scale: {scale}`)"),
    "hint.horizon_at_most": ("berlangsung paling lama {years} tahun",
                             "lasts at most {years} years"),
    "hint.horizon_long": ("berlangsung lebih dari {years} tahun atau berlanjut setelah {year}"
                          " (tahun ke-{years} periode)", "lasts more than {years} years or runs"
                          " past {year} (year {years} of the period)"),
    "pattern.id": ("kode yang sah (huruf besar, angka dan tanda hubung, mis. GOV-01)",
                   "a valid code (capitals, digits and hyphens, e.g. GOV-01)"),
    "pattern.region_code": ("kode wilayah Kemendagri `PP.KK` (mis. \"35.10\")",
                            "a Kemendagri region code `PP.KK` (e.g. \"35.10\")"),
    "pattern.date": ("tanggal berformat YYYY-MM-DD (mis. 2025-11-20)",
                     "a date as YYYY-MM-DD (e.g. 2025-11-20)"),
    "pattern.code": ("kode berhuruf besar (mis. APBD)", "an upper-case code (e.g. APBD)"),
    "pattern.year_key": ("tahun empat angka (mis. 2027)", "a four-digit year (e.g. 2027)"),
    "pattern.iso": ("nomor indikator (mis. 6.1)", "an indicator number (e.g. 6.1)"),
    "pattern.scale_id": ("nama skala (huruf kecil, angka dan garis bawah, mis. sakip)",
                         "a scale name (lower case, digits and underscores, e.g. sakip)"),
    "pattern.reference_key": ("kunci rujukan (huruf, angka dan `_`, boleh `:.-` di tengah, mis."
                              " bps-2024)", "a citation key (letters, digits and `_`, with"
                              " `:.-` inside, e.g. bps-2024)"),
    "pattern.url": ("alamat http:// atau https:// tanpa spasi",
                    "an http:// or https:// address without spaces"),
    # cross-field rules
    "rule.duplicate_id": ("kode `{id}` sudah dipakai di {first}",
                          "id `{id}` is already used at {first}"),
    "rule.duplicate_entry": ("`{value}` sudah ada di {first}", "`{value}` already appears at"
                             " {first}"),
    "rule.bad_date": ("`{value}` bukan tanggal yang ada di kalender",
                      "`{value}` is not a calendar date"),
    "rule.period_order": ("tahun akhir {end} lebih awal dari tahun awal {start}",
                          "end year {end} is before start year {start}"),
    "rule.period_too_long": ("periode {years} tahun terlalu panjang; paling lama {limit} tahun",
                             "a {years}-year period is too long; at most {limit} years"),
    "rule.year_outside_period": ("tahun {year} di luar periode masterplan {start}-{end}",
                                 "year {year} is outside the masterplan period {start}-{end}"),
    "rule.continued_as_unknown": ("program sebelumnya ini dilanjutkan sebagai `{program}`, tetapi"
                                  " tidak ada program `{program}` di masterplan ini{suggestion}",
                                  "this previous program is continued as `{program}`, but this"
                                  " masterplan has no program `{program}`{suggestion}"),
    "rule.continued_as_not_continued": ("program `{program}` melanjutkan program sebelumnya ini,"
                                        " tetapi statusnya bukan `continued`; tulis `status:"
                                        " continued` pada program `{program}`", "program"
                                        " `{program}` continues this previous program, but its"
                                        " status is not `continued`; write `status: continued`"
                                        " on program `{program}`"),
    "rule.continued_not_named": ("program `{id}` berstatus lanjutan (`continued`), tetapi tidak"
                                 " ada program di `previous_masterplan.programs` dengan"
                                 " `continued_as: {id}`", "program `{id}` is `continued`, but"
                                 " no program of `previous_masterplan.programs` has"
                                 " `continued_as: {id}`"),
    "rule.previous_starts_late": ("masterplan sebelumnya harus dimulai sebelum masterplan ini"
                                  " ({start}), ditemukan {year}", "the previous masterplan must"
                                  " start before this one ({start}), found {year}"),
    "rule.previous_ends_late": ("masterplan sebelumnya harus berakhir sebelum tahun akhir"
                                " masterplan ini ({end}), ditemukan {year}", "the previous"
                                " masterplan must end before this one's last year ({end}),"
                                " found {year}"),
    "rule.quick_win_program": ("quick win merujuk program `{program}` yang tidak ada{suggestion}",
                               "the quick win refers to program `{program}`, which does not"
                               " exist{suggestion}"),
    "rule.quick_win_late": ("quick win harus dimulai pada dua tahun pertama ({start}-{latest}),"
                            " ditemukan {year}", "a quick win must start in the first two years"
                            " ({start}-{latest}), found {year}"),
    # alignment with the RPJMD, SPBE and SNI ISO indicators
    "rule.rpjmd_unknown": ("`{id}` bukan {what} yang dinyatakan di `profile.rpjmd`{suggestion}",
                           "`{id}` is not {what} declared in `profile.rpjmd`{suggestion}"),
    "rule.spbe_unknown": ("`{code}` bukan domain atau layanan SPBE (Perpres 95/2018){suggestion};"
                          " pilihan: {known}", "`{code}` is not an SPBE domain or service"
                          " (Perpres 95/2018){suggestion}; one of: {known}"),
    "rule.iso_unknown": ("`{value}` bukan nomor indikator {standard}{suggestion}",
                         "`{value}` is not an indicator number of {standard}{suggestion}"),
    "pattern.rpjmd_id": ("kode butir RPJMD (huruf besar dan angka, bagian dipisah titik atau"
                         " tanda hubung, mis. M2, T2.1)", "an RPJMD item id (capitals and"
                         " digits, parts joined by dots or hyphens, e.g. M2, T2.1)"),
    "pattern.spbe": ("kode SPBE (huruf kecil dan garis bawah, mis. data_informasi)",
                     "an SPBE code (lower case and underscores, e.g. data_informasi)"),
    "pattern.iso_indicator": ("nomor indikator SNI ISO berformat `37122:10.2` atau `37120:10.1`",
                              "an SNI ISO indicator as `37122:10.2` or `37120:10.1`"),
    "rule.region_code_type": ("kode {code} adalah {actual}, tetapi `type` adalah {declared}"
                              " (KK 01-69 kabupaten, 71-99 kota)",
                              "code {code} is a {actual}, but `type` is {declared}"
                              " (KK 01-69 is a kabupaten, 71-99 a kota)"),
    "rule.region_code_range": ("kode daerah {code} tidak sah: KK harus 01-69 (kabupaten) atau"
                               " 71-99 (kota)", "region code {code} is not valid: KK must be"
                               " 01-69 (kabupaten) or 71-99 (kota)"),
    "rule.province_code": ("kode provinsi {code} tidak dikenal", "unknown province code {code}"),
    "rule.province_name": ("kode {code} milik provinsi {expected}, bukan `{name}`",
                           "code {code} belongs to the province {expected}, not `{name}`"),
    "rule.province_unknown": ("provinsi `{name}` tidak dikenal{suggestion}",
                              "unknown province `{name}`{suggestion}"),
    "rule.name_with_title": ("tulis nama saja, tanpa `{title}`: sebutannya sudah dicetak",
                             "write the name only, without `{title}`: the title is printed"
                             " anyway"),
    "rule.deputy_is_head": ("wakil kepala daerah `{name}` sama dengan kepala daerah",
                            "the deputy head `{name}` is the same as the head"),
    "rule.approval_year": ("tahun {year} tidak cocok untuk menetapkan masterplan {start}-{end}:"
                           " diharapkan {earliest}-{end}", "year {year} does not fit the"
                           " adoption of a {start}-{end} masterplan: expected {earliest}-{end}"),
    "rule.approval_date_year": ("tanggal {date} tidak jatuh pada tahun peraturan {year}",
                                "date {date} is not in the regulation's year {year}"),
    "rule.gazette_year": ("Berita Daerah tahun {gazette} lebih awal dari tahun peraturan"
                          " {year}", "the gazette's year {gazette} is before the regulation's"
                          " year {year}"),
    "rule.gazette_without_number": ("nomor Berita Daerah diisi, tetapi nomor peraturan"
                                    " (`number`) belum: peraturan diundangkan setelah"
                                    " ditetapkan", "a gazette number without the regulation's"
                                    " `number`: a regulation is promulgated after it is"
                                    " adopted"),
    "rule.approval_kind": ("`{kind}` tidak cocok untuk {type}: kepala daerahnya {head}",
                           "`{kind}` does not suit a {type}: its head is the {head}"),
    "rule.approval_head_name": ("penanda tangan kepala daerah `{name}` tidak sama dengan"
                                " `region.head_name` `{head}`", "the head signing as `{name}` is"
                                " not `region.head_name` `{head}`"),
    # what the legal drafts need (generator.spec.legal), only when one is asked for
    "legal.no_basis": ("rancangan peraturan/keputusan memerlukan `document.legal_basis`"
                       " (dasar hukum untuk bagian Mengingat)", "the draft regulation or"
                       " decree needs `document.legal_basis` (the legal basis it cites under"
                       " Mengingat)"),
    "legal.not_regulation": ("`{text}` bukan rujukan peraturan: diharapkan mis. `Peraturan"
                             " Presiden Nomor 95 Tahun 2018 tentang …` (Undang-Undang,"
                             " Peraturan Pemerintah, Peraturan Presiden, Peraturan Menteri …,"
                             " Peraturan Daerah …)", "`{text}` is not a regulation reference:"
                             " expected e.g. `Peraturan Presiden Nomor 95 Tahun 2018 tentang …`"
                             " (Undang-Undang, Peraturan Pemerintah, Peraturan Presiden,"
                             " Peraturan Menteri …, Peraturan Daerah …)"),
    "legal.no_subject": ("`{text}`: rujukan peraturan tanpa `tentang …` (judulnya)",
                         "`{text}`: a regulation reference without `tentang …` (its title)"),
    "legal.no_number": ("`{text}`: tanpa `Nomor N Tahun YYYY`; lengkapi sebelum rancangan"
                        " diajukan ke bagian hukum", "`{text}`: no `Nomor N Tahun YYYY`;"
                        " complete it before the draft goes to the legal bureau"),
    "legal.no_body": ("rancangan keputusan memerlukan `{body}` (nama, tugas, anggota)",
                      "the draft decree needs `{body}` (name, duties, members)"),
    "legal.no_members": ("`{body}` tanpa anggota: susunan keanggotaan keputusan kosong",
                         "`{body}` has no members: the decree's membership list is empty"),
    "legal.no_chair": ("`{body}` tanpa ketua: salah satu anggota harus ber-`role` Ketua",
                       "`{body}` has no chair: one member's `role` must be Ketua (Chair)"),
    "legal.no_duties": ("`{body}` tanpa `duties`: keputusan tidak memuat uraian tugas",
                        "`{body}` has no `duties`: the decree lists no duties"),
    "legal.quickwin_no_kpis": ("quick win {id} tanpa `kpis`: target yang dijanjikan tidak"
                               " dapat dicetak", "quick win {id} has no `kpis`: the targets"
                               " committed to cannot be printed"),
    "rule.nip": ("NIP `{value}` harus {digits} angka (boleh berspasi, mis. 19700101 199003 1"
                 " 001), ditemukan {count} angka", "NIP `{value}` must have {digits} digits"
                 " (spaces allowed, e.g. 19700101 199003 1 001), found {count} digits"),
    "rule.head_title": ("kepala daerah {type} disebut {expected}, ditemukan `{found}`",
                        "the head of a {type} is titled {expected}, found `{found}`"),
    "rule.unknown_source": ("sumber dana `{source}` tidak dikenal{suggestion}; pilihan: {known},"
                            " atau nyatakan di `funding_sources`", "unknown funding source"
                            " `{source}`{suggestion}; use one of {known}, or declare it in"
                            " `funding_sources`"),
    "rule.status_score": ("status `{status}` tidak sesuai dengan skor {score} (diharapkan"
                          " {low}-{high})", "status `{status}` does not agree with score {score}"
                          " (expected {low}-{high})"),
    "rule.label_nonstandard": ("label `{label}` bukan nama baku; nama baku: {standard}",
                               "label `{label}` is not a standard name; standard: {standard}"),
    "rule.unknown_agency": ("OPD `{agency}` tidak ada di daftar `agencies`{suggestion}",
                            "agency `{agency}` is not in the `agencies` list{suggestion}"),
    "rule.duplicate_program_name": ("nama program `{name}` sudah dipakai di {first}; beri setiap"
                                    " program namanya sendiri", "program name `{name}` is"
                                    " already used at {first}; give each program a name of its"
                                    " own"),
    "rule.horizon_years": ("program jangka {horizon} biasanya {expected}, ditemukan {start}-{end}"
                           " ({years} tahun)", "a {horizon_en} program usually {expected}, found"
                           " {start}-{end} ({years} years)"),
    "rule.unknown_scale": ("skala `{scale}` tidak dikenal{suggestion}; pilihan: {known}, atau"
                           " nyatakan di `scales`", "unknown scale `{scale}`{suggestion}; use one"
                           " of {known}, or declare it in `scales`"),
    "rule.not_a_level": ("`{value}` bukan tingkat skala {scale} ({levels}){suggestion}",
                         "`{value}` is not a level of the scale {scale} ({levels}){suggestion}"),
    "rule.scale_builtin": ("skala `{scale}` sudah tersedia bawaan; pakai nama lain untuk skala"
                           " sendiri", "`{scale}` is a built-in scale; give your own scale"
                           " another name"),
    "rule.year_outside_program": ("tahun {year} di luar masa program ({years})",
                                  "year {year} is outside the program's years ({years})"),
    "rule.year_outside_quick_win": ("tahun {year} di luar masa quick win ({years})",
                                    "year {year} is outside the quick win's years ({years})"),
    # the enablers and the risk register
    "rule.year_outside_enabler": ("tahun {year} di luar masa faktor pendukung ({years})",
                                  "year {year} is outside the enabler's years ({years})"),
    "rule.duplicate_month": ("bulan {month} sudah disebut di {first}",
                             "month {month} is already named at {first}"),
    "rule.risk_link_unknown": ("risiko ini merujuk `{id}`, yang bukan kode program atau faktor"
                               " pendukung{suggestion}", "the risk refers to `{id}`, which is"
                               " no program's or enabler's id{suggestion}"),
    "quality.enabler_group_empty": ("faktor pendukung `{group}` ({label}) belum direncanakan;"
                                    " penilai menanyakan ketiga kelompoknya",
                                    "no enabler is planned under `{group}` ({label}); assessors"
                                    " ask about all three groups"),
    "rule.baseline_after_target": ("tahun baseline {year} lebih akhir dari target pertama"
                                   " ({first})", "baseline year {year} is after the first"
                                   " target ({first})"),
    "rule.phase_order": ("tahap `{name}` dimulai {year}, sebelum tahap `{previous}` di atasnya"
                         " ({previous_years}); tulis tahap menurut urutan tahunnya",
                         "phase `{name}` starts in {year}, before phase `{previous}` above it"
                         " ({previous_years}); list the phases in the order of their years"),
    "rule.phase_overlap": ("tahap `{name}` ({years}) tumpang tindih dengan tahap `{previous}`"
                           " ({previous_years}); setiap tahun masuk satu tahap saja",
                           "phase `{name}` ({years}) overlaps phase `{previous}`"
                           " ({previous_years}); each year belongs to one phase only"),
    "rule.phase_gap": ("tahun {years} tidak masuk tahap mana pun; tahap `{name}` semestinya"
                       " dimulai {expected}", "the years {years} are in no phase; phase"
                       " `{name}` should start in {expected}"),
    "rule.phase_first": ("tahap pertama semestinya dimulai pada tahun awal periode {start},"
                         " ditemukan {year}", "the first phase should start in the period's"
                         " first year {start}, found {year}"),
    "rule.phase_last": ("tahap terakhir semestinya berakhir pada tahun akhir periode {end},"
                        " ditemukan {year}", "the last phase should end in the period's last"
                        " year {end}, found {year}"),
    "rule.rpjmd_years": ("periode RPJMD biasanya 5 tahun (kadang 6), ditemukan {start}-{end}",
                         "an RPJMD period is usually 5 years (sometimes 6), found"
                         " {start}-{end}"),
    # quality warnings
    "quality.program_no_indicator": ("program belum memiliki indikator",
                                     "the program has no indicator"),
    "quality.program_no_budget": ("program belum memiliki anggaran",
                                  "the program has no budget"),
    "quality.dimension_no_program": ("dimensi {dimension} belum memiliki program",
                                     "dimension {dimension} has no program"),
    "quality.sub_dimension_no_program": ("sub-dimensi belum memiliki program",
                                         "the sub-dimension has no program"),
    "quality.empty_text": ("uraian kosong", "the narrative is empty"),
    "quality.quick_win_no_kpi": ("quick win belum memiliki KPI", "the quick win has no KPI"),
    "quality.no_quick_wins": ("belum ada quick win; biasanya 3-8 (satu per dimensi)",
                              "no quick win yet; usually 3-8 (one per dimension)"),
    "quality.few_quick_wins": ("hanya {count} quick win; biasanya 3-8 (satu per dimensi)",
                               "only {count} quick win(s); usually 3-8 (one per dimension)"),
    "quality.indicator_no_target_end": ("indikator belum memiliki target untuk tahun akhir"
                                        " program {year}", "the indicator has no target for the"
                                        " program's last year {year}"),
    "quality.placeholder": ("{what} masih berisi contoh dari `masterplan init` (`{value}`);"
                            " ganti dengan isi daerah Anda", "{what} still holds the example of"
                            " `masterplan init` (`{value}`); replace it with your region's own"),
    "quality.placeholder_code": ("kode `{code}` masih contoh dari `masterplan init` (kode"
                                 " {type} {code_name}, bukan `{name}`); tulis kode wilayah"
                                 " Kemendagri daerah Anda (PP.KK)", "code `{code}` is still"
                                 " the example of `masterplan init` (the code of {type}"
                                 " {code_name}, not `{name}`); write your region's Kemendagri"
                                 " code (PP.KK)"),
    "markdown.brackets": ("terlalu banyak tanda `[` ({count}; paling banyak {limit}) dalam satu"
                          " uraian", "too many `[` characters ({count}; at most {limit}) in one"
                          " narrative"),
    "markdown.too_deep": ("daftar atau kutipan bersarang terlalu dalam ({depth} tingkat; paling"
                          " banyak {limit})", "lists or quotes are nested too deeply ({depth}"
                          " levels; at most {limit})"),
    "markdown.image_inline": ("gambar `{name}` harus berdiri sendiri dalam paragrafnya (baris"
                              " kosong sebelum dan sesudahnya), bukan di dalam kalimat, daftar,"
                              " kutipan atau tabel", "picture `{name}` must stand alone in its"
                              " paragraph (a blank line before and after it), not inside a"
                              " sentence, list, quote or table"),
    "markdown.too_many_pictures": ("terlalu banyak gambar ({count}; paling banyak {limit}) dalam"
                                   " satu uraian", "too many pictures ({count}; at most {limit})"
                                   " in one narrative"),
    "rule.unknown_reference": ("rujukan `[@{key}]` tidak ada di daftar pustaka (`references`;"
                               " untuk teks `[@` biasa tulis `\\[@`){suggestion}",
                               "citation `[@{key}]` is not in the bibliography (`references`;"
                               " for a plain `[@` write `\\[@`){suggestion}"),
    "quality.uncited_reference": ("pustaka `{key}` tidak pernah dirujuk; rujuk dari uraian"
                                  " dengan `[@{key}]` atau hapus dari `references`",
                                  "reference `{key}` is never cited; cite it from a narrative"
                                  " with `[@{key}]` or remove it from `references`"),
    "quality.figure_no_alt": ("gambar `{name}` tanpa teks alternatif (alt) bagi pembaca layar;"
                              " {hint}", "picture `{name}` has no alternative text (alt) for"
                              " screen readers; {hint}"),
    # commands
    "diagnostics.not_shown": ("{count} masalah lagi, mulai dari sini, tidak ditampilkan ({errors}"
                              " galat, {warnings} peringatan); paling banyak {limit} ditampilkan"
                              " per berkas", "{count} more problem(s), from here on, not shown"
                              " ({errors} error(s), {warnings} warning(s)); at most {limit} are"
                              " shown per file"),
    "summary.ok": ("{file}: valid ({errors} galat, {warnings} peringatan)",
                   "{file}: valid ({errors} error(s), {warnings} warning(s))"),
    "summary.failed": ("{file}: TIDAK valid ({errors} galat, {warnings} peringatan)",
                       "{file}: NOT valid ({errors} error(s), {warnings} warning(s))"),
    "init.exists": ("{file} sudah ada; pakai --force untuk menimpanya",
                    "{file} already exists; use --force to overwrite it"),
    "init.done": ("Spec awal ditulis ke {file} (skema: {schema}). Ganti nilai contohnya"
                  " dengan data daerah Anda; `masterplan validate {file}` menunjukkan yang"
                  " belum diganti", "Starter spec written to {file} (schema: {schema})."
                  " Replace its example values with your region's data; `masterplan validate"
                  " {file}` shows those still left"),
    "watch.start": ("mengamati {spec} (Ctrl-C untuk berhenti)",
                    "watching {spec} (Ctrl-C to stop)"),
    "watch.written": ("{file} ({seconds} dtk)", "{file} ({seconds} s)"),
    "watch.stopped": ("pengamatan dihentikan", "watch stopped"),
    # rendering
    # a region's reference presentation (--reference-pptx): the diagnostic is at the file
    "pptx.reference_not_zip": ("bukan presentasi PowerPoint (berkas .pptx adalah arsip zip;"
                               " berkas ini bukan)", "not a PowerPoint presentation (a .pptx"
                               " is a zip file; this is not one)"),
    "pptx.reference_not_pptx": ("bukan presentasi PowerPoint (tidak ada"
                                " ppt/presentation.xml)", "not a PowerPoint presentation (no"
                                " ppt/presentation.xml)"),
    "pptx.reference_unusable": ("bukan presentasi PowerPoint yang dapat dipakai ({detail})",
                                "not a usable PowerPoint presentation ({detail})"),
    "pptx.reference_no_layouts": ("presentasi tidak memiliki tata letak slide (slide layout)",
                                  "the presentation has no slide layouts"),
    "pptx.layout_missing": ("tata letak `{layout}` tidak ada di {file}; slide-nya memakai"
                            " `{used}`", "no layout `{layout}` in {file}; its slides use"
                            " `{used}`"),
    "docx.style_missing": ("gaya Word `{style}` tidak ada di {file}; memakai gaya bawaan",
                           "no Word style `{style}` in {file}; using the built-in one"),
    "docx.style_wrong_type": ("gaya Word `{style}` di {file} berjenis {found}, seharusnya"
                              " {expected}; memakai gaya bawaan", "Word style `{style}` in"
                              " {file} is a {found} style, expected {expected}; using the"
                              " built-in one"),
    "docx.unmapped_class": ("kelas `{class}` pada <{tag}> tidak ada di peta gaya DOCX"
                            " (docs/templates.md); {count} elemen ditulis sebagai <{tag}>"
                            " biasa", "class `{class}` of <{tag}> is not in the DOCX style map"
                            " (docs/templates.md); {count} such element(s) written as a plain"
                            " <{tag}>"),
    "docx.toc_no_libreoffice": ("daftar isi DOCX tanpa nomor halaman: LibreOffice (soffice)"
                                " tidak ditemukan. Word mengisinya saat dokumen dibuka (jawab"
                                " Ya untuk memperbarui isian, atau pilih semua lalu tekan F9);"
                                " pasang LibreOffice agar `render -f docx` mengisinya sendiri,"
                                " atau pakai `--docx-toc field` untuk menghilangkan catatan ini",
                                "the DOCX table of contents has no page numbers: LibreOffice"
                                " (soffice) was not found. Word fills them in when it opens"
                                " the document (answer Yes to updating the fields, or select"
                                " all and press F9); install LibreOffice for `render -f docx`"
                                " to fill them in itself, or use `--docx-toc field` to silence"
                                " this note"),
    "docx.toc_libreoffice_failed": ("daftar isi DOCX tanpa nomor halaman: LibreOffice gagal"
                                    " menata dokumen ({reason}). Word mengisinya saat dokumen"
                                    " dibuka (jawab Ya untuk memperbarui isian, atau pilih"
                                    " semua lalu tekan F9)",
                                    "the DOCX table of contents has no page numbers:"
                                    " LibreOffice could not lay the document out ({reason})."
                                    " Word fills them in when it opens the document (answer"
                                    " Yes to updating the fields, or select all and press F9)"),
    # a consultant's reference document (--reference-docx): the diagnostic is at the file
    "docx.reference_unreadable": ("berkas tidak dapat dibaca ({reason})",
                                  "the file cannot be read ({reason})"),
    "docx.reference_not_file": ("bukan berkas biasa", "not a regular file"),
    "docx.reference_too_large": ("berkas terlalu besar: {size} bita, batasnya {limit}",
                                 "the file is too large: {size} bytes, the limit is {limit}"),
    "docx.reference_not_zip": ("bukan dokumen Word (berkas .docx adalah arsip zip; berkas ini"
                               " bukan)", "not a Word document (a .docx is a zip file; this is"
                               " not one)"),
    "docx.reference_not_docx": ("bukan dokumen Word (tidak ada word/document.xml)",
                                "not a Word document (no word/document.xml)"),
    "docx.reference_unusable": ("bukan dokumen Word yang dapat dipakai ({detail})",
                                "not a usable Word document ({detail})"),
    "docx.reference_too_many_parts": ("berisi lebih dari {limit} bagian (entri zip)",
                                      "holds more than {limit} parts (zip entries)"),
    "docx.reference_unpacks_too_large": ("isinya terurai menjadi lebih dari {limit} bita",
                                         "its contents unpack to more than {limit} bytes"),
    "docx.reference_part_method": ("bagian `{part}` terenkripsi atau dimampatkan dengan cara"
                                   " yang tidak dipakai Word", "part `{part}` is encrypted or"
                                   " compressed in a way Word does not use"),
    "docx.reference_part_damaged": ("bagian `{part}` rusak (isinya tidak sesuai dengan ukuran"
                                    " atau CRC yang tercantum)", "part `{part}` is damaged (its"
                                    " contents do not match the size or CRC it declares)"),
    "docx.reference_part_inflates": ("bagian `{part}` terurai lebih besar daripada {declared}"
                                     " bita yang tercantum di zip", "part `{part}` unpacks to"
                                     " more than the {declared} bytes the zip declares"),
    "docx.reference_too_many_styles": ("`{part}` berisi lebih dari {limit} gaya; gunakan templat"
                                       " dengan lebih sedikit gaya", "`{part}` holds more than"
                                       " {limit} styles; use a template with fewer styles"),
    "docx.reference_too_many_lists": ("`{part}` berisi lebih dari {limit} definisi penomoran",
                                      "`{part}` holds more than {limit} numbering definitions"),
    "docx.reference_too_many_relationships": ("`{part}` berisi lebih dari {limit} relasi",
                                              "`{part}` holds more than {limit} relationships"),
    "docx.reference_xml_too_large": ("XML-nya terurai menjadi lebih dari {limit} bita; gunakan"
                                     " templat atau contoh pendek, bukan dokumen lengkap",
                                     "its XML unpacks to more than {limit} bytes; use a template"
                                     " or a short sample, not a whole document"),
    "docx.reference_too_many_nodes": ("berisi lebih dari {limit} elemen dan atribut XML; gunakan"
                                      " templat atau contoh pendek, bukan dokumen lengkap",
                                      "holds more than {limit} XML elements and attributes; use"
                                      " a template or a short sample, not a whole document"),
    "docx.reference_stripped": ("dibuang dari {file} karena membuat Word mengambil sesuatu dari"
                                " luar saat dokumen dibuka, atau membatasi penyuntingan:"
                                " {items}", "removed from {file} what would make Word fetch or"
                                " take anything from elsewhere when the document is opened, or"
                                " restrict editing: {items}"),
    "docx.reference_external_left": ("DOCX tidak ditulis: masih merujuk ke luar berkas ({items})",
                                     "the DOCX is not written: it still refers outside itself"
                                     " ({items})"),
    "asset.missing": ("berkas `{name}` tidak ditemukan", "file `{name}` not found"),
    "asset.outside": ("berkas `{name}` berada di luar folder spec", "file `{name}` is outside"
                      " the spec's folder"),
    "asset.not_file": ("`{name}` bukan berkas biasa", "`{name}` is not a regular file"),
    "asset.too_large": ("berkas `{name}` terlalu besar ({size} bita; batas {limit})",
                        "file `{name}` is too large ({size} bytes; limit {limit})"),
    "asset.not_image": ("berkas `{name}` bukan gambar PNG atau JPEG yang sah",
                        "file `{name}` is not a valid PNG or JPEG image"),
    "asset.too_many_pixels": ("gambar `{name}` terlalu besar ({width}x{height} piksel)",
                              "image `{name}` is too large ({width}x{height} pixels)"),
    "asset.not_picture": ("berkas `{name}` bukan gambar PNG, JPEG atau SVG yang sah",
                          "file `{name}` is not a valid PNG, JPEG or SVG image"),
    "hint.alt_markdown": ("tulis ![keterangan](berkas) atau ![keterangan](berkas \"teks alt\")",
                          "write ![caption](file) or ![caption](file \"alt text\")"),
    "hint.alt_field": ("isi `alt`", "fill in `alt`"),
    "asset.svg_invalid": ("berkas SVG `{name}` tidak dapat dibaca: {reason}",
                          "SVG file `{name}` cannot be read: {reason}"),
    "asset.svg_feature": ("berkas SVG `{name}` memakai {feature}, yang tidak diizinkan (tanpa"
                          " skrip, DTD, atau objek asing); simpan ulang sebagai SVG biasa atau"
                          " PNG", "SVG file `{name}` uses {feature}, which is not allowed (no"
                          " scripts, DTDs or foreign objects); save it as plain SVG or PNG"),
    "asset.svg_reference": ("berkas SVG `{name}` merujuk ke `{target}` di luar berkas itu;"
                            " sematkan gambarnya (PNG/JPEG) atau simpan sebagai PNG",
                            "SVG file `{name}` refers to `{target}` outside the file; embed"
                            " the picture (PNG/JPEG) or save it as PNG"),
    "asset.svg_no_size": ("berkas SVG `{name}` tidak menyebut ukurannya (width/height atau"
                          " viewBox)", "SVG file `{name}` states no size (width/height or"
                          " viewBox)"),
    "asset.svg_unsupported": ("SVG `{name}` tidak dapat digambar: pustaka librsvg tidak"
                              " terpasang (Debian/Ubuntu: librsvg2-2); pakai PNG",
                              "SVG `{name}` cannot be drawn: the librsvg library is not"
                              " installed (Debian/Ubuntu: librsvg2-2); use PNG"),
    "asset.url": ("`{name}` adalah alamat web atau berkas; gunakan jalur relatif ke folder spec",
                  "`{name}` is a URL; use a path relative to the spec's folder"),
    # cohort manifests and batches (batch, report, export)
    "cohort.no_match": ("`{pattern}` tidak cocok dengan berkas spec mana pun",
                        "`{pattern}` matches no spec file"),
    "cohort.empty": ("tidak ada spec yang tersisa setelah `exclude`",
                     "no spec is left after `exclude`"),
    "cohort.duplicate_item": ("nilai yang sama tercantum dua kali", "the same value is listed"
                              " twice"),
    "batch.collision": ("daerah {code} angkatan {year} juga ada di {others}; dokumennya akan"
                        " saling menimpa", "region {code}, cohort {year} is also in {others};"
                        " their documents would overwrite each other"),
    "batch.cohort_year": ("angkatan {year} berbeda dengan angkatan manifest {expected} ({where})",
                          "cohort {year} differs from the manifest's cohort {expected}"
                          " ({where})"),
    "batch.cohort_track": ("jalur `{track}` berbeda dengan jalur manifest `{expected}`",
                           "track `{track}` differs from the manifest's track `{expected}`"),
    "batch.timeout": ("dihentikan setelah {seconds} detik (batas waktu per spec)",
                      "stopped after {seconds} s (the time limit per spec)"),
    "batch.crashed": ("proses pekerja berhenti mendadak ({how}; {attempts} kali percobaan){output}",
                      "the worker process died ({how}; {attempts} attempt(s)){output}"),
    "batch.out_of_memory": ("memori habis saat merender spec ini",
                            "out of memory while rendering this spec"),
    "batch.cancelled": ("tidak dijalankan (batch dihentikan lebih awal)",
                        "not run (the batch stopped early)"),
    "usage.no_target": ("{target}: tidak ada berkas atau folder dengan nama ini",
                        "{target}: no such file or folder"),
    "usage.no_specs": ("{folder}: tidak ada berkas spec (*.yaml, *.yml) di folder ini",
                       "{folder}: no spec files (*.yaml, *.yml) found"),
    "batch.lock_link": ("{path}: kunci batch berupa tautan simbolik; hapus tautan itu (batch"
                        " tidak pernah menulis melalui tautan)", "{path}: the batch lock is a"
                        " symbolic link; remove it (a batch never writes through links)"),
    "batch.lock_not_file": ("{path}: kunci batch bukan berkas biasa; hapuslah",
                            "{path}: the batch lock is not a regular file; remove it"),
    "batch.busy": ("{outdir}: batch lain sedang menulis ke folder ini",
                   "{outdir}: another batch is writing into this folder"),
    "batch.start": ("batch {count} spec{cohort} → {outdir} ({formats}; {jobs} proses pekerja)",
                    "batch of {count} spec(s){cohort} → {outdir} ({formats}; {jobs}"
                    " worker(s))"),
    "hint.cohort_year": (", angkatan {year}", ", cohort {year}"),
    "batch.done": ("{count} spec: {counts} dalam {clock}; lihat {index} dan {summary}",
                   "{count} spec(s): {counts} in {clock}; see {index} and {summary}"),
    "hint.state_damaged": (" (berkas status batch sebelumnya tidak terbaca: semua dirender"
                            " ulang)", " (the previous state file was unreadable: everything"
                            " was rendered again)"),
    "hint.state_unsaved": (" (berkas status batch tidak diperbarui: {reason})",
                           " (the state file was not updated: {reason})"),
    "hint.interrupted": ("; dihentikan oleh {signal}, jalankan lagi untuk melanjutkan",
                          "; interrupted by {signal}, run again to continue"),
    # a spec's final status: in counts and lists (status.*) and in progress lines (progress.*)
    "status.ok": ("berhasil", "ok"),
    "status.skipped": ("tidak berubah", "skipped"),
    "status.failed": ("gagal", "failed"),
    "status.timeout": ("melewati batas waktu", "timeout"),
    "status.crashed": ("proses mati", "crashed"),
    "status.cancelled": ("tidak dijalankan", "cancelled"),
    "progress.ok": ("ok", "ok"),
    "progress.failed": ("GAGAL", "FAILED"),
    "progress.timeout": ("WAKTU HABIS", "TIMEOUT"),
    "progress.crashed": ("PROSES MATI", "CRASHED"),
    "progress.cancelled": ("BATAL", "CANCELLED"),
    "progress.counts_failed": ("{count} gagal", "{count} failed"),
    "progress.counts_skipped": ("{count} tidak berubah", "{count} skipped"),
    "progress.seconds": ("{seconds} dtk", "{seconds} s"),
    "progress.elapsed": ("{clock} berlalu", "{clock} elapsed"),
    "progress.eta": ("sisa {clock}", "ETA {clock}"),
    "progress.phase.check": ("memeriksa spec", "checking specs"),
    "export.left_out": ("{spec} tidak disertakan ({status}): {problem}",
                        "{spec} left out ({status}): {problem}"),
    "export.done": ("{programs} program dari {specs} spec{excluded}{output}",
                    "{programs} program(s) from {specs} spec(s){excluded}{output}"),
    "export.done_years": ("{programs} baris program-tahun{enablers} dari {specs} spec"
                          "{excluded}{output}", "{programs} program-year row(s){enablers}"
                          " from {specs} spec(s){excluded}{output}"),
    "hint.enabler_rows": (" (termasuk {count} baris faktor pendukung)",
                          " (including {count} enabler row(s))"),
    "hint.left_out_count": ("; {count} spec tidak disertakan", "; {count} spec(s) left out"),
    "hint.written_to": (" → {file}", " → {file}"),
    "batch.error": ("{message}", "{message}"),
    "batch.internal": ("galat internal: {message}", "internal error: {message}"),
    # writing outputs: what the system refused, and why
    "output.cannot_write": ("tidak dapat menulis {file}: {reason}",
                            "cannot write {file}: {reason}"),
    "output.cannot_create": ("tidak dapat membuat folder {file}: {reason}",
                             "cannot create the folder {file}: {reason}"),
    "output.refused": ("sistem menolak {file}: {reason}", "the system refused {file}: {reason}"),
    "os.disk_full": ("disk penuh; kosongkan ruang lalu jalankan lagi",
                     "the disk is full; free some space and run again"),
    "os.file_too_large": ("berkas melebihi ukuran yang diizinkan sistem (ulimit -f atau"
                          " sistem berkas)", "the file is larger than the system allows"
                          " (ulimit -f or the file system)"),
    "os.permission": ("izin ditolak; pilih folder keluaran lain (-o) atau ubah izinnya",
                      "permission denied; choose another output folder (-o) or change its"
                      " permissions"),
    "os.read_only": ("sistem berkas hanya-baca; pilih folder keluaran lain (-o)",
                     "read-only file system; choose another output folder (-o)"),
    "os.is_folder": ("sudah ada folder dengan nama ini; pindahkan atau hapus folder itu",
                     "a folder of this name is in the way; move or remove it"),
    "os.not_folder": ("sebagian dari jalurnya adalah berkas, bukan folder",
                      "part of the path is a file, not a folder"),
    "os.other": ("{detail}", "{detail}"),
    # a consultant's templates and stylesheet (--template-dir)
    "template.not_utf8": ("berkas bukan teks UTF-8 (bita {byte}); simpan ulang sebagai UTF-8",
                          "file is not UTF-8 text (byte {byte}); save it again as UTF-8"),
    # limits of a render in its own process (render, report, watch with --template-dir)
    "limit.timeout": ("render dihentikan setelah {seconds} detik (batas --timeout){where}",
                      "the render was stopped after {seconds} s (the --timeout limit){where}"),
    "limit.memory": ("render mencapai batas memori {limit} MiB (--memory-limit){where}",
                     "the render reached the memory limit of {limit} MiB"
                     " (--memory-limit){where}"),
    "limit.no_memory": ("memori habis saat render{where}", "the render ran out of memory{where}"),
    "limit.failed": ("render gagal ({error}){where}", "the render failed ({error}){where}"),
    "limit.crashed": ("proses render berhenti mendadak ({how}){where}",
                      "the render process died ({how}){where}"),
    "limit.in_template": (", saat menjalankan templat {file}{files}",
                          " while running the template {file}{files}"),
    "limit.in_layout": (", saat WeasyPrint menata halaman dengan stylesheet {file}{files}",
                        " while WeasyPrint laid out the pages with the stylesheet {file}{files}"),
    "limit.user_files": ("; render ini memakai templat Anda di {folder} ({files}): periksa"
                         " perulangan tanpa akhir, bilangan yang sangat besar, dan aturan"
                         " @page serta pemenggalan kata di stylesheet",
                         "; it uses your templates in {folder} ({files}): look for endless"
                         " loops, huge numbers, and @page or word-breaking rules in the"
                         " stylesheet"),
    # a progress file (`masterplan evaluate`): one year of the plan's execution
    "progress.other_spec": ("berkas ini untuk masterplan `{named}`, bukan `{given}`",
                            "this file belongs to the masterplan `{named}`, not `{given}`"),
    "progress.unknown_program": ("program `{id}` tidak ada di masterplan{suggestion}",
                                 "program `{id}` is not in the masterplan{suggestion}"),
    "progress.unknown_quick_win": ("quick win `{id}` tidak ada di masterplan{suggestion}",
                                   "quick win `{id}` is not in the masterplan{suggestion}"),
    "progress.unknown_enabler": ("faktor pendukung `{id}` tidak ada di bagian `enablers`"
                                 " masterplan{suggestion}", "enabler `{id}` is not in the"
                                 " masterplan's `enablers`{suggestion}"),
    "progress.unknown_indicator": ("indikator `{name}` tidak ada pada program {program}"
                                   "{suggestion}", "program {program} has no indicator"
                                   " `{name}`{suggestion}"),
    "progress.unknown_kpi": ("KPI `{name}` tidak ada pada quick win {quick_win}{suggestion}",
                             "quick win {quick_win} has no KPI `{name}`{suggestion}"),
    "progress.no_target": ("indikator `{name}` tidak punya target untuk {year}; capaiannya"
                           " dicatat tanpa pembanding", "indicator `{name}` has no target for"
                           " {year}; the value is kept without a target to compare with"),
    "progress.evidence_empty": ("bukti `{id}` tidak menyebut `file` maupun `reference`",
                                "evidence `{id}` names neither a `file` nor a `reference`"),
    "progress.unknown_claim": ("`{claim}` bukan program, indikator, quick win, KPI atau faktor"
                               " pendukung di masterplan{suggestion}", "`{claim}` is no"
                               " program, indicator, quick win, KPI or enabler of the"
                               " masterplan{suggestion}"),
    "progress.same_year": ("tahun {year} sudah dilaporkan oleh {first}",
                           "year {year} is already reported by {first}"),
    "evidence.url": ("`{name}` adalah alamat web; tulis alamat di `reference`, atau jalur"
                     " relatif berkas di `file`", "`{name}` is a web address; put addresses in"
                     " `reference`, or a file's relative path in `file`"),
    "evidence.outside": ("berkas bukti `{name}` berada di luar folder berkas kemajuan",
                         "evidence file `{name}` is outside the progress file's folder"),
    "evidence.missing": ("berkas bukti `{name}` tidak ditemukan",
                         "evidence file `{name}` not found"),
    "evidence.not_file": ("`{name}` bukan berkas biasa", "`{name}` is not a regular file"),
    "evidence.too_large": ("berkas bukti `{name}` terlalu besar ({size} bita; batas {limit})",
                           "evidence file `{name}` is too large ({size} bytes; limit {limit})"),
    "weights.sum": ("bobot tahun {year} berjumlah {total}, semestinya 100",
                    "the weights of {year} add up to {total}, not 100"),
    "weights.no_year": ("tabel bobot tidak memuat tahun {year} atau sebelumnya",
                        "the weight table has no year {year} or earlier"),
    # the agencies' worksheets: `masterplan sheets` and `masterplan import`
    "sheets.unknown_agency": ("OPD `{agency}` tidak ada di spec{suggestion}; pilihan: {known}",
                              "agency `{agency}` is not in the spec{suggestion}; one of {known}"),
    "sheets.encrypted": ("buku kerja ini dilindungi kata sandi (terenkripsi) atau berformat"
                         " .xls lama; buka, hapus kata sandinya, lalu simpan sebagai .xlsx",
                         "the workbook is password-protected (encrypted) or an old .xls;"
                         " open it, remove the password and save it as .xlsx"),
    "sheets.macro": ("buku kerja bermakro (.xlsm) tidak diterima; simpan sebagai Buku Kerja"
                     " Excel (.xlsx)", "macro-enabled workbooks (.xlsm) are not accepted; save"
                     " it as an Excel Workbook (.xlsx)"),
    "sheets.not_xlsx": ("bukan buku kerja Excel (.xlsx) yang dapat dibaca",
                        "not a readable Excel workbook (.xlsx)"),
    "sheets.zip_bomb": ("isi buku kerja terlalu besar setelah dibuka (batas {limit}); bukan"
                        " lembar isian yang wajar", "the workbook unpacks to too much data (limit"
                        " {limit}); not a plausible worksheet"),
    "sheets.no_fingerprint": ("buku kerja ini tidak dibuat dengan `masterplan sheets` (lembar"
                              " tersembunyi `_masterplan` hilang atau rusak); buat ulang lembar"
                              " isiannya", "this workbook was not made by `masterplan sheets`"
                              " (the hidden `_masterplan` sheet is missing or damaged); make the"
                              " worksheets again"),
    "sheets.extra_sheet": ("lembar `{sheet}` tidak dikenal; buku kerja hanya boleh berisi"
                           " lembar {expected}", "unknown sheet `{sheet}`; the workbook may only"
                           " hold the sheets {expected}"),
    "sheets.missing_sheet": ("lembar `{sheet}` tidak ada; jangan menghapus atau mengganti nama"
                             " lembar", "the sheet `{sheet}` is missing; do not delete or"
                             " rename sheets"),
    "sheets.too_many_rows": ("lembar ini memuat lebih dari {limit} baris",
                             "the sheet holds more than {limit} rows"),
    "sheets.merged_cells": ("sel digabung (merge) tidak diterima; pisahkan kembali selnya",
                            "merged cells are not accepted; unmerge them"),
    "sheets.header": ("judul kolom diharapkan `{expected}`, ditemukan `{found}`; jangan"
                      " menyisipkan, memindah atau menghapus kolom", "expected the column"
                      " heading `{expected}`, found `{found}`; do not insert, move or delete"
                      " columns"),
    "sheets.formula": ("rumus `{formula}` tidak diterima di sini; tulis nilainya",
                       "the formula `{formula}` is not accepted here; write the value"),
    "sheets.other_region": ("lembar ini dibuat dari spec daerah lain ({sheet_region}); spec ini"
                            " milik {spec_region}", "this workbook was made from another"
                            " region's spec ({sheet_region}); this spec is {spec_region}'s"),
    "sheets.other_framework": ("lembar ini dibuat menurut kerangka {sheet_framework}; spec ini"
                               " memakai kerangka {spec_framework}. Buat ulang lembar isiannya"
                               " dengan `masterplan sheets`", "this workbook was made under the"
                               " {sheet_framework} framework; this spec uses {spec_framework}."
                               " Make the worksheets again with `masterplan sheets`"),
    "sheets.unknown_program": ("kode program `{program}` tidak ada di buku kerja ini"
                               "{suggestion}", "program id `{program}` is not in this"
                               " workbook{suggestion}"),
    "sheets.unknown_row": ("baris {number} program `{program}` tidak dikenal; jangan mengubah"
                           " kolom kode dan nomor", "row {number} of program `{program}` is"
                           " unknown; do not change the id and number columns"),
    "sheets.program_emptied": ("nama program tidak boleh dikosongkan; program dihapus lewat"
                               " Bappeda, bukan lewat lembar ini", "the program name must not"
                               " be emptied; programs are removed through Bappeda, not this"
                               " workbook"),
    "sheets.sub_dimension": ("{sub_term} `{sub}` bukan bagian dari {term} `{dimension}`",
                             "{sub_term} `{sub}` does not belong to {term} `{dimension}`"),
    "sheets.removed_since": ("program `{program}` sudah tidak ada di spec sejak lembar ini"
                             " dibuat", "program `{program}` is no longer in the spec since"
                             " this workbook was made"),
    "sheets.conflict_spec": ("konflik pada {what}: lembar `{sheet_value}`, spec sekarang"
                             " `{spec_value}` (lembar dibuat dari `{original}`)",
                             "conflict on {what}: the workbook says `{sheet_value}`, the spec"
                             " now `{spec_value}` (the workbook was made from `{original}`)"),
    "sheets.conflict_sheets": ("konflik pada {what}: `{sheet_value}` di sini, `{other_value}`"
                               " di {other}", "conflict on {what}: `{sheet_value}` here,"
                               " `{other_value}` in {other}"),
    "sheets.conflicts": ("{count} konflik; tidak ada yang ditulis. Selesaikan di lembar, atau"
                         " pilih pemenangnya: --force ours (nilai spec) atau --force theirs"
                         " (nilai lembar; antarlembar, lembar terakhir)",
                         "{count} conflict(s); nothing written. Resolve them in the workbooks,"
                         " or choose the winner: --force ours (the spec's values) or --force"
                         " theirs (the workbooks' values; between workbooks, the last one)"),
    "sheets.change": ("{what}: `{old}` → `{new}`", "{what}: `{old}` → `{new}`"),
    "sheets.added": ("program baru {program}: {name}", "new program {program}: {name}"),
    "sheets.deleted": ("{what} dihapus", "{what} removed"),
    "sheets.dry_run": ("{count} perubahan (uji coba, tidak ada yang ditulis)",
                       "{count} change(s) (dry run, nothing written)"),
    "sheets.imported": ("{count} perubahan ditulis ke {file}", "{count} change(s) written to"
                        " {file}"),
    "sheets.nothing": ("tidak ada perubahan; {file} tidak diubah",
                       "no changes; {file} left as it was"),
    "sheets.made": ("{count} buku kerja ditulis ke {folder}", "{count} workbook(s) written to"
                    " {folder}"),
    "usage.format_kinds": ("format {format} hanya untuk dokumen {kinds}, bukan {refused}",
                           "the {format} format is only for the document kind(s) {kinds},"
                           " not {refused}"),
    "note.format_skipped": ("catatan: format {format} hanya untuk dokumen {kinds}; {skipped}"
                            " dibuat tanpa {format}", "note: the {format} format is only for"
                            " the document kind(s) {kinds}; no {format} of {skipped}"),
    # frameworks (generator.spec.frameworks) and moving a plan to another (migrate)
    "framework.unknown": ("kerangka `{name}` tidak dikenal; kerangka bawaan: {known}, atau"
                          " berkas kerangka .yaml{suggestion}", "unknown framework `{name}`;"
                          " the bundled ones are {known}, or a framework file .yaml"
                          "{suggestion}"),
    "framework.contrast": ("warna {colour} terlalu terang untuk teks putih: kontras {ratio}:1,"
                           " paling sedikit {limit}:1", "colour {colour} is too light for white"
                           " text: contrast {ratio}:1, at least {limit}:1"),
    "framework.duplicate_code": ("kode `{code}` sudah dipakai dimensi `{other}`",
                                 "code `{code}` is already the code of dimension `{other}`"),
    "framework.unknown_dimension": ("`{name}` bukan dimensi kerangka ini{suggestion}",
                                    "`{name}` is not a dimension of this framework"
                                    "{suggestion}"),
    "framework.unknown_label": ("`{name}` bukan teks yang dicetak dokumen{suggestion}",
                                "`{name}` is not a text the documents print{suggestion}"),
    "framework.placeholders": ("teks ini harus memuat isian yang sama dengan teks yang"
                               " digantinya ({expected}); ditemukan: {found}", "this text must"
                               " hold the placeholders of the text it replaces ({expected});"
                               " found: {found}"),
    "framework.dimension_not_in": ("{term} `{name}` tidak ada dalam kerangka {framework};"
                                   " yang ada: {known}{suggestion}", "{term} `{name}` is not in"
                                   " the {framework} framework; it has {known}{suggestion}"),
    "migrate.same": ("spec ini sudah mengikuti kerangka {framework}",
                     "this spec already follows the {framework} framework"),
    "migrate.no_mapping": ("tidak ada tabel pemetaan dari {source} ke {target}; yang ada:"
                           " {known}", "no mapping table from {source} to {target}; there are:"
                           " {known}"),
    "migrate.decision": ("{what} dipindahkan ke `{target}`: {decision}",
                         "{what} moved to `{target}`: {decision}"),
    "migrate.renamed": ("kode `{old}` menjadi `{new}` (dan setiap rujukannya)",
                        "id `{old}` becomes `{new}` (and every reference to it)"),
    "migrate.merged": ("uraian {field} dimensi `{source}` digabung ke `{target}`, yang sudah"
                       " berisi uraian dari `{first}`; satukan keduanya", "the {field} of"
                       " dimension `{source}` is appended to `{target}`, which already held"
                       " `{first}`'s; make one text of them"),
    "migrate.unmapped": ("{what} `{name}` tidak ada dalam tabel pemetaan; dibiarkan",
                         "{what} `{name}` is not in the mapping table; left as it was"),
    "migrate.comment": ("MIGRASI: {text}", "MIGRATION: {text}"),
    "migrate.done": ("{file} ditulis: {programs} program dipindahkan ke kerangka {framework},"
                     " {decisions} keputusan menunggu Anda (peringatan di atas, juga"
                     " komentar `# MIGRASI:` di tempatnya dalam berkas baru)",
                     "{file} written: {programs} programs moved to the {framework} framework,"
                     " {decisions} decisions await you (the warnings above, also"
                     " `# MIGRATION:` comments at their places in the new file)"),
    "usage.progress_pattern": ("--progress `{pattern}`: pola harus relatif terhadap folder"
                               " setiap spec dan tetap di dalamnya (tanpa `..`)",
                               "--progress `{pattern}`: the pattern must be relative to each"
                               " spec's folder and stay inside it (no `..`)"),
    "usage.xlsx_output": ("format xlsx perlu berkas keluaran: tambahkan -o BERKAS.xlsx",
                          "the xlsx format needs an output file: add -o FILE.xlsx"),
    "usage.progress_exists": ("{path} sudah ada; pakai --force untuk menimpanya",
                              "{path} already exists; use --force to overwrite it"),
}

_WORDS_EN = {"ribu": "thousand", "juta": "million", "miliar": "billion", "triliun": "trillion"}


def message(code: str, lang: str = "id", /, **params: Any) -> str:
    """Translate one catalogue entry; unknown codes fall back to the code itself.

    `code` and `lang` are positional-only: a parameter may itself be called `code`.
    """
    index = 1 if lang == "en" else 0
    template = CATALOGUE.get(code)
    if template is None:
        return code
    values = {key: _localise(value, index) for key, value in params.items()}
    if "words" in values and "words_en" not in values:
        words = str(values["words"]).replace(",", ".")  # 1,5 miliar → 1.5 billion
        for id_word, en_word in _WORDS_EN.items():
            words = words.replace(id_word, en_word)
        values["words_en"] = words
    return template[index].format(**values)


def _localise(value: Any, index: int) -> Any:
    """Parameters may themselves be catalogue references (type names, nested hints)."""
    if isinstance(value, tuple) and len(value) == 2 and value[0] == "@type":
        return TYPE_NAMES.get(value[1], (value[1], value[1]))[index]
    if isinstance(value, tuple) and len(value) == 3 and value[0] == "@text":
        return value[1 + index]  # a text given in both languages (a schema description)
    if isinstance(value, tuple) and len(value) == 2 and value[0] == "@either":
        return (" atau ", " or ")[index].join(str(_localise(v, index)) for v in value[1])
    if isinstance(value, tuple) and len(value) >= 2 and value[0] == "@msg":
        code, params = value[1], (value[2] if len(value) > 2 else {})
        return message(code, LANGUAGES[index], **params)
    if isinstance(value, list):
        return ", ".join(str(_localise(v, index)) for v in value)
    return value
