"""The newsletter's settings. Each has a default here and may be set in mysite/settings.

NEWSLETTER_CONSENT_TEXT
    The wording shown next to the signup form. Each signup stores the wording the person saw,
    with the time, so a later change of wording does not rewrite what earlier people agreed to.
NEWSLETTER_CONFIRMATION_DAYS
    How long a confirmation link works. ``manage.py purge_unconfirmed_subscribers`` deletes
    signups left unconfirmed for longer.
NEWSLETTER_SIGNUP_RATE
    Signup posts accepted per client address, as a django-ratelimit rate ("5/m": five a minute).
    More get HTTP 429. The count lives in the default cache: Redis when REDIS_URL is set, which
    all server processes share; without it each process counts on its own.
NEWSLETTER_MAIL_RATE
    E-mails the signup form sends to one address, however many clients ask: the form cannot be
    used to flood someone's inbox. The form's answer is the same either way.

NEWSLETTER_SEND_RATE
    Mails a minute the worker sends an issue at, at most (mail providers throttle bursts).
NEWSLETTER_BATCH_SIZE
    Deliveries one run of the sending task takes on; it then queues the next run.
NEWSLETTER_MAX_ATTEMPTS, NEWSLETTER_RETRY_SECONDS
    A temporary refusal (SMTP 4xx) is tried again after NEWSLETTER_RETRY_SECONDS, doubling each
    time (at most an hour), until NEWSLETTER_MAX_ATTEMPTS attempts; then the delivery failed.
    An SMTP server that cannot be reached is waited for as long as it takes, without counting.

The client address is REMOTE_ADDR. Behind a reverse proxy every request would come from the
proxy, so either the proxy passes the client's address on as REMOTE_ADDR, or django-ratelimit's
RATELIMIT_IP_META_KEY names the header the proxy sets to it (see mysite/settings/base.py).
"""

from django.conf import settings

DEFAULT_CONSENT_TEXT = (
    "By subscribing you agree that Amsterdam Data Science keeps your name, organisation and "
    "e-mail address to send you its newsletter, and for nothing else. We first send you an "
    "e-mail to confirm. Every newsletter has a link to unsubscribe at any time."
)


def consent_text() -> str:
    return getattr(settings, "NEWSLETTER_CONSENT_TEXT", DEFAULT_CONSENT_TEXT)


def confirmation_days() -> int:
    return getattr(settings, "NEWSLETTER_CONFIRMATION_DAYS", 7)


def signup_rate() -> str:
    return getattr(settings, "NEWSLETTER_SIGNUP_RATE", "5/m")


def mail_rate() -> str:
    return getattr(settings, "NEWSLETTER_MAIL_RATE", "3/h")


def send_rate() -> int:
    return getattr(settings, "NEWSLETTER_SEND_RATE", 600)


def batch_size() -> int:
    return getattr(settings, "NEWSLETTER_BATCH_SIZE", 100)


def max_attempts() -> int:
    return getattr(settings, "NEWSLETTER_MAX_ATTEMPTS", 6)


def retry_seconds() -> float:
    return getattr(settings, "NEWSLETTER_RETRY_SECONDS", 60)
