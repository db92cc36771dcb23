"""Excerpts of a post around the words a reader searched for, with those words marked."""

import re
from collections.abc import Iterable

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

EXCERPT_LENGTH = 240


def excerpt(pieces: Iterable[str], terms: list[str], length: int = EXCERPT_LENGTH) -> SafeString:
    """About ``length`` characters of the text ``pieces`` make (a post's lead, then its body)
    around the first search term, terms in <mark>. The pieces are read only as far as that needs:
    the words of a common query are near the top, and making a long body's text takes time."""
    words = [re.escape(term) for term in terms if len(term) > 1]
    pattern = re.compile(r"\b(" + "|".join(words) + ")", re.IGNORECASE) if words else None
    parts, size, first = [], 0, None  # first: where the first term starts in the text
    for piece in pieces:
        piece = " ".join(piece.split())
        if not piece:
            continue
        at = size + 1 if parts else 0  # where the piece starts, after a space
        if first is None and pattern and (match := pattern.search(piece)):
            first = at + match.start()
        parts.append(piece)
        size = at + len(piece)
        if (first is not None or not pattern) and size > (first or 0) + length:
            break  # enough text past the first term (or the start, with no term) to cut
    text = " ".join(parts)
    start = 0
    if first and first > length // 3:
        # Begin at a word boundary a little before the first match.
        start = text.find(" ", first - length // 3) + 1
    end = min(len(text), start + length)
    if end < len(text) and (space := text.rfind(" ", start, end)) > start:
        end = space
    # Mark the terms in the plain text, escaping the pieces around them, so a term can never
    # land inside an escaped character such as &amp;.
    chunks = pattern.split(text[start:end]) if pattern else [text[start:end]]
    snippet = "".join(
        f"<mark>{escape(chunk)}</mark>" if index % 2 else escape(chunk) for index, chunk in enumerate(chunks)
    )
    prefix = "…" if start else ""
    suffix = "…" if end < len(text) else ""
    return mark_safe(f"{prefix}{snippet}{suffix}")  # noqa: S308 - the text is escaped above
