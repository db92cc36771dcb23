"""Finding a page's child by its slug in one query instead of Wagtail's two."""


def specific_child(parent, slug: str, model):
    """``parent``'s child with ``slug`` when it is a ``model``, loaded as one; else None.

    Wagtail's Page.route loads the child as a plain page, then its specific type (a second
    query). Where a page's children are (nearly) all of one type, its ``route`` can try this
    first and leave anything else to Wagtail.
    """
    return model.objects.child_of(parent).filter(slug=slug).first()
