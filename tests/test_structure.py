"""The modules of the package import each other without a cycle: every `import` counts,
at the top of a module or inside a function."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "mailroom"


def import_graph() -> dict[str, set[str]]:
    """Module name → the modules of the package it imports."""
    files = {_name(path): path for path in PACKAGE.rglob("*.py")}
    graph = {}
    for name, path in files.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        imported: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                imported.update(alias.name for alias in node.names if alias.name in files)
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:  # relative: from the package, one level up per dot after the first
                    parts = package.split(".")[: len(package.split(".")) - node.level + 1]
                    base = ".".join([*parts, base] if base else parts)
                for alias in node.names:
                    target = f"{base}.{alias.name}"  # a module imported from its package ...
                    imported.add(target if target in files else base)  # ... or a name from a module
        graph[name] = {target for target in imported if target in files and target != name}
    return graph


def find_cycle(graph: dict[str, set[str]]) -> list[str]:
    """One cycle of `graph` as the path that closes it, or [] if there is none."""
    done: set[str] = set()

    def visit(node: str, path: list[str]) -> list[str]:
        if node in path:
            return [*path[path.index(node) :], node]
        if node in done:
            return []
        for target in sorted(graph[node]):
            cycle = visit(target, [*path, node])
            if cycle:
                return cycle
        done.add(node)
        return []

    for node in sorted(graph):
        cycle = visit(node, [])
        if cycle:
            return cycle
    return []


def test_no_module_of_the_package_imports_itself_through_others() -> None:
    graph = import_graph()
    assert (
        "mailroom.pipeline" in graph and "mailroom.worker" in graph["mailroom.pipeline"]
    )  # the walk sees imports
    assert find_cycle(graph) == [], " → ".join(find_cycle(graph))


def test_review_and_dispatch_read_records_not_tables() -> None:
    graph = import_graph()
    users = [name for name, targets in graph.items() if "mailroom.store.tables" in targets]
    assert "mailroom.store.items" in users  # the walk sees the import
    assert [name for name in users if name.startswith(("mailroom.review", "mailroom.dispatch"))] == []


def test_a_cycle_is_found() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert find_cycle(graph) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set()}) == []


def _name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
