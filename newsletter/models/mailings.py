"""A mailing is one sending of an issue: the e-mail as it was when the site manager pressed Send
(wagtail-newsletter's "campaign"; the issue page keeps its id in ``newsletter_campaign``), and one delivery per recipient, which the queue works through
(newsletter/sending.py). A recipient appears once per mailing (a unique constraint), so a worker
that is stopped and started again carries on where it was, and nobody is mailed twice."""

from django.db import models
from django.db.models import Count, Q

from .subscribers import Subscriber


class Mailing(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "Not sent"
        SCHEDULED = "scheduled", "Scheduled"
        SENDING = "sending", "Sending"
        SENT = "sent", "Sent"

    subject = models.CharField(max_length=1000)
    html = models.TextField()
    text = models.TextField()
    from_name = models.CharField(max_length=200)
    reply_to = models.EmailField(blank=True)
    status = models.CharField(max_length=10, choices=Status, default=Status.DRAFT)
    scheduled_for = models.DateTimeField(null=True, blank=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    # The chain of worker runs sending it (newsletter/sending.py): each run queues the next with
    # this token, and a run holding another does nothing. A worker that starts anew makes a new
    # token, so whatever a stopped worker left queued, one chain sends, on any task backend.
    run = models.UUIDField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return self.subject

    def counts(self) -> dict[str, int]:
        """Deliveries by status, for every status, in one query."""
        totals = self.deliveries.aggregate(
            total=Count("pk"),
            **{status: Count("pk", filter=Q(status=status)) for status in Delivery.Status.values},
        )
        return totals

    def failures(self):
        """The deliveries that did not arrive (failed or bounced), with their subscribers, in order."""
        failed = [Delivery.Status.FAILED, Delivery.Status.BOUNCED]
        return self.deliveries.filter(status__in=failed).select_related("subscriber").order_by("pk")


class Delivery(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", "Queued"
        # Claimed by a run of the worker, on its way to the SMTP server (recorded as sent just before
        # the mail's final dot): after a crash, back in the queue (newsletter/sending.py ``resume``).
        SENDING = "sending", "Sending"
        SENT = "sent", "Sent"
        # Unsubscribed, bounced or erased after the send began: nothing sent.
        SKIPPED = "skipped", "Skipped"
        # Temporary failures (4xx) retried until the attempts ran out, or the subscriber left.
        FAILED = "failed", "Failed"
        # A permanent refusal (5xx): the subscriber is marked bounced too.
        BOUNCED = "bounced", "Bounced"

    mailing = models.ForeignKey(Mailing, on_delete=models.CASCADE, related_name="deliveries")
    # Kept when the subscriber is erased, for the counts; the address goes with them.
    subscriber = models.ForeignKey(
        Subscriber, null=True, on_delete=models.SET_NULL, related_name="deliveries"
    )
    status = models.CharField(max_length=10, choices=Status, default=Status.QUEUED, db_index=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    claimed_at = models.DateTimeField(null=True, blank=True)
    last_error = models.CharField(max_length=500, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["mailing", "subscriber"], name="one_delivery_per_recipient")
        ]
        indexes = [models.Index(fields=["mailing", "status", "next_attempt_at"])]

    def __str__(self):
        return f"{self.mailing} → {self.subscriber_id}: {self.status}"
