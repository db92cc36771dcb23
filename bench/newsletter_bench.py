"""`make bench-newsletter`: an issue sent to 10,000 confirmed subscribers through a real SMTP
server (aiosmtpd, in this process), the worker killed twice at random and started again, while
readers read the seed post.

A throwaway SQLite site with the demo content; the worker and `make serve` run the production
settings (NEWSLETTER_SEND_RATE unlimited: this measures what the machine can send). Exits 1
unless every subscriber got the mail (counted at the SMTP server), the mailing ended "sent",
the post's median answer time during the send stayed within 1.5× of idle, and no one got it
twice. A worker killed at any moment must not send a mail again: a delivery is recorded just
before the final dot of its DATA (newsletter/sending.py). NEWSLETTER_BENCH_SIGNAL=TERM sends
SIGTERM (a supervisor's restart) instead of SIGKILL. With NEWSLETTER_QUEUE_URL (a Redis database
of its own) the queue is RQ's instead of the database's.
NEWSLETTER_BENCH_SUBSCRIBERS changes the 10,000. About three minutes.
"""

import os
import random
import secrets
import signal
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections import Counter

from load_services import PYTHON, ROOT, SEED_POST, app_env, demo_database, free_port, serving, shell, verdict

sys.path.insert(0, str(ROOT))
from tests.newsletter.smtp import SMTPServer  # noqa: E402 - the tests' SMTP server

SUBSCRIBERS = int(os.environ.get("NEWSLETTER_BENCH_SUBSCRIBERS", "10000"))
KILLS = 2
SIGNAL = getattr(signal, "SIG" + os.environ.get("NEWSLETTER_BENCH_SIGNAL", "KILL"))

MAKE_ISSUE = """
from blog.models import BlogPage
from newsletter.campaigns import SiteCampaignBackend
from newsletter.models import FeaturedPost, NewsletterIndexPage, NewsletterIssuePage, Subscriber
from wagtail_newsletter.models import NewsletterRecipients
Subscriber.objects.bulk_create(
    [Subscriber(first_name="Reader", surname=str(n), email=f"reader{{n}}@example.org", status="confirmed")
     for n in range({subscribers})],
    batch_size=1000,
)
issue = NewsletterIssuePage(
    title="The bench issue", slug="bench", intro="<p>Four posts.</p>", live=False,
    newsletter_recipients=NewsletterRecipients.objects.get(audience="confirmed"),
)
issue.featured_posts = [FeaturedPost(post=post) for post in BlogPage.objects.live()[:4]]
NewsletterIndexPage.objects.get().add_child(instance=issue)
issue.save_revision()
backend = SiteCampaignBackend()
campaign = backend.save_campaign(
    campaign_id="", recipients=issue.newsletter_recipients, subject=issue.get_newsletter_subject(),
    html=issue.get_newsletter_html(), from_name=issue.get_newsletter_from_name(), reply_to="",
)
issue.newsletter_campaign = campaign
issue.save(update_fields=["newsletter_campaign"])
print(campaign)
"""
SEND = (
    "from newsletter.campaigns import SiteCampaignBackend; SiteCampaignBackend().send_campaign('{campaign}')"
)


def read_times(url: str, stop: threading.Event | None = None, count: int = 40) -> list[float]:
    """Answer times (ms) of the seed post: ``count`` of them, or until ``stop`` is set."""
    times = []
    while (stop is None and len(times) < count) or (stop is not None and not stop.is_set()):
        started = time.perf_counter()
        with urllib.request.urlopen(url + SEED_POST, timeout=30) as response:  # noqa: S310 - local server
            response.read()
        times.append((time.perf_counter() - started) * 1000)
        time.sleep(0.05)
    return times


def mailing_status(database: str, campaign: str) -> str:
    with sqlite3.connect(database) as connection:
        return connection.execute(
            "SELECT status FROM newsletter_mailing WHERE id = ?", (campaign,)
        ).fetchone()[0]


def main() -> int:
    started = time.monotonic()
    failures = []
    smtp = SMTPServer()
    smtp.up()
    with demo_database("sqlite") as database_url, tempfile.TemporaryDirectory() as folder:
        env = app_env(
            database_url,
            "",
            "",
            CACHE_DIR=f"{folder}/cache",
            DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
            DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost",
            EMAIL_PORT=str(smtp.port),
            EMAIL_USE_TLS="false",
            NEWSLETTER_SEND_RATE="1000000000",
        )
        worker_env = {**env, "DJANGO_SETTINGS_MODULE": "mysite.settings.production"}
        database = database_url.removeprefix("sqlite:///")
        campaign = shell(env, MAKE_ISSUE.format(subscribers=SUBSCRIBERS))[-1]
        print(f"{SUBSCRIBERS} confirmed subscribers; sending mailing {campaign}")

        with serving("serve", env, free_port()) as url:
            idle = statistics.median(read_times(url))
            shell(env, SEND.format(campaign=campaign))
            sending_started = time.monotonic()

            def start_worker():
                return subprocess.Popen(  # noqa: S603 (our own command)
                    [PYTHON, "manage.py", "newsletter_worker", "--verbosity", "0"],
                    cwd=ROOT,
                    env=worker_env,
                    start_new_session=True,
                )

            stop_reading = threading.Event()
            during = []
            reader = threading.Thread(target=lambda: during.extend(read_times(url, stop_reading)))
            reader.start()
            worker = start_worker()
            kill_at = sorted(random.sample(range(SUBSCRIBERS // 10, SUBSCRIBERS * 9 // 10), KILLS))
            try:
                deadline = time.monotonic() + 1800
                while time.monotonic() < deadline:
                    if kill_at and len(smtp.messages) >= kill_at[0]:
                        time.sleep(random.uniform(0, 0.2))  # noqa: S311 - anywhere in a mail's round, not just after one
                        os.killpg(worker.pid, SIGNAL)
                        worker.wait()
                        print(
                            f"{SIGNAL.name} to the worker after {len(smtp.messages)} mails; starting it again"
                        )
                        kill_at.pop(0)
                        worker = start_worker()
                    if mailing_status(database, campaign) == "sent":
                        break
                    time.sleep(0.02)
                else:
                    failures.append("The mailing did not finish within 30 minutes.")
                elapsed = time.monotonic() - sending_started
            finally:
                stop_reading.set()
                reader.join()
                os.killpg(worker.pid, signal.SIGTERM)
                worker.wait()
    smtp.down()

    recipients = Counter(smtp.recipients())
    message_ids = Counter(str(message["Message-ID"]) for message in smtp.messages)
    addressed = {(str(message["Message-ID"]), str(message["To"])) for message in smtp.messages}
    twice = {address: n for address, n in recipients.items() if n > 1}
    print(
        f"Sent {len(smtp.messages)} mails to {len(recipients)} addresses in {elapsed:.1f} s: "
        f"{len(smtp.messages) / elapsed:.0f} mails/s, with {KILLS} kills and restarts"
    )
    print(
        f"Seed post, median answer: idle {idle:.1f} ms, during the send {statistics.median(during):.1f} ms "
        f"({len(during)} reads)"
    )
    if len(recipients) != SUBSCRIBERS:
        failures.append(f"{SUBSCRIBERS - len(recipients)} subscribers got no mail.")
    if twice:
        # A delivery sent again keeps its Message-ID; new Message-IDs would mean a second delivery.
        resent = len(message_ids) == len(recipients) == len(addressed)
        failures.append(
            f"{len(twice)} subscribers got the mail twice ({'resent' if resent else 'new Message-IDs'})."
        )
    if statistics.median(during) > 1.5 * idle:
        failures.append("The post's median answer time during the send was over 1.5× idle.")
    return verdict(failures, started)


if __name__ == "__main__":
    sys.exit(main())
