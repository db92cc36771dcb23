from django import template
from django.db.models import prefetch_related_objects
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from base.cache import cached_fragment, cached_fragments
from blog.citations import link_citations as link_citations_in_html
from blog.models import card_prefetches

register = template.Library()


@register.filter
def link_citations(html):
    """Link "[n]" markers in rendered rich text to the post's references."""
    return link_citations_in_html(html)


def kept_per_post(context, name: str, template_name: str, template_context) -> str:
    """``template_name`` rendered for the post shown with ``template_context(page)`` (asked for
    only when it is rendered), kept under ``name`` per post until anything pages show changes
    (base/cache.py). Rendered afresh in a preview (or for an unsaved post), where the editor's
    unsaved changes count."""
    request = context["request"]
    page = context["page"]

    def render():
        return render_to_string(template_name, template_context(page), request=request)

    if getattr(request, "is_preview", False) or not page.pk:
        return mark_safe(render())  # noqa: S308 - a rendered template
    return mark_safe(cached_fragment(f"{name}:{page.pk}", render))  # noqa: S308 - a rendered template


@register.simple_tag(takes_context=True)
def read_more(context):
    """The post's "Read More" cards, kept rendered (the editor's unsaved picks in a preview)."""
    return kept_per_post(
        context, "read-more", "includes/read_more.html", lambda page: {"related": page.related_posts}
    )


@register.simple_tag(takes_context=True)
def post_body(context):
    """The post's body, its blocks rendered, kept until a published change, an image or a moved
    linked page renews it (the editor's unsaved blocks in a preview)."""
    return kept_per_post(context, "post-body", "includes/post_body.html", lambda page: {"page": page})


@register.simple_tag(takes_context=True)
def post_cards(context, posts, heading_level=3):
    """The cards of ``posts`` (includes/post_card.html, the first one's image loaded at once),
    each kept rendered until anything it shows changes (base/cache.py). The posts whose card is
    not kept get what a card shows (card_prefetches) together, then are rendered."""
    request = context["request"]
    posts = list(posts)
    first = posts[0] if posts else None

    def render(missing):
        prefetch_related_objects(missing, *card_prefetches())
        return [
            render_to_string(
                "includes/post_card.html",
                {"post": post, "heading_level": heading_level, "eager": post is first},
                request=request,
            )
            for post in missing
        ]

    def name(post):
        return f"post-card:{post.pk}:h{heading_level}:{'eager' if post is first else 'lazy'}"

    return [mark_safe(card) for card in cached_fragments(posts, name, render)]  # noqa: S308 - rendered templates
