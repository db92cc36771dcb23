from django.utils.html import format_html
from wagtail.admin.ui.tables import Column
from wagtail.images.shortcuts import get_rendition_or_not_found
from wagtail.snippets.views.snippets import SnippetViewSet

from base.views import SITE_CONTENT_MENU_HOOK

from .models import Author, BlogCategory


class PhotoColumn(Column):
    def get_value(self, instance):
        if not instance.photo:
            return ""
        rendition = get_rendition_or_not_found(instance.photo, "fill-40x40")
        return format_html('<img src="{}" width="40" height="40" alt="">', rendition.url)


class AuthorViewSet(SnippetViewSet):
    model = Author
    icon = "user"
    menu_label = "Authors"
    menu_hook = SITE_CONTENT_MENU_HOOK
    menu_order = 100
    list_display = [PhotoColumn("photo", label="Photo"), "name", "role"]
    search_fields = ["name", "role"]


class CategoryViewSet(SnippetViewSet):
    model = BlogCategory
    icon = "tag"
    menu_label = "Categories"
    menu_hook = SITE_CONTENT_MENU_HOOK
    menu_order = 200
    list_display = ["name", "slug"]
