from urllib.parse import urljoin

from django import template

from newsletter import conf
from newsletter.forms import SubscriberForm

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


@register.filter
def absolute(url: str, site_url: str) -> str:
    """``url`` on the site's public address (media on another host keep theirs), for e-mails."""
    return urljoin(f"{site_url}/", url)
