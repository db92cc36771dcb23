"""The site's public address: SITE_URL, kept in Wagtail's default Site record.

Everything that leaves the site with an address in it (canonical links, OpenGraph, JSON-LD,
the sitemap, feeds, robots.txt, e-mails) takes its scheme, host and port from the Wagtail Site
a page belongs to, never from the request's Host header. SITE_URL names the default Site's
address; ``manage.py migrate`` and ``load_demo`` write it into the Site record. Further sites
are set up in Settings → Sites (docs/deploy.md).
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.core import checks
from django.db import DatabaseError
from wagtail.models import Site

DEFAULT_PORTS = {"http": 80, "https": 443}
LOCAL_HOSTS = {"localhost", "127.0.0.1", "[::1]", "::1", "testserver"}


class SiteURLError(ValueError):
    pass


def parse_site_url(url: str) -> tuple[str, int]:
    """SITE_URL as the hostname and port of a Wagtail Site, which takes port 443 for https."""
    parts = urlsplit(url)
    if parts.scheme not in DEFAULT_PORTS or not parts.hostname:
        raise SiteURLError(f"SITE_URL must be an http:// or https:// address, not {url!r}.")
    if parts.path.strip("/") or parts.query or parts.fragment or parts.username:
        raise SiteURLError(f"SITE_URL is an origin only (scheme, host, port), not {url!r}.")
    port = parts.port or DEFAULT_PORTS[parts.scheme]
    if parts.scheme == "https" and port != 443:
        # Wagtail's Site.root_url says https only for port 443.
        raise SiteURLError(f"An https SITE_URL must use port 443, not {port}.")
    return parts.hostname, port


def sync_default_site(**kwargs) -> Site | None:
    """Give the default Site the address SITE_URL names (nothing to do without SITE_URL).

    Connected to post_migrate; ``load_demo`` calls it too. Returns the default Site, if any.
    """
    site = Site.objects.filter(is_default_site=True).first()
    if site is None or not settings.SITE_URL:
        return site
    hostname, port = parse_site_url(settings.SITE_URL)
    if (site.hostname, site.port) != (hostname, port):
        site.hostname, site.port = hostname, port
        site.save()  # Site's post_save clears the page caches (base/signals.py)
    return site


def root_url(request=None) -> str:
    """The origin of the Site serving ``request`` (the default Site without one): "https://host"."""
    # find_for_request falls back to the default Site itself.
    if request is not None:
        site = Site.find_for_request(request)
    else:
        site = Site.objects.filter(is_default_site=True).first()
    return site.root_url if site else settings.SITE_URL


@checks.register(checks.Tags.compatibility, deploy=True)
def check_public_address(app_configs, **kwargs):
    """`manage.py check --deploy`: SITE_URL is set and valid, and the default Site follows it."""
    if not settings.SITE_URL:
        return [
            checks.Warning(
                "SITE_URL is not set: sitemaps, feeds, canonical links and e-mails use the default "
                "Site's address from Settings → Sites.",
                hint="Set SITE_URL to the public address, e.g. https://www.example.org, then run migrate.",
                id="base.W001",
            )
        ]
    try:
        hostname, port = parse_site_url(settings.SITE_URL)
    except SiteURLError as error:
        return [checks.Error(str(error), id="base.E001")]
    try:
        site = Site.objects.filter(is_default_site=True).first()
    except DatabaseError:  # not migrated yet: migrate will set the Site
        return []
    if site and (hostname in LOCAL_HOSTS or site.hostname in LOCAL_HOSTS):
        return [
            checks.Warning(
                f"The default Site's address is {site.root_url}: search engines and e-mails would "
                "be sent to a local address.",
                hint="Set SITE_URL to the public address and run migrate.",
                id="base.W002",
            )
        ]
    return []
