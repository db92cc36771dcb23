"""What keeps the reader index (search.PostEntry) true to the live posts, through public hooks:

- a post published (Wagtail's ``page_published``), or saved live as it is made (an import, a
  copy kept live), is indexed again; unpublished (``page_unpublished``), its entry goes; deleted,
  its entry goes with it (the entry's foreign key cascades);
- an author or a category saved or deleted: the names column of the posts that list it.

Whether a post is private is read at search time (search/results.py), not here.
"""

from django.db.models.signals import post_delete, post_save, pre_delete
from wagtail.signals import page_published, page_unpublished

from blog.models import Author, BlogCategory, BlogPage, BlogPageAuthor

from .indexing import index_posts, refresh_names, remove_post, with_names


def index_published_post(sender, instance, **kwargs):
    """The post as published, read again with its authors and categories: a few queries, however
    many it has."""
    index_posts(with_names(BlogPage.objects.filter(pk=instance.pk)))


def index_post_made_live(sender, instance, created, raw=False, **kwargs):
    """A post saved live as it is made: its authors and categories are saved after it, so they
    are read from the post as it is being saved."""
    if created and instance.live and not raw:
        index_posts([instance])


def remove_unpublished_post(sender, instance, **kwargs):
    remove_post(instance.pk)


def posts_of(instance) -> list[int]:
    if isinstance(instance, Author):
        return list(BlogPageAuthor.objects.filter(author=instance).values_list("page_id", flat=True))
    return list(BlogPage.objects.filter(categories=instance).values_list("pk", flat=True))


def refresh_names_of_posts(sender, instance, created=False, raw=False, **kwargs):
    if not created and not raw:
        refresh_names(posts_of(instance))


def note_posts_before_delete(sender, instance, **kwargs):
    """A deleted author's or category's posts are known only before it goes: noted on the
    instance, which Django hands to post_delete too."""
    instance.search_post_ids = posts_of(instance)


def refresh_names_after_delete(sender, instance, **kwargs):
    refresh_names(getattr(instance, "search_post_ids", []))


def connect():
    page_published.connect(index_published_post, sender=BlogPage)
    post_save.connect(index_post_made_live, sender=BlogPage)
    page_unpublished.connect(remove_unpublished_post, sender=BlogPage)
    for model in (Author, BlogCategory):
        post_save.connect(refresh_names_of_posts, sender=model)
        pre_delete.connect(note_posts_before_delete, sender=model)
        post_delete.connect(refresh_names_after_delete, sender=model)
