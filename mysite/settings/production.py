"""Production: everything from the environment (README.md "Configuration", docs/deploy.md).

`make serve` runs these settings locally on plain http (see the Makefile).
"""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403


def env_list(name: str) -> list[str]:
    """A comma-separated environment variable as a list, without blanks."""
    return [item.strip() for item in os.environ.get(name, "").split(",") if item.strip()]


def env_bool(name: str, default: bool) -> bool:
    return os.environ.get(name, str(default)).strip().lower() in ("1", "true", "yes", "on")


if not SECRET_KEY:  # noqa: F405
    raise ImproperlyConfigured(
        "DJANGO_SECRET_KEY is not set. The production settings need a long random secret, e.g. "
        "the output of: python -c 'import secrets; print(secrets.token_urlsafe(50))'"
    )

DEBUG = False
# ALLOWED_HOSTS comes from DJANGO_ALLOWED_HOSTS (base.py); DATABASE_URL and REDIS_URL too.
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

# https only: behind a proxy that terminates TLS and sets X-Forwarded-Proto (docs/deploy.md).
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
# Load balancers often check health over plain http, inside the private network.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_SECURE = True

# E-mail (newsletter confirmations, password resets) through an SMTP server.
EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "webmaster@localhost")
SERVER_EMAIL = os.environ.get("SERVER_EMAIL", DEFAULT_FROM_EMAIL)

# Media (uploaded images and documents) in S3-compatible object storage when a bucket is named;
# the local MEDIA_ROOT otherwise. Credentials: AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, which
# boto3 reads from the environment itself.
if os.environ.get("AWS_STORAGE_BUCKET_NAME"):
    STORAGES["default"] = {  # noqa: F405
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": os.environ["AWS_STORAGE_BUCKET_NAME"],
            # Another provider than AWS (MinIO, Scaleway, …): its address, e.g. https://s3.example.org
            "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("AWS_S3_REGION_NAME") or None,
            # A CDN or public domain in front of the bucket, e.g. media.example.org
            "custom_domain": os.environ.get("AWS_S3_CUSTOM_DOMAIN") or None,
            # Media are public: plain addresses, not expiring signed ones (cacheable by a CDN).
            "querystring_auth": False,
            "file_overwrite": False,
        },
    }

# Uploads are normally served by the web server in front (or come from the bucket above). On one
# machine with nothing in front, as `make serve` runs, DJANGO_SERVE_MEDIA=true lets Django serve them.
SERVE_MEDIA = env_bool("DJANGO_SERVE_MEDIA", False)

# Wagtail's own search (the admin's): the database backend of base.py by default. Readers'
# searches always run on the site's own index in the database (search/).
# OpenSearch or Elasticsearch for Wagtail's when WAGTAILSEARCH_URL names one, e.g. https://user:pass@search:9200,
# with WAGTAILSEARCH_BACKEND its Wagtail backend module: opensearch2, opensearch3 (default),
# elasticsearch7, elasticsearch8 or elasticsearch9. The matching client is not in
# requirements.txt: install it too (`pip install "opensearch-py>=3,<4"`, or
# "elasticsearch>=9,<10" …), then run `manage.py update_index` once.
if os.environ.get("WAGTAILSEARCH_URL"):
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "wagtail.search.backends." + os.environ.get("WAGTAILSEARCH_BACKEND", "opensearch3"),
            "URLS": [os.environ["WAGTAILSEARCH_URL"]],
            "INDEX_PREFIX": os.environ.get("WAGTAILSEARCH_INDEX_PREFIX", ""),
        }
    }

# Logs to standard output, where the process manager (systemd, a container runtime) collects them.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "{asctime} {levelname} {name}: {message}", "style": "{"}},
    "handlers": {
        "stdout": {"class": "logging.StreamHandler", "stream": "ext://sys.stdout", "formatter": "plain"}
    },
    "root": {"handlers": ["stdout"], "level": os.environ.get("LOG_LEVEL", "INFO")},
}
