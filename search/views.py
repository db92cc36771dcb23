import re
from dataclasses import replace
from itertools import chain
from urllib.parse import urlencode

from django.conf import settings
from django.db.models import F, Prefetch, Q, prefetch_related_objects
from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers, patch_cache_control
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits, SearchPromotion
from wagtail.search.utils import normalise_query_string

from base.pagination import paginate
from blog.models import BlogCategory, BlogPage, BlogPageAuthor
from blog.text import body_texts

from .corrections import complete, correct
from .excerpts import excerpt
from .query import MAX_QUERY_LENGTH, QUOTE_MARKS, parse
from .results import search_posts

RESULTS_PER_PAGE = 10
# Fewer results than this, and a corrected query that finds some, make a "Did you mean" link.
FEW_RESULTS = 3


def record_hit(query: str) -> None:
    """Count a search for Wagtail's "Popular searches" report: one UPDATE when the query has
    been searched today already, Wagtail's own get-or-create (four queries) the first time."""
    today = timezone.now().date()
    searched_today = QueryDailyHits.objects.filter(
        query__query_string=normalise_query_string(query), date=today
    )
    if not searched_today.update(hits=F("hits") + 1):
        Query.get(query).add_hit(today)


WHOLLY_QUOTED = re.compile(f"^[{QUOTE_MARKS}](?P<inside>[^{QUOTE_MARKS}]*)[{QUOTE_MARKS}]$")


def unquoted(text: str) -> str:
    """What the reader typed, to show inside the page's own quotes: a query typed wholly in
    quotes loses its pair ('"open science"' is shown as “open science”, not “"open science"”)."""
    match = WHOLLY_QUOTED.match(text)
    return match["inside"] if match else text


def search(request):
    raw_query = request.GET.get("query", "")
    query = complete(parse(raw_query))
    # What the reader typed, as shown back, linked to and recorded: spaces tidied, bounded.
    typed = " ".join(raw_query.replace("\x00", " ").split())[:MAX_QUERY_LENGTH]
    categories = list(BlogCategory.objects.all())
    category = next((c for c in categories if c.slug == request.GET.get("category")), None)
    results = page_range = correction = None
    corrected = False  # the results shown are the correction's, since the query found nothing
    promotions = []
    if query:
        posts = BlogPage.objects.live().public()
        if category:
            posts = posts.filter(categories__slug=category.slug)
        # At most SEARCH_MAX_RESULTS (search/results.py): beyond them a reader is better served by
        # another word.
        matches = search_posts(query, posts)
        shown = query
        if "exact" not in request.GET and (count := matches.count()) < FEW_RESULTS:
            correction = correct(query)
            correction_matches = correction and search_posts(correction, posts)
            # Offered only when it finds more ("refugee" finds "Refugees" as it is).
            if not correction or correction_matches.count() <= count:
                correction = None
            elif not count:
                matches, shown, corrected = correction_matches, correction, True
        results, page_range = paginate(matches, request.GET.get("page"), RESULTS_PER_PAGE)
        found = list(results.object_list)
        # The authors' names for this page of results: a result shows no photo or image.
        prefetch_related_objects(
            found, Prefetch("post_authors", BlogPageAuthor.objects.select_related("author"))
        )
        last = shown.parts[-1] if shown.prefix else None
        for post in found:
            post.excerpt = excerpt(
                chain([post.lead], body_texts(post.body.raw_data)), shown.parts, prefix=last
            )
        record_hit(typed)  # a "Did you mean" link followed counts as a search for the correction
        if results.number == 1:  # editors' promoted pages come first
            live_or_external = Q(page__isnull=True) | Q(page__live=True)
            promotions = list(
                SearchPromotion.objects.filter(
                    live_or_external, query__query_string=normalise_query_string(typed)
                ).select_related("page")
            )
    category_param = {"category": category.slug} if category else {}
    response = TemplateResponse(
        request,
        "search/search.html",
        {
            "search_query": raw_query.replace("\x00", "")[:MAX_QUERY_LENGTH],
            "query": unquoted(typed),
            "shown_query": unquoted(str(correction) if corrected else typed),
            "corrected": corrected,
            "correction": correction and str(correction),
            "correction_query": correction and urlencode({"query": str(correction), **category_param}),
            "exact_query": urlencode({"query": typed, **category_param, "exact": 1}),
            "results": results,
            "page_range": page_range,
            "promotions": promotions,
            "max_results": settings.SEARCH_MAX_RESULTS,
            "categories": categories,
            "active_category": category,
            "pagination_query": urlencode(
                {"query": typed, **category_param, **({"exact": 1} if "exact" in request.GET else {})}
            ),
            "all_categories_query": urlencode({"query": typed}),
        },
    )
    if query:
        # Every search must reach this view to be counted for the popular-searches report, so
        # neither the page cache nor Varnish/a CDN may answer it from a stored copy.
        add_never_cache_headers(response)
    return response


SUGGESTIONS = 6
SUGGEST_MIN_LENGTH = 3
# The suggestions are the best of the newest this many posts whose title matches: ranking more
# changes little in a list of six titles and, on a large archive, made every keystroke dearer.
SUGGESTION_WINDOW = 10 * SUGGESTIONS


def suggest(request):
    """Post titles for the header's search box as the reader types: JSON, cheap and cacheable.

    ``{"query": "hydrolog", "results": [{"title": "…", "url": "/blog/…/"}, …]}``, at most
    SUGGESTIONS, best first; nothing below SUGGEST_MIN_LENGTH letters. Not counted as a search."""
    query = parse(request.GET.get("query", ""))
    results = []
    if len(str(query)) >= SUGGEST_MIN_LENGTH:
        query = replace(complete(query, titles=True), window=SUGGESTION_WINDOW)
        posts = BlogPage.objects.live().public().only("title", "url_path")
        matches = search_posts(query, posts, titles_only=True)[:SUGGESTIONS]
        results = [{"title": post.title, "url": post.url} for post in matches]
    response = JsonResponse({"query": str(query), "results": results})
    patch_cache_control(response, public=True, max_age=300)
    return response
