import datetime
from decimal import Decimal

import factory
import wagtail_factories
from django.utils import timezone

from funding.models import (
    EnterpriseZoneSite,
    Figure,
    Fund,
    FundedProject,
    FundingIndexPage,
    FundRound,
    LocalAuthority,
    Source,
)


class FundingIndexPageFactory(wagtail_factories.PageFactory):
    title = "Funding"
    slug = "funding"
    intro = "<p>What the partnership has secured.</p>"

    class Meta:
        model = FundingIndexPage


class SourceFactory(factory.django.DjangoModelFactory):
    title = factory.Sequence(lambda n: f"Source page {n}")
    url = factory.Sequence(lambda n: f"https://example.org/source-{n}")
    date_accessed = datetime.date(2026, 11, 1)

    class Meta:
        model = Source


class PublishedFactory(factory.django.DjangoModelFactory):
    live = True
    first_published_at = factory.LazyFunction(timezone.now)
    last_published_at = factory.LazyFunction(timezone.now)


class FundFactory(PublishedFactory):
    name = factory.Sequence(lambda n: f"Example Fund {n}")
    slug = factory.Sequence(lambda n: f"example-fund-{n}")
    funder = "UK Government"

    class Meta:
        model = Fund


class FigureFactory(PublishedFactory):
    fund = factory.SubFactory(FundFactory)
    label = factory.Sequence(lambda n: f"Reported total {n}")
    amount = Decimal("270000000")
    source = factory.SubFactory(SourceFactory)

    class Meta:
        model = Figure


class FundRoundFactory(PublishedFactory):
    identifier = factory.Sequence(lambda n: f"round-{n}")
    fund = factory.SubFactory(FundFactory)
    name = factory.Sequence(lambda n: f"Round {n}")
    period = "2015–21"
    amount_secured = Decimal("49700000")
    source = factory.SubFactory(SourceFactory)

    class Meta:
        model = FundRound


class FundedProjectFactory(PublishedFactory):
    identifier = factory.Sequence(lambda n: f"project-{n}")
    fund = factory.SubFactory(FundFactory)
    title = factory.Sequence(lambda n: f"Example project {n}")
    recipient = "Example Council"
    local_authority = LocalAuthority.GATESHEAD
    amount_awarded = Decimal("4440736")
    stage = FundedProject.Stage.IN_PROGRESS
    award_date = datetime.date(2016, 4, 1)
    source = factory.SubFactory(SourceFactory)

    class Meta:
        model = FundedProject


class EnterpriseZoneSiteFactory(PublishedFactory):
    name = factory.Sequence(lambda n: f"Example Business Park {n}")
    slug = factory.Sequence(lambda n: f"example-business-park-{n}")
    local_authority = LocalAuthority.NORTHUMBERLAND
    place = "Blyth"
    latitude = Decimal("55.12700")
    longitude = Decimal("-1.50800")
    source = factory.SubFactory(SourceFactory)

    class Meta:
        model = EnterpriseZoneSite
