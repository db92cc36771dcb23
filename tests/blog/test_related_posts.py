"""The "Read More" posts under a post: the editor's picks, then the newest posts sharing a category."""

import datetime

import pytest
from wagtail.models import PageViewRestriction

from blog.models import RELATED_POSTS_COUNT, BlogPage, BlogPageRelatedPost

from ..conftest import soup_of, text_of
from ..factories import BlogCategoryFactory, BlogPageFactory

DAY = datetime.date(2021, 1, 1)


def on(days):
    return DAY + datetime.timedelta(days=days)


def fresh(post):
    """The post as a new request would load it (related_posts is cached on the instance)."""
    return BlogPage.objects.get(pk=post.pk)


def titles(posts):
    return [post.title for post in posts]


@pytest.fixture
def china(db):
    return BlogCategoryFactory(name="China")


@pytest.fixture
def design(db):
    return BlogCategoryFactory(name="Design")


def test_editors_picks_come_first_in_their_order(blog_index, china):
    newest_sharing = BlogPageFactory(parent=blog_index, title="Sharing", date=on(30), categories=[china])
    pick_a = BlogPageFactory(parent=blog_index, title="Pick A", date=on(1))
    pick_b = BlogPageFactory(parent=blog_index, title="Pick B", date=on(2))
    post = BlogPageFactory(parent=blog_index, title="Post", categories=[china], related=[pick_b, pick_a])
    assert titles(fresh(post).related_posts) == ["Pick B", "Pick A", newest_sharing.title]


def test_free_places_are_filled_with_the_newest_posts_sharing_a_category(blog_index, china, design):
    BlogPageFactory(parent=blog_index, title="Old China", date=on(1), categories=[china])
    BlogPageFactory(parent=blog_index, title="New China", date=on(5), categories=[china])
    BlogPageFactory(parent=blog_index, title="Design only", date=on(9), categories=[design])
    BlogPageFactory(parent=blog_index, title="Middle both", date=on(3), categories=[china, design])
    BlogPageFactory(parent=blog_index, title="Uncategorised", date=on(10))
    BlogPageFactory(parent=blog_index, title="Oldest China", date=on(0), categories=[china])
    post = BlogPageFactory(parent=blog_index, title="Post", date=on(20), categories=[china])
    assert titles(fresh(post).related_posts) == ["New China", "Middle both", "Old China"]


def test_every_category_counts_and_a_post_appears_once(blog_index, china, design):
    BlogPageFactory(parent=blog_index, title="Both", date=on(3), categories=[china, design])
    BlogPageFactory(parent=blog_index, title="Design", date=on(2), categories=[design])
    post = BlogPageFactory(parent=blog_index, title="Post", categories=[china, design])
    assert titles(fresh(post).related_posts) == ["Both", "Design"]


def test_a_pick_is_not_repeated_by_the_auto_fill(blog_index, china):
    sharing = BlogPageFactory(parent=blog_index, title="Sharing and picked", date=on(5), categories=[china])
    other = BlogPageFactory(parent=blog_index, title="Other sharing", date=on(1), categories=[china])
    post = BlogPageFactory(parent=blog_index, title="Post", categories=[china], related=[sharing])
    assert titles(fresh(post).related_posts) == [sharing.title, other.title]


def test_never_the_post_itself(blog_index, china):
    other = BlogPageFactory(parent=blog_index, title="Other", date=on(1), categories=[china])
    post = BlogPageFactory(parent=blog_index, title="Post", date=on(9), categories=[china])
    # The editor even picks the post itself.
    post.related_post_links = [BlogPageRelatedPost(related_post=post)]
    post.save()
    assert titles(fresh(post).related_posts) == ["Other"]
    assert titles(fresh(other).related_posts) == ["Post"]  # the other post: its own category, not itself


def test_never_a_draft_neither_picked_nor_sharing(blog_index, china):
    picked_draft = BlogPageFactory(parent=blog_index, title="Picked draft", date=on(8), live=False)
    BlogPageFactory(parent=blog_index, title="Sharing draft", date=on(9), categories=[china], live=False)
    live = BlogPageFactory(parent=blog_index, title="Live sharing", date=on(1), categories=[china])
    post = BlogPageFactory(parent=blog_index, title="Post", categories=[china], related=[picked_draft])
    assert titles(fresh(post).related_posts) == [live.title]


def test_a_post_unpublished_later_disappears(blog_index, china):
    picked = BlogPageFactory(parent=blog_index, title="Picked", date=on(2))
    post = BlogPageFactory(parent=blog_index, title="Post", categories=[china], related=[picked])
    assert titles(fresh(post).related_posts) == ["Picked"]
    picked.unpublish()
    assert fresh(post).related_posts == []


def test_private_pages_are_excluded(blog_index, china):
    private_pick = BlogPageFactory(parent=blog_index, title="Private pick", date=on(3))
    private_sharing = BlogPageFactory(
        parent=blog_index, title="Private sharing", date=on(4), categories=[china]
    )
    for page in (private_pick, private_sharing):
        PageViewRestriction.objects.create(page=page, restriction_type="password", password="secret")
    public = BlogPageFactory(parent=blog_index, title="Public sharing", date=on(1), categories=[china])
    post = BlogPageFactory(parent=blog_index, title="Post", categories=[china], related=[private_pick])
    assert titles(fresh(post).related_posts) == [public.title]


def test_at_most_three_picks(blog_index):
    picks = [BlogPageFactory(parent=blog_index, title=f"Pick {n}", date=on(n)) for n in range(5)]
    post = BlogPageFactory(parent=blog_index, title="Post", related=picks)
    assert titles(fresh(post).related_posts) == ["Pick 0", "Pick 1", "Pick 2"]


def test_at_most_three_candidates(blog_index, china):
    for n in range(6):
        BlogPageFactory(parent=blog_index, title=f"Sharing {n}", date=on(n), categories=[china])
    post = BlogPageFactory(parent=blog_index, title="Post", date=on(50), categories=[china])
    related = fresh(post).related_posts
    assert len(related) == RELATED_POSTS_COUNT == 3
    assert titles(related) == ["Sharing 5", "Sharing 4", "Sharing 3"]


def test_a_post_picked_twice_takes_one_place(blog_index, china):
    """Nothing stops an editor picking the same post twice; it must not cost a second place."""
    picked = BlogPageFactory(parent=blog_index, title="Picked twice", date=on(9))
    for n in range(3):
        BlogPageFactory(parent=blog_index, title=f"Sharing {n}", date=on(n), categories=[china])
    post = BlogPageFactory(parent=blog_index, title="Post", categories=[china], related=[picked, picked])
    assert titles(fresh(post).related_posts) == ["Picked twice", "Sharing 2", "Sharing 1"]


def test_no_categories_and_no_picks_means_no_related_posts(blog_index, china):
    BlogPageFactory(parent=blog_index, title="Other", categories=[china])
    post = BlogPageFactory(parent=blog_index, title="Lonely")
    assert fresh(post).related_posts == []


def test_related_posts_are_shown_as_cards_in_order(blog_index, client, china):
    pick = BlogPageFactory(parent=blog_index, title="The pick", date=on(1))
    BlogPageFactory(parent=blog_index, title="The sharing one", date=on(2), categories=[china])
    post = BlogPageFactory(parent=blog_index, title="Post", categories=[china], related=[pick])
    soup = soup_of(client.get(post.url))
    section = soup.find("section", class_="read-more")
    assert text_of(section.find("h2")) == "Read More"
    assert [text_of(a) for a in section.select(".post-card__title a")] == ["The pick", "The sharing one"]
    assert section.select(".post-card__title a")[0]["href"] == pick.url
    assert [t["datetime"] for t in section.select("time")] == ["2021-01-02", "2021-01-03"]


def test_no_read_more_section_without_related_posts(blog_index, client):
    post = BlogPageFactory(parent=blog_index, title="Lonely")
    assert soup_of(client.get(post.url)).find("section", class_="read-more") is None
