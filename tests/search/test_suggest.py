"""Suggestions as the reader types: post titles from a cheap JSON endpoint, safe with any input."""

import pytest
from django.core.cache import cache
from wagtail.contrib.search_promotions.models import Query

from search import views
from search.corrections import MAX_COMPLETIONS
from search.views import SUGGESTIONS

from ..factories import paragraph
from .test_search import WEIRD_QUERIES
from .test_search_results import make_post


def suggest(client, query):
    response = client.get("/search/suggest/", {"query": query})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    return response


def test_half_a_word_suggests_titles_newest_first_at_most_six(blog_index, client):
    for n in range(8):
        make_post(blog_index, title=f"Hydrology note {n}")
    make_post(blog_index, title="Unrelated", lead="Hydrology only in the lead.")
    results = suggest(client, "hydrolo").json()["results"]
    assert len(results) == SUGGESTIONS == 6
    assert all(result["title"].startswith("Hydrology note") for result in results)
    assert results[0]["url"].startswith("/blog/hydrology-note-")


def test_suggestions_are_the_best_of_the_newest_matching_titles(blog_index, client, monkeypatch):
    make_post(blog_index, title="Okapi, okapi, okapi")  # the best match, and the oldest
    for n in range(3):
        make_post(blog_index, title=f"Okapi news {n}")
    assert suggest(client, "okapi").json()["results"][0]["title"] == "Okapi, okapi, okapi"
    monkeypatch.setattr(views, "SUGGESTION_WINDOW", 3)
    cache.clear()
    titles = [result["title"] for result in suggest(client, "okapi").json()["results"]]
    assert sorted(titles) == ["Okapi news 0", "Okapi news 1", "Okapi news 2"]


def test_fewer_than_three_letters_suggest_nothing(blog_index, client):
    make_post(blog_index, title="Hydrology")
    assert suggest(client, "hy").json()["results"] == []


def test_suggestions_are_cacheable_and_not_counted_as_searches(blog_index, client):
    make_post(blog_index, title="Hydrology")
    response = suggest(client, "hydro")
    assert "public" in response["Cache-Control"] and "max-age=300" in response["Cache-Control"]
    assert not Query.objects.exists()


def test_a_title_with_markup_comes_back_as_text(blog_index, client):
    make_post(blog_index, title='<img src=x onerror="alert(1)"> Hydrology')
    [result] = suggest(client, "hydrology").json()["results"]
    assert (
        result["title"] == '<img src=x onerror="alert(1)"> Hydrology'
    )  # JSON text; the script sets textContent


@pytest.mark.parametrize("query", WEIRD_QUERIES.values(), ids=WEIRD_QUERIES.keys())
def test_odd_input_never_fails(blog_index, client, query):
    make_post(blog_index, title="China and AI")
    body = suggest(client, query).json()
    assert isinstance(body["results"], list)
    assert "\x00" not in body["query"]


def test_a_rare_title_word_is_suggested_among_commoner_words_of_the_text(blog_index, client):
    """The suggestions complete a half word with the words of titles: more than MAX_COMPLETIONS
    commoner words of the posts' text begin as "interpretable" does, and none is in a title."""
    common = " ".join(f"inte{a}{b}" for a in "abc" for b in "abcdefgh")  # 24 words of the text
    assert len(common.split()) > MAX_COMPLETIONS
    for n in range(2):
        make_post(blog_index, title=f"Notes {n}", body=[paragraph(f"<p>{common}</p>")])
    make_post(blog_index, title="Interpretable models")
    assert [result["title"] for result in suggest(client, "inte").json()["results"]] == [
        "Interpretable models"
    ]
