"""The newsletter's queue in Redis (RQ, through django-tasks-rq) instead of the database: the
settings change NEWSLETTER_QUEUE_URL makes (mysite/settings/base.py), tested against the Redis on
this machine (REDIS_URL's server, or 127.0.0.1:6379), with RQ's own worker behind
`manage.py newsletter_worker`."""

import os
from urllib.parse import urlsplit

import pytest
import redis
from django_rq import get_queue
from django_tasks import task_backends
from django_tasks_rq import RQBackend

from newsletter import sending
from newsletter.models import Mailing

from .conftest import emails_of, send, work

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def redis_queue(settings):
    """A Redis database of this test process's own, emptied before and after. Its number counts
    down per pytest-xdist worker from 9, or from eight below the cache's when REDIS_URL names one
    (CI's PostgreSQL pass: the cache in 15, 14; the queue in 7, 6), so that a run on SQLite and
    one on PostgreSQL at the same time (two checkouts) never share one."""
    server = urlsplit(os.environ.get("REDIS_URL") or "redis://127.0.0.1:6379")
    worker = int(os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw"))
    first = int(server.path.strip("/")) - 8 if server.path.strip("/") else 9
    url = f"redis://{server.netloc}/{(first - worker) % 16}"
    connection = redis.Redis.from_url(url)
    try:
        connection.ping()
    except redis.ConnectionError as error:
        pytest.fail(f"These tests need a Redis server at {server.netloc}: {error}")
    connection.flushdb()
    settings.RQ_QUEUES = {"default": {"URL": url}}
    settings.TASKS = {**settings.TASKS, "newsletter": {"BACKEND": "django_tasks_rq.RQBackend"}}
    assert isinstance(task_backends["newsletter"], RQBackend)
    yield connection
    connection.flushdb()


def test_every_confirmed_subscriber_gets_one_mail_through_redis(
    redis_queue, smtp, issue, subscribers, django_capture_on_commit_callbacks
):
    mailing = send(issue, django_capture_on_commit_callbacks)
    assert get_queue("default").count == 1  # the first run waits in Redis, not in the database
    assert smtp.messages == []
    work()  # RQ's worker, until the queue is empty
    assert sorted(smtp.recipients()) == emails_of(subscribers["confirmed"])
    mailing.refresh_from_db()
    assert mailing.status == Mailing.Status.SENT
    assert mailing.counts()["sent"] == 20


def test_a_stopped_worker_is_taken_up_through_redis_without_mailing_anyone_twice(
    redis_queue, smtp, issue, subscribers, django_capture_on_commit_callbacks
):
    """A worker stopped after it had claimed a batch: the run it left queued finds the mailing
    taken up by the new worker's chain and does nothing; the new chain sends the rest once."""
    mailing = send(issue, django_capture_on_commit_callbacks)
    batch = sending.claim(mailing, 5)  # and left claimed, as a killed worker leaves it
    stale_run = str(Mailing.objects.get(pk=mailing.pk).run)
    work()
    assert sorted(smtp.recipients()) == emails_of(subscribers["confirmed"])
    assert len(smtp.messages) == 20
    mailing.refresh_from_db()
    assert str(mailing.run) != stale_run
    assert mailing.status == Mailing.Status.SENT
    # The stopped worker's claim is not counted as an attempt.
    assert set(
        mailing.deliveries.filter(pk__in=[d.pk for d in batch]).values_list("attempts", flat=True)
    ) == {1}
