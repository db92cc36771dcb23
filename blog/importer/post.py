"""One page read into a ``LegacyPost`` (plain data, no database): ``parse_post`` runs the reading
stages in order, and names the post's slug.
"""

import datetime
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote

from django.utils.text import slugify
from wagtail.contrib.redirects.models import Redirect

from ..models import BlogPage
from .article import _article, _content, _prune
from .body import _BodyReader
from .elements import HEADINGS, _plain
from .html_file import _check_depth, _soup
from .lead import LEAD_CLASS, NOTE_CLASS, _explicit, _fallback_lead, _first_paragraph, _is_italic
from .limits import LEAD_MAX, NOTE_MAX
from .links import _Links, _split
from .meta import _authors, _categories, _date, _meta, _meta_lines, _read_meta, _title
from .references import _mark_sections
from .report import Refused

# Never content: read what is needed from them first, then they go.
DROPPED_TAGS = [
    "script", "style", "noscript", "template", "link", "meta", "svg", "canvas", "object", "embed",
    "button", "input", "select", "textarea", "dialog", "map", "source", "track",
]  # fmt: skip


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
