"""What a reader typed, read as a search: words, quoted phrases, and the last word as a prefix.

The same reading drives both databases (search/sqlite.py writes it as an FTS5 MATCH
expression, search/postgresql.py as a tsquery), the excerpts' highlighting and the
"Did you mean" corrections, so a query behaves the same wherever it runs.

- Words are split the way the index splits text: at anything that is not a letter or digit, so
  "data-driven", "AI/ML" and "Managing/Being" are two words each. Accents are folded ("Café" is
  "cafe"; "Łódź" is "lodz", "Straße" "strasse"), and "China's" is "china", in the index too
  (``as_indexed``).
- Every word must match (in any form the English stemmer gives it: "refugee" finds "Refugees").
  Both databases stem with Snowball's English stemmer (``stem``): PostgreSQL's ``english``
  configuration, and on SQLite this module, for the index as for queries. Common English words
  ("the", "of") are left out of the plain words, as PostgreSQL's English configuration leaves
  them out of its index.
- "Quoted phrases" match those words in that order. A quote without its pair counts for nothing.
- The last word, when nothing follows it and it has PREFIX_MIN_LENGTH letters or more, also
  matches as the start of a word: "hydrolog" finds "hydrologists". The words it may stand for
  come from the index's vocabulary (search/corrections.py ``complete``), the most frequent
  first, and are matched as words: a database's own prefix match stems the half word first
  ("analy" becomes "anali", which "analysis" does not start with).
"""

import re
import threading
import unicodedata
from dataclasses import dataclass, replace
from functools import lru_cache

import snowballstemmer

MAX_QUERY_LENGTH = 200
MAX_QUERY_WORDS = 20
PREFIX_MIN_LENGTH = 3

# Quotation marks, straight or typographic: any of them opens or closes a phrase.
QUOTE_MARKS = '"“”„«»'
QUOTES = re.compile(f"[{QUOTE_MARKS}]")
# Characters a reader does not see, which break no word for them: a soft hyphen ("gen­omes", as
# pasted from a word processor), zero-width (non-)joiners, a word joiner, a byte-order mark.
INVISIBLE_CHARACTERS = "\u00ad\u200c\u200d\u2060\ufeff"
INVISIBLE = re.compile(f"[{INVISIBLE_CHARACTERS}]")
POSSESSIVE = re.compile(r"(?<=\w)['’]s\b")
# A word: letters and digits (an underscore separates, as in the index).
WORD = re.compile(r"[^\W_]+")

# PostgreSQL's English stop words (its tsearch_data/english.stop), folded.
STOP_WORDS = frozenset(
    [
        "i",
        "me",
        "my",
        "myself",
        "we",
        "our",
        "ours",
        "ourselves",
        "you",
        "your",
        "yours",
        "yourself",
        "yourselves",
        "he",
        "him",
        "his",
        "himself",
        "she",
        "her",
        "hers",
        "herself",
        "it",
        "its",
        "itself",
        "they",
        "them",
        "their",
        "theirs",
        "themselves",
        "what",
        "which",
        "who",
        "whom",
        "this",
        "that",
        "these",
        "those",
        "am",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "have",
        "has",
        "had",
        "having",
        "do",
        "does",
        "did",
        "doing",
        "a",
        "an",
        "the",
        "and",
        "but",
        "if",
        "or",
        "because",
        "as",
        "until",
        "while",
        "of",
        "at",
        "by",
        "for",
        "with",
        "about",
        "against",
        "between",
        "into",
        "through",
        "during",
        "before",
        "after",
        "above",
        "below",
        "to",
        "from",
        "up",
        "down",
        "in",
        "out",
        "on",
        "off",
        "over",
        "under",
        "again",
        "further",
        "then",
        "once",
        "here",
        "there",
        "when",
        "where",
        "why",
        "how",
        "all",
        "any",
        "both",
        "each",
        "few",
        "more",
        "most",
        "other",
        "some",
        "such",
        "no",
        "nor",
        "not",
        "only",
        "own",
        "same",
        "so",
        "than",
        "too",
        "very",
        "s",
        "t",
        "can",
        "will",
        "just",
        "don",
        "should",
        "now",
    ]
)


# Letters that no accent folding takes apart (they have no separate accent), spelled out as
# PostgreSQL's ``unaccent`` spells them; FTS5's ``remove_diacritics`` leaves them as they are.
LETTERS = str.maketrans(
    {
        "ß": "ss",
        "ẞ": "SS",
        "Æ": "AE",
        "æ": "ae",
        "Ð": "D",
        "ð": "d",
        "Đ": "D",
        "đ": "d",
        "Ħ": "H",
        "ħ": "h",
        "ı": "i",
        "Ł": "L",
        "ł": "l",
        "Ø": "O",
        "ø": "o",
        "Œ": "OE",
        "œ": "oe",
        "Þ": "TH",
        "þ": "th",
        "Ŧ": "T",
        "ŧ": "t",
    }
)


def fold(text: str) -> str:
    """Lower case without accents: "Zürich" → "zurich", "López" → "lopez", "Łódź" → "lodz"."""
    if text.isascii():  # most words: nothing to fold (excerpts fold each word they read)
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", INVISIBLE.sub("", text))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).translate(LETTERS).casefold()


def as_indexed(text: str) -> str:
    """Text as the index takes it, read as a query is read: a possessive "'s" dropped, so that
    "Europe's first" is the phrase "europe first" on both sides, and the letters in LETTERS
    spelled out ("Straße", "Tromsø": "Strasse", "Tromso"), and invisible characters dropped (a
    soft hyphen would split a word in two). Accents are left to the database."""
    return INVISIBLE.sub("", POSSESSIVE.sub("", text)).translate(LETTERS)


def words_of(text: str) -> list[str]:
    """The words of a text as the index sees them: folded, split at every non-letter."""
    return WORD.findall(fold(POSSESSIVE.sub("", text)))


# A Snowball stemmer keeps the word it works on: one per thread.
stemmers = threading.local()


@lru_cache(maxsize=100_000)
def stem(word: str) -> str:
    """A folded word's English stem, as PostgreSQL's ``english`` configuration stems it
    (Snowball; requirements.txt pins the version PostgreSQL has): "floods", "flooding" → "flood".
    FTS5's own stemmer (Porter's) made "news" "new", "herring" "her" and "community"
    "commun", as it makes "communism"; Snowball keeps them apart."""
    if not hasattr(stemmers, "english"):
        stemmers.english = snowballstemmer.stemmer("english")
    return stemmers.english.stemWord(word)


def stemmed(text: str) -> str:
    """A text as SQLite's index holds it: its words (``words_of``), each stemmed."""
    return " ".join(map(stem, words_of(text)))


@dataclass(frozen=True)
class ReaderQuery:
    """A reader's search: ``parts`` in the order typed, each a word (str) or a phrase (a tuple
    of two or more words); ``prefix``: the last part is a word that also matches as a prefix."""

    parts: tuple[str | tuple[str, ...], ...]
    prefix: bool = False
    # With ``prefix``: the index's words that begin with the last word (search.models.Word),
    # matched as whole words besides it. The vocabulary holds every word the index does (of 3 to
    # 30 letters), so when none begins with it, no indexed word does.
    completions: tuple[str, ...] = ()
    # How many of the newest matches are ranked (search/results.py): by default
    # SEARCH_MAX_RESULTS, which a results page can list; the suggestions, which show six, rank fewer.
    window: int | None = None

    def __bool__(self):
        return bool(self.parts)

    def __str__(self):
        """The query as a reader would type it again: "hydrolog", "\"climate change\" dutch"."""
        return " ".join(part if isinstance(part, str) else f'"{" ".join(part)}"' for part in self.parts)

    @property
    def words(self) -> list[str]:
        """Every word, the phrases' included, in order."""
        return [word for part in self.parts for word in ((part,) if isinstance(part, str) else part)]

    def phrases_as_words(self) -> "ReaderQuery":
        """The same query with each phrase's words as words of their own: what the ranking
        reads. Every result holds the phrases (the matching reads them as such); their words
        then weigh by where they stand, as PostgreSQL's ``ts_rank`` weighs a phrase's words."""
        return replace(self, parts=tuple(self.words))

    def replace_words(self, replacements: dict[str, str]) -> "ReaderQuery":
        """The same query with some words replaced (a correction); a corrected last word is a
        whole word, no longer a prefix."""
        parts = tuple(
            replacements.get(part, part)
            if isinstance(part, str)
            else tuple(replacements.get(word, word) for word in part)
            for part in self.parts
        )
        last = self.parts[-1] if self.parts else None
        prefix = self.prefix and isinstance(last, str) and last not in replacements
        return replace(self, parts=parts, prefix=prefix, completions=self.completions if prefix else ())

    def as_fts5(self, columns: tuple[str, ...] = ()) -> str:
        """An SQLite FTS5 MATCH expression of the words' stems (``stem``: SQLite's index holds
        stems), every part quoted, so no word is read as syntax."""

        def quoted(words):
            return '"' + " ".join(map(stem, words)).replace('"', '""') + '"'

        terms = [quoted((part,) if isinstance(part, str) else part) for part in self.parts]
        if self.prefix and self.completions:
            completions = dict.fromkeys(quoted((word,)) for word in self.completions)  # stems repeat
            terms[-1] = f"({' OR '.join(dict.fromkeys([terms[-1], *completions]))})"
        expression = " AND ".join(terms)
        return f"{{{' '.join(columns)}}} : ({expression})" if columns else expression

    def as_tsquery(self) -> str:
        """A PostgreSQL tsquery for ``to_tsquery(config, …)``, which stems and folds each word."""

        def lexeme(word):
            return "'" + word.replace("'", "''").replace("\\", "\\\\") + "'"

        terms = [
            lexeme(part) if isinstance(part, str) else "(" + " <-> ".join(map(lexeme, part)) + ")"
            for part in self.parts
        ]
        if self.prefix and self.completions:
            terms[-1] = f"({' | '.join([terms[-1], *map(lexeme, self.completions)])})"
        return " & ".join(terms)


def parse(raw: str) -> ReaderQuery:
    """Read what a reader typed. Never fails: anything that is not a word or a quote is a space."""
    raw = QUOTES.sub('"', raw[: MAX_QUERY_LENGTH * 4])
    pieces = raw.split('"')
    parts: list[str | tuple[str, ...]] = []
    for index, piece in enumerate(pieces):
        # Odd pieces are between quotes, unless the last quote has no pair.
        quoted = index % 2 == 1 and index < len(pieces) - 1
        words = words_of(piece)
        if quoted and len(words) > 1:
            parts.append(tuple(words))
        elif quoted:
            parts.extend(words)
        else:
            plain = [word for word in words if word not in STOP_WORDS]
            # A query of stop words only ("the who") keeps them: better than nothing.
            parts.extend(plain or words)
    parts = bounded(parts)
    last = parts[-1] if parts else None
    ends_with_word = bool(pieces[-1].strip()) or len(pieces) % 2 == 0  # nothing quoted after it
    prefix = isinstance(last, str) and len(last) >= PREFIX_MIN_LENGTH and ends_with_word
    return ReaderQuery(tuple(parts), prefix)


def bounded(parts):
    """At most MAX_QUERY_WORDS words and MAX_QUERY_LENGTH characters in all."""
    kept, words, length = [], 0, 0
    for part in parts:
        size = 1 if isinstance(part, str) else len(part)
        text = part if isinstance(part, str) else " ".join(part)
        if words + size > MAX_QUERY_WORDS or length + len(text) > MAX_QUERY_LENGTH:
            break
        kept.append(part)
        words += size
        length += len(text) + 1
    if not kept and parts:  # one enormous word: its first MAX_QUERY_LENGTH characters
        first = parts[0] if isinstance(parts[0], str) else parts[0][0]
        kept = [first[:MAX_QUERY_LENGTH]]
    return kept
