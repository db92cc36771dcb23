"""Build the site tree and load the demo content. Running it again changes nothing."""

import functools
import io
import zlib

from django.conf import settings
from django.core.files.images import ImageFile
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils.text import slugify
from PIL import Image as PILImage
from PIL import ImageDraw, ImageFont
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.images import get_image_model
from wagtail.models import Collection, Locale, Page, Site
from wagtail_newsletter.models import NewsletterRecipients

from base.cache import clear_page_caches
from base.models import FooterSettings, Partner, SharingSettings, SocialLink
from base.ordering import in_order
from base.permissions import create_groups, grant_blog_permissions, grant_newsletter_permissions
from base.sites import sync_default_site
from blog.models import Author, BlogCategory, BlogIndexPage, BlogPage, BlogPageAuthor, BlogPageRelatedPost
from demo import content as demo
from home.models import HomePage
from newsletter.models import NewsletterIndexPage
from newsletter.models.issues import CONFIRMED_AUDIENCE

Image = get_image_model()


def draw_image(title: str, size: tuple[int, int], background: str, text: str, text_colour: str):
    """An image made here (no downloads): centred text on a plain background. Reused by title."""
    existing = Image.objects.filter(title=title).first()
    if existing:
        return existing
    picture = io.BytesIO(draw_png(size, background, text, text_colour))
    return Image.objects.create(title=title, file=ImageFile(picture, name=f"{slugify(title)[:60]}.png"))


@functools.cache
def draw_png(size: tuple[int, int], background: str, text: str, text_colour: str) -> bytes:
    """The PNG file of such an image, drawn once per process (~30 ms each; the tests load the
    demo content again and again)."""
    picture = PILImage.new("RGB", size, background)
    draw = ImageDraw.Draw(picture)
    width, height = size
    font_size = height // 2 if len(text) <= 3 else max(14, min(height // 3, int(width / len(text) * 1.6)))
    font = ImageFont.load_default(size=font_size)
    draw.text((width / 2, height / 2), text, fill=text_colour, font=font, anchor="mm")
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def initials(name: str) -> str:
    return "".join(word[0] for word in name.split() if word[0].isupper())[:2]


class Command(BaseCommand):
    help = "Build the site tree and load the demo content (the seed post and its page). Idempotent."

    @transaction.atomic
    def handle(self, *args, **options):
        home = self.ensure_home()
        # The groups come from a migration; after `manage.py flush` they are gone. Groups that
        # exist keep the rights an administrator may have given them.
        create_groups(overwrite=False)
        blog = self.ensure_page(
            home, BlogIndexPage, slug="blog", title="Blog", intro=demo.BLOG_INTRO, show_in_menus=True
        )
        grant_blog_permissions(blog)
        categories = {
            name: BlogCategory.objects.get_or_create(slug=slugify(name), defaults={"name": name})[0]
            for name in demo.CATEGORIES
        }
        authors = {data["name"]: self.ensure_author(data) for data in demo.AUTHORS}
        for data in [*demo.READ_MORE_POSTS, demo.SEED_POST]:
            self.ensure_post(blog, data, categories, authors)
        archive = self.ensure_page(
            home, NewsletterIndexPage, slug="newsletters", title="Newsletter", intro=demo.NEWSLETTER_INTRO
        )
        grant_newsletter_permissions(archive)
        # Made by a migration; after `manage.py flush` it is gone.
        NewsletterRecipients.objects.get_or_create(
            audience=CONFIRMED_AUDIENCE, segment=None, defaults={"name": "Confirmed subscribers"}
        )
        self.ensure_partners()
        site = Site.objects.get(root_page=home)
        self.ensure_footer(site)
        self.ensure_sharing(site)
        clear_page_caches()  # pages made or changed here were saved, not published
        self.stdout.write(self.style.SUCCESS(f"Demo content ready: {BlogPage.objects.live().count()} posts."))

    def ensure_home(self) -> HomePage:
        home = HomePage.objects.first()
        if home is None:
            root = Page.get_first_root_node() or self.recreate_wagtail_roots()
            # Wagtail's installation leaves a placeholder "Welcome" page as the site root; replace it.
            for placeholder in root.get_children().filter(content_type__model="page", slug="home"):
                placeholder.delete()
            home = root.add_child(
                instance=HomePage(title="Amsterdam Data Science", slug="home", intro=demo.HOME_INTRO)
            )
            home.save_revision().publish()
        site = Site.objects.filter(is_default_site=True).first() or Site(hostname="localhost", port=80)
        if site.root_page_id != home.pk or not site.site_name:
            site.root_page = home
            site.is_default_site = True
            site.site_name = site.site_name or "Amsterdam Data Science"
            site.save()
        sync_default_site()  # the address SITE_URL names
        return home

    def recreate_wagtail_roots(self) -> Page:
        """What Wagtail's migrations create and `manage.py flush` removes: locale, collection, page root."""
        Locale.objects.get_or_create(
            language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE)
        )
        if not Collection.get_first_root_node():
            Collection.add_root(name="Root")
        return Page.add_root(instance=Page(title="Root", slug="root"))

    def ensure_page(self, parent: Page, model, *, slug: str, **fields):
        existing = model.objects.child_of(parent).filter(slug=slug).first()
        if existing:
            return existing
        page = parent.add_child(instance=model(slug=slug, **fields))
        page.save_revision().publish()
        return page

    def ensure_author(self, data) -> Author:
        slug = slugify(data["name"])
        author = Author.objects.filter(slug=slug).first()
        if author:
            return author
        photo = draw_image(
            f"Portrait of {data['name']}", (400, 400), data["colour"], initials(data["name"]), "#ffffff"
        )
        return Author.objects.create(
            name=data["name"],
            slug=slug,
            role=data["role"],
            affiliation=data.get("affiliation", ""),
            photo=photo,
        )

    def ensure_post(self, blog: BlogIndexPage, data, categories, authors) -> BlogPage:
        existing = BlogPage.objects.child_of(blog).filter(slug=data["slug"]).first()
        if existing:
            return existing
        # A stable colour per post for its listing image.
        hue = zlib.crc32(data["slug"].encode()) % 360
        listing_image = draw_image(
            f"Illustration: {data['title']}",
            (1280, 720),
            f"hsl({hue}, 45%, 35%)",
            data["title"].split(":")[0][:40],
            "#ffffff",
        )
        post = BlogPage(
            slug=data["slug"],
            title=data["title"],
            date=data["date"],
            lead=data["lead"],
            editor_note=data.get("editor_note", ""),
            listing_image=listing_image,
            body=data["body"],
        )
        post.categories = [categories[name] for name in data["categories"]]
        post.post_authors = in_order([BlogPageAuthor(author=authors[name]) for name in data["authors"]])
        related = BlogPage.objects.filter(slug__in=data.get("related", []))
        post.related_post_links = in_order(
            [
                BlogPageRelatedPost(related_post=page)
                for page in sorted(related, key=lambda page: data["related"].index(page.slug))
            ]
        )
        blog.add_child(instance=post)
        post.save_revision().publish()
        return post

    def ensure_partners(self):
        for order, data in enumerate(demo.PARTNERS):
            if Partner.objects.filter(name=data["name"]).exists():
                continue
            logo = draw_image(f"Logo of {data['name']}", (640, 160), "#ffffff", data["name"], data["colour"])
            Partner.objects.create(name=data["name"], logo=logo, url=data["url"], sort_order=order)

    def ensure_sharing(self, site: Site):
        """The publisher's logo and the default sharing image, where a site manager set none."""
        sharing = SharingSettings.for_site(site)
        sharing.publisher_logo = sharing.publisher_logo or draw_image(
            "Logo of Amsterdam Data Science", (600, 160), "#ffffff", "Amsterdam Data Science", "#102a43"
        )
        sharing.default_image = sharing.default_image or draw_image(
            "Amsterdam Data Science", (1200, 630), "#102a43", "Amsterdam Data Science", "#ffffff"
        )
        sharing.save()

    def ensure_footer(self, site: Site):
        footer = FooterSettings.for_site(site)
        if footer.copyright_line or footer.social_links.exists():
            return
        footer.copyright_line = demo.FOOTER["copyright_line"]
        footer.credit_line = demo.FOOTER["credit_line"]
        footer.social_links = in_order(
            [SocialLink(platform=p, url=url) for p, url in demo.FOOTER["social_links"]]
        )
        footer.save()
