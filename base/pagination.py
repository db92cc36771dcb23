from django.core.paginator import Page, Paginator


def paginate(items, raw_page: str | None, per_page: int) -> tuple[Page, list]:
    """The page of ``items`` a reader asked for, or the nearest one that exists.

    Missing or non-numeric → page 1; below 1 → page 1; past the end → the last page.
    Returns the page and the elided range of page numbers for the page links.
    """
    paginator = Paginator(items, per_page)
    try:
        number = int(raw_page)
    except (TypeError, ValueError):
        number = 1
    number = min(max(number, 1), paginator.num_pages)
    return paginator.page(number), list(paginator.get_elided_page_range(number, on_each_side=2, on_ends=1))
