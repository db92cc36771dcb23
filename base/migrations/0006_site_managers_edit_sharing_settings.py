"""Site managers look after the search and sharing settings (base/permissions.py).

The groups are made by 0002, before this model existed; this adds the right to the Site managers
group, leaving every other right an administrator may have changed as it is.
"""

from django.db import migrations

from base.permissions import grant_site_manager_rights

RIGHTS = [("base", "change_sharingsettings")]


def add_rights(apps, schema_editor):
    grant_site_manager_rights(apps, RIGHTS)


class Migration(migrations.Migration):
    dependencies = [("base", "0005_sharing_settings")]

    operations = [migrations.RunPython(add_rights, migrations.RunPython.noop)]
