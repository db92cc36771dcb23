"""RSS feeds of a blog's newest posts: all of them, or one category's."""

import datetime

from django.contrib.syndication.views import Feed
from django.utils import timezone

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

    def link(self):
        if self.category:
            return self.blog_index.url + self.blog_index.reverse_subpage(
                "category", args=[self.category.slug]
            )
        return self.blog_index.url

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
        return post.lead

    def item_link(self, post):
        return post.url

    def item_author_name(self, post):
        return ", ".join(author.name for author in post.authors) or None

    def item_pubdate(self, post):
        return timezone.make_aware(datetime.datetime.combine(post.date, datetime.time(9)))

    def item_updateddate(self, post):
        return post.last_published_at

    def item_categories(self, post):
        return [category.name for category in post.categories.all()]
