"""Shared fixtures: the site tree, content builders, the demo content, HTML parsing."""

import hashlib
import io
import re
import threading
from types import SimpleNamespace

import pytest
from bs4 import BeautifulSoup
from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection, transaction
from django.db.models import Model
from wagtail.coreutils import get_dummy_request
from wagtail.images.models import Filter, WagtailImageFieldFile
from wagtail.models import Page, Site
from wagtail.test.utils import WagtailPageTestCase
from willow.image import ImageFile

from base.sites import sync_default_site
from blog.models import BlogIndexPage, BlogPage

from .factories import BlogIndexPageFactory, HomePageFactory


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """Run the tests that flush the database (live server, transactional) after all the others.

    pytest-django orders them last, as Django does, but pytest then regroups tests by
    pytest-playwright's session-scoped ``browser_name`` parameter, which can pull the browser
    tests in between ordinary ones. After a transactional test the database is empty (no page
    tree root), so every ordinary test after it would fail. The sort is stable.

    Among them the ``slow`` ones (an editor's journey: 15 to 70 s) start first, so that no worker
    starts one while the others are finishing and have nothing left to run.
    """

    def flushes_database(item):
        names = getattr(item, "fixturenames", ())
        marker = item.get_closest_marker("django_db")
        transactional = bool(
            marker and (marker.kwargs.get("transaction") or marker.kwargs.get("reset_sequences"))
        )
        return transactional or "transactional_db" in names or "live_server" in names

    items.sort(key=lambda item: (flushes_database(item), item.get_closest_marker("slow") is None))


@pytest.fixture(autouse=True)
def _clear_cache():
    """Wagtail caches site root paths and renditions; start every test from a cold cache."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True, scope="session")
def _each_rendition_drawn_once():
    """Draw each rendition once per test process, then copy it.

    Tests build their images with the same factory, so most renditions are the same picture drawn
    again in every test (decoding, resizing, encoding AVIF and WebP: 40 % of the suite's Python
    time). Wagtail still does everything else for every test: it looks for the rendition, picks
    the filter, saves the file and the Rendition row. Only the pixels are copied. They are the same
    function of the same inputs: the source file's bytes, the filter, the focal point and the image
    settings. The first drawing of each in a process is real, and so is every picture a test makes
    of its own (an upload, a rotated photo, a broken file).
    """
    drawn: dict[tuple, tuple[type, bytes]] = {}
    lock = threading.Lock()
    run = Filter.run

    def run_once(self, image, output, source=None):
        if source is None:
            with image.open_file() as file:
                data = file.read()
        else:
            source.seek(0)
            data = source.read()
            source.seek(0)
        key = (
            hashlib.sha1(data).hexdigest(),  # noqa: S324 (a content key, not security)
            self.spec,
            (image.width, image.height, image.focal_point_x, image.focal_point_y),
            (image.focal_point_width, image.focal_point_height),
            tuple(getattr(settings, name, None) for name in IMAGE_SETTINGS),
        )
        with lock:
            known = drawn.get(key)
        if known:
            kind, picture = known
            output.write(picture)
            return kind(output)
        result = run(self, image, output, source=source)
        # Only the plain image files (JPEG, PNG, WebP, AVIF, GIF) are copied; an SVG is kept as is.
        if type(result).__init__ is ImageFile.__init__:
            result.f.seek(0)
            with lock:
                drawn[key] = (type(result), result.f.read())
        return result

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(Filter, "run", run_once)
        yield


IMAGE_SETTINGS = (
    "WAGTAILIMAGES_FORMAT_CONVERSIONS",
    "WAGTAILIMAGES_JPEG_QUALITY",
    "WAGTAILIMAGES_WEBP_QUALITY",
    "WAGTAILIMAGES_AVIF_QUALITY",
)


@pytest.fixture(autouse=True, scope="session")
def _each_picture_measured_once():
    """Read each picture's width and height once per test process.

    Wagtail measures an image file by decoding it whole (Willow), twice for every new rendition
    (when the Rendition is made and when its file is saved) and once for every image a factory
    saves: 7 % of the suite's time, for the same few pictures again and again. The size is a
    function of the file's bytes, so it is kept by their SHA-1; a picture not seen before is
    measured for real.
    """
    sizes: dict[str, tuple[int, int]] = {}
    lock = threading.Lock()
    measure = WagtailImageFieldFile.get_image_dimensions

    def measure_once(self):
        closed = self.closed
        try:
            self.open()
            data = self.read()
        finally:
            if closed:
                self.close()
            else:
                self.seek(0)
        key = hashlib.sha1(data).hexdigest()  # noqa: S324 (a content key, not security)
        with lock:
            known = sizes.get(key)
        if known:
            return known
        size = measure(self)
        with lock:
            sizes[key] = size
        return size

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(WagtailImageFieldFile, "get_image_dimensions", measure_once)
        yield


def remove_placeholder_home():
    """Delete the "Welcome to Wagtail" page the installation makes (as load_demo does)."""
    root = Page.get_first_root_node()
    for placeholder in root.get_children().filter(content_type__model="page", slug="home"):
        placeholder.delete()
    return root


def build_site() -> None:
    """root -> HomePage -> BlogIndexPage, with the default Site pointing at the home page."""
    root = remove_placeholder_home()
    home = HomePageFactory(parent=root)
    BlogIndexPageFactory(parent=home)
    # Deleting the placeholder also deleted the default Site that pointed at it.
    site = Site.objects.filter(is_default_site=True).first() or Site(hostname="localhost", port=80)
    site.root_page = home
    site.is_default_site = True
    site.site_name = "Amsterdam Data Science"
    site.save()
    sync_default_site()  # the address SITE_URL names, as after migrate


def build_demo() -> None:
    call_command("load_demo", stdout=io.StringIO())


# Database states many tests start from (the site tree, the demo content) are built once per test
# process and kept in tables of their own (``<state>_<table>``); a test copies them in, in a few
# milliseconds, instead of building them again (load_demo takes 1-2 s, and ~170 tests use it).


def model_tables() -> dict[str, list[str]]:
    """Every table Django creates for the installed models, with its columns; not the virtual
    tables the database keeps itself: SQLite's full-text table, which triggers on the index
    entries fill, has columns no model knows (a copy of its model's would leave them empty)."""
    virtual = set()
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("SELECT name FROM sqlite_master WHERE sql LIKE 'CREATE VIRTUAL TABLE%'")
            virtual = {name for (name,) in cursor.fetchall()}
    tables = {}
    for model in apps.get_models(include_auto_created=True):
        if model._meta.managed and not model._meta.proxy and model._meta.db_table not in virtual:
            tables[model._meta.db_table] = [field.column for field in model._meta.local_concrete_fields]
    return tables


def copy_tables(tables: dict[str, list[str]], source: str, target: str) -> None:
    """Replace each table's rows in ``target`` (a prefix, "" for the tables themselves) with
    those of ``source``. Django's foreign keys are checked at commit, so the order is free (in
    one transaction: transactional tests have none around them).

    On PostgreSQL the statements go in one round trip, and a kept state, being whole, is copied
    without the foreign key checks where the connection may skip them (a superuser's): checking
    every copied row again at the end of each test took 20 ms of the server's time per test. The
    test's own writes are checked as always."""
    quote = connection.ops.quote_name
    statements = []
    for table, columns in tables.items():
        names = ", ".join(map(quote, columns))
        statements.append(f"DELETE FROM {quote(target + table)}")  # noqa: S608
        statements.append(
            f"INSERT INTO {quote(target + table)} ({names}) SELECT {names} FROM {quote(source + table)}"  # noqa: S608
        )
    with transaction.atomic(), connection.cursor() as cursor:
        if connection.vendor != "postgresql":
            for statement in statements:
                cursor.execute(statement)
            return
        if connection.connection.info.parameter_status("is_superuser") == "on":
            statements = [
                "SET LOCAL session_replication_role = replica",
                *statements,
                "SET LOCAL session_replication_role = DEFAULT",
            ]
        cursor.execute("; ".join(statements))


def keep_state(name: str, build, django_db_blocker) -> dict[str, list[str]]:
    """Build a database state and keep it in ``<name>_`` tables, leaving the database as the
    migrations made it; returns the tables to copy to bring it back: those with rows in either
    state (a test starts with the others empty)."""
    quote = connection.ops.quote_name
    with django_db_blocker.unblock(), transaction.atomic(), connection.cursor() as cursor:
        tables = model_tables()
        for table, columns in tables.items():
            names = ", ".join(map(quote, columns))
            for prefix in ("migrated_", f"{name}_"):
                create = f"CREATE TABLE {quote(prefix + table)} AS SELECT {names} FROM {quote(table)}"  # noqa: S608
                cursor.execute(create)
        build()
        copy_tables(tables, source="", target=f"{name}_")
        copy_tables(tables, source="migrated_", target="")
        kept = {}
        for table, columns in tables.items():
            for prefix in ("migrated_", f"{name}_"):
                cursor.execute(f"SELECT 1 FROM {quote(prefix + table)} LIMIT 1")  # noqa: S608
                if cursor.fetchone():
                    kept[table] = columns
            cursor.execute(f"DROP TABLE {quote('migrated_' + table)}")
    return kept


def keep_world(name: str, build, site_state, django_db_blocker) -> tuple:
    """keep_state for a set of one module's content: ``build(blog_index)`` adds it to the site
    tree and returns the objects its tests use (a namespace, a dict…).

    The world starts from the kept site tree itself, the same rows as the ``site`` fixture's, so
    that ``site``, ``home_page`` and ``blog_index`` stay true after a ``restore``. A test asks
    for its world before ``blog_index`` when it adds pages: the blog index is then read with the
    world's children."""

    built = []

    def build_on_the_site():
        copy_tables(site_state, source="site_", target="")
        built.append(build(BlogIndexPage.objects.get()))

    tables = keep_state(name, build_on_the_site, django_db_blocker)
    return tables, name, built[0]


def restore(world: tuple):
    """Copy a kept world in (see keep_world); its objects, read again from the database."""
    tables, name, objects = world
    copy_tables(tables, source=f"{name}_", target="")
    return read_again(objects)


def read_again(value):
    if isinstance(value, Model):
        return type(value)._default_manager.get(pk=value.pk)
    if isinstance(value, SimpleNamespace):
        return SimpleNamespace(**read_again(vars(value)))
    if isinstance(value, dict):
        return {key: read_again(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return type(value)(read_again(item) for item in value)
    return value


@pytest.fixture(scope="session")
def site_state(django_db_setup, django_db_blocker):
    return keep_state("site", build_site, django_db_blocker)


@pytest.fixture(scope="session")
def demo_state(django_db_setup, django_db_blocker):
    return keep_state("demo", build_demo, django_db_blocker)


@pytest.fixture
def site(db, site_state):
    """root -> HomePage -> BlogIndexPage, with the default Site pointing at the home page."""
    copy_tables(site_state, source="site_", target="")
    return Site.objects.get(is_default_site=True)


@pytest.fixture
def home_page(site):
    return site.root_page.specific


@pytest.fixture
def blog_index(site):
    return BlogIndexPage.objects.child_of(site.root_page).get()


@pytest.fixture
def demo(db, demo_state):
    """The demo content from ``manage.py load_demo``."""
    copy_tables(demo_state, source="demo_", target="")
    return BlogPage.objects.get(slug="ai-research-with-china")


def soup_of(response_or_html) -> BeautifulSoup:
    content = getattr(response_or_html, "content", response_or_html)
    if isinstance(content, bytes):
        content = content.decode()
    return BeautifulSoup(content, "html.parser")


def normalise(text: str) -> str:
    """Collapse runs of whitespace, as a reader sees the text."""
    return re.sub(r"\s+", " ", text).strip()


def text_of(element) -> str:
    return normalise(element.get_text(" "))


class _PageAssertions(WagtailPageTestCase):
    """WagtailPageTestCase's assertions, callable from pytest tests (see the page_assertions fixture)."""

    def runTest(self):  # unittest needs a test method to instantiate the case
        pass


@pytest.fixture
def page_assertions(client):
    helper = _PageAssertions()
    helper.client = client
    helper.dummy_request = get_dummy_request()
    return helper


def inline_scripts(soup) -> list:
    """The page's scripts that are not the site's own static files: markup that would run."""
    return [script for script in soup.find_all("script") if not script.get("src", "").startswith("/static/")]
