"""RSS feeds of a blog's newest posts: all of them, or one category's.

Every link is absolute on the Site's public address (base/sites.py), whatever Host the request
names: Django's Feed would otherwise put the request's host in front of relative links.
"""

from django.contrib.syndication.views import Feed
from django.utils.html import escape

FEED_LENGTH = 20


class BlogFeed(Feed):
    def __init__(self, blog_index, category=None):
        super().__init__()
        self.blog_index = blog_index
        self.category = category

    def title(self):
        site_name = self.blog_index.get_site().site_name or self.blog_index.title
        if self.category:
            return f"{site_name}: {self.category.name}"
        return f"{site_name}: {self.blog_index.title}"

    def get_object(self, request, *args, **kwargs):
        self.request = request  # for the Site's address in links
        return None

    def link(self):
        return self._blog_url("category", self.category.slug) if self.category else self._blog_url()

    def feed_url(self):
        return (
            self._blog_url("category_feed", self.category.slug) if self.category else self._blog_url("feed")
        )

    def _blog_url(self, subpage=None, *args) -> str:
        url = self.blog_index.get_full_url(self.request)
        return url + self.blog_index.reverse_subpage(subpage, args=args) if subpage else url

    def description(self):
        topic = f"about {self.category.name} " if self.category else ""
        return f"The newest posts {topic}from {self.blog_index.title}."

    def items(self):
        posts = self.blog_index.get_posts().defer_streamfields()
        if self.category:
            posts = posts.filter(categories=self.category)
        return posts.prefetch_related("post_authors__author", "categories")[:FEED_LENGTH]

    def item_title(self, post):
        return post.title

    def item_description(self, post):
        # RSS readers take the description as HTML: "<data>" written in a lead must show as text.
        return escape(post.lead)

    def item_link(self, post):
        return post.get_full_url(self.request)

    def item_author_name(self, post):
        return ", ".join(author.name for author in post.authors) or None

    def item_pubdate(self, post):
        return post.published_at

    def item_updateddate(self, post):
        return post.last_published_at

    def item_categories(self, post):
        return [category.name for category in post.categories.all()]
