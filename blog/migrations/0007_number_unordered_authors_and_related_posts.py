from django.db import migrations

from base.ordering import number_unordered_rows


def number_rows(apps, schema_editor):
    """Authors and related posts that load_demo or the importer stored without a sort_order."""
    for name in ("BlogPageAuthor", "BlogPageRelatedPost"):
        number_unordered_rows(apps.get_model("blog", name), "page")


class Migration(migrations.Migration):
    dependencies = [
        ("blog", "0006_blog_post_verbose_name"),
    ]

    operations = [
        migrations.RunPython(number_rows, migrations.RunPython.noop),
    ]
