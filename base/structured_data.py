"""schema.org nodes (JSON-LD) that every page can carry: the publisher, the website with its
search box, breadcrumbs and images. A page adds its own node with ``structured_data()`` (a blog
post is a BlogPosting); base_tags.page_meta puts them together in one @graph.
"""

SCHEMA_CONTEXT = "https://schema.org"


def image_object(image: dict) -> dict:
    """An ImageObject from a rendition's absolute url, width and height."""
    return {"@type": "ImageObject", "url": image["url"], "width": image["width"], "height": image["height"]}


def organization(*, name: str, origin: str, logo: dict | None) -> dict:
    """The site's publisher; ``logo`` as for ``image_object`` (Settings → Search and sharing)."""
    node = {"@type": "Organization", "@id": f"{origin}/#organization", "name": name, "url": f"{origin}/"}
    if logo:
        node["logo"] = image_object(logo)
    return node


def website(*, name: str, origin: str, search_url: str, publisher: dict) -> dict:
    """The site itself, with the search box search engines may show under its name."""
    return {
        "@type": "WebSite",
        "@id": f"{origin}/#website",
        "name": name,
        "url": f"{origin}/",
        "publisher": {"@id": publisher["@id"]},
        "potentialAction": {
            "@type": "SearchAction",
            "target": {"@type": "EntryPoint", "urlTemplate": f"{search_url}?query={{search_term_string}}"},
            "query-input": "required name=search_term_string",
        },
    }


def breadcrumb_list(crumbs: list[tuple[str, str]]) -> dict:
    """A BreadcrumbList of (name, absolute url) pairs, from the home page to the page shown."""
    return {
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": position, "name": name, "item": url}
            for position, (name, url) in enumerate(crumbs, start=1)
        ],
    }


def graph(nodes: list[dict]) -> dict:
    return {"@context": SCHEMA_CONTEXT, "@graph": nodes}
