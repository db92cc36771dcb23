"""Security headers on public pages and the admin; https redirect and secure cookies."""

import pytest
from django.test import override_settings

from ..conftest import soup_of
from ..factories import BlogPageFactory

pytestmark = pytest.mark.django_db


def directives(response) -> dict[str, list[str]]:
    policy = response["Content-Security-Policy"]
    return {name: values for name, *values in (part.split() for part in policy.split(";") if part.strip())}


@pytest.fixture
def public_paths(blog_index):
    post = BlogPageFactory(parent=blog_index, title="Headers everywhere")
    return ["/", blog_index.url, post.url, "/search/?q=headers", "/newsletter/", "/no-such-page/"]


def test_every_public_page_sends_the_security_headers(client, public_paths):
    for path in public_paths:
        response = client.get(path)
        assert response.status_code in (200, 404), path
        assert response["X-Content-Type-Options"] == "nosniff", path
        assert response["Referrer-Policy"] in ("same-origin", "strict-origin-when-cross-origin"), path
        assert response["Cross-Origin-Opener-Policy"] == "same-origin", path
        assert response["X-Frame-Options"] == "DENY", path
        assert "camera=()" in response["Permissions-Policy"], path
        assert "geolocation=()" in response["Permissions-Policy"], path
        policy = directives(response)
        assert policy["script-src"] == ["'self'"], path
        assert policy["frame-ancestors"] == ["'self'"], path
        assert policy["object-src"] == ["'none'"], path


def test_public_policy_allows_no_inline_or_eval_script_and_no_nonce(client, blog_index):
    policy = client.get(blog_index.url)["Content-Security-Policy"]
    assert "unsafe-inline" not in policy.split("style-src")[0]
    assert "'unsafe-eval'" not in policy
    # Pages are cached for anonymous readers: a nonce would be shared by everyone.
    assert "nonce-" not in policy


def test_public_pages_have_no_inline_script_the_policy_would_block(client, demo):
    """Only JSON-LD (a data block, never executed) and Wagtail's own external scripts."""
    for path in ["/", demo.url]:
        for script in soup_of(client.get(path)).find_all("script"):
            assert script.get("src") or script.get("type") == "application/ld+json", (path, script)


def test_embeds_are_allowed_as_frames(client, blog_index):
    post = BlogPageFactory(
        parent=blog_index,
        body=[("embed", {"embed": "https://www.youtube.com/watch?v=test", "caption": ""})],
    )
    response = client.get(post.url)
    assert b"https://www.youtube-nocookie.com/embed/test" in response.content
    assert "https:" in directives(response)["frame-src"]


def test_admin_gets_its_own_looser_policy(admin_client):
    response = admin_client.get("/admin/")
    assert response.status_code == 200
    policy = directives(response)
    assert "'unsafe-inline'" in policy["script-src"]
    assert "'unsafe-eval'" not in policy["script-src"]
    assert policy["frame-ancestors"] == ["'self'"]


def test_admin_preview_may_be_framed_by_the_admin(admin_client, blog_index):
    post = BlogPageFactory(parent=blog_index, title="Preview me")
    response = admin_client.get(f"/admin/pages/{post.pk}/edit/preview/")
    assert response.status_code == 200
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    assert directives(response)["frame-ancestors"] == ["'self'"]


@override_settings(
    SECURE_SSL_REDIRECT=True, SECURE_REDIRECT_EXEMPT=[r"^healthz$"], SECURE_HSTS_SECONDS=31536000
)
def test_http_redirects_to_https_and_https_sends_hsts(client, blog_index):
    response = client.get(blog_index.url)
    assert response.status_code == 301
    assert response["Location"] == f"https://testserver{blog_index.url}"
    secure = client.get(blog_index.url, secure=True)
    assert secure.status_code == 200
    assert secure["Strict-Transport-Security"].startswith("max-age=31536000")
    # Load balancers may check health over http.
    assert client.get("/healthz").status_code == 200


@override_settings(SESSION_COOKIE_SECURE=True, CSRF_COOKIE_SECURE=True)
def test_session_and_csrf_cookies_are_secure_and_the_session_httponly(client, django_user_model):
    django_user_model.objects.create_superuser("admin", "admin@example.org", "correct horse")
    login_page = client.get("/admin/login/", secure=True)
    assert login_page.cookies["csrftoken"]["secure"]
    response = client.post("/admin/login/", {"username": "admin", "password": "correct horse"}, secure=True)
    assert response.status_code == 302
    session = response.cookies["sessionid"]
    assert session["secure"]
    assert session["httponly"]
