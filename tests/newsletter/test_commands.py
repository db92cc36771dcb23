"""The scheduled clean-up of unconfirmed signups, and resending confirmations after a mail outage."""

import datetime
import io

import pytest
from django.core import mail
from django.core.management import CommandError, call_command
from django.utils import timezone

from base.sites import sync_default_site
from newsletter.models import Subscriber

from .conftest import link_in
from .factories import SubscriberFactory


def days_ago(days: float) -> datetime.datetime:
    return timezone.now() - datetime.timedelta(days=days)


def run(command, *args) -> str:
    out = io.StringIO()
    call_command(command, *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def signups(db):
    return {
        "stale": SubscriberFactory(consent_given_at=days_ago(8)),
        "fresh": SubscriberFactory(consent_given_at=days_ago(6)),
        "old_confirmed": SubscriberFactory(consent_given_at=days_ago(400), confirmed=True),
        "old_unsubscribed": SubscriberFactory(consent_given_at=days_ago(400), unsubscribed=True),
    }


def remaining():
    return set(Subscriber.objects.values_list("pk", flat=True))


def test_purge_deletes_unconfirmed_signups_older_than_the_link_lives(signups):
    assert run("purge_unconfirmed_subscribers") == "Deleted 1 unconfirmed signup(s) older than 7 days.\n"
    assert remaining() == {signups[name].pk for name in ("fresh", "old_confirmed", "old_unsubscribed")}


def test_purge_takes_the_age_from_the_option(signups):
    run("purge_unconfirmed_subscribers", "--days", "5")
    assert remaining() == {signups["old_confirmed"].pk, signups["old_unsubscribed"].pk}


def test_purge_follows_the_setting(signups, settings):
    settings.NEWSLETTER_CONFIRMATION_DAYS = 10
    assert "Deleted 0" in run("purge_unconfirmed_subscribers")
    assert len(remaining()) == 4


def test_purge_dry_run_deletes_nothing(signups):
    output = run("purge_unconfirmed_subscribers", "--dry-run")
    assert output == "1 unconfirmed signup(s) older than 7 days would be deleted.\n"
    assert len(remaining()) == 4


def test_purge_refuses_a_nonsense_age(db):
    with pytest.raises(CommandError, match="at least 1"):
        run("purge_unconfirmed_subscribers", "--days", "0")


def test_resend_sends_the_confirmations_that_failed(db, settings):
    settings.SITE_URL = "https://www.example.org"
    sync_default_site()
    failed = SubscriberFactory(confirmation_sent_at=None)
    SubscriberFactory()  # its e-mail went out
    SubscriberFactory(confirmation_sent_at=None, confirmed=True)
    SubscriberFactory(confirmation_sent_at=None, consent_given_at=days_ago(8))  # about to be purged
    assert run("resend_confirmations") == "Sent 1 confirmation e-mail(s).\n"
    (message,) = mail.outbox
    assert message.to == [failed.email]
    assert link_in(message, "confirm").startswith("https://www.example.org/newsletter/confirm/")
    assert message.extra_headers["List-Unsubscribe"].startswith("<https://www.example.org/newsletter/")
    failed.refresh_from_db()
    assert failed.confirmation_sent_at is not None
    # Nothing left to resend.
    assert run("resend_confirmations") == "Sent 0 confirmation e-mail(s).\n"


def test_resend_all_includes_those_that_went_out(db):
    SubscriberFactory(confirmation_sent_at=None)
    SubscriberFactory()
    assert run("resend_confirmations", "--all") == "Sent 2 confirmation e-mail(s).\n"
    assert len(mail.outbox) == 2


def test_resend_fails_loudly_while_the_mail_server_is_down(db, mail_server_down):
    waiting = SubscriberFactory(confirmation_sent_at=None)
    with pytest.raises(CommandError, match="1 confirmation e-mail"):
        run("resend_confirmations")
    waiting.refresh_from_db()
    assert waiting.status == Subscriber.Status.PENDING
    assert waiting.confirmation_sent_at is None
