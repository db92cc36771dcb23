"""The two groups that run the site, and the page rights they hold on a blog.

The groups themselves, with their model and collection rights, come from the migration
base/0002_editor_and_site_manager_groups. Page rights hang on pages, so a blog index
made later (by load_demo, or by a superuser in the admin) gets them here.
"""

from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupPagePermission

EDITORS = "Editors"
SITE_MANAGERS = "Site managers"
# Create, edit, publish and unpublish (Wagtail ties unpublishing to "publish") posts under a blog.
BLOG_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page"]


def grant_blog_permissions(blog_index) -> None:
    """Let Editors and Site managers write and publish posts under ``blog_index``."""
    permissions = Permission.objects.filter(
        content_type__app_label="wagtailcore", codename__in=BLOG_PAGE_PERMISSIONS
    )
    for group in Group.objects.filter(name__in=[EDITORS, SITE_MANAGERS]):
        for permission in permissions:
            GroupPagePermission.objects.get_or_create(group=group, page=blog_index, permission=permission)
