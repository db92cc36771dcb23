"""How a post is laid out in the reader index (search.PostEntry), and how the index is kept.

A live post is one entry with four ranked columns, named here rather than read from a field's
boost: its title; its lead; its body (the post's own words) with the names of its authors and
categories; and its references and reading list, ranked lowest. On SQLite the entry holds their
Snowball stems (search/query.py ``stemmed``), which its full-text tables index; on PostgreSQL
the words as written, from which the ``site_english`` configuration makes ``vector`` (weights
A, B, C, D) and ``title_vector``.

search/signals.py calls ``index_posts`` when a post is published or made live, ``refresh_names``
when an author or a category is renamed or deleted; ``rebuild`` (``manage.py update_index``)
writes every entry again. Every word indexed also goes into the vocabulary (search.models.Word)
that "Did you mean" corrections and the suggestions' completions are drawn from.
"""

import re
from collections.abc import Iterable

from django.contrib.postgres.search import SearchVector
from django.db import connection, transaction
from django.db.models import Prefetch, TextField, Value
from django.db.models.functions import Concat

from blog.models import BlogPage, BlogPageAuthor

from .models import PostEntry, PostText, PostTitle, Word
from .query import as_indexed, fold, stemmed

# PostgreSQL's text search configuration: English stems of words without their accents
# (search/migrations/0002).
SEARCH_CONFIG = "site_english"
TEXT_COLUMNS = ("title", "lead", "body", "names", "refs")
BATCH_SIZE = 200

# Anything that is not a letter or digit separates words, on both databases: PostgreSQL's parser
# would otherwise keep "Managing/Being" as a file path and "example.org" as a host name, which a
# search for "managing" or "example" never matches; FTS5's tokenizer already splits them.
NON_WORD = re.compile(r"[^\w\s]|_")
# Vocabulary words: letters only, as long as a reader would type them.
VOCABULARY_WORD = re.compile(r"\b[^\W\d_]{3,30}\b")


def words_as_indexed(text: str) -> str:
    """Text as the index takes it, read as queries are read (search/query.py ``as_indexed``),
    split at every non-letter."""
    return NON_WORD.sub(" ", as_indexed(text))


def names_of(post: BlogPage) -> list[str]:
    """The post's authors' names, in their order, then its categories' names."""
    return [link.author.name for link in post.post_authors.all()] + [
        category.name for category in post.categories.all()
    ]


def texts_of(post: BlogPage) -> dict[str, str]:
    """The post's text by column, as the index takes it (before SQLite's stemming)."""
    return {
        "title": words_as_indexed(post.title),
        "lead": words_as_indexed(post.lead),
        "body": words_as_indexed(post.search_text()),
        "names": words_as_indexed(" ".join(names_of(post))),
        "refs": words_as_indexed(post.search_references()),
    }


def stored(text: str) -> str:
    """What an entry's column holds of a text: on SQLite the stems its full-text tables index."""
    return stemmed(text) if connection.vendor == "sqlite" else text


def with_names(posts):
    """Posts with what ``names_of`` reads, in two queries for any number of them."""
    return posts.prefetch_related(
        Prefetch("post_authors", BlogPageAuthor.objects.select_related("author")), "categories"
    )


def index_posts(posts: Iterable[BlogPage]) -> None:
    """Write the entries of ``posts`` (live posts), new or again."""
    texts = {post.pk: texts_of(post) for post in posts}
    if not texts:
        return
    PostEntry.objects.bulk_create(
        [
            PostEntry(post_id=pk, **{column: stored(text) for column, text in post_texts.items()})
            for pk, post_texts in texts.items()
        ],
        update_conflicts=True,
        unique_fields=["post"],
        update_fields=list(TEXT_COLUMNS),
    )
    make_vectors(texts)
    remember_words(
        (
            post_texts["title"],
            [post_texts["lead"], f"{post_texts['body']} {post_texts['names']}", post_texts["refs"]],
        )
        for post_texts in texts.values()
    )


def remove_post(post_id: int) -> None:
    PostEntry.objects.filter(post_id=post_id).delete()


def refresh_names(post_ids: Iterable[int]) -> None:
    """Write the names column again for these posts' entries (an author or a category renamed or
    gone): the rest of their text stays as it is."""
    posts = list(
        with_names(
            BlogPage.objects.filter(pk__in=PostEntry.objects.filter(post_id__in=post_ids).values("post_id"))
        )
    )
    if not posts:
        return
    names = {post.pk: words_as_indexed(" ".join(names_of(post))) for post in posts}
    PostEntry.objects.bulk_update(
        [PostEntry(post_id=pk, names=stored(text)) for pk, text in names.items()], ["names"]
    )
    make_vectors(list(names))
    remember_words(("", [text]) for text in names.values())


def make_vectors(post_ids: Iterable[int]) -> None:
    """PostgreSQL: the entries' ``vector`` and ``title_vector`` from their columns, in one UPDATE."""
    if connection.vendor != "postgresql":
        return

    def vector(expression, weight):
        return SearchVector(expression, weight=weight, config=SEARCH_CONFIG)

    PostEntry.objects.filter(post_id__in=list(post_ids)).update(
        vector=vector("title", "A")
        + vector("lead", "B")
        + vector(Concat("body", Value(" "), "names", output_field=TextField()), "C")
        + vector("refs", "D"),
        title_vector=vector("title", "A"),
    )


def rebuild() -> int:
    """Every live post's entry written again, and the vocabulary counted again; returns how many."""
    count = 0
    with transaction.atomic():
        PostEntry.objects.all().delete()
        Word.objects.all().delete()
        posts = with_names(BlogPage.objects.live().order_by("pk"))
        batch = []
        for post in posts.iterator(chunk_size=BATCH_SIZE):
            batch.append(post)
            if len(batch) == BATCH_SIZE:
                index_posts(batch)
                count, batch = count + len(batch), []
        index_posts(batch)
        count += len(batch)
    merge_full_text_tables()
    return count


def merge_full_text_tables() -> None:
    """SQLite: merge each full-text table into one segment (FTS5's 'optimize'). Each write adds a
    segment, which FTS5 merges four at a time, and a search reads the words' entries in each."""
    if connection.vendor != "sqlite":
        return
    with connection.cursor() as cursor:
        for model in (PostText, PostTitle):
            table = connection.ops.quote_name(model._meta.db_table)
            cursor.execute(f"INSERT INTO {table}({table}) VALUES ('optimize')")  # noqa: S608 (a table name)


def remember_words(texts) -> None:
    """Add the words of indexed posts, each a title and its other texts, to the vocabulary:
    counting each word once per text it is in, and once per title."""
    counts = {}
    for title, others in texts:
        for index, text in enumerate([title, *others]):
            for word in set(VOCABULARY_WORD.findall(fold(text))):
                frequency, in_titles = counts.get(word, (0, 0))
                counts[word] = (frequency + 1, in_titles + (index == 0 and bool(title)))
    Word.add(counts)
