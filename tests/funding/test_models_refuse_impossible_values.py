from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from funding.models import Figure
from tests.funding.factories import (
    EnterpriseZoneSiteFactory,
    FundedProjectFactory,
    FundFactory,
    FundRoundFactory,
    SourceFactory,
)

pytestmark = pytest.mark.django_db


def errors_of(obj):
    with pytest.raises(ValidationError) as raised:
        obj.full_clean()
    return raised.value.message_dict


def test_a_total_cost_below_the_award_is_refused():
    project = FundedProjectFactory.build(
        fund=FundFactory(), source=SourceFactory(), total_cost=Decimal("10")
    )
    assert "total_cost" in errors_of(project)


def test_an_end_date_before_the_start_is_refused():
    import datetime

    project = FundedProjectFactory.build(
        fund=FundFactory(),
        source=SourceFactory(),
        start_date=datetime.date(2020, 1, 1),
        end_date=datetime.date(2019, 1, 1),
    )
    assert "end_date" in errors_of(project)


def test_a_negative_award_is_refused():
    project = FundedProjectFactory.build(
        fund=FundFactory(), source=SourceFactory(), amount_awarded=Decimal("-1")
    )
    assert "amount_awarded" in errors_of(project)


def test_a_round_of_another_fund_is_refused():
    project = FundedProjectFactory.build(
        fund=FundFactory(), round=FundRoundFactory(), source=SourceFactory()
    )
    assert "round" in errors_of(project)


@pytest.mark.parametrize("latitude", [Decimal("90.5"), Decimal("-91")])
def test_a_site_latitude_out_of_range_is_refused(latitude):
    site = EnterpriseZoneSiteFactory.build(source=SourceFactory(), latitude=latitude)
    assert "latitude" in errors_of(site)


def test_a_project_location_needs_both_coordinates():
    project = FundedProjectFactory.build(
        fund=FundFactory(), source=SourceFactory(), latitude=Decimal("55")
    )
    assert "longitude" in errors_of(project)


def test_a_figure_needs_an_amount_or_a_text():
    figure = Figure(label="Nothing", source=SourceFactory())
    assert "__all__" in errors_of(figure)


def test_a_site_without_a_slug_gets_one_from_its_name():
    site = EnterpriseZoneSiteFactory(name="Dun Cow Quay", slug="")
    assert site.slug == "dun-cow-quay"
