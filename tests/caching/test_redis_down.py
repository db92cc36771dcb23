"""With Redis down, the site keeps serving from the database (the CACHES block in settings)."""

import runpy
import socket

import pytest
from django.conf import settings as django_settings
from django.core.cache import cache, caches

from newsletter.models import Subscriber
from tests.newsletter.conftest import SUBSCRIBE_URL, signup

SEED_POST = "/blog/ai-research-with-china/"


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]  # closed again when the block ends: nothing answers there


@pytest.fixture
def redis_down(settings, monkeypatch):
    monkeypatch.setenv("REDIS_URL", f"redis://127.0.0.1:{closed_port()}/0")
    base = runpy.run_path(str(django_settings.BASE_DIR / "mysite" / "settings" / "base.py"))
    settings.CACHES = base["CACHES"]
    settings.PAGE_CACHE_SECONDS = 600


def test_the_settings_use_redis_when_redis_url_is_set(redis_down):
    assert type(caches["default"]).__module__ == "django_redis.cache"
    cache.set("key", "value")
    assert cache.get("key") is None  # nothing stored, nothing raised


@pytest.mark.parametrize("url", ["/", "/blog/ai-research-with-china/", "/blog/", "/search/?query=china"])
def test_pages_still_answer(demo, redis_down, client, url):
    assert client.get(url).status_code == 200
    assert client.get(url).status_code == 200


def test_a_newsletter_signup_still_works(demo, redis_down, client, mailoutbox):
    # The signup's rate limits count in the cache; without it they let people through
    # (RATELIMIT_FAIL_OPEN) rather than turn everyone away. Double opt-in still guards the list.
    response = client.post(SUBSCRIBE_URL, {**signup(), "next": SEED_POST})
    assert response.status_code == 302
    subscriber = Subscriber.objects.get(email="lynda@example.com")
    assert subscriber.status == Subscriber.Status.PENDING
    assert [message.to for message in mailoutbox] == [["lynda@example.com"]]
