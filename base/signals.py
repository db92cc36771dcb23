"""Clear the page caches (base/cache.py) when something readers see changes.

Pages: publishing (which includes editing and publishing again), unpublishing, deleting a live
page (Wagtail unpublishes it first) and moving. Snippets and settings that pages show: here the
site-wide ones (partners, the footer and social links, search and sharing), promoted search results, images and
pages' privacy;
each app adds its own with ``clear_cache_on_change`` (blog/apps.py: authors and categories).
A post shows up in listings, feeds, related posts and search results too, so everything is
cleared, not one URL.
"""

from django.dispatch import receiver
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.images import get_image_model
from wagtail.models import PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from .cache import clear_cache_on_change, clear_page_caches
from .models import FooterSettings, Partner, SharingSettings, SocialLink


@receiver(page_published)
@receiver(page_unpublished)
@receiver(post_page_move)
def page_changed(**kwargs):
    clear_page_caches()


# Images too: an editor may change an image's alt text, focal point or file after it is used.
# Sites too: the menu and footer are kept per site (base/templatetags/base_tags.py).
# A page's privacy too: made private, it must leave readers' cached pages and listings at once.
clear_cache_on_change(
    Partner,
    FooterSettings,
    SocialLink,
    SharingSettings,
    SearchPromotion,
    get_image_model(),
    Site,
    PageViewRestriction,
)
