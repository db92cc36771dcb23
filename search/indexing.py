"""How an object's text is laid out in the search index, shared by the SQLite and PostgreSQL
backends so that both rank it the same way.

Each ``SearchField`` lands in one of four columns by its name and boost:

- ``title``: the field named ``title`` (ranked highest);
- ``lead``: fields boosted above 1 (a post's lead);
- ``body``: fields without a boost (the text, authors, categories);
- ``refs``: fields boosted below 1 (a post's references and reading list; ranked lowest).

On SQLite these are columns of the FTS5 table (search/migrations/0002), filled from the index
entry's ``body``, which holds the three non-title columns joined by SECTION_SEPARATOR. On
PostgreSQL they are the tsvector weights A, B, C and D.

Every word indexed also goes into the vocabulary (search.models.Word) that "Did you mean"
corrections are drawn from.
"""

import re

from modelsearch.index import SearchField

from .models import Word
from .query import as_indexed, fold

# An ASCII record separator: never in text, and a separator to FTS5's tokenizer too.
SECTION_SEPARATOR = "\x1e"
SECTIONS = ("body", "lead", "refs")
WEIGHTS = {"title": "A", "lead": "B", "body": "C", "refs": "D"}

# Anything that is not a letter or digit separates words, on both databases: PostgreSQL's parser
# would otherwise keep "Managing/Being" as a file path and "example.org" as a host name, which a
# search for "managing" or "example" never matches; FTS5's tokenizer already splits them.
NON_WORD = re.compile(r"[^\w\s]|_")
# Vocabulary words: letters only, as long as a reader would type them.
VOCABULARY_WORD = re.compile(r"\b[^\W\d_]{3,30}\b")


def column_of(field) -> str:
    if field.field_name == "title":
        return "title"
    boost = field.boost or 1
    return "lead" if boost > 1 else "refs" if boost < 1 else "body"


def sections_of(indexer) -> dict[str, list[str]]:
    """The text of an object's non-title search fields, by column. ``indexer`` is a modelsearch
    ObjectIndexer (its ``prepare_field`` yields the field first and the value last)."""
    sections = {section: [] for section in SECTIONS}
    for field in indexer.search_fields:
        for current_field, *_weight, value in indexer.prepare_field(indexer.obj, field):
            if isinstance(current_field, SearchField) and current_field.field_name != "title":
                sections[column_of(current_field)].append(value)
    return sections


def prepared_once(indexer, obj, field, prepare):
    """``prepare(obj, field)`` for one of the indexed object's own fields, worked out once, each
    value as the index takes it (``indexed_values``; a related object's values are among its
    RelatedFields' values, taken so there).

    modelsearch's indexers walk every search field again for each column they fill: three times
    on SQLite (title, autocomplete, body), five on PostgreSQL (with the plain texts), rendering a
    post's body and reading its authors and categories each time. An indexer's ``prepare_field``
    goes through here; the fields of related objects (RelatedFields) are prepared as they come.
    """
    if obj is not indexer.obj:
        return prepare(obj, field)
    prepared = indexer.__dict__.setdefault("prepared_fields", {})
    if field not in prepared:
        prepared[field] = list(indexed_values(prepare(obj, field)))
    return iter(prepared[field])


def indexed_values(prepared):
    """Prepared fields (the field first, the value last) with their values as the index takes
    them: split at every non-letter, and a search field's read as queries are (search/query.py
    ``as_indexed``). Autocomplete fields keep their letters: Wagtail's own autocomplete (the
    admin's choosers) matches what an editor types as written."""
    for field, *weight, value in prepared:
        if isinstance(field, SearchField):
            value = as_indexed(value)
        yield (field, *weight, NON_WORD.sub(" ", value))


def remember_words(objects) -> None:
    """Add the words of indexed ``objects``, each a title and its other texts, to the vocabulary:
    counting each word once per text it is in, and once per title."""
    counts = {}
    for title, texts in objects:
        for index, text in enumerate([title, *texts]):
            for word in set(VOCABULARY_WORD.findall(fold(text))):
                frequency, in_titles = counts.get(word, (0, 0))
                counts[word] = (frequency + 1, in_titles + (index == 0))
    Word.add(counts)
