"""An editor's Publish is never lost to Wagtail's autosave (static/js/admin/submit-after-autosave.js).

Wagtail's autosave creates a new post with its first save. Publish pressed while that save is
under way used to go to the create view as well, which refused it: the autosaved draft already
held the slug. Here the server holds its answer to that first autosave (as a busy one is slow to
answer) while the editor finishes the post and presses Publish, ten times in a row, with autosave
and the editing-session pings on as in production.
"""

import logging
import re
import threading

import pytest
from playwright.sync_api import Page, expect
from wagtail.admin.views.pages.create import CreateView
from wagtail.admin.views.pages.edit import EditView

from base.permissions import EDITORS
from blog.models import BlogPage
from tests.factories import UserFactory

from .editing import PASSWORD, choose_author, log_in, read_the_form, the_new_post_form_is_open

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.usefixtures("desktop")]

ATTEMPTS = 10
# Wagtail's autosave goes out within this much of an edit (about 1.5 s: its check for edits, then
# its own delay); the page's clock passes it at once.
AUTOSAVE_DELAY_MS = 2000


def hold_autosaves(monkeypatch, view_class) -> threading.Event:
    """The view saves an autosave's draft, then holds its answer until ``.set()`` (10 s at most):
    the draft exists, the editor's page does not know it yet."""
    answer = threading.Event()
    save = view_class.post

    def post(view, request, *args, **kwargs):
        response = save(view, request, *args, **kwargs)
        if view.expects_json_response:
            answer.wait(timeout=10)
        return response

    monkeypatch.setattr(view_class, "post", post)
    return answer


@pytest.fixture
def held_autosave(monkeypatch):
    return hold_autosaves(monkeypatch, CreateView)


def is_autosave(request, view: str = "/admin/pages/add/") -> bool:
    return (
        request.method == "POST"
        and view in request.url
        and "application/json" in request.headers.get("accept", "")
    )


def test_publish_pressed_during_the_first_autosave_publishes_the_post_once(
    demo_site, page: Page, held_autosave, caplog
):
    caplog.set_level(logging.WARNING)
    UserFactory(username="erin", password=PASSWORD, groups=[EDITORS])
    server_errors = []
    page.on("response", lambda response: response.status >= 500 and server_errors.append(response.url))
    log_in(page, demo_site.url, "erin")

    # The dashboard's "Write a new blog post" leads to the new post's form; each attempt opens it.
    new_post_url = page.get_by_role("link", name="Write a new blog post").get_attribute("href")
    titles = [f"Zeeburg open data, part {number}" for number in range(1, ATTEMPTS + 1)]
    for title in titles:
        held_autosave.clear()
        page.goto(f"{demo_site.url}{new_post_url}")
        the_new_post_form_is_open(page)
        with page.expect_request(is_autosave):
            page.get_by_role("textbox", name="Title*").fill(title)
            page.keyboard.press("Tab")  # on to the next field: the slug follows the title
            page.clock.run_for(AUTOSAVE_DELAY_MS)  # the editor pauses; the autosave goes out
        choose_author(page, "Gabriel Lopez")
        page.get_by_role("textbox", name="Lead*").fill("How residents reuse the city's open data.")
        page.get_by_role("button", name="Publish", exact=True).click()
        held_autosave.set()
        expect(page.get_by_role("status")).to_contain_text(
            re.compile(rf"Page '{re.escape(title)}' (created and published|has been published)\.")
        )

    for title in titles:
        post = BlogPage.objects.get(title=title)  # one post, not two
        assert post.live
        assert post.lead == "How residents reuse the city's open data."
        assert [author.name for author in post.authors] == ["Gabriel Lopez"]
    assert BlogPage.objects.filter(title__in=titles, live=True).count() == ATTEMPTS
    assert server_errors == []
    assert not [record for record in caplog.records if "locked" in record.getMessage()]


def test_no_autosave_follows_a_save_draft_that_waited_for_one(demo_site, page: Page, monkeypatch, caplog):
    """An edit made while an autosave is saving makes Wagtail save again once it answers. When
    Save draft waited for that autosave, the page is already on its way out: a second autosave
    would land after the next page had loaded and rewrite the revision it loaded, and the next
    page's first autosave was then refused ("You saved a new version in another window")."""
    caplog.set_level(logging.WARNING)
    held = hold_autosaves(monkeypatch, EditView)
    UserFactory(username="erin", password=PASSWORD, groups=[EDITORS])
    post = BlogPage.objects.get(slug="programming-training-for-refugees")
    edit_view = f"/admin/pages/{post.pk}/edit/"
    autosaves = []
    page.on("request", lambda request: is_autosave(request, edit_view) and autosaves.append(request))
    log_in(page, demo_site.url, "erin")
    page.goto(f"{demo_site.url}{edit_view}")
    read_the_form(page)
    lead = page.get_by_role("textbox", name="Lead*")

    with page.expect_request(lambda request: is_autosave(request, edit_view)):
        lead.fill("A first change, being saved.")
        page.clock.run_for(AUTOSAVE_DELAY_MS)
    lead.fill("A second change, made meanwhile.")
    page.clock.run_for(AUTOSAVE_DELAY_MS)  # Wagtail wants to save again, once the first answers
    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Save draft").click()
    held.set()
    expect(page.get_by_role("status")).to_contain_text(f"Page '{post.title}' has been updated.")
    assert len(autosaves) == 1  # the held one: none went out after Save draft

    read_the_form(page)

    with page.expect_response(lambda response: is_autosave(response.request, edit_view)) as answer:
        lead.fill("A third change, on the next page.")
        page.clock.run_for(AUTOSAVE_DELAY_MS)
    assert answer.value.status == 200
    expect(page.locator("#w-save-confirmation-dialog")).to_be_hidden()
    post.refresh_from_db()
    assert post.get_latest_revision_as_object().lead == "A third change, on the next page."
    assert not [record for record in caplog.records if record.levelno >= logging.WARNING]
