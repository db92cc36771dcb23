import json
from itertools import groupby

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Prefetch
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from wagtail.images import get_image_model
from wagtail.images.models import Filter
from wagtail.models import Site

from base.cache import cached_fragment
from base.models import PARTNER_LOGO_FILTER, SOCIAL_IMAGE_FILTER, FooterSettings, Partner

register = template.Library()


def partner_groups() -> list:
    """Partner logos grouped under their headings, in the site managers' order."""
    partners = Partner.objects.prefetch_related(
        # Logos with their renditions: a fixed number of queries however many partners there are.
        Prefetch(
            "logo",
            queryset=get_image_model().objects.prefetch_renditions(*Filter.expand_spec(PARTNER_LOGO_FILTER)),
        )
    )
    return [(group, list(members)) for group, members in groupby(partners, key=lambda p: p.group)]


@register.simple_tag(takes_context=True)
def site_footer(context):
    """The footer ("Follow us", partner logos, copyright and credits), rendered once for all pages
    of the site until something in it changes (base/cache.py)."""
    request = context["request"]
    site = Site.find_for_request(request)

    def render():
        footer = FooterSettings.for_site(site) if site else None
        return render_to_string(
            "includes/footer.html",
            {
                "footer": footer,
                "social_links": footer.social_links.all() if footer else [],
                "groups": partner_groups(),
            },
        )

    return mark_safe(cached_fragment(f"footer:{site and site.pk}", render))  # noqa: S308 - a rendered template


def menu_items(site, request) -> list[dict]:
    """Home plus the live pages under it that editors ticked “Show in menus”."""
    root = site.root_page
    return [
        {
            # The site root is the home page; its title is the site's name, so the menu says "Home".
            "label": "Home" if item.pk == root.pk else item.title,
            "url": item.get_url(request=request),
            "pk": item.pk,
            "path": item.path,
            "is_root": item.pk == root.pk,
        }
        for item in [root, *root.get_children().live().public().in_menu()]
    ]


@register.inclusion_tag("includes/main_navigation.html", takes_context=True)
def main_navigation(context):
    """The menu (kept for all pages of the site until it changes: base/cache.py), with the page
    shown, or the section it is in, marked as current."""
    request = context["request"]
    site = Site.find_for_request(request)
    if site is None:
        return {"items": []}
    current = context.get("page")
    items = cached_fragment(f"menu:{site.pk}", lambda: menu_items(site, request))
    return {
        "items": [
            {
                **item,
                "current": current is not None
                and (
                    current.pk == item["pk"]
                    or (not item["is_root"] and current.path.startswith(item["path"]))
                ),
            }
            for item in items
        ]
    }


@register.inclusion_tag("includes/meta.html", takes_context=True)
def page_meta(context):
    """Search and sharing metadata for the page being shown, with fallbacks for every field.

    Pages may offer ``summary`` (a plain-text description), ``social_image`` (a Wagtail
    image) and ``structured_data(url=, site_name=, image=)`` (a JSON-LD dict); the promote tab's
    search description and title win where editors filled them in.
    """
    request = context["request"]
    page = context["page"]
    canonical_url = request.build_absolute_uri(request.path)
    listing = context.get("posts")  # the page of posts a listing shows, as paginated
    if listing is not None and listing.number > 1:
        canonical_url += f"?page={listing.number}"
    description = page.search_description or getattr(page, "summary", "") or context["site_name"]
    image = None
    social_image = getattr(page, "social_image", None)
    if social_image:
        # Kept per image: Wagtail writes a rendition back to the cache each time it is asked for one.
        rendition = cached_fragment(
            f"social-image:{social_image.pk}", lambda: _social_rendition(social_image)
        )
        image = {
            **rendition,
            "url": request.build_absolute_uri(rendition["url"]),
            "alt": getattr(page, "social_image_alt", "") or page.title,
        }
    structured_data = getattr(page, "structured_data", None)
    return {
        "site_name": context["site_name"],
        "title": context.get("meta_title") or page.seo_title or page.title,
        "description": Truncator(" ".join(description.split())).chars(200),
        "canonical_url": canonical_url,
        "og_type": "article" if structured_data else "website",
        "image": image,
        "structured_data": (
            structured_data(url=canonical_url, site_name=context["site_name"], image=image)
            if structured_data
            else None
        ),
    }


def _social_rendition(image) -> dict:
    rendition = image.get_rendition(SOCIAL_IMAGE_FILTER)
    return {"url": rendition.url, "width": rendition.width, "height": rendition.height}


# Characters that could end a <script> element or start markup inside JSON, escaped as JSON allows.
JSON_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


@register.filter
def json_ld(data):
    """A JSON-LD <script> block whose content can never close the element early."""
    payload = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(JSON_SCRIPT_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{payload}</script>')  # noqa: S308 - escaped above
