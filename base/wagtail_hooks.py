from django.templatetags.static import static
from django.utils.html import format_html
from wagtail import hooks
from wagtail.snippets.models import register_snippet

from .views import PartnerViewSet, SiteContentGroup

register_snippet(SiteContentGroup)
register_snippet(PartnerViewSet)


@hooks.register("construct_page_action_menu")
def make_publish_the_main_button(menu_items, request, context):
    """Publish is what editors come to do; Wagtail hides it under the arrow beside "Save draft".

    The first item becomes the main button. Where the user may not publish there is no Publish
    item, and "Save draft" stays first.
    """
    for index, item in enumerate(menu_items):
        if item.name == "action-publish":
            menu_items.insert(0, menu_items.pop(index))
            break


@hooks.register("insert_editor_js")
def submit_after_autosave():
    """A Publish pressed during an autosave waits for it (static/js/admin/submit-after-autosave.js)."""
    return format_html('<script src="{}"></script>', static("js/admin/submit-after-autosave.js"))
