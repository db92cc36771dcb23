"""The reader search below the page (search/results.py, search/sqlite.py, search/postgresql.py,
search/indexing.py), the popular-searches record, and Wagtail's own search beside it.

These tests check the reader search finds, orders, counts and pages as the results page needs,
on SQLite and on PostgreSQL (CI), and that Wagtail's search (the admin's) is its stock backend.
"""

import datetime
from collections import Counter

import pytest
from django.core.management import call_command
from django.db import connection
from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query
from wagtail.search.backends import get_search_backend

from blog.models import BlogPage
from search.indexing import index_posts
from search.query import parse
from search.results import search_posts
from search.views import record_hit

from ..conftest import keep_world, restore
from ..factories import AuthorFactory, BlogCategoryFactory, BlogPageFactory, paragraph
from .test_search_results import filler, make_post, published


def test_wagtails_own_search_is_its_stock_database_backend():
    backend = type(get_search_backend())
    expected = {"sqlite": "SQLiteSearchBackend", "postgresql": "PostgresSearchBackend"}
    assert backend.__name__ == expected[connection.vendor]
    assert backend.__module__.startswith("modelsearch.backends.database.")


@pytest.fixture(scope="session")
def okapis_state(site_state, django_db_blocker):
    return keep_world("okapis", build_okapis, site_state, django_db_blocker)


@pytest.fixture
def okapis(site, okapis_state):
    """Seven posts that mention okapis: one in the title, one in the lead, five in the body only. (Built once per test process.)"""
    return restore(okapis_state)


def build_okapis(blog_index):
    body_only = [
        make_post(
            blog_index,
            title=f"Essay {n}",
            body=[paragraph(f"<p>{filler(50 + 40 * n)} An okapi, in passing.</p>")],
            date=datetime.date(2024, 1, n + 1),
        )
        for n in range(5)
    ]
    in_title = make_post(blog_index, title="The okapi question", date=datetime.date(2019, 1, 1))
    in_lead = make_post(
        blog_index, title="Forest notes", lead="An okapi was seen.", date=datetime.date(2019, 2, 1)
    )
    make_post(blog_index, title="Giraffes")  # does not match
    return {"title": in_title, "lead": in_lead, "body": body_only}


def search(query, queryset=None):
    posts = BlogPage.objects.live() if queryset is None else queryset
    return search_posts(parse(query) if isinstance(query, str) else query, posts)


def test_title_and_lead_matches_come_before_body_only_matches(okapis):
    results = list(search("okapi"))
    assert set(results[:2]) == {okapis["title"], okapis["lead"]}
    assert set(results[2:]) == set(okapis["body"])
    assert len(results) == 7


def test_count_is_every_match_and_pages_add_up_to_the_whole(okapis):
    results = search("okapi")
    assert results.count() == 7
    everything = list(results)
    pages = list(results[0:3]) + list(results[3:6]) + list(results[6:9])
    assert pages == everything
    assert list(results[5:]) == everything[5:]


def test_filters_of_the_searched_queryset_apply_to_results_and_count(okapis):
    in_category = BlogCategoryFactory(name="Mammals")
    for post in (okapis["lead"], okapis["body"][0]):
        post.categories = [in_category]
        post.save_revision().publish()
    results = search("okapi", BlogPage.objects.live().filter(categories__slug=in_category.slug))
    assert results.count() == 2
    assert set(results) == {okapis["lead"], okapis["body"][0]}
    okapis["title"].unpublish()
    assert search("okapi").count() == 6
    assert okapis["title"] not in list(search("okapi"))


def test_all_words_must_match(okapis):
    assert list(search("okapi question")) == [okapis["title"]]
    assert search("okapi giraffe").count() == 0
    assert list(search("okapi giraffe")) == []


def test_each_result_carries_its_rank_best_first(okapis):
    results = list(search("okapi"))
    scores = [post.search_rank for post in results]
    # SQLite's bm25: lower is better; PostgreSQL's ts_rank: higher is better.
    assert scores == sorted(scores, reverse=connection.vendor != "sqlite")
    assert set(results[:2]) == {okapis["title"], okapis["lead"]}


def test_the_count_and_a_page_take_two_queries_three_on_sqlite(okapis, django_assert_max_num_queries):
    # The window's ranked ids (for the count and the page alike): one statement on PostgreSQL,
    # one per part of the window on SQLite (search/sqlite.py); then the page's posts.
    with django_assert_max_num_queries(2 if connection.vendor == "postgresql" else 3):
        results = search("okapi")
        assert results.count() == 7
        assert len(list(results[3:6])) == 3


def test_pages_past_the_end_are_empty_and_an_open_slice_runs_to_the_end(okapis):
    results = search("okapi")
    everything = list(results)
    assert list(results[7:10]) == []
    assert list(results[6:]) == everything[6:] and len(everything[6:]) == 1


def test_an_empty_queryset_or_slice_gives_no_results(okapis):
    assert search("okapi", BlogPage.objects.none()).count() == 0
    assert list(search("okapi", BlogPage.objects.none())) == []
    assert list(search("okapi")[2:2]) == []
    assert search("giraffe okapi").count() == 0 and list(search("giraffe okapi")[0:0]) == []


def test_a_filter_across_a_many_valued_relation_lists_a_post_once(okapis):
    """A post in two categories comes out of a ``categories__slug__in`` filter twice; a search
    lists it once, and counts it once."""
    first, second = BlogCategoryFactory(name="Mammals"), BlogCategoryFactory(name="Forests")
    post = okapis["lead"]
    post.categories = [first, second]
    post.save_revision().publish()
    in_either = BlogPage.objects.live().filter(categories__slug__in=[first.slug, second.slug])
    assert in_either.count() == 2  # the same post, twice
    results = search(parse("okapi"), in_either)
    assert results.count() == 1
    assert list(results) == [post]


def test_pages_skip_matches_the_filters_exclude(okapis):
    okapis["title"].unpublish()  # the best match, now excluded by live()
    okapis["body"][1].unpublish()
    everything = list(search("okapi"))
    assert okapis["title"] not in everything and okapis["body"][1] not in everything
    for start in range(0, 6):
        results = search("okapi")
        assert results.count() == 5
        assert list(results[start : start + 2]) == everything[start : start + 2]


def test_a_word_in_more_posts_than_a_search_lists(okapis, settings):
    """At most SEARCH_MAX_RESULTS results. On PostgreSQL they are the best of all matches; on
    SQLite, which scores every match it ranks (bm25), the most recently added matches among the
    searched posts, best first, so that a word in every post costs the same as one in a thousand."""
    settings.SEARCH_MAX_RESULTS = 3
    okapis["lead"].unpublish()  # the newest match: excluded, so it must not take a place
    results = search("okapi")
    assert results.count() == 3
    listed = list(results)
    assert len(listed) == 3 and listed[0] == okapis["title"]  # the title match is first either way
    if connection.vendor == "sqlite":
        # The three newest live matches: the title post, then the last two body-only posts.
        assert listed[1:] in ([okapis["body"][4], okapis["body"][3]], [okapis["body"][3], okapis["body"][4]])
        assert list(results[1:2]) == [listed[1]]  # pages of the window agree with the whole
        assert search("okapi").count() == 3  # the window, sliced or not


def test_sqlite_connections_are_kept_with_a_large_page_cache_and_mmap(db):
    settings = connection.settings_dict
    if connection.vendor == "sqlite":
        assert settings["CONN_MAX_AGE"] == 600
        # The test database is in memory, where mmap does not apply: the setting is checked.
        assert "PRAGMA mmap_size=268435456" in settings["OPTIONS"]["init_command"]
        assert "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL" in settings["OPTIONS"]["init_command"]
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA cache_size")
            assert cursor.fetchone()[0] == -64000  # set on connecting; SQLite's default is -2000
    else:
        assert "init_command" not in settings["OPTIONS"]


def test_update_index_leaves_the_sqlite_full_text_index_merged(blog_index):
    for number in range(6):  # each save writes the full-text index: a segment of its own
        BlogPageFactory(parent=blog_index, title=f"Okapi sightings, part {number}")
    call_command("update_index", verbosity=0)
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            for table in ("search_postentry_fts", "search_title_fts"):
                cursor.execute(f"SELECT COUNT(DISTINCT segid) FROM {table}_idx")  # noqa: S608
                assert cursor.fetchone()[0] == 1
    assert search("okapi").count() == 6


def test_the_title_index_follows_every_change_to_the_titles(blog_index, client):
    """SQLite keeps the titles in an index of their own (search/migrations/0005), which the
    suggestions and every search's window read: renamed, deleted and new posts are read as they
    are now, on both databases, and SQLite's title index stays true to the entries."""
    renamed = make_post(blog_index, title="Narwhal tusks")
    deleted = make_post(blog_index, title="Narwhal songs")
    renamed.title = "Beluga pods"
    published(renamed)
    deleted.delete()
    make_post(blog_index, title="Otter dens")  # may take the deleted post's entry id

    def suggested(query):
        return [
            result["title"] for result in client.get("/search/suggest/", {"query": query}).json()["results"]
        ]

    assert suggested("narwhal") == []
    assert suggested("beluga") == ["Beluga pods"]
    assert suggested("otter") == ["Otter dens"]
    assert [post.title for post in search(parse("narwhal"))] == []
    assert [post.title for post in search(parse("beluga"))] == ["Beluga pods"]
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            # FTS5 compares the index with the entries' titles; it raises on any difference.
            for table in ("search_postentry_fts", "search_title_fts"):
                cursor.execute(f"INSERT INTO {table}({table}, rank) VALUES ('integrity-check', 1)")  # noqa: S608


# The popular-searches record --------------------------------------------------------------------


def test_a_search_already_made_today_is_recorded_in_one_query(db, django_assert_num_queries):
    record_hit("Pandas")
    with django_assert_num_queries(1):
        record_hit("pandas ")
    [daily] = Query.objects.get(query_string="pandas").daily_hits.all()
    assert (daily.date, daily.hits) == (timezone.now().date(), 2)


def test_indexing_a_post_renders_its_body_once(blog_index, monkeypatch):
    """A post's body is rendered to text once for all the columns it fills (its own words, then
    its references and reading list, read from the same blocks)."""
    post = BlogPageFactory(
        parent=blog_index,
        title="Okapis of the Ituri forest",
        authors=[AuthorFactory()],
        categories=[BlogCategoryFactory()],
    )
    reads = Counter()
    for method in ("search_text", "search_references"):
        original = getattr(BlogPage, method)

        def counted(self, original=original, method=method):
            reads[method] += 1
            return original(self)

        monkeypatch.setattr(BlogPage, method, counted)
    index_posts([post])
    assert reads == {"search_text": 1, "search_references": 1}
    assert list(search(parse("ituri"))) == [post]


def test_the_admins_page_search_finds_a_page_by_a_word_of_its_title(blog_index):
    """Wagtail's own searches (the admin's page search, the choosers' autocomplete) run on its
    stock backend. On PostgreSQL it reads text with the site's configuration (English stems,
    accents folded); SQLite's stock table folds accents but does not stem."""
    post = make_post(blog_index, title="Winter light in Tromsø", lead="Europe's first observatory.")
    make_post(blog_index, title="Unrelated")
    posts = BlogPage.objects.live()
    for query in ["winter", "Winter light", "Tromsø"]:
        assert list(posts.search(query)) == [post], query
    for query in ["Tromsø", "Troms", "wint"]:
        assert list(posts.autocomplete(query)) == [post], query
    if connection.vendor == "postgresql":
        for query in ["tromso", "lights"]:
            assert list(posts.search(query)) == [post], query
    for query in ["!!!", "universities"]:  # no word, no such word: nothing
        assert list(posts.search(query)) == [], query
