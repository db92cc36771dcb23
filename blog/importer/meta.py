"""What the page says about the post: its title, date, authors and categories, read from the
<meta> tags, <time> elements, bylines and the meta line under the title.
"""

import datetime
import re
from itertools import takewhile

from bs4 import BeautifulSoup, Tag

from ..models import BlogCategory
from .elements import HEADINGS, META_CLASS, _class_words, _clip, _has_class, _in_chrome, _key, _norm, _plain
from .limits import TITLE_MAX

AUTHOR_CLASS = _class_words("authors?", "byline", "author-name")


PUBLISHED_TIME = re.compile(r"published|entry-date|post-date")


UPDATED_TIME = re.compile(r"updated|modified")


CATEGORY_HREF = re.compile(
    r"/(?:category|categories|tags?|topics?|onderwerpen|onderwerp|section)/", re.IGNORECASE
)


TITLE_SEPARATOR = re.compile(r"\s+(?:[|–—·»:-]{1,2})\s+")


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


def _dedupe(names: list[str]) -> list[str]:
    seen = set()
    unique = []
    for name in names:
        if name and name.casefold() not in seen:
            seen.add(name.casefold())
            unique.append(name)
    return unique


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
