"""Excerpts of a post around the words a reader searched for, with those words marked."""

import re

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

EXCERPT_LENGTH = 240


def excerpt(text: str, terms: list[str], length: int = EXCERPT_LENGTH) -> SafeString:
    """About ``length`` characters of ``text`` around the first search term, terms in <mark>."""
    words = [re.escape(term) for term in terms if len(term) > 1]
    pattern = re.compile(r"\b(" + "|".join(words) + ")", re.IGNORECASE) if words else None
    first = pattern.search(text) if pattern else None
    start = 0
    if first and first.start() > length // 3:
        # Begin at a word boundary a little before the first match.
        start = text.find(" ", first.start() - length // 3) + 1
    end = min(len(text), start + length)
    if end < len(text) and (space := text.rfind(" ", start, end)) > start:
        end = space
    # Mark the terms in the plain text, escaping the pieces around them, so a term can never
    # land inside an escaped character such as &amp;.
    pieces = pattern.split(text[start:end]) if pattern else [text[start:end]]
    snippet = "".join(
        f"<mark>{escape(piece)}</mark>" if index % 2 else escape(piece) for index, piece in enumerate(pieces)
    )
    prefix = "…" if start else ""
    suffix = "…" if end < len(text) else ""
    return mark_safe(f"{prefix}{snippet}{suffix}")  # noqa: S308 - the text is escaped above
