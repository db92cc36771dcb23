import tempfile

from .base import *  # noqa: F403

SECRET_KEY = "test-only-key"  # noqa: S105
ALLOWED_HOSTS = ["*"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Uploaded and generated images go to a throwaway folder, never the project's media/.
MEDIA_ROOT = Path(tempfile.gettempdir()) / "mysite-test-media"  # noqa: F405
# Tests never run collectstatic; an empty folder keeps whitenoise from warning on every request.
STATIC_ROOT = Path(tempfile.gettempdir()) / "mysite-test-static"  # noqa: F405
STATIC_ROOT.mkdir(exist_ok=True)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Tests must not reach the network for oEmbed.
WAGTAILEMBEDS_FINDERS = [{"class": "tests.embed_finder.OfflineEmbedFinder"}]
# Tests measure the real rendering; tests/caching/ turns the page cache on where it is the subject.
PAGE_CACHE_SECONDS = 0
# django-axes needs the request to authenticate, which the test client's login() does not pass;
# tests/security/test_login_throttle.py switches it on.
AXES_ENABLED = False
