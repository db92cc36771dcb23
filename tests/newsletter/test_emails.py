"""The e-mails: plain text and HTML, signed links, and the RFC 8058 unsubscribe headers."""

import pytest
from django.core import mail, signing

from newsletter import tokens
from newsletter.models import Subscriber

from ..conftest import soup_of
from .conftest import SUBSCRIBE_URL, link_in, path_of, signed_days_ago, signup
from .factories import SubscriberFactory


@pytest.fixture
def confirmation(post, client):
    client.post(SUBSCRIBE_URL, {**signup(), "next": post.url})
    (message,) = mail.outbox
    return message


def test_the_confirmation_e_mail_has_plain_text_and_html_with_the_same_links(confirmation):
    assert confirmation.to == ["lynda@example.com"]
    assert confirmation.subject == "Please confirm your subscription to the Amsterdam Data Science newsletter"
    confirm_url = link_in(confirmation, "confirm")
    unsubscribe_url = link_in(confirmation, "unsubscribe")
    assert confirm_url.startswith("http://testserver/newsletter/confirm/")
    assert "works for 7 days" in confirmation.body
    ((html, mimetype),) = confirmation.alternatives
    assert mimetype == "text/html"
    hrefs = [a["href"] for a in soup_of(html).find_all("a")]
    assert hrefs == [confirm_url, unsubscribe_url]


def test_every_e_mail_carries_the_one_click_unsubscribe_headers(post, client):
    SubscriberFactory(email="known@example.com", confirmed=True)
    client.post(SUBSCRIBE_URL, {**signup(), "next": post.url})
    client.post(SUBSCRIBE_URL, {**signup(email="known@example.com"), "next": post.url})
    assert len(mail.outbox) == 2  # a confirmation, and an "already subscribed" notice
    for message in mail.outbox:
        unsubscribe_url = link_in(message, "unsubscribe")
        assert message.extra_headers["List-Unsubscribe"] == f"<{unsubscribe_url}>"
        assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
        assert unsubscribe_url in message.alternatives[0].content
        # The headers survive into the message as sent.
        sent = message.message()
        assert sent["List-Unsubscribe"] == f"<{unsubscribe_url}>"
        assert sent["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


def test_the_links_name_no_address_and_cannot_be_swapped(confirmation):
    subscriber = Subscriber.objects.get()
    confirm_token = path_of(link_in(confirmation, "confirm")).split("/")[3]
    unsubscribe_token = path_of(link_in(confirmation, "unsubscribe")).split("/")[3]
    for token in (confirm_token, unsubscribe_token):
        assert "lynda" not in token.lower()
        assert subscriber.key.hex in token  # the random key, signed
    assert tokens.subscriber_from_confirmation(confirm_token) == subscriber
    assert tokens.subscriber_from_unsubscribe(unsubscribe_token) == subscriber
    # Each kind of link has its own salt.
    assert tokens.subscriber_from_confirmation(unsubscribe_token) is None
    assert tokens.subscriber_from_unsubscribe(confirm_token) is None


def test_a_tampered_token_names_nobody(confirmation):
    token = path_of(link_in(confirmation, "confirm")).split("/")[3]
    other = SubscriberFactory()
    forged = token.replace(Subscriber.objects.get(email="lynda@example.com").key.hex, other.key.hex)
    assert tokens.subscriber_from_confirmation(forged) is None
    assert tokens.subscriber_from_confirmation("not-a-token") is None
    assert tokens.subscriber_from_unsubscribe("") is None


def test_the_confirmation_link_expires(db, settings):
    subscriber = SubscriberFactory()
    assert tokens.subscriber_from_confirmation(signed_days_ago(subscriber, 6)) == subscriber
    with pytest.raises(tokens.LinkExpired):
        tokens.subscriber_from_confirmation(signed_days_ago(subscriber, 8))
    settings.NEWSLETTER_CONFIRMATION_DAYS = 10
    assert tokens.subscriber_from_confirmation(signed_days_ago(subscriber, 8)) == subscriber


def test_the_unsubscribe_link_does_not_expire(db):
    subscriber = SubscriberFactory(confirmed=True)
    old = signing.Signer(salt=tokens.UNSUBSCRIBE_SALT).sign(subscriber.key.hex)
    assert tokens.subscriber_from_unsubscribe(old) == subscriber
