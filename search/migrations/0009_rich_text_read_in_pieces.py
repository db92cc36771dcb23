"""The index reads each paragraph, list item and line of a post's rich text as a piece of its
own (blog/text.py ``body_texts``): list items without punctuation no longer run together into
one word ("<li>Noord</li><li>Oost</li>" was indexed as "NoordOost"). Nothing changes in the
tables: every entry is written again after ``migrate`` (search/apps.py)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("search", "0008_word_in_titles")]

    operations = [migrations.RunPython(migrations.RunPython.noop, migrations.RunPython.noop, elidable=False)]
