from django.apps import AppConfig
from django.db.models.signals import post_migrate


class BaseConfig(AppConfig):
    name = "base"
    verbose_name = "Site-wide content"

    def ready(self):
        from . import signals  # noqa: F401 - connects the page cache's receivers
        from .images import keep_srcset_filters
        from .sites import sync_default_site

        keep_srcset_filters()
        # After every migrate, the default Site has the address SITE_URL names.
        post_migrate.connect(sync_default_site, sender=self)
