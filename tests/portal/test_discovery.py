import pytest
from django.test import override_settings
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Site
from wagtail_factories import ImageFactory

from portal.models import SiteSettings
from tests.factories import StandardPageFactory
from tests.sitemaps import sitemap_text

pytestmark = pytest.mark.django_db


def test_sitemap_lists_live_pages_only(client, home_page):
    StandardPageFactory(parent=home_page, slug="about")
    StandardPageFactory(parent=home_page, slug="unpublished", live=False)
    xml = sitemap_text(client)
    assert "<loc>http://localhost/about/</loc>" in xml
    assert "unpublished" not in xml


def test_robots_txt_points_at_the_sitemap_and_keeps_crawlers_out_of_admin(
    client, home_page
):
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    text = response.content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in text
    assert "Disallow: /admin/" in text


def test_pages_have_canonical_url_description_and_open_graph_tags(client, home_page):
    StandardPageFactory(
        parent=home_page, slug="about", title="About us", summary="Who we are."
    )
    html = client.get("/about/?utm_source=x").content.decode()
    assert '<link rel="canonical" href="http://testserver/about/">' in html
    assert '<meta name="description" content="Who we are.">' in html
    assert '<meta property="og:title" content="About us">' in html
    assert '<meta property="og:url" content="http://testserver/about/">' in html
    assert "<title>About us | North East LEP</title>" in html


def test_redirects_send_old_addresses_to_their_new_page(client, home_page):
    about = StandardPageFactory(parent=home_page, slug="about")
    Redirect.objects.create(old_path="/about-us", redirect_page=about)
    response = client.get("/about-us/")
    assert response.status_code == 301
    assert response["Location"].endswith("/about/")


def test_unknown_address_gets_a_helpful_404(client, home_page):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Page not found" in html
    assert 'action="/search/"' in html
    assert '<meta name="robots" content="noindex">' in html


@override_settings(DEBUG=False)
def test_server_errors_show_a_plain_apology(client, home_page, monkeypatch):
    from strategy.models import HomePage

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(HomePage, "get_context", broken)
    client.raise_request_exception = False
    response = client.get("/")
    assert response.status_code == 500
    assert "Sorry, there is a problem with the service" in response.content.decode()


def test_menu_marks_the_current_section_for_screen_readers(client, home_page):
    about = StandardPageFactory(
        parent=home_page, slug="about", title="About", show_in_menus=True
    )
    StandardPageFactory(parent=about, slug="team", title="Team")
    html = client.get("/about/team/").content.decode()
    assert '<a href="/about/" aria-current="true">About</a>' in html
    html = client.get("/about/").content.decode()
    assert '<a href="/about/" aria-current="page">About</a>' in html


def test_footer_shows_the_editable_site_settings(client, home_page):
    from portal.models import SiteSettings

    about = StandardPageFactory(
        parent=home_page, slug="accessibility", title="Accessibility"
    )
    settings = SiteSettings.for_site(home_page.get_site())
    settings.contact_email = "hello@nelep.co.uk"
    settings.footer_links = [("page", about)]
    settings.social_links = [
        ("link", {"name": "LinkedIn", "url": "https://linkedin.example"})
    ]
    settings.save()
    html = client.get("/").content.decode()
    assert '<a href="mailto:hello@nelep.co.uk">hello@nelep.co.uk</a>' in html
    assert '<a href="/accessibility/">Accessibility</a>' in html
    assert "LinkedIn" in html


def test_every_page_has_a_share_image_set_in_the_site_settings(client, home_page):
    StandardPageFactory(parent=home_page, slug="about", title="About us")
    assert 'property="og:image"' not in client.get("/about/").content.decode()

    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.share_image = ImageFactory(title="Tyne Bridge", width=1600, height=900)
    settings.save()
    html = client.get("/about/").content.decode()
    assert '<meta property="og:image" content="http://testserver/media/' in html
    assert '<meta name="twitter:card" content="summary_large_image">' in html
