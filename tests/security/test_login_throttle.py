"""Admin sign-in throttled by django-axes: 5 wrong passwords lock that username from that address."""

import pytest
from axes.models import AccessAttempt
from django.test import override_settings

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("editor")]

PASSWORD = "correct horse battery"
LOCKED_OUT = "Too many sign-in attempts"


@pytest.fixture(autouse=True)
def _axes_on():
    with override_settings(AXES_ENABLED=True):
        yield


@pytest.fixture
def editor(django_user_model):
    django_user_model.objects.create_superuser("editor", "editor@example.org", PASSWORD)
    django_user_model.objects.create_superuser("other", "other@example.org", PASSWORD)


def sign_in(client, username, password, address="192.0.2.1"):
    return client.post("/admin/login/", {"username": username, "password": password}, REMOTE_ADDR=address)


def test_a_right_password_signs_in(client):
    response = sign_in(client, "editor", PASSWORD)
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200


def test_a_few_wrong_passwords_only_show_the_form_error(client):
    for _ in range(4):
        response = sign_in(client, "editor", "guess")
        assert response.status_code == 200
        assert LOCKED_OUT not in response.content.decode()
    assert sign_in(client, "editor", PASSWORD).status_code == 302


def test_after_five_wrong_passwords_the_right_one_is_refused_with_a_message(client):
    for _ in range(5):
        sign_in(client, "editor", "guess")
    response = sign_in(client, "editor", PASSWORD)
    assert response.status_code == 429
    page = response.content.decode()
    assert LOCKED_OUT in page
    assert "paused for an hour" in page
    assert "sessionid" not in response.cookies
    assert client.get("/admin/").status_code == 302  # still not signed in
    assert AccessAttempt.objects.filter(username="editor", ip_address="192.0.2.1").exists()


def test_another_user_and_another_address_are_unaffected(client):
    for _ in range(5):
        sign_in(client, "editor", "guess")
    assert sign_in(client, "editor", PASSWORD).status_code == 429
    assert sign_in(client, "other", PASSWORD).status_code == 302
    client.logout()
    assert sign_in(client, "editor", PASSWORD, address="198.51.100.7").status_code == 302
