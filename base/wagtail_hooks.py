from wagtail import hooks
from wagtail.snippets.models import register_snippet

from blog.models import BlogIndexPage

from .permissions import grant_blog_permissions
from .views import SiteContentGroup

register_snippet(SiteContentGroup)


@hooks.register("after_create_page")
def give_groups_a_new_blog(request, page):
    """A blog index made in the admin is at once open to Editors and Site managers."""
    if isinstance(page.specific, BlogIndexPage):
        grant_blog_permissions(page)
