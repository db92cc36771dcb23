"""The parts every page shows (navigation, footer), a post's "Read More" cards and the post cards
of listings are rendered once and kept until something in them changes (base/cache.py
``cached_fragment``, ``cached_fragments``), on every page that is rendered: with the page cache
off (the test settings), for editors signed in; previews build "Read More" afresh."""

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Site

from base.models import SOCIAL_IMAGE_FILTER, FooterSettings, Partner
from blog.models import BlogPage, BlogPageRelatedPost
from tests.conftest import soup_of, text_of
from tests.factories import BlogPageFactory, PartnerFactory, UserFactory, paragraph

SEED_POST = "/blog/ai-research-with-china/"


def queries(client, url) -> list[str]:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return [query["sql"] for query in captured.captured_queries]


def menu(response):
    nav = soup_of(response).find("nav", attrs={"aria-label": "Main"})
    return [(text_of(a), a.get("aria-current")) for a in nav.find_all("a")]


def footer_text(response):
    return text_of(soup_of(response).find("footer"))


def test_the_footer_and_menu_are_read_from_the_database_once(demo, settings, client):
    first = queries(client, SEED_POST)
    second = queries(client, SEED_POST)
    for table in ("base_footersettings", "base_sociallink", "base_partner"):
        assert any(table in sql for sql in first), table
        assert not any(table in sql for sql in second), table
    assert len(second) < len(first)
    # Off, every page reads them again.
    settings.FRAGMENT_CACHE_SECONDS = 0
    assert any("base_partner" in sql for sql in queries(client, SEED_POST))


def test_the_kept_menu_marks_the_page_shown(demo, client):
    assert ("Blog", "page") in menu(client.get("/blog/"))
    assert ("Home", None) in menu(client.get("/blog/"))
    assert ("Home", "page") in menu(client.get("/"))
    assert ("Blog", None) in menu(client.get("/"))
    # A post is in the blog's section.
    assert ("Blog", "page") in menu(client.get(SEED_POST))


def test_a_page_published_in_the_menu_shows_at_once_and_leaves_when_unpublished(demo, client, change):
    home = Site.objects.get(is_default_site=True).root_page
    assert "Events" not in dict(menu(client.get(SEED_POST)))
    events = BlogPageFactory(parent=home, title="Events", slug="events", live=False, show_in_menus=True)
    assert "Events" not in dict(menu(client.get(SEED_POST)))  # a draft is not in the menu
    change(lambda: events.save_revision().publish())
    assert "Events" in dict(menu(client.get(SEED_POST)))
    events.refresh_from_db()
    change(events.unpublish)
    assert "Events" not in dict(menu(client.get(SEED_POST)))


def test_footer_changes_show_at_once(demo, client, change):
    footer = FooterSettings.for_site(Site.objects.get(is_default_site=True))
    client.get(SEED_POST)
    footer.copyright_line = "© A new copyright line"
    change(footer.save)
    assert "© A new copyright line" in footer_text(client.get(SEED_POST))
    link = footer.social_links.first()
    link.url = "https://social.example/renamed"
    change(link.save)
    assert b"https://social.example/renamed" in client.get("/").content


def partner_logos(response) -> list[str]:
    return [img["alt"] for img in soup_of(response).find("footer").select(".partners img")]


def test_partner_changes_show_at_once(demo, client, change):
    assert "A new partner" not in partner_logos(client.get("/blog/"))
    change(lambda: PartnerFactory(name="A new partner"))
    assert "A new partner" in partner_logos(client.get("/blog/"))
    partner = Partner.objects.get(name="A new partner")
    partner.name = "A renamed partner"
    change(partner.save)
    assert "A renamed partner" in partner_logos(client.get("/"))
    change(partner.delete)
    assert "A renamed partner" not in partner_logos(client.get("/blog/"))


def test_the_site_is_looked_up_once_and_its_home_page_kept(demo, client, change):
    site = Site.objects.get(is_default_site=True)
    assert client.get(SEED_POST).status_code == 200  # keeps the home page
    site.site_name = "Amsterdam Data Science, renamed"
    change(site.save)
    assert b"Amsterdam Data Science, renamed" in client.get(SEED_POST).content
    # Wagtail's Site.find_for_request reads the site for every page rendered (no public API
    # takes a kept one); the home page's own row is kept.
    kept = queries(client, SEED_POST)
    assert sum("wagtailcore_site" in sql for sql in kept) == 1
    assert not any("home_homepage" in sql for sql in kept)


def test_an_editor_signed_in_sees_a_change_at_once_too(demo, change):
    editor = Client()
    editor.force_login(UserFactory(is_superuser=True))
    editor.get(SEED_POST)
    footer = FooterSettings.for_site(Site.objects.get(is_default_site=True))
    footer.credit_line = "Credits, changed"
    change(footer.save)
    assert "Credits, changed" in footer_text(editor.get(SEED_POST))


# "Read More" on a post ---------------------------------------------------------------------------


def read_more_titles(response) -> list[str]:
    section = soup_of(response).find("section", class_="read-more")
    return [text_of(title) for title in section.select(".post-card__title")] if section else []


def test_the_read_more_cards_are_read_from_the_database_once(demo, client):
    first = queries(client, SEED_POST)
    second = queries(client, SEED_POST)
    assert any("blog_blogpagerelatedpost" in sql for sql in first)
    assert not any("blog_blogpagerelatedpost" in sql for sql in second)
    assert read_more_titles(client.get(SEED_POST)) == read_more_titles(Client().get(SEED_POST))


def test_a_related_post_renamed_or_its_author_renamed_shows_at_once(demo, client, change):
    [first, *_] = demo.related_posts
    old_title = first.title
    assert old_title in read_more_titles(client.get(SEED_POST))
    first.title = "A related post, renamed"
    change(lambda: first.save_revision().publish())
    assert "A related post, renamed" in read_more_titles(client.get(SEED_POST))
    assert old_title not in read_more_titles(client.get(SEED_POST))
    author = first.authors[0]
    author.name = "An author, renamed"
    change(author.save)
    assert b"An author, renamed" in client.get(SEED_POST).content


def test_a_preview_shows_the_editors_unsaved_picks_and_readers_the_live_ones(demo, client):
    live_titles = read_more_titles(client.get(SEED_POST))  # kept for readers
    other = BlogPageFactory(parent=demo.get_parent(), title="Picked in the draft only")
    draft = BlogPage.objects.get(pk=demo.pk)
    draft.related_post_links = [BlogPageRelatedPost(related_post=other)]
    preview = draft.make_preview_request()
    assert read_more_titles(preview)[0] == "Picked in the draft only"
    assert read_more_titles(client.get(SEED_POST)) == live_titles


# A post's body ------------------------------------------------------------------------------------


def body_text(response) -> str:
    return text_of(soup_of(response).find(class_="post__body"))


def block_templates(response) -> list[str]:
    return [template.name for template in response.templates if template.name.startswith("blog/blocks/")]


def test_a_posts_body_is_rendered_once(demo, client):
    first = client.get(SEED_POST)
    again = client.get(SEED_POST)
    assert "blog/blocks/paragraph.html" in block_templates(first)
    assert block_templates(again) == []
    assert body_text(again) == body_text(first) == body_text(Client().get(SEED_POST))


def test_a_published_change_to_the_body_shows_at_once(demo, client, change):
    post = BlogPageFactory(parent=demo.get_parent(), title="A post to change")
    assert body_text(client.get(post.url)) == "The body of A post to change."
    post.body = [paragraph("<p>Corrected after publication.</p>")]
    change(lambda: post.save_revision().publish())
    assert body_text(client.get(post.url)) == "Corrected after publication."


def test_a_preview_shows_the_editors_unsaved_body_and_readers_the_live_one(demo, client):
    live = body_text(client.get(SEED_POST))  # kept for readers
    draft = BlogPage.objects.get(pk=demo.pk)
    draft.body = [paragraph("<p>Only in the draft.</p>")]
    assert body_text(draft.make_preview_request()) == "Only in the draft."
    assert body_text(client.get(SEED_POST)) == live


# Post cards in listings ----------------------------------------------------------------------------


def card_titles(response) -> list[str]:
    return [text_of(title) for title in soup_of(response).select(".card-grid .post-card__title")]


def card_image_loading(response) -> list[str]:
    return [img["loading"] for img in soup_of(response).select(".card-grid img.post-card__image")]


def test_listing_cards_are_read_from_the_database_once(demo, client):
    for url in ("/blog/", "/", "/blog/category/china/"):
        first = queries(client, url)
        second = queries(client, url)
        assert any("blog_blogpageauthor" in sql for sql in first), url
        assert not any("blog_blogpageauthor" in sql for sql in second), url
        assert card_titles(client.get(url)) == card_titles(Client().get(url))


def test_a_renamed_post_or_author_shows_on_every_listing_at_once(demo, client, change):
    urls = ("/blog/", "/", "/blog/category/china/")
    for url in urls:
        assert demo.title in card_titles(client.get(url))
    demo.title = "The seed post, renamed"
    change(lambda: demo.save_revision().publish())
    for url in urls:
        assert "The seed post, renamed" in card_titles(client.get(url))
    author = demo.authors[0]
    author.name = "An author, renamed"
    change(author.save)
    for url in urls:
        assert b"An author, renamed" in client.get(url).content


def test_a_new_post_takes_the_top_card_and_only_the_top_card_loads_its_image_at_once(demo, client, change):
    before = client.get("/blog/")
    assert card_image_loading(before)[0] == "eager"
    assert set(card_image_loading(before)[1:]) == {"lazy"}
    blog = demo.get_parent().specific
    newest = BlogPageFactory(
        parent=blog,
        title="The newest post",
        date=timezone.localdate(),
        live=False,
        listing_image=demo.listing_image,
    )
    change(lambda: newest.save_revision().publish())
    after = client.get("/blog/")
    assert card_titles(after)[:2] == ["The newest post", card_titles(before)[0]]
    assert card_image_loading(after)[0] == "eager"
    assert set(card_image_loading(after)[1:]) == {"lazy"}


def listing_summary(response) -> str:
    return text_of(soup_of(response).find(class_="listing-summary"))


def test_a_listings_number_of_posts_is_kept_and_renewed_when_a_post_is_published(demo, client, change):
    url = "/blog/category/china/"
    before = listing_summary(client.get(url))
    assert not any("COUNT(" in sql for sql in queries(client, url))  # kept
    category = demo.category_list[0]
    newest = BlogPageFactory(parent=demo.get_parent().specific, categories=[category], live=False)
    change(lambda: newest.save_revision().publish())
    count = int(before.split()[0])
    assert listing_summary(client.get(url)).startswith(f"{count + 1} posts")


def sharing_image(response) -> str:
    return soup_of(response).find("meta", attrs={"property": "og:image"})["content"]


def test_the_kept_sharing_image_follows_a_new_focal_point(demo, client, change):
    before = sharing_image(client.get(SEED_POST))
    assert sharing_image(client.get(SEED_POST)) == before  # kept
    image = demo.listing_image
    image.focal_point_x, image.focal_point_y = image.width - 40, 20
    image.focal_point_width = image.focal_point_height = 40
    change(image.save)
    after = sharing_image(client.get(SEED_POST))
    assert after != before
    assert after.endswith(image.get_rendition(SOCIAL_IMAGE_FILTER).url)
