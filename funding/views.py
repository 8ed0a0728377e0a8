"""The public funding pages: routes of the funding index page, and its open data files.

Every list goes through its model's ``public()`` and runs a fixed number of queries
however many projects there are (related rows are joined, lists are paginated).
"""

from dataclasses import dataclass
from decimal import Decimal

from django import forms
from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Count, Q, Sum
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.text import slugify
from django.views.decorators.http import require_GET
from wagtail.contrib.routable_page.models import path
from wagtail.models import Site

from portal.caching import changes
from portal.query import page_number
from portal.widgets import QuickSelect

from . import charts, exports
from . import models as funding_models

PROJECTS_PER_PAGE = 25
# A fund's projects that are public (as FundedProject.objects.public(), from the fund).
PUBLIC_PROJECT = Q(projects__live=True) & ~Q(projects__round__live=False)


def _choices(choices, anything="Any"):
    return [("", anything), *choices]


class ProjectFilterForm(forms.Form):
    fund = forms.ChoiceField(required=False, widget=QuickSelect)
    local_authority = forms.ChoiceField(
        required=False,
        label="Local authority",
        choices=_choices(funding_models.LocalAuthority.choices),
        widget=QuickSelect,
    )
    stage = forms.ChoiceField(
        required=False,
        choices=_choices(funding_models.FundedProject.Stage.choices),
        widget=QuickSelect,
    )

    def __init__(self, data, funds):
        super().__init__(data)
        self.fields["fund"].choices = _choices([(f.slug, f.name) for f in funds])

    def filter(self, projects):
        """``projects`` narrowed by the valid choices; an invalid one is ignored."""
        self.is_valid()
        cleaned = getattr(self, "cleaned_data", {})
        if cleaned.get("fund"):
            projects = projects.filter(fund__slug=cleaned["fund"])
        if cleaned.get("local_authority"):
            projects = projects.filter(local_authority=cleaned["local_authority"])
        if cleaned.get("stage"):
            projects = projects.filter(stage=cleaned["stage"])
        return projects


class SiteFilterForm(forms.Form):
    local_authority = forms.ChoiceField(
        required=False,
        label="Local authority",
        choices=_choices(funding_models.LocalAuthority.choices),
        widget=QuickSelect,
    )
    zone_round = forms.TypedChoiceField(
        required=False,
        label="Enterprise Zone round",
        coerce=int,
        empty_value=None,
        choices=_choices(funding_models.EnterpriseZoneSite.ZoneRound.choices),
        widget=QuickSelect,
    )

    def filter(self, sites):
        self.is_valid()
        cleaned = getattr(self, "cleaned_data", {})
        if cleaned.get("local_authority"):
            sites = sites.in_local_authority(cleaned["local_authority"])
        if cleaned.get("zone_round"):
            sites = sites.filter(zone_round=cleaned["zone_round"])
        return sites


def fund_totals():
    """Each public fund's number of public projects and their total award."""
    rows = funding_models.Fund.objects.public().annotate(
        project_count=Count("projects", filter=PUBLIC_PROJECT),
        total_awarded=Sum("projects__amount_awarded", filter=PUBLIC_PROJECT),
    )
    return {
        pk: (count, total)
        for pk, count, total in rows.values_list("pk", "project_count", "total_awarded")
    }


def paginate(request, queryset, count_key=None):
    """A page of ``queryset``; with ``count_key``, the count of 100,000 rows is
    kept until content changes instead of counted on every page."""
    paginator = Paginator(queryset, PROJECTS_PER_PAGE)
    if count_key is not None:
        paginator.count = changes.cached(count_key, queryset.count)
    return paginator.get_page(page_number(request))


@dataclass(frozen=True)
class ProjectRow:
    """One line of a table of projects, read as plain values: building 25
    FundedProject instances, each with its fund, round and source, took longer than
    rendering the rest of the page."""

    identifier: str
    title: str
    fund_name: str
    round_name: str | None
    local_authority: str
    amount_awarded: Decimal
    stage: str
    source: funding_models.Source


PROJECT_ROW_VALUES = (
    "identifier",
    "title",
    "fund__name",
    "round__name",
    "local_authority",
    "amount_awarded",
    "stage",
    "source_id",
    "source__title",
    "source__url",
    "source__date_accessed",
)


def _labels(field_name):
    return dict(funding_models.FundedProject._meta.get_field(field_name).flatchoices)


def project_rows(projects):
    """``projects`` (a FundedProject queryset, sliced) as ProjectRows."""
    authorities, stages = _labels("local_authority"), _labels("stage")
    sources = {}
    rows = []
    for values in projects.values_list(*PROJECT_ROW_VALUES):
        identifier, title, fund, round_, authority, amount, stage, *source = values
        source_id, source_title, source_url, accessed = source
        if source_id not in sources:
            sources[source_id] = funding_models.Source(
                pk=source_id, title=source_title, url=source_url, date_accessed=accessed
            )
        rows.append(
            ProjectRow(
                identifier,
                title,
                fund,
                round_,
                authorities.get(authority, authority),
                amount,
                stages.get(stage, stage),
                sources[source_id],
            )
        )
    return rows


def paginate_projects(request, projects, count_key=None):
    page = paginate(request, projects, count_key)
    page.object_list = project_rows(page.object_list)
    return page


def public_projects():
    return funding_models.FundedProject.objects.public().select_related(
        "fund", "round", "source"
    )


# What the list and its map show. Reading every other column too (the description,
# the draft, revision and lock fields) took 0.74 ms for the 18 sites instead of 0.43.
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


def map_features(sites, index_url):
    """The listed sites as GeoJSON features for the map script (no extra query)."""
    return [exports.site_feature(site, index_url) for site in sites]


class FundingRoutesMixin:
    def render_route(self, request, template, **context):
        context["index_url"] = self.get_url(request)
        return self.render(request, template=template, context_overrides=context)

    @path("")
    def funding_home(self, request):
        figures = list(
            funding_models.Figure.objects.public()
            .filter(section=funding_models.Figure.Section.FUNDING)
            .select_related("fund", "source")
        )
        totals = changes.cached("funding:fund-totals", fund_totals)
        funds = list(funding_models.Fund.objects.public())
        for fund in funds:
            fund.project_count, fund.total_awarded = totals.get(fund.pk, (0, None))
        return self.render_route(
            request,
            "funding/funding_index_page.html",
            headline_figures=[f for f in figures if f.is_headline],
            figures=figures,
            chart=charts.bar_chart(figures),
            funds=funds,
        )

    @path("funds/<slug:slug>/")
    def fund_detail(self, request, slug):
        fund = get_object_or_404(funding_models.Fund.objects.public(), slug=slug)
        figures = (
            funding_models.Figure.objects.public()
            .filter(fund=fund)
            .select_related("fund", "source")
        )
        rounds = (
            funding_models.FundRound.objects.public()
            .filter(fund=fund)
            .select_related("source")
        )
        projects = paginate_projects(request, public_projects().filter(fund=fund))
        return self.render_route(
            request,
            "funding/fund_detail.html",
            fund=fund,
            figures=list(figures),
            rounds=list(rounds),
            page_obj=projects,
            projects=projects,
        )

    @path("projects/")
    def project_list(self, request):
        funds = list(funding_models.Fund.objects.public().only("slug", "name"))
        form = ProjectFilterForm(request.GET, funds)
        listed = form.filter(public_projects())
        chosen = [form.cleaned_data.get(name) or "" for name in sorted(form.fields)]
        count_key = "funding:project-count:" + "|".join(map(str, chosen))
        projects = paginate_projects(request, listed, count_key=slugify(count_key))
        return self.render_route(
            request,
            "funding/project_list.html",
            form=form,
            page_obj=projects,
            projects=projects,
        )

    @path("projects/<slug:identifier>/")
    def project_detail(self, request, identifier):
        project = get_object_or_404(public_projects(), identifier=identifier)
        return self.render_route(
            request, "funding/project_detail.html", project=project
        )

    @path("enterprise-zones/")
    def site_list(self, request):
        form = SiteFilterForm(request.GET)
        sites = list(
            form.filter(funding_models.EnterpriseZoneSite.objects.public()).only(
                *SITE_LIST_FIELDS
            )
        )
        figures = (
            funding_models.Figure.objects.public()
            .filter(section=funding_models.Figure.Section.ENTERPRISE_ZONES)
            .select_related("source")
        )
        return self.render_route(
            request,
            "funding/site_list.html",
            figures=list(figures),
            form=form,
            sites=sites,
            map_features=map_features(sites, self.get_url(request)),
            tile_url=settings.FUNDING_MAP_TILE_URL,
            tile_attribution=settings.FUNDING_MAP_ATTRIBUTION,
        )

    @path("enterprise-zones/<slug:slug>/")
    def site_detail(self, request, slug):
        site = get_object_or_404(
            funding_models.EnterpriseZoneSite.objects.public().select_related(
                "source", "image"
            ),
            slug=slug,
        )
        return self.render_route(
            request,
            "funding/site_detail.html",
            site=site,
            json_ld=site.json_ld(request.build_absolute_uri()),
        )

    def serve_open_data(self, request, name):
        return exports.OPEN_DATA_FILES[name](request, self)


@require_GET
def open_data_file(request, page_path, name):
    """``/funding/projects.csv`` and the like: Wagtail's page URLs cannot hold a dot."""
    site = Site.find_for_request(request)
    if site is None or name not in exports.OPEN_DATA_FILES:
        raise Http404
    url_path = site.root_page.url_path + page_path
    page = (
        funding_models.FundingIndexPage.objects.live()
        .public()
        .filter(url_path=url_path)
        .first()
    )
    if page is None:
        raise Http404
    return page.serve_open_data(request, name)
