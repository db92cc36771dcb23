"""Who may open what in the admin: the Editors and Site managers groups, and anonymous visitors.

The groups come from the data migration base/0002_editor_and_site_manager_groups; their page
rights on a blog index from base.permissions.grant_blog_permissions (load_demo, the admin hook).
A screen a group may not open answers as Wagtail answers every refusal: a redirect to the
dashboard, which then says "Sorry, you do not have permission to access this area."
"""

import re
from types import SimpleNamespace
from urllib.parse import quote

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.files.base import ContentFile
from django.urls import reverse
from wagtail.contrib.redirects.models import Redirect
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.documents import get_document_model
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Site
from wagtail.test.utils.form_data import rich_text

from base.models import FooterSettings
from base.permissions import EDITORS, SITE_MANAGERS, grant_blog_permissions
from blog.models import BlogIndexPage

from ..conftest import keep_world, restore, soup_of, text_of
from ..factories import (
    AuthorFactory,
    BlogCategoryFactory,
    BlogPageFactory,
    ImageFactory,
    PartnerFactory,
    UserFactory,
)
from ..newsletter.factories import SubscriberFactory

PERMISSION_DENIED = "Sorry, you do not have permission to access this area."

# The rights, as Django permissions ("app_label.codename").
EDITOR_PERMISSIONS = {
    "wagtailadmin.access_admin",
    # Choosing an author or a category in a post needs "view" on the snippet, nothing more.
    "blog.view_author",
    "blog.view_blogcategory",
}
SITE_MANAGER_PERMISSIONS = EDITOR_PERMISSIONS | {
    *(
        f"blog.{action}_{model}"
        for model in ("author", "blogcategory")
        for action in ("add", "change", "delete")
    ),
    # The blog index page itself: its title and intro, unpublishing, privacy, moving, deleting.
    "blog.change_blogindexpage",
    *(f"base.{action}_partner" for action in ("add", "change", "delete", "view")),
    "base.change_footersettings",
    # The publisher's logo and the default sharing image.
    "base.change_sharingsettings",
    # Subscribers come only from the signup form; the list and its export need "view".
    *(f"newsletter.{action}_subscriber" for action in ("change", "delete", "view")),
    # Editors write newsletter issues; Site managers also send them.
    "newsletter.send_newsletterissuepage",
    *(f"wagtailredirects.{action}_redirect" for action in ("add", "change", "delete")),
    # Promoted search results, as the migration's docstring promises site managers. Wagtail checks
    # these on SearchPromotion, not on Query.
    *(f"wagtailsearchpromotions.{action}_searchpromotion" for action in ("add", "change", "delete")),
}
# Images and documents, in the root collection, for both groups.
MEDIA_PERMISSIONS = {
    f"{app}.{action}_{model}"
    for app, model in (("wagtailimages", "image"), ("wagtaildocs", "document"))
    for action in ("add", "change", "choose")
}
# Create, edit, publish and unpublish (Wagtail's "publish" covers both) under a blog index.
BLOG_PAGE_PERMISSIONS = {"add_page", "change_page", "publish_page"}


def permission_names(permissions) -> set[str]:
    return {f"{p.content_type.app_label}.{p.codename}" for p in permissions.select_related("content_type")}


# --- The groups on a fresh database -----------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "expected"), [(EDITORS, EDITOR_PERMISSIONS), (SITE_MANAGERS, SITE_MANAGER_PERMISSIONS)]
)
def test_the_migration_gives_each_group_exactly_its_rights(db, name, expected):
    group = Group.objects.get(name=name)
    assert permission_names(group.permissions.all()) == expected


@pytest.mark.parametrize("name", [EDITORS, SITE_MANAGERS])
def test_both_groups_use_images_and_documents_in_the_root_collection(db, name):
    group = Group.objects.get(name=name)
    rights = GroupCollectionPermission.objects.filter(group=group).select_related("permission__content_type")
    assert {right.collection_id for right in rights} == {Collection.get_first_root_node().pk}
    assert {
        f"{right.permission.content_type.app_label}.{right.permission.codename}" for right in rights
    } == MEDIA_PERMISSIONS


@pytest.mark.parametrize("name", [EDITORS, SITE_MANAGERS])
def test_without_a_blog_the_groups_have_no_page_rights(db, name):
    """Wagtail's own migration lets "Editors" edit every page from the root; that is gone."""
    assert not GroupPagePermission.objects.filter(group__name=name).exists()


def test_the_groups_are_editors_and_site_managers_beside_wagtails_moderators(db):
    names = set(Group.objects.values_list("name", flat=True))
    assert names - {"Moderators"} == {EDITORS, SITE_MANAGERS}


@pytest.mark.parametrize("name", [EDITORS, SITE_MANAGERS])
def test_a_blog_gives_the_groups_post_rights_on_it_only(blog_index, name):
    grant_blog_permissions(blog_index)
    rights = GroupPagePermission.objects.filter(group__name=name).select_related("permission")
    assert {(right.page_id, right.permission.codename) for right in rights} == {
        (blog_index.pk, codename) for codename in BLOG_PAGE_PERMISSIONS
    }


def test_a_blog_made_in_the_admin_is_open_to_both_groups_at_once(home_page, client):
    client.force_login(get_user_model().objects.create_superuser("ursula", "ursula@example.com", "pw"))
    url = reverse("wagtailadmin_pages:add", args=["blog", "blogindexpage", home_page.pk])
    data = {"title": "News", "slug": "news", "intro": rich_text(""), "action-publish": "action-publish"}
    response = client.post(url, data)
    assert response.status_code == 302
    news = BlogIndexPage.objects.get(slug="news")
    for name in (EDITORS, SITE_MANAGERS):
        codenames = GroupPagePermission.objects.filter(group__name=name, page=news).values_list(
            "permission__codename", flat=True
        )
        assert set(codenames) == BLOG_PAGE_PERMISSIONS, name


# --- Each admin screen, per group -------------------------------------------------------------


@pytest.fixture(scope="session")
def world_state(site_state, django_db_blocker):
    return keep_world("permissions", build_world, site_state, django_db_blocker)


@pytest.fixture
def world(db, world_state):
    """One of everything the admin screens list, and a user per group (built once per test process)."""
    return restore(world_state)


def build_world(blog_index):
    site = Site.objects.get(is_default_site=True)
    grant_blog_permissions(blog_index)
    author = AuthorFactory(name="Lynda Hardman")
    category = BlogCategoryFactory(name="Open science")
    post = BlogPageFactory(
        parent=blog_index, title="Open data in Amsterdam", authors=[author], categories=[category]
    )
    post.save_revision().publish()
    footer = FooterSettings.for_site(site)
    footer.copyright_line = "© 2025 Copyright line of the footer"
    footer.save()
    promotion = SearchPromotion.objects.create(
        query=Query.get("open data promoted"), page=post, sort_order=0, description="Promoted"
    )
    return SimpleNamespace(
        site=site,
        home=site.root_page,
        blog=blog_index,
        post=post,
        author=author,
        category=category,
        image=ImageFactory(title="Photo of the Amstel"),
        document=get_document_model().objects.create(
            title="Annual report 2024", file=ContentFile(b"The report.", name="annual-report.txt")
        ),
        partner=PartnerFactory(name="Partner organisation CWI"),
        footer=footer,
        subscriber=SubscriberFactory(confirmed=True, email="reader.of.the.newsletter@example.com"),
        redirect=Redirect.add_redirect("/old-address-of-the-blog", blog_index),
        promotion=promotion,
        superuser=get_user_model().objects.create_superuser("ursula-superuser", "u@example.com", "pw"),
        users={
            EDITORS: UserFactory(username="erin", groups=[EDITORS]),
            SITE_MANAGERS: UserFactory(username="sam", groups=[SITE_MANAGERS]),
        },
    )


# Who may open each screen: (Editors, Site managers).
ACCESS = {
    "dashboard": (True, True),
    "blog explorer": (True, True),
    "add a post": (True, True),
    "edit a post": (True, True),
    "publish a post": (True, True),
    "unpublish a post": (True, True),
    "edit the home page": (False, False),
    "add a page under the home page": (False, False),
    "images": (True, True),
    "upload images": (True, True),
    "choose an image": (True, True),
    "documents": (True, True),
    "upload documents": (True, True),
    "authors": (True, True),
    "choose an author": (True, True),
    "add an author": (False, True),
    "edit an author": (False, True),
    "categories": (True, True),
    "add a category": (False, True),
    "partners": (False, True),
    "add a partner": (False, True),
    "edit a partner": (False, True),
    "footer and social links": (False, True),
    "subscribers": (False, True),
    "subscribers export": (False, True),
    "redirects": (False, True),
    "add a redirect": (False, True),
    "promoted search results": (False, True),
    "users": (False, False),
    "groups": (False, False),
    "sites": (False, False),
    "workflows": (False, False),
}


def screens(w) -> dict[str, tuple[str, str]]:
    """Each screen's address, and a text only that screen shows (a refused screen must not leak it)."""
    subscribers = reverse("newsletter_subscriber_modeladmin_index")
    return {
        "dashboard": (reverse("wagtailadmin_home"), "Site summary"),
        "blog explorer": (reverse("wagtailadmin_explore", args=[w.blog.pk]), w.post.title),
        "add a post": (
            reverse("wagtailadmin_pages:add", args=["blog", "blogpage", w.blog.pk]),
            "New: Blog post",
        ),
        "edit a post": (reverse("wagtailadmin_pages:edit", args=[w.post.pk]), w.post.title),
        "publish a post": (
            reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"]) + f"?id={w.post.pk}",
            w.post.title,
        ),
        "unpublish a post": (reverse("wagtailadmin_pages:unpublish", args=[w.post.pk]), w.post.title),
        "edit the home page": (reverse("wagtailadmin_pages:edit", args=[w.home.pk]), "page-edit-form"),
        "add a page under the home page": (
            reverse("wagtailadmin_pages:add", args=["blog", "blogindexpage", w.home.pk]),
            "page-edit-form",
        ),
        "images": (reverse("wagtailimages:index"), w.image.title),
        "upload images": (reverse("wagtailimages:add_multiple"), "Add images"),
        "choose an image": (reverse("wagtailimages_chooser:choose"), w.image.title),
        "documents": (reverse("wagtaildocs:index"), w.document.title),
        "upload documents": (reverse("wagtaildocs:add_multiple"), "Add documents"),
        "authors": (reverse("wagtailsnippets_blog_author:list"), w.author.name),
        "choose an author": (reverse("wagtailsnippetchoosers_blog_author:choose"), w.author.name),
        "add an author": (reverse("wagtailsnippets_blog_author:add"), "New: Author"),
        "edit an author": (reverse("wagtailsnippets_blog_author:edit", args=[w.author.pk]), w.author.name),
        "categories": (reverse("wagtailsnippets_blog_blogcategory:list"), w.category.name),
        "add a category": (reverse("wagtailsnippets_blog_blogcategory:add"), "New: Category"),
        "partners": (reverse("wagtailsnippets_base_partner:list"), w.partner.name),
        "add a partner": (reverse("wagtailsnippets_base_partner:add"), "New: Partner"),
        "edit a partner": (reverse("wagtailsnippets_base_partner:edit", args=[w.partner.pk]), w.partner.name),
        "footer and social links": (
            reverse("wagtailsettings:edit", args=["base", "footersettings", w.site.pk]),
            w.footer.copyright_line,
        ),
        # The list lets a long address break before its "@" (<wbr>); its mailbox is whole.
        "subscribers": (subscribers, w.subscriber.email.partition("@")[0]),
        "subscribers export": (f"{subscribers}?export=csv", w.subscriber.email),
        "redirects": (reverse("wagtailredirects:index"), w.redirect.old_path),
        "add a redirect": (reverse("wagtailredirects:add"), 'name="old_path"'),
        "promoted search results": (reverse("wagtailsearchpromotions:index"), w.promotion.query.query_string),
        "users": (reverse("wagtailusers_users:index"), w.superuser.username),
        "groups": (reverse("wagtailusers_groups:index"), "Moderators"),
        "sites": (reverse("wagtailsites:index"), "Add a site"),
        "workflows": (reverse("wagtailadmin_workflows:index"), "Moderators approval"),
    }


def screens_for(allowed: bool):
    return [
        pytest.param(group, screen, id=f"{group}: {screen}")
        for index, group in enumerate((EDITORS, SITE_MANAGERS))
        for screen, access in ACCESS.items()
        if access[index] is allowed
    ]


def content_of(response) -> str:
    if response.streaming:  # the subscriber export
        return b"".join(response.streaming_content).decode()
    return response.content.decode()


@pytest.mark.parametrize(("group", "screen"), screens_for(allowed=True))
def test_allowed_screens_open(world, client, group, screen):
    url, shows = screens(world)[screen]
    client.force_login(world.users[group])
    response = client.get(url)
    assert response.status_code == 200
    assert shows in content_of(response)


def assert_refused(client, response, hidden: str | None = None):
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")
    dashboard = client.get(response["Location"])
    assert PERMISSION_DENIED in text_of(soup_of(dashboard))
    if hidden:
        assert hidden not in dashboard.content.decode()


@pytest.mark.parametrize(("group", "screen"), screens_for(allowed=False))
def test_other_screens_are_refused(world, client, group, screen):
    url, shows = screens(world)[screen]
    client.force_login(world.users[group])
    assert_refused(client, client.get(url), hidden=shows)


@pytest.mark.parametrize("screen", list(ACCESS))
def test_anonymous_visitors_are_sent_to_the_login(world, client, screen):
    url, _shows = screens(world)[screen]
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('wagtailadmin_login')}?next={quote(url)}"


def test_anonymous_visitors_to_the_admin_are_sent_to_the_login(db, client):
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"] == "/admin/login/?next=/admin/"


def test_the_subscriber_export_is_a_spreadsheet_of_confirmed_subscribers(world, client):
    pending = SubscriberFactory(email="not.yet.confirmed@example.com")
    client.force_login(world.users[SITE_MANAGERS])
    response = client.get(reverse("newsletter_subscriber_modeladmin_index") + "?export=csv")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    export = content_of(response)
    assert world.subscriber.email in export
    assert pending.email not in export


# --- The menu shows what the group may open, and nothing else ---------------------------------

MENU_ONLY_FOR_SITE_MANAGERS = {
    "/admin/snippets/base/partner/",
    "/admin/settings/base/footersettings/",
    "/admin/newsletter/subscriber/",
    "/admin/redirects/",
    "/admin/searchpicks/",
}
MENU_FOR_BOTH = {
    "/admin/pages/",
    "/admin/images/",
    "/admin/documents/",
    "/admin/snippets/blog/author/",
    "/admin/snippets/blog/blogcategory/",
}
MENU_FOR_NEITHER = {"/admin/users/", "/admin/groups/", "/admin/sites/", "/admin/workflows/list/"}


def menu_urls(client) -> set[str]:
    props = soup_of(client.get(reverse("wagtailadmin_home"))).find(id="wagtail-sidebar-props").string
    return set(re.findall(r'"url": "(/admin/[^"]*)"', props))


def test_the_editors_menu(world, client):
    client.force_login(world.users[EDITORS])
    menu = menu_urls(client)
    assert menu >= MENU_FOR_BOTH
    assert not menu & (MENU_ONLY_FOR_SITE_MANAGERS | MENU_FOR_NEITHER)


def test_the_site_managers_menu(world, client):
    client.force_login(world.users[SITE_MANAGERS])
    menu = menu_urls(client)
    assert menu >= MENU_FOR_BOTH | MENU_ONLY_FOR_SITE_MANAGERS
    assert not menu & MENU_FOR_NEITHER


# --- Pages: what the groups may do with posts, and what they may not --------------------------


@pytest.mark.parametrize("group", [EDITORS, SITE_MANAGERS])
def test_the_groups_publish_and_unpublish_posts(world, client, group):
    user = world.users[group]
    client.force_login(user)
    draft = BlogPageFactory(
        parent=world.blog, title="Written by the group", live=False, authors=[world.author]
    )
    draft.save_revision()
    permissions = draft.permissions_for_user(user)
    assert permissions.can_edit()
    assert permissions.can_publish()

    bulk_publish = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"])
    response = client.post(f"{bulk_publish}?id={draft.pk}", {"include_descendants": ""})
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.live

    response = client.post(reverse("wagtailadmin_pages:unpublish", args=[draft.pk]))
    assert response.status_code == 302
    draft.refresh_from_db()
    assert not draft.live


@pytest.mark.parametrize("group", [EDITORS, SITE_MANAGERS])
def test_the_groups_have_no_rights_on_the_home_page(world, client, group):
    permissions = world.home.permissions_for_user(world.users[group])
    assert not permissions.can_edit()
    assert not permissions.can_publish()
    assert not permissions.can_unpublish()
    assert not permissions.can_add_subpage()
    client.force_login(world.users[group])
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[world.home.pk]),
        {"title": "Taken over", "slug": "home", "action-publish": "action-publish"},
    )
    assert_refused(client, response, hidden="page-edit-form")
    world.home.refresh_from_db()
    assert world.home.title != "Taken over"


# --- The blog index itself: Editors publish under it, only Site managers touch it -------------

# What would hide every post or change the blog page itself, by the admin view that does it.
BLOG_INDEX_ACTIONS = {
    "edit": "wagtailadmin_pages:edit",
    "unpublish": "wagtailadmin_pages:unpublish",
    "delete": "wagtailadmin_pages:delete",
    "move": "wagtailadmin_pages:move",
    "make private": "wagtailadmin_pages:set_privacy",
    "copy": "wagtailadmin_pages:copy",
}


@pytest.mark.parametrize("action", list(BLOG_INDEX_ACTIONS))
def test_an_editor_is_refused_every_action_on_the_blog_index(world, client, action):
    client.force_login(world.users[EDITORS])
    url = reverse(BLOG_INDEX_ACTIONS[action], args=[world.blog.pk])
    assert_refused(client, client.get(url))
    assert_refused(client, client.post(url))
    world.blog.refresh_from_db()
    assert world.blog.live
    assert world.blog.title == "Blog"
    assert not world.blog.get_view_restrictions().exists()


def test_an_editor_cannot_unpublish_the_blog_by_bulk_action(world, client):
    client.force_login(world.users[EDITORS])
    bulk_unpublish = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "unpublish"])
    client.post(f"{bulk_unpublish}?id={world.blog.pk}", {"include_descendants": "on"})
    world.blog.refresh_from_db()
    world.post.refresh_from_db()
    assert world.blog.live
    assert world.post.live


def blog_index_action_links(client, blog) -> set[str]:
    """Links to the blog index's own actions on the explorer page of the blog."""
    html = client.get(reverse("wagtailadmin_explore", args=[blog.pk])).content.decode()
    return {
        action
        for action, url_name in BLOG_INDEX_ACTIONS.items()
        if f'href="{reverse(url_name, args=[blog.pk])}' in html
    }


def test_an_editor_sees_no_button_for_the_blog_index_itself(world, client):
    client.force_login(world.users[EDITORS])
    assert blog_index_action_links(client, world.blog) == set()
    # …but still adds posts there, and edits, publishes and unpublishes them.
    explorer = client.get(reverse("wagtailadmin_explore", args=[world.blog.pk])).content.decode()
    assert reverse("wagtailadmin_pages:add_subpage", args=[world.blog.pk]) in explorer
    permissions = world.post.permissions_for_user(world.users[EDITORS])
    assert permissions.can_edit() and permissions.can_publish() and permissions.can_unpublish()
    assert world.blog.permissions_for_user(world.users[EDITORS]).can_publish_subpage()


def test_site_managers_see_the_blog_index_actions_but_delete(world, client):
    """Deleting a page with children needs Wagtail's "bulk delete" right, which only superusers hold:
    deleting the blog would delete every post with it."""
    client.force_login(world.users[SITE_MANAGERS])
    assert blog_index_action_links(client, world.blog) >= {"edit", "unpublish", "move"}
    assert "delete" not in blog_index_action_links(client, world.blog)


def test_superusers_see_every_blog_index_action(world, client):
    client.force_login(world.superuser)
    assert blog_index_action_links(client, world.blog) >= {"edit", "unpublish", "move", "delete"}


@pytest.mark.parametrize("action", ["edit", "unpublish", "move", "make private"])
def test_a_site_manager_opens_the_blog_index_actions(world, client, action):
    client.force_login(world.users[SITE_MANAGERS])
    response = client.get(reverse(BLOG_INDEX_ACTIONS[action], args=[world.blog.pk]))
    assert response.status_code == 200


def test_a_site_manager_retitles_and_unpublishes_the_blog(world, client):
    client.force_login(world.users[SITE_MANAGERS])
    edit = reverse("wagtailadmin_pages:edit", args=[world.blog.pk])
    data = {"title": "News", "slug": "blog", "intro": rich_text(""), "action-publish": "action-publish"}
    assert client.post(edit, data).status_code == 302
    world.blog.refresh_from_db()
    assert world.blog.title == "News"
    assert client.post(reverse("wagtailadmin_pages:unpublish", args=[world.blog.pk])).status_code == 302
    world.blog.refresh_from_db()
    assert not world.blog.live


def test_the_group_editor_shows_the_right_to_manage_the_blog_index(world, client):
    """An administrator sees, under Settings → Groups, which group may manage the blog page."""
    client.force_login(world.superuser)
    site_managers = Group.objects.get(name=SITE_MANAGERS)
    form = soup_of(client.get(reverse("wagtailusers_groups:edit", args=[site_managers.pk])))
    right = Permission.objects.get(content_type__app_label="blog", codename="change_blogindexpage")
    checkbox = form.find("input", {"name": "permissions", "value": str(right.pk)})
    assert checkbox is not None
    assert checkbox.has_attr("checked")
    editors = Group.objects.get(name=EDITORS)
    form = soup_of(client.get(reverse("wagtailusers_groups:edit", args=[editors.pk])))
    assert not form.find("input", {"name": "permissions", "value": str(right.pk)}).has_attr("checked")
