from io import StringIO

import pytest
from django.core.management import call_command
from wagtail.models import Page, Site

from portal.models import SiteSettings
from strategy.models import EventPage, FAQPage, HomePage, StandardPage, ThemePage

pytestmark = pytest.mark.django_db


def seed():
    out = StringIO()
    call_command("seed_portal", stdout=out)
    return out.getvalue()


@pytest.mark.slow
def test_seed_builds_the_starting_site_and_a_second_run_changes_nothing(client):
    first = seed()

    site = Site.objects.get(is_default_site=True)
    assert isinstance(site.root_page.specific, HomePage)
    assert not Page.objects.filter(title="Welcome to your new Wagtail site!").exists()
    themes = ThemePage.objects.live()
    assert themes.filter(kind=ThemePage.Kind.GRAND_CHALLENGE).count() == 4
    assert themes.filter(kind=ThemePage.Kind.FOUNDATION).count() == 5
    assert EventPage.objects.get().attendance == "Over 350 delegates"
    assert set(StandardPage.objects.values_list("slug", flat=True)) >= {
        "about",
        "accessibility",
        "privacy",
        "cookies",
    }
    questions = [
        q["question"] for g in FAQPage.objects.get().groups() for q in g["questions"]
    ]
    assert "What funding has the LEP secured for the North East?" in questions
    assert any("Strategic Economic Plan" in q for q in questions)
    assert "What is the evidence base?" in questions
    assert SiteSettings.for_site(site).contact_email == "info@example.org"

    for path in [
        "/",
        "/industrial-strategy/",
        "/industrial-strategy/clean-growth/",
        "/faqs/",
    ]:
        assert client.get(path).status_code == 200, path
    strategy = client.get("/industrial-strategy/").content.decode()
    assert "100,000 more and better jobs by 2024" in strategy
    assert "Engagement Summit" in strategy

    pages = list(Page.objects.values_list("id", "latest_revision_id", "title"))

    second = seed()

    assert "created" in first
    assert "nothing changed" in second
    assert list(Page.objects.values_list("id", "latest_revision_id", "title")) == pages


def test_seed_never_overwrites_an_editors_changes(seeded_site):
    theme = ThemePage.objects.get(slug="clean-growth")
    theme.summary = "Edited by the communications team."
    theme.save_revision().publish()
    settings = SiteSettings.objects.get()
    settings.contact_email = "lep@example.com"
    settings.save()

    seed()

    assert ThemePage.objects.get(slug="clean-growth").summary == (
        "Edited by the communications team."
    )
    assert SiteSettings.objects.get().contact_email == "lep@example.com"


def test_seed_does_not_recreate_a_page_an_editor_renamed(seeded_site):
    about = StandardPage.objects.get(slug="about")
    about.title = "Who we are"
    about.save_revision().publish()

    seed()

    assert StandardPage.objects.filter(slug="about").count() == 1
    assert StandardPage.objects.get(slug="about").title == "Who we are"
