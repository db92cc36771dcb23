"""The body's images and embeds made real: images read from data: URLs and from files saved with
the page (never fetched from the web) and stored as Wagtail images, or found in the library when
it holds the same file; embeds checked with Wagtail's embed finders, a link where none answers.
"""

import base64
import binascii
import hashlib
import html
import io
import re
from pathlib import Path
from urllib.parse import unquote, unquote_to_bytes

from django.conf import settings
from django.core.files.images import ImageFile
from django.utils.text import slugify
from PIL import Image as PILImage
from wagtail.embeds import embeds
from wagtail.embeds.exceptions import EmbedException
from wagtail.images import get_image_model

from .elements import WHITESPACE
from .limits import ALT_MAX
from .links import ImageSource, _split

IMAGE_FORMATS = {"JPEG": "jpg", "PNG": "png", "GIF": "gif", "WEBP": "webp"}


DATA_URL = re.compile(
    r"^data:(?P<type>[\w/+.-]*)(?P<params>(?:;[^,;]*)*),(?P<data>.*)$", re.DOTALL | re.IGNORECASE
)


class _Skipped(Exception):
    """An image that cannot be imported; the message says why."""


class ImageFiles:
    """Reads a page's images from data: URLs and from files saved with the page. Never from the web.

    Relative paths are read from the page's folder, paths that start with "/" from ``root``
    (the folder the import was given, such as a saved copy of the old site), and nothing
    from outside ``root``.
    """

    def __init__(self, folder: Path | None = None, root: Path | None = None):
        """Without a folder, only data: URLs can be read."""
        self.folder = folder.resolve() if folder else None
        self.root = (root or folder).resolve() if folder else None

    def read(self, source: ImageSource) -> tuple[bytes, str]:
        if source.kind == "data":
            return _data_url(source.ref)
        if source.kind == "remote":
            raise _Skipped(f"a remote image was not fetched: {source.ref}")
        if self.folder is None:
            raise _Skipped(f"an image file was not found: {source.ref}")
        path = unquote(_split(source.ref).path)
        candidate = (self.root / path.lstrip("/") if path.startswith("/") else self.folder / path).resolve()
        if not candidate.is_relative_to(self.root) or not candidate.is_file():
            raise _Skipped(f"an image file was not found: {source.ref}")
        if candidate.stat().st_size > settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE:
            raise _Skipped(f"an image file is too large: {source.ref}")
        return candidate.read_bytes(), candidate.name


def _data_url(url: str) -> tuple[bytes, str]:
    match = DATA_URL.match(url)
    if not match or not match["type"].lower().startswith("image/"):
        raise _Skipped("a data: URL that holds no image was left out")
    try:
        if ";base64" in match["params"].lower():
            data = base64.b64decode(WHITESPACE.sub("", match["data"]), validate=True)
        else:
            data = unquote_to_bytes(match["data"])
    except (binascii.Error, ValueError) as error:
        raise _Skipped("an image in a broken data: URL was left out") from error
    return data, "image." + match["type"].split("/")[-1].split("+")[0]


def _store_image(data: bytes, name: str, title: str, *, dry_run: bool, stored: list):
    """The Wagtail image for these bytes: an existing one with the same content, else a new one
    (None in a dry run, which stores nothing)."""
    try:
        with PILImage.open(io.BytesIO(data)) as picture:
            image_format, (width, height) = picture.format, picture.size
            picture.verify()
    except (OSError, SyntaxError, ValueError, PILImage.DecompressionBombError) as error:
        raise _Skipped(f"not a readable image: {name}") from error
    extension = IMAGE_FORMATS.get(image_format or "")
    if extension not in getattr(settings, "WAGTAILIMAGES_EXTENSIONS", IMAGE_FORMATS.values()):
        raise _Skipped(f"{image_format or 'this'} images are not accepted: {name}")
    if width * height > getattr(settings, "WAGTAILIMAGES_MAX_IMAGE_PIXELS", 128_000_000):
        raise _Skipped(f"an image has too many pixels: {name}")
    Image = get_image_model()
    # Wagtail's own "duplicate image" check compares the same SHA-1 hash.
    file_hash = hashlib.sha1(data, usedforsecurity=False).hexdigest()
    existing = Image.objects.filter(file_hash=file_hash).first()
    if existing is not None or dry_run:
        return existing
    stem = slugify(Path(name).stem)[:60] or "image"
    image = Image(title=title[:255], file=ImageFile(io.BytesIO(data), name=f"{stem}.{extension}"))
    image.file_hash = file_hash
    image.file_size = len(data)
    image.save()
    stored.append(image)
    return image


def _resolved_body(body: list[dict], images: ImageFiles, *, dry_run: bool, stored: list, notes: list) -> list:
    """The body with images stored (or found) and embeds checked with Wagtail's embed finders."""
    resolved = []
    for block in body:
        if block["type"] == "image":
            value = dict(block["value"])
            source = value["image"]
            try:
                data, name = images.read(source)
                image = _store_image(
                    data, name, value["alt_text"] or Path(name).stem, dry_run=dry_run, stored=stored
                )
            except _Skipped as skipped:
                caption = f' (caption: "{value["caption"]}")' if value["caption"] else ""
                notes.append(f"{skipped}{caption}")
                continue
            if image is None:
                notes.append(f"an image would be stored: {source}")
                continue
            if not value["alt_text"]:
                value["alt_text"] = image.title[:ALT_MAX]
                notes.append(
                    f'an image has no alt text; its title "{image.title}" stands in: describe it in Wagtail'
                )
            resolved.append({"type": "image", "value": {**value, "image": image.pk}})
        elif block["type"] == "embed":
            url = block["value"]["embed"]
            try:
                embeds.get_embed(url)
            except EmbedException:
                notes.append(f"no embed found for {url}: it is a link instead")
                text = html.escape(block["value"]["caption"] or url, quote=False)
                resolved.append(
                    {"type": "paragraph", "value": f'<p><a href="{html.escape(url)}">{text}</a></p>'}
                )
                continue
            resolved.append(block)
        else:
            resolved.append(block)
    return resolved
