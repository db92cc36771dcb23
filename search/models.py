from django.db import connection, models


class Word(models.Model):
    """A word the search index holds (folded, letters only), for "Did you mean" corrections.

    Written by the search backend each time it indexes an object (search/indexing.py);
    ``frequency`` counts the texts it was seen in, so a correction prefers the common word;
    ``in_titles`` the titles, so the suggestions complete a half word with the words of titles."""

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
