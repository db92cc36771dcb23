"""wagtail-newsletter's campaign backend, done by this site: a campaign is a Mailing, sending it
queues one delivery per confirmed subscriber for the worker (newsletter/sending.py).

wagtail-newsletter's panel on an issue's "Newsletter" tab calls these methods: save (on every
test and send, with the issue's current revision), send a test, send now, schedule, unschedule.
"""

from django.db import transaction
from django.utils import timezone
from wagtail_newsletter.audiences import Audience
from wagtail_newsletter.campaign_backends import Campaign, CampaignBackend, CampaignBackendError

from . import sending
from .models import Mailing, Subscriber
from .models.issues import CONFIRMED_AUDIENCE
from .plain_text import plain_text

ALREADY_SENT = "This issue has been sent already; an issue is sent once. Copy the page for a new issue."


class SiteCampaign(Campaign):
    def __init__(self, mailing: Mailing):
        self.mailing = mailing

    @property
    def is_scheduled(self) -> bool:
        return self.mailing.status == Mailing.Status.SCHEDULED

    @property
    def is_sent(self) -> bool:
        return self.mailing.status in {Mailing.Status.SENDING, Mailing.Status.SENT}

    @property
    def status(self) -> str:
        return self.mailing.get_status_display()

    @property
    def url(self) -> str:
        return sending.report_url(self.mailing)

    def get_report(self) -> dict:
        return {
            "send_time": self.mailing.started_at or self.mailing.scheduled_for,
            "finished_at": self.mailing.finished_at,
            "counts": self.mailing.counts(),
            "url": self.url,
        }


class SiteCampaignBackend(CampaignBackend):
    name = "this site"

    def get_audiences(self) -> list[Audience]:
        confirmed = Subscriber.objects.confirmed().count()
        return [Audience(id=CONFIRMED_AUDIENCE, name="Confirmed subscribers", member_count=confirmed)]

    def recipient_count(self, recipients) -> int | None:
        """How many people a send to ``recipients`` reaches now (the subscribers sending.start
        queues); None when they are not recipients this site sends to. Counted afresh each time,
        unlike wagtail-newsletter's audiences, which it keeps in the cache for minutes."""
        if recipients is None or recipients.audience != CONFIRMED_AUDIENCE:
            return None
        return Subscriber.objects.confirmed().count()

    def get_audience_segments(self, audience_id) -> list:
        if audience_id != CONFIRMED_AUDIENCE:
            raise Audience.DoesNotExist
        return []

    def save_campaign(self, *, campaign_id=None, recipients, subject, html, from_name, reply_to) -> str:
        if recipients is None or recipients.audience != CONFIRMED_AUDIENCE:
            raise CampaignBackendError("Choose the recipients “Confirmed subscribers” first.")
        mailing = Mailing.objects.filter(pk=campaign_id).first() if campaign_id else None
        if mailing and mailing.status != Mailing.Status.DRAFT:
            raise CampaignBackendError(
                ALREADY_SENT if mailing.status != Mailing.Status.SCHEDULED else "Unschedule the issue first."
            )
        mailing = mailing or Mailing()
        mailing.subject = " ".join(subject.split())
        mailing.html, mailing.text = html, plain_text(html)
        mailing.from_name, mailing.reply_to = from_name, reply_to
        mailing.save()
        return str(mailing.pk)

    def get_campaign(self, campaign_id) -> SiteCampaign | None:
        mailing = Mailing.objects.filter(pk=campaign_id).first()
        return mailing and SiteCampaign(mailing)

    def send_test_email(self, *, campaign_id, email) -> None:
        """wagtail-newsletter's one address; this site's dialog can give several (``email`` a list:
        newsletter/wagtail_hooks.py ``send_tests``)."""
        addresses = [email] if isinstance(email, str) else email
        if not sending.send_test(self._mailing(campaign_id), addresses):
            raise CampaignBackendError(
                f"The test could not be sent to {', '.join(addresses)}: see the server log."
            )

    def send_campaign(self, campaign_id) -> None:
        with transaction.atomic():
            mailing = self._mailing(campaign_id, lock=True)
            if mailing.status not in {Mailing.Status.DRAFT, Mailing.Status.SCHEDULED}:
                raise CampaignBackendError(ALREADY_SENT)
            sending.start(mailing)

    def validate_schedule_time(self, schedule_time) -> None:
        if schedule_time <= timezone.now():
            raise CampaignBackendError("Choose a time in the future.")

    def schedule_campaign(self, campaign_id, schedule_time) -> None:
        with transaction.atomic():
            mailing = self._mailing(campaign_id, lock=True)
            if mailing.status != Mailing.Status.DRAFT:
                raise CampaignBackendError(ALREADY_SENT)
            mailing.status, mailing.scheduled_for = Mailing.Status.SCHEDULED, schedule_time
            mailing.save(update_fields=["status", "scheduled_for"])
            transaction.on_commit(
                lambda: sending.send_scheduled.using(run_after=schedule_time).enqueue(mailing.pk)
            )

    def unschedule_campaign(self, campaign_id) -> None:
        # The queued task finds the mailing no longer scheduled and does nothing.
        updated = Mailing.objects.filter(pk=campaign_id, status=Mailing.Status.SCHEDULED).update(
            status=Mailing.Status.DRAFT, scheduled_for=None
        )
        if not updated:
            raise CampaignBackendError("The issue is not scheduled (it may be sending already).")

    def _mailing(self, campaign_id, lock=False) -> Mailing:
        mailings = Mailing.objects.select_for_update() if lock else Mailing.objects
        mailing = mailings.filter(pk=campaign_id).first()
        if mailing is None:
            raise CampaignBackendError("Save the campaign first.")
        return mailing
