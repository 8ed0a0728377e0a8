"""Every kind of public URL of the seeded portal, for tests that visit them all."""

import datetime

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from wagtail.documents.models import Document
from wagtail.models import Page, Site

from funding import exports
from funding.models import EnterpriseZoneSite, Fund, FundedProject, FundingIndexPage
from meetings.models import MeetingDocument, MeetingIndexPage
from strategy.models import (
    ContactPage,
    EventPage,
    FAQPage,
    HomePage,
    StandardPage,
    StrategyPage,
    ThemePage,
)
from tests.factories import (
    EventPageFactory,
    FAQPageFactory,
    HomePageFactory,
    StandardPageFactory,
    StrategyPageFactory,
    ThemePageFactory,
    paragraph,
)
from tests.funding.factories import (
    EnterpriseZoneSiteFactory,
    FigureFactory,
    FundedProjectFactory,
    FundingIndexPageFactory,
    FundRoundFactory,
)
from tests.meetings.factories import (
    MeetingDocumentFactory,
    MeetingFactory,
    MeetingIndexPageFactory,
)

PAGE_TYPES = [
    HomePage,
    StrategyPage,
    ThemePage,
    FAQPage,
    EventPage,
    StandardPage,
    ContactPage,
]


def build_portal():
    """One public item of every kind, each with rich text and links to show."""
    root = Page.get_first_root_node()
    home = HomePageFactory(parent=root, title="Home", slug="portal-home")
    site = Site.objects.get(is_default_site=True)
    site.root_page = home
    site.save()
    strategy = StrategyPageFactory(parent=home, body=paragraph("<p>Our plan.</p>"))
    ThemePageFactory(parent=strategy, body=paragraph("<p>A theme.</p>"))
    FAQPageFactory(parent=strategy)
    EventPageFactory(parent=strategy, outcome="<p>It went well.</p>")
    StandardPageFactory(parent=home)
    home.add_child(instance=ContactPage(title="Contact us", slug="contact"))
    meetings = MeetingIndexPageFactory(parent=home)
    past = MeetingFactory()
    MeetingFactory(
        committee=past.committee, start=timezone.now() + datetime.timedelta(days=9)
    )
    MeetingDocumentFactory(meeting=past, kind=MeetingDocument.Kind.AGENDA)
    FundingIndexPageFactory(parent=home)
    round_ = FundRoundFactory()
    FundedProjectFactory(fund=round_.fund, round=round_)
    FigureFactory(fund=round_.fund)
    EnterpriseZoneSiteFactory()
    Document.objects.create(
        title="Annual report", file=ContentFile(b"%PDF-1.4\n", name="report.pdf")
    )
    return meetings


def public_urls():
    """One URL of each public view, with the parameter names each view reads."""
    urls = {}
    for page_type in PAGE_TYPES:
        urls[page_type.__name__] = page_type.objects.live().first().url
    meetings = MeetingIndexPage.objects.live().first().url
    document = (
        MeetingDocument.objects.public().select_related("meeting__committee").first()
    )
    meeting = document.meeting
    committee = meeting.committee.slug
    urls.update(
        {
            "meetings": meetings,
            "meetings feed": f"{meetings}feed/",
            "committee": f"{meetings}{committee}/",
            "committee feed": f"{meetings}{committee}/feed/",
            "meeting": f"{meetings}{committee}/{meeting.pk}/",
            "meeting document": f"{meetings}documents/{document.pk}/",
            "calendar": f"{meetings}calendar.ics",
            "committee calendar": f"{meetings}{committee}/calendar.ics",
            "meeting calendar": f"{meetings}{committee}/{meeting.pk}/calendar.ics",
            "agenda pack": f"{meetings}{committee}/{meeting.pk}/agenda-pack.pdf",
        }
    )
    funding = FundingIndexPage.objects.live().first().url
    fund = Fund.objects.public().first()
    project = FundedProject.objects.public().first()
    site = EnterpriseZoneSite.objects.public().first()
    urls.update(
        {
            "funding": funding,
            "fund": f"{funding}funds/{fund.slug}/",
            "projects": f"{funding}projects/",
            "project": f"{funding}projects/{project.identifier}/",
            "enterprise zones": f"{funding}enterprise-zones/",
            "enterprise zone": f"{funding}enterprise-zones/{site.slug}/",
        }
    )
    for name in exports.OPEN_DATA_FILES:
        urls[name] = f"{funding}{name}"
    urls.update(
        {
            "document": Document.objects.get().url,
            "mailing list": "/subscriptions/mailing-list/",
            "alerts": "/subscriptions/alerts/",
            "check your inbox": "/subscriptions/check-your-inbox/",
            "confirm": "/subscriptions/confirm/not-a-real-token/",
            "unsubscribe": "/subscriptions/unsubscribe/not-a-real-token/",
            "erasure request": "/subscriptions/your-data/erase/",
            "erasure requested": "/subscriptions/your-data/erase/requested/",
            "erase confirm": "/subscriptions/your-data/erase/not-a-real-token/",
            "search": "/search/",
            "sitemap": "/sitemap.xml",
            "robots": "/robots.txt",
            "not found": "/no-such-page/",
        }
    )
    return urls


def seeded_portal(django_db_blocker):
    """A generator for a module fixture: the built portal, rolled back afterwards.

    Each test's own transaction nests inside this one (as a savepoint), so the portal
    is built once per module and no other test module sees it.
    """
    with django_db_blocker.unblock():
        with transaction.atomic():
            build_portal()
            yield public_urls()
            transaction.set_rollback(True)
