import uuid

from django.db import models, transaction
from django.db.models.functions import Lower
from django.utils import timezone


class SubscriberQuerySet(models.QuerySet):
    def with_email(self, email: str):
        """The subscriber with this address, whatever its case (at most one: see the constraint)."""
        return self.filter(email__iexact=email)

    def confirmed(self):
        """Those an issue goes to, the send's count of them and the export list: confirmed
        (a bounced or unsubscribed person is no longer confirmed)."""
        return self.filter(status=Subscriber.Status.CONFIRMED)

    def counts_by_status(self) -> dict[str, int]:
        """{status: number of subscribers} for every status, in one query."""
        counts = dict(self.order_by().values_list("status").annotate(models.Count("pk")))
        return {status: counts.get(status, 0) for status in Subscriber.Status.values}


class SubscriberManager(models.Manager.from_queryset(SubscriberQuerySet)):
    def sign_up(self, *, email: str, details: dict, signup_page=None, consent_text: str) -> "Subscriber":
        """Record a signup: a new pending subscriber, or the existing one for this address.

        A pending or unsubscribed subscriber takes the new details and consent and is pending
        again. A confirmed subscriber is left as it is: anyone can type someone else's address
        into the form, and that must not change their name or undo their confirmation.

        Safe when the same address is posted concurrently: the unique constraint lets one
        insert win, and get_or_create() then finds that row.
        """
        signup = {**details, "consent_text": consent_text, "consent_given_at": timezone.now()}
        with transaction.atomic():
            subscriber, created = (
                self.select_for_update()
                .with_email(email)
                .get_or_create(defaults={**signup, "email": email, "signup_page": signup_page})
            )
            if created or subscriber.status == Subscriber.Status.CONFIRMED:
                return subscriber
            for name, value in {**signup, "email": email, "signup_page": signup_page}.items():
                setattr(subscriber, name, value)
            subscriber.status = Subscriber.Status.PENDING
            subscriber.confirmed_at = subscriber.unsubscribed_at = None
            subscriber.save()
        return subscriber


class Subscriber(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", "Waiting for confirmation"
        CONFIRMED = "confirmed", "Confirmed"
        UNSUBSCRIBED = "unsubscribed", "Unsubscribed"
        # Their mail server refused the newsletter for good (an SMTP 5xx): it is not sent again.
        BOUNCED = "bounced", "Bounced"

    first_name = models.CharField(max_length=100)
    prefix = models.CharField(
        max_length=30, blank=True, help_text="Surname prefix such as “van der” (tussenvoegsel)."
    )
    surname = models.CharField(max_length=150)
    organisation = models.CharField("Company/organisation", max_length=200, blank=True)
    email = models.EmailField("E-mail", max_length=254)
    status = models.CharField(max_length=12, choices=Status, default=Status.PENDING, db_index=True)
    # Empty for a record made outside the form (none is confirmed without the form's links).
    consent_text = models.TextField(
        "consent wording", blank=True, help_text="The wording next to the form that the person agreed to."
    )
    consent_given_at = models.DateTimeField(
        "consent given at", default=timezone.now, help_text="When they last signed up."
    )
    signup_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The page whose form they last signed up with.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    confirmation_sent_at = models.DateTimeField(
        null=True, blank=True, help_text="Empty when the last confirmation e-mail could not be sent."
    )
    confirmed_at = models.DateTimeField(null=True, blank=True)
    unsubscribed_at = models.DateTimeField(null=True, blank=True)
    bounced_at = models.DateTimeField(null=True, blank=True)
    # Random, so the signed links in e-mails name no address and no guessable number.
    key = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)

    objects = SubscriberManager()

    # The signup page is bookkeeping: it must not list people under a page's "usage" in the admin.
    wagtail_reference_index_ignore = True

    class Meta:
        ordering = ["-created_at"]
        constraints = [models.UniqueConstraint(Lower("email"), name="unique_subscriber_email_ci")]

    def __str__(self):
        return f"{self.full_name} <{self.email}>"

    @property
    def full_name(self) -> str:
        return " ".join(part for part in (self.first_name, self.prefix, self.surname) if part)

    def confirm(self) -> bool:
        """Confirm a pending subscription; False if it was not pending (nothing changes then)."""
        return self._move(self.Status.PENDING, self.Status.CONFIRMED, "confirmed_at")

    def unsubscribe(self) -> bool:
        """Stop sending; the record stays, marked unsubscribed. False if it already was."""
        return self._move(
            [self.Status.PENDING, self.Status.CONFIRMED, self.Status.BOUNCED],
            self.Status.UNSUBSCRIBED,
            "unsubscribed_at",
        )

    def bounce(self) -> bool:
        """Their mail server refused the newsletter for good: stop sending it to them."""
        return self._move(self.Status.CONFIRMED, self.Status.BOUNCED, "bounced_at")

    def _move(self, from_status, to_status, timestamp_field) -> bool:
        # One conditional UPDATE, so two clicks at once change the row once.
        from_statuses = from_status if isinstance(from_status, list) else [from_status]
        now = timezone.now()
        moved = Subscriber.objects.filter(pk=self.pk, status__in=from_statuses).update(
            status=to_status, **{timestamp_field: now}
        )
        if moved:
            self.status = to_status
            setattr(self, timestamp_field, now)
        return bool(moved)
