"""``manage.py import_posts``: bring saved pages of the old site over as blog posts.

The reading and writing live in ``blog.importer``; this command finds the files, imports
each one in its own transaction and reports on every file as it goes.
"""

import time
from collections import Counter
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from blog.importer import Refused, import_file
from blog.models import BlogIndexPage

HTML_SUFFIXES = {".html", ".htm"}
VERBS = {
    False: {"created": "created", "updated": "updated", "skipped": "skipped", "refused": "refused"},
    True: {"created": "would create", "updated": "would update", "skipped": "skipped", "refused": "refused"},
}


class Command(BaseCommand):
    help = (
        "Import saved HTML pages of the old blog as blog posts. A folder means every .html file in it. "
        "Prints one line per file and totals; exits with status 1 when any file was refused."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="FILE_OR_FOLDER")
        parser.add_argument(
            "--dry-run", action="store_true", help="Read and check every file, but save nothing."
        )
        parser.add_argument(
            "--parent",
            type=int,
            metavar="PAGE_ID",
            help="The blog index to import under (default: the site's only blog index).",
        )
        publishing = parser.add_mutually_exclusive_group()
        publishing.add_argument(
            "--publish",
            dest="publish",
            action="store_true",
            default=True,
            help="Publish the posts (the default). A page without a date is kept as a draft.",
        )
        publishing.add_argument(
            "--draft", dest="publish", action="store_false", help="Save the posts as drafts."
        )

    def handle(self, *args, paths, dry_run, parent, publish, **options):
        index = self.blog_index(parent)
        jobs = list(html_files(paths))
        mode = "dry run, nothing is saved" if dry_run else "publishing" if publish else "as drafts"
        self.stdout.write(f'Importing {len(jobs)} file(s) under "{index.title}" ({mode}).')
        verbs = VERBS[dry_run]
        counts = Counter()
        started = time.monotonic()
        for number, (path, root, problem) in enumerate(jobs, 1):
            notes = []
            try:
                if problem:
                    raise Refused(problem)
                outcome = import_file(path, parent=index, publish=publish, dry_run=dry_run, root=root)
            except Refused as refusal:
                action, detail = "refused", str(refusal)
            except Exception as error:
                # One broken page must not stop a run over hundreds; --traceback shows the details.
                if options.get("traceback"):
                    raise
                action = "refused"
                detail = (
                    f"unexpected error ({type(error).__name__}: {error}); run with --traceback to see where"
                )
            else:
                action, notes = outcome.action, outcome.notes
                detail = f"“{outcome.title}” → {outcome.url}"
            counts[action] += 1
            style = self.style.ERROR if action == "refused" else self.style.SUCCESS
            self.stdout.write(f"[{number}/{len(jobs)}] {style(verbs[action])} {path}: {detail}")
            for note in notes:
                self.stdout.write(f"    - {note}")
            self.stdout.flush()
        totals = ", ".join(f"{counts[action]} {verbs[action]}" for action in verbs)
        self.stdout.write(f"{len(jobs)} file(s): {totals} ({time.monotonic() - started:.1f} s).")
        if dry_run:
            self.stdout.write("Dry run: nothing was saved.")
        if counts["refused"]:
            raise CommandError(f"{counts['refused']} of {len(jobs)} file(s) refused.", returncode=1)

    def blog_index(self, page_id: int | None) -> BlogIndexPage:
        if page_id is not None:
            index = BlogIndexPage.objects.filter(pk=page_id).first()
            if index is None:
                raise CommandError(f"Page {page_id} is not a blog index: posts can only go under one.")
            return index
        indexes = list(BlogIndexPage.objects.order_by("path"))
        if not indexes:
            raise CommandError("There is no blog index to import under: create one first.")
        if len(indexes) > 1:
            ids = ", ".join(str(index.pk) for index in indexes)
            raise CommandError(f"There are several blog indexes (ids {ids}): choose one with --parent.")
        return indexes[0]


def html_files(paths: list[str]):
    """(file, folder its images may come from, problem) for each file to import, in order."""
    for name in paths:
        path = Path(name)
        if path.is_dir():
            files = sorted(p for p in path.iterdir() if p.is_file() and p.suffix.lower() in HTML_SUFFIXES)
            if not files:
                yield path, path, "no .html files in this folder"
            for file in files:
                yield file, path, None
        elif path.is_file():
            yield path, path.parent, None
        else:
            yield path, path, "no such file or folder"
