import re
from urllib.parse import urlencode

from django.db.models import prefetch_related_objects
from django.template.response import TemplateResponse

from base.pagination import paginate
from blog.models import BlogPage, card_prefetches

MAX_QUERY_LENGTH = 200
MAX_QUERY_WORDS = 20
RESULTS_PER_PAGE = 10

# Characters that mean something to a search backend's query parser, or nothing to a reader.
UNSAFE = re.compile(r"[\x00-\x1f\x7f\"“”„'‘’`&|!():*<>\\^~{}\[\]]")


def clean_query(raw: str) -> str:
    """A query the backend can always parse: no control or syntax characters, bounded in size."""
    words = UNSAFE.sub(" ", raw[: MAX_QUERY_LENGTH * 4]).split()
    return " ".join(words[:MAX_QUERY_WORDS])[:MAX_QUERY_LENGTH].strip()


def search(request):
    raw_query = request.GET.get("query", "")
    query = clean_query(raw_query)
    results = page_range = None
    if query:
        matches = BlogPage.objects.live().public().defer_streamfields().search(query)
        results, page_range = paginate(matches, request.GET.get("page"), RESULTS_PER_PAGE)
        # Authors and photos for this page of results only.
        prefetch_related_objects(list(results.object_list), *card_prefetches())
    return TemplateResponse(
        request,
        "search/search.html",
        {
            "search_query": raw_query.replace("\x00", "")[:MAX_QUERY_LENGTH],
            "query": query,
            "results": results,
            "page_range": page_range,
            "pagination_query": urlencode({"query": query}),
        },
    )
