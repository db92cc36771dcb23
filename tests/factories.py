"""Factories for the project's models, built on factory_boy and wagtail_factories.

Pages are created in the tree through wagtail_factories' ``parent`` argument, e.g.
``BlogPageFactory(parent=blog_index, authors=[author], categories=[category])``.
"""

import datetime

import factory
import wagtail_factories
from django.conf import settings
from django.contrib.auth.models import Group
from django.utils.text import slugify
from wagtail.models import Collection

from base.models import Partner
from base.ordering import in_order
from blog.models import Author, BlogCategory, BlogIndexPage, BlogPage, BlogPageAuthor, BlogPageRelatedPost
from home.models import HomePage


class ImageFactory(wagtail_factories.ImageFactory):
    """A real image file (JPEG drawn by Pillow) in the root collection."""

    # wagtail_factories would add a new root collection per image; use Wagtail's own root instead.
    collection = factory.LazyFunction(Collection.get_first_root_node)
    title = factory.Sequence(lambda n: f"Test image {n}")
    file = factory.django.ImageField(width=1280, height=720, color="steelblue", filename="test-image.jpg")


class UserFactory(factory.django.DjangoModelFactory):
    """A person who signs in to the admin, e.g. ``UserFactory(username="erin", groups=["Editors"])``."""

    class Meta:
        model = settings.AUTH_USER_MODEL
        skip_postgeneration_save = True  # adding groups needs no second save

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.com")
    password = factory.django.Password("a long password")

    @factory.post_generation
    def groups(self, create, group_names, **kwargs):
        for name in group_names or ():
            self.groups.add(Group.objects.get(name=name))


class AuthorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Author

    name = factory.Sequence(lambda n: f"Author {n}")
    slug = factory.LazyAttribute(lambda obj: slugify(obj.name))
    role = "Researcher"
    affiliation = "Amsterdam Data Science"
    photo = factory.SubFactory(ImageFactory, file__width=200, file__height=200)


class BlogCategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = BlogCategory
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Category {n}")
    slug = factory.LazyAttribute(lambda obj: slugify(obj.name))


class HomePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = HomePage

    title = "Amsterdam Data Science"
    slug = "home"
    intro = "<p>News, opinion and stories from the network.</p>"


class BlogIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = BlogIndexPage

    title = "Blog"
    slug = "blog"
    show_in_menus = True
    intro = "<p>News, opinion and research stories.</p>"


def paragraph(html):
    return {"type": "paragraph", "value": html}


def heading(text, level="h2"):
    return {"type": "heading", "value": {"text": text, "level": level}}


def reference(**fields):
    entry = {"note": "", "authors": "", "title": "", "venue": "", "year": "", "url": ""}
    entry.update(fields)
    return entry


class BlogPageFactory(wagtail_factories.PageFactory):
    """A live blog post.

    Extra keyword arguments, applied before the page is saved so they are stored with it:
    ``authors`` (list of Author), ``categories`` (list of BlogCategory) and
    ``related`` (list of BlogPage, the editor's picks in order).
    """

    class Meta:
        model = BlogPage

    title = factory.Sequence(lambda n: f"Blog post number {n}")
    slug = factory.LazyAttribute(lambda obj: slugify(obj.title))
    date = factory.Sequence(lambda n: datetime.date(2020, 1, 1) + datetime.timedelta(days=n))
    lead = factory.LazyAttribute(lambda obj: f"The lead of {obj.title}.")
    body = factory.LazyAttribute(lambda obj: [paragraph(f"<p>The body of {obj.title}.</p>")])
    live = True

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        authors = kwargs.pop("authors", None) or []
        categories = kwargs.pop("categories", None) or []
        related = kwargs.pop("related", None) or []
        kwargs["post_authors"] = in_order([BlogPageAuthor(author=author) for author in authors])
        kwargs["categories"] = list(categories)
        kwargs["related_post_links"] = in_order([BlogPageRelatedPost(related_post=post) for post in related])
        if not kwargs.get("live", True):
            kwargs.setdefault("has_unpublished_changes", True)
        return super()._create(model_class, *args, **kwargs)


class PartnerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Partner

    name = factory.Sequence(lambda n: f"Partner {n}")
    logo = factory.SubFactory(ImageFactory, file__width=320, file__height=80)
    url = factory.LazyAttribute(lambda obj: f"https://{slugify(obj.name)}.example/")
    sort_order = factory.Sequence(int)
