"""The blog post page and the blog index: what readers see, which posts, which pages."""

import datetime
from collections import Counter

import pytest
from wagtail.models import PageViewRestriction

from blog.models import POSTS_PER_PAGE

from ..conftest import soup_of, text_of
from ..factories import AuthorFactory, BlogCategoryFactory, BlogPageFactory, ImageFactory, heading, paragraph


def card_titles(soup):
    return [text_of(title) for title in soup.select(".post-card__title")]


# The post page ---------------------------------------------------------------------------------


@pytest.fixture
def post(blog_index):
    return BlogPageFactory(
        parent=blog_index,
        title="Data & <Design>",
        date=datetime.date(2021, 9, 13),
        lead="What happens when designers work with data?",
        editor_note="The opinions are the author's own.",
        authors=[AuthorFactory(name="Troy Nachtigall", role="Designer"), AuthorFactory(name="Ann Other")],
        categories=[BlogCategoryFactory(name="Design"), BlogCategoryFactory(name="Research")],
        listing_image=ImageFactory(),
        body=[
            paragraph("<p>Designers know their materials [1].</p>"),
            heading("Data as a material", "h2"),
            heading("Fabric", "h3"),
            {"type": "quote", "value": {"quote": "Data drapes.", "attribution": "A designer"}},
            {
                "type": "references",
                "value": {
                    "heading": "References",
                    "entries": [{"title": "Materials", "url": "https://materials.example/"}],
                },
            },
        ],
    )


def test_post_page_shows_its_content(post, client):
    response = client.get(post.url)
    assert response.status_code == 200
    soup = soup_of(response)
    article = soup.find("article", class_="post")
    assert text_of(article.find("h1")) == "Data & <Design>"
    assert text_of(article.find(class_="post__lead")) == "What happens when designers work with data?"
    assert text_of(article.find(class_="post__editor-note")) == "The opinions are the author's own."
    time = article.find("time")
    assert (time["datetime"], text_of(time)) == ("2021-09-13", "13 September 2021")
    category_links = article.find(class_="post__categories").find_all("a")
    assert [(a.get_text(), a["href"]) for a in category_links] == [
        ("Design", "/blog/category/design/"),
        ("Research", "/blog/category/research/"),
    ]
    names = [text_of(n) for n in article.select(".author-list .author__name")]
    assert names == ["Troy Nachtigall", "Ann Other"]
    assert "Designer" in text_of(article.find(class_="author-list"))
    photos = article.select(".author-list img.author__photo")
    # 48px photos, with a sharper one for high-density screens.
    assert len(photos) == 2 and all(".fill-48x48." in img["src"] for img in photos)
    assert all(".fill-96x96." in img["srcset"] for img in photos)
    body = article.find(class_="post__body")
    assert body.find("h2", id="data-as-a-material") is not None
    assert body.find("h3", id="fabric") is not None
    assert body.find("blockquote") is not None
    assert body.find("a", href="#ref-1") is not None
    assert body.find("li", id="ref-1").find("a")["href"] == "https://materials.example/"


def test_post_page_title_and_description(post, client):
    soup = soup_of(client.get(post.url))
    assert text_of(soup.find("title")) == "Data & <Design> | Amsterdam Data Science"
    assert soup.find("meta", attrs={"name": "description"})["content"] == post.lead


def test_post_page_escapes_markup_in_text_fields(post, client):
    content = client.get(post.url).content.decode()
    assert "<Design>" not in content
    assert "Data &amp; &lt;Design&gt;" in content


def test_post_page_structure(post, client):
    soup = soup_of(client.get(post.url))
    assert len(soup.find_all("h1")) == 1
    assert len(soup.find_all("main")) == 1
    assert soup.find("main").find("article") is not None
    assert soup.find("nav", attrs={"aria-label": "Main"}) is not None
    assert soup.find("footer") is not None
    assert soup.find("html")["lang"] == "en"
    # The blog is the current section in the main navigation.
    current = soup.find("nav", attrs={"aria-label": "Main"}).find("a", attrs={"aria-current": "page"})
    assert text_of(current) == "Blog"


def test_heading_anchors_are_unique_on_the_page(blog_index, client):
    """Two sections with the same heading, or a heading named like a part of the page, must not
    give two elements the same id: the second could never be linked to, and a heading
    "Newsletter" would take the #newsletter anchor the signup form returns visitors to."""
    post = BlogPageFactory(
        parent=blog_index,
        body=[
            heading("Method"),
            paragraph("<p>First study.</p>"),
            heading("Method"),
            paragraph("<p>Second study.</p>"),
            heading("Newsletter", "h3"),
        ],
    )
    soup = soup_of(client.get(post.url))
    ids = Counter(tag["id"] for tag in soup.find_all(id=True))
    assert [anchor for anchor, count in ids.items() if count > 1] == []
    assert len(soup.select(".post__body h2, .post__body h3")) == 3


def test_post_without_editor_note_or_categories_shows_neither(blog_index, client):
    post = BlogPageFactory(parent=blog_index, editor_note="", categories=[])
    soup = soup_of(client.get(post.url))
    assert soup.find(class_="post__editor-note") is None
    assert soup.find(class_="post__categories") is None
    assert soup.find(id="read-more-heading") is None


def test_draft_post_is_not_served(blog_index, client):
    draft = BlogPageFactory(parent=blog_index, live=False)
    assert client.get(draft.url_path.removeprefix("/home")).status_code == 404


def test_private_post_asks_for_a_password(blog_index, client):
    post = BlogPageFactory(parent=blog_index, title="Secret plans")
    PageViewRestriction.objects.create(page=post, restriction_type="password", password="letmein")
    response = client.get(post.url)
    assert response.status_code == 200
    soup = soup_of(response)
    assert text_of(soup.find("h1")) == "Password required"
    assert "Secret plans" not in response.content.decode()
    assert post.lead not in response.content.decode()
    # With the password, the post is shown.
    form = soup.find("form")
    response = client.post(form["action"], {"password": "letmein", "return_url": post.url}, follow=True)
    assert text_of(soup_of(response).find("h1")) == "Secret plans"


def test_unknown_address_gives_the_404_page(site, client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert "Page not found" in text_of(soup_of(response).find("h1"))


# The blog index --------------------------------------------------------------------------------


def test_index_lists_live_posts_newest_first(blog_index, client):
    day = datetime.date(2021, 1, 1)
    BlogPageFactory(parent=blog_index, title="Middle", date=day + datetime.timedelta(days=1))
    BlogPageFactory(parent=blog_index, title="Oldest", date=day)
    BlogPageFactory(parent=blog_index, title="Newest", date=day + datetime.timedelta(days=2))
    BlogPageFactory(parent=blog_index, title="Draft", date=day + datetime.timedelta(days=3), live=False)
    response = client.get(blog_index.url)
    assert response.status_code == 200
    soup = soup_of(response)
    assert card_titles(soup) == ["Newest", "Middle", "Oldest"]
    assert text_of(soup.find("h1")) == "Blog"
    assert soup.select_one(".card-grid a")["href"] == "/blog/newest/"


def test_a_card_without_any_image_shows_a_panel_in_its_place(blog_index, client):
    """In a row of pictures, a card without one would end in empty space under its title."""
    BlogPageFactory(parent=blog_index, title="Pictured", listing_image=ImageFactory())
    BlogPageFactory(parent=blog_index, title="Words only", categories=[BlogCategoryFactory(name="Events")])
    cards = {
        text_of(card.find(class_="post-card__title")): card
        for card in soup_of(client.get(blog_index.url)).select(".post-card")
    }
    assert cards["Pictured"].find(class_="post-card__placeholder") is None
    panel = cards["Words only"].find(class_="post-card__placeholder")
    assert panel["aria-hidden"] == "true"  # decoration: the card's title and date say it all
    assert text_of(panel) == "Events"


def test_index_excludes_private_posts(blog_index, client):
    BlogPageFactory(parent=blog_index, title="Public")
    private = BlogPageFactory(parent=blog_index, title="Members only")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    assert card_titles(soup_of(client.get(blog_index.url))) == ["Public"]


def test_index_with_no_posts_says_so(blog_index, client):
    soup = soup_of(client.get(blog_index.url))
    assert card_titles(soup) == []
    assert "No posts have been published here yet." in text_of(soup)


@pytest.fixture
def many_posts(blog_index):
    """Two and a bit pages of posts, newest first: "Post 00" is the newest."""
    first = datetime.date(2020, 1, 1)
    count = POSTS_PER_PAGE * 2 + 1
    return [
        BlogPageFactory(
            parent=blog_index, title=f"Post {n:02}", date=first + datetime.timedelta(days=count - n)
        )
        for n in range(count)
    ]


def page_links(soup):
    nav = soup.find("nav", class_="pagination")
    return [(a["href"], text_of(a), a.get("aria-current")) for a in nav.find_all("a")] if nav else []


def test_index_shows_twelve_posts_a_page_with_page_links(blog_index, many_posts, client):
    soup = soup_of(client.get(blog_index.url))
    assert card_titles(soup) == [f"Post {n:02}" for n in range(POSTS_PER_PAGE)]
    assert page_links(soup) == [
        ("?page=1", "Page 1", "page"),
        ("?page=2", "Page 2", None),
        ("?page=3", "Page 3", None),
        ("?page=2", "Next page", None),
    ]

    soup = soup_of(client.get(blog_index.url, {"page": 2}))
    assert card_titles(soup) == [f"Post {n:02}" for n in range(POSTS_PER_PAGE, POSTS_PER_PAGE * 2)]
    assert ("?page=1", "Previous page", None) in page_links(soup)
    assert ("?page=2", "Page 2", "page") in page_links(soup)

    soup = soup_of(client.get(blog_index.url, {"page": 3}))
    assert card_titles(soup) == [f"Post {POSTS_PER_PAGE * 2:02}"]
    assert ("?page=3", "Next page", None) not in page_links(soup)


def test_index_with_one_page_has_no_page_links(blog_index, client):
    BlogPageFactory.create_batch(3, parent=blog_index)
    assert page_links(soup_of(client.get(blog_index.url))) == []


@pytest.mark.parametrize(
    ("page", "expected_page"),
    [("abc", 1), ("", 1), ("1.5", 1), ("99999", 3), ("4", 3), ("-1", 1), ("0", 1)],
)
def test_index_answers_any_page_parameter_with_the_nearest_page(
    blog_index, many_posts, client, page, expected_page
):
    response = client.get(blog_index.url, {"page": page})
    assert response.status_code == 200
    current = [link for link in page_links(soup_of(response)) if link[2] == "page"]
    assert current == [(f"?page={expected_page}", f"Page {expected_page}", "page")]


def test_index_only_lists_its_own_children(site, blog_index, client):
    from ..factories import BlogIndexPageFactory

    other_index = BlogIndexPageFactory(parent=site.root_page, title="News", slug="news")
    BlogPageFactory(parent=blog_index, title="In the blog")
    BlogPageFactory(parent=other_index, title="In the news")
    assert card_titles(soup_of(client.get(blog_index.url))) == ["In the blog"]
    assert card_titles(soup_of(client.get(other_index.url))) == ["In the news"]
