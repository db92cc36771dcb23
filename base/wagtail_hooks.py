from wagtail.snippets.models import register_snippet

from .views import SiteContentGroup

register_snippet(SiteContentGroup)
