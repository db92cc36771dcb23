"""Whole pages for anonymous readers, from Django's cache, and clearing them when content changes.

A reader without a session, CSRF or messages cookie gets the same page as every other such reader,
so that page is stored once (key: the full URL with its query string, plus the headers the
response varies on) and served without touching the database. Editors, people who just signed
up (their page shows a message), the admin and every non-GET request go straight to the view.

Parts of pages (the navigation, the footer, a post's card, body or "Read more") are kept the same
way, for every request, with ``cached_fragment`` and ``cached_fragments``.

Invalidation is by generation: every key starts with the current generation, and any change a
page may show starts a new one, after the change is committed. Page events and the site-wide
things base owns are connected in base/signals.py; every other app names the models its pages
show with ``clear_cache_on_change`` from its AppConfig.ready() (blog/apps.py). Old entries
are never read again and expire by themselves. This clears the page cache only: rate-limit counts
and Wagtail's own cached data in the same cache are kept. When a front cache (Varnish, a CDN) is
configured in WAGTAILFRONTENDCACHE, it is told to drop everything too.
"""

import contextlib
import uuid

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, InterfaceError, transaction
from django.db.models.signals import post_delete, post_save
from django.urls import reverse
from django.utils.cache import (
    add_never_cache_headers,
    get_cache_key,
    learn_cache_key,
    patch_cache_control,
)
from wagtail.contrib.frontend_cache.utils import get_backends, purge_url_from_cache
from wagtail.models import Site

GENERATION_KEY = "pagecache:generation"
# How long a browser may keep a page without asking again. Shared caches (Varnish, a CDN) keep it
# for PAGE_CACHE_SECONDS (s-maxage), as they are purged when content changes and browsers are not.
BROWSER_MAX_AGE = 60


def _generation() -> str:
    return cache.get_or_set(GENERATION_KEY, lambda: uuid.uuid4().hex, timeout=None)


def _personal_cookies() -> tuple[str, ...]:
    # Django's messages cookie: the page after a newsletter signup shows a message for one reader.
    return (settings.SESSION_COOKIE_NAME, settings.CSRF_COOKIE_NAME, "messages")


def cached_fragment(name: str, build):
    """What ``build()`` returns (a rendered part of the page, or the data for one), kept under
    ``name`` in the cache until anything pages show changes: the same generation as the page
    cache, so never stale. Built every time when FRAGMENT_CACHE_SECONDS is 0."""
    timeout = settings.FRAGMENT_CACHE_SECONDS
    if not timeout:
        return build()
    # The generation is read before building: what is built while a change commits is stored
    # under the old generation, which is never read again.
    return cache.get_or_set(f"fragment:{_generation()}:{name}", build, timeout)


def cached_fragments(items: list, name, build) -> list:
    """``cached_fragment`` for many items at once (a rendered card per post): the value of each
    item is kept under ``name(item)``. Those kept are read in one round trip; ``build(missing)``
    makes the values of the others together (one list, in their order), which are then kept.
    Returns the values in the order of ``items``."""
    timeout = settings.FRAGMENT_CACHE_SECONDS
    if not timeout:
        return build(items)
    generation = _generation()
    keys = [f"fragment:{generation}:{name(item)}" for item in items]
    # A copy: with Redis down, django-redis answers with one shared empty dict, which must stay empty.
    values = dict(cache.get_many(keys))
    missing = [(key, item) for key, item in zip(keys, items, strict=True) if key not in values]
    if missing:
        built = dict(zip((key for key, _ in missing), build([item for _, item in missing]), strict=True))
        cache.set_many(built, timeout)
        values.update(built)
    return [values[key] for key in keys]


def clear_page_caches() -> None:
    """Make every page fresh, once the current transaction (if any) is committed.

    After the commit, so that no reader can store the old version under the new generation.
    """
    transaction.on_commit(_clear_now)


def clear_cache_on_change(*models) -> None:
    """Clear the page caches whenever an instance of one of ``models`` is saved or deleted.

    For snippets, settings and images that pages show; call it from AppConfig.ready(). Calling it
    again for the same model connects nothing more.
    """
    for model in models:
        label = model._meta.label
        post_save.connect(_model_changed, sender=model, dispatch_uid=f"page-cache-{label}-save")
        post_delete.connect(_model_changed, sender=model, dispatch_uid=f"page-cache-{label}-delete")


def _model_changed(**kwargs) -> None:
    clear_page_caches()


def _clear_now() -> None:
    cache.set(GENERATION_KEY, uuid.uuid4().hex, timeout=None)
    if get_backends():
        # A listing, feed, search result or footer may show what changed, and listings have
        # query strings (?page=2): drop everything. Varnish (deploy/varnish/default.vcl) bans
        # all on a PURGE of "/*"; CloudFront invalidates the "/*" wildcard.
        for site in Site.objects.all():
            purge_url_from_cache(site.root_url + "/*")


def is_personal_request(request) -> bool:
    """The admin (and its previews), or someone with a login, a CSRF token or a message."""
    return request.path.startswith(reverse("wagtailadmin_home")) or any(
        name in request.COOKIES for name in _personal_cookies()
    )


def is_cacheable_response(response) -> bool:
    cache_control = response.get("Cache-Control", "")
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not any(word in cache_control for word in ("private", "no-cache", "no-store"))
        and response.get("Vary", "").strip() != "*"
    )


class PageCacheMiddleware:
    """Serve anonymous readers' pages from the cache; mark everyone else's pages private.

    Place it before SessionMiddleware, so that a cached page costs no session or database work.
    PAGE_CACHE_SECONDS = 0 turns it off (the test settings do).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if is_personal_request(request):
            response = self.get_response(request)
            if "Cache-Control" not in response:
                add_never_cache_headers(response)
            return response
        timeout = settings.PAGE_CACHE_SECONDS
        if request.method != "GET" or not timeout:
            return self.get_response(request)

        key_prefix = _generation()
        key = get_cache_key(request, key_prefix, "GET", cache=cache)
        if key is not None:
            cached = cache.get(key)
            if cached is not None:
                return cached

        response = self.get_response(request)
        if is_cacheable_response(response):
            patch_cache_control(response, public=True, max_age=BROWSER_MAX_AGE, s_maxage=timeout)
            key = learn_cache_key(request, response, timeout, key_prefix, cache=cache)
            if callable(getattr(response, "render", None)):
                response.add_post_render_callback(lambda rendered: cache.set(key, rendered, timeout))
            else:
                cache.set(key, response, timeout)
        return response


class KeptSiteMiddleware:
    """The home page of a page request's Wagtail Site, kept like a fragment.

    Wagtail finds the site of every page it serves with ``Site.find_for_request`` (one query; it
    keeps the site on the request), then loads the site's home page as its specific type to route
    from there: a second query. Before Wagtail's page view runs, this sets the site's
    ``root_page`` to that specific home page, kept per site until anything pages show changes,
    which saves the second. Place it after PageCacheMiddleware: a page from the page cache needs
    neither.
    """

    def __init__(self, get_response):
        from wagtail.views import serve  # not at import: base.cache is imported while models load

        self.get_response = get_response
        self.wagtail_serve = serve

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if view_func is not self.wagtail_serve:
            return None
        # The database down: Wagtail's view looks again, meets it and answers 503 (base/outage.py).
        with contextlib.suppress(DatabaseError, InterfaceError):
            site = Site.find_for_request(request)
            if site is not None:
                site.root_page = cached_fragment(f"home:{site.root_page_id}", lambda: site.root_page.specific)
        return None
