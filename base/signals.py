"""Clear the page caches (base/cache.py) when something readers see changes.

Pages: publishing (which includes editing and publishing again), unpublishing, deleting a live
page (Wagtail unpublishes it first) and moving. Snippets and settings that pages show: authors,
categories, partners, the footer and social links, promoted search results and images. A post shows up
in listings, feeds, related posts and search results too, so everything is cleared, not one URL.
"""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.images import get_image_model
from wagtail.signals import page_published, page_unpublished, post_page_move

from blog.models import Author, AuthorLink, BlogCategory

from .cache import clear_page_caches
from .models import FooterSettings, Partner, SocialLink

# Images too: an editor may change an image's alt text, focal point or file after it is used.
SHOWN_ON_PAGES = [
    Author,
    AuthorLink,
    BlogCategory,
    Partner,
    FooterSettings,
    SocialLink,
    SearchPromotion,
    get_image_model(),
]


@receiver(page_published)
@receiver(page_unpublished)
@receiver(post_page_move)
def page_changed(**kwargs):
    clear_page_caches()


def snippet_changed(**kwargs):
    clear_page_caches()


for model in SHOWN_ON_PAGES:
    post_save.connect(snippet_changed, sender=model, dispatch_uid=f"page-cache-{model._meta.label}-save")
    post_delete.connect(snippet_changed, sender=model, dispatch_uid=f"page-cache-{model._meta.label}-delete")
