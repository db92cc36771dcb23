"""Citation markers: finding them, linking them, and the body checking them against the references."""

import pytest
from bs4 import BeautifulSoup
from wagtail.blocks.stream_block import StreamBlockValidationError

from blog.citations import cited_numbers, link_citations
from blog.models import BlogPage

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


# The body's rule: a citation needs its reference (blog.blocks.citation_problems) -----------------


BODY = BlogPage._meta.get_field("body").stream_block


@pytest.fixture
def post(blog_index):
    return BlogPageFactory(parent=blog_index)


def problems(post) -> dict[int, list[str]]:
    """What publishing the post's body would refuse, by block index."""
    with pytest.raises(StreamBlockValidationError) as error:
        BODY.clean(post.body)
    return {index: problem.messages for index, problem in error.value.block_errors.items()}


def test_citing_a_missing_reference_is_refused_on_its_paragraph(post):
    post.body = [paragraph("<p>See [1] and [4].</p>"), references(3)]
    assert problems(post) == {
        0: [
            "This paragraph cites [4], but the references list has 3 entries. "
            "Add the missing reference or correct the number."
        ]
    }


def test_each_paragraph_names_its_own_missing_numbers_in_order(post):
    post.body = [
        paragraph("<p>[9] [5] [1]</p>"),
        paragraph("<p>[2]</p>"),
        paragraph("<p>[7] [1]</p>"),
        references(2),
    ]
    found = problems(post)
    assert set(found) == {0, 2}
    assert "cites [5], [9], but the references list has 2 entries" in found[0][0]
    assert "Add the missing references or correct the numbers." in found[0][0]
    assert "cites [7], but" in found[2][0]


def test_citing_without_any_references_is_refused(post):
    post.body = [paragraph("<p>See [1].</p>")]
    assert "the references list has 0 entries" in problems(post)[0][0]


def test_one_entry_is_counted_in_the_singular(post):
    post.body = [paragraph("<p>See [2].</p>"), references(1)]
    assert "the references list has 1 entry." in problems(post)[0][0]


def test_citing_zero_is_refused(post):
    post.body = [paragraph("<p>See [0].</p>"), references(2)]
    assert "cites [0]" in problems(post)[0][0]


def test_citing_existing_references_passes(post):
    post.body = [paragraph("<p>See [1], [2]</p>"), paragraph("<p>and [3].</p>"), references(3)]
    BODY.clean(post.body)  # raises if refused
    assert cited_numbers(post.body[0].value.source) | cited_numbers(post.body[1].value.source) == {1, 2, 3}


def test_a_draft_may_cite_references_not_written_yet(post):
    """Text first, references last is how people write: saving a draft defers the rule."""
    post.body = [paragraph("<p>See [1] and [5].</p>")]
    cleaned = BODY.clean_deferred(post.body)
    assert [child.block_type for child in cleaned] == ["paragraph"]
    assert problems(post)  # ...and publishing still refuses it


def test_a_marker_inside_a_link_is_not_validated_as_a_citation(post, client):
    """The page leaves "[5]" inside a link alone (it is not a citation), so clean() should too."""
    post.body = [paragraph('<p><a href="https://e.example/">Item [5]</a> and [1].</p>'), references(1)]
    post.save()
    rendered = client.get(post.url).content.decode()
    assert 'href="#ref-1"' in rendered
    assert 'href="#ref-5"' not in rendered  # not linked: not a citation on the page
    BODY.clean(post.body)  # ...yet refused as "cites [5]" if the validator disagrees with the renderer
