"""How the reader-facing pages scale with the number of posts.

For each database in BENCH_DB (default "sqlite"; "postgres", or "sqlite postgres" for both) and
each size in BENCH_SIZES (default "100 10000") a child process builds a throwaway site (migrate,
load_demo, then N generated posts under the demo's blog index), checks the page tree, rebuilds
Wagtail's search index and the reader search's own (timed apart), checks the reader index holds
every live post, times indexing one post as a publish does, and times anonymous GETs through
Django's test client.
Then BENCH_ROUNDS (default 3) rounds of measuring, a child process per size, the sizes taking
turns. On SQLite the site is a database file in a temporary folder; on PostgreSQL a database
created for the run on 127.0.0.1:5432 (user postgres) and dropped at its end, even on error. With
BENCH_KEEP naming a folder, each size's site is built once (there, or as the database
bench_keep_<size>) and reused (migrated) by later runs. Each measured scenario prints one line
per round:

    scenario=<name> n=<posts> queries=<SQL queries per request> median_ms=<x> p95_ms=<y> db=<database>

and each database's run ends with a comparison of the smallest and largest size (the median of
the rounds' medians) against the targets: the same number of queries, medians growing at most 1.5×, every search_* scenario under
50 ms and the suggestions under 20 ms median at 10,000 posts.

Run it with the project's virtualenv: ``.venv/bin/python bench/reader_bench.py`` (or ``make bench``).
"""

import argparse
import contextlib
import datetime
import io
import itertools
import json
import math
import os
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from load_services import git_worktree

PROJECT = Path(__file__).resolve().parent.parent
DEFAULT_SIZES = "100 10000"
# Measuring rounds per size (BENCH_ROUNDS), the sizes taking turns.
DEFAULT_ROUNDS = 3

WARMUP_REQUESTS = 5
COUNTED_REQUESTS = 5
MEASURED_REQUESTS = 60
# Bounds that keep a run within minutes when a page is pathologically slow: a request still in
# SQL after REQUEST_TIMEOUT_S is interrupted (the scenario is reported as timed out), and a
# scenario stops timing once its measured requests have taken SCENARIO_BUDGET_S in all.
REQUEST_TIMEOUT_S = 10
SCENARIO_BUDGET_S = 60

# Targets from the issue.
MAX_MEDIAN_GROWTH = 1.5
SEARCH_MEDIAN_MS = 50
SEARCH_TARGET_SIZE = 10_000
SUGGEST_MEDIAN_MS = 20

DATABASES = ("sqlite", "postgres")
POSTGRES_SERVER = "postgres://postgres@127.0.0.1:5432"
# Indexing one post as a publish does, timed this many times.
PUBLISH_INDEX_REPEATS = 50

SEED = 2024
# Generated post i takes its own random stream, so the first 100 posts of the 10,000-post site
# are the 100 posts of the small one: the two sizes differ only in how much else there is.
FIRST_DATE = datetime.date(2015, 1, 1)
DATE_SPAN_DAYS = 3650
COMMON_WORD = "data"  # the most frequent content word: in nearly every post
RARE_WORD = "zeugma"  # not in the vocabulary; put on purpose into the posts below
RARE_POSTS = (3, 41, 97)
# The reader-search features, each a scenario (the search page's query, or the suggestions'):
# Not "analy": the stemmer reads a query word ending in "y" as ending in "i" ("anali*"), which
# no stem starts with ("analysi"), on both databases.
PREFIX_QUERY = "reprod"  # the last word as a prefix: no word itself, the start of "reproducibility"
TYPO_QUERY = "colaboration"  # no post has it; corrected to "collaboration", whose results show
PHRASE_QUERY = '"open science"'  # an adjective and a content word the sentences put side by side
SUGGEST_QUERY = "clim"  # the suggestions endpoint: titles starting a word with it ("climate")
RICH_POST = 0  # the "post" scenario's page: every kind of block, references, an internal link

CATEGORY_SCENARIO = "research"  # a demo category
AUTHOR_SCENARIO = "lynda-hardman"  # a demo author

EXTRA_CATEGORIES = [
    "Health",
    "Mobility",
    "Climate",
    "Privacy",
    "Machine Learning",
    "Open Data",
    "Events",
    "Industry",
    "Digital Humanities",
    "Statistics",
]
EXTRA_AUTHORS = [
    ("Sanne de Vries", "Data steward, University of Amsterdam", "#2f5d62"),
    ("Daan Jansen", "PhD candidate, Vrije Universiteit Amsterdam", "#5e3c58"),
    ("Fatima El Amrani", "Lecturer, Hogeschool van Amsterdam", "#3d5a80"),
    ("Pieter Bakker", "Research engineer, CWI", "#7f5539"),
    ("Mei Chen", "Postdoctoral researcher, CWI", "#386641"),
    ("Joost van Dijk", "Programme manager, Amsterdam Data Science", "#6d597a"),
]
EXTRA_ILLUSTRATIONS = ["Networks", "Cities", "Health data", "Climate models", "Archives", "Learning"]


def words(text: str) -> list[str]:
    return text.split()


FUNCTION_WORDS = words(
    "the of and to in a is that for with as on by we our this are from it be can more not their how "
    "which at an they or have has was will about into than these between"
)
# Content words, most frequent first (weights fall off as 1/rank).
CONTENT_WORDS = words(
    "data research model science network city health learning analysis open students university "
    "researchers digital privacy algorithm knowledge collaboration project results policy public "
    "society language climate energy mobility urban patients hospital genome images text fairness "
    "bias ethics trust infrastructure computing software sensors measurements statistics survey "
    "citizens government industry innovation education teaching course workshop conference paper "
    "dataset annotation labels training evaluation benchmark accuracy uncertainty causal inference "
    "prediction forecasting simulation visualisation dashboard archive heritage museum library music "
    "fashion design materials physics chemistry biology ecology water traffic cycling housing "
    "tourism economy finance logistics colleagues partners funding questions methods tools platform "
    "pipeline workflow reproducibility provenance metadata ontology graph semantics retrieval search "
    "recommendation platforms media journalism misinformation elections democracy law regulation "
    "consent security encryption cloud storage quantum optimisation scheduling robotics vision speech "
    "translation dialogue chatbots teachers curriculum skills careers diversity inclusion "
    "community volunteers refugees neighbourhood mapping satellites weather flooding agriculture food "
    "nutrition sleep wearables cohort trial epidemiology pandemic vaccines genetics proteins cells "
    "microscopy astronomy telescopes particles experiments laboratory theory evidence decisions "
    "stakeholders values impact outcomes lessons challenges opportunities future history"
)
ADJECTIVES = words(
    "new open large small responsible practical local European Dutch international "
    "interdisciplinary careful robust transparent early recent better shared complex simple human "
    "social urban sustainable fair"
)
# Cumulative 1/rank weights, computed once: random.choices would redo it on every call.
CONTENT_CUM_WEIGHTS = list(itertools.accumulate(1 / rank for rank in range(1, len(CONTENT_WORDS) + 1)))


# Text -------------------------------------------------------------------------------------------


def content_words(rng: random.Random, count: int) -> list[str]:
    return rng.choices(CONTENT_WORDS, cum_weights=CONTENT_CUM_WEIGHTS, k=count)


def sentence(rng: random.Random) -> str:
    length = rng.randint(9, 22)
    content = content_words(rng, length)
    words = []
    for position in range(length):
        roll = rng.random()
        if roll < 0.4:
            word = rng.choice(FUNCTION_WORDS)
        elif roll < 0.5:
            word = rng.choice(ADJECTIVES)
        else:
            word = content[position]
        words.append(f"{word}," if roll > 0.95 and position < length - 1 else word)
    return f"{words[0][0].upper()}{words[0][1:]} {' '.join(words[1:])}."


def phrase(rng: random.Random, low: int, high: int) -> str:
    words = [rng.choice(ADJECTIVES), *content_words(rng, rng.randint(low, high) - 1)]
    rng.shuffle(words)
    return " ".join(words).capitalize()


def title_for(rng: random.Random) -> str:
    first, second = phrase(rng, 2, 4), phrase(rng, 1, 3).lower()
    pattern = rng.choice(["{a} and {b}", "{a}: lessons from {b}", "What {b} teaches us about {a}", "{a}"])
    return pattern.format(a=first, b=second)


def paragraph_html(rng: random.Random, *, references: int, link_page: int | None, rare: bool) -> str:
    """One to three <p>, some with emphasis, links, citations of the references list."""
    paragraphs = []
    for _ in range(rng.randint(1, 3)):
        sentences = [sentence(rng) for _ in range(rng.randint(3, 5))]
        if references and rng.random() < 0.5:
            sentences[0] = sentences[0][:-1] + f" [{rng.randint(1, references)}]."
        roll = rng.random()
        if roll < 0.15:
            sentences[0] = f"<b>{sentences[0]}</b>"
        elif roll < 0.25:
            sentences[-1] = f"<i>{sentences[-1]}</i>"
        if rng.random() < 0.2:
            words = content_words(rng, 2)
            sentences.append(f'See <a href="https://example.org/{"-".join(words)}">{" ".join(words)}</a>.')
        paragraphs.append(" ".join(sentences))
    if link_page is not None:
        paragraphs[-1] += f' Read <a linktype="page" id="{link_page}">an earlier post</a> on this.'
    if rare:
        paragraphs[0] += f" We borrowed the word {RARE_WORD} for it."
    return "".join(f"<p>{text}</p>" for text in paragraphs)


def reference_entry(rng: random.Random) -> dict:
    words = content_words(rng, 3)
    return {
        "note": "",
        "authors": ", ".join(rng.sample(["A. Jansen", "M. de Boer", "L. Chen", "S. Visser", "R. Smit"], 2)),
        "title": phrase(rng, 3, 7),
        "venue": rng.choice(["Journal of Data Science", "Proceedings of the Web Conference", "CWI report"]),
        "year": str(rng.randint(2005, 2024)),
        "url": f"https://example.org/{'-'.join(words)}",
    }


def body_for(rng: random.Random, *, rich: bool, rare: bool, images: list, link_targets: list[int]) -> list:
    """6–12 blocks: paragraphs and headings, sometimes a quote or an image, a third with references."""
    count = 12 if rich else rng.randint(6, 12)
    references = rng.randint(2, 5) if rich or rng.random() < 0.35 else 0
    link_at = rng.randrange(count) if rich or rng.random() < 0.15 else None
    blocks = []
    while len(blocks) < count - bool(references):
        position = len(blocks)
        previous = blocks[-1]["type"] if blocks else "heading"
        roll = rng.random()
        if rich and position in (3, 7):
            kind = "quote" if position == 3 else "image"
        elif previous != "heading" and roll < 0.3 and position < count - 2:
            kind = "heading"
        elif previous == "paragraph" and roll < 0.38:
            kind = "quote"
        elif previous == "paragraph" and roll < 0.45:
            kind = "image"
        else:
            kind = "paragraph"
        if kind == "heading":
            value = {"text": phrase(rng, 2, 6), "level": rng.choice(["h2", "h2", "h2", "h3"])}
        elif kind == "quote":
            value = {
                "quote": sentence(rng),
                "attribution": rng.choice(["", "Lynda Hardman", "A participant"]),
            }
        elif kind == "image":
            value = {
                "image": rng.choice(images).pk,
                "alt_text": phrase(rng, 3, 6),
                "caption": sentence(rng) if rng.random() < 0.7 else "",
                "credit": "Photo: Amsterdam Data Science" if rng.random() < 0.5 else "",
            }
        else:
            link = rng.choice(link_targets) if position == link_at or (rich and position == 1) else None
            value = paragraph_html(rng, references=references, link_page=link, rare=rare and position == 0)
        blocks.append({"type": kind, "value": value})
    if references:
        entries = [reference_entry(rng) for _ in range(references)]
        blocks.append({"type": "references", "value": {"heading": "References", "entries": entries}})
    return blocks


# The site -------------------------------------------------------------------------------------


def setup_django(workdir: Path, database_url: str | None = None, project: Path = PROJECT) -> None:
    """Point the Django project in ``project`` at ``database_url`` (by default an SQLite file in
    ``workdir``) and a media folder in ``workdir``, then set it up."""
    os.environ["DATABASE_URL"] = database_url or f"sqlite:///{workdir / 'db.sqlite3'}"
    os.environ["DJANGO_SETTINGS_MODULE"] = "mysite.settings.test"
    # The site's own cache folder, emptied: kept fragments of another size's site (the same page
    # ids) or of an earlier run must not be served.
    os.environ["CACHE_DIR"] = str(workdir / "cache")
    sys.path.insert(0, str(project))
    import django
    from django.conf import settings

    settings.MEDIA_ROOT = str(workdir / "media")
    django.setup()
    from django.core.cache import cache

    cache.clear()


def vacuum_postgres() -> None:
    """PostgreSQL after the bulk build as autovacuum leaves it soon after, and as docs/deploy.md
    asks after a bulk import (VACUUM (ANALYZE)): table statistics, without which the planner
    takes 10,000 index entries for a few hundred and reads every one's text for a rare word; and
    the GIN indexes' pending lists merged, which a fresh bulk insert leaves long (a title search
    read them in 5 ms instead of 0.3). SQLite is left without statistics, on purpose: its
    statements read the full-text matches first (search/sqlite.py)."""
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM (ANALYZE)")


def build_site(n: int) -> dict:
    """migrate + load_demo, then ``n`` generated posts; returns what the scenarios need."""
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)
    call_command("load_demo", stdout=io.StringIO())
    return generate_posts(n)


def step_path(node_class, number: int) -> str:
    """The last step of the path treebeard gives a node's ``number``-th child (from 1):
    ``number`` written in ``node_class.alphabet``, ``node_class.steplen`` digits (the
    materialised-path layout treebeard documents for MP_Node)."""
    base, digits = len(node_class.alphabet), []
    for _ in range(node_class.steplen):
        number, digit = divmod(number, base)
        digits.append(node_class.alphabet[digit])
    if number:
        raise ValueError(f"More children than {node_class.steplen} steps of the alphabet can number")
    return "".join(reversed(digits))


def step_number(node_class, path: str) -> int:
    """The number of the last step of ``path``: the inverse of ``step_path``."""
    number = 0
    for digit in path[-node_class.steplen :]:
        number = number * len(node_class.alphabet) + node_class.alphabet.index(digit)
    return number


def generate_posts(n: int) -> dict:
    """Add ``n`` live posts under the demo's blog index, quickly but as Wagtail would store them.

    Creating pages one by one (add_child, a revision, publish, a search-index update per save)
    takes minutes for 10,000 posts. Instead: the page rows go in with bulk_create and tree paths
    assigned the way treebeard assigns them to successive last children; the BlogPage rows are
    saved the way loaddata saves a fixture (``save_base(raw=True)``, which skips the signals that
    index each save); authors and categories are bulk-inserted. No revisions are made (pages
    created by a fixture or import have none). The caller then checks the tree and rebuilds the
    search index once.
    """
    from django.contrib.contenttypes.models import ContentType
    from django.db import transaction
    from django.db.models import F
    from django.utils import timezone
    from django.utils.text import slugify
    from wagtail.images import get_image_model
    from wagtail.models import Page

    from blog.models import Author, BlogCategory, BlogIndexPage, BlogPage, BlogPageAuthor
    from demo.management.commands.load_demo import draw_image, initials

    Image = get_image_model()
    blog = BlogIndexPage.objects.get(slug="blog")

    for name, role, colour in EXTRA_AUTHORS:
        if not Author.objects.filter(slug=slugify(name)).exists():
            photo = draw_image(f"Portrait of {name}", (400, 400), colour, initials(name), "#ffffff")
            Author.objects.create(name=name, slug=slugify(name), role=role, photo=photo)
    for name in EXTRA_CATEGORIES:
        BlogCategory.objects.get_or_create(slug=slugify(name), defaults={"name": name})
    for hue, text in enumerate(EXTRA_ILLUSTRATIONS):
        draw_image(f"Illustration: {text}", (1280, 720), f"hsl({hue * 60}, 45%, 35%)", text, "#ffffff")

    authors = list(Author.objects.order_by("pk"))
    categories = list(BlogCategory.objects.order_by("pk"))
    illustrations = list(Image.objects.filter(title__startswith="Illustration: ").order_by("pk"))
    # Internal links point at the demo's posts and blog index, which both sizes have.
    link_targets = [blog.pk, *BlogPage.objects.child_of(blog).order_by("pk").values_list("pk", flat=True)]

    content_type = ContentType.objects.get_for_model(BlogPage)
    last_child = blog.get_last_child()
    first_step = step_number(Page, last_child.path) + 1 if last_child else 1

    pages, posts = [], []
    for i in range(n):
        rng = random.Random(f"{SEED}-{i}")  # noqa: S311 (seeded on purpose: the same posts every run)
        title = title_for(rng)
        slug = f"{slugify(title)[:60].rstrip('-')}-{i + 1}"
        date = FIRST_DATE + datetime.timedelta(days=rng.randrange(DATE_SPAN_DAYS))
        published = timezone.make_aware(datetime.datetime.combine(date, datetime.time(9, rng.randrange(60))))
        pages.append(
            Page(
                content_type=content_type,
                title=title,
                draft_title=title,
                slug=slug,
                path=blog.path + step_path(Page, first_step + i),
                depth=blog.depth + 1,
                numchild=0,
                url_path=f"{blog.url_path}{slug}/",
                locale_id=blog.locale_id,
                live=True,
                has_unpublished_changes=False,
                first_published_at=published,
                last_published_at=published,
            )
        )
        rare = i in RARE_POSTS
        lead = " ".join(sentence(rng) for _ in range(rng.randint(2, 3)))[:560].rsplit(".", 1)[0] + "."
        if rare:
            lead = f"A post about {RARE_WORD}. {lead}"
        posts.append(
            {
                "date": date,
                "lead": lead,
                "listing_image": rng.choice(illustrations),
                "authors": rng.sample(authors, rng.choices([1, 2, 3], [6, 3, 1])[0]),
                "categories": rng.sample(categories, rng.choices([1, 2, 3], [4, 4, 2])[0]),
                "body": body_for(
                    rng, rich=i == RICH_POST, rare=rare, images=illustrations, link_targets=link_targets
                ),
            }
        )

    Through = BlogPage.categories.through
    with transaction.atomic():
        Page.objects.bulk_create(pages, batch_size=500)
        Page.objects.filter(pk=blog.pk).update(numchild=F("numchild") + n)
        post_authors, post_categories = [], []
        for page, data in zip(pages, posts, strict=True):
            post = BlogPage(
                id=page.pk,
                page_ptr_id=page.pk,
                content_type=content_type,
                date=data["date"],
                lead=data["lead"],
                listing_image=data["listing_image"],
                body=data["body"],
            )
            post.save_base(raw=True, force_insert=True)
            post_authors += [
                BlogPageAuthor(page_id=page.pk, author=author, sort_order=order)
                for order, author in enumerate(data["authors"])
            ]
            post_categories += [Through(blogpage_id=page.pk, blogcategory=c) for c in data["categories"]]
        BlogPageAuthor.objects.bulk_create(post_authors, batch_size=2000)
        Through.objects.bulk_create(post_categories, batch_size=2000)

    return {
        "post_url": BlogPage.objects.get(pk=pages[RICH_POST].pk).url if n > RICH_POST else None,
        "generated_pks": [pages[i].pk for i in (RICH_POST, *RARE_POSTS, n - 1) if i < n],
    }


def check_site(generated_pks: list[int]) -> None:
    """The tree is consistent (fixtree finds nothing) and sample posts pass the editor's validation."""
    from django.core.management import call_command

    from blog.models import BlogPage

    out = io.StringIO()
    call_command("fixtree", interactive=False, stdout=out)
    report = out.getvalue()
    if report.count("No problems found.") != 2:  # one for pages, one for collections
        raise SystemExit(f"fixtree found problems in the generated tree:\n{report}")
    for post in BlogPage.objects.filter(pk__in=generated_pks):
        post.full_clean()


def check_reader_index() -> None:
    """The reader index holds an entry for each live post, and nothing else."""
    from blog.models import BlogPage
    from search.models import PostEntry

    live = BlogPage.objects.live().count()
    entries = PostEntry.objects.count()
    if entries != live or PostEntry.objects.filter(post__live=False).exists():
        raise SystemExit(f"The reader index holds {entries} entries for {live} live posts.")


def publish_index_ms(post_pk: int) -> float:
    """Median milliseconds of indexing one post as publishing it does (search/signals.py): its
    text, names and vocabulary written, in a transaction rolled back each time."""
    from django.db import transaction

    from blog.models import BlogPage
    from search.indexing import index_posts

    times = []
    for _ in range(PUBLISH_INDEX_REPEATS):
        post = BlogPage.objects.get(pk=post_pk)
        with transaction.atomic():
            started = time.perf_counter()
            index_posts([post])
            times.append((time.perf_counter() - started) * 1000)
            transaction.set_rollback(True)
    return statistics.median(times)


# Measuring ------------------------------------------------------------------------------------


def scenarios(post_url: str | None) -> dict[str, str | None]:
    from urllib.parse import urlencode

    from blog.models import POSTS_PER_PAGE, BlogIndexPage, BlogPage

    blog = BlogIndexPage.objects.get(slug="blog")
    posts = BlogPage.objects.child_of(blog).live().count()
    last_page = max(1, math.ceil(posts / POSTS_PER_PAGE))
    index = blog.url  # "/blog/"
    return {
        "post": post_url,
        "index": index,
        "index_last": f"{index}?page={last_page}",
        "category": f"{index}category/{CATEGORY_SCENARIO}/",
        "author": f"{index}author/{AUTHOR_SCENARIO}/",
        "search_common": f"/search/?query={COMMON_WORD}",
        "search_rare": f"/search/?query={RARE_WORD}",
        "search_prefix": f"/search/?{urlencode({'query': PREFIX_QUERY})}",
        "search_typo": f"/search/?{urlencode({'query': TYPO_QUERY})}",
        "search_phrase": f"/search/?{urlencode({'query': PHRASE_QUERY})}",
        "suggest": f"/search/suggest/?{urlencode({'query': SUGGEST_QUERY})}",
        "feed": f"{index}feed/",
        "home": "/",
    }


class RequestTimeout(Exception):
    pass


def timed_get(client, url: str) -> tuple[object, float, float]:
    """GET ``url``; the response, its wall time and the CPU time this process spent on it, in ms.

    CPU time includes SQLite's work (it runs in this process) but not the time other processes
    held the CPU, so it shows what the wall time would be on an idle machine. PostgreSQL's work
    runs in its own server process: there CPU time leaves the database's share out.

    SQL still running REQUEST_TIMEOUT_S after the request started is interrupted (SQLite's own
    interrupt, PostgreSQL's cancel request), so a pathological query cannot stall the run. Python
    work is not: a first request that spends long making image renditions is slow but not a timeout.
    """
    from django.db import OperationalError, connections

    wrapper = connections["default"]  # this thread's; the timer thread only reads its attribute
    stop = "interrupt" if wrapper.vendor == "sqlite" else "cancel"
    fired = threading.Event()

    def interrupt():
        fired.set()
        if wrapper.connection:
            getattr(wrapper.connection, stop)()

    timer = threading.Timer(REQUEST_TIMEOUT_S, interrupt)
    timer.start()
    start, start_cpu = time.perf_counter(), time.process_time()
    try:
        response = client.get(url)
    except OperationalError as error:
        if "interrupted" not in str(error) and "canceling statement" not in str(error):
            raise
        raise RequestTimeout from error
    finally:
        timer.cancel()
    if fired.is_set() and response.status_code == 503:
        raise RequestTimeout  # the site's outage middleware answered the interrupted SQL with 503
    return response, (time.perf_counter() - start) * 1000, (time.process_time() - start_cpu) * 1000


def measure(client, url: str) -> dict:
    """Warm up; count the SQL queries of a few requests; then time up to MEASURED_REQUESTS.

    Queries are counted on requests of their own: capturing them costs about 5% of a request,
    which the timed requests should not carry.
    """
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    counts, times, cpu_times = [], [], []
    try:
        for _ in range(WARMUP_REQUESTS):
            response, *_times = timed_get(client, url)
            if response.status_code != 200:
                return {"url": url, "status": response.status_code}
        for _ in range(COUNTED_REQUESTS):
            with CaptureQueriesContext(connection) as queries:
                response, *_times = timed_get(client, url)
            counts.append(len(queries))
        while len(times) < MEASURED_REQUESTS and sum(times) < SCENARIO_BUDGET_S * 1000:
            response, elapsed, cpu = timed_get(client, url)
            if response.status_code != 200:
                return {"url": url, "status": response.status_code}
            times.append(elapsed)
            cpu_times.append(cpu)
    except RequestTimeout:
        return {"url": url, "status": "timeout"}
    times.sort()
    return {
        "url": url,
        "status": 200,
        "requests": len(times),
        "queries": max(counts),
        "queries_min": min(counts),
        "median_ms": statistics.median(times),
        "median_cpu_ms": statistics.median(cpu_times),
        "p95_ms": times[math.ceil(0.95 * len(times)) - 1],
    }


def search_hits(text: str) -> int:
    """Every post the query finds, read as the search page reads it: a search lists at most
    SEARCH_MAX_RESULTS of them."""
    from django.test import override_settings

    from blog.models import BlogPage
    from search.corrections import complete
    from search.query import parse
    from search.results import search_posts

    with override_settings(SEARCH_MAX_RESULTS=1_000_000):
        return search_posts(complete(parse(text)), BlogPage.objects.live().public()).count()


def run_size(n: int, workdir: Path, database_url: str | None, db: str) -> None:
    """The child process: build the site for ``n`` posts (or reuse the one built there before),
    measure, write results.json."""
    setup_django(workdir, database_url)
    from django.core.management import call_command
    from django.test import Client

    from search.corrections import correct
    from search.indexing import rebuild as rebuild_reader_index
    from search.query import parse

    started = time.perf_counter()
    built_file = workdir / "site.json"
    if built_file.exists():
        # A kept site: bring its schema up to date (new indexes), keep its posts and search index.
        call_command("migrate", verbosity=0, interactive=False)
        site = json.loads(built_file.read_text())
        built = wagtail_indexed = indexed = time.perf_counter()
        how = "kept site migrated"
    else:
        site = build_site(n)
        built = time.perf_counter()
        call_command("wagtail_update_index", verbosity=0)
        wagtail_indexed = time.perf_counter()
        rebuild_reader_index()
        vacuum_postgres()
        indexed = time.perf_counter()
        check_site(site["generated_pks"])
        built_file.write_text(json.dumps(site))
        how = "site built"
    check_reader_index()
    checked = time.perf_counter()
    load_at_start = os.getloadavg()
    print(
        f"# n={n}: {how} in {built - started:.1f}s, Wagtail's search index rebuilt in "
        f"{wagtail_indexed - built:.1f}s, the reader index in {indexed - wagtail_indexed:.1f}s, "
        f"checked in {checked - indexed:.1f}s; indexing one post as a publish does: "
        f"{publish_index_ms(site['generated_pks'][0]):.1f} ms (median of {PUBLISH_INDEX_REPEATS}); "
        f"'{COMMON_WORD}' is in {search_hits(COMMON_WORD)} posts, '{RARE_WORD}' in {search_hits(RARE_WORD)}; "
        f"load average {load_average()}",
        flush=True,
    )
    correction = correct(parse(TYPO_QUERY))
    print(
        f"# n={n}: {PREFIX_QUERY!r} finds {search_hits(PREFIX_QUERY)} posts, {PHRASE_QUERY} "
        f"{search_hits(PHRASE_QUERY)}, {TYPO_QUERY!r} {search_hits(TYPO_QUERY)} (corrected to "
        f"{correction and str(correction)!r}: {search_hits(str(correction)) if correction else 0})",
        flush=True,
    )

    client = Client()
    results = {}
    for name, url in scenarios(site["post_url"]).items():
        result = results[name] = measure(client, url) if url else {"url": None, "status": None}
        if result["status"] == 200:
            print(
                f"scenario={name} n={n} queries={result['queries']} "
                f"median_ms={result['median_ms']:.1f} p95_ms={result['p95_ms']:.1f} db={db}",
                flush=True,
            )
            if result["queries_min"] != result["queries"]:
                print(f"#   queries varied between requests: {result['queries_min']} to {result['queries']}")
            if result["requests"] < MEASURED_REQUESTS:
                print(f"#   only {result['requests']} requests fitted in the {SCENARIO_BUDGET_S} s budget")
        elif result["status"] == "timeout":
            print(
                f"# scenario={name} n={n} not measured: {url} took over {REQUEST_TIMEOUT_S} s "
                "(its SQL was interrupted)",
                flush=True,
            )
        else:
            print(f"# scenario={name} n={n} not measured: {url} answered {result['status']}", flush=True)
    print(f"# n={n}: load average {load_average()} at the end ({os.cpu_count()} cores)")
    load = [*load_at_start, *os.getloadavg()]
    (workdir / "results.json").write_text(json.dumps({"load": load, "scenarios": results}))


# The reader pages whose render cost is compared with BENCH_BASELINE's, and the target ratio of
# each median to the baseline's.
BASELINE_TARGETS = {"post": 0.5, "home": 0.7, "index": 0.7, "category": 0.7, "author": 0.7}


def run_baseline(n: int, workdir: Path, database_url: str | None, db: str, project: Path) -> None:
    """The child process for BENCH_BASELINE: the reader pages of the site just built and measured
    for this checkout, served by the baseline's code (``project``, a git worktree)."""
    setup_django(workdir, database_url, project)
    from django.test import Client

    site = json.loads((workdir / "site.json").read_text())
    client = Client()
    results = {}
    for name, url in scenarios(site["post_url"]).items():
        if name not in BASELINE_TARGETS:
            continue
        result = results[name] = measure(client, url)
        if result["status"] == 200:
            print(
                f"scenario={name} n={n} queries={result['queries']} median_ms={result['median_ms']:.1f} "
                f"p95_ms={result['p95_ms']:.1f} db={db} code=baseline",
                flush=True,
            )
    (workdir / "baseline.json").write_text(json.dumps({"scenarios": results}))


def compare_with_baseline(current: dict, baseline: dict, n: int, db: str, commit: str) -> None:
    print(f"\n== {db}, n={n}: render cost against {commit} (targets: {BASELINE_TARGETS}) ==")
    for name, target in BASELINE_TARGETS.items():
        now, then = current["scenarios"].get(name, {}), baseline["scenarios"].get(name, {})
        if now.get("status") != 200 or then.get("status") != 200:
            print(f"scenario={name} not compared: {now.get('status')} now, {then.get('status')} then")
            continue
        ratio = now["median_ms"] / then["median_ms"]
        verdict = "ok" if ratio <= target else f"MISSED: over {target}×"
        print(
            f"scenario={name} baseline_ratio={ratio:.2f} ({then['median_ms']:.1f} → {now['median_ms']:.1f} ms; "
            f"queries {then['queries']} → {now['queries']}) {verdict}"
        )


def load_average() -> str:
    return ", ".join(f"{load:.1f}" for load in os.getloadavg())


# Comparing ------------------------------------------------------------------------------------


def compare(results: dict[int, dict], db: str) -> None:
    small, large = min(results), max(results)
    print(
        f"\n== {db}: {large} posts against {small} (targets: the same queries; median at most "
        f"{MAX_MEDIAN_GROWTH}×; search under {SEARCH_MEDIAN_MS} ms and suggest under "
        f"{SUGGEST_MEDIAN_MS} ms median at {SEARCH_TARGET_SIZE} posts) =="
    )
    missed = unmeasured = 0
    for name, a in results[small]["scenarios"].items():
        b = results[large]["scenarios"].get(name, {})
        if a.get("status") == 200 and b.get("status") == "timeout":
            missed += 1
            print(f"scenario={name} MISSED: a request took over {REQUEST_TIMEOUT_S} s at n={large}")
            continue
        if a.get("status") != 200 or b.get("status") != 200:
            unmeasured += 1
            print(
                f"scenario={name} not compared: {a.get('status')} at n={small}, {b.get('status')} at n={large}"
            )
            continue
        ratio = b["median_ms"] / a["median_ms"]
        cpu_ratio = b["median_cpu_ms"] / a["median_cpu_ms"]
        equal = a["queries"] == b["queries"] and b["queries_min"] == b["queries"]
        problems = []
        if not equal:
            problems.append(f"queries {a['queries']} → {b['queries']}")
        if ratio > MAX_MEDIAN_GROWTH:
            problems.append(f"median grows {ratio:.2f}×")
        if name.startswith("search") and large >= SEARCH_TARGET_SIZE and b["median_ms"] >= SEARCH_MEDIAN_MS:
            problems.append(f"{b['median_ms']:.0f} ms median at n={large}")
        if name == "suggest" and large >= SEARCH_TARGET_SIZE and b["median_ms"] >= SUGGEST_MEDIAN_MS:
            problems.append(f"{b['median_ms']:.0f} ms median at n={large}")
        missed += bool(problems)
        verdict = "MISSED: " + "; ".join(problems) if problems else "ok"
        print(
            f"scenario={name} median_ratio={ratio:.2f} ({a['median_ms']:.1f} → {b['median_ms']:.1f} ms) "
            f"cpu_ratio={cpu_ratio:.2f} ({a['median_cpu_ms']:.1f} → {b['median_cpu_ms']:.1f} ms) "
            f"queries_equal={'yes' if equal else 'no'} ({a['queries']} → {b['queries']}) {verdict}"
        )
    print(f"{db}: {missed} scenario(s) missed a target, {unmeasured} not compared.")
    busiest = max(max(result["load"]) for result in results.values())
    if busiest > os.cpu_count():
        print(
            f"The machine was busy (load average up to {busiest:.1f} on {os.cpu_count()} cores): wall "
            "times are inflated and scattered. cpu_ratio, the growth of the CPU time the requests "
            "took, is the steadier guide; run again when the machine is quiet to confirm."
        )


def postgres_sql(statement: str) -> None:
    """Run one statement against the server's ``postgres`` database (as .ci/run does)."""
    import psycopg

    with psycopg.connect(f"{POSTGRES_SERVER}/postgres", autocommit=True) as connection:
        connection.execute(statement)


@contextlib.contextmanager
def postgres_database(n: int, keep: bool):
    """A PostgreSQL database for one size: its URL. Throwaway (dropped afterwards, even on error),
    or with BENCH_KEEP one named for the size, kept for the next run (its folder in BENCH_KEEP
    says it is built)."""
    name = f"bench_keep_{n}" if keep else f"bench_{n}_{os.getpid()}"
    if not keep:
        postgres_sql(f"CREATE DATABASE {name}")
    else:
        import psycopg

        with psycopg.connect(f"{POSTGRES_SERVER}/postgres", autocommit=True) as connection:
            if not connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
                connection.execute(f"CREATE DATABASE {name}")
    try:
        yield f"{POSTGRES_SERVER}/{name}"
    finally:
        if not keep:
            # WITH (FORCE): a child killed mid-run may leave its connection behind.
            postgres_sql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def combined(rounds: list[dict]) -> dict:
    """One size's results from several rounds: per scenario the median of the rounds' medians
    (and 95th percentiles), the most queries any request made; a scenario a round could not
    measure keeps that round's status."""
    scenarios = {}
    for name, first in rounds[0]["scenarios"].items():
        results = [result["scenarios"][name] for result in rounds]
        failed = next((result for result in results if result.get("status") != 200), None)
        if failed:
            scenarios[name] = failed
            continue
        scenarios[name] = {
            **first,
            "requests": sum(result["requests"] for result in results),
            "queries": max(result["queries"] for result in results),
            "queries_min": min(result["queries_min"] for result in results),
            **{
                key: statistics.median(result[key] for result in results)
                for key in ("median_ms", "median_cpu_ms", "p95_ms")
            },
        }
    return {"load": [load for result in rounds for load in result["load"]], "scenarios": scenarios}


def run_database(db: str, sizes: list[int], keep: str | None, baseline: Path | None) -> dict[int, dict]:
    """Each size's site built once (or kept), then measured in BENCH_ROUNDS rounds, the sizes in
    turn and in the other order each round: a stretch of time when the machine runs slower (other
    work on the host) then slows both sizes alike instead of one, which a single run cannot tell
    from growth."""
    rounds = int(os.environ.get("BENCH_ROUNDS") or DEFAULT_ROUNDS)
    measured = {n: [] for n in sizes}
    with contextlib.ExitStack() as stack:
        places = {}
        for n in sizes:
            if keep:
                workdir = Path(keep).resolve() / (f"n{n}" if db == "sqlite" else f"{db}-n{n}")
                workdir.mkdir(parents=True, exist_ok=True)
            else:
                workdir = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix=f"reader-bench-{n}-")))
            database_url = stack.enter_context(postgres_database(n, bool(keep))) if db == "postgres" else None
            places[n] = workdir, database_url

        def child(n: int, *options: str, cwd: Path = PROJECT) -> Path:
            """Runs this script for size ``n`` in a process of its own (Django is set up once per
            process, against that size's database); returns the folder it writes its results to."""
            workdir, database_url = places[n]
            command = [sys.executable, str(Path(__file__).resolve()), "--size", str(n)]
            command += ["--workdir", str(workdir), "--db", db, *options]
            env = {**os.environ, "BENCH_DATABASE_URL": database_url or ""}
            subprocess.run(command, check=True, cwd=cwd, env=env)  # noqa: S603 (our own script)
            return workdir

        for round_number in range(rounds):
            for n in sizes if round_number % 2 == 0 else reversed(sizes):
                print(f"# {db}, n={n}, round {round_number + 1} of {rounds}", flush=True)
                measured[n].append(json.loads((child(n) / "results.json").read_text()))
        results = {n: combined(measured[n]) for n in sizes}
        if baseline:
            commit = os.environ["BENCH_BASELINE"]
            for n in sizes:
                print(f"# {db}, n={n}: the same site with the code of {commit}", flush=True)
                workdir = child(n, "--baseline", str(baseline), cwd=baseline)
                compare_with_baseline(
                    results[n], json.loads((workdir / "baseline.json").read_text()), n, db, commit
                )
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, help=argparse.SUPPRESS)  # set when run as a child
    parser.add_argument("--workdir", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--db", default="sqlite", help=argparse.SUPPRESS)
    parser.add_argument("--baseline", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.baseline is not None:
        run_baseline(
            args.size, args.workdir, os.environ.get("BENCH_DATABASE_URL") or None, args.db, args.baseline
        )
        return
    if args.size is not None:
        run_size(args.size, args.workdir, os.environ.get("BENCH_DATABASE_URL") or None, args.db)
        return

    sizes = [int(size) for size in (os.environ.get("BENCH_SIZES") or DEFAULT_SIZES).split()]
    databases = (os.environ.get("BENCH_DB") or "sqlite").split()
    if unknown := [db for db in databases if db not in DATABASES]:
        raise SystemExit(f"BENCH_DB: unknown {' '.join(unknown)} (one or more of {', '.join(DATABASES)})")
    keep = os.environ.get("BENCH_KEEP")
    with git_worktree(os.environ.get("BENCH_BASELINE")) as baseline:
        results = {db: run_database(db, sizes, keep, baseline) for db in databases}
    for db, by_size in results.items():
        if len(by_size) > 1:
            compare(by_size, db)


if __name__ == "__main__":
    main()
