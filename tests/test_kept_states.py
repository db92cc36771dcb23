"""The database states tests start from (tests/conftest.py: keep_state, keep_world, copy_tables).

A copy brings a kept state back whole; on PostgreSQL it skips the foreign key checks of the rows
it copies, and must leave them on for everything the test writes after it."""

import pytest
from django.db import IntegrityError, connection, transaction

from blog.models import Author, BlogPageAuthor

from .conftest import copy_tables


def write_a_link_to_no_author(post):
    """A post's author row that points at an author who does not exist, checked at once."""
    missing = (Author.objects.order_by("-pk").values_list("pk", flat=True).first() or 0) + 1000
    with transaction.atomic():
        BlogPageAuthor.objects.create(page=post, author_id=missing)
        connection.check_constraints()


def test_after_a_copy_the_tests_own_writes_are_checked(demo):
    with pytest.raises(IntegrityError):
        write_a_link_to_no_author(demo)


@pytest.mark.django_db(transaction=True)
def test_a_copy_outside_a_transaction_leaves_the_checks_on(demo_state):
    """As in the browser tests: no test transaction around the copy, no connection opened yet."""
    connection.close()
    copy_tables(demo_state, source="demo_", target="")
    post = BlogPageAuthor.objects.select_related("page").first().page
    with pytest.raises(IntegrityError):
        write_a_link_to_no_author(post)
