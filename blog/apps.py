from django.apps import AppConfig


class BlogConfig(AppConfig):
    name = "blog"
    verbose_name = "Blog"

    def ready(self):
        from base.cache import clear_cache_on_change

        from .models import Author, AuthorLink, BlogCategory

        # Posts show their authors (with their links) and categories: a change clears the page cache.
        clear_cache_on_change(Author, AuthorLink, BlogCategory)
