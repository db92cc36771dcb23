"""What every stage asks of the page's elements: their text as a reader sees it, their class names,
and whether they belong to the site around the post (its "chrome") rather than to the post.
"""

import re
from itertools import takewhile

from bs4 import NavigableString, Tag
from bs4.element import PreformattedString

HEADINGS = ["h1", "h2", "h3", "h4", "h5", "h6"]


# Elements that end a paragraph (what the HTML standard closes an open <p> for, and table parts).
BLOCK_TAGS = frozenset({
    "address", "article", "aside", "blockquote", "center", "details", "dialog", "dd", "div", "dl", "dt",
    "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
    "hgroup", "hr", "li", "main", "menu", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody",
    "thead", "tfoot", "tr", "td", "th", "ul", "legacy-section",
})  # fmt: skip


SECTION_TAG = "legacy-section"  # stands in for a references or reading list while the page is read


STATE_PREFIXES = ("has-", "is-", "no-", "with-", "show-", "hide-")


def _class_words(*names: str) -> re.Pattern:
    """A class name or id made of these words, e.g. "sidebar" in "site-sidebar" or "sidebar_left"."""
    return re.compile(rf"(?:^|[-_])(?:{'|'.join(names)})(?:$|[-_])")


CHROME_CLASS = _class_words(
    "nav", "navbar", "navigation", "menu", "breadcrumbs?", "skip-link", "sidebar", "widgets?",
    "newsletter", "subscribe", "subscription", "signup", "mailchimp", "mc4wp", "related",
    "relatedposts", "read-more", "more-link", "share", "sharing", "sharedaddy", "social",
    "comments?", "respond", "disqus", "pagination", "pager", "cookies?", "consent", "adverts?",
    "ads", "sponsored", "promo", "popup", "modal", "author-bio", "author-box", "about-author",
    "site-header", "site-footer", "masthead", "colophon",
)  # fmt: skip


META_CLASS = _class_words(
    "meta", "byline", "dateline", "posted-on", "posted-by", "entry-date", "post-date", "date",
    "published", "updated", "cat-links", "tags?-links", "post-tags", "post-categories",
    "entry-categories", "categories", "tags", "authors?", "author-name", "entry-footer",
)  # fmt: skip


EMOJI_CLASS = re.compile(r"^(?:emoji|wp-smiley)$")


CHROME_ROLES = {"navigation", "banner", "contentinfo", "complementary", "search", "dialog"}


WHITESPACE = re.compile(r"\s+")


def _norm(text: str) -> str:
    return WHITESPACE.sub(" ", text).strip()


def _key(text: str) -> str:
    """Text as compared with other text: case, spacing and closing punctuation do not count."""
    return _norm(text).casefold().rstrip(" .:!?")


def _words_of(tag: Tag) -> list[str]:
    """The tag's class names and id, leaving out state classes such as "has-sidebar"."""
    words = list(tag.get("class") or [])
    if tag.get("id"):
        words.append(tag["id"])
    return [w.lower() for w in words if not w.lower().startswith(STATE_PREFIXES)]


def _has_class(tag: Tag, pattern: re.Pattern) -> bool:
    return any(pattern.search(word) for word in _words_of(tag))


def _is_chrome(tag: Tag) -> bool:
    return (
        tag.name in ("nav", "aside", "form")
        or tag.get("role") in CHROME_ROLES
        or _has_class(tag, CHROME_CLASS)
    )


def _in_chrome(tag: Tag, within: Tag) -> bool:
    """Whether ``tag`` is, or sits in, site chrome below ``within``."""
    if tag is within:
        return False
    for node in [tag, *takewhile(lambda parent: parent is not within, tag.parents)]:
        if node.name in ("body", "html", "[document]"):
            return False
        if _is_chrome(node):
            return True
    return False


def _attached(tag: Tag, root: Tag) -> bool:
    """Whether ``tag`` is still under ``root``, or was taken out with an element that held it.

    (Removed elements are extracted, not decomposed: in bs4, asking a live tag whether it is
    ``decomposed`` searches its whole subtree.)"""
    return root in tag.parents


def _inside(tag: Tag, names: set[str] | frozenset[str]) -> bool:
    # Walking up by hand: bs4's find_parent costs far more, and this runs for every element.
    return any(parent.name in names for parent in tag.parents)


def _is_emoji(img: Tag) -> bool:
    return _has_class(img, EMOJI_CLASS)


def _lines(node: Tag) -> list[str]:
    """The text of ``node`` as a reader sees it, one string per line or block."""
    parts = []

    def collect(element):
        for child in element.children:
            if isinstance(child, PreformattedString):
                continue
            if isinstance(child, NavigableString):
                parts.append(str(child))
            elif child.name == "br":
                parts.append("\n")
            elif child.name == "img" and _is_emoji(child):
                parts.append(child.get("alt", ""))
            elif child.name in BLOCK_TAGS:
                parts.append("\n")
                collect(child)
                parts.append("\n")
            else:
                collect(child)

    collect(node)
    return [line for line in (_norm(line) for line in "".join(parts).split("\n")) if line]


def _plain(node: Tag) -> str:
    return " ".join(_lines(node))


def _clip(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    return text[: limit - 1].rsplit(" ", 1)[0].rstrip(" ,;:") + "…"
