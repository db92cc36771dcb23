"""Composing an issue in the page editor, who may send it, its previews, its report, and its web
version in the archive."""

import csv
import datetime
import io
import re

import pytest
from django.utils import timezone
from wagtail.coreutils import get_dummy_request
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text
from wagtail_newsletter.models import NewsletterRecipients

from base.permissions import EDITORS, SITE_MANAGERS, grant_newsletter_permissions
from blog.models import BlogPage
from newsletter.campaigns import SiteCampaignBackend
from newsletter.models import Delivery, FeaturedPost, Mailing, NewsletterIndexPage, NewsletterIssuePage

from ..conftest import normalise, soup_of, text_of
from ..factories import BlogPageFactory, UserFactory
from .factories import SubscriberFactory


@pytest.fixture
def archive(home_page):
    archive = home_page.add_child(instance=NewsletterIndexPage(title="Newsletter", slug="newsletters"))
    archive.save_revision().publish()
    grant_newsletter_permissions(archive)
    return archive


@pytest.fixture
def recipients(db):
    return NewsletterRecipients.objects.get(audience="confirmed")


def issue_in(archive, recipients, posts=(), **fields) -> NewsletterIssuePage:
    issue = NewsletterIssuePage(
        title=fields.pop("title", "November issue"),
        slug=fields.pop("slug", "november"),
        intro="<p>News.</p>",
        newsletter_recipients=recipients,
        live=False,  # a draft, as the editor saves it
        **fields,
    )
    issue.featured_posts = [FeaturedPost(post=post) for post in posts]
    archive.add_child(instance=issue)
    issue.save_revision()
    return issue


def published_at(post, moment):
    BlogPage.objects.filter(pk=post.pk).update(first_published_at=moment)


def test_a_new_issue_starts_with_the_posts_since_the_last_mailing(
    archive, blog_index, recipients, admin_client
):
    now = timezone.now()
    old, newer, newest = (
        BlogPageFactory(parent=blog_index, title=title, date=datetime.date(2021, 3, day))
        for title, day in (("Old", 1), ("Newer", 2), ("Newest", 3))
    )
    published_at(old, now - datetime.timedelta(days=40))
    published_at(newer, now - datetime.timedelta(days=5))
    published_at(newest, now - datetime.timedelta(days=1))
    Mailing.objects.create(
        subject="Last",
        html="",
        text="",
        from_name="x",
        status="sent",
        started_at=now - datetime.timedelta(days=10),
    )
    response = admin_client.get(f"/admin/pages/add/newsletter/newsletterissuepage/{archive.pk}/")
    assert response.status_code == 200
    soup = soup_of(response)
    chosen = [
        int(field["value"])
        for field in soup.select("input[name^=featured_posts-][name$=-post]")
        if field.get("value")
    ]
    assert chosen == [newest.pk, newer.pk]
    assert soup.find("input", attrs={"name": "newsletter_recipients"})["value"] == str(recipients.pk)


def test_a_new_issues_posts_run_newest_first_by_post_date(archive, blog_index, admin_client):
    """As the blog lists them: by post date, not by when they were published (an imported
    2020 post may be published after a 2021 one), the later made first on the same date."""
    today = timezone.localdate()
    dates = [datetime.date(2021, 3, 1), datetime.date(2021, 3, 1), datetime.date(2020, 11, 5), today]
    first, second, older, todays = (BlogPageFactory(parent=blog_index, date=date) for date in dates)
    soup = soup_of(admin_client.get(f"/admin/pages/add/newsletter/newsletterissuepage/{archive.pk}/"))
    chosen = [
        int(field["value"])
        for field in soup.select("input[name^=featured_posts-][name$=-post]")
        if field.get("value")
    ]
    assert chosen == [todays.pk, second.pk, first.pk, older.pk]


def edit_form(issue, **extra) -> dict:
    return nested_form_data(
        {
            "title": issue.title,
            "slug": issue.slug,
            "intro": rich_text("<p>News.</p>"),
            "featured_posts": inline_formset([]),
            "newsletter_recipients": issue.newsletter_recipients_id,
            "newsletter_subject": "",
            **extra,
        }
    )


@pytest.mark.parametrize(("group", "may_send"), [(EDITORS, False), (SITE_MANAGERS, True)])
def test_editors_write_issues_and_site_managers_send_them(archive, recipients, client, group, may_send):
    SubscriberFactory(confirmed=True)
    issue = issue_in(archive, recipients)
    client.force_login(UserFactory(groups=[group]))
    edit_url = f"/admin/pages/{issue.pk}/edit/"
    assert client.get(edit_url).status_code == 200
    response = client.post(edit_url, edit_form(issue, **{"newsletter-action": "send_campaign"}), follow=True)
    assert response.status_code == 200
    issue.refresh_from_db()
    sending = Mailing.objects.filter(status=Mailing.Status.SENDING)
    assert sending.exists() is may_send
    messages = [text_of(message) for message in soup_of(response).select(".messages li")]
    if may_send:
        assert Delivery.objects.count() == 1
        assert issue.live  # the web version is in the archive
    else:
        assert any("do not have permission" in message for message in messages), messages


def test_the_newsletter_tab_speaks_the_sites_words_and_counts_who_a_send_reaches(
    archive, recipients, admin_client, django_capture_on_commit_callbacks
):
    for status, people in (("confirmed", 3), ("pending", 1), ("unsubscribed", 1), ("bounced", 1)):
        SubscriberFactory.create_batch(people, status=status)
    issue = issue_in(archive, recipients)
    panel = soup_of(admin_client.get(f"/admin/pages/{issue.pk}/edit/")).find(class_="wn-panel")
    assert "Will go to 3 confirmed subscribers." in text_of(panel)
    buttons = [text_of(button) for button in panel.find(class_="wn-panel--buttons").find_all("button")]
    assert buttons == ["Send a test", "Send to subscribers", "Schedule sending"]
    # Everything the tab says, its dialogs (kept in <template>s until opened) included.
    words = normalise(re.sub(r"<[^>]+>", " ", panel.decode_contents()))
    assert "campaign" not in words.lower(), words
    assert words.count("Will go to 3 confirmed subscribers.") == 3  # the tab, sending, scheduling

    # The count is who a send reaches: one delivery each.
    backend = SiteCampaignBackend()
    campaign_id = backend.save_campaign(
        recipients=recipients, subject="November", html="<p>Hi</p>", from_name="x", reply_to=""
    )
    with django_capture_on_commit_callbacks():
        backend.send_campaign(campaign_id)
    assert Delivery.objects.count() == 3


def test_without_recipients_the_tab_says_to_choose_them(archive, admin_client):
    issue = issue_in(archive, None)
    panel = soup_of(admin_client.get(f"/admin/pages/{issue.pk}/edit/")).find(class_="wn-panel")
    assert "Choose the recipients “Confirmed subscribers” above first." in text_of(panel)


def test_previews_show_the_email_and_its_plain_text(archive, blog_index, recipients):
    post = BlogPageFactory(parent=blog_index, title="A post & more")
    issue = issue_in(archive, recipients, posts=[post])
    request = get_dummy_request()
    html = issue.serve_preview(request, "newsletter").content.decode()
    assert "A post &amp; more" in html and "<mjml" not in html and "<table" in html
    text = issue.serve_preview(request, "newsletter_text")
    assert text["Content-Type"].startswith("text/plain")
    assert "A post & more" in text.content.decode()
    assert "<" not in text.content.decode().replace("<http", "")


def test_the_plain_text_part_reads_as_text(issue):
    """No Markdown: a link is its words and its address, the intro comes once (the HTML's hidden
    preview line repeats it), and a post's address once, after its lead."""
    text = issue.get_newsletter_text()
    lines = text.splitlines()
    assert "Read the post: http://testserver/blog/post-0-friends/" in lines
    assert "Post 0 & <friends>" in lines  # its title links to the same address: words only
    assert text.count("http://testserver/blog/post-0-friends/") == 1
    assert lines.count("News from the network (https://example.org/).") == 1
    assert text.count("News from") == 1
    assert lines[0] == "Amsterdam Data Science: http://testserver/"
    assert "November issue" in lines  # the heading, without Markdown's "#"
    assert not any(mark in text for mark in ("](", "[", "# ", "**", "  \n"))
    assert "Unsubscribe (https://unsubscribe.invalid/)" in text  # each recipient's link goes here


def test_the_archive_lists_sent_issues_and_shows_each(archive, blog_index, recipients, client):
    post = BlogPageFactory(parent=blog_index, title="Featured post")
    sent = issue_in(archive, recipients, posts=[post])
    sent.get_latest_revision().publish()
    issue_in(archive, recipients, title="Draft issue", slug="draft")
    listing = text_of(soup_of(client.get(archive.url)))
    assert "November issue" in listing and "Draft issue" not in listing
    page = soup_of(client.get(sent.url))
    assert text_of(page.find("h1")) == "November issue"
    assert "Featured post" in text_of(page)


def test_the_report_is_for_those_who_see_subscribers(archive, recipients, client):
    mailing = Mailing.objects.create(subject="November", html="", text="", from_name="x", status="sending")
    people = [SubscriberFactory(confirmed=True, first_name="=cmd") for _ in range(3)]
    Delivery.objects.create(mailing=mailing, subscriber=people[0], status="sent")
    Delivery.objects.create(
        mailing=mailing, subscriber=people[1], status="bounced", last_error="550 5.1.1 No such user"
    )
    Delivery.objects.create(mailing=mailing, subscriber=people[2], status="queued")
    url = f"/admin/newsletter/mailings/{mailing.pk}/"
    client.force_login(UserFactory(groups=[EDITORS]))
    refused = client.get(url)
    assert (refused.status_code, refused["Location"]) == (302, "/admin/")  # Wagtail: "no permission"
    assert client.get(f"{url}failures.csv").status_code == 302
    client.force_login(UserFactory(groups=[SITE_MANAGERS]))
    page = soup_of(client.get(url))
    assert people[1].email in text_of(page)
    assert client.get(url, {"format": "json"}).json()["counts"] == {
        "total": 3,
        "queued": 1,
        "sending": 0,
        "sent": 1,
        "skipped": 0,
        "failed": 0,
        "bounced": 1,
    }
    rows = list(csv.reader(io.StringIO(client.get(f"{url}failures.csv").content.decode())))
    assert rows[0] == ["E-mail", "Name", "Status", "Attempts", "Last error"]
    assert rows[1][0] == people[1].email and rows[1][1].startswith("'=cmd")  # never a formula
    assert len(rows) == 2


def test_a_test_goes_to_each_address_given_in_the_dialog(archive, recipients, admin_client, mailoutbox):
    issue = issue_in(archive, recipients)
    edit_url = f"/admin/pages/{issue.pk}/edit/"
    dialog = soup_of(admin_client.get(edit_url)).find(id="wn-test-dialog")
    # The dialog waits in a <template> until opened; BeautifulSoup's get_text() skips template text.
    label = dialog.find(id="id_newsletter-test-email-label")
    assert normalise(label.decode_contents()).startswith("Email addresses<span")
    assert dialog.find("input", attrs={"name": "newsletter-test-email"})
    response = admin_client.post(
        edit_url,
        edit_form(
            issue,
            **{
                "newsletter-action": "send_test_email",
                "newsletter-test-email": "editor@example.org, chief@example.org;editor@example.org",
            },
        ),
        follow=True,
    )
    messages = [text_of(message) for message in soup_of(response).select(".messages li")]
    assert "Test message sent to editor@example.org, chief@example.org" in messages
    assert response.redirect_chain == [(f"{edit_url}#tab-newsletter", 302)]  # back on the tab
    assert sorted(message.to[0] for message in mailoutbox) == ["chief@example.org", "editor@example.org"]
    assert all(message.subject == "[Test] November issue" for message in mailoutbox)
    assert not Delivery.objects.exists()


@pytest.mark.parametrize(
    ("typed", "says"),
    [
        ("editor@example.org, not-an-address", "“not-an-address” is not an e-mail address."),
        (" , ", "Give at least one e-mail address."),
        (",".join(f"p{n}@example.org" for n in range(11)), "At most 10 addresses."),
    ],
)
def test_a_test_to_bad_addresses_goes_nowhere_and_says_why(
    archive, recipients, admin_client, mailoutbox, typed, says
):
    issue = issue_in(archive, recipients)
    response = admin_client.post(
        f"/admin/pages/{issue.pk}/edit/",
        edit_form(issue, **{"newsletter-action": "send_test_email", "newsletter-test-email": typed}),
        follow=True,
    )
    assert response.status_code == 200
    messages = [text_of(message) for message in soup_of(response).select(".messages li")]
    assert any(says in message for message in messages), messages
    assert mailoutbox == []


def test_a_test_with_one_wrong_address_sends_nothing_saves_nothing_and_keeps_what_was_typed(
    archive, recipients, admin_client, mailoutbox
):
    """All or nothing: the good address gets nothing either, and the page is not saved; the
    page comes back with the words typed and the addresses in the dialog, the wrong ones named."""
    issue = issue_in(archive, recipients)
    revisions = issue.revisions.count()
    typed = "a@example.com, not-an-address; also wrong, b@example.com"
    response = admin_client.post(
        f"/admin/pages/{issue.pk}/edit/",
        edit_form(
            issue,
            title="November issue, edited",
            **{"newsletter-action": "send_test_email", "newsletter-test-email": typed},
        ),
    )
    assert response.status_code == 200  # the form again, not a redirect
    soup = soup_of(response)
    messages = [text_of(message) for message in soup.select(".messages li")]
    assert not soup.select(".messages .success"), messages  # no "has been updated"
    wrong = "These are not e-mail addresses: “not-an-address”, “also”, “wrong”."
    assert any(f"Test not sent: {wrong} Nothing was sent." in message for message in messages)
    assert mailoutbox == []
    assert issue.revisions.count() == revisions
    assert not Mailing.objects.exists()
    assert soup.find("input", attrs={"name": "title"})["value"] == "November issue, edited"
    dialog = soup.find(id="wn-test-dialog")
    assert dialog.find("input", attrs={"name": "newsletter-test-email"})["value"] == typed
    assert normalise(dialog.find(class_="error-message").decode_contents()) == wrong
