from itertools import groupby

from django import template
from django.db.models import Prefetch
from wagtail.images import get_image_model
from wagtail.models import Site

from base.models import PARTNER_LOGO_FILTER, Partner

register = template.Library()


@register.inclusion_tag("includes/partners.html")
def partner_groups():
    """Partner logos grouped under their headings, in the site managers' order."""
    partners = Partner.objects.prefetch_related(
        # Logos with their renditions: a fixed number of queries however many partners there are.
        Prefetch("logo", queryset=get_image_model().objects.prefetch_renditions(PARTNER_LOGO_FILTER))
    )
    return {"groups": [(group, list(members)) for group, members in groupby(partners, key=lambda p: p.group)]}


@register.inclusion_tag("includes/main_navigation.html", takes_context=True)
def main_navigation(context):
    """Home plus the live pages under it that editors ticked “Show in menus”."""
    request = context["request"]
    site = Site.find_for_request(request)
    if site is None:
        return {"items": []}
    root = site.root_page
    current = context.get("page")
    items = [root, *root.get_children().live().public().in_menu()]
    return {
        "items": [
            {
                # The site root is the home page; its title is the site's name, so the menu says "Home".
                "label": "Home" if item.pk == root.pk else item.title,
                "url": item.get_url(request=request),
                "current": current is not None
                and (
                    current.pk == item.pk or (item.depth > root.depth and current.path.startswith(item.path))
                ),
            }
            for item in items
        ]
    }
