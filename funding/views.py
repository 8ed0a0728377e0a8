"""The public funding pages: plain views, each given the funding page whose route it
serves (see ``FundingIndexPage``)."""

from functools import partial
from urllib.parse import urlsplit

from django.conf import settings
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_GET

from funding import charts, exports, queries
from funding.filters import ProjectFilterForm, SiteFilterForm
from funding.models.funding import Figure
from portal.query import paginate

PROJECTS_PER_PAGE = 25


def overview(request, page):
    # Called by the template only when it writes its kept fragment afresh.
    return page.render(request, context_overrides={"listed": overview_lists})


def overview_lists():
    """The figures, their chart and the funds the funding page lists."""
    figures = list(queries.figures(section=Figure.Section.FUNDING))
    return {
        "headline_figures": [f for f in figures if f.is_headline],
        "figures": figures,
        "chart": charts.bar_chart(figures),
        "funds": queries.funds_with_totals(),
    }


def fund_detail(request, page, slug):
    fund = get_object_or_404(queries.funds(), slug=slug)
    projects = paginate(
        request,
        queries.projects().filter(fund=fund),
        PROJECTS_PER_PAGE,
        f"funding:fund-project-count:{fund.pk}",
    )
    return page.render(
        request,
        template="funding/fund_detail.html",
        context_overrides={
            "fund": fund,
            "figures": list(queries.figures(fund=fund)),
            "rounds": list(queries.rounds(fund)),
            "page_obj": projects,
        },
    )


def project_list(request, page):
    form = ProjectFilterForm(request.GET)
    projects = paginate(
        request,
        form.filter(queries.projects()),
        PROJECTS_PER_PAGE,
        f"funding:project-count:{form.key}",
    )
    return page.render(
        request,
        template="funding/project_list.html",
        context_overrides={"form": form, "page_obj": projects},
    )


def project_detail(request, page, identifier):
    project = get_object_or_404(queries.projects(), identifier=identifier)
    return page.render(
        request,
        template="funding/project_detail.html",
        context_overrides={"project": project},
    )


def site_list(request, page):
    form = SiteFilterForm(request.GET)
    # Read by the template only when it has not kept the list and map.
    sites = queries.listed_sites(form)
    return page.render(
        request,
        template="funding/site_list.html",
        context_overrides={
            "figures": list(queries.figures(section=Figure.Section.ENTERPRISE_ZONES)),
            "form": form,
            "sites": sites,
            "map_features": partial(exports.site_features, sites, page, request),
            "tile_url": settings.FUNDING_MAP_TILE_URL,
            "tile_host": tile_host(settings.FUNDING_MAP_TILE_URL),
            "tile_attribution": settings.FUNDING_MAP_ATTRIBUTION,
        },
    )


def tile_host(url):
    """``tile.openstreetmap.org`` from a tile URL template, ``{s}.`` left out."""
    return urlsplit(url).netloc.split("}.", 1)[-1]


def site_detail(request, page, slug):
    site = get_object_or_404(queries.sites(), slug=slug)
    return page.render(
        request,
        template="funding/site_detail.html",
        context_overrides={
            "site": site,
            "json_ld": site.json_ld(request.build_absolute_uri()),
        },
    )


@require_GET
def open_data(request, page, name):
    return exports.OPEN_DATA_FILES[name](request, page)
