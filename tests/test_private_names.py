"""No app module uses another package's private names, read from the source.

Wagtail, modelsearch, Django, treebeard and the other packages we build on promise only their
public names: one starting with an underscore may change or go in any release, a security release
included (issue #28). Two checks over every module of the project's packages (migrations and tests
aside): no import of an underscore name from outside the project (``from x import _y``,
``import x._y``), and no attribute starting with one underscore read, called or set on anything
but ``self`` or ``cls``, and on those only for a name the project's own classes define. Django
documents ``_meta`` and ``_default_manager``, Python its namedtuples' ``_replace`` and the like;
sunder names (an Enum's ``_value_``) are public. ruff's SLF001 (pyproject.toml) says the same of
attributes while editing.
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

PACKAGES = {"mysite", "base", "blog", "home", "newsletter", "search", "bench", "demo"}
ALLOWED_ATTRIBUTES = {
    "_meta",
    "_default_manager",
    # namedtuple's documented methods and attributes
    "_replace",
    "_asdict",
    "_make",
    "_fields",
    "_field_defaults",
}


def is_private(name: str) -> bool:
    """One leading underscore: not a dunder (``__init__``) or sunder (``_value_``) name."""
    return name.startswith("_") and not name.endswith("_")


def private_imports(source: str, local: set[str]) -> list[tuple[int, str]]:
    """(line, name) for every underscore name ``source`` imports from a module whose top-level
    package is not in ``local``; relative imports stay in the project."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [
                (node.lineno, alias.name)
                for alias in node.names
                if alias.name.split(".")[0] not in local and any(map(is_private, alias.name.split(".")))
            ]
        elif isinstance(node, ast.ImportFrom) and not node.level and node.module.split(".")[0] not in local:
            if any(map(is_private, node.module.split("."))):
                found.append((node.lineno, node.module))
            found += [
                (node.lineno, f"{node.module}.{alias.name}") for alias in node.names if is_private(alias.name)
            ]
    return sorted(found)


def own_private_names(source: str) -> set[str]:
    """The underscore names the classes in ``source`` define: methods, class attributes and what
    their methods set on ``self`` or ``cls``."""
    names = set()
    for cls in (node for node in ast.walk(ast.parse(source)) if isinstance(node, ast.ClassDef)):
        for statement in cls.body:
            if isinstance(statement, ast.FunctionDef | ast.AsyncFunctionDef):
                names.add(statement.name)
            elif isinstance(statement, ast.Assign | ast.AnnAssign):
                targets = statement.targets if isinstance(statement, ast.Assign) else [statement.target]
                names |= {target.id for target in targets if isinstance(target, ast.Name)}
        names |= {
            node.attr
            for node in ast.walk(cls)
            if isinstance(node, ast.Attribute)
            and isinstance(node.ctx, ast.Store)
            and isinstance(node.value, ast.Name)
            and node.value.id in {"self", "cls"}
        }
    return {name for name in names if is_private(name)}


def private_attributes(source: str, own_names: set[str]) -> list[tuple[int, str]]:
    """(line, expression) for every underscore attribute ``source`` reads, calls or sets, except
    the allowed ones and ``self._x``/``cls._x`` for ``_x`` in ``own_names``."""
    return sorted(
        (node.lineno, ast.unparse(node))
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Attribute)
        and is_private(node.attr)
        and node.attr not in ALLOWED_ATTRIBUTES
        and not (
            isinstance(node.value, ast.Name) and node.value.id in {"self", "cls"} and node.attr in own_names
        )
    )


def app_modules() -> list[Path]:
    return [
        path
        for package in sorted(PACKAGES)
        for path in sorted((ROOT / package).rglob("*.py"))
        if "migrations" not in path.parts
    ]


def scripts_beside(path: Path) -> set[str]:
    """A script outside a package (bench/) imports the modules beside it by their own names."""
    if (path.parent / "__init__.py").exists():
        return set()
    return {module.stem for module in path.parent.glob("*.py")}


def test_every_package_of_the_project_is_read():
    on_disk = {
        path.name
        for path in ROOT.iterdir()
        if path.is_dir() and not path.name.startswith(".") and any(path.rglob("*.py"))
    }
    assert on_disk - {"tests"} == PACKAGES


def test_no_app_module_imports_a_private_name_of_another_package():
    found = [
        f"{path.relative_to(ROOT)}:{line} imports {name}"
        for path in app_modules()
        for line, name in private_imports(path.read_text(), PACKAGES | scripts_beside(path))
    ]
    assert not found, "Use what the package documents instead:\n" + "\n".join(found)


def test_no_app_module_uses_a_private_attribute_of_another_package():
    sources = {path: path.read_text() for path in app_modules()}
    own_names = set().union(*map(own_private_names, sources.values()))
    found = [
        f"{path.relative_to(ROOT)}:{line} uses {expression}"
        for path, source in sources.items()
        for line, expression in private_attributes(source, own_names)
    ]
    assert not found, "Use what the package documents instead:\n" + "\n".join(found)


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (
            "from wagtail.models.sites import get_site_for_hostname, _helper\n",
            [(1, "wagtail.models.sites._helper")],
        ),
        ("import modelsearch._internal.query\n", [(1, "modelsearch._internal.query")]),
        ("from django.db._private import Query\n", [(1, "django.db._private")]),
        ("def build():\n    from treebeard.mp_tree import _get_path\n", [(2, "treebeard.mp_tree._get_path")]),
        # Public names, and the project's own modules.
        ("from __future__ import annotations\nfrom wagtail.models import Page\n", []),
        ("from . import _shared\nfrom base.cache import _generation\nimport blog._private\n", []),
    ],
)
def test_the_reader_finds_private_imports(source, expected):
    assert private_imports(source, PACKAGES) == expected


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("site = Site._find_for_request(request)\n", [(1, "Site._find_for_request")]),
        ("request._wagtail_site = site\n", [(1, "request._wagtail_site")]),
        ("number = Page._str2int(path[-4:])\n", [(1, "Page._str2int")]),
        (
            "class Form(ModelForm):\n"
            "    def clean(self):\n"
            "        return super()._get_validation_exclusions(), self._get_validation_exclusions()\n",
            [(3, "self._get_validation_exclusions"), (3, "super()._get_validation_exclusions")],
        ),
        # What the project's classes define, and what Django and Python document.
        (
            "class Proxy:\n"
            "    def __init__(self):\n"
            "        self._connections = []\n"
            "    def _close(self):\n"
            "        return self._connections\n"
            "    def stop(self):\n"
            "        self._close()\n",
            [],
        ),
        (
            "Page._meta.label, Page._default_manager, url._replace(path=''), page.__class__, colour._value_\n",
            [],
        ),
    ],
)
def test_the_reader_finds_private_attributes(source, expected):
    assert private_attributes(source, own_private_names(source)) == expected
