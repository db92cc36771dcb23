"""Without Redis, every process of the site shares one cache in files (mysite/settings/base.py).

A change made in one process (a publish in one gunicorn worker) clears the pages every other
process serves. `make shared-cache-check` (bench/shared_cache_check.py) shows it with two real
gunicorn workers.
"""

import os
import runpy
import subprocess
import sys

from django.conf import settings

from base.cache import _generation, clear_page_caches

BASE_SETTINGS = str(settings.BASE_DIR / "mysite" / "settings" / "base.py")


def base_settings(monkeypatch, **environ):
    for name in ("REDIS_URL", "CACHE_DIR", "PAGE_CACHE_SECONDS", "FRAGMENT_CACHE_SECONDS"):
        monkeypatch.delenv(name, raising=False)
    for name, value in environ.items():
        monkeypatch.setenv(name, value)
    return runpy.run_path(BASE_SETTINGS)


def test_without_redis_the_cache_is_files_in_the_data_folder_and_pages_are_cached(monkeypatch):
    values = base_settings(monkeypatch)
    cache_settings = values["CACHES"]["default"]
    assert cache_settings["BACKEND"] == "django.core.cache.backends.filebased.FileBasedCache"
    assert cache_settings["LOCATION"] == settings.BASE_DIR / "data" / "cache"
    assert values["PAGE_CACHE_SECONDS"] == 600
    assert values["FRAGMENT_CACHE_SECONDS"] == 600


def test_the_folder_can_be_named_and_redis_chosen_instead(monkeypatch, tmp_path):
    assert base_settings(monkeypatch, CACHE_DIR=str(tmp_path))["CACHES"]["default"]["LOCATION"] == str(
        tmp_path
    )
    redis = base_settings(monkeypatch, REDIS_URL="redis://127.0.0.1:6379/1")["CACHES"]["default"]
    assert redis["BACKEND"] == "django_redis.cache.RedisCache"


def test_the_data_folder_is_never_committed():
    ignored = subprocess.run(  # noqa: S603
        ["git", "check-ignore", "data/cache/page.djcache"],  # noqa: S607
        cwd=settings.BASE_DIR,
        capture_output=True,
    )
    assert ignored.returncode == 0


IN_ANOTHER_PROCESS = """
import django
django.setup()
from base.cache import _generation, _clear_now
print(_generation())
if "clear" in __import__("sys").argv:
    _clear_now()
    print(_generation())
"""


def another_process(*args: str) -> list[str]:
    """Run IN_ANOTHER_PROCESS with this test run's settings (the same cache folder)."""
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", IN_ANOTHER_PROCESS, *args],
        cwd=settings.BASE_DIR,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "mysite.settings.test"},
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout.split()


def test_another_process_sees_this_ones_cache_and_clears_it_for_this_one(db, change):
    here = _generation()
    assert another_process() == [here]  # what this process stored, the other reads

    seen_there, renewed_there = another_process("clear")
    assert seen_there == here
    assert renewed_there != here
    assert _generation() == renewed_there  # its change clears this process's pages too

    change(clear_page_caches)  # a publish here
    assert _generation() != renewed_there
    assert another_process() == [_generation()]
