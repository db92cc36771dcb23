"""Create the Editors and Site managers groups with exactly the rights the site needs.

Editors write and publish blog posts, use images and documents, and choose authors and
categories. Site managers can do all of that and also look after partners, the footer and
social links, authors and categories, newsletter subscribers, redirects and promoted
search results. Neither group manages users.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

MEDIA = [
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "choose_document"),
]
EDITORS = [
    ("wagtailadmin", "access_admin"),
    # Viewing a snippet is what its chooser needs.
    ("blog", "view_author"),
    ("blog", "view_blogcategory"),
]
SITE_MANAGERS = [
    *EDITORS,
    *[
        ("blog", f"{action}_{model}")
        for model in ("author", "blogcategory")
        for action in ("add", "change", "delete")
    ],
    *[("base", f"{action}_partner") for action in ("add", "change", "delete", "view")],
    ("base", "change_footersettings"),
    *[("newsletter", f"{action}_subscriber") for action in ("change", "delete", "view")],
    *[("wagtailredirects", f"{action}_redirect") for action in ("add", "change", "delete")],
    *[("wagtailsearchpromotions", f"{action}_searchpromotion") for action in ("add", "change", "delete")],
]
PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page"]


def create_groups(apps, schema_editor):
    # Permissions are normally made after all migrations have run; make them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    BlogIndexPage = apps.get_model("blog", "BlogIndexPage")

    def permission(app_label, codename):
        return Permission.objects.get(content_type__app_label=app_label, codename=codename)

    root_collection = Collection.objects.filter(depth=1).first()
    page_permissions = [permission("wagtailcore", codename) for codename in PAGE_PERMISSIONS]
    for name, rights in (("Editors", EDITORS), ("Site managers", SITE_MANAGERS)):
        group, _ = Group.objects.get_or_create(name=name)
        # Wagtail's own migrations make an "Editors" group that may edit every page; replace its
        # rights rather than adding to them.
        group.permissions.clear()
        GroupPagePermission.objects.filter(group=group).delete()
        GroupCollectionPermission.objects.filter(group=group).delete()
        group.permissions.add(*[permission(app_label, codename) for app_label, codename in rights])
        if root_collection:
            for app_label, codename in MEDIA:
                GroupCollectionPermission.objects.get_or_create(
                    group=group, collection=root_collection, permission=permission(app_label, codename)
                )
        for blog_index in BlogIndexPage.objects.all():
            for page_permission in page_permissions:
                GroupPagePermission.objects.get_or_create(
                    group=group, page_id=blog_index.pk, permission=page_permission
                )


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=["Editors", "Site managers"]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("base", "0001_initial"),
        ("blog", "0003_author_affiliation"),
        ("newsletter", "0001_initial"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailimages", "0027_image_description"),
        ("wagtailredirects", "0008_add_verbose_name_plural"),
        ("wagtailsearchpromotions", "0008_query_verbose_name"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
