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
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence

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
    """Finds the runs of words to mark in a list of folded words: a phrase's words in order, or
    one matching word."""

    def __init__(self, parts: Sequence[str | tuple[str, ...]], prefix: str | None = None):
        self.words = [part for part in parts if isinstance(part, str)]
        self.phrase_words = [word for part in parts if not isinstance(part, str) for word in part]
        self.phrases = [phrase_matchers(part) for part in parts if not isinstance(part, str)]
        self.is_word = term_matcher(self.words, prefix)
        self.prefix = prefix
        self.longest = max(map(len, self.phrases), default=1)

    def __bool__(self):
        return bool(self.phrases) or self.is_word is not None

    def phrase_at(self, words: list[str], index: int, end: int) -> int | None:
        """The last word of a phrase that starts at ``index`` and ends before ``end``."""
        for matchers in self.phrases:
            last = index + len(matchers) - 1
            if (
                last < end
                and matchers[0](words[index])  # most words: no need to look further
                and all(match(words[index + n]) for n, match in enumerate(matchers[1:], 1))
            ):
                return last
        return None

    def run_at(self, words: list[str], index: int, end: int) -> int | None:
        """The last word of a run to mark that starts at ``index`` and ends before ``end``."""
        last = self.phrase_at(words, index, end) if self.phrases else None
        if last is None and self.is_word and self.is_word(words[index]):
            return index
        return last

    def first_run(self, words: list[str], since: int) -> tuple[int, int] | None:
        """The first run that ends at or after ``since``: a phrase's if the query has phrases
        (the excerpt is cut around it), else a word's."""
        if not self.phrases:
            return next(
                ((index, index) for index in range(since, len(words)) if self.is_word(words[index])), None
            )
        for index in range(max(0, since - self.longest + 1), len(words)):
            if (last := self.phrase_at(words, index, len(words))) is not None:
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
    text, run, words, placed = read(pieces, marker, length)
    if run is None and marker.phrases:  # all the text was read, in vain
        marker = marker.words_one_by_one()
        run = run_span(placed, marker.first_run(words, 0))
    start, end = cut(text, length, run)
    # Mark the runs in the plain text, escaping the text around them, so a mark can never land
    # inside an escaped character such as &amp;.
    window, marked, done = text[start:end], [], 0
    for begin, stop in runs_in(window, marker) if marker else ():
        marked += [escape(window[done:begin]), f"<mark>{escape(window[begin:stop])}</mark>"]
        done = stop
    marked.append(escape(window[done:]))
    before = "…" if start else ""
    after = "…" if end < len(text) else ""
    return mark_safe(f"{before}{''.join(marked)}{after}")  # noqa: S308 - the text is escaped above


def folded_words(piece: str) -> list[str]:
    """A piece's words, folded (one C call for the many pieces that are plain ASCII)."""
    if piece.isascii():
        return TOKEN.findall(piece.lower())
    return [fold(word) for word in TOKEN.findall(piece)]


def read(pieces: Iterable[str], marker: Marker, length: int) -> tuple:
    """The text of the pieces, up to ``length`` characters past the first run to mark (or to
    the end when there is none), where that run starts and ends in it, and the words read
    looking for it (folded) with where each piece's words start (``placed``)."""
    parts: list[str] = []
    words: list[str] = []  # the folded words of the pieces read
    placed: list[tuple[int, int, str]] = []  # each piece's first word, where it starts, the piece
    size, run = 0, None
    for piece in pieces:
        piece = " ".join(piece.split())
        if not piece:
            continue
        if parts:
            joint = " " if ENDS_A_SENTENCE.search(parts[-1]) else SEPARATOR
            parts.append(joint)
            size += len(joint)
        if marker and run is None:
            since = len(words)
            placed.append((since, size, piece))
            words += folded_words(piece)
            run = run_span(placed, marker.first_run(words, since))
        parts.append(piece)
        size += len(piece)
        if (run is not None or not marker) and size > (run[1] if run else 0) + length:
            break  # enough text past the first run (or the start, with nothing to mark) to cut
    return "".join(parts), run, words, placed


def run_span(placed: list[tuple[int, int, str]], run: tuple[int, int] | None) -> tuple[int, int] | None:
    """Where the run of words (indexes of its first and last word) starts and ends in the text."""
    return run and (word_span(placed, run[0])[0], word_span(placed, run[1])[1])


def word_span(placed: list[tuple[int, int, str]], index: int) -> tuple[int, int]:
    """Where the word ``index`` of the pieces read starts and ends in their text."""
    first, offset, piece = placed[bisect_right(placed, index, key=lambda place: place[0]) - 1]
    for number, match in enumerate(TOKEN.finditer(piece), first):
        if number == index:
            return offset + match.start("word"), offset + match.end("word")
    raise IndexError(index)


def cut(text: str, length: int, run: tuple[int, int] | None) -> tuple[int, int]:
    """Where the excerpt starts and ends: at word boundaries, a little before the run to show
    (and not before its end), never at a separator."""
    start = 0
    if run and run[0] > length // 3:
        space = text.find(" ", run[0] - length // 3, run[0])
        start = (space if space >= 0 else text.rfind(" ", 0, run[0])) + 1
        if text.startswith(SEPARATOR.lstrip(), start):
            start += len(SEPARATOR.lstrip())
    run_end = run[1] if run else 0
    end = min(len(text), max(start + length, run_end))
    if end < len(text) and (space := text.rfind(" ", start, end + 1)) >= max(start + 1, run_end):
        end = space
    if end < len(text) and text.endswith(SEPARATOR.rstrip(), start, end):
        end -= len(SEPARATOR.rstrip())
    return start, end


def runs_in(window: str, marker: Marker) -> Iterator[tuple[int, int]]:
    """Where the runs to mark start and end in the window."""
    matches = list(TOKEN.finditer(window))
    words = [fold(match["word"]) for match in matches]
    index = 0
    while index < len(words):
        last = marker.run_at(words, index, len(words))
        if last is None:
            index += 1
        else:
            yield matches[index].start("word"), matches[last].end("word")
            index = last + 1
