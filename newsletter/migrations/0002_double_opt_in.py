import uuid

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


def fill_existing_rows(apps, schema_editor):
    """Signups from before double opt-in: never confirmed, so pending, with no recorded wording.

    Each gets its own link key; the time of signup stands in for the time of consent.
    """
    Subscriber = apps.get_model("newsletter", "Subscriber")
    for subscriber in Subscriber.objects.all():
        subscriber.key = uuid.uuid4()
        subscriber.consent_given_at = subscriber.created_at
        subscriber.save(update_fields=["key", "consent_given_at"])


class Migration(migrations.Migration):

    dependencies = [
        ("newsletter", "0001_initial"),
        migrations.swappable_dependency(settings.WAGTAIL_PAGE_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="subscriber",
            name="status",
            field=models.CharField(
                choices=[
                    ("pending", "Waiting for confirmation"),
                    ("confirmed", "Confirmed"),
                    ("unsubscribed", "Unsubscribed"),
                ],
                db_index=True,
                default="pending",
                max_length=12,
            ),
        ),
        migrations.AddField(
            model_name="subscriber",
            name="consent_text",
            field=models.TextField(
                blank=True,
                default="",
                help_text="The wording next to the form that the person agreed to.",
                verbose_name="consent wording",
            ),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="subscriber",
            name="consent_given_at",
            field=models.DateTimeField(null=True),
        ),
        migrations.AddField(
            model_name="subscriber",
            name="key",
            field=models.UUIDField(null=True, editable=False),
        ),
        migrations.RunPython(fill_existing_rows, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="subscriber",
            name="consent_given_at",
            field=models.DateTimeField(
                default=django.utils.timezone.now,
                help_text="When they last signed up.",
                verbose_name="consent given at",
            ),
        ),
        migrations.AlterField(
            model_name="subscriber",
            name="key",
            field=models.UUIDField(default=uuid.uuid4, editable=False, unique=True),
        ),
        migrations.AddField(
            model_name="subscriber",
            name="confirmation_sent_at",
            field=models.DateTimeField(
                blank=True,
                help_text="Empty when the last confirmation e-mail could not be sent.",
                null=True,
            ),
        ),
        migrations.AddField(
            model_name="subscriber",
            name="confirmed_at",
            field=models.DateTimeField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name="subscriber",
            name="unsubscribed_at",
            field=models.DateTimeField(blank=True, null=True),
        ),
        migrations.AlterField(
            model_name="subscriber",
            name="signup_page",
            field=models.ForeignKey(
                blank=True,
                help_text="The page whose form they last signed up with.",
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to=settings.WAGTAIL_PAGE_MODEL,
            ),
        ),
    ]
