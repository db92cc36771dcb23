"""What search engines and sharing cards read: titles, descriptions, canonical addresses,
OpenGraph and Twitter cards, JSON-LD, the sitemap and robots.txt."""

import datetime
import json
import xml.etree.ElementTree as ET
from urllib.parse import urljoin, urlsplit

import pytest
from wagtail.models import PageViewRestriction

from base.models import PUBLISHER_LOGO_FILTER, SOCIAL_IMAGE_FILTER, SharingSettings
from blog.models import POSTS_PER_PAGE, BlogIndexPage, BlogPage

from ..conftest import soup_of, text_of
from ..factories import AuthorFactory, BlogCategoryFactory, BlogPageFactory, ImageFactory, paragraph

SITE_NAME = "Amsterdam Data Science"
SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def get_soup(client, url, params=None):
    response = client.get(url, params)
    assert response.status_code == 200, (url, params)
    return soup_of(response)


def meta(soup, name):
    """The content of <meta name=…> or <meta property=…>, or None."""
    tag = soup.find("meta", attrs={"name": name}) or soup.find("meta", attrs={"property": name})
    return tag["content"] if tag else None


def canonical(soup):
    links = soup.find_all("link", rel="canonical")
    assert len(links) == 1
    return links[0]["href"]


def json_ld(soup) -> dict:
    """The page's one JSON-LD block: its @graph's nodes by @type."""
    scripts = soup.find_all("script", type="application/ld+json")
    assert len(scripts) == 1
    data = json.loads(scripts[0].string)
    assert data["@context"] == "https://schema.org"
    nodes = {node["@type"]: node for node in data["@graph"]}
    assert len(nodes) == len(data["@graph"])
    return nodes


def crumbs(soup) -> list[tuple[str, str]]:
    items = json_ld(soup)["BreadcrumbList"]["itemListElement"]
    assert [item["position"] for item in items] == list(range(1, len(items) + 1))
    return [(item["name"], item["item"]) for item in items]


def assert_absolute(url):
    parts = urlsplit(url)
    assert parts.scheme in {"http", "https"} and parts.netloc, url
    return parts


def published(page):
    """Published as editors do, through a revision, so it has a last published date."""
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def category(blog_index):
    return BlogCategoryFactory(name="Data & Society", slug="data-society")


@pytest.fixture
def post(blog_index, category):
    return published(
        BlogPageFactory(
            parent=blog_index,
            title="Data as a material",
            date=datetime.date(2021, 9, 13),
            lead="What happens when designers work with data the way they work with fabric?",
            authors=[
                AuthorFactory(name="Troy Nachtigall", role="Designer", affiliation="HvA"),
                AuthorFactory(name="Ann Other", role="", affiliation=""),
            ],
            categories=[category],
            listing_image=ImageFactory(),
        )
    )


# Every reader-facing page -----------------------------------------------------------------------


PAGES = {
    "home": lambda post: "/",
    "blog index": lambda post: "/blog/",
    "category page": lambda post: "/blog/category/data-society/",
    "author page": lambda post: "/blog/author/troy-nachtigall/",
    "post": lambda post: post.url,
}


@pytest.mark.parametrize("url_of", PAGES.values(), ids=PAGES.keys())
def test_every_page_has_title_description_canonical_and_sharing_card(post, client, url_of):
    url = url_of(post)
    soup = get_soup(client, url)
    title = text_of(soup.find("title"))
    # The site's name ends every title; the home page, whose title it is, says it once.
    assert title == SITE_NAME if url == "/" else title.endswith(f" | {SITE_NAME}")
    description = meta(soup, "description")
    assert description and description.strip() == description
    assert "<" not in description
    assert_absolute(canonical(soup))
    assert urlsplit(canonical(soup)).path == url
    assert meta(soup, "og:title") and meta(soup, "og:title") in title
    assert meta(soup, "og:description") == description
    assert meta(soup, "og:url") == canonical(soup)
    assert meta(soup, "og:site_name") == SITE_NAME
    assert meta(soup, "twitter:card") in {"summary", "summary_large_image"}


def test_titles_name_the_page(post, client):
    assert text_of(get_soup(client, "/blog/").find("title")) == f"Blog | {SITE_NAME}"
    assert text_of(get_soup(client, post.url).find("title")) == f"Data as a material | {SITE_NAME}"
    category_title = text_of(get_soup(client, "/blog/category/data-society/").find("title"))
    assert category_title.startswith("Data & Society") and category_title.endswith(SITE_NAME)
    assert meta(get_soup(client, "/blog/category/data-society/"), "og:title").startswith("Data & Society")


def test_seo_title_from_the_promote_tab_wins(post, client):
    post.seo_title = "Designing with data"
    published(post)
    soup = get_soup(client, post.url)
    assert text_of(soup.find("title")) == f"Designing with data | {SITE_NAME}"
    assert meta(soup, "og:title") == "Designing with data"


def test_the_site_name_is_said_once_where_it_is_the_title(post, home_page, client):
    # The home page's title is the site's name (the site fixture's, as load_demo's).
    assert home_page.title == SITE_NAME
    assert text_of(get_soup(client, "/").find("title")) == SITE_NAME
    # A post titled like the site, through its promote tab, likewise.
    post.seo_title = SITE_NAME
    published(post)
    assert text_of(get_soup(client, post.url).find("title")) == SITE_NAME


def test_a_title_with_markup_characters_is_escaped_once(post, client):
    response = client.get("/search/", {"query": "data & <society>"})
    title = soup_of(response).find("title")
    assert text_of(title) == f"Search results for “data & <society>” | {SITE_NAME}"
    assert "&amp;amp;" not in response.content.decode()


# Descriptions -----------------------------------------------------------------------------------


def test_post_description_is_its_lead(post, client):
    assert meta(get_soup(client, post.url), "description") == post.lead


def test_search_description_from_the_promote_tab_wins(post, home_page, blog_index, client):
    post.search_description = "A designer on treating data as fabric."
    published(post)
    home_page.search_description = "The Amsterdam Data Science blog & news."
    published(home_page)
    blog_index.search_description = "All our posts."
    published(blog_index)
    assert meta(get_soup(client, post.url), "description") == "A designer on treating data as fabric."
    assert meta(get_soup(client, "/"), "description") == "The Amsterdam Data Science blog & news."
    assert meta(get_soup(client, "/blog/"), "description") == "All our posts."


@pytest.mark.parametrize("page", ["home_page", "blog_index"])
def test_page_description_is_its_intro_without_tags(client, request, page):
    page = request.getfixturevalue(page)
    page.intro = '<p>News <b>and</b> <i>stories</i> from <a href="https://ads.example/">the network</a>.</p>'
    published(page)
    assert meta(get_soup(client, page.url), "description") == "News and stories from the network."


@pytest.mark.parametrize("page", ["home_page", "blog_index"])
def test_page_description_shows_characters_as_written(client, request, page):
    """Rich text stores "&" as "&amp;": stripping the tags must not leave the entity to be escaped again."""
    page = request.getfixturevalue(page)
    page.intro = "<p>Research &amp; news, “quoted” and <b>bold</b> &lt;tags&gt;.</p>"
    published(page)
    soup = get_soup(client, page.url)
    assert meta(soup, "description") == "Research & news, “quoted” and bold <tags>."
    assert meta(soup, "og:description") == "Research & news, “quoted” and bold <tags>."


@pytest.mark.parametrize("page", ["home_page", "blog_index"])
def test_description_is_never_empty(client, request, page):
    page = request.getfixturevalue(page)
    page.intro = ""
    page.search_description = ""
    published(page)
    assert meta(get_soup(client, page.url), "description").strip()


def test_category_page_without_intro_still_has_a_description(blog_index, category, client):
    blog_index.intro = ""
    published(blog_index)
    assert meta(get_soup(client, "/blog/category/data-society/"), "description").strip()


# Canonical addresses ----------------------------------------------------------------------------


@pytest.fixture
def two_pages_of_posts(blog_index, category):
    first = datetime.date(2020, 1, 1)
    for n in range(POSTS_PER_PAGE + 1):
        BlogPageFactory(parent=blog_index, date=first + datetime.timedelta(days=n), categories=[category])


@pytest.mark.parametrize("url", ["/blog/", "/blog/category/data-society/"])
@pytest.mark.parametrize(
    ("params", "expected_query"),
    [
        pytest.param({}, "", id="no-query"),
        pytest.param({"page": "1"}, "", id="page-1"),
        pytest.param({"page": "2"}, "?page=2", id="page-2"),
        pytest.param(
            {"page": "2", "utm_source": "newsletter", "fbclid": "x"}, "?page=2", id="page-2-tracking"
        ),
        pytest.param({"utm_source": "newsletter"}, "", id="tracking-only"),
        pytest.param({"page": "abc"}, "", id="page-abc"),
        pytest.param({"page": "-1"}, "", id="page-minus-1"),
        pytest.param({"page": "0"}, "", id="page-0"),
        pytest.param({"page": "99999"}, "?page=2", id="page-99999"),
    ],
)
def test_canonical_address_of_a_listing(two_pages_of_posts, client, url, params, expected_query):
    """Absolute; the page number kept for the page really shown when it is not the first; nothing else."""
    soup = get_soup(client, url, params)
    assert canonical(soup) == f"http://testserver{url}{expected_query}"
    assert meta(soup, "og:url") == canonical(soup)


@pytest.mark.parametrize(
    "params",
    [
        pytest.param({}, id="no-query"),
        pytest.param({"utm_source": "x"}, id="tracking"),
        pytest.param({"page": "2"}, id="page-2"),
        pytest.param({"page": "3", "ref": "y"}, id="page-3-tracking"),
    ],
)
def test_canonical_address_of_a_post_has_no_query(post, client, params):
    """A post has one page: nothing in the query string makes another."""
    assert canonical(get_soup(client, post.url, params)) == f"http://testserver{post.url}"


# Sharing cards ----------------------------------------------------------------------------------


def test_post_with_listing_image_has_a_large_sharing_card(post, client):
    soup = get_soup(client, post.url)
    assert meta(soup, "og:type") == "article"
    image_url = meta(soup, "og:image")
    rendition = post.listing_image.get_rendition(SOCIAL_IMAGE_FILTER)
    assert (rendition.width, rendition.height) == (1200, 630)
    assert assert_absolute(image_url).path == rendition.url
    assert (meta(soup, "og:image:width"), meta(soup, "og:image:height")) == ("1200", "630")
    assert meta(soup, "twitter:card") == "summary_large_image"
    assert meta(soup, "twitter:image") == image_url
    assert rendition.file.storage.exists(rendition.file.name)


def test_post_without_image_has_a_small_card(blog_index, client):
    post = BlogPageFactory(parent=blog_index, listing_image=None)
    soup = get_soup(client, post.url)
    assert meta(soup, "og:type") == "article"
    assert meta(soup, "og:image") is None
    assert meta(soup, "twitter:card") == "summary"
    assert "image" not in json_ld(soup)["BlogPosting"]


LISTINGS = ["/", "/blog/", "/blog/category/data-society/", "/blog/author/troy-nachtigall/"]


@pytest.mark.parametrize("url", LISTINGS)
def test_other_pages_are_websites_with_a_small_card(post, client, url):
    soup = get_soup(client, url)
    assert meta(soup, "og:type") == "website"
    assert meta(soup, "twitter:card") == "summary"
    assert "BlogPosting" not in json_ld(soup)


@pytest.fixture
def sharing(site):
    """Settings → Search and sharing, filled in by a site manager."""
    settings = SharingSettings.for_site(site)
    settings.publisher_logo = ImageFactory(file__width=800, file__height=200)
    settings.default_image = ImageFactory(
        title="Our network", description="People at a meetup", file__width=1600, file__height=900
    )
    settings.save()
    return settings


@pytest.mark.parametrize("url", LISTINGS)
def test_pages_without_a_picture_share_the_default_image(post, sharing, client, url):
    soup = get_soup(client, url)
    rendition = sharing.default_image.get_rendition(SOCIAL_IMAGE_FILTER)
    assert meta(soup, "og:image") == f"http://testserver{rendition.url}"
    assert (meta(soup, "og:image:width"), meta(soup, "og:image:height")) == ("1200", "630")
    assert meta(soup, "og:image:alt") == "People at a meetup"
    assert meta(soup, "twitter:card") == "summary_large_image"
    assert meta(soup, "twitter:image") == meta(soup, "og:image")


def test_a_post_shares_its_own_picture_over_the_default(post, sharing, client):
    soup = get_soup(client, post.url)
    assert meta(soup, "og:image").endswith(post.listing_image.get_rendition(SOCIAL_IMAGE_FILTER).url)
    picture = BlogPageFactory(parent=post.get_parent(), listing_image=None)
    assert meta(get_soup(client, picture.url), "og:image").endswith(
        sharing.default_image.get_rendition(SOCIAL_IMAGE_FILTER).url
    )


def test_a_new_default_image_is_shared_at_once(post, sharing, client, django_capture_on_commit_callbacks):
    get_soup(client, "/blog/")  # the defaults are kept (FRAGMENT_CACHE_SECONDS, as in production)
    with django_capture_on_commit_callbacks(execute=True):
        sharing.default_image = ImageFactory(title="Another picture")
        sharing.save()
    rendition = sharing.default_image.get_rendition(SOCIAL_IMAGE_FILTER)
    assert meta(get_soup(client, "/blog/"), "og:image") == f"http://testserver{rendition.url}"


# Structured data --------------------------------------------------------------------------------


def test_post_has_blog_posting_structured_data(post, client):
    soup = get_soup(client, post.url)
    data = json_ld(soup)["BlogPosting"]
    assert data["headline"] == post.title
    assert data["description"] == post.lead
    # Published long after its date: 09:00 on the date, Amsterdam time (summer: +02:00).
    assert data["datePublished"] == "2021-09-13T09:00:00+02:00"
    modified = datetime.datetime.fromisoformat(data["dateModified"])
    assert modified.utcoffset() is not None
    assert abs(modified - post.last_published_at) < datetime.timedelta(seconds=1)
    assert data["author"] == [
        {
            "@type": "Person",
            "name": "Troy Nachtigall",
            "url": "http://testserver/blog/author/troy-nachtigall/",
            "jobTitle": "Designer",
            "affiliation": {"@type": "Organization", "name": "HvA"},
        },
        {"@type": "Person", "name": "Ann Other", "url": "http://testserver/blog/author/ann-other/"},
    ]
    for author in data["author"]:
        assert client.get(urlsplit(author["url"]).path).status_code == 200
    assert data["image"] == {
        "@type": "ImageObject",
        "url": meta(soup, "og:image"),
        "width": 1200,
        "height": 630,
    }
    assert data["publisher"] == {
        "@type": "Organization",
        "@id": "http://testserver/#organization",
        "name": SITE_NAME,
        "url": "http://testserver/",
    }
    assert data["mainEntityOfPage"] == data["url"] == canonical(soup)
    assert data["keywords"] == ["Data & Society"]


def test_a_post_published_on_its_date_says_when(blog_index, client):
    post = published(BlogPageFactory(parent=blog_index, date=datetime.date.today()))
    published_at = datetime.datetime.fromisoformat(
        json_ld(get_soup(client, post.url))["BlogPosting"]["datePublished"]
    )
    assert abs(published_at - post.first_published_at) < datetime.timedelta(seconds=1)
    assert published_at.utcoffset() is not None


def test_the_publisher_has_the_logo_from_the_settings(post, sharing, client):
    publisher = json_ld(get_soup(client, post.url))["BlogPosting"]["publisher"]
    rendition = sharing.publisher_logo.get_rendition(PUBLISHER_LOGO_FILTER)
    assert (rendition.width, rendition.height) == (600, 150)
    assert publisher["logo"] == {
        "@type": "ImageObject",
        "url": f"http://testserver{rendition.url}",
        "width": 600,
        "height": 150,
    }


def test_the_home_page_is_a_website_with_a_search_box(post, sharing, client):
    nodes = json_ld(get_soup(client, "/"))
    assert set(nodes) == {"WebSite", "Organization"}
    website = nodes["WebSite"]
    assert (website["name"], website["url"]) == (SITE_NAME, "http://testserver/")
    assert website["publisher"] == {"@id": nodes["Organization"]["@id"]}
    action = website["potentialAction"]
    assert action["@type"] == "SearchAction"
    assert action["query-input"] == "required name=search_term_string"
    template = action["target"]["urlTemplate"]
    assert template == "http://testserver/search/?query={search_term_string}"
    results = get_soup(
        client, urlsplit(template.replace("{search_term_string}", "material")).path, {"query": "material"}
    )
    assert post.title in text_of(results)
    assert nodes["Organization"]["logo"]["url"].endswith(
        sharing.publisher_logo.get_rendition(PUBLISHER_LOGO_FILTER).url
    )


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("/blog/", [("Blog", "/blog/")]),
        ("/blog/?page=2", [("Blog", "/blog/")]),
        (
            "/blog/category/data-society/",
            [("Blog", "/blog/"), ("Data & Society", "/blog/category/data-society/")],
        ),
        (
            "/blog/author/troy-nachtigall/",
            [("Blog", "/blog/"), ("Troy Nachtigall", "/blog/author/troy-nachtigall/")],
        ),
        (
            "/blog/data-as-a-material/",
            [("Blog", "/blog/"), ("Data as a material", "/blog/data-as-a-material/")],
        ),
    ],
)
def test_breadcrumbs_lead_from_the_home_page(two_pages_of_posts, post, home_page, client, url, expected):
    path, _, query = url.partition("?")
    soup = get_soup(client, path, dict([query.split("=")]) if query else None)
    home = (home_page.title, "http://testserver/")
    assert crumbs(soup) == [home, *((name, f"http://testserver{path}") for name, path in expected)]


def test_structured_data_of_the_demo_post(demo, client):
    soup = get_soup(client, demo.url)
    data = json_ld(soup)["BlogPosting"]
    assert data["author"] == [
        {
            "@type": "Person",
            "name": "Lynda Hardman",
            "url": "http://testserver/blog/author/lynda-hardman/",
            "jobTitle": "Director",
            "affiliation": {"@type": "Organization", "name": "Amsterdam Data Science"},
        }
    ]
    assert data["headline"] == demo.title
    assert data["datePublished"] == "2020-11-05T09:00:00+01:00"
    assert data["mainEntityOfPage"] == canonical(soup) == f"http://testserver{demo.url}"
    assert data["publisher"]["logo"]["width"] and data["image"]["width"] == 1200


def test_structured_data_always_has_a_modified_date(blog_index, client):
    """A live post that was never published through a revision (e.g. made by a script)."""
    post = BlogPageFactory(parent=blog_index, date=datetime.date(2021, 1, 2))
    assert post.last_published_at is None
    data = json_ld(get_soup(client, post.url))["BlogPosting"]
    assert data["dateModified"] == data["datePublished"] == "2021-01-02T09:00:00+01:00"


EVIL_TITLE = 'Data </script><script>alert(1)</script> & "quotes" <!-- x'


def test_title_cannot_break_out_of_the_structured_data(blog_index, client):
    plain = BlogPageFactory(parent=blog_index, title="A plain title", body=[paragraph("<p>Body.</p>")])
    # The body is rich text, trusted HTML from the editor; only the plain-text fields carry the attack.
    evil = BlogPageFactory(
        parent=blog_index, title=EVIL_TITLE, lead=f"Lead with {EVIL_TITLE}", body=[paragraph("<p>Body.</p>")]
    )
    plain_html = client.get(plain.url).content.decode()
    html = client.get(evil.url).content.decode()
    assert "<script>alert(1)" not in html
    assert html.count("<script") == plain_html.count("<script")
    assert html.lower().count("</script") == plain_html.lower().count("</script")
    data = json_ld(soup_of(html))["BlogPosting"]
    assert data["headline"] == EVIL_TITLE
    assert data["description"] == f"Lead with {EVIL_TITLE}"


# sitemap.xml and robots.txt ---------------------------------------------------------------------


def sitemap_entries(client) -> dict[str, str | None]:
    """The sitemap's addresses, each with its lastmod (or None)."""
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)  # noqa: S314 - the site's own output, in a test
    return {
        url.find("sm:loc", SITEMAP_NS).text: getattr(url.find("sm:lastmod", SITEMAP_NS), "text", None)
        for url in root.findall("sm:url", SITEMAP_NS)
    }


def sitemap_locations(client):
    return list(sitemap_entries(client))


def test_sitemap_lists_live_public_pages_categories_and_authors_with_posts(
    site, blog_index, category, client
):
    writer = AuthorFactory(name="Writer")
    live = published(BlogPageFactory(parent=blog_index, categories=[category], authors=[writer]))
    only_drafts = BlogCategoryFactory(name="Only drafts")
    BlogCategoryFactory(name="Unused")
    AuthorFactory(name="No posts yet")
    drafter = AuthorFactory(name="Drafter")
    draft = BlogPageFactory(parent=blog_index, categories=[only_drafts], authors=[drafter], live=False)
    private = BlogPageFactory(
        parent=blog_index,
        categories=[BlogCategoryFactory(name="Only private")],
        authors=[AuthorFactory(name="Hidden")],
    )
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    locations = sitemap_locations(client)
    for location in locations:
        assert_absolute(location)
    home_url = site.root_page.get_full_url()
    blog_url = blog_index.get_full_url()
    assert sorted(locations) == sorted(
        [
            home_url,
            blog_url,
            live.get_full_url(),
            urljoin(blog_url, "category/data-society/"),
            urljoin(blog_url, "author/writer/"),
        ]
    )
    assert draft.slug not in " ".join(locations)
    for location in locations:
        assert client.get(urlsplit(location).path).status_code == 200


def test_sitemap_says_when_listings_last_changed(site, blog_index, category, client):
    """A listing changed when the newest of its posts was last published (the blog: or itself)."""
    older = BlogPageFactory(parent=blog_index, categories=[category], authors=[AuthorFactory(name="Writer")])
    newer = BlogPageFactory(parent=blog_index, categories=[category])
    BlogPage.objects.filter(pk=older.pk).update(
        last_published_at=datetime.datetime(2024, 3, 1, 12, tzinfo=datetime.UTC)
    )
    BlogPage.objects.filter(pk=newer.pk).update(
        last_published_at=datetime.datetime(2025, 6, 1, 12, tzinfo=datetime.UTC)
    )
    BlogIndexPage.objects.filter(pk=blog_index.pk).update(
        last_published_at=datetime.datetime(2025, 1, 1, tzinfo=datetime.UTC)
    )
    entries = sitemap_entries(client)
    blog_url = blog_index.get_full_url()
    assert entries[urljoin(blog_url, "category/data-society/")] == "2025-06-01"
    assert entries[urljoin(blog_url, "author/writer/")] == "2024-03-01"
    assert entries[blog_url] == "2025-06-01"
    assert entries[older.get_full_url()] == "2024-03-01"


def test_sitemap_of_the_demo_content(demo, client):
    paths = {urlsplit(location).path for location in sitemap_locations(client)}
    assert {
        "/",
        "/blog/",
        demo.url,
        "/blog/category/china/",
        "/blog/category/education/",
        "/blog/author/lynda-hardman/",
    } <= paths


def test_robots_txt(site, client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = [line.strip() for line in response.content.decode().splitlines()]
    assert "User-agent: *" in lines
    assert "Disallow: /admin/" in lines
    sitemaps = [line.removeprefix("Sitemap:").strip() for line in lines if line.startswith("Sitemap:")]
    assert len(sitemaps) == 1
    assert assert_absolute(sitemaps[0]).path == "/sitemap.xml"
    assert client.get(urlsplit(sitemaps[0]).path).status_code == 200
