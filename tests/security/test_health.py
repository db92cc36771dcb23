"""/healthz: 200 when the database and the cache answer, 503 naming what failed; no session."""

from unittest import mock

import pytest
from django.db import OperationalError

pytestmark = pytest.mark.django_db


def test_healthy_answers_200_and_is_never_cached(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"database": "ok", "cache": "ok"}
    assert "no-store" in response["Cache-Control"]


def test_touches_no_session_even_for_a_signed_in_user(client, django_user_model, django_assert_num_queries):
    client.force_login(django_user_model.objects.create_user("editor", password="x"))
    with django_assert_num_queries(1) as queries:  # SELECT 1, and no django_session or auth_user read
        response = client.get("/healthz")
    assert response.status_code == 200
    assert queries.captured_queries[0]["sql"] == "SELECT 1"
    assert "Set-Cookie" not in response.headers
    assert not response.cookies


def test_anonymous_gets_no_cookie(client):
    response = client.get("/healthz")
    assert not response.cookies


def test_database_down_answers_503(client):
    with mock.patch("base.health.connection.cursor", side_effect=OperationalError("refused")):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"database": "failed", "cache": "ok"}


def test_cache_raising_answers_503(client):
    with mock.patch("base.health.cache.set", side_effect=ConnectionError("refused")):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"database": "ok", "cache": "failed"}


def test_cache_dropping_writes_answers_503(client):
    """What django-redis does with a Redis that is down and IGNORE_EXCEPTIONS: reads give nothing."""
    with mock.patch("base.health.cache.get", return_value=None):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["cache"] == "failed"
