"""Browsing the blog: category and author pages, their page links, reading time, table of contents."""

import datetime
import math
from collections import Counter
from urllib.parse import urljoin

import pytest
from wagtail.models import PageViewRestriction

from blog.models import POSTS_PER_PAGE, WORDS_PER_MINUTE, AuthorLink

from ..conftest import keep_world, restore, soup_of, text_of
from ..factories import (
    AuthorFactory,
    BlogCategoryFactory,
    BlogIndexPageFactory,
    BlogPageFactory,
    heading,
    paragraph,
    reference,
)

SEED_TITLE = "AI Research with China: to Collaborate or not to Collaborate – is that the Question?"


def get_soup(client, url, params=None):
    response = client.get(url, params)
    assert response.status_code == 200, (url, params)
    return soup_of(response)


def card_titles(soup):
    return [text_of(title) for title in soup.select(".post-card__title")]


def listing_summary(soup):
    return text_of(soup.find(class_="listing-summary"))


def page_links(soup):
    nav = soup.find("nav", class_="pagination")
    return [(a["href"], text_of(a), a.get("aria-current")) for a in nav.find_all("a")] if nav else []


def current_page(soup):
    return [text for _, text, current in page_links(soup) if current == "page"]


# Shareable filter addresses, with the demo content ----------------------------------------------


def test_category_page_of_the_demo_content(demo, client):
    soup = get_soup(client, "/blog/category/china/")
    assert text_of(soup.find("h1")) == "China"
    assert card_titles(soup) == [SEED_TITLE]
    assert listing_summary(soup).startswith("1 post in China.")
    # The way back to every post.
    assert soup.find(class_="listing-summary").find("a", string="Show all posts")["href"] == "/blog/"


def test_author_page_of_the_demo_content(demo, client):
    soup = get_soup(client, "/blog/author/lynda-hardman/")
    profile = soup.find(class_="author-profile")
    assert text_of(profile.find("h1")) == "Lynda Hardman"
    assert text_of(profile.find(class_="author-profile__role")) == "Director, Amsterdam Data Science"
    assert profile.find("img", class_="author-profile__photo") is not None
    assert card_titles(soup) == [SEED_TITLE]
    assert listing_summary(soup).startswith("1 post by Lynda Hardman.")


def test_a_post_links_to_its_category_and_author_pages(demo, client):
    """The links readers follow to the filtered listings lead to pages that list the post."""
    soup = get_soup(client, demo.url)
    links = [a["href"] for a in soup.select(".post__categories a")]
    links += [a["href"] for a in soup.select(".post__header .author__name[href]")]
    assert links == [
        "/blog/category/china/",
        "/blog/category/collaboration/",
        "/blog/category/research/",
        "/blog/author/lynda-hardman/",
    ]
    for link in links:
        assert demo.title in card_titles(get_soup(client, link)), link


# What a filtered listing lists -------------------------------------------------------------------


@pytest.fixture
def design(blog_index):
    return BlogCategoryFactory(name="Design", slug="design")


@pytest.fixture
def troy(blog_index):
    return AuthorFactory(name="Troy Nachtigall", slug="troy-nachtigall")


@pytest.fixture
def mixed_posts(site, blog_index, design, troy):
    """Posts by Troy in Design, and every kind of post that must not be listed with them."""
    day = datetime.date(2022, 3, 1)

    def post(title, days, **kwargs):
        kwargs.setdefault("parent", blog_index)
        return BlogPageFactory(title=title, date=day + datetime.timedelta(days=days), **kwargs)

    post("Older match", 0, categories=[design], authors=[troy])
    post("Newer match", 2, categories=[design, BlogCategoryFactory()], authors=[AuthorFactory(), troy])
    post("Other topic, other author", 3, categories=[BlogCategoryFactory()], authors=[AuthorFactory()])
    post("Draft match", 4, categories=[design], authors=[troy], live=False)
    private = post("Private match", 5, categories=[design], authors=[troy])
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    news = BlogIndexPageFactory(parent=site.root_page, title="News", slug="news")
    post("Match in another blog", 6, categories=[design], authors=[troy], parent=news)
    return news


def test_category_page_lists_only_its_live_public_posts_of_this_blog(mixed_posts, client):
    soup = get_soup(client, "/blog/category/design/")
    assert text_of(soup.find("h1")) == "Design"
    assert card_titles(soup) == ["Newer match", "Older match"]
    assert listing_summary(soup).startswith("2 posts in Design.")


def test_author_page_lists_only_their_live_public_posts_of_this_blog(mixed_posts, client):
    soup = get_soup(client, "/blog/author/troy-nachtigall/")
    assert text_of(soup.find("h1")) == "Troy Nachtigall"
    assert card_titles(soup) == ["Newer match", "Older match"]
    assert listing_summary(soup).startswith("2 posts by Troy Nachtigall.")


def test_the_other_blog_has_its_own_filtered_pages(mixed_posts, client):
    assert card_titles(get_soup(client, "/news/category/design/")) == ["Match in another blog"]
    assert card_titles(get_soup(client, "/news/author/troy-nachtigall/")) == ["Match in another blog"]


def test_a_category_without_posts_says_so(blog_index, design, client):
    soup = get_soup(client, "/blog/category/design/")
    assert card_titles(soup) == []
    assert listing_summary(soup).startswith("0 posts in Design.")


@pytest.mark.parametrize(
    "url",
    [
        "/blog/category/no-such-category/",
        "/blog/author/no-such-author/",
        "/blog/category/no-such-category/?page=2",
    ],
)
def test_unknown_category_or_author_is_not_found(blog_index, design, troy, client, url):
    assert client.get(url).status_code == 404


def test_author_page_shows_photo_role_affiliation_bio_and_links(blog_index, client):
    author = AuthorFactory(
        name="Anita de Waard",
        slug="anita-de-waard",
        role="VP Research Collaborations",
        affiliation="Elsevier",
        bio="Anita works on <research> data & publishing.",
    )
    AuthorLink.objects.create(author=author, label="Website", url="https://anita.example/", sort_order=0)
    AuthorLink.objects.create(
        author=author, label="LinkedIn", url="https://www.linkedin.com/in/anita/", sort_order=1
    )
    BlogPageFactory(parent=blog_index, title="Her post", authors=[author])
    soup = get_soup(client, "/blog/author/anita-de-waard/")
    profile = soup.find(class_="author-profile")
    photo = profile.find("img", class_="author-profile__photo")
    assert photo["src"] in {rendition.url for rendition in author.photo.renditions.all()}
    role = text_of(profile.find(class_="author-profile__role"))
    assert "VP Research Collaborations" in role and "Elsevier" in role
    assert text_of(profile.find(class_="author-profile__bio")) == author.bio
    links = [(text_of(a), a["href"]) for a in profile.select(".author-profile__links a")]
    assert links == [
        ("Website", "https://anita.example/"),
        ("LinkedIn", "https://www.linkedin.com/in/anita/"),
    ]
    assert card_titles(soup) == ["Her post"]


def test_author_page_without_photo_bio_or_links_shows_none_of_them(blog_index, client):
    AuthorFactory(name="Plain Author", slug="plain-author", photo=None, role="", affiliation="", bio="")
    soup = get_soup(client, "/blog/author/plain-author/")
    profile = soup.find(class_="author-profile")
    assert text_of(profile.find("h1")) == "Plain Author"
    assert profile.find("img") is None
    assert profile.find(class_="author-profile__role") is None
    assert profile.find(class_="author-profile__bio") is None
    assert profile.find(class_="author-profile__links") is None


# Page links on filtered listings -----------------------------------------------------------------


@pytest.fixture(scope="session")
def thirteen_by_troy_in_design_state(site_state, django_db_blocker):
    return keep_world("thirteen_by_troy", build_thirteen_by_troy_in_design, site_state, django_db_blocker)


@pytest.fixture
def thirteen_by_troy_in_design(site, thirteen_by_troy_in_design_state):
    """A page and one post of matches, "Match 00" the newest, plus newer posts that do not match;
    returns the number of matches (built once per test process)."""
    return restore(thirteen_by_troy_in_design_state)


def build_thirteen_by_troy_in_design(blog_index):
    design = BlogCategoryFactory(name="Design", slug="design")
    troy = AuthorFactory(name="Troy Nachtigall", slug="troy-nachtigall")
    first = datetime.date(2021, 1, 1)
    count = POSTS_PER_PAGE + 1
    for n in range(count):
        BlogPageFactory(
            parent=blog_index,
            title=f"Match {n:02}",
            date=first + datetime.timedelta(days=count - n),
            categories=[design],
            authors=[troy],
        )
    for n in range(5):
        BlogPageFactory(parent=blog_index, title=f"Unrelated {n}", date=datetime.date(2023, 1, 1 + n))
    return count


FILTER_URLS = ["/blog/category/design/", "/blog/author/troy-nachtigall/"]


@pytest.mark.parametrize("url", FILTER_URLS)
def test_filtered_listing_has_page_links_that_keep_the_filter(thirteen_by_troy_in_design, client, url):
    first = get_soup(client, url)
    assert card_titles(first) == [f"Match {n:02}" for n in range(POSTS_PER_PAGE)]
    assert [text for _, text, _ in page_links(first)] == ["Page 1", "Page 2", "Next page"]
    assert current_page(first) == ["Page 1"]
    # Followed as a browser would, from the filtered page's address.
    next_href = next(href for href, text, _ in page_links(first) if text == "Next page")
    second = get_soup(client, urljoin(url, next_href))
    assert card_titles(second) == [f"Match {POSTS_PER_PAGE:02}"]
    assert current_page(second) == ["Page 2"]
    assert listing_summary(second).startswith(f"{thirteen_by_troy_in_design} posts")
    previous = next(href for href, text, _ in page_links(second) if text == "Previous page")
    assert card_titles(get_soup(client, urljoin(url, previous))) == card_titles(first)


@pytest.mark.parametrize("url", FILTER_URLS)
@pytest.mark.parametrize(
    ("page", "expected"),
    [("abc", 1), ("-1", 1), ("0", 1), ("99999", 2), ("²", 1), ("1e3", 1), ("", 1), ("2", 2)],
)
def test_filtered_listing_answers_any_page_parameter_with_the_nearest_page(
    thirteen_by_troy_in_design, client, url, page, expected
):
    soup = get_soup(client, url, {"page": page})
    assert current_page(soup) == [f"Page {expected}"]
    assert len(card_titles(soup)) == (POSTS_PER_PAGE if expected == 1 else 1)


@pytest.mark.parametrize("page", ["²", "1e3"])
def test_blog_index_answers_page_parameters_that_only_look_like_numbers(
    thirteen_by_troy_in_design, client, page
):
    soup = get_soup(client, "/blog/", {"page": page})
    assert current_page(soup) == ["Page 1"]
    assert len(card_titles(soup)) == POSTS_PER_PAGE


def test_every_page_of_a_long_listing_shows_the_next_posts_in_order(blog_index, client):
    """Later pages are read from the end of the list (base/pagination.py): the same posts in the
    same order as from the start, also where posts share a date and drafts sit between them."""
    posts = []
    for n in range(4 * POSTS_PER_PAGE + 5):
        date = datetime.date(2020, 1, 1) + datetime.timedelta(days=n // 3)  # three posts a day
        post = BlogPageFactory(parent=blog_index, title=f"Post {n:02}", date=date)
        if n % 7 == 3:
            post.unpublish()
        else:
            posts.append(post)
    newest_first = [post.title for post in sorted(posts, key=lambda post: (post.date, post.pk), reverse=True)]
    pages = math.ceil(len(newest_first) / POSTS_PER_PAGE)
    shown = [card_titles(get_soup(client, "/blog/", {"page": number})) for number in range(1, pages + 1)]
    assert [len(titles) for titles in shown] == [POSTS_PER_PAGE] * (pages - 1) + [len(posts) % POSTS_PER_PAGE]
    assert sum(shown, []) == newest_first


# Reading time ------------------------------------------------------------------------------------


def words(count, word="word"):
    return " ".join([word] * count)


def post_of_words(blog_index, total, *, lead_words=10):
    """A post whose lead and body paragraph hold ``total`` words between them."""
    return BlogPageFactory(
        parent=blog_index,
        lead=words(lead_words, "lead"),
        body=[paragraph(f"<p>{words(total - lead_words)}</p>")],
    )


def reading_time(client, post):
    return text_of(get_soup(client, post.url).find(class_="post__reading-time"))


@pytest.mark.parametrize("total", [100, WORDS_PER_MINUTE, WORDS_PER_MINUTE + 1, 2300])
def test_reading_time_is_computed_from_the_words(blog_index, client, total):
    post = post_of_words(blog_index, total)
    assert post.word_count == total
    assert reading_time(client, post) == f"{max(1, math.ceil(total / WORDS_PER_MINUTE))} min read"


def test_a_post_of_a_thousand_words_takes_five_minutes(blog_index, client):
    assert reading_time(client, post_of_words(blog_index, 1000)) == "5 min read"


def test_reading_time_counts_the_words_readers_see_in_every_kind_of_block(blog_index, client):
    """1,150 words: five minutes exactly at 230 a minute. Headings, quotes and reference entries
    count by their words; what an editor picked in a menu (the heading level) is not text."""
    body = [
        heading("Two words"),
        heading("Three more words", "h3"),
        heading("Four words right here", "h4"),
        {"type": "quote", "value": {"quote": words(20, "quoted"), "attribution": "Ada Lovelace"}},
        {
            "type": "references",
            "value": {
                "heading": "References",
                "entries": [reference(authors="Ann Author", title="A fine title", venue="Journal")],
            },
        },
    ]
    shown = ["Two words", "Three more words", "Four words right here", words(20, "quoted"), "Ada Lovelace"]
    shown += ["References", "Ann Author", "A fine title", "Journal"]
    counted = sum(len(text.split()) for text in shown)
    body.append(paragraph(f"<p>{words(1150 - 10 - counted)}</p>"))
    post = BlogPageFactory(parent=blog_index, lead=words(10, "lead"), body=body)
    assert reading_time(client, post) == "5 min read"


# Table of contents -------------------------------------------------------------------------------


def headings_body(*titles):
    blocks = []
    for title in titles:
        blocks += [heading(title), paragraph(f"<p>About {title}.</p>")]
    return blocks


def test_table_of_contents_links_to_every_heading(blog_index, client):
    post = BlogPageFactory(
        parent=blog_index,
        body=[
            heading("Background"),
            paragraph("<p>Why.</p>"),
            heading("Method"),
            heading("Data sources", "h3"),
            paragraph("<p>How.</p>"),
            heading("Results"),
        ],
    )
    soup = get_soup(client, post.url)
    toc = soup.find("nav", class_="toc")
    assert toc is not None
    links = [(text_of(a), a["href"]) for a in toc.find_all("a")]
    body_headings = soup.find(class_="post__body").find_all(["h2", "h3", "h4"])
    assert links == [(text_of(h), f"#{h['id']}") for h in body_headings]
    assert [text for text, _ in links] == ["Background", "Method", "Data sources", "Results"]


def test_table_of_contents_anchors_match_deduplicated_heading_ids(blog_index, client):
    post = BlogPageFactory(
        parent=blog_index,
        body=headings_body("Method", "Results", "Method", "Contents", "Newsletter"),
    )
    soup = get_soup(client, post.url)
    hrefs = [a["href"] for a in soup.find("nav", class_="toc").find_all("a")]
    assert hrefs[:3] == ["#method", "#results", "#method-2"]
    ids = Counter(tag["id"] for tag in soup.find_all(id=True))
    assert [anchor for anchor, count in ids.items() if count > 1] == []
    body = soup.find(class_="post__body")
    for href in hrefs:
        target = soup.find(id=href.removeprefix("#"))
        assert target is not None and target.name in {"h2", "h3", "h4"}, href
        assert body in target.parents, href


def test_no_table_of_contents_below_three_headings(blog_index, client):
    post = BlogPageFactory(parent=blog_index, body=headings_body("Only", "Two"))
    soup = get_soup(client, post.url)
    assert len(soup.find(class_="post__body").find_all("h2")) == 2
    assert soup.find("nav", class_="toc") is None
    assert soup.find(id="toc-heading") is None


def test_table_of_contents_from_three_headings(blog_index, client):
    post = BlogPageFactory(parent=blog_index, body=headings_body("One", "Two", "Three"))
    toc = get_soup(client, post.url).find("nav", class_="toc")
    assert [a["href"] for a in toc.find_all("a")] == ["#one", "#two", "#three"]
