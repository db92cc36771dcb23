"""References and reading lists: found by their heading (or a footnotes box) and set aside while
the text is read, footnote markers turned into citations ("[1]"), and each entry split into
authors, title, venue, year and URL.
"""

import re
from urllib.parse import unquote

from bs4 import BeautifulSoup, NavigableString, Tag
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator

from .article import FOOTNOTES_CLASS
from .elements import HEADINGS, SECTION_TAG, _attached, _has_class, _inside, _norm, _plain
from .limits import ENTRY_LIMITS
from .links import _split
from .meta import MONTH

BACKLINK_CLASS = re.compile(r"backref|reversefootnote|backlink")


REFERENCES_HEADING = re.compile(
    r"^(?:references?|notes|footnotes|endnotes|sources|bibliography|citations|bronnen|referenties|noten|voetnoten)$",
    re.IGNORECASE,
)


READING_LIST_HEADING = re.compile(
    r"^(?:reading list|further reading|suggested reading|recommended reading|read further|leeslijst|verder lezen)$",
    re.IGNORECASE,
)


BACKLINK_TEXT = {"", "↩", "↩︎", "^", "↑", "⤴", "back", "return"}


# When a work was published, as references write it: "2018", "January & September 2019".
PUBLISHED = rf"(?:(?:\d{{1,2}}\s+)?(?:{MONTH}|spring|summer|autumn|fall|winter)\.?\s*(?:(?:&|and|en|–|-|/)\s*)?)*\d{{4}}[a-z]?"


ENDS_WITH_DATE = re.compile(rf"^(.*?)[\s,.]*\(?({PUBLISHED})\)?$", re.IGNORECASE | re.DOTALL)


QUOTED_TITLE = re.compile(r"""(?:(?<=[\s(])|^)["“‘'«](?P<title>[^"“”‘’«»]{4,}?)["”’'»](?=[\s.,;:)]|$)""")


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


def _split_date(text: str) -> tuple[str, str]:
    """("Elsevier", "2018") from "Elsevier, 2018"; the text and "" when it ends in no date."""
    match = ENDS_WITH_DATE.match(text)
    if not match:
        return text, ""
    return match[1].strip(" ,.;:"), match[2]


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
