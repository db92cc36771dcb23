"""The post, apart from the site around it: the element that holds the post, the one that holds
only its text, and the site's chrome (menus, sidebars, share buttons, "Read more" sections,
"Previous post" links, copyright lines) taken out of that text.
"""

import re

from bs4 import BeautifulSoup, Tag

from .elements import (
    HEADINGS,
    META_CLASS,
    _attached,
    _class_words,
    _has_class,
    _in_chrome,
    _inside,
    _is_chrome,
    _key,
    _norm,
    _plain,
    _words_of,
)

# Running text: a meta-looking class inside it ("<span class="date">") is part of the sentence.
RUNNING_TEXT = frozenset({"p", "li", "td", "th", "blockquote", "figure"})


SCREEN_READER_CLASS = _class_words(
    "screen-reader-text", "sr-only", "visually-hidden", "visuallyhidden", "screen-reader-only"
)


CONTENT_CLASS = re.compile(
    r"^(?:[\w-]*[-_])?(?:entry|post|article|blog|story|single)[-_]{1,2}(?:content|body)$|^e-content$"
)


FOOTNOTES_CLASS = re.compile(r"^(?:footnotes?|endnotes)$")


CHROME_HEADING = re.compile(
    r"^(?:read more|related(?: posts| articles| stories)?|more (?:posts|stories|articles|from .{1,60})"
    r"|you (?:may|might) also like|recent posts|popular posts|latest (?:posts|news)"
    r"|share(?: this(?: post| article| page)?)?(?: on .{1,30})?|follow us|leave a (?:reply|comment)"
    r"|comments|\d+ (?:comments?|responses?|replies)|one (?:comment|response|reply)|post navigation"
    r"|about the author|(?:stay in the loop|subscribe|sign up|newsletter)\b.*|lees (?:ook|meer)|meer lezen)$",
    re.IGNORECASE,
)


NAV_LINK = re.compile(
    r"^(?:[«‹←<]+\s*)?(?:previous|next|older|newer|prev)(?: (?:post|entry|article|story|page))?s?(?:\s*[»›→>]+)?$"
    r"|^[«‹←<]*\s*(?:back|return|terug) (?:to|naar)\b.{0,40}$"
    r"|^(?:read more|continue reading|lees meer|verder lezen)\b.{0,80}$",
    re.IGNORECASE,
)


COPYRIGHT = re.compile(r"^(?:©|\(c\)\s*\d|copyright\b)", re.IGNORECASE)


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
