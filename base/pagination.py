from django.core import paginator
from django.db.models import QuerySet


class Paginator(paginator.Paginator):
    """Django's paginator, reading the later pages of an ordered queryset from its end.

    A database reaches page n by stepping over the rows before it (OFFSET), so the last page of
    10,000 posts steps over 9,990. In the second half, the same rows are fetched in the reverse
    order with the smaller offset from the end, then put back in order. The queryset's order
    must be total (end in a unique field, as ``-date, -pk`` does) for the two to agree.
    """

    def page(self, number):
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = min(bottom + self.per_page, self.count)
        items = self.object_list
        from_end = self.count - top
        if isinstance(items, QuerySet) and items.ordered and from_end < bottom:
            return paginator.Page(list(items.reverse()[from_end : self.count - bottom])[::-1], number, self)
        return paginator.Page(items[bottom:top], number, self)


def paginate(
    items, raw_page: str | None, per_page: int, count: int | None = None
) -> tuple[paginator.Page, list]:
    """The page of ``items`` a reader asked for, or the nearest one that exists.

    Missing or non-numeric → page 1; below 1 → page 1; past the end → the last page.
    Returns the page and the elided range of page numbers for the page links. ``count``, when
    known (kept in a cache), spares counting the items.
    """
    pages = Paginator(items, per_page)
    if count is not None:
        pages.count = count
    try:
        number = int(raw_page)
    except (TypeError, ValueError):
        number = 1
    number = min(max(number, 1), pages.num_pages)
    return pages.page(number), list(pages.get_elided_page_range(number, on_each_side=2, on_ends=1))
