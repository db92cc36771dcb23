"""The index takes text as queries read it (search/query.py ``as_indexed``): a possessive "'s"
dropped, so a quoted "Europe's first" finds those words side by side, and letters without a
separate accent spelled out ("Straße", "Tromsø", "Łódź"), which FTS5 did not fold. Nothing
changes in the tables: every entry is written again after ``migrate`` (search/apps.py)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("search", "0003_entry_text_column")]

    operations = [migrations.RunPython(migrations.RunPython.noop, migrations.RunPython.noop, elidable=False)]
