"""Citation markers: finding them, linking them, and BlogPage.clean checking them against the references."""

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError

from blog.citations import cited_numbers, link_citations

from ..factories import BlogPageFactory, paragraph, reference


def references(count):
    return {
        "type": "references",
        "value": {
            "heading": "References",
            "entries": [reference(title=f"Work {n}") for n in range(1, count + 1)],
        },
    }


# The helpers -----------------------------------------------------------------------------------


def test_cited_numbers_reads_text_not_markup():
    # "[7]" in an attribute is markup; "[12]" as a link's text is not linked, so it is no citation.
    html = '<p>One [1], three [3] and [3] again.</p><p><a href="https://e.example/[7]">[12]</a></p>'
    assert cited_numbers(html) == {1, 3}


def test_cited_numbers_ignores_other_brackets():
    assert cited_numbers("<p>a[i], [x], [], [1234], [ 2 ]</p>") == set()


def test_link_citations_links_each_marker():
    soup = BeautifulSoup(link_citations("<p>[1] and [2]</p>"), "html.parser")
    assert [(a["href"], a.get_text()) for a in soup.find_all("a")] == [("#ref-1", "[1]"), ("#ref-2", "[2]")]
    assert len(soup.find_all("sup", class_="citation")) == 2


def test_link_citations_leaves_markers_inside_links_and_after_them_correct():
    html = '<p><a href="https://e.example/">see [1]</a> then [2] <A HREF="#x">[3]</A> [4]</p>'
    soup = BeautifulSoup(link_citations(html), "html.parser")
    assert [(a["href"], a.get_text()) for a in soup.find_all("a")] == [
        ("https://e.example/", "see [1]"),
        ("#ref-2", "[2]"),
        ("#x", "[3]"),
        ("#ref-4", "[4]"),
    ]


def test_link_citations_does_not_touch_attributes():
    html = '<p><img alt="[1]" src="/x.png"> [1]</p>'
    soup = BeautifulSoup(link_citations(html), "html.parser")
    assert soup.find("img")["alt"] == "[1]"
    assert soup.find("a")["href"] == "#ref-1"


def test_link_citations_without_markers_changes_nothing():
    html = "<p>Plain <b>text</b> &amp; more.</p>"
    assert str(link_citations(html)) == html


# BlogPage.clean ---------------------------------------------------------------------------------


@pytest.fixture
def post(blog_index):
    return BlogPageFactory(parent=blog_index)


def test_citing_a_missing_reference_is_refused(post):
    post.body = [paragraph("<p>See [1] and [4].</p>"), references(3)]
    with pytest.raises(ValidationError) as error:
        post.clean()
    messages = error.value.message_dict
    assert set(messages) == {"body"}
    message = messages["body"][0]
    assert "[4]" in message
    assert "[1]" not in message
    assert "3 entries" in message
    assert "Add the missing references or correct the numbers." in message


def test_full_clean_reports_the_error_on_body(post):
    post.body = [paragraph("<p>See [2].</p>"), references(1)]
    with pytest.raises(ValidationError) as error:
        post.full_clean()
    assert "body" in error.value.message_dict
    assert "[2]" in error.value.message_dict["body"][0]
    assert "1 entry." in error.value.message_dict["body"][0]


def test_citing_without_any_references_is_refused(post):
    post.body = [paragraph("<p>See [1].</p>")]
    with pytest.raises(ValidationError) as error:
        post.clean()
    assert "0 entries" in error.value.message_dict["body"][0]


def test_citing_zero_is_refused(post):
    post.body = [paragraph("<p>See [0].</p>"), references(2)]
    with pytest.raises(ValidationError) as error:
        post.clean()
    assert "[0]" in error.value.message_dict["body"][0]


def test_every_missing_number_is_listed_in_order(post):
    post.body = [paragraph("<p>[9] [5]</p>"), paragraph("<p>[7] [1]</p>"), references(2)]
    with pytest.raises(ValidationError) as error:
        post.clean()
    assert "[5], [7], [9]" in error.value.message_dict["body"][0]


def test_citing_existing_references_passes(post):
    post.body = [paragraph("<p>See [1], [2]</p>"), paragraph("<p>and [3].</p>"), references(3)]
    post.full_clean()  # raises if refused
    assert cited_numbers(post.body[0].value.source) | cited_numbers(post.body[1].value.source) == {1, 2, 3}


def test_a_marker_inside_a_link_is_not_validated_as_a_citation(post, client):
    """The page leaves "[5]" inside a link alone (it is not a citation), so clean() should too."""
    post.body = [paragraph('<p><a href="https://e.example/">Item [5]</a> and [1].</p>'), references(1)]
    post.save()
    rendered = client.get(post.url).content.decode()
    assert 'href="#ref-1"' in rendered
    assert 'href="#ref-5"' not in rendered  # not linked: not a citation on the page
    post.full_clean()  # ...yet refused as "cites [5]" if the validator disagrees with the renderer
