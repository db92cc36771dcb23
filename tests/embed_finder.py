"""An oEmbed finder for tests: answers from a fixed table, never from the network."""

from wagtail.embeds.exceptions import EmbedNotFoundException
from wagtail.embeds.finders.base import EmbedFinder

KNOWN = {
    "https://www.youtube.com/watch?v=test": {
        "title": "Test video",
        "type": "video",
        "html": '<iframe title="Test video" src="https://www.youtube-nocookie.com/embed/test"></iframe>',
        "width": 640,
        "height": 360,
    }
}


class OfflineEmbedFinder(EmbedFinder):
    def accept(self, url):
        return True

    def find_embed(self, url, max_width=None, max_height=None):
        if url not in KNOWN:
            raise EmbedNotFoundException
        return dict(KNOWN[url])
