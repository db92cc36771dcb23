"""The two groups that run the site: what each may do, and the page rights they hold on a blog.

Editors write and publish blog posts, use images and documents, and choose authors and
categories. Site managers can do all of that and also look after partners, the footer and
social links, the search and sharing settings, authors and categories, newsletter subscribers, redirects, promoted search
results and the blog index page itself. Neither group manages users.

The definitions are written once, here: the migration base/0002 calls ``create_groups`` so a
fresh site has the groups, and ``load_demo`` calls it after ``manage.py flush`` has emptied
the database. Both take an app registry, so the migration can pass its historical models.
Page rights hang on pages, so a blog index made later (by load_demo, or by a superuser in the
admin) gets them from ``grant_blog_permissions``.
"""

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from wagtail.models import PagePermissionTester

EDITORS = "Editors"
SITE_MANAGERS = "Site managers"

# In the root collection, for both groups.
MEDIA_RIGHTS = [
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "choose_document"),
]
EDITOR_RIGHTS = [
    ("wagtailadmin", "access_admin"),
    # Viewing a snippet is what its chooser needs.
    ("blog", "view_author"),
    ("blog", "view_blogcategory"),
]
# Lets the holder of page rights on a blog index edit, unpublish, make private, move or delete
# the index itself (BlogIndexPermissionTester); without it, those rights cover only its posts.
MANAGE_BLOG_INDEX = ("blog", "change_blogindexpage")
# Sending a newsletter issue to the subscribers (newsletter/models/issues.py).
SEND_NEWSLETTER = ("newsletter", "send_newsletterissuepage")
SITE_MANAGER_RIGHTS = [
    *EDITOR_RIGHTS,
    *[
        ("blog", f"{action}_{model}")
        for model in ("author", "blogcategory")
        for action in ("add", "change", "delete")
    ],
    MANAGE_BLOG_INDEX,
    *[("base", f"{action}_partner") for action in ("add", "change", "delete", "view")],
    ("base", "change_footersettings"),
    ("base", "change_sharingsettings"),
    *[("newsletter", f"{action}_subscriber") for action in ("change", "delete", "view")],
    SEND_NEWSLETTER,
    *[("wagtailredirects", f"{action}_redirect") for action in ("add", "change", "delete")],
    *[("wagtailsearchpromotions", f"{action}_searchpromotion") for action in ("add", "change", "delete")],
]
GROUP_RIGHTS = {EDITORS: EDITOR_RIGHTS, SITE_MANAGERS: SITE_MANAGER_RIGHTS}
# Create, edit, publish and unpublish (Wagtail ties unpublishing to "publish") posts under a blog.
BLOG_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page"]
# Newsletter issues under the archive: Editors write them, Site managers also publish and send
# them (sending publishes the web version).
NEWSLETTER_PAGE_PERMISSIONS = {
    EDITORS: ["add_page", "change_page"],
    SITE_MANAGERS: ["add_page", "change_page", "publish_page"],
}


def create_groups(apps=global_apps, *, overwrite: bool) -> None:
    """Make the Editors and Site managers groups with their rights, and their rights on every blog.

    With ``overwrite``, a group that already exists gets exactly these rights (the migration:
    Wagtail's own migrations make an "Editors" group that may edit every page). Without it, an
    existing group is left as an administrator may have changed it (load_demo).
    """
    make_permissions(apps)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")

    def permission(app_label, codename):
        return Permission.objects.get(content_type__app_label=app_label, codename=codename)

    root_collection = Collection.objects.filter(depth=1).first()
    for name, rights in GROUP_RIGHTS.items():
        group, created = Group.objects.get_or_create(name=name)
        if not (created or overwrite):
            continue
        group.permissions.set(
            [
                permission(app_label, codename)
                for app_label, codename in rights
                if model_exists(apps, app_label, codename)
            ]
        )
        GroupPagePermission.objects.filter(group=group).delete()
        GroupCollectionPermission.objects.filter(group=group).delete()
        if root_collection:
            GroupCollectionPermission.objects.bulk_create(
                GroupCollectionPermission(
                    group=group, collection=root_collection, permission=permission(app_label, codename)
                )
                for app_label, codename in MEDIA_RIGHTS
            )
    for blog_index in apps.get_model("blog", "BlogIndexPage").objects.all():
        grant_blog_permissions(blog_index, apps=apps)


def make_permissions(apps) -> None:
    """Permissions are normally made after all migrations have run; make them now."""
    for app_config in apps.get_app_configs():
        # create_permissions skips apps without a models module, as a migration's app stubs are.
        models_module = getattr(app_config, "models_module", None)
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = models_module


def model_exists(apps, app_label: str, codename: str) -> bool:
    """Whether the model a right is about exists yet: in a migration's historical models, a
    model added later does not, and the migration that adds it grants its rights."""
    try:
        apps.get_model(app_label, codename.split("_", 1)[1])
    except LookupError:
        return False
    return True


def grant_site_manager_rights(apps, rights) -> None:
    """Add ``rights`` to an existing Site managers group (a migration that adds a model)."""
    make_permissions(apps)
    group = apps.get_model("auth", "Group").objects.filter(name=SITE_MANAGERS).first()
    Permission = apps.get_model("auth", "Permission")
    if group:
        group.permissions.add(
            *[
                Permission.objects.get(content_type__app_label=app_label, codename=codename)
                for app_label, codename in rights
            ]
        )


def grant_blog_permissions(blog_index, apps=global_apps) -> None:
    """Let Editors and Site managers write and publish posts under ``blog_index``."""
    grant_page_permissions(blog_index, {group: BLOG_PAGE_PERMISSIONS for group in GROUP_RIGHTS}, apps)


def grant_newsletter_permissions(archive, apps=global_apps) -> None:
    """Let Editors write issues under ``archive``, and Site managers publish them too."""
    grant_page_permissions(archive, NEWSLETTER_PAGE_PERMISSIONS, apps)


def grant_page_permissions(page, codenames_by_group: dict[str, list[str]], apps=global_apps) -> None:
    Permission = apps.get_model("auth", "Permission")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    for group in apps.get_model("auth", "Group").objects.filter(name__in=codenames_by_group):
        for permission in Permission.objects.filter(
            content_type__app_label="wagtailcore", codename__in=codenames_by_group[group.name]
        ):
            GroupPagePermission.objects.get_or_create(group=group, page_id=page.pk, permission=permission)


class BlogIndexPermissionTester(PagePermissionTester):
    """Page rights on a blog index cover its posts; the index itself needs MANAGE_BLOG_INDEX too.

    Unpublishing, privatising, moving or deleting the blog would hide every post, and its title
    and introduction belong to the whole site, so Editors (who need "publish" on the index to
    publish the posts under it) may not touch the index itself. Adding and publishing posts
    under it (can_add_subpage, can_publish_subpage) are unchanged. Every admin view and button
    asks these methods, so the refusal and the missing buttons come from one place.
    """

    def may_manage_the_index(self) -> bool:
        return self.user.has_perm(".".join(MANAGE_BLOG_INDEX))

    def can_edit(self):
        return super().can_edit() and self.may_manage_the_index()

    def can_delete(self, ignore_bulk=False):
        return super().can_delete(ignore_bulk) and self.may_manage_the_index()

    def can_publish(self):
        return super().can_publish() and self.may_manage_the_index()

    def can_unpublish(self):
        return super().can_unpublish() and self.may_manage_the_index()

    def can_set_view_restrictions(self):
        return super().can_set_view_restrictions() and self.may_manage_the_index()
