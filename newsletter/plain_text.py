"""The plain-text part of an issue's e-mail, made from its HTML, for people whose mail program
shows text: what the HTML shows, in the order it shows it, with nothing to decode.

- Links are written out whole, after their words: "Read the post: https://…" on a line of its
  own, "the network (https://…)" inside a sentence. A link followed by one to the same address
  (a post's title, then its "Read the post") gives its words only: the address comes once.
- What the HTML hides is left out: the preview line mail programs show beside the subject
  repeats the intro.
- No Markdown: headings and emphasis are plain words; images are left out (the text says what
  they show). Lines are not wrapped: a wrapped address breaks in a mail program.
"""

import itertools
import re

import html2text
from bs4 import BeautifulSoup, Tag

HIDDEN = re.compile(r"display\s*:\s*none", re.IGNORECASE)
BLOCKS = ["p", "div", "td", "li", "h1", "h2", "h3", "h4", "h5", "h6"]


def plain_text(html: str) -> str:
    soup = BeautifulSoup(html, "html.parser")
    for hidden in soup.find_all(style=HIDDEN):
        hidden.decompose()
    for heading in soup.find_all(["h1", "h2", "h3", "h4", "h5", "h6"]):
        heading.name = "p"
    links = soup.find_all("a", href=True)
    for link, following in itertools.pairwise([*links, None]):
        repeated = following is not None and following["href"] == link["href"]
        link.replace_with(link.get_text() if repeated else link_text(link))
    converter = html2text.HTML2Text()
    converter.body_width = 0
    converter.ignore_tables = True
    converter.ignore_images = True
    converter.ignore_emphasis = True
    text = converter.handle(str(soup))
    # html2text ends a line broken by <br> with two spaces (Markdown's line break).
    lines = [line.rstrip() for line in text.splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip() + "\n"


def link_text(link: Tag) -> str:
    """A link's words and its address, or the address alone when the words are the address."""
    words, address = " ".join(link.get_text().split()), link["href"]
    if not words or words.rstrip("/") == address.removeprefix("mailto:").rstrip("/"):
        return address.removeprefix("mailto:")
    block = link.find_parent(BLOCKS)
    alone = block is None or " ".join(block.get_text().split()) == words
    return f"{words}: {address}" if alone else f"{words} ({address})"
