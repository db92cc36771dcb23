"""The saved file, read and repaired: decoded, parsed into an HTML tree with tags closed where a
browser closes them, or refused (too large, empty, binary, cut short, nested too deep).
"""

import codecs
import re
from pathlib import Path

from bs4 import BeautifulSoup, ParserRejectedMarkup, UnicodeDammit

from .elements import BLOCK_TAGS
from .report import Refused

MAX_FILE_BYTES = 5 * 1024 * 1024


# Deeper than this, a page is a tangle of unclosed tags rather than a document (and would
# exhaust Python's recursion limit while being read).
MAX_DEPTH = 200


CLOSES_P = BLOCK_TAGS - {"tbody", "thead", "tfoot", "tr", "td", "th", "legacy-section"}


SCRIPTS_AND_COMMENTS = re.compile(r"<script\b.*?</script\s*>|<!--.*?-->", re.IGNORECASE | re.DOTALL)


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
