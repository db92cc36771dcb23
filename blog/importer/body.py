"""The post's text as StreamField blocks: headings, paragraphs and lists as rich text, quotes,
images with their captions and credits, embeds, and the references and reading list.
"""

import html
import re
from itertools import groupby
from typing import NamedTuple

from bs4 import NavigableString, Tag
from bs4.element import PreformattedString

from .elements import (
    BLOCK_TAGS,
    HEADINGS,
    SECTION_TAG,
    WHITESPACE,
    _clip,
    _has_class,
    _is_emoji,
    _key,
    _lines,
    _norm,
    _plain,
)
from .limits import ALT_MAX, ATTRIBUTION_MAX, CAPTION_MAX, CREDIT_MAX, HEADING_MAX, SECTION_HEADING_MAX
from .links import _embed_url, _Links, _split
from .references import _entry

CREDIT_CLASS = re.compile(r"credit|copyright")


ATTRIBUTION_CLASS = re.compile(r"attribution|quote-author|source")


WP_CAPTION_CLASS = re.compile(r"^wp-caption$")


WP_CAPTION_TEXT_CLASS = re.compile(r"^wp-caption-text$")


DASH_START = re.compile(r"^\s*[—–―-]+\s*")


CREDIT_TEXT = re.compile(
    r"(?:^|(?<=[.!?)])\s+|\s+[|–—-]\s+)(?P<credit>(?:photo|foto|image|picture|illustration|credit|beeld)s?"
    r"\s*(?:credit)?\s*:\s*.+|©\s*.+)$",
    re.IGNORECASE,
)


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
