"""The site's public address (SITE_URL, base/sites.py): kept in the default Site by migrate and
load_demo, and used by every address the site gives out, whatever Host a request names."""

import io
import re

import feedparser
import pytest
from django.core import mail
from django.core.management import call_command
from wagtail.models import Site

from base.sites import SiteURLError, check_public_address, parse_site_url, sync_default_site

from ..conftest import soup_of
from ..factories import AuthorFactory, BlogPageFactory, HomePageFactory, ImageFactory

PUBLIC = "https://www.example.org"
# Hosts a request may name: another allowed name, the server's own address, a proxy's.
HOSTS = ["example.org", "127.0.0.1:8000", "internal-proxy.local"]


@pytest.fixture
def public_site(settings, site):
    settings.SITE_URL = PUBLIC
    return sync_default_site()


@pytest.fixture
def post(blog_index):
    return BlogPageFactory(
        parent=blog_index, authors=[AuthorFactory(name="Writer")], listing_image=ImageFactory()
    )


def addresses_in(html: str) -> list[str]:
    """Every absolute http(s) address in a page's head and JSON-LD."""
    return re.findall(r"https?://[^\s\"'<>\\]+", html)


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://www.example.org", ("www.example.org", 443)),
        ("https://www.example.org/", ("www.example.org", 443)),
        ("http://127.0.0.1:8000", ("127.0.0.1", 8000)),
        ("http://example.org", ("example.org", 80)),
    ],
)
def test_site_url_as_a_wagtail_site(url, expected):
    assert parse_site_url(url) == expected


@pytest.mark.parametrize(
    "url",
    [
        "www.example.org",
        "ftp://example.org",
        "https://example.org/blog/",
        "https://example.org:8443",
        "https://",
    ],
)
def test_site_url_that_a_site_cannot_hold_is_refused(url):
    with pytest.raises(SiteURLError):
        parse_site_url(url)


def test_migrate_gives_the_default_site_the_public_address(settings, site):
    settings.SITE_URL = PUBLIC
    call_command("migrate", verbosity=0, stdout=io.StringIO())
    site.refresh_from_db()
    assert (site.hostname, site.port, site.root_url) == ("www.example.org", 443, PUBLIC)


def test_load_demo_gives_the_default_site_the_public_address(settings, demo):
    settings.SITE_URL = "http://blog.example.net:8080"
    call_command("load_demo", stdout=io.StringIO())
    assert Site.objects.get(is_default_site=True).root_url == "http://blog.example.net:8080"


@pytest.mark.parametrize("host", HOSTS)
def test_pages_give_the_public_address_whatever_the_host(public_site, post, client, host):
    for url in ["/", "/blog/", post.url, "/blog/author/writer/"]:
        response = client.get(url, HTTP_HOST=host)
        assert response.status_code == 200
        head = str(soup_of(response).head)
        found = addresses_in(head)
        assert any(address.startswith(f"{PUBLIC}{url}") for address in found), url
        own = [address for address in found if "schema.org" not in address]
        assert own and all(address.startswith(f"{PUBLIC}/") for address in own), (url, own)


@pytest.mark.parametrize("host", HOSTS)
def test_sitemap_feed_and_robots_give_the_public_address(public_site, post, client, host):
    sitemap = client.get("/sitemap.xml", HTTP_HOST=host).content.decode()
    locations = re.findall(r"<loc>(.*?)</loc>", sitemap)
    assert f"{PUBLIC}{post.url}" in locations
    assert all(location.startswith(f"{PUBLIC}/") for location in locations)

    feed = feedparser.parse(client.get("/blog/feed/", HTTP_HOST=host).content)
    assert feed.feed.link == f"{PUBLIC}/blog/"
    assert [entry.link for entry in feed.entries] == [f"{PUBLIC}{post.url}"]
    self_links = [link.href for link in feed.feed.links if link.rel == "self"]
    assert self_links == [f"{PUBLIC}/blog/feed/"]

    robots = client.get("/robots.txt", HTTP_HOST=host).content.decode()
    assert f"Sitemap: {PUBLIC}/sitemap.xml" in robots.splitlines()


def test_newsletter_emails_link_to_the_public_address(public_site, post, client):
    response = client.post(
        "/newsletter/subscribe/",
        {"first_name": "Zoë", "surname": "Đặng", "email": "zoe@example.com", "next": post.url},
        HTTP_HOST="internal-proxy.local",
    )
    assert response.status_code in {200, 302}
    (message,) = mail.outbox
    links = re.findall(r"https?://\S+", message.body)
    assert links and all(link.startswith(f"{PUBLIC}/newsletter/") for link in links)
    assert message.extra_headers["List-Unsubscribe"].startswith(f"<{PUBLIC}/newsletter/")


def test_each_site_gives_its_own_address(public_site, post, client):
    """A second site, set up in Settings → Sites, has its own address."""
    other_home = HomePageFactory(parent=public_site.root_page.get_parent(), title="Other", slug="other")
    Site.objects.create(hostname="other.example", port=443, root_page=other_home, site_name="Other")
    soup = soup_of(client.get("/", HTTP_HOST="other.example"))
    assert soup.find("link", rel="canonical")["href"] == "https://other.example/"
    assert soup.find("meta", property="og:site_name")["content"] == "Other"
    # The first site is unchanged.
    assert soup_of(client.get("/")).find("link", rel="canonical")["href"] == f"{PUBLIC}/"


# `manage.py check --deploy` ---------------------------------------------------------------------


def check_ids():
    return [message.id for message in check_public_address(None)]


def test_check_warns_without_a_site_url(settings, site):
    settings.SITE_URL = ""
    assert check_ids() == ["base.W001"]


def test_check_warns_while_the_site_is_still_local(settings, site):
    settings.SITE_URL = PUBLIC
    Site.objects.filter(pk=site.pk).update(hostname="localhost", port=80)
    assert check_ids() == ["base.W002"]
    sync_default_site()
    assert check_ids() == []


def test_check_refuses_an_address_a_site_cannot_hold(settings, site):
    settings.SITE_URL = "https://www.example.org:8443"
    assert check_ids() == ["base.E001"]
