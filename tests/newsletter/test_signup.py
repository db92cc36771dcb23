"""Signing up for the newsletter from the form under every post."""

import datetime
import logging

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from newsletter import conf
from newsletter.forms import HONEYPOT_FIELD
from newsletter.models import Subscriber

from ..conftest import inline_scripts, soup_of, text_of
from .conftest import SUBSCRIBE_URL, field, signup
from .factories import SubscriberFactory

SIGNUP_MESSAGE = (
    "Thank you. Please check your inbox: we have sent you an e-mail to confirm your subscription."
)


def test_subscribe_url():
    assert reverse("newsletter_subscribe") == SUBSCRIBE_URL


def test_valid_signup_is_stored_and_returns_to_the_page(post, client):
    response = client.post(SUBSCRIBE_URL, {**signup(), "next": post.url, "page_id": str(post.pk)})
    assert response.status_code == 302
    assert response["Location"] == f"{post.url}#newsletter-thanks"
    subscriber = Subscriber.objects.get()
    assert (subscriber.first_name, subscriber.prefix, subscriber.surname, subscriber.organisation) == (
        "Lynda",
        "van der",
        "Hardman",
        "CWI",
    )
    assert subscriber.email == "lynda@example.com"
    assert subscriber.signup_page.specific == post
    assert subscriber.full_name == "Lynda van der Hardman"


def test_success_message_is_shown_on_the_page_once(post, client):
    response = client.post(SUBSCRIBE_URL, {**signup(), "next": post.url}, follow=True)
    assert response.status_code == 200
    assert response.redirect_chain == [(f"{post.url}#newsletter-thanks", 302)]
    soup = soup_of(response)
    assert text_of(soup.find("h1")) == "A post with the form"
    status = soup.find("section", id="newsletter").find(attrs={"role": "status"})
    # Double opt-in: the visitor is told to confirm, not that they are subscribed already.
    assert text_of(status) == SIGNUP_MESSAGE
    # The message is shown once, not on the next visit.
    assert (
        soup_of(client.get(post.url)).find("section", id="newsletter").find(attrs={"role": "status"}) is None
    )


def test_after_a_signup_the_thank_you_replaces_the_form(post, client):
    response = client.post(SUBSCRIBE_URL, {**signup(), "next": post.url}, follow=True)
    section = soup_of(response).find("section", id="newsletter")
    # What the visitor has just sent is not asked for again: the thank-you stands in its place.
    assert section.find("form") is None
    assert section.find("input") is None
    thanks = section.find(id="newsletter-thanks")
    assert text_of(thanks) == SIGNUP_MESSAGE
    # The redirect's fragment names it, so the browser scrolls to it and focuses it, script or not.
    assert response.redirect_chain[-1][0].endswith("#newsletter-thanks")
    assert thanks["tabindex"] == "-1"
    assert thanks["role"] == "status"
    assert text_of(section.find(id="newsletter-heading")) == "Stay in the loop, subscribe to our newsletter"
    # The next visit shows the form again.
    section = soup_of(client.get(post.url)).find("section", id="newsletter")
    assert section.find(id="newsletter-thanks") is None
    assert section.find("form", class_="newsletter__form") is not None


def test_a_mistake_keeps_the_form_and_shows_no_thank_you(post, client):
    response = client.post(SUBSCRIBE_URL, {**signup(email="bad"), "next": post.url})
    section = soup_of(response).find("section", id="newsletter")
    assert section.find(id="newsletter-thanks") is None
    assert section.find("form", class_="newsletter__form") is not None


def test_optional_fields_may_be_left_empty(post, client):
    response = client.post(SUBSCRIBE_URL, {**signup(prefix="", organisation=""), "next": post.url})
    assert response.status_code == 302
    assert Subscriber.objects.get().full_name == "Lynda Hardman"


def test_the_form_needs_no_csrf_token_so_post_pages_can_be_cached(post):
    # See newsletter.views.subscribe: the honeypot, rate limits and double opt-in guard the list.
    client = Client(enforce_csrf_checks=True)
    page = client.get(post.url)
    assert "csrftoken" not in page.cookies
    form = soup_of(page).find("section", id="newsletter").find("form")
    data = {i["name"]: i.get("value", "") for i in form.find_all("input") if i.get("type") == "hidden"}
    assert set(data) == {"next", "page_id"}
    response = client.post(form["action"], {**data, **signup()})
    assert response.status_code == 302
    assert Subscriber.objects.get().signup_page_id == post.pk


def test_invalid_email_is_refused_next_to_the_field(post, client):
    response = client.post(SUBSCRIBE_URL, {**signup(email="not-an-address"), "next": post.url})
    assert response.status_code == 400
    assert not Subscriber.objects.exists()
    soup = soup_of(response)
    control, wrapper, error = field(soup, "email")
    assert control["aria-invalid"] == "true"
    assert error is not None
    assert text_of(error) == "Enter a valid email address."
    assert error["id"] in control["aria-describedby"].split()
    assert "field--error" in wrapper["class"]
    # The visitor's input is kept, the valid fields are not marked.
    assert control["value"] == "not-an-address"
    first_name, _, first_name_error = field(soup, "first_name")
    assert first_name["value"] == "Lynda"
    assert first_name_error is None
    assert not first_name.has_attr("aria-invalid")
    assert text_of(soup.find(class_="form-summary")) == "Please correct the 1 problem below."
    assert len(soup.find_all("h1")) == 1


def test_missing_required_fields_are_each_reported(post, client):
    response = client.post(
        SUBSCRIBE_URL,
        {
            "first_name": "  ",
            "prefix": "van",
            "surname": "",
            "organisation": "UvA",
            "email": "",
            "next": post.url,
        },
    )
    assert response.status_code == 400
    soup = soup_of(response)
    for name in ("first_name", "surname", "email"):
        control, _, error = field(soup, name)
        assert control["aria-invalid"] == "true", name
        assert text_of(error) == "This field is required.", name
    for name, value in (("prefix", "van"), ("organisation", "UvA")):
        control, _, error = field(soup, name)
        assert control["value"] == value
        assert error is None
    assert text_of(soup.find(class_="form-summary")) == "Please correct the 3 problems below."
    assert not Subscriber.objects.exists()


@pytest.mark.parametrize(
    ("name", "limit"),
    [("first_name", 100), ("prefix", 30), ("surname", 150), ("organisation", 200), ("email", 254)],
)
def test_overlong_fields_are_refused(post, client, name, limit):
    value = "x" * (limit + 1) if name != "email" else "a" * (limit - 11) + "@example.com"
    assert len(value) == limit + 1
    response = client.post(SUBSCRIBE_URL, {**signup(**{name: value}), "next": post.url})
    assert response.status_code == 400
    control, _, error = field(soup_of(response), name)
    assert control["aria-invalid"] == "true"
    assert f"at most {limit} characters" in text_of(error)
    assert control["value"] == value
    assert not Subscriber.objects.exists()


def test_the_error_page_keeps_the_way_back(post, client):
    response = client.post(SUBSCRIBE_URL, {**signup(email="bad"), "next": post.url, "page_id": str(post.pk)})
    form = soup_of(response).find("form", class_="newsletter__form")
    assert form.find("input", attrs={"name": "next"})["value"] == post.url
    # Correcting the address on the error page brings the visitor back to the post.
    data = {i["name"]: i.get("value", "") for i in form.find_all("input") if i.get("name")}
    data["email"] = "lynda@example.com"
    response = client.post(form["action"], data)
    assert response.status_code == 302
    assert response["Location"] == f"{post.url}#newsletter-thanks"


def test_the_same_address_twice_is_one_subscriber(post, client):
    first = client.post(SUBSCRIBE_URL, {**signup(email="Lynda@Example.com"), "next": post.url})
    second = client.post(
        SUBSCRIBE_URL,
        {**signup(first_name="L.", email="  LYNDA@example.COM "), "next": post.url},
        follow=True,
    )
    assert first.status_code == 302
    assert second.status_code == 200
    assert Subscriber.objects.count() == 1
    subscriber = Subscriber.objects.get()
    assert subscriber.email == "lynda@example.com"
    assert subscriber.first_name == "L."  # the latest details win
    soup = soup_of(second)
    assert soup.find(class_="field__error") is None
    assert SIGNUP_MESSAGE in text_of(soup.find("section", id="newsletter"))


def test_an_existing_mixed_case_address_is_not_duplicated(post, client):
    Subscriber.objects.create(first_name="Old", surname="Entry", email="Lynda@Example.com")
    response = client.post(SUBSCRIBE_URL, {**signup(email="lynda@example.com"), "next": post.url})
    assert response.status_code == 302
    assert Subscriber.objects.count() == 1
    assert Subscriber.objects.get().first_name == "Lynda"


@pytest.mark.parametrize(
    "next_url",
    [
        "https://evil.example/",
        "//evil.example/path",
        "https:evil.example",
        "javascript:alert(1)",
        "http://testserver.evil.example/",
        "",
    ],
)
def test_an_off_site_next_is_not_followed(site, client, next_url):
    response = client.post(SUBSCRIBE_URL, {**signup(), "next": next_url})
    assert response.status_code == 302
    assert response["Location"] == "/#newsletter-thanks"
    assert Subscriber.objects.count() == 1


def test_an_off_site_next_is_not_kept_on_the_error_page(site, client):
    response = client.post(SUBSCRIBE_URL, {**signup(email="bad"), "next": "https://evil.example/"})
    assert response.status_code == 400
    assert "evil.example" not in response.content.decode()


def test_markup_in_names_is_stored_as_text(post, client):
    name = "<script>alert(1)</script>"
    response = client.post(
        SUBSCRIBE_URL, {**signup(first_name=name, surname="<b>Bold</b>"), "next": post.url}
    )
    assert response.status_code == 302
    subscriber = Subscriber.objects.get()
    assert subscriber.first_name == name
    assert subscriber.surname == "<b>Bold</b>"


def test_markup_in_names_is_shown_escaped(post, client):
    name = '"><script>alert(1)</script>'
    response = client.post(SUBSCRIBE_URL, {**signup(first_name=name, email="bad"), "next": post.url})
    assert response.status_code == 400
    content = response.content.decode()
    assert "<script>alert(1)</script>" not in content
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in content
    soup = soup_of(response)
    assert not inline_scripts(soup)
    assert field(soup, "first_name")[0]["value"] == name


@pytest.mark.parametrize("page_id", ["abc", "999999", "-1", "", "²"])
def test_a_bad_page_id_is_ignored(site, client, page_id):
    response = client.post(SUBSCRIBE_URL, {**signup(), "next": "/", "page_id": page_id})
    assert response.status_code == 302
    assert Subscriber.objects.get().signup_page is None


@pytest.mark.parametrize("name", ["first_name", "surname", "email"])
def test_a_nul_byte_in_a_field_is_refused_not_a_crash(post, client, name):
    response = client.post(SUBSCRIBE_URL, {**signup(**{name: "Ann\x00"}), "next": post.url})
    assert response.status_code == 400
    assert field(soup_of(response), name)[2] is not None
    assert not Subscriber.objects.exists()


def test_get_is_not_allowed(site, client):
    response = client.get(SUBSCRIBE_URL)
    assert response.status_code == 405
    assert response["Allow"] == "POST"


# Double opt-in: what a signup stores and sends


def test_a_signup_waits_for_confirmation_with_the_consent_it_was_given(post, client):
    before = timezone.now()
    response = client.post(SUBSCRIBE_URL, {**signup(), "next": post.url, "page_id": str(post.pk)})
    assert response.status_code == 302
    subscriber = Subscriber.objects.get()
    assert subscriber.status == Subscriber.Status.PENDING
    assert subscriber.consent_text == conf.consent_text()
    assert before <= subscriber.consent_given_at <= timezone.now()
    assert subscriber.confirmed_at is None
    assert subscriber.confirmation_sent_at is not None
    assert [message.to for message in mail.outbox] == [["lynda@example.com"]]
    assert "confirm" in mail.outbox[0].subject.lower()


def test_the_consent_wording_is_shown_next_to_the_form_and_stored(post, client, settings):
    settings.NEWSLETTER_CONSENT_TEXT = "You agree that we keep your details for the newsletter."
    form = soup_of(client.get(post.url)).find("form", class_="newsletter__form")
    consent = form.find(class_="newsletter__consent")
    assert text_of(consent) == "You agree that we keep your details for the newsletter."
    # Next to the button that gives it.
    assert consent.find_next_sibling("button").get_text() == "Subscribe"
    client.post(SUBSCRIBE_URL, {**signup(), "next": post.url})
    assert Subscriber.objects.get().consent_text == "You agree that we keep your details for the newsletter."


@pytest.mark.parametrize("existing", [None, "pending", "confirmed", "unsubscribed"])
def test_the_answer_does_not_tell_whether_the_address_is_known(post, client, existing):
    if existing:
        SubscriberFactory(email="lynda@example.com", **({existing: True} if existing != "pending" else {}))
    response = client.post(SUBSCRIBE_URL, {**signup(), "next": post.url}, follow=True)
    assert response.redirect_chain == [(f"{post.url}#newsletter-thanks", 302)]
    status = soup_of(response).find("section", id="newsletter").find(attrs={"role": "status"})
    assert text_of(status) == SIGNUP_MESSAGE
    assert Subscriber.objects.count() == 1
    # Only the owner of the inbox learns anything, from the e-mail.
    assert [message.to for message in mail.outbox] == [["lynda@example.com"]]


def test_a_confirmed_subscriber_is_not_changed_by_someone_else_signing_them_up(post, client):
    confirmed = SubscriberFactory(email="lynda@example.com", first_name="Lynda", confirmed=True)
    response = client.post(SUBSCRIBE_URL, {**signup(first_name="Mallory"), "next": post.url})
    assert response.status_code == 302
    confirmed.refresh_from_db()
    assert (confirmed.first_name, confirmed.status) == ("Lynda", Subscriber.Status.CONFIRMED)
    (message,) = mail.outbox
    assert message.subject == "You are already subscribed to the Amsterdam Data Science newsletter"
    assert "Dear Lynda," in message.body


def test_signing_up_again_after_unsubscribing_starts_over(post, client):
    old = SubscriberFactory(
        email="lynda@example.com", unsubscribed=True, consent_text="Old wording.", first_name="L."
    )
    client.post(SUBSCRIBE_URL, {**signup(), "next": post.url})
    subscriber = Subscriber.objects.get()
    assert subscriber.pk == old.pk
    assert subscriber.status == Subscriber.Status.PENDING
    assert subscriber.unsubscribed_at is None
    assert subscriber.first_name == "Lynda"
    assert subscriber.consent_text == conf.consent_text()
    assert "confirm" in mail.outbox[0].subject.lower()


def test_a_signup_is_kept_when_the_e_mail_cannot_be_sent(post, client, mail_server_down, caplog):
    with caplog.at_level(logging.ERROR, logger="newsletter.emails"):
        response = client.post(SUBSCRIBE_URL, {**signup(), "next": post.url}, follow=True)
    assert response.status_code == 200
    status = soup_of(response).find("section", id="newsletter").find(attrs={"role": "status"})
    assert text_of(status) == SIGNUP_MESSAGE
    subscriber = Subscriber.objects.get()
    assert subscriber.status == Subscriber.Status.PENDING
    assert subscriber.confirmation_sent_at is None  # for resend_confirmations
    (record,) = caplog.records
    assert record.getMessage() == f"Could not send the confirm e-mail to subscriber {subscriber.pk}"
    assert record.exc_info[0] is ConnectionRefusedError
    assert "lynda" not in record.getMessage().lower()  # the log names no one


# Spam and abuse


def test_the_honeypot_is_hidden_from_people_and_screen_readers(post, client):
    form = soup_of(client.get(post.url)).find("form", class_="newsletter__form")
    trap = form.find("input", attrs={"name": HONEYPOT_FIELD})
    wrapper = trap.find_parent("div")
    assert "visually-hidden" in wrapper["class"]
    assert wrapper["aria-hidden"] == "true"
    assert trap["tabindex"] == "-1"
    assert trap["autocomplete"] == "off"
    assert trap["value"] == ""
    # Not one of the fields a person fills in, and not mentioned by any error summary.
    assert HONEYPOT_FIELD not in [f.name for f in form.find_all(class_="field")]


def test_a_filled_in_honeypot_stores_and_sends_nothing_but_looks_the_same(post, client):
    response = client.post(
        SUBSCRIBE_URL, {**signup(), HONEYPOT_FIELD: "https://spam.example", "next": post.url}, follow=True
    )
    assert response.redirect_chain == [(f"{post.url}#newsletter-thanks", 302)]
    status = soup_of(response).find("section", id="newsletter").find(attrs={"role": "status"})
    assert text_of(status) == SIGNUP_MESSAGE
    assert not Subscriber.objects.exists()
    assert not mail.outbox


def test_a_burst_from_one_client_address_is_answered_with_429(post, client, settings):
    # Hour-long windows: a burst of posts never straddles two of them.
    settings.NEWSLETTER_SIGNUP_RATE = "3/h"
    for n in range(3):
        response = client.post(SUBSCRIBE_URL, {**signup(email=f"p{n}@example.com"), "next": post.url})
        assert response.status_code == 302
    response = client.post(
        SUBSCRIBE_URL, {**signup(first_name="Zoë", email="p3@example.com"), "next": post.url}
    )
    assert response.status_code == 429
    assert 1 <= int(response["Retry-After"]) <= 60 * 60
    soup = soup_of(response)
    alert = soup.find(attrs={"role": "alert"})
    assert "Please wait a minute" in text_of(alert)
    # Nothing is lost: the form comes back with what they typed, nothing marked as wrong.
    assert field(soup, "first_name")[0]["value"] == "Zoë"
    assert field(soup, "email")[0]["value"] == "p3@example.com"
    assert soup.find(class_="field__error") is None
    assert soup.find("input", attrs={"name": "next"})["value"] == post.url
    assert Subscriber.objects.count() == 3
    # Another client address is not held back.
    other = client.post(
        SUBSCRIBE_URL, {**signup(email="p4@example.com"), "next": post.url}, REMOTE_ADDR="192.0.2.7"
    )
    assert other.status_code == 302


def test_behind_a_proxy_the_named_header_gives_the_client_address(post, client, settings):
    settings.NEWSLETTER_SIGNUP_RATE = "1/h"
    settings.RATELIMIT_IP_META_KEY = "HTTP_X_REAL_IP"
    for n, address in enumerate(["192.0.2.1", "192.0.2.2"]):
        response = client.post(
            SUBSCRIBE_URL, {**signup(email=f"p{n}@example.com"), "next": post.url}, HTTP_X_REAL_IP=address
        )
        assert response.status_code == 302
    again = client.post(SUBSCRIBE_URL, {**signup(), "next": post.url}, HTTP_X_REAL_IP="192.0.2.1")
    assert again.status_code == 429


def test_repeated_signups_of_one_address_send_a_few_e_mails_at_most(post, settings):
    settings.NEWSLETTER_SIGNUP_RATE = "100/h"
    settings.NEWSLETTER_MAIL_RATE = "2/d"
    for n in range(5):
        # From different client addresses, as a botnet would.
        response = Client(REMOTE_ADDR=f"192.0.2.{n + 1}").post(SUBSCRIBE_URL, {**signup(), "next": post.url})
        assert response.status_code == 302
    assert Subscriber.objects.count() == 1
    assert len(mail.outbox) == 2


def test_a_signup_posted_from_another_site_subscribes_nobody_until_confirmed(post):
    client = Client(enforce_csrf_checks=True, headers={"origin": "https://elsewhere.example"})
    response = client.post(SUBSCRIBE_URL, {**signup(), "next": post.url})
    assert response.status_code == 302
    assert Subscriber.objects.get().status == Subscriber.Status.PENDING


# Names from everywhere, and what is not a name


@pytest.mark.parametrize(
    ("first_name", "prefix", "surname"),
    [("Zoë", "", "Brontë"), ("Thị", "", "Đặng"), ("小龙", "", "李"), ("Anne-Marie", "van 't", "O'Neill")],
)
def test_names_from_any_language_are_stored_as_typed(post, client, first_name, prefix, surname):
    data = signup(first_name=first_name, prefix=prefix, surname=surname)
    assert client.post(SUBSCRIBE_URL, {**data, "next": post.url}).status_code == 302
    subscriber = Subscriber.objects.get()
    assert (subscriber.first_name, subscriber.prefix, subscriber.surname) == (first_name, prefix, surname)
    assert f"Dear {first_name}," in mail.outbox[0].body


@pytest.mark.parametrize("value", ["Ann\nBcc: x@example.com", "Ann\tBee", "Ann\rBee", "Ann\x1bBee"])
def test_control_characters_in_names_are_refused(post, client, value):
    response = client.post(SUBSCRIBE_URL, {**signup(first_name=value), "next": post.url})
    assert response.status_code == 400
    _, _, error = field(soup_of(response), "first_name")
    assert text_of(error) == "Use letters, spaces and punctuation only."
    assert not Subscriber.objects.exists()


def test_markup_in_names_is_escaped_in_the_html_e_mail(post, client):
    client.post(SUBSCRIBE_URL, {**signup(first_name="<b>Bold</b>"), "next": post.url})
    (message,) = mail.outbox
    html = message.alternatives[0].content
    assert "&lt;b&gt;Bold&lt;/b&gt;" in html
    assert "<b>Bold</b>" not in html
    assert "Dear <b>Bold</b>," in message.body  # plain text shows it as typed


def test_the_error_page_keeps_the_signup_page(post, client):
    response = client.post(SUBSCRIBE_URL, {**signup(email="bad"), "next": post.url, "page_id": str(post.pk)})
    form = soup_of(response).find("form", class_="newsletter__form")
    data = {i["name"]: i.get("value", "") for i in form.find_all("input") if i.get("name")}
    assert data["page_id"] == str(post.pk)
    data["email"] = "lynda@example.com"
    client.post(form["action"], data)
    assert Subscriber.objects.get().signup_page_id == post.pk


def test_the_signup_time_is_the_time_of_the_latest_consent(post, client):
    old = SubscriberFactory(
        email="lynda@example.com", consent_given_at=timezone.now() - datetime.timedelta(days=3)
    )
    client.post(SUBSCRIBE_URL, {**signup(), "next": post.url})
    old.refresh_from_db()
    assert timezone.now() - old.consent_given_at < datetime.timedelta(minutes=1)
