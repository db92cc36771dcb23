"""A reader subscribes from the seed post, confirms from the e-mail, and later unsubscribes."""

import re

import pytest
from django.core import mail
from playwright.sync_api import Page, expect

from blog.models import BlogPage
from newsletter.models import Subscriber

pytestmark = pytest.mark.browser


def link_in(message, name: str) -> str:
    return re.search(rf"https?://\S+/newsletter/{name}/\S+/", message.body).group(0)


def test_reader_subscribes_confirms_and_unsubscribes(demo_site, page: Page, screenshot):
    post = BlogPage.objects.get(slug="ai-research-with-china")
    page.goto(demo_site.url + post.url)
    form = page.get_by_role("region", name="Stay in the loop, subscribe to our newsletter")
    form.get_by_label("First name").fill("Zoë")
    form.get_by_label("Prefix").fill("van der")
    form.get_by_label("Surname").fill("Đặng")
    form.get_by_label("Company/organisation").fill("CWI")
    form.get_by_label("E-mail").fill("zoe.example.com")
    form.get_by_role("button", name="Subscribe").click()

    # A mistake: said next to the field and to screen readers, and nothing typed is lost.
    expect(page.get_by_role("alert")).to_have_text("Please correct the 1 problem below.")
    email = page.get_by_label("E-mail")
    expect(email).to_have_accessible_description(re.compile("Enter a valid email address."))
    expect(page.get_by_label("First name")).to_have_value("Zoë")
    expect(page.get_by_label("Surname")).to_have_value("Đặng")
    screenshot("newsletter-error")
    email.fill("Zoe@Example.com")
    page.get_by_role("button", name="Subscribe").click()

    # Back on the post, told to look in the inbox.
    expect(page).to_have_url(re.compile(re.escape(post.url) + "#newsletter-thanks$"))
    form = page.get_by_role("region", name="Stay in the loop, subscribe to our newsletter")
    expect(form.get_by_role("status")).to_contain_text("Please check your inbox")
    screenshot("newsletter-thanks")
    assert Subscriber.objects.get().status == Subscriber.Status.PENDING

    # The confirmation e-mail's link opens a page; the button confirms.
    (message,) = mail.outbox
    assert message.to == ["zoe@example.com"]
    page.goto(link_in(message, "confirm"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Confirm your subscription")
    page.get_by_role("button", name="Confirm my subscription").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("You are subscribed")
    expect(page.get_by_role("main").get_by_role("status")).to_contain_text("Thank you, Zoë")
    assert Subscriber.objects.get().status == Subscriber.Status.CONFIRMED

    # Later: the unsubscribe link from the same e-mail.
    page.goto(link_in(message, "unsubscribe"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Unsubscribe from the newsletter")
    page.get_by_role("button", name="Unsubscribe").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("You are unsubscribed")
    screenshot("newsletter-unsubscribed")
    subscriber = Subscriber.objects.get()
    assert subscriber.status == Subscriber.Status.UNSUBSCRIBED
    assert (subscriber.first_name, subscriber.surname) == ("Zoë", "Đặng")
