"""What a first-time editor or site manager meets in the admin, made plain.

A button on the dashboard to write a post, Publish as the main button, titled reference entries,
no broken avatar, plain labels, and new partners placed after the others.
"""

import json

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from base.models import Partner
from base.permissions import EDITORS, SITE_MANAGERS, grant_blog_permissions

from ..conftest import soup_of, text_of
from ..factories import AuthorFactory, BlogPageFactory, ImageFactory, PartnerFactory, UserFactory


@pytest.fixture
def editor(blog_index):
    grant_blog_permissions(blog_index)
    return UserFactory(username="erin", groups=[EDITORS])


# --- The dashboard ----------------------------------------------------------------------------


@pytest.mark.parametrize("group", [EDITORS, SITE_MANAGERS])
def test_the_dashboard_offers_to_write_a_post(blog_index, client, group):
    grant_blog_permissions(blog_index)
    client.force_login(UserFactory(username="writer", groups=[group]))
    dashboard = soup_of(client.get(reverse("wagtailadmin_home")))
    [link] = [a for a in dashboard.find_all("a") if text_of(a) == "Write a new blog post"]
    assert link["href"] == reverse("wagtailadmin_pages:add", args=["blog", "blogpage", blog_index.pk])
    assert client.get(link["href"]).status_code == 200


def test_no_write_button_for_someone_who_may_not_write_posts(blog_index, client):
    """Someone with admin access but no page rights (e.g. a future "subscribers only" group)."""
    user = UserFactory(username="viewer")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    dashboard = client.get(reverse("wagtailadmin_home"))
    assert dashboard.status_code == 200
    assert "Write a new blog post" not in dashboard.content.decode()


def test_no_gravatar_avatars(editor, client):
    """Wagtail fetches avatars from gravatar.com by default: a broken image offline or under CSP."""
    client.force_login(editor)
    assert "gravatar" not in client.get(reverse("wagtailadmin_home")).content.decode()


# --- The post editor --------------------------------------------------------------------------


def action_buttons(response) -> list[str]:
    """What the page editor's action buttons say, the main button first."""
    footer = soup_of(response).find("nav", attrs={"aria-label": "Actions (footer)"})
    return [text_of(button) for button in footer.select("button[type=submit]")]


def add_post_form(client, blog_index):
    return client.get(reverse("wagtailadmin_pages:add", args=["blog", "blogpage", blog_index.pk]))


def test_publish_is_the_main_button_for_editors(editor, blog_index, client):
    client.force_login(editor)
    buttons = action_buttons(add_post_form(client, blog_index))
    assert buttons[0] == "Publish"
    assert "Save draft" in buttons[1:]  # still there, under the arrow


def test_without_the_right_to_publish_save_draft_stays_the_main_button(blog_index, client):
    """A group that may write but not publish (add_page only) keeps Wagtail's order."""
    writers = Group.objects.create(name="Writers")
    writers.permissions.add(Permission.objects.get(codename="access_admin"))
    writers.page_permissions.create(page=blog_index, permission=Permission.objects.get(codename="add_page"))
    user = UserFactory(username="wendy")
    user.groups.add(writers)
    client.force_login(user)
    buttons = action_buttons(add_post_form(client, blog_index))
    assert buttons[0] == "Save draft"
    assert "Publish" not in buttons


def block_definitions(response) -> list:
    """Every block definition the body's editor is built from (the telepath JSON, flattened)."""
    found = []

    def collect(node):
        if isinstance(node, dict):
            found.append(node)
            for value in node.values():
                collect(value)
        elif isinstance(node, list):
            for item in node:
                collect(item)

    for element in soup_of(response).select("[data-w-block-data-value]"):
        collect(json.loads(element["data-w-block-data-value"]))
    return found


def test_a_collapsed_reference_entry_shows_its_title(editor, blog_index, client):
    client.force_login(editor)
    add = add_post_form(client, blog_index)
    entries = [d for d in block_definitions(add) if d.get("label") == "Entry" and "labelFormat" in d]
    # The references list and the reading list each have an entry block.
    assert entries
    assert {entry["labelFormat"] for entry in entries} == {"{title}"}


def test_an_existing_post_opens_without_an_empty_author_slot(editor, blog_index, client):
    post = BlogPageFactory(parent=blog_index, authors=[AuthorFactory()])
    client.force_login(editor)
    form = soup_of(client.get(reverse("wagtailadmin_pages:edit", args=[post.pk])))
    assert form.find("input", {"name": "post_authors-TOTAL_FORMS"})["value"] == "1"


# --- Site managers' screens -------------------------------------------------------------------


@pytest.fixture
def site_manager(site):
    return UserFactory(username="sam", groups=[SITE_MANAGERS])


def test_the_footer_says_credit_link(site, site_manager, client):
    client.force_login(site_manager)
    form = soup_of(client.get(reverse("wagtailsettings:edit", args=["base", "footersettings", site.pk])))
    label = form.find("label", attrs={"for": "id_credit_url"})
    assert text_of(label).rstrip("*") == "Credit link"


def test_a_new_partner_goes_after_the_others(site, site_manager, client):
    PartnerFactory(sort_order=0)
    PartnerFactory(sort_order=7)
    client.force_login(site_manager)
    form = soup_of(client.get(reverse("wagtailsnippets_base_partner:add")))
    assert form.find("input", {"name": "sort_order"})["value"] == "8"
    response = client.post(
        reverse("wagtailsnippets_base_partner:add"),
        {
            "name": "Zeeburg Open Data Lab",
            "logo": ImageFactory().pk,
            "url": "",
            "group": "Founding partners",
            "sort_order": "8",
        },
    )
    assert response.status_code == 302
    assert list(Partner.objects.values_list("name", flat=True))[-1] == "Zeeburg Open Data Lab"


def test_the_first_partner_is_number_zero(db):
    assert Partner._meta.get_field("sort_order").get_default() == 0
