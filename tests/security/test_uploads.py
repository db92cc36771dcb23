"""Uploads in the admin: only expected types, size and pixel limits, and no corrupt image saved.

Both image upload paths are tried: the single "Add an image" form and the multiple uploader,
which answers in JSON. A refusal is a form error, never a 500.
"""

import io
import struct
import zlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection

pytestmark = pytest.mark.django_db

Image = get_image_model()
Document = get_document_model()


def png_bytes(size=(40, 30), mode="RGB") -> bytes:
    buffer = io.BytesIO()
    PILImage.new(mode, size).save(buffer, "PNG")
    return buffer.getvalue()


def truncated_png() -> bytes:
    """A real PNG cut short: its header (and so its size and format) read fine."""
    data = png_bytes((400, 300))
    return data[: len(data) // 2]


def png_declaring(width: int, height: int) -> bytes:
    """A tiny PNG whose header claims width x height pixels: a decompression bomb's signature."""
    data = bytearray(png_bytes((1, 1)))
    ihdr = bytearray(data[12:29])  # chunk type and 13 bytes of data
    ihdr[4:12] = struct.pack(">II", width, height)
    data[12:29] = ihdr
    data[29:33] = struct.pack(">I", zlib.crc32(bytes(ihdr)))
    return bytes(data)


HTML_AS_PNG = b"<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"
SVG = b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>'


def add_image(client, name, content):
    return client.post(
        "/admin/images/add/",
        {
            "title": "Upload",
            "file": SimpleUploadedFile(name, content),
            "collection": Collection.get_first_root_node().pk,
        },
    )


def upload_images(client, name, content):
    return client.post("/admin/images/multiple/add/", {"files[]": SimpleUploadedFile(name, content)})


def form_errors(response) -> str:
    assert response.status_code == 200
    return " ".join(str(error) for error in response.context["form"].errors.get("file", []))


BAD_IMAGES = [
    ("truncated.png", truncated_png(), "damaged or incomplete"),
    ("page.png", HTML_AS_PNG, "does not match the file format"),
    ("bomb.png", png_declaring(30_000, 30_000), "too many pixels"),
    # 64 million pixels, under Pillow's own limit, over WAGTAILIMAGES_MAX_IMAGE_PIXELS (40 million).
    ("big.png", png_bytes((8_000, 8_000), mode="1"), "too many pixels"),
    ("drawing.svg", SVG, "Not a supported image format"),
    ("setup.exe", b"MZ\x90\x00" + b"\x00" * 60, "not an image"),
]


@pytest.mark.parametrize(("name", "content", "message"), BAD_IMAGES, ids=[bad[0] for bad in BAD_IMAGES])
def test_add_image_refuses_bad_files_with_a_message(admin_client, name, content, message):
    response = add_image(admin_client, name, content)
    assert message in form_errors(response)
    assert not Image.objects.exists()


@pytest.mark.parametrize(("name", "content", "message"), BAD_IMAGES, ids=[bad[0] for bad in BAD_IMAGES])
def test_multiple_upload_refuses_bad_files_with_a_message(admin_client, name, content, message):
    response = upload_images(admin_client, name, content)
    assert response.status_code == 200
    answer = response.json()
    assert answer["success"] is False
    assert message in answer["error_message"]
    assert not Image.objects.exists()


def test_add_image_accepts_a_valid_image(admin_client):
    response = add_image(admin_client, "photo.png", png_bytes())
    assert response.status_code == 302
    image = Image.objects.get()
    assert (image.width, image.height) == (40, 30)
    assert image.get_rendition("fill-20x20").width == 20


def test_multiple_upload_accepts_a_valid_image(admin_client):
    response = upload_images(admin_client, "photo.png", png_bytes())
    assert response.status_code == 200
    assert response.json()["success"] is True
    assert Image.objects.get().width == 40


def test_an_image_too_large_in_bytes_is_refused(admin_client, settings):
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 100
    response = add_image(admin_client, "photo.png", png_bytes((200, 200)))
    assert "This file is too big" in form_errors(response)


def test_editing_an_image_without_a_new_file_still_saves(admin_client):
    upload_images(admin_client, "photo.png", png_bytes())
    image = Image.objects.get()
    response = admin_client.post(
        f"/admin/images/{image.pk}/",
        {"title": "Renamed", "collection": image.collection_id},
    )
    assert response.status_code == 302
    image.refresh_from_db()
    assert image.title == "Renamed"


BAD_DOCUMENTS = [("setup.exe", b"MZ\x90\x00"), ("drawing.svg", SVG), ("page.html", HTML_AS_PNG)]


@pytest.mark.parametrize(("name", "content"), BAD_DOCUMENTS, ids=[bad[0] for bad in BAD_DOCUMENTS])
def test_documents_of_unexpected_types_are_refused(admin_client, name, content):
    single = admin_client.post(
        "/admin/documents/add/",
        {
            "title": "Upload",
            "file": SimpleUploadedFile(name, content),
            "collection": Collection.get_first_root_node().pk,
        },
    )
    assert single.status_code == 200
    assert "File extension" in str(single.context["form"].errors["file"])
    multiple = admin_client.post(
        "/admin/documents/multiple/add/", {"files[]": SimpleUploadedFile(name, content)}
    )
    assert multiple.json()["success"] is False
    assert "File extension" in multiple.json()["error_message"]
    assert not Document.objects.exists()


def test_a_pdf_document_is_accepted(admin_client):
    response = admin_client.post(
        "/admin/documents/multiple/add/", {"files[]": SimpleUploadedFile("report.pdf", b"%PDF-1.4\n%%EOF\n")}
    )
    assert response.json()["success"] is True
    assert Document.objects.get().file.name.endswith(".pdf")
