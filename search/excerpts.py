"""Excerpts of a post around the words a reader searched for, with those words marked.

A word is marked when the search would have matched it: the same word with its accents folded
("cafe" marks "Café"), another form of it (its English stem, as both databases stem it: "flood"
marks "Floods" and "flooding"), or, for a query's last word typed in part, a word it begins.

A quoted phrase is marked where its words stand in that order, as one run ("new silk road"
marks "The <mark>New Silk Roads</mark>", not each "new" of the post), and the excerpt is cut
around its first such place: the phrase is what the reader asked for most precisely. Its
common words ("the" of "the Baltic") stand for any word there, as on PostgreSQL, whose index
holds no common words. Only when the text holds no such run (PostgreSQL matches a phrase
running from the title into the text) are its words marked one by one.

The text is made of pieces (the lead, a heading, a paragraph, a list item, a reference's
authors, title and venue), which a reader sees apart: a piece that does not end a sentence is
followed by SEPARATOR, so that two references' titles never read as one.
"""

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import NamedTuple

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .query import INVISIBLE_CHARACTERS, STOP_WORDS, fold, stem

EXCERPT_LENGTH = 240
# A word, with any invisible characters inside it ("gen­omes" with a soft hyphen is one word),
# and the possessive "'s" after it, which the index drops ("Europe's first" is a phrase).
TOKEN = re.compile(rf"(?P<word>[^\W_]+(?:[{INVISIBLE_CHARACTERS}]+[^\W_]+)*)(?:['’]s\b)?")
# Between two pieces when the first does not end a sentence: the middle dot the results' dates
# and authors are set apart with. A full stop would end a title that has none; an ellipsis
# would say something was left out.
SEPARATOR = " · "
ENDS_A_SENTENCE = re.compile(r"[.!?…:;][\"'”’»)\]]*$")

Matcher = Callable[[str], bool]  # whether a folded word of the text matches


class Token(NamedTuple):
    start: int
    end: int
    word: str  # folded


def term_matcher(terms: list[str], prefix: str | None = None) -> Matcher | None:
    """Whether a folded word of the text matches one of ``terms`` (or begins with ``prefix``).
    Common words ("the") are marked only when the terms are nothing else: marking every "the"
    of the excerpt would hide the words that matched."""
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
        if word in folded or (prefix and word.startswith(prefix)):
            return True
        return word[:2] in starts and stem(word) in term_stems

    return matches


def any_word(word: str) -> bool:
    return True


def phrase_matchers(phrase: tuple[str, ...]) -> tuple[Matcher, ...]:
    """One matcher per word of a phrase: that word in any form; a common word, any word (unless
    the phrase is common words only)."""
    common_only = all(fold(word) in STOP_WORDS for word in phrase)
    return tuple(
        any_word if fold(word) in STOP_WORDS and not common_only else exact_or_stem(word) for word in phrase
    )


def exact_or_stem(term: str) -> Matcher:
    term = fold(term)
    term_stem = stem(term)
    starts = {term[:2], term_stem[:2]}
    return lambda word: word == term or (word[:2] in starts and stem(word) == term_stem)


class Marker:
    """Finds the runs of words to mark: a phrase's words in order, or one matching word."""

    def __init__(self, parts: Sequence[str | tuple[str, ...]], prefix: str | None = None):
        self.words = [part for part in parts if isinstance(part, str)]
        self.phrases = [phrase_matchers(part) for part in parts if not isinstance(part, str)]
        self.is_word = term_matcher(self.words, prefix)
        self.prefix = prefix
        self.longest = max(map(len, self.phrases), default=1)
        self.phrase_words = [word for part in parts if not isinstance(part, str) for word in part]

    def __bool__(self):
        return bool(self.phrases) or self.is_word is not None

    def run_at(self, tokens: list[Token], index: int, end: int | None = None) -> int | None:
        """The last token of a run to mark that starts at ``index`` and ends before ``end``."""
        end = len(tokens) if end is None else end
        for matchers in self.phrases:
            last = index + len(matchers) - 1
            if last < end and all(match(tokens[index + n].word) for n, match in enumerate(matchers)):
                return last
        if self.is_word and self.is_word(tokens[index].word):
            return index
        return None

    def first_run(self, tokens: list[Token], since: int) -> tuple[int, int] | None:
        """The first run that ends at or after ``since``: a phrase's, if the query has phrases
        (the excerpt is cut around it), else a word's."""
        for index in range(max(0, since - self.longest + 1), len(tokens)):
            last = self.run_at(tokens, index)
            if last is not None and (last > index or not self.phrases):
                return index, last
        return None

    def words_one_by_one(self) -> "Marker":
        """The same terms, each phrase's words matched on their own."""
        return Marker([*self.words, *self.phrase_words], self.prefix)


def excerpt(
    pieces: Iterable[str],
    terms: Sequence[str | tuple[str, ...]],
    length: int = EXCERPT_LENGTH,
    prefix: str | None = None,
) -> SafeString:
    """About ``length`` characters of the text ``pieces`` make (a post's lead, then its body's
    pieces) around the first place the search matched, matches in <mark>. ``terms``: a query's
    parts (words, and phrases as tuples of words). The pieces are read only as far as that
    needs: the words of a common query are near the top, and making a long body's text takes time."""
    marker = Marker(terms, prefix)
    text, tokens, run = read(pieces, marker, length)
    if marker.phrases and run is None:
        marker = marker.words_one_by_one()
        run = marker.first_run(tokens, 0)
    start, end = cut(text, length, run and (tokens[run[0]].start, tokens[run[1]].end))
    # Mark the runs in the plain text, escaping the text around them, so a mark can never land
    # inside an escaped character such as &amp;.
    marked, done = [], start
    for first, last in runs_between(tokens, marker, start, end) if marker else ():
        begin, stop = tokens[first].start, tokens[last].end
        marked += [escape(text[done:begin]), f"<mark>{escape(text[begin:stop])}</mark>"]
        done = stop
    marked.append(escape(text[done:end]))
    before = "…" if start else ""
    after = "…" if end < len(text) else ""
    return mark_safe(f"{before}{''.join(marked)}{after}")  # noqa: S308 - the text is escaped above


def read(pieces: Iterable[str], marker: Marker, length: int) -> tuple[str, list[Token], tuple | None]:
    """The text of the pieces, up to ``length`` characters past the first run to mark (or to
    the end when there is none), its words, and that run (as indexes of its first and last word)."""
    parts: list[str] = []
    tokens: list[Token] = []
    size, run = 0, None
    for piece in pieces:
        piece = " ".join(piece.split())
        if not piece:
            continue
        if parts:
            joint = " " if ENDS_A_SENTENCE.search(parts[-1]) else SEPARATOR
            parts.append(joint)
            size += len(joint)
        if marker:
            since = len(tokens)
            tokens += [
                Token(size + match.start("word"), size + match.end("word"), fold(match["word"]))
                for match in TOKEN.finditer(piece)
            ]
            if run is None:
                run = marker.first_run(tokens, since)
        parts.append(piece)
        size += len(piece)
        if (run is not None or not marker) and size > (tokens[run[1]].end if run else 0) + length:
            break  # enough text past the first run (or the start, with nothing to mark) to cut
    return "".join(parts), tokens, run


def cut(text: str, length: int, run: tuple[int, int] | None) -> tuple[int, int]:
    """Where the excerpt starts and ends: at word boundaries, a little before the run to show,
    never at a separator."""
    start = 0
    if run and run[0] > length // 3:
        space = text.find(" ", run[0] - length // 3, run[0])
        start = (space if space >= 0 else text.rfind(" ", 0, run[0])) + 1
        if text.startswith(SEPARATOR.lstrip(), start):
            start += len(SEPARATOR.lstrip())
    end = min(len(text), max(start + length, run[1] if run else 0))
    if end < len(text) and (space := text.rfind(" ", start, end + 1)) >= max(start + 1, run[1] if run else 0):
        end = space
    if end < len(text) and text.endswith(SEPARATOR.rstrip(), start, end):
        end -= len(SEPARATOR.rstrip())
    return start, end


def runs_between(tokens: list[Token], marker: Marker, start: int, end: int) -> Iterator[tuple[int, int]]:
    """The runs to mark wholly inside text[start:end], as indexes of their first and last word."""
    inside = [index for index, token in enumerate(tokens) if start <= token.start and token.end <= end]
    if not inside:
        return
    index, stop = inside[0], inside[-1] + 1
    while index < stop:
        last = marker.run_at(tokens, index, stop)
        if last is None:
            index += 1
        else:
            yield index, last
            index = last + 1
