import factory
from django.utils import timezone

from newsletter.models import Subscriber


class SubscriberFactory(factory.django.DjangoModelFactory):
    """A pending subscriber; ``SubscriberFactory(confirmed=True)`` or ``(unsubscribed=True)`` for the others."""

    class Meta:
        model = Subscriber

    first_name = "Lynda"
    surname = factory.Sequence(lambda n: f"Hardman {n}")
    organisation = "CWI"
    email = factory.Sequence(lambda n: f"person{n}@example.com")
    consent_text = "I agree to receive the newsletter."
    consent_given_at = factory.LazyFunction(timezone.now)
    confirmation_sent_at = factory.LazyFunction(timezone.now)

    class Params:
        confirmed = factory.Trait(
            status=Subscriber.Status.CONFIRMED, confirmed_at=factory.LazyFunction(timezone.now)
        )
        unsubscribed = factory.Trait(
            status=Subscriber.Status.UNSUBSCRIBED, unsubscribed_at=factory.LazyFunction(timezone.now)
        )
