"""Signed tokens for the links in e-mails: one to confirm (expires), one to unsubscribe (does not).

A token carries the subscriber's random key, never the address, so a link in a server log names
nobody. Each kind has its own salt: a confirmation token cannot be used to unsubscribe, nor the
other way round.
"""

import datetime
import uuid

from django.core import signing

from . import conf
from .models import Subscriber

CONFIRM_SALT = "newsletter.confirm"
UNSUBSCRIBE_SALT = "newsletter.unsubscribe"


class LinkExpired(Exception):
    """The signature is good but the confirmation link is older than NEWSLETTER_CONFIRMATION_DAYS."""


def confirmation_token(subscriber: Subscriber) -> str:
    return signing.TimestampSigner(salt=CONFIRM_SALT).sign(subscriber.key.hex)


def unsubscribe_token(subscriber: Subscriber) -> str:
    return signing.Signer(salt=UNSUBSCRIBE_SALT).sign(subscriber.key.hex)


def subscriber_from_confirmation(token: str) -> Subscriber | None:
    """The subscriber a confirmation token names; None for a forged token or an erased person.

    Raises LinkExpired for a genuine but expired token, so the page can say so.
    """
    max_age = datetime.timedelta(days=conf.confirmation_days())
    try:
        key = signing.TimestampSigner(salt=CONFIRM_SALT).unsign(token, max_age=max_age)
    except signing.SignatureExpired as error:
        raise LinkExpired from error
    except signing.BadSignature:
        return None
    return _subscriber(key)


def subscriber_from_unsubscribe(token: str) -> Subscriber | None:
    try:
        key = signing.Signer(salt=UNSUBSCRIBE_SALT).unsign(token)
    except signing.BadSignature:
        return None
    return _subscriber(key)


def _subscriber(key: str) -> Subscriber | None:
    try:
        return Subscriber.objects.filter(key=uuid.UUID(hex=key)).first()
    except ValueError:
        return None
