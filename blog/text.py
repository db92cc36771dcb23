"""The prose of a post body, read from its stored data."""

import html
import re
from collections.abc import Iterator

from django.utils.html import strip_tags

# The parts of body blocks that hold prose (see blog.blocks), in the order a reader reads them
# (a reference: its note, authors, title, venue); the rest are settings, links, ids.
PROSE_KEYS = ("text", "quote", "attribution", "caption", "note", "authors", "title", "venue")
READING_ORDER = {key: place for place, key in enumerate(PROSE_KEYS)}


# Where rich text passes from one block of text to the next: a paragraph, a list or list item,
# a line break. Stripping the tags alone ran them together ("<li>Noord</li><li>Oost</li>": "NoordOost").
TEXT_BLOCK_TAG = re.compile(r"</?(?:p|li|ul|ol|h[1-6]|blockquote|pre|div|br|hr)\b[^>]*>", re.IGNORECASE)


def plain_text(markup: str) -> str:
    """Text as a reader sees it: tags removed, entities such as &amp; turned back into characters."""
    return html.unescape(strip_tags(markup))


def body_text(raw_body) -> str:
    """Everything a reader reads in a post body, as one string, without loading images or pages."""
    return " ".join(" ".join(body_texts(raw_body)).split())


# Blocks that list other people's work rather than the post's own words.
REFERENCE_BLOCKS = {"references", "reading_list"}


def body_texts(raw_body, blocks: str = "all") -> Iterator[str]:
    """The prose of a post body, piece by piece in reading order (a caller can stop early).
    ``blocks``: "all", "own" (without the references and reading list) or "references" (only those)."""
    if blocks != "all":
        wanted = blocks == "references"
        raw_body = [block for block in raw_body if (block.get("type") in REFERENCE_BLOCKS) == wanted]

    def collect(value, key=None):
        if isinstance(value, str):
            if key is None or key in READING_ORDER:
                # Each paragraph or list item of rich text is a piece of its own.
                for part in TEXT_BLOCK_TAG.split(value):
                    if text := plain_text(part).strip():
                        yield text
        elif isinstance(value, dict):
            if "type" in value and "value" in value:  # a stream or list child
                yield from collect(value["value"])
            else:
                # In reading order, not as stored: PostgreSQL's JSON orders a block's keys its own way.
                for child_key, child in sorted(value.items(), key=reading_order):
                    yield from collect(child, child_key)
        elif isinstance(value, list):
            for child in value:
                yield from collect(child, key)

    yield from collect(list(raw_body))


def reading_order(item) -> int:
    """Where a block's (key, value) comes in reading: prose first, as PROSE_KEYS orders it."""
    return READING_ORDER.get(item[0], len(READING_ORDER))
