from django.utils.html import format_html
from wagtail.admin.ui.tables import Column
from wagtail.images.shortcuts import get_rendition_or_not_found
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from blog.views import AuthorViewSet, CategoryViewSet

from .models import Partner


class LogoColumn(Column):
    def get_value(self, instance):
        rendition = get_rendition_or_not_found(instance.logo, "height-40")
        return format_html('<img src="{}" height="40" alt="">', rendition.url)


class PartnerViewSet(SnippetViewSet):
    model = Partner
    icon = "group"
    menu_label = "Partners"
    list_display = [LogoColumn("logo", label="Logo"), "name", "group", "url"]
    list_filter = ["group"]
    sort_order_field = "sort_order"


class SiteContentGroup(SnippetViewSetGroup):
    menu_label = "Site content"
    menu_icon = "folder-open-inverse"
    menu_order = 200
    items = (AuthorViewSet, CategoryViewSet, PartnerViewSet)
