from django.contrib.sitemaps import Sitemap

from meetings.models import Decision, MeetingIndexPage


class DecisionSitemap(Sitemap):
    limit = 5000

    def items(self):
        self.index_url = MeetingIndexPage.public_url()
        if not self.index_url:
            return Decision.objects.none()
        return Decision.objects.public().only("pk", "updated_at").order_by("pk")

    def location(self, item):
        return item.get_url(self.index_url)

    def lastmod(self, item):
        return item.updated_at
