"""Anonymous readers' pages come from the cache (base/cache.py); nobody else's do.

The test settings turn the page cache off, so that the query budgets measure real rendering;
these tests turn it on.
"""

import pytest
from django.contrib.messages import constants
from django.contrib.messages.storage.cookie import CookieStorage
from django.test import Client
from wagtail.contrib.search_promotions.models import Query

from newsletter.models import Subscriber
from tests.factories import BlogPageFactory

SEED_POST = "/blog/ai-research-with-china/"
READER_PAGES = [
    SEED_POST,
    "/",
    "/blog/",
    "/blog/?page=1",
    "/blog/category/china/",
    "/blog/author/lynda-hardman/",
    "/blog/feed/",
    "/blog/category/china/feed/",
    "/search/",
]


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 600


@pytest.mark.parametrize("url", READER_PAGES)
def test_a_repeated_anonymous_request_costs_at_most_two_queries(
    demo, client, django_assert_max_num_queries, url
):
    first = client.get(url)
    assert first.status_code == 200
    with django_assert_max_num_queries(2):
        again = client.get(url)
    assert again.status_code == 200
    assert again.content == first.content


@pytest.mark.parametrize("url", [SEED_POST, "/", "/blog/feed/"])
def test_a_page_from_the_cache_carries_the_same_security_headers(demo, client, url):
    """The page cache sits outside the two policy middlewares: a page is kept with their
    headers, which a cached answer must still carry."""
    first = client.get(url)
    again = client.get(url)
    for header in ("Content-Security-Policy", "Permissions-Policy", "X-Content-Type-Options"):
        assert first[header]
        assert again[header] == first[header]
    assert "script-src 'self'" in again["Content-Security-Policy"]


def test_anonymous_pages_may_be_kept_by_shared_caches_for_longer_than_by_browsers(demo, client):
    response = client.get(SEED_POST)
    cache_control = {part.strip() for part in response["Cache-Control"].split(",")}
    assert cache_control == {"public", "max-age=60", "s-maxage=600"}
    assert not response.cookies


def test_the_query_string_is_part_of_the_key(demo, client):
    for number in range(12):  # a second page of posts
        BlogPageFactory(parent=demo.get_parent(), title=f"Filler post {number}")
    first = client.get("/blog/", {"page": 1}).content
    second = client.get("/blog/", {"page": 2}).content
    assert first != second
    assert client.get("/blog/", {"page": 1}).content == first
    assert client.get("/blog/", {"page": 2}).content == second


def test_every_search_reaches_the_view_and_is_counted(demo, client):
    for _ in range(3):
        response = client.get("/search/", {"query": "china"})
        assert response.status_code == 200
        assert "no-store" in response["Cache-Control"]
        assert "private" in response["Cache-Control"]
    assert Query.get("china").hits == 3


def test_post_pages_carry_no_csrf_token_and_the_signup_still_works(demo):
    client = Client(enforce_csrf_checks=True)
    page = client.get(SEED_POST)
    assert b"csrfmiddlewaretoken" not in page.content
    assert "csrftoken" not in page.cookies
    response = client.post(
        "/newsletter/subscribe/",
        {"first_name": "Ada", "surname": "Lovelace", "email": "ada@example.com", "next": SEED_POST},
    )
    assert response.status_code == 302
    assert Subscriber.objects.filter(email="ada@example.com").exists()


def test_logged_in_editors_are_never_served_or_stored_from_the_cache(demo, admin_client, client):
    admin_client.get(SEED_POST)
    response = admin_client.get(SEED_POST)
    assert "private" in response["Cache-Control"]
    assert "no-store" in response["Cache-Control"]
    # The editor's page (with the user bar) was not stored for readers either.
    reader_page = client.get(SEED_POST)
    assert b"wagtail-userbar" not in reader_page.content
    assert "public" in reader_page["Cache-Control"]


def test_an_editor_sees_their_own_page_not_the_readers_copy(demo, admin_client, client):
    client.get(SEED_POST)  # the readers' copy is now cached
    assert b"wagtail-userbar" in admin_client.get(SEED_POST).content


@pytest.mark.parametrize("path", ["edit/preview/", "view_draft/"])
def test_previews_are_not_cached(demo, admin_client, path):
    response = admin_client.get(f"/admin/pages/{demo.pk}/{path}")
    assert response.status_code == 200
    assert "public" not in response["Cache-Control"]
    assert "no-store" in response["Cache-Control"]


def test_the_page_after_a_signup_shows_its_message_to_that_reader_only(demo, client):
    client.get(SEED_POST)  # cached without a message
    response = client.post(
        "/newsletter/subscribe/",
        {"first_name": "Ada", "surname": "Lovelace", "email": "ada@example.com", "next": SEED_POST},
        follow=True,
    )
    assert b"Please check your inbox" in response.content
    assert "public" not in response["Cache-Control"]
    assert b"Please check your inbox" not in Client().get(SEED_POST).content


def test_a_reader_with_a_messages_cookie_is_not_served_the_cached_page(demo, client, rf):
    client.get(SEED_POST)
    request = rf.get(SEED_POST)
    storage = CookieStorage(request)
    storage.add(constants.SUCCESS, "A message for one reader")
    carrier = client.get("/robots.txt")  # any response to carry the messages cookie
    storage.update(carrier)
    client.cookies["messages"] = carrier.cookies["messages"].value
    assert b"A message for one reader" in client.get(SEED_POST).content


def test_form_responses_are_not_cached(demo, client):
    invalid = client.post("/newsletter/subscribe/", {"email": "not an address", "next": SEED_POST})
    assert invalid.status_code == 400
    assert b"not an address" in invalid.content
    assert "public" not in invalid.get("Cache-Control", "")
    assert b"not an address" not in client.get(SEED_POST).content
