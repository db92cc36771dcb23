"""The reader's pages in Chromium: axe-core finds nothing, the keyboard reaches everything, nothing
scrolls sideways.

axe-core comes bundled with axe-playwright-python and is injected into the page, so the checks run
offline.
"""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

SEED_POST = "/blog/ai-research-with-china/"
PAGES = {
    "home": "/",
    "blog index": "/blog/",
    "seed post": SEED_POST,
    "search results": "/search/?query=china",
    "404": "/no-such-page/",
}
MORE_PAGES = {"author": "/blog/author/lynda-hardman/", "category": "/blog/category/china/"}

# What a keyboard user can reach: the browser's own tab order, minus what the page takes out of it.
TAB_STOPS_JS = """
() => {
    const candidates = document.querySelectorAll(
        "a[href], button, input:not([type=hidden]), select, textarea, [tabindex]"
    );
    const stops = [...candidates].filter((el) =>
        el.tabIndex >= 0 && !el.disabled && !el.closest("[inert], [aria-hidden=true]")
        && el.getClientRects().length > 0
    );
    return stops.map((el, index) => {
        el.dataset.tabStop = index;
        const style = getComputedStyle(el);
        return {
            index,
            label: `${el.tagName.toLowerCase()} “${(el.innerText || el.value || el.name || "").trim()}”`,
            unfocused: {outline: `${style.outlineStyle} ${style.outlineWidth}`, shadow: style.boxShadow},
        };
    });
}
"""
FOCUSED_JS = """
() => {
    const el = document.activeElement;
    const style = getComputedStyle(el);
    return {
        index: el.dataset.tabStop === undefined ? null : Number(el.dataset.tabStop),
        outlineStyle: style.outlineStyle,
        outlineWidth: parseFloat(style.outlineWidth),
        shadow: style.boxShadow,
        label: `${el.tagName.toLowerCase()} ${el.id ? "#" + el.id : ""}`,
    };
}
"""


@pytest.mark.parametrize("width", [1280, 375])
def test_axe_finds_no_violations(demo_site, page: Page, width):
    page.set_viewport_size({"width": width, "height": 900})
    axe = Axe()
    reports = []
    for scheme in ("light", "dark"):
        page.emulate_media(color_scheme=scheme)
        for name, path in {**PAGES, **MORE_PAGES}.items():
            response = page.goto(demo_site.url + path)
            assert response.status == (404 if name == "404" else 200), name
            results = axe.run(page)
            if results.violations_count:
                reports.append(f"{name} ({scheme}, {width}px): {results.generate_report()}")
    assert not reports, "\n\n".join(reports)


def test_skip_link_is_the_first_tab_stop_and_leads_to_the_main_content(demo_site, page: Page):
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(demo_site.url + SEED_POST)
    page.keyboard.press("Tab")
    skip_link = page.get_by_role("link", name="Skip to main content")
    expect(skip_link).to_be_focused()
    expect(skip_link).to_be_in_viewport()
    page.keyboard.press("Enter")
    expect(page.get_by_role("main")).to_be_focused()
    # The next stop is inside the main content, past the header's links and search box.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('main') !== null")


@pytest.mark.parametrize("width", [1280, 375])
def test_tab_reaches_every_control_of_the_post_with_a_visible_focus(demo_site, page: Page, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(demo_site.url + SEED_POST)
    stops = page.evaluate(TAB_STOPS_JS)
    assert len(stops) > 20  # header, contents, citations, references, newsletter form, footer

    reached = []
    for _ in range(len(stops) + 5):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED_JS)
        if focused["index"] is None or focused["index"] in reached:
            break  # past the last control, or round again
        reached.append(focused["index"])
        unfocused = stops[focused["index"]]["unfocused"]
        has_outline = focused["outlineStyle"] != "none" and focused["outlineWidth"] >= 2
        outline_changed = f"{focused['outlineStyle']} {focused['outlineWidth']}px" != unfocused["outline"]
        shadow_changed = focused["shadow"] not in ("none", unfocused["shadow"])
        assert (has_outline and outline_changed) or shadow_changed, (
            f"No visible focus on {stops[focused['index']]['label']}"
        )

    # Every control, each once, in the order of the page.
    missed = [stop["label"] for stop in stops if stop["index"] not in reached]
    assert not missed, f"Not reachable with Tab: {missed}"
    assert reached == sorted(reached)


@pytest.mark.parametrize("width", [320, 1440])
def test_no_page_scrolls_sideways(demo_site, page: Page, width):
    page.set_viewport_size({"width": width, "height": 900})
    wide = []
    for name, path in {**PAGES, **MORE_PAGES}.items():
        page.goto(demo_site.url + path)
        scroll_width = page.evaluate("document.documentElement.scrollWidth")
        if scroll_width > width:
            wide.append(f"{name}: {scroll_width}px")
    assert not wide, f"Wider than the {width}px window: {wide}"
