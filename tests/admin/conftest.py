"""The admin's tests' people and posts: an editor of the blog, an author to credit, a published
post and a draft, each saved by the editor."""

import pytest

from base.permissions import EDITORS, grant_blog_permissions

from ..factories import AuthorFactory, BlogPageFactory, UserFactory


@pytest.fixture
def editor(blog_index):
    grant_blog_permissions(blog_index)
    return UserFactory(username="erin", groups=[EDITORS])


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def author(db):
    return AuthorFactory(name="Lynda Hardman")


@pytest.fixture
def post(blog_index, author, editor):
    post = BlogPageFactory(parent=blog_index, title="Open data in Amsterdam", authors=[author])
    post.save_revision(user=editor, log_action=True).publish(user=editor)
    return post


@pytest.fixture
def draft(blog_index, author, editor):
    draft = BlogPageFactory(parent=blog_index, title="A draft about open data", authors=[author], live=False)
    draft.save_revision(user=editor, log_action=True)
    return draft
