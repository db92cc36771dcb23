"""A draft always saves (issue: what a first-time editor met).

An editor writes text citing [1] and [5] before the references, with a heading that jumps a level,
as people do: autosave keeps saving, Save draft saves, the reopened draft has all of its text and
shows what publishing asks for on the blocks concerned; Publish then lists every problem at once,
and once the references are added and the heading fixed, it publishes.
"""

import json
import re

import pytest
from playwright.sync_api import Page, expect

from base.permissions import EDITORS
from blog.models import BlogPage
from tests.factories import UserFactory

from .editing import (
    PASSWORD,
    add_post_under_the_blog,
    choose_author,
    insert_block,
    log_in,
    pause_after_typing,
    read_the_form,
    write_paragraph,
)

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.usefixtures("desktop")]

TITLE = "Rivers that flood twice a year"
TEXT = "Floods in the delta doubled since 1990 [1], and insurers noticed [5]."
HEADING_SKIPS = "This heading is level 4, but the one before it is level 1"
CITES_MISSING = "This paragraph cites [1], [5], but the references list has 0 entries."
# Wagtail's autosave goes out within this much of an edit; the page's clock passes it at once.
AUTOSAVE_DELAY_MS = 2000


def is_autosave(response) -> bool:
    request = response.request
    return request.method == "POST" and "application/json" in request.headers.get("accept", "")


def autosave_after(page: Page, edit) -> dict:
    """Make an edit, pause as a person does, and return Wagtail's answer to the autosave."""
    with page.expect_response(is_autosave) as answer:
        edit()
        page.clock.run_for(AUTOSAVE_DELAY_MS)
    return json.loads(answer.value.text())


def test_an_unfinished_draft_saves_and_publishing_lists_every_problem(demo_site, page: Page, shot):
    UserFactory(username="erin", password=PASSWORD, groups=[EDITORS])
    log_in(page, demo_site.url, "erin")
    add_post_under_the_blog(page, TITLE)
    choose_author(page, "Lynda Hardman")
    heading = insert_block(page, "Heading")
    heading.get_by_role("textbox", name=re.compile("^Text")).fill("What the gauges say")
    heading.get_by_label(re.compile("^Level")).select_option(label="Minor heading (level 4)")
    write_paragraph(page, TEXT)

    # Autosave saves the unfinished post, and goes on saving it: it never pauses on our rules.
    lead = page.get_by_role("textbox", name="Lead*")
    assert autosave_after(page, lambda: lead.fill("Two floods a year"))["success"] is True
    assert (
        autosave_after(page, lambda: lead.fill("Two floods a year, where there was one."))["success"] is True
    )
    expect(page.get_by_text("Autosave is paused")).to_be_hidden()
    shot("draft-01-autosaved")

    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Save draft").click()
    expect(page.get_by_role("status")).to_contain_text(f"Page '{TITLE}' has been updated.")
    read_the_form(page)
    body = page.get_by_role("region", name="Body", exact=True)
    expect(body.get_by_text("Not ready to publish yet: 2 problems are marked below.")).to_be_visible()
    expect(body.get_by_text(HEADING_SKIPS)).to_be_visible()
    expect(body.get_by_text(CITES_MISSING)).to_be_visible()
    body.get_by_text("Not ready to publish yet").scroll_into_view_if_needed()
    shot("draft-02-saved-with-warnings")

    # Reopened later, the draft has all of its text.
    page.reload()
    read_the_form(page)
    expect(page.get_by_role("textbox", name="Title*")).to_have_value(TITLE)
    expect(lead).to_have_value("Two floods a year, where there was one.")
    expect(body.get_by_role("textbox").filter(has_text="insurers noticed [5]")).to_have_text(TEXT)
    draft = BlogPage.objects.get(title=TITLE).get_latest_revision_as_object()
    assert [block.block_type for block in draft.body] == ["heading", "paragraph"]

    # Publish asks for everything at once, each on its block.
    page.get_by_role("button", name="Publish", exact=True).click()
    expect(page.get_by_role("status")).to_contain_text("The page could not be saved due to validation errors")
    expect(body.get_by_text(HEADING_SKIPS)).to_be_visible()
    expect(body.get_by_text(CITES_MISSING)).to_be_visible()
    assert not BlogPage.objects.get(title=TITLE).live
    body.get_by_text(HEADING_SKIPS).scroll_into_view_if_needed()
    shot("draft-03-publish-refused")

    heading.get_by_label(re.compile("^Level")).select_option(label="Section heading (level 2)")
    references = insert_block(page, "References")
    for number in range(1, 6):
        if number > 1:
            references.get_by_role("button", name="Add").last.click()
        entry = references.get_by_role("region", name="Entry").nth(number - 1)
        entry.get_by_role("textbox", name="Title").fill(f"Delta flood report {number}")
    pause_after_typing(page)
    page.get_by_role("button", name="Publish", exact=True).click()
    expect(page.get_by_role("status")).to_contain_text(f"Page '{TITLE}' has been published.")
    shot("draft-04-published")
    post = BlogPage.objects.get(title=TITLE)
    assert post.live
    assert [block.block_type for block in post.body] == ["heading", "paragraph", "references"]
    assert len(post.body[2].value["entries"]) == 5
