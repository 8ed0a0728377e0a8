"""The core is the ground floor: the domain apps register with it, and it imports none
of them, not even inside a function or by a dotted path in a string.

Only the project's wiring names the apps: the settings (which apps are installed,
where their files are stored) and the root URLconf. Migrations are history and stay
as they were written.
"""

import ast
import re
from pathlib import Path

from django.apps import apps

import portal

CORE = Path(portal.__file__).parent
ROOT = CORE.parent
WIRING = [CORE / "settings", CORE / "urls.py", CORE / "migrations"]


def domain_apps():
    return {
        config.name
        for config in apps.get_app_configs()
        if Path(config.path).parent == ROOT and config.name != "portal"
    }


def core_modules():
    for path in sorted(CORE.rglob("*.py")):
        if not any(path == place or place in path.parents for place in WIRING):
            yield path


def references(path, names):
    """(line, what) for each import of, or dotted path into, one of ``names``."""
    dotted = re.compile(rf"^({'|'.join(names)})(\.\w+)+$")
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            modules = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0:
            modules = [node.module]
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            if dotted.match(node.value):
                yield node.lineno, repr(node.value)
            continue
        else:
            continue
        for module in modules:
            if module.split(".")[0] in names:
                yield node.lineno, f"import {module}"


def test_the_apps_this_test_guards_are_found():
    assert domain_apps() == {"strategy", "meetings", "funding", "subscriptions"}


def test_no_core_module_imports_or_names_a_domain_app():
    names = domain_apps()
    found = [
        f"{path.relative_to(ROOT)}:{line}: {what}"
        for path in core_modules()
        for line, what in references(path, names)
    ]
    assert found == []


def test_the_guard_sees_imports_inside_functions_and_dotted_strings(tmp_path):
    module = tmp_path / "example.py"
    module.write_text(
        "def ready():\n"
        "    from meetings import seed\n"
        "    import funding.bulk\n"
        "STORAGE = 'meetings.storage.PrivateMeetingStorage'\n"
        "TEXT = 'meetings and funding'\n"
    )

    found = [what for _, what in references(module, {"meetings", "funding"})]

    assert found == [
        "import meetings",
        "import funding.bulk",
        "'meetings.storage.PrivateMeetingStorage'",
    ]
