"""The home page: intro, the newest posts and the way to the blog."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from wagtail.models import Page, PageViewRestriction

from blog.models import BlogIndexPage, BlogPage
from home.models import HomePage

from ..conftest import soup_of, text_of
from ..factories import AuthorFactory, BlogPageFactory


def home_soup(client):
    response = client.get("/")
    assert response.status_code == 200
    return soup_of(response)


def card_titles(soup):
    return [text_of(title) for title in soup.select(".post-card__title")]


@pytest.fixture
def posts(blog_index):
    first = datetime.date(2021, 1, 1)
    return [
        BlogPageFactory(parent=blog_index, title=f"Post {n}", date=first + datetime.timedelta(days=n))
        for n in range(8)
    ]


def test_home_page_shows_title_and_intro(home_page, client):
    soup = home_soup(client)
    assert [text_of(h) for h in soup.find_all("h1")] == ["Amsterdam Data Science"]
    assert "News, opinion and stories from the network." in text_of(soup.find(class_="page-header__intro"))
    # The home page's title is the site's name: said once, not "Amsterdam Data Science | Amsterdam Data Science".
    assert text_of(soup.find("title")) == "Amsterdam Data Science"


def test_home_page_shows_the_newest_posts(home_page, posts, client):
    soup = home_soup(client)
    section = soup.find("section", attrs={"aria-labelledby": "latest-heading"})
    assert text_of(section.find("h2")) == "Latest from the blog"
    assert card_titles(section) == [f"Post {n}" for n in (7, 6, 5, 4, 3, 2)]  # six by default
    assert section.select_one(".post-card__title a")["href"] == "/blog/post-7/"


def test_home_page_shows_as_many_posts_as_the_editor_chose(home_page, posts, client):
    home_page.latest_posts_count = 3
    home_page.latest_posts_heading = "Fresh from the blog"
    home_page.save()
    section = home_soup(client).find("section", attrs={"aria-labelledby": "latest-heading"})
    assert text_of(section.find("h2")) == "Fresh from the blog"
    assert card_titles(section) == ["Post 7", "Post 6", "Post 5"]


def test_home_page_leaves_out_drafts_and_private_posts(home_page, blog_index, posts, client):
    BlogPageFactory(parent=blog_index, title="Draft", date=datetime.date(2030, 1, 1), live=False)
    private = BlogPageFactory(parent=blog_index, title="Private", date=datetime.date(2030, 1, 2))
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    titles = card_titles(home_soup(client))
    assert "Draft" not in titles
    assert "Private" not in titles
    assert titles[0] == "Post 7"


def test_home_page_cards_show_date_and_authors(home_page, blog_index, client):
    BlogPageFactory(
        parent=blog_index,
        title="With authors",
        date=datetime.date(2021, 4, 29),
        authors=[AuthorFactory(name="Gabriel Lopez"), AuthorFactory(name="Anita de Waard")],
    )
    card = home_soup(client).find("article", class_="post-card")
    assert card.find("time")["datetime"] == "2021-04-29"
    assert text_of(card.find("time")) == "29 April 2021"
    assert [text_of(n) for n in card.select(".author__name")] == ["Gabriel Lopez", "Anita de Waard"]


def test_home_page_links_to_the_blog_index(home_page, blog_index, client):
    soup = home_soup(client)
    more = soup.find(class_="more-link").find("a")
    assert more["href"] == "/blog/"
    assert text_of(more) == "All posts in Blog"
    nav = soup.find("nav", attrs={"aria-label": "Main"})
    assert [(text_of(a), a["href"]) for a in nav.find_all("a")] == [("Home", "/"), ("Blog", "/blog/")]
    assert text_of(nav.find("a", attrs={"aria-current": "page"})) == "Home"


def test_home_page_without_posts(home_page, client):
    soup = home_soup(client)
    assert card_titles(soup) == []
    assert "No posts yet." in text_of(soup)


def test_home_page_without_a_blog_index_has_no_blog_link(home_page, blog_index, client):
    blog_index.unpublish()
    soup = home_soup(client)
    assert soup.find(class_="more-link") is None
    assert [text_of(a) for a in soup.find("nav", attrs={"aria-label": "Main"}).find_all("a")] == ["Home"]


@pytest.mark.parametrize(("count", "valid"), [(0, False), (1, True), (12, True), (13, False)])
def test_latest_posts_count_is_between_1_and_12(home_page, count, valid):
    home_page.latest_posts_count = count
    if valid:
        home_page.full_clean()
        assert home_page.latest_posts_count == count
    else:
        with pytest.raises(ValidationError) as error:
            home_page.full_clean()
        assert "latest_posts_count" in error.value.message_dict


def test_only_one_home_page_under_the_root(home_page, page_assertions):
    page_assertions.assertAllowedSubpageTypes(HomePage, [BlogIndexPage])
    page_assertions.assertCanNotCreateAt(HomePage, BlogPage)
    # max_count = 1: with the home page in place, no second one can be added.
    assert not HomePage.can_create_at(Page.get_first_root_node())
