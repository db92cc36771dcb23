"""Search results: what is found and in which order, how each result reads, the category filter,
editors' promotions, the popular-searches record, and input that must not break the page.

tests/search/test_search.py covers the basics (the seed post, the result count, page links with
the query, the first set of odd queries); this file extends it.
"""

import datetime
from urllib.parse import parse_qs, urljoin, urlsplit

import pytest
from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import PageViewRestriction

from blog.models import BlogPage, BlogPageAuthor
from search.query import MAX_QUERY_LENGTH
from search.views import RESULTS_PER_PAGE

from ..conftest import inline_scripts, keep_world, restore, soup_of, text_of
from ..factories import (
    AuthorFactory,
    BlogCategoryFactory,
    BlogIndexPageFactory,
    BlogPageFactory,
    paragraph,
    reference,
)
from .test_search import WEIRD_QUERIES


def search(client, **params):
    response = client.get("/search/", params)
    assert response.status_code == 200, params
    return response


def results(response):
    """The ordinary (not promoted) results, as <li> elements."""
    return soup_of(response).select("ol.search-results > li.search-result")


def result_titles(response):
    return [text_of(item.find("h2")) for item in results(response)]


def summary(response):
    element = soup_of(response).find(class_="search-summary")
    return text_of(element) if element else None


def published(page):
    """Published through a revision, as the admin does (which also updates the search index)."""
    page.save_revision().publish()
    return page


def filler(words: int) -> str:
    return " ".join(f"filler{n % 50}" for n in range(words))


# What is found ----------------------------------------------------------------------------------


def make_post(blog_index, title="Unrelated title", **kwargs):
    kwargs.setdefault("lead", "An unrelated lead.")
    kwargs.setdefault("body", [paragraph("<p>Unrelated body text.</p>")])
    return published(BlogPageFactory(parent=blog_index, title=title, **kwargs))


@pytest.fixture
def decoy(blog_index):
    """A post that matches none of the words searched for below."""
    return make_post(blog_index, title="Decoy post", authors=[AuthorFactory(name="Dee Coy")])


def test_title_is_found(decoy, blog_index, client):
    make_post(blog_index, title="Counting quokkas")
    assert result_titles(search(client, query="quokkas")) == ["Counting quokkas"]


def test_lead_is_found(decoy, blog_index, client):
    make_post(blog_index, title="Lead match", lead="A post about wombats and their burrows.")
    assert result_titles(search(client, query="wombats")) == ["Lead match"]


def test_body_paragraph_text_is_found(decoy, blog_index, client):
    body = [paragraph(f"<p>{filler(300)}</p>"), paragraph("<p>Deep down: the <b>platypus</b> lays eggs.</p>")]
    make_post(blog_index, title="Body match", body=body)
    assert result_titles(search(client, query="platypus")) == ["Body match"]


@pytest.mark.parametrize("block_type", ["references", "reading_list"])
@pytest.mark.parametrize("field", ["title", "authors", "venue", "note"])
def test_reference_and_reading_list_entries_are_found(decoy, blog_index, client, block_type, field):
    entry = reference(title="A plain work", url="https://work.example/")
    entry[field] = "Echidnology monthly"
    block = {"type": block_type, "value": {"heading": "Sources", "entries": [entry]}}
    make_post(blog_index, title="Entry match", body=[paragraph("<p>Some text.</p>"), block])
    assert result_titles(search(client, query="echidnology")) == ["Entry match"]


def test_author_name_is_found(decoy, blog_index, client):
    make_post(blog_index, title="By Ottoline", authors=[AuthorFactory(name="Ottoline Quimby")])
    assert result_titles(search(client, query="Quimby")) == ["By Ottoline"]
    assert result_titles(search(client, query="Ottoline Quimby")) == ["By Ottoline"]


def test_category_name_is_found(decoy, blog_index, client):
    make_post(blog_index, title="Filed under", categories=[BlogCategoryFactory(name="Cryptozoology")])
    assert result_titles(search(client, query="cryptozoology")) == ["Filed under"]


def test_a_category_and_author_added_to_a_live_post_are_found(decoy, blog_index, client):
    """An editor adds a category and an author to a published post and publishes again."""
    post = BlogPage.objects.get(pk=make_post(blog_index, title="Later filed").pk)
    post.categories = [BlogCategoryFactory(name="Cryptozoology")]
    post.post_authors = [BlogPageAuthor(author=AuthorFactory(name="Ottoline Quimby"))]
    post.save_revision().publish()
    assert result_titles(search(client, query="cryptozoology")) == ["Later filed"]
    assert result_titles(search(client, query="Quimby")) == ["Later filed"]


@pytest.mark.parametrize("title_post_first", [True, False], ids=["title-post-older", "title-post-newer"])
def test_title_matches_rank_above_body_only_matches(blog_index, client, title_post_first):
    """Whichever was made first or dated later, the post with the word in its title comes first."""
    posts = []

    def title_post():
        posts.append(make_post(blog_index, title="The okapi question", date=datetime.date(2020, 1, 1)))

    def body_post():
        body = [paragraph(f"<p>{filler(400)}</p>"), paragraph("<p>In passing, an okapi appears.</p>")]
        posts.append(make_post(blog_index, title="A long essay", body=body, date=datetime.date(2024, 1, 1)))

    for make in (title_post, body_post) if title_post_first else (body_post, title_post):
        make()
    assert result_titles(search(client, query="okapi")) == ["The okapi question", "A long essay"]


# Only live, public posts ------------------------------------------------------------------------


def test_unpublished_password_protected_and_restricted_section_posts_are_not_found(site, blog_index, client):
    make_post(blog_index, title="Gecko public")
    make_post(blog_index, title="Gecko withdrawn").unpublish()
    protected = make_post(blog_index, title="Gecko password")
    PageViewRestriction.objects.create(page=protected, restriction_type="password", password="secret")
    members = BlogIndexPageFactory(parent=site.root_page, title="Members", slug="members")
    PageViewRestriction.objects.create(page=members, restriction_type="login")
    make_post(members, title="Gecko for members")
    assert result_titles(search(client, query="gecko")) == ["Gecko public"]


# How a result reads -----------------------------------------------------------------------------


@pytest.fixture
def narwhal_post(blog_index):
    return make_post(
        blog_index,
        title="Tusks",
        date=datetime.date(2021, 9, 13),
        lead="Why whales have teeth.",
        authors=[AuthorFactory(name="Ann Able"), AuthorFactory(name="Bo Baker")],
        body=[
            paragraph(f"<p>{filler(120)}</p>"),
            paragraph("<p>The <b>narwhal</b> tusk is a tooth. Narwhals use it to sense the water.</p>"),
        ],
    )


@pytest.mark.parametrize(
    ("typed", "shown"),
    [
        ('"narwhal tusk"', "“narwhal tusk”"),  # typed wholly in quotes: shown in the page's own
        ("“narwhal tusk”", "“narwhal tusk”"),
        ('"narwhal tusk" water', '“"narwhal tusk" water”'),  # a phrase among other words: as typed
    ],
)
def test_a_quoted_query_is_shown_in_one_pair_of_quotes(narwhal_post, client, typed, shown):
    response = search(client, query=typed)
    assert summary(response) == f"1 result for {shown}"
    assert text_of(soup_of(response).find("title")).startswith(f"Search results for {shown}")


def test_result_shows_title_link_date_authors_and_marked_excerpt(narwhal_post, client):
    response = search(client, query="narwhal")
    assert summary(response) == "1 result for “narwhal”"
    [item] = results(response)
    link = item.find("h2").find("a")
    assert (text_of(link), link["href"]) == ("Tusks", narwhal_post.url)
    meta = item.find(class_="search-result__meta")
    assert meta.find("time")["datetime"] == "2021-09-13"
    assert text_of(meta) == "13 September 2021 · Ann Able, Bo Baker"
    excerpt = item.find(class_="search-result__excerpt")
    assert [text_of(mark).lower() for mark in excerpt.find_all("mark")] == [
        "narwhal",
        "narwhals",
    ]  # whole words, any form
    assert "The narwhal tusk is a tooth." in text_of(excerpt)
    # The excerpt starts near the match, not at the top of the post.
    assert "Why whales have teeth" not in text_of(excerpt)
    assert text_of(excerpt).startswith("…")
    assert excerpt.find("b") is None  # the post's own markup is not carried over


def test_excerpt_escapes_markup_in_the_post_text(blog_index, client):
    make_post(
        blog_index,
        title="Markup",
        lead='Narwhal tip: never trust <script>alert("narwhal")</script> in a lead.',
        body=[paragraph("<p>Body.</p>")],
    )
    response = search(client, query="narwhal")
    excerpt = results(response)[0].find(class_="search-result__excerpt")
    assert excerpt.find("script") is None
    assert not inline_scripts(soup_of(response))
    assert excerpt.get_text() == 'Narwhal tip: never trust <script>alert("narwhal")</script> in a lead. Body.'
    assert [text_of(mark) for mark in excerpt.find_all("mark")] == ["Narwhal", "narwhal"]


def test_excerpt_shows_body_text_as_readers_see_it(blog_index, client):
    """Rich text stores "&" as "&amp;" and "<" as "&lt;": the excerpt must show "&" and "<", once escaped."""
    make_post(
        blog_index,
        title="Entities",
        lead="Short lead.",
        body=[paragraph("<p>R&amp;D on the narwhal: 3 &lt; 4 &amp; “quotes”.</p>")],
    )
    excerpt = results(search(client, query="narwhal"))[0].find(class_="search-result__excerpt")
    assert excerpt.get_text() == "Short lead. R&D on the narwhal: 3 < 4 & “quotes”."


def test_excerpt_marks_words_without_breaking_the_escaping(blog_index, client):
    """A query word that is also the name of an HTML entity (amp, lt, quot) is marked only where
    the reader sees it, never inside the "&amp;" that escapes an ampersand."""
    make_post(
        blog_index,
        title="Amplifiers",
        lead="Guitar amp tests & results for <lt> fans.",
        body=[paragraph("<p>Body.</p>")],
    )
    excerpt = results(search(client, query="amp"))[0].find(class_="search-result__excerpt")
    assert excerpt.get_text() == "Guitar amp tests & results for <lt> fans. Body."
    assert [text_of(mark) for mark in excerpt.find_all("mark")] == ["amp"]


# Page links and the search boxes ----------------------------------------------------------------


@pytest.fixture(scope="session")
def pandas_in_two_categories_state(site_state, django_db_blocker):
    return keep_world(
        "pandas_in_two_categories", build_pandas_in_two_categories, site_state, django_db_blocker
    )


@pytest.fixture
def pandas_in_two_categories(site, pandas_in_two_categories_state):
    """Two pages and a bit of pandas in the Zoo, and one panda on the farm; returns the number in
    the Zoo (built once per test process)."""
    return restore(pandas_in_two_categories_state)


def build_pandas_in_two_categories(blog_index):
    zoo = BlogCategoryFactory(name="Zoo", slug="zoo")
    farm = BlogCategoryFactory(name="Farm", slug="farm")
    first = datetime.date(2021, 1, 1)
    for n in range(RESULTS_PER_PAGE + 3):
        BlogPageFactory(
            parent=blog_index,
            title=f"Zoo pandas {n}",
            date=first + datetime.timedelta(days=n),
            categories=[zoo],
        )
    BlogPageFactory(parent=blog_index, title="Farm pandas", categories=[farm])
    return RESULTS_PER_PAGE + 3


def test_category_filter_narrows_the_results(pandas_in_two_categories, client):
    everything = search(client, query="pandas")
    assert summary(everything) == f"{pandas_in_two_categories + 1} results for “pandas”"
    response = search(client, query="pandas", category="zoo")
    assert summary(response) == f"{pandas_in_two_categories} results for “pandas” in Zoo"
    assert all(title.startswith("Zoo pandas") for title in result_titles(response))
    selected = soup_of(response).find("select", id="search-category").find("option", selected=True)
    assert (selected["value"], text_of(selected)) == ("zoo", "Zoo")
    farm = search(client, query="pandas", category="farm")
    assert result_titles(farm) == ["Farm pandas"]


def test_unknown_category_is_ignored(pandas_in_two_categories, client):
    response = search(client, query="pandas", category="no-such-category")
    assert summary(response) == f"{pandas_in_two_categories + 1} results for “pandas”"
    assert soup_of(response).find("select", id="search-category").find("option", selected=True) is None


def test_page_links_keep_the_query_and_the_category(pandas_in_two_categories, client):
    first = search(client, query="pandas", category="zoo")
    nav = soup_of(first).find("nav", class_="pagination")
    next_href = nav.find("a", rel="next")["href"]
    assert parse_qs(urlsplit(next_href).query) == {"query": ["pandas"], "category": ["zoo"], "page": ["2"]}
    second = client.get(urljoin("/search/", next_href))
    assert second.status_code == 200
    assert summary(second) == f"{pandas_in_two_categories} results for “pandas” in Zoo"
    assert len(result_titles(second)) == pandas_in_two_categories - RESULTS_PER_PAGE
    assert set(result_titles(second)).isdisjoint(result_titles(first))
    for link in soup_of(second).find("nav", class_="pagination").find_all("a"):
        assert parse_qs(urlsplit(link["href"]).query)["category"] == ["zoo"]


def test_the_query_stays_in_both_search_boxes(pandas_in_two_categories, client):
    soup = soup_of(search(client, query="  giant pandas  ", page="2"))
    assert soup.find("input", id="search-query")["value"].strip() == "giant pandas"
    assert soup.find("input", id="site-search-query")["value"].strip() == "giant pandas"


def test_no_results_in_a_category_offers_all_categories(pandas_in_two_categories, blog_index, client):
    BlogPageFactory(parent=blog_index, title="Koalas everywhere")
    response = search(client, query="koalas", category="zoo")
    assert result_titles(response) == []
    main = soup_of(response).find("main")
    assert "Nothing matched" in text_of(main)
    everywhere = main.find("a", string="search all categories")
    assert parse_qs(urlsplit(everywhere["href"]).query) == {"query": ["koalas"]}
    assert result_titles(client.get(urljoin("/search/", everywhere["href"]))) == ["Koalas everywhere"]
    assert main.find("a", string="browse the latest posts") is not None


# Editors' promotions ----------------------------------------------------------------------------


@pytest.fixture
def promoted(pandas_in_two_categories, blog_index):
    """An editor promotes a post that does not mention pandas, and an external page."""
    post = make_post(blog_index, title="Our bamboo policy")
    query = Query.get("pandas")
    SearchPromotion.objects.create(query=query, page=post, description="What we feed them.", sort_order=0)
    SearchPromotion.objects.create(
        query=query,
        external_link_url="https://pandas.example/",
        external_link_text="Panda facts",
        sort_order=1,
    )
    return post


def promotion_links(response):
    section = soup_of(response).find(class_="search-promotions")
    return [(text_of(a), a["href"]) for a in section.find_all("a")] if section else []


def test_promotions_come_first_on_the_first_page(promoted, client):
    response = search(client, query="Pandas")
    assert promotion_links(response) == [
        ("Our bamboo policy", promoted.url),
        ("Panda facts", "https://pandas.example/"),
    ]
    items = soup_of(response).select(".search-result")
    assert "search-result--promoted" in items[0]["class"]
    assert text_of(items[0].find("a")) == "Our bamboo policy"
    assert "What we feed them." in text_of(items[0])


def test_promotions_are_not_repeated_on_later_pages(promoted, client):
    assert promotion_links(search(client, query="pandas", page="2")) == []


def test_promotion_of_an_unpublished_page_is_not_shown(promoted, client):
    promoted.unpublish()
    assert promotion_links(search(client, query="pandas")) == [("Panda facts", "https://pandas.example/")]


# The popular-searches record --------------------------------------------------------------------


def test_each_search_is_recorded_with_a_daily_hit(site, client):
    search(client, query="Pandas")
    search(client, query="pandas")
    search(client, query="koalas")
    query = Query.objects.get(query_string="pandas")
    [daily] = query.daily_hits.all()
    assert (daily.date, daily.hits) == (timezone.now().date(), 2)
    assert list(Query.get_most_popular()[:2]) == [query, Query.objects.get(query_string="koalas")]


def test_an_empty_search_is_not_recorded(site, client):
    search(client, query="")
    search(client, query="   ")
    search(client, query='"" ***')
    assert not Query.objects.filter(daily_hits__isnull=False).exists()


# Input that must not break it -------------------------------------------------------------------


@pytest.fixture(scope="session")
def china_post_state(site_state, django_db_blocker):
    return keep_world("china_post", build_china_post, site_state, django_db_blocker)


@pytest.fixture
def china_post(site, china_post_state):
    """A post in the Zoo about China (built once per test process)."""
    return restore(china_post_state)


def build_china_post(blog_index):
    zoo = BlogCategoryFactory(name="Zoo", slug="zoo")
    return make_post(
        blog_index, title="China and AI", lead="Research with Chinese colleagues.", categories=[zoo]
    )


# More than test_search.WEIRD_QUERIES: other quote characters, CJK with a space, blank input.
ODD_QUERIES = {
    "lone double quote before a word": '"china',
    "unbalanced quotes": 'china "research',
    "curly double quotes": "“china”",
    "lone curly quote": "“",
    "apostrophe": "china's",
    "lone apostrophe": "'",
    "curly single quotes": "‘china’",
    "low double quote": "„china“",
    "nul byte inside a word": "chi\x00na",
    "chinese with a space": "中国 研究",
    "emoji only": "🐼🎉",
    "whitespace only": " \t\n ",
}


def assert_answers_with_the_query_shown_back(response, query):
    content = response.content.decode()
    soup = soup_of(response)
    assert len(soup.find_all("h1")) == 1
    assert soup.find("footer") is not None
    assert not inline_scripts(soup)
    assert "\x00" not in content
    assert soup.find("input", id="search-query")["value"] == query.replace("\x00", "")[:MAX_QUERY_LENGTH]


@pytest.mark.parametrize("category", ["", "zoo", "no-such-category"])
@pytest.mark.parametrize("query", ODD_QUERIES.values(), ids=ODD_QUERIES.keys())
def test_odd_queries_answer_200(china_post, client, query, category):
    assert_answers_with_the_query_shown_back(search(client, query=query, category=category), query)


@pytest.mark.parametrize("category", ["zoo", "no-such-category"])
@pytest.mark.parametrize("query", WEIRD_QUERIES.values(), ids=WEIRD_QUERIES.keys())
def test_weird_queries_answer_200_with_a_category(china_post, client, query, category):
    assert_answers_with_the_query_shown_back(search(client, query=query, category=category), query)


@pytest.mark.parametrize("query", ['"china', 'china"', "“china”", "‘china’", "„china“", "china:*", "China!"])
def test_quote_and_syntax_characters_around_a_word_still_find_it(china_post, client, query):
    assert result_titles(search(client, query=query)) == ["China and AI"]


@pytest.mark.parametrize("query", ["China's", "China’s"])
def test_a_possessive_finds_the_word(china_post, client, query):
    """Readers type "China's": the apostrophe must not turn it into a search for "China" and "s"."""
    assert result_titles(search(client, query=query)) == ["China and AI"]


@pytest.mark.parametrize("page", ["abc", "-1", "99999", "0", "²"])
@pytest.mark.parametrize("query", ["“china”", "中国 研究", 'china "'])
def test_bad_page_with_odd_queries(china_post, client, query, page):
    soup = soup_of(search(client, query=query, page=page, category="zoo"))
    assert soup.find("input", id="search-query")["value"] == query


def test_chinese_text_is_found_and_shown_back(blog_index, client):
    make_post(blog_index, title="中国 研究 合作", lead="关于 中国 研究 的 文章。")
    response = search(client, query="中国 研究")
    assert soup_of(response).find("input", id="search-query")["value"] == "中国 研究"
    assert summary(response).endswith("for “中国 研究”")
    assert result_titles(response) == ["中国 研究 合作"]
