from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = []

    operations = [
        migrations.CreateModel(
            name="Word",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("word", models.CharField(max_length=30, unique=True)),
                ("frequency", models.PositiveIntegerField(default=0)),
            ],
            options={"verbose_name": "search vocabulary word"},
        ),
    ]
