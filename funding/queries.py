"""What the funding pages read. Every query starts from a model's ``public()`` and
reads a fixed number of rows, however many projects there are."""

from django.db.models import Count, Q, Sum

from funding.models.funding import (
    EnterpriseZoneSite,
    Figure,
    Fund,
    FundedProject,
    FundRound,
)
from portal.caching import changes

# A fund's projects that are public (as FundedProject.objects.public(), from the fund).
PUBLIC_PROJECT = Q(projects__live=True) & ~Q(projects__round__live=False)
# What the sites list and its map show: not the descriptions.
SITE_LIST_FIELDS = (
    "name",
    "slug",
    "local_authority",
    "also_in_local_authority",
    "place",
    "zone_round",
    "incentive",
    "area_hectares",
    "latitude",
    "longitude",
    "location_is_approximate",
)


def figures(**filters):
    return Figure.objects.public().filter(**filters).select_related("fund", "source")


def funds_with_totals():
    """The public funds, each with ``project_count`` and ``total_awarded`` of its
    public projects: summed over every project, so kept until content changes."""
    totals = changes.cached("funding:fund-totals", _fund_totals)
    listed = list(funds())
    for fund in listed:
        fund.project_count, fund.total_awarded = totals.get(fund.pk, (0, None))
    return listed


def _fund_totals():
    rows = Fund.objects.public().annotate(
        project_count=Count("projects", filter=PUBLIC_PROJECT),
        total_awarded=Sum("projects__amount_awarded", filter=PUBLIC_PROJECT),
    )
    return {
        pk: (count, total)
        for pk, count, total in rows.values_list("pk", "project_count", "total_awarded")
    }


def rounds(fund):
    return FundRound.objects.public().filter(fund=fund).select_related("source")


def projects():
    return FundedProject.objects.public().select_related("fund", "round", "source")


def funds():
    return Fund.objects.public()


def listed_sites(form):
    return form.filter(EnterpriseZoneSite.objects.public()).only(*SITE_LIST_FIELDS)


def sites():
    return EnterpriseZoneSite.objects.public().select_related("source", "image")
