from django import template
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from base.cache import cached_fragment
from blog.citations import link_citations as link_citations_in_html

register = template.Library()


@register.filter
def link_citations(html):
    """Link "[n]" markers in rendered rich text to the post's references."""
    return link_citations_in_html(html)


@register.simple_tag(takes_context=True)
def read_more(context):
    """The post's "Read More" cards, kept rendered per post until anything they show changes
    (base/cache.py). Built afresh in a preview, where the editor's unsaved picks count."""
    request = context["request"]
    page = context["page"]

    def render():
        return render_to_string("includes/read_more.html", {"related": page.related_posts}, request=request)

    if getattr(request, "is_preview", False) or not page.pk:
        return mark_safe(render())  # noqa: S308 - a rendered template
    return mark_safe(cached_fragment(f"read-more:{page.pk}", render))  # noqa: S308 - a rendered template
