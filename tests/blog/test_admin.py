"""Editing the blog in Wagtail's admin: the views open, and a post made through the form is saved whole."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.test.utils.form_data import (
    inline_formset,
    nested_form_data,
    querydict_from_html,
    rich_text,
    streamfield,
)

from blog.blocks import PARAGRAPH_FEATURES
from blog.models import BlogIndexPage, BlogPage
from home.models import HomePage

from ..conftest import soup_of, text_of
from ..factories import (
    AuthorFactory,
    BlogCategoryFactory,
    BlogPageFactory,
    ImageFactory,
    PartnerFactory,
    heading,
    paragraph,
    reference,
)


@pytest.fixture
def admin_user(db):
    return get_user_model().objects.create_superuser("editor", "editor@example.com", "password")


@pytest.fixture
def admin_client(client, admin_user):
    client.force_login(admin_user)
    return client


@pytest.fixture
def post(blog_index):
    post = BlogPageFactory(
        parent=blog_index,
        title="An existing post",
        authors=[AuthorFactory(name="Lynda Hardman")],
        categories=[BlogCategoryFactory(name="China")],
        listing_image=ImageFactory(),
        body=[
            heading("A heading"),
            paragraph("<p>Cited [1].</p>"),
            {"type": "image", "value": {"image": ImageFactory().pk, "alt_text": "A chart"}},
            {"type": "references", "value": {"heading": "References", "entries": [reference(title="Work")]}},
        ],
    )
    post.save_revision().publish()
    return post


def test_page_types_fit_together(page_assertions):
    page_assertions.assertCanCreateAt(BlogIndexPage, BlogPage)
    page_assertions.assertCanNotCreateAt(HomePage, BlogPage)
    page_assertions.assertAllowedParentPageTypes(BlogPage, [BlogIndexPage])
    page_assertions.assertAllowedSubpageTypes(BlogPage, [])
    page_assertions.assertAllowedSubpageTypes(BlogIndexPage, [BlogPage])
    page_assertions.assertAllowedParentPageTypes(BlogIndexPage, [HomePage])


def test_superuser_opens_the_edit_view(post, admin_client):
    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[post.pk]))
    assert response.status_code == 200
    soup = soup_of(response)
    assert soup.find("input", attrs={"name": "title"})["value"] == "An existing post"
    assert soup.find(id="page-edit-form") is not None


def test_superuser_opens_the_add_view_under_the_blog_index(blog_index, admin_client):
    response = admin_client.get(reverse("wagtailadmin_pages:add", args=["blog", "blogpage", blog_index.pk]))
    assert response.status_code == 200
    soup = soup_of(response)
    assert soup.find("textarea", attrs={"name": "lead"}) is not None
    assert soup.find("input", attrs={"name": "title"}) is not None


def test_a_blog_post_cannot_be_added_under_the_home_page(home_page, admin_client):
    response = admin_client.get(reverse("wagtailadmin_pages:add", args=["blog", "blogpage", home_page.pk]))
    # Wagtail answers "permission denied" by sending the editor back to the dashboard.
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")


def test_anonymous_visitors_are_sent_to_the_login(post, client):
    response = client.get(reverse("wagtailadmin_pages:edit", args=[post.pk]))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("wagtailadmin_login"))


def edit_form_data(client, page, body_blocks, *, iso_date=False):
    """The edit form as the browser would post it.

    querydict_from_html() reads the form's inputs, but a StreamField's inputs are made by
    JavaScript in the browser, so the body is added here. ``iso_date`` replaces the date the
    form shows with an ISO date, for tests about something else than the date field (see
    test_saving_the_edit_form_unchanged_keeps_the_post).
    """
    html = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    data = querydict_from_html(html, form_id="page-edit-form")
    data.update(nested_form_data({"body": streamfield(body_blocks)}))
    if iso_date and "date" in data:
        data["date"] = page.specific.date.isoformat()
    return data


def post_body_as_form_data(post):
    return [
        ("heading", {"text": "A heading", "level": "h2"}),
        ("paragraph", rich_text("<p>Cited [1].</p>", features=PARAGRAPH_FEATURES)),
        (
            "image",
            {"image": post.body[2].value["image"].pk, "alt_text": "A chart", "caption": "", "credit": ""},
        ),
        (
            "references",
            {"heading": "References", "entries": streamfield([("item", reference(title="Work"))])},
        ),
    ]


def test_post_is_renderable_editable_and_previewable(post, admin_user, page_assertions):
    page_assertions.assertPageIsRoutable(post)
    page_assertions.assertPageIsRenderable(post)
    page_assertions.client.force_login(admin_user)
    data = edit_form_data(page_assertions.client, post, post_body_as_form_data(post), iso_date=True)
    assert data["title"] == "An existing post"
    assert data.getlist("categories") == [str(post.categories.get().pk)]
    page_assertions.assertPageIsEditable(post, post_data=data, user=admin_user)
    page_assertions.assertPageIsPreviewable(post, post_data=data, user=admin_user)


def test_saving_the_edit_form_unchanged_keeps_the_post(post, admin_client):
    """Open a post in the admin and publish it without changing anything: it must save."""
    data = edit_form_data(admin_client, post, post_body_as_form_data(post))
    data["action-publish"] = "action-publish"
    response = admin_client.post(reverse("wagtailadmin_pages:edit", args=[post.pk]), data)
    if response.status_code == 200:  # the form came back: say why
        form = response.context["form"]
        assert form.errors == {}, f"the date field showed {data['date']!r}"
    assert response.status_code == 302
    saved = BlogPage.objects.get(pk=post.pk)
    assert [block.block_type for block in saved.body] == ["heading", "paragraph", "image", "references"]
    assert [a.name for a in saved.authors] == ["Lynda Hardman"]
    assert saved.get_latest_revision().pk != post.get_latest_revision().pk


def test_preview_shows_unsaved_changes(post, admin_client):
    data = edit_form_data(admin_client, post, post_body_as_form_data(post), iso_date=True)
    data["title"] = "A title not saved yet"
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[post.pk])
    assert admin_client.post(url, data).json() == {"is_valid": True, "is_available": True}
    preview = soup_of(admin_client.get(url))
    assert text_of(preview.find("h1")) == "A title not saved yet"
    assert BlogPage.objects.get(pk=post.pk).title == "An existing post"


def test_index_and_home_are_renderable_and_editable(home_page, blog_index, post, page_assertions):
    for page in (home_page, blog_index):
        page_assertions.assertPageIsRenderable(page)
        page_assertions.assertPageIsEditable(page)
        page_assertions.assertPageIsPreviewable(page)
    page_assertions.assertPageIsRenderable(blog_index, query_data={"page": "abc"})


def post_form_data(*, authors, categories, related=(), body_blocks, title="Made in the admin"):
    return nested_form_data(
        {
            "title": title,
            "slug": "made-in-the-admin",
            "date": "2022-03-04",
            "post_authors": inline_formset([{"author": author.pk} for author in authors], min=1),
            "lead": "A lead written in the admin.",
            "editor_note": "",
            "listing_image": "",
            "body": streamfield(body_blocks),
            "related_post_links": inline_formset([{"related_post": p.pk} for p in related], max=3),
            "comments": inline_formset([]),
        }
    ) | {"categories": [category.pk for category in categories]}


def admin_body(image):
    return [
        ("heading", {"text": "Why it matters", "level": "h2"}),
        ("paragraph", rich_text("<p>As cited [1] and <b>bold</b>.</p>", features=PARAGRAPH_FEATURES)),
        ("quote", {"quote": "Quoted words", "attribution": "Someone"}),
        ("image", {"image": image.pk, "alt_text": "A chart", "caption": "The chart", "credit": "CWI"}),
        ("embed", {"embed": "https://www.youtube.com/watch?v=test", "caption": "The video"}),
        (
            "references",
            {
                "heading": "References",
                "entries": streamfield(
                    [("item", reference(title="A work", url="https://example.com/work", year="2019"))]
                ),
            },
        ),
        (
            "reading_list",
            {"heading": "Reading list", "entries": streamfield([("item", reference(title="A book"))])},
        ),
    ]


def test_create_a_post_through_the_admin_form(blog_index, admin_user, page_assertions):
    author = AuthorFactory(name="Lynda Hardman")
    categories = [BlogCategoryFactory(name="China"), BlogCategoryFactory(name="Research")]
    picked = BlogPageFactory(parent=blog_index, title="Picked")
    image = ImageFactory()
    page_assertions.client.force_login(admin_user)
    data = post_form_data(
        authors=[author], categories=categories, related=[picked], body_blocks=admin_body(image)
    )

    page_assertions.assertCanCreate(blog_index, BlogPage, data)

    post = BlogPage.objects.get(slug="made-in-the-admin")
    assert post.live
    assert post.get_parent().pk == blog_index.pk
    assert post.date == datetime.date(2022, 3, 4)
    assert post.authors == [author]
    assert sorted(c.name for c in post.categories.all()) == ["China", "Research"]
    assert post.related_posts == [picked]
    body = post.body
    assert [block.block_type for block in body] == [
        "heading",
        "paragraph",
        "quote",
        "image",
        "embed",
        "references",
        "reading_list",
    ]
    assert (body[0].value["text"], body[0].value["level"]) == ("Why it matters", "h2")
    assert "As cited [1] and <b>bold</b>." in body[1].value.source
    assert body[2].value["quote"] == "Quoted words"
    assert body[3].value["image"] == image
    assert body[3].value["alt_text"] == "A chart"
    assert body[4].value["embed"].url == "https://www.youtube.com/watch?v=test"
    entry = body[5].value["entries"][0]
    assert (entry["title"], entry["url"], entry["year"]) == ("A work", "https://example.com/work", "2019")
    assert body[6].value["entries"][0]["title"] == "A book"

    # The saved post renders every block for readers.
    soup = soup_of(page_assertions.client.get(post.url))
    assert soup.find("h2", id="why-it-matters") is not None
    assert soup.find("a", href="#ref-1") is not None
    assert soup.find("blockquote") is not None
    assert soup.find("img", alt="A chart") is not None
    assert soup.find("iframe") is not None
    assert soup.find("li", id="ref-1").find("a")["href"] == "https://example.com/work"


def test_the_admin_refuses_a_citation_without_its_reference(blog_index, admin_client):
    author = AuthorFactory()
    body = [
        ("paragraph", rich_text("<p>See [2].</p>", features=PARAGRAPH_FEATURES)),
        ("references", {"heading": "References", "entries": streamfield([("item", reference(title="One"))])}),
    ]
    data = post_form_data(authors=[author], categories=[], body_blocks=body) | {"action-publish": "publish"}
    url = reverse("wagtailadmin_pages:add", args=["blog", "blogpage", blog_index.pk])
    response = admin_client.post(url, data)
    assert response.status_code == 200
    assert not BlogPage.objects.filter(slug="made-in-the-admin").exists()
    [body_error] = response.context["form"].errors.as_data()["body"]
    # On the paragraph that cites it.
    assert "cites [2]" in body_error.block_errors[0].messages[0]


def test_the_admin_requires_an_author(blog_index, admin_client):
    data = post_form_data(authors=[], categories=[], body_blocks=[]) | {"action-publish": "publish"}
    url = reverse("wagtailadmin_pages:add", args=["blog", "blogpage", blog_index.pk])
    response = admin_client.post(url, data)
    assert response.status_code == 200
    assert not BlogPage.objects.filter(slug="made-in-the-admin").exists()


def test_the_admin_refuses_a_reference_without_title_or_url(blog_index, admin_client):
    body = [
        (
            "references",
            {"heading": "References", "entries": streamfield([("item", reference(authors="Only"))])},
        ),
    ]
    data = post_form_data(authors=[AuthorFactory()], categories=[], body_blocks=body) | {
        "action-publish": "x"
    }
    url = reverse("wagtailadmin_pages:add", args=["blog", "blogpage", blog_index.pk])
    response = admin_client.post(url, data)
    assert response.status_code == 200
    assert "body" in response.context["form"].errors
    assert not BlogPage.objects.filter(slug="made-in-the-admin").exists()


def test_snippet_listings_open(site, admin_client):
    AuthorFactory(name="Lynda Hardman")
    BlogCategoryFactory(name="China")
    PartnerFactory(name="CWI")
    for model, name in (
        ("blog_author", "Lynda Hardman"),
        ("blog_blogcategory", "China"),
        ("base_partner", "CWI"),
    ):
        response = admin_client.get(reverse(f"wagtailsnippets_{model}:list"))
        assert response.status_code == 200, model
        assert name in text_of(soup_of(response).find("main") or soup_of(response)), model


def test_footer_settings_open_in_the_admin(site, admin_client):
    response = admin_client.get(reverse("wagtailsettings:edit", args=["base", "footersettings", site.pk]))
    assert response.status_code == 200
    assert soup_of(response).find("input", attrs={"name": "copyright_line"}) is not None


def test_a_post_without_a_listing_image_takes_the_body_s_first_image(blog_index, admin_client):
    """A card without a picture stands out as empty in a row of pictures (/blog/)."""
    first, second = ImageFactory(), ImageFactory()
    body = [
        ("paragraph", rich_text("<p>Text first.</p>", features=PARAGRAPH_FEATURES)),
        ("image", {"image": first.pk, "alt_text": "A chart", "caption": "", "credit": ""}),
        ("image", {"image": second.pk, "alt_text": "A map", "caption": "", "credit": ""}),
    ]
    data = post_form_data(authors=[AuthorFactory()], categories=[], body_blocks=body) | {
        "action-publish": "p"
    }
    url = reverse("wagtailadmin_pages:add", args=["blog", "blogpage", blog_index.pk])
    assert admin_client.post(url, data).status_code == 302
    assert BlogPage.objects.get(slug="made-in-the-admin").listing_image == first


def test_an_editor_s_listing_image_is_kept(blog_index, admin_client):
    chosen, in_body = ImageFactory(), ImageFactory()
    body = [("image", {"image": in_body.pk, "alt_text": "A chart", "caption": "", "credit": ""})]
    data = post_form_data(authors=[AuthorFactory()], categories=[], body_blocks=body) | {
        "action-publish": "p",
        "listing_image": chosen.pk,
    }
    url = reverse("wagtailadmin_pages:add", args=["blog", "blogpage", blog_index.pk])
    assert admin_client.post(url, data).status_code == 302
    assert BlogPage.objects.get(slug="made-in-the-admin").listing_image == chosen
