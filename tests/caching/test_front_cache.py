"""Changes purge the front cache (Varnish, a CDN) through wagtail.contrib.frontend_cache."""

import pytest
from django.test import override_settings
from wagtail.contrib.frontend_cache.backends import BaseBackend

from blog.models import BlogCategory

PURGED = []


class RecordingBackend(BaseBackend):
    def purge(self, url):
        PURGED.append(url)


@pytest.fixture
def purged(demo):
    """The URLs purged from the front cache once the demo content is in place."""
    backends = {"recording": {"BACKEND": f"{__name__}.RecordingBackend"}}
    with override_settings(WAGTAILFRONTENDCACHE=backends):
        PURGED.clear()
        yield PURGED


def test_publishing_purges_the_post_and_everything_else(demo, purged, django_capture_on_commit_callbacks):
    demo.title = "A new title"
    with django_capture_on_commit_callbacks(execute=True):
        demo.save_revision().publish()
    assert "http://testserver/*" in purged  # Varnish bans all; CloudFront invalidates all
    assert "http://testserver/blog/ai-research-with-china/" in purged


def test_editing_a_snippet_purges_everything(purged, django_capture_on_commit_callbacks):
    category = BlogCategory.objects.get(slug="china")
    category.name = "Renamed"
    with django_capture_on_commit_callbacks(execute=True):
        category.save()
    assert purged == ["http://testserver/*"]


def test_nothing_is_purged_before_the_commit(purged, django_capture_on_commit_callbacks):
    category = BlogCategory.objects.get(slug="china")
    with django_capture_on_commit_callbacks(execute=False):
        category.save()
    assert purged == []
