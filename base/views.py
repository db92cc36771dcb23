from django.utils.html import format_html
from wagtail.admin.ui.tables import Column
from wagtail.images.shortcuts import get_rendition_or_not_found
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Partner

# A snippet viewset with this menu_hook is listed under "Site content", in menu_order order. Each
# app registers its own viewsets from its wagtail_hooks.py; partners (300) come after the blog's
# authors (100) and categories (200).
SITE_CONTENT_MENU_HOOK = "register_site_content_menu_item"


class LogoColumn(Column):
    def get_value(self, instance):
        rendition = get_rendition_or_not_found(instance.logo, "height-40")
        return format_html('<img src="{}" height="40" alt="">', rendition.url)


class PartnerViewSet(SnippetViewSet):
    model = Partner
    icon = "group"
    menu_label = "Partners"
    menu_hook = SITE_CONTENT_MENU_HOOK
    menu_order = 300
    list_display = [LogoColumn("logo", label="Logo"), "name", "group", "url"]
    list_filter = ["group"]
    sort_order_field = "sort_order"


class SiteContentGroup(SnippetViewSetGroup):
    """The admin menu's "Site content": the snippets site managers look after, from every app."""

    menu_label = "Site content"
    menu_icon = "folder-open-inverse"
    menu_order = 200
    submenu_hook = SITE_CONTENT_MENU_HOOK
