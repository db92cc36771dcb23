"""base/ordering.py: the data migrations' mending of Orderable rows stored without a sort_order."""

import pytest

from base.ordering import number_unordered_rows
from blog.models import BlogPageAuthor
from tests.factories import AuthorFactory, BlogPageFactory

pytestmark = pytest.mark.django_db


def stored(post):
    return list(post.post_authors.values_list("author__name", "sort_order"))


def test_rows_without_a_sort_order_are_numbered_in_the_order_they_were_made(blog_index):
    ann, bob, cee = AuthorFactory(name="Ann"), AuthorFactory(name="Bob"), AuthorFactory(name="Cee")
    unordered = BlogPageFactory(parent=blog_index, authors=[cee, ann, bob])
    unordered.post_authors.update(sort_order=None)
    ordered = BlogPageFactory(parent=blog_index, authors=[ann, bob])
    BlogPageAuthor.objects.filter(page=ordered, author=ann).update(sort_order=7)

    number_unordered_rows(BlogPageAuthor, "page")

    assert stored(unordered) == [("Cee", 0), ("Ann", 1), ("Bob", 2)]
    assert stored(ordered) == [("Bob", 1), ("Ann", 7)]  # a post whose rows have their order keeps it
