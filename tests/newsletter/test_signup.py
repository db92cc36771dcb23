"""Signing up for the newsletter from the form under every post."""

import pytest
from django.test import Client
from django.urls import reverse

from newsletter.models import Subscriber

from ..conftest import soup_of, text_of
from ..factories import BlogPageFactory

SUBSCRIBE_URL = "/newsletter/subscribe/"


@pytest.fixture
def post(blog_index):
    return BlogPageFactory(parent=blog_index, title="A post with the form")


def signup(**overrides):
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


def test_subscribe_url():
    assert reverse("newsletter_subscribe") == SUBSCRIBE_URL


def test_valid_signup_is_stored_and_returns_to_the_page(post, client):
    response = client.post(SUBSCRIBE_URL, {**signup(), "next": post.url, "page_id": str(post.pk)})
    assert response.status_code == 302
    assert response["Location"] == f"{post.url}#newsletter"
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
    assert response.redirect_chain == [(f"{post.url}#newsletter", 302)]
    soup = soup_of(response)
    assert text_of(soup.find("h1")) == "A post with the form"
    status = soup.find("section", id="newsletter").find(attrs={"role": "status"})
    assert text_of(status) == "Thank you for subscribing to our newsletter."
    # The message is shown once, not on the next visit.
    assert (
        soup_of(client.get(post.url)).find("section", id="newsletter").find(attrs={"role": "status"}) is None
    )


def test_optional_fields_may_be_left_empty(post, client):
    response = client.post(SUBSCRIBE_URL, {**signup(prefix="", organisation=""), "next": post.url})
    assert response.status_code == 302
    assert Subscriber.objects.get().full_name == "Lynda Hardman"


def test_the_form_works_with_csrf_protection(post):
    client = Client(enforce_csrf_checks=True)
    page = soup_of(client.get(post.url))
    form = page.find("section", id="newsletter").find("form")
    data = {i["name"]: i.get("value", "") for i in form.find_all("input") if i.get("type") == "hidden"}
    assert set(data) == {"csrfmiddlewaretoken", "next", "page_id"}
    response = client.post(form["action"], {**data, **signup()})
    assert response.status_code == 302
    assert Subscriber.objects.get().signup_page_id == post.pk
    assert client.post(form["action"], signup(email="other@example.com")).status_code == 403


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
    assert response["Location"] == f"{post.url}#newsletter"


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
    assert "Thank you for subscribing" in text_of(soup.find("section", id="newsletter"))


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
    assert response["Location"] == "/#newsletter"
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
    assert soup.find("script") is None
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
