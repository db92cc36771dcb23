"""Playwright drives Debian's Chromium (/usr/bin/chromium); browsers are never downloaded."""

import os
from pathlib import Path

import pytest
from playwright.sync_api import expect

from base.sites import sync_default_site

from ..conftest import copy_tables
from .editing import ANIMATIONS_FINISHED

# Playwright's sync API runs an event loop in the test thread; Django's ORM must still be usable there.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

# make test runs the suite on every core, so a page may take longer to answer than Playwright's
# default 5 s allows (a preview rendering while another worker builds 600 posts).
expect.set_options(timeout=15_000)

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"


@pytest.fixture(scope="session")
def browser_type_launch_args():
    return {
        "executable_path": CHROMIUM,
        "headless": True,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
        ],
    }


@pytest.fixture
def demo_site(live_server, transactional_db, demo_state, settings):
    """The live server with the demo content loaded, as `make run` shows it: its address is the
    site's public address (SITE_URL), which e-mails and canonical links give. The content is
    load_demo's, copied in from the state it made once for this test process (tests/conftest.py)."""
    settings.SITE_URL = live_server.url
    copy_tables(demo_state, source="demo_", target="")
    sync_default_site()
    return live_server


@pytest.fixture
def screenshot(page):
    """Save a full-page screenshot under test-artifacts/screenshots/ (git-ignored)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    def take(name: str):
        page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)

    return take


@pytest.fixture
def desktop(page):
    """A desktop-sized window, with room for slow answers while every core runs tests."""
    page.set_viewport_size({"width": 1280, "height": 900})
    page.set_default_timeout(15_000)


@pytest.fixture
def shot(page, screenshot):
    """A screenshot of the step once the screen has come to rest, as the person sees it."""

    def take(name: str):
        page.evaluate(ANIMATIONS_FINISHED)
        screenshot(name)

    return take
