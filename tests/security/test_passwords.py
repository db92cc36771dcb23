"""Django's password validators apply to passwords set in the Wagtail admin."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("password", "message"),
    [
        ("short1", "too short"),
        ("password123", "too common"),
        ("83920174651", "entirely numeric"),
        ("newcomer-editor", "too similar"),
    ],
)
def test_a_weak_password_is_refused_when_adding_a_user(admin_client, django_user_model, password, message):
    response = admin_client.post(
        "/admin/users/new/",
        {
            "username": "newcomer-editor",
            "email": "newcomer@example.org",
            "first_name": "New",
            "last_name": "Comer",
            "password1": password,
            "password2": password,
        },
    )
    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors.get("password2", []))
    assert not django_user_model.objects.filter(username="newcomer-editor").exists()


def test_a_strong_password_is_accepted(admin_client, django_user_model):
    response = admin_client.post(
        "/admin/users/new/",
        {
            "username": "newcomer-editor",
            "email": "newcomer@example.org",
            "first_name": "New",
            "last_name": "Comer",
            "password1": "quiet-harbour-lantern-7",
            "password2": "quiet-harbour-lantern-7",
        },
    )
    assert response.status_code == 302
    assert django_user_model.objects.get(username="newcomer-editor").check_password("quiet-harbour-lantern-7")
