"""The vocabulary counts the titles each word is in, for the suggestions' completions; it is
counted again as ``migrate`` rebuilds the index after this migration (search/apps.py)."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("search", "0007_newest_titles_index")]

    operations = [
        migrations.AddField(model_name="word", name="in_titles", field=models.PositiveIntegerField(default=0)),
    ]
