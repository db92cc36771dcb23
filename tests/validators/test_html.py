"""Every page a reader can see is valid HTML, by the W3C Nu HTML Checker (vnu.jar).

The pages are built once per test process, inside a transaction that is rolled back (so the
database is left as every other test expects it), written to files and checked in one run of
the checker; then each page is its own test.
"""

import datetime
from unittest import mock

import pytest
from django.core import mail
from django.core.cache import cache
from django.db import OperationalError, connection, transaction
from django.test import Client, RequestFactory, override_settings
from django.views.defaults import server_error

from base.models import FooterSettings, SocialLink
from blog.models import POSTS_PER_PAGE, AuthorLink, BlogIndexPage
from newsletter.models import FeaturedPost, NewsletterIndexPage, NewsletterIssuePage
from tests.conftest import build_site
from tests.embed_finder import KNOWN as KNOWN_EMBEDS
from tests.factories import (
    AuthorFactory,
    BlogCategoryFactory,
    BlogPageFactory,
    ImageFactory,
    PartnerFactory,
    heading,
    paragraph,
    reference,
)
from tests.newsletter.conftest import SUBSCRIBE_URL, link_in, path_of, signed_days_ago, signup
from tests.newsletter.factories import SubscriberFactory

from . import nu

# The pages are built in a module fixture; the mark makes pytest-django set up the test database.
pytestmark = pytest.mark.django_db

# Each page: the status it is served with, and words that show it is the page meant (a search
# that found nothing where it should have, a token that no longer matches) rather than another.
PAGES = {
    "home": (200, ["News, opinion and stories from the network."]),
    "blog-index": (200, ["AI Research with China", 'aria-current="page"']),
    "blog-index-page-2": (200, ["A box of tools"]),
    "category": (200, ["Research &amp; Policy"]),
    "author": (200, ["Director of the network."]),
    "post-with-every-block": (
        200,
        ['class="rich-text"', "<h4", 'class="quote"', "<figcaption>— Lynda Hardman", 'class="body-image"']
        + ["<iframe", "View the media on its own site", 'class="references"', 'class="reading-list"']
        + ['href="#ref-1"', "This post first appeared on the old site."],
    ),
    "post-after-newsletter-signup": (200, ["Please check your inbox"]),
    "search-with-results": (
        200,
        ["Forecasting the weather, part"],
    ),  # which part comes first varies by database
    "search-without-results": (200, ["0 results"]),
    "search-typo-corrected": (200, ["Showing results for"]),
    "search-did-you-mean": (200, ["Did you mean"]),
    "404": (404, ["Page not found"]),
    "500": (500, ["Something went wrong"]),
    "503": (503, ["Back in a moment"]),
    "newsletter-form-with-errors": (400, ["field__error"]),
    "newsletter-too-many-signups": (429, ["several signups from your network"]),
    "newsletter-confirm": (200, ["Confirm my subscription"]),
    "newsletter-confirmed": (200, ["You are subscribed"]),
    "newsletter-link-expired": (410, ["This link has expired"]),
    "newsletter-link-invalid": (404, ["This link does not work"]),
    "newsletter-unsubscribe": (200, ["Unsubscribe from the newsletter"]),
    "newsletter-unsubscribed": (200, ["You are unsubscribed"]),
    "newsletter-archive": (200, ["The October issue"]),
    "newsletter-issue": (200, ["Forecasting the weather, part 1", "Two posts this month."]),
}

# Not a page of the site: markup with known errors, checked in the same run, to show the checker
# really reads the files it is given.
BROKEN_HTML = '<!DOCTYPE html><html lang="en"><title>Broken</title><p><div>Unclosed</p><img src="x.png">'


def every_block_body(image) -> list[dict]:
    embed_url = next(iter(KNOWN_EMBEDS))
    entry = reference(
        note="A refreshing change, for those who read Dutch:",
        authors="Frank Bekkers, Paul Verhagen",
        title="Checklist for Collaboration with Chinese Universities",
        venue="The Hague Centre for Strategic Studies",
        year="2019",
        url="https://hcss.example/checklist/",
    )
    return [
        paragraph(
            "<p>Amsterdam has <b>strong</b> ties with <i>Chinese</i> culture [1], "
            'as <a href="https://example.com/">the report</a> shows [2].</p>'
        ),
        heading("Shifting our perspective", "h2"),
        paragraph("<ul><li>One point</li><li>Another point</li></ul><ol><li>First</li><li>Second</li></ol>"),
        heading("A closer look", "h3"),
        heading("A detail", "h4"),
        {
            "type": "quote",
            "value": {"quote": "Let us continue\nthis tradition.", "attribution": "Lynda Hardman"},
        },
        {"type": "quote", "value": {"quote": "Words without a speaker.", "attribution": ""}},
        {
            "type": "image",
            "value": {
                "image": image.pk,
                "alt_text": "Researchers at a whiteboard",
                "caption": "The workshop",
                "credit": "Photo: CWI",
            },
        },
        {
            "type": "image",
            "value": {"image": image.pk, "alt_text": "A plain image", "caption": "", "credit": ""},
        },
        {"type": "embed", "value": {"embed": embed_url, "caption": "A talk about it"}},
        {"type": "embed", "value": {"embed": "https://video.example/not-found", "caption": ""}},
        {
            "type": "references",
            "value": {"heading": "References", "entries": [entry, reference(title="A title only")]},
        },
        {
            "type": "reading_list",
            "value": {
                "heading": "Further reading",
                "entries": [reference(url="https://example.org/only-a-url/")],
            },
        },
    ]


def build_content():
    """The site tree, a blog with two pages of posts, a post with every block, a footer."""
    build_site()
    blog_index = BlogIndexPage.objects.get()
    PartnerFactory(name="CWI")
    footer = FooterSettings.objects.get_or_create(site_id=blog_index.get_site().pk)[0]
    footer.credit_line = "Design & Code by Eagerly"
    footer.credit_url = "https://eagerly.example/"
    footer.social_links = [
        SocialLink(platform="linkedin", url="https://www.linkedin.com/company/ads/"),
        SocialLink(platform="other", url="https://example.org/ads/"),
    ]
    footer.save()

    research = BlogCategoryFactory(name="Research & Policy", slug="research-policy")
    events = BlogCategoryFactory(name="Events", slug="events")
    author = AuthorFactory(name="Lynda Hardman", slug="lynda-hardman", bio="Director of the network.")
    AuthorLink.objects.create(author=author, label="Website", url="https://lynda.example/", sort_order=0)
    other_author = AuthorFactory(name="Anita de Waard", photo=None)
    image = ImageFactory()
    older = [
        BlogPageFactory(
            parent=blog_index,
            title=f"Forecasting the weather, part {n}",
            date=datetime.date(2023, 1, 1) + datetime.timedelta(days=n),
            authors=[author],
            categories=[research] if n % 2 else [events],
            listing_image=image if n % 3 == 0 else None,
        )
        for n in range(POSTS_PER_PAGE + 2)
    ]
    # "boxe" finds this post (a word form of "box") and is one slip from "bone", which finds more:
    # a "Did you mean".
    BlogPageFactory(parent=blog_index, title="A box of tools", date=datetime.date(2022, 1, 1))
    for n in range(3):
        BlogPageFactory(parent=blog_index, title=f"Bone structure {n}", date=datetime.date(2022, 2, 1 + n))
    archive = blog_index.get_parent().add_child(
        instance=NewsletterIndexPage(title="Newsletter", slug="newsletters")
    )
    issue = NewsletterIssuePage(
        title="The October issue", slug="october", intro="<p>Two posts this month.</p>"
    )
    issue.featured_posts = [FeaturedPost(post=post) for post in older[:2]]
    archive.add_child(instance=issue)
    BlogPageFactory(
        parent=blog_index,
        title="AI Research with China",
        slug="every-block",
        date=datetime.date(2024, 5, 17),
        lead="Should we collaborate?",
        editor_note="This post first appeared on the old site.",
        listing_image=image,
        body=every_block_body(image),
        authors=[author, other_author],
        categories=[research, events],
        related=older[:2],
    )


def render_pages(client: Client) -> dict[str, tuple[int, str]]:
    """Each page of PAGES: its status and HTML."""
    pages = {}

    def get(name, url, **kwargs):
        response = client.get(url, **kwargs)
        pages[name] = (response.status_code, response.content.decode())
        return response

    get("home", "/")
    get("blog-index", "/blog/")
    get("blog-index-page-2", "/blog/", query_params={"page": 2})
    get("category", "/blog/category/research-policy/")
    get("author", "/blog/author/lynda-hardman/")
    get("post-with-every-block", "/blog/every-block/")
    get("search-with-results", "/search/", query_params={"query": "forecasting"})
    get("search-without-results", "/search/", query_params={"query": "narwhal"})
    get("search-typo-corrected", "/search/", query_params={"query": "weathr"})
    get("search-did-you-mean", "/search/", query_params={"query": "boxe"})
    get("404", "/no-such-page/")
    get("newsletter-archive", "/newsletters/")
    get("newsletter-issue", "/newsletters/october/")
    response = server_error(RequestFactory().get("/blog/"))
    pages["500"] = (response.status_code, response.content.decode())
    with mock.patch.object(connection, "cursor", side_effect=OperationalError("connection refused")):
        get("503", "/blog/every-block/")

    # The newsletter, as a reader meets it: the form's answers, then the links in the e-mails.
    post = "/blog/every-block/"
    response = client.post(SUBSCRIBE_URL, {**signup(email="not an address"), "next": post})
    pages["newsletter-form-with-errors"] = (response.status_code, response.content.decode())
    response = client.post(SUBSCRIBE_URL, {**signup(), "next": post}, follow=True)
    pages["post-after-newsletter-signup"] = (response.status_code, response.content.decode())
    confirm, unsubscribe = (path_of(link_in(mail.outbox[-1], name)) for name in ("confirm", "unsubscribe"))
    with override_settings(NEWSLETTER_SIGNUP_RATE="1/h"):
        for email in ("again@example.com", "once-more@example.com"):
            response = client.post(SUBSCRIBE_URL, {**signup(email=email), "next": post})
    pages["newsletter-too-many-signups"] = (response.status_code, response.content.decode())
    get("newsletter-confirm", confirm)
    response = client.post(confirm, follow=True)
    pages["newsletter-confirmed"] = (response.status_code, response.content.decode())
    expired = signed_days_ago(SubscriberFactory(), days=30)
    get("newsletter-link-expired", f"/newsletter/confirm/{expired}/")
    get("newsletter-link-invalid", "/newsletter/confirm/forged-token/")
    get("newsletter-unsubscribe", unsubscribe)
    response = client.post(unsubscribe, {"List-Unsubscribe": "One-Click"})
    pages["newsletter-unsubscribed"] = (response.status_code, response.content.decode())
    return pages


@pytest.fixture(scope="module")
def rendered(django_db_setup, django_db_blocker):
    """PAGES rendered on content that is rolled back afterwards (once per test process)."""
    with django_db_blocker.unblock(), transaction.atomic():
        cache.clear()
        build_content()
        pages = render_pages(Client())
        transaction.set_rollback(True)
    cache.clear()
    return pages


@pytest.fixture(scope="module")
def reports(rendered, tmp_path_factory) -> dict[str, nu.Report]:
    folder = tmp_path_factory.mktemp("html")
    files = {name: folder / f"{name}.html" for name in [*rendered, "broken"]}
    for name, (_status, html) in rendered.items():
        files[name].write_text(html, encoding="utf-8")
    files["broken"].write_text(BROKEN_HTML, encoding="utf-8")
    checked = nu.check(list(files.values()))
    return {name: checked[path] for name, path in files.items()}


def test_the_checker_finds_errors_in_broken_markup(reports):
    errors = reports["broken"].errors
    assert any("“div”" in error for error in errors), errors
    assert any("alt" in error for error in errors), errors


@pytest.mark.parametrize("page", PAGES)
def test_the_page_is_valid_html(rendered, reports, page):
    status, html = rendered[page]
    expected_status, expected_words = PAGES[page]
    assert status == expected_status, f"{page} answered {status}: not the page meant"
    missing = [words for words in expected_words if words not in html]
    assert not missing, f"{page} lacks {missing}: not the page meant"
    report = reports[page]
    assert not report.errors, f"{page}: {len(report.errors)} errors\n" + "\n".join(report.errors)
    assert not report.warnings, f"{page}: {len(report.warnings)} warnings\n" + "\n".join(report.warnings)
