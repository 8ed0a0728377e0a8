from django.contrib.sitemaps import Sitemap

from meetings.models import BoardIndexPage, Meeting, MeetingIndexPage, Person


class MeetingSitemap(Sitemap):
    limit = 5000

    def items(self):
        self.index_url = MeetingIndexPage.public_url()
        if not self.index_url:
            return Meeting.objects.none()
        return Meeting.objects.public().select_related("committee").order_by("pk")

    def location(self, item):
        return item.get_url(self.index_url)

    def lastmod(self, item):
        return item.updated_at


class BoardMemberSitemap(Sitemap):
    limit = 5000

    def items(self):
        self.index_url = BoardIndexPage.public_url()
        if not self.index_url:
            return Person.objects.none()
        return Person.objects.public().order_by("pk").only("slug", "last_published_at")

    def location(self, item):
        return item.get_url(self.index_url)

    def lastmod(self, item):
        return item.last_published_at
