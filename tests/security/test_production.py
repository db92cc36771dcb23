"""The production settings, loaded in a fresh process from a given environment as a server would."""

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[2]


def production_env(**extra) -> dict[str, str]:
    """This environment without any DJANGO_*, AWS_* or search setting, plus ``extra``."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "AWS_", "WAGTAILSEARCH_"))
    }
    env.update(DJANGO_SETTINGS_MODULE="mysite.settings.production", **extra)
    env.setdefault("DJANGO_SECRET_KEY", secrets.token_urlsafe(50))
    return env


def run(args, **env) -> subprocess.CompletedProcess:
    return subprocess.run(  # noqa: S603
        [sys.executable, *args], cwd=PROJECT, env=production_env(**env), capture_output=True, text=True
    )


def settings_in(expression: str, **env):
    """Evaluate ``expression`` (with ``s`` the settings) in a process started with ``env``."""
    code = f"import django, json; django.setup(); from django.conf import settings as s; print(json.dumps({expression}))"
    result = run(["-c", code], **env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.splitlines()[-1])


def test_check_deploy_passes_at_warning_level(tmp_path):
    result = run(
        ["manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        DJANGO_ALLOWED_HOSTS="example.org",
        SITE_URL="https://example.org",
        DATABASE_URL=f"sqlite:///{tmp_path}/db.sqlite3",  # not migrated yet: migrate will set the Site
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_check_deploy_warns_without_the_public_address(tmp_path):
    result = run(
        ["manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        DJANGO_ALLOWED_HOSTS="example.org",
        DATABASE_URL=f"sqlite:///{tmp_path}/db.sqlite3",
    )
    assert result.returncode != 0
    assert "base.W001" in result.stderr + result.stdout


def test_refuses_to_start_without_a_secret_key():
    result = run(["manage.py", "check"], DJANGO_SECRET_KEY="")
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is not set" in result.stderr


def test_https_only_with_secure_cookies():
    values = settings_in(
        "[s.DEBUG, s.SECURE_SSL_REDIRECT, s.SESSION_COOKIE_SECURE, s.SESSION_COOKIE_HTTPONLY, "
        "s.CSRF_COOKIE_SECURE, s.SECURE_HSTS_SECONDS, s.SECURE_PROXY_SSL_HEADER]"
    )
    assert values == [False, True, True, True, True, 31536000, ["HTTP_X_FORWARDED_PROTO", "https"]]


def test_hosts_and_trusted_origins_come_from_the_environment():
    values = settings_in(
        "[s.ALLOWED_HOSTS, s.CSRF_TRUSTED_ORIGINS]",
        DJANGO_ALLOWED_HOSTS="example.org, www.example.org",
        DJANGO_CSRF_TRUSTED_ORIGINS="https://example.org,https://www.example.org",
    )
    assert values == [["example.org", "www.example.org"], ["https://example.org", "https://www.example.org"]]


def test_media_on_disk_by_default_and_in_s3_when_a_bucket_is_named():
    assert settings_in("s.STORAGES['default']['BACKEND']").endswith("FileSystemStorage")
    code = (
        "import django; django.setup(); from django.core.files.storage import default_storage as d; "
        "url = d.url('images/a.jpg'); print(type(d._wrapped).__name__, url)"
    )
    result = run(
        ["-c", code],
        AWS_STORAGE_BUCKET_NAME="media-bucket",
        AWS_S3_CUSTOM_DOMAIN="media.example.org",
        AWS_ACCESS_KEY_ID="test",
        AWS_SECRET_ACCESS_KEY="test",
    )
    assert result.stdout.splitlines()[-1].split() == ["S3Storage", "https://media.example.org/images/a.jpg"]


def test_uploads_served_by_django_only_when_asked():
    serves_media = (
        "any(getattr(p, 'callback', None) is __import__('django.views.static').views.static.serve "
        "for p in __import__('mysite.urls').urls.urlpatterns)"
    )
    assert settings_in(serves_media) is False
    assert settings_in(serves_media, DJANGO_SERVE_MEDIA="true") is True


def test_database_search_by_default_and_opensearch_when_named():
    assert (
        settings_in("s.WAGTAILSEARCH_BACKENDS['default']['BACKEND']") != "wagtail.search.backends.opensearch3"
    )
    backend = settings_in(
        "s.WAGTAILSEARCH_BACKENDS['default']",
        WAGTAILSEARCH_URL="https://search.example.org:9200",
        WAGTAILSEARCH_BACKEND="elasticsearch9",
    )
    assert backend["BACKEND"] == "wagtail.search.backends.elasticsearch9"
    assert backend["URLS"] == ["https://search.example.org:9200"]


def test_logs_go_to_standard_output():
    result = run(
        [
            "-c",
            "import django, logging; django.setup(); logging.getLogger('mysite').warning('hello from the log')",
        ]
    )
    assert "hello from the log" in result.stdout
    assert "hello from the log" not in result.stderr
