"""Dependencies run one way: cli -> build/batch -> validate, render -> model, and nothing below reaches up.

Every import in the package is read with `ast`, at module level and inside functions
alike (an import hidden in a function is still a dependency), and followed through
the package, so a failure names the chain of imports that breaks a rule.
"""

from __future__ import annotations

import ast
from pathlib import Path

import handbook

PACKAGE = Path(handbook.__file__).parent


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports() -> dict[str, dict[str, int]]:
    """Each module of the package: the modules it imports, with the line of the import."""
    graph: dict[str, dict[str, int]] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        name = _module_name(path)
        found: dict[str, int] = {}
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                for alias in node.names:
                    found.setdefault(alias.name, node.lineno)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                found.setdefault(node.module, node.lineno)
                for alias in node.names:  # `from handbook import cache` imports handbook.cache
                    found.setdefault(f"{node.module}.{alias.name}", node.lineno)
        graph[name] = found
    return graph


GRAPH = _imports()


def _chain(start: str, forbidden) -> list[str] | None:
    """The chain of imports from `start` to the first module `forbidden` accepts, or None."""
    seen = {start}
    paths = [[start]]
    while paths:
        path = paths.pop(0)
        for target, line in GRAPH.get(path[-1], {}).items():
            step = path[:-1] + [f"{path[-1]} (line {line})", target]
            if forbidden(target):
                return step
            if target in GRAPH and target not in seen:
                seen.add(target)
                paths.append(step)
    return None


def _is(*prefixes: str):
    return lambda name: any(name == p or name.startswith(p + ".") for p in prefixes)


def _violations(modules, forbidden) -> list[str]:
    found = []
    for module in sorted(modules):
        chain = _chain(module, forbidden)
        if chain:
            found.append(" -> ".join(chain))
    return found


def _under(prefix: str) -> list[str]:
    return [m for m in GRAPH if m.startswith(prefix + ".")]


def test_validation_does_not_reach_rendering_or_reportlab():
    assert _violations(_under("handbook.validate"), _is("handbook.render", "reportlab")) == []


def test_the_model_needs_neither_click_nor_reportlab():
    assert _violations(["handbook.model"], _is("click", "reportlab", "handbook.errors")) == []


def test_rendering_and_validation_do_not_reach_the_commands():
    commands = _is("handbook.build", "handbook.batch", "handbook.cli")
    assert _violations(_under("handbook.render") + _under("handbook.validate"), commands) == []


def test_loading_reaches_neither_validation_nor_rendering():
    below = ["handbook.loader", "handbook.yaml_events", "handbook.cache", "handbook.markup"]
    assert _violations(below, _is("handbook.validate", "handbook.render", "reportlab")) == []


def test_no_module_imports_itself_through_others():
    """No cycles: a function-level import that only hides a cycle is still a cycle."""
    cycles = []
    for module in sorted(GRAPH):
        chain = _chain(module, lambda name, module=module: name == module)
        if chain:
            cycles.append(" -> ".join(chain))
    assert cycles == []
