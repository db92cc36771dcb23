"""Send confirmation e-mails again, after the mail server was down for instance.

Signups whose e-mail could not be sent are stored all the same, with no confirmation_sent_at;
this command sends those (or, with --all, every pending one) a fresh link.
"""

import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from base.sites import root_url
from newsletter import conf, emails
from newsletter.models import Subscriber


class Command(BaseCommand):
    help = (
        "Send a new confirmation e-mail to pending subscribers whose last one failed (--all: to "
        "every pending subscriber). Links point at the default Site's address (SITE_URL)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--all", action="store_true", dest="everyone", help="Also those whose last e-mail did go out."
        )

    def handle(self, *args, everyone=False, **options):
        # Signups older than this are about to be purged; a new link would outlive them.
        cutoff = timezone.now() - datetime.timedelta(days=conf.confirmation_days())
        pending = Subscriber.objects.filter(status=Subscriber.Status.PENDING, consent_given_at__gte=cutoff)
        if not everyone:
            pending = pending.filter(confirmation_sent_at__isnull=True)
        sent = failed = 0
        base_url = root_url()
        for subscriber in pending.order_by("pk").iterator():
            if emails.send_confirmation(subscriber, base_url):
                sent += 1
            else:
                failed += 1
        self.stdout.write(f"Sent {sent} confirmation e-mail(s).")
        if failed:
            # A non-zero exit, so a scheduler reports it.
            raise CommandError(f"{failed} confirmation e-mail(s) could not be sent; see the log.")
