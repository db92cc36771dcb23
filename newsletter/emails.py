"""The e-mails the signup flow sends, through Django's mail framework (EMAIL_BACKEND).

Each goes out as plain text with an HTML alternative, and carries a signed unsubscribe link in
the body and in the RFC 8058 headers, so mail programs can offer one-click unsubscribing.
"""

import logging

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from . import conf, tokens
from .models import Subscriber

logger = logging.getLogger(__name__)


def send_confirmation(subscriber: Subscriber, base_url: str) -> bool:
    """Send the link that confirms the subscription; record when it went out.

    A failure is logged and leaves ``confirmation_sent_at`` empty, for
    ``manage.py resend_confirmations`` to pick up; the signup itself is already stored.
    """
    confirm_url = absolute_url(
        base_url, reverse("newsletter_confirm", args=[tokens.confirmation_token(subscriber)])
    )
    sent = _send(subscriber, "confirm", base_url, {"confirm_url": confirm_url})
    subscriber.confirmation_sent_at = timezone.now() if sent else None
    subscriber.save(update_fields=["confirmation_sent_at"])
    return sent


def send_already_subscribed(subscriber: Subscriber, base_url: str) -> bool:
    """Tell a confirmed subscriber who signed up again that nothing needs doing."""
    return _send(subscriber, "already_subscribed", base_url, {})


def absolute_url(base_url: str, path: str) -> str:
    return base_url.rstrip("/") + path


def unsubscribe_url_of(subscriber: Subscriber, base_url: str) -> str:
    """The subscriber's own unsubscribe link, in every e-mail they get (signup and newsletter)."""
    return absolute_url(
        base_url, reverse("newsletter_unsubscribe", args=[tokens.unsubscribe_token(subscriber)])
    )


def unsubscribe_headers(unsubscribe_url: str) -> dict[str, str]:
    """RFC 8058: mail programs offer one-click unsubscribing, a POST to ``unsubscribe_url``."""
    return {"List-Unsubscribe": f"<{unsubscribe_url}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}


def _send(subscriber: Subscriber, name: str, base_url: str, extra_context: dict) -> bool:
    unsubscribe_url = unsubscribe_url_of(subscriber, base_url)
    context = {
        "subscriber": subscriber,
        "site_name": settings.WAGTAIL_SITE_NAME,
        "unsubscribe_url": unsubscribe_url,
        "confirmation_days": conf.confirmation_days(),
        **extra_context,
    }
    subject = " ".join(render_to_string(f"newsletter/email/{name}_subject.txt", context).split())
    message = EmailMultiAlternatives(
        subject=subject,
        body=render_to_string(f"newsletter/email/{name}.txt", context),
        to=[subscriber.email],
        headers=unsubscribe_headers(unsubscribe_url),
    )
    message.attach_alternative(render_to_string(f"newsletter/email/{name}.html", context), "text/html")
    try:
        message.send()
    except Exception:
        # Whatever the backend raises (SMTP refusal, DNS, timeout), the signup is stored and can
        # be resent; the visitor must not see an error page. The log names the row, not the address.
        logger.exception("Could not send the %s e-mail to subscriber %s", name, subscriber.pk)
        return False
    return True
