"""The site footer: follow-us links, partner logos in their groups, copyright and credit lines."""

import re

import pytest

from base.models import FooterSettings, SocialLink

from ..conftest import soup_of, text_of
from ..factories import BlogPageFactory, PartnerFactory


def footer_of(client, url="/"):
    response = client.get(url)
    assert response.status_code == 200
    footers = soup_of(response).find_all("footer", class_="site-footer")
    assert len(footers) == 1
    return footers[0]


@pytest.fixture
def footer_settings(site):
    footer = FooterSettings.for_site(site)
    footer.follow_us_heading = "Follow us"
    footer.copyright_line = "© 2024 Amsterdam Data Science - All Rights Reserved."
    footer.credit_line = "Design & Code by Eagerly"
    footer.credit_url = "https://eagerly.example/"
    footer.social_links = [
        SocialLink(platform="linkedin", url="https://www.linkedin.com/company/ads/"),
        SocialLink(platform="mastodon", url="https://mastodon.example/@ads"),
    ]
    footer.save()
    return footer


def test_follow_us_links_in_order(footer_settings, client):
    follow = footer_of(client).find("section", class_="follow-us")
    assert text_of(follow.find("h2")) == "Follow us"
    links = [(text_of(a), a["href"]) for a in follow.find_all("a")]
    assert links == [
        ("LinkedIn", "https://www.linkedin.com/company/ads/"),
        ("Mastodon", "https://mastodon.example/@ads"),
    ]
    assert all("noopener" in a["rel"] for a in follow.find_all("a"))
    assert "social-link--linkedin" in follow.find("a")["class"]


def test_follow_us_heading_is_editable(footer_settings, client):
    footer_settings.follow_us_heading = "Find us online"
    footer_settings.save()
    assert text_of(footer_of(client).find("section", class_="follow-us").find("h2")) == "Find us online"


def test_no_follow_us_section_without_links(site, client):
    assert footer_of(client).find("section", class_="follow-us") is None


def test_copyright_and_linked_credit(footer_settings, client):
    legal = footer_of(client).find(class_="site-footer__legal")
    paragraphs = [text_of(p) for p in legal.find_all("p")]
    assert paragraphs == ["© 2024 Amsterdam Data Science - All Rights Reserved.", "Design & Code by Eagerly"]
    assert legal.find("a")["href"] == "https://eagerly.example/"


def test_credit_without_url_is_plain_text(footer_settings, client):
    footer_settings.credit_url = ""
    footer_settings.save()
    legal = footer_of(client).find(class_="site-footer__legal")
    assert legal.find("a") is None
    assert "Design & Code by Eagerly" in text_of(legal)


def test_empty_footer_settings_show_no_legal_lines(site, client):
    assert footer_of(client).find(class_="site-footer__legal").find_all("p") == []


def test_partner_logos_grouped_and_ordered(site, client):
    PartnerFactory(name="Zeta", group="Founding partners", sort_order=2)
    PartnerFactory(name="Alpha", group="Founding partners", sort_order=1)
    PartnerFactory(name="Beta", group="Founding partners", sort_order=1)
    PartnerFactory(name="Sponsor", group="Supporters", sort_order=0, url="")
    sections = footer_of(client).find_all("section", class_="partners")
    groups = [(text_of(s.find("h2")), [img["alt"] for img in s.find_all("img")]) for s in sections]
    assert groups == [("Founding partners", ["Alpha", "Beta", "Zeta"]), ("Supporters", ["Sponsor"])]
    # A partner with a website links to it; one without is just the logo.
    founding, supporters = sections
    assert [a["href"] for a in founding.find_all("a")] == [
        "https://alpha.example/",
        "https://beta.example/",
        "https://zeta.example/",
    ]
    assert supporters.find("a") is None


def test_partner_logos_are_64_pixel_renditions(site, client):
    partner = PartnerFactory(name="CWI", logo__file__width=640, logo__file__height=160)
    img = footer_of(client).find("img", alt="CWI")
    assert ".height-64.format-png." in img["src"]
    assert (img["width"], img["height"]) == ("256", "64")
    assert ".height-128.format-png." in img["srcset"]
    # AVIF and WebP for the browsers that take them, at the same two sizes.
    sources = img.find_parent("picture").find_all("source")
    assert [source["type"] for source in sources] == ["image/avif", "image/webp"]
    assert ".height-128.format-avif.avif 2x" in sources[0]["srcset"]
    assert partner.logo.renditions.filter(filter_spec="height-64|format-png").exists()


def test_no_partner_section_without_partners(site, client):
    assert footer_of(client).find("section", class_="partners") is None


def test_footer_is_on_every_kind_of_page(footer_settings, blog_index, client):
    PartnerFactory(name="CWI")
    post = BlogPageFactory(parent=blog_index)
    for url in ["/", blog_index.url, post.url, "/search/?query=post"]:
        footer = footer_of(client, url)
        assert footer.find("img", alt="CWI") is not None, url
        assert "All Rights Reserved" in text_of(footer), url


def test_the_social_link_address_help_fits_every_network():
    """One help text under every link's URL, whichever network is chosen: it names none of them
    (it said "e.g. https://www.linkedin.com/company/…" under a Mastodon link too)."""
    help_text = SocialLink._meta.get_field("url").help_text
    assert "https://" in help_text
    words = set(re.findall(r"\w+", help_text.lower()))
    named = [label for platform, label in SocialLink.PLATFORMS if platform != "other" and platform in words]
    assert named == []
