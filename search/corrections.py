""" "Did you mean …?": a query's unknown words corrected from the index's own vocabulary.

A word is corrected when the vocabulary (search.models.Word) does not hold it and holds a word
one slip away: a letter missing, extra or wrong, or two neighbours swapped (Damerau–Levenshtein
distance 1), that is not one of the common words a search leaves out ("inte" is not "into":
the query would lose it). Of several, the most frequent wins. Failing that, a word one slip away
whose plural or singular the vocabulary holds: a reader's slip need not be in the form the posts
use. Words shorter than MIN_LENGTH are left alone: too many short words are one slip from each
other.
"""

from dataclasses import replace
from string import ascii_lowercase

from .models import Word
from .query import STOP_WORDS, ReaderQuery

MIN_LENGTH = 4
# At most this many words of one query are corrected (each brings ~50 candidates a letter).
MAX_CORRECTED_WORDS = 4
# A half word stands for at most this many whole words, the most frequent.
MAX_COMPLETIONS = 20


def one_slip_away(word: str) -> set[str]:
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    deletes = {left + right[1:] for left, right in splits if right}
    swaps = {left + right[1] + right[0] + right[2:] for left, right in splits if len(right) > 1}
    replaces = {left + c + right[1:] for left, right in splits if right for c in ascii_lowercase}
    inserts = {left + c + right for left, right in splits for c in ascii_lowercase}
    return (deletes | swaps | replaces | inserts) - {word}


def correct(query: ReaderQuery) -> ReaderQuery | None:
    """The query with its unknown words corrected, or None when there is nothing to correct."""
    words = [word for word in dict.fromkeys(query.words) if len(word) >= MIN_LENGTH and word.isalpha()]
    if len(words) > MAX_CORRECTED_WORDS:
        # A long query: its unknown words first (one query more), so that a slip in a short word
        # among long ones is corrected too.
        known = set(Word.objects.filter(word__in=words).values_list("word", flat=True))
        words = [word for word in words if word not in known]
    words = sorted(words, key=len, reverse=True)[:MAX_CORRECTED_WORDS]
    if not words:
        return None
    candidates = {word: one_slip_away(word) - STOP_WORDS for word in words}
    every_candidate = set().union(*candidates.values())
    lookup = set(words) | every_candidate | {other_number(c) for c in every_candidate}
    frequency = dict(Word.objects.filter(word__in=lookup).values_list("word", "frequency"))
    replacements = {}
    for word in words:
        if word in frequency:
            continue  # a word the index knows
        known = {c: frequency[c] for c in candidates[word] if c in frequency}
        # Else a slip in a form no post has ("epidemiologsit" where posts say "Epidemiologists"):
        # the search finds the word the slip stands for in either form.
        known = known or {
            c: frequency[other_number(c)] for c in candidates[word] if other_number(c) in frequency
        }
        if known:
            replacements[word] = max(known, key=lambda candidate: (known[candidate], candidate))
    return query.replace_words(replacements) if replacements else None


def other_number(word: str) -> str:
    """The word's plural or singular, as English makes most: "model" and "models"."""
    return word[:-1] if word.endswith("s") else word + "s"


def complete(query: ReaderQuery, titles: bool = False) -> ReaderQuery:
    """The query with the vocabulary's words that its last, half-typed word begins, the most
    frequent first; with ``titles`` (a search of titles), words of titles only, those in the
    most titles first: a rare title word is not crowded out by commoner words of the text."""
    if not query.prefix:
        return query
    start = query.parts[-1]
    # A range on the unique index (a LIKE would read the whole table on SQLite).
    words = Word.objects.filter(word__gt=start, word__lt=start + "\U0010ffff")  # not the word itself
    order = ["-frequency", "word"]
    if titles:
        words, order = words.filter(in_titles__gt=0), ["-in_titles", *order]
    completions = words.order_by(*order).values_list("word", flat=True)[:MAX_COMPLETIONS]
    return replace(query, completions=tuple(completions))
