"""What the person running the import is told: why a file was refused, or what importing it did."""

from dataclasses import dataclass

from ..models import BlogPage


class Refused(Exception):
    """A file the importer will not import. The message says why, in one line."""


@dataclass
class Outcome:
    """What importing one page did."""

    action: str  # "created", "updated" or "skipped"
    title: str
    url: str
    notes: list[str]
    page: BlogPage | None  # None after a dry run
