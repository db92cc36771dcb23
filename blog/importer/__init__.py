"""Turn saved pages of the old site into blog posts.

Reading and writing are separate. ``parse_post`` reads one HTML page and returns a
``LegacyPost``: plain data, no database. ``save_post`` writes one as a BlogPage in a single
transaction. ``import_file`` does both for a file on disk; ``manage.py import_posts`` reports.

The old pages come from more than one blog engine and from hand-written HTML, so the reader
relies on the signals such pages carry (Open Graph and article meta tags, ``<article>``,
``rel`` links, the class names blog engines share) rather than on one site's markup.

A page goes through these modules in order; each imports only the ones before it:

- ``html_file``: the file read, decoded and parsed into an HTML tree, tags closed where a
  browser closes them; or refused (too large, binary, cut short).
- ``article``: the element that holds the post, the one that holds its text, and the site's
  chrome (menus, sidebars, "Read more", "Previous post") taken out of that text.
- ``meta``: the title, date, authors and categories.
- ``lead``: the lead and the editor's note.
- ``links``: links made safe, where each image is, which iframes become embeds.
- ``references``: references and reading lists set aside, footnote markers made citations,
  each entry split into authors, title, venue, year and URL.
- ``body``: the text as StreamField blocks.
- ``post``: ``parse_post``, which runs the stages above, and the ``LegacyPost`` it returns.
- ``media``: the body's images stored as Wagtail images, its embeds checked.
- ``saving``: ``save_post`` (create or update the page, the redirect from the old address) and
  ``import_file``.

Shared by all: ``report`` (``Refused``, and the ``Outcome`` the command reports), ``limits``
(the lengths the post's fields take) and ``elements`` (an element's text and class names, and
whether it is site chrome).
"""

from .post import parse_post
from .report import Refused
from .saving import import_file, save_post

__all__ = ["Refused", "import_file", "parse_post", "save_post"]
