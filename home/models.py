from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from base.routing import specific_child
from blog.models import BlogIndexPage, BlogPage
from blog.text import plain_text


class HomePage(Page):
    intro = RichTextField(
        blank=True,
        features=["bold", "italic", "link"],
        help_text="Welcome text at the top of the home page.",
    )
    latest_posts_heading = models.CharField(
        max_length=80, default="Latest from the blog", help_text="Heading above the newest posts."
    )
    latest_posts_count = models.PositiveSmallIntegerField(
        default=6,
        validators=[MinValueValidator(1), MaxValueValidator(12)],
        help_text="How many of the newest posts to show (1 to 12).",
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        MultiFieldPanel(
            [FieldPanel("latest_posts_heading"), FieldPanel("latest_posts_count")],
            heading="Latest posts",
        ),
    ]

    subpage_types = ["blog.BlogIndexPage"]
    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    @property
    def summary(self) -> str:
        return plain_text(self.intro)

    def route(self, request, path_components):
        """A blog by its slug in one query (base/routing.py); anything else Wagtail's way."""
        if path_components and (blog := specific_child(self, path_components[0], BlogIndexPage)):
            return blog.route(request, path_components[1:])
        return super().route(request, path_components)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["latest_posts"] = (
            BlogPage.objects.live()
            .public()
            .descendant_of(self)
            .defer_streamfields()
            .order_by("-date", "-pk")[: self.latest_posts_count]
        )
        context["blog_index"] = blog_index = BlogIndexPage.objects.live().public().descendant_of(self).first()
        if blog_index:
            context["blog_feed_url"] = blog_index.feed_url
        return context
