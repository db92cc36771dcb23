"""Citation markers in running text.

Editors cite a reference by typing its number in square brackets, as in "[2]".
On the page the marker becomes a link to entry 2 of the post's references list,
whose items carry the ids ``ref-1``, ``ref-2``, …; no HTML is typed by anyone.
A marker inside a link is left as it is (links cannot nest) and is not a citation.
"""

import re
from collections.abc import Iterator

from django.utils.safestring import SafeString, mark_safe

CITATION = re.compile(r"\[(\d{1,3})\]")
# Splits HTML into tags and the text between them, keeping the tags.
TAG = re.compile(r"(<[^>]*>)")
TAG_NAME = re.compile(r"</?\s*([a-zA-Z0-9]+)")


def reference_anchor(number: int) -> str:
    return f"ref-{number}"


def _parts(html: str) -> Iterator[tuple[str, bool]]:
    """The pieces of ``html`` in order, each with whether it is text that may hold citations."""
    inside_link = 0
    for part in TAG.split(str(html)):
        if part.startswith("<"):
            name = TAG_NAME.match(part)
            if name and name[1].lower() == "a":
                inside_link = max(0, inside_link + (-1 if part.startswith("</") else 1))
            yield part, False
        else:
            yield part, not inside_link


def cited_numbers(html: str) -> set[int]:
    """The reference numbers cited in ``html``."""
    return {int(n) for part, citable in _parts(html) if citable for n in CITATION.findall(part)}


def _marker_link(match: re.Match) -> str:
    number = int(match[1])
    return f'<sup class="citation"><a href="#{reference_anchor(number)}">[{number}]</a></sup>'


def link_citations(html: str) -> SafeString:
    """Turn each "[n]" citation in ``html`` into a link to reference n."""
    linked = "".join(CITATION.sub(_marker_link, part) if citable else part for part, citable in _parts(html))
    return mark_safe(linked)  # noqa: S308 - the input is sanitised rich text; only our own markup is added
