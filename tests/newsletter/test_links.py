"""Following the links in the e-mails: opening one changes nothing, pressing its button does."""

import pytest
from django.core import mail
from django.test import Client

from newsletter import tokens
from newsletter.models import Subscriber

from ..conftest import soup_of, text_of
from .conftest import SUBSCRIBE_URL, link_in, path_of, signed_days_ago, signup
from .factories import SubscriberFactory


@pytest.fixture
def links(post, client):
    """The confirm and unsubscribe paths from the e-mail a fresh signup receives."""
    client.post(SUBSCRIBE_URL, {**signup(first_name="<b>Lynda</b>"), "next": post.url})
    (message,) = mail.outbox
    return path_of(link_in(message, "confirm")), path_of(link_in(message, "unsubscribe"))


def subscriber():
    return Subscriber.objects.get()


@pytest.mark.parametrize("method", ["get", "head"])
def test_opening_the_confirmation_link_changes_nothing(links, method):
    confirm_path, _ = links
    # A mail scanner: no cookies, no session.
    response = getattr(Client(), method)(confirm_path)
    assert response.status_code == 200
    assert subscriber().status == Subscriber.Status.PENDING
    assert "no-cache" in response["Cache-Control"]


def test_the_confirmation_page_asks_for_a_button_press(links, client):
    soup = soup_of(client.get(links[0]))
    assert text_of(soup.find("h1")) == "Confirm your subscription"
    assert "lynda@example.com" in text_of(soup.find("main"))
    form = soup.find("main").find("form")
    assert form["method"] == "post"
    assert form.find("button").get_text() == "Confirm my subscription"
    assert soup.find("meta", attrs={"name": "robots"})["content"] == "noindex"


def test_pressing_the_button_confirms(links):
    confirm_path, _ = links
    client = Client(enforce_csrf_checks=True)
    page = soup_of(client.get(confirm_path))
    token = page.find("input", attrs={"name": "csrfmiddlewaretoken"})["value"]
    response = client.post(confirm_path, {"csrfmiddlewaretoken": token}, follow=True)
    assert response.redirect_chain == [(confirm_path, 302)]
    soup = soup_of(response)
    assert text_of(soup.find("h1")) == "You are subscribed"
    # The name is shown as text, never as markup.
    assert "Thank you, <b>Lynda</b>:" in text_of(soup.find(attrs={"role": "status"}))
    assert soup.find("main").find("b") is None
    confirmed = subscriber()
    assert confirmed.status == Subscriber.Status.CONFIRMED
    assert confirmed.confirmed_at is not None
    # Pressing it again changes nothing.
    first_time = confirmed.confirmed_at
    client.post(confirm_path, {"csrfmiddlewaretoken": token})
    assert subscriber().confirmed_at == first_time


def test_confirming_needs_the_csrf_token(links):
    response = Client(enforce_csrf_checks=True).post(links[0])
    assert response.status_code == 403
    assert subscriber().status == Subscriber.Status.PENDING


def test_an_expired_confirmation_link_says_so(db, client):
    pending = SubscriberFactory()
    response = client.post(f"/newsletter/confirm/{signed_days_ago(pending, 8)}/")
    assert response.status_code == 410
    soup = soup_of(response)
    assert text_of(soup.find("h1")) == "This link has expired"
    assert "works for 7 days" in text_of(soup.find("main"))
    pending.refresh_from_db()
    assert pending.status == Subscriber.Status.PENDING


@pytest.mark.parametrize("kind", ["confirm", "unsubscribe"])
@pytest.mark.parametrize("method", ["get", "post"])
def test_a_broken_or_forged_link_is_not_found(db, client, kind, method):
    subscriber = SubscriberFactory()
    forged = f"{subscriber.key.hex}:1vabcd:forgedsignature"
    for path in (f"/newsletter/{kind}/{forged}/", f"/newsletter/{kind}/nonsense/"):
        response = getattr(client, method)(path)
        assert response.status_code == 404
        assert text_of(soup_of(response).find("h1")) == "This link does not work"
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.PENDING


def test_the_links_of_an_erased_person_are_not_found(links, client):
    subscriber().delete()
    for path in links:
        assert client.get(path).status_code == 404
        assert client.post(path).status_code == 404


def test_opening_the_unsubscribe_link_changes_nothing(db):
    confirmed = SubscriberFactory(confirmed=True)
    path = f"/newsletter/unsubscribe/{tokens.unsubscribe_token(confirmed)}/"
    for method in ("get", "head"):
        assert getattr(Client(), method)(path).status_code == 200
    confirmed.refresh_from_db()
    assert confirmed.status == Subscriber.Status.CONFIRMED
    soup = soup_of(Client().get(path))
    assert text_of(soup.find("h1")) == "Unsubscribe from the newsletter"
    assert soup.find("main").find("form")["method"] == "post"


def test_the_unsubscribe_button_unsubscribes_and_keeps_the_record(db):
    confirmed = SubscriberFactory(confirmed=True)
    path = f"/newsletter/unsubscribe/{tokens.unsubscribe_token(confirmed)}/"
    # The page's form has no CSRF token to send: the signed link is the proof.
    response = Client(enforce_csrf_checks=True).post(path)
    assert response.status_code == 200
    assert text_of(soup_of(response).find("h1")) == "You are unsubscribed"
    confirmed.refresh_from_db()
    assert confirmed.status == Subscriber.Status.UNSUBSCRIBED
    assert confirmed.unsubscribed_at is not None
    assert confirmed.confirmed_at is not None  # the history is kept
    # Opening the link later shows the state; unsubscribing twice is harmless.
    assert text_of(soup_of(Client().get(path)).find("h1")) == "You are unsubscribed"
    assert Client().post(path).status_code == 200


def test_one_click_unsubscribe_works_without_login_cookies_or_csrf(db):
    """RFC 8058: the mail provider POSTs List-Unsubscribe=One-Click to the header's URL."""
    confirmed = SubscriberFactory(confirmed=True)
    path = f"/newsletter/unsubscribe/{tokens.unsubscribe_token(confirmed)}/"
    response = Client(enforce_csrf_checks=True).post(
        path, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 200  # not a redirect: RFC 8058 rules redirects out
    confirmed.refresh_from_db()
    assert confirmed.status == Subscriber.Status.UNSUBSCRIBED


def test_a_pending_signup_can_be_refused_from_the_confirmation_e_mail(links):
    confirm_path, unsubscribe_path = links
    Client().post(unsubscribe_path)
    assert subscriber().status == Subscriber.Status.UNSUBSCRIBED
    # The confirmation link then no longer confirms.
    response = Client().post(confirm_path, follow=True)
    assert text_of(soup_of(response).find("h1")) == "This link no longer works"
    assert subscriber().status == Subscriber.Status.UNSUBSCRIBED


def test_other_methods_are_not_allowed(links, client):
    for path in links:
        assert client.put(path).status_code == 405
