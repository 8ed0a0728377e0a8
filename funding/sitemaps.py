from django.contrib.sitemaps import Sitemap

from .models import EnterpriseZoneSite, Fund


class FundingSitemap(Sitemap):
    """The public fund and Enterprise Zone site pages (the lists are Wagtail pages)."""

    def items(self):
        return [
            *Fund.objects.public().only("slug"),
            *EnterpriseZoneSite.objects.public().only("slug"),
        ]

    def location(self, item):
        return item.get_absolute_url()
