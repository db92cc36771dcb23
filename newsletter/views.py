import logging
import re

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST
from django_ratelimit.core import get_usage
from wagtail.models import Page

from base.sites import root_url

from . import conf, emails, tokens
from .forms import HONEYPOT_FIELD, SubscriberForm
from .models import Subscriber

logger = logging.getLogger(__name__)

# The same words whether the address was new, waiting for confirmation or already confirmed,
# so the form tells nobody who is subscribed.
SIGNUP_MESSAGE = (
    "Thank you. Please check your inbox: we have sent you an e-mail to confirm your subscription."
)
TOO_MANY_MESSAGE = (
    "We received several signups from your network in a short time. "
    "Please wait a minute and press Subscribe again; your details are kept below."
)
# The thank-you's message tag and the id it has on the page: the redirect's fragment points at it,
# so the browser scrolls to it and focuses it (it takes focus), and screen readers read it out.
THANK_YOU_TAG = "newsletter-thanks"


def _safe_next(request) -> str:
    next_url = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return next_url
    return "/"


def _page_id(request) -> str:
    page_id = request.POST.get("page_id", "")
    return page_id if re.fullmatch(r"[0-9]{1,18}", page_id) else ""


def _form_page(request, form, *, status, **context):
    """The form on a page of its own: to correct mistakes, or to try again after a pause."""
    context = {
        "form": form,
        "next": _safe_next(request),
        "page_id": _page_id(request),
        "consent_text": conf.consent_text(),
        **context,
    }
    return render(request, "newsletter/subscribe.html", context, status=status)


def _thank_you(request):
    messages.success(request, SIGNUP_MESSAGE, extra_tags=THANK_YOU_TAG)
    return redirect(f"{_safe_next(request)}#{THANK_YOU_TAG}")


def _ratelimit_usage(request, group: str, key, rate: str) -> dict | None:
    """Count this request against a django-ratelimit window; None when rate limiting is off."""
    return get_usage(request, group=group, key=key, rate=rate, increment=True)


# No CSRF token: the form sits under every post, and a per-visitor token would keep those pages out
# of the page cache (base/cache.py). A forged cross-site post could do only what anyone can do by
# posting here directly: it acts for no logged-in user and changes nothing of the sender's. What
# guards the list is the honeypot, the rate limits per client and per address, and double opt-in:
# nobody is subscribed until the owner of the address presses the button in the e-mail.
@csrf_exempt
@require_POST
def subscribe(request):
    usage = _ratelimit_usage(request, "newsletter.signup", "ip", conf.signup_rate())
    if usage and usage["should_limit"]:
        # Keep what they typed, without marking anything as wrong.
        form = SubscriberForm(
            initial={name: request.POST.get(name, "") for name in SubscriberForm.base_fields}
        )
        response = _form_page(request, form, status=429, too_many_message=TOO_MANY_MESSAGE)
        response["Retry-After"] = str(max(usage["time_left"], 1))
        return response

    if request.POST.get(HONEYPOT_FIELD):
        # A bot: answer as if it worked, so it learns nothing, and store nothing.
        logger.info("Newsletter signup ignored: the hidden field was filled in.")
        return _thank_you(request)

    form = SubscriberForm(request.POST)
    if not form.is_valid():
        # Show the form again with the visitor's input and a message next to each problem.
        return _form_page(request, form, status=400)
    page_id = _page_id(request)
    signup_page = Page.objects.filter(pk=int(page_id)).first() if page_id else None
    subscriber = form.save(signup_page=signup_page, consent_text=conf.consent_text())

    # However often the form is posted with one address, that inbox gets a few e-mails at most.
    mail_usage = _ratelimit_usage(
        request, "newsletter.mail", lambda group, request: subscriber.email, conf.mail_rate()
    )
    if mail_usage and mail_usage["should_limit"]:
        logger.info("Newsletter e-mail to subscriber %s held back: too many in a short time.", subscriber.pk)
    elif subscriber.status == Subscriber.Status.CONFIRMED:
        emails.send_already_subscribed(subscriber, root_url(request))
    else:
        emails.send_confirmation(subscriber, root_url(request))
    return _thank_you(request)


# Opening a link changes nothing: mail scanners open links by themselves. A button press does.
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def confirm(request, token):
    try:
        subscriber = tokens.subscriber_from_confirmation(token)
    except tokens.LinkExpired:
        context = {"confirmation_days": conf.confirmation_days()}
        return render(request, "newsletter/link_expired.html", context, status=410)
    if subscriber is None:
        return render(request, "newsletter/link_invalid.html", status=404)
    if request.method == "POST":
        subscriber.confirm()
        return redirect(request.path)
    return render(request, "newsletter/confirm.html", {"subscriber": subscriber})


# RFC 8058 one-click unsubscribing: the mail program POSTs "List-Unsubscribe=One-Click" to the
# link in the List-Unsubscribe header, with no cookies, so there is no CSRF token and no login.
# The signed token is the proof; a forged request cannot carry one. The answer to a POST is the
# page itself, never a redirect, which RFC 8058 rules out.
@csrf_exempt
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def unsubscribe(request, token):
    subscriber = tokens.subscriber_from_unsubscribe(token)
    if subscriber is None:
        return render(request, "newsletter/link_invalid.html", status=404)
    if request.method == "POST":
        subscriber.unsubscribe()
    return render(request, "newsletter/unsubscribe.html", {"subscriber": subscriber})
