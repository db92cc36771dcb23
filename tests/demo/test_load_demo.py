"""``manage.py load_demo``: the seed post's page shows the whole seed document, and loading twice changes nothing."""

import datetime
import io
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction
from django.test import Client
from wagtail.images import get_image_model
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    Locale,
    Page,
    Revision,
    Site,
)

from base.models import Partner, SocialLink
from base.permissions import (
    BLOG_PAGE_PERMISSIONS,
    EDITORS,
    GROUP_RIGHTS,
    MEDIA_RIGHTS,
    SITE_MANAGERS,
)
from blog.models import Author, BlogCategory, BlogIndexPage, BlogPage
from demo import content as demo
from home.models import HomePage
from newsletter.models import Subscriber

from ..conftest import normalise, soup_of, text_of

SEED_URL = "/blog/ai-research-with-china/"

# Sentences copied verbatim from the seed document (/work/shared/seed/000_010549157b9d1505.txt).
SEED_SENTENCES = [
    "Many forms of collaborations with Chinese companies have seen increased scrutiny in the last few years.",
    "Where does this leave us in deciding whether or not to collaborate with Chinese colleagues?",
    "The opinions in this blog item are the author's own and do not necessarily reflect those of the "
    "organisations she represents.",
    "Our image of China in Europe comes predominantly through the eyes of Western media [1].",
    "This can be seen by the increasing percentage of papers in the top international AI conferences that "
    "are co-authored by Chinese colleagues, working from China or from abroad [2].",
    "Using these same techniques for other applications, such as recognising the differences between "
    'cancerous and benign cells is, however, universally perceived as "good".',
    "While it would be nice to have concrete national guidelines, for example those developed by Frank "
    "Bekkers and colleagues [3], or have every AI academic take a course in ethics before signing a "
    "contract with a large corporation, this is unrealistic.",
    "So what are my recommendations in this complex and sometimes contradictory collaboration puzzle?",
    "Academy of Sciences Institute of Automation, Tsinghua University and the Wuhan University of Science "
    "& Technology.",
    "Our goal – just as any international research collaboration – is to stimulate creative and innovative "
    "research through the mix of local research cultures.",
    'Read the "AI Superpowers" book by Kai Fu Lee, which gives insights into taking the Silicon Valley '
    "start-up culture and transferring it to China, while at the same time metamorphosing it to the rules "
    'of a new "Wild East".',
    "In the 17th century, Amsterdam was one of the few harbours of religious freedom in the world.",
]
SEED_HEADINGS = [
    "Shifting our perspective of China",
    "Cultural differences in AI applications",
    "To collaborate or not to collaborate?",
    "We cannot not collaborate with the Chinese",
]


@pytest.fixture(scope="module")
def seed(django_db_setup, django_db_blocker):
    """The seed post's page as an anonymous reader gets it, loaded once for the module.

    The demo content is loaded in a transaction that is rolled back, so other tests never see it.
    """
    with django_db_blocker.unblock(), transaction.atomic():
        cache.clear()
        call_command("load_demo", stdout=io.StringIO())
        response = Client().get(SEED_URL)
        transaction.set_rollback(True)
    cache.clear()
    assert response.status_code == 200
    return soup_of(response)


@pytest.fixture(scope="module")
def article(seed):
    return seed.find("article", class_="post")


def plain_text(element) -> str:
    """The text as read: markup dropped without adding spaces, whitespace collapsed."""
    return normalise(element.get_text())


def expected_paragraphs():
    paragraphs = []
    for block in demo.SEED_POST["body"]:
        if block["type"] == "paragraph":
            source = BeautifulSoup(block["value"], "html.parser")
            paragraphs += [plain_text(p) for p in source.find_all("p")]
    return paragraphs


# The seed post's page ---------------------------------------------------------------------------


def test_title_lead_and_editors_note(seed, article):
    assert plain_text(article.find("h1")) == demo.SEED_POST["title"]
    assert plain_text(article.find(class_="post__lead")) == demo.SEED_POST["lead"]
    assert plain_text(article.find(class_="post__editor-note")) == demo.SEED_POST["editor_note"]
    assert plain_text(seed.find("title")).startswith(demo.SEED_POST["title"])


def test_every_paragraph_of_the_seed_text_in_order(article):
    body = article.find(class_="post__body")
    shown = [plain_text(p) for p in body.select(".rich-text p")]
    assert shown == expected_paragraphs()
    assert len(shown) == 13


def test_sentences_from_the_seed_document(article):
    text = plain_text(article)
    missing = [sentence for sentence in SEED_SENTENCES if sentence not in text]
    assert missing == []


def test_every_heading_with_an_anchor(article):
    body = article.find(class_="post__body")
    headings = [(h.name, plain_text(h)) for h in body.find_all(["h2", "h3", "h4"])]
    assert headings == [("h2", text) for text in SEED_HEADINGS] + [
        ("h2", "References"),
        ("h2", "Reading list"),
    ]
    assert body.find("h2", id="shifting-our-perspective-of-china") is not None


def test_citations_link_to_the_three_references(article):
    citations = article.select("sup.citation a")
    assert [(a["href"], a.get_text()) for a in citations] == [
        ("#ref-1", "[1]"),
        ("#ref-2", "[2]"),
        ("#ref-3", "[3]"),
    ]


def test_the_three_references(article):
    references = article.find("section", class_="references")
    items = references.find("ol").find_all("li", recursive=False)
    assert [li["id"] for li in items] == ["ref-1", "ref-2", "ref-3"]
    ruben = items[0]
    assert "VPRO series about China by Ruben Terlou" in plain_text(ruben)
    assert ruben.find("a")["href"] == "https://www.rubenterlou.com"
    assert plain_text(ruben.find("a")) == "https://www.rubenterlou.com"
    assert plain_text(items[1]) == (
        "Elsevier (2018). Artificial Intelligence: How knowledge is created, transferred, and used. "
        "Trends in China, Europe, and the United States"
    )
    assert plain_text(items[2]) == (
        "Frank Bekkers, Willem Oosterveld, Paul Verhagen (January & September 2019). Checklist for "
        "Collaboration with Chinese Universities and Other Research Institutions. The Hague Centre for "
        "Strategic Studies"
    )


def test_the_reading_list(article):
    reading_list = article.find("section", class_="reading-list")
    assert plain_text(reading_list.find("h2")) == "Reading list"
    items = reading_list.find("ul").find_all("li")
    assert len(items) == 1
    text = plain_text(items[0])
    assert text.startswith(
        "Lynda Hardman (2020). Artificial Intelligence along the New Silk Road: Competition or Collaboration?"
    )
    assert "China and Europe on the New Silk Road: Connecting Universities across Eurasia" in text
    assert text.endswith("Oxford University Press (2020)")


def test_categories_and_date(article):
    meta = article.find(class_="post__meta")
    assert plain_text(meta.find(class_="post__categories")) == "Categories: China, Collaboration, Research"
    time = meta.find("time")
    assert time["datetime"] == "2020-11-05"
    assert plain_text(time) == "05 November 2020"


def test_author_with_photo(article):
    authors = article.find("ul", class_="author-list").find_all("li")
    assert len(authors) == 1
    assert plain_text(authors[0].find(class_="author__name")) == "Lynda Hardman"
    assert plain_text(authors[0].find(class_="author__role")) == "Director, Amsterdam Data Science"
    photo = authors[0].find("img")
    assert photo["src"].startswith(settings.MEDIA_URL)
    assert (Path(settings.MEDIA_ROOT) / photo["src"].removeprefix(settings.MEDIA_URL)).is_file()


def test_three_read_more_posts_with_dates_and_authors(seed):
    section = seed.find("section", class_="read-more")
    assert plain_text(section.find("h2")) == "Read More"
    cards = section.find_all("article", class_="post-card")
    shown = [
        (
            plain_text(card.find(class_="post-card__title")),
            plain_text(card.find("time")),
            card.find("time")["datetime"],
            [plain_text(name) for name in card.select(".author__name")],
        )
        for card in cards
    ]
    assert shown == [
        (
            "Managing/Being a Master's Student during a Pandemic",
            "02 December 2021",
            "2021-12-02",
            ["Magdalena Mladenova", "Anita de Waard", "Thom Pijnenburg"],
        ),
        (
            "Data as a material for fashion: How treating data as a material enables a new future for design",
            "13 September 2021",
            "2021-09-13",
            ["Troy Nachtigall"],
        ),
        ("Programming Training for Refugees", "29 April 2021", "2021-04-29", ["Gabriel Lopez"]),
    ]
    assert [card.find("a")["href"] for card in cards] == [
        f"/blog/{post['slug']}/" for post in demo.READ_MORE_POSTS
    ]


def test_newsletter_form_fields_with_labels(seed):
    newsletter = seed.find("section", id="newsletter")
    assert plain_text(newsletter.find("h2")) == "Stay in the loop, subscribe to our newsletter"
    form = newsletter.find("form")
    assert form["method"] == "post"
    assert form["action"] == "/newsletter/subscribe/"
    assert form.find("input", attrs={"name": "next"})["value"] == SEED_URL
    fields = {}
    for label in form.find_all("label"):
        control = form.find(id=label["for"])
        fields[normalise(label.find(string=True, recursive=False))] = (control.name, control["name"])
    assert fields == {
        "First name": ("input", "first_name"),
        "Prefix": ("input", "prefix"),
        "Surname": ("input", "surname"),
        "Company/organisation": ("input", "organisation"),
        "E-mail": ("input", "email"),
    }
    assert form.find("input", attrs={"name": "email"})["type"] == "email"
    assert plain_text(form.find("button", type="submit")) == "Subscribe"


def test_follow_us_with_linkedin(seed):
    follow = seed.find("footer").find("section", class_="follow-us")
    assert plain_text(follow.find("h2")) == "Follow us"
    link = follow.find("a")
    assert plain_text(link) == "LinkedIn"
    assert link["href"] == "https://www.linkedin.com/company/amsterdam-data-science/"


def test_footer_copyright_and_credit(seed):
    legal = plain_text(seed.find("footer").find(class_="site-footer__legal"))
    # The year the demo was loaded, not a year long past.
    assert f"© {datetime.date.today().year} Amsterdam Data Science - All Rights Reserved." in legal
    assert "Design & Code by Eagerly" in legal


def test_four_partner_logos_named_in_their_alt_text(seed):
    partners = seed.find("footer").find("section", class_="partners")
    assert plain_text(partners.find("h2")) == "Founding partners"
    logos = partners.find_all("img")
    assert [img["alt"] for img in logos] == [
        "CWI",
        "Hogeschool van Amsterdam",
        "University of Amsterdam",
        "Vrije Universiteit Amsterdam",
    ]
    assert [img.find_parent("a")["href"] for img in logos] == [p["url"] for p in demo.PARTNERS]
    for img in logos:
        assert img["height"] == "64"
        assert (Path(settings.MEDIA_ROOT) / img["src"].removeprefix(settings.MEDIA_URL)).is_file()


def test_page_structure(seed):
    assert len(seed.find_all("h1")) == 1
    assert len(seed.find_all("article", class_="post")) == 1
    assert seed.find("nav", attrs={"aria-label": "Main"}) is not None
    assert seed.find("main").find("article") is not None
    assert len(seed.find_all("footer", class_="site-footer")) == 1
    assert seed.find("a", class_="skip-link")["href"] == "#main"
    ids = [tag["id"] for tag in seed.find_all(id=True)]
    assert len(ids) == len(set(ids))
    for target in ("main", "newsletter", "ref-1", "ref-2", "ref-3"):
        assert seed.find(id=target) is not None, target
    # The content comes in the order of the seed document.
    text = plain_text(seed.find("main"))
    order = [
        demo.SEED_POST["title"],
        "Lynda Hardman",
        demo.SEED_POST["lead"],
        demo.SEED_POST["editor_note"],
        SEED_HEADINGS[0],
        "References",
        "Reading list",
        "Read More",
        "Stay in the loop",
    ]
    positions = [text.find(part) for part in order]
    assert -1 not in positions
    assert positions == sorted(positions)


def test_home_and_blog_index_list_the_demo_posts(seed, django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        cache.clear()
        call_command("load_demo", stdout=io.StringIO())
        client = Client()
        home = soup_of(client.get("/"))
        blog = soup_of(client.get("/blog/"))
        transaction.set_rollback(True)
    cache.clear()
    newest_first = [
        "Managing/Being a Master's Student during a Pandemic",
        "Data as a material for fashion: How treating data as a material enables a new future for design",
        "Programming Training for Refugees",
        demo.SEED_POST["title"],
    ]
    assert [text_of(t) for t in blog.select(".post-card__title")] == newest_first
    assert [text_of(t) for t in home.select(".post-card__title")] == newest_first
    assert plain_text(home.find("h1")) == "Amsterdam Data Science"


@pytest.mark.usefixtures("demo")
def test_the_order_of_authors_read_more_posts_and_social_links_is_stored():
    """Kept in sort_order, which only the editor's form fills in by itself: without it the rows
    come back in whatever order the database finds them (PostgreSQL's changes after updates)."""
    for data in [demo.SEED_POST, *demo.READ_MORE_POSTS]:
        post = BlogPage.objects.get(slug=data["slug"])
        authors = post.post_authors.values_list("author__name", "sort_order")
        assert list(authors) == [(name, order) for order, name in enumerate(data["authors"])]
        related = post.related_post_links.values_list("related_post__slug", "sort_order")
        assert list(related) == [(slug, order) for order, slug in enumerate(data.get("related", []))]
    links = SocialLink.objects.values_list("url", "sort_order")
    assert list(links) == [(url, order) for order, (_platform, url) in enumerate(demo.FOOTER["social_links"])]


# Loading twice ---------------------------------------------------------------------------------


def counts():
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "images": get_image_model().objects.count(),
        "authors": Author.objects.count(),
        "categories": BlogCategory.objects.count(),
        "partners": Partner.objects.count(),
        "social links": SocialLink.objects.count(),
        "subscribers": Subscriber.objects.count(),
        "sites": Site.objects.count(),
    }


@pytest.mark.django_db
def test_load_demo_builds_the_site():
    output = io.StringIO()
    call_command("load_demo", stdout=output)
    assert "Demo content ready: 4 posts." in output.getvalue()
    site = Site.objects.get(is_default_site=True)
    assert isinstance(site.root_page.specific, HomePage)
    assert site.site_name == "Amsterdam Data Science"
    # Wagtail's placeholder "Welcome" page is gone; the home page sits directly under the root.
    assert list(Page.get_first_root_node().get_children().specific()) == [site.root_page.specific]
    assert BlogPage.objects.live().count() == 4
    assert all(post.get_latest_revision() is not None for post in BlogPage.objects.all())
    counted = counts()
    assert counted["authors"] == len(demo.AUTHORS)
    assert counted["categories"] == len(demo.CATEGORIES)
    assert counted["partners"] == len(demo.PARTNERS)
    assert counted["social links"] == 1


@pytest.mark.django_db
def test_load_demo_twice_changes_nothing():
    call_command("load_demo", stdout=io.StringIO())
    Subscriber.objects.create(first_name="Ann", surname="Reader", email="ann@example.com")
    before = counts()
    call_command("load_demo", stdout=io.StringIO())
    assert counts() == before
    site = Site.objects.get(is_default_site=True)
    assert isinstance(site.root_page.specific, HomePage)
    assert Site.objects.count() == 1


@pytest.mark.django_db
def test_load_demo_keeps_editors_changes():
    call_command("load_demo", stdout=io.StringIO())
    post = BlogPage.objects.get(slug="ai-research-with-china")
    post.title = "Edited by an editor"
    post.save_revision().publish()
    call_command("load_demo", stdout=io.StringIO())
    assert BlogPage.objects.get(slug="ai-research-with-china").title == "Edited by an editor"
    assert BlogPage.objects.filter(slug="ai-research-with-china").count() == 1


@pytest.mark.django_db
def test_load_demo_on_an_emptied_database():
    """As after `manage.py flush`: no page tree root, no collection, no locale."""
    Page.get_first_root_node().delete()
    Collection.objects.all().delete()
    Locale.objects.all().delete()
    assert Site.objects.count() == 0
    call_command("load_demo", stdout=io.StringIO())
    site = Site.objects.get(is_default_site=True)
    assert isinstance(site.root_page.specific, HomePage)
    assert BlogPage.objects.live().count() == 4
    assert Collection.get_first_root_node() is not None
    before = counts()
    call_command("load_demo", stdout=io.StringIO())
    assert counts() == before


@pytest.mark.django_db
def test_load_demo_on_an_existing_site_uses_its_home_page(site, home_page):
    before_pages = Page.objects.count()
    call_command("load_demo", stdout=io.StringIO())
    assert Site.objects.get(is_default_site=True).root_page_id == home_page.pk
    assert HomePage.objects.count() == 1
    # The existing blog index is reused; four posts are added under it, and the newsletter archive.
    assert Page.objects.count() == before_pages + 4 + 1


def page_rights(blog) -> dict[str, set[str]]:
    rights = GroupPagePermission.objects.filter(page=blog).select_related("group", "permission")
    found = {}
    for right in rights:
        found.setdefault(right.group.name, set()).add(right.permission.codename)
    return found


@pytest.mark.django_db
def test_load_demo_after_a_flush_makes_the_groups_with_their_rights():
    """`manage.py flush` empties the tables the groups migration filled; load_demo refills them."""
    Group.objects.all().delete()
    Page.get_first_root_node().delete()
    Collection.objects.all().delete()
    call_command("load_demo", stdout=io.StringIO())
    assert set(Group.objects.values_list("name", flat=True)) == {EDITORS, SITE_MANAGERS}
    for name, rights in GROUP_RIGHTS.items():
        granted = Group.objects.get(name=name).permissions.values_list("content_type__app_label", "codename")
        assert set(granted) == set(rights), name
        assert GroupCollectionPermission.objects.filter(
            group__name=name, collection=Collection.get_first_root_node()
        ).count() == len(MEDIA_RIGHTS)
    blog = BlogIndexPage.objects.get()
    assert page_rights(blog) == {name: set(BLOG_PAGE_PERMISSIONS) for name in GROUP_RIGHTS}


@pytest.mark.django_db
def test_load_demo_leaves_the_rights_of_existing_groups_alone():
    editors = Group.objects.get(name=EDITORS)
    editors.permissions.clear()
    call_command("load_demo", stdout=io.StringIO())
    assert not editors.permissions.exists()
    # The blog is new, so both groups get their rights on it.
    assert page_rights(BlogIndexPage.objects.get()) == {
        name: set(BLOG_PAGE_PERMISSIONS) for name in GROUP_RIGHTS
    }
