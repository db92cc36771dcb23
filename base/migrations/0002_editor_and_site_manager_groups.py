"""Create the Editors and Site managers groups with exactly the rights the site needs.

The rights are defined in base/permissions.py, which load_demo also uses to make the groups
again after `manage.py flush`; that module describes what each group may do.
"""

from django.db import migrations

from base.permissions import GROUP_RIGHTS, create_groups


def make_groups(apps, schema_editor):
    create_groups(apps, overwrite=True)


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=GROUP_RIGHTS).delete()


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

    operations = [migrations.RunPython(make_groups, remove_groups)]
