"""A draft always saves: the post's own rules (headings in order, citations with their references,
alt text, references with a title or link) wait for Publish, and the editor sees them on the blocks
they concern. Publishing, scheduling and submitting for moderation ask for all of them at once."""

import datetime

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Workflow
from wagtail.test.utils.form_data import streamfield

from blog.models import BlogPage

from ..conftest import soup_of, text_of
from ..factories import BlogPageFactory, ImageFactory, reference
from ..factories import paragraph as paragraph_value
from .editor_forms import add_url, block_error_messages, body_errors, edit_form, edit_url, new_post, paragraph

HEADING_SKIPS = (
    "This heading is level 4, but the one before it is level 1 (the post title counts as level 1). "
    "Use a level 2 heading here."
)
CITES_MISSING = (
    "This paragraph cites [1], [5], but the references list has 0 entries. "
    "Add the missing references or correct the numbers."
)


def unfinished_body():
    """What an editor has after ten minutes: a minor heading first, text citing references not
    written yet, an image without its description, a reading-list entry with only its authors."""
    return [
        ("heading", {"text": "Details first", "level": "h4"}),
        paragraph("<p>Chinese researchers co-author a growing share of papers [1], [5].</p>"),
        ("image", {"image": ImageFactory().pk, "alt_text": "", "caption": "", "credit": ""}),
        (
            "reading_list",
            {"heading": "Reading list", "entries": streamfield([("item", reference(authors="Rathenau"))])},
        ),
    ]


def as_draft(data: dict) -> dict:
    data = dict(data)
    data.pop("action-publish", None)
    return data


def saved_post() -> BlogPage:
    return BlogPage.objects.get(slug="written-by-an-editor")


def test_an_unfinished_draft_saves_with_all_its_text(blog_index, author, editor_client):
    response = editor_client.post(add_url(blog_index), as_draft(new_post(author, body=unfinished_body())))
    assert response.status_code == 302
    post = saved_post()
    assert not post.live
    draft = post.get_latest_revision_as_object()
    assert [block.block_type for block in draft.body] == ["heading", "paragraph", "image", "reading_list"]
    assert "a growing share of papers [1], [5]." in draft.body[1].value.source
    assert draft.body[3].value["entries"][0]["authors"] == "Rathenau"


def test_a_new_draft_saves_before_its_lead_and_authors_are_written(blog_index, author, editor_client):
    data = as_draft(new_post(author, body=[paragraph("<p>Only a first sentence [3].</p>")]))
    data["lead"] = ""
    data["post_authors-TOTAL_FORMS"] = "0"
    assert editor_client.post(add_url(blog_index), data).status_code == 302
    assert saved_post().get_latest_revision_as_object().lead == ""


def test_the_saved_draft_shows_what_publishing_asks_for_on_each_block(blog_index, author, editor_client):
    editor_client.post(add_url(blog_index), as_draft(new_post(author, body=unfinished_body())))
    errors = body_errors(editor_client.get(edit_url(saved_post())))
    assert errors["messages"] == [
        "Not ready to publish yet: 4 problems are marked below. A draft saves as it is; "
        "publishing asks for these to be fixed."
    ]
    blocks = errors["blockErrors"]
    assert set(blocks) == {"0", "1", "2", "3"}
    assert blocks["0"] == {"blockErrors": {"level": {"messages": [HEADING_SKIPS]}}}
    assert blocks["1"] == {"messages": [CITES_MISSING]}
    assert "alt_text" in blocks["2"]["blockErrors"]
    entry_errors = blocks["3"]["blockErrors"]["entries"]["blockErrors"]["0"]["blockErrors"]
    assert set(entry_errors) == {"title", "url"}


def test_a_post_ready_to_publish_shows_no_warnings(post, editor_client):
    assert body_errors(editor_client.get(edit_url(post))) == {}


def test_autosave_keeps_saving_an_unfinished_draft(draft, editor_client):
    data = as_draft(edit_form(editor_client, draft, unfinished_body()))
    for sentence in ("First thoughts.", "Second thoughts."):
        data["lead"] = sentence
        # Wagtail's autosave posts the form in the background and reads JSON back.
        response = editor_client.post(edit_url(draft), data, HTTP_ACCEPT="application/json")
        assert response.status_code == 200
        assert response.json()["success"] is True
        data["revision_id"] = str(response.json()["revision_id"])
        data.setdefault("overwrite_revision_id", data["revision_id"])
        data["overwrite_revision_id"] = data["revision_id"]
    latest = BlogPage.objects.get(pk=draft.pk).get_latest_revision_as_object()
    assert latest.lead == "Second thoughts."
    assert len(latest.body) == 4


def test_publishing_lists_every_problem_at_once_each_on_its_block(blog_index, author, editor_client):
    response = editor_client.post(add_url(blog_index), new_post(author, body=unfinished_body()))
    assert response.status_code == 200
    assert not BlogPage.objects.filter(slug="written-by-an-editor").exists()
    blocks = body_errors(response)["blockErrors"]
    assert set(blocks) == {"0", "1", "2", "3"}
    assert blocks["0"]["blockErrors"]["level"]["messages"] == [HEADING_SKIPS]
    assert blocks["1"]["messages"] == [CITES_MISSING]


def test_a_block_with_its_own_error_and_the_posts_shows_both(blog_index, author, editor_client):
    body = [("heading", {"text": "x" * 200, "level": "h3"})]
    messages = block_error_messages(editor_client.post(add_url(blog_index), new_post(author, body=body)))
    assert len(messages) == 2
    assert any("160 characters" in message for message in messages), messages
    assert any(message.startswith("This heading is level 3") for message in messages), messages


def test_once_fixed_the_post_publishes(blog_index, author, editor_client):
    body = [
        ("heading", {"text": "Details first", "level": "h2"}),
        paragraph("<p>Chinese researchers co-author a growing share of papers [1], [2].</p>"),
        (
            "references",
            {
                "heading": "References",
                "entries": streamfield([("item", reference(title="One")), ("item", reference(title="Two"))]),
            },
        ),
    ]
    assert editor_client.post(add_url(blog_index), new_post(author, body=body)).status_code == 302
    assert saved_post().live


def test_scheduling_asks_for_the_same_as_publishing(draft, editor_client):
    data = edit_form(editor_client, draft, unfinished_body())
    go_live = timezone.now() + datetime.timedelta(days=1)
    data["go_live_at"] = timezone.localtime(go_live).strftime(settings.WAGTAIL_DATETIME_FORMAT)
    data["action-publish"] = "action-publish"
    response = editor_client.post(edit_url(draft), data)
    assert response.status_code == 200
    assert set(body_errors(response)["blockErrors"]) == {"0", "1", "2", "3"}
    assert BlogPage.objects.get(pk=draft.pk).go_live_at is None


def test_submitting_for_moderation_asks_for_the_same_as_publishing(draft, editor_client):
    assert Workflow.objects.filter(active=True).exists()
    data = edit_form(editor_client, draft, unfinished_body())
    data["action-submit"] = "action-submit"
    response = editor_client.post(edit_url(draft), data)
    assert response.status_code == 200
    assert set(body_errors(response)["blockErrors"]) == {"0", "1", "2", "3"}
    assert BlogPage.objects.get(pk=draft.pk).current_workflow_state is None


def test_the_preview_of_an_unfinished_draft_shows_what_is_written(draft, editor_client):
    """Blocks added but not filled in yet are left out of the preview, not drawn empty."""
    body = [
        ("heading", {"text": "", "level": "h2"}),
        paragraph("<p>Written so far [2].</p>"),
        ("image", {"image": "", "alt_text": "", "caption": "", "credit": ""}),
        ("embed", {"embed": "", "caption": ""}),
        ("quote", {"quote": "", "attribution": ""}),
        ("references", {"heading": "References", "entries": streamfield([("item", reference())])}),
    ]
    data = edit_form(editor_client, draft, body)
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[draft.pk])
    assert editor_client.post(url, data).json() == {"is_valid": True, "is_available": True}
    response = editor_client.get(url)
    assert response.status_code == 200
    article = soup_of(response).find("main")
    assert "Written so far" in text_of(article)
    assert [heading for heading in article.find_all(["h2", "h3", "h4"]) if not text_of(heading)] == []
    assert article.find("a", href="") is None
    assert article.find("blockquote") is None
    assert article.find("figure") is None


def test_the_listing_s_bulk_publish_leaves_an_unfinished_draft_unpublished(draft, editor_client, blog_index):
    """Bulk Publish publishes latest drafts without their form: it asks for the same as the form."""
    finished = BlogPageFactory(parent=blog_index, title="Finished", live=False)
    finished.save_revision()
    unfinished = draft.get_latest_revision_as_object()
    unfinished.body = [paragraph_value("<p>Cited [4].</p>")]
    unfinished.save_revision()
    bulk_publish = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"])
    response = editor_client.post(
        f"{bulk_publish}?id={draft.pk}&id={finished.pk}", {"include_descendants": ""}, follow=True
    )
    assert response.status_code == 200
    [message] = [str(message) for message in response.context["messages"]]
    assert message == (
        "Nothing was published: “A draft about open data” is not ready yet. "
        "Open it to see what to fix, marked on the blocks."
    )
    assert not BlogPage.objects.get(pk=draft.pk).live
    assert not BlogPage.objects.get(pk=finished.pk).live

    editor_client.post(f"{bulk_publish}?id={finished.pk}", {"include_descendants": ""})
    assert BlogPage.objects.get(pk=finished.pk).live
