"""Settings shared by every environment.

Safe to run in production: secrets and hosts come from the environment, and the
environment-specific modules (dev, test, production) only add to this file.
"""

import os
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent.parent.parent

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
DEBUG = False
ALLOWED_HOSTS = [h.strip() for h in os.environ.get("DJANGO_ALLOWED_HOSTS", "").split(",") if h.strip()]

INSTALLED_APPS = [
    "home",
    "blog",
    "base",
    "newsletter",
    "search",
    # Uses the apps above (load_demo); none of them uses it.
    "demo",
    "wagtail.contrib.forms",
    "wagtail.contrib.frontend_cache",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail_newsletter",
    "django_tasks",
    "django_tasks_db",
    # Its rqworker command, for the newsletter's queue in Redis (NEWSLETTER_QUEUE_URL, below);
    # nothing else of it runs unless RQ_QUEUES is set.
    "django_rq",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.sitemaps",
    "django.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "wagtail_modeladmin",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "csp",
    "axes",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Static files straight from the app server, compressed and cached forever under hashed names.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Whole pages for anonymous readers (base/cache.py): before the session, so that a cached
    # page costs no database query, and before the two policies, so that a page is kept with
    # their headers and a cached page does not build them again.
    "base.cache.PageCacheMiddleware",
    "base.middleware.ContentSecurityPolicyMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # The database unreachable: a friendly 503 page (base/outage.py), not a 500.
    "base.outage.DatabaseOutageMiddleware",
    # The home page of a page request's Wagtail Site, kept in the same cache (base/cache.py).
    "base.cache.KeptSiteMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: turns a locked-out login into its lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "mysite.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "base.context_processors.site",
            ],
        },
    },
]

WSGI_APPLICATION = "mysite.wsgi.application"

# One way to name the database: DATABASE_URL. Without it, an SQLite file in the
# project folder (git-ignored), so a fresh clone runs with nothing to set up.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        # A persistent connection the database dropped (a restart) is replaced, not reused.
        conn_health_checks=True,
    )
}
_sqlite = DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3"
# How long a process keeps its database connection between requests. SQLite's connection is a
# file handle in the process: keeping it (10 minutes) keeps its page cache warm from one request
# to the next, instead of reading the pages a search needs afresh each time. Other databases
# default to one connection per request (a pooler such as PgBouncer can sit in front).
DATABASES["default"]["CONN_MAX_AGE"] = int(os.environ.get("DATABASE_CONN_MAX_AGE", "600" if _sqlite else "0"))
if _sqlite:
    # Run on every new connection. mmap: SQLite reads the file through the OS's page cache,
    # shared by all processes, instead of copying each page into its own (bm25 over 10,000
    # matches, measured before searches were capped: ~35 ms down to ~22). cache_size: up to 64 MB of pages per
    # connection (the default is 2 MB), enough for the search index's hot pages. WAL: readers
    # and the writer do not block each other (several server processes), and with synchronous
    # NORMAL a write (a search's popular-searches hit, a signup) commits without waiting for the
    # disk, ~2 ms less; a power cut may lose the last commits, never corrupt the file.
    #
    # One writer at a time: a transaction takes the write lock when it begins (IMMEDIATE), not at
    # its first write, and a writer that finds the lock taken waits for it up to 20 s (timeout).
    # Without both, an editor's Publish that meets an autosave or an editing-session ping could
    # fail at once with "database is locked" (SQLite refuses to upgrade a reader to a writer while
    # another writes, whatever the timeout).
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        init_command=(
            "PRAGMA mmap_size=268435456; PRAGMA cache_size=-64000; PRAGMA journal_mode=WAL; "
            "PRAGMA synchronous=NORMAL"
        ),
        transaction_mode="IMMEDIATE",
        timeout=int(os.environ.get("DATABASE_BUSY_TIMEOUT", "20")),
    )
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # When the database is unreachable, a request fails within seconds (a 503 page, see
    # base/outage.py) instead of hanging.
    DATABASES["default"].setdefault("OPTIONS", {})["connect_timeout"] = int(
        os.environ.get("DATABASE_CONNECT_TIMEOUT", "3")
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# The cache every process of the site shares, so that a change one of them makes (a publish in one
# gunicorn worker) clears the pages all of them serve.
# - Redis when REDIS_URL names one: the choice for several machines. django-redis rather than
#   Django's own RedisCache because it can ignore a Redis that is down: every read is then a miss
#   and every write is dropped, so the site keeps serving from the database. Short timeouts, so a
#   Redis that hangs costs little.
# - Otherwise files in CACHE_DIR (default: data/cache/ in the project, git-ignored), shared by the
#   processes of one machine. Up to CACHE_MAX_ENTRIES entries (a page, a menu): past that, a third
#   are dropped at random, which only means rendering them again.
if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "mysite"),
            "OPTIONS": {
                "IGNORE_EXCEPTIONS": True,
                "SOCKET_CONNECT_TIMEOUT": 0.5,
                "SOCKET_TIMEOUT": 0.5,
            },
        }
    }
    DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": os.environ.get("CACHE_DIR") or BASE_DIR / "data" / "cache",
            "OPTIONS": {"MAX_ENTRIES": int(os.environ.get("CACHE_MAX_ENTRIES", "5000"))},
        }
    }

# How long anonymous readers' pages stay in the cache above and in a front cache (s-maxage);
# any change readers could see clears them at once (base/signals.py, blog/apps.py). 0 turns
# page caching off (dev.py does, so that a template change shows on the next reload).
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "600"))
# The parts every page shows (navigation, footer with partners and social links), a post's body
# and its "Read more" cards, kept rendered in the same cache and renewed with the pages (base/cache.py
# ``cached_fragment``): on every page that is rendered, logged-in and preview pages too. 0 turns
# it off.
FRAGMENT_CACHE_SECONDS = int(os.environ.get("FRAGMENT_CACHE_SECONDS", "600"))

# A front cache (Varnish, see deploy/varnish/) to purge when content changes, e.g.
# FRONTEND_CACHE_URL=http://127.0.0.1:8080. docs/deploy.md shows Cloudflare and CloudFront.
if os.environ.get("FRONTEND_CACHE_URL"):
    WAGTAILFRONTENDCACHE = {
        "varnish": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": os.environ["FRONTEND_CACHE_URL"],
        }
    }

# django-axes first: it refuses a login while its username and address are locked out. AxesBackend
# rather than AxesStandaloneBackend, as it can also load a signed-in user: the test client's
# force_login() records the first backend in the session.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesBackend",
    "django.contrib.auth.backends.ModelBackend",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = BASE_DIR / "static_collected"
STATIC_URL = "/static/"
MEDIA_ROOT = BASE_DIR / "media"
MEDIA_URL = "/media/"
# Only production.py may turn this on (DJANGO_SERVE_MEDIA); dev serves uploads through DEBUG.
SERVE_MEDIA = False
# Hashed, pre-compressed static files (collectstatic writes them). Under DEBUG the unhashed names
# are used, so `make run` needs no collectstatic; the test settings use plain storage.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Background work (django-tasks). Wagtail's own small tasks run at once, in the request; the
# newsletter's sending goes through a queue in the database, which `make worker`
# (manage.py newsletter_worker) works through. docs/deploy.md: the worker, and Redis instead.
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "newsletter": {"BACKEND": "django_tasks_db.DatabaseBackend"},
}
# The newsletter's queue in Redis instead (RQ, through django-tasks-rq), e.g.
# NEWSLETTER_QUEUE_URL=redis://127.0.0.1:6379/2: the choice when the site already runs Redis.
# `manage.py newsletter_worker` then runs RQ's worker. Give Redis persistence (appendonly yes):
# the queued runs live there.
if os.environ.get("NEWSLETTER_QUEUE_URL"):
    RQ_QUEUES = {"default": {"URL": os.environ["NEWSLETTER_QUEUE_URL"]}}
    TASKS["newsletter"] = {"BACKEND": "django_tasks_rq.RQBackend"}
# Newsletter issues are pages (wagtail-newsletter's editor tab) sent by this site itself
# (newsletter/campaigns.py), from DEFAULT_FROM_EMAIL under this name.
WAGTAIL_NEWSLETTER_CAMPAIGN_BACKEND = "newsletter.campaigns.SiteCampaignBackend"
WAGTAIL_NEWSLETTER_FROM_NAME = os.environ.get("NEWSLETTER_FROM_NAME", "Amsterdam Data Science")
WAGTAIL_NEWSLETTER_REPLY_TO = os.environ.get("NEWSLETTER_REPLY_TO", "")
# Mails a minute the worker sends at most (newsletter/conf.py has the sending's other settings).
NEWSLETTER_SEND_RATE = int(os.environ.get("NEWSLETTER_SEND_RATE", "600"))

# Complex page forms (many blocks) pass Django's default of 1,000 fields.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Wagtail
WAGTAIL_SITE_NAME = "Amsterdam Data Science"
# The public address (scheme, host and port; https means port 443), e.g. https://www.example.org.
# migrate writes it into the default Wagtail Site, whose address every canonical link, sitemap,
# feed and e-mail uses, whatever Host a request names (base/sites.py, docs/deploy.md).
SITE_URL = os.environ.get("SITE_URL", "").rstrip("/")
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL") or SITE_URL or "http://127.0.0.1:8000"
# No Gravatar: avatars would load from a third party, and show a broken image offline.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# Wagtail's own search (the admin's page search, the choosers): its database backend as shipped.
# On PostgreSQL it reads text with the site's configuration (English stems, accents folded:
# search/migrations/0002); SQLite ignores the setting. Readers' searches run on an index of the
# site's own (search/, docs/search.md).
WAGTAILSEARCH_BACKENDS = {
    "default": {"BACKEND": "wagtail.search.backends.database", "SEARCH_CONFIG": "site_english"}
}
# A search lists at most this many posts; a query matching more says so and asks for another word
# (search/views.py). Both databases rank a window of matches: the this-many most recently added,
# plus up to this many whose title holds every word of the query (docs/search.md).
SEARCH_MAX_RESULTS = 500
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx"]
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
# Decodes each uploaded image in full, so a corrupt one is a form error, never a 500 (base/forms.py).
WAGTAILIMAGES_IMAGE_FORM_BASE = "base.forms.ImageForm"
# Formats Django's en-GB input formats accept back, so an unchanged form saves.
WAGTAIL_DATE_FORMAT = "%d/%m/%Y"
WAGTAIL_DATETIME_FORMAT = "%d/%m/%Y %H:%M"

# The newsletter signup's rate limit (newsletter/conf.py) counts per client address, REMOTE_ADDR.
# Behind a reverse proxy, name the header in which the proxy passes on the client's single
# address, e.g. RATELIMIT_IP_META_KEY=HTTP_X_REAL_IP with nginx's
# `proxy_set_header X-Real-IP $remote_addr;`. Never a header the client can set itself.
RATELIMIT_IP_META_KEY = os.environ.get("RATELIMIT_IP_META_KEY") or None
# The counts live in the cache. With Redis down, let signups through uncounted rather than turn
# everyone away: the honeypot and double opt-in still guard the list.
RATELIMIT_FAIL_OPEN = True

# Admin sign-in throttled against password guessing (django-axes): after 5 wrong passwords for one
# username from one address, that pair is refused for an hour (templates/axes/lockout.html). Other
# addresses and other usernames are unaffected, so an attacker cannot lock an editor out everywhere.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = 1  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "axes/lockout.html"
# The same client address as the newsletter's rate limit (see RATELIMIT_IP_META_KEY above).
AXES_CLIENT_IP_CALLABLE = lambda request: request.META.get(RATELIMIT_IP_META_KEY or "REMOTE_ADDR")  # noqa: E731

# Security headers on every response. Django's SecurityMiddleware sends nosniff, Referrer-Policy
# same-origin and Cross-Origin-Opener-Policy same-origin by default; X-Frame-Options is DENY
# (Wagtail's preview views override it with SAMEORIGIN for the admin's preview panel).
#
# Content-Security-Policy (django-csp): public pages run only script files from this origin: the
# header's search suggestions (static/js/search-suggest.js, which fetches from this origin too) and
# Wagtail's userbar for signed-in editors; nothing inline. JSON-LD
# (<script type="application/ld+json">) is a data block, not executed, so it needs no allowance.
# No nonces: anonymous pages are cached, and a cached nonce would be shared by every reader.
# Embeds are iframes from whichever oEmbed provider an editor picked, over https.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:", "https:"],
        "frame-src": ["'self'", "https:"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'self'"],
    }
}
# The Wagtail admin (base.middleware picks this under /admin/): its pages run inline scripts and
# styles. No 'unsafe-eval': the dashboard, page editor and preview, image and document uploaders,
# snippets, reports and users were checked in Chromium without it.
CONTENT_SECURITY_POLICY_ADMIN = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'", "'unsafe-inline'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:", "https:"],
        "frame-src": ["'self'", "https:"],
        # Wagtail's dashboard asks releases.wagtail.org whether a new version is out.
        "connect-src": ["'self'", "https://releases.wagtail.org"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'self'"],
    }
}
# The admin's preview of a newsletter issue as its e-mail (NewsletterIssuePage.serve_preview, mode
# "newsletter"; the web version keeps the public policy): the mail as subscribers get it,
# styled by its own <style> elements and style="" attributes. Mails run no script, post no form,
# and load no web font (their fonts are the reader's own: a font from Google would tell it who
# opens the mail).
CONTENT_SECURITY_POLICY_NEWSLETTER_PREVIEW = {
    "DIRECTIVES": {
        "default-src": ["'none'"],
        "style-src": ["'unsafe-inline'"],
        "img-src": ["'self'", "data:", "https:"],
        "base-uri": ["'none'"],
        "form-action": ["'none'"],
        "frame-ancestors": ["'self'"],
    }
}
# Features no page here uses, switched off for embedded frames too.
PERMISSIONS_POLICY = {
    "camera": [],
    "geolocation": [],
    "microphone": [],
    "payment": [],
    "usb": [],
}
