import datetime
import math
import re

from django import forms
from django.db import models
from django.db.models import Exists, Max, OuterRef, Prefetch, prefetch_related_objects
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import get_language
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, MultipleChooserPanel
from wagtail.blocks.stream_block import StreamBlockValidationError
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model
from wagtail.images.models import Filter
from wagtail.models import Orderable, Page
from wagtail.search import index

from base.cache import cached_fragment
from base.models import SOCIAL_IMAGE_FILTER
from base.pagination import paginate
from base.permissions import BlogIndexPermissionTester
from base.routing import specific_child
from base.structured_data import image_object

from .blocks import BlogStreamBlock, HeadingValue
from .feeds import BlogFeed
from .forms import BlogPageForm
from .text import body_text, body_texts, plain_text

# Ids the post page's own templates use; a heading's anchor never takes one.
PAGE_IDS = frozenset(
    {
        "main",
        "post-title",
        "newsletter",
        "newsletter-heading",
        "newsletter-thanks",
        "read-more-heading",
        "references-heading",
        "reading-list-heading",
        "follow-us-heading",
        "site-search-query",
        "toc-heading",
    }
)
REFERENCE_ID = re.compile(r"ref-\d+")

RELATED_POSTS_COUNT = 3
# A post's date has no time of day; feeds and structured data need one (BlogPage.published_at).
PUBLISHED_AT_TIME = datetime.time(9)
WORDS_PER_MINUTE = 230
# A table of contents is worth its space from this many headings on.
TOC_MIN_HEADINGS = 3
POSTS_PER_PAGE = 12

# The {% picture %} specs of a post card's image (includes/post_card.html) and of an author's
# photo in a byline (includes/author_list.html): sizes for srcset, each as AVIF and WebP with a
# JPEG fallback. They are prefetched with the cards, and Wagtail matches prefetched renditions
# by exact spec, so the templates must write them exactly as here.
CARD_IMAGE_FILTER = "fill-{400x225,800x450} format-{avif,webp,jpeg}"
AUTHOR_PHOTO_FILTER = "fill-{48x48,96x96} format-{avif,webp,jpeg}"


class Author(index.Indexed, ClusterableModel):
    name = models.CharField(max_length=200)
    slug = models.SlugField(
        max_length=200, unique=True, help_text="Used in the address of the author's page."
    )
    role = models.CharField(
        max_length=150, blank=True, help_text="The author's job or role, e.g. “Director”."
    )
    affiliation = models.CharField(
        max_length=200,
        blank=True,
        help_text="The organisation the author works for, e.g. “Amsterdam Data Science”.",
    )
    photo = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="A square portrait works best. It is shown small, next to the author's name.",
    )
    bio = models.TextField(blank=True, max_length=1000, help_text="Two or three sentences about the author.")

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("role"),
        FieldPanel("affiliation"),
        FieldPanel("photo"),
        FieldPanel("bio"),
        InlinePanel("links", label="Links", heading="Links (website, LinkedIn, …)"),
    ]

    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("role"),
        index.SearchField("affiliation"),
    ]

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    @property
    def role_and_affiliation(self) -> str:
        return ", ".join(part for part in (self.role, self.affiliation) if part)

    def as_schema_person(self, url: str | None = None) -> dict:
        """The author as a schema.org Person, for structured data; ``url``: their author page."""
        person = {"@type": "Person", "name": self.name}
        if url:
            person["url"] = url
        if self.role:
            person["jobTitle"] = self.role
        if self.affiliation:
            person["affiliation"] = {"@type": "Organization", "name": self.affiliation}
        return person


class AuthorLink(Orderable):
    author = ParentalKey(Author, on_delete=models.CASCADE, related_name="links")
    label = models.CharField(max_length=60, help_text="What the link says, e.g. “Website” or “LinkedIn”.")
    url = models.URLField("URL")

    panels = [FieldPanel("label"), FieldPanel("url")]

    def __str__(self):
        return f"{self.label}: {self.url}"


class BlogCategory(index.Indexed, models.Model):
    name = models.CharField(max_length=80, unique=True)
    slug = models.SlugField(
        max_length=80, unique=True, help_text="Used in the address of the category's page."
    )

    panels = [FieldPanel("name"), FieldPanel("slug")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]
        verbose_name = "category"
        verbose_name_plural = "categories"

    def __str__(self):
        return self.name


def card_prefetches():
    """What a post card shows besides the page itself: authors with photos, categories, image."""
    images = get_image_model().objects
    renditions = get_image_model().get_rendition_model().objects
    return [
        Prefetch(
            "post_authors",
            queryset=BlogPageAuthor.objects.select_related("author__photo").prefetch_related(
                Prefetch(
                    "author__photo__renditions",
                    queryset=renditions.filter(filter_spec__in=Filter.expand_spec(AUTHOR_PHOTO_FILTER)),
                )
            ),
        ),
        "categories",
        Prefetch(
            "listing_image",
            queryset=images.prefetch_renditions(*Filter.expand_spec(CARD_IMAGE_FILTER), SOCIAL_IMAGE_FILTER),
        ),
    ]


class BlogIndexPage(RoutablePageMixin, Page):
    intro = RichTextField(
        blank=True,
        features=["bold", "italic", "link"],
        help_text="A sentence or two shown above the list of posts.",
    )

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    @property
    def summary(self) -> str:
        return plain_text(self.intro)

    subpage_types = ["blog.BlogPage"]
    parent_page_types = ["home.HomePage"]

    def permissions_for_user(self, user):
        # Editors' rights on the blog cover its posts, not the blog page itself.
        return BlogIndexPermissionTester(user, self)

    def get_posts(self):
        """The live, public posts of this blog, newest first.

        Written as "posts for which such a child page exists" rather than a join with the page
        tree (``child_of``): SQLite then walks the index on (date, id) and stops after the posts
        a listing page needs, instead of reading every post in the tree to sort them.
        """
        live_children = self.get_children().live().public().filter(pk=OuterRef("pk"))
        return BlogPage.objects.filter(Exists(live_children)).order_by("-date", "-pk")

    def route(self, request, path_components):
        """The blog's own listings and feeds first (RoutablePageMixin), then a post by its slug,
        in one query (base/routing.py); any other child (or none) goes Wagtail's way."""
        if len(path_components) == 1:
            try:
                self.resolve_subpage(f"/{path_components[0]}/")
            except Http404:
                if post := specific_child(self, path_components[0], BlogPage):
                    post.blog_index = self  # known here: the post need not look its blog up
                    return post.route(request, [])
        return super().route(request, path_components)

    @property
    def feed_url(self) -> str:
        return self.url + self.reverse_subpage("feed")

    def render_listing(self, request, posts, listing: str, **context):
        """A page of ``posts``; ``listing`` names them ("all", "category:<slug>", …), to keep
        their number until any post changes (counting 10,000 posts takes a few milliseconds)."""
        count = cached_fragment(f"post-count:{self.pk}:{listing}", posts.count)
        # What the cards show is fetched with them, for the cards not kept rendered (blog_tags.post_cards).
        page, page_range = paginate(
            posts.defer_streamfields(), request.GET.get("page"), POSTS_PER_PAGE, count
        )
        return self.render(
            request,
            context_overrides={
                "posts": page,
                "page_range": page_range,
                "blog_feed_url": self.feed_url,
                **context,
            },
        )

    @path("")
    def all_posts(self, request):
        return self.render_listing(request, self.get_posts(), "all")

    @path("category/<slug:slug>/")
    def category(self, request, slug):
        category = get_object_or_404(BlogCategory, slug=slug)
        return self.render_listing(
            request,
            self.get_posts().filter(categories=category),
            f"category:{category.pk}",
            active_category=category,
            category_feed_url=self.url + self.reverse_subpage("category_feed", args=[slug]),
            meta_title=f"{category.name} – {self.title}",
            breadcrumb=category.name,
        )

    @path("author/<slug:slug>/")
    def author(self, request, slug):
        author = get_object_or_404(
            Author.objects.select_related("photo").prefetch_related("links"), slug=slug
        )
        return self.render_listing(
            request,
            self.get_posts().filter(post_authors__author=author),
            f"author:{author.pk}",
            active_author=author,
            meta_title=f"{author.name} – {self.title}",
            breadcrumb=author.name,
        )

    @path("feed/")
    def feed(self, request):
        return BlogFeed(self)(request)

    @path("category/<slug:slug>/feed/")
    def category_feed(self, request, slug):
        return BlogFeed(self, get_object_or_404(BlogCategory, slug=slug))(request)

    def get_sitemap_urls(self, request=None):
        """The blog, then each category and author with posts here; each last modified when the
        newest of its posts was last published. Later pages of a listing are left out: they are
        reached from the first, and change with every new post."""
        posts = self.get_posts()
        base_url = self.get_full_url(request)
        newest = posts.aggregate(newest=Max("last_published_at"))["newest"]
        blog = super().get_sitemap_urls(request)
        for url in blog:
            url["lastmod"] = max(filter(None, [url.get("lastmod"), newest]), default=None)
        categories = (
            BlogCategory.objects.filter(posts__in=posts)
            .annotate(lastmod=Max("posts__last_published_at"))
            .order_by("slug")
        )
        authors = (
            BlogPageAuthor.objects.filter(page__in=posts)
            .values("author__slug")
            .annotate(lastmod=Max("page__last_published_at"))
            .order_by("author__slug")
        )
        return [
            *blog,
            *(
                {
                    "location": base_url + self.reverse_subpage("category", args=[category.slug]),
                    "lastmod": category.lastmod,
                }
                for category in categories
            ),
            *(
                {
                    "location": base_url + self.reverse_subpage("author", args=[author["author__slug"]]),
                    "lastmod": author["lastmod"],
                }
                for author in authors
            ),
        ]


class BlogPageAuthor(Orderable):
    page = ParentalKey("blog.BlogPage", on_delete=models.CASCADE, related_name="post_authors")
    author = models.ForeignKey(Author, on_delete=models.CASCADE, related_name="+")

    panels = [FieldPanel("author")]

    class Meta(Orderable.Meta):
        constraints = [models.UniqueConstraint(fields=["page", "author"], name="unique_author_per_post")]


class BlogPageRelatedPost(Orderable):
    page = ParentalKey("blog.BlogPage", on_delete=models.CASCADE, related_name="related_post_links")
    related_post = models.ForeignKey("blog.BlogPage", on_delete=models.CASCADE, related_name="+")

    panels = [FieldPanel("related_post")]


class BlogPage(Page):
    date = models.DateField(
        "Post date", default=timezone.localdate, help_text="Shown on the post and used to order posts."
    )
    categories = ParentalManyToManyField(
        BlogCategory, blank=True, related_name="posts", help_text="Tick every topic the post is about."
    )
    lead = models.TextField(
        max_length=600,
        help_text="The opening paragraph, shown large under the title and in post listings.",
    )
    editor_note = models.TextField(
        "Editor's note",
        blank=True,
        max_length=600,
        help_text="Optional disclaimer shown in italics before the body, e.g. “The opinions in this "
        "post are the author's own.”",
    )
    listing_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Shown on post cards and when the post is shared. Landscape, at least 1280×720. "
        "Left empty, the body's first image is used.",
    )
    body = StreamField(BlogStreamBlock(), blank=True)

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("date"),
                MultipleChooserPanel(
                    "post_authors",
                    label="Authors",
                    chooser_field_name="author",
                    help_text="Who wrote the post, in the order they should appear. New authors are "
                    "added under Site content → Authors.",
                ),
                FieldPanel("categories", widget=forms.CheckboxSelectMultiple),
            ],
            heading="About the post",
        ),
        FieldPanel("lead"),
        FieldPanel("editor_note"),
        FieldPanel("listing_image"),
        FieldPanel(
            "body",
            help_text="The post itself. Use the + buttons to add headings, paragraphs, images, quotes, "
            "videos, a references list and a reading list.",
        ),
        MultipleChooserPanel(
            "related_post_links",
            label="Related posts",
            heading="Read more",
            chooser_field_name="related_post",
            max_num=RELATED_POSTS_COUNT,
            help_text=f"Pick up to {RELATED_POSTS_COUNT} posts. Free places are filled with the newest "
            "posts that share a category.",
        ),
    ]

    search_fields = [
        *Page.search_fields,
        # Wagtail's own search (the admin's). Readers search an index of the site's own, laid
        # out in search/indexing.py.
        index.SearchField("lead", boost=2),
        index.SearchField("search_text"),
        index.SearchField("search_references", boost=0.5),
        index.RelatedFields("post_authors", [index.RelatedFields("author", [index.SearchField("name")])]),
        index.RelatedFields("categories", [index.SearchField("name"), index.FilterField("slug")]),
        index.FilterField("date"),
    ]

    base_form_class = BlogPageForm
    parent_page_types = ["blog.BlogIndexPage"]
    subpage_types = []

    class Meta:
        # What editors see: "New: Blog post", "Type: Blog post".
        verbose_name = "blog post"
        verbose_name_plural = "blog posts"
        # The listings' order: newest first, the later-made first on the same date.
        indexes = [models.Index(fields=["-date", "-page_ptr"], name="blogpage_date_pk_idx")]

    def search_text(self) -> str:
        """The body's own words, for the search index."""
        return " ".join(body_texts(self.body.raw_data, blocks="own"))

    def search_references(self) -> str:
        """The references and reading list, for the search index (ranked below the text)."""
        return " ".join(body_texts(self.body.raw_data, blocks="references"))

    def clean(self):
        super().clean()
        # A card without an image stands out as empty in a row of pictures: the body's first
        # image stands in until the editor picks one.
        if self.listing_image_id is None:
            self.listing_image = self.first_body_image

    def body_problems(self) -> StreamBlockValidationError | None:
        """What publishing would refuse in the body (blog.blocks.BlogStreamBlock.clean), each on
        its block; None when the body is ready. A draft may have such problems: Save draft and
        autosave defer these rules, Publish does not."""
        try:
            self.body.stream_block.clean(self.body)
        except StreamBlockValidationError as problems:
            return problems
        return None

    @property
    def first_body_image(self):
        return next(
            (
                block.value["image"]
                for block in self.body
                if block.block_type == "image" and block.value["image"]
            ),
            None,
        )

    @cached_property
    def headings(self) -> list[HeadingValue]:
        """The body's headings, each with an anchor unique on the page ("method", "method-2", …)."""
        taken = set(PAGE_IDS)
        headings = []
        for block in self.body:
            if block.block_type != "heading" or not block.value["text"]:  # a draft's, not written yet
                continue
            heading = block.value
            base = anchor = heading.anchor
            suffix = 1
            while anchor in taken or REFERENCE_ID.fullmatch(anchor):
                suffix += 1
                anchor = f"{base}-{suffix}"
            heading.anchor = anchor
            taken.add(anchor)
            headings.append(heading)
        return headings

    @property
    def summary(self) -> str:
        return self.lead

    @property
    def social_image(self):
        return self.listing_image

    @property
    def published_at(self) -> datetime.datetime:
        """The post date as a moment, for feeds and structured data: when the post was first
        published if that was on its date, else 09:00 that day (the site's time zone)."""
        first = self.first_published_at and timezone.localtime(self.first_published_at)
        if first and first.date() == self.date:
            return first.replace(microsecond=0)
        return timezone.make_aware(datetime.datetime.combine(self.date, PUBLISHED_AT_TIME))

    def structured_data(self, request, *, url: str, publisher: dict, image: dict | None) -> dict:
        """schema.org BlogPosting for search engines; ``image`` is the sharing image, if any."""
        published = self.published_at
        modified = max(
            published, timezone.localtime(self.last_published_at or published).replace(microsecond=0)
        )
        blog_url = self.blog_index.get_full_url(request) if self.blog_index else None
        data = {
            "@type": "BlogPosting",
            "@id": f"{url}#article",
            "headline": self.title,
            "description": self.lead,
            "datePublished": published.isoformat(),
            "dateModified": modified.isoformat(),
            "mainEntityOfPage": url,
            "url": url,
            "author": [
                author.as_schema_person(
                    url=blog_url and blog_url + self.blog_index.reverse_subpage("author", args=[author.slug])
                )
                for author in self.authors
            ],
            "publisher": publisher,
            "keywords": [category.name for category in self.category_list],
            "wordCount": self.word_count,
            "inLanguage": get_language(),
        }
        if image:
            data["image"] = image_object(image)
        return data

    @cached_property
    def word_count(self) -> int:
        """Words in the lead and the body's text (headings, paragraphs, quotes, references…)."""
        return len(self.lead.split()) + len(body_text(self.body.raw_data).split())

    @property
    def reading_time(self) -> int:
        """Minutes to read the post at an adult's silent-reading pace; at least one."""
        return max(1, math.ceil(self.word_count / WORDS_PER_MINUTE))

    @cached_property
    def table_of_contents(self) -> list[HeadingValue]:
        return self.headings if len(self.headings) >= TOC_MIN_HEADINGS else []

    @cached_property
    def authors(self) -> list[Author]:
        """The post's authors in the editor's order (card_prefetches() fetches them with their
        photos' renditions)."""
        return [link.author for link in self.post_authors.all()]

    @cached_property
    def blog_index(self) -> "BlogIndexPage | None":
        if not (self.path and self.depth):  # the preview of a post not yet placed in the tree
            return None
        # BlogIndexPage.route sets it when the blog routed to the post.
        return BlogIndexPage.objects.parent_of(self).first()

    @cached_property
    def category_list(self) -> list[BlogCategory]:
        return list(self.categories.all())

    @cached_property
    def related_posts(self) -> list["BlogPage"]:
        """The editor's live picks in their order, then the newest live posts sharing a category."""
        candidates = BlogPage.objects.live().public().exclude(pk=self.pk)
        # An editor may pick the same post twice by mistake; it takes one place.
        picked = list(dict.fromkeys(link.related_post_id for link in self.related_post_links.all()))
        live_picked = set(candidates.filter(pk__in=picked).values_list("pk", flat=True))
        ids = [pk for pk in picked if pk in live_picked][:RELATED_POSTS_COUNT]
        free = RELATED_POSTS_COUNT - len(ids)
        if free and self.category_list:
            sharing = BlogPage.categories.through.objects.filter(blogcategory__in=self.category_list)
            ids += (
                candidates.filter(pk__in=sharing.values("blogpage_id"))
                .exclude(pk__in=ids)
                .order_by("-date", "-pk")
                .values_list("pk", flat=True)[:free]
            )
        if not ids:
            return []
        posts = BlogPage.objects.filter(pk__in=ids).defer_streamfields().prefetch_related(*card_prefetches())
        return sorted(posts, key=lambda post: ids.index(post.pk))

    def get_context(self, request, *args, **kwargs):
        # Authors with photos, categories and the listing image in a fixed number of queries,
        # however many there are. In a preview, the editor's unsaved choices still win.
        if self.pk:  # a new post's preview has nothing saved to prefetch
            prefetch_related_objects([self], *card_prefetches())
        context = super().get_context(request, *args, **kwargs)
        context["headings"] = self.headings  # gives every heading its unique anchor before rendering
        if self.blog_index:
            context["blog_feed_url"] = self.blog_index.feed_url
        return context
