"""Searching the blog: finding posts, and answering any query without an error."""

import datetime

import pytest

from search.query import MAX_QUERY_LENGTH, MAX_QUERY_WORDS, parse
from search.views import RESULTS_PER_PAGE

from ..conftest import inline_scripts, keep_world, restore, soup_of, text_of
from ..factories import AuthorFactory, BlogPageFactory

SEED_TITLE = "AI Research with China: to Collaborate or not to Collaborate – is that the Question?"


def search(client, **params):
    response = client.get("/search/", params)
    assert response.status_code == 200, params
    return response


def result_titles(response):
    return [text_of(h) for h in soup_of(response).select(".search-result h2")]


def summary(response):
    element = soup_of(response).find(class_="search-summary")
    return text_of(element) if element else None


@pytest.fixture
def china_post(blog_index):
    """A quicker stand-in for the demo content where only a matching post is needed."""
    return BlogPageFactory(
        parent=blog_index,
        title="China and AI",
        lead="Collaboration with Chinese colleagues.",
        authors=[AuthorFactory(name="Lynda Hardman")],
    )


def test_china_finds_the_seed_post(demo, client):
    response = search(client, query="china")
    titles = result_titles(response)
    assert SEED_TITLE in titles
    result = soup_of(response).find("a", string=SEED_TITLE)
    assert result["href"] == "/blog/ai-research-with-china/"
    item = result.find_parent("li")
    assert "Lynda Hardman" in text_of(item.find(class_="search-result__meta"))
    assert item.find("time")["datetime"] == "2020-11-05"
    assert summary(response).endswith("for “china”")


def test_words_from_the_body_and_lead_are_found(demo, client):
    assert result_titles(search(client, query="Tsinghua")) == [SEED_TITLE]
    assert result_titles(search(client, query="scrutiny")) == [SEED_TITLE]


def test_a_word_that_is_nowhere_finds_nothing(demo, client):
    response = search(client, query="xylophonist")
    assert result_titles(response) == []
    assert summary(response) == "0 results for “xylophonist”"
    assert "Nothing matched. Check the spelling" in text_of(soup_of(response).find("main"))


def test_drafts_and_private_posts_are_not_found(blog_index, client):
    from wagtail.models import PageViewRestriction

    BlogPageFactory(parent=blog_index, title="Zebra public")
    BlogPageFactory(parent=blog_index, title="Zebra draft", live=False)
    private = BlogPageFactory(parent=blog_index, title="Zebra private")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    assert result_titles(search(client, query="zebra")) == ["Zebra public"]


def test_empty_query_shows_no_results_and_no_error(site, client):
    for params in ({}, {"query": ""}, {"query": "   "}):
        response = search(client, **params)
        soup = soup_of(response)
        assert soup.find(class_="search-results") is None
        assert soup.find(class_="search-summary") is None
        assert soup.find(class_="field__error") is None
        assert text_of(soup.find("h1")) == "Search"


def test_a_query_of_only_symbols_asks_for_words(site, client):
    soup = soup_of(search(client, query="!!! ***"))
    assert soup.find(class_="search-results") is None
    assert "Type a word or two to search" in text_of(soup.find("main"))


WEIRD_QUERIES = {
    "double quote": '"',
    "boolean operators": "a & !b",
    "prefix operator": "x:*",
    "nul byte": "china\x00",
    "only a nul byte": "\x00",
    "5000 characters": "china" * 1000,
    "600 words": " ".join(["china"] * 600),
    "emoji": "🐼 china 🎉",
    "chinese text": "人工智能 中国",
    "script tag": "<script>alert(1)</script>",
    "sql": "'; DROP TABLE wagtailcore_page; --",
    "parentheses": "((china) OR (",
    "backslashes": "\\\\ \\",
    "tsquery syntax": "china <-> research | !!a",
    "percent": "100% _ %",
}


@pytest.mark.parametrize("query", WEIRD_QUERIES.values(), ids=WEIRD_QUERIES.keys())
def test_weird_queries_answer_200(china_post, client, query):
    response = search(client, query=query)
    soup = soup_of(response)
    assert len(soup.find_all("h1")) == 1
    assert soup.find("footer") is not None
    # What the visitor typed is shown back in the search box, minus NUL bytes, never raw markup.
    box = soup.find("input", id="search-query")
    assert box["value"] == query.replace("\x00", "")[:MAX_QUERY_LENGTH]
    assert "\x00" not in response.content.decode()


def test_queries_containing_china_still_find_the_post(china_post, client):
    for query in ("china\x00", "china" + " china" * 599, '"china"', "china:*", "(china)"):
        assert result_titles(search(client, query=query)) == ["China and AI"], repr(query[:20])


def test_script_in_the_query_is_shown_escaped(china_post, client):
    response = search(client, query="<script>alert(1)</script>")
    content = response.content.decode()
    assert "<script>" not in content
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in content
    assert not inline_scripts(soup_of(response))


def test_chinese_text_is_shown_back(china_post, client):
    response = search(client, query="人工智能")
    assert soup_of(response).find("input", id="search-query")["value"] == "人工智能"
    assert summary(response) == "0 results for “人工智能”"


def test_the_query_is_read_as_words_bounded_in_size():
    assert str(parse('a & !b "c" x:* (d)')) == "b c x d"  # "a" is a stop word
    assert str(parse("\x00china\x00")) == "china"
    assert len(str(parse("x" * 5000))) == MAX_QUERY_LENGTH
    assert len(parse(" ".join(["word"] * 600)).words) == MAX_QUERY_WORDS
    assert str(parse("人工智能 🐼")) == "人工智能"


@pytest.fixture(scope="session")
def many_results_state(site_state, django_db_blocker):
    return keep_world("many_results", build_many_results, site_state, django_db_blocker)


@pytest.fixture
def many_results(site, many_results_state):
    """Two and a half pages of posts about pandas (built once per test process)."""
    return restore(many_results_state)


def build_many_results(blog_index):
    first = datetime.date(2021, 1, 1)
    author = AuthorFactory(name="Pat Panda")
    return [
        BlogPageFactory(
            parent=blog_index,
            title=f"Pandas part {n}",
            date=first + datetime.timedelta(days=n),
            authors=[author],
        )
        for n in range(RESULTS_PER_PAGE * 2 + 5)
    ]


def test_results_are_paginated(many_results, client):
    first = search(client, query="pandas")
    assert len(result_titles(first)) == RESULTS_PER_PAGE
    assert summary(first) == "25 results for “pandas”"
    pages = soup_of(first).find("nav", class_="pagination")
    hrefs = [a["href"] for a in pages.find_all("a")]
    assert "?query=pandas&page=2" in hrefs
    third = search(client, query="pandas", page="3")
    assert len(result_titles(third)) == 5
    seen = set(result_titles(first)) | set(result_titles(search(client, query="pandas", page="2")))
    assert seen.isdisjoint(result_titles(third))
    assert len(seen | set(result_titles(third))) == 25


def test_a_query_matching_more_than_a_search_lists_asks_for_another_word(many_results, client, settings):
    settings.SEARCH_MAX_RESULTS = 12
    first = search(client, query="pandas")
    assert summary(first) == (
        "12 or more results for “pandas”. Showing 12: add a word or choose a category to narrow your search."
    )
    second = search(client, query="pandas", page="2")
    assert len(result_titles(second)) == 2  # 12 in all, 10 a page
    assert (
        search(client, query="pandas", page="3").content == search(client, query="pandas", page="2").content
    )
    assert summary(search(client, query="pandas part 7")) == "1 result for “pandas part 7”"


@pytest.mark.parametrize("page", ["abc", "99999", "-1", "0", "", "1e3", "२"])
def test_any_page_parameter_answers_200(many_results, client, page):
    response = search(client, query="pandas", page=page)
    assert len(result_titles(response)) in (RESULTS_PER_PAGE, 5)
    current = soup_of(response).find("nav", class_="pagination").find("a", attrs={"aria-current": "page"})
    assert current is not None


def test_page_parameter_on_the_seed_search(demo, client):
    for page in ("abc", "99999"):
        assert SEED_TITLE in result_titles(search(client, query="china", page=page))
