"""What the last batch into an output folder produced, and from which inputs.

`OUTDIR/.masterplan-state.json` maps each spec (by its key within the cohort) to the SHA-256
of its bytes, who it is about (so an unchanged spec is not even parsed again), a fingerprint
of *everything* its documents are made from, and the files it produced. A spec is skipped
when its fingerprint is unchanged and its outputs are still there with the same size.

The fingerprint covers: the spec's bytes; the bytes of the files it names (the logo, the
pictures: `spec.validate.named_files`); the tool (version plus the hash of the `generator`
package's own files, fonts included, so a changed renderer re-renders); every file of the
built-in templates and of `--template-dir`; the reference DOCX; the options that change the
output (formats, documents, language, strictness, PDF variant) and `SOURCE_DATE_EPOCH`.

The state is rewritten atomically after every finished spec, so a batch killed at any
moment resumes where it stopped. A damaged or foreign state file only costs a full render.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import os
import stat
from pathlib import Path, PurePosixPath
from typing import Any

from generator import __version__
from generator.encoding import json_bytes
from generator.errors import OutputError
from generator.hashing import sha256_file, tree_hash
from generator.output import atomic_write
from generator.resources import package_dir

STATE_NAME = ".masterplan-state.json"
STATE_FORMAT = 1
_MAX_STATE_BYTES = 64 * 1024 * 1024
_ASSET_LIMIT = 5 * 1024 * 1024 + 1


@functools.cache
def tool_fingerprint() -> str:
    """The version plus every file of the installed `generator` package (code, fonts, data)."""
    package = package_dir()
    return hashlib.sha256(f"{__version__}\n{tree_hash(package)}".encode()).hexdigest()


@functools.cache
def templates_fingerprint() -> str:
    """Every file of the built-in template tree (a `--template-dir` is part of the
    settings' own fingerprint)."""
    from generator.resources import templates_dir

    return tree_hash(templates_dir())


def asset_hashes(spec: Path, names: list[str]) -> dict[str, str | None]:
    """Hashes of the files a spec names, read only when they are plain relative paths to
    regular files (the renderer's own checks decide whether they are acceptable)."""
    hashes: dict[str, str | None] = {}
    for name in names:
        relative = PurePosixPath(name.replace("\\", "/"))
        if "://" in name or relative.is_absolute() or ".." in relative.parts or not (
                relative.parts):
            hashes[name] = None
            continue
        hashes[name] = sha256_file(spec.parent.joinpath(*relative.parts), _ASSET_LIMIT)
    return hashes


def spec_fingerprint(*, tool: str, templates: str, options: str, spec_sha256: str,
                     assets: dict[str, str | None]) -> str:
    payload = {"tool": tool, "templates": templates, "options": options,
               "spec": spec_sha256, "assets": assets}
    return hashlib.sha256(json.dumps(payload, sort_keys=True).encode()).hexdigest()


class State:
    """The state file of one output folder."""

    def __init__(self, outdir: Path) -> None:
        self.path = outdir / STATE_NAME
        self.specs: dict[str, dict[str, Any]] = {}
        self.damaged = False
        #: why the state could not be saved (a full disk): the batch goes on without it,
        #: the next run renders again what this one could not record
        self.unsaved: OutputError | None = None

    def load(self) -> State:
        try:
            info = os.lstat(self.path)  # a link planted under the state's name is foreign
        except FileNotFoundError:
            return self
        except OSError:
            self.damaged = True
            return self
        try:
            if not stat.S_ISREG(info.st_mode) or info.st_size > _MAX_STATE_BYTES:
                raise ValueError("not a state file")
            data = json.loads(self.path.read_bytes().decode("utf-8"))
            if not isinstance(data, dict) or data.get("format") != STATE_FORMAT:
                raise ValueError("unknown format")
            specs = data.get("specs")
            if not isinstance(specs, dict):
                raise ValueError("no specs")
            self.specs = {key: entry for key, entry in specs.items()
                          if isinstance(key, str) and _valid_entry(entry)}
        except (OSError, ValueError, UnicodeDecodeError, RecursionError):
            self.damaged = True
            self.specs = {}
        return self

    def get(self, key: str) -> dict[str, Any] | None:
        return self.specs.get(key)

    def put(self, key: str, entry: dict[str, Any]) -> None:
        self.specs[key] = entry
        self.save()

    def drop(self, key: str) -> None:
        if self.specs.pop(key, None) is not None:
            self.save()

    def save(self) -> None:
        data = {"format": STATE_FORMAT, "tool": __version__,
                "specs": dict(sorted(self.specs.items()))}
        try:
            atomic_write(self.path, json_bytes(data, indent=None, compact=True))
        except OutputError as error:
            self.unsaved = error
        else:
            self.unsaved = None


def _valid_entry(entry: Any) -> bool:
    if not isinstance(entry, dict):
        return False
    outputs = entry.get("outputs")
    identity = entry.get("identity")
    return (isinstance(entry.get("spec_sha256"), str) and isinstance(entry.get("fingerprint"), str)
            and isinstance(identity, dict) and isinstance(identity.get("code"), str)
            and isinstance(identity.get("cohort_year"), int)
            and isinstance(identity.get("assets", []), list)
            and isinstance(outputs, list)
            and all(isinstance(o, dict) and isinstance(o.get("name"), str)
                    and isinstance(o.get("size"), int) for o in outputs)
            and isinstance(entry.get("warnings", []), list))


def outputs_intact(outdir: Path, outputs: list[dict[str, Any]]) -> bool:
    """Every recorded output is still there, a regular file (not a link to one: a render
    replaces the link) of the recorded size."""
    if not outputs:
        return False
    for output in outputs:
        name = str(output["name"])
        if "/" in name or "\\" in name or name.startswith("."):
            return False
        with contextlib.suppress(OSError):
            info = os.lstat(outdir / name)
            if stat.S_ISREG(info.st_mode) and info.st_size == output["size"]:
                continue
        return False
    return True
