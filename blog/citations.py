"""Citation markers in running text.

Editors cite a reference by typing its number in square brackets, as in "[2]".
On the page the marker becomes a link to entry 2 of the post's references list,
whose items carry the ids ``ref-1``, ``ref-2``, …; no HTML is typed by anyone.
"""

import re

from django.utils.safestring import SafeString, mark_safe

CITATION = re.compile(r"\[(\d{1,3})\]")
# Splits HTML into tags and the text between them, keeping the tags.
TAG = re.compile(r"(<[^>]*>)")
TAG_NAME = re.compile(r"</?\s*([a-zA-Z0-9]+)")


def reference_anchor(number: int) -> str:
    return f"ref-{number}"


def cited_numbers(html: str) -> set[int]:
    """The reference numbers cited in the text of ``html`` (markup ignored)."""
    text = "".join(part for part in TAG.split(html) if not part.startswith("<"))
    return {int(n) for n in CITATION.findall(text)}


def link_citations(html: str) -> SafeString:
    """Turn each "[n]" in the text of ``html`` into a link to reference n.

    Markers inside an existing link are left alone, since a link cannot nest.
    """
    parts = []
    inside_link = 0
    for part in TAG.split(str(html)):
        if part.startswith("<"):
            name = TAG_NAME.match(part)
            if name and name[1].lower() == "a":
                inside_link = max(0, inside_link + (-1 if part.startswith("</") else 1))
            parts.append(part)
        elif inside_link:
            parts.append(part)
        else:
            parts.append(
                CITATION.sub(
                    lambda m: (
                        f'<sup class="citation"><a href="#{reference_anchor(int(m[1]))}">[{m[1]}]</a></sup>'
                    ),
                    part,
                )
            )
    return mark_safe("".join(parts))  # noqa: S308 - input is already-sanitised rich text; only our own markup is added
