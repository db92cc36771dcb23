import json
from itertools import groupby
from urllib.parse import urljoin

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Prefetch
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from wagtail.images import get_image_model
from wagtail.images.models import Filter
from wagtail.models import Site

from base import structured_data
from base.cache import cached_fragment
from base.models import (
    PARTNER_LOGO_FILTER,
    PUBLISHER_LOGO_FILTER,
    SOCIAL_IMAGE_FILTER,
    FooterSettings,
    Partner,
    SharingSettings,
)
from base.sites import root_url

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

    Every address starts with the Site's public address (base/sites.py), never the request's
    Host. Pages may offer ``summary`` (a plain-text description), ``social_image`` (a Wagtail
    image; else the default one of Settings → Search and sharing) and
    ``structured_data(request, url=, publisher=, image=)`` (a schema.org node); the promote tab's
    search description and title win where editors filled them in. Views that are not pages
    (search, the newsletter's pages, errors) get the sharing card without a canonical link.
    """
    request = context["request"]
    page = context.get("page")
    site_name = context["site_name"]
    origin = root_url(request)
    url = origin + request.path
    listing = context.get("posts")  # the page of posts a listing shows, as paginated
    canonical_url = url + (f"?page={listing.number}" if listing is not None and listing.number > 1 else "")
    defaults = sharing_defaults(request)
    image = _absolute(origin, _page_image(page) or defaults["image"])
    publisher = structured_data.organization(
        name=site_name, origin=origin, logo=_absolute(origin, defaults["logo"])
    )
    description = (page and (page.search_description or getattr(page, "summary", ""))) or site_name
    return {
        "site_name": site_name,
        "title": context.get("meta_title") or (page and (page.seo_title or page.title)) or site_name,
        "description": Truncator(" ".join(description.split())).chars(200),
        "canonical_url": canonical_url if page else None,
        "og_url": canonical_url,
        "og_type": "article" if hasattr(page, "structured_data") else "website",
        "image": image,
        "structured_data": (
            _page_graph(
                context,
                page,
                origin=origin,
                url=url,
                canonical_url=canonical_url,
                image=image,
                publisher=publisher,
            )
            if page
            else None
        ),
    }


def sharing_defaults(request) -> dict:
    """The publisher's logo and the default sharing image of the request's Site, as renditions
    (relative addresses), kept until anything pages show changes."""
    site = Site.find_for_request(request)
    if site is None:
        return {"logo": None, "image": None}
    return cached_fragment(f"sharing:{site.pk}", lambda: _sharing_defaults(site))


def _sharing_defaults(site) -> dict:
    sharing = SharingSettings.objects.select_related("publisher_logo", "default_image").filter(
        site=site
    ).first() or SharingSettings(site=site)
    logo, image = sharing.publisher_logo, sharing.default_image
    return {
        "logo": _rendition(logo, PUBLISHER_LOGO_FILTER) if logo else None,
        "image": {**_rendition(image, SOCIAL_IMAGE_FILTER), "alt": image.default_alt_text} if image else None,
    }


def _page_image(page) -> dict | None:
    social_image = getattr(page, "social_image", None)
    if not social_image:
        return None
    # Kept per image: Wagtail writes a rendition back to the cache each time it is asked for one.
    rendition = cached_fragment(
        f"social-image:{social_image.pk}", lambda: _rendition(social_image, SOCIAL_IMAGE_FILTER)
    )
    return {**rendition, "alt": getattr(page, "social_image_alt", "") or page.title}


def _rendition(image, spec: str) -> dict:
    rendition = image.get_rendition(spec)
    return {"url": rendition.url, "width": rendition.width, "height": rendition.height}


def _absolute(origin: str, image: dict | None) -> dict | None:
    """``image`` with its address made absolute (media on another host keep theirs)."""
    return image and {**image, "url": urljoin(f"{origin}/", image["url"])}


def _ancestors(page, site, request) -> list[tuple[str, str]]:
    """(title, absolute url) of the pages above ``page`` in its site, from the home page down."""
    ancestors = page.get_ancestors().filter(depth__gt=1)
    if site:
        ancestors = ancestors.filter(path__startswith=site.root_page.path)
    return [(ancestor.title, ancestor.get_full_url(request)) for ancestor in ancestors]


def _page_graph(context, page, *, origin, url, canonical_url, image, publisher) -> dict:
    """The page's schema.org nodes: its own (a post's BlogPosting), then the website and its
    publisher on the home page, or the breadcrumbs from the home page everywhere else."""
    request = context["request"]
    site = Site.find_for_request(request)
    nodes = []
    if hasattr(page, "structured_data"):
        nodes.append(page.structured_data(request, url=canonical_url, publisher=publisher, image=image))
    if site and page.pk == site.root_page_id:
        website = structured_data.website(
            name=context["site_name"],
            origin=origin,
            search_url=origin + reverse("search"),
            publisher=publisher,
        )
        nodes += [website, publisher]
        return structured_data.graph(nodes)
    ancestors = cached_fragment(
        f"ancestors:{site and site.pk}:{page.pk}", lambda: _ancestors(page, site, request)
    )
    if context.get("breadcrumb"):  # a listing within the page: a category, an author
        here = [(page.title, page.get_full_url(request)), (context["breadcrumb"], url)]
    else:
        here = [(page.title, url)]
    nodes.append(structured_data.breadcrumb_list([*ancestors, *here]))
    return structured_data.graph(nodes)


# Characters that could end a <script> element or start markup inside JSON, escaped as JSON allows.
JSON_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


@register.filter(is_safe=True)
def with_site_name(title: str, site_name: str) -> str:
    """The <title>: the page's title, then the site's name; the name once where the title is the
    name already (the home page) or there is none. ``title`` is the rendered title block."""
    site_name = conditional_escape(site_name)
    if conditional_escape(title).strip() in ("", site_name):
        return site_name
    return format_html("{} | {}", title, site_name)


@register.filter
def json_ld(data):
    """A JSON-LD <script> block whose content can never close the element early."""
    payload = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(JSON_SCRIPT_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{payload}</script>')  # noqa: S308 - escaped above
