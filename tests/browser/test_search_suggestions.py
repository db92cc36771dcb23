"""Suggestions as you type in the header's search box (static/js/search-suggest.js): a WAI-ARIA
combobox for the keyboard, the mouse and screen readers; without JavaScript, the plain search form."""

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Locator, Page, expect

from blog.models import BlogIndexPage

from ..factories import BlogPageFactory

pytestmark = pytest.mark.browser

# Two titles share a word; the second is markup an editor typed, which must stay text.
GROUNDWATER = ["Groundwater under Amsterdam", "Wells & <b>groundwater</b> in the polders"]
OTHER = "Cycling in the rain"
HINT = "Use up and down arrows to choose."


@pytest.fixture
def posts(demo_site) -> dict[str, str]:
    """Title -> address of each post, added to the demo content on the live server."""
    blog_index = BlogIndexPage.objects.get()
    return {
        title: demo_site.url + BlogPageFactory(parent=blog_index, title=title).url
        for title in [*GROUNDWATER, OTHER]
    }


def open_home(page: Page, server) -> Locator:
    """The home page; the search box is a combobox once the script has run."""
    page.goto(server.url + "/")
    box = page.get_by_label("Search posts")
    expect(box).to_have_role("combobox")
    return box


def suggestions(page: Page) -> Locator:
    return page.get_by_role("listbox", name="Suggested posts")


def announcement(page: Page) -> Locator:
    return page.get_by_role("search").get_by_role("status")


def test_the_keyboard_moves_through_the_suggestions_and_enter_opens_one(demo_site, posts, page: Page):
    box = open_home(page, demo_site)
    expect(box).to_have_attribute("aria-expanded", "false")
    box.press_sequentially("groundwater")

    listbox = suggestions(page)
    expect(listbox).to_be_visible()
    expect(box).to_have_attribute("aria-expanded", "true")
    expect(box).to_have_attribute("aria-controls", listbox.get_attribute("id"))
    options = listbox.get_by_role("option")
    expect(options).to_have_count(2)
    assert sorted(options.all_text_contents()) == sorted(GROUNDWATER)
    expect(announcement(page)).to_have_text(f"2 suggestions. {HINT}")
    assert box.get_attribute("aria-activedescendant") is None

    # Down, down, down again wraps to the first; up from the first wraps to the last.
    first, second = options.nth(0), options.nth(1)
    for key, highlighted, other in [
        ("ArrowDown", first, second),
        ("ArrowDown", second, first),
        ("ArrowDown", first, second),
        ("ArrowUp", second, first),
    ]:
        box.press(key)
        expect(highlighted).to_have_attribute("aria-selected", "true")
        expect(other).to_have_attribute("aria-selected", "false")
        expect(box).to_have_attribute("aria-activedescendant", highlighted.get_attribute("id"))
        expect(box).to_be_focused()

    title = second.text_content()
    box.press("Enter")
    expect(page).to_have_url(posts[title])
    expect(page.get_by_role("heading", level=1)).to_have_text(title)


def test_escape_closes_the_list_and_enter_without_a_choice_searches(demo_site, posts, page: Page):
    box = open_home(page, demo_site)
    box.press_sequentially("groundwater")
    listbox = suggestions(page)
    expect(listbox).to_be_visible()

    box.press("ArrowDown")
    box.press("Escape")
    expect(box).to_have_attribute("aria-expanded", "false")
    expect(listbox).to_be_hidden()
    assert box.get_attribute("aria-activedescendant") is None
    expect(box).to_have_value("groundwater")

    # Down opens the list again on the first suggestion; Escape twice closes it and clears the box.
    box.press("ArrowDown")
    expect(listbox.get_by_role("option").first).to_have_attribute("aria-selected", "true")
    box.press("Escape")
    box.press("Escape")
    expect(box).to_have_value("")
    expect(box).to_have_attribute("aria-expanded", "false")

    # Enter with the list open but nothing chosen is a full search for the text.
    box.press_sequentially("groundwater")
    expect(listbox).to_be_visible()
    box.press("Enter")
    expect(page).to_have_url(re.compile(r"/search/\?query=groundwater$"))
    results = page.get_by_role("main")
    for title in GROUNDWATER:
        expect(results.get_by_role("link", name=title)).to_be_visible()
    expect(results.get_by_role("link", name=OTHER)).to_have_count(0)


def test_a_click_opens_a_suggestion_and_a_click_elsewhere_closes_the_list(demo_site, posts, page: Page):
    box = open_home(page, demo_site)
    box.press_sequentially("cycling")
    option = suggestions(page).get_by_role("option", name=OTHER)
    expect(option).to_be_visible()
    expect(announcement(page)).to_have_text(f"1 suggestion. {HINT}")

    page.get_by_role("main").click(position={"x": 5, "y": 5})
    expect(box).to_have_attribute("aria-expanded", "false")
    expect(option).to_be_hidden()

    box.press("ArrowDown")  # opens it again
    option.click()
    expect(page).to_have_url(posts[OTHER])


def test_no_request_below_three_letters_nor_before_a_pause_in_typing(demo_site, posts, page: Page):
    requested = []

    def record(request):
        if "/search/suggest/" in request.url:
            requested.append(parse_qs(urlsplit(request.url).query)["query"][0])

    page.on("request", record)
    # With the page's clock paused, the typing pause is whatever time the test lets pass.
    page.clock.install()
    box = open_home(page, demo_site)
    page.clock.pause_at(page.evaluate("Date.now()") + 1000)

    box.press_sequentially("gr")
    page.clock.run_for(1000)
    box.press_sequentially("oundwate")
    page.clock.run_for(149)
    box.press("r")
    page.clock.run_for(149)
    with page.expect_response(re.compile(r"/search/suggest/\?query=groundwater$")):
        page.clock.run_for(1)
    expect(suggestions(page).get_by_role("option")).to_have_count(2)
    assert requested == ["groundwater"]

    # Fewer than three letters again: the list goes, and nothing is asked.
    box.fill("gr")
    expect(box).to_have_attribute("aria-expanded", "false")
    expect(suggestions(page).get_by_role("option")).to_have_count(0)
    page.clock.run_for(1000)
    assert requested == ["groundwater"]


def test_no_match_is_announced_and_a_failed_request_leaves_the_search_working(demo_site, posts, page: Page):
    errors = []
    page.on("pageerror", lambda error: errors.append(error))
    box = open_home(page, demo_site)
    box.press_sequentially("zeppelin")
    expect(announcement(page)).to_have_text("No suggestions.")
    expect(box).to_have_attribute("aria-expanded", "false")

    # The connection drops: the list for the older text goes, silently, and Down brings nothing back.
    box.fill("groundwater")
    expect(suggestions(page)).to_be_visible()
    page.route("**/search/suggest/**", lambda route: route.abort("internetdisconnected"))
    with page.expect_event("requestfailed"):
        box.press("Backspace")
    expect(box).to_have_attribute("aria-expanded", "false")
    box.press("ArrowDown")
    expect(box).to_have_attribute("aria-expanded", "false")

    box.press("Enter")
    expect(page).to_have_url(re.compile(r"/search/\?query=groundwate$"))
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    assert not errors


@pytest.mark.parametrize("width", [1280, 375])
def test_the_open_list_passes_axe_and_fits_the_window(demo_site, posts, page: Page, screenshot, width):
    page.set_viewport_size({"width": width, "height": 800})
    box = open_home(page, demo_site)
    axe = Axe()
    reports = []
    for scheme in ("light", "dark"):
        page.emulate_media(color_scheme=scheme)
        box.fill("")
        box.press_sequentially("groundwater")
        expect(suggestions(page)).to_be_visible()
        box.press("ArrowDown")
        expect(box).to_have_attribute("aria-activedescendant", re.compile(".+"))
        results = axe.run(page)
        if results.violations_count:
            reports.append(f"{scheme}, {width}px: {results.generate_report()}")
        screenshot(f"search-suggestions-{width}-{scheme}")

        listbox = suggestions(page).bounding_box()
        field = box.bounding_box()
        assert listbox["y"] >= field["y"] + field["height"], "the list covers the search box"
        assert 0 <= listbox["x"] <= width - listbox["width"], listbox
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert not reports, "\n\n".join(reports)


def test_without_javascript_the_form_still_searches(demo_site, posts, browser: Browser):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(demo_site.url + "/")
        box = page.get_by_label("Search posts")
        expect(box).to_have_role("searchbox")
        box.fill("groundwater")
        box.press("Enter")
        expect(page).to_have_url(re.compile(r"/search/\?query=groundwater$"))
        results = page.get_by_role("main")
        for title in GROUNDWATER:
            expect(results.get_by_role("link", name=title)).to_be_visible()
    finally:
        context.close()
