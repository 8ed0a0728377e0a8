from django.db.models import Max

from meetings.models import (
    BoardIndexPage,
    Decision,
    Meeting,
    MeetingDocument,
    MeetingIndexPage,
    Person,
)
from portal.caching.routing import route_url
from portal.sitemaps import RecordSitemap


class MeetingsPageSitemap(RecordSitemap):
    """Records whose addresses are under the public meetings page."""

    def items(self):
        self.index_url = MeetingIndexPage.public_url()
        if not self.index_url:
            return self.public().none()
        return self.public()


class MeetingSitemap(MeetingsPageSitemap):
    def public(self):
        return Meeting.objects.public().select_related("committee").order_by("pk")

    def location(self, item):
        return item.get_url(self.index_url)


class PaperSitemap(MeetingsPageSitemap):
    """The public meeting papers' downloads."""

    def public(self):
        return MeetingDocument.objects.public().only("pk", "updated_at").order_by("pk")

    def location(self, item):
        return item.get_url(self.index_url)


class CommitteeSitemap(MeetingsPageSitemap):
    """Each committee with a public meeting; it changes when its meetings do."""

    lastmod_field = "lastmod"

    def public(self):
        return (
            Meeting.objects.public()
            .values("committee__slug")
            .annotate(lastmod=Max("updated_at"))
            .order_by("committee__slug")
        )

    def get_latest_lastmod(self):
        if not MeetingIndexPage.public_url():
            return None
        return Meeting.objects.public().aggregate(latest=Max("updated_at"))["latest"]

    def lastmod(self, item):
        return item["lastmod"]

    def location(self, item):
        return route_url(
            MeetingIndexPage, "committee", item["committee__slug"], base=self.index_url
        )


class DecisionSitemap(RecordSitemap):
    """The decisions register's public decisions, under the Board page."""

    def items(self):
        self.index_url = BoardIndexPage.public_url()
        public = Decision.objects.public().only("pk", "updated_at").order_by("pk")
        return public if self.index_url else public.none()

    def location(self, item):
        return item.get_url(self.index_url)


class BoardMemberSitemap(RecordSitemap):
    """Each public member's page under the Board page."""

    lastmod_field = "last_published_at"

    def items(self):
        self.index_url = BoardIndexPage.public_url()
        public = Person.objects.public().only("slug", "last_published_at")
        return public.order_by("pk") if self.index_url else public.none()

    def location(self, item):
        return item.get_url(self.index_url)
