import datetime

import factory
import wagtail_factories

from strategy.models import (
    EventPage,
    FAQPage,
    HomePage,
    StandardPage,
    StrategyPage,
    ThemePage,
)


def paragraph(html):
    return [("paragraph", html)]


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Home"
    heading = "A confident North East"
    summary = "The partnership's home page."

    class Meta:
        model = HomePage


class StrategyPageFactory(wagtail_factories.PageFactory):
    title = "The Local Industrial Strategy"
    summary = "A delivery plan extending to 2030."
    status = StrategyPage.Status.IN_DEVELOPMENT
    horizon_year = 2030

    class Meta:
        model = StrategyPage


class ThemePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Theme {n}")
    kind = ThemePage.Kind.GRAND_CHALLENGE
    summary = "What this theme is about."

    class Meta:
        model = ThemePage


class FAQPageFactory(wagtail_factories.PageFactory):
    title = "Frequently asked questions"

    class Meta:
        model = FAQPage


class EventPageFactory(wagtail_factories.PageFactory):
    title = "Engagement Summit"
    date = datetime.date(2019, 7, 16)
    attendance = "Over 350 delegates"

    class Meta:
        model = EventPage


class StandardPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Standard page {n}")
    summary = "A page about the partnership."

    class Meta:
        model = StandardPage


def contact_page(parent, **fields):
    """The seed's "Contact us" page, with its four fields, under ``parent``."""
    from strategy.models import ContactFormField, ContactPage
    from strategy.seed import CONTACT

    page = ContactPage(
        **{**CONTACT, **fields, "form_fields": []},
    )
    page.form_fields = [
        ContactFormField(sort_order=number, **field)
        for number, field in enumerate(CONTACT["form_fields"])
    ]
    parent.add_child(instance=page)
    return page
