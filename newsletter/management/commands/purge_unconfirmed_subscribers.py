"""Delete signups nobody confirmed. Meant for a daily schedule, such as the crontab line
``15 3 * * * cd /srv/site && .venv/bin/python manage.py purge_unconfirmed_subscribers``.
"""

import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from newsletter import conf
from newsletter.models import Subscriber


class Command(BaseCommand):
    help = (
        "Delete subscribers still waiting for confirmation whose last signup is older than "
        "--days (default: NEWSLETTER_CONFIRMATION_DAYS, how long a confirmation link works)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=None, help="Age in days; at least 1.")
        parser.add_argument("--dry-run", action="store_true", help="Count them, delete nothing.")

    def handle(self, *args, days=None, dry_run=False, **options):
        days = conf.confirmation_days() if days is None else days
        if days < 1:
            raise CommandError("--days must be at least 1.")
        cutoff = timezone.now() - datetime.timedelta(days=days)
        stale = Subscriber.objects.filter(status=Subscriber.Status.PENDING, consent_given_at__lt=cutoff)
        if dry_run:
            self.stdout.write(
                f"{stale.count()} unconfirmed signup(s) older than {days} days would be deleted."
            )
            return
        deleted, _ = stale.delete()
        self.stdout.write(f"Deleted {deleted} unconfirmed signup(s) older than {days} days.")
