"""Importing the old site's posts: ``blog/importer/`` and ``manage.py import_posts``.

``legacy_pages/`` holds old posts as their engines served them: the seed post from the old
site's own theme, a WordPress post, a Jekyll post and a hand-written page. Smaller pages are
written in the tests that need them.
"""

import io
import re
import shutil
from collections import Counter
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.core.management import CommandError, call_command
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter
from wagtail.contrib.redirects.models import Redirect
from wagtail.embeds.models import Embed
from wagtail.images import get_image_model
from wagtail.models import Page, Revision
from wagtail.test.utils.form_data import nested_form_data, querydict_from_html, rich_text, streamfield

from blog.blocks import PARAGRAPH_FEATURES
from blog.importer import Refused, import_file, parse_post, save_post, saving
from blog.importer.html_file import MAX_FILE_BYTES
from blog.models import Author, BlogCategory, BlogIndexPage, BlogPage
from demo import content as demo

from ..conftest import normalise, soup_of, text_of
from ..factories import AuthorFactory, BlogCategoryFactory, BlogIndexPageFactory, BlogPageFactory

PAGES = Path(__file__).parent / "legacy_pages"
SEED = PAGES / "ai-research-with-china.html"
WORDPRESS = PAGES / "data-as-a-material-for-fashion.html"
JEKYLL = PAGES / "managing-being-a-masters-student.html"
HAND_WRITTEN = PAGES / "programming-training-for-refugees.html"
FIXTURES = [SEED, WORDPRESS, JEKYLL, HAND_WRITTEN]

Image = get_image_model()


# Helpers ---------------------------------------------------------------------------------------


def legacy_page(
    content="<p>Some text.</p>", *, head="", lead='<p class="lead">The lead.</p>', before="", after=""
):
    """A small legacy page: ``content`` follows the title and the lead in an <article>."""
    return (
        f"<!DOCTYPE html><html><head><title>A legacy post | Old site</title>{head}</head><body>{before}"
        f"<article><h1>A legacy post</h1>{lead}{content}</article>{after}</body></html>"
    )


def blocks(html: str) -> list[tuple[str, object]]:
    return [(block["type"], block["value"]) for block in parse_post(html).body]


def write(folder: Path, name: str, content: str | bytes) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def png(path: Path, colour="steelblue") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    PILImage.new("RGB", (40, 30), colour).save(path, format="PNG")
    return path


def run(*args) -> str:
    output = io.StringIO()
    call_command("import_posts", *map(str, args), stdout=output)
    return output.getvalue()


def without_ids(value):
    if isinstance(value, list):
        return [without_ids(item) for item in value]
    if isinstance(value, dict):
        return {key: without_ids(item) for key, item in value.items() if key != "id"}
    return value


def stream_data(body) -> list:
    """A post body in the form it is stored, without block ids, for comparing two bodies."""
    page = BlogPage(body=body)
    list(page.body)
    return without_ids(page.body.get_prep_value())


def words(text: str) -> Counter:
    return Counter(re.findall(r"\w+", text))


def reader_text(elements) -> str:
    """The text a reader reads in these elements of a legacy page."""
    texts = []
    for element in elements:
        element = BeautifulSoup(str(element), "html.parser")
        for hidden in element.find_all(["script", "style", "noscript", "iframe"]):
            hidden.decompose()
        texts.append(element.get_text(" "))
    return normalise(" ".join(texts))


def media_files() -> set[Path]:
    root = Path(settings.MEDIA_ROOT)
    return {path for path in root.rglob("*") if path.is_file()} if root.exists() else set()


def counts() -> dict:
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "images": Image.objects.count(),
        "authors": Author.objects.count(),
        "categories": BlogCategory.objects.count(),
        "redirects": Redirect.objects.count(),
    }


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path_factory):
    """A media folder of the test's own, so that the files it finds there are the import's."""
    settings.MEDIA_ROOT = tmp_path_factory.mktemp("media")


@pytest.fixture
def imported(blog_index):
    """Import a file under the blog index."""

    def import_(path, **options):
        return import_file(path, parent=blog_index, **options)

    return import_


# The fixtures, imported whole ------------------------------------------------------------------


def without(element, selector):
    """``element`` without what ``selector`` picks: here, chrome inside WordPress's .entry-content
    (share buttons, related posts) and the remote image, which is reported rather than fetched."""
    for leftover in element.select(selector):
        leftover.decompose()
    return [element]


# What each legacy page holds as the post's text, as a test's author reads the page, and the
# words the new page adds (a references block always has a heading; kramdown's notes have none).
SOURCE_TEXT = {
    SEED: lambda soup: reader_text(
        soup.select(".blog-post__intro, .blog-post__disclaimer, .blog-post__content")
    ),
    WORDPRESS: lambda soup: reader_text(
        without(
            soup.select_one(".entry-content"),
            ".sharedaddy, #jp-relatedposts, figure:has(img[src^='https://cdn'])",
        )
    ),
    JEKYLL: lambda soup: reader_text(soup.select(".post-content")) + " Notes",
    # A page without markup to say where the post is: it runs from the date to "Read more".
    HAND_WRITTEN: lambda soup: re.search(r"29 April 2021 (.*) Read more", reader_text([soup.body]))[1],
}
HEADINGS = {
    SEED: [
        ("h2", heading)
        for heading in [
            "Shifting our perspective of China",
            "Cultural differences in AI applications",
            "To collaborate or not to collaborate?",
            "We cannot not collaborate with the Chinese",
            "References",
            "Reading list",
        ]
    ],  # fmt: skip
    WORDPRESS: [
        ("h2", "Data has a drape"),
        ("h3", "Measuring bodies"),
        ("h2", "What comes next"),
        ("h2", "Notes"),
    ],
    JEKYLL: [
        ("h2", "What worked"),
        ("h3", "The student’s view"),
        ("h3", "The supervisors’ view"),
        ("h2", "Further reading"),
        ("h2", "Notes"),
    ],  # fmt: skip
    HAND_WRITTEN: [("h2", "How the training works"), ("h2", "Get involved")],
}
CHROME = {
    SEED: [
        "About us",
        "Read More",
        "Managing/Being",
        "Stay in the loop",
        "Subscribe",
        "Follow us",
        "All Rights Reserved",
        "Founding partners",
    ],  # fmt: skip
    WORDPRESS: [
        "Skip to the content",
        "Search",
        "Share this",
        "Twitter",
        "Related",
        "View Archive",
        "Troy designs wearables",
        "Lovely piece",
        "Leave a Reply",
        "Post Comment",
        "Recent Posts",
        "Newsletter",
        "Powered by WordPress",
        "To the top",
    ],  # fmt: skip
    JEKYLL: [
        "ADS student blog",
        "Our students",
        "Disqus",
        "students@example.org",
        "Stories from the students",
    ],
    HAND_WRITTEN: ["About me", "Projects", "Read more", "Back to all posts", "© 2021", "_gaq", "Georgia"],
}


@pytest.mark.parametrize("path", FIXTURES, ids=lambda path: path.stem)
def test_the_post_shows_the_source_articles_text_and_nothing_else(path, imported, client):
    post = imported(path).page
    article = soup_of(client.get(post.url)).find("article", class_="post")
    shown = article.select(".post__lead, .post__editor-note, .post__body")
    source = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    assert words(reader_text(shown)) == words(SOURCE_TEXT[path](source))
    body = article.find(class_="post__body")
    assert [(h.name, text_of(h)) for h in body.find_all(["h2", "h3", "h4"])] == HEADINGS[path]
    text = text_of(article)
    assert [phrase for phrase in CHROME[path] if phrase in text] == []


def test_the_seed_page_becomes_the_demo_post(imported):
    post = imported(SEED).page
    assert post.title == demo.SEED_POST["title"]
    assert post.date == demo.SEED_POST["date"]
    assert post.lead == demo.SEED_POST["lead"]
    assert post.editor_note == demo.SEED_POST["editor_note"]
    assert [author.name for author in post.authors] == demo.SEED_POST["authors"]
    assert [category.name for category in post.categories.all()] == demo.SEED_POST["categories"]
    # Paragraph by paragraph, heading by heading, reference field by reference field.
    assert stream_data(post.body) == stream_data(demo.SEED_POST["body"])
    assert post.live


@pytest.mark.parametrize("path", FIXTURES, ids=lambda path: path.stem)
def test_an_imported_post_saves_unchanged_through_the_editors_form(path, imported, admin_client):
    post = imported(path).page
    revisions = post.revisions.count()
    html = admin_client.get(reverse("wagtailadmin_pages:edit", args=[post.pk])).content.decode()
    data = querydict_from_html(html, form_id="page-edit-form")
    data.update(nested_form_data({"body": streamfield(body_as_form_data(post))}))
    data["action-publish"] = "action-publish"
    response = admin_client.post(reverse("wagtailadmin_pages:edit", args=[post.pk]), data)
    if response.status_code == 200:  # the form came back: say why
        assert response.context["form"].errors == {}
    assert response.status_code == 302
    saved = BlogPage.objects.get(pk=post.pk)
    assert saved.revisions.count() == revisions + 1
    assert without_block_keys(stream_data(saved.body)) == stream_data(post.body)


@pytest.fixture
def admin_client(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("editor", "editor@example.com", "password"))
    return client


def without_block_keys(data: list) -> list:
    """The body without the keys Wagtail's editor gives each paragraph when it saves."""
    for block in data:
        if block["type"] == "paragraph":
            block["value"] = re.sub(r' data-block-key="\w+"', "", block["value"])
    return data


def body_as_form_data(post):
    """The post's body as the editor's form posts it (the browser builds it with JavaScript)."""
    form_blocks = []
    for block in post.body:
        value = block.value
        if block.block_type == "paragraph":
            form_blocks.append(("paragraph", rich_text(value.source, features=PARAGRAPH_FEATURES)))
        elif block.block_type == "image":
            form_blocks.append(("image", {**dict(value), "image": value["image"].pk}))
        elif block.block_type == "embed":
            form_blocks.append(("embed", {"embed": value["embed"].url, "caption": value["caption"]}))
        elif block.block_type in ("references", "reading_list"):
            entries = streamfield([("item", dict(entry)) for entry in value["entries"]])
            form_blocks.append((block.block_type, {"heading": value["heading"], "entries": entries}))
        else:
            form_blocks.append((block.block_type, dict(value)))
    return form_blocks


@pytest.mark.parametrize("path", FIXTURES, ids=lambda path: path.stem)
def test_stored_rich_text_is_what_wagtails_editor_stores(path):
    converter = ContentstateConverter(PARAGRAPH_FEATURES)
    paragraphs = [value for kind, value in blocks(path.read_text(encoding="utf-8")) if kind == "paragraph"]
    assert paragraphs
    for html in paragraphs:
        as_saved = converter.to_database_format(converter.from_database_format(html))
        assert canonical_html(html) == canonical_html(re.sub(r' data-block-key="\w+"', "", as_saved))


def canonical_html(html: str) -> str:
    return str(BeautifulSoup(html, "html.parser"))


def test_what_each_fixture_says_about_its_post():
    wordpress = parse_post(WORDPRESS.read_text(encoding="utf-8"), file_name=WORDPRESS.name)
    assert (wordpress.title, wordpress.slug) == (
        demo.READ_MORE_POSTS[1]["title"],
        "data-as-a-material-for-fashion",
    )
    assert wordpress.authors == ["Troy Nachtigall"]
    assert wordpress.categories == ["Design", "Research", "Fashion"]
    assert wordpress.lead == demo.READ_MORE_POSTS[1]["lead"]
    jekyll = parse_post(JEKYLL.read_text(encoding="utf-8"), file_name=JEKYLL.name)
    assert jekyll.authors == demo.READ_MORE_POSTS[0]["authors"]
    assert (jekyll.date.isoformat(), jekyll.categories) == ("2021-12-02", ["Education"])
    hand_written = parse_post(HAND_WRITTEN.read_text(encoding="utf-8"), file_name=HAND_WRITTEN.name)
    assert (hand_written.title, hand_written.slug) == (
        "Programming Training for Refugees",
        "programming-training-for-refugees",
    )
    assert (hand_written.date.isoformat(), hand_written.authors) == ("2021-04-29", ["Gabriel Lopez"])
    assert (hand_written.legacy_url, hand_written.categories) == ("", [])
    assert hand_written.lead == demo.READ_MORE_POSTS[2]["lead"]


# Title ------------------------------------------------------------------------------------------


def test_title_is_og_title_without_the_site_name():
    head = '<meta property="og:title" content="The real title | Old site"><meta property="og:site_name" content="Old site">'
    assert parse_post(legacy_page(head=head)).title == "The real title"


def test_title_is_the_articles_h1_without_og_title():
    html = legacy_page().replace("<body>", '<body><header class="site-header"><h1>Old site</h1></header>')
    assert parse_post(html).title == "A legacy post"


@pytest.mark.parametrize(
    ("title", "head", "expected"),
    [
        ("Notes from a meetup – part one | Jane's pages", "", "Notes from a meetup – part one"),
        (
            "Old site :: Notes from a meetup",
            '<meta property="og:site_name" content="Old site">',
            "Notes from a meetup",
        ),
        (
            "Why we left - and came back",
            '<meta property="og:site_name" content="Old site">',
            "Why we left - and came back",
        ),
    ],
)
def test_title_is_the_title_element_without_the_site_name(title, head, expected):
    html = f"<html><head><title>{title}</title>{head}</head><body><p>Some text of the post.</p></body></html>"
    assert parse_post(html).title == expected


def test_title_is_not_repeated_in_the_body():
    html = legacy_page("<h2>A legacy post</h2><p>Text.</p><h2>A real section</h2>")
    assert blocks(html) == [
        ("paragraph", "<p>Text.</p>"),
        ("heading", {"text": "A real section", "level": "h2"}),
    ]


# Date -------------------------------------------------------------------------------------------


def test_date_is_the_published_time_as_written():
    head = '<meta property="article:published_time" content="2021-09-13T23:30:00-05:00">'
    # In Amsterdam it was already the 14th; the post says the 13th.
    assert parse_post(legacy_page(head=head)).date.isoformat() == "2021-09-13"


def test_date_is_the_published_time_element_not_the_updated_one():
    meta = '<time class="updated" datetime="2022-01-01">1 January 2022</time> <time class="entry-date published" datetime="2020-02-03">3 Feb</time>'
    html = legacy_page(lead=f'<div class="entry-meta">{meta}</div><p class="lead">The lead.</p>')
    assert parse_post(html).date.isoformat() == "2020-02-03"


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("05 November 2020", "2020-11-05"),
        ("Posted on November 5, 2020 by Jane", "2020-11-05"),
        ("5th Nov. 2020", "2020-11-05"),
        ("Geplaatst op 3 mei 2019", "2019-05-03"),
        ("2019-05-03 · 4 min read", "2019-05-03"),
    ],
)
def test_date_written_in_the_meta_line(written, expected):
    html = legacy_page(lead=f'<p class="post-meta">{written}</p><p class="lead">The lead.</p>')
    assert parse_post(html).date.isoformat() == expected


def test_date_written_under_the_title_of_a_hand_written_page():
    html = "<html><body><h1>My post</h1><p><i>3 March 2019</i></p><p>The first paragraph.</p><p>More.</p></body></html>"
    post = parse_post(html)
    assert post.date.isoformat() == "2019-03-03"
    assert post.lead == "The first paragraph."  # the date line is not taken for an italic lead


def test_a_page_without_a_date_is_kept_as_a_draft_dated_today(blog_index):
    outcome = save_post(parse_post(legacy_page()), parent=blog_index)
    assert outcome.page.date is not None
    assert not outcome.page.live
    assert "no date found: the post is dated today and kept as a draft" in outcome.notes


# Authors and categories --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (
            '<meta name="author" content="Ann Smith, Bob Jones and Cee Lo">',
            ["Ann Smith", "Bob Jones", "Cee Lo"],
        ),
        (
            '<meta name="author" content="Anita de Waard en Thom Pijnenburg">',
            ["Anita de Waard", "Thom Pijnenburg"],
        ),
        (
            '<p>By <a rel="author" href="/team/ann/">Ann Smith</a> &amp; <a rel="author" href="/team/bob/">Bob Jones</a></p>',
            ["Ann Smith", "Bob Jones"],
        ),  # fmt: skip
        ('<span class="byline">By Ann Smith on 3 March 2019</span>', ["Ann Smith"]),
        (
            '<div class="author vcard"><img src="/a.jpg" alt=""><span class="fn">Ann Smith</span><span class="role">Editor</span></div>',
            ["Ann Smith"],
        ),  # fmt: skip
    ],
)
def test_authors(content, expected):
    head, lead = (content, "") if content.startswith("<meta") else ("", content)
    html = legacy_page(head=head, lead=lead + '<p class="lead">The lead.</p>')
    assert parse_post(html).authors == expected


def test_commenters_and_the_site_are_not_authors():
    comments = '<div id="comments"><div class="comment-author vcard"><span class="fn">A Commenter</span></div><p>Nice.</p></div>'
    html = legacy_page(
        head='<meta name="author" content="Ann Smith">',
        before='<header><a class="site-title" rel="author" href="/">The Old Site</a></header>',
        content="<p>Text.</p>" + comments,
    )
    assert parse_post(html).authors == ["Ann Smith"]


def test_authors_are_matched_by_name_or_created(imported):
    lynda = AuthorFactory(name="lynda hardman")
    outcome = imported(SEED)
    assert list(outcome.page.authors) == [lynda]
    outcome = imported(JEKYLL)
    made = Author.objects.get(name="Anita de Waard")
    assert made.slug == "anita-de-waard"
    assert [author.name for author in outcome.page.authors] == demo.READ_MORE_POSTS[0]["authors"]
    assert "new author: Anita de Waard" in outcome.notes


def test_the_authors_are_stored_in_the_pages_order(imported, tmp_path):
    """In sort_order, which only the editor's form fills in by itself; a re-import that reorders
    them reorders the stored rows."""

    def stored(page):
        return list(page.post_authors.values_list("author__name", "sort_order"))

    names = demo.READ_MORE_POSTS[0]["authors"]
    assert stored(imported(JEKYLL).page) == [(name, order) for order, name in enumerate(names)]
    reordered = [names[2], names[0], names[1]]
    source = JEKYLL.read_text(encoding="utf-8").replace(
        f"{names[0]}, {names[1]} and {names[2]}", f"{reordered[0]}, {reordered[1]} and {reordered[2]}"
    )
    again = imported(write(tmp_path, JEKYLL.name, source))
    assert again.action == "updated"
    assert stored(again.page) == [(name, order) for order, name in enumerate(reordered)]


def test_categories_from_tags_category_links_and_the_meta_line():
    head = '<meta property="article:tag" content="Data"><meta property="article:tag" content="Research">'
    meta = '<p class="entry-meta">In <a href="/category/research/">research</a>, <a href="/tag/ai/">AI</a> · <a href="/about/">About</a></p>'
    content = '<p>Text.</p><footer><a href="/x/" rel="category tag">Design</a></footer>'
    post = parse_post(legacy_page(content, head=head, lead=meta + '<p class="lead">The lead.</p>'))
    assert post.categories == ["Data", "Research", "Design", "AI"]


def test_categories_are_matched_by_name_or_created(imported):
    china = BlogCategoryFactory(name="CHINA", slug="china")
    post = imported(SEED).page
    assert china in post.categories.all()
    assert set(BlogCategory.objects.values_list("name", flat=True)) == {"CHINA", "Collaboration", "Research"}


# The content and the chrome around it ----------------------------------------------------------

CHROME_PAGE = """<!DOCTYPE html><html><head><title>Kept title | Old site</title>
<style>.x { content: "STYLE-LEAK" }</style><script>var leak = "SCRIPT-LEAK";</script></head>
<body>
<a class="skip-link screen-reader-text" href="#content">SKIP-LEAK</a>
<header class="site-header"><nav><a href="/">NAV-LEAK</a></nav><form role="search"><input name="s">SEARCH-LEAK</form></header>
<div class="layout has-sidebar">
<main id="content">
<div class="breadcrumbs"><a href="/">Home</a> › BREADCRUMB-LEAK</div>
<article class="post">
<header class="entry-header"><h1>Kept title</h1><div class="entry-meta">META-LEAK 3 March 2019</div></header>
<div class="entry-content">
<p class="lead">Kept lead.</p>
<p>Kept opening paragraph.</p>
<div class="share-buttons"><a href="https://twitter.com/share">SHARE-LEAK</a></div>
<p>Kept second paragraph.<span class="screen-reader-text">SR-LEAK</span></p>
<div hidden>HIDDEN-LEAK</div><div style="display: none">DISPLAY-LEAK</div>
<form class="newsletter"><label>NEWSLETTER-LEAK <input name="email"></label></form>
<div class="mc4wp-form">SIGNUP-LEAK</div>
<iframe src="https://unknown.example.com/widget">IFRAME-LEAK</iframe>
<noscript>NOSCRIPT-LEAK</noscript>
<p><a class="more-link" href="/kept-title/">Continue reading KEPT-LEAK</a></p>
<h2>You might also like</h2><ul><li><a href="/other/">RELATED-LEAK</a></li></ul>
</div>
<footer class="entry-footer"><span class="comments-link">ENTRY-FOOTER-LEAK</span> Tags: <a href="/tag/kept/">Kept tag</a></footer>
<div class="author-bio"><p>AUTHORBIO-LEAK</p></div>
<nav class="post-navigation"><a rel="prev" href="/p/">PREVNEXT-LEAK</a></nav>
<div id="comments" class="comments-area"><h2>2 Comments</h2><article class="comment"><p>COMMENT-LEAK</p></article><form>REPLY-LEAK</form></div>
</article>
<section class="related-posts"><h2>Related</h2><article class="card"><h3>CARD-LEAK</h3></article></section>
</main>
<aside class="sidebar"><section class="widget"><h2>Recent posts</h2><ul><li>SIDEBAR-LEAK</li></ul></section></aside>
</div>
<div class="cookie-banner">COOKIE-LEAK</div>
<footer class="site-footer"><p>© 2024 FOOTER-LEAK</p></footer>
</body></html>"""


def test_site_chrome_never_reaches_the_post():
    post = parse_post(CHROME_PAGE)
    everything = f"{post.title} {post.lead} {post.editor_note} {post.body} {post.authors} {post.categories}"
    assert re.findall(r"\w+-LEAK", everything) == []
    assert (post.title, post.lead, post.categories) == ("Kept title", "Kept lead.", ["Kept tag"])
    assert post.body == [
        {"type": "paragraph", "value": "<p>Kept opening paragraph.</p><p>Kept second paragraph.</p>"}
    ]
    assert "an iframe from unknown.example.com was left out" in post.notes


def test_without_article_markup_the_post_starts_at_its_title_and_ends_before_the_footer_lines():
    html = """<html><body><p><a href="/">Home</a> | <a href="/about/">About</a></p>
    <h1>A hand-made post</h1><p>First paragraph.</p><p>Second paragraph.</p>
    <p><a href="/">« Back to the blog</a></p><p><a href="/older/">Older posts</a></p><p>Copyright 2010 Jane</p>
    </body></html>"""
    post = parse_post(html)
    assert (post.title, post.lead) == ("A hand-made post", "First paragraph.")
    assert post.body == [{"type": "paragraph", "value": "<p>Second paragraph.</p>"}]


def test_a_meta_looking_class_inside_a_sentence_is_part_of_it():
    html = legacy_page(
        '<p>We met on <span class="date">5 May</span> with <span class="author">Ann</span>.</p>'
    )
    assert blocks(html) == [("paragraph", "<p>We met on 5 May with Ann.</p>")]


def test_links_that_belong_to_the_text_stay():
    html = legacy_page(
        '<p>See the <a href="https://e.example/next">next post</a> on this, or read more <a href="https://e.example/">here</a>.</p>'
    )
    assert blocks(html) == [
        (
            "paragraph",
            '<p>See the <a href="https://e.example/next">next post</a> on this, or read more <a href="https://e.example/">here</a>.</p>',
        ),  # fmt: skip
    ]


def test_a_class_that_looks_like_chrome_on_the_whole_text_is_a_false_alarm():
    html = legacy_page('<div class="content menu-open"><p>One.</p><p>Two.</p><p>Three.</p></div>')
    assert blocks(html) == [("paragraph", "<p>One.</p><p>Two.</p><p>Three.</p>")]


# Mapping ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("levels", "expected"),
    [
        (["h4", "h1", "h4"], ["h2", "h2", "h2"]),  # the seed's old theme
        (["h2", "h3", "h5", "h6"], ["h2", "h3", "h4", "h4"]),
        (["h3", "h4", "h2"], ["h3", "h4", "h2"]),
        (["h1", "h1"], ["h2", "h2"]),
    ],
)
def test_heading_levels_are_normalised_to_2_to_4(levels, expected):
    html = legacy_page(
        "".join(f"<{level}>Heading {n}</{level}><p>Text.</p>" for n, level in enumerate(levels))
    )
    assert [value["level"] for kind, value in blocks(html) if kind == "heading"] == expected


def test_headings_lose_their_markup_and_a_paragraph_in_a_heading_becomes_bold_text():
    long = "A sentence that someone styled as a heading. " * 4
    html = legacy_page(f"<h2><strong>Bold</strong> <a href='/x/'>heading</a></h2><h3>{long}</h3>")
    assert blocks(html) == [
        ("heading", {"text": "Bold heading", "level": "h2"}),
        ("paragraph", f"<p><b>{long.strip()}</b></p>"),
    ]


def test_paragraphs_lists_bold_italic_and_links_become_rich_text():
    html = legacy_page(
        "<p>Plain, <strong>strong</strong>, <b>bold <em>and italic</em></b>, <i>italic</i>, "
        '<a href="https://e.example/a?x=1&amp;y=2">a <b>link</b></a> and <u>under</u><span>lined</span>.</p>'
        "<ol><li>One</li><li>Two<ul><li>Two and a half</li></ul></li></ol>"
        '<p><span style="font-weight: 700">Docs bold</span> <b style="font-weight:normal">not bold</b></p>'
    )
    assert blocks(html) == [
        (
            "paragraph",
            "<p>Plain, <b>strong</b>, <b>bold <i>and italic</i></b>, <i>italic</i>, "
            '<a href="https://e.example/a?x=1&amp;y=2">a <b>link</b></a> and underlined.</p>'
            "<ol><li>One</li><li>Two<ul><li>Two and a half</li></ul></li></ol>"
            "<p><b>Docs bold</b> not bold</p>",
        )
    ]


@pytest.mark.parametrize(
    "href",
    [
        "javascript:alert(1)",
        " JaVaScRiPt:alert(1)",
        "java\tscript:alert(1)",
        "jav&#x09;ascript:alert(1)",
        "vbscript:msgbox(1)",
        "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
        "file:///etc/passwd",
    ],
)
def test_unsafe_links_are_dropped_and_their_text_kept(href):
    post = parse_post(legacy_page(f'<p>Do not <a href="{href}">click me</a>.</p>'))
    assert post.body == [{"type": "paragraph", "value": "<p>Do not click me.</p>"}]
    assert any(note.startswith("an unsafe link was unlinked") for note in post.notes)


def test_malformed_addresses_are_reported_not_a_crash():
    post = parse_post(
        legacy_page(
            '<p><a href="http://[oops/">Broken</a> link.</p><img src="http://[oops/x.png" alt="Broken">',
            head='<link rel="canonical" href="http://[old.example/post/">',
        ),
        file_name="post.html",
    )
    assert post.body[0] == {"type": "paragraph", "value": "<p>Broken link.</p>"}
    assert (post.legacy_url, post.slug) == ("", "post")
    assert "the page's own address is malformed and was ignored: http://[old.example/post/" in post.notes
    assert "a link with a broken address was unlinked: http://[oops/" in post.notes


def test_links_within_the_old_site_become_paths_that_its_redirects_answer():
    head = '<link rel="canonical" href="https://old.example/2019/05/my-post/">'
    html = legacy_page(
        '<p><a href="/about/">About</a>, <a href="../other-post/">other</a>, <a href="https://old.example/x?y=1#z">x</a>, '
        '<a href="//elsewhere.example/p">there</a>, <a href="#section-2">anchor</a>, <a href="mailto:a@b.example">mail</a></p>',
        head=head,
    )
    assert blocks(html) == [
        (
            "paragraph",
            '<p><a href="/about/">About</a>, <a href="/2019/05/other-post/">other</a>, <a href="/x?y=1#z">x</a>, '
            '<a href="https://elsewhere.example/p">there</a>, anchor, <a href="mailto:a@b.example">mail</a></p>',
        )
    ]


def test_text_that_looks_like_markup_stays_text():
    html = legacy_page("<p>&lt;script&gt;alert('x')&lt;/script&gt; &amp; <b>&lt;b&gt;</b></p>")
    assert blocks(html) == [
        ("paragraph", "<p>&lt;script&gt;alert('x')&lt;/script&gt; &amp; <b>&lt;b&gt;</b></p>")
    ]


def test_unclosed_paragraphs_and_list_items_are_closed_as_a_browser_closes_them():
    html = legacy_page(
        "<p>One<p>Two<h3>Section</h3><p>Three<ul><li>a<li>b</ul>After the list<p>Four",
        lead='<p class="lead">Lead',
    )
    assert blocks(html) == [
        ("paragraph", "<p>One</p><p>Two</p>"),
        ("heading", {"text": "Section", "level": "h2"}),
        ("paragraph", "<p>Three</p><ul><li>a</li><li>b</li></ul><p>After the list</p><p>Four</p>"),
    ]


def test_line_breaks_stay_and_a_double_line_break_ends_a_paragraph():
    html = legacy_page("<div>Roses are red,<br>violets are blue.<br><br>\n<br>A new paragraph.</div>")
    assert blocks(html) == [
        ("paragraph", "<p>Roses are red,<br/>violets are blue.</p><p>A new paragraph.</p>")
    ]


@pytest.mark.parametrize(
    ("quote", "expected"),
    [
        (
            "<blockquote><p>Words.</p><p>More words.</p><cite>Ann Smith</cite></blockquote>",
            ("Words.\nMore words.", "Ann Smith"),
        ),  # fmt: skip
        (
            "<figure><blockquote><p>Words.</p></blockquote><figcaption>— Ann Smith, 2019</figcaption></figure>",
            ("Words.", "Ann Smith, 2019"),
        ),  # fmt: skip
        ("<blockquote><p>Words.</p><p>– Ann Smith</p></blockquote>", ("Words.", "Ann Smith")),
        ("<blockquote>Words <em>said</em> aloud.</blockquote>", ("Words said aloud.", "")),
    ],
)
def test_blockquotes_become_quote_blocks(quote, expected):
    quotes = [value for kind, value in blocks(legacy_page(quote)) if kind == "quote"]
    assert [(q["quote"], q["attribution"]) for q in quotes] == [expected]


def test_tables_are_flattened_and_reported():
    post = parse_post(
        legacy_page("<table><tr><th>Year</th><th>Event</th></tr><tr><td>2019</td><td>Start</td></tr></table>")
    )
    assert post.body == [{"type": "paragraph", "value": "<p>Year | Event</p><p>2019 | Start</p>"}]
    assert "a table was turned into one paragraph per row" in post.notes


# Lead and editor's note -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "lead", "first_block"),
    [
        ('<p class="standfirst">Marked lead.</p><p>Body.</p>', "Marked lead.", "<p>Body.</p>"),
        ("<p><em>An italic intro.</em></p><p>Body.</p>", "An italic intro.", "<p>Body.</p>"),
        ("<p>The first paragraph.</p><p>Body.</p>", "The first paragraph.", "<p>Body.</p>"),
    ],
)
def test_the_lead(content, lead, first_block):
    post = parse_post(legacy_page(content, lead=""))
    assert post.lead == lead
    assert post.body[0]["value"] == first_block


def test_a_first_paragraph_with_links_stays_and_the_description_is_the_lead():
    content = '<p>Starts with <a href="https://e.example/">a link</a>. Then more.</p>'
    head = '<meta name="description" content="What the post is about.">'
    post = parse_post(legacy_page(content, head=head, lead=""))
    assert post.lead == "What the post is about."
    assert "the lead is the page's description" in post.notes
    assert post.body[0]["value"] == '<p>Starts with <a href="https://e.example/">a link</a>. Then more.</p>'


def test_without_a_description_the_lead_is_the_opening_of_a_long_first_paragraph():
    sentence = "This sentence is a good forty-three characters long. "
    head = '<meta name="description" content="An excerpt cut short […]">'
    post = parse_post(legacy_page(f"<p>{sentence * 20}</p>", head=head, lead=""))
    assert post.lead == (sentence * 11).strip()
    assert len(post.lead) <= 600
    assert post.body[0]["value"] == f"<p>{(sentence * 20).strip()}</p>"


def test_the_editors_note():
    for note in ('<div class="editors-note">The views are her own.</div>', '<aside class="post__editor-note">The views are her own.</aside>'):  # fmt: skip
        marked = parse_post(legacy_page(note + "<p>Body.</p>"))
        assert (marked.editor_note, marked.body) == ("The views are her own.", [{"type": "paragraph", "value": "<p>Body.</p>"}])  # fmt: skip
    italic = parse_post(legacy_page("<p><i>The views are her own.</i></p><p>Body.</p>"))
    assert (italic.lead, italic.editor_note) == ("The lead.", "The views are her own.")
    assert italic.body == [{"type": "paragraph", "value": "<p>Body.</p>"}]


# References, reading lists and citations --------------------------------------------------------


def test_a_references_heading_and_its_list_become_a_references_block():
    html = legacy_page(
        "<p>Cited [1] and [2].</p><h3>References:</h3><ol>"
        "<li>1. Ann Smith (2019). <cite>A study</cite>. Journal of Things.</li>"
        '<li><a href="https://e.example/report">The report</a></li>'
        "</ol>"
    )
    assert blocks(html)[1] == (
        "references",
        {
            "heading": "References",
            "entries": [
                {
                    "note": "",
                    "authors": "Ann Smith",
                    "title": "A study",
                    "venue": "Journal of Things",
                    "year": "2019",
                    "url": "",
                },  # fmt: skip
                {
                    "note": "",
                    "authors": "",
                    "title": "The report",
                    "venue": "",
                    "year": "",
                    "url": "https://e.example/report",
                },  # fmt: skip
            ],
        },
    )


def test_a_further_reading_heading_and_its_list_become_a_reading_list():
    html = legacy_page('<p>Text.</p><h2>Further reading</h2><ul><li>Bob Jones, "On reading", 2018.</li></ul>')
    assert blocks(html)[1] == (
        "reading_list",
        {
            "heading": "Further reading",
            "entries": [
                {
                    "note": "",
                    "authors": "Bob Jones",
                    "title": "On reading",
                    "venue": "",
                    "year": "2018",
                    "url": "",
                }
            ],  # fmt: skip
        },
    )


def test_footnote_markers_become_citations_of_their_notes():
    html = legacy_page(
        '<p>One<sup id="r1"><a href="#fn1">1</a></sup>, two<a class="footnote-ref" href="#note-2"><sup>2</sup></a>,'
        ' one again<sup><a href="#fn1">1</a></sup> and an <a href="#elsewhere">anchor</a>.</p>'
        '<h2>Notes</h2><ol><li id="fn1">Ann Smith, <em>First</em>. <a href="#r1">↩</a></li>'
        '<li><a name="note-2"></a>Bob Jones, <em>Second</em>. <a href="#r2" class="footnote-backref">back</a></li></ol>'
    )
    post = parse_post(html)
    assert post.body[0]["value"] == "<p>One[1], two[2], one again[1] and an anchor.</p>"
    entries = post.body[1]["value"]["entries"]
    assert [(e["authors"], e["title"]) for e in entries] == [("Ann Smith", "First"), ("Bob Jones", "Second")]
    assert "3 footnote markers became citations [n]" in post.notes


def test_footnotes_without_a_heading_become_references_named_notes():
    html = legacy_page(
        '<p>Text<sup><a href="#fn:1">1</a></sup>.</p>'
        '<div class="footnotes"><hr><ol><li id="fn:1"><p>Ann Smith, <em>A book</em>, 2001. <a href="#fnref:1">&#8617;</a></p></li></ol></div>'
    )
    post = parse_post(html)
    assert post.body[0]["value"] == "<p>Text[1].</p>"
    assert post.body[1]["type"] == "references"
    assert post.body[1]["value"]["heading"] == "Notes"
    assert post.body[1]["value"]["entries"][0]["year"] == "2001"


def test_a_reference_too_long_to_be_a_title_keeps_the_list_and_the_post_is_refused(blog_index):
    long = "A long remark with no title and no link. " * 10
    post = parse_post(legacy_page(f"<p>Cited [1].</p><h2>Notes</h2><ol><li>{long}</li></ol>"))
    assert [block["type"] for block in post.body] == ["paragraph", "heading", "paragraph"]
    assert 'the references "Notes" was kept as an ordinary list: an entry has no title or link' in post.notes
    # The body refuses a citation without its reference, for an import as for an editor's Publish.
    with pytest.raises(Refused, match=r"not a valid post: body › 0: This paragraph cites \[1\]"):
        save_post(post, parent=blog_index)


# Images and embeds -------------------------------------------------------------------------------


def test_an_image_in_a_data_url_becomes_a_wagtail_image(imported):
    post = imported(WORDPRESS).page
    image_block = next(block for block in post.body if block.block_type == "image")
    value = image_block.value
    assert (value["alt_text"], value["caption"], value["credit"]) == (
        "Swatches of knitted fabric in five colours",
        "Fabric samples on the studio table.",
        "Photo: Troy Nachtigall",
    )
    assert (value["image"].width, value["image"].height) == (32, 18)
    assert value["image"].file_hash
    assert Path(value["image"].file.path).is_file()


def test_an_image_saved_with_the_page_becomes_a_wagtail_image(imported):
    post = imported(HAND_WRITTEN).page
    value = next(block for block in post.body if block.block_type == "image").value
    assert value["alt_text"] == "Students and a teacher at laptops in a classroom"
    assert (value["image"].width, value["image"].height) == (96, 64)


def test_remote_images_are_reported_not_fetched(imported):
    outcome = imported(WORDPRESS)
    assert (
        'a remote image was not fetched: https://cdn.example.net/uploads/2021/09/knit-sensor-1024x683.jpg (caption: "A knitted pressure sensor.")'
        in outcome.notes
    )
    assert Image.objects.count() == 1  # the data: URL's image only


def test_image_files_are_read_only_from_inside_the_imported_folder(tmp_path, blog_index):
    png(tmp_path / "secret" / "private.png")
    png(tmp_path / "site" / "uploads" / "ok.png")
    page = write(
        tmp_path / "site" / "posts",
        "post.html",
        legacy_page(
            '<img src="../../secret/private.png" alt="Outside"><img src="/uploads/ok.png" alt="Inside">'
            '<img src="missing.png" alt="Missing">'
        ),
    )
    outcome = import_file(page, parent=blog_index, root=tmp_path / "site")
    assert [block.value["alt_text"] for block in outcome.page.body] == ["Inside"]
    assert "an image file was not found: ../../secret/private.png" in outcome.notes
    assert "an image file was not found: missing.png" in outcome.notes


def test_the_same_image_is_stored_once(tmp_path, blog_index):
    png(tmp_path / "a.png", "red")
    shutil.copy(tmp_path / "a.png", tmp_path / "copy-of-a.png")
    page = write(
        tmp_path,
        "post.html",
        legacy_page('<img src="a.png" alt="One"><p>Text.</p><img src="copy-of-a.png" alt="Two">'),
    )
    post = import_file(page, parent=blog_index).page
    images = [block.value["image"] for block in post.body if block.block_type == "image"]
    assert len(images) == 2 and images[0] == images[1]
    assert Image.objects.count() == 1


def test_an_image_without_alt_text_gets_its_title_and_a_note(tmp_path, blog_index):
    png(tmp_path / "whiteboard-session.png")
    page = write(tmp_path, "post.html", legacy_page('<img src="whiteboard-session.png">'))
    outcome = import_file(page, parent=blog_index)
    assert next(iter(outcome.page.body)).value["alt_text"] == "whiteboard-session"
    assert any(note.startswith("an image has no alt text") for note in outcome.notes)


def test_what_is_not_an_image_is_left_out(tmp_path, blog_index):
    write(tmp_path, "fake.png", b"not an image at all")
    page = write(
        tmp_path,
        "post.html",
        legacy_page(
            '<img src="fake.png" alt="Fake"><img src="data:image/png;base64,bm90IGFuIGltYWdl" alt="Fake too"><p>Text.</p>'
        ),
    )
    outcome = import_file(page, parent=blog_index)
    assert [block.block_type for block in outcome.page.body] == ["paragraph"]
    assert "not a readable image: fake.png" in outcome.notes
    assert "not a readable image: image.png" in outcome.notes


def test_known_video_iframes_become_embeds_and_others_are_dropped():
    html = legacy_page(
        '<iframe src="https://www.youtube-nocookie.com/embed/abc_123?rel=0"></iframe>'
        '<figure><iframe src="https://player.vimeo.com/video/42"></iframe><figcaption>A talk</figcaption></figure>'
        '<iframe src="https://maps.example.com/embed?q=x"></iframe>'
    )
    post = parse_post(html)
    assert [block["value"] for block in post.body] == [
        {"embed": "https://www.youtube.com/watch?v=abc_123", "caption": ""},
        {"embed": "https://vimeo.com/42", "caption": "A talk"},
    ]
    assert "an iframe from maps.example.com was left out" in post.notes


def test_an_embed_no_finder_knows_becomes_a_link(blog_index):
    outcome = save_post(
        parse_post(legacy_page('<iframe src="https://www.youtube.com/embed/gone"></iframe>')),
        parent=blog_index,
    )
    block = next(iter(outcome.page.body))
    assert block.block_type == "paragraph"
    assert (
        block.value.source
        == '<p><a href="https://www.youtube.com/watch?v=gone">https://www.youtube.com/watch?v=gone</a></p>'
    )
    assert "no embed found for https://www.youtube.com/watch?v=gone: it is a link instead" in outcome.notes


# Refusals -----------------------------------------------------------------------------------------


BAD_FILES = {
    "huge.html": (legacy_page("<p>x</p>" + " " * MAX_FILE_BYTES), "too large: 5.0 MB (the limit is 5 MB)"),
    "image.html": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10", "binary file, not HTML"),
    "controls.html": ("<p>" + "\x01\x02\x03" * 20 + "</p>", "binary file, not HTML"),
    "empty.html": ("  \n", "empty file"),
    "notes.html": ("Just some notes, no markup at all.", "not HTML: the file has no markup"),
    "cut-short.html": (
        legacy_page().replace("</article>", ""),
        "malformed HTML: an <article> is never closed",
    ),
    "truncated.html": (
        "<html><head><title>Half a page</title></head><body><p>And then",
        "malformed HTML: the page stops before </html> (cut short?)",
    ),  # fmt: skip
    "tangled.html": (
        "<html><body><h1>Deep</h1>" + "<div>" * 300 + "text" + "</div>" * 300 + "</body></html>",
        "malformed HTML: elements nested more than 200 deep (unclosed tags?)",
    ),  # fmt: skip
    "untitled.html": (
        "<html><body><p>Text without a title.</p></body></html>",
        "no title: the page has no og:title, <h1> or <title>",
    ),  # fmt: skip
    "contentless.html": (
        '<html><head><title>A title</title></head><body><nav><a href="/">Home</a></nav></body></html>',
        "no content: the page has no article text",
    ),  # fmt: skip
}


def test_markup_in_scripts_and_comments_is_not_taken_for_unclosed_tags():
    html = legacy_page(
        after="<script>document.write('<article>');</script><!-- <main> was here -->",
    )
    assert parse_post(html).title == "A legacy post"


@pytest.mark.parametrize("name", BAD_FILES)
def test_files_that_are_not_a_post_are_refused_with_a_reason(name, tmp_path, blog_index):
    content, reason = BAD_FILES[name]
    with pytest.raises(Refused) as refusal:
        import_file(write(tmp_path, name, content), parent=blog_index)
    assert str(refusal.value) == reason


def test_the_command_refuses_bad_files_one_line_each_and_imports_the_rest(tmp_path, blog_index):
    for name, (content, _) in BAD_FILES.items():
        write(tmp_path, name, content)
    shutil.copy(SEED, tmp_path)
    output = io.StringIO()
    with pytest.raises(CommandError, match=f"{len(BAD_FILES)} of {len(BAD_FILES) + 1} file") as error:
        call_command("import_posts", str(tmp_path), stdout=output)
    assert error.value.returncode == 1
    lines = output.getvalue().splitlines()
    for name, (_, reason) in BAD_FILES.items():
        [line] = [line for line in lines if f" {tmp_path / name}: " in line]
        assert re.fullmatch(rf"\[\d+/11\] refused {re.escape(f'{tmp_path / name}: {reason}')}", line)
    assert "Traceback" not in output.getvalue()
    assert BlogPage.objects.get().title == demo.SEED_POST["title"]


def test_a_file_that_fails_leaves_nothing_behind(tmp_path, blog_index):
    html = legacy_page(
        '<p>Cites [5].</p><figure><img src="data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAACAAAAASCAIAAAC1qksFAAAAJElEQVR42mOsss5koCVgYqAxGLVg1IJRC0YtGLVg1AIGBgYGAB5/AULiO1yGAAAAAElFTkSuQmCC" alt="A swatch"></figure>'
        "<h2>References</h2><ol><li><cite>Only one</cite></li></ol>",
        head='<meta name="author" content="A New Author"><meta property="article:tag" content="A new category">'
        '<link rel="canonical" href="https://old.example/a-post/">',
    )
    before, files = counts(), media_files()
    with pytest.raises(Refused, match=r"This paragraph cites \[5\], but the references list has 1 entry"):
        import_file(write(tmp_path, "post.html", html), parent=blog_index)
    assert counts() == before
    assert media_files() == files


def test_a_block_the_model_refuses_is_named_in_the_reason(blog_index):
    post = parse_post(legacy_page())
    post.body = [{"type": "heading", "value": {"text": "x" * 200, "level": "h2"}}]
    with pytest.raises(Refused) as refusal:
        save_post(post, parent=blog_index)
    assert str(refusal.value) == (
        "not a valid post: body › 0 › text: Ensure this value has at most 160 characters (it has 200)."
    )
    assert BlogPage.objects.count() == 0


# Re-importing -------------------------------------------------------------------------------------


def test_reimporting_a_file_changes_nothing(imported):
    first = imported(SEED)
    before = counts()
    again = imported(SEED)
    assert (again.action, again.page.pk, again.notes) == (
        "skipped",
        first.page.pk,
        ["unchanged since the last import"],
    )
    assert counts() == before


def test_reimporting_a_changed_file_updates_its_post(imported, tmp_path):
    first = imported(SEED).page
    changed = SEED.read_text(encoding="utf-8").replace("05 November 2020", "06 November 2020")
    changed = changed.replace("reach out.", "get in touch.")
    again = imported(write(tmp_path, "renamed-file.html", changed))
    assert (again.action, again.page.pk) == ("updated", first.pk)
    post = BlogPage.objects.get()
    assert post.date.isoformat() == "2020-11-06"
    assert "get in touch." in post.body[8].value.source
    assert post.revisions.count() == 2
    assert Redirect.objects.count() == 1


def test_a_post_whose_slug_changed_is_still_found_by_its_old_address(imported):
    post = imported(WORDPRESS).page
    post.slug = "fashion-and-data"
    post.save_revision().publish()
    outcome = imported(WORDPRESS)
    assert (outcome.action, outcome.page.pk) == ("skipped", post.pk)
    assert BlogPage.objects.count() == 1


def test_a_post_edited_in_wagtail_is_not_overwritten(imported, tmp_path, django_user_model):
    post = imported(SEED).page
    post.lead = "An editor's better lead."
    post.save_revision(user=django_user_model.objects.create_user("editor")).publish()
    changed = write(
        tmp_path, "seed.html", SEED.read_text(encoding="utf-8").replace("reach out.", "get in touch.")
    )
    outcome = imported(changed)
    assert outcome.action == "skipped"
    assert outcome.notes[0].startswith("edited in Wagtail since it was imported")
    assert BlogPage.objects.get().lead == "An editor's better lead."


def test_without_an_old_address_the_slug_is_the_key(imported, tmp_path):
    first = imported(HAND_WRITTEN).page
    assert imported(HAND_WRITTEN).action == "skipped"
    changed = HAND_WRITTEN.read_text(encoding="utf-8").replace("twelve weeks", "ten weeks")
    outcome = imported(write(tmp_path, HAND_WRITTEN.name, changed))
    assert (outcome.action, outcome.page.pk) == ("updated", first.pk)
    assert Redirect.objects.count() == 0


def test_another_post_with_the_same_slug_is_never_overwritten(imported, blog_index):
    existing = BlogPageFactory(
        parent=blog_index, title="Someone else's post", slug="data-as-a-material-for-fashion"
    )
    outcome = imported(WORDPRESS)
    assert outcome.action == "created"
    assert outcome.page.slug == "data-as-a-material-for-fashion-2"
    assert BlogPage.objects.get(pk=existing.pk).title == "Someone else's post"
    assert imported(WORDPRESS).page.pk == outcome.page.pk  # found again by its old address


# Dry run ------------------------------------------------------------------------------------------


def test_a_dry_run_changes_nothing_and_says_what_it_would_do(blog_index):
    before, files = counts(), media_files()
    output = run(PAGES, "--dry-run")
    assert counts() == before
    assert media_files() == files
    assert Embed.objects.count() == 0
    assert f"[1/4] would create {SEED}: “{demo.SEED_POST['title']}” → /blog/ai-research-with-china-to-collaborate-or-not-to-collaborate-is-that-the-question/" in output  # fmt: skip
    assert "    - an image would be stored: an image in a data: URL" in output
    assert "4 file(s): 4 would create, 0 would update, 0 skipped, 0 refused" in output
    assert output.rstrip().endswith("Dry run: nothing was saved.")


def test_a_dry_run_over_imported_posts_says_which_it_would_update(blog_index, tmp_path):
    run(SEED)
    write(tmp_path, SEED.name, SEED.read_text(encoding="utf-8").replace("reach out.", "get in touch."))
    before = counts()
    assert f"[1/1] would update {tmp_path / SEED.name}" in run(tmp_path, "--dry-run")
    assert counts() == before


# Redirects ----------------------------------------------------------------------------------------


def test_the_old_address_redirects_to_the_new_post(imported, client):
    post = imported(WORDPRESS).page
    response = client.get("/2021/09/13/data-as-a-material-for-fashion/")
    assert response.status_code == 301
    assert response["Location"] == post.url
    assert Redirect.objects.get().is_permanent


def test_no_redirect_when_the_old_address_is_the_new_one(blog_index):
    head = '<link rel="canonical" href="https://old.example/blog/same-address/">'
    outcome = save_post(parse_post(legacy_page(head=head)), parent=blog_index)
    assert outcome.page.url == "/blog/same-address/"
    assert Redirect.objects.count() == 0
    assert save_post(parse_post(legacy_page(head=head)), parent=blog_index).action == "skipped"


def test_a_canonical_address_that_is_the_home_page_is_ignored():
    post = parse_post(
        legacy_page(head='<link rel="canonical" href="https://old.example/">'), file_name="my-post.html"
    )
    assert (post.legacy_url, post.slug) == ("", "my-post")
    assert "the page names the site's home page as its address; no redirect is made" in post.notes


def test_an_old_address_that_already_redirects_elsewhere_is_refused(imported, home_page):
    Redirect.add_redirect("/2021/09/13/data-as-a-material-for-fashion", redirect_to=home_page)
    with pytest.raises(Refused, match="already redirects to Amsterdam Data Science, which is not a post"):
        imported(WORDPRESS)


# Publishing ---------------------------------------------------------------------------------------


def test_posts_are_published_unless_drafts_are_asked_for(blog_index):
    run(SEED, "--draft")
    draft = BlogPage.objects.get()
    assert not draft.live and draft.has_unpublished_changes and draft.revisions.count() == 1
    run(SEED)
    assert BlogPage.objects.get().live


# The command --------------------------------------------------------------------------------------


def test_the_command_reports_each_file_as_it_goes_and_the_totals(blog_index):
    output = run(PAGES).splitlines()
    assert output[0] == 'Importing 4 file(s) under "Blog" (publishing).'
    assert [line.split(" ", 2)[:2] for line in output if line.startswith("[")] == [
        ["[1/4]", "created"],
        ["[2/4]", "created"],
        ["[3/4]", "created"],
        ["[4/4]", "created"],
    ]
    assert "    - redirect from /2021/09/13/data-as-a-material-for-fashion" in output
    assert re.fullmatch(
        r"4 file\(s\): 4 created, 0 updated, 0 skipped, 0 refused \(\d+\.\d s\)\.", output[-1]
    )
    assert BlogPage.objects.live().count() == 4


def test_a_folder_means_the_html_files_in_it(tmp_path, blog_index):
    shutil.copy(SEED, tmp_path / "one.html")
    shutil.copy(HAND_WRITTEN, tmp_path / "two.HTM")
    write(tmp_path, "notes.txt", "<html><body><h1>Not a page to import</h1><p>x</p></body></html>")
    shutil.copy(JEKYLL, write(tmp_path, "sub/.keep", "").parent / "nested.html")
    output = run(tmp_path)
    assert "2 file(s): 2 created" in output
    assert BlogPage.objects.count() == 2


def test_missing_paths_and_empty_folders_are_refused(tmp_path, blog_index):
    (tmp_path / "empty").mkdir()
    output = io.StringIO()
    with pytest.raises(CommandError) as error:
        call_command("import_posts", str(tmp_path / "empty"), str(tmp_path / "nowhere.html"), stdout=output)
    assert error.value.returncode == 1
    assert f"refused {tmp_path / 'empty'}: no .html files in this folder" in output.getvalue()
    assert f"refused {tmp_path / 'nowhere.html'}: no such file or folder" in output.getvalue()


def test_the_parent_option(blog_index, home_page):
    second = BlogIndexPageFactory(parent=home_page, title="News", slug="news")
    with pytest.raises(CommandError, match=rf"several blog indexes \(ids {blog_index.pk}, {second.pk}\)"):
        run(SEED)
    with pytest.raises(CommandError, match=f"Page {home_page.pk} is not a blog index"):
        run(SEED, "--parent", home_page.pk)
    run(SEED, "--parent", second.pk)
    assert BlogPage.objects.child_of(second).count() == 1


def test_without_a_blog_index_the_command_says_so(db):
    BlogIndexPage.objects.all().delete()
    with pytest.raises(CommandError, match="There is no blog index"):
        run(SEED)


def test_an_unexpected_error_is_one_line_unless_a_traceback_is_asked_for(blog_index, monkeypatch):
    def broken(*args, **kwargs):
        raise ValueError("something nobody expected")

    monkeypatch.setattr(saving, "parse_post", broken)
    output = io.StringIO()
    with pytest.raises(CommandError):
        call_command("import_posts", str(SEED), stdout=output)
    assert f"refused {SEED}: unexpected error (ValueError: something nobody expected)" in output.getvalue()
    with pytest.raises(ValueError, match="something nobody expected"):
        call_command("import_posts", str(SEED), "--traceback", stdout=io.StringIO())


def test_image_files_can_be_read_from_a_saved_copy_of_the_old_site(tmp_path, blog_index):
    png(tmp_path / "wp-content" / "uploads" / "photo.png")
    head = '<link rel="canonical" href="https://old.example/2020/01/post/">'
    page = write(tmp_path / "2020" / "01" / "post", "index.html", legacy_page('<img src="https://old.example/wp-content/uploads/photo.png" alt="A photo">', head=head))  # fmt: skip
    post = import_file(page, parent=blog_index, root=tmp_path).page
    assert next(iter(post.body)).value["alt_text"] == "A photo"
    assert post.slug == "post"
