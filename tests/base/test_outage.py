"""While the database cannot be reached, readers get a friendly 503 page (base/outage.py)."""

from unittest import mock

import pytest
from django.db import InterfaceError, OperationalError, connection

from newsletter.models import Subscriber
from tests.conftest import soup_of, text_of

SEED_POST = "/blog/ai-research-with-china/"


@pytest.fixture
def database_down(demo):
    """Call with an error: from then on, every query raises it (until the test ends)."""
    patcher = None

    def refuse(error):
        nonlocal patcher
        patcher = mock.patch.object(connection, "cursor", side_effect=error)
        patcher.start()
        return patcher

    yield refuse
    if patcher:
        patcher.stop()


@pytest.mark.parametrize(
    "error", [OperationalError("connection refused"), InterfaceError("connection already closed")]
)
@pytest.mark.parametrize("url", [SEED_POST, "/", "/blog/", "/search/?query=china", "/blog/feed/"])
def test_pages_answer_503_with_a_friendly_page(database_down, client, url, error):
    database_down(error)
    response = client.get(url)
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "no-store" in response["Cache-Control"]
    soup = soup_of(response)
    assert text_of(soup.find("h1")) == "Back in a moment"
    assert "Traceback" not in response.content.decode()


def test_a_signup_during_the_outage_gets_an_error_not_a_thank_you(database_down, client):
    database_down(OperationalError("connection refused"))
    response = client.post(
        "/newsletter/subscribe/",
        {"first_name": "Ada", "surname": "Lovelace", "email": "ada@example.com", "next": SEED_POST},
    )
    assert response.status_code == 503
    assert b"send the form again" in response.content


def test_the_site_answers_again_when_the_database_is_back(database_down, client):
    outage = database_down(OperationalError("connection refused"))
    assert client.get(SEED_POST).status_code == 503
    outage.stop()
    assert client.get(SEED_POST).status_code == 200
    assert not Subscriber.objects.exists()


def test_other_errors_are_not_hidden(database_down, client):
    database_down(ValueError("a bug"))
    with pytest.raises(ValueError, match="a bug"):
        client.get(SEED_POST)
