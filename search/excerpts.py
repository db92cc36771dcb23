"""Excerpts of a post around the words a reader searched for, with those words marked."""

import re

from django.utils.html import escape, strip_tags
from django.utils.safestring import SafeString, mark_safe

EXCERPT_LENGTH = 240
# The parts of body blocks that hold prose (see blog.blocks); everything else is settings or links.
PROSE_KEYS = {"text", "quote", "attribution", "caption", "note", "authors", "title", "venue"}


def body_text(raw_body) -> str:
    """The prose of a post body from its stored data, without loading images or pages."""
    parts = []

    def collect(value, key=None):
        if isinstance(value, str):
            if key is None or key in PROSE_KEYS:
                parts.append(strip_tags(value))
        elif isinstance(value, dict):
            if "type" in value and "value" in value:  # a stream or list child
                collect(value["value"])
            else:
                for child_key, child in value.items():
                    collect(child, child_key)
        elif isinstance(value, list):
            for child in value:
                collect(child, key)

    collect(list(raw_body))
    return " ".join(" ".join(parts).split())


def excerpt(text: str, terms: list[str], length: int = EXCERPT_LENGTH) -> SafeString:
    """About ``length`` characters of ``text`` around the first search term, terms in <mark>.

    ``terms`` come from a cleaned query (search.views.clean_query), which holds no
    characters that HTML escaping changes, so they match the escaped snippet as typed.
    """
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
    snippet = escape(text[start:end])
    if pattern:
        snippet = pattern.sub(r"<mark>\1</mark>", snippet)
    prefix = "…" if start else ""
    suffix = "…" if end < len(text) else ""
    return mark_safe(f"{prefix}{snippet}{suffix}")  # noqa: S308 - the text is escaped above
