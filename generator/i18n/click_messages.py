"""Click's own usage errors in Bahasa Indonesia (`masterplan validate --no-such-option`).

Click writes its messages in English from templates (`"{value!r} is not one of {choices}."`)
through `gettext`. Rather than installing a translation into `gettext` for the whole process,
`generator.cli` catches Click's `UsageError`s and shows them again through `translate`: each
template Click may use with our options is matched as a pattern against the English text, and
the words it captured (the value, the option, the choices, as Click quoted them) are put into
the Indonesian template. A text no template matches is shown as Click wrote it.
"""

from __future__ import annotations

import functools
import re

#: Click's English template → the Indonesian one, with the same fields (`{value!r}` is
#: written `{value}` on the right: the captured text is already quoted).
TEMPLATES: dict[str, str] = {
    # types: Choice, INT/FLOAT, IntRange/FloatRange, BOOL, Path
    "{value!r} is not {choice}.": "{value} bukan {choice}.",
    "{value!r} is not one of {choices}.": "{value} bukan salah satu dari {choices}.",
    "{value!r} is not a valid {number_type}.": "{value} bukan {number_type} yang sah.",
    "{value} is not in the range {range}.": "{value} di luar rentang {range}.",
    "{value!r} is not a valid boolean. Recognized values: {states}":
        "{value} bukan nilai ya/tidak yang sah. Nilai yang dikenali: {states}",
    "{name} {filename!r} does not exist.": "{name} {filename} tidak ada.",
    "{name} {filename!r} is a file.": "{name} {filename} adalah berkas, diharapkan folder.",
    "{name} {filename!r} is a directory.": "{name} {filename} adalah folder, diharapkan berkas.",
    "{name} {filename!r} is not readable.": "{name} {filename} tidak dapat dibaca.",
    "{name} {filename!r} is not writable.": "{name} {filename} tidak dapat ditulisi.",
    "Choose from:\n\t{choices}": "Pilih dari:\n\t{choices}",
    "Value must be an iterable.": "Nilai harus berupa daftar.",
    # the parser and the commands
    "No such option {name!r}.": "Opsi {name} tidak ada.",
    "No such command {name!r}.": "Perintah {name} tidak ada.",
    "Option {name!r} requires an argument.": "Opsi {name} memerlukan nilai.",
    "Option {name!r} requires {nargs} arguments.": "Opsi {name} memerlukan {nargs} nilai.",
    "Option {name!r} does not take a value.": "Opsi {name} tidak menerima nilai.",
    "Argument {name!r} takes {nargs} values.": "Argumen {name} memerlukan {nargs} nilai.",
    "Got unexpected extra argument ({args})": "Ada argumen berlebih yang tidak dikenal ({args})",
    "Got unexpected extra arguments ({args})": "Ada argumen berlebih yang tidak dikenal ({args})",
    "Missing command.": "Perintah belum diberikan.",
}

#: Words Click puts into its templates.
WORDS: dict[str, str] = {
    "integer": "bilangan bulat", "float": "angka desimal", "integer range": "bilangan bulat",
    "float range": "angka desimal", "File": "Berkas", "Directory": "Folder", "Path": "Path",
}

#: The frame around a usage error, (Bahasa Indonesia, English as Click writes it).
FRAME: dict[str, tuple[str, str]] = {
    "usage": ("Penggunaan: ", "Usage: "),
    "try": ("Coba '{command} {option}' untuk bantuan.", "Try '{command} {option}' for help."),
    "error": ("Kesalahan: {message}", "Error: {message}"),
    "invalid": ("Nilai tidak sah untuk {param}: {message}", "Invalid value for {param}: {message}"),
    "invalid_bare": ("Nilai tidak sah: {message}", "Invalid value: {message}"),
    "missing_argument": ("Argumen{param} belum diberikan.", "Missing argument{param}."),
    "missing_option": ("Opsi{param} belum diberikan.", "Missing option{param}."),
    "missing_parameter": ("Parameter{param} belum diberikan.", "Missing parameter{param}."),
    "did_you_mean": ("Mungkin maksudnya {possibility}?", "Did you mean {possibility}?"),
    "did_you_mean_many": ("(Mungkin maksudnya salah satu dari: {possibilities}?)",
                          "(Did you mean one of: {possibilities}?)"),
}

_FIELD = re.compile(r"\{(\w+)(?:![rs])?\}")


@functools.cache
def _patterns() -> list[tuple[re.Pattern[str], str]]:
    patterns: list[tuple[re.Pattern[str], str, int]] = []
    for english, indonesian in TEMPLATES.items():
        pieces, last = [], 0
        for match in _FIELD.finditer(english):
            pieces.append(re.escape(english[last:match.start()]))
            pieces.append(f"(?P<{match.group(1)}>.+?)")
            last = match.end()
        pieces.append(re.escape(english[last:]))
        patterns.append((re.compile("".join(pieces), re.DOTALL), indonesian,
                         len(_FIELD.sub("", english))))
    # the most specific first: `is not one of {choices}` before `is not {choice}`
    return [(pattern, text) for pattern, text, _ in sorted(patterns, key=lambda p: -p[2])]


def translate(text: str, lang: str = "id") -> str:
    """One of Click's messages in `lang` (English: as it is); a text no template matches is
    returned as it is."""
    if lang == "en":
        return text
    for pattern, indonesian in _patterns():
        match = pattern.fullmatch(text)
        if match:
            return indonesian.format(**{key: WORDS.get(value, value)
                                        for key, value in match.groupdict().items()})
    return text


def frame(key: str, lang: str = "id", /, **params: str) -> str:
    """A piece of the frame of a usage error in `lang`."""
    return FRAME[key][1 if lang == "en" else 0].format(**params)
