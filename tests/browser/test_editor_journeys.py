"""Editors and site managers at work in the admin, in Chromium, by labels and roles.

Each step is saved as a screenshot (test-artifacts/screenshots/journeyN-…), to be looked at with
the eyes of someone who has never used Wagtail.
"""

import datetime
import io
import re

import pytest
from django.conf import settings
from django.core.management import call_command
from django.utils import timezone
from PIL import Image, ImageDraw
from playwright.sync_api import Page, expect

from base.permissions import EDITORS, SITE_MANAGERS
from blog.models import BlogIndexPage, BlogPage
from tests.factories import UserFactory

from .editing import (
    PASSWORD,
    PERMISSION_DENIED,
    add_post_under_the_blog,
    choose_author,
    insert_block,
    log_in,
    open_menu,
    open_the_reader_view,
    write_paragraph,
)

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("desktop")]


@pytest.mark.slow
def test_journey_1_an_editor_writes_and_publishes_a_post(demo_site, page: Page, shot):
    UserFactory(username="erin", first_name="Erin", password=PASSWORD, groups=[EDITORS])
    title = "Open data for the Zeeburg neighbourhood"
    log_in(page, demo_site.url, "erin", shot, "journey1-01-login")
    shot("journey1-02-dashboard")

    add_post_under_the_blog(page, title)
    shot("journey1-03-new-post")
    choose_author(page, "Lynda Hardman")
    page.get_by_role("checkbox", name="Research").check()
    page.get_by_role("textbox", name="Lead*").fill("How residents of Zeeburg reuse the city's open data.")

    heading = insert_block(page, "Heading", on_chooser=lambda: shot("journey1-04-block-chooser"))
    heading.get_by_role("textbox", name="Text*").fill("Why open data matters")
    shot("journey1-05-heading-block")

    write_paragraph(page, "The city publishes its data [1] and residents reuse it every day [2].")

    image = insert_block(page, "Image")
    image.get_by_role("button", name="Choose an image").click()
    chooser = page.get_by_role("dialog")
    expect(chooser.get_by_role("heading", name="Choose an image")).to_be_visible()
    shot("journey1-06-image-chooser")
    chooser.get_by_role("link", name=re.compile(r"^Illustration: Programming Training for Refugees")).click()
    expect(chooser).to_be_hidden()
    image.get_by_role("textbox", name=re.compile(r"^Alt text")).fill("Residents around a table with laptops")

    references = insert_block(page, "References")
    first_entry = references.get_by_role("region", name="Entry")
    first_entry.get_by_role("textbox", name="Authors", exact=True).fill("Open Knowledge Foundation")
    first_entry.get_by_role("textbox", name="Title").fill("Open Data Handbook")
    # Folded away, an entry's heading shows its title (not the first field filled in, here the
    # authors), so a long list stays readable.
    first_entry.get_by_role("button", name="Toggle section").first.click()
    expect(first_entry.get_by_role("textbox", name="Title")).to_be_hidden()
    entry_heading = first_entry.get_by_role("heading").first
    expect(entry_heading).to_contain_text("Open Data Handbook")
    expect(entry_heading).not_to_contain_text("Open Knowledge Foundation")
    shot("journey1-07-reference-folded")
    references.get_by_role("button", name="Add").last.click()
    second_entry = references.get_by_role("region", name="Entry").nth(1)
    second_entry.get_by_role("textbox", name="URL").fill("https://data.amsterdam.nl/")
    shot("journey1-07-references")

    page.get_by_role("button", name="Toggle preview").click()
    # Wagtail swaps in a fresh iframe each time the preview reloads; the current one has this id.
    preview = page.frame_locator("#w-preview-iframe")
    expect(preview.get_by_role("heading", level=1)).to_have_text(title)
    expect(preview.get_by_role("link", name="[2]")).to_be_visible()
    shot("journey1-08-preview")
    page.get_by_role("button", name="Toggle preview").click()

    # Publish is the main button (base/wagtail_hooks.py), not hidden beside "Save draft".
    page.get_by_role("button", name="Publish", exact=True).click()
    # Wagtail's autosave may have created the draft already: then Publish publishes it.
    expect(page.get_by_role("status")).to_contain_text(
        re.compile(rf"Page '{re.escape(title)}' (created and published|has been published)\.")
    )
    shot("journey1-09-published")

    open_the_reader_view(page)
    page.goto(demo_site.url)
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Blog").click()
    expect(page.get_by_role("link", name=title)).to_be_visible()
    shot("journey1-10-blog-index")
    page.get_by_role("link", name=title).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(title)
    expect(page.get_by_role("heading", name="Why open data matters", level=2)).to_be_visible()
    expect(page.get_by_role("img", name="Residents around a table with laptops")).to_be_visible()
    expect(page.get_by_role("link", name="[1]")).to_have_attribute("href", "#ref-1")
    expect(page.get_by_role("link", name="[2]")).to_have_attribute("href", "#ref-2")
    cited = page.get_by_role("region", name="References").get_by_role("listitem")
    expect(cited).to_have_count(2)
    expect(cited.nth(0)).to_contain_text("Open Data Handbook")
    expect(cited.nth(1)).to_contain_text("https://data.amsterdam.nl/")
    expect(page.get_by_role("article", name=title).get_by_role("list", name="Authors")).to_contain_text(
        "Lynda Hardman"
    )
    shot("journey1-11-post")

    page.get_by_role("combobox", name="Search posts").fill("Zeeburg")
    page.get_by_role("combobox", name="Search posts").press("Enter")
    expect(page).to_have_url(re.compile(r"/search/\?query=Zeeburg"))
    expect(page.get_by_role("link", name=title)).to_be_visible()
    shot("journey1-12-search")


def logo_file(tmp_path, name: str):
    """A small PNG logo, as a site manager would have on their computer."""
    path = tmp_path / "logo.png"
    logo = Image.new("RGB", (480, 120), "white")
    ImageDraw.Draw(logo).text((24, 40), name, fill="#0b5394", font_size=36)
    logo.save(path)
    return path


@pytest.mark.slow
def test_journey_2_a_site_manager_changes_the_footer_and_adds_a_partner(
    demo_site, page: Page, shot, tmp_path
):
    UserFactory(username="sam", first_name="Sam", password=PASSWORD, groups=[SITE_MANAGERS])
    copyright_line = "© 2025 Amsterdam Data Science – changed by the site manager"
    partner = "Zeeburg Open Data Lab"
    log_in(page, demo_site.url, "sam", shot, "journey2-01-login")

    open_menu(page, "Settings", "Footer and social links")
    copyright_field = page.get_by_role("textbox", name="Copyright line")
    expect(copyright_field).to_be_visible()
    shot("journey2-02-footer-settings")
    copyright_field.fill(copyright_line)
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("status")).to_contain_text("Footer and social links updated.")
    shot("journey2-03-footer-saved")

    open_menu(page, "Site content", "Partners")
    expect(page.get_by_role("heading", name="Partners")).to_be_visible()
    shot("journey2-04-partners")
    page.get_by_role("link", name=re.compile(r"^Add partner", re.IGNORECASE)).click()
    page.get_by_role("textbox", name="Name*").fill(partner)
    page.get_by_role("region", name="Logo*").get_by_role("button", name="Choose an image").click()
    chooser = page.get_by_role("dialog")
    chooser.get_by_role("tab", name="Upload").click()
    chooser.get_by_role("textbox", name="Title*").fill(f"Logo of {partner}")
    chooser.get_by_label("File*").set_input_files(logo_file(tmp_path, partner))
    shot("journey2-05-upload-logo")
    chooser.get_by_role("button", name="Upload").click()
    expect(chooser).to_be_hidden()
    expect(page.get_by_role("region", name="Logo*")).to_contain_text(f"Logo of {partner}")
    page.get_by_role("textbox", name="Website").fill("https://zeeburg-open-data.example/")
    shot("journey2-06-new-partner")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("status")).to_contain_text(partner)
    shot("journey2-07-partner-saved")

    open_the_reader_view(page)
    for path, name in (("/", "home"), ("/blog/", "blog")):
        page.goto(demo_site.url + path)
        footer = page.get_by_role("contentinfo")
        expect(footer).to_contain_text(copyright_line)
        logo = footer.get_by_role("link", name=partner)
        expect(logo).to_have_attribute("href", "https://zeeburg-open-data.example/")
        expect(logo.get_by_role("img", name=partner)).to_be_visible()
        footer.scroll_into_view_if_needed()
        shot(f"journey2-08-public-{name}")


def test_journey_3_an_editor_cannot_open_the_partners(demo_site, page: Page, shot):
    UserFactory(username="erin", first_name="Erin", password=PASSWORD, groups=[EDITORS])
    log_in(page, demo_site.url, "erin", shot, "journey3-01-login")

    menu = page.get_by_role("navigation", name="Main menu")
    menu.get_by_role("button", name="Site content").click()
    expect(menu.get_by_role("link", name="Authors")).to_be_visible()
    expect(menu.get_by_role("link", name="Partners")).to_have_count(0)
    expect(menu.get_by_role("button", name="Settings")).to_have_count(0)
    shot("journey3-02-site-content-menu")

    # The address of the partners, typed in (or followed from an old bookmark).
    page.goto(f"{demo_site.url}/admin/snippets/base/partner/")
    expect(page).to_have_url(re.compile(r"/admin/$"))
    expect(page.get_by_role("status")).to_contain_text(PERMISSION_DENIED)
    expect(page.get_by_text("CWI")).to_have_count(0)
    shot("journey3-03-refused")


def run_the_scheduler_at(when: datetime.datetime, monkeypatch):
    """What cron does: ``manage.py publish_scheduled``, here as if run at ``when``."""
    with monkeypatch.context() as patch:
        patch.setattr(timezone, "now", lambda: when)
        call_command("publish_scheduled", stdout=io.StringIO())


@pytest.mark.slow
def test_journey_4_an_editor_schedules_a_draft(demo_site, page: Page, shot, monkeypatch):
    UserFactory(username="erin", first_name="Erin", password=PASSWORD, groups=[EDITORS])
    title = "Zeeburg data festival announced"
    log_in(page, demo_site.url, "erin", shot, "journey4-01-login")

    add_post_under_the_blog(page, title)
    choose_author(page, "Gabriel Lopez")
    page.get_by_role("textbox", name="Lead*").fill("A day of open data in Zeeburg, next month.")
    write_paragraph(page, "Programme and registration follow.")
    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Save draft").click()
    expect(page.get_by_role("status")).to_contain_text(
        re.compile(rf"Page '{re.escape(title)}' (created|has been updated)\.")
    )
    shot("journey4-02-draft-saved")

    next_week = timezone.localdate() + datetime.timedelta(days=7)
    go_live = timezone.make_aware(datetime.datetime.combine(next_week, datetime.time(9, 0)))
    page.get_by_role("button", name="Toggle status").click()
    page.get_by_role("complementary", name="Status").get_by_role("button", name="Set schedule").click()
    dialog = page.get_by_role("dialog", name="Set publishing schedule")
    dialog.get_by_role("textbox", name="Go live date/time").fill(
        go_live.strftime(settings.WAGTAIL_DATETIME_FORMAT)
    )
    # The date picker opened over the dialog's button; picking the time closes it, as a person would.
    page.get_by_text("09:00", exact=True).filter(visible=True).click()
    shot("journey4-03-schedule")
    dialog.get_by_role("button", name="Save schedule").click()
    expect(dialog).to_be_hidden()
    # The button reads "Schedule to publish" once an autosave has sent the schedule; a person
    # quicker than the autosave presses "Publish", which schedules all the same.
    page.get_by_role("button", name=re.compile(r"^(Schedule to publish|Publish)$")).click()
    expect(page.get_by_role("status")).to_contain_text(f"Page '{title}' has been scheduled for publishing.")
    expect(page.get_by_role("row", name=re.compile(re.escape(title)))).to_contain_text(
        "Scheduled", ignore_case=True
    )
    shot("journey4-04-scheduled")

    post = BlogPage.objects.get(title=title)
    assert not post.live
    open_the_reader_view(page)
    response = page.goto(demo_site.url + post.url)
    assert response.status == 404
    shot("journey4-05-not-public-yet")
    page.goto(demo_site.url + BlogIndexPage.objects.get().url)
    expect(page.get_by_role("link", name=title)).to_have_count(0)

    run_the_scheduler_at(go_live + datetime.timedelta(minutes=1), monkeypatch)
    page.goto(demo_site.url + post.url)
    expect(page.get_by_role("heading", level=1)).to_have_text(title)
    shot("journey4-06-public-after-go-live")
