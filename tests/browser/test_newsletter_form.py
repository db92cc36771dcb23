"""The signup form under a post as readers see it: labels on their inputs, room around the button,
and after a signup the thank-you in the form's place, focused, with or without JavaScript."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page, expect

from newsletter.models import Subscriber

from .conftest import SCREENSHOTS

pytestmark = pytest.mark.browser

SEED_POST = "/blog/ai-research-with-china/"
FORM_HEADING = "Stay in the loop, subscribe to our newsletter"
THANK_YOU = "Thank you. Please check your inbox"

# Each field's label and input, and the consent text and button, as laid out on the screen.
LAYOUT_JS = """
() => {
    const box = (el) => el.getBoundingClientRect();
    // The words of a label, not its box, which the grid may stretch.
    const text = (el) => {
        const range = document.createRange();
        range.selectNodeContents(el);
        return range.getBoundingClientRect();
    };
    const form = document.querySelector(".newsletter__form");
    return {
        fields: [...form.querySelectorAll(".field")].map((field) => ({
            name: field.querySelector("input").name,
            label: text(field.querySelector("label")),
            input: box(field.querySelector("input")),
        })),
        consent: box(form.querySelector(".newsletter__consent")),
        button: box(form.querySelector("button")),
    };
}
"""


@pytest.mark.parametrize("width", [1280, 660, 390])
def test_each_label_sits_on_its_input_and_the_button_has_room(demo_site, page: Page, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(demo_site.url + SEED_POST)
    layout = page.evaluate(LAYOUT_JS)
    fields = {field["name"]: field for field in layout["fields"]}
    # At 660 pixels "Company/organisation (optional)" wraps beside "Surname": Surname's label
    # still sits right above its input, not a line's height above it.
    gaps = {name: field["input"]["top"] - field["label"]["bottom"] for name, field in fields.items()}
    assert all(0 <= gap <= 16 for gap in gaps.values()), f"at {width}px: {gaps}"
    assert max(gaps.values()) - min(gaps.values()) <= 1, f"at {width}px, a label stands apart: {gaps}"
    if width >= 640:
        # Two columns: the inputs of one row line up.
        assert fields["first_name"]["input"]["top"] == fields["prefix"]["input"]["top"]
        assert fields["surname"]["input"]["top"] == fields["organisation"]["input"]["top"]
    room = layout["button"]["top"] - layout["consent"]["bottom"]
    assert room >= 12, f"{room}px between the consent text and the Subscribe button at {width}px"
    shoot(page.get_by_role("region", name=FORM_HEADING), f"newsletter-form-{width}")


@pytest.mark.parametrize("javascript", [True, False], ids=["with-js", "without-js"])
def test_after_a_signup_the_thank_you_takes_the_forms_place_and_the_focus(
    demo_site, browser: Browser, javascript
):
    context = browser.new_context(java_script_enabled=javascript, viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(demo_site.url + SEED_POST)
    section = page.get_by_role("region", name=FORM_HEADING)
    section.get_by_label("First name").fill("Jan")
    section.get_by_label("Prefix").fill("van der")
    section.get_by_label("Surname").fill("Berg")
    section.get_by_label("E-mail").fill("jan.vanderberg@example.nl")
    section.get_by_role("button", name="Subscribe").click()

    expect(page).to_have_url(re.compile(re.escape(SEED_POST) + "#newsletter-thanks$"))
    section = page.get_by_role("region", name=FORM_HEADING)
    thanks = section.get_by_role("status")
    expect(thanks).to_contain_text(THANK_YOU)
    # The browser focuses the fragment's target, so a screen reader reads the thank-you out.
    expect(thanks).to_be_focused()
    expect(thanks).to_be_in_viewport()
    expect(section.get_by_role("textbox")).to_have_count(0)
    expect(section.get_by_role("button", name="Subscribe")).to_have_count(0)
    assert Subscriber.objects.get().email == "jan.vanderberg@example.nl"
    if javascript:  # axe-core runs in the page
        results = Axe().run(page)
        assert not results.violations_count, results.generate_report()
    name = "with" if javascript else "without"
    shoot(section, f"newsletter-thanks-{name}-js-390")
    context.close()


def shoot(locator, name: str):
    """A screenshot of one part of the page, beside the screenshot fixture's (git-ignored)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    locator.screenshot(path=str(SCREENSHOTS / f"{name}.png"))
