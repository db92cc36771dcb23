"""Fixtures and helpers for the newsletter tests: a post with the form, signup data, sent links."""

import re
import time

import pytest
from django.core import signing

from newsletter import tokens

from ..factories import BlogPageFactory

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
