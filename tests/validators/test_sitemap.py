"""/sitemap.xml against the sitemaps.org 0.9 XML Schema, as search engines read it.

``sitemap.xsd`` beside this file is the schema sitemaps.org publishes at
http://www.sitemaps.org/schemas/sitemap/0.9/sitemap.xsd (last modified 2008-03-26; sitemaps.org's
content is offered under the Creative Commons Attribution-ShareAlike licence), kept here so the
check needs no network.
"""

import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import xmlschema

from ..factories import AuthorFactory, BlogCategoryFactory, BlogPageFactory

SCHEMA = xmlschema.XMLSchema(Path(__file__).with_name("sitemap.xsd"))


@pytest.fixture
def sitemap(blog_index, client) -> str:
    BlogPageFactory(
        parent=blog_index,
        title="Pandas & <friends>",
        slug="pandas-friends",
        authors=[AuthorFactory(name="Lynda Hardman")],
        categories=[BlogCategoryFactory(name="Data & Models", slug="data-models")],
    )
    BlogPageFactory(parent=blog_index, title="Second post")
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    return response.content.decode()


def schema_errors(xml: str) -> list[str]:
    return [f"{error.path}: {error.reason}" for error in SCHEMA.iter_errors(xml)]


def test_the_sitemap_is_valid_by_the_sitemaps_schema(sitemap):
    assert schema_errors(sitemap) == []
    # Valid, and not empty: the home page, the blog, its posts and the category.
    paths = {urlsplit(loc).path for loc in re.findall(r"<loc>(.*?)</loc>", sitemap)}
    assert {
        "/",
        "/blog/",
        "/blog/pandas-friends/",
        "/blog/second-post/",
        "/blog/category/data-models/",
    } <= paths


FIRST_LOC = r"<loc>(https?://[^/<]+)(.*?)</loc>"


@pytest.mark.parametrize(
    "mistake",
    [
        r"<loc>\2</loc>",  # a relative address
        "",  # a url without its address
        r"\g<0><priority>2</priority>",  # a priority over 1.0
        r"\g<0><lastmod>yesterday</lastmod>",  # a date not in the W3C format
        r"\g<0><loc>\1/again/</loc>",  # two addresses in one url
    ],
)
def test_a_broken_sitemap_fails_the_schema(sitemap, mistake):
    """The check above is real: each of these mistakes, made in the first url, is caught."""
    broken = re.sub(FIRST_LOC, mistake, sitemap, count=1)
    assert broken != sitemap
    assert schema_errors(broken)


def test_a_sitemap_in_another_namespace_fails_the_schema(sitemap):
    assert schema_errors(sitemap.replace("/schemas/sitemap/0.9", "/schemas/sitemap/0.8"))
