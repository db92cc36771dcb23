"""The newsletter's models: who receives it (subscribers), what is sent (issues, as pages) and
each sending of an issue with one delivery per recipient (mailings)."""

from .issues import FeaturedPost, NewsletterIndexPage, NewsletterIssuePage
from .mailings import Delivery, Mailing
from .subscribers import Subscriber

__all__ = ["Delivery", "FeaturedPost", "Mailing", "NewsletterIndexPage", "NewsletterIssuePage", "Subscriber"]
