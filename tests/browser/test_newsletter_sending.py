"""A site manager composes an issue from the new posts, previews it, sends a test, sends it; the
worker delivers it, and the archive shows its web version."""

import re

import pytest
from django.core import mail
from django.core.management import call_command
from playwright.sync_api import Page, expect

from base.permissions import SITE_MANAGERS
from blog.models import BlogPage
from newsletter.models import Mailing, NewsletterIndexPage

from ..factories import UserFactory
from ..newsletter.factories import SubscriberFactory
from .editing import PASSWORD, log_in, pause_after_typing, read_the_form

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def test_a_site_manager_sends_an_issue(demo_site, page: Page, desktop, shot, settings):
    settings.NEWSLETTER_SEND_RATE = 10**9  # no pause between the worker's batches
    UserFactory(username="sam", password=PASSWORD, groups=[SITE_MANAGERS])
    readers = SubscriberFactory.create_batch(3, confirmed=True)
    SubscriberFactory()  # pending: gets nothing
    archive = NewsletterIndexPage.objects.get()
    log_in(page, demo_site.url, "sam")

    # A new issue opens with the posts published since the last issue (none yet: the newest).
    page.goto(f"{demo_site.url}/admin/pages/{archive.pk}/")
    page.get_by_role("link", name="Add child page").first.click()
    expect(page.get_by_role("heading", name=re.compile("New: Newsletter issue"))).to_be_visible()
    read_the_form(page)
    for post in BlogPage.objects.live():
        expect(page.get_by_text(post.title, exact=True).first).to_be_visible()
    page.get_by_role("textbox", name="Title*").fill("November at the network")
    page.get_by_role("region", name="Intro").get_by_role("textbox").fill("Four posts to read this month.")
    pause_after_typing(page)
    shot("newsletter-compose")
    page.get_by_role("button", name="Save draft").click()  # the main button of an issue
    expect(page).to_have_url(re.compile(r"/admin/pages/\d+/edit/$"))

    # The preview shows the e-mail.
    page.get_by_role("button", name="Toggle preview").click()
    expect(page.get_by_label("Preview mode")).to_be_visible()
    page.get_by_label("Preview mode").select_option(label="Newsletter")
    preview = page.frame_locator("iframe[title='Preview'] >> nth=-1")
    expect(preview.get_by_role("heading", name="November at the network")).to_be_visible()
    shot("newsletter-preview")
    page.get_by_role("button", name="Toggle preview").click()

    # A test with a slip in one address: nothing is sent, not even to the good one, and the
    # manager is back where they were, told which address is wrong, with what they typed.
    page.get_by_role("tab", name="Newsletter").click()
    panel = page.get_by_role("tabpanel", name="Newsletter")
    expect(panel).to_contain_text("Will go to 3 confirmed subscribers.")
    panel.get_by_role("button", name="Send a test").click()
    dialog = page.get_by_role("dialog", name="Send a test")
    dialog.get_by_label("Email addresses").fill("sam@example.org, not-an-address")
    dialog.get_by_role("button", name="Send the test").click()
    # The page comes back with the dialog open on this tab. (The red banner that also says so is
    # gone once Wagtail's autosave has kept the page's unsaved state as a draft.)
    wrong = "“not-an-address” is not an e-mail address."
    expect(page.get_by_role("tab", name="Newsletter")).to_have_attribute("aria-selected", "true")
    dialog = page.get_by_role("dialog", name="Send a test")
    addresses = dialog.get_by_label("Email addresses")
    expect(addresses).to_have_value("sam@example.org, not-an-address")
    expect(addresses).to_have_accessible_description(re.compile(re.escape(wrong)))
    shot("newsletter-test-refused")
    assert mail.outbox == []
    assert Mailing.objects.count() == 0
    dialog.get_by_role("button", name="Cancel").click()
    shot("newsletter-test-refused-tab")

    # Corrected: a test to the manager's own address and a colleague's.
    panel.get_by_role("button", name="Send a test").click()
    expect(addresses).to_have_value("sam@example.org, not-an-address")
    addresses.fill("sam@example.org, kim@example.org")
    shot("newsletter-test-dialog")
    dialog.get_by_role("button", name="Send the test").click()
    expect(page.get_by_text("Test message sent to sam@example.org, kim@example.org")).to_be_visible()
    assert [test.to for test in mail.outbox] == [["sam@example.org"], ["kim@example.org"]]
    assert {test.subject for test in mail.outbox} == {"[Test] November at the network"}
    mail.outbox.clear()

    # Send, from the Newsletter tab the test came back to, after saying yes to the dialog that
    # says how many it goes to.
    expect(page.get_by_role("tab", name="Newsletter")).to_have_attribute("aria-selected", "true")
    page.get_by_role("button", name="Send to subscribers").click()
    dialog = page.get_by_role("dialog", name="Send to subscribers")
    expect(dialog).to_contain_text("Will go to 3 confirmed subscribers.")
    shot("newsletter-send-dialog")
    dialog.get_by_role("button", name="Send now").click()
    expect(page.get_by_text("Newsletter campaign is now sending")).to_be_visible()
    assert mail.outbox == []  # nothing sent in the request

    call_command("newsletter_worker", "--batch", verbosity=0)
    delivered = sorted(message.to[0] for message in mail.outbox)
    assert delivered == sorted(reader.email for reader in readers)
    mailing = Mailing.objects.get()
    assert mailing.status == Mailing.Status.SENT

    # The tab reports it, and cannot send it again.
    page.reload()
    page.get_by_role("tab", name="Newsletter").click()
    expect(page.get_by_text("Status: Sent")).to_be_visible()
    expect(page.get_by_role("button", name="Send to subscribers")).to_have_count(0)
    shot("newsletter-sent")

    # The archive shows the web version.
    page.goto(f"{demo_site.url}{archive.url}")
    page.get_by_role("link", name="November at the network").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("November at the network")
    shot("newsletter-web-version")
