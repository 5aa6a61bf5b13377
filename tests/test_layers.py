"""Dependencies run one way: cli -> build/batch -> validate, render -> model, and nothing below reaches up.

Every import in the package is read with `ast`, at module level and inside functions
alike (an import hidden in a function is still a dependency), and followed through
the package, so a failure names the chain of imports that breaks a rule. Imports under
`if TYPE_CHECKING:` are for annotations only and are not followed.

The block kinds (handbook/blocks/) are where a kind's validation and rendering meet: a
kind's renderer imports rendering inside the function, so that validating (`handbook
check`) never loads ReportLab. Validation may reach rendering only through a kind.
"""

from __future__ import annotations

import ast
from pathlib import Path

import handbook

PACKAGE = Path(handbook.__file__).parent


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _statements(tree: ast.AST, top_level_only: bool):
    """The import statements of a module, leaving out `if TYPE_CHECKING:` blocks (and, if asked, function bodies)."""
    for node in ast.iter_child_nodes(tree):
        if isinstance(node, ast.If) and isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING":
            continue
        if top_level_only and isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            continue
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            yield node
        yield from _statements(node, top_level_only)


def _imports(top_level_only: bool = False) -> dict[str, dict[str, int]]:
    """Each module of the package: the modules it imports, with the line of the import."""
    graph: dict[str, dict[str, int]] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        name = _module_name(path)
        found: dict[str, int] = {}
        for node in _statements(ast.parse(path.read_text(encoding="utf-8")), top_level_only):
            if isinstance(node, ast.Import):
                for alias in node.names:
                    found.setdefault(alias.name, node.lineno)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                if node.module != name:  # `from handbook.blocks import paragraph` in handbook/blocks/__init__.py
                    found.setdefault(node.module, node.lineno)
                for alias in node.names:  # `from handbook import cache` imports handbook.cache
                    found.setdefault(f"{node.module}.{alias.name}", node.lineno)
        graph[name] = found
    return graph


GRAPH = _imports()
AT_START = _imports(top_level_only=True)  # what importing a module loads at once


def _chain(start: str, forbidden, graph=GRAPH, through=lambda name: True) -> list[str] | None:
    """The chain of imports from `start` to the first module `forbidden` accepts, or None.

    Only modules `through` accepts are followed further.
    """
    seen = {start}
    paths = [[start]]
    while paths:
        path = paths.pop(0)
        for target, line in graph.get(path[-1], {}).items():
            step = path[:-1] + [f"{path[-1]} (line {line})", target]
            if forbidden(target):
                return step
            if target in graph and target not in seen and through(target):
                seen.add(target)
                paths.append(step)
    return None


def _is(*prefixes: str):
    return lambda name: any(name == p or name.startswith(p + ".") for p in prefixes)


def _violations(modules, forbidden, graph=GRAPH, through=lambda name: True) -> list[str]:
    found = []
    for module in sorted(modules):
        chain = _chain(module, forbidden, graph, through)
        if chain:
            found.append(" -> ".join(chain))
    return found


def _under(prefix: str) -> list[str]:
    return [m for m in GRAPH if m.startswith(prefix + ".")]


def test_validation_does_not_reach_rendering_or_reportlab_but_through_a_kind():
    kinds = _is("handbook.blocks")
    assert _violations(_under("handbook.validate"), _is("handbook.render", "reportlab"), through=lambda name: not kinds(name)) == []


def test_validating_a_kind_loads_neither_rendering_nor_reportlab():
    """What `handbook check` imports: validation and every kind, without their renderers' imports."""
    modules = _under("handbook.validate") + ["handbook.blocks", *_under("handbook.blocks")]
    assert _violations(modules, _is("handbook.render", "reportlab"), graph=AT_START) == []


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
