"""Excerpts of a post around the words a reader searched for, with those words marked.

A word is marked when the search would have matched it: the same word with its accents folded
("cafe" marks "Café"), another form of it (its English stem, as both databases stem it: "flood"
marks "Floods" and "flooding"), or, for a query's last word typed in part, a word it begins.
"""

import re
from collections.abc import Callable, Iterable

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .query import INVISIBLE_CHARACTERS, STOP_WORDS, fold, stem

EXCERPT_LENGTH = 240
# A word, with any invisible characters inside it ("gen­omes" with a soft hyphen is one word).
TOKEN = re.compile(rf"[^\W_]+(?:[{INVISIBLE_CHARACTERS}]+[^\W_]+)*")


def term_matcher(terms: list[str], prefix: str | None = None) -> Callable[[str], bool] | None:
    """Whether a word of the text matches one of ``terms`` (or begins with ``prefix``). Common
    words ("the" of a quoted "the Baltic") are marked only when the terms are nothing else:
    marking every "the" of the excerpt would hide the words that matched."""
    folded = {fold(term) for term in terms if len(term) > 1}
    folded = {term for term in folded if term not in STOP_WORDS} or folded
    if prefix:
        prefix = fold(prefix)
    if not folded and not prefix:
        return None
    term_stems = {stem(term) for term in folded}
    # A word's stem begins as the word does: words that start otherwise are skipped unstemmed.
    starts = {term[:2] for term in folded | term_stems}

    def matches(word: str) -> bool:
        word = fold(word)
        if word in folded or (prefix and word.startswith(prefix)):
            return True
        return word[:2] in starts and stem(word) in term_stems

    return matches


def excerpt(
    pieces: Iterable[str], terms: list[str], length: int = EXCERPT_LENGTH, prefix: str | None = None
) -> SafeString:
    """About ``length`` characters of the text ``pieces`` make (a post's lead, then its body)
    around the first search term, terms in <mark>. The pieces are read only as far as that needs:
    the words of a common query are near the top, and making a long body's text takes time."""
    is_term = term_matcher(terms, prefix)
    parts, size, first = [], 0, None  # first: where the first term starts in the text
    for piece in pieces:
        piece = " ".join(piece.split())
        if not piece:
            continue
        at = size + 1 if parts else 0  # where the piece starts, after a space
        if first is None and is_term:
            first = next((at + m.start() for m in TOKEN.finditer(piece) if is_term(m.group())), None)
        parts.append(piece)
        size = at + len(piece)
        if (first is not None or not is_term) and size > (first or 0) + length:
            break  # enough text past the first term (or the start, with no term) to cut
    text = " ".join(parts)
    start = 0
    if first and first > length // 3:
        # Begin at a word boundary a little before the first match.
        start = text.find(" ", first - length // 3) + 1
    end = min(len(text), start + length)
    if end < len(text) and (space := text.rfind(" ", start, end)) > start:
        end = space
    # Mark the terms in the plain text, escaping the pieces around them, so a term can never
    # land inside an escaped character such as &amp;.
    window, marked, done = text[start:end], [], 0
    for match in TOKEN.finditer(window) if is_term else ():
        if is_term(match.group()):
            marked += [escape(window[done : match.start()]), f"<mark>{escape(match.group())}</mark>"]
            done = match.end()
    marked.append(escape(window[done:]))
    prefix_mark = "…" if start else ""
    suffix = "…" if end < len(text) else ""
    return mark_safe(f"{prefix_mark}{''.join(marked)}{suffix}")  # noqa: S308 - the text is escaped above
