from django import template

from blog.citations import link_citations as link_citations_in_html

register = template.Library()


@register.filter
def link_citations(html):
    """Link "[n]" markers in rendered rich text to the post's references."""
    return link_citations_in_html(html)
