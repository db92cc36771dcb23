"""One machine, no Redis: SQLite and the file cache under `make serve`'s two gunicorn workers.

On a throwaway SQLite copy of the demo site, with REDIS_URL unset (the page cache in files):

1. For LOAD_SECONDS (default 30) at once: readers (wrk, 2 threads, 8 connections, over the posts,
   the home page, the blog, a search and the feed), newsletter signups (4 clients posting distinct
   addresses, each from an address of its own through X-Real-IP, as nginx would pass it) and an
   editor publishing new posts through the admin, one after another. Afterwards every signup the
   site acknowledged (a redirect) must be in the database, every publish it acknowledged must be
   live and answer 200, no request may have failed (a 5xx, a connection error) and the server's
   log must not say "database is locked".
2. Throughput of the seed post (wrk, 2 threads, 16 connections): rendered every time
   (PAGE_CACHE_SECONDS=0) and from the warm file cache. Target: the cache at least 20 times the
   rendering. With LOAD_BASELINE=<commit>, the rendered post is also measured with that commit's
   code (a git worktree with its own virtualenv), for the "at least twice as fast" comparison.

Exits 1 if anything was lost or failed, or a target is missed. Needs Debian's wrk (`make
load-sqlite` installs it). About 3 minutes (5 with LOAD_BASELINE).
"""

import contextlib
import itertools
import os
import secrets
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
from pathlib import Path

from load import SECONDS, fetch, mix, post_paths, report, warm, wrk
from load_services import (
    ROOT,
    SEED_POST,
    Browser,
    app_env,
    demo_database,
    free_port,
    git_worktree,
    publish,
    serving,
    shell,
    sign_in,
    verdict,
)

EDITOR = ("load-editor", secrets.token_urlsafe(16))
DRAFTS = 40

MAKE_EDITOR_AND_DRAFTS = """
from django.contrib.auth import get_user_model
from blog.models import Author, BlogIndexPage, BlogPage
get_user_model().objects.create_superuser({username!r}, password={password!r})
blog = BlogIndexPage.objects.get(slug="blog")
author = Author.objects.first()
for number in range({drafts}):
    post = BlogPage(title=f"Published under load {{number}}", slug=f"published-under-load-{{number}}",
                    lead="A post published while readers read and people sign up.", live=False)
    blog.add_child(instance=post)
    post.post_authors.create(author=author)
    post.save_revision()
    print(post.pk)
"""


def signups(url: str, stop: threading.Event, acknowledged: list, failures: list, client: int) -> None:
    browser = Browser(url)
    for number in itertools.count():
        if stop.is_set():
            return
        email = f"load-{client}-{number}@example.org"
        fields = {
            "first_name": "Load",
            "prefix": "",
            "surname": f"Test {number}",
            "organisation": "",
            "email": email,
        }
        try:
            browser.cookies.clear()
            browser.request(
                "/newsletter/subscribe/", fields, headers={"X-Real-IP": f"10.0.{client}.{number % 250}"}
            )
        except urllib.error.HTTPError as error:
            failures.append(f"signup {email}: {error.code}")
            continue
        except OSError as error:
            failures.append(f"signup {email}: {error}")
            continue
        if browser.status == 302:
            acknowledged.append(email)
        else:
            failures.append(f"signup {email}: {browser.status}")


def publishes(url: str, drafts: list[str], stop: threading.Event, acknowledged: list, failures: list) -> None:
    editor = Browser(url)
    sign_in(editor, *EDITOR)
    for page_id in drafts:
        if stop.is_set():
            return
        try:
            publish(editor, page_id)
            acknowledged.append(page_id)
        except (RuntimeError, OSError) as error:
            failures.append(f"publish {page_id}: {error}")


def mixed_load(url: str, database: Path, drafts: list[str], folder: Path, log: Path) -> list[str]:
    """Readers, signups and publishes at once; what was lost or failed."""
    paths = mix(post_paths(url))
    warm(url, paths)
    stop = threading.Event()
    signed_up, published, failures = [], [], []
    workers = [
        threading.Thread(target=signups, args=(url, stop, signed_up, failures, client)) for client in range(4)
    ]
    workers.append(threading.Thread(target=publishes, args=(url, drafts, stop, published, failures)))
    for worker in workers:
        worker.start()
    try:
        readers = wrk(url, paths, folder, connections=8)
    finally:
        stop.set()
        for worker in workers:
            worker.join()
    report("readers during signups and publishes", readers)
    print(
        f"signups acknowledged: {len(signed_up)}; publishes acknowledged: {len(published)} of {len(drafts)}"
    )

    problems = [*failures]
    if readers["errors"]:
        problems.append(f"{readers['errors']} reader requests failed")
    with sqlite3.connect(database) as connection:
        stored = {email for (email,) in connection.execute("SELECT email FROM newsletter_subscriber")}
        live = {str(pk) for (pk,) in connection.execute("SELECT id FROM wagtailcore_page WHERE live")}
    problems += [f"signup {email} acknowledged but not stored" for email in signed_up if email not in stored]
    problems += [
        f"publish of page {pk} acknowledged but the page is not live" for pk in published if pk not in live
    ]
    for number, pk in enumerate(drafts):
        if pk in published and fetch_status(url, f"/blog/published-under-load-{number}/") != 200:
            problems.append(f"page {pk} was published but does not answer 200")
    if "database is locked" in log.read_text():
        problems.append('the server log says "database is locked"')
    return problems


def fetch_status(url: str, path: str) -> int:
    try:
        fetch(url + path)
        return 200
    except urllib.error.HTTPError as error:
        return error.code


def throughput(env: dict, folder: Path, project: Path = ROOT) -> dict:
    results = {}
    with serving("serve", {**env, "PAGE_CACHE_SECONDS": "0"}, free_port(), project=project) as url:
        warm(url, [SEED_POST])
        results["rendered"] = wrk(url, [SEED_POST], folder)
    if project == ROOT:
        with serving("serve", {**env, "PAGE_CACHE_SECONDS": "600"}, free_port()) as url:
            warm(url, [SEED_POST])
            results["cached"] = wrk(url, [SEED_POST], folder)
    return results


@contextlib.contextmanager
def baseline_code(commit: str | None):
    """``commit``'s code with a virtualenv of its own, which its `make serve` needs."""
    with git_worktree(commit) as path:
        if path:
            subprocess.run(["/usr/bin/make", "--no-print-directory", "install"], cwd=path, check=True)  # noqa: S603
        yield path


def main() -> int:
    started = time.monotonic()
    problems = []
    with demo_database("sqlite") as database_url, tempfile.TemporaryDirectory() as folder_name:
        folder = Path(folder_name)
        database = Path(database_url.removeprefix("sqlite:///"))
        env = app_env(
            database_url,
            "",
            "",
            CACHE_DIR=str(folder / "cache"),
            DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
            DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost",
            RATELIMIT_IP_META_KEY="HTTP_X_REAL_IP",
            LOG_LEVEL="WARNING",
        )
        drafts = shell(
            env, MAKE_EDITOR_AND_DRAFTS.format(username=EDITOR[0], password=EDITOR[1], drafts=DRAFTS)
        )
        print(f"One machine: SQLite, file cache, 2 gunicorn workers; {SECONDS} s per run", flush=True)

        log = folder / "serve.log"
        with serving("serve", env, free_port(), log=log) as url:
            problems += mixed_load(url, database, drafts, folder, log)

        results = throughput(env, folder)
        report("gunicorn, rendered: post", results["rendered"])
        report("gunicorn, file cache warm: post", results["cached"])
        gain = results["cached"]["rps"] / results["rendered"]["rps"]
        print(f"file cache / rendered, post: {gain:.1f}x (target at least 20x)")
        if gain < 20:
            problems.append(f"the file cache serves the post only {gain:.1f} times as fast as rendering it")
        with baseline_code(os.environ.get("LOAD_BASELINE")) as baseline:
            if baseline:
                before = throughput(env, folder, project=baseline)["rendered"]
                report(f"gunicorn, rendered, {os.environ['LOAD_BASELINE']}: post", before)
                speedup = results["rendered"]["rps"] / before["rps"]
                print(
                    f"rendered post against {os.environ['LOAD_BASELINE']}: {speedup:.2f}x (target at least 2x)"
                )
                if speedup < 2:
                    problems.append(f"the rendered post is only {speedup:.2f} times as fast as before")

    return verdict(problems, started)


if __name__ == "__main__":
    sys.exit(main())
