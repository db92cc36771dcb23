"""Structured data and sharing cards as crawlers read them: extracted by extruct (the library
behind many SEO tools) from the demo site's pages, then checked field by field against what
schema.org, Google's Article/BlogPosting, breadcrumb and sitelinks-search-box guidelines and
OpenGraph ask for.
"""

import datetime
from urllib.parse import urlsplit

import extruct
import pytest

pytestmark = pytest.mark.django_db

SEED_POST = "/blog/ai-research-with-china/"
PAGES = ["/", "/blog/", "/blog/?page=1", "/blog/category/china/", "/blog/author/lynda-hardman/", SEED_POST]
# What OpenGraph requires of every page (og:image absolute) and what sharing cards use besides.
OPENGRAPH = ["og:title", "og:type", "og:url", "og:image", "og:description", "og:site_name"]


def extract(client, url) -> dict:
    response = client.get(url)
    assert response.status_code == 200, url
    return extruct.extract(
        response.content.decode(), base_url="http://testserver" + url, syntaxes=["json-ld", "opengraph"]
    )


def nodes(data) -> dict:
    (block,) = data["json-ld"]
    assert block["@context"] == "https://schema.org"
    return {node["@type"]: node for node in block["@graph"]}


def absolute(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in {"http", "https"} and bool(parts.netloc)


def moment(value: str) -> datetime.datetime:
    """An ISO 8601 date-time with its zone (a bare date is refused)."""
    parsed = datetime.datetime.fromisoformat(value)
    assert "T" in value and parsed.utcoffset() is not None, value
    return parsed


def assert_image_object(image):
    assert image["@type"] == "ImageObject"
    assert absolute(image["url"])
    assert image["width"] > 0 and image["height"] > 0


@pytest.mark.parametrize("url", PAGES)
def test_every_page_has_a_complete_sharing_card(demo, client, url):
    (card,) = extract(client, url)["opengraph"]
    properties = dict(card["properties"])
    missing = [name for name in OPENGRAPH if not properties.get(name)]
    assert not missing, f"{url} lacks {missing}"
    assert absolute(properties["og:image"]) and absolute(properties["og:url"])
    assert properties["og:type"] == ("article" if url == SEED_POST else "website")


def test_the_post_is_a_blog_posting_as_google_asks(demo, client):
    graph = nodes(extract(client, SEED_POST))
    post = graph["BlogPosting"]
    assert post["headline"] == demo.title
    assert moment(post["datePublished"]) <= moment(post["dateModified"])
    assert_image_object(post["image"])
    assert post["author"] and all(
        author["@type"] == "Person" and author["name"] and absolute(author["url"])
        for author in post["author"]
    )
    publisher = post["publisher"]
    assert publisher["@type"] == "Organization" and publisher["name"] and absolute(publisher["url"])
    assert_image_object(publisher["logo"])
    assert post["mainEntityOfPage"] == post["url"]
    # Each author's page answers.
    for author in post["author"]:
        assert client.get(urlsplit(author["url"]).path).status_code == 200


@pytest.mark.parametrize("url", [url for url in PAGES if url != "/"])
def test_breadcrumbs_are_a_list_from_the_home_page(demo, client, url):
    crumbs = nodes(extract(client, url))["BreadcrumbList"]["itemListElement"]
    assert [crumb["position"] for crumb in crumbs] == list(range(1, len(crumbs) + 1))
    assert all(crumb["@type"] == "ListItem" and crumb["name"] and absolute(crumb["item"]) for crumb in crumbs)
    assert urlsplit(crumbs[0]["item"]).path == "/"
    assert urlsplit(crumbs[-1]["item"]).path == urlsplit(url).path
    for crumb in crumbs:
        assert client.get(urlsplit(crumb["item"]).path).status_code == 200


def test_the_home_page_offers_a_search_box(demo, client):
    graph = nodes(extract(client, "/"))
    action = graph["WebSite"]["potentialAction"]
    template = action["target"]["urlTemplate"]
    name = action["query-input"].removeprefix("required name=")
    assert "{" + name + "}" in template and absolute(template)
    response = client.get(urlsplit(template.replace("{" + name + "}", "china")).path, {"query": "china"})
    assert response.status_code == 200
    assert f'href="{demo.url}"' in response.content.decode()
    assert_image_object(graph["Organization"]["logo"])
