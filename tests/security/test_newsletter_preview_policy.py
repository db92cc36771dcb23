"""The admin's preview of an issue's e-mail has a Content-Security-Policy of its own, which lets the
mail's inline styles apply; readers' pages, an issue's web version and its preview keep the
public policy, unchanged."""

import pytest
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text
from wagtail_newsletter.models import NewsletterRecipients

from newsletter.models import FeaturedPost, NewsletterIndexPage, NewsletterIssuePage

from ..factories import BlogPageFactory
from .test_headers import directives

pytestmark = pytest.mark.django_db

# The public policy as it stands (mysite/settings/base.py), written out: a change to it is a
# decision, never a side effect of the newsletter's preview.
PUBLIC_POLICY = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:", "https:"],
    "frame-src": ["'self'", "https:"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'self'"],
}
# The mail's own styles; no script, no web font, nothing else.
MAIL_PREVIEW_POLICY = {
    "default-src": ["'none'"],
    "style-src": ["'unsafe-inline'"],
    "img-src": ["'self'", "data:", "https:"],
    "base-uri": ["'none'"],
    "form-action": ["'none'"],
    "frame-ancestors": ["'self'"],
}


@pytest.fixture
def issue(home_page, blog_index):
    archive = home_page.add_child(instance=NewsletterIndexPage(title="Newsletter", slug="newsletters"))
    archive.save_revision().publish()
    issue = NewsletterIssuePage(
        title="November issue",
        slug="november",
        intro='<p>News from <a href="https://example.org/">the network</a>.</p>',
        newsletter_recipients=NewsletterRecipients.objects.get(audience="confirmed"),
    )
    issue.featured_posts = [FeaturedPost(post=BlogPageFactory(parent=blog_index, title="Featured"))]
    archive.add_child(instance=issue)
    issue.save_revision().publish()
    return issue


@pytest.fixture
def preview(admin_client, issue):
    """The preview of ``issue`` in a mode, as the editor's preview panel and its "Preview in new
    tab" ask for it: the form is posted first, then the preview is shown."""
    url = f"/admin/pages/{issue.pk}/edit/preview/"
    form = nested_form_data(
        {
            "title": issue.title,
            "slug": issue.slug,
            "intro": rich_text(issue.intro),
            "featured_posts": inline_formset([{"post": issue.featured_posts.get().post_id}]),
            "newsletter_recipients": issue.newsletter_recipients_id,
            "newsletter_subject": "",
        }
    )
    assert admin_client.post(url, form).json() == {"is_valid": True, "is_available": True}

    def show(mode: str):
        response = admin_client.get(url, {"mode": mode})
        assert response.status_code == 200
        return response

    return show


def test_public_pages_and_an_issues_web_version_keep_the_public_policy(client, issue, blog_index):
    for path in ["/", blog_index.url, issue.get_parent().url, issue.url, "/search/?query=news"]:
        response = client.get(path)
        assert response.status_code == 200, path
        assert directives(response) == PUBLIC_POLICY, path


def test_the_mail_preview_has_its_own_policy_and_the_web_version_preview_the_public_one(
    client, issue, preview
):
    mail = preview("newsletter")
    assert b"November issue" in mail.content and b"<table" in mail.content
    assert directives(mail) == MAIL_PREVIEW_POLICY
    # Framed by the admin's preview panel, and by nothing else.
    assert mail["X-Frame-Options"] == "SAMEORIGIN"

    web_version = preview("")
    assert b"November issue" in web_version.content
    assert directives(web_version) == PUBLIC_POLICY
    assert directives(preview("newsletter_text")) == PUBLIC_POLICY
    # Showing the mail's preview changed nothing for readers.
    assert directives(client.get(issue.url)) == PUBLIC_POLICY
