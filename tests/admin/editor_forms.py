"""The post editor's forms as the browser posts them, and the errors the editor sees."""

import json

from django.urls import reverse
from wagtail.test.utils.form_data import (
    inline_formset,
    nested_form_data,
    querydict_from_html,
    rich_text,
    streamfield,
)

from blog.blocks import PARAGRAPH_FEATURES

from ..conftest import soup_of


def add_url(blog_index) -> str:
    return reverse("wagtailadmin_pages:add", args=["blog", "blogpage", blog_index.pk])


def edit_url(page) -> str:
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def new_post(author, *, body=(), related=()) -> dict:
    """The add form as the browser posts it, with Publish pressed (a draft defers some checks)."""
    return nested_form_data(
        {
            "title": "Written by an editor",
            "slug": "written-by-an-editor",
            "date": "2024-05-01",
            "post_authors": inline_formset([{"author": author.pk}], min=1),
            "lead": "The lead of the post.",
            "editor_note": "",
            "listing_image": "",
            "body": streamfield(list(body)),
            "related_post_links": inline_formset([{"related_post": p.pk} for p in related], max=3),
            "comments": inline_formset([]),
        }
    ) | {"action-publish": "action-publish"}


def edit_form(client, page, body) -> dict:
    """The edit form's fields as the page shows them; the body's inputs are made by JavaScript."""
    data = querydict_from_html(client.get(edit_url(page)).content.decode(), form_id="page-edit-form")
    data.update(nested_form_data({"body": streamfield(body)}))
    return data


def paragraph(html: str):
    return ("paragraph", rich_text(html, features=PARAGRAPH_FEATURES))


def block_error_messages(response) -> list[str]:
    """The StreamField errors the editor sees: the page passes them to its JavaScript as JSON."""
    messages = []

    def collect(node):
        if isinstance(node, dict):
            messages.extend(node.get("messages", []))
            for value in node.values():
                collect(value)
        elif isinstance(node, list):
            for item in node:
                collect(item)

    for element in soup_of(response).select("[data-w-block-arguments-value]"):
        _value, *errors = json.loads(element["data-w-block-arguments-value"])
        collect(errors)
    return messages


def body_errors(response) -> dict:
    """The body's errors as its editor draws them: ``messages`` above the blocks, and each
    block's own under ``blockErrors`` by the block's place in the body."""
    element = soup_of(response).select_one("#body[data-w-block-arguments-value]")
    _value, errors = json.loads(element["data-w-block-arguments-value"])
    return errors or {}
