"""The reader index (search.PostEntry) follows the live posts through Wagtail's public hooks
(search/signals.py): what a reader finds is what is published, no more and no less."""

import pytest
from django.core.management import call_command
from django.db import connection

from blog.models import BlogPage
from search.models import PostEntry, Word
from search.signals import index_published_post

from ..factories import AuthorFactory, BlogCategoryFactory, BlogPageFactory, paragraph
from .test_search_results import make_post, result_titles, search


def found(client, query):
    return result_titles(search(client, query=query))


def test_a_draft_of_a_live_post_is_found_as_published_until_it_is_published(blog_index, client):
    post = make_post(blog_index, title="Lemurs of Madagascar", lead="Ring-tailed lemurs.")
    post = BlogPage.objects.get(pk=post.pk)
    post.title = "Tenrecs of Madagascar"
    post.lead = "Spiny tenrecs."
    revision = post.save_revision()  # Save draft: the live post stays as it was
    assert found(client, "lemurs") == ["Lemurs of Madagascar"]
    assert found(client, "tenrecs") == []
    revision.publish()
    assert found(client, "tenrecs") == ["Tenrecs of Madagascar"]
    assert found(client, "lemurs") == []


def test_an_unpublished_post_leaves_the_index_and_comes_back_when_published_again(blog_index, client):
    post = make_post(blog_index, title="Aye-aye nights")
    post.unpublish()
    assert not PostEntry.objects.filter(post=post).exists()
    assert found(client, "aye") == []
    post.save_revision().publish()
    assert found(client, "aye") == ["Aye-aye nights"]


def test_a_deleted_post_leaves_the_index(blog_index, client):
    post = make_post(blog_index, title="Fossa hunting")
    post.delete()
    assert not PostEntry.objects.exists()
    assert found(client, "fossa") == []


def test_a_post_made_live_without_publishing_is_indexed(blog_index, client):
    """An import or a fixture saves posts live, with their authors, without a publish."""
    BlogPageFactory(parent=blog_index, title="Indri songs", authors=[AuthorFactory(name="Odile Vasquez")])
    assert found(client, "indri") == ["Indri songs"]
    assert found(client, "vasquez") == ["Indri songs"]


def test_a_post_saved_as_a_draft_first_is_not_indexed(blog_index, client):
    BlogPageFactory(parent=blog_index, title="Sifaka leaps", live=False)
    assert not PostEntry.objects.exists()
    assert found(client, "sifaka") == []


def test_a_renamed_author_is_found_by_the_new_name_only(blog_index, client):
    author = AuthorFactory(name="Ottoline Quimby")
    make_post(blog_index, title="Mouse lemurs", authors=[author])
    author.name = "Ottoline Farquhar"
    author.save()
    assert found(client, "farquhar") == ["Mouse lemurs"]
    assert found(client, "quimby") == []
    assert found(client, "mouse") == ["Mouse lemurs"]  # the rest of the post is as it was


def test_a_renamed_or_deleted_category_is_read_again(blog_index, client):
    category = BlogCategoryFactory(name="Cryptozoology")
    other = BlogCategoryFactory(name="Primatology")
    make_post(blog_index, title="Night walks", categories=[category, other])
    category.name = "Zoogeography"
    category.save()
    assert found(client, "zoogeography") == ["Night walks"]
    assert found(client, "cryptozoology") == []
    other.delete()
    assert found(client, "primatology") == []
    assert found(client, "zoogeography") == ["Night walks"]


def test_a_deleted_author_is_no_longer_found_with_the_post(blog_index, client):
    author = AuthorFactory(name="Hieronymus Pell")
    make_post(blog_index, title="Bamboo lemurs", authors=[author])
    author.delete()
    assert found(client, "pell") == []
    assert found(client, "bamboo") == ["Bamboo lemurs"]


def test_update_index_writes_every_live_post_again_and_counts_the_vocabulary_again(blog_index, client):
    make_post(blog_index, title="Galago calls")
    BlogPageFactory(parent=blog_index, title="Potto draft", live=False)
    PostEntry.objects.all().delete()  # as after bulk changes made outside Wagtail
    Word.objects.all().delete()
    call_command("update_index", verbosity=0)
    assert found(client, "galago") == ["Galago calls"]
    assert list(PostEntry.objects.values_list("post__title", flat=True)) == ["Galago calls"]
    assert Word.objects.get(word="galago").in_titles == 1
    assert not Word.objects.filter(word="potto").exists()


def test_update_index_takes_wagtails_options(blog_index, client):
    """Ours takes the place of Wagtail's command and keeps its options; ``--schema-only`` loads no
    data into either index."""
    make_post(blog_index, title="Galago calls")
    PostEntry.objects.all().delete()
    call_command("update_index", "--schema-only", verbosity=0)
    assert not PostEntry.objects.exists()
    call_command("update_index", "--chunk_size", "50", verbosity=0)
    assert found(client, "galago") == ["Galago calls"]


@pytest.mark.parametrize("authors", [1, 3])
def test_indexing_a_published_post_takes_the_same_few_queries_whatever_it_holds(
    blog_index, client, django_assert_num_queries, authors
):
    """What a publish adds: the post read again with its authors and categories (three
    queries), its entry written (one; on PostgreSQL one more for its vectors) and its words."""
    post = BlogPageFactory(
        parent=blog_index,
        title="Slender loris",
        authors=[AuthorFactory() for _ in range(authors)],
        categories=[BlogCategoryFactory(), BlogCategoryFactory()],
        body=[paragraph(f"<p>Paragraph {n}.</p>") for n in range(20)],
    )
    with django_assert_num_queries(6 if connection.vendor == "postgresql" else 5):
        index_published_post(sender=BlogPage, instance=post)
    assert found(client, "loris") == ["Slender loris"]
