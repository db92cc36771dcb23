"""Site-wide content that site managers look after: partners, footer and social links."""

from django.db import models
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Orderable
from wagtail.search import index

# The {% picture %} spec of a partner logo (includes/partners.html), shown 64 pixels high: one
# and two times that height, as AVIF and WebP with a PNG fallback (logos often need lossless
# edges or transparency). base_tags.partner_groups prefetches exactly these renditions.
PARTNER_LOGO_FILTER = "height-{64,128} format-{avif,webp,png}"
# The image size sharing cards (OpenGraph, Twitter) ask for.
SOCIAL_IMAGE_FILTER = "fill-1200x630"
# The publisher's logo in structured data: at most 600 pixels either way, its shape kept.
PUBLISHER_LOGO_FILTER = "max-600x600"


def next_partner_sort_order() -> int:
    """A new partner goes after the others."""
    last = Partner.objects.aggregate(last=models.Max("sort_order"))["last"]
    return 0 if last is None else last + 1


class Partner(index.Indexed, models.Model):
    name = models.CharField(max_length=200, help_text="Also the logo's alternative text.")
    logo = models.ForeignKey(
        "wagtailimages.Image",
        on_delete=models.PROTECT,
        related_name="+",
        help_text="A logo on a transparent or white background; it is shown about 80 pixels high.",
    )
    url = models.URLField("Website", blank=True, help_text="The partner's website; the logo links to it.")
    group = models.CharField(
        max_length=80,
        default="Founding partners",
        help_text="Partners are shown in groups under this heading, e.g. “Founding partners”.",
    )
    sort_order = models.PositiveIntegerField(
        default=next_partner_sort_order,
        help_text="Lower numbers come first within their group; a new partner goes last.",
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("logo"),
        FieldPanel("url"),
        MultiFieldPanel([FieldPanel("group"), FieldPanel("sort_order")], heading="Placement"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name"), index.FilterField("group")]

    class Meta:
        ordering = ["group", "sort_order", "name"]

    def __str__(self):
        return self.name


@register_setting(icon="list-ul")
class FooterSettings(ClusterableModel, BaseSiteSetting):
    follow_us_heading = models.CharField(max_length=80, default="Follow us")
    copyright_line = models.CharField(
        max_length=250,
        blank=True,
        help_text="Shown as typed, e.g. “© Amsterdam Data Science - All Rights Reserved.”; "
        "if it names a year, change it each January.",
    )
    credit_line = models.CharField(max_length=250, blank=True, help_text="E.g. “Design & Code by Eagerly”.")
    credit_url = models.URLField(blank=True, help_text="Optional link for the credit line.")

    panels = [
        MultiFieldPanel(
            [FieldPanel("follow_us_heading"), InlinePanel("social_links", label="Social link")],
            heading="Follow us",
        ),
        MultiFieldPanel(
            [
                FieldPanel("copyright_line"),
                FieldPanel("credit_line"),
                FieldPanel("credit_url", heading="Credit link"),
            ],
            heading="Footer",
        ),
    ]

    class Meta:
        verbose_name = "Footer and social links"


class SocialLink(Orderable):
    PLATFORMS = [
        ("linkedin", "LinkedIn"),
        ("bluesky", "Bluesky"),
        ("mastodon", "Mastodon"),
        ("x", "X (Twitter)"),
        ("youtube", "YouTube"),
        ("instagram", "Instagram"),
        ("facebook", "Facebook"),
        ("github", "GitHub"),
        ("other", "Other"),
    ]

    settings = ParentalKey(FooterSettings, on_delete=models.CASCADE, related_name="social_links")
    platform = models.CharField(max_length=20, choices=PLATFORMS)
    url = models.URLField(
        "URL",
        help_text="The full address of the profile on that network, as your browser shows it "
        "when you open the profile (starting with https://).",
    )

    panels = [FieldPanel("platform"), FieldPanel("url")]

    def __str__(self):
        return self.get_platform_display()


@register_setting(icon="image")
class SharingSettings(BaseSiteSetting):
    """What search engines and social sites show of the site as a whole."""

    publisher_logo = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The organisation's logo, given to search engines as the publisher of every post. "
        "A PNG or JPEG at least 112 pixels wide, square or wider than high.",
    )
    default_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="Default sharing image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Shown when a page without its own picture is shared on social media (the home "
        "page, the blog, categories, authors). Landscape, at least 1200×630 pixels; its "
        "description is the picture's alternative text.",
    )

    panels = [FieldPanel("publisher_logo"), FieldPanel("default_image")]

    class Meta:
        verbose_name = "Search and sharing"
