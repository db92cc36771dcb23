"""Publish a change; the next anonymous request through Varnish shows it. Exits 1 if not.

Runs `make serve-cached` (Varnish in front of gunicorn) on a throwaway SQLite site with the demo
content and a Redis key prefix of its own (Redis must answer on 127.0.0.1:6379), checks that the
seed post and the blog index are served from Varnish (X-Cache: HIT), publishes a new title for
the seed post from another process (`manage.py shell`, as an editor's publish would), and checks
that the very next requests show the new title. About 30 seconds.
"""

import secrets
import subprocess
import sys
import time
import urllib.request

from load_services import (
    PYTHON,
    REDIS_DB,
    ROOT,
    SEED_POST,
    answers,
    app_env,
    demo_database,
    free_port,
    redis_prefix,
    require,
    serving,
    verdict,
)

PUBLISH = """
from blog.models import BlogPage
post = BlogPage.objects.get(slug="ai-research-with-china")
post.title = {title!r}
post.save_revision().publish()
"""


def fetch(url: str) -> tuple[str, str]:
    with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 - our own local server
        return response.headers.get("X-Cache", ""), response.read().decode()


def main() -> int:
    require(answers("127.0.0.1", 6379), "Redis does not answer on 127.0.0.1:6379.")
    started = time.monotonic()
    failures = []
    with demo_database("sqlite") as database_url, redis_prefix() as prefix:
        port, varnish_port = free_port(), free_port()
        env = app_env(
            database_url,
            f"redis://127.0.0.1:6379/{REDIS_DB}",
            prefix,
            DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
            DJANGO_SETTINGS_MODULE="mysite.settings.production",
            DJANGO_SECURE_SSL_REDIRECT="false",
            DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost",
        )
        with serving("serve-cached", env, port, varnish_port) as url:
            for path in (SEED_POST, "/blog/"):
                fetch(url + path)
                cache_state, _ = fetch(url + path)
                if cache_state != "HIT":
                    failures.append(f"{path} is not served from Varnish (X-Cache: {cache_state!r}).")

            title = f"Purge check {secrets.token_hex(4)}"
            publish_env = {
                **env,
                "FRONTEND_CACHE_URL": f"http://127.0.0.1:{varnish_port}",
                "LOG_LEVEL": "WARNING",
            }
            subprocess.run(  # noqa: S603 (our own commands)
                [PYTHON, "manage.py", "shell", "-c", PUBLISH.format(title=title)],
                cwd=ROOT,
                env=publish_env,
                check=True,
            )
            for path in (SEED_POST, "/blog/"):
                cache_state, html = fetch(url + path)
                if title not in html:
                    failures.append(
                        f"{path} still shows the old version after publishing (X-Cache: {cache_state})."
                    )
                else:
                    print(f"{path}: the new title is shown at once (X-Cache: {cache_state})")

    return verdict(failures, started)


if __name__ == "__main__":
    sys.exit(main())
