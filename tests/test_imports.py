"""The package's import graph: no cycle, and the layers in order (fast: parses, runs nothing).

* Reader modules (what a chapter imports: everything in ``aid2assets/`` outside ``build/``)
  never import from ``aid2assets.build``; the build may import reader modules.
* Only the explorers import from ``aid2assets.explorers``: analysis that another module needs
  lives in an analysis module (``aid2assets.tariffs``, ``aid2assets.flows``, ...).
* No cycle, counting imports made inside functions too (a lazy import is still a dependency).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "aid2assets"
NAME = "aid2assets"


def module_name(path: Path, package: Path = PACKAGE) -> str:
    parts = list(path.relative_to(package).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join([package.name, *parts])


def modules(package: Path = PACKAGE) -> dict[str, Path]:
    return {module_name(p, package): p for p in sorted(package.rglob("*.py")) if "__pycache__" not in p.parts}


def imports_of(name: str, path: Path, known: set[str]) -> set[str]:
    """The package's modules that ``name`` imports, anywhere in its file (functions included)."""
    is_package = path.name == "__init__.py"
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = name.split(".") if is_package else name.split(".")[:-1]
                base = base[:len(base) - (node.level - 1)]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            # "from pkg import mod" imports the submodule; "from mod import name" the module.
            targets = [f"{module}.{alias.name}" if f"{module}.{alias.name}" in known else module
                       for alias in node.names]
        else:
            continue
        for target in targets:
            while target and target not in known and "." in target:  # "aid2assets.x.attr" -> "aid2assets.x"
                target = target.rsplit(".", 1)[0]
            if target in known and target != name:
                found.add(target)
    return found


def graph(package: Path = PACKAGE) -> dict[str, set[str]]:
    mods = modules(package)
    return {name: imports_of(name, path, set(mods)) for name, path in mods.items()}


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """One cycle (as a path that returns to its start) per strongly connected group of modules."""
    index, low, stack, on_stack, groups, counter = {}, {}, [], set(), [], [0]

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on_stack.add(v)
        for w in sorted(edges.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for v in sorted(edges):
        if v not in index:
            visit(v)
    found = []
    for group in groups:  # a path through the group back to its first module
        start, members = group[0], set(group)
        path, seen = [start], {start}
        while True:
            nxt = sorted(w for w in edges[path[-1]] if w in members)
            back = [w for w in nxt if w == start]
            if back:
                found.append(path + [start])
                break
            step = next((w for w in nxt if w not in seen), None)
            if step is None:  # cannot happen inside a strongly connected group
                found.append(group)
                break
            path.append(step)
            seen.add(step)
    return found


def in_layer(module: str, layer: str) -> bool:
    return module == layer or module.startswith(layer + ".")


EDGES = graph()


def test_the_walk_sees_the_package():
    # Guards the test itself: a walk that found no modules or no imports would pass anything.
    assert {"aid2assets.figures", "aid2assets.theme", "aid2assets.build.site", "aid2assets.explorers.trade"} <= set(EDGES)
    assert "aid2assets.theme" in EDGES["aid2assets.figures"]
    assert "aid2assets.figures" in EDGES["aid2assets.build.site"]          # from ..figures import ...
    assert "aid2assets.build.markup" in EDGES["aid2assets.build.site"]     # inside a function
    assert "aid2assets.notebook" in EDGES["aid2assets.explorers"]          # from ..notebook, in a method


def test_cycles_are_found_in_a_made_up_graph():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c", "a"]]
    assert cycles({"a": {"b"}, "b": set()}) == []


def test_cycles_are_found_in_made_up_files(tmp_path):
    pkg = tmp_path / "pkg"
    (pkg / "sub").mkdir(parents=True)
    (pkg / "__init__.py").write_text("")
    (pkg / "sub" / "__init__.py").write_text("")
    (pkg / "a.py").write_text("from .sub import b\n")
    (pkg / "sub" / "b.py").write_text("def f():\n    from .. import a\n")
    assert cycles(graph(pkg)) == [["pkg.a", "pkg.sub.b", "pkg.a"]]


def test_no_import_cycle_in_the_package():
    found = cycles(EDGES)
    assert not found, "import cycles: " + "; ".join(" -> ".join(c) for c in found)


@pytest.mark.parametrize("module", sorted(m for m in EDGES if not in_layer(m, f"{NAME}.build")))
def test_reader_modules_do_not_import_the_build(module):
    wrong = sorted(m for m in EDGES[module] if in_layer(m, f"{NAME}.build"))
    assert not wrong, f"{module} (reader side) imports {wrong}: the build may import reader code, never the reverse"


@pytest.mark.parametrize("module", sorted(m for m in EDGES if not in_layer(m, f"{NAME}.explorers")))
def test_only_explorers_import_explorers(module):
    wrong = sorted(m for m in EDGES[module] if in_layer(m, f"{NAME}.explorers"))
    assert not wrong, (f"{module} imports {wrong}: move the analysis it needs out of explorers/ "
                       "into an analysis module")
