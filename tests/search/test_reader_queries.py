"""Search finds what readers mean: a labelled set of reader queries over posts made here (not the
demo content), each kind of forgiveness the search promises, on SQLite and (in CI) PostgreSQL.

Each query names the post a reader means; it must be among the results, and posts listed as
"not" must not be. The typo queries must also be corrected ("Did you mean" or corrected results).
"""

import datetime

import pytest
from wagtail.contrib.search_promotions.models import Query

from ..conftest import keep_world, restore, soup_of, text_of
from ..factories import AuthorFactory, BlogCategoryFactory, paragraph, reference
from .test_search_results import make_post

REFUGEES = "Programming Training for Refugees"
STUDENT = "Managing/Being a Master's Student in Data Science"
FLOODS = "Hydrologists Predict Floods with Machine Learning"
CAFE = "A Café in Zürich"
CITIES = "Data-driven Cities"
COLLABORATION = "Collaboration across borders"
CLIMATE = "Sea level and the Dutch coast"
PRIVACY = "Privacy by design"
QUANTUM = "A quantum computing primer"
NORTH = "Winter light in Tromsø"
NEWSLETTER = "Spring newsletter"
UNRELATED = "Unrelated notes"
GENOMES = "Sequencing at scale"


@pytest.fixture(scope="session")
def posts_state(site_state, django_db_blocker):
    return keep_world("reader_queries", build_posts, site_state, django_db_blocker)


@pytest.fixture
def posts(site, posts_state):
    """The posts the labelled queries mean, by title (built once per test process)."""
    return restore(posts_state)


def build_posts(blog_index):
    ethics = BlogCategoryFactory(name="Ethics")
    hardman = AuthorFactory(name="Lynda Hardman")
    lopez = AuthorFactory(name="Ana López")
    soren = AuthorFactory(name="Søren Dahl")
    rows = [
        (
            REFUGEES,
            "Weekly sessions taught newcomers to code.",
            "<p>Volunteers organised the course.</p>",
            {},
        ),
        (STUDENT, "Notes from a first year.", "<p>Deadlines, supervisors and sleep.</p>", {}),
        (
            FLOODS,
            "Rivers rise.",
            "<p>Flooding along the Meuse is hard to foresee; forecasting models help.</p>",
            {"authors": [hardman]},
        ),
        (
            CAFE,
            "A meeting place.",
            "<p>We met near the lake in Zurich, at a small cafe.</p>",
            {"authors": [lopez]},
        ),
        (
            CITIES,
            "Planning with numbers.",
            "<p>AI/ML methods for urban planning, from the oldest Chinatowns to new towns.</p>",
            {},
        ),
        (
            COLLABORATION,
            "Working together.",
            "<p>Researchers collaborate with colleagues abroad.</p>",
            {
                "extra": [
                    {
                        "type": "references",
                        "value": {
                            "heading": "References",
                            "entries": [
                                reference(
                                    authors="Smith, J.",
                                    title="Organisational studies",
                                    venue="Journal of Teams",
                                ),
                            ],
                        },
                    },
                    {
                        "type": "reading_list",
                        "value": {
                            "heading": "Reading list",
                            "entries": [
                                reference(title="Nationalism and globalisation", venue="Polity"),
                            ],
                        },
                    },
                ]
            },
        ),
        (
            CLIMATE,
            "Defending the coast.",
            "<p>Climate change is the state of the art problem for dykes; the change in climate is fast.</p>",
            {},
        ),
        (
            PRIVACY,
            "Personal data, designed in.",
            "<p>Anonymisation by default.</p>",
            {"categories": [ethics]},
        ),
        (QUANTUM, "Qubits explained.", "<p>Superposition without tears: an analysis.</p>", {}),
        (
            NORTH,
            "From Łódź and Wrocław to the Arctic.",
            "<p>Europe's first polar observatory stood near a café on the Karl-Marx-Straße.</p>",
            {"authors": [soren]},
        ),
        (
            NEWSLETTER,
            "News from the network's universities.",
            "<p>Our community of hydrology researchers met in Delft.</p>",
            {},
        ),
        (GENOMES, "Reading gen\u00adomes quickly.", "<p>Pasted from a word processor.</p>", {}),
        (UNRELATED, "Nothing to see.", "<p>She and her team: gardening and cooking.</p>", {}),
    ]
    made = {}
    for day, (title, lead, text, extra) in enumerate(rows, start=1):
        body = [paragraph(text), *extra.pop("extra", [])]
        made[title] = make_post(
            blog_index, title=title, lead=lead, body=body, date=datetime.date(2025, 1, day), **extra
        )
    return made


# (kind, query, the post a reader means, posts that must not be found)
QUERIES = [
    # Word forms: plural and singular, -ing/-ed/-ation.
    ("word form", "refugee", REFUGEES, []),
    ("word form", "refugees", REFUGEES, []),
    ("word form", "chinatown", CITIES, []),
    ("word form", "collaborating", COLLABORATION, []),
    ("word form", "collaborated", COLLABORATION, []),
    ("word form", "flood", FLOODS, []),
    # The same stems on both databases (Snowball's): not "new" for "news", nor "her" for
    # "herring", nor "community" for "communism" (SQLite's Porter stemmer took them so).
    ("word form", "news", NEWSLETTER, [CITIES]),
    ("word form", "herring", None, [UNRELATED]),
    ("word form", "communism", None, [NEWSLETTER]),
    ("word form", "university", NEWSLETTER, []),
    ("word form", "predicting", FLOODS, []),
    ("word form", "hydrologist", FLOODS, []),
    ("word form", "students", STUDENT, []),
    ("word form", "organisation", COLLABORATION, []),
    ("word form", "designing", PRIVACY, []),
    # Accents folded both ways.
    ("accents", "cafe", CAFE, []),
    ("accents", "café", CAFE, []),
    ("accents", "Zürich", CAFE, []),
    ("accents", "zurich", CAFE, []),
    ("accents", "Lopez", CAFE, []),
    ("accents", "lópez", CAFE, []),
    # Letters without a separate accent, spelled out as PostgreSQL's unaccent spells them.
    ("accents", "Tromso", NORTH, []),
    ("accents", "tromsø", NORTH, []),
    ("accents", "Lodz", NORTH, []),
    ("accents", "Straße", NORTH, []),
    ("accents", "strasse", NORTH, []),
    # Joined words split.
    ("joined", "managing", STUDENT, []),
    ("joined", "driven", CITIES, []),
    ("joined", "data-driven", CITIES, []),
    ("joined", "ML", CITIES, []),
    ("joined", "AI/ML", CITIES, []),
    # A soft hyphen inside a word (pasted text) splits it for no reader, in a post or a query.
    ("joined", "genomes", GENOMES, []),
    ("joined", "gen\u00adome", GENOMES, []),
    # Half a word (the last word as a prefix).
    ("prefix", "hydrolog", FLOODS, []),
    ("prefix", "refug", REFUGEES, []),
    ("prefix", "chinat", CITIES, []),
    ("prefix", "quant", QUANTUM, []),
    ("prefix", "zür", CAFE, []),
    ("prefix", "sea lev", CLIMATE, []),
    ("prefix", "analy", QUANTUM, []),  # stemmed as a prefix, "analy" would be "anali"
    ("prefix", "wrocl", NORTH, []),
    # Typos: a letter missing, extra, wrong, or two swapped.
    ("typo", "forcasting", FLOODS, []),
    ("typo", "hydrologsts", FLOODS, []),
    ("typo", "refguees", REFUGEES, []),
    ("typo", "quantumm", QUANTUM, []),
    ("typo", "computong", QUANTUM, []),
    ("typo", "privacy desing", PRIVACY, []),
    ("typo", "colaboration", COLLABORATION, []),
    ("typo", "wroclwa", NORTH, []),
    ("typo", "chinatwon", CITIES, []),  # a slip in the singular; the post says "Chinatowns"
    ("typo", "observatory wroclaw tromso winter polra", NORTH, []),  # a slip in a short word
    # Quoted phrases: those words in that order.
    ("phrase", '"climate change"', CLIMATE, []),
    ("phrase", '"state of the art"', CLIMATE, []),
    ("phrase", '"machine learning" floods', FLOODS, []),
    ("phrase", '"learning machine"', None, [FLOODS]),
    ("phrase", '"climate change', CLIMATE, []),  # an unbalanced quote counts for nothing
    ("phrase", '"Europe\'s first polar"', NORTH, []),
    ("phrase", '"europe first"', NORTH, []),
    # Authors and categories as written; references and reading lists.
    ("names", "Hardman", FLOODS, [CAFE]),
    ("names", "ethics", PRIVACY, []),
    ("names", "Soren", NORTH, []),  # an author's name, its letters spelled out as the post's are
    ("references", "globalisation", COLLABORATION, []),
    ("references", "Smith", COLLABORATION, []),
]


def results(client, query):
    response = client.get("/search/", {"query": query})
    assert response.status_code == 200
    soup = soup_of(response)
    return [text_of(h) for h in soup.select(".search-result h2")], soup


KINDS = sorted({kind for kind, *_ in QUERIES})


@pytest.mark.parametrize("kind", KINDS)
def test_reader_queries_find_the_posts_meant(posts, client, kind):
    """All the queries of one kind (one set of posts for them all: making posts takes time)."""
    misses = []
    for query_kind, query, meant, not_found in QUERIES:
        if query_kind != kind:
            continue
        titles, soup = results(client, query)
        found = meant in titles if meant else titles == []
        if not found or set(not_found) & set(titles):
            misses.append(f"{query!r}: {titles}")
        if kind == "typo":
            correction = soup.find(class_="search-correction")
            if correction is None or "Showing results for" not in text_of(correction):
                misses.append(f"{query!r}: no corrected results")
    assert not misses, misses


def test_the_labelled_set_covers_every_kind():
    assert len(QUERIES) >= 40
    assert set(KINDS) == {"word form", "accents", "joined", "prefix", "typo", "phrase", "names", "references"}


def test_the_exact_query_is_searched_when_the_reader_asks(posts, client):
    _titles, soup = results(client, "forcasting")
    correction = soup.find(class_="search-correction")
    assert "Showing results for forecasting instead" in text_of(correction)
    exact = correction.find("a")
    assert text_of(exact) == "Search for exactly “forcasting”"
    response = client.get("/search/" + exact["href"])
    soup = soup_of(response)
    assert soup.find(class_="search-correction") is None
    assert text_of(soup.find(class_="search-summary")) == "0 results for “forcasting”"
    # The popular-searches report counts what the reader typed, each time.
    assert Query.objects.get(query_string="forcasting").hits == 2


def test_a_word_found_in_another_form_is_not_corrected(posts, client):
    titles, soup = results(client, "refugee")  # not in any post as such, but "Refugees" is
    assert titles == [REFUGEES]
    assert soup.find(class_="search-correction") is None
