"""Turn saved pages of the old site into blog posts.

Reading and writing are separate. ``parse_post`` reads one HTML page and returns a
``LegacyPost``: plain data, no database. ``save_post`` writes one as a BlogPage in a single
transaction. ``import_file`` does both for a file on disk; ``manage.py import_posts`` reports.

The old pages come from more than one blog engine and from hand-written HTML, so the reader
relies on the signals such pages carry (Open Graph and article meta tags, ``<article>``,
``rel`` links, the class names blog engines share) rather than on one site's markup.
"""

import base64
import binascii
import codecs
import datetime
import hashlib
import html
import io
import re
from dataclasses import dataclass, field
from itertools import groupby, takewhile
from pathlib import Path
from typing import NamedTuple
from urllib.parse import SplitResult, unquote, unquote_to_bytes, urljoin, urlsplit, urlunsplit

from bs4 import BeautifulSoup, NavigableString, ParserRejectedMarkup, Tag, UnicodeDammit
from bs4.element import PreformattedString
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.images import ImageFile
from django.core.validators import URLValidator
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from PIL import Image as PILImage
from wagtail.contrib.redirects.models import Redirect
from wagtail.embeds import embeds
from wagtail.embeds.exceptions import EmbedException
from wagtail.images import get_image_model

from .blocks import BlogStreamBlock
from .models import Author, BlogCategory, BlogPage, BlogPageAuthor

MAX_FILE_BYTES = 5 * 1024 * 1024
# Deeper than this, a page is a tangle of unclosed tags rather than a document (and would
# exhaust Python's recursion limit while being read).
MAX_DEPTH = 200


def _block_max_length(block: str, child: str) -> int:
    return BlogStreamBlock.base_blocks[block].child_blocks[child].field.max_length


# The model does not enforce max_length on text fields, so the importer does.
LEAD_MAX = BlogPage._meta.get_field("lead").max_length
NOTE_MAX = BlogPage._meta.get_field("editor_note").max_length
TITLE_MAX = BlogPage._meta.get_field("title").max_length
HEADING_MAX = _block_max_length("heading", "text")
ALT_MAX = _block_max_length("image", "alt_text")
CAPTION_MAX = _block_max_length("image", "caption")
CREDIT_MAX = _block_max_length("image", "credit")
ATTRIBUTION_MAX = _block_max_length("quote", "attribution")
SECTION_HEADING_MAX = _block_max_length("references", "heading")
ENTRY_BLOCK = BlogStreamBlock.base_blocks["references"].child_blocks["entries"].child_block
ENTRY_LIMITS = {
    name: ENTRY_BLOCK.child_blocks[name].field.max_length for name in ("authors", "title", "venue", "year")
}

HEADINGS = ["h1", "h2", "h3", "h4", "h5", "h6"]
# Elements that end a paragraph (what the HTML standard closes an open <p> for, and table parts).
BLOCK_TAGS = frozenset({
    "address", "article", "aside", "blockquote", "center", "details", "dialog", "dd", "div", "dl", "dt",
    "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
    "hgroup", "hr", "li", "main", "menu", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody",
    "thead", "tfoot", "tr", "td", "th", "ul", "legacy-section",
})  # fmt: skip
CLOSES_P = BLOCK_TAGS - {"tbody", "thead", "tfoot", "tr", "td", "th", "legacy-section"}
# Never content: read what is needed from them first, then they go.
DROPPED_TAGS = [
    "script", "style", "noscript", "template", "link", "meta", "svg", "canvas", "object", "embed",
    "button", "input", "select", "textarea", "dialog", "map", "source", "track",
]  # fmt: skip
SECTION_TAG = "legacy-section"  # stands in for a references or reading list while the page is read
# What a lead or an editor's note never holds; and what, before any paragraph, means the text
# does not open with one.
NOT_IN_A_LEAD = ["h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "table", "figure", "blockquote"]
OPENS_OTHERWISE = frozenset({*NOT_IN_A_LEAD, "img", "iframe", "pre", "hr", SECTION_TAG})
# Running text: a meta-looking class inside it ("<span class="date">") is part of the sentence.
RUNNING_TEXT = frozenset({"p", "li", "td", "th", "blockquote", "figure"})

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
AUTHOR_CLASS = _class_words("authors?", "byline", "author-name")
SCREEN_READER_CLASS = _class_words(
    "screen-reader-text", "sr-only", "visually-hidden", "visuallyhidden", "screen-reader-only"
)
LEAD_CLASS = re.compile(r"(?:^|[-_])(?:lead|intro|introduction|standfirst|excerpt|summary|dek)$")
NOTE_CLASS = re.compile(r"(?:^|[-_])(?:editors?-?note|disclaimer)$")
CONTENT_CLASS = re.compile(
    r"^(?:[\w-]*[-_])?(?:entry|post|article|blog|story|single)[-_]{1,2}(?:content|body)$|^e-content$"
)
FOOTNOTES_CLASS = re.compile(r"^(?:footnotes?|endnotes)$")
CREDIT_CLASS = re.compile(r"credit|copyright")
ATTRIBUTION_CLASS = re.compile(r"attribution|quote-author|source")
EMOJI_CLASS = re.compile(r"^(?:emoji|wp-smiley)$")
WP_CAPTION_CLASS = re.compile(r"^wp-caption$")
WP_CAPTION_TEXT_CLASS = re.compile(r"^wp-caption-text$")
BACKLINK_CLASS = re.compile(r"backref|reversefootnote|backlink")
CHROME_ROLES = {"navigation", "banner", "contentinfo", "complementary", "search", "dialog"}
PUBLISHED_TIME = re.compile(r"published|entry-date|post-date")
UPDATED_TIME = re.compile(r"updated|modified")

CHROME_HEADING = re.compile(
    r"^(?:read more|related(?: posts| articles| stories)?|more (?:posts|stories|articles|from .{1,60})"
    r"|you (?:may|might) also like|recent posts|popular posts|latest (?:posts|news)"
    r"|share(?: this(?: post| article| page)?)?(?: on .{1,30})?|follow us|leave a (?:reply|comment)"
    r"|comments|\d+ (?:comments?|responses?|replies)|one (?:comment|response|reply)|post navigation"
    r"|about the author|(?:stay in the loop|subscribe|sign up|newsletter)\b.*|lees (?:ook|meer)|meer lezen)$",
    re.IGNORECASE,
)
REFERENCES_HEADING = re.compile(
    r"^(?:references?|notes|footnotes|endnotes|sources|bibliography|citations|bronnen|referenties|noten|voetnoten)$",
    re.IGNORECASE,
)
READING_LIST_HEADING = re.compile(
    r"^(?:reading list|further reading|suggested reading|recommended reading|read further|leeslijst|verder lezen)$",
    re.IGNORECASE,
)
NAV_LINK = re.compile(
    r"^(?:[«‹←<]+\s*)?(?:previous|next|older|newer|prev)(?: (?:post|entry|article|story|page))?s?(?:\s*[»›→>]+)?$"
    r"|^[«‹←<]*\s*(?:back|return|terug) (?:to|naar)\b.{0,40}$"
    r"|^(?:read more|continue reading|lees meer|verder lezen)\b.{0,80}$",
    re.IGNORECASE,
)
BACKLINK_TEXT = {"", "↩", "↩︎", "^", "↑", "⤴", "back", "return"}
COPYRIGHT = re.compile(r"^(?:©|\(c\)\s*\d|copyright\b)", re.IGNORECASE)
CATEGORY_HREF = re.compile(
    r"/(?:category|categories|tags?|topics?|onderwerpen|onderwerp|section)/", re.IGNORECASE
)
TITLE_SEPARATOR = re.compile(r"\s+(?:[|–—·»:-]{1,2})\s+")
DASH_START = re.compile(r"^\s*[—–―-]+\s*")
WHITESPACE = re.compile(r"\s+")
SCRIPTS_AND_COMMENTS = re.compile(r"<script\b.*?</script\s*>|<!--.*?-->", re.IGNORECASE | re.DOTALL)
# Browsers ignore these anywhere in a URL, which "java\tscript:" relies on, and control
# characters and spaces at either end.
URL_IGNORED = re.compile(r"[\t\n\r]|^[\x00-\x20]+|[\x00-\x20]+$")
SAFE_SCHEMES = {"", "http", "https", "mailto", "tel"}

MONTHS = {
    "january": 1, "jan": 1, "januari": 1, "february": 2, "feb": 2, "februari": 2, "march": 3,
    "mar": 3, "maart": 3, "mrt": 3, "april": 4, "apr": 4, "may": 5, "mei": 5, "june": 6, "jun": 6,
    "juni": 6, "july": 7, "jul": 7, "juli": 7, "august": 8, "aug": 8, "augustus": 8, "september": 9,
    "sep": 9, "sept": 9, "october": 10, "oct": 10, "oktober": 10, "okt": 10, "november": 11,
    "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip
MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
ISO_DATE = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")
DAY_MONTH_YEAR = re.compile(
    rf"\b(\d{{1,2}})(?:st|nd|rd|th|e)?\.?\s+({MONTH})\.?,?\s+(\d{{4}})\b", re.IGNORECASE
)
MONTH_DAY_YEAR = re.compile(rf"\b({MONTH})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b", re.IGNORECASE)
# When a work was published, as references write it: "2018", "January & September 2019".
PUBLISHED = rf"(?:(?:\d{{1,2}}\s+)?(?:{MONTH}|spring|summer|autumn|fall|winter)\.?\s*(?:(?:&|and|en|–|-|/)\s*)?)*\d{{4}}[a-z]?"
ENDS_WITH_DATE = re.compile(rf"^(.*?)[\s,.]*\(?({PUBLISHED})\)?$", re.IGNORECASE | re.DOTALL)
QUOTED_TITLE = re.compile(r"""(?:(?<=[\s(])|^)["“‘'«](?P<title>[^"“”‘’«»]{4,}?)["”’'»](?=[\s.,;:)]|$)""")
CREDIT_TEXT = re.compile(
    r"(?:^|(?<=[.!?)])\s+|\s+[|–—-]\s+)(?P<credit>(?:photo|foto|image|picture|illustration|credit|beeld)s?"
    r"\s*(?:credit)?\s*:\s*.+|©\s*.+)$",
    re.IGNORECASE,
)
TRUNCATED = re.compile(r"(?:…|\.\.\.|\[…\]|\[\.\.\.\])$")

# Iframes worth keeping, as the address of the page Wagtail's embed finders know.
EMBED_PATTERNS = [
    (re.compile(r"^(?:www\.)?youtube(?:-nocookie)?\.com$"), re.compile(r"^/embed/([\w-]+)"), "https://www.youtube.com/watch?v={}"),
    (re.compile(r"^player\.vimeo\.com$"), re.compile(r"^/video/(\d+)"), "https://vimeo.com/{}"),
]  # fmt: skip
IMAGE_FORMATS = {"JPEG": "jpg", "PNG": "png", "GIF": "gif", "WEBP": "webp"}
DATA_URL = re.compile(
    r"^data:(?P<type>[\w/+.-]*)(?P<params>(?:;[^,;]*)*),(?P<data>.*)$", re.DOTALL | re.IGNORECASE
)


class Refused(Exception):
    """A file the importer will not import. The message says why, in one line."""


@dataclass(frozen=True)
class ImageSource:
    """Where one of the page's images is: in a data: URL, in a file saved with the page, or on the web."""

    kind: str  # "data", "local" or "remote"
    ref: str  # the data: URL, the path as the page writes it, or the absolute URL

    def __str__(self):
        return "an image in a data: URL" if self.kind == "data" else self.ref


@dataclass
class LegacyPost:
    """What a legacy page says about its post, ready to be saved as a BlogPage."""

    title: str
    slug: str
    legacy_url: str = ""
    date: datetime.date | None = None
    authors: list[str] = field(default_factory=list)
    categories: list[str] = field(default_factory=list)
    lead: str = ""
    editor_note: str = ""
    # StreamField data for BlogPage.body, except that an image block's "image" is an ImageSource.
    body: list[dict] = field(default_factory=list)
    # What the report should tell the person running the import.
    notes: list[str] = field(default_factory=list)

    @property
    def legacy_path(self) -> str:
        """The old address's path as Wagtail's redirects store it; empty when the page did not say."""
        return Redirect.normalise_path(self.legacy_url) if self.legacy_url else ""


# Reading a file ---------------------------------------------------------------------------------


def read_html(path: Path) -> str:
    """The text of an HTML file, or Refused when it is too big, binary or undecodable."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise Refused(
                f"too large: {size / 1024 / 1024:.1f} MB (the limit is {MAX_FILE_BYTES // 1024 // 1024} MB)"
            )
        data = path.read_bytes()
    except OSError as error:
        raise Refused(f"cannot read the file: {error.strerror}") from error
    if not data.strip():
        raise Refused("empty file")
    # UTF-16 text is full of NUL bytes; anything else with one is not text.
    if b"\x00" in data and not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise Refused("binary file, not HTML")
    text = UnicodeDammit(data, is_html=True).unicode_markup
    if text is None:
        raise Refused("cannot decode the file's text")
    if len(re.findall(r"[\x00-\x08\x0b\x0e-\x1f\x7f]", text)) > len(text) / 100:
        raise Refused("binary file, not HTML")
    return text


class _Soup(BeautifulSoup):
    """Python's HTML parser, closing an open <p> or <li> where a browser would.

    Left alone, the parser nests everything after an unclosed <p> inside it, and hand-written
    pages often leave every paragraph open: the tree would be wrong, and deep enough to be slow
    to read and to exhaust Python's recursion limit. As in the HTML standard, a block element
    closes an open <p> and an <li> closes an open <li>, unless a table or list stands between.
    """

    SCOPE_ENDS = {
        "p": {"html", "table", "td", "th", "caption", "button", "object", "template"},
        "li": {"html", "table", "td", "th", "caption", "button", "object", "template", "ul", "ol"},
    }

    def handle_starttag(self, name, *args, **kwargs):
        if name in CLOSES_P and self._open_in_scope("p"):
            self.handle_endtag("p")
        if name == "li" and self._open_in_scope("li"):
            self.handle_endtag("li")
        return super().handle_starttag(name, *args, **kwargs)

    def _open_in_scope(self, name: str) -> bool:
        for tag in reversed(self.tagStack):
            if tag.name == name:
                return True
            if tag.name in self.SCOPE_ENDS[name]:
                return False
        return False


def _soup(text: str) -> BeautifulSoup:
    try:
        soup = _Soup(text, "html.parser")
    except ParserRejectedMarkup as error:
        raise Refused(f"malformed HTML: {error}") from error
    if soup.find() is None:
        raise Refused("not HTML: the file has no markup")
    # A page cut short still parses; importing half a post would be worse than refusing it.
    markup = SCRIPTS_AND_COMMENTS.sub("", text)
    if re.search(r"<html[\s>]", markup, re.IGNORECASE) and not re.search(
        r"</html\s*>", markup, re.IGNORECASE
    ):
        raise Refused("malformed HTML: the page stops before </html> (cut short?)")
    for name in ("article", "main"):
        opened = len(re.findall(rf"<{name}[\s>]", markup, re.IGNORECASE))
        if opened > len(re.findall(rf"</{name}\s*>", markup, re.IGNORECASE)):
            raise Refused(f"malformed HTML: an <{name}> is never closed")
    return soup


def _check_depth(soup: BeautifulSoup) -> None:
    depths = {id(soup): 0}
    for tag in soup.find_all(True):
        depth = depths[id(tag.parent)] + 1
        if depth > MAX_DEPTH:
            raise Refused(f"malformed HTML: elements nested more than {MAX_DEPTH} deep (unclosed tags?)")
        depths[id(tag)] = depth


# Small helpers -----------------------------------------------------------------------------------


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


def _date_in(text: str) -> datetime.date | None:
    """The first date written in ``text`` ("2020-11-05", "5 November 2020", "November 5, 2020")."""
    found = []
    for pattern, order in ((ISO_DATE, "ymd"), (DAY_MONTH_YEAR, "dmy"), (MONTH_DAY_YEAR, "mdy")):
        match = pattern.search(text)
        if match:
            parts = dict(zip(order, match.groups(), strict=True))
            month = int(parts["m"]) if parts["m"].isdigit() else MONTHS[parts["m"].lower()]
            try:
                found.append((match.start(), datetime.date(int(parts["y"]), month, int(parts["d"]))))
            except ValueError:
                continue
    return min(found)[1] if found else None


def _iso_date(value: str) -> datetime.date | None:
    """The date a machine-readable timestamp starts with, as the author wrote it (no time zone shift)."""
    match = ISO_DATE.match(value.strip())
    if not match:
        return None
    try:
        return datetime.date(*map(int, match.groups()))
    except ValueError:
        return None


def _read_meta(soup: BeautifulSoup) -> dict[str, list[str]]:
    """The page's <meta> values by property, name or itemprop (lower case)."""
    values: dict[str, list[str]] = {}
    for tag in soup.find_all("meta"):
        key = (tag.get("property") or tag.get("name") or tag.get("itemprop") or "").lower()
        if key and _norm(tag.get("content") or ""):
            values.setdefault(key, []).append(_norm(tag["content"]))
    return values


def _meta(meta: dict[str, list[str]], *names: str) -> list[str]:
    return [value for name in names for value in meta.get(name, [])]


def _split_date(text: str) -> tuple[str, str]:
    """("Elsevier", "2018") from "Elsevier, 2018"; the text and "" when it ends in no date."""
    match = ENDS_WITH_DATE.match(text)
    if not match:
        return text, ""
    return match[1].strip(" ,.;:"), match[2]


def _dedupe(names: list[str]) -> list[str]:
    seen = set()
    unique = []
    for name in names:
        if name and name.casefold() not in seen:
            seen.add(name.casefold())
            unique.append(name)
    return unique


# Links -----------------------------------------------------------------------------------------


class _Links:
    """Makes the page's link and image addresses safe, and meaningful on the new site."""

    def __init__(self, base_url: str, notes: list[str]):
        parts = _split(base_url)
        absolute = parts.scheme in ("http", "https") and parts.netloc
        self.base = base_url if absolute else ""
        self.host = parts.netloc.lower() if absolute else ""
        self.notes = notes

    def _absolute(self, url: str) -> str:
        if self.base:
            try:
                return urljoin(self.base, url)
            except ValueError:  # a malformed address, such as "http://[oops"
                return ""
        return "https:" + url if url.startswith("//") else url

    def href(self, raw: str | None) -> str | None:
        """The address to link to, or None when the link should go and its text stay."""
        if raw is None:
            return None
        url = URL_IGNORED.sub("", raw)
        # In-page anchors point at ids the new page does not have.
        if not url or url.startswith("#"):
            return None
        parts = _split(self._absolute(url))
        if not parts.geturl():
            self.notes.append(f"a link with a broken address was unlinked: {raw[:80]}")
            return None
        if parts.scheme.lower() not in SAFE_SCHEMES:
            self.notes.append(f"an unsafe link was unlinked: {raw[:80]}")
            return None
        if parts.scheme.lower() in ("mailto", "tel"):
            return url
        if self.host and parts.netloc.lower() == self.host:
            # A link within the old site: as a path, it reaches the imported post through its redirect.
            return urlunsplit(("", "", parts.path or "/", parts.query, parts.fragment))
        return urlunsplit(parts)

    def image(self, raw: str) -> ImageSource:
        if raw[:5].lower() == "data:":
            return ImageSource("data", raw)
        url = URL_IGNORED.sub("", raw)
        absolute = self._absolute(url)
        parts = _split(absolute)
        if not parts.scheme:
            return ImageSource("local", url)
        if self.host and parts.netloc.lower() == self.host:
            # On the old site: saved with the page, or in a saved copy of the site.
            return ImageSource("local", url if not _split(url).netloc else parts.path)
        return ImageSource("remote", absolute)


def _split(url: str) -> SplitResult:
    """``urlsplit``, except that a malformed address ("http://[oops") reads as an empty one."""
    try:
        return urlsplit(url)
    except ValueError:
        return urlsplit("")


def _embed_url(src: str) -> str | None:
    src = src.strip()
    if src.startswith("//"):
        src = "https:" + src
    parts = _split(src)
    for host, path, url in EMBED_PATTERNS:
        match = path.match(parts.path)
        if host.match(parts.netloc.lower()) and match:
            return url.format(match[1])
    return None


# The body --------------------------------------------------------------------------------------


class _Run(NamedTuple):
    """A stretch of text with one formatting."""

    text: str  # "\n" for a line break
    bold: bool
    italic: bool
    href: str | None


def _serialise(runs: list[_Run]) -> str:
    """Runs as rich text in the form Wagtail stores it: links outermost, then <b>, then <i>."""
    pieces: list[_Run] = []
    after_space = True  # at the start, leading spaces go
    for run in runs:
        if run.text == "\n":
            if pieces and pieces[-1].text != "\n":
                pieces[-1] = pieces[-1]._replace(text=pieces[-1].text.rstrip(" "))
            pieces.append(run)
            after_space = True
            continue
        text = WHITESPACE.sub(" ", run.text)
        if after_space:
            text = text.lstrip(" ")
        if text:
            pieces.append(run._replace(text=text))
            after_space = text.endswith(" ")
    while pieces and not pieces[-1].text.strip():
        pieces.pop()
    while pieces and not pieces[0].text.strip():
        pieces.pop(0)
    if not pieces:
        return ""
    pieces[-1] = pieces[-1]._replace(text=pieces[-1].text.rstrip(" "))
    out = []
    for href, linked in groupby(pieces, key=lambda piece: piece.href):
        inner = []
        for bold, bolded in groupby(linked, key=lambda piece: piece.bold):
            parts = []
            for italic, italicised in groupby(bolded, key=lambda piece: piece.italic):
                text = "".join(html.escape(piece.text, quote=False) for piece in italicised).replace(
                    "\n", "<br/>"
                )
                parts.append(f"<i>{text}</i>" if italic else text)
            inner.append(f"<b>{''.join(parts)}</b>" if bold else "".join(parts))
        joined = "".join(inner)
        out.append(f'<a href="{html.escape(href)}">{joined}</a>' if href else joined)
    return "".join(out)


def _caption(element: Tag) -> tuple[str, str]:
    """(caption, credit) from a <figcaption>: "Students at work. Photo: CWI" has both."""
    credit_element = element.find(class_=CREDIT_CLASS) or element.find("small")
    credit = ""
    if credit_element is not None:
        credit = _plain(credit_element)
        credit_element.extract()
    caption = _plain(element)
    if not credit:
        match = CREDIT_TEXT.search(caption)
        if match:
            credit = match["credit"]
            caption = caption[: match.start()].strip()
    if len(credit) > CREDIT_MAX:
        caption, credit = f"{caption} {credit}".strip(), ""
    return caption, credit


def _address(url: str) -> str:
    return re.sub(r"^(?:https?://)?(?:www\.)?", "", url.strip().lower()).rstrip("/")


def _entry(item: Tag, position: int) -> dict | None:
    """One reference or reading list entry from an <li> or <p>; None when it has no title or URL."""
    entry = dict.fromkeys(("note", "authors", "title", "venue", "year", "url"), "")
    link = next(
        (a for a in item.find_all("a", href=True) if _split(a["href"].strip()).scheme in ("http", "https")),
        None,
    )
    link_text = _norm(link.get_text()) if link else ""
    if link is not None:
        try:
            URLValidator()(link["href"].strip())
            entry["url"] = link["href"].strip()
        except ValidationError:
            link_text = ""
    bare_link = bool(entry["url"]) and _address(link_text) in (_address(entry["url"]), "")
    text = _plain(item)
    # Old pages sometimes number their entries by hand as well: "2 Elsevier, …".
    text = re.sub(rf"^\[?{position}[\].):]?\s+", "", text)
    if bare_link and link_text:
        text = _norm(text.replace(link_text, " "))
    emphasis = item.find(["cite", "em", "i", "strong", "b"])
    title = _norm(emphasis.get_text()) if emphasis is not None else ""
    if not title or title not in text:
        quoted = QUOTED_TITLE.search(text)
        title = quoted["title"].strip() if quoted else ""
    if not title and entry["url"] and not bare_link:
        title = link_text
    if title and title in text:
        before, _, after = text.partition(title)
        entry["title"] = title
        entry["authors"], entry["year"] = _split_date(before.rstrip(" \"“‘'«").strip(" ,.;:"))
        after = after.lstrip(" \"”’'»").strip(" ,.;:")
        if entry["year"]:
            entry["venue"] = after
        else:
            entry["venue"], entry["year"] = _split_date(after)
    elif entry["url"]:
        entry["note"] = text.strip(" —–-,;:")
    elif text:
        entry["title"] = text
    else:
        return None
    if any(len(entry[name]) > limit for name, limit in ENTRY_LIMITS.items()):
        # Too long to split into fields: keep the whole text where it fits.
        if entry["url"]:
            return {**dict.fromkeys(entry, ""), "note": text, "url": entry["url"]}
        if len(text) <= ENTRY_LIMITS["title"]:
            return {**dict.fromkeys(entry, ""), "title": text}
        return None
    return entry


class _BodyReader:
    """Walks the article's content and writes StreamField blocks for the post body."""

    def __init__(self, *, links: _Links, title: str, heading_base: int, notes: list[str]):
        self.links = links
        self.title_key = _key(title)
        self.heading_base = heading_base
        self.notes = notes
        self.blocks: list[dict] = []
        self.rich: list[str] = []  # paragraphs and lists of the paragraph block being written
        self.runs: list[_Run] = []  # the paragraph being written
        self.pending: list[dict] = []  # blocks met inside a paragraph or list, placed after it
        self.nested: list[str] = []  # lists inside the list item being written
        self.in_item = 0
        self.bold = self.italic = False
        self.href: str | None = None
        self.sections: set[str] = set()

    def read(self, content: Tag) -> list[dict]:
        self.children(content)
        self.end_paragraph()
        self.flush_rich()
        return self.blocks

    # Paragraph bookkeeping

    def end_paragraph(self):
        text = _serialise(self.runs)
        self.runs = []
        if text:
            self.rich.append(f"<p>{text}</p>")
        if self.pending:
            self.flush_rich()
            self.blocks += self.pending
            self.pending = []

    def flush_rich(self):
        if self.rich:
            self.blocks.append({"type": "paragraph", "value": "".join(self.rich)})
            self.rich = []

    def add(self, block: dict):
        self.end_paragraph()
        self.flush_rich()
        self.blocks.append(block)

    def place(self, block: dict):
        """Add an image or embed met inside a paragraph or list after it, else where it is."""
        if self.in_item or any(run.text.strip() or run.text == "\n" for run in self.runs):
            self.pending.append(block)
        else:
            self.add(block)

    def text(self, text: str):
        text = WHITESPACE.sub(" ", text)
        if text:
            self.runs.append(_Run(text, self.bold, self.italic, self.href))

    def soft_break(self):
        if self.runs and self.runs[-1].text != "\n":
            self.runs.append(_Run("\n", False, False, None))

    def paragraph_of(self, text: str, *, bold=False):
        self.end_paragraph()
        self.runs.append(_Run(text, bold, False, None))
        self.end_paragraph()

    # Walking

    def children(self, tag: Tag):
        for child in list(tag.children):
            self.visit(child)

    def visit(self, node):
        if isinstance(node, PreformattedString):
            return
        if isinstance(node, NavigableString):
            self.text(str(node))
            return
        name = node.name
        if name == "br":
            self.line_break()
        elif name == "img":
            self.image(node)
        elif name in ("ul", "ol"):
            self.list(node)
        elif name == "iframe":
            self.iframe(node)
        elif name in ("video", "audio"):
            self.notes.append(f"a <{name}> element was left out")
        elif self.in_item:
            if name in BLOCK_TAGS:
                self.soft_break()
                self.children(node)
                self.soft_break()
            else:
                self.inline(node)
        elif name in HEADINGS:
            self.heading(node)
        elif name == "blockquote":
            self.quote(node)
        elif name == "figure" or _has_class(node, WP_CAPTION_CLASS):
            self.figure(node)
        elif name == "table":
            self.table(node)
        elif name == "pre":
            self.pre(node)
        elif name == "hr":
            self.end_paragraph()
        elif name == SECTION_TAG:
            self.section(node)
        elif name in BLOCK_TAGS:
            self.end_paragraph()
            self.children(node)
            self.end_paragraph()
        else:
            self.inline(node)

    def line_break(self):
        last = next((run for run in reversed(self.runs) if run.text != " "), None)
        if not self.in_item and last is not None and last.text == "\n":
            # <br><br> is how hand-written pages end a paragraph.
            while self.runs and self.runs[-1].text in (" ", "\n"):
                self.runs.pop()
            self.end_paragraph()
        else:
            self.runs.append(_Run("\n", self.bold, self.italic, self.href))

    def inline(self, tag: Tag):
        saved = self.bold, self.italic, self.href
        style = (tag.get("style") or "").replace(" ", "").lower()
        if tag.name in ("b", "strong"):
            # Google Docs wraps whole documents in <b style="font-weight:normal">.
            self.bold = not re.search(r"font-weight:(?:normal|[1-4]00)", style)
        elif tag.name in ("i", "em", "cite", "dfn"):
            self.italic = "font-style:normal" not in style
        if re.search(r"font-weight:(?:bold|[6-9]00)", style):
            self.bold = True
        if "font-style:italic" in style:
            self.italic = True
        if tag.name == "a":
            self.href = self.links.href(tag.get("href"))
        self.children(tag)
        self.bold, self.italic, self.href = saved

    # Blocks

    def heading(self, tag: Tag):
        text = _plain(tag)
        if not text or _key(text) == self.title_key:
            return
        if len(text) > HEADING_MAX:
            self.paragraph_of(text, bold=True)
            return
        level = int(tag.name[1])
        normalised = 2 if level == 1 or level <= self.heading_base else min(4, 2 + level - self.heading_base)
        self.add({"type": "heading", "value": {"text": text, "level": f"h{normalised}"}})

    def list(self, tag: Tag):
        markup = self.list_html(tag)
        if not markup:
            return
        if self.in_item:
            self.nested.append(markup)
            return
        self.end_paragraph()
        self.rich.append(markup)
        if self.pending:
            self.flush_rich()
            self.blocks += self.pending
            self.pending = []

    def list_html(self, tag: Tag) -> str:
        items = []
        for child in list(tag.children):
            if isinstance(child, NavigableString) and not child.strip():
                continue
            if isinstance(child, Tag) and child.name in ("ul", "ol") and items:
                items[-1] += self.list_html(child)  # a list nested without its <li>
                continue
            item = self.list_item(
                child.children if isinstance(child, Tag) and child.name == "li" else [child]
            )
            if item:
                items.append(item)
        if not items:
            return ""
        return f"<{tag.name}>{''.join(f'<li>{item}</li>' for item in items)}</{tag.name}>"

    def list_item(self, children) -> str:
        saved = self.runs, self.nested
        self.runs, self.nested = [], []
        self.in_item += 1
        for child in list(children):
            self.visit(child)
        self.in_item -= 1
        markup = _serialise(self.runs) + "".join(self.nested)
        self.runs, self.nested = saved
        return markup

    def quote(self, tag: Tag, attribution: str = ""):
        for source in [
            *tag.find_all(["cite", "footer"], recursive=False),
            *tag.find_all(class_=ATTRIBUTION_CLASS),
        ]:
            attribution = attribution or _plain(source)
            source.extract()
        lines = _lines(tag)
        if not attribution and len(lines) > 1 and DASH_START.match(lines[-1]):
            attribution = lines.pop()
        attribution = DASH_START.sub("", attribution).strip()
        if len(attribution) > ATTRIBUTION_MAX:
            lines.append(attribution)
            attribution = ""
        if lines:
            self.add({"type": "quote", "value": {"quote": "\n".join(lines), "attribution": attribution}})

    def figure(self, tag: Tag):
        caption_element = tag.find("figcaption") or tag.find(class_=WP_CAPTION_TEXT_CLASS)
        caption, credit = _caption(caption_element) if caption_element is not None else ("", "")
        if caption_element is not None:
            caption_element.extract()
        quote = tag.find("blockquote")
        images = [img for img in tag.find_all("img") if not _is_emoji(img)]
        frame = tag.find("iframe")
        if quote is not None:
            self.quote(quote, attribution=caption)
        elif images:
            for number, img in enumerate(images):
                self.image(img, caption if number == 0 else "", credit if number == 0 else "")
        elif frame is not None:
            self.iframe(frame, caption)
        else:
            self.end_paragraph()
            self.children(tag)
            if caption:
                self.paragraph_of(caption)
            self.end_paragraph()

    def image(self, img: Tag, caption: str = "", credit: str = ""):
        if _is_emoji(img):
            self.text(img.get("alt", ""))
            return
        if img.get("width") == "1" and img.get("height") == "1":
            return  # a tracking pixel
        src = next(
            (img[a] for a in ("data-src", "data-lazy-src", "data-original") if img.get(a)), img.get("src")
        )
        if not src or not src.strip():
            self.notes.append("an image without an address was left out")
            return
        alt = _norm(img.get("alt") or "") or caption or _norm(img.get("title") or "")
        if len(alt) > ALT_MAX:
            self.notes.append(f"an image's alt text was shortened to {ALT_MAX} characters")
        long_caption = len(caption) > CAPTION_MAX
        value = {
            "image": self.links.image(src.strip()),
            "alt_text": _clip(alt, ALT_MAX),
            "caption": "" if long_caption else caption,
            "credit": credit,
        }
        self.place({"type": "image", "value": value})
        if long_caption:
            self.place({"type": "paragraph", "value": f"<p>{html.escape(caption, quote=False)}</p>"})

    def iframe(self, tag: Tag, caption: str = ""):
        src = tag.get("src") or tag.get("data-src") or ""
        url = _embed_url(src)
        if url is None:
            host = _split(src.strip()).netloc
            self.notes.append(f"an iframe from {host or 'an unknown address'} was left out")
            return
        self.place({"type": "embed", "value": {"embed": url, "caption": _clip(caption, CAPTION_MAX)}})

    def table(self, tag: Tag):
        self.end_paragraph()
        for row in tag.find_all("tr"):
            cells = [_plain(cell) for cell in row.find_all(["td", "th"], recursive=False)]
            text = " | ".join(cell for cell in cells if cell)
            if text:
                self.paragraph_of(text)
        self.notes.append("a table was turned into one paragraph per row")

    def pre(self, tag: Tag):
        self.end_paragraph()
        for number, line in enumerate(tag.get_text().strip("\n").split("\n")):
            if number:
                self.runs.append(_Run("\n", False, False, None))
            self.runs.append(_Run(line, False, False, None))
        self.end_paragraph()

    def section(self, tag: Tag):
        kind, heading = tag["data-kind"], tag["data-heading"]
        items = [child for child in tag.children if isinstance(child, Tag)]
        entries = [_entry(item, number) for number, item in enumerate(items, 1)]
        label = "references" if kind == "references" else "reading list"
        if kind in self.sections:
            problem = f"a second {label} section was kept as an ordinary list"
        elif not entries or None in entries:
            problem = f'the {label} "{heading}" was kept as an ordinary list: an entry has no title or link'
        else:
            self.sections.add(kind)
            self.add(
                {"type": kind, "value": {"heading": _clip(heading, SECTION_HEADING_MAX), "entries": entries}}
            )
            return
        self.notes.append(problem)
        self.add({"type": "heading", "value": {"text": _clip(heading, HEADING_MAX), "level": "h2"}})
        markup = "".join(f"<li>{item}</li>" for item in (self.list_item(i.children) for i in items) if item)
        if markup:
            self.end_paragraph()
            self.rich.append(f"<ul>{markup}</ul>")


# Finding the parts of the page --------------------------------------------------------------------


def _article(soup: BeautifulSoup) -> Tag:
    """The element that holds the post: its title, meta line and text, but not the site around it."""
    body = soup.body or soup
    page_text = len(body.get_text())
    articles = [a for a in soup.find_all("article") if not _in_chrome(a, body)]
    with_title = [a for a in articles if a.find("h1")]
    if with_title:
        return with_title[0]
    if articles:
        largest = max(articles, key=lambda a: len(a.get_text()))
        # Cards for other posts are <article>s too; the post itself holds most of the page's text.
        if len(largest.get_text()) * 5 >= page_text * 2:
            return largest
    main = soup.find("main") or soup.find(attrs={"role": "main"})
    return main or body


def _content(article: Tag) -> Tag:
    """The element that holds only the text, when the page marks one (WordPress's .entry-content)."""
    found = [
        tag
        for tag in article.find_all(True)
        if (tag.get("itemprop") == "articleBody" or any(CONTENT_CLASS.search(w) for w in _words_of(tag)))
        and not _in_chrome(tag, article)
    ]
    if not found:
        return article
    content = max(found, key=lambda tag: len(tag.get_text()))
    # Footnotes that an engine puts after the text still belong to it.
    for box in article.find_all(class_=FOOTNOTES_CLASS) + article.find_all(attrs={"role": "doc-endnotes"}):
        if content not in box.parents and box not in content.parents:
            content.append(box.extract())
    return content


def _title(soup: BeautifulSoup, meta: dict, article: Tag) -> tuple[str, Tag | None]:
    """The post's title, and the <h1> that shows it on the page (which the body must not repeat)."""
    site_names = _meta(meta, "og:site_name", "application-name")
    heading = next((h for h in article.find_all("h1") if not _in_chrome(h, article) and _plain(h)), None)
    heading_text = _plain(heading) if heading is not None else ""
    og_title = next(iter(_meta(meta, "og:title")), "")
    if og_title:
        title = _without_site_name(og_title, site_names, guess=False)
    elif heading_text:
        title = heading_text
    else:
        page_title = _plain(soup.title) if soup.title else ""
        title = _without_site_name(page_title, site_names, guess=True)
    if heading is not None and title:
        shorter, longer = sorted((_key(heading_text), _key(title)), key=len)
        if shorter not in longer or len(shorter) * 2 < len(longer):
            heading = None
    return _clip(title, TITLE_MAX), heading


def _without_site_name(title: str, site_names: list[str], *, guess: bool) -> str:
    """ "Post – Site" → "Post". Without a known site name, the last part goes when ``guess`` says so
    and it is short, as site names are."""
    separators = list(TITLE_SEPARATOR.finditer(title))
    if not separators:
        return title
    first, last = separators[0], separators[-1]
    names = {_key(name) for name in site_names}
    if names:
        if _key(title[last.end() :]) in names:
            return title[: last.start()].strip()
        if _key(title[: first.start()]) in names:
            return title[first.end() :].strip()
        return title
    head, tail = title[: last.start()].strip(), title[last.end() :].strip()
    return head if guess and len(tail) <= 40 and len(tail) < len(head) else title


def _meta_lines(article: Tag, title_heading: Tag | None) -> list[Tag]:
    """The page's meta line: where it says when, by whom and in which categories."""
    lines = [
        tag
        for tag in article.find_all(True)
        if _has_class(tag, META_CLASS)
        and not _in_chrome(tag, article)
        and not any(
            _has_class(parent, META_CLASS) for parent in takewhile(lambda p: p is not article, tag.parents)
        )
    ]
    if title_heading is not None:
        # Hand-written pages put it right under (or above) the title, with no class to say so.
        for sibling in (title_heading.find_next_sibling(), title_heading.find_previous_sibling()):
            if sibling is not None and sibling.name not in HEADINGS and 0 < len(_plain(sibling)) <= 200:
                lines.append(sibling)
    return lines


def _date(meta: dict, article: Tag, meta_lines: list[Tag]) -> tuple[datetime.date | None, Tag | None]:
    """The publication date, and the untagged meta line it was found in (to be removed from the body)."""
    for value in _meta(meta, "article:published_time", "datepublished"):
        if date := _iso_date(value):
            return date, None
    times = [t for t in article.find_all("time") if not _in_chrome(t, article)]
    published = [
        t
        for t in times
        if _has_class(t, PUBLISHED_TIME) or t.get("itemprop") == "datePublished" or t.has_attr("pubdate")
    ]
    for time in published + [t for t in times if not _has_class(t, UPDATED_TIME)]:
        if date := _iso_date(time.get("datetime") or "") or _date_in(time.get_text(" ")):
            return date, None
    for line in meta_lines:
        if date := _date_in(_plain(line)):
            return date, None if _has_class(line, META_CLASS) else line
    return None, None


def _byline_names(text: str) -> list[str]:
    text = re.sub(
        r"^(?:(?:written|posted)\s+)?(?:by|door|auteurs?|authors?)\s*:?\s+", "", text, flags=re.IGNORECASE
    )
    text = re.split(
        rf"\s+(?:on|op)\s+|\s*[|·•—–]\s*|,?\s*\d{{1,2}}\s+(?:{MONTH})\b|,?\s*(?:{MONTH})\s+\d",
        text,
        flags=re.IGNORECASE,
    )[0]
    return re.split(r"\s*(?:,|;|&|\band\b|\ben\b)\s*", text)


def _authors(meta: dict, article: Tag) -> list[str]:
    found = [_plain(a) for a in article.find_all("a", rel="author") if not _in_chrome(a, article)]
    for tag in article.find_all(True):
        if (
            not _has_class(tag, AUTHOR_CLASS)
            or _in_chrome(tag, article)
            or any(
                _has_class(parent, AUTHOR_CLASS)
                for parent in takewhile(lambda p: p is not article, tag.parents)
            )
        ):
            continue
        names = tag.select('[itemprop="name"], .fn, .p-name, [class*="name"]')
        links = [
            a
            for a in tag.find_all("a", href=True)
            if "author" in (a.get("rel") or []) or "/author" in a["href"]
        ]
        found += [_plain(element) for element in names or links] or [_plain(tag)]
    if not found:
        found = _meta(meta, "author")
    names = [name.strip(" .,;:") for text in found for name in _byline_names(text)]
    return _dedupe([n for n in names if 0 < len(n) <= 100 and not re.search(r"\d|@|https?:", n)])


def _categories(meta: dict, article: Tag, meta_lines: list[Tag]) -> tuple[list[str], list[str]]:
    """The post's categories, and notes on any that cannot be kept."""
    names = _meta(meta, "article:section", "article:tag")
    names += [_plain(a) for a in article.find_all("a", rel="category") if not _in_chrome(a, article)]
    for line in meta_lines:
        names += [_plain(a) for a in line.find_all("a", href=CATEGORY_HREF)]
    max_length = BlogCategory._meta.get_field("name").max_length
    too_long = [name for name in names if len(name) > max_length]
    notes = [
        f"a category name longer than {max_length} characters was left out: {name[:40]}…" for name in too_long
    ]
    return _dedupe([name for name in names if name not in too_long]), notes


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


# Cleaning the content ----------------------------------------------------------------------------


def _prune(content: Tag, title_heading: Tag | None) -> None:
    """Remove the site's chrome from the content, and whatever comes before the title."""
    if title_heading is not None and content in title_heading.parents:
        node = title_heading
        while node is not content:
            for sibling in list(node.previous_siblings):
                sibling.extract()
            node = node.parent
        title_heading.extract()
    total = len(content.get_text())
    for tag in content.find_all(True):
        if not _is_pruned(tag) or not _attached(tag, content):
            continue
        # A class name that looks like chrome on an element holding most of the text is a false alarm.
        if len(tag.get_text()) * 2 <= total or tag.name in ("nav", "aside", "form", "header", "footer"):
            tag.extract()
    _drop_chrome_sections(content)
    _drop_navigation_links(content)


def _is_pruned(tag: Tag) -> bool:
    if _is_chrome(tag) or _has_class(tag, SCREEN_READER_CLASS) or tag.has_attr("hidden"):
        return True
    if re.search(r"display:\s*none|visibility:\s*hidden", tag.get("style") or ""):
        return True
    if tag.name in ("header", "footer") and not _inside(tag, {"blockquote", "figure"}):
        return True
    if _has_class(tag, META_CLASS) and not _inside(tag, RUNNING_TEXT):
        return True
    if tag.name in ("p", "div", "small", "address"):
        opening = _norm("".join(_first_strings(tag, 200)))
        return bool(COPYRIGHT.match(opening)) and len(opening) < 200
    return False


def _first_strings(tag: Tag, limit: int):
    """The tag's text up to a little past ``limit`` characters, without reading all of it."""
    length = 0
    for string in tag.strings:
        yield string
        length += len(string)
        if length > limit:
            return


def _drop_chrome_sections(content: Tag) -> None:
    """Remove sections such as "Read more" or "Leave a reply" that carry no telling class name."""
    total = len(content.get_text())
    for heading in content.find_all(HEADINGS):
        if not CHROME_HEADING.match(_key(_plain(heading))) or not _attached(heading, content):
            continue
        holder = heading.parent
        first = next((child for child in holder.children if isinstance(child, Tag)), None)
        if holder is not content and first is heading and len(holder.get_text()) * 2 <= total:
            holder.extract()
            continue
        level = int(heading.name[1])
        for sibling in list(heading.next_siblings):
            if isinstance(sibling, Tag) and sibling.name in HEADINGS and int(sibling.name[1]) <= level:
                break
            sibling.extract()
        heading.extract()


def _drop_navigation_links(content: Tag) -> None:
    """Remove "Previous post", "Back to the blog" and "Read more" links that stand on their own."""
    for link in content.find_all("a"):
        if not _attached(link, content):
            continue
        text = _norm(link.get_text())
        navigates = {"prev", "next"} & set(link.get("rel") or []) or NAV_LINK.match(text)
        if not navigates:
            continue
        holder = link.parent
        alone = not re.search(r"\w", holder.get_text().replace(link.get_text(), ""))
        if not alone:
            continue
        link.extract()
        if holder is not content and holder.name in ("p", "div", "li", "span", "small"):
            holder.extract()


def _mark_sections(soup: BeautifulSoup, content: Tag, notes: list[str]) -> None:
    """Replace each references or reading list section with a placeholder, and turn the text's
    footnote markers (<sup><a href="#fn1">1</a></sup>) into citations ("[1]")."""
    found = []
    for heading in content.find_all(HEADINGS):
        text = _plain(heading).rstrip(" :")
        kind = _section_kind(text)
        if kind:
            items, container = _items_after(heading, content)
            if items:
                found.append((kind, text, heading, container, items))
    boxes = content.find_all(class_=FOOTNOTES_CLASS) + content.find_all(attrs={"role": "doc-endnotes"})
    for box in boxes:
        listed = box.find(["ol", "ul"])
        containers = [container for *_, container, _ in found if container is not None]
        covered = any(box is c or box in c.parents or c in box.parents for c in containers)
        if listed is not None and not covered:
            found.append(("references", "Notes", None, box, listed.find_all("li", recursive=False)))
    numbers: dict[str, int] = {}  # the ids of the (first) references list's entries
    numbered = False
    for kind, text, heading, container, items in found:
        section = soup.new_tag(SECTION_TAG, attrs={"data-kind": kind, "data-heading": text})
        (heading or container or items[0]).insert_before(section)
        for number, item in enumerate(items, 1):
            if kind == "references" and not numbered:
                for element in [item, *item.find_all(True)]:
                    for anchor in (element.get("id"), element.get("name")):
                        if anchor:
                            numbers.setdefault(anchor, number)
            _drop_backlinks(item)
            section.append(item.extract())
        numbered = numbered or kind == "references"
        for leftover in (heading, container):
            if leftover is not None:
                leftover.extract()
    converted = 0
    for link in content.find_all("a", href=True):
        if not _attached(link, content) or _inside(link, {SECTION_TAG}):
            continue
        href = link["href"].strip()
        number = numbers.get(unquote(href[1:])) if href.startswith("#") else None
        if number is None:
            continue
        holder = link.parent
        marker = (
            holder if holder.name == "sup" and _norm(holder.get_text()) == _norm(link.get_text()) else link
        )
        marker.replace_with(NavigableString(f"[{number}]"))
        converted += 1
    if converted:
        notes.append(f"{converted} footnote marker{'s' if converted > 1 else ''} became citations [n]")


def _section_kind(heading: str) -> str | None:
    if REFERENCES_HEADING.match(heading):
        return "references"
    if READING_LIST_HEADING.match(heading):
        return "reading_list"
    return None


def _items_after(heading: Tag, content: Tag) -> tuple[list[Tag], Tag | None]:
    """The entries that follow a "References" or "Reading list" heading: a list's items, or paragraphs."""
    following = heading.find_next_sibling()
    if following is None and heading.parent is not content:
        only_child = [child for child in heading.parent.children if isinstance(child, Tag)] == [heading]
        following = heading.parent.find_next_sibling() if only_child else None
    if following is None:
        return [], None
    listed = following if following.name in ("ul", "ol") else None
    if listed is None and following.name in ("div", "section"):
        inner = following.find(["ul", "ol"])
        if inner is not None and _norm(inner.get_text()) == _norm(following.get_text()):
            listed = inner
    if listed is not None:
        return listed.find_all("li", recursive=False), following
    paragraphs = []
    while following is not None and following.name == "p":
        paragraphs.append(following)
        following = following.find_next_sibling()
    return paragraphs, None


def _drop_backlinks(item: Tag) -> None:
    for link in item.find_all("a", href=re.compile(r"^\s*#")):
        backlink = (
            _norm(link.get_text()).lower() in BACKLINK_TEXT
            or link.get("role") == "doc-backlink"
            or _has_class(link, BACKLINK_CLASS)
        )
        if backlink:
            link.extract()
        else:
            link.unwrap()


def _slug(legacy_url: str, file_name: str, title: str) -> str:
    segments = [s for s in _split(legacy_url).path.split("/") if s]
    segments = [re.sub(r"\.(?:html?|php|aspx?)$", "", s, flags=re.IGNORECASE) for s in segments]
    if segments and segments[-1].lower() == "index":
        segments.pop()
    stem = Path(file_name).stem if file_name else ""
    max_length = BlogPage._meta.get_field("slug").max_length
    for candidate in (segments[-1] if segments else "", "" if stem.lower() == "index" else stem):
        # A segment without letters ("/2019/05/12/", "?p=123") names no post.
        if re.search(r"[^\W\d_]", candidate):
            slug = slugify(unquote(candidate), allow_unicode=True)[:max_length].strip("-")
            if slug:
                return slug
    return slugify(title, allow_unicode=True)[:max_length].strip("-") or "post"


# Reading a page ------------------------------------------------------------------------------------


def parse_post(text: str, *, file_name: str = "") -> LegacyPost:
    """Read a legacy blog page. Raises Refused when it is not a page that holds a post."""
    soup = _soup(text)
    notes: list[str] = []
    canonical = soup.find("link", rel="canonical", href=True)
    meta = _read_meta(soup)
    legacy_url = canonical["href"].strip() if canonical else next(iter(_meta(meta, "og:url")), "")
    address = _split(legacy_url)
    if legacy_url and not address.geturl():
        notes.append(f"the page's own address is malformed and was ignored: {legacy_url[:80]}")
        legacy_url = ""
    elif legacy_url and address.path.strip("/") == "" and not address.query:
        notes.append("the page names the site's home page as its address; no redirect is made")
        legacy_url = ""
    descriptions = _meta(meta, "og:description", "description")
    for tag in soup.find_all(DROPPED_TAGS):
        tag.extract()
    _check_depth(soup)

    article = _article(soup)
    title, title_heading = _title(soup, meta, article)
    if not title:
        raise Refused("no title: the page has no og:title, <h1> or <title>")
    meta_lines = _meta_lines(article, title_heading)
    date, dateline = _date(meta, article, meta_lines)
    authors = _authors(meta, article)
    categories, category_notes = _categories(meta, article, meta_lines)
    notes += category_notes
    lead_element = _explicit(article, LEAD_CLASS, LEAD_MAX)
    note_element = _explicit(article, NOTE_CLASS, NOTE_MAX)
    lead = _plain(lead_element) if lead_element is not None else ""
    editor_note = _plain(note_element) if note_element is not None else ""
    for element in (lead_element, note_element, dateline):
        if element is not None:
            element.extract()

    content = _content(article)
    _prune(content, title_heading)
    _mark_sections(soup, content, notes)
    first = _first_paragraph(content)
    if (
        first is not None
        and _is_italic(first)
        and not first.find("a", href=True)
        and len(_plain(first)) <= LEAD_MAX
    ):
        if not lead:
            lead = _plain(first)
            first.extract()
        elif not editor_note and len(_plain(first)) <= NOTE_MAX:
            editor_note = _plain(first)
            first.extract()
            notes.append("the italic paragraph after the lead became the editor's note")
    if not lead:
        lead = _fallback_lead(content, descriptions, notes)

    levels = {int(h.name[1]) for h in content.find_all(HEADINGS)} - {1}
    links = _Links(legacy_url, notes)
    reader = _BodyReader(links=links, title=title, heading_base=min(levels, default=2), notes=notes)
    body = reader.read(content)
    if not body and not lead:
        raise Refused("no content: the page has no article text")
    return LegacyPost(
        title=title,
        slug=_slug(legacy_url, file_name, title),
        legacy_url=legacy_url,
        date=date,
        authors=authors,
        categories=categories,
        lead=lead,
        editor_note=editor_note,
        body=body,
        notes=list(dict.fromkeys(notes)),
    )


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


# Writing a post ------------------------------------------------------------------------------------


class _Skipped(Exception):
    """An image that cannot be imported; the message says why."""


class ImageFiles:
    """Reads a page's images from data: URLs and from files saved with the page. Never from the web.

    Relative paths are read from the page's folder, paths that start with "/" from ``root``
    (the folder the import was given, such as a saved copy of the old site), and nothing
    from outside ``root``.
    """

    def __init__(self, folder: Path | None = None, root: Path | None = None):
        """Without a folder, only data: URLs can be read."""
        self.folder = folder.resolve() if folder else None
        self.root = (root or folder).resolve() if folder else None

    def read(self, source: ImageSource) -> tuple[bytes, str]:
        if source.kind == "data":
            return _data_url(source.ref)
        if source.kind == "remote":
            raise _Skipped(f"a remote image was not fetched: {source.ref}")
        if self.folder is None:
            raise _Skipped(f"an image file was not found: {source.ref}")
        path = unquote(_split(source.ref).path)
        candidate = (self.root / path.lstrip("/") if path.startswith("/") else self.folder / path).resolve()
        if not candidate.is_relative_to(self.root) or not candidate.is_file():
            raise _Skipped(f"an image file was not found: {source.ref}")
        if candidate.stat().st_size > settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE:
            raise _Skipped(f"an image file is too large: {source.ref}")
        return candidate.read_bytes(), candidate.name


def _data_url(url: str) -> tuple[bytes, str]:
    match = DATA_URL.match(url)
    if not match or not match["type"].lower().startswith("image/"):
        raise _Skipped("a data: URL that holds no image was left out")
    try:
        if ";base64" in match["params"].lower():
            data = base64.b64decode(WHITESPACE.sub("", match["data"]), validate=True)
        else:
            data = unquote_to_bytes(match["data"])
    except (binascii.Error, ValueError) as error:
        raise _Skipped("an image in a broken data: URL was left out") from error
    return data, "image." + match["type"].split("/")[-1].split("+")[0]


def _store_image(data: bytes, name: str, title: str, *, dry_run: bool, stored: list):
    """The Wagtail image for these bytes: an existing one with the same content, else a new one
    (None in a dry run, which stores nothing)."""
    try:
        with PILImage.open(io.BytesIO(data)) as picture:
            image_format, (width, height) = picture.format, picture.size
            picture.verify()
    except (OSError, SyntaxError, ValueError, PILImage.DecompressionBombError) as error:
        raise _Skipped(f"not a readable image: {name}") from error
    extension = IMAGE_FORMATS.get(image_format or "")
    if extension not in getattr(settings, "WAGTAILIMAGES_EXTENSIONS", IMAGE_FORMATS.values()):
        raise _Skipped(f"{image_format or 'this'} images are not accepted: {name}")
    if width * height > getattr(settings, "WAGTAILIMAGES_MAX_IMAGE_PIXELS", 128_000_000):
        raise _Skipped(f"an image has too many pixels: {name}")
    Image = get_image_model()
    # Wagtail's own "duplicate image" check compares the same SHA-1 hash.
    file_hash = hashlib.sha1(data, usedforsecurity=False).hexdigest()
    existing = Image.objects.filter(file_hash=file_hash).first()
    if existing is not None or dry_run:
        return existing
    stem = slugify(Path(name).stem)[:60] or "image"
    image = Image(title=title[:255], file=ImageFile(io.BytesIO(data), name=f"{stem}.{extension}"))
    image.file_hash = file_hash
    image.file_size = len(data)
    image.save()
    stored.append(image)
    return image


@dataclass
class Outcome:
    """What importing one page did."""

    action: str  # "created", "updated" or "skipped"
    title: str
    url: str
    notes: list[str]
    page: BlogPage | None  # None after a dry run


def save_post(
    post: LegacyPost,
    *,
    parent,
    publish: bool = True,
    dry_run: bool = False,
    images: ImageFiles | None = None,
) -> Outcome:
    """Create or update the BlogPage for ``post`` under ``parent``, all in one transaction.

    A re-import finds the post it made by the redirect from the old address, or by slug when
    the page named no address. Raises Refused, leaving nothing behind, when the post cannot be
    made valid. A post that someone has edited in Wagtail since is skipped, never overwritten.
    A dry run does everything except store images, then rolls back.
    """
    stored: list = []
    try:
        with transaction.atomic():
            outcome = _save(
                post, parent, publish=publish, dry_run=dry_run, images=images or ImageFiles(), stored=stored
            )
            if dry_run:
                outcome.page = None
                transaction.set_rollback(True)
    except BaseException:
        # The rollback forgets the image rows; their files must go too.
        for image in stored:
            image.file.delete(save=False)
        raise
    return outcome


def _save(post: LegacyPost, parent, *, publish: bool, dry_run: bool, images, stored: list) -> Outcome:
    notes = list(post.notes)
    site = parent.get_site()
    existing = _existing_post(post, parent, site)
    if existing is not None and _edited_in_wagtail(existing):
        reason = "edited in Wagtail since it was imported (or made there): not overwritten; delete it to import it again"
        return Outcome(
            action="skipped", title=existing.title, url=existing.url or "", notes=[reason], page=existing
        )
    body = _resolved_body(post.body, images, dry_run=dry_run, stored=stored, notes=notes)
    authors = [_snippet(Author, name, notes, "author") for name in post.authors]
    categories = [_snippet(BlogCategory, name, notes, "category") for name in post.categories]
    if not authors:
        notes.append("no author found")
    if post.date is None:
        notes.append("no date found: the post is dated today and kept as a draft")
    publish = publish and post.date is not None
    fields = {"title": post.title, "lead": post.lead, "editor_note": post.editor_note, "body": body}
    try:
        _check_blocks(body)
        if existing is None:
            page = _create(post, parent, fields, authors, categories, publish=publish, notes=notes)
            action = "created"
        else:
            page, action = _update(existing, post, fields, authors, categories, publish=publish)
    except ValidationError as error:
        raise Refused(f"not a valid post: {_reason(error)}") from error
    _ensure_redirect(post, page, site, notes)
    if action == "skipped":
        notes = ["unchanged since the last import", *(note for note in notes if note.startswith("redirect"))]
    return Outcome(
        action=action, title=page.title, url=page.url or "", notes=list(dict.fromkeys(notes)), page=page
    )


def _check_blocks(body: list) -> None:
    """Check the body's blocks as the editor's form does. Wagtail checks them in the form only:
    a page's full_clean (which save_revision runs) leaves a 200-character heading alone."""
    try:
        BlogPage._meta.get_field("body").stream_block.clean(BlogPage(body=body).body)
    except ValidationError as error:
        raise ValidationError({"body": error}) from error


def _existing_post(post: LegacyPost, parent, site) -> BlogPage | None:
    legacy = post.legacy_path
    if legacy:
        redirect = Redirect.get_for_site(site).filter(old_path=legacy).select_related("redirect_page").first()
        if redirect is not None:
            target = redirect.redirect_page.specific if redirect.redirect_page else None
            if isinstance(target, BlogPage):
                return target
            raise Refused(
                f"{legacy} already redirects to {target or redirect.redirect_link}, which is not a post"
            )
    candidate = BlogPage.objects.child_of(parent).filter(slug=post.slug).first()
    if candidate is None:
        return None
    # With an old address, a post of the same slug is another post (or an editor's), unless the
    # old and new addresses are the same.
    if not legacy or _path_of(candidate) == legacy:
        return candidate
    return None


def _edited_in_wagtail(page: BlogPage) -> bool:
    """Whether a person saved the post's latest revision: the importer and load_demo save as nobody."""
    revision = page.get_latest_revision()
    return revision is not None and revision.user_id is not None


def _path_of(page) -> str | None:
    parts = page.get_url_parts()
    return Redirect.normalise_path(parts[2]) if parts else None


def _resolved_body(body: list[dict], images: ImageFiles, *, dry_run: bool, stored: list, notes: list) -> list:
    """The body with images stored (or found) and embeds checked with Wagtail's embed finders."""
    resolved = []
    for block in body:
        if block["type"] == "image":
            value = dict(block["value"])
            source = value["image"]
            try:
                data, name = images.read(source)
                image = _store_image(
                    data, name, value["alt_text"] or Path(name).stem, dry_run=dry_run, stored=stored
                )
            except _Skipped as skipped:
                caption = f' (caption: "{value["caption"]}")' if value["caption"] else ""
                notes.append(f"{skipped}{caption}")
                continue
            if image is None:
                notes.append(f"an image would be stored: {source}")
                continue
            if not value["alt_text"]:
                value["alt_text"] = image.title[:ALT_MAX]
                notes.append(
                    f'an image has no alt text; its title "{image.title}" stands in: describe it in Wagtail'
                )
            resolved.append({"type": "image", "value": {**value, "image": image.pk}})
        elif block["type"] == "embed":
            url = block["value"]["embed"]
            try:
                embeds.get_embed(url)
            except EmbedException:
                notes.append(f"no embed found for {url}: it is a link instead")
                text = html.escape(block["value"]["caption"] or url, quote=False)
                resolved.append(
                    {"type": "paragraph", "value": f'<p><a href="{html.escape(url)}">{text}</a></p>'}
                )
                continue
            resolved.append(block)
        else:
            resolved.append(block)
    return resolved


def _snippet(model, name: str, notes: list[str], label: str):
    """The author or category of this name, created when the site has none."""
    found = (
        model.objects.filter(name__iexact=name).first() or model.objects.filter(slug=slugify(name)).first()
    )
    if found is not None:
        return found
    max_length = model._meta.get_field("slug").max_length
    base = slugify(name)[: max_length - 4] or label
    slug, number = base, 1
    while model.objects.filter(slug=slug).exists():
        number += 1
        slug = f"{base}-{number}"
    notes.append(f"new {label}: {name}")
    return model.objects.create(name=name[: model._meta.get_field("name").max_length], slug=slug)


def _create(post, parent, fields, authors, categories, *, publish: bool, notes: list[str]) -> BlogPage:
    slug, number = post.slug, 1
    while parent.get_children().filter(slug=slug).exists():
        number += 1
        slug = f"{post.slug[:250]}-{number}"
    if slug != post.slug:
        notes.append(f'the slug "{post.slug}" is taken under {parent.title}: this post is "{slug}"')
    page = BlogPage(slug=slug, date=post.date or timezone.localdate(), live=False, **fields)
    page.categories = categories
    page.post_authors = [BlogPageAuthor(author=author) for author in authors]
    parent.add_child(instance=page)
    # save_revision runs full_clean: with _check_blocks, an import meets the rules an editor's post meets.
    revision = page.save_revision(log_action="wagtail.create")
    if publish:
        revision.publish()
        page.refresh_from_db()
    return page


def _update(existing: BlogPage, post, fields, authors, categories, *, publish: bool) -> tuple[BlogPage, str]:
    page = existing.get_latest_revision_as_object()
    before = _state(page)
    for name, value in fields.items():
        setattr(page, name, value)
    page.date = post.date or page.date
    # Keeping the rows of authors already there keeps the unique (post, author) constraint happy.
    links = {link.author_id: link for link in page.post_authors.all()}
    page.post_authors = [links.get(author.pk) or BlogPageAuthor(author=author) for author in authors]
    page.categories = categories
    published = existing.live and not existing.has_unpublished_changes
    if _state(page) == before and (published or not publish):
        return existing, "skipped"
    revision = page.save_revision(log_action=True)
    if publish:
        revision.publish()
    existing.refresh_from_db()
    return existing, "updated"


def _state(page: BlogPage) -> tuple:
    """What an import sets on a post, to tell whether a re-import changes anything."""
    list(page.body)  # converts raw data, so stored and new bodies compare in the same form
    return (
        page.title,
        page.date,
        page.lead,
        page.editor_note,
        _without_ids(page.body.get_prep_value()),
        [link.author_id for link in page.post_authors.all()],
        sorted(category.pk for category in page.categories.all()),
    )


def _without_ids(value):
    if isinstance(value, list):
        return [_without_ids(item) for item in value]
    if isinstance(value, dict):
        return {key: _without_ids(item) for key, item in value.items() if key != "id"}
    return value


def _ensure_redirect(post: LegacyPost, page: BlogPage, site, notes: list[str]) -> None:
    legacy = post.legacy_path
    if not legacy or legacy == _path_of(page):
        return
    if Redirect.get_for_site(site).filter(old_path=legacy).exists():
        return
    Redirect.add_redirect(legacy, redirect_to=page, is_permanent=True, site=site)
    notes.append(f"redirect from {legacy}")


def _reason(error: ValidationError) -> str:
    """A validation error on one line, down to the block and field it is about."""
    messages = []

    def walk(data, path):
        for message in data.get("messages", []):
            messages.append(f"{path}: {message}")
        for key, inner in data.get("blockErrors", {}).items():
            walk(inner, f"{path} › {key}")

    errors_by_field = error.error_dict if hasattr(error, "error_dict") else {"": error.error_list}
    for name, errors in errors_by_field.items():
        for item in errors:
            if hasattr(item, "as_json_data"):
                walk(item.as_json_data(), name)
            else:
                messages += [f"{name}: {message}".lstrip(": ") for message in item.messages]
    return "; ".join(_norm(message) for message in messages)


def import_file(
    path: Path, *, parent, publish: bool = True, dry_run: bool = False, root: Path | None = None
) -> Outcome:
    """Import one saved page. ``root`` bounds where its images are read from (its folder by default)."""
    post = parse_post(read_html(path), file_name=path.name)
    images = ImageFiles(path.parent, root)
    return save_post(post, parent=parent, publish=publish, dry_run=dry_run, images=images)
