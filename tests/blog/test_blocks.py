"""Every body block renders through its own template, and the blocks' own validation."""

import pytest
from wagtail.blocks import StreamBlockValidationError
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.rich_text import RichText

from blog.blocks import (
    BlogStreamBlock,
    EmbedBlock,
    HeadingBlock,
    ImageBlock,
    ParagraphBlock,
    QuoteBlock,
    ReadingListBlock,
    ReferenceEntryBlock,
    ReferencesBlock,
)

from ..conftest import inline_scripts, soup_of, text_of
from ..factories import ImageFactory, reference

KNOWN_VIDEO = "https://www.youtube.com/watch?v=test"


def render(block, raw_value):
    return soup_of(block.render(block.to_python(raw_value)))


# Heading ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("level", ["h2", "h3", "h4"])
def test_heading_renders_its_level_with_an_anchor(level):
    soup = render(HeadingBlock(), {"text": "Shifting our perspective of China", "level": level})
    headings = soup.find_all(["h1", "h2", "h3", "h4", "h5", "h6"])
    assert [h.name for h in headings] == [level]
    assert headings[0]["id"] == "shifting-our-perspective-of-china"
    assert text_of(headings[0]) == "Shifting our perspective of China"


def test_heading_text_is_escaped_and_anchor_never_empty():
    soup = render(HeadingBlock(), {"text": "<b>!!</b>", "level": "h2"})
    heading = soup.find("h2")
    assert heading.find("b") is None
    assert text_of(heading) == "<b>!!</b>"
    assert heading["id"] == "bb"  # the slugified text
    assert render(HeadingBlock(), {"text": "?!", "level": "h3"}).find("h3")["id"] == "section"


def test_heading_level_must_be_one_of_the_choices():
    block = HeadingBlock()
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(block.to_python({"text": "A heading", "level": "h1"}))
    assert "level" in error.value.block_errors


# Paragraph -------------------------------------------------------------------------------------


def test_paragraph_renders_rich_text():
    html = '<p>Some <b>bold</b> and <i>italic</i> text with <a href="https://example.com/">a link</a>.</p>'
    soup = render(ParagraphBlock(), html)
    wrapper = soup.find("div", class_="rich-text")
    assert wrapper is not None
    assert wrapper.find("b").get_text() == "bold"
    assert wrapper.find("i").get_text() == "italic"
    assert wrapper.find("a", href="https://example.com/").get_text() == "a link"


def test_paragraph_turns_citation_markers_into_links_to_references():
    soup = render(ParagraphBlock(), "<p>As shown before [2], and again [10].</p>")
    links = {a["href"]: a.get_text() for a in soup.find_all("a")}
    assert links == {"#ref-2": "[2]", "#ref-10": "[10]"}
    assert soup.find("sup", class_="citation").find("a")["href"] == "#ref-2"
    assert text_of(soup) == "As shown before [2] , and again [10] ."


def test_paragraph_leaves_citation_marker_inside_a_link_alone():
    html = '<p>See <a href="https://example.com/">the report [2]</a> and [3].</p>'
    soup = render(ParagraphBlock(), html)
    existing = soup.find("a", href="https://example.com/")
    assert existing.get_text() == "the report [2]"
    assert existing.find("a") is None
    assert [a["href"] for a in soup.find_all("a")] == ["https://example.com/", "#ref-3"]


def test_paragraph_does_not_link_non_numeric_brackets():
    soup = render(ParagraphBlock(), "<p>An array a[i] and [note] and [1234].</p>")
    assert soup.find("a") is None


# Quote -----------------------------------------------------------------------------------------


def test_quote_renders_blockquote_with_attribution():
    soup = render(QuoteBlock(), {"quote": "Let us continue\nthis tradition.", "attribution": "Lynda Hardman"})
    figure = soup.find("figure", class_="quote")
    assert figure.find("blockquote") is not None
    assert text_of(figure.find("blockquote")) == "Let us continue this tradition."
    assert figure.find("blockquote").find("br") is not None
    assert text_of(figure.find("figcaption")) == "— Lynda Hardman"


def test_quote_without_attribution_has_no_figcaption():
    soup = render(QuoteBlock(), {"quote": "Words <script>", "attribution": ""})
    assert soup.find("figcaption") is None
    assert not inline_scripts(soup)
    assert "Words <script>" in text_of(soup.find("blockquote"))


# Image -----------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_image_renders_img_with_alt_size_and_srcset():
    image = ImageFactory(file__width=2000, file__height=1000)
    soup = render(
        ImageBlock(),
        {
            "image": image.pk,
            "alt_text": "Researchers at a whiteboard",
            "caption": "Kick-off",
            "credit": "CWI",
        },
    )
    img = soup.find("picture").find("img")
    assert img["alt"] == "Researchers at a whiteboard"
    # The smallest rendition's size: the browser reserves the image's shape before it loads.
    assert (img["width"], img["height"]) == ("400", "200")
    assert img["loading"] == "lazy" and img["sizes"]
    candidates = [candidate.split() for candidate in img["srcset"].split(",")]
    assert [width for _url, width in candidates] == ["400w", "800w", "1600w"]
    assert candidates[0][0] == img["src"]
    assert all(url.startswith("/media/images/") and url.endswith(".jpg") for url, _width in candidates)
    # Modern formats first; the browser takes the first it supports, else the JPEG.
    sources = soup.find("picture").find_all("source")
    assert [source["type"] for source in sources] == ["image/avif", "image/webp"]
    assert all(source["sizes"] == img["sizes"] for source in sources)
    assert sources[0]["srcset"].count(".avif ") == 3 and sources[1]["srcset"].count(".webp ") == 3
    assert "Kick-off" in text_of(soup.find("figcaption"))
    assert text_of(soup.find(class_="body-image__credit")) == "CWI"


@pytest.mark.django_db
def test_image_without_caption_or_credit_has_no_figcaption():
    image = ImageFactory()
    soup = render(ImageBlock(), {"image": image.pk, "alt_text": "A chart", "caption": "", "credit": ""})
    assert soup.find("img")["alt"] == "A chart"
    assert soup.find("figcaption") is None


@pytest.mark.django_db
def test_image_block_with_a_deleted_image_renders_nothing():
    image = ImageFactory()
    raw = {"image": image.pk, "alt_text": "Gone", "caption": "", "credit": ""}
    image.delete()
    assert render(ImageBlock(), raw).find("img") is None


def test_image_alt_text_is_required():
    block = ImageBlock()
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(block.to_python({"image": None, "alt_text": "", "caption": "", "credit": ""}))
    assert {"image", "alt_text"} <= set(error.value.block_errors)


# Embed -----------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_embed_of_a_known_url_renders_its_iframe():
    soup = render(EmbedBlock(), {"embed": KNOWN_VIDEO, "caption": "Our video"})
    iframe = soup.find("iframe")
    assert iframe is not None
    assert iframe["src"] == "https://www.youtube-nocookie.com/embed/test"
    assert text_of(soup.find("figcaption")) == "Our video"


@pytest.mark.django_db
def test_embed_of_an_unknown_url_falls_back_to_a_link():
    url = "https://video.example/unknown"
    soup = render(EmbedBlock(), {"embed": url, "caption": ""})
    assert soup.find("iframe") is None
    link = soup.find("a")
    assert link["href"] == url
    assert text_of(link) == "View the media on its own site"


# References and reading list -------------------------------------------------------------------

ENTRIES = [
    reference(note="A series by Ruben Terlou", url="https://www.rubenterlou.com"),
    reference(authors="Elsevier", year="2018", title="Artificial Intelligence"),
    reference(
        authors="Frank Bekkers, Paul Verhagen",
        title="Checklist for Collaboration",
        venue="The Hague Centre for Strategic Studies",
        year="2019",
        url="https://hcss.example/checklist",
    ),
]


def test_references_render_a_numbered_list_with_anchors():
    soup = render(ReferencesBlock(), {"heading": "Sources", "entries": ENTRIES})
    assert text_of(soup.find("h2")) == "Sources"
    ordered = soup.find("ol")
    items = ordered.find_all("li", recursive=False)
    assert [li["id"] for li in items] == ["ref-1", "ref-2", "ref-3"]
    # An entry without a title links its URL as the text.
    link = items[0].find("a")
    assert (link["href"], text_of(link)) == ("https://www.rubenterlou.com", "https://www.rubenterlou.com")
    assert text_of(items[0]).startswith("A series by Ruben Terlou")
    # An entry without a URL has no link, and shows its title as a citation.
    assert items[1].find("a") is None
    assert text_of(items[1]) == "Elsevier (2018). Artificial Intelligence"
    # A full entry links its title.
    link = items[2].find("a")
    assert link["href"] == "https://hcss.example/checklist"
    assert text_of(link.find("cite")) == "Checklist for Collaboration"
    assert text_of(items[2]) == (
        "Frank Bekkers, Paul Verhagen (2019). Checklist for Collaboration . "
        "The Hague Centre for Strategic Studies"
    )


def test_reading_list_renders_an_unordered_list():
    soup = render(ReadingListBlock(), {"heading": "Reading list", "entries": ENTRIES[1:]})
    assert soup.find("ol") is None
    items = soup.find("ul").find_all("li", recursive=False)
    assert len(items) == 2
    assert not any(li.has_attr("id") for li in items)
    assert "Checklist for Collaboration" in text_of(items[1])


def test_reference_entry_without_title_and_url_is_refused():
    block = ReferenceEntryBlock()
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(block.to_python(reference(authors="Someone", note="Only a note")))
    assert set(error.value.block_errors) == {"title", "url"}
    messages = [e.messages[0] for e in error.value.block_errors.values()]
    assert all("title" in m and "URL" in m for m in messages)


@pytest.mark.parametrize(
    "fields",
    [{"title": "A title only"}, {"url": "https://example.com/only-a-url"}],
    ids=["title-only", "url-only"],
)
def test_reference_entry_with_title_or_url_is_accepted(fields):
    block = ReferenceEntryBlock()
    value = block.clean(block.to_python(reference(**fields)))
    assert value.link_text == (fields.get("title") or fields.get("url"))


def test_reference_entry_refuses_an_invalid_url():
    block = ReferenceEntryBlock()
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(block.to_python(reference(title="T", url="not a url")))
    assert set(error.value.block_errors) == {"url"}


def test_references_need_at_least_one_entry():
    block = ReferencesBlock()
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(block.to_python({"heading": "References", "entries": []}))
    assert "entries" in error.value.block_errors


# The stream ------------------------------------------------------------------------------------


def stream_value(*blocks):
    return BlogStreamBlock().to_python([{"type": name, "value": value} for name, value in blocks])


def test_stream_allows_one_references_block():
    block = BlogStreamBlock()
    value = block.clean(
        stream_value(
            ("paragraph", "<p>Cited [1].</p>"),
            ("references", {"heading": "References", "entries": ENTRIES[:1]}),
            ("reading_list", {"heading": "Reading list", "entries": ENTRIES[1:]}),
        )
    )
    assert [child.block_type for child in value] == ["paragraph", "references", "reading_list"]


@pytest.mark.parametrize("block_type", ["references", "reading_list"])
def test_stream_refuses_a_second_references_or_reading_list_block(block_type):
    block = BlogStreamBlock()
    entries = {"heading": "List", "entries": ENTRIES[:1]}
    with pytest.raises(StreamBlockValidationError) as error:
        block.clean(stream_value((block_type, entries), ("paragraph", "<p>x</p>"), (block_type, entries)))
    messages = " ".join(e.message % (e.params or {}) for e in error.value.non_block_errors.as_data())
    assert "maximum number of items is 1" in messages


def test_stream_renders_every_block_in_order():
    value = stream_value(
        ("heading", {"text": "Intro", "level": "h2"}),
        ("paragraph", RichText("<p>Text [1].</p>").source),
        ("quote", {"quote": "Quoted", "attribution": "Someone"}),
        ("references", {"heading": "References", "entries": ENTRIES[:1]}),
    )
    soup = soup_of("".join(child.render() for child in value))
    tags = [tag.name for tag in soup.find_all(["h2", "div", "figure", "section"], recursive=False)]
    assert tags == ["h2", "div", "figure", "section"]
    assert soup.find("a", href="#ref-1") is not None
    assert soup.find("li", id="ref-1") is not None
