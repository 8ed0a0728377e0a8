"""What the page cache and the CDN must forget when funding records change."""

from django.urls import reverse

from funding import exports
from funding.models import (
    EnterpriseZoneSite,
    Figure,
    Fund,
    FundedProject,
    FundingIndexPage,
    FundRound,
    Source,
)
from portal.caching.routing import route_url


def _section_paths():
    """The overview, the lists and every open data file, which all sum or list, and
    the home page, which shows a headline figure."""
    base = FundingIndexPage.public_url()
    if not base:
        return set()
    return {
        "/",
        base,
        route_url(FundingIndexPage, "projects", base=base),
        route_url(FundingIndexPage, "sites", base=base),
        reverse("sitemap"),
        *(
            route_url(FundingIndexPage, "open_data", name, base=base)
            for name in exports.OPEN_DATA_FILES
        ),
    }


def fund_paths(fund):
    return _section_paths() | {fund.get_absolute_url()}


def figure_paths(figure):
    if figure.fund_id:
        return fund_paths(figure.fund)
    return _section_paths()


def round_paths(funding_round):
    return fund_paths(funding_round.fund)


def project_paths(project):
    return fund_paths(project.fund) | {project.get_absolute_url()}


def site_paths(site):
    return _section_paths() | {site.get_absolute_url()}


def source_paths(source):
    """Sources are cited beside figures everywhere in the section."""
    return _section_paths()


def register():
    from portal.caching import cdn, changes

    changes.watch(Source, Fund, Figure, FundRound, FundedProject, EnterpriseZoneSite)
    cdn.register(Fund, fund_paths)
    cdn.register(Figure, figure_paths)
    cdn.register(FundRound, round_paths)
    cdn.register(FundedProject, project_paths)
    cdn.register(EnterpriseZoneSite, site_paths)
    cdn.register(Source, source_paths)
