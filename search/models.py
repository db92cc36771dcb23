from django.contrib.postgres.search import SearchVectorField
from django.db import connection, models


class PostEntry(models.Model):
    """A live post as the reader search reads it: one row per live post, written when the post
    is published and removed when it is unpublished or deleted (search/signals.py).

    The text columns hold the words as the full-text index takes them (search/indexing.py): on
    SQLite their Snowball stems, which two FTS5 tables of ours index (search/migrations/0010:
    ``search_postentry_fts`` with a column per rank, ``search_title_fts`` the titles alone); on
    PostgreSQL the words as written, from which ``vector`` (weights A title, B lead, C body and
    names, D references) and ``title_vector`` are made, GIN-indexed."""

    post = models.OneToOneField(
        "blog.BlogPage", on_delete=models.CASCADE, primary_key=True, related_name="search_entry"
    )
    title = models.TextField()
    lead = models.TextField(blank=True)
    body = models.TextField(blank=True)  # the text, its headings, lists and quotes
    names = models.TextField(blank=True)  # the authors' and categories' names, ranked as the body
    refs = models.TextField(blank=True)  # the references and reading list, ranked lowest
    vector = SearchVectorField(null=True)  # PostgreSQL only
    title_vector = SearchVectorField(null=True)  # PostgreSQL only

    class Meta:
        verbose_name = "search entry"
        verbose_name_plural = "search entries"

    def __str__(self):
        return self.title


class Word(models.Model):
    """A word the reader index holds (folded, letters only), for "Did you mean" corrections.

    Written each time a post is indexed (search/indexing.py); ``frequency`` counts the texts it
    was seen in, so a correction prefers the common word; ``in_titles`` the titles, so the
    suggestions complete a half word with the words of titles."""

    word = models.CharField(max_length=30, unique=True)
    frequency = models.PositiveIntegerField(default=0)
    in_titles = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = "search vocabulary word"

    def __str__(self):
        return self.word

    @classmethod
    def add(cls, counts: dict[str, tuple[int, int]]) -> None:
        """Add ``counts`` (word → texts, titles) to the vocabulary: one upsert per batch of words."""
        items = sorted(counts.items())
        table = connection.ops.quote_name(cls._meta.db_table)
        for start in range(0, len(items), 500):
            batch = items[start : start + 500]
            values = ", ".join(["(%s, %s, %s)"] * len(batch))
            with connection.cursor() as cursor:
                cursor.execute(
                    f"INSERT INTO {table} (word, frequency, in_titles) VALUES {values} "  # noqa: S608 (a table name)
                    f"ON CONFLICT (word) DO UPDATE SET frequency = {table}.frequency + excluded.frequency,"
                    f" in_titles = {table}.in_titles + excluded.in_titles",
                    [
                        value
                        for word, (frequency, in_titles) in batch
                        for value in (word, frequency, in_titles)
                    ],
                )


class FullTextTable(models.Model):
    """A full-text table of SQLite's (FTS5) over the entries, read by the reader search there
    (search/sqlite.py): made by search/migrations/0010 and kept by triggers on PostEntry, so
    Django neither creates nor writes it. ``rowid`` is the post's id."""

    rowid = models.BigIntegerField(primary_key=True, db_column="rowid")

    class Meta:
        abstract = True
        managed = False

    def __str__(self):
        return str(self.rowid)


class PostText(FullTextTable):
    """``search_postentry_fts``: title, lead, body (with the names) and references, one column
    each, for bm25() to weigh."""

    class Meta(FullTextTable.Meta):
        db_table = "search_postentry_fts"


class PostTitle(FullTextTable):
    """``search_title_fts``: the titles alone, for the suggestions and the posts whose title holds
    the whole query."""

    class Meta(FullTextTable.Meta):
        db_table = "search_title_fts"
