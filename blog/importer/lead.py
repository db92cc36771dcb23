"""The lead and the editor's note: an element marked as one by its class, else the italic or first
paragraph the text opens with, else the page's description.
"""

import re
from itertools import takewhile

from bs4 import Tag
from bs4.element import PreformattedString

from .elements import BLOCK_TAGS, SECTION_TAG, _clip, _has_class, _in_chrome, _plain
from .limits import LEAD_MAX

# What a lead or an editor's note never holds; and what, before any paragraph, means the text
# does not open with one.
NOT_IN_A_LEAD = ["h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "table", "figure", "blockquote"]


OPENS_OTHERWISE = frozenset({*NOT_IN_A_LEAD, "img", "iframe", "pre", "hr", SECTION_TAG})


LEAD_CLASS = re.compile(r"(?:^|[-_])(?:lead|intro|introduction|standfirst|excerpt|summary|dek)$")


NOTE_CLASS = re.compile(r"(?:^|[-_])(?:editors?-?note|disclaimer)$")


TRUNCATED = re.compile(r"(?:…|\.\.\.|\[…\]|\[\.\.\.\])$")


def _explicit(article: Tag, pattern: re.Pattern, limit: int) -> Tag | None:
    """An element the page marks as its lead (or editor's note) by class name."""
    for tag in article.find_all(["p", "div", "section", "aside", "span"]):
        if (
            _has_class(tag, pattern)
            # Its class says what it is, even on an <aside>; only what holds it can make it chrome.
            and not _in_chrome(tag.parent, article)
            and tag.find(NOT_IN_A_LEAD) is None
            and 0 < len(_plain(tag)) <= limit
        ):
            return tag
    return None


def _first_paragraph(content: Tag) -> Tag | None:
    """The <p> the text starts with; None when it starts with something else (a heading, an image…)."""
    for node in content.descendants:
        if isinstance(node, Tag):
            if node.name in OPENS_OTHERWISE:
                return None
            continue
        if isinstance(node, PreformattedString) or not node.strip():
            continue
        holder = node.parent
        while holder is not content and holder.name not in BLOCK_TAGS:
            holder = holder.parent
        return holder if holder.name == "p" else None
    return None


def _is_italic(paragraph: Tag) -> bool:
    if "font-style:italic" in (paragraph.get("style") or "").replace(" ", ""):
        return True
    texts = [
        s for s in paragraph.find_all(string=True) if not isinstance(s, PreformattedString) and s.strip()
    ]
    return bool(texts) and all(
        any(parent.name in ("i", "em") for parent in takewhile(lambda p: p is not paragraph, text.parents))
        for text in texts
    )


def _opening(text: str, limit: int) -> str:
    """The first sentences of ``text`` that fit in ``limit`` characters."""
    opening = ""
    for sentence in re.split(r"(?<=[.!?])\s+", text):
        if len(opening) + len(sentence) + 1 > limit:
            break
        opening = f"{opening} {sentence}".strip()
    return opening or _clip(text, limit)


def _fallback_lead(content: Tag, descriptions: list[str], notes: list[str]) -> str:
    """A lead for a page that marks none: its first paragraph, else its description."""
    first = _first_paragraph(content)
    text = _plain(first) if first is not None else ""
    if text and len(text) <= LEAD_MAX and first.find(["a", "img"]) is None:
        first.extract()
        return text
    description = next((d for d in descriptions if len(d) <= LEAD_MAX and not TRUNCATED.search(d)), "")
    if description:
        notes.append("the lead is the page's description")
        return description
    if text:
        notes.append("the lead is the opening of the first paragraph, which stays in the body")
        return _opening(text, LEAD_MAX)
    return ""
