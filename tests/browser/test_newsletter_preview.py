"""The preview of an issue's e-mail looks like the mail subscribers get: a site manager opens the
preview in mode "Newsletter" in a new tab, and nothing of the mail is blocked by a
Content-Security-Policy; its elements look as in the mail sent, opened on its own."""

import re

import pytest
from django.core import mail
from playwright.sync_api import Page, expect
from wagtail_newsletter.models import NewsletterRecipients

from base.permissions import SITE_MANAGERS
from blog.models import BlogPage
from newsletter.campaigns import SiteCampaignBackend
from newsletter.models import FeaturedPost, NewsletterIndexPage, NewsletterIssuePage

from ..factories import UserFactory
from .conftest import SCREENSHOTS
from .editing import PASSWORD, log_in

pytestmark = pytest.mark.browser

TITLE = "November at the network"
INTRO = "Four posts to read this month, and the network's day in December."

# Every frame of the test's pages keeps what a policy blocked (each blocked <style>, style="" and
# stylesheet), as the browser reports it to the page.
RECORD_VIOLATIONS = """window.policyViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
    window.policyViolations.push(`${event.effectiveDirective} ${event.blockedURI}`);
});"""

# What a person sees of an element: its colours, type and size.
LOOK_OF = """(element) => {
    const style = getComputedStyle(element);
    return {
        color: style.color,
        backgroundColor: style.backgroundColor,
        fontFamily: style.fontFamily,
        fontSize: style.fontSize,
        fontWeight: style.fontWeight,
        textDecorationLine: style.textDecorationLine,
        width: Math.round(element.getBoundingClientRect().width),
    };
}"""


@pytest.fixture
def issue(demo_site):
    posts = list(BlogPage.objects.live().order_by("first_published_at"))
    issue = NewsletterIssuePage(
        title=TITLE,
        intro=f'<p>{INTRO} <a href="https://example.org/agenda">The agenda</a>.</p>',
        newsletter_recipients=NewsletterRecipients.objects.get(audience="confirmed"),
        live=False,
    )
    issue.featured_posts = [FeaturedPost(post=post) for post in posts]
    NewsletterIndexPage.objects.get().add_child(instance=issue)
    issue.save_revision()
    return issue


def sent_html(issue: NewsletterIssuePage) -> str:
    """The HTML part of the issue's mail as this site sends it (a test mail of the saved issue)."""
    backend = SiteCampaignBackend()
    campaign_id = backend.save_campaign(
        recipients=issue.newsletter_recipients,
        subject=issue.get_newsletter_subject(),
        html=issue.get_newsletter_html(),
        from_name=issue.get_newsletter_from_name(),
        reply_to=issue.get_newsletter_reply_to(),
    )
    backend.send_test_email(campaign_id=campaign_id, email="sam@example.org")
    (message,) = mail.outbox
    ((html, mimetype),) = message.alternatives
    assert mimetype == "text/html"
    return html


def looks(page: Page, post: BlogPage, *, width: int) -> dict[str, dict]:
    """The look of a few elements that stand for the rest of the mail (``post`` is one it
    features), at a window ``width`` wide."""
    page.set_viewport_size({"width": width, "height": 900})
    elements = {
        "site name": page.get_by_role("link", name="Amsterdam Data Science", exact=True),
        "title": page.get_by_role("heading", name=TITLE),
        "link in the intro": page.get_by_role("link", name="The agenda"),
        "post title": page.get_by_role("link", name=post.title, exact=True),
        "picture": page.get_by_role("img", name=post.listing_image.default_alt_text),
        "button": page.get_by_role("link", name="Read the post").first,
        "unsubscribe link": page.get_by_role("link", name="Unsubscribe"),
    }
    return {name: element.evaluate(LOOK_OF) for name, element in elements.items()}


def test_the_newsletter_preview_shows_the_mail_as_sent(issue, demo_site, page: Page, desktop):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    post = issue.posts[0]
    UserFactory(username="sam", password=PASSWORD, groups=[SITE_MANAGERS])
    context = page.context
    context.add_init_script(RECORD_VIOLATIONS)
    # The mail loads nothing from another site (a web font from Google would tell it who reads).
    elsewhere = []
    context.on(
        "request",
        lambda request: (
            request.url.startswith("http")
            and not request.url.startswith(demo_site.url)
            and elsewhere.append(request.url)
        ),
    )
    console = []
    context.on("console", lambda message: console.append((message.page, message.text)))
    log_in(page, demo_site.url, "sam")

    # The preview panel, in mode "Newsletter", then the same preview in a tab of its own.
    page.goto(f"{demo_site.url}/admin/pages/{issue.pk}/edit/")
    page.get_by_role("button", name="Toggle preview").click()
    page.get_by_label("Preview mode").select_option(label="Newsletter")
    panel = page.locator("iframe[title='Preview']").last
    expect(panel.content_frame.get_by_role("heading", name=TITLE)).to_be_visible()
    with context.expect_page() as opened:
        page.get_by_role("link", name="Preview in new tab").click()
    preview = opened.value
    expect(preview).to_have_url(re.compile(rf"/admin/pages/{issue.pk}/edit/preview/\?mode=newsletter"))
    expect(preview.get_by_role("heading", name=TITLE)).to_be_visible()
    preview.wait_for_load_state("load")

    # The mail as sent, opened on its own: no policy at all.
    mail_page = context.new_page()
    mail_page.set_content(sent_html(issue), wait_until="load")

    preview_looks, mail_looks = {}, {}
    for width in (1280, 390):
        preview_looks[width] = looks(preview, post, width=width)
        mail_looks[width] = looks(mail_page, post, width=width)
        preview.screenshot(path=SCREENSHOTS / f"newsletter-preview-{width}.png", full_page=True)
        mail_page.screenshot(path=SCREENSHOTS / f"newsletter-as-sent-{width}.png", full_page=True)

    blocked = {
        "panel": panel.element_handle().content_frame().evaluate("window.policyViolations"),
        "tab": preview.evaluate("window.policyViolations"),
        "console": [text for source, text in console if source == preview and "Content Security" in text],
    }
    assert blocked == {"panel": [], "tab": [], "console": []}
    assert mail_page.evaluate("window.policyViolations") == []
    assert elsewhere == []
    assert preview_looks == mail_looks
    # The mail's own design, not the browser's defaults: sans-serif type, its colours, and
    # pictures that fit a phone's screen.
    desktop_look, phone_look = preview_looks[1280], preview_looks[390]
    assert "sans-serif" in desktop_look["title"]["fontFamily"]
    assert desktop_look["site name"]["color"] == "rgb(255, 255, 255)"
    assert desktop_look["link in the intro"]["color"] == "rgb(11, 83, 148)"
    assert desktop_look["post title"]["textDecorationLine"] == "none"
    assert desktop_look["button"]["color"] == "rgb(255, 255, 255)"
    assert desktop_look["picture"]["width"] <= 600
    assert phone_look["picture"]["width"] <= 390
    # The preheader (the line a mail program shows next to the subject in the inbox) is hidden: the
    # intro's words are shown once, in the intro.
    for shown in (preview, mail_page):
        expect(shown.get_by_text(INTRO).filter(visible=True)).to_have_count(1)
