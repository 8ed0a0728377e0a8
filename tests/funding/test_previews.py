import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import RequestFactory

from tests.funding.factories import (
    EnterpriseZoneSiteFactory,
    FigureFactory,
    FundedProjectFactory,
    FundFactory,
    FundRoundFactory,
)

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "factory, expected",
    [
        (FundFactory, "Example Fund"),
        (FigureFactory, "£270m"),
        (FundRoundFactory, "Amount secured"),
        (FundedProjectFactory, "Amount awarded"),
        (EnterpriseZoneSiteFactory, "Enterprise Zone round"),
    ],
)
def test_editors_can_preview_a_draft_before_publishing(funding_page, factory, expected):
    draft = factory(live=False)
    request = RequestFactory().get("/admin/preview/")
    request.user = AnonymousUser()
    response = draft.serve_preview(request, draft.default_preview_mode)
    html = response.render().content.decode()
    assert expected in html


def test_a_preview_before_the_funding_page_exists_says_what_to_add(home_page):
    draft = FundedProjectFactory(live=False, title="Riverside works")
    request = RequestFactory().get("/admin/preview/")
    request.user = AnonymousUser()
    response = draft.serve_preview(request, draft.default_preview_mode)
    html = response.render().content.decode()
    assert "Preview: Riverside works" in html
    assert "under the funding index page, which the site does not have yet" in html
