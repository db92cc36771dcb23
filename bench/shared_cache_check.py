"""Without Redis, gunicorn's workers share one page cache: publish through one, the other shows it.

Runs `make serve` (production settings, 2 gunicorn workers, REDIS_URL unset, so the file cache of
mysite/settings/base.py in a folder of its own) on a throwaway SQLite site with the demo content.
gunicorn's access log names the worker (its process id) that answered each request. Exits 1 if:

1. after the seed post has been read, a worker renders it again instead of serving it from the
   cache: its title is changed in the database behind the site's back (no publish), and both
   workers must still show the cached page;
2. once an editor has signed in and published a new title through one worker (the admin's
   publish action), a request answered by the other worker does not show it at once.

About 30 seconds.
"""

import re
import secrets
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

from load_services import (
    SEED_POST,
    Browser,
    app_env,
    demo_database,
    free_port,
    publish,
    serving,
    shell,
    sign_in,
    verdict,
)

EDITOR = ("shared-cache-check", secrets.token_urlsafe(16))

MAKE_EDITOR_AND_DRAFT = """
from django.contrib.auth import get_user_model
from blog.models import BlogPage
get_user_model().objects.create_superuser({username!r}, password={password!r})
post = BlogPage.objects.get(slug="ai-research-with-china")
post.title = {title!r}
post.save_revision()  # a draft: nothing readers see changes yet
print(post.pk)
"""


def title_of(html: str) -> str:
    return re.search(r"<h1[^>]*>(.*?)</h1>", html, re.S).group(1).strip()


def main() -> int:
    started = time.monotonic()
    failures = []
    with demo_database("sqlite") as database_url, tempfile.TemporaryDirectory() as folder:
        access_log = Path(folder) / "access.log"
        access_log.touch()
        env = app_env(
            database_url,
            "",
            "",
            CACHE_DIR=f"{folder}/cache",
            DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
            DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost",
            GUNICORN_CMD_ARGS=f"--access-logfile {access_log} --access-logformat '%(p)s %(U)s'",
        )
        new_title = f"Published through one worker {secrets.token_hex(3)}"
        post_id = shell(
            env, MAKE_EDITOR_AND_DRAFT.format(username=EDITOR[0], password=EDITOR[1], title=new_title)
        )[-1]

        with serving("serve", env, free_port()) as url:
            reader, editor = Browser(url, access_log), Browser(url, access_log)

            # 1. Both workers serve the seed post from the cache.
            original = title_of(reader.request(SEED_POST)[0])
            with sqlite3.connect(database_url.removeprefix("sqlite:///")) as database:
                database.execute(
                    "UPDATE wagtailcore_page SET title = 'Changed behind the site' WHERE id = ?", (post_id,)
                )
            seen = {}
            for _ in range(40):
                html, worker = reader.request(SEED_POST)
                seen.setdefault(worker, title_of(html))
                if len(seen) == 2:
                    break
            print(f"Before publishing, per worker: {seen}")
            if len(seen) < 2:
                failures.append("Only one worker answered 40 requests.")
            if any(title != original for title in seen.values()):
                failures.append("A worker rendered the post again instead of serving it from the cache.")

            # 2. Publish the draft through one worker; the other shows it at once.
            sign_in(editor, *EDITOR)
            publisher = publish(editor, post_id)
            print(f"Published through worker {publisher}")
            for _ in range(40):
                html, worker = reader.request(SEED_POST)
                if worker != publisher:
                    print(f"Next request on worker {worker}: {title_of(html)!r}")
                    if title_of(html) != new_title:
                        failures.append(f"Worker {worker} still shows {title_of(html)!r} after the publish.")
                    break
            else:
                failures.append("The other worker answered none of 40 requests.")

    return verdict(failures, started)


if __name__ == "__main__":
    sys.exit(main())
