"""The worker that sends newsletters: `make worker`, or under a process supervisor in production.

It first takes up what a stopped worker left (newsletter/sending.py ``resume``), then works
through the newsletter queue: django-tasks-db's db_worker, or RQ's worker when the queue is in
Redis (NEWSLETTER_QUEUE_URL, mysite/settings/base.py). Run one per site.
"""

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django_tasks import task_backends
from django_tasks_rq import RQBackend

from newsletter import sending


class Command(BaseCommand):
    help = "Send queued newsletters (one worker per site); --batch stops once nothing is left to do now."

    def add_arguments(self, parser):
        parser.add_argument("--batch", action="store_true", help="Stop when no task is due.")
        parser.add_argument(
            "--interval", type=float, default=1, help="Seconds between looks at an empty queue."
        )

    def handle(self, *args, batch=False, interval=1, **options):
        resumed = sending.resume()
        if resumed:
            self.stdout.write(f"Taking up {resumed} newsletter(s) that were sending.")
        backend = task_backends["newsletter"]
        if isinstance(backend, RQBackend):
            # RQ's scheduler, in the worker, queues the runs that wait for their time.
            worker = ["rqworker", *backend.queues, "--job-class", "django_tasks_rq.backend.Job"]
            worker += ["--with-scheduler", *(["--burst"] if batch else [])]
        else:
            worker = ["db_worker", "--backend", "newsletter", "--queue-name", "*"]
            worker += ["--interval", str(interval), "--no-reload", "--no-startup-delay"]
            worker += ["--batch"] if batch else []
        call_command(*worker, verbosity=options["verbosity"])
