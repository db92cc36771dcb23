"""Sending a mailing: one delivery per confirmed subscriber, worked through by the task queue
(TASKS["newsletter"], the database; `make worker`), never in a web request.

A run of ``deliver`` claims a batch of queued deliveries, sends each through one SMTP connection
and records the answer at once, then queues the next run at the pace of NEWSLETTER_SEND_RATE.
- Sent (250): the delivery is sent; a delivery is claimed by one run at a time, and a sent one is
  never claimed again.
- A temporary refusal (4xx): tried again later, with a growing pause, NEWSLETTER_MAX_ATTEMPTS times.
- A permanent refusal (5xx): the delivery bounced, and the subscriber too: no later issue goes to them.
- The SMTP server cannot be reached: the batch stops, its deliveries wait in the queue, and the
  run is tried again after a pause, as long as it takes.
- The worker killed mid-batch: when a worker starts (``resume``), the deliveries the killed one
  had claimed go back to the queue and every mailing still sending is set going again.

Once, with a worker that can be killed at any moment, but for one gap (below): over SMTP the server takes a mail
at the final "." of its DATA, so a delivery is recorded as sent just before that dot is written
(``send_recorded``), not after the server's answer. Killed before the record commits, the server
holds an unfinished mail that it drops when the connection closes, and the delivery goes back to
the queue; killed after, the dot is already on its way (the kernel sends what was written when
the process dies). If the server then refuses the mail, or the connection breaks before its
answer, the record is set back (and the mail is sent again). The gap is the few microseconds
between the commit and the write of the dot: a kill there loses that one mail, recorded as sent
and never finished (docs/deploy.md says the same). A resent mail keeps its Message-ID, so a
receiving server can drop a copy.
"""

import contextlib
import datetime
import logging
import re
import smtplib
import socket
import uuid
from email.utils import formataddr, make_msgid
from urllib.parse import urlsplit

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.core.mail.message import sanitize_address
from django.db import transaction
from django.db.models import F, Min, Q
from django.urls import reverse
from django.utils import timezone
from django_tasks import TaskResultStatus, task, task_backends
from django_tasks_db import DatabaseBackend
from django_tasks_db.models import DBTaskResult

from base.sites import root_url

from . import conf, emails
from .models import Delivery, Mailing, NewsletterIssuePage, Subscriber
from .models.issues import UNSUBSCRIBE_URL

logger = logging.getLogger(__name__)
# Longest pause between two attempts of one delivery, or two tries to reach the SMTP server.
MAX_PAUSE = datetime.timedelta(hours=1)
# Shortest pause before trying again after the SMTP server was unreachable or a run failed.
MIN_PAUSE = datetime.timedelta(seconds=5)


def start(mailing: Mailing) -> None:
    """Queue a delivery to every confirmed subscriber, publish the issue's web version, and set
    the worker going once the transaction commits. In the caller's transaction, mailing locked."""
    now = timezone.now()
    mailing.status, mailing.started_at, mailing.run = Mailing.Status.SENDING, now, uuid.uuid4()
    mailing.save(update_fields=["status", "started_at", "run"])
    confirmed = Subscriber.objects.confirmed().values_list("pk", flat=True)
    Delivery.objects.bulk_create(
        (Delivery(mailing=mailing, subscriber_id=pk) for pk in confirmed.iterator()),
        batch_size=1000,
        ignore_conflicts=True,
    )
    issue = NewsletterIssuePage.sent_as(mailing)
    revision = issue and issue.get_latest_revision()
    if revision and (issue.has_unpublished_changes or not issue.live):
        revision.publish()  # the archive shows the issue as it was sent
    transaction.on_commit(lambda: _deliver_at(mailing, None))


@task(backend="newsletter")
def send_scheduled(mailing_id: int) -> None:
    with transaction.atomic():
        mailing = Mailing.objects.select_for_update().filter(pk=mailing_id).first()
        # Unscheduled (or scheduled again for later) since this run was queued: nothing to do.
        if mailing and mailing.status == Mailing.Status.SCHEDULED and mailing.scheduled_for <= timezone.now():
            start(mailing)


@task(backend="newsletter")
def deliver(mailing_id: int, run: str) -> None:
    """Send one batch of a mailing's deliveries, then queue the next run (of the same ``run``)."""
    mailing = Mailing.objects.filter(pk=mailing_id, status=Mailing.Status.SENDING, run=run).first()
    if mailing is None:
        return  # sent, or taken up by a newer chain of runs (``resume``)
    started = timezone.now()
    batch = claim(mailing, conf.batch_size())
    if not batch:
        _finish_or_wait(mailing)
        return
    try:
        sent, server_away = _send_batch(mailing, batch)
    except Exception:
        # Whatever went wrong, the batch goes back to the queue and the sending goes on later.
        _unclaim(Delivery.objects.filter(pk__in=[delivery.pk for delivery in batch]))
        _deliver_later(mailing)
        raise
    if server_away:
        logger.warning("Newsletter %s: the SMTP server cannot be reached; trying again later.", mailing.pk)
        _deliver_later(mailing)
        return
    # At NEWSLETTER_SEND_RATE mails a minute, this batch takes this long; the next starts after it.
    _deliver_at(mailing, started + datetime.timedelta(minutes=sent / conf.send_rate()))


def _deliver_later(mailing: Mailing) -> None:
    _deliver_at(mailing, timezone.now() + max(_pause(1), MIN_PAUSE))


def _deliver_at(mailing: Mailing, moment: datetime.datetime | None) -> None:
    """Queue the mailing's next run, at once if ``moment`` is None or past."""
    later = moment is not None and moment > timezone.now()
    deliver.using(run_after=moment if later else None).enqueue(mailing.pk, str(mailing.run))


def claim(mailing: Mailing, size: int) -> list[Delivery]:
    """Take up to ``size`` queued deliveries that are due, so that no other run sends them."""
    now = timezone.now()
    with transaction.atomic():
        due = (
            mailing.deliveries.select_for_update(skip_locked=True)
            .filter(status=Delivery.Status.QUEUED)
            .filter(Q(next_attempt_at=None) | Q(next_attempt_at__lte=now))
            .order_by("pk")
            .values_list("pk", flat=True)[:size]
        )
        ids = list(due)
        Delivery.objects.filter(pk__in=ids).update(
            status=Delivery.Status.SENDING, claimed_at=now, attempts=F("attempts") + 1
        )
    return list(Delivery.objects.filter(pk__in=ids).select_related("subscriber").order_by("pk"))


def _unclaim(deliveries) -> None:
    """Claimed deliveries whose answer was never recorded go back to the queue, uncounted."""
    deliveries.filter(status=Delivery.Status.SENDING).update(
        status=Delivery.Status.QUEUED, attempts=F("attempts") - 1
    )


def resume() -> int:
    """When the worker starts: what a stopped worker had claimed goes back to the queue, and
    every mailing still sending is set going again by a new chain of runs (the runs the stopped
    worker left queued find another ``run`` and do nothing). Returns how many mailings."""
    if isinstance(task_backends["newsletter"], DatabaseBackend):
        # The database queue shows a killed worker's run as running for ever: it ended.
        DBTaskResult.objects.filter(backend_name="newsletter", status=TaskResultStatus.RUNNING).update(
            status=TaskResultStatus.FAILED, finished_at=timezone.now()
        )
    _unclaim(Delivery.objects.all())
    mailings = list(Mailing.objects.filter(status=Mailing.Status.SENDING))
    for mailing in mailings:
        mailing.run = uuid.uuid4()
        mailing.save(update_fields=["run"])
        _deliver_at(mailing, None)
    return len(mailings)


def _finish_or_wait(mailing: Mailing) -> None:
    """Nothing due now: the mailing is sent, or the next run waits for the earliest retry."""
    next_retry = mailing.deliveries.filter(status=Delivery.Status.QUEUED).aggregate(
        at=Min("next_attempt_at")
    )["at"]
    if next_retry is not None:
        _deliver_at(mailing, next_retry)
    elif not mailing.deliveries.filter(status__in=[Delivery.Status.QUEUED, Delivery.Status.SENDING]).exists():
        Mailing.objects.filter(pk=mailing.pk, status=Mailing.Status.SENDING).update(
            status=Mailing.Status.SENT, finished_at=timezone.now()
        )


def _send_batch(mailing: Mailing, batch: list[Delivery]) -> tuple[int, bool]:
    """Send each delivery of ``batch`` and record the answer; (mails sent, whether the SMTP server
    went away). Deliveries not tried because the server went away go back to the queue."""
    sent = 0
    site_url = root_url()
    connection = get_connection(fail_silently=False)
    try:
        connection.open()
        smtp = getattr(connection, "connection", None)  # smtplib's, with Django's SMTP backend
        if isinstance(smtp, smtplib.SMTP):
            # The final dot goes out on its own (send_recorded): without this, Nagle's algorithm
            # holds it until the server acknowledges the text, up to 40 ms a mail.
            smtp.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        for delivery in batch:
            subscriber = delivery.subscriber
            if subscriber is None or subscriber.status != Subscriber.Status.CONFIRMED:
                _record(delivery, Delivery.Status.SKIPPED, "No longer subscribed when its turn came.")
                continue
            message = message_for(mailing, delivery, subscriber, site_url=site_url)
            try:
                if isinstance(smtp, smtplib.SMTP):
                    send_recorded(smtp, message, delivery)
                else:  # not SMTP (the console in development, memory in tests): recorded after
                    connection.send_messages([message])
                    _record(delivery, Delivery.Status.SENT, sent_at=timezone.now())
            except smtplib.SMTPRecipientsRefused as error:
                code, reason = next(iter(error.recipients.values()))
                _refused(delivery, code, reason)
            except smtplib.SMTPResponseException as error:
                if error.smtp_code in (421, -1):  # the server is closing the connection
                    raise smtplib.SMTPServerDisconnected(error.smtp_error) from error
                _refused(delivery, error.smtp_code, error.smtp_error)
            else:
                sent += 1
    except (smtplib.SMTPServerDisconnected, smtplib.SMTPConnectError, OSError) as error:
        logger.warning("Newsletter %s: SMTP connection lost: %s", mailing.pk, error)
        _unclaim(Delivery.objects.filter(pk__in=[delivery.pk for delivery in batch]))
        return sent, True
    finally:
        with contextlib.suppress(smtplib.SMTPException, OSError):  # a server gone away is closed
            connection.close()
    return sent, False


def send_recorded(smtp: smtplib.SMTP, message: EmailMultiAlternatives, delivery: Delivery) -> None:
    """Send ``message`` over the open ``smtp`` connection (as smtplib's ``sendmail`` does) and
    record ``delivery`` as sent just before the final dot of its DATA: see the module's docstring.
    Raises what ``sendmail`` raises; a refusal after the dot leaves the delivery as it was claimed."""
    encoding = message.encoding or settings.DEFAULT_CHARSET
    sender = sanitize_address(message.from_email, encoding)
    recipients = [sanitize_address(address, encoding) for address in message.recipients()]
    smtp.ehlo_or_helo_if_needed()
    code, reply = smtp.mail(sender)
    if code != 250:
        smtp.rset()
        raise smtplib.SMTPSenderRefused(code, reply, sender)
    refused = {}
    for recipient in recipients:
        code, reply = smtp.rcpt(recipient)
        if code not in (250, 251):
            refused[recipient] = (code, reply)
    if len(refused) == len(recipients):
        smtp.rset()
        raise smtplib.SMTPRecipientsRefused(refused)
    code, reply = smtp.docmd("data")
    if code != 354:
        smtp.rset()
        raise smtplib.SMTPDataError(code, reply)
    # The text with lines that start with a dot doubled (RFC 5321 4.5.2), as smtplib sends it.
    data = re.sub(rb"(?m)^\.", b"..", message.message().as_bytes(linesep="\r\n"))
    smtp.send(data if data.endswith(b"\r\n") else data + b"\r\n")
    _record(delivery, Delivery.Status.SENT, sent_at=timezone.now())
    try:
        smtp.send(b".\r\n")
        code, reply = smtp.getreply()
    except BaseException:
        _record(delivery, Delivery.Status.SENDING)  # back to claimed: the queue takes it again
        raise
    if code != 250:
        _record(delivery, Delivery.Status.SENDING)
        raise smtplib.SMTPDataError(code, reply)


def _refused(delivery: Delivery, code: int, reason) -> None:
    reason = reason.decode(errors="replace") if isinstance(reason, bytes) else str(reason)
    error = f"{code} {reason}"[:500]
    if 500 <= code < 600:
        _record(delivery, Delivery.Status.BOUNCED, error)
        delivery.subscriber.bounce()
    elif delivery.attempts >= conf.max_attempts():
        _record(delivery, Delivery.Status.FAILED, error)
    else:
        _record(
            delivery,
            Delivery.Status.QUEUED,
            error,
            next_attempt_at=timezone.now() + _pause(delivery.attempts),
        )


def _pause(attempts: int | None) -> datetime.timedelta:
    return min(datetime.timedelta(seconds=conf.retry_seconds() * 2 ** max((attempts or 1) - 1, 0)), MAX_PAUSE)


def _record(delivery: Delivery, status: str, error: str = "", **fields) -> None:
    Delivery.objects.filter(pk=delivery.pk).update(status=status, last_error=error, **fields)


def message_for(
    mailing: Mailing, delivery: Delivery | None, subscriber: Subscriber | None, *, site_url: str, to=None
):
    """The e-mail of ``mailing`` for one recipient: their own unsubscribe link in the text, the HTML
    and the RFC 8058 headers, and a Message-ID that stays the same if it has to be sent again.
    ``site_url``: the public address (base.sites.root_url), looked up once per batch."""
    if subscriber is not None:
        unsubscribe_url = emails.unsubscribe_url_of(subscriber, site_url)
    else:  # a test: the link is there, and says it does not work
        unsubscribe_url = emails.absolute_url(site_url, reverse("newsletter_unsubscribe", args=["test"]))
    domain = urlsplit(site_url).hostname
    message_id = (
        f"<newsletter-{mailing.pk}-{delivery.pk}@{domain}>"
        if delivery
        else make_msgid("newsletter-test", domain)
    )
    headers = {
        "Message-ID": message_id,
        **emails.unsubscribe_headers(unsubscribe_url),
        "List-Id": f"{mailing.from_name} <newsletter.{domain}>",
    }
    if mailing.reply_to:
        headers["Reply-To"] = mailing.reply_to
    message = EmailMultiAlternatives(
        subject=mailing.subject,
        body=mailing.text.replace(UNSUBSCRIBE_URL, unsubscribe_url),
        from_email=formataddr((mailing.from_name, settings.DEFAULT_FROM_EMAIL)),
        to=to or [subscriber.email],
        headers=headers,
    )
    message.attach_alternative(mailing.html.replace(UNSUBSCRIBE_URL, unsubscribe_url), "text/html")
    return message


def send_test(mailing: Mailing, addresses: list[str]) -> bool:
    """A test of ``mailing``: a mail of its own to each address, marked [Test] and with an
    unsubscribe link that says it does not work."""
    site_url = root_url()
    messages = []
    for address in addresses:
        message = message_for(mailing, None, None, site_url=site_url, to=[address])
        message.subject = f"[Test] {mailing.subject}"
        messages.append(message)
    try:
        get_connection(fail_silently=False).send_messages(messages)
    except (smtplib.SMTPException, OSError):
        logger.exception("Could not send the test of newsletter %s", mailing.pk)
        return False
    return True


def report_url(mailing: Mailing) -> str:
    return reverse("newsletter_mailing_report", args=[mailing.pk])
