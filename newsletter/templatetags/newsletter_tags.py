from urllib.parse import urljoin

from django import template

from newsletter import conf
from newsletter.forms import SubscriberForm
from newsletter.views import THANK_YOU_TAG

register = template.Library()


@register.inclusion_tag("includes/newsletter_form.html", takes_context=True)
def newsletter_form(context):
    """An empty signup form that brings the visitor back to the page they are on."""
    request = context["request"]
    page = context.get("page")
    return {
        "form": SubscriberForm(),
        "next": request.get_full_path(),
        "page_id": getattr(page, "pk", ""),
        "consent_text": conf.consent_text(),
        "request": request,
        "csrf_token": context.get("csrf_token"),
        "messages": context.get("messages"),
    }


@register.simple_tag
def signup_messages(messages, standalone=False) -> dict:
    """The visitor's messages split into the thank-you after a signup (shown instead of the form,
    which they have just sent) and any others (shown above the form). The form's own page answers
    a signup that failed, so there the form stays, whatever earlier signup is thanked for."""
    thanks, others = None, []
    for message in messages or ():
        if THANK_YOU_TAG in message.extra_tags.split() and not standalone:
            thanks = message
        else:
            others.append(message)
    return {"thanks": thanks, "others": others}


@register.filter
def absolute(url: str, site_url: str) -> str:
    """``url`` on the site's public address (media on another host keep theirs), for e-mails."""
    return urljoin(f"{site_url}/", url)
