import hashlib
import os
import tempfile
from urllib.parse import urlsplit, urlunsplit

from .base import *  # noqa: F403

# `make test` runs the suite in one process per core (pytest-xdist): each has its own test
# database (pytest-django adds the worker's name), media folder and Redis database.
WORKER = os.environ.get("PYTEST_XDIST_WORKER", "")
# Throwaway files are named after the checkout too: two clones may run their tests at once.
CHECKOUT = hashlib.sha256(str(BASE_DIR).encode()).hexdigest()[:8]  # noqa: F405

SECRET_KEY = "test-only-key"  # noqa: S105
ALLOWED_HOSTS = ["*"]
# The address Django's test client asks for; tests of other addresses override it.
SITE_URL = "http://testserver"
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Uploaded and generated images go to a throwaway folder, never the project's media/.
MEDIA_ROOT = Path(tempfile.gettempdir()) / f"mysite-test-media{WORKER and '-' + WORKER}"  # noqa: F405
# Tests never run collectstatic; an empty folder keeps whitenoise from warning on every request.
STATIC_ROOT = Path(tempfile.gettempdir()) / "mysite-test-static"  # noqa: F405
STATIC_ROOT.mkdir(exist_ok=True)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# On SQLite, the test database is a file, as in production (WAL, one writer at a time, the others
# wait their turn), not SQLite's shared in-memory database, where a second writer fails at once
# ("database table is locked"): the browser tests keep Wagtail's autosave and editing-session
# pings on. pytest-django adds the worker's name to the file's.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    test_database = Path(tempfile.gettempdir()) / f"mysite-test-{CHECKOUT}.sqlite3"  # noqa: F405
    DATABASES["default"]["TEST"] = {"NAME": str(test_database)}  # noqa: F405
# Tests must not reach the network for oEmbed.
WAGTAILEMBEDS_FINDERS = [{"class": "tests.embed_finder.OfflineEmbedFinder"}]
# Tests measure the real rendering; tests/caching/ turns the page cache on where it is the subject.
PAGE_CACHE_SECONDS = 0
# The site's chrome and "Read more" are cached as in production.
FRAGMENT_CACHE_SECONDS = 600
# django-axes needs the request to authenticate, which the test client's login() does not pass;
# tests/security/test_login_throttle.py switches it on.
AXES_ENABLED = False

if CACHES["default"]["BACKEND"].endswith("FileBasedCache"):  # noqa: F405
    # The file cache of production, in a folder of the test run's own (one per worker), or the
    # one CACHE_DIR names (make bench: one per site it builds).
    CACHES["default"]["LOCATION"] = os.environ.get("CACHE_DIR") or (  # noqa: F405
        Path(tempfile.gettempdir()) / f"mysite-test-cache-{CHECKOUT}{WORKER}"  # noqa: F405
    )
if WORKER and CACHES["default"]["BACKEND"].startswith("django_redis"):  # noqa: F405
    # Clearing a django-redis cache empties its whole Redis database: one database per worker,
    # counting down from the one REDIS_URL names (CI: 15, 14, …) among Redis's 16.
    redis_url = urlsplit(CACHES["default"]["LOCATION"])  # noqa: F405
    database = (int(redis_url.path.strip("/") or 0) - int(WORKER.removeprefix("gw"))) % 16
    CACHES["default"]["LOCATION"] = urlunsplit(redis_url._replace(path=f"/{database}"))  # noqa: F405
