"""RSS feeds of the blog and of each category, and the pages that point feed readers to them."""

import datetime
import html
import xml.etree.ElementTree as ET
from email.utils import parsedate_to_datetime
from urllib.parse import urlsplit

import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from blog.feeds import FEED_LENGTH

from ..conftest import soup_of
from ..factories import AuthorFactory, BlogCategoryFactory, BlogIndexPageFactory, BlogPageFactory

DC_CREATOR = "{http://purl.org/dc/elements/1.1/}creator"


def get_feed(client, url):
    """The feed's <channel>, after checking it is served and parses as RSS 2.0."""
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"].startswith("application/rss+xml")
    rss = ET.fromstring(response.content)  # noqa: S314 - the site's own output, in a test
    assert (rss.tag, rss.get("version")) == ("rss", "2.0")
    channel = rss.find("channel")
    assert channel is not None
    return channel


def item_titles(channel):
    return [item.findtext("title") for item in channel.findall("item")]


def item_for(channel, title):
    return next(item for item in channel.findall("item") if item.findtext("title") == title)


def assert_absolute(url):
    parts = urlsplit(url)
    assert parts.scheme in {"http", "https"} and parts.netloc, url
    return parts


@pytest.fixture
def data(blog_index):
    return BlogCategoryFactory(name="Data", slug="data")


@pytest.fixture
def post(blog_index, data):
    return BlogPageFactory(
        parent=blog_index,
        title="Pandas & <friends>",
        date=datetime.date(2022, 5, 17),
        lead="What pandas eat, and why it matters for <data> & models.",
        authors=[
            AuthorFactory(name="Lynda Hardman", role="Director"),
            AuthorFactory(name="Anita de Waard", role=""),
        ],
        categories=[data, BlogCategoryFactory(name="Research & Policy")],
    )


def test_blog_feed_is_rss_describing_the_blog(post, client):
    channel = get_feed(client, "/blog/feed/")
    assert "Blog" in channel.findtext("title")
    assert assert_absolute(channel.findtext("link")).path == "/blog/"
    assert channel.findtext("description")


def test_feed_item_has_title_link_lead_authors_date_and_categories(post, client):
    item = item_for(get_feed(client, "/blog/feed/"), post.title)
    assert assert_absolute(item.findtext("link")).path == post.url
    # RSS readers take the description as HTML: the lead's "<data>" arrives escaped, as text.
    assert item.findtext("description") == html.escape(post.lead, quote=False)
    creators = [creator.text for creator in item.findall(DC_CREATOR)]
    names = [name for creator in creators for name in creator.split(", ")]
    assert names == ["Lynda Hardman", "Anita de Waard"]
    published = parsedate_to_datetime(item.findtext("pubDate"))
    assert timezone.localtime(published).date() == post.date
    assert sorted(category.text for category in item.findall("category")) == ["Data", "Research & Policy"]


@pytest.fixture
def many_posts(blog_index, data):
    """More posts than a feed holds, "Post 00" the newest; every other one in Data."""
    first = datetime.date(2020, 1, 1)
    count = FEED_LENGTH + 5
    return [
        BlogPageFactory(
            parent=blog_index,
            title=f"Post {n:02}",
            date=first + datetime.timedelta(days=count - n),
            categories=[data] if n % 2 == 0 else [],
        )
        for n in range(count)
    ]


def test_blog_feed_lists_the_newest_posts_newest_first(many_posts, client):
    assert item_titles(get_feed(client, "/blog/feed/")) == [f"Post {n:02}" for n in range(FEED_LENGTH)]


def test_blog_feed_leaves_out_drafts_private_posts_and_other_blogs(site, blog_index, client):
    day = datetime.date(2022, 1, 1)
    BlogPageFactory(parent=blog_index, title="Public", date=day)
    BlogPageFactory(parent=blog_index, title="Draft", date=day, live=False)
    private = BlogPageFactory(parent=blog_index, title="Private", date=day)
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    news = BlogIndexPageFactory(parent=site.root_page, title="News", slug="news")
    BlogPageFactory(parent=news, title="News item", date=day)
    assert item_titles(get_feed(client, "/blog/feed/")) == ["Public"]
    assert item_titles(get_feed(client, "/news/feed/")) == ["News item"]


def test_category_feed_lists_only_that_categorys_posts(many_posts, data, client):
    channel = get_feed(client, "/blog/category/data/feed/")
    in_data = [post.title for post in many_posts if data in post.categories.all()]
    assert item_titles(channel) == in_data
    assert "Data" in channel.findtext("title")
    assert assert_absolute(channel.findtext("link")).path == "/blog/category/data/"


def test_category_feed_leaves_out_drafts(blog_index, data, client):
    BlogPageFactory(parent=blog_index, title="Live", categories=[data])
    BlogPageFactory(parent=blog_index, title="Draft", categories=[data], live=False)
    assert item_titles(get_feed(client, "/blog/category/data/feed/")) == ["Live"]


def test_feed_of_an_unknown_category_is_not_found(blog_index, data, client):
    assert client.get("/blog/category/no-such-category/feed/").status_code == 404


def test_empty_feed_is_still_valid_rss(blog_index, data, client):
    assert item_titles(get_feed(client, "/blog/category/data/feed/")) == []


# Pages point feed readers to the feeds -----------------------------------------------------------


def feed_links(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    links = soup_of(response).find("head").find_all("link", rel="alternate", type="application/rss+xml")
    return [link["href"] for link in links]


@pytest.mark.parametrize("page", ["home", "index", "post", "author"])
def test_pages_link_to_the_blog_feed(post, client, page):
    url = {
        "home": "/",
        "index": "/blog/",
        "post": post.url,
        "author": "/blog/author/lynda-hardman/",
    }[page]
    links = feed_links(client, url)
    assert [urlsplit(href).path for href in links] == ["/blog/feed/"]
    # The link leads to the feed.
    assert item_titles(get_feed(client, links[0])) == [post.title]


def test_category_page_links_to_its_own_feed_and_the_blog_feed(post, data, client):
    links = [urlsplit(href).path for href in feed_links(client, "/blog/category/data/")]
    assert sorted(links) == ["/blog/category/data/feed/", "/blog/feed/"]
