"""The 500 page renders without a request context or the database, like Django's server_error view."""

from django.test import RequestFactory
from django.views.defaults import server_error

from tests.conftest import soup_of


def test_server_error_page_needs_no_database():
    # No django_db mark: pytest-django makes any query here raise.
    response = server_error(RequestFactory().get("/blog/"))
    assert response.status_code == 500
    soup = soup_of(response)
    assert soup.title.get_text() == "Something went wrong | Amsterdam Data Science"
    assert soup.find("h1").get_text() == "Something went wrong"
    assert soup.find("link", rel="stylesheet")["href"].endswith("css/site.css")
    assert soup.find("a", href="/", string="Go to the home page")
