"""Site managers may send issues; every issue goes to "Confirmed subscribers" (the one set of
recipients of this site's campaign backend, newsletter/campaigns.py).

A fresh database's groups are made by base 0002, before the send right existed: it is added here,
leaving every other right an administrator may have changed as it is.
"""

from django.db import migrations

from base.permissions import SEND_NEWSLETTER, grant_site_manager_rights

CONFIRMED_AUDIENCE = "confirmed"  # newsletter/models/issues.py


def forwards(apps, schema_editor):
    grant_site_manager_rights(apps, [SEND_NEWSLETTER])
    apps.get_model("wagtail_newsletter", "NewsletterRecipients").objects.get_or_create(
        audience=CONFIRMED_AUDIENCE, segment=None, defaults={"name": "Confirmed subscribers"}
    )


class Migration(migrations.Migration):
    dependencies = [
        ("newsletter", "0003_issues_and_mailings"),
        ("wagtail_newsletter", "0001_initial"),
        ("base", "0006_site_managers_edit_sharing_settings"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
