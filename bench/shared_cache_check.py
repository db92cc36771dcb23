"""Without Redis, gunicorn's workers share one page cache: publish through one, the other shows it.

Runs `make serve` (production settings, 2 gunicorn workers, REDIS_URL unset, so the file cache of
mysite/settings/base.py in a folder of its own) on a throwaway SQLite site with the demo content.
gunicorn's access log names the worker (its process id) that answered each request. Readers come
in bursts of parallel requests, so that both workers answer (one reader at a time may be answered
by the same worker every time: the kernel wakes whichever worker it likes). Exits 1 if:

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
import urllib.request
from concurrent.futures import ThreadPoolExecutor
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

BURST = 8  # parallel readers per burst
BURSTS = 25

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


def burst(url: str, access_log: Path) -> tuple[list[str], set[str]]:
    """BURST readers of the seed post at once: their titles, and the workers that answered them."""
    logged = len(access_log.read_text().splitlines())

    def read(_):
        with urllib.request.urlopen(url + SEED_POST, timeout=30) as response:  # noqa: S310 - local server
            return title_of(response.read().decode())

    with ThreadPoolExecutor(BURST) as pool:
        titles = list(pool.map(read, range(BURST)))
    for _ in range(50):
        lines = [line.split(" ", 1) for line in access_log.read_text().splitlines()[logged:]]
        workers = [pid for pid, path in lines if path == SEED_POST]
        if len(workers) >= BURST:
            return titles, set(workers)
        time.sleep(0.05)
    raise RuntimeError(f"{BURST} reads of {SEED_POST} are not in gunicorn's access log")


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
            titles, workers = set(), set()
            for _ in range(BURSTS):
                burst_titles, burst_workers = burst(url, access_log)
                titles.update(burst_titles)
                workers.update(burst_workers)
                if len(workers) == 2:
                    break
            print(f"Before publishing: workers {sorted(workers)} showed {sorted(titles)}")
            if len(workers) < 2:
                failures.append(f"Only one worker answered {BURSTS} bursts of {BURST} readers.")
            if titles != {original}:
                failures.append("A worker rendered the post again instead of serving it from the cache.")

            # 2. Publish the draft through one worker; the other shows it at once.
            sign_in(editor, *EDITOR)
            publisher = publish(editor, post_id)
            print(f"Published through worker {publisher}")
            for _ in range(BURSTS):
                titles, workers = burst(url, access_log)
                if titles != [new_title] * BURST:
                    failures.append(
                        f"Workers {sorted(workers)} showed {sorted(set(titles))} after the publish."
                    )
                    break
                if workers - {publisher}:
                    print(f"Workers {sorted(workers)} all show {new_title!r}")
                    break
            else:
                failures.append(f"The other worker answered none of {BURSTS} bursts of {BURST} readers.")

    return verdict(failures, started)


if __name__ == "__main__":
    sys.exit(main())
