"""Whatever readers could see change makes the cached pages fresh at once (base/signals.py)."""

import pytest
from django.test import Client
from wagtail.models import PageViewRestriction, Site

from base.models import FooterSettings, Partner
from blog.models import Author, BlogCategory
from tests.conftest import soup_of
from tests.factories import BlogPageFactory, PartnerFactory

SEED_POST = "/blog/ai-research-with-china/"


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 600


def reader(url):
    return Client().get(url)


def test_publishing_a_new_post_shows_it_in_listings_feeds_and_search(demo, change):
    urls = ["/", "/blog/", "/blog/feed/", "/search/?query=Quantum"]
    for url in urls:
        assert b"Quantum kittens" not in reader(url).content
    post = BlogPageFactory(parent=demo.get_parent(), title="Quantum kittens", live=False)
    change(lambda: post.save_revision().publish())
    for url in urls:
        assert b"Quantum kittens" in reader(url).content, url


def test_editing_and_publishing_a_post_shows_the_new_version(demo, change):
    assert b"Edited title" not in reader(SEED_POST).content
    demo.title = "Edited title"
    change(lambda: demo.save_revision().publish())
    assert b"Edited title" in reader(SEED_POST).content
    assert b"Edited title" in reader("/blog/").content


def test_saving_a_draft_changes_nothing_readers_see(demo, change):
    before = reader(SEED_POST).content
    demo.title = "Draft title"
    change(lambda: demo.save_revision())
    assert reader(SEED_POST).content == before


def test_unpublishing_a_post_removes_it(demo, change):
    assert reader(SEED_POST).status_code == 200
    change(lambda: demo.unpublish())
    assert reader(SEED_POST).status_code == 404
    assert demo.title.encode() not in reader("/blog/").content


def test_making_a_post_private_takes_it_away_from_readers_at_once(demo, change):
    assert reader(SEED_POST).status_code == 200
    assert reader(SEED_POST).status_code == 200  # from the cache
    restriction = PageViewRestriction(page=demo, restriction_type=PageViewRestriction.LOGIN)
    change(restriction.save)
    assert reader(SEED_POST).status_code == 302  # to the login page
    assert demo.title.encode() not in reader("/blog/").content
    change(restriction.delete)
    assert reader(SEED_POST).status_code == 200


def test_deleting_a_post_removes_it(demo, change):
    title = demo.title.encode()
    assert title in reader("/blog/").content
    change(lambda: demo.delete())
    assert reader(SEED_POST).status_code == 404
    assert title not in reader("/blog/").content


def test_editing_a_partner_shows_on_every_page(demo, change):
    assert b"New partner" not in reader(SEED_POST).content
    change(lambda: PartnerFactory(name="New partner"))
    assert b"New partner" in reader(SEED_POST).content
    assert b"New partner" in reader("/").content
    change(lambda: Partner.objects.get(name="New partner").delete())
    assert b"New partner" not in reader(SEED_POST).content


def test_editing_the_footer_shows_on_every_page(demo, change):
    footer = FooterSettings.for_site(Site.objects.get(is_default_site=True))
    reader(SEED_POST)
    footer.copyright_line = "Copyright line changed"
    change(footer.save)
    assert b"Copyright line changed" in reader(SEED_POST).content


def test_editing_a_social_link_shows_on_every_page(demo, change):
    footer = FooterSettings.for_site(Site.objects.get(is_default_site=True))
    link = footer.social_links.first()
    assert link.url.encode() in reader(SEED_POST).content
    link.url = "https://social.example/new-profile"
    change(link.save)
    assert b"https://social.example/new-profile" in reader(SEED_POST).content


def test_editing_an_author_shows_on_their_posts(demo, change):
    author = Author.objects.get(slug="lynda-hardman")
    reader(SEED_POST)
    author.name = "Renamed Author"
    change(author.save)
    assert b"Renamed Author" in reader(SEED_POST).content
    assert b"Renamed Author" in reader("/blog/author/lynda-hardman/").content


def test_editing_a_category_shows_on_its_posts(demo, change):
    category = BlogCategory.objects.get(slug="china")
    reader(SEED_POST)
    category.name = "Renamed category"
    change(category.save)
    assert b"Renamed category" in reader(SEED_POST).content


def test_editing_an_image_shows_its_new_crop(demo, change):
    def shared_image_url():
        return soup_of(reader(SEED_POST)).find("meta", property="og:image")["content"]

    image = demo.listing_image  # the post's sharing image, a crop around the focal point
    before = shared_image_url()
    image.focal_point_x, image.focal_point_y, image.focal_point_width, image.focal_point_height = (
        10,
        10,
        20,
        20,
    )
    change(image.save)
    after = shared_image_url()
    assert after != before
    assert image.renditions.filter(file__endswith=after.rsplit("/", 1)[-1]).exists()


def test_nothing_is_cleared_before_the_change_is_committed(demo, django_capture_on_commit_callbacks):
    reader(SEED_POST)
    demo.title = "Not yet committed"
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        demo.save_revision().publish()
    # Inside the test's transaction the new title is in the database, but the cache still holds
    # the page as it was: a reader could otherwise store the old version under the new key.
    assert b"Not yet committed" not in reader(SEED_POST).content
    assert callbacks
