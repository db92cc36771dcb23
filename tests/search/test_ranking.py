"""The order of results: title above lead above body above references, equal scores newest first,
and the window of matches SQLite ranks never hiding a post named after the query."""

import datetime

from blog.models import BlogPage
from search.indexing import index_posts
from search.query import parse
from search.results import search_posts

from ..factories import BlogPageFactory, paragraph, reference
from .test_search_results import make_post


def titles(query, queryset=None):
    posts = queryset or BlogPage.objects.live()
    return [post.title for post in search_posts(parse(query), posts)]


def test_title_above_lead_above_body_above_references(blog_index):
    # Made (and dated) in the reverse of the expected order, so neither decides it.
    refs = {
        "type": "references",
        "value": {"heading": "References", "entries": [reference(title="Pangolin facts")]},
    }
    make_post(
        blog_index,
        title="In the references",
        body=[paragraph("<p>Scales.</p>"), refs],
        date=datetime.date(2025, 4, 1),
    )
    make_post(
        blog_index,
        title="In the body",
        body=[paragraph("<p>A pangolin walks by.</p>")],
        date=datetime.date(2025, 3, 1),
    )
    make_post(blog_index, title="In the lead", lead="A pangolin story.", date=datetime.date(2025, 2, 1))
    make_post(blog_index, title="The pangolin", date=datetime.date(2025, 1, 1))
    assert titles("pangolins") == ["The pangolin", "In the lead", "In the body", "In the references"]


def test_equal_scores_come_newest_first(blog_index):
    for day in (1, 3, 2):
        make_post(blog_index, title=f"Tapir {day}", lead="About tapirs.", date=datetime.date(2025, 1, day))
    assert titles("tapir") == ["Tapir 3", "Tapir 2", "Tapir 1"]


def test_a_title_with_every_word_is_found_past_600_newer_body_matches(blog_index, settings):
    """SQLite ranks a window of the SEARCH_MAX_RESULTS (500) newest matches; a post whose title
    holds every query word is ranked whatever its age."""
    assert settings.SEARCH_MAX_RESULTS == 500
    oldest = make_post(blog_index, title="Wombat burrows", date=datetime.date(2001, 1, 1))
    # Live, and indexed again in one batch as `manage.py update_index` does (Wagtail's own index,
    # which the reader search does not read, is left alone: it took most of the time).
    settings.WAGTAILSEARCH_BACKENDS = {
        name: {**backend, "AUTO_UPDATE": False} for name, backend in settings.WAGTAILSEARCH_BACKENDS.items()
    }
    notes = [
        BlogPageFactory(  # without make_post's extra revision: 600 take time
            parent=blog_index,
            title=f"Note {n}",
            body=[paragraph(f"<p>Note {n} mentions wombat burrows in passing.</p>")],
            date=datetime.date(2025, 1, 1) + datetime.timedelta(days=n),
        )
        for n in range(600)
    ]
    index_posts(notes)
    found = list(search_posts(parse("wombat burrows"), BlogPage.objects.live()))
    assert found[0] == oldest
    assert len(found) == 500


def test_one_match_in_a_higher_column_outweighs_many_in_a_lower_one(blog_index):
    """As on PostgreSQL (ts_rank): a word once in a long post's title or lead ranks above the same
    word many times in a short post's body. Newer posts hold the many matches."""
    long_text = "<p>" + " ".join(["Tidal flats stretch for miles along the coast."] * 60) + "</p>"
    make_post(
        blog_index,
        title="Fieldwork on the Wadden",
        lead="Counting a seal at low tide.",
        body=[paragraph(long_text)],
        date=datetime.date(2025, 1, 1),
    )
    make_post(
        blog_index, title="Windmills of Zaanstad", body=[paragraph(long_text)], date=datetime.date(2025, 1, 2)
    )
    make_post(
        blog_index,
        title="Volunteer notes",
        body=[paragraph("<p>Seals, seals, seals. A seal and more seals. Seals again.</p>")],
        date=datetime.date(2025, 2, 1),
    )
    make_post(
        blog_index,
        title="Weekend notes",
        body=[paragraph("<p>A windmill, a windmill and another windmill.</p>")],
        date=datetime.date(2025, 2, 2),
    )
    assert titles("seals") == ["Fieldwork on the Wadden", "Volunteer notes"]
    assert titles("windmill") == ["Windmills of Zaanstad", "Weekend notes"]


def test_a_phrase_narrows_the_results_and_its_words_rank_them(blog_index):
    """Only posts that hold the quoted words side by side are found; they are ranked by where the
    phrase's words stand, as PostgreSQL's ts_rank ranks them: a title that holds both words
    apart, over a post whose lead holds the phrase (dated against the expected order)."""
    make_post(
        blog_index,
        title="Kelp and the tide",
        body=[paragraph("<p>Forests hide no kelp.</p>")],
        date=datetime.date(2025, 4, 1),
    )  # both words, never side by side: not found
    make_post(
        blog_index,
        title="Body only",
        body=[paragraph("<p>We studied kelp forests again.</p>")],
        date=datetime.date(2025, 3, 1),
    )
    make_post(
        blog_index, title="Lead only", lead="Kelp forests in the North Sea.", date=datetime.date(2025, 2, 1)
    )
    make_post(
        blog_index,
        title="Forests of kelp",
        body=[paragraph("<p>Diving among kelp forests.</p>")],
        date=datetime.date(2025, 1, 1),
    )
    assert titles('"kelp forests"') == ["Forests of kelp", "Lead only", "Body only"]


def test_a_post_whose_title_holds_the_whole_query_comes_first(blog_index):
    """Before any post whose title holds part of the query, however much better its other
    matches: the oldest post, named after the query, over a newer one whose title repeats the
    rarer word and whose lead holds the other (on both databases)."""
    named = make_post(blog_index, title="Walrus colony counts", date=datetime.date(2019, 1, 1))
    repeated = make_post(
        blog_index,
        title="Walrus, walrus, walrus",
        lead="A colony on the ice.",
        body=[paragraph("<p>The colony grew; walrus calves everywhere in the colony.</p>")],
        date=datetime.date(2025, 1, 1),
    )
    for n in range(3):  # "colony" in more posts: a commoner word than "walrus"
        make_post(
            blog_index, title=f"Ant notes {n}", lead="An ant colony.", date=datetime.date(2024, 1, n + 1)
        )
    assert titles("walrus colony")[:2] == [named.title, repeated.title]
