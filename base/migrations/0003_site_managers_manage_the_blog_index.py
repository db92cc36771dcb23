"""Site managers, not Editors, may edit, unpublish, move or delete the blog index itself.

A fresh database gets this right from 0002 (base/permissions.py); this adds it where 0002 ran
before the right was defined, without touching any other right an administrator has changed.
"""

from django.db import migrations

from base.permissions import MANAGE_BLOG_INDEX, SITE_MANAGERS


def rights(apps):
    app_label, codename = MANAGE_BLOG_INDEX
    permission = (
        apps.get_model("auth", "Permission")
        .objects.filter(content_type__app_label=app_label, codename=codename)
        .first()
    )
    group = apps.get_model("auth", "Group").objects.filter(name=SITE_MANAGERS).first()
    return group, permission


def add_right(apps, schema_editor):
    group, permission = rights(apps)
    if group and permission:
        group.permissions.add(permission)


def remove_right(apps, schema_editor):
    group, permission = rights(apps)
    if group and permission:
        group.permissions.remove(permission)


class Migration(migrations.Migration):
    dependencies = [("base", "0002_editor_and_site_manager_groups")]

    operations = [migrations.RunPython(add_right, remove_right)]
