"""The RSS feeds as a feed reader sees them: parsed by feedparser, the parser many readers use.

feedparser reads almost anything; ``bozo`` is how it says the feed was not well-formed, so a
feed with ``bozo`` set is one that stricter readers reject.
"""

import datetime
from urllib.parse import urlsplit

import feedparser
import pytest
from bs4 import BeautifulSoup

from ..factories import AuthorFactory, BlogCategoryFactory, BlogPageFactory


@pytest.fixture
def posts(blog_index):
    data = BlogCategoryFactory(name="Data & <Models>", slug="data")
    author = AuthorFactory(name="Lynda Hardman")
    return [
        BlogPageFactory(
            parent=blog_index,
            title=f"Pandas & <friends>, part {n}",
            date=datetime.date(2022, 5, 17) - datetime.timedelta(days=n),
            lead="What pandas eat, and why it matters for <data> & models.",
            authors=[author],
            categories=[data] if n % 2 == 0 else [],
        )
        for n in range(4)
    ]


def parse(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    feed = feedparser.parse(response.content)
    assert not feed.bozo, f"{url} is not a well-formed feed: {feed.get('bozo_exception')}"
    assert feed.version == "rss20"
    return feed


def assert_absolute(url):
    parts = urlsplit(url)
    assert parts.scheme in {"http", "https"} and parts.netloc, f"not an absolute link: {url!r}"
    return parts


def assert_entries(feed, posts):
    assert [entry.title for entry in feed.entries] == [post.title for post in posts]
    for entry, post in zip(feed.entries, posts, strict=True):
        assert assert_absolute(entry.link).path == post.url
        assert entry.published_parsed[:3] == post.date.timetuple()[:3], entry.published
        # The summary is HTML: a reader shows the lead's "<data>" as written.
        assert BeautifulSoup(entry.summary, "html.parser").get_text() == post.lead
        assert entry.author == "Lynda Hardman"


def test_the_blog_feed_reads_as_rss(posts, client):
    feed = parse(client, "/blog/feed/")
    assert assert_absolute(feed.feed.link).path == "/blog/"
    assert feed.feed.title == "Amsterdam Data Science: Blog"
    assert_entries(feed, posts)


def test_a_category_feed_reads_as_rss(posts, client):
    feed = parse(client, "/blog/category/data/feed/")
    assert assert_absolute(feed.feed.link).path == "/blog/category/data/"
    assert feed.feed.title == "Amsterdam Data Science: Data & <Models>"
    assert_entries(feed, posts[::2])


def test_a_broken_feed_is_noticed(posts, client):
    """The check above is real: the same feed cut short is not well-formed."""
    content = client.get("/blog/feed/").content
    assert feedparser.parse(content[: len(content) // 2]).bozo
