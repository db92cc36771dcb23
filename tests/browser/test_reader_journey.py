import re

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("width", [1280, 375])
def test_reader_finds_the_seed_post_from_the_home_page(demo_site, page: Page, screenshot, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(demo_site.url)
    expect(page.get_by_role("heading", level=1)).to_have_text("Amsterdam Data Science")
    screenshot(f"home-{width}")

    page.get_by_role("navigation", name="Main").get_by_role("link", name="Blog").click()
    expect(page).to_have_url(re.compile(r"/blog/$"))
    page.get_by_role("link", name=re.compile("AI Research with China")).click()

    title = "AI Research with China: to Collaborate or not to Collaborate – is that the Question?"
    expect(page.get_by_role("heading", level=1)).to_have_text(title)
    authors = page.get_by_role("article", name=title).get_by_role("list", name="Authors")
    expect(authors).to_contain_text("Lynda Hardman")
    references = page.get_by_role("region", name="References")
    expect(references.get_by_role("listitem")).to_have_count(3)
    expect(references.get_by_role("link", name="https://www.rubenterlou.com")).to_be_visible()
    screenshot(f"seed-post-{width}")

    # A citation marker in the text takes the reader to its reference.
    page.get_by_role("link", name="[3]").click()
    expect(page).to_have_url(re.compile(r"#ref-3$"))
    expect(page.locator("#ref-3")).to_contain_text("Checklist for Collaboration")

    # No sideways scrolling at either width.
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
