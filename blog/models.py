import re

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Prefetch, prefetch_related_objects
from django.utils import timezone
from django.utils.functional import cached_property
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, MultipleChooserPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model
from wagtail.models import Orderable, Page
from wagtail.search import index

from base.pagination import paginate

from .blocks import BlogStreamBlock, HeadingValue
from .citations import cited_numbers

# Ids the post page's own templates use; a heading's anchor never takes one.
PAGE_IDS = frozenset(
    {
        "main",
        "post-title",
        "newsletter",
        "newsletter-heading",
        "read-more-heading",
        "references-heading",
        "reading-list-heading",
        "follow-us-heading",
        "site-search-query",
    }
)
REFERENCE_ID = re.compile(r"ref-\d+")

RELATED_POSTS_COUNT = 3
POSTS_PER_PAGE = 12

# Renditions used wherever a post is shown as a card or an author as a byline.
CARD_IMAGE_FILTER = "fill-640x360"
AUTHOR_PHOTO_FILTER = "fill-96x96"


class Author(index.Indexed, ClusterableModel):
    name = models.CharField(max_length=200)
    slug = models.SlugField(
        max_length=200, unique=True, help_text="Used in the address of the author's page."
    )
    role = models.CharField(
        max_length=250,
        blank=True,
        help_text="Role and affiliation, e.g. “Director, Amsterdam Data Science”.",
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
        FieldPanel("photo"),
        FieldPanel("bio"),
        InlinePanel("links", label="Links", heading="Links (website, LinkedIn, …)"),
    ]

    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("role"),
    ]

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


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
    return [
        Prefetch(
            "post_authors",
            queryset=BlogPageAuthor.objects.select_related("author").prefetch_related(
                Prefetch("author__photo", queryset=images.prefetch_renditions(AUTHOR_PHOTO_FILTER))
            ),
        ),
        "categories",
        Prefetch("listing_image", queryset=images.prefetch_renditions(CARD_IMAGE_FILTER)),
    ]


class BlogIndexPage(Page):
    intro = RichTextField(
        blank=True,
        features=["bold", "italic", "link"],
        help_text="A sentence or two shown above the list of posts.",
    )

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    subpage_types = ["blog.BlogPage"]
    parent_page_types = ["home.HomePage"]

    def get_posts(self):
        return (
            BlogPage.objects.child_of(self)
            .live()
            .public()
            .defer_streamfields()
            .prefetch_related(*card_prefetches())
            .order_by("-date", "-pk")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["posts"], context["page_range"] = paginate(
            self.get_posts(), request.GET.get("page"), POSTS_PER_PAGE
        )
        return context


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
        help_text="Shown on post cards and when the post is shared. Landscape, at least 1280×720.",
    )
    body = StreamField(BlogStreamBlock(), blank=True)

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("date"),
                MultipleChooserPanel("post_authors", label="Authors", chooser_field_name="author", min_num=1),
                FieldPanel("categories", widget=forms.CheckboxSelectMultiple),
            ],
            heading="About the post",
        ),
        FieldPanel("lead"),
        FieldPanel("editor_note"),
        FieldPanel("listing_image"),
        FieldPanel("body"),
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
        index.SearchField("lead", boost=2),
        index.SearchField("body"),
        index.RelatedFields("post_authors", [index.RelatedFields("author", [index.SearchField("name")])]),
        index.RelatedFields("categories", [index.SearchField("name")]),
        index.FilterField("date"),
    ]

    parent_page_types = ["blog.BlogIndexPage"]
    subpage_types = []

    class Meta:
        indexes = [models.Index(fields=["-date"], name="blogpage_date_idx")]

    def clean(self):
        super().clean()
        reference_count = sum(
            len(block.value["entries"]) for block in self.body if block.block_type == "references"
        )
        cited = set()
        for block in self.body:
            if block.block_type == "paragraph":
                cited |= cited_numbers(block.value.source)
        missing = sorted(n for n in cited if n < 1 or n > reference_count)
        if missing:
            markers = ", ".join(f"[{n}]" for n in missing)
            raise ValidationError(
                {
                    "body": f"The text cites {markers}, but the references list has "
                    f"{reference_count} {'entry' if reference_count == 1 else 'entries'}. "
                    "Add the missing references or correct the numbers."
                }
            )

    @cached_property
    def headings(self) -> list[HeadingValue]:
        """The body's headings, each with an anchor unique on the page ("method", "method-2", …)."""
        taken = set(PAGE_IDS)
        headings = []
        for block in self.body:
            if block.block_type != "heading":
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

    @cached_property
    def authors(self) -> list[Author]:
        """The post's authors in the editor's order, photos' renditions included."""
        return [link.author for link in self.post_authors.all()]

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
        prefetch_related_objects([self], *card_prefetches())
        context = super().get_context(request, *args, **kwargs)
        context["headings"] = self.headings  # gives every heading its unique anchor before rendering
        return context
