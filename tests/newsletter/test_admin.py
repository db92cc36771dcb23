"""Subscribers in the Wagtail admin: list, search, filter, export, erase, and the dashboard counts."""

import csv
import io

import openpyxl
import pytest
from django.contrib.auth.models import Group, Permission
from wagtail.models import ModelLogEntry

from newsletter.models import Subscriber

from ..conftest import soup_of, text_of
from .factories import SubscriberFactory

INDEX_URL = "/admin/newsletter/subscriber/"


@pytest.fixture
def people(db):
    return {
        "lynda": SubscriberFactory(
            first_name="Lynda",
            prefix="van der",
            surname="Hardman",
            organisation="CWI",
            email="lynda@example.com",
            confirmed=True,
        ),
        "zoe": SubscriberFactory(
            first_name="Zoë", surname="Brontë", organisation="UvA", email="zoe@example.com", confirmed=True
        ),
        "pending": SubscriberFactory(
            first_name="Pat", surname="Pending", organisation="VU", email="pat@example.com"
        ),
        "gone": SubscriberFactory(
            first_name="Una", surname="Gone", organisation="CWI", email="una@example.com", unsubscribed=True
        ),
    }


def user_with(django_user_model, *codenames):
    """A non-superuser who can use the admin, with these newsletter permissions."""
    user = django_user_model.objects.create_user("manager", "manager@example.com", "password")
    group = Group.objects.create(name="Test managers")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    group.permissions.add(
        *Permission.objects.filter(content_type__app_label="newsletter", codename__in=codenames)
    )
    user.groups.add(group)
    return user


def denied(response) -> bool:
    """Wagtail answers "permission denied" by sending the user back to the dashboard."""
    return response.status_code == 403 or (response.status_code == 302 and response["Location"] == "/admin/")


def listed_emails(response) -> list[str]:
    # get_text() without a separator: the <wbr> before the "@" is no space.
    cells = soup_of(response).select("table.listing tbody td.field-email_address")
    return sorted(cell.get_text().strip() for cell in cells)


def test_the_list_shows_subscribers_with_their_status(people, admin_client):
    response = admin_client.get(INDEX_URL)
    assert response.status_code == 200
    assert listed_emails(response) == [
        "lynda@example.com",
        "pat@example.com",
        "una@example.com",
        "zoe@example.com",
    ]
    cells = soup_of(response).select("td.field-email_address")
    row = next(cell for cell in cells if cell.get_text() == "lynda@example.com").find_parent("tr")
    assert "Lynda van der Hardman" in text_of(row)
    assert "Confirmed" in text_of(row)
    # A long address may break before its "@" only (and the stylesheet keeps words whole).
    assert str(row.find("td", class_="field-email_address").contents[0]) == "lynda"
    assert row.find("td", class_="field-email_address").find("wbr").next_sibling == "@example.com"


def test_the_list_keeps_addresses_and_statuses_whole(people, admin_client):
    soup = soup_of(admin_client.get(INDEX_URL))
    # Registered through modeladmin's own setting, so it is on this list only.
    assert soup.find("link", href=lambda href: href and "css/admin/subscribers.css" in href)
    assert not soup_of(admin_client.get("/admin/")).find(
        "link", href=lambda href: href and "subscribers.css" in href
    )


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Hardman", ["lynda@example.com"]),
        ("Lynda Hardman", ["lynda@example.com"]),
        ("zoë", ["zoe@example.com"]),
        ("pat@example", ["pat@example.com"]),
        ("CWI", ["lynda@example.com", "una@example.com"]),
    ],
)
def test_search_by_name_email_and_organisation(people, admin_client, query, expected):
    assert listed_emails(admin_client.get(INDEX_URL, {"q": query})) == expected


def test_filter_by_status_and_date(people, admin_client):
    confirmed = admin_client.get(INDEX_URL, {"status__exact": "confirmed"})
    assert listed_emails(confirmed) == ["lynda@example.com", "zoe@example.com"]
    filters = soup_of(admin_client.get(INDEX_URL)).find(class_="changelist-filter")
    assert "Waiting for confirmation" in text_of(filters)
    assert "Past 7 days" in text_of(filters)  # Django's date filter on "created at"
    old = people["gone"]
    Subscriber.objects.filter(pk=old.pk).update(created_at="2020-01-01T12:00:00Z")
    recent = admin_client.get(INDEX_URL, {"created_at__gte": "2024-01-01 00:00:00+00:00"})
    assert "una@example.com" not in listed_emails(recent)


def test_nobody_adds_subscribers_in_the_admin(people, admin_client):
    assert soup_of(admin_client.get(INDEX_URL)).find("a", href=f"{INDEX_URL}create/") is None
    assert denied(admin_client.get(f"{INDEX_URL}create/"))
    data = {"first_name": "New", "surname": "Person", "email": "new@example.com"}
    assert denied(admin_client.post(f"{INDEX_URL}create/", data))
    assert Subscriber.objects.count() == 4


def test_the_inspect_view_shows_the_consent(people, admin_client):
    response = admin_client.get(f"{INDEX_URL}inspect/{people['lynda'].pk}/")
    assert response.status_code == 200
    assert "I agree to receive the newsletter." in text_of(soup_of(response))


def test_only_names_and_organisation_can_be_corrected(people, admin_client):
    lynda = people["lynda"]
    response = admin_client.post(
        f"{INDEX_URL}edit/{lynda.pk}/",
        {
            "first_name": "Lynda",
            "prefix": "",
            "surname": "Hardman",
            "organisation": "UvA",
            "email": "mallory@example.com",
            "status": "pending",
        },
    )
    assert response.status_code == 302
    lynda.refresh_from_db()
    assert (lynda.prefix, lynda.organisation) == ("", "UvA")
    assert (lynda.email, lynda.status) == ("lynda@example.com", Subscriber.Status.CONFIRMED)


# Export


def export(admin_client, file_format, **params):
    response = admin_client.get(INDEX_URL, {"export": file_format, **params})
    assert response.status_code == 200
    return response


def csv_rows(response) -> list[dict]:
    content = b"".join(response.streaming_content).decode()
    return list(csv.DictReader(io.StringIO(content)))


def test_the_csv_export_holds_confirmed_subscribers_only(people, admin_client):
    response = export(admin_client, "csv")
    assert response["Content-Disposition"] == 'attachment; filename="newsletter-subscribers.csv"'
    rows = csv_rows(response)
    assert sorted(row["E-mail"] for row in rows) == ["lynda@example.com", "zoe@example.com"]
    assert list(rows[0]) == [
        "First name",
        "Prefix",
        "Surname",
        "Company/organisation",
        "E-mail",
        "Confirmed at",
    ]
    zoe = next(row for row in rows if row["E-mail"] == "zoe@example.com")
    assert zoe["Prefix"] == ""  # empty, not modeladmin's "-"
    assert zoe["First name"] == "Zoë"
    assert len(zoe["Confirmed at"]) == len("2026-11-25 18:30")
    # Within the search too.
    assert [row["E-mail"] for row in csv_rows(export(admin_client, "csv", q="CWI"))] == ["lynda@example.com"]


def test_the_xlsx_export_holds_confirmed_subscribers_only(people, admin_client):
    response = export(admin_client, "xlsx")
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    header, *rows = list(sheet.values)
    assert header[4] == "E-mail"
    assert sorted(row[4] for row in rows) == ["lynda@example.com", "zoe@example.com"]


NASTY = ['=HYPERLINK("https://evil.example","x")', "+31 20 123", "-2+3", "@SUM(A1)", "\tTab"]


@pytest.fixture
def formula_people(db):
    return [
        SubscriberFactory(first_name=value, organisation=value, email=f"p{n}@example.com", confirmed=True)
        for n, value in enumerate(NASTY)
    ]


def test_the_csv_export_never_starts_a_cell_with_a_formula(formula_people, admin_client):
    rows = csv_rows(export(admin_client, "csv"))
    first_names = sorted(row["First name"] for row in rows)
    assert first_names == sorted("'" + value for value in NASTY)
    assert sorted(row["Company/organisation"] for row in rows) == sorted("'" + value for value in NASTY)
    # Ordinary values are left alone.
    assert all(row["Surname"].startswith("Hardman") for row in rows)


def test_the_xlsx_export_stores_would_be_formulas_as_text(formula_people, admin_client):
    response = export(admin_client, "xlsx")
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    cells = [row[0] for row in sheet.iter_rows(min_row=2)]
    assert sorted(cell.value for cell in cells) == sorted(NASTY)  # exactly as typed
    for cell in cells:
        assert cell.data_type == "s"
        assert cell.quotePrefix


# Erasure (GDPR article 17)


def test_erasing_a_subscriber_deletes_them_and_their_admin_history(people, admin_client):
    lynda = people["lynda"]
    admin_client.post(
        f"{INDEX_URL}edit/{lynda.pk}/",
        {"first_name": "Lynda", "prefix": "", "surname": "Hardman", "organisation": "UvA"},
    )
    assert ModelLogEntry.objects.filter(object_id=str(lynda.pk), label__contains="lynda@example.com").exists()
    page = soup_of(admin_client.get(f"{INDEX_URL}delete/{lynda.pk}/"))
    assert "ask to be forgotten" in text_of(page)

    response = admin_client.post(f"{INDEX_URL}delete/{lynda.pk}/", follow=True)
    assert response.status_code == 200
    assert "The subscriber's details have been erased." in text_of(soup_of(response))
    assert not Subscriber.objects.filter(pk=lynda.pk).exists()
    entries = ModelLogEntry.objects.filter(object_id=str(lynda.pk), content_type__app_label="newsletter")
    assert [(entry.action, entry.label) for entry in entries] == [
        ("wagtail.delete", f"Subscriber {lynda.pk} (erased)")
    ]
    assert not ModelLogEntry.objects.filter(label__icontains="lynda").exists()
    assert Subscriber.objects.count() == 3


# Who sees it


def test_people_without_newsletter_permissions_see_nothing(people, client, django_user_model):
    client.force_login(user_with(django_user_model))
    dashboard = soup_of(client.get("/admin/"))
    assert "Newsletter subscribers" not in text_of(dashboard)
    assert denied(client.get(INDEX_URL))
    assert denied(client.get(INDEX_URL, {"export": "csv"}))
    assert denied(client.post(f"{INDEX_URL}delete/{people['lynda'].pk}/"))
    assert Subscriber.objects.count() == 4


def test_a_manager_with_view_permission_lists_but_cannot_erase(people, client, django_user_model):
    client.force_login(user_with(django_user_model, "view_subscriber"))
    assert client.get(INDEX_URL).status_code == 200
    assert denied(client.post(f"{INDEX_URL}delete/{people['lynda'].pk}/"))
    assert Subscriber.objects.count() == 4


def test_logged_out_visitors_are_sent_to_the_login(people, client):
    response = client.get(INDEX_URL)
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


# Dashboard


def test_the_dashboard_shows_the_counts_by_status(people, admin_client):
    SubscriberFactory(confirmed=True)
    response = admin_client.get("/admin/")
    panel = soup_of(response).find(id="newsletter-subscribers-section")
    assert panel is not None
    counts = {text_of(row.find("th")): text_of(row.find("td")) for row in panel.find("tbody").find_all("tr")}
    assert counts == {"Waiting for confirmation": "1", "Confirmed": "3", "Unsubscribed": "1", "Bounced": "0"}
    link = panel.find("a", string="Confirmed")
    assert link["href"] == f"{INDEX_URL}?status__exact=confirmed"


def test_the_menu_links_to_the_list(people, admin_client):
    assert INDEX_URL in admin_client.get("/admin/").content.decode()
