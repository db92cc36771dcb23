"""Work Wagtail 8.0 repeats on every image it renders, done once per process."""

from wagtail.images.templatetags.wagtailimages_tags import SrcsetImageNode


def keep_srcset_filters() -> None:
    """Let each {% picture %} and {% srcset_image %} tag build its Filter objects once.

    Wagtail builds them afresh every time such a tag renders, and each new Filter works out its
    operations again (``inspect.getcallargs`` for every one: ~150 calls for a post with a dozen
    pictures). A compiled tag's specs never change and a Filter holds nothing of the image it is
    applied to, so the node keeps them. Small enough to offer upstream as a cached_property.
    """
    build = SrcsetImageNode.get_filters

    def get_filters(node):
        if not hasattr(node, "kept_filters"):
            node.kept_filters = build(node)
        return node.kept_filters

    SrcsetImageNode.get_filters = get_filters
