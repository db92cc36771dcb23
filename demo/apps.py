from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo content and ``manage.py load_demo``: a user of every other app, used by none."""

    name = "demo"
    verbose_name = "Demo content"
