"""Newsletter issues as pages: each issue is composed in the page editor (a subject, an intro and
the posts it features), previewed as the e-mail, sent from its "Newsletter" tab
(wagtail-newsletter's panel, with this site's delivery: newsletter/campaigns.py), and has a web
version in the archive (the index page)."""

from csp.decorators import csp
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.http import HttpResponse
from django.utils.functional import cached_property
from modelcluster.fields import ParentalKey
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, MultipleChooserPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail_newsletter.models import NewsletterPageMixin, NewsletterRecipients

from base.pagination import paginate
from base.permissions import SEND_NEWSLETTER
from base.sites import root_url
from blog.models import BlogPage, card_prefetches

from ..panels import DeliveryPanel, TestAddressesForm
from ..plain_text import plain_text
from .mailings import Mailing

ISSUES_PER_PAGE = 12
# A new issue features the posts published since the last issue was sent, at most this many; the
# newest this many when none has been sent yet.
PREFILLED_POSTS = 6
# The recipients every issue goes to (newsletter/campaigns.py); a migration makes their entry.
CONFIRMED_AUDIENCE = "confirmed"
# Where a recipient's own unsubscribe address goes in an issue's e-mail; each delivery puts theirs
# in (newsletter/sending.py). An address, so that it comes through the plain-text conversion as
# written, on a domain that can never exist (RFC 2606).
UNSUBSCRIBE_URL = "https://unsubscribe.invalid/"
# Sending needs this right (Site managers have it); writing an issue and sending a test do not.
SEND_ACTIONS = {"send_campaign", "schedule_campaign", "unschedule_campaign"}


class NewsletterIssueForm(WagtailAdminPageForm):
    """A new issue opens with the posts published since the last issue was sent, and addressed
    to every confirmed subscriber; the editor changes either before sending."""

    def __init__(self, *args, instance=None, **kwargs):
        if instance is not None and instance.pk is None and kwargs.get("data") is None:
            instance.featured_posts = [FeaturedPost(post=post) for post in posts_since_last_mailing()]
            instance.newsletter_recipients = NewsletterRecipients.objects.filter(
                audience=CONFIRMED_AUDIENCE
            ).first()
        super().__init__(*args, instance=instance, **kwargs)

    def clean(self):
        cleaned_data = super().clean()
        # The Newsletter tab's "Send a test" posts this form: wrong addresses stop it here,
        # before Wagtail saves the page, and the page comes back as typed.
        for refusal in TestAddressesForm.refusals(self.data):
            self.add_error(None, refusal)
        return cleaned_data


def posts_since_last_mailing() -> list[BlogPage]:
    """The posts first published since the last issue was sent (the latest PREFILLED_POSTS of
    them), in the blog's order: newest post date first, the later made first on the same date."""
    posts = BlogPage.objects.live().public().defer_streamfields().order_by("-first_published_at", "-pk")
    last = Mailing.objects.exclude(started_at=None).order_by("-started_at").first()
    if last:
        posts = posts.filter(first_published_at__gt=last.started_at)
    return sorted(posts[:PREFILLED_POSTS], key=lambda post: (post.date, post.pk), reverse=True)


class NewsletterIndexPage(Page):
    intro = RichTextField(
        blank=True, features=["bold", "italic", "link"], help_text="Shown above the issues."
    )

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    subpage_types = ["newsletter.NewsletterIssuePage"]
    max_count = 1

    class Meta:
        verbose_name = "newsletter archive"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        issues = NewsletterIssuePage.objects.child_of(self).live().public().order_by("-first_published_at")
        context["issues"], context["page_range"] = paginate(issues, request.GET.get("page"), ISSUES_PER_PAGE)
        return context


class NewsletterIssuePage(NewsletterPageMixin, Page):
    intro = RichTextField(
        features=["bold", "italic", "link"],
        help_text="A few sentences that open the issue, above the featured posts.",
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        MultipleChooserPanel(
            "featured_posts",
            chooser_field_name="post",
            heading="Featured posts",
            label="Post",
            help_text="A new issue starts with the posts published since the last issue was sent; "
            "remove, add or drag them into the order readers should see.",
        ),
    ]
    base_form_class = NewsletterIssueForm
    parent_page_types = ["newsletter.NewsletterIndexPage"]
    subpage_types = []
    newsletter_template = "newsletter/newsletter_issue_email.html"
    preview_modes = [*NewsletterPageMixin.preview_modes, ("newsletter_text", "Newsletter (plain text)")]

    class Meta:
        verbose_name = "newsletter issue"
        permissions = [("send_newsletterissuepage", "Can send newsletter issues to subscribers")]

    @classmethod
    def sent_as(cls, mailing: Mailing) -> "NewsletterIssuePage | None":
        """The issue whose sending ``mailing`` is (the issue keeps its id: ``newsletter_campaign``)."""
        return cls.objects.filter(newsletter_campaign=str(mailing.pk)).first()

    @cached_property
    def posts(self) -> list[BlogPage]:
        """The featured posts that are live and public, in the editor's order, with what their
        cards show (authors with photos, categories, image) fetched together."""
        ids = [link.post_id for link in self.featured_posts.all()]
        posts = BlogPage.objects.live().public().filter(pk__in=ids).defer_streamfields()
        found = {post.pk: post for post in posts.prefetch_related(*card_prefetches())}
        return [found[pk] for pk in ids if pk in found]

    def clean(self):
        super().clean()
        # Header injection: a subject is one line (the title stands in for an empty subject).
        for name in ("newsletter_subject", "title"):
            if any(character in getattr(self, name) for character in "\r\n\x00"):
                raise ValidationError({name: "Use a single line, without line breaks."})

    @classmethod
    def get_newsletter_panels(cls):
        *fields, _ = super().get_newsletter_panels()
        return [*fields, DeliveryPanel(heading="Sending")]

    def has_newsletter_permission(self, user, action) -> bool:
        """Who may edit the issue may save it and send a test; sending (which also publishes
        the web version) needs the send right and the right to publish it."""
        rights = self.permissions_for_user(user)
        if action in SEND_ACTIONS:
            return user.has_perm(".".join(SEND_NEWSLETTER)) and rights.can_publish()
        return rights.can_edit()

    def get_newsletter_subject(self) -> str:
        return " ".join(super().get_newsletter_subject().split())

    def get_newsletter_context(self) -> dict:
        return {
            **super().get_newsletter_context(),
            "posts": self.posts,
            "site_url": root_url(),
            "unsubscribe_url": UNSUBSCRIBE_URL,
        }

    def get_newsletter_text(self) -> str:
        return plain_text(self.get_newsletter_html())

    def serve_preview(self, request, mode_name):
        if mode_name == "newsletter_text":
            return HttpResponse(self.get_newsletter_text(), content_type="text/plain; charset=utf-8")
        if mode_name == "newsletter":
            # The e-mail styles itself inline, which the public policy forbids: its preview, only
            # ever served in the admin, gets a policy of its own (the web version keeps the public one).
            mail_policy = csp(settings.CONTENT_SECURITY_POLICY_NEWSLETTER_PREVIEW["DIRECTIVES"])
            return mail_policy(super().serve_preview)(request, mode_name)
        return super().serve_preview(request, mode_name)


class FeaturedPost(Orderable):
    page = ParentalKey(NewsletterIssuePage, on_delete=models.CASCADE, related_name="featured_posts")
    post = models.ForeignKey("blog.BlogPage", on_delete=models.CASCADE, related_name="+")

    panels = [FieldPanel("post")]
