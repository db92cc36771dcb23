"""The post page's own front-end weight: every stylesheet and script it loads, as the files are
served (before compression), stays under 50 KB; and nothing comes from another origin."""

from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders

from .conftest import soup_of

BUDGET_BYTES = 50 * 1024


def static_file(url: str) -> Path:
    """The file behind a /static/… address, wherever the static files finders find it."""
    assert url.startswith(settings.STATIC_URL), f"{url} is not one of the site's static files"
    path = finders.find(url.removeprefix(settings.STATIC_URL))
    assert path, f"{url} is referenced but no such static file exists"
    return Path(path)


def test_post_page_css_and_js_stay_under_50_kb(demo, client):
    soup = soup_of(client.get(demo.url))
    stylesheets = [link["href"] for link in soup.find_all("link", rel="stylesheet")]
    scripts = [script["src"] for script in soup.find_all("script", src=True)]
    assert stylesheets, "the page has no stylesheet: the check would prove nothing"
    files = {url: static_file(url).stat().st_size for url in stylesheets + scripts}
    inline = sum(
        len(element.encode_contents())
        for element in soup.find_all(["style", "script"])
        if not element.get("src") and element.get("type") != "application/ld+json"
    )
    total = sum(files.values()) + inline
    assert total < BUDGET_BYTES, f"{total} bytes of CSS and JavaScript: {files}, inline {inline}"


def test_post_page_loads_nothing_from_another_origin(demo, client):
    soup = soup_of(client.get(demo.url))
    # Links the browser fetches (not canonical or alternate addresses, which only name pages).
    fetched = {"stylesheet", "icon", "preload", "modulepreload", "manifest", "apple-touch-icon"}
    addresses = [link["href"] for link in soup.find_all("link") if fetched & set(link.get("rel", []))]
    addresses += [element["src"] for element in soup.find_all(["script", "img", "iframe"], src=True)]
    addresses += [
        candidate.split()[0]
        for element in soup.find_all(["img", "source"], srcset=True)
        for candidate in element["srcset"].split(",")
    ]
    assert addresses
    elsewhere = [url for url in addresses if urlsplit(url).netloc]
    assert not elsewhere, f"Loaded from another origin: {elsewhere}"
