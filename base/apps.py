from django.apps import AppConfig


class BaseConfig(AppConfig):
    name = "base"
    verbose_name = "Site-wide content"

    def ready(self):
        from . import signals  # noqa: F401 - connects the page cache's receivers
        from .images import keep_srcset_filters

        keep_srcset_filters()
