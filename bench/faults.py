"""Take the database, then Redis, away for 10 seconds each under load; report what readers saw.

`make serve` (2 workers, production settings, page cache on) reaches PostgreSQL and Redis
through small TCP proxies in this script, on a throwaway database with the demo content. The
real PostgreSQL and Redis keep running for everyone else; stopping a proxy refuses new
connections and cuts open ones, as a database restart does.

Timeline: 8 s normal, database away 10 s, 12 s normal, Redis away 10 s, 6 s normal. Meanwhile
four reader threads request, in turn, the seed post (cached), a search nobody asked before (never
cached, so it needs the database) and /healthz, and one thread signs up a new address after
another (each from an address of its own, so the rate limit does not interfere).

Checks: no 500 and no connection error; no request slower than 10 s (nothing hangs); during the
database outage uncached pages and /healthz answer 503 and the cached post 200; they answer 200
again within 10 s of the database coming back; with Redis away every page still answers 200;
and every signup that got a success answer (302) is in the database. Exits 1 otherwise.
About 2 minutes.
"""

import collections
import http.client
import itertools
import os
import re
import secrets
import sys
import tempfile
import threading
import time
from pathlib import Path

import psycopg
from load_services import (
    REDIS_DB,
    SEED_POST,
    TcpProxy,
    answers,
    app_env,
    demo_database,
    free_port,
    redis_prefix,
    require,
    serving,
)

READERS = 4
HANG_SECONDS = 10
RECOVERY_TARGET_SECONDS = 10


class Recorder:
    def __init__(self):
        self.records = []  # (started, finished, kind, status)
        self.signups = []  # (email, status)
        self.lock = threading.Lock()
        self.stop = threading.Event()

    def request(
        self, port: int, kind: str, method: str, path: str, body: str = "", headers=None
    ) -> int | str:
        started = time.monotonic()
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        try:
            connection.request(method, path, body=body or None, headers=headers or {})
            status = connection.getresponse().status
        except OSError as error:
            status = f"error: {error.__class__.__name__}"
        finally:
            connection.close()
        with self.lock:
            self.records.append((started, time.monotonic(), kind, status))
        return status


def reader(recorder: Recorder, port: int, number: int) -> None:
    for turn in itertools.count():
        if recorder.stop.is_set():
            return
        kind = ("cached post", "uncached search", "healthz")[turn % 3]
        path = {
            "cached post": SEED_POST,
            "uncached search": f"/search/?query=word{number}x{turn}",
            "healthz": "/healthz",
        }[kind]
        recorder.request(port, kind, "GET", path)


def signer(recorder: Recorder, port: int) -> None:
    for number in itertools.count(1):
        if recorder.stop.is_set():
            return
        email = f"fault-{number}@example.com"
        body = f"first_name=Fault&surname=Test&email={email}&next=/"
        headers = {
            "Content-Type": "application/x-www-form-urlencoded",
            # Read by the rate limit as the client's address (RATELIMIT_IP_META_KEY below).
            "X-Bench-Client": f"10.0.{number // 250}.{number % 250 + 1}",
        }
        status = recorder.request(port, "signup", "POST", "/newsletter/subscribe/", body, headers)
        with recorder.lock:
            recorder.signups.append((email, status))
        time.sleep(0.2)


def summarise(recorder: Recorder, phases: list[tuple[str, float, float]]) -> None:
    for name, start, end in phases:
        counts = collections.defaultdict(collections.Counter)
        slowest = 0.0
        for started, finished, kind, status in recorder.records:
            if start <= started < end:
                counts[kind][status] += 1
                slowest = max(slowest, finished - started)
        described = "; ".join(f"{kind}: {dict(statuses)}" for kind, statuses in sorted(counts.items()))
        print(f"{name:<16} slowest {slowest:5.2f} s   {described}")


def recovery_seconds(recorder: Recorder, kind: str, back: float) -> float | None:
    """From the service's return to the first request of this kind (started after it) answered 200."""
    started_after = sorted(
        (started, status) for started, _, k, status in recorder.records if k == kind and started >= back
    )
    return next((started - back for started, status in started_after if status == 200), None)


def main() -> int:
    require(answers("127.0.0.1", 5432), "PostgreSQL does not answer on 127.0.0.1:5432.")
    require(answers("127.0.0.1", 6379), "Redis does not answer on 127.0.0.1:6379.")
    failures = []
    with demo_database() as database_url, redis_prefix() as prefix:
        database_proxy, redis_proxy = TcpProxy(5432), TcpProxy(6379)
        database_proxy.start()
        redis_proxy.start()
        env = app_env(
            database_url.replace(":5432/", f":{database_proxy.port}/"),
            f"redis://127.0.0.1:{redis_proxy.port}/{REDIS_DB}",
            prefix,
            DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
            PAGE_CACHE_SECONDS="600",
            RATELIMIT_IP_META_KEY="HTTP_X_BENCH_CLIENT",
            LOG_LEVEL="WARNING",
        )
        port = free_port()
        log = Path(tempfile.gettempdir()) / f"faults-{os.getpid()}.log"
        recorder = Recorder()
        try:
            with serving("serve", env, port, log=log):
                threads = [threading.Thread(target=reader, args=(recorder, port, n)) for n in range(READERS)]
                threads.append(threading.Thread(target=signer, args=(recorder, port)))
                t0 = time.monotonic()
                for thread in threads:
                    thread.start()
                time.sleep(8)
                # Each moment is taken just before the change, so no request counted after it
                # can have been served by the state before it.
                database_down = time.monotonic()
                database_proxy.stop()
                time.sleep(10)
                database_back = time.monotonic()
                database_proxy.start()
                time.sleep(12)
                redis_down = time.monotonic()
                redis_proxy.stop()
                time.sleep(10)
                redis_back = time.monotonic()
                redis_proxy.start()
                time.sleep(6)
                recorder.stop.set()
                for thread in threads:
                    thread.join()
                end = time.monotonic()
        finally:
            database_proxy.stop()
            redis_proxy.stop()

        phases = [
            ("before", t0, database_down),
            ("database away", database_down, database_back),
            ("database back", database_back, redis_down),
            ("Redis away", redis_down, redis_back),
            ("Redis back", redis_back, end),
        ]
        summarise(recorder, phases)

        records = recorder.records
        bad = [r for r in records if r[3] == 500 or isinstance(r[3], str)]
        if bad:
            failures.append(f"{len(bad)} answers were 500 or connection errors, e.g. {bad[:3]}")
        slowest = max(finished - started for started, finished, _, _ in records)
        if slowest > HANG_SECONDS:
            failures.append(f"a request took {slowest:.1f} s")

        def statuses(kind, start, stop):
            return collections.Counter(
                s for started, _, k, s in records if k == kind and start <= started < stop
            )

        # A request that starts within a second of a change may see either side of it.
        during = (database_down + 1, database_back - 1)
        for kind in ("uncached search", "healthz"):
            seen = statuses(kind, *during)
            if set(seen) != {503}:
                failures.append(f"{kind} during the database outage: {dict(seen)} (expected only 503)")
        if set(statuses("cached post", *during)) != {200}:
            failures.append(
                f"cached post during the database outage: {dict(statuses('cached post', *during))}"
            )
        for kind in ("uncached search", "healthz"):
            recovered = recovery_seconds(recorder, kind, database_back)
            label = "never" if recovered is None else f"{recovered:.1f} s"
            print(f"{kind}: 200 again {label} after the database came back")
            if recovered is None or recovered > RECOVERY_TARGET_SECONDS:
                failures.append(f"{kind} did not recover within {RECOVERY_TARGET_SECONDS} s")
        for kind in ("cached post", "uncached search"):
            seen = statuses(kind, redis_down + 1, redis_back - 1)
            if set(seen) != {200}:
                failures.append(f"{kind} with Redis away: {dict(seen)} (expected only 200)")
        print(f"/healthz with Redis away: {dict(statuses('healthz', redis_down + 1, redis_back - 1))}")

        print(f"signups with Redis away: {dict(statuses('signup', redis_down + 1, redis_back - 1))}")
        messages = collections.Counter(
            re.sub(r"\d+", "N", line.split("] ", 1)[-1])[:120]
            for line in log.read_text().splitlines()
            if "ERROR" in line
        )
        print(f"server log errors: {dict(messages.most_common(6))}")

        succeeded = [email for email, status in recorder.signups if status == 302]
        refused = [email for email, status in recorder.signups if status != 302]
        with psycopg.connect(database_url) as connection:
            stored = {row[0] for row in connection.execute("SELECT email FROM newsletter_subscriber")}
        lost = [email for email in succeeded if email not in stored]
        print(
            f"signups: {len(succeeded)} answered 302 (success), all stored: {not lost}; "
            f"{len(refused)} answered {dict(collections.Counter(s for _, s in recorder.signups if s != 302))}"
        )
        if lost:
            failures.append(f"{len(lost)} signups answered with success are missing: {lost[:5]}")
        print(f"requests: {len(records)}, slowest {slowest:.2f} s")

    for failure in failures:
        print("FAIL:", failure, file=sys.stderr)
    print(f"FAILED (server log: {log})" if failures else "OK")
    if not failures:
        log.unlink()
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
