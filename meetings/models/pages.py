from django.core.cache import cache
from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from portal.blocks import RICH_TEXT_FEATURES
from portal.caching.routing import ViewRestrictionsCacheMixin

INDEX_URL_CACHE_KEY = "meetings:index-url"


def meetings_index_url():
    """The URL of the public meetings index ('' when there is none), cached."""
    url = cache.get(INDEX_URL_CACHE_KEY)
    if url is None:
        page = MeetingIndexPage.objects.live().public().order_by("path").first()
        url = (page.url or "") if page else ""
        cache.set(INDEX_URL_CACHE_KEY, url, 600)
    return url


def forget_index_url(**kwargs):
    cache.delete(INDEX_URL_CACHE_KEY)


class MeetingIndexPage(ViewRestrictionsCacheMixin, RoutablePageMixin, Page):
    """/meetings/: every public meeting, with committee, meeting and feed sub-pages.

    Wagtail only routes paths ending in a slash, so the files (``calendar.ics``,
    ``agenda-pack.pdf``) are plain Django URLs in ``meetings/urls.py``.
    """

    intro = RichTextField(blank=True, features=RICH_TEXT_FEATURES)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    parent_page_types = ["strategy.HomePage"]
    subpage_types = []
    max_count = 1

    template = "meetings/meeting_index.html"

    def meta_description(self):
        return self.search_description

    @path("")
    def meeting_list(self, request):
        from meetings import views

        return views.meeting_list(request, self)

    @path("feed/")
    def feed(self, request):
        from meetings.feeds import DocumentsFeed

        return DocumentsFeed()(request, index=self)

    @path("documents/<int:pk>/")
    def download(self, request, pk):
        from meetings import views

        return views.download(request, pk)

    @re_path(r"^(?P<slug>[-\w]+)/$")
    def committee(self, request, slug):
        from meetings import views

        return views.committee_detail(request, self, slug)

    @re_path(r"^(?P<slug>[-\w]+)/feed/$")
    def committee_feed(self, request, slug):
        from meetings.feeds import DocumentsFeed

        return DocumentsFeed()(request, index=self, slug=slug)

    @re_path(r"^(?P<slug>[-\w]+)/(?P<pk>\d+)/$")
    def meeting(self, request, slug, pk):
        from meetings import views

        return views.meeting_detail(request, self, slug, int(pk))


models.signals.post_save.connect(forget_index_url, sender=MeetingIndexPage)
models.signals.post_delete.connect(forget_index_url, sender=MeetingIndexPage)
