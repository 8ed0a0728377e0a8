"""The funding section's one Wagtail page: its routes serve the funds, projects, sites
and open data (see ``views.FundingRoutesMixin``)."""

from django.core.cache import cache
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from portal.blocks import RICH_TEXT_FEATURES
from portal.caching.routing import ViewRestrictionsCacheMixin

from .views import FundingRoutesMixin


class FundingIndexPage(
    ViewRestrictionsCacheMixin, FundingRoutesMixin, RoutablePageMixin, Page
):
    intro = RichTextField(blank=True, features=RICH_TEXT_FEATURES)
    enterprise_zones_intro = RichTextField(
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text="Shown above the Enterprise Zone map and list.",
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("enterprise_zones_intro"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("enterprise_zones_intro"),
    ]

    parent_page_types = ["strategy.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = "funding index page"

    INDEX_URL_CACHE_KEY = "funding:index_url"

    def meta_description(self):
        return self.search_description

    @classmethod
    def index_url(cls):
        """The funding page's path, which fund, project and site links start from."""
        url = cache.get(cls.INDEX_URL_CACHE_KEY)
        if url is None:
            page = cls.objects.live().public().first()
            url = (page.get_url() if page else None) or "/funding/"
            cache.set(cls.INDEX_URL_CACHE_KEY, url, 300)
        return url

    @classmethod
    def forget_index_url(cls, **kwargs):
        cache.delete(cls.INDEX_URL_CACHE_KEY)
