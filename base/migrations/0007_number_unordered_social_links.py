from django.db import migrations

from base.ordering import number_unordered_rows


def number_rows(apps, schema_editor):
    """Social links that load_demo stored without a sort_order."""
    number_unordered_rows(apps.get_model("base", "SocialLink"), "settings")


class Migration(migrations.Migration):
    dependencies = [
        ("base", "0006_site_managers_edit_sharing_settings"),
    ]

    operations = [
        migrations.RunPython(number_rows, migrations.RunPython.noop),
    ]
