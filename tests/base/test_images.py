"""A {% picture %} tag builds its Filter objects once, and still fits each image (base/images.py)."""

import pytest
from django.template import Context, Template
from wagtail.images.models import Filter

from tests.factories import ImageFactory

pytestmark = pytest.mark.django_db

PICTURE = Template(
    '{% load wagtailimages_tags %}{% picture image fill-{100x100,200x200} format-{webp,jpeg} alt="" %}'
)


def test_a_picture_tag_builds_its_filters_once_and_each_image_gets_its_own_crop(monkeypatch):
    built = []
    build = Filter.__init__

    def counting_init(self, spec=None):
        built.append(spec)
        build(self, spec=spec)

    monkeypatch.setattr(Filter, "__init__", counting_init)
    centred = ImageFactory()
    focused = ImageFactory(focal_point_x=1100, focal_point_y=100, focal_point_width=50, focal_point_height=50)

    first = PICTURE.render(Context({"image": centred}))
    second = PICTURE.render(Context({"image": focused}))
    again = PICTURE.render(Context({"image": centred}))

    assert sorted(built) == sorted(Filter.expand_spec("fill-{100x100,200x200} format-{webp,jpeg}"))
    assert again == first
    # A crop around the focal point is another rendition than the centred one.
    centred_keys = {r.focal_point_key for r in centred.renditions.all()}
    focused_keys = {r.focal_point_key for r in focused.renditions.all()}
    assert len(centred_keys) == 1 and len(focused_keys) == 1 and centred_keys != focused_keys
    assert second.count("<source") == 1 and "fill-200x200" in second
