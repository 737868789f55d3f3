"""The house stays as docs/architecture.md draws it: imports point one way.

An AST walk over `generator/` (every import, also those inside functions and under
`TYPE_CHECKING`) gives the module graph; these tests keep its rules true.
"""

from __future__ import annotations

import ast
from functools import cache
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "generator"


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


@cache
def modules() -> dict[str, Path]:
    return {module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def resolve(name: str) -> str | None:
    """The module `name` is (or, for `from pkg import function`, the module it lies in)."""
    while name and name not in modules():
        name = name.rpartition(".")[0]
    return name or None


@cache
def graph() -> dict[str, frozenset[str]]:
    edges: dict[str, frozenset[str]] = {}
    for name, path in modules().items():
        found: set[str] = set()
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            targets: list[str] = []
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    anchor = package.split(".")[:len(package.split(".")) - node.level + 1]
                    base = ".".join([*anchor, base] if base else anchor)
                targets = [f"{base}.{alias.name}" for alias in node.names] or [base]
            for target in targets:
                if target.split(".")[0] == "generator":
                    module = resolve(target)
                    if module and module != name:
                        found.add(module)
        edges[name] = frozenset(found)
    return edges


def importers_of(prefix: str) -> set[str]:
    return {module for module, targets in graph().items()
            if any(t == prefix or t.startswith(prefix + ".") for t in targets)}


def test_the_walk_sees_the_package() -> None:
    assert {"generator.cli", "generator.pipeline", "generator.settings",
            "generator.documents", "generator.render", "generator.batch.worker",
            "generator.spec.load"} <= set(modules())
    assert "generator.pipeline" in graph()["generator.batch.worker"]


def test_the_import_graph_has_no_cycle() -> None:
    edges = graph()
    state: dict[str, int] = {}  # 1 = on the stack, 2 = done

    def visit(module: str, path: list[str]) -> None:
        state[module] = 1
        for target in sorted(edges[module]):
            if state.get(target) == 1:
                cycle = [*path[path.index(target):], target] if target in path else [target]
                pytest.fail("import cycle: " + " → ".join(cycle))
            if target not in state:
                visit(target, [*path, target])
        state[module] = 2

    for module in sorted(edges):
        if module not in state:
            visit(module, [module])


def test_only_the_command_line_imports_the_commands() -> None:
    outside = {m for m in importers_of("generator.commands") | importers_of("generator.cli")
               if m != "generator.cli" and m != "generator.__main__"
               and not m.startswith("generator.commands")}
    assert outside == set()


@pytest.mark.parametrize("stage", ["generator.spec", "generator.documents", "generator.i18n"])
def test_the_spec_and_the_context_import_no_writer(stage: str) -> None:
    offenders = {m: sorted(t for t in graph()[m] if t.startswith("generator.render"))
                 for m in modules() if m == stage or m.startswith(stage + ".")}
    assert {m: t for m, t in offenders.items() if t} == {}


@pytest.mark.parametrize("lower", ["generator.spec", "generator.documents", "generator.render",
                                   "generator.i18n", "generator.settings"])
def test_lower_stages_never_import_the_pipeline_or_the_batch(lower: str) -> None:
    upper = ("generator.pipeline", "generator.batch", "generator.commands", "generator.cli")
    offenders = {m: sorted(t for t in graph()[m] if t.startswith(upper))
                 for m in modules() if m == lower or m.startswith(lower + ".")}
    assert {m: t for m, t in offenders.items() if t} == {}


def test_the_spec_stage_imports_no_document_code() -> None:
    offenders = {m: sorted(t for t in graph()[m] if t.startswith("generator.documents"))
                 for m in modules() if m.startswith("generator.spec")}
    assert {m: t for m, t in offenders.items() if t} == {}


def test_the_batch_records_are_a_leaf_of_the_batch() -> None:
    """Records and the cohort they describe import no other module of the batch."""
    def batch_imports(module: str) -> set[str]:
        return {t for t in graph()[module] if t.startswith("generator.batch")}

    assert batch_imports("generator.batch.records") <= {"generator.batch.cohort"}
    assert batch_imports("generator.batch.cohort") == set()


def test_one_pipeline_serves_every_command() -> None:
    for user in ("generator.commands.render", "generator.commands.watch",
                 "generator.commands.report", "generator.batch.worker"):
        assert "generator.pipeline" in graph()[user], user
    import generator.pipeline as pipeline

    assert callable(pipeline.render_spec) and callable(pipeline.render_report)
