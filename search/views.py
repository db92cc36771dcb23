import re
from itertools import chain
from urllib.parse import urlencode

from django.conf import settings
from django.db.models import F, Prefetch, Q, prefetch_related_objects
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits, SearchPromotion
from wagtail.search.utils import normalise_query_string

from base.pagination import paginate
from blog.models import BlogCategory, BlogPage, BlogPageAuthor
from blog.text import body_texts

from .excerpts import excerpt

MAX_QUERY_LENGTH = 200
MAX_QUERY_WORDS = 20
RESULTS_PER_PAGE = 10

# Characters that mean something to a search backend's query parser, or nothing to a reader.
UNSAFE = re.compile(r"[\x00-\x1f\x7f\"“”„'‘’`&|!():*<>\\^~{}\[\]]")


POSSESSIVE = re.compile(r"(?<=\w)['’]s\b")


def clean_query(raw: str) -> str:
    """A query the backend can always parse: no control or syntax characters, bounded in size."""
    # "China's" searches for China: a lone "s" would have to match too.
    words = UNSAFE.sub(" ", POSSESSIVE.sub("", raw[: MAX_QUERY_LENGTH * 4])).split()
    return " ".join(words[:MAX_QUERY_WORDS])[:MAX_QUERY_LENGTH].strip()


def record_hit(query: str) -> None:
    """Count a search for Wagtail's "Popular searches" report: one UPDATE when the query has
    been searched today already, Wagtail's own get-or-create (four queries) the first time."""
    today = timezone.now().date()
    searched_today = QueryDailyHits.objects.filter(
        query__query_string=normalise_query_string(query), date=today
    )
    if not searched_today.update(hits=F("hits") + 1):
        Query.get(query).add_hit(today)


def search(request):
    raw_query = request.GET.get("query", "")
    query = clean_query(raw_query)
    categories = list(BlogCategory.objects.all())
    category = next((c for c in categories if c.slug == request.GET.get("category")), None)
    results = page_range = None
    promotions = []
    if query:
        posts = BlogPage.objects.live().public()
        if category:
            posts = posts.filter(categories__slug=category.slug)
        # At most SEARCH_MAX_RESULTS: beyond them a reader is better served by another word.
        matches = posts.search(query)[: settings.SEARCH_MAX_RESULTS]
        results, page_range = paginate(matches, request.GET.get("page"), RESULTS_PER_PAGE)
        found = list(results.object_list)
        # The authors' names for this page of results: a result shows no photo or image.
        prefetch_related_objects(
            found, Prefetch("post_authors", BlogPageAuthor.objects.select_related("author"))
        )
        terms = query.split()
        for post in found:
            post.excerpt = excerpt(chain([post.lead], body_texts(post.body.raw_data)), terms)
        record_hit(query)
        if results.number == 1:  # editors' promoted pages come first
            live_or_external = Q(page__isnull=True) | Q(page__live=True)
            promotions = list(
                SearchPromotion.objects.filter(
                    live_or_external, query__query_string=normalise_query_string(query)
                ).select_related("page")
            )
    response = TemplateResponse(
        request,
        "search/search.html",
        {
            "search_query": raw_query.replace("\x00", "")[:MAX_QUERY_LENGTH],
            "query": query,
            "results": results,
            "page_range": page_range,
            "promotions": promotions,
            "max_results": settings.SEARCH_MAX_RESULTS,
            "categories": categories,
            "active_category": category,
            "pagination_query": urlencode(
                {"query": query, **({"category": category.slug} if category else {})}
            ),
            "all_categories_query": urlencode({"query": query}),
        },
    )
    if query:
        # Every search must reach this view to be counted for the popular-searches report, so
        # neither the page cache nor Varnish/a CDN may answer it from a stored copy.
        add_never_cache_headers(response)
    return response
