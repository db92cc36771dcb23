from django.contrib import messages
from django.contrib.auth.models import Permission
from django.shortcuts import redirect
from django.utils.text import get_text_list
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.snippets.models import register_snippet

from base.permissions import MANAGE_BLOG_INDEX, grant_blog_permissions

from .models import BlogIndexPage, BlogPage
from .views import AuthorViewSet, CategoryViewSet

# Listed under "Site content" (base/views.py) by their menu_hook.
register_snippet(AuthorViewSet)
register_snippet(CategoryViewSet)


@hooks.register("after_create_page")
def give_groups_a_new_blog(request, page):
    """A blog index made in the admin is at once open to Editors and Site managers."""
    if isinstance(page.specific, BlogIndexPage):
        grant_blog_permissions(page)


@hooks.register("register_permissions")
def show_the_blog_index_right_in_the_group_editor():
    """Settings → Groups shows, and lets an administrator give, the right to manage the blog page."""
    app_label, codename = MANAGE_BLOG_INDEX
    return Permission.objects.filter(content_type__app_label=app_label, codename=codename)


class WriteAPostPanel(Component):
    """The dashboard's first panel: a button straight to a new post, for people who may write one."""

    name = "write_a_post"
    order = 50  # above Wagtail's own panels
    template_name = "wagtailadmin/home/write_a_post.html"

    def __init__(self, blogs):
        self.blogs = blogs

    def get_context_data(self, parent_context=None):
        return {"blogs": self.blogs}


@hooks.register("construct_homepage_panels")
def add_write_a_post_panel(request, panels):
    blogs = [
        blog
        for blog in BlogIndexPage.objects.order_by("path")
        if blog.permissions_for_user(request.user).can_add_subpage()
    ]
    if blogs:
        panels.append(WriteAPostPanel(blogs))


@hooks.register("before_bulk_action")
def publish_only_finished_posts(request, action_type, objects, action_class_instance):
    """The pages listing's bulk Publish publishes the latest drafts without their editor's form:
    a draft the form would not publish (BlogPage.body_problems) is not published this way either."""
    if action_type != "publish":
        return None
    unfinished = [
        draft.title
        for page in objects
        if isinstance(page.specific, BlogPage)
        and (draft := page.specific.get_latest_revision_as_object()).body_problems()
    ]
    if not unfinished:
        return None
    messages.error(
        request,
        f"Nothing was published: {get_text_list([f'“{title}”' for title in unfinished], 'and')} "
        f"{'is' if len(unfinished) == 1 else 'are'} not ready yet. Open "
        f"{'it' if len(unfinished) == 1 else 'each'} to see what to fix, marked on the blocks.",
    )
    return redirect(get_valid_next_url_from_request(request) or "wagtailadmin_explore_root")
