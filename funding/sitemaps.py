from django.db.models import Max

from portal.caching.routing import route_url
from portal.sitemaps import RecordSitemap

from .models import EnterpriseZoneSite, Fund, FundedProject, FundingIndexPage


class FundingPageSitemap(RecordSitemap):
    """Public records whose addresses are routes of the public funding page."""

    lastmod_field = "last_published_at"
    route = ""
    key = ""

    def items(self):
        self.base = FundingIndexPage.public_url()
        if not self.base:
            return self.model.objects.none()
        return (
            self.model.objects.public()
            .only(self.key, self.lastmod_field)
            .order_by(self.key)
        )

    def location(self, item):
        return route_url(
            FundingIndexPage, self.route, getattr(item, self.key), base=self.base
        )


class FundSitemap(FundingPageSitemap):
    model, route, key = Fund, "fund", "slug"


class ProjectSitemap(FundingPageSitemap):
    model, route, key = FundedProject, "project", "identifier"


class SiteSitemap(FundingPageSitemap):
    model, route, key = EnterpriseZoneSite, "site", "slug"


class FundingListSitemap(RecordSitemap):
    """The lists of projects and of Enterprise Zone sites: routes of the funding
    page, which the pages section does not list. Each changes with what it lists."""

    LISTS = {"projects": FundedProject, "sites": EnterpriseZoneSite}

    def items(self):
        base = FundingIndexPage.public_url()
        if not base:
            return []
        return [
            (
                route_url(FundingIndexPage, route, base=base),
                model.objects.public().aggregate(latest=Max("last_published_at"))[
                    "latest"
                ],
            )
            for route, model in self.LISTS.items()
        ]

    def location(self, item):
        return item[0]

    def lastmod(self, item):
        return item[1]

    def get_latest_lastmod(self):
        return max((item[1] for item in self.items() if item[1]), default=None)

    @classmethod
    def lists(cls, instance):
        return isinstance(instance, tuple(cls.LISTS.values()))
