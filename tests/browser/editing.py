"""Steps of an editor's work in Wagtail's admin, shared by the browser tests."""

import re
from collections.abc import Callable

from playwright.sync_api import Page, expect

PASSWORD = "a long and secret password"
PERMISSION_DENIED = "Sorry, you do not have permission to access this area."


# Running animations that end within a second (menus sliding open, messages and dialogs fading in
# and out), awaited for at most that long. Not the admin's badge that pulses for 25 seconds on a
# menu item with news ("ping-warning"): a person does not wait for it either.
ANIMATIONS_FINISHED = """() => Promise.race([
    Promise.all(document.getAnimations()
        .filter((a) => a.playState === "running"
            && a.effect?.getComputedTiming().endTime - (a.currentTime ?? 0) <= 1000)
        .map((a) => a.finished.catch(() => null))),
    new Promise((resolve) => setTimeout(resolve, 1000)),
])"""


# Wagtail's editor starts watching its form for edits (what its unsaved-changes warning and
# autosave react to) two seconds after it opens. A person reads the form first; Playwright would
# type at once, and those first edits would count as the form's starting state. Every page marks
# when the watching has begun (see read_the_form).
WATCH_DELAY_MS = 2000
MARK_WATCHED_EDITS = """document.addEventListener("w-unsaved:watch-edits", () => {
    document.documentElement.dataset.editsWatched = "true";
});"""


def log_in(page: Page, base_url: str, username: str, shot=None, name: str = ""):
    """Sign in with PASSWORD; ``shot(name)`` takes a screenshot of the filled-in form.

    The admin's pages run on Playwright's clock: it keeps real time, and lets a test pass the time
    a person spends reading or pausing at once (``page.clock.run_for``) instead of waiting it out.
    """
    page.clock.install()
    page.add_init_script(MARK_WATCHED_EDITS)
    # What the editor's page could not do, for a failing test's report (pytest shows what a
    # failed test printed): Wagtail answers a failed autosave or editing-session ping (a network
    # error) with a "network error" dialog over the next action button.
    page.on(
        "requestfailed",
        lambda request: print(f"Request failed: {request.method} {request.url}: {request.failure}"),
    )
    page.on("pageerror", lambda error: print(f"Script error: {error}"))
    page.goto(f"{base_url}/admin/")
    expect(page).to_have_url(re.compile(r"/admin/login/\?next=/admin/$"))
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    if shot:
        shot(name)
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(re.compile(r"/admin/$"))


def open_menu(page: Page, *labels: str):
    menu = page.get_by_role("navigation", name="Main menu")
    *groups, item = labels
    for group in groups:
        menu.get_by_role("button", name=group).click()
    menu.get_by_role("link", name=item).click()


def open_new_post(page: Page):
    """From the dashboard's "Write a new blog post" button to an empty post form."""
    page.get_by_role("link", name="Write a new blog post").click()
    the_new_post_form_is_open(page)


def the_new_post_form_is_open(page: Page):
    expect(page.get_by_role("heading", name="New: Blog post")).to_be_visible()
    read_the_form(page)


def read_the_form(page: Page):
    """The editor reads the form they opened before typing: the page's clock passes the two
    seconds at once, and Wagtail begins watching the form for edits."""
    page.clock.run_for(WATCH_DELAY_MS)
    expect(page.locator("html[data-edits-watched]")).to_be_attached()


def add_post_under_the_blog(page: Page, title: str):
    open_new_post(page)
    page.get_by_role("textbox", name="Title*").fill(title)


def choose_author(page: Page, name: str):
    """The "Add authors" button opens the list of authors to tick; a new post starts with none."""
    page.get_by_role("button", name="Add authors").click()
    chooser = page.get_by_role("dialog")
    expect(chooser.get_by_role("heading", name=re.compile("^Choose author"))).to_be_visible()
    chooser.get_by_role("checkbox", name=name).check()
    chooser.get_by_role("button", name="Confirm selection").click()
    expect(chooser).to_be_hidden()
    expect(page.get_by_role("region", name="Authors 1")).to_contain_text(name)


def insert_block(page: Page, block_label: str, *, on_chooser: Callable[[], None] | None = None):
    """The last "+" of the body, then the block by its name in the chooser."""
    body = page.get_by_role("region", name="Body", exact=True)
    body.get_by_role("button", name="Insert a block").last.click()
    option = page.get_by_role("option", name=block_label, exact=True)
    if on_chooser:
        option.hover()  # where Wagtail shows a block's description and preview, if it has them
        on_chooser()
    option.click()
    return body.get_by_role("region", name=re.compile(f"^{block_label}")).last


def write_paragraph(page: Page, text: str):
    """Draftail, Wagtail's rich text editor: click into it and type, as a person does."""
    editor = insert_block(page, "Paragraph").get_by_role("textbox")
    editor.click()
    page.keyboard.type(text)
    expect(editor).to_have_text(text)
    pause_after_typing(page)


def pause_after_typing(page: Page):
    """Draftail copies its content into the form a quarter of a second after the last keystroke
    (its stateSaveInterval); no person clicks Save faster than that, Playwright would."""
    page.clock.run_for(400)


def open_the_reader_view(page: Page):
    """The editor's browser becomes a reader's: no admin session any more."""
    page.context.clear_cookies()
