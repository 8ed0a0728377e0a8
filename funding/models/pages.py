"""The funding section's one Wagtail page: its routes serve the funds, projects, sites
and open data files, each through a view in ``funding.views``."""

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import path, re_path
from wagtail.fields import RichTextField
from wagtail.search import index

from funding import exports, views
from funding.search import figures_text
from portal.blocks import RICH_TEXT_FEATURES
from portal.pages import SectionIndexPage

OPEN_DATA_NAMES = "|".join(name.replace(".", r"\.") for name in exports.OPEN_DATA_FILES)


class FundingIndexPage(SectionIndexPage):
    enterprise_zones_intro = RichTextField(
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text="Shown above the Enterprise Zone map and list.",
    )

    content_panels = SectionIndexPage.content_panels + [
        FieldPanel("enterprise_zones_intro")
    ]
    search_fields = SectionIndexPage.search_fields + [
        index.SearchField("enterprise_zones_intro"),
        index.SearchField("funding_figures"),
    ]

    parent_page_types = ["strategy.HomePage"]

    class Meta:
        verbose_name = "funding index page"

    def funding_figures(self):
        """The figures this page shows, for search: "First Growth Deal £289.3m"."""
        return figures_text("funding")

    @path("", name="funding")
    def overview(self, request):
        return views.overview(request, self)

    @path("funds/<slug:slug>/", name="fund")
    def fund_detail(self, request, slug):
        return views.fund_detail(request, self, slug)

    @path("projects/", name="projects")
    def project_list(self, request):
        return views.project_list(request, self)

    @path("projects/<slug:identifier>/", name="project")
    def project_detail(self, request, identifier):
        return views.project_detail(request, self, identifier)

    @path("enterprise-zones/", name="sites")
    def site_list(self, request):
        return views.site_list(request, self)

    @path("enterprise-zones/<slug:slug>/", name="site")
    def site_detail(self, request, slug):
        return views.site_detail(request, self, slug)

    # A file's address ends in its name, not a slash: see portal/urls.py.
    @re_path(rf"^(?P<name>{OPEN_DATA_NAMES})/?$", name="open_data")
    def open_data_file(self, request, name):
        return views.open_data(request, self, name)
