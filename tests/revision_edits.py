"""Edits a test makes to a copy of an example spec, and the changes `diff` must find."""

from __future__ import annotations

import copy
import shutil
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

NARRATIVE_TAIL = " Revisi: penilaian ulang bersama Tim Pelaksana pada putaran kedua."


def _yaml() -> YAML:
    yaml = YAML()
    yaml.preserve_quotes = True
    yaml.width = 4096
    return yaml


def edited_copy(example: Path, folder: Path) -> tuple[Path, Path, dict[str, Any]]:
    """The example's folder copied twice (old/ and new/); new/ edited: a budget changed,
    a program added, one removed, one moved to another sub-dimension, a narrative
    changed. Returns both specs and what was done."""
    old_dir, new_dir = folder / "old", folder / "new"
    shutil.copytree(example.parent, old_dir)
    shutil.copytree(example.parent, new_dir)
    spec = new_dir / example.name
    text = spec.read_text(encoding="utf-8")
    yaml = _yaml()
    data = yaml.load(text)
    dims = data["dimensions"]
    # programs no other part of the spec names (safe to remove or move)
    free = [(dim, sub, p) for dim, body in dims.items()
            for sub, sub_body in body["sub_dimensions"].items()
            for p in sub_body.get("programs") or []
            if text.count(str(p["id"])) == 1]
    budgeted = next(t for t in free if t[2].get("budget"))
    removed = next(t for t in free if t is not budgeted)
    moved = next(t for t in free if t[0] != removed[0] and t is not budgeted)
    target_sub = next(s for s in dims[moved[0]]["sub_dimensions"] if s != moved[1])
    narrative_dim = next(d for d in dims if dims[d].get("current_condition"))
    done = {"budget": budgeted[2]["id"], "removed": removed[2]["id"],
            "moved": moved[2]["id"], "moved_to": f"{moved[0]}/{target_sub}",
            "narrative": f"dimensions.{narrative_dim}.current_condition"}
    budgeted[2]["budget"][0]["amount"] = int(budgeted[2]["budget"][0]["amount"]) + 125_000_000
    dims[removed[0]]["sub_dimensions"][removed[1]]["programs"].remove(removed[2])
    dims[moved[0]]["sub_dimensions"][moved[1]]["programs"].remove(moved[2])
    target = dims[moved[0]]["sub_dimensions"][target_sub]
    target.setdefault("programs", []).append(moved[2])
    added = copy.deepcopy(budgeted[2])
    added["id"] = f"{str(budgeted[2]['id']).rsplit('-', 1)[0]}-99"
    added["name"] = "Program Tambahan Hasil Reviu"
    for key in ("sdg", "iso37122"):
        added.pop(key, None)
    dims[budgeted[0]]["sub_dimensions"][budgeted[1]]["programs"].append(added)
    done["added"] = added["id"]
    dims[narrative_dim]["current_condition"] = \
        str(dims[narrative_dim]["current_condition"]).rstrip() + NARRATIVE_TAIL
    with spec.open("w", encoding="utf-8") as handle:
        yaml.dump(data, handle)
    return old_dir / example.name, spec, done
