"""The page's addresses on the new site: links made safe (unsafe ones unlinked, the old site's own
as paths its redirects catch), where each image is, and which iframes become embeds.
"""

import re
from dataclasses import dataclass
from urllib.parse import SplitResult, urljoin, urlsplit, urlunsplit

# Browsers ignore these anywhere in a URL, which "java\tscript:" relies on, and control
# characters and spaces at either end.
URL_IGNORED = re.compile(r"[\t\n\r]|^[\x00-\x20]+|[\x00-\x20]+$")


SAFE_SCHEMES = {"", "http", "https", "mailto", "tel"}


# Iframes worth keeping, as the address of the page Wagtail's embed finders know.
EMBED_PATTERNS = [
    (re.compile(r"^(?:www\.)?youtube(?:-nocookie)?\.com$"), re.compile(r"^/embed/([\w-]+)"), "https://www.youtube.com/watch?v={}"),
    (re.compile(r"^player\.vimeo\.com$"), re.compile(r"^/video/(\d+)"), "https://vimeo.com/{}"),
]  # fmt: skip


@dataclass(frozen=True)
class ImageSource:
    """Where one of the page's images is: in a data: URL, in a file saved with the page, or on the web."""

    kind: str  # "data", "local" or "remote"
    ref: str  # the data: URL, the path as the page writes it, or the absolute URL

    def __str__(self):
        return "an image in a data: URL" if self.kind == "data" else self.ref


class _Links:
    """Makes the page's link and image addresses safe, and meaningful on the new site."""

    def __init__(self, base_url: str, notes: list[str]):
        parts = _split(base_url)
        absolute = parts.scheme in ("http", "https") and parts.netloc
        self.base = base_url if absolute else ""
        self.host = parts.netloc.lower() if absolute else ""
        self.notes = notes

    def _absolute(self, url: str) -> str:
        if self.base:
            try:
                return urljoin(self.base, url)
            except ValueError:  # a malformed address, such as "http://[oops"
                return ""
        return "https:" + url if url.startswith("//") else url

    def href(self, raw: str | None) -> str | None:
        """The address to link to, or None when the link should go and its text stay."""
        if raw is None:
            return None
        url = URL_IGNORED.sub("", raw)
        # In-page anchors point at ids the new page does not have.
        if not url or url.startswith("#"):
            return None
        parts = _split(self._absolute(url))
        if not parts.geturl():
            self.notes.append(f"a link with a broken address was unlinked: {raw[:80]}")
            return None
        if parts.scheme.lower() not in SAFE_SCHEMES:
            self.notes.append(f"an unsafe link was unlinked: {raw[:80]}")
            return None
        if parts.scheme.lower() in ("mailto", "tel"):
            return url
        if self.host and parts.netloc.lower() == self.host:
            # A link within the old site: as a path, it reaches the imported post through its redirect.
            return urlunsplit(("", "", parts.path or "/", parts.query, parts.fragment))
        return urlunsplit(parts)

    def image(self, raw: str) -> ImageSource:
        if raw[:5].lower() == "data:":
            return ImageSource("data", raw)
        url = URL_IGNORED.sub("", raw)
        absolute = self._absolute(url)
        parts = _split(absolute)
        if not parts.scheme:
            return ImageSource("local", url)
        if self.host and parts.netloc.lower() == self.host:
            # On the old site: saved with the page, or in a saved copy of the site.
            return ImageSource("local", url if not _split(url).netloc else parts.path)
        return ImageSource("remote", absolute)


def _split(url: str) -> SplitResult:
    """``urlsplit``, except that a malformed address ("http://[oops") reads as an empty one."""
    try:
        return urlsplit(url)
    except ValueError:
        return urlsplit("")


def _embed_url(src: str) -> str | None:
    src = src.strip()
    if src.startswith("//"):
        src = "https:" + src
    parts = _split(src)
    for host, path, url in EMBED_PATTERNS:
        match = path.match(parts.path)
        if host.match(parts.netloc.lower()) and match:
            return url.format(match[1])
    return None
