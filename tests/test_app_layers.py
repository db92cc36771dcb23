"""The apps' layers, read from the source: no app imports one above it.

base is the ground floor (pagination, the page cache, permissions, site-wide snippets) and
imports no other app of the project; home, blog, search and newsletter stand on it; demo (the
demo content) uses them all and nothing uses it. Every import counts: at module level or in a
function, ``import x`` or ``from x import y``, migrations included; a relative import stays in
its own app. mysite (settings, URLs) is the project itself and may import anything.
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# Besides itself, what each app may import. Between the apps above base, only what the code needs.
MAY_IMPORT = {
    "base": set(),
    "blog": {"base"},
    "home": {"base", "blog"},  # the home page shows the newest posts
    "search": {"base", "blog"},  # it searches posts, filters by category, shows authors
    "newsletter": {"base", "blog"},  # an issue features posts
    "demo": {"base", "home", "blog", "search", "newsletter"},
}
APPS = set(MAY_IMPORT)


def imported_apps(source: str, package: str) -> list[tuple[int, str]]:
    """(line, app) for every project app that ``source``, a module of ``package``, imports."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            modules = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level:
            # ``from . import x`` is this package, each further dot one package up.
            parts = package.split(".")
            modules = [".".join([*parts[: len(parts) - node.level + 1], *filter(None, [node.module])])]
        elif isinstance(node, ast.ImportFrom):
            modules = [node.module]
        else:
            continue
        found += [(node.lineno, module.split(".")[0]) for module in modules if module.split(".")[0] in APPS]
    return found


def violations(app: str) -> list[str]:
    allowed = MAY_IMPORT[app] | {app}
    return [
        f"{path.relative_to(ROOT)}:{line} imports {imported}"
        for path in sorted((ROOT / app).rglob("*.py"))
        for line, imported in imported_apps(path.read_text(), ".".join(path.parent.relative_to(ROOT).parts))
        if imported not in allowed
    ]


def test_every_app_has_a_place_in_the_layers():
    apps_on_disk = {path.parent.name for path in ROOT.glob("*/apps.py")}
    assert apps_on_disk == APPS


@pytest.mark.parametrize("app", sorted(APPS))
def test_no_app_imports_one_above_it(app):
    allowed = ", ".join(sorted(MAY_IMPORT[app])) or "no other app"
    assert violations(app) == [], f"{app} may import {allowed}"


def test_the_reader_finds_every_kind_of_import():
    source = (
        "import blog.models\n"
        "from home.models import HomePage\n"
        "from . import signals\n"
        "from ..models import Partner\n"
        "def handle():\n"
        "    from demo import content\n"
        "    import newsletter\n"
    )
    assert imported_apps(source, "base.management") == [
        (1, "blog"),
        (2, "home"),
        (3, "base"),
        (4, "base"),
        (6, "demo"),
        (7, "newsletter"),
    ]
