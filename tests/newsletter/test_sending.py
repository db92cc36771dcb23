"""Sending an issue: one mail per confirmed subscriber through a real SMTP server (aiosmtpd),
worked through by the queue's worker (`manage.py newsletter_worker`), with retries, bounces, a
server that goes away, a worker that was killed, and an issue that cannot be sent twice."""

import datetime
import re

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult
from wagtail_newsletter.campaign_backends import CampaignBackendError
from wagtail_newsletter.models import NewsletterRecipients

from newsletter import sending, tokens
from newsletter.campaigns import SiteCampaignBackend
from newsletter.models import Delivery, Mailing, NewsletterIssuePage, Subscriber

from .conftest import emails_of, save, send, work

SITE = "http://testserver"
# The worker runs here as in production, committing as it goes: no test transaction around it
# (Django closes a connection found inside one between tasks).
pytestmark = pytest.mark.django_db(transaction=True)


def test_every_confirmed_subscriber_gets_one_mail(
    smtp, issue, subscribers, django_capture_on_commit_callbacks
):
    mailing = send(issue, django_capture_on_commit_callbacks)
    assert smtp.messages == []  # nothing is sent in the request
    work()
    assert sorted(smtp.recipients()) == emails_of(subscribers["confirmed"])
    mailing.refresh_from_db()
    assert mailing.status == Mailing.Status.SENT and mailing.finished_at
    assert mailing.counts() == {
        "total": 20,
        "queued": 0,
        "sending": 0,
        "sent": 20,
        "skipped": 0,
        "failed": 0,
        "bounced": 0,
    }
    # The archive shows the issue as it was sent.
    issue.refresh_from_db()
    assert issue.live and not issue.has_unpublished_changes


def test_each_mail_is_the_recipients_own(smtp, issue, subscribers, django_capture_on_commit_callbacks):
    send(issue, django_capture_on_commit_callbacks)
    work()
    person = subscribers["confirmed"][0]
    (message,) = [message for message in smtp.messages if message["To"] == person.email]
    assert message["Subject"] == "November issue"
    assert message["From"] == "Amsterdam Data Science <newsletter@example.org>"
    unsubscribe = f"{SITE}/newsletter/unsubscribe/{tokens.unsubscribe_token(person)}/"
    assert message["List-Unsubscribe"].strip() == f"<{unsubscribe}>"
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert re.fullmatch(r"<newsletter-\d+-\d+@testserver>", message["Message-ID"])
    assert len({message["Message-ID"] for message in smtp.messages}) == len(smtp.messages)
    text, html = (
        part.get_payload(decode=True).decode() for part in message.walk() if not part.is_multipart()
    )
    assert unsubscribe in text and unsubscribe in html
    assert "Post 1 & <friends>" in text  # plain text, as written
    soup = BeautifulSoup(html, "html.parser")
    assert "Post 1 &amp; &lt;friends&gt;" in html and "<friends>" not in html
    links = [a["href"] for a in soup.find_all("a")]
    assert links and all(link.startswith((f"{SITE}/", "https://example.org/")) for link in links)
    assert all(img.get("alt") for img in soup.find_all("img"))
    assert all(img["src"].startswith(f"{SITE}/media/") for img in soup.find_all("img"))
    assert 'name="color-scheme" content="light dark"' in html
    # The link works: it unsubscribes that person, and no one else.
    assert BeautifulSoup(html, "html.parser").find("a", string="Unsubscribe")["href"] == unsubscribe


def test_temporary_refusals_are_tried_again_until_delivered(
    smtp, issue, subscribers, django_capture_on_commit_callbacks
):
    busy = subscribers["confirmed"][:3]
    for person in busy:
        smtp.handler.refuse[person.email] = (450, 2)
    mailing = send(issue, django_capture_on_commit_callbacks)
    work()
    assert sorted(smtp.recipients()) == emails_of(subscribers["confirmed"])
    attempts = dict(mailing.deliveries.values_list("subscriber__email", "attempts"))
    assert {attempts[person.email] for person in busy} == {3}
    assert mailing.counts()["sent"] == 20


def test_temporary_refusals_give_up_after_the_last_attempt(
    smtp, settings, issue, subscribers, django_capture_on_commit_callbacks
):
    settings.NEWSLETTER_MAX_ATTEMPTS = 3
    stuck = subscribers["confirmed"][0]
    smtp.handler.refuse[stuck.email] = (451, 10)
    mailing = send(issue, django_capture_on_commit_callbacks)
    work()
    delivery = mailing.deliveries.get(subscriber=stuck)
    assert (delivery.status, delivery.attempts) == (Delivery.Status.FAILED, 3)
    assert delivery.last_error.startswith("451")
    assert stuck.email not in smtp.recipients() and len(smtp.messages) == 19
    stuck.refresh_from_db()
    assert stuck.status == Subscriber.Status.CONFIRMED  # tried again with the next issue


def test_permanent_refusals_bounce_and_are_not_mailed_again(
    smtp, issue, archive, subscribers, django_capture_on_commit_callbacks
):
    gone = subscribers["confirmed"][:2]
    for person in gone:
        smtp.handler.refuse[person.email] = (550, 100)
    mailing = send(issue, django_capture_on_commit_callbacks)
    work()
    assert sorted(smtp.recipients()) == emails_of(subscribers["confirmed"][2:])
    assert mailing.counts()["bounced"] == 2
    for person in gone:
        person.refresh_from_db()
        assert person.status == Subscriber.Status.BOUNCED
    # The next issue does not go to them.
    smtp.messages.clear()
    later = archive.add_child(
        instance=NewsletterIssuePage(
            title="December",
            slug="december",
            intro="<p>More.</p>",
            newsletter_recipients=NewsletterRecipients.objects.get(audience="confirmed"),
        )
    )
    later.save_revision()
    send(later, django_capture_on_commit_callbacks)
    work()
    assert sorted(smtp.recipients()) == emails_of(subscribers["confirmed"][2:])


def test_a_send_survives_the_smtp_server_going_away(
    smtp, issue, subscribers, django_capture_on_commit_callbacks
):
    smtp.down()
    mailing = send(issue, django_capture_on_commit_callbacks)
    work()
    assert mailing.counts()["queued"] == 20  # waiting, nothing lost, no attempt counted
    assert set(mailing.deliveries.values_list("attempts", flat=True)) == {0}
    mailing.refresh_from_db()
    assert mailing.status == Mailing.Status.SENDING
    smtp.up()
    assert (
        DBTaskResult.objects.filter(status=TaskResultStatus.READY, run_after__gt=timezone.now()).count() == 1
    )
    DBTaskResult.objects.update(run_after=timezone.now())  # the pause before trying again is over
    work()
    assert sorted(smtp.recipients()) == emails_of(subscribers["confirmed"])


def test_a_killed_worker_is_taken_up_without_mailing_anyone_twice(
    smtp, issue, subscribers, django_capture_on_commit_callbacks
):
    """A worker killed after it had claimed a batch, some of it sent: the next one finishes."""
    mailing = send(issue, django_capture_on_commit_callbacks)
    batch = sending.claim(mailing, 5)
    for delivery in batch[:2]:  # sent and recorded before the kill
        sending.message_for(mailing, delivery, delivery.subscriber, site_url=SITE).send()
        Delivery.objects.filter(pk=delivery.pk).update(status=Delivery.Status.SENT)
    # The other three claimed deliveries wait in "sending": the worker's start puts them back in the queue.
    work()
    assert sorted(smtp.recipients()) == emails_of(subscribers["confirmed"])
    assert len(smtp.messages) == 20
    assert mailing.counts()["sent"] == 20


def test_a_delivery_is_recorded_as_sent_before_the_server_has_the_whole_mail(
    smtp, issue, subscribers, django_capture_on_commit_callbacks
):
    """A worker killed between the server taking a mail and the record would send it again: so
    the record comes first, just before the final dot of the mail's DATA."""
    seen = []

    def at_the_final_dot(envelope):
        (address,) = envelope.rcpt_tos
        seen.append(Delivery.objects.get(subscriber__email=address).status)

    smtp.handler.on_data = at_the_final_dot
    mailing = send(issue, django_capture_on_commit_callbacks)
    work()
    assert seen == [Delivery.Status.SENT] * 20
    assert mailing.counts()["sent"] == 20


def test_a_mail_refused_after_its_data_is_not_counted_as_sent(
    smtp, issue, subscribers, django_capture_on_commit_callbacks
):
    later, never = subscribers["confirmed"][:2]
    smtp.handler.refuse_data[later.email] = (451, 1)
    smtp.handler.refuse_data[never.email] = (554, 100)
    mailing = send(issue, django_capture_on_commit_callbacks)
    work()
    assert sorted(smtp.recipients()) == emails_of([later, *subscribers["confirmed"][2:]])
    assert mailing.deliveries.get(subscriber=later).attempts == 2
    assert mailing.deliveries.get(subscriber=never).status == Delivery.Status.BOUNCED
    assert "554" in mailing.deliveries.get(subscriber=never).last_error
    assert mailing.counts()["sent"] == 19


def test_an_issue_is_sent_once(smtp, issue, subscribers, django_capture_on_commit_callbacks):
    mailing = send(issue, django_capture_on_commit_callbacks)
    backend = SiteCampaignBackend()
    with pytest.raises(CampaignBackendError, match="sent once"):
        backend.send_campaign(str(mailing.pk))
    with pytest.raises(CampaignBackendError, match="sent once"):
        save(issue)  # the panel saves before any action: nothing can change a sent mailing
    with pytest.raises(CampaignBackendError):
        backend.schedule_campaign(str(mailing.pk), timezone.now() + datetime.timedelta(hours=1))
    work()
    assert len(smtp.messages) == 20


def test_subscribers_who_leave_meanwhile_are_skipped(
    smtp, issue, subscribers, django_capture_on_commit_callbacks
):
    mailing = send(issue, django_capture_on_commit_callbacks)
    leaving, erased = subscribers["confirmed"][:2]
    leaving.unsubscribe()
    erased.delete()
    work()
    assert sorted(smtp.recipients()) == emails_of(subscribers["confirmed"][2:])
    assert mailing.counts()["skipped"] == 2


def test_a_scheduled_issue_goes_at_its_time_and_can_be_unscheduled(
    smtp, issue, subscribers, django_capture_on_commit_callbacks
):
    backend = SiteCampaignBackend()
    campaign_id = save(issue)
    later = timezone.now() + datetime.timedelta(hours=1)
    with django_capture_on_commit_callbacks(execute=True):
        backend.schedule_campaign(campaign_id, later)
    work()
    assert smtp.messages == []  # not yet
    backend.unschedule_campaign(campaign_id)
    assert Mailing.objects.get(pk=campaign_id).status == Mailing.Status.DRAFT
    # Scheduled again, and the time has come.
    with django_capture_on_commit_callbacks(execute=True):
        backend.schedule_campaign(campaign_id, later)
    Mailing.objects.filter(pk=campaign_id).update(scheduled_for=timezone.now())
    sending.send_scheduled.call(int(campaign_id))
    with django_capture_on_commit_callbacks(execute=True):
        pass
    work()
    assert sorted(smtp.recipients()) == emails_of(subscribers["confirmed"])
    with pytest.raises(CampaignBackendError):
        backend.validate_schedule_time(timezone.now() - datetime.timedelta(minutes=1))


def test_a_test_goes_to_the_given_address_only(smtp, issue, subscribers):
    campaign_id = save(issue)
    SiteCampaignBackend().send_test_email(campaign_id=campaign_id, email="editor@example.org")
    (message,) = smtp.messages
    assert message["To"] == "editor@example.org"
    assert message["Subject"] == "[Test] November issue"
    assert Mailing.objects.get(pk=campaign_id).status == Mailing.Status.DRAFT
    assert not Delivery.objects.exists()


@pytest.mark.parametrize("field", ["title", "newsletter_subject"])
def test_a_subject_cannot_carry_headers(issue, field):
    setattr(issue, field, "Hello\r\nBcc: everyone@example.org")
    with pytest.raises(ValidationError) as error:
        issue.full_clean()
    assert field in error.value.message_dict


def test_a_subject_is_one_line_whatever_reaches_the_backend(smtp, issue, subscribers):
    backend = SiteCampaignBackend()
    campaign_id = backend.save_campaign(
        recipients=issue.newsletter_recipients,
        subject="Hello\r\nBcc: everyone@example.org",
        html="<p>Hi</p>",
        from_name="Amsterdam Data Science",
        reply_to="",
    )
    backend.send_test_email(campaign_id=campaign_id, email="editor@example.org")
    (message,) = smtp.messages
    assert message["Subject"] == "[Test] Hello Bcc: everyone@example.org"
    assert message["Bcc"] is None
