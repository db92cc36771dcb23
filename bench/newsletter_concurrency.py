"""Concurrent newsletter signups over HTTP, then a count of the rows they made.

Posts N signups with distinct addresses and M signups of one address, each batch from many
clients that start at the same moment, and checks that the database holds exactly N + 1 rows
for them. Run it against PostgreSQL (SQLite takes one writer at a time and cannot race):

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/mysite .venv/bin/python bench/newsletter_concurrency.py

By default it serves the site itself, on Django's threaded WSGI server (a thread and a database
connection per request) with the signup rate limit lifted. With --url it posts to a site that is
already running instead; that site must lift NEWSLETTER_SIGNUP_RATE and share DATABASE_URL with
this script, which counts the rows. The rows it made are deleted afterwards unless --keep.
Results go to bench-results/ (git-ignored).
"""

import argparse
import datetime
import http.client
import json
import os
import sys
import threading
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mysite.settings.dev")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.servers.basehttp import ThreadedWSGIServer, WSGIRequestHandler  # noqa: E402
from django.core.wsgi import get_wsgi_application  # noqa: E402
from django.db import connection  # noqa: E402
from django.utils.crypto import get_random_string  # noqa: E402

from newsletter.models import Subscriber  # noqa: E402


class QuietHandler(WSGIRequestHandler):
    def log_message(self, *args):
        pass


class Server(ThreadedWSGIServer):
    request_queue_size = 1024  # as a production server queues; Django's default of 10 resets the rest


def serve() -> tuple[str, Server]:
    settings.NEWSLETTER_SIGNUP_RATE = "1000000/m"
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.ALLOWED_HOSTS = ["127.0.0.1"]
    server = Server(("127.0.0.1", 0), QuietHandler)
    server.set_app(get_wsgi_application())
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}", server


def post_concurrently(base_url: str, forms: list[dict], threads: int) -> tuple[list, float]:
    url = urllib.parse.urlsplit(base_url)
    connection_class = http.client.HTTPSConnection if url.scheme == "https" else http.client.HTTPConnection
    csrf = get_random_string(32)  # a CSRF cookie and the matching token, as a browser holds them
    start = threading.Barrier(threads)
    statuses = [None] * len(forms)

    def client(offset: int):
        start.wait()
        for index in range(offset, len(forms), threads):
            body = urllib.parse.urlencode({**forms[index], "next": "/", "csrfmiddlewaretoken": csrf})
            conn = connection_class(url.hostname, url.port, timeout=120)
            try:
                conn.request(
                    "POST",
                    "/newsletter/subscribe/",
                    body,
                    {
                        "Content-Type": "application/x-www-form-urlencoded",
                        "Cookie": f"csrftoken={csrf}",
                        "Referer": f"{base_url}/",
                    },
                )
                statuses[index] = conn.getresponse().status
            except OSError as error:
                statuses[index] = type(error).__name__
            finally:
                conn.close()

    workers = [threading.Thread(target=client, args=(offset,)) for offset in range(threads)]
    began = time.perf_counter()
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    return statuses, time.perf_counter() - began


def tally(statuses: list) -> dict:
    return {str(status): statuses.count(status) for status in sorted(set(statuses), key=str)}


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--url", help="a running site, e.g. http://127.0.0.1:8000 (default: serve it here)")
    parser.add_argument("--distinct", type=int, default=100)
    parser.add_argument("--same", type=int, default=20)
    parser.add_argument(
        "--threads", type=int, default=50, help="clients at once (each holds a DB connection)"
    )
    parser.add_argument("--keep", action="store_true", help="keep the rows made")
    options = parser.parse_args()

    run = get_random_string(8).lower()
    base_url, server = (options.url.rstrip("/"), None) if options.url else serve()
    person = {"first_name": "Bench", "prefix": "", "surname": "Run", "organisation": "bench"}
    distinct = [{**person, "email": f"bench-{run}-{n}@example.com"} for n in range(options.distinct)]
    same = [
        {**person, "first_name": f"Try {n}", "email": f"Bench-{run}-same@Example.com"}
        for n in range(options.same)
    ]

    distinct_statuses, distinct_seconds = post_concurrently(
        base_url, distinct, min(options.threads, len(distinct))
    )
    same_statuses, same_seconds = post_concurrently(base_url, same, min(options.threads, len(same)))
    rows = Subscriber.objects.filter(email__startswith=f"bench-{run}-")
    result = {
        "when": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "database": connection.vendor,
        "site": options.url or "served by this script (Django's threaded WSGI server)",
        "distinct": {
            "posted": len(distinct),
            "clients": min(options.threads, len(distinct)),
            "responses": tally(distinct_statuses),
            "rows": rows.exclude(email__endswith="-same@example.com").count(),
            "seconds": round(distinct_seconds, 2),
        },
        "same_address": {
            "posted": len(same),
            "clients": min(options.threads, len(same)),
            "responses": tally(same_statuses),
            "rows": rows.filter(email__endswith="-same@example.com").count(),
            "seconds": round(same_seconds, 2),
        },
    }
    if not options.keep:
        rows.delete()
    if server:
        server.shutdown()

    print(json.dumps(result, indent=2))
    out = ROOT / "bench-results"
    out.mkdir(exist_ok=True)
    (out / f"newsletter-concurrency-{run}.json").write_text(json.dumps(result, indent=2) + "\n")
    ok = result["distinct"]["rows"] == len(distinct) and result["same_address"]["rows"] == 1
    ok = ok and set(distinct_statuses + same_statuses) == {302}
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
