"""What the page cache and the CDN must forget when funding records change."""

from . import exports
from .models import EnterpriseZoneSite, Figure, Fund, FundedProject, FundRound, Source
from .pages import FundingIndexPage


def _section_paths(index):
    """The overview, the lists and every open data file, which all sum or list."""
    return {
        index,
        f"{index}projects/",
        f"{index}enterprise-zones/",
        "/sitemap.xml",
        *(f"{index}{name}" for name in exports.OPEN_DATA_FILES),
    }


def fund_paths(fund):
    index = FundingIndexPage.index_url()
    return _section_paths(index) | {f"{index}funds/{fund.slug}/"}


def figure_paths(figure):
    if figure.fund_id:
        return fund_paths(figure.fund)
    return _section_paths(FundingIndexPage.index_url())


def round_paths(funding_round):
    return fund_paths(funding_round.fund)


def project_paths(project):
    return fund_paths(project.fund) | {project.get_absolute_url()}


def site_paths(site):
    return _section_paths(FundingIndexPage.index_url()) | {site.get_absolute_url()}


def source_paths(source):
    """Sources are cited beside figures everywhere in the section."""
    return _section_paths(FundingIndexPage.index_url())


def register():
    from portal.caching import cdn, changes

    changes.watch(Source, Fund, Figure, FundRound, FundedProject, EnterpriseZoneSite)
    cdn.register(Fund, fund_paths)
    cdn.register(Figure, figure_paths)
    cdn.register(FundRound, round_paths)
    cdn.register(FundedProject, project_paths)
    cdn.register(EnterpriseZoneSite, site_paths)
    cdn.register(Source, source_paths)
