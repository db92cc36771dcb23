from django.conf import settings
from wagtail.models import Site

from .sites import root_url


def site(request):
    """The name and public address of the Wagtail site serving this request (Wagtail keeps the
    Site on the request)."""
    wagtail_site = Site.find_for_request(request)
    return {
        "site_name": (wagtail_site and wagtail_site.site_name) or settings.WAGTAIL_SITE_NAME,
        "site_url": root_url(request),
    }
