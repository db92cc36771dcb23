"""The admin for people who have never used Wagtail.

Help text on every field, blocks that explain themselves in the block chooser, sensible defaults,
validation in plain words, and the editing tools the site switches on: preview, revisions with
compare, scheduled publishing, the moderation workflow, and the userbar on the public site.
"""

import datetime
import io
import re

import pytest
from django.conf import settings
from django.core.management import call_command
from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Workflow
from wagtail.test.utils.form_data import (
    inline_formset,
    nested_form_data,
    streamfield,
)

from blog.models import BlogPage

from ..conftest import soup_of, text_of
from ..factories import BlogPageFactory, ImageFactory, UserFactory, reference
from .editor_forms import add_url, block_error_messages, edit_form, edit_url, new_post, paragraph

BODY = BlogPage._meta.get_field("body").stream_block


# --- Help text --------------------------------------------------------------------------------


def all_panels(panels):
    for panel in panels:
        yield panel
        yield from all_panels(getattr(panel, "children", ()))


def test_every_field_of_a_post_has_help_text():
    form_fields = BlogPage.get_edit_handler().get_form_class().base_fields

    def help_text(panel) -> str:
        if isinstance(panel, FieldPanel):
            return panel.help_text or form_fields[panel.field_name].help_text
        return panel.help_text  # authors and related posts: InlinePanel, help on the panel itself

    without_help = [
        getattr(panel, "field_name", None) or panel.relation_name
        for panel in all_panels([*BlogPage.content_panels, *BlogPage.promote_panels])
        if isinstance(panel, FieldPanel | InlinePanel) and not help_text(panel)
    ]
    assert without_help == []


def block_fields(block, path):
    """(path, block) for every input of a body block, inside structs and lists."""
    if isinstance(block, blocks.StructBlock):
        for name, child in block.child_blocks.items():
            yield from block_fields(child, f"{path}.{name}")
    elif isinstance(block, blocks.ListBlock):
        yield from block_fields(block.child_block, path)
    else:
        yield path, block


def test_every_field_of_every_body_block_has_help_text():
    without_help = [
        path
        for name, block in BODY.child_blocks.items()
        for path, field in block_fields(block, name)
        if not field.field.help_text  # every input is a FieldBlock, with a Django form field
    ]
    assert without_help == []


# --- The block chooser ------------------------------------------------------------------------


@pytest.mark.parametrize("name", list(BODY.child_blocks))
def test_every_block_has_an_icon_and_a_description_in_the_chooser(name):
    block = BODY.child_blocks[name]
    assert block.meta.icon != "placeholder"
    assert block.get_description()


# Text each block's preview value shows. Images and embeds are left out: a preview of them needs
# an image in the library or a fetch from another site.
PREVIEW_TEXT = {
    "heading": "Shifting our perspective",
    "paragraph": "Amsterdam has a historically strong connection with Chinese culture",
    "quote": "Let us continue this tradition",
    "references": "Checklist for Collaboration with Chinese Universities",
    "reading_list": "Checklist for Collaboration with Chinese Universities",
}


@pytest.mark.parametrize("name", list(PREVIEW_TEXT))
def test_the_chooser_previews_blocks_as_the_site_shows_them(name, editor_client):
    block = BODY.child_blocks[name]
    # Wagtail offers a preview in the chooser only when the block has a preview value and a
    # template, and the global preview template (wagtailcore/shared/block_preview.html) is the
    # site's own, so previews carry the site's styles.
    assert block.is_previewable, f"the block chooser shows no preview for “{block.label}”"
    response = editor_client.get(reverse("wagtailadmin_block_preview"), {"id": block.definition_prefix})
    assert response.status_code == 200
    assert PREVIEW_TEXT[name] in text_of(soup_of(response))
    assert soup_of(response).find("link", rel="stylesheet", href=static("css/site.css")) is not None


# --- Defaults ---------------------------------------------------------------------------------


def test_a_new_post_is_dated_today(blog_index, editor_client):
    response = editor_client.get(add_url(blog_index))
    date_input = soup_of(response).find("input", attrs={"name": "date"})
    assert date_input["value"] == timezone.localdate().strftime(settings.WAGTAIL_DATE_FORMAT)


# --- Validation in plain words ----------------------------------------------------------------


def post_refused(client, blog_index, data):
    response = client.post(add_url(blog_index), data)
    assert response.status_code == 200  # the form again, with its errors
    assert not BlogPage.objects.filter(slug="written-by-an-editor").exists()
    return response


def test_a_heading_that_skips_a_level_is_explained(blog_index, author, editor_client):
    body = [("heading", {"text": "Method", "level": "h2"}), ("heading", {"text": "Details", "level": "h4"})]
    response = post_refused(editor_client, blog_index, new_post(author, body=body))
    assert block_error_messages(response) == [
        "This heading is level 4, but the one before it is level 2 (the post title counts as level 1). "
        "Use a level 2 or 3 heading here."
    ]


def test_a_reference_without_title_or_url_is_explained(blog_index, author, editor_client):
    entries = streamfield([("item", reference(authors="Frank Bekkers", year="2019"))])
    body = [paragraph("<p>As shown [1].</p>"), ("references", {"heading": "References", "entries": entries})]
    response = post_refused(editor_client, blog_index, new_post(author, body=body))
    # Shown under both fields, since either one will do.
    assert block_error_messages(response) == ["Give the title of the work or its URL (or both)."] * 2


def test_an_image_without_alt_text_is_explained(blog_index, author, editor_client):
    image = {"image": ImageFactory().pk, "alt_text": "", "caption": "", "credit": ""}
    response = post_refused(editor_client, blog_index, new_post(author, body=[("image", image)]))
    messages = block_error_messages(response)
    # "This field is required." says nothing about why; the editor should read what is missing.
    assert any(re.search(r"alt(ernative)? text|describe", message, re.IGNORECASE) for message in messages), (
        messages
    )


# --- Preview ----------------------------------------------------------------------------------


def test_an_editor_previews_changes_to_a_post(post, editor_client):
    data = edit_form(editor_client, post, [paragraph("<p>Changed, not saved.</p>")])
    data["title"] = "A title not saved yet"
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[post.pk])
    assert editor_client.post(url, data).json() == {"is_valid": True, "is_available": True}
    preview = soup_of(editor_client.get(url))
    assert text_of(preview.find("h1")) == "A title not saved yet"
    assert "Changed, not saved." in text_of(preview)
    assert BlogPage.objects.get(pk=post.pk).title == "Open data in Amsterdam"


def test_an_editor_previews_a_new_post_before_saving_it(blog_index, author, editor_client):
    url = reverse("wagtailadmin_pages:preview_on_add", args=["blog", "blogpage", blog_index.pk])
    data = new_post(author, body=[paragraph("<p>Not saved anywhere yet.</p>")])
    assert editor_client.post(url, data).json() == {"is_valid": True, "is_available": True}
    response = editor_client.get(url)
    assert response.status_code == 200
    preview = soup_of(response)
    assert text_of(preview.find("h1")) == "Written by an editor"
    assert "Not saved anywhere yet." in text_of(preview)


# --- Revisions --------------------------------------------------------------------------------


def test_the_history_compares_two_revisions_of_a_post(post, editor, editor_client):
    post.title = "Open data in Amsterdam, revised"
    post.save_revision(user=editor, log_action=True)
    history = soup_of(editor_client.get(reverse("wagtailadmin_pages:history", args=[post.pk])))
    compare = history.find("a", string=re.compile(r"Compare with previous version"))
    assert compare is not None
    response = editor_client.get(compare["href"])
    assert response.status_code == 200
    comparison = text_of(soup_of(response).find("main"))
    assert "Open data in Amsterdam" in comparison
    assert "revised" in comparison


# --- Scheduled publishing ---------------------------------------------------------------------


def schedule(client, page, when: datetime.datetime):
    data = edit_form(client, page, [paragraph("<p>Worth the wait.</p>")])
    data["go_live_at"] = timezone.localtime(when).strftime(settings.WAGTAIL_DATETIME_FORMAT)
    data["action-publish"] = "action-publish"
    response = client.post(edit_url(page), data)
    assert response.status_code == 302


def run_the_scheduler_at(when: datetime.datetime, monkeypatch, on_commit):
    """What cron does: ``manage.py publish_scheduled``, here as if run at ``when``. Its own
    transaction commits; ``on_commit`` (django_capture_on_commit_callbacks) runs what that commit
    does, such as renewing the pages and fragments kept in the cache."""
    with monkeypatch.context() as patch, on_commit(execute=True):
        patch.setattr(timezone, "now", lambda: when)
        call_command("publish_scheduled", stdout=io.StringIO())


def test_a_scheduled_draft_is_not_public_until_its_time(
    draft, editor_client, client, monkeypatch, django_capture_on_commit_callbacks
):
    go_live = timezone.now() + datetime.timedelta(days=2)
    schedule(editor_client, draft, go_live)
    draft.refresh_from_db()
    assert not draft.live
    assert draft.revisions.filter(approved_go_live_at__isnull=False).count() == 1
    client.logout()
    assert client.get(draft.url).status_code == 404

    run_the_scheduler_at(
        go_live - datetime.timedelta(minutes=1), monkeypatch, django_capture_on_commit_callbacks
    )
    assert client.get(draft.url).status_code == 404

    run_the_scheduler_at(
        go_live + datetime.timedelta(minutes=1), monkeypatch, django_capture_on_commit_callbacks
    )
    draft.refresh_from_db()
    assert draft.live
    assert "Worth the wait." in text_of(soup_of(client.get(draft.url)))


def test_scheduled_changes_to_a_live_post_wait_for_their_time(
    post, editor_client, client, monkeypatch, django_capture_on_commit_callbacks
):
    go_live = timezone.now() + datetime.timedelta(days=2)
    schedule(editor_client, post, go_live)
    client.logout()
    assert "Worth the wait." not in text_of(soup_of(client.get(post.url)))

    run_the_scheduler_at(
        go_live + datetime.timedelta(minutes=1), monkeypatch, django_capture_on_commit_callbacks
    )
    assert "Worth the wait." in text_of(soup_of(client.get(post.url)))


# --- Moderation -------------------------------------------------------------------------------


def test_the_moderation_workflow_covers_the_posts(post):
    assert post.get_workflow() == Workflow.objects.get(name="Moderators approval")


def test_an_editor_submits_a_post_and_a_moderator_approves_it(draft, editor_client, client):
    edit_page = soup_of(editor_client.get(edit_url(draft)))
    submit = edit_page.find("button", attrs={"name": "action-submit"})
    assert text_of(submit) == "Submit to Moderators approval"

    data = edit_form(editor_client, draft, [paragraph("<p>Ready for review.</p>")])
    data["action-submit"] = submit["value"]
    assert editor_client.post(edit_url(draft), data).status_code == 302
    draft.refresh_from_db()
    state = draft.current_workflow_state
    assert state is not None
    assert state.status == state.STATUS_IN_PROGRESS
    assert not draft.live

    client.force_login(UserFactory(username="mona", groups=["Moderators"]))
    approve = reverse(
        "wagtailadmin_pages:workflow_action", args=[draft.pk, "approve", state.current_task_state.pk]
    )
    assert client.post(approve, {"comment": ""}).status_code == 302
    draft.refresh_from_db()
    assert draft.live
    assert "Ready for review." in str(draft.body)


# --- The userbar on the public site -----------------------------------------------------------


def test_editors_see_the_userbar_and_its_checks_on_a_post(post, editor_client):
    soup = soup_of(editor_client.get(post.url))
    assert soup.find("wagtail-userbar") is not None
    userbar = soup.find("template", id="wagtail-userbar-template")
    assert userbar.find("a", href=re.compile(re.escape(edit_url(post)) + "$")) is not None
    # The accessibility checker (axe) runs from the userbar's "Checks" item.
    assert userbar.find(id="checker-trigger") is not None
    assert userbar.find(id="checker-axe-configuration") is not None


def test_readers_do_not_see_the_userbar(post, client):
    soup = soup_of(client.get(post.url))
    assert soup.find("wagtail-userbar") is None
    assert soup.find("template", id="wagtail-userbar-template") is None


def with_related_posts(client, post, related) -> dict:
    """The post's edit form as the page shows it, with ``related`` chosen under "Read more"."""
    data = edit_form(client, post, body=[])
    data.update(
        nested_form_data(
            {"related_post_links": inline_formset([{"related_post": p.pk} for p in related], max=3)}
        )
    )
    return data


def test_more_than_three_related_posts_is_explained(post, editor_client, blog_index):
    others = [BlogPageFactory(parent=blog_index, title=f"Another post {n}") for n in range(4)]
    response = editor_client.post(edit_url(post), with_related_posts(editor_client, post, others))
    assert response.status_code == 200  # the form again, with its errors
    text = text_of(soup_of(response))
    assert "Choose at most three related posts." in text
    assert "Please submit" not in text
    assert not post.related_post_links.exists()


def test_three_related_posts_are_fine(post, editor_client, blog_index):
    others = [BlogPageFactory(parent=blog_index, title=f"Another post {n}") for n in range(3)]
    response = editor_client.post(edit_url(post), with_related_posts(editor_client, post, others))
    assert response.status_code == 302
    post.refresh_from_db()
    draft = post.get_latest_revision_as_object()  # saved as a draft
    assert [link.related_post_id for link in draft.related_post_links.all()] == [p.pk for p in others]


def test_a_post_without_an_author_is_explained(blog_index, author, editor_client):
    data = new_post(author) | nested_form_data({"post_authors": inline_formset([])})
    response = post_refused(editor_client, blog_index, data)
    assert "Choose at least one author." in text_of(soup_of(response))


def test_a_new_post_opens_without_an_empty_author_slot(blog_index, editor_client):
    """An empty "Authors 1" slot beside "Add authors" puzzles newcomers: the list starts empty."""
    form = soup_of(editor_client.get(add_url(blog_index)))
    assert form.find("input", {"name": "post_authors-TOTAL_FORMS"})["value"] == "0"
    assert form.find(string=re.compile("Add authors"))
