"""Orderable rows (authors of a post, social links…) keep their order in ``sort_order``, which
Wagtail's editing form fills in; code that assigns such rows itself must fill it in too."""


def in_order(rows: list) -> list:
    """The rows, each given its place in the list as its sort_order, as the editing form does."""
    for order, row in enumerate(rows):
        row.sort_order = order
    return rows


def number_unordered_rows(model, parent_field: str) -> None:
    """For the data migrations that mend rows stored without a sort_order: each parent's rows
    numbered in the order they were created (their primary keys), the order they were given in."""
    parents = model.objects.filter(sort_order__isnull=True).values_list(parent_field, flat=True).distinct()
    for parent in parents:
        rows = list(model.objects.filter(**{parent_field: parent}).order_by("pk"))
        for order, row in enumerate(rows):
            row.sort_order = order
        model.objects.bulk_update(rows, ["sort_order"])
