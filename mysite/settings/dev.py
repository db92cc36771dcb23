from .base import *  # noqa: F403

DEBUG = True
# A development-only key; production.py refuses to start without DJANGO_SECRET_KEY.
SECRET_KEY = SECRET_KEY or "dev-only-insecure-key-do-not-use-in-production"  # noqa: F405, S105
ALLOWED_HOSTS = ALLOWED_HOSTS or ["127.0.0.1", "localhost", "[::1]"]  # noqa: F405
# `make run` passes the address it serves on (PORT); see base.py.
SITE_URL = SITE_URL or "http://127.0.0.1:8000"  # noqa: F405
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
# A template or code change shows on the next reload.
PAGE_CACHE_SECONDS = FRAGMENT_CACHE_SECONDS = 0
