"""A site manager's subscribers in the admin as they see them: the menu item's label whole in the
sidebar, and the list's addresses and statuses never cut mid-word."""

import pytest
from playwright.sync_api import Page, expect

from base.permissions import SITE_MANAGERS
from tests.factories import UserFactory

from ..newsletter.factories import SubscriberFactory
from .conftest import SCREENSHOTS
from .editing import ANIMATIONS_FINISHED, PASSWORD, log_in

pytestmark = pytest.mark.browser

# Where each word of a cell lies: a word cut in two lies on two lines.
WORDS_CUT_JS = """
(cells) => cells.flatMap((cell) => {
    const cut = [];
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (const match of node.data.matchAll(/\\S+/g)) {
            const range = document.createRange();
            range.setStart(node, match.index);
            range.setEnd(node, match.index + match[0].length);
            const lines = new Set([...range.getClientRects()].map((rect) => Math.round(rect.top)));
            if (lines.size > 1) cut.push(match[0]);
        }
    }
    return cut;
})
"""


def shoot(page: Page, name: str):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.evaluate(ANIMATIONS_FINISHED)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"))


@pytest.fixture
def site_manager(demo_site):
    UserFactory(username="sam", first_name="Sam", password=PASSWORD, groups=[SITE_MANAGERS])
    return "sam"


@pytest.mark.parametrize("width", [1280, 390])
def test_the_list_cuts_no_address_or_status_mid_word(demo_site, site_manager, page: Page, width):
    SubscriberFactory(
        first_name="Jan", prefix="van der", surname="Berg", organisation="", email="jan.vanderberg@example.nl"
    )
    SubscriberFactory(
        first_name="Magdalena",
        surname="Mladenova",
        organisation="Vrije Universiteit Amsterdam",
        email="magdalena.mladenova@science.uva.example.nl",
        confirmed=True,
    )
    page.set_viewport_size({"width": width, "height": 900})
    log_in(page, demo_site.url, site_manager)
    page.goto(f"{demo_site.url}/admin/newsletter/subscriber/")
    table = page.get_by_role("table")
    expect(table.get_by_role("cell", name="jan.vanderberg@example.nl")).to_be_visible()
    expect(table.get_by_role("cell", name="Waiting for confirmation")).to_be_visible()
    cells = table.locator("td.field-email_address, td.field-status, td.field-full_name").element_handles()
    assert len(cells) == 6
    assert page.evaluate(WORDS_CUT_JS, cells) == []
    table.scroll_into_view_if_needed()
    shoot(page, f"admin-subscribers-{width}")


@pytest.mark.parametrize("width", [1280, 390])
def test_the_menu_item_for_subscribers_fits_the_sidebar(demo_site, site_manager, page: Page, width):
    page.set_viewport_size({"width": width, "height": 900})
    log_in(page, demo_site.url, site_manager)
    if width < 800:
        # On a phone the sidebar is closed until the menu button opens it.
        page.get_by_role("button", name="Toggle sidebar").locator("visible=true").first.click()
    item = page.get_by_role("navigation", name="Main menu").get_by_role("link", name="Subscribers")
    expect(item).to_be_visible()
    label = item.locator(".menuitem-label")
    assert label.evaluate("(el) => el.scrollWidth <= el.clientWidth"), "the label is cut off"
    shoot(page, f"admin-sidebar-subscribers-{width}")
    item.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Subscribers")
