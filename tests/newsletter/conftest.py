"""Fixtures and helpers for the newsletter tests: a post with the form, signup data, sent links;
an issue to send, subscribers, a real SMTP server and the worker."""

import re
import time

import pytest
from django.core import signing
from django.core.management import call_command
from wagtail_newsletter.models import NewsletterRecipients

from newsletter import tokens
from newsletter.campaigns import SiteCampaignBackend
from newsletter.models import FeaturedPost, Mailing, NewsletterIndexPage, NewsletterIssuePage, Subscriber

from ..factories import AuthorFactory, BlogPageFactory, ImageFactory
from .factories import SubscriberFactory
from .smtp import SMTPServer

SUBSCRIBE_URL = "/newsletter/subscribe/"


class FailingEmailBackend:
    """An EMAIL_BACKEND whose server is down."""

    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise ConnectionRefusedError("The mail server is down.")


@pytest.fixture
def post(blog_index):
    return BlogPageFactory(parent=blog_index, title="A post with the form")


@pytest.fixture
def mail_server_down(settings):
    settings.EMAIL_BACKEND = "tests.newsletter.conftest.FailingEmailBackend"


def signup(**overrides) -> dict:
    data = {
        "first_name": "Lynda",
        "prefix": "van der",
        "surname": "Hardman",
        "organisation": "CWI",
        "email": "Lynda@Example.com",
    }
    data.update(overrides)
    return data


def field(soup, name):
    """The input, its wrapper, and the error shown in the wrapper (or None)."""
    control = soup.find("input", attrs={"name": name})
    wrapper = control.find_parent(class_="field")
    error = wrapper.find(class_="field__error")
    return control, wrapper, error


def link_in(message, name: str) -> str:
    """The absolute URL of the confirm or unsubscribe link in a sent e-mail's plain text."""
    match = re.search(rf"https?://\S+/newsletter/{name}/\S+/", message.body)
    assert match, f"no {name} link in:\n{message.body}"
    return match.group(0)


def path_of(url: str) -> str:
    return re.sub(r"^https?://[^/]+", "", url)


def signed_days_ago(subscriber, days: int) -> str:
    """A confirmation token as if it had been signed that many days ago."""

    class PastSigner(signing.TimestampSigner):
        def timestamp(self):
            return signing.b62_encode(int(time.time()) - days * 24 * 60 * 60)

    return PastSigner(salt=tokens.CONFIRM_SALT).sign(subscriber.key.hex)


# Sending issues (test_sending.py, test_redis_queue.py).


@pytest.fixture
def smtp(settings):
    server = SMTPServer()
    server.up()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", server.port
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_TIMEOUT = 5
    settings.DEFAULT_FROM_EMAIL = "newsletter@example.org"
    # No waiting in tests: no pace between batches, retries at once.
    settings.NEWSLETTER_SEND_RATE = 10**9
    settings.NEWSLETTER_RETRY_SECONDS = 0
    settings.NEWSLETTER_BATCH_SIZE = 7
    yield server
    if server.controller:
        server.down()


@pytest.fixture
def archive(home_page):
    archive = home_page.add_child(instance=NewsletterIndexPage(title="Newsletter", slug="newsletters"))
    archive.save_revision().publish()
    return archive


@pytest.fixture
def issue(archive, blog_index):
    author = AuthorFactory(name="Lynda Hardman")
    posts = [
        BlogPageFactory(
            parent=blog_index,
            title=f"Post {n} & <friends>",
            authors=[author],
            listing_image=ImageFactory(description=f"Picture of post {n}"),
        )
        for n in range(2)
    ]
    issue = NewsletterIssuePage(
        title="November issue",
        slug="november",
        intro='<p>News from <a href="https://example.org/">the network</a>.</p>',
        newsletter_recipients=NewsletterRecipients.objects.get(audience="confirmed"),
        live=False,  # a draft: sending publishes it
    )
    issue.featured_posts = [FeaturedPost(post=post) for post in posts]
    archive.add_child(instance=issue)
    issue.save_revision()
    return issue


@pytest.fixture
def subscribers(db):
    return {
        "confirmed": SubscriberFactory.create_batch(20, confirmed=True),
        "pending": SubscriberFactory.create_batch(2),
        "unsubscribed": SubscriberFactory.create_batch(2, unsubscribed=True),
        "bounced": SubscriberFactory.create_batch(1, status=Subscriber.Status.BOUNCED),
    }


def save(issue) -> str:
    """What the panel's buttons do first: the issue's current revision saved as its mailing."""
    backend = SiteCampaignBackend()
    version = issue.get_latest_revision().as_object()
    campaign_id = backend.save_campaign(
        campaign_id=issue.newsletter_campaign,
        recipients=version.newsletter_recipients,
        subject=version.get_newsletter_subject(),
        html=version.get_newsletter_html(),
        from_name=version.get_newsletter_from_name(),
        reply_to=version.get_newsletter_reply_to(),
    )
    issue.newsletter_campaign = campaign_id
    issue.save(update_fields=["newsletter_campaign"])
    return campaign_id


def send(issue, capture) -> Mailing:
    campaign_id = save(issue)
    with capture(execute=True):
        SiteCampaignBackend().send_campaign(campaign_id)
    return Mailing.objects.get(pk=campaign_id)


def work():
    """The worker, until nothing is due."""
    call_command("newsletter_worker", "--batch", verbosity=0)


def emails_of(people) -> list[str]:
    return sorted(person.email for person in people)
