"""Each app's modules import one another in one direction only.

Read from the source (no import runs), so a cycle that would work only because Django
happens to load ``models`` first still fails here. A page imports its views, views
import queries, queries import models: nothing imports back.
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
APPS = ["portal", "strategy", "meetings", "funding", "subscriptions"]
# What serves the public pages: these import their own app only at the top, never
# inside a function to dodge a cycle.
PUBLIC_SIDE = [
    "meetings.models.pages",
    "meetings.views",
    "meetings.queries",
    "meetings.filters",
    "meetings.feeds",
    "meetings.cdn",
    "meetings.sitemaps",
    "funding.models.pages",
    "funding.views",
    "funding.queries",
    "funding.filters",
    "funding.exports",
    "funding.cdn",
    "funding.sitemaps",
]


def modules(app):
    found = {}
    for path in sorted((ROOT / app).rglob("*.py")):
        parts = path.relative_to(ROOT).with_suffix("").parts
        if "migrations" in parts:
            continue
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        found[name] = path
    return found


def imported(module, path, known, top_level_only):
    """The modules of ``known`` that ``module`` imports."""
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    tree = ast.parse(path.read_text())
    statements = []

    def visit(node):
        for child in ast.iter_child_nodes(node):
            if isinstance(child, (ast.Import, ast.ImportFrom)):
                statements.append(child)
            elif top_level_only and isinstance(
                child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)
            ):
                continue
            visit(child)

    visit(tree)
    targets = set()
    for statement in statements:
        if isinstance(statement, ast.Import):
            names = [alias.name for alias in statement.names]
        else:
            base = statement.module or ""
            if statement.level:
                parent = package.rsplit(".", statement.level - 1)[0]
                base = f"{parent}.{base}" if base else parent
            names = [base] + [f"{base}.{alias.name}" for alias in statement.names]
        for name in names:
            # "from meetings.models import Meeting" imports the package, not a module
            # called meetings.models.Meeting.
            while name and name not in known:
                name = name.rpartition(".")[0]
            if name and name != module:
                targets.add(name)
    return targets


def cycles(graph):
    """Every cycle found by a depth-first walk, as lists of module names."""
    found, state, trail = [], {}, []

    def walk(node):
        state[node] = "open"
        trail.append(node)
        for target in sorted(graph[node]):
            if state.get(target) == "open":
                found.append(trail[trail.index(target) :] + [target])
            elif target not in state:
                walk(target)
        trail.pop()
        state[node] = "done"

    for node in sorted(graph):
        if node not in state:
            walk(node)
    return found


@pytest.mark.parametrize("app", APPS)
def test_an_apps_modules_import_each_other_without_a_cycle(app):
    known = modules(app)
    graph = {
        name: imported(name, path, known, top_level_only=True)
        for name, path in known.items()
    }
    assert cycles(graph) == []


def test_the_public_side_imports_its_own_app_only_at_the_top():
    for module in PUBLIC_SIDE:
        app = module.split(".")[0]
        known = modules(app)
        everywhere = imported(module, known[module], known, top_level_only=False)
        at_the_top = imported(module, known[module], known, top_level_only=True)
        assert everywhere == at_the_top, module


def test_a_cycle_is_found():
    graph = {"a.models": {"a.pages"}, "a.pages": {"a.views"}, "a.views": {"a.models"}}
    assert cycles(graph) == [["a.models", "a.pages", "a.views", "a.models"]]
